//! The per-thread cache of what the stem filter knows of each word.

use super::russian::Lang;
use super::Entry;
use rustc_hash::FxHashMap;

/// A Russian stem and its fold, computed on first need.
pub(super) type Russian = Option<Box<(Box<str>, Box<str>)>>;

/// An entry, borrowed from the cache or from an [`Entry`] of its own.
pub(super) struct EntryRef<'a> {
    pub stop: bool,
    pub lang: Lang,
    pub canonical: bool,
    pub stem: &'a str,
    pub loose: &'a str,
    pub ru: &'a mut Russian,
}

impl EntryRef<'_> {
    /// The Kazakh result for the field: folded stem (`loose`) or stem.
    pub fn kazakh(&self, loose: bool) -> &str {
        if loose {
            self.loose
        } else {
            self.stem
        }
    }
}

impl Entry {
    pub(super) fn view(&mut self) -> EntryRef<'_> {
        EntryRef {
            stop: self.stop,
            lang: self.lang,
            canonical: self.canonical,
            stem: &self.stem,
            loose: &self.loose,
            ru: &mut self.ru,
        }
    }
}

/// Word → [`Entry`], holding at most [`super::STEM_CACHE_MAX`] words (emptied when full).
#[derive(Default)]
pub(super) struct WordCache {
    entries: FxHashMap<Box<str>, Entry>,
}

impl WordCache {
    /// Runs `f` on the entry of `word`: from this cache, else from `fetch` (and remembered).
    pub fn with<R>(
        &mut self,
        word: &str,
        fetch: impl FnOnce(&str) -> Entry,
        f: impl FnOnce(EntryRef<'_>) -> R,
    ) -> R {
        if let Some(e) = self.entries.get_mut(word) {
            return f(e.view());
        }
        if self.entries.len() >= super::STEM_CACHE_MAX {
            self.entries.clear();
        }
        let e = self
            .entries
            .entry(word.into())
            .or_insert_with(|| fetch(word));
        f(e.view())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(stem: &str, loose: &str, lang: Lang, stop: bool, canonical: bool) -> Entry {
        Entry {
            stop,
            lang,
            stem: stem.into(),
            loose: loose.into(),
            canonical,
            ru: None,
        }
    }

    fn read(c: &mut WordCache, word: &str) -> (String, String, Lang, bool, bool) {
        c.with(
            word,
            |_| panic!("{word} should be cached"),
            |e| (e.stem.into(), e.loose.into(), e.lang, e.stop, e.canonical),
        )
    }

    /// Every field of an entry comes back as it went in, for each language and flag, beside
    /// other words; a long word is kept like any other.
    #[test]
    fn entries_come_back_as_they_went_in() {
        let mut c = WordCache::default();
        let words = [
            ("тұруға", entry("тұру", "туру", Lang::Kazakh, false, true)),
            ("және", entry("", "", Lang::Unmarked, true, false)),
            (
                "закона",
                entry("закон", "закон", Lang::Russian, false, false),
            ),
            ("visa", entry("visa", "visa", Lang::Kazakh, false, false)),
        ];
        for (w, e) in &words {
            let got = c.with(w, |_| e.clone(), |r| r.stem.to_string());
            assert_eq!(got, &*e.stem);
        }
        assert_eq!(
            read(&mut c, "тұруға"),
            ("тұру".into(), "туру".into(), Lang::Kazakh, false, true)
        );
        assert_eq!(
            read(&mut c, "және"),
            ("".into(), "".into(), Lang::Unmarked, true, false)
        );
        assert_eq!(
            read(&mut c, "закона"),
            ("закон".into(), "закон".into(), Lang::Russian, false, false)
        );
        assert_eq!(read(&mut c, "visa").2, Lang::Kazakh);

        let long = "ж".repeat(200); // 400 bytes
        let mut fetched = 0;
        for _ in 0..2 {
            c.with(
                &long,
                |_| {
                    fetched += 1;
                    entry(&long, "", Lang::Kazakh, false, false)
                },
                |r| assert_eq!(r.stem, long),
            );
        }
        assert_eq!(fetched, 1);
    }

    /// A Russian stem computed through a cached entry stays with it.
    #[test]
    fn a_russian_stem_is_kept_with_its_word() {
        let mut c = WordCache::default();
        let e = entry("закона", "закона", Lang::Russian, false, false);
        c.with(
            "закона",
            |_| e.clone(),
            |r| {
                *r.ru = Some(Box::new(("закон".into(), "закон".into())));
            },
        );
        let ru = c.with("закона", |_| unreachable!(), |r| r.ru.clone());
        assert_eq!(ru.map(|b| b.0.to_string()), Some("закон".to_string()));
    }
}
