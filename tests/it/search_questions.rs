//! Questions in plain words (issue 39), on the bundled corpus with the official texts of
//! `tests/fixtures` (the mirror sample's acts and the versioned acts): the words that only ask
//! are left out, a unit is ranked by how much of the question it covers, the thesaurus meets
//! everyday words with the law's, verb forms meet, list items carry their lead-in, and
//! placeholders and repealed acts rank below the law in force.

use std::path::PathBuf;
use zanlex::{BuildOptions, Hit, SearchRequest, ZanIndex};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// One index over `corpus/`, `tests/fixtures/mirror` and `tests/fixtures/versions`.
pub(crate) fn index() -> &'static ZanIndex {
    static INDEX: crate::common::SharedIndex = crate::common::SharedIndex::new();
    INDEX.get(|| {
        let dir = tempfile::tempdir().expect("temp dir");
        let corpus = dir.path().join("corpus");
        crate::common::copy_dir(&root().join("corpus"), &corpus);
        crate::common::copy_dir(
            &root().join("tests/fixtures/mirror"),
            &corpus.join("mirror"),
        );
        crate::common::copy_dir(
            &root().join("tests/fixtures/versions"),
            &corpus.join("versions"),
        );
        let index =
            crate::common::build_clean(&corpus, dir.path().join("index"), &BuildOptions::default());
        (dir, index)
    })
}

fn search(q: &str, limit: usize) -> Vec<Hit> {
    index()
        .search(&SearchRequest::new(q).limit(limit))
        .unwrap_or_else(|e| panic!("{q}: {e}"))
        .hits
}

fn keys(hits: &[Hit]) -> Vec<String> {
    hits.iter()
        .map(|h| format!("{}#{}", h.act.id, h.unit.eid))
        .collect()
}

/// The rank (1-based) of `act#eid` among the hits of `q`, if in the first `limit`.
fn rank(q: &str, target: &str, limit: usize) -> Option<usize> {
    keys(&search(q, limit))
        .iter()
        .position(|k| k == target)
        .map(|i| i + 1)
}

const GOVERNMENT: &str = "constitutional-law-1995-12-18-2688";

#[test]
fn asking_words_do_not_change_the_answer() {
    for (question, statement) in [
        (
            "укимет отырысына неше министр катысуы керек",
            "укимет отырысына министр катысуы",
        ),
        (
            "кто назначает руководителя ведомства",
            "назначает руководителя ведомства",
        ),
        ("шағым беруге бола ма", "шағым беруге"),
    ] {
        assert_eq!(
            keys(&search(question, 10)),
            keys(&search(statement, 10)),
            "{question}"
        );
    }
    assert_eq!(
        rank(
            "укимет отырысына неше министр катысуы керек",
            &format!("{GOVERNMENT}#art_18__para_4"),
            1
        ),
        Some(1)
    );
}

/// A word of need in a question only asks: «азаматтык алу ушин кандай кужаттар керек» finds
/// what the same words without «кандай» and «керек» find, the FAQ's point on the documents for
/// citizenship («ҚР азаматтығын рәсімдеу үшін қажетті құжаттар», `corpus/000`) among the first
/// three; «какие документы нужны для получения визы» what «документы для получения визы» finds.
#[test]
fn a_word_of_need_in_a_question_only_asks() {
    let question = "азаматтык алу ушин кандай кужаттар керек";
    for (asked, said) in [
        (question, "азаматтык алу ушин кужаттар"),
        (
            "какие документы нужны для получения визы",
            "документы для получения визы",
        ),
    ] {
        assert_eq!(keys(&search(asked, 10)), keys(&search(said, 10)), "{asked}");
    }
    let at = rank(
        question,
        "faq-qandastardyn-atynan-zhii-qoiylatyn-suraqtar-boiynsha#sec_1.4",
        10,
    );
    assert!(at.is_some_and(|r| r <= 3), "{at:?}");
}

#[test]
fn a_word_the_answer_lacks_does_not_drop_it() {
    // art_8's subparagraph on paid work: «Үкімет мүшелерінің … ақы төленетін өзге де
    // қызметті атқаруға … құқығы жоқ». An extra word it does not have keeps it first.
    let target = format!("{GOVERNMENT}#art_8__subpara_2");
    let plain = "үкімет мүшелері ақы төленетін қызмет атқару";
    assert_eq!(rank(plain, &target, 3), Some(1), "{plain}");
    let more = "үкімет мүшелері визасы ақы төленетін қызмет атқару";
    assert!(
        rank(more, &target, 3).is_some(),
        "{:#?}",
        keys(&search(more, 10))
    );
    // With an operator, every word is required: no unit has them all, and the search says
    // so (it then shows units with some of them, as before).
    let strict = "+үкімет +мүшелері +визасы +ақы +төленетін +қызмет +атқару";
    let res = index()
        .search(&SearchRequest::new(strict).limit(10))
        .unwrap();
    assert!(res.relaxed, "{strict}");
}

#[test]
fn the_thesaurus_meets_everyday_words_with_the_laws() {
    // «мұғалім» (teacher): the Astana decision says «педагог қызметкерлері».
    let astana = "maslikhat-decision-2019-08-23-418-54-vi";
    let q = "мугалимдерге тургын уй сертификатын бере ме";
    assert!(
        rank(q, &format!("{astana}#para_1__subpara_1"), 3).is_some(),
        "{:#?}",
        keys(&search(q, 10))
    );
    // «уволить»: the Rules on attestation say «расторжение трудового договора».
    let q = "уволить после аттестации";
    let hits = search(q, 10);
    assert!(
        hits.iter().any(|h| h.text.contains("расторжени")),
        "{:#?}",
        keys(&hits)
    );
    // An alternative ranks below the word itself: «өтініш» finds units with өтініш first, and
    // those found through «арыз» (the group's other word) are highlighted there too.
    let own = search("өтініш", 5);
    assert_eq!(own.len(), 5);
    assert!(own
        .iter()
        .all(|h| h.text.to_lowercase().contains("өтініш")
            || h.text.to_lowercase().contains("өтiнiш")));
    let everyday = search("арыз", 10);
    assert!(!everyday.is_empty());
    assert!(everyday.iter().all(|h| !h.snippet.highlights.is_empty()));
}

#[test]
fn verb_forms_meet_in_questions() {
    // The conditional «келіспесе» and the text's «келіспеген жағдайда».
    let hits = search("келіспесе", 5);
    assert!(
        hits.iter()
            .any(|h| h.text.to_lowercase().contains("келіспеген")),
        "{:#?}",
        keys(&hits)
    );
    // «министр … саясатымен келіспесе»: art_5 para_1, the Government's resignation when it
    // cannot carry on the policy.
    assert_eq!(
        rank(
            "министр үкіметтің саясатымен келіспесе не болады",
            &format!("{GOVERNMENT}#art_5__para_1"),
            3
        ),
        Some(1)
    );
}

/// A question's verb in a form of speech that no text spells (`төлеймін` "I pay", `жүгінемін`
/// "I apply", `тіркелдім` "I registered") finds the verb's forms in the laws (`төлеу`,
/// `жүгінген`, `тіркелген`), highlighted; a word the texts spell keeps its own meaning.
#[test]
fn forms_of_speech_meet_the_laws_verbs() {
    for (q, verb) in [
        ("төлеймін", "төле"),
        ("жүгінемін", "жүгін"),
        ("тіркелдім", "тірке"),
    ] {
        let hits = search(q, 10);
        assert!(!hits.is_empty(), "{q}: no hit");
        for h in &hits {
            let spans: Vec<String> = h
                .snippet
                .highlights
                .iter()
                .filter_map(|&[a, b]| h.snippet.text.get(a..b))
                .map(str::to_lowercase)
                .collect();
            assert!(
                !spans.is_empty() && spans.iter().all(|w| w.starts_with(verb)),
                "{q}: {}#{} highlights {spans:?}",
                h.act.id,
                h.unit.eid
            );
        }
    }
    // «тіркелмеген» is in the texts: it is searched as itself, not as «тіркелу».
    let own = search("тіркелмеген", 10);
    assert!(!own.is_empty());
    assert!(own
        .iter()
        .all(|h| h.text.to_lowercase().contains("тіркелмеген")));
}

