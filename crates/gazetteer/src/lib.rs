//! The gazetteer: place names and their entries.

/// Placeholder until the gazetteer lands.
#[derive(Clone, Debug, Default)]
pub struct Gazetteer {}
