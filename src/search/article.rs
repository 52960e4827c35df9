//! Articles asked for by number. A person types «статья 7 закона о миграции», «ст. 7»,
//! «7-бап» or «Еңбек кодексінің 139-бабы» to read that article: it comes first, in the act
//! whose title has the other words of the query (any act with such an article when there are
//! none), in the language the query is written in.
//!
//! The act may be named as people name it: by its short title («закона о статусе педагога»
//! for «О статусе педагога»), by its kind and subject words («Мерекелер туралы заңның»), or by
//! its abbreviation («ст. 4 АППК»), one an act defines («(далее – X)») or one of
//! `data/abbreviations.tsv`. The kind's word («закона», «заңның», «кодекса») is not looked
//! for in the titles, where few acts of that kind write it and many others do («… реализации
//! Закона …»): the acts of that kind are tried first; an abbreviation is looked for by the
//! words it stands for.

use super::collect::TopAdjusted;
use super::{filters, terms};
use crate::index::schema::{DOC_ACT, DOC_UNIT};
use crate::index::Store;
use crate::model::{ActKind, Lang};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;
use tantivy::query::{BooleanQuery, Occur, Query as TQuery, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocAddress, Searcher, Term};

/// `статья 7`, `статьи 7-1`, `ст. 7` (Russian, the number after the word).
static RUSSIAN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:^|[^\p{L}])(?:стать[яиеюёй]й?|статьей|ст\.?)\s*(\d+(?:-\d+)*)(?:[^\p{L}\d-]|$)",
    )
    .expect("valid regex")
});

/// `7-бап`, `139-бабы`, `14-1-бабының` (Kazakh, the number before the word).
static KAZAKH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:^|[^\p{L}\d-])(\d+(?:-\d+)*)\s*-?\s*(?:бап|баб)\p{L}*")
        .expect("valid regex")
});

/// An article asked for: its number as the act prints it and the query's other words, which
/// name the act.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleAsked {
    /// `7`, `14-1`.
    pub number: String,
    /// The words around the article's, which name the act (`закона о миграции`).
    pub act_words: String,
    /// The language the article's word is written in.
    pub lang: Lang,
}

impl ArticleAsked {
    /// The eid of the article (`art_7`).
    fn eid(&self) -> String {
        format!("art_{}", self.number)
    }
}

/// The article `text` asks for, if it asks for one.
pub fn asked(text: &str) -> Option<ArticleAsked> {
    let (russian, kazakh) = may_ask(text);
    let (found, lang) = match russian
        .then(|| find(text, &RUSSIAN, |c| !letter(c), russian_at))
        .flatten()
    {
        Some(f) => (f, Lang::Ru),
        None => (
            kazakh
                .then(|| {
                    find(
                        text,
                        &KAZAKH,
                        |c| !letter(c) && !digit(c) && c != '-',
                        kazakh_at,
                    )
                })
                .flatten()?,
            Lang::Kk,
        ),
    };
    let number = text[found.number].to_string();
    let act_words = format!(
        "{} {}",
        &text[..found.whole.start],
        &text[found.whole.end..]
    )
    .split_whitespace()
    .collect::<Vec<_>>()
    .join(" ");
    Some(ArticleAsked {
        number,
        act_words,
        lang,
    })
}

/// `12-baby`, `12bap`, `11-babynyn` typed in Latin letters: an article's number and the
/// Kazakh word for it.
static LATIN_KAZAKH: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d+(?:-\d+)*)-?(ba[pb][a-z]*)$").expect("valid regex"));

