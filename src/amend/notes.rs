//! `Ескерту.` / `Ескертпе.` notes of consolidated texts → amendment events.
//!
//! A note names its target (`3-тармақ`, `1-қосымшаға`, `Преамбула`, or nothing for the whole
//! act), an action (`жаңа редакцияда`, `толықтырылды`, …), and one or more amending acts, each
//! with a date, a number and usually a parenthesised effective rule:
//!
//! `Ескерту. 3-қосымшаға өзгеріс енгізілді – ҚР Сыртқы істер министрінің м.а. 23.11.2022
//! № 11-1-4/628 (… он күн өткен соң …); 30.09.2025 № 11-1-4/577 (01.01.2026 бастап …) бұйрықтарымен.`
//!
//! Extraction can move the number into the parenthesis (`он күн№ 11-1-4/628`); the parser looks
//! for the number anywhere in the citation. Dates inside parentheses are rules, not citations.

pub use super::notes_common::NoteEvent;
use super::notes_common::{
    issuer_code, own_subject, paren_ranges, placeholder_events, BARE_NUMBER_RE, SIGN_NUMBER_RE,
};
use crate::model::citation::codes::{
    kind_alternation, kind_phrase_alternation, kind_stem_alternation, KindCase, TABLE_KINDS,
};
use crate::model::{ActKind, ActRef, AmendAction, EffectiveRule, Lang};
use crate::structure::effective::parse_rule;
use crate::text::find_dates;
use regex::Regex;
use std::sync::LazyLock;

/// The action phrases of a Kazakh note; [`ACTION_RE`] requires the dash that leads to the
/// amending acts after one.
const ACTIONS: &str = r"(?i)(тақырыбы\s+жаңа\s+редакцияда|жаңа\s+редакцияда|толықтыру\s+көзделген|өзгеріс(?:тер)?\s+енгізу\s+көзделген|көзделген|толықтырылды|ал(?:ын)?ып\s+тасталды|(?:өзгеріс|өзгерт|толықтыру)[а-яәіңғүұқөһ]*(?:\s+(?:мен|пен|және)\s+(?:өзгеріс|өзгерт|толықтыру)[а-яәіңғүұқөһ]*)?\s+енгізілді|ауыстырылды|күші\s+жойылды)";

static ACTION_RE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"{ACTIONS}\s*[-–—]")).expect("static regex"));

/// An action phrase with no amending act after it (`1-бапқа өзгеріс енгізілді.`): what makes
/// an unparsed note's reason `no dated amending act` rather than `no action phrase`.
static BARE_ACTION_RE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(ACTIONS).expect("static regex"));

/// A dated amending act standing right after an action phrase printed without its dash
/// (`6-баған алынып тасталды Астана қаласы мәслихатының 24.06.2015 № 383/54-V шешімімен`):
/// its issuer's words, then its date and number.
static UNDASHED_ACT_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s+[^-–—;()0-9]{0,160}\b[0-9]{1,2}\.[0-9]{2}\.[0-9]{4}\s*(?:№|N)")
        .expect("static regex")
});

/// The start of a kind word, by the one table of kind words (a modifier and its noun, or a
/// noun's stem): [`kind_of`] reads only its beginning, and the first match starts where it
/// would with the rest of the word (`\w*`) matched too, so the word's tail is not searched for
/// (a Unicode `\w*` makes the reverse search costly).
static KIND_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        "(?i)({}|{})",
        kind_phrase_alternation(Lang::Kk, KK_LETTERS),
        kind_stem_alternation(Some(Lang::Kk), false, |_| true)
    ))
    .expect("static regex")
});

/// The rest of a Kazakh word, in a pattern that is not case-sensitive.
const KK_LETTERS: &str = "[а-яәіңғүұқөһ]*";

/// Collapses whitespace and strips Markdown emphasis and quote markers (`> *Ескерту. …*`).
pub fn clean_note_text(text: &str) -> String {
    let mut joined = String::with_capacity(text.len());
    crate::text::push_words(&mut joined, text);
    joined
        .trim_start_matches(['>', ' ', '*', '_'])
        .trim_end_matches(['*', '_', ' '])
        .to_string()
}

/// A note's words as its readers read them: cleaned ([`clean_note_text`]), and the Latin
/// letters printed inside Cyrillic words (`енгiзiледi`, `күшi жойылды`) read as the Cyrillic
/// ones they look like, so that one spelling of each pattern reads both. The text an
/// amendment keeps is the cleaned one, as printed.
pub(crate) fn note_words(text: &str) -> String {
    crate::text::fold_lookalikes(&clean_note_text(text)).into_owned()
}

/// Parses one note, Kazakh (`Ескерту.`, `Ескертпе.`) or Russian (`Сноска.`, `Примечание.`),
/// into its events (one per amending act cited). Returns nothing for text that is not an
/// amendment note.
#[cfg(test)]
pub fn parse_note(text: &str) -> Vec<NoteEvent> {
    parse_note_explained(text).unwrap_or_default()
}

/// Like [`parse_note`], but says why a note gave no event: no note prefix, no action phrase,
/// or no dated amending act after the action.
pub fn parse_note_explained(text: &str) -> Result<Vec<NoteEvent>, &'static str> {
    let t = note_words(text);
    let (events, has_action) = if let Some(rest) = t
        .strip_prefix("Ескерту.")
        .or_else(|| t.strip_prefix("Ескертпе."))
    {
        let body = rest.trim();
        (parse_body(body, None), BARE_ACTION_RE.is_match(body))
    } else if let Some(body) = super::notes_ru::strip_prefix(&t) {
        (
            super::notes_ru::parse_body(body, None),
            super::notes_ru::has_action(body),
        )
    } else if crate::structure::is_whole_text_note(&t) {
        // A note on the whole text printed without its prefix (the mirror's head of a split
        // code): its language by its first words.
        if crate::structure::lowercase(&t).starts_with("бүкіл") {
            (parse_body(&t, None), BARE_ACTION_RE.is_match(&t))
        } else {
            (
                super::notes_ru::parse_body(&t, None),
                super::notes_ru::has_action(&t),
            )
        }
    } else {
        return Err("not an amendment note (no Ескерту. / Ескертпе. / Сноска. / Примечание.)");
    };
    match (events.is_empty(), has_action) {
        (false, _) => Ok(events),
        (true, false) => Err("no action phrase"),
        (true, true) => Err("no dated amending act"),
    }
}

