//! Main-text extraction from HTML pages and HTML fragments (feed items).
//!
//! A page goes through four steps:
//! 1. **Metadata** from the head: title (`og:title`, JSON-LD `headline`, `<h1>`,
//!    `<title>`), publication date (`article:published_time` and the other
//!    common meta names, JSON-LD `datePublished`, `itemprop=datePublished`,
//!    `<time datetime>`), canonical URL and site name.
//! 2. **Root**: the element most likely to hold the article —
//!    `itemprop=articleBody`, the `<article>` with the most paragraph text,
//!    `<main>` — taken only when it holds a fair share of the page's paragraph
//!    text, since teaser lists also use `<article>`. Otherwise `<body>`.
//! 3. **Blocks**: a walk of the root that drops whole subtrees which are never
//!    article text (scripts, nav, aside, footer, forms, figures, hidden
//!    elements, and class/id names like `share`, `related`, `newsletter`,
//!    `cookie`, `comments`), and cuts the rest into paragraph blocks, counting
//!    how much of each block is link text.
//! 4. **Classification** in the manner of jusText: a long block with few links
//!    and some punctuation is content; a block that is mostly links or is a
//!    known boilerplate phrase ("Read more", "Sign up for our newsletter") is
//!    not; short and medium blocks (bylines, subheads, one-line paragraphs) are
//!    decided by their neighbours.
//!
//! Fragments (feed descriptions) skip steps 1, 2 and 4's context rules: every
//! block that is not boilerplate is kept, because a two-line summary is all
//! there is. This module does not decode bytes, fetch anything, or run scripts.

use chrono::NaiveDate;
use regex::Regex;
use scraper::node::Node;
use scraper::{ElementRef, Html, Selector};

use crate::date::Dates;

/// Whole subtrees that never hold article text, whatever their share of it.
const HARD_SKIP: &[&str] = &[
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "math",
    "canvas",
    "nav",
    "footer",
    "aside",
    "button",
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "select",
    "textarea",
    "input",
    "label",
    "option",
    "figure",
    "figcaption",
    "picture",
    "img",
    "video",
    "audio",
    "source",
    "map",
    "dialog",
    "menu",
    "head",
    "title",
    "meta",
    "link",
    "base",
];

/// Subtrees dropped unless they hold most of the page's paragraph text: some
/// CMSs wrap the whole page in a `<form>` or a `<header>`-classed div.
const SOFT_SKIP: &[&str] = &["form", "header"];

const SKIP_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "menu",
    "menubar",
    "dialog",
    "alertdialog",
    "search",
    "toolbar",
];

const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "table",
    "tr",
    "td",
    "th",
    "tbody",
    "thead",
    "tfoot",
    "caption",
    "address",
    "center",
    "details",
    "summary",
    "body",
    "html",
];

/// Meta names and properties that carry a publication date, best first.
const DATE_KEYS: &[&str] = &[
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "datepublished",
    "article.published",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "date",
    "dc.date",
    "dc.date.issued",
    "dc.date.created",
    "dcterms.date",
    "dcterms.issued",
    "dcterms.created",
    "sailthru.date",
    "parsely-pub-date",
    "originalpublicationdate",
];

/// A content root must hold at least this share of the page's paragraph text.
const ROOT_SHARE: f64 = 0.4;
/// A soft-skipped or boilerplate-named subtree survives if it holds more than
/// this share of the root's paragraph text.
const KEEP_SHARE: f64 = 0.5;
/// Blocks at least this long (in characters) with little link text are content.
const GOOD_CHARS: usize = 70;
/// Blocks shorter than this are "short" and need good neighbours on both sides.
const NEAR_CHARS: usize = 30;
const GOOD_LINK_DENSITY: f64 = 0.25;
const BAD_LINK_DENSITY: f64 = 0.5;
/// Boilerplate phrases are matched only against blocks shorter than this, so
/// that an article paragraph starting "Read more about..." survives.
const BOILERPLATE_MAX_CHARS: usize = 200;

/// What a page says about itself, plus its main text as paragraphs.
#[derive(Debug, Default)]
pub(crate) struct Page {
    pub title: Option<String>,
    pub published: Option<NaiveDate>,
    pub url: Option<String>,
    pub site_name: Option<String>,
    pub paragraphs: Vec<String>,
}

