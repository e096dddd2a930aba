//! Merging the reports of one event within an article: "Lashkar Gah, Helmand
//! Province" in one paragraph and "Rashkarga" in another are one capture, with
//! two evidence entries.
//!
//! Two events merge when nothing they say contradicts: same kind, modality and
//! speaker; actors, targets and places equal or one missing (a missing place
//! only for kinds where the place is often left implicit); dates overlapping;
//! counts of the same unit equal. Merging never crosses articles; that is the
//! store's job.

use sitrep_model::{
    ActorKind, ActorMention, DateRange, Event, EventKind, FieldEvidence, Place, PlaceKind,
    Precision, TimeRelation,
};

/// Extra facts about an extracted event that the merge needs.
#[derive(Clone, Debug, Default)]
pub(crate) struct Meta {
    /// The actor was guessed from the article, not read in the sentence.
    pub actor_fallback: bool,
    /// The target is the medium a statement was given to.
    pub medium: bool,
    /// A claim of an attack told before ("JNIM claimed the attack").
    pub claimed: bool,
}

/// Kinds whose reports often leave the place implicit in a later sentence.
fn place_may_be_implicit(k: EventKind) -> bool {
    matches!(
        k,
        EventKind::Deployment
            | EventKind::Evacuation
            | EventKind::Withdrawal
            | EventKind::Statement
            | EventKind::Meeting
            | EventKind::Negotiation
            | EventKind::Agreement
            | EventKind::Ceasefire
    )
}

pub(crate) fn same_place(a: &Place, b: &Place) -> bool {
    match (a.geonameid, b.geonameid) {
        (Some(x), Some(y)) if x == y => true,
        _ => a.name == b.name && a.country == b.country,
    }
}

/// How far from a city's point a site of its own (an airport, a crossing)
/// may lie: Kabul's airport is 6 km from the city's point, Kandahar's 16.
const SITE_OF_CITY_KM: f64 = 25.0;

/// True when `outer` is the country or province `inner` lies in, or the city
/// a site belongs to: a report may name the region or town where another
/// names the town or the airport.
pub(crate) fn contains(outer: &Place, inner: &Place) -> bool {
    match outer.kind {
        PlaceKind::City => {
            inner.kind == PlaceKind::Other
                && outer.country == inner.country
                && outer.km_to(inner) <= SITE_OF_CITY_KM
        }
        PlaceKind::Country => outer.country == inner.country && inner.kind != PlaceKind::Country,
        PlaceKind::Admin1 => {
            inner.kind != PlaceKind::Country
                && inner.kind != PlaceKind::Admin1
                && outer.admin1_code.is_some()
                && outer.admin1_code == inner.admin1_code
        }
        _ => false,
    }
}

/// Open-ended relations ("by", "from") extend the range to one side.
pub(crate) fn dates_compatible(a: &DateRange, b: &DateRange) -> bool {
    let lo = |d: &DateRange| match d.relation {
        TimeRelation::By => chrono::NaiveDate::MIN,
        _ => d.start,
    };
    let hi = |d: &DateRange| match d.relation {
        TimeRelation::From => chrono::NaiveDate::MAX,
        _ => d.end,
    };
    lo(a) <= hi(b) && lo(b) <= hi(a)
}

fn speaker(e: &Event) -> Option<&str> {
    e.person
        .as_ref()
        .map(|p| p.id.as_deref().unwrap_or(&p.name))
        .or_else(|| e.actor.as_ref().map(|a| a.id.as_ref()))
}

/// "40 civilians killed in Lashkar Gah" with no one named as killer, and
/// "fighters and forces battled for Lashkar Gah": the deaths are the fight's
/// toll, one event.
fn toll_of_fight(a: &Event, am: &Meta, b: &Event, bm: &Meta) -> bool {
    // The killer only guessed from the article is no killer named.
    let toll = |e: &Event, m: &Meta| {
        e.kind == EventKind::AttackOnCivilians && (e.actor.is_none() || m.actor_fallback)
    };
    (toll(a, am) && b.kind == EventKind::ArmedClash)
        || (toll(b, bm) && a.kind == EventKind::ArmedClash)
}

