//! The acts related to an act, in one place (`GET /v1/acts/{id}/related`, the act page's
//! "related documents"): the act it replaced and the act that replaced it, the acts it amends
//! and those that amend it, the acts it cites and those citing it. Each is named in official
//! form, linked by id when the corpus holds it, with its status as the corpus records it and
//! its state on the day asked by the time rule. An act the corpus lacks is named in official
//! form from what the reference or the amendment note gives of it (kind, issuer, date,
//! number), else by the words of the text relating it, marked as a quotation; it has no status
//! (none is known), but an amending act adopted or applying only after the day asked says so.
//!
//! Every list is in the order of the acts' dates, then their numbers, the newest first (as
//! an act's history is); acts with no date known come last, in the order of their names. On
//! a day in the past the acts adopted (or whose changes apply) after it are kept, each marked
//! with its state, as legislation.gov.uk shows the changes not yet in force above the text of
//! a day: being the newest, they open each list.

use super::pages::{
    entry_sizes, fit_entries, json_chars, row_sizes, Budget, Links, PageHead, Paging,
};
use super::Target;
use crate::model::{Act, ActRef, ByLang, Lang, Status, TimeState};
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
    /// The act in official form in the language of the text read; for an act the corpus
    /// lacks, from what the reference or the note gives of it, else (`quoted`) the words of
    /// the text relating it.
    pub citation: String,
    /// True when `citation` is a quotation, the words of the text relating the act as it
    /// prints them (in their grammatical case), because the reference gives too little of
    /// the act (its kind, date and number, and its issuer where the act's form names one) to
    /// name it in official form.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub quoted: bool,
    /// The act's short name in official form in Kazakh and in Russian, when the corpus holds
    /// it or the reference gives enough of it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub in_words: Option<UnitInWords>,
    /// Its status as the corpus records it (in force, repealed with the day, unknown), when
    /// the corpus holds it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    /// Its state on the day asked by the time rule when it is not simply in force that day
    /// (not yet adopted, not yet in force, repealed, no longer in its source); for an amending
    /// act the corpus lacks, from its note's dates: not yet adopted that day, or adopted but
    /// its changes applying only later.
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
    /// The acts whose amendment notes name this act as the amending act. Each list is in the
    /// order of the acts' dates, then their numbers, the newest first; acts with no date known
    /// last, by name.
    pub amends: Vec<RelatedAct>,
    /// The acts this act's amendment notes name as amending it; those adopted, or whose
    /// changes apply, after the day asked are marked so by `state`.
    pub amended_by: Vec<RelatedAct>,
    /// The other acts this act's text refers to.
    pub cites: Vec<RelatedAct>,
    /// The acts whose texts refer to this act or a unit of it.
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
/// count; for an act the corpus lacks, what is known of it.
#[derive(Debug, Clone, Default)]
struct Found {
    id: Option<String>,
    named: String,
    count: usize,
    /// Its name in official form in each language, built from a reference's parts.
    in_words: Option<UnitInWords>,
    /// `named` is the words of the text relating it.
    quoted: bool,
    /// Its date and number, what the lists are ordered by.
    date: Option<NaiveDate>,
    number: Option<String>,
    /// Its state on the day asked, read from an amendment note's dates.
    state: Option<TimeState>,
}

impl Found {
    /// An act the corpus holds, by id.
    fn held(id: &str) -> Self {
        Found {
            id: Some(id.to_string()),
            named: id.to_string(),
            count: 1,
            ..Found::default()
        }
    }
}

/// Adds one link to act `id` in `list`.
fn add(list: &mut Vec<Found>, id: &str) {
    match list.iter_mut().find(|f| f.id.as_deref() == Some(id)) {
        Some(f) => f.count += 1,
        None => list.push(Found::held(id)),
    }
}

