//! Event extraction: turns one article and its recognised mentions into coded
//! events — who did what to whom, where, when, how many — each with the
//! sentence and words it came from.
//!
//! The [`Extractor`] holds the lexicons (trigger words per event kind, cue words
//! for negation, modality and reported speech, quantity words, media names and
//! the kind→ACLED/PLOVER code table). They are TOML files shipped in
//! `data/lexicon/` and embedded at compile time; [`Extractor::with_user_dir`]
//! extends them from a directory of files with the same names, without
//! recompiling.
//!
//! Extraction runs in three steps:
//! 1. One Aho–Corasick pass over the folded article finds every trigger and
//!    medium name; only sentences with a trigger are read further.
//! 2. Sentence rules ([`rules`]) read each trigger in its clause: voice
//!    ("Kandahar fell to the Taliban"), lists ("took Kandahar, Herat and
//!    Rashkarga" → three events), appositions ("Lashkar Gah, the capital of
//!    Helmand" → Lashkar Gah), counts ("at least 14 of 34 provincial
//!    capitals"), dates (the nearest date mention, else the publication date
//!    with a relation), negation and modality, and reported speech ("officials
//!    said" is the carrier of the event it reports, not an event itself).
//! 3. Article steps: an actorless violent or territorial event takes the
//!    article's dominant armed actor at lower confidence; a deployment without a
//!    destination takes the one its actor was sent to earlier in the article;
//!    reports of the same event merge into one event with several evidence
//!    entries; codes and stable ids are added.
//!
//! Future plans stated as decided ("will send 3,000 soldiers") are events dated
//! from the publication date onward with `hypothetical = false`; possibilities,
//! conditions and intentions ("could", "if", "plans to", "the goal is to") set
//! `hypothetical`. Extraction does no I/O (except reading a user lexicon
//! directory when asked), never panics on any text, and does not recognise
//! names: places, actors, people and dates come from `sitrep-recognise`.
//!
//! ```
//! use sitrep_extract::Extractor;
//! use sitrep_model::Article;
//! use sitrep_recognise::Recognition;
//!
//! let ex = Extractor::shipped().unwrap();
//! let article = Article::from_text("Nothing happened today.", "x.txt");
//! let events = ex.extract(&article, &Recognition::default());
//! assert!(events.is_empty());
//! ```

#![deny(missing_docs)]

use std::borrow::Cow;
use std::collections::HashMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

use sitrep_model::{
    AcledCode, ActorKind, ActorMention, Article, DateRange, Event, EventKind, Evidence,
    FieldEvidence, Place, PloverCode, Quantity, TimeRelation,
};
use sitrep_recognise::Recognition;

mod doc;
mod lexicon;
mod merge;
mod quantity;
mod rules;
mod scan;

use doc::{AgentRef, Doc, Folded};
use lexicon::{Form, Lexicon};
use merge::Meta;
use quantity::{Counts, QuantRef};
use rules::{Cand, Hit, MediumHit, SentenceRules};
use scan::{Occurrence, Triggers};

/// Why a lexicon could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum ExtractError {
    /// A lexicon file is not valid TOML or does not fit the schema.
    #[error("lexicon {file}: {message}")]
    Parse {
        /// The file (or `shipped:<name>`).
        file: String,
        /// What the parser said.
        message: String,
    },
    /// A trigger or code entry names an event kind sitrep does not have.
    #[error("lexicon {file}: unknown event kind {kind:?}")]
    UnknownKind {
        /// The file.
        file: String,
        /// The kind as written.
        kind: String,
    },
    /// A user lexicon file could not be read.
    #[error("reading lexicon {path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// The user lexicon path is not a directory.
    #[error("lexicon directory {0} does not exist or is not a directory")]
    NotADirectory(PathBuf),
    /// The trigger automaton could not be built.
    #[error("building the trigger automaton: {0}")]
    Automaton(String),
}

/// What one automaton pattern stands for.
#[derive(Clone, Debug)]
enum Pattern {
    /// Trigger forms (a surface form may belong to several groups; the first wins).
    Trigger { def: usize, form: Form },
    /// A medium name.
    Medium(usize),
    /// An idiom: it covers the trigger words inside it.
    Idiom,
}

/// Extracts events from recognised articles. Build once, use for many articles.
pub struct Extractor {
    lex: Lexicon,
    triggers: Triggers,
    patterns: Vec<Pattern>,
}

impl std::fmt::Debug for Extractor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Extractor")
            .field("trigger_groups", &self.lex.defs.len())
            .field("patterns", &self.patterns.len())
            .finish()
    }
}

impl Extractor {
    /// The extractor with the shipped lexicons.
    pub fn shipped() -> Result<Extractor, ExtractError> {
        let mut lex = Lexicon::default();
        for (name, source) in lexicon::SHIPPED {
            lex.add(name, source, &format!("shipped:{name}"))?;
        }
        Extractor::build(lex)
    }