/// Selectors and patterns for extraction; build once per [`crate::Reader`].
#[derive(Debug)]
pub(crate) struct HtmlExtractor {
    meta: Selector,
    title: Selector,
    canonical: Selector,
    ld_json: Selector,
    h1: Selector,
    time: Selector,
    date_prop: Selector,
    article_body: Selector,
    article: Selector,
    main: Selector,
    body: Selector,
    p: Selector,
    boilerplate_name: Regex,
    boilerplate_text: Regex,
}

fn selector(s: &str) -> Selector {
    Selector::parse(s).unwrap_or_else(|e| panic!("selector {s:?}: {e:?}"))
}

impl HtmlExtractor {
    pub(crate) fn new() -> HtmlExtractor {
        HtmlExtractor {
            meta: selector("meta[content]"),
            title: selector("title"),
            canonical: selector("link[rel~=canonical][href]"),
            ld_json: selector(r#"script[type="application/ld+json"]"#),
            h1: selector("h1"),
            time: selector("time[datetime]"),
            date_prop: selector(r#"[itemprop="datePublished"]"#),
            article_body: selector(r#"[itemprop="articleBody"]"#),
            article: selector("article"),
            main: selector(r#"main, [role="main"]"#),
            body: selector("body"),
            p: selector("p"),
            // Matched against each class and id token, on word parts split at
            // `-`/`_`, so `share-bar` and `post_related` match but `shareholder`
            // and `header-image` do not.
            boilerplate_name: Regex::new(
                r"(?ix)(?:^|[-_])(?:
                    nav|navbar|navigation|menu|submenu|megamenu|breadcrumbs?|skip|skiplinks?|
                    share|sharing|sharebar|social|socials|sociallinks|
                    related|relatedposts|recommended|recommendations|recirc|
                    newsletter|subscribe|subscription|signup|
                    cookies?|consent|gdpr|
                    comments?|disqus|replies|
                    footer|sidebar|promo|promos|advert|advertisement|ads?|adslot|sponsored|sponsor|
                    banner|popup|modal|overlay|tags|taglist|keywords|bio|paywall|
                    outbrain|taboola|trending|pagination|pager|toolbar|masthead|topbar|print
                )(?:$|[-_])
                |most[-_]?(?:read|popular|viewed|shared)|read[-_]?more|see[-_]?also
                |more[-_]?(?:stories|news|from)|you[-_]?may[-_]?(?:like|also)",
            )
            .expect("boilerplate names"),
            boilerplate_text: Regex::new(
                r"(?ix)^\W*(?:
                    source\s+link|source|read\s+more|read\s+more\s*:.*|related(?:\s+(?:articles?|stories|content|coverage|news|posts|topics))?(?:\s*:.*)?|
                    more\s+on\s+this\s+story|more\s+stories|see\s+also.*|you\s+may\s+also\s+like.*|most\s+(?:read|popular|viewed)|
                    (?:sign\s+up|subscribe)\b.*|(?:get|receive|join)\s+(?:our|the)\b.*\bnewsletters?\b.*|
                    (?:we|this\s+(?:web)?site)\s+uses?\s+cookies.*|.*\baccept\s+(?:all\s+)?cookies.*|
                    share(?:\s+(?:this|on|via)\b.*)?|follow\s+us\b.*|
                    advertisement|sponsored(?:\s+content)?|
                    comments?(?:\s*\(\d+\))?|\d+\s+comments?|leave\s+a\s+(?:comment|reply).*|
                    all\s+rights\s+reserved.*|(?:©|copyright\b).*|
                    click\s+here\b.*|continue\s+reading.*|skip\s+to\s+(?:main\s+)?content|
                    (?:tags?|topics?|filed\s+under)\s*:.*|
                    (?:image|photo|picture)\s*(?:source|caption|credit|copyright)?\s*:.*|
                    (?:listen|watch)(?:\s+to\s+this\s+article)?|print|email|back\s+to\s+top
                )\W*$",
            )
            .expect("boilerplate text"),
        }
    }

    /// Extracts metadata and main text from a whole page.
    pub(crate) fn page(&self, html: &str, dates: &Dates) -> Page {
        let doc = Html::parse_document(html);
        let (root, article_root) = self.content_root(&doc);
        let meta = MetaTags::collect(self, &doc);
        let ld = LinkedData::collect(self, &doc);

        let site_name = meta
            .get(&["og:site_name", "application-name"])
            .or(ld.publisher)
            .map(collapse);
        let raw_title = meta
            .get(&["og:title", "twitter:title"])
            .or(ld.headline.clone())
            .or_else(|| root.select(&self.h1).next().map(text_of))
            .or_else(|| doc.select(&self.h1).next().map(text_of))
            .map(|t| (t, false))
            .or_else(|| doc.select(&self.title).next().map(|t| (text_of(t), true)));
        let title = raw_title
            .and_then(|(t, from_title_tag)| clean_title(&t, site_name.as_deref(), from_title_tag));

        let published = DATE_KEYS
            .iter()
            .filter_map(|k| meta.get(&[k]))
            .chain(ld.date_published)
            .chain(doc.select(&self.date_prop).filter_map(|e| {
                e.attr("datetime")
                    .or(e.attr("content"))
                    .map(str::to_string)
                    .or_else(|| Some(text_of(e)))
            }))
            .chain(
                root.select(&self.time)
                    .chain(doc.select(&self.time))
                    .filter_map(|e| e.attr("datetime").map(str::to_string)),
            )
            .find_map(|v| dates.parse(&v));

        let url = doc
            .select(&self.canonical)
            .filter_map(|e| e.attr("href"))
            .map(str::to_string)
            .chain(meta.get(&["og:url"]))
            .map(|u| u.trim().to_string())
            .find(|u| !u.is_empty());

        let mut paragraphs = self.blocks(root, Mode::Page { article_root });
        if let Some(t) = &title {
            paragraphs.retain(|p| p != t);
        }
        Page {
            title,
            published,
            url,
            site_name: site_name.filter(|s| !s.is_empty()),
            paragraphs,
        }
    }

    /// Paragraphs of an HTML fragment (a feed item's description), keeping
    /// everything that is not boilerplate.
    pub(crate) fn fragment(&self, html: &str) -> Vec<String> {
        if !html.contains('<') && !html.contains('&') {
            // Plain text in a feed field: keep its paragraph breaks.
            return html
                .split("\n\n")
                .map(collapse)
                .filter(|p| !p.is_empty())
                .collect();
        }
        let doc = Html::parse_fragment(html);
        self.blocks(doc.root_element(), Mode::Fragment)
    }

    /// Plain text of a short HTML snippet such as a feed title.
    pub(crate) fn inline_text(&self, html: &str) -> String {
        if !html.contains('<') && !html.contains('&') {
            return collapse(html);
        }
        let doc = Html::parse_fragment(html);
        collapse(doc.root_element().text().collect::<String>())
    }

    /// The element to extract from, and whether it was chosen for being an
    /// article container (rather than being the whole body).
    fn content_root<'d>(&self, doc: &'d Html) -> (ElementRef<'d>, bool) {
        let body = doc
            .select(&self.body)
            .next()
            .unwrap_or_else(|| doc.root_element());
        let total = self.paragraph_chars(body) as f64;
        let best = |sel: &Selector| {
            doc.select(sel)
                .map(|e| (self.paragraph_chars(e), e))
                .max_by_key(|(n, _)| *n)
                .filter(|(n, _)| *n as f64 >= ROOT_SHARE * total && (*n > 0 || total == 0.0))
                .map(|(_, e)| e)
        };
        match best(&self.article_body)
            .or_else(|| best(&self.article))
            .or_else(|| best(&self.main))
        {
            Some(root) => (root, true),
            None => (body, false),
        }
    }

    /// Characters of `<p>` text under `el`: the cheap measure of "where the
    /// article is" that teaser lists and menus score low on.
    fn paragraph_chars(&self, el: ElementRef) -> usize {
        el.select(&self.p)
            .map(|p| p.text().map(|t| t.trim().chars().count()).sum::<usize>())
            .sum()
    }

    fn blocks(&self, root: ElementRef, mode: Mode) -> Vec<String> {
        let page = matches!(mode, Mode::Page { .. });
        let mut c = Collector {
            ex: self,
            page,
            root_chars: self.paragraph_chars(root),
            blocks: Vec::new(),
            cur: String::new(),
            cur_chars: 0,
            cur_links: 0,
            pending_space: false,
        };
        c.walk(root, false);
        c.flush(false);
        let lenient = || -> Vec<bool> {
            c.blocks
                .iter()
                .map(|b| self.classify(b) != Class::Bad)
                .collect()
        };
        let keep = match mode {
            Mode::Fragment => lenient(),
            Mode::Page { article_root } => {
                let keep = self.classify_in_context(&c.blocks);
                // An article container holding only short paragraphs (a
                // bulletin, a live blog) has no "long" block to anchor the
                // context rules; its container is evidence enough.
                if article_root && !keep.contains(&true) {
                    lenient()
                } else {
                    keep
                }
            }
        };
        let mut out: Vec<String> = Vec::new();
        for (block, keep) in c.blocks.into_iter().zip(keep) {
            if keep && out.last() != Some(&block.text) {
                out.push(block.text);
            }
        }
        out
    }

    fn classify(&self, b: &Block) -> Class {
        if b.chars < BOILERPLATE_MAX_CHARS && self.boilerplate_text.is_match(&b.text) {
            return Class::Bad;
        }
        let density = b.links as f64 / b.chars.max(1) as f64;
        if density > BAD_LINK_DENSITY {
            return Class::Bad;
        }
        if b.heading {
            return Class::Heading;
        }
        let punctuated = b
            .text
            .contains(['.', '!', '?', ',', ';', ':', '"', '”', '。', '،', '؟']);
        if b.chars >= GOOD_CHARS && density <= GOOD_LINK_DENSITY && punctuated {
            Class::Good
        } else if b.chars >= NEAR_CHARS {
            Class::Near
        } else {
            Class::Short
        }
    }

    /// Decides medium, short and heading blocks by their neighbours: a medium
    /// block next to content is content, a short one needs content on both
    /// sides, a subhead needs content right after it.
    fn classify_in_context(&self, blocks: &[Block]) -> Vec<bool> {
        let mut class: Vec<Class> = blocks.iter().map(|b| self.classify(b)).collect();
        // Medium blocks: content if the nearest firm (good or bad) block on
        // either side is content.
        let firm = |c: Class| matches!(c, Class::Good | Class::Bad);
        let (before, after) = nearest_good(&class, firm);
        for (i, c) in class.iter_mut().enumerate() {
            if *c == Class::Near {
                *c = if before[i] || after[i] {
                    Class::Good
                } else {
                    Class::Bad
                };
            }
        }
        // Short blocks: content only between content on both sides.
        let settled = |c: Class| !matches!(c, Class::Short | Class::Heading);
        let (before, after) = nearest_good(&class, settled);
        for (i, c) in class.iter_mut().enumerate() {
            if *c == Class::Short {
                *c = if before[i] && after[i] {
                    Class::Good
                } else {
                    Class::Bad
                };
            }
        }
        // Subheads: kept when the next block that is not a heading is content.
        let mut next_good = false;
        let mut keep = vec![false; class.len()];
        for i in (0..class.len()).rev() {
            keep[i] = match class[i] {
                Class::Heading => next_good,
                c => {
                    next_good = c == Class::Good;
                    next_good
                }
            };
        }
        keep
    }
}

/// For each block, whether the nearest block before it (and after it) for
/// which `counts` holds is content; false when there is none. Linear, so a
/// page of a hundred thousand one-line blocks costs no more than its size.
fn nearest_good(class: &[Class], counts: impl Fn(Class) -> bool) -> (Vec<bool>, Vec<bool>) {
    let mut before = vec![false; class.len()];
    let mut after = vec![false; class.len()];
    let mut last = false;
    for (i, &c) in class.iter().enumerate() {
        before[i] = last;
        if counts(c) {
            last = c == Class::Good;
        }
    }
    last = false;
    for (i, &c) in class.iter().enumerate().rev() {
        after[i] = last;
        if counts(c) {
            last = c == Class::Good;
        }
    }
    (before, after)
}

/// How blocks are chosen: a page in context (see the module doc), or a
/// fragment where everything but boilerplate is kept.
#[derive(Clone, Copy, Debug)]
enum Mode {
    Page { article_root: bool },
    Fragment,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Class {
    Good,
    Near,
    Short,
    Heading,
    Bad,
}

#[derive(Debug)]
struct Block {
    text: String,
    chars: usize,
    links: usize,
    heading: bool,
}

/// Walks a subtree, cutting its text into blocks at block-level elements.
struct Collector<'x> {
    ex: &'x HtmlExtractor,
    page: bool,
    root_chars: usize,
    blocks: Vec<Block>,
    cur: String,
    cur_chars: usize,
    cur_links: usize,
    pending_space: bool,
}

impl Collector<'_> {
    fn walk(&mut self, el: ElementRef, in_link: bool) {
        for child in el.children() {
            match child.value() {
                Node::Text(t) => self.push_text(t, in_link),
                Node::Element(e) => {
                    let Some(c) = ElementRef::wrap(child) else {
                        continue;
                    };
                    let name = e.name();
                    if name == "br" || name == "hr" {
                        self.flush(false);
                        continue;
                    }
                    if self.skip(c, name) {
                        continue;
                    }
                    let block = BLOCK_TAGS.contains(&name);
                    if block {
                        self.flush(false);
                    }
                    self.walk(c, in_link || name == "a");
                    if block {
                        self.flush(matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6"));
                    }
                }
                _ => {}
            }
        }
    }

    fn skip(&self, el: ElementRef, name: &str) -> bool {
        if HARD_SKIP.contains(&name) || (self.page && name == "h1") {
            return true;
        }
        let v = el.value();
        if v.attr("hidden").is_some()
            || v.attr("aria-hidden") == Some("true")
            || v.attr("role")
                .is_some_and(|r| SKIP_ROLES.contains(&r.trim()))
            || v.attr("style").is_some_and(hidden_style)
        {
            return true;
        }
        let soft = SOFT_SKIP.contains(&name)
            || v.classes()
                .chain(v.id())
                .any(|t| self.ex.boilerplate_name.is_match(t));
        soft && (self.ex.paragraph_chars(el) as f64) <= KEEP_SHARE * self.root_chars as f64
    }

    fn push_text(&mut self, text: &str, in_link: bool) {
        for ch in text.chars() {
            if ch.is_whitespace() || ch == '\u{200b}' {
                self.pending_space = self.cur_chars > 0;
                continue;
            }
            if self.pending_space {
                self.cur.push(' ');
                self.cur_chars += 1;
                self.pending_space = false;
            }
            self.cur.push(ch);
            self.cur_chars += 1;
            if in_link {
                self.cur_links += 1;
            }
        }
    }

    fn flush(&mut self, heading: bool) {
        self.pending_space = false;
        if self.cur.is_empty() {
            return;
        }
        self.blocks.push(Block {
            text: std::mem::take(&mut self.cur),
            chars: self.cur_chars,
            links: self.cur_links,
            heading,
        });
        self.cur_chars = 0;
        self.cur_links = 0;
    }
}

fn hidden_style(style: &str) -> bool {
    let s: String = style
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_lowercase();
    s.contains("display:none") || s.contains("visibility:hidden")
}

/// `<meta>` values keyed by lower-cased property, name or itemprop; the first
/// value for a key wins.
struct MetaTags(Vec<(String, String)>);

impl MetaTags {
    fn collect(ex: &HtmlExtractor, doc: &Html) -> MetaTags {
        let mut v = Vec::new();
        for m in doc.select(&ex.meta) {
            let e = m.value();
            let Some(content) = e.attr("content") else {
                continue;
            };
            for key in [e.attr("property"), e.attr("name"), e.attr("itemprop")]
                .into_iter()
                .flatten()
            {
                v.push((key.trim().to_ascii_lowercase(), content.trim().to_string()));
            }
        }
        MetaTags(v)
    }

