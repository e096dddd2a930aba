//! Evaluation against labelled data. Each module scores one task and returns a
//! report that prints precision, recall and F1 per field.

pub mod geoparse;