    /// The same extractor with the lexicon files found in `dir` added
    /// (`events.toml`, `diplomacy.toml`, `cues.toml`, `quantities.toml`, `media.toml`,
    /// `codes.toml`; any may be missing).
    pub fn with_user_dir(self, dir: &Path) -> Result<Extractor, ExtractError> {
        let mut lex = self.lex;
        lex.add_dir(dir)?;
        Extractor::build(lex)
    }

    fn build(mut lex: Lexicon) -> Result<Extractor, ExtractError> {
        let mut flags = lexicon::WordFlags::default();
        {
            // A flag bit per cue set, so looking for one set's cues passes
            // over the words that start only other sets' cues.
            let (c, i) = (&mut lex.cues, &mut lex.intent);
            let sets = [
                &mut c.negation,
                &mut c.hypothetical,
                &mut c.future,
                &mut c.aggregate,
                &mut c.absence,
                &mut c.harmless,
                &mut c.causes,
                &mut c.denial,
                &mut c.peaceful,
                &mut c.claims,
                &mut i.cues,
                &mut i.conditions,
                &mut i.obligation,
            ];
            for (k, set) in sets.into_iter().enumerate() {
                set.flag = lexicon::WordFlags::FIRST_CUE_SET << k;
                flags.add(set.first_words(), set.flag);
            }
        }
        lex.quantities.starter_bytes = lexicon::ByteSet::first_bytes(&lex.quantities.starters);
        lex.quantities.fatality_shapes = lexicon::Shapes::of(&lex.quantities.fatality_words);
        lex.quantities.qualifier_end_shapes = lexicon::Shapes::of(
            lex.quantities
                .qualifiers
                .iter()
                .filter_map(|(w, _)| w.last()),
        );
        lex.quantities.injury_shapes = lexicon::Shapes::of(&lex.quantities.injury_words);
        flags.add(&lex.cues.clause_breaks, lexicon::WordFlags::CLAUSE_BREAK);
        flags.add(&lex.quantities.starters, lexicon::WordFlags::QUANTITY_START);
        let nouns = lex.cues.state_forces_nouns.iter();
        flags.add(
            nouns
                .chain(&lex.cues.state_government_nouns)
                .filter_map(|w| w.first()),
            lexicon::WordFlags::STATE_NOUN_START,
        );
        flags.add(&lex.cues.place_anaphors, lexicon::WordFlags::PLACE_ANAPHOR);
        flags.add(
            doc::GROUP_ANAPHORS.iter().map(|(noun, _)| noun),
            lexicon::WordFlags::GROUP_ANAPHOR,
        );
        let acled_cues = lex.codes.values().flat_map(|c| &c.cues);
        flags.add(
            acled_cues
                .flat_map(|(cues, _)| cues)
                .filter_map(|cue| cue.first()),
            lexicon::WordFlags::ACLED_CUE_START,
        );
        lex.flags = flags;
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut texts: Vec<String> = Vec::new();
        let mut patterns: Vec<Pattern> = Vec::new();
        for f in &lex.forms {
            if f.text.is_empty() || index.contains_key(&f.text) {
                continue;
            }
            index.insert(f.text.clone(), texts.len());
            texts.push(f.text.clone());
            patterns.push(Pattern::Trigger {
                def: f.def,
                form: f.form,
            });
        }
        for (i, m) in lex.media.iter().enumerate() {
            let folded = lexicon::fold(m);
            if folded.is_empty() {
                continue;
            }
            // A medium named like a trigger is still a medium ("Reuters").
            if let Some(&k) = index.get(&folded) {
                patterns[k] = Pattern::Medium(i);
                continue;
            }
            index.insert(folded.clone(), texts.len());
            texts.push(folded);
            patterns.push(Pattern::Medium(i));
        }
        for idiom in &lex.idioms {
            match index.get(idiom) {
                Some(&k) => patterns[k] = Pattern::Idiom,
                None => {
                    index.insert(idiom.clone(), texts.len());
                    texts.push(idiom.clone());
                    patterns.push(Pattern::Idiom);
                }
            }
        }
        let triggers = Triggers::new(&texts).map_err(ExtractError::Automaton)?;
        Ok(Extractor {
            lex,
            triggers,
            patterns,
        })
    }

    /// Extracts the events of one article from its recognition.
    pub fn extract(&self, article: &Article, rec: &Recognition) -> Vec<Event> {
        let (folded, found) = self.fold_and_scan(&article.text);
        self.extract_found(article, rec, folded, found)
    }

    /// The article's text folded, with the trigger and medium occurrences
    /// in it.
    fn fold_and_scan(&self, text: &str) -> (Folded, Vec<Occurrence>) {
        let folded = Folded::new(text);
        let found = self.triggers.occurrences(folded.as_bytes());
        (folded, found)
    }

