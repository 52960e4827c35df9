//! Effective rules (`… күнтізбелік он күн өткен соң қолданысқа енгізіледі`, `01.01.2026 бастап`)
//! and the dates they give.
//!
//! A rule counted from first official publication needs the publication date, which the texts
//! do not print. It comes from `Act::publication_date` (a sidecar `NAME.meta.toml`); without it
//! the date is estimated from the signing date and marked so, with the assumption in `basis`.

use crate::analysis::numerals::value_in as number_words;
use crate::model::{EffectiveDate, EffectiveRule};
use crate::text::{find_dates, find_dates_with_words};
use chrono::{Days, NaiveDate};
use regex::Regex;
use std::sync::LazyLock;

/// `… күнтізбелік он күн өткен соң`; also `күнтезбелік`, as some Shymkent decisions of 2019–2020
/// print it (`… күнінен кейін күнтезбелік он күн өткен соң қолданысқа енгізіледі`).
static DAYS_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)күнт[іе]збелік\s+((?:[а-яәіңғүұқөһё]+\s+)?[а-яәіңғүұқөһё0-9]+)\s+күн\w*\s+өткен",
    )
    .expect("static regex")
});

/// The count before `күнтізбелік`: `… жариялаған күннен кейін он күнтізбелік күн өткен соң`.
static DAYS_BEFORE_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)((?:[а-яәіңғүұқөһё]+\s+)?[а-яәіңғүұқөһё0-9]+)\s+күнт[іе]збелік\s+күн\w*\s+өткен",
    )
    .expect("static regex")
});

/// A Russian date in words: `6 мая 1999 г.`, `19 июня 2007 года`, `1 января 2023`.
/// `по истечении десяти календарных дней` / `по истечении 10 календарных дней`.
/// `жарияланған күнінен кейін алты ай өткен соң`: months after publication.
static MONTHS_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)((?:[а-яәіңғүұқөһё]+\s+)?[а-яәіңғүұқөһё0-9]+)\s+ай\s+өткен")
        .expect("static regex")
});

/// `по истечении шести месяцев после дня его первого официального опубликования`.
static RU_MONTHS_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)по\s+истечении\s+([а-яё0-9]+(?:\s+[а-яё0-9]+)?)\s+месяц")
        .expect("static regex")
});

/// `… жарияланған күнінен кейін`, `… жариялаған күннен кейін`, `… жарияланғаннан кейін`:
/// after the day of publication (lowercased text).
static KK_DAY_AFTER_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"жариял\w*\s+(?:күнінен|күннен)\s+кейін|жарияланғаннан\s+кейін")
        .expect("static regex")
});

/// `после дня его первого официального опубликования` (lowercased text).
static RU_DAY_AFTER_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"после\s+дня\s+(?:\w+\s+){0,3}опубликования").expect("static regex")
});

/// `со дня государственной регистрации`, `с момента регистрации в органах юстиции`: from the
/// act's state registration (lowercased text).
static RU_REGISTRATION_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:со\s+дня|с\s+момента|с\s+даты)\s+(?:его\s+|е[её]\s+)?(?:государственной\s+)?регистрации")
        .expect("static regex")
});

/// `мемлекеттік тіркелген күнінен бастап`, `әділет органдарда тіркелген күннен бастап`,
/// `мемлекеттік тіркеуден өткен күнінен бастап`: from the act's state registration
/// (lowercased text).
static KK_REGISTRATION_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:тіркелген|тіркеуден\s+өткен)\s+(?:күн\w*|кезден)\s+бастап")
        .expect("static regex")
});

static RU_DAYS_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)по\s+истечении\s+([а-яё0-9]+(?:\s+[а-яё0-9]+)?)\s+(?:календарн[а-яё]*\s+)?(?:дн|сут)",
    )
    .expect("static regex")
});

/// The Russian wording of an effective rule (`вводится в действие по истечении десяти
/// календарных дней после дня его первого официального опубликования`, `… с 01.01.2023`,
/// `… со дня его первого официального опубликования`), if the text has one.
fn parse_rule_ru(t: &str, lower: &str) -> Option<EffectiveRule> {
    if let Some(c) = RU_DAYS_RE.captures(t) {
        if let Some(days) = c.get(1).and_then(|m| number_words(m.as_str())) {
            return Some(EffectiveRule::DaysAfterPublication { days });
        }
    }
    if let Some(c) = RU_MONTHS_RE.captures(t) {
        if let Some(months) = c.get(1).and_then(|m| number_words(m.as_str())) {
            return Some(EffectiveRule::MonthsAfterPublication { months });
        }
    }
    let commences = [
        "вводится в действие",
        "вводятся в действие",
        "вступает в силу",
        "вступают в силу",
        "введен",
        "действует с",
    ]
    .iter()
    .any(|w| lower.contains(w));
    if commences && !lower.contains("опубликования") && !lower.contains("подписания")
    {
        if let Some((date, _)) = find_dates_with_words(t).into_iter().next() {
            return Some(EffectiveRule::OnDate { date });
        }
    }
    // `вводится в действие после дня его первого официального опубликования`: the day after
    // it (a count of days, caught above, reads `по истечении N … дней после дня …`).
    if commences && !lower.contains("истечени") && RU_DAY_AFTER_RE.is_match(lower) {
        return Some(EffectiveRule::DaysAfterPublication { days: 1 });
    }
    if commences && lower.contains("опубликования") {
        return Some(EffectiveRule::OnPublication);
    }
    // `вводится в действие со дня государственной регистрации в Министерстве юстиции`,
    // `вступает в силу с момента регистрации в органах юстиции`: a count from publication or
    // a publication day in the same clause, read above, is when it is brought into effect.
    if commences && RU_REGISTRATION_RE.is_match(lower) {
        return Some(EffectiveRule::OnRegistration);
    }
    if commences && lower.contains("подписания") {
        return Some(EffectiveRule::OnSigning);
    }
    // A note's parenthesis may give the rule without a verb: `Законом РК от 27 июля 2007 года
    // № 315 (со дня официального опубликования)`.
    let bare = lower.trim_start_matches(['(', ' ']);
    if bare.starts_with("со дня") || bare.starts_with("с момента") {
        if bare.contains("опубликования") {
            return Some(EffectiveRule::OnPublication);
        }
        if bare.contains("подписания") {
            return Some(EffectiveRule::OnSigning);
        }
        if RU_REGISTRATION_RE.is_match(bare) {
            return Some(EffectiveRule::OnRegistration);
        }
    }
    None
}

/// A note's bracket that gives the amending act's commencement by reference to a provision of
/// that act: `порядок введения в действие см. ст. 2`, `… см. статью 2`, `… см. ст.2 Закона`,
/// `… см. п. 2`, the bare `см. ст. 2`; `қолданысқа енгізілу тәртібін 2-баптан қараңыз`, `…
/// 2-тармақтан қараңыз` (printed `2-тармақтанқараңыз` too).
static REFERENCE_RU_RE: LazyLock<Regex> = LazyLock::new(|| {
    use crate::model::citation::codes::{kind_alternation, KindCase};
    use crate::model::ActKind::{Decision, Decree, Law, Order, Resolution};
    let kinds = kind_alternation(
        crate::model::Lang::Ru,
        KindCase::Genitive,
        &[Law, Decision, Resolution, Order, Decree],
    );
    Regex::new(&format!(r"(?i)^\(?\s*(?:порядок\s+введения\s+в\s+действие\s+)?см\.?\s*(ст\.?|стать[юи]|п\.?|пункт)\s*([0-9]+(?:-[0-9]+)?)(?:\s+(?:{kinds})\b[^()]*)?\s*\)?\s*$"))
        .expect("static regex")
});
static REFERENCE_KK_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)қолданысқа\s+енгізілу\s+тәртібін\s+([0-9]+(?:-[0-9]+)?)-(бап|тармақ)\S*?\s*қараңыз",
    )
    .expect("static regex")
});

