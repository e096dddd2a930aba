//! A per-article working view: the folded text with offset maps both ways, its
//! tokens, and the recognised mentions indexed by token.
//!
//! Everything the rules look at is in folded coordinates (lower case, accents
//! removed, typographic quotes made plain), so lexicon words match however the
//! article spells them; spans handed back to the model are mapped to the
//! original text. Building the view is linear in the article length.

use std::ops::Range;
use std::rc::Rc;
use std::sync::Arc;

use sitrep_model::{
    ActorKind, ActorMention, DateRange, MentionKind, PersonMention, Place, PlaceRole, Span,
    TimeMention,
};
use sitrep_recognise::Recognition;

use crate::lexicon::{CueSet, Cues, Lexicon, WordFlags, Words};
use crate::rules::state_actor;

/// The bare nouns that may stand for a body named before (see
/// [`Doc::group_anaphors`]), with what each can stand for.
pub(crate) const GROUP_ANAPHORS: &[(&str, &[ActorKind])] = &[
    (
        "group",
        &[
            ActorKind::RebelGroup,
            ActorKind::Militia,
            ActorKind::Terrorist,
        ],
    ),
    ("militia", &[ActorKind::Militia, ActorKind::RebelGroup]),
    (
        "movement",
        &[
            ActorKind::RebelGroup,
            ActorKind::Militia,
            ActorKind::PoliticalParty,
        ],
    ),
    ("mission", &[ActorKind::InternationalOrganisation]),
    ("agency", &[ActorKind::InternationalOrganisation]),
    ("organisation", &[ActorKind::InternationalOrganisation]),
    ("organization", &[ActorKind::InternationalOrganisation]),
    ("alliance", &[ActorKind::InternationalOrganisation]),
];

/// The people of a country named by a plural demonym ("Palestinians").
fn people_actor(place: &Place) -> ActorMention {
    ActorMention {
        id: format!("generic:people:{}", place.country).into(),
        name: format!("People of {}", place.country_name).into(),
        kind: sitrep_model::ActorKind::Civilians,
        country: Some(Arc::clone(&place.country)),
        generic: true,
    }
}

/// A place mention with its token range.
#[derive(Clone, Debug)]
pub(crate) struct PlaceRef {
    pub toks: Range<usize>,
    /// Shared: rules copy place references around much more often than an
    /// event keeps one.
    pub place: Rc<Place>,
    pub role: PlaceRole,
    pub span: Span,
}

impl PlaceRef {
    /// A place the text implies rather than names (the country of a counted
    /// claim, a government's capital), on the evidence of the words at `toks`.
    pub(crate) fn implied(place: &Rc<Place>, toks: Range<usize>, span: Span) -> PlaceRef {
        PlaceRef {
            toks,
            place: Rc::clone(place),
            role: PlaceRole::Literal,
            span,
        }
    }
}

/// Someone who can act: a collective actor, a person, or a place standing for
/// its government.
#[derive(Clone, Debug)]
pub(crate) struct AgentRef {
    pub toks: Range<usize>,
    /// Shared like places: candidates copy agents around.
    pub actor: Option<Rc<ActorMention>>,
    pub person: Option<Rc<PersonMention>>,
    pub span: Span,
}

/// A date mention with its token range.
#[derive(Clone, Debug)]
pub(crate) struct TimeRef {
    pub toks: Range<usize>,
    pub range: DateRange,
    pub span: Span,
}

/// Byte offsets between the original text and the folded one.
enum Offsets {
    /// ASCII folds byte for byte: an offset is the same in both. Most
    /// articles are ASCII, and two tables of four bytes per byte of text would
    /// be written and read for nothing.
    Same,
    /// Per folded byte its original byte, and per original byte its folded
    /// byte (each with one entry past the end).
    Mapped {
        to_orig: Vec<u32>,
        to_fold: Vec<u32>,
    },
}

impl Offsets {
    fn orig(&self, folded: usize) -> usize {
        match self {
            Offsets::Same => folded,
            Offsets::Mapped { to_orig, .. } => to_orig[folded] as usize,
        }
    }

