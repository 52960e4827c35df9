//! The point-in-time rule (`docs/time.md`): which wording of a unit was in
//! force on a date, and the honest states where the corpus has none. The exact wording, state
//! and edition on each boundary, from the library ([`ZanIndex::unit_as_of`]) and from `zanlex
//! show --json`, on:
//! - the Constitutional Law on the Government in two Kazakh editions (2022-11-05, 2023-04-19:
//!   `tests/fixtures/versions/codes_104316_government`);
//! - the same law in three (with the edition of 2014-09-29, `tests/fixtures/time/`: the
//!   mirror's `kaz.md` of that date from kazakhstan-law/codes, its meta.yaml dating it
//!   2014-09-29, given a front matter naming its source address as the other two have);
//! - a repealed order (`corpus/004`, repealed by an order of 11.03.2014 in force ten days
//!   after publication);
//! - the law in Kazakh and Russian (the mirror's 2022 texts and the 2023 Kazakh edition):
//!   `show --parallel` gives each language's wording on one date, each with its own edition;
//! - with the 2014 Kazakh edition and the original Russian text of 1995 too
//!   (`tests/fixtures/time/codes_104316_government_1995`: `rus.md` of kazakhstan-law/codes at
//!   the commit the file name gives, and its `meta.yaml` as `meta@….yaml`): one act whose
//!   Russian expression has two editions and a gap between them that the notes record.
//!
//! Article 12 paragraph 3 of the law: worded one way in 2014 (article 12 amended 1999 and 2007,
//! no effective date printed), reworded by the law of 15.06.2017 № 75-VI (in force on
//! publication; publication date unknown, so ~2017-06-15), deleted by the law of 19.04.2023
//! № 222-VII (in force ten days after publication: ~2023-04-29).

use chrono::NaiveDate;
use serde_json::{json, Value};
use std::path::PathBuf;
use zanlex::{BuildOptions, SearchRequest, ZanIndex};

const GOV: &str = "constitutional-law-1995-12-18-2688";
const REPEALED: &str = "mvd-order-2012-06-14-352";

const P3_2014: &str = "3. Республика Президентi толығымен немесе бiр бөлiгiнде Республика Үкіметі мен Премьер-Министрі актiлерiнiң күшiн жояды не тоқтата тұрады.";
const P3_2022: &str =
    "3. Үкімет Республика Президентімен мемлекеттік бағдарламаларды олар бекітілгенге дейін келіседі.";
const P3_2023: &str = "3. Алып тасталды - ҚР 19.04.2023 № 222-VII (алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі) Конституциялық заңымен.";

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A corpus made of fixture folders and files, its index built by the library, in a
/// temporary folder the command line reads too.
pub(super) struct Fixture {
    tmp: tempfile::TempDir,
    pub(super) corpus: PathBuf,
    pub(super) index: ZanIndex,
}

impl Fixture {
    /// `parts`: (fixture path relative to the repository, name in the corpus).
    pub(super) fn new(parts: &[(&str, &str)]) -> Fixture {
        let tmp = tempfile::tempdir().expect("temp dir");
        let corpus = tmp.path().join("corpus");
        std::fs::create_dir_all(&corpus).expect("corpus folder");
        for (from, to) in parts {
            let from = root().join(from);
            if from.is_dir() {
                super::common::copy_dir(&from, &corpus.join(to));
            } else {
                let target = corpus.join(to);
                std::fs::create_dir_all(target.parent().expect("parent")).expect("folder");
                std::fs::copy(&from, target).expect("copy");
            }
        }
        let index =
            crate::common::build_clean(&corpus, tmp.path().join("index"), &BuildOptions::default());
        Fixture { tmp, corpus, index }
    }

    /// The two Kazakh editions of the Government law.
    fn government() -> Fixture {
        Fixture::new(&[("tests/fixtures/versions/codes_104316_government", "gov")])
    }

    /// The Government law in three Kazakh editions.
    pub(super) fn government_three() -> Fixture {
        Fixture::new(&[
            ("tests/fixtures/versions/codes_104316_government", "gov"),
            (
                "tests/fixtures/time/codes_104316_government_2014/kaz@22a5d1a3_v2014-09-29.md",
                "gov/kaz@22a5d1a3_v2014-09-29.md",
            ),
        ])
    }

    /// The Government law in both languages: the mirror's folder (Kazakh and Russian texts
    /// of 2022, meta.yaml) with the Russian text of 1995 and the Kazakh editions of 2014 and
    /// 2023 beside it.
    pub(super) fn bilingual() -> Fixture {
        Fixture::bilingual_with(&[])
    }

    /// [`Fixture::bilingual`] with the Russian edition of 2024-07-05 in the mirror's folder
    /// too (`rus.md` of kazakhstan-law/codes at the commit its file name gives, with that
    /// commit's `meta.yaml`): three editions in each language.
    fn bilingual_three() -> Fixture {
        Fixture::bilingual_with(&[(
            "tests/fixtures/time/codes_104316_government_2024",
            "mirror/104316",
        )])
    }

    /// [`Fixture::bilingual`] and `more`.
    fn bilingual_with(more: &[(&str, &str)]) -> Fixture {
        let mirror = "tests/fixtures/mirror/codes/01-const-laws/1995/1218-o-pravitelstve-respubliki-kazakhstan-104316";
        let mut parts = vec![
            (mirror, "mirror/104316"),
            (
                "tests/fixtures/time/codes_104316_government_1995",
                "mirror/104316",
            ),
            (
                "tests/fixtures/versions/codes_104316_government/kaz@0c5d4a0f_v2023-04-19.md",
                "editions/kaz_2023-04-19.md",
            ),
            (
                "tests/fixtures/time/codes_104316_government_2014/kaz@22a5d1a3_v2014-09-29.md",
                "editions/kaz@22a5d1a3_v2014-09-29.md",
            ),
        ];
        parts.extend_from_slice(more);
        Fixture::new(&parts)
    }

    /// `zanlex ARGS --corpus CORPUS` on the fixture's index: its stdout as JSON.
    pub(super) fn cli_json(&self, args: &[&str]) -> Value {
        let corpus = self.corpus.to_str().expect("utf-8 path");
        let mut all = args.to_vec();
        all.extend(["--json", "--corpus", corpus]);
        let (code, out, err) = super::common::zanlex_with(&self.tmp, &all);
        assert_eq!(code, 0, "{all:?}: {err}");
        serde_json::from_str(&out).unwrap_or_else(|e| panic!("{all:?}: {e}: {out}"))
    }

    /// `zanlex show ACT#EID [--as-of DATE] [--lang kk|ru] --json`.
    fn show(&self, act: &str, eid: &str, date: Option<&str>, lang: Option<zanlex::Lang>) -> Value {
        let target = format!("{act}#{eid}");
        let mut args = vec!["show", target.as_str()];
        if let Some(date) = date {
            args.extend(["--as-of", date]);
        }
        if let Some(lang) = lang {
            args.extend(["--lang", lang.as_str()]);
        }
        self.cli_json(&args)
    }
}

/// The edition an answer names: id, in force from, until, whether the start is estimated.
type Ed = (
    &'static str,
    Option<&'static str>,
    Option<&'static str>,
    bool,
);

/// An edition as compared: id, from, to, whether the start is estimated.
type EdOwned = (String, Option<String>, Option<String>, bool);

fn owned(e: Ed) -> EdOwned {
    (
        e.0.to_string(),
        e.1.map(str::to_string),
        e.2.map(str::to_string),
        e.3,
    )
}

fn named(e: &zanlex::EditionRef) -> EdOwned {
    let s = |x: Option<NaiveDate>| x.map(|d| d.to_string());
    (e.id.clone(), s(e.from), s(e.to), e.from_estimated)
}

/// One boundary case: the date (`None`: today's text), the state's JSON, the wording shown and
/// the edition it comes from.
struct Case {
    date: Option<&'static str>,
    state: Value,
    text: Option<String>,
    edition: Option<Ed>,
}

