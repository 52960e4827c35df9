//! Types shared by the pipeline stages: acts, units, amendments, versions.
//!
//! Every stage reads and writes these; no stage exposes its internals to a later one.
//! Everything serializes to the JSON contract of docs/json.md.

pub(crate) mod by_lang;
pub(crate) mod citation;
mod reference;
mod succession;
mod time;

pub use by_lang::ByLang;
pub use citation::phrase::{EventInWords, EventWords, UnitInWords};
pub use reference::{CitedAct, Reference, Resolution, TargetKind, Unresolved};
pub use succession::ActLink;
pub use time::{
    DaySetBy, EditionRef, GivenIn, LaterChange, NamedAct, TimeLimit, TimeState, UnitTime,
};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The kind of a normative act (or of a document that is not one, like a FAQ).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ActKind {
    /// A law (`Заң`).
    Law,
    /// A constitutional law (`Конституциялық заң`).
    ConstitutionalLaw,
    /// A code (`кодекс`).
    Code,
    /// A resolution (`қаулы`), e.g. of the Government.
    Resolution,
    /// A minister's order (`бұйрық`).
    Order,
    /// An order issued jointly by several bodies (`бірлескен бұйрық`).
    JointOrder,
    /// A decision (`шешім`), e.g. of a maslikhat.
    Decision,
    /// A decree (`жарлық`, `указ`) of the President.
    Decree,
    /// A disposition (`өкім`, `распоряжение`), e.g. of the President or the Prime Minister.
    Disposition,
    /// A regulation (`ереже`).
    Regulation,
    /// Rules (`қағидалар`) approved by another act.
    Rules,
    /// Questions and answers published beside the acts; not a normative act.
    Faq,
    /// Any other kind of document.
    Other,
}

impl ActKind {
    /// Every kind, in the order `--kind` help and error messages list them.
    pub const ALL: [ActKind; 13] = [
        ActKind::Law,
        ActKind::ConstitutionalLaw,
        ActKind::Code,
        ActKind::Resolution,
        ActKind::Order,
        ActKind::JointOrder,
        ActKind::Decision,
        ActKind::Decree,
        ActKind::Disposition,
        ActKind::Regulation,
        ActKind::Rules,
        ActKind::Faq,
        ActKind::Other,
    ];

    /// The kind named by `name` (`order`, `joint-order`, `Joint Order`), if any.
    ///
    /// ```
    /// use zanlex::ActKind;
    /// assert_eq!(ActKind::parse("joint-order"), Some(ActKind::JointOrder));
    /// assert_eq!(ActKind::parse("decree"), Some(ActKind::Decree));
    /// assert_eq!(ActKind::parse("edict"), None);
    /// ```
    pub fn parse(name: &str) -> Option<ActKind> {
        let name = name.trim().to_lowercase().replace([' ', '-'], "_");
        ActKind::ALL.into_iter().find(|k| k.as_str() == name)
    }

    /// The lowercase name used on the command line (`--kind order`) and in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            ActKind::Law => "law",
            ActKind::ConstitutionalLaw => "constitutional_law",
            ActKind::Code => "code",
            ActKind::Resolution => "resolution",
            ActKind::Order => "order",
            ActKind::JointOrder => "joint_order",
            ActKind::Decision => "decision",
            ActKind::Decree => "decree",
            ActKind::Disposition => "disposition",
            ActKind::Regulation => "regulation",
            ActKind::Rules => "rules",
            ActKind::Faq => "faq",
            ActKind::Other => "other",
        }
    }
}

/// One issuing body with the date and number it gave the act.
/// A joint order has one per issuer (002: MFA № 11-1-4/245 and MVD № 611).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Issuance {
    /// Issuer as printed in the header, e.g. `Қазақстан Республикасы Сыртқы істер министрі`.
    pub issuer: String,
    /// Short normalized issuer code, e.g. `mfa`, `mvd`, `government`, `parliament`.
    pub issuer_code: String,
    /// The date it was signed or adopted.
    pub date: Option<NaiveDate>,
    /// Its number as printed (`11-1-4/1`).
    pub number: Option<String>,
    /// The issuer as the act's metadata prints it in the other language, when it does (the
    /// mirror's Russian requisite for a Kazakh text: `маслихата города Нур-Султана`), so that
    /// the act is cited by name in both languages.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issuer_translated: Option<String>,
}

/// State registration at the Ministry of Justice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Registration {
    /// The registration number.
    pub number: String,
    /// The day it was registered (`Зарегистрирован … 6 июля 2007 года № 4790`).
    pub date: Option<NaiveDate>,
}

/// Whether an act (or unit) is in force.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum Status {
    /// In force.
    InForce,
    /// Repealed, by an act and from a date when known.
    Repealed {
        /// The repealing act as printed, e.g. `ҚР Ішкі істер министрінің 11.03.2014 № 152 бұйрығы`.
        by: Option<String>,
        /// The date the repeal took effect.
        on: Option<NaiveDate>,
        /// Whether `on` is estimated, the earliest day the repeal can have taken effect: the
        /// repealing act takes effect some days after its first official publication, a day
        /// the corpus lacks, so `on` counts them from its signing; or the requisite names the
        /// repealing act with no commencement, so `on` is its signing day, on or after which it
        /// took effect.
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        estimated: bool,
    },
    /// Not known from the corpus.
    Unknown,
    /// Not known since the source stopped carrying the act (the mirror's history deleted its
    /// folder): a deletion is not evidence of repeal, so the act is not called repealed. It
    /// counts as `unknown` (`status:unknown`).
    SourceRemoved {
        /// The day the source stopped carrying it (the deleting commit's date).
        on: NaiveDate,
    },
}