    fn folded(&self, orig: usize) -> usize {
        match self {
            Offsets::Same => orig,
            Offsets::Mapped { to_fold, .. } => to_fold[orig] as usize,
        }
    }
}

/// The folded article with tokens and indexed mentions.
pub(crate) struct Doc<'a> {
    pub text: &'a str,
    pub folded: String,
    offsets: Offsets,
    /// Token spans in folded coordinates.
    pub toks: Vec<Span>,
    /// Token range of each sentence.
    pub sentences: Vec<Range<usize>>,
    /// Original sentence spans.
    pub sentence_spans: Vec<Span>,
    pub places: Vec<PlaceRef>,
    pub agents: Vec<AgentRef>,
    pub times: Vec<TimeRef>,
    /// The article's focus country ([`Recognition::focus`]).
    pub focus: Option<Rc<Place>>,
    /// The capitals of the states it names ([`Recognition::capitals`]).
    pub capitals: Vec<Rc<Place>>,
    /// The [`WordFlags`] of each token's word.
    flags: Vec<u32>,
}

/// An article's text folded (lower case, accents removed, typographic
/// quotes made plain), with the offset maps between it and the original.
pub(crate) struct Folded {
    text: String,
    offsets: Offsets,
}

impl Folded {
    pub(crate) fn new(text: &str) -> Folded {
        if text.is_ascii() {
            Folded {
                text: text.to_ascii_lowercase(),
                offsets: Offsets::Same,
            }
        } else {
            let (folded, to_orig, to_fold) = fold_with_maps(text);
            Folded {
                text: folded,
                offsets: Offsets::Mapped { to_orig, to_fold },
            }
        }
    }

    pub(crate) fn as_bytes(&self) -> &[u8] {
        self.text.as_bytes()
    }
}

