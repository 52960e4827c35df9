//! Citations in official form, one act once, amending acts by name and number.
//!
//! The table below was written from each act's requisites (the `requisite`, `form` and
//! `approved_by` of its meta.yaml or front matter, else the issuance sentence of its header),
//! before the code was made to produce it: every act of `tests/fixtures` (the mirror sample,
//! the editions of `versions/`, the amendment and PDF fixtures) and of the bundled `corpus/`,
//! in Kazakh and in Russian. Where an act has a text in the language, that text's citation is
//! checked; an act with a Kazakh text only is cited in Russian from the same requisites.

use crate::ingest::{corpus_listing, ingest_corpus, IngestReport, Walk};
use crate::{Act, ActKind, Lang};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `(corpus folder, act id, Kazakh citation, Russian citation)`.
const TABLE: &[(&str, &str, &str, &str)] = &[
    // meta.yaml: `Конституционный закон Республики Казахстан от 18 декабря 1995 года № 2688`,
    // `approved_by: ['101000000000']`: the President's in 1995, cited without an issuer as
    // every law is, and never as Parliament's.
    (
        "tests/fixtures/mirror",
        "constitutional-law-1995-12-18-2688",
        "ҚР 18.12.1995 № 2688 Конституциялық Заңы",
        "Конституционный закон РК от 18.12.1995 № 2688",
    ),
    // `Решение маслихата Алматинской области от 27 марта 2015 года № 43-249`; the Kazakh
    // text adopts it as `Алматы облыстық мәслихаты ШЕШIМ ҚАБЫЛДАДЫ`.
    (
        "tests/fixtures/mirror",
        "maslikhat-decision-2015-03-27-43-249",
        "Алматы облыстық мәслихатының 27.03.2015 № 43-249 шешімі",
        "Решение маслихата Алматинской области от 27.03.2015 № 43-249",
    ),
    // The short requisite `Решение №45-264 от 20.05.2015, Маслихат Алматинской области`.
    (
        "tests/fixtures/mirror",
        "maslikhat-decision-2015-05-20-45-264",
        "Алматы облыстық мәслихатының 20.05.2015 № 45-264 шешімі",
        "Решение маслихата Алматинской области от 20.05.2015 № 45-264",
    ),
    (
        "tests/fixtures/mirror",
        "maslikhat-decision-2020-12-15-64-340",
        "Алматы облыстық мәслихатының 15.12.2020 № 64-340 шешімі",
        "Решение маслихата Алматинской области от 15.12.2020 № 64-340",
    ),
    // `Приказ Руководителя Администрации Президента Республики Казахстан от 15 мая 2017 года
    // № 17-01-38.27`: the Head of the Administration's, not the President's; the Kazakh stamp
    // of 143531 prints `Қазақстан Республикасы Президенті Әкімшілігі Басшысының`.
    (
        "tests/fixtures/mirror",
        "president-administration-order-2017-05-15-17-01-38-27",
        "ҚР Президенті Әкімшілігі Басшысының 15.05.2017 № 17-01-38.27 бұйрығы",
        "Приказ Руководителя Администрации Президента РК от 15.05.2017 № 17-01-38.27",
    ),
    (
        "tests/fixtures/mirror",
        "president-administration-order-2020-05-22-20-01-38-20",
        "ҚР Президенті Әкімшілігі Басшысының 22.05.2020 № 20-01-38.20 бұйрығы",
        "Приказ Руководителя Администрации Президента РК от 22.05.2020 № 20-01-38.20",
    ),
    // `Приказ Начальника Канцелярии Президента Республики Казахстан от 7 октября 2019 года
    // № 19-42-3.3.17` (`approved_by` names the Administration; the requisite, its Office);
    // the amending order's Kazakh title: `Қазақстан Республикасы Президенті Кеңсесі
    // бастығының 2019 жылғы 7 қазандағы № 19-42-3.3.17 бұйрығына`.
    (
        "tests/fixtures/mirror",
        "president-office-order-2019-10-07-19-42-3-3-17",
        "ҚР Президенті Кеңсесі бастығының 07.10.2019 № 19-42-3.3.17 бұйрығы",
        "Приказ Начальника Канцелярии Президента РК от 07.10.2019 № 19-42-3.3.17",
    ),
    // The Kazakh front matter: `Қазақстан Республикасының 1995 жылғы 18 желтоқсандағы N 2688
    // Конституциялық заңы`, `approved_by: ['101000000000']`.
    (
        "tests/fixtures/versions/codes_104316_government",
        "constitutional-law-1995-12-18-2688",
        "ҚР 18.12.1995 № 2688 Конституциялық Заңы",
        "Конституционный закон РК от 18.12.1995 № 2688",
    ),
    // meta@2765827d.yaml: `Решение маслихата города Нур-Султана от 23 августа 2019 года
    // № 418/54-VI`; the Kazakh text: `Нұр-Сұлтан қаласының мәслихаты ШЕШІМ ҚАБЫЛДАДЫ`.
    (
        "tests/fixtures/versions/local-astana_134470",
        "maslikhat-decision-2019-08-23-418-54-vi",
        "Нұр-Сұлтан қаласы мәслихатының 23.08.2019 № 418/54-VI шешімі",
        "Решение маслихата города Нур-Султана от 23.08.2019 № 418/54-VI",
    ),
    // No metadata: the appendices' stamps `Қазақстан Республикасы Президенті Кеңсесі
    // бастығының 2019 жылғы 7 қазандағы № 19-42-3.3.17 бұйрығына`.
    (
        "tests/fixtures/versions/ministerial_135478",
        "president-office-order-2019-10-07-19-42-3-3-17",
        "ҚР Президенті Кеңсесі бастығының 07.10.2019 № 19-42-3.3.17 бұйрығы",
        "Приказ Начальника Канцелярии Президента РК от 07.10.2019 № 19-42-3.3.17",
    ),
    // A FAQ: no form, no date, no number: its title.
    (
        "corpus",
        "faq-qandastardyn-atynan-zhii-qoiylatyn-suraqtar-boiynsha",
        "Қандастардың атынан жиі қойылатын сұрақтар бойынша",
        "Қандастардың атынан жиі қойылатын сұрақтар бойынша",
    ),
    // `Қазақстан Республикасы Үкіметінің 2022 жылғы 10 қазандағы № 807 қаулысы`.
    (
        "corpus",
        "government-resolution-2022-10-10-807",
        "ҚР Үкіметінің 10.10.2022 № 807 қаулысы",
        "Постановление Правительства РК от 10.10.2022 № 807",
    ),
    // `Қазақстан Республикасы Сыртқы істер министрінің 2020 жылғы 1 қыркүйектегі № 11-1-4/245
    // және Қазақстан Республикасы Ішкі істер министрінің 2020 жылғы 1 қыркүйектегі № 611
    // бірлескен бұйрығы`.
    (
        "corpus",
        "mfa-mvd-joint-order-2020-09-01-11-1-4-245-611",
        "ҚР Сыртқы істер министрінің 01.09.2020 № 11-1-4/245 және ҚР Ішкі істер министрінің 01.09.2020 № 611 бірлескен бұйрығы",
        "Совместный приказ Министра иностранных дел РК от 01.09.2020 № 11-1-4/245 и Министра внутренних дел РК от 01.09.2020 № 611",
    ),
    // `Қазақстан Республикасы Сыртқы істер министрінің 2018 жылғы 4 қаңтардағы № 11-1-4/1
    // бұйрығы`.
    (
        "corpus",
        "mfa-order-2018-01-04-11-1-4-1",
        "ҚР Сыртқы істер министрінің 04.01.2018 № 11-1-4/1 бұйрығы",
        "Приказ Министра иностранных дел РК от 04.01.2018 № 11-1-4/1",
    ),
    // `Қазақстан Республикасы Ішкі істер министрінің 2012 жылғы 14 маусымдағы № 352 Бұйрығы`.
    (
        "corpus",
        "mvd-order-2012-06-14-352",
        "ҚР Ішкі істер министрінің 14.06.2012 № 352 бұйрығы",
        "Приказ Министра внутренних дел РК от 14.06.2012 № 352",
    ),
    (
        "tests/fixtures/amend/apply",
        "mfa-order-2019-03-01-11-1-4-99",
        "ҚР Сыртқы істер министрінің 01.03.2019 № 11-1-4/99 бұйрығы",
        "Приказ Министра иностранных дел РК от 01.03.2019 № 11-1-4/99",
    ),
    (
        "tests/fixtures/amend/apply",
        "mfa-order-2020-04-02-11-1-4-150",
        "ҚР Сыртқы істер министрінің 02.04.2020 № 11-1-4/150 бұйрығы",
        "Приказ Министра иностранных дел РК от 02.04.2020 № 11-1-4/150",
    ),
    (
        "tests/fixtures/amend/consolidated",
        "mfa-order-2019-03-01-11-1-4-99",
        "ҚР Сыртқы істер министрінің 01.03.2019 № 11-1-4/99 бұйрығы",
        "Приказ Министра иностранных дел РК от 01.03.2019 № 11-1-4/99",
    ),
    (
        "tests/fixtures/amend/consolidated",
        "mfa-order-2020-04-02-11-1-4-150",
        "ҚР Сыртқы істер министрінің 02.04.2020 № 11-1-4/150 бұйрығы",
        "Приказ Министра иностранных дел РК от 02.04.2020 № 11-1-4/150",
    ),
    // An extract of the Government law with no requisites at all: its title, nothing made up.
    (
        "tests/fixtures/amend/notes",
        "constitutional-law-qazaqstan-respublikasynyn-ukimeti-turaly",
        "Қазақстан Республикасының Үкіметі туралы",
        "Қазақстан Республикасының Үкіметі туралы",
    ),
    (
        "tests/fixtures/pdf",
        "government-resolution-2022-10-10-807",
        "ҚР Үкіметінің 10.10.2022 № 807 қаулысы",
        "Постановление Правительства РК от 10.10.2022 № 807",
    ),
    (
        "tests/fixtures/pdf",
        "mfa-order-2018-01-04-11-1-4-1",
        "ҚР Сыртқы істер министрінің 04.01.2018 № 11-1-4/1 бұйрығы",
        "Приказ Министра иностранных дел РК от 04.01.2018 № 11-1-4/1",
    ),
];

