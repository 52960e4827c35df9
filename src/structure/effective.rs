//! Effective rules (`… күнтізбелік он күн өткен соң қолданысқа енгізіледі`, `01.01.2026 бастап`)
//! and the dates they give.
//!
//! A rule counted from first official publication needs the publication date, which the texts
//! do not print. It comes from `Act::publication_date` (a sidecar `NAME.meta.toml`); without it
//! the date is estimated from the signing date and marked so, with the assumption in `basis`.

use crate::model::{EffectiveDate, EffectiveRule};
use chrono::{Days, NaiveDate};
use regex::Regex;
use std::sync::LazyLock;

static DATE_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:\b([0-9]{4})\.([0-9]{1,2})\.([0-9]{1,2})\.?|\b([0-9]{1,2})\.([0-9]{1,2})\.\s?([0-9]{4})\b)")
        .expect("static regex")
});

static DAYS_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)күнтізбелік\s+((?:[а-яәіңғүұқөһё]+\s+)?[а-яәіңғүұқөһё0-9]+)\s+күн\w*\s+өткен")
        .expect("static regex")
});

/// A Russian date in words: `6 мая 1999 г.`, `19 июня 2007 года`, `1 января 2023`.
static RU_DATE_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b([0-9]{1,2})\s+(января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)\s+([0-9]{4})(?:\s*(?:года|г\.))?")
        .expect("static regex")
});

/// `по истечении десяти календарных дней` / `по истечении 10 календарных дней`.
/// `жарияланған күнінен кейін алты ай өткен соң`: months after publication.
static MONTHS_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)((?:[а-яәіңғүұқөһё]+\s+)?[а-яәіңғүұқөһё0-9]+)\s+ай\s+өткен")
        .expect("static regex")
});

/// `по истечении шести месяцев после дня его первого официального опубликования`.
static RU_MONTHS_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)по\s+истечении\s+([а-яё0-9]+(?:\s+[а-яё0-9]+)?)\s+месяц")
        .expect("static regex")
});

static RU_DAYS_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)по\s+истечении\s+([а-яё0-9]+(?:\s+[а-яё0-9]+)?)\s+(?:календарн[а-яё]*\s+)?(?:дн|сут)",
    )
    .expect("static regex")
});

/// Finds dates in both printed styles, `23.11.2022` and `1999.05.06.` (also `01.01. 2005`),
/// returning each date with its byte range.
///
/// Every match of `DATE_RE` is made of digits, dots and whitespace only and holds a digit
/// followed by a dot, so the regex runs only over such runs (with one character of context on
/// each side for its word boundaries): the same matches as over the whole text, without the
/// Unicode-word-boundary search crawling through every line.
pub fn find_dates(text: &str) -> Vec<(NaiveDate, std::ops::Range<usize>)> {
    let mut out = Vec::new();
    let b = text.as_bytes();
    // Candidate runs: maximal stretches of digits, dots and whitespace around a digit-dot pair.
    let mut i = 0;
    while let Some(k) = b[i..].iter().position(|&c| c == b'.') {
        let dot = i + k;
        let digit_before = text[..dot]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_ascii_digit());
        if !digit_before {
            i = dot + 1;
            continue;
        }
        let in_run = |c: char| c.is_ascii_digit() || c == '.' || c.is_whitespace();
        let start = text[..dot]
            .char_indices()
            .rev()
            .take_while(|&(_, c)| in_run(c))
            .last()
            .map_or(dot, |(p, _)| p);
        let end = text[dot..]
            .char_indices()
            .find(|&(_, c)| !in_run(c))
            .map_or(text.len(), |(p, _)| dot + p);
        // One character of context each side, for `\b`.
        let ws = text[..start]
            .chars()
            .next_back()
            .map_or(start, |c| start - c.len_utf8());
        let we = text[end..]
            .chars()
            .next()
            .map_or(end, |c| end + c.len_utf8());
        dates_in(&text[ws..we], ws, &mut out);
        i = end.max(dot + 1);
        if i >= b.len() {
            break;
        }
    }
    out
}

