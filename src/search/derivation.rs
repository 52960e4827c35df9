//! Derivations a lawyer expects joined. A person asks about a «пикет», the law defines
//! «пикетирование»; «ветеринар» in a question, «ветеринарные процедуры» in the rules;
//! «тамақ» (food) against «қоғамдық тамақтану» (places to eat). The stemmers join a word's
//! inflections, never its derivations (that would merge distinct legal terms: азамат ≠
//! азаматтық), so the words of a plain OR (the partial fill of a short page, the retry when
//! no unit has enough of the words) also look for the words derived from their stems, or
//! from which their stems are derived, by one of a few derivational suffixes: those the
//! corpus spells ([`related_stems`]). Their matches rank below the word's own
//! ([`BOOST_DERIVED`]). The words of a question (three or more plain words) look for them too:
//! a person writes the doer or the verb (нарушитель, мошенник, агитировать) where the law
//! has the act or the noun (нарушение, мошенничество, агитация).

use crate::model::Lang;

/// Boost of a derived word's clause: below the word's own stem matches
/// ([`super::compile::BOOST_STEM`]), above a thesaurus alternative's
/// ([`super::compile::BOOST_SYNONYM`]): a derivation shares the word's root, a synonym only
/// its meaning.
pub const BOOST_DERIVED: f32 = 1.0;

/// Russian derivational suffixes as they end Snowball stems: adjectives of nouns
/// (медицин → медицинск, почт → почтов, закон → законн), verbs and their nouns of nouns
/// (пикет → пикетирован, отказ → отказыва), participles and adjectives of verbs
/// (обяза → обязан, обязательн); the doer of an act and the act (нарушител, нарушен of
/// наруш-; мошенник, мошенничеств of мошен-), a follower and the thing followed
/// (рецидивист, рецидив; коррупционер, коррупцион-), a verb and its noun (агитирова, агитац).
const RUSSIAN: &[&str] = &[
    "ск",
    "ов",
    "ев",
    "н",
    "тельн",
    "ирова",
    "ирован",
    "ова",
    "ован",
    "а",
    "ыва",
    "ива",
    "ител",
    "тел",
    "ен",
    "ени",
    "ник",
    "ничеств",
    "ств",
    "ист",
    "ер",
    "ац",
];

/// Kazakh derivational suffixes as they end `kk_stem` stems, each in the spellings vowel
/// harmony and voicing give it: verbs of nouns (пикет → пикетте, шағым → шағымдан),
/// adjectives of Arabic and Persian nouns (дін → діни), agents of verbs
/// (ұйымдастыр → ұйымдастырушы). Not -лық/-лік: it makes distinct legal terms
/// (азамат, азаматтық).
const KAZAKH: &[&str] = &[
    "ла", "ле", "да", "де", "та", "те", "лан", "лен", "дан", "ден", "тан", "тен", "и", "шы", "ші",
    "ушы", "уші",
];

/// The shortest stem (in letters) a suffix is added to or taken from: shorter stems are too
/// often another word's beginning. A Russian one-letter suffix asks for a longer stem
/// (мест «place» is not местн «local», глав «chapter» not главн «main»), as does a Kazakh
/// suffix (орын «place» is not орында «to perform»), but for the adjective suffix -и of Arabic
/// and Persian nouns, whose stems are short (дін → діни, ғылым → ғылыми).
fn shortest_base(suffix: &str, lang: Lang) -> usize {
    match lang {
        Lang::Kk if suffix == "и" => 3,
        Lang::Kk => 5,
        Lang::Ru if suffix.chars().count() == 1 => 5,
        Lang::Ru => 4,
    }
}

fn suffixes(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::Ru => RUSSIAN,
        Lang::Kk => KAZAKH,
    }
}

fn long_enough(base: &str, suffix: &str, lang: Lang) -> bool {
    base.chars().count() >= shortest_base(suffix, lang)
}

