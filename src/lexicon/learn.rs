//! Counting terms over aligned units and choosing the pairs: every Kazakh and Russian term
//! of a unit pair co-occurs once; a pair is kept when it co-occurs often enough
//! ([`MIN_TOGETHER`]), significantly more than chance ([`super::g2::SIGNIFICANT`]), and wins
//! competitive linking: pairs are taken by G² from the strongest, and a term already linked is
//! not linked again, so a frequent word pairs with its translation and not with each frequent
//! neighbour of it.

use super::g2::{g2, SIGNIFICANT};
use super::terms::content_terms;
use super::together::{damaged, Section, Tally, Together};
use super::{Lexicon, TermPair};
use crate::model::{Act, Lang, Unit};
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

pub use super::together::MIN_TOGETHER;

/// Units with more distinct terms on a side than this are not counted: a long unit (a whole
/// article's table) pairs every word with every other and weighs on no pair with evidence.
const MAX_TERMS: usize = 200;

/// Counts of one language's terms: interned stems, their units and their written forms.
///
/// Stored as its stems, units and forms; the lookup from stem to id is made again on reading.
#[derive(Default, Serialize, Deserialize)]
#[serde(from = "StoredSide")]
struct Side {
    #[serde(skip)]
    ids: FxHashMap<String, u32>,
    stems: Vec<String>,
    units: Vec<u64>,
    /// For each term, how often each written form was seen.
    forms: Vec<FxHashMap<String, u64>>,
}

/// What [`Side`] stores: its fields but the lookup, in order.
#[derive(Deserialize)]
struct StoredSide {
    stems: Vec<String>,
    units: Vec<u64>,
    forms: Vec<FxHashMap<String, u64>>,
}

impl From<StoredSide> for Side {
    fn from(s: StoredSide) -> Self {
        let ids = s
            .stems
            .iter()
            .enumerate()
            .map(|(i, stem)| (stem.clone(), i as u32))
            .collect();
        Side {
            ids,
            stems: s.stems,
            units: s.units,
            forms: s.forms,
        }
    }
}

impl Side {
    /// The distinct term ids of `text`, counting their forms.
    fn unit_terms(&mut self, text: &str, lang: Lang) -> Vec<u32> {
        let mut ids = Vec::new();
        for (stem, word) in content_terms(text, lang) {
            let id = match self.ids.get(&stem) {
                Some(&id) => id,
                None => self.intern(stem),
            };
            *self.forms[id as usize].entry(word).or_default() += 1;
            ids.push(id);
        }
        ids.sort_unstable();
        ids.dedup();
        ids
    }

    /// The id of a stem not seen before.
    fn intern(&mut self, stem: String) -> u32 {
        let id = self.stems.len() as u32;
        self.ids.insert(stem.clone(), id);
        self.stems.push(stem);
        self.units.push(0);
        self.forms.push(FxHashMap::default());
        id
    }

    /// Adds the counts of `other`'s terms; what each of its ids is here.
    fn add_side(&mut self, other: &Side) -> Vec<u32> {
        let mut ids = Vec::with_capacity(other.stems.len());
        for (i, stem) in other.stems.iter().enumerate() {
            let id = match self.ids.get(stem) {
                Some(&id) => id,
                None => self.intern(stem.clone()),
            };
            self.units[id as usize] += other.units[i];
            for (word, n) in &other.forms[i] {
                *self.forms[id as usize].entry(word.clone()).or_default() += n;
            }
            ids.push(id);
        }
        ids
    }

    /// Takes away the counts of `other`'s terms; what each of its ids is here (`None` for a
    /// term not here that `other` holds no count of). `None` when a count would go below zero
    /// or a term `other` counted is not here: these counts were not those `other` was counted
    /// into. Nothing is rolled back then; the caller counts afresh.
    fn remove_side(&mut self, other: &Side) -> Option<Vec<Option<u32>>> {
        let mut ids = Vec::with_capacity(other.stems.len());
        for (i, stem) in other.stems.iter().enumerate() {
            let Some(&id) = self.ids.get(stem) else {
                if other.units[i] > 0 || !other.forms[i].is_empty() {
                    return None;
                }
                ids.push(None);
                continue;
            };
            let units = &mut self.units[id as usize];
            *units = units.checked_sub(other.units[i])?;
            let forms = &mut self.forms[id as usize];
            for (word, n) in &other.forms[i] {
                let seen = forms.get_mut(word)?;
                *seen = seen.checked_sub(*n)?;
                if *seen == 0 {
                    forms.remove(word);
                }
            }
            ids.push(Some(id));
        }
        Some(ids)
    }

