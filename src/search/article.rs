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

use super::compile;
use crate::index::schema::{DOC_ACT, DOC_UNIT};
use crate::index::Store;
use crate::model::{ActKind, Lang};
use regex::Regex;
use std::sync::LazyLock;
use tantivy::collector::TopDocs;
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
    let (m, lang) = match russian.then(|| RUSSIAN.captures(text)).flatten() {
        Some(c) => (c, Lang::Ru),
        None => (kazakh.then(|| KAZAKH.captures(text)).flatten()?, Lang::Kk),
    };
    let whole = m.get(0)?;
    let number = m.get(1)?.as_str().to_string();
    let act_words = format!("{} {}", &text[..whole.start()], &text[whole.end()..])
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    Some(ArticleAsked {
        number,
        act_words,
        lang,
    })
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
fn kinds_named(word: &str) -> &'static [ActKind] {
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
fn act_name(index: &Store, act_words: &str) -> (Vec<ActKind>, String) {
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

/// The documents of the article `asked`, best first, within `filters` (validity, act, kind,
/// status, language): in the acts whose titles best match its act words, the article in the
/// query's language before its twin; in every act that has it when there are no act words.
pub(crate) fn article_units(
    index: &Store,
    searcher: &Searcher,
    asked: &ArticleAsked,
    filters: &[(Occur, Box<dyn TQuery>)],
    limit: usize,
) -> crate::Result<Vec<DocAddress>> {
    let f = index.fields();
    let (kinds, title_words) = act_name(index, &asked.act_words);
    let unit_query = |act: Option<&str>, kinds: &[ActKind]| {
        let mut clauses: Vec<(Occur, Box<dyn TQuery>)> = vec![
            (Occur::Must, compile::raw_term(f.doc_type, DOC_UNIT)),
            (Occur::Must, compile::raw_term(f.eid, &asked.eid())),
        ];
        if let Some(id) = act {
            clauses.push((Occur::Must, compile::raw_term(f.act_id, id)));
        }
        if !kinds.is_empty() {
            let any: Vec<(Occur, Box<dyn TQuery>)> = kinds
                .iter()
                .map(|k| (Occur::Should, compile::raw_term(f.act_kind, k.as_str())))
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
            .search(q, &TopDocs::with_limit(n))?
            .into_iter()
            .map(|(_, d)| d)
            .collect())
    };
    let words = compile::analyze_field(index, f.title_stem, &title_words);
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
                (occur, compile::lang_filter(f, asked.lang)),
            ]);
            found(&q, n)
        };
        let mut out = in_lang(Occur::Must, limit)?;
        if out.len() < limit {
            let rest = limit - out.len();
            // A MustNot alone matches nothing: the unit query is the Must beside it.
            out.extend(in_lang(Occur::MustNot, rest)?);
        }
        return Ok(out);
    }
    let title: Vec<(Occur, Box<dyn TQuery>)> = words
        .iter()
        .map(|(_, w)| {
            let q: Box<dyn TQuery> = Box::new(TermQuery::new(
                Term::from_field_text(f.title_stem, w),
                IndexRecordOption::WithFreqs,
            ));
            (Occur::Should, q)
        })
        .collect();
    let acts = BooleanQuery::new(vec![
        (Occur::Must, compile::raw_term(f.doc_type, DOC_ACT)),
        (Occur::Must, Box::new(BooleanQuery::new(title))),
    ]);
    let mut ids: Vec<String> = Vec::new();
    for (_, act) in searcher.search(&acts, &TopDocs::with_limit(ACTS_CONSIDERED * 2))? {
        let id = crate::index::stored::fetch(index, searcher, act)?
            .str(f.act_id)
            .to_string();
        if !ids.contains(&id) && ids.len() < ACTS_CONSIDERED {
            ids.push(id);
        }
    }
    // The best-titled act of the kind named that has the article is the one asked for; of
    // any kind when none of that kind has it.
    // An act named by its kind alone («конституционного закона»): the acts of that kind.
    if ids.is_empty() && !kinds.is_empty() {
        return in_lang_first(found(&unit_query(None, &kinds), limit)?);
    }
    let mut passes: Vec<&[ActKind]> = vec![&[]];
    if !kinds.is_empty() {
        passes.insert(0, kinds.as_slice());
    }
    for kinds in passes {
        for id in &ids {
            let out = in_lang_first(found(&unit_query(Some(id), kinds), 2)?)?;
            if !out.is_empty() {
                return Ok(out);
            }
        }
    }
    Ok(Vec::new())
}

/// The examples of this module's items, run as unit tests (the items are not public).
#[cfg(test)]
mod doc_examples {
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
}
