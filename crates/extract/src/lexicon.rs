//! The extraction lexicons: TOML files of trigger words, cue words, quantity
//! words, media names and kind→code tables, parsed into plain structs.
//!
//! This module only parses and normalises (folds, tokenises, inflects); it does
//! not match anything against text. The shipped files live in `data/lexicon/`
//! and are embedded at compile time; a user directory with files of the same
//! names extends them (lists are appended, code tables override per kind).

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;
use std::path::Path;

use serde::Deserialize;
use sitrep_model::{EventKind, Qualifier};

use crate::ExtractError;

/// The lexicon file names, in load order.
pub(crate) const FILES: [&str; 6] = [
    "events.toml",
    "diplomacy.toml",
    "cues.toml",
    "quantities.toml",
    "media.toml",
    "codes.toml",
];

/// The shipped lexicon files, embedded.
pub(crate) const SHIPPED: [(&str, &str); 6] = [
    (
        "events.toml",
        include_str!("../../../data/lexicon/events.toml"),
    ),
    (
        "diplomacy.toml",
        include_str!("../../../data/lexicon/diplomacy.toml"),
    ),
    ("cues.toml", include_str!("../../../data/lexicon/cues.toml")),
    (
        "quantities.toml",
        include_str!("../../../data/lexicon/quantities.toml"),
    ),
    (
        "media.toml",
        include_str!("../../../data/lexicon/media.toml"),
    ),
    (
        "codes.toml",
        include_str!("../../../data/lexicon/codes.toml"),
    ),
];

/// FNV-1a for the lexicon's word tables: the keys are short words looked up
/// once per token, where SipHash's flood resistance buys nothing and costs
/// most of each lookup.
#[derive(Clone, Copy, Default)]
pub(crate) struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for b in bytes {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// A set of folded words.
pub(crate) type WordSet = HashSet<String, BuildHasherDefault<Fnv>>;
/// A map from folded words.
pub(crate) type WordMap<V> = HashMap<String, V, BuildHasherDefault<Fnv>>;

/// Where the subject of a trigger stands.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum Voice {
    /// The subject acts ("the Taliban took Herat").
    #[default]
    Agent,
    /// The subject is affected ("Herat fell to the Taliban").
    Patient,
    /// The subject places are held by the side whose country they are in; an
    /// agent after the trigger is the opponent ("the last cities to resist the
    /// Taliban").
    Holder,
}

/// What a trigger needs before it makes an event.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum Needs {
    /// Nothing beyond the trigger.
    #[default]
    None,
    /// A place in object (or, patient voice, subject) position.
    Place,
    /// A place, or a counted number of places.
    PlaceOrCount,
    /// Places, or a territorial quantity.
    Territory,
}

/// How a speech trigger relates to what it reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum Speech {
    /// "said", "told": the content is the news; the statement is only its carrier.
    Assert,
    /// "warned", "called for": the content is feared or wanted, not a fact.
    Direct,
    /// "denied": the content did not happen.
    Deny,
    /// "criticised", "sanctioned": an act in itself; the content is unaffected.
    Act,
}

/// The grammatical form a trigger was written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Form {
    /// "take", "seize".
    Base,
    /// "takes".
    ThirdPerson,
    /// "took"; for regular verbs also the participle ("seized").
    Past,
    /// "taken".
    Participle,
    /// "taking".
    Ing,
    /// "the capture of".
    Noun,
    /// A fixed phrase.
    Phrase,
}