/// An act's status without its details: what a search filters on (`status:in_force`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum StatusKind {
    /// In force (today, as the corpus knows it).
    InForce,
    /// Repealed.
    Repealed,
    /// Neither is known.
    Unknown,
}

impl StatusKind {
    /// `in_force`, `repealed` or `unknown`.
    pub fn as_str(self) -> &'static str {
        match self {
            StatusKind::InForce => "in_force",
            StatusKind::Repealed => "repealed",
            StatusKind::Unknown => "unknown",
        }
    }

    /// The status named by `name` (`in_force`, `in-force`, `active`, `repealed`, `unknown`).
    ///
    /// ```
    /// use zanlex::StatusKind;
    /// assert_eq!(StatusKind::parse("in-force"), Some(StatusKind::InForce));
    /// assert_eq!(StatusKind::parse("alive"), None);
    /// ```
    pub fn parse(name: &str) -> Option<StatusKind> {
        match name.trim().to_lowercase().replace('-', "_").as_str() {
            "in_force" | "inforce" | "active" | "valid" => Some(StatusKind::InForce),
            "repealed" => Some(StatusKind::Repealed),
            "unknown" => Some(StatusKind::Unknown),
            _ => None,
        }
    }
}

impl Status {
    /// `in_force`, `repealed` or `unknown`: the value `status:` filters on.
    pub fn as_str(&self) -> &'static str {
        match self {
            Status::InForce => "in_force",
            Status::Repealed { .. } => "repealed",
            Status::Unknown | Status::SourceRemoved { .. } => "unknown",
        }
    }

    /// Which of the three statuses this is, without the repeal's details.
    pub fn kind(&self) -> StatusKind {
        match self {
            Status::InForce => StatusKind::InForce,
            Status::Repealed { .. } => StatusKind::Repealed,
            Status::Unknown | Status::SourceRemoved { .. } => StatusKind::Unknown,
        }
    }
}

/// The language of one expression of an act (Akoma Ntoso's `@kaz` / `@rus`).
///
/// Every act is published in Kazakh and in Russian; each text is one expression of the act,
/// with the same eids in both.
///
/// ```
/// use zanlex::Lang;
/// assert_eq!(Lang::parse("ru"), Some(Lang::Ru));
/// assert_eq!(Lang::parse("kaz"), Some(Lang::Kk));
/// assert_eq!(Lang::Kk.other(), Lang::Ru);
/// ```
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    /// Kazakh (`kk`, `kaz`).
    #[default]
    Kk,
    /// Russian (`ru`, `rus`).
    Ru,
}

impl Lang {
    /// Both languages, Kazakh first (the order expressions are listed and shown in).
    pub const ALL: [Lang; 2] = [Lang::Kk, Lang::Ru];

    /// The language named `name`: `kk`/`kaz`/`kz`/`қаз`, `ru`/`rus`/`рус` (any case).
    pub fn parse(name: &str) -> Option<Lang> {
        match name.trim().to_lowercase().as_str() {
            "kk" | "kaz" | "kz" | "kazakh" | "қаз" | "каз" => Some(Lang::Kk),
            "ru" | "rus" | "russian" | "рус" => Some(Lang::Ru),
            _ => None,
        }
    }

    /// `kk` or `ru`: the code used on the command line and in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Lang::Kk => "kk",
            Lang::Ru => "ru",
        }
    }

    /// The language's name in English (`Kazakh`), as the API's documentation names it.
    pub(crate) fn english(self) -> &'static str {
        match self {
            Lang::Kk => "Kazakh",
            Lang::Ru => "Russian",
        }
    }

    /// The language's place in [`Lang::ALL`] (its declaration's order).
    pub(crate) const fn index(self) -> usize {
        self as usize
    }

    /// The other language of the pair.
    pub fn other(self) -> Lang {
        match self {
            Lang::Kk => Lang::Ru,
            Lang::Ru => Lang::Kk,
        }
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Format of a source file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum SourceFormat {
    /// Plain text.
    Text,
    /// Markdown (a checkout of the public mirror).
    Markdown,
    /// PDF.
    Pdf,
}

/// Where an act came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Source {
    /// Path relative to the corpus folder's parent, e.g. `corpus/003_0165b7296e38fd1a.txt`.
    pub file: String,
    /// The file's format.
    pub format: SourceFormat,
    /// Hex sha256 of the file's bytes: what incremental indexing compares.
    pub sha256: String,
    /// The encoding the bytes were decoded from (`utf-8`, `utf-16le`, `kz-1048`, …).
    pub encoding: String,
    /// For a text the mirror split into part files, each part after the head `file`, in the
    /// text's order: the units' lines count through the head and the parts as one text, and
    /// [`Source::locate`] gives the part file and its own lines.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<SourcePart>,
}

/// A part file of a split text ([`Source::parts`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SourcePart {
    /// Path relative to the corpus folder's parent, as [`Source::file`].
    pub file: String,
    /// Lines of the head and the parts before this one: its line 1 is line
    /// `lines_before + 1` of the whole text.
    pub lines_before: u32,
}