/// Loanwords and abbreviations of everyday speech (`data/thesaurus.tsv`) find the law's words:
/// the FAQ says зейнетақы, азаматтығы жоқ адам, тұруға ықтиярхат, шығарып жіберу (some with a
/// Latin `i` for `і`, as the source writes them).
#[test]
fn everyday_loanwords_and_abbreviations_meet_the_laws_words() {
    for (q, law) in [
        ("пенсия", "зейнетақы"),
        ("апатрид", "азаматтығы жоқ"),
        ("ВНЖ", "ықтиярхат"),
        ("депортация", "шығарып ж"),
    ] {
        let hits = search(q, 10);
        assert!(
            hits.first()
                .is_some_and(|h| h.text.to_lowercase().replace('i', "і").contains(law)),
            "{q}: {:#?}",
            keys(&hits)
        );
    }
}

/// A hyphenated compound is searched as its words: «поводыри-собаки» finds the dogs' Rules,
/// which write «собак-поводырей», the other way round.
#[test]
fn a_compound_of_words_meets_its_words_in_any_order() {
    let hits = search("поводыри-собаки", 10);
    assert!(
        hits.iter().any(|h| h.text.contains("собак-поводырей")),
        "{:#?}",
        keys(&hits)
    );
}

#[test]
fn a_list_item_carries_its_lead_in() {
    // 17-01-38.27's para_2: «В стаж по специальности засчитываются:» then the periods; the
    // military service is subparagraph 2, which does not repeat «стаж по специальности».
    let order = "president-administration-order-2017-05-15-17-01-38-27";
    let q = "засчитывается ли служба в армии в стаж по специальности";
    let r = rank(q, &format!("{order}#att_1__para_2__subpara_2"), 10);
    assert!(r.is_some(), "{:#?}", keys(&search(q, 10)));
}

#[test]
fn placeholders_and_repealed_acts_rank_below_the_law_in_force() {
    // The repealed 2012 order (corpus/004) has «тұрақты тұруға рұқсат» as often as the 2018
    // Rules (its Regulation would rank second); repealed acts come after the first units of
    // acts in force.
    let hits = search("тұрақты тұруға рұқсат", 30);
    let first_repealed = hits.iter().position(|h| h.act.status == "repealed");
    assert!(first_repealed.is_some_and(|r| r >= 5), "{:#?}", keys(&hits));
    // Deleted units are short («3. Алып тасталды - ҚР 15.06.2017 № 75-VI …»), so their
    // words would rank them first; the live unit that speaks of a deletion leads.
    let hits = search("алып тасталды", 5);
    assert_eq!(hits[0].unit.status, "live", "{:#?}", keys(&hits));
    assert!(
        hits.iter().any(|h| h.unit.status == "deleted"),
        "{:#?}",
        keys(&hits)
    );
}

#[test]
fn a_russian_query_finds_the_kazakh_clause_through_its_twin() {
    // The Almaty decision on grazing, in both languages: «радиус водопоя для верблюдов» is
    // in the Russian text of para_30; asked for Kazakh hits, the Kazakh para_30 comes, its
    // Russian twin named.
    let decision = "maslikhat-decision-2020-12-15-64-340";
    let q = "радиус водопоя для верблюдов";
    let res = index()
        .search(&SearchRequest::new(q).limit(5).lang(zanlex::Lang::Kk))
        .unwrap();
    assert!(
        res.hits.iter().all(|h| h.lang == "kk"),
        "{:#?}",
        keys(&res.hits)
    );
    let hit = res
        .hits
        .iter()
        .find(|h| h.act.id == decision && h.unit.eid == "att_1__para_30")
        .unwrap_or_else(|| panic!("{:#?}", keys(&res.hits)));
    assert_eq!(hit.twin.as_ref().map(|t| t.lang.as_str()), Some("ru"));
    // The same question asked of the Russian texts finds the Russian para_30 itself, scored
    // above its Kazakh twin.
    let ru = index()
        .search(&SearchRequest::new(q).limit(5).lang(zanlex::Lang::Ru))
        .unwrap();
    let own = ru
        .hits
        .iter()
        .find(|h| h.act.id == decision && h.unit.eid == "att_1__para_30")
        .unwrap_or_else(|| panic!("{:#?}", keys(&ru.hits)));
    assert!(own.score > hit.score);
}

#[test]
fn a_thing_described_finds_the_term_the_rules_define() {
    // The Almaty Rules on dogs and cats define «қаңғыбас иттер мен мысықтар – тіркелмеген,
    // иесін анықтау мүмкін емес …» / «бродячие собаки и кошки – незарегистрированные собаки и
    // кошки, владельца которых невозможно установить …» (att_1 para_4 subpara_6).
    // The definitions mined from the index: `src/search/questions_tests.rs`.
    // A question that never says «бродячие» reaches the units that do, the catching first.
    let rules = "maslikhat-decision-2015-03-27-43-249";
    let q = "владельца нет незарегистрированные собаки отлов";
    let hits = index()
        .search(&SearchRequest::new(q).limit(8).lang(zanlex::Lang::Ru))
        .unwrap()
        .hits;
    let stray = hits
        .iter()
        .filter(|h| h.act.id == rules && h.text.to_lowercase().contains("бродяч"))
        .count();
    assert!(stray >= 4, "{:#?}", keys(&hits));
}

/// The units of `q` (in `lang`, a page of 10): (own matches, partial ones).
fn own_and_partial(q: &str, lang: zanlex::Lang) -> (Vec<Hit>, Vec<Hit>) {
    let res = index()
        .search(&SearchRequest::new(q).limit(10).lang(lang))
        .unwrap_or_else(|e| panic!("{q}: {e}"));
    res.hits.into_iter().partition(|h| !h.partial)
}

#[test]
fn a_word_meets_the_words_derived_from_it() {
    // Four Russian units spell «ветеринар» itself (the Law «О ветеринарии»); the rules say
    // «ветеринарные процедуры», «ветеринарный специалист». The word's own units come first,
    // and the page is filled with those of its derivation, marked partial.
    let (own, derived) = own_and_partial("ветеринар", zanlex::Lang::Ru);
    assert_eq!(own.len(), 4, "{:#?}", keys(&own));
    assert_eq!(derived.len(), 6, "{:#?}", keys(&derived));
    for h in &derived {
        let text = h.text.to_lowercase();
        assert!(
            text.contains("ветеринарн") && !text.contains("ветеринари"),
            "{}#{}: {}",
            h.act.id,
            h.unit.eid,
            h.text
        );
    }
    // In Kazakh, the rules on dogs and cats say «тамақ» (food) once, and keep dogs out of
    // «қоғамдық тамақтану ұйымдары» (places to eat): asked for «тамақ», both come, the
    // derived word's unit below the word's own.
    let rules = "maslikhat-decision-2015-03-27-43-249";
    let (own, derived) = own_and_partial("тамақ", zanlex::Lang::Kk);
    assert_eq!(
        keys(&own),
        [format!("{rules}#att_1__para_7__subpara_7")],
        "{:#?}",
        keys(&derived)
    );
    assert!(
        keys(&derived).contains(&format!("{rules}#att_1__para_10__subpara_3")),
        "{:#?}",
        keys(&derived)
    );
}

