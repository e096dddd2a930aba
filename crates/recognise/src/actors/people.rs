//! People: roles read around a name, unknown people introduced by a title or
//! followed by a descriptive apposition, later mentions by surname alone, and
//! pronouns.
//!
//! Roles come from the text when it gives one, in three shapes: a title chain
//! before the name ("the British Defense Minister Ben Wallace", "The U.S.
//! Special Representative for Afghanistan, Zalmay Khalilzad"), an apposition
//! after it ("Rudra Chaudhuri, a lecturer in ..., said"), or a bracketed note
//! ("Mullah Baradar [the Taliban co-founder]"). Otherwise the dictionary's role
//! is used.

use sitrep_actors::Person;
use sitrep_model::{PersonMention, Span};
use sitrep_text::{PackedWord, Token, TokenKind};

use super::Context;

/// A person mention before it becomes a [`sitrep_model::Mention`].
pub(super) struct Found {
    pub span: Span,
    pub person: PersonMention,
}

impl Found {
    fn is_named(&self) -> bool {
        !self.person.via_pronoun
    }

    /// What makes two mentions the same person: the id, else the name.
    fn identity(&self) -> &str {
        self.person.id.as_deref().unwrap_or(&self.person.name)
    }
}

/// The title and name lexicon: every word the rules look up, with its classes,
/// sorted by first letter, length and spelling, and indexed by the first two
/// in [`INDEX`].
///
/// Roles head a title ("minister", "co-founder"); honorifics introduce a name
/// without being a role ("Mr"); modifiers sit inside a title ("police
/// spokesman", "former defence minister"); connectors join its parts
/// ("Secretary of Defense"); stop words are capitalised words never part of a
/// title or name ("The", "Friday"); abbreviated titles take a period ("Gen.").
const LEXICON: &[(&str, u16)] = &[
    ("a", Class::STOP | Class::ARTICLE),
    ("an", Class::STOP | Class::ARTICLE),
    ("as", Class::STOP),
    ("at", Class::STOP),
    ("adm", Class::ROLE | Class::ABBREVIATED),
    ("and", Class::STOP),
    ("aide", Class::ROLE),
    ("also", Class::STOP),
    ("army", Class::MODIFIER),
    ("about", Class::STOP),
    ("after", Class::STOP),
    ("april", Class::STOP),
    ("acting", Class::MODIFIER),
    ("august", Class::STOP),
    ("admiral", Class::ROLE),
    ("adviser", Class::ROLE),
    ("advisor", Class::ROLE),
    ("analyst", Class::ROLE),
    ("activist", Class::ROLE),
    ("attorney", Class::ROLE),
    ("according", Class::STOP),
    ("assistant", Class::MODIFIER),
    ("associate", Class::MODIFIER),
    ("ayatollah", Class::ROLE),
    ("ambassador", Class::ROLE),
    ("administrator", Class::ROLE),
    ("by", Class::STOP),
    ("but", Class::STOP),
    ("both", Class::STOP),
    ("brig", Class::ROLE | Class::ABBREVIATED),
    ("before", Class::STOP),
    ("because", Class::STOP),
    ("brigadier", Class::ROLE),
    ("col", Class::ROLE | Class::ABBREVIATED),
    ("capt", Class::ROLE | Class::ABBREVIATED),
    ("chair", Class::ROLE),
    ("chief", Class::ROLE | Class::MODIFIER),
    ("cleric", Class::ROLE),
    ("captain", Class::ROLE),
    ("colonel", Class::ROLE),
    ("chairman", Class::ROLE),
    ("caretaker", Class::MODIFIER),
    ("commander", Class::ROLE),
    ("counselor", Class::ROLE),
    ("chairwoman", Class::ROLE),
    ("chancellor", Class::ROLE),
    ("co-founder", Class::ROLE),
    ("commandant", Class::ROLE),
    ("counsellor", Class::ROLE),
    ("congressman", Class::ROLE),
    ("coordinator", Class::ROLE),
    ("commissioner", Class::ROLE),
    ("congresswoman", Class::ROLE),
    ("correspondent", Class::ROLE),
    ("commander-in-chief", Class::ROLE),
    ("dr", Class::HONORIFIC | Class::ABBREVIATED),
    ("dame", Class::HONORIFIC),
    ("deputy", Class::ROLE | Class::MODIFIER),
    ("during", Class::STOP),
    ("defence", Class::MODIFIER),
    ("defense", Class::MODIFIER),
    ("despite", Class::STOP),
    ("december", Class::STOP),
    ("diplomat", Class::ROLE),
    ("director", Class::ROLE),
    ("district", Class::MODIFIER),
    ("director-general", Class::ROLE),
    ("ex", Class::MODIFIER),
    ("emir", Class::ROLE),
    ("even", Class::STOP),
    ("elder", Class::ROLE),
    ("envoy", Class::ROLE),
    ("editor", Class::ROLE),
    ("expert", Class::ROLE),
    ("earlier", Class::STOP),
    ("emissary", Class::ROLE),
    ("for", Class::CONNECTOR | Class::STOP),
    ("from", Class::STOP),
    ("first", Class::MODIFIER),
    ("fellow", Class::ROLE),
    ("former", Class::MODIFIER),
    ("friday", Class::STOP),
    ("finance", Class::MODIFIER),
    ("foreign", Class::MODIFIER),
    ("founder", Class::ROLE),
    ("february", Class::STOP),
    ("gen", Class::ROLE | Class::ABBREVIATED),
    ("gov", Class::ROLE | Class::ABBREVIATED),
    ("general", Class::ROLE | Class::MODIFIER),
    ("governor", Class::ROLE),
    ("government", Class::MODIFIER),
    ("he", Class::STOP | Class::PRONOUN),
    ("her", Class::STOP | Class::PRONOUN),
    ("him", Class::PRONOUN),
    ("his", Class::STOP | Class::PRONOUN),
    ("haji", Class::HONORIFIC),
    ("head", Class::ROLE),
    ("here", Class::STOP),
    ("hajji", Class::HONORIFIC),
    ("health", Class::MODIFIER),
    ("however", Class::STOP),
    ("i", Class::STOP),
    ("if", Class::STOP),
    ("in", Class::STOP),
    ("it", Class::STOP),
    ("its", Class::STOP),
    ("imam", Class::ROLE),
    ("into", Class::STOP),
    ("interim", Class::MODIFIER),
    ("interior", Class::MODIFIER),
    ("inspector", Class::ROLE),
    ("independent", Class::MODIFIER),
    ("information", Class::MODIFIER),
    ("intelligence", Class::MODIFIER),
    ("july", Class::STOP),
    ("june", Class::STOP),
    ("judge", Class::ROLE),
    ("january", Class::STOP),
    ("justice", Class::MODIFIER),
    ("journalist", Class::ROLE),
    ("journalists", Class::ROLE),
    ("king", Class::ROLE),
    ("lt", Class::ROLE | Class::ABBREVIATED),
    ("lady", Class::HONORIFIC),
    ("last", Class::STOP),
    ("lord", Class::HONORIFIC),
    ("later", Class::STOP),
    ("local", Class::MODIFIER),
    ("lawyer", Class::ROLE),
    ("leader", Class::ROLE),
    ("lawmaker", Class::ROLE),
    ("lecturer", Class::ROLE),
    ("legislator", Class::ROLE),
    ("lieutenant", Class::ROLE),
    ("mp", Class::ROLE),
    ("mr", Class::HONORIFIC | Class::ABBREVIATED),
    ("ms", Class::HONORIFIC | Class::ABBREVIATED),
    ("may", Class::STOP),
    ("mrs", Class::HONORIFIC | Class::ABBREVIATED),
    ("march", Class::STOP),
    ("mayor", Class::ROLE),
    ("maulvi", Class::ROLE),
    ("monday", Class::STOP),
    ("mullah", Class::ROLE),
    ("marshal", Class::ROLE),
    ("maulana", Class::HONORIFIC),
    ("mawlawi", Class::ROLE),
    ("monitor", Class::ROLE),
    ("mediator", Class::ROLE),
    ("militant", Class::ROLE),
    ("military", Class::MODIFIER),
    ("minister", Class::ROLE),
    ("meanwhile", Class::STOP),
    ("next", Class::STOP),
    ("national", Class::MODIFIER),
    ("november", Class::STOP),
    ("negotiator", Class::ROLE),
    ("of", Class::CONNECTOR | Class::STOP),
    ("on", Class::CONNECTOR | Class::STOP),
    ("or", Class::STOP),
    ("our", Class::STOP),
    ("only", Class::STOP),
    ("over", Class::STOP),
    ("october", Class::STOP),
    ("officer", Class::ROLE),
    ("observer", Class::ROLE),
    ("official", Class::ROLE),
    ("pres", Class::ROLE | Class::ABBREVIATED),
    ("prof", Class::ROLE | Class::ABBREVIATED),
    ("press", Class::MODIFIER),
    ("prime", Class::MODIFIER),
    ("police", Class::MODIFIER),
    ("prince", Class::ROLE),
    ("premier", Class::ROLE),
    ("political", Class::MODIFIER),
    ("president", Class::ROLE),
    ("professor", Class::ROLE),
    ("prosecutor", Class::ROLE),
    ("provincial", Class::MODIFIER),
    ("queen", Class::ROLE),
    ("rep", Class::ABBREVIATED),
    ("retired", Class::MODIFIER),
    ("regional", Class::MODIFIER),
    ("reporter", Class::ROLE),
    ("resident", Class::ROLE),
    ("reporters", Class::ROLE),
    ("rapporteur", Class::ROLE),
    ("researcher", Class::ROLE),
    ("representative", Class::ROLE),
    ("so", Class::STOP),
    ("sen", Class::ROLE | Class::ABBREVIATED),
    ("sgt", Class::ROLE | Class::ABBREVIATED),
    ("she", Class::STOP | Class::PRONOUN),
    ("sir", Class::HONORIFIC),
    ("said", Class::STOP),
    ("says", Class::STOP),
    ("since", Class::STOP),
    ("state", Class::MODIFIER),
    ("sayyed", Class::HONORIFIC),
    ("second", Class::MODIFIER),
    ("senior", Class::MODIFIER),
    ("sheikh", Class::ROLE),
    ("sunday", Class::STOP),
    ("scholar", Class::ROLE),
    ("senator", Class::ROLE),
    ("speaker", Class::ROLE),
    ("special", Class::MODIFIER),
    ("supreme", Class::MODIFIER),
    ("saturday", Class::STOP),
    ("security", Class::MODIFIER),
    ("sergeant", Class::ROLE),
    ("secretary", Class::ROLE),
    ("september", Class::STOP),
    ("spokesman", Class::ROLE | Class::MODIFIER),
    ("strongman", Class::ROLE),
    ("spokeswoman", Class::ROLE),
    ("spokesperson", Class::ROLE),
    ("superintendent", Class::ROLE),
    ("secretary-general", Class::ROLE),
    ("to", Class::CONNECTOR | Class::STOP),
    ("the", Class::STOP | Class::ARTICLE),
    ("top", Class::MODIFIER),
    ("that", Class::STOP),
    ("then", Class::STOP),
    ("they", Class::STOP),
    ("this", Class::STOP),
    ("their", Class::STOP),
    ("there", Class::STOP),
    ("these", Class::STOP),
    ("those", Class::STOP),
    ("tribal", Class::MODIFIER),
    ("taliban", Class::MODIFIER),
    ("tuesday", Class::STOP),
    ("thursday", Class::STOP),
    ("under", Class::STOP),
    ("vice", Class::MODIFIER),
    ("visiting", Class::MODIFIER),
    ("vice-president", Class::ROLE),
    ("we", Class::STOP),
    ("when", Class::STOP),
    ("with", Class::STOP),
    ("while", Class::STOP),
    ("warlord", Class::ROLE),
    ("without", Class::STOP),
    ("witness", Class::ROLE),
    ("wednesday", Class::STOP),
    ("yet", Class::STOP),
    ("you", Class::STOP),
];