fn compatible(a: &Event, am: &Meta, b: &Event, bm: &Meta) -> bool {
    // "JNIM claimed the attack": the attack told before, whatever it was
    // called there.
    if bm.claimed
        && !am.claimed
        && crate::rules::is_violence(a.kind)
        && !a.negated
        && !a.hypothetical
    {
        return true;
    }
    // "rejected the claim and said it would keep fighting": one speaker's
    // words in one sentence are one statement, whatever acts they hold.
    // "A spokesman for the TPLF, Getachew Reda, said": the side and its
    // spokesman are one speaker.
    let sentence = |e: &Event| e.sources.first().map(|s| s.sentence_span);
    // Asked only of statements: most pairs differ in kind, and comparing
    // speakers compares strings.
    let one_speaker = || {
        speaker(a).is_some() && speaker(a) == speaker(b)
            || (a.person.is_none() || b.person.is_none())
                && matches!((&a.actor, &b.actor), (Some(x), Some(y)) if x.id == y.id)
    };
    if a.kind == EventKind::Statement
        && b.kind == EventKind::Statement
        && !a.negated
        && !b.negated
        && one_speaker()
        && sentence(a) == sentence(b)
    {
        return true;
    }
    // "rumours that the valley had been taken" beside "denied that the
    // valley had fallen": a possibility told beside the act itself, denied
    // or not, is that act told again.
    let rumour = |x: &Event, y: &Event| {
        x.hypothetical && !x.negated && !y.hypothetical && x.kind != EventKind::Statement
    };
    let flags_agree = a.negated == b.negated && a.hypothetical == b.hypothetical;
    if !(flags_agree || rumour(a, b) || rumour(b, a)) {
        return false;
    }
    if a.kind != b.kind {
        return toll_of_fight(a, am, b, bm)
            && matches!((&a.place, &b.place), (Some(x), Some(y)) if same_place(x, y))
            && matches!((&a.date, &b.date), (Some(x), Some(y)) if dates_compatible(x, y));
    }
    let mirror = a.kind == EventKind::ArmedClash && mirrored(a, b);
    if a.kind == EventKind::Statement {
        // "The Taliban announced ..." and "Spokesman Zabihullah Mujahid told
        // a news conference ...": the side and its spokesman are one speaker.
        if !one_speaker() {
            return false;
        }
        // One speaker's demand and threat are two acts.
        fn code(e: &Event) -> Option<&str> {
            e.plover.as_ref().map(|p| p.event_type.as_str())
        }
        if code(a).is_some() && code(b).is_some() && code(a) != code(b) {
            return false;
        }
    } else if mirror {
        // "a Taliban assault on Faizabad" repelled by the army and "the army
        // fought the Taliban in Faizabad" are one fight seen from each side.
    } else {
        match (&a.actor, &b.actor) {
            // A common noun ("fighters") may name the same side as a name.
            (Some(x), Some(y))
                if !same_side(x, y)
                    && !am.actor_fallback
                    && !bm.actor_fallback
                    && !x.generic
                    && !y.generic =>
            {
                return false
            }
            _ => {}
        }
    }
    match (&a.target, &b.target) {
        // A statement to a medium absorbs remarks without one, but two media
        // are two interviews.
        // An unnamed side ("officials") may be the named one seen vaguely.
        (Some(x), Some(y))
            if x.id != y.id
                && !mirror
                && !(a.kind == EventKind::Statement && am.medium != bm.medium)
                && (a.kind == EventKind::Statement || !x.generic && !y.generic) =>
        {
            return false
        }
        _ => {}
    }
    match (&a.place, &b.place) {
        (Some(x), Some(y)) if !same_place(x, y) && !contains(x, y) && !contains(y, x) => {
            return false
        }
        // Told in one sentence, a placeless mention of the same act is that
        // act ("break up a protest by hundreds who marched through Kabul").
        (Some(_), None) | (None, Some(_))
            if !place_may_be_implicit(a.kind) && !shares_sentence(a, b) =>
        {
            return false
        }
        _ => {}
    }
    if let (Some(x), Some(y)) = (&a.date, &b.date) {
        if !dates_compatible(x, y) {
            return false;
        }
    }
    for qa in &a.quantities {
        for qb in &b.quantities {
            if qa.unit == qb.unit && (qa.value != qb.value || qa.of != qb.of) {
                return false;
            }
        }
    }
    true
}

