//! GeoJSON: a FeatureCollection with one Point per located event, the whole
//! event as the feature's properties. Streams features one by one, so memory
//! does not grow with the number of events.

use sitrep_model::Event;

use crate::{io, ExportError, ExportSummary, SkipReason};

/// Writes a GeoJSON FeatureCollection. Events without a place, or whose place
/// has non-finite or out-of-range coordinates, are skipped and counted.
pub fn write_geojson<'a, W, I>(mut out: W, events: I) -> Result<ExportSummary, ExportError>
where
    W: std::io::Write,
    I: IntoIterator<Item = &'a Event>,
{
    let mut summary = ExportSummary::default();
    out.write_all(b"{\"type\":\"FeatureCollection\",\"features\":[")
        .map_err(io("geojson"))?;
    for event in events {
        let Some((lon, lat)) = coordinates(event) else {
            summary.skip(SkipReason::NoCoordinates);
            continue;
        };
        if summary.written > 0 {
            out.write_all(b",").map_err(io("geojson"))?;
        }
        out.write_all(b"\n").map_err(io("geojson"))?;
        let feature = serde_json::json!({
            "type": "Feature",
            "id": event.id,
            "geometry": {"type": "Point", "coordinates": [lon, lat]},
            "properties": event,
        });
        serde_json::to_writer(&mut out, &feature).map_err(|source| ExportError::Json {
            format: "geojson",
            record: event.id.clone(),
            source,
        })?;
        summary.written += 1;
    }
    out.write_all(b"\n]}\n").map_err(io("geojson"))?;
    out.flush().map_err(io("geojson"))?;
    Ok(summary)
}

/// `(lon, lat)` of the event's place, when usable.
fn coordinates(event: &Event) -> Option<(f64, f64)> {
    let p = event.place.as_ref()?;
    let ok = p.lat.is_finite()
        && p.lon.is_finite()
        && (-90.0..=90.0).contains(&p.lat)
        && (-180.0..=180.0).contains(&p.lon);
    ok.then_some((p.lon, p.lat))
}