/// `DATE_RE`'s dates in `window`, ranges shifted by `base`.
fn dates_in(window: &str, base: usize, out: &mut Vec<(NaiveDate, std::ops::Range<usize>)>) {
    for c in DATE_RE.captures_iter(window) {
        let Some(m) = c.get(0) else { continue };
        let num = |i: usize| c.get(i).and_then(|x| x.as_str().parse::<u32>().ok());
        let date = if c.get(1).is_some() {
            (|| NaiveDate::from_ymd_opt(num(1)? as i32, num(2)?, num(3)?))()
        } else {
            (|| NaiveDate::from_ymd_opt(num(6)? as i32, num(5)?, num(4)?))()
        };
        if let Some(date) = date {
            out.push((date, base + m.start()..base + m.end()));
        }
    }
}

/// Finds dates in every printed style: the numeric ones of [`find_dates`] and Russian dates in
/// words (`6 мая 1999 г.`, `19 июня 2007 года`), in order of position.
pub fn find_dates_with_words(text: &str) -> Vec<(NaiveDate, std::ops::Range<usize>)> {
    let mut out = find_dates(text);
    for c in RU_DATE_RE.captures_iter(text) {
        let Some(m) = c.get(0) else { continue };
        let num = |i: usize| c.get(i).and_then(|x| x.as_str().parse::<u32>().ok());
        let month = c
            .get(2)
            .map(|x| crate::structure::lowercase(x.as_str()))
            .and_then(|w| {
                [
                    "января",
                    "февраля",
                    "марта",
                    "апреля",
                    "мая",
                    "июня",
                    "июля",
                    "августа",
                    "сентября",
                    "октября",
                    "ноября",
                    "декабря",
                ]
                .iter()
                .position(|x| *x == w)
            });
        let date = (|| NaiveDate::from_ymd_opt(num(3)? as i32, month? as u32 + 1, num(1)?))();
        if let Some(date) = date {
            out.push((date, m.range()));
        }
    }
    out.sort_by_key(|(_, r)| r.start);
    out
}

/// Russian number words up to ninety-nine in any case, as used in day counts (`десяти`,
/// `двадцати одного`, `шестьдесят`).
fn russian_number_words(text: &str) -> Option<u32> {
    let mut total = 0u32;
    let mut any = false;
    for w in text.split_whitespace() {
        let w = crate::structure::lowercase(w).replace('ё', "е");
        // Stems, longest first where one is the start of another (`девятнадцат` before `девят`).
        const STEMS: &[(&str, u32)] = &[
            ("одиннадцат", 11),
            ("двенадцат", 12),
            ("тринадцат", 13),
            ("четырнадцат", 14),
            ("пятнадцат", 15),
            ("шестнадцат", 16),
            ("семнадцат", 17),
            ("восемнадцат", 18),
            ("девятнадцат", 19),
            ("двадцат", 20),
            ("тридцат", 30),
            ("сорок", 40),
            ("пятидесят", 50),
            ("пятьдесят", 50),
            ("шестидесят", 60),
            ("шестьдесят", 60),
            ("семидесят", 70),
            ("семьдесят", 70),
            ("восьмидесят", 80),
            ("восемьдесят", 80),
            ("девяност", 90),
            ("один", 1),
            ("одн", 1),
            ("дв", 2),
            ("тр", 3),
            ("четыр", 4),
            ("пят", 5),
            ("шест", 6),
            ("сем", 7),
            ("восем", 8),
            ("девят", 9),
        ];
        let v = if let Ok(n) = w.parse::<u32>() {
            n
        } else if w.starts_with("десят") {
            10
        } else if let Some((_, v)) = STEMS.iter().find(|(s, _)| w.starts_with(s)) {
            *v
        } else {
            continue;
        };
        total += v;
        any = true;
    }
    any.then_some(total)
}

