//! The relevance sets are well formed: a header and five tab-separated columns per row, unique
//! ids, lang `kk` or `ru`, and every relevant entry `ACT#EID` an eid in zanlex's shape.
//! `evals/mirror_queries.tsv` (scored by `examples/eval_mirror.rs`) names the mirror sample's
//! acts only; `evals/questions.tsv` (scored by `examples/eval_questions.rs`) names acts of the
//! bundled corpus, whose units must be in an index of `corpus/`, or of `../shared/data`.

use std::collections::{HashMap, HashSet};
use std::path::Path;
use zanlex::{BuildOptions, ZanIndex};

/// The ids of the seven acts of `../shared/data/mirror`, as `zanlex acts` prints them.
const ACTS: [&str; 7] = [
    "constitutional-law-1995-12-18-2688",
    "maslikhat-decision-2020-12-15-64-340",
    "maslikhat-decision-2015-03-27-43-249",
    "maslikhat-decision-2015-05-20-45-264",
    "president-administration-order-2017-05-15-17-01-38-27",
    "president-office-order-2019-10-07-19-42-3-3-17",
    "president-administration-order-2020-05-22-20-01-38-20",
];

/// The acts of `../shared/data/versions` that the mirror sample does not hold (the Government
/// law, 104316, and the order 135478 are in both, one act each), as an index of the two with
/// the bundled corpus names them.
const VERSIONS_ONLY: [&str; 1] = ["maslikhat-decision-2019-08-23-418-54-vi"];

const HEADER: [&str; 5] = ["id", "lang", "query", "relevant", "why"];

/// Rows of `evals/NAME` after the header, as (line number, columns).
fn rows(name: &str) -> Vec<(usize, Vec<String>)> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("evals")
        .join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("evals/{name}: {e}"));
    let mut lines = text.lines().enumerate();
    let (_, header) = lines.next().expect("a header line");
    assert_eq!(header.split('\t').collect::<Vec<_>>(), HEADER, "header");
    lines
        .map(|(n, l)| (n + 1, l.split('\t').map(str::to_string).collect()))
        .collect()
}

/// One checked row: its id, language and relevant `(act, eid)` entries.
struct Row {
    line: usize,
    id: String,
    lang: String,
    relevant: Vec<(String, String)>,
}

/// Checks what every relevance set keeps (five columns, a unique non-empty id, lang `kk` or
/// `ru`, a query and a why, relevant entries `ACT#EID` separated by one space, each once, eids
/// in zanlex's shape) and returns the rows.
fn checked_rows(name: &str) -> Vec<Row> {
    let mut ids = HashSet::new();
    let mut out = Vec::new();
    for (n, cols) in rows(name) {
        assert_eq!(cols.len(), 5, "{name}:{n}: 5 columns, got {cols:?}");
        let (id, lang, query, relevant, why) = (&cols[0], &cols[1], &cols[2], &cols[3], &cols[4]);
        assert!(!id.trim().is_empty(), "{name}:{n}: empty id");
        assert!(ids.insert(id.clone()), "{name}:{n}: duplicate id {id}");
        assert!(
            lang == "kk" || lang == "ru",
            "{name}:{n}: lang {lang:?} is not kk or ru"
        );
        assert!(!query.trim().is_empty(), "{name}:{n}: empty query");
        assert!(!why.trim().is_empty(), "{name}:{n}: empty why");
        let entries: Vec<&str> = relevant.split(' ').collect();
        assert!(
            !relevant.is_empty() && entries.iter().all(|e| !e.is_empty()),
            "{name}:{n}: relevant {relevant:?} must be ACT#EID entries separated by one space"
        );
        let mut seen = HashSet::new();
        let mut pairs = Vec::new();
        for e in entries {
            let (act, eid) = e
                .split_once('#')
                .unwrap_or_else(|| panic!("{name}:{n}: {e:?} is not ACT#EID"));
            assert!(eid_shape_ok(eid), "{name}:{n}: eid {eid:?} is not an eid");
            assert!(seen.insert(e), "{name}:{n}: {e} listed twice");
            pairs.push((act.to_string(), eid.to_string()));
        }
        out.push(Row {
            line: n,
            id: id.clone(),
            lang: lang.clone(),
            relevant: pairs,
        });
    }
    out
}

/// An eid as zanlex writes them: `_`-joined kind and number (`art_3-1`, `subpara_5-1`,
/// `annex_2`, `sec_1.3`, a repeated number's `para_1_2`), levels joined with `__`.
fn eid_shape_ok(eid: &str) -> bool {
    eid.split("__").all(|level| {
        // The text before an act's first numbered unit has no number: `preamble`.
        level == "preamble"
            || level.split_once('_').is_some_and(|(kind, num)| {
                // A printed number repeated in one list gets `_2`, `_3`, … after it (the parser's
                // tree keeps ids unique so), as `att_1__para_1_2` for a second `1.` row.
                let (num, repeat) = num.split_once('_').unwrap_or((num, "1"));
                !kind.is_empty()
                    && kind.chars().all(|c| c.is_ascii_lowercase())
                    && !num.is_empty()
                    && num
                        .chars()
                        .all(|c| c.is_ascii_digit() || c == '-' || c == '.')
                    && num.starts_with(|c: char| c.is_ascii_digit())
                    && !repeat.is_empty()
                    && repeat.chars().all(|c| c.is_ascii_digit())
            })
    })
}

