//! Builds the recognise → extract pipeline once from the shipped dictionaries
//! and the user's data directory.

use anyhow::Context;
use sitrep_actors::ActorDictionary;
use sitrep_extract::Extractor;
use sitrep_gazetteer::Gazetteer;
use sitrep_model::{Article, Event};
use sitrep_recognise::{Recogniser, Recognition};

use crate::args::GlobalArgs;
use crate::config;

/// Everything needed to turn an article into mentions and events.
pub struct Pipeline {
    pub recogniser: Recogniser,
    pub extractor: Extractor,
}

/// One article's results.
pub struct Processed {
    pub recognition: Recognition,
    pub events: Vec<Event>,
}

/// Articles processed together by [`Pipeline::process_batch`]: enough to
/// amortise switching stages, few enough to keep a batch's recognitions small.
pub const BATCH: usize = 32;

impl Pipeline {
    /// Loads the shipped dictionaries, extended by the user data directory.
    pub fn load(global: &GlobalArgs) -> anyhow::Result<Pipeline> {
        let user = config::user_data_dir(global);
        let mut gazetteer = Gazetteer::shipped().context("loading the shipped gazetteer")?;
        let mut actors = ActorDictionary::shipped().context("loading the shipped actors")?;
        let mut extractor = Extractor::shipped().context("loading the shipped lexicons")?;
        if let Some(dir) = &user {
            let gdir = dir.join("gazetteer");
            if gdir.is_dir() {
                gazetteer = gazetteer
                    .with_user_dir(&gdir)
                    .with_context(|| format!("loading user gazetteer {}", gdir.display()))?;
            }
            let adir = dir.join("actors");
            if adir.is_dir() {
                actors = actors
                    .load_dir(&adir)
                    .with_context(|| format!("loading user actors {}", adir.display()))?;
            }
            let ldir = dir.join("lexicon");
            if ldir.is_dir() {
                extractor = extractor
                    .with_user_dir(&ldir)
                    .with_context(|| format!("loading user lexicon {}", ldir.display()))?;
            }
        }
        Ok(Pipeline {
            recogniser: Recogniser::new(gazetteer, actors),
            extractor,
        })
    }

    /// Recognises a batch of articles, then extracts from each: one stage at
    /// a time over the batch keeps each stage's code and tables in the
    /// processor's caches, where alternating stages per article evicts them
    /// (measured: about 15% of the time of the two stages). Within each
    /// stage, the large automata (actor aliases, triggers) are walked over
    /// the whole batch first, for the same reason.
    pub fn process_batch(&self, articles: &[Article]) -> Vec<Processed> {
        let recognitions = self.recogniser.recognise_batch(articles);
        let events = self.extractor.extract_batch(articles, &recognitions);
        recognitions
            .into_iter()
            .zip(events)
            .map(|(recognition, events)| Processed {
                events,
                recognition,
            })
            .collect()
    }

    /// Recognises and extracts one article.
    pub fn process(&self, article: &Article) -> Processed {
        let recognition = self.recogniser.recognise(article);
        let events = self.extractor.extract(article, &recognition);
        Processed {
            recognition,
            events,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sitrep_model::Mention;

    /// Batching changes the order of work, never the results.
    #[test]
    fn batches_give_what_single_articles_give() {
        let global = GlobalArgs {
            data_dir: Some(std::path::PathBuf::from("/nonexistent/sitrep-test")),
        };
        let pipeline = Pipeline::load(&global).expect("pipeline");
        let dir =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/corpus/reports");
        let mut articles = Vec::new();
        for entry in std::fs::read_dir(&dir).expect("reports") {
            let path = entry.expect("entry").path();
            let text = std::fs::read_to_string(&path).expect("report");
            let mut a = Article::from_text(text, path.display().to_string());
            a.published = chrono::NaiveDate::from_ymd_opt(2021, 8, 15);
            articles.push(a);
        }
        articles.sort_by(|a, b| a.origin.cmp(&b.origin));
        let results = |p: Processed| (p.recognition.mentions, p.events);
        let batched: Vec<(Vec<Mention>, Vec<Event>)> = articles
            .chunks(BATCH)
            .flat_map(|b| pipeline.process_batch(b))
            .map(results)
            .collect();
        let single: Vec<(Vec<Mention>, Vec<Event>)> = articles
            .iter()
            .map(|a| results(pipeline.process(a)))
            .collect();
        assert_eq!(batched.len(), articles.len());
        assert_eq!(batched, single);
    }
}