/// The rule of a note's bracket that names, instead of a day, the provision of the amending
/// act that gives it ([`EffectiveRule::InAmendingAct`]); `None` for any other bracket.
pub(crate) fn rule_by_reference(text: &str) -> Option<EffectiveRule> {
    let t = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if let Some(c) = REFERENCE_KK_RE.captures(&t) {
        return Some(EffectiveRule::InAmendingAct {
            number: c[1].to_string(),
            paragraph: c[2].to_lowercase() == "тармақ",
            in_corpus: false,
        });
    }
    let c = REFERENCE_RU_RE.captures(t.trim())?;
    Some(EffectiveRule::InAmendingAct {
        number: c[2].to_string(),
        paragraph: c[1].to_lowercase().starts_with('п'),
        in_corpus: false,
    })
}

/// Russian words tying a commencement to another act, right after the commencing words:
/// `вводится в действие в соответствии с Законом РК от 25.12.2017 № 121-VІ`, `… одновременно
/// с введением в действие Кодекса …`, `… со дня введения в действие Закона …`; the group is
/// what names the other act.
static RU_TIED_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)вв[оe]д[ия]тся\s+в\s+действие\s+(?:в\s+соответствии\s+с|одновременно\s+с\s+(?:введением|вводом)\s+в\s+действие|со\s+дня\s+(?:введения|ввода)\s+в\s+действие)\s+(\S.*)$")
        .expect("static regex")
});

/// Kazakh words tying a commencement to another act, right before the commencing words: `…
/// ҚР 25.12.2017 № 121-VI Заңына сәйкес қолданысқа енгізіледі`, `… Кодексі қолданысқа
/// енгізілген күннен бастап қолданысқа енгізіледі`, `… бір мезгілде қолданысқа енгізіледі`;
/// the group is what precedes them, the other act last.
static KK_TIED_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(.*\S)\s+(?:сәйкес|қолданысқа\s+енгізілген\s+күн(?:нен|інен)\s+бастап|(?:қолданысқа\s+енгізілуімен\s+)?бір\s+мезгілде)\s+қолданысқа\s+енгізіл")
        .expect("static regex")
});

/// The words naming the other act of a commencement tied to one (see [`RU_TIED_RE`],
/// [`KK_TIED_RE`]) and their language: Russian words open with the act's kind word (`Законом
/// РК …`, `Кодекса …`), Kazakh ones end with it (`… Заңына`, `… Кодексі`): a provision of the
/// act itself (`в соответствии с пунктом 3 настоящего решения`, `осы шешімнің 3-тармағына
/// сәйкес`) ties it to no other act.
pub(crate) fn tied_words(text: &str) -> Option<(&str, crate::model::Lang)> {
    use crate::model::citation::codes::kind_named;
    use crate::model::Lang;
    if let Some(c) = RU_TIED_RE.captures(text) {
        let words = c.get(1)?.as_str();
        let own = crate::structure::lowercase(words).contains("настоящ");
        return (kind_named(Lang::Ru, words).is_some() && !own).then_some((words, Lang::Ru));
    }
    let c = KK_TIED_RE.captures(text)?;
    let words = c.get(1)?.as_str();
    let last = words.rsplit(char::is_whitespace).next()?;
    kind_named(Lang::Kk, last).map(|_| (words, Lang::Kk))
}

/// `text` as the clock's readers read it: its whitespace collapsed, and the Latin letters
/// printed inside Cyrillic words (`күнiнен кейiн … енгiзiледi`, as many Kazakh texts of the
/// mirror print them) read as the Cyrillic ones they look like, so that one spelling of each
/// pattern reads both. Labels the readers return are words of this text, not of the unit's.
pub(crate) fn clock_words(text: &str) -> String {
    let t = text.split_whitespace().collect::<Vec<_>>().join(" ");
    crate::text::fold_lookalikes(&t).into_owned()
}

/// Reads the effective rule of a clause such as the parenthesis of a note or an act's own
/// commencement paragraph. A clause tying the commencement to another act gives no rule here
/// (the dates it prints are that act's): the amend stage reads the tie.
pub fn parse_rule(text: &str) -> EffectiveRule {
    // Kazakh words printed with a Latin `i` (`күнтiзбелiк`) read as with `і`: the look-alike
    // fold of `clock_words` makes them Cyrillic.
    let t = clock_words(text);
    if tied_words(&t).is_some() {
        return EffectiveRule::Unknown;
    }
    let lower = crate::structure::lowercase(&t);
    if let Some(c) = DAYS_RE.captures(&t).or_else(|| DAYS_BEFORE_RE.captures(&t)) {
        if let Some(days) = c.get(1).and_then(|m| number_words(m.as_str())) {
            return EffectiveRule::DaysAfterPublication { days };
        }
    }
    if lower.contains("жарияланған") {
        if let Some(c) = MONTHS_RE.captures(&t) {
            if let Some(months) = c.get(1).and_then(|m| number_words(m.as_str())) {
                return EffectiveRule::MonthsAfterPublication { months };
            }
        }
    }
    // `… қол қойылған күнінен бастап қолданысқа енгізіледі және 2022 жылғы 10 желтоқсаннан
    // бастап туындаған құқықтық қатынастарға қолданылады`: in force from the signing; the day
    // is the reach back of its application, not its commencement.
    if lower.contains("қол қойылған күнінен бастап") {
        return EffectiveRule::OnSigning;
    }
    // `қолданысқа енеді` is printed for `қолданысқа енгізіледі` too.
    let commences = lower.contains("енгізіледі")
        || lower.contains("күшіне енеді")
        || lower.contains("қолданысқа енеді");
    if lower.contains("бастап") || commences {
        // `01.01.2027 бастап`, `2027 жылғы 1 қаңтардан бастап`.
        let date = find_dates(&t)
            .into_iter()
            .next()
            .map(|(d, _)| d)
            .or_else(|| crate::text::parse_date(&t).filter(|_| lower.contains("жыл")));
        if let Some(date) = date {
            return EffectiveRule::OnDate { date };
        }
    }
    // `алғашқы ресми жарияланған күнінен кейін қолданысқа енгізіледі` with no count is the
    // Russian `после дня его первого официального опубликования`: the day after it.
    if commences && !lower.contains("өткен") && KK_DAY_AFTER_RE.is_match(&lower) {
        return EffectiveRule::DaysAfterPublication { days: 1 };
    }
    if lower.contains("жарияланған") && (lower.contains("бастап") || commences) {
        return EffectiveRule::OnPublication;
    }
    // `Осы бұйрық … мемлекеттік тіркелген күнінен бастап қолданысқа енгізіледі`, `… әділет
    // органдарда тіркелген күннен бастап күшіне енеді`: a count from publication in the same
    // clause (`… күшіне енеді және … он күн өткен соң қолданысқа енгізіледі`) was read above.
    if KK_REGISTRATION_RE.is_match(&lower) && commences {
        return EffectiveRule::OnRegistration;
    }
    if lower.contains("қол қойылған") {
        return EffectiveRule::OnSigning;
    }
    parse_rule_ru(&t, &lower).unwrap_or(EffectiveRule::Unknown)
}

/// The words that say a clause commences something: Russian `вводится в действие`,
/// `вступает в силу`, Kazakh `қолданысқа енгізіледі`, `күшіне енеді`, `қолданысқа енеді` (a
/// decision of the Astana maslikhat of 09.07.2008 № 117/18-IV), in any number.
static COMMENCES_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)вв[оe]д[ия]тся\s+в\s+действие|вступа[ею]т\s+в\s+силу|қолданысқа\s+енгізіл[еу]\w*|(?:күшіне|қолданысқа)\s+ен[еу]\w*",
    )
    .expect("static regex")
});

