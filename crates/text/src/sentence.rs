use sitrep_model::Span;

use crate::PackedWord;

/// Words that end with a period without ending a sentence.
const ABBREVIATIONS: [PackedWord; 54] = PackedWord::sorted([
    "mr", "mrs", "ms", "dr", "gen", "lt", "col", "sgt", "capt", "maj", "cpl", "pvt", "adm", "brig",
    "cmdr", "gov", "sen", "rep", "prof", "rev", "st", "mt", "ft", "no", "vs", "etc", "jan", "feb",
    "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "inc", "co", "corp",
    "ltd", "jr", "sr", "u.s", "u.k", "u.n", "e.g", "i.e", "approx", "est", "dept", "govt", "pres",
]);

/// Splits text into sentences, returned as trimmed byte spans in order.
///
/// A sentence ends at `.`, `!` or `?` (with any closing quotes or brackets) when
/// the next word starts a new sentence, and at line breaks that end a headline or
/// paragraph. Scraped text often lacks final punctuation, so a short line on its
/// own is taken as a sentence (a headline), while a line break followed by a
/// lower-case word is taken as hard wrapping inside one sentence.
pub fn sentences(text: &str) -> Vec<Span> {
    // News sentences run to about 150 bytes: room for all of them at once.
    let mut out = Vec::with_capacity(text.len() / 64 + 1);
    let mut start = 0;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // Only line breaks and terminators can end a sentence: skip to the next.
        match next_break(&bytes[i..]) {
            Some(skip) => i += skip,
            None => break,
        }
        let b = bytes[i];
        if b == b'\n' {
            if newline_ends_sentence(text, start, i) {
                push_trimmed(text, start, i, &mut out);
                start = i + 1;
            }
            i += 1;
            continue;
        }
        if matches!(b, b'.' | b'!' | b'?') {
            // Take in closing quotes and brackets after the terminator.
            let mut end = i + 1;
            while end < text.len() {
                let c = text[end..].chars().next().unwrap();
                if matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»') {
                    end += c.len_utf8();
                } else {
                    break;
                }
            }
            if b != b'.' || !ends_with_abbreviation(&text[start..i]) {
                let rest = &text[end..];
                let ws = rest.len() - rest.trim_start().len();
                let next = rest[ws..].chars().next();
                let starts_new = ws > 0
                    && next.is_some_and(|c| {
                        c.is_uppercase()
                            || c.is_ascii_digit()
                            || matches!(c, '"' | '“' | '‘' | '\'' | '(' | '[' | '«')
                    });
                if starts_new || next.is_none() {
                    push_trimmed(text, start, end, &mut out);
                    start = end;
                    i = end;
                    continue;
                }
            }
        }
        i += 1;
    }
    push_trimmed(text, start, text.len(), &mut out);
    out
}

/// The offset of the first line break or sentence terminator in `bytes`.
fn next_break(bytes: &[u8]) -> Option<usize> {
    // Eight bytes at a time first: most bytes of a text are none of the four,
    // and a word of them is tested with a few arithmetic operations.
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGHS: u64 = u64::from_ne_bytes([0x80; 8]);
    // The classic test for a zero byte, here of `word` xor `b` in each
    // byte: its high bits are not all clear exactly when some byte is `b`.
    let has = |word: u64, b: u8| {
        let x = word ^ (ONES * u64::from(b));
        x.wrapping_sub(ONES) & !x
    };
    let mut clear = 0;
    for chunk in bytes.chunks_exact(8) {
        let word = u64::from_ne_bytes([
            chunk[0], chunk[1], chunk[2], chunk[3], chunk[4], chunk[5], chunk[6], chunk[7],
        ]);
        if (has(word, b'\n') | has(word, b'.') | has(word, b'!') | has(word, b'?')) & HIGHS != 0 {
            break;
        }
        clear += 8;
    }
    bytes[clear..]
        .iter()
        .position(|b| matches!(b, b'\n' | b'.' | b'!' | b'?'))
        .map(|p| clear + p)
}

fn newline_ends_sentence(text: &str, start: usize, nl: usize) -> bool {
    let line = text[start..nl].trim();
    if line.is_empty() {
        return false;
    }
    let rest = text[nl + 1..].trim_start_matches([' ', '\t', '\r']);
    // A blank line always ends a paragraph.
    if rest.starts_with('\n') || rest.is_empty() {
        return true;
    }
    let next = rest.chars().next().unwrap();
    if next.is_lowercase() {
        return false;
    }
    let last = line.chars().last().unwrap();
    let this_line = text[..nl].rsplit('\n').next().unwrap_or("").trim();
    matches!(last, '.' | '!' | '?' | '"' | '”' | ':') || this_line.chars().count() < 100
}

fn ends_with_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"' || c == '“')
        .next()
        .unwrap_or("");
    if word.is_empty() {
        return false;
    }
    // A single capital letter is an initial ("Joe R. Biden").
    PackedWord::new(word.as_bytes()).is_some_and(|w| w.is_in(&ABBREVIATIONS))
        || (word.chars().count() == 1 && word.chars().all(char::is_uppercase))
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    let trimmed = s.trim();
    if !trimmed.is_empty() {
        out.push(Span::new(start + lead, start + lead + trimmed.len()));
    }
}

#[cfg(test)]
mod tests {
    use super::next_break;

    #[test]
    fn next_break_finds_what_a_byte_loop_finds() {
        let naive = |b: &[u8]| {
            b.iter()
                .position(|b| matches!(b, b'\n' | b'.' | b'!' | b'?'))
        };
        let text = "Kābul fell\u{2014}Taliban said. Really? Yes! \n and more text here ...";
        for start in 0..text.len() {
            for end in start..=text.len() {
                let b = &text.as_bytes()[start..end];
                assert_eq!(next_break(b), naive(b), "{b:?}");
            }
        }
        assert_eq!(
            next_break(&[0x0e, 0x2f, 0x2d, 0x21 ^ 0x80, 0xff, 0, 0, 0x3f]),
            Some(7)
        );
    }
}
