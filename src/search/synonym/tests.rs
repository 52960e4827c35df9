use super::union::{ReadDocs, ReadUnion};
use super::*;
use proptest::collection::vec;
use proptest::prelude::*;
use tantivy::collector::TopDocs;
use tantivy::postings::TermInfo;
use tantivy::query::Query;
use tantivy::query::{PhraseQuery, TermQuery};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::schema::{Schema, TEXT};
use tantivy::{doc, Index};
use tantivy::{DocSet, Score, Term, TERMINATED};

/// Each document's count of each of six terms `t0`..`t5`: `t0` in one document of two,
/// `t4` in one of three thousand, each once to three times where it is, and `t5` once in
/// each document with `t3`.
fn five_densities() -> impl Strategy<Value = [u32; 6]> {
    // A term is in a document when its draw below `n` is 0.
    let term = |n: u32| (0..n, 1..=3u32).prop_map(|(draw, count)| count * u32::from(draw == 0));
    (term(2), term(7), term(50), term(400), term(3000))
        .prop_map(|(a, b, c, d, e)| [a, b, c, d, e, u32::from(d > 0)])
}

/// One segment of the documents with `counts` of each term, in order: the index and its
/// field.
fn index_of_counts(counts: &[[u32; 6]]) -> tantivy::Result<(Index, Field)> {
    let mut schema = Schema::builder();
    let body = schema.add_text_field("body", TEXT);
    let index = Index::create_in_ram(schema.build());
    // One thread: one segment, documents in the order added.
    let mut writer: tantivy::IndexWriter = index.writer_with_num_threads(1, 15_000_000)?;
    for count in counts {
        let mut words = Vec::new();
        for (k, n) in count.iter().enumerate() {
            for _ in 0..*n {
                words.push(format!("t{k}"));
            }
        }
        writer.add_document(doc!(body => words.join(" ")))?;
    }
    writer.commit()?;
    Ok((index, body))
}

/// Every set of the six terms, read as one union the way the document frequency reads it
/// (one list copied, few postings sorted, many marked in arrays of the segment), gives
/// each document with any of the set's terms once, with their frequencies summed; and the
/// union seeks to the first such document at or after the target.
#[test]
fn read_union_gives_each_document_once_with_its_frequencies_summed() {
    // Ten thousand documents, and the gaps between the targets of the seeks.
    let cases = (vec(five_densities(), 10_000), vec(any::<u32>(), 1..64));
    crate::property::check(2, cases, |(counts, jumps)| {
        read_union_is_the_counts(&counts, &jumps).expect("index in RAM");
    });
}

/// The check of [`read_union_gives_each_document_once_with_its_frequencies_summed`] on
/// documents with `counts`, seeking by `jumps` in turn.
fn read_union_is_the_counts(counts: &[[u32; 6]], jumps: &[u32]) -> tantivy::Result<()> {
    let (index, body) = index_of_counts(counts)?;
    let searcher = index.reader()?.searcher();
    let reader = &searcher.segment_readers()[0];
    let inverted = reader.inverted_index(body)?;
    let mut infos = Vec::new();
    for k in 0..6 {
        let term = Term::from_field_text(body, &format!("t{k}"));
        infos.push(inverted.get_term_info(&term)?.map(|info| (body, info)));
    }
    let (mut sorted, mut marked) = (0, 0);
    for subset in 1u32..64 {
        let present: Vec<(Field, TermInfo)> = (0..6)
            .filter(|k| subset >> k & 1 == 1)
            .filter_map(|k| infos[k].clone())
            .collect();
        let total: usize = present.iter().map(|(_, i)| i.doc_freq as usize).sum();
        if present.len() > 1 {
            if total * 32 < reader.max_doc() as usize {
                sorted += 1;
            } else {
                marked += 1;
            }
        }
        let sum = |c: &[u32; 6]| (0..6).filter(|k| subset >> k & 1 == 1).map(|k| c[k]).sum();
        let want: Vec<u32> = counts.iter().map(sum).collect();
        let union = std::sync::Arc::new(ReadUnion::read(reader, &present)?);
        let docs: Vec<u32> = (0..want.len() as u32)
            .filter(|&d| want[d as usize] > 0)
            .collect();
        let freqs: Vec<u32> = docs.iter().map(|&d| want[d as usize]).collect();
        assert_eq!(*union, ReadUnion { docs, freqs }, "subset {subset:06b}");
        for step in [1, 300, 5000] {
            let mut read = ReadDocs {
                union: std::sync::Arc::clone(&union),
                at: 0,
            };
            let mut target = 0;
            for jump in jumps.iter().cycle() {
                target += 1 + jump % step;
                let doc = read.seek(target);
                let first = (target as usize..want.len()).find(|&d| want[d] > 0);
                assert_eq!(doc, first.map_or(TERMINATED, |d| d as u32));
                if doc == TERMINATED {
                    break;
                }
                assert_eq!(read.term_freq(), want[doc as usize]);
            }
        }
    }
    assert!(sorted > 0 && marked > 0, "{sorted} sorted, {marked} marked");
    Ok(())
}

