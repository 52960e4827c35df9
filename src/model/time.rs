//! What was in force on a date: the state of an answer about one unit on a date, and the
//! edition its wording comes from (the rule itself is in `amend::time`; `docs/time.md` says it
//! in words).

use super::{ActKind, EffectiveRule, Lang};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// What the answer about one unit on a date is: a wording in force, or an honest edge where no
/// wording of the corpus was in force then.
///
/// Serialized with its name in `kind` (`{"kind": "not_in_corpus", "earliest_edition":
/// "2022-11-05"}`).
///
/// ```
/// use chrono::NaiveDate;
/// use zanlex::TimeState;
/// let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
/// let state = TimeState::NotInCorpus {
///     earliest_edition: Some(d("2022-11-05")),
///     since: None,
///     estimated: false,
///     until: None,
/// };
/// assert!(!state.has_wording());
/// assert_eq!(
///     state.describe(Some(d("2010-01-01")), None),
///     "the wording on 2010-01-01 is not in the corpus; the earliest known edition is 2022-11-05"
/// );
/// assert_eq!(
///     serde_json::to_string(&state).unwrap(),
///     r#"{"kind":"not_in_corpus","earliest_edition":"2022-11-05"}"#
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum TimeState {
    /// The wording shown was in force on the date (the current wording when no date was asked).
    #[default]
    InForce,
    /// The date is before the earliest edition in the corpus, and the notes record no
    /// amendment of this unit between the date and that edition: its wording is shown.
    InForceBeforeEarliestEdition {
        /// The earliest edition's date.
        earliest_edition: NaiveDate,
    },
    /// The wording in force is a deletion (`Алып тасталды`, `Исключен`).
    Deleted {
        /// The date the deletion took effect, when known.
        since: Option<NaiveDate>,
    },
    /// The wording in force is a placeholder announcing a text that takes effect later; the
    /// text itself is not in this edition.
    Pending {
        /// The date the announced text takes effect, when printed.
        from: Option<NaiveDate>,
    },
    /// The unit was not yet in the act on the date: no wording.
    NotYetInserted {
        /// The date from which the unit is in the act, when known.
        from: Option<NaiveDate>,
    },
    /// The date is before the act's adoption: no wording.
    NotYetAdopted {
        /// The act's adoption date.
        adopted: NaiveDate,
    },
    /// The act was adopted by the date but its text was not yet in force: its first text took
    /// effect later (the day its first edition took effect, as a commit of the mirror dates
    /// it, or a date its commencement clause prints). No wording is shown as in force.
    NotYetInForce {
        /// The act's adoption date.
        adopted: NaiveDate,
        /// The day its first text took effect (for a rule counted from publication with the
        /// publication day unknown: the earliest it can be, the signing day + N).
        from: NaiveDate,
        /// True when `from` is that earliest day, an estimate.
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        estimated: bool,
        /// The commencement rule the act (or the unit) prints, when `from` comes from one.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        rule: Option<EffectiveRule>,
    },
    /// The corpus lacks the wording in force on the date: the notes record a change of the
    /// unit between the date and the earliest edition the corpus has, or, between two
    /// editions, a change that took effect after the edition printing the earlier wording and
    /// before the later wording's start. No wording is shown as in force.
    NotInCorpus {
        /// The earliest edition's date, when known.
        earliest_edition: Option<NaiveDate>,
        /// Between two editions: the date the first change the notes record after the earlier
        /// wording's edition took effect, from which the wording is unknown.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        since: Option<NaiveDate>,
        /// True when `since` rests on an assumption (publication date unknown).
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        estimated: bool,
        /// Between two editions: the date the later wording the corpus has is in force from.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        until: Option<NaiveDate>,
    },
    /// The act's other language records a change of the unit, signed after this language's
    /// latest edition, that took effect on or before the date: this language's wording on the
    /// date is not in the corpus. No wording is shown as in force.
    ChangedAfterLatestEdition {
        /// The date the change took effect.
        since: NaiveDate,
        /// True when `since` rests on an assumption (publication date unknown).
        estimated: bool,
        /// The date of this language's latest edition, when known.
        latest_edition: Option<NaiveDate>,
    },
    /// The act was repealed on or before the date (or, with no date asked, is repealed): its
    /// last wording is shown, marked.
    Repealed {
        /// The date the repeal took effect, when known.
        since: Option<NaiveDate>,
        /// True when `since` rests on an assumption (publication date unknown).
        estimated: bool,
    },
    /// The unit stopped applying on a day its notes or its text print (`Пункт 4 действовал до
    /// 01.06.2017`, `01.01.2024 дейін қолданылды`): its last wording is shown, marked.
    Expired {
        /// The day it no longer applied.
        since: NaiveDate,
        /// The part of the unit that expired (`часть первая`), when only a part did: the rest
        /// of its wording still applies.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        part: Option<String>,
        /// The provision of this act it applied until the day under (its eid: `art_67__para_2`
        /// for `Пункт 3 статьи 38 … действуют до 1 января 2017 года` in article 67, or for
        /// `… в соответствии с пунктом 2 статьи 67 настоящего Закона`), when the corpus shows
        /// one the act has.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        under: Option<String>,
        /// The act the words name as the one it applied until the day by (`01.01.2017 дейін
        /// қолданыста болды - ҚР 06.04.2016 N 480-V Заңымен`, `Действовал до 01.01.2017 в
        /// соответствии с Законом РК от 06.04.2016 № 480-V`), when they name one.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        set_by: Option<NamedAct>,
    },
    /// The unit's application is suspended (`приостановлен до …`, `қолданылуы … тоқтатыла
    /// тұрсын`) on the date: its wording is shown, marked.
    Suspended {
        /// The day the suspension began, when known.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        from: Option<NaiveDate>,
        /// The day it applies again, when printed.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        until: Option<NaiveDate>,
        /// True when `from` is the earliest the suspension can have begun, not a day printed:
        /// the suspending act's signing day, its commencement not given.
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        estimated: bool,
        /// The act that suspended it, as printed (`приказом Министра юстиции … от 16 октября
        /// 2003 года N 218`), when the words name one.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        by: Option<String>,
    },
    /// The wording took effect on a day a provision of another act sets (`порядок введения в
    /// действие см. ст. 2`, `қолданысқа енгізілу тәртібін 2-баптан қараңыз`), a day the
    /// corpus does not give: it is not in force before `not_before` (that act's signing day),
    /// and from then on whether it is in force is not known. Its wording is shown, marked;
    /// it is never called in force.
    AwaitingOtherAct {
        /// The earliest day it can be in force: the other act's signing day, or the day a
        /// later change the wording also holds takes effect (`later_change`).
        not_before: NaiveDate,
        /// The act and its provision that set the day.
        set_by: DaySetBy,
        /// A later change with a known day that the wording also holds, when it dates
        /// `not_before`: the earlier change `set_by` names is in the wording still, so the
        /// later change's day does not make the wording known to be in force.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        later_change: Option<LaterChange>,
    },
    /// The act's source stopped carrying it on or before the date (the mirror's history
    /// deleted its folder): whether its text was still in force then is not known. Its last
    /// wording is shown, marked. A deletion is not evidence of repeal, so this is not one.
    SourceRemoved {
        /// The day the source stopped carrying the act (the deleting commit's date).
        since: NaiveDate,
        /// The day the act came back to its source, when it did (a later commit brings its
        /// folder again): from then its editions answer again.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        until: Option<NaiveDate>,
    },
}

