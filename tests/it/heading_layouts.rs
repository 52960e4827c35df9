//! Article and chapter headings printed in layouts most acts do not use, on real acts of
//! `evals/corpus`: the agreement ratified by law 164215, whose Russian text prints its
//! articles `### Статья 3` (no title, no period) where the Kazakh text prints `### 3-бап`, and
//! Astana's Rules on an accessible environment (decision 224614), whose Kazakh text prints
//! chapters 2 and 4 word first (`### Тарау 2. …`) beside `### 1-тарау. …`. Both languages
//! read the same unit ids. `evals/census/headings.py` counts every form on the local acts
//! (docs/corpus.md, «Article and chapter headings»).

use zanlex::{Act, Lang, Unit, ZanIndex};

const AGREEMENT: &str = "law-2022-01-31-104-vii";
const ASTANA_RULES: &str = "maslikhat-decision-2026-04-24-409-52-viii";

fn index() -> &'static ZanIndex {
    static INDEX: crate::common::SharedIndex = crate::common::SharedIndex::new();
    INDEX.get(|| {
        crate::common::index_of_eval_acts(&[
            "codes/03-laws/2022/0131-o-ratifikatsii-soglasheniia-o-sotrudnichestve-po-sozdaniiu-i-pri-164215",
            "local-astana/08-local-decisions/151-goroda-astany/15100000-goroda-astany/2026/0424-ob-utverzhdenii-pravil-obespecheniia-dostupnoi-sredy-v-gorode-as-224614",
        ])
    })
}

fn act(id: &str, lang: Lang) -> Act {
    index()
        .act_in(id, Some(lang))
        .unwrap_or_else(|e| panic!("{id} {lang:?}: {e}"))
}

fn unit<'a>(a: &'a Act, eid: &str) -> &'a Unit {
    a.unit(eid)
        .unwrap_or_else(|| panic!("{eid} in {} {:?}", a.id, a.lang))
}

fn articles(a: &Act) -> Vec<String> {
    a.all_units()
        .iter()
        .filter(|u| u.kind == zanlex::UnitKind::Article)
        .map(|u| u.eid.clone())
        .collect()
}

/// The twelve articles of the agreement, in Russian (`### Статья 1` … `### Статья 12`) as in
/// Kazakh (`### 1-бап` …): before, the whole Russian text was one `preamble`.
#[test]
fn an_agreements_untitled_russian_articles_pair_with_the_kazakh_ones() {
    let kk = act(AGREEMENT, Lang::Kk);
    let ru = act(AGREEMENT, Lang::Ru);
    let want: Vec<String> = (1..=12).map(|n| format!("art_{n}")).collect();
    assert_eq!(articles(&kk), want);
    assert_eq!(articles(&ru), want);
    // No title in either language.
    assert_eq!(unit(&ru, "art_3").heading, None);
    assert_eq!(unit(&kk, "art_3").heading, None);
    assert!(
        unit(&ru, "art_3")
            .text
            .starts_with("Статья 3\nСоздание межгосударственных стандартных образцов"),
        "{:?}",
        unit(&ru, "art_3").text
    );
    assert!(
        unit(&kk, "art_3").text.starts_with(
            "3-бап\nЗаттар мен материалдардың құрамы мен қасиеттерінің мемлекетаралық"
        ),
        "{:?}",
        unit(&kk, "art_3").text
    );
    // The preamble keeps the law's own words, not the agreement's articles.
    assert!(!unit(&ru, "preamble").text.contains("Статья 1"));
}

/// Chapters 2 and 4 of the Rules, printed `### Тарау 2. …` in Kazakh and `### Глава 2. …` in
/// Russian, are chapters with their points under them in both languages.
#[test]
fn kazakh_chapters_printed_word_first_hold_their_points() {
    for lang in [Lang::Kk, Lang::Ru] {
        let a = act(ASTANA_RULES, lang);
        let chapters: Vec<&str> = unit(&a, "att_1")
            .children
            .iter()
            .map(|u| u.eid.as_str())
            .collect();
        assert_eq!(
            chapters,
            [
                "att_1__chp_1",
                "att_1__chp_2",
                "att_1__chp_3",
                "att_1__chp_4"
            ],
            "{lang:?}"
        );
        let points = |eid: &str| -> Vec<String> {
            unit(&a, eid)
                .children
                .iter()
                .map(|u| u.eid.clone())
                .collect()
        };
        assert_eq!(
            points("att_1__chp_2"),
            ["att_1__para_3", "att_1__para_4", "att_1__para_5"],
            "{lang:?}"
        );
        assert_eq!(points("att_1__chp_4"), ["att_1__para_9"], "{lang:?}");
    }
    let kk = act(ASTANA_RULES, Lang::Kk);
    assert_eq!(
        unit(&kk, "att_1__chp_2").heading.as_deref(),
        Some("Астана қаласында қолжетімді ортаны құру тәртібі")
    );
    assert!(unit(&kk, "att_1__para_9")
        .text
        .starts_with("9. Осы Қағидалармен реттелмеген мәселелер"));
}
