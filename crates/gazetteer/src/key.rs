//! Name keys: the normal form that gazetteer names and text are both reduced to
//! before lookup, so that spelling variants of one name meet on one key.
//!
//! A key is the folded name (lower case, accents stripped) cut into alphanumeric
//! words and joined without separators, so hyphens, spaces, apostrophes and
//! periods do not matter ("Lashkar Gah" = "Lashkargah" = "Lashkar-Gah",
//! "Ma'rib" = "Marib", "U.S." = "US"). Dari/Persian ezafe connectors and Arabic
//! articles between words are dropped ("Mazar-i-Sharif" = "Mazār-e Sharīf",
//! "Deir ez-Zor" = "Deir Zor"), as is a leading "al"/"el" ("Al Hudaydah" =
//! "Hudaydah"). This module only builds keys; it knows nothing of entries.
//!
//! It is shared with `build.rs`, so it depends on nothing but `sitrep_text`.

/// Words dropped when they follow the first word of a name: ezafe connectors
/// (`-i-`, `-e-`, `-ye-`) and the assimilated forms of the Arabic article.
const INNER_SKIP: &[&str] = &[
    "i", "e", "ye", "al", "el", "ad", "adh", "ar", "as", "ash", "at", "ath", "az", "ez", "es",
    "ed", "en", "er", "an", "ul", "ud", "ur", "ush",
];

/// Articles dropped at the start of a multi-word name.
const LEAD_SKIP: &[&str] = &["al", "el"];

/// True if `word` (folded) is skipped when it is not the first word of a name.
pub fn is_inner_skip(word: &str) -> bool {
    INNER_SKIP.contains(&word)
}

/// True if `word` (folded) is skipped when it starts a name of several words.
pub fn is_lead_skip(word: &str) -> bool {
    LEAD_SKIP.contains(&word)
}

/// Splits folded text into its alphanumeric words.
pub fn folded_words(folded: &str) -> impl Iterator<Item = &str> {
    folded
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// The lookup key of a name; empty if the name has no letters or digits.
pub fn key(name: &str) -> String {
    let folded = sitrep_text::fold(name);
    let words: Vec<&str> = folded_words(&folded).collect();
    key_of_words(&words)
}

/// The key of a name already cut into folded words.
pub fn key_of_words(words: &[&str]) -> String {
    let mut out = String::new();
    let n = words.len();
    for (i, w) in words.iter().enumerate() {
        let skip = if i == 0 {
            n > 1 && is_lead_skip(w)
        } else {
            is_inner_skip(w)
        };
        if !skip {
            out.push_str(w);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::key;

    #[test]
    fn variants_share_a_key() {
        let same: &[(&str, &str)] = &[
            ("Mazar-i-Sharif", "Mazār-e Sharīf"),
            ("Mazar-e-Sharif", "Mazar i Sharif"),
            ("Lashkar Gah", "Lashkargah"),
            ("Lashkar-Gāh", "LASHKAR GAH"),
            ("Deir ez-Zor", "Deir Zor"),
            ("Dayr az Zawr", "Dayr Zawr"),
            ("Ma'rib", "Marib"),
            ("Ma’rib", "Marib"),
            ("Al Ḩudaydah", "Hudaydah"),
            ("U.S.", "US"),
            ("Qal'ah-ye Now", "Qalah Now"),
        ];
        for (a, b) in same {
            assert_eq!(key(a), key(b), "{a} vs {b}");
        }
    }

    #[test]
    fn different_names_differ() {
        assert_ne!(key("Herat"), key("Helmand"));
        assert_eq!(key("Al"), "al", "a lone article is a name");
        assert_eq!(key("—"), "");
    }
}