impl TimeState {
    /// `in_force`, `in_force_before_earliest_edition`, `deleted`, `pending`,
    /// `not_yet_inserted`, `not_yet_adopted`, `not_yet_in_force`, `not_in_corpus`,
    /// `changed_after_latest_edition`, `repealed`, `source_removed`, `expired`, `suspended`
    /// or `awaiting_other_act`: the `kind` of its JSON.
    pub fn as_str(&self) -> &'static str {
        match self {
            TimeState::InForce => "in_force",
            TimeState::InForceBeforeEarliestEdition { .. } => "in_force_before_earliest_edition",
            TimeState::Deleted { .. } => "deleted",
            TimeState::Pending { .. } => "pending",
            TimeState::NotYetInserted { .. } => "not_yet_inserted",
            TimeState::NotYetAdopted { .. } => "not_yet_adopted",
            TimeState::NotYetInForce { .. } => "not_yet_in_force",
            TimeState::NotInCorpus { .. } => "not_in_corpus",
            TimeState::ChangedAfterLatestEdition { .. } => "changed_after_latest_edition",
            TimeState::Repealed { .. } => "repealed",
            TimeState::SourceRemoved { .. } => "source_removed",
            TimeState::Expired { .. } => "expired",
            TimeState::Suspended { .. } => "suspended",
            TimeState::AwaitingOtherAct { .. } => "awaiting_other_act",
        }
    }

    /// Whether the answer shows a wording (in force, a deletion or placeholder in force, the
    /// last wording of an act repealed or no longer in its source, of a unit expired or
    /// suspended, or a wording whose day another act sets); false for the edges where
    /// no wording of the corpus was in force on the date.
    pub fn has_wording(&self) -> bool {
        !matches!(
            self,
            TimeState::NotYetInserted { .. }
                | TimeState::NotYetAdopted { .. }
                | TimeState::NotYetInForce { .. }
                | TimeState::NotInCorpus { .. }
                | TimeState::ChangedAfterLatestEdition { .. }
        )
    }

    /// Whether the wording shown was law on the date: in force, or in force before the earliest
    /// edition with no amendment recorded in between.
    pub fn is_in_force(&self) -> bool {
        matches!(
            self,
            TimeState::InForce | TimeState::InForceBeforeEarliestEdition { .. }
        )
    }

    /// The state in words, for the date `on` (`None`: today's text): English for `None`,
    /// else Kazakh or Russian, with dates as Kazakhstan writes them (`18.12.1995`).
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use zanlex::{Lang, TimeState};
    /// let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    /// let s = TimeState::NotYetAdopted { adopted: d("1995-12-18") };
    /// assert_eq!(
    ///     s.describe(Some(d("1990-01-01")), None),
    ///     "not yet adopted on 1990-01-01 (adopted 1995-12-18)"
    /// );
    /// assert_eq!(
    ///     s.describe(Some(d("1990-01-01")), Some(Lang::Ru)),
    ///     "на 01.01.1990 ещё не принят (принят 18.12.1995)"
    /// );
    /// let s = TimeState::NotYetInForce {
    ///     adopted: d("2019-07-31"),
    ///     from: d("2019-08-30"),
    ///     estimated: false,
    ///     rule: None,
    /// };
    /// assert_eq!(
    ///     s.describe(Some(d("2019-08-01")), Some(Lang::Kk)),
    ///     "31.07.2019 қабылданған, бірақ 01.08.2019 күні әлі қолданысқа енгізілмеген \
    ///      (30.08.2019 бастап қолданыста)"
    /// );
    /// ```
    pub fn describe(&self, on: Option<NaiveDate>, lang: Option<Lang>) -> String {
        let words = self.describe_iso(on, lang);
        if lang.is_none() {
            return words;
        }
        // A reader of Kazakh or Russian reads dates day first, with dots.
        static ISO: std::sync::OnceLock<Option<regex::Regex>> = std::sync::OnceLock::new();
        match ISO
            .get_or_init(|| regex::Regex::new(r"\b(\d{4})-(\d{2})-(\d{2})\b").ok())
            .as_ref()
        {
            Some(re) => re.replace_all(&words, "$3.$2.$1").into_owned(),
            None => words,
        }
    }

    /// [`TimeState::describe`] with dates as `YYYY-MM-DD`.
    fn describe_iso(&self, on: Option<NaiveDate>, lang: Option<Lang>) -> String {
        let day = |d: Option<NaiveDate>| d.map_or_else(|| "?".to_string(), |d| d.to_string());
        let on_s = day(on);
        match lang {
            None => match self {
                TimeState::InForce => match on {
                    Some(d) => format!("in force on {d}"),
                    None => "in force".to_string(),
                },
                TimeState::InForceBeforeEarliestEdition { earliest_edition } => format!(
                    "in force on {on_s}: no amendment of this unit recorded between {on_s} and \
                     {earliest_edition}, the earliest edition in the corpus"
                ),
                TimeState::Deleted { since } => format!("deleted since {}", day(*since)),
                TimeState::Pending { from } => format!(
                    "announced, in force from {}; its text is not in this edition",
                    day(*from)
                ),
                TimeState::NotYetInserted { from } => format!(
                    "not yet in the act on {on_s} (in it from {})",
                    day(*from)
                ),
                TimeState::NotYetAdopted { adopted } => {
                    format!("not yet adopted on {on_s} (adopted {adopted})")
                }
                TimeState::NotYetInForce {
                    rule: Some(rule),
                    from,
                    estimated,
                    ..
                } => format!(
                    "not yet in force on {on_s}: {}, {}{from}",
                    rule_words(rule, None),
                    if *estimated { "not before ~" } else { "from " }
                ),
                TimeState::NotYetInForce { adopted, from, .. } => format!(
                    "adopted {adopted} but not yet in force on {on_s} (in force from {from})"
                ),
                TimeState::Expired {
                    since,
                    part,
                    under,
                    set_by,
                } => {
                    let mut under = under.as_deref().map_or_else(String::new, |u| {
                        format!(
                            " under {} of this act ({u})",
                            super::citation::phrase::unit_named_ru(u)
                        )
                    });
                    if let Some(by) = set_by {
                        under.push_str(&format!(", as set by {}", by.citation));
                    }
                    match part {
                        Some(p) => format!(
                            "{p} no longer applies since {since}{under}; the wording is shown"
                        ),
                        None => format!(
                            "no longer applies since {since}{under}; its last wording is shown"
                        ),
                    }
                }
                TimeState::Suspended {
                    from,
                    until,
                    estimated,
                    by,
                } => format!(
                    "suspended{}{}{}; its wording is shown",
                    by.as_ref().map_or_else(String::new, |b| format!(" by {b}")),
                    from.map_or_else(String::new, |f| if *estimated {
                        format!(" not before ~{f} (estimated)")
                    } else {
                        format!(" from {f}")
                    }),
                    until.map_or_else(String::new, |u| format!(" until {u}"))
                ),
                TimeState::NotInCorpus {
                    since: Some(since),
                    estimated,
                    until,
                    ..
                } => format!(
                    "the wording on {on_s} is not in the corpus: the notes record a change of \
                     this unit in force from {}{since}, and the next wording the corpus has is \
                     in force from {}",
                    if *estimated { "~" } else { "" },
                    day(*until)
                ),
                TimeState::NotInCorpus {
                    earliest_edition, ..
                } => format!(
                    "the wording on {on_s} is not in the corpus; the earliest known edition is {}",
                    day(*earliest_edition)
                ),
                TimeState::ChangedAfterLatestEdition {
                    since,
                    estimated,
                    latest_edition,
                } => format!(
                    "the wording on {on_s} is not in the corpus: the other language's text records a \
                     change of this unit in force from {}{since}, after this text's latest edition ({})",
                    if *estimated { "~" } else { "" },
                    day(*latest_edition)
                ),
                TimeState::Repealed { since, estimated } => format!(
                    "repealed {}{}; the last wording is shown",
                    if *estimated { "not before ~" } else { "since " },
                    day(*since)
                ),
                TimeState::AwaitingOtherAct {
                    not_before,
                    set_by,
                    later_change: Some(later),
                } => format!(
                    "not in force before {}{not_before}, the day the change by {} takes effect; \
                     the wording also holds an earlier change whose day {} sets, {}: \
                     not known to be in force{}; the wording is shown",
                    if later.estimated { "~" } else { "" },
                    later.citation,
                    set_by.words(None),
                    if set_by.in_corpus {
                        "whose text in the corpus gives no single day"
                    } else {
                        "an act the corpus does not hold"
                    },
                    on.map_or_else(String::new, |d| format!(" on {d}")),
                ),
                TimeState::AwaitingOtherAct {
                    not_before, set_by, ..
                } => format!(
                    "not in force before {not_before}; from then the day it takes effect is set \
                     by {}, {}: not known to be in force{}; the wording is shown",
                    set_by.words(None),
                    if set_by.in_corpus {
                        "whose text in the corpus gives no single day"
                    } else {
                        "an act the corpus does not hold"
                    },
                    on.map_or_else(String::new, |d| format!(" on {d}")),
                ),
                TimeState::SourceRemoved { since, until } => format!(
                    "not known to be in force{}: the source {}; its last wording is shown",
                    on.map_or_else(String::new, |d| format!(" on {d}")),
                    until.map_or_else(
                        || format!("no longer carries the act since {since}"),
                        |u| format!("did not carry the act from {since} until {u}")
                    )
                ),
            },
            Some(Lang::Kk) => match self {
                TimeState::InForce => match on {
                    Some(d) => format!("{d} күні қолданыста"),
                    None => "қолданыста".to_string(),
                },
                TimeState::InForceBeforeEarliestEdition { earliest_edition } => format!(
                    "{on_s} күні қолданыста: {on_s} мен {earliest_edition} (корпустағы ең ерте \
                     редакция) аралығында бұл бөлікке өзгеріс енгізілгені туралы ескерту жоқ"
                ),
                TimeState::Deleted { since } => {
                    format!("{} бастап алып тасталған", day(*since))
                }
                TimeState::Pending { from } => format!(
                    "{} бастап қолданысқа енгізіледі; мәтіні бұл редакцияда жоқ",
                    day(*from)
                ),
                TimeState::NotYetInserted { from } => format!(
                    "{on_s} күні актіде әлі жоқ ({} бастап бар)",
                    day(*from)
                ),
                TimeState::NotYetAdopted { adopted } => {
                    format!("{on_s} күні әлі қабылданбаған ({adopted} қабылданған)")
                }
                TimeState::NotYetInForce {
                    rule: Some(rule),
                    from,
                    estimated,
                    ..
                } => format!(
                    "{on_s} күні қолданысқа енгізілмеген: {}, {}",
                    rule_words(rule, Some(Lang::Kk)),
                    if *estimated {
                        format!("~{from} бұрын емес")
                    } else {
                        format!("{from} бастап")
                    }
                ),
                TimeState::NotYetInForce { adopted, from, .. } => format!(
                    "{adopted} қабылданған, бірақ {on_s} күні әлі қолданысқа енгізілмеген \
                     ({from} бастап қолданыста)"
                ),
                TimeState::Expired {
                    since,
                    part,
                    under,
                    set_by,
                } => {
                    // `осы актінің 67-бабының 2-тармағына сәйкес`: the provision in the dative.
                    let under = under.as_deref().map_or_else(String::new, |u| {
                        format!(
                            "осы актінің {} сәйкес ",
                            super::citation::phrase::unit_of_act_dative_kk(u)
                        )
                    });
                    // `(негізі – ҚР 06.04.2016 № 480-V Заңы)`: the act the words name.
                    let by = set_by.as_ref().map_or_else(String::new, |b| {
                        format!(" (негізі – {})", b.citation)
                    });
                    match part {
                        Some(p) => format!(
                            "{p}: {under}{since} бастап қолданылмайды{by}; мәтіні көрсетілген"
                        ),
                        None => format!(
                            "{under}{since} бастап қолданылмайды{by}; соңғы редакциясы \
                             көрсетілген"
                        ),
                    }
                }
                TimeState::Suspended {
                    from,
                    until,
                    estimated,
                    by,
                } => format!(
                    "қолданылуы{}{} тоқтатыла тұрған{}; мәтіні көрсетілген",
                    from.map_or_else(String::new, |f| if *estimated {
                        format!(" ~{f} бұрын емес (бағалау)")
                    } else {
                        format!(" {f} бастап")
                    }),
                    until.map_or_else(String::new, |u| format!(" {u} дейін")),
                    by.as_ref().map_or_else(String::new, |b| format!(" — {b}"))
                ),
                TimeState::NotInCorpus {
                    since: Some(since),
                    estimated,
                    until,
                    ..
                } => format!(
                    "{on_s} күнгі редакциясы корпуста жоқ: ескертулерде бұл бөлікке {}{since} \
                     бастап қолданысқа енгізілген өзгеріс бар, корпустағы келесі редакциясы {} \
                     бастап қолданыста",
                    if *estimated { "~" } else { "" },
                    day(*until)
                ),
                TimeState::NotInCorpus {
                    earliest_edition, ..
                } => format!(
                    "{on_s} күнгі редакциясы корпуста жоқ; ең ерте белгілі редакциясы — {}",
                    day(*earliest_edition)
                ),
                TimeState::ChangedAfterLatestEdition {
                    since,
                    estimated,
                    latest_edition,
                } => format!(
                    "{on_s} күнгі редакциясы корпуста жоқ: екінші тілдегі мәтінде бұл бөлікке \
                     {}{since} бастап қолданысқа енгізілген өзгеріс бар, ол осы мәтіннің соңғы \
                     редакциясынан ({}) кейін",
                    if *estimated { "~" } else { "" },
                    day(*latest_edition)
                ),
                TimeState::Repealed { since, estimated } => format!(
                    "{} күші жойылған; соңғы редакциясы көрсетілген",
                    if *estimated {
                        format!("~{} бұрын емес", day(*since))
                    } else {
                        format!("{} бастап", day(*since))
                    }
                ),
                TimeState::AwaitingOtherAct {
                    not_before,
                    set_by,
                    later_change: Some(later),
                } => format!(
                    "{}{not_before} бұрын емес қолданысқа енгізіледі ({} енгізген өзгеріс \
                     қолданысқа енгізілетін күн); редакциядағы бұған дейінгі өзгерістің күнін \
                     {} белгілейді, {}: {}қолданыста екені белгісіз; редакциясы көрсетілген",
                    if later.estimated { "~" } else { "" },
                    later.citation,
                    set_by.words(Some(Lang::Kk)),
                    if set_by.in_corpus {
                        "корпустағы мәтіні бір күнді көрсетпейді"
                    } else {
                        "ол акт корпуста жоқ"
                    },
                    on.map_or_else(String::new, |d| format!("{d} күні ")),
                ),
                TimeState::AwaitingOtherAct {
                    not_before, set_by, ..
                } => format!(
                    "{not_before} бұрын емес қолданысқа енгізіледі; күнін {} белгілейді, {}: \
                     {}қолданыста екені белгісіз; редакциясы көрсетілген",
                    set_by.words(Some(Lang::Kk)),
                    if set_by.in_corpus {
                        "корпустағы мәтіні бір күнді көрсетпейді"
                    } else {
                        "ол акт корпуста жоқ"
                    },
                    on.map_or_else(String::new, |d| format!("{d} күні ")),
                ),
                TimeState::SourceRemoved { since, until } => format!(
                    "{}қолданыста екені белгісіз: дереккөз {since} бастап {}; соңғы \
                     редакциясы көрсетілген",
                    on.map_or_else(String::new, |d| format!("{d} күні ")),
                    until.map_or_else(
                        || "актіні жарияламайды".to_string(),
                        |u| format!("{u} дейін актіні жарияламаған")
                    )
                ),
            },
            Some(Lang::Ru) => match self {
                TimeState::InForce => match on {
                    Some(d) => format!("действует на {d}"),
                    None => "действует".to_string(),
                },
                TimeState::InForceBeforeEarliestEdition { earliest_edition } => format!(
                    "действует на {on_s}: изменений этой единицы между {on_s} и \
                     {earliest_edition} (самой ранней редакцией в корпусе) не отмечено"
                ),
                TimeState::Deleted { since } => format!("исключено с {}", day(*since)),
                TimeState::Pending { from } => format!(
                    "вводится в действие с {}; текста в этой редакции нет",
                    day(*from)
                ),
                TimeState::NotYetInserted { from } => format!(
                    "на {on_s} в акте ещё нет (есть с {})",
                    day(*from)
                ),
                TimeState::NotYetAdopted { adopted } => {
                    format!("на {on_s} ещё не принят (принят {adopted})")
                }
                TimeState::NotYetInForce {
                    rule: Some(rule),
                    from,
                    estimated,
                    ..
                } => format!(
                    "на {on_s} не вступил в силу: {}, {}{from}",
                    rule_words(rule, Some(Lang::Ru)),
                    if *estimated { "не ранее ~" } else { "с " }
                ),
                TimeState::NotYetInForce { adopted, from, .. } => format!(
                    "принят {adopted}, но на {on_s} ещё не введён в действие (действует с {from})"
                ),
                TimeState::Expired {
                    since,
                    part,
                    under,
                    set_by,
                } => {
                    // `(основание — пункт 2 статьи 67 настоящего акта; Закон РК от …)`: the
                    // provision and the act the words name, each when they name it.
                    let grounds: Vec<String> = under
                        .as_deref()
                        .map(|u| super::citation::phrase::provision_of_this_act(u, Lang::Ru))
                        .into_iter()
                        .chain(set_by.as_ref().map(|b| b.citation.clone()))
                        .collect();
                    let under = if grounds.is_empty() {
                        String::new()
                    } else {
                        format!(" (основание — {})", grounds.join("; "))
                    };
                    match part {
                        Some(p) => format!("{p} не действует с {since}{under}; текст показан"),
                        None => format!(
                            "не действует с {since}{under}; показана последняя редакция"
                        ),
                    }
                }
                TimeState::Suspended {
                    from,
                    until,
                    estimated,
                    by,
                } => format!(
                    "действие приостановлено{}{}{}; текст показан",
                    by.as_ref().map_or_else(String::new, |b| format!(" {b}")),
                    from.map_or_else(String::new, |f| if *estimated {
                        format!(" не ранее ~{f} (оценка)")
                    } else {
                        format!(" с {f}")
                    }),
                    until.map_or_else(String::new, |u| format!(" до {u}"))
                ),
                TimeState::NotInCorpus {
                    since: Some(since),
                    estimated,
                    until,
                    ..
                } => format!(
                    "редакции на {on_s} в корпусе нет: примечания отмечают изменение этой \
                     единицы, действующее с {}{since}, а следующая редакция в корпусе действует \
                     с {}",
                    if *estimated { "~" } else { "" },
                    day(*until)
                ),
                TimeState::NotInCorpus {
                    earliest_edition, ..
                } => format!(
                    "редакции на {on_s} в корпусе нет; самая ранняя известная редакция — {}",
                    day(*earliest_edition)
                ),
                TimeState::ChangedAfterLatestEdition {
                    since,
                    estimated,
                    latest_edition,
                } => format!(
                    "редакции на {on_s} в корпусе нет: текст на другом языке отмечает изменение \
                     этой единицы, действующее с {}{since}, после последней редакции этого текста ({})",
                    if *estimated { "~" } else { "" },
                    day(*latest_edition)
                ),
                TimeState::Repealed { since, estimated } => format!(
                    "утратил силу {}{}; показана последняя редакция",
                    if *estimated { "не ранее ~" } else { "с " },
                    day(*since)
                ),
                TimeState::AwaitingOtherAct {
                    not_before,
                    set_by,
                    later_change: Some(later),
                } => format!(
                    "вводится в действие не ранее {}{not_before} (день введения в действие \
                     изменения, внесенного: {}); день более раннего изменения в этой редакции \
                     устанавливает {}, {}: действует ли редакция{}, неизвестно; текст показан",
                    if later.estimated { "~" } else { "" },
                    later.citation,
                    set_by.words(Some(Lang::Ru)),
                    if set_by.in_corpus {
                        "текст которого в корпусе одного дня не даёт"
                    } else {
                        "которого нет в корпусе"
                    },
                    on.map_or_else(String::new, |d| format!(" на {d}")),
                ),
                TimeState::AwaitingOtherAct {
                    not_before, set_by, ..
                } => format!(
                    "вводится в действие не ранее {not_before}; день устанавливает {}, {}: \
                     действует ли редакция{}, неизвестно; текст показан",
                    set_by.words(Some(Lang::Ru)),
                    if set_by.in_corpus {
                        "текст которого в корпусе одного дня не даёт"
                    } else {
                        "которого нет в корпусе"
                    },
                    on.map_or_else(String::new, |d| format!(" на {d}")),
                ),
                TimeState::SourceRemoved { since, until } => format!(
                    "действие{} неизвестно: источник {}; показана последняя редакция",
                    on.map_or_else(String::new, |d| format!(" на {d}")),
                    until.map_or_else(
                        || format!("не публикует акт с {since}"),
                        |u| format!("не публиковал акт с {since} до {u}")
                    )
                ),
            },
        }
    }
}