/// Russian `за исключением` with the list it opens (up to the commencing words of the same
/// clause, or its end).
static RU_EXCEPT_RE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i),?\s*за\s+исключением\s*:?\s*").expect("static regex"));

/// The words naming the act itself at a clause's start (`Настоящий Закон`, `Осы бұйрық`,
/// `Осы Заңның`), which leave the subject the whole act unless units follow.
static SELF_RE: LazyLock<Regex> = LazyLock::new(|| {
    // Any kind but a disposition, which never names itself so.
    let kinds = crate::model::citation::codes::kind_stem_alternation(None, false, |k| {
        k != crate::model::ActKind::Disposition
    });
    Regex::new(&format!(
        r"(?i)^(?:[0-9]+[.)]\s*)?(?:настоящ\w+|осы)\s+(?:\w+\s+){{0,2}}?(?:(?:{kinds})\w*|нормативтік\s+құқықтық\s+акт\w*|нормативн\w+\s+правов\w+\s+акт\w*)",
    ))
    .expect("static regex")
});

/// Russian relative and filler words around a list of units (`, которая`, `, которые`,
/// `настоящего Закона`).
static RU_FILLER_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i),?\s*котор\w+\s*$|\s*настоящ\w+\s+\w+\s*$|^\s*[0-9]+[.)]\s+")
        .expect("static regex")
});

/// Whether a unit's text (its number stripped) is an act's own commencement clause: it names
/// the act itself (`Настоящий Закон`, `Осы бұйрық`) and commences it (`вводится в действие`,
/// `қолданысқа енгізіледі`).
pub fn is_commencement(text: &str) -> bool {
    let folded = crate::text::fold_lookalikes(text);
    let t = folded.trim_start();
    SELF_RE.is_match(t) && COMMENCES_RE.is_match(t)
}

/// An end an act sets itself: `действует до`, `утрачивает силу`, Kazakh `… дейін
/// қолданылады`, `күшін жояды`.
static ENDS_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)действу[ею]т\s+до|применя[ею]тся\s+до|утрачива[ею]т\s+силу|дейін\s+(?:қолданыл|қолданыста|әрекет)\w*|күшін\s+жояды",
    )
    .expect("static regex")
});

/// Whether a unit's text (its number stripped or not) is an act's own clause of taking effect
/// ([`is_commencement`]) or of ending (`Настоящее постановление действует до 31 декабря 2026
/// года`, `Осы шешім 2026 жылғы 31 желтоқсанға дейін қолданылады`).
///
/// A unit printing its article's heading line first (an article that is one unit, in a law
/// whose articles are bold lines: «Статья 26. Порядок введения в действие настоящего Закона»
/// above «Настоящий Закон вводится в действие …») is read past that line.
pub fn is_own_clock(text: &str) -> bool {
    // Folding keeps the lines: the heading line is still the first.
    let folded = crate::text::fold_lookalikes(text);
    let t = past_heading_line(folded.trim_start(), None).trim_start();
    SELF_RE.is_match(t) && (COMMENCES_RE.is_match(t) || ENDS_RE.is_match(t))
}

/// `text` past its first line when that line is an article's heading: it ends with the
/// article's `heading` (when known), or it opens with the article's number as a heading does
/// (`Статья 31.`, `31-бап.`, bold or not). Any other text is returned whole.
pub(crate) fn past_heading_line<'a>(text: &'a str, heading: Option<&str>) -> &'a str {
    let heading = heading.map(str::trim).unwrap_or("");
    let is_heading = |first: &str| {
        let first = first.trim().trim_matches('*');
        (!heading.is_empty() && first.ends_with(heading))
            || first.starts_with("Статья ")
            || first.split_once("-бап.").is_some_and(|(n, _)| {
                !n.is_empty() && n.chars().all(|c| c.is_ascii_digit() || c == '-')
            })
    };
    match text.split_once('\n') {
        Some((first, rest)) if is_heading(first) => rest,
        _ => text,
    }
}

/// One part of an act's commencement clause: the units it names (empty: the whole act, the
/// units other parts name aside) and the rule by which they take effect.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommencementPart {
    /// The units as printed (`статьи 12`, `3-баптың 2-тармағы`), each a label of its own;
    /// empty for the whole act.
    pub labels: Vec<String>,
    /// Their rule; [`EffectiveRule::Unknown`] for units an exception names whose rule the
    /// clause does not print.
    pub rule: EffectiveRule,
}

/// Reads an act's commencement clause (its final article, whole), in either language: the
/// whole act's rule and each unit's own (`Настоящий Закон вводится в действие по истечении
/// шестидесяти календарных дней …, за исключением статьи 12, которая вводится в действие с 1
/// января 2027 года`; `Осы Заң, 12-бапты қоспағанда, … қолданысқа енгізіледі`; `2. Статья 12
/// вводится в действие с …`). Clauses that commence nothing give nothing.
pub fn parse_commencement(text: &str) -> Vec<CommencementPart> {
    let t = clock_words(text);
    let mut out: Vec<CommencementPart> = Vec::new();
    // The units the whole act's clause excepts, waiting for a rule of their own.
    let mut excepted: Vec<String> = Vec::new();
    for clause in clauses(&t) {
        let Some(verb) = COMMENCES_RE.find(clause) else {
            continue;
        };
        let lower = crate::structure::lowercase(clause);
        // Kazakh participles name the units after them: `2027 жылғы 1 қаңтардан бастап
        // қолданысқа енгізілетін 6-баптың 1-тармағының 7) және 8) тармақшаларын`.
        let mut from = 0;
        for m in COMMENCES_RE.find_iter(clause) {
            let w = crate::structure::lowercase(m.as_str());
            if !(w.ends_with("етін") || w.ends_with("етiн")) {
                continue;
            }
            let labels = split_labels(&unit_words(past_own_name(&clause[m.end()..])));
            if !labels.is_empty() {
                out.push(CommencementPart {
                    labels,
                    rule: parse_rule(&clause[from..m.end()]),
                });
            }
            from = m.end();
        }
        if from > 0 {
            // What the participles named is excepted already; the whole act's rule follows
            // `қоспағанда`, when this clause has it.
            if let Some(pos) = lower.find("қоспағанда") {
                let rest = &clause[pos + "қоспағанда".len()..];
                if COMMENCES_RE.is_match(rest) {
                    out.push(CommencementPart {
                        labels: Vec::new(),
                        rule: parse_rule(rest),
                    });
                }
            }
            continue;
        }
        if lower.contains("қоспағанда") {
            // Kazakh: `Осы Заң, 12-бапты қоспағанда, …`; the exception lies between the
            // comma (or the act's name) before it and the word.
            let pos = lower.find("қоспағанда").unwrap_or(0);
            let (before, after) = (&clause[..pos], &clause[pos + "қоспағанда".len()..]);
            let start = before
                .rfind(',')
                .map_or_else(|| SELF_RE.find(before).map_or(0, |m| m.end()), |c| c + 1);
            let listed = before[start..].trim();
            let listed = listed.trim_start_matches(|c: char| c == ':' || c.is_whitespace());
            excepted.extend(split_labels(listed));
            let rest = format!("{} {}", &before[..start], after);
            out.push(CommencementPart {
                labels: Vec::new(),
                rule: parse_rule(&rest),
            });
            continue;
        }
        let (head, tail) = match RU_EXCEPT_RE.find(clause) {
            Some(m) if m.start() > verb.start() => (&clause[..m.start()], Some(&clause[m.end()..])),
            _ => (clause, None),
        };
        let subject = head[..verb.start().min(head.len())].trim();
        let rule = parse_rule(head);
        let labels = subject_labels(subject);
        out.push(CommencementPart { labels, rule });
        if let Some(tail) = tail {
            // `за исключением статьи 12, которая вводится в действие с …`: its own rule.
            match COMMENCES_RE.find(tail) {
                Some(v) => out.push(CommencementPart {
                    labels: split_labels(&RU_FILLER_RE.replace_all(&tail[..v.start()], "")),
                    rule: parse_rule(&tail[v.start()..]),
                }),
                None => excepted.extend(split_labels(tail)),
            }
        }
    }
    // A list item (`1) статьи 12, которая вводится в действие с …`) names its units as the
    // subject of its own clause; an exception no clause gives a rule to keeps `Unknown`.
    for label in excepted {
        if !out.iter().any(|p| p.labels.contains(&label)) {
            out.push(CommencementPart {
                labels: vec![label],
                rule: EffectiveRule::Unknown,
            });
        }
    }
    out.retain(|p| !p.labels.is_empty() || p.rule != EffectiveRule::Unknown);
    out
}

