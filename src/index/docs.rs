//! Turning an [`Act`] into index documents: one per unit of the current text, one per unit of
//! each older edition (with its validity range), and one holding the act as JSON.
//!
//! The act's JSON is its *frame*: the texts its unit documents hold, and an amending act's
//! quotes of them, are left out of it ([`STORED_ELSEWHERE`] stands in their place) and put back
//! when the act is read ([`crate::index::Store::act`], [`crate::index::Store::acts`]).
//! Stored twice, the texts made the doc store twice as large, and serializing and compressing
//! the second copy was a tenth of the time of `zanlex index`.

use super::schema::{
    expression_key, to_tantivy_date, Fields, DOC_ACT, DOC_UNIT, OPEN_FROM, OPEN_TO,
};
use crate::model::citation;
use crate::model::{
    Act, ActVersion, Amendment, Reference, Resolution, Source, TargetKind, Unit, UnitKind,
};
use chrono::NaiveDate;
use rustc_hash::FxHashMap;
use std::sync::Arc;
use tantivy::schema::document::{ReferenceValue, ReferenceValueLeaf, Value};
use tantivy::schema::{Document, Field};
use tantivy::DateTime;

/// A document as zanlex hands it to tantivy's writer.
///
/// A unit's text goes into four fields (`text`, `kk_exact`, `kk_stem`, `kk_loose`) and its act's
/// title, ids and file into every unit document of the act: `TantivyDocument` would copy each
/// of them every time, this holds one shared copy (and the act's JSON without a copy). Values
/// keep the order they were added in, so the doc store holds the same bytes as a
/// `TantivyDocument` with the same values would.
#[derive(Debug, Default, Clone)]
pub struct IndexDoc {
    values: Vec<(Field, DocValue)>,
}

/// One value of an [`IndexDoc`].
#[derive(Debug, Clone)]
pub enum DocValue {
    /// Text of this document alone.
    Owned(String),
    /// Text shared with other fields or documents.
    Shared(Arc<str>),
    /// Constant text.
    Static(&'static str),
    U64(u64),
    Date(DateTime),
}

impl IndexDoc {
    /// An empty document with room for `values` values.
    pub fn with_capacity(values: usize) -> Self {
        IndexDoc {
            values: Vec::with_capacity(values),
        }
    }

    /// A text value of this document alone.
    pub fn add_text(&mut self, field: Field, text: impl Into<String>) {
        self.values.push((field, DocValue::Owned(text.into())));
    }

    /// A text value shared with other fields or documents.
    pub fn add_shared(&mut self, field: Field, text: &Arc<str>) {
        self.values
            .push((field, DocValue::Shared(Arc::clone(text))));
    }

    /// A constant text value.
    pub fn add_static(&mut self, field: Field, text: &'static str) {
        self.values.push((field, DocValue::Static(text)));
    }

    /// A number value.
    pub fn add_u64(&mut self, field: Field, value: u64) {
        self.values.push((field, DocValue::U64(value)));
    }

    /// A date value.
    pub fn add_date(&mut self, field: Field, value: DateTime) {
        self.values.push((field, DocValue::Date(value)));
    }
}

impl<'a> Value<'a> for &'a DocValue {
    type ArrayIter = std::iter::Empty<Self>;
    type ObjectIter = std::iter::Empty<(&'a str, Self)>;

    fn as_value(&self) -> ReferenceValue<'a, Self> {
        let leaf = match *self {
            DocValue::Owned(s) => ReferenceValueLeaf::Str(s.as_str()),
            DocValue::Shared(s) => ReferenceValueLeaf::Str(s),
            DocValue::Static(s) => ReferenceValueLeaf::Str(s),
            DocValue::U64(n) => ReferenceValueLeaf::U64(*n),
            DocValue::Date(d) => ReferenceValueLeaf::Date(*d),
        };
        ReferenceValue::Leaf(leaf)
    }
}

/// A field and a reference to its value, as tantivy iterates a document.
type FieldValue<'a> = (Field, &'a DocValue);

fn field_value(pair: &(Field, DocValue)) -> FieldValue<'_> {
    (pair.0, &pair.1)
}

impl Document for IndexDoc {
    type Value<'a> = &'a DocValue;
    type FieldsValuesIter<'a> = std::iter::Map<
        std::slice::Iter<'a, (Field, DocValue)>,
        for<'b> fn(&'b (Field, DocValue)) -> FieldValue<'b>,
    >;

    fn iter_fields_and_values(&self) -> Self::FieldsValuesIter<'_> {
        self.values.iter().map(field_value)
    }
}

/// The amendments that touched the units of one eid (the same in every edition).
struct UnitAmendments<'a> {
    /// In the act's order.
    list: Vec<&'a Amendment>,
    /// The `amendments` field: `list` as JSON, written at the first unit document that needs
    /// it (amendments may name eids no unit has); `None` inside when it cannot be serialized.
    json: std::cell::OnceCell<Option<Arc<str>>>,
}

/// The amendments of every unit they touched, by eid: one pass over the act's amendments, not
/// one per unit document, and each unit's list serialized once for all its editions.
fn amendments_by_eid(act: &Act) -> FxHashMap<&str, UnitAmendments<'_>> {
    let mut by_eid: FxHashMap<&str, UnitAmendments<'_>> = FxHashMap::default();
    for a in &act.amendments {
        by_eid
            .entry(a.target_eid.as_str())
            .or_insert_with(|| UnitAmendments {
                list: Vec::new(),
                json: std::cell::OnceCell::new(),
            })
            .list
            .push(a);
    }
    by_eid
}

/// The validity of one set of unit documents.
struct Validity<'a> {
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    /// The edition's index in the act's timeline ([`crate::amend::time::ActTimeline`]).
    edition: usize,
    current: bool,
    version_id: &'a str,
    source: &'a Source,
}

