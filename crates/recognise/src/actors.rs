//! Actor and person recognition: dictionary aliases resolved in context,
//! generic sides given a country, titles and roles read from the text,
//! unknown people introduced by a title, and pronouns that plainly refer back
//! to one person.
//!
//! What it resolves, in order, for each alias the dictionary's automaton finds:
//!
//! 1. a name that always means one person or actor ("Mullah Baradal" →
//!    `abdul_ghani_baradar`, "the Pentagon" → `us.forces`), taking in the
//!    generic noun it qualifies ("Taliban fighters");
//! 2. a country adjective or possessive before a generic side ("British
//!    troops", "Russia's defence ministry", "Russian and Syrian warplanes")
//!    → that country's forces or government, or `generic:<side>:<ISO2>`;
//! 3. a generic alias of an actor in its own theatre ("insurgents" in an
//!    Afghan article → `taliban`), else a generic side (`generic:rebels:SD`);
//! 4. a country word before what a state does or has ("a US drone strike",
//!    "the US embassy") → its forces or government;
//! 5. a country name used as an actor ("U.S. and U.K. said") → its
//!    government, except for the focus country, whose name is nearly always
//!    the place.
//!
//! Words that are plainly not parties where they stand are skipped (see
//! `usage`): a side's noun modifying another noun ("police headquarters"),
//! one person described ("a former journalist"), a known person's name inside
//! a facility's name ("Hamid Karzai International Airport").
//!
//! It does not resolve place metonyms ("Washington decided" is place
//! recognition's), does not link "the Defence Secretary" without a name to a
//! person, and knows no gender: a pronoun is resolved only when the recent
//! sentences name exactly one person.

mod people;
mod usage;

use sitrep_actors::{Actor, ActorDictionary, AliasMatch, Country, Owner, Side, StateRole};
use sitrep_model::{ActorKind, ActorMention, Mention, MentionKind, Span};
use sitrep_text::Token;

/// What actor recognition reads: the text and what earlier stages made of it.
#[derive(Clone, Copy, Debug)]
pub struct Input<'a> {
    /// The article text.
    pub text: &'a str,
    /// Its sentences ([`sitrep_text::sentences`]).
    pub sentences: &'a [Span],
    /// Its tokens ([`sitrep_text::tokens`]).
    pub tokens: &'a [Token],
    /// Spans of the place names found in it, in order; a capitalised place
    /// name is not taken as the first word of an unknown person's name.
    pub places: &'a [Span],
}

/// Finds actors and people in `input.text`. `focus_country` is the country
/// the article is about, used to resolve generic sides ("insurgents"); when
/// `None`, the country most of the article's named actors and people belong to
/// is used.
pub fn recognise(
    dict: &ActorDictionary,
    input: &Input,
    focus_country: Option<&str>,
) -> Vec<Mention> {
    recognise_aliases(dict, input, focus_country, &dict.scan(input.text))
}