/// The clauses of a commencement article: split at `;`, at `:` before a list, and at a
/// sentence's end (a dot after a word or a year, before a capital or a number), never inside
/// a date (`01.01.2027`) or a number (`2-1.`).
fn clauses(t: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = t.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        let next = chars.get(k + 1).map(|x| x.1);
        let after = chars.get(k + 2).map(|x| x.1);
        let end = match c {
            ';' => true,
            ':' => next == Some(' '),
            '.' => {
                let prev = if k > 0 { chars[k - 1].1 } else { ' ' };
                next == Some(' ')
                    && after.is_some_and(|a| a.is_uppercase() || a.is_ascii_digit())
                    && (prev.is_alphabetic() || prev == ')' || prev == '»')
            }
            _ => false,
        };
        if end {
            out.push(&t[start..i]);
            start = i + c.len_utf8();
        }
    }
    out.push(&t[start..]);
    out.into_iter()
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .collect()
}

/// The units the subject of a commencing clause names: none when it is the act itself
/// (`Настоящий Закон`, `Осы бұйрық`); else its labels (`Статья 12`, `Осы Заңның 12-бабы`,
/// `1) статьи 12, которая`).
fn subject_labels(subject: &str) -> Vec<String> {
    let rest = match SELF_RE.find(subject) {
        Some(m) => &subject[m.end()..],
        None => subject,
    };
    let rest = RU_FILLER_RE.replace_all(rest.trim(), "");
    // What is left of the Kazakh rule's words before the verb (`2027 жылғы 1 қаңтардан
    // бастап`, `алғашқы ресми …`) is no label: only the units' words are kept.
    split_labels(&unit_words(&rest))
}

/// The words after a Kazakh participle past the act's own name before its units («осы
/// Заңның 18-бабының 8-тармағын» → «18-бабының 8-тармағын»).
fn past_own_name(s: &str) -> &str {
    static OWN: LazyLock<Regex> = LazyLock::new(|| {
        let kinds = crate::model::citation::codes::kind_stem_alternation(None, false, |k| {
            k != crate::model::ActKind::Disposition
        });
        Regex::new(&format!(r"(?i)^\s*осы\s+(?:{kinds})\w*\s+")).expect("static regex")
    });
    OWN.find(s).map_or(s, |m| &s[m.end()..])
}

/// The leading stretch of `s` that names units (`12-бабы`, `3-баптың 2-тармағы`, `статьи 12
/// и 14`, `пункта 3 статьи 5`), without what follows.
fn unit_words(s: &str) -> String {
    static KK: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"^(?:(?:[0-9]+(?:-[0-9]+)*\)?\s*-?\s*(?:баб|бап|тармақ|тармағ|тарау|бөлім|параграф|қосымша)\S*|[0-9]+(?:-[0-9]+)*\)\s*(?:,|және|мен|бен|пен))(?:\s*,\s*|\s+(?:және|мен|бен|пен)\s+|\s+)?)+",
        )
        .expect("static regex")
    });
    static RU: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)^(?:(?:подпункт|пункт|стать|глав|част|раздел|параграф|абзац|приложени)\S*\s+(?:[0-9]+(?:-[0-9]+)*\)?|[IVXLC]+\b|перв\S*|втор\S*|трет\S*|четв[её]рт\S*|пят\S*)(?:\s*,\s*|\s+и\s+|\s+)?(?:[0-9]+(?:-[0-9]+)*\)?(?:\s*,\s*|\s+и\s+|\s+)?)*)+",
        )
        .expect("static regex")
    });
    let s = s.trim();
    [&*KK, &*RU]
        .iter()
        .find_map(|re| re.find(s))
        .map(|m| m.as_str().trim().trim_end_matches(',').trim().to_string())
        .unwrap_or_default()
}

/// A list of units split into one label each (`статьи 5 и 6` → `статьи 5`, `статьи 6`;
/// `12, 14-баптар` → `12-баптар`, `14-баптар`): the caller resolves each to a unit.
fn split_labels(s: &str) -> Vec<String> {
    // Russian: `подпунктов 7) и 8) пункта 1 статьи 6` → each number with the kind word before
    // and the units after; chunks start at a kind word (`…, статьи 11, подпункта 2) …`).
    static RU_CHUNK: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(подпункт|пункт|стать|глав|раздел|приложени)\S*\s+([0-9]+(?:-[0-9]+)*\)?(?:(?:\s*,\s*|\s+и\s+)[0-9]+(?:-[0-9]+)*\)?)*)((?:\s+(?:подпункт|пункт|стать|глав|раздел)\S*\s+[0-9]+(?:-[0-9]+)*\)?)*)(?:\s|,|$)")
            .expect("static regex")
    });
    // Kazakh: `6-баптың 1-тармағының 7) және 8) тармақшалары` → the units before, each number,
    // the kind word after.
    static KK_CHUNK: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)((?:[0-9]+(?:-[0-9]+)*\s*-\s*(?:баб|бап|тармағ|тарау)[^\s,;]*\s+)*)((?:[0-9]+(?:-[0-9]+)*\)?(?:\s*,\s*|\s+(?:және|мен|бен|пен)\s+)?)+?)\s*-?\s*(бап|баб|тармақша|тармақ|тармағ|тарау|бөлім|қосымша)\S*(?:\s*$|\s*,\s*|\s+(?:және|мен|бен|пен)\s+)")
            .expect("static regex")
    });
    static NUM: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"[0-9]+(?:-[0-9]+)*\)?").expect("static regex"));
    let s = s.trim().trim_end_matches([',', '.', ';']).trim();
    let mut out = Vec::new();
    if s.chars()
        .any(|c| matches!(c, 'а'..='я' | 'А'..='Я') && !"әіңғүұқөһ".contains(c))
        && RU_CHUNK.is_match(s)
        && !s.contains("-б")
        && !s.contains("-т")
    {
        for c in RU_CHUNK.captures_iter(s) {
            let kind = crate::structure::lowercase(&c[1]);
            let kind = match kind.as_str() {
                "подпункт" => "подпункт",
                "пункт" => "пункт",
                "стать" => "статья",
                "глав" => "глава",
                "раздел" => "раздел",
                _ => "приложение",
            };
            for n in NUM.find_iter(&c[2]) {
                out.push(
                    format!("{kind} {} {}", n.as_str(), c[3].trim())
                        .trim()
                        .to_string(),
                );
            }
        }
    } else {
        for c in KK_CHUNK.captures_iter(s) {
            let kind = crate::structure::lowercase(&c[3]);
            let kind = match kind.as_str() {
                "баб" | "бап" => "бап",
                "тармағ" | "тармақ" => "тармақ",
                k => k,
            };
            for n in NUM.find_iter(&c[2]) {
                let n = n.as_str();
                let label = if n.ends_with(')') {
                    format!("{}{n} {kind}", &c[1])
                } else {
                    format!("{}{n}-{kind}", &c[1])
                };
                out.push(label);
            }
        }
    }
    if out.is_empty() && s.chars().any(char::is_alphabetic) {
        out.push(s.to_string());
    }
    out
}

