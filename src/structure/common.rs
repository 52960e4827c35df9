//! Line patterns shared by the text, FAQ and Markdown parsers.

use crate::text::lowercase;
use regex::Regex;
use std::sync::LazyLock;

/// A printed number split into its parts for ordering (`14-1` → `[14, 1]`).
pub(crate) fn num_key(num: &str) -> Vec<u32> {
    num.split('-')
        .filter_map(|p| p.trim().parse().ok())
        .collect()
}

/// Letters and digits only, lowercased: for matching words that extraction letter-spaced
/// (`б е к і т і л г е н`).
pub(crate) fn squash(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        squash_char(c, |l| out.push(l));
    }
    out
}

/// What [`squash`] writes for one character: one pass of `normalize_i(lowercase(alphanumerics))`,
/// with the common letters looked up directly.
#[inline]
fn squash_char(c: char, mut push: impl FnMut(char)) {
    let mut put = |l: char| {
        push(match l {
            'i' => 'і',
            'I' => 'І',
            l => l,
        })
    };
    match c {
        'a'..='z' | '0'..='9' | 'а'..='я' | 'ѐ'..='џ' => put(c),
        'A'..='Z' | 'А'..='Я' => put(char::from_u32(c as u32 + 0x20).unwrap_or(c)),
        c if c.is_ascii() => {}
        c if c.is_alphanumeric() => c.to_lowercase().for_each(put),
        _ => {}
    }
}

/// `squash(s).ends_with(suffix)`, read from the end of `s` without building the squashed text.
pub(crate) fn squash_ends_with(s: &str, suffix: &str) -> bool {
    let mut want = suffix.chars().rev();
    let mut pending = want.next();
    for c in s.chars().rev() {
        let Some(_) = pending else {
            return true;
        };
        // A character squashes to at most three (`to_lowercase`), compared last first.
        let mut got = ['\0'; 3];
        let mut n = 0;
        squash_char(c, |l| {
            if n < got.len() {
                got[n] = l;
            }
            n += 1;
        });
        if n > got.len() {
            // Never happens for a Unicode lowercase mapping; answer as `squash` would.
            return squash(s).ends_with(suffix);
        }
        for &l in got[..n].iter().rev() {
            match pending {
                None => return true,
                Some(w) if w == l => pending = want.next(),
                Some(_) => return false,
            }
        }
    }
    pending.is_none()
}

/// Ends a sentence or a list item.
pub(crate) fn is_terminal(s: &str) -> bool {
    let t = s.trim_end();
    t.ends_with('.') || t.ends_with(';') || t.ends_with(':')
}

/// A regex that matches only text starting (or ending) with certain characters (`^[0-9]…`,
/// `^[IVXLCІ]…`, `…қосымша\s*$`): [`Gated::captures`] and [`Gated::is_match`] answer as the
/// regex does, without running it on the many lines that cannot match.
pub(crate) struct Gated {
    re: Regex,
    /// A test every text the regex matches passes (its first or last character).
    gate: fn(&str) -> bool,
}

impl Gated {
    /// A regex that only matches texts `gate` accepts.
    pub(crate) fn new(pattern: &str, gate: fn(&str) -> bool) -> Self {
        Gated {
            re: Regex::new(pattern).expect("valid regex"),
            gate,
        }
    }

    pub(crate) fn captures<'h>(&self, text: &'h str) -> Option<regex::Captures<'h>> {
        if !(self.gate)(text) {
            return None;
        }
        self.re.captures(text)
    }

    pub(crate) fn is_match(&self, text: &str) -> bool {
        (self.gate)(text) && self.re.is_match(text)
    }

    /// The regex alone, for tests that check the gate.
    #[cfg(test)]
    pub(crate) fn is_match_ungated(&self, text: &str) -> bool {
        self.re.is_match(text)
    }

    /// The gate alone, for tests.
    #[cfg(test)]
    pub(crate) fn gate_passes(&self, text: &str) -> bool {
        (self.gate)(text)
    }
}

/// Text starting with an ASCII digit, as the patterns' `^[0-9]` do.
pub(crate) fn starts_with_digit(t: &str) -> bool {
    t.as_bytes().first().is_some_and(u8::is_ascii_digit)
}

/// The text after its leading run of digits and hyphens (`14-1. …` → `. …`).
fn after_number(t: &str) -> &str {
    t.trim_start_matches(|c: char| c.is_ascii_digit() || c == '-')
}

/// The text without one leading whitespace character, if it has one.
fn skip_one_space(t: &str) -> &str {
    let mut cs = t.chars();
    match cs.next() {
        Some(c) if c.is_whitespace() => cs.as_str(),
        _ => t,
    }
}

