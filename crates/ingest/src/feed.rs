//! RSS 2.0, RSS 1.0 (RDF) and Atom feeds: one [`Item`] per `<item>`/`<entry>`.
//!
//! The parser is a lenient event walk: element names are matched by local
//! name (so `content:encoded`, `dc:date` and default-namespaced Atom all
//! work), end-tag names are not checked, and entity errors fall back to the
//! raw text (RSS descriptions routinely carry HTML entities such as `&nbsp;`
//! that XML does not define). Markup nested inside a field (Atom
//! `type="xhtml"`) is kept as markup so the HTML extractor sees paragraphs.
//! A syntax error ends the feed: items read before it are kept, the error
//! names its byte offset. Turning items into articles is the caller's job.

use quick_xml::events::{BytesStart, Event};

/// One feed entry's raw fields (HTML not yet extracted).
#[derive(Debug, Default, Clone)]
pub(crate) struct Item {
    /// 1-based position in the feed.
    pub index: usize,
    pub title: Option<String>,
    pub link: Option<String>,
    pub guid: Option<String>,
    /// Full content (`content:encoded`, Atom `content`).
    pub content: Option<String>,
    /// Summary (`description`, Atom `summary`).
    pub summary: Option<String>,
    /// Date fields with their preference rank (lower is better): published,
    /// pubDate, dc:date, updated.
    pub dates: Vec<(u8, String)>,
}

/// Everything read from a feed.
#[derive(Debug, Default)]
pub(crate) struct Feed {
    pub title: Option<String>,
    pub items: Vec<Item>,
    /// The syntax error that ended reading, with its byte offset.
    pub error: Option<(u64, String)>,
    /// False when the root element was not `rss`, `feed` or `RDF`.
    pub recognised: bool,
}

/// Namespace prefixes whose elements are read (by local name); elements with
/// any other prefix are ignored.
const FEED_PREFIXES: &[&[u8]] = &[b"content", b"dc", b"dcterms", b"atom", b"a", b"rss", b"rdf"];

/// The field of an item (or the channel) whose text is being collected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Title,
    Link,
    Guid,
    Content,
    Summary,
    Published,
    PubDate,
    DcDate,
    Updated,
}

impl Field {
    fn of(local: &[u8]) -> Option<Field> {
        Some(match local {
            b"title" => Field::Title,
            b"link" => Field::Link,
            b"guid" | b"id" => Field::Guid,
            b"encoded" | b"content" => Field::Content,
            b"description" | b"summary" => Field::Summary,
            b"published" | b"issued" => Field::Published,
            b"pubDate" | b"pubdate" => Field::PubDate,
            b"date" => Field::DcDate,
            b"updated" | b"modified" => Field::Updated,
            _ => return None,
        })
    }
}

struct Open {
    field: Field,
    /// Depth of the field element; deeper elements are markup inside it.
    depth: usize,
    buf: String,
}