fn case(date: Option<&'static str>, state: Value, text: Option<&str>, edition: Option<Ed>) -> Case {
    Case {
        date,
        state,
        text: text.map(str::to_string),
        edition,
    }
}

/// Checks that the library and `show --json` give `c` for unit `eid` of `act`.
fn check(fx: &Fixture, act: &str, eid: &str, c: &Case) {
    check_in(fx, act, eid, None, c);
}

/// [`check`] in the expression of `lang` (`show --lang`); `None`: the default one.
fn check_in(fx: &Fixture, act: &str, eid: &str, lang: Option<zanlex::Lang>, c: &Case) {
    let what = format!("{act}#{eid} ({lang:?}) on {:?}", c.date);
    let at = fx
        .index
        .unit_as_of(act, eid, lang, c.date.map(d))
        .unwrap_or_else(|e| panic!("{what}: {e}"));
    assert_eq!(
        serde_json::to_value(&at.state).unwrap(),
        c.state,
        "{what}: the library's state ({})",
        at.describe(None)
    );
    assert_eq!(
        at.unit.as_ref().map(|u| u.full_text()),
        c.text,
        "{what}: the library's wording"
    );
    assert_eq!(
        at.edition.as_ref().map(named),
        c.edition.map(owned),
        "{what}: the library's edition"
    );
    if let (Some(e), Some(u)) = (&at.edition, &at.unit) {
        assert!(
            e.file.ends_with(".md") || e.file.ends_with(".txt"),
            "{what}: {}",
            e.file
        );
        assert_eq!(
            (e.line_start, e.line_end),
            (u.span.line_start, u.span.line_end)
        );
    }
    // The command line says the same.
    let js = fx.show(act, eid, c.date, lang);
    assert_eq!(js["state"], c.state, "{what}: show --json state");
    assert_eq!(
        js["text"],
        c.text.as_deref().unwrap_or(""),
        "{what}: show --json text"
    );
    assert_eq!(
        js["edition"],
        serde_json::to_value(&at.edition).unwrap(),
        "{what}: show --json edition"
    );
}

fn not_yet_adopted(adopted: &str) -> Value {
    json!({"kind": "not_yet_adopted", "adopted": adopted})
}

fn not_in_corpus(earliest: &str) -> Value {
    json!({"kind": "not_in_corpus", "earliest_edition": earliest})
}

fn before_earliest(earliest: &str) -> Value {
    json!({"kind": "in_force_before_earliest_edition", "earliest_edition": earliest})
}

fn in_force() -> Value {
    json!({"kind": "in_force"})
}

fn deleted(since: &str) -> Value {
    json!({"kind": "deleted", "since": since})
}

/// Two editions: before adoption, before the earliest edition (changed in between: not in the
/// corpus; unchanged since the 2017 change: the earliest wording), each edition's date, the
/// effective date of the deletion and the day before each.
#[test]
fn government_law_in_two_editions_on_every_boundary() {
    let fx = Government::get();
    let fx = &fx.two;
    const E22: Ed = ("2022-11-05", Some("2017-06-15"), Some("2023-04-29"), true);
    const E23: Ed = ("2023-04-19", Some("2023-04-29"), None, true);
    let cases = [
        case(
            Some("1990-01-01"),
            not_yet_adopted("1995-12-18"),
            None,
            None,
        ),
        case(
            Some("1995-12-17"),
            not_yet_adopted("1995-12-18"),
            None,
            None,
        ),
        case(Some("2010-01-01"), not_in_corpus("2022-11-05"), None, None),
        case(Some("2017-06-14"), not_in_corpus("2022-11-05"), None, None),
        case(
            Some("2017-06-15"),
            before_earliest("2022-11-05"),
            Some(P3_2022),
            Some(E22),
        ),
        case(
            Some("2022-11-04"),
            before_earliest("2022-11-05"),
            Some(P3_2022),
            Some(E22),
        ),
        case(Some("2022-11-05"), in_force(), Some(P3_2022), Some(E22)),
        case(Some("2023-04-18"), in_force(), Some(P3_2022), Some(E22)),
        case(Some("2023-04-19"), in_force(), Some(P3_2022), Some(E22)),
        case(Some("2023-04-25"), in_force(), Some(P3_2022), Some(E22)),
        case(Some("2023-04-28"), in_force(), Some(P3_2022), Some(E22)),
        case(
            Some("2023-04-29"),
            deleted("2023-04-29"),
            Some(P3_2023),
            Some(E23),
        ),
        case(
            Some("2024-01-01"),
            deleted("2023-04-29"),
            Some(P3_2023),
            Some(E23),
        ),
        case(None, deleted("2023-04-29"), Some(P3_2023), Some(E23)),
    ];
    for c in &cases {
        check(fx, GOV, "art_12__para_3", c);
    }
}

/// Three editions: the 2014 wording from the last change its notes record for article 12
/// (2007, no effective date printed: the signing date, estimated), the 2022 edition's wording
/// from the 2017 change that produced it (before the 2022 edition's own date), the deletion.
#[test]
fn government_law_in_three_editions_on_every_boundary() {
    let fx = Government::get();
    let fx = &fx.three;
    const E14: Ed = ("2014-09-29", Some("2007-06-19"), Some("2017-06-15"), true);
    const E22: Ed = ("2022-11-05", Some("2017-06-15"), Some("2023-04-29"), true);
    const E23: Ed = ("2023-04-19", Some("2023-04-29"), None, true);
    let cases = [
        case(
            Some("1995-12-17"),
            not_yet_adopted("1995-12-18"),
            None,
            None,
        ),
        case(Some("1995-12-18"), not_in_corpus("2014-09-29"), None, None),
        case(Some("2007-06-18"), not_in_corpus("2014-09-29"), None, None),
        case(
            Some("2007-06-19"),
            before_earliest("2014-09-29"),
            Some(P3_2014),
            Some(E14),
        ),
        case(
            Some("2014-09-28"),
            before_earliest("2014-09-29"),
            Some(P3_2014),
            Some(E14),
        ),
        case(Some("2014-09-29"), in_force(), Some(P3_2014), Some(E14)),
        case(Some("2017-06-14"), in_force(), Some(P3_2014), Some(E14)),
        case(Some("2017-06-15"), in_force(), Some(P3_2022), Some(E22)),
        case(Some("2022-11-04"), in_force(), Some(P3_2022), Some(E22)),
        case(Some("2022-11-05"), in_force(), Some(P3_2022), Some(E22)),
        case(Some("2023-04-18"), in_force(), Some(P3_2022), Some(E22)),
        case(Some("2023-04-19"), in_force(), Some(P3_2022), Some(E22)),
        case(Some("2023-04-28"), in_force(), Some(P3_2022), Some(E22)),
        case(
            Some("2023-04-29"),
            deleted("2023-04-29"),
            Some(P3_2023),
            Some(E23),
        ),
        case(None, deleted("2023-04-29"), Some(P3_2023), Some(E23)),
    ];
    for c in &cases {
        check(fx, GOV, "art_12__para_3", c);
    }
    // The timeline `history` gives is the one the wording follows.
    let act = fx.index.act(GOV).expect("act");
    let wordings: Vec<EdOwned> = zanlex::wordings(&act, "art_12__para_3")
        .iter()
        .map(named)
        .collect();
    assert_eq!(wordings, [owned(E14), owned(E22), owned(E23)]);
    let hist = fx.cli_json(&["history", GOV, "art_12__para_3"]);
    assert_eq!(
        hist["wordings"],
        serde_json::to_value(zanlex::wordings(&act, "art_12__para_3")).unwrap()
    );
}