/// Text that may be `N. …` or `N-M. …` ([`RE_PARA`]): a number (a run of digits and hyphens,
/// all of which the pattern's number must take, as a digit or hyphen cannot stand after it),
/// at most one space, then `.` (`mark` for [`RE_SUBPARA`]'s `)`).
fn numbered_with(t: &str, mark: char) -> bool {
    starts_with_digit(t) && skip_one_space(after_number(t)).starts_with(mark)
}

/// Text that may be `N-тарау …` / `N-бап …` ([`RE_CHAPTER`], [`RE_ARTICLE`]): a number, then
/// spaces and a hyphen or dash (the hyphen may end the run of digits and hyphens), then one of
/// `words`.
fn numbered_word(t: &str, words: &[&str]) -> bool {
    starts_with_digit(t) && {
        let rest = after_number(t)
            .trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '-' | '–' | '—'));
        words.iter().any(|w| rest.starts_with(w))
    }
}

/// Text starting with a Roman numeral's letter as chapters print it (Cyrillic `І` too).
fn starts_roman(t: &str) -> bool {
    t.chars()
        .next()
        .is_some_and(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C' | 'І'))
}

/// Text ending (before trailing spaces) in `а` or `А`, as `…қосымша\s*$` does in any case
/// (no other character folds to `а`).
fn ends_in_a(t: &str) -> bool {
    t.trim_end().ends_with(['а', 'А'])
}

/// Text that may start `алып тасталды` or `исключена` in any case, maybe in parentheses:
/// `*`, `(`, a space, `а`, `А`, `и` or `И` first.
fn may_start_deleted(t: &str) -> bool {
    t.chars()
        .next()
        .is_some_and(|c| matches!(c, '*' | '(' | 'а' | 'А' | 'и' | 'И') || c.is_whitespace())
}

/// `14-1. Text` (also the letter-spaced `5 .  М е м`): the number of a numbered paragraph.
pub(crate) static RE_PARA: LazyLock<Gated> = LazyLock::new(|| {
    Gated::new(r"^([0-9]+(?:-[0-9]+)*)\s?\.(?:\s|$)", |t| {
        numbered_with(t, '.')
    })
});
/// `1-1) text` (also `2 )`): the number of a subparagraph.
pub(crate) static RE_SUBPARA: LazyLock<Gated> =
    LazyLock::new(|| Gated::new(r"^([0-9]+(?:-[0-9]+)*)\s?\)", |t| numbered_with(t, ')')));
/// `1-тарау. Жалпы ережелер`, also `1 тарау. …` and `1-1 тарау` (a space where the hyphen
/// belongs, as some acts print it) and `1 – тарау. …` (a dash for the hyphen).
pub(crate) static RE_CHAPTER: LazyLock<Gated> = LazyLock::new(|| {
    Gated::new(
        r"^([0-9]+(?:-[0-9]+)*)(?:\s*[-–—]\s*|\s+)тарау(?:\.\s*|\s+|$)(.*)$",
        |t| numbered_word(t, &["тарау"]),
    )
});
/// `I ТАРАУ. ЖАЛПЫ ЕРЕЖЕЛЕР`
pub(crate) static RE_ROMAN_CHAPTER: LazyLock<Gated> = LazyLock::new(|| {
    Gated::new(
        r"^([IVXLCІ]+)\s*[-–]?\s*(?:ТАРАУ|тарау|Тарау)(?:\.\s*|\s+|$)(.*)$",
        starts_roman,
    )
});
/// `3-1-бап. Heading`, also `37-1 бап. Heading` (a space where the hyphen belongs), `5 бап`
/// and `1-БАП ЖАЛПЫ ЕРЕЖЕЛЕР` (an agreement's articles in capitals).
pub(crate) static RE_ARTICLE: LazyLock<Gated> = LazyLock::new(|| {
    Gated::new(
        r"^([0-9]+(?:-[0-9]+)*)(?:\s*-\s*|\s+)(?:бап|БАП)(?:\.\s*|\s+|$)(.*)$",
        |t| numbered_word(t, &["бап", "БАП"]),
    )
});
/// `… 1-қосымша`, `3-1 қосымша`, `4-4 - қосымша`, `5-ҚОСЫМША` at the end of a line.
pub(crate) static RE_ANNEX: LazyLock<Gated> = LazyLock::new(|| {
    Gated::new(
        r"(?i)(?:^|\s)([0-9]+(?:-[0-9]+)*)(?:\s*-\s*|\s+)қосымша\s*$",
        ends_in_a,
    )
});
/// A unit printed as deleted.
pub(crate) static RE_DELETED: LazyLock<Gated> = LazyLock::new(|| {
    Gated::new(
        r"^(?i:\*?\s*\(?(?:(?:алып|алынып)\s+тасталды|(?:(?:подпункт|пункт|часть|статья|глава|абзац)\s+)?исключен[аоы]?(?:\s|$|[.,;)-])))",
        may_start_deleted,
    )
});
/// `01.01.2023 бастап қолданысқа енгізіледі`: text that takes effect later.
pub(crate) static RE_PENDING: LazyLock<Gated> = LazyLock::new(|| {
    Gated::new(
        r"^([0-9]{2}\.[0-9]{2}\.[0-9]{4})\s+(?:бастап|жылдан\s+бастап)\s+қолданысқа\s+енгізіледі",
        starts_with_digit,
    )
});

/// `Вводится в действие с 01.01.2023 …`: Russian text that takes effect later.
pub(crate) static RE_PENDING_RU: LazyLock<Gated> = LazyLock::new(|| {
    Gated::new(
        r"^(?:[Вв]водится\s+в\s+действие|[Дд]ействует)\s+с\s+([0-9]{2}\.[0-9]{2}\.[0-9]{4})",
        |t| t.starts_with(['В', 'в', 'Д', 'д']),
    )
});

/// `Ескерту. 3-тармақ …`: the kind and number of the unit a note names first.
static RE_NOTE_TARGET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[>*\s]*Ескерт\S*\s*(?:Жаңа\s+)?([0-9]+(?:-[0-9]+)*)\s*-\s*(тармақша|тармақ|тарау|қосымша|бап|бөлім)")
        .expect("valid regex")
});
/// `Ескерту. 2-қосымша алып тасталды`: a note that deletes its unit.
static RE_NOTE_DELETES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[>*\s]*Ескерт\S*\s*([0-9]+(?:-[0-9]+)*)\s*-\s*\S+\s+(?:алып|алынып)\s+тасталды")
        .expect("valid regex")
});

