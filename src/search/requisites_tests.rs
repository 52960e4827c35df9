//! A search by an act's requisites on the bundled corpus, as every door asks it
//! ([`crate::pages::SearchArgs`]) and in the query language: the issuer (by code, or by its
//! name in Kazakh or Russian), the state registration number, the act's own number, and a
//! range of adoption dates each keep exactly the acts that have them, every unit of them.
//!
//! The bundled acts: `003` the Minister of Foreign Affairs' order of 04.01.2018 № 11-1-4/1,
//! registered № 16354; `002` the joint order of the Ministers of Foreign Affairs (01.09.2020
//! № 11-1-4/245) and of Internal Affairs (№ 611), registered № 21165; `004` the Minister of
//! Internal Affairs' order of 14.06.2012 № 352, registered № 7775; `001` the Government's
//! resolution of 10.10.2022 № 807.

use crate::pages::{Budget, SearchArgs, SearchPageRequest};
use crate::{BuildOptions, SearchRequest, ZanIndex};
use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::OnceLock;

const MFA_2018: &str = "mfa-order-2018-01-04-11-1-4-1";
const JOINT_2020: &str = "mfa-mvd-joint-order-2020-09-01-11-1-4-245-611";
const MVD_2012: &str = "mvd-order-2012-06-14-352";
const GOV_2022: &str = "government-resolution-2022-10-10-807";

struct Fixture {
    _dir: tempfile::TempDir,
    index: ZanIndex,
}

fn fixture() -> &'static Fixture {
    static F: OnceLock<Fixture> = OnceLock::new();
    F.get_or_init(|| {
        let dir = tempfile::tempdir().expect("tempdir");
        let (index, report) = ZanIndex::open_or_build(
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpus"),
            dir.path().join("index"),
            &BuildOptions::default(),
        )
        .expect("index builds");
        assert!(report.failures.is_empty(), "{report:?}");
        Fixture { _dir: dir, index }
    })
}

/// The (act, eid) of every hit of a request, all of them counted.
fn units_of(req: SearchRequest) -> BTreeSet<(String, String)> {
    let res = fixture()
        .index
        .search(&req.limit(crate::MAX_LIMIT).exact_total(true))
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(res.total < crate::MAX_LIMIT, "{} hits", res.total);
    assert_eq!(res.hits.len(), res.total);
    res.hits
        .into_iter()
        .map(|h| (h.act.id, h.unit.eid))
        .collect()
}

/// The units a door's search with these requisites finds (no words).
fn by_requisites(args: SearchArgs<'_>) -> BTreeSet<(String, String)> {
    let req = SearchPageRequest::parse(&args, &Budget::LOCAL, str::to_string)
        .unwrap_or_else(|e| panic!("{args:?}: {e}"));
    units_of(req.search)
}

/// Every unit of the acts `ids`, as the `act:` filter finds them.
fn units_of_acts(ids: &[&str]) -> BTreeSet<(String, String)> {
    let mut all = BTreeSet::new();
    for id in ids {
        let units = units_of(SearchRequest::new(format!("act:{id}")));
        assert!(units.len() > 3, "{id}: {} units", units.len());
        all.extend(units);
    }
    all
}

fn acts(units: &BTreeSet<(String, String)>) -> BTreeSet<&str> {
    units.iter().map(|(a, _)| a.as_str()).collect()
}

#[test]
fn the_registration_number_finds_that_act_and_all_its_units() {
    let want = units_of_acts(&[MFA_2018]);
    for typed in ["16354", "№ 16354", " №16354 "] {
        let got = by_requisites(SearchArgs {
            registration: Some(typed),
            ..Default::default()
        });
        assert_eq!(got, want, "{typed}");
    }
    // The joint order's, and in the query language.
    assert_eq!(
        units_of(SearchRequest::new("reg:21165")),
        units_of_acts(&[JOINT_2020])
    );
    // A registration number is not an act's number: the order № 352 is registered № 7775.
    assert!(by_requisites(SearchArgs {
        registration: Some("352"),
        ..Default::default()
    })
    .is_empty());
    assert_eq!(
        acts(&by_requisites(SearchArgs {
            registration: Some("7775"),
            ..Default::default()
        })),
        BTreeSet::from([MVD_2012])
    );
}

#[test]
fn the_acts_number_finds_the_acts_with_it() {
    let joint = units_of_acts(&[JOINT_2020]);
    // Either of a joint order's numbers.
    for typed in ["11-1-4/245", "№ 11-1-4/245", "611"] {
        let got = by_requisites(SearchArgs {
            number: Some(typed),
            ..Default::default()
        });
        assert_eq!(got, joint, "{typed}");
    }
    assert_eq!(
        by_requisites(SearchArgs {
            number: Some("11-1-4/1"),
            ..Default::default()
        }),
        units_of_acts(&[MFA_2018])
    );
    assert_eq!(
        units_of(SearchRequest::new("number:807")),
        units_of_acts(&[GOV_2022])
    );
    // A registration number is not the act's number.
    assert!(by_requisites(SearchArgs {
        number: Some("16354"),
        ..Default::default()
    })
    .is_empty());
}

