//! The JSON contract of search results (docs/json.md): what `zanlex search --json` prints and
//! what [`crate::search::search`] returns.

use super::snippet::Snippet;
use crate::model::{Amendment, UnitKind};
use crate::refs::ResolvedReference;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The act a hit belongs to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[non_exhaustive]
pub struct HitAct {
    /// The act's id.
    pub id: String,
    /// The act's title.
    pub title: String,
    /// `order`, `joint_order`, … ([`crate::model::ActKind::as_str`]).
    pub kind: String,
    /// Numbers of all issuances joined with ` / `.
    pub number: String,
    /// The act's date.
    pub date: Option<NaiveDate>,
    /// `in_force`, `repealed` or `unknown`.
    pub status: String,
    /// The address of the act's current text on the official database, when the corpus gives
    /// one ([`crate::model::Act::official_url`]); on a search hit, only when the hit's wording
    /// is of that text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// The unit a hit is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[non_exhaustive]
pub struct HitUnit {
    /// The unit's eid.
    pub eid: String,
    /// Human label, e.g. `3-тармақ 2) тармақша`.
    pub label: String,
    /// The unit's kind (`paragraph`, `subparagraph`, `section`, …).
    pub kind: UnitKind,
    /// `live`, `deleted` or `pending`.
    pub status: String,
    /// The unit's heading, when it has one.
    pub heading: Option<String>,
    /// Eids from the top-level unit down to this one, joined with ` / `.
    pub path: String,
}

/// Where the hit's text is in the original file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[non_exhaustive]
pub struct HitSource {
    /// Relative to the corpus folder's parent, e.g. `corpus/003_0165b7296e38fd1a.txt`.
    pub file: String,
    /// 1-based, inclusive.
    pub line_start: u32,
    /// The last line, inclusive.
    pub line_end: u32,
    /// The PDF page, when the source is a PDF.
    pub page: Option<u32>,
}

/// The edition a hit's wording comes from and when that wording was in force, `[from, to)`,
/// by the point-in-time rule (`docs/time.md`): the same dates and state `show` gives the unit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[non_exhaustive]
pub struct HitVersion {
    /// The wording is in force from this date (open when `None`).
    pub from: Option<NaiveDate>,
    /// … until this date, exclusive (open when `None`).
    pub to: Option<NaiveDate>,
    /// `current`, or the id of an older edition.
    pub id: String,
    /// For `--as-of`: the shown wording took effect after the requested date, and the wording
    /// in force on that date is not in the corpus (`state` is `not_in_corpus`).
    pub wording_unknown: bool,
    /// The unit's state on the date asked for (today's text when none): in force, in force
    /// before the earliest edition, deleted, a placeholder, not in the corpus, repealed, no
    /// longer in the act's source.
    #[serde(default)]
    pub state: crate::model::TimeState,
    /// True when `from` rests on an assumption (an edition's date standing in for an effective
    /// date the notes do not give, or a publication date assumed).
    #[serde(default)]
    pub from_estimated: bool,
    /// The date of the edition the wording was read from, when known.
    #[serde(default)]
    pub edition_date: Option<NaiveDate>,
}

/// A hit's unit in the act's other language (the same eid in the other expression).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[non_exhaustive]
pub struct HitTwin {
    /// `kk` or `ru`.
    pub lang: String,
    /// The unit's eid.
    pub eid: String,
}

/// One ranked, cited passage.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[non_exhaustive]
pub struct Hit {
    /// 1-based.
    pub rank: usize,
    /// The ranking score (higher first).
    #[serde(serialize_with = "shortest_f32")]
    pub score: f32,
    /// True when the unit has fewer of the query's words than a full match must have: a
    /// question in plain words whose full matches leave the page short is filled with such
    /// units, ranked below every full match, and when no unit has enough of the words the
    /// search shows only such units ([`SearchResults::total`] counts the full matches only).
    #[serde(default)]
    pub partial: bool,
    /// The language of the hit's text (`kk`, `ru`): the act's expression it is from.
    pub lang: String,
    /// The same unit in the act's other language, when the index has it.
    pub twin: Option<HitTwin>,
    /// The act.
    pub act: HitAct,
    /// The unit.
    pub unit: HitUnit,
    /// One human-readable pinpoint line.
    pub citation: String,
    /// The unit's own clean text.
    pub text: String,
    /// The passage with the query's words marked.
    pub snippet: Snippet,
    /// Where the text is in its file.
    pub source: HitSource,
    /// When the wording was in force.
    pub version: HitVersion,
    /// The amendments that touched this unit, as parsed from the act's notes.
    pub amendments: Vec<Amendment>,
    /// What the unit's own text refers to, each reference resolved or said why not, in the
    /// wording the hit shows (empty when [`crate::SearchRequest::references`] is off).
    // Read back as none: a reference is resolved against a catalog, never read from JSON.
    // Not `skip_deserializing`, which would also leave the field out of the OpenAPI schema.
    #[serde(default, deserialize_with = "no_references")]
    pub references: Vec<ResolvedReference>,
    /// For a question (three words or more), the words the unit does not say itself that
    /// other units of its article do (its article's heading, its other points), each with
    /// where: a unit ranks by its article too, and this says where in the article the
    /// words are. Empty for any other query, and when the unit says every word.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub in_article: Vec<ArticleMatch>,
    /// The raw `article` value of the unit's document, which [`Hit::in_article`] is read
    /// with.
    #[serde(skip)]
    #[cfg_attr(feature = "openapi", schema(ignore))]
    pub(crate) article_key: Option<String>,
}

/// A word of a question that a hit's unit does not say and other units of its article do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[non_exhaustive]
pub struct ArticleMatch {
    /// The word as the search read it.
    pub word: String,
    /// The eids of the article's units that say it, in document order (the article's own
    /// eid for its heading), the first few.
    pub units: Vec<String>,
}

/// Reads a hit's `references` and drops them (see [`Hit::references`]).
fn no_references<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<Vec<ResolvedReference>, D::Error> {
    serde::de::IgnoredAny::deserialize(d)?;
    Ok(Vec::new())
}

/// Writes an `f32` as the `f64` of its shortest decimal, the digits `serde_json` prints for
/// it: a serializer that keeps only `f64`s (`serde_json::to_value`, which structured MCP
/// content is; pythonize) would otherwise widen `0.1f32` to `0.10000000149011612`.
fn shortest_f32<S: serde::Serializer>(v: &f32, s: S) -> Result<S::Ok, S::Error> {
    // Rust prints a float in its shortest form that reads back as the same value; that text
    // read as an `f64` prints the same digits.
    let widened = v.to_string().parse::<f64>().unwrap_or(f64::from(*v));
    s.serialize_f64(widened)
}

/// A search's answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = SearchAnswer))]
#[non_exhaustive]
pub struct SearchResults {
    /// The query as typed.
    pub query: String,
    /// Number of matching units (before `limit`); a lower bound when
    /// [`SearchResults::total_is_lower_bound`].
    pub total: usize,
    /// True when `total` is a lower bound, "at least this many": more than
    /// [`crate::SearchRequest::total_bound`] units match (10,000 by default), and the total
    /// is then that bound (or the hits returned, if more), whatever the scorers skipped; or
    /// the search stopped at its budget ([`crate::SearchRequest::exact_total`] counts them
    /// all).
    #[serde(default)]
    pub total_is_lower_bound: bool,
    /// Milliseconds the search took.
    pub took_ms: f64,
    /// The hits, best first.
    pub hits: Vec<Hit>,
    /// True when no unit had all the words and units with some of them are shown instead.
    #[serde(skip)]
    pub relaxed: bool,
    /// True when the search spent its work budget ([`crate::SearchRequest::budget`]) before
    /// it had looked at every match: the hits are the best of those it looked at, more may
    /// match, and `total` is a lower bound.
    #[serde(default)]
    pub incomplete: bool,
    /// The query's words the index does not know, each with the nearest words it does know,
    /// searched beside it and ranked below its own matches («искуственного»: searched also
    /// for «искусственного»).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub searched_also: Vec<SearchedAlso>,
    /// The query's words typed in Latin letters, each with the Cyrillic word searched in its
    /// place: Kazakh typed in Latin (`turaqty` → `тұрақты`) or Russian transliterated
    /// (`zayavleniya` → `заявления`), whichever the index knows better for the query.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub read_as: Vec<ReadAs>,
    /// An article asked for in an act named by words that several acts' titles answer to
    /// alike («статья 3 закона об амнистии»): the article of each of them heads the hits, and
    /// these are the acts the name could mean. None when the name points to one act.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub several_acts: Option<SeveralActs>,
    /// The place the query names («… в Астане», «Қарағанды облысында»), when it names one:
    /// its local acts rank above other places' acts on the same subject, or, when the index
    /// holds none of its acts, the search goes on as if no place were named.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<PlaceNamed>,
}

/// A place (a region or a city of republican significance) a query names.
///
/// ```
/// # fn check(res: &zanlex::SearchResults) {
/// if let Some(p) = &res.place {
///     if !p.has_acts {
///         println!("no act of {} in the index: searched every place", p.ru);
///     }
/// }
/// # }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[non_exhaustive]
pub struct PlaceNamed {
    /// The query's words that name it, as typed (`Астане`, `Қарағанды облысында`).
    pub words: String,
    /// The place's code (`astana`, `almaty` for the Almaty oblast, `almaty-city`).
    pub place: String,
    /// The place as a Kazakh citation names it (`Астана қаласы`).
    pub kk: String,
    /// The place as a Russian citation names it, after its body (`города Астаны`).
    pub ru: String,
    /// Whether the index holds a local act of the place: when it does, other places' local
    /// acts rank below its own; when it does not, nothing is ranked by place.
    pub has_acts: bool,
}

/// The acts an article lookup's act name could mean, when nothing in the query tells them
/// apart: «статья 3 закона об амнистии» where the corpus holds the amnesty laws of 2016 and
/// 2021. The article of each act is among the hits, the most recent act's first; naming the
/// words that set one apart («… в связи с тридцатилетием Независимости») finds that one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[non_exhaustive]
pub struct SeveralActs {
    /// The article's number as asked (`3`, `14-1`).
    pub article: String,
    /// The words of the query that named the act (`закона об амнистии`).
    pub named: String,
    /// The acts that have the article and whose titles answer to those words alike, the most
    /// recent first.
    pub acts: Vec<ActMeant>,
}

/// One of the acts an article lookup's act name could mean ([`SeveralActs`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[non_exhaustive]
pub struct ActMeant {
    /// The act's short name in official form, as its hits' citations begin
    /// (`ҚР 07.12.2021 № 81-VII Заңы`, `Закон РК от 07.12.2021 № 81-VII`).
    pub name: String,
    /// The act, as its hits show it (its title in the hit's language).
    pub act: HitAct,
}

/// A query word typed in Latin letters and the Cyrillic word searched in its place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[non_exhaustive]
pub struct ReadAs {
    /// The word as typed.
    pub word: String,
    /// The Cyrillic word searched for it.
    pub read: String,
    /// The language it was read in: Kazakh typed in Latin letters, or Russian transliterated.
    pub lang: crate::model::Lang,
}

/// A query word the index does not know, and the words searched beside it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[non_exhaustive]
pub struct SearchedAlso {
    /// The word as the search read it.
    pub word: String,
    /// The words the index knows nearest to it, the nearest and most frequent first.
    pub also: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::shortest_f32;

    #[derive(serde::Serialize)]
    struct Score(#[serde(serialize_with = "shortest_f32")] f32);

    #[test]
    fn a_score_reads_as_json_prints_it_in_every_serializer() {
        for v in [0.1f32, 12.3456, 1e-7, 3.0e20, 7.0, f32::MIN_POSITIVE] {
            let text = serde_json::to_string(&Score(v)).unwrap();
            // `serde_json::to_value` keeps an `f64`: the score must not widen there.
            let value = serde_json::to_value(Score(v)).unwrap();
            assert_eq!(value.to_string(), text, "{v}");
            assert_eq!(text, serde_json::to_string(&v).unwrap(), "{v}");
        }
        assert_eq!(
            serde_json::to_value(Score(0.1)).unwrap(),
            serde_json::json!(0.1)
        );
        assert_eq!(serde_json::to_string(&Score(f32::NAN)).unwrap(), "null");
    }
}