/// True when some report of one event was told in a sentence that told the
/// other: an event absorbs reports from several sentences.
fn shares_sentence(a: &Event, b: &Event) -> bool {
    a.sources
        .iter()
        .any(|x| b.sources.iter().any(|y| x.sentence_span == y.sentence_span))
}

/// True when one event's actor is the other's target, and the other's actor
/// (if any) is the first's target (if any).
fn mirrored(a: &Event, b: &Event) -> bool {
    let same = |x: Option<&ActorMention>, y: Option<&ActorMention>| match (x, y) {
        (Some(x), Some(y)) => same_side(x, y),
        _ => true,
    };
    a.actor.is_some()
        && b.actor.is_some()
        && same(a.actor.as_ref(), b.target.as_ref())
        && same(b.actor.as_ref(), a.target.as_ref())
        && !same(a.actor.as_ref(), b.actor.as_ref())
}

fn precision_rank(d: &DateRange) -> (u8, Precision) {
    let open = matches!(d.relation, TimeRelation::By | TimeRelation::From);
    (open as u8, d.precision)
}

/// Folds `b` into `a`: evidence is joined, missing fields are filled with a
/// note of where they came from, the more precise date wins.
fn absorb(a: &mut Event, am: &mut Meta, mut b: Event, bm: Meta) {
    if bm.claimed {
        claim(a, am, b, bm);
        return;
    }
    if a.kind != b.kind && b.kind == EventKind::ArmedClash {
        // The fight absorbs its toll, whichever was told first, with its sides.
        std::mem::swap(&mut a.kind, &mut b.kind);
        std::mem::swap(&mut a.plover, &mut b.plover);
        std::mem::swap(&mut a.acled, &mut b.acled);
        if am.actor_fallback || a.actor.is_none() {
            a.actor = b.actor.take();
            a.target = b.target.take();
            am.actor_fallback = bm.actor_fallback;
        }
    }
    // What was only possible is now told as it is.
    if a.hypothetical && !b.hypothetical {
        a.hypothetical = false;
        a.negated = b.negated;
    }
    let b_span = b.sources.first().map(|s| s.sentence_span);
    let mut fields = Vec::new();
    let mut note = |field: &'static str| {
        if let Some(span) = b_span {
            fields.push(FieldEvidence {
                field: field.into(),
                span,
            });
        }
    };
    let b_actor_better = match (&a.actor, &b.actor) {
        (Some(x), Some(y)) => {
            (am.actor_fallback && !bm.actor_fallback) || (x.generic && !y.generic)
        }
        _ => false,
    };
    if (a.actor.is_none() && b.actor.is_some()) || b_actor_better {
        a.actor = b.actor;
        am.actor_fallback = bm.actor_fallback;
        note("actor");
    }
    if a.person.is_none() && b.person.is_some() {
        a.person = b.person;
        note("person");
    }
    let b_target_better =
        matches!((&a.target, &b.target), (Some(x), Some(y)) if x.generic && !y.generic);
    if (a.target.is_none() || (bm.medium && !am.medium) || b_target_better) && b.target.is_some() {
        a.target = b.target;
        am.medium |= bm.medium;
        note("target");
    }
    // The more precise place wins: "Bagram Airfield" over "Afghanistan".
    let b_place_better = match (&a.place, &b.place) {
        (None, Some(_)) => true,
        (Some(x), Some(y)) => contains(x, y) && !same_place(x, y),
        _ => false,
    };
    if b_place_better {
        // "across Yemen" and "near Hodeidah": the operation keeps both.
        if let Some(old) = a.place.take() {
            if !a.places.iter().any(|x| same_place(x, &old)) {
                a.places.push(old);
            }
        }
        a.place = b.place;
        note("place");
    }
    match (&a.date, &b.date) {
        (None, Some(_)) => {
            a.date = b.date;
            note("date");
        }
        (Some(x), Some(y)) if precision_rank(y) < precision_rank(x) => {
            a.date = b.date;
            note("date");
        }
        _ => {}
    }
    for q in b.quantities {
        if !a.quantities.iter().any(|x| x.unit == q.unit) {
            a.quantities.push(q);
            note("quantity");
        }
    }
    for x in b.participants {
        if !a.participants.iter().any(|y| y.id == x.id) {
            a.participants.push(x);
        }
    }
    for p in b.places {
        if !a.places.iter().any(|x| same_place(x, &p)) {
            a.places.push(p);
        }
    }
    a.fatalities = a.fatalities.take().or(b.fatalities);
    a.injuries = a.injuries.take().or(b.injuries);
    a.plover = a.plover.take().or(b.plover);
    a.confidence = a.confidence.max(b.confidence);
    a.sources.extend(b.sources);
    if let Some(first) = a.sources.first_mut() {
        first.fields.extend(fields);
    }
}