/// The expression of act `id` in `lang` when the corpus has one, else its other one.
fn expression<'a>(acts: &'a [Act], id: &str, lang: Lang) -> &'a Act {
    acts.iter()
        .find(|a| a.id == id && a.lang == lang)
        .or_else(|| acts.iter().find(|a| a.id == id))
        .unwrap_or_else(|| panic!("{id} is an act of the corpus"))
}

#[test]
fn every_fixture_act_is_cited_in_official_form_in_both_languages() {
    let dirs: BTreeSet<&str> = TABLE.iter().map(|r| r.0).collect();
    for dir in dirs {
        let report = ingest_corpus(&root().join(dir));
        let ids: BTreeSet<&str> = report.acts.iter().map(|a| a.id.as_str()).collect();
        let listed: BTreeSet<&str> = TABLE.iter().filter(|r| r.0 == dir).map(|r| r.1).collect();
        assert_eq!(ids, listed, "{dir}: every act is in the table");
        for (_, id, kk, ru) in TABLE.iter().filter(|r| r.0 == dir) {
            let k = expression(&report.acts, id, Lang::Kk);
            assert_eq!(k.short_name_in(Lang::Kk), *kk, "{dir} {id} kk");
            let r = expression(&report.acts, id, Lang::Ru);
            assert_eq!(r.short_name_in(Lang::Ru), *ru, "{dir} {id} ru");
            // Each expression's own citation is in its own language.
            for a in report.acts.iter().filter(|a| a.id == *id) {
                let own = if a.lang == Lang::Kk { kk } else { ru };
                assert_eq!(a.short_name(), *own, "{dir} {id} {}", a.lang);
            }
        }
    }
}

