//! The thesaurus: words people use beside the words the law uses (арыз / өтініш, пәтер /
//! тұрғын үй, уволить / расторжение трудового договора).
//!
//! The groups are a plain data file compiled in, `data/thesaurus.tsv`, each line with its
//! source; nothing is fetched at run time. A query word, or two or three words side by side,
//! that are a member of a group also find the group's other members; search ranks those
//! matches below the word's own (exact and stem) matches. Members are compared by their
//! analyzed stems: Kazakh by the folded stems of the loose analyzer (so a member also matches
//! when typed without Kazakh letters or in Latin), Russian by the Snowball stems.
//!
//! Three files are met one way, by their first members only: the abbreviations
//! (`data/abbreviations.tsv`), the clipped words (`data/clippings.tsv`: «нацбанк»,
//! «упрощенка») and the question words (`data/question_words.tsv`: the verb a
//! question asks with, «возглавляет», «басқарады», «берутся», beside the law's words for the
//! answer, «председатель», «төраға», «за счет»).

use crate::analysis::{analyze, KK_LOOSE, RU_STEM};
use rustc_hash::FxHashMap;
use std::sync::OnceLock;

/// The compiled-in groups.
const BUILTIN: &str = include_str!("../../data/thesaurus.tsv");
/// The compiled-in abbreviations, in the same format: each abbreviation with its expansion in
/// the law's words («мрп | месячный расчетный показатель»).
const ABBREVIATIONS: &str = include_str!("../../data/abbreviations.tsv");
/// The compiled-in clippings, in the same format: each clipped compound or word of speech with
/// the law's full form («нацбанк | национальный банк»), met one way as the abbreviations are.
const CLIPPINGS: &str = include_str!("../../data/clippings.tsv");
/// The compiled-in question words, in the same format: each word a question asks with (the
/// verb of «кто возглавляет комиссию», the everyday noun of «какие бумаги») with the law's
/// words for what answers it («председатель», «документы»), met one way.
const QUESTION_WORDS: &str = include_str!("../../data/question_words.tsv");
/// The keys ([`key`]) of the members of the four files, `lang <TAB> member <TAB> key` a line,
/// as the analyzers make them: stemming some 1,100 members is a sixth of a one-shot `zanlex
/// search`, so they are made once, by the test `the_key_table_is_current` (which rewrites the
/// file when `ZANLEX_WRITE_KEYS=1` is set), not in every process. A member the table lacks (a
/// line added to a data file since) has its key made when read, as before.
const BUILTIN_KEYS: &str = include_str!("../../data/thesaurus_keys.tsv");

/// Longest member matched in a query, in words.
const MAX_MEMBER_WORDS: usize = 3;

/// Groups of interchangeable expressions.
#[derive(Debug, Default)]
pub struct Thesaurus {
    /// Each group's members as written, each with its key ([`key`]), computed once.
    groups: Vec<Vec<(String, String)>>,
    /// A member's key ([`key`]) → the groups it is in.
    by_key: FxHashMap<String, Vec<usize>>,
    /// The groups and keys made at build time, read in place of the two above (empty then).
    compiled: Option<&'static Compiled>,
}

/// A thesaurus written as Rust statics at build time (`build/thesaurus.rs`), from the data
/// files and the key table: parsing them into maps is a tenth of a one-shot search.
#[derive(Debug)]
struct Compiled {
    /// Each group's members as written, each with its key.
    groups: &'static [&'static [(&'static str, &'static str)]],
    /// Each key with the groups it is in, sorted by key.
    by_key: &'static [(&'static str, &'static [usize])],
}

// `COMPILED_BUILTIN` and `COMPILED_LISTED`, `None` when the key table lacks a member.
include!(concat!(env!("OUT_DIR"), "/thesaurus.rs"));

/// Where a query's words meet a group: `len` words from `start`, and what else to look for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expansion {
    /// The index of the first query word.
    pub start: usize,
    /// How many query words the member spans.
    pub len: usize,
    /// The other members of its groups, as written.
    pub alternatives: Vec<String>,
}