#[test]
fn eval_set_rows_are_well_formed() {
    let rows = checked_rows("mirror_queries.tsv");
    assert!(rows.len() >= 30, "about 36 queries, found {}", rows.len());
    let mut per_lang: HashMap<String, usize> = HashMap::new();
    let mut acts_used = HashSet::new();
    for row in &rows {
        *per_lang.entry(row.lang.clone()).or_default() += 1;
        for (act, _) in &row.relevant {
            assert!(
                ACTS.contains(&act.as_str()),
                "line {}: {act:?} is not an act of the mirror sample",
                row.line
            );
            acts_used.insert(act.clone());
        }
    }
    // Half the queries in each language, and every act asked about.
    let (kk, ru) = (per_lang.get("kk"), per_lang.get("ru"));
    assert_eq!(kk, ru, "as many Kazakh as Russian queries");
    assert_eq!(acts_used.len(), ACTS.len(), "every act has a query");
}

#[test]
fn questions_are_well_formed_and_their_corpus_units_exist() {
    let rows = checked_rows("questions.tsv");
    assert!(
        rows.len() >= 40,
        "at least 40 questions, found {}",
        rows.len()
    );
    for row in &rows {
        let digits = row.id.strip_prefix('Q').unwrap_or("");
        assert!(
            digits.len() >= 2 && digits.chars().all(|c| c.is_ascii_digit()),
            "line {}: id {:?} is not Q01, Q02, …",
            row.line,
            row.id
        );
    }
    let per_lang = |l: &str| rows.iter().filter(|r| r.lang == l).count();
    assert!(
        per_lang("kk") * 2 >= rows.len() && per_lang("ru") * 5 >= rows.len(),
        "about half Kazakh and a quarter Russian: {} kk, {} ru",
        per_lang("kk"),
        per_lang("ru")
    );

    // Every act is the bundled corpus's or the shared data's; the units named in the bundled
    // corpus's acts are in its index (in either language).
    let dir = tempfile::tempdir().expect("tempdir");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let (index, _) = ZanIndex::open_or_build(
        root.join("corpus"),
        dir.path().join("index"),
        &BuildOptions::default(),
    )
    .expect("the corpus index builds");
    let bundled: HashSet<String> = index.act_ids().expect("act ids").into_iter().collect();
    let mut over_corpus = 0;
    for row in &rows {
        for (act, eid) in &row.relevant {
            if bundled.contains(act) {
                assert!(
                    index.unit(act, eid).is_ok(),
                    "line {} ({}): {act}#{eid} is not in the index of corpus/",
                    row.line,
                    row.id
                );
            } else {
                assert!(
                    ACTS.contains(&act.as_str()) || VERSIONS_ONLY.contains(&act.as_str()),
                    "line {} ({}): {act:?} is neither an act of corpus/ nor of ../shared/data",
                    row.line,
                    row.id
                );
            }
        }
        if row.relevant.iter().all(|(a, _)| bundled.contains(a)) {
            over_corpus += 1;
        }
    }
    assert!(
        over_corpus >= 10,
        "{over_corpus} questions over the bundled corpus"
    );
}

