//! The index schema: one document per unit (and per unit version), one per act.
//!
//! Unit text is indexed with the Kazakh analyzers of [`crate::analysis`], so a query can match
//! exact forms, inflected forms (`kk_stem`) and keyboard/script-folded forms and rank them in
//! that order. Each word is written once, to `kk_stem`, as its stem and its form in one term
//! ([`crate::analysis::form_term`]): a stem search reads the range of its stem's terms, an
//! exact search one term. `kk_exact` holds only the stop words, which have no stem
//! ([`crate::analysis::KK_EXACT_REST`]). Folded forms
//! are mostly the fold of the stem at the same place: those are found through `kk_stem` (the
//! stems that fold to the query's form), and `kk_loose` holds only the rest
//! ([`crate::analysis::KK_LOOSE_REST`]). Headings and act titles have fields of their own that
//! weigh more. Everything a hit needs to be printed is stored, so printing never reopens the
//! corpus.

use crate::analysis::{
    KK_EXACT, KK_EXACT_REST, KK_LOOSE, KK_LOOSE_REST, KK_STEM, KK_STEM_MARKED, RU_STEM,
};
use chrono::NaiveDate;
use tantivy::schema::{
    DateOptions, DateTimePrecision, Field, IndexRecordOption, NumericOptions, Schema,
    TextFieldIndexing, TextOptions, STORED, STRING,
};
use tantivy::DateTime;

/// Bumped whenever the schema or the meaning of a stored field changes: an index written
/// with another version is rebuilt from scratch.
pub const SCHEMA_VERSION: u32 = 44;

/// `doc_type` of unit documents.
pub const DOC_UNIT: &str = "unit";
/// `doc_type` of act documents (which hold the act as JSON, its frame: see [`crate::index::docs`]).
pub const DOC_ACT: &str = "act";

/// Stand-in for an open lower bound of a validity range (tantivy dates span 1678..2262).
pub const OPEN_FROM: NaiveDate = match NaiveDate::from_ymd_opt(1700, 1, 1) {
    Some(d) => d,
    None => panic!("valid constant date"),
};
/// Stand-in for an open upper bound of a validity range.
pub const OPEN_TO: NaiveDate = match NaiveDate::from_ymd_opt(2200, 1, 1) {
    Some(d) => d,
    None => panic!("valid constant date"),
};