/// A line of the data file that cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("thesaurus line {line}: {reason}")]
pub struct BadLine {
    /// 1-based line number.
    pub line: usize,
    /// What is wrong.
    pub reason: String,
}

/// The key of `text` in a language: its stems joined by spaces (`None` when the analyzer
/// keeps no word of it).
fn key(lang: &str, text: &str) -> Option<String> {
    let analyzer = if lang == "ru" { RU_STEM } else { KK_LOOSE };
    let stems: Vec<String> = analyze(analyzer, &crate::text::lowercase(text))
        .into_iter()
        .map(|t| t.text)
        .collect();
    (!stems.is_empty()).then(|| format!("{lang}:{}", stems.join(" ")))
}

impl Thesaurus {
    /// Reads groups from the TSV format of `data/thesaurus.tsv`: `lang`, members separated by
    /// ` | `, source; `#` comments and the header line are skipped.
    pub fn parse(tsv: &str) -> Result<Thesaurus, BadLine> {
        Thesaurus::parse_keyed(tsv, builtin_keys())
    }

    /// [`Thesaurus::parse`], each member's key taken from `known` when it is there, made by
    /// the analyzers otherwise.
    fn parse_keyed(tsv: &str, known: &KeyTable) -> Result<Thesaurus, BadLine> {
        let mut t = Thesaurus::default();
        for (n, line) in tsv.lines().enumerate() {
            let bad = |reason: &str| BadLine {
                line: n + 1,
                reason: reason.to_string(),
            };
            if line.trim().is_empty() || line.starts_with('#') || line.starts_with("lang\t") {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            let [lang, members, source] = cols.as_slice() else {
                return Err(bad(
                    "expected 3 tab-separated columns: lang, members, source",
                ));
            };
            if !matches!(*lang, "kk" | "ru") {
                return Err(bad("lang must be kk or ru"));
            }
            if source.trim().is_empty() {
                return Err(bad("every group names its source"));
            }
            let members: Vec<(String, String)> = members
                .split('|')
                .map(str::trim)
                .filter(|m| !m.is_empty())
                .map(|m| {
                    let k = match known.get(&(*lang, m)) {
                        Some(k) => k.to_string(),
                        None => key(lang, m).ok_or_else(|| bad(&format!("{m:?} has no word")))?,
                    };
                    Ok((m.to_string(), k))
                })
                .collect::<Result<_, BadLine>>()?;
            if members.len() < 2 {
                return Err(bad("a group needs two members or more"));
            }
            let group = t.groups.len();
            for (_, k) in &members {
                let groups = t.by_key.entry(k.clone()).or_default();
                if !groups.contains(&group) {
                    groups.push(group);
                }
            }
            t.groups.push(members);
        }
        Ok(t)
    }

    /// The thesaurus compiled in from `data/thesaurus.tsv`, `data/abbreviations.tsv` and
    /// `data/clippings.tsv` and `data/question_words.tsv` (their tests keep them readable).
    pub fn builtin() -> &'static Thesaurus {
        static BUILT: OnceLock<Thesaurus> = OnceLock::new();
        BUILT.get_or_init(|| {
            if let Some(compiled) = &COMPILED_BUILTIN {
                return Thesaurus::from(compiled);
            }
            let mut t = Thesaurus::parse(BUILTIN).unwrap_or_default();
            for one_way in [ABBREVIATIONS, CLIPPINGS, QUESTION_WORDS] {
                if let Ok(read) = Thesaurus::parse(one_way) {
                    t.append(read.one_way());
                }
            }
            t
        })
    }

    /// The thesaurus read from statics made at build time.
    fn from(compiled: &'static Compiled) -> Thesaurus {
        Thesaurus {
            compiled: Some(compiled),
            ..Thesaurus::default()
        }
    }

    /// How many groups there are.
    fn len(&self) -> usize {
        self.compiled.map_or(self.groups.len(), |c| c.groups.len())
    }

