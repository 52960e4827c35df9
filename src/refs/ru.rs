//! The Russian grammar of references.
//!
//! A unit chain runs innermost first, each level a kind word and a number:
//! `подпунктом 1) пункта 3 статьи 14`, `пункта 2 статьи 12`, `статьей 49`; a level may be a
//! list or a range: `статьями 5 и 6`, `пунктами 15, 16 и 17`, `приложениям 1 – 4`,
//! `подпунктами 1)–5)`. The words after the chain say whose units they are: `настоящего
//! Закона`, `к настоящему приказу` (this act), `настоящих Правил`, `к настоящим Правилам`
//! (this act's attachment), `настоящей статьи` (the enclosing article), `Трудового кодекса`,
//! `Закона Республики Казахстан от 23 января 2001 года «…»` (another act, described by what
//! follows its kind word), or nothing (a unit near the citing one). Acts are also cited
//! whole: `постановлением Правительства Республики Казахстан от 21 января 2012 года № 148`.

use super::common::{self, bare, lower, words};
use super::{CitedAct, Found, Scope};
use crate::model::ActKind;
use regex::Regex;
use std::sync::LazyLock;

/// One unit mention: a kind word with its ending and a list of numbers.
static MENTION_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        \b(?i:подпункт)(?P<ssuf>\p{L}*)\s+
        (?P<slist>[0-9]+(?:-[0-9]+)*\)(?:\s*(?:,|\s и|–|—|-)\s*[0-9]+(?:-[0-9]+)*\))*)
        |
        \b(?P<kw>(?i:стать|пункт|част|глав|приложени|раздел))(?P<suf>\p{L}*)\s+
        (?P<list>(?:[0-9]+(?:-[0-9]+)*|[IVXL]+\b)(?:\s*(?:,|\sи|–|—|\s-)\s*[0-9]+(?:-[0-9]+)*)*)",
    )
    .expect("static regex")
});

/// A kind word of an act.
static ACT_NOUN_RE: LazyLock<Regex> = LazyLock::new(|| {
    let stems = crate::model::citation::codes::kind_stem_alternation(
        Some(crate::model::Lang::Ru),
        true,
        |_| true,
    );
    Regex::new(&format!(r"(?i)(?:{stems})\p{{L}}*")).expect("static regex")
});

struct Mention {
    start: usize,
    end: usize,
    prefix: &'static str,
    nums: Vec<String>,
}

fn is_plural(suffix: &str) -> bool {
    ["ями", "ях", "ей", "ами", "ах", "ов", "ы", "ям", "ий", "ам"].contains(&suffix)
}

fn mentions(text: &str) -> Vec<Mention> {
    let mut out = Vec::new();
    for c in MENTION_RE.captures_iter(text) {
        let Some(m) = c.get(0) else { continue };
        if let (Some(list), Some(suf)) = (c.name("slist"), c.name("ssuf")) {
            let nums = common::list_numbers(list.as_str(), is_plural(suf.as_str()));
            if !nums.is_empty() {
                out.push(Mention {
                    start: m.start(),
                    end: m.end(),
                    prefix: "subpara",
                    nums,
                });
            }
        } else if let (Some(kw), Some(suf), Some(list)) =
            (c.name("kw"), c.name("suf"), c.name("list"))
        {
            let kw = lower(kw.as_str());
            let prefix = match kw.as_str() {
                "стать" => "art",
                "пункт" | "част" => "para",
                "глав" => "chp",
                "приложени" => "annex",
                _ => "sec",
            };
            let list = list.as_str().trim();
            let nums = match crate::structure::roman(list) {
                Some(n) if prefix == "chp" || prefix == "sec" => vec![n.to_string()],
                Some(_) => Vec::new(),
                None => common::list_numbers(list, is_plural(suf.as_str())),
            };
            if !nums.is_empty() {
                out.push(Mention {
                    start: m.start(),
                    end: m.start() + c.name("list").map_or(0, |l| l.end() - m.start()),
                    prefix,
                    nums,
                });
            }
        }
    }
    out
}

