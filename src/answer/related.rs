//! The acts related to an act, in one place (`GET /v1/acts/{id}/related`, the act page's
//! "related documents"): the act it replaced and the act that replaced it, the acts it amends
//! and those that amend it, the acts it cites and those citing it. Each is named in official
//! form, linked by id when the corpus holds it, with its status as the corpus records it and
//! its state on the day asked by the time rule; an act the corpus lacks is named as the text
//! that relates it names it, with no status (none is known).

use super::pages::{
    entry_sizes, fit_entries, json_chars, row_sizes, Budget, Links, PageHead, Paging,
};
use super::Target;
use crate::model::{Act, ActRef, Lang, Status, TimeState};
use crate::refs::ResolvedReference;
use crate::{ActLink, UnitInWords, ZanIndex};
use chrono::NaiveDate;
use serde::Serialize;

/// An act related to another: its name, its link, and what is known of its force.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[non_exhaustive]
pub struct RelatedAct {
    /// The act's id, when the corpus holds it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The act in official form in the language of the text read (for an act the corpus
    /// lacks, as the text relating it names it).
    pub citation: String,
    /// The act's short name in official form in Kazakh and in Russian, when the corpus holds
    /// it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub in_words: Option<UnitInWords>,
    /// Its status as the corpus records it (in force, repealed with the day, unknown), when
    /// the corpus holds it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    /// Its state on the day asked by the time rule when it is not simply in force that day
    /// (not yet adopted, not yet in force, repealed, no longer in its source).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state: Option<TimeState>,
    /// `state` in words, in Kazakh and in Russian.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state_in_words: Option<UnitInWords>,
    /// The act's page (see [`Links`]), when the corpus holds it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub permalink: Option<String>,
    /// How many links relate the two: references made, or amendment events recorded (1 for a
    /// predecessor or a successor).
    pub count: usize,
}

/// How many acts each list of [`RelatedActs`] has in all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[non_exhaustive]
pub struct RelatedTotals {
    /// Acts it amends.
    pub amends: usize,
    /// Acts amending it.
    pub amended_by: usize,
    /// Acts it cites.
    pub cites: usize,
    /// Acts citing it.
    pub cited_by: usize,
}

/// The acts related to an act: what `GET /v1/acts/{id}/related` sends. The four lists are
/// paged together (entry `k` of each is on the page or none is), within the door's
/// [`Budget`].
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[non_exhaustive]
pub struct RelatedActs {
    /// The act's id.
    pub act: String,
    /// The act's short name in official form, in the language of the text read.
    pub citation: String,
    /// The language of the act's text read (its references, its amendment notes).
    pub lang: Lang,
    /// The day the states are read on.
    pub on: NaiveDate,
    /// The lists' lengths in all.
    pub totals: RelatedTotals,
    /// The page of each list: `offset`, `limit`, `next_offset`, `cut`.
    #[serde(flatten)]
    pub page: PageHead,
    /// The predecessor: the act this act repealed and replaced ([`ZanIndex::succession`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub replaces: Option<RelatedAct>,
    /// The successor: the act that repealed and replaced this act.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub replaced_by: Option<RelatedAct>,
    /// The acts whose amendment notes name this act as the amending act, the one whose change
    /// takes effect last first.
    pub amends: Vec<RelatedAct>,
    /// The acts this act's amendment notes name as amending it, the one that made the newest
    /// change first.
    pub amended_by: Vec<RelatedAct>,
    /// The other acts this act's text refers to, in the order it first names them.
    pub cites: Vec<RelatedAct>,
    /// The acts whose texts refer to this act or a unit of it, those referring most first.
    pub cited_by: Vec<RelatedAct>,
}

/// What [`related_acts`] asks: the acts related to act `act`, its text read in `lang`, their
/// states on `as_of` (today when `None`), the page `paging` of each list.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct RelatedRequest {
    /// The act's id.
    pub act: String,
    /// The language of the act's text read; Kazakh first when `None`.
    pub lang: Option<Lang>,
    /// The day the states are read on; today when `None`.
    pub as_of: Option<NaiveDate>,
    /// The page of each list.
    pub paging: Paging,
}

impl RelatedRequest {
    /// The page `paging` of the acts related to `act`, today, Kazakh first.
    pub fn new(act: impl Into<String>, paging: Paging) -> Self {
        RelatedRequest {
            act: act.into(),
            lang: None,
            as_of: None,
            paging,
        }
    }

    /// Its text read in `lang`.
    pub fn lang(mut self, lang: Option<Lang>) -> Self {
        self.lang = lang;
        self
    }

    /// States read on `as_of`.
    pub fn as_of(mut self, as_of: Option<NaiveDate>) -> Self {
        self.as_of = as_of;
        self
    }
}

/// A related act before its status is read: its id when the corpus holds it, its name, its
/// count.
#[derive(Debug, Clone)]
struct Found {
    id: Option<String>,
    named: String,
    count: usize,
}

