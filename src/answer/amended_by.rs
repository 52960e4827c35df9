//! What one amending act changed across the corpus: every provision whose amendment notes name
//! it, by act and in each act's order, with what was done, from when, and the note itself
//! (`zanlex amended-by`, `GET /v1/amended-by`, the MCP tool `amended_by`, Python's
//! `amended_by`).
//!
//! The amending act is named by its id in the corpus or by its requisites as people write them
//! («Закон РК от 17.07.2024 № 118-VIII», «2024 жылғы 17 шілдедегі № 118-VIII Заң»): notes name
//! an amending act by its date and number ([`crate::ActRef::key`]), so those two are what the
//! requisites must give; a kind word, when given, keeps apart two acts of one day whose numbers
//! share their digits (a law's `№ 118-VIII` and a resolution's `№ 118`).
//!
//! It is a request of its own rather than a scope of [`super::recent::RecentChangesRequest`]:
//! recent changes list, newest first, what each amending act changed in each act (a unit's
//! name at most), while this answer lists provisions, each with its citation, its action, its
//! day and its note, in the order of the acts changed; and the act asked for need not be in
//! the corpus at all.

use super::history::document_order;
use super::pages::{bound_text, fit_list, paged_list, Budget, Links, PageHead, Paging};
use crate::model::{ActKind, ActRef, AmendAction, EffectiveDate, EffectiveRule, Lang};
use crate::{EventInWords, ZanIndex};
use chrono::NaiveDate;
use serde::Serialize;

/// Provisions on a page when not asked.
pub const DEFAULT_AMENDED_BY_PAGE: usize = 20;
/// Most provisions one page may ask for.
pub const MAX_AMENDED_BY_PAGE: usize = 100;
/// Most acts [`AmendedByAnswer::acts`] lists; `acts_total` counts them all.
const MAX_LISTED_ACTS: usize = 50;

/// How a request names the amending act.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum AmendingActName {
    /// Its id in the corpus.
    Id(String),
    /// Its requisites: the date it was signed and its number, and its kind when named.
    Requisites {
        /// The kind the text names (`Закон`, `Заң`, `приказ`), when it names one.
        kind: Option<ActKind>,
        /// The date it was signed.
        date: NaiveDate,
        /// Its number as written (`118-VIII`).
        number: String,
    },
}

impl AmendingActName {
    /// Reads how `text` names an act: a text without blanks is an id
    /// ([`AmendingActName::Id`]); any other is its requisites, read by the library's one date
    /// reader (`text::dates`: `17.07.2024`, `2024 жылғы 17 шілдедегі`, `17 июля 2024
    /// года`), the number after `№` (or `N`) as the amendment notes print it, and the first
    /// kind word of the one table of kind words in either language.
    /// [`crate::Error::BadArgument`] when the requisites lack the date or the number.
    ///
    /// ```
    /// use zanlex::pages::AmendingActName;
    /// let ru = AmendingActName::parse("Закон РК от 17.07.2024 № 118-VIII").unwrap();
    /// let kk = AmendingActName::parse("2024 жылғы 17 шілдедегі № 118-VIII Заң").unwrap();
    /// assert_eq!(ru, kk);
    /// assert_eq!(
    ///     AmendingActName::parse(" law-2024-07-17-118-viii ").unwrap(),
    ///     AmendingActName::Id("law-2024-07-17-118-viii".into())
    /// );
    /// assert!(AmendingActName::parse("Закон РК № 118-VIII").is_err());
    /// ```
    pub fn parse(text: &str) -> crate::Result<Self> {
        let text = text.trim();
        if text.is_empty() {
            return Err(crate::Error::BadArgument(
                "name the amending act: its id in the corpus, or its requisites (kind, date and \
                 number: «Закон РК от 17.07.2024 № 118-VIII»)"
                    .into(),
            ));
        }
        if !text.contains(char::is_whitespace) {
            return Ok(AmendingActName::Id(text.to_string()));
        }
        let date = crate::text::parse_date(text);
        let number = crate::amend::notes_common::SIGN_NUMBER_RE
            .captures(text)
            .and_then(|c| c.get(1))
            .map(|m| m.as_str().to_string());
        let kind = text.split(|c: char| !c.is_alphanumeric()).find_map(|w| {
            Lang::ALL
                .into_iter()
                .find_map(|l| crate::model::citation::codes::kind_named(l, w))
        });
        match (date, number) {
            (Some(date), Some(number)) => Ok(AmendingActName::Requisites { kind, date, number }),
            (date, number) => {
                let missing: Vec<&str> = [
                    date.is_none().then_some("its date (17.07.2024)"),
                    number
                        .is_none()
                        .then_some("its number after № (№ 118-VIII)"),
                ]
                .into_iter()
                .flatten()
                .collect();
                Err(crate::Error::BadArgument(format!(
                    "{text:?} does not say {}: notes name an amending act by its date and \
                     number («Закон РК от 17.07.2024 № 118-VIII», «2024 жылғы 17 шілдедегі № \
                     118-VIII Заң»), or give its id in the corpus",
                    missing.join(" or ")
                )))
            }
        }
    }
}

