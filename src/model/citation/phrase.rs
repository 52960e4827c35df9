//! A unit and what an amendment did to it, told in a sentence of Kazakh or Russian: `12-баптың
//! 3-тармағы алып тасталды`, `Пункт 3 статьи 12 исключен`. A reader of a timeline reads these
//! instead of eids and action codes.
//!
//! The unit is named from its eid (a deleted unit may be gone from the text, its eid stays):
//! in Kazakh the containing units come first in the genitive and the unit itself takes the
//! possessive (`12-баптың 3-тармағы`); in Russian the unit comes first and its containers
//! follow in the genitive (`пункт 3 статьи 12`), the verb agreeing with the unit's gender.

use super::dotted;
use crate::model::{ActRef, AmendAction, ByLang, EffectiveDate, Lang, UnitKind};
use serde::Serialize;

/// One amendment event in words, in one language: what happened to which unit, by which act,
/// from when. The three are apart so that a page can link the amending act.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EventWords {
    /// What was done to which unit: `12-баптың 3-тармағы алып тасталды`, `Пункт 3 статьи 12
    /// исключен`.
    pub what: String,
    /// The amending act in official form: `ҚР 19.04.2023 № 222-VII Конституциялық Заңы`.
    pub by: String,
    /// From when the change is in force: `29.04.2023 бастап`, `шамамен 29.04.2023 бастап`
    /// where the date rests on an assumption, `күшіне енген күні белгісіз` where it is unknown.
    pub since: String,
}

/// One amendment event in words in each language of the interface, whatever the language of
/// the text whose note recorded it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct EventInWords(pub(crate) ByLang<EventWords>);

impl std::ops::Deref for EventInWords {
    type Target = ByLang<EventWords>;

    fn deref(&self) -> &Self::Target {
        &self.0
    }
}

impl EventInWords {
    /// The event on unit `eid` (empty: the whole act) in both languages.
    ///
    /// ```
    /// use zanlex::{ActKind, ActRef, AmendAction, EffectiveDate, EventInWords};
    /// let by = ActRef { issuer: "ҚР".into(), issuer_code: "parliament".into(),
    ///     kind: ActKind::ConstitutionalLaw, date: chrono::NaiveDate::from_ymd_opt(2023, 4, 19),
    ///     number: Some("222-VII".into()), title: None };
    /// let since = EffectiveDate { date: chrono::NaiveDate::from_ymd_opt(2023, 4, 29).unwrap(),
    ///     estimated: false, basis: String::new() };
    /// let w = EventInWords::of("art_12__para_3", AmendAction::Deleted, &by, Some(&since));
    /// use zanlex::Lang::{Kk, Ru};
    /// assert_eq!(w[Kk].what, "12-баптың 3-тармағы алып тасталды");
    /// assert_eq!(w[Kk].by, "ҚР 19.04.2023 № 222-VII Конституциялық Заңы");
    /// assert_eq!(w[Kk].since, "29.04.2023 бастап");
    /// assert_eq!(w[Ru].what, "Пункт 3 статьи 12 исключен");
    /// assert_eq!(w[Ru].since, "с 29.04.2023");
    /// ```
    pub fn of(
        eid: &str,
        action: AmendAction,
        by: &ActRef,
        effective: Option<&EffectiveDate>,
    ) -> Self {
        EventInWords(ByLang::from_fn(|lang| EventWords {
            what: what_was_done(eid, action, lang),
            by: by.cite(lang),
            since: since(effective, lang),
        }))
    }
}

/// A unit named in each language of the interface: `12-баптың 3-тармағы`, `пункт 3 статьи 12`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct UnitInWords(pub(crate) ByLang<String>);

impl std::ops::Deref for UnitInWords {
    type Target = ByLang<String>;

    fn deref(&self) -> &Self::Target {
        &self.0
    }
}