/// Parses the printed text of a deleted unit or a placeholder that cites its amending act
/// (`алып тасталды - ҚР 19.04.2023 № 222-VII (…) Конституциялық заңымен;`,
/// `01.01.2023 бастап қолданысқа енгізіледі – ҚР 05.11.2022 № 156-VII Конституциялық заңымен.`).
/// The target is the unit itself (empty label).
pub fn parse_unit_citation(text: &str) -> Vec<NoteEvent> {
    let t = note_words(text);
    let lower = crate::structure::lowercase(&t);
    if lower.contains("қолданысқа енгізіледі") && !lower.starts_with("алып тасталды")
    {
        // Placeholder: the rule is the sentence before the dash, the act after it.
        let Some(pos) = t
            .find(['–', '—', '-'])
            .filter(|&p| t[..p].contains("енгізіледі") || t[..p].contains("бастап"))
        else {
            return Vec::new();
        };
        return placeholder_events(&t, pos, parse_citations);
    }
    let events = parse_body(&t, Some(""));
    if events.is_empty() {
        return super::notes_ru::parse_unit_citation(&t);
    }
    events
}

/// Splits a note body at its action phrases and reads each segment's citations.
fn parse_body(body: &str, forced_label: Option<&str>) -> Vec<NoteEvent> {
    let mut actions: Vec<_> = ACTION_RE.find_iter(body).collect();
    if actions.is_empty() {
        // No dash after the action: read it where a dated act follows it at once.
        actions = BARE_ACTION_RE
            .find_iter(body)
            .filter(|m| UNDASHED_ACT_RE.is_match(&body[m.end()..]))
            .collect();
    }
    let Some(first) = actions.first() else {
        return Vec::new();
    };
    let mut label = match forced_label {
        Some(l) => l.to_string(),
        None => body[..first.start()]
            .trim()
            .trim_end_matches([',', ';'])
            .to_string(),
    };
    let mut out = Vec::new();
    for (i, m) in actions.iter().enumerate() {
        let end = actions.get(i + 1).map_or(body.len(), |n| n.start());
        // `…; 3-тармақ алып тасталды - …`: a later action with a target of its own.
        if let (Some(prev), None) = (i.checked_sub(1), forced_label) {
            if let Some(own) = own_subject(&body[actions[prev].end()..m.start()]) {
                label = own.to_string();
            }
        }
        let phrase = crate::structure::lowercase(m.as_str());
        let mut action = if phrase.contains("тақырыбы") {
            AmendAction::Renamed
        } else if phrase.contains("жаңа") {
            AmendAction::NewWording
        } else if phrase.contains("көзделген") {
            AmendAction::Prospective
        } else if phrase.contains("толықтырылды") {
            AmendAction::Inserted
        } else if phrase.contains("тасталды") {
            AmendAction::Deleted
        } else if phrase.contains("күші") {
            AmendAction::Repealed
        } else {
            AmendAction::Changed
        };
        let lower_label = crate::structure::lowercase(&label);
        if action == AmendAction::NewWording && lower_label.starts_with("тақырып") {
            action = AmendAction::Renamed;
        }
        out.extend(parse_citations(&body[m.end()..end], action, &label));
    }
    // `12-бап жаңа редакцияда - ҚР 15.06.2017 № 75-VI (…); өзгеріс енгізілді - ҚР 19.04.2023
    // № 222-VII (…) Конституциялық заңдарымен`: a plural kind word at the end covers the
    // citations of the earlier actions too.
    let plural = PLURAL_KIND_RE.is_match(body);
    let mut next: Option<ActKind> = None;
    for e in out.iter_mut().rev() {
        match (e.by.kind, next) {
            (ActKind::Other, Some(k)) if plural => {
                e.by.kind = k;
                e.by.issuer_code = issuer_code(&e.by.issuer, Some(k));
            }
            (ActKind::Other, _) => {}
            (k, _) => next = Some(k),
        }
    }
    out
}

/// A kind word in the plural (`заңдарымен`, `бұйрықтарымен`, `қаулыларымен`), by the one table
/// of kind words: it covers every citation before it.
static PLURAL_KIND_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)({})\w*",
        kind_alternation(Lang::Kk, KindCase::Plural, &TABLE_KINDS)
    ))
    .expect("static regex")
});
/// Reads the amending acts cited in one segment (`ҚР … 23.11.2022 № … (…); 30.09.2025 … бұйрықтарымен`).
fn parse_citations(seg: &str, action: AmendAction, label: &str) -> Vec<NoteEvent> {
    let parens = paren_ranges(seg);
    let inside = |pos: usize| parens.iter().any(|r| r.contains(&pos));
    let dates: Vec<_> = find_dates(seg)
        .into_iter()
        .filter(|(_, r)| !inside(r.start))
        .collect();
    let Some(first) = dates.first() else {
        return Vec::new();
    };
    let issuer = seg[..first.1.start]
        .trim()
        .trim_start_matches(['-', '–', '—', ' ', ';', ','])
        .trim()
        .to_string();
    let mut cites: Vec<(ActRef, EffectiveRule)> = Vec::new();
    let mut kinds: Vec<Option<ActKind>> = Vec::new();
    for (i, (date, r)) in dates.iter().enumerate() {
        let span_end = dates.get(i + 1).map_or(seg.len(), |n| n.1.start);
        let span = &seg[r.end..span_end];
        let number = SIGN_NUMBER_RE
            .captures(span)
            .and_then(|c| c.get(1))
            .map(|m| m.as_str().to_string())
            .or_else(|| BARE_NUMBER_RE.find(span).map(|m| m.as_str().to_string()));
        let local_parens = paren_ranges(span);
        let rule = local_parens
            .first()
            .map(|p| {
                let inner = &span[p.clone()];
                let inner = SIGN_NUMBER_RE.replace_all(inner, " ");
                let inner = BARE_NUMBER_RE.replace_all(&inner, " ");
                crate::structure::effective::rule_by_reference(&inner)
                    .unwrap_or_else(|| parse_rule(&inner))
            })
            .unwrap_or(EffectiveRule::Unknown);
        // The kind word stands outside parentheses, after the number.
        let mut outside = String::new();
        let mut last = 0;
        for p in &local_parens {
            outside.push_str(&span[last..p.start]);
            outside.push(' ');
            last = p.end;
        }
        outside.push_str(&span[last.min(span.len())..]);
        // The first match that is a kind word: `заң` starts `заңнамасына` too.
        let kind = KIND_RE
            .find_iter(&outside)
            .map(|m| kind_of(&outside[m.start()..]))
            .find(|k| *k != ActKind::Other);
        kinds.push(kind);
        cites.push((
            ActRef {
                issuer: issuer.clone(),
                issuer_code: issuer_code(&issuer, kind),
                kind: kind.unwrap_or(ActKind::Other),
                date: Some(*date),
                number: number.map(|n| crate::model::citation::numbers::display_number(&n)),
                title: None,
            },
            rule,
        ));
    }
    // `A; B; C заңдарымен`: a citation without its own kind word takes the next one's.
    let mut next: Option<ActKind> = None;
    for i in (0..cites.len()).rev() {
        match kinds[i] {
            Some(k) => next = Some(k),
            None => {
                if let Some(k) = next {
                    cites[i].0.kind = k;
                    cites[i].0.issuer_code = issuer_code(&issuer, Some(k));
                }
            }
        }
    }
    cites
        .into_iter()
        .map(|(by, rule)| NoteEvent {
            target_label: label.to_string(),
            action,
            by,
            rule,
        })
        .collect()
}