impl<'a> Doc<'a> {
    /// The view of `text`, folded as [`Folded::new`] folds it.
    pub(crate) fn new(text: &'a str, folded: Folded, rec: &Recognition, lex: &Lexicon) -> Doc<'a> {
        let cues = &lex.cues;
        let ascii = matches!(folded.offsets, Offsets::Same);
        let Folded {
            text: folded,
            offsets,
        } = folded;
        // ASCII folds byte for byte (to lower case) and tokenising does not
        // look at case: the recognition's tokens are the folded text's then.
        let reuse = ascii && rec.tokens.last().is_some_and(|t| t.span.end <= text.len());
        let toks: Vec<Span> = if reuse {
            rec.tokens.iter().map(|t| t.span).collect()
        } else {
            sitrep_text::tokens(&folded)
                .into_iter()
                .map(|t| t.span)
                .collect()
        };
        let mut doc = Doc {
            text,
            folded,
            offsets,
            toks,
            sentences: Vec::new(),
            sentence_spans: Vec::new(),
            places: Vec::new(),
            agents: Vec::new(),
            times: Vec::new(),
            focus: rec.focus.clone().map(Rc::new),
            capitals: rec.capitals.iter().cloned().map(Rc::new).collect(),
            flags: Vec::new(),
        };
        // One lookup per token for every per-word test the rules repeat.
        // Read as bytes: a `str` of each token would check both its ends
        // for character boundaries, and few tokens need one.
        let bytes = doc.folded.as_bytes();
        doc.flags = (doc.toks.iter())
            .map(|t| {
                let w = &bytes[t.start..t.end];
                let mut flags = lex.flags.get_at(bytes, t.start..t.end);
                // "the group's fighters": a possessive stands for its noun.
                if w.ends_with(b"'s") {
                    let noun = possessor(&doc.folded[t.start..t.end]);
                    flags |= lex.flags.get(noun) & WordFlags::GROUP_ANAPHOR;
                }
                // A listed quantity starter starts one; digits and hyphenated
                // number words too.
                if flags & WordFlags::QUANTITY_START == 0
                    && crate::quantity::may_start(&lex.quantities, w, false)
                {
                    flags | WordFlags::QUANTITY_START
                } else {
                    flags
                }
            })
            .collect();
        // Sentences from the recognition when they fit the text, else our own.
        let spans: Vec<Span> =
            if rec.sentences.iter().all(|s| doc.valid(*s)) && !rec.sentences.is_empty() {
                rec.sentences.clone()
            } else {
                sitrep_text::sentences(text)
            };
        for s in &spans {
            let r = doc.tok_range(*s);
            doc.sentences.push(r);
        }
        doc.sentence_spans = spans;
        doc.index_mentions(rec);
        doc.places_as_agents(cues);
        doc
    }

    /// Places that stand for a state become agents when no actor was named
    /// there: "Washington decided" (metonym), "Hungary said" (a country as
    /// subject), "British troops" (an adjective before a forces noun).
    fn places_as_agents(&mut self, cues: &Cues) {
        const NOT_SUBJECT: &[&str] = &[
            "in",
            "of",
            "to",
            "from",
            "into",
            "across",
            "at",
            "on",
            "with",
            "for",
            "against",
            "near",
            "toward",
            "towards",
            "outside",
            "inside",
            "throughout",
            "by",
            "over",
            "under",
        ];
        let mut found = Vec::new();
        for p in &self.places {
            let pl = &p.place;
            let next = p.toks.end;
            // Most words start no such noun: looked at only where one may.
            let near = |set: &[Words]| {
                (next..next + 2).any(|i| {
                    self.has_flag(i, WordFlags::STATE_NOUN_START)
                        && set.iter().any(|w| self.at(i, w))
                })
            };
            let state = match p.role {
                PlaceRole::Metonym => Some(false),
                PlaceRole::Modifier => {
                    if near(&cues.state_forces_nouns) {
                        Some(true)
                    } else if near(&cues.state_government_nouns) {
                        Some(false)
                    } else {
                        // "Palestinians blamed ...": a plural demonym is its country's people.
                        // "Bosnian Serbs", "Iraqi Kurds": the first adjective says
                        // whose people they are.
                        let country = self
                            .places
                            .iter()
                            .find(|q| q.toks.end == p.toks.start && q.role == PlaceRole::Modifier);
                        if self.plural_demonym(p) {
                            let (start, home) =
                                country.map_or((p.toks.start, pl), |q| (q.toks.start, &q.place));
                            found.push((start..p.toks.end, people_actor(home), p.span));
                        }
                        None
                    }
                }
                PlaceRole::Literal => {
                    let prev = p.toks.start.checked_sub(1).map_or("", |i| self.word(i));
                    let possessive = self.word(p.toks.end - 1).ends_with("'s");
                    let country = pl.kind == sitrep_model::PlaceKind::Country;
                    if country && possessive {
                        // "Poland's parliament", "Iraq's army".
                        if near(&cues.state_forces_nouns) {
                            Some(true)
                        } else {
                            near(&cues.state_government_nouns).then_some(false)
                        }
                    } else {
                        // "The United States suspended": the article belongs to the
                        // name unless a preposition governs it ("in the Netherlands").
                        let prev2 = p.toks.start.checked_sub(2).map_or("", |i| self.word(i));
                        let governed = NOT_SUBJECT.contains(&prev)
                            || (prev == "the" && NOT_SUBJECT.contains(&prev2));
                        (country && !possessive && !governed).then_some(false)
                    }
                }
            };
            if let Some(forces) = state {
                let actor = state_actor(&pl.country, &pl.country_name, forces);
                found.push((p.toks.clone(), actor, p.span));
            }
        }
        for (toks, actor, span) in found {
            if self
                .agents
                .iter()
                .any(|a| a.toks.start < toks.end && toks.start < a.toks.end)
            {
                continue;
            }
            self.agents.push(AgentRef {
                toks,
                actor: Some(Rc::new(actor)),
                person: None,
                span,
            });
        }
        self.agents.sort_by_key(|a| a.toks.start);
        self.countries_from_adjectives();
        self.possessive_owners();
        self.group_anaphors();
    }

    /// "EU official says group controls 65% of country", "the mission said":
    /// news calls a body named before by what it is. The most recent named
    /// actor of that sort earlier in the report is the one meant.
    fn group_anaphors(&mut self) {
        let mut found = Vec::new();
        for i in 0..self.toks.len() {
            // Most words are none of the nouns: the flag says which are.
            if !self.has_flag(i, WordFlags::GROUP_ANAPHOR) {
                continue;
            }
            let w = possessor(self.word(i));
            let Some((_, kinds)) = GROUP_ANAPHORS.iter().find(|(n, _)| *n == w) else {
                continue;
            };
            let prev = self.word(i.wrapping_sub(1));
            let sentence_start = self.sentences.iter().any(|r| r.start == i);
            if !(sentence_start || matches!(prev, "the" | "this" | "says" | "said" | "say")) {
                continue;
            }
            // "the group of soldiers", "the militant group Hamas" (a name
            // follows), "a group" (a new one), a name of its own.
            let named = self
                .agents
                .iter()
                .any(|a| a.toks.start <= i + 1 && i < a.toks.end);
            if self.word(i + 1) == "of" || named {
                continue;
            }
            let meant = |a: &&AgentRef| {
                a.toks.end <= i
                    && a.actor
                        .as_ref()
                        .is_some_and(|x| !x.generic && kinds.contains(&x.kind))
            };
            if let Some(actor) = self
                .agents
                .iter()
                .rfind(meant)
                .and_then(|a| a.actor.clone())
            {
                let span = self.tok_span(&(i..i + 1));
                found.push(AgentRef {
                    toks: i..i + 1,
                    actor: Some(actor),
                    person: None,
                    span,
                });
            }
        }
        if !found.is_empty() {
            self.agents.extend(found);
            self.agents.sort_by_key(|a| a.toks.start);
        }
    }

    /// "The National Resistance Front said its fighters were still present":
    /// a generic side owned by "its" or "their" is the named side that comes
    /// before it in the sentence, not an unnamed one.
    fn possessive_owners(&mut self) {
        for i in 0..self.agents.len() {
            let a = &self.agents[i];
            let owned = a.person.is_none()
                && a.actor.as_ref().is_some_and(|x| x.generic)
                && matches!(self.word(a.toks.start.wrapping_sub(1)), "its" | "their");
            if !owned {
                continue;
            }
            let start = a.toks.start;
            let sentence_start = self
                .sentences
                .iter()
                .find(|r| r.contains(&start))
                .map_or(start, |r| r.start);
            let owner = self.agents[..i]
                .iter()
                .rev()
                .take_while(|b| b.toks.start >= sentence_start)
                .find_map(|b| b.actor.as_ref().filter(|x| !x.generic))
                .cloned();
            if let Some(owner) = owner {
                self.agents[i].actor = Some(owner);
            }
        }
    }

    /// A plural demonym standing alone ("Palestinians", "Serbs"), not an
    /// adjective before a noun ("Swiss doctors" ends in "ss", "Afghan forces").
    fn plural_demonym(&self, p: &PlaceRef) -> bool {
        let word = self.word(p.toks.end - 1);
        word.ends_with('s') && !word.ends_with("ss") && !word.ends_with("'s")
    }

    /// Generic sides and people without a country take the country adjective
    /// written before them: "Rwandan rebels", "Zimbabwean Prime Minister
    /// Robert Mugabe" (the adjective is part of the stated role).
    fn countries_from_adjectives(&mut self) {
        for a in &mut self.agents {
            let before = |p: &&PlaceRef| {
                p.place.kind == sitrep_model::PlaceKind::Country
                    && p.role != PlaceRole::Literal
                    && p.toks.end <= a.toks.start
                    && a.toks.start - p.toks.end <= 1
            };
            if let Some(actor) = a
                .actor
                .as_mut()
                .filter(|x| x.generic && x.country.is_none())
            {
                // "officials in Washington", "rebels from Idlib".
                let (toks, folded) = (&self.toks, &self.folded);
                let located = |p: &&PlaceRef| {
                    p.toks.start == a.toks.end + 1
                        && toks
                            .get(a.toks.end)
                            .is_some_and(|t| matches!(&folded[t.start..t.end], "in" | "from"))
                };
                if let Some(p) = self
                    .places
                    .iter()
                    .rfind(before)
                    .or_else(|| self.places.iter().find(located))
                {
                    Rc::make_mut(actor).country = Some(Arc::clone(&p.place.country));
                }
                continue;
            }
            let Some(person) = a.person.as_mut().filter(|x| x.country.is_none()) else {
                continue;
            };
            // Folded only when a country is written close enough to matter.
            let role = std::cell::OnceCell::new();
            let raw_role = person.role.as_deref();
            let (folded, toks) = (&self.folded, &self.toks);
            let in_role = |p: &&PlaceRef| {
                if raw_role.is_none()
                    || p.place.kind != sitrep_model::PlaceKind::Country
                    || p.toks.end > a.toks.start
                    || a.toks.start - p.toks.end > 6
                {
                    return false;
                }
                let role: &String =
                    role.get_or_init(|| raw_role.map(sitrep_text::fold).unwrap_or_default());
                let word = &folded[toks[p.toks.start].start..toks[p.toks.end - 1].end];
                !role.is_empty() && role.contains(word.trim_end_matches("'s"))
            };
            let places = &self.places;
            if let Some(p) = places
                .iter()
                .rfind(in_role)
                .or_else(|| places.iter().rfind(before))
            {
                Rc::make_mut(person).country = Some(Arc::clone(&p.place.country));
            }
        }
    }

    fn valid(&self, s: Span) -> bool {
        s.start <= s.end
            && s.end <= self.text.len()
            && self.text.is_char_boundary(s.start)
            && self.text.is_char_boundary(s.end)
    }

    fn index_mentions(&mut self, rec: &Recognition) {
        let mut shared = Shared::default();
        let mut agents_end = self.agents.iter().map(|a| a.toks.end).max().unwrap_or(0);
        for m in &rec.mentions {
            if !self.valid(m.span) || m.span.is_empty() {
                continue;
            }
            let toks = self.tok_range(m.span);
            if toks.is_empty() {
                continue;
            }
            match &m.kind {
                MentionKind::Place(p) => {
                    if let Some(place) = &p.place {
                        self.places.push(PlaceRef {
                            toks,
                            place: share(&mut shared.places, place),
                            role: p.role,
                            span: m.span,
                        });
                    }
                }
                MentionKind::Actor(a) => {
                    let actor = share(&mut shared.actors, a);
                    self.add_agent(&mut agents_end, toks, Some(actor), None, m.span);
                }
                MentionKind::Person(p) => {
                    let person = share(&mut shared.people, p);
                    self.add_agent(&mut agents_end, toks, None, Some(person), m.span);
                }
                MentionKind::Time(TimeMention {
                    range: Some(range), ..
                }) => self.times.push(TimeRef {
                    toks,
                    range: *range,
                    span: m.span,
                }),
                MentionKind::Time(_) => {}
            }
        }
        self.places.sort_by_key(|p| p.toks.start);
        self.agents.sort_by_key(|a| a.toks.start);
        self.times.sort_by_key(|t| t.toks.start);
    }

    /// Overlapping actor and person mentions become one agent ("Defence
    /// Secretary Ben Wallace" as a person affiliated to a government).
    ///
    /// `end` is where the agents' token ranges end at the latest, kept up
    /// to date here: mentions come mostly in text order, and one that starts
    /// there or later overlaps none, without a look at each.
    fn add_agent(
        &mut self,
        end: &mut usize,
        toks: Range<usize>,
        actor: Option<Rc<ActorMention>>,
        person: Option<Rc<PersonMention>>,
        span: Span,
    ) {
        let overlapping = if toks.start < *end {
            self.agents
                .iter_mut()
                .find(|a| a.toks.start < toks.end && toks.start < a.toks.end)
        } else {
            None
        };
        *end = (*end).max(toks.end);
        if let Some(a) = overlapping {
            if a.actor.is_none() {
                a.actor = actor;
            }
            if a.person.is_none() {
                a.person = person;
            }
            a.toks = a.toks.start.min(toks.start)..a.toks.end.max(toks.end);
            a.span = Span::new(a.span.start.min(span.start), a.span.end.max(span.end));
            return;
        }
        self.agents.push(AgentRef {
            toks,
            actor,
            person,
            span,
        });
    }

    /// The agents that start inside a token range (the lists are sorted).
    pub(crate) fn agents_within(&self, r: &Range<usize>) -> &[AgentRef] {
        within(&self.agents, |a| a.toks.start, r)
    }

    /// The places that start inside a token range.
    pub(crate) fn places_within(&self, r: &Range<usize>) -> &[PlaceRef] {
        within(&self.places, |p| p.toks.start, r)
    }

    /// The dates that start inside a token range.
    pub(crate) fn times_within(&self, r: &Range<usize>) -> &[TimeRef] {
        within(&self.times, |t| t.toks.start, r)
    }

    /// Tokens that lie inside an original byte span.
    pub(crate) fn tok_range(&self, span: Span) -> Range<usize> {
        let fs = self.offsets.folded(span.start);
        let fe = self.offsets.folded(span.end);
        let a = self.toks.partition_point(|t| t.end <= fs);
        // Spans cover few tokens: counting on from `a` beats a second search
        // (the tokens are ordered, so this is that search's answer or `a`).
        let b = a + self.toks[a..].iter().take_while(|t| t.start < fe).count();
        a..b
    }

    /// The folded word of token `i` (empty past the end).
    pub(crate) fn word(&self, i: usize) -> &str {
        self.toks
            .get(i)
            .map_or("", |t| &self.folded[t.start..t.end])
    }

    /// Original byte span of a folded byte range.
    pub(crate) fn orig(&self, fstart: usize, fend: usize) -> Span {
        let s = self.offsets.orig(fstart);
        let e = self.offsets.orig(fend);
        // A folded range ending inside one original character ends after it.
        let e = if fend > 0 && e <= s && fend > fstart {
            let mut e = s + 1;
            while e < self.text.len() && !self.text.is_char_boundary(e) {
                e += 1;
            }
            e.min(self.text.len())
        } else {
            e
        };
        Span::new(s, e.max(s))
    }

    /// Original byte span of a token range.
    pub(crate) fn tok_span(&self, r: &Range<usize>) -> Span {
        if r.is_empty() || r.end > self.toks.len() {
            return Span::default();
        }
        self.orig(self.toks[r.start].start, self.toks[r.end - 1].end)
    }

    /// True when the words of `cue` appear at tokens `i..`.
    pub(crate) fn at(&self, i: usize, cue: &[String]) -> bool {
        // Called for every cue at many tokens: lengths first, then bytes.
        let bytes = self.folded.as_bytes();
        !cue.is_empty()
            && cue
                .iter()
                .enumerate()
                .all(|(k, w)| match self.toks.get(i + k) {
                    Some(t) => t.end - t.start == w.len() && &bytes[t.start..t.end] == w.as_bytes(),
                    None => w.is_empty(),
                })
    }

    /// The first cue that starts in `range` (and fits inside it).
    pub(crate) fn find_cue<'c>(
        &self,
        range: Range<usize>,
        cues: &'c CueSet,
    ) -> Option<(usize, &'c Words)> {
        // The flags of the range are searched as one slice: the rules ask
        // over whole clauses, and most words start no cue. Tokens past the
        // end have no flags.
        let end = range.end.min(self.flags.len());
        let mut i = range.start;
        while i < end {
            let Some(k) = self.flags[i..end].iter().position(|f| f & cues.flag != 0) else {
                break;
            };
            i += k;
            for c in cues.starting_with(self.word(i)) {
                if i + c.len() <= range.end && self.at(i, c) {
                    return Some((i, c));
                }
            }
            i += 1;
        }
        None
    }

