//! The Kazakh↔Russian lexicon learned from the parallel texts of the bilingual mirror acts
//! (`tests/fixtures/mirror`, `tests/fixtures/versions`): exact pairs read off the texts, one
//! translation per term, the lexicon stored with the index, `zanlex lexicon`, and a Russian
//! query finding a provision the corpus has only in Kazakh (`tests/fixtures/crosslang`).

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use zanlex::{BuildOptions, SearchRequest, TermPair, ZanIndex};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The mirror act `tests/fixtures/crosslang` holds a copy of (without one Russian paragraph).
const GRAZING_RULES: &str = "local-almaty-oblast/08-local-decisions/154-almatinskoi-oblasti/\
    15400000-almatinskoi-oblasti/2020/1215-ob-utverzhdenii-pravil-vypasa-selskokhoziaistvennykh-zhivotnykh-150276";

/// A corpus of the mirror and versions fixtures in which the grazing rules are the copy whose
/// Russian text lacks paragraph 23, indexed once: (temp dir, corpus folder, index folder,
/// index).
fn crosslang() -> &'static (tempfile::TempDir, PathBuf, PathBuf, ZanIndex) {
    static BUILT: OnceLock<(tempfile::TempDir, PathBuf, PathBuf, ZanIndex)> = OnceLock::new();
    BUILT.get_or_init(|| {
        let dir = tempfile::tempdir().expect("temp dir");
        let corpus = dir.path().join("corpus");
        crate::common::copy_dir(
            &root().join("tests/fixtures/mirror"),
            &corpus.join("mirror"),
        );
        std::fs::remove_dir_all(corpus.join("mirror").join(GRAZING_RULES)).expect("original");
        crate::common::copy_dir(
            &root().join("tests/fixtures/crosslang"),
            &corpus.join("crosslang"),
        );
        crate::common::copy_dir(
            &root().join("tests/fixtures/versions"),
            &corpus.join("versions"),
        );
        let index_dir = dir.path().join("index");
        let index = crate::common::build_clean(&corpus, &index_dir, &BuildOptions::default());
        (dir, corpus, index_dir, index)
    })
}

/// The lexicon of the corpus and fixtures index the search tests share.
fn pairs() -> Vec<TermPair> {
    crate::search_questions::index()
        .lexicon(None, usize::MAX)
        .expect("lexicon")
        .pairs
}

fn pair<'a>(pairs: &'a [TermPair], kk: &str) -> Option<&'a TermPair> {
    pairs.iter().find(|p| p.kk == kk)
}

/// Pairs checked against the texts: each Kazakh term and its Russian twin in the units of the
/// bilingual acts (Үкімет / Правительство in the constitutional law on the Government,
/// шешім / решение and мәслихат / маслихат in the maslikhats' decisions, бап / статья,
/// тармақ / пункт and тармақша / подпункт in every act's references to its own units).
#[test]
fn learns_the_pairs_the_texts_hold() {
    let pairs = pairs();
    for (kk, ru) in [
        ("үкімет", "правительств"),
        ("шешім", "решен"),
        ("бап", "стат"),
        ("тармақ", "пункт"),
        ("тармақша", "подпункт"),
        ("бұйрық", "приказ"),
        ("қаулы", "постановлен"),
        ("әкім", "аким"),
        ("мемлекеттік", "государствен"),
        // The Kazakh stemmer leaves the possessive on this one: the pair is learned all the same.
        ("мәслихаты", "маслихат"),
    ] {
        let found = pair(&pairs, kk).unwrap_or_else(|| panic!("no pair for {kk}"));
        assert_eq!(found.ru, ru, "{found:?}");
        assert!(found.g2 >= 10.83 && found.together >= 3, "{found:?}");
        assert!(
            found.together <= found.kk_units.min(found.ru_units),
            "{found:?}"
        );
    }
    // The government's pair, counted from the units: 82 of the 84 Kazakh units with Үкімет
    // have правительств in their Russian twin.
    let government = pair(&pairs, "үкімет").expect("үкімет");
    assert_eq!(
        (
            government.together,
            government.kk_units,
            government.ru_units
        ),
        (82, 84, 85)
    );
    // Strongest first.
    assert!(pairs.windows(2).all(|w| w[0].g2 >= w[1].g2));
}

