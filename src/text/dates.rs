//! Dates and month names as Kazakh and Russian legal texts print them, and as users type them:
//! the one place a date is read from text. Every stage and door calls these (`2018 жылғы 4
//! қаңтардағы`, `23 августа 2019 года`, `23.11.2022`, `1999.05.06.`, `2019-08-23`).

use chrono::NaiveDate;
use regex::Regex;
use std::sync::LazyLock;

use zanlex_analysis::KK_MONTHS;

/// Month number of a Kazakh (or Russian) month word in any case form
/// (`қаңтардағы`, `маусымда`, `сентября`).
pub fn month_number(word: &str) -> Option<u32> {
    // Old requisites print months with Latin look-alikes (`октябpя` with a Latin `p`, `апpеля`).
    let w = normalize_i(&super::fold_lookalikes(&super::lowercase(word)));
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
    // `көкек`, the old Kazakh name of April (`сәуір` since), in texts of the 1990s: `2000
    // жылдың 1 көкегіне дейін` (the order of the Minister of Justice of 08.11.1999 № 87).
    if w.starts_with("көкек") || w.starts_with("көкег") {
        return Some(4);
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

/// The date of a year, month and day printed in digits (`"2019"`, `"08"`, `"23"`); `None` when a
/// part is not a number or the day does not exist.
pub(crate) fn date_from_digits(y: &str, m: &str, d: &str) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

/// The date of a year and day in digits and a month in words, in either language and any case
/// form (`"2016"`, `"24"`, `"қарашадағы"` → 2016-11-24; `"1999"`, `"6"`, `"мая"`).
pub(crate) fn date_in_words(y: &str, d: &str, month_word: &str) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y.parse().ok()?, month_number(month_word)?, d.parse().ok()?)
}

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
    let start = |c: &regex::Captures| c.get(0).map_or(0, |m| m.start());
    // Each pattern only where its literal part occurs (`жыл`, `год`, `.`, `-`).
    let long = s.contains("жыл").then(|| RE_LONG_DATE.captures_iter(s));
    // The first match with a month word gives the date (or none, when its day does not exist);
    // the digits always parse, as the pattern holds at most four.
    for c in long.into_iter().flatten() {
        if month_number(&c[3]).is_some() {
            consider(start(&c), date_in_words(&c[1], &c[2], &c[3]));
            break;
        }
    }
    let russian = s.contains("год").then(|| RE_RU_DATE.captures_iter(s));
    for c in russian.into_iter().flatten() {
        if month_number(&c[2]).is_some() {
            consider(start(&c), date_in_words(&c[3], &c[1], &c[2]));
            break;
        }
    }
    let dotted = s.contains('.');
    if let Some(c) = dotted.then(|| RE_DOT_DATE.captures(s)).flatten() {
        consider(start(&c), date_from_digits(&c[3], &c[2], &c[1]));
    }
    if let Some(c) = dotted.then(|| RE_DOT_DATE_REV.captures(s)).flatten() {
        consider(start(&c), date_from_digits(&c[1], &c[2], &c[3]));
    }
    if let Some(c) = s.contains('-').then(|| RE_ISO_DATE.captures(s)).flatten() {
        consider(start(&c), date_from_digits(&c[1], &c[2], &c[3]));
    }
    best.map(|(_, d)| d)
}

/// Both numeric styles acts print: `23.11.2022` (also `01.01. 2005`, and `21 .10.2003` with a
/// blank before the first dot, as a note of 2003 prints it) and `1999.05.06.`.
static NUMERIC_DATE_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:\b([0-9]{4})\.([0-9]{1,2})\.([0-9]{1,2})\.?|\b([0-9]{1,2})\s?\.([0-9]{1,2})\.\s?([0-9]{4})\b)")
        .expect("static regex")
});

/// A Russian date in words: `6 мая 1999 г.`, `19 июня 2007 года`.
static RU_WORD_DATE_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b([0-9]{1,2})\s+(января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)\s+([0-9]{4})(?:\s*(?:года|г\.))?")
        .expect("static regex")
});

