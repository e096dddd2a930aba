//! Which reader an input needs, from its first bytes and, when those are not
//! conclusive, its file extension. Content wins over the extension: a `.txt`
//! that starts with `<!DOCTYPE html>` is HTML, an `.html` with no markup at
//! all is text, and anything starting with the gzip magic is decompressed
//! first whatever its name.

/// The input formats sitrep reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Format {
    Text,
    Html,
    Feed,
    Warc,
    Gzip,
}

/// How many leading bytes are looked at.
const WINDOW: usize = 2048;

/// The format a file name suggests, if any. No extension means text.
pub(crate) fn from_name(origin: &str) -> Option<Format> {
    let name = origin.rsplit(['/', '\\']).next().unwrap_or(origin);
    if name == "-" || name.is_empty() {
        return None;
    }
    let lower = name.to_ascii_lowercase();
    if lower.ends_with(".warc") || lower.ends_with(".warc.gz") {
        return Some(Format::Warc);
    }
    let Some((_, ext)) = lower.rsplit_once('.') else {
        return Some(Format::Text);
    };
    match ext {
        "txt" | "text" | "md" | "markdown" => Some(Format::Text),
        "html" | "htm" | "xhtml" | "shtml" => Some(Format::Html),
        "xml" | "rss" | "atom" | "rdf" => Some(Format::Feed),
        "gz" => Some(Format::Gzip),
        _ => None,
    }
}

/// The format of `bytes`, using `hint` (from a name or a Content-Type) only
/// where the content is ambiguous.
pub(crate) fn detect(bytes: &[u8], hint: Option<Format>) -> Format {
    if bytes.starts_with(&[0x1f, 0x8b]) {
        return Format::Gzip;
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    let end = (start + WINDOW).min(bytes.len());
    let head = bytes[start..end].to_ascii_lowercase();
    let has = |needle: &[u8]| head.windows(needle.len()).any(|w| w == needle);
    let feed_root = || has(b"<rss") || has(b"<feed") || has(b"<rdf:rdf");
    let markup_hint = matches!(hint, Some(Format::Html | Format::Feed));

    if head.starts_with(b"warc/") {
        Format::Warc
    } else if head.starts_with(b"<?xml") {
        if feed_root() {
            Format::Feed
        } else if has(b"<html") || hint == Some(Format::Html) {
            Format::Html
        } else {
            Format::Feed
        }
    } else if head.starts_with(b"<rss")
        || head.starts_with(b"<feed")
        || head.starts_with(b"<rdf:rdf")
    {
        Format::Feed
    } else if head.starts_with(b"<!doctype html") || head.starts_with(b"<html") {
        Format::Html
    } else if head.first() == Some(&b'<')
        && head
            .get(1)
            .is_some_and(|b| b.is_ascii_alphabetic() || *b == b'!')
    {
        match hint {
            Some(Format::Feed) if feed_root() => Format::Feed,
            _ => Format::Html,
        }
    } else if markup_hint && (has(b"<p") || has(b"<div") || has(b"<body") || has(b"<br")) {
        Format::Html
    } else {
        Format::Text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        let cases = [
            ("a/2021-08-13-x.txt", Some(Format::Text)),
            ("notes", Some(Format::Text)),
            ("x.MD", Some(Format::Text)),
            ("x.htm", Some(Format::Html)),
            ("x.rss", Some(Format::Feed)),
            ("crawl.warc.gz", Some(Format::Warc)),
            ("crawl.WARC", Some(Format::Warc)),
            ("page.html.gz", Some(Format::Gzip)),
            ("photo.jpg", None),
            ("-", None),
        ];
        for (name, want) in cases {
            assert_eq!(from_name(name), want, "{name}");
        }
    }

    #[test]
    fn content_beats_extension() {
        let cases: &[(&[u8], Option<Format>, Format)] = &[
            (b"\x1f\x8b\x08\x00", Some(Format::Text), Format::Gzip),
            (b"WARC/1.1\r\n", Some(Format::Text), Format::Warc),
            (
                b"\xEF\xBB\xBF  <!DOCTYPE html><html>",
                Some(Format::Text),
                Format::Html,
            ),
            (
                b"<?xml version=\"1.0\"?>\n<rss version=\"2.0\">",
                Some(Format::Html),
                Format::Feed,
            ),
            (
                b"<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">",
                None,
                Format::Feed,
            ),
            (
                b"<?xml version=\"1.0\"?><html xmlns=\"x\">",
                None,
                Format::Html,
            ),
            (b"<div><p>Kabul</p></div>", Some(Format::Text), Format::Html),
            (b"Kabul fell on Sunday.", Some(Format::Html), Format::Text),
            (
                b"Kabul fell.<br>Herat too.",
                Some(Format::Html),
                Format::Html,
            ),
            (
                b"Kabul fell.<br>Herat too.",
                Some(Format::Text),
                Format::Text,
            ),
            (b"<3 Kabul", None, Format::Text),
            (b"", None, Format::Text),
        ];
        for (bytes, hint, want) in cases {
            assert_eq!(
                detect(bytes, *hint),
                *want,
                "{:?}",
                String::from_utf8_lossy(bytes)
            );
        }
    }
}
