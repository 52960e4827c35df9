//! The Kazakh grammar of references.
//!
//! A unit chain runs outermost first, each unit a number and an inflected kind word:
//! `12-бабының 2-тармағы`, `14-бабы 3-тармағының 1) тармақшасына`, `2-тармағының 3)
//! тармақшасы`; a level may be a list or a range: `15, 16 және 17-тармақтар`, `5 және
//! 6-баптарында`, `1 – 4-қосымшаларына`, `27-29-тармақтарына` (a plural after a rising pair),
//! `1), 2), 3), 4) тармақшаларында`, `1)–5) тармақшалар`. Inserted numbers (`2-2-тармағына`,
//! `12-14) тармақшасына`) stay whole.
//!
//! The words before the chain say whose units they are: `осы Заңның` / `осы бұйрықтың` (this
//! act), `осы Қағидалардың` (this act's attachment), `осы тармақтың` (the enclosing
//! paragraph), `… Заңының`, `Еңбек кодексінің`, `… № 148 қаулысының` (another act, described
//! by the quoted title, date, number or name before its kind word), or nothing (a unit near
//! the citing one). Acts are also cited whole: `… 2012 жылғы 21 қаңтардағы № 148 қаулысына`,
//! `"Халықтың көші-қоны туралы" 2011 жылғы 22 шілдедегі Заңы`.

use super::common::{self, bare, lower, words};
use super::{CitedAct, Found, Scope};
use crate::model::ActKind;
use regex::Regex;
use std::sync::LazyLock;

/// One unit mention: a list of numbers and a kind word with its ending.
static MENTION_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        (?P<list>[0-9]+(?:-[0-9]+)*(?:\s*(?:,|және|мен|пен|–|—|\s-)\s*[0-9]+(?:-[0-9]+)*)*)
        \s*-\s*(?P<kw>ба[пб]|тарма[қғ]|тара[уy]|қосымша|бөлі[кг])(?P<suf>\p{L}*)
        |
        (?P<slist>[0-9]+(?:-[0-9]+)*\)(?:\s*(?:,|және|мен|пен|–|—|-)\s*[0-9]+(?:-[0-9]+)*\))*)
        \s*тармақша(?P<ssuf>\p{L}*)",
    )
    .expect("static regex")
});

/// A kind word of an act (any case; `заңнама`, `заңды` are told apart in [`act_kind`]), at
/// the start of a word ([`common::word_matches`]).
static ACT_NOUN_RE: LazyLock<Regex> = LazyLock::new(|| {
    // Any kind but a disposition (`өкім`), which a Kazakh reference does not cite so.
    let stems = crate::model::citation::codes::kind_stem_alternation(
        Some(crate::model::Lang::Kk),
        true,
        |k| k != crate::model::ActKind::Disposition,
    );
    Regex::new(&format!(r"(?i)(?:{stems})\p{{L}}*")).expect("static regex")
});

/// One mention of a unit level.
struct Mention {
    start: usize,
    end: usize,
    prefix: &'static str,
    nums: Vec<String>,
}

fn is_plural(suffix: &str) -> bool {
    ["тар", "тер", "лар", "лер", "дар", "дер"]
        .iter()
        .any(|p| suffix.starts_with(p))
}

fn mentions(text: &str) -> Vec<Mention> {
    let mut out = Vec::new();
    for c in MENTION_RE.captures_iter(text) {
        let Some(m) = c.get(0) else { continue };
        if let (Some(list), Some(kw), Some(suf)) = (c.name("list"), c.name("kw"), c.name("suf")) {
            let kw = kw.as_str();
            let suf = suf.as_str();
            let prefix = if kw.starts_with("ба") {
                "art"
            } else if kw.starts_with("тарма") {
                if suf.starts_with('ш') {
                    "subpara"
                } else {
                    "para"
                }
            } else if kw.starts_with("тара") {
                "chp"
            } else if kw.starts_with("қосымша") {
                "annex"
            } else {
                "para"
            };
            let suf = suf.trim_start_matches('ш').trim_start_matches('а');
            let nums = common::list_numbers(list.as_str(), is_plural(suf));
            if !nums.is_empty() {
                out.push(Mention {
                    start: m.start(),
                    end: m.end(),
                    prefix,
                    nums,
                });
            }
        } else if let (Some(list), Some(suf)) = (c.name("slist"), c.name("ssuf")) {
            let nums = common::list_numbers(list.as_str(), is_plural(suf.as_str()));
            if !nums.is_empty() {
                out.push(Mention {
                    start: m.start(),
                    end: m.end(),
                    prefix: "subpara",
                    nums,
                });
            }
        }
    }
    out
}