    /// Extracts the events of a batch of articles from their recognitions:
    /// the events of [`Extractor::extract`] for each, in order, found
    /// faster. The trigger automaton is walked over the whole batch first,
    /// back to back: it is megabytes, and its busy part stays in the
    /// processor's caches that way instead of being evicted by the rules
    /// between one article and the next. Articles are walked side by side
    /// (see [`Triggers::occurrences_of`]).
    ///
    /// # Panics
    /// When the two slices differ in length.
    pub fn extract_batch(&self, articles: &[Article], recs: &[Recognition]) -> Vec<Vec<Event>> {
        assert_eq!(articles.len(), recs.len(), "one recognition per article");
        let folded: Vec<Folded> = articles.iter().map(|a| Folded::new(&a.text)).collect();
        let texts: Vec<&[u8]> = folded.iter().map(Folded::as_bytes).collect();
        let found = self.triggers.occurrences_of(&texts);
        articles
            .iter()
            .zip(recs)
            .zip(folded.into_iter().zip(found))
            .map(|((article, rec), (folded, found))| {
                self.extract_found(article, rec, folded, found)
            })
            .collect()
    }

    /// Extracts the events of one article whose trigger and medium
    /// occurrences in its folded text are `found`.
    fn extract_found(
        &self,
        article: &Article,
        rec: &Recognition,
        folded: Folded,
        found: Vec<Occurrence>,
    ) -> Vec<Event> {
        let doc = Doc::new(&article.text, folded, rec, &self.lex);
        let (hits, media) = self.scan(&doc, found);
        let hits = self.with_slot_hits(&doc, hits);
        // At most one candidate per hit: sized once, since growing a vector
        // of such large values copies them all each time.
        let mut cands: Vec<Cand> = Vec::with_capacity(hits.len());
        // The place of the last event told, with the sentence it was told in.
        let mut last_place: Option<(usize, doc::PlaceRef)> = None;
        let mut breaks: Vec<(usize, bool)> = Vec::new();
        for (s, range) in doc.sentences.iter().enumerate() {
            // Hits come in text order: the sentence's are one run of them.
            let within = |t: &Range<usize>| t.start >= range.start && t.end <= range.end;
            let lo = hits.partition_point(|h| h.toks.start < range.start);
            let hi = hits.partition_point(|h| h.toks.start < range.end);
            // A hit running past the sentence's end is rare: copy only then.
            let run = &hits[lo..hi];
            let owned: Vec<Hit>;
            let sh: &[Hit] = if run.iter().all(|h| within(&h.toks)) {
                run
            } else {
                owned = run.iter().filter(|h| within(&h.toks)).cloned().collect();
                &owned
            };
            if sh.is_empty() {
                continue;
            }
            // Media come in text order too.
            let m_lo = media.partition_point(|m| m.toks.start < range.start);
            let m_hi = media.partition_point(|m| m.toks.start < range.end);
            let sm: Vec<MediumHit> = media[m_lo..m_hi.max(m_lo)]
                .iter()
                .filter(|m| within(&m.toks))
                .cloned()
                .collect();
            rules::clause_breaks(&doc, range, &mut breaks);
            let rules = SentenceRules {
                doc: &doc,
                lex: &self.lex,
                sentence: s,
                range: range.clone(),
                trigger_ends: sh.iter().map(|h| h.toks.end).collect(),
                last_place: last_place.as_ref().map(|(s, p)| (*s, p)),
                breaks: &breaks,
                flags: doc.flags_within(range),
                agents: doc.agents_within(range),
                places: doc.places_within(range),
                times: doc.times_within(range),
            };
            let found = rules.run(sh, &sm);
            if let Some(p) = found
                .iter()
                .rev()
                .find(|c| {
                    // An implicit place counts too: "the airfield" two
                    // sentences on still means the airport named before.
                    !c.hypothetical
                        && !c.negated
                        && (rules::is_violence(c.kind)
                            || matches!(
                                c.kind,
                                EventKind::TerritoryTaken
                                    | EventKind::TerritoryRegained
                                    | EventKind::TerritoryTransferred
                                    | EventKind::Withdrawal
                                    | EventKind::Evacuation
                            ))
                })
                .and_then(|c| c.places.first())
            {
                last_place = Some((s, p.clone()));
            }
            cands.extend(found);
        }
        let events = self.to_events(&doc, article, cands);
        let events = regains(inherit_destinations(events, &doc));
        let merged = merge::merge(events);
        merged
            .into_iter()
            .map(|(mut e, _)| {
                self.finish(&doc, &mut e);
                e
            })
            .collect()
    }

    /// The trigger and medium matches of the article: leftmost-longest
    /// among its pattern occurrences at word boundaries (`found`).
    fn scan(&self, doc: &Doc, mut found: Vec<Occurrence>) -> (Vec<Hit>, Vec<MediumHit>) {
        let text = doc.folded.as_bytes();
        let mut hits = Vec::new();
        let mut media = Vec::new();
        // Leftmost-longest among the matches at word boundaries. Patterns are
        // distinct texts, so no two matches share both ends: an unstable sort
        // orders them as a stable one would.
        found.sort_unstable_by_key(|&(start, end, _)| (start, std::cmp::Reverse(end)));
        let mut taken_to = 0;
        for (start, end, pattern) in found {
            if start < taken_to {
                continue;
            }
            taken_to = end;
            let toks = doc.tok_range(doc.orig(start, end));
            if toks.is_empty() {
                continue;
            }
            match &self.patterns[pattern] {
                Pattern::Trigger { def, form } => hits.push(Hit {
                    def: *def,
                    form: *form,
                    toks,
                    compound: start > 0 && text[start - 1] == b'-',
                    slot: false,
                }),
                Pattern::Medium(i) => media.push(MediumHit {
                    name: self.lex.media[*i].clone(),
                    toks,
                }),
                // Its span is taken, so the triggers inside it are not.
                Pattern::Idiom => {}
            }
        }
        (hits, media)
    }

