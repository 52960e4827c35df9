//! Succession: an act repealed and replaced by a new act on the same subject links both ways,
//! its history continues into the act it replaced, and a date before the new act reads the
//! old one (`ZanIndex::succession`, `show`, `history`, `search --as-of`).
//!
//! The real pair: the Almaty oblast maslikhat decision of 27.03.2015 № 43-249 (code 89455,
//! the mirror sample's folder in `tests/fixtures/mirror`), whose requisite reads `Утратило
//! силу решением маслихата Алматинской области от 31 июля 2019 года № 51-257`, and that
//! decision of 31.07.2019 № 51-257 (code 134034, `tests/fixtures/predecessors`, copied from
//! `kazakhstan-law/local-almaty-oblast`), which approves rules under the same title and says
//! `2. Признать утратившим силу решение маслихата Алматинской области от 27 марта 2015 года
//! № 43-249 «Об утверждении Правил …»` (Kazakh `… шешімінің күші жойылды деп танылсын`).

use super::common::{copy_dir, zanlex_with};
use chrono::NaiveDate;
use serde_json::Value;
use std::path::PathBuf;
use zanlex::{ActLink, BuildOptions, Lang, SearchRequest, ZanIndex};

const OLD: &str = "maslikhat-decision-2015-03-27-43-249";
const NEW: &str = "maslikhat-decision-2019-07-31-51-257";
const DIR: &str =
    "local-almaty-oblast/08-local-decisions/154-almatinskoi-oblasti/15400000-almatinskoi-oblasti";
const OLD_DIR: &str =
    "2015/0327-ob-utverzhdenii-pravil-soderzhaniia-i-vygula-sobak-i-koshek-otlo-89455";
const NEW_DIR: &str =
    "2019/0731-ob-utverzhdenii-pravil-soderzhaniia-i-vygula-sobak-i-koshek-otlo-134034";

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
}

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// A corpus of the new decision, and of the old one when `with_old`, in a temporary folder:
/// (the folder, the corpus, the index built).
fn corpus(with_old: bool) -> (tempfile::TempDir, PathBuf, ZanIndex) {
    let tmp = tempfile::tempdir().expect("temp dir");
    let corpus = tmp.path().join("corpus");
    copy_dir(
        &fixtures().join("predecessors").join(DIR).join(NEW_DIR),
        &corpus.join(DIR).join(NEW_DIR),
    );
    if with_old {
        copy_dir(
            &fixtures().join("mirror").join(DIR).join(OLD_DIR),
            &corpus.join(DIR).join(OLD_DIR),
        );
    }
    let (index, _) =
        ZanIndex::open_or_build(&corpus, tmp.path().join("index"), &BuildOptions::default())
            .expect("build");
    (tmp, corpus, index)
}

#[test]
fn a_replaced_act_and_its_successor_link_both_ways() {
    let (_tmp, _, index) = corpus(true);
    let new = index.succession(NEW).expect("succession");
    assert_eq!(
        new.replaces,
        Some(ActLink {
            id: Some(OLD.into()),
            requisite: "Алматы облыстық мәслихатының 27.03.2015 № 43-249 шешімі".into(),
            date: Some(d("2015-03-27")),
            number: Some("43-249".into()),
            evidence: "requisite".into(),
        })
    );
    // The new decision was repealed in its turn (by the decision of 15.11.2022 № 29-133),
    // by an act the corpus does not hold: nothing says that act replaced it.
    assert_eq!(new.replaced_by, None);
    let old = index.succession(OLD).expect("succession");
    assert_eq!(old.replaces, None);
    assert_eq!(
        old.replaced_by,
        Some(ActLink {
            id: Some(NEW.into()),
            requisite: "решением маслихата Алматинской области от 31 июля 2019 года № 51-257"
                .into(),
            date: Some(d("2019-07-31")),
            number: Some("51-257".into()),
            evidence: "requisite".into(),
        })
    );
    // The typed answers carry them, and `show` says them in words.
    let outline = index
        .act_outline(OLD, Some(Lang::Ru), false)
        .expect("outline");
    assert_eq!(outline.replaced_by, old.replaced_by);
    assert_eq!(outline.replaces, None);
    let tmp = tempfile::tempdir().expect("temp dir");
    let corpus_arg = _tmp.path().join("corpus");
    let corpus_arg = corpus_arg.to_str().expect("utf-8 path");
    let (code, out, err) =
        zanlex_with(&tmp, &["show", OLD, "--lang", "ru", "--corpus", corpus_arg]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.lines().any(|l| {
            l
            == "Replaced by: maslikhat-decision-2019-07-31-51-257 (решением маслихата Алматинской \
                области от 31 июля 2019 года № 51-257)"
        }),
        "{out}"
    );
    let (code, out, err) = zanlex_with(&tmp, &["show", NEW, "--json", "--corpus", corpus_arg]);
    assert_eq!(code, 0, "{err}");
    let json: Value = serde_json::from_str(&out).expect("json");
    assert_eq!(json["replaces"]["id"], OLD);
    assert_eq!(json["replaces"]["evidence"], "requisite");
    assert!(json.get("replaced_by").is_none(), "{}", json["replaced_by"]);
}