#[test]
fn a_genitive_plural_with_its_fleeting_vowel_meets_the_other_forms() {
    // The rules on dogs and cats keep dogs off «детских площадок» (the genitive plural, with
    // the vowel the other forms lose) and keep them «на коротком поводке», «на коротких
    // поводках»: asked for «детские площадки» and «короткий поводок», those units match
    // every word, not some.
    let rules = "maslikhat-decision-2015-03-27-43-249";
    for (q, units) in [
        ("детские площадки", &["att_1__para_7__subpara_5"][..]),
        (
            "короткий поводок",
            &["att_1__para_8__subpara_1", "att_1__para_9"][..],
        ),
    ] {
        let (own, partial) = own_and_partial(q, zanlex::Lang::Ru);
        for eid in units {
            let key = format!("{rules}#{eid}");
            assert!(
                keys(&own).contains(&key),
                "{q}: {key} not among the full matches {:#?}; partial {:#?}",
                keys(&own),
                keys(&partial)
            );
        }
    }
}

#[test]
fn russian_typed_in_latin_letters_reads_as_russian() {
    // Without a Russian keyboard people type «выгул собак» as «vygul sobak»: asked in Russian,
    // it is read as the Cyrillic words and gets their page.
    let page = |q: &str| {
        let res = index()
            .search(&SearchRequest::new(q).limit(5).lang(zanlex::Lang::Ru))
            .unwrap_or_else(|e| panic!("{q}: {e}"));
        keys(&res.hits)
    };
    let cyrillic = page("выгул собак");
    assert!(!cyrillic.is_empty());
    assert_eq!(page("vygul sobak"), cyrillic);
}

#[test]
fn an_everyday_word_meets_the_laws_term_for_it() {
    // The FAQ on ethnic Kazakhs says «балабақша» once and «мектепке дейінгі ұйымдарда»
    // (pre-school organisations, the Law on Education's term for it) once: asked for
    // «балабақша», both come.
    let (own, partial) = own_and_partial("балабақша", zanlex::Lang::Kk);
    let faq = "faq-qandastardyn-atynan-zhii-qoiylatyn-suraqtar-boiynsha";
    let found: Vec<String> = keys(&own).into_iter().chain(keys(&partial)).collect();
    for eid in ["sec_5.3", "sec_2.2"] {
        let key = format!("{faq}#{eid}");
        assert!(found.contains(&key), "{key} not in {found:#?}");
    }
}

#[test]
fn the_doer_meets_the_act_the_law_names() {
    // People ask about the «нарушитель» (offender); the Rules on the attestation of civil
    // servants say «в случаях обнаружения нарушений настоящих Правил» (on finding breaches of
    // these Rules), and no unit of the corpus says «нарушитель». Asked for the doer, the
    // breach comes, marked partial: a derivation, not the word itself.
    let (own, derived) = own_and_partial("нарушители", zanlex::Lang::Ru);
    assert!(own.is_empty(), "{:#?}", keys(&own));
    let rules = "president-administration-order-2020-05-22-20-01-38-20";
    assert_eq!(
        keys(&derived).first(),
        Some(&format!("{rules}#att_1__para_38")),
        "{:#?}",
        keys(&derived)
    );
    assert!(
        derived
            .iter()
            .all(|h| h.text.to_lowercase().contains("нарушен")),
        "{:#?}",
        keys(&derived)
    );
}

#[test]
fn a_bare_heading_ranks_below_the_provision_that_says_its_words() {
    // The attestation Rules' chapter 4 is a heading line and nothing of its own; point 36,
    // under it, says who may appeal the commission's decision. Asked in the heading's words,
    // the point comes first and the heading after it.
    let rules = "president-administration-order-2020-05-22-20-01-38-20";
    let page = keys(&search("обжалование решений аттестационной комиссии", 5));
    assert_eq!(
        page.first(),
        Some(&format!("{rules}#att_1__para_36")),
        "{page:#?}"
    );
    assert!(page.contains(&format!("{rules}#att_1__chp_4")), "{page:#?}");
}

/// The eids of the first `n` hits of `q` asked in `lang`, and the hits.
fn page_in(q: &str, lang: zanlex::Lang, n: usize) -> Vec<Hit> {
    index()
        .search(&SearchRequest::new(q).limit(n).lang(lang))
        .unwrap_or_else(|e| panic!("{q}: {e}"))
        .hits
}

/// The words of each hit the unit does not say that its article does, with where.
fn in_article(h: &Hit) -> Vec<(String, Vec<String>)> {
    h.in_article
        .iter()
        .map(|m| (m.word.clone(), m.units.clone()))
        .collect()
}

#[test]
fn a_question_spread_over_an_article_finds_the_articles_best_unit() {
    // Article 16 of the Law on the Government, «Отношения с местными исполнительными
    // органами»: its heading says «исполнительными», its point 1 1) that the Government
    // «контролирует» the local executive bodies, its point 2 who heads the territorial
    // «единиц». No unit says all three; article 13's 2 1) says two of them («контролирует …
    // местными исполнительными органами») and ranked first. The article's best unit now
    // comes first, its point 2 next, and each says where in the article its missing word is.
    let law = "constitutional-law-1995-12-18-2688";
    let hits = page_in("исполнительными единиц контролирует", zanlex::Lang::Ru, 5);
    let got = keys(&hits);
    assert_eq!(
        got[..2],
        [
            format!("{law}#art_16__para_1__subpara_1"),
            format!("{law}#art_16__para_2")
        ],
        "{got:#?}"
    );
    assert_eq!(
        in_article(&hits[0]),
        [("единиц".to_string(), vec!["art_16__para_2".to_string()])]
    );
    assert_eq!(
        in_article(&hits[1]),
        [(
            "контролирует".to_string(),
            vec!["art_16__para_1__subpara_1".to_string()]
        )]
    );
    // In Kazakh, article 13 «Республика Парламентiмен қарым-қатынасы»: the Republic in its
    // heading, a draft law's decision «қабылданады» in its point 1, the «республикалық
    // бюджеттi» in 2 2); article 10's point 5 (on how acts are adopted) ranked first.
    let hits = page_in("республика бюджеті қабылданады", zanlex::Lang::Kk, 5);
    let got = keys(&hits);
    assert_eq!(
        got.first(),
        Some(&format!("{law}#art_13__para_1")),
        "{got:#?}"
    );
    assert_eq!(
        in_article(&hits[0]),
        [(
            "бюджеті".to_string(),
            vec!["art_13__para_2__subpara_2".to_string()]
        )]
    );
    // A unit that says every word names nothing in its article.
    let hits = page_in("заседание правительства правомочным", zanlex::Lang::Ru, 1);
    assert_eq!(keys(&hits), [format!("{law}#art_18__para_4")]);
    assert!(hits[0].in_article.is_empty(), "{:#?}", hits[0].in_article);
}

#[test]
fn a_heading_only_unit_ranks_below_a_provision_with_its_words() {
    // Article 3-1 of the Law on the Government is its heading, «Присяга члена Правительства
    // Республики Казахстан», and two points; point 1 says every word of it («Член
    // Правительства Республики Казахстан приносит … присягу …») and ranked below the bare
    // heading. It now ranks above it, on a page of two as on a page of ten.
    let law = "constitutional-law-1995-12-18-2688";
    let q = "Присяга члена Правительства Республики Казахстан";
    for n in [2, 10] {
        let got = keys(&page_in(q, zanlex::Lang::Ru, n));
        assert_eq!(
            got[..2],
            [
                format!("{law}#art_3-1__para_2"),
                format!("{law}#art_3-1__para_1")
            ],
            "{got:#?}"
        );
        if n == 10 {
            let heading = got.iter().position(|k| *k == format!("{law}#art_3-1"));
            assert_eq!(heading, Some(2), "{got:#?}");
        }
    }
    // A bare heading whose words no provision has all of stays first: chapter II's.
    let got = keys(&page_in(
        "Компетенция, акты, подотчетность и ответственность Правительства Республики",
        zanlex::Lang::Ru,
        3,
    ));
    assert_eq!(got.first(), Some(&format!("{law}#chp_2")), "{got:#?}");
}

