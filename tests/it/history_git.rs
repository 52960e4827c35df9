//! Editions read from a checkout's git history (`zanlex::history`, `zanlex index --history`).
//!
//! A git repository is built here, one commit per edition in date order, as the public mirror
//! writes them (the act's folder with `kaz.md`, `rus.md`, `meta.yaml`; the commit dated to the
//! day the edition took effect, its subject the amending act, its trailers `Cause-Act-Code` and
//! `Cause-Act-Requisite` taken from the edition's `caused_by`), from real editions:
//! - the Astana maslikhat decision 134470 of 23.08.2019 and its edition of 30.09.2020
//!   (`tests/fixtures/versions/local-astana_134470`);
//! - the order 135478 of the Head of the Presidential Office, edition 2020-11-12 (the mirror
//!   sample's folder), and its edition after the order of 25.12.2024 (`…_latest.md`), added
//!   later to test a refresh;
//! - the Constitutional Law on the Government 104316, Kazakh editions 2022-11-05 (with the
//!   placeholder `5-1. 01.01.2023 бастап қолданысқа енгізіледі` in article 10) and 2023-04-19
//!   (which brings 5-1's text), moved between them from the mirror's old path
//!   `01-const-laws/19951218-…/` to `01-const-laws/1995/1218-…/`;
//! - a commit that changes only a `meta.yaml` (no edition).

use chrono::NaiveDate;
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use zanlex::git_history::{read_history, sync_history, HistoryOptions, HistoryRead};
use zanlex::{BuildOptions, ZanIndex};

const GOV: &str = "constitutional-law-1995-12-18-2688";
const GOV_OLD: &str = "01-const-laws/19951218-o-pravitelstve-respubliki-kazakhstan-104316";
const GOV_NEW: &str = "01-const-laws/1995/1218-o-pravitelstve-respubliki-kazakhstan-104316";
const MIN: &str = "07-ministerial/101001000000-administratsiia-prezidenta/2019/1007-ob-utverzhdenii-reestra-dolzhnostei-grazhdanskikh-sluzhashchikh-135478";
const AST: &str = "08-local-decisions/2019/0823-ob-opredelenii-razmera-i-perechnia-kategorii-poluchatelei-zhilishchnykh-134470";

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
}

fn fixture(rel: &str) -> Vec<u8> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(rel);
    std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn text(rel: &str) -> String {
    String::from_utf8(fixture(rel)).expect("utf-8")
}

const GOV_MIRROR: &str =
    "mirror/codes/01-const-laws/1995/1218-o-pravitelstve-respubliki-kazakhstan-104316";
const MIN_MIRROR: &str = "mirror/ministerial/07-ministerial/101001000000-administratsiia-prezidenta/2019/1007-ob-utverzhdenii-reestra-dolzhnostei-grazhdanskikh-sluzhashchikh-135478";

/// `caused_by`'s code and requisite in a meta.yaml, as the mirror writes them into trailers.
fn caused_by(meta: &str) -> Vec<(&'static str, String)> {
    let v: serde_yaml_ng::Value = serde_yaml_ng::from_str(meta).expect("meta.yaml");
    let c = &v["caused_by"];
    vec![
        (
            "Cause-Act-Code",
            c["code"].as_str().expect("code").to_string(),
        ),
        (
            "Cause-Act-Requisite",
            c["requisite"].as_str().expect("requisite").to_string(),
        ),
    ]
}

/// A git repository in a temporary folder, written with the `git` command line.
struct Repo {
    dir: tempfile::TempDir,
}

