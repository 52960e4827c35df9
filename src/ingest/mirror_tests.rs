//! A checkout of the public mirror of the official database, read as it is
//! (`tests/fixtures/mirror`: the seven acts of `../shared/data/mirror`, one folder per act with
//! `kaz.md`, `rus.md` and `meta.yaml`): the folder walk, the metadata from meta.yaml, one act
//! in two languages, dates in file names, undated editions, a broken meta.yaml.

use crate::{ActKind, Lang, Status};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mirror")
}

/// The mirror fixtures ingested once.
fn mirror() -> &'static crate::ingest::IngestReport {
    static REPORT: OnceLock<crate::ingest::IngestReport> = OnceLock::new();
    REPORT.get_or_init(|| crate::ingest::ingest_corpus(&fixtures()))
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

/// Every act folder is found below the corpus folder (three and four levels down), the
/// repository's README.md is not an act, and each folder's two texts are one act.
#[test]
fn a_mirror_checkout_is_walked_and_each_folder_is_one_act() {
    let files = crate::ingest::corpus_files(&fixtures()).expect("listing");
    assert_eq!(files.len(), 14);
    assert!(files
        .iter()
        .all(|f| f.ends_with("kaz.md") || f.ends_with("rus.md")));
    let report = mirror();
    assert!(report.failures.is_empty(), "{:?}", report.failures);
    assert_eq!(report.acts.len(), 14);
    let mut ids: Vec<&str> = report.acts.iter().map(|a| a.id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids, IDS);
    for id in IDS {
        let langs: Vec<Lang> = report
            .acts
            .iter()
            .filter(|a| a.id == id)
            .map(|a| a.lang)
            .collect();
        assert_eq!(langs.len(), 2, "{id}");
        assert!(
            langs.contains(&Lang::Kk) && langs.contains(&Lang::Ru),
            "{id}"
        );
    }
}

fn expression(id: &str, lang: Lang) -> &'static crate::Act {
    mirror()
        .acts
        .iter()
        .find(|a| a.id == id && a.lang == lang)
        .expect("the act's expression")
}

/// meta.yaml gives the act's code, its titles in both languages, kind, date, number,
/// registration, status and each text's edition date.
#[test]
fn meta_yaml_gives_the_metadata() {
    let kk = expression("maslikhat-decision-2020-12-15-64-340", Lang::Kk);
    let ru = expression("maslikhat-decision-2020-12-15-64-340", Lang::Ru);
    assert_eq!(kk.code.as_deref(), Some("150276"));
    assert_eq!(ru.code.as_deref(), Some("150276"));
    assert_eq!(
        kk.title,
        "Алматы облысы бойынша ауыл шаруашылығы жануарларын жаюдың қағидаларын бекіту туралы"
    );
    assert_eq!(
        ru.title,
        "Об утверждении Правил выпаса сельскохозяйственных животных по Алматинской области"
    );
    for a in [kk, ru] {
        assert_eq!(a.kind, ActKind::Decision);
        assert_eq!(a.date(), chrono::NaiveDate::from_ymd_opt(2020, 12, 15));
        assert_eq!(a.number(), "64-340");
        let reg = a.registration.as_ref().expect("registration");
        assert_eq!(reg.number, "5834");
        assert_eq!(reg.date, chrono::NaiveDate::from_ymd_opt(2020, 12, 23));
        assert_eq!(
            a.status,
            Status::Repealed {
                by: Some(
                    "решением маслихата Алматинской области от 13 августа 2024 года № 25-125"
                        .into()
                ),
                on: chrono::NaiveDate::from_ymd_opt(2024, 8, 13),
                // The requisite prints no commencement: the signing day is the earliest.
                estimated: true,
            }
        );
        assert_eq!(
            a.version_date,
            chrono::NaiveDate::from_ymd_opt(2020, 12, 15)
        );
    }

    // A law: its requisite names no repeal, so it is in force; its edition is 2022-11-05.
    let law = expression("constitutional-law-1995-12-18-2688", Lang::Ru);
    assert_eq!(law.kind, ActKind::ConstitutionalLaw);
    assert_eq!(law.status, Status::InForce);
    assert_eq!(law.title, "О Правительстве Республики Казахстан");
    assert_eq!(law.code.as_deref(), Some("104316"));
    assert_eq!(
        law.version_date,
        chrono::NaiveDate::from_ymd_opt(2022, 11, 5)
    );

    // The short requisite shape: `Решение №45-264 от 20.05.2015, Маслихат Алматинской области`.
    let short = expression("maslikhat-decision-2015-05-20-45-264", Lang::Kk);
    assert_eq!(short.number(), "45-264");
    assert_eq!(short.issuances[0].issuer_code, "maslikhat");
    assert_eq!(short.status, Status::InForce);
}