/// Puts `list` in the lists' order: by the acts' dates, then their numbers (their numerals as
/// numbers: `11-1-4/150` after `11-1-4/99`), the newest first; acts with no date known last,
/// by name. The dates and numbers of the acts the corpus holds are read from their outlines.
fn in_date_order(index: &ZanIndex, list: &mut [Found]) -> crate::Result<()> {
    for f in list.iter_mut() {
        let Some(id) = f.id.as_deref() else { continue };
        if f.date.is_some() {
            continue;
        }
        if let Some(first) = index
            .act_outlines(id)?
            .first()
            .and_then(|a| a.issuances.first())
        {
            f.date = first.date;
            f.number.clone_from(&first.number);
        }
    }
    let key = |f: &Found| {
        (
            f.date.is_none(),
            std::cmp::Reverse(f.date),
            std::cmp::Reverse(f.number.as_deref().map(number_order)),
            f.named.clone(),
        )
    };
    list.sort_by_cached_key(key);
    Ok(())
}

/// Number `n` as numbers compare: each run of digits padded to twelve, so that `11-1-4/99`
/// sorts before `11-1-4/150`.
fn number_order(n: &str) -> String {
    let mut out = String::with_capacity(n.len() * 2);
    let mut digits = String::new();
    let flush = |digits: &mut String, out: &mut String| {
        if !digits.is_empty() {
            out.push_str(&format!("{digits:0>12}"));
            digits.clear();
        }
    };
    for c in crate::model::citation::numbers::number_key(n).chars() {
        if c.is_ascii_digit() {
            digits.push(c);
        } else {
            flush(&mut digits, &mut out);
            out.push(c);
        }
    }
    flush(&mut digits, &mut out);
    out
}

/// The words `act`'s current text prints just before reference `r`, back to the quote,
/// bracket or punctuation that closes what comes before, at most a dozen words: where the
/// issuer of the act cited stands (`… туралы" Қазақстан Республикасы Сыртқы істер
/// министрінің` before `2000 жылғы 18 қазандағы № 222 бұйрығының`). `None` when the text does
/// not print `r` where its span says (a reference read in another edition).
fn words_before<'a>(act: &'a Act, r: &ResolvedReference) -> Option<&'a str> {
    let unit = act
        .all_units()
        .into_iter()
        .find(|u| u.eid == r.citing.eid)?;
    let [from, to] = r.span.map(|x| x as usize);
    if unit.text.get(from..to)? != r.text {
        return None;
    }
    let before = unit.text.get(..from)?;
    let start = before
        .char_indices()
        .rev()
        .find(|(_, c)| {
            matches!(
                c,
                '"' | '«' | '»' | '“' | '”' | '(' | ')' | '.' | ';' | ':' | ','
            )
        })
        .map_or(0, |(i, c)| i + c.len_utf8());
    let words = &before[start..];
    let cut = words
        .char_indices()
        .filter(|(_, c)| c.is_whitespace())
        .map(|(i, _)| i)
        .collect::<Vec<_>>();
    // At most the last twelve words.
    let start = cut.len().checked_sub(13).map_or(0, |k| cut[k]);
    Some(words[start..].trim())
}