    /// Adds the matches of actor-slot phrases ("in Taliban hands", "under
    /// the rebels' control") around the article's actor mentions. A slot
    /// match replaces the shorter automaton matches inside it; a lexicon
    /// phrase spelled out in full ("under government control") is more
    /// specific than the slot and keeps its span.
    fn with_slot_hits(&self, doc: &Doc, mut hits: Vec<Hit>) -> Vec<Hit> {
        if self.lex.slots.is_empty() {
            return hits;
        }
        let words_at = |at: usize, words: &[String]| {
            words.iter().enumerate().all(|(k, w)| doc.word(at + k) == w)
        };
        let mut slot_hits: Vec<Hit> = Vec::new();
        for a in doc.agents.iter().filter(|a| a.actor.is_some()) {
            let start = match a.toks.start {
                s if s > 0 && doc.word(s - 1) == "the" => s - 1,
                s => s,
            };
            let end = match doc.word(a.toks.end) {
                "'s" | "'" | "\u{2019}s" => a.toks.end + 1,
                _ => a.toks.end,
            };
            let by_next = |w: &str| self.lex.slots_by_next.get(w).into_iter().flatten();
            for slot in by_next(doc.word(end))
                .chain(by_next(""))
                .map(|&i| &self.lex.slots[i])
            {
                let Some(from) = start.checked_sub(slot.before.len()) else {
                    continue;
                };
                if words_at(from, &slot.before) && words_at(end, &slot.after) {
                    slot_hits.push(Hit {
                        def: slot.def,
                        form: slot.form,
                        toks: from..end + slot.after.len(),
                        compound: false,
                        slot: true,
                    });
                    break;
                }
            }
        }
        if slot_hits.is_empty() {
            return hits;
        }
        slot_hits.retain(|s| {
            !hits
                .iter()
                .any(|h| h.toks.start <= s.toks.start && s.toks.end <= h.toks.end)
        });
        hits.retain(|h| {
            !slot_hits
                .iter()
                .any(|s| s.toks.start < h.toks.end && h.toks.start < s.toks.end)
        });
        hits.extend(slot_hits);
        hits.sort_by_key(|h| h.toks.start);
        hits
    }

    /// Turns candidates into events: one per place of a list, per actor of a
    /// coordinated subject, per count of a deployment.
    fn to_events(&self, doc: &Doc, article: &Article, cands: Vec<Cand>) -> Vec<(Event, Meta)> {
        let dominant = dominant_armed_actor(doc);
        // Sized once: growing a vector of such large values copies them all.
        let events = cands
            .iter()
            .filter(|c| !historical(c, article))
            .map(|c| {
                let (agents, place_sets, counts) = splits(c);
                agents * place_sets * counts
            })
            .sum();
        let mut out = Vec::with_capacity(events);
        // The places of one event, refilled for each.
        let mut places: Vec<&doc::PlaceRef> = Vec::new();
        for c in &cands {
            if historical(c, article) {
                continue;
            }
            let sentence_span = doc.sentence_spans[c.sentence];
            let evidence = Evidence {
                article: article.id.clone(),
                url: article.url.clone(),
                source: article.source.clone(),
                published: article.published,
                sentence_span,
                sentence: sentence_span.slice(&article.text).to_string(),
                trigger: doc.tok_span(&c.toks),
                // An actor, a place and a date most often.
                fields: Vec::with_capacity(4),
            };
            let date = self.date_of(c, article);
            // Each event of the candidate is one choice of agent, of place set
            // and of count; the choices are indices, the sets slices.
            let (agent_choices, place_sets, counts) = splits(c);
            let participants: Vec<ActorMention> = if joint(c) {
                c.agents[1..]
                    .iter()
                    .filter_map(|a| a.actor.as_deref().cloned())
                    .collect()
            } else {
                Vec::new()
            };
            let place_set = |i: usize| {
                if place_sets == 1 {
                    &c.places[..]
                } else {
                    &c.places[i..=i]
                }
            };
            let count = |i: usize| {
                if counts == 1 {
                    &c.quantities[..]
                } else {
                    &c.quantities[i..=i]
                }
            };
            // The last event of the candidate takes the evidence, the others a copy.
            let mut left = agent_choices * place_sets * counts;
            let mut evidence = Some(evidence);
            for agent in (0..agent_choices).map(|i| c.agents.get(i)) {
                for ps in (0..place_sets).map(place_set) {
                    for qs in (0..counts).map(count) {
                        left -= 1;
                        let evidence = if left == 0 {
                            evidence.take()
                        } else {
                            evidence.clone()
                        };
                        let Some(evidence) = evidence else {
                            continue;
                        };
                        places.clear();
                        places.extend(ps);
                        if counts > 1 {
                            // Each count goes where the destination written after it says.
                            let q = &qs[0];
                            let next = c
                                .quantities
                                .iter()
                                .map(|o| o.toks.start)
                                .filter(|s| *s > q.toks.start)
                                .min()
                                .unwrap_or(usize::MAX);
                            places.retain(|p| p.toks.start >= q.toks.end && p.toks.start < next);
                        }
                        let (e, m) = self.event(
                            doc,
                            c,
                            agent,
                            &places,
                            qs,
                            date,
                            evidence,
                            dominant.as_ref(),
                        );
                        let (mut e, m) = (e, m);
                        e.participants.clone_from(&participants);
                        out.push((e, m));
                    }
                }
            }
        }
        out
    }

