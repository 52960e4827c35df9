//! A checkout of the public mirror of the official database, read as it is
//! (`tests/fixtures/mirror`: the seven acts of `../shared/data/mirror`, one folder per act with
//! `kaz.md`, `rus.md` and `meta.yaml`): the folder walk, the metadata from meta.yaml, one act
//! in two languages, dates in file names, undated editions, a broken meta.yaml, as the command
//! line shows them (what ingestion makes of it: `src/ingest/mirror_tests.rs`).

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mirror")
}

fn zanlex(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_zanlex"))
        .args(args)
        .output()
        .expect("zanlex runs")
}

/// An index of the mirror fixtures built once by `zanlex index`.
fn mirror_index() -> &'static str {
    static DIR: OnceLock<(tempfile::TempDir, String)> = OnceLock::new();
    &DIR.get_or_init(|| {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("index").to_string_lossy().into_owned();
        let corpus = fixtures().to_string_lossy().into_owned();
        let out = zanlex(&["index", "--corpus", &corpus, "--index", &path]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        (dir, path)
    })
    .1
}

fn on_mirror(args: &[&str]) -> std::process::Output {
    let corpus = fixtures().to_string_lossy().into_owned();
    let mut a = args.to_vec();
    a.extend(["--corpus", &corpus, "--index", mirror_index()]);
    zanlex(&a)
}

fn json(out: &std::process::Output) -> serde_json::Value {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("one JSON document")
}

/// Copies an edition without the dates its front matter gives (`version_date`, the date in
/// its `source` address), so that only its file name can date it.
fn write_undated(from: &Path, to: &Path) {
    let text = std::fs::read_to_string(from).expect("fixture");
    let text: String = text
        .lines()
        .filter(|l| !l.starts_with("version_date") && !l.starts_with("source"))
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(to, text).expect("write");
}

/// `zanlex ARGS --corpus CORPUS --index INDEX`.
fn on(corpus: &Path, index: &Path, args: &[&str]) -> std::process::Output {
    let (c, i) = (corpus.to_string_lossy(), index.to_string_lossy());
    let mut a = args.to_vec();
    a.extend(["--corpus", &c, "--index", &i]);
    zanlex(&a)
}

/// The folder of the short 90315 decision in the fixtures.
fn short_decision() -> PathBuf {
    fixtures().join(
        "local-almaty-oblast/08-local-decisions/154-almatinskoi-oblasti/15400000-almatinskoi-oblasti/2015/0520-ob-utverzhdenii-perechnia-sotsialno-znachimykh-passazhirskikh-me-90315",
    )
}

const IDS: [&str; 7] = [
    "constitutional-law-1995-12-18-2688",
    "maslikhat-decision-2015-03-27-43-249",
    "maslikhat-decision-2015-05-20-45-264",
    "maslikhat-decision-2020-12-15-64-340",
    "president-administration-order-2017-05-15-17-01-38-27",
    "president-administration-order-2020-05-22-20-01-38-20",
    // Issued by the Head of the Presidential Office, though `approved_by` names the
    // Administration: the requisite names the official.
    "president-office-order-2019-10-07-19-42-3-3-17",
];

/// `acts` lists each act once with both expressions; `--json` gives each expression's own
/// title, language and file.
#[test]
fn acts_lists_each_act_once_with_its_expressions() {
    let v = json(&on_mirror(&["acts", "--json"]));
    let acts = v["acts"].as_array().expect("acts");
    let mut ids: Vec<&str> = acts.iter().filter_map(|a| a["id"].as_str()).collect();
    ids.sort_unstable();
    assert_eq!(ids, IDS);
    for a in acts {
        let exprs = a["expressions"].as_array().expect("expressions");
        let langs: Vec<&str> = exprs.iter().filter_map(|e| e["lang"].as_str()).collect();
        assert_eq!(langs, ["kk", "ru"], "{}", a["id"]);
        assert_eq!(a["lang"], "kk");
        assert!(exprs[1]["source"]["file"]
            .as_str()
            .is_some_and(|f| f.ends_with("/rus.md")));
    }
    let law = acts
        .iter()
        .find(|a| a["id"] == "constitutional-law-1995-12-18-2688")
        .expect("the law");
    assert_eq!(law["code"], "104316");
    assert_eq!(law["status"]["state"], "in_force");
    assert_eq!(
        law["expressions"][1]["title"],
        "О Правительстве Республики Казахстан"
    );
    let text = on_mirror(&["acts"]);
    let text = String::from_utf8_lossy(&text.stdout);
    assert_eq!(
        text.matches("constitutional-law-1995-12-18-2688\n").count(),
        1
    );
    assert!(text.contains("  [ru] О Правительстве Республики Казахстан\n"));
}

