//! Act metadata from the printed header: title, issuers, dates, numbers, registration, status,
//! and the act id built from them.
//!
//! The helpers here (`parse_date`, `issuer_code`, `slug`) are public because the amendment stage
//! reads the same kind of references (`ҚР Сыртқы істер министрінің м.а. 05.12.2025 № 11-1-4/730`).

use crate::model::citation::codes::{kind_alternation, kind_forms, KindCase};
use crate::model::{ActKind, Issuance, Lang, Registration, Status};
pub use crate::text::normalize_i;
use crate::text::parse_date;
use chrono::NaiveDate;
use regex::Regex;
use std::sync::LazyLock;

/// Normalizes a printed act number: spaces that line breaks left around `/` and `-` go away
/// (`11-1 -4/245` → `11-1-4/245`, `11-1-4 /1` → `11-1-4/1`).
pub fn normalize_number(s: &str) -> String {
    let t: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let t = t.replace(" /", "/").replace("/ ", "/");
    let t = t.replace(" -", "-").replace("- ", "-");
    let t = t.trim_matches(|c: char| c == '.' || c == ',' || c == ';' || c == ' ');
    // A law's convocation suffix in Latin letters, without the database's `ЗРК`.
    crate::model::citation::numbers::display_number(t)
}

/// A short code for an issuing body as printed (`Сыртқы істер министрінің` → `mfa`).
pub fn issuer_code(issuer: &str) -> String {
    crate::model::citation::codes::issuer_of_words(issuer)
        .map_or("other", |i| i.slug)
        .to_string()
}

/// ASCII transliteration of Kazakh Cyrillic, for readable ids.
pub fn transliterate(s: &str) -> String {
    let mut out = String::new();
    for ch in s.chars().flat_map(|c| c.to_lowercase()) {
        let r = match ch {
            'а' | 'ә' => "a",
            'б' => "b",
            'в' => "v",
            'г' | 'ғ' => "g",
            'д' => "d",
            'е' | 'ё' | 'э' => "e",
            'ж' => "zh",
            'з' => "z",
            'и' | 'й' | 'і' | 'i' => "i",
            'к' => "k",
            'қ' => "q",
            'л' => "l",
            'м' => "m",
            'н' | 'ң' => "n",
            'о' | 'ө' => "o",
            'п' => "p",
            'р' => "r",
            'с' => "s",
            'т' => "t",
            'у' | 'ұ' | 'ү' => "u",
            'ф' => "f",
            'х' | 'һ' => "h",
            'ц' => "ts",
            'ч' => "ch",
            'ш' => "sh",
            'щ' => "sch",
            'ъ' | 'ь' => "",
            'ы' => "y",
            'ю' => "yu",
            'я' => "ya",
            c if c.is_ascii_alphanumeric() => {
                out.push(c);
                continue;
            }
            _ => " ",
        };
        out.push_str(r);
    }
    out
}

/// A lowercase ASCII slug: transliterated words joined with `-` (`11-1-4/1` → `11-1-4-1`).
pub fn slug(s: &str) -> String {
    let t = transliterate(s);
    let mut out = String::new();
    for w in t.split(|c: char| !c.is_ascii_alphanumeric()) {
        if w.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(w);
    }
    out
}

/// The id word for a kind (`joint_order` → `joint-order`).
pub fn kind_slug(kind: ActKind) -> String {
    kind.as_str().replace('_', "-")
}

/// The act id: `{issuers}-{kind}-{date}-{numbers}` when every issuance has a date and number
/// (`mfa-order-2018-01-04-11-1-4-1`, `mfa-mvd-joint-order-2020-09-01-11-1-4-245-611`; laws and
/// codes leave the issuer out), else `{kind}-{first six words of the title}` (plus six hex
/// digits of the title's hash when it is longer).
pub fn act_id(kind: ActKind, issuances: &[Issuance], title: &str) -> String {
    let complete = !issuances.is_empty()
        && issuances
            .iter()
            .all(|i| i.date.is_some() && i.number.is_some());
    if complete {
        let mut codes: Vec<&str> = Vec::new();
        for i in issuances {
            if !codes.contains(&i.issuer_code.as_str()) {
                codes.push(&i.issuer_code);
            }
        }
        let mut dates: Vec<String> = Vec::new();
        for i in issuances {
            let d = i
                .date
                .map(|d| d.format("%Y-%m-%d").to_string())
                .unwrap_or_default();
            if !dates.contains(&d) {
                dates.push(d);
            }
        }
        let numbers: Vec<String> = issuances
            .iter()
            .map(|i| slug(i.number.as_deref().unwrap_or("")))
            .collect();
        let prefix = match kind {
            ActKind::Law | ActKind::ConstitutionalLaw | ActKind::Code => kind_slug(kind),
            _ => format!("{}-{}", codes.join("-"), kind_slug(kind)),
        };
        return format!("{prefix}-{}-{}", dates.join("-"), numbers.join("-"));
    }
    let all = slug(title);
    let mut words: Vec<String> = all
        .split('-')
        .filter(|w| !w.is_empty())
        .take(6)
        .map(str::to_string)
        .collect();
    // A longer title is cut to six words; a short hash of the whole title keeps two acts that
    // only share their first words apart.
    if all.split('-').filter(|w| !w.is_empty()).count() > 6 {
        use sha2::{Digest, Sha256};
        let h = hex::encode(Sha256::digest(all.as_bytes()));
        words.push(h[..6].to_string());
    }
    let prefix = match issuances.first() {
        Some(i)
            if !matches!(
                kind,
                ActKind::Law | ActKind::ConstitutionalLaw | ActKind::Code
            ) =>
        {
            format!("{}-{}", i.issuer_code, kind_slug(kind))
        }
        _ => kind_slug(kind),
    };
    if words.is_empty() {
        prefix
    } else {
        format!("{prefix}-{}", words.join("-"))
    }
}

static RE_ISSUANCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?P<issuer>(?:Қазақстан Республикасы\S*|ҚР)\s+[^№]*?)\s*(?P<y>[0-9]{4})\s*жыл\S*\s+(?P<d>[0-9]{1,2})\s+(?P<m>\p{L}+)\s+(?:№|N)\s*(?P<n>[0-9][0-9A-Za-zА-Яа-яІіӀ./-]*(?:\s*[/-]\s*[0-9A-Za-zІіVXI.]+)*)",
    )
    .expect("valid regex")
});
/// [`RE_ISSUANCE`] anchored at the start of the text.
static RE_ISSUANCE_AT_START: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"\A(?:{})", RE_ISSUANCE.as_str())).expect("valid regex"));
static RE_REGISTRATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"Әділет\s+министрлігінде\s+(?P<date>[0-9]{4}\s*жыл\S*\s+[0-9]{1,2}\s+\p{L}+)\s+№\s*(?P<n>[0-9]+)",
    )
    .expect("valid regex")
});
/// `Күші жойылды – ҚР … бұйрығымен`: the repeal note a header prints, up to the repealing act's
/// kind word in the instrumental, as printed: the President's `Жарлығымен` capitalized, a law
/// either way, the others in lower case.
static RE_REPEALED: LazyLock<Regex> = LazyLock::new(|| {
    use ActKind::{Decision, Decree, Law, Order, Resolution};
    use KindCase::{Instrumental, PossessiveInstrumental};
    let by = |case, kinds: &[ActKind]| kind_forms(Lang::Kk, case, kinds).into_iter();
    // The first letter in upper case, or in either case.
    let capital = |w: &str, either: bool| -> String {
        let mut chars = w.chars();
        let Some(first) = chars.next() else {
            return String::new();
        };
        let upper: String = first.to_uppercase().collect();
        let head = if either {
            format!("[{upper}{first}]")
        } else {
            upper
        };
        format!("{head}{}", chars.as_str())
    };
    let words: Vec<String> = by(PossessiveInstrumental, &[Order, Resolution, Decision])
        .map(String::from)
        .chain(by(PossessiveInstrumental, &[Decree]).map(|w| capital(w, false)))
        .chain(by(PossessiveInstrumental, &[Law]).map(|w| capital(w, true)))
        .chain(by(Instrumental, &[Order]).map(String::from))
        .collect();
    Regex::new(&format!(
        r"Күші\s+жойылды\s*[-–—]?\s*(.+?(?:{}))",
        words.join("|")
    ))
    .expect("valid regex")
});