/// A unit that no edition changes has one document, the newest edition's, and each older
/// edition read back from the index prints it from there: the earliest edition's printing is
/// held by that document through the middle edition, which keeps none either.
#[test]
fn a_unit_no_edition_changes_is_read_back_in_every_edition() {
    let fx = Government::get();
    let fx = &fx.three;
    let act = fx.index.act(GOV).expect("act");
    let p1 = "1. Республика Үкiметi жанындағы комиссиялар, кеңестер мен консультативтiк-кеңесшi органдар үкiмет құзыретiне жататын мәселелер бойынша ұсыныстарды талдап жасау үшiн құрылады.";
    let printed = |units: &[zanlex::Unit]| {
        units
            .iter()
            .flat_map(zanlex::Unit::walk)
            .find(|u| u.eid == "art_26__para_1")
            .map(zanlex::Unit::full_text)
    };
    let editions: Vec<(&str, Option<String>)> = act
        .versions
        .iter()
        .map(|v| (v.id.as_str(), printed(&v.units)))
        .collect();
    assert_eq!(editions.len(), 3, "{editions:?}");
    for (id, text) in &editions {
        assert_eq!(text.as_deref(), Some(p1), "edition {id}");
    }
    assert_eq!(printed(&act.units).as_deref(), Some(p1));
}

/// A unit no note amends is in force from the act's adoption, in the earliest edition's
/// wording before that edition; a text that takes effect on a fixed date (`01.01.2023
/// бастап`) is in force from that date, exactly, though its edition is dated later; before,
/// the placeholder announcing it.
#[test]
fn unchanged_units_and_fixed_dates() {
    let fx = Government::get();
    let fx = &fx.two;
    let p1 = "1. Республика Үкiметi жанындағы комиссиялар, кеңестер мен консультативтiк-кеңесшi органдар үкiмет құзыретiне жататын мәселелер бойынша ұсыныстарды талдап жасау үшiн құрылады.";
    let at = fx
        .index
        .unit_as_of(GOV, "art_26__para_1", None, None)
        .expect("unit");
    assert_eq!(at.unit.as_ref().map(|u| u.full_text()).as_deref(), Some(p1));
    const E22: Ed = ("2022-11-05", Some("1995-12-18"), None, false);
    const E23: Ed = ("2023-04-19", Some("1995-12-18"), None, false);
    for c in [
        case(
            Some("1995-12-17"),
            not_yet_adopted("1995-12-18"),
            None,
            None,
        ),
        case(
            Some("1995-12-18"),
            before_earliest("2022-11-05"),
            Some(p1),
            Some(E22),
        ),
        case(Some("2023-04-18"), in_force(), Some(p1), Some(E22)),
        case(Some("2023-04-19"), in_force(), Some(p1), Some(E23)),
    ] {
        check(fx, GOV, "art_26__para_1", &c);
    }
    let placeholder = fx
        .index
        .unit_as_of(GOV, "art_10__para_5-1", None, Some(d("2022-12-31")))
        .expect("unit");
    let placeholder = placeholder.unit.expect("placeholder").full_text();
    let text = fx
        .index
        .unit_as_of(GOV, "art_10__para_5-1", None, None)
        .expect("unit")
        .unit
        .expect("text")
        .full_text();
    assert!(text.contains("заң күші бар уақытша қаулылары"), "{text}");
    let pending = json!({"kind": "pending", "from": "2023-01-01"});
    let announced: Ed = ("2022-11-05", Some("2022-11-05"), Some("2023-01-01"), false);
    let inserted: Ed = ("2023-04-19", Some("2023-01-01"), None, false);
    let (placeholder, text) = (placeholder.as_str(), text.as_str());
    for c in [
        case(
            Some("2022-11-04"),
            json!({"kind": "not_yet_inserted", "from": "2022-11-05"}),
            None,
            None,
        ),
        case(
            Some("2022-11-05"),
            pending.clone(),
            Some(placeholder),
            Some(announced),
        ),
        case(
            Some("2022-12-31"),
            pending,
            Some(placeholder),
            Some(announced),
        ),
        case(Some("2023-01-01"), in_force(), Some(text), Some(inserted)),
        case(Some("2023-04-19"), in_force(), Some(text), Some(inserted)),
    ] {
        check(fx, GOV, "art_10__para_5-1", &c);
    }
}

/// A repealed order: not yet adopted before its date, then its text, then from the repeal's
/// effective date (ten days after publication, ~2014-03-21) its last wording marked repealed.
#[test]
fn a_repealed_act_before_and_after_its_repeal() {
    let file = super::common::corpus_file("004");
    let name = file.file_name().and_then(|n| n.to_str()).expect("name");
    let rel = format!("corpus/{name}");
    let fx = Fixture::new(&[(rel.as_str(), name)]);
    let text = fx
        .index
        .unit(REPEALED, "att_1__para_3")
        .expect("unit")
        .unit
        .full_text();
    assert!(text.starts_with("3. Мемлекеттік қызметті"), "{text}");
    let text = text.as_str();
    // The text prints no date: it carries the repeal of 11.03.2014, so it is dated by that.
    // It takes effect ten days after its first official publication, whose day the corpus
    // lacks, and is published after its registration (`Әділет министрлігінде 2012 жылы 28
    // маусымда № 7775 тіркелді`): from ~2012-07-08 (the registration day + 10, the earliest
    // it can be).
    const E: Ed = ("2012-06-14", Some("2012-07-08"), Some("2014-03-21"), true);
    let repealed = json!({"kind": "repealed", "since": "2014-03-21", "estimated": true});
    for c in [
        case(
            Some("2012-06-13"),
            not_yet_adopted("2012-06-14"),
            None,
            None,
        ),
        case(
            Some("2012-06-14"),
            json!({"kind": "not_yet_in_force", "adopted": "2012-06-14", "from": "2012-07-08",
                   "estimated": true,
                   "rule": {"rule": "days_after_publication", "days": 10}}),
            None,
            None,
        ),
        case(
            Some("2012-06-24"),
            json!({"kind": "not_yet_in_force", "adopted": "2012-06-14", "from": "2012-07-08",
                   "estimated": true,
                   "rule": {"rule": "days_after_publication", "days": 10}}),
            None,
            None,
        ),
        case(
            Some("2012-07-08"),
            before_earliest("2014-03-11"),
            Some(text),
            Some(E),
        ),
        case(Some("2014-03-11"), in_force(), Some(text), Some(E)),
        case(Some("2014-03-20"), in_force(), Some(text), Some(E)),
        case(Some("2014-03-21"), repealed.clone(), Some(text), Some(E)),
        case(Some("2020-01-01"), repealed.clone(), Some(text), Some(E)),
        case(None, repealed, Some(text), Some(E)),
    ] {
        check(&fx, REPEALED, "att_1__para_3", &c);
    }
}

/// `search --as-of` finds the wording `show --as-of` gives, with the same state and dates; a
/// date between an edition and the change it prints finds the earlier wording.
#[test]
fn search_as_of_agrees_with_show() {
    let fx = Government::get();
    let fx = &fx.two;
    let query = "мемлекеттік бағдарламаларды бекітілгенге дейін келіседі";
    let hit_on = |date: &str| {
        let res = fx
            .index
            .search(&SearchRequest::new(query).act(GOV).as_of(d(date)).limit(50))
            .expect("search");
        res.hits
            .into_iter()
            .find(|h| h.unit.eid == "art_12__para_3")
    };
    for date in [
        "2010-01-01",
        "2017-06-15",
        "2022-11-04",
        "2023-04-19",
        "2023-04-28",
    ] {
        let hit = hit_on(date).unwrap_or_else(|| panic!("no hit on {date}"));
        let shown = fx
            .index
            .unit_as_of(GOV, "art_12__para_3", None, Some(d(date)))
            .expect("unit");
        assert_eq!(hit.version.state, shown.state, "{date}");
        assert_eq!(hit.text, P3_2022, "{date}");
        assert_eq!(hit.version.id, "2022-11-05", "{date}");
        assert_eq!(
            (hit.version.from, hit.version.to, hit.version.from_estimated),
            (Some(d("2017-06-15")), Some(d("2023-04-29")), true),
            "{date}"
        );
        // The CLI's JSON hit says the same.
        let js = fx.cli_json(&[
            "search", query, "--act", GOV, "--as-of", date, "--limit", "50",
        ]);
        let h = js["hits"]
            .as_array()
            .expect("hits")
            .iter()
            .find(|h| h["unit"]["eid"] == "art_12__para_3")
            .expect("the CLI's hit")
            .clone();
        assert_eq!(
            h["version"]["state"],
            serde_json::to_value(&shown.state).unwrap()
        );
    }
    // Before its start the hit says the wording of that date is not in the corpus.
    assert!(hit_on("2010-01-01").expect("hit").version.wording_unknown);
    // From the deletion's effective date the 2022 wording is not found.
    assert!(hit_on("2023-04-29").is_none());
    // Before adoption nothing of the act.
    let none = fx
        .index
        .search(&SearchRequest::new(query).act(GOV).as_of(d("1990-01-01")))
        .expect("search");
    assert!(none.hits.is_empty());
}

