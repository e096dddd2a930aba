//! Geoparsing evaluation (GeoWebNews format).
