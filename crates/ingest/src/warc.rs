//! WARC 1.0/1.1 archives, read as a stream of records so an archive of any
//! size costs one record of memory (records over `max_bytes` are skipped
//! without being held).
//!
//! Kept: `response` records carrying an HTTP response with a 2xx status and a
//! text, HTML or feed body (HTTP headers skipped, chunked transfer-encoding
//! and gzip/deflate content-encoding undone), and `resource`/`conversion`
//! records with a text, HTML or feed payload. `WARC-Target-URI` becomes the
//! URL (a page's canonical link wins), `WARC-Date` the fallback publication
//! date. Every other record (warcinfo, request, metadata, revisit, images,
//! redirects) is skipped silently: they are expected in any crawl.
//!
//! A malformed record is reported and reading resumes at the next line that
//! starts with `WARC/`. A truncated record (the stream ends inside it) or a
//! corrupt gzip member ends the archive. Whole-file gzip and per-record gzip
//! are the same stream to [`flate2::bufread::MultiGzDecoder`], so both work.

use std::collections::VecDeque;
use std::io::{BufRead, Read};

use crate::sniff::Format;
use crate::{Hints, IngestError, Reader};
use sitrep_model::Article;

/// Longest header line accepted; longer means we are not in a header.
const MAX_LINE: usize = 64 * 1024;
/// Most header lines in one record before it is declared malformed.
const MAX_HEADERS: usize = 512;

/// Iterator over the articles (and errors) of one WARC stream.
pub(crate) struct WarcRecords<'a, R> {
    reader: &'a Reader,
    input: R,
    origin: String,
    record: usize,
    pending: VecDeque<Result<Article, IngestError>>,
    /// A version line found while resynchronising, to start the next record.
    peeked: Option<Vec<u8>>,
    done: bool,
}

impl<'a, R: BufRead> WarcRecords<'a, R> {
    pub(crate) fn new(reader: &'a Reader, input: R, origin: String) -> Self {
        WarcRecords {
            reader,
            input,
            origin,
            record: 0,
            pending: VecDeque::new(),
            peeked: None,
            done: false,
        }
    }

    fn error(&self, reason: impl Into<String>) -> IngestError {
        IngestError::WarcRecord {
            origin: self.origin.clone(),
            record: self.record,
            reason: reason.into(),
        }
    }

    /// Reads one record, queueing whatever it yields.
    fn step(&mut self) {
        let version = match self.peeked.take() {
            Some(line) => line,
            None => match self.next_nonblank_line() {
                Ok(Some(line)) => line,
                Ok(None) => {
                    self.done = true;
                    return;
                }
                Err(e) => {
                    self.record += 1;
                    let err = self.error(format!("read error: {e}"));
                    self.fail(err);
                    return;
                }
            },
        };
        self.record += 1;
        if !version.starts_with(b"WARC/") {
            let found = snippet(&version);
            let err = self.error(format!("expected a WARC/1.x version line, found {found:?}"));
            self.pending.push_back(Err(err));
            self.resync();
            return;
        }
        let headers = match self.read_headers() {
            Ok(h) => h,
            Err(reason) => {
                let err = self.error(reason);
                self.pending.push_back(Err(err));
                self.resync();
                return;
            }
        };
        let length = match header(&headers, "content-length").and_then(|v| v.parse::<u64>().ok()) {
            Some(n) => n,
            None => {
                let err = self.error("missing or invalid Content-Length");
                self.pending.push_back(Err(err));
                self.resync();
                return;
            }
        };
        if length > self.reader.max_bytes_limit() {
            let skipped = std::io::copy(&mut (&mut self.input).take(length), &mut std::io::sink());
            let fatal = !matches!(&skipped, Ok(n) if *n == length);
            let err = match skipped {
                Ok(n) if n == length => self.error(format!(
                    "record too large ({length} bytes, limit {})",
                    self.reader.max_bytes_limit()
                )),
                Ok(n) => self.truncated(length, n),
                Err(e) => self.error(format!("read error: {e}")),
            };
            self.pending.push_back(Err(err));
            self.done |= fatal;
            return;
        }
        let mut block = Vec::with_capacity(length.min(1 << 20) as usize);
        let read = (&mut self.input).take(length).read_to_end(&mut block);
        if let Err(e) = read {
            let err = self.error(format!(
                "read error after {} of {length} bytes: {e}",
                block.len()
            ));
            self.fail(err);
            return;
        }
        if (block.len() as u64) < length {
            let err = self.truncated(length, block.len() as u64);
            self.fail(err);
            return;
        }
        self.process(&headers, &block);
    }

    fn truncated(&self, length: u64, left: u64) -> IngestError {
        self.error(format!(
            "truncated record (Content-Length {length}, {left} bytes left)"
        ))
    }

    fn fail(&mut self, err: IngestError) {
        self.pending.push_back(Err(err));
        self.done = true;
    }