/// `diff` between two dates compares the wordings in force on them: the deletion shows between
/// 2023-04-25 and 2023-04-29, not between the edition dates' neighbours.
#[test]
fn diff_between_dates_follows_the_rule() {
    let fx = Government::get();
    let fx = &fx.two;
    let act = fx.index.act(GOV).expect("act");
    let eid = Some("art_12__para_3");
    // (`2023-04-19` names the edition of that date: an id first, then a date.)
    let before = zanlex::diff(&act, "2023-04-20", "2023-04-28", eid).expect("diff");
    assert!(before.units.is_empty(), "{before:?}");
    let across = zanlex::diff(&act, "2023-04-25", "2023-04-29", eid).expect("diff");
    assert_eq!(
        (across.from.as_str(), across.to.as_str()),
        ("2023-04-25", "2023-04-29")
    );
    assert_eq!(
        (&across.from_side.editions, &across.to_side.editions),
        (
            &vec!["2022-11-05".to_string()],
            &vec!["2023-04-19".to_string()]
        )
    );
    assert_eq!(across.deleted, ["art_12__para_3"]);
    let js = fx.cli_json(&[
        "diff",
        &format!("{GOV}#art_12__para_3"),
        "--from",
        "2023-04-25",
        "--to",
        "2023-04-29",
    ]);
    // The command line sends the diff as one page of the server's budget: the same diff, with
    // where the page stands.
    assert_eq!(js["units_total"], across.units.len());
    let mut page = js.clone();
    for field in ["offset", "limit", "units_total"] {
        page.as_object_mut().expect("an object").remove(field);
    }
    assert_eq!(page, serde_json::to_value(&across).unwrap());
    // A date whose wording the corpus lacks is a side all the same: the unit's state there
    // says the corpus has no wording, so whether it changed is not known.
    let unknown = zanlex::diff(&act, "2010-01-01", "2023-04-29", eid).expect("diff");
    assert_eq!(unknown.unknown, ["art_12__para_3"]);
    assert!(unknown.from_side.editions.is_empty());
    let c = &unknown.units[0];
    assert_eq!(
        (c.status_from, c.status_to, c.text_from.as_deref()),
        ("unknown", "deleted", None)
    );
    assert_eq!(
        serde_json::to_value(&c.state_from).unwrap(),
        json!({"kind": "not_in_corpus", "earliest_edition": "2022-11-05"})
    );
}

/// The Kazakh and Russian texts side by side on one date, each with its own edition: the
/// Russian edition of 2022 does not print the 2023 deletion the Kazakh text records, so from
/// its effective date the Russian column has no wording in force.
#[test]
fn parallel_columns_show_one_date_each_with_its_edition() {
    let mirror = "tests/fixtures/mirror/codes/01-const-laws/1995/1218-o-pravitelstve-respubliki-kazakhstan-104316";
    let fx = Fixture::new(&[
        (mirror, "mirror/104316"),
        (
            "tests/fixtures/versions/codes_104316_government/kaz@0c5d4a0f_v2023-04-19.md",
            "editions/kaz_2023-04-19.md",
        ),
    ]);
    let target = format!("{GOV}#art_12__para_3");
    let on = |date: &str| fx.cli_json(&["show", &target, "--parallel", "--as-of", date]);
    let then = on("2023-04-25");
    assert_eq!(then["kk"]["state"], in_force());
    assert_eq!(then["kk"]["text"], P3_2022);
    assert_eq!(then["kk"]["edition"]["id"], "2022-11-05");
    assert_eq!(then["ru"]["state"], in_force());
    assert_eq!(
        then["ru"]["text"],
        "3. Правительство согласовывает с Президентом Республики государственные программы до их утверждения."
    );
    assert_eq!(then["ru"]["edition"]["id"], "2022-11-05");
    assert_eq!(then["ru"]["edition"]["to"], "2023-04-29");
    let after = on("2023-05-01");
    assert_eq!(after["kk"]["state"], deleted("2023-04-29"));
    assert_eq!(after["kk"]["edition"]["id"], "2023-04-19");
    assert_eq!(
        after["ru"]["state"],
        json!({
            "kind": "changed_after_latest_edition",
            "since": "2023-04-29",
            "estimated": true,
            "latest_edition": "2022-11-05"
        })
    );
    assert_eq!(after["ru"]["text"], "");
    assert_eq!(after["ru"]["edition"], Value::Null);
    // The library answers the Russian column alike.
    let ru = fx
        .index
        .unit_as_of(
            GOV,
            "art_12__para_3",
            Some(zanlex::Lang::Ru),
            Some(d("2023-05-01")),
        )
        .expect("unit");
    assert_eq!(
        serde_json::to_value(&ru.state).unwrap(),
        after["ru"]["state"]
    );
    assert!(ru.unit.is_none());
    // The text view says so in each column.
    let corpus = fx.corpus.to_str().expect("utf-8");
    let (code, out, err) = super::common::zanlex_with(
        &fx.tmp,
        &[
            "show",
            &target,
            "--parallel",
            "--as-of",
            "2023-05-01",
            "--corpus",
            corpus,
        ],
    );
    assert_eq!(code, 0, "{err}");
    let flat = out.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("deleted since 2023-04-29"), "{out}");
    assert!(flat.contains("is not in the corpus"), "{out}");
}