/// The article `text` asks for when it is typed in Latin letters («statya 17 zakona o
/// pchelovodstve», «bal ara sharuashylygy turaly zannyn 11 baby»): the words for an article
/// (`statya`, `stati`, `st.` before a number; `bap`, `baby`, `babynyn` after one) read as
/// «статья» and «бабы», every other word as the search read it (`read`: each Latin word as
/// typed with the Cyrillic word searched in its place), then [`asked`]. `None` for a text
/// without Latin letters.
pub fn asked_latin(text: &str, read: &[(String, String)]) -> Option<ArticleAsked> {
    if !text.chars().any(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let words: Vec<String> = text
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-' && c != '.')
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect();
    let number =
        |w: Option<&String>| w.is_some_and(|w| w.starts_with(|c: char| c.is_ascii_digit()));
    let russian_word = |w: &str| {
        let w = w.trim_end_matches('.');
        w == "st" || (w.starts_with("stat") && w.len() <= 8 && !w.starts_with("status"))
    };
    let kazakh_word = |w: &str| w.starts_with("bap") || w.starts_with("bab");
    let mut out: Vec<String> = Vec::with_capacity(words.len());
    for (i, w) in words.iter().enumerate() {
        let word = if let Some(c) = LATIN_KAZAKH.captures(w) {
            format!("{}-бабы", &c[1])
        } else if kazakh_word(w) && i > 0 && number(words.get(i - 1)) {
            "бабы".to_string()
        } else if russian_word(w) && number(words.get(i + 1)) {
            "статья".to_string()
        } else {
            read.iter()
                .find(|(typed, _)| typed.to_lowercase() == *w)
                .map_or_else(|| w.clone(), |(_, r)| r.clone())
        };
        out.push(word);
    }
    asked(&out.join(" "))
}

/// Where a match of [`RUSSIAN`] or [`KAZAKH`] lies in a text, in bytes.
#[derive(Debug, PartialEq, Eq)]
struct Found {
    /// The whole match.
    whole: Range<usize>,
    /// Its number (the first group).
    number: Range<usize>,
}

/// The first match of `pattern` in `text`, read by hand (`boundary`, the character the
/// pattern opens with when not at the start; `at`, its reading after it) when every
/// character of `text` is [`plain`]: compiling the pattern (its letter classes,
/// case-insensitive) costs a one-shot lookup a quarter of its instructions. The pattern,
/// compiled then, reads any other text.
fn find(
    text: &str,
    pattern: &LazyLock<Regex>,
    boundary: fn(char) -> bool,
    at: fn(&[char], usize) -> Option<[usize; 3]>,
) -> Option<Found> {
    if !text.chars().all(plain) {
        let c = pattern.captures(text)?;
        let (whole, number) = (c.get(0)?, c.get(1)?);
        return Some(Found {
            whole: whole.range(),
            number: number.range(),
        });
    }
    let offsets: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
    let chars: Vec<char> = text.chars().collect();
    let byte = |i: usize| offsets.get(i).copied().unwrap_or(text.len());
    // Leftmost first, as the patterns: at each character, `^` (the first only), then the
    // character as the opening boundary the whole match holds.
    for i in 0..=chars.len() {
        if i == 0 {
            if let Some([from, to, end]) = at(&chars, 0) {
                return Some(Found {
                    whole: 0..byte(end),
                    number: byte(from)..byte(to),
                });
            }
        }
        if chars.get(i).is_some_and(|&c| boundary(c)) {
            if let Some([from, to, end]) = at(&chars, i + 1) {
                return Some(Found {
                    whole: byte(i)..byte(end),
                    number: byte(from)..byte(to),
                });
            }
        }
    }
    None
}

/// Whether the hand readers tell `c` as the patterns do: the ranges where a test finds the
/// standard library's letters, digits, white space and lowercase the same as the patterns'
/// classes (case-insensitive) character by character. Elsewhere the two sets of Unicode
/// tables may be of different versions, and the combining marks (U+0300–U+036F) are left
/// out: some are alphabetic, none a letter.
fn plain(c: char) -> bool {
    matches!(c, '\0'..='\u{2FF}' | '\u{370}'..='\u{52F}' | '\u{2000}'..='\u{214F}')
}

/// `\p{L}` of the patterns, for a [`plain`] character.
fn letter(c: char) -> bool {
    c.is_alphabetic()
}

/// `\d` of the patterns, for a [`plain`] character.
fn digit(c: char) -> bool {
    c.is_ascii_digit()
}

/// Whether [`plain`] `c` is the lowercase letter `lower` in any case, as `(?i)` reads it.
fn is(c: char, lower: char) -> bool {
    c.to_lowercase().eq([lower])
}

/// The letters `word` from `chars[i]` on, in any case: where they end.
fn word_at(chars: &[char], i: usize, word: &str) -> Option<usize> {
    let mut j = i;
    for lower in word.chars() {
        if !chars.get(j).is_some_and(|&c| is(c, lower)) {
            return None;
        }
        j += 1;
    }
    Some(j)
}

/// White space from `chars[i]` on: where it ends.
fn spaces(chars: &[char], mut i: usize) -> usize {
    while chars.get(i).is_some_and(|c| c.is_whitespace()) {
        i += 1;
    }
    i
}

/// `\d+(?:-\d+)*` from `chars[i]`, greedy: where it ends. Giving a digit or a `-\d+` back
/// never lets either pattern match (a digit, or a hyphen and a digit, would follow where
/// neither pattern takes one), so the greedy reading is the only one.
fn number_at(chars: &[char], i: usize) -> Option<usize> {
    let digits = |mut j: usize| {
        while chars.get(j).is_some_and(|&c| digit(c)) {
            j += 1;
        }
        j
    };
    let mut j = digits(i);
    if j == i {
        return None;
    }
    while chars.get(j) == Some(&'-') && chars.get(j + 1).is_some_and(|&c| digit(c)) {
        j = digits(j + 1);
    }
    Some(j)
}

/// [`RUSSIAN`] after its opening boundary, from `chars[i]`: the number's start and end and the
/// match's end, as character indices. The word's readings are tried in the pattern's order.
fn russian_at(chars: &[char], i: usize) -> Option<[usize; 3]> {
    let mut words: Vec<usize> = Vec::new();
    if let Some(j) = word_at(chars, i, "стать") {
        if chars
            .get(j)
            .is_some_and(|&c| "яиеюёй".chars().any(|l| is(c, l)))
        {
            words.extend(word_at(chars, j + 1, "й"));
            words.push(j + 1);
        }
    }
    words.extend(word_at(chars, i, "статьей"));
    if let Some(j) = word_at(chars, i, "ст") {
        if chars.get(j) == Some(&'.') {
            words.push(j + 1);
        }
        words.push(j);
    }
    words.into_iter().find_map(|j| {
        let from = spaces(chars, j);
        let to = number_at(chars, from)?;
        match chars.get(to) {
            None => Some([from, to, to]),
            Some(&c) if !letter(c) && !digit(c) && c != '-' => Some([from, to, to + 1]),
            Some(_) => None,
        }
    })
}

/// [`KAZAKH`] after its opening boundary, from `chars[i]`: the number's start and end and the
/// match's end, as character indices.
fn kazakh_at(chars: &[char], i: usize) -> Option<[usize; 3]> {
    let to = number_at(chars, i)?;
    let mut j = spaces(chars, to);
    if chars.get(j) == Some(&'-') {
        j = spaces(chars, j + 1);
    }
    let mut end = word_at(chars, j, "бап").or_else(|| word_at(chars, j, "баб"))?;
    while chars.get(end).is_some_and(|&c| letter(c)) {
        end += 1;
    }
    Some([i, to, end])
}

/// Whether [`RUSSIAN`] and [`KAZAKH`] may match `text`, told without them: compiling each
/// (its letter classes, case-insensitive) costs more than the rest of a one-shot search of a
/// few words, and most queries ask for no article. Both need a digit, the Russian one «ст»
/// and the Kazakh one «бап» or «баб», in any case: the letters that match these
/// case-insensitively are those whose capitals are «СТ», «БАП», «БАБ».
fn may_ask(text: &str) -> (bool, bool) {
    if !text.chars().any(char::is_numeric) {
        return (false, false);
    }
    let upper: Vec<char> = text.chars().flat_map(char::to_uppercase).collect();
    let has = |word: &[char]| upper.windows(word.len()).any(|w| w == word);
    (
        has(&['С', 'Т']),
        has(&['Б', 'А', 'П']) || has(&['Б', 'А', 'Б']),
    )
}

/// Acts considered for the article: the best few by their title's match of the act words.
const ACTS_CONSIDERED: usize = 5;

/// The kinds of act a word of an act's name says, in either language, by the one list of kind
/// words: «закона», «заңның», «кодекса», «кодексінің», «постановления», «қаулысының»; a law or
/// an order also its constitutional or joint form. None for any other word.
pub(crate) fn kinds_named(word: &str) -> &'static [ActKind] {
    use crate::model::citation::codes::kind_named;
    let kind = kind_named(crate::Lang::Ru, word).or_else(|| kind_named(crate::Lang::Kk, word));
    match kind {
        Some(ActKind::Law) => &[ActKind::Law, ActKind::ConstitutionalLaw],
        Some(ActKind::Order) => &[ActKind::Order, ActKind::JointOrder],
        Some(ActKind::ConstitutionalLaw) => &[ActKind::ConstitutionalLaw],
        Some(ActKind::JointOrder) => &[ActKind::JointOrder],
        Some(ActKind::Code) => &[ActKind::Code],
        Some(ActKind::Resolution) => &[ActKind::Resolution],
        Some(ActKind::Decree) => &[ActKind::Decree],
        Some(ActKind::Decision) => &[ActKind::Decision],
        Some(ActKind::Disposition) => &[ActKind::Disposition],
        _ => &[],
    }
}