/// Finds dates in both printed styles, `23.11.2022` and `1999.05.06.` (also `01.01. 2005`),
/// returning each date with its byte range.
///
/// Every match of `NUMERIC_DATE_RE` is made of digits, dots and whitespace only and holds a
/// digit followed by a dot, so the pattern runs only over such runs (with one character of
/// context each side for its word boundaries): the same matches as over the whole text, without
/// the Unicode-word-boundary search crawling through every line.
pub(crate) fn find_dates(text: &str) -> Vec<(NaiveDate, std::ops::Range<usize>)> {
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

/// `NUMERIC_DATE_RE`'s dates in `window`, ranges shifted by `base`.
fn dates_in(window: &str, base: usize, out: &mut Vec<(NaiveDate, std::ops::Range<usize>)>) {
    for c in NUMERIC_DATE_RE.captures_iter(window) {
        let Some(m) = c.get(0) else { continue };
        let part = |i: usize| c.get(i).map_or("", |x| x.as_str());
        let date = if c.get(1).is_some() {
            date_from_digits(part(1), part(2), part(3))
        } else {
            date_from_digits(part(6), part(5), part(4))
        };
        if let Some(date) = date {
            out.push((date, base + m.start()..base + m.end()));
        }
    }
}

/// Finds dates in every printed style: the numeric ones of [`find_dates`] and Russian dates in
/// words (`6 мая 1999 г.`, `19 июня 2007 года`), in order of position.
pub(crate) fn find_dates_with_words(text: &str) -> Vec<(NaiveDate, std::ops::Range<usize>)> {
    let mut out = find_dates(text);
    out.extend(find_ru_word_dates(text));
    out.sort_by_key(|(_, r)| r.start);
    out
}

/// The Russian dates in words in `text` (`6 мая 1999 г.`, `19 июня 2007 года`), each with its
/// byte range, in order: for a stage that finds where a date stands (a reference's span).
pub(crate) fn find_ru_word_dates(
    text: &str,
) -> impl Iterator<Item = (NaiveDate, std::ops::Range<usize>)> + '_ {
    dates_by(&RU_WORD_DATE_RE, text, |c| {
        date_in_words(&c[3], &c[1], &c[2])
    })
}

/// The Kazakh dates in words in `text` (`2018 жылғы 4 қаңтардағы`, `2012 жылы 28 маусымда`),
/// each with its byte range, in order: the pattern [`parse_date`] reads them by.
pub(crate) fn find_kk_word_dates(
    text: &str,
) -> impl Iterator<Item = (NaiveDate, std::ops::Range<usize>)> + '_ {
    dates_by(&RE_LONG_DATE, text, |c| date_in_words(&c[1], &c[2], &c[3]))
}

/// Each match of `pattern` in `text` that `date` reads as a date, with the match's range.
fn dates_by<'t>(
    pattern: &'static Regex,
    text: &'t str,
    date: fn(&regex::Captures) -> Option<NaiveDate>,
) -> impl Iterator<Item = (NaiveDate, std::ops::Range<usize>)> + 't {
    pattern
        .captures_iter(text)
        .filter_map(move |c| Some((date(&c)?, c.get(0)?.range())))
}

/// The first date in `text` printed in digits (`23.11.2022`, `1999.05.06.`), not in words.
pub(crate) fn first_numeric_date(text: &str) -> Option<NaiveDate> {
    find_dates(text).into_iter().next().map(|(d, _)| d)
}

/// A date written exactly `DD.MM.YYYY`, as acts and users print it (`01.01.2027`).
pub(crate) fn parse_dotted_date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s, "%d.%m.%Y").ok()
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