/// All documents for one act: the act's own document first, then its unit documents.
///
/// Leaves `act` as its frame: the texts its unit documents hold are replaced by
/// [`STORED_ELSEWHERE`] (the module's documentation says why).
pub fn act_documents(act: &mut Act, f: &Fields) -> crate::Result<Vec<IndexDoc>> {
    // The act's document is filled last, once its JSON is the frame.
    let mut docs = vec![IndexDoc::default()];
    let shared = ActStrings::of(act);
    let key = expression_key(&act.id, act.lang);
    let mut keys = DocKeys::default();
    let shared_with;
    {
        let act: &Act = act;
        let amendments = amendments_by_eid(act);
        // Each unit document is valid over the dates its printing answers for, by the
        // point-in-time rule.
        let timeline = crate::amend::time::ActTimeline::new(act);
        // Each unit's timeline is made once: reading one walks every edition, and an act
        // amended a hundred times would otherwise be read a hundred times for each unit.
        let unit_timelines: UnitTimelines = timeline
            .eids()
            .into_iter()
            .map(|eid| (eid, timeline.unit(eid)))
            .collect();
        let times = doc_times(&unit_timelines);
        let same = same_wordings(act, &timeline, &unit_timelines);
        let mut units = UnitDocs {
            same: &same,
            act,
            shared: &shared,
            fields: f,
            key,
            amendments: &amendments,
            times: &times,
            keys: &mut keys,
            docs: &mut docs,
        };
        // Older editions, each over its [from, to).
        let mut covered_until: Option<NaiveDate> = None;
        for (k, v) in act.versions.iter().enumerate() {
            if is_current_edition(v, &act.source.file) {
                continue; // the current text itself
            }
            if let Some(to) = v.to {
                covered_until = Some(covered_until.map_or(to, |c: NaiveDate| c.max(to)));
            }
            let val = Validity {
                from: v.from,
                to: v.to,
                edition: k,
                current: false,
                version_id: &v.id,
                source: &v.source,
            };
            units.add(&v.units, &v.references, &val);
        }
        // The day the repeal took effect, as the time rule reads it (a note's effective day
        // before the status's), or the source stopped carrying the act, so a search on a date
        // finds what `show` on it answers.
        let val = Validity {
            from: covered_until.or(act.date()),
            to: crate::amend::time::known_until(act),
            edition: timeline.editions().len().saturating_sub(1),
            current: true,
            version_id: CURRENT,
            source: &act.source,
        };
        units.add(&act.units, &act.references, &val);
        shared_with = same
            .skipped
            .iter()
            .map(|((k, eid), holder)| ((*k, eid.to_string()), holder.clone()))
            .collect::<FxHashMap<(usize, String), String>>();
    }
    frame(act, &keys, &shared_with);
    let act_json = serde_json::to_string(&*act).map_err(|e| crate::Error::Index {
        path: act.source.file.clone().into(),
        reason: format!("cannot serialize act {}: {e}", act.id),
    })?;
    let units = docs.len() as u64 - 1;
    let d = &mut docs[0];
    d.add_static(f.doc_type, DOC_ACT);
    d.add_shared(f.act_id, &shared.id);
    d.add_static(f.lang, act.lang.as_str());
    d.add_shared(f.file, &shared.file);
    d.add_text(f.act_json, act_json);
    for k in crate::refs::resolve::act_lookup_keys(act) {
        d.add_text(f.act_lookup, k);
    }
    for k in crate::refs::resolve::act_cites_keys(act) {
        d.add_text(f.act_cites, k);
    }
    d.add_shared(f.title_stem, &shared.title);
    d.add_shared(f.title_loose, &shared.title);
    if let Some(place) = crate::model::citation::regions::place_of_act(act) {
        d.add_static(f.place, place);
    }
    d.add_u64(f.act_key, key);
    d.add_u64(f.unit_docs, units);
    Ok(docs)
}

/// The most values a unit document has with one issuer, every optional one present, and a
/// number and a registration number, twice on the act's first unit and once more each for
/// the filters (an issuer more, or an amending act's number, is a value more).
const UNIT_DOC_VALUES: usize = 48;

/// The `version_id` of the current text's unit documents.
const CURRENT: &str = "current";

/// What an indexed unit's text is in its act's frame: the text is read from the unit's
/// document. It also starts an instruction's quote that is read from a unit's text
/// (`place_quote`). Unit texts are trimmed lines of an act and hold no NUL.
pub const STORED_ELSEWHERE: &str = "\u{0}";

/// The frame's text of a unit whose wording a later edition's document holds: this, then that
/// edition's version id ([`frame`]).
pub const SAME_AS: &str = "\u{0}\u{1}";