/// What the printed issuance line says.
#[derive(Debug, Clone)]
pub(crate) struct HeaderFacts {
    pub kind: Option<ActKind>,
    pub issuances: Vec<Issuance>,
    pub registration: Option<Registration>,
    pub status: Status,
}

/// Reads the issuance sentence(s): `Қазақстан Республикасы Сыртқы істер министрінің 2018 жылғы
/// 4 қаңтардағы № 11-1-4/1 бұйрығы. Қазақстан Республикасының Әділет министрлігінде 2018 жылғы
/// 13 ақпанда № 16354 болып тіркелді.`
pub(crate) fn parse_issuance(text: &str) -> HeaderFacts {
    let text = normalize_i(&crate::text::clean_spaces(text));
    // Everything from "Күші жойылды" on names another act.
    let own_end = [text.find("Күші жойылды"), text.find("Әділет")]
        .into_iter()
        .flatten()
        .min()
        .unwrap_or(text.len());
    let own = &text[..own_end];
    let mut issuances = Vec::new();
    let mut last_end = 0;
    for c in RE_ISSUANCE.captures_iter(own) {
        let issuer = c["issuer"].trim().to_string();
        let date = crate::text::date_in_words(&c["y"], &c["d"], &c["m"]);
        issuances.push(Issuance {
            issuer_code: issuer_code(&issuer),
            issuer,
            date,
            number: Some(normalize_number(&c["n"])),
            issuer_translated: None,
        });
        last_end = c.get(0).map_or(0, |m| m.end());
    }
    let after = crate::structure::lowercase(&own[last_end.min(own.len())..]);
    let kind =
        kind_from_words(&after).or_else(|| kind_from_words(&crate::structure::lowercase(own)));
    let registration = RE_REGISTRATION.captures(&text).map(|c| Registration {
        number: c["n"].to_string(),
        date: parse_date(&c["date"]),
    });
    let status = if let Some(c) = RE_REPEALED.captures(&text) {
        let by = c[1].trim().to_string();
        // `… бұйрығымен (алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң
        // қолданысқа енгізіледі)`: the clause after the act says when the repeal took effect.
        let after = c.get(0).map_or("", |m| text[m.end()..].trim_start());
        let commencement = after
            .strip_prefix('(')
            .and_then(|a| a.split_once(')'))
            .map(|(c, _)| c);
        let (on, estimated) = repeal_takes_effect(&by, commencement);
        Status::Repealed {
            on,
            by: Some(by),
            estimated,
        }
    } else if text.contains("Күшін жойған") {
        Status::Repealed {
            by: None,
            on: None,
            estimated: false,
        }
    } else {
        Status::InForce
    };
    HeaderFacts {
        kind,
        issuances,
        registration,
        status,
    }
}

/// Whether `text` starts with an issuance of the act itself: date and number followed by the
/// act's kind in the nominative (`бұйрығы`, `қаулысы`), not a reference to another act
/// (`қаулысына`, `бұйрығымен`).
///
/// `text` is already cleaned (`clean_spaces`) and normalized (`normalize_i`), so a caller
/// trying every suffix of a header cleans it once.
pub(crate) fn names_own_issuance(text: &str) -> bool {
    // An issuance sentence (issuer, date, number, kind word) is a line or two long; a header
    // may be a whole act, and every line that starts `Қазақстан Республикасы` reads it from
    // there on.
    const ISSUANCE_MAX: usize = 2000;
    let mut end = text.len().min(ISSUANCE_MAX);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let text = &text[..end];
    // Only a match at the start counts: the search is anchored there instead of scanning the
    // rest of the header for a later one (the same match when there is one at the start).
    let Some(m) = RE_ISSUANCE_AT_START.find(text) else {
        return false;
    };
    // Only the first words are read: lowercase a prefix long enough for `бірлескен `, the
    // longest kind word and the character after it, not the whole rest of the header.
    let rest: String = text[m.end()..]
        .trim_start()
        .chars()
        .take(40)
        .flat_map(char::to_lowercase)
        .collect();
    let rest = rest.strip_prefix("бірлескен ").unwrap_or(&rest);
    // The noun of each form's Kazakh citation word (`бұйрығы` of `бірлескен бұйрығы`).
    KK_FORM_WORDS.iter().any(|(w, _)| {
        let noun = w.rsplit(' ').next().unwrap_or(w);
        rest.strip_prefix(noun)
            .is_some_and(|r| r.chars().next().is_none_or(|c| !c.is_alphabetic()))
    })
}

/// The Kazakh words that end an issuance sentence, one per form, lowercase (`бірлескен
/// бұйрығы`, `қаулысы`), with its kind: the citation words of
/// [`crate::model::citation::codes::FORMS`].
static KK_FORM_WORDS: LazyLock<Vec<(String, ActKind)>> = LazyLock::new(|| {
    crate::model::citation::codes::FORMS
        .iter()
        .map(|f| (crate::structure::lowercase(f.kk), f.kind))
        .collect()
});

/// The act kind named by the words right after the issuance (`бірлескен бұйрығы`, `қаулысы`).
pub(crate) fn kind_from_words(lower: &str) -> Option<ActKind> {
    let l = lower.trim_start();
    let checks = KK_FORM_WORDS.iter().map(|(w, k)| (w.as_str(), *k));
    // The word that directly follows wins; otherwise the first one found anywhere. No word
    // starts another, so the order of the forms does not matter.
    for (w, k) in checks.clone() {
        if l.starts_with(w) {
            return Some(k);
        }
    }
    let mut best: Option<(usize, ActKind)> = None;
    for (w, k) in checks {
        if let Some(p) = l.find(w) {
            let followed = l[p + w.len()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphabetic());
            if followed && best.is_none_or(|(bp, _)| p < bp) {
                best = Some((p, k));
            }
        }
    }
    best.map(|(_, k)| k)
}

/// The act kind from a database `form` code (`КЗАК`, `ПРИК`, `ПОСТ`, `РЕШ`, …): the table of
/// [`crate::model::citation::codes::FORMS`].
pub(crate) fn kind_from_form(form: &str) -> Option<ActKind> {
    crate::model::citation::codes::form_of_code(form).map(|f| f.kind)
}

/// Words that exist in Russian and not in Kazakh, which bilingual forms are full of
/// ([`has_russian`] reads them by length, from `russian_of_len`; a test keeps the two equal).
#[cfg(test)]
const RUSSIAN_WORDS: [&str; 16] = [
    "и",
    "в",
    "для",
    "или",
    "при",
    "года",
    "номер",
    "фамилия",
    "имя",
    "отчество",
    "дата",
    "место",
    "страна",
    "заявление",
    "район",
    "город",
];

/// Whether the text has Russian passages (bilingual forms): counts words that exist in Russian
/// and not in Kazakh (`russian_of_len`).
/// Linear and allocation-free: it runs over every document.
pub(crate) fn has_russian(text: &str) -> bool {
    russian_words(text, 0) >= 10
}

/// [`has_russian`] over the lines of a text joined with `\n`, without joining them (a newline
/// ends a word, so words never run from one line into the next).
pub(crate) fn has_russian_lines<'a>(lines: impl IntoIterator<Item = &'a str>) -> bool {
    let mut n = 0;
    for l in lines {
        n = russian_words(l, n);
        if n >= 10 {
            return true;
        }
    }
    false
}

/// The Russian words of `len` bytes (all are two-byte Cyrillic letters, so only even
/// lengths have any).
fn russian_of_len(len: usize) -> &'static [&'static str] {
    match len {
        2 => &["и", "в"],
        6 => &["для", "или", "при", "имя"],
        8 => &["года", "дата"],
        10 => &["номер", "место", "район", "город"],
        12 => &["страна"],
        14 => &["фамилия"],
        16 => &["отчество"],
        18 => &["заявление"],
        _ => &[],
    }
}

