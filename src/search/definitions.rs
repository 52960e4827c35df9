//! Definitions mined from the corpus. Laws and Rules open with the terms they use: «Осы
//! Қағидаларда мынадай негізгі ұғымдар пайдаланылады: … 6) қаңғыбас иттер мен мысықтар –
//! тіркелмеген, иесін анықтау мүмкін емес …» / «В настоящих Правилах используются следующие
//! основные понятия: …». A person describes the thing («иесі жоқ, тіркелмеген иттер»); the law
//! names it («қаңғыбас иттер»). A query that shares two or more words with a definition also
//! looks for the term it defines, as a thesaurus alternative does.
//!
//! The definitions are the units under such a lead-in (the index keeps it as their context),
//! read once per index generation.

use crate::analysis::{analyze, KK_LOOSE, KK_STEM, RU_STEM};
use crate::index::Store;
use std::collections::HashSet;
use tantivy::query::{BooleanQuery, Occur, Query as TQuery, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::Term;

/// Most definitions read from one index.
const MAX_DEFINITIONS: usize = 5000;
/// Most words of a term.
const MAX_TERM_WORDS: usize = 6;
/// Words a query must share with a definition for its term to be looked for: with two, the
/// common words of a set of Rules («ит», «ие») brought in unrelated terms and cost ranking
/// quality on the question set.
const MIN_SHARED: usize = 3;
/// Most terms one query looks for.
const MAX_TERMS: usize = 3;

/// One defined term.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Definition {
    /// The term as written («қаңғыбас иттер мен мысықтар»).
    pub term: String,
    /// The keys ([`key_set`]) of the term's words and of the definition's words.
    term_keys: HashSet<String>,
    words: HashSet<String>,
    /// The unit that defines it; `None` for one read from a text ([`Definitions::from_items`]).
    unit: Option<tantivy::DocAddress>,
}

/// The definitions of an index.
#[derive(Debug, Default)]
pub struct Definitions {
    list: Vec<Definition>,
}

/// The keys of `text`'s words of two letters or more: Kazakh folded stems and Russian
/// stems, so that either language's query meets them.
fn key_set(text: &str) -> HashSet<String> {
    let lower = crate::text::lowercase(text);
    [KK_LOOSE, RU_STEM]
        .iter()
        .flat_map(|a| analyze(a, &lower))
        .map(|t| t.text)
        .filter(|t| t.chars().count() >= 2 && !t.chars().all(|c| c.is_ascii_digit()))
        .collect()
}

/// A definition item's term and definition: `6) TERM – DEFINITION` (any dash, spaced on at
/// least one side).
fn split_definition(text: &str) -> Option<(&str, &str)> {
    let t = text.trim_start();
    // The item's number, `6)`.
    let t = match t.split_once(')') {
        Some((n, rest)) if n.chars().all(|c| c.is_ascii_digit() || c == '-') && !n.is_empty() => {
            rest
        }
        _ => t,
    };
    let at = t.char_indices().find_map(|(i, c)| {
        let spaced = t[..i].ends_with(' ') || t[i + c.len_utf8()..].starts_with(' ');
        (matches!(c, '–' | '—' | '-') && spaced).then_some((i, c.len_utf8()))
    })?;
    let (term, definition) = (t[..at.0].trim(), t[at.0 + at.1..].trim());
    let words = term.split_whitespace().count();
    ((1..=MAX_TERM_WORDS).contains(&words) && !definition.is_empty()).then_some((term, definition))
}

impl Definitions {
    /// Reads the definitions of the index's current texts.
    pub fn mine(index: &Store, searcher: &tantivy::Searcher) -> crate::Result<Definitions> {
        let f = index.fields();
        let mut leads: Vec<(Occur, Box<dyn TQuery>)> = Vec::new();
        // «ұғым» (Kazakh lead-ins) and «понятие» (Russian), as each context field keeps them.
        for (field, analyzer, word) in [
            (f.context_stem, KK_STEM, "ұғымдар"),
            (f.context_ru, RU_STEM, "понятия"),
        ] {
            for t in analyze(analyzer, word) {
                leads.push((
                    Occur::Should,
                    Box::new(TermQuery::new(
                        Term::from_field_text(field, &t.text),
                        IndexRecordOption::Basic,
                    )),
                ));
            }
        }
        let mut clauses: Vec<(Occur, Box<dyn TQuery>)> =
            vec![(Occur::Must, Box::new(BooleanQuery::new(leads)))];
        clauses.extend(super::filters::validity_clauses(f, None));
        let (top, _) = searcher.search(
            &BooleanQuery::new(clauses),
            &super::collect::TopAdjusted::plain(MAX_DEFINITIONS),
        )?;
        let mut list = Vec::new();
        for (_, addr) in top {
            let doc = crate::index::stored::fetch(index, searcher, addr)?;
            if let Some((term, definition)) = split_definition(doc.str(f.text)) {
                list.push(Definition {
                    term: term.to_string(),
                    term_keys: key_set(term),
                    words: key_set(definition),
                    unit: Some(addr),
                });
            }
        }
        Ok(Definitions { list })
    }