/// A commencement rule in words, as a state names it (`вводится в действие по истечении 60
/// календарных дней после первого официального опубликования`): English for `None`.
fn rule_words(rule: &EffectiveRule, lang: Option<Lang>) -> String {
    match (rule, lang) {
        (EffectiveRule::DaysAfterPublication { days: 1 }, None) => {
            "in force from the day after its first official publication".to_string()
        }
        (EffectiveRule::DaysAfterPublication { days: 1 }, Some(Lang::Kk)) => {
            "алғашқы ресми жарияланған күнінен кейін қолданысқа енгізіледі".to_string()
        }
        (EffectiveRule::DaysAfterPublication { days: 1 }, Some(Lang::Ru)) => {
            "вводится в действие после дня первого официального опубликования".to_string()
        }
        (EffectiveRule::DaysAfterPublication { days }, None) => {
            format!("in force {days} calendar days after its first official publication")
        }
        (EffectiveRule::DaysAfterPublication { days }, Some(Lang::Kk)) => format!(
            "алғашқы ресми жарияланған күнінен кейін күнтізбелік {days} күн өткен соң \
             қолданысқа енгізіледі"
        ),
        (EffectiveRule::DaysAfterPublication { days }, Some(Lang::Ru)) => format!(
            "вводится в действие по истечении {days} календарных дней после первого \
             официального опубликования"
        ),
        (EffectiveRule::MonthsAfterPublication { months }, None) => {
            format!("in force {months} months after its first official publication")
        }
        (EffectiveRule::MonthsAfterPublication { months }, Some(Lang::Kk)) => format!(
            "алғашқы ресми жарияланған күнінен кейін {months} ай өткен соң қолданысқа енгізіледі"
        ),
        (EffectiveRule::MonthsAfterPublication { months }, Some(Lang::Ru)) => format!(
            "вводится в действие по истечении {months} месяцев после первого официального \
             опубликования"
        ),
        (EffectiveRule::OnPublication, None) => {
            "in force from its first official publication".to_string()
        }
        (EffectiveRule::OnPublication, Some(Lang::Kk)) => {
            "алғашқы ресми жарияланған күнінен бастап қолданысқа енгізіледі".to_string()
        }
        (EffectiveRule::OnPublication, Some(Lang::Ru)) => {
            "вводится в действие со дня первого официального опубликования".to_string()
        }
        (EffectiveRule::OnDate { date }, None) => format!("in force from {date}"),
        (EffectiveRule::OnDate { date }, Some(Lang::Kk)) => {
            format!("{date} бастап қолданысқа енгізіледі")
        }
        (EffectiveRule::OnDate { date }, Some(Lang::Ru)) => {
            format!("вводится в действие с {date}")
        }
        (EffectiveRule::OnSigning, None) => "in force from its signing".to_string(),
        (EffectiveRule::OnSigning, Some(Lang::Kk)) => {
            "қол қойылған күнінен бастап қолданысқа енгізіледі".to_string()
        }
        (EffectiveRule::OnSigning, Some(Lang::Ru)) => {
            "вводится в действие со дня подписания".to_string()
        }
        (EffectiveRule::OnRegistration, None) => "in force from its state registration".to_string(),
        (EffectiveRule::OnRegistration, Some(Lang::Kk)) => {
            "мемлекеттік тіркелген күнінен бастап қолданысқа енгізіледі".to_string()
        }
        (EffectiveRule::OnRegistration, Some(Lang::Ru)) => {
            "вводится в действие со дня государственной регистрации".to_string()
        }
        (
            EffectiveRule::InAmendingAct {
                number, paragraph, ..
            },
            None,
        ) => format!(
            "in force as {} {number} of the amending act provides",
            if *paragraph { "paragraph" } else { "article" }
        ),
        (
            EffectiveRule::InAmendingAct {
                number, paragraph, ..
            },
            Some(Lang::Kk),
        ) => format!(
            "қолданысқа енгізілу тәртібі өзгерістер енгізген актінің {number}-{} белгіленген",
            if *paragraph {
                "тармағында"
            } else {
                "бабында"
            }
        ),
        (
            EffectiveRule::InAmendingAct {
                number, paragraph, ..
            },
            Some(Lang::Ru),
        ) => format!(
            "порядок введения в действие установлен {} {number} вносящего изменения акта",
            if *paragraph {
                "пунктом"
            } else {
                "статьей"
            }
        ),
        // The act is cited in the language the state is worded in (English: the Russian
        // official form).
        (EffectiveRule::WithOtherAct { act, .. }, None) => {
            format!("brought into effect by {}", act.cite(Lang::Ru))
        }
        (EffectiveRule::WithOtherAct { act, .. }, Some(Lang::Kk)) => format!(
            "қолданысқа енгізілу тәртібін {} белгілейді",
            act.cite(Lang::Kk)
        ),
        (EffectiveRule::WithOtherAct { act, .. }, Some(Lang::Ru)) => format!(
            "порядок введения в действие определяет {}",
            act.cite(Lang::Ru)
        ),
        (EffectiveRule::Unknown, None) => "its commencement is not stated".to_string(),
        (EffectiveRule::Unknown, Some(Lang::Kk)) => {
            "қолданысқа енгізілу күні көрсетілмеген".to_string()
        }
        (EffectiveRule::Unknown, Some(Lang::Ru)) => "порядок введения не указан".to_string(),
    }
}

