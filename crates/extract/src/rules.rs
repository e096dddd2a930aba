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
use std::sync::Arc;

use sitrep_model::{
    ActorKind, ActorMention, EventKind, PersonMention, PlaceKind, Span, TimeRelation,
};

use crate::doc::{AgentRef, Doc, PlaceRef, TimeRef};
use crate::lexicon::{CueSet, Form, Lexicon, Needs, Speech, TriggerDef, Voice, WordFlags, Words};
use crate::quantity::{self, Counts, QuantRef};

/// A trigger found in the text: which lexicon group, which form, which tokens.
#[derive(Clone, Debug)]
pub(crate) struct Hit {
    pub def: usize,
    pub form: Form,
    pub toks: Range<usize>,
    /// The match is the second half of a hyphenated word ("long-threatened").
    pub compound: bool,
    /// An actor-slot phrase matched around an actor ("in Taliban hands").
    pub slot: bool,
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
    /// The place was taken from the sentences before, not read in this one.
    pub implicit_place: bool,
    /// Told only to be denied ("Kyiv denies that Bakhmut has fallen").
    pub denied: bool,
    /// The trigger is the object of another trigger ("suspended military
    /// aid") or a gerund after a preposition ("suspected of blowing up"):
    /// an argument of another event rather than the sentence's own news.
    pub governed: bool,
    /// A stated intention, coded as the promise or threat it makes.
    pub intended: bool,
    /// Dropped as a retelling of an event coded elsewhere ("Menapal was
    /// killed"): no event of its own, but what a speaker reports is news.
    pub echo: bool,
    /// "JNIM claimed the attack": a claim of an attack told before; it
    /// names who did it and is no attack of its own.
    pub claimed: bool,
    /// The side of the speaker who reports this event, if any.
    pub reporter: Option<Arc<str>>,
}

/// Prepositions that put a place where an event happens: those that only
/// say where ([`LOCATIVE_ONLY`]) and these, which may also say to whom.
const LOCATIVE_DIRECTED: &[&str] = &["on", "into", "to", "towards", "toward", "between"];
/// Prepositions that only say where, never to whom.
const LOCATIVE_ONLY: &[&str] = &[
    "through",
    "in",
    "at",
    "near",
    "around",
    "outside",
    "inside",
    "across",
    "throughout",
    "within",
    "from",
];
/// Prepositions that end an object noun phrase.
/// Words that open a noun phrase: a trigger word after one is a noun.
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "that", "its", "their", "his", "her", "our",
];

const PREPOSITIONS: &[&str] = &[
    "in", "at", "near", "around", "outside", "on", "to", "from", "with", "by", "for", "after",
    "before", "during", "within", "across", "into", "towards", "toward", "against", "as", "since",
    "until",
];
/// Endings of words that locate within a place ("eastern", "south-western",
/// "central") and may stand between a preposition and the place.
const REGION_ADJECTIVES: &[&str] = &[
    "ern",
    "central",
    "northwest",
    "northeast",
    "southwest",
    "southeast",
];