/// The same edition under the names the mirror's tooling and people give files: the date in
/// the name dates each edition, the timeline follows the dates, and `diff --to latest`
/// compares with the newest.
#[test]
fn file_name_dates_order_editions() {
    let src = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/versions/codes_104316_government");
    let old = src.join("kaz@2c716769_v2022-11-05.md");
    let new = src.join("kaz@0c5d4a0f_v2023-04-19.md");
    for (old_name, new_name) in [
        ("kaz_2022-11-05_x.md", "kaz_2023-04-19_x.md"),
        ("law@2022-11-05.md", "law@2023-04-19.md"),
        ("law_v2022-11-05.md", "law_v2023-04-19.md"),
        ("2022-11-05.md", "2023-04-19.md"),
    ] {
        let dir = tempfile::tempdir().expect("temp dir");
        let corpus = dir.path().join("corpus");
        std::fs::create_dir(&corpus).expect("corpus folder");
        // The file name is all that dates them.
        write_undated(&old, &corpus.join(old_name));
        write_undated(&new, &corpus.join(new_name));
        let report = crate::ingest::ingest_corpus(&corpus);
        assert!(report.failures.is_empty(), "{:?}", report.failures);
        assert_eq!(report.acts.len(), 1, "{old_name}");
        let act = &report.acts[0];
        let ids: Vec<&str> = act.versions.iter().map(|v| v.id.as_str()).collect();
        assert_eq!(ids, ["2022-11-05", "2023-04-19"], "{old_name}");
        assert!(act.source.file.ends_with(new_name));
    }
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
    let report = crate::ingest::ingest_corpus(&corpus);
    assert_eq!(report.acts.len(), 1);
    assert_eq!(report.failures.len(), 1);
    let f = &report.failures[0];
    assert!(f.path.ends_with("law_old.md"), "{f:?}");
    assert!(
        f.reason
            .contains("corpus/law_old.md and corpus/law_new.md are both undated editions"),
        "{}",
        f.reason
    );
    // The command line says it too: `tests/it/mirror_corpus.rs`.
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
    let report = crate::ingest::ingest_corpus(&corpus);
    assert_eq!(report.acts.len(), 1);
    assert_eq!(report.failures.len(), 1);
    let w = &report.failures[0];
    assert!(w.indexed);
    assert_eq!(w.path, Path::new("corpus/90315/kaz.md"));
    assert!(
        w.reason.starts_with("meta.yaml is not valid YAML")
            && w.reason.ends_with("the text is indexed without it"),
        "{}",
        w.reason
    );
    // The command line warns the same way: `tests/it/mirror_corpus.rs`.
}

