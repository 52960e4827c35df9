//! Abbreviations the acts define themselves. An act spells a name out once and shortens it
//! from there: «Қызметін "Астана" халықаралық қаржы орталығында (бұдан әрі – АХҚО)»,
//! «Евразийский экономический союз (далее – ЕАЭС)». A person asks with the short form; the
//! provisions of other acts (and the defining one itself) spell it out. A query word that an
//! act defines so also looks for the words it stands for, as a thesaurus alternative does.
//!
//! The definitions are read once, when a unit is indexed ([`index_terms`]), and a query word
//! looks its key up among them ([`spelled_out_in_corpus`]): a one-shot search pays no search
//! of its own for them. The common abbreviations no act in the corpus defines are listed in
//! `data/abbreviations.tsv` ([`crate::search::thesaurus::Thesaurus`]).

use crate::analysis::{analyze, KK_LOOSE};
use crate::index::Store;
use regex::Regex;
use std::sync::OnceLock;
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

/// `(далее – X)`, `(бұдан әрі – X)`, any dash (the hyphen, the en and em dashes, the minus,
/// the non-breaking hyphen), the words broken across lines, and «әрi» typed with a Latin i as
/// some acts print it.
fn marker() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"\((?i:далее|бұдан\s+әр[іi])\s*[-–—−‑]\s*([^()]{2,30})\)")
            .unwrap_or_else(|e| unreachable!("a fixed pattern: {e}"))
    })
}

/// A definitions item's term: «1) term – what it is», the item's number, the term, a dash.
fn item_term() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"^\s*\d+(?:-\d+)?\)\s+([^–—−;:.]{3,200}?)\s+[-–—−]\s")
            .unwrap_or_else(|e| unreachable!("a fixed pattern: {e}"))
    })
}