/// The act kind a word names (`Закона` → law, `постановлением` → resolution).
pub(crate) fn act_kind(word: &str) -> Option<ActKind> {
    use crate::model::citation::codes::{kind_word, KindWord};
    // A reference resolves by the kinds acts are filed under here, a decree (`Указом`,
    // `Указа`) among them; a disposition and the Constitution are named, and their mention
    // read, without it. A modifier (`Конституционного`, `совместного`) leaves the kind to its
    // noun.
    match kind_word(crate::Lang::Ru, &lower(bare(word)))? {
        KindWord::Kind(ActKind::Disposition) | KindWord::Constitution => Some(ActKind::Other),
        KindWord::Kind(k) => Some(k),
        KindWord::Modifier(_) => None,
    }
}

fn is_attachment_word(word: &str) -> bool {
    let w = lower(bare(word));
    [
        "правил",
        "положени",
        "инструкци",
        "перечн",
        "перечен",
        "реестр",
        "регламент",
        "стандарт",
        "методик",
        "устав",
    ]
    .iter()
    .any(|p| w.starts_with(p))
}

fn unit_word(word: &str) -> Option<&'static str> {
    let w = lower(bare(word));
    if w.starts_with("подпункт") {
        Some("subpara")
    } else if w.starts_with("пункт") || w.starts_with("част") {
        Some("para")
    } else if w.starts_with("стать") {
        Some("art")
    } else if w.starts_with("глав") {
        Some("chp")
    } else {
        None
    }
}

/// An adjective before a kind word (`Трудового кодекса`, `Конституционного закона`).
fn is_adjective(word: &str) -> bool {
    let w = lower(bare(word));
    w.chars().count() > 3
        && ["ого", "его", "ой", "ый", "ий", "ым", "им", "ом"]
            .iter()
            .any(|e| w.ends_with(e))
}

/// Where a lookahead must stop: the clause's end, the next reference, at most `reach` bytes.
fn ceiling_of(text: &str, from: usize, next: usize, reach: usize) -> usize {
    let mut c = (from + reach).min(text.len()).min(next.max(from));
    while !text.is_char_boundary(c) {
        c -= 1;
    }
    if let Some(p) = text[from..c].find([';', '\n', ':']) {
        c = from + p;
    }
    c
}

/// Describes the act whose kind word is at `noun`, from what follows it up to `ceiling`:
/// each of date, number and quoted title taken when it comes within a few words of the
/// previous one. Returns the act and where its description ends.
fn describe(
    text: &str,
    noun: (usize, usize),
    ceiling: usize,
    kind: Option<ActKind>,
) -> (CitedAct, usize) {
    let mut act = CitedAct {
        kind,
        ..CitedAct::default()
    };
    let mut pos = noun.1;
    let near = |from: usize, at: usize| text[from..at].split_whitespace().count() <= 5;
    loop {
        let rest = &text[pos..ceiling.max(pos)];
        let mut best: Option<(usize, usize, u8)> = None;
        let mut consider = |s: usize, e: usize, what: u8| {
            if best.is_none_or(|b| s < b.0) {
                best = Some((s, e, what));
            }
        };
        if act.date.is_none() {
            if let Some((_, m)) = crate::text::find_ru_word_dates(rest).next() {
                consider(m.start, m.end, 0);
            }
            if let Some((s, e, _)) = common::digit_date(rest, false) {
                consider(s, e, 1);
            }
        }
        if act.number.is_none() {
            if let Some((s, e, _)) = common::first_number(rest) {
                consider(s, e, 2);
            }
        }
        if act.title.is_none() {
            if let Some(m) = common::QUOTED_RE.find(rest) {
                consider(m.start(), m.end(), 3);
            }
        }
        let Some((s, e, what)) = best else { break };
        // The first of date and number may follow the issuer's title, however long.
        let first = act.date.is_none() && act.number.is_none() && act.title.is_none();
        let after_issuer = first && what != 3 && names_issuer(&text[pos..pos + s], what < 2);
        if !near(pos, pos + s) && !after_issuer {
            break;
        }
        let piece = &rest[s..e];
        match what {
            0 => {
                act.date = crate::text::find_ru_word_dates(piece)
                    .next()
                    .map(|(d, _)| d);
                if act.date.is_none() {
                    break;
                }
            }
            1 => act.date = common::digit_date(piece, false).map(|d| d.2),
            2 => {
                act.number = common::first_number(piece)
                    .map(|n| n.2)
                    .filter(|n| !n.is_empty())
            }
            _ => {
                act.title = common::QUOTED_RE
                    .captures(piece)
                    .and_then(|c| c.get(1))
                    .map(|t| t.as_str().split_whitespace().collect::<Vec<_>>().join(" "));
            }
        }
        pos += e;
    }
    (act, pos)
}

