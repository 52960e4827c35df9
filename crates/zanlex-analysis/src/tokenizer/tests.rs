use super::super::normalize::is_lower_cyrillic;
use super::packed::*;
use super::segment::*;
use super::tokens::*;
use crate::normalize::{lower_cyr_run, lower_simple, normalize, repair_lower};
use tantivy::tokenizer::Token;
use unicode_segmentation::UnicodeSegmentation;

fn toks(s: &str) -> Vec<(String, usize)> {
    let mut v = Vec::new();
    tokenize_into(s, &mut v);
    v.into_iter().map(|t| (t.text, t.position)).collect()
}

/// The tokenizer as it was before segments became ranges with a [`Case`],
/// on its reference path (normalize, unicode-segmentation, [`kind`], [`repair_lower`]): what
/// the restructured fast path is checked against on random texts.
fn old_reference<S: Sink>(text: &str, sink: &mut S) {
    type Seg<'t> = (usize, &'t str, Kind, bool);
    let norm = normalize(text);
    let segs: Vec<Seg> = norm
        .text
        .split_word_bound_indices()
        .map(|(i, s)| (i, s, kind(s), false))
        .collect();
    let t: &str = &norm.text;
    sink.reserve(t.len(), segs.len() / 2 + 1);
    let mut position = 0usize;
    let mut i = 0usize;
    let mut buf = String::new();
    let mut parts: Vec<(usize, &str)> = Vec::new();
    while i < segs.len() {
        let (start, seg, k, plain) = segs[i];
        // `№ 16354`, `№11-1-4/730`: the sign joins the number that follows.
        let mut numero = None;
        let mut j = i;
        if seg == "№" {
            let mut n = i + 1;
            if n < segs.len() && segs[n].2 == Kind::Space && !segs[n].1.contains('\n') {
                n += 1;
            }
            if n < segs.len() && segs[n].2 == Kind::Num {
                numero = Some(start);
                j = n;
            } else {
                i += 1;
                continue;
            }
        } else if k != Kind::Num {
            if k == Kind::Word {
                buf.clear();
                if plain {
                    buf.push_str(seg);
                } else {
                    repair_lower(seg, &mut buf);
                }
                let mut end = start + seg.len();
                let mut apostrophe = "";
                // 2017 Latin writes letters with an apostrophe (`n'`): keep a trailing one.
                if let Some(&(_, next, _, _)) = segs.get(i + 1) {
                    if (next == "'" || next == "’" || next == "ʼ")
                        && seg.bytes().all(|c| c.is_ascii_alphabetic() || c == b'\'')
                    {
                        apostrophe = "'";
                        end += next.len();
                        i += 1;
                    }
                }
                sink.push(&buf, apostrophe, norm.orig(start), norm.orig(end), position);
                position += 1;
            }
            i += 1;
            continue;
        }
        // A number chain: NUM ([-/] NUM)* (- WORD)? )?
        parts.clear();
        parts.push((segs[j].0, segs[j].1));
        let mut end_idx = j;
        while end_idx + 2 < segs.len()
            && matches!(segs[end_idx + 1].1, "-" | "/")
            && segs[end_idx + 2].2 == Kind::Num
        {
            end_idx += 2;
            parts.push((segs[end_idx].0, segs[end_idx].1));
        }
        let mut word: Option<(usize, &str)> = None;
        if end_idx + 2 < segs.len()
            && segs[end_idx + 1].1 == "-"
            && segs[end_idx + 2].2 == Kind::Word
        {
            end_idx += 2;
            word = Some((segs[end_idx].0, segs[end_idx].1));
        }
        let paren = word.is_none() && segs.get(end_idx + 1).is_some_and(|s| s.1 == ")");
        let first = numero.unwrap_or(parts[0].0);
        let last_end = segs[end_idx].0 + segs[end_idx].1.len();
        let whole = numero.is_some() || parts.len() > 1 || word.is_some() || paren;
        if whole {
            buf.clear();
            if numero.is_some() {
                buf.push('№');
            }
            buf.push_str(&t[parts[0].0..segs[end_idx].0 + segs[end_idx].1.len()]);
            if let Some((ws, w)) = word {
                buf.truncate(buf.len() - (last_end - ws));
                repair_lower(w, &mut buf);
            }
            if paren {
                sink.push(
                    &buf,
                    ")",
                    norm.orig(first),
                    norm.orig(last_end + 1),
                    position,
                );
            }
            if numero.is_some() || parts.len() > 1 || word.is_some() {
                sink.push(&buf, "", norm.orig(first), norm.orig(last_end), position);
            }
        }
        let from = sink.count();
        for &(ps, p) in &parts {
            if (from..sink.count()).any(|k| sink.text_of(k) == p) {
                continue;
            }
            sink.push(p, "", norm.orig(ps), norm.orig(ps + p.len()), position);
        }
        if let Some((ws, w)) = word {
            buf.clear();
            repair_lower(w, &mut buf);
            if !is_ordinal_ending(&buf) {
                sink.push(&buf, "", norm.orig(ws), norm.orig(ws + w.len()), position);
            }
        }
        position += 1;
        i = end_idx + 1 + usize::from(paren);
    }
}