/// An abbreviation an act defines («… Ұлттық қауіпсіздік комитеті (бұдан әрі – ҚР ҰҚК)», in
/// the visa Rules of `corpus/002`) finds the provisions of other acts that spell the name out
/// and never shorten it: the Government's regulation (`corpus/003`) and the migration
/// police's standard (`corpus/004`).
#[test]
fn an_abbreviation_an_act_defines_finds_the_name_it_stands_for() {
    let hits = search("ҰҚК", 30);
    let spelled: Vec<&Hit> = hits
        .iter()
        .filter(|h| {
            h.text.contains("Ұлттық қауіпсіздік комитет")
                && !h.text.contains("ҰҚК")
                && h.source.file.contains("corpus/00")
                && !h.source.file.contains("002_")
        })
        .collect();
    assert!(!spelled.is_empty(), "{:#?}", keys(&hits));
}

/// The common abbreviations of `data/abbreviations.tsv` find the words the law writes: АЕК
/// the fines «… айлық есептік көрсеткіш мөлшерінде» of the FAQ in `corpus/000`, ЦОН (typed
/// in Kazakh as in Russian) the «"Азаматтарға арналған үкімет" мемлекеттік корпорациясы»,
/// КРС and ІҚМ the herds of the grazing Rules («крупного рогатого скота», «ірі қара мал»).
#[test]
fn a_common_abbreviation_finds_the_name_the_law_spells_out() {
    for (q, law) in [
        ("АЕК", "айлық есептік көрсеткіш"),
        ("ЦОН", "азаматтарға арналған үкімет"),
        // The grazing Rules of the Almaty oblast maslikhat (mirror fixture) write the herds out.
        ("КРС", "крупного рогатого скота"),
        ("ІҚМ", "ірі қара мал"),
    ] {
        let hits = search(q, 10);
        assert!(
            hits.iter().any(|h| {
                let text = h.text.to_lowercase().replace('i', "і");
                text.contains(law) && !text.contains(&q.to_lowercase())
            }),
            "{q}: {:#?}",
            keys(&hits)
        );
    }
}

/// A clipped compound people type (`data/clippings.tsv`) finds the unit the law's full form
/// finds first: «нацбанк» the stazh Rules' «Национального Банка Республики Казахстан» (mirror
/// fixture), «минюст» the registration in «Министерстве юстиции», «минздрав» the visa Rules'
/// «Денсаулық сақтау министрлігі» (`corpus/002`), «соцвыплаты» the FAQ's «әлеуметтік төлем»
/// (`corpus/000`). None of the clipped words is in the texts.
#[test]
fn a_clipped_word_finds_the_unit_its_full_form_finds() {
    for (clipped, full) in [
        ("нацбанк", "национального банка"),
        ("минюст", "министерстве юстиции"),
        ("минздрав", "денсаулық сақтау министрлігі"),
        ("соцвыплаты", "әлеуметтік төлем"),
    ] {
        let first = keys(&search(full, 1));
        assert_eq!(first.len(), 1, "{full}");
        let hits = search(clipped, 10);
        assert!(
            keys(&hits).contains(&first[0]),
            "{clipped}: {} not in {:#?}",
            first[0],
            keys(&hits)
        );
        assert!(hits
            .iter()
            .all(|h| !h.text.to_lowercase().contains(clipped)));
    }
}

/// A Russian question typed in Latin letters, asked in no language, is read as Russian
/// transliterated (the index knows its words so, not as Kazakh typed in Latin), finds what
/// the question in Cyrillic finds first, and the answer says how each word was read; a
/// Kazakh one typed in Latin stays Kazakh.
#[test]
fn a_russian_question_typed_in_latin_finds_what_the_cyrillic_finds() {
    for (latin, cyrillic) in [
        ("zasedaniya pravitelstva", "заседания правительства"),
        (
            "otvetstvennost chlenov pravitelstva",
            "ответственность членов правительства",
        ),
        ("krupnogo rogatogo skota", "крупного рогатого скота"),
    ] {
        let res = index()
            .search(&SearchRequest::new(latin).limit(10))
            .unwrap_or_else(|e| panic!("{latin}: {e}"));
        let right = search(cyrillic, 10);
        assert!(!right.is_empty(), "{cyrillic}");
        assert_eq!(
            keys(&res.hits).first(),
            keys(&right).first(),
            "{latin}: {:#?}",
            keys(&res.hits)
        );
        let read: Vec<(&str, &str)> = res
            .read_as
            .iter()
            .map(|r| (r.word.as_str(), r.read.as_str()))
            .collect();
        let want: Vec<(&str, &str)> = latin.split(' ').zip(cyrillic.split(' ')).collect();
        assert_eq!(read, want, "{latin}");
        assert!(res.read_as.iter().all(|r| r.lang == zanlex::Lang::Ru));
    }
    let kk = index()
        .search(&SearchRequest::new("turaqty turu").limit(5))
        .unwrap();
    assert!(!kk.read_as.is_empty());
    assert!(
        kk.read_as.iter().all(|r| r.lang == zanlex::Lang::Kk),
        "{:?}",
        kk.read_as
    );
    assert_eq!(keys(&kk.hits), keys(&search("тұрақты тұру", 5)));
}

/// A Russian word inside a Kazakh unit (the visa Rules' bilingual form «ӨТІНІШ/ЗАЯВЛЕНИЕ»,
/// indexed in the Kazakh fields) typed in Latin letters is read as the Russian word the text
/// writes and finds what its Cyrillic spelling finds, though no Russian text of the corpus
/// holds its stem.
#[test]
fn a_russian_word_a_kazakh_text_writes_is_read_from_latin_letters() {
    for (latin, cyrillic) in [("zayavlenie", "заявление"), ("zayavleniya", "заявления")]
    {
        let res = index()
            .search(&SearchRequest::new(latin).limit(5))
            .unwrap_or_else(|e| panic!("{latin}: {e}"));
        let right = search(cyrillic, 5);
        assert!(!right.is_empty(), "{cyrillic}");
        assert_eq!(keys(&res.hits), keys(&right), "{latin}");
        assert!(
            res.hits[0].text.contains("ӨТІНІШ/ЗАЯВЛЕНИЕ"),
            "{latin}: {}",
            res.hits[0].text
        );
        let read: Vec<(&str, &str, zanlex::Lang)> = res
            .read_as
            .iter()
            .map(|r| (r.word.as_str(), r.read.as_str(), r.lang))
            .collect();
        assert_eq!(read, [(latin, cyrillic, zanlex::Lang::Ru)], "{latin}");
    }
    // A Kazakh word typed without its letters, which the Kazakh texts write as the same
    // Cyrillic, stays Kazakh.
    for kazakh in ["adam", "ata ana", "zhol"] {
        let res = index()
            .search(&SearchRequest::new(kazakh).limit(5))
            .unwrap_or_else(|e| panic!("{kazakh}: {e}"));
        assert!(
            res.read_as.iter().all(|r| r.lang == zanlex::Lang::Kk),
            "{kazakh}: {:?}",
            res.read_as
        );
    }
}

/// A Russian word the Kazakh stemmer keeps whole («заявлению»: no Kazakh ending) in a corpus
/// with no Russian text (the bundled `corpus/`): the Kazakh units write it «ЗАЯВЛЕНИЕ» and
/// «заявлении», held under the Kazakh stem «заявлен», which is its Russian stem: typed in
/// Cyrillic or in Latin letters, it finds the visa Rules' bilingual form.
#[test]
fn a_russian_word_the_kazakh_stemmer_keeps_whole_is_read_by_its_russian_stem() {
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = dir.path().join("corpus");
    crate::common::copy_dir(&root().join("corpus"), &corpus);
    let index =
        crate::common::build_clean(&corpus, dir.path().join("index"), &BuildOptions::default());
    for q in ["заявлению", "zayavleniyu"] {
        let res = index
            .search(&SearchRequest::new(q).limit(5))
            .unwrap_or_else(|e| panic!("{q}: {e}"));
        assert!(
            res.hits
                .first()
                .is_some_and(|h| h.text.contains("ӨТІНІШ/ЗАЯВЛЕНИЕ")),
            "{q}: {:#?}",
            keys(&res.hits)
        );
    }
    let res = index
        .search(&SearchRequest::new("zayavleniyu").limit(5))
        .expect("searches");
    let read: Vec<(&str, &str, zanlex::Lang)> = res
        .read_as
        .iter()
        .map(|r| (r.word.as_str(), r.read.as_str(), r.lang))
        .collect();
    assert_eq!(read, [("zayavleniyu", "заявлению", zanlex::Lang::Ru)]);
}

