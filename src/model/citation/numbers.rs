//! An act's number as citations print it, and as one act is told from another by it.
//!
//! Laws carry the convocation of Parliament as a Roman suffix (`222-VII`), which notes print
//! now with a Cyrillic `І` for the Latin `I` (`156-VІI`), now not at all (the Kazakh notes of
//! the Law on the Government cite `№ 238-V` where the Russian ones cite `№ 238`); the database
//! adds `ЗРК` (`350-VI ЗРК`). One act, one number: [`display_number`] prints the suffix in
//! Latin letters without `ЗРК`; [`number_key`] also drops the suffix, so that `379` and
//! `379-I` of one date are one act.

/// Whether `s` is a Roman numeral written with Latin `I V X L C` (after [`latin_roman`]).
fn is_roman(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C'))
}

/// `s` with a Cyrillic `І` read as the Latin `I`, when that makes it a Roman numeral of
/// capital letters (`VІI` → `VII`); else `None`. Other look-alikes stay (`12-с` is no `C`).
fn latin_roman(s: &str) -> Option<String> {
    let t: String = s
        .chars()
        .map(|c| match c {
            'І' | 'Ӏ' => 'I',
            c => c,
        })
        .collect();
    is_roman(&t).then_some(t)
}

/// The number as a citation prints it: its Roman convocation suffix in Latin letters and the
/// database's trailing `ЗРК` (or `ҚРЗ`) left out.
pub fn display_number(n: &str) -> String {
    let t = n.trim();
    let t = ["ЗРК", "ҚРЗ", "ҚР З"]
        .iter()
        .find_map(|s| t.strip_suffix(s))
        .unwrap_or(t)
        .trim();
    match t.rsplit_once('-') {
        Some((base, suffix)) if !base.is_empty() => match latin_roman(suffix) {
            Some(r) => format!("{base}-{r}"),
            None => t.to_string(),
        },
        _ => t.to_string(),
    }
}

/// What tells one act's number from another's: the [`display_number`] without spaces and
/// without its Roman convocation suffix, in lower case (`379-I` and `379` → `379`). With the
/// date it names one act: a convocation is a span of years, so one date has one suffix.
pub fn number_key(n: &str) -> String {
    let d = display_number(n.trim().trim_start_matches(['№', 'N']).trim());
    let base = match d.rsplit_once('-') {
        Some((base, suffix)) if !base.is_empty() && is_roman(suffix) => base,
        _ => d.as_str(),
    };
    base.chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The examples of this module's items, run as unit tests (the items are not public).
#[cfg(test)]
mod doc_examples {
    #[test]
    fn display_number() {
        use crate::model::citation::numbers::display_number;
        assert_eq!(display_number("156-VІI"), "156-VII");
        assert_eq!(display_number("350-VI ЗРК"), "350-VI");
        assert_eq!(display_number("11-1-4/1"), "11-1-4/1");
        assert_eq!(display_number("20-42-3.3.17"), "20-42-3.3.17");
    }

    #[test]
    fn number_key() {
        use crate::model::citation::numbers::number_key;
        assert_eq!(number_key("379-I"), number_key("379"));
        assert_eq!(number_key("156-VІI"), number_key("156-VII"));
        assert_ne!(number_key("11-1-4/1"), number_key("11-1-4/2"));
        assert_eq!(number_key("N 2688"), "2688");
    }
}
