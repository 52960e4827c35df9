//! A place named in a question. Maslikhats and akimats of every region adopt acts on the same
//! subjects (the rules of keeping pets, of migration, the housing certificates), and a person
//! asks about their own place: «правила содержания собак в Астане», «Қарағанды облысында»,
//! «v Almaty». The place is read from the question in any case and script
//! ([`crate::model::citation::regions::named_in`]); when the index holds local acts of that
//! place ([`crate::model::citation::regions::place_of_act`], stored on each act document),
//! the units of other places' local acts keep [`super::collect::OTHER_PLACE_FACTOR`] of their
//! score, so the place's act comes first and the others still come up below it. The acts of
//! the republic's bodies are not touched. A place the index holds no act of changes nothing:
//! the answer says so ([`super::types::PlaceNamed`]), and the place's words stay words of the
//! question, which units may or may not say.

use crate::index::schema::DOC_ACT;
use crate::index::Store;
use crate::model::citation::regions::{named_in, regions};
use rustc_hash::{FxHashMap, FxHashSet};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocSet, Searcher, Term, TERMINATED};

/// The place of every local act the index holds, by act key (each language's expression has
/// its own key): read once per index generation.
#[derive(Debug, Default)]
pub(crate) struct ActPlaces {
    by_key: FxHashMap<u64, &'static str>,
}

impl ActPlaces {
    /// Reads the `place` of the act documents of `searcher`.
    pub(crate) fn read(index: &Store, searcher: &Searcher) -> crate::Result<Self> {
        let f = index.fields();
        let mut places: Vec<&'static str> = regions().iter().map(|r| r.place()).collect();
        places.sort_unstable();
        places.dedup();
        let acts = Term::from_field_text(f.doc_type, DOC_ACT);
        let mut by_key = FxHashMap::default();
        for segment in searcher.segment_readers() {
            let inverted = segment.inverted_index(f.place)?;
            let keys = segment.fast_fields().u64("act_key")?;
            let doc_types = segment.inverted_index(f.doc_type)?;
            let alive = segment.alive_bitset();
            // Only act documents carry a place; the check keeps it so if that changes.
            let mut act_docs = FxHashSet::default();
            if let Some(mut p) = doc_types.read_postings(&acts, IndexRecordOption::Basic)? {
                let mut doc = p.doc();
                while doc != TERMINATED {
                    act_docs.insert(doc);
                    doc = p.advance();
                }
            }
            for &place in &places {
                let term = Term::from_field_text(f.place, place);
                let Some(mut postings) = inverted.read_postings(&term, IndexRecordOption::Basic)?
                else {
                    continue;
                };
                let mut doc = postings.doc();
                while doc != TERMINATED {
                    if alive.is_none_or(|a| a.is_alive(doc)) && act_docs.contains(&doc) {
                        if let Some(key) = keys.first(doc) {
                            by_key.insert(key, place);
                        }
                    }
                    doc = postings.advance();
                }
            }
        }
        Ok(ActPlaces { by_key })
    }
}

/// A place a question names, and what the search does with it.
#[derive(Debug, Clone)]
pub(crate) struct PlaceAsked {
    /// What the answer says of it.
    pub named: super::types::PlaceNamed,
    /// The keys of other places' local acts, whose units are scaled down: empty when the
    /// index holds no act of the place.
    pub others: FxHashSet<u64>,
}

/// The place `text` names, if any, with the acts of other places to rank below its own.
pub(crate) fn asked(
    index: &Store,
    searcher: &Searcher,
    text: &str,
) -> crate::Result<Option<PlaceAsked>> {
    let Some((region, words)) = named_in(text, crate::analysis::fold::fold) else {
        return Ok(None);
    };
    let acts = index.per_generation(searcher, || ActPlaces::read(index, searcher))?;
    let place = region.place();
    let has_acts = acts.by_key.values().any(|p| *p == place);
    let others = if has_acts {
        acts.by_key
            .iter()
            .filter(|(_, p)| **p != place)
            .map(|(k, _)| *k)
            .collect()
    } else {
        FxHashSet::default()
    };
    Ok(Some(PlaceAsked {
        named: super::types::PlaceNamed {
            words: words.join(" "),
            place: place.to_string(),
            kk: region.kk.to_string(),
            ru: region.ru.to_string(),
            has_acts,
        },
        others,
    }))
}

#[cfg(test)]
mod tests {
    /// Folded, a place typed in Latin letters or without Kazakh letters reads as in Cyrillic.
    #[test]
    fn places_typed_in_latin_letters() {
        for (text, slug) in [
            ("ит ұстау Almaty", "almaty-city"),
            ("almaty oblysy su", "almaty"),
            ("qaraghandy oblysy", "karaganda"),
            ("karaganda", "karaganda"),
            ("pravila vygula sobak v Astane", "astana"),
            ("қарағандыда", "karaganda"),
            ("Нұр-Сұлтанда баспана сертификаты", "nur-sultan"),
        ] {
            let got = super::named_in(text, crate::analysis::fold::fold).map(|(r, _)| r.slug);
            assert_eq!(got, Some(slug), "{text}");
        }
    }
}