/// The acts of `evals/corpus` (the mirror folders the everyday questions are about), as an
/// index of that folder names them.
const EVALS_CORPUS_ACTS: [&str; 116] = [
    "akim-decision-2024-10-04-502-18",
    "akim-decision-2025-11-11-03-02-02",
    "constitutional-law-qazaqstan-respublikasynyn-memlekettik-tauelsizdigi-turaly",
    "government-resolution-2022-08-27-614",
    "government-resolution-2023-03-28-272",
    "government-resolution-2023-09-04-765",
    "government-resolution-2024-03-20-212",
    "government-resolution-2024-07-25-601",
    "government-resolution-2024-11-19-970",
    "government-resolution-2025-02-25-96",
    "government-resolution-2025-05-08-318",
    "government-resolution-2025-09-02-709",
    "government-resolution-2025-10-01-813",
    "government-resolution-2025-10-03-819",
    "government-resolution-2025-11-07-936",
    "government-resolution-2025-11-10-940",
    "government-resolution-2025-11-21-993",
    "government-resolution-2025-12-04-1043",
    "government-resolution-2025-12-17-1089",
    "government-resolution-2026-02-09-77",
    "government-resolution-2026-03-12-166",
    "government-resolution-2026-03-12-167",
    "government-resolution-2026-04-21-301",
    "government-resolution-2026-05-04-361",
    "law-1997-07-11-151",
    "law-1999-07-13-414",
    "law-2001-12-13-267-ii",
    "law-2001-12-14-268-ii",
    "law-2002-03-12-303",
    "law-2002-06-24-330",
    "law-2006-07-04-149",
    "law-2007-07-21-306",
    "law-2011-12-28-521-iv",
    "law-2013-01-29-73-v",
    "law-2014-04-23-198-v",
    "law-2014-06-10-207-v",
    "law-2014-12-10-263-v",
    "law-2018-01-10-131-vi",
    "law-2018-07-02-169-vi",
    "law-2018-07-05-178-vi",
    "law-2019-02-08-224-vi",
    "law-2019-12-27-293-vi",
    "law-2020-05-06-322-vi",
    "law-2020-05-25-333-vi",
    "law-2021-06-29-57-vii",
    "law-2021-12-30-97-vii",
    "law-2022-01-31-104-vii",
    "law-2022-11-02-152-vii",
    "law-2023-01-01-181-vii",
    "law-2023-03-14-205-vii",
    "law-2023-07-05-16-viii",
    "law-2023-07-10-18-viii",
    "law-2024-06-10-89-viii",
    "law-2024-07-05-110-viii",
    "law-2025-03-03-165-viii",
    "law-2026-07-02-332-viii",
    "law-2026-07-08-341-viii",
    "maslikhat-decision-2019-07-25-50-255",
    "maslikhat-decision-2021-03-31-28-3-vii",
    "maslikhat-decision-2021-03-31-29-3-vii",
    "maslikhat-decision-2021-11-24-104-15-vii",
    "maslikhat-decision-2021-11-24-110-15-vii",
    "maslikhat-decision-2022-03-16-144-22-vii",
    "maslikhat-decision-2022-04-01-17-78",
    "maslikhat-decision-2022-08-12-20-179-vii",
    "maslikhat-decision-2022-11-29-30-141",
    "maslikhat-decision-2022-11-29-30-142",
    "maslikhat-decision-2023-12-26-133-16-viii",
    "maslikhat-decision-2024-01-31-15-74",
    "maslikhat-decision-2024-03-07-149-19-viii",
    "maslikhat-decision-2024-03-29-169-20-viii",
    "maslikhat-decision-2024-03-29-18-85",
    "maslikhat-decision-2024-04-26-20-94",
    "maslikhat-decision-2024-04-26-20-96",
    "maslikhat-decision-2024-05-22-21-103",
    "maslikhat-decision-2024-10-15-27-145",
    "maslikhat-decision-2024-12-11-248-32-viii",
    "maslikhat-decision-2025-02-14-270-34-viii",
    "maslikhat-decision-2025-02-14-272-34-viii",
    "maslikhat-decision-2025-03-18-283-35-viii",
    "maslikhat-decision-2025-08-27-40-221",
    "maslikhat-decision-2025-09-17-29-268-viii",
    "maslikhat-decision-2025-09-24-41-225",
    "maslikhat-decision-2025-11-12-339-45-viii",
    "maslikhat-decision-2025-11-12-340-45-viii",
    "maslikhat-decision-2025-11-28-30-273-viii",
    "maslikhat-decision-2025-11-28-347-46-viii",
    "maslikhat-decision-2025-11-28-349-46-viii",
    "maslikhat-decision-2025-12-12-31-283-viii",
    "maslikhat-decision-2025-12-12-359-47-viii",
    "maslikhat-decision-2025-12-15-44-245",
    "maslikhat-decision-2025-12-15-44-252",
    "maslikhat-decision-2026-02-25-46-261",
    "maslikhat-decision-2026-02-25-46-262",
    "maslikhat-decision-2026-03-19-394-51-viii",
    "maslikhat-decision-2026-03-19-396-51-viii",
    "maslikhat-decision-2026-04-22-49-281",
    "maslikhat-decision-2026-04-24-406-52-viii",
    "maslikhat-decision-2026-04-24-409-52-viii",
    "maslikhat-decision-2026-07-24-52-307",
    "maslikhat-decision-2026-08-05-53-314",
    "maslikhat-decision-2026-08-14-452-58-viii",
    "maslikhat-decision-2026-08-31-456-58-viii",
    "moj-order-2020-05-27-58",
    "moj-order-2022-05-27-442",
    "moj-order-2023-06-27-415",
    "moj-order-2023-06-27-416",
    "moj-order-2023-06-27-423",
    "moj-order-2023-06-29-427",
    "moj-order-2023-06-29-428",
    "moj-order-2023-06-29-429",
    "moj-order-2023-10-10-726",
    "moj-order-2025-09-27-533",
    "moj-order-2026-08-10-768",
    "moj-order-2026-08-11-774",
    "moj-order-2026-08-11-776",
];

/// Checks an everyday-question set over `evals/corpus`: ids `PREFIX01`, `PREFIX02` …, at least
/// `least` questions in each language, every unit named in an index of `evals/corpus` in the
/// question's language, and the questions about exactly the acts `about`.
fn check_everyday_set(name: &str, prefix: char, least: usize, about: &[&str]) {
    let rows = checked_rows(name);
    for row in &rows {
        let digits = row.id.strip_prefix(prefix).unwrap_or("");
        assert!(
            digits.len() >= 2 && digits.chars().all(|c| c.is_ascii_digit()),
            "{name} line {}: id {:?} is not {prefix}01, {prefix}02, …",
            row.line,
            row.id
        );
    }
    let per_lang = |l: &str| rows.iter().filter(|r| r.lang == l).count();
    assert!(
        per_lang("kk") >= least && per_lang("ru") >= least,
        "{name}: at least {least} questions in each language: {} kk, {} ru",
        per_lang("kk"),
        per_lang("ru")
    );

    // Every unit named is in an index of evals/corpus, in the question's language.
    let dir = tempfile::tempdir().expect("tempdir");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let (index, _) = ZanIndex::open_or_build(
        root.join("evals/corpus"),
        dir.path().join("index"),
        &BuildOptions::default(),
    )
    .expect("the index of evals/corpus builds");
    let mut acts = index.act_ids().expect("act ids");
    acts.sort();
    assert_eq!(acts, EVALS_CORPUS_ACTS, "the acts of evals/corpus");
    let mut used = HashSet::new();
    for row in &rows {
        let lang = if row.lang == "kk" {
            zanlex::Lang::Kk
        } else {
            zanlex::Lang::Ru
        };
        for (act, eid) in &row.relevant {
            assert!(
                index.unit_in(act, eid, Some(lang)).is_ok(),
                "{name} line {} ({}): {act}#{eid} is not in the {} text of evals/corpus",
                row.line,
                row.id,
                row.lang
            );
            used.insert(act.as_str());
        }
    }
    let mut used: Vec<&str> = used.into_iter().collect();
    used.sort();
    assert_eq!(used, about, "{name}: the acts its questions are about");
}

