//! Derivation across a phrase: a person writes a verb and its object (or an action noun and
//! its genitive) where the law writes one compound noun built from the pair: «держать пчел»,
//! «разведение пчел» against «пчеловодство»; «пользоваться недрами» against
//! «недропользование»; «вывоз мусора» against «мусоровывоз»; Kazakh «ара ұстау» (keeping
//! bees) against «ара шаруашылығы» (beekeeping). Each such pair of query words side by side
//! is also searched as the compound, ranked below the words' own matches as a thesaurus
//! alternative is ([`super::boosts::BOOST_SYNONYM`]), and highlighted as one.
//!
//! The corpus decides: a compound is built only when the index spells it (a Russian stem the
//! `ru_stem` field holds, a Kazakh phrase some unit has), so no compound is invented, and a
//! pair of words no text compounds stays as typed.

use super::derivation;
use super::terms::analyze_field;
use super::thesaurus::Expansion;
use super::word_query::{dismax, Target};
use crate::index::Store;
use crate::model::Lang;
use tantivy::collector::Count;
use tantivy::Term;

/// The beginnings of the Snowball stems of Russian verbs (and their action nouns) of keeping,
/// breeding or raising, whose object compounds with «-вод-» (the root of «водить» in its sense
/// of breeding): «держать / разводить / разведение / выращивать пчел» is «пчеловодство»
/// (Ожегов: пчеловодство — разведение пчёл; животноводство — разведение домашних животных).
/// Not «содержать»: «содержание животных» is the law's word for keeping pets, no farming.
const KEEPING: &[&str] = &["держ", "развод", "развед", "выращ"];

/// The root the verbs of [`KEEPING`] compound with.
const KEEPING_ROOT: &str = "вод";

/// The vowels that join a Russian compound's stems («пчел-о-вод», «земл-е-пользование»).
const LINKS: &[&str] = &["о", "е"];

/// What may follow the verb's root in the compound's stem: nothing (the doer: «пчеловод»,
/// the act: «мусоровывоз») or the abstract noun's «-ств-» («пчеловодство», «рыболовство»).
const ENDS: &[&str] = &["", "ств"];

/// Fewest letters of an object's stem: shorter stems join too much by chance.
const SHORTEST_OBJECT: usize = 3;

/// Fewest letters of the action's own stem taken as a compound's second root: a shorter one
/// ends too many unrelated stems («пол» + «жен» is not «положение», «тел» + «фон» not
/// «телефон»).
const SHORTEST_ROOT: usize = 4;

/// Compounds whose sense is not their pair's, each after the actions it is not (a stem's
/// beginning; empty for every action), read in the list of every compound the rule builds on
/// the evals corpus (`evals/compounds.tsv`): «правонарушение» is any offence, not a violation
/// of rights («нарушение прав»); «делопроизводство» is keeping records, not the proceedings of
/// a case («производство дела»); «держать животных» at home is no «животноводство».
const NOT_THE_PAIRS: &[(&str, &str)] = &[
    ("", "правонарушен"),
    ("", "делопроизводств"),
    ("держ", "животноводств"),
];

/// Kazakh stems of the verbs of keeping and raising (ұстау, өсіру, асырау, бағу) whose object
/// names a branch of farming with «шаруашылығы»: «ара ұстау» (keeping bees) is «ара
/// шаруашылығы», «мал өсіру» (raising cattle) «мал шаруашылығы» (ҚӘТС: шаруашылық — өндіріс
/// саласы).
const KAZAKH_KEEPING: &[&str] = &[
    "ұста",
    "ұстау",
    "ұстай",
    "ұстайт",
    "өсір",
    "өсіру",
    "асыра",
    "асырау",
    "асырай",
    "бағ",
    "бағу",
];

/// The Kazakh word a kept object's branch of farming is named with.
const KAZAKH_BRANCH: &str = "шаруашылығы";