/// What [`amended_by`] asks: the provisions the amending act `by` changed, as the notes of
/// the acts' texts in `lang` record them, the page `paging`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct AmendedByRequest {
    /// The amending act.
    pub by: AmendingActName,
    /// The language of the acts' texts whose notes are read; Kazakh first when `None` (an
    /// act with one language is read in it).
    pub lang: Option<Lang>,
    /// The page.
    pub paging: Paging,
}

/// An amending act's changes as a door received them, each value as typed, before
/// [`AmendedByRequest::parse`] checks them.
///
/// ```
/// let args = zanlex::pages::AmendedByArgs { by: "Закон РК от 19.04.2023 № 223-VII", ..Default::default() };
/// assert_eq!(args.limit, None);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AmendedByArgs<'a> {
    /// The amending act: its id, or its requisites.
    pub by: &'a str,
    /// The language of the texts whose notes are read (`kk`, `ru`).
    pub lang: Option<&'a str>,
    /// Provisions before the page (0 when `None`).
    pub offset: Option<u64>,
    /// Provisions on the page ([`DEFAULT_AMENDED_BY_PAGE`] when `None`, at most
    /// [`MAX_AMENDED_BY_PAGE`]).
    pub limit: Option<u64>,
}

impl AmendedByRequest {
    /// Checks an amending act's changes as a door received them: the act's name (within the
    /// length a query may have), the language and the page. Errors are the library's, with
    /// their codes ([`crate::Error::BadArgument`], [`crate::Error::QueryTooLong`]); `name`
    /// spells each value's name as the door does.
    ///
    /// ```
    /// use zanlex::pages::{AmendedByArgs, AmendedByRequest, AmendingActName};
    /// let name = |n: &str| n.to_string();
    /// let args = AmendedByArgs { by: "Закон РК от 19.04.2023 № 223-VII", lang: Some("ru"), ..Default::default() };
    /// let req = AmendedByRequest::parse(&args, name).unwrap();
    /// assert!(matches!(req.by, AmendingActName::Requisites { .. }));
    /// assert_eq!(req.paging.limit, 20);
    /// let big = AmendedByArgs { limit: Some(101), ..args };
    /// assert_eq!(AmendedByRequest::parse(&big, name).unwrap_err().code(), zanlex::ErrorCode::BadRequest);
    /// ```
    pub fn parse(args: &AmendedByArgs<'_>, name: impl Fn(&str) -> String) -> crate::Result<Self> {
        let paging = Paging::new(
            args.offset,
            args.limit,
            DEFAULT_AMENDED_BY_PAGE,
            MAX_AMENDED_BY_PAGE,
        )?;
        let chars = args.by.chars().count();
        if chars > crate::MAX_QUERY_CHARS {
            return Err(crate::Error::QueryTooLong {
                chars,
                max: crate::MAX_QUERY_CHARS,
            });
        }
        let by = AmendingActName::parse(args.by).map_err(|e| match e {
            crate::Error::BadArgument(m) => {
                crate::Error::BadArgument(format!("{}: {m}", name("by")))
            }
            e => e,
        })?;
        let lang = args
            .lang
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(|l| {
                crate::lang_arg(l)
                    .map_err(|e| crate::Error::BadArgument(format!("{}: {e}", name("lang"))))
            })
            .transpose()?;
        Ok(AmendedByRequest::new(by, paging).lang(lang))
    }

