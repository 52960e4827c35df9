//! An act's amendment timeline (`zanlex history --json`, `GET /v1/acts/{id}/history`).

use super::outline::EditionSummary;
use crate::amend::history::HistoryEntry;
use crate::model::{
    Act, ActRef, ByLang, EditionRef, EffectiveDate, Lang, Status, TargetFallback, UnparsedNote,
};
use crate::refs::ResolvedReference;
use crate::ZanIndex;
use chrono::NaiveDate;
use serde::Serialize;

/// The amendment events of an act (or of one unit, what contains it and what is inside it),
/// newest first, with its editions and the notes that gave no event.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = History))]
#[non_exhaustive]
pub struct ActHistory {
    /// The act.
    pub act: HistoryAct,
    /// The unit the timeline is limited to (`None`: the whole act).
    pub eid: Option<String>,
    /// The act's older editions in the index.
    pub versions: Vec<EditionSummary>,
    /// The events, newest first.
    pub entries: Vec<HistoryEntry>,
    /// The same events grouped by amending act, as the official site lists them: the act
    /// that made the newest change first.
    pub by_act: Vec<AmendingActChanges>,
    /// The unit's wordings over time by the point-in-time rule, oldest first (empty for the
    /// whole act): the dates `show --as-of` and `search --as-of` answer by.
    pub wordings: Vec<EditionRef>,
    /// The notes that gave no event.
    pub unparsed_notes: Vec<UnparsedNote>,
    /// The events moved to an enclosing unit, their target not being in the edition.
    pub target_fallbacks: Vec<TargetFallback>,
    /// With the amendments' reach asked for: for each changed unit cited elsewhere, the
    /// provisions across the corpus that cite it or a unit inside it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub affected: Option<Vec<Affected>>,
    /// Where the act replaced another ([`HistoryAct::replaces`]) that the index holds: that
    /// act's timeline, which this one continues (limited to the same unit when it has it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub predecessor: Option<PredecessorHistory>,
}

/// The timeline of the act an act replaced, before the new act: its events and, for one
/// unit, its wordings.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[non_exhaustive]
pub struct PredecessorHistory {
    /// The act replaced.
    pub act: HistoryAct,
    /// The unit the timeline is limited to (`None`: the whole act, also when the act
    /// replaced has no unit of the eid asked for).
    pub eid: Option<String>,
    /// Its events, newest first.
    pub entries: Vec<HistoryEntry>,
    /// The unit's wordings over time in the act replaced, oldest first (empty for the whole
    /// act).
    pub wordings: Vec<EditionRef>,
}

/// What one amending act changed in an act: its citation, when it was signed, from when
/// its changes apply, and which events of [`ActHistory::entries`] are its.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[non_exhaustive]
pub struct AmendingActChanges {
    /// The amending act in official form in the language of the act's text.
    pub amending_act: String,
    /// The amending act's id when the corpus holds it.
    pub amending_act_id: Option<String>,
    /// The date the amending act was signed.
    pub signed: Option<NaiveDate>,
    /// The earliest day one of its changes took effect (`estimated` when it rests on an
    /// assumption); `None` when no event's day is known.
    pub effective: Option<EffectiveDate>,
    /// The latest day one of its changes took effect, when later than [`Self::effective`]
    /// (a law whose articles enter into force on different days).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub effective_last: Option<EffectiveDate>,
    /// The act and its first effective day in words, in Kazakh and in Russian.
    pub in_words: ActChangesInWords,
    /// The units it changed, each once, in the order of its events.
    pub units: Vec<ChangedUnit>,
    /// Its events: indices into [`ActHistory::entries`], newest first.
    pub entries: Vec<usize>,
}

/// A unit an amending act changed, and its name in each language of the interface.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[non_exhaustive]
pub struct ChangedUnit {
    /// The unit (empty: the whole act).
    pub eid: String,
    /// Its name: `12-баптың 3-тармағы`, `Пункт 3 статьи 12`.
    pub name: crate::UnitInWords,
}

/// An amending act and the day its changes apply from, in each language of the interface.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct ActChangesInWords(ByLang<ActChangesWords>);