    #[allow(clippy::too_many_arguments)]
    fn event(
        &self,
        doc: &Doc,
        c: &Cand,
        agent: Option<&AgentRef>,
        places: &[&doc::PlaceRef],
        qs: &[QuantRef],
        date: Option<DateRange>,
        mut evidence: Evidence,
        dominant: Option<&ActorMention>,
    ) -> (Event, Meta) {
        let mut meta = Meta {
            claimed: c.claimed,
            ..Meta::default()
        };
        let person = agent.and_then(|a| a.person.as_deref().cloned());
        let mut actor = agent.and_then(|a| {
            a.actor
                .as_deref()
                .cloned()
                .or_else(|| a.person.as_deref().and_then(rules::person_actor))
        });
        if let Some(a) = agent {
            evidence.fields.push(FieldEvidence {
                field: "actor".into(),
                span: a.span,
            });
        }
        let place = places.first().map(|p| Place::clone(&p.place));
        if actor.is_none() && person.is_none() {
            actor = self.fallback_actor(c, place.as_ref(), dominant);
            meta.actor_fallback = actor.is_some();
        }
        let mut target = c.target.as_ref().map(|(a, _)| a.clone());
        // "the insurgents", "fighters": in an article about one armed group, a
        // bare armed noun is that group, unless the group is the other side.
        if let (Some(a), Some(d)) = (&actor, dominant) {
            let nominal = a.generic
                && matches!(a.kind, ActorKind::RebelGroup | ActorKind::Terrorist)
                && a.country
                    .as_ref()
                    .is_none_or(|c| d.country.as_ref() == Some(c));
            if nominal && target.as_ref().is_none_or(|t| t.id != d.id) {
                actor = Some(d.clone());
            }
        }
        if let Some(m) = &c.medium {
            target = Some(ActorMention {
                id: format!("media:{}", lexicon::fold(&m.name).replace(' ', "_")).into(),
                name: m.name.as_str().into(),
                kind: ActorKind::Media,
                country: None,
                generic: false,
            });
            meta.medium = true;
        }
        // The implicit other side of a clash or a change of hands in a place:
        // the state's forces against a non-state group, the article's main
        // armed group against the state.
        let contested = matches!(
            c.kind,
            EventKind::ArmedClash
                | EventKind::TerritoryTaken
                | EventKind::TerritoryRegained
                | EventKind::TerritoryTransferred
        );
        if target.is_none() && contested && !c.hypothetical {
            if let (Some(a), Some(p)) = (&actor, &place) {
                if !merge::is_state(a.kind) {
                    if armed(a) {
                        target = Some(rules::state_actor(&p.country, &p.country_name, true));
                    }
                } else if let Some(d) = dominant.filter(|d| !merge::same_side(d, a)) {
                    target = Some(d.clone());
                }
            }
        }
        for p in places {
            evidence.fields.push(FieldEvidence {
                field: "place".into(),
                span: p.span,
            });
        }
        if let Some(t) = &c.time {
            evidence.fields.push(FieldEvidence {
                field: "date".into(),
                span: t.span,
            });
        }
        let quantity = |q: &QuantRef| {
            let unit = match q.counts {
                Counts::Unit(u) => self.lex.quantities.units[u].unit.clone(),
                Counts::Fatalities => "fatalities".into(),
                Counts::Injuries => "injuries".into(),
            };
            Quantity {
                value: q.value,
                unit,
                qualifier: q.qualifier,
                of: q.of,
                span: doc.tok_span(&q.toks),
            }
        };
        let quantities: Vec<Quantity> = qs.iter().map(&quantity).collect();
        for q in &quantities {
            evidence.fields.push(FieldEvidence {
                field: "quantity".into(),
                span: q.span,
            });
        }
        let mut confidence: f64 = 0.5;
        if agent.is_some() {
            confidence += 0.2;
        } else if meta.actor_fallback {
            confidence -= 0.1;
        }
        if place.is_some() && !c.implicit_place {
            confidence += 0.1;
        }
        if c.time.is_some() {
            confidence += 0.1;
        }
        if c.reported {
            confidence -= 0.05;
        }
        if c.form == Form::Noun {
            confidence -= 0.05;
        }
        if c.governed {
            confidence -= 0.15;
        }
        if c.hypothetical {
            confidence -= 0.3;
        }
        if c.negated {
            confidence -= 0.2;
        }
        let plover = c.plover.clone().map(|t| PloverCode {
            event_type: t,
            mode: c.mode.clone(),
        });
        let e = Event {
            id: String::new(),
            kind: c.kind,
            actor,
            person,
            participants: Vec::new(),
            target,
            place,
            places: places
                .iter()
                .skip(1)
                .map(|p| Place::clone(&p.place))
                .collect(),
            date,
            quantities,
            fatalities: c.fatalities.as_ref().map(quantity),
            injuries: c.injuries.as_ref().map(quantity),
            negated: c.negated,
            hypothetical: c.hypothetical,
            confidence: confidence.clamp(0.05, 0.98),
            plover,
            acled: None,
            sources: vec![evidence],
        };
        (e, meta)
    }

