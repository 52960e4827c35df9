//! An act read on a date as a file to attach (`zanlex show ID --as-of D --format md`,
//! `GET /v1/acts/{id}/download`): the citation in official form and the date of the wording
//! on top, then each unit the act had that day in its wording in force then, as
//! [`ZanIndex::act_outline_on`] answers it. Nothing is read again: the file is that answer
//! written out.

use super::outline::{ActOutline, OutlineUnit};
use crate::model::{Lang, UnitKind};
use crate::ZanIndex;
use chrono::NaiveDate;

/// The format of a downloaded act: Markdown or plain text.
///
/// ```
/// use zanlex::FileFormat;
/// assert_eq!(FileFormat::parse("md").unwrap(), FileFormat::Markdown);
/// assert_eq!(FileFormat::parse("txt").unwrap().extension(), "txt");
/// assert!(FileFormat::parse("pdf").is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum FileFormat {
    /// Markdown (`md`): headings for chapters and articles, the law's words escaped so that
    /// none of them turns into markup.
    Markdown,
    /// Plain text (`txt`): the lines as the act prints them.
    Text,
}

impl FileFormat {
    /// `md` (or `markdown`) and `txt` (or `text`); [`crate::Error::BadArgument`] saying what
    /// to write otherwise.
    pub fn parse(s: &str) -> crate::Result<Self> {
        match s.trim() {
            "md" | "markdown" => Ok(FileFormat::Markdown),
            "txt" | "text" => Ok(FileFormat::Text),
            other => Err(crate::Error::BadArgument(format!(
                "format {other:?}: write md (Markdown) or txt (plain text)"
            ))),
        }
    }

    /// The file name's extension: `md` or `txt`.
    pub fn extension(self) -> &'static str {
        match self {
            FileFormat::Markdown => "md",
            FileFormat::Text => "txt",
        }
    }

    /// The media type, with its character set: `text/markdown; charset=utf-8` or
    /// `text/plain; charset=utf-8`.
    pub fn media_type(self) -> &'static str {
        match self {
            FileFormat::Markdown => "text/markdown; charset=utf-8",
            FileFormat::Text => "text/plain; charset=utf-8",
        }
    }
}

/// An act read on a date, written as a file ([`ZanIndex::act_file`]).
#[derive(Debug)]
#[non_exhaustive]
pub struct ActFile {
    /// A file name made of the act's id, the language and the date
    /// (`constitutional-law-1995-12-18-2688_kk_2023-04-25.md`): letters, digits, `-`, `_`
    /// and `.` only.
    pub file_name: String,
    /// The format's media type ([`FileFormat::media_type`]).
    pub media_type: &'static str,
    /// The file, written as it is read ([`ActFileBody`]): the citation on the first line, the
    /// date of the wording on the second, the title on the third, then the units (or, for an
    /// act not in force that day, its state and no text).
    pub body: ActFileBody,
}

/// The text of an [`ActFile`], written piece by piece as it is read: each piece whole units,
/// in the act's order, about [`ActFileBody::PIECE`] bytes (a larger unit is a piece of its
/// own). A unit's words are dropped once written, so that a door sends an act of any size
/// without ever holding its file whole; the pieces joined are the whole file.
///
/// ```no_run
/// # fn main() -> zanlex::Result<()> {
/// use std::io::Write;
/// let index = zanlex::ZanIndex::open("index")?;
/// let date = chrono::NaiveDate::from_ymd_opt(2023, 4, 25).unwrap();
/// let file = index.act_file("constitutional-law-1995-12-18-2688", None, date,
///     zanlex::FileFormat::Text)?;
/// let mut out = std::io::BufWriter::new(std::fs::File::create(&file.file_name)?);
/// for piece in file.body {
///     out.write_all(piece.as_bytes())?;
/// }
/// # Ok(()) }
/// ```
#[derive(Debug)]
pub struct ActFileBody {
    /// Markdown, else plain text.
    md: bool,
    /// Words written and not yet given: the head of the file.
    head: String,
    /// What is still to write, the next last: a unit, or the words a unit prints after the
    /// units inside it.
    todo: Vec<Step>,
}

/// One step of an [`ActFileBody`] still to write.
#[derive(Debug)]
enum Step {
    /// A unit: its own words, then the units inside it (boxed: a unit is large beside the
    /// closing words).
    Unit(Box<OutlineUnit>),
    /// The words a unit prints after the units inside it.
    Closing(String),
}