/// Longest word [`LEXICON`] may hold, in bytes, plus one.
const MAX_LEN: usize = 20;

/// `INDEX[g]..INDEX[g + 1]` holds the [`LEXICON`] words of group `g`: first
/// letter `g / MAX_LEN`, length `g % MAX_LEN`; a lookup compares a word with
/// the few words of its shape only.
const INDEX: [usize; 26 * MAX_LEN + 1] = {
    let mut index = [0; 26 * MAX_LEN + 1];
    let mut i = 0;
    while i < LEXICON.len() {
        let word = LEXICON[i].0.as_bytes();
        let group = group(word[0], word.len());
        assert!(
            group < 26 * MAX_LEN,
            "lexicon word too long or not lower case"
        );
        // Counted one slot up, then summed: the start of each group.
        index[group + 1] += 1;
        i += 1;
    }
    let mut g = 0;
    while g < 26 * MAX_LEN {
        index[g + 1] += index[g];
        g += 1;
    }
    index
};

/// [`LEXICON`]'s words packed, where they fit: a lookup compares integers,
/// not bytes.
const PACKED: [Option<PackedWord>; LEXICON.len()] = {
    let mut packed = [None; LEXICON.len()];
    let mut i = 0;
    while i < LEXICON.len() {
        packed[i] = PackedWord::new(LEXICON[i].0.as_bytes());
        i += 1;
    }
    packed
};