/// The act kind a word names, if it names one (`Заңының` → law, `қаулысына` → resolution).
pub(crate) fn act_kind(word: &str) -> Option<ActKind> {
    use crate::model::citation::codes::{kind_word, KindWord};
    // As the Russian grammar reads them (`super::ru::act_kind`), but for a disposition
    // (`өкімі`), whose Kazakh mentions the grammar does not read. A decree (`Жарлығымен`,
    // `Жарлығына`) is a decree.
    match kind_word(crate::Lang::Kk, &lower(bare(word)))? {
        KindWord::Constitution => Some(ActKind::Other),
        KindWord::Kind(ActKind::Disposition) | KindWord::Modifier(_) => None,
        KindWord::Kind(k) => Some(k),
    }
}

/// Whether a word names an attachment (`Қағидалардың`, `Ережеге`, `Нұсқаулықтың`, a charter).
fn is_attachment_word(word: &str) -> bool {
    let w = lower(bare(word));
    [
        "қағида",
        "ереже",
        "нұсқаулы",
        "тізбе",
        "тізілім",
        "регламент",
        "стандарт",
        "әдістеме",
        "жарғы",
    ]
    .iter()
    .any(|p| w.starts_with(p))
}

/// The eid prefix of a unit kind word (`тармақтың` → `para`), for `осы тармақтың`.
fn unit_word(word: &str) -> Option<&'static str> {
    let w = lower(bare(word));
    if w.starts_with("тармақш") {
        Some("subpara")
    } else if w.starts_with("тарма") {
        Some("para")
    } else if w.starts_with("бап") || w.starts_with("баб") {
        Some("art")
    } else if w.starts_with("тара") {
        Some("chp")
    } else if w.starts_with("бөлі") {
        Some("para")
    } else {
        None
    }
}

/// The start of `осы` among the (up to three) words before the last of `ws`, when the words
/// between are adjectives (`осы Конституциялық заңның`, `осы бірлескен бұйрықтың`).
fn osy_before(text: &str, ws: &[(usize, usize)]) -> Option<usize> {
    let n = ws.len();
    for k in 2..=4.min(n) {
        let (s, e) = ws[n - k];
        if lower(bare(&text[s..e])) == "осы" {
            return Some(s);
        }
    }
    None
}

/// Where a lookback may start: after the previous reference, the clause's start and at
/// most `reach` bytes back.
fn floor_of(text: &str, at: usize, prev_end: usize, reach: usize) -> usize {
    let mut f = at.saturating_sub(reach).max(prev_end);
    while !text.is_char_boundary(f) {
        f += 1;
    }
    if let Some(p) = text[f..at].rfind([';', '\n', ':']) {
        f = f + p + 1;
    }
    // A sentence's end: a full stop, a blank and a capital (not a date's or a number's dots).
    let window = &text[f..at];
    let mut cut = None;
    for (p, _) in window.match_indices(". ") {
        if window[p + 2..]
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
        {
            cut = Some(p + 2);
        }
    }
    if let Some(c) = cut {
        f += c;
    }
    f
}

