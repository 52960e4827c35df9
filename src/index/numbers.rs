//! Legal numbers as lawyers type them (`223-VII`, `№ 82-VIII`, `11-1-4/730`, `21165`): every
//! unit document holds, in the raw field `numbers`, the [`key`]s of the numbers that identify
//! it, each behind its role: its act's own numbers and registration number ([`ROLE_ACT`], and
//! [`ROLE_HEAD`] again on the act's first unit), and the numbers of the acts that amended the
//! unit ([`ROLE_AMENDED`]); and for the `reg:` and `number:` filters, the act's registration
//! number alone ([`ROLE_REGISTRATION`]) and its own numbers alone ([`ROLE_NUMBER`]). Search matches a query word shaped like a number against them
//! (`crate::search::numbers`), so the act is found even when its text never prints its own
//! number, and an amending act that is not in the corpus still leads to the units it changed.

use crate::model::{Act, Amendment, Unit};
use std::sync::Arc;

/// The role of a number that is the unit's act's own number or registration number.
pub const ROLE_ACT: &str = "a:";
/// [`ROLE_ACT`] on the act's first unit (its preamble, else its first unit with text): what a
/// query that is only the number puts on top.
pub const ROLE_HEAD: &str = "h:";
/// The role of the number of an act that amended the unit.
pub const ROLE_AMENDED: &str = "m:";

/// The role of the unit's act's state registration number, for the `reg:` filter.
pub const ROLE_REGISTRATION: &str = "r:";
/// The role of a number the unit's act was given by its issuer (each of a joint act's), for
/// the `number:` filter.
pub const ROLE_NUMBER: &str = "n:";

/// Longest key: anything longer is not a number.
const MAX_KEY: usize = 40;

/// The key of a legal number as printed or typed, the same for every spelling of it: without
/// a leading `№` (or `N`), spaces and trailing punctuation, lowercased, dashes as `-`, and a
/// Roman numeral typed with Cyrillic look-alikes (`VІІ` with Kazakh `І`) in Latin letters.
/// `None` unless it starts with a digit and holds only letters, digits and `-` `/` `.`.
pub fn key(raw: &str) -> Option<String> {
    let t = raw.trim();
    let t = t.strip_prefix('№').unwrap_or(t).trim_start();
    let t = match t.strip_prefix(['N', 'n']) {
        Some(rest) if rest.starts_with(|c: char| c.is_whitespace() || c.is_ascii_digit()) => {
            rest.trim_start()
        }
        _ => t,
    };
    let t = t.trim_end_matches(|c: char| !c.is_alphanumeric());
    if !t.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let mut out = String::with_capacity(t.len());
    for c in t.chars() {
        match c {
            c if c.is_whitespace() => {}
            '-' | '‐' | '‑' | '‒' | '–' | '—' | '−' => out.push('-'),
            '/' | '.' => out.push(c),
            c if c.is_alphanumeric() => out.extend(c.to_lowercase()),
            _ => return None,
        }
        if out.len() > MAX_KEY {
            return None;
        }
    }
    Some(latin_roman_numerals(&out))
}

/// The key a registration number or an act's number is filtered by: the one of
/// [`key`] when the number starts with a digit, else (`ҚР ДСМ-175/2020`)
/// the same spelling rules without that condition; `None` for a value with no digit.
pub fn filter_key(raw: &str) -> Option<String> {
    if let Some(k) = crate::index::numbers::key(raw) {
        return Some(k);
    }
    let t = raw.trim();
    let t = t.strip_prefix('№').unwrap_or(t).trim();
    let mut out = String::new();
    for c in t.chars() {
        match c {
            c if c.is_whitespace() => {}
            '-' | '‐' | '‑' | '‒' | '–' | '—' | '−' => out.push('-'),
            c => out.extend(c.to_lowercase()),
        }
    }
    let out = out
        .trim_end_matches(|c: char| !c.is_alphanumeric())
        .to_string();
    (out.chars().any(|c| c.is_ascii_digit()) && out.chars().count() <= 40).then_some(out)
}

/// `out` with each run of letters that is a Roman numeral written partly in Cyrillic
/// look-alikes (`і`, `х`, `с`) in Latin letters.
fn latin_roman_numerals(s: &str) -> String {
    let latin = |c: char| match c {
        'і' => Some('i'),
        'х' => Some('x'),
        'с' => Some('c'),
        'i' | 'v' | 'x' | 'l' | 'c' | 'd' | 'm' => Some(c),
        _ => None,
    };
    let mut out = String::with_capacity(s.len());
    let mut run = String::new();
    let flush = |run: &mut String, out: &mut String| {
        match run.chars().map(latin).collect::<Option<String>>() {
            Some(roman) => out.push_str(&roman),
            None => out.push_str(run),
        }
        run.clear();
    };
    for c in s.chars() {
        if c.is_alphabetic() {
            run.push(c);
        } else {
            flush(&mut run, &mut out);
            out.push(c);
        }
    }
    flush(&mut run, &mut out);
    out
}

/// The role-prefixed keys of an act's own numbers: its issuances' numbers (a joint order has
/// one per issuer) and its registration number, each once.
pub struct ActNumbers {
    own: Vec<Arc<str>>,
    head: Vec<Arc<str>>,
}