/// The law in both languages, each in three or more editions: Kazakh 2014, 2022 and 2023,
/// Russian 1995 (the original text, `tests/fixtures/time/codes_104316_government_1995`, put in
/// the mirror's folder with its `meta@….yaml`) and 2022. One act, one Russian expression with
/// both Russian editions. The Russian notes of 2022 record two changes between the editions:
/// the whole text's words replaced by the law of 06.05.1999 № 379 (no effective date printed:
/// the signing date, estimated) and article 12 restated by the law of 15.06.2017 № 75-VI. The
/// 1995 wording is in force until the first; from it until the second, which gives the 2022
/// wording, the Russian wording is not in the corpus.
#[test]
fn government_law_in_russian_from_1995_on_every_boundary() {
    let fx = Fixture::bilingual();
    // One act: a Kazakh and a Russian expression, the Russian one with its two editions.
    let acts = fx.cli_json(&["acts"]);
    let ids: Vec<&str> = acts["acts"]
        .as_array()
        .expect("acts")
        .iter()
        .map(|a| a["id"].as_str().expect("id"))
        .collect();
    assert_eq!(ids, [GOV]);
    let expressions = fx.index.expressions(GOV).expect("expressions");
    let langs: Vec<zanlex::Lang> = expressions.iter().map(|a| a.lang).collect();
    assert_eq!(langs, [zanlex::Lang::Kk, zanlex::Lang::Ru]);
    let editions = |lang: zanlex::Lang| -> Vec<(String, Option<String>, String)> {
        let act = expressions
            .iter()
            .find(|a| a.lang == lang)
            .expect("expression");
        act.versions
            .iter()
            .map(|v| {
                (
                    v.id.clone(),
                    v.from.map(|d| d.to_string()),
                    v.source.file.clone(),
                )
            })
            .collect()
    };
    let own = |id: &str, from: &str, file: &str| {
        (id.to_string(), Some(from.to_string()), file.to_string())
    };
    assert_eq!(
        editions(zanlex::Lang::Ru),
        [
            own(
                "1995-12-18",
                "1995-12-18",
                "corpus/mirror/104316/rus@0f8de5ce_v1995-12-18.md"
            ),
            own("2022-11-05", "2022-11-05", "corpus/mirror/104316/rus.md"),
        ]
    );
    assert_eq!(
        editions(zanlex::Lang::Kk),
        [
            own(
                "2014-09-29",
                "2014-09-29",
                "corpus/editions/kaz@22a5d1a3_v2014-09-29.md"
            ),
            own("2022-11-05", "2022-11-05", "corpus/mirror/104316/kaz.md"),
            own(
                "2023-04-19",
                "2023-04-19",
                "corpus/editions/kaz_2023-04-19.md"
            ),
        ]
    );

    const RU_1995: &str = "3. Президент Республики отменяет либо приостанавливает полностью или в части действие актов Правительства.";
    const RU_2022: &str = "3. Правительство согласовывает с Президентом Республики государственные программы до их утверждения.";
    const E95: Ed = ("1995-12-18", Some("1995-12-18"), Some("1999-05-06"), false);
    const E22: Ed = ("2022-11-05", Some("2017-06-15"), Some("2023-04-29"), true);
    let unknown = json!({
        "kind": "not_in_corpus",
        "earliest_edition": "1995-12-18",
        "since": "1999-05-06",
        "estimated": true,
        "until": "2017-06-15"
    });
    let changed = json!({
        "kind": "changed_after_latest_edition",
        "since": "2023-04-29",
        "estimated": true,
        "latest_edition": "2022-11-05"
    });
    let ru = [
        case(
            Some("1995-12-17"),
            not_yet_adopted("1995-12-18"),
            None,
            None,
        ),
        case(Some("1995-12-18"), in_force(), Some(RU_1995), Some(E95)),
        case(Some("1999-05-05"), in_force(), Some(RU_1995), Some(E95)),
        case(Some("1999-05-06"), unknown.clone(), None, None),
        // The Kazakh notes' change of 2007 and the Kazakh edition of 2014 fall in the gap.
        case(Some("2007-06-19"), unknown.clone(), None, None),
        case(Some("2014-09-29"), unknown.clone(), None, None),
        case(Some("2017-06-14"), unknown, None, None),
        case(Some("2017-06-15"), in_force(), Some(RU_2022), Some(E22)),
        case(Some("2022-11-04"), in_force(), Some(RU_2022), Some(E22)),
        case(Some("2022-11-05"), in_force(), Some(RU_2022), Some(E22)),
        case(Some("2023-04-25"), in_force(), Some(RU_2022), Some(E22)),
        case(Some("2023-04-28"), in_force(), Some(RU_2022), Some(E22)),
        case(Some("2023-04-29"), changed.clone(), None, None),
        case(Some("2023-05-01"), changed.clone(), None, None),
        case(None, changed, None, None),
    ];
    // The Kazakh expression in the same corpus answers as in three Kazakh editions.
    const K14: Ed = ("2014-09-29", Some("2007-06-19"), Some("2017-06-15"), true);
    const K23: Ed = ("2023-04-19", Some("2023-04-29"), None, true);
    let kk = [
        case(
            Some("1995-12-17"),
            not_yet_adopted("1995-12-18"),
            None,
            None,
        ),
        case(Some("1995-12-18"), not_in_corpus("2014-09-29"), None, None),
        case(Some("2007-06-18"), not_in_corpus("2014-09-29"), None, None),
        case(
            Some("2007-06-19"),
            before_earliest("2014-09-29"),
            Some(P3_2014),
            Some(K14),
        ),
        case(Some("2017-06-14"), in_force(), Some(P3_2014), Some(K14)),
        case(Some("2017-06-15"), in_force(), Some(P3_2022), Some(E22)),
        case(Some("2023-04-25"), in_force(), Some(P3_2022), Some(E22)),
        case(
            Some("2023-05-01"),
            deleted("2023-04-29"),
            Some(P3_2023),
            Some(K23),
        ),
    ];
    let eid = "art_12__para_3";
    for c in &ru {
        check_in(&fx, GOV, eid, Some(zanlex::Lang::Ru), c);
    }
    for c in &kk {
        check_in(&fx, GOV, eid, Some(zanlex::Lang::Kk), c);
    }
    // `show --parallel` gives each column what its language gives alone.
    let target = format!("{GOV}#{eid}");
    for (lang, cases) in [("ru", &ru[..]), ("kk", &kk[..])] {
        for c in cases.iter() {
            let Some(date) = c.date else { continue };
            let both = fx.cli_json(&["show", &target, "--parallel", "--as-of", date]);
            let col = &both[lang];
            assert_eq!(col["state"], c.state, "{lang} on {date}: state");
            assert_eq!(
                col["text"],
                c.text.as_deref().unwrap_or(""),
                "{lang} on {date}: text"
            );
            let edition = c.edition.map(|e| {
                (
                    e.0.to_string(),
                    e.1.map(str::to_string),
                    e.2.map(str::to_string),
                    e.3,
                )
            });
            let shown = (!col["edition"].is_null()).then(|| {
                let s = |v: &Value| v.as_str().map(str::to_string);
                (
                    col["edition"]["id"].as_str().expect("id").to_string(),
                    s(&col["edition"]["from"]),
                    s(&col["edition"]["to"]),
                    col["edition"]["from_estimated"].as_bool().expect("bool"),
                )
            });
            assert_eq!(shown, edition, "{lang} on {date}: edition");
        }
    }
    // The Russian timeline `history` gives: the 1995 wording, then the 2022 one.
    let act = fx
        .index
        .act_in(GOV, Some(zanlex::Lang::Ru))
        .expect("Russian expression");
    let wordings: Vec<EdOwned> = zanlex::wordings(&act, eid).iter().map(named).collect();
    assert_eq!(wordings, [owned(E95), owned(E22)]);
    // The gap in words, in the text view's Russian column.
    let ru_on = fx
        .index
        .unit_as_of(GOV, eid, Some(zanlex::Lang::Ru), Some(d("2005-01-01")))
        .expect("unit");
    assert_eq!(
        ru_on.describe(Some(zanlex::Lang::Ru)),
        "редакции на 01.01.2005 в корпусе нет: примечания отмечают изменение этой единицы, \
         действующее с ~06.05.1999, а следующая редакция в корпусе действует с 15.06.2017"
    );
    // `search --as-of` in the gap finds the 2022 wording marked unknown, as `show` states it.
    let hit = fx
        .index
        .search(
            &SearchRequest::new("согласовывает с Президентом Республики государственные программы")
                .act(GOV)
                .as_of(d("2005-01-01"))
                .limit(50),
        )
        .expect("search")
        .hits
        .into_iter()
        .find(|h| h.unit.eid == eid && h.text == RU_2022)
        .expect("the 2022 wording's hit");
    assert!(hit.version.wording_unknown);
    assert_eq!(hit.version.state, ru_on.state);
}

