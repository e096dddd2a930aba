//! The words date expressions are built from, and the token view the grammar
//! reads: each token of a sentence with its word class already looked up.
//!
//! The lexicon is a hash map from lower-cased ASCII words to [`Lex`] classes,
//! built once. It knows nothing of how words combine; that is the grammar's job.

use chrono::Weekday;
use sitrep_text::{PackedWord, Token, TokenKind};

/// A calendar unit that counts can be attached to ("two weeks").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Unit {
    Hour,
    Day,
    Week,
    Fortnight,
    Month,
    Year,
    Decade,
}

/// Which part of a period a modifier picks out ("early", "mid-", "the end of").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Part {
    Early,
    Mid,
    Late,
}

/// Function words and time words the grammar looks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kw {
    A,
    About,
    After,
    Ago,
    And,
    At,
    Before,
    Beginning,
    Between,
    By,
    Coming,
    Couple,
    During,
    Earlier,
    Early,
    End,
    Few,
    Following,
    For,
    From,
    In,
    Last,
    Late,
    Later,
    Least,
    Middle,
    Mid,
    More,
    Next,
    Of,
    On,
    Over,
    Overnight,
    Past,
    Recent,
    Same,
    Several,
    Since,
    Start,
    Than,
    That,
    The,
    This,
    TimeOfDay,
    Night,
    Through,
    To,
    Today,
    Tomorrow,
    Tonight,
    Until,
    Weekend,
    Within,
    Yesterday,
    /// A lone "s" glued to a number: "1990s".
    PluralS,
    /// "st", "nd", "rd", "th" glued to a number: "15th".
    OrdinalSuffix,
}

/// The class of one word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Lex {
    /// A month's full name, 1-based.
    Month(u32),
    /// A month's abbreviation ("Aug"), 1-based.
    MonthAbbr(u32),
    Weekday(Weekday),
    /// A spelled-out number ("two", "twenty-four").
    Number(u32),
    /// A unit, and whether it was plural.
    Unit(Unit, bool),
    /// An approximating word before a count ("nearly", "some").
    Qualifier,
    Kw(Kw),
    /// One hyphenated token naming part of a month: "mid-August".
    PartMonth(Part, u32),
    /// One hyphenated token naming part of a year: "mid-2020".
    PartYear(Part, i32),
}

impl Lex {
    /// See [`Tok::anchor`].
    fn is_anchor(self) -> bool {
        match self {
            Lex::Month(_)
            | Lex::MonthAbbr(_)
            | Lex::Weekday(_)
            | Lex::Unit(..)
            | Lex::PartMonth(..)
            | Lex::PartYear(..) => true,
            Lex::Kw(kw) => matches!(
                kw,
                Kw::Today
                    | Kw::Tomorrow
                    | Kw::Yesterday
                    | Kw::Tonight
                    | Kw::Overnight
                    | Kw::Weekend
                    | Kw::TimeOfDay
                    | Kw::Night
            ),
            Lex::Number(_) | Lex::Qualifier => false,
        }
    }

    /// False for words that never begin an expression ("of", "and", "ago").
    pub(super) fn can_start(self) -> bool {
        !matches!(
            self,
            Lex::Kw(
                Kw::Of
                    | Kw::And
                    | Kw::To
                    | Kw::Than
                    | Kw::Least
                    | Kw::Ago
                    | Kw::PluralS
                    | Kw::OrdinalSuffix
                    | Kw::TimeOfDay
                    | Kw::Night
                    | Kw::Before
                    | Kw::After
            )
        )
    }
}

/// Longest word the lexicon holds, in bytes ("approximately").
const MAX_WORD: usize = 16;

const MONTH_ABBREVIATIONS: [(&str, u32); 12] = [
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];

/// Weekdays in the order of `sitrep_text::WEEKDAYS`.
const WEEKDAY_ORDER: [Weekday; 7] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
    Weekday::Sat,
    Weekday::Sun,
];

const SMALL_NUMBERS: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];

const TENS: [(&str, u32); 8] = [
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
];

const UNITS: [(&str, &str, Unit); 7] = [
    ("hour", "hours", Unit::Hour),
    ("day", "days", Unit::Day),
    ("week", "weeks", Unit::Week),
    ("fortnight", "fortnights", Unit::Fortnight),
    ("month", "months", Unit::Month),
    ("year", "years", Unit::Year),
    ("decade", "decades", Unit::Decade),
];

const QUALIFIERS: [&str; 11] = [
    "nearly",
    "almost",
    "around",
    "some",
    "roughly",
    "approximately",
    "circa",
    "just",
    "only",
    "under",
    "barely",
];