impl UnitInWords {
    /// Unit `eid` (empty: the whole act) named in both languages.
    ///
    /// ```
    /// let n = zanlex::UnitInWords::of("att_1__para_3__subpara_2");
    /// assert_eq!(n[zanlex::Lang::Kk], "1-қосымшаның 3-тармағының 2) тармақшасы");
    /// assert_eq!(n[zanlex::Lang::Ru], "Подпункт 2) пункта 3 приложения 1");
    /// ```
    pub fn of(eid: &str) -> Self {
        UnitInWords(ByLang::from_fn(|lang| {
            crate::text::capitalized(&named(eid, lang, Case::Subject))
        }))
    }
}

/// The schemas of the words in each language: an object keyed by language, as the JSON is.
#[cfg(feature = "openapi")]
mod schemas {
    use super::{EventInWords, EventWords, UnitInWords};
    use crate::model::by_lang::object_schema;
    use std::borrow::Cow;
    use utoipa::openapi::schema::{ObjectBuilder, RefBuilder, Schema, Type};
    use utoipa::openapi::RefOr;
    use utoipa::{PartialSchema, ToSchema};

    /// `In Kazakh.`
    fn in_lang(lang: crate::model::Lang) -> String {
        format!("In {}.", lang.english())
    }

    impl PartialSchema for EventInWords {
        fn schema() -> RefOr<Schema> {
            object_schema(
                "One amendment event in words in each language of the interface, whatever the \
                 language of\nthe text whose note recorded it.",
                in_lang,
                |d| {
                    RefBuilder::new()
                        .ref_location_from_schema_name(EventWords::name())
                        .description(Some(d))
                        .into()
                },
            )
        }
    }

    impl ToSchema for EventInWords {
        fn name() -> Cow<'static, str> {
            Cow::Borrowed("EventInWords")
        }

        fn schemas(schemas: &mut Vec<(String, RefOr<Schema>)>) {
            schemas.push((EventWords::name().into_owned(), EventWords::schema()));
            EventWords::schemas(schemas);
        }
    }

    impl PartialSchema for UnitInWords {
        fn schema() -> RefOr<Schema> {
            object_schema(
                "A unit named in each language of the interface: `12-баптың 3-тармағы`, `пункт 3 \
                 статьи 12`.",
                in_lang,
                |d| {
                    ObjectBuilder::new()
                        .schema_type(Type::String)
                        .description(Some(d))
                        .into()
                },
            )
        }
    }

    impl ToSchema for UnitInWords {
        fn name() -> Cow<'static, str> {
            Cow::Borrowed("UnitInWords")
        }
    }
}

/// The grammatical role the unit's name plays in a sentence.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Case {
    /// The subject: `12-баптың 3-тармағы`, `пункт 3 статьи 12`.
    Subject,
    /// What changes are made to: `12-баптың 3-тармағына`, `пункт 3 статьи 12` (after `в`).
    Into,
    /// Whose heading: `12-баптың 3-тармағының`, `пункта 3 статьи 12`.
    Whose,
}

