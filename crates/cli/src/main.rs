//! The `sitrep` binary: argument parsing, wiring the stages together, exit codes.
//!
//! Each subcommand lives in its own file under `cmd/`. This crate owns no
//! recognition, extraction or storage logic: it loads what a stage needs (the
//! dictionaries, the store), hands it over, and prints what comes back.

use std::process::ExitCode;

use clap::Parser;

mod args;
mod cmd;
mod config;
mod output;
mod pipeline;

use args::{Args, Command};

fn main() -> ExitCode {
    let args = Args::parse();
    let result = match args.command {
        Command::Ingest(a) => cmd::ingest::run(&args.global, a),
        Command::Mentions(a) => cmd::mentions::run(&args.global, a),
        Command::Extract(a) => cmd::extract::run(&args.global, a),
        Command::Events(a) => cmd::events::run(&args.global, a),
        Command::Eval(a) => cmd::eval::run(&args.global, a),
        Command::Bench(a) => cmd::bench::run(&args.global, a),
        Command::Gazetteer(a) => cmd::gazetteer::run(&args.global, a),
        Command::Actors(a) => cmd::actors::run(&args.global, a),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            if is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            eprintln!("sitrep: {err:#}");
            ExitCode::from(2)
        }
    }
}

/// Output piped into `head` closes early; that is not an error worth a message.
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    let broken = Some(std::io::ErrorKind::BrokenPipe);
    err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>().map(|io| io.kind()) == broken
            || e.downcast_ref::<serde_json::Error>()
                .and_then(|j| j.io_error_kind())
                == broken
    })
}

/// Recognition and extraction allocate many small, short-lived strings and
/// vectors per article; mimalloc serves those markedly faster than the system
/// allocator (measured with `sitrep bench`, see docs/RESULTS.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