/// Editions of one act join into one timeline though they come in two layouts: the mirror's
/// old-layout text (a table of contents first, no front matter, dated by meta.yaml) and a
/// later edition in the new layout (front matter, dated by its source address), kept in
/// another folder with no meta.yaml. `--as-of` and `diff --to latest` follow the dates.
#[test]
fn editions_in_two_layouts_are_one_timeline() {
    let law = fixtures()
        .join("codes/01-const-laws/1995/1218-o-pravitelstve-respubliki-kazakhstan-104316");
    let later = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/versions/codes_104316_government/kaz@0c5d4a0f_v2023-04-19.md");
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = dir.path().join("corpus");
    let mirror = corpus.join("mirror/104316");
    let editions = corpus.join("editions");
    std::fs::create_dir_all(&mirror).expect("folder");
    std::fs::create_dir_all(&editions).expect("folder");
    for f in ["kaz.md", "rus.md", "meta.yaml"] {
        std::fs::copy(law.join(f), mirror.join(f)).expect("copy");
    }
    std::fs::copy(&later, editions.join("kaz_2023-04-19.md")).expect("copy");
    let report = crate::ingest::ingest_corpus(&corpus);
    assert!(report.failures.is_empty(), "{:?}", report.failures);
    let ids: Vec<(&str, Lang)> = report
        .acts
        .iter()
        .map(|a| (a.id.as_str(), a.lang))
        .collect();
    assert_eq!(
        ids,
        [
            ("constitutional-law-1995-12-18-2688", Lang::Kk),
            ("constitutional-law-1995-12-18-2688", Lang::Ru)
        ]
    );
    let kk = &report.acts[0];
    let versions: Vec<(&str, Option<chrono::NaiveDate>, Option<chrono::NaiveDate>)> = kk
        .versions
        .iter()
        .map(|v| (v.id.as_str(), v.from, v.to))
        .collect();
    let d = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d);
    assert_eq!(
        versions,
        [
            ("2022-11-05", d(2022, 11, 5), d(2023, 4, 19)),
            ("2023-04-19", d(2023, 4, 19), None)
        ]
    );
    assert_eq!(kk.source.file, "corpus/editions/kaz_2023-04-19.md");
    // The old layout's contents never became units: the same 29 articles in both editions.
    for v in &kk.versions {
        let articles = v
            .units
            .iter()
            .flat_map(|u| u.walk())
            .filter(|u| u.kind == crate::UnitKind::Article)
            .count();
        assert_eq!(articles, 29, "{}", v.id);
    }
    // The Russian text is one edition of its own.
    assert!(report.acts[1].versions.is_empty());
    assert_eq!(
        report.acts[1].version_date,
        chrono::NaiveDate::from_ymd_opt(2022, 11, 5)
    );
}

/// Act ids come from the acts' requisites, not from where the checkout lies: a copy of it
/// elsewhere, indexed again, gives the same ids and eids.
#[test]
fn ids_survive_a_move_of_the_checkout() {
    let dir = tempfile::tempdir().expect("temp dir");
    let moved = dir.path().join("elsewhere/law-mirror");
    let mut copied = 0;
    for f in crate::ingest::corpus_files(&fixtures()).expect("listing") {
        let rel = f.strip_prefix(fixtures()).expect("inside the fixtures");
        let to = moved.join(rel);
        std::fs::create_dir_all(to.parent().expect("folder")).expect("folder");
        std::fs::copy(&f, &to).expect("copy");
        let meta = f.with_file_name("meta.yaml");
        std::fs::copy(&meta, to.with_file_name("meta.yaml")).expect("copy meta");
        copied += 1;
    }
    assert_eq!(copied, 14);
    let again = crate::ingest::ingest_corpus(&moved);
    let key = |r: &crate::ingest::IngestReport| {
        let mut k: Vec<(String, Lang, Vec<String>)> = r
            .acts
            .iter()
            .map(|a| {
                let eids = a.all_units().iter().map(|u| u.eid.clone()).collect();
                (a.id.clone(), a.lang, eids)
            })
            .collect();
        k.sort();
        k
    };
    assert_eq!(key(&again), key(mirror()));
}

/// A law from the official database with no meta.yaml and no repeal at its head is in force
/// (`status:in_force` finds it), not of unknown status.
#[test]
fn a_law_without_metadata_is_in_force_unless_its_head_says_repealed() {
    let law = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/versions/codes_104316_government/kaz@0c5d4a0f_v2023-04-19.md");
    let act =
        crate::ingest::ingest_file(&law, Path::new(env!("CARGO_MANIFEST_DIR"))).expect("ingest");
    assert_eq!(act.kind, ActKind::ConstitutionalLaw);
    assert_eq!(act.status, Status::InForce);
    let dir = tempfile::tempdir().expect("temp dir");
    let text = std::fs::read_to_string(&law).expect("read");
    let title = "# Қазақстан Республикасының Үкіметі туралы\n";
    assert!(text.contains(title));
    let repealed = text.replacen(
        title,
        &format!("{title}\n> *Күші жойылды - ҚР 01.01.2030 № 1-VIII Конституциялық заңымен.*\n"),
        1,
    );
    let file = dir.path().join("kaz_2023-04-19.md");
    std::fs::write(&file, repealed).expect("write");
    let act = crate::ingest::ingest_file(&file, dir.path()).expect("ingest");
    assert_ne!(act.status, Status::InForce);
}