    /// The first non-empty value among `keys`, in key order.
    fn get(&self, keys: &[&str]) -> Option<String> {
        keys.iter().find_map(|k| {
            self.0
                .iter()
                .find(|(key, val)| key == k && !val.is_empty())
                .map(|(_, val)| val.clone())
        })
    }
}

/// What JSON-LD (`schema.org` NewsArticle and kin) says, if the page has any
/// that parses.
#[derive(Default)]
struct LinkedData {
    headline: Option<String>,
    date_published: Option<String>,
    publisher: Option<String>,
}

impl LinkedData {
    fn collect(ex: &HtmlExtractor, doc: &Html) -> LinkedData {
        let mut ld = LinkedData::default();
        for script in doc.select(&ex.ld_json) {
            let raw: String = script.text().collect();
            let Ok(value) = serde_json::from_str::<serde_json::Value>(&raw) else {
                continue;
            };
            ld.headline = ld.headline.or_else(|| find_str(&value, "headline"));
            ld.date_published = ld
                .date_published
                .or_else(|| find_str(&value, "datePublished"));
            ld.publisher = ld.publisher.or_else(|| {
                find_value(&value, "publisher").and_then(|p| match p {
                    serde_json::Value::String(s) => Some(s.clone()),
                    other => find_str(other, "name"),
                })
            });
        }
        ld
    }
}

fn find_value<'v>(v: &'v serde_json::Value, key: &str) -> Option<&'v serde_json::Value> {
    match v {
        serde_json::Value::Object(map) => map
            .get(key)
            .or_else(|| map.values().find_map(|child| find_value(child, key))),
        serde_json::Value::Array(items) => items.iter().find_map(|child| find_value(child, key)),
        _ => None,
    }
}

