//! The issuers a search can be narrowed to, by code (`mfa`) or by a name a reader types, in
//! Kazakh or Russian (`Сыртқы істер министрі`, `Министр иностранных дел`): each issuer of
//! [`crate::model::citation::codes::issuers_table`] with its name in the nominative.
//!
//! The nominative names are the issuers' official titles as the acts' own requisites and
//! sign-offs print them (`Қазақстан Республикасының Сыртқы істер министрі`, `Министр
//! иностранных дел Республики Казахстан`): the same bodies the table's genitive citation words
//! name (`ҚР Сыртқы істер министрінің`, `Министра иностранных дел РК`), in the case a list
//! names them in. A body whose name depends on the place (a maslikhat, an akim) is named by
//! its kind alone, as the table's words are.

use crate::model::citation::codes::issuer_of_words;
use serde::Serialize;

/// An issuer a search can be narrowed to: its code (the `issuer:` filter's value, the start
/// of its acts' ids) and its name in the nominative in Kazakh and in Russian.
///
/// ```
/// let mfa = zanlex::issuers().into_iter().find(|i| i.code == "mfa").unwrap();
/// assert_eq!(mfa.ru, "Министр иностранных дел Республики Казахстан");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct IssuerName {
    /// The issuer's code (`mfa`, `government`).
    pub code: String,
    /// Its name in Kazakh, nominative.
    pub kk: String,
    /// Its name in Russian, nominative.
    pub ru: String,
}

/// (code, Kazakh, Russian) of every row of the issuer table
/// ([`crate::model::citation::codes::issuers_table`]), in its order: its nominative names.
fn nominative() -> impl Iterator<Item = (&'static str, &'static str, &'static str)> {
    crate::model::citation::codes::issuers_table()
        .iter()
        .map(|i| (i.slug, i.kk_nominative, i.ru_nominative))
}

/// Every issuer a search can be narrowed to, with its nominative names, in the order of the
/// issuer table (the central bodies first, the local ones last).
///
/// ```
/// let all = zanlex::issuers();
/// assert!(all.iter().any(|i| i.code == "government" && i.kk == "Қазақстан Республикасының Үкіметі"));
/// ```
pub fn issuers() -> Vec<IssuerName> {
    nominative()
        .map(|(code, kk, ru)| IssuerName {
            code: code.to_string(),
            kk: kk.to_string(),
            ru: ru.to_string(),
        })
        .collect()
}

/// An issuer typed that names none, or several: what was typed and the names closest to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct NoSuchIssuer {
    /// What was typed, trimmed.
    pub given: String,
    /// The closest names (or, for a name several issuers share, theirs).
    pub close: Vec<String>,
    /// Several issuers have the words typed.
    pub ambiguous: bool,
}

impl std::fmt::Display for NoSuchIssuer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let names = self
            .close
            .iter()
            .map(|n| format!("«{n}»"))
            .collect::<Vec<_>>()
            .join(", ");
        if self.ambiguous {
            write!(
                f,
                "issuer {:?} names several issuers: {names}; type more of the name",
                self.given
            )
        } else if names.is_empty() {
            write!(
                f,
                "no issuer is named {:?}; give a code (mfa, mvd, government …) or a name",
                self.given
            )
        } else {
            write!(
                f,
                "no issuer is named {:?}; the closest names: {names}",
                self.given
            )
        }
    }
}

