//! An act a question names by its kind and subject, anywhere in it: «по закону о языках на
//! каком языке …», «в законе о праздниках что сказано …», «согласно кодексу о …», «по правилам
//! общего водопользования …», «тіл туралы заң бойынша …», «мерекелер туралы заңда …».
//!
//! Such a question asks what that act says: the rest of its words may be shared by many acts,
//! and the act whose units share the most of them need not be the one named. The act's name is
//! read as an article lookup reads it ([`super::article`]: the kind's word chooses the kind, the
//! subject words the title): in Russian the words after «о» / «об» (or after «правил…», whose
//! subject follows in the genitive), in Kazakh the words before «туралы». Where the name ends
//! is not marked: the question goes on («… о языках на каком языке …»), so the subject is the
//! longest run of those words, from the kind's word on, that an act's title holds. When one
//! act, or a few, hold the longest run (at least one word), the units of other acts keep
//! [`super::collect::OTHER_ACT_FACTOR`] of their score: nothing is dropped, so a name that
//! names no act in the index, or a wrong one, still finds the answer below. A kind's word with
//! no subject («по закону положено?») names nothing. Article lookups and questions asking when
//! an act takes effect read the act's name their own way and are not read here.

use super::collect::TopAdjusted;
use super::{article, filters};
use crate::analysis::fold::fold;
use crate::index::schema::DOC_UNIT;
use crate::index::Store;
use crate::model::citation::codes::{naming_stems, KindWord};
use crate::model::{ActKind, Lang};
use rustc_hash::FxHashSet;
use tantivy::query::{BooleanQuery, Occur};
use tantivy::Searcher;

/// An act named in a question: its kind's word and the words that may be its subject.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ActNamed {
    /// The kind's word as typed («закону», «заңда», «правилам»).
    pub kind_word: String,
    /// The words that may name the subject, nearest the kind's word first: in Russian those
    /// after «о» («языках», «на», «каком» …), in Kazakh those before «туралы», backwards.
    pub subject: Vec<String>,
    /// The language the name is written in.
    pub lang: Lang,
}

/// Whether a kind names an act by its subject in a question: a law, a code, the Rules
/// («закон о языках», «кодекс о браке», «правила общего водопользования», «тіл туралы заң»,
/// «… қағидалары»). «Решение о …», «приказ о …», «постановление о …» are everyday nouns in a
/// question («кто принимает решение о выдаче …», «приказ о приёме на работу»), as are «…
/// туралы шешім қабылдайды», «қаулы», «бұйрық», far more often than an act's name, and a name
/// cuts every other act's score.
fn names_by_subject(kind: ActKind) -> bool {
    matches!(kind, ActKind::Law | ActKind::Code | ActKind::Rules)
}
/// The endings the forms of a Russian kind's stem take (folded): «закон», «закону», «законе»,
/// but not «законодательство» or «правильно».
const RUSSIAN_ENDINGS: &[&str] = &[
    "", "а", "у", "ом", "е", "и", "ы", "ов", "ам", "ами", "ах", "ю", "ем", "я", "ях", "ям",
];
/// The most words read as a subject.
const SUBJECT_WORDS: usize = 6;

/// A word folded and lowercased, its punctuation trimmed.
fn key(word: &str) -> String {
    fold(&crate::text::lowercase(
        word.trim_matches(|c: char| !c.is_alphanumeric()),
    ))
}

/// The kind folded `key` is a form of, when it is a form of a Russian kind's word that names
/// an act by its subject ([`names_by_subject`]).
fn russian_kind(key: &str) -> Option<ActKind> {
    naming_stems(Some(Lang::Ru), names_by_subject)
        .find(|r| {
            key.strip_prefix(fold(r.stem).as_str())
                .is_some_and(|ending| RUSSIAN_ENDINGS.iter().any(|e| fold(e) == ending))
        })
        .and_then(|r| match r.names {
            KindWord::Kind(k) => Some(k),
            _ => None,
        })
}

