//! How many aligned units each (Kazakh term, Russian term) pair co-occurs in.
//!
//! A national corpus has tens of millions of pairs, and a refresh that rewrites one act
//! changes a small share of them. So the pairs are kept packed, in key order, a few bytes a
//! pair, as the counts file stores them, and the counts changed since go in a small map over
//! them: reading the counts is reading their bytes, writing them is one pass over the packed
//! pairs, and no hash table or array of every pair is built.

use rustc_hash::FxHashMap;
use serde::de::{SeqAccess, Visitor};
use serde::ser::SerializeSeq;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::io::{Read, Write};

/// A pair's key: the Kazakh term's id, then the Russian term's, so keys sort by both.
fn key(kk: u32, ru: u32) -> u64 {
    (u64::from(kk) << 32) | u64::from(ru)
}

/// The pair of a [`key`].
fn pair(key: u64) -> (u32, u32) {
    ((key >> 32) as u32, key as u32)
}

/// Pairs in a block of [`Packed`]: finding one pair decodes at most this many.
const BLOCK: usize = 32;

/// Pairs in ascending key order, as [`PackedWriter`] packs them: two to four bytes a pair
/// where a key and a count in arrays take twelve. Each block's first key and offset are kept,
/// so one pair is found by a binary search over the blocks and a scan of one. The counts file
/// keeps these bytes as they are ([`Together::write_packed`]).
#[derive(Default)]
struct Packed {
    bytes: Vec<u8>,
    /// Each block's first key, and where the block starts in `bytes`.
    blocks: Vec<(u64, usize)>,
    /// The pairs held.
    len: usize,
}

impl Packed {
    /// The pairs `bytes` holds as [`PackedWriter`] packs them, `pairs` of them, with their blocks
    /// found by skipping from one block's first pair to the next: the bytes are kept, and
    /// only each block's first key is decoded. `None` when they are not `pairs` whole pairs.
    fn from_bytes(bytes: Vec<u8>, pairs: usize) -> Option<Packed> {
        let mut blocks = Vec::with_capacity(pairs.div_ceil(BLOCK));
        let mut at = 0;
        let mut len: usize = 0;
        while at < bytes.len() {
            if len.is_multiple_of(BLOCK) {
                let rest = &bytes[at..];
                let ((key, _), after) = postcard::take_from_bytes::<(u64, u64)>(rest).ok()?;
                blocks.push((key, at));
                at += rest.len() - after.len();
            } else {
                // A pair is two variable-length integers: each ends at a byte whose high bit
                // is clear.
                for _ in 0..2 {
                    at += bytes.get(at..)?.iter().position(|b| b & 0x80 == 0)? + 1;
                }
            }
            len += 1;
        }
        (len == pairs).then_some(Packed { bytes, blocks, len })
    }

    /// The pairs of block `i`, as `(key, count)` in key order.
    fn block(&self, i: usize) -> impl Iterator<Item = (u64, u64)> + '_ {
        let start = self.blocks[i].1;
        let end = self.blocks.get(i + 1).map_or(self.bytes.len(), |b| b.1);
        let mut rest = &self.bytes[start..end];
        // A block's first pair holds its key as its gap.
        let mut key = 0u64;
        std::iter::from_fn(move || {
            // Only `PackedWriter` wrote these bytes: every pair decodes.
            let ((gap, n), after) = postcard::take_from_bytes::<(u64, u64)>(rest).ok()?;
            rest = after;
            key = key.wrapping_add(gap);
            Some((key, n))
        })
    }

    /// Every pair, as `(key, count)` in key order.
    fn iter(&self) -> impl Iterator<Item = (u64, u64)> + '_ {
        (0..self.blocks.len()).flat_map(|i| self.block(i))
    }

    /// The count of `key`; 0 when it is not held.
    fn get(&self, key: u64) -> u64 {
        // The last block whose first key is not above `key`.
        let Some(i) = self.blocks.partition_point(|b| b.0 <= key).checked_sub(1) else {
            return 0;
        };
        self.block(i)
            .take_while(|&(k, _)| k <= key)
            .find(|&(k, _)| k == key)
            .map_or(0, |(_, n)| n)
    }
}