const KEYWORDS: [(&str, Kw); 66] = [
    ("a", Kw::A),
    ("an", Kw::A),
    ("about", Kw::About),
    ("after", Kw::After),
    ("ago", Kw::Ago),
    ("and", Kw::And),
    ("at", Kw::At),
    ("before", Kw::Before),
    ("beginning", Kw::Beginning),
    ("between", Kw::Between),
    ("by", Kw::By),
    ("coming", Kw::Coming),
    ("couple", Kw::Couple),
    ("during", Kw::During),
    ("throughout", Kw::During),
    ("earlier", Kw::Earlier),
    ("early", Kw::Early),
    ("end", Kw::End),
    ("few", Kw::Few),
    ("following", Kw::Following),
    ("for", Kw::For),
    ("from", Kw::From),
    ("in", Kw::In),
    ("last", Kw::Last),
    ("late", Kw::Late),
    ("later", Kw::Later),
    ("least", Kw::Least),
    ("middle", Kw::Middle),
    ("mid", Kw::Mid),
    ("more", Kw::More),
    ("less", Kw::More),
    ("fewer", Kw::More),
    ("next", Kw::Next),
    ("of", Kw::Of),
    ("on", Kw::On),
    ("over", Kw::Over),
    ("overnight", Kw::Overnight),
    ("past", Kw::Past),
    ("recent", Kw::Recent),
    ("same", Kw::Same),
    ("several", Kw::Several),
    ("since", Kw::Since),
    ("start", Kw::Start),
    ("than", Kw::Than),
    ("that", Kw::That),
    ("the", Kw::The),
    ("this", Kw::This),
    ("morning", Kw::TimeOfDay),
    ("afternoon", Kw::TimeOfDay),
    ("evening", Kw::TimeOfDay),
    ("night", Kw::Night),
    ("through", Kw::Through),
    ("to", Kw::To),
    ("today", Kw::Today),
    ("tomorrow", Kw::Tomorrow),
    ("tonight", Kw::Tonight),
    ("until", Kw::Until),
    ("till", Kw::Until),
    ("weekend", Kw::Weekend),
    ("within", Kw::Within),
    ("yesterday", Kw::Yesterday),
    ("s", Kw::PluralS),
    ("th", Kw::OrdinalSuffix),
    ("st", Kw::OrdinalSuffix),
    ("nd", Kw::OrdinalSuffix),
    ("rd", Kw::OrdinalSuffix),
];

/// The word classes, built once and shared by every sentence.
///
/// Words are kept in buckets by length and first letter, so a lookup compares
/// a word with the handful of lexicon words of its shape (case-insensitively,
/// without copying it) and most words of a text find an empty bucket at once.
pub(super) struct Lexicon {
    /// Per bucket, its words packed: one integer comparison per word.
    buckets: Vec<Vec<(PackedWord, Lex)>>,
    /// Per bucket, the set of last letters its words end with (bit 0 = 'a'),
    /// which turns most remaining lookups away before any comparison.
    endings: Vec<u32>,
}

impl Lexicon {
    pub(super) fn new() -> Lexicon {
        let mut buckets = vec![Vec::new(); (MAX_WORD + 1) * 26];
        let mut endings = vec![0; (MAX_WORD + 1) * 26];
        let mut add = |name: &'static str, lex: Lex| {
            if let Some(b) = bucket(name.as_bytes()) {
                buckets[b].push((PackedWord::of(name), lex));
                endings[b] |= ending(name.as_bytes());
            }
        };
        for (m, name) in (1..).zip(sitrep_text::MONTHS) {
            add(name, Lex::Month(m));
        }
        for (abbr, m) in MONTH_ABBREVIATIONS {
            add(abbr, Lex::MonthAbbr(m));
        }
        for (name, d) in sitrep_text::WEEKDAYS.into_iter().zip(WEEKDAY_ORDER) {
            add(name, Lex::Weekday(d));
        }
        for (n, name) in (0..).zip(SMALL_NUMBERS) {
            add(name, Lex::Number(n));
        }
        for (name, n) in TENS {
            add(name, Lex::Number(n));
        }
        for (one, many, unit) in UNITS {
            add(one, Lex::Unit(unit, false));
            add(many, Lex::Unit(unit, true));
        }
        for name in QUALIFIERS {
            add(name, Lex::Qualifier);
        }
        for (name, kw) in KEYWORDS {
            add(name, Lex::Kw(kw));
        }
        Lexicon { buckets, endings }
    }

    /// Looks up one word, any case; `None` for words that play no part in dates.
    pub(super) fn lookup(&self, word: &[u8]) -> Option<Lex> {
        if let Some(found) = self.exact(word) {
            return Some(found);
        }
        // Only hyphenated compounds are left to try; they are rare, and
        // their first hyphen ends a head of three to seven letters ("mid",
        // "early", "seventy"): a shorter or longer head is no compound.
        if !word.iter().take(8).skip(3).any(|&b| b == b'-') {
            return None;
        }
        let mut buf = [0u8; MAX_WORD];
        let lower = ascii_lower(word, &mut buf)?;
        let dash = lower.iter().position(|&b| b == b'-')?;
        self.compound(&lower[..dash], &lower[dash + 1..])
    }

    /// A whole word of the lexicon, any case.
    fn exact(&self, word: &[u8]) -> Option<Lex> {
        let b = bucket(word)?;
        if self.endings[b] & ending(word) == 0 {
            return None;
        }
        // Packed only now: most words were turned away above.
        let word = PackedWord::new(word)?;
        self.buckets[b]
            .iter()
            .find(|&&(key, _)| key == word)
            .map(|&(_, lex)| lex)
    }

    /// Hyphenated tokens the tokeniser keeps whole: "twenty-four", "mid-August",
    /// "late-2019".
    fn compound(&self, head: &[u8], tail: &[u8]) -> Option<Lex> {
        let part = match head {
            b"early" => Some(Part::Early),
            b"mid" => Some(Part::Mid),
            b"late" => Some(Part::Late),
            _ => None,
        };
        match (part, self.exact(tail)) {
            (Some(p), Some(Lex::Month(m) | Lex::MonthAbbr(m))) => Some(Lex::PartMonth(p, m)),
            (Some(p), None) => {
                let year = plausible_year(std::str::from_utf8(tail).ok()?)?;
                Some(Lex::PartYear(p, year))
            }
            (None, Some(Lex::Number(u))) if (1..10).contains(&u) => {
                let tens = TENS.iter().find(|(name, _)| name.as_bytes() == head)?.1;
                Some(Lex::Number(tens + u))
            }
            _ => None,
        }
    }
}

