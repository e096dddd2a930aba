//! Small helpers shared by the commands that print records.

use serde_json::Value;
use sitrep_ingest::Overrides;

use crate::args::MetaArgs;

/// The ingest overrides the user gave on the command line.
pub fn overrides(meta: &MetaArgs) -> Overrides {
    Overrides {
        published: meta.published,
        source: meta.source.clone(),
        url: meta.url.clone(),
    }
}

/// Puts `"record": kind` first in a JSON object, so mixed streams can be split.
pub fn tag(v: &mut Value, kind: &str) {
    if let Value::Object(map) = v {
        let mut tagged = serde_json::Map::with_capacity(map.len() + 1);
        tagged.insert("record".into(), Value::from(kind));
        tagged.extend(std::mem::take(map));
        *map = tagged;
    }
}