/// Co-occurrence counts of term pairs.
///
/// The counts file stores them packed ([`Together::write_packed`]); serialized (the log of
/// updates, and counts files of the layout before), they are the sequence of pairs with a
/// count above zero, in key order, each as the gap from the key before and its count.
#[derive(Default)]
pub(super) struct Together {
    /// The pairs as read seen together at least [`OFTEN`] times: those a lexicon is chosen
    /// from, a tenth of every pair at national scale.
    often: Packed,
    /// The pairs as read seen together fewer times.
    seldom: Packed,
    /// Counts set since the pairs were read (zero: no unit holds the pair any more). They
    /// override `often` and `seldom`.
    changed: FxHashMap<u64, u64>,
}

/// Fewest aligned units a pair co-occurs in: fewer is mostly an accident of one act's
/// wording (three units of one list share their neighbours), as the hand-checked sample of
/// `docs/lexicon.md` shows.
pub const MIN_TOGETHER: u64 = 4;

/// The count from which a pair as read is kept with those a lexicon is chosen from.
const OFTEN: u64 = MIN_TOGETHER;

/// The count of `key` as read into `often` and `seldom`; 0 when neither holds it.
fn read(often: &Packed, seldom: &Packed, key: u64) -> u64 {
    match often.get(key) {
        0 => seldom.get(key),
        n => n,
    }
}

impl Together {
    /// The units `kk` and `ru` co-occur in.
    #[cfg(test)]
    fn get(&self, kk: u32, ru: u32) -> u64 {
        let k = key(kk, ru);
        match self.changed.get(&k) {
            Some(&n) => n,
            None => read(&self.often, &self.seldom, k),
        }
    }

    /// Sets the units `kk` and `ru` co-occur in.
    #[cfg(test)]
    fn set(&mut self, kk: u32, ru: u32, n: u64) {
        self.changed.insert(key(kk, ru), n);
    }

    /// Changes the units `kk` and `ru` co-occur in by `change` (one probe of the changed
    /// counts: counting a corpus is mostly this); `None`, and nothing changed, when the
    /// count would go below zero.
    pub(super) fn change(
        &mut self,
        kk: u32,
        ru: u32,
        change: impl FnOnce(u64) -> Option<u64>,
    ) -> Option<()> {
        use std::collections::hash_map::Entry;
        let k = key(kk, ru);
        let (often, seldom) = (&self.often, &self.seldom);
        match self.changed.entry(k) {
            Entry::Occupied(mut e) => {
                let n = change(*e.get())?;
                e.insert(n);
            }
            Entry::Vacant(e) => {
                e.insert(change(read(often, seldom, k))?);
            }
        }
        Some(())
    }