/// A law's chapter line (`I ТАРАУ. …` or `1-тарау. …`): its number (Roman numerals as
/// digits) and heading.
pub(crate) fn chapter_line(text: &str) -> Option<(String, String)> {
    let c = RE_ROMAN_CHAPTER
        .captures(text)
        .or_else(|| RE_CHAPTER.captures(text))?;
    let num = roman(&c[1])
        .map(|n| n.to_string())
        .unwrap_or_else(|| c[1].to_string());
    Some((num, c[2].trim().to_string()))
}

/// The level of a structural heading of a law or of approved Rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum HeadKind {
    /// `Раздел 1` / `1-бөлім`.
    Section,
    /// `Глава 1.`, `Глава I.` / `1-тарау`, `I ТАРАУ`.
    Chapter,
    /// `Параграф 1` / `1-параграф`: a group of articles inside a chapter.
    Subsection,
    /// `Статья 3-1.` / `3-1-бап.`
    Article,
}

/// A structural heading line read in either language: its level, number (Roman numerals as
/// digits) and heading words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct HeadingLine {
    pub kind: HeadKind,
    pub num: String,
    pub heading: String,
}

/// `Статья 3-1. …`, `Глава I. …`, `Раздел 2 …`, `Параграф 1 …` (and the table of contents'
/// `Статья 1 . …`, `Глава I . …`).
static RE_RU_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:(статья|глава|раздел|параграф))\s+([0-9]+(?:-[0-9]+)*|[IVXLCІ]+)\s*(\.)?(?:\s+|$)(.*)$")
        .expect("valid regex")
});
/// `1-бөлім …`, `I БӨЛІМ …`, `2-параграф …`.
static RE_KK_GROUP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^([0-9]+(?:-[0-9]+)*|[IVXLCІ]+)(?:\s*-\s*|\s+)(?i:(бөлім|параграф))(?:\.\s*|\s+|$)(.*)$",
    )
    .expect("valid regex")
});

/// `Тарау 2. Heading`: a Kazakh chapter printed word first, as some approved Rules print it
/// beside `1-тарау. …`.
static RE_KK_WORD_CHAPTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:Тарау|ТАРАУ)\s+([0-9]+(?:-[0-9]+)*|[IVXLCІ]+)\s*(\.)?(?:\s+|$)(.*)$")
        .expect("valid regex")
});