#[test]
fn people_questions_are_well_formed_and_their_units_exist_in_their_language() {
    check_everyday_set(
        "people.tsv",
        'P',
        40,
        &[
            "government-resolution-2022-08-27-614",
            "law-1997-07-11-151",
            "law-2001-12-13-267-ii",
            "law-2011-12-28-521-iv",
            "law-2013-01-29-73-v",
            "law-2018-07-02-169-vi",
            "law-2019-12-27-293-vi",
            "law-2020-05-06-322-vi",
            "law-2020-05-25-333-vi",
            "law-2021-12-30-97-vii",
            "law-2022-11-02-152-vii",
            "law-2024-07-05-110-viii",
            "maslikhat-decision-2021-03-31-28-3-vii",
            "maslikhat-decision-2021-03-31-29-3-vii",
            "maslikhat-decision-2021-11-24-104-15-vii",
            "maslikhat-decision-2022-03-16-144-22-vii",
            "maslikhat-decision-2022-04-01-17-78",
            "maslikhat-decision-2022-11-29-30-142",
            "maslikhat-decision-2024-01-31-15-74",
            "maslikhat-decision-2024-03-29-18-85",
            "maslikhat-decision-2024-04-26-20-96",
            "maslikhat-decision-2024-05-22-21-103",
            "maslikhat-decision-2024-10-15-27-145",
            "maslikhat-decision-2025-08-27-40-221",
            "maslikhat-decision-2025-09-24-41-225",
            "maslikhat-decision-2025-11-12-339-45-viii",
            "maslikhat-decision-2025-12-15-44-245",
            "moj-order-2025-09-27-533",
        ],
    );
}

/// The held-out set: questions about the Law on Toy Safety, written before any engine ran on it.
#[test]
fn held_out_questions_are_well_formed_and_their_units_exist_in_their_language() {
    check_everyday_set("people_heldout.tsv", 'H', 20, &["law-2007-07-21-306"]);
}

/// The blind set: questions about six acts no other set uses, written and committed before any
/// engine ran on them.
#[test]
fn blind_questions_are_well_formed_and_their_units_exist_in_their_language() {
    check_everyday_set(
        "blind.tsv",
        'B',
        30,
        &[
            "law-2001-12-13-267-ii",
            "law-2019-12-27-293-vi",
            "law-2022-11-02-152-vii",
            "maslikhat-decision-2024-01-31-15-74",
            "maslikhat-decision-2024-04-26-20-96",
            "moj-order-2023-06-27-415",
        ],
    );
}

/// The second blind set: questions about three acts no other set uses (a law, a maslikhat
/// decision, a ministerial order with Rules), 16 each, half in each language, written and
/// committed before any engine ran on them.
#[test]
fn blind2_questions_are_well_formed_and_their_units_exist_in_their_language() {
    let about = [
        "law-2021-12-30-97-vii",
        "maslikhat-decision-2021-11-24-104-15-vii",
        "moj-order-2023-10-10-726",
    ];
    check_everyday_set("blind2.tsv", 'N', 24, &about);
    let rows = checked_rows("blind2.tsv");
    assert_eq!(rows.len(), 48, "blind2: 48 questions");
    for act in about {
        for lang in ["kk", "ru"] {
            let n = rows
                .iter()
                .filter(|r| r.lang == lang && r.relevant.iter().any(|(a, _)| a == act))
                .count();
            assert_eq!(n, 8, "blind2: 8 {lang} questions about {act}");
        }
    }
}

/// The third blind set: questions about seven acts no other set uses (three laws, a Government
/// resolution, a ministerial order with Rules, two maslikhat decisions), written and committed
/// before any engine ran on them, each act asked about in both languages.
#[test]
fn blind3_questions_are_well_formed_and_their_units_exist_in_their_language() {
    let about = [
        "government-resolution-2024-11-19-970",
        "law-2023-07-05-16-viii",
        "law-2023-07-10-18-viii",
        "law-2024-07-05-110-viii",
        "maslikhat-decision-2021-11-24-110-15-vii",
        "maslikhat-decision-2022-04-01-17-78",
        "moj-order-2023-06-29-429",
    ];
    check_everyday_set("blind3.tsv", 'C', 30, &about);
    let rows = checked_rows("blind3.tsv");
    assert_eq!(rows.len(), 94, "blind3: 94 questions");
    assert_each_act_asked(&rows, "blind3", &about, 2);
}

/// The fourth blind set: questions about six acts no other set uses (two laws, a Government
/// resolution, a ministerial order with Rules, two maslikhat decisions with Rules), written and
/// committed before any engine ran on them, each act asked about in both languages.
#[test]
fn blind4_questions_are_well_formed_and_their_units_exist_in_their_language() {
    let about = [
        "government-resolution-2023-09-04-765",
        "law-2018-01-10-131-vi",
        "law-2018-07-02-169-vi",
        "maslikhat-decision-2022-11-29-30-142",
        "maslikhat-decision-2024-05-22-21-103",
        "moj-order-2020-05-27-58",
    ];
    check_everyday_set("blind4.tsv", 'D', 33, &about);
    let rows = checked_rows("blind4.tsv");
    assert_sizes(&rows, "blind4", (80, 38, 42), &about);
}

/// The fifth blind set: questions about six acts no other set uses (a law, a Government
/// resolution, a ministerial order, three maslikhat decisions), written and committed before any
/// engine ran on them, each act asked about at least three times in each language; four
/// questions also name the units of the pets and farm-animal Rules that answer them too.
#[test]
fn blind5_questions_are_well_formed_and_their_units_exist_in_their_language() {
    let asked = [
        "government-resolution-2022-08-27-614",
        "law-2020-05-06-322-vi",
        "maslikhat-decision-2025-08-27-40-221",
        "maslikhat-decision-2025-09-24-41-225",
        "maslikhat-decision-2025-12-15-44-245",
        "moj-order-2025-09-27-533",
    ];
    let about = [
        "government-resolution-2022-08-27-614",
        "law-2020-05-06-322-vi",
        "maslikhat-decision-2022-11-29-30-142",
        "maslikhat-decision-2024-05-22-21-103",
        "maslikhat-decision-2025-08-27-40-221",
        "maslikhat-decision-2025-09-24-41-225",
        "maslikhat-decision-2025-12-15-44-245",
        "moj-order-2025-09-27-533",
    ];
    check_everyday_set("blind5.tsv", 'E', 35, &about);
    let rows = checked_rows("blind5.tsv");
    assert_sizes(&rows, "blind5", (88, 42, 46), &asked);
    // The two acts of earlier sets are named only beside a unit of the new Rules of water use.
    for row in &rows {
        if row
            .relevant
            .iter()
            .any(|(a, _)| !asked.contains(&a.as_str()))
        {
            assert!(
                row.relevant
                    .iter()
                    .any(|(a, _)| a == "maslikhat-decision-2025-09-24-41-225"),
                "blind5 line {} ({}): an older act without the Rules of water use",
                row.line,
                row.id
            );
        }
    }
}