impl Repo {
    fn new() -> Repo {
        let repo = Repo {
            dir: tempfile::tempdir().expect("temp dir"),
        };
        repo.git(&["init", "-q", "-b", "main"], "2000-01-01");
        repo
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn git(&self, args: &[&str], date: &str) {
        let stamp = format!("{date}T00:00:00+05:00");
        let out = std::process::Command::new("git")
            .args(args)
            .current_dir(self.path())
            .env("GIT_AUTHOR_NAME", "Парламент Республики Казахстан")
            .env("GIT_AUTHOR_EMAIL", "101000000000@agencies.qaz-law.invalid")
            .env("GIT_COMMITTER_NAME", "qaz-law")
            .env("GIT_COMMITTER_EMAIL", "corpus@qaz-law.invalid")
            .env("GIT_AUTHOR_DATE", &stamp)
            .env("GIT_COMMITTER_DATE", &stamp)
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("HOME", self.path())
            .output()
            .expect("git runs");
        assert!(
            out.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    fn write(&self, rel: &str, bytes: &[u8]) {
        let p = self.path().join(rel);
        std::fs::create_dir_all(p.parent().expect("parent")).expect("folder");
        std::fs::write(p, bytes).expect("write");
    }

    /// Commits everything as of `date`, with `subject` and the trailers.
    fn commit(&self, date: &str, subject: &str, trailers: &[(&str, String)]) {
        self.git(&["add", "-A"], date);
        let mut msg = format!("{subject}\n");
        if !trailers.is_empty() {
            msg.push('\n');
            for (k, v) in trailers {
                msg.push_str(&format!("{k}: {v}\n"));
            }
        }
        self.git(&["commit", "-q", "--allow-empty", "-m", &msg], date);
    }

    /// The mirror's history of the three acts up to 2023-04-19 (seven commits).
    fn mirror() -> Repo {
        let r = Repo::new();
        // 134470: the decision as adopted, then as amended on 30.09.2020.
        let meta20 = text("versions/local-astana_134470/meta@2765827d.yaml");
        let meta19 = meta20[..meta20.find("caused_by:").expect("caused_by")]
            .replace("2020-09-30", "2019-08-23")
            .replace("30.09.2020", "23.08.2019");
        r.write(&format!("{AST}/meta.yaml"), meta19.as_bytes());
        r.write(
            &format!("{AST}/kaz.md"),
            &fixture("versions/local-astana_134470/kaz@31ef956f_v2019-08-23_original.md"),
        );
        r.commit(
            "2019-08-23",
            "№418/54-VI Об определении размера и перечня категорий получателей жилищных сертификатов",
            &[
                ("Cause-Act-Code", "134470".into()),
                (
                    "Cause-Act-Requisite",
                    "Решение маслихата города Нур-Султана от 23 августа 2019 года № 418/54-VI"
                        .into(),
                ),
            ],
        );
        r.write(&format!("{AST}/meta.yaml"), meta20.as_bytes());
        r.write(
            &format!("{AST}/kaz.md"),
            &fixture("versions/local-astana_134470/kaz@2765827d_v2020-09-30.md"),
        );
        r.commit(
            "2020-09-30",
            "№539/73-VI О внесении изменения в решение маслихата города Нур-Султан",
            &caused_by(&meta20),
        );
        // 135478, edition 2020-11-12.
        let min_meta = text(&format!("{MIN_MIRROR}/meta.yaml"));
        r.write(&format!("{MIN}/meta.yaml"), min_meta.as_bytes());
        r.write(
            &format!("{MIN}/kaz.md"),
            &fixture("versions/ministerial_135478/kaz@1f596f80_v2020-11-12.md"),
        );
        r.write(
            &format!("{MIN}/rus.md"),
            &fixture(&format!("{MIN_MIRROR}/rus.md")),
        );
        r.commit(
            "2020-11-12",
            "№20-42-3.3.17 О внесении изменений в приказ",
            &caused_by(&min_meta),
        );
        // 104316 at the old path, edition 2022-11-05.
        let gov_meta = text(&format!("{GOV_MIRROR}/meta.yaml"));
        r.write(&format!("{GOV_OLD}/meta.yaml"), gov_meta.as_bytes());
        r.write(
            &format!("{GOV_OLD}/kaz.md"),
            &fixture("versions/codes_104316_government/kaz@2c716769_v2022-11-05.md"),
        );
        r.write(
            &format!("{GOV_OLD}/rus.md"),
            &fixture(&format!("{GOV_MIRROR}/rus.md")),
        );
        r.commit(
            "2022-11-05",
            "№156-VII О внесении изменений и дополнений в некоторые конституционные законы",
            &caused_by(&gov_meta),
        );
        // The mirror's new layout of folders: a move, no new text.
        std::fs::create_dir_all(r.path().join("01-const-laws/1995")).expect("folder");
        r.git(&["mv", GOV_OLD, GOV_NEW], "2022-11-20");
        r.commit("2022-11-20", "Каталоги по годам", &[]);
        // Only meta.yaml changes: no edition.
        r.write(
            &format!("{MIN}/meta.yaml"),
            format!("{min_meta}repealed_on: null\n").as_bytes(),
        );
        r.commit("2022-12-01", "meta.yaml: repealed_on", &[]);
        // 104316, edition 2023-04-19 (its code is not in the sample: the requisite alone).
        r.write(
            &format!("{GOV_NEW}/kaz.md"),
            &fixture("versions/codes_104316_government/kaz@0c5d4a0f_v2023-04-19.md"),
        );
        r.commit(
            "2023-04-19",
            "№222-VII О внесении изменений и дополнений в Конституционный закон",
            &[(
                "Cause-Act-Requisite",
                "Конституционный закон Республики Казахстан от 19 апреля 2023 года № 222-VII"
                    .into(),
            )],
        );
        r
    }

    /// 135478's edition after the order of 25.12.2024 (in force on publication).
    fn add_2024_edition(&self) {
        self.write(
            &format!("{MIN}/kaz.md"),
            &fixture("versions/ministerial_135478/kaz@146f9b3d_latest.md"),
        );
        self.commit(
            "2024-12-25",
            "№24-42-3.3.13 О внесении изменений в приказ",
            &[(
                "Cause-Act-Requisite",
                "Приказ Начальника Канцелярии Президента Республики Казахстан от 25 декабря 2024 года № 24-42-3.3.13"
                    .into(),
            )],
        );
    }
}

/// (act code, date, amending act's code, path, announced dates, fulfilled dates) of every
/// edition read.
type Row = (
    String,
    String,
    Option<String>,
    String,
    Vec<String>,
    Vec<String>,
);

fn rows(read: &HistoryRead) -> Vec<Row> {
    let ds = |v: &[NaiveDate]| v.iter().map(|d| d.to_string()).collect::<Vec<_>>();
    read.acts
        .iter()
        .flat_map(|a| {
            a.editions.iter().map(|e| {
                (
                    a.code.clone(),
                    e.date.to_string(),
                    e.cause.as_ref().and_then(|c| c.code.clone()),
                    e.path.clone(),
                    ds(&e.announces),
                    ds(&e.fulfils),
                )
            })
        })
        .collect()
}

fn row(code: &str, date: &str, cause: Option<&str>, path: &str, ann: &[&str], ful: &[&str]) -> Row {
    let v = |x: &[&str]| x.iter().map(|s| s.to_string()).collect();
    (
        code.into(),
        date.into(),
        cause.map(str::to_string),
        path.into(),
        v(ann),
        v(ful),
    )
}

#[test]
fn every_edition_from_the_commits_with_dates_and_amending_acts() {
    let repo = Repo::mirror();
    let read = read_history(repo.path(), &HistoryOptions::default(), None).expect("history");
    assert_eq!(read.commits_read, 7);
    assert_eq!(
        rows(&read),
        vec![
            row(
                "104316",
                "2022-11-05",
                Some("173442"),
                GOV_OLD,
                &["2023-01-01"],
                &[]
            ),
            // The move on 2022-11-20 is no edition; the act is followed to its new path.
            row("104316", "2023-04-19", None, GOV_NEW, &[], &["2023-01-01"]),
            row("134470", "2019-08-23", Some("134470"), AST, &[], &[]),
            row("134470", "2020-09-30", Some("147363"), AST, &[], &[]),
            // The meta.yaml-only commit of 2022-12-01 is no edition.
            row("135478", "2020-11-12", Some("149264"), MIN, &[], &[]),
        ]
    );
    // Each edition is an edition of the languages whose text its commit changed.
    let langs: Vec<(&str, String, Vec<String>)> = read
        .acts
        .iter()
        .flat_map(|a| {
            a.editions
                .iter()
                .map(|e| (a.code.as_str(), e.date.to_string(), e.languages.clone()))
        })
        .collect();
    let l = |c: &'static str, d: &str, x: &[&str]| {
        (
            c,
            d.to_string(),
            x.iter().map(|s| s.to_string()).collect::<Vec<_>>(),
        )
    };
    assert_eq!(
        langs,
        [
            l("104316", "2022-11-05", &["kaz", "rus"]),
            l("104316", "2023-04-19", &["kaz"]),
            l("134470", "2019-08-23", &["kaz"]),
            l("134470", "2020-09-30", &["kaz"]),
            l("135478", "2020-11-12", &["kaz", "rus"]),
        ]
    );
    let gov = &read.acts[0].editions;
    assert_eq!(
        gov[1].cause.as_ref().and_then(|c| c.requisite.as_deref()),
        Some("Конституционный закон Республики Казахстан от 19 апреля 2023 года № 222-VII")
    );
    assert_eq!(
        gov[0].files.keys().collect::<Vec<_>>(),
        ["kaz.md", "meta.yaml", "rus.md"]
    );
    // The edition's texts are the committed bytes.
    assert_eq!(
        gov[1].files["kaz.md"],
        fixture("versions/codes_104316_government/kaz@0c5d4a0f_v2023-04-19.md")
    );

    // `since` bounds the depth: the acts as they stood on the last commit before it (dated by
    // their meta.yaml), then the commits from that day.
    let since = HistoryOptions {
        since: Some(d("2022-12-01")),
    };
    let read = read_history(repo.path(), &since, None).expect("history");
    assert_eq!(read.commits_read, 2);
    assert_eq!(
        rows(&read),
        vec![
            row("104316", "2022-11-05", None, GOV_NEW, &[], &[]),
            row("104316", "2023-04-19", None, GOV_NEW, &[], &["2023-01-01"]),
            row("134470", "2020-09-30", None, AST, &[], &[]),
            row("135478", "2020-11-12", None, MIN, &[], &[]),
        ]
    );
    assert_eq!(
        read.acts[0].editions[0].basis,
        zanlex::git_history::DateBasis::MetaVersionDate
    );
}

/// The editions folders, indexed: one act per language with every edition, and the
/// point-in-time rule on them as on dated edition files.
struct Indexed {
    repo: Repo,
    tmp: tempfile::TempDir,
    editions: PathBuf,
    index: ZanIndex,
}

impl Indexed {
    fn new() -> Indexed {
        let repo = Repo::mirror();
        let tmp = tempfile::tempdir().expect("temp dir");
        let editions = tmp.path().join("index.history");
        std::fs::create_dir_all(&editions).expect("folder");
        let sync = sync_history(repo.path(), &editions, &HistoryOptions::default()).expect("sync");
        assert_eq!(sync.commits_read, 7);
        assert_eq!(sync.written.len(), 5, "{:?}", sync.written);
        let (index, report) = ZanIndex::open_or_build(
            &editions,
            tmp.path().join("index"),
            &BuildOptions::default(),
        )
        .expect("index");
        assert!(report.failures.is_empty(), "{:?}", report.failures);
        // A unit printed the same in the next edition has no document of its own: the index
        // holds each expression's current units and, of each older edition, the units the
        // next edition changed (its own text or a child's), removed or did not yet print.
        let acts = index.acts().expect("acts");
        let mut expected = 0;
        let mut all_printings = 0;
        for act in &acts {
            let documented = |u: &&zanlex::Unit| {
                !(u.text.trim().is_empty() && u.heading.as_deref().unwrap_or("").trim().is_empty())
            };
            expected += act
                .units
                .iter()
                .flat_map(|u| u.walk())
                .filter(documented)
                .count();
            all_printings += act
                .units
                .iter()
                .flat_map(|u| u.walk())
                .filter(documented)
                .count();
            let n = act.versions.len();
            for (k, v) in act.versions.iter().enumerate() {
                if v.to.is_none() && v.source.file == act.source.file {
                    continue;
                }
                let next = if k + 1 < n {
                    &act.versions[k + 1].units
                } else {
                    &act.units
                };
                let next: std::collections::HashMap<&str, &zanlex::Unit> = next
                    .iter()
                    .flat_map(|u| u.walk())
                    .map(|u| (u.eid.as_str(), u))
                    .collect();
                for u in v.units.iter().flat_map(|u| u.walk()).filter(documented) {
                    all_printings += 1;
                    let same = next.get(u.eid.as_str()).is_some_and(|x| {
                        // One wording: the unit's text with its children's.
                        x.full_text() == u.full_text()
                            && x.heading == u.heading
                            && x.status == u.status
                    });
                    expected += usize::from(!same);
                }
            }
        }
        assert_eq!(report.units_indexed, expected);
        assert!(expected < all_printings, "{expected} of {all_printings}");
        Indexed {
            repo,
            tmp,
            editions,
            index,
        }
    }

    /// Reads the mirror's new commits into the editions folder.
    fn sync(&self) -> zanlex::git_history::SyncReport {
        sync_history(self.repo.path(), &self.editions, &HistoryOptions::default()).expect("sync")
    }

    /// Makes the sync's state one of the layout before deletions were marked, as a zanlex
    /// of then left it: the next sync reads the whole history again.
    fn state_of_an_older_layout(&self) {
        let state_path = self.editions.join(zanlex::git_history::STATE_FILE);
        let mut state: Value =
            serde_json::from_slice(&std::fs::read(&state_path).expect("state")).expect("JSON");
        state["layout"] = json!(2);
        state.as_object_mut().expect("object").remove("removed");
        std::fs::write(&state_path, state.to_string()).expect("state");
    }

    /// Refreshes the index from the editions folder, and checks that the refreshed index
    /// answers what one built anew from the same folder answers.
    fn refresh(&self) -> (ZanIndex, zanlex::RefreshReport) {
        let refreshed = ZanIndex::open_or_build(
            &self.editions,
            self.tmp.path().join("index"),
            &BuildOptions::default(),
        )
        .expect("refresh");
        let anew = tempfile::tempdir().expect("temp dir");
        let (built, _) = ZanIndex::open_or_build(
            &self.editions,
            anew.path().join("index"),
            &BuildOptions::default(),
        )
        .expect("index");
        assert_eq!(
            answers_about_time(&refreshed.0),
            answers_about_time(&built),
            "a refreshed index and one built anew differ"
        );
        refreshed
    }

    /// (state, wording, edition id, from, to) of a unit on a date.
    fn at(&self, act: &str, eid: &str, date: &str) -> (Value, Option<String>, Option<Ed>) {
        at_in(&self.index, act, eid, zanlex::Lang::Kk, date)
    }
}

/// (state, wording, edition id, from, to) of a unit in one language on a date.
fn at_in(
    index: &ZanIndex,
    act: &str,
    eid: &str,
    lang: zanlex::Lang,
    date: &str,
) -> (Value, Option<String>, Option<Ed>) {
    let at = index
        .unit_as_of(act, eid, Some(lang), Some(d(date)))
        .unwrap_or_else(|e| panic!("{act}#{eid} on {date}: {e}"));
    let s = |x: Option<NaiveDate>| x.map(|d| d.to_string());
    (
        serde_json::to_value(&at.state).expect("json"),
        at.unit.map(|u| u.full_text()),
        at.edition
            .map(|e| (e.id.clone(), s(e.from), s(e.to), e.from_estimated)),
    )
}

type Ed = (String, Option<String>, Option<String>, bool);

/// (id, from, to) of each edition of `act`.
fn editions_of(act: &zanlex::Act) -> Vec<(&str, Option<NaiveDate>, Option<NaiveDate>)> {
    act.versions
        .iter()
        .map(|v| (v.id.as_str(), v.from, v.to))
        .collect()
}

fn ed(id: &str, from: &str, to: Option<&str>, estimated: bool) -> Option<Ed> {
    Some((
        id.into(),
        Some(from.into()),
        to.map(str::to_string),
        estimated,
    ))
}

const P3_2022: &str =
    "3. Үкімет Республика Президентімен мемлекеттік бағдарламаларды олар бекітілгенге дейін келіседі.";
const P3_2023: &str = "3. Алып тасталды - ҚР 19.04.2023 № 222-VII (алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі) Конституциялық заңымен.";
const PLACEHOLDER: &str =
    "5-1. 01.01.2023 бастап қолданысқа енгізіледі – ҚР 05.11.2022 № 156-VII Конституциялық заңымен.";

#[test]
fn git_editions_answer_on_each_boundary_and_diff() {
    let fx = Indexed::new();
    let act = fx.index.act_in(GOV, Some(zanlex::Lang::Kk)).expect("act");
    let ids: Vec<(&str, Option<NaiveDate>)> = act
        .versions
        .iter()
        .map(|v| (v.id.as_str(), v.from))
        .collect();
    assert_eq!(
        ids,
        [
            ("2022-11-05", Some(d("2022-11-05"))),
            ("2023-04-19", Some(d("2023-04-19")))
        ]
    );
    // The placeholder of 2022-11-05 and the text 2023-04-19 brings, in force from the
    // announced date.
    let in_force = json!({"kind": "in_force"});
    let pending = json!({"kind": "pending", "from": "2023-01-01"});
    let announced = ed("2022-11-05", "2022-11-05", Some("2023-01-01"), false);
    let inserted = ed("2023-04-19", "2023-01-01", None, false);
    let p51 = "art_10__para_5-1";
    assert_eq!(
        fx.at(GOV, p51, "2022-11-04"),
        (
            json!({"kind": "not_yet_inserted", "from": "2022-11-05"}),
            None,
            None
        )
    );
    assert_eq!(
        fx.at(GOV, p51, "2022-11-05"),
        (pending.clone(), Some(PLACEHOLDER.into()), announced.clone())
    );
    assert_eq!(
        fx.at(GOV, p51, "2022-12-31"),
        (pending, Some(PLACEHOLDER.into()), announced)
    );
    let (state, wording, edition) = fx.at(GOV, p51, "2023-01-01");
    assert_eq!(
        (state, edition.clone()),
        (in_force.clone(), inserted.clone())
    );
    let wording = wording.expect("text");
    assert!(
        wording.starts_with("5-1. Үкіметтің заң күші бар уақытша қаулылары"),
        "{wording}"
    );
    assert_eq!(fx.at(GOV, p51, "2023-04-18").2, inserted);
    assert_eq!(fx.at(GOV, p51, "2023-04-19").2, inserted);
    // Article 12 paragraph 3: the 2022 wording (from the law of 15.06.2017, ~on publication)
    // up to its deletion by the law of 19.04.2023 (~ten days after publication).
    let p3 = "art_12__para_3";
    let w22 = ed("2022-11-05", "2017-06-15", Some("2023-04-29"), true);
    assert_eq!(
        fx.at(GOV, p3, "2022-11-04"),
        (
            json!({"kind": "in_force_before_earliest_edition", "earliest_edition": "2022-11-05"}),
            Some(P3_2022.into()),
            w22.clone()
        )
    );
    assert_eq!(
        fx.at(GOV, p3, "2022-11-05"),
        (in_force.clone(), Some(P3_2022.into()), w22.clone())
    );
    assert_eq!(
        fx.at(GOV, p3, "2023-04-18"),
        (in_force.clone(), Some(P3_2022.into()), w22.clone())
    );
    assert_eq!(
        fx.at(GOV, p3, "2023-04-19"),
        (in_force.clone(), Some(P3_2022.into()), w22)
    );
    assert_eq!(
        fx.at(GOV, p3, "2023-04-29"),
        (
            json!({"kind": "deleted", "since": "2023-04-29"}),
            Some(P3_2023.into()),
            ed("2023-04-19", "2023-04-29", None, true)
        )
    );

    // The Russian text was last changed on 2022-11-05: after the Kazakh edition of
    // 2023-04-19 records the deletion in force, its wording is not known.
    let ru = fx
        .index
        .unit_as_of(GOV, p3, Some(zanlex::Lang::Ru), Some(d("2023-04-29")))
        .expect("Russian unit");
    let state = serde_json::to_value(&ru.state).expect("json");
    assert_eq!(state["kind"], "changed_after_latest_edition", "{state}");
    assert_eq!(state["latest_edition"], "2022-11-05", "{state}");
    assert!(ru.unit.is_none());
    let ru_act = fx
        .index
        .act_in(GOV, Some(zanlex::Lang::Ru))
        .expect("Russian act");
    assert!(ru_act.versions.is_empty(), "one Russian edition");
    assert_eq!(ru_act.version_date, Some(d("2022-11-05")));

    // The diff between the two commits' editions.
    let diff = zanlex::diff(&act, "2022-11-05", "2023-04-19", Some(p51)).expect("diff");
    assert_eq!(diff.changed, vec![p51]);
    let words = &diff.units[0].words;
    assert!(words
        .iter()
        .any(|w| w.tag == "delete" && w.text.contains("01.01.2023 бастап")));
    assert!(words
        .iter()
        .any(|w| w.tag == "insert" && w.text.contains("заң күші бар уақытша қаулылары")));

    // The Astana decision: 1 3) reworded by the decision of 30.09.2020, the commit's date; its
    // note puts the change in force ten days after publication (~2020-10-10), so the 2019
    // wording answers up to then, the 2020 edition from then.
    let ast = fx
        .index
        .act_ids()
        .expect("ids")
        .into_iter()
        .find(|id| id.contains("2019-08-23"))
        .expect("the Astana decision");
    let sub3 = "para_1__subpara_3";
    // In force from its own commencement (below), estimated.
    let w19 = ed("2019-08-23", "2019-09-14", Some("2020-10-10"), true);
    // Until the repeal meta.yaml names: the decision of 28.11.2025, in force ten days after
    // its publication (~2025-12-08, the earliest it can be).
    let w20 = ed("2020-09-30", "2020-10-10", Some("2025-12-08"), true);
    for (date, edition) in [
        ("2019-09-14", &w19),
        ("2020-09-29", &w19),
        ("2020-09-30", &w19),
        ("2020-10-09", &w19),
        ("2020-10-10", &w20),
    ] {
        let (state, wording, e) = fx.at(&ast, sub3, date);
        assert_eq!((&state, &e), (&in_force, edition), "{date}");
        let wording = wording.expect("wording");
        let new = wording.contains("Ұлы Отан соғысының ардагерлері");
        assert_eq!(new, edition == &w20, "{date}: {wording}");
    }
    assert_eq!(
        fx.at(&ast, sub3, "2019-08-22").0,
        json!({"kind": "not_yet_adopted", "adopted": "2019-08-23"})
    );
    // Its point 3 («Осы шешiм … тіркелген күннен бастап күшіне енеді және алғашқы ресми
    // жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі», a Latin
    // `i` in «шешiм»): ten days after its publication, not before its registration
    // (04.09.2019) + 10.
    for date in ["2019-08-23", "2019-09-13"] {
        assert_eq!(
            fx.at(&ast, sub3, date).0,
            json!({"kind": "not_yet_in_force", "adopted": "2019-08-23", "from": "2019-09-14",
                   "estimated": true, "rule": {"rule": "days_after_publication", "days": 10}}),
            "{date}"
        );
    }
    drop((fx.repo, fx.editions, fx.tmp));
}

#[test]
fn a_refresh_reads_only_the_new_commit_and_a_rebuilt_history_is_not_new() {
    let fx = Indexed::new();
    let min = "president-office-order-2019-10-07-19-42-3-3-17";
    fx.repo.add_2024_edition();
    let sync = fx.sync();
    assert_eq!(sync.commits_read, 1, "only the new commit is read");
    assert_eq!(sync.written.len(), 1);
    assert!(
        sync.written[0].starts_with("135478/2024-12-25_"),
        "{:?}",
        sync.written
    );
    let (index, report) = fx.refresh();
    assert!(!report.rebuilt);
    // The commit changed the Kazakh text only: no Russian edition.
    let folder = format!("index.history/{}", sync.written[0]);
    assert_eq!(report.added, [format!("{folder}/kaz.md")]);
    let act = index.act_in(min, Some(zanlex::Lang::Kk)).expect("act");
    let ids = editions_of(&act);
    assert_eq!(
        ids,
        [
            ("2020-11-12", Some(d("2020-11-12")), Some(d("2024-12-25"))),
            ("2024-12-25", Some(d("2024-12-25")), None)
        ]
    );
    let diff = zanlex::diff(&act, "2020-11-12", "2024-12-25", None).expect("diff");
    assert_eq!(diff.changed, vec!["annex_1", "annex_2", "annex_4"]);

    // Nothing new: nothing read, and the state not written again (every command with a
    // history looks for new commits).
    let state = fx.editions.join(zanlex::git_history::STATE_FILE);
    let long_ago = std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1 << 30);
    std::fs::File::options()
        .write(true)
        .open(&state)
        .and_then(|f| f.set_modified(long_ago))
        .expect("state file's time set");
    let again = fx.sync();
    assert_eq!((again.commits_read, again.written.len()), (0, 0));
    let modified = std::fs::metadata(&state).and_then(|m| m.modified());
    assert_eq!(modified.expect("state file's time"), long_ago);

    // The same history rebuilt (other commit ids: other committer and subjects) is known by
    // its trees: nothing is read again.
    let rebuilt = Repo::mirror();
    rebuilt.add_2024_edition();
    rebuilt.git(&["commit", "-q", "--amend", "-m", "rebuilt"], "2024-12-25");
    let sync =
        sync_history(rebuilt.path(), &fx.editions, &HistoryOptions::default()).expect("sync");
    assert_eq!((sync.commits_read, sync.written.len()), (0, 0));

    // Back to the first history: not the head read last, so it is walked, and its trees
    // tell that nothing in it is new.
    let back = fx.sync();
    assert_eq!((back.commits_read, back.written.len()), (0, 0));

    // A head already read is known without parsing the state (megabytes for a national
    // history): a state of the same size and time, unreadable, goes unnoticed.
    let kept = std::fs::read(&state).expect("state");
    let stamped = std::fs::metadata(&state)
        .and_then(|m| m.modified())
        .expect("state file's time");
    let set_state = |bytes: &[u8]| {
        std::fs::write(&state, bytes).expect("state written");
        std::fs::File::options()
            .write(true)
            .open(&state)
            .and_then(|f| f.set_modified(stamped))
            .expect("state file's time set");
    };
    set_state(&vec![b' '; kept.len()]);
    let again = fx.sync();
    assert_eq!((again.commits_read, again.written.len()), (0, 0));
    // A new head is read, from the state.
    set_state(&kept);
    fx.repo.write("README.md", b"The mirror's own notes.\n");
    fx.repo.commit("2025-01-10", "README", &[]);
    let after = fx.sync();
    assert_eq!((after.commits_read, after.written.len()), (1, 0));
}

#[test]
fn a_change_undone_by_a_later_commit_is_an_edition_of_its_own_date() {
    let fx = Indexed::new();
    let min = "president-office-order-2019-10-07-19-42-3-3-17";
    fx.repo.add_2024_edition();
    let sync = fx.sync();
    assert_eq!((sync.commits_read, sync.written.len()), (1, 1));
    // The order of 2024 undone: the text of 2020 again, and the whole tree as it was after
    // the commit of 2023-04-19, which the first sync read.
    fx.repo.write(
        &format!("{MIN}/kaz.md"),
        &fixture("versions/ministerial_135478/kaz@1f596f80_v2020-11-12.md"),
    );
    fx.repo
        .commit("2025-02-03", "Откат ошибочной редакции", &[]);
    let undone = fx.sync();
    assert_eq!(undone.commits_read, 1);
    assert_eq!(undone.written.len(), 1, "{:?}", undone.written);
    assert!(
        undone.written[0].starts_with("135478/2025-02-03_"),
        "{:?}",
        undone.written
    );
    let (index, report) = fx.refresh();
    assert!(!report.rebuilt);
    let act = index.act_in(min, Some(zanlex::Lang::Kk)).expect("act");
    let ids = editions_of(&act);
    assert_eq!(
        ids,
        [
            ("2020-11-12", Some(d("2020-11-12")), Some(d("2024-12-25"))),
            ("2024-12-25", Some(d("2024-12-25")), Some(d("2025-02-03"))),
            ("2025-02-03", Some(d("2025-02-03")), None)
        ]
    );
    // What the order of 2024 changed is changed back, and the text in force after the undo
    // is that of 2020, not the order's.
    let back = zanlex::diff(&act, "2024-12-25", "2025-02-03", None).expect("diff");
    assert_eq!(back.changed, vec!["annex_1", "annex_2", "annex_4"]);
    let unchanged = zanlex::diff(&act, "2020-11-12", "2025-02-03", None).expect("diff");
    assert!(unchanged.changed.is_empty(), "{:?}", unchanged.changed);
    let (_, before_undo, _) = at_in(&index, min, "annex_1", zanlex::Lang::Kk, "2025-02-02");
    let (_, after_undo, edition) = at_in(&index, min, "annex_1", zanlex::Lang::Kk, "2025-03-01");
    let (_, in_2021, _) = at_in(&index, min, "annex_1", zanlex::Lang::Kk, "2021-01-01");
    assert_eq!(edition.expect("edition").0, "2025-02-03");
    assert_eq!(after_undo, in_2021);
    assert_ne!(after_undo, before_undo);
}

#[test]
fn a_refresh_told_the_new_edition_folders_reads_those_alone() {
    let fx = Indexed::new();
    let index_dir = fx.tmp.path().join("index");
    fx.repo.add_2024_edition();
    let sync = fx.sync();
    assert_eq!(sync.written.len(), 1);
    let new_text = format!("index.history/{}/kaz.md", sync.written[0]);
    // Another edition's text changed behind the sync's back.
    let first_ast = std::fs::read_dir(fx.editions.join("134470"))
        .expect("the act's editions")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .min()
        .expect("an edition");
    let touched = format!("index.history/134470/{first_ast}/kaz.md");
    let touched_path = fx.tmp.path().join(&touched);
    let mut text = std::fs::read_to_string(&touched_path).expect("text");
    text.push_str("\nҚосымша жол.\n");
    std::fs::write(&touched_path, text).expect("text changed");

    // Told of the new folder alone, the refresh reads it and takes the rest as recorded.
    let told = BuildOptions {
        changed_folders: Some(sync.written.iter().map(PathBuf::from).collect()),
        ..BuildOptions::default()
    };
    let (_, report) = ZanIndex::open_or_build(&fx.editions, &index_dir, &told).expect("refresh");
    assert_eq!(report.added, std::slice::from_ref(&new_text));
    assert!(!report.updated.contains(&touched), "{:?}", report.updated);
    assert!(report.removed.is_empty(), "{:?}", report.removed);
    // A check of every file finds the other change (read again with the act's other
    // edition, linked to it), and nothing else.
    let (_, report) = ZanIndex::open_or_build(&fx.editions, &index_dir, &BuildOptions::default())
        .expect("refresh");
    assert!(report.added.is_empty(), "{:?}", report.added);
    assert!(report.updated.contains(&touched), "{:?}", report.updated);
    assert!(
        report
            .updated
            .iter()
            .all(|f| f.starts_with("index.history/134470/")),
        "{:?}",
        report.updated
    );
    // A folder told of and gone takes its files away.
    std::fs::remove_dir_all(fx.editions.join(&sync.written[0])).expect("folder removed");
    let (_, report) = ZanIndex::open_or_build(&fx.editions, &index_dir, &told).expect("refresh");
    assert_eq!(report.removed, [new_text]);
    let (_, report) = ZanIndex::open_or_build(&fx.editions, &index_dir, &BuildOptions::default())
        .expect("refresh");
    assert!(!report.changed, "{report:?}");
    // A folder named outside the corpus is refused; the index stays in force.
    let outside = BuildOptions {
        changed_folders: Some(vec![PathBuf::from("../index")]),
        ..BuildOptions::default()
    };
    let (_, report) =
        ZanIndex::open_or_build(&fx.editions, &index_dir, &outside).expect("index in force");
    let warning = report.warning.unwrap_or_default();
    assert!(warning.contains("../index is not"), "{warning}");
}

#[test]
fn zanlex_index_history_keeps_the_setting() {
    let repo = Repo::mirror();
    let tmp = tempfile::tempdir().expect("temp dir");
    let corpus = repo.path().to_str().expect("utf-8").to_string();
    let run =
        |args: &[&str]| crate::common::zanlex_with(&tmp, &[args, &["--corpus", &corpus]].concat());
    // Checked with a scan limit below its file count, the index is then trusted as that
    // check left it (as a national history's is).
    let (code, _, err) = run(&["index", "--history", "--scan-limit", "1"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("7 commits read, 5 new editions"), "{err}");
    // Without `--history` again, the index still reads the editions (and no commit is new).
    let (code, out, err) = run(&[
        "show",
        &format!("{GOV}#art_12__para_3"),
        "--as-of",
        "2023-04-29",
        "--json",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(!err.contains("commits"), "{err}");
    let v: Value = serde_json::from_str(&out).expect("json");
    assert_eq!(
        v["state"],
        json!({"kind": "deleted", "since": "2023-04-29"})
    );
    assert_eq!(v["text"], P3_2023);
    repo.add_2024_edition();
    // The new edition, written by the history's sync alone, is read before the answer,
    // without checking every file, and the index is trusted as before.
    let (code, out, err) = run(&["acts", "--json", "--scan-limit", "1"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("1 commit read, 1 new edition"), "{err}");
    let listed: Value = serde_json::from_str(&out).expect("json");
    let order = listed["acts"]
        .as_array()
        .expect("acts")
        .iter()
        .find(|a| a["id"] == "president-office-order-2019-10-07-19-42-3-3-17")
        .expect("the order");
    assert_eq!(order["version_date"], "2024-12-25", "{order}");
    let (code, _, err) = run(&["acts", "--scan-limit", "1"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("were last checked"), "{err}");
    // `--force` reads the whole history again into new edition folders.
    let (code, _, err) = run(&["index", "--history", "--force"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("8 commits read, 6 new editions"), "{err}");
    let (code, _, err) = run(&["index", "--history", "--since", "2024-13-01"]);
    assert_eq!(code, 2, "{err}");
}

/// A commit is the day its edition took effect, but never before the earliest day the act's
/// own words allow: the order of 25.12.2024 № 24-42-3.3.13 is in force «алғашқы ресми
/// жарияланған күнінен кейін» (the day after its first official publication, a day the text
/// does not print; the signing day stands in for it, a lower bound), so the change the commit
/// of 2024-12-25 prints is in force from ~2024-12-26, estimated, not from the commit.
#[test]
fn a_commit_dates_the_change_no_earlier_than_its_act_allows() {
    let fx = Indexed::new();
    fx.repo.add_2024_edition();
    fx.sync();
    let (index, _) = fx.refresh();
    let min = "president-office-order-2019-10-07-19-42-3-3-17";
    let kk = zanlex::Lang::Kk;
    let in_force = json!({"kind": "in_force"});
    // Appendix 1: the 2024 notes record two changes since the 2020 edition (2022, ~ten days
    // after publication, and the order of 25.12.2024, the day after publication): the commit
    // of 2024-12-25 prints the last, in force from ~2024-12-26; from the first to it the
    // wording is not in the corpus, the commit's own day included.
    let w24 = ed("2024-12-25", "2024-12-26", None, true);
    // The order takes effect ten days after its first official publication, and is published
    // after its registration (21.10.2019 № 19491, its requisite): its own wording is in force
    // from ~2019-10-31 (the registration day + 10, the earliest it can be).
    assert_eq!(
        at_in(&index, min, "annex_1", kk, "2022-03-24").2,
        ed("2020-11-12", "2019-10-31", Some("2022-03-25"), true)
    );
    for date in ["2024-12-24", "2024-12-25"] {
        assert_eq!(
            at_in(&index, min, "annex_1", kk, date).0,
            json!({"kind": "not_in_corpus", "earliest_edition": "2020-11-12", "since": "2022-03-25",
                   "estimated": true, "until": "2024-12-26"}),
            "{date}"
        );
    }
    for date in ["2024-12-26", "2025-06-01"] {
        let (state, wording, edition) = at_in(&index, min, "annex_1", kk, date);
        assert_eq!((&state, &edition), (&in_force, &w24), "{date}");
        assert!(wording.is_some(), "{date}");
    }
    let act = index.act_in(min, Some(kk)).expect("act");
    let wordings = zanlex::wordings(&act, "annex_1");
    let basis = wordings
        .last()
        .map(|w| w.basis.as_str())
        .unwrap_or_default();
    assert!(
        basis.contains("24-42-3.3.13")
            && basis.ends_with(
                "estimated: publication date unknown, assumed on the signing date 2024-12-25; \
                 the day after"
            ),
        "{basis}"
    );
    // Appendix 4: its notes date its last change (13.02.2023, ~ten days after publication)
    // before the commit that prints it: that date stays the answer, estimated.
    assert_eq!(
        at_in(&index, min, "annex_4", kk, "2023-02-23").2,
        ed("2024-12-25", "2023-02-23", None, true)
    );
    // The Russian text has no edition of 2024: from the first change the Kazakh notes record
    // after its 2020 edition, its wording is not known.
    let (state, wording, _) = at_in(&index, min, "annex_1", zanlex::Lang::Ru, "2024-12-25");
    assert_eq!(state["kind"], "changed_after_latest_edition", "{state}");
    assert_eq!(state["since"], "2022-03-25", "{state}");
    assert_eq!(wording, None);
    // `diff` between dates follows the same boundary.
    let none = zanlex::diff(&act, "2024-12-26", "2025-06-01", Some("annex_1")).expect("diff");
    assert!(none.changed.is_empty(), "{:?}", none.changed);
    let one = zanlex::diff(&act, "2022-03-24", "2024-12-26", Some("annex_1")).expect("diff");
    assert_eq!(one.changed, vec!["annex_1"]);
    // `search --as-of` names the wording `show` names.
    let hits = |date: &str| {
        let mut req = zanlex::SearchRequest::new("тізілімі");
        req.act = Some(min.to_string());
        req.as_of = Some(d(date));
        req.limit = 50;
        req.lang = Some(zanlex::Lang::Kk);
        index
            .search(&req)
            .expect("search")
            .hits
            .into_iter()
            .filter(|h| h.unit.eid == "annex_1")
            .map(|h| {
                (
                    h.version.edition_date,
                    h.version.from,
                    h.version.from_estimated,
                )
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(
        hits("2022-03-24"),
        [(Some(d("2020-11-12")), Some(d("2019-10-31")), true)]
    );
    assert_eq!(
        hits("2024-12-26"),
        [(Some(d("2024-12-25")), Some(d("2024-12-26")), true)]
    );
}

/// An edition that announces a change for later (`1-тармақты екінші бөлікпен толықтыру
/// көзделген – ҚР 05.11.2022 № 156-VII (01.01.2023 бастап …)`) prints the text before it: that
/// text is in force from the change before, up to the announced date. A chapter's wording
/// holds its articles', so their changes date it too.
#[test]
fn an_announced_change_ends_the_text_printed_beside_it() {
    let fx = Indexed::new();
    let para1 = "art_10__para_1";
    let w22 = ed("2022-11-05", "2017-06-15", Some("2023-01-01"), true);
    let w23 = ed("2023-04-19", "2023-01-01", None, false);
    let in_force = json!({"kind": "in_force"});
    assert_eq!(
        (
            fx.at(GOV, para1, "2022-11-05").0,
            fx.at(GOV, para1, "2022-11-05").2
        ),
        (in_force.clone(), w22.clone())
    );
    assert_eq!(fx.at(GOV, para1, "2022-12-31").2, w22);
    assert_eq!(
        (
            fx.at(GOV, para1, "2023-01-01").0,
            fx.at(GOV, para1, "2023-01-01").2
        ),
        (in_force.clone(), w23)
    );
    // Chapter 2 holds article 10 (changed on 2023-01-01) and articles the law of 19.04.2023
    // changed (~ten days after publication): the 2023 edition prints both changes, so between
    // them the chapter's wording is not in the corpus, and the 2023 text answers from
    // ~2023-04-29.
    let chp2 = "chp_2";
    let gap = json!({"kind": "not_in_corpus", "earliest_edition": "2022-11-05",
                     "since": "2023-01-01", "until": "2023-04-29"});
    assert_eq!(
        fx.at(GOV, chp2, "2022-12-31"),
        (
            in_force.clone(),
            fx.at(GOV, chp2, "2022-12-31").1,
            ed("2022-11-05", "2017-07-13", Some("2023-01-01"), true)
        )
    );
    assert_eq!(fx.at(GOV, chp2, "2023-01-01").0, gap);
    assert_eq!(fx.at(GOV, chp2, "2023-04-28").0, gap);
    let (state, wording, edition) = fx.at(GOV, chp2, "2023-04-29");
    assert_eq!(
        (state, edition),
        (in_force, ed("2023-04-19", "2023-04-29", None, true))
    );
    let wording = wording.expect("chapter");
    assert!(
        wording.contains("5-1. Үкіметтің заң күші бар уақытша қаулылары"),
        "{wording}"
    );
}

/// `zanlex serve --history` goes on reading the checkout while it runs: a commit made after
/// the server started is read into a new edition and served, without a restart. The commit's
/// writes in the git folder wake the watcher: its looks here are an hour apart.
/// The ids of the Kazakh versions `server` lists for the act `act`.
fn served_versions(server: &super::serve_api::Server, act: &str) -> Vec<String> {
    let url = server.url(&format!("/v1/acts/{act}?lang=kk"));
    let served: serde_json::Value = reqwest::blocking::get(url)
        .expect("request")
        .json()
        .expect("JSON");
    served["versions"]
        .as_array()
        .expect("versions")
        .iter()
        .map(|v| v["id"].as_str().unwrap_or("").to_string())
        .collect()
}

/// Waits (a minute at most) until `server` lists the versions `ids` for the act `act`.
fn wait_for_versions(server: &super::serve_api::Server, act: &str, ids: &[&str]) {
    let started = std::time::Instant::now();
    while served_versions(server, act) != ids {
        assert!(
            started.elapsed() < std::time::Duration::from_secs(60),
            "the versions {ids:?} were not served: {:?} {:?}",
            served_versions(server, act),
            server.stderr()
        );
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
}

#[test]
fn serve_reads_the_commits_made_while_it_runs() {
    let repo = Repo::mirror();
    let tmp = tempfile::tempdir().expect("temp dir");
    let server = super::serve_api::Server::start(
        repo.path(),
        &tmp.path().join("index"),
        &["--history", "--watch-secs", "3600"],
    );
    let min = "president-office-order-2019-10-07-19-42-3-3-17";
    // One edition: the act lists no versions of its own.
    assert!(served_versions(&server, min).is_empty());
    repo.add_2024_edition();
    wait_for_versions(&server, min, &["2020-11-12", "2024-12-25"]);
    assert!(
        server
            .stderr()
            .iter()
            .any(|l| l.contains("history: 1 new edition(s) from 1 commit(s)")),
        "{:?}",
        server.stderr()
    );
    // A commit deleting the act's folder: the act is served as no longer in its source,
    // its text no longer as in force.
    repo.git(&["rm", "-r", "-q", MIN], "2025-03-01");
    repo.commit("2025-03-01", "Удаление", &[]);
    let unit = || -> serde_json::Value {
        let url = server.url(&format!("/v1/acts/{min}/units/annex_1?lang=kk"));
        reqwest::blocking::get(url)
            .expect("request")
            .json()
            .expect("JSON")
    };
    let started = std::time::Instant::now();
    while unit()["state"]["kind"] != "source_removed" {
        assert!(
            started.elapsed() < std::time::Duration::from_secs(60),
            "the deletion was not served: {} {:?}",
            unit(),
            server.stderr()
        );
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
    let served = unit();
    assert_eq!(served["state"]["since"], "2025-03-01");
    assert_eq!(
        served["state_text"],
        "қолданыста екені белгісіз: дереккөз 01.03.2025 бастап актіні жарияламайды; соңғы \
         редакциясы көрсетілген"
    );
}

/// A server that watches serves the index it has at once, and reads the commits made since
/// the last sync on its first look: reading a history whole again (editions of an older
/// layout) takes minutes at national scale, and answering waits for none of it.
#[test]
fn a_watching_server_answers_before_it_reads_the_commits_made_since() {
    let repo = Repo::mirror();
    let tmp = tempfile::tempdir().expect("temp dir");
    let index = tmp.path().join("index");
    let corpus = repo.path().to_str().expect("utf-8");
    let (code, _, err) =
        crate::common::zanlex_with(&tmp, &["index", "--history", "--corpus", corpus]);
    assert_eq!(code, 0, "{err}");
    repo.add_2024_edition();
    let server = super::serve_api::Server::start(
        repo.path(),
        &index,
        &["--history", "--watch-secs", "3600"],
    );
    wait_for_versions(
        &server,
        "president-office-order-2019-10-07-19-42-3-3-17",
        &["2020-11-12", "2024-12-25"],
    );
    // The server listened before it read the commit: its watcher read it, not the start.
    let lines = server.stderr();
    let at = |needle: &str| lines.iter().position(|l| l.contains(needle));
    let serving = at("serving http://").expect("the server's address");
    let read = at("history: 1 new edition(s) from 1 commit(s)").expect("the commit read");
    assert!(serving < read, "{lines:?}");
    assert!(at("history of").is_none(), "{lines:?}");
}

const PASTURE: &str = "08-local-decisions/154-almatinskoi-oblasti/15400000-almatinskoi-oblasti/2020/1215-ob-utverzhdenii-pravil-vypasa-selskokhoziaistvennykh-zhivotnykh-150276";

/// An act's first commit is the day its text took effect: between the adoption and that day
/// the act was adopted but not yet in force, and says so; its text is never shown as in force
/// then, nor found by `search --as-of`. The Almaty oblast maslikhat decision 150276 of
/// 15.12.2020 № 64-340 (the mirror sample's folder) takes effect ten calendar days after its
/// first official publication, a day its text does not print: its one commit here stands on
/// 2021-01-09, as the mirror would date that day.
#[test]
fn before_its_first_commit_an_adopted_act_is_not_yet_in_force() {
    let r = Repo::new();
    for f in ["kaz.md", "rus.md", "meta.yaml"] {
        r.write(
            &format!("{PASTURE}/{f}"),
            &fixture(&format!("mirror/local-almaty-oblast/{PASTURE}/{f}")),
        );
    }
    r.commit(
        "2021-01-09",
        "№ 64-340 Об утверждении Правил выпаса сельскохозяйственных животных по Алматинской области",
        &[],
    );
    let tmp = tempfile::tempdir().expect("temp dir");
    let editions = tmp.path().join("editions");
    sync_history(r.path(), &editions, &HistoryOptions::default()).expect("sync");
    let (index, _) = ZanIndex::open_or_build(
        &editions,
        tmp.path().join("index"),
        &BuildOptions::default(),
    )
    .expect("build");
    let act = "maslikhat-decision-2020-12-15-64-340";
    for lang in [zanlex::Lang::Kk, zanlex::Lang::Ru] {
        assert_eq!(
            at_in(&index, act, "para_1", lang, "2020-12-14"),
            (
                json!({"kind": "not_yet_adopted", "adopted": "2020-12-15"}),
                None,
                None
            )
        );
        for date in ["2020-12-15", "2021-01-08"] {
            assert_eq!(
                at_in(&index, act, "para_1", lang, date),
                (
                    json!({"kind": "not_yet_in_force", "adopted": "2020-12-15",
                           "from": "2021-01-09"}),
                    None,
                    None
                ),
                "{lang:?} {date}"
            );
        }
        let (state, wording, edition) = at_in(&index, act, "para_1", lang, "2021-01-09");
        assert_eq!(
            (state, edition),
            (
                json!({"kind": "in_force"}),
                // In force until its repeal (the requisite: by the decision of 13.08.2024).
                ed("2021-01-09", "2021-01-09", Some("2024-08-13"), false)
            ),
            "{lang:?}"
        );
        assert!(wording.is_some(), "{lang:?}");
    }
    let at = index
        .unit_as_of(act, "para_1", Some(zanlex::Lang::Ru), Some(d("2021-01-01")))
        .expect("unit");
    assert_eq!(
        at.state.describe(at.as_of, Some(zanlex::Lang::Ru)),
        "принят 15.12.2020, но на 01.01.2021 ещё не введён в действие (действует с 09.01.2021)"
    );
    assert_eq!(
        zanlex::wordings(
            &index.act_in(act, Some(zanlex::Lang::Kk)).expect("act"),
            "para_1"
        )
        .first()
        .map(|w| w.basis.as_str()),
        Some(
            "commit of 2021-01-09: the day the act's first text (edition 2021-01-09) took \
             effect, as the mirror dates it"
        )
    );
    // `search --as-of` finds its units only once it is in force.
    let hits = |date: &str| {
        let mut req = zanlex::SearchRequest::new("жаю");
        req.as_of = Some(d(date));
        req.limit = 5;
        index.search(&req).expect("search").hits.len()
    };
    assert_eq!(hits("2021-01-08"), 0);
    assert!(hits("2021-01-09") > 0);
}

/// A commit that deletes an act's folder: the act's text is not known to be in force from that
/// day (the mirror deletes folders for reasons it does not record, so it is not called
/// repealed), its last wording shown, marked, before that day in force as before; a folder
/// moved in one commit is no deletion; an act brought back is in force again from the commit
/// that brings it.
#[test]
fn an_act_whose_folder_the_mirror_deletes_is_not_known_in_force_after() {
    let fx = Indexed::new();
    let min = "president-office-order-2019-10-07-19-42-3-3-17";
    // The first history moves 104316's folder (2022-11-20): no act left it.
    let read = read_history(fx.repo.path(), &HistoryOptions::default(), None).expect("read");
    assert!(read.acts.iter().all(|a| a.removed.is_none()));

    fx.repo.git(&["rm", "-r", "-q", MIN], "2025-03-01");
    fx.repo.commit("2025-03-01", "Удаление", &[]);
    let sync = fx.sync();
    assert_eq!((sync.commits_read, sync.written.len()), (1, 0));
    // The act's one edition holds both languages: its folder is the one marked.
    assert_marks_the_orders_first_edition(&sync.marked);
    // Editions synced by a zanlex that did not mark deletions (an older layout) are read
    // again, and marked.
    let side = fx.editions.join(&sync.marked[0]).join("kaz.meta.toml");
    let marked_side = std::fs::read_to_string(&side).expect("sidecar");
    assert!(
        marked_side.contains("source_removed_on = \"2025-03-01\""),
        "{marked_side}"
    );
    let unmarked: String = marked_side
        .lines()
        .filter(|l| !l.starts_with("source_removed_on"))
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(&side, unmarked).expect("sidecar");
    fx.state_of_an_older_layout();
    let again = fx.sync();
    assert_eq!(
        (again.commits_read, again.written.len(), again.marked.len()),
        (8, 0, 1)
    );
    assert_eq!(
        std::fs::read_to_string(&side).expect("sidecar"),
        marked_side
    );
    let read = read_history(fx.repo.path(), &HistoryOptions::default(), None).expect("read");
    let removed: Vec<(&str, Option<NaiveDate>)> = read
        .acts
        .iter()
        .map(|a| (a.code.as_str(), a.removed))
        .collect();
    assert_eq!(
        removed,
        [
            ("104316", None),
            ("134470", None),
            ("135478", Some(d("2025-03-01")))
        ]
    );

    // Told of the marked folder, the refresh reads the act again.
    let told = BuildOptions {
        changed_folders: Some(sync.marked.iter().map(PathBuf::from).collect()),
        ..BuildOptions::default()
    };
    let (index, report) =
        ZanIndex::open_or_build(&fx.editions, fx.tmp.path().join("index"), &told).expect("index");
    let folder = format!("index.history/{}", sync.marked[0]);
    assert_eq!(
        report.updated,
        [format!("{folder}/kaz.md"), format!("{folder}/rus.md")]
    );
    for lang in [zanlex::Lang::Kk, zanlex::Lang::Ru] {
        let act = index.act_in(min, Some(lang)).expect("act");
        assert_eq!(
            act.status,
            zanlex::Status::SourceRemoved {
                on: d("2025-03-01")
            },
            "{lang:?}"
        );
        assert_eq!(act.status.as_str(), "unknown");
    }
    let gov = index.act_in(GOV, Some(zanlex::Lang::Kk)).expect("act");
    assert_eq!(gov.status, zanlex::Status::InForce);
    // The command line says so too, for the act and for a unit.
    let corpus = fx.repo.path().to_str().expect("utf-8");
    let show = |target: &str| {
        let (code, out, err) =
            crate::common::zanlex_with(&fx.tmp, &["show", target, "--corpus", corpus]);
        assert_eq!(code, 0, "{err}");
        out
    };
    let outline = show(min);
    assert!(
        outline.contains(" · unknown (not in the source since 2025-03-01) · "),
        "{outline}"
    );
    let unit = show(&format!("{min}#annex_1"));
    assert!(
        unit.contains(
            "not known to be in force: the source no longer carries the act since 2025-03-01; \
             its last wording is shown"
        ),
        "{unit}"
    );

    // Before the deletion the wording was in force as the editions show; from its day, it is
    // shown marked, and its end is the day the source stopped carrying it.
    let (state, before, edition) = at_in(&index, min, "annex_1", zanlex::Lang::Kk, "2025-02-28");
    assert_eq!(state, json!({"kind": "in_force"}));
    assert_eq!(
        edition,
        ed("2020-11-12", "2019-10-31", Some("2025-03-01"), true)
    );
    let (state, after, edition) = at_in(&index, min, "annex_1", zanlex::Lang::Kk, "2025-03-01");
    assert_eq!(
        state,
        json!({"kind": "source_removed", "since": "2025-03-01"})
    );
    assert_eq!(after, before);
    assert!(after.is_some());
    assert_eq!(
        edition,
        ed("2020-11-12", "2019-10-31", Some("2025-03-01"), true)
    );
    let today = index
        .unit_as_of(min, "annex_1", Some(zanlex::Lang::Ru), None)
        .expect("today");
    assert_eq!(
        today.state,
        zanlex::TimeState::SourceRemoved {
            since: d("2025-03-01"),
            until: None
        }
    );
    assert_eq!(
        today
            .state
            .describe(Some(d("2025-06-01")), Some(zanlex::Lang::Ru)),
        "действие на 01.06.2025 неизвестно: источник не публикует акт с 01.03.2025; показана \
         последняя редакция"
    );
    // A search says the same of its hit, and one on a date from the deletion finds nothing
    // of the act as in force.
    let search = |req: zanlex::SearchRequest| index.search(&req.act(min)).expect("search").hits;
    let hits = search(zanlex::SearchRequest::new("тізілімі"));
    assert!(!hits.is_empty());
    assert!(hits.iter().all(|h| h.version.state
        == zanlex::TimeState::SourceRemoved {
            since: d("2025-03-01"),
            until: None
        }
        && h.act.status == "unknown"));
    let earlier = search(zanlex::SearchRequest::new("тізілімі").as_of(d("2025-02-28")));
    let para_1 = earlier
        .iter()
        .find(|h| h.unit.eid == "para_1")
        .expect("para_1");
    assert_eq!(para_1.version.state, zanlex::TimeState::InForce);
    assert_eq!(para_1.version.to, Some(d("2025-03-01")));
    assert!(earlier
        .iter()
        .all(|h| !matches!(h.version.state, zanlex::TimeState::SourceRemoved { .. })));
    assert!(search(zanlex::SearchRequest::new("тізілімі").as_of(d("2025-03-01"))).is_empty());

    // A folder moved in one commit: no act leaves.
    std::fs::create_dir_all(fx.repo.path().join("01-const-laws/1995-moved")).expect("folder");
    fx.repo.git(
        &["mv", GOV_NEW, "01-const-laws/1995-moved/1218-104316"],
        "2025-04-01",
    );
    fx.repo.commit("2025-04-01", "Перенос", &[]);
    let sync = fx.sync();
    assert_eq!(
        (sync.commits_read, sync.written.len(), sync.marked.len()),
        (1, 0, 0)
    );

    // The act back, as it was: an edition of its own from that day, in force again.
    fx.repo
        .git(&["checkout", "HEAD~2", "--", MIN], "2025-06-01");
    fx.repo.commit("2025-06-01", "Восстановление", &[]);
    let sync = fx.sync();
    assert_eq!((sync.written.len(), sync.marked.len()), (1, 0));
    assert!(
        sync.written[0].starts_with("135478/2025-06-01_"),
        "{:?}",
        sync.written
    );
    let (index, _) = fx.refresh();
    let act = index.act_in(min, Some(zanlex::Lang::Ru)).expect("act");
    assert_eq!(act.status, zanlex::Status::InForce);
    let (state, back, _) = at_in(&index, min, "annex_1", zanlex::Lang::Kk, "2025-07-01");
    assert_eq!(state, json!({"kind": "in_force"}));
    assert_eq!(back, before);
    // Between the deletion and the return its text is not known to be in force, and a
    // search on a day between says the same; before, it was.
    let gap = json!({"kind": "source_removed", "since": "2025-03-01", "until": "2025-06-01"});
    for lang in [zanlex::Lang::Kk, zanlex::Lang::Ru] {
        let (state, wording, _) = at_in(&index, min, "annex_1", lang, "2025-04-01");
        assert_eq!(state, gap, "{lang:?}");
        assert!(wording.is_some());
        let (state, ..) = at_in(&index, min, "annex_1", lang, "2025-02-28");
        assert_eq!(state, json!({"kind": "in_force"}), "{lang:?}");
    }
    let request = zanlex::SearchRequest::new("тізілімі")
        .act(min)
        .as_of(d("2025-04-01"));
    let hits = index.search(&request).expect("search").hits;
    assert!(!hits.is_empty());
    for h in &hits {
        assert_eq!(
            serde_json::to_value(&h.version.state).expect("json"),
            gap,
            "{}",
            h.unit.eid
        );
    }
    let at = index
        .unit_as_of(
            min,
            "annex_1",
            Some(zanlex::Lang::Ru),
            Some(d("2025-04-01")),
        )
        .expect("on a day between");
    assert_eq!(
        at.state
            .describe(Some(d("2025-04-01")), Some(zanlex::Lang::Ru)),
        "действие на 01.04.2025 неизвестно: источник не публиковал акт с 01.03.2025 до \
         01.06.2025; показана последняя редакция"
    );
    assert_eq!(
        at.state.describe(Some(d("2025-04-01")), None),
        "not known to be in force on 2025-04-01: the source did not carry the act from \
         2025-03-01 until 2025-06-01; its last wording is shown"
    );
    // Read in one walk, the deletion and the return: the edition it comes back with is one of
    // both languages, though their texts are those it left with.
    let read = read_history(fx.repo.path(), &HistoryOptions::default(), None).expect("read");
    assert!(read.acts.iter().all(|a| a.removed.is_none()));
    let back = read
        .acts
        .iter()
        .find(|a| a.code == "135478")
        .expect("135478");
    let last = back.editions.last().expect("an edition");
    assert_eq!(last.date, d("2025-06-01"));
    assert_eq!(last.languages, ["kaz", "rus"]);
    // The whole history read again (an older layout) marks the edition the act left with,
    // not the one it came back with: the days between are answered as before.
    fx.state_of_an_older_layout();
    let again = fx.sync();
    assert_eq!((again.commits_read, again.written.len()), (10, 0));
    assert_marks_the_orders_first_edition(&again.marked);
    // Built anew from the editions folder, as by `zanlex index --history --force`.
    let (index, _) = ZanIndex::open_or_build(
        &fx.editions,
        fx.tmp.path().join("index-anew"),
        &BuildOptions::default(),
    )
    .expect("index");
    let (state, ..) = at_in(&index, min, "annex_1", zanlex::Lang::Kk, "2025-04-01");
    assert_eq!(state, gap);
    let act = index.act_in(min, Some(zanlex::Lang::Kk)).expect("act");
    assert_eq!(act.status, zanlex::Status::InForce);
}

/// That a sync marked one folder, the first edition of the order 135478 (2020-11-12), which
/// holds both its languages.
fn assert_marks_the_orders_first_edition(marked: &[String]) {
    assert_eq!(marked.len(), 1, "{marked:?}");
    assert!(marked[0].starts_with("135478/2020-11-12_"), "{marked:?}");
}

/// Every act of `index` (its metadata and editions), and each of its units' state, wording and
/// edition the day before and the day of each edition's start, and today: what a refresh must
/// answer as a build anew does.
fn answers_about_time(index: &ZanIndex) -> Vec<String> {
    let mut acts = index.acts().expect("acts");
    acts.sort_by(|a, b| (&a.id, a.lang).cmp(&(&b.id, b.lang)));
    let mut out = Vec::new();
    for act in &acts {
        out.push(format!("{act:?}"));
        let mut days: Vec<Option<NaiveDate>> = vec![None];
        for v in &act.versions {
            if let Some(from) = v.from {
                days.extend([from.pred_opt(), Some(from)]);
            }
        }
        // The units of every edition, those an older one printed alone among them.
        let eids: std::collections::BTreeSet<&str> = act
            .versions
            .iter()
            .map(|v| &v.units)
            .chain([&act.units])
            .flat_map(|units| units.iter().flat_map(|u| u.walk()))
            .map(|u| u.eid.as_str())
            .collect();
        for eid in eids {
            for day in &days {
                let at = index.unit_as_of(&act.id, eid, Some(act.lang), *day);
                out.push(format!("{} {eid} {day:?} {at:?}", act.id));
            }
        }
    }
    out
}

#[test]
fn a_refresh_takes_in_a_change_to_an_older_editions_sidecar_as_a_build_anew_does() {
    let fx = Indexed::new();
    fx.repo.git(&["rm", "-r", "-q", MIN], "2025-03-01");
    fx.repo.commit("2025-03-01", "Удаление", &[]);
    let marked = fx.sync().marked;
    assert_marks_the_orders_first_edition(&marked);
    fx.repo
        .git(&["checkout", "HEAD~1", "--", MIN], "2025-06-01");
    fx.repo.commit("2025-06-01", "Восстановление", &[]);
    assert_eq!(fx.sync().written.len(), 1);
    let (index, _) = fx.refresh();
    let gap = json!({"kind": "source_removed", "since": "2025-03-01", "until": "2025-06-01"});
    let min = "president-office-order-2019-10-07-19-42-3-3-17";
    assert_eq!(
        at_in(&index, min, "annex_1", zanlex::Lang::Kk, "2025-04-01").0,
        gap
    );
    drop(index);

    // The older edition's sidecars lose the mark, then get it back: each time the refreshed
    // index answers what an index built anew from the same folder answers (`Indexed::refresh`
    // checks it).
    let sides: Vec<PathBuf> = ["kaz.meta.toml", "rus.meta.toml"]
        .iter()
        .map(|name| fx.editions.join(&marked[0]).join(name))
        .collect();
    let marked_text: Vec<String> = sides
        .iter()
        .map(|s| std::fs::read_to_string(s).expect("sidecar"))
        .collect();
    for mark in [false, true] {
        for (side, text) in sides.iter().zip(&marked_text) {
            let text: String = text
                .lines()
                .filter(|l| mark || !l.starts_with("source_removed_on"))
                .map(|l| format!("{l}\n"))
                .collect();
            std::fs::write(side, text).expect("sidecar");
        }
        let (refreshed, report) = fx.refresh();
        // The files of the changed sidecars, and those of the newest edition, whose
        // documents hold the act's editions.
        let updated: Vec<&str> = report
            .updated
            .iter()
            .map(|f| f.rsplit_once("135478/").map_or(f.as_str(), |(_, f)| f))
            .map(|f| f.split_once('_').map_or(f, |(date, _)| date))
            .collect();
        assert_eq!(
            updated,
            ["2020-11-12", "2020-11-12", "2025-06-01", "2025-06-01"],
            "{:?}",
            report.updated
        );
        assert!(report
            .updated
            .iter()
            .all(|f| f.ends_with("/kaz.md") || f.ends_with("/rus.md")));
        let between = at_in(&refreshed, min, "annex_1", zanlex::Lang::Ru, "2025-04-01").0;
        if mark {
            assert_eq!(between, gap);
        } else {
            assert_eq!(between, json!({"kind": "in_force"}));
        }
    }
}

/// A shallow clone (`git clone --depth 2`) is read from its oldest commit, whose acts are read
/// as they stood then, and the sync says that the history is shallow, with that commit's
/// date: its parents are not in the repository.
#[test]
fn a_shallow_clone_is_read_from_its_oldest_commit_and_said_shallow() {
    let full = Repo::mirror();
    let clone = tempfile::tempdir().expect("temp dir");
    let url = format!("file://{}", full.path().display());
    let out = std::process::Command::new("git")
        .args(["clone", "-q", "--depth", "2", &url])
        .arg(clone.path().join("c"))
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", clone.path())
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let shallow = clone.path().join("c");
    assert!(shallow.join(".git/shallow").is_file());
    let editions = clone.path().join("editions");
    std::fs::create_dir_all(&editions).expect("folder");
    let sync = sync_history(&shallow, &editions, &HistoryOptions::default())
        .expect("a shallow clone is read");
    // The mirror's last two commits are of 2022-12-01 and 2023-04-19: the older is the
    // clone's oldest, read as it stood, and the newer is read as a commit.
    assert_eq!(sync.shallow, Some(d("2022-12-01")));
    assert_eq!(sync.commits_read, 1);
    let read = read_history(&shallow, &HistoryOptions::default(), None).expect("read");
    assert_eq!(read.shallow, Some(d("2022-12-01")));
    let codes: Vec<&str> = read.acts.iter().map(|a| a.code.as_str()).collect();
    assert_eq!(codes, ["104316", "134470", "135478"]);
    // The whole history read says nothing of the kind.
    let whole = read_history(full.path(), &HistoryOptions::default(), None).expect("read");
    assert_eq!(whole.shallow, None);
}

/// The edition folders of a history, by name.
fn edition_folders(editions: &Path) -> Vec<String> {
    let mut out = Vec::new();
    for code in std::fs::read_dir(editions).expect("editions").flatten() {
        let name = code.file_name().to_string_lossy().to_string();
        if name.starts_with('.') || !code.path().is_dir() {
            continue;
        }
        for e in std::fs::read_dir(code.path())
            .expect("act folder")
            .flatten()
        {
            out.push(format!("{name}/{}", e.file_name().to_string_lossy()));
        }
    }
    out.sort();
    out
}

/// A history whose head moves back (`git reset --hard HEAD~1`) is served as a first read of
/// it serves it: the edition of the commit left out is gone from the folder and the index.
#[test]
fn a_head_moved_back_serves_what_a_build_from_that_head_serves() {
    let fx = Indexed::new();
    let min = "president-office-order-2019-10-07-19-42-3-3-17";
    let before = edition_folders(&fx.editions);
    let owned = |act: &zanlex::Act| -> Vec<(String, Option<NaiveDate>, Option<NaiveDate>)> {
        editions_of(act)
            .into_iter()
            .map(|(id, from, to)| (id.to_string(), from, to))
            .collect()
    };
    let first = fx.index.act_in(min, Some(zanlex::Lang::Kk)).expect("act");
    let answers_before = answers_about_time(&fx.index);
    fx.repo.add_2024_edition();
    let sync = fx.sync();
    assert_eq!(sync.written.len(), 1);
    let (index, _) = fx.refresh();
    let act = index.act_in(min, Some(zanlex::Lang::Kk)).expect("act");
    assert_eq!(editions_of(&act).len(), 2);

    fx.repo
        .git(&["reset", "-q", "--hard", "HEAD~1"], "2024-12-25");
    let back = fx.sync();
    assert_eq!(back.removed, sync.written, "{back:?}");
    assert!(back.written.is_empty(), "{back:?}");
    assert_eq!(edition_folders(&fx.editions), before);
    // What a first sync of the history as it is writes.
    let anew = tempfile::tempdir().expect("temp dir");
    sync_history(fx.repo.path(), anew.path(), &HistoryOptions::default()).expect("sync");
    assert_eq!(edition_folders(anew.path()), before);
    // The index told the folders the sync changed drops the edition, as a build anew does.
    let told = BuildOptions {
        changed_folders: Some(
            back.written
                .iter()
                .chain(&back.marked)
                .chain(&back.removed)
                .map(PathBuf::from)
                .collect(),
        ),
        ..BuildOptions::default()
    };
    let (index, report) =
        ZanIndex::open_or_build(&fx.editions, fx.tmp.path().join("index"), &told).expect("index");
    assert_eq!(report.removed.len(), 1, "{report:?}");
    let act = index.act_in(min, Some(zanlex::Lang::Kk)).expect("act");
    assert_eq!(owned(&act), owned(&first));
    assert_eq!(answers_about_time(&index), answers_before);
    let (_, again) = fx.refresh();
    assert!(!again.changed, "{again:?}");
    // Forward again: the new commit's edition is read anew.
    fx.repo.add_2024_edition();
    let forward = fx.sync();
    assert_eq!(forward.written.len(), 1, "{forward:?}");
    assert!(forward.removed.is_empty(), "{forward:?}");
}

/// An act code of five thousand characters anywhere in the history (the act deleted since)
/// makes no file name the system refuses: its editions go into a folder named by a hash.
#[test]
fn a_long_act_code_in_the_history_does_not_fail_the_build() {
    let r = Repo::mirror();
    let code = "9".repeat(5000);
    let folder = "07-ministerial/long/2020/0101-long-code-1";
    r.write(
        &format!("{folder}/meta.yaml"),
        format!("act_code: '{code}'\n").as_bytes(),
    );
    r.write(
        &format!("{folder}/kaz.md"),
        &fixture("versions/ministerial_135478/kaz@1f596f80_v2020-11-12.md"),
    );
    r.commit("2024-01-10", "long code", &[]);
    r.git(&["rm", "-r", "-q", folder], "2024-02-01");
    r.commit("2024-02-01", "removed", &[]);
    let tmp = tempfile::tempdir().expect("temp dir");
    let editions = tmp.path().join("editions");
    std::fs::create_dir_all(&editions).expect("folder");
    let sync = sync_history(r.path(), &editions, &HistoryOptions::default())
        .expect("a long act code is written");
    let long: Vec<&String> = sync
        .written
        .iter()
        .filter(|w| w.starts_with("9999"))
        .collect();
    assert_eq!(long.len(), 1, "{:?}", sync.written);
    let code_folder = long[0].split('/').next().expect("folder");
    assert!(code_folder.len() <= 64, "{code_folder}");
    // Its deletion is marked beside its one edition.
    let side =
        std::fs::read_to_string(editions.join(long[0]).join("kaz.meta.toml")).expect("sidecar");
    assert!(
        side.contains("source_removed_on = \"2024-02-01\""),
        "{side}"
    );
    // The codes of the mirror name their folders as they are.
    assert!(sync.written.iter().any(|w| w.starts_with("134470/")));
    let _ = crate::common::build_clean(
        &editions,
        tmp.path().join("index"),
        &BuildOptions::default(),
    );
}