/// The everyday words for official bodies (`data/thesaurus.tsv`) find the law's: «елшілік»
/// the visa Rules' «ҚР шет елдердегі мекемелері» (`corpus/002`), which never say «елшілік».
#[test]
fn an_everyday_name_of_a_body_finds_the_laws_name() {
    let hits = search("елшілік", 10);
    assert!(
        hits.iter().any(|h| {
            let text = h.text.to_lowercase().replace('i', "і");
            let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
            text.contains("шет елдердегі мекеме") && !text.contains("елшіл")
        }),
        "{:#?}",
        keys(&hits)
    );
}

/// A word the index does not know is searched beside the nearest words it knows, and the
/// answer says so; the misspelt question finds what the spelled one finds first.
#[test]
fn a_misspelt_word_is_searched_beside_its_correction() {
    for (typed, spelled, word, correction) in [
        (
            "заседание правитльства",
            "заседание правительства",
            "правитльства",
            "правительства",
        ),
        ("тұруға рұқсаат", "тұруға рұқсат", "рұқсаат", "рұқсат"),
    ] {
        let res = index()
            .search(&SearchRequest::new(typed).limit(10))
            .unwrap_or_else(|e| panic!("{typed}: {e}"));
        assert_eq!(
            res.searched_also.len(),
            1,
            "{typed}: {:?}",
            res.searched_also
        );
        assert_eq!(res.searched_also[0].word, word);
        assert_eq!(
            res.searched_also[0].also.first().map(String::as_str),
            Some(correction)
        );
        let right = search(spelled, 10);
        assert_eq!(
            keys(&res.hits).first(),
            keys(&right).first(),
            "{typed}: {:#?}",
            keys(&res.hits)
        );
        // A word the index knows is not corrected.
        let known = index()
            .search(&SearchRequest::new(spelled).limit(10))
            .expect("searches");
        assert!(
            known.searched_also.is_empty(),
            "{spelled}: {:?}",
            known.searched_also
        );
    }
}

/// An English acronym is not Kazakh typed in Latin letters: «AI» does not find «ай» (a month),
/// which «ai» typed in lowercase, as Kazakh, still finds.
#[test]
fn an_english_acronym_is_not_read_as_a_kazakh_word() {
    let month = |h: &Hit| {
        h.text
            .to_lowercase()
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| w.starts_with("ай") && w.chars().count() <= 5)
    };
    let acronym = search("AI", 10);
    assert!(!acronym.iter().any(month), "{:#?}", keys(&acronym));
    let kazakh = search("ai", 10);
    assert!(kazakh.iter().any(month), "{:#?}", keys(&kazakh));
}

/// The everyday word finds the law's word for the same thing (`data/thesaurus.tsv`, its areas):
/// the Almaty oblast Rules on keeping dogs and cats say «гибели собак» and «В случае падежа»
/// where a person writes «сдохла», and «ортақ пайдаланылатын орындарында (кіреберістерде …)»
/// where a Kazakh speaker says «подъезд». The word the law itself uses still ranks its own
/// units first.
#[test]
fn an_everyday_word_of_an_area_reaches_the_laws_term() {
    let dogs = "maslikhat-decision-2015-03-27-43-249";
    let ru = |q: &str| {
        let res = index()
            .search(&SearchRequest::new(q).limit(10).lang(zanlex::Lang::Ru))
            .unwrap_or_else(|e| panic!("{q}: {e}"));
        keys(&res.hits)
    };
    let died = ru("собака сдохла что делать");
    for eid in ["att_1__para_15", "att_1__para_7__subpara_12"] {
        let key = format!("{dogs}#{eid}");
        let at = died.iter().position(|k| *k == key);
        assert!(at.is_some_and(|i| i < 3), "{key}: {died:#?}");
    }
    let stairs = index()
        .search(
            &SearchRequest::new("иттерді подъезде ұстауға бола ма")
                .limit(10)
                .lang(zanlex::Lang::Kk),
        )
        .expect("searches");
    let at = keys(&stairs.hits)
        .iter()
        .position(|k| *k == format!("{dogs}#att_1__para_5"));
    assert!(at.is_some_and(|i| i < 3), "{:#?}", keys(&stairs.hits));
    // «гибель» itself: the two units that say «гибели» come before the one that says only
    // «падежа», which the group brings.
    let own = ru("гибель собаки");
    let padezh = own
        .iter()
        .position(|k| *k == format!("{dogs}#att_1__para_15"))
        .expect("the group's other word is found");
    for eid in ["att_1__para_8__subpara_4", "att_1__para_7__subpara_12"] {
        let at = own.iter().position(|k| *k == format!("{dogs}#{eid}"));
        assert!(at.is_some_and(|i| i < padezh), "{eid}: {own:#?}");
    }
}

/// A short unit that says what it is about only through a reference is found by the words of
/// the units it refers to, below them: point 39 of the Rules on attesting civil servants reads
/// only «Повторная аттестация проводится в соответствии с пунктами 27-29 настоящих Правил», and
/// point 27 says «аттестационная комиссия изучает представленные материалы, проводит
/// собеседование».
#[test]
fn a_unit_is_found_by_the_words_of_the_units_it_refers_to() {
    let rules = "president-administration-order-2020-05-22-20-01-38-20";
    let res = index()
        .search(
            &SearchRequest::new("комиссия изучает представленные материалы")
                .limit(10)
                .lang(zanlex::Lang::Ru),
        )
        .expect("searches");
    let found = keys(&res.hits);
    let at = |eid: &str| found.iter().position(|k| *k == format!("{rules}#{eid}"));
    let referring = at("att_1__para_39").unwrap_or_else(|| panic!("{found:#?}"));
    assert_eq!(at("att_1__para_27"), Some(0), "{found:#?}");
    assert!(referring > 0);
    // Its own words («повторная аттестация») with the referenced point's («собеседование»)
    // rank it first, above point 28, which has only the one.
    let both = index()
        .search(
            &SearchRequest::new("повторная аттестация собеседование")
                .limit(3)
                .lang(zanlex::Lang::Ru),
        )
        .expect("searches");
    let own = keys(&both.hits);
    assert_eq!(
        own.first().map(String::as_str),
        Some(format!("{rules}#att_1__para_39").as_str()),
        "{own:#?}"
    );
}

#[test]
fn a_question_naming_an_acts_subject_finds_that_acts_unit_above_a_neighbour() {
    // Two acts on one subject, from `evals/corpus`: the government's Rules of paying the
    // compensation on individuals' deposits (614), whose point 13 says where the sums go
    // («Суммы компенсации (премии) зачисляются … на текущие банковские счета депозиторов»),
    // and the Law on the Victims' Compensation Fund, whose definition of the fund («контрольный
    // счет наличности») shares «компенсации» and «счет» with the question. Only the Rules'
    // title says «депозитам»: the question names their subject, and their point now covers
    // it through the title and ranks first; the law's definition ranked first before.
    let (_dir, index) = crate::common::index_of_eval_acts(&[
        "government/06-government/103-pravitelstvo/2022/0827-ob-utverzhdenii-pravil-vyplaty-kompensatsii-premii-po-depozitam-171042",
        "codes/03-laws/2018/0110-o-fonde-kompensatsii-poterpevshim-117701",
    ]);
    let hits = index
        .search(
            &SearchRequest::new("куда зачислят компенсацию по депозиту на какой счет")
                .limit(3)
                .lang(zanlex::Lang::Ru),
        )
        .expect("searches")
        .hits;
    assert_eq!(
        keys(&hits)[..2],
        [
            "government-resolution-2022-08-27-614#att_1__para_13",
            "law-2018-01-10-131-vi#art_1__subpara_2",
        ],
        "{:#?}",
        keys(&hits)
    );
}