/// `texts` in a one-field index, with `colour` spelled `color` when `merge`.
fn index_of(texts: &[&str], merge: bool) -> tantivy::Result<(Index, Field)> {
    let mut schema = Schema::builder();
    let body = schema.add_text_field("body", TEXT);
    let index = Index::create_in_ram(schema.build());
    let mut writer = index.writer(15_000_000)?;
    for t in texts {
        let t = if merge {
            t.replace("colour", "color")
        } else {
            t.to_string()
        };
        writer.add_document(doc!(body => t))?;
    }
    writer.commit()?;
    Ok((index, body))
}

/// The hits of `q`, by document.
fn hits(index: &Index, q: &dyn Query) -> tantivy::Result<Vec<(u32, Score)>> {
    let searcher = index.reader()?.searcher();
    let mut hits: Vec<(u32, Score)> = searcher
        .search(q, &TopDocs::with_limit(10))?
        .into_iter()
        .map(|(s, a)| (a.doc_id, s))
        .collect();
    hits.sort_by_key(|h| h.0);
    Ok(hits)
}

/// Runs the first of `queries` on `texts` indexed with `colour` and `color` apart and the
/// second on them merged into `color`; checks both find the same documents with the same
/// scores, and returns those documents. `queries` gets a term maker and the field.
fn apart_scores_as_merged(
    texts: &[&str],
    queries: impl FnOnce(&dyn Fn(&str) -> Term, Field) -> (Box<dyn Query>, Box<dyn Query>),
) -> tantivy::Result<Vec<u32>> {
    let ((apart, body), (merged, _)) = (index_of(texts, false)?, index_of(texts, true)?);
    let (on_apart, on_merged) = queries(&|t| Term::from_field_text(body, t), body);
    let (got, want) = (hits(&apart, &*on_apart)?, hits(&merged, &*on_merged)?);
    assert_eq!(got.len(), want.len(), "{got:?} vs {want:?}");
    for (g, w) in got.iter().zip(&want) {
        assert_eq!(g.0, w.0, "{got:?} vs {want:?}");
        assert!((g.1 - w.1).abs() < 1e-5, "{got:?} vs {want:?}");
    }
    Ok(got.into_iter().map(|h| h.0).collect())
}

/// `color` and `colour` searched as one word in `texts` ([`apart_scores_as_merged`]).
fn color_as_one_word(texts: &[&str]) -> tantivy::Result<Vec<u32>> {
    apart_scores_as_merged(texts, |term, body| {
        (
            Box::new(Synonyms::new(body, vec![term("color"), term("colour")])),
            Box::new(TermQuery::new(term("color"), IndexRecordOption::WithFreqs)),
        )
    })
}

/// Two spellings of a word indexed apart score as the word would if it had one spelling:
/// the same documents, the same scores, whether documents have one of them or both (as a
/// two forms of a stem often do). A document with both counts once: summed, the
/// second case's document frequency would be 7 (3 + 4, capped at the 6 documents) instead
/// of 4, and every score lower.
#[test]
fn scores_as_one_term() -> tantivy::Result<()> {
    let one_each = [
        "a b colour",
        "color c",
        "colour colour d e f",
        "g",
        "color h color",
        "i j",
    ];
    assert_eq!(color_as_one_word(&one_each)?, [0, 1, 2, 4]);
    let some_both = [
        "color colour a",
        "colour b color color",
        "color colour",
        "d",
        "e f",
        "colour g h",
    ];
    assert_eq!(color_as_one_word(&some_both)?, [0, 1, 2, 5]);
    Ok(())
}