/// The Russian compound stems (as Snowball writes them) built from an action (`action_word`,
/// typed; `action_stem`, its stem) and its object's stem, kept only when `attested`: the
/// object's stem, a joining vowel ([`LINKS`]), a root of the action (the root of keeping for
/// a verb of [`KEEPING`], the action's stem, the nouns derived from it:
/// [`derivation::related_to_word`]) and an ending ([`ENDS`]); sorted.
///
/// `compound_stems("держать", "держа", "пчел", …)` is `["пчеловод", "пчеловодств"]` in a
/// corpus that spells «пчеловодство» and «пчеловодов» (the tests below).
pub(crate) fn compound_stems(
    action_word: &str,
    action_stem: &str,
    object_stem: &str,
    attested: impl Fn(&str) -> bool,
) -> Vec<String> {
    if object_stem.chars().count() < SHORTEST_OBJECT || !is_cyrillic(object_stem) {
        return Vec::new();
    }
    let mut roots: Vec<String> = Vec::new();
    if KEEPING.iter().any(|k| action_stem.starts_with(k)) {
        roots.push(KEEPING_ROOT.to_string());
    }
    if action_stem.chars().count() >= SHORTEST_ROOT && is_cyrillic(action_stem) {
        roots.push(action_stem.to_string());
        roots.extend(derivation::related_to_word(
            action_word,
            action_stem,
            Lang::Ru,
            &attested,
        ));
    }
    let mut out: Vec<String> = Vec::new();
    for root in &roots {
        for link in LINKS {
            for end in ENDS {
                let c = format!("{object_stem}{link}{root}{end}");
                let not_the_pair = NOT_THE_PAIRS
                    .iter()
                    .any(|(a, n)| *n == c && action_stem.starts_with(a));
                if !out.contains(&c) && !not_the_pair && attested(&c) {
                    out.push(c);
                }
            }
        }
    }
    out.sort();
    out
}

fn is_cyrillic(s: &str) -> bool {
    s.chars().all(|c| ('\u{400}'..='\u{4FF}').contains(&c))
}

/// The Kazakh phrase naming the branch of farming of an object kept or raised (`object`, typed,
/// its stem `object_stem`, before a verb whose stem is `verb_stem`, [`KAZAKH_KEEPING`]): «ара
/// шаруашылығы». The object is what is kept only as typed bare or in the accusative, plural or
/// not («ара», «араны», «араларды»): «үйде ұстау» is keeping at home, not «үй шаруашылығы».
pub(crate) fn kazakh_branch(object: &str, object_stem: &str, verb_stem: &str) -> Option<String> {
    const ACCUSATIVE: &[&str] = &["ны", "ні", "ды", "ді", "ты", "ті", "н", ""];
    const PLURAL: &[&str] = &["лар", "лер", "дар", "дер", "тар", "тер", ""];
    let object = crate::text::lowercase(object);
    let kept = ACCUSATIVE.iter().any(|a| {
        object.strip_suffix(a).is_some_and(|o| {
            PLURAL
                .iter()
                .any(|p| o.strip_suffix(p).is_some_and(|o| o == object_stem))
        })
    });
    (kept
        && KAZAKH_KEEPING.contains(&verb_stem)
        && object_stem.chars().count() >= SHORTEST_OBJECT - 1)
        .then(|| format!("{object_stem} {KAZAKH_BRANCH}"))
}

/// A word to search and show for the Russian stem `stem`: the nominative the stem's noun has
/// («пчеловодств» → «пчеловодство», «недропользован» → «недропользование»), or the stem
/// itself, whichever the Russian analyzer reads back as `stem`.
fn spelled_out(index: &Store, stem: &str) -> Option<String> {
    let f = index.fields();
    let ending = if stem.ends_with("ств") {
        "о"
    } else if stem.ends_with("ан") || stem.ends_with("ен") {
        "ие"
    } else {
        ""
    };
    [format!("{stem}{ending}"), stem.to_string()]
        .into_iter()
        .find(|w| matches!(analyze_field(index, f.ru_stem, w).as_slice(), [(_, s)] if s == stem))
}