/// Turns a rule into a date: exact when the rule fixes it or the publication date is known,
/// estimated (publication assumed on the signing date) when only the signing date is known.
///
/// The day count follows the project's convention: publication (or signing) date + N days.
/// A rule counted from state registration has no registration day here: it is the signing day
/// at the earliest, estimated ([`resolve_act`] reads the act's own registration, which also
/// bounds an unknown publication day from below).
pub fn resolve(
    rule: &EffectiveRule,
    signed: Option<NaiveDate>,
    published: Option<NaiveDate>,
) -> Option<EffectiveDate> {
    resolve_with(rule, signed, published, None)
}

/// [`resolve`] for an act's own rule, with what the act's metadata gives: its signing day, its
/// publication day, and its state registration day (`Зарегистрирован в Министерстве юстиции
/// Республики Казахстан 6 июля 2007 года № 4790` in the requisite, or `registration_date`),
/// which makes a rule from registration exact and, with the publication day unknown, is the
/// earliest day a count from publication can run from (a registered act is published after its
/// registration), still estimated.
pub fn resolve_act(rule: &EffectiveRule, act: &crate::model::Act) -> Option<EffectiveDate> {
    let registered = act.registration.as_ref().and_then(|r| r.date);
    resolve_with(rule, act.date(), act.publication_date, registered)
}

fn resolve_with(
    rule: &EffectiveRule,
    signed: Option<NaiveDate>,
    published: Option<NaiveDate>,
    registered: Option<NaiveDate>,
) -> Option<EffectiveDate> {
    let add = |d: NaiveDate, n: u32| d.checked_add_days(Days::new(u64::from(n)));
    match rule {
        EffectiveRule::OnDate { date } => Some(EffectiveDate {
            date: *date,
            estimated: false,
            basis: format!("fixed date in the text ({date})"),
        }),
        EffectiveRule::OnSigning => signed.map(|d| EffectiveDate {
            date: d,
            estimated: false,
            basis: format!("on signing ({d})"),
        }),
        // An act is registered on its signing day at the earliest: with no registration day
        // known, the signing day stands in, estimated.
        EffectiveRule::OnRegistration => match (registered, signed) {
            (Some(r), _) => Some(EffectiveDate {
                date: r,
                estimated: false,
                basis: format!("state registration {r}"),
            }),
            (None, Some(s)) => Some(EffectiveDate {
                date: s,
                estimated: true,
                basis: format!(
                    "estimated: state registration day unknown, assumed on the signing date {s}"
                ),
            }),
            (None, None) => None,
        },
        // One day is `после дня … опубликования`, `жарияланған күнінен кейін`: the day after.
        EffectiveRule::DaysAfterPublication { days: 1 } => {
            let (p, exact, from) = publication_base(published, registered, signed)?;
            add(p, 1).map(|date| EffectiveDate {
                date,
                estimated: !exact,
                basis: if exact {
                    format!("the day after first official publication {p}")
                } else {
                    format!("estimated: publication date unknown, {from}; the day after")
                },
            })
        }
        EffectiveRule::DaysAfterPublication { days } => {
            let (p, exact, from) = publication_base(published, registered, signed)?;
            add(p, *days).map(|date| EffectiveDate {
                date,
                estimated: !exact,
                basis: if exact {
                    format!("first official publication {p} + {days} calendar days")
                } else {
                    format!("estimated: publication date unknown, {from}; + {days} calendar days")
                },
            })
        }
        EffectiveRule::MonthsAfterPublication { months } => {
            let (p, exact, from) = publication_base(published, registered, signed)?;
            p.checked_add_months(chrono::Months::new(*months))
                .map(|date| EffectiveDate {
                    date,
                    estimated: !exact,
                    basis: if exact {
                        format!("first official publication {p} + {months} months")
                    } else {
                        format!("estimated: publication date unknown, {from}; + {months} months")
                    },
                })
        }
        EffectiveRule::OnPublication => {
            let (p, exact, from) = publication_base(published, registered, signed)?;
            Some(EffectiveDate {
                date: p,
                estimated: !exact,
                basis: if exact {
                    format!("first official publication {p}")
                } else {
                    format!("estimated: publication date unknown, {from}")
                },
            })
        }
        // The day another act gives, read where the corpus holds it.
        EffectiveRule::WithOtherAct { on, .. } => on.clone(),
        // The day is in the amending act: only that act's own clause gives it.
        EffectiveRule::InAmendingAct { .. } | EffectiveRule::Unknown => None,
    }
}

/// The day a count from first official publication runs from: the publication day when known
/// (exact); else the earliest the act can have been published, estimated, with the assumption
/// worded. An act subject to state registration is published after its registration (the Law
/// on Legal Acts of 06.04.2016 № 480-V, articles 38 and 39: a registered act is sent for
/// publication once entered in the register), so its registration day, where known, bounds the
/// publication day from below; without it, the signing day does.
fn publication_base(
    published: Option<NaiveDate>,
    registered: Option<NaiveDate>,
    signed: Option<NaiveDate>,
) -> Option<(NaiveDate, bool, String)> {
    match (published, registered, signed) {
        (Some(p), _, _) => Some((p, true, String::new())),
        // A registration recorded before the signing is a misprint, not a bound.
        (None, Some(r), s) if s.is_none_or(|s| r >= s) => Some((
            r,
            false,
            format!("assumed on the state registration date {r} (published after registration)"),
        )),
        (None, _, Some(s)) => Some((s, false, format!("assumed on the signing date {s}"))),
        (None, _, None) => None,
    }
}

/// The examples of this module's items, run as unit tests (the items are not public).
#[cfg(test)]
mod doc_examples {
    /// Forms of the census (`evals/census`): the count before `күнтізбелік` (a00464), a
    /// note's parenthesis with no verb (104462, line 171); `введен в действие` and a bare `со
    /// дня` elsewhere in a clause are no such rule.
    #[test]
    fn parse_rule_census_forms() {
        use crate::structure::effective::parse_rule;
        use crate::EffectiveRule;
        assert_eq!(
            parse_rule("3. Осы шешім оны алғашқы ресми жариялаған күннен кейін он күнтізбелік күн өткен соң қолданысқа енгізіледі."),
            EffectiveRule::DaysAfterPublication { days: 10 }
        );
        // a00408: from the signing, applied to relations from an earlier day.
        assert_eq!(
            parse_rule("4. Осы қаулы қол қойылған күнінен бастап қолданысқа енгізіледі және 2022 жылғы 10 желтоқсаннан бастап туындаған құқықтық қатынастарға қолданылады."),
            EffectiveRule::OnSigning
        );
        assert_eq!(
            parse_rule("со дня официального опубликования"),
            EffectiveRule::OnPublication
        );
        assert_eq!(
            parse_rule(
                "распространяется на отношения, возникшие со дня официального опубликования"
            ),
            EffectiveRule::Unknown
        );
    }

    /// `қолданысқа енеді` for `қолданысқа енгізіледі`: the Kazakh text of the Astana
    /// maslikhat's decision of 09.07.2008 № 117/18-IV (41560), paragraph 2, is the act's own
    /// commencement clause, read as its Russian twin is.
    #[test]
    fn a_commencement_worded_qoldanysqa_enedi() {
        use crate::structure::effective::{is_commencement, parse_commencement};
        use crate::EffectiveRule;
        let kk = "Осы шешім алғашқы ресми жарияланғаннан кейін күнтізбелік он күн өткен соң қолданысқа енеді.";
        assert!(is_commencement(kk));
        let parts = parse_commencement(&format!("2. {kk}"));
        assert_eq!(parts.len(), 1);
        assert!(parts[0].labels.is_empty());
        assert_eq!(
            parts[0].rule,
            EffectiveRule::DaysAfterPublication { days: 10 }
        );
    }