    /// The flags of the words of a token range together (their union).
    pub(crate) fn flags_within(&self, r: &Range<usize>) -> u32 {
        let end = r.end.min(self.flags.len());
        let start = r.start.min(end);
        self.flags[start..end].iter().fold(0, |all, f| all | f)
    }

    fn has_flag(&self, i: usize, flag: u32) -> bool {
        self.flags.get(i).is_some_and(|f| f & flag != 0)
    }

    /// True when token `i` ends a trigger's clause.
    pub(crate) fn clause_break(&self, i: usize) -> bool {
        self.has_flag(i, WordFlags::CLAUSE_BREAK)
    }

    /// True when token `i` is a word that points back to a place.
    pub(crate) fn place_anaphor(&self, i: usize) -> bool {
        self.has_flag(i, WordFlags::PLACE_ANAPHOR)
    }

    /// True when a cue word of an ACLED sub-event type may start at token `i`.
    pub(crate) fn acled_cue_start(&self, i: usize) -> bool {
        self.has_flag(i, WordFlags::ACLED_CUE_START)
    }

    /// True when a number or share may start at token `i`.
    pub(crate) fn quantity_start(&self, i: usize) -> bool {
        self.has_flag(i, WordFlags::QUANTITY_START)
    }

    /// True when token `i` starts with an upper-case letter in the original.
    pub(crate) fn capitalised(&self, i: usize) -> bool {
        let Some(t) = self.toks.get(i) else {
            return false;
        };
        let o = self.offsets.orig(t.start);
        self.text[o..]
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
    }
}