    /// Who did it when the sentence does not say: the government for "the last
    /// cities to resist", the state's forces for a retaking, else the article's
    /// dominant armed actor for violence and territory.
    fn fallback_actor(
        &self,
        c: &Cand,
        place: Option<&sitrep_model::Place>,
        dominant: Option<&ActorMention>,
    ) -> Option<ActorMention> {
        let defender = c.kind == EventKind::ControlClaim
            && self.lex.defs[c.def].voice == lexicon::Voice::Holder;
        // "Saree said five fighters were killed in 73 strikes": a side tells
        // of strikes on it; the article's main side is not who struck.
        let dominant = dominant.filter(|d| c.reporter.as_deref() != Some(&*d.id));
        match (c.kind, place) {
            (_, Some(p)) if defender => {
                Some(rules::state_actor(&p.country, &p.country_name, false))
            }
            (EventKind::TerritoryRegained, Some(p)) => {
                Some(rules::state_actor(&p.country, &p.country_name, true))
            }
            (k, _)
                if rules::is_violence(k)
                    || matches!(
                        k,
                        EventKind::TerritoryTaken
                            | EventKind::ControlClaim
                            | EventKind::TerritoryTransferred
                    ) =>
            {
                dominant.cloned()
            }
            _ => None,
        }
    }

    /// The date of a candidate: its date mention, else the publication date
    /// with a relation (by it for past events, from it for plans, on it for
    /// claims about the present).
    fn date_of(&self, c: &Cand, article: &Article) -> Option<DateRange> {
        // "over the last twenty years" is how long something lasted, not
        // when an event happened.
        let duration = |r: &DateRange| (r.end - r.start).num_days() > 366;
        if let Some(t) = c
            .time
            .as_ref()
            .filter(|t| !dates_the_past(&t.range, article) && !duration(&t.range))
        {
            return Some(t.range);
        }
        let published = article.published?;
        let day = DateRange::day(published);
        Some(if c.kind == EventKind::ControlClaim && !c.form.is_past() {
            day
        } else if c.future || (c.hypothetical && !c.form.is_past()) {
            // A possibility told in the past ("rumours that the valley had
            // been taken") is of the past; only plans lie ahead.
            day.with_relation(TimeRelation::From)
        } else {
            day.with_relation(TimeRelation::By)
        })
    }

    /// Adds codes and the stable id.
    fn finish(&self, doc: &Doc, e: &mut Event) {
        let codes = self.lex.codes.get(&e.kind);
        if e.plover.is_none() {
            e.plover = codes.and_then(|c| c.plover.clone()).map(|t| PloverCode {
                event_type: t,
                mode: None,
            });
        }
        if let Some(codes) = codes {
            let state = e.actor.as_ref().is_some_and(|a| merge::is_state(a.kind));
            let mut acled = match (&codes.acled_state, state) {
                (Some(s), true) => Some(s.clone()),
                _ => codes.acled.clone(),
            };
            if acled.is_some() {
                // The cue words are looked for in the tokens of the first report.
                let toks = e
                    .sources
                    .first()
                    .map_or(0..0, |s| doc.tok_range(s.sentence_span));
                // Words that start no cue are passed over with a flag test.
                let has = |w: &Vec<String>| {
                    !w.is_empty()
                        && (toks.start..toks.end.saturating_sub(w.len() - 1))
                            .any(|i| doc.acled_cue_start(i) && doc.at(i, w))
                };
                if let Some((_, code)) = codes.cues.iter().find(|(ws, _)| ws.iter().any(has)) {
                    acled = Some(code.clone());
                }
            }
            e.acled = acled.map(|[t, s]| AcledCode {
                event_type: t,
                sub_event_type: s,
            });
        }
        // The fields are borrowed, not copied: only a GeoNames id is written out.
        let actor = e.actor.as_ref().map(|a| a.id.as_ref()).or_else(|| {
            e.person
                .as_ref()
                .map(|p| p.id.as_deref().unwrap_or(&p.name))
        });
        let place = e.place.as_ref().map(|p| {
            p.geonameid
                .map_or(Cow::Borrowed(&*p.name), |g| Cow::Owned(g.to_string()))
        });
        let id = Event::compute_id(
            e.kind,
            actor,
            e.target.as_ref().map(|t| t.id.as_ref()),
            place.as_deref(),
            e.date.as_ref(),
        );
        e.id = id;
    }
}