    /// The form of term `id` seen most often (the first in order among equals).
    fn word(&self, id: u32) -> String {
        self.forms[id as usize]
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
            .map(|(w, _)| w.clone())
            .unwrap_or_default()
    }
}

/// The counts [`Learner::remove_counts`] was to take away were not counted into the learner,
/// whose counts are then no longer of any texts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotCounted;

/// Learns a [`Lexicon`] from aligned units, one pair of texts at a time.
///
/// Its counts are sums over the units, so they can be kept (it serializes) and kept up to
/// date: the counts of an act's old texts taken away ([`Learner::remove_counts`]) and those of
/// its new texts added ([`Learner::add_counts`]) give the counts, and so the lexicon, of
/// learning from the new texts afresh.
#[derive(Default, Serialize, Deserialize)]
pub struct Learner {
    kk: Side,
    ru: Side,
    /// (Kazakh id, Russian id) → units they co-occur in.
    together: Together,
    /// Aligned units counted.
    units: u64,
}

impl Learner {
    /// Counts one aligned unit: its Kazakh and its Russian text. A unit with no content term
    /// on a side, or too many, is not counted. (Acts are counted whole, [`Learner::add_act`];
    /// tests count texts of no act.)
    #[cfg(test)]
    pub fn add_texts(&mut self, kk: &str, ru: &str) {
        self.count_texts(kk, ru);
    }

    /// Counts one aligned unit.
    fn count_texts(&mut self, kk: &str, ru: &str) {
        let k = self.kk.unit_terms(kk, Lang::Kk);
        let r = self.ru.unit_terms(ru, Lang::Ru);
        if k.is_empty() || r.is_empty() || k.len() > MAX_TERMS || r.len() > MAX_TERMS {
            return;
        }
        self.units += 1;
        for &a in &k {
            self.kk.units[a as usize] += 1;
        }
        for &b in &r {
            self.ru.units[b as usize] += 1;
        }
        for &a in &k {
            for &b in &r {
                // Adding never goes below zero.
                let _ = self.together.change(a, b, |both| Some(both + 1));
            }
        }
    }

    /// Counts the units of one act's two expressions that share an eid, each unit by its own
    /// text (not its children's). Expressions of different acts, or of one language, add
    /// nothing.
    pub fn add_act(&mut self, kk: &Act, ru: &Act) {
        if kk.id != ru.id || kk.lang != Lang::Kk || ru.lang != Lang::Ru {
            return;
        }
        let mut russian: FxHashMap<&str, &Unit> = FxHashMap::default();
        for act_unit in &ru.units {
            for u in act_unit.walk() {
                russian.insert(u.eid.as_str(), u);
            }
        }
        let own = |u: &Unit| match &u.heading {
            Some(h) => format!("{h}\n{}", u.text),
            None => u.text.clone(),
        };
        for act_unit in &kk.units {
            for u in act_unit.walk() {
                if let Some(twin) = russian.get(u.eid.as_str()) {
                    self.count_texts(&own(u), &own(twin));
                }
            }
        }
    }

    /// Adds the counts of `other`, as if its units had been counted here.
    pub fn add_counts(&mut self, other: &Learner) {
        let kk = self.kk.add_side(&other.kk);
        let ru = self.ru.add_side(&other.ru);
        for (a, b, both) in other.together.iter() {
            // Adding never goes below zero.
            let _ = self
                .together
                .change(kk[a as usize], ru[b as usize], |n| Some(n + both));
        }
        self.units += other.units;
    }

