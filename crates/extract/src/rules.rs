//! Sentence rules: from trigger matches to candidate events with their
//! arguments (actor, target, places, date, quantities) and modality.
//!
//! Each trigger is read in its clause: the words between the nearest clause
//! breaks around it. Arguments are found by position and voice (the agent
//! before an active verb, after "by"/"to" for a passive or a patient verb; the
//! place in object position for territory, after a locative preposition
//! otherwise). Speech verbs are resolved last, since whether "said" is an event
//! depends on what was said. Nothing here looks beyond one sentence; the
//! article-level steps (fallback actors, inherited destinations, merging) are in
//! `lib.rs` and `merge.rs`.

use std::ops::Range;

use sitrep_model::{ActorKind, ActorMention, EventKind, PersonMention, PlaceKind, Span};

use crate::doc::{AgentRef, Doc, PlaceRef, TimeRef};
use crate::lexicon::{Form, Lexicon, Needs, Speech, TriggerDef, Voice};
use crate::quantity::{self, Counts, QuantRef};

/// A trigger found in the text: which lexicon group, which form, which tokens.
#[derive(Clone, Debug)]
pub(crate) struct Hit {
    pub def: usize,
    pub form: Form,
    pub toks: Range<usize>,
}

/// A medium named in a sentence ("Sky News").
#[derive(Clone, Debug)]
pub(crate) struct MediumHit {
    pub name: String,
    pub toks: Range<usize>,
}

/// A candidate event in one sentence, before splitting and merging.
#[derive(Clone, Debug)]
pub(crate) struct Cand {
    pub def: usize,
    pub kind: EventKind,
    pub form: Form,
    pub toks: Range<usize>,
    pub sentence: usize,
    pub agents: Vec<AgentRef>,
    /// The subject was a pronoun, to be resolved to the speaker.
    pub pronoun_subject: bool,
    pub target: Option<(ActorMention, Span)>,
    pub places: Vec<PlaceRef>,
    pub time: Option<TimeRef>,
    pub quantities: Vec<QuantRef>,
    pub fatalities: Option<QuantRef>,
    pub injuries: Option<QuantRef>,
    pub negated: bool,
    pub hypothetical: bool,
    pub future: bool,
    /// Told in someone's reported speech.
    pub reported: bool,
    pub plover: Option<String>,
    pub mode: Option<String>,
    pub medium: Option<MediumHit>,
    pub alive: bool,
}

/// Prepositions that put a place where an event happens.
const LOCATIVE: &[&str] = &[
    "in",
    "at",
    "near",
    "around",
    "outside",
    "inside",
    "across",
    "on",
    "into",
    "to",
    "from",
    "towards",
    "toward",
    "throughout",
    "within",
    "between",
];
/// Prepositions that end an object noun phrase.
const PREPOSITIONS: &[&str] = &[
    "in", "at", "near", "around", "outside", "on", "to", "from", "with", "by", "for", "after",
    "before", "during", "within", "across", "into", "towards", "toward", "against", "as", "since",
    "until",
];
/// Words that may separate the items of a place list.
const LIST_GAP: &[&str] = &[
    ",",
    "and",
    "&",
    "or",
    "as",
    "well",
    "province",
    "provinces",
    "city",
    "town",
    "district",
];
const BE: &[&str] = &["is", "are", "was", "were", "be", "been", "being", "'s"];
const ADVERBS: &[&str] = &[
    "also",
    "already",
    "reportedly",
    "now",
    "just",
    "recently",
    "since",
    "then",
    "allegedly",
    "finally",
    "not",
];
/// Words that make a clause break soft for modality: the modal cue before them
/// still governs ("warned that it could ... after X withdrew").
const SOFT_BREAKS: &[&str] = &["that", "if", "unless", "whom", "whose"];

fn is_territory(k: EventKind) -> bool {
    matches!(
        k,
        EventKind::TerritoryTaken | EventKind::TerritoryRegained | EventKind::TerritoryTransferred
    )
}

pub(crate) fn is_violence(k: EventKind) -> bool {
    matches!(
        k,
        EventKind::ArmedClash
            | EventKind::AirStrike
            | EventKind::Explosion
            | EventKind::AttackOnCivilians
            | EventKind::Abduction
    )
}