/// The sixth blind set: questions about six acts no other set uses (a law with bold-line
/// articles, a Government resolution with a table, a ministerial order with Rules, three maslikhat
/// decisions, one with Rules), written and committed before any engine ran on them, each act
/// asked about at least three times in each language.
#[test]
fn blind6_questions_are_well_formed_and_their_units_exist_in_their_language() {
    let about = [
        "government-resolution-2025-12-04-1043",
        "law-2025-03-03-165-viii",
        "maslikhat-decision-2021-03-31-29-3-vii",
        "maslikhat-decision-2022-03-16-144-22-vii",
        "maslikhat-decision-2024-03-29-18-85",
        "moj-order-2023-06-27-423",
    ];
    check_everyday_set("blind6.tsv", 'F', 35, &about);
    let rows = checked_rows("blind6.tsv");
    assert_sizes(&rows, "blind6", (79, 37, 42), &about);
}

/// The seventh blind set: questions about seven acts no other set uses (a law with bold-line
/// articles, three Government resolutions, one with an annex table, a ministerial order with
/// requirements, two maslikhat decisions, one with Rules whose Kazakh points run one lower than
/// the Russian from chapter 3 on), written and committed before any engine ran on them, each act
/// asked about at least three times in each language.
#[test]
fn blind7_questions_are_well_formed_and_their_units_exist_in_their_language() {
    let about = [
        "government-resolution-2025-09-02-709",
        "government-resolution-2025-10-03-819",
        "government-resolution-2025-11-10-940",
        "law-2023-03-14-205-vii",
        "maslikhat-decision-2021-03-31-28-3-vii",
        "maslikhat-decision-2024-10-15-27-145",
        "moj-order-2023-06-29-428",
    ];
    check_everyday_set("blind7.tsv", 'G', 40, &about);
    let rows = checked_rows("blind7.tsv");
    assert_sizes(&rows, "blind7", (87, 41, 46), &about);
}

/// The eighth blind set: questions about six acts no other set uses (three laws, two with
/// articles as `###` headings and one with bold-line articles, two Government resolutions, one
/// with Rules in chapters, and a maslikhat decision with Rules), written and committed before
/// any engine ran on them, each act asked about at least five times in each language.
#[test]
fn blind8_questions_are_well_formed_and_their_units_exist_in_their_language() {
    let about = [
        "government-resolution-2024-03-20-212",
        "government-resolution-2024-07-25-601",
        "law-2013-01-29-73-v",
        "law-2018-07-05-178-vi",
        "law-2021-06-29-57-vii",
        "maslikhat-decision-2022-11-29-30-141",
    ];
    check_everyday_set("blind8.tsv", 'J', 36, &about);
    let rows = checked_rows("blind8.tsv");
    assert_sizes(&rows, "blind8", (92, 46, 46), &about);
    assert_each_act_asked(&rows, "blind8", &about, 5);
}

/// The ninth blind set: questions about six acts no other set uses (three laws, one with
/// articles as `###` headings in Russian that turn to bold lines in Kazakh, two with bold-line
/// articles, a Government resolution with Rules in chapters, a Minister of Justice order with
/// Rules in chapters, and a maslikhat decision with an annex of two points), written and
/// committed before any engine ran on them, each act asked about at least three times in each
/// language and the larger four at least eight times.
#[test]
fn blind9_questions_are_well_formed_and_their_units_exist_in_their_language() {
    let about = [
        "government-resolution-2023-03-28-272",
        "law-1999-07-13-414",
        "law-2001-12-14-268-ii",
        "law-2023-01-01-181-vii",
        "maslikhat-decision-2019-07-25-50-255",
        "moj-order-2023-06-29-427",
    ];
    check_everyday_set("blind9.tsv", 'K', 42, &about);
    let rows = checked_rows("blind9.tsv");
    assert_sizes(&rows, "blind9", (84, 42, 42), &about);
    let larger = [
        "government-resolution-2023-03-28-272",
        "law-1999-07-13-414",
        "law-2023-01-01-181-vii",
        "moj-order-2023-06-29-427",
    ];
    assert_each_act_asked(&rows, "blind9", &larger, 8);
}

/// The tenth blind set: questions about six acts no other set uses (a law with articles as
/// `###` headings, a law with bold-line articles, a Government resolution with Rules in
/// chapters, a maslikhat decision with Rules in chapters, an akim's decision with an annex in
/// chapters, and a maslikhat decision of two points), written and committed before any engine
/// ran on them, each act asked about at least three times in each language and the larger four
/// at least six times.
#[test]
fn blind10_questions_are_well_formed_and_their_units_exist_in_their_language() {
    let about = [
        "akim-decision-2024-10-04-502-18",
        "government-resolution-2025-11-07-936",
        "law-2014-12-10-263-v",
        "law-2024-06-10-89-viii",
        "maslikhat-decision-2024-03-07-149-19-viii",
        "maslikhat-decision-2025-12-12-359-47-viii",
    ];
    check_everyday_set("blind10.tsv", 'L', 42, &about);
    let rows = checked_rows("blind10.tsv");
    assert_sizes(&rows, "blind10", (84, 42, 42), &about);
    let larger = [
        "government-resolution-2025-11-07-936",
        "law-2014-12-10-263-v",
        "law-2024-06-10-89-viii",
        "maslikhat-decision-2024-03-07-149-19-viii",
    ];
    assert_each_act_asked(&rows, "blind10", &larger, 6);
}