impl std::ops::Deref for ActChangesInWords {
    type Target = ByLang<ActChangesWords>;

    fn deref(&self) -> &Self::Target {
        &self.0
    }
}

#[cfg(feature = "openapi")]
impl utoipa::PartialSchema for ActChangesInWords {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::ToSchema;
        crate::model::by_lang::object_schema(
            "An amending act and the day its changes apply from, in each language of the \
             interface.",
            |lang| match lang {
                // One language's words as an example.
                Lang::Kk => "In Kazakh: `ҚР 19.04.2023 № 222-VII Конституциялық Заңы`, `шамамен \
                             29.04.2023 бастап`."
                    .to_string(),
                _ => format!("In {}.", lang.english()),
            },
            |d| {
                utoipa::openapi::schema::RefBuilder::new()
                    .ref_location_from_schema_name(ActChangesWords::name())
                    .description(Some(d))
                    .into()
            },
        )
    }
}

#[cfg(feature = "openapi")]
impl utoipa::ToSchema for ActChangesInWords {
    fn name() -> std::borrow::Cow<'static, str> {
        std::borrow::Cow::Borrowed("ActChangesInWords")
    }

    fn schemas(
        schemas: &mut Vec<(
            String,
            utoipa::openapi::RefOr<utoipa::openapi::schema::Schema>,
        )>,
    ) {
        use utoipa::PartialSchema;
        schemas.push((
            ActChangesWords::name().into_owned(),
            ActChangesWords::schema(),
        ));
        ActChangesWords::schemas(schemas);
    }
}

/// An amending act and the day its changes apply from, in one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[non_exhaustive]
pub struct ActChangesWords {
    /// The amending act in official form.
    pub by: String,
    /// From when its first change applies.
    pub since: String,
}

impl ActChangesInWords {
    fn of(w: &crate::EventInWords) -> Self {
        ActChangesInWords(w.map(|_, e| ActChangesWords {
            by: e.by.clone(),
            since: e.since.clone(),
        }))
    }
}

/// Where unit `eid` stands in `act` read from the top: its place in document order (the
/// whole act first); a unit the text no longer holds stands right after its nearest
/// ancestor that it does.
pub(super) fn document_order(act: &Act) -> impl Fn(&str) -> (usize, String) {
    let places: std::collections::HashMap<String, usize> = act
        .all_units()
        .into_iter()
        .enumerate()
        .map(|(i, u)| (u.eid.clone(), i + 1))
        .collect();
    move |eid: &str| {
        let mut at = eid;
        loop {
            if at.is_empty() {
                return (0, eid.to_string());
            }
            if let Some(&i) = places.get(at) {
                return (i, eid.strip_prefix(at).unwrap_or(eid).to_string());
            }
            at = at.rfind("__").map_or("", |i| &at[..i]);
        }
    }
}

/// Groups `entries` (newest first) by amending act: the act named by the same key (else by
/// the same citation) is one group; the groups ordered by their newest change, then by
/// signing date, newest first; a group's units and events in the act's order (`place`), its
/// events on a later day first.
pub(super) fn group_by_amending_act(
    entries: &[HistoryEntry],
    place: &dyn Fn(&str) -> (usize, String),
) -> Vec<AmendingActChanges> {
    let mut groups: Vec<AmendingActChanges> = Vec::new();
    let mut index: std::collections::HashMap<String, usize> = Default::default();
    for (i, e) in entries.iter().enumerate() {
        let key = e
            .amending_act_key
            .clone()
            .unwrap_or_else(|| format!("{}|{:?}", e.amending_act, e.signed));
        let g = *index.entry(key).or_insert_with(|| {
            groups.push(AmendingActChanges {
                amending_act: e.amending_act.clone(),
                amending_act_id: e.amending_act_id.clone(),
                signed: e.signed,
                effective: None,
                effective_last: None,
                in_words: ActChangesInWords::of(&e.in_words),
                units: Vec::new(),
                entries: Vec::new(),
            });
            groups.len() - 1
        });
        let group = &mut groups[g];
        group.entries.push(i);
        if !group.units.iter().any(|u| u.eid == e.eid) {
            group.units.push(ChangedUnit {
                eid: e.eid.clone(),
                name: crate::UnitInWords::of(&e.eid),
            });
        }
        if let Some(eff) = &e.effective {
            if group.effective.as_ref().is_none_or(|f| eff.date < f.date) {
                group.effective = Some(eff.clone());
                group.in_words = ActChangesInWords::of(&e.in_words);
            }
            let last = group.effective_last.as_ref().map(|l| l.date);
            if last.is_none_or(|l| eff.date > l) {
                group.effective_last = Some(eff.clone());
            }
        }
    }
    for g in &mut groups {
        g.units.sort_by_cached_key(|u| place(&u.eid));
        g.entries.sort_by_cached_key(|&i| {
            let e = &entries[i];
            (
                std::cmp::Reverse(e.effective.as_ref().map(|d| d.date).or(e.signed)),
                place(&e.eid),
            )
        });
        // Only a later day than the first is worth a second date.
        if g.effective_last.as_ref().map(|l| l.date) == g.effective.as_ref().map(|f| f.date) {
            g.effective_last = None;
        }
    }
    let newest = |g: &AmendingActChanges| {
        (
            g.effective_last
                .as_ref()
                .or(g.effective.as_ref())
                .map(|e| e.date)
                .or(g.signed),
            g.signed,
        )
    };
    groups.sort_by_key(|g| std::cmp::Reverse(newest(g)));
    groups
}