/// The act kind the kind word at the start of `text` names (`бұйрығымен`, `Конституциялық
/// заңымен`, `қаулысымен`), by the one list of kind words; [`ActKind::Other`] for none.
pub fn kind_of(text: &str) -> ActKind {
    crate::model::citation::codes::kind_named(crate::Lang::Kk, text).unwrap_or(ActKind::Other)
}

/// The examples of this module's items, run as unit tests (the items are not public).
#[cfg(test)]
mod doc_examples {
    #[test]
    fn parse_note_explained() {
        use crate::amend::notes::parse_note_explained;
        assert_eq!(
            parse_note_explained("Ескерту. Мәтін."),
            Err("no action phrase")
        );
        assert_eq!(
            parse_note_explained("Сноска. Статья 7 исключена."),
            Err("no dated amending act")
        );
    }
}

/// What a note or a unit's text says of a unit's own time (`Пункт 4 действовал до
/// 01.06.2017 …`, `4-тармақ … 01.06.2017 дейін қолданылды`, `Действие пункта 3 приостановлено
/// до …`, `3-тармақтың қолданылуы … дейін тоқтатыла тұрсын`): the unit as printed (empty: the
/// unit itself) and the limit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lapse {
    /// The unit as printed (`Пункт 4`, `4-тармақ`), empty for the unit the words are in.
    pub label: String,
    /// A part of that unit the words name (`часть первая`), when they name no whole unit.
    pub part: Option<String>,
    /// The limit.
    pub limit: crate::model::TimeLimit,
    /// The provision of the same act an expiry names as its ground, as printed (`пунктом 2
    /// статьи 60` of `в соответствии с пунктом 2 статьи 60 настоящего Закона`, `60-бабының
    /// 2-тармағына` of `осы Заңның 60-бабының 2-тармағына сәйкес`).
    pub under: Option<String>,
    /// The act an expiry's words name as the one it applied until the day by (`… дейін
    /// қолданылды – ҚР 19.04.2023 № 223-VII Заңымен`, `Действовал до 01.01.2017 в соответствии
    /// с Законом РК от 06.04.2016 № 480-V`): a dated, numbered act of a known kind, else none.
    pub by: Option<ActRef>,
}

/// The act an expiry names right after its day in Kazakh: `– ҚР 19.04.2023 № 223-VII
/// Заңымен` (the dash, then the act in the instrumental). `rest` is what follows the words of
/// expiry.
fn kk_expiry_act(rest: &str) -> Option<ActRef> {
    let rest = rest.trim_start();
    let rest = rest.strip_prefix(['-', '–', '—'])?;
    named_act(parse_citations(rest, AmendAction::Changed, ""))
}

/// The act an expiry names right after its day in Russian: `в соответствии с Законом РК от
/// 06.04.2016 № 480-V`, `– Законом РК от …`. `rest` is what follows the day.
fn ru_expiry_act(rest: &str) -> Option<ActRef> {
    let rest =
        rest.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '-' | '–' | '—' | ','));
    let lower = crate::structure::lowercase(rest);
    let rest = match lower.strip_prefix("в соответствии с ") {
        Some(_) => rest.get("в соответствии с ".len()..)?,
        None => rest,
    };
    // The act's kind word must open what is left: a provision of the act itself
    // (`пунктом 2 статьи 60 настоящего Закона`) or another day is no act.
    let first = rest.split_whitespace().next()?;
    if super::notes_ru::kind_of(first) == ActKind::Other {
        return None;
    }
    named_act(super::notes_ru::parse_citations(
        rest,
        AmendAction::Changed,
        "",
    ))
}

/// Where the other act's words start in a Kazakh tied clause, after the clause's own subject
/// (`Ескерту. Кодекс ҚР 25.12.2017 № 121-VI Заңына`, `Осы Заң «…» Қазақстан Республикасының
/// Кодексі`): the state's name or a quoted title.
static KK_OTHER_ACT_START_RE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"ҚР\s|Қазақстан\s+Республикасы|«").expect("static regex"));

/// The act a commencement clause ties the commencement to, as its words name it: `Сноска.
/// Кодекс вводится в действие в соответствии с Законом РК от 25.12.2017 № 121-VІ.` (the Tax
/// Code of 25.12.2017 № 120-VI, its head note), its Kazakh `Ескерту. Кодекс ҚР 25.12.2017 №
/// 121-VI Заңына сәйкес қолданысқа енгізіледі.`, `… вводится в действие одновременно с
/// введением в действие Трудового кодекса …`, `… Кодексі қолданысқа енгізілген күннен бастап
/// қолданысқа енгізіледі`. Its kind always, its date and number where the words print them,
/// else the words as its title. `None` for a clause tied to no other act.
pub(crate) fn tied_commencement(text: &str) -> Option<ActRef> {
    let t = note_words(text);
    let (words, lang) = crate::structure::effective::tied_words(&t)?;
    let words = words.trim_end_matches(['.', ' ', ';', ',']);
    let (words, cited) = match lang {
        Lang::Ru => (
            words,
            super::notes_ru::parse_citations(words, AmendAction::Changed, ""),
        ),
        Lang::Kk => {
            let from = KK_OTHER_ACT_START_RE.find(words).map_or(0, |m| m.start());
            let words = &words[from..];
            (words, parse_citations(words, AmendAction::Changed, ""))
        }
    };
    if let Some(by) = named_act(cited) {
        return Some(by);
    }
    // No date and number: the act named by its words (`Трудового кодекса Республики Казахстан`).
    let kind_word = match lang {
        Lang::Ru => words.split_whitespace().next()?,
        Lang::Kk => words.rsplit(char::is_whitespace).next()?,
    };
    let kind = crate::model::citation::codes::kind_named(lang, kind_word)?;
    Some(ActRef {
        issuer: String::new(),
        issuer_code: issuer_code("", Some(kind)),
        kind,
        date: None,
        number: None,
        title: Some(words.to_string()),
    })
}