/// The act whose provision sets the day a wording takes effect, as an amendment note names
/// it (`Законом РК от 17.12.2025 № 241-VIII (порядок введения в действие см. статью 2)`):
/// what a [`TimeState::AwaitingOtherAct`] names.
///
/// ```
/// use chrono::NaiveDate;
/// use zanlex::{ActKind, DaySetBy, Lang, TimeState};
/// let s = TimeState::AwaitingOtherAct {
///     not_before: NaiveDate::from_ymd_opt(2025, 12, 17).unwrap(),
///     set_by: DaySetBy {
///         kind: ActKind::Law,
///         date: NaiveDate::from_ymd_opt(2025, 12, 17),
///         number: Some("241-VIII".into()),
///         citation: "Закон Республики Казахстан от 17.12.2025 № 241-VIII".into(),
///         provision: "2".into(),
///         paragraph: false,
///         in_corpus: false,
///     },
///     later_change: None,
/// };
/// assert!(!s.is_in_force() && s.has_wording());
/// assert_eq!(
///     s.describe(NaiveDate::from_ymd_opt(2026, 1, 15), Some(Lang::Ru)),
///     "вводится в действие не ранее 17.12.2025; день устанавливает статья 2 вносящего \
///      изменения акта (Закон Республики Казахстан от 17.12.2025 № 241-VIII), которого нет в \
///      корпусе: действует ли редакция на 15.01.2026, неизвестно; текст показан"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DaySetBy {
    /// The act's kind, as the note names it.
    pub kind: ActKind,
    /// Its signing date, as the note gives it.
    pub date: Option<NaiveDate>,
    /// Its number, as the note prints it.
    pub number: Option<String>,
    /// The act cited in the words of the text that names it.
    pub citation: String,
    /// The provision's number (`2`); empty when the act itself brings the act that waits for
    /// it into effect ([`crate::EffectiveRule::WithOtherAct`]).
    pub provision: String,
    /// True for a paragraph (`п. 2`, `2-тармақ`), false for an article.
    pub paragraph: bool,
    /// True when the corpus holds the act, its provision giving no single day; false when
    /// the corpus does not hold it.
    pub in_corpus: bool,
}