    /// Group `g`'s members as written, each with its key.
    fn members(&self, g: usize) -> impl Iterator<Item = (&str, &str)> {
        let compiled: &[(&str, &str)] = self
            .compiled
            .and_then(|c| c.groups.get(g).copied())
            .unwrap_or_default();
        let parsed: &[(String, String)] = match self.compiled {
            Some(_) => &[],
            None => self.groups.get(g).map_or(&[][..], Vec::as_slice),
        };
        let parsed = parsed.iter().map(|(m, k)| (m.as_str(), k.as_str()));
        compiled.iter().copied().chain(parsed)
    }

    /// The groups a member whose key is `key` is in.
    fn groups_of(&self, key: &str) -> &[usize] {
        match self.compiled {
            Some(c) => c
                .by_key
                .binary_search_by(|(k, _)| (*k).cmp(key))
                .map_or(&[], |i| c.by_key[i].1),
            None => self.by_key.get(key).map_or(&[], Vec::as_slice),
        }
    }

    /// True when `word` (lowercase) is one of the members as written: «иин», «мрп».
    pub fn has_member(&self, word: &str) -> bool {
        (0..self.len()).any(|g| self.members(g).any(|(m, _)| m == word))
    }

    /// These groups met only by their first members: an abbreviation finds its expansion, a
    /// question's word the law's words for the answer, and a query in the law's words stays in
    /// them.
    fn one_way(mut self) -> Thesaurus {
        self.by_key.clear();
        for (g, members) in self.groups.iter().enumerate() {
            if let Some((_, k)) = members.first() {
                let groups = self.by_key.entry(k.clone()).or_default();
                if !groups.contains(&g) {
                    groups.push(g);
                }
            }
        }
        self
    }

    /// Adds `other`'s groups to these.
    fn append(&mut self, other: Thesaurus) {
        let offset = self.groups.len();
        for (k, groups) in other.by_key {
            let own = self.by_key.entry(k).or_default();
            own.extend(groups.into_iter().map(|g| g + offset));
        }
        self.groups.extend(other.groups);
    }

    /// The groups' members met in `words` (a query's words in order), longest first and not
    /// overlapping, each with the other members of its groups.
    pub fn expansions<S: AsRef<str>>(&self, words: &[S]) -> Vec<Expansion> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < words.len() {
            let found = (1..=MAX_MEMBER_WORDS.min(words.len() - i))
                .rev()
                .find_map(|len| {
                    let window: Vec<&str> = words[i..i + len].iter().map(AsRef::as_ref).collect();
                    let alternatives = self.alternatives_of(&window);
                    (!alternatives.is_empty()).then_some((len, alternatives))
                });
            match found {
                Some((len, alternatives)) => {
                    out.push(Expansion {
                        start: i,
                        len,
                        alternatives,
                    });
                    i += len;
                }
                None => i += 1,
            }
        }
        out
    }

    /// The other members of the groups the words `window` say together are a member of, in
    /// either language. A window that begins or ends with a word the language's analyzer drops
    /// (a preposition: «в магазин») is not a member: its word would join the member's clause
    /// as a word the unit must have.
    fn alternatives_of(&self, window: &[&str]) -> Vec<String> {
        let edges_kept = |lang: &str| {
            [window.first(), window.last()]
                .into_iter()
                .flatten()
                .all(|w| key(lang, w).is_some())
        };
        let text = window.join(" ");
        let mut out: Vec<String> = Vec::new();
        for lang in ["kk", "ru"] {
            if window.len() > 1 && !edges_kept(lang) {
                continue;
            }
            let Some(own) = key(lang, &text) else {
                continue;
            };
            for &g in self.groups_of(&own) {
                for (m, k) in self.members(g) {
                    if k != own && !out.iter().any(|o| o == m) {
                        out.push(m.to_string());
                    }
                }
            }
        }
        out
    }
}

/// Members' keys by language and member as written.
type KeyTable = FxHashMap<(&'static str, &'static str), &'static str>;

/// The table of [`BUILTIN_KEYS`]; a line that is not three columns is left out (its member's
/// key is then made when read).
fn builtin_keys() -> &'static KeyTable {
    static TABLE: OnceLock<KeyTable> = OnceLock::new();
    TABLE.get_or_init(|| {
        BUILTIN_KEYS
            .lines()
            .filter_map(|line| {
                let (lang, rest) = line.split_once('\t')?;
                let (member, key) = rest.split_once('\t')?;
                Some(((lang, member), key))
            })
            .collect()
    })
}