/// `search --lang ru` keeps Russian hits; each says its language and, where the Kazakh text
/// has the same unit, its twin; a Russian hit is cited in Russian.
#[test]
fn search_by_language_with_twins() {
    let v = json(&on_mirror(&[
        "search",
        "выпас сельскохозяйственных животных",
        "--lang",
        "ru",
        "--json",
    ]));
    let hits = v["hits"].as_array().expect("hits");
    assert!(!hits.is_empty());
    assert!(hits.iter().all(|h| h["lang"] == "ru"));
    let first = &hits[0];
    assert_eq!(first["act"]["id"], "maslikhat-decision-2020-12-15-64-340");
    assert_eq!(first["twin"]["lang"], "kk");
    assert_eq!(first["twin"]["eid"], first["unit"]["eid"]);
    assert!(first["citation"].as_str().is_some_and(
        |c| c.starts_with("Решение маслихата Алматинской области от 15.12.2020 № 64-340")
    ));
    // Russian Snowball: another form of the same words finds the same units.
    let inflected = json(&on_mirror(&[
        "search",
        "выпасе сельскохозяйственного животного",
        "--lang",
        "ru",
        "--json",
    ]));
    assert!(inflected["total"].as_u64().unwrap_or(0) > 0);
    // Both languages by default; `--lang kk` only Kazakh.
    let kk = json(&on_mirror(&[
        "search",
        "жануарларды жаю",
        "--lang",
        "kk",
        "--json",
    ]));
    let kk_hits = kk["hits"].as_array().expect("hits");
    assert!(!kk_hits.is_empty());
    assert!(kk_hits.iter().all(|h| h["lang"] == "kk"));
    let bad = on_mirror(&["search", "мал", "--lang", "de"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("write kk (Kazakh) or ru (Russian)"));
}

/// `show --parallel` gives the Kazakh and Russian wording of one eid; `--lang ru` one.
#[test]
fn show_parallel_and_in_russian() {
    let target = "maslikhat-decision-2020-12-15-64-340#para_1";
    let v = json(&on_mirror(&["show", target, "--parallel", "--json"]));
    assert!(v["kk"]["text"]
        .as_str()
        .is_some_and(|t| t.starts_with("1. ")));
    assert!(v["ru"]["text"]
        .as_str()
        .is_some_and(|t| t.starts_with("1. Утвердить прилагаемые правила выпаса")));
    assert_eq!(v["kk"]["lang"], "kk");
    assert_eq!(v["ru"]["lang"], "ru");
    assert_eq!(
        v["ru"]["citation"],
        "Решение маслихата Алматинской области от 15.12.2020 № 64-340 · пункт 1"
    );
    let text = on_mirror(&["show", target, "--parallel"]);
    let text = String::from_utf8_lossy(&text.stdout);
    let first = text.lines().next().unwrap_or("");
    assert!(
        first.starts_with("[kk]") && first.ends_with("│ [ru]"),
        "{first}"
    );
    let ru = json(&on_mirror(&["show", target, "--lang", "ru", "--json"]));
    assert_eq!(ru["lang"], "ru");
    assert_eq!(ru["unit"]["label"], "пункт 1");
}

/// Two undated editions of one act cannot be ordered: the second is refused with an error that
/// names both files; the first is indexed.
#[test]
fn two_undated_editions_are_an_error_naming_both() {
    let src = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/versions/codes_104316_government");
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).expect("corpus folder");
    write_undated(
        &src.join("kaz@2c716769_v2022-11-05.md"),
        &corpus.join("law_old.md"),
    );
    write_undated(
        &src.join("kaz@0c5d4a0f_v2023-04-19.md"),
        &corpus.join("law_new.md"),
    );
    // What ingestion reports is checked where it lives (`src/ingest/mirror_tests.rs`); the
    // command line says it too, and exits 0 with the rest indexed.
    let out = on(&corpus, &dir.path().join("index"), &["index"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("skipped corpus/law_old.md:"), "{err}");
}

/// A broken meta.yaml is a warning naming the file; the texts beside it are still indexed.
#[test]
fn a_broken_meta_yaml_warns_and_the_text_is_indexed() {
    let src = short_decision();
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = dir.path().join("corpus");
    let act = corpus.join("90315");
    std::fs::create_dir_all(&act).expect("act folder");
    std::fs::copy(src.join("kaz.md"), act.join("kaz.md")).expect("copy");
    std::fs::write(
        act.join("meta.yaml"),
        "act_code: '90315'\ntitle: [unclosed\n",
    )
    .expect("write");
    // What ingestion reports is checked where it lives (`src/ingest/mirror_tests.rs`).
    let out = on(&corpus, &dir.path().join("index"), &["index"]);
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("zanlex: warning: corpus/90315/kaz.md: meta.yaml is not valid YAML"),
        "{err}"
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("1 added"));
}

/// Editing meta.yaml alone makes its texts stale: the next refresh re-reads them.
#[test]
fn a_changed_meta_yaml_refreshes_its_texts() {
    let src = short_decision();
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = dir.path().join("corpus");
    let act = corpus.join("90315");
    std::fs::create_dir_all(&act).expect("act folder");
    for f in ["kaz.md", "rus.md", "meta.yaml"] {
        std::fs::copy(src.join(f), act.join(f)).expect("copy");
    }
    let (c, i) = (
        corpus.to_string_lossy().into_owned(),
        dir.path().join("index").to_string_lossy().into_owned(),
    );
    let first = zanlex(&["index", "--corpus", &c, "--index", &i]);
    assert!(String::from_utf8_lossy(&first.stdout).contains("2 added"));
    let meta = std::fs::read_to_string(act.join("meta.yaml")).expect("meta");
    std::fs::write(
        act.join("meta.yaml"),
        meta.replace("Решение №45-264", "Решение №45-265"),
    )
    .expect("write");
    let second = zanlex(&["index", "--corpus", &c, "--index", &i]);
    assert!(
        String::from_utf8_lossy(&second.stdout).contains("2 updated"),
        "{}",
        String::from_utf8_lossy(&second.stdout)
    );
    let v = json(&zanlex(&["acts", "--json", "--corpus", &c, "--index", &i]));
    assert_eq!(v["acts"][0]["id"], "maslikhat-decision-2015-05-20-45-265");
}

/// The act ids and eids of a search's hits on the mirror, in rank order.
fn hit_ids(query: &str) -> Vec<String> {
    let doc = json(&on_mirror(&["search", query, "--json", "--limit", "20"]));
    doc["hits"]
        .as_array()
        .expect("hits")
        .iter()
        .map(|h| {
            format!(
                "{}#{}",
                h["act"]["id"].as_str().unwrap_or(""),
                h["unit"]["eid"].as_str().unwrap_or("")
            )
        })
        .collect()
}

/// A quoted phrase that occurs verbatim is found whatever its stop words: a Russian phrase
/// with a preposition inside, whose words after a Russian word are stemmed as Russian in the
/// phrase and one at a time in the text, and a Kazakh one with a postposition.
#[test]
fn a_verbatim_phrase_with_a_stop_word_inside_is_found() {
    let both = [
        "maslikhat-decision-2015-05-20-45-264#para_2",
        "maslikhat-decision-2015-03-27-43-249#para_2",
    ];
    assert_eq!(hit_ids("\"возложить на заместителя акима\""), both);
    // Two orders of the Presidential Administration and Office put it on a deputy head,
    // not the akim's
    // (the two score alike, so their order is not asserted).
    let mut found = hit_ids("\"возложить на заместителя\"");
    found.sort();
    assert_eq!(
        found,
        [
            both[1],
            both[0],
            "president-administration-order-2017-05-15-17-01-38-27#para_3",
            "president-office-order-2019-10-07-19-42-3-3-17#para_4",
        ]
    );
    // The attachment's bare title says the phrase too, and ranks below point 1 of the decision
    // that says it in a provision.
    assert_eq!(
        hit_ids("\"Алматы облысы бойынша ауыл шаруашылығы\""),
        [
            "maslikhat-decision-2020-12-15-64-340#para_1",
            "maslikhat-decision-2020-12-15-64-340#att_1",
            "maslikhat-decision-2020-12-15-64-340#att_1__para_1",
        ]
    );
    // The stop word still has to be there: another preposition in its place is no match.
    assert!(hit_ids("\"возложить в заместителя акима\"").is_empty());
}

