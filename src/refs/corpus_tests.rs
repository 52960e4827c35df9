//! Cross-references (`crate::refs`): exact outgoing references of chosen units of the seeds,
//! of the mirror sample in `tests/fixtures/mirror` and of an amending act and its target in
//! `tests/fixtures/amend/apply`; the grammars' inflected and list forms; and `cited_by` as the
//! exact inverse of `refs_of` over every unit of all of them.

use crate::refs::{cited_by, Catalog, ResolvedReference, Scope};
use crate::Lang;
use chrono::NaiveDate;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn catalog_of(dir: &Path) -> Catalog {
    let report = crate::ingest::ingest_corpus(dir);
    Catalog::new(report.acts)
}

fn seeds() -> &'static Catalog {
    static C: OnceLock<Catalog> = OnceLock::new();
    C.get_or_init(|| catalog_of(&root().join("corpus")))
}

fn mirror() -> &'static Catalog {
    static C: OnceLock<Catalog> = OnceLock::new();
    C.get_or_init(|| catalog_of(&root().join("tests/fixtures/mirror")))
}

fn amending() -> &'static Catalog {
    static C: OnceLock<Catalog> = OnceLock::new();
    C.get_or_init(|| catalog_of(&root().join("tests/fixtures/amend/apply")))
}