/// Every form acts and users write a date in, in both languages, through the one parser.
#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Datelike;
    use proptest::prelude::*;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    const RU_GENITIVE: [&str; 12] = [
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
    ];

    #[test]
    fn russian_forms() {
        assert_eq!(parse_date("с 1 января 2027 года"), d(2027, 1, 1));
        assert_eq!(
            parse_date("Закон Республики Казахстан от 6 мая 1999 года № 379"),
            d(1999, 5, 6)
        );
        // `ма…` alone is no month: `май`, `мая` are, `марта` is March.
        assert_eq!(parse_date("31 марта 2020 года"), d(2020, 3, 31));
        assert_eq!(parse_date("от 31 мартовского 2020 года"), d(2020, 3, 31));
        assert_eq!(
            parse_date("вводится в действие с 01.07.2024"),
            d(2024, 7, 1)
        );
        assert_eq!(parse_date("30 февраля 2020 года"), None);
        // A month printed with Latin look-alikes, as requisites of the 1990s in the mirror
        // print it (`Кабинета Министpов … от 22 октябpя 1992 года № 891`, a Latin `p`).
        assert_eq!(
            parse_date("Постановление Кабинета Министpов Республики Казахстан от 22 октябpя 1992 года № 891"),
            d(1992, 10, 22)
        );
        assert_eq!(parse_date("от 14 апpеля 1992 года"), d(1992, 4, 14));
        assert_eq!(parse_date("от 23 маpта 1995 года"), d(1995, 3, 23));
        // A word all Latin is no month.
        assert_eq!(parse_date("1 may 2020 года"), None);
        let found = find_dates_with_words("от 6 мая 1999 г. N 379; от 19.06.2007 N 267");
        let got: Vec<_> = found
            .iter()
            .map(|(d, r)| (d.to_string(), r.clone()))
            .collect();
        assert_eq!(
            got,
            [
                ("1999-05-06".to_string(), 5..22),
                ("2007-06-19".to_string(), 35..45)
            ]
        );
    }

    #[test]
    fn kazakh_forms() {
        assert_eq!(parse_date("2027 жылғы 1 қаңтар"), d(2027, 1, 1));
        assert_eq!(parse_date("2027 жылғы 1 қаңтардан бастап"), d(2027, 1, 1));
        assert_eq!(
            parse_date("2018 жылғы 4 қаңтардағы № 11-1-4/1"),
            d(2018, 1, 4)
        );
        assert_eq!(parse_date("2012 жылы 28 маусымда"), d(2012, 6, 28));
        assert_eq!(parse_date("2019 жылғы 5 «қыркүйегі»"), d(2019, 9, 5));
        // Latin `i` in a Kazakh month word reads as `і`.
        assert_eq!(parse_date("2020 жылғы 2 сәуiрдегі"), d(2020, 4, 2));
        // The old name of April (the order of 08.11.1999 № 87, 4661).
        assert_eq!(
            parse_date("2000 жылдың 1 көкегіне дейін тоқтатыла тұрсын."),
            d(2000, 4, 1)
        );
        assert_eq!(parse_date("1996 жылғы 12 көкектегі"), d(1996, 4, 12));
        assert_eq!(parse_date("ҚР 11.03.2014 № 152"), d(2014, 3, 11));
        assert_eq!(parse_date("2007.06.19. № 123"), d(2007, 6, 19));
        assert_eq!(date_in_words("2016", "24", "қарашадағы"), d(2016, 11, 24));
        assert_eq!(date_in_words("2016", "31", "қарашадағы"), None);
    }

    #[test]
    fn numeric_forms() {
        assert_eq!(parse_date("2019-08-23"), d(2019, 8, 23));
        assert_eq!(parse_iso_date(" 2019-08-23 "), d(2019, 8, 23));
        assert_eq!(parse_iso_date("23.08.2019"), None);
        assert_eq!(parse_dotted_date("01.01.2027"), d(2027, 1, 1));
        assert_eq!(parse_dotted_date("2027-01-01"), None);
        assert_eq!(date_from_digits("2020", "02", "29"), d(2020, 2, 29));
        assert_eq!(date_from_digits("2021", "02", "29"), None);
        assert_eq!(
            first_numeric_date("с 23 мая 2020 года; 01.06.2020"),
            d(2020, 6, 1)
        );
        // The earliest written date wins, whatever its form.
        assert_eq!(
            parse_date("2019-08-23, 23.11.2022 и 1 января 2027 года"),
            d(2019, 8, 23)
        );
        assert_eq!(
            parse_date("от 1 января 2027 года, 2019-08-23"),
            d(2027, 1, 1)
        );
        let found =
            find_dates("ҚР 23.11.2022 № 5 (01.01. 2005 бастап); 1999.05.06. және 2023.02.30");
        let got: Vec<_> = found
            .iter()
            .map(|(d, r)| (d.to_string(), r.clone()))
            .collect();
        assert_eq!(
            got,
            [
                ("2022-11-23".to_string(), 5..15),
                ("2005-01-01".to_string(), 23..34),
                ("1999-05-06".to_string(), 50..61),
            ]
        );
    }

    fn any_date() -> impl Strategy<Value = NaiveDate> {
        (1900i32..2100, 1u32..=12, 1u32..=31)
            .prop_filter_map("a day of the calendar", |(y, m, d)| {
                NaiveDate::from_ymd_opt(y, m, d)
            })
    }

    proptest! {
        /// A date printed in any form, with text around it, reads back as itself.
        #[test]
        fn every_form_round_trips(date in any_date(), form in 0usize..6) {
            let (y, m, day) = (date.year(), date.month() as usize, date.day());
            let printed = match form {
                0 => date.format("%Y-%m-%d").to_string(),
                1 => date.format("%d.%m.%Y").to_string(),
                2 => date.format("%Y.%m.%d.").to_string(),
                3 => format!("{day} {} {y} года", RU_GENITIVE[m - 1]),
                4 => format!("{y} жылғы {day} {}", KK_MONTHS[m - 1]),
                _ => format!("{y} жылғы {day} {}дағы", KK_MONTHS[m - 1]),
            };
            let text = format!("№ 12 от {printed} (с изменениями)");
            prop_assert_eq!(parse_date(&text), Some(date), "{}", text);
            if form == 1 {
                prop_assert_eq!(parse_dotted_date(&printed), Some(date));
            }
            if matches!(form, 1 | 2) {
                let found = find_dates(&text);
                prop_assert_eq!(found.len(), 1);
                prop_assert_eq!(&text[found[0].1.clone()], printed.as_str());
            }
            if matches!(form, 1..=3) {
                prop_assert_eq!(find_dates_with_words(&text)[0].0, date);
            }
        }
    }
}