/// A period in words finds the text that prints it in digits: the dogs and cats Rules of
/// Almaty oblast, «13. Не востребованные в течение 3 календарных дней со дня отлова собаки и
/// кошки подлежат умерщвлению …» (Kazakh «13. Ауланған күннен кейінгі 3 күнтізбелік күн
/// ішінде …»). Before the number words met their digits it ranked third in Russian, below the
/// attestation Rules' «в течение трех рабочих дней» and a decision's «со дня».
#[test]
fn a_period_in_words_finds_it_in_digits() {
    let dogs = "maslikhat-decision-2015-03-27-43-249#att_1__para_13";
    assert_eq!(hit_ids("трех календарных дней со дня отлова")[0], dogs);
    assert_eq!(hit_ids("в течение трех календарных дней")[0], dogs);
    assert_eq!(
        hit_ids("үш күнтізбелік күн ішінде сұралмаған иттер")[0],
        dogs
    );
}

/// Half a year is six months: the attestation Rules of the Presidential Administration, «8.
/// Гражданские служащие проходят аттестацию … но не ранее шести месяцев со дня занятия
/// должности. Аттестация проводится не позднее шести месяцев со дня наступления указанного
/// срока.» Before «полгода» and «полугода» were read as six months, point 29's «Повторная
/// аттестация проводится через три месяца» came first, and for «не позднее полугода» point 13's
/// «не позднее месяца».
#[test]
fn half_a_year_finds_six_months() {
    let p8 = "president-administration-order-2020-05-22-20-01-38-20#att_1__para_8";
    assert_eq!(hit_ids("аттестация проводится через полгода")[0], p8);
    assert_eq!(hit_ids("аттестация не позднее полугода")[0], p8);
}

/// A term asked what it is has its own definition first, above those of its compounds: the
/// grazing Rules of Almaty oblast define «6) пастбища – земельные участки …», «7) сезонные
/// пастбища – …», «8) отгонные пастбища – …» (Kazakh «6) жайылымдар - …», «7) маусымдық
/// жайылымдар - …», «8) шалғайдағы жайылымдар - …»). Before, the compounds came first and
/// the term's own definition was fifth in Kazakh and below the tenth in Russian.
#[test]
fn a_term_asked_what_it_is_has_its_own_definition_first() {
    let own = "maslikhat-decision-2020-12-15-64-340#att_1__para_2__subpara_6";
    for q in [
        "что такое пастбища",
        "понятие пастбища",
        "жайылымдар деген не",
        "жайылымдар дегеніміз не",
    ] {
        assert_eq!(hit_ids(q)[0], own, "{q}");
    }
}

/// An article asked for by number comes first, in the act the other words name and in the
/// language of the query, the other language's text next.
#[test]
fn an_article_asked_for_by_number_comes_first() {
    let law = "constitutional-law-1995-12-18-2688";
    let first_two = |q: &str| -> Vec<(String, String)> {
        let doc = json(&on_mirror(&["search", q, "--json", "--limit", "5"]));
        doc["hits"]
            .as_array()
            .expect("hits")
            .iter()
            .take(2)
            .map(|h| {
                (
                    format!(
                        "{}#{}",
                        h["act"]["id"].as_str().unwrap_or(""),
                        h["unit"]["eid"].as_str().unwrap_or("")
                    ),
                    h["lang"].as_str().unwrap_or("").to_string(),
                )
            })
            .collect()
    };
    let art_7 = format!("{law}#art_7");
    let ru_first = vec![
        (art_7.clone(), "ru".to_string()),
        (art_7.clone(), "kk".to_string()),
    ];
    let kk_first = vec![
        (art_7.clone(), "kk".to_string()),
        (art_7.clone(), "ru".to_string()),
    ];
    assert_eq!(first_two("статья 7 закона о правительстве"), ru_first);
    assert_eq!(first_two("ст. 7 Закона о Правительстве"), ru_first);
    assert_eq!(first_two("Үкімет туралы заңның 7-бабы"), kk_first);
    assert_eq!(first_two("7-бап")[0], (art_7.clone(), "kk".to_string()));
    // Before, the words alone ranked other articles of the law first.
    assert_ne!(first_two("закона о правительстве 7")[0].0, art_7);
}

/// Each hit on a mirror act carries its text's address on the official database, in the hit's
/// language (meta.yaml's `source.kaz` / `source.rus`), and so does the act.
#[test]
fn hits_and_acts_link_their_text_on_the_official_database() {
    const GOVERNMENT: &str = "constitutional-law-1995-12-18-2688";
    for (lang, query, url) in [
        (
            "kk",
            "Үкіметтің құзыреті",
            "https://zan.gov.kz/client/#!/doc/104316/kaz/05.11.2022",
        ),
        (
            "ru",
            "компетенция Правительства",
            "https://zan.gov.kz/client/#!/doc/104316/rus/05.11.2022",
        ),
    ] {
        let out = on_mirror(&[
            "search", query, "--act", GOVERNMENT, "--lang", lang, "--json", "--limit", "3",
        ]);
        let found: zanlex::SearchResults =
            serde_json::from_value(json(&out)).expect("a search page");
        assert!(!found.hits.is_empty(), "{lang}");
        for hit in &found.hits {
            assert_eq!(
                hit.act.url.as_deref(),
                Some(url),
                "{lang}: {}",
                hit.citation
            );
        }
        let act = json(&on_mirror(&["show", GOVERNMENT, "--lang", lang, "--json"]));
        assert_eq!(act["official_url"], url, "{lang}");
    }
}

