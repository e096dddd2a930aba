//! Bytes to text: binary detection, BOMs, strict UTF-8, and declared legacy
//! charsets (`<meta charset>`, the XML declaration, an HTTP `Content-Type`).
//!
//! Undeclared invalid UTF-8 is an error, never silently replaced: a mangled
//! character would shift every offset after it. A declared charset is trusted
//! only when the bytes are *not* valid UTF-8, because pages that declare
//! windows-1252 while serving UTF-8 are common and decoding them as declared
//! would produce mojibake. Line endings and the like are left to the readers.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8};
use regex::bytes::Regex;

use crate::IngestError;

/// How far into a document a charset declaration is looked for.
const DECLARATION_WINDOW: usize = 4096;

/// Charset declaration patterns; build once per [`crate::Reader`].
#[derive(Debug)]
pub(crate) struct Decoder {
    meta: Regex,
    xml: Regex,
}

impl Decoder {
    pub(crate) fn new() -> Decoder {
        Decoder {
            // Covers both `<meta charset="x">` and the http-equiv form whose
            // content attribute reads `text/html; charset=x`.
            meta: Regex::new(r#"(?i-u)<meta[^>]*?charset\s*=\s*["']?\s*([a-z0-9_:.\-]+)"#)
                .expect("meta charset"),
            xml: Regex::new(r#"(?i-u)^\s*<\?xml[^>]*?encoding\s*=\s*["']([a-z0-9_.\-]+)"#)
                .expect("xml encoding"),
        }
    }

    /// The charset a markup document declares for itself, if any.
    pub(crate) fn declared(&self, bytes: &[u8]) -> Option<String> {
        let head = &bytes[..bytes.len().min(DECLARATION_WINDOW)];
        let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
        self.xml
            .captures(head)
            .or_else(|| self.meta.captures(head))
            .map(|c| String::from_utf8_lossy(&c[1]).into_owned())
    }

    /// Decodes `bytes` to a `String`. `declared` is a charset the input or its
    /// transport claims (checked only when the bytes are not valid UTF-8).
    pub(crate) fn decode(
        &self,
        bytes: &[u8],
        origin: &str,
        declared: Option<&str>,
    ) -> Result<String, IngestError> {
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return Err(IngestError::Empty {
                origin: origin.to_string(),
            });
        }
        // A UTF-16 BOM is the one case where NUL bytes are legitimate text.
        for (bom, enc) in [(&b"\xFF\xFE"[..], UTF_16LE), (&b"\xFE\xFF"[..], UTF_16BE)] {
            if let Some(rest) = bytes.strip_prefix(bom) {
                return decode_with(enc, rest, origin);
            }
        }
        check_not_binary(bytes, origin)?;
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        match std::str::from_utf8(bytes) {
            Ok(s) => Ok(s.to_string()),
            Err(e) => {
                let label = declared.map(str::trim).filter(|l| !l.is_empty());
                match label {
                    None => Err(IngestError::InvalidUtf8 {
                        origin: origin.to_string(),
                        offset: e.valid_up_to(),
                    }),
                    Some(label) => match Encoding::for_label(label.as_bytes()) {
                        None => Err(IngestError::UnknownCharset {
                            origin: origin.to_string(),
                            charset: label.to_string(),
                        }),
                        Some(enc) if enc == UTF_8 => Err(IngestError::InvalidUtf8 {
                            origin: origin.to_string(),
                            offset: e.valid_up_to(),
                        }),
                        Some(enc) => decode_with(enc, bytes, origin),
                    },
                }
            }
        }
    }
}

fn decode_with(enc: &'static Encoding, bytes: &[u8], origin: &str) -> Result<String, IngestError> {
    match enc.decode_without_bom_handling_and_without_replacement(bytes) {
        Some(s) if s.contains('\0') => Err(IngestError::Binary {
            origin: origin.to_string(),
            offset: 0,
        }),
        Some(s) => Ok(s.into_owned()),
        None => Err(IngestError::UnknownCharset {
            origin: origin.to_string(),
            charset: format!("{} (bytes not valid in it)", enc.name()),
        }),
    }
}

/// Text never contains NUL, and rarely more than a few C0 controls besides
/// tab, newline, carriage return and form feed; binaries (images, PDFs, zips)
/// have plenty of both within their first kilobytes.
fn check_not_binary(bytes: &[u8], origin: &str) -> Result<(), IngestError> {
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(IngestError::Binary {
            origin: origin.to_string(),
            offset,
        });
    }
    let head = &bytes[..bytes.len().min(8192)];
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c | 0x1b))
        .count();
    if controls * 20 > head.len() {
        let offset = head
            .iter()
            .position(|&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c | 0x1b))
            .unwrap_or(0);
        return Err(IngestError::Binary {
            origin: origin.to_string(),
            offset,
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Bytes, declared charset, and the text or error message expected.
    type Case = (
        &'static [u8],
        Option<&'static str>,
        Result<&'static str, &'static str>,
    );

    #[test]
    fn decodes_or_explains() {
        let d = Decoder::new();
        let cases: &[Case] = &[
            (b"Kabul", None, Ok("Kabul")),
            (b"\xEF\xBB\xBFKabul", None, Ok("Kabul")),
            (b"K\xC4\x81bul", Some("windows-1252"), Ok("Kābul")),
            (b"caf\xE9", Some("iso-8859-1"), Ok("café")),
            (b"caf\xE9", Some("windows-1252"), Ok("café")),
            (b"\xFF\xFEK\0a\0", None, Ok("Ka")),
            (b"caf\xE9", None, Err("x: invalid UTF-8 at byte offset 3")),
            (
                b"caf\xE9",
                Some("utf-8"),
                Err("x: invalid UTF-8 at byte offset 3"),
            ),
            (
                b"caf\xE9",
                Some("klingon"),
                Err("x: unknown charset \"klingon\""),
            ),
            (
                b"ab\0cd",
                None,
                Err("x: binary data, not text (byte offset 2)"),
            ),
            (b" \n\t ", None, Err("x: empty input")),
            (b"", None, Err("x: empty input")),
        ];
        for (input, declared, want) in cases {
            let got = d.decode(input, "x", *declared).map_err(|e| e.to_string());
            assert_eq!(
                got.as_deref(),
                want.map_err(str::to_string).as_deref(),
                "{input:?}"
            );
        }
    }

    #[test]
    fn finds_declarations() {
        let d = Decoder::new();
        let cases: &[(&[u8], Option<&str>)] = &[
            (
                b"<html><head><meta charset=\"windows-1252\">",
                Some("windows-1252"),
            ),
            (
                b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">",
                Some("ISO-8859-1"),
            ),
            (
                b"<?xml version=\"1.0\" encoding='iso-8859-1'?><rss>",
                Some("iso-8859-1"),
            ),
            (b"<html><p>charset=utf-8 in text</p>", None),
        ];
        for (input, want) in cases {
            assert_eq!(d.declared(input).as_deref(), *want);
        }
    }
}