/// What the act words of an article lookup look for: the kinds of act they name
/// ([`kinds_named`]) and the words to match in the titles, the kind's words left out (all of
/// them when nothing else is left) and each abbreviation beside the words it stands for.
pub(crate) fn act_name(index: &Store, act_words: &str) -> (Vec<ActKind>, String) {
    let words: Vec<&str> = act_words.split_whitespace().collect();
    let mut kinds: Vec<ActKind> = Vec::new();
    let mut rest: Vec<&str> = Vec::new();
    for w in &words {
        let named = kinds_named(w);
        if named.is_empty() {
            rest.push(w);
        }
        for k in named {
            if !kinds.contains(k) {
                kinds.push(*k);
            }
        }
    }
    if rest.is_empty() {
        rest = words;
    }
    let mut title: Vec<String> = rest.iter().map(|w| w.to_string()).collect();
    for w in &rest {
        let bare = w.trim_matches(|c: char| !c.is_alphanumeric());
        // An abbreviation is written in capitals (or typed in lowercase, as the list has it).
        let listed = super::thesaurus::spelled_out_listed(bare);
        let defined = if bare.chars().count() >= 2 && bare.chars().all(char::is_uppercase) {
            crate::index::abbreviations::spelled_out_in_corpus(index, bare)
        } else {
            Vec::new()
        };
        title.extend(listed.into_iter().chain(defined));
    }
    (kinds, title.join(" "))
}