/// The first act of `events`, when the words give its kind, date and number.
fn named_act(events: Vec<NoteEvent>) -> Option<ActRef> {
    let by = events.into_iter().next()?.by;
    (by.kind != ActKind::Other && by.date.is_some() && by.number.is_some()).then_some(by)
}

/// `в соответствии с пунктом 2 статьи 60 настоящего Закона`: the provision of the act itself.
static RU_UNDER_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)в\s+соответствии\s+с\s+(.+?)\s+настоящего\s+\w+").expect("static regex")
});

/// `осы Заңның 60-бабының 2-тармағына сәйкес`, `… - осы Заңның 30-бабы 2-тармағының 1)
/// тармақшасымен`: the provision of the act itself.
static KK_UNDER_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)осы\s+\w+\s+(.+?)(?:\s+сәйкес\b|(?:мен|пен|бен)\.?\s*$)")
        .expect("static regex")
});

/// The provision of the act itself that `text` names as an expiry's ground, as printed.
fn under_words(re: &Regex, text: &str) -> Option<String> {
    re.captures(text).map(|c| c[1].trim().to_string())
}

/// `… действовал до 01.06.2017`, `… действует до 1 января 2024 года`, `… применялся до …`.
static RU_EXPIRED_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(.*?)\s*(?:действовал[аои]?|действуют|действует|применял(?:ся|ась|ось|ись))\s+до\s+(.*)$")
        .expect("static regex")
});

/// `… приостановлен(а, о, ы) [с …] до …`, `приостанавливается до …`.
static RU_SUSPENDED_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(.*?)\s*(?:приостановлен[аоы]?|приостанавлива[ею]тся)\b(.*)$")
        .expect("static regex")
});

/// The words [`RU_SUSPENDED_RE`] needs, found without its word boundary: a regex with `\b` is
/// run by the slow engines over all of a Cyrillic text, this one by the fast, so the many
/// texts without the words are not read by the other.
static RU_SUSPENDED_WORDS_RE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)приостан(?:овлен|авлива)").expect("static regex"));

/// `Приостановить до 1 января 2027 года действие: 1) …`, `Приостановить до 1 сентября 2024 года
/// действие абзаца шестнадцатого пункта 6 Правил …`: an act's provision suspending units, its
/// days before `действие` or after what it names.
static RU_SUSPEND_ORDER_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:[0-9]+[.)]\s*)?приостановить\s+(.*?)\s*действие\s*:?\s*(.*)$")
        .expect("static regex")
});

/// The items of a list a suspension names (`1) части второй пункта 3 статьи 10 …, установив
/// …; 2) …`): each item's number at the list's start or after `;` / `…`, its words up to the
/// first `,`, `;` or `…`.
static LIST_ITEM_RE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:^|[;…]\s*)[0-9]+\)\s+([^,;…]+)").expect("static regex"));

/// A quoted wording (`«…»`, innermost quotes first when nested).
static QUOTED_RE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"«[^«»]*»").expect("static regex"));

/// `… 01.06.2017 дейін қолданылды`, `… 2024 жылғы 1 қаңтарға дейін қолданылады`, `3.
/// 01.01.2017 дейін қолданыста болды - ҚР 06.04.2016 N 480-V Заңымен` (was in force until).
static KK_EXPIRED_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(.*?)\s*((?:[0-9]{1,2}\.[0-9]{1,2}\.\s?[0-9]{4}|[0-9]{4}\s+жылғы\s+[0-9]{1,2}\s+\S+?)\s*(?:-ге|-ға|-қа|-ке)?)\s+де[йи]і?ін\s+(?:қолданыл(?:ды|ады|ған)|қолданыста\s+болды)")
        .expect("static regex")
});

/// `… қолданылуы [D бастап] D дейін тоқтатыла тұрсын (тұрды)`.
static KK_SUSPENDED_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(.*?)\s*қолданыл?уы\s+(.*?)\s*тоқтатыл[аы]\S*\s+тұр|^(.*?)\s*қолданысы\s+(.*?)\s*тоқтатыл[аы]\S*\s+тұр")
        .expect("static regex")
});

/// The act itself named at a label's start (`Осы Заңның`, `осы бұйрықтың`, `настоящего Закона`).
static SELF_KK_RE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^(?:[0-9]+[.)]\s*)?осы\s+\S+\s+").expect("static regex"));

/// A part of a unit (`Часть первая`, `абзац второй`, `бірінші бөлігі`) at a label's start, or
/// one of its wordings (`Данная редакция пункта 3 действует до 01.01.2025 …`: the wording
/// printed stops applying, not the unit, which a transitional provision gives another).
static PART_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^((?:част[ьи]|абзац[а-я]*)\s+[а-яё0-9-]+|данная\s+редакция)\s+(.*)$")
        .expect("static regex")
});

/// A label naming a part of a unit (`Часть третья пункта 2 статьи 37`, `37-баптың
/// 2-тармағының үшінші бөлігі`): the unit's label and the part (`часть третья`, `үшінші
/// бөлігі`); the label itself and `None` when it names a whole unit.
pub fn unit_part(label: &str) -> (String, Option<String>) {
    static KK_PART: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^(.*?)\s+(\S+\s+(?:бөлігі|абзацы)\S*|осы\s+редакциясы)\s*$")
            .expect("static regex")
    });
    let label = label.trim();
    if let Some(c) = PART_RE.captures(label) {
        return (
            c[2].trim().to_string(),
            Some(crate::structure::lowercase(&c[1])),
        );
    }
    if let Some(c) = KK_PART.captures(label) {
        return (
            c[1].trim().to_string(),
            Some(crate::structure::lowercase(&c[2])),
        );
    }
    (label.to_string(), None)
}