/// Competitive linking: a frequent word pairs with its translation, not with the frequent
/// words beside it (Республикасы, Қазақстан, мемлекеттік fill the same units).
#[test]
fn a_frequent_word_pairs_with_its_translation_only() {
    let pairs = pairs();
    let index = crate::search_questions::index();
    let republic = index.lexicon(Some("Республикасының"), 10).expect("lexicon");
    let words: Vec<(&str, &str)> = republic
        .pairs
        .iter()
        .map(|p| (p.kk.as_str(), p.ru.as_str()))
        .collect();
    assert_eq!(words, [("республика", "республик")]);
    assert_eq!(
        pair(&pairs, "қазақстан").map(|p| p.ru.as_str()),
        Some("казахста")
    );
    // One translation per term on either side.
    let mut kk: Vec<&str> = pairs.iter().map(|p| p.kk.as_str()).collect();
    let mut ru: Vec<&str> = pairs.iter().map(|p| p.ru.as_str()).collect();
    let n = pairs.len();
    kk.sort_unstable();
    kk.dedup();
    ru.sort_unstable();
    ru.dedup();
    assert_eq!((kk.len(), ru.len()), (n, n));
    // No function word or number is a term.
    for p in &pairs {
        for w in ["және", "немесе", "осы", "и", "или", "не"] {
            assert!(p.kk_word != w && p.ru_word != w, "{p:?}");
        }
        assert!(!p.kk.chars().any(|c| c.is_ascii_digit()), "{p:?}");
    }
}

/// The lexicon is written into the index's generation with the commit it was learned from,
/// and the index reads it from there.
#[test]
fn the_lexicon_is_stored_with_the_index() {
    let (_, _, index_dir, index) = crosslang();
    let current = std::fs::read_to_string(index_dir.join("CURRENT")).expect("CURRENT");
    let file = index_dir.join(current.trim()).join("zanlex-lexicon.json");
    let stored: Value =
        serde_json::from_slice(&std::fs::read(&file).expect("lexicon file")).expect("JSON");
    let answer = index.lexicon(None, usize::MAX).expect("lexicon");
    let stored_pairs: Vec<TermPair> =
        serde_json::from_value(stored["lexicon"]["pairs"].clone()).expect("pairs");
    assert!(!stored_pairs.is_empty());
    assert_eq!(stored_pairs, answer.pairs);
    assert_eq!(stored["lexicon"]["units"], answer.aligned_units);
}

/// A Russian query finds the Kazakh paragraph whose Russian twin the corpus lacks, through
/// the learned pairs (перегон / айдау, группа / топ), below the Russian provisions that match
/// the query's own words, and the hit says it is Kazakh and has no Russian twin.
#[test]
fn a_russian_query_finds_a_kazakh_only_provision() {
    let (_, _, _, index) = crosslang();
    let results = index
        .search(&SearchRequest::new("перегон групп").limit(20))
        .expect("search");
    let act = "maslikhat-decision-2020-12-15-64-340";
    let only_kazakh = results
        .hits
        .iter()
        .position(|h| h.act.id == act && h.unit.eid == "att_1__para_23")
        .expect("the Kazakh paragraph 23 is found");
    let hit = &results.hits[only_kazakh];
    assert_eq!(hit.lang, "kk");
    assert!(hit.twin.is_none(), "{:?}", hit.twin);
    assert!(
        hit.text.contains("топтарын араластыруға жол берілмейді"),
        "{}",
        hit.text
    );
    // The Russian hits (the query's own words and language) all rank above the Kazakh ones;
    // the partial matches that fill the page after every full one are left aside.
    let full: Vec<&zanlex::Hit> = results.hits.iter().filter(|h| !h.partial).collect();
    assert!(results.hits[full.len()..].iter().all(|h| h.partial));
    let langs: Vec<&str> = full.iter().map(|h| h.lang.as_str()).collect();
    let first_kk = langs.iter().position(|l| *l == "kk").expect("a Kazakh hit");
    assert!(first_kk > 0, "{langs:?}");
    assert!(langs[first_kk..].iter().all(|l| *l == "kk"), "{langs:?}");
    // The Russian paragraph 22, which has both words itself, is among the Russian ones.
    assert!(full[..first_kk]
        .iter()
        .any(|h| h.unit.eid == "att_1__para_22" && h.lang == "ru"));
}