/// The first letters of the Russian words (`и в д п г н ф о м с з р`, lowercase), as bits
/// `cont - 0x80` of their second UTF-8 byte, for lead byte 0xD0 and 0xD1.
const FIRST_D0: u64 = {
    let mut m = 0u64;
    let conts = [0xB8u8, 0xB2, 0xB4, 0xBF, 0xB3, 0xBD, 0xBE, 0xBC, 0xB7];
    let mut k = 0;
    while k < conts.len() {
        m |= 1 << (conts[k] - 0x80);
        k += 1;
    }
    m
};
/// `ф с р`: 0xD1 0x84, 0x81, 0x80.
const FIRST_D1: u64 = (1 << 4) | (1 << 1) | 1;

/// Whether byte `c` starts a character that is not part of a word: ASCII other than letters
/// and digits, or a multi-byte character that is not Cyrillic (lead bytes 0xD0..=0xD3 start
/// U+0400..U+04FF). Continuation bytes start nothing.
#[inline(always)]
fn starts_non_word(c: u8) -> bool {
    if c < 0x80 {
        !c.is_ascii_alphanumeric()
    } else {
        c >= 0xC0 && !(0xD0..=0xD3).contains(&c)
    }
}

/// The byte length of the character whose first byte is `c`.
#[inline(always)]
fn char_len(c: u8) -> usize {
    match c {
        0..=0x7F => 1,
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        _ => 4,
    }
}

/// Lowercases a two-byte Cyrillic letter (`А`..`Я` and `Ё`, as `lower` does); any other
/// pair stays as it is (and cannot match).
#[inline(always)]
fn lower_pair(lead: u8, cont: u8) -> (u8, u8) {
    match (lead, cont) {
        (0xD0, 0x90..=0x9F) => (0xD0, cont + 0x20),
        (0xD0, 0xA0..=0xAF) => (0xD1, cont - 0x20),
        (0xD0, 0x81) => (0xD1, 0x91),
        other => other,
    }
}

/// Whether `word` (a run of word characters) is one of the Russian words, in any case.
#[inline(always)]
fn is_russian_word(word: &[u8]) -> bool {
    // Most words cannot be one of them: their first letter, lowercased, starts none.
    word.len() >= 2
        && {
            let (lead, cont) = lower_pair(word[0], word[1]);
            (lead == 0xD0 && cont >= 0x80 && FIRST_D0 >> (cont - 0x80) & 1 == 1)
                || (lead == 0xD1 && cont >= 0x80 && FIRST_D1 >> (cont - 0x80) & 1 == 1)
        }
        && russian_of_len(word.len()).iter().any(|x| {
            x.as_bytes()
                .chunks_exact(2)
                .zip(word.chunks_exact(2))
                .all(|(x, w)| lower_pair(w[0], w[1]) == (x[0], x[1]))
        })
}

/// `n` plus the number of Russian words in `text`, counting stopped at 10.
///
/// A word is a run of ASCII letters and digits and Cyrillic letters, so words end where a
/// character starts that is neither ([`starts_non_word`]); the scan reads bytes, not
/// characters, since a continuation byte never starts one.
fn russian_words(text: &str, mut n: usize) -> usize {
    let b = text.as_bytes();
    // Where the word being read starts.
    let mut start = 0;
    // The word from `start` ends at `end`: whether it is Russian; the next starts after the
    // character at `end`.
    #[inline(always)]
    fn word_ends(b: &[u8], end: usize, start: &mut usize) -> bool {
        let hit = is_russian_word(&b[*start..end]);
        *start = end + char_len(b[end]);
        hit
    }
    for end in 0..b.len() {
        if starts_non_word(b[end]) && word_ends(b, end, &mut start) {
            n += 1;
            if n >= 10 {
                return n;
            }
        }
    }
    if start < b.len() && is_russian_word(&b[start..]) {
        n += 1;
    }
    n
}

/// The repeal a requisite line of the official database states, if any: `… Утратило силу
/// решением маслихата Алматинской области от 13 августа 2024 года № 25-125` (also `Утратил`,
/// `Утратила`, `Утратили`, Kazakh `Күші жойылды`), with the repealing act as printed and its
/// date.
pub fn repeal_in_requisite(requisite: &str) -> Option<Status> {
    const MARKS: [&str; 5] = [
        "Утратило силу",
        "Утратил силу",
        "Утратила силу",
        "Утратили силу",
        "Күші жойылды",
    ];
    let (at, mark) = MARKS
        .iter()
        .filter_map(|m| requisite.find(m).map(|at| (at, *m)))
        .min_by_key(|(at, _)| *at)?;
    let rest = requisite[at + mark.len()..]
        .trim_start_matches([' ', '-', '–', '—', ':'])
        .trim();
    // The repealing act ends where the next sentence of the requisite starts.
    let by = first_sentence(rest);
    // Its commencement (`(вводится в действие …)`) is not part of its name, but says when the
    // repeal took effect.
    let (by, commencement) = by
        .split_once(" (")
        .map_or((by, None), |(name, c)| (name, Some(c)));
    let by = by.trim_end_matches('.').trim();
    let (on, estimated) = repeal_takes_effect(by, commencement);
    Some(Status::Repealed {
        by: (!by.is_empty()).then(|| by.to_string()),
        on,
        estimated,
    })
}

/// `s` up to its first `. ` that ends a sentence, not an abbreviation: a year or a city
/// (`от 26 апреля 1999 г. N 476`, `от 14.03.2002г. № 31`, `акима г. Астаны`), an acting
/// official (`приказом и.о. Министра`).
fn first_sentence(s: &str) -> &str {
    for (at, _) in s.match_indices(". ") {
        let word = s[..at].rsplit(char::is_whitespace).next().unwrap_or("");
        let word = word.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.');
        let abbreviation = matches!(
            crate::structure::lowercase(word).as_str(),
            "г" | "гг" | "и.о" | "обл" | "ст" | "п" | "пп"
        );
        if !abbreviation {
            return &s[..at];
        }
    }
    s
}

/// The whole act's suspension a requisite line of the official database states, if any:
/// `Сноска. Действие приказа приостановлено - приказом Министра юстиции Республики Казахстан от
/// 16 октября 2003 года N 218.` (`Действие постановления / решения / указа … приостановлено`,
/// Kazakh `Бұйрықтың / Қаулының / Шешімнің … қолданылуы (қолданысы) … тоқтатыла тұрды /
/// тоқтатылды - … бұйрығымен`). A day printed after `с` / `до` (`… бастап` / `… дейін`) is
/// the suspension's; else it begins when the suspending act took effect, read as a repeal's
/// day is ([`repeal_takes_effect`]): its commencement when the requisite prints one, else its
/// signing day, the earliest it can be, estimated. `None` when no day can be told: a
/// suspension from an unknown day would read as one on every day.
pub(crate) fn suspension_in_requisite(requisite: &str) -> Option<crate::model::UnitTime> {
    let (m, ru) = match RE_RU_ACT_SUSPENDED.find(requisite) {
        Some(m) => (m, true),
        None => (RE_KK_ACT_SUSPENDED.find(requisite)?, false),
    };
    let (start, _) = suspension_note_span(requisite, m.start(), m.end());
    let rest = first_sentence(&requisite[m.end()..]);
    let sentence = format!("{}{}", &requisite[start..m.end()], rest)
        .trim()
        .trim_end_matches('.')
        .to_string();
    let rest = rest.trim_start_matches([' ', '-', '–', '—', ':']).trim();
    // Russian: the days before the suspending act's name (`до 1 января 2005 года - приказом
    // …`), the act after them; Kazakh: the days before `тоқтатыл…`, the act after the dash.
    let (when, by) = if ru {
        let at = RE_RU_ACT_INSTRUMENTAL
            .find(rest)
            .map_or(rest.len(), |a| a.start());
        (&rest[..at], &rest[at..])
    } else {
        (m.as_str(), rest)
    };
    let by = by.trim_end_matches('.').trim();
    let (by, commencement) = by
        .split_once(" (")
        .map_or((by, None), |(name, c)| (name, Some(c)));
    let (mut from, mut until) = (None, None);
    let lower = super::lowercase(when);
    let dates = crate::text::find_dates_with_words(&lower)
        .into_iter()
        .chain(crate::text::find_dates(&lower));
    for (d, r) in dates {
        let before = lower[..r.start].trim_end();
        let after = lower[r.end..].trim_start();
        if before.ends_with(" до") || before == "до" || after.starts_with("дейін") {
            until = until.or(Some(d));
        } else if before.ends_with(" с") || before == "с" || after.starts_with("бастап") {
            from = from.or(Some(d));
        }
    }
    if from.is_none() && until.is_none() && lower.contains("дейін") {
        until = parse_date(&lower);
    }
    let mut estimated = false;
    if from.is_none() {
        let (on, est) = repeal_takes_effect(by, commencement);
        from = on;
        estimated = est;
    }
    from?;
    Some(crate::model::UnitTime {
        eid: String::new(),
        limit: crate::model::TimeLimit::Suspended {
            from,
            until,
            estimated,
            by: (!by.is_empty()).then(|| by.to_string()),
        },
        source: sentence,
        read_from: None,
    })
}

