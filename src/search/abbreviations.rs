//! Abbreviations the acts define themselves. An act spells a name out once and shortens it
//! from there: «Қызметін "Астана" халықаралық қаржы орталығында (бұдан әрі – АХҚО)»,
//! «Евразийский экономический союз (далее – ЕАЭС)». A person asks with the short form; the
//! provisions of other acts (and the defining one itself) spell it out. A query word that an
//! act defines so also looks for the words it stands for, as a thesaurus alternative does.
//!
//! The definitions are read when a word is searched, from the few units that hold the word
//! beside «далее» or «бұдан әрі», and kept for the index generation. The common abbreviations
//! no act in the corpus defines are listed in `data/abbreviations.tsv`
//! ([`super::thesaurus::Thesaurus`]).

use crate::analysis::{analyze, KK_LOOSE};
use crate::index::Store;
use regex::Regex;
use rustc_hash::FxHashMap;
use std::sync::{Mutex, OnceLock, PoisonError};
use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, Occur, Query as TQuery};

/// Most units read for one word's definitions.
const MAX_UNITS: usize = 20;
/// Most words of a spelled-out name.
const MAX_LONG_WORDS: usize = 10;
/// Letters of the longest query word read as an abbreviation.
const MAX_SHORT_LETTERS: usize = 6;
/// Most spelled-out forms one word looks for.
const MAX_FORMS: usize = 3;

/// Words a spelled-out name may hold that its abbreviation skips («Комитет по делам …»).
const SKIPPED: &[&str] = &[
    "и", "по", "для", "с", "в", "на", "о", "об", "при", "мен", "және", "бен", "пен",
];

/// `(далее – X)`, `(бұдан әрі – X)`, any dash.
fn marker() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"\((?i:далее|бұдан\s+әрі)\s*[-–—]\s*([^()]{2,30})\)")
            .unwrap_or_else(|e| unreachable!("a fixed pattern: {e}"))
    })
}

/// The short form as written when it is an abbreviation: one to three words of capitals
/// («ЕАЭС», «ҚР ҰҚК»), not a word the act names in full («Закон», «уполномоченный орган»).
fn abbreviation(short: &str) -> Option<&str> {
    let short = short.trim();
    let words: Vec<&str> = short.split_whitespace().collect();
    let ok = (1..=3).contains(&words.len())
        && words.iter().all(|w| {
            let n = w.chars().count();
            (2..=8).contains(&n) && w.chars().all(|c| c.is_uppercase() || c == '-')
        });
    ok.then_some(short)
}

/// A word as the spelled-out name holds it: without the quotes and punctuation around it.
fn bare(word: &str) -> &str {
    word.trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
}

/// True when `words` spell out `letters`: each word (but the skipped ones) opens with the next
/// letter, and a word may give the letters after that from inside it, in order («Евразийский»
/// gives «ЕА» of «ЕАЭС»).
fn spells(letters: &[char], words: &[Vec<char>]) -> bool {
    let Some((word, rest)) = words.split_first() else {
        return letters.is_empty();
    };
    let w: String = word.iter().collect();
    if SKIPPED.contains(&w.as_str()) && spells(letters, rest) {
        return true;
    }
    let Some((first, more)) = letters.split_first() else {
        return false;
    };
    if word.first() != Some(first) {
        return false;
    }
    // Letters taken from inside the word: none first, then one, two… as they occur in order.
    if spells(more, rest) {
        return true;
    }
    let mut taken = 0;
    let mut at = 1;
    while taken < more.len() {
        let Some(found) = word[at..].iter().position(|c| *c == more[taken]) else {
            break;
        };
        at += found + 1;
        taken += 1;
        if spells(&more[taken..], rest) {
            return true;
        }
    }
    false
}

/// The name an abbreviation stands for, read from the words before its definition: the
/// longest run of words ending there that spells the abbreviation's letters ([`spells`]), not
/// reaching over a comma, semicolon, colon or full stop.
fn spelled_out(before: &str, short: &str) -> Option<String> {
    let letters: Vec<char> = crate::text::lowercase(short)
        .chars()
        .filter(|c| c.is_alphabetic())
        .collect();
    let mut words: Vec<&str> = Vec::new();
    for w in before.split_whitespace().rev() {
        if words.len() == MAX_LONG_WORDS || (!words.is_empty() && w.ends_with([',', ';', ':', '.']))
        {
            break;
        }
        let b = bare(w);
        if !b.is_empty() {
            words.push(b);
        }
    }
    words.reverse();
    let parts = |ws: &[&str]| -> Vec<Vec<char>> {
        ws.iter()
            .flat_map(|w| w.split('-'))
            .filter(|p| !p.is_empty())
            .map(|p| crate::text::lowercase(p).chars().collect())
            .collect()
    };
    (0..words.len())
        .find(|&start| spells(&letters, &parts(&words[start..])))
        .map(|start| words[start..].join(" "))
}

/// Each abbreviation `text` defines, with the name it stands for: `(short, long)`.
pub(crate) fn defined_in(text: &str) -> Vec<(String, String)> {
    marker()
        .captures_iter(text)
        .filter_map(|c| {
            let (whole, short) = (c.get(0)?, c.get(1)?);
            let short = abbreviation(short.as_str())?;
            let long = spelled_out(&text[..whole.start()], short)?;
            Some((short.to_string(), long))
        })
        .collect()
}

