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

/// Whether the Russian `word` whose stem is `stem` is typed as a verb ([`VERB_ENDINGS`]; an
/// infinitive whose т the stem keeps, «мыть» of «мыт», ends in -ь after it).
fn typed_as_verb(word: &str, stem: &str) -> bool {
    let lower = crate::text::lowercase(word);
    lower.strip_prefix(stem).is_some_and(|ending| {
        VERB_ENDINGS.iter().any(|e| ending.starts_with(e))
            || (ending == "ь" && stem.ends_with('т'))
            || (ending == "ься" && stem.ends_with('т'))
    })
}

/// The action nouns of a Russian verb as the law names the act («мыть» → «мойка», «купать» →
/// «купание», «выписывать» → «выписка», «проверять» → «проверка», «заправлять» →
/// «заправка», «выдавать» → «выдача», «решать» → «решение»), as Snowball stems, from the stem
/// of a word typed as a verb: the stem in -а/-я and its noun in -ание/-яние (купа → купан);
/// the root without -а/-я (without the л a labial inserts: заправля → заправ) or without
/// -ыва/-ива (выписыва → выпис), and its noun in -ка; the root of -давать and its noun in
/// -дача (выдава → выдач); the root of -ыть and its present's noun in -ойка (мыт → мойк); the
/// root without -а and its noun in -ение (лиша → лишен: a root too short for the suffix rules
/// on stems alone, «обма» of «обман» is not «обмен»). Not the -ка of an -ить verb's stem: on
/// the evals corpus it joined more nouns than verbs («ставить» is no «ставка», «справить» no
/// «справка», «участок» no «участие»). Unsorted, maybe repeated; the caller keeps those the
/// corpus spells.
fn action_nouns(stem: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let letters = |s: &str| s.chars().count();
    let labial = |s: &str| s.ends_with(['б', 'в', 'м', 'п', 'ф']);
    if let Some(root) = stem
        .strip_suffix("ыва")
        .or_else(|| stem.strip_suffix("ива"))
    {
        if letters(root) >= SHORTEST_VERB_ROOT {
            out.push(format!("{root}к"));
        }
    }
    if let Some(root) = stem.strip_suffix("дава").filter(|r| letters(r) >= 2) {
        out.push(format!("{root}дач"));
    }
    if let Some(root) = stem.strip_suffix('а').or_else(|| stem.strip_suffix('я')) {
        if letters(root) >= SHORTEST_VERB_ROOT {
            out.push(format!("{stem}н"));
            if stem.ends_with('а') {
                out.push(format!("{root}ен"));
            }
            if letters(root) >= 4 {
                match root.strip_suffix('л').filter(|r| labial(r)) {
                    Some(r) => out.push(format!("{r}к")),
                    None => out.push(format!("{root}к")),
                }
            }
        }
    } else if let Some(root) = stem.strip_suffix("ыт").filter(|r| letters(r) >= 1) {
        out.push(format!("{root}ойк"));
    }
    out.retain(|noun| !NOT_ACTIONS.contains(&(stem, noun.as_str())));
    out
}

/// Verbs whose noun in -ка is another word, each with that noun: read in the list of every
/// pair the rule makes on the evals corpus (`evals/derivations.tsv`): «подписать» is not a
/// «подписка» (a subscription), «постановлять» not a «постановка», «сделать» not a «сделка».
const NOT_ACTIONS: &[(&str, &str)] = &[
    ("подписа", "подписк"),
    ("подписыва", "подписк"),
    ("постановля", "постановк"),
    ("сдела", "сделк"),
];

/// Diminutive suffixes as they end Snowball stems, each with what stands before it in the
/// base word and the fewest letters of that base: «листочек» (листочк) of «лист», «водичка» of
/// «вода», «машинка» of «машина», «речка» of «река» (ч of к), «собачка» of «собака», «дорожка»
/// of «дорога» (ж of г). Not -ик, -ушк-: on the evals corpus they joined loans and other words
/// far more often than a diminutive («график», «методика», «экономика», «игрушка»,
/// «ловушка»); -нк only after a base of five letters («банк», «тонкий» end so too).
const DIMINUTIVES: &[(&str, &str, usize)] = &[
    ("очк", "", 4),
    ("ечк", "", 3),
    ("ичк", "", 3),
    ("нк", "н", 5),
    ("чк", "к", 3),
    ("жк", "г", 3),
];

/// Stems ending like a diminutive that are another word, each with the base it is not: read
/// in the list of every pair the rule makes on the evals corpus (`evals/derivations.tsv`) and
/// the other nouns in -чка, -жка Russian has of a base of three letters («точка» is no «ток»,
/// «бочка» no «бок», «ложка» no «лог»), «одиночка» (a person alone) no «один».
const NOT_DIMINUTIVES: &[(&str, &str)] = &[
    ("точк", "ток"),
    ("бочк", "бок"),
    ("почк", "пок"),
    ("дочк", "док"),
    ("ложк", "лог"),
    ("одиночк", "один"),
];

/// The bases a Russian stem is a diminutive of ([`DIMINUTIVES`]): «речк» → «рек», «собачк» →
/// «собак», «машинк» → «машин». Unsorted; the caller keeps those the corpus spells.
fn diminutive_bases(stem: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (suffix, base_end, shortest) in DIMINUTIVES {
        let Some(root) = stem.strip_suffix(suffix) else {
            continue;
        };
        let base = format!("{root}{base_end}");
        if base.chars().count() >= *shortest && !NOT_DIMINUTIVES.contains(&(stem, base.as_str())) {
            out.push(base);
        }
    }
    out
}

