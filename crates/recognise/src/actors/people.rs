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
use sitrep_text::{Token, TokenKind};

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
/// sorted, and indexed by first letter in [`LEXICON_BY_LETTER`].
///
/// Roles head a title ("minister", "co-founder"); honorifics introduce a name
/// without being a role ("Mr"); modifiers sit inside a title ("police
/// spokesman", "former defence minister"); connectors join its parts
/// ("Secretary of Defense"); stop words are capitalised words never part of a
/// title or name ("The", "Friday"); abbreviated titles take a period ("Gen.").
const LEXICON: &[(&str, u16)] = &[
    ("a", Class::STOP | Class::ARTICLE),
    ("about", Class::STOP),
    ("according", Class::STOP),
    ("acting", Class::MODIFIER),
    ("activist", Class::ROLE),
    ("adm", Class::ROLE | Class::ABBREVIATED),
    ("administrator", Class::ROLE),
    ("admiral", Class::ROLE),
    ("adviser", Class::ROLE),
    ("advisor", Class::ROLE),
    ("after", Class::STOP),
    ("aide", Class::ROLE),
    ("also", Class::STOP),
    ("ambassador", Class::ROLE),
    ("an", Class::STOP | Class::ARTICLE),
    ("analyst", Class::ROLE),
    ("and", Class::STOP),
    ("april", Class::STOP),
    ("army", Class::MODIFIER),
    ("as", Class::STOP),
    ("assistant", Class::MODIFIER),
    ("associate", Class::MODIFIER),
    ("at", Class::STOP),
    ("attorney", Class::ROLE),
    ("august", Class::STOP),
    ("ayatollah", Class::ROLE),
    ("because", Class::STOP),
    ("before", Class::STOP),
    ("both", Class::STOP),
    ("brig", Class::ROLE | Class::ABBREVIATED),
    ("brigadier", Class::ROLE),
    ("but", Class::STOP),
    ("by", Class::STOP),
    ("capt", Class::ROLE | Class::ABBREVIATED),
    ("captain", Class::ROLE),
    ("caretaker", Class::MODIFIER),
    ("chair", Class::ROLE),
    ("chairman", Class::ROLE),
    ("chairwoman", Class::ROLE),
    ("chancellor", Class::ROLE),
    ("chief", Class::ROLE | Class::MODIFIER),
    ("cleric", Class::ROLE),
    ("co-founder", Class::ROLE),
    ("col", Class::ROLE | Class::ABBREVIATED),
    ("colonel", Class::ROLE),
    ("commandant", Class::ROLE),
    ("commander", Class::ROLE),
    ("commander-in-chief", Class::ROLE),
    ("commissioner", Class::ROLE),
    ("congressman", Class::ROLE),
    ("congresswoman", Class::ROLE),
    ("coordinator", Class::ROLE),
    ("correspondent", Class::ROLE),
    ("counsellor", Class::ROLE),
    ("counselor", Class::ROLE),
    ("dame", Class::HONORIFIC),
    ("december", Class::STOP),
    ("defence", Class::MODIFIER),
    ("defense", Class::MODIFIER),
    ("deputy", Class::ROLE | Class::MODIFIER),
    ("despite", Class::STOP),
    ("diplomat", Class::ROLE),
    ("director", Class::ROLE),
    ("director-general", Class::ROLE),
    ("district", Class::MODIFIER),
    ("dr", Class::HONORIFIC | Class::ABBREVIATED),
    ("during", Class::STOP),
    ("earlier", Class::STOP),
    ("editor", Class::ROLE),
    ("elder", Class::ROLE),
    ("emir", Class::ROLE),
    ("emissary", Class::ROLE),
    ("envoy", Class::ROLE),
    ("even", Class::STOP),
    ("ex", Class::MODIFIER),
    ("expert", Class::ROLE),
    ("february", Class::STOP),
    ("fellow", Class::ROLE),
    ("finance", Class::MODIFIER),
    ("first", Class::MODIFIER),
    ("for", Class::CONNECTOR | Class::STOP),
    ("foreign", Class::MODIFIER),
    ("former", Class::MODIFIER),
    ("founder", Class::ROLE),
    ("friday", Class::STOP),
    ("from", Class::STOP),
    ("gen", Class::ROLE | Class::ABBREVIATED),
    ("general", Class::ROLE | Class::MODIFIER),
    ("gov", Class::ROLE | Class::ABBREVIATED),
    ("government", Class::MODIFIER),
    ("governor", Class::ROLE),
    ("haji", Class::HONORIFIC),
    ("hajji", Class::HONORIFIC),
    ("he", Class::STOP | Class::PRONOUN),
    ("head", Class::ROLE),
    ("health", Class::MODIFIER),
    ("her", Class::STOP | Class::PRONOUN),
    ("here", Class::STOP),
    ("him", Class::PRONOUN),
    ("his", Class::STOP | Class::PRONOUN),
    ("however", Class::STOP),
    ("i", Class::STOP),
    ("if", Class::STOP),
    ("imam", Class::ROLE),
    ("in", Class::STOP),
    ("independent", Class::MODIFIER),
    ("information", Class::MODIFIER),
    ("inspector", Class::ROLE),
    ("intelligence", Class::MODIFIER),
    ("interim", Class::MODIFIER),
    ("interior", Class::MODIFIER),
    ("into", Class::STOP),
    ("it", Class::STOP),
    ("its", Class::STOP),
    ("january", Class::STOP),
    ("journalist", Class::ROLE),
    ("judge", Class::ROLE),
    ("july", Class::STOP),
    ("june", Class::STOP),
    ("justice", Class::MODIFIER),
    ("king", Class::ROLE),
    ("lady", Class::HONORIFIC),
    ("last", Class::STOP),
    ("later", Class::STOP),
    ("lawmaker", Class::ROLE),
    ("lawyer", Class::ROLE),
    ("leader", Class::ROLE),
    ("lecturer", Class::ROLE),
    ("legislator", Class::ROLE),
    ("lieutenant", Class::ROLE),
    ("local", Class::MODIFIER),
    ("lord", Class::HONORIFIC),
    ("lt", Class::ROLE | Class::ABBREVIATED),
    ("march", Class::STOP),
    ("marshal", Class::ROLE),
    ("maulana", Class::HONORIFIC),
    ("maulvi", Class::ROLE),
    ("mawlawi", Class::ROLE),
    ("may", Class::STOP),
    ("mayor", Class::ROLE),
    ("meanwhile", Class::STOP),
    ("mediator", Class::ROLE),
    ("militant", Class::ROLE),
    ("military", Class::MODIFIER),
    ("minister", Class::ROLE),
    ("monday", Class::STOP),
    ("monitor", Class::ROLE),
    ("mp", Class::ROLE),
    ("mr", Class::HONORIFIC | Class::ABBREVIATED),
    ("mrs", Class::HONORIFIC | Class::ABBREVIATED),
    ("ms", Class::HONORIFIC | Class::ABBREVIATED),
    ("mullah", Class::ROLE),
    ("national", Class::MODIFIER),
    ("negotiator", Class::ROLE),
    ("next", Class::STOP),
    ("november", Class::STOP),
    ("observer", Class::ROLE),
    ("october", Class::STOP),
    ("of", Class::CONNECTOR | Class::STOP),
    ("officer", Class::ROLE),
    ("official", Class::ROLE),
    ("on", Class::CONNECTOR | Class::STOP),
    ("only", Class::STOP),
    ("or", Class::STOP),
    ("our", Class::STOP),
    ("over", Class::STOP),
    ("police", Class::MODIFIER),
    ("political", Class::MODIFIER),
    ("premier", Class::ROLE),
    ("pres", Class::ROLE | Class::ABBREVIATED),
    ("president", Class::ROLE),
    ("press", Class::MODIFIER),
    ("prime", Class::MODIFIER),
    ("prince", Class::ROLE),
    ("prof", Class::ROLE | Class::ABBREVIATED),
    ("professor", Class::ROLE),
    ("prosecutor", Class::ROLE),
    ("provincial", Class::MODIFIER),
    ("queen", Class::ROLE),
    ("rapporteur", Class::ROLE),
    ("regional", Class::MODIFIER),
    ("rep", Class::ABBREVIATED),
    ("reporter", Class::ROLE),
    ("representative", Class::ROLE),
    ("researcher", Class::ROLE),
    ("resident", Class::ROLE),
    ("retired", Class::MODIFIER),
    ("said", Class::STOP),
    ("saturday", Class::STOP),
    ("says", Class::STOP),
    ("sayyed", Class::HONORIFIC),
    ("scholar", Class::ROLE),
    ("second", Class::MODIFIER),
    ("secretary", Class::ROLE),
    ("secretary-general", Class::ROLE),
    ("security", Class::MODIFIER),
    ("sen", Class::ROLE | Class::ABBREVIATED),
    ("senator", Class::ROLE),
    ("senior", Class::MODIFIER),
    ("september", Class::STOP),
    ("sergeant", Class::ROLE),
    ("sgt", Class::ROLE | Class::ABBREVIATED),
    ("she", Class::STOP | Class::PRONOUN),
    ("sheikh", Class::ROLE),
    ("since", Class::STOP),
    ("sir", Class::HONORIFIC),
    ("so", Class::STOP),
    ("speaker", Class::ROLE),
    ("special", Class::MODIFIER),
    ("spokesman", Class::ROLE | Class::MODIFIER),
    ("spokesperson", Class::ROLE),
    ("spokeswoman", Class::ROLE),
    ("state", Class::MODIFIER),
    ("strongman", Class::ROLE),
    ("sunday", Class::STOP),
    ("superintendent", Class::ROLE),
    ("supreme", Class::MODIFIER),
    ("taliban", Class::MODIFIER),
    ("that", Class::STOP),
    ("the", Class::STOP | Class::ARTICLE),
    ("their", Class::STOP),
    ("then", Class::STOP),
    ("there", Class::STOP),
    ("these", Class::STOP),
    ("they", Class::STOP),
    ("this", Class::STOP),
    ("those", Class::STOP),
    ("thursday", Class::STOP),
    ("to", Class::CONNECTOR | Class::STOP),
    ("top", Class::MODIFIER),
    ("tribal", Class::MODIFIER),
    ("tuesday", Class::STOP),
    ("under", Class::STOP),
    ("vice", Class::MODIFIER),
    ("vice-president", Class::ROLE),
    ("visiting", Class::MODIFIER),
    ("warlord", Class::ROLE),
    ("we", Class::STOP),
    ("wednesday", Class::STOP),
    ("when", Class::STOP),
    ("while", Class::STOP),
    ("with", Class::STOP),
    ("without", Class::STOP),
    ("witness", Class::ROLE),
    ("yet", Class::STOP),
    ("you", Class::STOP),
];

