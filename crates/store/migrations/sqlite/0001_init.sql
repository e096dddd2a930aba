-- sitrep store, schema version 1: articles, mentions, events and their evidence.
--
-- Conventions: dates are ISO 8601 text (YYYY-MM-DD, timestamps RFC 3339 UTC);
-- spans are stored both as UTF-8 byte offsets (what Rust slices with) and as
-- Unicode code point offsets (what every consumer outside Rust counts in);
-- booleans are 0/1; each row keeps the full serialised value in `payload`
-- (JSON) so nothing is lost, and copies the fields that queries filter on into
-- indexed columns. Later schema versions add tables (dedup groups, merged
-- events, control timelines, claims) in new numbered files, never by editing
-- this one.

CREATE TABLE articles (
    id           TEXT PRIMARY KEY,              -- ArticleId: 16 hex digits of SHA-256(text)
    content_hash TEXT NOT NULL UNIQUE,          -- full SHA-256 hex of text
    text         TEXT NOT NULL,
    title        TEXT,
    published    TEXT,                          -- YYYY-MM-DD
    source       TEXT,
    url          TEXT,
    origin       TEXT NOT NULL,
    ingested_at  TEXT NOT NULL                  -- RFC 3339 UTC
) STRICT;

CREATE INDEX articles_published ON articles (published);
CREATE INDEX articles_url ON articles (url) WHERE url IS NOT NULL;

CREATE TABLE mentions (
    article_id        TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    ord               INTEGER NOT NULL,         -- position in the article's mention list
    type              TEXT NOT NULL CHECK (type IN ('place', 'actor', 'person', 'time')),
    byte_start        INTEGER NOT NULL,
    byte_end          INTEGER NOT NULL,
    char_start        INTEGER NOT NULL,
    char_end          INTEGER NOT NULL,
    sentence          INTEGER NOT NULL,
    surface           TEXT NOT NULL,
    place_geonameid   INTEGER,
    place_country     TEXT,                     -- ISO 3166-1 alpha-2
    place_admin1_code TEXT,                     -- ISO 3166-2
    actor_id          TEXT,                     -- actor mentions; a person's affiliation
    payload           TEXT NOT NULL,            -- JSON of the MentionKind
    PRIMARY KEY (article_id, ord),
    CHECK (byte_start <= byte_end AND char_start <= char_end)
) STRICT;

CREATE INDEX mentions_place ON mentions (place_geonameid) WHERE place_geonameid IS NOT NULL;
CREATE INDEX mentions_country ON mentions (place_country, place_admin1_code)
    WHERE place_country IS NOT NULL;
CREATE INDEX mentions_actor ON mentions (actor_id) WHERE actor_id IS NOT NULL;

CREATE TABLE events (
    id                   TEXT PRIMARY KEY,      -- Event::compute_id
    kind                 TEXT NOT NULL,
    actor_id             TEXT,
    target_id            TEXT,
    place_geonameid      INTEGER,
    place_name           TEXT,
    place_admin1         TEXT,
    place_admin1_code    TEXT,
    place_country        TEXT,
    place_lat            REAL,
    place_lon            REAL,
    date_start           TEXT,                  -- YYYY-MM-DD
    date_end             TEXT,                  -- YYYY-MM-DD, inclusive
    precision            TEXT,
    relation             TEXT,
    negated              INTEGER NOT NULL CHECK (negated IN (0, 1)),
    hypothetical         INTEGER NOT NULL CHECK (hypothetical IN (0, 1)),
    confidence           REAL NOT NULL,
    plover_type          TEXT,
    plover_mode          TEXT,
    acled_event_type     TEXT,
    acled_sub_event_type TEXT,
    fatalities           REAL,
    -- Folded (lower case, accents stripped) search keys, built in Rust because
    -- SQLite's own case folding is ASCII-only.
    place_search         TEXT NOT NULL,
    actor_search         TEXT NOT NULL,
    payload              TEXT NOT NULL,         -- JSON of the Event without `sources`
    first_seen           TEXT NOT NULL,         -- RFC 3339 UTC
    updated_at           TEXT NOT NULL,         -- RFC 3339 UTC
    CHECK (date_start IS NULL OR date_end IS NULL OR date_start <= date_end)
) STRICT;

CREATE INDEX events_date ON events (date_start, date_end);
CREATE INDEX events_kind_date ON events (kind, date_start);
-- The per-place timeline (territorial control) reads events of one place in date order.
CREATE INDEX events_place_date ON events (place_geonameid, date_start)
    WHERE place_geonameid IS NOT NULL;
CREATE INDEX events_country_admin1 ON events (place_country, place_admin1_code);
CREATE INDEX events_actor ON events (actor_id) WHERE actor_id IS NOT NULL;
CREATE INDEX events_target ON events (target_id) WHERE target_id IS NOT NULL;

-- One row per report of an event. An event reported by several articles has
-- several rows; the article's url/source/published come from `articles`.
CREATE TABLE event_sources (
    id             INTEGER PRIMARY KEY,
    event_id       TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE ON UPDATE CASCADE,
    article_id     TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    sentence_start INTEGER NOT NULL,            -- bytes
    sentence_end   INTEGER NOT NULL,
    trigger_start  INTEGER NOT NULL,            -- bytes
    trigger_end    INTEGER NOT NULL,
    sentence       TEXT NOT NULL,
    fields         TEXT NOT NULL DEFAULT '[]',  -- JSON list of FieldEvidence
    CHECK (sentence_start <= sentence_end AND trigger_start <= trigger_end)
) STRICT;

-- The same report of the same event is stored once, however often it is offered.
CREATE UNIQUE INDEX event_sources_report
    ON event_sources (event_id, article_id, sentence_start, trigger_start, trigger_end);
CREATE INDEX event_sources_article ON event_sources (article_id);