#[test]
fn the_issuer_by_its_name_in_either_language_or_its_code() {
    let mvd = units_of_acts(&[MVD_2012, JOINT_2020]);
    for typed in [
        "mvd",
        "Ішкі істер министрі",
        "Қазақстан Республикасының Ішкі істер министрі",
        "Министр внутренних дел",
        "Министр внутренних дел Республики Казахстан",
    ] {
        let got = by_requisites(SearchArgs {
            issuer: Some(typed),
            ..Default::default()
        });
        assert_eq!(got, mvd, "{typed}");
    }
    let mfa = units_of_acts(&[MFA_2018, JOINT_2020]);
    assert_eq!(
        units_of(SearchRequest::new("issuer:\"Министр иностранных дел\"")),
        mfa
    );
    assert_eq!(
        units_of(SearchRequest::new("issuer:«Сыртқы істер министрі»")),
        mfa
    );
    assert_eq!(
        acts(&units_of(SearchRequest::new("issuer:Үкімет"))),
        BTreeSet::from([GOV_2022])
    );
    // With words: the words' hits in those acts only.
    let words = units_of(SearchRequest::new("шетелдіктер"));
    let in_mvd = by_requisites(SearchArgs {
        query: "шетелдіктер",
        issuer: Some("Министр внутренних дел"),
        ..Default::default()
    });
    assert!(!in_mvd.is_empty());
    assert_eq!(
        in_mvd,
        words.intersection(&mvd).cloned().collect::<BTreeSet<_>>()
    );
}

#[test]
fn an_unknown_issuer_is_an_error_naming_the_close_ones() {
    let args = SearchArgs {
        issuer: Some("Министр иностраных дел"),
        ..Default::default()
    };
    let err = SearchPageRequest::parse(&args, &Budget::LOCAL, str::to_string).unwrap_err();
    assert_eq!(err.code(), crate::ErrorCode::BadRequest);
    match &err {
        crate::Error::UnknownIssuer { given, close, .. } => {
            assert_eq!(given, "Министр иностраных дел");
            assert_eq!(
                close.first().map(String::as_str),
                Some("Министр иностранных дел Республики Казахстан")
            );
        }
        other => panic!("{other:?}"),
    }
    assert!(err
        .to_string()
        .starts_with("issuer: no issuer is named \"Министр иностраных дел\"; the closest names: «Министр иностранных дел Республики Казахстан»"), "{err}");
    // In the query language, a bad query saying the same.
    let err = crate::Query::parse("виза issuer:«Сыртқы істер министрлігі»").map(|_| ());
    assert!(err.is_ok(), "the ministry's words name it: {err:?}");
    let err = crate::Query::parse("issuer:xyzzy").unwrap_err();
    assert_eq!(err.code(), crate::ErrorCode::BadQuery);
    assert!(
        err.to_string().contains("no issuer is named \"xyzzy\""),
        "{err}"
    );
}

#[test]
fn a_date_range_keeps_the_acts_adopted_within_it() {
    let in_2018 = by_requisites(SearchArgs {
        date_from: Some("01.01.2018"),
        date_to: Some("2018-12-31"),
        ..Default::default()
    });
    assert_eq!(in_2018, units_of_acts(&[MFA_2018]));
    // Both ends are inclusive: the joint order's own day includes it, the next day does not.
    let mfa = |from: &'static str, to: Option<&'static str>| {
        acts(&by_requisites(SearchArgs {
            issuer: Some("mfa"),
            date_from: Some(from),
            date_to: to,
            ..Default::default()
        }))
        .into_iter()
        .map(str::to_string)
        .collect::<Vec<_>>()
    };
    assert_eq!(mfa("2020-09-01", None), vec![JOINT_2020]);
    assert!(mfa("2020-09-02", None).is_empty());
    assert_eq!(mfa("2018-01-04", Some("2020-08-31")), vec![MFA_2018]);
    assert_eq!(mfa("2018-01-05", Some("2020-09-01")), vec![JOINT_2020]);
    // A range that ends before it starts, or a day that is not one, is said.
    for (from, to, needle) in [
        (
            "2020-01-01",
            "2019-01-01",
            "date_to: 2019-01-01 is before date_from 2020-01-01",
        ),
        ("2020-13-01", "", "date_from: bad date \"2020-13-01\""),
    ] {
        let args = SearchArgs {
            date_from: Some(from),
            date_to: Some(to),
            ..Default::default()
        };
        let err = SearchPageRequest::parse(&args, &Budget::LOCAL, str::to_string).unwrap_err();
        assert!(err.to_string().contains(needle), "{err}");
    }
}