    /// The pairs as read that no change overrides, as `(key, count)` in key order.
    fn unchanged(&self) -> impl Iterator<Item = (u64, u64)> + '_ {
        itertools::merge(self.often.iter(), self.seldom.iter())
            .filter(|(k, _)| !self.changed.contains_key(k))
    }

    /// Every pair with a count above zero, in no particular order.
    pub(super) fn iter(&self) -> impl Iterator<Item = (u32, u32, u64)> + '_ {
        self.at_least(1)
    }

    /// Every pair with a count of at least `min` (above zero), in no particular order.
    ///
    /// Choosing a lexicon reads only the pairs seen together often enough, a tenth of them at
    /// national scale: of the pairs as read, those of `often` alone when `min` is [`OFTEN`] or
    /// more, and their counts compared with `min` before a change is looked up, so most pairs
    /// cost a comparison and no probe of the changed counts.
    pub(super) fn at_least(&self, min: u64) -> impl Iterator<Item = (u32, u32, u64)> + '_ {
        let min = min.max(1);
        let seldom = (min < OFTEN)
            .then(|| self.seldom.iter())
            .into_iter()
            .flatten();
        let read = self
            .often
            .iter()
            .chain(seldom)
            .filter(move |&(_, n)| n >= min)
            .filter(|(k, _)| !self.changed.contains_key(k));
        let changed = self.changed.iter().map(|(&k, &n)| (k, n));
        read.chain(changed.filter(move |&(_, n)| n >= min))
            .map(|(k, n)| {
                let (kk, ru) = pair(k);
                (kk, ru, n)
            })
    }

    /// The pairs with a count above zero, counted without decoding them: those as read (each
    /// above zero) but those a change overrides, and the changes above zero.
    fn len(&self) -> usize {
        let overridden = self
            .changed
            .keys()
            .filter(|&&k| read(&self.often, &self.seldom, k) > 0)
            .count();
        let changed = self.changed.values().filter(|&&n| n > 0).count();
        self.often.len + self.seldom.len - overridden + changed
    }

    /// Every pair with a count above zero, as `(key, count)` in key order.
    fn sorted(&self) -> impl Iterator<Item = (u64, u64)> + '_ {
        let mut changed: Vec<(u64, u64)> = self.changed.iter().map(|(&k, &n)| (k, n)).collect();
        changed.sort_unstable();
        itertools::merge(self.unchanged(), changed).filter(|&(_, n)| n > 0)
    }
}

/// One packed set of pairs as the counts file keeps it: how many pairs, how many bytes, and
/// their crc32, so that the bytes are read straight into their buffer and checked.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Section {
    pub pairs: u64,
    pub bytes: u64,
    pub crc: u32,
}

impl Section {
    /// The bytes of a section in a file: its pairs, its bytes and its crc32, little-endian.
    pub const LEN: usize = 8 + 8 + 4;

    pub(super) fn write_to(self, out: &mut impl Write) -> std::io::Result<()> {
        out.write_all(&self.pairs.to_le_bytes())?;
        out.write_all(&self.bytes.to_le_bytes())?;
        out.write_all(&self.crc.to_le_bytes())
    }

    /// The section's bytes, read from `input`, checked against its crc32.
    pub(super) fn read_bytes(self, input: &mut impl Read) -> std::io::Result<Vec<u8>> {
        let len = usize::try_from(self.bytes).map_err(|_| damaged("counts over memory"))?;
        let mut bytes = vec![0; len];
        input.read_exact(&mut bytes)?;
        if crc32fast::hash(&bytes) != self.crc {
            return Err(damaged("counts whose crc32 does not match"));
        }
        Ok(bytes)
    }

    pub(super) fn read_from(input: &mut impl Read) -> std::io::Result<Section> {
        let (mut pairs, mut bytes, mut crc) = ([0; 8], [0; 8], [0; 4]);
        input.read_exact(&mut pairs)?;
        input.read_exact(&mut bytes)?;
        input.read_exact(&mut crc)?;
        Ok(Section {
            pairs: u64::from_le_bytes(pairs),
            bytes: u64::from_le_bytes(bytes),
            crc: u32::from_le_bytes(crc),
        })
    }
}

/// A writer that counts the bytes written through it and their crc32, buffered so that the
/// crc32 is taken over a buffer at a time, not over each pair's few bytes.
pub(super) struct Tally<W: Write>(std::io::BufWriter<Counted<W>>);

/// The writer under a [`Tally`]'s buffer.
struct Counted<W> {
    out: W,
    bytes: u64,
    crc: crc32fast::Hasher,
}

impl<W: Write> Tally<W> {
    pub(super) fn new(out: W) -> Self {
        let counted = Counted {
            out,
            bytes: 0,
            crc: crc32fast::Hasher::new(),
        };
        Tally(std::io::BufWriter::with_capacity(1 << 16, counted))
    }

