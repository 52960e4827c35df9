//! Numbers written in words, Kazakh and Russian: the one table the commencement reader
//! (`по истечении шестидесяти календарных дней`, `күнтізбелік он күн өткен соң`) and the
//! search (`в течение тридцати дней` against `30 календарных дней`, `тоқсан күнге дейін`
//! against `90 күн`) read.
//!
//! A numeral is a run of number words ([`numeral_at`]): `он бес` (15), `двадцати одного` (21),
//! `екі жүз` (200), `сто двадцать` (120), cardinal or ordinal (`алпысыншы`, `шестидесятого`),
//! inflected (`тоқсанға`, `тридцати`, `отызыншы`). [`spelled`] goes the other way: the words
//! that write a number, for a search typed in digits to find a text that spells it.
//!
//! ```
//! use zanlex_analysis::numerals::{numeral_at, spelled, value_in};
//! let words = ["в", "течение", "тридцати", "дней"];
//! let n = numeral_at(&words, 2).unwrap();
//! assert_eq!((n.value, n.len, n.ordinal), (30, 1, false));
//! assert_eq!(numeral_at(&["он", "бес", "жұмыс", "күні"], 0).map(|n| (n.value, n.len)), Some((15, 2)));
//! assert_eq!(numeral_at(&["алпысыншы", "бап"], 0).map(|n| (n.value, n.ordinal)), Some((60, true)));
//! assert_eq!(value_in("двадцати одного"), Some(21));
//! assert!(spelled(60).contains(&"шестидесяти".to_string()));
//! assert!(spelled(15).contains(&"он бес".to_string()));
//! ```

use std::collections::HashMap;
use std::sync::OnceLock;

/// A run of number words in a list of words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Numeral {
    /// The number the words write.
    pub value: u32,
    /// How many words it spans.
    pub len: usize,
    /// Whether its last word is an ordinal (`пятого`, `бесінші`).
    pub ordinal: bool,
}

/// One number word as read: its value and whether it is an ordinal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Word {
    value: u32,
    ordinal: bool,
    /// Kazakh `он` (ten), also a Russian pronoun: read as a number only beside other Kazakh.
    ambiguous: bool,
}

/// Kazakh cardinals: the nominative and the ordinal (`бір`, `бірінші`). Inflected forms are the
/// nominative or the ordinal and a case ending ([`KK_ENDINGS`]).
const KAZAKH: &[(u32, &str, &str)] = &[
    (1, "бір", "бірінші"),
    (2, "екі", "екінші"),
    (3, "үш", "үшінші"),
    (4, "төрт", "төртінші"),
    (5, "бес", "бесінші"),
    (6, "алты", "алтыншы"),
    (7, "жеті", "жетінші"),
    (8, "сегіз", "сегізінші"),
    (9, "тоғыз", "тоғызыншы"),
    (10, "он", "оныншы"),
    (20, "жиырма", "жиырмасыншы"),
    (30, "отыз", "отызыншы"),
    (40, "қырық", "қырқыншы"),
    (50, "елу", "елуінші"),
    (60, "алпыс", "алпысыншы"),
    (70, "жетпіс", "жетпісінші"),
    (80, "сексен", "сексенінші"),
    (90, "тоқсан", "тоқсаныншы"),
    (100, "жүз", "жүзінші"),
    (1000, "мың", "мыңыншы"),
];

/// Kazakh case endings in every spelling vowel harmony and voicing give them: dative,
/// accusative, genitive, locative, ablative, instrumental (`тоқсанға`, `отыздан`, `бестен`).
const KK_ENDINGS: &[&str] = &[
    "ға", "ге", "қа", "ке", "на", "не", "ны", "ні", "ды", "ді", "ты", "ті", "ның", "нің", "дың",
    "дің", "тың", "тің", "да", "де", "та", "те", "нда", "нде", "дан", "ден", "тан", "тен", "нан",
    "нен", "мен", "бен", "пен",
];