/// Without the old decision in the corpus, the new one's repeal clause still names it, under
/// the new decision's own title: the link is reported, the act named by its requisite and
/// marked as not in the corpus.
#[test]
fn a_predecessor_not_in_the_corpus_is_named_by_the_repeal_clause() {
    let (tmp, corpus, index) = corpus(false);
    let link = ActLink {
        id: None,
        requisite: "решение маслихата Алматинской области от 27 марта 2015 года № 43-249".into(),
        date: Some(d("2015-03-27")),
        number: Some("43-249".into()),
        evidence: "repeal clause".into(),
    };
    assert_eq!(
        index.succession(NEW).expect("succession").replaces,
        Some(link)
    );
    // Before the new decision, nothing of the corpus answers: not yet adopted, no wording.
    let at = index
        .unit_as_of(NEW, "att_1__para_5", Some(Lang::Ru), Some(d("2019-07-30")))
        .expect("unit");
    assert_eq!(
        (at.state.as_str(), at.unit.is_none(), at.predecessor),
        ("not_yet_adopted", true, None)
    );
    let (code, out, err) = zanlex_with(
        &tmp,
        &[
            "history",
            NEW,
            "--corpus",
            corpus.to_str().expect("utf-8 path"),
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        out.lines().any(|l| l
            == "replaces: решение маслихата Алматинской области от 27 марта 2015 года № 43-249 \
                (not in the corpus)"),
        "{out}"
    );
}

/// A date before the new decision reads the old one, and says so; from the new decision's
/// adoption on, the new one answers and the old one is repealed.
#[test]
fn a_date_before_the_new_act_reads_the_old_one() {
    let (tmp, corpus, index) = corpus(true);
    let eid = "att_1__para_5";
    let para5 = "5. Не допускается содержать собак и кошек в местах общего пользования \
                 многоквартирных жилых домов";
    let at = |act: &str, date: &str| {
        index
            .unit_as_of(act, eid, Some(Lang::Ru), Some(d(date)))
            .expect("unit")
    };
    let edition = |a: &zanlex::UnitAt| {
        a.edition
            .as_ref()
            .map(|e| (e.id.clone(), e.from, e.to, e.from_estimated))
    };
    let before = at(NEW, "2019-07-30");
    assert_eq!(before.current.act.id, OLD);
    assert_eq!(
        before.predecessor.as_ref().and_then(|p| p.id.as_deref()),
        Some(OLD)
    );
    assert_eq!(before.state.as_str(), "in_force");
    assert!(
        before
            .unit
            .as_ref()
            .expect("wording")
            .full_text()
            .starts_with(para5),
        "{:?}",
        before.unit
    );
    assert_eq!(
        edition(&before),
        Some((
            "2015-03-27".into(),
            // Ten days after its first official publication, which follows its registration
            // (30.04.2015 № 3154): ~2015-05-10 at the earliest.
            Some(d("2015-05-10")),
            // Repealed when the decision replacing it took effect, not on its signing day.
            Some(d("2019-08-24")),
            true
        ))
    );
    // Before the old decision too, the old one answers: not yet adopted.
    let earlier = at(NEW, "2015-03-26");
    assert_eq!(
        (earlier.current.act.id.as_str(), earlier.state.as_str()),
        (OLD, "not_yet_adopted")
    );
    // On the new decision's adoption day it is not yet in force (ten days after its first
    // official publication), and the old one, whose repeal takes effect with it, still is.
    let adopted = at(NEW, "2019-07-31");
    assert_eq!(
        (
            adopted.current.act.id.as_str(),
            adopted.state.as_str(),
            adopted.predecessor.is_none()
        ),
        (OLD, "in_force", false)
    );
    let on = at(NEW, "2019-08-24");
    assert_eq!(
        (
            on.current.act.id.as_str(),
            on.state.as_str(),
            on.predecessor.is_none()
        ),
        (NEW, "in_force", true)
    );
    assert_eq!(
        edition(&on),
        Some((
            "2019-07-31".into(),
            Some(d("2019-08-24")),
            Some(d("2022-11-15")),
            true
        ))
    );
    assert_eq!(at(OLD, "2019-08-23").state.as_str(), "in_force");
    assert_eq!(at(OLD, "2019-08-24").state.as_str(), "repealed");
    // `search --as-of` finds the rules in force on each side of the boundary.
    let acts = |date: &str| {
        let mut req = SearchRequest::new("бродячих собак");
        req.as_of = Some(d(date));
        req.lang = Some(Lang::Ru);
        req.limit = 50;
        let mut ids: Vec<String> = index
            .search(&req)
            .expect("search")
            .hits
            .into_iter()
            .map(|h| h.act.id)
            .collect();
        ids.sort();
        ids.dedup();
        ids
    };
    assert_eq!(acts("2019-07-31"), [OLD]);
    assert_eq!(acts("2019-08-23"), [OLD]);
    assert_eq!(acts("2019-08-24"), [NEW]);
    // `show --as-of` says where the wording comes from.
    let corpus = corpus.to_str().expect("utf-8 path");
    let target = format!("{NEW}#{eid}");
    let args = [
        "show",
        &target,
        "--as-of",
        "2019-07-30",
        "--lang",
        "ru",
        "--corpus",
        corpus,
    ];
    let (code, out, err) = zanlex_with(&tmp, &args);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.lines().any(|l| l
            == "Read from the act it replaced, maslikhat-decision-2015-03-27-43-249 (Алматы облыстық \
                мәслихатының 27.03.2015 № 43-249 шешімі): the act asked for was not yet in force \
                on 2019-07-30"),
        "{out}"
    );
    let mut json_args = args.to_vec();
    json_args.push("--json");
    let (code, out, err) = zanlex_with(&tmp, &json_args);
    assert_eq!(code, 0, "{err}");
    let json: Value = serde_json::from_str(&out).expect("json");
    assert_eq!(json["act"]["id"], OLD);
    assert_eq!(json["predecessor"]["id"], OLD);
    assert_eq!(json["state"]["kind"], "in_force");
}