/// The Russian wording of an effective rule (`вводится в действие по истечении десяти
/// календарных дней после дня его первого официального опубликования`, `… с 01.01.2023`,
/// `… со дня его первого официального опубликования`), if the text has one.
fn parse_rule_ru(t: &str, lower: &str) -> Option<EffectiveRule> {
    if let Some(c) = RU_DAYS_RE.captures(t) {
        if let Some(days) = c.get(1).and_then(|m| russian_number_words(m.as_str())) {
            return Some(EffectiveRule::DaysAfterPublication { days });
        }
    }
    if let Some(c) = RU_MONTHS_RE.captures(t) {
        if let Some(months) = c.get(1).and_then(|m| russian_number_words(m.as_str())) {
            return Some(EffectiveRule::MonthsAfterPublication { months });
        }
    }
    let commences = [
        "вводится в действие",
        "вводятся в действие",
        "вступает в силу",
        "вступают в силу",
        "введен",
        "действует с",
    ]
    .iter()
    .any(|w| lower.contains(w));
    if commences && !lower.contains("опубликования") && !lower.contains("подписания")
    {
        if let Some((date, _)) = find_dates_with_words(t).into_iter().next() {
            return Some(EffectiveRule::OnDate { date });
        }
    }
    if commences && lower.contains("опубликования") {
        return Some(EffectiveRule::OnPublication);
    }
    if commences && lower.contains("подписания") {
        return Some(EffectiveRule::OnSigning);
    }
    None
}

/// Parses one date in either printed style (`23.11.2022`, `1999.05.06.`).
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    find_dates(text).into_iter().next().map(|(d, _)| d)
}

/// Kazakh number words up to ninety, as used in day counts (`он`, `он бес`, `алпыс`).
fn number_words(text: &str) -> Option<u32> {
    let mut total = 0u32;
    let mut any = false;
    for w in text.split_whitespace() {
        let w = crate::structure::lowercase(w);
        let v = match w.as_str() {
            "бір" => 1,
            "екі" => 2,
            "үш" => 3,
            "төрт" => 4,
            "бес" => 5,
            "алты" => 6,
            "жеті" => 7,
            "сегіз" => 8,
            "тоғыз" => 9,
            "он" => 10,
            "жиырма" => 20,
            "отыз" => 30,
            "қырық" => 40,
            "елу" => 50,
            "алпыс" => 60,
            "жетпіс" => 70,
            "сексен" => 80,
            "тоқсан" => 90,
            other => match other.parse::<u32>() {
                Ok(n) => n,
                Err(_) => continue,
            },
        };
        total += v;
        any = true;
    }
    any.then_some(total)
}

/// Reads the effective rule of a clause such as the parenthesis of a note or an act's own
/// commencement paragraph.
pub fn parse_rule(text: &str) -> EffectiveRule {
    let t = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let lower = crate::structure::lowercase(&t);
    if let Some(c) = DAYS_RE.captures(&t) {
        if let Some(days) = c.get(1).and_then(|m| number_words(m.as_str())) {
            return EffectiveRule::DaysAfterPublication { days };
        }
    }
    if lower.contains("жарияланған") {
        if let Some(c) = MONTHS_RE.captures(&t) {
            if let Some(months) = c.get(1).and_then(|m| number_words(m.as_str())) {
                return EffectiveRule::MonthsAfterPublication { months };
            }
        }
    }
    if lower.contains("бастап") || lower.contains("күшіне енеді") || lower.contains("енгізіледі")
    {
        if let Some((date, _)) = find_dates(&t).into_iter().next() {
            return EffectiveRule::OnDate { date };
        }
    }
    if lower.contains("жарияланған") && (lower.contains("бастап") || lower.contains("енгізіледі"))
    {
        return EffectiveRule::OnPublication;
    }
    if lower.contains("қол қойылған") {
        return EffectiveRule::OnSigning;
    }
    parse_rule_ru(&t, &lower).unwrap_or(EffectiveRule::Unknown)
}

