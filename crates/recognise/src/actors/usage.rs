//! How a dictionary word is used where it stands: as a party to what happens,
//! or inside something else.
//!
//! A generic side's noun is not a party when it modifies the noun after it
//! ("police headquarters", "a government spokesman", "army chief"), when it is
//! part of a capitalised name ("the Government Media and Information Centre"),
//! when it describes one person ("a former journalist", "a provincial
//! official") or when it is the audience of a statement ("told reporters").
//! A country word before a noun is a party when the noun is something a state
//! does or has ("a US drone strike" → the US forces, "the US embassy" → the US
//! government). A known person's name is not that person inside a facility's
//! name ("Hamid Karzai International Airport") or when a title introduces a
//! longer name it only starts ("General Hibatullah Alizai").
//!
//! The word lists are English and small on purpose: they name the usual heads
//! of such phrases in news copy, not every noun of the language.

use sitrep_actors::{AliasMatch, Owner, StateRole};
use sitrep_model::Span;
use sitrep_text::{PackedWord, TokenKind};

use super::Context;

/// Nouns a generic side's noun modifies when it stands right before them:
/// the side is then not the party ("police headquarters", "army chief").
const MODIFIED_BY_SIDE: [PackedWord; 45] = PackedWord::sorted([
    "academy",
    "base",
    "bases",
    "building",
    "buildings",
    "checkpoint",
    "checkpoints",
    "chief",
    "chiefs",
    "command",
    "commander",
    "commanders",
    "compound",
    "control",
    "convoy",
    "convoys",
    "force",
    "headquarters",
    "hq",
    "media",
    "office",
    "offices",
    "officer",
    "officers",
    "outpost",
    "outposts",
    "personnel",
    "post",
    "posts",
    "property",
    "site",
    "sites",
    "source",
    "sources",
    "spokesman",
    "spokesmen",
    "spokesperson",
    "spokeswoman",
    "station",
    "stations",
    "uniform",
    "uniforms",
    "vehicle",
    "vehicles",
    "voice",
]);

/// Nouns after a country word that make the country's forces the party:
/// "a US drone strike", "Russian lines", "the American military mission".
const FORCES_NOUNS: &[&str] = &[
    "aircraft",
    "air",
    "airstrike",
    "airstrikes",
    "army",
    "artillery",
    "bombardment",
    "bombing",
    "bombs",
    "casualties",
    "command",
    "commander",
    "commanders",
    "drone",
    "drones",
    "fighter",
    "fire",
    "gunships",
    "helicopter",
    "helicopters",
    "jets",
    "lines",
    "military",
    "missile",
    "missiles",
    "navy",
    "offensive",
    "operation",
    "operations",
    "positions",
    "raid",
    "raids",
    "retaliation",
    "shelling",
    "strike",
    "strikes",
    "units",
    "warplanes",
    "warships",
];

/// Nouns after a country word that make the country's government the party:
/// "the US embassy", "a US official", "US special envoy".
const GOVERNMENT_NOUNS: &[&str] = &[
    "administration",
    "ambassador",
    "authorities",
    "delegation",
    "diplomat",
    "diplomats",
    "embassy",
    "envoy",
    "envoys",
    "foreign",
    "government",
    "leaders",
    "leadership",
    "minister",
    "ministry",
    "negotiator",
    "negotiators",
    "official",
    "officials",
    "president",
    "sanctions",
    "special",
    "spokesman",
    "state",
];

/// Capitalised words that make a person's name part of a facility's or a
/// prize's name.
const FACILITY_WORDS: &[&str] = &[
    "Airport",
    "Avenue",
    "Award",
    "Base",
    "Bridge",
    "Center",
    "Centre",
    "College",
    "Dam",
    "Foundation",
    "Highway",
    "Hospital",
    "Institute",
    "International",
    "Library",
    "Memorial",
    "Mosque",
    "Museum",
    "Park",
    "Prize",
    "Road",
    "School",
    "Square",
    "Stadium",
    "Street",
    "University",
];

/// Verbs whose object is an audience, not a party ("told reporters").
const TELLING: &[&str] = &["tell", "tells", "told", "telling", "briefed", "briefing"];

/// Index of the first token starting at or after `offset`.
fn token_at(ctx: &Context, offset: usize) -> usize {
    ctx.tokens.partition_point(|t| t.span.start < offset)
}

fn word<'a>(ctx: &Context<'a>, i: usize) -> &'a str {
    ctx.tokens[i].span.slice(ctx.text)
}

fn is_word(ctx: &Context, i: usize) -> bool {
    ctx.tokens.get(i).is_some_and(|t| t.kind == TokenKind::Word)
}

fn is_lower(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_lowercase)
}

/// The word right after `end`, in the same sentence and separated from it by
/// blanks only (a line break is fine: text is wrapped).
fn next_word(ctx: &Context, end: usize) -> Option<usize> {
    let i = token_at(ctx, end);
    let t = ctx.tokens.get(i)?;
    let gap = &ctx.text[end..t.span.start];
    let same_sentence = ctx.sentence_index(t.span.start) == ctx.sentence_index(end - 1);
    (is_word(ctx, i) && same_sentence && gap.chars().all(char::is_whitespace) && !gap.is_empty())
        .then_some(i)
}

/// True if `span` starts its sentence.
fn starts_sentence(ctx: &Context, span: Span) -> bool {
    ctx.sentences
        .get(ctx.sentence_index(span.start))
        .is_some_and(|s| s.start == span.start)
}