impl ActNumbers {
    /// The keys of `act`'s numbers.
    pub fn of(act: &Act) -> Self {
        let mut keys: Vec<String> = Vec::new();
        let printed = act
            .issuances
            .iter()
            .filter_map(|i| i.number.as_deref())
            .chain(act.registration.as_ref().map(|r| r.number.as_str()));
        for k in printed.filter_map(key) {
            if !keys.contains(&k) {
                keys.push(k);
            }
        }
        let with = |role: &str| -> Vec<Arc<str>> {
            keys.iter().map(|k| format!("{role}{k}").into()).collect()
        };
        let mut own = with(ROLE_ACT);
        // The filters' keys, each in its role: a number printed without a leading digit
        // (`ҚР ДСМ-175/2020`) is filtered by too.
        let mut filtered: Vec<String> = Vec::new();
        for k in act
            .issuances
            .iter()
            .filter_map(|i| i.number.as_deref())
            .filter_map(filter_key)
        {
            let k = format!("{ROLE_NUMBER}{k}");
            if !filtered.contains(&k) {
                filtered.push(k);
            }
        }
        if let Some(k) = act
            .registration
            .as_ref()
            .and_then(|r| filter_key(&r.number))
        {
            filtered.push(format!("{ROLE_REGISTRATION}{k}"));
        }
        own.extend(filtered.into_iter().map(Arc::from));
        ActNumbers {
            own,
            head: with(ROLE_HEAD),
        }
    }

    /// The keys of a unit's own numbers: its act's, again as the head's when `head` (shared by
    /// every unit of the act, so the document holds them without copying).
    pub fn own_keys(&self, head: bool) -> impl Iterator<Item = &Arc<str>> {
        let head: &[Arc<str>] = if head { &self.head } else { &[] };
        self.own.iter().chain(head)
    }

    /// The keys of the numbers of the acts that made `amendments`, each once.
    pub fn amended_keys(amendments: &[&Amendment]) -> Vec<String> {
        let mut amended: Vec<String> = Vec::new();
        for k in amendments
            .iter()
            .filter_map(|a| a.by.number.as_deref())
            .filter_map(key)
        {
            let k = format!("{ROLE_AMENDED}{k}");
            if !amended.contains(&k) {
                amended.push(k);
            }
        }
        amended
    }
}

/// The eid of the first unit of one edition's `units`: the preamble when it has one, else the
/// first unit with text, depth first.
pub fn head_eid(units: &[Unit]) -> Option<&str> {
    let has_text = |u: &Unit| !u.text.trim().is_empty();
    if let Some(p) = units.iter().find(|u| u.eid == "preamble" && has_text(u)) {
        return Some(&p.eid);
    }
    fn first<'a>(units: &'a [Unit], has_text: &dyn Fn(&Unit) -> bool) -> Option<&'a str> {
        units.iter().find_map(|u| {
            if has_text(u) {
                Some(u.eid.as_str())
            } else {
                first(&u.children, has_text)
            }
        })
    }
    first(units, &has_text)
}

/// The examples of this module's items, run as unit tests (the items are not public).
#[cfg(test)]
mod doc_examples {
    #[test]
    fn key() {
        use crate::index::numbers::key;
        assert_eq!(key("№ 82-VIII").as_deref(), Some("82-viii"));
        assert_eq!(key("223-vii").as_deref(), Some("223-vii"));
        assert_eq!(key("156-VІІ").as_deref(), Some("156-vii")); // Kazakh І
        assert_eq!(key("№11-1-4/730,").as_deref(), Some("11-1-4/730"));
        assert_eq!(key("N 2688").as_deref(), Some("2688"));
        assert_eq!(key("418 / 54-VI").as_deref(), Some("418/54-vi"));
        assert_eq!(key("64–340").as_deref(), Some("64-340"));
        assert_eq!(key("3-қосымша").as_deref(), Some("3-қосымша"));
        assert_eq!(key("№"), None);
        assert_eq!(key("виза"), None);
        assert_eq!(key("http://x"), None);
    }

    #[test]
    fn filter_key() {
        use crate::index::numbers::filter_key;
        assert_eq!(filter_key("№ 11-1-4/1").as_deref(), Some("11-1-4/1"));
        assert_eq!(
            filter_key("ҚР ДСМ–175/2020").as_deref(),
            Some("қрдсм-175/2020")
        );
        assert_eq!(filter_key("виза"), None);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_of_one_number_share_a_key() {
        for typed in [
            "156-VII",
            "156-vii",
            "№ 156-VII",
            "№156-VII",
            "156 - VII",
            "156–VІІ",
        ] {
            assert_eq!(key(typed).as_deref(), Some("156-vii"), "{typed}");
        }
        // Letters that are not a Roman numeral stay as they are.
        assert_eq!(key("123-р").as_deref(), Some("123-р"));
        assert_eq!(key("12-ic").as_deref(), Some("12-ic"));
        assert_eq!(key(&"1".repeat(41)), None);
        assert_eq!(key("1 2\u{0}").as_deref(), Some("12"));
        assert_eq!(key("1\u{0}2"), None);
    }

    #[test]
    fn the_head_is_the_preamble_else_the_first_unit_with_text() {
        use crate::model::UnitKind;
        let unit = |eid: &str, text: &str| {
            let mut u = Unit::new(eid, UnitKind::Paragraph, None);
            u.text = text.into();
            u
        };
        let mut chapter = unit("chp_1", "");
        chapter.children.push(unit("art_1", "Үкімет"));
        assert_eq!(
            head_eid(&[chapter.clone(), unit("preamble", "Осы")]),
            Some("preamble")
        );
        assert_eq!(head_eid(&[chapter, unit("art_2", "x")]), Some("art_1"));
        assert_eq!(head_eid(&[]), None);
    }
}