/// A question of who heads or chairs finds the unit naming the chairman
/// (`data/question_words.tsv`): the Law on the Government says «На заседаниях Правительства
/// председательствует Премьер-Министр» / «Үкiметтiң отырыстарында Премьер-Министр төрағалық
/// етедi» (art. 18 p. 3), where a person asks «кто руководит» / «кім басқарады»; the Rules on
/// attesting civil servants list «…, председатель аттестационной комиссии» in the commission's
/// composition (annex 3), where a person asks «кто возглавляет».
#[test]
fn a_question_of_who_heads_finds_the_chairman() {
    let chairs = format!("{GOVERNMENT}#art_18__para_3");
    for q in [
        "кто руководит заседаниями правительства",
        "үкімет отырысын кім басқарады",
    ] {
        assert_eq!(
            rank(q, &chairs, 10),
            Some(1),
            "{q}: {:#?}",
            keys(&search(q, 10))
        );
    }
    let q = "кто возглавляет аттестационную комиссию";
    let composition = "president-administration-order-2020-05-22-20-01-38-20#att_1__annex_3";
    let at = rank(q, composition, 10);
    assert!(
        at.is_some_and(|r| r <= 3),
        "{at:?}: {:#?}",
        keys(&search(q, 10))
    );
}

/// A question of where the money comes from finds what the law says is paid «есебінен»: the
/// Law on the Government's «мемлекеттік бюджет есебінен қамтылатын барлық органдар» (art. 9
/// subpara 10-1, art. 19 p. 1 subpara 5) for «органдарды ұстауға қаржы қайдан алынады».
#[test]
fn a_question_of_where_the_money_comes_from_finds_the_source() {
    let q = "органдарды ұстауға қаржы қайдан алынады";
    let hits = keys(&search(q, 10));
    for eid in ["art_9__subpara_10-1", "art_19__para_1__subpara_5"] {
        let at = hits
            .iter()
            .position(|k| *k == format!("{GOVERNMENT}#{eid}"));
        assert!(at.is_some_and(|i| i < 2), "{eid}: {hits:#?}");
    }
}

/// Everyday papers sent are the law's documents presented: «какие бумаги кадровая служба
/// отправляет в комиссию» finds first point 19 of the Rules on attesting civil servants,
/// «Кадровая служба представляет собранные материалы аттестационной комиссии. К материалам
/// могут быть приложены дополнительные документы».
#[test]
fn everyday_papers_sent_are_the_laws_documents_presented() {
    let q = "какие бумаги кадровая служба отправляет в комиссию";
    let point = "president-administration-order-2020-05-22-20-01-38-20#att_1__para_19";
    assert_eq!(rank(q, point, 10), Some(1), "{:#?}", keys(&search(q, 10)));
}

/// A verb and its object typed where the law writes one compound noun: the Law on Beekeeping
/// (`evals/corpus`, beside the Law on the Responsible Treatment of Animals) says «Право на
/// занятие пчеловодством имеют физические и юридические лица» (art. 3 p. 1) and «Жеке және
/// заңды тұлғалардың бал ара шаруашылығымен айналысуға құқығы бар» (3-бап 1-т.), where a
/// person asks «разводить пчел», «держать пчел», «ара ұстайтын». The pair is also searched as
/// the compound the corpus spells («пчеловодство», «ара шаруашылығы»). Before, the point was
/// fifth, outside the first five, and fifth; art. 5 p. 1 («Физическое или юридическое лицо для
/// занятия пчеловодством формирует пасеку …») may come first: it answers too.
#[test]
fn a_verb_and_its_object_find_the_compound_the_law_writes() {
    let (_dir, index) = crate::common::index_of_eval_acts(&[
        "codes/03-laws/2002/0312-o-pchelovodstve-11564",
        "codes/03-laws/2021/1230-ob-otvetstvennom-obrashchenii-s-zhivotnymi-162833",
    ]);
    let answer = "law-2002-03-12-303#art_3__para_1";
    for (q, lang, within) in [
        ("кто имеет право разводить пчел", zanlex::Lang::Ru, 2),
        (
            "может ли юридическое лицо держать пчел",
            zanlex::Lang::Ru,
            2,
        ),
        ("ара ұстайтын жеке тұлғалар", zanlex::Lang::Kk, 3),
    ] {
        let hits = index
            .search(&SearchRequest::new(q).limit(5).lang(lang))
            .expect("searches")
            .hits;
        let got = keys(&hits);
        assert!(
            got.iter().take(within).any(|k| k == answer),
            "{q}: {got:#?}"
        );
    }
}

/// A person's verb finds the action noun the law writes ([`evals/derivations.tsv`]): «заправлять
/// машину» the Almaty oblast water Rules' «осуществление заправки топливом, мойки и ремонта
/// транспорта», «купать коня» their «купание животных в местах, предназначенных для купания»,
/// beside the pets Rules that write «купать» itself.
#[test]
fn a_verb_finds_the_action_noun_the_law_writes() {
    let (_dir, index) = crate::common::index_of_eval_acts(&[
        "local-almaty-oblast/08-local-decisions/154-almatinskoi-oblasti/15400000-almatinskoi-oblasti/2025/0924-ob-utverzhdenii-pravil-obshchego-vodopolzovaniia-v-almatinskoi-o-215956",
        "local-almaty-oblast/08-local-decisions/154-almatinskoi-oblasti/15400000-almatinskoi-oblasti/2022/1129-ob-utverzhdenii-pravil-soderzhaniia-i-vygula-domashnikh-zhivotny-174583",
        "ministerial/07-ministerial/103001000000-adilet/2025/0927-ob-utverzhdenii-razmerov-stavok-za-sovershenie-notarialnykh-deis-214799",
    ]);
    for (q, answer, within) in [
        (
            "где нельзя заправлять машину",
            "maslikhat-decision-2025-09-24-41-225#att_1__para_10__subpara_7",
            1,
        ),
        (
            "купать коня в озере",
            "maslikhat-decision-2025-09-24-41-225#att_1__para_10__subpara_3",
            2,
        ),
    ] {
        let hits = index
            .search(&SearchRequest::new(q).limit(5).lang(zanlex::Lang::Ru))
            .expect("searches")
            .hits;
        let got = keys(&hits);
        assert!(
            got.iter().take(within).any(|k| k == answer),
            "{q}: {got:#?}"
        );
    }
}