impl DaySetBy {
    /// What sets the day, in words of `lang` (English for `None`): the provision of the
    /// amending act (`статья 2 вносящего изменения акта (Закон … № 241-VIII)`), or, with no
    /// provision, the act itself that brings the act into effect (`Закон РК от 25.12.2017 №
    /// 121-VI`).
    fn words(&self, lang: Option<Lang>) -> String {
        if self.provision.is_empty() {
            return self.citation.clone();
        }
        let p = &self.provision;
        match lang {
            None => format!(
                "{} {p} of {}",
                if self.paragraph {
                    "paragraph"
                } else {
                    "article"
                },
                self.citation
            ),
            Some(Lang::Kk) => format!(
                "өзгерістер енгізген актінің ({}) {p}-{}",
                self.citation,
                if self.paragraph {
                    "тармағы"
                } else {
                    "бабы"
                }
            ),
            Some(Lang::Ru) => format!(
                "{} {p} вносящего изменения акта ({})",
                if self.paragraph {
                    "пункт"
                } else {
                    "статья"
                },
                self.citation
            ),
        }
    }
}

/// An act the words of a note or of a unit's text name as the one that set a unit's time
/// (`01.01.2024 дейін қолданылды – ҚР 19.04.2023 № 223-VII Заңымен`, `Действовал до
/// 01.01.2017 в соответствии с Законом РК от 06.04.2016 № 480-V`): what a
/// [`TimeState::Expired`] names as `set_by`, cited in official form in the language of the
/// text that names it. Never read where the words name no dated, numbered act.
///
/// ```
/// use chrono::NaiveDate;
/// use zanlex::{ActKind, Lang, NamedAct, TimeState};
/// let s = TimeState::Expired {
///     since: NaiveDate::from_ymd_opt(2017, 1, 1).unwrap(),
///     part: None,
///     under: None,
///     set_by: Some(NamedAct {
///         kind: ActKind::Law,
///         date: NaiveDate::from_ymd_opt(2016, 4, 6),
///         number: Some("480-V".into()),
///         citation: "Закон РК от 06.04.2016 № 480-V".into(),
///     }),
/// };
/// assert_eq!(
///     s.describe(None, Some(Lang::Ru)),
///     "не действует с 01.01.2017 (основание — Закон РК от 06.04.2016 № 480-V); показана \
///      последняя редакция"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NamedAct {
    /// The act's kind, as the words name it.
    pub kind: ActKind,
    /// Its signing date, as the words give it.
    pub date: Option<NaiveDate>,
    /// Its number, as the words print it.
    pub number: Option<String>,
    /// The act cited in official form, in the language of the words that name it.
    pub citation: String,
}