#[test]
fn lower_cyr_table_is_is_lower_cyrillic() {
    for x in 0xC0..=0xFFu8 {
        for y in 0x80..0xC0u8 {
            let want = (0xD0..=0xD3).contains(&x) && is_lower_cyrillic(x, y);
            assert_eq!(lower_cyr_run(&[x, y, b' ']) == 2, want, "{x:x} {y:x}");
        }
    }
}

#[test]
fn reference_parts_share_a_position() {
    let t = toks("№ 11-1-4/730 бұйрық");
    let texts: Vec<&str> = t.iter().map(|x| x.0.as_str()).collect();
    assert_eq!(texts, ["№11-1-4/730", "11", "1", "4", "730", "бұйрық"]);
    assert_eq!(t[4].1, 0);
    assert_eq!(t[5].1, 1);
}

/// Segments of `t` by the fast segmenter, `None` when it declines the text.
fn fast<'a>(t: &'a str) -> Option<Vec<(usize, &'a str, Kind)>> {
    let mut v = Vec::new();
    if !fast_segments(t, &mut v) {
        return None;
    }
    // A segment called `Lower` is one repair leaves as it is; one called `Simple` is
    // lowercased by `lower_simple` as repair does it.
    for s in &v {
        let text = &t[s.start..s.end];
        let mut r = String::new();
        repair_lower(text, &mut r);
        match s.case {
            Case::Lower => assert_eq!(r, text, "{t:?}"),
            Case::Simple => {
                let mut l = String::new();
                lower_simple(text, &mut l);
                assert_eq!(l, r, "{t:?}");
            }
            Case::General => {}
        }
    }
    // The gaps are runs of spaces: they come back as the `Space` segments they were.
    let gap = |from: usize, to: usize, out: &mut Vec<(usize, &'a str, Kind)>| {
        if from < to {
            let g = &t[from..to];
            assert!(g.chars().all(|c| c == ' ' || c == '\u{205F}'), "{t:?}");
            out.push((from, g, Kind::Space));
        }
    };
    let mut out = Vec::new();
    let mut at = 0usize;
    for s in &v {
        gap(at, s.start, &mut out);
        out.push((s.start, &t[s.start..s.end], s.kind));
        at = s.end;
    }
    gap(at, t.len(), &mut out);
    Some(out)
}

fn reference(t: &str) -> Vec<(usize, &str, Kind)> {
    t.split_word_bound_indices()
        .map(|(i, s)| (i, s, kind(s)))
        .collect()
}

/// One character of each word-break class the fast path knows, and look-alikes of them.
const REPS: [char; 34] = [
    'a', 'Z', 'ж', 'Қ', 'é', 'ª', '¸', '1', '\r', '\n', '\u{b}', '\u{85}', '\u{2028}', ' ',
    '\u{205F}', ':', '·', ',', ';', '\u{2044}', '.', '’', '\'', '"', '_', '\u{202F}', '-', '№',
    '\t', '\u{a0}', ')', '/', '«', '\u{f0b7}',
];