/// The article an article lookup found: its documents, best first, and when the act words
/// name several acts alike, the ids of those acts, the most recent first.
#[derive(Debug, Default)]
pub(crate) struct ArticleFound {
    /// The documents of the article, best first.
    pub docs: Vec<DocAddress>,
    /// The acts whose article the documents are, when the act words name more than one act
    /// and nothing in them tells the acts apart; empty otherwise.
    pub several: Vec<String>,
}

/// The ids of the `limit` acts whose titles best match `title_words` in `fields` (each word's
/// terms in each field, any of them), of those `within` matches when given, best first. Equal
/// scores fall by the act's key ([`TopAdjusted::plain`]), so the acts a lookup compares do not
/// depend on how a build cut the index into segments. Empty when no title holds a word.
pub(crate) fn acts_by_title(
    index: &Store,
    searcher: &Searcher,
    title_words: &str,
    fields: &[tantivy::schema::Field],
    within: Option<Box<dyn TQuery>>,
    limit: usize,
) -> crate::Result<Vec<String>> {
    let f = index.fields();
    let title: Vec<(Occur, Box<dyn TQuery>)> = fields
        .iter()
        .flat_map(|&field| {
            terms::analyze_field(index, field, title_words)
                .into_iter()
                .map(move |(_, w)| {
                    let q: Box<dyn TQuery> = Box::new(TermQuery::new(
                        Term::from_field_text(field, &w),
                        IndexRecordOption::WithFreqs,
                    ));
                    (Occur::Should, q)
                })
        })
        .collect();
    if title.is_empty() {
        return Ok(Vec::new());
    }
    let mut clauses: Vec<(Occur, Box<dyn TQuery>)> = vec![
        (Occur::Must, filters::raw_term(f.doc_type, DOC_ACT)),
        (Occur::Must, Box::new(BooleanQuery::new(title))),
    ];
    clauses.extend(within.map(|q| (Occur::Must, q)));
    let acts = BooleanQuery::new(clauses);
    // Each act has a document per language: twice as many documents give `limit` acts.
    let mut ids: Vec<String> = Vec::new();
    for (_, act) in searcher.search(&acts, &TopAdjusted::plain(limit * 2))?.0 {
        let id = crate::index::stored::fetch(index, searcher, act)?
            .str(f.act_id)
            .to_string();
        if !ids.contains(&id) && ids.len() < limit {
            ids.push(id);
        }
    }
    Ok(ids)
}