/// A later change with a known day in a wording that also holds an earlier change whose day
/// another act sets (`Законом РК от 17.12.2025 № 241-VIII (порядок введения в действие см.
/// статью 2)`, then `Законом РК от 09.01.2026 № 256-VIII (вводится в действие по истечении
/// шести месяцев …)`): what a [`TimeState::AwaitingOtherAct`] names beside the act that sets
/// the earlier change's day. The later change's day is the earliest the wording can be in
/// force; it does not make the wording known to be in force.
///
/// ```
/// use chrono::NaiveDate;
/// use zanlex::{ActKind, DaySetBy, Lang, LaterChange, TimeState};
/// let s = TimeState::AwaitingOtherAct {
///     not_before: NaiveDate::from_ymd_opt(2026, 7, 9).unwrap(),
///     set_by: DaySetBy {
///         kind: ActKind::Law,
///         date: NaiveDate::from_ymd_opt(2025, 12, 17),
///         number: Some("241-VIII".into()),
///         citation: "Law of the Republic of Kazakhstan of 17.12.2025 No. 241-VIII".into(),
///         provision: "2".into(),
///         paragraph: false,
///         in_corpus: false,
///     },
///     later_change: Some(LaterChange {
///         citation: "Law of the Republic of Kazakhstan of 09.01.2026 No. 256-VIII".into(),
///         estimated: true,
///     }),
/// };
/// assert!(!s.is_in_force());
/// assert_eq!(
///     s.describe(NaiveDate::from_ymd_opt(2026, 8, 1), None),
///     "not in force before ~2026-07-09, the day the change by Law of the Republic of \
///      Kazakhstan of 09.01.2026 No. 256-VIII takes effect; the wording also holds an earlier \
///      change whose day article 2 of Law of the Republic of Kazakhstan of 17.12.2025 No. \
///      241-VIII sets, an act the corpus does not hold: not known to be in force on \
///      2026-08-01; the wording is shown"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LaterChange {
    /// The act that made the later change, cited in the words of the text that names it.
    pub citation: String,
    /// True when its day (the state's `not_before`) is the earliest a rule counted from
    /// publication allows, not a day printed.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub estimated: bool,
}

