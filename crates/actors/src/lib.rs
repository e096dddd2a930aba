//! The actor dictionary.

/// Placeholder until the actor dictionary lands.
#[derive(Clone, Debug, Default)]
pub struct ActorDictionary {}