/// Where the sentence stating a suspension found at `at..end` of `requisite` starts (after the
/// sentence before it) and where the next one starts.
fn suspension_note_span(requisite: &str, at: usize, end: usize) -> (usize, usize) {
    let start = requisite[..at].rfind(['.', ';']).map_or(0, |i| i + 1);
    let rest = first_sentence(&requisite[end..]);
    let stop = end + rest.len();
    let next = requisite[stop..]
        .find(|c: char| !matches!(c, '.' | ' '))
        .map_or(requisite.len(), |i| stop + i);
    // A note opening the requisite (`Сноска. Действие …`) goes with it.
    let head = requisite[..start].trim_end_matches([' ', '.']);
    let start = if ["Сноска", "Ескерту", "Примечание"].contains(&head.trim())
    {
        0
    } else {
        start
    };
    (start, next)
}

/// `requisite` without the sentence stating the whole act's suspension
/// ([`suspension_in_requisite`]), so that the suspending act (`приказом … от 16 октября 2003
/// года N 218`) is not read as the act's own issuance.
pub(crate) fn without_suspension_note(requisite: &str) -> std::borrow::Cow<'_, str> {
    let m = RE_RU_ACT_SUSPENDED
        .find(requisite)
        .or_else(|| RE_KK_ACT_SUSPENDED.find(requisite));
    match m {
        Some(m) => {
            let (start, next) = suspension_note_span(requisite, m.start(), m.end());
            let kept = format!("{} {}", requisite[..start].trim_end(), &requisite[next..]);
            std::borrow::Cow::Owned(kept.trim().to_string())
        }
        None => std::borrow::Cow::Borrowed(requisite),
    }
}

/// `Действие приказа приостановлено`: the whole act suspended (not `Действие пункта 3 …`, a
/// unit's, which its note states).
static RE_RU_ACT_SUSPENDED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)действие\s+(?:настоящего\s+|совместного\s+)?(?:{}|правил|инструкции|положения)\s+(?:было\s+)?приостановлен[оа]?\b",
        kind_alternation(Lang::Ru, KindCase::Genitive, &SUSPENDED_KINDS),
    ))
    .expect("valid regex")
});

/// The kinds of act a requisite says suspended as a whole, in the order their words are tried.
const SUSPENDED_KINDS: [ActKind; 6] = [
    ActKind::Order,
    ActKind::Resolution,
    ActKind::Decision,
    ActKind::Decree,
    ActKind::Law,
    ActKind::Disposition,
];

/// `Бұйрықтың қолданылуы … тоқтатыла тұрды`, `… қолданысы тоқтатылды`: the whole act suspended.
static RE_KK_ACT_SUSPENDED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(?:{}|ереженің|нұсқаулықтың)\s+қолданыл(?:уы|ысы)\s+(?:[^.;]{{0,80}}?\s)?тоқтатыл\w*(?:\s+тұр\w*)?",
        kind_alternation(Lang::Kk, KindCase::Genitive, &SUSPENDED_KINDS),
    ))
    .expect("valid regex")
});

/// Where the suspending act's name starts in a Russian requisite: its kind in the instrumental
/// (`приказом`, `постановлением`, `совместным приказом`).
static RE_RU_ACT_INSTRUMENTAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(?:совместным\s+)?(?:{})\b",
        kind_alternation(Lang::Ru, KindCase::Instrumental, &SUSPENDED_KINDS),
    ))
    .expect("valid regex")
});

/// A year followed by `г.` (`1999 г.`, `14.03.2002г.`): what it abbreviates, `года`, so that
/// the date parser reads it.
static RE_YEAR_ABBREVIATED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"([0-9]{4})\s*г\.").expect("valid regex"));

/// When a repeal by the act named `by` took effect, and whether that day is estimated: the day
/// its commencement clause gives (`вводится в действие с 1 января 2026 года`), or counts from
/// its publication (`по истечении десяти календарных дней после дня его первого официального
/// опубликования`: from the signing, the publication day being unknown, so estimated and the
/// earliest it can be); without a clause it read, the repealing act's date, estimated too: an
/// act takes effect on its signing day or later, and the requisite does not say which.
pub(crate) fn repeal_takes_effect(
    by: &str,
    commencement: Option<&str>,
) -> (Option<chrono::NaiveDate>, bool) {
    let by = RE_YEAR_ABBREVIATED.replace_all(by, "$1 года");
    // Acts adopted jointly (`решениями акима … от 15 марта 2002 года № 16-105 и … маслихата
    // от 18 марта 2002 года № 20-132`) take effect once the last of them is.
    let signed = crate::text::find_dates_with_words(&by)
        .into_iter()
        .map(|(d, _)| d)
        .max()
        .or_else(|| parse_date(&by));
    commencement
        .and_then(|c| super::effective::resolve(&super::effective::parse_rule(c), signed, None))
        .map_or((signed, signed.is_some()), |e| (Some(e.date), e.estimated))
}

/// An act a repeal instruction names: `Признать утратившим силу решение маслихата … от 27
/// марта 2015 года № 43-249 «Об утверждении Правил …»`, `Признать утратившими силу …: 1)
/// Закон Республики Казахстан от 15 июля 1996 года «…»; 2) …`, `«…» Нұр-Сұлтан қаласы
/// мәслихатының 2020 жылғы 2 маусымдағы № 500/66-VI шешімінің күші жойылды деп танылсын`. The
/// repeal takes effect with the act that orders it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RepealedAct {
    /// The words naming it beside its title: before it in Russian (`решение маслихата … от 27
    /// марта 2015 года № 43-249`), after it in Kazakh (`Нұр-Сұлтан қаласы мәслихатының 2020
    /// жылғы 2 маусымдағы № 500/66-VI шешімінің`).
    pub named: String,
    /// The date it bears.
    pub date: Option<NaiveDate>,
    /// Its number, when printed.
    pub number: Option<String>,
    /// Its title, without the quotes.
    pub title: String,
}

/// `Признать утратившим(и) силу`.
static RE_RU_REPEAL_ORDER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)признать\s+утративш\w*\s+силу\b").expect("valid regex"));

/// `… күші жойылды деп танылсын`.
static RE_KK_REPEAL_ORDER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)күш[іi]\s+жойылды\s+деп\s+танылсын").expect("valid regex"));

/// A title in quotes, `«…»` (one level of quotes inside) or `"…"`.
static RE_QUOTED_TITLE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"«((?:[^«»]|«[^«»]*»)*)»|"([^"]+)""#).expect("valid regex"));

/// Where a list item or the clause's list opens (`: `, `1) `, `; 2) `): the act named starts
/// after the last of them.
static RE_ITEM_START: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:^|:|\b[0-9]+\))\s*").expect("valid regex"));

/// A number after `№` or `N`.
static RE_ACT_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:№|\bN)\s*([0-9][^\s«»\x22(),;]*)").expect("valid regex"));

/// Whether byte `at` of `s` is inside brackets (a list of the gazettes that published an
/// act, whose titles are no acts repealed).
fn inside_brackets(s: &str, at: usize) -> bool {
    let before = &s[..at];
    before.matches('(').count() > before.matches(')').count()
}