/// (text, kind, wanted eid, `act#eid` or `unresolved: reason`).
type Row = (String, &'static str, String, String);

fn row(r: &ResolvedReference) -> Row {
    let to = match (&r.target, r.unresolved) {
        (Some(t), _) if t.eid.is_empty() => t.act.clone(),
        (Some(t), _) => format!("{}#{}", t.act, t.eid),
        (None, Some(why)) => format!("unresolved: {}", why.message()),
        (None, None) => "?".to_string(),
    };
    (r.text.clone(), r.kind.as_str(), r.wanted.clone(), to)
}

/// The references made by unit `eid` of `act` in `lang` itself (not its children).
fn refs(cat: &Catalog, act: &str, lang: Lang, eid: &str) -> Vec<Row> {
    let a = cat.act(act, lang).expect("act in catalog");
    assert_eq!(a.lang, lang, "{act} has a {lang} text");
    cat.refs_of(a, Some(eid), None)
        .iter()
        .filter(|r| r.citing.eid == eid)
        .map(row)
        .collect()
}

fn rows(v: &[(&str, &'static str, &str, &str)]) -> Vec<Row> {
    v.iter()
        .map(|(t, k, w, to)| (t.to_string(), *k, w.to_string(), to.to_string()))
        .collect()
}

const MFA: &str = "mfa-order-2018-01-04-11-1-4-1";
const JOINT: &str = "mfa-mvd-joint-order-2020-09-01-11-1-4-245-611";

#[test]
fn the_rules_of_003_cite_their_own_paragraphs_and_appendices() {
    let c = seeds();
    assert_eq!(
        refs(c, MFA, Lang::Kk, "att_1__para_11"),
        rows(&[(
            "осы Қағидалардың 10-тармағында",
            "attachment",
            "att_1__para_10",
            "mfa-order-2018-01-04-11-1-4-1#att_1__para_10"
        )])
    );
    assert_eq!(
        refs(c, MFA, Lang::Kk, "att_1__para_13"),
        rows(&[(
            "осы Қағидаларға 5-қосымшаға",
            "attachment",
            "att_1__annex_5",
            "mfa-order-2018-01-04-11-1-4-1#att_1__annex_5"
        )])
    );
    // `осы тармақтың 1), 2), 3), 4) тармақшаларында`: the enclosing paragraph's, each one.
    let mine = |n: u32| format!("{MFA}#para_3__subpara_{n}");
    let expected: Vec<Row> = (1..=4)
        .map(|n| {
            (
                "осы тармақтың 1), 2), 3), 4) тармақшаларында".to_string(),
                "unit",
                format!("para_3__subpara_{n}"),
                mine(n),
            )
        })
        .collect();
    assert_eq!(refs(c, MFA, Lang::Kk, "para_3__subpara_5"), expected);
}

#[test]
fn references_to_acts_outside_the_corpus_stay_unresolved_with_why() {
    let c = seeds();
    assert_eq!(
        refs(c, MFA, Lang::Kk, "att_1__para_14"),
        rows(&[(
            "\"Мемлекеттік көрсетілетін қызметтер туралы\" Заңның 5-бабы 2-тармағы 11) тармақшасына",
            "other_act",
            "art_5__para_2__subpara_11",
            "unresolved: target act not in corpus"
        )])
    );
    // The Consular Charter, approved by Decree № 240: that act's attachment.
    assert_eq!(
        refs(c, MFA, Lang::Kk, "preamble"),
        rows(&[
            (
                "2016 жылғы 25 сәуірдегі № 240 Жарлығымен бекітілген Қазақстан Республикасының Консулдық жарғысының 59-тармағына",
                "other_act",
                "att_1__para_59",
                "unresolved: target act not in corpus"
            ),
            (
                "\"Мемлекеттік көрсетілетін қызметтер туралы\" Қазақстан Республикасы Заңының 14-бабы 1) тармақшасына",
                "other_act",
                "art_14__subpara_1",
                "unresolved: target act not in corpus"
            ),
        ])
    );
    let a = c.act(MFA, Lang::Kk).expect("003");
    let law = a
        .references
        .iter()
        .find(|r| r.eid == "att_1__para_14")
        .and_then(|r| r.act.clone())
        .expect("cited act");
    assert_eq!(law.kind, Some(crate::ActKind::Law));
    assert_eq!(
        law.title.as_deref(),
        Some("Мемлекеттік көрсетілетін қызметтер туралы")
    );
}

#[test]
fn amending_acts_001_and_002_cite_the_acts_they_amend() {
    let c = seeds();
    // 001's header names Government resolution № 148 of 21.01.2012, not in the corpus.
    assert_eq!(
        refs(
            c,
            "government-resolution-2022-10-10-807",
            Lang::Kk,
            "para_1"
        ),
        rows(&[(
            "2012 жылғы 21 қаңтардағы № 148 қаулысына",
            "other_act",
            "",
            "unresolved: target act not in corpus"
        )])
    );
    let a = c
        .act("government-resolution-2022-10-10-807", Lang::Kk)
        .expect("001");
    let cited = a.references[0].act.clone().expect("cited act");
    assert_eq!(cited.number.as_deref(), Some("148"));
    assert_eq!(cited.date, chrono::NaiveDate::from_ymd_opt(2012, 1, 21));
    assert_eq!(cited.kind, Some(crate::ActKind::Resolution));
    // 002's instructions speak of the amended joint order's Rules: a list, and a chain.
    let to_rules = |n: &str| {
        (
            "15, 16 және 17-тармақтар".to_string(),
            "other_act",
            format!("att_1__para_{n}"),
            "unresolved: target act not in corpus".to_string(),
        )
    };
    let got = refs(c, JOINT, Lang::Kk, "para_1__mod_12");
    assert_eq!(got[..3], [to_rules("15"), to_rules("16"), to_rules("17")]);
    assert_eq!(
        refs(c, JOINT, Lang::Kk, "para_1__mod_9"),
        rows(&[(
            "12-тармақтың 7) тармақшасы",
            "other_act",
            "att_1__para_12__subpara_7",
            "unresolved: target act not in corpus"
        )])
    );
    // The instruction's target is the amended Rules' appendix; its new wording is the
    // amending act's own appendix.
    assert_eq!(
        refs(c, JOINT, Lang::Kk, "para_1__mod_27"),
        rows(&[
            (
                "қағидаларға 1-қосымша",
                "other_act",
                "att_1__annex_1",
                "unresolved: target act not in corpus"
            ),
            (
                "осы бірлескен бұйрыққа 1-қосымшаға",
                "unit",
                "annex_1",
                "mfa-mvd-joint-order-2020-09-01-11-1-4-245-611#annex_1"
            ),
        ])
    );
}

#[test]
fn an_amending_act_resolves_into_its_target_at_the_version_in_force() {
    let c = amending();
    let target = "mfa-order-2019-03-01-11-1-4-99";
    let at = |e: &str| format!("{target}#{e}");
    let amending = "mfa-order-2020-04-02-11-1-4-150";
    assert_eq!(
        refs(c, amending, Lang::Kk, "para_1"),
        rows(&[(
            "2019 жылғы 1 наурыздағы № 11-1-4/99 бұйрығына",
            "other_act",
            "",
            target
        )])
    );
    // Subparagraph 2) of paragraph 2 is deleted by this very act: it is resolved in the
    // version in force on the amending act's date, where it still is.
    assert_eq!(
        refs(c, amending, Lang::Kk, "para_1__mod_2"),
        vec![(
            "2-тармақтың 2) тармақшасы".to_string(),
            "other_act",
            "att_1__para_2__subpara_2".to_string(),
            at("att_1__para_2__subpara_2")
        )]
    );
    // Paragraph 2-1 is inserted by it: only the current text has it.
    assert_eq!(
        refs(c, amending, Lang::Kk, "para_1__mod_3"),
        vec![(
            "2-1-тармақпен".to_string(),
            "other_act",
            "att_1__para_2-1".to_string(),
            at("att_1__para_2-1")
        )]
    );
    let incoming: Vec<(String, String)> = cited_by(c, target, Some("att_1__para_2"), false, None)
        .iter()
        .map(|r| (r.citing.eid.clone(), r.text.clone()))
        .collect();
    assert!(incoming.is_empty(), "{incoming:?}");
    let within: Vec<(String, String)> = cited_by(c, target, Some("att_1__para_2"), true, None)
        .iter()
        .map(|r| (r.citing.eid.clone(), r.text.clone()))
        .collect();
    assert_eq!(
        within,
        [(
            "para_1__mod_2".to_string(),
            "2-тармақтың 2) тармақшасы".to_string()
        )]
    );
}

#[test]
fn mirror_acts_cite_their_own_units_in_both_languages() {
    let c = mirror();
    let gov = "constitutional-law-1995-12-18-2688";
    let own = |e: &str| format!("{gov}#{e}");
    assert_eq!(
        refs(c, gov, Lang::Kk, "art_4__para_4"),
        vec![
            (
                "осы Конституциялық заңның 5 және 6-баптарында".to_string(),
                "unit",
                "art_5".to_string(),
                own("art_5")
            ),
            (
                "осы Конституциялық заңның 5 және 6-баптарында".to_string(),
                "unit",
                "art_6".to_string(),
                own("art_6")
            ),
        ]
    );
    assert_eq!(
        refs(c, gov, Lang::Ru, "art_4__para_4"),
        vec![
            (
                "статьями 5 и 6 настоящего Конституционного закона".to_string(),
                "unit",
                "art_5".to_string(),
                own("art_5")
            ),
            (
                "статьями 5 и 6 настоящего Конституционного закона".to_string(),
                "unit",
                "art_6".to_string(),
                own("art_6")
            ),
        ]
    );
    let att = "president-administration-order-2020-05-22-20-01-38-20";
    let rules = |e: &str| format!("{att}#{e}");
    assert_eq!(
        refs(c, att, Lang::Ru, "att_1__para_11__subpara_1"),
        vec![(
            "пунктом 9 настоящих Правил".to_string(),
            "attachment",
            "att_1__para_9".to_string(),
            rules("att_1__para_9")
        )]
    );
    assert_eq!(
        refs(c, att, Lang::Ru, "att_1__para_33"),
        rows(&[(
            "подпункту 4) пункта 1 статьи 52 Трудового кодекса",
            "other_act",
            "art_52__para_1__subpara_4",
            "unresolved: target act not in corpus"
        )])
    );
    let range: Vec<Row> = ["27", "28", "29"]
        .iter()
        .map(|n| {
            (
                "пунктами 27-29 настоящих Правил".to_string(),
                "attachment",
                format!("att_1__para_{n}"),
                rules(&format!("att_1__para_{n}")),
            )
        })
        .collect();
    assert_eq!(refs(c, att, Lang::Ru, "att_1__para_39"), range);
    let reg = "president-office-order-2019-10-07-19-42-3-3-17";
    let annexes: Vec<Row> = (1..=4)
        .map(|n| {
            (
                "осы бұйрықтың 1 – 4-қосымшаларына".to_string(),
                "unit",
                format!("annex_{n}"),
                format!("{reg}#annex_{n}"),
            )
        })
        .collect();
    assert_eq!(refs(c, reg, Lang::Kk, "para_1"), annexes);
    // A registration number in parentheses is not the act's number.
    let dec = "maslikhat-decision-2020-12-15-64-340";
    let a = c.act(dec, Lang::Kk).expect("150276");
    assert!(
        a.references.iter().all(|r| !r.text.starts_with("№ 20540")),
        "{:?}",
        a.references.iter().map(|r| &r.text).collect::<Vec<_>>()
    );
}

#[test]
fn references_carry_their_source_lines() {
    let c = seeds();
    let a = c.act(MFA, Lang::Kk).expect("003");
    let lines = |eid: &str| -> Vec<(u32, u32)> {
        a.references
            .iter()
            .filter(|r| r.eid == eid)
            .map(|r| (r.line_start, r.line_end))
            .collect()
    };
    // `…осы Қағидалардың  көзделген тәртіппен және мерзімдерде 10-тармағында` on line 238.
    assert_eq!(lines("att_1__para_11"), [(238, 238)]);
    assert_eq!(lines("att_1__para_13"), [(260, 260)]);
    let r = a
        .references
        .iter()
        .find(|r| r.eid == "att_1__para_11")
        .expect("reference");
    let unit = a.unit("att_1__para_11").expect("unit");
    assert_eq!(&unit.text[r.start as usize..r.end as usize], r.text);
}

#[test]
fn inflected_list_and_range_forms() {
    let paths = |text: &str, lang: Lang| -> Vec<String> {
        crate::refs::find(text, lang)
            .into_iter()
            .map(|f| f.path.join("__"))
            .collect()
    };
    let own = |text: &str, lang: Lang| -> Vec<bool> {
        crate::refs::find(text, lang)
            .into_iter()
            .map(|f| f.scope == Scope::OwnAct)
            .collect()
    };
    for form in [
        "12-бабы",
        "12-бабының",
        "12-бабына",
        "12-бабында",
        "12-баптың",
    ] {
        let t = format!("осы Заңның {form} талаптары");
        assert_eq!(paths(&t, Lang::Kk), ["art_12"], "{form}");
        assert_eq!(own(&t, Lang::Kk), [true], "{form}");
    }
    assert_eq!(
        paths("осы баптың 2-тармағының 3) тармақшасы", Lang::Kk),
        ["para_2__subpara_3"]
    );
    assert_eq!(
        paths("12-бабының 2-тармағының 3) тармақшасына сәйкес", Lang::Kk),
        ["art_12__para_2__subpara_3"]
    );
    assert_eq!(
        paths("15, 16 және 17-тармақтар", Lang::Kk),
        ["para_15", "para_16", "para_17"]
    );
    assert_eq!(
        paths("1)–5) тармақшалар", Lang::Kk),
        [
            "subpara_1",
            "subpara_2",
            "subpara_3",
            "subpara_4",
            "subpara_5"
        ]
    );
    // An inserted number before a singular stays whole.
    assert_eq!(paths("2-2-тармағына", Lang::Kk), ["para_2-2"]);
    assert_eq!(paths("12-14) тармақшасына", Lang::Kk), ["subpara_12-14"]);
    assert_eq!(
        paths("в соответствии со статьей 49 настоящего Закона", Lang::Ru),
        ["art_49"]
    );
    assert_eq!(
        own("в соответствии со статьей 49 настоящего Закона", Lang::Ru),
        [true]
    );
    assert_eq!(paths("пункта 2 статьи 12", Lang::Ru), ["art_12__para_2"]);
    assert_eq!(
        paths("подпунктами 1)–3) пункта 4", Lang::Ru),
        [
            "para_4__subpara_1",
            "para_4__subpara_2",
            "para_4__subpara_3"
        ]
    );
    assert_eq!(
        paths("согласно приложениям 1 – 3 к настоящему приказу", Lang::Ru),
        ["annex_1", "annex_2", "annex_3"]
    );
    // Another act, by date and number.
    let f = crate::refs::find(
        "постановлением Правительства Республики Казахстан от 21 января 2012 года № 148",
        Lang::Ru,
    );
    let Some(Scope::Other(act)) = f.first().map(|f| f.scope.clone()) else {
        panic!("{f:?}");
    };
    assert_eq!(act.number.as_deref(), Some("148"));
    assert_eq!(act.date, chrono::NaiveDate::from_ymd_opt(2012, 1, 21));
}

/// Every resolved reference of every act: (citing act, language, citing eid, span, target
/// act, target eid).
type Key = (String, Lang, String, [u32; 2], String, String);

fn key(r: &ResolvedReference) -> Option<Key> {
    let t = r.target.as_ref()?;
    Some((
        r.citing.act.clone(),
        r.citing.lang,
        r.citing.eid.clone(),
        r.span,
        t.act.clone(),
        t.eid.clone(),
    ))
}

/// `cited_by` over every unit (and every act as a whole) is exactly the resolved part of
/// `refs_of` over every act, on every date an edition of an act starts or ends (the day
/// before and the day itself) and for the current texts: each resolved reference is found
/// once at its target, and nothing else is. Gives the number of references checked.
fn check_inverse(c: &Catalog) -> usize {
    let mut dates: Vec<Option<NaiveDate>> = vec![None];
    for a in c.acts() {
        for v in &a.versions {
            for d in [v.from, v.to, a.date()].into_iter().flatten() {
                dates.push(Some(d));
                dates.push(d.pred_opt());
            }
        }
    }
    dates.sort();
    dates.dedup();
    dates.iter().map(|d| check_inverse_on(c, *d)).sum()
}

fn check_inverse_on(c: &Catalog, at: Option<NaiveDate>) -> usize {
    let mut outgoing: BTreeMap<Key, usize> = BTreeMap::new();
    for a in c.acts() {
        for r in c.refs_of(a, None, at) {
            if let Some(k) = key(&r) {
                *outgoing.entry(k).or_default() += 1;
            }
        }
    }
    let mut incoming: BTreeMap<Key, usize> = BTreeMap::new();
    let mut ids: Vec<&str> = c.acts().iter().map(|a| a.id.as_str()).collect();
    ids.dedup();
    for id in ids {
        let act = c.act(id, Lang::Kk).expect("act");
        let mut eids: Vec<String> = vec![String::new()];
        eids.extend(act.all_units().iter().map(|u| u.eid.clone()));
        // Units only the other expression or an older edition has.
        for a in c.acts().iter().filter(|a| a.id == id) {
            eids.extend(a.all_units().iter().map(|u| u.eid.clone()));
            for v in &a.versions {
                eids.extend(v.units.iter().flat_map(|u| u.walk()).map(|u| u.eid.clone()));
            }
        }
        eids.sort();
        eids.dedup();
        for e in &eids {
            for r in cited_by(c, id, Some(e), false, at) {
                let k = key(&r).expect("cited_by gives resolved references");
                assert_eq!(&k.5, e, "cited_by({id}#{e}) on {at:?} gave {k:?}");
                *incoming.entry(k).or_default() += 1;
            }
        }
    }
    assert_eq!(incoming, outgoing, "on {at:?}");
    outgoing.values().sum()
}

#[test]
fn cited_by_is_the_exact_inverse_of_refs_over_every_unit() {
    assert!(check_inverse(seeds()) >= 20);
    assert!(check_inverse(mirror()) >= 30);
    assert!(check_inverse(amending()) >= 6);
}

fn editions() -> &'static Catalog {
    static C: OnceLock<Catalog> = OnceLock::new();
    C.get_or_init(|| catalog_of(&root().join("tests/fixtures/versions")))
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

/// (text, edition id, source file, first line, `act#eid` or `unresolved: reason`).
type DatedRow = (String, String, String, u32, String);

/// The references unit `eid` of `act` makes itself in its wording in force on `at`.
fn refs_on(cat: &Catalog, act: &str, eid: &str, at: Option<NaiveDate>) -> Vec<DatedRow> {
    let a = cat.act(act, Lang::Kk).expect("act in catalog");
    cat.refs_of(a, Some(eid), at)
        .iter()
        .filter(|r| r.citing.eid == eid)
        .map(|r| {
            let (text, _, _, to) = row(r);
            let file = r.source.file.clone();
            (text, r.edition.id.clone(), file, r.source.line_start, to)
        })
        .collect()
}

fn dated(v: &[(&str, &str, &str, u32, &str)]) -> Vec<DatedRow> {
    v.iter()
        .map(|(t, e, f, l, to)| {
            let to = to.to_string();
            (t.to_string(), e.to_string(), f.to_string(), *l, to)
        })
        .collect()
}

const GOVERNMENT: &str = "constitutional-law-1995-12-18-2688";

#[test]
fn an_older_edition_keeps_the_references_its_own_wording_made() {
    let c = editions();
    let law = "«Құқықтық актілер туралы» Қазақстан Республикасының Заңында";
    let file_2023 = "versions/codes_104316_government/kaz@0c5d4a0f_v2023-04-19.md";
    let file_2022 = "versions/codes_104316_government/kaz@2c716769_v2022-11-05.md";
    // Paragraph 5-1 of article 10 was a pending note in the 2022-11-05 edition and became a
    // provision citing the Law on Legal Acts on 2023-04-19.
    let now = refs_on(c, GOVERNMENT, "art_10__para_5-1", None);
    let unresolved = "unresolved: target act not in corpus";
    assert_eq!(
        now,
        dated(&[(law, "2023-04-19", file_2023, 255, unresolved)])
    );
    let then = refs_on(c, GOVERNMENT, "art_10__para_5-1", Some(day(2022, 12, 1)));
    assert_eq!(
        then,
        dated(&[(
            "05.11.2022 № 156-VII Конституциялық заңымен",
            "2022-11-05",
            file_2022,
            272,
            unresolved
        )])
    );
    // The references of the wording the point-in-time rule gives for the unit itself, as
    // `show` gives it: the 2023-04-19 edition prints the wording in force from 2023-01-01
    // (the date the law of 05.11.2022 set), so on 2023-01-01 its references answer, though
    // the act's 2022-11-05 edition was the newest one then.
    assert_eq!(
        refs_on(c, GOVERNMENT, "art_10__para_5-1", Some(day(2023, 1, 1))),
        now
    );
    assert_eq!(
        refs_on(c, GOVERNMENT, "art_10__para_5-1", Some(day(2022, 12, 31))),
        then
    );
    // In 2000 the paragraph was not yet in the act (no wording, so no references): a later
    // text's references are never given for a date it was not in force.
    assert_eq!(
        refs_on(c, GOVERNMENT, "art_10__para_5-1", Some(day(2000, 1, 1))),
        vec![]
    );
    assert_eq!(
        refs_on(c, GOVERNMENT, "art_10__para_5-1", Some(day(2024, 1, 1))),
        now
    );
    // Before the law was adopted (1995-12-18) it cited nothing.
    assert_eq!(
        refs_on(c, GOVERNMENT, "art_10__para_5-1", Some(day(1995, 12, 17))),
        vec![]
    );
    // A reference within the act resolves to the act's one id in every edition, though the
    // 2023 file has no requisites of its own and took its id from the 2022 one.
    let own = |at| {
        refs_on(c, GOVERNMENT, "art_4__para_4", at)
            .into_iter()
            .map(|r| r.4)
            .collect::<Vec<_>>()
    };
    let both = vec![format!("{GOVERNMENT}#art_5"), format!("{GOVERNMENT}#art_6")];
    assert_eq!(own(None), both);
    assert_eq!(own(Some(day(2022, 12, 1))), both);
    // What cites article 5 on a date is read in every act's wording of that date.
    let citing = |at| -> Vec<(String, String)> {
        cited_by(c, GOVERNMENT, Some("art_5"), false, at)
            .iter()
            .map(|r| (r.citing.eid.clone(), r.edition.id.clone()))
            .collect()
    };
    let now: Vec<(String, String)> = citing(None);
    assert!(
        now.contains(&("art_4__para_4".into(), "2023-04-19".into())),
        "{now:?}"
    );
    let then = citing(Some(day(2022, 12, 1)));
    assert!(
        then.contains(&("art_4__para_4".into(), "2022-11-05".into())),
        "{then:?}"
    );
    assert!(check_inverse(c) >= 7);
}

/// The apply fixture with references written into the target's paragraph 1 and into the
/// new wording the amending act gives it.
fn amended_with_references() -> (tempfile::TempDir, Catalog) {
    let src = root().join("tests/fixtures/amend/apply");
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path().join("apply");
    std::fs::create_dir(&dir).expect("folder");
    for entry in std::fs::read_dir(&src).expect("fixture") {
        let path = entry.expect("entry").path();
        let name = path.file_name().expect("name").to_owned();
        let text = std::fs::read_to_string(&path).expect("utf-8");
        let text = text
            .replace(
                "1. Осы қағидалар сынақ тәртібін айқындайды.",
                "1. Осы қағидалар сынақ тәртібін осы Қағидалардың 4-тармағына сәйкес айқындайды.",
            )
            .replace(
                "\"1. Осы қағидалар сынақ өткізу тәртібі мен мерзімін айқындайды.\";",
                "\"1. Осы қағидалар сынақ өткізу тәртібі мен мерзімін осы Қағидалардың \n3-тармағына сәйкес айқындайды.\";",
            );
        std::fs::write(dir.join(name), text).expect("write");
    }
    let catalog = catalog_of(&dir);
    (tmp, catalog)
}

#[test]
fn wording_an_amending_act_gave_is_read_for_references_where_it_is_printed() {
    let (_tmp, c) = amended_with_references();
    let target = "mfa-order-2019-03-01-11-1-4-99";
    let applied = "applied:mfa-order-2020-04-02-11-1-4-150";
    // The new wording of paragraph 1 cites paragraph 3: printed in the amending act, on the
    // lines of the instruction that gives it.
    assert_eq!(
        refs_on(&c, target, "att_1__para_1", None),
        dated(&[(
            "осы Қағидалардың 3-тармағына",
            applied,
            "apply/011_amending.txt",
            14,
            "mfa-order-2019-03-01-11-1-4-99#att_1__para_3"
        )])
    );
    // Before the amendment took effect, paragraph 1 cited paragraph 4, which the amendment
    // deleted.
    assert_eq!(
        refs_on(&c, target, "att_1__para_1", Some(day(2019, 6, 1))),
        dated(&[(
            "осы Қағидалардың 4-тармағына",
            "2019-03-01",
            "apply/010_target.txt",
            25,
            "mfa-order-2019-03-01-11-1-4-99#att_1__para_4"
        )])
    );
    let citing = |eid, at| -> Vec<String> {
        cited_by(&c, target, Some(eid), false, at)
            .iter()
            .map(|r| format!("{}#{} {}", r.citing.act, r.citing.eid, r.edition.id))
            .collect()
    };
    let para_1 = format!("{target}#att_1__para_1");
    // Today only the amending act's instruction deleting paragraph 4 cites it; in 2019, when
    // the amending act did not exist yet, paragraph 1 did.
    let amending = "mfa-order-2020-04-02-11-1-4-150";
    let deleting = format!("{amending}#para_1__mod_5 2020-04-02");
    assert_eq!(citing("att_1__para_4", None), vec![deleting]);
    assert_eq!(
        citing("att_1__para_4", Some(day(2019, 6, 1))),
        vec![format!("{para_1} 2019-03-01")]
    );
    // Paragraph 3 is cited by the new wording of paragraph 1, and by the amending act twice:
    // the quote of that wording, and the instruction rewording paragraph 3's second part.
    assert_eq!(
        citing("att_1__para_3", None),
        vec![
            format!("{para_1} {applied}"),
            format!("{amending}#para_1__mod_1 2020-04-02"),
            format!("{amending}#para_1__mod_4 2020-04-02"),
        ]
    );
    // Units the amendment left as they were keep their references' lines in the target.
    let kept = refs_on(&c, target, "att_1__para_2", None);
    assert_eq!(
        kept,
        refs_on(&c, target, "att_1__para_2", Some(day(2019, 6, 1)))
    );
    assert!(check_inverse(&c) >= 2);
}

/// The index of the seeds and the fixtures together (references lead from act to act).
fn combined_index(tmp: &Path) -> crate::ZanIndex {
    let corpus = tmp.join("corpus");
    for (from, to) in [
        ("corpus", "seeds"),
        ("tests/fixtures/mirror", "mirror"),
        ("tests/fixtures/versions", "versions"),
        ("tests/fixtures/amend/apply", "apply"),
    ] {
        crate::test_support::copy_dir(&root().join(from), &corpus.join(to));
    }
    let opts = crate::BuildOptions::default();
    crate::ZanIndex::open_or_build(&corpus, tmp.join("index"), &opts)
        .expect("index")
        .0
}

/// What cites an act, read from the catalog the index gives for it (`catalog_citing`: the
/// acts whose references may lead to it, found by their keys), is exactly what cites it in the
/// whole corpus's catalog: for every act and every unit of it, within or exact, on three dates.
#[test]
fn a_catalog_citing_an_act_answers_cited_by_as_the_whole_catalog() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let index = combined_index(tmp.path());
    let whole = index.catalog().expect("catalog");
    let dates = [None, Some(day(2019, 6, 1)), Some(day(2022, 12, 1))];
    let mut ids: Vec<&str> = whole.acts().iter().map(|a| a.id.as_str()).collect();
    ids.dedup();
    let (mut checked, mut across) = (0, 0);
    for id in ids {
        let some = index.catalog_citing(id).expect("catalog citing the act");
        assert!(some.acts().len() <= whole.acts().len());
        let mut eids: Vec<Option<String>> = vec![None];
        for a in whole.acts().iter().filter(|a| a.id == id) {
            eids.extend(a.all_units().iter().map(|u| Some(u.eid.clone())));
        }
        eids.sort();
        eids.dedup();
        for at in dates {
            for eid in &eids {
                for within in [false, true] {
                    let want = cited_by(&whole, id, eid.as_deref(), within, at);
                    let got = cited_by(&some, id, eid.as_deref(), within, at);
                    assert_eq!(got, want, "{id}#{eid:?} within {within} on {at:?}");
                    checked += want.len();
                    across += want.iter().filter(|r| r.citing.act != id).count();
                }
            }
        }
    }
    assert!(checked >= 300, "{checked}");
    assert!(across >= 6, "{across}");
}

/// The catalog a few acts need (`catalog_for`: they and the acts their references may lead
/// to, found by the index's lookup keys) resolves and cites every reference exactly as the
/// whole corpus's catalog does, on every date, for every act of a corpus of the seeds and the
/// fixtures (where references lead from act to act); so does the catalog of one unit's
/// references (`catalog_for_references`, what a search hit's references are resolved with).
#[test]
fn a_catalog_for_some_acts_answers_as_the_whole_catalog() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let index = combined_index(tmp.path());
    let whole = index.catalog().expect("catalog");
    let dates = [None, Some(day(2019, 6, 1)), Some(day(2022, 12, 1))];
    let (mut checked, mut across, mut units_across) = (0, 0, 0);
    for a in whole.acts() {
        let some = index
            .catalog_for(vec![a.clone()])
            .expect("catalog for one act");
        assert!(some.acts().len() <= whole.acts().len());
        for at in dates {
            let want = whole.refs_of(a, None, at);
            assert_eq!(
                some.refs_of(a, None, at),
                want,
                "{} ({}) on {at:?}",
                a.id,
                a.lang
            );
            checked += want.len();
            across += want
                .iter()
                .filter(|r| r.target.as_ref().is_some_and(|t| t.act != r.citing.act))
                .count();
            let wording = crate::Wording::of(a, at);
            // One catalog a unit, from all of the unit's references, as a search hit's.
            let mut by_unit: std::collections::BTreeMap<&str, Vec<&crate::Reference>> =
                std::collections::BTreeMap::new();
            for r in wording.references() {
                by_unit.entry(r.eid.as_str()).or_default().push(r);
            }
            for (eid, mine) in by_unit {
                let unit = index
                    .catalog_for_references(a.clone(), &mine)
                    .expect("catalog for a unit's references");
                for r in mine {
                    let want = whole.view_in(&wording, r);
                    assert_eq!(unit.view_in(&wording, r), want, "{} #{eid} on {at:?}", a.id);
                    units_across += usize::from(
                        want.target
                            .as_ref()
                            .is_some_and(|t| t.act != want.citing.act),
                    );
                }
            }
        }
    }
    assert!(checked >= 300, "{checked}");
    assert!(across >= 6, "{across}");
    assert_eq!(units_across, across);
}

/// On every date around the Government law's editions (the 2014, 2022 and 2023 Kazakh texts)
/// each reference `refs` gives is read in the very edition `show` gives for the unit making
/// it, and a unit with no wording on the date (not yet adopted, not yet inserted, not in the
/// corpus) makes none: references and wording follow one rule, unit by unit.
#[test]
fn references_on_a_date_come_from_the_wording_show_gives_for_their_unit() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let corpus = tmp.path().join("corpus");
    crate::test_support::copy_dir(
        &root().join("tests/fixtures/versions/codes_104316_government"),
        &corpus.join("gov"),
    );
    std::fs::copy(
        root().join("tests/fixtures/time/codes_104316_government_2014/kaz@22a5d1a3_v2014-09-29.md"),
        corpus.join("gov/kaz@22a5d1a3_v2014-09-29.md"),
    )
    .expect("copy the 2014 edition");
    let (index, report) = crate::ZanIndex::open_or_build(
        &corpus,
        tmp.path().join("index"),
        &crate::BuildOptions::default(),
    )
    .expect("index");
    assert!(report.failures.is_empty(), "{:?}", report.failures);
    let whole = crate::Target::new(GOVERNMENT, None);
    let mut checked = 0;
    let mut silent = 0;
    let mut older_only = 0;
    for date in [
        day(1995, 12, 17),
        day(2000, 1, 1),
        day(2014, 9, 28),
        day(2014, 9, 29),
        day(2017, 6, 15),
        day(2022, 11, 4),
        day(2022, 11, 5),
        day(2022, 12, 31),
        day(2023, 1, 1),
        day(2023, 4, 19),
        day(2023, 4, 28),
        day(2023, 4, 29),
        day(2024, 1, 1),
    ] {
        let refs = index
            .refs(&whole, Some(Lang::Kk), Some(date))
            .expect("refs");
        let current = index.act_in(GOVERNMENT, Some(Lang::Kk)).expect("act");
        for r in &refs.references {
            // A unit only an older edition prints is answered by `show` too, from that edition.
            if current.unit(&r.citing.eid).is_none() {
                assert_ne!(r.edition.id, "2023-04-19", "{date}: {}", r.citing.eid);
                older_only += 1;
            }
            let at = index
                .unit_as_of(GOVERNMENT, &r.citing.eid, Some(Lang::Kk), Some(date))
                .unwrap_or_else(|e| panic!("{date}: {}: {e}", r.citing.eid));
            assert!(
                at.state.has_wording(),
                "{date}: {}: {:?}",
                r.citing.eid,
                at.state
            );
            let edition = at.edition.expect("an edition with the wording");
            assert_eq!(
                edition.id, r.edition.id,
                "{date}: {} «{}»",
                r.citing.eid, r.text
            );
            checked += 1;
        }
        // A unit with references in some edition but no wording on the date gives none.
        let act = index.act_in(GOVERNMENT, Some(Lang::Kk)).expect("act");
        let mut makers: Vec<&str> = act.references.iter().map(|r| r.eid.as_str()).collect();
        makers.dedup();
        for eid in makers {
            let at = index
                .unit_as_of(GOVERNMENT, eid, Some(Lang::Kk), Some(date))
                .expect("unit");
            if !at.state.has_wording() {
                assert!(
                    refs.references.iter().all(|r| r.citing.eid != eid),
                    "{date}: {eid} has no wording ({:?}) yet cites",
                    at.state
                );
                silent += 1;
            }
        }
    }
    assert!(checked >= 60, "{checked}");
    assert!(silent >= 3, "{silent}");
    assert!(older_only >= 1, "{older_only}");
}