/// The folder of a mirror act in the fixtures, by the code ending its name.
fn mirror_act(code: &str) -> PathBuf {
    fn find(dir: &Path, code: &str) -> Option<PathBuf> {
        for e in std::fs::read_dir(dir).ok()?.flatten() {
            let p = e.path();
            if !p.is_dir() {
                continue;
            }
            if p.file_name()?
                .to_string_lossy()
                .ends_with(&format!("-{code}"))
            {
                return Some(p);
            }
            if let Some(found) = find(&p, code) {
                return Some(found);
            }
        }
        None
    }
    find(&fixtures(), code).expect("mirror act")
}

/// The first `# ` heading of a mirror text: its title.
pub(super) fn md_title(path: &Path) -> String {
    let text = std::fs::read_to_string(path).expect("text");
    text.lines()
        .find_map(|l| l.strip_prefix("# "))
        .expect("title")
        .trim()
        .to_string()
}

/// The folder `corpus` of [`texts_of_one_folder_are_paired_by_name_and_none_is_lost`]: the
/// texts of 143531 (both), 112888 (Russian) and 90315 (Kazakh) named as an export names them,
/// no `meta.yaml`. Returns the three acts' fixture folders, in that order.
pub(super) fn one_folder_of_texts(corpus: &Path) -> [PathBuf; 3] {
    std::fs::create_dir_all(corpus).expect("folder");
    let acts = [
        mirror_act("143531"),
        mirror_act("112888"),
        mirror_act("90315"),
    ];
    let [a, b, c] = &acts;
    let files = [
        (a.join("kaz.md"), "A_kaz_2020-05-22_attestatsiia.md"),
        (a.join("rus.md"), "A_rus_2020-05-22_attestatsiia.md"),
        (b.join("rus.md"), "B_rus_2017-05-15_stazh.md"),
        (c.join("kaz.md"), "C_kaz_2015-05-20_soobshcheniia.md"),
    ];
    for (from, to) in &files {
        std::fs::copy(from, corpus.join(to)).expect("copy");
    }
    acts
}

/// One folder, no `meta.yaml`, the texts of three real acts named as an export names them:
/// the attestation rules order 143531 in both languages (`A_kaz_…`, `A_rus_…`), the Russian
/// text of the service-length order 112888 (`B_rus_…`) and the Kazakh text of the Almaty
/// decision 90315 (`C_kaz_…`). Each act is one act, with its own titles: a Russian text joins
/// only the Kazakh text its name (or its requisites) makes its twin, and none is lost.
#[test]
fn texts_of_one_folder_are_paired_by_name_and_none_is_lost() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let corpus = tmp.path().join("flat");
    let [a, b, c] = one_folder_of_texts(&corpus);
    let index = tmp.path().join("index");
    let (c_, i_) = (
        corpus.to_string_lossy().into_owned(),
        index.to_string_lossy().into_owned(),
    );
    let out = zanlex(&["index", "--corpus", &c_, "--index", &i_]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let zi = crate::common::build_clean(&corpus, &index, &zanlex::BuildOptions::default());
    let acts = zi.acts().expect("acts");
    // (file, language, id, title) of every expression.
    let mut rows: Vec<(String, String, String, String)> = acts
        .iter()
        .map(|a| {
            (
                a.source
                    .file
                    .rsplit('/')
                    .next()
                    .unwrap_or_default()
                    .to_string(),
                format!("{:?}", a.lang),
                a.id.clone(),
                a.title.clone(),
            )
        })
        .collect();
    rows.sort();
    let files: Vec<&str> = rows.iter().map(|r| r.0.as_str()).collect();
    assert_eq!(
        files,
        [
            "A_kaz_2020-05-22_attestatsiia.md",
            "A_rus_2020-05-22_attestatsiia.md",
            "B_rus_2017-05-15_stazh.md",
            "C_kaz_2015-05-20_soobshcheniia.md",
        ],
        "every text is an act's expression: {rows:?}"
    );
    // The two texts of 143531 are one act; 112888 and 90315 are acts of their own.
    assert_eq!(rows[0].2, rows[1].2, "{rows:?}");
    assert_ne!(rows[2].2, rows[0].2, "{rows:?}");
    assert_ne!(rows[3].2, rows[0].2, "{rows:?}");
    assert_ne!(rows[3].2, rows[2].2, "{rows:?}");
    // Each with its own titles.
    assert_eq!(rows[0].3, md_title(&a.join("kaz.md")));
    assert_eq!(rows[1].3, md_title(&a.join("rus.md")));
    assert_eq!(rows[2].3, md_title(&b.join("rus.md")));
    assert_eq!(rows[3].3, md_title(&c.join("kaz.md")));
    // The Russian text of 112888 is searchable as its own act.
    let ru = zi
        .act_in(&rows[2].2, Some(zanlex::Lang::Ru))
        .expect("the Russian text of 112888");
    assert_eq!(ru.title, md_title(&b.join("rus.md")));
    // Of its kind, read from its words of enactment (`ПРИКАЗЫВАЮ`), without a `meta.yaml`.
    assert_eq!(ru.kind.as_str(), "order");
    // `/v1` and MCP give the four texts, of three acts, 143531's two with their own titles.
    let doors = the_doors_give_the_acts_the_library_lists(&corpus, tmp.path(), &zi);
    let of_143531: Vec<(&str, &Value)> = doors
        .iter()
        .filter(|d| d.0 == rows[0].2)
        .map(|d| (d.1.as_str(), &d.2["title"]))
        .collect();
    assert_eq!(
        of_143531,
        [
            ("kk", &Value::from(rows[0].3.clone())),
            ("ru", &Value::from(rows[1].3.clone()))
        ]
    );
    assert_eq!(doors.len(), 4, "{doors:?}");
}