    fn process(&mut self, headers: &[(String, String)], block: &[u8]) {
        let kind = header(headers, "warc-type")
            .unwrap_or_default()
            .to_ascii_lowercase();
        let record_type = header(headers, "content-type").unwrap_or_default();
        let url = header(headers, "warc-target-uri")
            .map(|u| u.trim_matches(['<', '>']).to_string())
            .filter(|u| !u.is_empty());
        let date = header(headers, "warc-date").and_then(|d| self.reader.parse_date(d));
        let origin = format!("{}#record{}", self.origin, self.record);

        let (payload, content_type) = match kind.as_str() {
            "response" => {
                let is_http = record_type
                    .to_ascii_lowercase()
                    .contains("application/http")
                    || block.starts_with(b"HTTP/");
                if !is_http {
                    return;
                }
                match http_body(block, self.reader.max_bytes_limit()) {
                    Ok(Some(body)) => body,
                    Ok(None) => return,
                    Err(reason) => {
                        let err = self.error(reason);
                        self.pending.push_back(Err(err));
                        return;
                    }
                }
            }
            "resource" | "conversion" => (block.to_vec(), record_type.to_string()),
            _ => return,
        };
        let Some(format) = format_of(&content_type) else {
            return;
        };
        let hints = Hints {
            format,
            charset: charset_of(&content_type),
            url,
            date,
        };
        let results = self.reader.read_payload(&payload, &origin, &hints);
        self.pending.extend(results);
    }

    fn next_nonblank_line(&mut self) -> std::io::Result<Option<Vec<u8>>> {
        loop {
            match read_line(&mut self.input)? {
                None => return Ok(None),
                Some(line) if line.iter().all(u8::is_ascii_whitespace) => continue,
                Some(line) => return Ok(Some(line)),
            }
        }
    }

    fn read_headers(&mut self) -> Result<Vec<(String, String)>, String> {
        let mut headers: Vec<(String, String)> = Vec::new();
        loop {
            let line = match read_line(&mut self.input) {
                Ok(Some(line)) => line,
                Ok(None) => return Err("stream ends inside the record header".into()),
                Err(e) => return Err(format!("read error in header: {e}")),
            };
            let line = String::from_utf8_lossy(&line);
            let line = line.trim_end_matches(['\r', '\n']);
            if line.is_empty() {
                return Ok(headers);
            }
            if headers.len() >= MAX_HEADERS {
                return Err("too many header lines".into());
            }
            if line.starts_with([' ', '\t']) {
                if let Some((_, v)) = headers.last_mut() {
                    v.push(' ');
                    v.push_str(line.trim());
                    continue;
                }
            }
            match line.split_once(':') {
                Some((name, value)) => {
                    headers.push((name.trim().to_ascii_lowercase(), value.trim().to_string()))
                }
                None => {
                    return Err(format!(
                        "malformed header line {:?}",
                        snippet(line.as_bytes())
                    ))
                }
            }
        }
    }

    /// Skips lines up to the next `WARC/` version line, which starts the
    /// next record.
    fn resync(&mut self) {
        loop {
            match read_line(&mut self.input) {
                Ok(Some(line)) if line.starts_with(b"WARC/") => {
                    self.peeked = Some(line);
                    return;
                }
                Ok(Some(_)) => continue,
                Ok(None) => {
                    self.done = true;
                    return;
                }
                Err(e) => {
                    let err = self.error(format!("read error while skipping: {e}"));
                    self.fail(err);
                    return;
                }
            }
        }
    }
}

impl<R: BufRead> Iterator for WarcRecords<'_, R> {
    type Item = Result<Article, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(item) = self.pending.pop_front() {
                return Some(item);
            }
            if self.done {
                return None;
            }
            self.step();
        }
    }
}

/// One line including its `\n`, at most [`MAX_LINE`] bytes (a longer run is
/// returned cut, which no header parser will accept). `None` at end of stream.
fn read_line<R: BufRead>(input: &mut R) -> std::io::Result<Option<Vec<u8>>> {
    let mut line = Vec::new();
    let n = input.take(MAX_LINE as u64).read_until(b'\n', &mut line)?;
    Ok((n > 0).then_some(line))
}

fn header<'h>(headers: &'h [(String, String)], name: &str) -> Option<&'h str> {
    headers
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
}

fn snippet(bytes: &[u8]) -> String {
    let s = String::from_utf8_lossy(&bytes[..bytes.len().min(40)]);
    s.trim_end().to_string()
}

/// The format a `Content-Type` announces; `Some(None)` means "unknown, sniff
/// it", `None` means "not text, skip the record".
fn format_of(content_type: &str) -> Option<Option<Format>> {
    let mime = content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    match mime.as_str() {
        "" | "application/octet-stream" | "unk" | "unknown" => Some(None),
        "text/html" | "application/xhtml+xml" => Some(Some(Format::Html)),
        "text/plain" | "text/markdown" => Some(Some(Format::Text)),
        "application/rss+xml"
        | "application/atom+xml"
        | "application/rdf+xml"
        | "application/xml"
        | "text/xml" => Some(Some(Format::Feed)),
        _ => None,
    }
}