/// The units of older editions that get no document because the next edition prints them
/// the same (text, heading and status, one wording by the point-in-time rule): the index
/// grows with the changes, not with the editions. The next edition's document answers for
/// them, valid from the first of them on.
#[derive(Default)]
struct SameWordings<'a> {
    /// (edition, eid) → the version id of the document that holds its text.
    skipped: FxHashMap<(usize, &'a str), String>,
    /// (edition, eid) of a document that answers for older editions too → its earlier start.
    reach: FxHashMap<(usize, &'a str), Option<NaiveDate>>,
}

/// Each unit's timeline, by eid.
type UnitTimelines<'t, 'a> = FxHashMap<&'a str, crate::amend::time::UnitTimeline<'t, 'a>>;

fn same_wordings<'a>(
    act: &'a Act,
    timeline: &crate::amend::time::ActTimeline<'a>,
    unit_timelines: &UnitTimelines<'_, 'a>,
) -> SameWordings<'a> {
    let mut out = SameWordings::default();
    let editions = timeline.editions();
    // Each edition's units by eid, and the version id its documents carry.
    let by_eid = |units: &'a [Unit]| -> FxHashMap<&'a str, &'a Unit> {
        units
            .iter()
            .flat_map(Unit::walk)
            .map(|u| (u.eid.as_str(), u))
            .collect()
    };
    let mut printed: Vec<(FxHashMap<&'a str, &'a Unit>, &'a str)> = act
        .versions
        .iter()
        .map(|v| {
            if is_current_edition(v, &act.source.file) {
                (by_eid(&act.units), CURRENT)
            } else {
                (by_eid(&v.units), v.id.as_str())
            }
        })
        .collect();
    if editions.len() > printed.len() {
        printed.push((by_eid(&act.units), CURRENT));
    }
    if printed.len() < 2 || printed.len() != editions.len() {
        return out;
    }
    for k in 0..printed.len() - 1 {
        let (now, next) = (&printed[k].0, &printed[k + 1].0);
        for (&eid, u) in now {
            let Some(n) = next.get(eid) else { continue };
            if u.text != n.text || u.heading != n.heading || u.status != n.status {
                continue;
            }
            // Every eid an edition prints has its timeline.
            let Some(unit) = unit_timelines.get(eid) else {
                continue;
            };
            let segment = |e: usize| unit.piece_of(e).map(|i| unit.pieces()[i].segment);
            if segment(k).is_none() || segment(k) != segment(k + 1) {
                continue;
            }
            let start = match out.reach.remove(&(k, eid)) {
                Some(from) => from,
                None => unit.piece_of(k).and_then(|i| unit.doc_from(i)),
            };
            out.reach.insert((k + 1, eid), start);
            out.skipped.insert((k, eid), String::new());
        }
    }
    // Each skipped unit's text is in the document of the first edition after it that keeps
    // one: from the newest edition down, a skipped printing's holder is that of the printing
    // after it, when that one is skipped too.
    let mut keys: Vec<(usize, &'a str)> = out.skipped.keys().copied().collect();
    keys.sort_unstable_by(|a, b| b.cmp(a));
    for (k, eid) in keys {
        let holder = match out.skipped.get(&(k + 1, eid)) {
            Some(later) => later.clone(),
            None => printed[k + 1].1.to_string(),
        };
        out.skipped.insert((k, eid), holder);
    }
    out
}

/// Whether unit `u` gets a document (one with neither text nor heading does not).
fn has_document(u: &Unit) -> bool {
    !(u.text.trim().is_empty() && u.heading.as_deref().unwrap_or("").trim().is_empty())
}

/// The unit's [`super::Fields::placeholder`] value: [`PLACEHOLDER`] for a unit that only says it
/// was deleted or takes effect later, [`HEADING_ONLY`] for a live unit with a heading and no
/// text of its own (a chapter or article heading, an attachment's title), 0 for text.
fn placeholder_mark(u: &Unit) -> u64 {
    if u.status != crate::model::UnitStatus::Live {
        PLACEHOLDER
    } else if is_heading_only(u) {
        HEADING_ONLY
    } else {
        0
    }
}

/// Whether `u` says nothing but its heading: no text, or a text that is the heading with the
/// unit's label (`Глава 4. Обжалование решений …`, `4-тарау. …`, `Глава II . …`, an
/// attachment's title line).
fn is_heading_only(u: &Unit) -> bool {
    let text = u.text.trim();
    let heading = u.heading.as_deref().unwrap_or("").trim();
    if text.is_empty() {
        return true;
    }
    if heading.is_empty() {
        return false;
    }
    let Some(at) = text.find(heading) else {
        return false;
    };
    let rest = format!("{} {}", &text[..at], &text[at + heading.len()..]);
    rest.split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .all(|w| {
            w.is_empty()
                || w.chars().any(|c| c.is_ascii_digit())
                || w.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C'))
                || UNIT_LABELS.contains(&crate::text::lowercase(w).as_str())
        })
}

/// The words that name a unit before its number (`Глава 4.`, `4-тарау.`, `Статья 12.`).
const UNIT_LABELS: &[&str] = &[
    "глава",
    "статья",
    "раздел",
    "параграф",
    "приложение",
    "тарау",
    "бап",
    "бөлім",
    "қосымша",
];

/// [`super::Fields::placeholder`] of a deleted or pending unit.
pub(crate) const PLACEHOLDER: u64 = 1;
/// [`super::Fields::placeholder`] of a unit that is only a heading.
pub(crate) const HEADING_ONLY: u64 = 2;

/// What a unit's ancestors (`path` without its last unit) say about it: the nearest heading
/// (its article's or chapter's title), and the texts that lead into a list (ending in `:`),
/// which the unit continues. A subparagraph «2) шетелде әскери қызмет өткеру кезеңі» answers
/// «стаж по специальности …» only with its paragraph's «В стаж по специальности
/// засчитываются:». Headings further up (an attachment's title) would make every unit under
/// them match their words.
fn ancestors_context(path: &[&Unit]) -> String {
    let mut parts: Vec<&str> = Vec::new();
    let Some((_, ancestors)) = path.split_last() else {
        return String::new();
    };
    let nearest_heading = ancestors
        .iter()
        .rev()
        .filter_map(|a| a.heading.as_deref().map(str::trim))
        .find(|h| !h.is_empty());
    parts.extend(nearest_heading);
    parts.extend(
        ancestors
            .iter()
            .map(|a| a.text.trim())
            .filter(|t| t.ends_with(':')),
    );
    parts.join("\n")
}

/// A unit of at most this many words that refers to other units of its act is also found by
/// their words ([`referenced_context`]): a longer one says enough in its own words.
const REFERRING_UNIT_WORDS: usize = 60;
/// How many of a referenced unit's first words (or its heading's) the referring unit's context
/// holds.
const REFERENCED_WORDS: usize = 16;
/// How many referenced units a unit's context holds words of, in the order its text names them.
const REFERENCED_UNITS: usize = 3;

/// What the units of its own act a short unit refers to say, by the referring unit's eid: each
/// referenced unit's heading, or its first words when it has none. «Размер компенсации
/// потерпевшим в случаях, предусмотренных подпунктом 1) пункта 1 статьи 6 настоящего Закона …»
/// names the victims of sexual violence only through the subparagraph it cites; with that
/// subparagraph's words in its context, a question in them finds it, below the units that say
/// them. A reference to the unit's own article or to a part of itself adds nothing, nor one
/// to a whole attachment, annex, chapter or section.
fn referenced_context<'a>(
    units: &'a [Unit],
    references: &'a [Reference],
    act_id: &str,
) -> FxHashMap<&'a str, String> {
    let mut by_eid: FxHashMap<&'a str, &'a Unit> = FxHashMap::default();
    crate::model::walk_with_path(units, &mut |path| {
        if let Some(u) = path.last() {
            by_eid.insert(u.eid.as_str(), u);
        }
    });
    let mut targets: FxHashMap<&'a str, Vec<&'a str>> = FxHashMap::default();
    for r in references {
        if !matches!(r.kind, TargetKind::Unit | TargetKind::Attachment) {
            continue;
        }
        let Some(Resolution::Resolved { act, eid }) = &r.resolution else {
            continue;
        };
        let (from, to) = (r.eid.as_str(), eid.as_str());
        let nested = |outer: &str, inner: &str| {
            inner.len() > outer.len()
                && inner.starts_with(outer)
                && inner[outer.len()..].starts_with("__")
        };
        if act != act_id || to.is_empty() || from == to || nested(to, from) || nested(from, to) {
            continue;
        }
        let Some(citing) = by_eid.get(from) else {
            continue;
        };
        if citing.text.split_whitespace().count() > REFERRING_UNIT_WORDS {
            continue;
        }
        // A whole attachment, annex, chapter or section is found by its own heading: a unit
        // that approves or names it whole would only compete with it for its words.
        let provision = by_eid.get(to).is_some_and(|u| {
            !matches!(
                u.kind,
                UnitKind::Attachment | UnitKind::Annex | UnitKind::Chapter | UnitKind::Section
            )
        });
        if !provision {
            continue;
        }
        let listed = targets.entry(from).or_default();
        if listed.len() < REFERENCED_UNITS && !listed.contains(&to) {
            listed.push(to);
        }
    }
    targets
        .into_iter()
        .filter_map(|(from, to)| {
            let said: Vec<String> = to
                .iter()
                .filter_map(|eid| by_eid.get(eid))
                .map(|u| {
                    let heading = u.heading.as_deref().map(str::trim).unwrap_or("");
                    let words = if heading.is_empty() { &u.text } else { heading };
                    words
                        .split_whitespace()
                        .take(REFERENCED_WORDS)
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .filter(|w| !w.is_empty())
                .collect();
            (!said.is_empty()).then(|| (from, said.join("\n")))
        })
        .collect()
}

/// How many bytes of its article's other units a unit's document holds
/// ([`super::Fields::article_stem`]): the nearest units first, so a long article's far end
/// does not make every unit of it match every question.
const ARTICLE_CONTEXT_BYTES: usize = 800;

/// Where in `path` (which ends with a unit) the article the unit is in is: its nearest
/// article (the unit itself when it is one), else its outermost numbered paragraph (a point
/// of Rules, with its subpoints); `None` when that has no units under it.
fn article_root(path: &[&Unit]) -> Option<usize> {
    let root = path
        .iter()
        .rposition(|u| u.kind == UnitKind::Article)
        .or_else(|| path.iter().position(|u| u.kind == UnitKind::Paragraph))?;
    (!path[root].children.is_empty()).then_some(root)
}

/// The text of the other units of the article a unit is in (`path` ends with the unit, the
/// article is `path[root]`, [`article_root`]). The nearest units come first, up to
/// [`ARTICLE_CONTEXT_BYTES`]; the unit's own text is left out.
fn article_context(path: &[&Unit], root: usize) -> String {
    let (Some(own), Some(article)) = (path.last(), path.get(root)) else {
        return String::new();
    };
    // The article's units in document order, and where the unit is among them.
    let mut units: Vec<&Unit> = Vec::new();
    fn flatten<'a>(u: &'a Unit, out: &mut Vec<&'a Unit>) {
        out.push(u);
        for c in &u.children {
            flatten(c, out);
        }
    }
    flatten(article, &mut units);
    let Some(at) = units.iter().position(|u| std::ptr::eq(*u, *own)) else {
        return String::new();
    };
    let mut order: Vec<usize> = (0..units.len()).filter(|&i| i != at).collect();
    order.sort_by_key(|&i| i.abs_diff(at));
    let mut out = String::new();
    for i in order {
        let u = units[i];
        for part in [u.heading.as_deref().unwrap_or(""), u.text.as_str()] {
            let part = part.trim();
            if part.is_empty() || out.len() + 1 >= ARTICLE_CONTEXT_BYTES {
                continue;
            }
            if !out.is_empty() {
                out.push('\n');
            }
            let mut end = part.len().min(ARTICLE_CONTEXT_BYTES - out.len());
            while !part.is_char_boundary(end) {
                end -= 1;
            }
            out.push_str(&part[..end]);
        }
    }
    out
}