/// Like [`recognise`], for a caller that has already found the dictionary's
/// aliases in `input.text` ([`ActorDictionary::scan`]) and uses them too.
pub fn recognise_aliases(
    dict: &ActorDictionary,
    input: &Input,
    focus_country: Option<&str>,
    matches: &[AliasMatch],
) -> Vec<Mention> {
    let text = input.text;
    let inferred = match focus_country {
        Some(_) => None,
        None => infer_focus(dict, matches),
    };
    let classes = people::classify(text, input.tokens);
    let ctx = Context {
        dict,
        text,
        sentences: input.sentences,
        focus: focus_country.or(inferred.as_deref()),
        focus_frame: focus_country
            .or(inferred.as_deref())
            .and_then(|f| dict.country(f)),
        tokens: input.tokens,
        classes: &classes.of,
        marked: &classes.marked,
        matches,
        places: input.places,
    };

    let mut actors: Vec<(Span, ActorMention)> = Vec::new();
    let mut persons: Vec<people::Found> = Vec::new();
    // The last country name seen: where it ended and whether it was an actor,
    // so that a list ("to Kuwait and Qatar", "the United States, Britain,
    // Pakistan") is read as a whole.
    let mut last_country: Option<(usize, bool)> = None;
    // Spans of dictionary names, which unknown people may not overlap.
    let mut taken: Vec<Span> = Vec::with_capacity(matches.len());
    let mut i = 0;
    while i < matches.len() {
        let m = &matches[i];
        match m.targets.owner {
            Some(Owner::Person(p)) => {
                if !usage::person_name_elsewhere(&ctx, m.span) {
                    persons.push(people::known(&ctx, m.span, &dict.people()[p]));
                    taken.push(m.span);
                }
                i += 1;
                continue;
            }
            Some(Owner::Actor(a)) => {
                taken.push(m.span);
                if !usage::named_is_party(&ctx, i) {
                    i += 1;
                    continue;
                }
                // "Taliban fighters", "NATO troops": one mention of the group,
                // over the noun phrase.
                if let Some(head) = ctx.head_noun_after(i) {
                    taken.push(head.span);
                    let span = Span::new(m.span.start, head.span.end);
                    actors.push((span, named(&dict.actors()[a])));
                    i += 2;
                    continue;
                }
                actors.push((m.span, named(&dict.actors()[a])));
                i += 1;
                continue;
            }
            None => {}
        }
        taken.push(m.span);
        if let Some((span, mention)) = ctx.country_and_side(i) {
            taken.push(matches[i + 1].span);
            actors.push((span, mention));
            i += 2;
            continue;
        }
        if let Some(mention) = ctx.coordinated_country(i) {
            actors.push((m.span, mention));
            i += 1;
            continue;
        }
        let side = m.targets.side.map(|s| &dict.sides()[s]);
        if (side.is_some() || !m.targets.focus.is_empty())
            && !usage::side_is_party(&ctx, i, side.is_some_and(|s| s.role_noun))
        {
            i += 1;
            continue;
        }
        if let Some(mention) = ctx.generic(m) {
            actors.push((m.span, mention));
        } else if let Some(mention) = ctx.country_before_noun(m) {
            actors.push((m.span, mention));
        } else if m.targets.country_name.is_some() {
            let listed = last_country
                .filter(|(end, _)| is_list_gap(&text[*end..m.span.start]))
                .map(|(_, was_actor)| was_actor);
            let mention = ctx.country_as_actor(m, listed);
            last_country = Some((m.span.end, mention.is_some()));
            if let Some(mention) = mention {
                actors.push((m.span, mention));
            }
        }
        i += 1;
    }
    people::find_more(&ctx, &mut persons, &taken);

    let mut out: Vec<Mention> = Vec::with_capacity(actors.len() + persons.len());
    for (span, a) in actors {
        out.push(ctx.mention(span, MentionKind::Actor(a)));
    }
    for f in persons {
        out.push(ctx.mention(f.span, MentionKind::Person(f.person)));
    }
    out.sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
    out
}

/// Everything the resolution steps share for one article.
struct Context<'a> {
    dict: &'a ActorDictionary,
    text: &'a str,
    sentences: &'a [Span],
    focus: Option<&'a str>,
    /// The focus country's entry, looked up once.
    focus_frame: Option<&'a Country>,
    tokens: &'a [Token],
    classes: &'a [people::Class],
    /// The tokens that are roles, honorifics or pronouns, in order.
    marked: &'a [usize],
    matches: &'a [AliasMatch<'a>],
    places: &'a [Span],
}

