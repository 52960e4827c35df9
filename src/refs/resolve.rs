//! References resolved against the corpus.
//!
//! A [`Catalog`] holds every act of the index (their outlines: metadata, unit trees without
//! texts, editions and references). A reference to another act is matched by the date and
//! number it gives, else by its quoted title, else (a code) by its name, then placed among the
//! units of the cited act's version in force on the citing text's date (the citing act's
//! edition date, else its own date), falling back to the cited act's current units.

use super::context::Places;
use super::{CitedAct, Reference, Resolution, TargetKind, Unresolved};
use crate::model::{Act, ActVersion, Lang, Unit};
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::{HashMap, HashSet};
use std::sync::{Mutex, OnceLock, PoisonError};

/// Every act of a corpus, for resolving references across acts.
///
/// A corpus has tens of thousands of acts and each cites a few others many times over, so the
/// acts are found through maps of their numbers and titles, each cited act is looked for once,
/// and each act's eids are gathered once.
pub struct Catalog {
    acts: Vec<Act>,
    /// Labels and citations of each act's units, made when first asked for.
    labels: Vec<OnceLock<HashMap<String, (String, String)>>>,
    /// The expressions (indexes into `acts`, in order) of each act id.
    by_id: HashMap<String, Vec<usize>>,
    /// The acts (indexes into `acts`, in order) with an issuance of each number
    /// ([`norm_number`]).
    by_number: HashMap<String, Vec<usize>>,
    /// The acts with each title ([`norm`]).
    by_title: HashMap<String, Vec<usize>>,
    /// Lowercased titles, for finding a code by its name, made when first asked for.
    lower_titles: OnceLock<Vec<String>>,
    /// The act each cited act (in each citing language) was found to be.
    found: Mutex<HashMap<(CitedAct, Lang), Option<usize>>>,
    /// The eids of each act's editions (its versions, then its current units), made when
    /// first asked for.
    places: Vec<OnceLock<Vec<Places>>>,
}

/// A unit (or act, `eid` empty) a reference leads to, with its label and citation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Resolved {
    /// The act's id.
    pub act: String,
    /// The unit's eid (empty: the act as a whole).
    pub eid: String,
    /// The unit's label.
    pub label: String,
    /// The unit's pinpoint citation.
    pub citation: String,
}

/// The citing unit of a reference.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Citing {
    /// The citing act's id.
    pub act: String,
    /// The language of the citing text.
    pub lang: Lang,
    /// The citing unit's eid.
    pub eid: String,
    /// The citing unit's label.
    pub label: String,
    /// The citing unit's pinpoint citation.
    pub citation: String,
}

/// Where a reference is printed in the source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RefSource {
    /// The source file.
    pub file: String,
    /// The first line, 1-based.
    pub line_start: u32,
    /// The last line, inclusive.
    pub line_end: u32,
}

/// The edition of a citing text: the wording a reference is read in, and when it was in
/// force.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Edition {
    /// The edition's id: its date (`2023-04-19`), `applied:ID` for wording an amending act
    /// gave, `latest` or `current` when undated.
    pub id: String,
    /// In force from (unknown when `None`).
    pub from: Option<NaiveDate>,
    /// In force until, exclusive (still in force when `None`).
    pub to: Option<NaiveDate>,
}

/// The references of one edition of a citing act: the current text's, or an older
/// edition's (see [`Wording::of`]).
#[derive(Debug, Clone, Copy)]
pub struct Wording<'a> {
    act: &'a Act,
    /// The older edition read, `None` for the current text.
    older: Option<&'a ActVersion>,
    /// Whether the act was adopted by the date asked for: an act that was not cites nothing
    /// on that date.
    adopted: bool,
}

impl<'a> Wording<'a> {
    /// The wording of `act` in force on `at`: the older edition in force then, when the act
    /// has one apart from its current text; else (and for `None`) the current text. Before
    /// the act's own date (or its first edition's, when its date is unknown) it has no
    /// wording, and no references.
    pub fn of(act: &'a Act, at: Option<NaiveDate>) -> Self {
        let older = at.and_then(|d| crate::amend::versions::older_edition_at(act, d));
        let start = act
            .date()
            .or_else(|| act.versions.first().and_then(|v| v.from));
        let adopted = match (at, start) {
            (Some(d), Some(s)) => s <= d,
            _ => true,
        };
        Wording {
            act,
            older,
            adopted,
        }
    }