/// Per [`INDEX`] group, the set of last letters its words end with (bit 0 =
/// 'a'), which turns most words of a text away before any comparison.
const ENDINGS: [u32; 26 * MAX_LEN] = {
    let mut endings = [0; 26 * MAX_LEN];
    let mut i = 0;
    while i < LEXICON.len() {
        let word = LEXICON[i].0.as_bytes();
        endings[group(word[0], word.len())] |= ending(word[word.len() - 1]);
        i += 1;
    }
    endings
};

/// The [`ENDINGS`] bit of a word's last byte, either case; 0 for a non-letter.
const fn ending(last: u8) -> u32 {
    let lower = last.to_ascii_lowercase();
    if lower.is_ascii_lowercase() {
        1 << (lower - b'a')
    } else {
        0
    }
}

/// The [`INDEX`] group of a word with this lower-case first letter and length.
const fn group(first: u8, len: usize) -> usize {
    (first.wrapping_sub(b'a') as usize) * MAX_LEN + len
}

/// How many sentences back a pronoun may look for its person.
const PRONOUN_REACH: usize = 2;

/// What a token is for the title and name rules, computed once per article
/// so that each word is looked up in the lexicons once.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct Class(u16);

impl Class {
    const WORD: u16 = 1;
    const ROLE: u16 = 1 << 1;
    const HONORIFIC: u16 = 1 << 2;
    const MODIFIER: u16 = 1 << 3;
    const CONNECTOR: u16 = 1 << 4;
    const STOP: u16 = 1 << 5;
    const ABBREVIATED: u16 = 1 << 6;
    const PRONOUN: u16 = 1 << 7;
    const ARTICLE: u16 = 1 << 8;
    const POSSESSIVE: u16 = 1 << 9;
    const CAPITALISED: u16 = 1 << 10;
    const ACRONYM: u16 = 1 << 11;