impl Context<'_> {
    fn mention(&self, span: Span, kind: MentionKind) -> Mention {
        Mention {
            span,
            text: span.slice(self.text).to_string(),
            sentence: self.sentence_index(span.start),
            kind,
        }
    }

    /// Index of the sentence holding `offset` (the preceding one if the offset
    /// falls between sentences).
    fn sentence_index(&self, offset: usize) -> usize {
        sitrep_text::sentence_of(self.sentences, offset).unwrap_or_else(|| {
            self.sentences
                .partition_point(|s| s.end <= offset)
                .saturating_sub(1)
        })
    }

    /// "British troops", "Afghan insurgents", "Russia's defence ministry".
    fn country_and_side(&self, i: usize) -> Option<(Span, ActorMention)> {
        let m = &self.matches[i];
        let next = self.matches.get(i + 1)?;
        if next.targets.owner.is_some() {
            return None;
        }
        // "ethnic Albanian guerrillas", "ethnic Armenian fighters": a people,
        // not a state's side.
        let before = self.text[..m.span.start].trim_end();
        let cut = before.len().saturating_sub(6);
        if before.is_char_boundary(cut) && before[cut..].eq_ignore_ascii_case("ethnic") {
            return None;
        }
        let gap = &self.text[m.span.end..next.span.start];
        let country = if gap.chars().all(char::is_whitespace) && !gap.is_empty() {
            m.targets.country_adjective.or(m.targets.country_name)?
        } else if is_possessive_gap(gap) {
            m.targets.country_name?
        } else {
            return None;
        };
        let frame = &self.dict.countries()[country];
        let mention = self.resolve_side(next, Some(frame), &frame.code)?;
        Some((Span::new(m.span.start, next.span.end), mention))
    }

    /// The generic noun right after the named actor at match `i`, which it
    /// qualifies: "fighters" in "Taliban fighters".
    fn head_noun_after(&self, i: usize) -> Option<&AliasMatch<'_>> {
        let m = &self.matches[i];
        let next = self.matches.get(i + 1)?;
        let t = &next.targets;
        let generic = t.owner.is_none()
            && (t.side.is_some() || !t.focus.is_empty())
            && t.country_name.is_none()
            && t.country_adjective.is_none();
        let gap = &self.text[m.span.end..next.span.start];
        (generic && !gap.is_empty() && gap.chars().all(char::is_whitespace)).then_some(next)
    }

    /// The first of coordinated country words before one side: "Russian" in
    /// "Russian and Syrian warplanes", "American and British forces".
    fn coordinated_country(&self, i: usize) -> Option<ActorMention> {
        let m = &self.matches[i];
        let other = self.matches.get(i + 1)?;
        let side = self.matches.get(i + 2)?;
        let country = m.targets.country_adjective?;
        other.targets.country_adjective?;
        if !is_list_gap(&self.text[m.span.end..other.span.start]) || side.targets.owner.is_some() {
            return None;
        }
        let gap = &self.text[other.span.end..side.span.start];
        if gap.is_empty() || !gap.chars().all(char::is_whitespace) {
            return None;
        }
        let frame = &self.dict.countries()[country];
        self.resolve_side(side, Some(frame), &frame.code)
    }

    /// A generic alias with no country written before it.
    fn generic(&self, m: &AliasMatch) -> Option<ActorMention> {
        let side = m.targets.side.map(|s| &self.dict.sides()[s]);
        let focus_frame = self.focus_frame;
        match (self.focus, side) {
            (Some(focus), Some(side)) if side.state.is_some() && !side.focus => {
                // "troops" alone: an actor-specific alias may still apply in
                // its theatre, but the side itself gets no country.
                self.focus_actor(m, focus)
                    .or_else(|| Some(generic(side, None)))
            }
            (Some(focus), _) => self.resolve_side(m, focus_frame, focus),
            (None, Some(side)) => Some(generic(side, None)),
            (None, None) => None,
        }
    }

    fn focus_actor(&self, m: &AliasMatch, country: &str) -> Option<ActorMention> {
        let (_, a) = m.targets.focus.iter().find(|(c, _)| c == country)?;
        Some(named(&self.dict.actors()[*a]))
    }

    /// Resolves a side in `country`: the actor whose generic alias it is there,
    /// else the country's state actor the side stands for, else a generic side.
    fn resolve_side(
        &self,
        m: &AliasMatch,
        frame: Option<&Country>,
        country: &str,
    ) -> Option<ActorMention> {
        if let Some(a) = self.focus_actor(m, country) {
            return Some(a);
        }
        let side = &self.dict.sides()[m.targets.side?];
        let state_id = match side.state {
            Some(StateRole::Forces) => frame.and_then(|f| f.forces.as_deref()),
            Some(StateRole::Government) => frame.and_then(|f| f.government.as_deref()),
            None => None,
        };
        match state_id.and_then(|id| self.dict.actor(id)) {
            Some(actor) => Some(named(actor)),
            None => Some(generic(side, Some(country))),
        }
    }

    /// A country's name standing for its government: "U.S. and U.K. said",
    /// "talks with the United States, Britain, Pakistan".
    /// True if the words before `offset`, past a list of capitalised names
    /// and an article, are a locative preposition ("flown to Kuwait and
    /// Qatar", "in the United States").
    fn after_locative(&self, offset: usize) -> bool {
        let toks = self.tokens;
        let word = |j: usize| toks[j].span.slice(self.text);
        let mut j = toks.partition_point(|t| t.span.start < offset);
        loop {
            let joined = j >= 2 && matches!(word(j - 1), "," | "and" | "or" | "&");
            let mut k = j.saturating_sub(1);
            while joined && k > 0 && sitrep_text::is_capitalised(word(k - 1)) {
                k -= 1;
            }
            if !joined || k + 1 == j {
                break;
            }
            j = k;
        }
        if j > 0 && word(j - 1).eq_ignore_ascii_case("the") {
            j -= 1;
        }
        // "the border with Iran", "the crossing with Pakistan".
        let boundary = j >= 2
            && word(j - 1) == "with"
            && matches!(
                word(j - 2),
                "border" | "borders" | "crossing" | "frontier" | "boundary"
            );
        boundary || (j > 0 && LOCATIVE.contains(&word(j - 1).to_lowercase().as_str()))
    }

    /// A country word before a noun of what a state does or has: "a US drone
    /// strike" → the US forces, "the US embassy" → its government. The focus
    /// country's name is left to place recognition ("Afghanistan's
    /// capital"); its adjective is not ("the Afghan commander").
    fn country_before_noun(&self, m: &AliasMatch) -> Option<ActorMention> {
        let country = match (m.targets.country_adjective, m.targets.country_name) {
            (Some(c), _) => c,
            (None, Some(c)) if self.focus != Some(self.dict.countries()[c].code.as_str()) => c,
            _ => return None,
        };
        let frame = &self.dict.countries()[country];
        let id = match usage::country_before_noun(self, m)? {
            StateRole::Forces => frame.forces.as_deref(),
            StateRole::Government => frame.government.as_deref(),
        };
        Some(named(self.dict.actor(id?)?))
    }

    /// `listed` is the decision for the previous item when this name
    /// continues a list.
    fn country_as_actor(&self, m: &AliasMatch, listed: Option<bool>) -> Option<ActorMention> {
        let frame = &self.dict.countries()[m.targets.country_name?];
        if self.focus == Some(frame.code.as_str()) || listed == Some(false) {
            return None;
        }
        if listed.is_none() && self.after_locative(m.span.start) {
            return None;
        }
        let after = &self.text[m.span.end..];
        if after.starts_with("'s") || after.starts_with("’s") {
            return None;
        }
        // A name that is also an adjective ("U.S. embassy", "U.S. Special
        // Representative") is not an actor when it modifies the next word.
        if m.targets.country_adjective.is_some() && modifies_next(after) {
            return None;
        }
        let government = self.dict.actor(frame.government.as_deref()?)?;
        Some(named(government))
    }
}

