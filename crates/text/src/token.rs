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
    let mut out = Vec::with_capacity(text.len() / 5);
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c.is_whitespace() {
            continue;
        }
        if c.is_ascii_digit() {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = it.peek() {
                // A separator stays inside the number only between digits ("3,000").
                let joins = (d == ',' || d == '.')
                    && text[j + 1..].chars().next().is_some_and(|n| n.is_ascii_digit());
                if d.is_ascii_digit() || joins {
                    it.next();
                    end = j + 1;
                } else {
                    break;
                }
            }
            out.push(Token {
                span: Span::new(i, end),
                kind: TokenKind::Number,
            });
        } else if is_word_char(c) {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = it.peek() {
                if is_word_char(d) {
                    it.next();
                    end = j + d.len_utf8();
                } else if is_joiner(d) {
                    // A joiner stays inside the word only when a letter follows it
                    // ("al-Qaeda"), or, for a period, when the word is an
                    // abbreviation with single letters ("U.S.").
                    let next = text[j + d.len_utf8()..].chars().next();
                    if next.is_some_and(is_word_char) {
                        it.next();
                        end = j + d.len_utf8();
                    } else if d == '.' && is_initialism(&text[i..end]) {
                        it.next();
                        end = j + 1;
                        break;
                    } else {
                        break;
                    }
                } else {
                    break;
                }
            }
            out.push(Token {
                span: Span::new(i, end),
                kind: TokenKind::Word,
            });
        } else {
            out.push(Token {
                span: Span::new(i, i + c.len_utf8()),
                kind: TokenKind::Punct,
            });
        }
    }
    out
}

/// "U.S" or "U.K" or "U.N": single letters joined by periods.
fn is_initialism(word: &str) -> bool {
    word.len() >= 3
        && word
            .split('.')
            .all(|p| p.chars().count() == 1 && p.chars().all(char::is_alphabetic))
}