/// The acts a repeal instruction in `text` names (none when `text` orders no repeal), each
/// with a date and a title: a quoted phrase with no date beside it names no act.
pub(crate) fn repeal_order(text: &str) -> Vec<RepealedAct> {
    let t = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let number = |s: &str| {
        RE_ACT_NUMBER
            .captures_iter(s)
            .last()
            .map(|c| c[1].trim_end_matches('.').to_string())
    };
    let title_of = |c: &regex::Captures| {
        c.get(1)
            .or_else(|| c.get(2))
            .map_or(String::new(), |m| m.as_str().trim().to_string())
    };
    let mut out = Vec::new();
    if let Some(m) = RE_RU_REPEAL_ORDER.find(&t) {
        // Russian: each act is named before its title (`… от 24 марта 1998 года "…"`), or its
        // kind before and its date after it (`решение акима области "…" от 16 октября 2012
        // года N 11-10`); the act may stand before the verb (`Решение маслихата … от 25
        // декабря 2001 года № 127/26-II "…" признать утратившим силу.`).
        let after_verb = &t[m.end()..];
        let titled = |s: &str| {
            RE_QUOTED_TITLE
                .find_iter(s)
                .any(|q| !inside_brackets(s, q.start()))
        };
        let rest = if titled(after_verb) {
            after_verb
        } else {
            &t[..m.start()]
        };
        let titles: Vec<regex::Captures> = RE_QUOTED_TITLE
            .captures_iter(rest)
            .filter(|c| c.get(0).is_some_and(|q| !inside_brackets(rest, q.start())))
            .collect();
        let mut prev = 0;
        for (i, c) in titles.iter().enumerate() {
            let Some(whole) = c.get(0) else { continue };
            let before = &rest[prev..whole.start()];
            prev = whole.end();
            let start = RE_ITEM_START
                .find_iter(before)
                .last()
                .map_or(0, |s| s.end());
            let mut named = before[start..]
                .trim()
                .trim_start_matches(|c: char| c.is_ascii_digit() || c == '.')
                .trim()
                .trim_end_matches(',')
                .trim()
                .to_string();
            if crate::text::find_dates_with_words(&named).is_empty() {
                // The date after the title, up to its sources in brackets or the next item.
                let end = titles
                    .get(i + 1)
                    .and_then(|n| n.get(0))
                    .map_or(rest.len(), |n| n.start());
                let after = rest[whole.end()..end]
                    .split(['(', ';'])
                    .next()
                    .unwrap_or("")
                    .trim()
                    .trim_end_matches([',', '.'])
                    .trim();
                if after.starts_with("от ") {
                    named = format!("{named} {after}");
                    let at = rest[whole.end()..].find(after).unwrap_or(0);
                    prev = whole.end() + at + after.len();
                }
            }
            let Some((date, _)) = crate::text::find_dates_with_words(&named).pop() else {
                continue;
            };
            out.push(RepealedAct {
                number: number(&named),
                named,
                date: Some(date),
                title: title_of(c),
            });
        }
    } else if let Some(m) = RE_KK_REPEAL_ORDER.find(&t) {
        // Kazakh: each act is named after its title (`«…» 1996 жылғы 15 шілдедегі Қазақстан
        // Республикасы Заңының`), up to its sources in brackets or the next item.
        let head = &t[..m.start()];
        let titles: Vec<regex::Captures> = RE_QUOTED_TITLE
            .captures_iter(head)
            .filter(|c| c.get(0).is_some_and(|m| !inside_brackets(head, m.start())))
            .collect();
        for (i, c) in titles.iter().enumerate() {
            let Some(whole) = c.get(0) else { continue };
            let end = titles
                .get(i + 1)
                .and_then(|n| n.get(0))
                .map_or(head.len(), |n| n.start());
            let after = &head[whole.end()..end];
            let named = after
                .split(['(', ';'])
                .next()
                .unwrap_or(after)
                .trim()
                .trim_end_matches([',', '.'])
                .trim();
            let Some(date) = crate::text::parse_date(named) else {
                continue;
            };
            out.push(RepealedAct {
                named: named.to_string(),
                date: Some(date),
                number: number(named),
                title: title_of(c),
            });
        }
    }
    out
}

/// `Зарегистрировано Департаментом юстиции Алматинской области 23 декабря 2020 года № 5834`.
/// The number may follow `№`, `N` or `за №` (`… 5 июня 2002 года N 206`).
static RE_RU_REGISTRATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"Зарегистрирован\w*[^.№]*?([0-9]{1,2}\s+\S+\s+[0-9]{4})\s+года\s+(?:за\s+)?[№N]\s*([0-9]+)")
        .expect("valid regex")
});

/// The day in digits: `Зарегистрирован в Министерстве юстиции Республики Казахстан 29.11.99 г.
/// за № 985`.
static RE_RU_REGISTRATION_DIGITS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"Зарегистрирован\w*[^.№]*?\s([0-9]{1,2})\.([0-9]{1,2})\.([0-9]{4}|[0-9]{2})\s*(?:г\.|года)?\s*(?:за\s+)?[№N]\s*([0-9]+)")
        .expect("valid regex")
});

/// `Решение №45-264 от 20.05.2015, Маслихат Алматинской области`: the database's short
/// requisite shape (kind, number, date, issuer).
static RE_SHORT_REQUISITE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\s*(\S+)\s+№\s*(\S+?)\s+от\s+([0-9]{1,2}\.[0-9]{1,2}\.[0-9]{4})\s*,?\s*(.*?)\s*\.?\s*$",
    )
    .expect("valid regex")
});

/// The justice registration a Russian requisite line states.
pub fn registration_in_requisite(requisite: &str) -> Option<Registration> {
    if let Some(c) = RE_RU_REGISTRATION.captures(requisite) {
        return Some(Registration {
            number: c[2].to_string(),
            date: parse_date(&format!("{} года", &c[1])),
        });
    }
    let c = RE_RU_REGISTRATION_DIGITS.captures(requisite)?;
    let year: i32 = c[3].parse().ok()?;
    // State registration began in the 1990s: a two-digit year from 90 is of that decade; any
    // other two digits are not read as a year (no century is guessed).
    let year = match (c[3].len(), year) {
        (2, 90..=99) => 1900 + year,
        (2, _) => return None,
        _ => year,
    };
    let (day, month): (u32, u32) = (c[1].parse().ok()?, c[2].parse().ok()?);
    Some(Registration {
        number: c[4].to_string(),
        date: parse_date(&format!("{day:02}.{month:02}.{year}")),
    })
}

/// The issuance a short requisite names (`Решение №45-264 от 20.05.2015, Маслихат
/// Алматинской области`): issuer, date and number.
pub fn short_requisite_issuance(requisite: &str) -> Option<Issuance> {
    let c = RE_SHORT_REQUISITE.captures(requisite)?;
    let issuer = c[4].trim().trim_end_matches('.').to_string();
    Some(Issuance {
        issuer_code: issuer_code(&issuer),
        issuer,
        date: parse_date(&c[3]),
        number: Some(normalize_number(&c[2])),
        issuer_translated: None,
    })
}

/// The examples of this module's items, run as unit tests (the items are not public).
#[cfg(test)]
mod doc_examples {
    #[test]
    fn issuer_code() {
        assert_eq!(
            crate::structure::issuer_code("Қазақстан Республикасы Ішкі істер министрінің"),
            "mvd"
        );
        assert_eq!(
            crate::structure::issuer_code("Қазақстан Республикасы Үкіметінің"),
            "government"
        );
    }

    #[test]
    fn repeal_in_requisite() {
        use crate::structure::header::repeal_in_requisite;
        use crate::Status;
        let r = "Решение маслихата Алматинской области от 15 декабря 2020 года № 64-340. Утратило силу решением маслихата Алматинской области от 13 августа 2024 года № 25-125";
        let Some(Status::Repealed { by, on, .. }) = repeal_in_requisite(r) else {
            panic!()
        };
        assert_eq!(
            by.as_deref(),
            Some("решением маслихата Алматинской области от 13 августа 2024 года № 25-125")
        );
        assert_eq!(on, chrono::NaiveDate::from_ymd_opt(2024, 8, 13));
        assert_eq!(
            repeal_in_requisite("Закон Республики Казахстан от 18 декабря 1995 года № 2688"),
            None
        );
    }