impl Source {
    /// The file and its own lines where `span` (lines of the whole text) lies: the head's, or,
    /// in a split text, the part's that holds its first line (a span does not cross parts:
    /// each part begins a new unit).
    ///
    /// ```
    /// use zanlex::{Source, SourceFormat, SourcePart, SourceSpan};
    /// let mut source = Source::new("c/kaz.md", SourceFormat::Markdown);
    /// source.parts = vec![SourcePart { file: "c/kaz/sec001.md".into(), lines_before: 20 }];
    /// let span = SourceSpan { line_start: 25, line_end: 27, page: None };
    /// let (file, own) = source.locate(span);
    /// assert_eq!((file, own.line_start, own.line_end), ("c/kaz/sec001.md", 5, 7));
    /// assert_eq!(source.locate(SourceSpan { line_start: 3, line_end: 4, page: None }).0, "c/kaz.md");
    /// ```
    pub fn locate(&self, span: SourceSpan) -> (&str, SourceSpan) {
        match self
            .parts
            .iter()
            .rev()
            .find(|p| span.line_start > p.lines_before)
        {
            Some(part) => (
                part.file.as_str(),
                SourceSpan {
                    line_start: span.line_start - part.lines_before,
                    line_end: span.line_end.saturating_sub(part.lines_before),
                    page: span.page,
                },
            ),
            None => (self.file.as_str(), span),
        }
    }

    /// A source at `file` of `format`, with no hash, encoding or parts yet.
    pub fn new(file: impl Into<String>, format: SourceFormat) -> Self {
        Source {
            file: file.into(),
            format,
            sha256: String::new(),
            encoding: String::new(),
            parts: Vec::new(),
        }
    }
}

/// A span of the original file: 1-based inclusive lines, and the PDF page where known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SourceSpan {
    /// The first line, 1-based.
    pub line_start: u32,
    /// The last line, inclusive.
    pub line_end: u32,
    /// The PDF page the span starts on.
    pub page: Option<u32>,
}

/// The kind of a structural unit; it fixes the eid prefix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum UnitKind {
    /// `preamble`
    Preamble,
    /// `att_N`: an attachment such as approved Rules or a Regulation.
    Attachment,
    /// `sec_N`: a numbered section (Regulation sections, FAQ sections `1`, `1.1`).
    Section,
    /// `chp_N`: `1-тарау`, `I ТАРАУ`.
    Chapter,
    /// `art_N`: `1-бап`.
    Article,
    /// `para_N`: `1.`, `14-1.`
    Paragraph,
    /// `subpara_N`: `1)`, `1-1)`.
    Subparagraph,
    /// `part_N`: unnumbered parts (абзац / бөлік) when they must be addressed.
    Part,
    /// `annex_N`: `1-қосымша`.
    Annex,
    /// `mod_N`: one amending instruction of an amending act, quoted text included.
    Instruction,
    /// Anything else worth indexing (a signature block, a table).
    Other,
}

impl UnitKind {
    /// The eid prefix for this kind (`para`, `subpara`, `att`, …).
    pub fn eid_prefix(self) -> &'static str {
        match self {
            UnitKind::Preamble => "preamble",
            UnitKind::Attachment => "att",
            UnitKind::Section => "sec",
            UnitKind::Chapter => "chp",
            UnitKind::Article => "art",
            UnitKind::Paragraph => "para",
            UnitKind::Subparagraph => "subpara",
            UnitKind::Part => "part",
            UnitKind::Annex => "annex",
            UnitKind::Instruction => "mod",
            UnitKind::Other => "other",
        }
    }

    /// Every kind.
    pub const ALL: [UnitKind; 11] = [
        UnitKind::Preamble,
        UnitKind::Attachment,
        UnitKind::Section,
        UnitKind::Chapter,
        UnitKind::Article,
        UnitKind::Paragraph,
        UnitKind::Subparagraph,
        UnitKind::Part,
        UnitKind::Annex,
        UnitKind::Instruction,
        UnitKind::Other,
    ];

    /// The kind whose eid prefix is `prefix` ([`UnitKind::eid_prefix`]).
    ///
    /// ```
    /// use zanlex::UnitKind;
    /// assert_eq!(UnitKind::from_eid_prefix("para"), Some(UnitKind::Paragraph));
    /// assert_eq!(UnitKind::from_eid_prefix("paragraph"), None);
    /// ```
    pub fn from_eid_prefix(prefix: &str) -> Option<UnitKind> {
        UnitKind::ALL.into_iter().find(|k| k.eid_prefix() == prefix)
    }

    /// The kind's name, as JSON writes it and `zanlex units` counts it: `paragraph`,
    /// `subparagraph`, `attachment`, … (the one spelling of a kind in every answer).
    ///
    /// ```
    /// use zanlex::UnitKind;
    /// assert_eq!(UnitKind::Paragraph.as_str(), "paragraph");
    /// assert_eq!(serde_json::to_value(UnitKind::Instruction).unwrap(), "instruction");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            UnitKind::Preamble => "preamble",
            UnitKind::Attachment => "attachment",
            UnitKind::Section => "section",
            UnitKind::Chapter => "chapter",
            UnitKind::Article => "article",
            UnitKind::Paragraph => "paragraph",
            UnitKind::Subparagraph => "subparagraph",
            UnitKind::Part => "part",
            UnitKind::Annex => "annex",
            UnitKind::Instruction => "instruction",
            UnitKind::Other => "other",
        }
    }
}