/// Whether folded `key` is a form of a Kazakh kind's word that names an act by its subject
/// ([`names_by_subject`]), not a longer word starting with the stem («заңнама», «заңгер»).
fn kazakh_kind(key: &str) -> bool {
    naming_stems(Some(Lang::Kk), names_by_subject).any(|r| {
        key.starts_with(&fold(r.stem)) && !r.not.iter().any(|not| key.starts_with(&fold(not)))
    })
}

/// Whether `word` as typed ends a clause («…, », «…?»): a subject does not run past it.
fn ends_clause(word: &str) -> bool {
    word.trim_end_matches(['»', '"', '\'', ')'])
        .ends_with([',', '?', '.', ';', ':', '!'])
}

/// The act `text` names by its kind and subject, if it names one (Latin words as `read` has
/// them: the word typed, the Cyrillic word searched in its place). `None` for a kind's word
/// with no subject after it.
pub(crate) fn named(text: &str, read: &[(String, String)]) -> Option<ActNamed> {
    let typed: Vec<&str> = text.split_whitespace().collect();
    let words: Vec<String> = typed
        .iter()
        .map(|w| {
            let bare = w.trim_matches(|c: char| !c.is_alphanumeric());
            read.iter()
                .find(|(t, _)| t.eq_ignore_ascii_case(bare))
                .map_or_else(|| bare.to_string(), |(_, r)| r.clone())
        })
        .collect();
    let keys: Vec<String> = words.iter().map(|w| key(w)).collect();
    let subject_of =
        |from: usize, step: fn(usize) -> Option<usize>, stop: &dyn Fn(usize) -> bool| {
            let mut out = Vec::new();
            let mut i = Some(from);
            while let Some(at) = i.filter(|&at| at < words.len() && out.len() < SUBJECT_WORDS) {
                if stop(at) {
                    break;
                }
                if !keys[at].is_empty() {
                    out.push(words[at].clone());
                }
                i = step(at);
            }
            out
        };
    // Russian: the kind's word, then «о» / «об» / «обо» (or, for the Rules, the subject at
    // once), then the subject.
    for (i, k) in keys.iter().enumerate() {
        let Some(kind) = russian_kind(k) else {
            continue;
        };
        if ends_clause(typed[i]) {
            continue;
        }
        let from = match keys.get(i + 1).map(String::as_str) {
            Some("о" | "об" | "обо") if !ends_clause(typed[i + 1]) => i + 2,
            // The Rules' subject follows in the genitive: «правила общего водопользования».
            Some(_) if kind == ActKind::Rules => i + 1,
            _ => continue,
        };
        // The subject runs to the end of the clause, the last word's punctuation included.
        let subject = subject_of(from, |at| Some(at + 1), &|at| {
            at > from && ends_clause(typed[at - 1])
        });
        if !subject.is_empty() {
            return Some(ActNamed {
                kind_word: words[i].clone(),
                subject,
                lang: Lang::Ru,
            });
        }
    }
    // Kazakh: the subject, then «туралы», then the kind's word.
    for (i, k) in keys.iter().enumerate() {
        if *k != fold("туралы") || i == 0 || ends_clause(typed[i]) {
            continue;
        }
        if !keys.get(i + 1).is_some_and(|k| kazakh_kind(k)) {
            continue;
        }
        let subject = subject_of(i - 1, |at| at.checked_sub(1), &|at| ends_clause(typed[at]));
        if !subject.is_empty() {
            return Some(ActNamed {
                kind_word: words[i + 1].clone(),
                subject,
                lang: Lang::Kk,
            });
        }
    }
    None
}

/// Acts whose titles are read for the name.
const ACTS_CONSIDERED: usize = 10;
/// Most acts a name may resolve to: more holding its words as well name nothing in
/// particular.
const ACTS_NAMED: usize = 3;

/// How many of `subject`'s words (each its stems, nearest the kind's word first) a title
/// (`title`, its stems) holds in a run from the first: a word with no stems (a preposition,
/// a word every title has) neither counts nor ends the run.
fn run_held(subject: &[Vec<String>], title: &[String]) -> usize {
    let mut run = 0;
    for stems in subject {
        if stems.is_empty() {
            continue;
        }
        if !stems.iter().any(|s| title.contains(s)) {
            break;
        }
        run += 1;
    }
    run
}