/// True if a generic side's noun at `m` stands for a party, false when it
/// modifies the next noun, belongs to a name, describes one person or is an
/// audience.
pub(super) fn side_is_party(ctx: &Context, i: usize, role_noun: bool) -> bool {
    let m = &ctx.matches[i];
    // "Taliban fighters", "the paramilitary Rapid Support Forces": the named
    // actor next to the noun is the party, already recognised.
    let named = |j: usize| {
        ctx.matches
            .get(j)
            .is_some_and(|n| matches!(n.targets.owner, Some(Owner::Actor(_))))
    };
    let blank = |a: usize, b: usize| {
        let gap = &ctx.text[a..b];
        !gap.is_empty() && gap.chars().all(char::is_whitespace)
    };
    if (i > 0 && named(i - 1) && blank(ctx.matches[i - 1].span.end, m.span.start))
        || (named(i + 1) && blank(m.span.end, ctx.matches[i + 1].span.start))
    {
        return false;
    }
    let alias = m.span.slice(ctx.text);
    let capitalised = !is_lower(alias);
    let initial = starts_sentence(ctx, m.span);
    // At a sentence start only later capitals tell a name ("Interior
    // Ministry spokesman") from a common noun ("Government media chief").
    let common = !capitalised || (initial && alias.split_whitespace().skip(1).all(is_lower));
    if let Some(n) = next_word(ctx, m.span.end) {
        let next = word(ctx, n);
        if common && is_modified_by_side(next) {
            return false;
        }
        // "the Government Media and Information Centre": inside a name in
        // running text (a title-case headline capitalises every word).
        let first = token_at(ctx, m.span.start);
        let running = first > 0 && is_word(ctx, first - 1) && is_lower(word(ctx, first - 1));
        if capitalised && !initial && running && !is_lower(next) && !starts_match(ctx, n) {
            return false;
        }
    }
    if role_noun && (describes_person(ctx, m.span) || is_audience(ctx, m.span)) {
        return false;
    }
    true
}

/// True if `word`, in lower case, is in [`MODIFIED_BY_SIDE`].
fn is_modified_by_side(word: &str) -> bool {
    // Packing ignores ASCII case: only other scripts need lower-casing first.
    let lower;
    let bytes = if word.is_ascii() {
        word.as_bytes()
    } else {
        lower = word.to_lowercase();
        lower.as_bytes()
    };
    PackedWord::new(bytes).is_some_and(|w| w.is_in(&MODIFIED_BY_SIDE))
}

fn starts_match(ctx: &Context, token: usize) -> bool {
    let at = ctx.tokens[token].span.start;
    let i = ctx.matches.partition_point(|m| m.span.start < at);
    ctx.matches.get(i).is_some_and(|m| m.span.start == at)
}

/// True if the named actor at match `i` is a party where it stands; false in
/// a compound of association ("the al Qaeda-linked JNIM") and for an
/// abbreviation in brackets after the actor's own name ("Islamic State
/// Khorasan (ISIS-K)"), which repeats the mention.
pub(super) fn named_is_party(ctx: &Context, i: usize) -> bool {
    let m = &ctx.matches[i];
    let after = &ctx.text[m.span.end..];
    let compound = ["-linked", "-affiliated", "-aligned", "-allied", "-inspired"]
        .iter()
        .any(|s| after.starts_with(s));
    if compound {
        return false;
    }
    let before = ctx.text[..m.span.start].trim_end();
    let bracketed = before.ends_with('(') && after.starts_with(')');
    let repeat = i > 0 && {
        let prev = &ctx.matches[i - 1];
        prev.targets.owner == m.targets.owner && ctx.text[prev.span.end..m.span.start].trim() == "("
    };
    !(bracketed && repeat)
}

/// "a former journalist", "a provincial health official", "an EU official":
/// an indefinite article a few words before, with nothing but words between.
fn describes_person(ctx: &Context, span: Span) -> bool {
    let first = token_at(ctx, span.start);
    let floor = ctx
        .sentences
        .get(ctx.sentence_index(span.start))
        .map_or(0, |s| s.start);
    (1..=4).take_while(|&k| k <= first).any(|k| {
        let i = first - k;
        ctx.tokens[i].span.start >= floor
            && (i + 1..first).all(|j| is_word(ctx, j))
            && is_word(ctx, i)
            && matches!(word(ctx, i), "a" | "an" | "A" | "An")
    })
}

/// "told reporters", "briefed journalists".
fn is_audience(ctx: &Context, span: Span) -> bool {
    let first = token_at(ctx, span.start);
    first > 0 && is_word(ctx, first - 1) && TELLING.contains(&word(ctx, first - 1))
}

/// Which of a country's state actors a country word right before a noun
/// stands for: "US drone strike" → forces, "US embassy" → government.
pub(super) fn country_before_noun(ctx: &Context, m: &AliasMatch) -> Option<StateRole> {
    let n = next_word(ctx, m.span.end)?;
    let next = word(ctx, n);
    if !is_lower(next) {
        return None;
    }
    if FORCES_NOUNS.contains(&next) {
        Some(StateRole::Forces)
    } else if GOVERNMENT_NOUNS.contains(&next) {
        Some(StateRole::Government)
    } else {
        None
    }
}

/// True if a known person's alias at `span` is not that person: inside a
/// facility's name, or the start of a longer name after a title ("General
/// Hibatullah Alizai" is not Hibatullah Akhundzada).
pub(super) fn person_name_elsewhere(ctx: &Context, span: Span) -> bool {
    let Some(n) = next_word(ctx, span.end) else {
        return false;
    };
    let next = word(ctx, n);
    if FACILITY_WORDS.contains(&next) {
        return true;
    }
    let one_word = !span.slice(ctx.text).contains(char::is_whitespace);
    one_word
        && super::people::titled(ctx, span)
        && ctx.classes[n].is_name_word()
        && !starts_match(ctx, n)
        && !ctx
            .places
            .iter()
            .any(|p| p.start == ctx.tokens[n].span.start)
}