/// Reads a unit's expiry or suspension from a note (with its `Сноска.` / `Ескерту.` prefix) or
/// from a unit's own text (`3-1. 01.01.2024 дейін қолданылды – ҚР … Заңымен`, the number
/// stripped). `None` when the words say neither.
pub fn parse_lapse(text: &str) -> Option<Lapse> {
    use crate::model::TimeLimit;
    let t = note_words(text);
    let body = t
        .strip_prefix("Ескерту.")
        .or_else(|| t.strip_prefix("Ескертпе."))
        .or_else(|| super::notes_ru::strip_prefix(&t))
        .unwrap_or(&t)
        .trim();
    // Only the first sentence: a later one may cite the amending act.
    let label_of = |s: &str| -> (String, Option<String>) {
        let s = s
            .trim()
            .trim_start_matches(|c: char| c == '-' || c == '–' || c.is_whitespace());
        // `Действие пункта 3 …` names `пункта 3`.
        let s = s
            .strip_prefix("Действие ")
            .or_else(|| s.strip_prefix("действие "))
            .unwrap_or(s);
        // `Осы Заңның 11-бабының …`: the act itself named first; `4-тармақ осы Заңның
        // 60-бабының 2-тармағына сәйкес`: what follows `осы` is a reason.
        let s = SELF_KK_RE.find(s).map_or(s, |m| &s[m.end()..]).trim();
        // `3-тармағының осы редакциясы`: the wording printed, not the paragraph.
        if let Some(unit) = s.strip_suffix("осы редакциясы") {
            return (unit.trim().to_string(), Some("осы редакциясы".to_string()));
        }
        let s = s.split(" осы ").next().unwrap_or(s).trim();
        (s.to_string(), None)
    };
    if let Some(c) = KK_EXPIRED_RE.captures(body) {
        let date = crate::text::find_dates(&c[2])
            .first()
            .map(|(d, _)| *d)
            .or_else(|| crate::text::parse_date(&c[2]))?;
        let (label, part) = label_of(&c[1]);
        return Some(Lapse {
            label,
            part,
            limit: TimeLimit::Expires {
                since: date,
                part: None,
                under: None,
                set_by: None,
            },
            under: under_words(&KK_UNDER_RE, body),
            by: c.get(0).and_then(|m| kk_expiry_act(&body[m.end()..])),
        });
    }
    if let Some(c) = KK_SUSPENDED_RE.captures(body) {
        let (who, when) = match (c.get(1), c.get(2)) {
            (Some(a), Some(b)) => (a.as_str(), b.as_str()),
            _ => (
                c.get(3).map_or("", |m| m.as_str()),
                c.get(4).map_or("", |m| m.as_str()),
            ),
        };
        let (from, until) = kk_span(when);
        let label = who
            .trim()
            .trim_end_matches("тың")
            .trim_end_matches("тің")
            .trim_end_matches("ның")
            .trim_end_matches("нің")
            .trim_end_matches("дың")
            .trim_end_matches("дің");
        let (label, part) = label_of(label);
        return Some(Lapse {
            label,
            part,
            limit: TimeLimit::Suspended {
                from,
                until,
                estimated: false,
                by: None,
            },
            under: None,
            by: None,
        });
    }
    if let Some(c) = RU_SUSPEND_ORDER_RE.captures(body) {
        // The days: those after `с` and `до`, not the named act's own (`… от 21 января 2012
        // года`).
        let (from, until) = ru_span(&format!("{} {}", &c[1], &c[2]));
        let object = c[2].trim();
        let label = if object.starts_with("1)") {
            // A wording quoted for the period of suspension has lists of its own.
            let unquoted = QUOTED_RE.replace_all(object, "");
            LIST_ITEM_RE
                .captures_iter(&unquoted)
                .map(|i| i[1].trim().to_string())
                .collect::<Vec<_>>()
                .join("; ")
        } else {
            object
                .split([',', ';', '…'])
                .next()
                .unwrap_or(object)
                .split(" до ")
                .next()
                .unwrap_or(object)
                .trim()
                .trim_end_matches('.')
                .to_string()
        };
        // Naming nothing, it would read as the suspension of the provision itself.
        if label.is_empty() {
            return None;
        }
        return Some(Lapse {
            label,
            part: None,
            limit: TimeLimit::Suspended {
                from,
                until,
                estimated: false,
                by: None,
            },
            under: None,
            by: None,
        });
    }
    let suspended = || {
        RU_SUSPENDED_WORDS_RE
            .is_match(body)
            .then(|| RU_SUSPENDED_RE.captures(body))
            .flatten()
    };
    if let Some(c) = suspended() {
        let dates = crate::text::find_dates_with_words(&c[2]);
        let rest = crate::structure::lowercase(&c[2]);
        let (mut from, mut until) = (None, None);
        for (d, r) in dates {
            let before = rest.get(..r.start).unwrap_or("").trim_end();
            if before.ends_with(" до") || before == "до" {
                until = until.or(Some(d));
            } else if before.ends_with(" с") || before == "с" {
                from = from.or(Some(d));
            }
        }
        if from.is_none() && until.is_none() {
            return None;
        }
        let (label, part) = label_of(&c[1]);
        return Some(Lapse {
            label,
            part,
            limit: TimeLimit::Suspended {
                from,
                until,
                estimated: false,
                by: None,
            },
            under: None,
            by: None,
        });
    }
    if let Some(c) = RU_EXPIRED_RE.captures(body) {
        let (date, day) = crate::text::find_dates_with_words(&c[2])
            .into_iter()
            .next()?;
        // The date must open what follows `до`.
        if !c[2]
            .trim_start()
            .starts_with(|ch: char| ch.is_ascii_digit())
        {
            return None;
        }
        let (label, part) = label_of(&c[1]);
        return Some(Lapse {
            label,
            part,
            limit: TimeLimit::Expires {
                since: date,
                part: None,
                under: None,
                set_by: None,
            },
            under: under_words(&RU_UNDER_RE, body),
            by: c[2].get(day.end..).and_then(ru_expiry_act),
        });
    }
    None
}

/// A wording a provision gives another unit for a period (`2) с 1 января 2025 года до 1 января
/// 2029 года: «3. …».`, `2) 2025 жылғы 1 қаңтардан бастап 2029 жылғы 1 қаңтарға дейін: «3. …».`):
/// the days and the wording quoted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeriodWording {
    /// The day it applies from (`None`: from the provision's own start, `со дня введения в
    /// действие настоящего Закона`).
    pub from: Option<chrono::NaiveDate>,
    /// The day it no longer applies.
    pub until: Option<chrono::NaiveDate>,
    /// The wording, without its quotes.
    pub wording: String,
}