#[test]
fn fast_path_agrees_with_unicode_segmentation() {
    // Every fast character (private use sampled) next to every representative, on either
    // side and in the middle: each UAX #29 rule looks at most two characters each way.
    let all: Vec<char> = (0..0x1_0000u32)
        .filter(|u| !(0xE000..=0xF8FF).contains(u) || u % 251 == 0)
        .filter_map(char::from_u32)
        .filter(|&c| fast_class(c).is_some())
        .collect();
    assert!(all.len() > 1000, "{}", all.len());
    let mut s = String::new();
    let mut checked = 0usize;
    for &c in &all {
        for &a in &REPS {
            for &b in &REPS {
                for w in [[a, c, b], [c, a, b], [a, b, c]] {
                    s.clear();
                    s.extend(w);
                    let f = fast(&s).expect("fast characters only");
                    assert_eq!(f, reference(&s), "{s:?}");
                    checked += 1;
                }
            }
        }
    }
    // All strings of up to four representatives.
    let reps = &REPS[..20];
    for &a in reps {
        for &b in reps {
            for &c in reps {
                for &d in reps {
                    s.clear();
                    s.extend([a, b, c, d]);
                    assert_eq!(fast(&s).expect("fast"), reference(&s), "{s:?}");
                    checked += 1;
                }
            }
        }
    }
    assert!(checked > 1_000_000);
}

#[test]
fn fast_path_declines_what_it_does_not_handle() {
    for s in [
        "и\u{0306}",
        "a\u{00AD}b",
        "x\u{200D}y",
        "😀",
        "🇰🇿",
        "עברית",
        "カタカナ",
        "a\u{2000}b",
        "α",
    ] {
        assert!(fast(s).is_none(), "{s:?}");
    }
}

#[test]
fn fast_characters_are_their_own_normal_form() {
    for u in 0..0x1_0000u32 {
        let Some(c) = char::from_u32(u) else { continue };
        if fast_class(c).is_none() {
            continue;
        }
        let s = format!("a{c}ж{c}");
        let n = normalize(&s);
        assert_eq!(n.text, s, "{u:#x}");
        for i in 0..=s.len() {
            assert_eq!(n.orig(i), i, "{u:#x}");
        }
    }
}

#[test]
fn tokens_agree_with_the_reference_path() {
    let tricky = [
        "№ 11-1-4/730 бұйрық, № 16354, №\n5, № x",
        "1-1) 2-2 3) 1-1)) (1-1) 14-1 14/1 14 - 1 14--1 -1 1-",
        "3-қосымша 14-бабы 55-ші 1-інші 2-ый 5а 5-a 123-VI",
        "Үкiметiнiң ҮКIМЕТIНIҢ Қaзaқ тoп pocсия Kazakhstan ӊол Ӊол",
        "n'ol a'rip sh'ig'ary tura'qty o’n oʼn don't O'Brien Қa'",
        "26.05.2022 2,5 1.000.000 3.14 10:30 a.b.c a:b a_b _x_ 1_000",
        "line one\r\nline two\r\n\r\nline три\r\rx\u{2028}y\u{85}z\u{b}w",
        "«Қазақстан» – “Russia” • \u{f0b7} пункт ¸a a¸ ª1 µm",
        "Ѐ Ѝ ѐ ѝ Ѡ ѡ Ҍ ҍ Ӏ ӏ Ӑ ӑ ԯ Ԁ İstanbul ß ẞ",
        "x\u{202F}y 1\u{202F}000 a\u{2044}b 1\u{2044}2 a\u{2027}b 1·2 a·b",
        "emoji 😀 тест 👍🏽 🇰🇿 и\u{0306}т сөз\u{00AD}дер мем\u{200B}лекет",
        "٠١٢ ۱۲۳ १२३ 123٤ عربي עברית カタカナ α-β",
    ];
    for t in tricky {
        let mut fast_toks: Vec<Token> = Vec::new();
        let mut slow_toks: Vec<Token> = Vec::new();
        tokenize_impl(t, &mut fast_toks, true);
        tokenize_impl(t, &mut slow_toks, false);
        let key = |v: &[Token]| -> Vec<(String, usize, usize, usize)> {
            v.iter()
                .map(|t| (t.text.clone(), t.position, t.offset_from, t.offset_to))
                .collect()
        };
        assert_eq!(key(&fast_toks), key(&slow_toks), "{t:?}");
        assert!(!fast_toks.is_empty());
        // The memo's packed tokens are the same tokens.
        let mut packed = Packed::default();
        tokenize_with(t, &mut packed);
        let texts: Vec<&str> = (0..packed.count()).map(|i| packed.text_of(i)).collect();
        let plain: Vec<&str> = fast_toks.iter().map(|t| t.text.as_str()).collect();
        assert_eq!(texts, plain);
    }
}