/// The eleventh blind set: questions about six acts no other set uses (a law with articles as
/// `###` headings in chapters, a law with articles as `##` headings, a Government resolution
/// with Rules in chapters and points, a Minister of Justice's order with an Instruction in
/// chapters and points, and two maslikhat decisions of two points each), written and committed
/// before any engine ran on them; the five larger acts asked about at least three times in each
/// language, the two laws at least ten, the two-point tax decision twice.
#[test]
fn blind11_questions_are_well_formed_and_their_units_exist_in_their_language() {
    let about = [
        "government-resolution-2025-10-01-813",
        "law-2011-12-28-521-iv",
        "law-2014-06-10-207-v",
        "maslikhat-decision-2025-11-28-347-46-viii",
        "maslikhat-decision-2025-11-28-349-46-viii",
        "moj-order-2022-05-27-442",
    ];
    check_everyday_set("blind11.tsv", 'R', 42, &about);
    let rows = checked_rows("blind11.tsv");
    let three = [
        "government-resolution-2025-10-01-813",
        "law-2011-12-28-521-iv",
        "law-2014-06-10-207-v",
        "maslikhat-decision-2025-11-28-347-46-viii",
        "moj-order-2022-05-27-442",
    ];
    assert_sizes(&rows, "blind11", (84, 42, 42), &three);
    assert_each_act_asked(
        &rows,
        "blind11",
        &["law-2011-12-28-521-iv", "law-2014-06-10-207-v"],
        10,
    );
    assert_each_act_asked(
        &rows,
        "blind11",
        &["maslikhat-decision-2025-11-28-349-46-viii"],
        2,
    );
}

/// The twelfth blind set: questions about six acts no other set uses (a law with articles as
/// `###` headings in chapters, a Government resolution with two attached documents in chapters
/// and points, a Government resolution of two points, a Minister of Justice's order with an
/// annex of subparagraphs, a maslikhat decision with Rules in chapters and a maslikhat decision
/// with a table), written and committed before any engine ran on them; each act asked about at
/// least three times in each language, the law and the pets' Rules at least ten, the tax
/// benefit Rules six.
#[test]
fn blind12_questions_are_well_formed_and_their_units_exist_in_their_language() {
    let about = [
        "government-resolution-2025-11-21-993",
        "government-resolution-2025-12-17-1089",
        "law-2002-03-12-303",
        "maslikhat-decision-2025-02-14-270-34-viii",
        "maslikhat-decision-2025-02-14-272-34-viii",
        "moj-order-2023-06-27-416",
    ];
    check_everyday_set("blind12.tsv", 'S', 42, &about);
    let rows = checked_rows("blind12.tsv");
    assert_sizes(&rows, "blind12", (84, 42, 42), &about);
    assert_each_act_asked(
        &rows,
        "blind12",
        &[
            "law-2002-03-12-303",
            "maslikhat-decision-2025-02-14-272-34-viii",
        ],
        10,
    );
    assert_each_act_asked(
        &rows,
        "blind12",
        &["government-resolution-2025-11-21-993"],
        6,
    );
}

/// The thirteenth blind set: questions about six acts no other set uses (a law with articles as
/// `###` headings in chapters, a law with articles as bold lines, a Minister of Justice's order
/// with Rules in chapters and points, two cities' near-identical maslikhat Rules of common water
/// use, so that a question naming the city must find that city's act, and a maslikhat decision
/// of three points with a list), written and committed before any engine ran on them; each act
/// asked about at least three times in each language, the two laws at least nine, each city's
/// water Rules five.
#[test]
fn blind13_questions_are_well_formed_and_their_units_exist_in_their_language() {
    let about = [
        "law-2002-06-24-330",
        "law-2026-07-02-332-viii",
        "maslikhat-decision-2025-09-17-29-268-viii",
        "maslikhat-decision-2025-11-12-339-45-viii",
        "maslikhat-decision-2025-12-12-31-283-viii",
        "moj-order-2026-08-11-776",
    ];
    check_everyday_set("blind13.tsv", 'T', 42, &about);
    let rows = checked_rows("blind13.tsv");
    assert_sizes(&rows, "blind13", (84, 42, 42), &about);
    assert_each_act_asked(
        &rows,
        "blind13",
        &["law-2002-06-24-330", "law-2026-07-02-332-viii"],
        9,
    );
    assert_each_act_asked(
        &rows,
        "blind13",
        &[
            "maslikhat-decision-2025-09-17-29-268-viii",
            "maslikhat-decision-2025-11-12-339-45-viii",
        ],
        5,
    );
}