/// Reads a list item of a provision that gives a unit wordings for periods: its days, then
/// `:` and the wording quoted. `None` when the item names no day or quotes nothing.
pub fn parse_period_wording(text: &str) -> Option<PeriodWording> {
    let open = text.find('«')?;
    let close = text.rfind('»')?;
    let head = text[..open].trim();
    let head = head.strip_suffix(':')?.trim();
    let wording = text.get(open + '«'.len_utf8()..close)?.trim();
    if wording.is_empty() {
        return None;
    }
    // The item's number (`2)`) is no day.
    let head = head
        .split_once(')')
        .filter(|(n, _)| n.chars().all(|c| c.is_ascii_digit()))
        .map_or(head, |(_, rest)| rest.trim());
    let lower = crate::structure::lowercase(head);
    let (from, until) = if lower.contains("бастап") || lower.contains("дейін") {
        let (since, rest) = lower.split_once("бастап").unwrap_or(("", lower.as_str()));
        let to = rest.split("дейін").next().unwrap_or("");
        (
            crate::text::parse_date(since),
            crate::text::parse_date(to).filter(|_| rest.contains("дейін")),
        )
    } else {
        ru_span(head)
    };
    if from.is_none() && until.is_none() {
        return None;
    }
    Some(PeriodWording {
        from,
        until,
        wording: wording.to_string(),
    })
}

/// The days of a Russian suspension: from the date after `с`, until the date after `до`.
fn ru_span(s: &str) -> (Option<chrono::NaiveDate>, Option<chrono::NaiveDate>) {
    let lower = crate::structure::lowercase(s);
    let (mut from, mut until) = (None, None);
    for (d, r) in crate::text::find_dates_with_words(s) {
        let before = lower.get(..r.start).unwrap_or("").trim_end();
        if before.ends_with(" до") || before == "до" {
            until = until.or(Some(d));
        } else if ["с", "со"]
            .iter()
            .any(|w| before == *w || before.ends_with(&format!(" {w}")))
        {
            // `со 2 сентября 2024 года`: `со` before a day opening with two consonants.
            from = from.or(Some(d));
        }
    }
    (from, until)
}

/// The days of a Kazakh suspension (`01.01.2020 бастап 01.01.2022 дейін`, `2025 жылғы 1
/// қаңтарға дейін`): from the date before `бастап`, until the date before `дейін`.
fn kk_span(s: &str) -> (Option<chrono::NaiveDate>, Option<chrono::NaiveDate>) {
    let lower = crate::structure::lowercase(s);
    let (mut from, mut until) = (None, None);
    // Days in digits and in words (`2024 жылғы 2 қыркүйектен бастап 2025 жылғы 1 қыркүйекке
    // дейін`), each read by the word after it.
    let mut dates = crate::text::find_dates(s);
    dates.extend(crate::text::find_kk_word_dates(s));
    dates.sort_by_key(|(_, r)| r.start);
    for (d, r) in dates {
        let after = lower.get(r.end..).unwrap_or("").trim_start();
        if after.starts_with("бастап") {
            from = Some(d);
        } else if after.starts_with("дейін") || after.starts_with("дейiн") {
            until = Some(d);
        }
    }
    if from.is_none() && until.is_none() {
        until = crate::text::parse_date(s).filter(|_| lower.contains("дейін"));
    }
    (from, until)
}

/// Wordings a transitional provision gives a unit for a period, read from the Law on
/// Responsible Treatment of Animals (162833), article 30, paragraph 2, in both languages.
#[cfg(test)]
mod period_tests {
    use super::parse_period_wording;
    use chrono::NaiveDate;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn a_wording_for_a_period() {
        let ru = parse_period_wording("2) с 1 января 2025 года до 1 января 2029 года:\n«3. Не допускается использовать животных в дельфинариях, стационарных океанариумах, если их содержание, перевозка не позволяют обеспечивать наиболее эффективное использование животных в соответствии с биологическими, видовыми и индивидуальными особенностями, не причиняя вреда их жизни и здоровью.».").expect("a wording");
        assert_eq!((ru.from, ru.until), (d(2025, 1, 1), d(2029, 1, 1)));
        assert!(ru
            .wording
            .starts_with("3. Не допускается использовать животных в дельфинариях"));
        assert!(ru.wording.ends_with("здоровью."));
        let first = parse_period_wording("1) со дня введения в действие настоящего Закона до 1 января 2025 года:\n«3. Не допускается …»;").expect("a wording");
        assert_eq!((first.from, first.until), (None, d(2025, 1, 1)));
        let kk = parse_period_wording("2) 2025 жылғы 1 қаңтардан бастап 2029 жылғы 1 қаңтарға дейін:\n«3. Егер жануарларды ұстау, тасымалдау … дельфинарийлерде, стационарлық океанариумдарда пайдалануға жол берілмейді.».").expect("a wording");
        assert_eq!((kk.from, kk.until), (d(2025, 1, 1), d(2029, 1, 1)));
        assert!(kk.wording.starts_with("3. Егер жануарларды"));
        let kk_first = parse_period_wording(
            "1) осы Заң қолданысқа енгізілген күннен бастап 2025 жылғы 1 қаңтарға дейін:\n«3. …»;",
        )
        .expect("a wording");
        assert_eq!((kk_first.from, kk_first.until), (None, d(2025, 1, 1)));
        // No day, or nothing quoted: no wording for a period.
        assert_eq!(parse_period_wording("1) формирует политику: «не то»"), None);
        assert_eq!(
            parse_period_wording("2) с 1 января 2025 года до 1 января 2029 года:"),
            None
        );
    }
}