/// The law in three editions in each language: Kazakh 2014, 2022, 2023 and Russian 1995,
/// 2022, 2024 (`tests/fixtures/time/codes_104316_government_2024`). The Russian text of 2024
/// prints paragraph 3 of article 12 deleted by the law of 19.04.2023 № 222-VII and paragraph 2
/// deleted by the law of 05.07.2024 № 109-VIII (ten days after publication: ~2024-07-15); its
/// notes no longer carry the 2022 text's note that the law of 06.05.1999 № 379 replaced words
/// throughout the text (only that it gave the title), which still ends the 1995 wording.
/// The Kazakh text, whose latest edition is of 2023, has paragraph 3 deleted from the same
/// day as the Russian, and paragraph 2 unknown from the day the Russian text deletes it.
#[test]
fn government_law_in_three_editions_in_each_language() {
    let fx = Fixture::bilingual_three();
    let expressions = fx.index.expressions(GOV).expect("expressions");
    let ru_editions: Vec<&str> = expressions
        .iter()
        .find(|a| a.lang == zanlex::Lang::Ru)
        .expect("Russian expression")
        .versions
        .iter()
        .map(|v| v.id.as_str())
        .collect();
    assert_eq!(ru_editions, ["1995-12-18", "2022-11-05", "2024-07-05"]);

    const RU_P3_1995: &str = "3. Президент Республики отменяет либо приостанавливает полностью или в части действие актов Правительства.";
    const RU_P3_2022: &str = "3. Правительство согласовывает с Президентом Республики государственные программы до их утверждения.";
    const RU_P3_2024: &str = "3. Исключен Конституционным законом РК от 19.04.2023 № 222-VII (вводится в действие по истечении десяти календарных дней после дня его первого официального опубликования).";
    const RU_P2: &str =
        "2. Правительство согласовывает с Президентом Республики планы законопроектных работ Правительства.";
    const RU_P2_2024: &str = "2. Исключен Конституционным законом РК от 05.07.2024 № 109-VIII (вводится в действие по истечении десяти календарных дней после дня его первого официального опубликования).";
    const KK_P2: &str =
        "2. Үкiмет Республика Президентiмен Үкiметтiң заң жобалау жұмыстарының жоспарларын келiседi.";
    const E95: Ed = ("1995-12-18", Some("1995-12-18"), Some("1999-05-06"), false);
    const E22: Ed = ("2022-11-05", Some("2017-06-15"), Some("2023-04-29"), true);
    const E24_P3: Ed = ("2024-07-05", Some("2023-04-29"), None, true);
    const K23: Ed = ("2023-04-19", Some("2023-04-29"), None, true);
    let gap_p3 = json!({
        "kind": "not_in_corpus",
        "earliest_edition": "1995-12-18",
        "since": "1999-05-06",
        "estimated": true,
        "until": "2017-06-15"
    });
    let ru_p3 = [
        case(
            Some("1995-12-17"),
            not_yet_adopted("1995-12-18"),
            None,
            None,
        ),
        case(Some("1995-12-18"), in_force(), Some(RU_P3_1995), Some(E95)),
        case(Some("1999-05-05"), in_force(), Some(RU_P3_1995), Some(E95)),
        case(Some("1999-05-06"), gap_p3.clone(), None, None),
        case(Some("2017-06-14"), gap_p3, None, None),
        case(Some("2017-06-15"), in_force(), Some(RU_P3_2022), Some(E22)),
        case(Some("2023-04-28"), in_force(), Some(RU_P3_2022), Some(E22)),
        case(
            Some("2023-04-29"),
            deleted("2023-04-29"),
            Some(RU_P3_2024),
            Some(E24_P3),
        ),
        case(
            Some("2024-07-05"),
            deleted("2023-04-29"),
            Some(RU_P3_2024),
            Some(E24_P3),
        ),
        case(
            Some("2024-07-15"),
            deleted("2023-04-29"),
            Some(RU_P3_2024),
            Some(E24_P3),
        ),
        case(None, deleted("2023-04-29"), Some(RU_P3_2024), Some(E24_P3)),
    ];
    // The Kazakh deletion stays in force: the Russian text of 2024 prints the same deletion,
    // by the same law; the 2024 law changed the article's other paragraph.
    let kk_p3 = [
        case(
            Some("2023-04-29"),
            deleted("2023-04-29"),
            Some(P3_2023),
            Some(K23),
        ),
        case(
            Some("2024-07-15"),
            deleted("2023-04-29"),
            Some(P3_2023),
            Some(K23),
        ),
        case(None, deleted("2023-04-29"), Some(P3_2023), Some(K23)),
    ];
    // Paragraph 2 reads the same in 1995 and 2022: one wording since the adoption. Between
    // the 2022 and 2024 texts the notes record two changes of the article (2023, 2024): from
    // the first the wording is not in the corpus, until the deletion the second gives.
    const RU_P2_E: Ed = ("1995-12-18", Some("1995-12-18"), Some("2023-04-29"), false);
    const RU_P2_E22: Ed = ("2022-11-05", Some("1995-12-18"), Some("2023-04-29"), false);
    const RU_P2_E24: Ed = ("2024-07-05", Some("2024-07-15"), None, true);
    let gap_p2 = json!({
        "kind": "not_in_corpus",
        "earliest_edition": "1995-12-18",
        "since": "2023-04-29",
        "estimated": true,
        "until": "2024-07-15"
    });
    let ru_p2 = [
        case(Some("1995-12-18"), in_force(), Some(RU_P2), Some(RU_P2_E)),
        case(Some("2005-01-01"), in_force(), Some(RU_P2), Some(RU_P2_E)),
        case(Some("2022-11-05"), in_force(), Some(RU_P2), Some(RU_P2_E22)),
        case(Some("2023-04-28"), in_force(), Some(RU_P2), Some(RU_P2_E22)),
        case(Some("2023-04-29"), gap_p2.clone(), None, None),
        case(Some("2024-07-14"), gap_p2, None, None),
        case(
            Some("2024-07-15"),
            deleted("2024-07-15"),
            Some(RU_P2_2024),
            Some(RU_P2_E24),
        ),
        case(
            None,
            deleted("2024-07-15"),
            Some(RU_P2_2024),
            Some(RU_P2_E24),
        ),
    ];
    const KK_P2_E: Ed = ("2023-04-19", Some("2017-06-15"), Some("2024-07-15"), true);
    let changed = json!({
        "kind": "changed_after_latest_edition",
        "since": "2024-07-15",
        "estimated": true,
        "latest_edition": "2023-04-19"
    });
    let kk_p2 = [
        case(Some("2024-07-14"), in_force(), Some(KK_P2), Some(KK_P2_E)),
        case(Some("2024-07-15"), changed.clone(), None, None),
        case(None, changed, None, None),
    ];
    for (eid, lang, cases) in [
        ("art_12__para_3", zanlex::Lang::Ru, &ru_p3[..]),
        ("art_12__para_3", zanlex::Lang::Kk, &kk_p3[..]),
        ("art_12__para_2", zanlex::Lang::Ru, &ru_p2[..]),
        ("art_12__para_2", zanlex::Lang::Kk, &kk_p2[..]),
    ] {
        for c in cases {
            check_in(&fx, GOV, eid, Some(lang), c);
        }
    }
    // The text view names the 2024 deletion of paragraph 2 as a later change on a date the
    // paragraph was in force, and as the amendment on a date after it.
    let corpus = fx.corpus.to_str().expect("utf-8");
    let target = format!("{GOV}#art_12__para_2");
    let show_ru = |date: &str| {
        let args = [
            "show", &target, "--lang", "ru", "--as-of", date, "--corpus", corpus,
        ];
        let (code, out, err) = super::common::zanlex_with(&fx.tmp, &args);
        assert_eq!(code, 0, "{err}");
        out
    };
    let before = show_ru("2023-04-25");
    assert!(
        before.contains(&format!("Changed later: {RU_P2_2024}")),
        "{before}"
    );
    assert!(!before.contains("Amended:"), "{before}");
    let after = show_ru("2024-08-01");
    assert!(after.contains(&format!("Amended: {RU_P2_2024}")), "{after}");
}