/// The stems related to `stem` (as the language's stemmer writes it) by one derivational
/// suffix: its base (the stem without a suffix it ends with), the base or the stem with
/// another suffix added, each kept only when `attested` (the index has words of that stem),
/// sorted, without `stem` itself: `related_stems("пикет", Lang::Ru, …)` is `["пикетирован"]`
/// in a corpus that spells «пикетирование» (the tests below).
pub(crate) fn related_stems(
    stem: &str,
    lang: Lang,
    attested: impl Fn(&str) -> bool,
) -> Vec<String> {
    let mut bases = vec![stem.to_string()];
    for suffix in suffixes(lang) {
        if let Some(base) = stem.strip_suffix(suffix) {
            if long_enough(base, suffix, lang) {
                bases.push(base.to_string());
            }
        }
    }
    let mut candidates: Vec<String> = bases[1..].to_vec();
    for base in &bases {
        for suffix in suffixes(lang) {
            if long_enough(base, suffix, lang) {
                candidates.push(format!("{base}{suffix}"));
            }
        }
    }
    candidates.sort();
    candidates.dedup();
    candidates.retain(|c| c != stem && attested(c));
    candidates
}

#[cfg(test)]
mod tests {
    use super::*;

    fn related(stem: &str, lang: Lang, corpus: &[&str]) -> Vec<String> {
        related_stems(stem, lang, |s| corpus.contains(&s))
    }

    #[test]
    fn russian_nouns_meet_their_adjectives_and_verbs() {
        let corpus = [
            "пикет",
            "пикетирован",
            "почт",
            "почтов",
            "медицин",
            "медицинск",
        ];
        assert_eq!(related("пикет", Lang::Ru, &corpus), ["пикетирован"]);
        assert_eq!(related("пикетирован", Lang::Ru, &corpus), ["пикет"]);
        assert_eq!(related("почт", Lang::Ru, &corpus), ["почтов"]);
        assert_eq!(related("медицинск", Lang::Ru, &corpus), ["медицин"]);
    }

    #[test]
    fn russian_doers_meet_their_acts() {
        // Snowball stems of нарушитель / нарушение, мошенник / мошенничество, рецидивист /
        // рецидив, коррупционер / коррупционный, агитировать / агитация.
        let corpus = ["нарушен", "мошенничеств", "рецидив", "коррупцион", "агитац"];
        assert_eq!(related("нарушител", Lang::Ru, &corpus), ["нарушен"]);
        assert_eq!(related("мошенник", Lang::Ru, &corpus), ["мошенничеств"]);
        assert_eq!(related("рецидивист", Lang::Ru, &corpus), ["рецидив"]);
        assert_eq!(related("коррупционер", Lang::Ru, &corpus), ["коррупцион"]);
        assert_eq!(related("агитирова", Lang::Ru, &corpus), ["агитац"]);
    }

    #[test]
    fn russian_siblings_share_a_base() {
        // обязан (обязанность) and обязательн (обязательный) are both обяза + a suffix.
        let corpus = ["обяза", "обязан", "обязательн"];
        assert_eq!(
            related("обязан", Lang::Ru, &corpus),
            ["обяза", "обязательн"]
        );
        assert_eq!(
            related("обяза", Lang::Ru, &corpus),
            ["обязан", "обязательн"]
        );
    }

    #[test]
    fn kazakh_verbs_of_nouns_and_agents() {
        let corpus = [
            "пикет",
            "пикетте",
            "дін",
            "діни",
            "ұйымдастыр",
            "ұйымдастырушы",
        ];
        assert_eq!(related("пикет", Lang::Kk, &corpus), ["пикетте"]);
        assert_eq!(related("пикетте", Lang::Kk, &corpus), ["пикет"]);
        assert_eq!(related("дін", Lang::Kk, &corpus), ["діни"]);
        assert_eq!(related("ұйымдастыр", Lang::Kk, &corpus), ["ұйымдастырушы"]);
    }

    #[test]
    fn short_stems_and_unattested_stems_are_not_joined() {
        // «сай» (suitable) and «сайла» (to elect), «орын» (place) and «орында» (to perform),
        // «мест» (place) and «местн» (local) only look related.
        assert!(related("сай", Lang::Kk, &["сай", "сайла"]).is_empty());
        assert!(related("орын", Lang::Kk, &["орын", "орында"]).is_empty());
        assert!(related("мест", Lang::Ru, &["мест", "местн"]).is_empty());
        assert!(related("местн", Lang::Ru, &["мест", "местн"]).is_empty());
        assert!(related("пикет", Lang::Ru, &["пикет"]).is_empty());
        // -лық makes distinct legal terms: азамат is not азаматтық.
        assert!(related("азамат", Lang::Kk, &["азамат", "азаматтық"]).is_empty());
    }
}