    fn has(self, flag: u16) -> bool {
        self.0 & flag != 0
    }

    /// A capitalised word that is neither a function word nor a title.
    pub(super) fn is_name_word(self) -> bool {
        self.has(Class::CAPITALISED)
            && !self.has(Class::ACRONYM)
            && !self.has(Class::STOP | Class::ROLE | Class::HONORIFIC)
    }

    /// A word that may be part of a title chain.
    fn in_title(self) -> bool {
        self.has(Class::ROLE | Class::MODIFIER | Class::CONNECTOR)
            || (self.has(Class::CAPITALISED) && !self.has(Class::STOP))
    }
}

/// Every token's class, and the indices of the few tokens the person rules
/// start from: roles, honorifics and pronouns.
pub(super) struct Classes {
    pub of: Vec<Class>,
    pub marked: Vec<usize>,
}

/// Classifies every token of the text.
pub(super) fn classify(text: &str, tokens: &[Token]) -> Classes {
    let of: Vec<Class> = tokens
        .iter()
        .map(|t| {
            if t.kind != TokenKind::Word {
                return Class::default();
            }
            // Bytes, not `&str`: every test here is on ASCII, and slicing
            // bytes skips the char-boundary checks (tokens are whole words).
            let w = &text.as_bytes()[t.span.start..t.span.end];
            let stem = w
                .strip_suffix(b"'s")
                .or_else(|| w.strip_suffix("\u{2019}s".as_bytes()))
                .unwrap_or(w);
            let mut c = Class::WORD;
            if stem.len() != w.len() {
                c |= Class::POSSESSIVE;
            }
            let capitalised = match w.first() {
                Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
                _ => sitrep_text::is_capitalised(t.span.slice(text)),
            };
            if capitalised {
                c |= Class::CAPITALISED;
                if is_acronym(t.span.slice(text)) {
                    c |= Class::ACRONYM;
                }
            }
            c |= lexicon_classes(stem);
            Class(c)
        })
        .collect();
    // Gathered in a second pass over the small classes: the rules then read
    // a few tokens each instead of every token of the article.
    let marked = (0..of.len())
        .filter(|&i| of[i].has(Class::ROLE | Class::HONORIFIC | Class::PRONOUN))
        .collect();
    Classes { of, marked }
}

