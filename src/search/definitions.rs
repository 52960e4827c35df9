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
    /// The keys ([`key_set`]) of the term's words outside its parentheses, and of the
    /// definition's words.
    term_keys: HashSet<String>,
    words: HashSet<String>,
    /// The keys of each word of the term outside its parentheses ([`word_keys`]), and of the
    /// short name it gives itself ([`short_name`]; empty when none).
    term_words: Vec<HashSet<String>>,
    short_words: Vec<HashSet<String>>,
    /// The unit that defines it; `None` for one read from a text ([`Definitions::from_items`]).
    unit: Option<tantivy::DocAddress>,
}

impl Definition {
    fn new(term: &str, definition: &str, unit: Option<tantivy::DocAddress>) -> Definition {
        Definition {
            term: term.to_string(),
            term_keys: key_set(&outside_parentheses(term)),
            words: key_set(definition),
            term_words: word_keys(&outside_parentheses(term)),
            short_words: short_name(term).map(word_keys).unwrap_or_default(),
            unit,
        }
    }

    /// True when this defines the thing whose words' keys ([`word_keys`]) are `asked` itself:
    /// its term, or the short name it gives itself, has as many words, each in turn a form of
    /// the word asked (a Kazakh plural, possessive or genitive ending, a Russian case or
    /// number: a key in common), and no other.
    fn defines(&self, asked: &[HashSet<String>]) -> bool {
        let same = |words: &[HashSet<String>]| {
            !words.is_empty()
                && words.len() == asked.len()
                && words.iter().zip(asked).all(|(w, a)| !w.is_disjoint(a))
        };
        same(&self.term_words) || same(&self.short_words)
    }
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

/// The keys ([`key_set`]) of each of `text`'s words that has any, in order.
fn word_keys(text: &str) -> Vec<HashSet<String>> {
    text.split_whitespace()
        .map(key_set)
        .filter(|k| !k.is_empty())
        .collect()
}

/// A definition item's term and definition: `6) TERM – DEFINITION` (any dash, spaced on at
/// least one side, outside parentheses: «эвтаназия животного (далее – эвтаназия) – …» defines
/// the whole term before the last parenthesis). A term has at most [`MAX_TERM_WORDS`] words
/// outside its parentheses.
fn split_definition(text: &str) -> Option<(&str, &str)> {
    let t = text.trim_start();
    // The item's number, `6)`.
    let t = match t.split_once(')') {
        Some((n, rest)) if n.chars().all(|c| c.is_ascii_digit() || c == '-') && !n.is_empty() => {
            rest
        }
        _ => t,
    };
    let mut depth = 0usize;
    let at = t.char_indices().find_map(|(i, c)| {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ => {}
        }
        let spaced = t[..i].ends_with(' ') || t[i + c.len_utf8()..].starts_with(' ');
        (depth == 0 && matches!(c, '–' | '—' | '-') && spaced).then_some((i, c.len_utf8()))
    })?;
    let (term, definition) = (t[..at.0].trim(), t[at.0 + at.1..].trim());
    let words = outside_parentheses(term).split_whitespace().count();
    ((1..=MAX_TERM_WORDS).contains(&words) && !definition.is_empty()).then_some((term, definition))
}