/// Whether `gap`, the words between an act's kind word and its date or number, names who
/// issued it (`приказом Министра сельского хозяйства Республики Казахстан от …`, `приказом
/// исполняющего обязанности Министра здравоохранения Республики Казахстан от …`, `совместным
/// приказом Министра финансов Республики Казахстан от … № … и Министра …`, `решением
/// маслихата Алматинской области от …`): a title in the genitive ends where the date (`от`)
/// or the number (`№`) begins, and holds no quotation, bracket, clause break or other act.
fn names_issuer(gap: &str, before_date: bool) -> bool {
    let ws: Vec<&str> = gap.split_whitespace().collect();
    let title = if before_date {
        match ws.split_last() {
            Some((last, title)) if lower(bare(last)) == "от" => title,
            _ => return false,
        }
    } else {
        &ws[..]
    };
    !title.is_empty()
        && title.len() <= 16
        && !gap.contains(['«', '»', '"', '“', '„', '(', ')', ';', ':', '\n'])
        && !title.iter().any(|w| act_kind(w).is_some())
}

/// The name words of a code before its kind word (`Трудового`), and where they start.
fn code_name(text: &str, floor: usize, noun_start: usize) -> Option<(String, usize)> {
    let ws: Vec<(usize, usize)> = words(&text[floor..noun_start])
        .into_iter()
        .map(|(s, e)| (floor + s, floor + e))
        .collect();
    let adj: Vec<(usize, usize)> = ws
        .iter()
        .rev()
        .take_while(|&&(s, e)| is_adjective(&text[s..e]))
        .take(2)
        .copied()
        .collect();
    let first = adj.last()?;
    let name: Vec<&str> = adj.iter().rev().map(|&(s, e)| bare(&text[s..e])).collect();
    Some((name.join(" "), first.0))
}