    /// `после дня его первого официального опубликования` / `жарияланған күнінен кейін` with
    /// no count of days is the day after publication: the notes of the order of 07.10.2019
    /// № 19-42-3.3.17 (135478) on the orders of 25.12.2024 № 24-42-3.3.13 and 13.02.2023
    /// № 23-42-3.3.1, the requisite of the Shymkent decision of 29.03.2019 № 47/382-6с (its
    /// repeal), the note of the Minister of Energy's order of 21.05.2025 № 216-н/қ; beside
    /// them the counts printed after the same words keep their count.
    #[test]
    fn the_day_after_publication() {
        use crate::structure::effective::{parse_rule, resolve};
        use crate::EffectiveRule;
        let after = EffectiveRule::DaysAfterPublication { days: 1 };
        for text in [
            "(алғашқы ресми жарияланған күнінен кейін қолданысқа енгізіледі)",
            "(вводится в действие после дня его первого официального опубликования)",
            "в редакции приказа Министра энергетики РК от 21.05.2025 № 216-н/қ (вводится в действие после дня его первого официального опубликования).",
            "Осы шешім алғашқы ресми жарияланғаннан кейін қолданысқа енгізіледі.",
        ] {
            assert_eq!(parse_rule(text), after, "{text}");
        }
        for (text, days) in [
            ("(алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі)", 10),
            // As the Shymkent maslikhat's decision of 11.12.2019 № 58/506-6с prints it.
            ("4. Осы шешім алғашқы ресми жарияланған күнінен кейін күнтезбелік он күн өткен соң қолданысқа енгізіледі.", 10),
            ("(вводится в действие по истечении десяти календарных дней после дня его первого официального опубликования)", 10),
            ("(вводится в действие по истечении двадцати одного календарного дня после дня его первого официального опубликования)", 21),
        ] {
            assert_eq!(parse_rule(text), EffectiveRule::DaysAfterPublication { days }, "{text}");
        }
        // From publication is the day itself.
        assert_eq!(
            parse_rule("(вводится в действие со дня его первого официального опубликования)"),
            EffectiveRule::OnPublication
        );
        // The order of 25.12.2024, publication unknown: not before ~26.12.2024; published on
        // a known day, the next.
        let day = |m, d| chrono::NaiveDate::from_ymd_opt(2024, m, d);
        let est = resolve(&after, day(12, 25), None).expect("a date");
        assert_eq!(
            (est.date, est.estimated, est.basis.as_str()),
            (
                day(12, 26).expect("a date"),
                true,
                "estimated: publication date unknown, assumed on the signing date 2024-12-25; the day after"
            )
        );
        let known = resolve(&after, day(12, 25), day(12, 30)).expect("a date");
        assert_eq!(
            (known.date, known.estimated),
            (day(12, 31).expect("a date"), false)
        );
    }

    /// From state registration, in the mirror's own words: the order of the Minister of Justice
    /// of 21.06.2007 № 186 (34004), the decision of the akim of Nur-Sultan of 28.01.2020
    /// № 01-2 (139112), the Astana maslikhat decision of 02.05.2002 № 161/30-II (12312), the
    /// order of the Minister of Justice of 08.11.1999 № 87 (4661), each in both languages where
    /// the mirror prints both; a count from publication in the same clause is what brings the
    /// act into effect, and a clause naming no registration is not read as one.
    #[test]
    fn from_state_registration() {
        use crate::structure::effective::{parse_rule, resolve};
        use crate::EffectiveRule;
        for text in [
            "3. Настоящий приказ вводится в действие со дня государственной регистрации в Министерстве юстиции Республики Казахстан.",
            "3. Осы бұйрық Қазақстан Республикасының Әділет министрлігінде мемлекеттік тіркелген күнінен бастап қолданысқа енгізіледі.",
            "5. Настоящее решение вступает в силу, и вводится в действие со дня государственной регистрации в органах юстиции.",
            "5. Осы шешiм әділет органдарда тіркелген күннен бастап күшіне енеді және қолданысқа енгізіледі.",
            "2. Настоящее решение вступает в силу с момента регистрации в органах юстиции.",
            "2. Осы бұйрық Әділет органдарында тіркелген күнінен бастап күшіне енеді.",
            "2. Настоящий приказ вступает в силу со дня государственной регистрации в качестве нормативного правового акта.",
            "2. Осы бұйрық нормативтік құқықтық акті есебінде мемлекеттік тіркелген күнінен бастап күшіне енеді.",
            "(вводится в действие со дня государственной регистрации)",
        ] {
            assert_eq!(parse_rule(text), EffectiveRule::OnRegistration, "{text}");
        }
        // Registration and publication in one clause: in effect by the publication's rule.
        assert_eq!(
            parse_rule("4. Настоящее решение вступает в силу со дня государственной регистрации в органах юстиции и вводится в действие по истечении десяти календарных дней после дня его первого официального опубликования."),
            EffectiveRule::DaysAfterPublication { days: 10 }
        );
        assert_eq!(
            parse_rule("4. Осы шешім әділет органдарында мемлекеттік тіркелген күннен бастап күшіне енеді және алғашқы ресми жарияланғаннан кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі."),
            EffectiveRule::DaysAfterPublication { days: 10 }
        );
        assert_eq!(
            parse_rule("3. Настоящее решение вступает в силу со дня государственной регистрации в органах юстиции и вводится в действие со дня его первого официального опубликования."),
            EffectiveRule::OnPublication
        );
        // Words of registration that commence nothing.
        assert_eq!(
            parse_rule("2. Отделу в установленном законодательством порядке обеспечить государственную регистрацию настоящего приказа в Министерстве юстиции Республики Казахстан."),
            EffectiveRule::Unknown
        );
        // The day: the registration the requisite gives (34004: registered 06.07.2007), else
        // the signing day at the earliest, estimated.
        let day = |m, d| chrono::NaiveDate::from_ymd_opt(2007, m, d).expect("a date");
        let registration = crate::structure::header::registration_in_requisite(
            "Приказ Министра юстиции Республики Казахстан от 21 июня 2007 года № 186. Зарегистрирован в Министерстве юстиции Республики Казахстан 6 июля 2007 года № 4790. Утратил силу приказом Министра внутренних дел Республики Казахстан от 14 марта 2012 года № 141",
        )
        .expect("a registration");
        assert_eq!(
            (registration.number.as_str(), registration.date),
            ("4790", Some(day(7, 6)))
        );
        // The requisites of 12312 (`N 206`) and 4661 (`29.11.99 г. за № 985`).
        let reg = |r: &str| {
            crate::structure::header::registration_in_requisite(r).map(|g| (g.number, g.date))
        };
        assert_eq!(
            reg("Решение маслихата города Астаны от 2 мая 2002 года N 161/30-II. Зарегистрировано управлением юстиции города Астаны 5 июня 2002 года N 206. Утратило силу решением маслихата города Астаны от 24 сентября 2013 года № 175/23-V"),
            Some(("206".into(), chrono::NaiveDate::from_ymd_opt(2002, 6, 5)))
        );
        assert_eq!(
            reg("Приказ Министра юстиции Республики Казахстан от 8 ноября 1999 года № 87 Зарегистрирован в Министерстве юстиции Республики Казахстан 29.11.99 г. за № 985. Утратил силу приказом Министра юстиции Республики Казахстан от 5 апреля 2010 года № 98"),
            Some(("985".into(), chrono::NaiveDate::from_ymd_opt(1999, 11, 29)))
        );
        let exact = super::resolve_with(
            &EffectiveRule::OnRegistration,
            Some(day(6, 21)),
            None,
            registration.date,
        )
        .expect("a date");
        assert_eq!(
            (exact.date, exact.estimated, exact.basis.as_str()),
            (day(7, 6), false, "state registration 2007-07-06")
        );
        let est = resolve(&EffectiveRule::OnRegistration, Some(day(6, 21)), None).expect("a date");
        assert_eq!(
            (est.date, est.estimated, est.basis.as_str()),
            (
                day(6, 21),
                true,
                "estimated: state registration day unknown, assumed on the signing date 2007-06-21"
            )
        );
    }

