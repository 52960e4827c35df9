//! An article looked up in an act named by words that several acts' titles share: the amnesty
//! laws of 2016 (`tests/fixtures/namesakes`, its articles 2 and 3, under `##` headings) and of
//! 2021 (`tests/fixtures/refs`, under bold lines), with the mirror sample beside them. Words
//! that only one title has choose that act; words both titles have answer with the article of
//! each, the most recent first, and name the acts.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use zanlex::{BuildOptions, SearchRequest, SearchResults, ZanIndex};

const OF_2021: &str = "law-2021-12-07-81-vii";
const OF_2016: &str = "law-2016-12-13-27-vi";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The corpus: the two amnesty laws and the mirror sample, copied into `dir`.
fn corpus_in(dir: &Path) -> PathBuf {
    let corpus = dir.join("corpus");
    for (from, to) in [
        ("tests/fixtures/mirror", "mirror"),
        ("tests/fixtures/refs", "refs"),
        ("tests/fixtures/namesakes", "namesakes"),
    ] {
        crate::common::copy_dir(&root().join(from), &corpus.join(to));
    }
    corpus
}

fn index() -> &'static ZanIndex {
    static BUILT: OnceLock<(tempfile::TempDir, ZanIndex)> = OnceLock::new();
    &BUILT
        .get_or_init(|| {
            let dir = tempfile::tempdir().expect("temp dir");
            let corpus = corpus_in(dir.path());
            let index = crate::common::build_clean(
                &corpus,
                dir.path().join("index"),
                &BuildOptions::default(),
            );
            (dir, index)
        })
        .1
}

fn search(q: &str) -> SearchResults {
    index()
        .search(&SearchRequest::new(q).limit(5))
        .unwrap_or_else(|e| panic!("{q}: {e}"))
}

/// The first `n` hits as `act#eid` with their language.
fn first(res: &SearchResults, n: usize) -> Vec<String> {
    res.hits
        .iter()
        .take(n)
        .map(|h| format!("{}#{} {}", h.act.id, h.unit.eid, h.lang))
        .collect()
}

/// The words only one title has choose that act, in either language; no note.
#[test]
fn the_words_one_title_has_choose_that_act() {
    for (q, act, lang, twin) in [
        (
            "статья 3 закона об амнистии в связи с тридцатилетием независимости",
            OF_2021,
            "ru",
            "kk",
        ),
        (
            "статья 3 закона об амнистии к двадцатипятилетию независимости",
            OF_2016,
            "ru",
            "kk",
        ),
        (
            "Тәуелсіздігінің отыз жылдығына байланысты рақымшылық туралы заңның 3-бабы",
            OF_2021,
            "kk",
            "ru",
        ),
        (
            "тәуелсіздіктің жиырма бес жылдығына рақымшылық жасау туралы заңның 3-бабы",
            OF_2016,
            "kk",
            "ru",
        ),
    ] {
        let res = search(q);
        assert_eq!(
            first(&res, 2),
            [format!("{act}#art_3 {lang}"), format!("{act}#art_3 {twin}")],
            "{q}"
        );
        assert_eq!(res.several_acts, None, "{q}");
    }
}

/// Words both titles have: the article of each act, the most recent act first, each in the
/// query's language before the twins, and the two acts named in their official short form.
#[test]
fn words_both_titles_have_answer_with_each_act_and_name_them() {
    for (q, lang, twin, names) in [
        (
            "статья 3 закона об амнистии",
            "ru",
            "kk",
            [
                "Закон РК от 07.12.2021 № 81-VII",
                "Закон РК от 13.12.2016 № 27-VI",
            ],
        ),
        (
            "рақымшылық туралы заңның 3-бабы",
            "kk",
            "ru",
            ["ҚР 07.12.2021 № 81-VII Заңы", "ҚР 13.12.2016 № 27-VI Заңы"],
        ),
    ] {
        let res = search(q);
        assert_eq!(
            first(&res, 4),
            [
                format!("{OF_2021}#art_3 {lang}"),
                format!("{OF_2016}#art_3 {lang}"),
                format!("{OF_2021}#art_3 {twin}"),
                format!("{OF_2016}#art_3 {twin}"),
            ],
            "{q}"
        );
        let several = res.several_acts.as_ref().expect("the acts are named");
        assert_eq!(several.article, "3");
        let acts: Vec<(&str, &str)> = several
            .acts
            .iter()
            .map(|a| (a.act.id.as_str(), a.name.as_str()))
            .collect();
        assert_eq!(acts, [(OF_2021, names[0]), (OF_2016, names[1])], "{q}");
    }
}

/// The command line's JSON carries the same: the hits and the acts named; its text says so on
/// stderr.
#[test]
fn the_command_line_names_the_acts_in_json_and_in_words() {
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = corpus_in(dir.path());
    let index = dir.path().join("index");
    let (code, js) = crate::common::zanlex_json(
        &corpus,
        &index,
        &["search", "статья 3 закона об амнистии", "--limit", "4"],
    );
    assert_eq!(code, 0, "{js}");
    let ids = |v: &Value| -> Vec<String> {
        v.as_array()
            .expect("an array")
            .iter()
            .map(|x| x["act"]["id"].as_str().unwrap_or_default().to_string())
            .collect()
    };
    assert_eq!(ids(&js["hits"]), [OF_2021, OF_2016, OF_2021, OF_2016]);
    assert_eq!(js["several_acts"]["article"], "3");
    assert_eq!(js["several_acts"]["named"], "закона об амнистии");
    assert_eq!(ids(&js["several_acts"]["acts"]), [OF_2021, OF_2016]);
    // Words only one title has: no acts named.
    let (_, js) = crate::common::zanlex_json(
        &corpus,
        &index,
        &[
            "search",
            "статья 3 закона об амнистии в связи с тридцатилетием независимости",
        ],
    );
    assert_eq!(ids(&js["hits"])[..2], [OF_2021, OF_2021]);
    assert!(js.get("several_acts").is_none(), "{js}");
    // In words, on stderr.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_zanlex"))
        .args(["search", "статья 3 закона об амнистии", "--corpus"])
        .arg(&corpus)
        .arg("--index")
        .arg(&index)
        .output()
        .expect("run zanlex");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(
            "zanlex: «закона об амнистии» names 2 acts alike; article 3 of each is shown: \
             Закон РК от 07.12.2021 № 81-VII «Об амнистии в связи с тридцатилетием Независимости \
             Республики Казахстан»; Закон РК от 13.12.2016 № 27-VI «Об амнистии в связи с \
             двадцатипятилетием Независимости Республики Казахстан»"
        ),
        "{stderr}"
    );
}