/// A phrase whose first word has two spellings, indexed apart, matches and scores as the
/// phrase does when the spellings are one.
#[test]
fn a_phrase_of_synonyms_scores_as_the_phrase() -> tantivy::Result<()> {
    let texts = [
        "colour wheel here",
        "a color wheel and a color wheel",
        "wheel colour",
        "colour and wheel",
        "color",
        "big colour wheel",
    ];
    let docs = apart_scores_as_merged(&texts, |term, body| {
        let phrase = SynonymPhrase::new(
            vec![
                (0, vec![term("color"), term("colour")]),
                (1, vec![term("wheel")]),
            ],
            body,
            0,
        );
        let one = PhraseQuery::new(vec![term("color"), term("wheel")]);
        (Box::new(phrase), Box::new(one))
    })?;
    assert_eq!(docs, [0, 1, 5]);
    Ok(())
}

/// A set found in the dictionaries (a range of one field, a term of another, in two
/// segments) matches and scores as its bare terms looked up again. The first term of
/// each field's postings starts at byte 0 of its own file: a set that told its terms
/// apart only by where their postings start would lose one.
#[test]
fn a_set_found_in_the_dictionaries_scores_as_its_terms() -> tantivy::Result<()> {
    let mut schema = Schema::builder();
    let body = schema.add_text_field("body", TEXT);
    let other = schema.add_text_field("other", TEXT);
    let index = Index::create_in_ram(schema.build());
    let mut writer = index.writer(15_000_000)?;
    for (b, o) in [
        ("color a", "hue"),
        ("colours b colour", "x"),
        ("c", "hue hue"),
    ] {
        writer.add_document(doc!(body => b, other => o))?;
    }
    writer.commit()?;
    for (b, o) in [("d", "hue"), ("colour e", "y"), ("colors", "z")] {
        writer.add_document(doc!(body => b, other => o))?;
    }
    writer.commit()?;
    let searcher = index.reader()?.searcher();
    assert_eq!(searcher.segment_readers().len(), 2);
    let mut set = TermSet::default();
    set.add_from_segments(&searcher, body, |dictionary, found| {
        let mut stream = dictionary.range().ge("col").lt("com").into_stream()?;
        while stream.advance() {
            found(stream.key(), stream.value());
        }
        Ok(())
    })?;
    assert!(set.look_up(&searcher, Term::from_field_text(other, "hue"))?);
    assert!(!set.look_up(&searcher, Term::from_field_text(other, "violet"))?);
    let bare = set.terms().to_vec();
    assert_eq!(bare.len(), 5);
    // (segment, document, score), in that order.
    let hits = |q: &dyn Query| -> tantivy::Result<Vec<(u32, u32, Score)>> {
        let mut hits: Vec<_> = searcher
            .search(q, &TopDocs::with_limit(10))?
            .into_iter()
            .map(|(s, a)| (a.segment_ord, a.doc_id, s))
            .collect();
        hits.sort_by_key(|h| (h.0, h.1));
        Ok(hits)
    };
    let found = hits(&Synonyms::new(body, set.clone()))?;
    assert_eq!(found, hits(&Synonyms::new(body, bare.clone()))?);
    assert_eq!(found.len(), 6);
    let phrase = |a: TermSet| {
        SynonymPhrase::new(
            vec![(0, a), (1, vec![Term::from_field_text(body, "b")].into())],
            body,
            0,
        )
    };
    let found = hits(&phrase(set))?;
    assert_eq!(found, hits(&phrase(bare.into()))?);
    assert_eq!(found.len(), 1);
    Ok(())
}