/// Kazakh forms of a number word that are more often another word: `онда` (there).
const KK_NOT_NUMBERS: &[&str] = &["онда"];

/// Russian cardinals in every case (`ё` written `е`).
const RUSSIAN: &[(u32, &[&str])] = &[
    (
        1,
        &[
            "один",
            "одного",
            "одному",
            "одним",
            "одном",
            "одна",
            "одной",
            "одну",
            "одно",
        ],
    ),
    (2, &["два", "две", "двух", "двум", "двумя"]),
    (3, &["три", "трех", "трем", "тремя"]),
    (4, &["четыре", "четырех", "четырем", "четырьмя"]),
    (5, &["пять", "пяти", "пятью"]),
    (6, &["шесть", "шести", "шестью"]),
    // Not `семью`: it is «семья» (family) more often than «семь».
    (7, &["семь", "семи"]),
    (8, &["восемь", "восьми", "восемью"]),
    (9, &["девять", "девяти", "девятью"]),
    (10, &["десять", "десяти", "десятью"]),
    (11, &["одиннадцать", "одиннадцати", "одиннадцатью"]),
    (12, &["двенадцать", "двенадцати", "двенадцатью"]),
    (13, &["тринадцать", "тринадцати", "тринадцатью"]),
    (14, &["четырнадцать", "четырнадцати", "четырнадцатью"]),
    (15, &["пятнадцать", "пятнадцати", "пятнадцатью"]),
    (16, &["шестнадцать", "шестнадцати", "шестнадцатью"]),
    (17, &["семнадцать", "семнадцати", "семнадцатью"]),
    (18, &["восемнадцать", "восемнадцати", "восемнадцатью"]),
    (19, &["девятнадцать", "девятнадцати", "девятнадцатью"]),
    (20, &["двадцать", "двадцати", "двадцатью"]),
    (30, &["тридцать", "тридцати", "тридцатью"]),
    (40, &["сорок", "сорока"]),
    (50, &["пятьдесят", "пятидесяти", "пятьюдесятью"]),
    (60, &["шестьдесят", "шестидесяти", "шестьюдесятью"]),
    (70, &["семьдесят", "семидесяти", "семьюдесятью"]),
    (80, &["восемьдесят", "восьмидесяти", "восемьюдесятью"]),
    (90, &["девяносто", "девяноста"]),
    (100, &["сто", "ста"]),
    (200, &["двести", "двухсот", "двумстам", "двумястами"]),
    (300, &["триста", "трехсот", "тремстам", "тремястами"]),
    (400, &["четыреста", "четырехсот", "четыремстам"]),
    (500, &["пятьсот", "пятисот", "пятистам"]),
    (600, &["шестьсот", "шестисот", "шестистам"]),
    (700, &["семьсот", "семисот", "семистам"]),
    (800, &["восемьсот", "восьмисот", "восьмистам"]),
    (900, &["девятьсот", "девятисот", "девятистам"]),
    (
        1000,
        &["тысяча", "тысячи", "тысячу", "тысячей", "тысяч", "тысячам"],
    ),
];

/// Russian ordinal stems; an ordinal is its stem and an adjective ending ([`RU_ENDINGS`]),
/// `третий` apart ([`RU_THIRD`]).
const RU_ORDINALS: &[(u32, &str)] = &[
    (1, "перв"),
    (2, "втор"),
    (4, "четверт"),
    (5, "пят"),
    (6, "шест"),
    (7, "седьм"),
    (8, "восьм"),
    (9, "девят"),
    (10, "десят"),
    (11, "одиннадцат"),
    (12, "двенадцат"),
    (13, "тринадцат"),
    (14, "четырнадцат"),
    (15, "пятнадцат"),
    (16, "шестнадцат"),
    (17, "семнадцат"),
    (18, "восемнадцат"),
    (19, "девятнадцат"),
    (20, "двадцат"),
    (30, "тридцат"),
    (40, "сороков"),
    (50, "пятидесят"),
    (60, "шестидесят"),
    (70, "семидесят"),
    (80, "восьмидесят"),
    (90, "девяност"),
    (100, "сот"),
    (1000, "тысячн"),
];