/// Whether `v`, an edition of the act from `act_file`, is the one the act's units are (indexed
/// once, as the current text).
fn is_current_edition(v: &ActVersion, act_file: &str) -> bool {
    v.to.is_none() && v.source.file == act_file
}

/// How many unit documents of an act have each (version id, eid) key, by the key's hash: a
/// text is left out of the frame only when its key is unique, so that reading it back cannot
/// pick another document's text (two keys with one hash just keep their texts).
#[derive(Default)]
struct DocKeys(FxHashMap<u64, u32>);

impl DocKeys {
    fn hash(version_id: &str, eid: &str) -> u64 {
        use std::hash::BuildHasher;
        rustc_hash::FxBuildHasher.hash_one((version_id, eid))
    }

    fn add(&mut self, version_id: &str, eid: &str) {
        *self.0.entry(Self::hash(version_id, eid)).or_default() += 1;
    }

    fn unique(&self, version_id: &str, eid: &str) -> bool {
        self.0.get(&Self::hash(version_id, eid)) == Some(&1)
    }
}

fn walk_units_mut(units: &mut [Unit], f: &mut dyn FnMut(&mut Unit)) {
    for u in units {
        f(u);
        walk_units_mut(&mut u.children, f);
    }
}

/// Turns `act` into its frame: each text a unit document holds, under a key no other document
/// of the act has, becomes [`STORED_ELSEWHERE`], and each instruction's quote found in such a
/// text becomes its place there. The current text's own edition (not indexed twice) points at
/// the current text's documents where its text is theirs.
/// A unit of an older edition printed as the next edition prints it has no document of its
/// own ([`same_wordings`]): `shared_with[(edition, eid)]` names the version whose document
/// holds its text, which the frame keeps as [`SAME_AS`] and that version id.
fn frame(act: &mut Act, keys: &DocKeys, shared_with: &FxHashMap<(usize, String), String>) {
    let elsewhere = |u: &Unit, version_id: &str| {
        !u.text.is_empty() && has_document(u) && keys.unique(version_id, &u.eid)
    };
    let Act {
        units,
        versions,
        source,
        instructions,
        ..
    } = act;
    // An amending act's instructions quote new wordings that its units' texts hold (the unit
    // that gives the instruction, or an annex that is the new text whole): where such a text
    // is stored elsewhere, the quote becomes its place in it, instead of a copy compressed and
    // written for nothing.
    if instructions.iter().any(|i| i.new_text.is_some()) {
        let texts: Vec<(&str, &str)> = units
            .iter()
            .flat_map(Unit::walk)
            .filter(|u| elsewhere(u, CURRENT))
            .map(|u| (u.eid.as_str(), u.text.as_str()))
            .collect();
        for ins in instructions.iter_mut() {
            let Some(quote) = ins.new_text.as_deref().filter(|q| !q.is_empty()) else {
                continue;
            };
            if let Some(placed) = place_quote(quote, &ins.source_eid, &texts) {
                ins.new_text = Some(placed);
            }
        }
    }
    let current: FxHashMap<&str, &str> =
        if versions.iter().any(|v| is_current_edition(v, &source.file)) {
            units
                .iter()
                .flat_map(Unit::walk)
                .filter(|u| elsewhere(u, CURRENT))
                .map(|u| (u.eid.as_str(), u.text.as_str()))
                .collect()
        } else {
            FxHashMap::default()
        };
    for (k, v) in versions.iter_mut().enumerate() {
        let own = is_current_edition(v, &source.file);
        let ActVersion { id, units, .. } = v;
        walk_units_mut(units, &mut |u| {
            if !own {
                // Only where the holder's document is the one with its key (a unit with no
                // document, or an eid printed twice, keeps its text here).
                if let Some(holder) = shared_with.get(&(k, u.eid.clone())) {
                    if !u.text.is_empty() && has_document(u) && keys.unique(holder, &u.eid) {
                        u.text = format!("{SAME_AS}{holder}");
                    }
                    return;
                }
            }
            let out = if own {
                current.get(u.eid.as_str()) == Some(&u.text.as_str())
            } else {
                elsewhere(u, id)
            };
            if out {
                u.text = STORED_ELSEWHERE.to_string();
            }
        });
    }
    drop(current);
    walk_units_mut(&mut act.units, &mut |u| {
        if elsewhere(u, CURRENT) {
            u.text = STORED_ELSEWHERE.to_string();
        }
    });
}