/// A title's stems ([`article::title_stems`]) in the analyzer of `lang`, those that are not
/// [`GENERIC`]'s.
fn stems(text: &str, lang: Lang) -> Vec<String> {
    static GENERIC_STEMS: std::sync::OnceLock<[Vec<String>; 2]> = std::sync::OnceLock::new();
    let generic = GENERIC_STEMS.get_or_init(|| {
        [Lang::Ru, Lang::Kk].map(|lang| {
            GENERIC
                .iter()
                .flat_map(|words| article::title_stems(words, lang))
                .collect()
        })
    });
    let generic = &generic[usize::from(lang != Lang::Ru)];
    let mut out = article::title_stems(text, lang);
    out.retain(|s| !generic.contains(s));
    out
}

/// Title words that tell no act from another (nearly every title has them, or a question says
/// them of any act): they neither count in a subject nor end it. The words of any act's title,
/// and the kinds' words a name is read by.
const GENERIC: [&str; 2] = [
    article::TITLE_WORDS_OF_ANY_ACT,
    "закон кодекс правила правил республике қағидаларын қағидалары",
];

/// The ids of the acts `named` names in the index (the request's filters not applied: an act
/// they exclude loses nothing by the name, its units being filtered out anyway): the acts
/// whose titles hold the longest run of its subject words, of the kind
/// its kind's word names when one of that kind holds any, at most [`ACTS_NAMED`] of them, and
/// none amending others. Empty when no title holds its first subject word, or when more acts
/// than that hold the run alike. Reads the title of each of the [`ACTS_CONSIDERED`] acts in
/// the question's language, the twin's only where that one holds none of the subject.
pub(crate) fn acts(
    index: &Store,
    searcher: &Searcher,
    named: &ActNamed,
) -> crate::Result<Vec<String>> {
    let f = index.fields();
    let subject: Vec<Vec<String>> = named.subject.iter().map(|w| stems(w, named.lang)).collect();
    // The first words that count: the titles holding them are the candidates.
    let first: Vec<&str> = named
        .subject
        .iter()
        .zip(&subject)
        .filter(|(_, s)| !s.is_empty())
        .map(|(w, _)| w.as_str())
        .take(2)
        .collect();
    if first.is_empty() {
        return Ok(Vec::new());
    }
    let ids = article::acts_by_title(
        index,
        searcher,
        &first.join(" "),
        &[f.title_stem, f.title_loose],
        None,
        ACTS_CONSIDERED,
    )?;
    let kinds = article::kinds_named(&named.kind_word);
    // Each act's run, whether it is of the kind named, and whether it amends others.
    let mut held: Vec<(String, usize, bool)> = Vec::new();
    for id in ids {
        let (mut run, mut of_kind, mut amends) = (0, false, false);
        // A unit of each language's expression carries its title and kind: the question's
        // language's is read, the twin's only when that one holds none of the subject (or the
        // act has no text in that language).
        for lang in [named.lang, named.lang.other()] {
            let query = BooleanQuery::new(vec![
                (Occur::Must, filters::raw_term(f.doc_type, DOC_UNIT)),
                (Occur::Must, filters::raw_term(f.act_id, &id)),
                (Occur::Must, filters::raw_term(f.lang, lang.as_str())),
            ]);
            let Some(&(_, doc)) = searcher.search(&query, &TopAdjusted::plain(1))?.0.first() else {
                continue;
            };
            let stored = crate::index::stored::fetch(index, searcher, doc)?;
            let title = stored.str(f.act_title);
            run = run.max(run_held(&subject, &stems(title, named.lang)));
            of_kind |= ActKind::parse(stored.str(f.act_kind)).is_some_and(|k| kinds.contains(&k));
            amends |= article::amends_others(title);
            if run > 0 {
                break;
            }
        }
        if run > 0 && !amends {
            held.push((id, run, of_kind));
        }
    }
    if held.iter().any(|(_, _, of_kind)| *of_kind) {
        held.retain(|(_, _, of_kind)| *of_kind);
    }
    let Some(most) = held.iter().map(|(_, run, _)| *run).max() else {
        return Ok(Vec::new());
    };
    held.retain(|(_, run, _)| *run == most);
    if held.len() > ACTS_NAMED {
        return Ok(Vec::new());
    }
    Ok(held.into_iter().map(|(id, _, _)| id).collect())
}