/// The fourteenth blind set: questions about six acts no other set uses (a law with articles as
/// `##` headings, a Government resolution of points and subparagraphs, a Minister of Justice's
/// order with Rules in chapters and points, two cities' maslikhat decisions on the same rents of
/// monuments, so that a question naming the city must find that city's act, and a maslikhat
/// decision on towing and impound fees), written and committed before any engine ran on them;
/// each act asked about at least four times in each language, the law and the Rules at least
/// ten.
#[test]
fn blind14_questions_are_well_formed_and_their_units_exist_in_their_language() {
    let about = [
        "government-resolution-2026-03-12-167",
        "law-2006-07-04-149",
        "maslikhat-decision-2025-11-12-340-45-viii",
        "maslikhat-decision-2025-11-28-30-273-viii",
        "maslikhat-decision-2026-03-19-394-51-viii",
        "moj-order-2026-08-10-768",
    ];
    check_everyday_set("blind14.tsv", 'U', 42, &about);
    let rows = checked_rows("blind14.tsv");
    assert_sizes(&rows, "blind14", (84, 42, 42), &about);
    assert_each_act_asked(&rows, "blind14", &about, 4);
    assert_each_act_asked(
        &rows,
        "blind14",
        &["law-2006-07-04-149", "moj-order-2026-08-10-768"],
        10,
    );
}

/// The fifteenth blind set: questions about six acts no other set uses (a law with articles as
/// bold lines, a Government resolution with Rules in chapters, a Minister of Justice's order with
/// Rules in chapters, Almaty oblast's Rules of towing and impound lots and two Astana maslikhat
/// decisions, on the land tax of parking lots and on the least condominium fee), written and
/// committed before any engine ran on them; each act asked about at least three times in each
/// language, the law and the order's Rules at least ten. A few questions that name no private
/// bailiff also count the treasury account's Rules of blind13, which answer them too.
#[test]
fn blind15_questions_are_well_formed_and_their_units_exist_in_their_language() {
    let six = [
        "government-resolution-2026-02-09-77",
        "law-2026-07-08-341-viii",
        "maslikhat-decision-2026-03-19-396-51-viii",
        "maslikhat-decision-2026-04-24-406-52-viii",
        "maslikhat-decision-2026-07-24-52-307",
        "moj-order-2026-08-11-774",
    ];
    let about = [
        "government-resolution-2026-02-09-77",
        "law-2026-07-08-341-viii",
        "maslikhat-decision-2026-03-19-396-51-viii",
        "maslikhat-decision-2026-04-24-406-52-viii",
        "maslikhat-decision-2026-07-24-52-307",
        "moj-order-2026-08-11-774",
        "moj-order-2026-08-11-776",
    ];
    check_everyday_set("blind15.tsv", 'V', 42, &about);
    let rows = checked_rows("blind15.tsv");
    assert_sizes(&rows, "blind15", (84, 42, 42), &six);
    assert_each_act_asked(
        &rows,
        "blind15",
        &["law-2026-07-08-341-viii", "moj-order-2026-08-11-774"],
        10,
    );
}

/// The sixteenth blind set: questions about six acts no other set uses (the Constitutional Law
/// on State Independence of 1991, whose articles are bold lines holding their first sentence, a
/// Government resolution with Rules in chapters, two Astana maslikhat decisions, on the
/// registration norm and on the city's coat of arms and flag, and two Almaty oblast maslikhat
/// decisions with tables, on the fees for surface water and on the rents of local monuments),
/// written and committed before any engine ran on them; each act asked about at least four
/// times in each language, the law at least ten.
#[test]
fn blind16_questions_are_well_formed_and_their_units_exist_in_their_language() {
    let six = [
        "constitutional-law-qazaqstan-respublikasynyn-memlekettik-tauelsizdigi-turaly",
        "government-resolution-2026-05-04-361",
        "maslikhat-decision-2026-02-25-46-261",
        "maslikhat-decision-2026-08-05-53-314",
        "maslikhat-decision-2026-08-14-452-58-viii",
        "maslikhat-decision-2026-08-31-456-58-viii",
    ];
    check_everyday_set("blind16.tsv", 'W', 42, &six);
    let rows = checked_rows("blind16.tsv");
    assert_sizes(&rows, "blind16", (84, 42, 42), &six);
    assert_each_act_asked(&rows, "blind16", &six, 4);
    assert_each_act_asked(
        &rows,
        "blind16",
        &["constitutional-law-qazaqstan-respublikasynyn-memlekettik-tauelsizdigi-turaly"],
        10,
    );
}

/// The seventeenth blind set: questions about six acts no other set uses (a law ratifying a CIS
/// agreement whose articles are `###` headings without titles, a Government resolution with
/// Rules in chapters, Astana's Rules of an accessible environment, Shymkent's table of waste
/// norms, and two Almaty oblast maslikhat decisions on near subjects, incentive allowances for
/// two different centres), written and committed before any engine ran on them; each act asked
/// about at least four times in each language, the law at least eight, the resolution and
/// Astana's Rules at least ten.
#[test]
fn blind17_questions_are_well_formed_and_their_units_exist_in_their_language() {
    let six = [
        "government-resolution-2026-03-12-166",
        "law-2022-01-31-104-vii",
        "maslikhat-decision-2022-08-12-20-179-vii",
        "maslikhat-decision-2026-02-25-46-262",
        "maslikhat-decision-2026-04-22-49-281",
        "maslikhat-decision-2026-04-24-409-52-viii",
    ];
    check_everyday_set("blind17.tsv", 'X', 42, &six);
    let rows = checked_rows("blind17.tsv");
    assert_sizes(&rows, "blind17", (84, 42, 42), &six);
    assert_each_act_asked(&rows, "blind17", &six, 4);
    assert_each_act_asked(&rows, "blind17", &["law-2022-01-31-104-vii"], 8);
    assert_each_act_asked(
        &rows,
        "blind17",
        &[
            "government-resolution-2026-03-12-166",
            "maslikhat-decision-2026-04-24-409-52-viii",
        ],
        10,
    );
}

