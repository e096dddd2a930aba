//! Versioned schema migrations for the SQLite backend.
//!
//! Each migration is a numbered SQL file under `migrations/sqlite/`, compiled
//! into the binary. They run in order, each in its own immediate transaction,
//! and each applied version is recorded in `schema_migrations`. A database whose
//! recorded version is newer than the newest migration here is refused rather
//! than touched. Migrations never run backwards.

use rusqlite::{Connection, OptionalExtension, TransactionBehavior};

use crate::StoreError;

/// One schema step.
pub(crate) struct Migration {
    /// Its number; versions are consecutive from 1.
    pub version: u32,
    /// Its file name, for error messages.
    pub name: &'static str,
    /// The SQL to run.
    pub sql: &'static str,
}

/// Every migration, in order. Append; never edit or reorder a released one.
pub(crate) const MIGRATIONS: &[Migration] = &[Migration {
    version: 1,
    name: "0001_init.sql",
    sql: include_str!("../migrations/sqlite/0001_init.sql"),
}];

/// The schema version this build writes.
pub const SCHEMA_VERSION: u32 = MIGRATIONS[MIGRATIONS.len() - 1].version;

const CREATE_TABLE: &str = "CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at TEXT NOT NULL
)";

/// The highest version recorded in the database (0 for a fresh one).
pub(crate) fn current_version(conn: &Connection) -> Result<u32, rusqlite::Error> {
    conn.query_row("SELECT MAX(version) FROM schema_migrations", [], |r| {
        r.get::<_, Option<u32>>(0)
    })
    .optional()
    .map(|v| v.flatten().unwrap_or(0))
}

/// Brings the database up to [`SCHEMA_VERSION`], or refuses a newer one.
///
/// The version is re-read inside each migration's write transaction, so two
/// processes opening the same fresh file at once apply each step only once.
pub(crate) fn migrate(conn: &mut Connection) -> Result<u32, StoreError> {
    let setup = |source| StoreError::Migration {
        version: 0,
        name: "schema_migrations",
        source,
    };
    conn.execute_batch(CREATE_TABLE).map_err(setup)?;
    let found = current_version(conn).map_err(setup)?;
    if found > SCHEMA_VERSION {
        return Err(StoreError::SchemaTooNew {
            found,
            supported: SCHEMA_VERSION,
        });
    }
    for m in MIGRATIONS.iter().filter(|m| m.version > found) {
        apply(conn, m).map_err(|source| StoreError::Migration {
            version: m.version,
            name: m.name,
            source,
        })?;
    }
    Ok(SCHEMA_VERSION)
}

fn apply(conn: &mut Connection, m: &Migration) -> Result<(), rusqlite::Error> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    if current_version(&tx)? >= m.version {
        // Another process applied it between our check and our lock.
        return Ok(());
    }
    tx.execute_batch(m.sql)?;
    tx.execute(
        "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?1, ?2, ?3)",
        rusqlite::params![m.version, m.name, crate::sqlite::now()],
    )?;
    tx.commit()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_are_consecutive_from_one() {
        for (i, m) in MIGRATIONS.iter().enumerate() {
            assert_eq!(m.version as usize, i + 1, "{}", m.name);
            assert!(
                m.name.starts_with(&format!("{:04}_", m.version)),
                "{}",
                m.name
            );
        }
    }
}