/// Handles of every field, resolved once per opened index.
#[derive(Debug, Clone)]
pub struct Fields {
    /// `unit` or `act`.
    pub doc_type: Field,
    /// Indexed: what refresh deletes an act's documents by, and the `act:` filter.
    pub act_id: Field,
    /// Indexed and stored: the language of the act's expression the document belongs to
    /// (`kk`, `ru`), the `lang:` filter.
    pub lang: Field,
    /// The source file (`corpus/003_….txt`) the document came from.
    pub file: Field,
    /// The corpus file the act itself came from (differs from `file` for older editions).
    pub act_file: Field,
    pub act_title: Field,
    /// The act's title, analyzed on the act document only: a unit's title score is its act's
    /// (see [`crate::search::title`]), so the title is not indexed again with every unit.
    pub title_stem: Field,
    pub title_loose: Field,
    /// [`act_key`] of the act, a fast field on act and unit documents: joins a unit to its
    /// act's title score.
    pub act_key: Field,
    /// On act documents: how many unit documents the act has (title statistics are counted as
    /// if every unit carried the title).
    pub unit_docs: Field,
    /// Indexed for the `kind:`, `issuer:`, `date:` and `status:` filters; the other plain
    /// values are stored only (every indexed value is a term per document to write).
    pub act_kind: Field,
    pub issuer: Field,
    pub act_date: Field,
    pub act_number: Field,
    pub act_status: Field,
    pub eid: Field,
    pub unit_kind: Field,
    pub unit_status: Field,
    pub label: Field,
    pub citation: Field,
    pub path: Field,
    pub heading: Field,
    pub heading_stem: Field,
    pub heading_loose: Field,
    /// What the unit's ancestors say about it: their headings and the lead-ins of the lists it
    /// is in (`… мынадай жағдайларда:`), stemmed as Kazakh (`context_stem`) or, in Russian
    /// expressions, as Russian (`context_ru`). Not stored.
    pub context_stem: Field,
    pub context_ru: Field,
    /// The text of the other units of the unit's article (its nearest first, a bounded
    /// part of it), stemmed as [`Self::context_stem`] and [`Self::context_ru`] are: a question
    /// whose words are spread over an article finds the article's units. Frequencies only,
    /// no positions (no phrase is searched there). Not stored.
    pub article_stem: Field,
    pub article_ru: Field,
    /// The article a unit is in, as one raw term, the same for all its units (its act,
    /// language, edition and the article's eid); none outside an article. Stored.
    pub article: Field,
    /// The unit's clean text, stored.
    pub text: Field,
    pub kk_exact: Field,
    pub kk_stem: Field,
    pub kk_loose: Field,
    /// The text of units of Russian expressions, analyzed as Russian ([`RU_STEM`]); they are
    /// in the `kk_*` fields too, for numbers and keyboard-folded queries.
    pub ru_stem: Field,
    pub line_start: Field,
    pub line_end: Field,
    pub page: Field,
    pub valid_from: Field,
    pub valid_to: Field,
    /// Stored: what the point-in-time rule says of the printing
    /// ([`crate::amend::time::StoredTime`] as JSON): its wording's dates, its edition's.
    pub time: Field,
    /// 1 for the current text of a unit, 0 for an older edition.
    pub current: Field,
    /// 1 for a unit that only says it was deleted or takes effect later (`Алып тасталды`,
    /// [`crate::model::UnitStatus`]), 2 for a live unit that is only a heading (no text of its
    /// own: a chapter's or an article's title, an attachment's), 0 otherwise: search ranks
    /// such units below live text.
    pub placeholder: Field,
    /// 1 for a unit of an act no longer in force, or not known to be (its source stopped
    /// carrying it), or a unit that no longer applies when indexed (expired, suspended), 0
    /// otherwise: search ranks the current law first.
    pub act_repealed: Field,
    pub version_id: Field,
    /// JSON array of the [`crate::model::Amendment`]s that touched the unit.
    pub amendments: Field,
    /// Raw, on unit documents: the keys of the numbers of the unit's act and of the acts that
    /// amended it, each behind its role ([`crate::index::numbers`]).
    pub numbers: Field,
    /// The act's frame as JSON (act documents only): the [`crate::model::Act`] without the
    /// texts its unit documents hold ([`crate::index::docs`]).
    pub act_json: Field,
    /// Raw, on act documents: the keys a reference to the act finds it by (its numbers, its
    /// title, being a code and its title as a code's:
    /// [`crate::refs::resolve::act_lookup_keys`]), so that the acts a few references may lead
    /// to are read without reading every act.
    pub act_lookup: Field,
    /// Raw, on act documents: the lookup keys of the acts its references to other acts may
    /// lead to (`*` when any act may be one: [`crate::refs::resolve::cited_lookup_keys`]),
    /// so that what cites an act is read without reading every act.
    pub act_cites: Field,
    /// Stored, on the unit documents of an act's current text: its address on the official
    /// database ([`crate::model::Act::official_url`]).
    pub act_url: Field,
    /// Raw, on unit documents: the abbreviations the unit's text defines («(далее – ЕАЭС)»),
    /// each as its key and the name it stands for, once per definition (frequencies, no
    /// positions, not stored), so a query word finds the names an act spells out for it in
    /// the term dictionary, without reading a unit.
    pub abbreviations: Field,
    /// Raw, on act documents: the place a local act applies in, a region's code (`astana`,
    /// `almaty`: [`crate::model::citation::regions::place_of_act`]), so that a question naming
    /// a place ranks that place's acts above other places' ([`crate::search`]).
    pub place: Field,
}