/// The eighteenth blind set: questions about six acts no other set uses (a law ratifying a CIS
/// agreement whose articles are `###` headings without titles, a Government resolution creating
/// a special economic zone with its Regulation in chapters, an akim's decision declaring an
/// emergency, Astana's table of waste norms and its tourist fee, and an Almaty oblast maslikhat
/// decision repealing a waste programme), written and committed before any engine ran on them;
/// each act asked about at least three times in each language, the law and Astana's waste norms
/// at least eight, the resolution at least ten; Shymkent's waste norms of blind17 answer the
/// questions that name no city.
#[test]
fn blind18_questions_are_well_formed_and_their_units_exist_in_their_language() {
    let six = [
        "akim-decision-2025-11-11-03-02-02",
        "government-resolution-2026-04-21-301",
        "law-2019-02-08-224-vi",
        "maslikhat-decision-2024-03-29-169-20-viii",
        "maslikhat-decision-2024-04-26-20-94",
        "maslikhat-decision-2025-03-18-283-35-viii",
    ];
    // Three questions (two ru, one kk) ask a waste norm without naming a city: Shymkent's table
    // (blind17's) answers them too.
    let named = [
        "akim-decision-2025-11-11-03-02-02",
        "government-resolution-2026-04-21-301",
        "law-2019-02-08-224-vi",
        "maslikhat-decision-2022-08-12-20-179-vii",
        "maslikhat-decision-2024-03-29-169-20-viii",
        "maslikhat-decision-2024-04-26-20-94",
        "maslikhat-decision-2025-03-18-283-35-viii",
    ];
    check_everyday_set("blind18.tsv", 'Y', 42, &named);
    let rows = checked_rows("blind18.tsv");
    assert_sizes(&rows, "blind18", (84, 42, 42), &six);
    assert_each_act_asked(
        &rows,
        "blind18",
        &[
            "law-2019-02-08-224-vi",
            "maslikhat-decision-2025-03-18-283-35-viii",
        ],
        8,
    );
    assert_each_act_asked(
        &rows,
        "blind18",
        &["government-resolution-2026-04-21-301"],
        10,
    );
}

/// The nineteenth blind set: questions about six acts no other set uses (a law ratifying an
/// amendment to the Montreal Protocol whose articles are bold lines with a colon, Government
/// Rules of redistributing vacant staff units, a Government resolution permitting the taking
/// of rare fish and seals, Astana's environmental targets and its places for peaceful
/// assemblies, Almaty oblast's transfers between budgets), written and committed before any
/// engine ran on them; each act asked about at least three times in each language, the Rules
/// at least nine, the other five at least six; the Law on peaceful assemblies answers the
/// questions it shares with Astana's decision.
#[test]
fn blind19_questions_are_well_formed_and_their_units_exist_in_their_language() {
    let six = [
        "government-resolution-2025-02-25-96",
        "government-resolution-2025-05-08-318",
        "law-2014-04-23-198-v",
        "maslikhat-decision-2023-12-26-133-16-viii",
        "maslikhat-decision-2024-12-11-248-32-viii",
        "maslikhat-decision-2025-12-15-44-252",
    ];
    // Six questions (three kk, three ru) on peaceful assemblies are answered by the national
    // law too: its units are named beside Astana's decision.
    let named = [
        "government-resolution-2025-02-25-96",
        "government-resolution-2025-05-08-318",
        "law-2014-04-23-198-v",
        "law-2020-05-25-333-vi",
        "maslikhat-decision-2023-12-26-133-16-viii",
        "maslikhat-decision-2024-12-11-248-32-viii",
        "maslikhat-decision-2025-12-15-44-252",
    ];
    check_everyday_set("blind19.tsv", 'Z', 42, &named);
    let rows = checked_rows("blind19.tsv");
    assert_sizes(&rows, "blind19", (84, 42, 42), &six);
    assert_each_act_asked(
        &rows,
        "blind19",
        &["government-resolution-2025-02-25-96"],
        9,
    );
    assert_each_act_asked(&rows, "blind19", &six, 6);
}

#[test]
fn eid_shape_accepts_zanlex_eids_only() {
    for ok in [
        "para_3",
        "art_3-1__para_2",
        "art_9__subpara_5-1",
        "att_1__para_4__subpara_9",
        "att_1__annex_3",
        "att_1",
        "sec_1.3",
        "para_1__mod_16",
        "att_1__para_1_2",
        "preamble",
    ] {
        assert!(eid_shape_ok(ok), "{ok}");
    }
    for bad in [
        "para3",
        "art_",
        "Art_1",
        "att_1_para_2",
        "att_1__",
        "para_x",
        "sec_.1",
        "para_1_",
        "para_1_x",
        "para_1_2_3",
        "preamble_",
        "Preamble",
    ] {
        assert!(!eid_shape_ok(bad), "{bad}");
    }
}

/// A blind set's size: `total` questions, `kk` and `ru` of them in each language, and at least
/// three questions in each language about each act of `asked`.
fn assert_sizes(rows: &[Row], name: &str, (total, kk, ru): (usize, usize, usize), asked: &[&str]) {
    assert_eq!(rows.len(), total, "{name}: {total} questions");
    let per_lang = |l: &str| rows.iter().filter(|r| r.lang == l).count();
    assert_eq!(
        (per_lang("kk"), per_lang("ru")),
        (kk, ru),
        "{name}: {kk} kk and {ru} ru questions"
    );
    assert_each_act_asked(rows, name, asked, 3);
}

/// Each act of `asked` is what at least `least` questions of set `name` ask about, in each
/// language.
fn assert_each_act_asked(rows: &[Row], name: &str, asked: &[&str], least: usize) {
    for act in asked {
        for lang in ["kk", "ru"] {
            let n = rows
                .iter()
                .filter(|r| r.lang == lang && r.relevant.iter().any(|(a, _)| a == act))
                .count();
            assert!(
                n >= least,
                "{name}: {n} {lang} questions about {act}, at least {least}"
            );
        }
    }
}