/// A time of its own that a unit has, apart from its wordings: its own commencement (`статья
/// 12 вводится в действие с 1 января 2027 года`, the units a commencement clause excepts), its
/// expiry (`Пункт 4 действовал до 01.06.2017`) or its suspension (`приостановлен до …`).
/// Read from the act's commencement clause, its notes and its units' texts
/// ([`crate::Act::unit_times`]); the rule (`amend::time`) answers with it for the unit and what
/// is inside it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct UnitTime {
    /// The unit (its eid); what is inside it follows it. `""` is the whole act (a suspension
    /// its requisite states).
    pub eid: String,
    /// What time it has.
    pub limit: TimeLimit,
    /// The words it was read from (the clause, the note or the unit's text).
    pub source: String,
    /// The language of the act's other text that `source` is in, when this text's own words
    /// give the unit no such time and its twin's do (the same act, the same unit): the
    /// reading is shared, never left for the unit to answer in force where the other text
    /// says it is not.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub read_from: Option<Lang>,
}

/// What a [`UnitTime`] says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum TimeLimit {
    /// The unit takes effect by a rule of its own, not the act's.
    Commences {
        /// The rule.
        rule: EffectiveRule,
    },
    /// The unit applied until a day (`действовал до 01.06.2017`): from that day it no longer
    /// applies.
    Expires {
        /// The day it no longer applies.
        since: NaiveDate,
        /// The part of the unit that expired (`часть первая`), when the words name a part and
        /// not the whole unit.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        part: Option<String>,
        /// The provision of this act it applied until the day under, when the words name one
        /// the act has (`в соответствии с пунктом 2 статьи 60 настоящего Закона`, a
        /// transitional provision naming the unit): its eid.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        under: Option<String>,
        /// The act the words name as the one it applied until the day by, when they name one.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        set_by: Option<NamedAct>,
    },
    /// The unit's application is suspended from one day until another.
    Suspended {
        /// The day the suspension began, when known.
        from: Option<NaiveDate>,
        /// The day it applies again, when printed.
        until: Option<NaiveDate>,
        /// True when `from` is the earliest day the suspension can have begun (the suspending
        /// act's signing day, its commencement not given), not a day printed.
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        estimated: bool,
        /// The suspending act as the words name it, when they do.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        by: Option<String>,
    },
    /// For a period the unit applies in a wording the act gives it elsewhere, one the text
    /// does not print under the unit (a transitional provision: `Приостановить до 1 января
    /// 2029 года действие пункта 3 статьи 18 …, установив, что в период приостановления
    /// данный пункт действует в следующей редакции: … 2) с 1 января 2025 года до 1 января 2029
    /// года: «3. …»`): that wording answers for the unit from `from` until `until`.
    Worded {
        /// The day the wording applies from (`None`: from the provision's own start).
        from: Option<NaiveDate>,
        /// The day it no longer applies, exclusive.
        until: Option<NaiveDate>,
        /// The wording, as a unit with the eid of the unit it is for; its place in the source
        /// is the provision's that gives it.
        wording: Box<crate::model::Unit>,
        /// The provision that gives it (its eid, `art_30__para_2__subpara_2`).
        given_in: String,
    },
}