/// The act `cited` names in official form in each language, from the reference's parts: its
/// kind, its date and number, and (for an act whose form names its issuer) the issuer the
/// reference names ([`issuer_of_reference`]) when it is one office (not a maslikhat or an
/// akimat of no place), the President for a decree; a code named by its name or title alone (`Еңбек кодексіне`), by its
/// official titles when the table of codes lists it. `None` when a part is missing.
fn official_name(
    cited: &crate::model::CitedAct,
    before: &str,
    text: &str,
    lang: Lang,
) -> Option<UnitInWords> {
    if cited.kind == Some(crate::model::ActKind::Code) && cited.number.is_none() {
        let words = cited.title.as_deref().or(cited.name.as_deref())?;
        let (kk, ru) = crate::model::citation::code_names::titles_of_named(words, lang)?;
        return Some(UnitInWords(ByLang::from_fn(|l| {
            match l {
                Lang::Kk => kk,
                Lang::Ru => ru,
            }
            .to_string()
        })));
    }
    let kind = cited.kind.filter(|k| *k != crate::model::ActKind::Other)?;
    let (date, number) = (cited.date?, cited.number.as_deref()?);
    let named = !matches!(
        kind,
        crate::model::ActKind::Law
            | crate::model::ActKind::ConstitutionalLaw
            | crate::model::ActKind::Code
    );
    let issuer = if kind == crate::model::ActKind::Decree {
        // A decree (`Жарлық`, `Указ`) is the President's act and no one else's.
        crate::model::citation::codes::issuer_of_slug("president")
    } else if named {
        let issuer = issuer_of_reference(before, text, lang)?;
        if issuer.generic {
            // A maslikhat, an akimat or an akim is named with its region, when the reference
            // prints it (`решением маслихата Алматинской области`), else not at all.
            let (body, region) = local_body_of_reference(before, text, lang)?;
            let cite = |l: Lang| {
                crate::model::citation::cite_local(kind, body, region, Some(date), Some(number), l)
            };
            return Some(UnitInWords(ByLang::from_fn(|l| {
                cite(l).unwrap_or_default()
            })))
            .filter(|w| Lang::ALL.iter().all(|&l| !w[l].is_empty()));
        }
        Some(issuer)
    } else {
        None
    };
    crate::model::citation::codes::form_of_kind(kind)?;
    let r = ActRef {
        issuer: String::new(),
        issuer_code: issuer.map_or(String::new(), |i| i.slug.to_string()),
        kind,
        date: Some(date),
        number: Some(number.to_string()),
        title: None,
    };
    Some(UnitInWords(ByLang::from_fn(|lang| r.cite(lang))))
}

/// The local body and its region a reference's own words name ([`reference_own_words`]),
/// else the one named last in the words `before` it (`Алматы облысы мәслихатының` before
/// `2020 жылғы 15 желтоқсандағы № 64-340 шешімімен`).
fn local_body_of_reference(
    before: &str,
    text: &str,
    lang: Lang,
) -> Option<(
    &'static crate::model::citation::codes::Issuer,
    &'static crate::model::citation::regions::Region,
)> {
    use crate::model::citation::regions::local_bodies;
    local_bodies(reference_own_words(text, lang))
        .into_iter()
        .next()
        .or_else(|| local_bodies(before).into_iter().last())
}

/// The words of a reference that may name its issuer: in a Kazakh text only those up to its
/// kind word (what follows names something else), in a Russian one all of them.
fn reference_own_words(text: &str, lang: Lang) -> &str {
    use crate::model::citation::codes::kind_word;
    match lang {
        Lang::Ru => text,
        Lang::Kk => {
            let mut end = text.len();
            let mut at = 0;
            for w in text.split_inclusive(char::is_whitespace) {
                at += w.len();
                let bare = w.trim_matches(|c: char| !c.is_alphanumeric());
                if kind_word(Lang::Kk, &crate::text::lowercase(bare)).is_some() {
                    end = at;
                    break;
                }
            }
            text.get(..end).unwrap_or(text)
        }
    }
}

