//! One module per subcommand. Each exposes `run(global, args) -> Result<ExitCode>`.

pub mod actors;
pub mod bench;
pub mod eval;
pub mod events;
pub mod extract;
pub mod gazetteer;
pub mod ingest;
pub mod mentions;