/// Quotes shorter than this are looked for only in the unit that gives the instruction.
const QUOTE_ANYWHERE: usize = 256;

/// The first bytes of a long quote that [`place_quote`] searches the act's texts for.
const PROBE_BYTES: usize = 32;
// A long quote less three characters (of four bytes at most) still starts with the probe.
const _: () = assert!(PROBE_BYTES + 12 <= QUOTE_ANYWHERE);

/// Where `quote` is in the texts (eid, text) of an act's units: the placeholder
/// [`STORED_ELSEWHERE`] `eid \t start \t length \t tail` ([`quote_of`] reads it), the quote being
/// `text[start..start + length]` followed by `tail` (a quote ends with the sentence's full stop
/// where the text closes the quotation mark first: `…С12".";` gives `…С12.`). Looked for in
/// the unit `source_eid` first, then, for a long quote, in every text in order (an annex
/// that is the new wording). `None` when no text holds it.
fn place_quote(quote: &str, source_eid: &str, texts: &[(&str, &str)]) -> Option<String> {
    let own = texts.iter().filter(|(eid, _)| *eid == source_eid);
    let others = texts
        .iter()
        .filter(|(eid, text)| *eid != source_eid && text.len() + 12 >= quote.len());
    // The other texts are the whole act, searched for one long quote: a vectorized searcher
    // finds where its first bytes are, and the whole quote is compared there (cheaper than
    // Rabin-Karp or a two-way searcher over the whole act). Every head below starts with those
    // bytes: a long quote loses at most three characters.
    let probe = (quote.len() >= QUOTE_ANYWHERE)
        .then(|| memchr::memmem::Finder::new(&quote.as_bytes()[..PROBE_BYTES]));
    // The quote whole, then without a tail of one to three characters. In its own unit by
    // Rabin-Karp: its searcher is a rolling hash of the quote, where a two-way searcher's
    // preprocessing cost more than the searches (the unit's text is a few hundred bytes).
    let mut head = quote;
    for _ in 0..=3 {
        if head.is_empty() {
            return None;
        }
        let needle = head.as_bytes();
        let finder = memchr::arch::all::rabinkarp::Finder::new(needle);
        let in_own = || {
            own.clone()
                .find_map(|(eid, text)| Some((eid, finder.find(str::as_bytes(text), needle)?)))
        };
        let in_others = || {
            let probe = probe.as_ref()?;
            others.clone().find_map(|(eid, text)| {
                let hay: &[u8] = str::as_bytes(text);
                let mut from = 0;
                while let Some(k) = hay.get(from..).and_then(|rest| probe.find(rest)) {
                    let at = from + k;
                    if hay[at..].starts_with(needle) {
                        return Some((eid, at));
                    }
                    from = at + 1;
                }
                None
            })
        };
        let found = in_own().or_else(in_others);
        if let Some((eid, at)) = found {
            return Some(format!(
                "{STORED_ELSEWHERE}{eid}\t{at}\t{}\t{}",
                head.len(),
                &quote[head.len()..]
            ));
        }
        let last = head.chars().next_back()?;
        head = &head[..head.len() - last.len_utf8()];
    }
    None
}

/// The quote a placeholder of [`place_quote`] stands for, from the act's unit texts by eid.
fn quote_of(placed: &str, texts: &FxHashMap<&str, &str>) -> Option<String> {
    let mut parts = placed.splitn(4, '\t');
    let (eid, at, len, tail) = (parts.next()?, parts.next()?, parts.next()?, parts.next()?);
    let (at, len) = (at.parse::<usize>().ok()?, len.parse::<usize>().ok()?);
    let head = texts.get(eid)?.get(at..at.checked_add(len)?)?;
    Some(format!("{head}{tail}"))
}

/// Puts back the texts of an act read from its frame: `text(version_id, eid)` is the text of
/// the unit document with that key. An error names the first text that cannot be found.
pub(crate) fn restore_texts(
    act: &mut Act,
    text: &mut dyn FnMut(&str, &str) -> Option<String>,
) -> Result<(), String> {
    let mut missing: Option<String> = None;
    let mut put_back = |units: &mut [Unit], version_id: &str| {
        walk_units_mut(units, &mut |u| {
            if let Some(holder) = u.text.strip_prefix(SAME_AS) {
                let holder = holder.to_string();
                match text(&holder, &u.eid) {
                    Some(t) => u.text = t,
                    None => {
                        missing.get_or_insert_with(|| format!("{holder} {}", u.eid));
                    }
                }
            } else if u.text == STORED_ELSEWHERE {
                match text(version_id, &u.eid) {
                    Some(t) => u.text = t,
                    None => {
                        missing.get_or_insert_with(|| format!("{version_id} {}", u.eid));
                    }
                }
            }
        });
    };
    for v in &mut act.versions {
        let version_id = if is_current_edition(v, &act.source.file) {
            CURRENT
        } else {
            v.id.as_str()
        };
        put_back(&mut v.units, version_id);
    }
    put_back(&mut act.units, CURRENT);
    // The instructions' quotes, from the texts just put back (see `frame`).
    let Act {
        units,
        instructions,
        ..
    } = act;
    let mut texts: Option<FxHashMap<&str, &str>> = None;
    for ins in instructions.iter_mut() {
        let Some(placed) = ins
            .new_text
            .as_deref()
            .and_then(|q| q.strip_prefix(STORED_ELSEWHERE))
        else {
            continue;
        };
        let texts = texts.get_or_insert_with(|| {
            units
                .iter()
                .flat_map(Unit::walk)
                .map(|u| (u.eid.as_str(), u.text.as_str()))
                .collect()
        });
        match quote_of(placed, texts) {
            Some(q) => ins.new_text = Some(q),
            None => {
                missing.get_or_insert_with(|| format!("the quote of {}", ins.source_eid));
                ins.new_text = Some(String::new());
            }
        }
    }
    match missing {
        None => Ok(()),
        Some(unit) => Err(format!("no unit document holds the text of {unit}")),
    }
}