/// The issuer a reference's `text` names, else the one named last in the words `before` it
/// (nearest the reference): in a Kazakh text only the reference's words up to its kind word
/// (what follows names something else: `Жарлығымен бекітілген … министрлігінің ережесі`),
/// in a Russian one its words after the kind word too (`приказом Министра … от … № …`).
fn issuer_of_reference(
    before: &str,
    text: &str,
    lang: Lang,
) -> Option<&'static crate::model::citation::codes::Issuer> {
    use crate::model::citation::codes::{issuer_named_first, issuer_named_last};
    let own = reference_own_words(text, lang);
    issuer_named_first(own).or_else(|| issuer_named_last(before))
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
/// lacks is named by the first reference to it that prints what names it ([`named_act`]):
/// in official form in `lang` when it, with the words `act` prints before it, gives enough
/// ([`official_name`]), else by its words.
fn acts_of(
    refs: &[ResolvedReference],
    own: &str,
    citing: bool,
    lang: Lang,
    act: &Act,
) -> Vec<Found> {
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
                        let cited = r.cited_act.as_ref();
                        let printed_before = words_before(act, r).unwrap_or_default();
                        let in_words =
                            cited.and_then(|c| official_name(c, printed_before, &r.text, lang));
                        // References that name one act in different words (`Трудовой
                        // кодекс`, `Трудового кодекса … от 23 ноября 2015 года`) are one
                        // entry once it has its official name.
                        if let Some(i) = list.iter().position(|f| {
                            f.id.is_none() && in_words.is_some() && f.in_words == in_words
                        }) {
                            list[i].count += 1 + *before;
                            *place = Some(i);
                            continue;
                        }
                        *place = Some(list.len());
                        let named = match &in_words {
                            Some(w) => w[lang].clone(),
                            None => r.text.trim().to_string(),
                        };
                        list.push(Found {
                            id: None,
                            named,
                            count: 1 + *before,
                            quoted: in_words.is_none(),
                            in_words,
                            date: cited.and_then(|c| c.date),
                            number: cited.and_then(|c| c.number.clone()),
                            state: None,
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
pub(super) fn amending_keys(act: &Act) -> Vec<String> {
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

/// `state` on `on` in words, in each language of the interface.
fn state_in(state: &TimeState, on: NaiveDate) -> UnitInWords {
    UnitInWords(ByLang::from_fn(|lang| state.describe(Some(on), Some(lang))))
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
        let state_in_words = found.state.as_ref().map(|s| state_in(s, on));
        return Ok(RelatedAct {
            id: None,
            citation: found.named,
            quoted: found.quoted,
            in_words: found.in_words,
            status: None,
            state: found.state,
            state_in_words,
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
    let state_in_words = state.as_ref().map(|s| state_in(s, on));
    Ok(RelatedAct {
        citation: act.short_name_in(lang),
        quoted: false,
        in_words: Some(UnitInWords(ByLang::from_fn(|l| act.short_name_in(l)))),
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
        ..Found::default()
    }
}

/// An amending act's state on `on` from its note's dates, when it came after that day: not
/// yet adopted (signed after it), or adopted with its first change applying after it.
fn amending_state(changes: &crate::AmendingActChanges, on: NaiveDate) -> Option<TimeState> {
    match (changes.signed, &changes.effective) {
        (Some(signed), _) if signed > on => Some(TimeState::NotYetAdopted { adopted: signed }),
        (Some(signed), Some(from)) if from.date > on => Some(TimeState::NotYetInForce {
            adopted: signed,
            from: from.date,
            estimated: from.estimated,
            rule: None,
        }),
        _ => None,
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
        lang,
        &act,
    );
    let mut cited_by = acts_of(
        &index
            .cited_by_list(&target, true, None, request.as_of)?
            .cited_by,
        &id,
        true,
        lang,
        &act,
    );

    let history = index.act_history(&id, None, Some(lang), false)?;
    let mut amended_by: Vec<Found> = history
        .by_act
        .iter()
        .map(|g| {
            let by = g.entries.first().map(|&i| &history.entries[i].by);
            let held = g.amending_act_id.is_some();
            Found {
                id: g.amending_act_id.clone(),
                named: g.amending_act.clone(),
                count: g.entries.len(),
                in_words: (!held).then(|| UnitInWords(g.in_words.map(|_, w| w.by.clone()))),
                quoted: false,
                date: g.signed,
                number: by.and_then(|b| b.number.clone()),
                state: if held { None } else { amending_state(g, on) },
            }
        })
        .collect();
    let mut amends: Vec<Found> = index
        .acts_amended_by(&amending_keys(&act), request.lang, budget)?
        .into_iter()
        .filter(|(other, _)| *other != id)
        .map(|(other, events)| Found {
            count: events,
            ..Found::held(&other)
        })
        .collect();
    for list in [&mut amends, &mut amended_by, &mut cites, &mut cited_by] {
        in_date_order(index, list)?;
    }

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
        page: PageHead::new(paging, next.into_iter().flatten().next(), None),
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