/// The compounds of the pairs of `terms` side by side ([`compound_stems`],
/// [`kazakh_branch`]) the index holds, each an expansion of its two words with the compounds
/// as written to search; a pair overlapping `taken` (the spans other expansions cover) is
/// skipped.
pub(crate) fn expansions<S: AsRef<str>>(
    index: &Store,
    terms: &[S],
    taken: &[(usize, usize)],
) -> Vec<Expansion> {
    let f = index.fields();
    let searcher = index.searcher();
    let ru_spelled = |s: &str| {
        searcher
            .doc_freq(&Term::from_field_text(f.ru_stem, s))
            .is_ok_and(|n| n > 0)
    };
    let ru_stem = |w: &str| match analyze_field(index, f.ru_stem, w).as_slice() {
        [(_, s)] => Some(s.clone()),
        _ => None,
    };
    let kk_stem = |w: &str| match analyze_field(index, f.kk_stem, w).as_slice() {
        [(_, s)] => Some(s.clone()),
        _ => None,
    };
    let phrase_held = |phrase: &str| {
        dismax(index, phrase, 0, &[(Target::Field(f.kk_stem), 1.0)])
            .and_then(|q| searcher.search(&*q, &Count).ok())
            .is_some_and(|n| n > 0)
    };
    let free = |i: usize| !taken.iter().any(|&(s, l)| i >= s && i < s + l);
    let mut out: Vec<Expansion> = Vec::new();
    let mut i = 0;
    while i + 1 < terms.len() {
        if !free(i) || !free(i + 1) {
            i += 1;
            continue;
        }
        let (a, b) = (terms[i].as_ref(), terms[i + 1].as_ref());
        let mut alternatives: Vec<String> = Vec::new();
        if let (Some(sa), Some(sb)) = (ru_stem(a), ru_stem(b)) {
            // The action first («держать пчел», «разведение пчел») or last («пчел держать»).
            let mut stems = compound_stems(a, &sa, &sb, ru_spelled);
            stems.extend(compound_stems(b, &sb, &sa, ru_spelled));
            for s in stems {
                if let Some(w) = spelled_out(index, &s) {
                    if !alternatives.contains(&w) {
                        alternatives.push(w);
                    }
                }
            }
        }
        if let (Some(object), Some(verb)) = (kk_stem(a), kk_stem(b)) {
            if let Some(phrase) = kazakh_branch(a, &object, &verb).filter(|p| phrase_held(p)) {
                alternatives.push(phrase);
            }
        }
        if alternatives.is_empty() {
            i += 1;
        } else {
            out.push(Expansion {
                start: i,
                len: 2,
                alternatives,
            });
            i += 2;
        }
    }
    out
}

/// Every expansion of `terms`: the thesaurus's, the numbers written otherwise (flagged `true`,
/// [`super::number_words::with_numbers`]) and the compounds of the pairs no expansion of two
/// words or more covers ([`expansions`]), in the order of their first word. A compound the
/// corpus spells says more than a thesaurus group of one of its words, and replaces it:
/// «разводить пчел» is «пчеловодство», not the «развод» of a marriage.
pub(crate) fn all_expansions<S: AsRef<str>>(index: &Store, terms: &[S]) -> Vec<(Expansion, bool)> {
    let mut all = super::number_words::with_numbers(
        super::thesaurus::Thesaurus::builtin().expansions(terms),
        terms,
    );
    let taken: Vec<(usize, usize)> = all
        .iter()
        .filter(|(e, _)| e.len > 1)
        .map(|(e, _)| (e.start, e.len))
        .collect();
    let compounds = expansions(index, terms, &taken);
    all.retain(|(e, _)| {
        !compounds
            .iter()
            .any(|c| e.start < c.start + c.len && c.start < e.start + e.len)
    });
    all.extend(compounds.into_iter().map(|e| (e, false)));
    all.sort_by_key(|(e, _)| e.start);
    all
}

