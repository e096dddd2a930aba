//! Ingestion: turns files, directories, feeds, web archives and stdin into
//! [`Article`]s with their source, URL and publication date kept.
//!
//! Inputs and what becomes of them:
//!
//! | input | articles | origin |
//! |---|---|---|
//! | plain text (`.txt`, `.text`, `.md`, no extension) | one, text as is | the path |
//! | HTML page (`.html`, `.htm`) | one, main text with boilerplate removed | the path |
//! | RSS 2.0 / RSS 1.0 / Atom feed (`.xml`, `.rss`, `.atom`) | one per item | `path#item3` |
//! | WARC (`.warc`, `.warc.gz`) | one per HTML/text record | `path#record12` |
//! | gzip file (`.gz`) | whatever is inside | the path |
//! | directory | all files below it, sorted, hidden ones skipped | per file |
//! | `-` | stdin, format sniffed | `-` |
//!
//! The format is sniffed from the content; the extension decides only when the
//! content is ambiguous. Item and record numbers are 1-based.
//!
//! **Text and offsets.** [`Article::text`] is what every downstream offset
//! indexes. For plain text it is the file itself with CRLF/CR turned into LF,
//! a BOM dropped, and trailing link stubs ("Source link", "Read more") and
//! trailing whitespace cut: always a byte-for-byte prefix of the normalised
//! file. For HTML and feeds it is the headline, a blank line, then the
//! paragraphs separated by blank lines.
//!
//! **Metadata precedence.** [`Overrides`] (from the command line) beat what the
//! input says, which beats fallbacks: a date at the start of the file name
//! (`2021-08-13-kabul.txt`), the WARC-Date, the URL's host as source name.
//!
//! **Errors** never stop a batch: every problem is an [`IngestError`] item in
//! the stream, naming the input (and item/record/offset), and reading goes
//! on. Inputs over [`Reader::max_bytes`] are refused from their size alone,
//! without being read.
//!
//! This crate does no network access, no language detection, no
//! deduplication across inputs (the store does that by content hash), and no
//! recognition of places, actors or dates in the text.
//!
//! ```
//! use sitrep_ingest::{Overrides, Reader};
//! let reader = Reader::new(Overrides::default());
//! let out = reader.read_bytes(b"Taliban take Herat\n\nThe Taliban took Herat on Thursday.", "2021-08-13-herat.txt");
//! let article = out[0].as_ref().unwrap();
//! assert_eq!(article.title.as_deref(), Some("Taliban take Herat"));
//! assert_eq!(article.published.map(|d| d.to_string()).as_deref(), Some("2021-08-13"));
//! ```

mod date;
mod decode;
mod error;
mod feed;
mod html;
mod plain;
mod sniff;
mod walk;
mod warc;

use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use sitrep_model::Article;

pub use error::IngestError;

use sniff::Format;

/// The default for [`Reader::max_bytes`]: 20 MiB.
pub const DEFAULT_MAX_BYTES: u64 = 20 * 1024 * 1024;

/// Metadata given by the user that wins over whatever the input says.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Overrides {
    pub published: Option<NaiveDate>,
    pub source: Option<String>,
    pub url: Option<String>,
}

/// Reads inputs into articles. Build one and reuse it: construction compiles
/// the patterns and selectors every input needs.
#[derive(Debug)]
pub struct Reader {
    overrides: Overrides,
    max_bytes: u64,
    dates: date::Dates,
    decoder: decode::Decoder,
    plain: plain::PlainRules,
    html: html::HtmlExtractor,
}

/// What the context of a payload says about it: a file name, an HTTP or
/// WARC header.
#[derive(Debug, Default)]
pub(crate) struct Hints {
    pub format: Option<Format>,
    pub charset: Option<String>,
    pub url: Option<String>,
    /// Fallback publication date (file name, WARC-Date).
    pub date: Option<NaiveDate>,
}

type Items<'a> = Box<dyn Iterator<Item = Result<Article, IngestError>> + 'a>;

impl Reader {
    /// A reader applying `overrides` to every article, with the default
    /// size limit.
    pub fn new(overrides: Overrides) -> Reader {
        Reader {
            overrides,
            max_bytes: DEFAULT_MAX_BYTES,
            dates: date::Dates::new(),
            decoder: decode::Decoder::new(),
            plain: plain::PlainRules::new(),
            html: html::HtmlExtractor::new(),
        }
    }

    /// Sets the largest input (file, decompressed stream, or WARC record)
    /// read, in bytes. Larger ones give [`IngestError::TooLarge`] or a
    /// WARC record error.
    pub fn max_bytes(mut self, n: u64) -> Reader {
        self.max_bytes = n;
        self
    }