/// Finds the references in a Russian text.
pub fn find(text: &str) -> Vec<Found> {
    let ms = mentions(text);
    let mut out: Vec<Found> = Vec::new();
    let mut i = 0;
    while i < ms.len() {
        let mut j = i + 1;
        while j < ms.len()
            && text[ms[j - 1].end..ms[j].start].trim().is_empty()
            && common::depth(ms[j].prefix) < common::depth(ms[j - 1].prefix)
        {
            j += 1;
        }
        let chain = &ms[i..j];
        let (start, end) = (chain[0].start, chain[chain.len() - 1].end);
        let next = ms.get(j).map_or(text.len(), |m| m.start);
        let (scope, span_end) = scope_after(text, end, next);
        let levels: Vec<(&'static str, Vec<String>)> = chain
            .iter()
            .rev()
            .map(|m| (m.prefix, m.nums.clone()))
            .collect();
        for path in common::expand(&levels) {
            out.push(Found {
                start,
                end: span_end,
                scope: scope.clone(),
                path,
            });
        }
        i = j;
    }
    whole_acts(text, &mut out);
    out.sort_by_key(|f| (f.start, f.end));
    out
}

/// Reads the words after a chain ending at `at`: whose units it names, and where the
/// reference ends.
fn scope_after(text: &str, at: usize, next: usize) -> (Scope, usize) {
    let ceiling = ceiling_of(text, at, next, 400);
    let ws: Vec<(usize, usize)> = words(&text[at..ceiling])
        .into_iter()
        .take(8)
        .map(|(s, e)| (at + s, at + e))
        .collect();
    let mut k = 0;
    // The first word must follow the chain with blanks only between.
    if ws
        .first()
        .is_none_or(|&(s, _)| !text[at..s].trim().is_empty())
    {
        return (Scope::Context, at);
    }
    if lower(bare(&text[ws[0].0..ws[0].1])) == "к" {
        k = 1;
    }
    let word = |k: usize| ws.get(k).map(|&(s, e)| &text[s..e]);
    let Some(w) = word(k) else {
        return (Scope::Context, at);
    };
    if lower(bare(w)).starts_with("настоящ") {
        // `настоящего Конституционного закона`: an adjective may come between.
        for &(s, e) in ws.iter().skip(k + 1).take(2) {
            let n = &text[s..e];
            let end = s + bare_end(n);
            if act_kind(n).is_some() {
                return (Scope::OwnAct, end);
            }
            if is_attachment_word(n) {
                return (Scope::Attachment, end);
            }
            if let Some(p) = unit_word(n) {
                return (Scope::Enclosing(p), end);
            }
        }
        return (Scope::Context, at);
    }
    // `Трудового кодекса`, `Закона Республики Казахстан от …`.
    for kk in k..(k + 3).min(ws.len()) {
        let Some(n) = word(kk) else { break };
        if let Some(kind) = act_kind(n) {
            let noun = (ws[kk].0, ws[kk].0 + bare_end(n));
            let (mut act, end) = describe(text, noun, ceiling, Some(kind));
            if kind == ActKind::Code && act.title.is_none() {
                act.name = code_name(text, at, noun.0).map(|n| n.0);
            }
            return (Scope::Other(act), end.max(noun.1));
        }
        if is_attachment_word(n) {
            // `пункта 5 Правил, утвержденных приказом … от … № …`: that act's attachment.
            let after = &text[ws[kk].1..ceiling];
            if let Some(m) = common::word_matches(&ACT_NOUN_RE, after).next() {
                let noun = (ws[kk].1 + m.start(), ws[kk].1 + m.end());
                let (mut act, end) = describe(text, noun, ceiling, act_kind(m.as_str()));
                if (act.date.is_some() || act.number.is_some())
                    && text[ws[kk].1..noun.0].split_whitespace().count() <= 3
                {
                    act.attachment = true;
                    return (Scope::Other(act), end);
                }
            }
            return (Scope::Attachment, ws[kk].0 + bare_end(n));
        }
        if !is_adjective(n) {
            break;
        }
    }
    (Scope::Context, at)
}

/// The length of `w` up to its last letter or digit (`кодекса,` → `кодекса`).
fn bare_end(w: &str) -> usize {
    w.trim_end_matches(|c: char| !c.is_alphanumeric()).len()
}

/// Acts cited whole: a kind word followed closely by a date, a number or a quoted title, or
/// a named code, outside the references found already.
fn whole_acts(text: &str, out: &mut Vec<Found>) {
    let taken: Vec<(usize, usize)> = out.iter().map(|f| (f.start, f.end)).collect();
    let mut added: Vec<Found> = Vec::new();
    for m in common::word_matches(&ACT_NOUN_RE, text) {
        if taken.iter().any(|&(s, e)| m.start() >= s && m.start() < e)
            || added
                .iter()
                .any(|f| m.start() >= f.start && m.start() < f.end)
        {
            continue;
        }
        let Some(mut kind) = act_kind(m.as_str()) else {
            continue;
        };
        let floor = m.start().saturating_sub(60);
        let floor = (floor..=m.start())
            .find(|&f| text.is_char_boundary(f))
            .unwrap_or(m.start());
        let before: Vec<String> = text[floor..m.start()]
            .split_whitespace()
            .rev()
            .take(2)
            .map(|w| lower(bare(w)))
            .collect();
        if before.iter().any(|w| w.starts_with("настоящ")) {
            continue;
        }
        if kind == ActKind::Law
            && before
                .first()
                .is_some_and(|w| w.starts_with("конституционн"))
        {
            kind = ActKind::ConstitutionalLaw;
        }
        let next = taken
            .iter()
            .map(|&(s, _)| s)
            .filter(|&s| s > m.end())
            .min()
            .unwrap_or(text.len());
        let ceiling = ceiling_of(text, m.end(), next, 300);
        let (mut act, end) = describe(text, (m.start(), m.end()), ceiling, Some(kind));
        let mut start = m.start();
        if kind == ActKind::Code && act.title.is_none() {
            if let Some((name, s)) = code_name(text, floor, m.start()) {
                act.name = Some(name);
                start = s;
            }
        }
        if act.date.is_none() && act.number.is_none() && act.title.is_none() && act.name.is_none() {
            continue;
        }
        added.push(Found {
            start,
            end,
            scope: Scope::Other(act),
            path: Vec::new(),
        });
    }
    out.extend(added);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A decree cited in Russian (`Указом`) is a decree, with its date and number (the
    /// programme of industrial and innovative development, approved by the President's decree
    /// of 01.08.2014 № 874).
    #[test]
    fn a_decree_is_read_as_a_decree() {
        let text = "Государственную программу индустриально-инновационного развития Республики Казахстан на 2015-2019 годы, утвержденную Указом Президента Республики Казахстан от 1 августа 2014 года № 874";
        let acts: Vec<CitedAct> = find(text)
            .into_iter()
            .filter_map(|f| match f.scope {
                Scope::Other(a) => Some(a),
                _ => None,
            })
            .collect();
        let decree = acts.first().unwrap_or_else(|| panic!("{text}"));
        assert_eq!(decree.kind, Some(ActKind::Decree));
        assert_eq!(decree.date, chrono::NaiveDate::from_ymd_opt(2014, 8, 1));
        assert_eq!(decree.number.as_deref(), Some("874"));
    }

    /// An act a text cites: its words, kind, date and number.
    type Cited = (
        String,
        Option<ActKind>,
        Option<chrono::NaiveDate>,
        Option<String>,
    );

    /// The acts `text` cites whole or by a unit.
    fn cited(text: &str) -> Vec<Cited> {
        find(text)
            .into_iter()
            .filter_map(|f| match f.scope {
                Scope::Other(a) => {
                    Some((text[f.start..f.end].to_string(), a.kind, a.date, a.number))
                }
                _ => None,
            })
            .collect()
    }

    fn day(y: i32, m: u32, d: u32) -> Option<chrono::NaiveDate> {
        chrono::NaiveDate::from_ymd_opt(y, m, d)
    }

    /// An order cited after its issuer's title, however long (`приказом Министра сельского
    /// хозяйства Республики Казахстан от … № 7-1/68`, the Almaty oblast maslikhat's decision
    /// of 15.12.2020 № 64-340), is read with its date and number, its words the issuer's.
    #[test]
    fn an_order_after_its_issuer_title() {
        let text = "в соответствии с правилами идентификации сельскохозяйственных животных, утвержденными приказом Министра сельского хозяйства Республики Казахстан от 30 января 2015 года № 7-1/68 (зарегистрирован в Реестре государственной регистрации нормативных правовых актов № 11127)";
        assert_eq!(
            cited(text),
            [(
                "приказом Министра сельского хозяйства Республики Казахстан от 30 января 2015 года № 7-1/68".to_string(),
                Some(ActKind::Order),
                day(2015, 1, 30),
                Some("7-1/68".to_string())
            )]
        );
        let text = "с Правилами сенокошения и пастьбы скота на участках государственного лесного фонда, утвержденными приказом Министра сельского хозяйства Республики Казахстан от 12 октября 2015 года № 18-02/909 (зарегистрирован в Реестре государственной регистрации нормативных правовых актов № 12259)";
        assert_eq!(cited(text)[0].3.as_deref(), Some("18-02/909"));
        assert_eq!(cited(text)[0].2, day(2015, 10, 12));
    }

    /// The Almaty oblast maslikhat's decision of 26.04.2024 № 20-96 (the rules of burial)
    /// cites orders signed by an acting minister, a ministry's name with a comma in it, and
    /// numbers with letters (`№ 252/НҚ`, `№ ҚР ДСМ-175/2020`).
    #[test]
    fn acting_ministers_and_lettered_numbers() {
        let text = "не позднее пятого числа, и в публичной кадастровой карте, утвержденной приказом исполняющего обязанности Министра цифрового развития, инноваций и аэрокосмической промышленности Республики Казахстан от 12 июля 2023 года № 252/НҚ (зарегистрирован в Реестре государственной регистрации нормативных правовых актов за № 33106)";
        assert_eq!(
            cited(text),
            [(
                "приказом исполняющего обязанности Министра цифрового развития, инноваций и аэрокосмической промышленности Республики Казахстан от 12 июля 2023 года № 252/НҚ".to_string(),
                Some(ActKind::Order),
                day(2023, 7, 12),
                Some("252/НҚ".to_string())
            )]
        );
        let text = "свидетельства о смерти по форме № 045/у, утвержденной приказом исполняющего обязанности Министра здравоохранения Республики Казахстан от 30 октября 2020 года № ҚР ДСМ-175/2020 «Об утверждении форм учетной документации в области здравоохранения, а также инструкций по их заполнению»";
        let acts = cited(text);
        assert_eq!(acts.len(), 1, "{acts:?}");
        assert_eq!(acts[0].2, day(2020, 10, 30));
        assert_eq!(acts[0].3.as_deref(), Some("ҚР ДСМ-175/2020"));
        let text = "требования к кладбищам и объектам похоронного назначения», утвержденными приказом Министра здравоохранения Республики Казахстан от 19 августа 2021 года № ҚР ДСМ-81 (зарегистрирован в Реестре государственной регистрации нормативных правовых актов за № 24066)";
        assert_eq!(cited(text)[0].3.as_deref(), Some("ҚР ДСМ-81"));
    }

    /// A joint order (a recycling certificate's legal basis) names its first issuer's date and
    /// number, an acting minister's (`и.о. Министра энергетики`); a maslikhat's decision (the Astana maslikhat's decision 134470's repeal note) is
    /// read after the maslikhat's place (`маслихата города Астаны`).
    #[test]
    fn joint_orders_and_local_decisions() {
        let text = "В соответствии с Экологическим кодексом Республики Казахстан и Совместным приказом и.о. Министра энергетики Республики Казахстан от 4 декабря 2015 года № 697 и Министра по инвестициям и развитию Республики Казахстан от 23 декабря 2015 года № 1219 «Об утверждении Правил стимулирования производства в Республике Казахстан экологически чистых автомобильных транспортных средств»";
        let acts = cited(text);
        let order = acts
            .iter()
            .find(|a| a.1 == Some(ActKind::Order))
            .unwrap_or_else(|| panic!("{acts:?}"));
        assert_eq!(
            order.0,
            "приказом и.о. Министра энергетики Республики Казахстан от 4 декабря 2015 года № 697"
        );
        assert_eq!(order.2, day(2015, 12, 4));
        assert_eq!(order.3.as_deref(), Some("697"));
        let text = "Утратило силу решением маслихата города Астаны от 28 ноября 2025 года № 346/46-VIII (вводится в действие по истечении десяти календарных дней после дня его первого официального опубликования)";
        assert_eq!(
            cited(text),
            [(
                "решением маслихата города Астаны от 28 ноября 2025 года № 346/46-VIII".to_string(),
                Some(ActKind::Decision),
                day(2025, 11, 28),
                Some("346/46-VIII".to_string())
            )]
        );
    }

    fn paths(text: &str) -> Vec<(String, String)> {
        find(text)
            .into_iter()
            .map(|f| (text[f.start..f.end].to_string(), f.path.join("__")))
            .collect()
    }

    #[test]
    fn chains_run_inside_out() {
        assert_eq!(
            paths("согласно подпункту 4) пункта 1 статьи 52 Трудового кодекса."),
            [(
                "подпункту 4) пункта 1 статьи 52 Трудового кодекса".to_string(),
                "art_52__para_1__subpara_4".to_string()
            )]
        );
        assert_eq!(
            paths("в соответствии со статьей 49 настоящего Закона"),
            [(
                "статьей 49 настоящего Закона".to_string(),
                "art_49".to_string()
            )]
        );
        assert_eq!(
            paths("статьями 5 и 6 настоящего Конституционного закона."),
            [
                (
                    "статьями 5 и 6 настоящего Конституционного закона".to_string(),
                    "art_5".to_string()
                ),
                (
                    "статьями 5 и 6 настоящего Конституционного закона".to_string(),
                    "art_6".to_string()
                ),
            ]
        );
    }

    #[test]
    fn roman_chapters() {
        assert_eq!(crate::structure::roman("IV"), Some(4));
        assert_eq!(crate::structure::roman("XII"), Some(12));
    }
}