/// The noun of a possessive ("group" of "group's"), every "'s" stripped
/// as `trim_end_matches` strips them, without the substring searcher it
/// builds on each call; other words unchanged.
fn possessor(mut w: &str) -> &str {
    while let Some(stem) = w.strip_suffix("'s") {
        w = stem;
    }
    w
}

/// The folded text with its offset maps: folded byte → original byte and
/// original byte → folded byte (each with one entry past the end).
fn fold_with_maps(text: &str) -> (String, Vec<u32>, Vec<u32>) {
    let bytes = text.as_bytes();
    let mut folded = String::with_capacity(text.len());
    let mut to_orig = Vec::with_capacity(text.len() + 1);
    // Filled in order, one entry per original byte: no zeroing first.
    let mut to_fold = Vec::with_capacity(text.len() + 1);
    let mut i = 0;
    while i < bytes.len() {
        // Most text is ASCII: runs of it are copied and lower-cased at once,
        // one byte in, one byte out.
        let run = bytes[i..].iter().take_while(|b| b.is_ascii()).count();
        if run > 0 {
            let f = folded.len();
            folded.push_str(&text[i..i + run]);
            if let Some(s) = folded.get_mut(f..) {
                s.make_ascii_lowercase();
            }
            to_fold.extend(f as u32..(f + run) as u32);
            to_orig.extend(i as u32..(i + run) as u32);
            i += run;
            continue;
        }
        // `i` follows a whole ASCII run or character, so it is a boundary.
        let Some(c) = text.get(i..).and_then(|rest| rest.chars().next()) else {
            break;
        };
        let f = folded.len();
        to_fold.resize(i + c.len_utf8(), f as u32);
        sitrep_text::push_folded(c, &mut folded);
        to_orig.resize(folded.len(), i as u32);
        i += c.len_utf8();
    }
    to_orig.push(text.len() as u32);
    // Every byte is mapped by now (`i` stops only at the end of a str).
    to_fold.resize(text.len(), folded.len() as u32);
    to_fold.push(folded.len() as u32);
    (folded, to_orig, to_fold)
}

