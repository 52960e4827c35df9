//! Readings of a Kazakh word as a form of a verb, for words a corpus never spells that way.
//!
//! The stemmer ([`crate::stem`]) takes a word for a verb form only when its suffix cannot be
//! mistaken for a noun's (`-ған`, `-у`) or when its compiled-in vocabulary knows the verb: a
//! final `-а/-е` is as often a noun's (`бала`, `ереже`, `жаза`) as a converb's (`үйлене`,
//! `тіркеле`), so the stemmer leaves it on. People asking a question use the verb forms of
//! speech — converbs, the present with person endings, the past, the conditional, negation
//! (`үйлене`, `төлеймін`, `тіркелдім`, `үйленбеген`) — which a law's text, written in verbal
//! nouns and participles (`үйлену`, `тіркелген`), seldom has.
//!
//! [`verb_readings`] lists the verbal nouns (`stem + у`) a word could be a form of; the search
//! keeps those that the index itself spells as words, and only for a word the index has no form
//! of, so the corpus decides which reading is a verb: `үйлене` reads as `үйлену` where the laws
//! say `үйлену`, and `бала` stays a word of its own.
//!
//! ```
//! use zanlex_analysis::verb::verb_readings;
//! assert!(verb_readings("үйлене").contains(&"үйлену".to_string()));
//! assert!(verb_readings("төлеймін").contains(&"төлеу".to_string()));
//! assert!(verb_readings("тіркелдім").contains(&"тіркелу".to_string()));
//! // Negation is read both ways: the negative verb and the verb itself.
//! let r = verb_readings("үйленбеген");
//! assert!(r.contains(&"үйленбеу".to_string()) && r.contains(&"үйлену".to_string()));
//! ```

/// Person endings of the present, the past and the conditional, longest first within a group
/// (`-мын` of `барамын`, `-ңыз` of `алсаңыз`, `-м` of `келдім`).
const PERSON: &[&str] = &[
    "сыңдар",
    "сіңдер",
    "сыздар",
    "сіздер",
    "ңыздар",
    "ңіздер",
    "ңдар",
    "ңдер",
    "мын",
    "мін",
    "сың",
    "сің",
    "сыз",
    "сіз",
    "мыз",
    "міз",
    "быз",
    "біз",
    "пыз",
    "піз",
    "ңыз",
    "ңіз",
    "м",
    "ң",
    "қ",
    "к",
];

/// Tense, mood and converb endings that follow the verb stem (with its negation, if any) and
/// may carry a person ending: (ending, whether the stem before it ends in a vowel).
const TENSE: &[(&str, Option<bool>)] = &[
    // Evidential past (`болыпты`), the past (`келді`), the conditional (`төлесе`).
    ("ыпты", Some(false)),
    ("іпті", Some(false)),
    ("пты", Some(true)),
    ("ады", Some(false)),
    ("еді", Some(false)),
    ("йды", Some(true)),
    ("йді", Some(true)),
    ("ды", None),
    ("ді", None),
    ("ты", Some(false)),
    ("ті", Some(false)),
    ("са", None),
    ("се", None),
    // The present and the converb `-а/-е/-й` (`барамын`, `келе`, `төлей`).
    ("а", Some(false)),
    ("е", Some(false)),
    ("й", Some(true)),
];

/// Endings that end a verb form and take no person ending: converbs, participles, the negative
/// converb, the optative and the imperative.
const FINAL: &[(&str, Option<bool>)] = &[
    ("ып", Some(false)),
    ("іп", Some(false)),
    ("п", Some(true)),
    ("ған", None),
    ("ген", None),
    ("қан", Some(false)),
    ("кен", Some(false)),
    ("атын", Some(false)),
    ("етін", Some(false)),
    ("йтын", Some(true)),
    ("йтін", Some(true)),
    ("ар", Some(false)),
    ("ер", Some(false)),
    ("мақ", None),
    ("мек", None),
    ("бақ", None),
    ("бек", None),
    ("пақ", None),
    ("пек", None),
    ("айын", Some(false)),
    ("ейін", Some(false)),
    ("йын", Some(true)),
    ("йін", Some(true)),
    ("айық", Some(false)),
    ("ейік", Some(false)),
    ("йық", Some(true)),
    ("йік", Some(true)),
    ("ыңыз", Some(false)),
    ("іңіз", Some(false)),
    ("сын", None),
    ("сін", None),
    ("ай", Some(false)),
    ("ей", Some(false)),
];