/// The stems of `text` (a title, or a question's words naming an act) as the acts a question
/// names are compared by title: those of the question's language's analyzer (`lang`), folded
/// (a question typed without Kazakh letters meets the title), of more than two letters, each
/// once, sorted.
pub(crate) fn title_stems(text: &str, lang: Lang) -> Vec<String> {
    let analyzer = match lang {
        Lang::Ru => crate::analysis::RU_STEM,
        _ => crate::analysis::KK_STEM,
    };
    let mut stems: Vec<String> = crate::analysis::analyze(analyzer, &crate::text::lowercase(text))
        .into_iter()
        .map(|t| crate::analysis::fold::fold(&t.text))
        .filter(|t| t.chars().count() > 2)
        .collect();
    stems.sort_unstable();
    stems.dedup();
    stems
}

/// Words nearly every title has, in either language («Об утверждении …», «О внесении
/// изменений и дополнений …», «… Республики Казахстан», «… бекіту туралы»): they tell no act
/// from another when a question's words are compared with titles ([`title_stems`]).
pub(crate) const TITLE_WORDS_OF_ANY_ACT: &str = "туралы заң бекіту утверждении об о внесении \
    изменений дополнений өзгерістер толықтырулар енгізу республики республикасы \
    республикасының казахстан қазақстан";

/// Whether an act's title says it amends other acts («О внесении изменений …», «… өзгерістер
/// енгізу туралы»): such a title holds the names of the acts it amends, and an article asked
/// for in the act named so is the named act's, not the amending act's.
pub(crate) fn amends_others(title: &str) -> bool {
    let t = title.to_lowercase();
    [
        "внесении изменени",
        "внесении дополнени",
        "өзгерістер",
        "өзгерiстер",
        "толықтырулар енгізу",
    ]
    .iter()
    .any(|w| t.contains(w))
}

/// An act that has the article asked for, with what its title shares with the act words.
struct Candidate {
    id: String,
    /// Its documents of the article, the query's language first.
    docs: Vec<DocAddress>,
    /// How many of the act words' stems its title has (in either language).
    shared: usize,
    amends: bool,
    date: Option<chrono::NaiveDate>,
}