/// The expansions `data/abbreviations.tsv` gives `word` when it is one of its abbreviations
/// («аппк» → «административный процедурно-процессуальный кодекс»), in any case; none for any
/// other word.
pub(crate) fn spelled_out_listed(word: &str) -> Vec<String> {
    static LISTED: OnceLock<Thesaurus> = OnceLock::new();
    LISTED
        .get_or_init(|| {
            if let Some(compiled) = &COMPILED_LISTED {
                return Thesaurus::from(compiled);
            }
            Thesaurus::parse(ABBREVIATIONS)
                .map(Thesaurus::one_way)
                .unwrap_or_default()
        })
        .alternatives_of(&[word])
}

/// The examples of this module's items, run as unit tests (the items are not public).
#[cfg(test)]
mod doc_examples {
    #[test]
    fn thesaurus_parse() {
        use crate::search::thesaurus::Thesaurus;
        let t = Thesaurus::parse("kk\tарыз | өтініш\teveryday\n").unwrap();
        let found = t.expansions(&["арызды", "қайда", "беремін"]);
        assert_eq!(found[0].alternatives, ["өтініш"]);
    }
}

/// The writer of the statics, `build.rs`'s.
#[cfg(test)]
#[path = "../../build/thesaurus.rs"]
mod generator;

#[cfg(test)]
mod tests {
    use super::*;

    /// Every alternative the thesaurus gives for the query `words`.
    fn alternatives(t: &Thesaurus, words: &[&str]) -> Vec<String> {
        t.expansions(words)
            .into_iter()
            .flat_map(|e| e.alternatives)
            .collect()
    }

    #[test]
    fn builtin_file_reads_whole() {
        let t = Thesaurus::parse(BUILTIN).expect("data/thesaurus.tsv is well formed");
        assert!(t.groups.len() >= 300, "{} groups", t.groups.len());
        let q = Thesaurus::parse(QUESTION_WORDS).expect("data/question_words.tsv is well formed");
        assert!(q.groups.len() >= 10, "{} question words", q.groups.len());
        let a = Thesaurus::parse(ABBREVIATIONS).expect("data/abbreviations.tsv is well formed");
        assert!(a.groups.len() >= 100, "{} abbreviations", a.groups.len());
        // Each group opens with its abbreviation: one word, no longer than its expansion.
        for g in &a.groups {
            let (short, _) = &g[0];
            assert!(!short.contains(' '), "{short}");
            assert!(
                g[1..].iter().any(|(m, _)| m.contains([' ', '-'])),
                "{short}"
            );
        }
    }

    /// Each clipping opens its group as one word, the law's full form has more, and no
    /// clipping is a member of the thesaurus or the abbreviations already: one place for each.
    #[test]
    fn clippings_file_reads_whole_and_repeats_no_member() {
        let c = Thesaurus::parse(CLIPPINGS).expect("data/clippings.tsv is well formed");
        assert!(c.groups.len() >= 11, "{} clippings", c.groups.len());
        let others: Vec<Thesaurus> = [BUILTIN, ABBREVIATIONS]
            .iter()
            .map(|tsv| Thesaurus::parse(tsv).expect("well formed"))
            .collect();
        for g in &c.groups {
            let (short, key) = &g[0];
            assert!(!short.contains(' '), "{short}");
            assert!(g[1..].iter().any(|(m, _)| m.contains(' ')), "{short}");
            for t in &others {
                assert!(!t.by_key.contains_key(key), "{short} is listed already");
            }
        }
    }