fn is_diplomatic(k: EventKind) -> bool {
    matches!(
        k,
        EventKind::Agreement
            | EventKind::Ceasefire
            | EventKind::Negotiation
            | EventKind::Meeting
            | EventKind::Statement
    )
}

/// The rules for one sentence.
pub(crate) struct SentenceRules<'a, 'd> {
    pub doc: &'a Doc<'d>,
    pub lex: &'a Lexicon,
    pub sentence: usize,
    pub range: Range<usize>,
    /// Where each trigger of the sentence ends, to tell objects from subjects.
    pub trigger_ends: Vec<usize>,
}

/// A bare common noun with no country ("troops", "fighters").
fn weak(a: &AgentRef) -> bool {
    a.person.is_none()
        && a.actor
            .as_ref()
            .is_some_and(|x| x.generic && x.country.is_none())
}

impl SentenceRules<'_, '_> {
    fn def(&self, c: &Cand) -> &TriggerDef {
        &self.lex.defs[c.def]
    }

    fn word(&self, i: usize) -> &str {
        self.doc.word(i)
    }

    fn in_set(&self, i: usize, set: &[&str]) -> bool {
        i < self.doc.toks.len() && set.contains(&self.word(i))
    }

    /// Token range of the clause around `toks`.
    fn clause(&self, toks: &Range<usize>, soft: bool) -> Range<usize> {
        let breaks = &self.lex.cues.clause_breaks;
        let is_break = |i: usize| {
            let w = self.word(i);
            breaks.contains(w) && !(soft && SOFT_BREAKS.contains(&w))
        };
        let left = (self.range.start..toks.start)
            .rev()
            .find(|&i| is_break(i))
            .map_or(self.range.start, |i| i + 1);
        let right = (toks.end..self.range.end)
            .find(|&i| is_break(i))
            .unwrap_or(self.range.end);
        left..right
    }

    /// Runs every rule over the hits of this sentence.
    pub(crate) fn run(&self, hits: &[Hit], media: &[MediumHit]) -> Vec<Cand> {
        let mut cands: Vec<Cand> = hits.iter().filter_map(|h| self.candidate(h)).collect();
        let quants = quantity::find(self.doc, &self.lex.quantities, self.range.clone());
        self.find_places(&mut cands);
        self.assign_quantities(&mut cands, &quants);
        self.resolve_speech(&mut cands, media);
        self.assign_times(&mut cands);
        self.borrow_places(&mut cands);
        self.check_needs(&mut cands);
        cands.retain(|c| c.alive);
        cands
    }

    fn candidate(&self, h: &Hit) -> Option<Cand> {
        let doc = self.doc;
        let def = &self.lex.defs[h.def];
        // A trigger inside a name ("Liberation Front") is part of the name.
        let inside = |r: &Range<usize>| r.start <= h.toks.start && h.toks.end <= r.end;
        if doc.agents.iter().any(|a| inside(&a.toks)) || doc.places.iter().any(|p| inside(&p.toks))
        {
            return None;
        }
        let mut c = Cand {
            def: h.def,
            kind: def.kind,
            form: h.form,
            toks: h.toks.clone(),
            sentence: self.sentence,
            agents: Vec::new(),
            pronoun_subject: false,
            target: None,
            places: Vec::new(),
            time: None,
            quantities: Vec::new(),
            fatalities: None,
            injuries: None,
            negated: false,
            hypothetical: false,
            future: false,
            reported: false,
            plover: def.plover.clone(),
            mode: def.mode.clone(),
            medium: None,
            alive: true,
        };
        self.modality(&mut c);
        // "after attacking most of the villages": a summary, not one event.
        if is_territory(c.kind) || is_violence(c.kind) {
            let after = c.toks.end..(c.toks.end + 3).min(self.range.end);
            if self.doc.find_cue(after, &self.lex.cues.aggregate).is_some() {
                return None;
            }
        }
        self.find_agents(&mut c);
        Some(c)
    }