impl Form {
    pub(crate) fn is_past(self) -> bool {
        matches!(self, Form::Past | Form::Participle)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EventsFile {
    #[serde(default)]
    trigger: Vec<TriggerSpec>,
    #[serde(default)]
    intent: IntentSpec,
    #[serde(default)]
    obligation: Vec<String>,
    #[serde(default)]
    government_nouns: Vec<String>,
    #[serde(default)]
    idioms: Vec<String>,
    #[serde(default)]
    idiom_phrases: Vec<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct IntentSpec {
    #[serde(default)]
    cues: Vec<String>,
    #[serde(default)]
    agree: Vec<String>,
    #[serde(default)]
    threaten: Vec<String>,
    #[serde(default)]
    conditions: Vec<String>,
}

/// Stated intentions and obligations, which PLOVER codes by what they
/// promise, threaten or demand rather than by the act they name.
#[derive(Clone, Debug, Default)]
pub(crate) struct Intent {
    /// Words before a trigger that make it intended ("will", "is willing to").
    pub cues: CueSet,
    /// PLOVER types whose intention is a promise (AGREE).
    pub agree: WordSet,
    /// PLOVER types whose intention is a threat (THREATEN).
    pub threaten: WordSet,
    /// Words after an intention that make it a threat ("unless").
    pub conditions: CueSet,
    /// Words that make reported content a demand ("must", "should").
    pub obligation: CueSet,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TriggerSpec {
    kind: String,
    plover: Option<String>,
    mode: Option<String>,
    #[serde(default)]
    verbs: Vec<String>,
    #[serde(default)]
    nouns: Vec<String>,
    #[serde(default)]
    phrases: Vec<String>,
    #[serde(default)]
    voice: Voice,
    #[serde(default)]
    needs: Needs,
    speech: Option<Speech>,
}

/// One trigger group after parsing: what its words mean.
#[derive(Clone, Debug)]
pub(crate) struct TriggerDef {
    pub kind: EventKind,
    pub plover: Option<String>,
    pub mode: Option<String>,
    pub voice: Voice,
    pub needs: Needs,
    pub speech: Option<Speech>,
}

/// A surface form (folded) of a trigger with the group it belongs to.
#[derive(Clone, Debug)]
pub(crate) struct TriggerForm {
    pub text: String,
    pub def: usize,
    pub form: Form,
}

/// The actor slot in a trigger phrase.
const SLOT: &str = "{actor}";

/// A trigger phrase with an actor slot: "in {actor} hands" matches "in Taliban
/// hands" and "in the rebels' hands"; "push {actor} out of" matches "pushed the
/// Taliban out of". The actor in the slot is the agent of a patient-voice
/// trigger and the target of an agent-voice one. Matched around actor
/// mentions, not by the automaton.
#[derive(Clone, Debug)]
pub(crate) struct SlotPhrase {
    pub def: usize,
    pub form: Form,
    /// Folded words before the slot.
    pub before: Vec<String>,
    /// Folded words after the slot.
    pub after: Vec<String>,
}

/// A phrase as folded words, for cue matching on tokens.
pub(crate) type Words = Vec<String>;

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct CuesFile {
    #[serde(default)]
    negation: Vec<String>,
    #[serde(default)]
    hypothetical: Vec<String>,
    #[serde(default)]
    future: Vec<String>,
    #[serde(default)]
    reported_future: Vec<String>,
    #[serde(default)]
    speech_reference: Vec<String>,
    #[serde(default)]
    aggregate: Vec<String>,
    #[serde(default)]
    clause_breaks: Vec<String>,
    #[serde(default)]
    commentator_roles: Vec<String>,
    #[serde(default)]
    informants: Vec<String>,
    #[serde(default)]
    person_pronouns: Vec<String>,
    #[serde(default)]
    group_pronouns: Vec<String>,
    #[serde(default)]
    target_prepositions: Vec<String>,
    #[serde(default)]
    state_forces_nouns: Vec<String>,
    #[serde(default)]
    state_government_nouns: Vec<String>,
    #[serde(default)]
    background: Vec<String>,
    #[serde(default)]
    place_anaphors: Vec<String>,
    #[serde(default)]
    absence: Vec<String>,
    #[serde(default)]
    harmless: Vec<String>,
    #[serde(default)]
    causes: Vec<String>,
    #[serde(default)]
    assault_verbs: Vec<String>,
    #[serde(default)]
    flight_verbs: Vec<String>,
    #[serde(default)]
    gatherings: Vec<String>,
    #[serde(default)]
    peaceful: Vec<String>,
    #[serde(default)]
    captives: Vec<String>,
    #[serde(default)]
    claims: Vec<String>,
    #[serde(default)]
    evacuees: Vec<String>,
    #[serde(default)]
    venues: Vec<String>,
    #[serde(default)]
    deployed: Vec<String>,
    #[serde(default)]
    denial: Vec<String>,
    #[serde(default)]
    air_agents: Vec<String>,
    #[serde(default)]
    facilities: Vec<String>,
}

/// Cue phrases indexed by their first word, so finding one near a trigger
/// costs one lookup per word rather than one comparison per cue.
#[derive(Clone, Debug, Default)]
pub(crate) struct CueSet {
    by_first: WordMap<Vec<Words>>,
    /// The shapes of the first words, so most words need no lookup.
    shapes: Shapes,
    /// The [`WordFlags`] bit of the words some cue of this set starts with
    /// (given when the extractor is built; 0, matching no word, before).
    pub flag: u32,
}

impl CueSet {
    pub(crate) fn extend(&mut self, cues: impl IntoIterator<Item = Words>) {
        for cue in cues {
            if let Some(first) = cue.first() {
                self.shapes.add(first);
                let list = self.by_first.entry(first.clone()).or_default();
                list.push(cue);
                // Longest first, so "failed to" is reported whole.
                list.sort_by_key(|c| std::cmp::Reverse(c.len()));
            }
        }
    }

    /// The cues that start with `word`.
    pub(crate) fn starting_with(&self, word: &str) -> &[Words] {
        if !self.shapes.may_contain(word) {
            return &[];
        }
        self.by_first.get(word).map_or(&[], Vec::as_slice)
    }

    /// The words some cue starts with.
    pub(crate) fn first_words(&self) -> impl Iterator<Item = &String> {
        self.by_first.keys()
    }
}

/// Cue words, folded and split into words.
#[derive(Clone, Debug, Default)]
pub(crate) struct Cues {
    pub negation: CueSet,
    pub hypothetical: CueSet,
    pub future: CueSet,
    pub reported_future: Vec<Words>,
    pub speech_reference: WordSet,
    pub aggregate: CueSet,
    pub clause_breaks: WordSet,
    pub commentator_roles: Vec<String>,
    /// Generic sides that pass news on ("officials", "residents"): what they
    /// say is a source, not an event.
    pub informants: WordSet,
    pub person_pronouns: WordSet,
    pub group_pronouns: WordSet,
    pub target_prepositions: WordSet,
    pub state_forces_nouns: Vec<Words>,
    pub state_government_nouns: Vec<Words>,
    /// Words before a nominal of violence that make it background ("recent").
    pub background: WordSet,
    /// Words that point back to a place named before ("city", "outskirts").
    pub place_anaphors: WordSet,
    /// Cues saying an event did not take place, as a manner of something
    /// else ("fell without a fight"): no event.
    pub absence: CueSet,
    /// Words around a shooting that make it no attack ("celebratory gunfire").
    pub harmless: CueSet,
    /// Words before a violent noun that make it the cause of another act
    /// ("in retaliation for the attacks").
    pub causes: CueSet,
    /// Capture verbs that say an assault ("stormed"), not control.
    pub assault_verbs: WordSet,
    /// Withdrawal verbs that say people ran, not that forces pulled back.
    pub flight_verbs: WordSet,
    /// Gatherings of unarmed people ("protest", "rally", "funeral"): fire
    /// opened on or at one is an attack on civilians.
    pub gatherings: WordSet,
    /// Manners of a capture that say nobody fought ("without firing a
    /// shot"): the place was handed over, not taken.
    pub peaceful: CueSet,
    /// People a capture or liberation verb may take as its object ("freed
    /// inmates", "captured 20 soldiers"): then no ground changed hands.
    pub captives: WordSet,
    /// Words that claim an attack told before ("claimed responsibility
    /// for"), right before its definite noun.
    pub claims: CueSet,
    /// People who leave a place to be safe ("helped 15,000 people to
    /// leave"): their leaving is an evacuation, not a withdrawal.
    pub evacuees: WordSet,
    /// Where words are said ("a news conference in Kabul"): the place of a
    /// speaker's later statements that name none.
    pub venues: WordSet,
    /// What a side deploys besides the forces nouns ("reinforcements",
    /// "warships"): without one of them, "sent" is no deployment.
    pub deployed: WordSet,
    /// Speech that denies what follows it ("denied that ... had fallen").
    pub denial: CueSet,
    /// Words in the name of a side that strikes from the air ("warplanes").
    pub air_agents: WordSet,
    /// Buildings and compounds: storming one in a place is an assault there,
    /// not a change of hands of the place.
    pub facilities: WordSet,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct QuantitiesFile {
    #[serde(default)]
    unit: Vec<UnitSpec>,
    #[serde(default)]
    skip: Vec<String>,
    #[serde(default)]
    qualifiers: HashMap<String, Qualifier>,
    #[serde(default)]
    numbers: HashMap<String, f64>,
    #[serde(default)]
    multipliers: HashMap<String, f64>,
    #[serde(default)]
    shares: HashMap<String, f64>,
    #[serde(default)]
    fatality_words: Vec<String>,
    #[serde(default)]
    injury_words: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct UnitSpec {
    unit: String,
    words: Vec<String>,
    #[serde(default)]
    territorial: bool,
    #[serde(default)]
    share: bool,
    #[serde(default)]
    area: bool,
}

/// A counted unit: the words that name it and what kind of count it is.
#[derive(Clone, Debug)]
pub(crate) struct Unit {
    pub unit: String,
    pub words: Vec<Words>,
    pub territorial: bool,
    pub share: bool,
    /// An area ("square km"): what a side holds or took, not places.
    pub area: bool,
}

/// A set of bytes.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct ByteSet([u64; 4]);

impl ByteSet {
    /// The set of the first bytes of some words.
    pub(crate) fn first_bytes<'w>(words: impl IntoIterator<Item = &'w String>) -> ByteSet {
        let mut set = ByteSet::default();
        for b in words.into_iter().filter_map(|w| w.as_bytes().first()) {
            set.0[usize::from(b >> 6)] |= 1 << (b & 63);
        }
        set
    }

    pub(crate) fn contains(&self, b: u8) -> bool {
        self.0[usize::from(b >> 6)] & (1 << (b & 63)) != 0
    }
}

/// The (first byte, length) pairs of a set's words: most other words are
/// ruled out with one load instead of hashing them.
#[derive(Clone, Debug)]
pub(crate) struct Shapes([u32; 256]);

impl Default for Shapes {
    fn default() -> Shapes {
        Shapes([0; 256])
    }
}

impl Shapes {
    /// Bit `n` of a byte's mask: some word starts with it and is `n` bytes
    /// long (31 standing for any longer one; the empty word is byte 0).
    pub(crate) fn of<'w>(words: impl IntoIterator<Item = &'w String>) -> Shapes {
        let mut shapes = Shapes::default();
        for w in words {
            shapes.add(w);
        }
        shapes
    }

    pub(crate) fn add(&mut self, w: &str) {
        self.0[Shapes::slot(w)] |= 1 << w.len().min(31);
    }

    /// False when no word of the set can be `w`.
    pub(crate) fn may_contain(&self, w: &str) -> bool {
        self.0[Shapes::slot(w)] & (1 << w.len().min(31)) != 0
    }

    fn slot(w: &str) -> usize {
        usize::from(w.as_bytes().first().copied().unwrap_or(0))
    }
}

/// Number words, qualifiers and units.
#[derive(Clone, Debug, Default)]
pub(crate) struct QuantityWords {
    pub units: Vec<Unit>,
    pub skip: WordSet,
    pub qualifiers: Vec<(Words, Qualifier)>,
    pub numbers: WordMap<f64>,
    pub multipliers: WordMap<f64>,
    pub shares: Vec<(Words, f64)>,
    pub fatality_words: WordSet,
    pub injury_words: WordSet,
    /// The words a written number or share can start with, so a sentence's
    /// other tokens are passed over with one lookup.
    pub starters: WordSet,
    /// The first bytes of `starters` (filled when the extractor is built), so
    /// most tokens are passed over without hashing.
    pub starter_bytes: ByteSet,
    /// The shapes of `fatality_words` and `injury_words` (filled likewise).
    pub fatality_shapes: Shapes,
    pub injury_shapes: Shapes,
    /// The shapes of the last words of `qualifiers` (filled likewise): a
    /// qualifier ends right before its number, so most numbers need no
    /// comparison with each qualifier ("a" is a number).
    pub qualifier_end_shapes: Shapes,
    /// Unit phrases by their first word: (unit, phrase) indexes into `units`,
    /// so a unit is looked for with one lookup per word.
    pub unit_starts: WordMap<Vec<(usize, usize)>>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct MediaFile {
    #[serde(default)]
    media: Vec<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct CodesFile {
    #[serde(default)]
    kind: Vec<KindSpec>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct KindSpec {
    kind: String,
    plover: Option<String>,
    acled: Option<[String; 2]>,
    acled_state: Option<[String; 2]>,
    #[serde(default)]
    cues: Vec<CueSpec>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CueSpec {
    words: Vec<String>,
    acled: [String; 2],
}

/// The codes one event kind carries.
#[derive(Clone, Debug, Default)]
pub(crate) struct KindCodes {
    pub plover: Option<String>,
    pub acled: Option<[String; 2]>,
    pub acled_state: Option<[String; 2]>,
    /// Word cues refining the ACLED sub-event type, first match wins.
    pub cues: Vec<(Vec<Words>, [String; 2])>,
}

/// Everything the extractor reads from the lexicon files.
#[derive(Clone, Debug, Default)]
pub(crate) struct Lexicon {
    pub defs: Vec<TriggerDef>,
    pub forms: Vec<TriggerForm>,
    /// Folded, inflected phrases that hold a trigger's word without its
    /// sense ("take part", "hit back"): where one matches, the trigger
    /// inside it is no trigger.
    pub idioms: Vec<String>,
    /// Phrases with an actor slot ("in {actor} hands").
    pub slots: Vec<SlotPhrase>,
    /// Indices into `slots` by the first word after the slot ("" when the
    /// phrase ends at the slot): most actors are followed by no such word.
    pub slots_by_next: WordMap<Vec<usize>>,
    /// The folded nominal triggers, to tell "the arrest" (a noun trigger)
    /// from "the city's jail" (a verb trigger's word used as a noun).
    pub noun_forms: WordSet,
    pub cues: Cues,
    pub quantities: QuantityWords,
    pub media: Vec<String>,
    pub codes: HashMap<EventKind, KindCodes>,
    pub intent: Intent,
    /// What each listed word may start or end (filled when the extractor is
    /// built).
    pub flags: WordFlags,
}

/// Per-word tests the rules repeat at many tokens, answered by one lookup
/// per token when an article's view is built: whether a word starts a cue
/// (and of which set), breaks a clause or starts a quantity.
#[derive(Clone, Debug, Default)]
pub(crate) struct WordFlags {
    /// Every word added, with its flags; `slots` is made from it.
    map: WordMap<u32>,
    /// The words of `map` in an open-addressed table (linear probing, at
    /// most half full) keyed by their first eight bytes and length: a token
    /// is looked up with one multiplication and mostly one probe, where
    /// hashing it byte by byte and comparing it with `memcmp` cost several
    /// times that. Most of a text's common words are listed.
    slots: Vec<Slot>,
    /// The word of each slot, compared only for words longer than eight
    /// bytes (the others are their slot's key).
    words: Vec<Box<str>>,
}

/// A word of [`WordFlags`]: its first eight bytes (little-endian, zero
/// padded), its length (0 for an empty slot) and its flags.
#[derive(Clone, Copy, Debug, Default)]
struct Slot {
    head: u64,
    len: u32,
    flags: u32,
}

impl WordFlags {
    /// The word ends a trigger's clause (see [`Cues::clause_breaks`]).
    pub(crate) const CLAUSE_BREAK: u32 = 1;
    /// A number or share may start with the word (see `quantity::may_start`).
    pub(crate) const QUANTITY_START: u32 = 2;
    /// A noun of a state's forces or government starts with the word (see
    /// [`Cues::state_forces_nouns`]).
    pub(crate) const STATE_NOUN_START: u32 = 4;
    /// The word points back to a place (see [`Cues::place_anaphors`]).
    pub(crate) const PLACE_ANAPHOR: u32 = 8;
    /// The word is a noun that may stand for a body named before, or its
    /// possessive (see `doc::GROUP_ANAPHORS`).
    pub(crate) const GROUP_ANAPHOR: u32 = 16;
    /// A cue word of an ACLED sub-event type starts with the word (see
    /// [`KindCodes::cues`]).
    pub(crate) const ACLED_CUE_START: u32 = 32;
    /// The bit of the first [`CueSet`]: a cue of that set starts with the
    /// word. The other sets have the bits above it ([`CueSet::flag`]).
    pub(crate) const FIRST_CUE_SET: u32 = 64;

    pub(crate) fn add<W: AsRef<str>>(&mut self, words: impl IntoIterator<Item = W>, flag: u32) {
        for w in words {
            *self.map.entry(w.as_ref().to_string()).or_default() |= flag;
        }
        self.fill_slots();
    }

    /// Makes the table anew from `map` (when the extractor is built).
    fn fill_slots(&mut self) {
        let size = (2 * self.map.len()).next_power_of_two().max(16);
        self.slots = vec![Slot::default(); size];
        self.words = vec![Box::default(); size];
        // The empty word has no slot (length 0 marks an empty one); `get`
        // asks the map for it.
        for (w, &flags) in self.map.iter().filter(|(w, _)| !w.is_empty()) {
            let head = WordFlags::head(w.as_bytes());
            let mut i = self.slot_of(head, w.len());
            while self.slots[i].len != 0 {
                i = (i + 1) & (size - 1);
            }
            self.slots[i] = Slot {
                head,
                // Words longer than `u32::MAX` bytes are not listed.
                len: u32::try_from(w.len()).unwrap_or(u32::MAX),
                flags,
            };
            self.words[i] = w.as_str().into();
        }
    }

    /// The first eight bytes of a word, little-endian, zero padded.
    fn head(w: &[u8]) -> u64 {
        match w.first_chunk::<8>() {
            Some(first) => u64::from_le_bytes(*first),
            None => w.iter().rev().fold(0, |x, &b| x << 8 | u64::from(b)),
        }
    }

    /// The home slot of a word (Fibonacci hashing of its head and length).
    fn slot_of(&self, head: u64, len: usize) -> usize {
        let h = head
            .wrapping_add(len as u64)
            .wrapping_mul(0x9e37_79b9_7f4a_7c15);
        (h >> 32) as usize & (self.slots.len() - 1)
    }

    /// The flags of the words added equal to `w` (0 for any other word).
    pub(crate) fn get(&self, w: &str) -> u32 {
        self.get_at(w.as_bytes(), 0..w.len())
    }

    /// The flags of the word `text[r]`: as [`WordFlags::get`], reading the
    /// word's head from the text in one load when eight bytes follow its
    /// start (a token most often). Inlined into the per-token loop that
    /// calls it: out of line, saving and restoring registers cost as much
    /// as the lookup.
    #[inline(always)]
    pub(crate) fn get_at(&self, text: &[u8], r: Range<usize>) -> u32 {
        let b = &text[r.clone()];
        if b.is_empty() || self.slots.is_empty() {
            let w = std::str::from_utf8(b).unwrap_or_default();
            return self.map.get(w).copied().unwrap_or(0);
        }
        let head = match text[r.start..].first_chunk::<8>() {
            Some(chunk) if b.len() >= 8 => u64::from_le_bytes(*chunk),
            Some(chunk) => u64::from_le_bytes(*chunk) & ((1 << (8 * b.len())) - 1),
            None => WordFlags::head(b),
        };
        let mut i = self.slot_of(head, b.len());
        // The table is at most half full: the probe ends at an empty slot.
        loop {
            let s = self.slots[i];
            if s.len == 0 {
                return 0;
            }
            if s.head == head
                && s.len as usize == b.len()
                && (b.len() <= 8 || self.words[i].as_bytes() == b)
            {
                return s.flags;
            }
            i = (i + 1) & (self.slots.len() - 1);
        }
    }
}

impl Lexicon {
    /// Adds one lexicon file's content; `name` says which file it is.
    pub(crate) fn add(
        &mut self,
        name: &str,
        source: &str,
        origin: &str,
    ) -> Result<(), ExtractError> {
        let parse_err = |e: toml::de::Error| ExtractError::Parse {
            file: origin.to_string(),
            message: e.to_string(),
        };
        match name {
            // Both files hold triggers; they are split only to keep each readable.
            "events.toml" | "diplomacy.toml" => {
                let file: EventsFile = toml::from_str(source).map_err(parse_err)?;
                for spec in file.trigger {
                    self.add_trigger(spec, origin)?;
                }
                let i = &mut self.intent;
                i.cues.fill(&file.intent.cues);
                i.agree.extend(file.intent.agree);
                i.threaten.extend(file.intent.threaten);
                i.conditions.fill(&file.intent.conditions);
                i.obligation.fill(&file.obligation);
                self.cues
                    .state_government_nouns
                    .fill(&file.government_nouns);
                self.idioms.extend(
                    file.idioms
                        .iter()
                        .flat_map(|v| inflect(v))
                        .map(|(text, _)| text)
                        .chain(file.idiom_phrases.iter().map(|p| fold(p))),
                );
            }
            "cues.toml" => {
                let f: CuesFile = toml::from_str(source).map_err(parse_err)?;
                let c = &mut self.cues;
                c.negation.fill(&f.negation);
                c.hypothetical.fill(&f.hypothetical);
                c.future.fill(&f.future);
                c.reported_future.fill(&f.reported_future);
                c.speech_reference.fill(&f.speech_reference);
                c.aggregate.fill(&f.aggregate);
                c.clause_breaks.fill(&f.clause_breaks);
                c.commentator_roles.fill(&f.commentator_roles);
                c.informants.fill(&f.informants);
                c.person_pronouns.fill(&f.person_pronouns);
                c.group_pronouns.fill(&f.group_pronouns);
                c.target_prepositions.fill(&f.target_prepositions);
                c.state_forces_nouns.fill(&f.state_forces_nouns);
                c.state_government_nouns.fill(&f.state_government_nouns);
                c.background.fill(&f.background);
                c.place_anaphors.fill(&f.place_anaphors);
                c.absence.fill(&f.absence);
                c.harmless.fill(&f.harmless);
                c.causes.fill(&f.causes);
                c.assault_verbs.fill(&f.assault_verbs);
                c.flight_verbs.fill(&f.flight_verbs);
                c.gatherings.fill(&f.gatherings);
                c.peaceful.fill(&f.peaceful);
                c.captives.fill(&f.captives);
                c.claims.fill(&f.claims);
                c.evacuees.fill(&f.evacuees);
                c.venues.fill(&f.venues);
                c.deployed.fill(&f.deployed);
                c.denial.fill(&f.denial);
                c.air_agents.fill(&f.air_agents);
                c.facilities.fill(&f.facilities);
            }
            "quantities.toml" => {
                let f: QuantitiesFile = toml::from_str(source).map_err(parse_err)?;
                let q = &mut self.quantities;
                q.units.extend(f.unit.into_iter().map(|u| Unit {
                    unit: u.unit,
                    words: u.words.iter().map(|w| words(w)).collect(),
                    territorial: u.territorial,
                    share: u.share,
                    area: u.area,
                }));
                q.unit_starts.clear();
                for (u, unit) in q.units.iter().enumerate() {
                    for (k, w) in unit.words.iter().enumerate() {
                        if let Some(first) = w.first() {
                            q.unit_starts.entry(first.clone()).or_default().push((u, k));
                        }
                    }
                }
                q.skip.extend(f.skip.iter().map(|s| fold(s)));
                q.qualifiers
                    .extend(f.qualifiers.iter().map(|(k, v)| (words(k), *v)));
                q.qualifiers
                    .sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
                q.numbers
                    .extend(f.numbers.into_iter().map(|(k, v)| (fold(&k), v)));
                q.multipliers
                    .extend(f.multipliers.into_iter().map(|(k, v)| (fold(&k), v)));
                q.shares
                    .extend(f.shares.iter().map(|(k, v)| (words(k), *v)));
                q.shares.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
                let starters: Vec<String> = q
                    .numbers
                    .keys()
                    .cloned()
                    .chain(q.shares.iter().filter_map(|(w, _)| w.first().cloned()))
                    .collect();
                q.starters.extend(starters);
                q.fatality_words
                    .extend(f.fatality_words.iter().map(|s| fold(s)));
                q.injury_words
                    .extend(f.injury_words.iter().map(|s| fold(s)));
            }
            "media.toml" => {
                let f: MediaFile = toml::from_str(source).map_err(parse_err)?;
                self.media.extend(f.media);
            }
            "codes.toml" => {
                let f: CodesFile = toml::from_str(source).map_err(parse_err)?;
                for spec in f.kind {
                    let kind = parse_kind(&spec.kind, origin)?;
                    let cues = spec
                        .cues
                        .into_iter()
                        .map(|c| (c.words.iter().map(|w| words(w)).collect(), c.acled))
                        .collect();
                    self.codes.insert(
                        kind,
                        KindCodes {
                            plover: spec.plover,
                            acled: spec.acled,
                            acled_state: spec.acled_state,
                            cues,
                        },
                    );
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// Reads the lexicon files present in `dir` and adds them.
    pub(crate) fn add_dir(&mut self, dir: &Path) -> Result<(), ExtractError> {
        if !dir.is_dir() {
            return Err(ExtractError::NotADirectory(dir.to_path_buf()));
        }
        for name in FILES {
            let path = dir.join(name);
            if !path.exists() {
                continue;
            }
            let source = std::fs::read_to_string(&path).map_err(|e| ExtractError::Io {
                path: path.clone(),
                source: e,
            })?;
            self.add(name, &source, &path.display().to_string())?;
        }
        Ok(())
    }

    fn add_trigger(&mut self, spec: TriggerSpec, origin: &str) -> Result<(), ExtractError> {
        let kind = parse_kind(&spec.kind, origin)?;
        let def = self.defs.len();
        self.defs.push(TriggerDef {
            kind,
            plover: spec.plover,
            mode: spec.mode,
            voice: spec.voice,
            needs: spec.needs,
            speech: spec.speech,
        });
        for verb in &spec.verbs {
            for (text, form) in inflect(verb) {
                if !self.add_slot(def, &text, form) {
                    self.forms.push(TriggerForm { text, def, form });
                }
            }
        }
        for noun in &spec.nouns {
            let noun = fold(noun);
            // "air strike" → "air strikes"; "siege of" has no plural form.
            let (head, last) = noun.rsplit_once(' ').unwrap_or(("", noun.as_str()));
            if !FUNCTION_WORDS.contains(&last) {
                let text = if head.is_empty() {
                    plural(last)
                } else {
                    format!("{head} {}", plural(last))
                };
                // "the attacks": a plural written like a verb's -s form.
                self.noun_forms.insert(text.clone());
                self.forms.push(TriggerForm {
                    text,
                    def,
                    form: Form::Noun,
                });
            }
            self.noun_forms.insert(noun.clone());
            self.forms.push(TriggerForm {
                text: noun,
                def,
                form: Form::Noun,
            });
        }
        for phrase in &spec.phrases {
            if self.add_slot(def, &fold(phrase), Form::Phrase) {
                continue;
            }
            self.forms.push(TriggerForm {
                text: fold(phrase),
                def,
                form: Form::Phrase,
            });
        }
        Ok(())
    }
}

impl Lexicon {
    /// Adds a folded trigger form with an actor slot; false when it has none.
    fn add_slot(&mut self, def: usize, text: &str, form: Form) -> bool {
        let Some((before, after)) = text.split_once(SLOT) else {
            return false;
        };
        let words = |x: &str| -> Vec<String> { x.split_whitespace().map(str::to_string).collect() };
        let after = words(after);
        let next = after.first().cloned().unwrap_or_default();
        self.slots_by_next
            .entry(next)
            .or_default()
            .push(self.slots.len());
        self.slots.push(SlotPhrase {
            def,
            form,
            before: words(before),
            after,
        });
        true
    }
}

fn parse_kind(s: &str, origin: &str) -> Result<EventKind, ExtractError> {
    EventKind::parse(s).ok_or_else(|| ExtractError::UnknownKind {
        file: origin.to_string(),
        kind: s.to_string(),
    })
}

/// Words that end a nominal trigger without being its head ("siege of").
const FUNCTION_WORDS: &[&str] = &[
    "of", "on", "to", "for", "with", "against", "into", "that", "from", "in", "at", "by",
];

/// A set of cues filled from the phrases a lexicon file writes, each kept in
/// the form its set looks words up by.
trait Fill {
    fn fill(&mut self, written: &[String]);
}

/// Single words, folded.
impl Fill for WordSet {
    fn fill(&mut self, written: &[String]) {
        self.extend(written.iter().map(|s| fold(s)));
    }
}

/// Whole phrases, folded (a role is matched inside a longer title).
impl Fill for Vec<String> {
    fn fill(&mut self, written: &[String]) {
        self.extend(written.iter().map(|s| fold(s)));
    }
}

/// Phrases as tokens, compared word by word.
impl Fill for Vec<Words> {
    fn fill(&mut self, written: &[String]) {
        self.extend(written.iter().map(|s| words(s)));
    }
}

/// Phrases as tokens, indexed by their first word.
impl Fill for CueSet {
    fn fill(&mut self, written: &[String]) {
        self.extend(written.iter().map(|s| words(s)));
    }
}

/// Folds like the recogniser does, trimming and collapsing spaces.
pub(crate) fn fold(s: &str) -> String {
    let f = sitrep_text::fold(s.trim());
    f.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A phrase as folded tokens, the same tokens the text is cut into.
pub(crate) fn words(s: &str) -> Words {
    let f = fold(s);
    sitrep_text::tokens(&f)
        .iter()
        .map(|t| t.slice(&f).to_string())
        .collect()
}

/// Every written form of a verb spec: `lemma[:past[:participle[:ing]]]`, where
/// the lemma may carry particles after its first word ("pull out").
pub(crate) fn inflect(spec: &str) -> Vec<(String, Form)> {
    let parts: Vec<String> = spec.split(':').map(fold).collect();
    let lemma = &parts[0];
    let (head, rest) = match lemma.split_once(' ') {
        Some((h, r)) => (h.to_string(), format!(" {r}")),
        None => (lemma.clone(), String::new()),
    };
    // Irregular forms are given whole, particles included.
    let given = |i: usize| parts.get(i).filter(|p| !p.is_empty()).cloned();
    let regular_past = format!("{}{rest}", past_of(&head));
    let past = given(1).unwrap_or_else(|| regular_past.clone());
    let participle = given(2).unwrap_or_else(|| past.clone());
    let ing = given(3).unwrap_or_else(|| format!("{}{rest}", ing_of(&head)));
    let mut out = vec![
        (lemma.clone(), Form::Base),
        (format!("{}{rest}", third_person(&head)), Form::ThirdPerson),
        (ing, Form::Ing),
    ];
    if participle == past {
        out.push((past, Form::Past));
    } else {
        out.push((past, Form::Past));
        out.push((participle, Form::Participle));
    }
    out
}

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// Short verbs ending consonant-vowel-consonant double the consonant ("ban" → "banned").
fn doubles(w: &str) -> bool {
    let b = w.as_bytes();
    let n = b.len();
    (3..=4).contains(&n)
        && !is_vowel(b[n - 1])
        && !matches!(b[n - 1], b'w' | b'x' | b'y')
        && is_vowel(b[n - 2])
        && !is_vowel(b[n - 3])
}

fn third_person(w: &str) -> String {
    if w.ends_with('s')
        || w.ends_with('x')
        || w.ends_with("sh")
        || w.ends_with("ch")
        || w.ends_with('z')
    {
        format!("{w}es")
    } else if let Some(stem) = consonant_y(w) {
        format!("{stem}ies")
    } else {
        format!("{w}s")
    }
}

fn past_of(w: &str) -> String {
    if w.ends_with('e') {
        format!("{w}d")
    } else if let Some(stem) = consonant_y(w) {
        format!("{stem}ied")
    } else if doubles(w) {
        format!("{w}{}ed", &w[w.len() - 1..])
    } else {
        format!("{w}ed")
    }
}

fn ing_of(w: &str) -> String {
    if w.ends_with("ee") || w.ends_with("ye") {
        format!("{w}ing")
    } else if let Some(stem) = w.strip_suffix('e') {
        format!("{stem}ing")
    } else if doubles(w) {
        format!("{w}{}ing", &w[w.len() - 1..])
    } else {
        format!("{w}ing")
    }
}

/// The stem of a word ending in consonant + y ("occupy" → "occup").
fn consonant_y(w: &str) -> Option<&str> {
    let stem = w.strip_suffix('y')?;
    let last = *stem.as_bytes().last()?;
    (!is_vowel(last)).then_some(stem)
}

fn plural(w: &str) -> String {
    if w.ends_with('s') {
        w.to_string()
    } else {
        third_person(w)
    }
}

#[cfg(test)]
mod shape_tests {
    use super::Shapes;

    /// A shape filter may let a non-member through, never turn a member away.
    #[test]
    fn shapes_keep_members_and_rule_out_other_shapes() {
        let set: Vec<String> = ["not", "never", "", "internationally-recognised"]
            .iter()
            .map(|w| w.to_string())
            .collect();
        let shapes = Shapes::of(&set);
        for w in &set {
            assert!(shapes.may_contain(w), "{w:?} turned away");
        }
        let cases = [
            ("now", true), // same first byte and length as "not"
            ("no", false),
            ("nothing", false),
            ("taliban", false),
            ("internationally-recognized", true), // both past the length cap
        ];
        for (w, may) in cases {
            assert_eq!(shapes.may_contain(w), may, "{w:?}");
        }
    }
}

#[cfg(test)]
mod word_flags_tests {
    use super::WordFlags;

    /// The table answers as the map of added words would, for words of any
    /// length, inside a longer text or at its end, and for the empty word.
    #[test]
    fn flags_are_those_of_the_equal_word() {
        let mut flags = WordFlags::default();
        flags.add(["not", "never", "the", "a", "government"], 1);
        flags.add(["governments", "governmentx", "the", "eight888"], 2);
        flags.add([""], 4);
        let cases = [
            ("not", 1),
            ("the", 3),
            ("a", 1),
            ("government", 1),
            ("governments", 2),
            ("governmentx", 2),
            ("governmenty", 0),
            ("eight888", 2),
            ("eight88", 0),
            ("eight8888", 0),
            ("no", 0),
            ("nota", 0),
            ("a\0", 0),
            ("", 4),
        ];
        for (w, want) in cases {
            assert_eq!(flags.get(w), want, "{w:?}");
            // The same word followed by more text.
            let text = format!("{w} and the rest of a sentence");
            assert_eq!(flags.get_at(text.as_bytes(), 0..w.len()), want, "{w:?}");
            let text = format!("x {w}");
            assert_eq!(flags.get_at(text.as_bytes(), 2..text.len()), want, "{w:?}");
        }
    }
}