/// Whether a unit's text is live law.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum UnitStatus {
    #[default]
    /// Live law.
    Live,
    /// Printed as deleted (`Алып тасталды`, `2-қосымша алып тасталды`).
    Deleted,
    /// A placeholder announcing text that takes effect later (`5-1. 01.01.2023 бастап қолданысқа енгізіледі`).
    Pending {
        /// The date the text takes effect, when printed.
        from: Option<NaiveDate>,
    },
}

/// An `Ескерту.` (or `Ескертпе.`) note printed under a unit in a consolidated text, kept apart
/// from the law's own words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Note {
    /// The text.
    pub text: String,
    /// Where it is in the source file.
    pub span: SourceSpan,
}

/// A structural unit of an act: preamble, paragraph, subparagraph, chapter, appendix, …
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = TreeUnit))]
pub struct Unit {
    /// Akoma Ntoso style id built from the path: `att_1__para_14-1__subpara_1-1`.
    pub eid: String,
    /// What kind of unit it is (it fixes the eid prefix).
    pub kind: UnitKind,
    /// The number as printed, without punctuation: `14-1`, `2`, `1.3`.
    pub num: Option<String>,
    /// A heading printed with the unit (chapter titles, appendix titles).
    pub heading: Option<String>,
    /// The unit's own clean text, without its children's text and without notes.
    pub text: String,
    /// Where it is in the source file.
    pub span: SourceSpan,
    /// Whether its text is live, deleted or pending.
    pub status: UnitStatus,
    /// Notes printed under it.
    pub notes: Vec<Note>,
    /// Its subunits in document order.
    // A reference to the schema itself, not its expansion, which would never end.
    #[cfg_attr(feature = "openapi", schema(no_recursion))]
    pub children: Vec<Unit>,
    /// The byte offset in `text` where the words printed after the children begin (a
    /// paragraph's closing abzatses after its list of subparagraphs); `None` when the whole
    /// text is printed before them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closing_at: Option<usize>,
    /// The tables printed in `text` (an appendix's form or register), each with the byte
    /// range of `text` its cells' lines take.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tables: Vec<TextTable>,
}

/// A table printed in a unit's text: its rows of cells, with the cells' spans, and the byte
/// range of the text (`start..end`) that holds its cells one per line, in the order read.
///
/// ```
/// let cell = zanlex::TableCell { text: "Верблюды".into(), colspan: 1, rowspan: 1, header: false };
/// let t = zanlex::TextTable { start: 0, end: 16, rows: vec![vec![cell]] };
/// assert_eq!(t.rows[0][0].text, "Верблюды");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TextTable {
    /// Where in the text its first cell begins (bytes).
    pub start: usize,
    /// Where in the text its last cell ends (bytes).
    pub end: usize,
    /// Its rows, each its cells left to right.
    pub rows: Vec<Vec<TableCell>>,
}

/// One cell of a [`TextTable`]: its text (lines joined with a newline) and how many columns
/// and rows it spans.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TableCell {
    /// The cell's text, markup removed.
    pub text: String,
    /// Columns it spans (at least 1).
    pub colspan: u32,
    /// Rows it spans (at least 1).
    pub rowspan: u32,
    /// A cell of the table's header rows (the rows down to the last row of `<th>` cells near
    /// the top, else the first row, which names the columns).
    pub header: bool,
}

impl Unit {
    /// A new live unit with no text yet.
    pub fn new(eid: impl Into<String>, kind: UnitKind, num: Option<String>) -> Self {
        Unit {
            eid: eid.into(),
            kind,
            num,
            heading: None,
            text: String::new(),
            span: SourceSpan::default(),
            status: UnitStatus::Live,
            notes: Vec::new(),
            children: Vec::new(),
            closing_at: None,
            tables: Vec::new(),
        }
    }

    /// The text printed before the children and the closing words printed after them
    /// ([`Unit::closing_at`]); the second is empty for most units.
    ///
    /// ```
    /// let mut u = zanlex::Unit::new("para_4", zanlex::UnitKind::Paragraph, Some("4".into()));
    /// u.text = "4. Не допускается:\nДля водопоя допускается.".into();
    /// u.closing_at = u.text.find("Для");
    /// assert_eq!(u.split_closing(), ("4. Не допускается:", "Для водопоя допускается."));
    /// ```
    pub fn split_closing(&self) -> (&str, &str) {
        match self.closing_at {
            Some(at) if self.text.is_char_boundary(at) && at <= self.text.len() => {
                let (head, tail) = self.text.split_at(at);
                (head.trim_end(), tail.trim_start())
            }
            _ => (self.text.as_str(), ""),
        }
    }