    /// A registered act is published after its registration: the Almaty oblast maslikhat
    /// decision of 15.12.2020 № 64-340 (150276), «… вводится в действие по истечении десяти
    /// календарных дней после дня его первого официального опубликования» / «… алғашқы ресми
    /// жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі»,
    /// registered on 23.12.2020, publication unknown: not before ~02.01.2021, estimated; a
    /// publication day known counts over it, and with no registration the signing day stands.
    #[test]
    fn a_count_from_publication_runs_from_the_registration_day() {
        use crate::structure::effective::{parse_rule, resolve, resolve_with};
        use crate::EffectiveRule;
        let ten = EffectiveRule::DaysAfterPublication { days: 10 };
        for text in [
            "3. Настоящее решение вступает в силу со дня государственной регистрации в органах юстиции и вводится в действие по истечении десяти календарных дней после дня его первого официального опубликования.",
            "3. Осы шешім әділет органдарында мемлекеттік тіркелген күннен бастап күшіне енеді және алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі.",
        ] {
            assert_eq!(parse_rule(text), ten, "{text}");
        }
        let registered = crate::structure::header::registration_in_requisite(
            "Решение маслихата Алматинской области от 15 декабря 2020 года № 64-340. Зарегистрировано Департаментом юстиции Алматинской области 23 декабря 2020 года № 5834. Утратило силу решением маслихата Алматинской области от 13 августа 2024 года № 25-125",
        )
        .and_then(|r| r.date);
        let day = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).expect("a date");
        assert_eq!(registered, Some(day(2020, 12, 23)));
        let signed = Some(day(2020, 12, 15));
        let at = resolve_with(&ten, signed, None, registered).expect("a date");
        assert_eq!(
            (at.date, at.estimated, at.basis.as_str()),
            (
                day(2021, 1, 2),
                true,
                "estimated: publication date unknown, assumed on the state registration date 2020-12-23 (published after registration); + 10 calendar days"
            )
        );
        // Each rule counted from publication: the day itself, the day after, months.
        let from = |rule| resolve_with(&rule, signed, None, registered).map(|d| d.date);
        assert_eq!(from(EffectiveRule::OnPublication), Some(day(2020, 12, 23)));
        assert_eq!(
            from(EffectiveRule::DaysAfterPublication { days: 1 }),
            Some(day(2020, 12, 24))
        );
        assert_eq!(
            from(EffectiveRule::MonthsAfterPublication { months: 6 }),
            Some(day(2021, 6, 23))
        );
        // A publication day known is the answer, exactly.
        let known =
            resolve_with(&ten, signed, Some(day(2020, 12, 30)), registered).expect("a date");
        assert_eq!((known.date, known.estimated), (day(2021, 1, 9), false));
        // No registration known: the signing day, as before.
        let est = resolve(&ten, signed, None).expect("a date");
        assert_eq!((est.date, est.estimated), (day(2020, 12, 25), true));
    }

    #[test]
    fn parse_rule() {
        use crate::structure::effective::parse_rule;
        use crate::EffectiveRule;
        assert_eq!(
            parse_rule("алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі"),
            EffectiveRule::DaysAfterPublication { days: 10 }
        );
        // The Law of 09.01.2026 № 256-VIII, in both languages.
        let six = EffectiveRule::MonthsAfterPublication { months: 6 };
        assert_eq!(
            parse_rule(
                "алғашқы ресми жарияланған күнінен кейін алты ай өткен соң қолданысқа енгізіледі"
            ),
            six
        );
        assert_eq!(
            parse_rule("вводится в действие по истечении шести месяцев после дня его первого официального опубликования"),
            six
        );
        let signed = chrono::NaiveDate::from_ymd_opt(2026, 1, 9);
        let at = crate::structure::effective::resolve(&six, signed, None).expect("a date");
        assert_eq!(
            (at.date.to_string(), at.estimated),
            ("2026-07-09".into(), true)
        );
    }
}

/// An article that is one unit prints its heading line above its words: the final articles of
/// the Law on Protecting Children from Harmful Information (169-VI, art. 20) and of the Law on
/// Amnesty (152-VII, art. 4), whose articles are bold lines, as their units read.
#[cfg(test)]
mod heading_line_tests {
    use super::{is_own_clock, past_heading_line};

    #[test]
    fn an_acts_own_clause_below_its_articles_heading_line() {
        let ru = "Статья 20. Порядок введения в действие настоящего Закона\nНастоящий Закон \
                  вводится в действие по истечении шести месяцев после дня его первого \
                  официального опубликования.";
        let kk = "20-бап. Осы Заңды қолданысқа енгізу тәртібі\nОсы Заң алғашқы ресми \
                  жарияланған күнінен кейін алты ай өткен соң қолданысқа енгізіледі.";
        let bold = "**Статья 4. Порядок введения в действие настоящего Закона**\n\nНастоящий \
                    Закон вводится в действие со дня его первого официального опубликования.";
        for text in [ru, kk, bold] {
            assert!(is_own_clock(text), "{text}");
        }
        assert_eq!(
            past_heading_line(kk, None),
            "Осы Заң алғашқы ресми жарияланған күнінен кейін алты ай өткен соң қолданысқа \
             енгізіледі."
        );
        // The heading given: a first line ending with it is the heading, whatever opens it.
        assert_eq!(
            past_heading_line(
                "**Порядок введения в действие настоящего Закона**\nНастоящий Закон …",
                Some("Порядок введения в действие настоящего Закона")
            ),
            "Настоящий Закон …"
        );
        // The heading alone; another act's clause below a heading; a first line that is no
        // heading: none is the act's own clause.
        assert!(!is_own_clock(
            "Статья 20. Порядок введения в действие настоящего Закона"
        ));
        assert!(!is_own_clock(
            "Статья 3. Заключительные положения\nЗакон вводится в действие с 1 января 2005 г."
        ));
        assert!(!is_own_clock(
            "Правила применяются с 1 января.\nНастоящий Закон вводится в действие со дня его \
             первого официального опубликования."
        ));
    }
}

/// The commencement clauses of real acts, read part by part (the wordings are the mirror's,
/// collected in `evals/census/clauses.tsv`).
#[cfg(test)]
mod commencement_tests {
    use super::{parse_commencement, parse_rule, CommencementPart};
    use crate::EffectiveRule;
    use chrono::NaiveDate;

    fn day(y: i32, m: u32, d: u32) -> EffectiveRule {
        EffectiveRule::OnDate {
            date: NaiveDate::from_ymd_opt(y, m, d).expect("a date"),
        }
    }

    fn whole(rule: EffectiveRule) -> CommencementPart {
        CommencementPart {
            labels: vec![],
            rule,
        }
    }

    fn part(labels: &[&str], rule: EffectiveRule) -> CommencementPart {
        CommencementPart {
            labels: labels.iter().map(|l| l.to_string()).collect(),
            rule,
        }
    }

    const SIXTY: EffectiveRule = EffectiveRule::DaysAfterPublication { days: 60 };
    const TEN: EffectiveRule = EffectiveRule::DaysAfterPublication { days: 10 };

