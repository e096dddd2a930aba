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
