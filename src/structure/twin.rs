//! Whether a text lying beside a folder's metadata (`kaz.md` or `rus.md` beside `meta.yaml`)
//! is an expression of the act that metadata names, or another act's text put there.
//!
//! The evidence, in order: the date and number the text's own header prints (an attachment's
//! approval stamp, `Утверждены решением … от 27 марта 2015 года № 43-249`) against the
//! requisite's; where the header prints none, the text's title against the metadata's title in
//! its language — the share of their content words in common ([`title_agreement`]); where the
//! metadata has no title in the text's language, the numbers in the text's title against those
//! in the other language's. `evals/twins.sh` measures it on every real pair the project holds
//! and on every wrong pair made from them (`evals/census/twins.tsv`).

use crate::model::{Issuance, Lang};
use std::collections::BTreeMap;

/// What a text says of itself, read without its folder's metadata: its title and the first
/// issuance (date and number) its header prints, if any.
#[derive(Debug, Clone, Default)]
pub(crate) struct OwnHeader {
    pub title: String,
    pub issuance: Option<Issuance>,
}

/// The least [`title_agreement`] of a text's title with its metadata's title for the two to
/// be one act's. Real twins' titles differ where an act was renamed after the text's edition
/// («Парк инновационных технологий» → «Астана Хаб», 0.44 on the census, the lowest); the
/// wrong pairs of the census reach it only between acts of one subject (0.7 % of them).
pub(crate) const TITLE_AGREEMENT: f64 = 0.4;

/// Words of a title that name no act in particular: the kind words' frame («Об утверждении
/// Правил», «қағидаларын бекіту туралы»), the state's name, the words of place and time every
/// local act prints.
const FRAME_WORDS: [&str; 44] = [
    "об",
    "о",
    "в",
    "и",
    "на",
    "по",
    "от",
    "для",
    "с",
    "со",
    "к",
    "а",
    "также",
    "их",
    "его",
    "ее",
    "республики",
    "республике",
    "республика",
    "казахстан",
    "қазақстан",
    "республикасы",
    "республикасының",
    "республикасындағы",
    "туралы",
    "бекіту",
    "утверждении",
    "мен",
    "және",
    "бойынша",
    "облысы",
    "области",
    "облысында",
    "облысының",
    "қаласы",
    "города",
    "қаласында",
    "года",
    "жылғы",
    "№",
    "правил",
    "правила",
    "қағидаларын",
    "қағидалары",
];

/// How many letters of a word stand for it: enough to tell words apart (`правительстве`,
/// `правил`), few enough that the case endings of one word (`инновационном`, `инновационных`)
/// meet.
const STEM_LETTERS: usize = 6;

/// The content words of a title, lower case, look-alike letters read as the Cyrillic ones
/// they show, each cut to its first [`STEM_LETTERS`] letters.
fn content_words(title: &str) -> Vec<String> {
    let folded = crate::text::fold_lookalikes(title);
    crate::text::lowercase(&folded)
        .replace('ё', "е")
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !FRAME_WORDS.contains(w))
        .map(|w| w.chars().take(STEM_LETTERS).collect())
        .collect()
}

/// How far two titles in one language name the same act: twice the content words they share
/// (each word counted as often as both print it) over all their content words, from 0 (none
/// shared) to 1 (the same words), and how many they share. `None` when either has no content
/// word.
pub(crate) fn title_agreement(a: &str, b: &str) -> Option<TitleAgreement> {
    let (x, y) = (content_words(a), content_words(b));
    if x.is_empty() || y.is_empty() {
        return None;
    }
    let mut rest: BTreeMap<&str, usize> = BTreeMap::new();
    for w in &y {
        *rest.entry(w.as_str()).or_default() += 1;
    }
    let mut shared = 0usize;
    for w in &x {
        if let Some(n) = rest.get_mut(w.as_str()).filter(|n| **n > 0) {
            *n -= 1;
            shared += 1;
        }
    }
    Some(TitleAgreement {
        share: 2.0 * shared as f64 / (x.len() + y.len()) as f64,
        shared,
        fewer: x.len().min(y.len()),
        numbers_differ: {
            let (p, q) = (numbers(a), numbers(b));
            !p.is_empty() && !q.is_empty() && p != q
        },
    })
}

/// What [`title_agreement`] finds of two titles.
#[derive(Debug, Clone, Copy)]
pub(crate) struct TitleAgreement {
    /// Twice the content words shared over all the content words of both.
    pub share: f64,
    /// How many content words they share.
    pub shared: usize,
    /// How many content words the shorter prints.
    pub fewer: usize,
    /// Both print numbers (a year, an act's number), and not the same.
    pub numbers_differ: bool,
}