/// Adds one link to act `id` in `list`, keeping the order in which acts first appear.
fn add(list: &mut Vec<Found>, id: &str) {
    match list.iter_mut().find(|f| f.id.as_deref() == Some(id)) {
        Some(f) => f.count += 1,
        None => list.push(Found {
            id: Some(id.to_string()),
            named: id.to_string(),
            count: 1,
        }),
    }
}

/// What names the act a reference cites when the corpus lacks it: a key the same act bears
/// in every reference to it (its date and number, else its title, else a code's kind and
/// name), and the words a reference must print to name it; `None` when the reference names no
/// act that well (a bare `Заңның 5-бабы`).
fn named_act(cited: &crate::model::CitedAct) -> Option<(String, String)> {
    if let Some(n) = cited.number.as_deref().filter(|n| !n.is_empty()) {
        let date = cited.date.map(|d| d.to_string()).unwrap_or_default();
        let key = crate::model::citation::numbers::number_key(n);
        return Some((format!("n:{date}/{key}"), n.to_string()));
    }
    if let Some(t) = cited.title.as_deref().filter(|t| !t.trim().is_empty()) {
        return Some((
            format!("t:{}", t.trim().to_lowercase()),
            t.trim().to_string(),
        ));
    }
    let name = cited.name.as_deref().filter(|n| !n.trim().is_empty())?;
    let kind = cited.kind?;
    Some((
        format!("c:{}:{}", kind.as_str(), name.trim().to_lowercase()),
        name.trim().to_string(),
    ))
}

/// The acts `refs` lead to (or, with `citing`, come from), `own` aside. An act the corpus
/// lacks is named by the first reference to it that prints what names it ([`named_act`]).
fn acts_of(refs: &[ResolvedReference], own: &str, citing: bool) -> Vec<Found> {
    let mut list = Vec::new();
    // For an act the corpus lacks: its key, its place in `list` once a reference names it,
    // and the references to it met before.
    let mut named: Vec<(String, Option<usize>, usize)> = Vec::new();
    for r in refs {
        if citing {
            if r.citing.act != own {
                add(&mut list, &r.citing.act);
            }
            continue;
        }
        match &r.target {
            Some(t) if t.act != own => add(&mut list, &t.act),
            Some(_) => {}
            None if r.kind == crate::model::TargetKind::OtherAct
                && r.unresolved == Some(crate::model::Unresolved::ActNotInCorpus) =>
            {
                let Some((key, needle)) = r.cited_act.as_ref().and_then(named_act) else {
                    continue;
                };
                let names = r.text.contains(&needle);
                let at = match named.iter().position(|(k, _, _)| *k == key) {
                    Some(at) => at,
                    None => {
                        named.push((key, None, 0));
                        named.len() - 1
                    }
                };
                let (_, place, before) = &mut named[at];
                match place {
                    Some(i) => list[*i].count += 1,
                    None if names => {
                        *place = Some(list.len());
                        list.push(Found {
                            id: None,
                            named: r.text.trim().to_string(),
                            count: 1 + *before,
                        });
                    }
                    None => *before += 1,
                }
            }
            None => {}
        }
    }
    list
}

/// The keys an amendment note names act `act` by when it is the amending act
/// ([`ActRef::key`]): its date and each of its numbers.
fn amending_keys(act: &Act) -> Vec<String> {
    act.issuances
        .iter()
        .filter_map(|i| {
            ActRef {
                issuer: String::new(),
                issuer_code: String::new(),
                kind: act.kind,
                date: i.date,
                number: i.number.clone(),
                title: None,
            }
            .key()
        })
        .collect()
}

/// `found` with its name in official form, its status, and its state on `on`, read from the
/// corpus when it holds the act.
fn describe(
    index: &ZanIndex,
    found: Found,
    lang: Lang,
    on: NaiveDate,
    links: &Links,
) -> crate::Result<RelatedAct> {
    let Some(id) = found.id else {
        return Ok(RelatedAct {
            id: None,
            citation: found.named,
            in_words: None,
            status: None,
            state: None,
            state_in_words: None,
            permalink: None,
            count: found.count,
        });
    };
    let all = index.expressions(&id)?;
    let Some(act) = all.iter().find(|a| a.lang == lang).or(all.first()) else {
        // The index's own answer for an id it lacks: the nearest ids it has.
        index.act(&id)?;
        return Err(crate::Error::NotFound(format!("no act with id {id:?}")));
    };
    let timeline = crate::amend::time::ActTimeline::new(act);
    let answers = crate::amend::time::units_at(&timeline, Some(on));
    let state = crate::amend::diff::act_state(answers.iter().map(|(_, a)| &a.state))
        .filter(|s| *s != TimeState::InForce);
    let state_in_words = state.as_ref().map(|s| UnitInWords {
        kk: s.describe(Some(on), Some(Lang::Kk)),
        ru: s.describe(Some(on), Some(Lang::Ru)),
    });
    Ok(RelatedAct {
        citation: act.short_name_in(lang),
        in_words: Some(UnitInWords {
            kk: act.short_name_in(Lang::Kk),
            ru: act.short_name_in(Lang::Ru),
        }),
        status: Some(act.status.clone()),
        state,
        state_in_words,
        permalink: links.permalink(&id, None, None, act.official_url.as_deref()),
        count: found.count,
        id: Some(id),
    })
}