/// Parses a whole feed document.
pub(crate) fn parse(xml: &str) -> Feed {
    let mut reader = quick_xml::Reader::from_str(xml);
    {
        let cfg = reader.config_mut();
        cfg.check_end_names = false;
        cfg.allow_unmatched_ends = true;
        cfg.check_comments = false;
    }
    let mut feed = Feed::default();
    let mut depth = 0usize;
    let mut item: Option<(usize, Item)> = None;
    let mut open: Option<Open> = None;
    let mut count = 0usize;

    loop {
        let event = match reader.read_event() {
            Ok(e) => e,
            Err(e) => {
                feed.error = Some((reader.error_position(), e.to_string()));
                break;
            }
        };
        match event {
            Event::Start(e) => {
                depth += 1;
                on_start(
                    &e, depth, false, &mut feed, &mut item, &mut open, &mut count,
                );
            }
            Event::Empty(e) => {
                on_start(
                    &e,
                    depth + 1,
                    true,
                    &mut feed,
                    &mut item,
                    &mut open,
                    &mut count,
                );
            }
            Event::End(e) => {
                if let Some(o) = &mut open {
                    if depth > o.depth {
                        o.buf.push_str("</");
                        o.buf.push_str(&String::from_utf8_lossy(e.name().as_ref()));
                        o.buf.push('>');
                    } else if let Some(o) = open.take() {
                        close_field(o, &mut feed, &mut item);
                    }
                }
                if let Some((d, _)) = &item {
                    if *d == depth {
                        if let Some((_, it)) = item.take() {
                            feed.items.push(it);
                        }
                    }
                }
                depth = depth.saturating_sub(1);
            }
            Event::Text(t) => {
                if let Some(o) = &mut open {
                    match t.unescape() {
                        Ok(s) => o.buf.push_str(&s),
                        Err(_) => o.buf.push_str(&String::from_utf8_lossy(&t.into_inner())),
                    }
                }
            }
            Event::CData(c) => {
                if let Some(o) = &mut open {
                    o.buf.push_str(&String::from_utf8_lossy(&c.into_inner()));
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    feed
}

fn on_start(
    e: &BytesStart,
    depth: usize,
    empty: bool,
    feed: &mut Feed,
    item: &mut Option<(usize, Item)>,
    open: &mut Option<Open>,
    count: &mut usize,
) {
    let local = e.local_name();
    let local = local.as_ref();
    if depth == 1 {
        feed.recognised = matches!(local, b"rss" | b"feed" | b"RDF");
        return;
    }
    if let Some(o) = open {
        // Markup inside a field, e.g. Atom xhtml content: keep it as markup.
        o.buf.push('<');
        o.buf.push_str(&String::from_utf8_lossy(e));
        o.buf.push_str(if empty { "/>" } else { ">" });
        return;
    }
    // Extension namespaces (media:, itunes:, georss:...) reuse names like
    // `content` and `title` for other things; only the feed vocabularies and
    // the two modules that carry item text and dates are read.
    let name = e.name();
    if name
        .prefix()
        .is_some_and(|p| !FEED_PREFIXES.contains(&p.into_inner()))
    {
        return;
    }
    if matches!(local, b"item" | b"entry") && item.is_none() {
        *count += 1;
        *item = Some((
            depth,
            Item {
                index: *count,
                ..Item::default()
            },
        ));
        return;
    }
    let Some(field) = Field::of(local) else {
        return;
    };
    // Only direct children are fields: `media:title` or `media:description`
    // nested in `media:content` describe a photo, not the item. Outside
    // items only the feed's own title (not an `<image>`'s) is wanted.
    let wanted = match item {
        Some((item_depth, _)) => depth == *item_depth + 1,
        None => field == Field::Title && depth <= 3,
    };
    if !wanted {
        return;
    }
    if field == Field::Link {
        // Atom links carry the URL in href; prefer rel="alternate" (or none).
        if let Some(href) = attr(e, b"href") {
            let rel = attr(e, b"rel");
            if let Some((_, it)) = item {
                if matches!(rel.as_deref(), None | Some("alternate")) || it.link.is_none() {
                    it.link = Some(href.trim().to_string());
                }
            }
            return;
        }
    }
    if !empty {
        *open = Some(Open {
            field,
            depth,
            buf: String::new(),
        });
    }
}

fn close_field(o: Open, feed: &mut Feed, item: &mut Option<(usize, Item)>) {
    let value = o.buf.trim().to_string();
    if value.is_empty() {
        return;
    }
    let Some((_, it)) = item else {
        if o.field == Field::Title && feed.title.is_none() {
            feed.title = Some(value);
        }
        return;
    };
    let slot = match o.field {
        Field::Title => &mut it.title,
        Field::Link => &mut it.link,
        Field::Guid => &mut it.guid,
        Field::Content => &mut it.content,
        Field::Summary => &mut it.summary,
        Field::Published | Field::PubDate | Field::DcDate | Field::Updated => {
            let rank = match o.field {
                Field::Published => 0,
                Field::PubDate => 1,
                Field::DcDate => 2,
                _ => 3,
            };
            it.dates.push((rank, value));
            return;
        }
    };
    if slot.is_none() {
        *slot = Some(value);
    }
}

fn attr(e: &BytesStart, name: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .and_then(|a| a.unescape_value().ok().map(|v| v.into_owned()))
}