impl TitleAgreement {
    /// Whether the two titles can be one act's: a share of [`TITLE_AGREEMENT`] or more, two
    /// content words in common (one where a title has one: «О Правительстве»), and the same
    /// numbers where both print some.
    pub(crate) fn agrees(&self) -> bool {
        self.share >= TITLE_AGREEMENT && self.shared >= self.fewer.min(2) && !self.numbers_differ
    }
}

/// The runs of digits of a text, each once, in the order of numbers: two languages print a
/// date's day, month and year in their own order (`2012 жылғы 21 қаңтардағы`, `от 21 января
/// 2012 года`).
fn numbers(s: &str) -> std::collections::BTreeSet<&str> {
    s.split(|c: char| !c.is_ascii_digit())
        .filter(|n| !n.is_empty())
        .map(|n| n.trim_start_matches('0'))
        .collect()
}

/// Why the text whose header is `own`, in `lang`, is not the act its folder's metadata
/// `fields` (from the file `name`) names; `None` when nothing of it disagrees.
pub(crate) fn disagreement(
    own: &OwnHeader,
    fields: &BTreeMap<String, String>,
    name: &str,
    lang: Lang,
) -> Option<String> {
    let day = |d: chrono::NaiveDate| d.format("%d.%m.%Y").to_string();
    if let Some(mine) = &own.issuance {
        let facts = super::requisite::meta_facts(fields, lang);
        if let Some(named) = facts.as_ref().and_then(|f| f.issuances.first()) {
            let date_differs =
                mine.date.is_some() && named.date.is_some() && mine.date != named.date;
            let number_differs =
                mine.number.is_some() && named.number.is_some() && mine.number != named.number;
            if date_differs || number_differs {
                return Some(format!(
                    "{name} names the act of {} № {}, but its header names {} № {}",
                    named.date.map_or_else(|| "an unknown day".to_string(), day),
                    named.number.as_deref().unwrap_or("?"),
                    mine.date.map_or_else(|| "no day".to_string(), day),
                    mine.number.as_deref().unwrap_or("no number")
                ));
            }
            if mine.date.is_some() && mine.number.is_some() {
                // Its header names the act the metadata names.
                return None;
            }
        }
    }
    let get = |k: &str| {
        fields
            .get(k)
            .map(|v| v.trim().trim_matches(['\'', '"']).trim())
            .filter(|v| !v.is_empty())
    };
    let (same, other) = match lang {
        Lang::Kk => ("title.kaz", "title.rus"),
        Lang::Ru => ("title.rus", "title.kaz"),
    };
    let mine = own.title.trim();
    if mine.is_empty() {
        return None;
    }
    if let Some(theirs) = get(same) {
        let agreement = title_agreement(mine, theirs)?;
        return (!agreement.agrees()).then(|| {
            format!(
                "{name} names the act «{theirs}», but its title is «{mine}» ({:.0} % of their words in common)",
                agreement.share * 100.0
            )
        });
    }
    // Titles in two languages share their numbers (years, dates, numbers of acts), though
    // one may print a date in words and two-digit years (`05.09.95г.`, `1995 жылғы 5
    // қыркүйектегi`): they disagree when they share none.
    let theirs = get(other)?;
    let (a, b) = (numbers(mine), numbers(theirs));
    (!a.is_empty() && !b.is_empty() && a.is_disjoint(&b)).then(|| {
        format!("{name} names the act «{theirs}», but its title «{mine}» prints other numbers")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The lowest agreement of real twins on the census, a law renamed after its text's
    /// edition, is 4 shared of 9 content words.
    #[test]
    fn a_renamed_acts_titles_agree_in_four_of_nine_words() {
        let a = "Об инновационном кластере \"Парк инновационных технологий\"";
        let b = "Об инновационном кластере «Астана Хаб»";
        let got = title_agreement(a, b).expect("words");
        assert!((got.share - 4.0 / 9.0).abs() < 1e-9, "{got:?}");
        assert!(got.agrees(), "{got:?}");
    }

    /// Two Almaty oblast Rules of 2015 and 2020: one word of their content in common.
    #[test]
    fn two_rules_of_one_oblast_disagree() {
        let a = "Об утверждении Правил содержания и выгула собак и кошек, отлова и уничтожения \
                 бродячих собак и кошек в Алматинской области";
        let b = "Об утверждении Правил выпаса сельскохозяйственных животных по Алматинской области";
        let got = title_agreement(a, b).expect("words");
        assert!(!got.agrees(), "{got:?}");
    }

    /// «О безопасности игрушек» and «О Совете Безопасности Республики Казахстан»: one word of
    /// two in common is half their words, but no act's title is one word of another's.
    #[test]
    fn one_shared_word_of_two_is_not_one_act() {
        let got = title_agreement(
            "О безопасности игрушек",
            "О Совете Безопасности Республики Казахстан",
        )
        .expect("words");
        assert_eq!((got.shared, got.fewer), (1, 2));
        assert!(!got.agrees(), "{got:?}");
    }
}