/// The database's codes of the fixtures are all in the table, each with its words.
#[test]
fn the_fixtures_codes_are_in_the_table() {
    use crate::model::citation::codes::{form_of_code, issuer_of_db_code};
    for (code, slug) in [
        ("101000000000", "president"),
        ("101001000000", "president-administration"),
        ("150000000002", "maslikhat"),
        ("154000000002", "maslikhat"),
    ] {
        assert_eq!(
            issuer_of_db_code(code).map(|i| i.slug),
            Some(slug),
            "{code}"
        );
    }
    for (code, kind) in [
        ("КЗАК", ActKind::ConstitutionalLaw),
        ("ЗАК", ActKind::Law),
        ("КОД", ActKind::Code),
        ("УКАЗ", ActKind::Decree),
        ("ПОСТ", ActKind::Resolution),
        ("ПРИК", ActKind::Order),
        ("РЕШ", ActKind::Decision),
        ("РАСП", ActKind::Disposition),
    ] {
        assert_eq!(form_of_code(code).map(|f| f.kind), Some(kind), "{code}");
    }
}

/// An edition in the old layout that opens with a bare table of contents (no `## Мазмұны`,
/// one wrapped entry printed as `## органдарының өкiлеттiгi`) takes its `# ` title and joins
/// its act: no contents line is a title, no second act.
#[test]
fn an_edition_opening_with_a_bare_table_of_contents_is_one_more_edition() {
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = dir.path().join("corpus");
    let gov = root().join("tests/fixtures/versions/codes_104316_government");
    crate::test_support::copy_dir(&gov, &corpus.join("gov"));
    let text = std::fs::read_to_string(gov.join("kaz@0c5d4a0f_v2023-04-19.md")).expect("edition");
    let bare = text
        .replacen("/19.04.2023", "/01.06.2023", 1)
        .replacen("## Мазмұны\n\n", "", 1)
        .replacen(
            "16-бап. Жергiлiктi атқарушы органдармен қарым-қатынасы",
            "16-бап. Жергiлiктi атқарушы\n## органдарының өкiлеттiгi",
            1,
        );
    assert_ne!(bare, text);
    std::fs::write(corpus.join("gov/kaz@bare_v2023-06-01.md"), &bare).expect("write");
    let report = ingest_corpus(&corpus);
    assert!(report.failures.is_empty(), "{:?}", report.failures);
    let ids: BTreeSet<&str> = report.acts.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, BTreeSet::from(["constitutional-law-1995-12-18-2688"]));
    let act = &report.acts[0];
    assert_eq!(act.title, "Қазақстан Республикасының Үкіметі туралы");
    assert!(
        act.versions
            .iter()
            .any(|v| v.source.file.ends_with("kaz@bare_v2023-06-01.md")),
        "{:?}",
        act.versions
            .iter()
            .map(|v| &v.source.file)
            .collect::<Vec<_>>()
    );
    // The bare edition's own units are those of the edition it was made from.
    let doc = crate::extract::extract_file(&corpus.join("gov/kaz@bare_v2023-06-01.md"), dir.path())
        .expect("extract");
    let built = crate::structure::build_act(&doc).expect("build");
    assert_eq!(built.title, "Қазақстан Республикасының Үкіметі туралы");
    assert_eq!(built.all_units().len(), 150);
}

