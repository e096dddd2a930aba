use sitrep_model::Span;

/// What a token is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters, possibly with inner apostrophes, hyphens or periods ("al-Qaeda", "U.S.").
    Word,
    /// Digits with inner separators ("3,000", "1.5").
    Number,
    /// A single punctuation character.
    Punct,
}

/// A token: its kind and byte span.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Byte span in the text.
    pub span: Span,
    /// Word, number or punctuation.
    pub kind: TokenKind,
}

impl Token {
    /// The token's text.
    pub fn slice<'t>(&self, text: &'t str) -> &'t str {
        self.span.slice(text)
    }
}

/// Classes of ASCII bytes for the tokeniser's fast paths; 0 for
/// punctuation.
const SPACE: u8 = 1;
const LETTER: u8 = 2;
const DIGIT: u8 = 3;
const ASCII: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        // The ASCII characters `char::is_whitespace` accepts.
        if matches!(c, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r') {
            t[b] = SPACE;
        } else if c.is_ascii_digit() {
            t[b] = DIGIT;
        } else if c.is_ascii_alphabetic() {
            t[b] = LETTER;
        }
        b += 1;
    }
    t
};

#[inline]
fn is_ascii_alnum(b: u8) -> bool {
    b.is_ascii() && ASCII[usize::from(b)] >= LETTER
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '\u{301}' || c == '\u{304}' || c == '\u{308}'
}

fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '‐' | '‑' | '.')
}

/// Splits text into words, numbers and single punctuation characters.
///
/// Inner apostrophes and hyphens stay inside words ("al-Qaeda", "Afghanistan’s"),
/// as do inner periods of abbreviations ("U.S."); thousands separators and
/// decimal points stay inside numbers.
pub fn tokens(text: &str) -> Vec<Token> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(text.len() / 5);
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let (end, kind) = if b.is_ascii() {
            // ASCII, most of any news text: its class decides, without
            // decoding a character (an ASCII word character is a letter or
            // a digit).
            match ASCII[usize::from(b)] {
                SPACE => {
                    i += 1;
                    continue;
                }
                DIGIT => (number_end(bytes, i + 1), TokenKind::Number),
                LETTER => (word_end(text, i, i + 1), TokenKind::Word),
                _ => (i + 1, TokenKind::Punct),
            }
        } else {
            let (c, len) = char_at(text, i);
            if c.is_whitespace() {
                i += len;
                continue;
            }
            if is_word_char(c) {
                (word_end(text, i, i + len), TokenKind::Word)
            } else {
                (i + len, TokenKind::Punct)
            }
        };
        // Spans are built directly: `start <= end` holds by construction.
        out.push(Token {
            span: Span { start: i, end },
            kind,
        });
        i = end;
    }
    out
}

/// The character at byte `i` (a character boundary) and its length; ASCII,
/// most of any news text, without UTF-8 decoding.
#[inline]
fn char_at(text: &str, i: usize) -> (char, usize) {
    let b = text.as_bytes()[i];
    if b.is_ascii() {
        return (char::from(b), 1);
    }
    text[i..]
        .chars()
        .next()
        .map_or(('\u{fffd}', 1), |c| (c, c.len_utf8()))
}

/// The end of a number whose digits run from before `end`: a separator stays
/// inside the number only between digits ("3,000").
fn number_end(bytes: &[u8], mut end: usize) -> usize {
    while let Some(&d) = bytes.get(end) {
        let joins = (d == b',' || d == b'.') && bytes.get(end + 1).is_some_and(u8::is_ascii_digit);
        if d.is_ascii_digit() || joins {
            end += 1;
        } else {
            break;
        }
    }
    end
}

/// The end of a word starting at `start` whose first character ends at `end`.
fn word_end(text: &str, start: usize, mut end: usize) -> usize {
    let bytes = text.as_bytes();
    while end < bytes.len() {
        // The common case, a run of ASCII letters and digits, in one pass.
        end += bytes[end..]
            .iter()
            .position(|&b| !is_ascii_alnum(b))
            .unwrap_or(bytes.len() - end);
        // Other ASCII characters end the word unless they may join two parts.
        match bytes.get(end) {
            None => break,
            Some(&b) if b.is_ascii() && !matches!(b, b'\'' | b'-' | b'.') => break,
            Some(_) => {}
        }
        let (d, len) = char_at(text, end);
        if is_word_char(d) {
            end += len;
        } else if is_joiner(d) {
            // A joiner stays inside the word only when a letter follows it
            // ("al-Qaeda"), or, for a period, when the word is an
            // abbreviation with single letters ("U.S.").
            let after = end + len;
            if after < text.len() && is_word_char(char_at(text, after).0) {
                end = after;
            } else {
                if d == '.' && is_initialism(&text[start..end]) {
                    end += 1;
                }
                break;
            }
        } else {
            break;
        }
    }
    end
}

/// "U.S" or "U.K" or "U.N": single letters joined by periods.
fn is_initialism(word: &str) -> bool {
    word.len() >= 3
        && word
            .split('.')
            .all(|p| p.chars().count() == 1 && p.chars().all(char::is_alphabetic))
}