/// Nouns for a kind of place, as in "the city of Kandahar".
const PLACE_NOUNS: &[&str] = &[
    "city",
    "town",
    "village",
    "capital",
    "province",
    "district",
    "region",
    "port",
    "outskirts",
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
const SOFT_BREAKS: &[&str] = &[
    "that", "if", "unless", "whom", "whose", "after", "before", "when", "once", "until",
];

/// Nouns for a settlement: named after "of" ("the village of Robotyne"), or
/// pointing back to one ("the town").
const SETTLEMENTS: &[&str] = &[
    "village",
    "town",
    "city",
    "settlement",
    "hamlet",
    "district",
];

/// Words that may describe a place pointed back to: "the whole city", "the
/// besieged town", "its northern outskirts".
const ANAPHOR_ADJECTIVES: &[&str] = &[
    "whole",
    "entire",
    "besieged",
    "embattled",
    "encircled",
    "strategic",
    "key",
    "same",
    "nearby",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "frontline",
    "front-line",
    "border",
    "coastal",
    "provincial",
    "devastated",
    "ruined",
];

pub(crate) fn is_territory(k: EventKind) -> bool {
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
    /// The place of the last event found before this sentence, the first
    /// antecedent of "the city".
    pub last_place: Option<(usize, &'a PlaceRef)>,
    /// The clause breaks of the sentence: token and whether it is soft
    /// (see [`clause_breaks`]).
    pub breaks: &'a [(usize, bool)],
    /// The [`WordFlags`](crate::lexicon::WordFlags) of the sentence's words
    /// together ([`Doc::flags_within`]): most sentences have no word of most
    /// cue sets, and looking for one there is answered without a search.
    pub flags: u32,
    /// The mentions inside this sentence (slices of the document's lists).
    pub agents: &'a [AgentRef],
    pub places: &'a [PlaceRef],
    pub times: &'a [TimeRef],
}

/// Fills `out` with the clause breaks of the tokens `range`, each with
/// whether it is soft for modality, so each trigger's clause is found without
/// looking words up again.
pub(crate) fn clause_breaks(doc: &Doc, range: &Range<usize>, out: &mut Vec<(usize, bool)>) {
    out.clear();
    out.extend(
        range
            .clone()
            .filter(|&i| doc.clause_break(i))
            .map(|i| (i, SOFT_BREAKS.contains(&doc.word(i)))),
    );
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

    /// [`Doc::find_cue`], answered at once in a sentence where no word
    /// starts a cue of the set.
    fn find_cue<'c>(&self, range: Range<usize>, cues: &'c CueSet) -> Option<(usize, &'c Words)> {
        let inside = self.range.start <= range.start && range.end <= self.range.end;
        if inside && self.flags & cues.flag == 0 {
            return None;
        }
        self.doc.find_cue(range, cues)
    }

    fn in_set(&self, i: usize, set: &[&str]) -> bool {
        i < self.doc.toks.len() && set.contains(&self.word(i))
    }

    /// Token range of the clause around `toks`.
    fn clause(&self, toks: &Range<usize>, soft: bool) -> Range<usize> {
        let counts = |&&(_, is_soft): &&(usize, bool)| !(soft && is_soft);
        let left = self
            .breaks
            .iter()
            .rev()
            .filter(|(i, _)| *i < toks.start)
            .find(counts)
            .map_or(self.range.start, |(i, _)| i + 1);
        let right = self
            .breaks
            .iter()
            .filter(|(i, _)| *i >= toks.end)
            .find(counts)
            .map_or(self.range.end, |(i, _)| *i);
        left..right
    }

    /// Runs every rule over the hits of this sentence.
    pub(crate) fn run(&self, hits: &[Hit], media: &[MediumHit]) -> Vec<Cand> {
        let mut cands: Vec<Cand> = hits.iter().filter_map(|h| self.candidate(h)).collect();
        // Most trigger words in a sentence are inside names or summaries:
        // nothing to read numbers for.
        if cands.is_empty() {
            return cands;
        }
        // Numbers start only at words flagged so.
        let quants = if self.flags & WordFlags::QUANTITY_START == 0 {
            Vec::new()
        } else {
            quantity::find(self.doc, &self.lex.quantities, self.range.clone())
        };
        self.find_places(&mut cands);
        self.acts_of_named_events(&mut cands);
        self.casualties(&mut cands);
        self.borrow_places(&mut cands);
        self.implicit_places(&mut cands);
        self.assign_quantities(&mut cands, &quants);
        self.tallies(&mut cands);
        self.obligations(&mut cands);
        self.check_agents(&mut cands);
        self.purposes(&mut cands);
        self.resolve_speech(&mut cands, media);
        self.speech_places(&mut cands);
        self.assign_times(&mut cands);
        self.claim_countries(&mut cands);
        self.check_needs(&mut cands);
        pass_on_times(&mut cands);
        cands.retain(|c| c.alive);
        cands
    }

    fn candidate(&self, h: &Hit) -> Option<Cand> {
        let def = &self.lex.defs[h.def];
        // A trigger inside a name ("Liberation Front") is part of the name.
        // "its long-threatened invasion", "Syrian-backed militia": a compound
        // modifier, not a political act.
        if h.compound && is_diplomatic(def.kind) {
            return None;
        }
        let inside = |r: &Range<usize>| r.start <= h.toks.start && h.toks.end <= r.end;
        // "Demonstrators in Asadabad came under fire": the side named as
        // protesters is the protest, whatever else the sentence tells.
        let gathering = def.kind == EventKind::Protest && h.form == Form::Noun;
        if self.agents.iter().any(|a| inside(&a.toks) && !gathering)
            || self.places.iter().any(|p| inside(&p.toks))
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
            implicit_place: false,
            denied: false,
            governed: false,
            intended: false,
            echo: false,
            claimed: false,
            reporter: None,
        };
        c.governed = self.governed(&c);
        self.modality(&mut c);
        self.intent(&mut c);
        // "after attacking most of the villages": a summary, not one event.
        if is_territory(c.kind) || is_violence(c.kind) {
            let after = c.toks.end..(c.toks.end + 3).min(self.range.end);
            // "fell, most of them without a fight" is an aside, not the object.
            if self
                .find_cue(after, &self.lex.cues.aggregate)
                .is_some_and(|(at, _)| !(c.toks.end..at).any(|k| self.word(k) == ","))
            {
                return None;
            }
        }
        // "in support of", "in solidarity with", "in protest at": an
        // adverbial that says why, not a political act.
        if is_diplomatic(c.kind)
            && c.toks.len() == 1
            && self.word(c.toks.start.wrapping_sub(1)) == "in"
            && matches!(self.word(c.toks.end), "of" | "with" | "at" | "against")
        {
            return None;
        }
        // "flies north to rally defence": a noun trigger after "to" with an
        // object is an infinitive verb of another sense.
        if h.form == Form::Noun
            && h.toks.len() == 1
            && self.word(h.toks.start.wrapping_sub(1)) == "to"
            && h.toks.end < self.range.end
            && self.word(h.toks.end).chars().all(|ch| ch.is_alphabetic())
            && !self.in_set(h.toks.end, PREPOSITIONS)
            && !self.in_set(h.toks.end, &["and", "or", "that"])
        {
            return None;
        }
        // "the city's jail", "a strike" where only the verb is a trigger: a
        // determiner before a bare verb form makes it a noun of another sense.
        // "the attacks by the US": with a determiner, a verb form that is
        // also a noun is the noun.
        if matches!(h.form, Form::Base | Form::ThirdPerson) && h.toks.len() == 1 {
            let prev = self.word(h.toks.start.wrapping_sub(1));
            if DETERMINERS.contains(&prev) && !matches!(prev, "this" | "that")
                || prev.ends_with("'s")
            {
                if !self.lex.noun_forms.contains(self.word(h.toks.start)) {
                    if h.form == Form::Base {
                        return None;
                    }
                } else {
                    c.form = Form::Noun;
                }
            }
        }
        // "any demonstration needs permission": a kind of event, not one.
        if h.form == Form::Noun
            && matches!(
                self.word(h.toks.start.wrapping_sub(1)),
                "any" | "every" | "each"
            )
        {
            return None;
        }
        // "in retaliation for the group's attacks on shipping": the cause
        // named, coded when it is told, not here; unless it is dated
        // ("retaliation for Thursday's bombing at Kabul airport").
        if is_violence(def.kind) {
            let before = h.toks.start.saturating_sub(5).max(self.range.start)..h.toks.start;
            let dated = self
                .times
                .iter()
                .any(|t| t.toks.start >= before.start && t.toks.end <= h.toks.start);
            if !dated && self.find_cue(before, &self.lex.cues.causes).is_some() {
                return None;
            }
        }
        // "private forces that Kabul could call on.": a stranded preposition
        // ends a relative clause; the verb means to rely on, not to speak.
        if (is_diplomatic(def.kind) || def.kind == EventKind::Statement)
            && !matches!(h.form, Form::Noun | Form::Phrase)
            && h.toks.len() > 1
            && self.in_set(h.toks.end - 1, PREPOSITIONS)
            && (h.toks.end >= self.range.end
                || matches!(
                    self.word(h.toks.end),
                    "." | "," | ";" | ":" | "?" | "!" | ")"
                ))
        {
            return None;
        }
        // "pressing for more than a week": "for" opens a duration, not what
        // is asked for.
        if is_diplomatic(def.kind) && self.word(h.toks.end - 1) == "for" {
            let next = self.word(h.toks.end);
            let then = self.word(h.toks.end + 1);
            let unit = |w: &str| {
                ["hour", "day", "week", "month", "year"]
                    .iter()
                    .any(|u| w.starts_with(u))
            };
            if matches!(
                next,
                "more" | "over" | "several" | "weeks" | "months" | "days" | "years"
            ) || (matches!(next, "a" | "an") || next.bytes().all(|b| b.is_ascii_digit()))
                && unit(then)
            {
                return None;
            }
        }
        // "celebratory gunfire", "fired into the air": shooting at no one.
        if is_violence(c.kind) {
            let around = c.toks.start.saturating_sub(3).max(self.range.start)
                ..(c.toks.end + 4).min(self.range.end);
            if self.find_cue(around, &self.lex.cues.harmless).is_some() {
                return None;
            }
        }
        // "freed thousands of inmates from the prison there", "captured 20
        // soldiers near Kunduz": people taken or freed, no ground.
        if is_territory(c.kind)
            && !matches!(c.form, Form::Noun | Form::Phrase)
            && def.voice == Voice::Agent
            && !self.passive(&c)
        {
            let object = c.toks.end..(c.toks.end + 5).min(self.range.end);
            let first_place = self
                .places
                .iter()
                .find(|p| p.toks.start >= object.start)
                .map_or(object.end, |p| p.toks.start);
            if (object.start..first_place.min(object.end))
                .take_while(|&k| !matches!(self.word(k), "," | "from" | "in" | "at" | "near"))
                .any(|k| {
                    self.lex.cues.captives.contains(self.word(k))
                        && !matches!(self.word(k + 1), "'" | "'s" | "’")
                })
            {
                return None;
            }
        }
        // "since they stepped up their offensive as foreign troops leave the
        // country": a process in the present, told as the background of
        // another event, is not an event of its own.
        // Headlines (no full stop) tell past events in the present.
        let headline = !matches!(
            self.word(self.range.end.saturating_sub(1)),
            "." | "!" | "?" | "\"" | "'" | "”"
        );
        if matches!(c.form, Form::Base | Form::ThirdPerson)
            && !headline
            && !is_diplomatic(c.kind)
            && c.kind != EventKind::Statement
        {
            let from = c.toks.start.saturating_sub(5).max(self.range.start);
            if let Some(k) = (from..c.toks.start).rev().find(|&k| self.word(k) == "as") {
                let plain = (k + 1..c.toks.start).all(|i| {
                    self.word(i)
                        .chars()
                        .all(|ch| ch.is_alphanumeric() || ch == '-')
                });
                if plain && k > self.range.start {
                    return None;
                }
            }
        }
        // "the first armed challenge to the group since it took Kabul last
        // week": the act a period is counted from is told before, as
        // background.
        if c.form.is_past() && !headline {
            let from = c.toks.start.saturating_sub(4).max(self.range.start);
            if let Some(k) = (from..c.toks.start)
                .rev()
                .find(|&k| self.word(k) == "since")
            {
                if (k + 1..c.toks.start).all(|i| self.word(i).chars().all(char::is_alphanumeric)) {
                    return None;
                }
            }
        }
        // "a group that has fought the government for more than 15 years":
        // a state of years, told in the perfect, is background.
        if is_violence(c.kind) && matches!(c.form, Form::Past | Form::Participle | Form::Ing) {
            let before = |k: usize| self.word(c.toks.start.wrapping_sub(k));
            let perfect = if c.form == Form::Ing {
                before(1) == "been" && matches!(before(2), "has" | "have" | "had")
            } else {
                (1..=2).any(|k| matches!(before(k), "has" | "have" | "had"))
            };
            let clause = self.clause(&c.toks, false);
            let for_years = (c.toks.end..clause.end).any(|k| {
                self.word(k) == "for"
                    && (k + 1..(k + 6).min(clause.end))
                        .any(|j| matches!(self.word(j), "year" | "years" | "decade" | "decades"))
            });
            if perfect && for_years {
                return None;
            }
        }
        // "helped more than 15,000 people to leave Afghanistan": civilians
        // leaving are evacuated; forces leaving withdraw.
        // Refugees fleeing are displaced, not evacuated.
        if c.kind == EventKind::Withdrawal
            && c.form != Form::Noun
            && !self.lex.cues.flight_verbs.contains(self.word(c.toks.start))
        {
            let mut k = c.toks.start.wrapping_sub(1);
            if self.word(k) == "to" {
                k = k.wrapping_sub(1);
            }
            // "security forces and customs staff fled": forces among them.
            let forces_near = (k.saturating_sub(4).max(self.range.start)..k).any(|i| {
                self.lex
                    .cues
                    .state_forces_nouns
                    .iter()
                    .any(|w| w.len() == 1 && w[0] == self.word(i))
            });
            if self.lex.cues.evacuees.contains(self.word(k)) && !forces_near {
                c.kind = EventKind::Evacuation;
                c.plover = Some("AID".into());
                c.mode = Some("evacuate".into());
            }
        }
        // "entered Jalalabad without firing a shot": handed over, not taken.
        if c.kind == EventKind::TerritoryTaken {
            // Past an apposition: "entered Jalalabad, the capital of eastern
            // Nangarhar province, early Sunday without firing a shot".
            let after = c.toks.end..(c.toks.end + 20).min(self.range.end);
            let clause = self.clause(&c.toks, false);
            if self
                .find_cue(after, &self.lex.cues.peaceful)
                .is_some_and(|(at, _)| at < clause.end)
            {
                c.kind = EventKind::TerritoryTransferred;
                c.plover = Some("YIELD".into());
                c.mode = None;
            }
        }
        // "battled for control of the city": what is fought over, not held.
        if c.kind == EventKind::ControlClaim
            && c.form == Form::Noun
            && matches!(self.word(c.toks.start.wrapping_sub(1)), "for" | "over")
        {
            return None;
        }
        // "claimed the attack", "claimed responsibility for the bombing".
        if is_violence(c.kind)
            && matches!(c.form, Form::Noun | Form::Base)
            && self.in_set(
                c.toks.start.wrapping_sub(1),
                &["the", "this", "that", "its"],
            )
        {
            let before = c.toks.start.saturating_sub(5).max(self.range.start)..c.toks.start - 1;
            c.claimed = self
                .find_cue(before, &self.lex.cues.claims)
                .is_some_and(|(at, cue)| at + cue.len() == c.toks.start - 1);
        }
        self.find_agents(&mut c);
        // The protesters named by the trigger are the protest's side.
        if gathering {
            if let Some(a) = self.agents.iter().find(|a| inside(&a.toks)) {
                c.agents = vec![a.clone()];
                c.target = None;
            }
        }
        // An actor inside the trigger fills its slot: "in Taliban hands" (the
        // holder), "pushed the Taliban out of" (the one pushed).
        let slot = h
            .slot
            .then(|| self.agents_in(h.toks.clone()).find(|a| a.actor.is_some()));
        if let Some(a) = slot.flatten() {
            if def.voice == Voice::Patient {
                c.agents = vec![a.clone()];
            } else if let Some(m) = a.actor.as_deref() {
                c.target = Some((m.clone(), a.span));
                c.agents.retain(|x| x.span != a.span);
            }
        }
        Some(c)
    }

    /// Negation, possibility and futurity from cue words before the trigger.
    fn modality(&self, c: &mut Cand) {
        let cues = &self.lex.cues;
        let clause = self.clause(&c.toks, true);
        let near = c.toks.start.saturating_sub(4).max(clause.start)..c.toks.start;
        c.denied = c.kind != EventKind::Statement
            && self
                .find_cue(self.range.start..c.toks.start, &cues.denial)
                .is_some();
        c.negated = c.denied || self.find_cue(near.clone(), &cues.negation).is_some();
        if self.find_cue(near.clone(), &cues.absence).is_some() {
            c.alive = false;
        }
        // A speech act is only made possible by a modal on its own verb
        // ("would say"); other events by any modal earlier in the clause.
        let from = if c.kind == EventKind::Statement {
            c.toks.start.saturating_sub(2).max(clause.start)
        } else {
            clause.start
        };
        let mut i = from;
        while let Some((at, cue)) = self.find_cue(i..c.toks.start, &cues.hypothetical) {
            // "said they would send": reported future, not a possibility.
            let reported = cues.reported_future.contains(cue)
                && (self.range.start..at).any(|k| self.is_speech_word(k));
            // "may have been killed when fighters attacked": a past act told
            // in a time clause happened, whatever is uncertain around it. Not
            // in reported speech, where the past is the speaker's future
            // ("warned the country could fail after the US withdrew").
            let presupposed = c.form.is_past()
                && (at..c.toks.start).any(|k| self.in_set(k, &["when", "after", "before", "as"]))
                && !(self.range.start..at)
                    .any(|k| self.is_speech_word(k) || self.word(k) == "that");
            if presupposed {
                i = at + 1;
                continue;
            }
            c.hypothetical |= !reported;
            c.future |= reported;
            i = at + 1;
        }
        c.future |= self.find_cue(near, &cues.future).is_some()
            || (c.form == Form::Base && self.word(c.toks.start.wrapping_sub(1)) == "to")
            || (c.form == Form::Ing
                && self.in_set(c.toks.start.wrapping_sub(1), &["is", "are", "am"]));
    }

    /// True for a noun that is the object of the trigger just before it
    /// ("rejected an appeal for", "suspended part of a military aid
    /// programme") and for a gerund after a preposition ("suspected of
    /// blowing up", "arrested for collaborating").
    fn governed(&self, c: &Cand) -> bool {
        let prev = self.word(c.toks.start.wrapping_sub(1));
        match c.form {
            // "..., suspending parts of the constitution": a participle after
            // a comma adds to the main event.
            Form::Ing => PREPOSITIONS.contains(&prev) || prev == "of" || prev == ",",
            Form::Noun => self.trigger_ends.iter().any(|&e| {
                e <= c.toks.start
                    && c.toks.start - e <= 3
                    && !self.is_speech_word(e.wrapping_sub(1))
                    && (e..c.toks.start).all(|k| {
                        let w = self.word(k);
                        w != "," && w != "and" && !PREPOSITIONS.contains(&w)
                    })
            }),
            _ => false,
        }
    }

    /// A stated intention is coded as the promise or threat it makes (CAMEO 03
    /// and 13): "will release" is AGREE, "would boycott" THREATEN, and an
    /// intention under a condition ("... unless ...") a threat whatever its act.
    fn intent(&self, c: &mut Cand) {
        let intent = &self.lex.intent;
        let Some(code) = c.plover.as_deref() else {
            return;
        };
        let promise = intent.agree.contains(code);
        let threat = intent.threaten.contains(code);
        if c.negated || !(promise || threat) {
            return;
        }
        let clause = self.clause(&c.toks, true);
        // "would" states an intention only as reported future ("said they
        // would boycott"); alone it is a mere possibility.
        let mut i = c.toks.start.saturating_sub(8).max(clause.start);
        let mut stated = false;
        while let Some((at, cue)) = self.find_cue(i..c.toks.start, &intent.cues) {
            stated |= c.future || cue.iter().all(|w| w != "would");
            i = at + 1;
        }
        if !stated {
            return;
        }
        let after = c.toks.end..self.range.end;
        let conditional = self.find_cue(after, &intent.conditions).is_some();
        let coded = if threat || conditional {
            "THREATEN"
        } else {
            "AGREE"
        };
        c.plover = Some(coded.to_string());
        c.intended = true;
    }

    fn is_speech_word(&self, i: usize) -> bool {
        matches!(
            self.word(i),
            "said" | "says" | "say" | "told" | "announced" | "stated" | "declared" | "added"
        )
    }

    /// True when the verb is passive ("was captured").
    fn passive(&self, c: &Cand) -> bool {
        // "was overrun": a participle written like the base form.
        if !c.form.is_past() && c.form != Form::Base {
            return false;
        }
        // Headline passives drop the auxiliary: "Menapal assassinated in
        // Kabul", "three killed by stray bullets". A killing or an arrest
        // (transitive verbs) with no object before a preposition is one.
        if c.form.is_past()
            && c.toks.len() == 1
            && matches!(
                c.kind,
                EventKind::AttackOnCivilians | EventKind::Arrest | EventKind::Abduction
            )
            && matches!(
                self.word(c.toks.end),
                "by" | "in" | "near" | "at" | "on" | "outside" | "during" | "after"
            )
        {
            return true;
        }
        let mut i = c.toks.start;
        while i > self.range.start {
            i -= 1;
            let w = self.word(i);
            if BE.contains(&w) {
                // "the Taliban was taken Pul-i-Khumri": machine-translated
                // text puts an auxiliary before an active verb. A real
                // passive takes no place as its object, so an actor
                // subject followed by a place object is the active voice.
                return !(self.place_object(c)
                    && self.agents_in(self.range.start..i).next().is_some());
            }
            // "were briefly detained", "was reportedly killed".
            if !(ADVERBS.contains(&w) || w.len() > 4 && w.ends_with("ly")) {
                return false;
            }
        }
        false
    }

    /// True when a named place follows the trigger directly, as an object does.
    fn place_object(&self, c: &Cand) -> bool {
        let k = c.toks.end + usize::from(self.word(c.toks.end) == "the");
        self.places
            .iter()
            .any(|p| p.toks.start == k && self.literal(p))
    }

    fn agents_in(&self, r: Range<usize>) -> impl DoubleEndedIterator<Item = &AgentRef> + '_ {
        self.agents
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
        // "said government forces had retreated": after a speech verb comes
        // the subject of what was said, not an object.
        self.trigger_ends.iter().any(|&e| {
            !self.is_speech_word(e.wrapping_sub(1))
                && (e == a.toks.start
                    || (e + 1 == a.toks.start && matches!(self.word(e), "the" | "a" | "an")))
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

    /// True when `a` is followed by a verb of speech: ", the army said".
    fn speaks(&self, a: &AgentRef) -> bool {
        (a.toks.end..(a.toks.end + 2).min(self.range.end)).any(|i| self.is_speech_word(i))
    }

    fn find_agents(&self, c: &mut Cand) {
        let def = self.def(c);
        let clause = self.clause(&c.toks, false);
        let passive = self.passive(c);
        if def.voice == Voice::Holder {
            c.target = self
                .agents_in(c.toks.end..clause.end)
                .next()
                .and_then(|a| a.actor.as_deref().cloned().map(|m| (m, a.span)));
            return;
        }
        let patient = def.voice == Voice::Patient || passive;
        let after = c.toks.end..clause.end;
        // "the attacks by the US and Britain": a noun's agent in a by-phrase.
        if c.form == Form::Noun && !patient && self.word(c.toks.end) == "by" {
            let by = self
                .agents_in(after.clone())
                .next()
                .filter(|a| {
                    a.toks.start == c.toks.end + 1
                        || a.toks.start == c.toks.end + 2 && self.word(c.toks.end + 1) == "the"
                })
                .cloned();
            if let Some(a) = by {
                c.agents = vec![a];
                return;
            }
        }
        if patient {
            // "fell to the Taliban", "was captured by insurgents", "in the hands of the insurgents".
            c.agents = self
                .agents_in(after)
                .find(|a| {
                    let prev = self.word(a.toks.start.wrapping_sub(1));
                    let prev2 = self.word(a.toks.start.wrapping_sub(2));
                    // "fell on Sunday to the Taliban", not a later "by" phrase.
                    a.toks.start <= c.toks.end + 6
                        && (a.toks.start == c.toks.end
                            || matches!(prev, "by" | "to" | "of")
                            || (prev == "the" && matches!(prev2, "by" | "to" | "of")))
                })
                .cloned()
                .into_iter()
                .collect();
            if passive {
                let subject = self.agents_in(clause.start..c.toks.start).next_back();
                // "1,000 soldiers are being flown to Kabul": forces moved are
                // their side's deployment, not its target.
                if c.kind == EventKind::Deployment && c.agents.is_empty() {
                    c.agents = subject.cloned().into_iter().collect();
                } else {
                    c.target =
                        subject.and_then(|a| a.actor.as_deref().cloned().map(|m| (m, a.span)));
                }
            }
            return;
        }
        // The subject: the nearest agent before the trigger that is neither a
        // target nor the object of another trigger; a named one before a bare
        // common noun ("Taliban fighters" over "fighters").
        let before = clause.start..c.toks.start;
        // "repelled a Taliban assault": the side named in the noun phrase is
        // the assault's agent, though the phrase is another verb's object.
        let modifier =
            |a: &&AgentRef| c.form == Form::Noun && a.toks.end == c.toks.start && a.actor.is_some();
        // "under Taliban escort, prompting accusations": words said are the
        // side's only when nothing but a verb and determiners stand between
        // ("the Taliban issued a statement").
        let speech_noun = c.form == Form::Noun && c.kind == EventKind::Statement;
        let usable = |a: &&AgentRef| {
            (modifier(a) || !self.after_target_prep(a) && !self.object_of_trigger(a))
                && !(speech_noun && (a.toks.end..c.toks.start).any(|k| self.word(k) == ","))
        };
        // "said it was concerned about ground fighting": a noun governed by
        // a preposition of feeling is not what the subject before it did.
        // "about ground fighting and air strikes": the list shares it.
        let governed = matches!(c.form, Form::Noun | Form::Ing)
            && (c.toks.start.saturating_sub(4).max(clause.start)..c.toks.start)
                .rev()
                .take_while(|&k| self.word(k) != ",")
                .any(|k| matches!(self.word(k), "about" | "over" | "at"));
        let subject = self
            .agents_in(before.clone())
            .rev()
            .filter(usable)
            .find(|a| !weak(a))
            .or_else(|| self.agents_in(before.clone()).rev().find(usable))
            .filter(|a| !governed || modifier(a))
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
            // "the Afghan air force, which has been striking ...": the
            // relative pronoun stands for the agent just before it.
            None if (is_violence(c.kind) || is_territory(c.kind))
                && matches!(self.word(clause.start.wrapping_sub(1)), "which" | "who")
                && self.word(clause.start.wrapping_sub(2)) == "," =>
            {
                let rel = clause.start.saturating_sub(2);
                c.agents = self
                    .agents_in(rel.saturating_sub(6).max(self.range.start)..rel)
                    .next_back()
                    .filter(|a| a.toks.end == rel)
                    .cloned()
                    .into_iter()
                    .collect();
            }
            None => {
                c.pronoun_subject = !governed
                    && before
                        .clone()
                        .any(|k| self.lex.cues.group_pronouns.contains(self.word(k)));
                // Nominals and participles take the subject of the main clause:
                // "after weeks of fighting, militias took ...".
                let forward = matches!(c.form, Form::Noun | Form::Ing | Form::Phrase) || c.future;
                if forward && !c.pronoun_subject {
                    // A trailing attribution (", the army said") names who
                    // tells of a violent act, not who did it; words and
                    // refusals are the speaker's side's own.
                    let teller = |a: &AgentRef| c.kind != EventKind::Statement && self.speaks(a);
                    c.agents = self
                        .agents_in(c.toks.end..self.range.end)
                        .find(|a| self.main_subject(a, c.toks.end) && !teller(a))
                        .cloned()
                        .into_iter()
                        .collect();
                }
                // "X retook Ghazni after heavy clashes": a nominal in a
                // subordinate phrase shares the main clause's subject.
                // A speaker does not share what it reports: "Saree said five
                // fighters were killed in 73 strikes" (strikes by others).
                // "A Houthi military spokesman, Yahya Saree, said": the side
                // named before an apposition speaks too.
                let speaker = |a: &&AgentRef| {
                    (a.toks.end..(a.toks.end + 8).min(self.range.end))
                        .take_while(|&k| self.word(k) != "that")
                        .any(|k| self.is_speech_word(k))
                };
                if c.agents.is_empty() && !c.form.is_past() && !c.pronoun_subject {
                    c.agents = self
                        .agents_in(self.range.start..clause.start)
                        .rev()
                        .filter(usable)
                        .filter(|a| c.kind == EventKind::Statement || !speaker(a))
                        .find(|a| !weak(a))
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
        // A speech act's addressee may be the subject of its "that" clause
        // ("demanded that the US cancel").
        let end = if c.kind == EventKind::Statement {
            self.clause(&c.toks, true).end
        } else {
            clause.end
        };
        let window = c.toks.end..(c.toks.end + 10).min(end);
        c.target = self
            .agents_in(window.clone())
            .find(|a| c.agents.iter().all(|s| s.toks != a.toks))
            .and_then(|a| {
                let m = a
                    .actor
                    .as_deref()
                    .cloned()
                    .or_else(|| a.person.as_deref().and_then(person_target));
                m.map(|m| (m, a.span))
            });
        // A state named after a political act is its addressee even where it is
        // not an agent: "lodged a protest with Albania", "an Indian proposal";
        // the first named of state and agent is the addressee.
        if is_diplomatic(c.kind) || c.kind == EventKind::Protest {
            let state = self
                .places
                .iter()
                .filter(|p| p.toks.start >= window.start && p.toks.end <= window.end)
                .find(|p| {
                    (p.place.kind == PlaceKind::Country
                        || p.role == sitrep_model::PlaceRole::Metonym)
                        && !self.in_set(p.toks.start.wrapping_sub(1), LOCATIVE_ONLY)
                        && !(self.word(p.toks.start.wrapping_sub(1)) == "the"
                            && self.in_set(p.toks.start.wrapping_sub(2), LOCATIVE_ONLY))
                })
                .map(|p| {
                    (
                        state_actor(&p.place.country, &p.place.country_name, false),
                        p.span,
                    )
                });
            let agent_first = c
                .target
                .as_ref()
                .zip(state.as_ref())
                .is_some_and(|((_, a), (_, p))| a.start <= p.start);
            if !agent_first && state.is_some() {
                c.target = state;
            }
        }
    }

    /// "recaptured the village of Robotyne in Zaporizhzhia region": a
    /// settlement too small for the gazetteer is taken where the text puts
    /// it, a coarser place than its own but the right one.
    fn unnamed_settlement(&self, c: &mut Cand, clause: &Range<usize>) {
        let mut k = c.toks.end;
        if matches!(self.word(k), "the" | "a") {
            k += 1;
        }
        // "the mining town of", "the frontline village of".
        if !self.in_set(k, SETTLEMENTS) {
            k += 1;
        }
        if !self.in_set(k, SETTLEMENTS) || self.word(k + 1) != "of" {
            return;
        }
        let named_here = self.places.iter().any(|p| p.toks.start == k + 2);
        if !named_here {
            c.places = self.locative_places(c, clause);
        }
    }

    /// Places by the role the trigger gives them.
    fn find_places(&self, cands: &mut [Cand]) {
        // Where the object places of an earlier verb end: "took Pul-i-Khumri
        // on Tuesday and Kunduz falls" is not the fall of Pul-i-Khumri.
        let mut object_end: Option<usize> = None;
        for c in cands.iter_mut() {
            let def = &self.lex.defs[c.def];
            let clause = self.clause(&c.toks, false);
            let patient = def.voice != Voice::Agent || self.passive(c);
            let places = if is_territory(c.kind) || c.kind == EventKind::ControlClaim {
                if patient {
                    let holder = def.voice == Voice::Holder;
                    let places = object_end
                        .filter(|&end| end > clause.start && end <= c.toks.start)
                        .map(|end| self.subject_places(c, &(end..clause.end), holder))
                        .unwrap_or_default();
                    if places.is_empty() {
                        self.subject_places(c, &clause, holder)
                    } else {
                        places
                    }
                } else {
                    let places = self.object_places(c, &clause);
                    if c.form != Form::Noun {
                        object_end = places.last().map(|p| p.toks.end).or(object_end);
                    }
                    places
                }
            } else {
                let mut places = self.locative_places(c, &clause);
                // "American forces left Bagram Airfield", "helped people to
                // leave Afghanistan": what they leave.
                if places.is_empty()
                    && matches!(c.kind, EventKind::Withdrawal | EventKind::Evacuation)
                {
                    places = self.object_places(c, &clause);
                }
                places
            };
            c.places = places;
            if c.places.is_empty() && c.kind == EventKind::TerritoryTaken && !patient {
                self.facility_assault(c, &clause);
            }
            if c.places.is_empty() && is_territory(c.kind) && !patient {
                self.unnamed_settlement(c, &clause);
            }
            if c.places.is_empty() && is_territory(c.kind) {
                c.places = self.listed_places(&clause);
            }
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

    /// "stormed a police training school in Bamako": an assault on a
    /// building in a place is a clash there, not a change of hands of the
    /// place. "captured the headquarters ... in Lashio" takes the place.
    fn facility_assault(&self, c: &mut Cand, clause: &Range<usize>) {
        let assault = c
            .toks
            .clone()
            .any(|k| self.lex.cues.assault_verbs.contains(self.word(k)));
        let object = c.toks.end..(c.toks.end + 5).min(clause.end);
        let facility = object
            .take_while(|&k| !self.in_set(k, PREPOSITIONS) && self.word(k) != ",")
            .any(|k| self.lex.cues.facilities.contains(self.word(k)));
        if !facility {
            return;
        }
        let places = self.locative_places(c, clause);
        if !assault {
            // "took the governor's office and the police headquarters": the
            // town's seat of power, in the town the report is about.
            if places.is_empty() {
                if let Some(p) = self.antecedent(c.toks.start, false) {
                    c.places.push(p);
                    c.implicit_place = true;
                }
            } else {
                c.places = places;
            }
            return;
        }
        if places.is_empty() {
            return;
        }
        c.kind = EventKind::ArmedClash;
        c.plover = Some("FIGHT".to_string());
        c.mode = None;
        c.places = places;
    }

    /// "These cities fell:" followed by a bulleted list: the places the
    /// items name (not the provinces or countries that only locate them).
    fn listed_places(&self, clause: &Range<usize>) -> Vec<PlaceRef> {
        let pointer = clause
            .clone()
            .any(|k| matches!(self.word(k), "these" | "following" | "below"));
        let Some(colon) = (clause.start..self.range.end).find(|&k| self.word(k) == ":") else {
            return Vec::new();
        };
        let bullet = |k: usize| matches!(self.word(k), "*" | "-" | "\u{2022}");
        if !pointer || !bullet(colon + 1) {
            return Vec::new();
        }
        // The items: the rest of this sentence, then the sentences that open
        // with a bullet.
        let following = self.doc.sentences[self.sentence + 1..]
            .iter()
            .take_while(|r| bullet(r.start))
            .map(|r| r.end)
            .last()
            .unwrap_or(self.range.end);
        let mut out = Vec::new();
        let mut depth = 0usize;
        let mut item_start = colon + 1;
        for k in colon + 1..following {
            match self.word(k) {
                "(" => depth += 1,
                ")" => depth = depth.saturating_sub(1),
                w if bullet(k) || w == ";" => item_start = k + 1,
                _ => {}
            }
            let Some(p) = self.doc.places.iter().find(|p| p.toks.start == k) else {
                continue;
            };
            // An item may open with a place the gazetteer ranks as a
            // province ("Khost"); elsewhere provinces only locate.
            let local = !matches!(p.place.kind, PlaceKind::Country | PlaceKind::Admin1);
            if depth == 0
                && self.literal(p)
                && self.word(k.wrapping_sub(1)) != "of"
                && p.place.kind != PlaceKind::Country
                && (local || k == item_start)
            {
                out.push(p.clone());
            }
        }
        out
    }

    /// An event with no place of its own happened where the text was just
    /// speaking of: "forces withdrew from the city" after a sentence naming
    /// the city. A change of hands needs a word pointing back ("the city",
    /// "its outskirts"); violence and withdrawals take the last place named
    /// in this or the two sentences before. A bare nominal of violence with
    /// no place, no side and no date of its own ("the recent fighting",
    /// "more attacks") is background, not an event.
    fn implicit_places(&self, cands: &mut [Cand]) {
        for c in cands.iter_mut().filter(|c| c.alive && c.places.is_empty()) {
            let territory = is_territory(c.kind) || c.kind == EventKind::ControlClaim;
            if !(territory
                || is_violence(c.kind)
                || matches!(
                    c.kind,
                    EventKind::Withdrawal
                        | EventKind::Evacuation
                        | EventKind::Arrest
                        | EventKind::Protest
                ))
            {
                continue;
            }
            let clause = self.clause(&c.toks, false);
            // "during the recent fighting": a gerund after a determiner is a noun.
            let nominal = c.form == Form::Noun
                || c.form == Form::Ing
                    && (1..=2).any(|d| self.in_set(c.toks.start.wrapping_sub(d), DETERMINERS));
            if nominal && is_violence(c.kind) {
                let prev = c.toks.start.saturating_sub(2).max(clause.start)..c.toks.start;
                let background = prev
                    .clone()
                    .any(|k| self.lex.cues.background.contains(self.word(k)));
                let sides = !c.agents.is_empty() || c.target.is_some();
                let dated = self
                    .times
                    .iter()
                    .any(|t| t.toks.start >= clause.start && t.toks.end <= clause.end);
                if background || !(sides || dated) {
                    c.alive = false;
                    continue;
                }
            }
            if territory && !clause.clone().any(|k| self.anaphor(k)) {
                continue;
            }
            // "across the valley", "in the province": a region named before.
            let region = clause.clone().any(|k| {
                self.anaphor(k) && matches!(self.word(k), "valley" | "province" | "region")
            });
            let region_place = region
                .then(|| {
                    self.named_before(c.toks.start, |p| p.place.kind == PlaceKind::Admin1)
                        .cloned()
                })
                .flatten();
            // "carried out several air strikes this week": many acts over a
            // spell, with no place or anaphor, are the country's, not the
            // last town's.
            let anaphoric = clause.clone().any(|k| self.anaphor(k));
            let settlement = clause
                .clone()
                .any(|k| self.anaphor(k) && self.in_set(k, SETTLEMENTS));
            let spread = c.form == Form::Noun
                && !anaphoric
                && self.word(c.toks.end.wrapping_sub(1)).ends_with('s')
                && self.in_set(
                    c.toks.start.wrapping_sub(1),
                    &[
                        "several", "many", "dozens", "numerous", "repeated", "multiple",
                    ],
                );
            let country = spread
                .then_some(self.doc.focus.as_ref())
                .flatten()
                .map(|place| PlaceRef::implied(place, c.toks.clone(), self.doc.tok_span(&c.toks)));
            // "around the city" far from any name: the city of the dateline.
            let place = region_place
                .or(country)
                .or_else(|| self.antecedent(c.toks.start, settlement))
                .or_else(|| {
                    clause
                        .clone()
                        .any(|k| self.anaphor(k))
                        .then(|| self.dateline_city())
                        .flatten()
                        .cloned()
                });
            if let Some(p) = place {
                c.places.push(p);
                c.implicit_place = true;
            }
        }
    }

    /// Killing told as the toll of another violent event ("killed in an air
    /// strike", "killed when fighters attacked") is that event's toll, not an
    /// attack of its own; a death with no one who killed and no place ("the
    /// target was killed") is the toll of an event told elsewhere. Fighting
    /// aimed at civilians is an attack on civilians.
    fn casualties(&self, cands: &mut [Cand]) {
        // "a car bomb and gun attack", "heavy gunfire and explosions": one
        // complex attack, coded by the weapon named first.
        let ground = |k: EventKind| matches!(k, EventKind::Explosion | EventKind::ArmedClash);
        let firsts: Vec<(usize, EventKind)> = cands
            .iter()
            .filter(|a| a.alive && ground(a.kind) && a.form == Form::Noun)
            .map(|a| (a.toks.end, a.kind))
            .collect();
        for b in cands
            .iter_mut()
            .filter(|b| b.alive && ground(b.kind) && matches!(b.form, Form::Noun | Form::Base))
        {
            if firsts.iter().any(|&(end, kind)| {
                kind != b.kind
                    && b.toks.start > end
                    && b.toks.start - end <= 2
                    && self.word(end) == "and"
            }) {
                b.alive = false;
            }
        }
        let killing = |c: &Cand| c.kind == EventKind::AttackOnCivilians && c.form != Form::Noun;
        let other_violence = cands
            .iter()
            .any(|c| c.alive && is_violence(c.kind) && !killing(c));
        for c in cands.iter_mut().filter(|c| c.alive) {
            if killing(c) {
                let passive = self.passive(c);
                if other_violence || (passive && c.agents.is_empty() && c.places.is_empty()) {
                    c.alive = false;
                    c.echo = true;
                }
            } else if c.kind == EventKind::ArmedClash && c.agents.len() > 1 {
                // "Taliban fighters and Afghan forces battled": one fight, the
                // second side its target.
                if c.target.is_none() {
                    let other = c.agents.remove(1);
                    c.target = other.actor.as_deref().cloned().map(|a| (a, other.span));
                }
                c.agents.truncate(1);
            }
            // "Warplanes hit ...", "a drone struck ...", "warplanes from the
            // United States hit ...": from the air.
            let subject = self.clause(&c.toks, false).start..c.toks.start;
            if c.kind == EventKind::Explosion
                && (c.agents.iter().any(|a| {
                    a.toks
                        .clone()
                        .any(|k| self.lex.cues.air_agents.contains(self.word(k)))
                }) || (c.form != Form::Noun
                    && subject
                        .clone()
                        .any(|k| self.lex.cues.air_agents.contains(self.word(k)))))
            {
                c.kind = EventKind::AirStrike;
            }
            let gathering = is_violence(c.kind) && self.at_gathering(&c.toks);
            if gathering && c.target.as_ref().is_some_and(|(t, _)| crate::armed(t)) {
                // "Three killed as Taliban fire on a protest": the armed side
                // named is who fired, not who was hit.
                c.target = None;
            }
            if c.kind == EventKind::ArmedClash
                && (gathering
                    || c.target
                        .as_ref()
                        .is_some_and(|(t, _)| t.kind == ActorKind::Civilians))
            {
                c.kind = EventKind::AttackOnCivilians;
            }
            // Nobody protests against themselves: "a protest against the
            // Taliban" names its target, and its protesters are not the Taliban.
            // Fighters who "break up a protest" are not its protesters either.
            if c.kind == EventKind::Protest {
                c.agents
                    .retain(|a| a.actor.as_deref().is_none_or(|x| !crate::armed(x)));
                if let Some((t, _)) = &c.target {
                    c.agents.retain(|a| {
                        a.actor
                            .as_deref()
                            .is_none_or(|x| !crate::merge::same_side(x, t))
                    });
                }
            }
            // No side fights itself: a target of the agent's own side was
            // misread ("Taliban fire on flag protest").
            if is_violence(c.kind)
                && c.target.as_ref().is_some_and(|(t, _)| {
                    c.agents.iter().any(|a| {
                        a.actor
                            .as_deref()
                            .is_some_and(|x| crate::merge::same_side(x, t))
                    })
                })
            {
                c.target = None;
            }
            // Shooting armed men ("shot dead two gunmen") is a fight, not an
            // attack on civilians; killing an official still is one.
            if c.kind == EventKind::AttackOnCivilians
                && c.target.as_ref().is_some_and(|(t, _)| {
                    matches!(
                        t.kind,
                        ActorKind::StateForces
                            | ActorKind::RebelGroup
                            | ActorKind::Militia
                            | ActorKind::Terrorist
                    )
                })
            {
                c.kind = EventKind::ArmedClash;
                c.plover = self.lex.defs[c.def].plover.clone();
            }
        }
    }

    /// True when fire near the trigger was opened on or at a gathering of
    /// unarmed people: "fire on flag protest", "killed at a rally when
    /// fighters opened fire".
    fn at_gathering(&self, toks: &Range<usize>) -> bool {
        let around =
            toks.start.saturating_sub(10).max(self.range.start)..(toks.end + 8).min(self.range.end);
        around.clone().any(|k| {
            self.lex.cues.gatherings.contains(self.word(k))
                && (k.saturating_sub(3).max(around.start)..k)
                    .any(|j| self.in_set(j, &["on", "at", "into", "upon"]))
        })
    }

    /// True when token `k` points back to a place: "the city", "its
    /// outskirts", "there" (but not "the city of Kunduz").
    fn anaphor(&self, k: usize) -> bool {
        // Looked for at every word of a clause: the word's flag, not a lookup.
        if !self.doc.place_anaphor(k) {
            return false;
        }
        let determiner =
            |j: usize| matches!(self.word(j), "the" | "its" | "their" | "this" | "that");
        // "the whole city", "the besieged town": a describing word between.
        let described =
            |j: usize| self.in_set(j, ANAPHOR_ADJECTIVES) && determiner(j.wrapping_sub(1));
        self.word(k) == "there"
            || ((determiner(k.wrapping_sub(1)) || described(k.wrapping_sub(1)))
                && self.word(k + 1) != "of")
    }

    /// The place an implicit reference points to: the place of the last
    /// event of the two sentences before, else the last local place named
    /// there or earlier in this sentence, leaving out datelines and
    /// reference points ("150 km south-west of Kabul", "the road to Kabul").
    ///
    /// A `settlement` word ("the town", "the city") points to a town, not to
    /// a site or a region named since ("capital of the Kokang region").
    fn antecedent(&self, before: usize, settlement: bool) -> Option<PlaceRef> {
        let local = |p: &PlaceRef| match p.place.kind {
            PlaceKind::Country | PlaceKind::Admin1 => false,
            PlaceKind::Other => !settlement,
            PlaceKind::City | PlaceKind::Admin2 => true,
        };
        if let Some((_, p)) = self
            .last_place
            .filter(|(s, p)| s + 2 >= self.sentence && local(p))
        {
            return Some(p.clone());
        }
        // "the town" further on in a report still means its town.
        let earlier_town = || {
            settlement
                .then(|| self.named_since(0, before, |p| p.place.kind == PlaceKind::City))
                .flatten()
        };
        self.named_before(before, local)
            .or_else(|| self.named_before(before, |p| p.place.kind == PlaceKind::Admin1))
            .or_else(earlier_town)
            .cloned()
    }

    /// The last literal place named in this or the two sentences before,
    /// before token `before`, that `fits`.
    fn named_before(&self, before: usize, fits: impl Fn(&PlaceRef) -> bool) -> Option<&PlaceRef> {
        let window_start = self.doc.sentences[self.sentence.saturating_sub(2)].start;
        self.named_since(window_start, before, fits)
    }

    /// The last literal place that `fits`, named between tokens `from` and
    /// `before`.
    fn named_since(
        &self,
        from: usize,
        before: usize,
        fits: impl Fn(&PlaceRef) -> bool,
    ) -> Option<&PlaceRef> {
        self.doc.places.iter().rfind(|p| {
            p.toks.start >= from
                && p.toks.end <= before
                && p.role == sitrep_model::PlaceRole::Literal
                && !self.reference_point(p)
                && fits(p)
        })
    }

    /// A place named only to locate something else or to date a report.
    fn reference_point(&self, p: &PlaceRef) -> bool {
        let k = p.toks.start;
        let prev = self.word(k.wrapping_sub(1));
        let prev2 = self.word(k.wrapping_sub(2));
        let compass = |w: &str| {
            ["north", "south", "east", "west"]
                .iter()
                .any(|d| w.starts_with(d) || w.ends_with(d))
        };
        let in_dateline = self
            .doc
            .sentences
            .iter()
            .find(|r| r.start <= k && k < r.end)
            .is_some_and(|r| self.dateline_end(r).is_some_and(|d| p.toks.end <= d));
        in_dateline
            // "150 km south-west of Kabul" (but "in the south of Kabul" is in it).
            || (prev == "of" && compass(prev2) && self.word(k.wrapping_sub(3)) != "the")
            || (matches!(prev, "to" | "towards" | "toward")
                && matches!(prev2, "road" | "highway" | "route" | "way"))
            || matches!(prev, "from")
                && matches!(prev2, "km" | "kilometres" | "kilometers" | "miles")
    }

    /// "Kabul's airport", "Kabul's Hamid Karzai International Airport": a
    /// possessive place that locates the site named after it.
    fn site_owner(&self, p: &PlaceRef) -> bool {
        p.role == sitrep_model::PlaceRole::Literal
            && self.word(p.toks.end - 1).ends_with("'s")
            && (p.toks.end..p.toks.end + 5)
                .any(|k| matches!(self.word(k), "airport" | "airfield" | "base" | "outskirts"))
    }

    fn literal(&self, p: &PlaceRef) -> bool {
        p.role == sitrep_model::PlaceRole::Literal && !self.word(p.toks.end - 1).ends_with("'s")
    }

    /// True when `p` only locates `prev` ("Lashkar Gah, Helmand Province").
    fn container_of(p: &PlaceRef, prev: &PlaceRef) -> bool {
        match p.place.kind {
            PlaceKind::Country => p.place.country == prev.place.country,
            PlaceKind::Admin1 => {
                prev.place.admin1.as_deref() == Some(&*p.place.name)
                    || prev.place.admin1_code == p.place.admin1_code
                        && p.place.admin1_code.is_some()
            }
            _ => false,
        }
    }

    /// The object list: "occupied Kandahar, Herat and Rashkarga".
    fn object_places(&self, c: &Cand, clause: &Range<usize>) -> Vec<PlaceRef> {
        let candidates: Vec<&PlaceRef> = self
            .places
            .iter()
            .filter(|p| {
                p.toks.start >= c.toks.end
                    && p.toks.end <= clause.end
                    && (self.literal(p) || self.site_owner(p))
            })
            .collect();
        // "handing it to the Taliban": "it" is the place named before.
        if self.word(c.toks.end) == "it" {
            let before = || {
                self.places
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
            return self.relative_antecedent(c, clause);
        };
        let gap = c.toks.end..first.toks.start;
        // A claim of control reaches over a longer noun phrase ("held a small
        // part of the south-western outskirts of Bakhmut").
        let claim = c.kind == EventKind::ControlClaim;
        let longest = if claim { 10 } else { 6 };
        // The object follows its verb without a preposition or a comma
        // ("surrendered, giving Moscow control" has no object place).
        if gap.len() > longest
            || gap.clone().any(|k| {
                (self.in_set(k, PREPOSITIONS) && self.word(k) != "of") || self.word(k) == ","
            })
        {
            return self.relative_antecedent(c, clause);
        }
        // "took most of the villages" is a summary; "all of Mariupol" is the
        // whole place, and a claim over part of a place is still a claim.
        let whole = gap.len() >= 2
            && self.word(first.toks.start - 2) == "all"
            && self.word(first.toks.start - 1) == "of";
        if !claim && !whole && self.find_cue(gap, &self.lex.cues.aggregate).is_some() {
            return Vec::new();
        }
        // "the Gaza side of the Rafah crossing": the side is a part of the
        // place named after it, and that place is the object.
        let side_of = |p: &PlaceRef, next: &PlaceRef| {
            self.word(p.toks.end) == "side"
                && self.word(p.toks.end + 1) == "of"
                && next.toks.start <= p.toks.end + 3
        };
        match candidates.get(1) {
            Some(next) if side_of(first, next) => self.extend_list(next, &candidates[2..]),
            _ => self.extend_list(first, &candidates[1..]),
        }
    }

    /// The object of a verb in a relative clause is its antecedent: "the
    /// market of Spin Boldak in Kandahar province, which the insurgents seized
    /// on Wednesday". The most local place of the few words before "which".
    fn relative_antecedent(&self, c: &Cand, clause: &Range<usize>) -> Vec<PlaceRef> {
        let rel = (clause.start.saturating_sub(1)..c.toks.start)
            .find(|&k| matches!(self.word(k), "which" | "that"));
        let Some(rel) = rel else {
            return Vec::new();
        };
        // Only a subject stands between the pronoun and the verb.
        if (rel + 1..c.toks.start).any(|k| self.in_set(k, PREPOSITIONS) || self.word(k) == ",") {
            return Vec::new();
        }
        self.antecedent_of(rel).cloned().into_iter().collect()
    }

    /// The place a relative word at token `rel` ("which", "where") stands
    /// for: the most local literal place of the few words before it.
    fn antecedent_of(&self, rel: usize) -> Option<&PlaceRef> {
        let near = |p: &&PlaceRef| p.toks.end <= rel && p.toks.end + 8 >= rel;
        let local = |p: &&PlaceRef| !matches!(p.place.kind, PlaceKind::Country | PlaceKind::Admin1);
        let before = || self.places.iter().filter(near);
        before()
            .find(local)
            .or_else(|| before().next_back())
            .filter(|p| self.literal(p))
    }

    fn extend_list(&self, first: &PlaceRef, rest: &[&PlaceRef]) -> Vec<PlaceRef> {
        let mut out = vec![first.clone()];
        let mut last_end = first.toks.end;
        for p in rest {
            // A name the gazetteer lacks may stand in the list ("Deh Salah,
            // Pul-e Hesar and Banu"): it is skipped, the list goes on.
            // The gap is separators, or separators, a name, separators.
            let gap = last_end..p.toks.start;
            let sep = |k: usize| self.in_set(k, LIST_GAP);
            let name = |k: usize| self.doc.capitalised(k) || self.word(k) == "-";
            let first_name = gap.clone().find(|&k| !sep(k));
            let last_name = gap.clone().rev().find(|&k| !sep(k));
            let ok = match (first_name, last_name) {
                (None, _) | (_, None) => true,
                (Some(a), Some(b)) => a > gap.start && b + 1 < gap.end && (a..=b).all(name),
            };
            if !ok {
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
            .places
            .iter()
            .filter(|p| {
                p.toks.start >= start
                    && p.toks.end <= c.toks.start
                    && self.literal(p)
                    && !self.reference_point(p)
            })
            .collect();
        // "With the loss of Jalalabad, Kabul is the only city ...": a fronted
        // adverbial phrase is not the subject.
        let fronted_end = self
            .in_set(start, PREPOSITIONS)
            .then(|| (start..c.toks.start).find(|&i| self.word(i) == ","))
            .flatten();
        let before: Vec<&PlaceRef> = match fronted_end {
            Some(comma) if before.iter().any(|p| p.toks.start > comma) => before
                .into_iter()
                .filter(|p| p.toks.start > comma)
                .collect(),
            _ => before,
        };
        if all {
            return before
                .into_iter()
                .filter(|p| p.place.kind != PlaceKind::Country)
                .cloned()
                .collect();
        }
        // "The base, about 60 km north of Kabul in Parwan province, was
        // handed over": the subject is the place the anaphor points back
        // to; the apposition only locates it.
        let k = clause.start;
        let anaphoric_subject = self.word(k) == "the"
            && self.anaphor(k + 1)
            && self.word(k + 2) == ","
            && before.first().is_none_or(|p| p.toks.start > k + 2);
        if anaphoric_subject {
            if let Some(p) = self.named_before(k, |p| {
                !matches!(p.place.kind, PlaceKind::Country | PlaceKind::Admin1)
            }) {
                return vec![p.clone()];
            }
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
    /// preposition, after the trigger first, then before it, with the list
    /// that follows it ("fighting around Lashkar Gah, Kandahar and Herat").
    /// Forces withdraw from a place, not to where they go.
    fn locative_places(&self, c: &Cand, clause: &Range<usize>) -> Vec<PlaceRef> {
        let leaving = c.kind == EventKind::Withdrawal;
        let prep_ok = |k: usize| {
            (self.in_set(k, LOCATIVE_ONLY) || self.in_set(k, LOCATIVE_DIRECTED))
                && !(leaving && matches!(self.word(k), "to" | "towards" | "toward" | "into"))
        };
        // "shelled Kharkiv", "hit Kandahar airport": the struck place is
        // where the violence happened.
        let struck = |p: &PlaceRef| {
            is_violence(c.kind)
                && c.form != Form::Noun
                && (p.toks.start == c.toks.end
                    || p.toks.start == c.toks.end + 1 && self.word(c.toks.end) == "the")
        };
        let locative = |p: &&PlaceRef| {
            // "in Kabul", "in the Kharkiv region", "in eastern Nangarhar", "in
            // the southern city of Kandahar"; "Kabul's airport" still locates
            // the event in Kabul.
            let mut k = p.toks.start.wrapping_sub(1);
            if self.word(k) == "of" && PLACE_NOUNS.contains(&self.word(k.wrapping_sub(1))) {
                k = k.wrapping_sub(2);
            }
            for _ in 0..2 {
                let w = self.word(k);
                if w == "the" || REGION_ADJECTIVES.iter().any(|a| w.ends_with(a)) {
                    k = k.wrapping_sub(1);
                }
            }
            p.role == sitrep_model::PlaceRole::Literal && (prep_ok(k) || struck(p))
        };
        // "fled towards the border at Hairatan": where forces run to is not
        // where they left from. (An evacuation "to Kabul airport" does take
        // place there.)
        let leaving = c.kind == EventKind::Withdrawal;
        let destination = |p: &PlaceRef| {
            leaving
                && (c.toks.end..p.toks.start)
                    .any(|k| self.in_set(k, &["to", "towards", "toward", "into"]))
        };
        let after = self
            .places
            .iter()
            .filter(|p| p.toks.start >= c.toks.end && p.toks.end <= clause.end)
            .filter(|p| !destination(p))
            .find(locative);
        let pick = after.or_else(|| {
            self.places
                .iter()
                .filter(|p| p.toks.start >= clause.start && p.toks.end <= c.toks.start)
                .rfind(locative)
                // "In Washington, Biden said ...": the place of the speech.
                .filter(|p| !(p.toks.end..c.toks.start).any(|k| self.is_speech_word(k)))
        });
        // "travelled to Mazar-i-Sharif, ..., where he met": the place "where"
        // stands for.
        let pick = pick.or_else(|| {
            let k = (clause.start.saturating_sub(1)..c.toks.start)
                .find(|&k| self.word(k) == "where")?;
            self.antecedent_of(k)
        });
        let Some(first) = pick else {
            return Vec::new();
        };
        let rest: Vec<&PlaceRef> = self
            .places
            .iter()
            .filter(|p| {
                p.toks.start >= first.toks.end && p.toks.end <= clause.end.max(first.toks.end)
            })
            .filter(|p| self.literal(p))
            .collect();
        self.extend_list(first, &rest)
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

    /// "the strike had hit a vehicle", "the shelling struck a school": a
    /// verb of violence whose subject is a noun of violence tells what that
    /// event did; it is that event, with the verb's object and place.
    fn acts_of_named_events(&self, cands: &mut [Cand]) {
        for i in 0..cands.len() {
            let verb = &cands[i];
            if !verb.alive
                || !is_violence(verb.kind)
                || matches!(verb.form, Form::Noun | Form::Phrase)
            {
                continue;
            }
            let clause = self.clause(&verb.toks, false);
            // The noun ends right before the verb, auxiliaries aside.
            let subject = cands.iter().position(|n| {
                n.alive
                    && n.form == Form::Noun
                    && is_violence(n.kind)
                    && n.toks.start >= clause.start
                    && n.toks.end <= verb.toks.start
                    && (n.toks.end..verb.toks.start).all(|k| {
                        self.in_set(k, &["had", "has", "have", "reportedly", "also", "then"])
                    })
            });
            let Some(j) = subject else { continue };
            cands[j].alive = false;
            let n = cands[j].clone();
            let verb = &mut cands[i];
            verb.kind = n.kind;
            verb.plover = n.plover;
            verb.mode = n.mode;
            if verb.agents.is_empty() {
                verb.agents = n.agents;
            }
        }
    }

    /// "have captured 14 of the 34 provincial capitals", "took 65% of the
    /// country", "liberated 2,000 square km": a capture counted as a share,
    /// an area or a part of a whole is a tally of what a side holds, a
    /// control claim, not one change of hands. "seized three more provincial
    /// capitals" counts the captures it goes on to list.
    fn tallies(&self, cands: &mut [Cand]) {
        let units = &self.lex.quantities.units;
        for c in cands.iter_mut().filter(|c| {
            c.alive
                && matches!(
                    c.kind,
                    EventKind::TerritoryTaken | EventKind::TerritoryRegained
                )
        }) {
            let tally = c.quantities.iter().any(|q| match q.counts {
                Counts::Unit(u) if units[u].territorial => {
                    units[u].share || q.of.is_some() || units[u].area
                }
                _ => false,
            });
            if tally {
                c.kind = EventKind::ControlClaim;
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
            // "declared a ceasefire, saying it would let farmers plant": the
            // participle says why the main act was done; it is that act's.
            // A phrase fronting the sentence only sets the scene: "At the G7
            // summit in Hiroshima, Zelensky gave an answer, saying ...".
            let setting = self.fronted_phrase_end();
            if speech == Speech::Assert
                && c.form == Form::Ing
                && self.word(c.toks.start.wrapping_sub(1)) == ","
                && cands[..i]
                    .iter()
                    .any(|o| o.alive && setting.is_none_or(|end| o.toks.start > end))
            {
                cands[i].alive = false;
                continue;
            }
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
            // Post-posed speaker: "..., said the minister", "..., warned the
            // minister"; only when the report is fronted. Otherwise the agent
            // after the verb is the addressee or the subject of what was said
            // ("Aides say Ghani flew out").
            // "Aides say Ghani flew out": the name after the verb is the
            // subject of what was said, not a speaker.
            let fronted = matches!(self.word(c.toks.start.wrapping_sub(1)), "," | "\"" | "'");
            if cands[i].agents.is_empty() && fronted {
                let after = c.toks.end..(c.toks.end + 4).min(self.range.end);
                if let Some(a) = self.agents_in(after).next() {
                    cands[i].agents = vec![a.clone()];
                    if cands[i].target.as_ref().is_some_and(|(_, s)| *s == a.span) {
                        cands[i].target = None;
                    }
                }
            }
            let c = &cands[i];
            // "Aides say Ghani flew out", "some reports say he went": the
            // subject right before the verb is an unnamed source, whoever the
            // rules found around it.
            let unnamed_subject =
                speech == Speech::Assert && self.source_word(c.toks.start.wrapping_sub(1));
            if c.agents.is_empty()
                || unnamed_subject
                || c.agents.iter().any(|a| self.commentator(a))
                || speech == Speech::Assert && c.agents.iter().all(|a| self.informant(a))
                // "Officials blamed the Taliban": an unnamed source's charge is
                // news attribution too; "Palestinians rejected the plan" is a
                // people speaking.
                || speech != Speech::Act
                    && c.agents.iter().all(|a| {
                        self.informant(a) && self.source_word(a.toks.end.wrapping_sub(1))
                    })
            {
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
            let mut content_real = false;
            let mut absorbed: Option<String> = None;
            let mut carried: Vec<usize> = Vec::new();
            for (j, other) in cands.iter_mut().enumerate() {
                if j == i || !other.alive {
                    // "said Menapal was killed": the speech reports an event.
                    content_real |=
                        speech == Speech::Assert && other.echo && other.toks.start > own_end;
                    continue;
                }
                // The scene set before the speaker is not what was said.
                if setting.is_some_and(|end| other.toks.end <= end && end < trigger_start) {
                    continue;
                }
                // "X said it would boycott ...": the pronoun is the speaker.
                if other.pronoun_subject && other.agents.is_empty() && other.toks.start > own_end {
                    other.agents = speaker.clone();
                }
                let other_speech = self.lex.defs[other.def].speech;
                if other_speech.is_some() && other.kind == EventKind::Statement {
                    // "demanded that its partners refuse ...": a verbal act
                    // that is demanded has not been made.
                    if speech == Speech::Direct
                        && other_speech != Some(Speech::Assert)
                        && other.toks.start > trigger_start
                    {
                        other.hypothetical = true;
                        other.intended = false;
                    }
                    // "Russia has threatened ..., the Post reported": the
                    // report only carries the threat.
                    content_real |= speech == Speech::Assert
                        && other.plover.is_some()
                        && !other.hypothetical
                        && !other.agents.is_empty()
                        && other
                            .agents
                            .iter()
                            .all(|a| speaker.iter().all(|s| s.span != a.span));
                    continue;
                }
                match speech {
                    // What is demanded, warned of or rejected has not happened.
                    // The speech act already codes the intention it states
                    // ("vowed to fight").
                    Speech::Direct if other.toks.start > trigger_start => {
                        other.hypothetical = true;
                        other.intended = false;
                        // "urged both sides towards a settlement and a
                        // ceasefire": the demand is the act; what it asks
                        // for is its content, not a diplomatic event.
                        if is_diplomatic(other.kind) {
                            other.alive = false;
                        }
                    }
                    Speech::Deny if other.toks.start > trigger_start => other.negated = true,
                    Speech::Assert => {
                        other.reported = true;
                        other.reporter = speaker.iter().find_map(|a| {
                            a.actor
                                .as_ref()
                                .map(|m| m.id.clone())
                                .or_else(|| a.person.as_ref().and_then(|p| p.affiliation.clone()))
                        });
                        let own_actor = !other.agents.is_empty()
                            && other
                                .agents
                                .iter()
                                .all(|a| speaker.iter().all(|s| s.span != a.span));
                        // "said it would continue its fight": the speaker's own
                        // plan is what the statement says, not news of its own.
                        // A decided deployment or withdrawal ("said it would send
                        // 3,000 troops") is news of its own; violence to come is a threat.
                        let own_plan = other.future && !own_actor && is_violence(other.kind);
                        // "announced a unilateral truce": the act announced is
                        // the speaker's own, and it is the news.
                        let announced = other.form == Form::Noun
                            && other.toks.start > own_end
                            && other.toks.start <= own_end + 3
                            && matches!(
                                other.kind,
                                EventKind::Ceasefire | EventKind::Agreement | EventKind::Deployment
                            );
                        // "said his country had not taken part in the
                        // fighting": what goes for want of a place does not
                        // make the statement a mere confirmation.
                        let real = !other.hypothetical
                            && !own_plan
                            && !unplaced(other)
                            && (!is_diplomatic(other.kind) || own_actor || announced);
                        if real {
                            content_real = true;
                        } else if is_diplomatic(other.kind) && !other.negated {
                            // "X said the participants had agreed": X's statement carries
                            // the agreement's code; a verb says it better than a noun.
                            if absorbed.is_none() || other.form != Form::Noun {
                                absorbed = other.plover.clone().or(absorbed);
                            }
                            carried.push(j);
                        }
                    }
                    _ => {}
                }
            }
            if speech == Speech::Assert {
                // A statement that only confirms what it reports is not news of
                // its own, whoever it was told to.
                // What it carries stays an event of its own when it goes.
                if content_real {
                    cands[i].alive = false;
                } else {
                    for &j in &carried {
                        cands[j].alive = false;
                    }
                    // A demand read in the content ("must") outranks what it names.
                    if absorbed.is_some() && cands[i].plover.is_none() {
                        cands[i].plover = absorbed;
                    }
                }
            }
        }
    }

    /// Where something was said: a place fronting the sentence ("In
    /// Washington, Biden said ... and urged ..."), else the dateline's place
    /// in the speaker's country ("KABUL/WASHINGTON, Aug 16 -" for the White
    /// House). Places in what was said are not where it was said.
    fn speech_places(&self, cands: &mut [Cand]) {
        // "In Washington, ...", "At the G7 summit in Hiroshima on Sunday, ...".
        let fronted = || {
            let end = self.fronted_phrase_end()?;
            self.places.iter().find(|p| {
                p.toks.end <= end
                    && self.literal(p)
                    && matches!(self.word(p.toks.start.wrapping_sub(1)), "in" | "at")
            })
        };
        for c in cands
            .iter_mut()
            .filter(|c| c.alive && c.kind == EventKind::Statement && c.places.is_empty())
        {
            if let Some(p) = fronted() {
                c.places.push(p.clone());
                continue;
            }
            let country = c.agents.iter().find_map(|a| {
                a.actor
                    .as_ref()
                    .and_then(|x| x.country.as_deref())
                    .or_else(|| a.person.as_ref().and_then(|p| p.country.as_deref()))
            });
            let Some(country) = country else { continue };
            if let Some(p) = self.dateline_place(country) {
                c.places.push(p.clone());
                continue;
            }
            if let Some(p) = self.venue() {
                c.places.push(p.clone());
                continue;
            }
            // A government that speaks with nowhere named speaks from its
            // seat: Biden's words are Washington's.
            let government = c.agents.iter().find(|a| {
                a.actor
                    .as_ref()
                    .is_some_and(|x| x.kind == ActorKind::Government)
                    || a.person.as_ref().is_some_and(|p| {
                        p.affiliation
                            .as_deref()
                            .is_some_and(|x| x.ends_with(".government"))
                    })
            });
            let capital = self.doc.capitals.iter().find(|p| &*p.country == country);
            if let (Some(a), Some(place)) = (government, capital) {
                c.places
                    .push(PlaceRef::implied(place, a.toks.clone(), a.span));
            }
        }
    }

    /// Where a phrase fronting the sentence ends (its comma): "At the G7
    /// summit in Hiroshima on Sunday, ...". Only "in" and "at" phrases of a
    /// few words; "After weeks of fighting, ..." is no setting.
    fn fronted_phrase_end(&self) -> Option<usize> {
        let k = self.range.start;
        if !self.in_set(k, &["in", "at"]) {
            return None;
        }
        (k + 1..(k + 10).min(self.range.end)).find(|&i| self.word(i) == ",")
    }

    /// The first place named as where words were said, up to this sentence:
    /// "a news conference in Kabul", "told reporters at Bagram".
    fn venue(&self) -> Option<&PlaceRef> {
        self.doc.places.iter().find(|p| {
            let k = p.toks.start;
            k < self.range.end
                && self.literal(p)
                && matches!(self.word(k.wrapping_sub(1)), "in" | "at")
                && (2..=3).any(|d| k >= d && self.lex.cues.venues.contains(self.word(k - d)))
        })
    }

    /// The places of the article's datelines (in its first sentences).
    fn dateline_places(&self) -> impl Iterator<Item = &PlaceRef> + '_ {
        let doc = self.doc;
        doc.sentences
            .iter()
            .take(3)
            .filter_map(|r| Some((r.start, self.dateline_end(r)?)))
            .flat_map(move |(start, end)| {
                doc.places
                    .iter()
                    .filter(move |p| p.toks.start >= start && p.toks.end <= end)
            })
    }

    /// The town or city of the article's dateline, if it has one.
    fn dateline_city(&self) -> Option<&PlaceRef> {
        self.dateline_places()
            .find(|p| p.place.kind == PlaceKind::City)
    }

    /// The place of the article's dateline (in its first sentences) that lies
    /// in `country`.
    fn dateline_place(&self, country: &str) -> Option<&PlaceRef> {
        self.dateline_places()
            .find(|p| *p.place.country == *country && p.place.kind != PlaceKind::Country)
    }

    /// "Russia said Sudan must return the helicopter": a statement whose
    /// content obliges someone is a demand on them (PLOVER REQUEST).
    fn obligations(&self, cands: &mut [Cand]) {
        let cues = &self.lex.intent.obligation;
        let mut obliged_from = usize::MAX;
        for c in cands.iter_mut() {
            if !c.alive || self.lex.defs[c.def].speech != Some(Speech::Assert) {
                continue;
            }
            let after = c.toks.end..self.range.end;
            let before = self.range.start..c.toks.start;
            let Some((at, from)) = [after, before].into_iter().find_map(|r| {
                let start = r.start;
                self.find_cue(r, cues).map(|(at, _)| (at, start))
            }) else {
                continue;
            };
            c.plover = Some("REQUEST".to_string());
            obliged_from = obliged_from.min(at);
            // The obliged: the subject just before the obligation word.
            let obliged = self
                .agents_in(from..at)
                .rev()
                .find(|a| c.agents.iter().all(|s| s.span != a.span));
            if let Some(a) = obliged {
                let m = a
                    .actor
                    .as_deref()
                    .cloned()
                    .or_else(|| a.person.as_deref().and_then(person_target));
                if let Some(m) = m {
                    c.target = Some((m, a.span));
                }
            }
        }
        // What someone must do has not been done.
        for c in cands.iter_mut() {
            if c.toks.start > obliged_from && self.lex.defs[c.def].speech != Some(Speech::Assert) {
                c.hypothetical = true;
            }
        }
    }

    /// True when token `k` is a word for an unnamed source ("officials",
    /// "aides", "reports").
    fn source_word(&self, k: usize) -> bool {
        self.lex.cues.informants.contains(self.word(k))
    }

    /// An unnamed source of news ("officials", "residents", "a US
    /// official"), not a side speaking for itself.
    fn informant(&self, a: &AgentRef) -> bool {
        if a.person.is_some() {
            return false;
        }
        // "a US official", "two senior officials": a named side's anonymous
        // source passes news on; it does not speak for the side.
        let unnamed = ["a", "an", "one", "two", "three", "several", "some"];
        let det = a.toks.start.wrapping_sub(1);
        if (self.in_set(a.toks.start, &unnamed) || self.in_set(det, &unnamed))
            && self.source_word(a.toks.end.wrapping_sub(1))
        {
            return true;
        }
        // "Russian state media reported": the outlet named by the adjective
        // passes news on; it is not the state speaking.
        if self.lex.cues.informants.contains(self.word(a.toks.end))
            || self.word(a.toks.end) == "state"
                && self.lex.cues.informants.contains(self.word(a.toks.end + 1))
        {
            return true;
        }
        a.actor.as_ref().is_some_and(|m| {
            let side =
                m.id.strip_prefix("generic:")
                    .and_then(|r| r.split(':').next());
            side.is_some_and(|s| self.lex.cues.informants.contains(&s.replace('_', " ")))
        })
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
            .times
            .iter()
            .filter(|t| t.toks.start >= self.range.start && t.toks.end <= self.range.end)
            .filter(|t| !self.dateline(t))
        {
            // A nearer date wins: "said on Monday that ten were killed in a
            // strike on Sunday" dates the strike Sunday.
            if let Some(best) = cands
                .iter_mut()
                .filter(|c| c.alive)
                .min_by_key(|c| words_between(&t.toks, &c.toks))
            {
                let d = words_between(&t.toks, &best.toks);
                if best
                    .time
                    .as_ref()
                    .is_none_or(|old| d < words_between(&old.toks, &best.toks))
                {
                    let mut t = t.clone();
                    // "said on Sunday that the base had fallen": the day it was
                    // said; what it reports happened by then.
                    // ("said in a statement on Tuesday that ...").
                    let of_speech = t.toks.end <= best.toks.start
                        && (t.toks.start.saturating_sub(5).max(self.range.start)..t.toks.start)
                            .any(|k| self.is_speech_word(k));
                    if of_speech
                        && t.range.relation == TimeRelation::Within
                        && t.range.start == t.range.end
                    {
                        t.range = t.range.with_relation(TimeRelation::By);
                    }
                    best.time = Some(t);
                }
            }
        }
    }

    /// True for the date of a dateline ("KABUL, Aug 13 - "): the day of the
    /// report, not of what it reports.
    fn dateline(&self, t: &TimeRef) -> bool {
        self.dateline_end(&self.range)
            .is_some_and(|d| t.toks.end <= d)
    }

    /// Where the dateline of a sentence ends (its dash), when it opens with
    /// one: a place in capitals, maybe a country, a date, then a dash.
    fn dateline_end(&self, r: &Range<usize>) -> Option<usize> {
        let first = self.doc.tok_span(&(r.start..r.start + 1));
        let head = first.slice(self.doc.text);
        if head.chars().count() < 2 || head.chars().any(char::is_lowercase) {
            return None;
        }
        let dash = |w: &str| matches!(w, "-" | "\u{2013}" | "\u{2014}");
        // "KABUL, Aug 13 -": the place is followed by a comma (a headline in
        // capitals is not a dateline).
        if !(r.start + 1..r.end.min(r.start + 4)).any(|k| self.word(k) == ",") {
            return None;
        }
        (r.start..r.end.min(r.start + 10))
            .take_while(|&k| {
                let w = self.word(k);
                dash(w)
                    || matches!(w, "," | "/")
                    || self.doc.capitalised(k)
                    || w.bytes().all(|b| b.is_ascii_digit())
            })
            .find(|&k| dash(self.word(k)))
    }

    /// Fighting with no place of its own happened where the sentence's
    /// territorial event did: "after weeks of fighting, militias took X".
    fn borrow_places(&self, cands: &mut [Cand]) {
        let place = cands
            .iter()
            .find(|c| c.alive && is_territory(c.kind) && !c.places.is_empty())
            .map(|c| c.places[0].clone());
        if let Some(place) = place {
            for c in cands
                .iter_mut()
                .filter(|c| is_violence(c.kind) && c.places.is_empty())
            {
                c.places.push(place.clone());
            }
        }
        // "killed in Herat when gunshots were fired to disperse a protest",
        // "detained in Kabul while covering a protest": the protest was there.
        let place = cands
            .iter()
            .find(|c| {
                c.alive
                    && (is_violence(c.kind) || c.kind == EventKind::Arrest)
                    && !c.places.is_empty()
            })
            .map(|c| c.places[0].clone());
        if let Some(place) = place {
            for c in cands
                .iter_mut()
                .filter(|c| c.kind == EventKind::Protest && c.places.is_empty())
            {
                c.places.push(place.clone());
            }
        }
    }

    /// A claim over a counted share of a country ("18 of Afghanistan's 34
    /// provincial capitals", "65% of the country") is a claim about that
    /// country: the one named in the sentence, else the article's first.
    fn claim_countries(&self, cands: &mut [Cand]) {
        let units = &self.lex.quantities.units;
        for c in cands
            .iter_mut()
            .filter(|c| c.kind == EventKind::ControlClaim && c.places.is_empty())
        {
            let counted = c
                .quantities
                .iter()
                .any(|q| matches!(q.counts, Counts::Unit(u) if units[u].territorial));
            if !counted {
                continue;
            }
            let country = |p: &&PlaceRef| p.place.kind == PlaceKind::Country;
            let here = self
                .places
                .iter()
                .filter(|p| p.toks.start >= self.range.start && p.toks.end <= self.range.end)
                .find(country);
            // Else the country the article's places mostly lie in ("controls
            // 65% of the country" in a report on Farah and Pul-e Khumri).
            let focus = || {
                let mut counts: Vec<(&str, usize)> = Vec::new();
                for p in &self.doc.places {
                    match counts.iter_mut().find(|(c, _)| *c == &*p.place.country) {
                        Some((_, n)) => *n += 1,
                        None => counts.push((&p.place.country, 1)),
                    }
                }
                let top = counts.iter().max_by_key(|(_, n)| *n)?.0;
                self.doc
                    .places
                    .iter()
                    .find(|p| country(p) && *p.place.country == *top)
            };
            if let Some(p) = here
                .or_else(focus)
                .or_else(|| self.doc.places.iter().find(country))
            {
                c.places.push(p.clone());
            } else if let (Some(place), Some(q)) = (&self.doc.focus, c.quantities.first()) {
                // No country named at all ("now control 18 provincial capitals
                // out of 34" in a report naming two towns): the country the
                // article's places lie in, on the evidence of the count.
                c.places.push(PlaceRef::implied(
                    place,
                    q.toks.clone(),
                    self.doc.tok_span(&q.toks),
                ));
            }
        }
    }

    fn check_needs(&self, cands: &mut [Cand]) {
        let units = &self.lex.quantities.units;
        // A denied event is a fact about what did not happen, not a
        // possibility; the denial that carries it is not news of its own.
        let denial_at = |c: &Cand| {
            self.find_cue(c.toks.start..c.toks.end + 2, &self.lex.cues.denial)
                .is_some_and(|(at, _)| at == c.toks.start)
        };
        let denied = cands.iter().any(|c| c.alive && c.denied);
        for c in cands.iter_mut() {
            if c.denied {
                c.hypothetical = false;
                c.future = false;
            } else if denied && c.kind == EventKind::Statement && denial_at(c) {
                c.alive = false;
            }
        }
        for c in cands.iter_mut() {
            let counted = c
                .quantities
                .iter()
                .any(|q| matches!(q.counts, Counts::Unit(u) if units[u].territorial));
            let ok = match self.lex.defs[c.def].needs {
                Needs::None => true,
                Needs::Place => !c.places.is_empty(),
                Needs::PlaceOrCount | Needs::Territory => !c.places.is_empty() || counted,
            } || c.kind == EventKind::ControlClaim && counted;
            if !ok {
                c.alive = false;
            }
            // A statement is news only from a named speaker, and only when it
            // says something ("did not say what ..." says nothing).
            // A coded verbal act ("rebels demanded", "Palestinians rejected")
            // is news from an unnamed side too.
            if c.kind == EventKind::Statement
                && (c.agents.is_empty()
                    || c.negated
                    || (c.plover.is_none()
                        && c.agents.iter().all(|a| {
                            a.person.is_none() && a.actor.as_ref().is_none_or(|x| x.generic)
                        })))
            {
                c.alive = false;
            }
            // "claimed responsibility": the claim names who did the attack
            // it claims; it is not news of its own.
            if c.kind == EventKind::Statement
                && self.in_set(c.toks.end, &["responsibility", "credit"])
            {
                c.alive = false;
            }
            if c.kind == EventKind::Statement && c.plover.is_none() && self.attribution(c) {
                c.alive = false;
            }
            if unplaced(c) {
                c.alive = false;
            }
            // A withdrawal needs someone who withdraws (the speaker, for "said
            // it would pull out", is known only now).
            if c.kind == EventKind::Withdrawal && c.agents.is_empty() && c.form != Form::Noun {
                c.alive = false;
            }
            // Possible violence, withdrawals, evacuations and the like are
            // commentary; only possible changes of hands, control and sieges
            // are coded ("if Mazar falls", "could come under siege").
            if c.hypothetical
                && !(is_territory(c.kind)
                    || is_diplomatic(c.kind)
                    || c.intended
                    || c.kind == EventKind::ControlClaim
                    || (c.kind == EventKind::ArmedClash
                        && matches!(c.form, Form::Noun | Form::Phrase)))
            {
                c.alive = false;
            }
        }
    }

    /// "met Noor and Dostum to discuss the defence of the north": the talk
    /// a meeting was for is that meeting, not another one.
    fn purposes(&self, cands: &mut [Cand]) {
        // "At the G7 summit in Hiroshima, Zelensky said ...": a meeting that
        // only sets the scene of the sentence's news is not its news.
        if let Some(end) = self.fronted_phrase_end() {
            let news_after = cands.iter().any(|o| o.alive && o.toks.start > end);
            for c in cands.iter_mut() {
                if news_after
                    && c.kind == EventKind::Meeting
                    && c.form == Form::Noun
                    && c.toks.end <= end
                {
                    c.alive = false;
                }
            }
        }
        for i in 1..cands.len() {
            let diplomatic_meeting =
                |k: EventKind| matches!(k, EventKind::Meeting | EventKind::Negotiation);
            if diplomatic_meeting(cands[i].kind)
                && self.word(cands[i].toks.start.wrapping_sub(1)) == "to"
                && cands[..i]
                    .iter()
                    .any(|o| o.alive && diplomatic_meeting(o.kind))
            {
                cands[i].alive = false;
            }
        }
    }

    /// Events their agents cannot make, checked before speech is resolved so
    /// that what a speaker reports of them does not count as news.
    fn check_agents(&self, cands: &mut [Cand]) {
        // "sent a letter to Kabul": what is deployed is forces, named in the
        // clause as a word ("troops", "warships") or as an armed side.
        for c in cands
            .iter_mut()
            .filter(|c| c.alive && c.kind == EventKind::Deployment)
        {
            let clause = self.clause(&c.toks, false);
            let armed = self.agents_in(clause.clone()).any(|a| {
                a.actor.as_ref().is_some_and(|x| {
                    matches!(
                        x.kind,
                        ActorKind::StateForces
                            | ActorKind::RebelGroup
                            | ActorKind::Militia
                            | ActorKind::Terrorist
                    )
                })
            });
            let named = |r: Range<usize>| {
                r.into_iter()
                    .any(|k| self.lex.cues.deployed.contains(self.word(k)))
            };
            // "Britain is sending around 600": a bare count goes on from
            // forces counted before.
            let number = |k: usize| {
                self.word(k)
                    .bytes()
                    .all(|b| b.is_ascii_digit() || b == b',')
            };
            let rest = c.toks.end..clause.end;
            let bare_count = rest.clone().any(number)
                && rest.into_iter().all(|k| {
                    number(k)
                        || matches!(
                            self.word(k),
                            "around" | "about" | "some" | "nearly" | "another" | "more" | "." | ","
                        )
                });
            if !(armed || bare_count || self.names_forces(&clause) || named(clause)) {
                c.alive = false;
            }
        }
        for c in cands.iter_mut().filter(|c| c.alive && !c.agents.is_empty()) {
            let persons_only = c.agents.iter().all(|a| a.actor.is_none());
            let dead = match c.kind {
                // Civilians fleeing and officials leaving are not a withdrawal
                // of forces; nor is a leader leaving the country ("Ghani had
                // left"), unless the clause names the forces he takes out.
                // An administration that flees is officials running, not
                // forces withdrawing ("the interim administration fled").
                EventKind::Withdrawal => {
                    !c.agents.iter().any(|a| self.can_withdraw(a))
                        || persons_only && !self.names_forces(&self.clause(&c.toks, false))
                        || c.toks
                            .clone()
                            .any(|k| self.lex.cues.flight_verbs.contains(self.word(k)))
                            && c.agents.iter().all(|a| {
                                a.actor
                                    .as_deref()
                                    .is_none_or(|x| x.kind == ActorKind::Government)
                            })
                }
                // "Ghani flew out with a few associates": a leader leaving is
                // no evacuation; evacuating people is ("evacuated 120,000").
                EventKind::Evacuation => {
                    persons_only && c.quantities.is_empty() && c.target.is_none()
                }
                // "airlifted 123,000 civilians": only a side with forces deploys.
                EventKind::Deployment => c.agents.iter().all(|a| {
                    a.person.is_none()
                        && a.actor
                            .as_ref()
                            .is_some_and(|x| x.kind == ActorKind::Civilians)
                }),
                _ => false,
            };
            if dead {
                c.alive = false;
            }
        }
    }

    /// A trailing attribution (", local sources and a security official
    /// said."): the sentence's news is what comes before it, told on the word
    /// of unnamed speakers. It is news of its own only from a named person
    /// ("..., spokesman Zabihullah Mujahid said on Twitter").
    fn attribution(&self, c: &Cand) -> bool {
        let Some(comma) = (self.range.start..c.toks.start)
            .rev()
            .take(8)
            .find(|&k| self.word(k) == ",")
        else {
            return false;
        };
        let named = self
            .agents
            .iter()
            .any(|a| a.person.is_some() && a.toks.start > comma && a.toks.end <= c.toks.start);
        let content_after = (c.toks.end..self.range.end)
            .any(|k| matches!(self.word(k), "that" | ":" | "\"" | "\u{201c}"));
        comma > self.range.start && !named && !content_after && self.range.end - c.toks.end <= 8
    }

    /// True when a word of `r` is a noun for armed forces ("troops").
    fn names_forces(&self, r: &Range<usize>) -> bool {
        r.clone().any(|k| {
            let w = self.word(k);
            self.lex
                .cues
                .state_forces_nouns
                .iter()
                .any(|n| n.len() == 1 && n[0] == w)
        })
    }

    /// True for an agent that has forces to withdraw: a state, an armed group,
    /// or someone acting for one.
    fn can_withdraw(&self, a: &AgentRef) -> bool {
        let actor = a
            .actor
            .as_deref()
            .cloned()
            .or_else(|| a.person.as_deref().and_then(person_actor));
        // Unnamed gunmen or militiamen running off are no force withdrawing.
        actor.is_some_and(|x| {
            (crate::armed(&x)
                && x.kind != ActorKind::Other
                && !(x.generic && x.kind == ActorKind::Militia))
                || (x.kind == ActorKind::Government && !x.generic)
        })
    }
}

/// How many words separate two token ranges (0 when they touch or overlap).
/// Violence, withdrawals and evacuations are coded where they happened; with
/// no place in the text there is nothing to code.
fn unplaced(c: &Cand) -> bool {
    c.places.is_empty()
        && (is_violence(c.kind) || matches!(c.kind, EventKind::Withdrawal | EventKind::Evacuation))
}

fn words_between(a: &Range<usize>, b: &Range<usize>) -> usize {
    if a.start >= b.end {
        a.start - b.end
    } else {
        b.start.saturating_sub(a.end)
    }
}

/// A date read for a candidate that did not survive goes to the nearest
/// surviving one without a date ("said on Friday that the fighters had
/// surrendered, giving Moscow control of Mariupol": Friday dates the control).
fn pass_on_times(cands: &mut [Cand]) {
    for i in 0..cands.len() {
        if cands[i].alive || cands[i].time.is_none() {
            continue;
        }
        let at = cands[i].toks.start;
        let nearest = (0..cands.len())
            .filter(|&j| cands[j].alive && cands[j].time.is_none())
            .min_by_key(|&j| cands[j].toks.start.abs_diff(at));
        if let Some(j) = nearest {
            cands[j].time = cands[i].time.take();
        }
    }
}

/// The government a place stands for ("Washington decided"), under the
/// dictionary's naming convention.
pub(crate) fn state_actor(country: &Arc<str>, country_name: &str, forces: bool) -> ActorMention {
    // Built by concatenation: called for most place mentions, where the
    // formatting machinery costs more than the rest of the work. The suffixes
    // are lower case already, so the whole id can be lower-cased.
    if forces {
        ActorMention {
            id: joined(&[country, ".forces"], true),
            name: joined(&[country_name, " forces"], false),
            kind: ActorKind::StateForces,
            country: Some(Arc::clone(country)),
            generic: false,
        }
    } else {
        ActorMention {
            id: joined(&[country, ".government"], true),
            name: joined(&["Government of ", country_name], false),
            kind: ActorKind::Government,
            country: Some(Arc::clone(country)),
            generic: false,
        }
    }
}

/// `parts` joined into one shared string, ASCII lower-cased if `lower`.
/// Names short enough are joined on the stack: a heap copy would be made
/// only to be copied again into the shared string.
fn joined(parts: &[&str], lower: bool) -> Arc<str> {
    let mut buf = [0u8; 96];
    let len: usize = parts.iter().map(|p| p.len()).sum();
    if len <= buf.len() {
        let mut at = 0;
        for p in parts {
            buf[at..at + p.len()].copy_from_slice(p.as_bytes());
            at += p.len();
        }
        let bytes = &mut buf[..len];
        if lower {
            bytes.make_ascii_lowercase();
        }
        if let Ok(s) = std::str::from_utf8(bytes) {
            return s.into();
        }
    }
    let mut s = parts.concat();
    if lower {
        s.make_ascii_lowercase();
    }
    s.into()
}

/// A person as the target of an act: the actor they act for, else
/// themselves with their country.
fn person_target(p: &PersonMention) -> Option<ActorMention> {
    person_actor(p).or_else(|| {
        p.country.as_ref()?;
        Some(ActorMention {
            id: p.id.clone().unwrap_or_else(|| Arc::clone(&p.name)),
            name: Arc::clone(&p.name),
            kind: ActorKind::Person,
            country: p.country.clone(),
            generic: false,
        })
    })
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
        name: Arc::clone(&id),
        id,
        kind,
        country: p.country.clone(),
        generic: false,
    })
}

#[cfg(test)]
mod joined_tests {
    use super::joined;

    #[test]
    fn joins_short_and_long_parts() {
        let long = "x".repeat(200);
        let cases: [(&[&str], bool, String); 4] = [
            (&["AF", ".forces"], true, "af.forces".into()),
            (
                &["Government of ", "Côte d'Ivoire"],
                false,
                "Government of Côte d'Ivoire".into(),
            ),
            (&[], false, String::new()),
            (&[&long, " FORCES"], true, format!("{long} forces")),
        ];
        for (parts, lower, want) in cases {
            assert_eq!(&*joined(parts, lower), want, "{parts:?}");
        }
    }
}