/// The bucket of a word: its length and first letter; `None` for words too
/// long or not starting with an ASCII letter, which no lexicon word is.
fn bucket(word: &[u8]) -> Option<usize> {
    let first = word.first()?.to_ascii_lowercase();
    (word.len() <= MAX_WORD && first.is_ascii_lowercase())
        .then(|| word.len() * 26 + usize::from(first - b'a'))
}

/// The bit of a word's last letter, either case; 0 when it is not a letter.
fn ending(word: &[u8]) -> u32 {
    match word.last().map(u8::to_ascii_lowercase) {
        Some(z @ b'a'..=b'z') => 1 << (z - b'a'),
        _ => 0,
    }
}

/// Lower-cases an ASCII word into `buf`; `None` if it is too long or not ASCII
/// (no date word is).
fn ascii_lower<'b>(word: &[u8], buf: &'b mut [u8; MAX_WORD]) -> Option<&'b [u8]> {
    if word.len() > MAX_WORD || !word.is_ascii() {
        return None;
    }
    let out = &mut buf[..word.len()];
    for (o, b) in out.iter_mut().zip(word) {
        *o = b.to_ascii_lowercase();
    }
    Some(out)
}

/// A year a news report plausibly names: four digits, 1900 to 2100.
pub(super) fn plausible_year(s: &str) -> Option<i32> {
    if s.len() != 4 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let y: i32 = s.parse().ok()?;
    (1900..=2100).contains(&y).then_some(y)
}

/// One token as the grammar sees it.
#[derive(Clone, Copy, Debug)]
pub(super) struct Tok {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) lex: Option<Lex>,
    /// The value of a plain digit run ("15", "2021"; not "3,000" or "1.5").
    pub(super) num: Option<u32>,
    /// How many digits that run has.
    pub(super) digits: usize,
    /// The punctuation character, for punctuation tokens; dashes fold to '-'.
    pub(super) punct: Option<char>,
    /// True for a word starting with a capital letter.
    pub(super) cap: bool,
    /// True for a word at all (not a number or punctuation).
    pub(super) word: bool,
    /// True for a token every date expression has one of near its start: a
    /// number, month, weekday, unit or day word. Lets the scanner skip the
    /// prepositions and articles that begin no expression nearby.
    pub(super) anchor: bool,
}

impl Tok {
    /// Builds the view of one token.
    pub(super) fn new(text: &str, token: &Token, lexicon: &Lexicon) -> Tok {
        // Bytes, not `&str`: the lexicon is ASCII, and slicing bytes skips
        // the char-boundary checks (tokens are whole characters).
        let s = &text.as_bytes()[token.span.start..token.span.end];
        let mut tok = Tok {
            start: token.span.start,
            end: token.span.end,
            lex: None,
            num: None,
            digits: 0,
            punct: None,
            cap: false,
            word: false,
            anchor: false,
        };
        match token.kind {
            TokenKind::Number => {
                if s.len() <= 9 && s.iter().all(u8::is_ascii_digit) {
                    let value = s.iter().fold(0u32, |n, d| n * 10 + u32::from(d - b'0'));
                    tok.num = Some(value);
                    tok.digits = s.len();
                }
            }
            TokenKind::Punct => {
                tok.punct = token.slice(text).chars().next().map(|c| match c {
                    '–' | '—' | '‐' | '‑' => '-',
                    c => c,
                });
            }
            TokenKind::Word => {
                tok.word = true;
                tok.cap = match s.first() {
                    Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
                    _ => sitrep_text::is_capitalised(token.slice(text)),
                };
                // A possessive ("Friday's attack") is still the date.
                let bare = s
                    .strip_suffix(b"'s")
                    .or_else(|| s.strip_suffix("\u{2019}s".as_bytes()))
                    .unwrap_or(s);
                tok.lex = lexicon.lookup(bare);
            }
        }
        tok.anchor = tok.num.is_some() || tok.lex.is_some_and(|lex| lex.is_anchor());
        tok
    }
}
