//! Which act an act replaced and which replaced it (`zanlex show`, `zanlex history`), read from
//! what the corpus says: the old act's repeal requisite naming the new act, or the new act's
//! repeal clause naming the old one, and in either case the two acts bearing one title (for
//! codes, one code's name: the Tax Code of 2017 and that of 2025 are titled differently).

use crate::model::{Act, ActKind, ActLink, Status};
use crate::ZanIndex;
use regex::Regex;
use serde::{Deserialize, Serialize};
use std::sync::LazyLock;

/// An act's place in a succession: the act it repealed and replaced, and the act that
/// repealed and replaced it.
///
/// A repeal alone is no succession: the two acts must bear one title (the rules on keeping
/// dogs and cats of 2015 and the rules on the same of 2019), as the corpus prints it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[non_exhaustive]
pub struct Succession {
    /// The predecessor: the act this act repealed and replaced.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replaces: Option<ActLink>,
    /// The successor: the act that repealed and replaced this act.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replaced_by: Option<ActLink>,
}

impl Succession {
    /// Whether the act has neither a predecessor nor a successor.
    pub fn is_empty(&self) -> bool {
        self.replaces.is_none() && self.replaced_by.is_none()
    }
}

/// `… от 31 июля 2019 года № 51-257`: a number after `№`.
static RE_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"№\s*([^\s«»(),;]+)").expect("valid regex"));