/// Two letters or more, all capitals ("UN", "U.S.", "ISKP").
fn is_acronym(w: &str) -> bool {
    if w.is_ascii() {
        // One pass that stops at the first lower-case letter, the second
        // byte of most capitalised words.
        let mut letters = 0;
        for c in w.bytes() {
            if c.is_ascii_lowercase() {
                return false;
            }
            letters += usize::from(c.is_ascii_alphabetic());
        }
        return letters > 1;
    }
    let letters = w.chars().filter(|ch| ch.is_alphabetic()).count();
    letters > 1 && w.chars().all(|ch| !ch.is_alphabetic() || ch.is_uppercase())
}

/// The lexicon classes of a word, any case (0 when it is not listed).
fn lexicon_classes(word: &[u8]) -> u16 {
    let Some(first) = word.first().map(u8::to_ascii_lowercase) else {
        return 0;
    };
    if !first.is_ascii_lowercase() || word.len() >= MAX_LEN {
        return 0;
    }
    let g = group(first, word.len());
    if ENDINGS[g] & ending(word[word.len() - 1]) == 0 {
        return 0;
    }
    let mut group = INDEX[g]..INDEX[g + 1];
    // A group's words all have the word's length: they are packed exactly
    // when it is.
    let found = match PackedWord::new(word) {
        Some(p) => group.find(|&i| PACKED[i] == Some(p)),
        None => group.find(|&i| LEXICON[i].0.as_bytes().eq_ignore_ascii_case(word)),
    };
    found.map_or(0, |i| LEXICON[i].1)
}

fn strip_possessive(w: &str) -> &str {
    w.strip_suffix("'s")
        .or_else(|| w.strip_suffix("’s"))
        .unwrap_or(w)
}

/// A dictionary person found by one of their aliases.
pub(super) fn known(ctx: &Context, span: Span, p: &Person) -> Found {
    let role = role_in_text(ctx, span).map_or_else(|| p.role.clone(), |r| Some(r.into()));
    Found {
        span,
        person: PersonMention {
            id: Some(p.id.clone()),
            name: p.name.clone(),
            role,
            affiliation: p.affiliation.clone(),
            country: p.country.clone(),
            via_pronoun: false,
        },
    }
}

/// True if a title or honorific stands right before `span` ("General
/// Hibatullah", "Gen. Miller", "Mr Khan").
pub(super) fn titled(ctx: &Context, span: Span) -> bool {
    let mut i = token_at(ctx, span.start);
    if i > 0 && is_punct(ctx, i - 1, ".") {
        i -= 1;
    }
    i > 0 && ctx.classes[i - 1].has(Class::ROLE | Class::HONORIFIC)
}

/// Adds unknown people, surname-only mentions and resolved pronouns.
/// `taken` holds the spans of dictionary names, which unknown people may not
/// overlap.
pub(super) fn find_more(ctx: &Context, persons: &mut Vec<Found>, taken: &[Span]) {
    let mut unknown = unknown_people(ctx, taken);
    persons.append(&mut unknown);
    let mut by_surname = surname_mentions(ctx, persons, taken);
    persons.append(&mut by_surname);
    persons.sort_by_key(|f| f.span.start);
    let mut pronouns = pronoun_mentions(ctx, persons);
    persons.append(&mut pronouns);
}

/// The role the text gives next to a name, if any.
fn role_in_text(ctx: &Context, name: Span) -> Option<String> {
    let span = role_before(ctx, name).or_else(|| role_after(ctx, name))?;
    Some(squash(span.slice(ctx.text)))
}