/// A question asking when a named act takes effect has that act's own commencement unit
/// first, in Russian and Kazakh (typed without Kazakh letters and in Latin too), though the
/// other acts of the index end with the same clause («… вводится в действие по истечении
/// десяти календарных дней после дня его первого официального опубликования», «… күнтізбелік
/// он күн өткен соң қолданысқа енгізіледі»): the veterans' law and the peaceful-assemblies law
/// end so, word for word, and the two notaries' orders beside them.
#[test]
fn a_question_when_an_act_takes_effect_finds_that_acts_commencement() {
    let (_dir, index) = crate::common::index_of_eval_acts(&[
        "codes/03-laws/2020/0506-o-veteranakh-142680",
        "codes/03-laws/2020/0525-o-poriadke-organizatsii-i-provedeniia-mirnykh-sobranii-v-respubl-143197",
        "ministerial/07-ministerial/103001000000-adilet/2025/0927-ob-utverzhdenii-razmerov-stavok-za-sovershenie-notarialnykh-deis-214799",
        "ministerial/07-ministerial/103001000000-adilet/2020/0527-ob-utverzhdenii-pravil-okazaniia-gosudarstvennoi-uslugi-apostili-143260",
    ]);
    let veterans = "law-2020-05-06-322-vi#art_18__para_1";
    let assemblies = "law-2020-05-25-333-vi#art_21__para_1";
    for (q, lang, answer) in [
        (
            "когда вступает в силу закон о ветеранах",
            zanlex::Lang::Ru,
            veterans,
        ),
        (
            "с какого числа действует закон о мирных собраниях",
            zanlex::Lang::Ru,
            assemblies,
        ),
        (
            "приказ о ставках нотариусов когда вступил в силу",
            zanlex::Lang::Ru,
            "moj-order-2025-09-27-533#para_4",
        ),
        (
            "ардагерлер туралы заң қашан күшіне енеді",
            zanlex::Lang::Kk,
            veterans,
        ),
        (
            "бейбіт жиналыстар туралы заң қай күннен бастап қолданылады",
            zanlex::Lang::Kk,
            assemblies,
        ),
        (
            "бейбит жиналыстар туралы зан кашан кушине енеди",
            zanlex::Lang::Kk,
            assemblies,
        ),
        (
            "ardagerler turaly zan qashan kushine enedi",
            zanlex::Lang::Kk,
            veterans,
        ),
    ] {
        assert_first_hit(&index, q, lang, answer);
    }
}

/// A Russian word the index spells as typed is not Kazakh typed without its letters: its loose
/// form (`мит` for «митинг») reaches only the stems written with a Kazakh letter, not «мыть»
/// (also `мит`), so the pets Rules' «купать и мыть домашних животных на территории, где
/// разрешено купание людей» no longer comes first for a question about a rally. A Kazakh word
/// typed without its letters («бейбит» for «бейбіт») still finds the law's.
#[test]
fn a_russian_word_spelled_as_typed_does_not_fold_into_another() {
    let (_dir, index) = crate::common::index_of_eval_acts(&[
        "codes/03-laws/2020/0525-o-poriadke-organizatsii-i-provedeniia-mirnykh-sobranii-v-respubl-143197",
        "local-almaty-oblast/08-local-decisions/154-almatinskoi-oblasti/15400000-almatinskoi-oblasti/2022/1129-ob-utverzhdenii-pravil-soderzhaniia-i-vygula-domashnikh-zhivotny-174583",
    ]);
    let search = |q: &str, lang: zanlex::Lang| {
        keys(
            &index
                .search(&SearchRequest::new(q).limit(10).lang(lang))
                .expect("searches")
                .hits,
        )
    };
    let got = search("можно ли пить пиво на митинге", zanlex::Lang::Ru);
    assert!(
        got.iter()
            .all(|k| !k.starts_with("maslikhat-decision-2022-11-29-30-142#")),
        "{got:#?}"
    );
    assert!(
        got.iter()
            .take(3)
            .any(|k| k == "law-2020-05-25-333-vi#art_5__para_3__subpara_7"),
        "{got:#?}"
    );
    let got = search("прийти на митинг", zanlex::Lang::Ru);
    assert!(
        got.iter()
            .all(|k| !k.starts_with("maslikhat-decision-2022-11-29-30-142#")),
        "{got:#?}"
    );
    let got = search("бейбит жиналыстар", zanlex::Lang::Kk);
    assert_eq!(
        got.first().map(String::as_str),
        Some("law-2020-05-25-333-vi#art_5__para_3"),
        "{got:#?}"
    );
}

/// A question asking when a law takes effect finds the law's final article when the article
/// is one unit that prints its heading line above the clause (laws whose articles are bold
/// lines: «Статья 20. Порядок введения в действие настоящего Закона» above «Настоящий Закон
/// вводится в действие …», «20-бап. Осы Заңды қолданысқа енгізу тәртібі» above «Осы Заң …
/// қолданысқа енгізіледі»). A year named is the law's date, not words its title must hold
/// («Об амнистии» says no «2022 года»). The Kazakh clause of the law on amnesty prints Latin
/// `i` in its verb («қолданысқа енгiзiледi»), read as the Cyrillic `і`.
#[test]
fn a_question_when_a_law_takes_effect_finds_its_article_below_the_heading_line() {
    let (_dir, index) = crate::common::index_of_eval_acts(&[
        "codes/03-laws/2018/0702-o-zashchite-detei-ot-informatsii-prichiniaiushchei-vred-ikh-zdor-123163",
        "codes/03-laws/2022/1102-ob-amnistii-173385",
        "codes/03-laws/2020/0506-o-veteranakh-142680",
    ]);
    let children = "law-2018-07-02-169-vi#art_20";
    let amnesty = "law-2022-11-02-152-vii#art_4";
    for (q, lang, answer) in [
        (
            "когда вступает в силу закон о защите детей от вредной информации",
            zanlex::Lang::Ru,
            children,
        ),
        (
            "балаларды зиянды ақпараттан қорғау туралы заң қашан күшіне енеді",
            zanlex::Lang::Kk,
            children,
        ),
        (
            "с какого числа действует закон об амнистии 2022 года",
            zanlex::Lang::Ru,
            amnesty,
        ),
        (
            "2022 жылғы рақымшылық жасау туралы заң қашан қолданысқа енгізіледі",
            zanlex::Lang::Kk,
            amnesty,
        ),
    ] {
        assert_first_hit(&index, q, lang, answer);
    }
}

/// An index of ten decisions of the Almaty oblast maslikhat (`evals/corpus`: two on fares, the
/// pets, migration, burial, farm animals and heating Rules, the fire-water costs, the water-use
/// Rules, the drinking-water price) and Astana's housing aid: a place's acts on near subjects,
/// most with the same control, basis and commencement points in other words.
fn index_of_local_decisions() -> (tempfile::TempDir, zanlex::ZanIndex) {
    let almaty = "local-almaty-oblast/08-local-decisions/154-almatinskoi-oblasti/15400000-almatinskoi-oblasti";
    let acts: Vec<String> = [
        "2022/0401-o-lgotnom-proezde-na-obshchestvennom-transporte-krome-taksi-obuc-166388",
        "2022/1129-ob-utverzhdenii-pravil-soderzhaniia-i-vygula-domashnikh-zhivotny-174583",
        "2024/0131-o-predostavlenii-besplatnogo-ili-lgotnogo-proezda-grazhdanam-res-193038",
        "2024/0329-ob-utverzhdenii-pravil-regulirovaniia-migratsionnykh-protsessov-197475",
        "2024/0426-ob-utverzhdenii-pravil-pogrebeniia-i-organizatsii-dela-po-ukhodu-196425",
        "2024/0522-ob-utverzhdenii-pravil-soderzhaniia-selskokhoziaistvennykh-zhivo-197209",
        "2024/1015-ob-utverzhdenii-pravil-podgotovki-i-provedeniia-otopitelnogo-sez-201802",
        "2025/0827-ob-utverzhdenii-raskhodov-mestnykh-ispolnitelnykh-organov-na-voz-214115",
        "2025/0924-ob-utverzhdenii-pravil-obshchego-vodopolzovaniia-v-almatinskoi-o-215956",
        "2025/1215-ob-utverzhdenii-razmera-platy-za-odin-kubicheskii-metr-pitevoi-v-219174",
    ]
    .iter()
    .map(|a| format!("{almaty}/{a}"))
    .chain(std::iter::once(
        "local-astana/08-local-decisions/150-goroda-nur-sultan/15000000-goroda-nur-sultan/2021/1124-ob-opredelenii-razmera-i-poriadka-okazaniia-zhilishchnoi-pomoshc-161427".to_string(),
    ))
    .collect();
    let acts: Vec<&str> = acts.iter().map(String::as_str).collect();
    crate::common::index_of_eval_acts(&acts)
}

