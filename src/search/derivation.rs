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
/// ([`super::boosts::BOOST_STEM`]), above a thesaurus alternative's
/// ([`super::boosts::BOOST_SYNONYM`]): a derivation shares the word's root, a synonym only
/// its meaning.
pub const BOOST_DERIVED: f32 = 1.0;

/// Russian derivational suffixes as they end Snowball stems: adjectives of nouns
/// (медицин → медицинск, почт → почтов, закон → законн), verbs and their nouns of nouns
/// (пикет → пикетирован, отказ → отказыва), participles and adjectives of verbs
/// (обяза → обязан, обязательн); the doer of an act and the act (нарушител, нарушен of
/// наруш-; мошенник, мошенничеств of мошен-), a follower and the thing followed
/// (рецидивист, рецидив; коррупционер, коррупцион-), a verb and its noun (агитирова, агитац);
/// an imperfective verb in -ять and its noun in -ение (применя, применен), a verb on a labial
/// and its noun with the л it inserts (направ, направлен: [`fits`]), a verb in -ять and its
/// noun in -тие, whose т Snowball keeps (приня, принят).
const RUSSIAN: &[&str] = &[
    "я",
    "лен",
    "т",
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
        // The т of -тие follows я only ([`fits`]): изъя (изъять) is a whole verb.
        Lang::Ru if suffix == "т" => 4,
        Lang::Ru if suffix.chars().count() == 1 => 5,
        Lang::Ru => 4,
    }
}

/// Whether `suffix` may follow `base` at all: the л of a noun of a verb comes after a labial
/// only (направ-лен, оформ-лен, but not земл-я of «зем»), and the т of -тие after я only
/// (приня-т, but «знат» of знатный is no «зна» + т).
fn fits(base: &str, suffix: &str, lang: Lang) -> bool {
    match (lang, suffix) {
        (Lang::Ru, "лен") => base.ends_with(['б', 'в', 'м', 'п', 'ф']),
        (Lang::Ru, "т") => base.ends_with('я'),
        _ => true,
    }
}

fn suffixes(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::Ru => RUSSIAN,
        Lang::Kk => KAZAKH,
    }
}

fn long_enough(base: &str, suffix: &str, lang: Lang) -> bool {
    base.chars().count() >= shortest_base(suffix, lang) && fits(base, suffix, lang)
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

/// Fewest letters of a Russian verb's root that meets its noun in -ение when the typed word
/// shows it is a verb ([`related_to_word`]).
const SHORTEST_VERB_ROOT: usize = 3;

/// What follows the stem of a Russian verb in -ать as it is typed: the infinitive (-ть,
/// -ться), the present (-ю, -ет, -ют, -ется, -ются, -ющий), the past (-л, -ла, -ли) and the
/// imperative (-й). A noun whose stem ends in а (a Kazakh word in Cyrillic: «растау») has none.
const VERB_ENDINGS: &[&str] = &["ть", "ю", "е", "л", "й"];

/// [`related_stems`] of `stem`, the stem of the typed `word`, and for a Russian verb in -ать
/// typed as a verb, its noun in -ение even on a root too short for the suffix rules (лишают,
/// лиша → лишен of «лишение»; решать → решение; вручается → вручение): on stems alone a
/// short root in а is as often a noun's («обма» of «обман» is not «обмен»).
pub(crate) fn related_to_word(
    word: &str,
    stem: &str,
    lang: Lang,
    attested: impl Fn(&str) -> bool,
) -> Vec<String> {
    let mut related = related_stems(stem, lang, &attested);
    if lang == Lang::Ru {
        let lower = crate::text::lowercase(word);
        let typed_as_verb = lower
            .strip_prefix(stem)
            .is_some_and(|ending| VERB_ENDINGS.iter().any(|e| ending.starts_with(e)));
        if let Some(root) = stem.strip_suffix('а').filter(|_| typed_as_verb) {
            let noun = format!("{root}ен");
            if root.chars().count() >= SHORTEST_VERB_ROOT
                && !related.contains(&noun)
                && attested(&noun)
            {
                related.push(noun);
                related.sort();
            }
        }
    }
    related
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
    fn russian_verbs_in_ya_meet_their_nouns() {
        // Snowball stems of применяются / применение, оформляется / оформление, изменяются /
        // изменение: an imperfective verb in -ять and its noun in -ение.
        let corpus = ["применен", "оформлен", "изменен"];
        assert_eq!(related("применя", Lang::Ru, &corpus), ["применен"]);
        assert_eq!(related("оформля", Lang::Ru, &corpus), ["оформлен"]);
        assert_eq!(related("изменен", Lang::Ru, &["изменя"]), ["изменя"]);
    }

    #[test]
    fn russian_verbs_on_a_labial_meet_their_nouns_in_len() {
        // направить / направление, установить / установление, оформить / оформление: after
        // б, в, м, п, ф the noun inserts л.
        let corpus = ["направлен", "установлен", "оформлен"];
        assert_eq!(related("направ", Lang::Ru, &corpus), ["направлен"]);
        assert_eq!(related("установ", Lang::Ru, &corpus), ["установлен"]);
        assert_eq!(related("оформ", Lang::Ru, &corpus), ["оформлен"]);
        assert_eq!(related("установлен", Lang::Ru, &["установ"]), ["установ"]);
        // Not after another letter: освободить has освобождение, never «освободление».
        assert!(related("освобод", Lang::Ru, &["освободлен"]).is_empty());
        assert!(related("исход", Lang::Ru, &["исходлен"]).is_empty());
    }

    #[test]
    fn russian_verbs_in_yat_meet_their_nouns_in_tie() {
        // принять / принятие, изъять / изъятие: Snowball keeps the т of the noun only.
        assert_eq!(related("приня", Lang::Ru, &["принят"]), ["принят"]);
        assert_eq!(related("изъя", Lang::Ru, &["изъят"]), ["изъят"]);
        assert_eq!(related("принят", Lang::Ru, &["приня"]), ["приня"]);
        // Only after я: «знат» (знатный) is not «зна» + т.
        assert!(related("зна", Lang::Ru, &["знат"]).is_empty());
    }

    #[test]
    fn a_typed_russian_verb_meets_its_noun_on_a_short_root() {
        // лишают / лишение, решают / решение, вручается / вручение: the root is too short for
        // a suffix rule on stems alone («обма» of обман is not «обмен»), but the typed word
        // is a verb.
        let corpus = ["лишен", "решен", "вручен"];
        let of_word =
            |word: &str, stem: &str| related_to_word(word, stem, Lang::Ru, |s| corpus.contains(&s));
        assert_eq!(of_word("лишают", "лиша"), ["лишен"]);
        assert_eq!(of_word("решать", "реша"), ["решен"]);
        assert_eq!(of_word("вручается", "вруча"), ["вручен"]);
        // A word whose stem ends in а but typed without a verb's ending is not joined: the
        // Kazakh «растау» (growing) is no «растение».
        let corpus = ["растен"];
        assert!(related_to_word("растау", "раста", Lang::Ru, |s| corpus
            .contains(&s))
        .is_empty());
        assert!(related("лиша", Lang::Ru, &corpus).is_empty());
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
