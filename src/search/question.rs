//! Plain questions. A person asks «арыз бергеннен кейін жауапты қашан береді» or «можно ли
//! продлить визу»: the words that make it a question (particles, interrogatives, the modal
//! «бола ма», «можно ли», and a word of need in a question: «қандай құжаттар керек», «какие
//! документы нужны») are not in the clause that answers it. They are left out of matching
//! and ranking; every other word stays. A query made only of such words keeps them all (then
//! they are what the person is looking for).

use super::query::Query;
use crate::analysis::fold::fold;
use std::collections::HashSet;
use std::sync::OnceLock;

/// Words that only ask: interrogative particles and pronouns, Kazakh and Russian.
const ASKING: &[&str] = &[
    // Kazakh particles (written apart: «бола ма», «керек пе»).
    "ма",
    "ме",
    "ба",
    "бе",
    "па",
    "пе",
    "ше",
    "ғой", // Kazakh interrogatives.
    "қанша",
    "қаншаға",
    "қаншадан",
    "неше",
    "нешеге",
    "қай",
    "қайда",
    "қайдан",
    "қайсы",
    "қалай",
    "қандай",
    "не",
    "неге",
    "неден",
    "нені",
    "неліктен",
    "немен",
    "ненің",
    "неде",
    "кім",
    "кімге",
    "кімді",
    "кімнің",
    "кімнен",
    "кіммен",
    "кімде",
    "қашан",
    "қашанға",
    "қашаннан", // Russian interrogatives.
    "как",
    "каков",
    "какова",
    "каково",
    "каковы",
    // «какой» and «сколько» in every case («на каком языке», «к какому блоку»); «кто» and
    // «что» in those no Kazakh word folds to («кем» is Kazakh «кем», less).
    "какой",
    "какая",
    "какое",
    "какие",
    "каким",
    "какого",
    "какому",
    "каком",
    "какую",
    "каких",
    "какими",
    "сколько",
    "скольких",
    "скольким",
    "сколькими",
    "скольки",
    "ли",
    "разве",
    "когда",
    "что",
    "чем",
    "чего",
    "чему",
    "кто",
    "кому",
    "кого",
    "где",
    "куда",
    "откуда",
    "почему",
    "зачем",
    // «если» / «егер» open the situation a question describes («что делать, если …»).
    "если",
    "егер",
];

/// Words that ask only together with a particle after them (`бола ма`, `керек пе`) or, in
/// Russian, a `ли` (`можно ли`, `нужно ли`): alone they are content («болады» in «... құқығы
/// болады» is the law's own word).
const ASKING_BEFORE_PARTICLE: &[&str] = &[
    "бола",
    "болады",
    "болама",
    "керек",
    "қажет",
    "тиіс",
    "міндетті",
    "можно",
    "нужно",
    "надо",
    "должен",
    "должна",
    "должны",
    "обязан",
    "обязательно",
    "необходимо",
    "может",
    "могут",
    "вправе",
];

/// Words that say a thing is needed or due: in a query that already asks (an interrogative or a
/// particle: «азаматтық алу үшін қандай құжаттар керек», «какие документы нужны», «что нужно
/// для …») they only ask as well, wherever they stand; in a query that does not ask they are
/// content («төлеуге тиіс», the law's own words), and so in a quoted phrase, which is not plain
/// words.
const NEEDING: &[&str] = &[
    "керек",
    "қажет",
    "тиіс",
    "нужно",
    "нужны",
    "нужен",
    "нужна",
    "надо",
    "необходимо",
];

/// Pairs of words that ask what a thing is («что такое пикет», «пикет деген не», «пикет
/// дегеніміз не»): both words of the pair ask, though alone each can be content («такое
/// решение», «деген сөз»).
const DEFINING: &[(&str, &str)] = &[
    ("что", "такое"),
    ("что", "значит"),
    ("деген", "не"),
    ("дегеніміз", "не"),
    ("деген", "нені"),
];

/// Particles that make the word before them ask ([`ASKING_BEFORE_PARTICLE`]).
const PARTICLES: &[&str] = &["ма", "ме", "ба", "бе", "па", "пе", "ли"];

/// A folded, lowercased set of `words`: a question typed without Kazakh letters or in Latin
/// (`kim`, `кашан`) is recognised as well.
fn folded_set(words: &[&str]) -> HashSet<String> {
    words.iter().map(|w| fold(w)).collect()
}

fn asking() -> &'static HashSet<String> {
    static SET: OnceLock<HashSet<String>> = OnceLock::new();
    SET.get_or_init(|| folded_set(ASKING))
}

fn asking_before_particle() -> &'static HashSet<String> {
    static SET: OnceLock<HashSet<String>> = OnceLock::new();
    SET.get_or_init(|| folded_set(ASKING_BEFORE_PARTICLE))
}

fn needing() -> &'static HashSet<String> {
    static SET: OnceLock<HashSet<String>> = OnceLock::new();
    SET.get_or_init(|| folded_set(NEEDING))
}

