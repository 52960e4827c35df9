//! Which act an act replaced and which replaced it (`zanlex show`, `zanlex history`), read from
//! what the corpus says: the old act's repeal requisite naming the new act, or the new act's
//! repeal clause naming the old one, and in either case the two acts bearing one title.

use crate::model::{Act, ActLink, Status};
use crate::ZanIndex;
use regex::Regex;
use serde::Serialize;
use std::sync::LazyLock;

/// An act's place in a succession: the act it repealed and replaced, and the act that
/// repealed and replaced it.
///
/// A repeal alone is no succession: the two acts must bear one title (the rules on keeping
/// dogs and cats of 2015 and the rules on the same of 2019), as the corpus prints it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[non_exhaustive]
pub struct Succession {
    /// The predecessor: the act this act repealed and replaced.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub replaces: Option<ActLink>,
    /// The successor: the act that repealed and replaced this act.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub replaced_by: Option<ActLink>,
}

impl Succession {
    /// Whether the act has neither a predecessor nor a successor.
    pub fn is_empty(&self) -> bool {
        self.replaces.is_none() && self.replaced_by.is_none()
    }
}

/// `Признать утратившим силу решение маслихата … от 27 марта 2015 года № 43-249 «Об
/// утверждении Правил …»`: the repealed act as named, its date, its number and title.
static RE_RU_REPEAL_CLAUSE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)признать\s+утратившим\s+силу\s+((?:[^«»]*?)от\s+(\d{1,2}\s+[а-яё]+\s+\d{4})\s+года\s+№\s*([^\s«»(),;]+))\s*«([^»]+)»",
    )
    .expect("valid regex")
});

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

/// Whether two acts' expressions share a title in one language.
fn one_title(a: &[Act], b: &[Act]) -> bool {
    a.iter().any(|x| {
        b.iter()
            .any(|y| x.lang == y.lang && title_key(&x.title) == title_key(&y.title))
    })
}

/// The repeal an act's requisite states: the repealing act as printed, its date and number.
fn repeal_named(act: &Act) -> Option<(String, Option<chrono::NaiveDate>, String)> {
    let Status::Repealed { by: Some(by), on } = &act.status else {
        return None;
    };
    let number = RE_NUMBER.captures(by)?[1].to_string();
    Some((by.clone(), *on, number))
}

/// The acts an act's repeal clauses repeal whose title is the act's own: (as named, date,
/// number).
fn replaced_in_text(act: &Act) -> Vec<(String, Option<chrono::NaiveDate>, String)> {
    let own = title_key(&act.title);
    act.units
        .iter()
        .filter(|u| u.eid.starts_with("para_"))
        .flat_map(|u| RE_RU_REPEAL_CLAUSE.captures_iter(&u.text))
        .filter(|c| title_key(&c[4]) == own)
        .map(|c| {
            (
                c[1].trim().to_string(),
                crate::text::parse_date(&format!("{} года", &c[2])),
                c[3].to_string(),
            )
        })
        .collect()
}

impl ZanIndex {
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
                .filter(|k| k.starts_with("t:"))
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