    /// A clipping finds the law's full form, in the language of the line, and one way only: the
    /// full form does not bring the clipping.
    #[test]
    fn clippings_find_the_laws_full_form() {
        let t = Thesaurus::builtin();
        let alts = |words: &[&str]| alternatives(t, words);
        for (words, law) in [
            (&["нацбанк"][..], "национальный банк"),
            (&["нацбанка"][..], "национальный банк"),
            (&["нацбанк"][..], "ұлттық банк"),
            (&["минюст"][..], "министерство юстиции"),
            (&["минюста"][..], "министерство юстиции"),
            (&["минюст"][..], "әділет министрлігі"),
            (
                &["упрощенку"][..],
                "специальный налоговый режим на основе упрощенной декларации",
            ),
            (&["упрощенка"][..], "оңайлатылған декларация"),
            (&["соцвыплаты"][..], "социальные выплаты"),
            (&["соцвыплаты"][..], "әлеуметтік төлемдер"),
            (
                &["минтруд"][..],
                "министерство труда и социальной защиты населения",
            ),
            (&["минздрав"][..], "денсаулық сақтау министрлігі"),
        ] {
            assert!(alts(words).contains(&law.to_string()), "{words:?}: {law}");
        }
        assert!(!alts(&["национальный", "банк"]).contains(&"нацбанк".to_string()));
        assert!(!alts(&["министерство", "юстиции"]).contains(&"минюст".to_string()));
    }

    /// A person's word for a thing, a party or an act finds the law's word an act ties it to
    /// (its definition, its use, its state-language twin), in the question's inflected form,
    /// and one way only: the law's word does not bring the person's.
    #[test]
    fn a_persons_word_finds_the_laws_word_one_way() {
        let t = Thesaurus::builtin();
        let alts = |words: &[&str]| alternatives(t, words);
        for (words, law) in [
            (&["жалобу"][..], "обращение"),
            (&["шағымды"][..], "өтініш"),
            (&["шарты"][..], "мәміле"),
            (&["детдоме"][..], "детский дом"),
            (&["назвать"][..], "присвоение"),
            (&["частной", "фирме"][..], "негосударственная организация"),
            (&["дискриминация"][..], "ущемление"),
            (&["кемсітушілік"][..], "кемсіту"),
            (&["маске"][..], "распознавание лица"),
            (&["бетпердемен"][..], "бет-әлпетін тану"),
            (&["спонсировать"][..], "финансирование"),
            (&["купаться"][..], "купание"),
            (&["шомылуға"][..], "ортақ су пайдалану"),
        ] {
            assert!(alts(words).contains(&law.to_string()), "{words:?}: {law}");
        }
        for (words, person) in [
            (&["обращение"][..], "жалоба"),
            (&["мәміле"][..], "шарт"),
            (&["финансирование"][..], "спонсировать"),
        ] {
            assert!(
                !alts(words).contains(&person.to_string()),
                "{words:?}: {person}"
            );
        }
    }

    #[test]
    fn abbreviations_find_their_expansions() {
        let t = Thesaurus::builtin();
        let alts = |words: &[&str]| alternatives(t, words);
        assert!(alts(&["МРП"]).contains(&"месячный расчетный показатель".to_string()));
        assert!(alts(&["ЖСО"]).contains(&"жеке сот орындаушысы".to_string()));
        // The war the veterans' law names, by its short name.
        assert!(alts(&["ВОВ"]).contains(&"великая отечественная война".to_string()));
        // Typed without Kazakh letters, as the query's other words are.
        assert!(alts(&["мамс"]).contains(&"міндетті әлеуметтік медициналық сақтандыру".to_string()));
        // The expansion does not bring the abbreviation: a query in the law's words stays in
        // them.
        assert!(!alts(&["частного", "судебного", "исполнителя"]).contains(&"чси".to_string()));
        assert!(!alts(&["тұрақты", "тұру"]).contains(&"тұрақты тұрғылықты жер".to_string()));
        // The thesaurus's own groups stay.
        assert!(alts(&["арызын"]).contains(&"өтініш".to_string()));
        // Measures, bodies and codes by the short names people type, in both languages.
        for (words, law) in [
            (&["МЗП"][..], "минимальный размер месячной заработной платы"),
            (&["МЗП"][..], "айлық жалақының ең төмен мөлшері"),
            (&["ЕТЖ"][..], "айлық жалақының ең төмен мөлшері"),
            (&["МИД"][..], "министерство иностранных дел"),
            (&["МИД"][..], "сыртқы істер министрлігі"),
            (&["ӘҚБтК"][..], "әкімшілік құқық бұзушылық туралы кодекс"),
            (&["КоАП"][..], "әкімшілік құқық бұзушылық туралы кодекс"),
            (&["ГПК"][..], "азаматтық процестік кодекс"),
            (&["ЦИК"][..], "центральная избирательная комиссия"),
            (&["ОСК"][..], "орталық сайлау комиссиясы"),
            (&["ГФСС"][..], "мемлекеттік әлеуметтік сақтандыру қоры"),
        ] {
            assert!(alts(words).contains(&law.to_string()), "{words:?}: {law}");
        }
        // The e-government portal, by its Cyrillic nickname and by its address typed in Latin.
        for (word, portal) in [
            ("егов", "веб-портал электронного правительства"),
            ("egov", "электрондық үкіметтің веб-порталы"),
        ] {
            assert!(alts(&[word]).contains(&portal.to_string()), "{word}");
        }
    }