    #[test]
    fn the_whole_act_in_both_languages() {
        // The Law of 30.06.2025 № 199-VIII (211861) and of 30.12.2025 (220220).
        for (text, rule) in [
            ("Настоящий Закон вводится в действие по истечении шестидесяти календарных дней после дня его первого официального опубликования.", SIXTY),
            ("1. Осы Заң алғашқы ресми жарияланған күнінен кейін күнтізбелік алпыс күн өткен соң қолданысқа енгізіледі.", SIXTY),
            ("4. Настоящее решение вступает в силу со дня государственной регистрации в органах юстиции и вводится в действие по истечении десяти календарных дней после дня его первого официального опубликования.", TEN),
            ("2. Осы шешім алғаш ресми жарияланғаннан кейiн күнтiзбелiк он күн өткен соң қолданысқа енгізіледі.", TEN),
            ("3. Настоящее решение вводится в действие по истечении 10 календарных дней после дня его первого официального опубликования.", TEN),
            ("4. Осы қаулы қол қойылған күнінен бастап қолданысқа енгізіледі және ресми жариялануға тиіс.", EffectiveRule::OnSigning),
            ("Настоящий Закон вводится в действие со дня его первого официального опубликования.", EffectiveRule::OnPublication),
            ("1. Настоящий Конституционный закон вводится в действие с 1 июля 2026 года.", day(2026, 7, 1)),
            ("Осы бұйрық 2020 жылғы 1 қаңтардан бастап қолданысқа енгізіледі.", day(2020, 1, 1)),
            ("Настоящий Закон вводится в действие по истечении шести месяцев после дня его первого официального опубликования.", EffectiveRule::MonthsAfterPublication { months: 6 }),
        ] {
            assert_eq!(parse_commencement(text), vec![whole(rule)], "{text}");
        }
    }

    #[test]
    fn exceptions_with_days_of_their_own() {
        // The Law on Aquaculture of 12.06.2025 (211263), in both languages.
        let ru = parse_commencement("Настоящий Закон вводится в действие по истечении шестидесяти календарных дней после дня его первого официального опубликования, за исключением подпунктов 7) и 8) пункта 1 статьи 6, которые вводятся в действие с 1 января 2027 года.");
        assert_eq!(
            ru,
            vec![
                whole(SIXTY),
                part(
                    &[
                        "подпункт 7) пункта 1 статьи 6",
                        "подпункт 8) пункта 1 статьи 6"
                    ],
                    day(2027, 1, 1)
                )
            ]
        );
        let kk = parse_commencement("Осы Заң, 2027 жылғы 1 қаңтардан бастап қолданысқа енгізілетін 6-баптың 1-тармағының 7) және 8) тармақшаларын қоспағанда, алғашқы ресми жарияланған күнінен кейін күнтізбелік алпыс күн өткен соң қолданысқа енгізіледі.");
        assert_eq!(
            kk,
            vec![
                part(
                    &[
                        "6-баптың 1-тармағының 7) тармақша",
                        "6-баптың 1-тармағының 8) тармақша"
                    ],
                    day(2027, 1, 1)
                ),
                whole(SIXTY),
            ]
        );
        // The Law of 27.12.2021 (162412): a list of exceptions, each with its day.
        let kk = parse_commencement("Осы Заң: 1) алғашқы ресми жарияланған күнінен кейін күнтізбелік алпыс күн өткен соң қолданысқа енгізілетін 9-баптың 39) тармақшасын; 2) 2022 жылғы 1 шілдеден бастап қолданысқа енгізілетін 18-бапты қоспағанда, алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі.");
        assert_eq!(
            kk,
            vec![
                part(&["9-баптың 39) тармақша"], SIXTY),
                part(&["18-бап"], day(2022, 7, 1)),
                whole(TEN),
            ]
        );
        // 162833: the Russian list.
        let ru = parse_commencement("Настоящий Закон вводится в действие по истечении шестидесяти календарных дней после дня его первого официального опубликования, за исключением: 1) подпункта 4) пункта 1 статьи 9, статьи 11, подпункта 2) пункта 1 статьи 21 настоящего Закона, которые вводятся в действие с 1 сентября 2023 года; 2) пункта 7 статьи 18 настоящего Закона, который вводится в действие с 1 января 2025 года; 3) пункта 8 статьи 18 настоящего Закона, который вводится в действие с 1 января 2029 года.");
        assert_eq!(
            ru,
            vec![
                whole(SIXTY),
                part(
                    &[
                        "подпункт 4) пункта 1 статьи 9",
                        "статья 11",
                        "подпункт 2) пункта 1 статьи 21"
                    ],
                    day(2023, 9, 1)
                ),
                part(&["пункт 7 статьи 18"], day(2025, 1, 1)),
                part(&["пункт 8 статьи 18"], day(2029, 1, 1)),
            ]
        );
        // 162833: the Kazakh list, each item a participle naming the act's units in the
        // genitive («осы Заңның 18-бабының 8-тармағын»), the whole act's rule after the last.
        let kk = parse_commencement("Осы Заң: 1) 2023 жылғы 1 қыркүйектен бастап қолданысқа енгізілетін осы Заңның 9-бабы 1-тармағының 4) тармақшасын, 11-бабын, 21-бабы 1-тармағының 2) тармақшасын; 2) 2025 жылғы 1 қаңтардан бастап қолданысқа енгізілетін осы Заңның 18-бабының 7-тармағын; 3) 2029 жылғы 1 қаңтардан бастап қолданысқа енгізілетін осы Заңның 18-бабының 8-тармағын қоспағанда, алғашқы ресми жарияланған күнінен кейін күнтізбелік алпыс күн өткен соң қолданысқа енгізіледі.");
        assert_eq!(
            kk,
            vec![
                part(
                    &[
                        "9-бабы 1-тармағының 4) тармақша",
                        "11-бап",
                        "21-бабы 1-тармағының 2) тармақша"
                    ],
                    day(2023, 9, 1)
                ),
                part(&["18-бабының 7-тармақ"], day(2025, 1, 1)),
                part(&["18-бабының 8-тармақ"], day(2029, 1, 1)),
                whole(SIXTY),
            ]
        );
        // 156345.
        assert_eq!(
            parse_commencement("Настоящий Закон вводится в действие с 1 января 2022 года, за исключением пункта 4 статьи 6, который вводится в действие с 1 января 2023 года."),
            vec![whole(day(2022, 1, 1)), part(&["пункт 4 статьи 6"], day(2023, 1, 1))]
        );
    }

    #[test]
    fn an_article_with_a_day_of_its_own() {
        assert_eq!(
            parse_commencement("1. Настоящий Закон вводится в действие по истечении десяти календарных дней после дня его первого официального опубликования.\n2. Статья 12 вводится в действие с 1 января 2027 года."),
            vec![whole(TEN), part(&["статья 12"], day(2027, 1, 1))]
        );
        assert_eq!(
            parse_commencement("1. Осы Заң алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі.\n2. Осы Заңның 12-бабы 2027 жылғы 1 қаңтардан бастап қолданысқа енгізіледі."),
            vec![whole(TEN), part(&["12-бап"], day(2027, 1, 1))]
        );
        assert_eq!(parse_rule("по истечении 10 календарных дней"), TEN);
    }

    /// Kazakh texts of the mirror print a Latin `i` inside Cyrillic words: the Law on amnesty
    /// of 02.11.2022 № 152-VII (173385), article 4, is read as if printed with `і`, both as
    /// the act's own clause and for its rule.
    #[test]
    fn a_clause_printed_with_latin_letters_is_read() {
        let text = "Осы Заң алғашқы ресми жарияланған күнінен бастап қолданысқа енгiзiледi.";
        assert!(super::is_commencement(text));
        assert!(super::is_own_clock(&format!(
            "**4-бап. Осы Заңды қолданысқа енгізу тәртібі**\n{text}"
        )));
        assert_eq!(
            parse_commencement(text),
            vec![whole(EffectiveRule::OnPublication)]
        );
        // The look-alikes of a unit's label are read too: the label is the Cyrillic one.
        assert_eq!(
            parse_commencement("1. Осы Заң алғашқы ресми жарияланған күнiнен кейiн күнтiзбелiк он күн өткен соң қолданысқа енгiзiледi.\n2. Осы Заңның 12-бабы 2027 жылғы 1 қаңтардан бастап қолданысқа енгiзiледi."),
            vec![whole(TEN), part(&["12-бап"], day(2027, 1, 1))]
        );
    }
}