const AMNESTY: &str = "law-2021-12-07-81-vii";

fn amnesty() -> &'static Catalog {
    static C: OnceLock<Catalog> = OnceLock::new();
    C.get_or_init(|| catalog_of(&root().join("tests/fixtures/refs")))
}

/// (wanted eid, kind, date of the cited act as the text gives it, `act#eid` or why not).
fn cited(cat: &Catalog, lang: Lang, eid: &str) -> Vec<(String, &'static str, String, String)> {
    let a = cat.act(AMNESTY, lang).expect("the amnesty law");
    cat.refs_of(a, Some(eid), None)
        .iter()
        .filter(|r| r.citing.eid == eid)
        .map(|r| {
            let date = r
                .cited_act
                .as_ref()
                .and_then(|c| c.date)
                .map_or_else(|| "-".to_string(), |d| d.to_string());
            (r.wanted.clone(), r.kind.as_str(), date, row(r).3)
        })
        .collect()
}

/// The amnesty law lists crimes by the bare numbers of the articles of the code it named at
/// the head of the subparagraph («…Уголовным кодексом Республики Казахстан от 16 июля 1997
/// года …: убийство (статья 96)», «1997 жылғы 16 шілдедегі … Қылмыстық кодексінде … адам
/// өлтіру (96-бап)»). Each is that code's article, in both languages, not the law's own (it
/// has eight articles); its own articles, named with «настоящего Закона» / «Осы Заңның» or
/// after them, stay its own.
#[test]
fn bare_article_numbers_after_a_named_code_are_that_codes() {
    let c = amnesty();
    let not_in_corpus = "unresolved: target act not in corpus";
    let of_code = |date: &str, arts: &[&str]| -> Vec<(String, &'static str, String, String)> {
        std::iter::once(String::new())
            .chain(arts.iter().map(|a| format!("art_{a}")))
            .map(|w| (w, "other_act", date.to_string(), not_in_corpus.to_string()))
            .collect()
    };
    for lang in [Lang::Ru, Lang::Kk] {
        assert_eq!(
            cited(c, lang, "art_4__subpara_11"),
            of_code("1959-07-22", &["88"]),
            "{lang}: the Criminal Code of the Kazakh SSR"
        );
        assert_eq!(
            cited(c, lang, "art_4__subpara_12"),
            of_code("1997-07-16", &["96", "98", "101", "120", "132-1", "391"]),
            "{lang}: the Criminal Code of 1997"
        );
    }
    // «получение взятки (части 1-1, вторая, третья и четвертая статьи 366)»: the part the
    // grammar reads apart is the code's too.
    assert_eq!(
        cited(c, Lang::Ru, "art_4__subpara_13"),
        [
            of_code("2014-07-03", &["99", "101", "188-1"]),
            vec![(
                "para_1-1".to_string(),
                "other_act",
                "2014-07-03".to_string(),
                not_in_corpus.to_string()
            )],
            of_code("2014-07-03", &["366", "463", "466"])[1..].to_vec(),
        ]
        .concat()
    );
    assert_eq!(
        cited(c, Lang::Kk, "art_4__subpara_13"),
        of_code("2014-07-03", &["99", "101", "188-1", "366", "463", "466"])
    );
    let own = |eids: &[&str]| -> Vec<(String, &'static str, String, String)> {
        eids.iter()
            .map(|e| {
                (
                    e.to_string(),
                    "unit",
                    "-".to_string(),
                    format!("{AMNESTY}#{e}"),
                )
            })
            .collect()
    };
    for lang in [Lang::Ru, Lang::Kk] {
        assert_eq!(
            cited(c, lang, "art_5__para_2"),
            own(&["art_2__para_2", "art_3"]),
            "{lang}: the law's own articles"
        );
    }
}