    /// A requisite naming the repealing act with no commencement gives that act's signing day:
    /// the earliest the repeal can have taken effect, so estimated. One with a commencement
    /// that prints a day gives that day, exact. Real requisites of the census
    /// (`evals/census/clauses.tsv`: c0116, c0202, c0091, c0117, c0081).
    #[test]
    fn a_repeal_without_its_commencement_is_estimated() {
        use crate::structure::header::repeal_in_requisite;
        use crate::Status;
        let d = |y, m, day| chrono::NaiveDate::from_ymd_opt(y, m, day);
        let cases = [
            (
                "Решение маслихата Алматинской области от 24 июля 1998 года № 21-170. Зарегистрировано Департаментом юстиции Алматинской области 11 мая 1998 года № 103. Утратило силу решением маслихата Алматинской области от 12 августа 2004 года № 8-62",
                d(2004, 8, 12),
                true,
            ),
            (
                "Постановление Кабинета Министров Республики Казахстан от 7 декабря 1992 года № 1027. Утратило силу постановлением Правительства Республики Казахстан от 17 марта 2003 года № 258",
                d(2003, 3, 17),
                true,
            ),
            (
                "Решение Маслихата города Астаны от 30 июня 2005 года N 165/20-III. Зарегистрировано Департаментом юстиции г. Астаны 28 июля 2005 года N 403. Утратило силу - решением Маслихата города Астаны от 21 сентября 2006 года N 285/35-III",
                d(2006, 9, 21),
                true,
            ),
            // Two acts adopted jointly: not before the later one.
            (
                "Решение акима Алматинской области от 27 августа 1999 года № 8-261. Зарегистрировано Управлением юстиции Алматинской области от 20 сентября 1999 года № 116. Утратило силу решениями акима Алматинской области от 15 марта 2002 года № 16-105 и Алматинского областного маслихата от 18 марта 2002 года № 20-132",
                d(2002, 3, 18),
                true,
            ),
            (
                "Конституционный закон Республики Казахстан от 26 декабря 1995 года N 2733. Утратил силу Конституционным закон Республики Казахстан от 5 июня 2026 года № 296-VIII (вводится в действие с 1 июля 2026 года)",
                d(2026, 7, 1),
                false,
            ),
        ];
        for (r, want_on, want_estimated) in cases {
            let Some(Status::Repealed { on, estimated, .. }) = repeal_in_requisite(r) else {
                panic!("no repeal read: {r}")
            };
            assert_eq!((on, estimated), (want_on, want_estimated), "{r}");
        }
    }

    /// Instructions repealing other acts, in both languages, one act or a list, titles in
    /// `«»` or `""`, the gazettes in brackets left aside. Real clauses of the census
    /// (`evals/census/clauses.tsv`: c0004, c0052, c0034, c0002, c0021).
    #[test]
    fn repeal_orders_in_both_languages() {
        use crate::structure::header::repeal_order;
        let read = |t: &str| -> Vec<String> {
            repeal_order(t)
                .iter()
                .map(|a| {
                    format!(
                        "{} | {} | {} | {}",
                        a.named,
                        a.date.map_or("-".into(), |d| d.to_string()),
                        a.number.as_deref().unwrap_or("-"),
                        a.title
                    )
                })
                .collect()
        };
        assert_eq!(
            read("3. Признать утратившим силу решение маслихата города Астаны от 12 мая 2011 года № 450/62-IV «О предоставлении жителям города Астаны бесплатного проезда на лечение за пределы города за счет бюджетных средств» (зарегистрировано в Реестре государственной регистрации нормативных правовых актов за № 675, опубликовано 25 июня 2011 года в газетах «Астана ақшамы», «Вечерняя Астана»)."),
            ["решение маслихата города Астаны от 12 мая 2011 года № 450/62-IV | 2011-05-12 | 450/62-IV | О предоставлении жителям города Астаны бесплатного проезда на лечение за пределы города за счет бюджетных средств"]
        );
        assert_eq!(
            read("3. Признать утратившим силу Закон Республики Казахстан от 24 марта 1998 года \"О нормативных правовых актах\" (Ведомости Парламента Республики Казахстан, 1998 г., № 2-3, ст. 25; … 2015 г., № 21-I, ст. 121; № 22-I, ст. 141; № 22-IІ, ст. 145)."),
            ["Закон Республики Казахстан от 24 марта 1998 года | 1998-03-24 | - | О нормативных правовых актах"]
        );
        assert_eq!(
            read("2. «Азаматтардың жекелеген санаттарына амбулаториялық емдеу кезінде тегін және жеңілдікті шарттармен дәрілік заттарды, бейімделген емдік өнімдерді, медициналық бұйымдарды қосымша беру туралы» Нұр-Сұлтан қаласы мәслихатының 2020 жылғы 2 маусымдағы № 500/66-VI шешімінің күші жойылды деп танылсын (Нормативтік құқықтық актілерді мемлекеттік тіркеу тізілімінде № 1271 болып тіркелген)."),
            ["Нұр-Сұлтан қаласы мәслихатының 2020 жылғы 2 маусымдағы № 500/66-VI шешімінің | 2020-06-02 | 500/66-VI | Азаматтардың жекелеген санаттарына амбулаториялық емдеу кезінде тегін және жеңілдікті шарттармен дәрілік заттарды, бейімделген емдік өнімдерді, медициналық бұйымдарды қосымша беру туралы"]
        );
        let ru = read("3. Признать утратившими силу со дня введения в действие настоящего Закона: 1) Закон Республики Казахстан от 15 июля 1996 года «Об административном надзоре за лицами, освобожденными из мест лишения свободы»; 2) Закон Республики Казахстан от 9 июля 2004 года «О профилактике правонарушений среди несовершеннолетних и предупреждении детской безнадзорности и беспризорности»; 3) Закон Республики Казахстан от 9 июля 2004 года «Об участии граждан в обеспечении общественного порядка»; 4) Закон Республики Казахстан от 4 декабря 2009 года «О профилактике бытового насилия»; 5) Закон Республики Казахстан от 29 апреля 2010 года «О профилактике правонарушений».");
        assert_eq!(ru.len(), 5, "{ru:?}");
        assert_eq!(ru[0], "Закон Республики Казахстан от 15 июля 1996 года | 1996-07-15 | - | Об административном надзоре за лицами, освобожденными из мест лишения свободы");
        assert_eq!(ru[4], "Закон Республики Казахстан от 29 апреля 2010 года | 2010-04-29 | - | О профилактике правонарушений");
        let kk = read("3. Осы Заң қолданысқа енгізілген күннен бастап: 1) «Бас бостандығынан айыру орындарынан босатылған адамдарды әкімшілік қадағалау туралы» 1996 жылғы 15 шілдедегі Қазақстан Республикасы Заңының; 2) «Кәмелетке толмағандар арасындағы құқық бұзушылықтардың профилактикасы мен балалардың қадағалаусыз және панасыз қалуының алдын алу туралы» 2004 жылғы 9 шілдедегі Қазақстан Республикасы Заңының; 3) «Қоғамдық тәртіпті қамтамасыз етуге азаматтардың қатысуы туралы» 2004 жылғы 9 шілдедегі Қазақстан Республикасы Заңының; 4) «Тұрмыстық зорлық-зомбылық профилактикасы туралы» 2009 жылғы 4 желтоқсандағы Қазақстан Республикасы Заңының; 5) «Құқық бұзушылық профилактикасы туралы» 2010 жылғы 29 сәуірдегі Қазақстан Республикасы Заңының күші жойылды деп танылсын.");
        assert_eq!(kk.len(), 5, "{kk:?}");
        assert_eq!(kk[0], "1996 жылғы 15 шілдедегі Қазақстан Республикасы Заңының | 1996-07-15 | - | Бас бостандығынан айыру орындарынан босатылған адамдарды әкімшілік қадағалау туралы");
        assert_eq!(kk[4], "2010 жылғы 29 сәуірдегі Қазақстан Республикасы Заңының | 2010-04-29 | - | Құқық бұзушылық профилактикасы туралы");
        // The act's kind before its title and its date after it (the Almaty oblast akim's
        // decision of 04.03.2013 № 3-3, 71918, paragraph 3); the act before the verb (the
        // Astana maslikhat's decision of 18.12.2008 № 169/28-IV, 44226, paragraph 2).
        assert_eq!(
            read("3. Признать утратившим силу решение акима области \"Об определении объема субсидий по подаче воды сельскохозяйственным товаропроизводителям на 2012 год\" от 16 октября 2012 года N 11-10 (зарегистрировано в Реестре государственной регистрации нормативных правовых актов за N 2151, опубликовано в областной газете \"Жетісу\" от 23 октября 2012 года N 120 и в газете \"Огни Алатау\" от 23 октября 2012 года N 120)."),
            ["решение акима области от 16 октября 2012 года N 11-10 | 2012-10-16 | 11-10 | Об определении объема субсидий по подаче воды сельскохозяйственным товаропроизводителям на 2012 год"]
        );
        assert_eq!(
            read("2. Решение маслихата города Астаны от 25 декабря 2001 года № 127/26-II \"Об установлении стоимости разовых талонов\" признать утратившим силу."),
            ["Решение маслихата города Астаны от 25 декабря 2001 года № 127/26-II | 2001-12-25 | 127/26-II | Об установлении стоимости разовых талонов"]
        );
        // A paragraph ordering no repeal names no act.
        assert!(read(
            "Закон Республики Казахстан от 24 марта 1998 года \"О нормативных правовых актах\""
        )
        .is_empty());
    }