/// Collapses whitespace (roles can run across a wrapped line).
fn squash(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

fn is_punct(ctx: &Context, i: usize, p: &str) -> bool {
    ctx.tokens
        .get(i)
        .is_some_and(|t| t.kind == TokenKind::Punct && t.span.slice(ctx.text) == p)
}

/// Index of the first token starting at or after `offset`.
fn token_at(ctx: &Context, offset: usize) -> usize {
    ctx.tokens.partition_point(|t| t.span.start < offset)
}

fn sentence_start(ctx: &Context, offset: usize) -> usize {
    ctx.sentences
        .get(ctx.sentence_index(offset))
        .map_or(0, |s| s.start)
}

fn sentence_end(ctx: &Context, offset: usize) -> usize {
    ctx.sentences
        .get(ctx.sentence_index(offset))
        .map_or(ctx.text.len(), |s| s.end)
}

/// A title chain ending right before the name, or before a comma before it.
fn role_before(ctx: &Context, name: Span) -> Option<Span> {
    let toks = ctx.tokens;
    let class = ctx.classes;
    let floor = sentence_start(ctx, name.start);
    let mut end = token_at(ctx, name.start);
    if end > 0 && is_punct(ctx, end - 1, ",") {
        end -= 1;
    }
    let mut start = end;
    let mut has_role = false;
    while start > 0 && end - start < 10 {
        let i = start - 1;
        if toks[i].span.start < floor || overlaps_person(ctx, toks[i].span, name) {
            break;
        }
        if is_punct(ctx, i, ".") && i > 0 && class[i - 1].has(Class::ABBREVIATED) {
            start -= 2;
            has_role = true;
            continue;
        }
        if !class[i].has(Class::WORD) || !class[i].in_title() {
            break;
        }
        has_role |= class[i].has(Class::ROLE);
        start -= 1;
    }
    while start < end && class[start].has(Class::CONNECTOR) {
        start += 1;
    }
    (has_role && start < end).then(|| Span::new(toks[start].span.start, toks[end - 1].span.end))
}

/// True if `span` lies in another dictionary person's name (so a title chain
/// does not swallow the previous person).
fn overlaps_person(ctx: &Context, span: Span, own: Span) -> bool {
    // The dictionary's matches are in text order and never overlap, so their
    // ends are in order too: those that may overlap `span` are found by a
    // binary search, not by reading them all for every word of a title.
    let first = ctx.matches.partition_point(|m| m.span.end <= span.start);
    ctx.matches[first..]
        .iter()
        .take_while(|m| m.span.start < span.end)
        .any(|m| {
            m.span != own
                && m.span.overlaps(span)
                && matches!(m.targets.owner, Some(sitrep_actors::Owner::Person(_)))
        })
}

/// An apposition or bracketed note right after the name: ", a lecturer in
/// ...,", " [the Taliban co-founder]", " (spokesman)".
fn role_after(ctx: &Context, name: Span) -> Option<Span> {
    role_after_token(ctx, token_at(ctx, name.end))
}

/// Like [`role_after`], starting at the token that opens the apposition.
fn role_after_token(ctx: &Context, open: usize) -> Option<Span> {
    let toks = ctx.tokens;
    let class = ctx.classes;
    let first = toks.get(open)?;
    let closers: &[&str] = match first.span.slice(ctx.text) {
        "," => &[",", ";", ":", ".", ")"],
        "(" => &[")"],
        "[" => &["]"],
        _ => return None,
    };
    let is_closer = |i: usize| {
        toks[i].kind == TokenKind::Punct && closers.contains(&toks[i].span.slice(ctx.text))
    };
    let limit = sentence_end(ctx, first.span.start);
    let mut s = open + 1;
    if class.get(s).is_some_and(|c| c.has(Class::ARTICLE)) {
        s += 1;
    }
    if !class
        .get(s)
        .is_some_and(|c| c.has(Class::WORD) && c.in_title())
    {
        return None;
    }
    let mut e = s;
    let mut last_role = None;
    while e < toks.len() && e - s < 14 && toks[e].span.end <= limit && !is_closer(e) {
        if class[e].has(Class::ROLE) && e - s < 6 {
            last_role = Some(e);
        }
        e += 1;
    }
    let last_role = last_role?;
    // Without a closing mark the apposition's end is unknown: keep the title.
    let last = if e < toks.len() && is_closer(e) {
        e - 1
    } else {
        last_role
    };
    Some(Span::new(toks[s].span.start, toks[last].span.end))
}

/// The span of a name made of `toks[from..to]`, without a possessive ending.
fn name_span(ctx: &Context, from: usize, to: usize) -> Span {
    let toks = ctx.tokens;
    let last = toks[to - 1].span;
    let stem = strip_possessive(last.slice(ctx.text));
    Span::new(toks[from].span.start, last.start + stem.len())
}

fn unknown(ctx: &Context, span: Span, role: Option<String>) -> Found {
    Found {
        span,
        person: PersonMention {
            id: None,
            name: squash(span.slice(ctx.text)).into(),
            role: role.map(Into::into),
            affiliation: None,
            country: None,
            via_pronoun: false,
        },
    }
}

/// People the dictionary does not know, recognised by a title right before a
/// capitalised name ("Governor Abdul Qayoom Rahimi", "police spokesman Ahmad
/// Zia") or by a role apposition after one ("Rudra Chaudhuri, a lecturer").
fn unknown_people(ctx: &Context, taken: &[Span]) -> Vec<Found> {
    let toks = ctx.tokens;
    let class = ctx.classes;
    let mut out: Vec<Found> = Vec::new();
    let free = |span: Span, out: &[Found]| {
        !taken.iter().any(|t| t.overlaps(span)) && !out.iter().any(|f| f.span.overlaps(span))
    };
    for &r in ctx.marked {
        let c = class[r];
        // "King's College" is an institution, not a title before a name.
        if !c.has(Class::ROLE | Class::HONORIFIC) || c.has(Class::POSSESSIVE) {
            continue;
        }
        let mut n = r + 1;
        if is_punct(ctx, n, ".") && c.has(Class::ABBREVIATED) {
            n += 1;
        }
        let floor_end = sentence_end(ctx, toks[r].span.start);
        let mut m = n;
        while m < toks.len()
            && m - n < 5
            && toks[m].span.end <= floor_end
            && class[m].is_name_word()
        {
            m += 1;
        }
        let len = m - n;
        // One capitalised word after a capitalised title is a name ("General
        // Miller"); after a lower-case role it is too often a place.
        let enough = len >= 2 || (len == 1 && c.has(Class::CAPITALISED));
        if !enough || len > 4 {
            continue;
        }
        let span = name_span(ctx, n, m);
        if !free(span, &out) {
            continue;
        }
        let role = if c.has(Class::HONORIFIC) {
            None
        } else {
            role_before(ctx, span)
        };
        out.push(unknown(ctx, span, role.map(|s| squash(s.slice(ctx.text)))));
    }
    for &r in ctx.marked {
        let c = class[r];
        if !c.has(Class::ROLE) || c.has(Class::POSSESSIVE) {
            continue;
        }
        let Some((comma, names)) = names_after_role(ctx, r) else {
            continue;
        };
        for span in names {
            if free(span, &out) {
                let role = role_ending_at(ctx, r, comma);
                out.push(unknown(ctx, span, Some(role)));
            }
        }
    }
    for c in 1..toks.len() {
        if !class[c - 1].is_name_word() || !is_punct(ctx, c, ",") {
            continue;
        }
        let Some(role) = role_after_token(ctx, c) else {
            continue;
        };
        let floor = sentence_start(ctx, toks[c - 1].span.start);
        let mut from = c;
        while from > 0
            && c - from < 5
            && toks[from - 1].span.start >= floor
            && class[from - 1].is_name_word()
        {
            from -= 1;
        }
        // A place name before a name is not part of it ("in Kabul Dawa Khan
        // Menapal, ..." after a lost line break or comma).
        while from < c && is_place(ctx, from) {
            from += 1;
        }
        let len = c - from;
        if !(2..=4).contains(&len) {
            continue;
        }
        let span = name_span(ctx, from, c);
        if !free(span, &out) {
            continue;
        }
        out.push(unknown(ctx, span, Some(squash(role.slice(ctx.text)))));
    }
    out
}

/// Names set off by a comma after a role and its complement: "its spokesman,
/// Fahim Dashty,", "the governor of Ghazni province, Daud Laghmani,", "two
/// reporters of the Etilaat Roz newspaper, Taqi Daryabi and Nematullah
/// Naqdi,". Each name is two to four capitalised words and ends the clause.
fn names_after_role(ctx: &Context, r: usize) -> Option<(usize, Vec<Span>)> {
    let toks = ctx.tokens;
    let word = |i: usize| toks.get(i).map_or("", |t| t.span.slice(ctx.text));
    let end = sentence_end(ctx, toks[r].span.start);
    let mut k = r + 1;
    if matches!(word(k), "of" | "for" | "at") {
        k += 1;
        while k < toks.len()
            && k - r < 9
            && toks[k].kind == TokenKind::Word
            && toks[k].span.end <= end
        {
            k += 1;
        }
    }
    if !is_punct(ctx, k, ",") {
        return None;
    }
    let mut out = Vec::new();
    let mut n = k + 1;
    loop {
        let from = n;
        while n < toks.len()
            && n - from < 5
            && toks[n].span.end <= end
            && ctx.classes[n].is_name_word()
        {
            n += 1;
        }
        let closes = n >= toks.len()
            || toks[n].span.start >= end
            || [",", ".", ";", ")"].iter().any(|p| is_punct(ctx, n, p))
            || word(n) == "and";
        if !(2..=4).contains(&(n - from)) || !closes {
            break;
        }
        out.push(name_span(ctx, from, n));
        if word(n) != "and" {
            break;
        }
        n += 1;
    }
    (!out.is_empty()).then_some((k, out))
}

/// The role text from the title chain ending at token `r` up to the token
/// `comma`: "the governor of Ghazni province".
fn role_ending_at(ctx: &Context, r: usize, comma: usize) -> String {
    let toks = ctx.tokens;
    let after = toks[r + 1].span.start;
    let start = role_before(ctx, Span::new(after, after)).map_or(toks[r].span.start, |s| s.start);
    let stop = toks[comma].span.start.max(toks[r].span.end);
    squash(ctx.text[start..stop].trim_end())
}

/// True if token `i` lies in a place name the place recogniser found.
fn is_place(ctx: &Context, i: usize) -> bool {
    let t = ctx.tokens[i].span;
    let k = ctx.places.partition_point(|p| p.start <= t.start);
    k > 0 && ctx.places[k - 1].end >= t.end
}

/// Later mentions of a named person by surname alone ("Wallace said"), for
/// surnames only one person in the article has.
fn surname_mentions(ctx: &Context, persons: &[Found], taken: &[Span]) -> Vec<Found> {
    let mut surnames: Vec<(&str, usize)> = Vec::new();
    let mut clashes: Vec<&str> = Vec::new();
    for (i, f) in persons.iter().enumerate() {
        let mut words = f.span.slice(ctx.text).split_whitespace();
        let (Some(_), Some(last)) = (words.next(), words.next_back()) else {
            continue;
        };
        if last.chars().count() < 3 {
            continue;
        }
        match surnames.iter().find(|(s, _)| s.eq_ignore_ascii_case(last)) {
            Some(&(_, j)) if persons[j].identity() != f.identity() => clashes.push(last),
            Some(_) => {}
            None => surnames.push((last, i)),
        }
    }
    surnames.retain(|(s, _)| !clashes.iter().any(|c| c.eq_ignore_ascii_case(s)));
    if surnames.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (idx, t) in ctx.tokens.iter().enumerate() {
        if !ctx.classes[idx].has(Class::CAPITALISED) {
            continue;
        }
        let stem = strip_possessive(t.span.slice(ctx.text));
        let Some(&(_, i)) = surnames.iter().find(|(s, _)| s.eq_ignore_ascii_case(stem)) else {
            continue;
        };
        let span = name_span(ctx, idx, idx + 1);
        if taken.iter().any(|s| s.overlaps(span)) || persons.iter().any(|f| f.span.overlaps(span)) {
            continue;
        }
        let source = &persons[i].person;
        let role = role_in_text(ctx, span).map_or_else(|| source.role.clone(), |r| Some(r.into()));
        out.push(Found {
            span,
            person: PersonMention {
                role,
                via_pronoun: false,
                ..source.clone()
            },
        });
    }
    out
}

/// Pronouns that can only mean one person: the sentences from two before up
/// to the pronoun name exactly one person. `persons` is sorted by position.
fn pronoun_mentions(ctx: &Context, persons: &[Found]) -> Vec<Found> {
    let mut out = Vec::new();
    for &idx in ctx.marked {
        if !ctx.classes[idx].has(Class::PRONOUN) {
            continue;
        }
        let t = &ctx.tokens[idx];
        let window = ctx
            .sentence_index(t.span.start)
            .saturating_sub(PRONOUN_REACH);
        let before = persons.partition_point(|f| f.span.start < t.span.start);
        let mut recent = persons[..before]
            .iter()
            .rev()
            .filter(|f| f.is_named())
            .take_while(|f| ctx.sentence_index(f.span.start) >= window);
        let Some(last) = recent.next() else {
            continue;
        };
        if recent.any(|f| f.identity() != last.identity()) {
            continue;
        }
        out.push(Found {
            span: t.span,
            person: PersonMention {
                via_pronoun: true,
                ..last.person.clone()
            },
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicon_is_sorted_and_indexed() {
        let key = |w: &str| (w.as_bytes()[0], w.len(), w.to_string());
        assert!(LEXICON.windows(2).all(|w| key(w[0].0) < key(w[1].0)));
        for (i, (word, _)) in LEXICON.iter().enumerate() {
            let g = group(word.as_bytes()[0], word.len());
            assert!((INDEX[g]..INDEX[g + 1]).contains(&i), "{word}");
        }
        assert_eq!(lexicon_classes(b"minister"), Class::ROLE);
        assert_eq!(lexicon_classes(b"Chief"), Class::ROLE | Class::MODIFIER);
        assert_eq!(lexicon_classes(b"kabul"), 0);
    }
}