fn zanlex(corpus: &Path, index: &Path, args: &[&str]) -> (i32, String, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_zanlex"))
        .arg("--corpus")
        .arg(corpus)
        .arg("--index")
        .arg(index)
        .args(args)
        .output()
        .expect("run zanlex");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// `zanlex lexicon WORD --json`: one JSON document of the word's pairs with their evidence;
/// the text form prints the same pair as a row.
#[test]
fn lexicon_command_prints_a_words_pairs() {
    let (_, corpus, index_dir, _) = crosslang();
    let (code, out, err) = zanlex(corpus, index_dir, &["lexicon", "Правительства", "--json"]);
    assert_eq!(code, 0, "{err}");
    let doc: Value = serde_json::from_str(&out).expect("one JSON document");
    assert_eq!(doc["word"], "Правительства");
    assert_eq!(doc["total"], 1);
    assert!(doc["lexicon_size"].as_u64().unwrap() > 100, "{doc}");
    assert!(doc["aligned_units"].as_u64().unwrap() > 100, "{doc}");
    let p = &doc["pairs"][0];
    assert_eq!(
        (&p["kk"], &p["ru"]),
        (&"үкімет".into(), &"правительств".into())
    );
    assert_eq!(p["kk_word"], "үкімет");
    assert_eq!(p["ru_word"], "правительства");
    for key in ["together", "kk_units", "ru_units"] {
        assert!(p[key].as_u64().is_some_and(|n| n >= 3), "{key}: {p}");
    }
    assert!(p["g2"].as_f64().is_some_and(|g| g > 10.83), "{p}");
    let (code, out, err) = zanlex(corpus, index_dir, &["lexicon", "--limit", "2"]);
    assert_eq!(code, 0, "{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 4, "{out}");
    assert!(lines[2].starts_with("республика\tреспублики\t"), "{out}");
}

/// A refresh learns the lexicon again from what it committed: with the grazing rules gone
/// from the corpus, their pairs (перегон / айдау) go from the stored lexicon too, and the
/// lexicon the refreshed index reads is the one stored beside its commit.
#[test]
fn a_refresh_learns_the_lexicon_again() {
    let (_, corpus, _, _) = crosslang();
    let dir = tempfile::tempdir().expect("temp dir");
    let copy = dir.path().join("corpus");
    crate::common::copy_dir(corpus, &copy);
    let index_dir = dir.path().join("index");
    let open = || {
        ZanIndex::open_or_build(&copy, &index_dir, &BuildOptions::default())
            .expect("index")
            .0
    };
    let droving = |index: &ZanIndex| {
        let list = index.lexicon(Some("перегон"), 10).expect("lexicon");
        list.pairs.iter().map(|p| p.kk.clone()).collect::<Vec<_>>()
    };
    let before = open();
    assert_eq!(droving(&before), ["айда"]);
    drop(before);
    std::fs::remove_dir_all(copy.join("crosslang")).expect("remove the grazing rules");
    let after = open();
    assert!(droving(&after).is_empty());
    let current = std::fs::read_to_string(index_dir.join("CURRENT")).expect("CURRENT");
    let stored: Value = serde_json::from_slice(
        &std::fs::read(index_dir.join(current.trim()).join("zanlex-lexicon.json"))
            .expect("lexicon file"),
    )
    .expect("JSON");
    let stored_pairs: Vec<TermPair> =
        serde_json::from_value(stored["lexicon"]["pairs"].clone()).expect("pairs");
    let read = after.lexicon(None, usize::MAX).expect("lexicon");
    assert_eq!(stored_pairs, read.pairs);
    assert!(!read.pairs.is_empty());
}

/// A real case: the Kazakh edition of 19 April 2023 of the constitutional law on the
/// Government (`tests/fixtures/versions`) has paragraph 5-1 of article 10 (the Government's
/// temporary resolutions having the force of law), which no Russian edition of the corpus
/// has. A Russian query finds it through қаулы / постановление, Үкімет / Правительство,
/// күш / сила and заң / закон, below the Russian provisions with the query's own words.
#[test]
fn a_russian_query_finds_a_paragraph_only_the_kazakh_edition_has() {
    let results = crate::search_questions::index()
        .search(&SearchRequest::new("постановления Правительства силу закона").limit(30))
        .expect("search");
    let act = "constitutional-law-1995-12-18-2688";
    let at = results
        .hits
        .iter()
        .position(|h| h.act.id == act && h.unit.eid == "art_10__para_5-1")
        .expect("the Kazakh paragraph 5-1 is found");
    let hit = &results.hits[at];
    assert_eq!(hit.lang, "kk");
    assert!(hit.twin.is_none(), "{:?}", hit.twin);
    assert!(
        hit.text.contains("заң күші бар уақытша қаулылары"),
        "{}",
        hit.text
    );
    let first = &results.hits[0];
    assert_eq!((first.lang.as_str(), first.act.id.as_str()), ("ru", act));
    assert!(at > 0);
}

/// A thesaurus group carries over to the other language: «ответ» has no learned pair, but its
/// group «ответ | решение» (`data/thesaurus.tsv`) has решение, whose learned Kazakh term is
/// шешім, so a Russian query «ответ» finds the Kazakh provisions on a decision.
#[test]
fn a_thesaurus_group_carries_to_the_other_language() {
    let index = crate::search_questions::index();
    assert_eq!(index.lexicon(Some("ответ"), 10).expect("lexicon").total, 0);
    let results = index
        .search(&SearchRequest::new("ответ").lang(zanlex::Lang::Kk).limit(5))
        .expect("search");
    let first = &results.hits[0];
    assert_eq!(
        (
            first.act.id.as_str(),
            first.unit.eid.as_str(),
            first.lang.as_str()
        ),
        (
            "president-administration-order-2020-05-22-20-01-38-20",
            "att_1__para_9__subpara_3",
            "kk"
        )
    );
    assert!(first.text.contains("шешім"), "{}", first.text);
}