impl ActFileBody {
    /// The size a piece reaches before it is given, in bytes: large enough that a server
    /// sends few frames, small beside any act worth streaming.
    pub const PIECE: usize = 64 * 1024;

    /// The whole file in one string: for a caller that keeps it (a small act, a test).
    pub fn into_string(self) -> String {
        self.collect()
    }

    /// Writes unit `u` into `out`: its own words, a blank line before each block, its state
    /// where it is not simply in force; the units inside it, then the words it prints after
    /// them, are left to the steps after.
    fn write_unit(&mut self, u: OutlineUnit, out: &mut String) {
        let md = self.md;
        let mut own = u.text.unwrap_or_default();
        let closing = match u.closing_at.filter(|&at| own.is_char_boundary(at)) {
            Some(at) => own.split_off(at),
            None => String::new(),
        };
        let note = match (&u.state, &u.state_text) {
            (Some(state), Some(words)) if !state.is_in_force() => Some(words.as_str()),
            _ => None,
        };
        if !own.trim().is_empty() {
            write_block(&own, heading_level(u.kind).filter(|_| md), md, out);
        } else if note.is_some() {
            // No words that day: the unit is named, so that its state says what it is of.
            let name = match u
                .heading
                .as_deref()
                .map(str::trim)
                .filter(|h| !h.is_empty())
            {
                Some(h) => format!("{}. {h}", u.label),
                None => u.label.clone(),
            };
            write_block(&name, heading_level(u.kind).filter(|_| md), md, out);
        }
        if let Some(words) = note {
            out.push('\n');
            out.push_str(&mark(&format!("[{words}]"), md));
            out.push('\n');
        }
        if !closing.trim().is_empty() {
            self.todo.push(Step::Closing(closing));
        }
        self.todo.extend(
            u.children
                .into_iter()
                .rev()
                .map(|c| Step::Unit(Box::new(c))),
        );
    }
}

impl Iterator for ActFileBody {
    type Item = String;

    fn next(&mut self) -> Option<String> {
        let mut out = std::mem::take(&mut self.head);
        while out.len() < Self::PIECE {
            match self.todo.pop() {
                Some(Step::Unit(u)) => self.write_unit(*u, &mut out),
                Some(Step::Closing(words)) => write_block(&words, None, self.md, &mut out),
                None => break,
            }
        }
        (!out.is_empty()).then_some(out)
    }
}

impl ZanIndex {
    /// Act `id` in `lang` (Kazakh when it has it, for `None`) as it stood on `date`, written
    /// as a file in `format`: [`ZanIndex::act_outline_on`]'s answer, each unit in its wording
    /// in force that day, a unit with no wording in force that day (or one deleted, expired,
    /// suspended) marked with its state in words. An act not in force that day (not yet
    /// adopted or in force, repealed, gone from its source) gets its state and no text. The
    /// file is written as its body is read ([`ActFileBody`]).
    ///
    /// ```no_run
    /// # fn main() -> zanlex::Result<()> {
    /// let index = zanlex::ZanIndex::open("index")?;
    /// let date = chrono::NaiveDate::from_ymd_opt(2023, 4, 25).unwrap();
    /// let id = "constitutional-law-1995-12-18-2688";
    /// let file = index.act_file(id, None, date, zanlex::FileFormat::Markdown)?;
    /// std::fs::write(&file.file_name, file.body.into_string())?;
    /// # Ok(()) }
    /// ```
    pub fn act_file(
        &self,
        id: &str,
        lang: Option<Lang>,
        date: NaiveDate,
        format: FileFormat,
    ) -> crate::Result<ActFile> {
        let outline = self.act_outline_on(id, lang, date)?;
        Ok(render(outline, date, format))
    }
}

