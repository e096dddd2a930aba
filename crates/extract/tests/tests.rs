//! Integration tests: one article in, events out, through the real recogniser.

mod background;
mod props;
mod reference;
mod util;
mod variants;
