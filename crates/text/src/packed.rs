/// A short word with its ASCII letters lower-cased, packed with its length
/// into one integer.
///
/// Two words are equal ignoring ASCII case exactly when their packed forms are
/// equal, so a word list compares a looked-up word with one integer comparison
/// per entry instead of a loop over bytes, and a list sorted at compile time
/// is searched without touching its strings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PackedWord(u128);

impl PackedWord {
    /// The longest word that packs, in bytes: the last byte holds the length.
    pub const MAX: usize = 15;

    /// Packs `word`; `None` when it is longer than [`PackedWord::MAX`].
    #[inline]
    pub const fn new(word: &[u8]) -> Option<PackedWord> {
        if word.len() > PackedWord::MAX {
            return None;
        }
        // Bytes first, one integer at the end: shifting each byte into a
        // 128-bit integer costs several instructions a byte.
        let mut bytes = [0u8; 16];
        bytes[15] = word.len() as u8;
        let mut i = 0;
        while i < word.len() {
            bytes[i] = word[i].to_ascii_lowercase();
            i += 1;
        }
        Some(PackedWord(u128::from_le_bytes(bytes)))
    }

    /// Packs a word known to fit, for tables built at compile time.
    ///
    /// # Panics
    ///
    /// If `word` is longer than [`PackedWord::MAX`] (at compile time, for a
    /// constant).
    pub const fn of(word: &str) -> PackedWord {
        match PackedWord::new(word.as_bytes()) {
            Some(p) => p,
            None => panic!("word too long to pack"),
        }
    }

    /// `words` packed and sorted, for [`PackedWord::is_in`].
    pub const fn sorted<const N: usize>(words: [&str; N]) -> [PackedWord; N] {
        let mut out = [PackedWord(0); N];
        let mut i = 0;
        while i < N {
            // Insertion sort: these lists are short and sorted once, at
            // compile time.
            let p = PackedWord::of(words[i]);
            let mut j = i;
            while j > 0 && out[j - 1].0 > p.0 {
                out[j] = out[j - 1];
                j -= 1;
            }
            out[j] = p;
            i += 1;
        }
        out
    }

    /// True if this word is in `list`, sorted by [`PackedWord::sorted`].
    #[inline]
    pub fn is_in(self, list: &[PackedWord]) -> bool {
        list.binary_search(&self).is_ok()
    }
}