/// Adjective endings of a Russian ordinal.
const RU_ENDINGS: &[&str] = &[
    "ый", "ой", "ого", "ому", "ым", "ом", "ая", "ую", "ое", "ые", "ых", "ыми",
];

/// `третий` in every case.
const RU_THIRD: &[&str] = &[
    "третий",
    "третьего",
    "третьему",
    "третьим",
    "третьем",
    "третья",
    "третьей",
    "третью",
    "третье",
    "третьи",
    "третьих",
    "третьими",
];

/// Every number word form, lowercased, `ё` as `е`.
fn table() -> &'static HashMap<String, Word> {
    static TABLE: OnceLock<HashMap<String, Word>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = HashMap::new();
        let mut put = |form: String, value: u32, ordinal: bool| {
            let ambiguous = value == 10 && form == "он";
            t.entry(form).or_insert(Word {
                value,
                ordinal,
                ambiguous,
            });
        };
        for &(value, forms) in RUSSIAN {
            for f in forms {
                put((*f).to_string(), value, false);
            }
        }
        for &(value, stem) in RU_ORDINALS {
            for e in RU_ENDINGS {
                put(format!("{stem}{e}"), value, true);
            }
        }
        for f in RU_THIRD {
            put((*f).to_string(), 3, true);
        }
        for &(value, word, ordinal) in KAZAKH {
            put(word.to_string(), value, false);
            put(ordinal.to_string(), value, true);
            for e in KK_ENDINGS {
                put(format!("{word}{e}"), value, false);
                put(format!("{ordinal}{e}"), value, true);
            }
        }
        // `қырық` drops its second vowel before a vowel (`қырқы`).
        put("қырқы".to_string(), 40, false);
        for f in KK_NOT_NUMBERS {
            t.remove(*f);
        }
        t
    })
}

/// The number word `word` is, in any case and letter case.
fn word(word: &str) -> Option<Word> {
    let w = word
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
        .replace('ё', "е");
    table().get(&w).copied()
}

/// Whether a word has a letter only Kazakh writes.
fn is_kazakh(word: &str) -> bool {
    word.chars().any(|c| "әғқңөұүһіӘҒҚҢӨҰҮҺІ".contains(c))
}

/// The numeral that begins at `words[start]`, if that word is a number word: the longest run
/// of number words that writes one number (`сто двадцать пять`, `екі жүз он`, but not
/// `бес он`). Kazakh `он` alone is ten only when another word of `words` is Kazakh or a unit
/// follows it (`он бес`): it is the Russian «он» too.
pub fn numeral_at<S: AsRef<str>>(words: &[S], start: usize) -> Option<Numeral> {
    let first = word(words.get(start)?.as_ref())?;
    if first.ambiguous
        && !words.iter().any(|w| is_kazakh(w.as_ref()))
        && words
            .get(start + 1)
            .and_then(|w| word(w.as_ref()))
            .is_none_or(|w| w.value >= 10)
    {
        return None;
    }
    read(words.iter().skip(start).map(AsRef::as_ref))
}

/// The numeral the first of `words` begins, read as far as its words write one number.
fn read<'w>(words: impl Iterator<Item = &'w str>) -> Option<Numeral> {
    // `total` is what the thousands give, `current` the part below; `limit` the greatest
    // value a word added next may have.
    let (mut total, mut current, mut limit) = (0u32, 0u32, u32::MAX);
    let mut len = 0;
    let mut ordinal = false;
    for w in words {
        let Some(n) = word(w) else { break };
        if ordinal {
            break; // an ordinal ends a numeral
        }
        match n.value {
            1000 if total == 0 => {
                total = current.max(1) * 1000;
                current = 0;
                limit = 999;
            }
            // A Kazakh hundred is a count and `жүз` (`екі жүз`); a Russian one is one word.
            100 if (1..=9).contains(&current) && len > 0 => {
                current *= 100;
                limit = 99;
            }
            v if v <= limit && v < 1000 => {
                current += v;
                limit = match v {
                    10 | 20..=99 => 9, // `он бес`, `двадцать пять`
                    100.. => 99,
                    _ => 0,
                };
            }
            _ => break,
        }
        ordinal = n.ordinal;
        len += 1;
    }
    (len > 0).then_some(Numeral {
        value: total + current,
        len,
        ordinal,
    })
}