fn analyzed(tokenizer: &str, stored: bool) -> TextOptions {
    let opts = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(tokenizer)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    if stored {
        opts.set_stored()
    } else {
        opts
    }
}

/// Analyzed with `tokenizer`, frequencies without positions, not stored.
fn counted(tokenizer: &str) -> TextOptions {
    TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(tokenizer)
            .set_index_option(IndexRecordOption::WithFreqs),
    )
}

fn date_opts() -> DateOptions {
    DateOptions::default()
        .set_indexed()
        .set_fast()
        .set_stored()
        .set_precision(DateTimePrecision::Seconds)
}

/// Builds the schema and the handles of its fields.
pub fn build_schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let raw = STRING | STORED;
    let stored_only = TextOptions::default().set_stored();
    let num = NumericOptions::default().set_stored();
    let fields = Fields {
        doc_type: b.add_text_field("doc_type", STRING),
        act_id: b.add_text_field("act_id", raw.clone()),
        lang: b.add_text_field("lang", raw.clone()),
        file: b.add_text_field("file", stored_only.clone()),
        act_file: b.add_text_field("act_file", stored_only.clone()),
        act_title: b.add_text_field("act_title", stored_only.clone()),
        title_stem: b.add_text_field("title_stem", analyzed(KK_STEM, false)),
        title_loose: b.add_text_field("title_loose", analyzed(KK_LOOSE, false)),
        act_key: b.add_u64_field("act_key", NumericOptions::default().set_fast()),
        unit_docs: b.add_u64_field("unit_docs", NumericOptions::default().set_fast()),
        act_kind: b.add_text_field("act_kind", raw.clone()),
        issuer: b.add_text_field("issuer", raw.clone()),
        act_date: b.add_date_field("act_date", date_opts()),
        act_number: b.add_text_field("act_number", stored_only.clone()),
        act_status: b.add_text_field("act_status", raw.clone()),
        eid: b.add_text_field("eid", raw.clone()),
        unit_kind: b.add_text_field("unit_kind", stored_only.clone()),
        unit_status: b.add_text_field("unit_status", stored_only.clone()),
        label: b.add_text_field("label", stored_only.clone()),
        citation: b.add_text_field("citation", stored_only.clone()),
        path: b.add_text_field("path", stored_only.clone()),
        heading: b.add_text_field("heading", stored_only.clone()),
        heading_stem: b.add_text_field("heading_stem", analyzed(KK_STEM, false)),
        heading_loose: b.add_text_field("heading_loose", analyzed(KK_LOOSE, false)),
        context_stem: b.add_text_field("context_stem", analyzed(KK_STEM, false)),
        context_ru: b.add_text_field("context_ru", analyzed(RU_STEM, false)),
        article_stem: b.add_text_field("article_stem", counted(KK_STEM)),
        article_ru: b.add_text_field("article_ru", counted(RU_STEM)),
        article: b.add_text_field("article", raw.clone()),
        text: b.add_text_field("text", stored_only.clone()),
        // Exact searches count document lengths in `kk_stem`: `kk_exact` has only stop words.
        kk_exact: b.add_text_field(
            KK_EXACT,
            TextOptions::default().set_indexing_options(
                TextFieldIndexing::default()
                    .set_tokenizer(KK_EXACT_REST)
                    .set_fieldnorms(false)
                    .set_index_option(IndexRecordOption::WithFreqsAndPositions),
            ),
        ),
        kk_stem: b.add_text_field(KK_STEM, analyzed(KK_STEM_MARKED, false)),
        kk_loose: b.add_text_field(KK_LOOSE, analyzed(KK_LOOSE_REST, false)),
        ru_stem: b.add_text_field(RU_STEM, analyzed(RU_STEM, false)),
        line_start: b.add_u64_field("line_start", num.clone()),
        line_end: b.add_u64_field("line_end", num.clone()),
        page: b.add_u64_field("page", num),
        valid_from: b.add_date_field("valid_from", date_opts()),
        valid_to: b.add_date_field("valid_to", date_opts()),
        time: b.add_text_field("time", stored_only.clone()),
        current: b.add_u64_field("current", NumericOptions::default().set_indexed()),
        placeholder: b.add_u64_field(
            "placeholder",
            NumericOptions::default().set_indexed().set_fast(),
        ),
        act_repealed: b.add_u64_field(
            "act_repealed",
            NumericOptions::default().set_indexed().set_fast(),
        ),
        version_id: b.add_text_field("version_id", stored_only.clone()),
        amendments: b.add_text_field("amendments", stored_only.clone()),
        numbers: b.add_text_field("numbers", STRING),
        act_json: b.add_text_field("act_json", stored_only.clone()),
        act_lookup: b.add_text_field("act_lookup", STRING),
        act_cites: b.add_text_field("act_cites", STRING),
        act_url: b.add_text_field("act_url", stored_only),
        abbreviations: b.add_text_field(
            "abbreviations",
            TextOptions::default().set_indexing_options(
                TextFieldIndexing::default()
                    .set_tokenizer("raw")
                    .set_fieldnorms(false)
                    .set_index_option(IndexRecordOption::WithFreqs),
            ),
        ),
        place: b.add_text_field("place", STRING),
    };
    (b.build(), fields)
}

