//! Plain-text articles. The text is kept as it is, because it is what every
//! offset downstream indexes: only line endings are normalised (CRLF and lone
//! CR become LF), and a run of trailing link-stub lines ("Source link",
//! "Read more", "Continue reading") left by scrapers is cut together with the
//! trailing whitespace. The result is therefore always a prefix of the
//! normalised input. A headline is recognised, not removed.

use regex::Regex;

/// The longest line still taken for a headline, in characters.
const MAX_HEADLINE_CHARS: usize = 200;
const MAX_HEADLINE_WORDS: usize = 30;

/// Patterns for plain text; build once per [`crate::Reader`].
#[derive(Debug)]
pub(crate) struct PlainRules {
    trailing_stub: Regex,
}

impl PlainRules {
    pub(crate) fn new() -> PlainRules {
        PlainRules {
            trailing_stub: Regex::new(
                r"(?i)^\s*(source link|source|original (article|source|link)|read more|read the (full|original) (story|article)|continue reading|click here( to read more)?|share this( article| story)?|view original( article)?)\s*[.:…»›>]*\s*$",
            )
            .expect("trailing stub"),
        }
    }

    /// Normalises line endings and cuts trailing link stubs and whitespace.
    pub(crate) fn clean(&self, raw: &str) -> String {
        let mut text = normalise_newlines(raw);
        loop {
            let trimmed = text.trim_end().len();
            text.truncate(trimmed);
            let line_start = text.rfind('\n').map_or(0, |i| i + 1);
            // Never cut the only line: a one-line file saying "Read more" is
            // its own (odd) content, not a footer.
            if line_start == 0 || !self.trailing_stub.is_match(&text[line_start..]) {
                break;
            }
            text.truncate(line_start);
        }
        text
    }
}

/// CRLF and lone CR become LF; nothing else changes.
pub(crate) fn normalise_newlines(s: &str) -> String {
    if !s.contains('\r') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' {
            if chars.peek() == Some(&'\n') {
                chars.next();
            }
            out.push('\n');
        } else {
            out.push(c);
        }
    }
    out
}

/// The first non-empty line, when it reads as a headline: short, standing on
/// its own (a blank line or the end follows), not ending like a sentence, and
/// followed by more text.
pub(crate) fn headline(text: &str) -> Option<String> {
    let body = text.trim_start();
    let (first, rest) = body.split_once('\n')?;
    let line = first.trim();
    if !rest.starts_with('\n') && !rest.trim_start_matches([' ', '\t']).starts_with('\n') {
        return None;
    }
    if rest.trim().is_empty() {
        return None;
    }
    let chars = line.chars().count();
    let words = line.split_whitespace().count();
    let ends_like_sentence = line.ends_with(['.', ',', ';', ':']) && !line.ends_with("...");
    let has_letter = line.chars().any(char::is_alphabetic);
    (chars <= MAX_HEADLINE_CHARS
        && words <= MAX_HEADLINE_WORDS
        && has_letter
        && !ends_like_sentence)
        .then(|| line.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cleaning_keeps_a_prefix() {
        let rules = PlainRules::new();
        let cases: &[(&str, &str)] = &[
            ("Kabul.\r\nHerat.\r\n", "Kabul.\nHerat."),
            ("Kabul.\rHerat.", "Kabul.\nHerat."),
            ("Kabul fell.\n\n\nSource link", "Kabul fell."),
            (
                "Kabul fell.\n\nRead more »\nSource link\n  \n",
                "Kabul fell.",
            ),
            (
                "Kabul fell.\n\nSource: Reuters",
                "Kabul fell.\n\nSource: Reuters",
            ),
            ("Read more", "Read more"),
            ("  Kabul  \n\n", "  Kabul"),
            (
                "Source link in the middle.\nKabul.",
                "Source link in the middle.\nKabul.",
            ),
        ];
        for (input, want) in cases {
            assert_eq!(rules.clean(input), *want, "{input:?}");
        }
    }

    #[test]
    fn headlines() {
        let cases: &[(&str, Option<&str>)] = &[
            (
                "Taliban take Herat\n\nThe Taliban took Herat.",
                Some("Taliban take Herat"),
            ),
            ("\n\n  Is Kabul next?  \n\nBody.", Some("Is Kabul next?")),
            (
                "HERAT FALLS AS TALIBAN SWEEP WEST\n \nBody.",
                Some("HERAT FALLS AS TALIBAN SWEEP WEST"),
            ),
            ("Kandahar fell on Thursday, officials said.\n\nMore.", None),
            ("A wrapped paragraph that\ncontinues here.", None),
            ("Only a headline\n\n", None),
            ("Only one line", None),
            ("2021\n\nBody.", None),
        ];
        for (input, want) in cases {
            assert_eq!(headline(input).as_deref(), *want, "{input:?}");
        }
    }
}