/// The new decision's history goes on into the old one's: the unit's wordings in each.
#[test]
fn the_history_continues_into_the_act_replaced() {
    let (tmp, corpus, index) = corpus(true);
    let h = index
        .act_history(NEW, Some("att_1__para_5"), Some(Lang::Ru), false)
        .expect("history");
    let spans = |w: &[zanlex::EditionRef]| {
        w.iter()
            .map(|e| (e.id.clone(), e.from, e.to))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        spans(&h.wordings),
        [(
            "2019-07-31".to_string(),
            // Ten days after its first official publication, which follows its registration
            // (14.08.2019 № 5220): ~2019-08-24 at the earliest.
            Some(d("2019-08-24")),
            Some(d("2022-11-15"))
        )]
    );
    let p = h.predecessor.as_ref().expect("predecessor history");
    assert_eq!(p.act.id, OLD);
    assert_eq!(p.eid.as_deref(), Some("att_1__para_5"));
    assert_eq!(
        spans(&p.wordings),
        [(
            "2015-03-27".to_string(),
            Some(d("2015-05-10")),
            Some(d("2019-08-24"))
        )]
    );
    let (code, out, err) = zanlex_with(
        &tmp,
        &[
            "history",
            NEW,
            "att_1__para_5",
            "--lang",
            "ru",
            "--corpus",
            corpus.to_str().expect("utf-8 path"),
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains(
            "before it: the act it replaced, maslikhat-decision-2015-03-27-43-249  Об утверждении \
             Правил содержания и выгула собак и кошек, отлова и уничтожения бродячих собак и \
             кошек в Алматинской области (status: repealed)\n  wording ~2015-05-10 – 2019-08-24  \
             edition 2015-03-27"
        ),
        "{out}"
    );
}