    /// The citing act.
    pub fn act(&self) -> &'a Act {
        self.act
    }

    /// The references the wording makes.
    pub fn references(&self) -> &'a [Reference] {
        if !self.adopted {
            return &[];
        }
        self.older.map_or(&self.act.references, |v| &v.references)
    }

    /// Which edition it is.
    pub fn edition(&self) -> Edition {
        match self.older.or(self.act.versions.last()) {
            Some(v) => Edition {
                id: v.id.clone(),
                from: v.from,
                to: v.to,
            },
            None => {
                let from = self.act.version_date.or(self.act.date());
                Edition {
                    id: from.map_or_else(|| "current".to_string(), |d| d.to_string()),
                    from,
                    to: None,
                }
            }
        }
    }

    /// The file the edition was read from.
    fn file(&self) -> &'a str {
        self.older
            .map_or(self.act.source.file.as_str(), |v| v.source.file.as_str())
    }

    /// The date references to other acts are resolved at: the edition's start, else the
    /// act's edition date or its own date.
    fn date(&self) -> Option<NaiveDate> {
        self.older
            .or(self.act.versions.last())
            .and_then(|v| v.from)
            .or(self.act.version_date)
            .or(self.act.date())
    }
}

/// Every reference `act` makes on `at` that `keep` accepts, each with the wording it is read
/// in: the edition whose wording of the unit making it was in force on `at` by the
/// point-in-time rule applied to that unit (`docs/time.md`), so that a unit's references are
/// those of the very wording `show` gives for it. A unit with no wording on `at` (not yet
/// adopted, not yet inserted, not in the corpus) makes none. The current text's for `None`.
pub(crate) fn references_in_force<'a>(
    act: &'a Act,
    at: Option<NaiveDate>,
    mut keep: impl FnMut(&Reference) -> bool,
) -> Vec<(Wording<'a>, &'a Reference)> {
    let Some(date) = at else {
        let current = Wording::of(act, None);
        return current
            .references()
            .iter()
            .filter(|r| keep(r))
            .map(|r| (current, r))
            .collect();
    };
    // Each edition as the rule numbers them (its versions, oldest first, then the act's own
    // text when the versions end before it), with the references it prints.
    let newest = act.versions.len().checked_sub(1);
    let mut wordings: Vec<Wording<'a>> = act
        .versions
        .iter()
        .enumerate()
        .map(|(k, v)| Wording {
            act,
            // The newest edition's references are the act's own.
            older: (Some(k) != newest || v.to.is_some()).then_some(v),
            adopted: true,
        })
        .collect();
    if act.versions.is_empty() || act.versions.last().is_some_and(|v| v.to.is_some()) {
        wordings.push(Wording {
            act,
            older: None,
            adopted: true,
        });
    }
    let mut candidates: Vec<(usize, &'a Reference)> = Vec::new();
    for (k, w) in wordings.iter().enumerate() {
        candidates.extend(w.references().iter().filter(|r| keep(r)).map(|r| (k, r)));
    }
    if candidates.is_empty() {
        return Vec::new();
    }
    let timeline = crate::amend::time::ActTimeline::new(act);
    let mut edition_of: HashMap<&str, Option<usize>> = HashMap::new();
    candidates
        .into_iter()
        .filter(|(k, r)| {
            let shown = *edition_of.entry(r.eid.as_str()).or_insert_with(|| {
                let unit = timeline.unit(&r.eid);
                let answer = unit.at(Some(date));
                if !answer.state.has_wording() {
                    return None;
                }
                answer.piece.map(|i| unit.pieces()[i].edition)
            });
            shown == Some(*k)
        })
        .map(|(k, r)| (wordings[k], r))
        .collect()
}

/// One reference with both ends resolved: what `zanlex refs` and `zanlex cited-by` print.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = Reference))]
pub struct ResolvedReference {
    /// The unit the reference is in.
    pub citing: Citing,
    /// The edition of the citing text the reference is read in.
    pub edition: Edition,
    /// The reference as printed.
    pub text: String,
    /// Byte offsets of `text` in the citing unit's text.
    pub span: [u32; 2],
    /// Where it is printed.
    pub source: RefSource,
    /// What it points at, as the text says.
    pub kind: TargetKind,
    /// The other act as the text describes it (for `other_act`).
    pub cited_act: Option<CitedAct>,
    /// The eid the reference names in its target act.
    pub wanted: String,
    /// The target, when resolved.
    pub target: Option<Resolved>,
    /// Why not, when not resolved.
    pub unresolved: Option<Unresolved>,
}

/// `s` lowercased, look-alike letters read as Kazakh ones, without quotes and punctuation,
/// blanks collapsed: how titles are compared.
fn norm(s: &str) -> String {
    let l = super::common::lower(s);
    let cleaned: String = l
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    cleaned.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The keys act `act` is found by ([`cited_lookup_keys`]): `n:` and each of its numbers,
/// `t:` and its title, and for a code `k:code` and `c:` and its title (the titles of the
/// codes alone, for [`title_key_test`]).
pub fn act_lookup_keys(act: &Act) -> Vec<String> {
    let mut keys: Vec<String> = act
        .issuances
        .iter()
        .filter_map(|i| i.number.as_deref())
        .map(|n| format!("n:{}", norm_number(n)))
        .collect();
    let title = norm(&act.title);
    if act.kind == crate::model::ActKind::Code {
        keys.push(CODE_KEY.to_string());
        keys.push(format!("{CODE_TITLE_KEY_PREFIX}{title}"));
    }
    keys.push(format!("{TITLE_KEY_PREFIX}{title}"));
    keys.sort();
    keys.dedup();
    keys
}

/// The keys of every act [`Catalog::find_act`] may take `cited` for (an act is among them
/// when it has one of the keys: [`act_lookup_keys`]); `None` when any act may be it (a name
/// with no kind, matched against every title).
pub fn cited_lookup_keys(cited: &CitedAct) -> Option<Vec<String>> {
    let mut keys = Vec::new();
    if let Some(num) = &cited.number {
        keys.extend(num.split(" / ").map(|n| format!("n:{}", norm_number(n))));
    }
    if let Some(title) = &cited.title {
        keys.push(format!("{TITLE_KEY_PREFIX}{}", norm(title)));
    } else if cited.name.is_some() {
        cited.kind?;
        keys.push(CODE_KEY.to_string());
    }
    Some(keys)
}

/// The key of every code ([`act_lookup_keys`]), and of a reference naming a code by its name
/// alone (`Налоговый кодекс`): any code whose title holds the name may be it
/// ([`cited_code_names`]).
pub const CODE_KEY: &str = "k:code";

/// The names of the codes `references` name by name alone (`Налоговый кодекс`), each as the
/// stems a code's title must all hold to be taken for it ([`title_key_test`]); references
/// [`cites_keys`] gives [`CODE_KEY`] for.
pub fn cited_code_names<'a>(
    references: impl IntoIterator<Item = &'a Reference>,
) -> Vec<Vec<String>> {
    let mut names: Vec<Vec<String>> = references
        .into_iter()
        .filter(|r| r.resolution.is_none())
        .filter_map(|r| r.act.as_ref())
        .filter(|cited| cited.title.is_none() && cited.kind.is_some())
        .filter_map(|cited| cited.name.as_deref())
        .map(name_stems)
        .collect();
    names.sort();
    names.dedup();
    names
}

/// The stems of a code's name, each of which its title holds.
fn name_stems(name: &str) -> Vec<String> {
    name.split_whitespace().map(name_stem).collect()
}

/// Whether a title, lowercased as [`super::common::lower`] does, holds every stem of a name
/// ([`cited_code_names`]).
fn lower_title_holds(lower_title: &str, stems: &[String]) -> bool {
    stems.iter().all(|s| lower_title.contains(s.as_str()))
}

/// What a title's lookup key begins with ([`act_lookup_keys`]); the title follows, lowercased
/// with every run of other characters than letters and digits made one blank.
pub const TITLE_KEY_PREFIX: &str = "t:";

/// What a code's title key begins with ([`act_lookup_keys`]): its title follows, written as
/// after [`TITLE_KEY_PREFIX`].
pub const CODE_TITLE_KEY_PREFIX: &str = "c:";

/// A test of a title as its lookup key writes it ([`TITLE_KEY_PREFIX`]) that accepts it when
/// the title holds every stem of one of `code_names`, as [`Catalog`] tests the title itself;
/// `None` when a stem holds other characters than letters and digits (the key has blanks
/// for those, so it cannot tell).
pub fn title_key_test(code_names: &[Vec<String>]) -> Option<impl Fn(&str) -> bool + '_> {
    // A stem of letters and digits lies inside one run of them, which the key keeps whole.
    let exact = code_names
        .iter()
        .flatten()
        .all(|s| s.chars().all(char::is_alphanumeric));
    exact.then_some(|key: &str| code_names.iter().any(|stems| lower_title_holds(key, stems)))
}