    /// The changes of the amending act `by`, the page `paging`, Kazakh first.
    pub fn new(by: AmendingActName, paging: Paging) -> Self {
        AmendedByRequest {
            by,
            lang: None,
            paging,
        }
    }

    /// In `lang`'s texts.
    pub fn lang(mut self, lang: Option<Lang>) -> Self {
        self.lang = lang;
        self
    }
}

/// One provision an amending act changed, as the changed act's note records it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[non_exhaustive]
pub struct AmendedProvision {
    /// The act changed: its id.
    pub act_id: String,
    /// Its short name in official form in its own language.
    pub act_citation: String,
    /// The language of its text whose note records the change.
    pub act_lang: Lang,
    /// The unit changed (empty: the whole act).
    pub eid: String,
    /// The unit's pinpoint citation in official form (the act's name for the whole act; the
    /// act's name and the eid for a unit no text of the corpus prints).
    pub citation: String,
    /// The target as the note prints it (`3-тармақ`, `пункт 3`).
    pub label: String,
    /// The unit's page on the day the change takes effect (see [`Links`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub permalink: Option<String>,
    /// What was done: `changed`, `new_wording`, `inserted`, `deleted`, `repealed`,
    /// `renamed`, `prospective` (announced, not yet in the text).
    pub action: AmendAction,
    /// The day the change takes effect by the time rule (`estimated`, with its basis, when it
    /// rests on an assumption); `None` when the note gives no day the rule can read.
    pub effective: Option<EffectiveDate>,
    /// How the day is determined.
    pub rule: EffectiveRule,
    /// The note itself, cut to the budget's length for one text (`history` gives it whole).
    pub note: String,
    /// The change told in a sentence in Kazakh and in Russian.
    pub in_words: EventInWords,
}

/// An act the amending act changed, and how many of its provisions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[non_exhaustive]
pub struct AmendedActCount {
    /// The act's id.
    pub act_id: String,
    /// Its short name in official form in its own language.
    pub act_citation: String,
    /// The changes its notes record for the amending act.
    pub provisions: usize,
}

/// What one amending act changed across the corpus (what `GET /v1/amended-by` sends).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[non_exhaustive]
pub struct AmendedByAnswer {
    /// The amending act in official form: as the first note names it, else as the corpus
    /// names it, else from the requisites asked.
    pub amending_act: String,
    /// The date it was signed.
    pub signed: Option<NaiveDate>,
    /// Its number.
    pub number: Option<String>,
    /// Whether the corpus holds the amending act itself.
    pub in_corpus: bool,
    /// Its id, when the corpus holds it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amending_act_id: Option<String>,
    /// Its page, when the corpus holds it (see [`Links`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub permalink: Option<String>,
    /// The language asked for, when one was.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lang: Option<Lang>,
    /// The provisions changed, on every page.
    pub total: usize,
    /// The acts changed.
    pub acts_total: usize,
    /// The acts changed, in the order the provisions are listed, each with its count (the
    /// first fifty).
    pub acts: Vec<AmendedActCount>,
    /// The page: `offset`, `limit`, `next_offset`, `cut`.
    #[serde(flatten)]
    pub page: PageHead,
    /// What the reader should know: nothing recorded, the act not in the corpus, a list cut.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// The page's provisions, by act (in `acts`' order) and in each act's order.
    pub provisions: Vec<AmendedProvision>,
}