/// The frame's placeholders emptied, for readers that want an act's outline, not its texts.
pub(crate) fn drop_texts(act: &mut Act) {
    // Every placeholder "found" empty: nothing can be missing.
    let _ = restore_texts(act, &mut |_, _| Some(String::new()));
}

/// The act's values that every one of its unit documents holds, one copy each.
struct ActStrings {
    id: Arc<str>,
    file: Arc<str>,
    title: Arc<str>,
    number: Arc<str>,
    issuers: Vec<Arc<str>>,
    numbers: super::numbers::ActNumbers,
}

impl ActStrings {
    fn of(act: &Act) -> Self {
        ActStrings {
            id: act.id.as_str().into(),
            file: act.source.file.as_str().into(),
            title: act.title.as_str().into(),
            number: act.number().into(),
            issuers: act
                .issuances
                .iter()
                .map(|i| i.issuer_code.as_str().into())
                .collect(),
            numbers: super::numbers::ActNumbers::of(act),
        }
    }
}

/// When one printing of a unit answers (its document's validity) and what the index stores
/// about its time ([`crate::amend::time::StoredTime`] as JSON).
struct DocTime {
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    stored: Arc<str>,
    /// The printing no longer applies today (expired or suspended): ranked as a repealed act's.
    lapsed: bool,
}

/// The [`DocTime`] of every printing of every unit of the act, by (edition, eid).
fn doc_times<'a>(unit_timelines: &UnitTimelines<'_, 'a>) -> FxHashMap<(usize, &'a str), DocTime> {
    let mut out = FxHashMap::default();
    // Most units of an act share their facts (in the act since its adoption, one edition):
    // each distinct value is written once.
    let mut written: FxHashMap<crate::amend::time::StoredTime, Arc<str>> = FxHashMap::default();
    for (&eid, unit) in unit_timelines {
        // A wording given for a period is no edition's printing: it has no document.
        for (i, p) in unit.pieces().iter().enumerate().filter(|(_, p)| !p.given) {
            let facts = crate::amend::time::StoredTime::of(unit, i);
            let lapsed = crate::amend::time::lapsed_today(&unit.facts(i));
            let stored = written
                .entry(facts)
                .or_insert_with_key(|f| {
                    serde_json::to_string(f)
                        .unwrap_or_else(|_| "{}".to_string())
                        .into()
                })
                .clone();
            out.insert(
                (p.edition, eid),
                DocTime {
                    from: unit.doc_from(i),
                    to: p.to,
                    stored,
                    lapsed,
                },
            );
        }
    }
    out
}

/// Writes an act's unit documents, counting their keys.
struct UnitDocs<'a> {
    same: &'a SameWordings<'a>,
    act: &'a Act,
    shared: &'a ActStrings,
    fields: &'a Fields,
    key: u64,
    amendments: &'a FxHashMap<&'a str, UnitAmendments<'a>>,
    times: &'a FxHashMap<(usize, &'a str), DocTime>,
    keys: &'a mut DocKeys,
    docs: &'a mut Vec<IndexDoc>,
}