/// The acts of `zi`, built from `corpus`, as `/v1` and MCP `read` give them, each door
/// serving its own index of `corpus` in `dir`: `/v1/acts` is the library's list (each act
/// once, each of its texts with its own title, kind and requisites), and `/v1/acts/ID?lang=`
/// and MCP `read` of ID in each of its languages the library's outline of that text (its id,
/// title, citation, kind, languages, issuances, registration and status). Returns (id,
/// language, `/v1`'s outline) for every text listed, in the list's order.
fn the_doors_give_the_acts_the_library_lists(
    corpus: &Path,
    dir: &Path,
    zi: &zanlex::ZanIndex,
) -> Vec<(String, String, Value)> {
    const SAME: [&str; 9] = [
        "id",
        "title",
        "citation",
        "kind",
        "lang",
        "expressions",
        "issuances",
        "registration",
        "status",
    ];
    let fields =
        |v: &Value| -> Vec<(&str, Value)> { SAME.iter().map(|k| (*k, v[*k].clone())).collect() };
    let list =
        serde_json::to_value(zi.act_list_page(&[], 0, 1000).expect("the list")).expect("JSON");
    let server = super::serve_api::Server::start(corpus, &dir.join("api-index"), &[]);
    let api = |path: &str| -> Value {
        let (status, body, _) = super::serve_api::get(&server, path);
        assert_eq!(status, 200, "{path}: {body}");
        body
    };
    assert_eq!(api("/v1/acts"), list);
    let mut texts = Vec::new();
    for act in list["acts"].as_array().expect("acts") {
        for e in act["expressions"].as_array().expect("expressions") {
            let id = e["id"].as_str().expect("an id");
            let lang = e["lang"].as_str().expect("a language");
            let library = zi
                .act_outline(
                    id,
                    Some(zanlex::Lang::parse(lang).expect("kk or ru")),
                    false,
                )
                .expect("the outline");
            let library = serde_json::to_value(library).expect("JSON");
            assert_eq!(e["title"], library["title"], "{id} {lang}");
            let body = api(&format!("/v1/acts/{id}?lang={lang}"));
            assert_eq!(fields(&body), fields(&library), "{id} {lang}");
            texts.push((id.to_string(), lang.to_string(), body));
        }
    }
    drop(server);
    let rt = super::mcp_tools::runtime();
    rt.block_on(async {
        let client = super::mcp_tools::spawn(corpus, &dir.join("mcp-index")).await;
        for (id, lang, body) in &texts {
            let read = super::mcp_tools::ok(
                &client,
                "read",
                serde_json::json!({"target": id, "lang": lang}),
            )
            .await;
            assert_eq!(fields(&read), fields(body), "{id} {lang}");
        }
        client.cancel().await.expect("close the session");
    });
    texts
}

/// The Shymkent maslikhat's decision of 14.09.2020 № 69/628-6с (code 146591,
/// `tests/fixtures/twins/local-shymkent_146591`, copied from `evals/census/acts`) in dated
/// editions: its Kazakh edition of 14.12.2022 with that commit's `meta@3d51c7a9.yaml`, and
/// two Russian editions (13.12.2021, 14.12.2022) with no metadata of their own. Each Russian
/// text takes the act's requisites from the Kazakh twin's metadata and joins it: one act, in
/// two languages, the Russian one a decision of 14.09.2020 № 69/628-6с in two editions, not an
/// act of its own of kind «другое» with no date; and no text is left out (`index` exits 0 and
/// names none).
#[test]
fn russian_editions_without_metadata_join_their_kazakh_twin() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let corpus = tmp.path().join("corpus");
    crate::common::copy_dir(
        &fixtures().join("../twins/local-shymkent_146591"),
        &corpus.join("local-shymkent_146591"),
    );
    let index = tmp.path().join("index");
    let (c_, i_) = (
        corpus.to_string_lossy().into_owned(),
        index.to_string_lossy().into_owned(),
    );
    let out = zanlex(&["index", "--corpus", &c_, "--index", &i_]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(!err.contains("skipped"), "{err}");
    let zi = crate::common::build_clean(&corpus, &index, &zanlex::BuildOptions::default());
    let ids: Vec<String> = zi
        .acts()
        .expect("acts")
        .iter()
        .map(|a| a.id.clone())
        .collect();
    let id = "maslikhat-decision-2020-09-14-69-628-6s";
    assert_eq!(ids, [id, id], "one act, two expressions");
    let ru = zi
        .act_in(id, Some(zanlex::Lang::Ru))
        .expect("the Russian text");
    assert_eq!(ru.kind, zanlex::ActKind::Decision);
    assert_eq!(
        ru.short_name(),
        "Решение маслихата города Шымкент от 14.09.2020 № 69/628-6с"
    );
    let editions: Vec<(&str, Option<chrono::NaiveDate>)> = ru
        .versions
        .iter()
        .map(|v| (v.source.file.rsplit('/').next().unwrap_or(""), v.from))
        .collect();
    let day = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
    assert_eq!(
        editions,
        [
            ("rus@c7adf3c5_v2021-12-13.md", day("2021-12-13")),
            ("rus@27b9fffd_v2022-12-14.md", day("2022-12-14")),
        ]
    );
    // `/v1` and MCP give one act in two languages, the Russian text of the Kazakh's kind and
    // requisites.
    let doors = the_doors_give_the_acts_the_library_lists(&corpus, tmp.path(), &zi);
    let rows: Vec<(&str, &str, &Value, &Value)> = doors
        .iter()
        .map(|(i, l, b)| (i.as_str(), l.as_str(), &b["kind"], &b["expressions"]))
        .collect();
    let (decision, both) = (Value::from("decision"), serde_json::json!(["kk", "ru"]));
    assert_eq!(
        rows,
        [(id, "kk", &decision, &both), (id, "ru", &decision, &both)]
    );
    assert_eq!(doors[1].2["citation"], ru.short_name());
}

/// A Kazakh word the text prints with Latin look-alike letters (`Yкiметiнiң`, Latin `Y` and
/// `i`, in the heading of article 3 of the Constitutional Law on the Government) is indexed as
/// the Cyrillic word it shows (the `Y` as the Kazakh `Ү`): the phrase typed with Kazakh letters
/// finds that heading first, as an exact match, above the stem match of «Үкіметі құрады».
#[test]
fn a_word_printed_with_latin_look_alikes_is_found_as_typed() {
    assert_eq!(
        hit_ids("\"Үкіметінің құрылуы\""),
        [
            "constitutional-law-1995-12-18-2688#art_3",
            "constitutional-law-1995-12-18-2688#art_24__para_2",
        ]
    );
}