/// The key [`act_cites_keys`] gives for a reference that may lead to any act.
pub const CITES_ANY: &str = "*";

/// The lookup keys of every act `act`'s references to other acts (in any edition) may lead
/// to ([`cited_lookup_keys`]), [`CITES_ANY`] for one that may lead to any act.
pub fn act_cites_keys(act: &Act) -> Vec<String> {
    cites_keys(
        act.references
            .iter()
            .chain(act.versions.iter().flat_map(|v| v.references.iter())),
    )
}

/// The lookup keys of every act `references` may lead to ([`act_cites_keys`] for some of an
/// act's references), sorted, each once.
pub fn cites_keys<'a>(references: impl IntoIterator<Item = &'a Reference>) -> Vec<String> {
    let mut keys = Vec::new();
    for r in references.into_iter().filter(|r| r.resolution.is_none()) {
        let Some(cited) = &r.act else { continue };
        match cited_lookup_keys(cited) {
            Some(k) => keys.extend(k),
            None => keys.push(CITES_ANY.to_string()),
        }
    }
    keys.sort();
    keys.dedup();
    keys
}

/// A number without blanks, lowercased (`11-1-4/1`, `n 148` → `148`).
fn norm_number(n: &str) -> String {
    let n: String = n.chars().filter(|c| !c.is_whitespace()).collect();
    n.trim_start_matches(['№', 'N']).to_lowercase()
}