/// The parts of a text the mirror split (`kaz.md` lists them, `kaz/sec001.md` holds the text)
/// are read with their head as one act, never as acts of their own with no requisites.
#[test]
fn parts_of_a_split_text_are_read_with_their_head() {
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = dir.path().join("corpus");
    let act = corpus.join("codes/144260");
    std::fs::create_dir_all(act.join("kaz")).expect("folder");
    std::fs::write(
        act.join("meta.yaml"),
        "act_code: '144260'\nrequisite: Кодекс Республики Казахстан от 29 июня 2020 года № 350-VI ЗРК\nform: КОД\napproved_by:\n- '102000000000'\n",
    )
    .expect("write");
    std::fs::write(
        act.join("kaz.md"),
        "# ҚАЗАҚСТАН РЕСПУБЛИКАСЫНЫҢ ӘКІМШІЛІК РӘСІМДІК-ПРОЦЕСТІК КОДЕКСІ\n\n## Части документа\n\n| [`sec001`](kaz/sec001.md) | 1-БӨЛІМ. ЖАЛПЫ ЕРЕЖЕЛЕР |\n",
    )
    .expect("write");
    std::fs::write(
        act.join("kaz/sec001.md"),
        "↑ [Редакцияның толық мәтіні](../kaz.md)\n\n## 1-БӨЛІМ. ЖАЛПЫ ЕРЕЖЕЛЕР\n\n#### 1-бап. Заңнама\n\n1. Мәтін.\n",
    )
    .expect("write");
    let listing = corpus_listing(&corpus, Walk::default()).expect("listing");
    assert_eq!(listing.files, vec![act.join("kaz.md")]);
    assert!(listing.skipped.is_empty(), "{:?}", listing.skipped);
    assert!(listing
        .parts
        .contains_key(act.join("kaz/sec001.md").as_os_str()));
    let report: IngestReport = ingest_corpus(&corpus);
    let ids: Vec<&str> = report.acts.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["code-2020-06-29-350-vi"]);
    assert_eq!(
        report.acts[0].short_name_in(Lang::Ru),
        "Кодекс РК от 29.06.2020 № 350-VI"
    );
    assert_eq!(
        report.acts[0].short_name_in(Lang::Kk),
        "ҚР 29.06.2020 № 350-VI Кодексі"
    );
    let eids: Vec<&str> = report.acts[0]
        .all_units()
        .iter()
        .map(|u| u.eid.as_str())
        .collect();
    assert_eq!(eids, ["sec_1", "art_1", "art_1__para_1"]);
}