fn charset_of(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| v.trim().trim_matches(['"', '\'']).to_string())
    })
}

/// Splits an HTTP response into its decoded body and `Content-Type`.
/// `Ok(None)` for responses that are not worth reading (non-2xx status).
fn http_body(block: &[u8], max: u64) -> Result<Option<(Vec<u8>, String)>, String> {
    let (head_end, body_start) = match find(block, b"\r\n\r\n") {
        Some(i) => (i, i + 4),
        None => match find(block, b"\n\n") {
            Some(i) => (i, i + 2),
            None => return Err("HTTP response without end of headers".into()),
        },
    };
    let head = String::from_utf8_lossy(&block[..head_end]);
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|s| s.parse::<u16>().ok())
        .ok_or_else(|| "HTTP response without a status line".to_string())?;
    if !(200..300).contains(&status) {
        return Ok(None);
    }
    let mut content_type = String::new();
    let mut chunked = false;
    let mut encoding = String::new();
    for line in lines {
        let Some((name, value)) = line.split_once(':') else {
            continue;
        };
        let value = value.trim();
        match name.trim().to_ascii_lowercase().as_str() {
            "content-type" => content_type = value.to_string(),
            "transfer-encoding" => chunked = value.to_ascii_lowercase().contains("chunked"),
            "content-encoding" => encoding = value.to_ascii_lowercase(),
            _ => {}
        }
    }
    let mut body = block[body_start..].to_vec();
    if chunked {
        // Crawlers often store the body already de-chunked while keeping the
        // header, so a body that does not parse as chunks is taken as is.
        if let Some(joined) = dechunk(&body) {
            body = joined;
        }
    }
    body = match encoding.as_str() {
        "" | "identity" => body,
        "gzip" | "x-gzip" | "deflate" => decompress(&body, &encoding, max)?,
        other => return Err(format!("unsupported Content-Encoding {other}")),
    };
    Ok(Some((body, content_type)))
}

fn decompress(body: &[u8], encoding: &str, max: u64) -> Result<Vec<u8>, String> {
    let gzip_magic = body.starts_with(&[0x1f, 0x8b]);
    let mut out = Vec::new();
    let result = if gzip_magic {
        flate2::read::MultiGzDecoder::new(body)
            .take(max + 1)
            .read_to_end(&mut out)
    } else if encoding == "deflate" {
        flate2::read::ZlibDecoder::new(body)
            .take(max + 1)
            .read_to_end(&mut out)
            .or_else(|_| {
                out.clear();
                flate2::read::DeflateDecoder::new(body)
                    .take(max + 1)
                    .read_to_end(&mut out)
            })
    } else {
        // Declared gzip but not gzip: the crawler already decoded it.
        return Ok(body.to_vec());
    };
    match result {
        Ok(_) if out.len() as u64 > max => {
            Err(format!("decompressed body too large (over {max} bytes)"))
        }
        Ok(_) => Ok(out),
        Err(e) => Err(format!("bad {encoding} body: {e}")),
    }
}

/// Joins a chunked transfer-encoded body; `None` if it is not well formed.
fn dechunk(mut body: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(body.len());
    loop {
        let eol = find(body, b"\n")?;
        let size_line = std::str::from_utf8(&body[..eol]).ok()?;
        let size_hex = size_line.split(';').next()?.trim();
        let size = usize::from_str_radix(size_hex, 16).ok()?;
        body = &body[eol + 1..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(body.get(..size)?);
        body = &body[size..];
        body = body
            .strip_prefix(b"\r\n")
            .or_else(|| body.strip_prefix(b"\n"))
            .unwrap_or(body);
    }
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dechunks() {
        let cases: &[(&[u8], Option<&[u8]>)] = &[
            (
                b"5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n",
                Some(b"hello world"),
            ),
            (b"5;ext=1\nhello\n0\n", Some(b"hello")),
            (b"<html>not chunked</html>", None),
            (b"ff\r\nshort", None),
        ];
        for (input, want) in cases {
            assert_eq!(dechunk(input).as_deref(), *want);
        }
    }

    #[test]
    fn content_types() {
        assert_eq!(
            format_of("text/html; charset=UTF-8"),
            Some(Some(Format::Html))
        );
        assert_eq!(format_of("image/jpeg"), None);
        assert_eq!(format_of(""), Some(None));
        assert_eq!(
            charset_of("text/html; charset=\"windows-1252\"").as_deref(),
            Some("windows-1252")
        );
        assert_eq!(charset_of("text/html"), None);
    }
}