/// The first letters of a name word, enough to meet its other case forms (`Трудового` →
/// `трудов`, `Еңбек` → `еңбе`).
fn name_stem(w: &str) -> String {
    let n = w.chars().count();
    let keep = n.saturating_sub(3).max(4).min(n);
    super::common::lower(w).chars().take(keep).collect()
}

impl Catalog {
    /// A catalog of `acts` (outlines or whole acts).
    pub fn new(acts: Vec<Act>) -> Self {
        let labels = acts.iter().map(|_| OnceLock::new()).collect();
        let places = acts.iter().map(|_| OnceLock::new()).collect();
        let mut by_number: HashMap<String, Vec<usize>> = HashMap::new();
        let mut by_title: HashMap<String, Vec<usize>> = HashMap::new();
        let mut by_id: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, a) in acts.iter().enumerate() {
            by_id.entry(a.id.clone()).or_default().push(i);
            for n in a.issuances.iter().filter_map(|x| x.number.as_deref()) {
                let list = by_number.entry(norm_number(n)).or_default();
                if list.last() != Some(&i) {
                    list.push(i);
                }
            }
            by_title.entry(norm(&a.title)).or_default().push(i);
        }
        Catalog {
            acts,
            labels,
            by_id,
            by_number,
            by_title,
            lower_titles: OnceLock::new(),
            found: Mutex::new(HashMap::new()),
            places,
        }
    }

    /// Every act expression in the catalog, by id then language.
    pub fn acts(&self) -> &[Act] {
        &self.acts
    }

    /// The expression of act `id` in `lang`, else its other one.
    pub fn act(&self, id: &str, lang: Lang) -> Option<&Act> {
        let all = self.by_id.get(id)?;
        all.iter()
            .find(|&&i| self.acts[i].lang == lang)
            .or_else(|| all.first())
            .map(|&i| &self.acts[i])
    }

    /// The act a reference describes, preferring its expression in `lang`.
    pub fn find_act<'a>(&'a self, cited: &CitedAct, lang: Lang) -> Option<&'a Act> {
        self.find_index(cited, lang).map(|i| &self.acts[i])
    }

    /// The index of the act a reference describes (looked for once per cited act).
    fn find_index(&self, cited: &CitedAct, lang: Lang) -> Option<usize> {
        let key = (cited.clone(), lang);
        if let Some(found) = self.memo().get(&key) {
            return *found;
        }
        let found = self.search_act(cited, lang);
        self.memo().insert(key, found);
        found
    }

    /// The acts found so far (a panic elsewhere while it was held leaves it whole: each
    /// entry is written at once).
    fn memo(&self) -> std::sync::MutexGuard<'_, HashMap<(CitedAct, Lang), Option<usize>>> {
        self.found.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Looks for the act a reference describes: by its date and number, else by its quoted
    /// title, else (a code) by its name.
    fn search_act(&self, cited: &CitedAct, lang: Lang) -> Option<usize> {
        let pick = |hits: Vec<usize>| self.pick_one(hits, lang);
        if let Some(num) = &cited.number {
            let wanted: Vec<String> = num.split(" / ").map(norm_number).collect();
            let numbered = |a: &Act| {
                a.issuances.iter().any(|i| {
                    (cited.date.is_none() || i.date == cited.date)
                        && i.number
                            .as_deref()
                            .is_some_and(|n| wanted.contains(&norm_number(n)))
                })
            };
            let mut hits: Vec<usize> = wanted
                .iter()
                .filter_map(|w| self.by_number.get(w))
                .flatten()
                .copied()
                .filter(|&i| numbered(&self.acts[i]))
                .filter(|&i| {
                    cited.date.is_some() || cited.kind.is_none_or(|k| k == self.acts[i].kind)
                })
                .collect();
            hits.sort_unstable();
            hits.dedup();
            if let Some(a) = pick(hits) {
                return Some(a);
            }
            if cited.date.is_some() {
                return None;
            }
        }
        if let Some(title) = &cited.title {
            let hits: Vec<usize> = self
                .by_title
                .get(&norm(title))
                .into_iter()
                .flatten()
                .copied()
                .filter(|&i| cited.date.is_none_or(|d| self.acts[i].date() == Some(d)))
                .collect();
            if let Some(a) = pick(hits) {
                return Some(a);
            }
        }
        if let (Some(name), None) = (&cited.name, &cited.title) {
            let stems = name_stems(name);
            let titles = self.lower_titles.get_or_init(|| {
                self.acts
                    .iter()
                    .map(|a| super::common::lower(&a.title))
                    .collect()
            });
            let hits: Vec<usize> = (0..self.acts.len())
                .filter(|&i| {
                    self.acts[i].kind == crate::model::ActKind::Code || cited.kind.is_none()
                })
                .filter(|&i| lower_title_holds(&titles[i], &stems))
                .collect();
            return pick(hits);
        }
        None
    }

    /// The one act `hits` name (in `lang` when it has that expression), if they name one.
    fn pick_one(&self, hits: Vec<usize>, lang: Lang) -> Option<usize> {
        let ids: HashSet<&str> = hits.iter().map(|&i| self.acts[i].id.as_str()).collect();
        if ids.len() != 1 {
            return None;
        }
        hits.iter()
            .find(|&&i| self.acts[i].lang == lang)
            .or_else(|| hits.first())
            .copied()
    }

    /// The eid of the unit of the act at `i` that `wanted` names in the version in force on
    /// `date`, else in its current text.
    fn unit_at(&self, i: usize, wanted: &str, date: Option<NaiveDate>) -> Option<String> {
        let act = &self.acts[i];
        let places = self.places[i].get_or_init(|| {
            act.versions
                .iter()
                .map(|v| Places::of_units(&v.units))
                .chain(std::iter::once(Places::of_units(&act.units)))
                .collect()
        });
        let path: Vec<String> = wanted.split("__").map(str::to_string).collect();
        let in_force = |v: &ActVersion| {
            date.is_some_and(|d| v.from.is_none_or(|f| f <= d) && v.to.is_none_or(|t| d < t))
        };
        if let Some(k) = act.versions.iter().position(in_force) {
            if let Ok(e) = places[k].lookup(&path, "") {
                return Some(e);
            }
        }
        places[act.versions.len()].lookup(&path, "").ok()
    }

    /// Where `r`, a reference of act `citing`'s current text, leads.
    pub fn resolve(&self, citing: &Act, r: &Reference) -> Resolution {
        self.resolve_in(&Wording::of(citing, None), r)
    }

    /// Where `r`, a reference of the `wording` of its act, leads: another act's units are
    /// read in the version in force on the wording's date.
    pub fn resolve_in(&self, wording: &Wording<'_>, r: &Reference) -> Resolution {
        let citing = wording.act();
        if let Some(res) = &r.resolution {
            return res.clone();
        }
        let Some(cited) = r.act.as_ref() else {
            return Resolution::Unresolved {
                reason: Unresolved::ActNotInCorpus,
            };
        };
        let Some(i) = self.find_index(cited, citing.lang) else {
            return Resolution::Unresolved {
                reason: Unresolved::ActNotInCorpus,
            };
        };
        let target = &self.acts[i];
        if r.wanted.is_empty() {
            return Resolution::Resolved {
                act: target.id.clone(),
                eid: String::new(),
            };
        }
        match self.unit_at(i, &r.wanted, wording.date()) {
            Some(eid) => Resolution::Resolved {
                act: target.id.clone(),
                eid,
            },
            None => Resolution::Unresolved {
                reason: Unresolved::UnitNotFound,
            },
        }
    }

    /// The label and citation of unit `eid` of the act at `index` in the catalog.
    fn label(&self, i: usize, eid: &str) -> Option<(String, String)> {
        let act = &self.acts[i];
        if eid.is_empty() {
            let name = crate::model::citation::act_short_name(act);
            return Some((String::new(), name));
        }
        let map = self.labels[i].get_or_init(|| labels_of(act));
        map.get(eid).cloned()
    }

    fn index_of(&self, act: &Act) -> Option<usize> {
        self.by_id
            .get(&act.id)?
            .iter()
            .copied()
            .find(|&i| self.acts[i].lang == act.lang)
    }

    /// `r`, a reference of `citing`'s current text, with both ends resolved and cited.
    pub fn view(&self, citing: &Act, r: &Reference) -> ResolvedReference {
        self.view_in(&Wording::of(citing, None), r)
    }

    /// `r`, a reference of the `wording` of its act, with both ends resolved and cited.
    pub fn view_in(&self, wording: &Wording<'_>, r: &Reference) -> ResolvedReference {
        let citing = wording.act();
        let resolution = self.resolve_in(wording, r);
        let citing_label = match self.index_of(citing) {
            Some(i) => self.label(i, &r.eid),
            None => labels_of(citing).get(&r.eid).cloned(),
        }
        .unwrap_or_default();
        let (target, unresolved) = match resolution {
            Resolution::Resolved { act, eid } => {
                let lang = citing.lang;
                let (label, citation) = self
                    .act(&act, lang)
                    .and_then(|a| self.index_of(a))
                    .and_then(|i| self.label(i, &eid))
                    .or_else(|| {
                        (act == citing.id)
                            .then(|| labels_of(citing).get(&eid).cloned())
                            .flatten()
                    })
                    .unwrap_or_default();
                (
                    Some(Resolved {
                        act,
                        eid,
                        label,
                        citation,
                    }),
                    None,
                )
            }
            Resolution::Unresolved { reason } => (None, Some(reason)),
        };
        ResolvedReference {
            citing: Citing {
                act: citing.id.clone(),
                lang: citing.lang,
                eid: r.eid.clone(),
                label: citing_label.0,
                citation: citing_label.1,
            },
            edition: wording.edition(),
            text: r.text.clone(),
            span: [r.start, r.end],
            source: match &r.file {
                Some(file) => RefSource {
                    file: file.clone(),
                    line_start: r.line_start,
                    line_end: r.line_end,
                },
                // A split text's reference is named in its part file, at that file's lines.
                None => {
                    let span = crate::model::SourceSpan {
                        line_start: r.line_start,
                        line_end: r.line_end,
                        page: None,
                    };
                    let (file, own) = if wording.file() == citing.source.file {
                        citing.source.locate(span)
                    } else {
                        (wording.file(), span)
                    };
                    RefSource {
                        file: file.to_string(),
                        line_start: own.line_start,
                        line_end: own.line_end,
                    }
                }
            },
            kind: r.kind,
            cited_act: r.act.clone(),
            wanted: r.wanted.clone(),
            target,
            unresolved,
        }
    }

    /// The outgoing references of unit `eid` of `citing` and of the units inside it (all of
    /// the act's for `None`), as the wording of each unit in force on `at` makes them (the
    /// current text's for `None`), edition by edition in text order.
    pub fn refs_of(
        &self,
        citing: &Act,
        eid: Option<&str>,
        at: Option<NaiveDate>,
    ) -> Vec<ResolvedReference> {
        references_in_force(citing, at, |r| eid.is_none_or(|e| inside(&r.eid, e)))
            .into_iter()
            .map(|(wording, r)| self.view_in(&wording, r))
            .collect()
    }
}

/// Whether `eid` is `outer` or a unit inside it.
pub fn inside(eid: &str, outer: &str) -> bool {
    outer.is_empty()
        || eid == outer
        || (eid.len() > outer.len() + 2
            && eid.starts_with(outer)
            && eid[outer.len()..].starts_with("__"))
}

/// Labels and citations of every unit of `act`.
fn labels_of(act: &Act) -> HashMap<String, (String, String)> {
    let mut map = HashMap::new();
    let citer = crate::model::citation::Citer::new(act);
    crate::model::walk_with_path(&act.units, &mut |path: &[&Unit]| {
        if let Some(u) = path.last() {
            let label = crate::model::citation::unit_label(path, act.kind, act.lang);
            let citation = citer.citation(path, &label);
            map.insert(u.eid.clone(), (label, citation));
        }
    });
    map
}