/// [`related_stems`] of `stem`, the stem of the typed `word`, the bases it is a diminutive of
/// ([`diminutive_bases`]: «речке» finds «река»), and for a Russian word typed as a verb, its
/// action nouns ([`action_nouns`]: «купать» finds «купание», «мыть» «мойка»), each kept when
/// `attested`; sorted.
pub(crate) fn related_to_word(
    word: &str,
    stem: &str,
    lang: Lang,
    attested: impl Fn(&str) -> bool,
) -> Vec<String> {
    let mut related = related_stems(stem, lang, &attested);
    if lang == Lang::Ru {
        let mut more = diminutive_bases(stem);
        if typed_as_verb(word, stem) {
            more.extend(action_nouns(stem));
        }
        for noun in more {
            if noun != stem && !related.contains(&noun) && attested(&noun) {
                related.push(noun);
            }
        }
        related.sort();
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

    #[test]
    fn a_typed_russian_verb_meets_the_action_noun_the_law_writes() {
        // Snowball stems: мыть / мойка, купать / купание, выписывать / выписка, проверять /
        // проверка, заправлять / заправка, перевозить / перевозка, выдавать / выдача.
        let corpus = [
            "мойк",
            "купан",
            "выписк",
            "проверк",
            "заправк",
            "выдач",
            "ставк",
            "сделк",
        ];
        let of_word =
            |word: &str, stem: &str| related_to_word(word, stem, Lang::Ru, |s| corpus.contains(&s));
        assert_eq!(of_word("мыть", "мыт"), ["мойк"]);
        assert_eq!(of_word("купать", "купа"), ["купан"]);
        assert_eq!(of_word("выписывать", "выписыва"), ["выписк"]);
        assert_eq!(of_word("проверяют", "проверя"), ["проверк"]);
        assert_eq!(of_word("заправлять", "заправля"), ["заправк"]);
        assert_eq!(of_word("выдавать", "выдава"), ["выдач"]);
        // A noun is no verb («купау» is a Kazakh word), an -ить verb's stem has no noun in -ка
        // («ставить» is no «ставка»), nor a verb whose -ка is another word («сделка»).
        assert!(of_word("купау", "купа").is_empty());
        assert!(of_word("ставить", "став").is_empty());
        assert!(of_word("сделать", "сдела").is_empty());
        // Only what the corpus spells: «купать» has no «купка».
        assert!(related_to_word("купать", "купа", Lang::Ru, |s| s == "купк").is_empty());
    }

    #[test]
    fn a_russian_diminutive_meets_its_base_word() {
        // речке / река, собачку / собака, машинку / машина, листочек / лист.
        let corpus = [
            "рек",
            "собак",
            "машин",
            "дом",
            "лист",
            "книг",
            "ток",
            "граф",
            "бан",
        ];
        let of_word =
            |word: &str, stem: &str| related_to_word(word, stem, Lang::Ru, |s| corpus.contains(&s));
        assert_eq!(of_word("речке", "речк"), ["рек"]);
        assert_eq!(of_word("собачку", "собачк"), ["собак"]);
        assert_eq!(of_word("машинку", "машинк"), ["машин"]);
        assert_eq!(of_word("листочек", "листочк"), ["лист"]);
        assert_eq!(of_word("книжки", "книжк"), ["книг"]);
        // Not -ик, whose words are mostly loans («график»), nor «точка», «банк»; an unattested
        // base is not joined.
        assert!(of_word("домик", "домик").is_empty());
        assert!(of_word("график", "график").is_empty());
        assert!(of_word("точку", "точк").is_empty());
        assert!(of_word("банк", "банк").is_empty());
        assert!(of_word("ручку", "ручк").is_empty());
    }

    /// Every pair the Russian verb → action noun and diminutive → base rules make over an
    /// index's `ru_stem` vocabulary, each stem read as a verb's (an upper bound: a query word
    /// is read so only when typed as a verb): `ZANLEX_DERIVATION_INDEX=DIR cargo test
    /// --release --lib search::derivation::tests::every_action_noun_and_diminutive_of_a_corpus
    /// -- --ignored --nocapture` (`evals/derivations.tsv` is its output on the evals corpus).
    #[test]
    #[ignore = "reads an index named by ZANLEX_DERIVATION_INDEX"]
    fn every_action_noun_and_diminutive_of_a_corpus() {
        let Ok(dir) = std::env::var("ZANLEX_DERIVATION_INDEX") else {
            return;
        };
        let index = crate::ZanIndex::open(&dir).expect("index");
        let store = index.store();
        let searcher = store.searcher();
        let vocab = crate::search::terms::vocabulary(&searcher, store.fields().ru_stem);
        let mut rows: Vec<(&str, String, u64, String, u64)> = Vec::new();
        for (stem, df) in &vocab {
            let mut seen: Vec<String> = Vec::new();
            for (kind, found) in [
                ("diminutive", diminutive_bases(stem)),
                ("action", action_nouns(stem)),
            ] {
                for to in found {
                    if to != *stem && !seen.contains(&to) {
                        if let Some(n) = vocab.get(&to) {
                            seen.push(to.clone());
                            rows.push((kind, stem.clone(), *df, to, *n));
                        }
                    }
                }
            }
        }
        println!("kind\tfrom\tdoc_freq\tto\tdoc_freq");
        for (kind, from, df, to, n) in &rows {
            println!("{kind}\t{from}\t{df}\t{to}\t{n}");
        }
        for kind in ["action", "diminutive"] {
            let n = rows.iter().filter(|r| r.0 == kind).count();
            println!("# {n} {kind} pairs");
        }
    }
}