    /// This unit and all its descendants, depth first, in document order.
    pub fn walk(&self) -> Vec<&Unit> {
        let mut out = Vec::new();
        fn go<'a>(u: &'a Unit, out: &mut Vec<&'a Unit>) {
            out.push(u);
            for c in &u.children {
                go(c, out);
            }
        }
        go(self, &mut out);
        out
    }

    /// The unit's text followed by its children's, each on its own line; a paragraph's
    /// closing words come after its children's text, where they are printed.
    pub fn full_text(&self) -> String {
        self.full_text_with_tables().0
    }

    /// [`Unit::full_text`] with the tables printed in it, their ranges moved to where they
    /// are in that text.
    ///
    /// ```
    /// let u = zanlex::Unit::new("para_1", zanlex::UnitKind::Paragraph, Some("1".into()));
    /// assert_eq!(u.full_text_with_tables(), (String::new(), vec![]));
    /// ```
    pub fn full_text_with_tables(&self) -> (String, Vec<TextTable>) {
        let (text, tables, _) = self.full_text_pieces();
        (text, tables)
    }

    /// [`Unit::full_text_with_tables`] with where each unit's own text went in it: what moves
    /// a byte span of one unit's text (a reference's) to the full text.
    pub(crate) fn full_text_pieces(&self) -> (String, Vec<TextTable>, Vec<TextPiece>) {
        type Out = (String, Vec<TextTable>, Vec<TextPiece>);
        /// Appends `piece`, which begins at byte `from` of `u.text`, with the tables inside it.
        fn put(u: &Unit, piece: &str, from: usize, out: &mut Out) {
            if piece.is_empty() {
                return;
            }
            if !out.0.is_empty() {
                out.0.push('\n');
            }
            let at = out.0.len();
            out.0.push_str(piece);
            out.2.push(TextPiece {
                eid: u.eid.clone(),
                from,
                len: piece.len(),
                at,
            });
            for t in &u.tables {
                if t.start >= from && t.end <= from + piece.len() {
                    out.1.push(TextTable {
                        start: t.start - from + at,
                        end: t.end - from + at,
                        rows: t.rows.clone(),
                    });
                }
            }
        }
        fn go(u: &Unit, out: &mut Out) {
            if let Some(h) = &u.heading {
                if !h.is_empty() && !u.text.contains(h.as_str()) {
                    if !out.0.is_empty() {
                        out.0.push('\n');
                    }
                    out.0.push_str(h);
                }
            }
            let (head, closing) = u.split_closing();
            put(u, head, 0, out);
            for c in &u.children {
                go(c, out);
            }
            put(u, closing, u.text.len() - closing.len(), out);
        }
        let mut out = (String::new(), Vec::new(), Vec::new());
        go(self, &mut out);
        out
    }
}

/// What an amendment did to its target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum AmendAction {
    /// `жаңа редакцияда`
    NewWording,
    /// `толықтырылды`, `енгізілді`
    Inserted,
    /// `алып тасталды`
    Deleted,
    /// `өзгеріс енгізілді`
    Changed,
    /// `күші жойылды`
    Repealed,
    /// `тақырыбы жаңа редакцияда`
    Renamed,
    /// Announced by an `Ескертпе` and not yet in the text.
    Prospective,
}

/// An amending act as cited in a note or header.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ActRef {
    /// As printed, e.g. `ҚР Сыртқы істер министрінің м.а.`.
    pub issuer: String,
    /// Normalized issuer code (`mfa`, `mvd`, `government`, `parliament`, …).
    pub issuer_code: String,
    /// `order`, `resolution`, `law`, …
    pub kind: ActKind,
    /// The date it was signed or adopted.
    pub date: Option<NaiveDate>,
    /// Its number as printed (`11-1-4/1`).
    pub number: Option<String>,
    /// The title, when the reference gives one (amending acts name their target by title).
    pub title: Option<String>,
}

impl ActRef {
    /// The act in official form in `lang` (`ҚР 19.04.2023 № 222-VII Конституциялық Заңы`,
    /// `Конституционный закон РК от 19.04.2023 № 222-VII`): what history events show.
    pub fn cite(&self, lang: Lang) -> String {
        citation::cite_act_ref(self, lang)
    }

    /// What names this act whatever the language of the text that cites it: its date and its
    /// number without the convocation suffix (`1999-05-06/379` for `№ 379` and `№ 379-I`,
    /// `№ 156-VІI` with a Cyrillic `І` as `№ 156-VII`); `None` without a number.
    ///
    /// ```
    /// use zanlex::{ActKind, ActRef};
    /// let r = |n: &str| ActRef { issuer: "ҚР".into(), issuer_code: "parliament".into(),
    ///     kind: ActKind::ConstitutionalLaw, date: chrono::NaiveDate::from_ymd_opt(1999, 5, 6),
    ///     number: Some(n.into()), title: None };
    /// assert_eq!(r("379").key(), r("379-I").key());
    /// assert_eq!(r("379").key().as_deref(), Some("1999-05-06/379"));
    /// ```
    pub fn key(&self) -> Option<String> {
        let n = self.number.as_deref()?;
        let date = self.date.map(|d| d.to_string()).unwrap_or_default();
        Some(format!("{date}/{}", citation::numbers::number_key(n)))
    }
}