fn particles() -> &'static HashSet<String> {
    static SET: OnceLock<HashSet<String>> = OnceLock::new();
    SET.get_or_init(|| folded_set(PARTICLES))
}

/// `word` lowercased, folded and without the punctuation a question ends in.
fn key(word: &str) -> String {
    let w = word.trim_matches(|c: char| !c.is_alphanumeric());
    fold(&crate::text::lowercase(w))
}

/// Which of `words` only ask (see the module's documentation).
pub fn asking_words<S: AsRef<str>>(words: &[S]) -> Vec<bool> {
    let keys: Vec<String> = words.iter().map(|w| key(w.as_ref())).collect();
    let defining = |a: Option<&String>, b: Option<&String>| match (a, b) {
        (Some(a), Some(b)) => DEFINING.iter().any(|(x, y)| fold(x) == *a && fold(y) == *b),
        _ => false,
    };
    let asks = |i: usize, k: &String| {
        asking().contains(k)
            || (asking_before_particle().contains(k)
                && keys.get(i + 1).is_some_and(|n| particles().contains(n)))
            || defining(Some(k), keys.get(i + 1))
            || (i > 0 && defining(keys.get(i - 1), Some(k)))
    };
    let mut flags: Vec<bool> = keys.iter().enumerate().map(|(i, k)| asks(i, k)).collect();
    // «понятие X», «термин X» ask for X's definition: the word itself is in no definition
    // item. «определение» stays a word: it is also a court's ruling.
    if keys.len() > 1 && ASKING_TERM_BEFORE.iter().any(|t| fold(t) == keys[0]) {
        flags[0] = true;
    }
    // A word of need asks only beside another word that asks (the particles are among them).
    if flags.contains(&true) {
        for (flag, k) in flags.iter_mut().zip(&keys) {
            *flag |= needing().contains(k);
        }
    }
    flags
}

/// Words that say the term after them is asked for: «понятие пастбища», «определение
/// административного акта».
const TERM_BEFORE: &[&str] = &["понятие", "определение", "термин"];

/// The words of [`TERM_BEFORE`] that only ask, before the term.
const ASKING_TERM_BEFORE: &[&str] = &["понятие", "термин"];

/// The words of the term a question asks to be defined, when it asks what a thing is: «что
/// такое X», «X деген не», «X дегеніміз не», «понятие X», «X – это»; `None` for any other
/// query. The words come as typed, without the punctuation around them.
pub fn term_asked(text: &str) -> Option<Vec<String>> {
    let words: Vec<&str> = text
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect();
    let keys: Vec<String> = words.iter().map(|w| key(w)).collect();
    let defining = keys.windows(2).any(|pair| {
        DEFINING
            .iter()
            .any(|(x, y)| fold(x) == pair[0] && fold(y) == pair[1])
    });
    let term: Vec<&str> = if defining {
        let asking = asking_words(&words);
        words
            .iter()
            .zip(asking)
            .filter(|(_, a)| !a)
            .map(|(w, _)| *w)
            .collect()
    } else if keys
        .first()
        .is_some_and(|k| TERM_BEFORE.iter().any(|t| fold(t) == *k))
    {
        words[1..].to_vec()
    } else if keys.last().is_some_and(|k| *k == fold("это")) && words.len() > 1 {
        words[..words.len() - 1].to_vec()
    } else {
        return None;
    };
    (!term.is_empty()).then(|| term.into_iter().map(str::to_string).collect())
}

/// A plain-words query without the words that only ask; `None` when `q` is not plain words,
/// has no such word, or would have no word left.
pub fn without_asking_words(q: &Query) -> Option<Query> {
    let Query::And(parts) = q else {
        return None;
    };
    if !parts
        .iter()
        .all(|p| matches!(p, Query::Term(_) | Query::Filter(_)))
    {
        return None;
    }
    let words: Vec<&str> = parts
        .iter()
        .filter_map(|p| match p {
            Query::Term(w) => Some(w.as_str()),
            _ => None,
        })
        .collect();
    let asking = asking_words(&words);
    let kept = asking.iter().filter(|a| !**a).count();
    if kept == words.len() || kept == 0 {
        return None;
    }
    let mut flags = asking.into_iter();
    let rest: Vec<Query> = parts
        .iter()
        .filter(|p| match p {
            Query::Term(_) => !flags.next().unwrap_or(false),
            _ => true,
        })
        .cloned()
        .collect();
    Some(match <[Query; 1]>::try_from(rest) {
        Ok([one]) => one,
        Err(rest) => Query::And(rest),
    })
}

/// The examples of this module's items, run as unit tests (the items are not public).
#[cfg(test)]
mod doc_examples {
    #[test]
    fn asking_words() {
        use crate::search::question::asking_words;
        let words = ["визаны", "ұзартуға", "бола", "ма?"];
        assert_eq!(asking_words(&words), [false, false, true, true]);
        let words = ["можно", "ли", "продлить", "визу"];
        assert_eq!(asking_words(&words), [true, true, false, false]);
        // «понятие X» asks for X's definition; «определение суда» is a ruling.
        assert_eq!(asking_words(&["понятие", "животные"]), [true, false]);
        assert_eq!(asking_words(&["понятие"]), [false]);
        assert_eq!(asking_words(&["определение", "суда"]), [false, false]);
    }