    #[test]
    fn a_questions_words_reach_the_laws_words_for_the_answer() {
        let t = Thesaurus::builtin();
        let alts = |words: &[&str]| alternatives(t, words);
        for (words, law) in [
            // Who heads: the law names the chairman, the head.
            (&["возглавляет", "комиссию"][..], "председатель"),
            (&["руководит", "заседаниями"][..], "председательствует"),
            (&["комиссияны", "басқарады"][..], "төраға"),
            (&["комиссияны", "баскарады"][..], "төрағалық етеді"),
            // Where the money comes from.
            (&["берутся", "деньги"][..], "за счет"),
            (
                &["қордың", "қаржысы", "алынады"][..],
                "есебінен қалыптастырылады",
            ),
            (&["қаражаты", "алынады"][..], "бюджет есебінен"),
            // Everyday papers and sending them.
            (&["бумаги"][..], "документы"),
            (&["отправить", "бумаги"][..], "представить"),
            (&["қағаздарды"][..], "құжат"),
        ] {
            assert!(alts(words).contains(&law.to_string()), "{words:?}: {law}");
        }
        // One way: the law's words stay in them.
        for (words, asked) in [
            (&["председатель", "комиссии"][..], "возглавлять"),
            (&["комиссия", "төрағасы"][..], "басқарады"),
            (&["документы"][..], "бумаги"),
            (&["құжаттар"][..], "қағаз"),
            (&["за", "счет"][..], "берутся"),
        ] {
            assert!(
                !alts(words).contains(&asked.to_string()),
                "{words:?}: {asked}"
            );
        }
        // «алынады» alone (a visa, a permit) is not a question of money, nor is getting money
        // («ақша алсам»: paid for something); sending letters is not presenting documents.
        assert!(!alts(&["виза", "алынады"]).contains(&"қаражаты есебінен".to_string()));
        assert!(!alts(&["ақша", "алсам"]).contains(&"қаражаты есебінен".to_string()));
        assert!(!alts(&["отправлять", "письма"]).contains(&"представлять".to_string()));
    }

