//! The per-thread cache of what the stem filter knows of each word, laid out for lookups that
//! wait on memory: a word's text, stem and folded stem lie back to back in one string, and its
//! slot (hash, where the texts start, their lengths, flags) is 24 bytes in the table itself.
//! A hit reads the table's control bytes, the slot and one stretch of the string; with a
//! `HashMap<Box<str>, Entry>` it also read the key's, the stem's and the folded stem's own
//! allocations.

use super::russian::Lang;
use super::Entry;
use hashbrown::HashTable;

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

const STOP: u8 = 1;
const CANONICAL: u8 = 2;
const LANG_SHIFT: u32 = 2;

struct Slot {
    hash: u64,
    ru: Russian,
    /// Where the word starts in [`WordCache::texts`]; its stem and folded stem follow it.
    start: u32,
    word_len: u8,
    stem_len: u8,
    loose_len: u8,
    /// [`STOP`], [`CANONICAL`] and the language above [`LANG_SHIFT`].
    flags: u8,
}

impl Slot {
    fn word<'t>(&self, texts: &'t str) -> &'t str {
        let start = self.start as usize;
        texts
            .get(start..start + usize::from(self.word_len))
            .unwrap_or_default()
    }

    fn entry<'a>(&'a mut self, texts: &'a str) -> EntryRef<'a> {
        let stem_start = self.start as usize + usize::from(self.word_len);
        let loose_start = stem_start + usize::from(self.stem_len);
        let lang = match self.flags >> LANG_SHIFT {
            0 => Lang::Kazakh,
            1 => Lang::Russian,
            _ => Lang::Unmarked,
        };
        EntryRef {
            stop: self.flags & STOP != 0,
            lang,
            canonical: self.flags & CANONICAL != 0,
            stem: texts.get(stem_start..loose_start).unwrap_or_default(),
            loose: texts
                .get(loose_start..loose_start + usize::from(self.loose_len))
                .unwrap_or_default(),
            ru: &mut self.ru,
        }
    }
}

/// Word → [`Entry`], holding at most [`super::STEM_CACHE_MAX`] words (emptied when full).
#[derive(Default)]
pub(super) struct WordCache {
    slots: HashTable<Slot>,
    texts: String,
}

fn hash(word: &str) -> u64 {
    use std::hash::BuildHasher;
    rustc_hash::FxBuildHasher.hash_one(word)
}

impl WordCache {
    /// Runs `f` on the entry of `word`: from this cache, else from `fetch` (and remembered).
    pub fn with<R>(
        &mut self,
        word: &str,
        fetch: impl FnOnce(&str) -> Entry,
        f: impl FnOnce(EntryRef<'_>) -> R,
    ) -> R {
        let h = hash(word);
        let texts = &self.texts;
        if let Some(slot) = self
            .slots
            .find_mut(h, |s| s.hash == h && s.word(texts) == word)
        {
            return f(slot.entry(texts));
        }
        let mut e = fetch(word);
        let fits = |s: &str| u8::try_from(s.len()).ok();
        let (Some(word_len), Some(stem_len), Some(loose_len)) =
            (fits(word), fits(&e.stem), fits(&e.loose))
        else {
            return f(e.view()); // too long to keep: rare enough to recompute
        };
        if self.slots.len() >= super::STEM_CACHE_MAX {
            self.slots.clear();
            self.texts.clear();
        }
        let Ok(start) = u32::try_from(self.texts.len()) else {
            return f(e.view());
        };
        self.texts.push_str(word);
        self.texts.push_str(&e.stem);
        self.texts.push_str(&e.loose);
        let lang = match e.lang {
            Lang::Kazakh => 0,
            Lang::Russian => 1,
            Lang::Unmarked => 2,
        };
        let slot = Slot {
            hash: h,
            ru: e.ru.take(),
            start,
            word_len,
            stem_len,
            loose_len,
            flags: if e.stop { STOP } else { 0 }
                | if e.canonical { CANONICAL } else { 0 }
                | lang << LANG_SHIFT,
        };
        let mut entry = self.slots.insert_unique(h, slot, |s| s.hash);
        f(entry.get_mut().entry(&self.texts))
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
    /// other words; a word too long for a slot is served without being kept.
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
        assert_eq!(fetched, 2);
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