/// The documents of the article `asked`, best first, within `filters` (validity, act, kind,
/// status, language): in the act whose title shares the most of its act words, the article in
/// the query's language before its twin; in every act that has it when there are no act
/// words. When several acts' titles share as many of the words and none is an act amending
/// others, the article of each (the most recent act first, every one in the query's language
/// before the twins), and those acts' ids.
pub(crate) fn article_units(
    index: &Store,
    searcher: &Searcher,
    asked: &ArticleAsked,
    filters: &[(Occur, Box<dyn TQuery>)],
    limit: usize,
) -> crate::Result<ArticleFound> {
    let f = index.fields();
    let (kinds, title_words) = act_name(index, &asked.act_words);
    let unit_query = |act: Option<&str>, kinds: &[ActKind]| {
        let mut clauses: Vec<(Occur, Box<dyn TQuery>)> = vec![
            (Occur::Must, filters::raw_term(f.doc_type, DOC_UNIT)),
            (Occur::Must, filters::raw_term(f.eid, &asked.eid())),
        ];
        if let Some(id) = act {
            clauses.push((Occur::Must, filters::raw_term(f.act_id, id)));
        }
        if !kinds.is_empty() {
            let any: Vec<(Occur, Box<dyn TQuery>)> = kinds
                .iter()
                .map(|k| (Occur::Should, filters::raw_term(f.act_kind, k.as_str())))
                .collect();
            clauses.push((Occur::Must, Box::new(BooleanQuery::new(any))));
        }
        clauses.extend(filters.iter().map(|(o, q)| (*o, q.box_clone())));
        BooleanQuery::new(clauses)
    };
    // The query's language first: its expression of the article, then the other's.
    let in_lang_first = |mut docs: Vec<DocAddress>| -> crate::Result<Vec<DocAddress>> {
        let mut keyed = Vec::with_capacity(docs.len());
        for d in docs.drain(..) {
            let doc = crate::index::stored::fetch(index, searcher, d)?;
            keyed.push((doc.str(f.lang) != asked.lang.as_str(), d));
        }
        keyed.sort_by_key(|(other, _)| *other);
        Ok(keyed.into_iter().map(|(_, d)| d).collect())
    };
    let found = |q: &BooleanQuery, n: usize| -> crate::Result<Vec<DocAddress>> {
        Ok(searcher
            .search(q, &TopAdjusted::plain(n))?
            .0
            .into_iter()
            .map(|(_, d)| d)
            .collect())
    };
    let words = terms::analyze_field(index, f.title_stem, &title_words);
    if words.is_empty() {
        // The query's language first, then the other's, each cut by itself: ordering a cut
        // list by language would bring a unit up the page only when a longer page reached it,
        // and the first hits of a search must not depend on how many are asked for.
        let in_lang = |occur: Occur, n: usize| {
            let q = BooleanQuery::new(vec![
                (
                    Occur::Must,
                    Box::new(unit_query(None, &[])) as Box<dyn TQuery>,
                ),
                (occur, filters::lang_filter(f, asked.lang)),
            ]);
            found(&q, n)
        };
        let mut out = in_lang(Occur::Must, limit)?;
        if out.len() < limit {
            let rest = limit - out.len();
            // A MustNot alone matches nothing: the unit query is the Must beside it.
            out.extend(in_lang(Occur::MustNot, rest)?);
        }
        return Ok(ArticleFound {
            docs: out,
            several: Vec::new(),
        });
    }
    let ids = acts_by_title(
        index,
        searcher,
        &title_words,
        &[f.title_stem],
        None,
        ACTS_CONSIDERED,
    )?;
    // The best-titled act of the kind named that has the article is the one asked for; of
    // any kind when none of that kind has it.
    // An act named by its kind alone («конституционного закона»): the acts of that kind.
    if ids.is_empty() && !kinds.is_empty() {
        return Ok(ArticleFound {
            docs: in_lang_first(found(&unit_query(None, &kinds), limit)?)?,
            several: Vec::new(),
        });
    }
    // The words compared in the query's language's stems: the title field's Kazakh stems leave
    // Russian inflections apart («к двадцатипятилетию» and «с двадцатипятилетием»).
    let stems = |text: &str| -> Vec<String> {
        let analyzer = match asked.lang {
            Lang::Ru => crate::analysis::RU_STEM,
            _ => crate::analysis::KK_STEM,
        };
        let mut t: Vec<String> = crate::analysis::analyze(analyzer, &crate::text::lowercase(text))
            .into_iter()
            .map(|t| t.text)
            .collect();
        t.sort_unstable();
        t.dedup();
        t
    };
    let terms = stems(&title_words);
    let mut passes: Vec<&[ActKind]> = vec![&[]];
    if !kinds.is_empty() {
        passes.insert(0, kinds.as_slice());
    }
    for kinds in passes {
        let mut candidates: Vec<Candidate> = Vec::new();
        for id in &ids {
            let docs = in_lang_first(found(&unit_query(Some(id), kinds), 2)?)?;
            if docs.is_empty() {
                continue;
            }
            let (mut shared, mut amends, mut date) = (0, false, None);
            for d in &docs {
                let doc = crate::index::stored::fetch(index, searcher, *d)?;
                let title = doc.str(f.act_title);
                let own = stems(title);
                shared = shared.max(terms.iter().filter(|t| own.contains(t)).count());
                amends |= amends_others(title);
                date = date.or(doc
                    .date(f.act_date)
                    .and_then(crate::index::schema::from_tantivy_date));
            }
            candidates.push(Candidate {
                id: id.clone(),
                docs,
                shared,
                amends,
                date,
            });
        }
        let Some(most) = candidates.iter().map(|c| c.shared).max() else {
            continue;
        };
        // The acts that share the most of the words; an act amending others only when no
        // other does (its title names the acts it amends).
        candidates.retain(|c| c.shared == most);
        if candidates.iter().any(|c| !c.amends) {
            candidates.retain(|c| !c.amends);
        }
        if candidates.len() == 1 {
            let docs = candidates.pop().map(|c| c.docs).unwrap_or_default();
            return Ok(ArticleFound {
                docs,
                several: Vec::new(),
            });
        }
        // Nothing in the words tells these acts apart: the article of each, the most recent
        // act first (the titles' order where the dates are alike), each in the query's
        // language before any twin.
        candidates.sort_by_key(|c| std::cmp::Reverse(c.date));
        let mut docs: Vec<DocAddress> = candidates
            .iter()
            .filter_map(|c| c.docs.first().copied())
            .collect();
        docs.extend(
            candidates
                .iter()
                .flat_map(|c| c.docs.iter().skip(1).copied()),
        );
        docs.truncate(limit.max(candidates.len()));
        return Ok(ArticleFound {
            docs,
            several: candidates.into_iter().map(|c| c.id).collect(),
        });
    }
    Ok(ArticleFound::default())
}