    pub(crate) fn max_bytes_limit(&self) -> u64 {
        self.max_bytes
    }

    pub(crate) fn parse_date(&self, v: &str) -> Option<NaiveDate> {
        self.dates.parse(v)
    }

    /// Every article (or error) from one path, in order: a file, a directory
    /// (recursively, sorted, hidden entries skipped) or `-` for stdin.
    /// Errors never stop the iteration. WARC archives are streamed.
    pub fn read_path<'a>(&'a self, path: &'a Path) -> Items<'a> {
        if path.as_os_str() == "-" {
            return self.read_stream(std::io::stdin().lock(), "-".to_string(), None);
        }
        match std::fs::metadata(path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                Box::new(std::iter::once(Err(IngestError::NotFound {
                    path: path.to_path_buf(),
                })))
            }
            Err(source) => Box::new(std::iter::once(Err(IngestError::Io {
                path: path.to_path_buf(),
                source,
            }))),
            Ok(meta) if meta.is_dir() => {
                Box::new(walk::Walk::new(path).flat_map(move |entry| -> Items<'a> {
                    match entry {
                        Ok(file) => self.read_file(file),
                        Err(e) => Box::new(std::iter::once(Err(e))),
                    }
                }))
            }
            Ok(_) => self.read_file(path.to_path_buf()),
        }
    }

    /// Every article (or error) from bytes already in memory. `origin` names
    /// them in articles and errors, and is used like a file name: its
    /// extension is a format hint and a leading date a fallback date.
    pub fn read_bytes(&self, bytes: &[u8], origin: &str) -> Vec<Result<Article, IngestError>> {
        self.read_stream(bytes, origin.to_string(), Some(bytes.len() as u64))
            .collect()
    }

    fn read_file<'a>(&'a self, path: PathBuf) -> Items<'a> {
        let origin = path.display().to_string();
        let io_err = |source| {
            Box::new(std::iter::once(Err(IngestError::Io {
                path: path.clone(),
                source,
            })))
        };
        let file = match std::fs::File::open(&path) {
            Ok(f) => f,
            Err(source) => return io_err(source),
        };
        let size = match file.metadata() {
            Ok(m) => m.len(),
            Err(source) => return io_err(source),
        };
        self.read_stream(BufReader::new(file), origin, Some(size))
    }

    /// Sniffs a stream: WARC archives (plain or gzipped) are streamed record
    /// by record; anything else is read whole, within `max_bytes`.
    fn read_stream<'a, R: BufRead + 'a>(
        &'a self,
        mut input: R,
        origin: String,
        size: Option<u64>,
    ) -> Items<'a> {
        let head = match input.fill_buf() {
            Ok(h) => h,
            Err(source) => return self.io_error(&origin, source),
        };
        if head.starts_with(&[0x1f, 0x8b]) {
            let mut gz = BufReader::new(flate2::bufread::MultiGzDecoder::new(input));
            return match gz.fill_buf() {
                Ok(inner) if is_warc(inner) => Box::new(warc::WarcRecords::new(self, gz, origin)),
                Ok(_) => self.read_whole(gz, origin, None),
                Err(source) => self.io_error(&origin, source),
            };
        }
        if is_warc(head) {
            return Box::new(warc::WarcRecords::new(self, input, origin));
        }
        self.read_whole(input, origin, size)
    }

    fn read_whole<'a, R: Read>(&'a self, input: R, origin: String, size: Option<u64>) -> Items<'a> {
        if let Some(size) = size.filter(|&s| s > self.max_bytes) {
            return Box::new(std::iter::once(Err(IngestError::TooLarge {
                origin,
                size: Some(size),
                max: self.max_bytes,
            })));
        }
        let mut bytes = Vec::with_capacity(size.unwrap_or(0).min(self.max_bytes) as usize);
        if let Err(source) = input.take(self.max_bytes + 1).read_to_end(&mut bytes) {
            return self.io_error(&origin, source);
        }
        if bytes.len() as u64 > self.max_bytes {
            return Box::new(std::iter::once(Err(IngestError::TooLarge {
                origin,
                size: None,
                max: self.max_bytes,
            })));
        }
        let hints = Hints {
            // `page.html.gz` decompressed is hinted as `page.html`.
            format: sniff::from_name(origin.strip_suffix(".gz").unwrap_or(&origin)),
            date: self.dates.in_file_name(&origin),
            ..Hints::default()
        };
        Box::new(self.read_payload(&bytes, &origin, &hints).into_iter())
    }

    fn io_error<'a>(&self, origin: &str, source: std::io::Error) -> Items<'a> {
        Box::new(std::iter::once(Err(IngestError::Io {
            path: PathBuf::from(origin),
            source,
        })))
    }

    /// Articles from one in-memory payload: a file's bytes, a WARC record's
    /// body, or a decompressed stream.
    pub(crate) fn read_payload(
        &self,
        bytes: &[u8],
        origin: &str,
        hints: &Hints,
    ) -> Vec<Result<Article, IngestError>> {
        match sniff::detect(bytes, hints.format) {
            Format::Text => vec![self.text_article(bytes, origin, hints)],
            Format::Html => vec![self.html_article(bytes, origin, hints)],
            Format::Feed => self.feed_articles(bytes, origin, hints),
            Format::Warc => warc::WarcRecords::new(self, bytes, origin.to_string()).collect(),
            Format::Gzip => {
                let mut out = Vec::new();
                let read = flate2::read::MultiGzDecoder::new(bytes)
                    .take(self.max_bytes + 1)
                    .read_to_end(&mut out);
                match read {
                    Err(source) => vec![Err(IngestError::Io {
                        path: PathBuf::from(origin),
                        source,
                    })],
                    Ok(_) if out.len() as u64 > self.max_bytes => {
                        vec![Err(IngestError::TooLarge {
                            origin: origin.to_string(),
                            size: None,
                            max: self.max_bytes,
                        })]
                    }
                    // One level only: a gzip inside a gzip is not text.
                    Ok(_) if out.starts_with(&[0x1f, 0x8b]) => vec![Err(IngestError::Binary {
                        origin: origin.to_string(),
                        offset: 0,
                    })],
                    Ok(_) => {
                        let inner = Hints {
                            format: sniff::from_name(origin.trim_end_matches(".gz")),
                            charset: hints.charset.clone(),
                            url: hints.url.clone(),
                            date: hints.date,
                        };
                        self.read_payload(&out, origin, &inner)
                    }
                }
            }
        }
    }

    fn text_article(
        &self,
        bytes: &[u8],
        origin: &str,
        hints: &Hints,
    ) -> Result<Article, IngestError> {
        let raw = self
            .decoder
            .decode(bytes, origin, hints.charset.as_deref())?;
        let text = self.plain.clean(&raw);
        if text.trim().is_empty() {
            return Err(IngestError::Empty {
                origin: origin.to_string(),
            });
        }
        let title = plain::headline(&text);
        let mut article = Article::from_text(text, origin);
        article.title = title;
        article.published = hints.date;
        article.url = hints.url.clone();
        Ok(self.finish(article))
    }

    fn html_article(
        &self,
        bytes: &[u8],
        origin: &str,
        hints: &Hints,
    ) -> Result<Article, IngestError> {
        let declared = hints
            .charset
            .clone()
            .or_else(|| self.decoder.declared(bytes));
        let source = self.decoder.decode(bytes, origin, declared.as_deref())?;
        let page = self.html.page(&source, &self.dates);
        if page.paragraphs.is_empty() {
            return Err(IngestError::NoText {
                origin: origin.to_string(),
            });
        }
        let text = compose(page.title.as_deref(), &page.paragraphs);
        let url = match (page.url, &hints.url) {
            (Some(u), base) => Some(resolve(&u, base.as_deref())),
            (None, base) => base.clone(),
        };
        let mut article = Article::from_text(text, origin);
        article.title = page.title;
        article.published = page.published.or(hints.date);
        article.source = page.site_name.or_else(|| url.as_deref().and_then(host));
        article.url = url;
        Ok(self.finish(article))
    }

    fn feed_articles(
        &self,
        bytes: &[u8],
        origin: &str,
        hints: &Hints,
    ) -> Vec<Result<Article, IngestError>> {
        let declared = hints
            .charset
            .clone()
            .or_else(|| self.decoder.declared(bytes));
        let xml = match self.decoder.decode(bytes, origin, declared.as_deref()) {
            Ok(s) => s,
            Err(e) => return vec![Err(e)],
        };
        let parsed = feed::parse(&xml);
        let feed_error = |offset, reason: &str| IngestError::Feed {
            origin: origin.to_string(),
            offset,
            reason: reason.to_string(),
        };
        if !parsed.recognised && parsed.items.is_empty() {
            let reason = match &parsed.error {
                Some((_, e)) => format!("not an RSS or Atom feed ({e})"),
                None => "not an RSS or Atom feed (no rss, feed or RDF root element)".to_string(),
            };
            return vec![Err(feed_error(
                parsed.error.as_ref().map_or(0, |e| e.0),
                &reason,
            ))];
        }
        let source = parsed
            .title
            .as_deref()
            .map(|t| self.html.inline_text(t))
            .filter(|t| !t.is_empty());
        let mut out: Vec<_> = parsed
            .items
            .iter()
            .map(|item| self.item_article(item, origin, source.as_deref()))
            .collect();
        if let Some((offset, reason)) = &parsed.error {
            out.push(Err(feed_error(*offset, reason)));
        } else if out.is_empty() {
            out.push(Err(feed_error(0, "feed has no items")));
        }
        out
    }

    fn item_article(
        &self,
        item: &feed::Item,
        origin: &str,
        source: Option<&str>,
    ) -> Result<Article, IngestError> {
        let item_origin = format!("{origin}#item{}", item.index);
        let title = item
            .title
            .as_deref()
            .map(|t| self.html.inline_text(t))
            .filter(|t| !t.is_empty());
        let mut paragraphs = item
            .content
            .as_deref()
            .map(|c| self.html.fragment(c))
            .unwrap_or_default();
        if paragraphs.is_empty() {
            paragraphs = item
                .summary
                .as_deref()
                .map(|s| self.html.fragment(s))
                .unwrap_or_default();
        }
        if let Some(t) = &title {
            paragraphs.retain(|p| p != t);
        }
        if title.is_none() && paragraphs.is_empty() {
            return Err(IngestError::FeedItem {
                origin: origin.to_string(),
                item: item.index,
                reason: "no title and no text".to_string(),
            });
        }
        let mut dates = item.dates.clone();
        dates.sort_by_key(|(rank, _)| *rank);
        let url = item.link.clone().or_else(|| {
            item.guid
                .clone()
                .filter(|g| g.starts_with("http://") || g.starts_with("https://"))
        });
        let mut article = Article::from_text(compose(title.as_deref(), &paragraphs), item_origin);
        article.title = title;
        article.published = dates.iter().find_map(|(_, d)| self.dates.parse(d));
        article.source = source.map(str::to_string);
        article.url = url;
        Ok(self.finish(article))
    }

    /// Applies the overrides, which beat anything read from the input.
    fn finish(&self, mut article: Article) -> Article {
        let o = &self.overrides;
        if o.published.is_some() {
            article.published = o.published;
        }
        if o.source.is_some() {
            article.source = o.source.clone();
        }
        if o.url.is_some() {
            article.url = o.url.clone();
        }
        article
    }
}