/// A set may hold terms of fields indexed with and without positions: each field's postings
/// are read with its own skip data. Documents with either term, once each, with their
/// frequencies summed, however many blocks each list spans.
#[test]
fn a_union_reads_fields_with_and_without_positions() -> tantivy::Result<()> {
    use tantivy::schema::{TextFieldIndexing, TextOptions};
    let mut schema = Schema::builder();
    let freqs_only = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default().set_index_option(IndexRecordOption::WithFreqs),
    );
    // The field without positions first: its reader is the one a shared reader would reuse.
    let flat = schema.add_text_field("flat", freqs_only);
    let body = schema.add_text_field("body", TEXT);
    let index = Index::create_in_ram(schema.build());
    let mut writer: tantivy::IndexWriter = index.writer_with_num_threads(1, 15_000_000)?;
    let mut expected = Vec::new();
    for i in 0..2000u32 {
        let (in_flat, in_body) = (i % 3 == 0, i % 5 != 0);
        let flat_text = if in_flat { "law code law" } else { "code" };
        let body_text = if in_body { "law and order" } else { "order" };
        writer.add_document(doc!(flat => flat_text, body => body_text))?;
        let freq = 2 * u32::from(in_flat) + u32::from(in_body);
        if freq > 0 {
            expected.push((i, freq));
        }
    }
    writer.commit()?;
    let searcher = index.reader()?.searcher();
    let reader = &searcher.segment_readers()[0];
    let mut present = Vec::new();
    for field in [flat, body] {
        let term = Term::from_field_text(field, "law");
        if let Some(info) = reader.inverted_index(field)?.get_term_info(&term)? {
            present.push((field, info));
        }
    }
    assert_eq!(present.len(), 2, "the term in both fields");
    let union = ReadUnion::read(reader, &present)?;
    let got: Vec<(u32, u32)> = union
        .docs
        .iter()
        .copied()
        .zip(union.freqs.iter().copied())
        .collect();
    assert_eq!(got, expected);
    let set = vec![
        Term::from_field_text(flat, "law"),
        Term::from_field_text(body, "law"),
    ];
    assert_eq!(Synonyms::new(body, set).count(&searcher)?, expected.len());
    Ok(())
}

/// A phrase whose word has forty spellings, one common and the rest rare (the form terms of a
/// common stem), matches and scores as the phrase of the one spelling they stand for, in
/// every document: where only the common one stands before the next word, only a rare one,
/// several of them, or one that stands elsewhere.
#[test]
fn a_phrase_word_of_many_spellings_scores_as_one_spelling() -> tantivy::Result<()> {
    let spellings: Vec<String> = (0..40).map(|k| format!("f{k:02}")).collect();
    // Document `i`: the common spelling before `wheel` in one of four, elsewhere in one of
    // four; rare spelling `k` in one document of `50 + k`, before `wheel` but in a third of
    // them (before `x`).
    let text = |i: u32, merged: bool| {
        let spell = |k: usize| if merged { "f" } else { spellings[k].as_str() };
        let mut words = vec!["a"];
        match i % 4 {
            0 => words.extend([spell(0), "wheel"]),
            1 => words.extend([spell(0), "b", "wheel"]),
            _ => words.push("c"),
        }
        for k in 1..spellings.len() {
            if i.is_multiple_of(50 + k as u32) {
                match i % 3 {
                    0 => words.extend([spell(k), "x"]),
                    _ => words.extend([spell(k), "wheel"]),
                }
            }
        }
        words.join(" ")
    };
    let expected: Vec<u32> = (0..3000u32)
        .filter(|&i| i.is_multiple_of(4) || (i % 3 != 0 && (51..90).any(|n| i.is_multiple_of(n))))
        .collect();
    let all = |merged: bool, q: &dyn Fn(Field) -> Box<dyn Query>| {
        let mut schema = Schema::builder();
        let body = schema.add_text_field("body", TEXT);
        let index = Index::create_in_ram(schema.build());
        let mut writer: tantivy::IndexWriter = index.writer_with_num_threads(1, 15_000_000)?;
        for i in 0..3000 {
            writer.add_document(doc!(body => text(i, merged)))?;
        }
        writer.commit()?;
        let searcher = index.reader()?.searcher();
        let mut hits: Vec<(u32, Score)> = searcher
            .search(&*q(body), &TopDocs::with_limit(3000))?
            .into_iter()
            .map(|(s, a)| (a.doc_id, s))
            .collect();
        hits.sort_by_key(|h| h.0);
        tantivy::Result::Ok(hits)
    };
    let apart = all(false, &|body| {
        let word = spellings
            .iter()
            .map(|s| Term::from_field_text(body, s))
            .collect::<Vec<_>>();
        let wheel = vec![Term::from_field_text(body, "wheel")];
        Box::new(SynonymPhrase::new(vec![(0, word), (1, wheel)], body, 0))
    })?;
    let merged = all(true, &|body| {
        let terms = ["f", "wheel"].map(|t| Term::from_field_text(body, t));
        Box::new(PhraseQuery::new(terms.to_vec()))
    })?;
    assert_eq!(apart.iter().map(|h| h.0).collect::<Vec<_>>(), expected);
    assert_eq!(apart.len(), merged.len());
    for (a, m) in apart.iter().zip(&merged) {
        assert_eq!(a.0, m.0);
        assert!((a.1 - m.1).abs() < 1e-5, "{a:?} vs {m:?}");
    }
    Ok(())
}