/// How an amendment's effective date is determined.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "rule", rename_all = "snake_case")]
pub enum EffectiveRule {
    /// N calendar days after first official publication.
    DaysAfterPublication {
        /// The number of days.
        days: u32,
    },
    /// N calendar months after first official publication (`алты ай өткен соң`, `по истечении
    /// шести месяцев`).
    MonthsAfterPublication {
        /// The number of months.
        months: u32,
    },
    /// From first official publication.
    OnPublication,
    /// From a fixed date (`01.01.2026 бастап`).
    OnDate {
        /// The date.
        date: NaiveDate,
    },
    /// On signing.
    OnSigning,
    /// From state registration (`вводится в действие со дня государственной регистрации`,
    /// `мемлекеттік тіркелген күнінен бастап қолданысқа енгізіледі`): the registration day the
    /// requisite gives, else the signing day at the earliest, estimated.
    OnRegistration,
    /// Set by a provision of the amending act itself, which the note names instead of a day
    /// (`порядок введения в действие см. ст. 2`, `қолданысқа енгізілу тәртібін 2-баптан
    /// қараңыз`; `… см. п. 2` in a decision without articles): the day is what that provision
    /// gives, read where the amending act is in the corpus, else unknown (never guessed).
    InAmendingAct {
        /// The provision's number (`2`).
        number: String,
        /// True for a paragraph (`п. 2`, `2-тармақ`), false for an article.
        paragraph: bool,
        /// True when the corpus holds the amending act: its provision then gives the day, or,
        /// where it gives some of that act's units days of their own, the day stays unknown.
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        in_corpus: bool,
    },
    /// Brought into effect by another act or together with it (`Кодекс вводится в действие в
    /// соответствии с Законом РК от 25.12.2017 № 121-VІ`, `Кодекс ҚР 25.12.2017 № 121-VI
    /// Заңына сәйкес қолданысқа енгізіледі`, `… вводится в действие одновременно с введением в
    /// действие …`): the day is the one that act gives, read where the corpus holds it, else
    /// unknown (never guessed).
    WithOtherAct {
        /// The other act, as the text names it.
        act: ActRef,
        /// The day the other act gives, when the corpus holds it and it gives one.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        on: Option<EffectiveDate>,
        /// True when the corpus holds the other act.
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        in_corpus: bool,
    },
    /// Not stated in the text.
    Unknown,
}

/// An effective date and how sure we are of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EffectiveDate {
    /// The date.
    pub date: NaiveDate,
    /// True when computed from an assumption (signing date + N days with no known publication date).
    pub estimated: bool,
    /// Why the date is what it is, shown wherever an estimate is shown.
    pub basis: String,
}

/// One amendment event, from an `Ескерту` note or derived from an instruction.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Amendment {
    /// The unit it touched (`preamble`, `att_1__para_3`, `` for the whole act).
    pub target_eid: String,
    /// The target as printed in the note (`3-тармақ`, `1-қосымшаға`).
    pub target_label: String,
    /// What was done to the target.
    pub action: AmendAction,
    /// The amending act.
    pub by: ActRef,
    /// How the effective date is determined.
    pub rule: EffectiveRule,
    /// The effective date, when it can be worked out.
    pub effective: Option<EffectiveDate>,
    /// The note's text (or instruction's) it came from, and where.
    pub note: String,
    /// Where it is in the source file.
    pub span: SourceSpan,
}

/// The operation of an amending instruction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InstructionOp {
    /// `мынадай редакцияда жазылсын`
    Replace,
    /// `мынадай мазмұндағы … толықтырылсын`
    Insert,
    /// `алып тасталсын`
    Delete,
    /// A part or abzats replaced inside a unit.
    ReplacePart,
    /// A part appended to a unit.
    Append,
    /// Words replaced inside a unit (`… сөздері … сөздерімен ауыстырылсын`).
    ReplaceWords,
}

/// One instruction of an amending act applied to its target act.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Instruction {
    /// The amending act's own unit that holds this instruction (`para_1__mod_3`).
    pub source_eid: String,
    /// The act the instruction amends.
    pub target_act: ActRef,
    /// The target unit's eid in the target act (`para_3__subpara_8`, `chp_5`, `annex_3-1`).
    pub target_eid: String,
    /// What the instruction does.
    pub op: InstructionOp,
    /// Which part or abzats, 1-based, for ReplacePart/Append (`үшінші абзацы` → 3).
    pub part: Option<u32>,
    /// The last part of a range (`бірінші және екінші бөліктері` → part 1, part_last 2).
    #[serde(default)]
    pub part_last: Option<u32>,
    /// The quoted new text, without the quotes.
    pub new_text: Option<String>,
    /// For ReplaceWords: the words replaced (`"X" деген сөздер "Y" деген сөздермен`: X).
    #[serde(default)]
    pub old_text: Option<String>,
    /// Where it is in the source file.
    pub span: SourceSpan,
}

/// A unit's text valid over `[from, to)`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitVersion {
    /// The unit's eid.
    pub eid: String,
    /// Valid from this date (open when `None`).
    pub from: Option<NaiveDate>,
    /// Valid until this date, exclusive (open when `None`).
    pub to: Option<NaiveDate>,
    /// The text.
    pub text: String,
    /// Where this version's text comes from (a version id or an applied amending act).
    pub origin: String,
}

/// What an edition's date says about the changes it prints.
///
/// ```
/// use zanlex::DatedBy;
/// // A text whose metadata names no source of its date is the database's edition.
/// assert_eq!(DatedBy::default(), DatedBy::Database);
/// assert!(DatedBy::Commit.took_effect());
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DatedBy {
    /// The database's edition date (`version_date` in front matter or `meta.yaml`, a dated
    /// file name): the day the database consolidated the text, which may print changes that
    /// took effect on other days.
    #[default]
    Database,
    /// A commit of the mirror's git history (`zanlex index --history`): the mirror dates each
    /// commit to the day its edition took effect, so the edition's changes were in force from
    /// that day.
    Commit,
}

impl DatedBy {
    /// Whether the date is the day the edition took effect.
    pub fn took_effect(self) -> bool {
        self == DatedBy::Commit
    }

    fn is_database(&self) -> bool {
        *self == DatedBy::Database
    }
}