    /// Negation, possibility and futurity from cue words before the trigger.
    fn modality(&self, c: &mut Cand) {
        let cues = &self.lex.cues;
        let clause = self.clause(&c.toks, true);
        let near = c.toks.start.saturating_sub(4).max(clause.start)..c.toks.start;
        c.negated = self.doc.find_cue(near.clone(), &cues.negation).is_some();
        // A speech act is only made possible by a modal on its own verb
        // ("would say"); other events by any modal earlier in the clause.
        let from = if c.kind == EventKind::Statement {
            c.toks.start.saturating_sub(2).max(clause.start)
        } else {
            clause.start
        };
        let mut i = from;
        while let Some((at, cue)) = self.doc.find_cue(i..c.toks.start, &cues.hypothetical) {
            // "said they would send": reported future, not a possibility.
            let reported = cues.reported_future.contains(cue)
                && (self.range.start..at).any(|k| self.is_speech_word(k));
            c.hypothetical |= !reported;
            c.future |= reported;
            i = at + 1;
        }
        c.future |= self.doc.find_cue(near, &cues.future).is_some()
            || (c.form == Form::Base && self.word(c.toks.start.wrapping_sub(1)) == "to")
            || (c.form == Form::Ing
                && self.in_set(c.toks.start.wrapping_sub(1), &["is", "are", "am"]));
    }

    fn is_speech_word(&self, i: usize) -> bool {
        matches!(
            self.word(i),
            "said" | "says" | "say" | "told" | "announced" | "stated" | "declared" | "added"
        )
    }

    /// True when the verb is passive ("was captured").
    fn passive(&self, c: &Cand) -> bool {
        if !c.form.is_past() {
            return false;
        }
        let mut i = c.toks.start;
        while i > self.range.start {
            i -= 1;
            let w = self.word(i);
            if BE.contains(&w) {
                return true;
            }
            if !ADVERBS.contains(&w) {
                return false;
            }
        }
        false
    }