    /// The repealing act's name holds abbreviations (`г.` for a year or a city, `и.о.`) whose
    /// dot is no sentence's end: its date and number are read whole. Real requisites of the
    /// census (`evals/census/clauses.tsv`: c0095, c0100, c0102, c0093, c0191).
    #[test]
    fn a_repealing_act_named_with_abbreviations() {
        use crate::structure::header::repeal_in_requisite;
        use crate::Status;
        let d = |y, m, day| chrono::NaiveDate::from_ymd_opt(y, m, day);
        let cases = [
            (
                "Постановление Кабинета Министpов Республики Казахстан от 13 августа 1992 года N 676. Утратило силу - постановлением Правительства РК от 26 апреля 1999 г. N 476",
                "постановлением Правительства РК от 26 апреля 1999 г. N 476",
                d(1999, 4, 26),
            ),
            (
                "Утверждено приказом Министерства юстиции Республики Казахстан от 21 января 1998 г. N 19. Зарегистрирован в Министерстве юстиции Республики Казахстан 07.02.1998 г. за № 450. Утратил силу - приказом Министра юстиции РК от 14.03.2002г. № 31.",
                "приказом Министра юстиции РК от 14.03.2002г. № 31",
                d(2002, 3, 14),
            ),
            (
                "Приказ Министра юстиции Республики Казахстан от 29 января 2000 года № 6. Зарегистрирован в Министерстве юстиции Республики Казахстан 1 февраля 2000 года за № 1035. Утратил силу приказом и.о. Министра юстиции Республики Казахстан от 24 августа 2007 года № 239 (вводится в действие со дня официального опубликования)",
                "приказом и.о. Министра юстиции Республики Казахстан от 24 августа 2007 года № 239",
                d(2007, 8, 24),
            ),
            (
                "Решение Акима города Астаны от 27 декабря 2004 года N 3-1-393. Зарегистрировано Департаментом юстиции города Астаны 19 января 2005 года N 370. Утратило силу - решением акима г. Астаны от 3 мая 2006 года N 33-10-2",
                "решением акима г. Астаны от 3 мая 2006 года N 33-10-2",
                d(2006, 5, 3),
            ),
            (
                "Приказ Министра юстиции Республики Казахстан от 3 апреля 2002 года N 185. Зарегистрирован в Министерстве юстиции Республики Казахстан 30 апреля 2002 г. N 1838. Утратил силу - приказом и.о. Министра юстиции РК от 5 августа 2005 года N 214 (V053784 (вводится в действие со дня официального опубликования)",
                "приказом и.о. Министра юстиции РК от 5 августа 2005 года N 214",
                d(2005, 8, 5),
            ),
        ];
        for (r, want_by, want_on) in cases {
            let Some(Status::Repealed { by, on, estimated }) = repeal_in_requisite(r) else {
                panic!("no repeal read: {r}")
            };
            assert_eq!(
                (by.as_deref(), on, estimated),
                (Some(want_by), want_on, true),
                "{r}"
            );
        }
    }

    #[test]
    fn registration_in_requisite() {
        use crate::structure::header::registration_in_requisite;
        let r = registration_in_requisite("Решение … от 15 декабря 2020 года № 64-340. Зарегистрировано Департаментом юстиции Алматинской области 23 декабря 2020 года № 5834. Утратило силу …").unwrap();
        assert_eq!(r.number, "5834");
        assert_eq!(r.date, chrono::NaiveDate::from_ymd_opt(2020, 12, 23));
    }

    /// The day in digits, a two-digit year of the 1990s and one-digit day and month; a day
    /// that does not exist gives the number without a date.
    #[test]
    fn registration_in_requisite_digits() {
        use crate::structure::header::registration_in_requisite;
        let r = registration_in_requisite("Постановление … Зарегистрирован в Министерстве юстиции Республики Казахстан 29.11.99 г. за № 985").unwrap();
        assert_eq!(r.number, "985");
        assert_eq!(r.date, chrono::NaiveDate::from_ymd_opt(1999, 11, 29));
        let r = registration_in_requisite(
            "Зарегистрировано в Министерстве юстиции 3.7.2003 года № 2399",
        )
        .unwrap();
        assert_eq!(r.date, chrono::NaiveDate::from_ymd_opt(2003, 7, 3));
        let r = registration_in_requisite(
            "Зарегистрировано в Министерстве юстиции 31.02.2003 года № 2399",
        )
        .unwrap();
        assert_eq!((r.number.as_str(), r.date), ("2399", None));
        assert_eq!(
            registration_in_requisite("Зарегистрировано 29.11.05 г. за № 985"),
            None
        );
    }

    /// The Kazakh registration sentence: its date in words and its number.
    #[test]
    fn kazakh_registration() {
        let f = super::parse_issuance("Қазақстан Республикасы Сыртқы істер министрінің 2018 жылғы 4 қаңтардағы № 11-1-4/1 бұйрығы. Қазақстан Республикасының Әділет министрлігінде 2018 жылғы 13 ақпанда № 16354 болып тіркелді.");
        let r = f.registration.expect("registration read");
        assert_eq!(r.number, "16354");
        assert_eq!(r.date, chrono::NaiveDate::from_ymd_opt(2018, 2, 13));
    }

    #[test]
    fn short_requisite_issuance() {
        use crate::structure::header::short_requisite_issuance;
        let i =
            short_requisite_issuance("Решение №45-264 от 20.05.2015, Маслихат Алматинской области")
                .unwrap();
        assert_eq!(i.number.as_deref(), Some("45-264"));
        assert_eq!(i.date, chrono::NaiveDate::from_ymd_opt(2015, 5, 20));
        assert_eq!(i.issuer, "Маслихат Алматинской области");
        assert_eq!(i.issuer_code, "maslikhat");
    }
}

#[cfg(test)]
mod tests {
    /// The repeal note's kind words, made from the table of kind words, are the words as
    /// printed: the decree capitalized, a law in either case, the others in lower case.
    #[test]
    fn the_repeal_notes_kind_words_as_printed() {
        assert_eq!(
            super::RE_REPEALED.as_str(),
            r"Күші\s+жойылды\s*[-–—]?\s*(.+?(?:бұйрығымен|қаулысымен|шешімімен|Жарлығымен|[Зз]аңымен|бұйрықпен))"
        );
    }

