//! A place named in a question, and article lookups typed in Latin letters, on real acts of
//! `evals/corpus`: the Rules of keeping and walking pets and the Rules of regulating
//! migration adopted by the maslikhat of the city of Astana (2025, 2024) and by the maslikhat
//! of the Almaty oblast (2022, 2024) — the same subjects in two places — beside the Law on
//! Beekeeping and the Law on Languages, which both have articles 12 and 17.

use zanlex::{Lang, SearchRequest, SearchResults, ZanIndex};

const ASTANA_PETS: &str = "maslikhat-decision-2025-02-14-272-34-viii";
const ALMATY_PETS: &str = "maslikhat-decision-2022-11-29-30-142";
const BEES: &str = "law-2002-03-12-303";

fn index() -> &'static ZanIndex {
    static INDEX: crate::common::SharedIndex = crate::common::SharedIndex::new();
    INDEX.get(|| {
            crate::common::index_of_eval_acts(&[
                "local-astana/08-local-decisions/151-goroda-astany/15100000-goroda-astany/2025/0214-ob-utverzhdenii-pravil-soderzhaniia-i-vygula-domashnikh-zhivotny-207359",
                "local-astana/08-local-decisions/151-goroda-astany/15100000-goroda-astany/2024/0307-ob-utverzhdenii-pravil-regulirovaniia-migratsionnykh-protsessov-195114",
                "local-almaty-oblast/08-local-decisions/154-almatinskoi-oblasti/15400000-almatinskoi-oblasti/2022/1129-ob-utverzhdenii-pravil-soderzhaniia-i-vygula-domashnikh-zhivotny-174583",
                "local-almaty-oblast/08-local-decisions/154-almatinskoi-oblasti/15400000-almatinskoi-oblasti/2024/0329-ob-utverzhdenii-pravil-regulirovaniia-migratsionnykh-protsessov-197475",
                "codes/03-laws/2002/0312-o-pchelovodstve-11564",
                "codes/03-laws/1997/0711-o-iazykakh-v-respublike-kazakhstan-104462",
            ])
        })
}

fn search(q: &str, lang: Lang) -> SearchResults {
    index()
        .search(&SearchRequest::new(q).limit(10).lang(lang))
        .unwrap_or_else(|e| panic!("{q}: {e}"))
}

/// The acts of the first `n` hits, in order.
fn acts(res: &SearchResults, n: usize) -> Vec<String> {
    res.hits.iter().take(n).map(|h| h.act.id.clone()).collect()
}

/// The first hit's act is the named place's, in Russian and in Kazakh, whichever form the
/// place is named in; before, the Almaty oblast's Rules (whose points share more of the
/// words) came first for a question naming Astana.
#[test]
fn a_question_naming_a_place_finds_that_places_act_first() {
    for (q, lang, act, place) in [
        (
            "правила содержания собак в Астане",
            Lang::Ru,
            ASTANA_PETS,
            "astana",
        ),
        (
            "выгул собак в городе Астана",
            Lang::Ru,
            ASTANA_PETS,
            "astana",
        ),
        (
            "Астана қаласында ит ұстау қағидалары",
            Lang::Kk,
            ASTANA_PETS,
            "astana",
        ),
        (
            "иттерді серуендету астанада",
            Lang::Kk,
            ASTANA_PETS,
            "astana",
        ),
        (
            "pravila vygula sobak v Astane",
            Lang::Ru,
            ASTANA_PETS,
            "astana",
        ),
        (
            "выгул собак в Алматинской области",
            Lang::Ru,
            ALMATY_PETS,
            "almaty",
        ),
        (
            "Алматы облысында иттерді серуендету",
            Lang::Kk,
            ALMATY_PETS,
            "almaty",
        ),
    ] {
        let res = search(q, lang);
        let named = res
            .place
            .as_ref()
            .unwrap_or_else(|| panic!("{q}: no place"));
        assert_eq!((named.place.as_str(), named.has_acts), (place, true), "{q}");
        assert_eq!(acts(&res, 1), [act], "{q}: {:#?}", acts(&res, 10));
        // The other place's Rules still come up, below.
        let other = if act == ASTANA_PETS {
            ALMATY_PETS
        } else {
            ASTANA_PETS
        };
        let more = index()
            .search(&SearchRequest::new(q).limit(100).lang(lang))
            .expect("searches");
        assert!(acts(&more, 100).iter().any(|a| a == other), "{q}");
    }
}

/// A place the index holds no act of is said and ranks nothing by place: «Шымкентте», «в
/// Карагандинской области», «в Алматы» (the city, which is no part of the Almaty oblast)
/// never empty the hits, and a place's name no unit says ranks the acts as the question
/// without it does. («области», «Алматы» are words the Almaty oblast's Rules say, and lift
/// them as words.)
#[test]
fn a_place_without_acts_is_said_and_the_search_goes_on() {
    for (q, lang, place, plain) in [
        (
            "Шымкентте ит ұстау қағидалары",
            Lang::Kk,
            "shymkent",
            "ит ұстау қағидалары",
        ),
        (
            "правила содержания собак в Карагандинской области",
            Lang::Ru,
            "karaganda",
            "",
        ),
        (
            "правила содержания собак в Алматы",
            Lang::Ru,
            "almaty-city",
            "",
        ),
    ] {
        let res = search(q, lang);
        let named = res
            .place
            .as_ref()
            .unwrap_or_else(|| panic!("{q}: no place"));
        assert_eq!(
            (named.place.as_str(), named.has_acts),
            (place, false),
            "{q}"
        );
        assert!(!res.hits.is_empty(), "{q}");
        if plain.is_empty() {
            continue;
        }
        let without = search(plain, lang);
        assert!(without.place.is_none(), "{plain}");
        assert_eq!(acts(&res, 1), acts(&without, 1), "{q}");
    }
}

/// An article lookup typed in Latin letters is made as the Cyrillic one is: «statya 17
/// zakona o pchelovodstve» gives art. 17 of the Law on Beekeeping, not the Law on Languages'
/// art. 17 nor any other unit; the Kazakh «bal ara sharuashylygy turaly zannyn 12-baby» its
/// art. 12. Before, the words were searched as words and the article was not looked up.
#[test]
fn an_article_lookup_typed_in_latin_gives_the_article() {
    for (q, lang, eid, cyrillic) in [
        (
            "statya 17 zakona o pchelovodstve",
            Lang::Ru,
            "art_17",
            "статья 17 закона о пчеловодстве",
        ),
        (
            "bal ara sharuashylygy turaly zannyn 12-baby",
            Lang::Kk,
            "art_12",
            "бал ара шаруашылығы туралы заңның 12-бабы",
        ),
        (
            "bal ara sharuashylygy turaly zannyn 12 baby",
            Lang::Kk,
            "art_12",
            "бал ара шаруашылығы туралы заңның 12-бабы",
        ),
    ] {
        let res = search(q, lang);
        let first = res
            .hits
            .first()
            .map(|h| (h.act.id.as_str(), h.unit.eid.as_str(), h.lang.as_str()));
        assert_eq!(first, Some((BEES, eid, lang.as_str())), "{q}");
        // The same unit the Cyrillic lookup gives.
        let typed = search(cyrillic, lang);
        assert_eq!(
            typed
                .hits
                .first()
                .map(|h| (h.act.id.as_str(), h.unit.eid.as_str())),
            Some((BEES, eid)),
            "{cyrillic}"
        );
    }
}