    /// Takes away the counts of `other`, as if its units had never been counted here: what
    /// [`Learner::add_counts`] of the same `other` added. [`NotCounted`] when they were not
    /// counted here (the learner then holds no texts' counts and must be made again).
    pub fn remove_counts(&mut self, other: &Learner) -> Result<(), NotCounted> {
        let kk = self.kk.remove_side(&other.kk).ok_or(NotCounted)?;
        let ru = self.ru.remove_side(&other.ru).ok_or(NotCounted)?;
        for (a, b, both) in other.together.iter() {
            let (Some(a), Some(b)) = (kk[a as usize], ru[b as usize]) else {
                return Err(NotCounted);
            };
            self.together
                .change(a, b, |n| n.checked_sub(both))
                .ok_or(NotCounted)?;
        }
        self.units = self.units.checked_sub(other.units).ok_or(NotCounted)?;
        Ok(())
    }

    /// Writes `head` and the counts to `out` as [`Learner::read_packed`] reads them back:
    /// `head` with both languages' terms (postcard), the pairs packed as they are kept in
    /// memory ([`Together::write_packed`]), and last where each part ends and its crc32.
    pub(crate) fn write_packed<H: Serialize>(
        &self,
        head: &H,
        out: &mut impl std::io::Write,
    ) -> std::io::Result<()> {
        let mut tally = Tally::new(&mut *out);
        postcard::to_io(&(head, &self.kk, &self.ru, self.units), &mut tally)
            .map_err(std::io::Error::other)?;
        let (out, head) = tally.finish(0)?;
        let [seldom, often] = self.together.write_packed(out)?;
        for part in [head, seldom, often] {
            part.write_to(out)?;
        }
        Ok(())
    }

    /// Reads the head and the counts [`Learner::write_packed`] wrote to `file`: the pairs go
    /// straight into the buffers they are kept in, never decoded. An error when the file is
    /// not laid out so, or a part's crc32 does not match.
    pub(crate) fn read_packed<H: serde::de::DeserializeOwned>(
        file: &mut (impl std::io::Read + std::io::Seek),
    ) -> std::io::Result<(H, Learner)> {
        use std::io::SeekFrom;
        let file_len = file.seek(SeekFrom::End(0))?;
        let footer = 3 * Section::LEN as u64;
        let footer_at = file_len
            .checked_sub(footer)
            .ok_or_else(|| damaged("counts shorter than their footer"))?;
        file.seek(SeekFrom::Start(footer_at))?;
        let [head, seldom, often] = [
            Section::read_from(file)?,
            Section::read_from(file)?,
            Section::read_from(file)?,
        ];
        // The parts fill the file: no length read from it asks for more than it holds.
        let parts_len = [head, seldom, often]
            .iter()
            .try_fold(footer, |sum, part| sum.checked_add(part.bytes));
        if parts_len != Some(file_len) {
            return Err(damaged("counts whose parts do not fill their file"));
        }
        file.seek(SeekFrom::Start(0))?;
        let (head, kk, ru, units) =
            postcard::from_bytes::<(H, Side, Side, u64)>(&head.read_bytes(file)?)
                .map_err(|e| damaged(&e.to_string()))?;
        let together = Together::read_packed(file, [seldom, often])?;
        let learner = Learner {
            kk,
            ru,
            together,
            units,
        };
        Ok((head, learner))
    }