/// `LEXICON_BY_LETTER[i]..LEXICON_BY_LETTER[i + 1]` holds the words starting
/// with the i-th letter of the alphabet.
const LEXICON_BY_LETTER: [usize; 27] = [
    0, 26, 33, 55, 67, 76, 86, 91, 101, 114, 120, 121, 133, 152, 156, 166, 178, 179, 187, 217, 232,
    233, 236, 244, 244, 246, 246,
];

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
    fn is_name_word(self) -> bool {
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

/// Classifies every token of the text.
pub(super) fn classify(text: &str, tokens: &[Token]) -> Vec<Class> {
    let mut buf = [0u8; 32];
    tokens
        .iter()
        .map(|t| {
            if t.kind != TokenKind::Word {
                return Class::default();
            }
            let w = t.span.slice(text);
            let stem = strip_possessive(w);
            let mut c = Class::WORD;
            if stem.len() != w.len() {
                c |= Class::POSSESSIVE;
            }
            if sitrep_text::is_capitalised(w) {
                c |= Class::CAPITALISED;
                let letters = w.chars().filter(|ch| ch.is_alphabetic()).count();
                if letters > 1 && w.chars().all(|ch| !ch.is_alphabetic() || ch.is_uppercase()) {
                    c |= Class::ACRONYM;
                }
            }
            if let Some(k) = ascii_lower(stem, &mut buf) {
                c |= lexicon_classes(k);
            }
            Class(c)
        })
        .collect()
}

/// The lexicon classes of a lower-case word (0 when it is not listed).
fn lexicon_classes(word: &str) -> u16 {
    let Some(first) = word.bytes().next().filter(u8::is_ascii_lowercase) else {
        return 0;
    };
    let letter = usize::from(first - b'a');
    let bucket = &LEXICON[LEXICON_BY_LETTER[letter]..LEXICON_BY_LETTER[letter + 1]];
    // Buckets are small: a length check rules out most entries without a
    // string comparison.
    bucket
        .iter()
        .find(|(w, _)| w.len() == word.len() && *w == word)
        .map_or(0, |&(_, classes)| classes)
}

/// Lower-cases an ASCII word into `buf`; `None` for words no lexicon holds.
fn ascii_lower<'b>(w: &str, buf: &'b mut [u8; 32]) -> Option<&'b str> {
    if w.len() > buf.len() || !w.is_ascii() {
        return None;
    }
    let out = &mut buf[..w.len()];
    out.copy_from_slice(w.as_bytes());
    out.make_ascii_lowercase();
    std::str::from_utf8(out).ok()
}

