//! Index and search over acts built in code: schema, filters, phrases, highlights, citations,
//! versions and incremental refresh, independent of the ingestion stage.

use crate::index::build_from_acts;
use crate::SearchRequest;
use crate::ZanIndex;
use crate::*;
use chrono::NaiveDate;

fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn unit(eid: &str, kind: UnitKind, num: &str, text: &str, lines: (u32, u32)) -> Unit {
    let mut u = Unit::new(eid, kind, Some(num.to_string()));
    u.text = text.to_string();
    u.span = SourceSpan {
        line_start: lines.0,
        line_end: lines.1,
        page: None,
    };
    u
}

fn act(id: &str, file: &str, kind: ActKind, status: Status, units: Vec<Unit>) -> Act {
    Act {
        id: id.into(),
        title: "Құжаттарды қабылдау қағидаларын бекіту туралы".into(),
        kind,
        issuances: vec![Issuance {
            issuer: "Қазақстан Республикасы Сыртқы істер министрі".into(),
            issuer_code: "mfa".into(),
            date: date(2018, 1, 4),
            number: Some("11-1-4/1".into()),
            issuer_translated: None,
        }],
        registration: None,
        status,
        languages: vec!["kk".into()],
        lang: crate::Lang::Kk,
        code: None,
        source: Source {
            file: file.into(),
            format: SourceFormat::Text,
            sha256: String::new(),
            encoding: "utf-8".into(),
            parts: Vec::new(),
        },
        official_url: None,
        publication_date: None,
        version_date: None,
        version_dated_by: Default::default(),
        units,
        amendments: vec![],
        instructions: vec![],
        commencement: None,
        versions: vec![],
        unparsed_notes: vec![],
        target_fallbacks: vec![],
        later_changes: vec![],
        unit_times: vec![],
        references: vec![],
    }
}

fn corpus() -> Vec<Act> {
    let mut para3 = unit(
        "att_1__para_3",
        UnitKind::Paragraph,
        "3",
        "3. Құжаттар мынадай тәртіппен қабылданады:",
        (20, 20),
    );
    para3.children.push(unit(
        "att_1__para_3__subpara_2",
        UnitKind::Subparagraph,
        "2",
        "2) тұрақты тұру үшін өтініш беріледі;",
        (22, 23),
    ));
    let mut att = Unit::new("att_1", UnitKind::Attachment, Some("1".into()));
    att.heading = Some("Құжаттарды қабылдау қағидалары".into());
    att.children.push(para3);
    att.children.push(unit(
        "att_1__para_4",
        UnitKind::Paragraph,
        "4",
        "4. Виза мерзімі ұзартылады және тұру рұқсаты беріледі.",
        (25, 26),
    ));
    let mut a = act(
        "mfa-order-2018-01-04-11-1-4-1",
        "corpus/003.txt",
        ActKind::Order,
        Status::InForce,
        vec![
            unit(
                "para_1",
                UnitKind::Paragraph,
                "1",
                "1. Қоса беріліп отырған қағидалар бекітілсін.",
                (10, 11),
            ),
            att,
        ],
    );
    a.amendments.push(Amendment {
        target_eid: "att_1__para_4".into(),
        target_label: "4-тармақ".into(),
        action: AmendAction::NewWording,
        by: ActRef {
            issuer: "ҚР Сыртқы істер министрінің м.а.".into(),
            issuer_code: "mfa".into(),
            kind: ActKind::Order,
            date: date(2022, 5, 26),
            number: Some("11-1-4/240".into()),
            title: None,
        },
        rule: EffectiveRule::Unknown,
        effective: Some(EffectiveDate {
            date: NaiveDate::from_ymd_opt(2022, 6, 10).unwrap(),
            estimated: true,
            basis: "test".into(),
        }),
        note: "Ескерту. 4-тармақ жаңа редакцияда".into(),
        span: SourceSpan::default(),
    });
    // An older edition of para 4.
    a.versions.push(ActVersion {
        id: "2018-01-04".into(),
        from: date(2018, 1, 4),
        dated_by: Default::default(),
        to: date(2022, 6, 10),
        source_removed: None,
        units: vec![unit(
            "att_1__para_4",
            UnitKind::Paragraph,
            "4",
            "4. Виза мерзімі бұрын ұзартылмайды.",
            (5, 5),
        )],
        source: Source {
            file: "corpus/003_old.txt".into(),
            format: SourceFormat::Text,
            sha256: String::new(),
            encoding: "utf-8".into(),
            parts: Vec::new(),
        },
        references: Vec::new(),
    });
    let mut b = act(
        "mvd-order-2012-06-14-352",
        "corpus/004.txt",
        ActKind::Order,
        Status::Repealed {
            by: None,
            on: date(2014, 3, 21),
            estimated: false,
        },
        vec![unit(
            "para_1",
            UnitKind::Paragraph,
            "1",
            "1. Тұрақты тұру рұқсаты регламенті бекітілсін.",
            (12, 13),
        )],
    );
    b.title = "Тұрақты тұруға рұқсаттар беру регламентін бекіту туралы".into();
    b.issuances[0].issuer_code = "mvd".into();
    b.issuances[0].date = date(2012, 6, 14);
    b.issuances[0].number = Some("352".into());
    vec![a, b]
}