/// A kind's words: Kazakh noun in the nominative, genitive, dative and the possessive forms
/// (alone, genitive, dative); Russian noun in the nominative, genitive, accusative and its
/// gender's past-participle ending.
struct Noun {
    kk: [&'static str; 6],
    ru: [&'static str; 3],
    ru_gender: Gender,
}

#[derive(Clone, Copy)]
enum Gender {
    Masculine,
    Feminine,
    Neuter,
}

const fn noun(kk: [&'static str; 6], ru: [&'static str; 3], ru_gender: Gender) -> Noun {
    Noun { kk, ru, ru_gender }
}

/// The words of each unit kind; `None` for a kind that has no name of its own.
fn noun_of(kind: UnitKind, faq_question: bool) -> Option<Noun> {
    use Gender::*;
    Some(match kind {
        UnitKind::Article => noun(
            ["бап", "баптың", "бапқа", "бабы", "бабының", "бабына"],
            ["статья", "статьи", "статью"],
            Feminine,
        ),
        UnitKind::Paragraph => noun(
            [
                "тармақ",
                "тармақтың",
                "тармаққа",
                "тармағы",
                "тармағының",
                "тармағына",
            ],
            ["пункт", "пункта", "пункт"],
            Masculine,
        ),
        UnitKind::Subparagraph => noun(
            [
                "тармақша",
                "тармақшаның",
                "тармақшаға",
                "тармақшасы",
                "тармақшасының",
                "тармақшасына",
            ],
            ["подпункт", "подпункта", "подпункт"],
            Masculine,
        ),
        UnitKind::Chapter => noun(
            [
                "тарау",
                "тараудың",
                "тарауға",
                "тарауы",
                "тарауының",
                "тарауына",
            ],
            ["глава", "главы", "главу"],
            Feminine,
        ),
        UnitKind::Section if faq_question => noun(
            [
                "сұрақ",
                "сұрақтың",
                "сұраққа",
                "сұрағы",
                "сұрағының",
                "сұрағына",
            ],
            ["вопрос", "вопроса", "вопрос"],
            Masculine,
        ),
        UnitKind::Section => noun(
            [
                "бөлім",
                "бөлімнің",
                "бөлімге",
                "бөлімі",
                "бөлімінің",
                "бөліміне",
            ],
            ["раздел", "раздела", "раздел"],
            Masculine,
        ),
        UnitKind::Attachment | UnitKind::Annex => noun(
            [
                "қосымша",
                "қосымшаның",
                "қосымшаға",
                "қосымшасы",
                "қосымшасының",
                "қосымшасына",
            ],
            ["приложение", "приложения", "приложение"],
            Neuter,
        ),
        UnitKind::Part => noun(
            [
                "абзац",
                "абзацтың",
                "абзацқа",
                "абзацы",
                "абзацының",
                "абзацына",
            ],
            ["абзац", "абзаца", "абзац"],
            Masculine,
        ),
        UnitKind::Preamble => noun(
            [
                "преамбула",
                "преамбуланың",
                "преамбулаға",
                "преамбуласы",
                "преамбуласының",
                "преамбуласына",
            ],
            ["преамбула", "преамбулы", "преамбулу"],
            Feminine,
        ),
        UnitKind::Instruction => noun(
            [
                "өзгеріс",
                "өзгерістің",
                "өзгеріске",
                "өзгерісі",
                "өзгерісінің",
                "өзгерісіне",
            ],
            ["изменение", "изменения", "изменение"],
            Neuter,
        ),
        UnitKind::Other => return None,
    })
}

/// The whole act's words, as [`Noun`] gives a unit's.
const ACT: Noun = noun(
    ["акт", "актінің", "актіге", "акт", "актінің", "актіге"],
    ["акт", "акта", "акт"],
    Gender::Masculine,
);

/// One step of an eid: its kind's words and its number (`12`, `2)` for a subparagraph).
struct Step {
    noun: Noun,
    num: String,
    kind: UnitKind,
}

/// The steps of `eid` that name something, outermost first; a chapter only when it is the
/// unit itself (an article is cited without its chapter).
fn steps(eid: &str) -> Vec<Step> {
    let parts: Vec<&str> = eid.split("__").filter(|p| !p.is_empty()).collect();
    let last = parts.len().saturating_sub(1);
    parts
        .iter()
        .enumerate()
        .filter_map(|(i, part)| {
            let (prefix, num) = part.split_once('_').unwrap_or((part, ""));
            let kind = UnitKind::from_eid_prefix(prefix)?;
            if kind == UnitKind::Chapter && i != last {
                return None;
            }
            let noun = noun_of(kind, num.contains('.'))?;
            Some(Step {
                noun,
                num: num.to_string(),
                kind,
            })
        })
        .collect()
}

/// A step in Kazakh, its noun in form `form` of [`Noun::kk`]: `12-бабы`, `2) тармақшасы`.
fn kk_step(s: &Step, form: usize) -> String {
    let word = s.noun.kk[form];
    match (s.kind, s.num.is_empty()) {
        (_, true) => word.to_string(),
        (UnitKind::Subparagraph, false) => format!("{}) {word}", s.num),
        _ => format!("{}-{word}", s.num),
    }
}

/// A step in Russian, its noun in form `form` of [`Noun::ru`]: `статьи 12`, `подпункт 2)`.
fn ru_step(s: &Step, form: usize) -> String {
    let word = s.noun.ru[form];
    match (s.kind, s.num.is_empty()) {
        (_, true) => word.to_string(),
        (UnitKind::Subparagraph, false) => format!("{word} {})", s.num),
        _ => format!("{word} {}", s.num),
    }
}

/// Unit `eid` of a code as its citation names it beside the code's short name: in Kazakh
/// after it, each step in the possessive (`4-бабының 3-тармағы`: `ҚР ӘРПК 4-бабының
/// 3-тармағы`), in Russian before it, innermost first and abbreviated (`п. 3 ст. 4`: `п. 3 ст.
/// 4 АППК РК`). A code's articles are numbered through it, so its sections and chapters are
/// named only when they are the unit itself. `None` when no step names anything.
pub(crate) fn in_code(eid: &str, lang: Lang) -> Option<String> {
    let all = steps(eid);
    let has_article = all.iter().any(|s| s.kind == UnitKind::Article);
    let last = all.len().checked_sub(1)?;
    let steps: Vec<&Step> = all
        .iter()
        .enumerate()
        .filter(|(i, s)| {
            *i == last || !(has_article && matches!(s.kind, UnitKind::Section | UnitKind::Chapter))
        })
        .map(|(_, s)| s)
        .collect();
    let n = steps.len();
    Some(match lang {
        Lang::Kk => steps
            .iter()
            .enumerate()
            .map(|(i, s)| kk_step(s, if i + 1 == n { 3 } else { 4 }))
            .collect::<Vec<_>>()
            .join(" "),
        Lang::Ru => steps
            .iter()
            .rev()
            .map(|s| {
                let short = match s.kind {
                    UnitKind::Article => "ст.",
                    UnitKind::Paragraph => "п.",
                    UnitKind::Subparagraph => "пп.",
                    UnitKind::Part => "абз.",
                    UnitKind::Chapter => "гл.",
                    UnitKind::Section => "разд.",
                    _ => s.noun.ru[0],
                };
                match (s.kind, s.num.is_empty()) {
                    (_, true) => short.to_string(),
                    (UnitKind::Subparagraph, false) => format!("{short} {})", s.num),
                    _ => format!("{short} {}", s.num),
                }
            })
            .collect::<Vec<_>>()
            .join(" "),
    })
}

/// Unit `eid` cited in `lang` as an act cites a provision of its own: `осы актінің 30-бабының
/// 2-тармағының 2) тармақшасы`, `подпункт 2) пункта 2 статьи 30 настоящего акта`.
pub(crate) fn provision_of_this_act(eid: &str, lang: Lang) -> String {
    match lang {
        Lang::Kk => {
            let steps = steps(eid);
            let last = steps.len().saturating_sub(1);
            let named: Vec<String> = steps
                .iter()
                .enumerate()
                .map(|(i, s)| kk_step(s, if i == last { 3 } else { 4 }))
                .collect();
            format!("осы актінің {}", named.join(" "))
        }
        Lang::Ru => format!("{} настоящего акта", unit_named_ru(eid)),
    }
}

/// Unit `eid` named in Russian as the subject, lower case (`пункт 2 статьи 67`).
pub(crate) fn unit_named_ru(eid: &str) -> String {
    named(eid, Lang::Ru, Case::Subject)
}

/// Unit `eid` of an act named in Kazakh after the act's genitive (`осы актінің …`), as what
/// something is done under: every step in the possessive, the unit itself in the dative
/// (`67-бабының 2-тармағына`).
pub(crate) fn unit_of_act_dative_kk(eid: &str) -> String {
    let steps = steps(eid);
    let last = steps.len().saturating_sub(1);
    steps
        .iter()
        .enumerate()
        .map(|(i, s)| kk_step(s, if i == last { 5 } else { 4 }))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Unit `eid` named in `lang` for role `case`.
fn named(eid: &str, lang: Lang, case: Case) -> String {
    let mut steps = steps(eid);
    if steps.is_empty() {
        steps.push(Step {
            noun: ACT,
            num: String::new(),
            kind: UnitKind::Other,
        });
    }
    let last = steps.len() - 1;
    match lang {
        Lang::Kk => {
            // The first in the genitive, those between in the possessive genitive, the unit
            // itself in the possessive (or plain when alone) in the form its role asks.
            let own = match case {
                Case::Subject => 0,
                Case::Into => 2,
                Case::Whose => 1,
            };
            steps
                .iter()
                .enumerate()
                .map(|(i, s)| {
                    let form = match (i == 0, i == last) {
                        (true, true) => own,
                        (true, false) => 1,
                        (false, false) => 4,
                        (false, true) => own + 3,
                    };
                    kk_step(s, form)
                })
                .collect::<Vec<_>>()
                .join(" ")
        }
        Lang::Ru => {
            let own = match case {
                Case::Subject => 0,
                Case::Into => 2,
                Case::Whose => 1,
            };
            steps
                .iter()
                .rev()
                .enumerate()
                .map(|(i, s)| ru_step(s, if i == 0 { own } else { 1 }))
                .collect::<Vec<_>>()
                .join(" ")
        }
    }
}

/// The gender of the unit `eid` names, for the Russian verb.
fn gender(eid: &str) -> Gender {
    steps(eid).pop().map_or(ACT.ru_gender, |s| s.noun.ru_gender)
}

/// A Russian past participle or short verb with the ending `gender` asks: `исключен`,
/// `исключена`, `исключено`.
fn agreed(stem: &str, masculine: &str, feminine: &str, neuter: &str, g: Gender) -> String {
    let ending = match g {
        Gender::Masculine => masculine,
        Gender::Feminine => feminine,
        Gender::Neuter => neuter,
    };
    format!("{stem}{ending}")
}

/// What `action` did to `eid`, as a sentence in `lang` without its end.
fn what_was_done(eid: &str, action: AmendAction, lang: Lang) -> String {
    let s = match lang {
        Lang::Kk => {
            let subject = || named(eid, lang, Case::Subject);
            match action {
                AmendAction::NewWording => format!("{} жаңа редакцияда жазылды", subject()),
                AmendAction::Inserted => format!("{} енгізілді", subject()),
                AmendAction::Deleted => format!("{} алып тасталды", subject()),
                AmendAction::Changed => {
                    format!("{} өзгерістер енгізілді", named(eid, lang, Case::Into))
                }
                AmendAction::Repealed => format!("{} күшін жойды", subject()),
                // A heading rewritten and a heading amended alike: the notes say
                // `тақырыбы жаңа редакцияда` and `тақырыбына өзгеріс енгізілді`.
                AmendAction::Renamed => {
                    format!("{} тақырыбы өзгертілді", named(eid, lang, Case::Whose))
                }
                AmendAction::Prospective => format!(
                    "{} өзгерістер енгізілетін болады",
                    named(eid, lang, Case::Into)
                ),
            }
        }
        Lang::Ru => {
            let g = gender(eid);
            let subject = || named(eid, lang, Case::Subject);
            match action {
                AmendAction::NewWording => format!(
                    "{} {} в новой редакции",
                    subject(),
                    agreed("изложен", "", "а", "о", g)
                ),
                AmendAction::Inserted => {
                    format!("{} {}", subject(), agreed("введен", "", "а", "о", g))
                }
                AmendAction::Deleted => {
                    format!("{} {}", subject(), agreed("исключен", "", "а", "о", g))
                }
                AmendAction::Changed => {
                    format!("в {} внесены изменения", named(eid, lang, Case::Into))
                }
                AmendAction::Repealed => {
                    format!("{} {} силу", subject(), agreed("утратил", "", "а", "о", g))
                }
                AmendAction::Renamed => {
                    format!("заголовок {} изменен", named(eid, lang, Case::Whose))
                }
                AmendAction::Prospective => {
                    format!("в {} будут внесены изменения", named(eid, lang, Case::Into))
                }
            }
        }
    };
    crate::text::capitalized(&s)
}

/// From when a change is in force, in `lang`; an estimate is said to be one.
fn since(effective: Option<&EffectiveDate>, lang: Lang) -> String {
    match (effective, lang) {
        (None, Lang::Kk) => "күшіне енген күні белгісіз".to_string(),
        (None, Lang::Ru) => "дата вступления в силу неизвестна".to_string(),
        (Some(e), Lang::Kk) if e.estimated => format!("шамамен {} бастап", dotted(e.date)),
        (Some(e), Lang::Kk) => format!("{} бастап", dotted(e.date)),
        (Some(e), Lang::Ru) if e.estimated => format!("примерно с {}", dotted(e.date)),
        (Some(e), Lang::Ru) => format!("с {}", dotted(e.date)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_action_reads_as_a_sentence_in_each_language() {
        let kk = |eid: &str, a| what_was_done(eid, a, Lang::Kk);
        let ru = |eid: &str, a| what_was_done(eid, a, Lang::Ru);
        assert_eq!(
            kk("art_12", AmendAction::Changed),
            "12-бапқа өзгерістер енгізілді"
        );
        assert_eq!(
            ru("art_12", AmendAction::Changed),
            "В статью 12 внесены изменения"
        );
        assert_eq!(
            kk("att_1__annex_3", AmendAction::Renamed),
            "1-қосымшаның 3-қосымшасының тақырыбы өзгертілді"
        );
        assert_eq!(
            ru("att_1__annex_3", AmendAction::Renamed),
            "Заголовок приложения 3 приложения 1 изменен"
        );
        assert_eq!(
            kk("att_1__para_14-1", AmendAction::Inserted),
            "1-қосымшаның 14-1-тармағы енгізілді"
        );
        assert_eq!(
            ru("att_1__para_14-1", AmendAction::Inserted),
            "Пункт 14-1 приложения 1 введен"
        );
        assert_eq!(
            kk("preamble", AmendAction::NewWording),
            "Преамбула жаңа редакцияда жазылды"
        );
        assert_eq!(
            ru("preamble", AmendAction::NewWording),
            "Преамбула изложена в новой редакции"
        );
        assert_eq!(
            ru("art_5__para_2__subpara_1", AmendAction::Repealed),
            "Подпункт 1) пункта 2 статьи 5 утратил силу"
        );
        assert_eq!(
            kk("art_5__para_2__subpara_1", AmendAction::Repealed),
            "5-баптың 2-тармағының 1) тармақшасы күшін жойды"
        );
        assert_eq!(
            kk("", AmendAction::NewWording),
            "Акт жаңа редакцияда жазылды"
        );
        assert_eq!(ru("", AmendAction::Deleted), "Акт исключен");
        assert_eq!(ru("chp_2", AmendAction::Deleted), "Глава 2 исключена");
        assert_eq!(
            ru("att_1__annex_2", AmendAction::Deleted),
            "Приложение 2 приложения 1 исключено"
        );
    }

    #[test]
    fn an_estimated_or_unknown_date_says_so() {
        let d = |estimated| EffectiveDate {
            date: chrono::NaiveDate::from_ymd_opt(2025, 12, 15).expect("date"),
            estimated,
            basis: String::new(),
        };
        assert_eq!(since(Some(&d(true)), Lang::Kk), "шамамен 15.12.2025 бастап");
        assert_eq!(since(Some(&d(true)), Lang::Ru), "примерно с 15.12.2025");
        assert_eq!(since(None, Lang::Kk), "күшіне енген күні белгісіз");
        assert_eq!(since(None, Lang::Ru), "дата вступления в силу неизвестна");
    }
}