/// The expansions of a query's plain words ([`all_expansions`]), worked out once when the query
/// is read ([`super::ReadQuery`]) and read by each place that searches or marks its words: the
/// compile (every search of one request: the words, the retry, the fill, the twins), the
/// first stage and the highlighter.
#[derive(Debug, Clone, Default)]
pub(crate) struct Expansions {
    /// The words they were worked out for.
    words: Vec<String>,
    /// Each expansion, flagged `true` for a number otherwise written.
    found: Vec<(Expansion, bool)>,
}

impl Expansions {
    /// The expansions of `words` ([`all_expansions`]).
    pub(crate) fn of<S: AsRef<str>>(index: &Store, words: &[S]) -> Self {
        Self {
            words: words.iter().map(|w| w.as_ref().to_string()).collect(),
            found: all_expansions(index, words),
        }
    }

    /// The expansions of `words`: those worked out already when they are the words these were
    /// worked out for, else worked out now (a part of a query its reading did not take for its
    /// plain words), so that every place finds what [`all_expansions`] finds.
    pub(crate) fn for_words<S: AsRef<str>>(
        &self,
        index: &Store,
        words: &[S],
    ) -> std::borrow::Cow<'_, [(Expansion, bool)]> {
        let same = self.words.len() == words.len()
            && self.words.iter().zip(words).all(|(a, b)| a == b.as_ref());
        if same {
            std::borrow::Cow::Borrowed(&self.found)
        } else {
            std::borrow::Cow::Owned(all_expansions(index, words))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(action_word: &str, action_stem: &str, object: &str, corpus: &[&str]) -> Vec<String> {
        compound_stems(action_word, action_stem, object, |s| corpus.contains(&s))
    }

    #[test]
    fn a_verb_of_keeping_and_its_object_make_the_branchs_compound() {
        let corpus = ["пчеловод", "пчеловодств", "животноводств"];
        assert_eq!(
            of("держать", "держа", "пчел", &corpus),
            ["пчеловод", "пчеловодств"]
        );
        assert_eq!(
            of("разводить", "развод", "пчел", &corpus),
            ["пчеловод", "пчеловодств"]
        );
        assert_eq!(
            of("разведение", "разведен", "пчел", &corpus),
            ["пчеловод", "пчеловодств"]
        );
        assert_eq!(
            of("разводить", "развод", "животн", &corpus),
            ["животноводств"]
        );
        // Keeping animals at home is no farming: «держать / содержать животных».
        assert!(of("держать", "держа", "животн", &corpus).is_empty());
        assert!(of("содержать", "содержа", "животн", &corpus).is_empty());
        // Another verb with the same object compounds with nothing the corpus spells.
        assert!(of("кусать", "куса", "пчел", &corpus).is_empty());
    }

    #[test]
    fn a_verb_and_its_object_make_a_compound_of_the_verbs_noun() {
        // пользоваться недрами / водой / землей: недропользование, водопользование,
        // землепользование (Snowball: пользова, пользован).
        let corpus = [
            "пользован",
            "недропользован",
            "водопользован",
            "землепользован",
        ];
        assert_eq!(
            of("пользоваться", "пользова", "недр", &corpus),
            ["недропользован"]
        );
        assert_eq!(
            of("пользование", "пользован", "вод", &corpus),
            ["водопользован"]
        );
        assert_eq!(
            of("пользоваться", "пользова", "земл", &corpus),
            ["землепользован"]
        );
        // плательщик налогов: налогоплательщик; тушение пожара: пожаротушение.
        assert_eq!(
            of("плательщик", "плательщик", "налог", &["налогоплательщик"]),
            ["налогоплательщик"]
        );
        assert_eq!(
            of("тушение", "тушен", "пожар", &["пожаротушен"]),
            ["пожаротушен"]
        );
    }

    #[test]
    fn short_or_unattested_stems_make_no_compound() {
        assert!(of("держать", "держа", "пч", &["пчовод"]).is_empty());
        assert!(of("держать", "держа", "пчел", &[]).is_empty());
        assert!(of("on", "on", "пчел", &["пчелoon"]).is_empty());
        // A three-letter action root joins too much by chance: «пол» + «жен» is no «положение».
        assert!(of("жен", "жен", "пол", &["положен"]).is_empty());
        // A compound whose sense is not its pair's: «нарушение прав» is no «правонарушение».
        assert!(of("нарушение", "нарушен", "прав", &["правонарушен"]).is_empty());
    }

    #[test]
    fn a_kazakh_object_kept_names_its_branch_of_farming() {
        assert_eq!(
            kazakh_branch("ара", "ара", "ұста").as_deref(),
            Some("ара шаруашылығы")
        );
        assert_eq!(
            kazakh_branch("араларды", "ара", "ұста").as_deref(),
            Some("ара шаруашылығы")
        );
        assert_eq!(
            kazakh_branch("малды", "мал", "өсір").as_deref(),
            Some("мал шаруашылығы")
        );
        assert_eq!(kazakh_branch("ара", "ара", "сат"), None);
        // Kept at home is no household.
        assert_eq!(kazakh_branch("үйде", "үй", "ұста"), None);
    }

    /// Every Russian compound the rule can build over an index's vocabulary, with the object
    /// and the action's root it is built of: `ZANLEX_COMPOUNDS_INDEX=DIR cargo test --release
    /// --lib search::compounds::tests::every_compound_of_a_corpus -- --ignored --nocapture`
    /// (`evals/compounds.tsv` is its output on the evals corpus).
    #[test]
    #[ignore = "reads an index named by ZANLEX_COMPOUNDS_INDEX"]
    fn every_compound_of_a_corpus() {
        let Ok(dir) = std::env::var("ZANLEX_COMPOUNDS_INDEX") else {
            return;
        };
        let index = crate::ZanIndex::open(&dir).expect("index");
        let store = index.store();
        let searcher = store.searcher();
        let vocab = crate::search::terms::vocabulary(&searcher, store.fields().ru_stem);
        let attested = |s: &str| vocab.contains_key(s);
        let mut rows: Vec<String> = Vec::new();
        for (c, df) in &vocab {
            let chars: Vec<char> = c.chars().collect();
            for k in SHORTEST_OBJECT..chars.len().saturating_sub(2) {
                let object: String = chars[..k].iter().collect();
                let rest: String = chars[k + 1..].iter().collect();
                if !attested(&object) || !LINKS.iter().any(|l| l.starts_with(chars[k])) {
                    continue;
                }
                let root = rest.strip_suffix("ств").unwrap_or(&rest).to_string();
                // The actions whose root this is: the verbs of keeping, the root itself, the
                // stems it is derived from or that derive from it.
                let mut actions: Vec<String> = Vec::new();
                if root == KEEPING_ROOT {
                    actions.extend(
                        KEEPING
                            .iter()
                            .filter(|k| compound_stems(k, k, &object, attested).contains(c))
                            .map(|k| format!("{k}…")),
                    );
                }
                let mut own = vec![root.clone()];
                own.extend(derivation::related_stems(&root, Lang::Ru, attested));
                // Only actions the corpus writes itself: a pair of its words.
                for a in own.into_iter().filter(|a| attested(a)) {
                    if compound_stems(&a, &a, &object, attested).contains(c) {
                        actions.push(a);
                    }
                }
                if !actions.is_empty() {
                    rows.push(format!("{c}\t{df}\t{object}\t{}", actions.join(" ")));
                }
            }
        }
        println!("compound\tdoc_freq\tobject\tactions");
        for r in &rows {
            println!("{r}");
        }
        println!("# {} compounds", rows.len());
    }
}
