//! The Atom feeds of recent changes (RFC 4287): `/changes.atom` across the corpus, with
//! `act=` for one act and `q=` for the acts a search finds, the same request as
//! `/v1/changes`. The library's answer is written as a feed by `atom_syndication`: one entry
//! for what one amending act changed in one act, dated by the day it takes effect.

use super::api::{recent_changes, ChangesParams};
use super::errors::ApiError;
use super::state::AppState;
use atom_syndication::{Entry, Feed, FixedDateTime, Link, Person, Text};
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use chrono::{FixedOffset, NaiveDate, TimeZone};
use std::sync::Arc;
use zanlex::pages::{RecentChange, RecentChangesAnswer};
use zanlex::Lang;

/// The feeds' ids begin with this tag URI (RFC 4151): the same feed has the same id on any
/// server, whatever address it is reached at.
const TAG: &str = "tag:zanlex.kz,2026:changes";

/// Kazakhstan's time, UTC+5: an act takes effect at the start of its day there.
fn kazakhstan() -> FixedOffset {
    FixedOffset::east_opt(5 * 3600).unwrap_or_else(|| FixedOffset::east_opt(0).expect("UTC"))
}

/// The start of `day` in Kazakhstan.
fn day_start(day: NaiveDate) -> FixedDateTime {
    let midnight = day.and_hms_opt(0, 0, 0).unwrap_or_default();
    kazakhstan()
        .from_local_datetime(&midnight)
        .single()
        .unwrap_or_else(|| midnight.and_utc().fixed_offset())
}

/// The bytes a tag URI or a query value keeps as they are (RFC 3986's unreserved characters).
const UNRESERVED: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

/// `s` as one segment of a tag URI or a query value: every byte but the unreserved ones
/// percent-encoded.
fn encoded(s: &str) -> String {
    percent_encoding::utf8_percent_encode(s, UNRESERVED).to_string()
}

/// The feed's words in the interface language `ui`.
struct Words {
    corpus: &'static str,
    act: &'static str,
    search: &'static str,
    units: &'static str,
    signed: &'static str,
}

fn words(ui: Lang) -> Words {
    match ui {
        Lang::Ru => Words {
            corpus: "Последние изменения актов",
            act: "Изменения акта",
            search: "Изменения актов по запросу",
            units: "Изменены",
            signed: "подписан",
        },
        _ => Words {
            corpus: "Актілердегі соңғы өзгерістер",
            act: "Акт өзгерістері",
            search: "Сұрау бойынша актілердің өзгерістері",
            units: "Өзгерген бөліктер",
            signed: "қол қойылған күні",
        },
    }
}

/// `dd.mm.yyyy`, as the acts write dates.
fn dmy(d: NaiveDate) -> String {
    d.format("%d.%m.%Y").to_string()
}

/// One change as an entry: titled with the act and the amending act, dated by its day,
/// linking to the act on the day it takes effect, its units in the summary.
fn entry(c: &RecentChange, ui: Lang, fallback: FixedDateTime) -> Entry {
    let w = words(ui);
    let said = &c.in_words[ui];
    let mut e = Entry::default();
    e.set_id(format!(
        "{TAG}/{}/{}/{}",
        encoded(&c.act_id),
        c.signed
            .map_or_else(|| "undated".to_string(), |d| d.to_string()),
        encoded(&said.by)
    ));
    let act = &c.act_in_words[ui];
    e.set_title(Text::plain(format!("{act} — {}", said.by)));
    e.set_updated(c.day.map_or(fallback, day_start));
    let mut summary = format!("{}. {}", c.act_title, said.since);
    if let Some(s) = c.signed {
        summary.push_str(&format!(" ({} {})", w.signed, dmy(s)));
    }
    let units: Vec<&str> = c
        .units
        .iter()
        .filter(|u| !u.eid.is_empty())
        .map(|u| u.name[ui].as_str())
        .collect();
    if !units.is_empty() {
        summary.push_str(&format!(". {}: {}", w.units, units.join("; ")));
        if c.units_total > c.units.len() {
            summary.push_str(&format!(" (+{})", c.units_total - c.units.len()));
        }
    }
    e.set_summary(Some(Text::plain(summary)));
    if let Some(href) = &c.permalink {
        let mut link = Link::default();
        link.set_href(href.clone());
        link.set_rel("alternate");
        link.set_mime_type(Some("text/html".to_string()));
        e.set_links(vec![link]);
    }
    e
}

/// The answer as a feed whose words are in `ui`; `query` is the feed's own address's query.
fn feed(answer: &RecentChangesAnswer, ui: Lang, query: &str) -> Feed {
    let w = words(ui);
    let (scope, title) = match (&answer.act, &answer.query) {
        (Some(act), _) => {
            let name = answer
                .changes
                .first()
                .map_or(act.as_str(), |c| c.act_in_words[ui].as_str());
            (
                format!("/act/{}", encoded(act)),
                format!("{}: {name}", w.act),
            )
        }
        (None, Some(q)) => (
            format!("/search/{}", encoded(q)),
            format!("{}: «{q}»", w.search),
        ),
        (None, None) => (String::new(), w.corpus.to_string()),
    };
    // The newest day of the feed's entries, or the start of today when it has none.
    let today = day_start(chrono::Utc::now().with_timezone(&kazakhstan()).date_naive());
    let updated = answer
        .changes
        .iter()
        .filter_map(|c| c.day)
        .max()
        .map_or(today, day_start);
    let mut f = Feed::default();
    f.set_id(format!("{TAG}{scope}?ui={}", ui.as_str()));
    f.set_title(Text::plain(format!("{title} — zanlex")));
    f.set_updated(updated);
    f.set_lang(Some(ui.as_str().to_string()));
    let mut author = Person::default();
    author.set_name("zanlex");
    f.set_authors(vec![author]);
    let mut own = Link::default();
    own.set_href(format!("/changes.atom{query}"));
    own.set_rel("self");
    own.set_mime_type(Some("application/atom+xml".to_string()));
    let mut page = Link::default();
    page.set_href(format!("/changes{query}"));
    page.set_rel("alternate");
    page.set_mime_type(Some("text/html".to_string()));
    f.set_links(vec![own, page]);
    f.set_entries(
        answer
            .changes
            .iter()
            .map(|c| entry(c, ui, updated))
            .collect::<Vec<_>>(),
    );
    f
}

/// `GET /changes.atom`: the recent changes `/v1/changes` lists, as an Atom feed.
pub(crate) async fn changes_feed(
    State(state): State<Arc<AppState>>,
    axum::Extension(door): axum::Extension<Arc<super::api::Door>>,
    uri: axum::http::Uri,
    q: Result<Query<ChangesParams>, QueryRejection>,
) -> Result<Response, ApiError> {
    let p = q
        .map(|Query(p)| p)
        .map_err(|e| ApiError::bad_request(e.body_text()))?;
    let (request, ui) = p.request()?;
    let answer = recent_changes(&state, &door, request).await?;
    let query = uri.query().map(|q| format!("?{q}")).unwrap_or_default();
    let xml = feed(&answer, ui, &query).to_string();
    let mut res = xml.into_response();
    res.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/atom+xml; charset=utf-8"),
    );
    Ok(res)
}