/// Writes a mirror-layout act folder `dir` of `corpus`: its `meta.yaml` and `rus.md`.
fn write_mirror_act(corpus: &Path, dir: &str, meta: &str, rus: &str) {
    let dir = corpus.join(dir);
    std::fs::create_dir_all(&dir).expect("act folder");
    std::fs::write(dir.join("meta.yaml"), meta).expect("meta.yaml");
    std::fs::write(dir.join("rus.md"), rus).expect("rus.md");
}

/// A code's `meta.yaml` as the mirror writes it.
fn code_meta(code: &str, requisite: &str, title: &str, day: &str) -> String {
    format!(
        "act_code: '{code}'\nrequisite: {requisite}\ntitle:\n  rus: {title}\nform: КОД\n\
         type_codes:\n- КОД\napproved_on: {day}\napproved_by:\n- '102000000000'\n"
    )
}

/// A reference naming a code by its name alone (`Налогового кодекса`, `Земельным кодексом`)
/// is resolved with the codes whose title holds the name, found by their title keys: the
/// catalog of a unit's references holds that code and no other, and resolves the reference
/// to it as the whole corpus's catalog does (`catalog_for_references`).
#[test]
fn a_code_named_by_its_name_is_looked_up_among_the_codes_of_that_name() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let corpus = tmp.path().join("corpus");
    for (dir, code, requisite, title, day) in [
        (
            "codes/02-codes/2017/1225-o-nalogakh-990001",
            "990001",
            "Кодекс Республики Казахстан от 25 декабря 2017 года № 120-VI ЗРК",
            "О налогах и других обязательных платежах в бюджет (Налоговый кодекс)",
            "2017-12-25",
        ),
        (
            "codes/02-codes/2003/0620-zemelnyi-kodeks-990002",
            "990002",
            "Кодекс Республики Казахстан от 20 июня 2003 года № 442-II",
            "ЗЕМЕЛЬНЫЙ КОДЕКС РЕСПУБЛИКИ КАЗАХСТАН",
            "2003-06-20",
        ),
        (
            "codes/02-codes/2003/0709-vodnyi-kodeks-990003",
            "990003",
            "Кодекс Республики Казахстан от 9 июля 2003 года № 481-II",
            "ВОДНЫЙ КОДЕКС РЕСПУБЛИКИ КАЗАХСТАН",
            "2003-07-09",
        ),
    ] {
        let rus = format!(
            "# {title}\n\n## Статья 1. Отношения, регулируемые настоящим Кодексом\n\n\
             1. Настоящий Кодекс регулирует отношения в своей сфере.\n\n\
             ## Статья 2. Законодательство\n\n\
             1. Законодательство основывается на Конституции Республики Казахстан.\n"
        );
        write_mirror_act(&corpus, dir, &code_meta(code, requisite, title, day), &rus);
    }
    write_mirror_act(
        &corpus,
        "ministerial/03-orders/2024/0115-ob-utverzhdenii-pravil-990004",
        "act_code: '990004'\nrequisite: Приказ Министра финансов Республики Казахстан от 15 \
         января 2024 года № 12\ntitle:\n  rus: Об утверждении Правил исчисления платы\n\
         form: ПРИКАЗ\napproved_on: 2024-01-15\n",
        "# Об утверждении Правил исчисления платы\n\n\
         1. Плата исчисляется в соответствии со статьей 2 Налогового кодекса.\n\n\
         2. Участки для исчисления платы определяются в соответствии с Земельным кодексом \
         Республики Казахстан.\n",
    );
    let opts = crate::BuildOptions::default();
    let index = crate::ZanIndex::open_or_build(&corpus, tmp.path().join("index"), &opts)
        .expect("index")
        .0;
    let whole = index.catalog().expect("catalog");
    let codes = |catalog: &crate::Catalog| {
        let mut ids: Vec<String> = catalog
            .acts()
            .iter()
            .filter(|a| a.kind == crate::model::ActKind::Code)
            .map(|a| a.id.clone())
            .collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    };
    assert_eq!(codes(&whole).len(), 3);
    let order = whole
        .acts()
        .iter()
        .find(|a| a.kind != crate::model::ActKind::Code)
        .expect("the order");
    let wording = crate::Wording::of(order, None);
    let mut found = Vec::new();
    for r in wording.references() {
        let Some(cited) = r
            .act
            .as_ref()
            .filter(|c| c.title.is_none() && c.name.is_some())
        else {
            continue;
        };
        let some = index
            .catalog_for_references(order.clone(), &[r])
            .expect("catalog for a reference");
        let want = whole.view_in(&wording, r);
        assert_eq!(some.view_in(&wording, r), want, "{cited:?}");
        let target = want
            .target
            .as_ref()
            .map(|t| t.act.clone())
            .expect("resolved");
        // The named code, and no other.
        assert_eq!(codes(&some), std::slice::from_ref(&target), "{cited:?}");
        found.push((cited.name.clone().unwrap_or_default(), target));
    }
    found.sort();
    let found: Vec<(&str, &str)> = found
        .iter()
        .map(|(n, id)| (n.as_str(), id.as_str()))
        .collect();
    assert_eq!(
        found,
        [
            ("Земельным", "code-2003-06-20-442-ii"),
            ("Налогового", "code-2017-12-25-120-vi")
        ]
    );
}
