//! Place recognition: gazetteer matches in the text, resolved by context.
//! (Owned by the gazetteer work; see the crate doc for the contract.)

use sitrep_gazetteer::Gazetteer;
use sitrep_model::{Mention, Span};

/// Finds and resolves every place name in `text`.
pub fn recognise(_gazetteer: &Gazetteer, _text: &str, _sentences: &[Span]) -> Vec<Mention> {
    Vec::new()
}

/// The country the article is mostly about (ISO 3166-1 alpha-2), judged from its
/// resolved place mentions, used to resolve generic actors ("militants").
pub fn focus_country(_places: &[Mention]) -> Option<String> {
    None
}