/// Expiry and suspension read from real notes and provisions (the issue's and the census's
/// wordings: the Law on Payments' notes, the Laws on Legal Acts (100890) and on Aquaculture
/// (211263)).
#[cfg(test)]
mod lapse_tests {
    use super::parse_lapse;
    use crate::model::TimeLimit;
    use chrono::NaiveDate;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("a date")
    }

    fn expires(text: &str) -> (String, Option<String>, NaiveDate) {
        let l = parse_lapse(text).unwrap_or_else(|| panic!("no lapse in {text}"));
        match l.limit {
            TimeLimit::Expires { since, .. } => (l.label, l.part, since),
            other => panic!("{other:?}"),
        }
    }

    /// A suspension from one day to another, each printed in words: the government's
    /// resolution of 16.07.2024 № 562 (198779), paragraph 1, in both languages. Both days are
    /// the suspension's; neither is the suspended rules' own (`от 21 января 2012 года`).
    #[test]
    fn a_suspension_from_a_day_to_a_day_in_words() {
        let span = |text: &str| match parse_lapse(text).map(|l| l.limit) {
            Some(TimeLimit::Suspended { from, until, .. }) => (from, until),
            other => panic!("{other:?} in {text}"),
        };
        let want = (Some(d(2024, 9, 2)), Some(d(2025, 9, 1)));
        assert_eq!(
            span("1. Приостановить со 2 сентября 2024 года до 1 сентября 2025 года действие абзаца шестнадцатого пункта 6 Правил въезда и пребывания иммигрантов в Республике Казахстан, а также их выезда из Республики Казахстан, утверждённых постановлением Правительства Республики Казахстан от 21 января 2012 года № 148, для граждан Кыргызской Республики."),
            want
        );
        assert_eq!(
            span("1. Қазақстан Республикасы Үкіметінің 2012 жылғы 21 қаңтардағы № 148 қаулысымен бекітілген Көшіп келушілердің Қазақстан Республикасына келуінің және онда болуының, сондай-ақ олардың Қазақстан Республикасынан кетуінің қағидалары 6-тармағының он алтыншы абзацының қолданысы Қырғыз Республикасының азаматтары үшін 2024 жылғы 2 қыркүйектен бастап 2025 жылғы 1 қыркүйекке дейін тоқтатыла тұрсын."),
            want
        );
    }

    /// The provision an expiry names as its ground: the issue's notes of the Law on Payments,
    /// in both languages; none where the words name another act or nothing.
    #[test]
    fn the_provision_an_expiry_names() {
        let under = |text: &str| parse_lapse(text).and_then(|l| l.under);
        assert_eq!(
            under("> *Сноска. Пункт 4 действовал до 01.06.2017 в соответствии с пунктом 2 статьи 60 настоящего Закона.*").as_deref(),
            Some("пунктом 2 статьи 60")
        );
        assert_eq!(
            under("*Ескерту. 4-тармақ осы Заңның 60-бабының 2-тармағына сәйкес 01.06.2017 дейін қолданылды.*").as_deref(),
            Some("60-бабының 2-тармағына")
        );
        assert_eq!(
            under("Действовал до 01.01.2017 в соответствии с Законом РК от 06.04.2016 № 480-V (порядок введения в действие см. ст. 67)."),
            None
        );
        assert_eq!(
            under("01.01.2024 дейін қолданылды – ҚР 19.04.2023 № 223-VII Заңымен."),
            None
        );
    }

    /// The act an expiry names as the one it applied until the day by: the paragraphs 3 of
    /// articles 38 and 39 of the Law on Legal Acts (100890), edition of 01.01.2020, in both
    /// languages, and the issue's paragraph of the Law on Payments; none where the words name
    /// a provision of the act itself, another day or nothing.
    #[test]
    fn the_act_an_expiry_names() {
        let by = |text: &str| {
            parse_lapse(text)
                .and_then(|l| l.by)
                .map(|b| (b.kind, b.date, b.number))
        };
        let legal_acts = Some((
            crate::model::ActKind::Law,
            Some(d(2016, 4, 6)),
            Some("480-V".to_string()),
        ));
        assert_eq!(
            by("01.01.2017 дейін қолданыста болды - ҚР 06.04.2016 N 480-V Заңымен."),
            legal_acts
        );
        assert_eq!(
            by("Действовал до 01.01.2017 в соответствии с Законом РК от 06.04.2016 № 480-V (порядок введения в действие см. ст. 67)."),
            legal_acts
        );
        assert_eq!(
            by("01.01.2024 дейін қолданылды – ҚР 19.04.2023 № 223-VII Заңымен."),
            Some((
                crate::model::ActKind::Law,
                Some(d(2023, 4, 19)),
                Some("223-VII".to_string())
            ))
        );
        for none in [
            "> *Сноска. Пункт 4 действовал до 01.06.2017 в соответствии с пунктом 2 статьи 60 настоящего Закона.*",
            "*Ескерту. 4-тармақ осы Заңның 60-бабының 2-тармағына сәйкес 01.06.2017 дейін қолданылды.*",
            "Ескерту. 3-тармағының осы редакциясы 01.01.2025 дейін қолданылады - осы Заңның 30-бабы 2-тармағының 1) тармақшаcымен.",
            "Часть третья пункта 2 статьи 37, пункт 3 статьи 38 и пункт 3 статьи 39 действуют до 1 января 2017 года.",
            "37-баптың 2-тармағының үшінші бөлігі, 38-баптың 3-тармағы және 39-баптың 3-тармағы 2017 жылғы 1 қаңтарға дейін қолданылады.",
        ] {
            assert_eq!(by(none), None, "{none}");
        }
    }

    #[test]
    fn expiry_in_both_languages() {
        let june = d(2017, 6, 1);
        assert_eq!(
            expires("> *Сноска. Пункт 4 действовал до 01.06.2017 в соответствии с пунктом 2 статьи 60 настоящего Закона.*"),
            ("Пункт 4".into(), None, june)
        );
        assert_eq!(
            expires("*Ескерту. 4-тармақ осы Заңның 60-бабының 2-тармағына сәйкес 01.06.2017 дейін қолданылды.*"),
            ("4-тармақ".into(), None, june)
        );
        assert_eq!(
            expires("Сноска. Часть первая пункта 2 действовала до 01.06.2017 в соответствии с пунктом 2 статьи 60 настоящего Закона."),
            ("Часть первая пункта 2".into(), None, june)
        );
        assert_eq!(
            super::unit_part("Часть первая пункта 2"),
            ("пункта 2".into(), Some("часть первая".into()))
        );
        assert_eq!(
            super::unit_part("37-баптың 2-тармағының үшінші бөлігі"),
            (
                "37-баптың 2-тармағының".into(),
                Some("үшінші бөлігі".into())
            )
        );
        assert_eq!(
            super::unit_part("38-баптың 3-тармағы"),
            ("38-баптың 3-тармағы".into(), None)
        );
        // The Law on Legal Acts (100890), article 67 (Russian).
        assert_eq!(
            expires("Часть третья пункта 2 статьи 37, пункт 3 статьи 38 и пункт 3 статьи 39 действуют до 1 января 2017 года."),
            (
                "Часть третья пункта 2 статьи 37, пункт 3 статьи 38 и пункт 3 статьи 39".into(),
                None,
                d(2017, 1, 1)
            )
        );
        // A paragraph whose whole text says it (its number stripped).
        assert_eq!(
            expires("01.01.2024 дейін қолданылды – ҚР 19.04.2023 № 223-VII Заңымен."),
            (String::new(), None, d(2024, 1, 1))
        );
        // A transitional provision of the Law on Legal Acts (100890), article 67.
        assert_eq!(
            expires("37-баптың 2-тармағының үшінші бөлігі, 38-баптың 3-тармағы және 39-баптың 3-тармағы 2017 жылғы 1 қаңтарға дейін қолданылады."),
            (
                "37-баптың 2-тармағының үшінші бөлігі, 38-баптың 3-тармағы және 39-баптың 3-тармағы".into(),
                None,
                d(2017, 1, 1)
            )
        );
        // The paragraphs 3 of articles 38 and 39 of the same law, as the database prints them
        // in the edition of 01.01.2020 (their numbers stripped): Kazakh `қолданыста болды`
        // (was in force), Russian `Действовал до`.
        assert_eq!(
            expires("01.01.2017 дейін қолданыста болды - ҚР 06.04.2016 N 480-V Заңымен."),
            (String::new(), None, d(2017, 1, 1))
        );
        assert_eq!(
            expires("Действовал до 01.01.2017 в соответствии с Законом РК от 06.04.2016 № 480-V (порядок введения в действие см. ст. 67)."),
            (String::new(), None, d(2017, 1, 1))
        );
        // Not a lapse: a unit in force from a day, an amendment note.
        assert_eq!(
            parse_lapse("Сноска. Пункт 4 в редакции Закона РК от 01.06.2017 № 1."),
            None
        );
        assert_eq!(
            parse_lapse("5-1. 01.01.2023 бастап қолданысқа енгізіледі"),
            None
        );
    }

    /// A note that a unit's printed wording applies until a day (the Law on Responsible
    /// Treatment of Animals, 162833, art. 18 p. 3, whose wording for the period of suspension
    /// article 30 gives): the wording expires, named as the part, not the paragraph.
    #[test]
    fn a_wording_that_applies_until_a_day() {
        for (note, label, part) in [
            (
                "Сноска. Данная редакция пункта 3 действует до 01.01.2025 в соответствии с подпунктом 1) пункта 2 статьи 30 настоящего Закона.",
                "пункта 3",
                "данная редакция",
            ),
            (
                "Ескерту. 3-тармағының осы редакциясы 01.01.2025 дейін қолданылады - осы Заңның 30-бабы 2-тармағының 1) тармақшаcымен.",
                "3-тармағының",
                "осы редакциясы",
            ),
        ] {
            let l = parse_lapse(note).expect("an expiry");
            let (unit, piece) = super::unit_part(&l.label);
            assert_eq!(
                (unit.as_str(), piece.or(l.part).as_deref()),
                (label, Some(part)),
                "{note}"
            );
            assert_eq!(
                l.limit,
                TimeLimit::Expires {
                    since: d(2025, 1, 1),
                    part: None,
                    under: None,
                    set_by: None
                }
            );
        }
    }

    #[test]
    fn suspension_in_both_languages() {
        let l = parse_lapse("Осы Заңның 11-бабының 6-тармағы 4) тармақшасының қолданысы 2026 жылғы 1 қаңтарға дейін тоқтатыла тұрсын, тоқтатыла тұру кезеңінде осы тармақша мынадай редакцияда қолданылады деп белгіленсін").expect("a suspension");
        assert_eq!(l.label, "11-бабының 6-тармағы 4) тармақшасы");
        assert_eq!(
            l.limit,
            TimeLimit::Suspended {
                from: None,
                until: Some(d(2026, 1, 1)),
                estimated: false,
                by: None
            }
        );
        let l = parse_lapse("Сноска. Действие пункта 3 приостановлено с 01.01.2020 до 01.01.2022 в соответствии с Законом РК от 26.12.2019 № 289-VI.").expect("a suspension");
        assert_eq!(l.label, "пункта 3");
        assert_eq!(
            l.limit,
            TimeLimit::Suspended {
                from: Some(d(2020, 1, 1)),
                until: Some(d(2022, 1, 1)),
                estimated: false,
                by: None
            }
        );
    }

    /// A provision ordering a suspension, its day before what it names: a list of this act's
    /// units (the Law on Aquaculture, 211263, art. 23 p. 4, the census's c0018, its quoted
    /// wordings left out as the census prints them), or another act's paragraph (the
    /// government resolution of the census's a00422, whose own date `от 21 января 2012 года`
    /// is no day of the suspension).
    #[test]
    fn a_suspension_ordered_in_russian() {
        let l = parse_lapse("4. Приостановить до 1 января 2027 года действие: 1) части второй пункта 3 статьи 10 настоящего Закона, установив, что в период приостановления данная часть действует в следующей редакции: … 2) части второй пункта 9 статьи 10 настоящего Закона …; 3) части второй пункта 2 статьи 11 настоящего Закона …; 4) подпункта 2) пункта 8 статьи 14 настоящего Закона, установив, что в период приостановления данный подпункт действует в следующей редакции: …").expect("a suspension");
        assert_eq!(
            l.label,
            "части второй пункта 3 статьи 10 настоящего Закона; части второй пункта 9 статьи 10 настоящего Закона; части второй пункта 2 статьи 11 настоящего Закона; подпункта 2) пункта 8 статьи 14 настоящего Закона"
        );
        assert_eq!(
            l.limit,
            TimeLimit::Suspended {
                from: None,
                until: Some(d(2027, 1, 1)),
                estimated: false,
                by: None
            }
        );
        let l = parse_lapse("1. Приостановить до 1 сентября 2024 года действие абзаца шестнадцатого пункта 6 Правил въезда и пребывания иммигрантов в Республике Казахстан, а также их выезда из Республики Казахстан, утвержденных постановлением Правительства Республики Казахстан от 21 января 2012 года № 148, для граждан Кыргызской Республики.").expect("a suspension");
        assert_eq!(
            l.label,
            "абзаца шестнадцатого пункта 6 Правил въезда и пребывания иммигрантов в Республике Казахстан"
        );
        assert_eq!(
            l.limit,
            TimeLimit::Suspended {
                from: None,
                until: Some(d(2024, 9, 1)),
                estimated: false,
                by: None
            }
        );
        assert!(super::super::names_other_act(&l.label));
        assert!(!super::super::names_other_act(
            "части второй пункта 3 статьи 10 настоящего Закона"
        ));
        // Naming nothing, it suspends nothing it could name.
        assert_eq!(
            parse_lapse("Приостановить до 1 января 2027 года действие."),
            None
        );
    }
}