/// The name a definitions item's abbreviation stands for when the abbreviation closes the
/// item, after the definition («1) ақшаны уақытша орналастырудың қолма-қол ақшаны бақылау
/// шоты – … ашылатын шот (бұдан әрі – ҚБШ);», as the Kazakh acts write it): the item's term
/// from its last word opening with the abbreviation's first letter, when the terms' words
/// open with its letters in order (words between may be skipped: «ақшаны» of «ҚБШ») and its
/// last word with its last letter. The item is the line `before` ends on.
fn item_name(before: &str, letters: &[char]) -> Option<String> {
    let line = before.rsplit('\n').next()?;
    let term = item_term().captures(line)?.get(1)?.as_str();
    let words: Vec<&str> = term.split_whitespace().map(bare).collect();
    let first_letter = |w: &str| crate::text::lowercase(w).chars().next();
    let initials = |ws: &[&str]| -> Vec<char> {
        ws.iter()
            .flat_map(|w| w.split('-'))
            .filter_map(first_letter)
            .collect()
    };
    let (first, last) = (letters.first()?, letters.last()?);
    if words.last().and_then(|w| first_letter(w)) != Some(*last) {
        return None;
    }
    (0..words.len())
        .filter(|&i| first_letter(words[i]) == Some(*first))
        .find(|&i| {
            let mut wanted = letters.iter().peekable();
            for c in initials(&words[i..]) {
                if wanted.peek() == Some(&&c) {
                    wanted.next();
                }
            }
            wanted.peek().is_none()
        })
        .map(|i| words[i..].join(" "))
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
        .or_else(|| item_name(before, &letters))
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

/// Between an abbreviation's key and the name it stands for in a term of
/// [`crate::index::Fields::abbreviations`]: below every character a key or a name holds, so a
/// key's terms are one range of the dictionary.
const SEP: char = '\u{1}';
/// The character after [`SEP`]: the end of a key's range.
const SEP_END: char = '\u{2}';

/// The terms of [`crate::index::Fields::abbreviations`] for a unit's `text`: one per definition
/// it holds ([`defined_in`]), the key of the abbreviation's last word ([`key`]: «ҰҚК» of «ҚР
/// ҰҚК») and the name it stands for. A unit that defines a name twice has its term twice: the
/// term's frequency counts the definitions.
pub(crate) fn index_terms(text: &str) -> Vec<String> {
    defined_in(text)
        .into_iter()
        .filter_map(|(short, long)| {
            let last = short.split_whitespace().next_back()?;
            Some(format!("{}{SEP}{long}", key(last)?))
        })
        .collect()
}

/// The names the corpus's acts spell out for `word` where they define it as an abbreviation,
/// at most [`MAX_FORMS`], the most often defined first (counted over the definitions of every
/// live unit document). Read from the terms the index wrote for the definitions
/// ([`index_terms`]): a range of the term dictionary per segment, no unit read.
pub(crate) fn spelled_out_in_corpus(index: &Store, word: &str) -> Vec<String> {
    let letters = word.chars().count();
    if !(2..=MAX_SHORT_LETTERS).contains(&letters) || !word.chars().all(char::is_alphabetic) {
        return Vec::new();
    }
    let Some(own) = key(word) else {
        return Vec::new();
    };
    defined_as(index, &own).unwrap_or_else(|e| {
        log::warn!("the definitions of {word:?} cannot be read ({e}); searching without them");
        Vec::new()
    })
}

/// The names defined for the key `own`, counted: [`spelled_out_in_corpus`].
fn defined_as(index: &Store, own: &str) -> crate::Result<Vec<String>> {
    use tantivy::postings::Postings;
    use tantivy::schema::IndexRecordOption;
    use tantivy::{DocSet, TERMINATED};
    let (lo, hi) = (format!("{own}{SEP}"), format!("{own}{SEP_END}"));
    let searcher = index.searcher();
    let mut counted: Vec<(String, u32)> = Vec::new();
    for segment in searcher.segment_readers() {
        let inverted = segment.inverted_index(index.fields().abbreviations)?;
        let mut terms = inverted
            .terms()
            .range()
            .ge(lo.as_bytes())
            .lt(hi.as_bytes())
            .into_stream()?;
        while terms.advance() {
            let Some(long) = std::str::from_utf8(terms.key())
                .ok()
                .and_then(|k| k.strip_prefix(lo.as_str()))
            else {
                continue;
            };
            let mut postings = inverted
                .read_postings_from_terminfo(terms.value(), IndexRecordOption::WithFreqs)?;
            let mut n = 0;
            let mut doc = postings.doc();
            while doc != TERMINATED {
                if !segment.is_deleted(doc) {
                    n += postings.term_freq();
                }
                doc = postings.advance();
            }
            if n == 0 {
                continue;
            }
            match counted.iter_mut().find(|(l, _)| l == long) {
                Some((_, c)) => *c += n,
                None => counted.push((long.to_string(), n)),
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
    use crate::index::stored::StoredDoc;
    use crate::{BuildOptions, ZanIndex};
    use std::collections::BTreeSet;

    /// Most units the reader by search read for one word.
    const MAX_UNITS: usize = 20;

    /// The definitions of `word` read as search used to read them, before the index held
    /// them: the first [`MAX_UNITS`] units (by score) that hold the word beside «далее» or
    /// «бұдан әрі», their definitions of the word counted. Returns the names and how many
    /// units were read.
    fn read_by_search(index: &Store, word: &str) -> (Vec<String>, usize) {
        use tantivy::collector::TopDocs;
        use tantivy::query::{BooleanQuery, Occur, Query as TQuery};
        let find = |t: &str| crate::search::word_query::text_query(index, t);
        let own = key(word).unwrap();
        let word_q = find(word).unwrap();
        let leads: Vec<(Occur, Box<dyn TQuery>)> = ["далее", "бұдан"]
            .iter()
            .filter_map(|w| find(w))
            .map(|q| (Occur::Should, q))
            .collect();
        let q = BooleanQuery::new(vec![
            (Occur::Must, word_q),
            (Occur::Must, Box::new(BooleanQuery::new(leads))),
        ]);
        let searcher = index.searcher();
        let f = index.fields();
        let mut counted: Vec<(String, usize)> = Vec::new();
        let hits = searcher
            .search(&q, &TopDocs::with_limit(MAX_UNITS))
            .unwrap();
        for (_, addr) in &hits {
            let doc = crate::index::stored::fetch(index, &searcher, *addr).unwrap();
            for (short, long) in defined_in(doc.str(f.text)) {
                let last = short.split_whitespace().next_back().unwrap_or_default();
                if key(last).as_deref() != Some(own.as_str()) {
                    continue;
                }
                match counted.iter_mut().find(|(l, _)| *l == long) {
                    Some((_, n)) => *n += 1,
                    None => counted.push((long, 1)),
                }
            }
        }
        counted.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        let names = counted.into_iter().take(MAX_FORMS).map(|(l, _)| l);
        (names.collect(), hits.len())
    }

    /// Every word an abbreviation defined in `index` ends with, as a query word may be one.
    fn defined_words(index: &Store) -> BTreeSet<String> {
        let searcher = index.searcher();
        let f = index.fields();
        let mut words = BTreeSet::new();
        for (ord, segment) in searcher.segment_readers().iter().enumerate() {
            for doc in 0..segment.max_doc() {
                if segment.is_deleted(doc) {
                    continue;
                }
                let addr = tantivy::DocAddress::new(ord as u32, doc);
                let stored: StoredDoc = searcher.doc(addr).unwrap();
                for (short, _) in defined_in(stored.str(f.text)) {
                    if let Some(last) = short.split_whitespace().next_back() {
                        words.insert(last.to_string());
                    }
                }
            }
        }
        words
    }

    /// The names the index gives each abbreviation its acts define are the ones the search
    /// over their units found, on the bundled corpus and the mirror's fixtures: the same names
    /// in the same order (the mirror's fixtures define none as yet; were one to, it would be
    /// compared too).
    #[test]
    fn the_indexed_definitions_are_the_ones_search_read() {
        let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"));
        let mut compared = Vec::new();
        for corpus in ["corpus", "tests/fixtures/mirror"] {
            let dir = tempfile::tempdir().unwrap();
            let (index, report) = ZanIndex::open_or_build(
                root.join(corpus),
                dir.path().join("index"),
                &BuildOptions::default(),
            )
            .unwrap();
            assert!(report.failures.is_empty(), "{corpus}: {report:?}");
            let store = index.store();
            for word in defined_words(store) {
                let (old, read) = read_by_search(store, &word);
                let new = spelled_out_in_corpus(store, &word);
                let applies = (2..=MAX_SHORT_LETTERS).contains(&word.chars().count())
                    && word.chars().all(char::is_alphabetic);
                if !applies {
                    assert!(new.is_empty(), "{corpus}: {word}: {new:?}");
                    continue;
                }
                assert!(read < MAX_UNITS, "{corpus}: {word}: {read} units");
                assert_eq!(new, old, "{corpus}: {word}");
                assert!(!new.is_empty(), "{corpus}: {word}");
                compared.push(word);
            }
        }
        // Every abbreviation the bundled corpus defines («ҚР ІІМ» ends as «ІІМ» does).
        assert_eq!(compared, ["ІІД", "ІІМ", "АХҚО", "ЭҮТШ", "ҰҚК"]);
    }

    fn found(text: &str) -> Vec<(String, String)> {
        defined_in(text)
    }

    /// The names `word` stands for in the index at `idx` as it is now, and in an index built
    /// anew from `corpus`: a refresh answers what a fresh build answers.
    fn spelled_out_now(corpus: &std::path::Path, idx: &std::path::Path, word: &str) -> Vec<String> {
        let refreshed = ZanIndex::open(idx).unwrap();
        let got = spelled_out_in_corpus(refreshed.store(), word);
        let fresh = tempfile::tempdir().unwrap();
        let (built, _) =
            ZanIndex::open_or_build(corpus, fresh.path().join("index"), &BuildOptions::default())
                .unwrap();
        assert_eq!(got, spelled_out_in_corpus(built.store(), word), "{word}");
        got
    }

    /// A refresh that rewrites an act's definitions replaces the names they gave, and one that
    /// removes the act takes them away, while the other acts' definitions of the same
    /// abbreviation stay.
    #[test]
    fn a_refresh_follows_the_definitions_of_the_acts_it_rewrites() {
        let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"));
        let tmp = tempfile::tempdir().unwrap();
        let corpus = tmp.path().join("corpus");
        crate::test_support::copy_dir(&root.join("corpus"), &corpus);
        let idx = tmp.path().join("index");
        let opts = BuildOptions::default();
        crate::refresh(&corpus, &idx, &opts).unwrap();
        let names = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let (kk_astana, kk_committee) = (
            "Астана халықаралық қаржы орталығында",
            "Қазақстан Республикасы Ұлттық қауіпсіздік комитеті",
        );
        // 002 defines «ҚР ҰҚК» twice, in two cases, and «АХҚО» once, as 001 does.
        assert_eq!(
            spelled_out_now(&corpus, &idx, "ҰҚК"),
            names(&[
                kk_committee,
                "Қазақстан Республикасы Ұлттық қауіпсіздік комитетіне"
            ])
        );
        assert_eq!(
            spelled_out_now(&corpus, &idx, "АХҚО"),
            names(&[kk_astana, "Астана халықаралық қаржы орталығының"])
        );

        // One of 002's definitions now names another body.
        let act = corpus.join("002_5607aeb48d2f36af.txt");
        let text = std::fs::read_to_string(&act).unwrap();
        let was = "Ұлттық қауіпсіздік комитеті (бұдан әрі – ҚР ҰҚК)";
        assert_eq!(text.matches(was).count(), 1);
        let now = "Ұлттық қауіпсіздік кеңесі (бұдан әрі – ҚР ҰҚК)";
        std::fs::write(&act, text.replace(was, now)).unwrap();
        let r = crate::refresh(&corpus, &idx, &opts).unwrap();
        assert!(!r.rebuilt && r.updated.len() == 1, "{r:?}");
        assert_eq!(
            spelled_out_now(&corpus, &idx, "ҰҚК"),
            names(&[
                "Қазақстан Республикасы Ұлттық қауіпсіздік кеңесі",
                "Қазақстан Республикасы Ұлттық қауіпсіздік комитетіне"
            ])
        );

        // 002 goes: its definitions go with it, 001's stays.
        std::fs::remove_file(&act).unwrap();
        let r = crate::refresh(&corpus, &idx, &opts).unwrap();
        assert!(!r.rebuilt && r.removed.len() == 1, "{r:?}");
        assert!(spelled_out_now(&corpus, &idx, "ҰҚК").is_empty());
        assert_eq!(spelled_out_now(&corpus, &idx, "АХҚО"), names(&[kk_astana]));
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

    /// An abbreviation defined inside a definitions article, the term shortened before its
    /// definition («2) … (далее – ФАСТИ) – …»), as the Government's Rules on deposit premiums
    /// write it in both languages.
    #[test]
    fn a_definitions_item_gives_the_name_it_shortens() {
        assert_eq!(
            found("   2) финансовая автоматизированная система транспорта информации (далее – ФАСТИ) – специальный электронный канал связи"),
            [(
                "ФАСТИ".to_string(),
                "финансовая автоматизированная система транспорта информации".to_string()
            )]
        );
        assert_eq!(
            found("   2) қаржылық автоматтандырылған ақпарат тасымалдау жүйесі (бұдан әрі – ҚААТЖ) – «Қазақстан Республикасы Ұлттық Банкінің"),
            [(
                "ҚААТЖ".to_string(),
                "қаржылық автоматтандырылған ақпарат тасымалдау жүйесі".to_string()
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

    /// The Kazakh text of an act of `evals/corpus`.
    fn eval_act(path: &str) -> String {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("evals/corpus");
        std::fs::read_to_string(root.join(path)).unwrap()
    }

    #[test]
    fn a_kazakh_definitions_item_closed_by_its_abbreviation_gives_its_term() {
        // The Minister of Justice's Rules on money collected from debtors: the item defines
        // «қолма-қол ақшаны бақылау шоты» and closes with «(бұдан әрі – ҚБШ)» after the
        // definition, whose last words («қолма-қол ақшабақылау шоты») do not spell it.
        let text = eval_act("ministerial/07-ministerial/103001000000-adilet/2026/0811-ob-utverzhdenii-pravil-i-srokov-perechisleniia-deneg-vzyskannykh-228756/kaz.md");
        let defined = found(&text);
        assert!(
            defined.contains(&(
                "ҚБШ".to_string(),
                "қолма-қол ақшаны бақылау шоты".to_string()
            )),
            "{defined:?}"
        );
        // The Government's Rules on minimal wholesale prices: «әлеуметтік маңызы бар азық-түлік
        // тауарлары» (ӘМАТ), whose definition ends on other words.
        let text = eval_act("government/06-government/103-pravitelstvo/2023/0328-ob-utverzhdenii-pravil-ustanovleniia-minimalnoi-optovoi-tseny-na-179416/kaz.md");
        assert!(found(&text).contains(&(
            "ӘМАТ".to_string(),
            "әлеуметтік маңызы бар азық-түлік тауарлары".to_string()
        )));
        // An item whose term does not open with the letters is not read.
        assert!(
            found("   1) ақша шоты – қазынашылықта ашылатын шот (бұдан әрі – ҚБШ);").is_empty()
        );
    }

    #[test]
    fn a_kazakh_marker_in_its_other_spellings() {
        // «әрi» with a Latin i, a hyphen or a minus for the dash, the words across a line break.
        for text in [
            "Қазақстан Республикасы Ұлттық қауіпсіздік комитеті (бұдан әрi – ҚР ҰҚК) көрсетеді",
            "Қазақстан Республикасы Ұлттық қауіпсіздік комитеті (бұдан әрі - ҚР ҰҚК) көрсетеді",
            "Қазақстан Республикасы Ұлттық қауіпсіздік комитеті (бұдан әрі − ҚР ҰҚК) көрсетеді",
            "Қазақстан Республикасы Ұлттық қауіпсіздік комитеті (бұдан\nәрі –\nҚР ҰҚК) көрсетеді",
        ] {
            assert_eq!(
                found(text),
                [(
                    "ҚР ҰҚК".to_string(),
                    "Қазақстан Республикасы Ұлттық қауіпсіздік комитеті".to_string()
                )],
                "{text}"
            );
        }
    }
}