/// Two texts of other acts put as editions into the folder of the Shymkent decision of
/// 14.09.2020 № 69/628-6с (`tests/fixtures/twins/local-shymkent_146591`), which holds no
/// metadata of those editions (their file names made up for them). The folder's other
/// edition's `meta@3d51c7a9.yaml` names the Shymkent act, adopted years after both texts'
/// editions: neither takes it, so neither is an edition of the Shymkent act «in force
/// 2015-03-27 – 2021-12-13», and the folder's own texts are indexed as before.
///
/// - `rus@0327beef_v2015-03-27.md`, the Almaty oblast maslikhat's decision of 27.03.2015
///   № 43-249 in Russian (`rus.md` of code 89455, `tests/fixtures/mirror`): its header prints
///   the title only, but its approval stamp prints its own act («маслихата № 43-249 / от «27»
///   марта 2015 года»), so it is indexed as that act, of its own, with a warning naming the
///   file and why;
/// - `rus@0303beef_v1997-03-03.md`, the Almaty oblast akim's decision of 03.03.1997 on the
///   bread trade in Russian (`tests/fixtures/twins/local-almaty-oblast_2339`), which prints no
///   date or number of its own anywhere: it is left out, named on stderr with why, in the build
///   report, and `index` exits 1.
///
/// Before, each took that metadata and `index` exited 0.
#[test]
fn a_text_put_in_another_acts_folder_never_borrows_its_metadata() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let corpus = tmp.path().join("corpus");
    let folder = corpus.join("local-shymkent_146591");
    crate::common::copy_dir(&fixtures().join("../twins/local-shymkent_146591"), &folder);
    let stamped = "rus@0327beef_v2015-03-27.md";
    std::fs::copy(
        fixtures().join(
            "local-almaty-oblast/08-local-decisions/154-almatinskoi-oblasti/\
             15400000-almatinskoi-oblasti/2015/\
             0327-ob-utverzhdenii-pravil-soderzhaniia-i-vygula-sobak-i-koshek-otlo-89455/rus.md",
        ),
        folder.join(stamped),
    )
    .expect("copy 43-249");
    let bare = "rus@0303beef_v1997-03-03.md";
    std::fs::copy(
        fixtures().join("../twins/local-almaty-oblast_2339/rus.md"),
        folder.join(bare),
    )
    .expect("copy 2339");
    let not_joined = "not joined to the act of its folder: meta@3d51c7a9.yaml names the act of \
                      14.09.2020 № 69/628-6с, but this text is an edition of 27.03.2015, before \
                      that act was adopted on 14.09.2020; indexed as an act of its own, as its \
                      header names it";
    let left_out = "left out: meta@3d51c7a9.yaml names the act of 14.09.2020 № 69/628-6с, but \
                    this text is an edition of 03.03.1997, before that act was adopted on \
                    14.09.2020, and its header does not give its own kind, date and number";
    let index = tmp.path().join("index");
    let (c_, i_) = (
        corpus.to_string_lossy().into_owned(),
        index.to_string_lossy().into_owned(),
    );
    let out = zanlex(&["index", "--corpus", &c_, "--index", &i_]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    let line = format!("zanlex: skipped corpus/local-shymkent_146591/{bare}: {left_out}");
    assert!(err.lines().any(|l| l == line), "{err}");
    let line = format!("zanlex: warning: corpus/local-shymkent_146591/{stamped}: {not_joined}");
    assert!(err.lines().any(|l| l == line), "{err}");
    let (zi, report) =
        zanlex::ZanIndex::open_or_build(&corpus, &index, &zanlex::BuildOptions::default())
            .expect("index");
    assert_eq!(
        report.failures,
        [(
            format!("corpus/local-shymkent_146591/{bare}"),
            left_out.to_string()
        )]
    );
    let id = "maslikhat-decision-2020-09-14-69-628-6s";
    let stamped_id = "maslikhat-decision-2015-03-27-43-249";
    let mut found: Vec<(String, zanlex::Lang, String)> = zi
        .acts()
        .expect("acts")
        .iter()
        .map(|a| (a.id.clone(), a.lang, a.source.file.clone()))
        .collect();
    found.sort();
    let row = |id: &str, lang, file: &str| {
        (
            id.to_string(),
            lang,
            format!("corpus/local-shymkent_146591/{file}"),
        )
    };
    assert_eq!(
        found,
        [
            row(stamped_id, zanlex::Lang::Ru, stamped),
            row(id, zanlex::Lang::Kk, "kaz@3d51c7a9_v2022-12-14.md"),
            row(id, zanlex::Lang::Ru, "rus@27b9fffd_v2022-12-14.md"),
        ],
        "the Shymkent act's two expressions and the stamped text's act, nothing else"
    );
    let own = zi
        .act_in(stamped_id, Some(zanlex::Lang::Ru))
        .expect("the stamped text's act");
    let issued: Vec<(Option<chrono::NaiveDate>, Option<&str>)> = own
        .issuances
        .iter()
        .map(|i| (i.date, i.number.as_deref()))
        .collect();
    let day = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
    assert_eq!(issued, [(day("2015-03-27"), Some("43-249"))]);
    assert_eq!(own.kind, zanlex::ActKind::Decision);
    let ru = zi
        .act_in(id, Some(zanlex::Lang::Ru))
        .expect("the Russian text");
    let editions: Vec<(&str, Option<chrono::NaiveDate>)> = ru
        .versions
        .iter()
        .map(|v| (v.source.file.rsplit('/').next().unwrap_or(""), v.from))
        .collect();
    assert_eq!(
        editions,
        [
            ("rus@c7adf3c5_v2021-12-13.md", day("2021-12-13")),
            ("rus@27b9fffd_v2022-12-14.md", day("2022-12-14")),
        ]
    );
}