    /// The writer, and the `pairs` written through it as a section: their bytes and crc32.
    pub(super) fn finish(self, pairs: u64) -> std::io::Result<(W, Section)> {
        let counted = self.0.into_inner().map_err(|e| e.into_error())?;
        let section = Section {
            pairs,
            bytes: counted.bytes,
            crc: counted.crc.finalize(),
        };
        Ok((counted.out, section))
    }
}

impl<W: Write> Write for Tally<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.write(buf)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.0.flush()
    }
}

impl<W: Write> Write for Counted<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.out.write(buf)?;
        self.bytes += n as u64;
        self.crc.update(&buf[..n]);
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
}

/// Packs pairs given in ascending key order, written as they come: each as its gap from the
/// key before and its count, in postcard's variable-length integers, and every [`BLOCK`]-th
/// pair, which starts a block, with its key itself for the gap, so that a block decodes alone.
struct PackedWriter<W: Write> {
    out: Tally<W>,
    len: usize,
    last: u64,
}

impl<W: Write> PackedWriter<W> {
    fn new(out: W) -> Self {
        PackedWriter {
            out: Tally::new(out),
            len: 0,
            last: 0,
        }
    }

    fn push(&mut self, key: u64, n: u64) -> std::io::Result<()> {
        let gap = if self.len.is_multiple_of(BLOCK) {
            key
        } else {
            key - self.last
        };
        // Two variable-length u64s take at most ten bytes each.
        let mut buf = [0u8; 20];
        let bytes = postcard::to_slice(&(gap, n), &mut buf).map_err(std::io::Error::other)?;
        self.out.write_all(bytes)?;
        self.last = key;
        self.len += 1;
        Ok(())
    }

    fn finish(self) -> std::io::Result<(W, Section)> {
        self.out.finish(self.len as u64)
    }
}

impl PackedWriter<Vec<u8>> {
    /// The pairs packed in memory.
    fn into_packed(self) -> std::io::Result<Packed> {
        let (bytes, section) = self.finish()?;
        // The bytes were just packed: they hold their pairs whole.
        Packed::from_bytes(bytes, section.pairs as usize)
            .ok_or_else(|| damaged("term pairs packed short"))
    }
}

/// An error for counts that are not what their file says they are.
pub(super) fn damaged(what: &str) -> std::io::Error {
    std::io::Error::new(std::io::ErrorKind::InvalidData, what.to_string())
}

impl Together {
    /// Writes every pair with a count above zero to `out` packed as they are kept in memory,
    /// those seen together seldom first, as they are merged with their changes, then the
    /// others (a tenth of them at national scale, packed in memory meanwhile): the sections
    /// [`Together::read_packed`] reads back without decoding them, `[seldom, often]`.
    pub(super) fn write_packed(&self, out: &mut impl Write) -> std::io::Result<[Section; 2]> {
        let mut seldom = PackedWriter::new(&mut *out);
        let mut often = PackedWriter::new(Vec::new());
        for (k, n) in self.sorted() {
            if n >= OFTEN {
                often.push(k, n)?;
            } else {
                seldom.push(k, n)?;
            }
        }
        let (out, seldom) = seldom.finish()?;
        let (bytes, often) = often.finish()?;
        out.write_all(&bytes)?;
        Ok([seldom, often])
    }

    /// Reads the pairs [`Together::write_packed`] wrote, described by `sections`, each
    /// section's bytes into the buffer it is kept in, checked against its crc32.
    pub(super) fn read_packed(
        input: &mut impl Read,
        [seldom, often]: [Section; 2],
    ) -> std::io::Result<Together> {
        let mut read = |section: Section| -> std::io::Result<Packed> {
            let pairs = usize::try_from(section.pairs).map_err(|_| damaged("pairs over memory"))?;
            Packed::from_bytes(section.read_bytes(input)?, pairs)
                .ok_or_else(|| damaged("term pairs cut short"))
        };
        let seldom = read(seldom)?;
        let often = read(often)?;
        Ok(Together {
            often,
            seldom,
            changed: FxHashMap::default(),
        })
    }
}