/// Lowercased, one kind of `і`, quotes and extra spaces dropped: how typed and table names
/// are compared.
fn folded(s: &str) -> String {
    let l = crate::text::normalize_i(&crate::text::lowercase(s));
    l.split(|c: char| c.is_whitespace() || matches!(c, '"' | '«' | '»' | '“' | '”'))
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The code of the issuer `typed` names: a code (`mfa`, `other` for an issuer zanlex has no
/// row for), a name in the nominative or the words a requisite names it by, in Kazakh or in
/// Russian (`Министр иностранных дел`, `ҚР Сыртқы істер министрінің`, `Үкімет`), or a part
/// of one name only; else what is closest.
pub(crate) fn issuer_code_of(typed: &str) -> Result<&'static str, NoSuchIssuer> {
    let t = folded(typed);
    let fail = |close: Vec<String>, ambiguous| NoSuchIssuer {
        given: typed.trim().to_string(),
        close,
        ambiguous,
    };
    if t.is_empty() {
        return Err(fail(Vec::new(), false));
    }
    if t == "other" {
        return Ok("other");
    }
    // A code, or a whole name.
    if let Some((code, ..)) =
        nominative().find(|(code, kk, ru)| *code == t || folded(kk) == t || folded(ru) == t)
    {
        return Ok(code);
    }
    // The words a requisite names the issuer by (`иностранных дел`).
    if let Some(row) = issuer_of_words(&t) {
        return Ok(row.slug);
    }
    // A part of names: of one issuer's only, else the names that have it.
    let having: Vec<(&'static str, &'static str, &'static str)> = nominative()
        .filter(|(_, kk, ru)| folded(kk).contains(&t) || folded(ru).contains(&t))
        .collect();
    let cyrillic_kk = t.chars().any(|c| "әғқңөұүһі".contains(c));
    let in_typed = |row: &(&'static str, &'static str, &'static str)| -> String {
        if cyrillic_kk {
            row.1.to_string()
        } else {
            row.2.to_string()
        }
    };
    match having.as_slice() {
        [one] => return Ok(one.0),
        [] => {}
        many => return Err(fail(many.iter().take(6).map(in_typed).collect(), true)),
    }
    // The closest names, by how alike the typed words are to the name's first as many.
    let mut scored: Vec<(f64, String)> = nominative()
        .flat_map(|(_, kk, ru)| [kk, ru])
        .map(|name| {
            let f = folded(name);
            let head: String = f.chars().take(t.chars().count()).collect();
            let score = strsim::jaro_winkler(&t, &f).max(strsim::jaro_winkler(&t, &head));
            (score, name.to_string())
        })
        .filter(|(s, _)| *s >= 0.75)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    Err(fail(
        scored.into_iter().take(3).map(|(_, n)| n).collect(),
        false,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every row of the issuer table has its nominative names, in its order.
    #[test]
    fn every_issuer_has_its_names() {
        // Each nominative name is recognised as its own issuer.
        for (code, kk, ru) in nominative() {
            for name in [kk, ru] {
                assert_eq!(issuer_code_of(name), Ok(code), "{name}");
            }
        }
    }

    #[test]
    fn names_typed_in_either_language() {
        for (typed, code) in [
            ("mfa", "mfa"),
            ("MVD", "mvd"),
            ("Министр иностранных дел", "mfa"),
            ("Сыртқы істер министрі", "mfa"),
            ("ҚР Сыртқы істер министрінің", "mfa"),
            ("ішкі істер министрі", "mvd"),
            ("Министр внутренних дел", "mvd"),
            ("Правительство", "government"),
            ("Үкімет", "government"),
            ("Министр юстиции", "moj"),
            ("Әділет министрі", "moj"),
            ("Аким", "akim"),
            ("акимат", "akimat"),
            ("маслихат", "maslikhat"),
            ("Генеральный прокурор", "gp"),
            ("other", "other"),
        ] {
            assert_eq!(issuer_code_of(typed), Ok(code), "{typed}");
        }
    }

    #[test]
    fn an_unknown_or_shared_name_is_said_with_the_close_names() {
        let e = issuer_code_of("Министр").unwrap_err();
        assert!(e.ambiguous, "{e}");
        assert!(
            e.close
                .contains(&"Министр юстиции Республики Казахстан".to_string()),
            "{e}"
        );
        let e = issuer_code_of("Министр иностраных дел").unwrap_err();
        assert!(!e.ambiguous);
        assert_eq!(
            e.close.first().map(String::as_str),
            Some("Министр иностранных дел Республики Казахстан"),
            "{e}"
        );
        assert!(e.to_string().starts_with(
            "no issuer is named \"Министр иностраных дел\"; the closest names: «Министр иностранных дел Республики Казахстан»"
        ), "{e}");
        let e = issuer_code_of("xyzzy").unwrap_err();
        assert!(e.close.is_empty(), "{e}");
        assert!(e.to_string().contains("give a code"), "{e}");
    }
}