/// The examples of this module's items, run as unit tests (the items are not public).
#[cfg(test)]
mod doc_examples {
    #[test]
    fn asked_latin() {
        use crate::search::article::asked_latin;
        let read = [("zakona".to_string(), "закона".to_string())];
        let a = asked_latin("statya 17 zakona", &read).unwrap();
        assert_eq!((a.number.as_str(), a.act_words.as_str()), ("17", "закона"));
        let a = asked_latin("turaly zannyn 12-baby", &[]).unwrap();
        assert_eq!(
            (a.number.as_str(), a.act_words.as_str(), a.lang),
            ("12", "turaly zannyn", crate::model::Lang::Kk)
        );
        // «12 baby» asks for the article in any act; «status 12» asks for none, and Cyrillic
        // is [`asked`]'s.
        assert!(asked_latin("12 baby", &[]).is_some());
        assert!(asked_latin("status 12", &[]).is_none());
        assert!(asked_latin("статья 12", &[]).is_none());
    }

    #[test]
    fn asked() {
        use crate::search::article::asked;
        let a = asked("статья 7 закона о миграции").unwrap();
        assert_eq!(
            (a.number.as_str(), a.act_words.as_str()),
            ("7", "закона о миграции")
        );
        let a = asked("Еңбек кодексінің 139-бабы").unwrap();
        assert_eq!(
            (a.number.as_str(), a.act_words.as_str()),
            ("139", "Еңбек кодексінің")
        );
        assert_eq!(asked("14-1-бап").unwrap().number, "14-1");
        assert!(asked("тұрақты тұру").is_none());
    }

    /// The look before the patterns lets through every text they match: the letters the
    /// patterns match case-insensitively are those whose capitals it looks for (every
    /// character tried), and a digit is any the patterns' `\d` takes.
    #[test]
    fn the_look_before_the_patterns_misses_none_they_match() {
        use super::{may_ask, KAZAKH, RUSSIAN};
        for (letter, capital) in [('с', 'С'), ('т', 'Т'), ('б', 'Б'), ('а', 'А'), ('п', 'П')]
        {
            let re = regex::Regex::new(&format!("(?i)^{letter}$")).expect("regex");
            for c in (0..=char::MAX as u32).filter_map(char::from_u32) {
                let up: Vec<char> = c.to_uppercase().collect();
                assert_eq!(
                    re.is_match(c.encode_utf8(&mut [0; 4])),
                    up == [capital],
                    "{c:?} against {letter}"
                );
            }
        }
        let digit = regex::Regex::new(r"^\d$").expect("regex");
        for c in (0..=char::MAX as u32).filter_map(char::from_u32) {
            if digit.is_match(c.encode_utf8(&mut [0; 4])) {
                assert!(c.is_numeric(), "{c:?}");
            }
        }
        for text in [
            "статья 7 закона о миграции",
            "СТ. 7",
            "Ст.12 АППК",
            "Еңбек кодексінің 139-бабы",
            "14-1-БАП",
            "7 бап",
        ] {
            let (russian, kazakh) = may_ask(text);
            assert!(russian || !RUSSIAN.is_match(text), "{text}");
            assert!(kazakh || !KAZAKH.is_match(text), "{text}");
            assert!(russian || kazakh, "{text}");
        }
        assert_eq!(may_ask("как продлить визу иностранцу"), (false, false));
        assert_eq!(may_ask("статья о визах"), (false, false));
        assert_eq!(may_ask("11-1-4/1 бұйрық"), (false, false));
    }