/// The provision of an act that gives one of its units a wording for a period
/// ([`TimeLimit::Worded`], [`EditionRef::given_in`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct GivenIn {
    /// Its eid in the same act (`art_30__para_2__subpara_2`).
    pub eid: String,
    /// Its citation in the text's language, as an act cites a provision of its own: `осы
    /// актінің 30-бабының 2-тармағының 2) тармақшасы`, `подпункт 2) пункта 2 статьи 30
    /// настоящего акта`.
    pub citation: String,
}

/// The edition a unit's wording comes from, and when that wording was in force: what every
/// answer about a unit names (`show`, a search hit, each column of a parallel view).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EditionRef {
    /// The edition's id: its date (`2023-04-19`), `applied:ID` for wording an amending act
    /// gave, `latest` or `current` when undated.
    pub id: String,
    /// The edition's own date (the day the database consolidated the text), when known.
    pub date: Option<NaiveDate>,
    /// True when `date` is an estimate: a text that prints no date, dated by the newest
    /// amending act its notes cite.
    pub date_estimated: bool,
    /// The wording (the same in every edition that prints it unchanged) is in force from this
    /// date (`None`: unknown).
    pub from: Option<NaiveDate>,
    /// … until this date, exclusive (`None`: still in force, as far as the corpus knows).
    pub to: Option<NaiveDate>,
    /// True when `from` rests on an assumption: the edition's date standing in for an
    /// effective date the notes do not give, or an effective date estimated from a signing date.
    pub from_estimated: bool,
    /// Why `from` is what it is (`first official publication + 10 calendar days`, `edition
    /// date: no note dates the change`, …).
    pub basis: String,
    /// For a wording the act gives the unit for a period in another of its provisions
    /// ([`TimeLimit::Worded`]), not an edition's printing of the unit: that provision.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub given_in: Option<GivenIn>,
    /// The file the edition was read from (relative to the corpus folder's parent).
    pub file: String,
    /// The unit's first line in that file, 1-based.
    pub line_start: u32,
    /// Its last line, inclusive.
    pub line_end: u32,
}