/// One shared copy of each distinct mention value of an article: names
/// repeat ("Kabul", "the Taliban"), and comparing two costs less than
/// copying one. A copy changed later is unshared first (`Rc::make_mut`).
#[derive(Default)]
struct Shared {
    places: Vec<Rc<Place>>,
    actors: Vec<Rc<ActorMention>>,
    people: Vec<Rc<PersonMention>>,
}

/// The pool's copy of `value`, made on its first occurrence.
fn share<T: Clone + PartialEq>(pool: &mut Vec<Rc<T>>, value: &T) -> Rc<T> {
    // A repeat is most often of a recent mention: newest first.
    if let Some(rc) = pool.iter().rev().find(|rc| ***rc == *value) {
        return Rc::clone(rc);
    }
    let rc = Rc::new(value.clone());
    pool.push(Rc::clone(&rc));
    rc
}

/// The items of a list sorted by start token that start inside `r`.
fn within<'i, T>(items: &'i [T], start: impl Fn(&T) -> usize, r: &Range<usize>) -> &'i [T] {
    let a = items.partition_point(|x| start(x) < r.start);
    let b = items.partition_point(|x| start(x) < r.end);
    &items[a..b.max(a)]
}

#[cfg(test)]
mod fold_tests {
    use super::fold_with_maps;