/// A title as compared: lowercase words of letters and digits (quotes, punctuation, spacing
/// aside).
fn title_key(s: &str) -> String {
    let l = s.to_lowercase();
    let cleaned: String = l
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    cleaned.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn number_key(n: &str) -> String {
    n.trim_end_matches(['.', ',']).to_lowercase()
}

/// Whether `act` is the act named by `date` and `number`.
fn is_named(act: &Act, date: Option<chrono::NaiveDate>, number: &str) -> bool {
    date.is_some()
        && act.date() == date
        && act
            .issuances
            .iter()
            .filter_map(|i| i.number.as_deref())
            .any(|n| number_key(n) == number_key(number))
}

/// A code's name within its title, as compared: the name in brackets after a long title
/// (`О налогах и других обязательных платежах в бюджет (Налоговый кодекс)`), else the title
/// without the state's name (`Налоговый кодекс Республики Казахстан`, `Қазақстан
/// Республикасының Салық кодексі`): so a code renamed when it was replaced keeps its name.
fn code_name(title: &str) -> Option<String> {
    let bracketed = title
        .rsplit_once('(')
        .and_then(|(_, b)| b.split_once(')'))
        .map(|(b, _)| title_key(b))
        .filter(|b| b.contains("кодекс"));
    bracketed.or_else(|| {
        let key = title_key(title);
        let name = ["республики казахстан", "қазақстан республикасының"]
            .iter()
            .fold(key, |k, state| k.replace(state, " "));
        let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
        name.contains("кодекс").then_some(name)
    })
}

/// Whether two acts' titles (with their kinds) name one act: the same words, or, for two
/// codes, the same code's name.
fn same_title(a: (ActKind, &str), b: (ActKind, &str)) -> bool {
    if title_key(a.1) == title_key(b.1) {
        return true;
    }
    let code = |(kind, title): (ActKind, &str)| {
        (kind == ActKind::Code).then(|| code_name(title)).flatten()
    };
    code(a).is_some_and(|n| code(b).as_ref() == Some(&n))
}

/// Whether two acts' expressions share a title in one language.
fn one_title(a: &[Act], b: &[Act]) -> bool {
    a.iter().any(|x| {
        b.iter()
            .any(|y| x.lang == y.lang && same_title((x.kind, &x.title), (y.kind, &y.title)))
    })
}

/// The repeal an act's requisite states: the repealing act as printed, its date and number.
fn repeal_named(act: &Act) -> Option<(String, Option<chrono::NaiveDate>, String)> {
    let Status::Repealed { by: Some(by), .. } = &act.status else {
        return None;
    };
    let number = RE_NUMBER.captures(by)?[1].to_string();
    // The repealing act is named by the date it bears, which is not always the day the
    // repeal took effect.
    Some((by.clone(), crate::text::parse_date(by), number))
}

/// The acts an act's repeal clauses repeal whose title is the act's own: (as named, date,
/// number).
fn replaced_in_text(act: &Act) -> Vec<(String, Option<chrono::NaiveDate>, String)> {
    let own = title_key(&act.title);
    act.units
        .iter()
        .filter(|u| u.eid.starts_with("para_"))
        .flat_map(|u| crate::structure::header::repeal_order(&u.text))
        .filter(|r| title_key(&r.title) == own)
        .filter_map(|r| Some((r.named, r.date, r.number?)))
        .collect()
}

impl ZanIndex {
    /// The act that repealed act `this` (its expressions), as its repeal requisite names it
    /// (`Утратило силу решением маслихата Алматинской области от 13 августа 2024 года №
    /// 25-125`), with its id when the corpus holds an act of that date and number; `None` when
    /// the act is not repealed or the requisite names no act.
    pub(crate) fn repealed_by(&self, this: &[Act]) -> crate::Result<Option<ActLink>> {
        let Some((by, on, number)) = this.iter().find_map(repeal_named) else {
            return Ok(None);
        };
        let own = this.first().map_or("", |a| a.id.as_str());
        Ok(Some(ActLink {
            id: self.act_named(own, on, &number)?,
            requisite: by,
            date: on,
            number: Some(number),
            evidence: "requisite".to_string(),
        }))
    }

    /// The id of the act of the index, other than act `own`, that bears `date` and `number`
    /// (an act a requisite or a note names); `None` when the corpus holds none, or no date
    /// is known to look it up by.
    pub(crate) fn act_named(
        &self,
        own: &str,
        date: Option<chrono::NaiveDate>,
        number: &str,
    ) -> crate::Result<Option<String>> {
        let Some(date) = date else {
            return Ok(None);
        };
        // An act's id carries its date: only those ids are read.
        let dated = format!("-{date}-");
        for other in self.act_ids()?.iter().filter(|i| i.contains(&dated)) {
            if other != own && is_named(&self.act(other)?, Some(date), number) {
                return Ok(Some(other.clone()));
            }
        }
        Ok(None)
    }

    /// The id of the act of the index that bears `date` and `number`, act `own` included
    /// (an expiry's note may name the act it is printed in): `own` when it is that act, else
    /// as [`ZanIndex::act_named`].
    pub(crate) fn act_or_self_named(
        &self,
        own: &str,
        date: Option<chrono::NaiveDate>,
        number: &str,
    ) -> crate::Result<Option<String>> {
        if is_named(&self.act(own)?, date, number) {
            return Ok(Some(own.to_string()));
        }
        self.act_named(own, date, number)
    }

    /// The act `id` replaced and the act that replaced it ([`Succession`]), from its
    /// expressions and the acts of the index bearing its title.
    ///
    /// ```no_run
    /// # fn main() -> zanlex::Result<()> {
    /// let index = zanlex::ZanIndex::open("index")?;
    /// let s = index.succession("maslikhat-decision-2019-07-31-51-257")?;
    /// if let Some(old) = &s.replaces {
    ///     println!("replaces {}", old.describe());
    /// }
    /// # Ok(()) }
    /// ```
    pub fn succession(&self, id: &str) -> crate::Result<Succession> {
        let this = self.expressions(id)?;
        if this.is_empty() {
            // The index's own answer for an unknown id: the nearest ids it has.
            self.act(id)?;
        }
        self.succession_of(id, &this)
    }

    /// [`ZanIndex::succession`] of act `id` whose expressions, `this`, are already read.
    pub(crate) fn succession_of(&self, id: &str, this: &[Act]) -> crate::Result<Succession> {
        // The other act of a succession bears this act's title: it is among the acts found
        // by it.
        let keys: Vec<String> = {
            let mut k: Vec<String> = this
                .iter()
                .flat_map(crate::refs::resolve::act_lookup_keys)
                .filter(|k| k.starts_with(crate::refs::resolve::TITLE_KEY_PREFIX))
                .collect();
            k.sort();
            k.dedup();
            k
        };
        let mut others: Vec<Act> = Vec::new();
        self.store().for_each_act_outline_with_keys(&keys, |a| {
            if a.id != id {
                others.push(a);
            }
            Ok(())
        })?;
        // Every expression of the other act: the key found one of them.
        let group = |other_id: &str| self.store().act_outlines(other_id);
        let mut out = Succession::default();
        // The successor: named by this act's repeal requisite, bearing its title.
        if let Some((by, on, number)) = this.iter().find_map(repeal_named) {
            if let Some(next) = others.iter().find(|a| is_named(a, on, &number)) {
                if one_title(this, &group(&next.id)?) {
                    out.replaced_by = Some(ActLink {
                        id: Some(next.id.clone()),
                        requisite: by,
                        date: on,
                        number: Some(number),
                        evidence: "requisite".to_string(),
                    });
                }
            }
        }
        // The predecessor: an act of this title whose repeal requisite names this act, else
        // the act this act's repeal clause repeals under its own title (in the corpus or not).
        let date = this.iter().find_map(Act::date);
        let numbers: Vec<String> = this.iter().map(Act::number).collect();
        let named_here = |a: &Act| {
            repeal_named(a).is_some_and(|(_, on, n)| {
                on == date && numbers.iter().any(|x| number_key(x) == number_key(&n))
            })
        };
        if let Some(prev) = others.iter().find(|a| named_here(a)) {
            let prev_group = group(&prev.id)?;
            // Named in the language of this act's first expression where it has that text.
            let prev = prev_group
                .iter()
                .find(|a| Some(a.lang) == this.first().map(|t| t.lang))
                .unwrap_or(prev);
            if one_title(this, &prev_group) {
                out.replaces = Some(ActLink {
                    id: Some(prev.id.clone()),
                    requisite: crate::model::citation::citation(prev, &[]),
                    date: prev.date(),
                    number: Some(prev.number()),
                    evidence: "requisite".to_string(),
                });
            }
        }
        if out.replaces.is_none() {
            if let Some((named, on, number)) = this.iter().flat_map(replaced_in_text).next() {
                let found = others.iter().find(|a| is_named(a, on, &number));
                out.replaces = Some(ActLink {
                    id: found.map(|a| a.id.clone()),
                    requisite: named,
                    date: on,
                    number: Some(number),
                    evidence: "repeal clause".to_string(),
                });
            }
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The titles are those of the mirror's `meta.yaml` (kazakhstan-law/codes: 117004 and
    /// 212543, the Tax Codes of 2017 and 2025; 16225 and 209026, the Water Codes of 2003 and
    /// 2025; the Codes on Administrative Offences and Administrative Procedure).
    #[test]
    fn a_code_keeps_its_name_across_titles() {
        let code = |title| (ActKind::Code, title);
        let tax_2017 = code("О НАЛОГАХ И ДРУГИХ ОБЯЗАТЕЛЬНЫХ ПЛАТЕЖАХ В БЮДЖЕТ (НАЛОГОВЫЙ КОДЕКС)");
        let tax_2025 = code("НАЛОГОВЫЙ КОДЕКС РЕСПУБЛИКИ КАЗАХСТАН");
        assert!(same_title(tax_2017, tax_2025));
        assert!(same_title(
            code("САЛЫҚ ЖӘНЕ БЮДЖЕТКЕ ТӨЛЕНЕТІН БАСҚА ДА МІНДЕТТІ ТӨЛЕМДЕР ТУРАЛЫ (САЛЫҚ КОДЕКСІ)"),
            code("ҚАЗАҚСТАН РЕСПУБЛИКАСЫНЫҢ САЛЫҚ КОДЕКСІ")
        ));
        assert!(same_title(
            code("Водный кодекс Республики Казахстан"),
            code("Водный кодекс Республики Казахстан")
        ));
        // Two codes of different names are two codes.
        assert!(!same_title(
            code("Кодекс Республики Казахстан об административных правонарушениях"),
            code("Административный процедурно-процессуальный кодекс Республики Казахстан")
        ));
        assert!(!same_title(
            tax_2025,
            code("Бюджетный кодекс Республики Казахстан")
        ));
        // A law bearing a code's name in brackets is not that code.
        let enacting = (
            ActKind::Law,
            "О введении в действие Кодекса Республики Казахстан «О налогах и других \
             обязательных платежах в бюджет» (Налоговый кодекс)",
        );
        assert!(!same_title(enacting, tax_2017));
    }
}