/// Reads a structural heading (section, chapter, paragraph group or article) in Kazakh or
/// Russian. `own_line`: the line is printed as a heading of its own (a Markdown heading), so
/// a Russian chapter, section or paragraph group, or a Kazakh chapter printed word first
/// (`Тарау 2. …`) whose title opens with a capital, needs no period after its number, nor does a
/// Russian article whose number ends the line or whose title opens with a capital (`### Статья
/// 3`, `### Статья 1 Общие положения`, as agreements ratified by law print them); any other
/// article needs its period (`Статья 5 настоящего Закона …` opening a sentence is not one, in a
/// heading line or not).
/// Latin letters that look like Cyrillic ones are read as Cyrillic (see [`fold_lookalikes`]).
pub(crate) fn heading_line(text: &str, own_line: bool) -> Option<HeadingLine> {
    if let Some(h) = heading_line_exact(text, own_line) {
        return Some(h);
    }
    // Look-alikes matter only where the heading's words are: its first two words (`Cтатья 5.`
    // with a Latin `C`, `37-1 бaп`) mixing Latin and Cyrillic letters.
    let mixed = text.split_whitespace().take(2).any(|w| {
        w.chars().any(|c| c.is_ascii_alphabetic())
            && w.chars().any(|c| !c.is_ascii() && c.is_alphabetic())
    });
    if !mixed {
        return None;
    }
    let folded = fold_lookalikes(text);
    match folded {
        std::borrow::Cow::Owned(f) => heading_line_exact(&f, own_line),
        std::borrow::Cow::Borrowed(_) => None,
    }
}

fn heading_line_exact(text: &str, own_line: bool) -> Option<HeadingLine> {
    let num_of = |s: &str| {
        roman(s)
            .map(|n| n.to_string())
            .unwrap_or_else(|| s.to_string())
    };
    if let Some((num, heading)) = chapter_line(text) {
        return Some(HeadingLine {
            kind: HeadKind::Chapter,
            num,
            heading,
        });
    }
    if let Some(c) = RE_ARTICLE.captures(text) {
        return Some(HeadingLine {
            kind: HeadKind::Article,
            num: c[1].to_string(),
            heading: c[2].trim().to_string(),
        });
    }
    let first = text.chars().next()?;
    if first == 'Т' {
        let c = RE_KK_WORD_CHAPTER.captures(text)?;
        let bare_or_titled = c[3].chars().next().is_none_or(char::is_uppercase);
        if !(c.get(2).is_some() || own_line && bare_or_titled) {
            return None;
        }
        return Some(HeadingLine {
            kind: HeadKind::Chapter,
            num: num_of(&c[1]),
            heading: c[3].trim().to_string(),
        });
    }
    if matches!(first, 'С' | 'с' | 'Г' | 'г' | 'Р' | 'р' | 'П' | 'п') {
        let c = RE_RU_HEADING.captures(text)?;
        let word = lowercase(&c[1]);
        let period = c.get(3).is_some();
        let kind = match word.as_str() {
            "статья" => HeadKind::Article,
            "глава" => HeadKind::Chapter,
            "раздел" => HeadKind::Section,
            _ => HeadKind::Subsection,
        };
        let digits = c[2].as_bytes().first().is_some_and(u8::is_ascii_digit);
        // A heading line's article with no period: its number alone, or a title opening with a
        // capital.
        let bare_or_titled = c[4].chars().next().is_none_or(char::is_uppercase);
        let unpunctuated = kind != HeadKind::Article || bare_or_titled;
        if !(period || own_line && unpunctuated) || kind == HeadKind::Article && !digits {
            return None;
        }
        return Some(HeadingLine {
            kind,
            num: num_of(&c[2]),
            heading: c[4].trim().to_string(),
        });
    }
    if !(starts_with_digit(text) || starts_roman(text)) {
        return None;
    }
    let c = RE_KK_GROUP.captures(text)?;
    let kind = if lowercase(&c[2]) == "бөлім" {
        HeadKind::Section
    } else {
        HeadKind::Subsection
    };
    Some(HeadingLine {
        kind,
        num: num_of(&c[1]),
        heading: c[3].trim().to_string(),
    })
}

pub(crate) use crate::text::fold_lookalikes;

/// Roman numeral value (`IV` → 4); Cyrillic `І` is read as Latin `I`.
pub(crate) fn roman(s: &str) -> Option<u32> {
    let mut total = 0u32;
    let mut prev = 0u32;
    for c in s.chars().rev() {
        let v = match c {
            'I' | 'І' => 1,
            'V' => 5,
            'X' => 10,
            'L' => 50,
            'C' => 100,
            _ => return None,
        };
        if v < prev {
            total = total.checked_sub(v)?;
        } else {
            total += v;
            prev = v;
        }
    }
    (total > 0).then_some(total)
}

