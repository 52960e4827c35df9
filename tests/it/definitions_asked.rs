//! A term asked what it is («что такое X», «X деген не», «понятие X») finds the item that
//! defines the term itself first, above the items defining compounds that contain it, on real
//! acts of `evals/corpus`: the Law on Combating Human Trafficking (art. 1: «торговля людьми –
//! …» beside «жертва торговли людьми – …», «потенциальная жертва торговли людьми – …» and six
//! more; Kazakh «адам саудасы – …» beside «адам саудасының құрбаны – …»), the Law on
//! Responsible Treatment of Animals (art. 1: «животные – позвоночные животные» beside 28
//! compounds, «дикие животные», «домашние животные» …), the Law on Peaceful Assemblies, and
//! Almaty oblast's Rules of keeping pets, which repeat the law's compounds.

use zanlex::{Lang, SearchRequest, ZanIndex};

const TRAFFICKING: &str = "law-2024-07-05-110-viii";
const ANIMALS: &str = "law-2021-12-30-97-vii";

fn index() -> &'static ZanIndex {
    static INDEX: crate::common::SharedIndex = crate::common::SharedIndex::new();
    INDEX.get(|| {
            crate::common::index_of_eval_acts(&[
                "codes/03-laws/2024/0705-o-protivodeistvii-torgovle-liudmi-198602",
                "codes/03-laws/2021/1230-ob-otvetstvennom-obrashchenii-s-zhivotnymi-162833",
                "codes/03-laws/2020/0525-o-poriadke-organizatsii-i-provedeniia-mirnykh-sobranii-v-respubl-143197",
                "local-almaty-oblast/08-local-decisions/154-almatinskoi-oblasti/15400000-almatinskoi-oblasti/2022/1129-ob-utverzhdenii-pravil-soderzhaniia-i-vygula-domashnikh-zhivotny-174583",
            ])
        })
}

/// The first hit of `q` asked in `lang`, as `act#eid`.
fn first(q: &str, lang: Lang) -> String {
    let res = index()
        .search(&SearchRequest::new(q).limit(10).lang(lang))
        .unwrap_or_else(|e| panic!("{q}: {e}"));
    let hit = res.hits.first().unwrap_or_else(|| panic!("{q}: no hit"));
    format!("{}#{}", hit.act.id, hit.unit.eid)
}

/// Before, the compounds' items (which say the term as often, in longer units) came first and
/// the term's own item was below the tenth for «торговля людьми» and «адам саудасы»; a form
/// of the term other than the item's («жануар» for «жануарлар»), and «понятие» before it,
/// missed the item too.
#[test]
fn a_term_asked_bare_finds_its_own_item_above_its_compounds() {
    let trafficking = format!("{TRAFFICKING}#art_1__subpara_1");
    let animals = format!("{ANIMALS}#art_1__subpara_6");
    for (q, lang, want) in [
        ("что такое торговля людьми", Lang::Ru, &trafficking),
        ("адам саудасы дегеніміз не", Lang::Kk, &trafficking),
        ("понятие животные", Lang::Ru, &animals),
        ("жануарлар дегеніміз не", Lang::Kk, &animals),
        ("жануар деген не", Lang::Kk, &animals),
    ] {
        assert_eq!(first(q, lang), *want, "{q}");
    }
}

/// A compound asked finds its own item, not the term's nor a longer compound's («потенциальная
/// жертва торговли людьми», «адам саудасының ықтимал құрбаны»); a term the item names by a
/// short name in parentheses («(далее – эвтаназия)») is found by that name.
#[test]
fn a_compound_asked_finds_its_own_item() {
    let victim = format!("{TRAFFICKING}#art_1__subpara_7");
    let euthanasia = format!("{ANIMALS}#art_1__subpara_4");
    for (q, lang, want) in [
        ("что такое жертва торговли людьми", Lang::Ru, &victim),
        ("адам саудасының құрбаны деген не", Lang::Kk, &victim),
        ("что такое эвтаназия", Lang::Ru, &euthanasia),
        ("эвтаназиялау дегеніміз не", Lang::Kk, &euthanasia),
    ] {
        assert_eq!(first(q, lang), *want, "{q}");
    }
}