impl Serialize for Together {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // The formats the counts are kept in write a sequence's length first.
        let mut seq = serializer.serialize_seq(Some(self.len()))?;
        let mut last = 0;
        for (k, n) in self.sorted() {
            seq.serialize_element(&(k - last, n))?;
            last = k;
        }
        seq.end()
    }
}

impl<'de> Deserialize<'de> for Together {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_seq(PairsVisitor)
    }
}

/// Reads the sequence [`Together`] writes.
struct PairsVisitor;

/// The most bytes of packed pairs reserved before any is read: a damaged length asks for no
/// more memory than this.
const RESERVED_AT_MOST: usize = 1 << 26;

/// The bytes a packed pair takes, about: a gap within a block of neighbouring keys, and a
/// count, in one or two bytes each.
const BYTES_A_PAIR: usize = 3;

impl<'de> Visitor<'de> for PairsVisitor {
    type Value = Together;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("term pairs as key gaps and counts, in key order")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Together, A::Error> {
        let pairs = seq.size_hint().unwrap_or(0);
        // Most pairs are seen together seldom.
        let reserved = pairs.saturating_mul(BYTES_A_PAIR).min(RESERVED_AT_MOST);
        let mut seldom = PackedWriter::new(Vec::with_capacity(reserved));
        let mut often = PackedWriter::new(Vec::new());
        let mut last: Option<u64> = None;
        while let Some((gap, n)) = seq.next_element::<(u64, u64)>()? {
            let k = match last {
                None => gap,
                Some(_) if gap == 0 => {
                    return Err(serde::de::Error::custom("a term pair is stored twice"))
                }
                Some(last) => last
                    .checked_add(gap)
                    .ok_or_else(|| serde::de::Error::custom("a term pair's key overflows"))?,
            };
            last = Some(k);
            // The counts are written above zero; a pair read at zero is none.
            if n == 0 {
                continue;
            }
            let read = if n >= OFTEN { &mut often } else { &mut seldom };
            read.push(k, n).map_err(serde::de::Error::custom)?;
        }
        let [often, seldom] = [often, seldom].map(|read| {
            let mut packed = read.into_packed()?;
            packed.bytes.shrink_to_fit();
            Ok::<_, std::io::Error>(packed)
        });
        Ok(Together {
            often: often.map_err(serde::de::Error::custom)?,
            seldom: seldom.map_err(serde::de::Error::custom)?,
            changed: FxHashMap::default(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::Together;

    fn stored(together: &Together) -> Together {
        let bytes = postcard::to_stdvec(together).expect("counts serialize");
        postcard::from_bytes(&bytes).expect("counts read back")
    }

    fn all(together: &Together) -> Vec<(u32, u32, u64)> {
        let mut pairs: Vec<_> = together.iter().collect();
        pairs.sort_unstable();
        pairs
    }

    #[test]
    fn counts_read_back_are_the_counts_written_and_changes_override_them() {
        // A count above `u32`, on the largest key.
        let large = (u32::MAX, u32::MAX, u64::from(u32::MAX) + 1);
        let mut together = Together::default();
        together.set(7, 3, 2);
        together.set(0, 9, 1);
        together.set(7, 1, 5);
        together.set(large.0, large.1, large.2);
        together.set(2, 2, 0);
        let mut read = stored(&together);
        assert_eq!(all(&read), [(0, 9, 1), (7, 1, 5), (7, 3, 2), large]);
        // Every pair read is packed, the large count exactly; none is a change.
        assert_eq!(read.get(large.0, large.1), large.2);
        assert!(read.changed.is_empty());
        // Those seen together often apart from the rest: (7, 1) and the large one.
        assert_eq!((read.often.len, read.seldom.len), (2, 2));
        read.set(7, 1, 0);
        read.set(7, 3, 3);
        read.set(1, 1, 1);
        assert_eq!((read.get(7, 1), read.get(7, 3), read.get(1, 1)), (0, 3, 1));
        assert_eq!(read.get(5, 5), 0);
        // A count that would go below zero is refused, and left as it was.
        assert_eq!(read.change(7, 3, |n| n.checked_sub(4)), None);
        assert_eq!(read.change(6, 6, |n| n.checked_sub(1)), None);
        assert_eq!(read.change(0, 9, |n| n.checked_sub(1)), Some(()));
        assert_eq!((read.get(7, 3), read.get(0, 9)), (3, 0));
        // Counted without decoding, as the pairs a write gives.
        // (7, 3), (1, 1) and the large one: (7, 1) and (0, 9) are at zero.
        assert_eq!(read.len(), read.sorted().count());
        assert_eq!(read.len(), 3);
        read.set(0, 9, 1);
        let again = stored(&read);
        assert_eq!(all(&again), [(0, 9, 1), (1, 1, 1), (7, 3, 3), large]);
        let keys: Vec<u64> = again.unchanged().map(|(k, _)| k).collect();
        assert!(again.changed.is_empty());
        assert_eq!(keys, [9, (1 << 32) | 1, (7 << 32) | 3, u64::MAX]);
    }

    #[test]
    fn packed_pairs_are_found_in_every_block_and_nothing_else_is() {
        // Keys far apart and close together, over several blocks, with counts of one and two
        // bytes.
        let pairs: Vec<(u64, u64)> = (0..(3 * super::BLOCK as u64 + 5))
            .map(|i| (i * i * 1_000_003 + (i % 3), (i * 7919) % 300 + 1))
            .collect();
        let mut writer = super::PackedWriter::new(Vec::new());
        for &(k, n) in &pairs {
            writer.push(k, n).expect("a pair packs");
        }
        let packed = writer.into_packed().expect("pairs packed");
        assert_eq!(packed.blocks.len(), 4);
        assert_eq!(packed.iter().collect::<Vec<_>>(), pairs);
        for &(k, n) in &pairs {
            assert_eq!(packed.get(k), n, "key {k}");
            assert_eq!(packed.get(k + 1), 0, "key {}", k + 1);
        }
        assert_eq!(super::Packed::default().get(0), 0);
    }

    #[test]
    fn pairs_seen_often_enough_are_those_of_every_pair_with_changes_applied() {
        let mut together = Together::default();
        for (kk, ru, n) in [(1, 1, 5), (1, 2, 3), (2, 1, 4), (3, 3, 9), (4, 4, 1)] {
            together.set(kk, ru, n);
        }
        let mut read = stored(&together);
        // A change raises a pair read below the bar, lowers one read above it, takes one
        // away, and adds one never read.
        read.set(1, 2, 4);
        read.set(2, 1, 2);
        read.set(3, 3, 0);
        read.set(5, 5, 7);
        // Every pair above zero in key order, as the counts are written: the reference.
        let in_order: Vec<(u32, u32, u64)> = read
            .sorted()
            .map(|(k, n)| {
                let (kk, ru) = super::pair(k);
                (kk, ru, n)
            })
            .collect();
        for min in [0, 1, 4, 6, 10] {
            let mut often: Vec<_> = read.at_least(min).collect();
            often.sort_unstable();
            let expected: Vec<_> = in_order
                .iter()
                .copied()
                .filter(|&(_, _, n)| n >= min.max(1))
                .collect();
            assert_eq!(often, expected, "at least {min}");
        }
        let mut often: Vec<_> = read.at_least(4).collect();
        often.sort_unstable();
        assert_eq!(often, [(1, 1, 5), (1, 2, 4), (5, 5, 7)]);
    }

    /// `together` written as the counts file keeps its pairs, and the bytes written.
    fn written(together: &Together) -> (Vec<u8>, [super::Section; 2]) {
        let mut bytes = Vec::new();
        let sections = together.write_packed(&mut bytes).expect("pairs written");
        (bytes, sections)
    }

    /// Pairs over several blocks on both sides of [`super::OFTEN`], some changed since read.
    fn many_pairs() -> Together {
        let mut together = Together::default();
        for i in 0..(10 * super::BLOCK as u32 + 7) {
            together.set(i / 3, i * 7919 % 1000, u64::from(i % 9) + 1);
        }
        let mut read = stored(&together);
        read.set(0, 0, 0);
        read.set(2, 7 * 7919 % 1000, 40);
        read.set(u32::MAX, 1, 2);
        read
    }

    #[test]
    fn pairs_written_packed_are_read_back_as_kept_in_memory() {
        let together = many_pairs();
        let (bytes, [seldom, often]) = written(&together);
        let read = Together::read_packed(&mut bytes.as_slice(), [seldom, often]).expect("read");
        // The same pairs, packed byte for byte as the pairs read from the whole sequence.
        let decoded = stored(&together);
        assert_eq!(all(&read), all(&decoded));
        assert_eq!(read.len(), together.len());
        for (ours, theirs) in [
            (&read.often, &decoded.often),
            (&read.seldom, &decoded.seldom),
        ] {
            assert_eq!(ours.bytes, theirs.bytes);
            assert_eq!(ours.blocks, theirs.blocks);
            assert_eq!(ours.len, theirs.len);
        }
        assert_eq!(
            (seldom.pairs, often.pairs),
            (read.seldom.len as u64, read.often.len as u64)
        );
        assert!(read.seldom.blocks.len() > 2 && read.often.blocks.len() > 2);
        assert_eq!(seldom.bytes + often.bytes, bytes.len() as u64);
        for (kk, ru, n) in all(&together) {
            assert_eq!(read.get(kk, ru), n, "({kk}, {ru})");
        }
        assert_eq!((read.get(0, 0), read.get(u32::MAX, 1)), (0, 2));
    }

    #[test]
    fn packed_pairs_damaged_or_cut_short_are_refused() {
        let (bytes, sections) = written(&many_pairs());
        let read = |bytes: &[u8], sections| Together::read_packed(&mut &bytes[..], sections);
        assert!(read(&bytes, sections).is_ok());
        let mut damaged = bytes.clone();
        damaged[bytes.len() / 2] ^= 0x01;
        assert!(read(&damaged, sections).is_err());
        assert!(read(&bytes[..bytes.len() - 1], sections).is_err());
        // Bytes that match their crc32 but hold one pair fewer than said.
        let [mut seldom, often] = sections;
        seldom.pairs += 1;
        assert!(read(&bytes, [seldom, often]).is_err());
    }

    #[test]
    fn a_pair_stored_at_zero_is_no_pair() {
        // Keys 5, 6 (at zero) and 7, as gaps and counts.
        let bytes = postcard::to_stdvec(&vec![(5u64, 1u64), (1, 0), (1, 2)]).expect("serialize");
        let read: Together = postcard::from_bytes(&bytes).expect("counts read back");
        assert_eq!(all(&read), [(0, 5, 1), (0, 7, 2)]);
        assert_eq!(read.len(), 2);
        assert_eq!(all(&stored(&read)), [(0, 5, 1), (0, 7, 2)]);
    }

    #[test]
    fn a_pair_stored_twice_is_refused() {
        // Two pairs with the same key: the second's gap is zero.
        let bytes = postcard::to_stdvec(&vec![(5u64, 1u64), (0, 2)]).expect("serialize");
        assert!(postcard::from_bytes::<Together>(&bytes).is_err());
    }
}