    /// The whole act suspended by another act, as the requisite of the order of the Minister of
    /// Justice of 03.07.2003 № 133 (16296, the census's c0123) states it: from the suspending
    /// order's signing day at the earliest, estimated, the order named; the note is no part of
    /// the act's own issuance. A day printed (`до`, `с`; Kazakh `дейін`, `бастап`) is the
    /// suspension's own; a unit's suspension (`Действие пункта 3 …`) is not the act's.
    #[test]
    fn an_act_suspended_by_another_in_its_requisite() {
        use crate::model::TimeLimit;
        let d = |y, m, day| chrono::NaiveDate::from_ymd_opt(y, m, day);
        let r = "Сноска. Действие приказа приостановлено - приказом Министра юстиции Республики Казахстан от 16 октября 2003 года N 218. Приказ Министра юстиции Республики Казахстан от 3 июля 2003 года N 133. Зарегистрирован в Министерстве юстиции Республики Казахстан 17 июля 2003 года N 2406. Утратил силу приказом Министра юстиции Республики Казахстан от 25 сентября 2006 года N 256";
        let t = super::suspension_in_requisite(r).expect("a suspension");
        assert_eq!(t.eid, "");
        assert_eq!(
            t.limit,
            TimeLimit::Suspended {
                from: d(2003, 10, 16),
                until: None,
                estimated: true,
                by: Some(
                    "приказом Министра юстиции Республики Казахстан от 16 октября 2003 года N 218"
                        .to_string()
                ),
            }
        );
        assert_eq!(
            t.source,
            "Сноска. Действие приказа приостановлено - приказом Министра юстиции Республики Казахстан от 16 октября 2003 года N 218"
        );
        assert_eq!(
            super::without_suspension_note(r),
            "Приказ Министра юстиции Республики Казахстан от 3 июля 2003 года N 133. Зарегистрирован в Министерстве юстиции Республики Казахстан 17 июля 2003 года N 2406. Утратил силу приказом Министра юстиции Республики Казахстан от 25 сентября 2006 года N 256"
        );
        // A day printed, and the suspending act's commencement.
        let t = super::suspension_in_requisite("Постановление Правительства Республики Казахстан от 5 мая 2004 года № 500. Действие постановления приостановлено до 1 января 2006 года постановлением Правительства Республики Казахстан от 20 декабря 2004 года № 1350 (вводится в действие с 1 января 2005 года)").expect("a suspension");
        assert_eq!(
            t.limit,
            TimeLimit::Suspended {
                from: d(2005, 1, 1),
                until: d(2006, 1, 1),
                estimated: false,
                by: Some(
                    "постановлением Правительства Республики Казахстан от 20 декабря 2004 года № 1350"
                        .to_string()
                ),
            }
        );
        let t = super::suspension_in_requisite("Ескерту. Бұйрықтың қолданылуы 2005 жылғы 1 қаңтарға дейін тоқтатыла тұрды - ҚР Әділет министрінің 2003.10.16 N 218 бұйрығымен.").expect("a suspension");
        assert_eq!(
            t.limit,
            TimeLimit::Suspended {
                from: d(2003, 10, 16),
                until: d(2005, 1, 1),
                estimated: true,
                by: Some("ҚР Әділет министрінің 2003.10.16 N 218 бұйрығымен".to_string()),
            }
        );
        for other in [
            "Сноска. Действие пункта 3 приостановлено с 01.01.2020 до 01.01.2022 в соответствии с Законом РК от 26.12.2019 № 289-VI.",
            "Приказ Министра юстиции Республики Казахстан от 21 июня 2007 года № 186. Зарегистрирован в Министерстве юстиции Республики Казахстан 6 июля 2007 года № 4790. Утратил силу приказом Министра внутренних дел Республики Казахстан от 14 марта 2012 года № 141",
            // No day to tell: no suspension on every day.
            "Сноска. Действие приказа приостановлено.",
        ] {
            assert_eq!(super::suspension_in_requisite(other), None, "{other}");
        }
    }

    use super::*;
    use proptest::collection::vec;
    use proptest::sample::select;
    use proptest::strategy::Strategy;

    /// `has_russian` as first written: split at non-word characters, compare lowercased chars.
    fn has_russian_reference(text: &str) -> bool {
        russian_count_reference(text) >= 10
    }

    /// The Russian words of `text` as first counted, stopped at 10.
    fn russian_count_reference(text: &str) -> usize {
        const WORDS: [&str; 16] = RUSSIAN_WORDS;
        fn in_word(c: char) -> bool {
            c.is_ascii_alphanumeric() || ('\u{400}'..='\u{4FF}').contains(&c)
        }
        fn lower(c: char) -> char {
            match c {
                'А'..='Я' => char::from_u32(c as u32 + 0x20).unwrap_or(c),
                'Ё' => 'ё',
                _ => c,
            }
        }
        let mut n = 0;
        for w in text.split(|c: char| !in_word(c)) {
            if w.is_empty() || w.len() > 18 {
                continue;
            }
            let hit = WORDS.iter().any(|x| {
                x.len() == w.len() && x.chars().zip(w.chars()).all(|(a, b)| a == lower(b))
            });
            if hit {
                n += 1;
                if n >= 10 {
                    return n;
                }
            }
        }
        n
    }

    /// The issuance at the start of a header suffix is found however much of the act follows
    /// it; only its first 2000 bytes are read, so an issuer phrase longer than that (no real
    /// one is) does not make one.
    #[test]
    fn names_own_issuance_reads_the_start_of_a_long_header() {
        let own =
            "Қазақстан Республикасы Ішкі істер министрінің 2012 жылғы 14 маусымдағы № 352 бұйрығы.";
        let rest = " Осы бұйрыққа қосымшаға сәйкес қағидалар бекітілсін.".repeat(200);
        assert!(rest.len() > 5000);
        assert!(names_own_issuance(own));
        assert!(names_own_issuance(&format!("{own}{rest}")));
        assert!(!names_own_issuance(&format!("{rest}{own}")));
        let long_issuer = own.replacen(
            "Ішкі істер министрінің",
            &"Ішкі істер министрінің ".repeat(100),
            1,
        );
        assert!(long_issuer.len() > 2000);
        assert!(!names_own_issuance(&long_issuer));
        // A reference to another act is not its own issuance.
        let other = own.replace("бұйрығы.", "бұйрығына сәйкес");
        assert!(!names_own_issuance(&format!("{other}{rest}")));
    }

    /// Every Russian word's first letter is in the first-letter masks.
    #[test]
    fn first_letter_masks_hold_every_word() {
        for w in RUSSIAN_WORDS {
            let b = w.as_bytes();
            let mask = if b[0] == 0xD0 { FIRST_D0 } else { FIRST_D1 };
            assert!(matches!(b[0], 0xD0 | 0xD1), "{w}");
            assert_eq!(mask >> (b[1] - 0x80) & 1, 1, "{w}");
        }
    }

    /// The words by length are exactly [`RUSSIAN_WORDS`].
    #[test]
    fn russian_of_len_holds_every_word_once() {
        let mut by_len: Vec<&str> = (0..=40).flat_map(russian_of_len).copied().collect();
        for w in RUSSIAN_WORDS {
            assert!(russian_of_len(w.len()).contains(&w), "{w}");
        }
        by_len.sort_unstable();
        let mut want = RUSSIAN_WORDS.to_vec();
        want.sort_unstable();
        assert_eq!(by_len, want);
    }

    /// The byte scan counts the same words as the reference on random mixed text.
    #[test]
    fn has_russian_matches_the_reference() {
        let pieces = [
            "и",
            "И",
            "в",
            "В",
            "для",
            "ДЛЯ",
            "Или",
            "при",
            "года",
            "номер",
            "Фамилия",
            "имя",
            "ОТЧЕСТВО",
            "дата",
            "место",
            "страна",
            "заявление",
            "район",
            "город",
            "және",
            "ә",
            "ё",
            "Ё",
            "ёи",
            "a",
            "i",
            "7",
            "«",
            "–",
            "№",
            "\u{2028}",
            "ИЁ",
            "қала",
            // Around the edges of the eight-byte test: ASCII next to letters and digits, other
            // two-, three- and four-byte characters.
            "Z",
            "@",
            "[",
            "`",
            "{",
            "/",
            ":",
            "é",
            "Ғ",
            "€",
            "😀",
        ];
        let seps = [" ", ", ", "-", "\n", "", "(", "\u{a0}"];
        // Up to 39 pieces, each followed by a separator.
        let word = (select(pieces.to_vec()), select(seps.to_vec()));
        let texts = vec(word, 0..40).prop_map(|words| {
            words
                .into_iter()
                .flat_map(|(w, sep)| [w, sep])
                .collect::<String>()
        });
        crate::property::check(3000, texts, |s| {
            assert_eq!(russian_words(&s, 0), russian_count_reference(&s), "{s:?}");
            assert_eq!(has_russian(&s), has_russian_reference(&s), "{s:?}");
            assert_eq!(has_russian_lines(s.split('\n')), has_russian_reference(&s));
        });
    }
}