/// The first numeral in `text` (words or digits), other words before it skipped: `десяти
/// календарных` is 10, `кейін алты` 6, `двадцати одного` 21, `10` 10. For a clause whose
/// language is known (a commencement clause): `он` is ten here.
///
/// ```
/// use zanlex_analysis::numerals::value_in;
/// assert_eq!(value_in("кейін он бес"), Some(15));
/// assert_eq!(value_in("шестидесяти календарных"), Some(60));
/// assert_eq!(value_in("календарных"), None);
/// ```
pub fn value_in(text: &str) -> Option<u32> {
    let words: Vec<&str> = text.split_whitespace().collect();
    (0..words.len()).find_map(|i| {
        if let Ok(n) = words[i].parse::<u32>() {
            return Some(n);
        }
        read(words[i..].iter().copied()).map(|n| n.value)
    })
}

/// The cardinal words that write `n` (2 to 1000 and the round hundreds and thousands): the
/// Kazakh nominative (`он бес`; its inflections share its stem) and the Russian nominative and
/// oblique case (`шестьдесят`, `шестидесяти`: their stems differ). Empty for other numbers.
pub fn spelled(n: u32) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(kk) = kazakh_words(n) {
        out.push(kk);
    }
    for case in 0..2 {
        if let Some(ru) = russian_words(n, case) {
            if !out.contains(&ru) {
                out.push(ru);
            }
        }
    }
    out
}

fn kazakh_of(v: u32) -> Option<&'static str> {
    KAZAKH.iter().find(|e| e.0 == v).map(|e| e.1)
}

fn kazakh_words(n: u32) -> Option<String> {
    if !(1..=9999).contains(&n) {
        return None;
    }
    let mut parts: Vec<&str> = Vec::new();
    let (thousands, rest) = (n / 1000, n % 1000);
    if thousands > 0 {
        if thousands > 1 {
            parts.push(kazakh_of(thousands)?);
        }
        parts.push("мың");
    }
    let (hundreds, rest) = (rest / 100, rest % 100);
    if hundreds > 0 {
        if hundreds > 1 {
            parts.push(kazakh_of(hundreds)?);
        }
        parts.push("жүз");
    }
    if rest >= 10 {
        parts.push(kazakh_of(rest / 10 * 10)?);
    }
    if !rest.is_multiple_of(10) {
        parts.push(kazakh_of(rest % 10)?);
    }
    Some(parts.join(" "))
}

fn russian_of(v: u32, case: usize) -> Option<&'static str> {
    let forms = RUSSIAN.iter().find(|e| e.0 == v)?.1;
    forms.get(case).or(forms.first()).copied()
}