    /// The maps built one character at a time, the plain way.
    fn reference(text: &str) -> (String, Vec<u32>, Vec<u32>) {
        let mut folded = String::new();
        let mut to_orig = Vec::new();
        let mut to_fold = vec![0u32; text.len() + 1];
        for (i, c) in text.char_indices() {
            let f = folded.len();
            to_fold[i..i + c.len_utf8()].fill(f as u32);
            sitrep_text::push_folded(c, &mut folded);
            to_orig.resize(folded.len(), i as u32);
        }
        to_orig.push(text.len() as u32);
        to_fold[text.len()] = folded.len() as u32;
        (folded, to_orig, to_fold)
    }

    /// `Doc::new` reuses the recognition's tokens of an ASCII text for its
    /// folded text: that holds only while tokenising ignores case.
    #[test]
    fn ascii_tokens_do_not_depend_on_case() {
        let cases = [
            "Taliban fighters TOOK Herat on Friday.",
            "The U.S. and U.K. sent 3,000 troops; al-Qaeda's leader (ISIS-K) fled.",
            "Mazar-i-Sharif fell at 5.30pm, said Lt.-Gen. Sami Sadat -- 'We lost.'",
            "A.B.C. u.s. E.U. eu 1.5 1,500 x-Ray ABC's",
        ];
        for text in cases {
            let (folded, _, _) = fold_with_maps(text);
            let spans =
                |t: &str| -> Vec<_> { sitrep_text::tokens(t).iter().map(|t| t.span).collect() };
            assert_eq!(spans(text), spans(&folded), "{text:?}");
        }
    }

    #[test]
    fn runs_of_ascii_fold_like_single_characters() {
        let cases = [
            "",
            "Taliban fighters TOOK Herat.",
            "Mazār-i-Sharīf fell",
            "“Kabul” — the capital’s airport",
            "São Paulo\u{a0}and Zürich",
            "Ærø, Đakovo and Łódź",
            "ends with an accent: é",
            "é starts it",
            "emoji 🙂 between words",
        ];
        for text in cases {
            assert_eq!(fold_with_maps(text), reference(text), "{text:?}");
        }
    }

    /// `Doc::new` keeps no offset tables for ASCII text: its folding is
    /// lower-casing and both maps are the identity.
    #[test]
    fn ascii_folds_in_place() {
        let cases = [
            "",
            "Taliban fighters TOOK Herat.",
            "U.S.-led 3,000 'troops' -- ABC's",
        ];
        for text in cases {
            let identity: Vec<u32> = (0..=text.len() as u32).collect();
            let want = (text.to_ascii_lowercase(), identity.clone(), identity);
            assert_eq!(fold_with_maps(text), want, "{text:?}");
        }
    }
}