/// The Almaty oblast maslikhat's decision of 27.03.2015 № 43-249 (code 89455,
/// `tests/fixtures/mirror`), its `kaz.md` and `rus.md` without their `meta.yaml`: the two texts
/// are one act (their file names' common stem), of the kind their words of enactment name. The
/// Kazakh text prints them with a Latin `I` («мәслихаты ШЕШIМ ҚАБЫЛДАДЫ»), the Russian one
/// «РЕШИЛ»: a decision in both languages, not «другое» (before, the Kazakh text read «другое»
/// and its Russian twin took that kind from it).
#[test]
fn twins_without_metadata_are_of_the_kind_their_words_of_enactment_name() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let corpus = tmp.path().join("corpus");
    let folder = corpus.join("f");
    std::fs::create_dir_all(&folder).expect("folder");
    let from = fixtures().join(
        "local-almaty-oblast/08-local-decisions/154-almatinskoi-oblasti/\
         15400000-almatinskoi-oblasti/2015/\
         0327-ob-utverzhdenii-pravil-soderzhaniia-i-vygula-sobak-i-koshek-otlo-89455",
    );
    for name in ["kaz.md", "rus.md"] {
        std::fs::copy(from.join(name), folder.join(name)).expect("copy");
    }
    let zi = crate::common::build_clean(
        &corpus,
        tmp.path().join("index"),
        &zanlex::BuildOptions::default(),
    );
    let acts = zi.acts().expect("acts");
    let found: Vec<(&str, zanlex::Lang, zanlex::ActKind)> = acts
        .iter()
        .map(|a| (a.id.as_str(), a.lang, a.kind))
        .collect();
    let id = "decision-almaty-oblysynda-itter-men-mysyqtardy-asyrau-9bcb4e";
    assert_eq!(
        found,
        [
            (id, zanlex::Lang::Kk, zanlex::ActKind::Decision),
            (id, zanlex::Lang::Ru, zanlex::ActKind::Decision),
        ]
    );
}