fn index() -> (tempfile::TempDir, ZanIndex) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("index");
    build_from_acts(&path, &corpus()).unwrap();
    let idx = ZanIndex::open(&path).unwrap();
    (dir, idx)
}

fn ids(idx: &ZanIndex, q: &str) -> Vec<String> {
    idx.search(&SearchRequest::new(q).limit(50))
        .unwrap()
        .hits
        .into_iter()
        .map(|h| format!("{}#{}", h.act.id, h.unit.eid))
        .collect()
}

#[test]
fn words_phrases_and_filters() {
    let (_d, idx) = index();
    assert_eq!(
        idx.unit_count().unwrap(),
        7,
        "5+1 current units, 1 older edition"
    );
    let mut hits = ids(&idx, "\"тұрақты тұру\"");
    hits.sort();
    assert_eq!(
        hits,
        vec![
            "mfa-order-2018-01-04-11-1-4-1#att_1__para_3__subpara_2".to_string(),
            "mvd-order-2012-06-14-352#para_1".to_string(),
        ]
    );
    assert_eq!(hits.len(), 2);
    assert!(ids(&idx, "status:repealed")
        .iter()
        .all(|h| h.starts_with("mvd-")));
    assert_eq!(ids(&idx, "status:repealed").len(), 1);
    assert_eq!(ids(&idx, "act:mfa-order-2018-01-04-11-1-4-1").len(), 5);
    assert_eq!(ids(&idx, "тұру -виза").len(), 2);
    assert_eq!(
        ids(&idx, "тұру AND виза"),
        vec!["mfa-order-2018-01-04-11-1-4-1#att_1__para_4"]
    );
    assert_eq!(
        ids(&idx, "date:<2015-01-01"),
        vec!["mvd-order-2012-06-14-352#para_1"]
    );
    assert_eq!(ids(&idx, "date:2018-01-01..2018-12-31").len(), 5);
    assert_eq!(ids(&idx, "kind:order").len(), 6);
    assert!(ids(&idx, "kind:law").is_empty());
    // No unit has both words: units with either are shown, flagged as relaxed.
    let r = idx
        .search(&SearchRequest::new("бекітілсін ұзартылады"))
        .unwrap();
    assert!(r.relaxed);
    assert_eq!(r.hits.len(), 3);
}

#[test]
fn hits_carry_citation_snippet_source_and_amendments() {
    let (_d, idx) = index();
    let r = idx
        .search(&SearchRequest::new("\"тұрақты тұру\" үшін"))
        .unwrap();
    assert_eq!(r.hits.len(), 1);
    let h = &r.hits[0];
    assert_eq!(h.rank, 1);
    assert_eq!(
        h.citation,
        "ҚР Сыртқы істер министрінің 04.01.2018 № 11-1-4/1 бұйрығы · Қағидалар · 3-тармақ 2) тармақша"
    );
    assert_eq!(h.unit.label, "3-тармақ 2) тармақша");
    assert_eq!(
        h.snippet.marked("[", "]"),
        "2) [тұрақты тұру] [үшін] өтініш беріледі;"
    );
    assert_eq!(
        (
            h.source.file.as_str(),
            h.source.line_start,
            h.source.line_end
        ),
        ("corpus/003.txt", 22, 23)
    );
    assert_eq!(h.act.status, "in_force");
    assert_eq!(h.version.id, "current");
    let js = serde_json::to_value(&r).unwrap();
    for key in ["query", "total", "took_ms", "hits"] {
        assert!(js.get(key).is_some(), "{key}");
    }
    // Each hit serializes with the fields of the JSON contract.
    let hit = serde_json::to_value(&r.hits[0]).unwrap();
    for key in [
        "rank",
        "score",
        "act",
        "unit",
        "citation",
        "text",
        "snippet",
        "source",
        "version",
        "amendments",
    ] {
        assert!(hit.get(key).is_some(), "{key}");
    }
    assert_eq!(
        r.hits[0].snippet.highlights[0],
        [3, 3 + "тұрақты тұру".len()]
    );
    let r = idx.search(&SearchRequest::new("ұзартылады")).unwrap();
    assert_eq!(r.hits[0].amendments.len(), 1);
    assert_eq!(
        r.hits[0].amendments[0].by.number.as_deref(),
        Some("11-1-4/240")
    );
}