    /// The hand readers' classes are the patterns' on every [`super::plain`] character.
    #[test]
    fn the_hand_readers_tell_plain_characters_as_the_patterns_do() {
        use super::{digit, is, letter, plain};
        let re = |p: &str| regex::Regex::new(&format!("(?i)^(?:{p})$")).expect("regex");
        let (letters, others, ends, digits, spaces) = (
            re(r"\p{L}"),
            re(r"[^\p{L}]"),
            re(r"[^\p{L}\d-]"),
            re(r"\d"),
            re(r"\s"),
        );
        let mut lowers: Vec<(char, regex::Regex)> = "статьяиеюёйбп"
            .chars()
            .map(|l| (l, re(&l.to_string())))
            .collect();
        lowers.push(('.', re(r"\.")));
        lowers.push(('-', re("-")));
        let mut n = 0;
        for c in (0..=char::MAX as u32)
            .filter_map(char::from_u32)
            .filter(|&c| plain(c))
        {
            let s = c.to_string();
            assert_eq!(letters.is_match(&s), letter(c), "{c:?}");
            assert_eq!(others.is_match(&s), !letter(c), "{c:?}");
            let end = !letter(c) && !digit(c) && c != '-';
            assert_eq!(ends.is_match(&s), end, "{c:?}");
            assert_eq!(digits.is_match(&s), digit(c), "{c:?}");
            assert_eq!(spaces.is_match(&s), c.is_whitespace(), "{c:?}");
            for (l, r) in &lowers {
                assert_eq!(r.is_match(&s), is(c, *l), "{c:?} against {l}");
            }
            n += 1;
        }
        assert!(n > 1500, "{n}");
    }

    /// The hand readers find what the patterns find, the same whole match and number, on
    /// every text of up to four pieces from pieces that meet at the patterns' edges, and on
    /// lookups as people type them.
    #[test]
    fn the_hand_readers_find_what_the_patterns_find() {
        use super::{digit, find, kazakh_at, letter, russian_at, Found, KAZAKH, RUSSIAN};
        let by_pattern = |re: &regex::Regex, text: &str| {
            re.captures(text).map(|c| Found {
                whole: c.get(0).expect("whole").range(),
                number: c.get(1).expect("number").range(),
            })
        };
        let check = |text: &str| {
            assert_eq!(
                find(text, &RUSSIAN, |c| !letter(c), russian_at),
                by_pattern(&RUSSIAN, text),
                "{text:?}"
            );
            assert_eq!(
                find(
                    text,
                    &KAZAKH,
                    |c| !letter(c) && !digit(c) && c != '-',
                    kazakh_at
                ),
                by_pattern(&KAZAKH, text),
                "{text:?}"
            );
        };
        let pieces = [
            "ст",
            "Статья",
            "статьей",
            "СТАТЬИЙ",
            "ст.",
            ".",
            " ",
            "\u{a0}",
            "7",
            "14",
            "-",
            "-1",
            "бап",
            "БАБы",
            "а",
            "z",
            "«",
            ",",
            "\t",
        ];
        let mut texts = vec![String::new()];
        for _ in 0..4 {
            let longer: Vec<String> = texts
                .iter()
                .flat_map(|t| pieces.iter().map(move |p| format!("{t}{p}")))
                .collect();
            texts.extend(longer);
            texts.dedup();
        }
        for text in &texts {
            check(text);
        }
        for text in [
            "статья 7 закона о миграции",
            "ответственность владельцев собак по статье 408",
            "статья 14 закона о ветеранах",
            "Ардагерлер туралы заңның 11-бабы",
            "Еңбек кодексінің 139-бабы",
            "ст.12 АППК",
            "ст 7-1-2, закона",
            "14-1-бабының 2-тармағы",
            "7 - бап",
            "статья 3 приказа о визах",
            "статьи 7а",
            "статья7",
            "x7-бап",
            "-7бап",
            // Letters that fold to «ст» outside the plain ranges: the pattern reads the text.
            "ᲃᲄ. 9 закона",
        ] {
            check(text);
        }
        // Every query of the benchmark (each engine's spelling) and of the sets tuned on.
        let root = env!("CARGO_MANIFEST_DIR");
        let read = |path: &str| std::fs::read_to_string(format!("{root}/{path}")).expect(path);
        let mut queries: Vec<String> = read("benches/queries.txt")
            .lines()
            .flat_map(|l| l.split('\t'))
            .map(String::from)
            .collect();
        for set in ["people", "questions", "mirror_queries", "blind5"] {
            let tsv = read(&format!("evals/{set}.tsv"));
            queries.extend(
                tsv.lines()
                    .skip(1)
                    .filter_map(|l| l.split('\t').nth(2))
                    .map(String::from),
            );
        }
        assert!(queries.len() > 400, "{}", queries.len());
        for q in &queries {
            check(q);
        }
    }
}