/// Prepositions after which a country name is a place, not an actor.
const LOCATIVE: &[&str] = &[
    "in",
    "into",
    "to",
    "from",
    "at",
    "across",
    "throughout",
    "inside",
    "outside",
    "near",
    "within",
    "toward",
    "towards",
    "through",
    "via",
    "around",
    "of",
    "for",
    "over",
    "under",
    "leave",
    "left",
    "visit",
    "visited",
    "entered",
    "fled",
    "on",
];

/// True for the text between two items of a list: ", ", " and ", ", and ".
fn is_list_gap(gap: &str) -> bool {
    let g = gap.trim();
    let g = g.strip_prefix(',').unwrap_or(g).trim();
    g.is_empty() || g == "and" || g == "or" || g == "&"
}

fn is_possessive_gap(gap: &str) -> bool {
    let rest = gap
        .strip_prefix("'s")
        .or_else(|| gap.strip_prefix("’s"))
        .unwrap_or("");
    !rest.is_empty() && rest.chars().all(char::is_whitespace)
}

/// True if the text after a country name starts with a word the name would
/// modify: a capitalised word in the same sentence (a title or an institution)
/// or one of the nouns news reports attach to country names.
fn modifies_next(after: &str) -> bool {
    const NOUNS: &[&str] = &[
        "embassy",
        "embassies",
        "envoy",
        "envoys",
        "diplomat",
        "diplomats",
        "diplomatic",
        "citizens",
        "nationals",
        "president",
        "withdrawal",
        "pullout",
        "intelligence",
        "aid",
        "sanctions",
        "policy",
        "support",
        "interests",
        "backing",
        "drone",
        "drones",
        "strike",
        "strikes",
        "airstrike",
        "airstrikes",
        "air",
        "military",
        "army",
        "navy",
        "forces",
        "personnel",
        "staff",
        "negotiator",
        "negotiators",
        "delegation",
        "counterpart",
        "ally",
        "allies",
        "partner",
        "partners",
        "border",
        "territory",
        "soil",
        "side",
        "presence",
        "mission",
        "base",
        "bases",
        "troop",
        "weapons",
        "arms",
        "funding",
        "dollars",
        "officials",
        "official",
        "senator",
        "senators",
        "lawmakers",
        "spokesman",
        "spokesperson",
        "media",
        "press",
        "intervention",
        "invasion",
        "occupation",
        "contractors",
    ];
    let rest = after.trim_start_matches([' ', '\t']);
    if rest.starts_with(['.', '!', '?', '\n']) {
        return false;
    }
    let next: &str = rest
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .next()
        .unwrap_or("");
    sitrep_text::is_capitalised(next) || NOUNS.contains(&next.to_lowercase().as_str())
}