#[test]
fn as_of_returns_the_wording_valid_on_that_date() {
    let (_d, idx) = index();
    // Today: only the current wording.
    let now = idx.search(&SearchRequest::new("виза")).unwrap();
    assert_eq!(now.hits.len(), 1);
    assert!(now.hits[0].text.contains("ұзартылады"));
    // 2019: the older edition, from its own file.
    let then = idx
        .search(&SearchRequest::new("виза").as_of(NaiveDate::from_ymd_opt(2019, 1, 1).unwrap()))
        .unwrap();
    assert_eq!(then.hits.len(), 1);
    assert!(then.hits[0].text.contains("ұзартылмайды"));
    assert_eq!(then.hits[0].source.file, "corpus/003_old.txt");
    assert_eq!(then.hits[0].version.to, date(2022, 6, 10));
    // The repealed act is not valid after its repeal.
    let r = idx
        .search(
            &SearchRequest::new("регламенті").as_of(NaiveDate::from_ymd_opt(2020, 1, 1).unwrap()),
        )
        .unwrap();
    assert!(r.hits.is_empty());
    let r = idx
        .search(
            &SearchRequest::new("регламенті").as_of(NaiveDate::from_ymd_opt(2013, 1, 1).unwrap()),
        )
        .unwrap();
    assert_eq!(r.hits.len(), 1);
}

#[test]
fn acts_and_units_come_back_from_the_index() {
    let (_d, idx) = index();
    let acts = idx.acts().unwrap();
    assert_eq!(acts, corpus().into_iter().collect::<Vec<_>>());
    let v = idx
        .unit("mfa-order-2018-01-04-11-1-4-1", "att_1__para_3")
        .unwrap();
    assert_eq!(
        v.citation,
        "ҚР Сыртқы істер министрінің 04.01.2018 № 11-1-4/1 бұйрығы · Қағидалар · 3-тармақ"
    );
    assert_eq!(v.unit.children.len(), 1);
    assert!(matches!(
        idx.unit("mfa-order-2018-01-04-11-1-4-1", "para_9"),
        Err(crate::Error::UnknownUnit { .. })
    ));
    assert!(matches!(
        idx.act("nope"),
        Err(crate::Error::UnknownAct { .. })
    ));
    assert!(matches!(
        idx.search(&SearchRequest::new("x").act("nope")),
        Err(crate::Error::UnknownAct { .. })
    ));
}

#[test]
fn bad_queries_are_query_errors() {
    let (_d, idx) = index();
    for q in ["\"тұрақты", "(виза", "-", "…", &"виза ".repeat(3000)] {
        match idx.search(&SearchRequest::new(q)) {
            Err(crate::Error::Query { reason, .. }) => assert!(!reason.is_empty()),
            other => panic!("{q:?}: {other:?}"),
        }
    }
}

/// The score of every hit of `q`, by `act#eid`.
fn scores(idx: &ZanIndex, q: &str) -> std::collections::BTreeMap<String, f32> {
    idx.search(&SearchRequest::new(q).limit(50))
        .unwrap()
        .hits
        .into_iter()
        .map(|h| (format!("{}#{}", h.act.id, h.unit.eid), h.score))
        .collect()
}

#[test]
fn act_titles_raise_matching_units_and_match_nothing_alone() {
    let (_d, with_title) = index();
    // The same acts, but the repealed order's title without `тұруға` and with `Астана`.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("index");
    let mut acts = corpus();
    acts[1].title = "Астана қаласында рұқсаттар беру регламентін бекіту туралы".into();
    build_from_acts(&path, &acts).unwrap();
    let without = ZanIndex::open(&path).unwrap();

    let a = scores(&with_title, "тұру");
    let b = scores(&without, "тұру");
    assert_eq!(
        a.keys().collect::<Vec<_>>(),
        b.keys().collect::<Vec<_>>(),
        "a title never adds or removes a hit"
    );
    let boosted = "mvd-order-2012-06-14-352#para_1";
    assert!(
        a[boosted] > b[boosted] + 0.1,
        "`тұруға` in its act's title raises the unit: {} vs {}",
        a[boosted],
        b[boosted]
    );
    for (id, s) in &a {
        if id != boosted {
            assert_eq!(*s, b[id], "{id}: its own act's title does not match");
        }
    }
    // A word found only in a title finds no unit.
    assert!(ids(&without, "астана").is_empty());
    // Both words are required: the title word does not satisfy `астана`, so the search falls
    // back to any word (relaxed) and finds the `тұру` units.
    let r = without.search(&SearchRequest::new("астана тұру")).unwrap();
    assert!(r.relaxed);
    assert_eq!(r.hits.len(), b.len());
}