fn is_warc(head: &[u8]) -> bool {
    let start = head
        .iter()
        .position(|b| !matches!(b, b'\r' | b'\n'))
        .unwrap_or(head.len());
    head[start..].starts_with(b"WARC/")
}

/// Headline, blank line, paragraphs separated by blank lines.
fn compose(title: Option<&str>, paragraphs: &[String]) -> String {
    let mut text = String::new();
    for part in title
        .into_iter()
        .chain(paragraphs.iter().map(String::as_str))
    {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        text.push_str(part);
    }
    text
}

/// Resolves a root-relative or protocol-relative link against a base URL;
/// anything else is returned as is.
fn resolve(link: &str, base: Option<&str>) -> String {
    let Some(base) = base else {
        return link.to_string();
    };
    let Some((scheme, rest)) = base.split_once("://") else {
        return link.to_string();
    };
    if let Some(l) = link.strip_prefix("//") {
        return format!("{scheme}://{l}");
    }
    if link.starts_with('/') {
        let authority = rest.split(['/', '?', '#']).next().unwrap_or(rest);
        return format!("{scheme}://{authority}{link}");
    }
    link.to_string()
}

/// The host of an http(s) URL without `www.`, used as a last-resort source
/// name.
fn host(url: &str) -> Option<String> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    let authority = rest.split(['/', '?', '#']).next()?;
    let host = authority.rsplit('@').next()?.split(':').next()?;
    let host = host
        .strip_prefix("www.")
        .unwrap_or(host)
        .to_ascii_lowercase();
    (!host.is_empty()).then_some(host)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls() {
        assert_eq!(
            resolve("/news/1", Some("https://ex.org/a/b?c")),
            "https://ex.org/news/1"
        );
        assert_eq!(
            resolve("//cdn.ex.org/x", Some("http://ex.org/")),
            "http://cdn.ex.org/x"
        );
        assert_eq!(
            resolve("https://a.b/c", Some("http://ex.org/")),
            "https://a.b/c"
        );
        assert_eq!(resolve("/x", None), "/x");
        assert_eq!(
            host("https://www.Example.org:8080/x").as_deref(),
            Some("example.org")
        );
        assert_eq!(host("ftp://example.org"), None);
    }
}
