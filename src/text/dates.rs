//! Dates and month names as Kazakh and Russian legal texts print them.

use chrono::NaiveDate;
use regex::Regex;
use std::sync::LazyLock;

use zanlex_analysis::KK_MONTHS;

/// Month number of a Kazakh (or Russian) month word in any case form
/// (`қаңтардағы`, `маусымда`, `сентября`).
pub fn month_number(word: &str) -> Option<u32> {
    let w = normalize_i(&super::lowercase(word));
    const RU: [(&str, u32); 12] = [
        ("январ", 1),
        ("феврал", 2),
        ("март", 3),
        ("апрел", 4),
        ("ма", 5),
        ("июн", 6),
        ("июл", 7),
        ("август", 8),
        ("сентябр", 9),
        ("октябр", 10),
        ("ноябр", 11),
        ("декабр", 12),
    ];
    if let Some(i) = KK_MONTHS.iter().position(|p| w.starts_with(p)) {
        return Some(i as u32 + 1);
    }
    // Kazakh `қыркүйегі` drops the final к before a vowel.
    if w.starts_with("қыркүйег") {
        return Some(9);
    }
    for (p, m) in RU {
        if w.starts_with(p) && (m != 5 || w == "мая" || w == "май") {
            return Some(m);
        }
    }
    None
}

/// Replaces Latin `i` (and `I`) used inside Cyrillic words with Kazakh `і` (`І`).
pub fn normalize_i(s: &str) -> String {
    s.replace('i', "і").replace('I', "І")
}

static RE_LONG_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"([0-9]{4})\s*жыл\S*\s+([0-9]{1,2})\s*[-«]?\s*(\p{L}+)").expect("valid regex")
});
static RE_RU_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"([0-9]{1,2})\s+(\p{L}+)\s+([0-9]{4})\s+год").expect("valid regex")
});
static RE_DOT_DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b([0-9]{1,2})\.([0-9]{2})\.([0-9]{4})\b").expect("valid regex"));
static RE_DOT_DATE_REV: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b([0-9]{4})\.([0-9]{2})\.([0-9]{2})\b").expect("valid regex"));
static RE_ISO_DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b([0-9]{4})-([0-9]{2})-([0-9]{2})\b").expect("valid regex"));

/// The first date written in `s`, in any of the forms Kazakh legal texts use:
/// `2018 жылғы 4 қаңтардағы`, `2012 жылы 28 маусымда`, `11.03.2014`, `2007.06.19.`,
/// `2019-08-23`, or Russian `23 августа 2019 года`.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let mut best: Option<(usize, NaiveDate)> = None;
    let mut consider = |pos: usize, d: Option<NaiveDate>| {
        if let Some(d) = d {
            if best.is_none_or(|(p, _)| pos < p) {
                best = Some((pos, d));
            }
        }
    };
    // Each pattern only where its literal part occurs (`жыл`, `год`, `.`, `-`).
    let long = s.contains("жыл").then(|| RE_LONG_DATE.captures_iter(s));
    for c in long.into_iter().flatten() {
        let y = c[1].parse().ok();
        let d = c[2].parse().ok();
        let m = month_number(&c[3]);
        if let (Some(y), Some(m), Some(d)) = (y, m, d) {
            consider(
                c.get(0).map_or(0, |m| m.start()),
                NaiveDate::from_ymd_opt(y, m, d),
            );
            break;
        }
    }
    let russian = s.contains("год").then(|| RE_RU_DATE.captures_iter(s));
    for c in russian.into_iter().flatten() {
        let d = c[1].parse().ok();
        let m = month_number(&c[2]);
        let y = c[3].parse().ok();
        if let (Some(y), Some(m), Some(d)) = (y, m, d) {
            consider(
                c.get(0).map_or(0, |m| m.start()),
                NaiveDate::from_ymd_opt(y, m, d),
            );
            break;
        }
    }
    let dotted = s.contains('.');
    if let Some(c) = dotted.then(|| RE_DOT_DATE.captures(s)).flatten() {
        let (d, m, y) = (c[1].parse().ok(), c[2].parse().ok(), c[3].parse().ok());
        if let (Some(y), Some(m), Some(d)) = (y, m, d) {
            consider(
                c.get(0).map_or(0, |m| m.start()),
                NaiveDate::from_ymd_opt(y, m, d),
            );
        }
    }
    if let Some(c) = dotted.then(|| RE_DOT_DATE_REV.captures(s)).flatten() {
        let (y, m, d) = (c[1].parse().ok(), c[2].parse().ok(), c[3].parse().ok());
        if let (Some(y), Some(m), Some(d)) = (y, m, d) {
            consider(
                c.get(0).map_or(0, |m| m.start()),
                NaiveDate::from_ymd_opt(y, m, d),
            );
        }
    }
    if let Some(c) = s.contains('-').then(|| RE_ISO_DATE.captures(s)).flatten() {
        let (y, m, d) = (c[1].parse().ok(), c[2].parse().ok(), c[3].parse().ok());
        if let (Some(y), Some(m), Some(d)) = (y, m, d) {
            consider(
                c.get(0).map_or(0, |m| m.start()),
                NaiveDate::from_ymd_opt(y, m, d),
            );
        }
    }
    best.map(|(_, d)| d)
}

/// A date written `YYYY-MM-DD` (blanks around it ignored): how dates are typed to zanlex, on
/// the command line, in the server's parameters, in a query's `date:` and as an edition's id.
/// The one parser of that form.
///
/// ```
/// use chrono::NaiveDate;
/// assert_eq!(zanlex::parse_iso_date(" 2020-01-31 "), NaiveDate::from_ymd_opt(2020, 1, 31));
/// assert_eq!(zanlex::parse_iso_date("31.01.2020"), None);
/// assert_eq!(zanlex::parse_iso_date("2020-02-30"), None);
/// ```
pub fn parse_iso_date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok()
}

/// The examples of this module's items, run as unit tests (the items are not public).
#[cfg(test)]
mod doc_examples {
    #[test]
    fn parse_date() {
        use crate::text::parse_date;
        use chrono::NaiveDate;
        assert_eq!(
            parse_date("2018 жылғы 4 қаңтардағы № 11-1-4/1"),
            NaiveDate::from_ymd_opt(2018, 1, 4)
        );
        assert_eq!(
            parse_date("ҚР 11.03.2014 № 152"),
            NaiveDate::from_ymd_opt(2014, 3, 11)
        );
    }
}
