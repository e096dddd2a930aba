//! Integration tests: one article in, events out, through the real recogniser.

mod props;
mod reference;
mod util;
mod variants;