/// The `act_key`s of the expressions of `ids` (each language's), whose units a named act's
/// question keeps whole.
pub(crate) fn keys_of(ids: &[String]) -> FxHashSet<u64> {
    ids.iter()
        .flat_map(|id| {
            [Lang::Kk, Lang::Ru]
                .into_iter()
                .map(move |lang| crate::index::schema::expression_key(id, lang))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn subject(q: &str) -> Option<(String, Vec<String>, Lang)> {
        named(q, &[]).map(|n| (n.kind_word, n.subject, n.lang))
    }

    fn words(w: &str) -> Vec<String> {
        w.split_whitespace().map(str::to_string).collect()
    }

    #[test]
    fn a_kind_and_its_subject_in_either_language() {
        assert_eq!(
            subject("по закону о языках на каком языке ведется делопроизводство"),
            Some((
                "закону".to_string(),
                words("языках на каком языке ведется делопроизводство"),
                Lang::Ru
            ))
        );
        assert_eq!(
            subject("в законе «о праздниках», что сказано про выходные"),
            Some(("законе".to_string(), words("праздниках"), Lang::Ru))
        );
        assert_eq!(
            subject("по правилам общего водопользования можно ли купаться"),
            Some((
                "правилам".to_string(),
                words("общего водопользования можно ли купаться"),
                Lang::Ru
            ))
        );
        // Kazakh: the words before «туралы», nearest first, to the clause's start.
        assert_eq!(
            subject("тіл туралы заң бойынша іс қағаздары қай тілде"),
            Some(("заң".to_string(), words("тіл"), Lang::Kk))
        );
        assert_eq!(
            subject("айтыңызшы, адам саудасына қарсы іс-қимыл туралы заңда құрбанның құқықтары"),
            Some((
                "заңда".to_string(),
                words("іс-қимыл қарсы саудасына адам"),
                Lang::Kk
            ))
        );
        // Typed in Latin letters: the words as the search read them.
        let read = [
            ("merekeler".to_string(), "мерекелер".to_string()),
            ("turaly".to_string(), "туралы".to_string()),
            ("zanda".to_string(), "занда".to_string()),
        ];
        assert_eq!(
            named("merekeler turaly zanda", &read).map(|n| n.subject),
            Some(words("мерекелер"))
        );
    }

    /// A kind's word with no subject, legislation, a word that only looks like a kind's.
    #[test]
    fn no_act_named() {
        for q in [
            "по закону положено?",
            "что говорит закон",
            "по закону, о чем спрашивают",
            "законодательство о языках",
            "правильно ли о языках",
            "заңнама туралы",
            "туралы заң",
            "заң бойынша не істеу керек",
            "ардагерлер туралы не айтылған",
            "кто принимает решение о выдаче разрешения на строительство",
            "приказ о приёме на работу",
            "жер учаскесін беру туралы шешім кім қабылдайды",
            "заңгер туралы",
        ] {
            assert_eq!(subject(q), None, "{q}");
        }
    }

    /// The run of subject words a title holds, from the first: a word with no stems neither
    /// counts nor ends it.
    #[test]
    fn the_run_a_title_holds() {
        let title = stems(
            "О государственной независимости Республики Казахстан",
            Lang::Ru,
        );
        let subject: Vec<Vec<String>> = ["независимости", "и", "иностранцы", "права"]
            .iter()
            .map(|w| stems(w, Lang::Ru))
            .collect();
        assert_eq!(run_held(&subject, &title), 1);
        let title = stems(
            "Об утверждении Правил общего водопользования в городе Астане",
            Lang::Ru,
        );
        let subject: Vec<Vec<String>> = ["общего", "водопользования", "в", "астане", "купаться"]
            .iter()
            .map(|w| stems(w, Lang::Ru))
            .collect();
        assert_eq!(run_held(&subject, &title), 3);
        let subject: Vec<Vec<String>> = ["языках"].iter().map(|w| stems(w, Lang::Ru)).collect();
        assert_eq!(run_held(&subject, &title), 0);
    }
}