/// Describes the act whose kind word is at `noun` (`[noun.0, noun.1)`), from the words before
/// it back to `floor`: quoted title, date, number, and a code's name. Returns the act and
/// where its description starts.
fn describe(
    text: &str,
    floor: usize,
    noun: (usize, usize),
    kind: Option<ActKind>,
) -> (CitedAct, usize) {
    // Parentheses hold registration details (`(… № 20540 болып тіркелді)`), not the act's own
    // date and number: they are blanked, keeping every offset.
    let masked = mask_parens(&text[floor..noun.0]);
    let window = masked.as_str();
    let raw = &text[floor..noun.0];
    let mut act = CitedAct {
        kind,
        ..CitedAct::default()
    };
    let mut start = noun.0;
    let mut last_end = floor;
    if let Some(c) = common::QUOTED_RE.captures_iter(raw).last() {
        if let (Some(m), Some(t)) = (c.get(0), c.get(1)) {
            act.title = Some(t.as_str().split_whitespace().collect::<Vec<_>>().join(" "));
            start = start.min(floor + m.start());
            last_end = last_end.max(floor + m.end());
        }
    }
    let date = crate::text::find_kk_word_dates(window)
        .map(|(d, r)| (r.start, r.end, d))
        .last()
        .or_else(|| common::digit_date(window, true));
    if let Some((s, e, d)) = date {
        act.date = Some(d);
        start = start.min(floor + s);
        last_end = last_end.max(floor + e);
    }
    if let Some((s, e, n)) = common::last_number(window) {
        if !n.is_empty() {
            act.number = Some(n);
            start = start.min(floor + s);
            last_end = last_end.max(floor + e);
        }
    }
    // A code (or the Constitution) is named by the words before its kind word: `Еңбек
    // кодексінің`, `Әкімшілік құқық бұзушылық туралы кодексінің`.
    let noun_word = lower(bare(&text[noun.0..noun.1]));
    if act.title.is_none()
        && (noun_word.starts_with("кодекс") || noun_word.starts_with("конституция"))
    {
        let between = &text[last_end.max(floor)..noun.0];
        let name: Vec<&str> = between
            .split_whitespace()
            .map(bare)
            .filter(|w| {
                let l = lower(w);
                !w.is_empty()
                    && !l.starts_with("қазақстан")
                    && !l.starts_with("республика")
                    && l != "қр"
                    && l != "осы"
            })
            .collect();
        // The name reaches back to its nearest capitalized word, at most three words back
        // (`Әкімшілік құқық бұзу кодексінің`); none: the words are no name (`алушы Кодекске`).
        let tail: Vec<&str> = name.iter().rev().take(3).copied().collect();
        let name: Vec<&str> = match tail
            .iter()
            .position(|w| w.chars().next().is_some_and(char::is_uppercase))
        {
            Some(k) => tail[..=k].iter().rev().copied().collect(),
            None => Vec::new(),
        };
        if noun_word.starts_with("конституция") {
            act.name = Some("Конституция".to_string());
        } else if !name.is_empty() {
            if let Some(first) = name.first() {
                if let Some(p) = between.rfind(first) {
                    start = start.min(last_end.max(floor) + p);
                }
            }
            act.name = Some(name.join(" "));
        }
    }
    (act, start)
}

/// `s` with what is inside parentheses (and before a closing one left open) blanked, byte
/// for byte.
fn mask_parens(s: &str) -> String {
    let mut depth = 0i32;
    let mut out = String::with_capacity(s.len());
    // A `)` with none open closes one opened before `s`: what precedes it is inside.
    let unopened = {
        let mut d = 0i32;
        let mut last = None;
        for (i, c) in s.char_indices() {
            match c {
                '(' => d += 1,
                ')' if d == 0 => last = Some(i),
                ')' => d -= 1,
                _ => {}
            }
        }
        last
    };
    for (i, c) in s.char_indices() {
        let inside = depth > 0 || unopened.is_some_and(|u| i <= u);
        match c {
            '(' => depth += 1,
            ')' if depth > 0 => depth -= 1,
            _ => {}
        }
        if inside || c == '(' {
            out.extend(std::iter::repeat_n(' ', c.len_utf8()));
        } else {
            out.push(c);
        }
    }
    out
}

