//! Byte classes eight bytes at a time (SWAR: SIMD within a register), for the scans that run
//! over every text: a flag is bit 7 of a byte of a `u64`, and no sum carries from one byte into
//! the next.

/// Bit 7 of every byte.
pub(crate) const HI: u64 = 0x8080_8080_8080_8080;
/// The low seven bits of every byte.
pub(crate) const LO7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
/// 1 in every byte: `ONES * b` is byte `b` eight times.
pub(crate) const ONES: u64 = 0x0101_0101_0101_0101;

/// The eight bytes of `b` from `at` as a little-endian word (byte `at` lowest), when there
/// are eight.
#[inline(always)]
pub(crate) fn word_at(b: &[u8], at: usize) -> Option<u64> {
    let chunk = b.get(at..at.checked_add(8)?)?;
    let mut bytes = [0u8; 8];
    bytes.copy_from_slice(chunk);
    Some(u64::from_le_bytes(bytes))
}

/// Flags the zero bytes of `t`.
#[inline(always)]
pub(crate) fn zero_bytes(t: u64) -> u64 {
    !(((t & LO7) + LO7) | t) & HI
}

/// Flags the bytes of `w` below 0x80 that lie in `lo..=hi` (`1 <= lo <= hi < 0x80`).
#[inline(always)]
pub(crate) fn ascii_in_range(w: u64, lo: u8, hi: u8) -> u64 {
    // On the low seven bits: `x + (0x80 - lo)` has bit 7 set when `x >= lo`, `x + (0x7F - hi)`
    // when `x > hi`.
    let x = w & LO7;
    let ge_lo = x + ONES * u64::from(0x80 - lo);
    let gt_hi = x + ONES * u64::from(0x7F - hi);
    ge_lo & !gt_hi & !w & HI
}

/// The offsets (0..8) of the flagged bytes of `flags`, in order.
#[inline(always)]
pub(crate) fn flagged(mut flags: u64) -> impl Iterator<Item = usize> {
    std::iter::from_fn(move || {
        if flags == 0 {
            return None;
        }
        let k = (flags.trailing_zeros() / 8) as usize;
        flags &= flags - 1;
        Some(k)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each helper agrees with the byte-by-byte test on every byte value in every place.
    #[test]
    fn helpers_agree_with_bytewise_tests() {
        for v in 0..=255u8 {
            for place in 0..8 {
                let mut bytes = [b'a'; 8];
                bytes[place] = v;
                let w = u64::from_le_bytes(bytes);
                let of = |flags: u64| flagged(flags).collect::<Vec<_>>();
                let expect = |hit: bool, base: bool| {
                    (0..8)
                        .filter(|&k| if k == place { hit } else { base })
                        .collect::<Vec<_>>()
                };
                assert_eq!(of(zero_bytes(w)), expect(v == 0, false), "{v:#x}");
                assert_eq!(
                    of(ascii_in_range(w, 0x09, 0x0D)),
                    expect((0x09..=0x0D).contains(&v), false),
                    "{v:#x}"
                );
                assert_eq!(
                    of(ascii_in_range(w, b'a', b'z')),
                    expect(v.is_ascii_lowercase(), true),
                    "{v:#x}"
                );
                // Byte `at + k` is byte `k` of the word.
                let mut long = vec![b'x'];
                long.extend_from_slice(&bytes);
                assert_eq!(word_at(&long, 1), Some(w));
            }
        }
        assert_eq!(word_at(b"1234567", 0), None);
    }
}