#[test]
fn packed_tokens_are_the_tokens_of_tokenize_into() {
    // One buffer reused from a long text to shorter ones: nothing of the former is left.
    let mut buf = TokenBuf::default();
    for t in [
        "№ 11-1-4/730 бұйрық, 3-қосымша 55-ші 1-1) Үкiметiнiң n'ol sh'ig'ary 😀 тест",
        "Қазақстан Республикасы",
        "",
        "1-тармақ",
    ] {
        tokenize_packed(t, &mut buf);
        let mut plain: Vec<Token> = Vec::new();
        tokenize_into(t, &mut plain);
        let got: Vec<(&str, usize, usize, usize)> = buf
            .iter()
            .map(|k| (k.text, k.offset_from, k.offset_to, k.position))
            .collect();
        let want: Vec<(&str, usize, usize, usize)> = plain
            .iter()
            .map(|k| (k.text.as_str(), k.offset_from, k.offset_to, k.position))
            .collect();
        assert_eq!(got, want, "{t:?}");
        assert_eq!(buf.len(), plain.len());
    }
}

/// Pieces the random texts are made of: every word-break class the fast path knows,
/// lowercase, capital and Kazakh letters, mixed-script look-alikes, number and reference
/// punctuation, and a few characters the fast path declines.
const PIECES: &[&str] = &[
    "а",
    "б",
    "я",
    "ё",
    "ѐ",
    "џ",
    "Ә",
    "ә",
    "і",
    "І",
    "ң",
    "Ң",
    "ғ",
    "Ғ",
    "қ",
    "Қ",
    "ө",
    "ұ",
    "ү",
    "Ү",
    "һ",
    "Һ",
    "ӊ",
    "Ӊ",
    "ѡ",
    "Ѡ",
    "Ӏ",
    "ӏ",
    "ԁ",
    "Ԁ",
    "a",
    "Z",
    "k",
    "i",
    "I",
    "é",
    "ª",
    "¸",
    "ʼ",
    "0",
    "1",
    "9",
    " ",
    "  ",
    "\n",
    "\r\n",
    "\r",
    "\t",
    "\u{a0}",
    "-",
    "/",
    ")",
    "(",
    "№",
    "№ ",
    "'",
    "’",
    ".",
    ",",
    ":",
    ";",
    "_",
    "«",
    "»",
    "–",
    "\u{202F}",
    "\u{2044}",
    "·",
    "²",
    "½",
    "\u{f0b7}",
    "\u{2028}",
    "\u{205F}",
    "бұйрық",
    "Қазақстан",
    "55",
    "ші",
    "қосымша",
    "n'",
    "O'Brien",
    "ҮКIМЕТ",
    "мемлекет",
    "\u{00AD}",
    "\u{0306}",
    "😀",
];

#[test]
fn random_texts_give_the_tokens_of_the_old_tokenizer() {
    use proptest::prelude::*;
    // Most texts only of fast pieces (the last three are declined).
    let fast = &PIECES[..PIECES.len() - 3];
    let texts = prop_oneof![
        7 => crate::property::pieces(fast, 1..25),
        1 => crate::property::pieces(PIECES, 1..25),
    ]
    .prop_map(|p| p.concat());
    let key = |v: &[Token]| -> Vec<(String, usize, usize, usize)> {
        v.iter()
            .map(|t| (t.text.clone(), t.position, t.offset_from, t.offset_to))
            .collect()
    };
    let fast_seen = std::cell::Cell::new(0usize);
    crate::property::check(60_000, texts, |text| {
        let mut new: Vec<Token> = Vec::new();
        let mut old: Vec<Token> = Vec::new();
        tokenize_into(&text, &mut new);
        old_reference(&text, &mut old);
        assert_eq!(key(&new), key(&old), "{text:?}");
        let mut segs = Vec::new();
        fast_seen.set(fast_seen.get() + usize::from(fast_segments(&text, &mut segs)));
    });
    let fast_seen = fast_seen.get();
    assert!(fast_seen > 40_000, "{fast_seen}");
}