fn strip_possessive(w: &str) -> &str {
    w.strip_suffix("'s")
        .or_else(|| w.strip_suffix("’s"))
        .unwrap_or(w)
}

/// A dictionary person found by one of their aliases.
pub(super) fn known(ctx: &Context, span: Span, p: &Person) -> Found {
    let role = role_in_text(ctx, span).or_else(|| p.role.clone());
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

/// Adds unknown people, surname-only mentions and resolved pronouns.
pub(super) fn find_more(ctx: &Context, persons: &mut Vec<Found>) {
    let taken: Vec<Span> = ctx.matches.iter().map(|m| m.span).collect();
    let mut unknown = unknown_people(ctx, &taken);
    persons.append(&mut unknown);
    let mut by_surname = surname_mentions(ctx, persons, &taken);
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
    s.split_whitespace().collect::<Vec<_>>().join(" ")
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
    ctx.matches.iter().any(|m| {
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
            name: squash(span.slice(ctx.text)),
            role,
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
    for (r, c) in class.iter().enumerate() {
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
    for c in 1..toks.len() {
        if !is_punct(ctx, c, ",") || !class[c - 1].is_name_word() {
            continue;
        }
        let Some(role) = role_after_token(ctx, c) else {
            continue;
        };
        let mut from = c;
        while from > 0 && c - from < 5 && class[from - 1].is_name_word() {
            from -= 1;
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
        let role = role_in_text(ctx, span).or_else(|| source.role.clone());
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
    for (idx, t) in ctx.tokens.iter().enumerate() {
        if !ctx.classes[idx].has(Class::PRONOUN) {
            continue;
        }
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
        assert!(LEXICON.windows(2).all(|w| w[0].0 < w[1].0));
        for (i, (word, _)) in LEXICON.iter().enumerate() {
            let letter = usize::from(word.as_bytes()[0] - b'a');
            assert!(
                (LEXICON_BY_LETTER[letter]..LEXICON_BY_LETTER[letter + 1]).contains(&i),
                "{word}"
            );
        }
        assert_eq!(lexicon_classes("minister"), Class::ROLE);
        assert_eq!(lexicon_classes("chief"), Class::ROLE | Class::MODIFIER);
        assert_eq!(lexicon_classes("kabul"), 0);
    }
}