/// The act of an [`ActHistory`].
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[non_exhaustive]
pub struct HistoryAct {
    /// The act's id.
    pub id: String,
    /// The title.
    pub title: String,
    /// In force, repealed or unknown.
    pub status: Status,
    /// The act this act repealed and replaced, when the corpus says so
    /// ([`ZanIndex::succession`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub replaces: Option<crate::ActLink>,
    /// The act that repealed and replaced this act, when the corpus says so.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub replaced_by: Option<crate::ActLink>,
}

/// A unit an amendment changed, and the provisions that cite it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[non_exhaustive]
pub struct Affected {
    /// The changed unit (empty for the whole act).
    pub eid: String,
    /// What cites it or a unit inside it.
    pub cited_by: Vec<ResolvedReference>,
}

impl ActHistory {
    /// The timeline of `act`, limited to unit `eid` when given;
    /// [`crate::Error::UnknownUnit`] when the act has no such unit and no amendment names it.
    pub fn of(act: &Act, eid: Option<&str>) -> crate::Result<Self> {
        let entries = crate::history(act, eid)?;
        let related = |e: &str| match eid {
            None | Some("") => true,
            Some(x) => crate::concerns(e, x),
        };
        Ok(ActHistory {
            act: HistoryAct {
                id: act.id.clone(),
                title: act.title.clone(),
                status: act.status.clone(),
                replaces: None,
                replaced_by: None,
            },
            eid: eid.map(str::to_string),
            versions: act.versions.iter().map(EditionSummary::of).collect(),
            by_act: group_by_amending_act(&entries, &document_order(act)),
            entries,
            wordings: eid
                .filter(|e| !e.is_empty())
                .map(|e| crate::wordings(act, e))
                .unwrap_or_default(),
            unparsed_notes: act
                .unparsed_notes
                .iter()
                .filter(|n| related(&n.eid))
                .cloned()
                .collect(),
            target_fallbacks: act
                .target_fallbacks
                .iter()
                .filter(|f| related(&f.target_eid))
                .cloned()
                .collect(),
            affected: None,
            predecessor: None,
        })
    }
}