/// Whether a note's kind of amending act `noted` may be the kind `asked` names: the same, or
/// one the note or the request reads loosely (a law and a constitutional law, an order and a
/// joint order, a kind the note does not name).
fn kinds_agree(asked: ActKind, noted: ActKind) -> bool {
    use ActKind::*;
    let family = |k: ActKind| match k {
        ConstitutionalLaw => Law,
        JointOrder => Order,
        k => k,
    };
    asked == noted || noted == Other || family(asked) == family(noted)
}

/// What [`amended_by`] answers: every provision across the corpus whose notes name the
/// request's amending act, by act and in each act's order, the page asked for; an amending act
/// named by an id the index lacks is [`crate::Error::UnknownAct`]; one named by requisites that
/// no note names is an answer with no provision, saying whether the corpus holds the act.
///
/// ```no_run
/// # fn main() -> zanlex::Result<()> {
/// use zanlex::pages::{amended_by, AmendedByRequest, AmendingActName, Budget, Links, Paging};
/// let index = zanlex::ZanIndex::open("index")?;
/// let by = AmendingActName::parse("Закон РК от 19.04.2023 № 223-VII")?;
/// let request = AmendedByRequest::new(by, Paging::new(None, None, 20, 100)?);
/// let answer = amended_by(&index, &request, &Links::relative(), &Budget::ASSISTANT)?;
/// for p in &answer.provisions {
///     println!("{} — {:?} from {:?}", p.citation, p.action, p.effective.as_ref().map(|e| e.date));
/// }
/// # Ok(())
/// # }
/// ```
pub fn amended_by(
    index: &ZanIndex,
    request: &AmendedByRequest,
    links: &Links,
    budget: &Budget,
) -> crate::Result<AmendedByAnswer> {
    let AmendedByRequest {
        ref by,
        lang,
        paging,
    } = *request;
    let mut notes = Vec::new();
    // The keys the notes name the act by, its kind, and the act itself when the corpus has it.
    let (keys, kind, held, asked, signed, number) = match by {
        AmendingActName::Id(id) => {
            let act = index.act(id)?;
            let keys = super::related::amending_keys(&act);
            if keys.is_empty() {
                notes.push(format!(
                    "act {} has no number in its requisites: notes name an amending act by its \
                     date and number, so none can name it",
                    act.short_name()
                ));
            }
            let first = act.issuances.first();
            let (signed, number) = (
                first.and_then(|i| i.date),
                first.and_then(|i| i.number.clone()),
            );
            (keys, Some(act.kind), Some(act), id.clone(), signed, number)
        }
        AmendingActName::Requisites { kind, date, number } => {
            let named = ActRef {
                issuer: String::new(),
                issuer_code: String::new(),
                kind: kind.unwrap_or(ActKind::Other),
                date: Some(*date),
                number: Some(number.clone()),
                title: None,
            };
            let key = named.key().unwrap_or_default();
            let held = match index.act_of_key(&index.act_ids()?, &key, *date)? {
                Some(id) => Some(index.act(&id)?),
                None => None,
            };
            let asked = named.cite(lang.unwrap_or(Lang::Kk));
            (
                vec![key],
                *kind,
                held,
                asked,
                Some(*date),
                Some(number.clone()),
            )
        }
    };
    let held_id = held.as_ref().map(|a| a.id.clone());
    // Each act the notes say it changed, read in `lang` (else its first language), its events
    // by the amending act in the act's order.
    let mut amended = index.acts_amended_by(&keys, lang, budget)?;
    amended.retain(|(id, _)| Some(id) != held_id.as_ref());
    amended.sort_by(|a, b| a.0.cmp(&b.0));
    // Each row holds its act (shared: a code's text is large) for its citation and links.
    let mut rows: Vec<(std::rc::Rc<crate::Act>, crate::HistoryEntry)> = Vec::new();
    let mut acts = Vec::new();
    for (id, _) in &amended {
        let act = super::recent::expression(index, id, lang)?;
        let place = document_order(&act);
        let mut events: Vec<crate::HistoryEntry> = crate::history(&act, None)?
            .into_iter()
            .filter(|e| {
                e.amending_act_key
                    .as_ref()
                    .is_some_and(|k| keys.contains(k))
            })
            .filter(|e| kind.is_none_or(|k| kinds_agree(k, e.by.kind)))
            .collect();
        if events.is_empty() {
            continue;
        }
        events.sort_by_cached_key(|e| place(&e.eid));
        acts.push(AmendedActCount {
            act_id: act.id.clone(),
            act_citation: act.short_name(),
            provisions: events.len(),
        });
        let act = std::rc::Rc::new(act);
        rows.extend(events.into_iter().map(|e| (std::rc::Rc::clone(&act), e)));
    }
    let amending_act = rows
        .first()
        .map(|(_, e)| e.amending_act.clone())
        .or_else(|| held.as_ref().map(|a| a.short_name()))
        .unwrap_or(asked);
    let total = rows.len();
    let acts_total = acts.len();
    if acts_total > MAX_LISTED_ACTS {
        notes.push(format!(
            "`acts` names the first {MAX_LISTED_ACTS} of the {acts_total} acts changed; the \
             pages of `provisions` list every change"
        ));
        acts.truncate(MAX_LISTED_ACTS);
    }
    if total == 0 {
        notes.push(match &held {
            Some(a) => format!(
                "no amendment note in the corpus names {} as the act that changed a provision",
                a.short_name()
            ),
            None => format!(
                "no amendment note in the corpus names {amending_act}, and the corpus does not \
                 hold it: whether it changed acts the corpus lacks is not known here"
            ),
        });
    } else if held.is_none() {
        notes.push(format!(
            "the corpus does not hold {amending_act} itself: its changes are read from the \
             notes of the acts it changed"
        ));
    }
    let next_offset = paging.cut(&mut rows);
    let provisions = rows
        .into_iter()
        .map(|(act, e)| {
            let mut note = e.note;
            let whole = format!(
                "`history` {}{} gives the note whole",
                act.id,
                if e.eid.is_empty() {
                    String::new()
                } else {
                    format!("#{}", e.eid)
                }
            );
            bound_text(&mut note, budget.item_text_chars, &whole);
            let citation = if e.eid.is_empty() {
                act.short_name()
            } else {
                crate::index::unit_in_act(&act, &e.eid)
                    .map_or_else(|| format!("{} ({})", act.short_name(), e.eid), |u| u.2)
            };
            let eid = (!e.eid.is_empty()).then_some(e.eid.as_str());
            AmendedProvision {
                permalink: links.permalink(
                    &act.id,
                    eid,
                    e.effective.as_ref().map(|d| d.date),
                    act.official_url.as_deref(),
                ),
                act_id: act.id.clone(),
                act_citation: act.short_name(),
                act_lang: act.lang,
                citation,
                eid: e.eid,
                label: e.label,
                action: e.action,
                effective: e.effective,
                rule: e.rule,
                note,
                in_words: e.in_words,
            }
        })
        .collect();
    let mut answer = AmendedByAnswer {
        amending_act,
        signed,
        number,
        in_corpus: held.is_some(),
        permalink: held
            .as_ref()
            .and_then(|a| links.permalink(&a.id, None, None, a.official_url.as_deref())),
        amending_act_id: held_id,
        lang,
        total,
        acts_total,
        acts,
        page: PageHead::new(paging, next_offset, None),
        notes,
        provisions,
    };
    fit_list(&mut answer, budget);
    Ok(answer)
}

paged_list!(AmendedByAnswer, provisions, "provisions");