/// A question naming a place asks for that place's act: every title of Almaty oblast's
/// decisions holds «Алматинской области» («Алматы облысы»), so those words cannot tell them
/// apart, and another decision of the oblast (the Rules of general water use) came first on
/// them. The subject's words alone choose among the place's acts: the decision on the
/// students' reduced fares (whose title names no place; its maslikhat does). A place the index
/// holds no act of (Karaganda oblast) loses no act: the words choose among all.
#[test]
fn a_question_when_a_places_act_takes_effect_is_answered_by_its_subject() {
    let (_dir, index) = index_of_local_decisions();
    let fares = "maslikhat-decision-2022-04-01-17-78#para_3";
    for (q, lang, answer) in [
        (
            "когда вступает в силу решение о льготном проезде студентов в алматинской области",
            zanlex::Lang::Ru,
            fares,
        ),
        (
            "алматы облысында студенттердің жол жүруі туралы шешім қашан күшіне енеді",
            zanlex::Lang::Kk,
            fares,
        ),
        (
            "когда вводится в действие решение о жилищной помощи в астане",
            zanlex::Lang::Ru,
            "maslikhat-decision-2021-11-24-104-15-vii#para_3",
        ),
        (
            "правила погребения в карагандинской области когда вступают в силу",
            zanlex::Lang::Ru,
            "maslikhat-decision-2024-04-26-20-96#para_4",
        ),
    ] {
        assert_first_hit(&index, q, lang, answer);
    }
}

/// A local decision's own points asked for with its subject: who controls its execution, what
/// it is adopted under, from which day it applies (no kind of act named). The oblast's
/// decisions charge the same deputy akim with their control in the same words (the fire-water
/// costs and the water-use Rules alike), open with «В соответствии с …» («… сәйкес») and end
/// with the same commencement: the subject chooses the act, the asking words its point, which
/// comes before the act's first point (the subject itself). Control of what the Rules govern
/// is asked of the Rules, not of the decision approving them.
#[test]
fn a_local_decisions_control_basis_and_day_are_its_own_points() {
    use zanlex::Lang::{Kk, Ru};
    let (_dir, index) = index_of_local_decisions();
    for (q, lang, answer) in [
        (
            "кто контролирует исполнение решения о правилах общего водопользования в алматинской области",
            Ru,
            "maslikhat-decision-2025-09-24-41-225#para_2",
        ),
        (
            "өрт сөндіруге жұмсалған ауыз су шығындарын өтеу туралы шешімді бақылау кімге жүктелген",
            Kk,
            "maslikhat-decision-2025-08-27-40-221#para_2",
        ),
        (
            "на основании какого закона маслихат дал льготный проезд студентам",
            Ru,
            "maslikhat-decision-2022-04-01-17-78#preamble",
        ),
        (
            "астанада тұрғын үй көмегін көрсету тәртібі қай үкімет қаулысына сәйкес айқындалған",
            Kk,
            "maslikhat-decision-2021-11-24-104-15-vii#preamble",
        ),
        (
            "с какого числа в алматинской области действует плата 107 тенге за кубометр питьевой воды",
            Ru,
            "maslikhat-decision-2025-12-15-44-245#para_2",
        ),
    ] {
        assert_first_hit(&index, q, lang, answer);
    }
    let hits = index
        .search(
            &SearchRequest::new("кто осуществляет контроль за содержанием и обслуживанием кладбищ")
                .limit(3)
                .lang(Ru),
        )
        .expect("searches")
        .hits;
    assert!(
        !keys(&hits).contains(&"maslikhat-decision-2024-04-26-20-96#para_3".to_string()),
        "{:#?}",
        keys(&hits)
    );
}

/// A person's word for a thing the law names by what it does (`data/question_words.tsv`): the
/// Law on Peaceful Assemblies (`evals/corpus`) forbids «использовать предметы одежды и (или)
/// иные средства, препятствующие распознаванию лица» / «бет-әлпетін тануға кедергі келтіретін
/// киім-кешекті және (немесе) өзге де заттарды пайдалануға» (art. 5 p. 3 subpara 8, art. 6 p. 3
/// subpara 7) and never says «маска» or «бетперде», the words a person asks with. Beside the
/// Law on Languages, both points now come first for a question with either word.
#[test]
fn a_mask_asked_about_finds_the_clothing_that_hides_the_face() {
    let (_dir, index) = crate::common::index_of_eval_acts(&[
        "codes/03-laws/2020/0525-o-poriadke-organizatsii-i-provedeniia-mirnykh-sobranii-v-respubl-143197",
        "codes/03-laws/1997/0711-o-iazykakh-v-respublike-kazakhstan-104462",
    ]);
    let points = [
        "law-2020-05-25-333-vi#art_5__para_3__subpara_8",
        "law-2020-05-25-333-vi#art_6__para_3__subpara_7",
    ];
    for (q, lang, within) in [
        (
            "можно ли закрыть лицо маской на пикете",
            zanlex::Lang::Ru,
            2,
        ),
        ("митингке бетпердемен баруға бола ма", zanlex::Lang::Kk, 3),
    ] {
        let hits = index
            .search(&SearchRequest::new(q).limit(within).lang(lang))
            .expect("searches")
            .hits;
        let found = keys(&hits);
        for point in points {
            assert!(found.iter().any(|k| k == point), "{q}: {point}: {found:#?}");
        }
    }
}

/// Asserts that `q`'s first hit is `answer` (`ACT#EID`) in `lang`, listing the top five if not.
fn assert_first_hit(index: &zanlex::ZanIndex, q: &str, lang: zanlex::Lang, answer: &str) {
    let hits = index
        .search(&SearchRequest::new(q).limit(5))
        .expect("searches")
        .hits;
    assert_eq!(
        hits.first()
            .map(|h| (format!("{}#{}", h.act.id, h.unit.eid), h.lang.as_str())),
        Some((answer.to_string(), lang.as_str())),
        "{q}: {:#?}",
        keys(&hits)
    );
}

/// A question naming an act by its kind and subject outside an article lookup («по закону о
/// ветеранах …», «ардагерлер туралы заң бойынша …») asks what that act says. Beside the Law on
/// Veterans, Astana's two decisions giving veterans of the Great Patriotic War extra aid for
/// Victory Day (2021 and 2022) say «дополнительную социальную помощь … ко Дню Победы … ветерану»
/// in one point: asked by whom such aid is given under the law, its art. 17 («Местные
/// представительные органы … могут устанавливать дополнительные меры социальной поддержки …»)
/// comes first, not the decisions' points that share more of the question's words. The name
/// only ranks: the same words naming no act find the decisions' points first.
#[test]
fn an_act_named_by_its_subject_ranks_its_units_first() {
    let (_dir, index) = crate::common::index_of_eval_acts(&[
        "codes/03-laws/2020/0506-o-veteranakh-142680",
        "local-astana/08-local-decisions/150-goroda-nur-sultan/15000000-goroda-nur-sultan/2021/0331-ob-okazanii-dopolnitelnoi-sotsialnoi-pomoshchi-veteranam-velikoi-154493",
        "local-astana/08-local-decisions/150-goroda-nur-sultan/15000000-goroda-nur-sultan/2022/0316-ob-okazanii-v-2022-godu-dopolnitelnoi-sotsialnoi-pomoshchi-veter-165729",
    ]);
    let top = |q: &str, lang| {
        let hits = index
            .search(&SearchRequest::new(q).limit(3).lang(lang))
            .expect("searches")
            .hits;
        keys(&hits)
    };
    let got = top(
        "по закону о ветеранах кто оказывает дополнительную помощь ветеранам ко дню победы",
        zanlex::Lang::Ru,
    );
    assert_eq!(got[0], "law-2020-05-06-322-vi#art_17", "{got:#?}");
    let got = top(
        "кто оказывает дополнительную помощь ветеранам ко дню победы",
        zanlex::Lang::Ru,
    );
    assert!(
        got[..2]
            .iter()
            .all(|k| k.starts_with("maslikhat-decision-")),
        "{got:#?}"
    );
}