/// `term` without its parenthesised parts: «домашние животные (животные-компаньоны) (далее –
/// домашние животные)» is «домашние животные».
fn outside_parentheses(term: &str) -> String {
    let mut depth = 0usize;
    let mut out = String::with_capacity(term.len());
    for c in term.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// The short name a term gives itself in parentheses, «(далее – эвтаназия)», «(бұдан әрі –
/// эвтаназиялау)»: the law calls the thing so from there on.
fn short_name(term: &str) -> Option<&str> {
    let lower_at = |lead: &str| {
        let at = term.find(lead)?;
        let rest = term[at + lead.len()..].trim_start();
        let rest = rest.strip_prefix(['–', '—', '-'])?.trim_start();
        let end = rest.find(')')?;
        Some(rest[..end].trim()).filter(|n| !n.is_empty())
    };
    lower_at("(далее").or_else(|| lower_at("(бұдан әрі"))
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
                list.push(Definition::new(term, definition, Some(addr)));
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
    /// word outside the term's parentheses, or the short name it gives itself): for
    /// «органикалық өнім» the item «органикалық өнім – …», not «органикалық өнім өндірісі – …».
    pub fn units_defining<S: AsRef<str>>(&self, term: &[S]) -> Vec<tantivy::DocAddress> {
        let asked: Vec<HashSet<String>> = term.iter().flat_map(|w| word_keys(w.as_ref())).collect();
        if asked.is_empty() {
            return Vec::new();
        }
        self.list
            .iter()
            .filter(|d| d.defines(&asked))
            .filter_map(|d| d.unit)
            .collect()
    }

    /// Definitions from item texts (`6) TERM – DEFINITION`), for tests and examples.
    #[cfg(test)]
    pub fn from_items(items: &[&str]) -> Definitions {
        let list = items
            .iter()
            .filter_map(|t| split_definition(t))
            .map(|(term, definition)| Definition::new(term, definition, None))
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

    /// The dash of a short name in parentheses is not the item's: the term runs to the dash
    /// after them, and its words are counted outside them.
    #[test]
    fn a_term_with_parentheses_splits_at_the_dash_after_them() {
        assert_eq!(
            split_definition(
                "4) эвтаназия животного (далее – эвтаназия) – медикаментозное умерщвление животного"
            ),
            Some((
                "эвтаназия животного (далее – эвтаназия)",
                "медикаментозное умерщвление животного"
            ))
        );
        assert_eq!(
            split_definition(
                "24) домашние животные (животные-компаньоны) (далее – домашние животные) – \
                 собаки, кошки и другие животные"
            ),
            Some((
                "домашние животные (животные-компаньоны) (далее – домашние животные)",
                "собаки, кошки и другие животные"
            ))
        );
        assert_eq!(
            outside_parentheses("үй жануарлары (компаньон жануарлар) (бұдан әрі – үй жануарлары)")
                .split_whitespace()
                .collect::<Vec<_>>(),
            ["үй", "жануарлары"]
        );
        assert_eq!(
            short_name("жануарды эвтаназиялау (бұдан әрі – эвтаназиялау)"),
            Some("эвтаназиялау")
        );
        assert_eq!(short_name("жабайы жануарлар"), None);
    }

    /// A term asked bare finds the item defining it, in another form too, and not the items
    /// defining its compounds; a compound asked finds its own item.
    #[test]
    fn the_term_itself_is_defined_by_its_own_item_not_its_compounds() {
        let items = [
            "1) адам саудасы – адамды сату немесе оған қатысты өзге де мәмілелер жасау",
            "6) адам саудасының құрбандарын оңалту – құрбанның психологиялық жағдайын қалпына келтіру",
            "7) адам саудасының құрбаны – адам саудасы бойынша танылған адам",
            "9) адам саудасының ықтимал құрбаны – өзіне қатысты адам саудасы жасалуы мүмкін адам",
            "5) жануардың иесі – жануар меншік құқығымен тиесілі тұлға",
            "6) жануарлар – омыртқалы жануарлар;",
            "24) үй жануарлары (компаньон жануарлар) (бұдан әрі – үй жануарлары) – иттер, мысықтар",
            "25) үй жануарларын есепке алу – үй жануарына жеке нөмір беру",
            "4) эвтаназия животного (далее – эвтаназия) – медикаментозное умерщвление",
            "7) собрание – совместное присутствие граждан",
            "1) мирное собрание – публичное мероприятие",
            "2) участник мирного собрания – гражданин",
        ];
        let d = Definitions::from_items(&items);
        let defined = |term: &[&str]| -> Vec<&str> {
            let asked: Vec<HashSet<String>> = term.iter().flat_map(|w| word_keys(w)).collect();
            d.list
                .iter()
                .filter(|x| x.defines(&asked))
                .map(|x| x.term.as_str())
                .collect()
        };
        assert_eq!(defined(&["адам", "саудасы"]), ["адам саудасы"]);
        // The genitive the compounds write the term in is the same term.
        assert_eq!(defined(&["адам", "саудасының"]), ["адам саудасы"]);
        assert_eq!(
            defined(&["адам", "саудасының", "құрбаны"]),
            ["адам саудасының құрбаны"]
        );
        assert_eq!(defined(&["жануарлар"]), ["жануарлар"]);
        assert_eq!(defined(&["жануар"]), ["жануарлар"]);
        assert_eq!(
            defined(&["үй", "жануарлары"]),
            ["үй жануарлары (компаньон жануарлар) (бұдан әрі – үй жануарлары)"]
        );
        assert_eq!(
            defined(&["эвтаназия"]),
            ["эвтаназия животного (далее – эвтаназия)"]
        );
        assert_eq!(defined(&["собрание"]), ["собрание"]);
        assert_eq!(defined(&["собрания"]), ["собрание"]);
        assert_eq!(defined(&["мирное", "собрание"]), ["мирное собрание"]);
    }
}