/// The negation a verb stem may end in, and the negative converb (`алмай`, `бермей`).
const NEGATION: &[&str] = &["ма", "ме", "ба", "бе", "па", "пе"];

fn is_vowel(c: char) -> bool {
    matches!(
        c,
        'а' | 'ә' | 'е' | 'о' | 'ө' | 'ұ' | 'ү' | 'ы' | 'і' | 'э' | 'ю' | 'я' | 'ё' | 'и' | 'у'
    )
}

/// Whether `stem` may be a verb stem: at least two letters with a vowel, and, when `vowel` says
/// so, ending in a vowel (`Some(true)`) or a consonant (`Some(false)`).
fn stem_fits(stem: &str, vowel: Option<bool>) -> bool {
    let mut letters = stem.chars();
    let last = letters.next_back();
    let Some(last) = last else {
        return false;
    };
    if letters.next().is_none() || !stem.chars().any(is_vowel) {
        return false;
    }
    vowel.is_none_or(|v| is_vowel(last) == v)
}

/// The verbal nouns (`stem + у`) that `word` (lowercased Kazakh, Cyrillic) could be a form of,
/// each once, the longest stem first; with a negation on the stem, both the negative verb
/// (`үйленбеу`) and the verb (`үйлену`). Nothing for a word with no verb ending; the readings
/// are guesses that the caller checks against a corpus.
pub fn verb_readings(word: &str) -> Vec<String> {
    let mut stems: Vec<&str> = Vec::new();
    fn push<'w>(stems: &mut Vec<&'w str>, stem: &'w str, vowel: Option<bool>) {
        if stem_fits(stem, vowel) && !stems.contains(&stem) {
            stems.push(stem);
        }
    }
    // A tense ending, with or without a person ending after it.
    let personless = std::iter::once(word);
    let with_person = PERSON.iter().filter_map(|p| word.strip_suffix(p));
    for form in personless.chain(with_person) {
        for &(ending, vowel) in TENSE {
            if let Some(stem) = form.strip_suffix(ending) {
                push(&mut stems, stem, vowel);
            }
        }
    }
    for &(ending, vowel) in FINAL {
        if let Some(stem) = word.strip_suffix(ending) {
            push(&mut stems, stem, vowel);
        }
    }
    let mut out: Vec<String> = Vec::new();
    stems.sort_by_key(|s| std::cmp::Reverse(s.len()));
    for stem in stems {
        let positive = NEGATION
            .iter()
            .find_map(|n| stem.strip_suffix(n))
            .filter(|p| stem_fits(p, None));
        for s in std::iter::once(stem).chain(positive) {
            let noun = format!("{s}у");
            if !out.contains(&noun) {
                out.push(noun);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::verb_readings;

    #[test]
    fn forms_of_speech_read_as_their_verbal_nouns() {
        for (word, noun) in [
            ("үйлене", "үйлену"),
            ("үйленсе", "үйлену"),
            ("үйленген", "үйлену"),
            ("үйленбеген", "үйлену"),
            ("тіркелмесе", "тіркелу"),
            ("тіркелдім", "тіркелу"),
            ("төлеймін", "төлеу"),
            ("төлей", "төлеу"),
            ("барамын", "бару"),
            ("алмай", "алу"),
            ("алсаңыз", "алу"),
            ("болыпты", "болу"),
            ("келмейді", "келу"),
        ] {
            let r = verb_readings(word);
            assert!(r.iter().any(|n| n == noun), "{word}: {r:?}");
        }
    }

    #[test]
    fn no_reading_without_a_verb_ending_or_a_stem() {
        assert!(verb_readings("заң").is_empty());
        // `-а` after a one-letter stem leaves no stem.
        assert!(verb_readings("ла").is_empty());
    }
}
