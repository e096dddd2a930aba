//! Actor and person recognition: dictionary aliases, titles and roles, pronouns.

use sitrep_actors::ActorDictionary;
use sitrep_model::{Mention, Span};

/// Finds actors and people in `text`. `focus_country` is the country the article
/// is about, used to resolve generic sides ("insurgents") to a dictionary actor.
pub fn recognise(
    _dict: &ActorDictionary,
    _text: &str,
    _sentences: &[Span],
    _focus_country: Option<&str>,
) -> Vec<Mention> {
    Vec::new()
}