impl ZanIndex {
    /// The amendment timeline of act `id` in `lang` (see [`ZanIndex::act_in`]), limited to
    /// unit `eid` when given; with `affected`, also the provisions across the corpus that
    /// cite each changed unit.
    pub fn act_history(
        &self,
        id: &str,
        eid: Option<&str>,
        lang: Option<Lang>,
        affected: bool,
    ) -> crate::Result<ActHistory> {
        let act = self.act_in(id, lang)?;
        let mut history = ActHistory::of(&act, eid)?;
        self.link_amending_acts(&mut history.entries)?;
        history.by_act = group_by_amending_act(&history.entries, &document_order(&act));
        let succession = self.succession(&act.id)?;
        if let Some(old) = succession.replaces.as_ref().and_then(|l| l.id.as_deref()) {
            history.predecessor = self.predecessor_history(old, eid, act.lang)?;
        }
        history.act.replaces = succession.replaces;
        history.act.replaced_by = succession.replaced_by;
        if affected {
            let mut changed: Vec<String> = history.entries.iter().map(|e| e.eid.clone()).collect();
            changed.sort();
            changed.dedup();
            let catalog = self.catalog_citing(&act.id)?;
            history.affected = Some(
                changed
                    .into_iter()
                    .filter_map(|eid| {
                        let refs = crate::cited_by(&catalog, &act.id, Some(&eid), true, None);
                        (!refs.is_empty()).then_some(Affected {
                            eid,
                            cited_by: refs,
                        })
                    })
                    .collect(),
            );
        }
        Ok(history)
    }

    /// The timeline of `old`, the act a history's act replaced, in `lang` (else its first
    /// language), limited to `eid` when it has that unit.
    fn predecessor_history(
        &self,
        old: &str,
        eid: Option<&str>,
        lang: Lang,
    ) -> crate::Result<Option<PredecessorHistory>> {
        let all = self.expressions(old)?;
        let Some(act) = all.iter().find(|a| a.lang == lang).or(all.first()) else {
            return Ok(None);
        };
        let h = match ActHistory::of(act, eid) {
            Ok(h) => h,
            Err(crate::Error::UnknownUnit { .. }) => ActHistory::of(act, None)?,
            Err(e) => return Err(e),
        };
        let mut entries = h.entries;
        self.link_amending_acts(&mut entries)?;
        Ok(Some(PredecessorHistory {
            act: h.act,
            eid: h.eid,
            entries,
            wordings: h.wordings,
        }))
    }

    /// Sets each entry's [`HistoryEntry::amending_act_id`] where the corpus holds the amending
    /// act: an act signed on the same date whose number has the same key ([`ActRef::key`]:
    /// `379` and `379-I` alike). Only the acts whose id carries that date are read.
    pub(super) fn link_amending_acts(&self, entries: &mut [HistoryEntry]) -> crate::Result<()> {
        let ids = self.act_ids()?;
        let mut found: std::collections::HashMap<String, Option<String>> = Default::default();
        for e in entries.iter_mut() {
            let (Some(key), Some(date)) = (e.amending_act_key.clone(), e.by.date) else {
                continue;
            };
            if let Some(id) = found.get(&key) {
                e.amending_act_id.clone_from(id);
                continue;
            }
            let hit = self.act_of_key(&ids, &key, date)?;
            e.amending_act_id.clone_from(&hit);
            found.insert(key, hit);
        }
        Ok(())
    }

    /// The id of the act among `ids` signed on `date` whose number has the key `key`
    /// ([`ActRef::key`]), when the corpus holds one. Only the acts whose id carries that date
    /// are read.
    pub(super) fn act_of_key(
        &self,
        ids: &[String],
        key: &str,
        date: NaiveDate,
    ) -> crate::Result<Option<String>> {
        let dated = format!("-{date}-");
        for id in ids.iter().filter(|id| id.contains(&dated)) {
            let act = self.act(id)?;
            let same = act.issuances.iter().any(|i| {
                i.date == Some(date)
                    && i.number.as_deref().is_some_and(|n| {
                        let named = ActRef {
                            issuer: String::new(),
                            issuer_code: String::new(),
                            kind: act.kind,
                            date: Some(date),
                            number: Some(n.to_string()),
                            title: None,
                        };
                        named.key().as_deref() == Some(key)
                    })
            });
            if same {
                return Ok(Some(act.id.clone()));
            }
        }
        Ok(None)
    }

    /// What changed between editions `from` and `to` (edition ids or dates it was in force
    /// on) of act `id` in `lang`, optionally one unit only: see [`crate::diff()`].
    pub fn act_diff(
        &self,
        id: &str,
        from: &str,
        to: &str,
        eid: Option<&str>,
        lang: Option<Lang>,
    ) -> crate::Result<crate::ActDiff> {
        let act = self.act_in(id, lang)?;
        crate::diff(&act, from, to, eid)
    }
}