    /// The lexicon of the units counted: the significant pairs that win competitive linking,
    /// by G² (strongest first; ties by the Kazakh, then the Russian term).
    pub fn finish(&self) -> Lexicon {
        let n = self.units;
        let mut candidates: Vec<(f64, u32, u32, u64)> = self
            .together
            .at_least(MIN_TOGETHER)
            .filter_map(|(a, b, both)| {
                let (ka, rb) = (self.kk.units[a as usize], self.ru.units[b as usize]);
                // Only a positive association: together more often than chance. Checked
                // first, as it costs a product where G² costs four logarithms.
                let positive = (both as f64) * (n as f64) > (ka as f64) * (rb as f64);
                if !positive {
                    return None;
                }
                let score = g2(both, ka, rb, n);
                (score >= SIGNIFICANT).then_some((score, a, b, both))
            })
            .collect();
        candidates.sort_by(|x, y| {
            y.0.total_cmp(&x.0)
                .then_with(|| self.kk.stems[x.1 as usize].cmp(&self.kk.stems[y.1 as usize]))
                .then_with(|| self.ru.stems[x.2 as usize].cmp(&self.ru.stems[y.2 as usize]))
        });
        let mut kk_linked = vec![false; self.kk.stems.len()];
        let mut ru_linked = vec![false; self.ru.stems.len()];
        let mut pairs = Vec::new();
        for (score, a, b, both) in candidates {
            if kk_linked[a as usize] || ru_linked[b as usize] {
                continue;
            }
            kk_linked[a as usize] = true;
            ru_linked[b as usize] = true;
            pairs.push(TermPair {
                kk: self.kk.stems[a as usize].clone(),
                ru: self.ru.stems[b as usize].clone(),
                kk_word: self.kk.word(a),
                ru_word: self.ru.word(b),
                together: both,
                kk_units: self.kk.units[a as usize],
                ru_units: self.ru.units[b as usize],
                g2: (score * 100.0).round() / 100.0,
            });
        }
        Lexicon::new(pairs, n)
    }
}

#[cfg(test)]
mod tests {
    use super::{Learner, NotCounted};

    /// Units of four kinds, each counted `times` times.
    fn counted(kinds: &[(&str, &str)], times: usize) -> Learner {
        let mut learner = Learner::default();
        for _ in 0..times {
            for (kk, ru) in kinds {
                learner.add_texts(kk, ru);
            }
        }
        learner
    }

    const GOVERNMENT: (&str, &str) = ("Үкімет шешім қабылдайды", "Правительство принимает решение");
    const AKIM: (&str, &str) = ("Әкім өкім шығарады", "Аким издает распоряжение");
    const FORCE: (&str, &str) = ("Шешім күшіне енеді", "Решение вступает в силу");

    #[test]
    fn counts_taken_away_leave_the_counts_of_the_other_units() {
        let mut all = counted(&[GOVERNMENT, AKIM, FORCE], 5);
        let akim = counted(&[AKIM], 5);
        all.remove_counts(&akim).expect("counted");
        let rest = counted(&[GOVERNMENT, FORCE], 5);
        assert_eq!(all.units, 10);
        assert_eq!(all.finish(), rest.finish());
        assert!(all.finish().russian_for("әкім").is_empty());
        // Added back: the lexicon of every unit again.
        all.add_counts(&akim);
        assert_eq!(
            all.finish(),
            counted(&[GOVERNMENT, AKIM, FORCE], 5).finish()
        );
        assert!(!all.finish().russian_for("әкім").is_empty());
    }

    #[test]
    fn counts_never_counted_are_not_taken_away() {
        let mut some = counted(&[GOVERNMENT], 2);
        // Terms it has never seen.
        assert_eq!(some.remove_counts(&counted(&[AKIM], 1)), Err(NotCounted));
        // Terms it has, more often than it counted them.
        let mut some = counted(&[GOVERNMENT], 2);
        assert_eq!(
            some.remove_counts(&counted(&[GOVERNMENT], 3)),
            Err(NotCounted)
        );
    }
}

/// The examples of this module's items, run as unit tests (the items are not public).
#[cfg(test)]
mod doc_examples {
    #[test]
    fn learner() {
        use crate::lexicon::learn::Learner;
        let mut learner = Learner::default();
        for _ in 0..2 {
            learner.add_texts("Үкімет шешім қабылдайды", "Правительство принимает решение");
            learner.add_texts("Үкімет бекітеді", "Правительство утверждает");
            learner.add_texts("Шешім күшіне енеді", "Решение вступает в силу");
            learner.add_texts("Әкім өкім шығарады", "Аким издает распоряжение");
        }
        let lexicon = learner.finish();
        assert_eq!(lexicon.russian_for("Үкіметтің")[0].ru_word, "правительство");
        assert_eq!(lexicon.kazakh_for("решения")[0].kk_word, "шешім");
    }
}