/// A stable 64-bit key of an act id (the first 8 bytes of its SHA-256), for the `act_key` fast
/// field.
#[cfg(test)]
pub fn act_key(act_id: &str) -> u64 {
    key_of(act_id)
}

/// The [`act_key`] of one expression of an act: the Kazakh text's is the act's own, another
/// language's is that of `ID@LANG`, so each expression's title scores its own units.
pub fn expression_key(act_id: &str, lang: crate::model::Lang) -> u64 {
    match lang {
        crate::model::Lang::Kk => key_of(act_id),
        other => key_of(&format!("{act_id}@{other}")),
    }
}

fn key_of(act_id: &str) -> u64 {
    use sha2::Digest;
    let digest = sha2::Sha256::digest(act_id.as_bytes());
    let mut first = [0u8; 8];
    first.copy_from_slice(&digest[..8]);
    u64::from_le_bytes(first)
}

/// A calendar date as a tantivy date (midnight UTC).
pub fn to_tantivy_date(d: NaiveDate) -> DateTime {
    // tantivy counts nanoseconds in an i64: keep dates inside 1700..=2200.
    let d = d.clamp(OPEN_FROM, OPEN_TO);
    let secs = d
        .and_hms_opt(0, 0, 0)
        .map(|t| t.and_utc().timestamp())
        .unwrap_or(0);
    DateTime::from_timestamp_secs(secs)
}

/// A tantivy date back as a calendar date.
pub fn from_tantivy_date(d: DateTime) -> Option<NaiveDate> {
    chrono::DateTime::from_timestamp(d.into_timestamp_secs(), 0).map(|t| t.date_naive())
}

/// The examples of this module's items, run as unit tests (the items are not public).
#[cfg(test)]
mod doc_examples {
    #[test]
    fn act_key() {
        use crate::index::schema::act_key;
        assert_eq!(
            act_key("mvd-order-2012-06-14-352"),
            act_key("mvd-order-2012-06-14-352")
        );
        assert_ne!(
            act_key("mvd-order-2012-06-14-352"),
            act_key("mfa-order-2018-01-04-11-1-4-1")
        );
    }

    #[test]
    fn expression_key() {
        use crate::{
            index::schema::{act_key, expression_key},
            Lang,
        };
        assert_eq!(expression_key("a", Lang::Kk), act_key("a"));
        assert_ne!(expression_key("a", Lang::Ru), act_key("a"));
    }
}