/// Editions dated by their file names (`rus_v1995-12-18.md`) in a mirror folder whose
/// meta.yaml dates and links `rus.md` keep their own dates: the folder's `version_date` and
/// `source` address (`…/rus/05.11.2022`) describe `rus.md` alone, so three Russian editions
/// stay three, and answer as the same files named with their commits do.
#[test]
fn editions_dated_by_their_names_beside_a_meta_yaml_keep_their_dates() {
    let mirror = "tests/fixtures/mirror/codes/01-const-laws/1995/1218-o-pravitelstve-respubliki-kazakhstan-104316";
    let fx = Fixture::new(&[
        (mirror, "mirror/104316"),
        (
            "tests/fixtures/time/codes_104316_government_1995/rus@0f8de5ce_v1995-12-18.md",
            "mirror/104316/rus_v1995-12-18.md",
        ),
        (
            "tests/fixtures/time/codes_104316_government_2024/rus@f6370d33_v2024-07-05.md",
            "mirror/104316/rus_v2024-07-05.md",
        ),
    ]);
    let act = fx
        .index
        .act_in(GOV, Some(zanlex::Lang::Ru))
        .expect("Russian expression");
    let editions: Vec<(&str, &str)> = act
        .versions
        .iter()
        .map(|v| (v.id.as_str(), v.source.file.as_str()))
        .collect();
    assert_eq!(
        editions,
        [
            ("1995-12-18", "corpus/mirror/104316/rus_v1995-12-18.md"),
            ("2022-11-05", "corpus/mirror/104316/rus.md"),
            ("2024-07-05", "corpus/mirror/104316/rus_v2024-07-05.md"),
        ]
    );
    let deletion = "3. Исключен Конституционным законом РК от 19.04.2023 № 222-VII (вводится в действие по истечении десяти календарных дней после дня его первого официального опубликования).";
    check_in(
        &fx,
        GOV,
        "art_12__para_3",
        Some(zanlex::Lang::Ru),
        &case(
            Some("2023-04-29"),
            deleted("2023-04-29"),
            Some(deletion),
            Some(("2024-07-05", Some("2023-04-29"), None, true)),
        ),
    );
}

/// The Government law's two fixtures, built once for the tests that share them.
struct Government {
    two: Fixture,
    three: Fixture,
}

impl Government {
    fn get() -> &'static Government {
        static G: std::sync::OnceLock<Government> = std::sync::OnceLock::new();
        G.get_or_init(|| Government {
            two: Fixture::government(),
            three: Fixture::government_three(),
        })
    }
}

/// The fixtures' paths exist (a moved fixture fails here, not in a confusing assertion).
#[test]
fn fixtures_are_there() {
    for p in [
        "tests/fixtures/versions/codes_104316_government",
        "tests/fixtures/time/codes_104316_government_2014/kaz@22a5d1a3_v2014-09-29.md",
        "tests/fixtures/time/codes_104316_government_1995/rus@0f8de5ce_v1995-12-18.md",
        "tests/fixtures/time/codes_104316_government_1995/meta@0f8de5ce.yaml",
        "tests/fixtures/time/codes_104316_government_2024/rus@f6370d33_v2024-07-05.md",
        "tests/fixtures/time/codes_104316_government_2024/meta@f6370d33.yaml",
    ] {
        assert!(root().join(p).exists(), "{p}");
    }
}

/// The JSON API answers each boundary as `show` does: the same states, wordings and editions
/// in both columns, from `GET /v1/acts/{id}/units/{eid}?parallel=true&as_of=…`.
#[test]
fn the_json_api_answers_every_boundary_as_show_does() {
    let fx = Fixture::bilingual();
    let server = super::serve_api::Server::start(
        &fx.corpus,
        &fx.tmp.path().join("index"),
        &["--watch-secs", "0"],
    );
    let target = format!("{GOV}#art_12__para_3");
    let client = reqwest::blocking::Client::new();
    for date in [
        None,
        Some("1995-12-17"),
        Some("1995-12-18"),
        Some("1999-05-05"),
        Some("1999-05-06"),
        Some("2007-06-19"),
        Some("2014-09-29"),
        Some("2017-06-14"),
        Some("2017-06-15"),
        Some("2022-11-05"),
        Some("2023-04-28"),
        Some("2023-04-29"),
        Some("2023-05-01"),
    ] {
        let mut path = format!(
            "{}/v1/acts/{GOV}/units/art_12__para_3?parallel=true",
            server.base
        );
        let mut args = vec!["show", target.as_str(), "--parallel"];
        if let Some(d) = date {
            path.push_str(&format!("&as_of={d}"));
            args.extend(["--as-of", d]);
        }
        let api: Value = client
            .get(&path)
            .send()
            .and_then(|r| r.json())
            .unwrap_or_else(|e| panic!("{path}: {e}"));
        assert_eq!(api, fx.cli_json(&args), "{date:?}");
        // Each column is stated: in force, or an honest edge with its words.
        for lang in ["kk", "ru"] {
            assert!(
                api[lang]["state"]["kind"].is_string(),
                "{date:?} {lang}: {api}"
            );
            assert!(
                !api[lang]["state_text"].as_str().unwrap_or("").is_empty(),
                "{date:?} {lang}: {api}"
            );
        }
    }
}

/// A repeal that takes effect days after the repealing act's publication leaves the act in
/// force until then: the Astana maslikhat decision of 23.08.2019 № 418/54-VI, whose meta.yaml
/// says it was repealed by the decision of 28 November 2025 «вводится в действие по истечении
/// десяти календарных дней после дня его первого официального опубликования». The corpus has
/// no publication date, so the repeal is dated ten days after the signing, the earliest day it
/// can be, and said to be estimated.
#[test]
fn a_repeal_in_force_days_after_publication_leaves_the_act_in_force_till_then() {
    const ACT: &str = "maslikhat-decision-2019-08-23-418-54-vi";
    let fx = Fixture::new(&[("tests/fixtures/versions/local-astana_134470", "astana")]);
    let act = fx.index.act(ACT).expect("act");
    assert_eq!(
        serde_json::to_value(&act.status).unwrap(),
        json!({
            "state": "repealed",
            "by": "решением маслихата города Астаны от 28 ноября 2025 года № 346/46-VIII",
            "on": "2025-12-08",
            "estimated": true
        })
    );
    let text = fx.index.unit(ACT, "para_1").expect("unit").unit.full_text();
    assert!(
        text.starts_with("1. Қазақстан Республикасының Ұлттық банкі"),
        "{text}"
    );
    let text = text.as_str();
    const E: Ed = ("2020-09-30", Some("2020-10-10"), Some("2025-12-08"), true);
    let repealed = json!({"kind": "repealed", "since": "2025-12-08", "estimated": true});
    for c in [
        case(Some("2025-11-28"), in_force(), Some(text), Some(E)),
        case(Some("2025-12-07"), in_force(), Some(text), Some(E)),
        case(Some("2025-12-08"), repealed.clone(), Some(text), Some(E)),
        case(None, repealed, Some(text), Some(E)),
    ] {
        check(&fx, ACT, "para_1", &c);
    }
}