/// `Ескерту.` / `Ескертпе.` notes, and their Russian counterparts `Сноска.` / `Примечание.`
/// (with or without Markdown decoration). `Ескертпе:` / `Примечание:` with a colon is a
/// footnote of a form or table, which stays text.
pub(crate) fn is_note_start(text: &str) -> bool {
    let t = text.trim_start_matches(['>', '*', '_', ' ']);
    t.starts_with("Ескерту.")
        || t.starts_with("Ескертпе.")
        || t.starts_with("Сноска.")
        || t.starts_with("Примечание.")
}

/// A note on the whole text, with its prefix (`Ескерту. Бүкіл мәтін бойынша …`) or, as the
/// mirror prints it above a split code's title, without (`по всему тексту слова … заменить
/// … Законом РК от …`).
pub(crate) fn is_whole_text_note(text: &str) -> bool {
    let t = text.trim_start_matches(['>', '*', '_', ' ']);
    let t = ["Ескерту.", "Ескертпе.", "Сноска.", "Примечание."]
        .iter()
        .find_map(|p| t.strip_prefix(p))
        .unwrap_or(t)
        .trim_start();
    let lower = crate::structure::lowercase(t.get(..t.len().min(64)).unwrap_or(t));
    lower.starts_with("бүкіл мәтін") || lower.starts_with("по всему тексту")
}

/// `Сноска. Статья 3 в редакции …`, `Сноска. В статью 5 внесены …`, `Сноска. Подпункт 4) …`,
/// `Примечание. Пункт 1 предусмотрено …`: the kind word and number of the unit a Russian note
/// names first.
static RE_NOTE_TARGET_RU: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[>*\s]*(?:Сноска|Примечание)\.\s*(?:(?:В|Во|в|во)\s+)?(?:(?:Заголовок|Наименование|Название|заголовок|наименование|название)\s+)?((?i:стать|подпункт|пункт|глав|приложени|раздел|параграф|част))\p{L}*\s+([0-9]+(?:-[0-9]+)*|[IVXLCІ]+)\b")
        .expect("valid regex")
});
/// `Сноска. Статья 7 исключена …`, `Сноска. Приложение 3 исключено …`: a Russian note that
/// deletes the unit it names.
static RE_NOTE_DELETES_RU: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[>*\s]*(?:Сноска|Примечание)\.\s*(?:Стать|Подпункт|Пункт|Глав|Приложени|Раздел|Параграф)\p{L}*\s+([0-9]+(?:-[0-9]+)*)\)?\s*(?:-\s*)?исключен")
        .expect("valid regex")
});

/// `Сноска. Исключена Законом РК …`, `Ескерту. Алып тасталды - …`: a note that deletes the
/// unit it follows without naming it (the mirror's Russian codes print a deleted article so).
static RE_NOTE_DELETES_ITSELF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[>*_\s]*(?:Сноска|Примечание|Ескерту)\.\s*(?:[Ии]сключен|[Аа]лып\s+тасталды|[Аа]лынып\s+тасталды)")
        .expect("valid regex")
});

/// What unit a note names first (`3-тармақ жаңа редакцияда` → Paragraph "3").
pub(crate) fn note_target(text: &str) -> Option<(crate::model::UnitKind, Option<String>)> {
    use crate::model::UnitKind;
    if let Some(c) = RE_NOTE_TARGET.captures(text) {
        let kind = match &c[2] {
            "тармақша" => UnitKind::Subparagraph,
            "тармақ" => UnitKind::Paragraph,
            "тарау" => UnitKind::Chapter,
            "қосымша" => UnitKind::Annex,
            "бап" => UnitKind::Article,
            _ => UnitKind::Section,
        };
        return Some((kind, Some(c[1].to_string())));
    }
    if let Some(c) = RE_NOTE_TARGET_RU.captures(text) {
        let kind = match lowercase(&c[1]).as_str() {
            "подпункт" => UnitKind::Subparagraph,
            "пункт" | "част" => UnitKind::Paragraph,
            "глав" => UnitKind::Chapter,
            "приложени" => UnitKind::Annex,
            "стать" => UnitKind::Article,
            _ => UnitKind::Section,
        };
        let num = roman(&c[2])
            .map(|n| n.to_string())
            .unwrap_or_else(|| c[2].to_string());
        return Some((kind, Some(num)));
    }
    let rest = text
        .trim_start_matches(['>', '*', ' '])
        .split_once(['.', ':'])
        .map(|(_, r)| r.trim_start())
        .unwrap_or("");
    if rest.starts_with("Преамбула") || rest.starts_with("Кіріспе") {
        return Some((UnitKind::Preamble, None));
    }
    if rest.starts_with("Қағида")
        || rest.starts_with("Ереже")
        || rest.starts_with("Регламент")
        || rest.starts_with("Правил")
        || rest.starts_with("Положени")
    {
        return Some((UnitKind::Attachment, None));
    }
    None
}