    #[test]
    fn everyday_words_of_each_area_meet_the_laws_terms() {
        let t = Thesaurus::builtin();
        let alts = |words: &[&str]| alternatives(t, words);
        for (words, law) in [
            (&["подъезде"][..], "места общего пользования"),
            (&["подъезд"][..], "ортақ пайдаланылатын орындар"),
            (&["сдохла"][..], "падеж"),
            (&["оралмандар"][..], "қандас"),
            (&["оралманы"][..], "кандас"),
            (&["больничный"][..], "лист временной нетрудоспособности"),
            (&["больничный"][..], "еңбекке уақытша жарамсыздық парағы"),
            (&["штрафстоянку"][..], "специальная стоянка"),
            (&["акимат"][..], "местный исполнительный орган"),
            (&["водительские", "права"][..], "водительское удостоверение"),
            // Speech's shortenings: «прописка», «гос-», «мед-», «пенсионка».
            (&["прописку"][..], "регистрация по месту жительства"),
            (&["госорганы"][..], "государственные органы"),
            (&["госпошлину"][..], "государственная пошлина"),
            (
                &["загранпаспорт"][..],
                "паспорт гражданина республики казахстан",
            ),
            (
                &["загранпаспорт"][..],
                "қазақстан республикасы азаматының паспорты",
            ),
            (&["пенсионку"][..], "пенсионные накопления"),
            (&["пенсионка"][..], "зейнетақы жинақтары"),
            (
                &["увольнение", "по", "собственному"][..],
                "расторжение трудового договора по инициативе работника",
            ),
            (&["медосмотр"][..], "медицинский осмотр"),
            (&["военник"][..], "әскери билет"),
            (&["меморган"][..], "мемлекеттік органдар"),
        ] {
            assert!(alts(words).contains(&law.to_string()), "{words:?}: {law}");
        }
        // A preposition before the member is not part of it: «в магазин» is «магазин».
        let e = t.expansions(&["с", "собакой", "в", "магазин"]);
        assert_eq!(e.len(), 1, "{e:?}");
        assert_eq!((e[0].start, e[0].len), (3, 1));
        // A word of a group of speech is not a general word of the law: «права» alone (rights)
        // does not bring the driving licence.
        assert!(!alts(&["права"]).contains(&"водительское удостоверение".to_string()));
        // Nor does «собственности» (property) bring resigning of one's own will.
        assert!(!alts(&["права", "собственности"])
            .contains(&"расторжение трудового договора по инициативе работника".to_string()));
    }

    #[test]
    fn members_meet_in_any_inflection_and_spelling() {
        let t = Thesaurus::builtin();
        let alts = |words: &[&str]| alternatives(t, words);
        assert!(alts(&["арызын"]).contains(&"өтініш".to_string()));
        // Typed without Kazakh letters.
        assert!(alts(&["патер"]).contains(&"тұрғын үй".to_string()));
        // Two words as one member; the rest of the query untouched.
        let e = t.expansions(&["рұқсаттан", "бас", "тартса", "қайда"]);
        assert_eq!(e.len(), 1, "{e:?}");
        assert_eq!((e[0].start, e[0].len), (1, 2));
        assert!(e[0].alternatives.contains(&"қабылдамау".to_string()));
        // Russian by Snowball stems.
        assert!(alts(&["уволили"]).contains(&"расторжение трудового договора".to_string()));
        assert!(alts(&["квартиру"]).contains(&"жилище".to_string()));
        assert!(alts(&["визаны", "ұзарту"]).contains(&"келуге рұқсат".to_string()));
        assert!(alts(&["тұрақты"]).is_empty());
    }

    /// [`BUILTIN_KEYS`] as the analyzers make it now from the three data files: each member once,
    /// in the files' order.
    fn key_table() -> String {
        let mut seen = rustc_hash::FxHashSet::default();
        let mut out = String::from(
            "# Made from thesaurus.tsv, abbreviations.tsv, clippings.tsv and question_words.tsv by the\n\
             # analyzers; do not edit: see BUILTIN_KEYS in src/search/thesaurus.rs. lang <TAB> member <TAB> key.\n",
        );
        for tsv in [BUILTIN, ABBREVIATIONS, CLIPPINGS, QUESTION_WORDS] {
            let t = Thesaurus::parse_keyed(tsv, &KeyTable::default())
                .expect("the data files are well formed");
            for members in &t.groups {
                for (m, k) in members {
                    // A key opens with its language ([`key`]).
                    let lang = k.split_once(':').map_or("", |(lang, _)| lang);
                    if seen.insert((lang.to_string(), m.clone())) {
                        out.push_str(&format!("{lang}\t{m}\t{k}\n"));
                    }
                }
            }
        }
        out
    }

    #[test]
    fn the_key_table_is_current() {
        let made = key_table();
        if std::env::var_os("ZANLEX_WRITE_KEYS").is_some() {
            let path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/thesaurus_keys.tsv");
            std::fs::write(path, &made).expect("data/thesaurus_keys.tsv written");
            return;
        }
        assert!(
            made == BUILTIN_KEYS,
            "data/thesaurus_keys.tsv is not what the analyzers make of the data files now: \
             rewrite it with `ZANLEX_WRITE_KEYS=1 cargo test --release --lib \
             search::thesaurus::tests::the_key_table_is_current`"
        );
    }

