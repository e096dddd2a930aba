//! What the user typed, as clap parses it. Validation that needs more than a
//! type (dates, existing directories) happens once in `config`.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args as ClapArgs, Parser, Subcommand, ValueEnum};

/// Turn news reports about armed conflict into a sourced, geocoded, dated event database.
#[derive(Debug, Parser)]
#[command(name = "sitrep", version, about, long_about = None)]
pub struct Args {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

/// Options every subcommand understands.
#[derive(Debug, ClapArgs)]
pub struct GlobalArgs {
    /// Directory of user data that extends the shipped dictionaries: gazetteer/,
    /// actors/*.toml, lexicon/*.toml. Defaults to $XDG_DATA_HOME/sitrep
    /// (~/.local/share/sitrep); ignored when it does not exist.
    #[arg(long, global = true, env = "SITREP_DATA_DIR")]
    pub data_dir: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Read reports (text, HTML, RSS/Atom, WARC, directories, - for stdin) into the database.
    Ingest(IngestArgs),
    /// Print every recognised place, actor, person and date in the database.
    Mentions(MentionsArgs),
    /// Recognise and extract one article without a database; print JSON lines.
    Extract(ExtractArgs),
    /// Print the events in the database.
    Events(EventsArgs),
    /// Score sitrep against labelled data (precision, recall, F1 per field).
    Eval(EvalArgs),
    /// Measure recognition and extraction throughput on one core.
    Bench(BenchArgs),
    /// Manage the gazetteer.
    Gazetteer(GazetteerArgs),
    /// Manage the actor dictionary.
    Actors(ActorsArgs),
}

/// Where the database is.
#[derive(Debug, ClapArgs)]
pub struct DbArgs {
    /// Database file (SQLite).
    #[arg(long, env = "SITREP_DB", default_value = "sitrep.db")]
    pub db: PathBuf,
}

/// Metadata to impose on every input.
#[derive(Debug, ClapArgs)]
pub struct MetaArgs {
    /// Publication date (YYYY-MM-DD), overriding what the input says.
    #[arg(long)]
    pub published: Option<NaiveDate>,
    /// Source name, overriding what the input says.
    #[arg(long)]
    pub source: Option<String>,
    /// URL, overriding what the input says.
    #[arg(long)]
    pub url: Option<String>,
}

#[derive(Debug, ClapArgs)]
pub struct IngestArgs {
    #[command(flatten)]
    pub db: DbArgs,
    #[command(flatten)]
    pub meta: MetaArgs,
    /// Largest input file to accept, in MiB.
    #[arg(long, default_value_t = 20)]
    pub max_mib: u64,
    /// Files, directories, or - for standard input.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum MentionFormat {
    Jsonl,
    Csv,
}

#[derive(Debug, ClapArgs)]
pub struct MentionsArgs {
    #[command(flatten)]
    pub db: DbArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = MentionFormat::Jsonl)]
    pub format: MentionFormat,
}

#[derive(Debug, ClapArgs)]
pub struct ExtractArgs {
    #[command(flatten)]
    pub meta: MetaArgs,
    /// The article: a text or HTML file, or - for standard input.
    pub file: PathBuf,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum EventFormat {
    Jsonl,
    Csv,
    Geojson,
    Acled,
}

#[derive(Debug, ClapArgs)]
pub struct EventsArgs {
    #[command(flatten)]
    pub db: DbArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = EventFormat::Jsonl)]
    pub format: EventFormat,
    /// Only events on or after this date.
    #[arg(long)]
    pub since: Option<NaiveDate>,
    /// Only events on or before this date.
    #[arg(long)]
    pub until: Option<NaiveDate>,
    /// Only events of this kind (repeatable), e.g. territory_taken.
    #[arg(long)]
    pub kind: Vec<String>,
    /// Only events whose place name, admin-1 name or ISO code contains this.
    #[arg(long)]
    pub place: Option<String>,
    /// Only events whose actor id or name contains this.
    #[arg(long)]
    pub actor: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum EvalTask {
    /// Every task whose data is found.
    All,
    /// Toponym recognition and resolution on a GeoWebNews-format file.
    Geoparse,
    /// PLOVER event type and source/target on a PLOVER gold-standard file.
    Plover,
    /// Mentions and events on sitrep's own labelled corpus (`tests/corpus`),
    /// the reports the rules were developed on.
    Corpus,
    /// Mentions and events on sitrep's held-out corpus (`tests/heldout`):
    /// reports labelled before the extractor ever read them and kept out of
    /// rule development, so its figures estimate quality on unseen news.
    Heldout,
}

#[derive(Debug, ClapArgs)]
pub struct EvalArgs {
    /// Which evaluation to run.
    #[arg(value_enum, default_value_t = EvalTask::All)]
    pub task: EvalTask,
    /// Gold file (geoparse, plover) or corpus directory (corpus); defaults to the
    /// development sets when they are found.
    #[arg(long)]
    pub gold: Option<PathBuf>,
    /// With corpus or heldout: also list every missed and spurious event.
    #[arg(long)]
    pub items: bool,
}

#[derive(Debug, ClapArgs)]
pub struct BenchArgs {
    /// How many articles to generate by recombining the corpus reports.
    #[arg(long, default_value_t = 2000)]
    pub articles: usize,
    /// Directory of .txt reports to recombine (default: tests/corpus/reports).
    #[arg(long)]
    pub corpus: Option<PathBuf>,
    /// Also write every generated article into this directory (for other tools).
    #[arg(long)]
    pub write: Option<PathBuf>,
    /// Timed passes per measure; the median is reported with the range, so a
    /// busy machine shows as spread rather than as a different figure.
    #[arg(long, default_value_t = 5, value_parser = clap::value_parser!(u32).range(1..))]
    pub passes: u32,
    /// Time only these measures (default: all), e.g. `--only batched` under a
    /// profiler.
    #[arg(long, value_enum, value_delimiter = ',')]
    pub only: Vec<Measure>,
}

/// What `sitrep bench` times.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Measure {
    /// Recognition alone, one article at a time.
    Recognise,
    /// Recognition and extraction, one article at a time.
    One,
    /// Recognition and extraction over batches, as `sitrep ingest` runs them.
    Batched,
}

#[derive(Debug, ClapArgs)]
pub struct GazetteerArgs {
    #[command(subcommand)]
    pub command: GazetteerCommand,
}

#[derive(Debug, Subcommand)]
pub enum GazetteerCommand {
    /// Extend the gazetteer from GeoNames dump files (SY.txt, cities500.txt,
    /// allCountries.txt, alternateNamesV2.txt, admin1CodesASCII.txt, admin2Codes.txt).
    Import {
        /// GeoNames files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Look up a name and print its candidate places.
    Lookup {
        /// The name as it appears in a text.
        name: String,
    },
}

#[derive(Debug, ClapArgs)]
pub struct ActorsArgs {
    #[command(subcommand)]
    pub command: ActorsCommand,
}

#[derive(Debug, Subcommand)]
pub enum ActorsCommand {
    /// Import a CAMEO/Phoenix actor dictionary into the user data directory.
    Import {
        /// CAMEO-format dictionary files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// List the actors in the dictionary as TOML.
    List,
}