/// Turns a rule into a date: exact when the rule fixes it or the publication date is known,
/// estimated (publication assumed on the signing date) when only the signing date is known.
///
/// The day count follows the project's convention: publication (or signing) date + N days.
pub fn resolve(
    rule: &EffectiveRule,
    signed: Option<NaiveDate>,
    published: Option<NaiveDate>,
) -> Option<EffectiveDate> {
    let add = |d: NaiveDate, n: u32| d.checked_add_days(Days::new(u64::from(n)));
    match rule {
        EffectiveRule::OnDate { date } => Some(EffectiveDate {
            date: *date,
            estimated: false,
            basis: format!("fixed date in the text ({date})"),
        }),
        EffectiveRule::OnSigning => signed.map(|d| EffectiveDate {
            date: d,
            estimated: false,
            basis: format!("on signing ({d})"),
        }),
        EffectiveRule::DaysAfterPublication { days } => match (published, signed) {
            (Some(p), _) => add(p, *days).map(|date| EffectiveDate {
                date,
                estimated: false,
                basis: format!("first official publication {p} + {days} calendar days"),
            }),
            (None, Some(s)) => add(s, *days).map(|date| EffectiveDate {
                date,
                estimated: true,
                basis: format!(
                    "estimated: publication date unknown, assumed on the signing date {s}; + {days} calendar days"
                ),
            }),
            (None, None) => None,
        },
        EffectiveRule::MonthsAfterPublication { months } => {
            let add = |d: NaiveDate| d.checked_add_months(chrono::Months::new(*months));
            match (published, signed) {
                (Some(p), _) => add(p).map(|date| EffectiveDate {
                    date,
                    estimated: false,
                    basis: format!("first official publication {p} + {months} months"),
                }),
                (None, Some(s)) => add(s).map(|date| EffectiveDate {
                    date,
                    estimated: true,
                    basis: format!(
                        "estimated: publication date unknown, assumed on the signing date {s}; + {months} months"
                    ),
                }),
                (None, None) => None,
            }
        }
        EffectiveRule::OnPublication => match (published, signed) {
            (Some(p), _) => Some(EffectiveDate {
                date: p,
                estimated: false,
                basis: format!("first official publication {p}"),
            }),
            (None, Some(s)) => Some(EffectiveDate {
                date: s,
                estimated: true,
                basis: format!(
                    "estimated: publication date unknown, assumed on the signing date {s}"
                ),
            }),
            (None, None) => None,
        },
        EffectiveRule::Unknown => None,
    }
}

/// The examples of this module's items, run as unit tests (the items are not public).
#[cfg(test)]
mod doc_examples {
    #[test]
    fn find_dates() {
        use crate::structure::effective::find_dates;
        let d = find_dates("ҚР 23.11.2022 № 5 (01.01. 2005 бастап); 1999.05.06. және 2023.02.30");
        let got: Vec<_> = d.iter().map(|(d, r)| (d.to_string(), r.clone())).collect();
        assert_eq!(got[0], ("2022-11-23".to_string(), 5..15));
        assert_eq!(got.len(), 3);
    }

    #[test]
    fn find_dates_with_words() {
        use crate::structure::effective::find_dates_with_words;
        let d = find_dates_with_words("от 6 мая 1999 г. N 379; от 19.06.2007 N 267");
        let got: Vec<_> = d.iter().map(|(d, _)| d.to_string()).collect();
        assert_eq!(got, ["1999-05-06", "2007-06-19"]);
    }

    #[test]
    fn parse_rule() {
        use crate::structure::effective::parse_rule;
        use crate::EffectiveRule;
        assert_eq!(
            parse_rule("алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі"),
            EffectiveRule::DaysAfterPublication { days: 10 }
        );
        // The Law of 09.01.2026 № 256-VIII, in both languages.
        let six = EffectiveRule::MonthsAfterPublication { months: 6 };
        assert_eq!(
            parse_rule(
                "алғашқы ресми жарияланған күнінен кейін алты ай өткен соң қолданысқа енгізіледі"
            ),
            six
        );
        assert_eq!(
            parse_rule("вводится в действие по истечении шести месяцев после дня его первого официального опубликования"),
            six
        );
        let signed = chrono::NaiveDate::from_ymd_opt(2026, 1, 9);
        let at = crate::structure::effective::resolve(&six, signed, None).expect("a date");
        assert_eq!(
            (at.date.to_string(), at.estimated),
            ("2026-07-09".into(), true)
        );
    }
}