    #[test]
    fn without_asking_words() {
        use crate::search::question::without_asking_words;
        use crate::Query;
        let q = Query::parse("визаны қалай ұзартуға болады").unwrap();
        assert_eq!(
            without_asking_words(&q),
            Some(Query::parse("визаны ұзартуға болады").unwrap())
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn questions_lose_only_their_asking_words() {
        let q = |s: &str| Query::parse(s).unwrap();
        assert_eq!(
            without_asking_words(&q("тіркелмей неше күн тұруға болады")),
            Some(q("тіркелмей күн тұруға болады"))
        );
        assert_eq!(
            without_asking_words(&q("шағым беруге бола ма")),
            Some(q("шағым беруге"))
        );
        assert_eq!(
            without_asking_words(&q("кто назначает руководителя")),
            Some(q("назначает руководителя"))
        );
        // An interrogative asks in every case it takes.
        assert_eq!(
            without_asking_words(&q("на каком языке идет суд")),
            Some(q("на языке идет суд"))
        );
        assert_eq!(
            without_asking_words(&q("к какому блоку относится должность")),
            Some(q("к блоку относится должность"))
        );
        assert_eq!(
            without_asking_words(&q("со скольких лет можно работать")),
            Some(q("со лет можно работать"))
        );
        assert_eq!(
            without_asking_words(&q("құқық кімде болады")),
            Some(q("құқық болады"))
        );
        // Typed without Kazakh letters.
        assert_eq!(
            without_asking_words(&q("визаны кашан алады")),
            Some(q("визаны алады"))
        );
        // Nothing to drop, only asking words, or not plain words: unchanged.
        assert_eq!(without_asking_words(&q("тұрақты тұру")), None);
        assert_eq!(without_asking_words(&q("кім")), None);
        assert_eq!(without_asking_words(&q("қашан қалай")), None);
        assert_eq!(without_asking_words(&q("\"қалай\" виза")), None);
        // A modal word without a particle after it is content.
        assert_eq!(without_asking_words(&q("құқығы болады")), None);
        // «что такое», «деген не» ask what a thing is; «такое», «деген» alone are content.
        assert_eq!(
            without_asking_words(&q("что такое одиночный пикет")),
            Some(q("одиночный пикет"))
        );
        assert_eq!(without_asking_words(&q("пикет деген не")), Some(q("пикет")));
        assert_eq!(without_asking_words(&q("такое решение принято")), None);
    }

    #[test]
    fn a_word_of_need_in_a_question_only_asks() {
        let q = |s: &str| Query::parse(s).unwrap();
        // At the end of a question, typed without Kazakh letters as people do.
        assert_eq!(
            without_asking_words(&q("азаматтык алу ушин кандай кужаттар керек")),
            Some(q("азаматтык алу ушин кужаттар"))
        );
        assert_eq!(
            without_asking_words(&q("ықтиярхаттың мерзімі бітсе не істеу қажет")),
            Some(q("ықтиярхаттың мерзімі бітсе істеу"))
        );
        assert_eq!(
            without_asking_words(&q("какие документы нужны для получения гражданства")),
            Some(q("документы для получения гражданства"))
        );
        assert_eq!(
            without_asking_words(&q("что нужно для регистрации иностранца")),
            Some(q("для регистрации иностранца"))
        );
        // «должен» says who bears a duty, not only that a thing is needed: it stays.
        assert_eq!(
            without_asking_words(&q("кто должен платить налог")),
            Some(q("должен платить налог"))
        );
        // In a statement it is the law's own word («... төлеуге тиіс», «необходимо
        // представить»), and a quoted phrase is not plain words.
        assert_eq!(without_asking_words(&q("салықты төлеуге тиіс")), None);
        assert_eq!(
            without_asking_words(&q("необходимо представить документы")),
            None
        );
        assert_eq!(without_asking_words(&q("\"кім төлеуге тиіс\"")), None);
    }

    #[test]
    fn the_term_a_question_asks_to_define() {
        use super::term_asked;
        let t = |q: &str| term_asked(q).map(|w| w.join(" "));
        assert_eq!(
            t("органикалық өнім дегеніміз не?").as_deref(),
            Some("органикалық өнім")
        );
        assert_eq!(t("жайылымдар деген не").as_deref(), Some("жайылымдар"));
        assert_eq!(t("что такое пастбища").as_deref(), Some("пастбища"));
        assert_eq!(t("понятие пастбища").as_deref(), Some("пастбища"));
        assert_eq!(t("пастбища – это").as_deref(), Some("пастбища"));
        assert_eq!(t("сезонные пастбища"), None);
        assert_eq!(t("такое решение"), None);
    }
}
