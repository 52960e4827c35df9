//! Tokens, positions and offsets: legal numbers, phrase positions across dropped stop words,
//! byte offsets into the original text, Russian words, the registered analyzers in an index.

use tantivy::collector::Count;
use tantivy::query::PhraseQuery;
use tantivy::schema::{IndexRecordOption, Schema, TextFieldIndexing, TextOptions};
use tantivy::{doc, Index, Term};
use zanlex_analysis::{
    analyze, analyzer, register_analyzers, AnalyzedToken, KK_EXACT, KK_LOOSE, KK_STEM,
};

fn tp(name: &str, text: &str) -> Vec<(String, usize)> {
    analyze(name, text)
        .into_iter()
        .map(|t| (t.text, t.position))
        .collect()
}

fn at(tokens: &[(String, usize)], pos: usize) -> Vec<&str> {
    tokens
        .iter()
        .filter(|t| t.1 == pos)
        .map(|t| t.0.as_str())
        .collect()
}

#[test]
fn legal_numbers_are_whole_and_by_parts() {
    let t = tp(
        KK_EXACT,
        "№ 11-1-4/730 бұйрығы, 14-1 тармақ, 1-1) тармақша, № 16354 болып 3-қосымша",
    );
    assert_eq!(at(&t, 0), ["№11-1-4/730", "11", "1", "4", "730"]);
    assert_eq!(at(&t, 1), ["бұйрығы"]);
    assert_eq!(at(&t, 2), ["14-1", "14", "1"]);
    assert_eq!(at(&t, 4), ["1-1)", "1-1", "1"]);
    assert_eq!(at(&t, 6), ["№16354", "16354"]);
    assert_eq!(at(&t, 8), ["3-қосымша", "3", "қосымша"]);
    assert_eq!(t.iter().map(|x| x.1).max(), Some(8));
}

#[test]
fn legal_numbers_from_the_corpus_file() {
    // 003's heading: "… 2018 жылғы 4 қаңтардағы № 11-1-4" (the `/1` is on the next line) and
    // "… тіркелді № 16354".
    let text = std::fs::read_to_string("corpus/003_0165b7296e38fd1a.txt").expect("corpus file");
    let toks: Vec<String> = analyze(KK_EXACT, &text)
        .into_iter()
        .map(|t| t.text)
        .collect();
    assert!(toks.iter().any(|t| t == "№16354"));
    assert!(toks.iter().any(|t| t == "№11-1-4"));
    assert!(toks.iter().any(|t| t == "14-бабы"));
}

#[test]
fn offsets_point_into_the_original_text() {
    // Soft hyphen, Latin look-alikes and a decomposed й change the text; offsets do not move.
    let text = "Үкiметiнiң тар\u{00AD}мағы ұи\u{0306}ымы № 16354";
    let toks: Vec<AnalyzedToken> = analyze(KK_STEM, text);
    let src: Vec<&str> = toks
        .iter()
        .map(|t| &text[t.offset_from..t.offset_to])
        .collect();
    assert_eq!(
        src,
        [
            "Үкiметiнiң",
            "тар\u{00AD}мағы",
            "ұи\u{0306}ымы",
            "№ 16354",
            "16354"
        ]
    );
    let stems: Vec<&str> = toks.iter().map(|t| t.text.as_str()).collect();
    assert_eq!(stems, ["үкімет", "тармақ", "ұйым", "№16354", "16354"]);
}

#[test]
fn dropped_stop_words_keep_their_position() {
    let text = "азаматтар және шетелдіктер үшін бойынша емес";
    let exact = tp(KK_EXACT, text);
    let stem = tp(KK_STEM, text);
    let loose = tp(KK_LOOSE, text);
    assert_eq!(exact.len(), 6);
    // `және` (1) and `үшін` (3) are dropped; the rest keep the positions of `exact`.
    assert_eq!(
        stem,
        [
            ("азамат".to_string(), 0),
            ("шетелдік".to_string(), 2),
            ("бойынша".to_string(), 4),
            ("емес".to_string(), 5)
        ]
    );
    let lp: Vec<usize> = loose.iter().map(|t| t.1).collect();
    assert_eq!(lp, [0, 2, 4, 5]);
    // Folded stop words are dropped in loose too (Latin `jane` is `және`).
    assert_eq!(
        tp(KK_LOOSE, "azamattar jane sheteldikter")
            .iter()
            .map(|t| t.1)
            .collect::<Vec<_>>(),
        [0, 2]
    );
}

fn phrase_index() -> (Index, tantivy::schema::Field) {
    let mut sb = Schema::builder();
    let opts = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(KK_STEM)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    let f = sb.add_text_field("stem", opts);
    let index = Index::create_in_ram(sb.build());
    register_analyzers(&index);
    let mut w = index
        .writer_with_num_threads(1, 20_000_000)
        .expect("writer");
    w.add_document(doc!(f => "Қазақстан Республикасының азаматтары және шетелдіктер тіркеледі"))
        .expect("add");
    w.add_document(doc!(f => "шетелдіктер мен азаматтар"))
        .expect("add");
    w.commit().expect("commit");
    (index, f)
}

fn phrase_hits(index: &Index, f: tantivy::schema::Field, query: &str) -> usize {
    let toks = analyze(KK_STEM, query);
    let first = toks.first().map_or(0, |t| t.position);
    let terms: Vec<(usize, Term)> = toks
        .iter()
        .map(|t| (t.position - first, Term::from_field_text(f, &t.text)))
        .collect();
    let q = PhraseQuery::new_with_offset(terms);
    let searcher = index.reader().expect("reader").searcher();
    searcher.search(&q, &Count).expect("search")
}

#[test]
fn phrase_queries_respect_dropped_words() {
    let (index, f) = phrase_index();
    // The query keeps the gap of its own dropped `және`: it matches the text that has it.
    assert_eq!(phrase_hits(&index, f, "азаматтары және шетелдіктер"), 1);
    // Another inflection of the same words, same gap: still one match.
    assert_eq!(phrase_hits(&index, f, "азаматтарға және шетелдіктерге"), 1);
    // Without the dropped word the phrase does not leap over the gap.
    assert_eq!(phrase_hits(&index, f, "азаматтар шетелдіктер"), 0);
    assert_eq!(phrase_hits(&index, f, "республикасы азаматтары"), 1);
}

#[test]
fn russian_words_get_russian_stems() {
    let t: Vec<String> = analyze(KK_STEM, "Тегі/Фамилия Национальность Область / Город республиканского значения Индивидуальный идентификационный номер")
        .into_iter()
        .map(|t| t.text)
        .collect();
    assert_eq!(
        t,
        [
            "тек",
            "фамилия",
            "национальн",
            "област",
            "город",
            "республиканск",
            "значен",
            "индивидуальн",
            "идентификацион",
            "номер"
        ]
    );
    // A Kazakh loan in Kazakh context stays with the Kazakh stemmer.
    assert_eq!(analyze(KK_STEM, "Конституциясына")[0].text, "конституция");
}

#[test]
fn analyzers_are_registered_and_unknown_names_refused() {
    let index = Index::create_in_ram(Schema::builder().build());
    register_analyzers(&index);
    for name in [KK_EXACT, KK_STEM, KK_LOOSE] {
        assert!(index.tokenizers().get(name).is_some(), "{name}");
    }
    assert!(analyzer("kk_nope").is_none());
    assert!(analyze("kk_nope", "сөз").is_empty());
}