/// Sides acting together in violence, in taking ground or in a retreat are
/// one joint operation, the first named its actor ("soldiers and militiamen
/// fled"); otherwise each side is an event of its own ("the U.S. and Britain
/// said": two statements).
fn joint(c: &Cand) -> bool {
    c.agents.len() > 1
        && (rules::is_violence(c.kind)
            || rules::is_territory(c.kind)
            || c.kind == EventKind::Withdrawal)
}

/// How many choices of agent, of place set and of count a candidate's
/// events are made of: one event per combination.
fn splits(c: &Cand) -> (usize, usize, usize) {
    let agent_choices = if joint(c) { 1 } else { c.agents.len().max(1) };
    // Territory lists give one event per place; a control claim names them all.
    let place_sets = if c.kind == EventKind::ControlClaim || c.places.is_empty() {
        1
    } else {
        c.places.len()
    };
    // A deployment of several counts gives one event per count.
    let counts = if c.kind == EventKind::Deployment && c.quantities.len() > 1 {
        c.quantities.len()
    } else {
        1
    };
    (agent_choices, place_sets, counts)
}

/// True for a side that carries arms: state forces and armed groups.
pub(crate) fn armed(a: &ActorMention) -> bool {
    matches!(
        a.kind,
        ActorKind::StateForces | ActorKind::RebelGroup | ActorKind::Militia | ActorKind::Terrorist
    ) || a.id.starts_with("generic:gunmen")
}

/// The armed non-state actor the article names most, the default agent of
/// violence it does not attribute.
fn dominant_armed_actor(doc: &Doc) -> Option<ActorMention> {
    let mut counts: Vec<(usize, &ActorMention)> = Vec::new();
    for a in doc.agents.iter().filter_map(|a| a.actor.as_ref()) {
        if !matches!(
            a.kind,
            ActorKind::RebelGroup | ActorKind::Militia | ActorKind::Terrorist
        ) {
            continue;
        }
        match counts.iter_mut().find(|(_, x)| x.id == a.id) {
            Some((n, _)) => *n += 1,
            None => counts.push((1, a)),
        }
    }
    // Named groups before generic sides; among them the most mentioned, then the first.
    counts
        .iter()
        .enumerate()
        .max_by_key(|(i, (n, a))| (!a.generic, *n, std::cmp::Reverse(*i)))
        .map(|(_, (_, a))| (*a).clone())
}

/// A place taken by the side that had lost it is retaken, and a place
/// "retaken" by a state's forces abroad is taken. Retaken: by a state's own
/// forces in its own country ("Ukrainian troops have entered Kupiansk"), or by
/// the side the article says it was taken from before ("Ethiopian troops had
/// captured Mekelle in November" ... "Tigrayan forces entered Mekelle").
fn regains(mut events: Vec<(Event, Meta)>) -> Vec<(Event, Meta)> {
    let changes_hands = |k: EventKind| {
        matches!(
            k,
            EventKind::TerritoryTaken
                | EventKind::TerritoryRegained
                | EventKind::TerritoryTransferred
        )
    };
    let mut retaken = Vec::new();
    let mut taken = Vec::new();
    for (i, (e, _)) in events.iter().enumerate() {
        // "Russia's defence ministry said the city had been liberated": a
        // state's forces cannot take back a place in another state's country;
        // the word is the claimant's, the event a capture.
        if e.kind == EventKind::TerritoryRegained {
            let foreign = matches!((&e.actor, &e.place), (Some(a), Some(p))
                if merge::is_state(a.kind) && !a.generic
                    && a.country.as_deref().is_some_and(|c| c != &*p.country));
            if foreign {
                taken.push(i);
            }
            continue;
        }
        if e.kind != EventKind::TerritoryTaken || e.hypothetical || e.negated {
            continue;
        }
        let (Some(actor), Some(place)) = (&e.actor, &e.place) else {
            continue;
        };
        let own_state =
            merge::is_state(actor.kind) && actor.country.as_deref() == Some(&place.country);
        // Only a state's capture is read as taking a place from the group
        // that held it; groups' captures are told from the state's side.
        let lost_before = !merge::is_state(actor.kind)
            && events.iter().any(|(o, _)| {
                changes_hands(o.kind)
                    && o.actor.as_ref().is_some_and(|a| merge::is_state(a.kind))
                    && o.place
                        .as_ref()
                        .is_some_and(|p| merge::same_place(p, place))
                    && o.target
                        .as_ref()
                        .is_some_and(|t| merge::same_side(t, actor))
                    && matches!((&o.date, &e.date), (Some(a), Some(b)) if a.end < b.start)
            });
        // The article calls it a recapture elsewhere ("retake three Baghlan
        // districts" over "pushed the Taliban out of Deh Salah").
        let told_retaken = events.iter().any(|(o, _)| {
            o.kind == EventKind::TerritoryRegained
                && !o.hypothetical
                && !o.negated
                && matches!((&o.target, &e.target), (Some(x), Some(y)) if merge::same_side(x, y))
                && o.actor
                    .as_ref()
                    .is_some_and(|a| merge::same_side(a, actor) || (a.generic && actor.generic))
                && o.place
                    .as_ref()
                    .is_some_and(|p| merge::same_place(p, place) || merge::contains(p, place))
        });
        if own_state || lost_before || told_retaken {
            retaken.push(i);
        }
    }
    for i in taken {
        events[i].0.kind = EventKind::TerritoryTaken;
    }
    for i in retaken {
        let e = &mut events[i].0;
        e.kind = EventKind::TerritoryRegained;
        if let Some(p) = &mut e.plover {
            p.mode = Some("occupy".into());
        }
    }
    events
}