    /// The terms whose definitions share the most words with `words` (a query's words), at
    /// least three, and that the query does not already name in full.
    pub fn terms_for<S: AsRef<str>>(&self, words: &[S]) -> Vec<String> {
        let query: HashSet<String> = words.iter().flat_map(|w| key_set(w.as_ref())).collect();
        let mut found: Vec<(usize, &str)> = self
            .list
            .iter()
            .filter(|d| !d.term_keys.iter().all(|k| query.contains(k)))
            .map(|d| (d.words.intersection(&query).count(), d.term.as_str()))
            .filter(|(shared, _)| *shared >= MIN_SHARED)
            .collect();
        found.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
        // Only the definitions that share the most: common words («ит», «ие») are in many.
        let best = found.first().map_or(0, |f| f.0);
        let mut out: Vec<String> = Vec::new();
        for (shared, term) in found {
            if out.len() == MAX_TERMS || shared < best {
                break;
            }
            if !out.iter().any(|t| t == term) {
                out.push(term.to_string());
            }
        }
        out
    }

    /// The units that define `term` itself (its words, in any of their forms, and no other
    /// word): for «органикалық өнім» the item «органикалық өнім – …», not «органикалық өнім
    /// өндірісі – …».
    pub fn units_defining<S: AsRef<str>>(&self, term: &[S]) -> Vec<tantivy::DocAddress> {
        let asked: HashSet<String> = term.iter().flat_map(|w| key_set(w.as_ref())).collect();
        if asked.is_empty() {
            return Vec::new();
        }
        self.list
            .iter()
            .filter(|d| d.term_keys == asked)
            .filter_map(|d| d.unit)
            .collect()
    }

    /// Definitions from item texts (`6) TERM – DEFINITION`), for tests and examples.
    #[cfg(test)]
    pub fn from_items(items: &[&str]) -> Definitions {
        let list = items
            .iter()
            .filter_map(|t| split_definition(t))
            .map(|(term, definition)| Definition {
                term: term.to_string(),
                term_keys: key_set(term),
                words: key_set(definition),
                unit: None,
            })
            .collect();
        Definitions { list }
    }
}

/// The examples of this module's items, run as unit tests (the items are not public).
#[cfg(test)]
mod doc_examples {
    #[test]
    fn definitions_terms_for() {
        use crate::search::definitions::Definitions;
        let d = Definitions::from_items(&[
            "6) қаңғыбас иттер – тіркелмеген, иесін анықтау мүмкін емес иттер",
        ]);
        assert_eq!(
            d.terms_for(&["иесі", "жоқ", "тіркелмеген", "ит"]),
            ["қаңғыбас иттер"]
        );
        assert!(d.terms_for(&["иесі", "ит"]).is_empty());
        assert!(d
            .terms_for(&["қаңғыбас", "иттер", "тіркелмеген", "иесі"])
            .is_empty());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_split_at_their_dash() {
        assert_eq!(
            split_definition("3) мысық- мысық тұқымдас, сүтқоректі;"),
            Some(("мысық", "мысық тұқымдас, сүтқоректі;"))
        );
        assert_eq!(
            split_definition("1) аттестация – периодически осуществляемая процедура"),
            Some(("аттестация", "периодически осуществляемая процедура"))
        );
        // A hyphenated word is not the dash; a sentence without a term is no definition.
        assert_eq!(
            split_definition("ветеринариялық-санитариялық нормалар"),
            None
        );
        assert_eq!(
            split_definition("осы бұйрықты белгіленген тәртіппен ресми жариялау"),
            None
        );
    }
}