    #[test]
    fn the_key_table_gives_the_keys_reading_makes() {
        // Read with the table, read without it, and with a table that lacks most members (a
        // data file edited since the table was made): the same groups, the same keys.
        let known = builtin_keys();
        let stale: KeyTable = known.iter().step_by(3).map(|(k, v)| (*k, *v)).collect();
        for tsv in [BUILTIN, ABBREVIATIONS, CLIPPINGS, QUESTION_WORDS] {
            let plain = Thesaurus::parse_keyed(tsv, &KeyTable::default()).expect("well formed");
            for table in [known, &stale] {
                let keyed = Thesaurus::parse_keyed(tsv, table).expect("well formed");
                assert_eq!(keyed.groups, plain.groups);
                assert_eq!(keyed.by_key, plain.by_key);
            }
        }
        assert!(known.len() >= 1000, "{} keys", known.len());
    }

    /// The thesaurus as read without the statics or the key table: each file parsed, the
    /// abbreviations met one way.
    fn read(files: &[(&str, bool)]) -> Thesaurus {
        let mut t = Thesaurus::default();
        for &(tsv, one_way) in files {
            let read = Thesaurus::parse_keyed(tsv, &KeyTable::default()).expect("well formed");
            t.append(if one_way { read.one_way() } else { read });
        }
        t
    }

    #[test]
    fn the_compiled_thesaurus_reads_as_the_files_do() {
        let cases = [
            (
                &COMPILED_BUILTIN,
                read(&[
                    (BUILTIN, false),
                    (ABBREVIATIONS, true),
                    (CLIPPINGS, true),
                    (QUESTION_WORDS, true),
                ]),
            ),
            (&COMPILED_LISTED, read(&[(ABBREVIATIONS, true)])),
        ];
        for (compiled, plain) in cases {
            let compiled = Thesaurus::from(compiled.as_ref().expect("the key table is current"));
            assert_eq!(compiled.len(), plain.len());
            for g in 0..plain.len() {
                let members: Vec<(&str, &str)> = compiled.members(g).collect();
                assert_eq!(members, plain.members(g).collect::<Vec<_>>(), "group {g}");
            }
            let c = compiled.compiled.expect("compiled");
            assert_eq!(c.by_key.len(), plain.by_key.len());
            for (k, groups) in &plain.by_key {
                assert_eq!(compiled.groups_of(k), groups.as_slice(), "{k}");
            }
        }
        assert!(std::ptr::eq(
            Thesaurus::builtin().compiled.expect("compiled"),
            COMPILED_BUILTIN.as_ref().expect("compiled")
        ));
    }

    /// A key table lacking a member, or a line the reader refuses, leaves the thesaurus to be
    /// read at run time: a stale table costs time, never an answer.
    #[test]
    fn a_stale_key_table_leaves_the_thesaurus_to_run_time() {
        let files = [
            (BUILTIN, false),
            (ABBREVIATIONS, true),
            (CLIPPINGS, true),
            (QUESTION_WORDS, true),
        ];
        assert!(generator::compiled(&files, BUILTIN_KEYS).is_some());
        let stale: String = BUILTIN_KEYS
            .lines()
            .skip(3)
            .map(|l| format!("{l}\n"))
            .collect();
        assert_eq!(generator::compiled(&files, &stale), None);
        let bad = format!("{BUILTIN}kk\tарыз\teveryday\n");
        assert_eq!(generator::compiled(&[(&bad, false)], BUILTIN_KEYS), None);
    }

    #[test]
    fn bad_lines_are_named() {
        let err = Thesaurus::parse("kk\tарыз\teveryday\n").unwrap_err();
        assert_eq!(err.line, 1);
        assert!(Thesaurus::parse("xx\ta | b\ts\n").is_err());
        assert!(Thesaurus::parse("kk\ta | b\t\n").is_err());
    }
}