/// The amending acts of the events of `dir`'s act `id` in `lang`: (official form, key).
fn amending(dir: &Path, id: &str, lang: Lang) -> Vec<(String, Option<String>)> {
    let report = ingest_corpus(dir);
    let act = report
        .acts
        .iter()
        .find(|a| a.id == id && a.lang == lang)
        .expect("the act's text in the language");
    crate::history(act, None)
        .expect("history")
        .into_iter()
        .map(|e| (e.amending_act, e.amending_act_key))
        .collect()
}

/// History events name the amending act in the reader's language, by kind, date and number;
/// the Kazakh and the Russian notes' citations of one act are one act (`379-I` and `379`,
/// `156-VІI` with a Cyrillic `І`).
#[test]
fn amending_acts_by_name_and_number_in_both_languages() {
    let versions = root().join("tests/fixtures/versions/codes_104316_government");
    let mirror = root().join("tests/fixtures/mirror");
    let id = "constitutional-law-1995-12-18-2688";
    let kk = amending(&versions, id, Lang::Kk);
    let ru = amending(&mirror, id, Lang::Ru);
    let kk_names: BTreeSet<&str> = kk.iter().map(|(n, _)| n.as_str()).collect();
    let ru_names: BTreeSet<&str> = ru.iter().map(|(n, _)| n.as_str()).collect();
    for want in [
        "ҚР 19.04.2023 № 222-VII Конституциялық Заңы",
        "ҚР 05.11.2022 № 156-VII Конституциялық Заңы",
        "ҚР 06.05.1999 № 379-I Конституциялық Заңы",
    ] {
        assert!(kk_names.contains(want), "{want} in {kk_names:?}");
    }
    for want in [
        "Конституционный закон РК от 05.11.2022 № 156-VII",
        "Конституционный закон РК от 06.05.1999 № 379",
    ] {
        assert!(ru_names.contains(want), "{want} in {ru_names:?}");
    }
    // No event is named by its kind code or left in the other language.
    assert!(
        kk_names
            .iter()
            .all(|n| !n.contains("(") && !n.contains(" от ")),
        "{kk_names:?}"
    );
    assert!(ru_names.iter().all(|n| !n.contains("ҚР")), "{ru_names:?}");
    // One act whatever the language of the note.
    let keys = |v: &[(String, Option<String>)]| -> BTreeSet<String> {
        v.iter().filter_map(|(_, k)| k.clone()).collect()
    };
    let (kk_keys, ru_keys) = (keys(&kk), keys(&ru));
    for key in [
        "1999-05-06/379",
        "2022-11-05/156",
        "2017-06-15/75",
        "2007-06-19/267",
    ] {
        assert!(kk_keys.contains(key), "{key} in {kk_keys:?}");
        assert!(ru_keys.contains(key), "{key} in {ru_keys:?}");
    }
}