fn find_str(v: &serde_json::Value, key: &str) -> Option<String> {
    match find_value(v, key)? {
        serde_json::Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        _ => None,
    }
}

fn text_of(e: ElementRef) -> String {
    collapse(e.text().collect::<String>())
}

/// Collapses whitespace runs to one space and trims.
pub(crate) fn collapse(s: impl AsRef<str>) -> String {
    s.as_ref().split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Removes a trailing " | Site Name" (or " - ", " – ", " — ") naming the
/// site; for a `<title>` tag with no known site name, a short trailing
/// " | ..." segment is taken to be the site.
fn clean_title(raw: &str, site: Option<&str>, from_title_tag: bool) -> Option<String> {
    let title = collapse(raw);
    let mut out = title.as_str();
    if let Some(site) = site.filter(|s| !s.is_empty()) {
        for sep in [" | ", " - ", " – ", " — ", " :: ", " · "] {
            if let Some((head, tail)) = out.rsplit_once(sep) {
                if tail.trim().eq_ignore_ascii_case(site.trim()) {
                    out = head;
                    break;
                }
            }
        }
    } else if from_title_tag {
        if let Some((head, tail)) = out.rsplit_once(" | ") {
            if tail.split_whitespace().count() <= 4 && !head.trim().is_empty() {
                out = head;
            }
        }
    }
    let out = out.trim();
    (!out.is_empty()).then(|| out.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_lose_site_suffixes() {
        let cases: &[(&str, Option<&str>, bool, Option<&str>)] = &[
            (
                "Taliban take Herat | Kabul Times",
                Some("Kabul Times"),
                false,
                Some("Taliban take Herat"),
            ),
            (
                "Taliban take Herat - kabul times",
                Some("Kabul Times"),
                false,
                Some("Taliban take Herat"),
            ),
            (
                "Taliban take Herat - officials",
                Some("Kabul Times"),
                false,
                Some("Taliban take Herat - officials"),
            ),
            (
                "Taliban take Herat | World News",
                None,
                true,
                Some("Taliban take Herat"),
            ),
            (
                "Taliban take Herat | World News",
                None,
                false,
                Some("Taliban take Herat | World News"),
            ),
            ("  \n ", None, true, None),
        ];
        for (raw, site, tag, want) in cases {
            assert_eq!(clean_title(raw, *site, *tag).as_deref(), *want, "{raw:?}");
        }
    }

    #[test]
    fn boilerplate_names_match_word_parts() {
        let ex = HtmlExtractor::new();
        let cases = [
            ("share-bar", true),
            ("post_related", true),
            ("related", true),
            ("most-read", true),
            ("newsletter-signup", true),
            ("shareholder", false),
            ("header-image", false),
            ("article-body", false),
            ("story", false),
            ("loaded", false),
        ];
        for (name, want) in cases {
            assert_eq!(ex.boilerplate_name.is_match(name), want, "{name}");
        }
    }

    #[test]
    fn boilerplate_phrases() {
        let ex = HtmlExtractor::new();
        let cases = [
            ("Source link", true),
            ("Read more: Taliban take Herat", true),
            ("Sign up for our daily newsletter", true),
            ("We use cookies to improve your experience.", true),
            ("© 2021 Kabul Times. All rights reserved.", true),
            ("Share this article", true),
            ("Advertisement", true),
            ("12 comments", true),
            ("Related Articles", true),
            ("Sources said the Taliban entered the city at dawn.", false),
            ("Shares in Kabul fell.", false),
            ("Reading the news from Herat is hard.", false),
        ];
        for (text, want) in cases {
            assert_eq!(ex.boilerplate_text.is_match(text), want, "{text}");
        }
    }
}