/// `n` in Russian words, nominative (`case` 0) or genitive (1); up to a thousand.
fn russian_words(n: u32, case: usize) -> Option<String> {
    if n == 1000 {
        return russian_of(1000, case).map(str::to_string);
    }
    if !(1..1000).contains(&n) {
        return None;
    }
    let mut parts: Vec<&str> = Vec::new();
    if n >= 100 {
        parts.push(russian_of(n / 100 * 100, case)?);
    }
    let rest = n % 100;
    if (10..20).contains(&rest) {
        parts.push(russian_of(rest, case)?);
    } else {
        if rest >= 20 {
            parts.push(russian_of(rest / 10 * 10, case)?);
        }
        if !rest.is_multiple_of(10) {
            parts.push(russian_of(rest % 10, case)?);
        }
    }
    Some(parts.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, start: usize) -> Option<(u32, usize, bool)> {
        let words: Vec<&str> = text.split_whitespace().collect();
        numeral_at(&words, start).map(|n| (n.value, n.len, n.ordinal))
    }

    /// Phrases as the acts and people print them.
    #[test]
    fn numerals_of_the_corpus() {
        // `… в течение тридцати календарных дней …` (Law on Legal Acts, art. 37).
        assert_eq!(
            at("в течение тридцати календарных дней", 2),
            Some((30, 1, false))
        );
        // `… күнтізбелік отыз күн ішінде …` (its Kazakh text).
        assert_eq!(at("күнтізбелік отыз күн ішінде", 1), Some((30, 1, false)));
        // `… по истечении шестидесяти календарных дней …`.
        assert_eq!(
            at("по истечении шестидесяти календарных дней", 2),
            Some((60, 1, false))
        );
        // `15 (он бес) жұмыс күні ішінде` (visa Rules, corpus/002).
        assert_eq!(at("он бес жұмыс күні ішінде", 0), Some((15, 2, false)));
        assert_eq!(at("тоқсан күнге дейін", 0), Some((90, 1, false)));
        assert_eq!(at("тоқсанға дейін", 0), Some((90, 1, false)));
        assert_eq!(at("күнтізбелік он екі ай ішінде", 1), Some((12, 2, false)));
        assert_eq!(at("двадцати одного дня", 0), Some((21, 2, false)));
        assert_eq!(at("от двух до четырех недель", 1), Some((2, 1, false)));
        assert_eq!(at("от двух до четырех недель", 3), Some((4, 1, false)));
        assert_eq!(at("алпысыншы бап", 0), Some((60, 1, true)));
        assert_eq!(at("шестидесятого дня", 0), Some((60, 1, true)));
        assert_eq!(at("третьего числа", 0), Some((3, 1, true)));
        assert_eq!(at("екі жүз елу теңге", 0), Some((250, 3, false)));
        assert_eq!(at("сто двадцать пять", 0), Some((125, 3, false)));
        assert_eq!(at("үш мың", 0), Some((3000, 2, false)));
        assert_eq!(at("двух тысяч", 0), Some((2000, 2, false)));
        assert_eq!(at("жиырма бесінші", 0), Some((25, 2, true)));
        // Not one number: `бес он` is five, then ten.
        assert_eq!(at("бес он", 0), Some((5, 1, false)));
        // Words that only look like number words.
        for w in [
            "трудовой",
            "пятница",
            "онда",
            "оның",
            "жүзеге",
            "сорокин",
            "семья",
            "сто",
        ] {
            let expected = (w == "сто").then_some((100, 1, false));
            assert_eq!(at(w, 0), expected, "{w}");
        }
    }

    /// The Russian pronoun is not ten; the Kazakh ten is.
    #[test]
    fn on_is_ten_beside_kazakh_only() {
        assert_eq!(at("может ли он получить", 2), None);
        assert_eq!(at("он күн ішінде", 0), Some((10, 1, false)));
        assert_eq!(at("он бес", 0), Some((15, 2, false)));
    }

    #[test]
    fn spelled_numbers() {
        assert_eq!(spelled(30), ["отыз", "тридцать", "тридцати"]);
        assert_eq!(spelled(15), ["он бес", "пятнадцать", "пятнадцати"]);
        assert_eq!(
            spelled(21),
            ["жиырма бір", "двадцать один", "двадцати одного"]
        );
        assert_eq!(spelled(90), ["тоқсан", "девяносто", "девяноста"]);
        assert_eq!(
            spelled(250),
            ["екі жүз елу", "двести пятьдесят", "двухсот пятидесяти"]
        );
        assert_eq!(spelled(1000), ["мың", "тысяча", "тысячи"]);
        // Every number spelled reads back as itself.
        for n in 1..=1000 {
            for s in spelled(n) {
                assert_eq!(value_in(&s), Some(n), "{s}");
            }
        }
    }
}