/// `s` with the blanks inside each quoted title made part of it (byte for byte), so that
/// [`words`] reads the title as one word.
fn titles_as_words(s: &str) -> String {
    let mut out = s.to_string();
    for m in common::QUOTED_RE.find_iter(s) {
        let joined: String = m
            .as_str()
            .chars()
            .map(|c| {
                if c.is_whitespace() {
                    "_".repeat(c.len_utf8())
                } else {
                    c.to_string()
                }
            })
            .collect();
        out.replace_range(m.range(), &joined);
    }
    out
}

/// Finds the references in a Kazakh text.
pub fn find(text: &str) -> Vec<Found> {
    let ms = mentions(text);
    let mut out: Vec<Found> = Vec::new();
    let mut prev_end = 0usize;
    let mut i = 0;
    while i < ms.len() {
        // The chain: mentions going deeper, separated by blanks only.
        let mut j = i + 1;
        while j < ms.len()
            && text[ms[j - 1].end..ms[j].start].trim().is_empty()
            && common::depth(ms[j].prefix) > common::depth(ms[j - 1].prefix)
        {
            j += 1;
        }
        let chain = &ms[i..j];
        let (start, end) = (chain[0].start, chain[chain.len() - 1].end);
        let (scope, mut span_start) = scope_before(text, start, prev_end);
        while text[span_start..].starts_with(['(', '[']) {
            span_start += 1;
        }
        let levels: Vec<(&'static str, Vec<String>)> =
            chain.iter().map(|m| (m.prefix, m.nums.clone())).collect();
        for path in common::expand(&levels) {
            out.push(Found {
                start: span_start,
                end,
                scope: scope.clone(),
                path,
            });
        }
        prev_end = end;
        i = j;
    }
    whole_acts(text, &mut out);
    out.sort_by_key(|f| (f.start, f.end));
    out
}

/// Reads the words before a chain starting at `at`: whose units it names, and where the
/// reference starts.
fn scope_before(text: &str, at: usize, prev_end: usize) -> (Scope, usize) {
    let floor = floor_of(text, at, prev_end, 400);
    let before = &text[floor..at];
    let ws: Vec<(usize, usize)> = words(before)
        .into_iter()
        .map(|(s, e)| (floor + s, floor + e))
        .collect();
    let Some(&(ls, le)) = ws.last() else {
        return (Scope::Context, at);
    };
    // The kind word must touch the chain (a word, blanks, the chain).
    if !text[le..at].trim().is_empty() {
        return (Scope::Context, at);
    }
    let w = &text[ls..le];
    let osy = osy_before(text, &ws);
    if let Some(kind) = act_kind(w) {
        if let Some(s) = osy {
            return (Scope::OwnAct, s);
        }
        let (act, s) = describe(text, floor, (ls, le), Some(kind));
        return (Scope::Other(act), s);
    }
    if is_attachment_word(w) {
        if let Some(s) = osy {
            return (Scope::Attachment, s);
        }
        let kind = ws
            .iter()
            .rev()
            .skip(1)
            .find_map(|&(s, e)| act_kind(&text[s..e]));
        let (mut act, mut s) = describe(text, floor, (ls, le), kind);
        // `"… қағидаларына" 1-қосымшаға`: the title of other Rules, quoted.
        let mut quoted = false;
        if let Some(close) = w
            .char_indices()
            .last()
            .filter(|(_, c)| matches!(c, '"' | '»' | '”'))
        {
            if let Some((open, q)) = text[floor..ls]
                .char_indices()
                .rfind(|(_, c)| matches!(c, '"' | '«' | '“'))
            {
                let title = &text[floor + open + q.len_utf8()..ls + close.0];
                act.title = Some(title.split_whitespace().collect::<Vec<_>>().join(" "));
                s = s.min(floor + open);
                quoted = true;
            }
        }
        if act.date.is_some() || act.number.is_some() || quoted {
            act.attachment = true;
            return (Scope::Other(act), s);
        }
        return (Scope::Attachment, ls);
    }
    if let (Some(prefix), Some(s)) = (unit_word(w), osy) {
        return (Scope::Enclosing(prefix), s);
    }
    (Scope::Context, at)
}

/// Acts cited whole: a kind word with a date, a number or a quoted title just before it, or
/// a code's name, outside the references found already.
fn whole_acts(text: &str, out: &mut Vec<Found>) {
    let taken: Vec<(usize, usize)> = out.iter().map(|f| (f.start, f.end)).collect();
    let mut added: Vec<Found> = Vec::new();
    for m in common::word_matches(&ACT_NOUN_RE, text) {
        if taken.iter().any(|&(s, e)| m.start() >= s && m.start() < e) {
            continue;
        }
        let Some(kind) = act_kind(m.as_str()) else {
            continue;
        };
        let prev_end = taken
            .iter()
            .chain(
                added
                    .iter()
                    .map(|f| (f.start, f.end))
                    .collect::<Vec<_>>()
                    .iter(),
            )
            .filter(|&&(_, e)| e <= m.start())
            .map(|&(_, e)| e)
            .max()
            .unwrap_or(0);
        let floor = floor_of(text, m.start(), prev_end, 300);
        let ws: Vec<(usize, usize)> = words(&text[floor..m.start()])
            .into_iter()
            .map(|(s, e)| (floor + s, floor + e))
            .collect();
        // `осы бұйрық`: the act itself, named by the words that are no reference.
        if ws
            .iter()
            .rev()
            .take(2)
            .any(|&(s, e)| lower(bare(&text[s..e])) == "осы")
        {
            continue;
        }
        // What describes the act must be near its kind word: the last dozen words.
        let near = ws.len().saturating_sub(12);
        let near_floor = ws.get(near).map_or(m.start(), |w| w.0);
        let read = |near_floor: usize, outside_parens: bool| {
            let (act, start) = describe(text, near_floor, (m.start(), m.end()), Some(kind));
            // A blank left for a title (`«____»`) is none.
            let titled = act
                .title
                .as_deref()
                .is_some_and(|t| t.chars().any(char::is_alphabetic))
                && {
                    // The title's closing quote within three words of the kind word, and
                    // outside parentheses (`(… «Әділет» … жүйесінде жарияланған)` names where
                    // the act was published, not the act).
                    let gap = &text[start..m.start()];
                    let close = gap.rfind(['"', '»', '”']).map_or(0, |p| p);
                    let masked = mask_parens(&text[near_floor..m.start()]);
                    let outside = masked.as_bytes().get(start + close - near_floor) != Some(&b' ');
                    let after = if outside_parens {
                        mask_parens(&gap[close..])
                    } else {
                        gap[close..].to_string()
                    };
                    outside && after.split_whitespace().count() <= 4
                };
            let named_code = act.name.is_some();
            (act.date.is_some() || act.number.is_some() || titled || named_code)
                .then_some((act, start))
        };
        // A local act's reference may print its title and its registration between its
        // number and its kind word (`№ 52-269 «…» (… № 4387 болып тіркелген) шешімінің`):
        // when the dozen words hold nothing that names an act, the dozen outside parentheses,
        // a quoted title counted as one word.
        let found = read(near_floor, false).or_else(|| {
            let floor = floor_of(text, m.start(), prev_end, 800);
            let ws = words(&titles_as_words(&mask_parens(&text[floor..m.start()])));
            let near = ws.len().saturating_sub(12);
            read(ws.get(near).map_or(m.start(), |w| floor + w.0), true)
        });
        let Some((act, start)) = found else {
            continue;
        };
        added.push(Found {
            start,
            end: m.end(),
            scope: Scope::Other(act),
            path: Vec::new(),
        });
    }
    out.extend(added);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A decree cited in any case (`Жарлығымен`, `Жарлығына`) is a decree, with its date and
    /// number: the MFA order of 04.01.2018 № 11-1-4/1's preamble and the migrants' FAQ
    /// (`corpus/`).
    #[test]
    fn a_decree_is_read_as_a_decree() {
        for (text, date, number) in [
            (
                "Қазақстан Республикасы Президентінің 2016 жылғы 25 сәуірдегі № 240 Жарлығымен бекітілген Қазақстан Республикасының Консулдық жарғысының 59-тармағына сәйкес",
                (2016, 4, 25),
                "240",
            ),
            (
                "«Әлеуметтік-экономикалық тұрақтылықты қамтамасыз ету жөніндегі шаралар туралы» 2020 жылғы 16 наурыздағы № 286 Жарлығына байланысты",
                (2020, 3, 16),
                "286",
            ),
        ] {
            let acts: Vec<CitedAct> = find(text)
                .into_iter()
                .filter_map(|f| match f.scope {
                    Scope::Other(a) => Some(a),
                    _ => None,
                })
                .collect();
            let decree = acts.first().unwrap_or_else(|| panic!("{text}"));
            assert_eq!(decree.kind, Some(ActKind::Decree), "{text}");
            assert_eq!(
                decree.date,
                chrono::NaiveDate::from_ymd_opt(date.0, date.1, date.2),
                "{text}"
            );
            assert_eq!(decree.number.as_deref(), Some(number), "{text}");
        }
    }

    /// Random texts of reference pieces never panic, and every span is a char boundary.
    #[test]
    fn random_texts_are_read_without_panics() {
        let pieces = [
            "осы ",
            "Заңның ",
            "12-",
            "бабының ",
            "2-тармағы ",
            "3) ",
            "тармақшасы",
            ", ",
            " және ",
            "«",
            "»",
            "\"",
            "Қағидаларға» ",
            "1)–5) ",
            "№ 11-1-4/1 ",
            "2011 жылғы ",
            "22 шілдедегі ",
            "Заңы",
            "кодексінің ",
            "Еңбек ",
            ". ",
            "(",
            ")",
            "–",
            "-",
            "қ",
            "Конституциялық ",
            "15, 16 ",
            "17-тармақтар",
            "бұйрығымен бекітілген ",
            ";",
        ];
        crate::property::check(3000, crate::property::text(&pieces, 24), |t| {
            for f in find(&t) {
                assert!(
                    t.is_char_boundary(f.start) && t.is_char_boundary(f.end),
                    "{t:?}"
                );
                assert!(f.start <= f.end, "{t:?}");
            }
            for f in super::super::ru::find(&t) {
                assert!(
                    t.is_char_boundary(f.start) && t.is_char_boundary(f.end),
                    "{t:?}"
                );
            }
        });
    }

    fn paths(text: &str) -> Vec<(String, String)> {
        find(text)
            .into_iter()
            .map(|f| (text[f.start..f.end].to_string(), f.path.join("__")))
            .collect()
    }

    #[test]
    fn lists_ranges_and_inflections() {
        assert_eq!(
            paths("15, 16 және 17-тармақтар мынадай"),
            [
                (
                    "15, 16 және 17-тармақтар".to_string(),
                    "para_15".to_string()
                ),
                (
                    "15, 16 және 17-тармақтар".to_string(),
                    "para_16".to_string()
                ),
                (
                    "15, 16 және 17-тармақтар".to_string(),
                    "para_17".to_string()
                ),
            ]
        );
        let p = paths("осы тармақтың 1)–3) тармақшаларында");
        assert_eq!(
            p.iter().map(|x| x.1.as_str()).collect::<Vec<_>>(),
            ["subpara_1", "subpara_2", "subpara_3"]
        );
        assert_eq!(p[0].0, "осы тармақтың 1)–3) тармақшаларында");
        let p = paths("осы Қағидалардың 27-29-тармақтарына сәйкес");
        assert_eq!(
            p.iter().map(|x| x.1.as_str()).collect::<Vec<_>>(),
            ["para_27", "para_28", "para_29"]
        );
        let p = paths("Заңының 6-бабы 2-2-тармағына");
        assert_eq!(p[0].1, "art_6__para_2-2");
    }
}