/// The Almaty oblast maslikhat's decisions of 27.03.2015 № 43-249 (code 89455, the Rules on
/// dogs and cats) and of 15.12.2020 № 64-340 (code 150276, the Rules on grazing), from
/// `tests/fixtures/mirror`, each folder holding its `kaz.md` and `meta.yaml` and the OTHER
/// act's `rus.md`; a third folder holds the decision of 20.05.2015 (code 90315) whole.
///
/// - `a/rus.md` (150276's Russian text beside 89455's metadata): its approval stamp prints
///   «от 15 декабря 2020 года № 64-340», not the metadata's act: it is not joined to 89455,
///   and is indexed as the act its header names, the decision of 15.12.2020 № 64-340 (the act
///   `b/kaz.md` is a text of), with a warning saying why;
/// - `b/rus.md` (89455's Russian text beside 150276's metadata): its approval stamp prints
///   the number before the date, «маслихата № 43-249 / от «27» марта 2015 года», not the
///   metadata's act: it is not joined to 150276, and is indexed as the act its stamp names, the
///   decision of 27.03.2015 № 43-249 (the act `a/kaz.md` is a text of), with a warning saying
///   why;
/// - `c/`: the right twins stay one act;
/// - `d/rus.md` (the Almaty oblast akim's decision of 03.03.1997 on the bread trade in Russian,
///   `tests/fixtures/twins/local-almaty-oblast_2339`, beside the `kaz.md` and `meta.yaml` of
///   the order of 15.05.2017 of code 112888): it prints no date or number of its own anywhere,
///   and its title shares too few content words with the metadata's Russian title: not
///   joined; with no date and number of its own it is left out, named on stderr and in the
///   build report, and `index` exits 1.
///
/// Before, each `rus.md` took its folder's metadata: 150276's Russian text was indexed as
/// 89455's, and `index` exited 0.
#[test]
fn another_acts_text_beside_kaz_md_and_meta_yaml_is_never_its_twin() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let corpus = tmp.path().join("corpus");
    let dogs = mirror_act("89455");
    let grazing = mirror_act("150276");
    let whole = mirror_act("90315");
    let service = mirror_act("112888");
    let bread = fixtures().join("../twins/local-almaty-oblast_2339");
    let place = |folder: &str, files: &[(&Path, &str)]| {
        let dir = corpus.join(folder);
        std::fs::create_dir_all(&dir).expect("folder");
        for (from, name) in files {
            std::fs::copy(from.join(name), dir.join(name)).expect("copy");
        }
    };
    place(
        "a",
        &[
            (&dogs, "kaz.md"),
            (&dogs, "meta.yaml"),
            (&grazing, "rus.md"),
        ],
    );
    place(
        "b",
        &[
            (&grazing, "kaz.md"),
            (&grazing, "meta.yaml"),
            (&dogs, "rus.md"),
        ],
    );
    place(
        "c",
        &[
            (&whole, "kaz.md"),
            (&whole, "rus.md"),
            (&whole, "meta.yaml"),
        ],
    );
    place(
        "d",
        &[
            (&service, "kaz.md"),
            (&service, "meta.yaml"),
            (&bread, "rus.md"),
        ],
    );
    let left_out = "left out: meta.yaml names the act «Об утверждении Правил и условий \
                    исчисления стажа работы по специальности для гражданских служащих, \
                    работников организаций, содержащихся за счет средств государственного \
                    бюджета, работников казенных предприятий Администрации Президента Республики \
                    Казахстан», but its title is «Об улучшении организации торговли хлебом и \
                    хлебобулочными изделиями по территории Алматинской области» (";
    let left_out_end = "of their words in common), and its header does not give its own kind, \
                        date and number";
    let not_joined = "not joined to the act of its folder: meta.yaml names the act of 27.03.2015 \
                      № 43-249, but its header names 15.12.2020 № 64-340; indexed as an act of \
                      its own, as its header names it";
    let stamped = "not joined to the act of its folder: meta.yaml names the act of 15.12.2020 \
                   № 64-340, but its header names 27.03.2015 № 43-249; indexed as an act of its \
                   own, as its header names it";
    let index = tmp.path().join("index");
    let (c_, i_) = (
        corpus.to_string_lossy().into_owned(),
        index.to_string_lossy().into_owned(),
    );
    let out = zanlex(&["index", "--corpus", &c_, "--index", &i_]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    let line = format!("zanlex: skipped corpus/d/rus.md: {left_out}");
    assert!(
        err.lines()
            .any(|l| l.starts_with(&line) && l.ends_with(left_out_end)),
        "{err}"
    );
    assert!(
        err.lines()
            .any(|l| l.contains("corpus/a/rus.md") && l.ends_with(not_joined)),
        "{err}"
    );
    assert!(
        err.lines()
            .any(|l| l == format!("zanlex: warning: corpus/b/rus.md: {stamped}")),
        "{err}"
    );
    let (zi, report) =
        zanlex::ZanIndex::open_or_build(&corpus, &index, &zanlex::BuildOptions::default())
            .expect("index");
    assert_eq!(report.failures.len(), 1, "{:?}", report.failures);
    assert_eq!(report.failures[0].0, "corpus/d/rus.md");
    assert!(
        report.failures[0].1.starts_with(left_out) && report.failures[0].1.ends_with(left_out_end),
        "{:?}",
        report.failures
    );
    let dogs_id = "maslikhat-decision-2015-03-27-43-249";
    let grazing_id = "maslikhat-decision-2020-12-15-64-340";
    let mut found: Vec<(String, zanlex::Lang, String, zanlex::ActKind)> = zi
        .acts()
        .expect("acts")
        .iter()
        .map(|a| (a.source.file.clone(), a.lang, a.id.clone(), a.kind))
        .collect();
    found.sort_by(|a, b| a.0.cmp(&b.0));
    let whole_id = found
        .iter()
        .find(|f| f.0 == "corpus/c/kaz.md")
        .map(|f| f.2.clone())
        .expect("c/kaz.md");
    let service_id = "president-administration-order-2017-05-15-17-01-38-27";
    let row = |file: &str, lang, id: &str| {
        (
            file.to_string(),
            lang,
            id.to_string(),
            zanlex::ActKind::Decision,
        )
    };
    assert_eq!(
        found,
        [
            row("corpus/a/kaz.md", zanlex::Lang::Kk, dogs_id),
            row("corpus/a/rus.md", zanlex::Lang::Ru, grazing_id),
            row("corpus/b/kaz.md", zanlex::Lang::Kk, grazing_id),
            row("corpus/b/rus.md", zanlex::Lang::Ru, dogs_id),
            row("corpus/c/kaz.md", zanlex::Lang::Kk, &whole_id),
            row("corpus/c/rus.md", zanlex::Lang::Ru, &whole_id),
            (
                "corpus/d/kaz.md".to_string(),
                zanlex::Lang::Kk,
                service_id.to_string(),
                zanlex::ActKind::Order
            ),
        ]
    );
    // 150276's Russian text keeps its own title, not 89455's from the metadata beside it.
    let ru = zi
        .act_in(grazing_id, Some(zanlex::Lang::Ru))
        .expect("150276 in Russian");
    assert_eq!(ru.title, md_title(&grazing.join("rus.md")));
    // 89455's Russian text is that act's, by its stamp, with its own title, not 150276's.
    let ru = zi
        .act_in(dogs_id, Some(zanlex::Lang::Ru))
        .expect("89455 in Russian");
    assert_eq!(ru.lang, zanlex::Lang::Ru);
    assert_eq!(ru.title, md_title(&dogs.join("rus.md")));
    let issued: Vec<(Option<chrono::NaiveDate>, Option<&str>)> = ru
        .issuances
        .iter()
        .map(|i| (i.date, i.number.as_deref()))
        .collect();
    assert_eq!(
        issued,
        [(chrono::NaiveDate::from_ymd_opt(2015, 3, 27), Some("43-249"))]
    );
    // The command line's JSON list says the same.
    let out = zanlex(&["acts", "--json", "--corpus", &c_, "--index", &i_]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let listed: Vec<(String, String)> = json["acts"]
        .as_array()
        .expect("acts")
        .iter()
        .map(|a| {
            (
                a["id"].as_str().unwrap_or_default().to_string(),
                a["title"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect();
    assert!(
        listed.contains(&(grazing_id.to_string(), md_title(&grazing.join("kaz.md")))),
        "{listed:?}"
    );
}

/// The Almaty oblast akim's decision of 03.03.1997 on the bread trade (code 2339,
/// `tests/fixtures/twins/local-almaty-oblast_2339`, copied from `evals/census/acts` without its
/// `meta.yaml`): the Kazakh text's words of enactment («облыс Әкiмi ШЕШIМ ЕТТI») give no kind,
/// the Russian text's give a decision. The two are one act (their file names' common stem),
/// and the act as a whole takes the kind one language knows: both expressions are a decision,
/// its id is a decision's, and a `kind:decision` filter finds it in each language, cited by
/// that language's title (the act prints no date or number, so no citation form names its
/// kind). Before, the Russian text took «другое» from its Kazakh twin; then the Kazakh one
/// kept «другое», the id was an `other-` one and `kind:decision` found no Kazakh unit.
#[test]
fn a_twins_unknown_kind_never_replaces_a_known_one() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let corpus = tmp.path().join("corpus");
    crate::common::copy_dir(
        &fixtures().join("../twins/local-almaty-oblast_2339"),
        &corpus.join("f"),
    );
    let index = tmp.path().join("index");
    let zi = crate::common::build_clean(&corpus, &index, &zanlex::BuildOptions::default());
    let acts = zi.acts().expect("acts");
    let found: Vec<(&str, zanlex::Lang, zanlex::ActKind)> = acts
        .iter()
        .map(|a| (a.id.as_str(), a.lang, a.kind))
        .collect();
    let id = "decision-almaty-oblysynyn-aumagynda-nan-zhane-nan-289f17";
    assert_eq!(
        found,
        [
            (id, zanlex::Lang::Kk, zanlex::ActKind::Decision),
            (id, zanlex::Lang::Ru, zanlex::ActKind::Decision),
        ]
    );
    drop(zi);
    let (c, i) = (
        corpus.to_string_lossy().into_owned(),
        index.to_string_lossy().into_owned(),
    );
    let hits = |query: &str, lang: &str| -> Vec<(String, String)> {
        let doc = json(&zanlex(&[
            "search", query, "--lang", lang, "--json", "--limit", "1", "--corpus", &c, "--index",
            &i,
        ]));
        doc["hits"]
            .as_array()
            .expect("hits")
            .iter()
            .map(|h| {
                (
                    h["act"]["id"].as_str().unwrap_or("").to_string(),
                    h["citation"].as_str().unwrap_or("").to_string(),
                )
            })
            .collect()
    };
    assert_eq!(
        hits("нан kind:decision", "kk"),
        [(
            id.to_string(),
            "Алматы облысының аумағында нан және нан ұнімдері саудасын ұйымдастыруды жақсарту туралы · 2-тармақ"
                .to_string()
        )]
    );
    assert_eq!(
        hits("хлеб kind:decision", "ru"),
        [(
            id.to_string(),
            "Об улучшении организации торговли хлебом и хлебобулочными изделиями по территории… · преамбула"
                .to_string()
        )]
    );
}