/// The key a query word and an abbreviation are compared by: folded, so «ахко» meets «АХҚО».
fn key(word: &str) -> Option<String> {
    let lower = crate::text::lowercase(word);
    let tokens = analyze(KK_LOOSE, &lower);
    match tokens.as_slice() {
        [t] => Some(t.text.clone()),
        _ => None,
    }
}

/// The spelled-out names found so far in one index generation, by query word.
#[derive(Debug, Default)]
struct Known(Mutex<FxHashMap<String, Vec<String>>>);

/// The names the corpus's acts spell out for `word` where they define it as an abbreviation,
/// at most [`MAX_FORMS`], the most often defined first. `find` makes the query of a word in the
/// text fields; the units read are those holding the word with «далее» or «бұдан әрі».
pub(crate) fn spelled_out_in_corpus(
    index: &Store,
    word: &str,
    find: &dyn Fn(&str) -> Option<Box<dyn TQuery>>,
) -> Vec<String> {
    let letters = word.chars().count();
    if !(2..=MAX_SHORT_LETTERS).contains(&letters) || !word.chars().all(char::is_alphabetic) {
        return Vec::new();
    }
    let Some(own) = key(word) else {
        return Vec::new();
    };
    let searcher = index.searcher();
    let known = match index.per_generation(&searcher, || Ok(Known::default())) {
        Ok(k) => k,
        Err(_) => return Vec::new(),
    };
    if let Some(found) = known
        .0
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .get(&own)
    {
        return found.clone();
    }
    let found = read_definitions(index, &searcher, word, &own, find).unwrap_or_else(|e| {
        log::warn!("the definitions of {word:?} cannot be read ({e}); searching without them");
        Vec::new()
    });
    known
        .0
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .insert(own, found.clone());
    found
}

fn read_definitions(
    index: &Store,
    searcher: &tantivy::Searcher,
    word: &str,
    own: &str,
    find: &dyn Fn(&str) -> Option<Box<dyn TQuery>>,
) -> crate::Result<Vec<String>> {
    let Some(word_q) = find(word) else {
        return Ok(Vec::new());
    };
    let leads: Vec<(Occur, Box<dyn TQuery>)> = ["далее", "бұдан"]
        .iter()
        .filter_map(|w| find(w))
        .map(|q| (Occur::Should, q))
        .collect();
    if leads.is_empty() {
        return Ok(Vec::new());
    }
    let q = BooleanQuery::new(vec![
        (Occur::Must, word_q),
        (Occur::Must, Box::new(BooleanQuery::new(leads))),
    ]);
    let f = index.fields();
    let mut counted: Vec<(String, usize)> = Vec::new();
    for (_, addr) in searcher.search(&q, &TopDocs::with_limit(MAX_UNITS))? {
        let doc = crate::index::stored::fetch(index, searcher, addr)?;
        for (short, long) in defined_in(doc.str(f.text)) {
            let last = short.split_whitespace().next_back().unwrap_or_default();
            if key(last).as_deref() != Some(own) {
                continue;
            }
            match counted.iter_mut().find(|(l, _)| *l == long) {
                Some((_, n)) => *n += 1,
                None => counted.push((long, 1)),
            }
        }
    }
    counted.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    Ok(counted
        .into_iter()
        .take(MAX_FORMS)
        .map(|(l, _)| l)
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(String, String)> {
        defined_in(text)
    }

    #[test]
    fn the_acts_definitions_give_the_names_they_shorten() {
        // The Kazakh texts of the bundled corpus, as they write them.
        assert_eq!(
            found("Қызметін \"Астана\" халықаралық қаржы орталығында (бұдан әрі – АХҚО) жүзеге"),
            [(
                "АХҚО".to_string(),
                "Астана халықаралық қаржы орталығында".to_string()
            )]
        );
        assert_eq!(
            found("мемлекеттік қызметті Қазақстан Республикасы Ұлттық қауіпсіздік комитеті (бұдан әрі – ҚР ҰҚК) көрсетеді"),
            [(
                "ҚР ҰҚК".to_string(),
                "Қазақстан Республикасы Ұлттық қауіпсіздік комитеті".to_string()
            )]
        );
        assert_eq!(
            found("Қазақстан Республикасы Ішкі істер министрлігінің (бұдан әрі – ІІМ) www.gov.kz"),
            [("ІІМ".to_string(), "Ішкі істер министрлігінің".to_string())]
        );
        // Letters from inside a word: «Евразийский» gives «ЕА».
        assert_eq!(
            found("товаров Евразийского экономического союза (далее – ЕАЭС)"),
            [(
                "ЕАЭС".to_string(),
                "Евразийского экономического союза".to_string()
            )]
        );
        // The whole name, not its tail that could spell the letters too.
        assert_eq!(
            found("присвоенный индивидуальный идентификационный номер (далее - ИИН)"),
            [(
                "ИИН".to_string(),
                "индивидуальный идентификационный номер".to_string()
            )]
        );
    }

    #[test]
    fn a_word_named_in_full_is_no_abbreviation() {
        assert!(
            found("по уходу за могилами по Алматинской области (далее – Правила) разработаны")
                .is_empty()
        );
        assert!(found(
            "отдел регистрации актов гражданского состояния (далее – регистрирующий орган)"
        )
        .is_empty());
        // Capitals that the words before do not spell.
        assert!(found("аумақтық полиция органдары (бұдан әрі – ҚР ІІМ)").is_empty());
        assert!(found("до 6 сантиметров (далее – см) на естественных").is_empty());
    }
}
