//! Numbers in words and in digits meet. People write «тоқсан күнге дейін», «в течение
//! тридцати дней», «он бес жұмыс күні»; the law prints either («90 (тоқсан) күн», «30
//! календарных дней», «в течение тридцати календарных дней»). A query's number words
//! ([`crate::analysis::numerals`]) also find the number in digits, and a number typed in
//! digits also finds its words, where a word of a period or a quantity follows («тридцати
//! дней», «30 дней», «90 күн»): the number and that word are a phrase, a member of the words'
//! clause at the weight of the words themselves ([`BOOST_NUMERAL`]): they say the same thing. Only plain words are read so; a quoted phrase
//! stays exact.
//!
//! A half or one and a half of a year is no number word, but people say it where the law
//! counts months: «через полгода», «в течение полугода», «жарты жыл өткен соң» find «шести
//! месяцев», «6 месяцев», «алты ай» ([`idiom_at`]).

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
        if let Some((len, alternatives)) = idiom_at(terms, i) {
            out.push(Expansion {
                start: i,
                len,
                alternatives: alternatives.iter().map(|a| a.to_string()).collect(),
            });
            i += len;
            continue;
        }
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

/// How the law writes half a year: the months in digits and in words (each as a phrase of
/// the number and «месяцев» or «ай»), the other Russian word for it. Only whole months: a
/// month is not a whole number of days, so half a month and a month and a half have no
/// spelling a text prints for them (the law counts such periods in days), and «жарты ай» is as
/// often the crescent («Қызыл жарты ай»).
const HALF_YEAR_RU: &[&str] = &["6 месяцев", "шесть месяцев", "шести месяцев"];
/// [`HALF_YEAR_RU`] in Kazakh.
const HALF_YEAR_KK: &[&str] = &["6 ай", "алты ай"];
/// How the law writes a year and a half ([`HALF_YEAR_RU`]).
const YEAR_AND_A_HALF_RU: &[&str] = &["18 месяцев", "восемнадцать месяцев", "восемнадцати месяцев"];
/// [`YEAR_AND_A_HALF_RU`] in Kazakh.
const YEAR_AND_A_HALF_KK: &[&str] = &["18 ай", "он сегіз ай"];
/// The forms of «полугодие» and «полгода» after «в течение», «через», «до», «раз в»: «полугода»
/// is both words' genitive.
const HALF_YEAR_FORMS: &[&str] = &[
    "полгода",
    "полугода",
    "полугоду",
    "полугодом",
    "полугодие",
    "полугодия",
    "полугодию",
    "полугодием",
    "полугодии",
];

/// The idiom of a period that starts `terms` at `i` (a half or one and a half of a year) with
/// how many words it spans and the law's spellings of it: «полгода», «полугодие» (each also
/// finds the other, which the law writes too: «не реже одного раза в полугодие»), «полтора
/// года», «полутора лет», «жарты жыл», «жарты жылда», «бір жарым жыл». A Kazakh «тоқсан» is
/// not read as a quarter of three months: the texts write «тоқсан» itself for the quarter
/// («тоқсан сайын», «есепті тоқсан») and «90 (тоқсан) күн» for ninety, never «үш ай» for a
/// quarter, so the word is searched as typed (before a word of a period, as ninety).
pub(crate) fn idiom_at<S: AsRef<str>>(terms: &[S], i: usize) -> Option<(usize, Vec<&'static str>)> {
    let at = |k: usize| terms.get(k).map(|w| crate::text::lowercase(w.as_ref()));
    let word = at(i)?;
    let next = at(i + 1).unwrap_or_default();
    let year_ru = |w: &str| w.starts_with("год") || w == "лет";
    if HALF_YEAR_FORMS.contains(&word.as_str()) {
        let other = if word == "полгода" {
            "полугодие"
        } else {
            "полгода"
        };
        return Some((1, HALF_YEAR_RU.iter().copied().chain([other]).collect()));
    }
    if (word == "полтора" || word == "полутора") && year_ru(&next) {
        return Some((2, YEAR_AND_A_HALF_RU.to_vec()));
    }
    if word == "жарты" && next.starts_with("жыл") {
        return Some((2, HALF_YEAR_KK.to_vec()));
    }
    if word == "бір" && next == "жарым" && at(i + 2).is_some_and(|w| w.starts_with("жыл"))
    {
        return Some((3, YEAR_AND_A_HALF_KK.to_vec()));
    }
    None
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

    #[test]
    fn a_half_and_one_and_a_half_of_a_year_are_months() {
        let v = |a: &[&str]| a.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let half_ru = |other: &str| v(&["6 месяцев", "шесть месяцев", "шести месяцев", other]);
        assert_eq!(
            of("аттестация через полгода"),
            [(2, 1, half_ru("полугодие"))]
        );
        assert_eq!(of("в течение полугода"), [(2, 1, half_ru("полгода"))]);
        assert_eq!(of("раз в Полугодие"), [(2, 1, half_ru("полгода"))]);
        assert_eq!(
            of("полутора лет"),
            [(
                0,
                2,
                v(&["18 месяцев", "восемнадцать месяцев", "восемнадцати месяцев"])
            )]
        );
        assert_eq!(of("жарты жыл өткен соң"), [(0, 2, v(&["6 ай", "алты ай"]))]);
        assert_eq!(of("жарты жылда бір рет"), [(0, 2, v(&["6 ай", "алты ай"]))]);
        assert_eq!(
            of("бір жарым жылдан кейін"),
            [(0, 3, v(&["18 ай", "он сегіз ай"]))]
        );
        // A month is no whole number of days; «жарты ай» is also the crescent.
        assert!(of("полтора месяца").is_empty());
        assert!(of("қызыл жарты ай").is_empty());
        // The quarter is «тоқсан» in the law's own words; before a day, ninety.
        assert!(of("тоқсан сайын").is_empty());
        assert_eq!(of("тоқсан күн"), [(0, 2, v(&["90 күн"]))]);
        // «полугодовой» (half-yearly) is not a period.
        assert!(of("полугодовой отчет").is_empty());
    }
}