/// `Сноска. Глава I дополнена статьей 3-1 …`: the unit a Russian note says was added, which
/// is the one the note is about (the Kazakh note names it first: `Жаңа 3-1-баппен
/// толықтырылды`).
static RE_NOTE_ADDED_RU: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[>*\s]*Сноска\.[^.]*?\bдополнен\p{L}*\s+(?:новой\s+|новым\s+)?(статьей|главой|пунктом|подпунктом|частью|параграфом|разделом|приложением)\s+([0-9]+(?:-[0-9]+)*)")
        .expect("valid regex")
});

/// The unit a note says was added (`… дополнена статьей 3-1`), if it says so.
pub(crate) fn note_added(text: &str) -> Option<(crate::model::UnitKind, Option<String>)> {
    use crate::model::UnitKind;
    let c = RE_NOTE_ADDED_RU.captures(text)?;
    let kind = match &c[1] {
        "статьей" => UnitKind::Article,
        "главой" => UnitKind::Chapter,
        "пунктом" | "частью" => UnitKind::Paragraph,
        "подпунктом" => UnitKind::Subparagraph,
        "приложением" => UnitKind::Annex,
        _ => UnitKind::Section,
    };
    Some((kind, Some(c[2].to_string())))
}

/// Whether a note says its unit was deleted (`2-қосымша алып тасталды`, `7-бап алып тасталды`,
/// or, naming no unit, `Сноска. Исключена Законом РК …`).
pub(crate) fn note_deletes(text: &str, num: &str) -> bool {
    RE_NOTE_DELETES
        .captures(text)
        .or_else(|| RE_NOTE_DELETES_RU.captures(text))
        .is_some_and(|c| &c[1] == num)
        || RE_NOTE_DELETES_ITSELF.is_match(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::strategy::Strategy;

    /// Each gate passes every text its regex matches.
    #[test]
    fn gates_pass_every_match() {
        let pieces = [
            "1",
            "12",
            "3-1",
            "-",
            " - ",
            " ",
            "  ",
            "\u{a0}",
            ".",
            ")",
            " )",
            "*",
            "тарау",
            "-тарау",
            " бап",
            "-бап",
            "бап.",
            "БАП",
            " – ",
            "—",
            "Қаз",
            "x",
            "\u{0661}",
            "I",
            "ТАРАУ",
        ];
        let gated: [&Gated; 5] = [
            &RE_PARA,
            &RE_SUBPARA,
            &RE_CHAPTER,
            &RE_ARTICLE,
            &RE_ROMAN_CHAPTER,
        ];
        let matched = std::cell::Cell::new(0);
        crate::property::check(40000, crate::property::text(&pieces, 7), |s| {
            for g in gated {
                if g.re.is_match(&s) {
                    matched.set(matched.get() + 1);
                    assert!((g.gate)(&s), "{s:?} {}", g.re.as_str());
                }
            }
        });
        let matched = matched.get();
        assert!(matched > 100, "{matched}");
    }

    /// `lowercase` is `to_lowercase` for every character it maps itself, alone and in text.
    #[test]
    fn lowercase_is_to_lowercase() {
        // Wider than what it maps itself (Latin-1's letters, Greek, `K` the Kelvin sign), so a
        // range taken too wide shows.
        for k in (0..0x530).chain(0x2000..0x2200) {
            let Some(c) = char::from_u32(k) else { continue };
            let s = c.to_string();
            assert_eq!(lowercase(&s), s.to_lowercase(), "U+{k:04X}");
        }
        for s in [
            "Қазақстан Республикасы",
            "ӘДІЛЕТ Σ ΣΑ",
            "İstanbul",
            "",
            "ABC әб",
            "ҚР «Заң» – № 5\u{a0}БАП…",
            "«ΣΑΣ» – Σ",
        ] {
            assert_eq!(lowercase(s), s.to_lowercase(), "{s}");
        }
    }

    /// `squash_ends_with` answers as `squash(s).ends_with(suffix)`.
    #[test]
    fn squash_ends_with_is_squash_then_ends_with() {
        let pieces = [
            "б", "е", "к", "і", "т", "л", "г", "н", "д", "Б", "Е", "І", "I", "i", " ", "-", ".",
            "İ", "ß", "Ǆ", "1", "«",
        ];
        let suffixes = ["бекітілген", "бекітілді", "н", "", "і̇", "ss", "ǆ"];
        // One text in three ends in the spaced-out suffix.
        let texts = (crate::property::text(&pieces, 14), 0..3u8).prop_map(|(mut s, third)| {
            if third == 0 {
                s.push_str(" б е к і т і л г е н");
            }
            s
        });
        crate::property::check(20000, texts, |s| {
            for suffix in suffixes {
                assert_eq!(
                    squash_ends_with(&s, suffix),
                    squash(&s).ends_with(suffix),
                    "{s:?} {suffix:?}"
                );
            }
        });
    }

    /// Headings in both languages, with the printed variants the official texts use.
    #[test]
    fn headings_in_kazakh_and_russian() {
        let h = |t: &str, own: bool| heading_line(t, own).map(|h| (h.kind, h.num, h.heading));
        let some = |k: HeadKind, n: &str, w: &str| Some((k, n.to_string(), w.to_string()));
        assert_eq!(
            h("37-1 бап. Екінші", false),
            some(HeadKind::Article, "37-1", "Екінші")
        );
        assert_eq!(
            h("38-бап Үшінші", false),
            some(HeadKind::Article, "38", "Үшінші")
        );
        assert_eq!(h("7-бап.", false), some(HeadKind::Article, "7", ""));
        assert_eq!(
            h("Статья 3-1. Присяга", false),
            some(HeadKind::Article, "3-1", "Присяга")
        );
        assert_eq!(
            h("Статья 1 . Статус", false),
            some(HeadKind::Article, "1", "Статус")
        );
        assert_eq!(h("Статья 7.", true), some(HeadKind::Article, "7", ""));
        // An article needs its period: a sentence may open with `Статья 5 …`.
        assert_eq!(h("Статья 5 настоящего Закона применяется", true), None);
        assert_eq!(h("Статья 5 настоящего Закона применяется", false), None);
        // A heading line of its own needs none when the number ends it or a title opens with
        // a capital (agreements ratified by laws 164215 and 129448); a paragraph still does.
        assert_eq!(h("Статья 12", true), some(HeadKind::Article, "12", ""));
        assert_eq!(h("Статья 12", false), None);
        assert_eq!(
            h("Статья 1 Общие положения", true),
            some(HeadKind::Article, "1", "Общие положения")
        );
        assert_eq!(h("Статья 1 Общие положения", false), None);
        assert_eq!(
            h("1-БАП ЖАЛПЫ ЕРЕЖЕЛЕР", true),
            some(HeadKind::Article, "1", "ЖАЛПЫ ЕРЕЖЕЛЕР")
        );
        // A Kazakh chapter printed word first (Astana's Rules 224614), or with a dash for the
        // hyphen (Shymkent's Rules 133447).
        assert_eq!(
            h(
                "Тарау 2. Астана қаласында қолжетімді ортаны құру тәртібі",
                true
            ),
            some(
                HeadKind::Chapter,
                "2",
                "Астана қаласында қолжетімді ортаны құру тәртібі"
            )
        );
        assert_eq!(
            h("Тарау 4. Қорытынды ережелер", false),
            some(HeadKind::Chapter, "4", "Қорытынды ережелер")
        );
        assert_eq!(h("Тарау 4 бойынша", true), None);
        assert_eq!(h("Тарау 4 Қорытынды ережелер", false), None);
        assert_eq!(
            h("1 – тарау. Жалпы ережелер", false),
            some(HeadKind::Chapter, "1", "Жалпы ережелер")
        );
        assert_eq!(
            h("Глава I. Общие положения", false),
            some(HeadKind::Chapter, "1", "Общие положения")
        );
        assert_eq!(
            h("Глава VІI. Итоги", false),
            some(HeadKind::Chapter, "7", "Итоги")
        );
        assert_eq!(
            h("ГЛАВА 2 Порядок", true),
            some(HeadKind::Chapter, "2", "Порядок")
        );
        assert_eq!(h("ГЛАВА 2 Порядок", false), None);
        assert_eq!(
            h("IV ТАРАУ. ҚОРЫТЫНДЫ", false),
            some(HeadKind::Chapter, "4", "ҚОРЫТЫНДЫ")
        );
        assert_eq!(
            h("Раздел 2. Особенная часть", false),
            some(HeadKind::Section, "2", "Особенная часть")
        );
        assert_eq!(
            h("2-бөлім. Ерекше бөлім", false),
            some(HeadKind::Section, "2", "Ерекше бөлім")
        );
        assert_eq!(
            h("Параграф 3. Сделки", true),
            some(HeadKind::Subsection, "3", "Сделки")
        );
        assert_eq!(
            h("3-параграф. Мәмілелер", false),
            some(HeadKind::Subsection, "3", "Мәмілелер")
        );
        // Latin look-alikes in the words: `Cтатья` with a Latin `C`, `бaп` with a Latin `a`.
        assert_eq!(
            h("Cтатья 4. Срок", false),
            some(HeadKind::Article, "4", "Срок")
        );
        assert_eq!(
            h("4 бaп. Мерзім", false),
            some(HeadKind::Article, "4", "Мерзім")
        );
        assert_eq!(h("1. Жалпы ережелер", true), None);
        assert_eq!(h("2 бапта көрсетілген", false), None);
    }

    #[test]
    fn lookalikes_fold_inside_cyrillic_words_only() {
        assert_eq!(fold_lookalikes("Үкiметi"), "Үкіметі");
        assert_eq!(fold_lookalikes("Yкiметiнiң"), "Үкіметінің");
        assert_eq!(fold_lookalikes("ШЕШIМ ҚАБЫЛДАДЫ"), "ШЕШІМ ҚАБЫЛДАДЫ");
        assert_eq!(fold_lookalikes("Блок B, D1, VII"), "Блок B, D1, VII");
        assert!(matches!(
            fold_lookalikes("Қазақ"),
            std::borrow::Cow::Borrowed(_)
        ));
        assert_eq!(roman(&fold_lookalikes("VІI")), Some(7));
    }

    #[test]
    fn russian_notes_name_and_delete_their_units() {
        use crate::model::UnitKind;
        assert!(is_note_start("> *Сноска. Статья 1 с изменением*"));
        assert!(is_note_start(
            "   Примечание. Пункт 1 предусмотрено дополнить"
        ));
        assert!(!is_note_start(
            "Примечание: * при проведении повторной аттестации"
        ));
        let t = |s: &str| note_target(s);
        assert_eq!(
            t("Сноска. Статья 3 в редакции"),
            Some((UnitKind::Article, Some("3".into())))
        );
        assert_eq!(
            t("Сноска. В статью 5 внесены изменения"),
            Some((UnitKind::Article, Some("5".into())))
        );
        assert_eq!(
            t("Сноска. Подпункт 4) с изменением"),
            Some((UnitKind::Subparagraph, Some("4".into())))
        );
        assert_eq!(
            t("Примечание. Пункт 2-2 предусмотрен"),
            Some((UnitKind::Paragraph, Some("2-2".into())))
        );
        assert_eq!(
            t("Сноска. Глава I дополнена статьей 3-1"),
            Some((UnitKind::Chapter, Some("1".into())))
        );
        assert_eq!(
            t("Сноска. Приложение 2 в редакции"),
            Some((UnitKind::Annex, Some("2".into())))
        );
        assert_eq!(
            note_added("Сноска. Глава I дополнена статьей 3-1 в соответствии с Законом"),
            Some((UnitKind::Article, Some("3-1".into())))
        );
        assert_eq!(
            note_added("Примечание. Статью 10 предусмотрено дополнить пунктом 5-1"),
            None
        );
        assert!(note_deletes("Сноска. Статья 7 исключена - Законом", "7"));
        assert!(note_deletes("Сноска. Приложение 3 исключено приказом", "3"));
        assert!(!note_deletes("Сноска. Статья 7 исключена", "8"));
        assert!(note_deletes("Ескерту. 7-бап алып тасталды - ҚР", "7"));
        assert!(note_deletes(
            "*Сноска. Исключена Законом РК от 09.01.2026 № 256-VIII (вводится в действие …).*",
            "43-2"
        ));
        assert!(!note_deletes(
            "*Сноска. Статья 44 изложена в новой редакции …*",
            "44"
        ));
        assert!(RE_DELETED.is_match("Исключена Конституционным законом РК"));
        assert!(RE_DELETED.is_match("исключен;"));
        assert!(!RE_DELETED.is_match("исключение составляют"));
        assert!(RE_DELETED.is_match("(подпункт исключен Конституционным законом РК)"));
        assert!(RE_DELETED.is_match("(алып тасталды)"));
        assert!(!RE_DELETED.is_match("пункт исключительно"));
    }
}