/// The act read on a date lists the units it had that day. In the original Russian text of
/// 1995 article 7 («Программа деятельности Правительства Республики») has two paragraphs;
/// the notes of 2022 record the whole act amended from ~06.05.1999 and article 7 deleted by
/// the law of 19.06.2007 № 267, and the 2022 text prints «Статья 7.» alone. Article 3-1 came
/// later (~15.06.2017 by the rule). On 01.01.1996 the act lists article 7 with its heading
/// and both paragraphs in their 1995 wording, and no article 3-1; between 1999 and 2007 the
/// paragraphs' wording is not in the corpus; from 19.06.2007 they are no longer listed.
/// `show` answers each date as the outline does.
#[test]
fn a_unit_only_an_older_edition_prints_is_listed_on_its_dates() {
    const P1: &str = "1. Премьер-Министр Республики в течение месяца после своего назначения представляет Парламенту доклад о Программе Правительства, если новый состав Правительства поддерживает Программу предшествующего состава Правительства, заявление о поддержке указанной Программы и намерении нового Правительства руководствоваться ею в своей деятельности.";
    const P2: &str = "2. В случае отклонения Программы Правительства Премьер-Министр в течение двух месяцев представляет Парламенту повторный доклад о Программе. Повторное отклонение Парламентом Республики Программы Правительства может быть осуществлено большинством в две трети от общего числа депутатов каждой из Палат. Отсутствие такового большинства означает одобрение Программы Правительства.";
    let fx = Fixture::bilingual();
    let ru = Some(zanlex::Lang::Ru);
    let outline = |date: &str| fx.index.act_outline_on(GOV, ru, d(date)).expect("outline");
    fn find<'a>(units: &'a [zanlex::OutlineUnit], eid: &str) -> Option<&'a zanlex::OutlineUnit> {
        units.iter().find_map(|u| {
            (u.eid == eid)
                .then_some(u)
                .or_else(|| find(&u.children, eid))
        })
    }
    let eids = |units: &[zanlex::OutlineUnit]| -> Vec<String> {
        units.iter().map(|u| u.eid.clone()).collect()
    };

    let on_1996 = outline("1996-01-01");
    let chapter_1 = find(&on_1996.units, "chp_1").expect("chapter I");
    assert_eq!(
        eids(&chapter_1.children),
        ["art_1", "art_2", "art_3", "art_4", "art_5", "art_6", "art_7", "art_8"]
    );
    let art_7 = find(&on_1996.units, "art_7").expect("article 7");
    assert_eq!(
        art_7.text.as_deref(),
        Some("Статья 7. Программа деятельности Правительства Республики")
    );
    assert_eq!(art_7.edition.as_deref(), Some("1995-12-18"));
    assert_eq!(eids(&art_7.children), ["art_7__para_1", "art_7__para_2"]);
    for (u, text) in art_7.children.iter().zip([P1, P2]) {
        assert_eq!(u.text.as_deref(), Some(text), "{}", u.eid);
        assert_eq!(u.state, Some(zanlex::TimeState::InForce), "{}", u.eid);
        assert_eq!(u.edition.as_deref(), Some("1995-12-18"), "{}", u.eid);
        assert_eq!(u.label, format!("пункт {}", &u.eid[u.eid.len() - 1..]));
    }
    assert!(
        find(&on_1996.units, "art_3-1").is_none(),
        "article 3-1 before it was added"
    );
    // Article 25's paragraphs 3 to 5, gone from the 2022 text, after its paragraph 2.
    let art_25 = find(&on_1996.units, "art_25").expect("article 25");
    assert_eq!(
        eids(&art_25.children),
        [
            "art_25__para_1",
            "art_25__para_2",
            "art_25__para_3",
            "art_25__para_4",
            "art_25__para_5"
        ]
    );
    // `zanlex show ACT --as-of` lists the same units, and `show` gives the same wording from
    // the same edition.
    let act = fx.cli_json(&[
        "show",
        GOV,
        "--as-of",
        "1996-01-01",
        "--lang",
        "ru",
        "--texts",
    ]);
    let art_7 = act["units"]
        .as_array()
        .expect("units")
        .iter()
        .find(|u| u["eid"] == "chp_1")
        .and_then(|c| c["children"].as_array())
        .and_then(|a| a.iter().find(|u| u["eid"] == "art_7"))
        .expect("article 7 in show --as-of");
    assert_eq!(art_7["children"][0]["text"], P1);
    assert_eq!(art_7["children"][1]["eid"], "art_7__para_2");
    let shown = fx.show(GOV, "art_7__para_1", Some("1996-01-01"), ru);
    assert_eq!(shown["state"], json!({"kind": "in_force"}));
    assert_eq!(shown["text"], P1);
    assert_eq!(shown["edition"]["id"], "1995-12-18");

    // After the first change the notes record: the wording is not in the corpus.
    let gap = json!({
        "kind": "not_in_corpus",
        "earliest_edition": "1995-12-18",
        "since": "1999-05-06",
        "estimated": true,
        "until": "2007-06-19"
    });
    let on_2005 = outline("2005-01-01");
    let p1 = find(&on_2005.units, "art_7__para_1").expect("paragraph 1 in 2005");
    assert_eq!(serde_json::to_value(&p1.state).expect("state"), gap);
    assert_eq!(
        (p1.text.as_deref(), p1.edition.as_deref()),
        (Some(""), None)
    );
    assert_eq!(
        fx.show(GOV, "art_7__para_1", Some("2005-01-01"), ru)["state"],
        gap
    );

    // From the deletion of article 7: the paragraphs are gone, the article printed deleted.
    let on_2008 = outline("2008-01-01");
    let art_7 = find(&on_2008.units, "art_7").expect("article 7 in 2008");
    assert!(art_7.children.is_empty(), "{:?}", eids(&art_7.children));
    assert_eq!(art_7.text.as_deref(), Some("Статья 7."));
    let deleted = json!({"kind": "deleted", "since": "2007-06-19"});
    assert_eq!(
        fx.show(GOV, "art_7__para_1", Some("2008-01-01"), ru)["state"],
        deleted
    );
    assert_eq!(fx.show(GOV, "art_7__para_1", None, ru)["state"], deleted);
    // Article 3-1 is there once it was added.
    assert!(find(&outline("2018-01-01").units, "art_3-1").is_some());
}

/// A heading rewritten is compared whole: between the Russian texts of 1995 and 2022, the
/// heading of article 25 («Аппарат Правительства Республики», 2 of the new heading's 11 words
/// shared) is one deletion and one insertion, after the article's number; that of article 24
/// («Ведомство Республики» → «Ведомство центрального исполнительного органа») too; the heading
/// of article 3, edited (6 of 7 words shared), is marked word by word. A provision compared
/// alone, and `zanlex diff --json`, say the same.
#[test]
fn a_heading_rewritten_is_compared_whole() {
    const NEW_25: &str = "Информационно-аналитическое и организационно-правовое обеспечение деятельности Премьер-Министра и Правительства Республики";
    let fx = Fixture::bilingual();
    let ru = Some(zanlex::Lang::Ru);
    let words = |diff: &zanlex::ActDiff, eid: &str| -> Vec<(String, String)> {
        diff.units
            .iter()
            .find(|c| c.eid == eid)
            .unwrap_or_else(|| panic!("{eid} not in the diff"))
            .words
            .iter()
            .map(|w| (w.tag.to_string(), w.text.clone()))
            .collect()
    };
    let runs = |r: &[(&str, &str)]| -> Vec<(String, String)> {
        r.iter()
            .map(|(t, w)| (t.to_string(), w.to_string()))
            .collect()
    };
    let whole = fx
        .index
        .act_diff(GOV, "1996-01-01", "2022-12-01", None, ru)
        .expect("diff");
    let art_25 = runs(&[
        ("equal", "Статья 25. "),
        ("delete", "Аппарат Правительства Республики"),
        ("insert", NEW_25),
    ]);
    assert_eq!(words(&whole, "art_25"), art_25);
    assert_eq!(
        words(&whole, "art_24"),
        runs(&[
            ("equal", "Статья 24. "),
            ("delete", "Ведомство Республики"),
            ("insert", "Ведомство центрального исполнительного органа"),
        ])
    );
    assert_eq!(
        words(&whole, "art_3"),
        runs(&[
            ("equal", "Статья 3. Образование"),
            ("insert", ", структура"),
            ("equal", " и состав Правительства Республики Казахстан"),
        ])
    );
    let one = fx
        .index
        .act_diff(GOV, "1996-01-01", "2022-12-01", Some("art_25"), ru)
        .expect("diff of article 25");
    assert_eq!(words(&one, "art_25"), art_25);
    let cli = fx.cli_json(&[
        "diff",
        &format!("{GOV}#art_25"),
        "--from",
        "1996-01-01",
        "--to",
        "2022-12-01",
        "--lang",
        "ru",
    ]);
    let change = cli["units"]
        .as_array()
        .expect("units")
        .iter()
        .find(|c| c["eid"] == "art_25")
        .expect("article 25");
    assert_eq!(
        change["words"],
        json!([
            {"tag": "equal", "text": "Статья 25. "},
            {"tag": "delete", "text": "Аппарат Правительства Республики"},
            {"tag": "insert", "text": NEW_25}
        ])
    );
}