/// The mention of a dictionary actor.
fn named(a: &Actor) -> ActorMention {
    ActorMention {
        id: a.id.clone(),
        name: a.name.clone(),
        kind: a.kind,
        country: a.country.clone(),
        generic: false,
    }
}

/// The mention of a generic side, with its country when known.
fn generic(side: &Side, country: Option<&str>) -> ActorMention {
    let id = match country {
        Some(c) => format!("generic:{}:{c}", side.id),
        None => format!("generic:{}", side.id),
    };
    ActorMention {
        id: id.into(),
        name: side.name.clone(),
        kind: side.kind,
        country: country.map(Into::into),
        generic: true,
    }
}

/// The country most named actors and people belong to, when the caller has no
/// focus country: at least two mentions, and strictly more than any other.
fn infer_focus(dict: &ActorDictionary, matches: &[AliasMatch]) -> Option<String> {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for m in matches {
        let country = match m.targets.owner {
            Some(Owner::Actor(a)) => {
                let a = &dict.actors()[a];
                let counts_for_focus = !matches!(
                    a.kind,
                    ActorKind::Media | ActorKind::InternationalOrganisation
                );
                a.country.as_deref().filter(|_| counts_for_focus)
            }
            Some(Owner::Person(p)) => dict.people()[p].country.as_deref(),
            None => None,
        };
        if let Some(c) = country {
            match counts.iter_mut().find(|(k, _)| *k == c) {
                Some((_, n)) => *n += 1,
                None => counts.push((c, 1)),
            }
        }
    }
    counts.sort_by_key(|&(_, n)| std::cmp::Reverse(n));
    match counts.as_slice() {
        [(c, n), rest @ ..] if *n >= 2 && rest.first().is_none_or(|(_, m)| m < n) => {
            Some(c.to_string())
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests;