/// A predecessor or successor as the succession names it.
fn succession_found(link: &ActLink) -> Found {
    Found {
        id: link.id.clone(),
        named: link.requisite.clone(),
        count: 1,
    }
}

/// What `related` answers: the acts related to the request's act, each list cut to the
/// request's page and within `budget`; an act the index lacks is
/// [`crate::Error::UnknownAct`].
///
/// ```no_run
/// # fn main() -> zanlex::Result<()> {
/// use zanlex::pages::{related_acts, Budget, Links, RelatedRequest};
/// let index = zanlex::ZanIndex::open("index")?;
/// let paging = Budget::SERVER.list_paging(None, Some(20))?;
/// let request = RelatedRequest::new("maslikhat-decision-2019-07-31-51-257", paging);
/// let related = related_acts(&index, &request, &Links::relative(), &Budget::SERVER)?;
/// if let Some(old) = &related.replaces {
///     println!("replaces {}", old.citation);
/// }
/// for a in &related.cited_by {
///     println!("cited by {} ({} references)", a.citation, a.count);
/// }
/// # Ok(()) }
/// ```
pub fn related_acts(
    index: &ZanIndex,
    request: &RelatedRequest,
    links: &Links,
    budget: &Budget,
) -> crate::Result<RelatedActs> {
    let paging = request.paging;
    let act = index.act_in(&request.act, request.lang)?;
    let id = act.id.clone();
    let lang = act.lang;
    let on = request
        .as_of
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    let succession = index.succession(&id)?;

    let target = Target::new(id.clone(), None);
    let mut cites = acts_of(
        &index.refs(&target, Some(lang), request.as_of)?.references,
        &id,
        false,
    );
    let mut cited_by = acts_of(
        &index
            .cited_by_list(&target, true, None, request.as_of)?
            .cited_by,
        &id,
        true,
    );
    // Those referring most first; among equals, in the corpus's order of ids.
    cited_by.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.id.cmp(&b.id)));

    let history = index.act_history(&id, None, Some(lang), false)?;
    let mut amended_by: Vec<Found> = history
        .by_act
        .iter()
        .map(|g| Found {
            id: g.amending_act_id.clone(),
            named: g.amending_act.clone(),
            count: g.entries.len(),
        })
        .collect();
    let mut amends: Vec<Found> = index
        .acts_amended_by(&amending_keys(&act), request.lang, budget)?
        .into_iter()
        .filter(|(other, _)| *other != id)
        .map(|(other, events)| Found {
            named: other.clone(),
            id: Some(other),
            count: events,
        })
        .collect();

    let totals = RelatedTotals {
        amends: amends.len(),
        amended_by: amended_by.len(),
        cites: cites.len(),
        cited_by: cited_by.len(),
    };
    let next = [
        paging.cut(&mut amends),
        paging.cut(&mut amended_by),
        paging.cut(&mut cites),
        paging.cut(&mut cited_by),
    ];
    let all = |list: Vec<Found>| -> crate::Result<Vec<RelatedAct>> {
        list.into_iter()
            .map(|f| describe(index, f, lang, on, links))
            .collect()
    };
    let one = |link: Option<&ActLink>| -> crate::Result<Option<RelatedAct>> {
        link.map(|l| describe(index, succession_found(l), lang, on, links))
            .transpose()
    };
    let mut answer = RelatedActs {
        act: id.clone(),
        citation: act.short_name(),
        lang,
        on,
        totals,
        page: PageHead {
            offset: paging.offset,
            limit: paging.limit,
            next_offset: next.into_iter().flatten().next(),
            cut: None,
        },
        replaces: one(succession.replaces.as_ref())?,
        replaced_by: one(succession.replaced_by.as_ref())?,
        amends: Vec::new(),
        amended_by: Vec::new(),
        cites: Vec::new(),
        cited_by: Vec::new(),
    };
    let (mut amends, mut amended_by, mut cites, mut cited_by) =
        (all(amends)?, all(amended_by)?, all(cites)?, all(cited_by)?);
    let sizes = row_sizes(&[
        entry_sizes(&amends),
        entry_sizes(&amended_by),
        entry_sizes(&cites),
        entry_sizes(&cited_by),
    ]);
    let rest = json_chars(&answer);
    let kept = fit_entries(
        &mut answer.page,
        budget,
        rest,
        &sizes,
        paging,
        "entries of each list",
    );
    amends.truncate(kept);
    amended_by.truncate(kept);
    cites.truncate(kept);
    cited_by.truncate(kept);
    answer.amends = amends;
    answer.amended_by = amended_by;
    answer.cites = cites;
    answer.cited_by = cited_by;
    Ok(answer)
}