    fn agents_in(&self, r: Range<usize>) -> impl DoubleEndedIterator<Item = &AgentRef> + '_ {
        self.doc
            .agents
            .iter()
            .filter(move |a| a.toks.start >= r.start && a.toks.end <= r.end)
    }

    /// An agent right after a target preposition is a target, not an agent.
    fn after_target_prep(&self, a: &AgentRef) -> bool {
        a.toks.start > 0
            && self
                .lex
                .cues
                .target_prepositions
                .contains(self.word(a.toks.start - 1))
            || (a.toks.start > 1
                && self.word(a.toks.start - 1) == "the"
                && self
                    .lex
                    .cues
                    .target_prepositions
                    .contains(self.word(a.toks.start - 2)))
    }

    /// True for an agent right after another trigger: its object ("criticized Washington").
    fn object_of_trigger(&self, a: &AgentRef) -> bool {
        self.trigger_ends.iter().any(|&e| {
            e == a.toks.start
                || (e + 1 == a.toks.start && matches!(self.word(e), "the" | "a" | "an"))
        })
    }

    /// True when `a` is the "by" agent of a nominal, or the subject of the
    /// main clause after a fronted phrase ("After weeks of fighting, militias").
    fn main_subject(&self, a: &AgentRef, after: usize) -> bool {
        let k = a.toks.start;
        if self.word(k.wrapping_sub(1)) == "by" {
            return true;
        }
        let comma = (after..k).rev().find(|&i| self.word(i) == ",");
        comma.is_some_and(|c| k - c <= 2 && (c + 1..k).all(|i| self.word(i) == "the"))
    }

    fn find_agents(&self, c: &mut Cand) {
        let def = self.def(c);
        let clause = self.clause(&c.toks, false);
        let passive = self.passive(c);
        if def.voice == Voice::Holder {
            c.target = self
                .agents_in(c.toks.end..clause.end)
                .next()
                .and_then(|a| a.actor.clone().map(|m| (m, a.span)));
            return;
        }
        let patient = def.voice == Voice::Patient || passive;
        let after = c.toks.end..clause.end;
        if patient {
            // "fell to the Taliban", "was captured by insurgents", "in the hands of the insurgents".
            c.agents = self
                .agents_in(after)
                .find(|a| {
                    let prev = self.word(a.toks.start.wrapping_sub(1));
                    let prev2 = self.word(a.toks.start.wrapping_sub(2));
                    a.toks.start == c.toks.end
                        || matches!(prev, "by" | "to" | "of")
                        || (prev == "the" && matches!(prev2, "by" | "to" | "of"))
                })
                .cloned()
                .into_iter()
                .collect();
            if passive {
                c.target = self
                    .agents_in(clause.start..c.toks.start)
                    .next_back()
                    .and_then(|a| a.actor.clone().map(|m| (m, a.span)));
            }
            return;
        }
        // The subject: the nearest agent before the trigger that is neither a
        // target nor the object of another trigger; a named one before a bare
        // common noun ("Taliban fighters" over "fighters").
        let before = clause.start..c.toks.start;
        let usable = |a: &&AgentRef| !self.after_target_prep(a) && !self.object_of_trigger(a);
        let subject = self
            .agents_in(before.clone())
            .rev()
            .filter(usable)
            .find(|a| !weak(a))
            .or_else(|| self.agents_in(before.clone()).rev().find(usable))
            .cloned();
        match subject {
            Some(a) => {
                let mut agents = vec![a];
                // Coordinated subjects: "the U.S. and Britain said".
                loop {
                    let first = &agents[agents.len() - 1];
                    let prev = self
                        .agents_in(before.start..first.toks.start)
                        .next_back()
                        .filter(|p| {
                            (p.toks.end..first.toks.start)
                                .all(|k| matches!(self.word(k), "and" | "," | "&"))
                        })
                        .cloned();
                    match prev {
                        Some(p) if p.toks.end < first.toks.start => agents.push(p),
                        _ => break,
                    }
                }
                agents.reverse();
                c.agents = agents;
            }
            None => {
                c.pronoun_subject = before
                    .clone()
                    .any(|k| self.lex.cues.group_pronouns.contains(self.word(k)));
                // Nominals and participles take the subject of the main clause:
                // "after weeks of fighting, militias took ...".
                let forward = matches!(c.form, Form::Noun | Form::Ing | Form::Phrase) || c.future;
                if forward && !c.pronoun_subject {
                    c.agents = self
                        .agents_in(c.toks.end..self.range.end)
                        .find(|a| self.main_subject(a, c.toks.end))
                        .cloned()
                        .into_iter()
                        .collect();
                }
            }
        }
        // The object or addressee: the first agent after the trigger. Troops
        // sent or evacuees are not targets.
        if matches!(
            c.kind,
            EventKind::Deployment
                | EventKind::Withdrawal
                | EventKind::Evacuation
                | EventKind::ControlClaim
        ) {
            return;
        }
        let window = c.toks.end..(c.toks.end + 10).min(clause.end);
        c.target = self
            .agents_in(window)
            .find(|a| c.agents.iter().all(|s| s.toks != a.toks))
            .and_then(|a| a.actor.clone().map(|m| (m, a.span)));
    }

    /// Places by the role the trigger gives them.
    fn find_places(&self, cands: &mut [Cand]) {
        for c in cands.iter_mut() {
            let def = &self.lex.defs[c.def];
            let clause = self.clause(&c.toks, false);
            let patient = def.voice != Voice::Agent || self.passive(c);
            let places = if is_territory(c.kind) || c.kind == EventKind::ControlClaim {
                if patient {
                    self.subject_places(c, &clause, def.voice == Voice::Holder)
                } else {
                    self.object_places(c, &clause)
                }
            } else {
                self.locative_place(c, &clause).into_iter().collect()
            };
            c.places = places;
        }
        // A control claim over "the last cities to resist" takes the places no
        // other event in the sentence used.
        let used: Vec<Range<usize>> = cands
            .iter()
            .filter(|c| c.kind != EventKind::ControlClaim)
            .flat_map(|c| c.places.iter().map(|p| p.toks.clone()))
            .collect();
        for c in cands
            .iter_mut()
            .filter(|c| c.kind == EventKind::ControlClaim)
        {
            c.places.retain(|p| !used.contains(&p.toks));
        }
    }

    fn literal(&self, p: &PlaceRef) -> bool {
        p.role == sitrep_model::PlaceRole::Literal && !self.word(p.toks.end - 1).ends_with("'s")
    }

    /// True when `p` only locates `prev` ("Lashkar Gah, Helmand Province").
    fn container_of(p: &PlaceRef, prev: &PlaceRef) -> bool {
        match p.place.kind {
            PlaceKind::Country => p.place.country == prev.place.country,
            PlaceKind::Admin1 => {
                prev.place.admin1.as_deref() == Some(p.place.name.as_str())
                    || prev.place.admin1_code == p.place.admin1_code
                        && p.place.admin1_code.is_some()
            }
            _ => false,
        }
    }

    /// The object list: "occupied Kandahar, Herat and Rashkarga".
    fn object_places(&self, c: &Cand, clause: &Range<usize>) -> Vec<PlaceRef> {
        let candidates: Vec<&PlaceRef> = self
            .doc
            .places
            .iter()
            .filter(|p| p.toks.start >= c.toks.end && p.toks.end <= clause.end && self.literal(p))
            .collect();
        // "handing it to the Taliban": "it" is the place named before.
        if self.word(c.toks.end) == "it" {
            let before = || {
                self.doc
                    .places
                    .iter()
                    .filter(|p| p.toks.end <= c.toks.start && p.toks.start >= self.range.start)
            };
            let local =
                |p: &&PlaceRef| !matches!(p.place.kind, PlaceKind::Country | PlaceKind::Admin1);
            return before()
                .rfind(local)
                .or_else(|| before().rfind(|p| p.place.kind != PlaceKind::Country))
                .cloned()
                .into_iter()
                .collect();
        }
        let Some(first) = candidates.first() else {
            return Vec::new();
        };
        let gap = c.toks.end..first.toks.start;
        if gap.len() > 6
            || gap
                .clone()
                .any(|k| self.in_set(k, PREPOSITIONS) && self.word(k) != "of")
        {
            return Vec::new();
        }
        if self.doc.find_cue(gap, &self.lex.cues.aggregate).is_some() {
            return Vec::new();
        }
        self.extend_list(first, &candidates[1..])
    }

    fn extend_list(&self, first: &PlaceRef, rest: &[&PlaceRef]) -> Vec<PlaceRef> {
        let mut out = vec![first.clone()];
        let mut last_end = first.toks.end;
        for p in rest {
            let gap = last_end..p.toks.start;
            if !gap.clone().all(|k| self.in_set(k, LIST_GAP)) {
                break;
            }
            last_end = p.toks.end;
            if out.last().is_some_and(|prev| Self::container_of(p, prev)) {
                continue;
            }
            out.push((*p).clone());
        }
        out
    }

    /// The subject places of a patient verb: "Kandahar fell", "Mazar and
    /// Jalalabad were the last cities to resist".
    fn subject_places(&self, c: &Cand, clause: &Range<usize>, all: bool) -> Vec<PlaceRef> {
        let start = if all { self.range.start } else { clause.start };
        let before: Vec<&PlaceRef> = self
            .doc
            .places
            .iter()
            .filter(|p| p.toks.start >= start && p.toks.end <= c.toks.start && self.literal(p))
            .collect();
        if all {
            return before
                .into_iter()
                .filter(|p| p.place.kind != PlaceKind::Country)
                .cloned()
                .collect();
        }
        // The subject is the first local place of the clause ("Qalat, the
        // capital of Zabul, has been taken"), with the list that follows it.
        let local =
            |p: &&&PlaceRef| !matches!(p.place.kind, PlaceKind::Country | PlaceKind::Admin1);
        let pos = before.iter().position(|p| local(&p)).or_else(|| {
            before
                .iter()
                .position(|p| p.place.kind != PlaceKind::Country)
        });
        let Some(pos) = pos else {
            return Vec::new();
        };
        self.extend_list(before[pos], &before[pos + 1..])
    }

    /// Where a non-territorial event happened: a place after a locative
    /// preposition, after the trigger first, then before it.
    fn locative_place(&self, c: &Cand, clause: &Range<usize>) -> Option<PlaceRef> {
        let locative = |p: &&PlaceRef| {
            let k = p.toks.start;
            // "Kabul's airport" still locates the event in Kabul.
            p.role == sitrep_model::PlaceRole::Literal
                && (self.in_set(k.wrapping_sub(1), LOCATIVE)
                    || (self.word(k.wrapping_sub(1)) == "the"
                        && self.in_set(k.wrapping_sub(2), LOCATIVE)))
        };
        let after = self
            .doc
            .places
            .iter()
            .filter(|p| p.toks.start >= c.toks.end && p.toks.end <= clause.end)
            .find(locative);
        let pick = after.or_else(|| {
            self.doc
                .places
                .iter()
                .filter(|p| p.toks.start >= clause.start && p.toks.end <= c.toks.start)
                .rfind(locative)
        });
        pick.cloned()
    }

    /// Counts go to the nearest event that counts that kind of thing.
    fn assign_quantities(&self, cands: &mut [Cand], quants: &[QuantRef]) {
        let units = &self.lex.quantities.units;
        for q in quants {
            let accepts = |c: &Cand| match q.counts {
                Counts::Fatalities | Counts::Injuries => {
                    is_violence(c.kind) || is_territory(c.kind)
                }
                Counts::Unit(u) if units[u].territorial => {
                    c.kind == EventKind::ControlClaim || is_territory(c.kind)
                }
                Counts::Unit(u) if units[u].unit == "soldiers" => {
                    matches!(c.kind, EventKind::Deployment | EventKind::Withdrawal)
                }
                Counts::Unit(_) => matches!(
                    c.kind,
                    EventKind::Evacuation
                        | EventKind::Abduction
                        | EventKind::Arrest
                        | EventKind::Protest
                ),
            };
            let dist = |c: &Cand| {
                if q.toks.start >= c.toks.end {
                    q.toks.start - c.toks.end
                } else {
                    c.toks.start.saturating_sub(q.toks.end) + 2
                }
            };
            let Some(best) = cands
                .iter_mut()
                .filter(|c| c.alive && accepts(c))
                .min_by_key(|c| dist(c))
            else {
                continue;
            };
            match q.counts {
                Counts::Fatalities => best.fatalities = best.fatalities.take().or(Some(q.clone())),
                Counts::Injuries => best.injuries = best.injuries.take().or(Some(q.clone())),
                Counts::Unit(_) => best.quantities.push(q.clone()),
            }
        }
    }

    /// Statements: keep, drop or fold into what they report.
    fn resolve_speech(&self, cands: &mut [Cand], media: &[MediumHit]) {
        let cues = &self.lex.cues;
        for i in 0..cands.len() {
            let Some(speech) = self.def(&cands[i]).speech else {
                continue;
            };
            let c = &cands[i];
            // "what Baradar said" refers to speech; it is not a statement.
            let prev = c.toks.start.saturating_sub(3).max(self.range.start)..c.toks.start;
            if speech == Speech::Assert
                && prev
                    .clone()
                    .any(|k| cues.speech_reference.contains(self.word(k)))
            {
                cands[i].alive = false;
                continue;
            }
            // Post-posed speaker: "..., officials said" / "said the minister".
            if cands[i].agents.is_empty() {
                let after = c.toks.end..(c.toks.end + 4).min(self.range.end);
                if let Some(a) = self.agents_in(after).next() {
                    cands[i].agents = vec![a.clone()];
                    if cands[i].target.as_ref().is_some_and(|(_, s)| *s == a.span) {
                        cands[i].target = None;
                    }
                }
            }
            let c = &cands[i];
            if c.agents.is_empty() || c.agents.iter().any(|a| self.commentator(a)) {
                cands[i].alive = false;
                continue;
            }
            // "told Sky News", "in an interview with the BBC".
            let window = c.toks.end..(c.toks.end + 6).min(self.range.end);
            if let Some(m) = media
                .iter()
                .find(|m| m.toks.start >= window.start && m.toks.start < window.end)
            {
                cands[i].medium = Some(m.clone());
                cands[i].target = None;
            }
            let speaker = cands[i].agents.clone();
            let trigger_start = cands[i].toks.start;
            let own_end = cands[i].toks.end;
            let rejects = self.lex.defs[cands[i].def].plover.as_deref() == Some("REJECT");
            let mut content_real = false;
            let mut absorbed: Option<String> = None;
            for (j, other) in cands.iter_mut().enumerate() {
                if j == i || !other.alive {
                    continue;
                }
                let other_speech = self.lex.defs[other.def].speech;
                if other_speech.is_some() && other.kind == EventKind::Statement {
                    continue;
                }
                if other.pronoun_subject && other.agents.is_empty() && other.toks.start > own_end {
                    other.agents = speaker.clone();
                }
                match speech {
                    Speech::Direct if other.toks.start > trigger_start && !rejects => {
                        other.hypothetical = true;
                    }
                    Speech::Deny if other.toks.start > trigger_start => other.negated = true,
                    Speech::Assert => {
                        other.reported = true;
                        let own_actor = !other.agents.is_empty()
                            && other
                                .agents
                                .iter()
                                .all(|a| speaker.iter().all(|s| s.span != a.span));
                        let real = !other.hypothetical && (!is_diplomatic(other.kind) || own_actor);
                        if real {
                            content_real = true;
                        } else if is_diplomatic(other.kind) && !other.negated {
                            // "X said the participants had agreed": X's statement carries
                            // the agreement's code; a verb says it better than a noun.
                            if absorbed.is_none() || other.form != Form::Noun {
                                absorbed = other.plover.clone().or(absorbed);
                            }
                            other.alive = false;
                        }
                    }
                    _ => {}
                }
            }
            if speech == Speech::Assert {
                // A statement that only confirms what it reports is not news of
                // its own, whoever it was told to.
                if content_real {
                    cands[i].alive = false;
                } else if absorbed.is_some() {
                    cands[i].plover = absorbed;
                }
            }
        }
    }

    /// A speaker who only comments ("a lecturer at King's College").
    fn commentator(&self, a: &AgentRef) -> bool {
        if a.actor.is_some() {
            return false;
        }
        let roles = &self.lex.cues.commentator_roles;
        let role_says = a
            .person
            .as_ref()
            .and_then(|p| p.role.as_deref())
            .is_some_and(|r| {
                let r = crate::lexicon::fold(r);
                roles.iter().any(|w| r.contains(w.as_str()))
            });
        let around = a.toks.start.saturating_sub(12).max(self.range.start)
            ..(a.toks.end + 12).min(self.range.end);
        role_says
            || around
                .clone()
                .any(|k| roles.iter().any(|w| self.word(k).starts_with(w.as_str())))
    }

    /// Each date goes to the nearest trigger in the sentence.
    fn assign_times(&self, cands: &mut [Cand]) {
        for t in self
            .doc
            .times
            .iter()
            .filter(|t| t.toks.start >= self.range.start && t.toks.end <= self.range.end)
        {
            let dist = |c: &Cand| {
                if t.toks.start >= c.toks.end {
                    t.toks.start - c.toks.end
                } else {
                    c.toks.start.saturating_sub(t.toks.end)
                }
            };
            if let Some(best) = cands.iter_mut().filter(|c| c.alive).min_by_key(|c| dist(c)) {
                if best.time.is_none() {
                    best.time = Some(t.clone());
                }
            }
        }
    }

    /// Fighting with no place of its own happened where the sentence's
    /// territorial event did: "after weeks of fighting, militias took X".
    fn borrow_places(&self, cands: &mut [Cand]) {
        let place = cands
            .iter()
            .find(|c| c.alive && is_territory(c.kind) && !c.places.is_empty())
            .map(|c| c.places[0].clone());
        let Some(place) = place else { return };
        for c in cands
            .iter_mut()
            .filter(|c| is_violence(c.kind) && c.places.is_empty())
        {
            c.places.push(place.clone());
        }
    }

    fn check_needs(&self, cands: &mut [Cand]) {
        let units = &self.lex.quantities.units;
        for c in cands.iter_mut() {
            let counted = c
                .quantities
                .iter()
                .any(|q| matches!(q.counts, Counts::Unit(u) if units[u].territorial));
            let ok = match self.lex.defs[c.def].needs {
                Needs::None => true,
                Needs::Place => !c.places.is_empty(),
                Needs::PlaceOrCount | Needs::Territory => !c.places.is_empty() || counted,
            };
            if !ok {
                c.alive = false;
            }
            if c.kind == EventKind::Statement && c.agents.is_empty() {
                c.alive = false;
            }
        }
    }
}

/// The government a place stands for ("Washington decided"), under the
/// dictionary's naming convention.
pub(crate) fn state_actor(country: &str, country_name: &str, forces: bool) -> ActorMention {
    let lower = country.to_ascii_lowercase();
    if forces {
        ActorMention {
            id: format!("{lower}.forces"),
            name: format!("{country_name} forces"),
            kind: ActorKind::StateForces,
            country: Some(country.to_string()),
            generic: false,
        }
    } else {
        ActorMention {
            id: format!("{lower}.government"),
            name: format!("Government of {country_name}"),
            kind: ActorKind::Government,
            country: Some(country.to_string()),
            generic: false,
        }
    }
}

/// The collective actor a person acts for.
pub(crate) fn person_actor(p: &PersonMention) -> Option<ActorMention> {
    let id = p.affiliation.clone()?;
    let kind = if id.ends_with(".forces") {
        ActorKind::StateForces
    } else if id.ends_with(".government") {
        ActorKind::Government
    } else {
        ActorKind::Other
    };
    Some(ActorMention {
        name: id.clone(),
        id,
        kind,
        country: p.country.clone(),
        generic: false,
    })
}