/// `outline`, an act read on `date`, to be written in `format`: its head written, its units
/// left to the body's steps.
fn render(outline: ActOutline, date: NaiveDate, format: FileFormat) -> ActFile {
    let md = format == FileFormat::Markdown;
    let day = date.format("%d.%m.%Y").to_string();
    let mut out = String::new();
    let line = |out: &mut String, s: &str| {
        out.push_str(s);
        out.push('\n');
    };
    let dated = match outline.lang {
        Lang::Kk => format!("{day} күнгі редакция"),
        Lang::Ru => format!("Редакция на {day}"),
    };
    if md {
        line(&mut out, &format!("# {}", escape(&outline.citation)));
        line(&mut out, "");
        line(&mut out, &format!("**{}**", escape(&dated)));
        line(&mut out, "");
        line(&mut out, &escape(&outline.title));
    } else {
        line(&mut out, &outline.citation);
        line(&mut out, &dated);
        line(&mut out, &outline.title);
    }
    let file_name = file_name(&outline, date, format);
    let mut units = outline.units;
    // The act itself not in force that day: its state, and no text to be taken for the law.
    if let (Some(state), Some(words)) = (&outline.state, &outline.state_text) {
        if !state.is_in_force() {
            let none = match outline.lang {
                Lang::Kk => format!("{day} күні актінің қолданыстағы мәтіні жоқ."),
                Lang::Ru => format!("На {day} у акта нет действующего текста."),
            };
            line(&mut out, "");
            line(&mut out, &mark(without_last_wording(words), md));
            line(&mut out, "");
            line(&mut out, &mark(&none, md));
            units.clear();
        }
    }
    units.reverse();
    ActFile {
        file_name,
        media_type: format.media_type(),
        body: ActFileBody {
            md,
            head: out,
            todo: units.into_iter().map(|u| Step::Unit(Box::new(u))).collect(),
        },
    }
}

/// The words of an act's state without what they add for a reader shown its last wording
/// (the page and `show` show it, marked): this file gives none.
fn without_last_wording(words: &str) -> &str {
    [
        "; соңғы редакциясы көрсетілген",
        "; показана последняя редакция",
    ]
    .into_iter()
    .find_map(|tail| words.strip_suffix(tail))
    .unwrap_or(words)
}

/// The name of the file of `outline` on `date` in `format`.
fn file_name(outline: &ActOutline, date: NaiveDate, format: FileFormat) -> String {
    let safe: String = outline
        .id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '_'
            }
        })
        .collect();
    format!(
        "{}_{}_{date}.{}",
        safe.trim_start_matches('.'),
        outline.lang.as_str(),
        format.extension()
    )
}

/// The Markdown heading level of a unit of `kind` whose first line is its heading.
fn heading_level(kind: UnitKind) -> Option<usize> {
    match kind {
        UnitKind::Attachment | UnitKind::Annex | UnitKind::Section => Some(2),
        UnitKind::Chapter => Some(3),
        UnitKind::Article => Some(4),
        _ => None,
    }
}

/// Writes `text` after a blank line: in Markdown each line a paragraph of its own (a line
/// break of the act is kept), the first a heading of `level` when given.
fn write_block(text: &str, level: Option<usize>, md: bool, out: &mut String) {
    let lines = text
        .lines()
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty());
    for (i, l) in lines.enumerate() {
        out.push('\n');
        if md {
            if let (0, Some(level)) = (i, level) {
                out.push_str(&"#".repeat(level));
                out.push(' ');
            }
            out.push_str(&escape(l.trim_start()));
        } else {
            out.push_str(l);
        }
        out.push('\n');
    }
}

/// `words` set apart from the law's: in italics in Markdown.
fn mark(words: &str, md: bool) -> String {
    if md {
        format!("*{}*", escape(words))
    } else {
        words.to_string()
    }
}

/// `s` with what Markdown would read as markup escaped: emphasis, code, links, HTML, and at
/// the start of a line a heading, a quote, a bullet or a rule. A numbered line (`1.`, `3)`)
/// is left as it is: Markdown shows it with its own number.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    if s.starts_with(['#', '>', '-', '+', '=', '|']) {
        out.push('\\');
    }
    for c in s.chars() {
        if matches!(c, '\\' | '*' | '_' | '`' | '<' | '[' | ']' | '|') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_the_law_s_words_stays_words() {
        assert_eq!(escape("# 1-бап"), "\\# 1-бап");
        assert_eq!(escape("- бірінші"), "\\- бірінші");
        assert_eq!(escape("a*b_c <d> [e]"), "a\\*b\\_c \\<d> \\[e\\]");
        assert_eq!(escape("3. Үкімет"), "3. Үкімет");
    }

    #[test]
    fn an_act_s_state_says_nothing_of_a_wording_the_file_does_not_give() {
        assert_eq!(
            without_last_wording("утратил силу не ранее ~21.03.2014; показана последняя редакция"),
            "утратил силу не ранее ~21.03.2014"
        );
        assert_eq!(
            without_last_wording(
                "~21.03.2014 бұрын емес күші жойылған; соңғы редакциясы көрсетілген"
            ),
            "~21.03.2014 бұрын емес күші жойылған"
        );
    }
}