/// A deployment that names no destination goes where its actor was sending
/// troops earlier in the article ("will deploy another 600 soldiers"), or
/// where the deployment told just before it goes; else, for a state, to its
/// own country when the article names it ("Tajikistan's president ordered
/// 20,000 reservists to reinforce the frontier").
fn inherit_destinations(mut events: Vec<(Event, Meta)>, doc: &Doc) -> Vec<(Event, Meta)> {
    for i in 0..events.len() {
        if events[i].0.kind != EventKind::Deployment || events[i].0.place.is_some() {
            continue;
        }
        let Some(actor) = events[i].0.actor.clone() else {
            continue;
        };
        let earlier = events[..i]
            .iter()
            .rev()
            .find(|(e, _)| {
                e.kind == EventKind::Deployment
                    && e.place.is_some()
                    && e.actor
                        .as_ref()
                        .is_some_and(|a| merge::same_side(a, &actor))
            })
            // "The US is sending 3,000 troops to Kabul. Britain is sending
            // around 600.": an ally's deployment told right after goes there too.
            .or_else(|| {
                events[..i]
                    .last()
                    .filter(|(e, _)| e.kind == EventKind::Deployment && e.place.is_some())
            });
        let home = || {
            doc.places.iter().find(|p| {
                merge::is_state(actor.kind)
                    && p.place.kind == sitrep_model::PlaceKind::Country
                    && actor.country.as_deref() == Some(&*p.place.country)
            })
        };
        // The place and the span it was read from.
        let found = match earlier {
            Some((e, _)) => e.place.clone().map(|p| (p, e.sources[0].sentence_span)),
            None => home().map(|p| ((*p.place).clone(), p.span)),
        };
        if let Some((place, span)) = found {
            let target = &mut events[i].0;
            target.place = Some(place);
            target.confidence = (target.confidence - 0.1).max(0.05);
            target.sources[0].fields.push(FieldEvidence {
                field: "place".into(),
                span,
            });
        }
    }
    events
}

/// True when a date mention lies more than a year before the report: news
/// refers back to earlier periods ("in the 1990s", "the scenes of 1975", "the
/// first strikes since 2016") without that period being the date of what it
/// reports now.
fn dates_the_past(range: &DateRange, article: &Article) -> bool {
    let Some(published) = article.published else {
        return false;
    };
    let year_before = published - chrono::Days::new(365);
    match range.relation {
        TimeRelation::From => range.start < year_before,
        _ => range.end < year_before,
    }
}

/// A violent or territorial event dated well before the report is background
/// history, not news of this report: a current-events database leaves it out.
/// Statements, meetings and talks are dated when they were said instead (see
/// `date_of`), since the old date belongs to what they talk about.
fn historical(c: &Cand, article: &Article) -> bool {
    let said_now = matches!(
        c.kind,
        EventKind::Statement
            | EventKind::Meeting
            | EventKind::Negotiation
            | EventKind::Agreement
            | EventKind::Ceasefire
            | EventKind::ControlClaim
    );
    !said_now
        && c.time.as_ref().is_some_and(|t| {
            t.range.relation != TimeRelation::From && dates_the_past(&t.range, article)
        })
}

/// The event a sentence is coded by, for one-event-per-sentence coding such
/// as PLOVER's: the most confident event with a PLOVER type, the first among
/// equals.
pub fn main_event(events: &[Event]) -> Option<&Event> {
    events
        .iter()
        .filter(|e| e.plover.is_some())
        .fold(None, |best: Option<&Event>, e| match best {
            Some(b) if b.confidence >= e.confidence => Some(b),
            _ => Some(e),
        })
}

#[cfg(test)]
mod diplomacy_tests;
#[cfg(test)]
mod tests;