/// Folds a claim into the attack it claims: the claimant is the actor, unless
/// the attack already names one; what the claim calls the attack, where and
/// when, is the earlier report's.
fn claim(a: &mut Event, am: &mut Meta, b: Event, bm: Meta) {
    let named = a.actor.as_ref().is_some_and(|x| !x.generic) && !am.actor_fallback;
    if !named && b.actor.is_some() && !bm.actor_fallback {
        a.actor = b.actor;
        am.actor_fallback = false;
        if let (Some(first), Some(span)) = (a.sources.first_mut(), b.sources.first()) {
            first.fields.push(FieldEvidence {
                field: "actor".into(),
                span: span.sentence_span,
            });
        }
    }
    a.sources.extend(b.sources);
}

/// Merges the events of one article, keeping the order of first report.
pub(crate) fn merge(events: Vec<(Event, Meta)>) -> Vec<(Event, Meta)> {
    // A merge can make two events compatible that were not (a headline's
    // event absorbs one of a sentence's two mentions of the act): a second
    // pass joins the other.
    let n = events.len();
    let once = merge_pass(events);
    if once.len() < n && once.len() > 1 {
        merge_pass(once)
    } else {
        once
    }
}

fn merge_pass(events: Vec<(Event, Meta)>) -> Vec<(Event, Meta)> {
    let mut out: Vec<(Event, Meta)> = Vec::with_capacity(events.len());
    for (e, m) in events {
        // Prefer the candidate with a medium, so remarks join an interview.
        let mut best: Option<usize> = None;
        for (i, (o, om)) in out.iter().enumerate() {
            if compatible(o, om, &e, &m) && best.is_none_or(|b| om.medium && !out[b].1.medium) {
                best = Some(i);
            }
        }
        match best {
            Some(i) => {
                let (o, om) = &mut out[i];
                absorb(o, om, e, m);
            }
            None => out.push((e, m)),
        }
    }
    out
}

/// One side: the same actor, or the same state's government and forces ("the
/// U.S." and "the Pentagon").
pub(crate) fn same_side(a: &ActorMention, b: &ActorMention) -> bool {
    a.id == b.id
        || (is_state(a.kind) && is_state(b.kind) && a.country.is_some() && a.country == b.country)
}

/// True for actors that act for a state.
pub(crate) fn is_state(kind: ActorKind) -> bool {
    matches!(kind, ActorKind::Government | ActorKind::StateForces)
}