impl UnitDocs<'_> {
    /// The documents of `units`, one edition's, valid as `val` says.
    fn add(&mut self, units: &[Unit], references: &[Reference], val: &Validity<'_>) {
        let UnitDocs {
            same,
            act,
            shared,
            fields: f,
            key,
            amendments,
            times,
            keys,
            docs,
        } = self;
        let (act, key) = (*act, *key);
        let status = act.status.as_str();
        // The edition's file, shared by its unit documents.
        let file: Arc<str> = if val.source.file == act.source.file {
            Arc::clone(&shared.file)
        } else {
            val.source.file.as_str().into()
        };
        let version_id: Arc<str> = val.version_id.into();
        let citer = citation::Citer::new(act);
        let head = super::numbers::head_eid(units);
        let referenced = referenced_context(units, references, &act.id);
        crate::model::walk_with_path(units, &mut |path| {
            let Some(u) = path.last() else { return };
            if !has_document(u) || same.skipped.contains_key(&(val.edition, u.eid.as_str())) {
                return;
            }
            keys.add(val.version_id, &u.eid);
            let heading = u.heading.as_deref().unwrap_or("").trim();
            // Room for every value a unit document may have, so they are not moved as it grows.
            let mut d = IndexDoc::with_capacity(UNIT_DOC_VALUES);
            d.add_static(f.doc_type, DOC_UNIT);
            d.add_shared(f.act_id, &shared.id);
            d.add_static(f.lang, act.lang.as_str());
            // A split text's unit is cited in its part file, with that file's own lines.
            let (part_file, span) = if val.source.parts.is_empty() {
                (None, u.span)
            } else {
                let (pf, span) = val.source.locate(u.span);
                (Some(Arc::<str>::from(pf)), span)
            };
            d.add_shared(f.file, part_file.as_ref().unwrap_or(&file));
            d.add_shared(f.act_file, &shared.file);
            d.add_shared(f.act_title, &shared.title);
            d.add_u64(f.act_key, key);
            d.add_static(f.act_kind, act.kind.as_str());
            for issuer in &shared.issuers {
                d.add_shared(f.issuer, issuer);
            }
            if let Some(date) = act.date() {
                d.add_date(f.act_date, to_tantivy_date(date));
            }
            d.add_shared(f.act_number, &shared.number);
            d.add_static(f.act_status, status);
            // The official address names the current text's edition: an older edition's
            // units do not link to it.
            if let (CURRENT, Some(url)) = (&*version_id, &act.official_url) {
                d.add_text(f.act_url, url.as_str());
            }
            d.add_text(f.eid, u.eid.as_str());
            d.add_static(f.unit_kind, u.kind.eid_prefix());
            d.add_static(f.unit_status, u.status.as_str());
            d.add_u64(f.placeholder, placeholder_mark(u));
            // A unit that no longer applies today (expired, suspended) ranks with them.
            let lapsed = times
                .get(&(val.edition, u.eid.as_str()))
                .is_some_and(|t| t.lapsed);
            d.add_u64(
                f.act_repealed,
                u64::from(
                    lapsed
                        || matches!(
                            act.status,
                            crate::model::Status::Repealed { .. }
                                | crate::model::Status::SourceRemoved { .. }
                        ),
                ),
            );
            let label = citation::unit_label(path, act.kind, act.lang);
            let cited = citer.citation(path, &label);
            d.add_text(f.label, label);
            d.add_text(f.citation, cited);
            let mut anc = String::new();
            for (i, p) in path.iter().enumerate() {
                if i > 0 {
                    anc.push_str(" / ");
                }
                anc.push_str(&p.eid);
            }
            d.add_text(f.path, anc);
            if !heading.is_empty() {
                let heading: Arc<str> = heading.into();
                d.add_shared(f.heading, &heading);
                d.add_shared(f.heading_stem, &heading);
                d.add_shared(f.heading_loose, &heading);
            }
            let mut context = ancestors_context(path);
            if let Some(said) = referenced.get(u.eid.as_str()) {
                if !context.is_empty() {
                    context.push('\n');
                }
                context.push_str(said);
            }
            if !context.is_empty() {
                let field = if act.lang == crate::model::Lang::Ru {
                    f.context_ru
                } else {
                    f.context_stem
                };
                d.add_text(field, context);
            }
            if let Some(root) = article_root(path) {
                d.add_text(
                    f.article,
                    format!(
                        "{}@{}#{}#{}",
                        act.id,
                        act.lang.as_str(),
                        version_id,
                        path[root].eid
                    ),
                );
                let article = article_context(path, root);
                if !article.is_empty() {
                    let field = if act.lang == crate::model::Lang::Ru {
                        f.article_ru
                    } else {
                        f.article_stem
                    };
                    d.add_text(field, article);
                }
            }
            let text: Arc<str> = u.text.as_str().into();
            d.add_shared(f.text, &text);
            for term in super::abbreviations::index_terms(&text) {
                d.add_text(f.abbreviations, term);
            }
            d.add_shared(f.kk_exact, &text);
            d.add_shared(f.kk_stem, &text);
            d.add_shared(f.kk_loose, &text);
            if act.lang == crate::model::Lang::Ru {
                d.add_shared(f.ru_stem, &text);
            }
            d.add_u64(f.line_start, u64::from(span.line_start));
            d.add_u64(f.line_end, u64::from(span.line_end));
            if let Some(p) = span.page {
                d.add_u64(f.page, u64::from(p));
            }
            // The dates this printing answers for by the point-in-time rule (every printing
            // has them, as `every_printing_stores_its_point_in_time` checks on every fixture;
            // the edition's dates are only a fallback).
            let time = times.get(&(val.edition, u.eid.as_str()));
            let (from, to) = time.map_or((val.from, val.to), |t| (t.from, t.to));
            // The document of a wording that older editions print the same answers for them.
            let from = same
                .reach
                .get(&(val.edition, u.eid.as_str()))
                .copied()
                .unwrap_or(from);
            d.add_date(f.valid_from, to_tantivy_date(from.unwrap_or(OPEN_FROM)));
            d.add_date(f.valid_to, to_tantivy_date(to.unwrap_or(OPEN_TO)));
            if let Some(t) = time {
                d.add_shared(f.time, &t.stored);
            }
            let am = amendments.get(u.eid.as_str());
            d.add_u64(f.current, u64::from(val.current));
            d.add_shared(f.version_id, &version_id);
            let amended = am.map_or(&[][..], |a| a.list.as_slice());
            let is_head = head == Some(u.eid.as_str());
            for k in shared.numbers.own_keys(is_head) {
                d.add_shared(f.numbers, k);
            }
            for k in super::numbers::ActNumbers::amended_keys(amended) {
                d.add_text(f.numbers, k);
            }
            match am {
                // What the JSON serializer writes for an empty list.
                None => d.add_static(f.amendments, "[]"),
                Some(a) => {
                    let json = a.json.get_or_init(|| {
                        serde_json::to_string(&a.list)
                            .map_err(|e| {
                                log::warn!(
                                    "act {}: the amendments of {} cannot be stored ({e})",
                                    act.id,
                                    u.eid
                                )
                            })
                            .ok()
                            .map(|js| Arc::<str>::from(js.as_str()))
                    });
                    if let Some(js) = json {
                        d.add_shared(f.amendments, js);
                    }
                }
            }
            docs.push(d);
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Units as the fixtures' acts print them: a chapter's heading line, a chapter with a Roman
    /// number, an article whose text goes on past its heading, a point.
    #[test]
    fn heading_only_units() {
        use crate::model::UnitKind;
        let unit = |kind, heading: Option<&str>, text: &str| {
            let mut u = Unit::new("u", kind, None);
            u.heading = heading.map(str::to_string);
            u.text = text.to_string();
            u
        };
        let heading_only = [
            unit(
                UnitKind::Chapter,
                Some("Обжалование решений аттестационной комиссии"),
                "Глава 4. Обжалование решений аттестационной комиссии",
            ),
            unit(
                UnitKind::Chapter,
                Some("Аттестаттау комиссиясының шешімдеріне шағымдану"),
                "4-тарау. Аттестаттау комиссиясының шешімдеріне шағымдану",
            ),
            unit(
                UnitKind::Chapter,
                Some("Общие положения"),
                "Глава II . Общие положения",
            ),
            unit(UnitKind::Chapter, Some("Жалпы ережелер"), ""),
        ];
        for u in &heading_only {
            assert_eq!(placeholder_mark(u), HEADING_ONLY, "{}", u.text);
        }
        let text = [
            unit(
                UnitKind::Article,
                Some("Отношения с министерствами"),
                "Статья 14. Отношения с министерствами Правительство Республики:",
            ),
            unit(
                UnitKind::Paragraph,
                None,
                "36. Гражданские служащие могут обжаловать решение аттестационной комиссии",
            ),
        ];
        for u in &text {
            assert_eq!(placeholder_mark(u), 0, "{}", u.text);
        }
        let mut deleted = unit(UnitKind::Paragraph, None, "Алып тасталды");
        deleted.status = crate::model::UnitStatus::Deleted;
        assert_eq!(placeholder_mark(&deleted), PLACEHOLDER);
    }

    /// Every unit document of acts with several editions in each language, amended, partly
    /// repealed and of every kind the fixtures hold, carries what the point-in-time rule says
    /// of its printing: no hit falls back to its edition's dates and an unstated state.
    #[test]
    fn every_printing_stores_its_point_in_time() {
        use crate::test_support::copy_dir;
        use tantivy::collector::DocSetCollector;
        use tantivy::query::AllQuery;
        use tantivy::schema::Value;
        const GOVERNMENT: &str = "constitutional-law-1995-12-18-2688";
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let tmp = tempfile::tempdir().expect("temp dir");
        let corpus = tmp.path().join("corpus");
        let gov =
            "mirror/codes/01-const-laws/1995/1218-o-pravitelstve-respubliki-kazakhstan-104316";
        for (from, to) in [
            ("tests/fixtures/mirror", "mirror"),
            ("tests/fixtures/time/codes_104316_government_1995", gov),
            ("tests/fixtures/time/codes_104316_government_2024", gov),
            (
                "tests/fixtures/time/codes_104316_government_2014",
                "editions/2014",
            ),
            ("tests/fixtures/versions", "versions"),
            ("corpus", "seeds"),
        ] {
            copy_dir(&root.join(from), &corpus.join(to));
        }
        let index = crate::ZanIndex::open_or_build(
            &corpus,
            tmp.path().join("index"),
            &crate::BuildOptions::default(),
        )
        .expect("index")
        .0;
        let searcher = index.store().searcher();
        let f = index.store().fields();
        let mut printings: FxHashMap<String, rustc_hash::FxHashSet<String>> = FxHashMap::default();
        for addr in searcher.search(&AllQuery, &DocSetCollector).expect("docs") {
            let doc: tantivy::TantivyDocument = searcher.doc(addr).expect("doc");
            let s = |field| doc.get_first(field).and_then(|v| v.as_str()).unwrap_or("");
            let eid = s(f.eid);
            if eid.is_empty() {
                continue; // an act's document
            }
            let time: crate::amend::time::StoredTime = serde_json::from_str(s(f.time))
                .unwrap_or_else(|e| panic!("{} {eid} ({}): {e}", s(f.act_id), s(f.version_id)));
            // The law's editions are all dated (the seeds include undated acts).
            if s(f.act_id) == GOVERNMENT {
                assert!(time.edition_date.is_some(), "{eid} ({})", s(f.version_id));
            }
            printings
                .entry(s(f.act_id).to_string())
                .or_default()
                .insert(s(f.version_id).to_string());
        }
        // The acts of the mirror, of `versions` and of the seeds, each once however many
        // files print it.
        assert_eq!(printings.len(), 13, "{:?}", printings.keys());
        let gov = printings
            .get(GOVERNMENT)
            .expect("the law on the Government");
        let mut editions: Vec<&str> = gov.iter().map(String::as_str).collect();
        editions.sort_unstable();
        assert_eq!(
            editions,
            ["1995-12-18", "2014-09-29", "2022-11-05", "current"]
        );
    }

    /// A long quote is found where it first is whole, past places where only its first bytes
    /// are (the searcher looks for those, then compares the rest), as `str::find` finds it.
    #[test]
    fn long_quotes_are_found_past_false_starts() {
        let p = "Шетелдіктердің құқықтық жағдайы туралы заңның 12-бабы. ";
        let q = |n: usize| p.repeat(n);
        let decoy = format!("{}{}", q(3), "Ескерту. ".repeat(40));
        let annex = format!("А{}Z{}", q(2), q(6));
        let texts = [
            ("para_1__mod_3", "3-тармақ алып тасталсын;"),
            ("annex_0", decoy.as_str()),
            ("annex_1", annex.as_str()),
        ];
        for n in [4, 5, 6] {
            let quote = q(n);
            assert!(quote.len() >= QUOTE_ANYWHERE);
            let at = annex.find(&quote).unwrap();
            assert!(
                at > 2 * p.len(),
                "the quote's first bytes are at 2 and after each copy"
            );
            assert_eq!(
                place_quote(&quote, "para_1__mod_3", &texts),
                Some(format!(
                    "{STORED_ELSEWHERE}annex_1\t{at}\t{}\t",
                    quote.len()
                )),
                "{n}"
            );
        }
        // In two texts: the first counts; a quote in no text whole is not placed.
        assert_eq!(
            place_quote(&q(3), "para_1__mod_3", &texts),
            Some(format!("{STORED_ELSEWHERE}annex_0\t0\t{}\t", q(3).len()))
        );
        assert_eq!(place_quote(&q(7), "para_1__mod_3", &texts), None);
        // A text with a period shorter than the searched bytes: the quote starts a few bytes
        // after a false start.
        let periodic = format!("Х{}в", "аб ".repeat(70));
        let quote = format!("{}в", "аб ".repeat(60));
        let at = periodic.find(&quote).unwrap();
        let texts = [("para_1__mod_3", "-"), ("annex_1", periodic.as_str())];
        assert_eq!(
            place_quote(&quote, "para_1__mod_3", &texts),
            Some(format!(
                "{STORED_ELSEWHERE}annex_1\t{at}\t{}\t",
                quote.len()
            ))
        );
    }

    /// A quote is placed in the unit that gives the instruction, with the full stop that
    /// follows its closing quotation mark as a tail, or in an annex that is the new wording;
    /// the placeholder gives it back, and a text that holds neither is not used.
    #[test]
    fn quotes_are_placed_in_unit_texts_and_read_back() {
        let annex = "1-қосымша Шетелдіктер мен азаматтығы жоқ адамдардың қағидалары ".repeat(8);
        let texts = [
            (
                "para_1__mod_15",
                "22-тармақ мынадай редакцияда жазылсын:\n\"22. Визалар: \"А1\", \"С12\".\";",
            ),
            ("annex_1", annex.as_str()),
        ];
        let by_eid: FxHashMap<&str, &str> = texts.iter().copied().collect();
        let round_trip = |quote: &str, source: &str| {
            let placed = place_quote(quote, source, &texts)?;
            let placed = placed.strip_prefix(STORED_ELSEWHERE)?;
            quote_of(placed, &by_eid)
        };
        // Whole, and with the tail `.`.
        let quote = "22. Визалар: \"А1\", \"С12\"";
        assert_eq!(round_trip(quote, "para_1__mod_15").as_deref(), Some(quote));
        let quote = "22. Визалар: \"А1\", \"С12.";
        assert_eq!(round_trip(quote, "para_1__mod_15").as_deref(), Some(quote));
        let placed = place_quote(quote, "para_1__mod_15", &texts).unwrap();
        assert!(placed.starts_with("\u{0}para_1__mod_15\t"), "{placed:?}");
        assert!(placed.ends_with("\t."), "{placed:?}");
        // A long quote that another unit is, whole.
        assert_eq!(
            round_trip(&annex, "para_1__mod_27").as_deref(),
            Some(annex.as_str())
        );
        // Nowhere, or short and not in its own unit.
        assert_eq!(place_quote("жоқ мәтін", "para_1__mod_15", &texts), None);
        assert_eq!(place_quote("Шетелдіктер", "para_1__mod_15", &texts), None);
        // A placeholder whose text is gone (or shorter) gives nothing.
        assert_eq!(quote_of("annex_9\t0\t5\t", &by_eid), None);
        assert_eq!(quote_of("annex_1\t0\t99999\t", &by_eid), None);
    }
}
