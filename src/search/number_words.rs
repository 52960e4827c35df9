//! Numbers in words and in digits meet. People write «тоқсан күнге дейін», «в течение
//! тридцати дней», «он бес жұмыс күні»; the law prints either («90 (тоқсан) күн», «30
//! календарных дней», «в течение тридцати календарных дней»). A query's number words
//! ([`crate::analysis::numerals`]) also find the number in digits, and a number typed in
//! digits also finds its words, where a word of a period or a quantity follows («тридцати
//! дней», «30 дней», «90 күн»): the number and that word are a phrase, a member of the words'
//! clause at the weight of the words themselves ([`BOOST_NUMERAL`]): they say the same thing. Only plain words are read so; a quoted phrase
//! stays exact.

use super::thesaurus::Expansion;
use crate::analysis::numerals::{numeral_at, spelled};

/// Boost of a number's other spelling: «30» for «тридцати» weighs as «тридцати» does.
pub const BOOST_NUMERAL: f32 = 1.0;

/// The beginnings of the words of a period or a quantity that follow a number typed in digits
/// («30 календарных дней», «90 күн», «5 жұмыс күні»): only there are its words looked for, not
/// after an article's or a point's number («статья 30», «5-тармақ»).
const MEASURES: &[&str] = &[
    "ден",
    "дн",
    "сут",
    "недел",
    "месяц",
    "год",
    "лет",
    "минут",
    "календарн",
    "рабоч",
    "процент",
    "тенге",
    "күн",
    "апта",
    "жыл",
    "сағат",
    "жұмыс",
    "пайыз",
    "теңге",
];

/// Words of a period matched whole, not by their beginning, which begins many other words:
/// the Kazakh «ай» (month; «айыппұл»), the Russian «час» (hour; «часть»).
const MEASURES_WHOLE: &[&str] = &[
    "ай",
    "айға",
    "айдан",
    "айы",
    "айда",
    "айлық",
    "айында",
    "час",
    "часа",
    "часов",
];

/// Whether `word` names a period or a quantity ([`MEASURES`], [`MEASURES_WHOLE`]).
fn is_measure(word: &str) -> bool {
    let w = crate::text::lowercase(word);
    MEASURES_WHOLE.contains(&w.as_str()) || MEASURES.iter().any(|m| w.starts_with(m))
}

/// Whether `word` is a word of the year («года», «году», «жылғы», «жылы»): after a number of
/// four digits it makes a calendar year («до 2017 года», «2020 жылғы»), a date, not a period
/// another spelling of which a text would print.
fn is_year_word(word: &str) -> bool {
    let w = crate::text::lowercase(word);
    w.starts_with("год") || w.starts_with("жыл")
}

/// Where `terms` (a query's plain words, in order) write a number before a word of a period or
/// a quantity, and what else to look for there: the number and that word as a phrase, the
/// number otherwise written (`тридцати дней` → `30 дней`, `он бес жұмыс` → `15 жұмыс`, `30
/// дней` → `тридцать дней`, `тридцати дней`, `отыз дней`). The word keeps the number from
/// matching any other number in a text (a point's, an article's). One is not looked for as a
/// number (`бір`, `один`, `первый` are as often «a», «the same», «the first»), nor the second
/// as an ordinal (`екінші`, `второй`: «other»).
pub(crate) fn expansions<S: AsRef<str>>(terms: &[S]) -> Vec<Expansion> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < terms.len() {
        let word = terms[i].as_ref();
        let (len, others) = if let Some(n) = numeral_at(terms, i) {
            let plain = n.value == 1 || (n.ordinal && n.value == 2);
            (
                n.len,
                if plain {
                    Vec::new()
                } else {
                    vec![n.value.to_string()]
                },
            )
        } else if let (true, Ok(n)) = (
            word.chars().all(|c| c.is_ascii_digit()),
            word.parse::<u32>(),
        ) {
            (1, if n >= 2 { spelled(n) } else { Vec::new() })
        } else {
            (1, Vec::new())
        };
        let measure = terms
            .get(i + len)
            .map(AsRef::as_ref)
            .filter(|w| is_measure(w));
        let a_year = measure.is_some_and(is_year_word)
            && others
                .iter()
                .chain(std::iter::once(&word.to_string()))
                .any(|o| o.parse::<u32>().is_ok_and(|n| (1000..3000).contains(&n)));
        if let (Some(measure), false, false) = (measure, others.is_empty(), a_year) {
            out.push(Expansion {
                start: i,
                len: len + 1,
                alternatives: others.iter().map(|o| format!("{o} {measure}")).collect(),
            });
            i += len + 1;
        } else {
            i += len;
        }
    }
    out
}

/// How many words may come between a number and its period's word: «30 календарных дней»,
/// «30 (отыз) күн», «5 (бес) жұмыс күні».
pub(crate) const NUMBER_SLOP: u32 = 2;

/// `thesaurus` (a query's thesaurus expansions) and its number expansions ([`expansions`])
/// that do not overlap them, in the order of their words; each marked `true` for a number.
pub(crate) fn with_numbers<S: AsRef<str>>(
    thesaurus: Vec<Expansion>,
    terms: &[S],
) -> Vec<(Expansion, bool)> {
    let overlaps = |n: &Expansion| {
        thesaurus
            .iter()
            .any(|e| n.start < e.start + e.len && e.start < n.start + n.len)
    };
    let numbers: Vec<Expansion> = expansions(terms)
        .into_iter()
        .filter(|n| !overlaps(n))
        .collect();
    let mut all: Vec<(Expansion, bool)> = thesaurus
        .into_iter()
        .map(|e| (e, false))
        .chain(numbers.into_iter().map(|e| (e, true)))
        .collect();
    all.sort_by_key(|(e, _)| e.start);
    all
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(q: &str) -> Vec<(usize, usize, Vec<String>)> {
        let terms: Vec<&str> = q.split_whitespace().collect();
        expansions(&terms)
            .into_iter()
            .map(|e| (e.start, e.len, e.alternatives))
            .collect()
    }

    #[test]
    fn number_words_and_digits_of_questions() {
        let v = |a: &[&str]| a.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(of("в течение тридцати дней"), [(2, 2, v(&["30 дней"]))]);
        assert_eq!(of("он бес жұмыс күні"), [(0, 3, v(&["15 жұмыс"]))]);
        assert_eq!(of("тоқсан күнге дейін"), [(0, 2, v(&["90 күнге"]))]);
        assert_eq!(
            of("опубликование в течение 30 дней"),
            [(3, 2, v(&["отыз дней", "тридцать дней", "тридцати дней"]))]
        );
        assert_eq!(
            of("90 күн ішінде"),
            [(0, 2, v(&["тоқсан күн", "девяносто күн", "девяноста күн"]))]
        );
        // An article's number is not a period; one, «first» and «second» are plain words.
        assert!(of("статья 30 закона").is_empty());
        assert!(of("тридцати статей").is_empty());
        assert!(of("бір жыл ішінде").is_empty());
        assert!(of("екінші деңгейдегі банк").is_empty());
        assert!(of("может ли он получить визу").is_empty());
        // A calendar year is a date, not a period: «до 2017 года», «2020 жылғы».
        assert!(of("действовал до 2017 года").is_empty());
        assert!(of("2020 жылғы шешім").is_empty());
    }
}