/// One edition of an act: the unit tree valid from a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActVersion {
    /// Stable id, e.g. `2023-04-19` or `applied:gov-resolution-2022-10-10-807`.
    pub id: String,
    /// Valid from this date (open when `None`).
    pub from: Option<NaiveDate>,
    /// What `from` says: the database's edition date, or the day the edition took effect.
    #[serde(default, skip_serializing_if = "DatedBy::is_database")]
    pub dated_by: DatedBy,
    /// Valid until this date, exclusive (open when `None`).
    pub to: Option<NaiveDate>,
    /// The day the act's source stopped carrying it while this was its newest edition (its
    /// folder deleted from the mirror's history; [`Status::SourceRemoved`]): up to the next
    /// edition, from which the act is back, the edition's wording is not known to be in force.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_removed: Option<NaiveDate>,
    /// The edition's top-level units.
    pub units: Vec<Unit>,
    /// The file it was read from.
    pub source: Source,
    /// The references the edition's text makes (filled by the cross-references stage; the
    /// newest edition's are also the act's [`Act::references`]). Each edition keeps its own:
    /// a provision may have cited another act before it was reworded.
    #[serde(default)]
    pub references: Vec<crate::model::Reference>,
}

impl ActVersion {
    /// The id of the amending act whose instructions, applied to the edition before, gave
    /// this one (`applied:ID` versions), if that is how it was made.
    pub fn applied_by(&self) -> Option<&str> {
        self.id.strip_prefix("applied:")
    }
}

/// A normative act (or FAQ) with its metadata, unit tree and amendments.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Act {
    /// Stable readable slug, e.g. `mfa-order-2018-01-04-11-1-4-1`.
    pub id: String,
    /// The title as printed.
    pub title: String,
    /// The kind of act.
    pub kind: ActKind,
    /// One per issuer; a joint order has two.
    pub issuances: Vec<Issuance>,
    /// State registration, when registered.
    pub registration: Option<Registration>,
    /// Whether it is in force.
    pub status: Status,
    /// The languages met in the text (`kk`, `ru`): a Kazakh act with bilingual forms has both.
    pub languages: Vec<String>,
    /// The language of this expression of the act: the Kazakh and the Russian text of one act
    /// are two `Act`s with the same `id` and eids, told apart by `lang`.
    #[serde(default)]
    pub lang: Lang,
    /// The official database's own id of the act (`act_code` in the mirror's meta.yaml,
    /// e.g. `104316`), when known: the same for every expression and edition.
    #[serde(default)]
    pub code: Option<String>,
    /// The file it was read from.
    pub source: Source,
    /// The address of this text on the official database (meta.yaml's `source` in the
    /// text's language, or a sidecar's `source`): only `http://` or `https://` addresses.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub official_url: Option<String>,
    /// Date of first official publication, from a sidecar `NAME.meta.toml` when the text lacks it.
    pub publication_date: Option<NaiveDate>,
    /// The date of the edition this text is (Markdown `version_date`), when known.
    pub version_date: Option<NaiveDate>,
    /// What [`Act::version_date`] says: the database's edition date, or the day the edition
    /// took effect (a commit of the mirror's git history, through the sidecar key
    /// `version_dated_by = "commit"`).
    #[serde(default, skip_serializing_if = "DatedBy::is_database")]
    pub version_dated_by: DatedBy,
    /// Top-level units in document order.
    pub units: Vec<Unit>,
    /// Events from notes in this text.
    pub amendments: Vec<Amendment>,
    /// Instructions this act gives to other acts (amending acts only).
    pub instructions: Vec<Instruction>,
    /// This act's own commencement rule.
    pub commencement: Option<EffectiveRule>,
    /// Earlier and later editions, oldest first (filled by the amend stage).
    pub versions: Vec<ActVersion>,
    /// Notes (`Ескерту.`, `Сноска.`, `Примечание.` …) that gave no amendment event, with why:
    /// reported rather than dropped (filled by the amend stage).
    #[serde(default)]
    pub unparsed_notes: Vec<UnparsedNote>,
    /// Events whose printed target is no unit of the edition the note is in (a unit announced
    /// but not printed yet, a part that is not a unit): each event went to the nearest existing
    /// unit instead, and this says which and why (filled by the amend stage).
    #[serde(default)]
    pub target_fallbacks: Vec<TargetFallback>,
    /// References its units' texts make to units of its own and of other acts (filled by
    /// the cross-references stage; resolved across acts by [`crate::Catalog`]).
    #[serde(default)]
    pub references: Vec<Reference>,
    /// Amendments the act's other expressions record that this expression's newest edition
    /// predates (signed after its date): from their effective dates on, this expression's
    /// wording of the units they touch is not in the corpus (filled by the amend stage; see
    /// [`TimeState::ChangedAfterLatestEdition`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub later_changes: Vec<Amendment>,
    /// Units with a time of their own (filled by the amend stage): their own commencement, an
    /// expiry or a suspension their notes, their text or the act's commencement clause print.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unit_times: Vec<UnitTime>,
}

/// A note that gave no amendment event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct UnparsedNote {
    /// The source file the note is in (`Source::file`).
    pub file: String,
    /// The note's first line in that file (1-based).
    pub line: u32,
    /// The note's text, cleaned of Markdown decoration.
    pub text: String,
    /// The unit the note is printed under.
    pub eid: String,
    /// Why no event came of it (`no action phrase`, `no dated amending act`, …).
    pub reason: String,
}

/// An event whose printed target does not exist in its edition, moved to an existing unit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TargetFallback {
    /// The source file the note is in.
    pub file: String,
    /// The note's first line in that file (1-based).
    pub line: u32,
    /// The target as printed (`Статью 10 предусмотрено дополнить пунктом 5-1`).
    pub label: String,
    /// The eid the printed target would have (`art_10__para_5-1`).
    pub wanted: String,
    /// The existing unit the event targets instead (`art_10`).
    pub target_eid: String,
}

impl Act {
    /// The first issuance's date: what `--as-of` and date filters use for the act.
    pub fn date(&self) -> Option<NaiveDate> {
        self.issuances.iter().find_map(|i| i.date)
    }

    /// Numbers of all issuances joined with ` / ` (`11-1-4/245 / 611`).
    pub fn number(&self) -> String {
        self.issuances
            .iter()
            .filter_map(|i| i.number.as_deref())
            .collect::<Vec<_>>()
            .join(" / ")
    }

    /// All units depth first, in document order.
    pub fn all_units(&self) -> Vec<&Unit> {
        self.units.iter().flat_map(|u| u.walk()).collect()
    }

    /// The unit with this eid, if any.
    pub fn unit(&self, eid: &str) -> Option<&Unit> {
        self.all_units().into_iter().find(|u| u.eid == eid)
    }
}

impl Act {
    /// The act's short name in official form in its own language, as citations begin: its
    /// issuer, date, number and kind (`ҚР Сыртқы істер министрінің 04.01.2018 № 11-1-4/1
    /// бұйрығы`, `ҚР 18.12.1995 № 2688 Конституциялық Заңы`).
    pub fn short_name(&self) -> String {
        citation::act_short_name(self)
    }

    /// The act's short name in official form in `lang` (`Приказ Министра иностранных дел РК
    /// от 04.01.2018 № 11-1-4/1`): the words of each language come from one table of the
    /// database's form and issuer codes; what is not known stays out.
    pub fn short_name_in(&self, lang: Lang) -> String {
        citation::act_short_name_in(self, lang)
    }
}

impl Unit {
    /// The unit's own number and kind as the act's language writes it (`3-тармақ`,
    /// `пункт 3`), without its parents.
    pub fn number_label(&self, act_kind: ActKind, lang: Lang) -> String {
        citation::unit_number_label(self, act_kind, lang)
    }
}

impl UnitStatus {
    /// `live`, `deleted` or `pending`.
    pub fn as_str(&self) -> &'static str {
        match self {
            UnitStatus::Live => "live",
            UnitStatus::Deleted => "deleted",
            UnitStatus::Pending { .. } => "pending",
        }
    }
}

/// Calls `f` for every unit of `units` and their children, depth first, with its path from
/// the top-level unit down (the unit itself last).
pub fn walk_with_path<'a>(units: &'a [Unit], f: &mut dyn FnMut(&[&'a Unit])) {
    fn go<'a>(u: &'a Unit, path: &mut Vec<&'a Unit>, f: &mut dyn FnMut(&[&'a Unit])) {
        path.push(u);
        f(path);
        for c in &u.children {
            go(c, path, f);
        }
        path.pop();
    }
    let mut path = Vec::new();
    for u in units {
        go(u, &mut path, f);
    }
}

impl AmendAction {
    /// The lowercase name used in output (`new_wording`, `inserted`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            AmendAction::NewWording => "new_wording",
            AmendAction::Inserted => "inserted",
            AmendAction::Deleted => "deleted",
            AmendAction::Changed => "changed",
            AmendAction::Repealed => "repealed",
            AmendAction::Renamed => "renamed",
            AmendAction::Prospective => "prospective",
        }
    }
}

/// A name that is not one of a closed set (an act kind, a status), with the names accepted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {what} {given:?}; use {accepted}")]
pub struct UnknownName {
    /// What was named (`kind`, `status`).
    pub what: &'static str,
    /// The name given, trimmed and lowercased.
    pub given: String,
    /// The names accepted, as a phrase.
    pub accepted: String,
}

impl std::str::FromStr for ActKind {
    type Err = UnknownName;

    /// [`ActKind::parse`], with an error listing the kinds.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        ActKind::parse(s).ok_or_else(|| {
            let names: Vec<&str> = ActKind::ALL.iter().map(|k| k.as_str()).collect();
            UnknownName {
                what: "kind",
                given: s.trim().to_string(),
                accepted: format!("one of {}", names.join(", ")),
            }
        })
    }
}

impl std::str::FromStr for StatusKind {
    type Err = UnknownName;

    /// [`StatusKind::parse`], with an error listing the statuses.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        StatusKind::parse(s).ok_or_else(|| UnknownName {
            what: "status",
            given: s.trim().to_lowercase(),
            accepted: "in_force, repealed or unknown".into(),
        })
    }
}

/// Where a piece of one unit's own text is in [`Unit::full_text`]: bytes `from..from + len`
/// of unit `eid`'s text are at byte `at` of the full text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TextPiece {
    pub(crate) eid: String,
    pub(crate) from: usize,
    pub(crate) len: usize,
    pub(crate) at: usize,
}

impl TextPiece {
    /// Bytes `start..end` of unit `eid`'s own text moved to the full text, when this piece
    /// holds them whole.
    pub(crate) fn moved(&self, eid: &str, start: usize, end: usize) -> Option<[usize; 2]> {
        (self.eid == eid && start >= self.from && end <= self.from + self.len && start < end)
            .then(|| [start - self.from + self.at, end - self.from + self.at])
    }
}
