//! Instructions of amending acts (001, 002) → [`Instruction`](crate::model::Instruction)s on the target act's units.
//!
//! An amending paragraph opens with a header naming the target act
//! (`"…қағидаларын бекіту туралы" … 2012 жылғы 21 қаңтардағы № 148 қаулысына … енгізілсін:`),
//! then gives instructions, each a head sentence ending in a verb and often a quoted new text:
//! `10-тармақ мынадай редакцияда жазылсын: "10. …";`, `12-тармақтың 7) тармақшасы алынып
//! тасталсын;`, `мынадай мазмұндағы 8-1-тармақпен толықтырылсын: "8-1. …";`.
//! Context lines set the scope of the following heads: `көрсетілген бұйрықпен бекітілген …
//! қағидаларында:` (the approved Rules, `att_1`) and `3-тармақта:` (paragraph 3).
//!
//! The parser works on the paragraph's text as one stream, so it does not depend on how the
//! structure stage split it into `mod_N` units; each instruction reports the byte offset of its
//! head so the caller can map it back to the unit that holds it. Words displaced by extraction
//! to the end of the head's line (`мынадай редакцияда жазылсын:10-тармақ`) are read as part of
//! the head.

use super::notes_common::issuer_code;
use crate::model::{ActKind, ActRef, InstructionOp};
use crate::text::find_dates;
use regex::Regex;
use std::sync::{Arc, LazyLock};

/// One instruction read from the stream, before it is tied to its source unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedInstruction {
    /// Byte offset of the head's verb in the stream.
    pub offset: usize,
    /// The head sentence, whitespace collapsed; shared by the instructions of one head.
    pub head: Arc<str>,
    pub target_eid: String,
    pub op: InstructionOp,
    pub part: Option<u32>,
    /// Last part of a range (`бірінші және екінші бөліктері` → part 1, part_last 2).
    pub part_last: Option<u32>,
    pub new_text: Option<String>,
    /// The amending act's own appendix that holds the new text
    /// (`осы бірлескен бұйрыққа 2-қосымшаға сәйкес`), when the text is not quoted.
    pub source_annex: Option<String>,
    /// For word replacements: the words replaced (`new_text` holds their replacement).
    pub old_text: Option<String>,
}

static VERB_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(жазылсын|толықтырылсын|тасталсын|ауыстырылсын)\s*[:;.]?")
        .expect("static regex")
});
static PARA_LIST_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"((?:[0-9]+(?:-[0-9]+)*\s*(?:,|және)?\s*)*[0-9]+(?:-[0-9]+)*)\s*-\s*тармақ(\w*)")
        .expect("static regex")
});
static SUBPARA_RE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"([0-9]+(?:-[0-9]+)*)\)\s*тармақш").expect("static regex"));
static CHAPTER_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"([0-9]+(?:-[0-9]+)*)\s*-\s*тара[уy](\w*)").expect("static regex")
});
static ANNEX_RE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"([0-9]+(?:-[0-9]+)*)[\s-]+қосымша(\w*)").expect("static regex"));
static PART_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(бірінші|екінші|үшінші|төртінші|бесінші|алтыншы|жетінші|сегізінші|тоғызыншы|оныншы)(?:\s+және\s+(бірінші|екінші|үшінші|төртінші|бесінші|алтыншы|жетінші|сегізінші|тоғызыншы|оныншы))?\s+(бөл\w*|абзац\w*)")
        .expect("static regex")
});
static QUOTED_RE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"["«“]([^"«»“”]+)["»”]"#).expect("static regex"));
static NUM_SPLIT_RE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[0-9]+(?:-[0-9]+)*").expect("static regex"));
static SIGN_NUM_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:№|\bN)\s*([0-9]+(?:\s*[-/]\s*[0-9A-Za-zІі]+)*)").expect("static regex")
});

fn ordinal(word: &str) -> Option<u32> {
    const ORD: [&str; 10] = [
        "бірінші",
        "екінші",
        "үшінші",
        "төртінші",
        "бесінші",
        "алтыншы",
        "жетінші",
        "сегізінші",
        "тоғызыншы",
        "оныншы",
    ];
    let w = crate::structure::lowercase(word);
    ORD.iter().position(|o| *o == w).map(|i| i as u32 + 1)
}

/// Reads the target act from an amending paragraph's header (the text up to `енгізілсін:`).
pub fn parse_target_act(header: &str) -> Option<ActRef> {
    let h = header.split_whitespace().collect::<Vec<_>>().join(" ");
    let open = h.find(['"', '«'])?;
    let after_open = open + h[open..].chars().next()?.len_utf8();
    let close = after_open + h[after_open..].find(['"', '»'])?;
    let title = h[after_open..close].trim().to_string();
    // Past the closing quote, which is two bytes when it is `»`.
    let mut after_close = h[close..].chars();
    after_close.next();
    let rest = after_close.as_str();
    // Parentheses hold registration details, not the act's own numbers.
    let mut depth = 0i32;
    let outside: String = rest
        .chars()
        .map(|c| match c {
            '(' => {
                depth += 1;
                ' '
            }
            ')' => {
                depth -= 1;
                ' '
            }
            c if depth > 0 => {
                if c.is_whitespace() {
                    c
                } else {
                    '\u{1}'
                }
            }
            c => c,
        })
        .collect();
    let mut dates = Vec::new();
    let mut issuers = Vec::new();
    let mut last = 0;
    for (date, m) in crate::text::find_kk_word_dates(&outside) {
        let chunk = SIGN_NUM_RE.replace_all(&outside[last..m.start], " ");
        let iss = chunk.trim().trim_start_matches("және").trim().to_string();
        issuers.push(iss);
        dates.push(date);
        last = m.end;
    }
    if dates.is_empty() {
        dates.extend(find_dates(&outside).into_iter().map(|(d, _)| d));
    }
    let numbers: Vec<String> = SIGN_NUM_RE
        .captures_iter(&outside)
        .filter_map(|c| c.get(1))
        .map(|m| m.as_str().chars().filter(|c| !c.is_whitespace()).collect())
        .collect();
    let lower = crate::structure::lowercase(rest);
    let kind = if lower.contains("бірлескен бұйр") {
        ActKind::JointOrder
    } else if lower.contains("қаулы") {
        ActKind::Resolution
    } else if lower.contains("бұйр") {
        ActKind::Order
    } else if lower.contains("шешім") {
        ActKind::Decision
    } else if lower.contains("заң") {
        ActKind::Law
    } else {
        ActKind::Other
    };
    let issuer = issuers.join(" және ");
    let codes: Vec<String> = issuers.iter().map(|i| issuer_code(i, Some(kind))).collect();
    Some(ActRef {
        issuer,
        issuer_code: codes.join("+"),
        kind,
        date: dates.first().copied(),
        number: (!numbers.is_empty()).then(|| numbers.join(" / ")),
        title: Some(title),
    })
}

/// Parses the instructions of one amending paragraph. `stream` is the paragraph's full text
/// (header included); parsing starts after the header's `енгізілсін:`.
pub fn parse_instructions(stream: &str) -> Vec<ParsedInstruction> {
    let start = stream
        .find("енгізілсін")
        .and_then(|p| stream[p..].find(':').map(|q| p + q + 1))
        .unwrap_or(0);
    let heads = find_heads(stream, start);
    let mut out = Vec::new();
    let mut scope = String::new();
    let mut ctx_para: Option<String> = None;
    let mut prev_end = start;
    let mut pending_quote_owner: Option<usize> = None;
    for h in &heads {
        // Segment between the previous head and this verb: [previous quote][context][head].
        let seg = &stream[prev_end..h.verb_start];
        let quote_end = last_quote_end(seg);
        let (quote, remainder) = match quote_end {
            Some(q) => (&seg[..q], &seg[q..]),
            None => ("", seg),
        };
        if let Some(owner) = pending_quote_owner.take() {
            set_quote(&mut out, owner, quote);
        }
        let remainder = remainder.trim_start_matches(['"', '»', '”', ';', '.', ' ', '\n']);
        let displaced = stream[h.verb_end..h.end].trim();
        let head_norm: Arc<str> =
            collapse_whitespace(&[remainder, &stream[h.verb_start..h.verb_end], displaced]).into();
        let lower = crate::structure::lowercase(&head_norm);
        if lower.contains("бекітілген") && lower.contains("қағида") {
            scope = "att_1".to_string();
        }
        let parsed = parse_head(&head_norm, &scope, &mut ctx_para);
        let first_index = out.len();
        push_parsed(&mut out, h.verb_start, &head_norm, parsed);
        if out.len() > first_index
            && !matches!(
                out[first_index].op,
                InstructionOp::Delete | InstructionOp::ReplaceWords
            )
        {
            pending_quote_owner = Some(first_index);
        }
        prev_end = h.end;
    }
    if let Some(owner) = pending_quote_owner {
        let seg = &stream[prev_end..];
        let q = last_quote_end(seg).unwrap_or(0);
        set_quote(&mut out, owner, &seg[..q]);
    }
    out
}

/// An instruction's head: where its verb is, and where the head ends.
///
/// Head ends: verb + punctuation, plus words displaced to the end of the same line. A
/// displaced tail runs to the end of its line, and a line may hold the next verb too
/// (`толықтырылсын: болатын. 2. жазылсын: …`): a head ends where the next one's verb
/// starts. The line's end is looked for only up to there, and heads keep offsets, not
/// copies, so a long paragraph on one line costs work and memory in proportion to its
/// length, not to its length times its verbs.
struct Head {
    verb_start: usize,
    verb_end: usize,
    end: usize,
}

/// The heads of the instructions of `stream` after `start`, in order.
fn find_heads(stream: &str, start: usize) -> Vec<Head> {
    let verbs: Vec<(usize, usize)> = VERB_RE
        .find_iter(&stream[start..])
        .map(|m| (start + m.start(), start + m.end()))
        .collect();
    let mut heads: Vec<Head> = Vec::with_capacity(verbs.len());
    for (k, &(verb_start, verb_end)) in verbs.iter().enumerate() {
        let next_verb = verbs.get(k + 1).map_or(stream.len(), |v| v.0);
        // Matches do not overlap, so the next verb starts at or after this one's end.
        let limit = next_verb.max(verb_end);
        let newline = memchr::memchr(b'\n', &stream.as_bytes()[verb_end..limit]);
        let line_end = newline.map_or(limit, |p| verb_end + p);
        let tail = stream[verb_end..line_end].trim();
        // Only blanks before the next verb on the same line: the head still runs up to it.
        let next_on_line = newline.is_none() && limit < stream.len();
        let end = if tail.starts_with(['"', '«', '“']) {
            verb_end
        } else if !tail.is_empty() || next_on_line {
            line_end
        } else {
            verb_end
        };
        heads.push(Head {
            verb_start,
            verb_end,
            end,
        });
    }
    heads
}

/// Adds an instruction to `out` for each target of the head `head` at `offset` (`parsed`);
/// a head that replaces words has both texts quoted in it.
fn push_parsed(
    out: &mut Vec<ParsedInstruction>,
    offset: usize,
    head: &Arc<str>,
    parsed: Vec<HeadTarget>,
) {
    let first_index = out.len();
    for (target_eid, op, part, part_last, source_annex) in parsed {
        out.push(ParsedInstruction {
            offset,
            head: Arc::clone(head),
            target_eid,
            op,
            part,
            part_last,
            new_text: None,
            source_annex,
            old_text: None,
        });
    }
    // `"X" деген сөздер "Y" деген сөздермен ауыстырылсын`: both texts are in the head.
    let quoted: Vec<&str> = QUOTED_RE
        .captures_iter(head)
        .filter_map(|c| c.get(1).map(|m| m.as_str()))
        .collect();
    for p in out[first_index..].iter_mut() {
        if p.op == InstructionOp::ReplaceWords && quoted.len() >= 2 {
            p.old_text = Some(quoted[quoted.len() - 2].to_string());
            p.new_text = Some(quoted[quoted.len() - 1].to_string());
        }
    }
}

/// The words of `parts`, in order, joined by single spaces.
fn collapse_whitespace(parts: &[&str]) -> String {
    let mut out = String::with_capacity(parts.iter().map(|p| p.len()).sum::<usize>() + 2);
    for w in parts.iter().flat_map(|p| p.split_whitespace()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// End (exclusive, after the closing quote) of the last quoted block closing in `seg`:
/// the last `";`, `".`, `»;`, `».` or a quote at the very end.
fn last_quote_end(seg: &str) -> Option<usize> {
    let mut best = None;
    for (i, c) in seg.char_indices() {
        if matches!(c, '"' | '»' | '”') {
            let after = i + c.len_utf8();
            let next = seg[after..].trim_start_matches([' ']).chars().next();
            if matches!(next, Some(';') | Some('.')) {
                let after_punct = after + seg[after..].find([';', '.']).unwrap_or(0) + 1;
                best = Some(after_punct);
            }
        }
    }
    best
}

/// Stores the quoted text on the instruction(s) starting at `owner`; a quote covering several
/// paragraphs (`15, 16 және 17-тармақтар`) is split at each paragraph's number.
fn set_quote(out: &mut [ParsedInstruction], owner: usize, quote: &str) {
    let q = quote.trim().trim_start_matches([':', ' ', '\n']);
    let q = q.strip_prefix(['"', '«', '“']).unwrap_or(q);
    let mut q = q.trim_end_matches([';', ' ', '\n']).to_string();
    // Closing forms: `…";`, `…".` (quote then the instruction's full stop), `…".";`.
    for _ in 0..2 {
        if let Some(stem) = q.strip_suffix("\".") {
            let stem = stem.trim_end();
            q = if stem.ends_with(['.', ';', ':', '!', '?']) {
                stem.to_string()
            } else {
                format!("{stem}.")
            };
        } else if let Some(stem) = q.strip_suffix(['"', '»', '”']) {
            q = stem.trim_end().to_string();
        } else {
            break;
        }
    }
    // The outer and an inner opening quote can be one printed character
    // (`"Халықтың көші-қоны туралы" 2011 …`): an odd count means the inner one was eaten.
    let first_closes = q.find('"').is_some_and(|p| {
        q[p + 1..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric())
    });
    if q.matches('"').count() % 2 == 1 && first_closes {
        q.insert(0, '"');
    }
    let q = q.as_str();
    if q.is_empty() {
        return;
    }
    let head = Arc::clone(&out[owner].head);
    let group: Vec<usize> = (owner..out.len())
        .filter(|&i| out[i].head == head)
        .collect();
    if group.len() > 1 {
        let mut cuts = vec![0usize];
        for &i in &group[1..] {
            let num = out[i]
                .target_eid
                .rsplit("para_")
                .next()
                .unwrap_or("")
                .to_string();
            let pat = format!("{num}. ");
            let from = *cuts.last().unwrap_or(&0);
            let found = q[from..]
                .match_indices(&pat)
                .map(|(p, _)| from + p)
                .find(|&p| p == 0 || q[..p].ends_with(['\n', ' ']));
            cuts.push(found.unwrap_or(q.len()));
        }
        cuts.push(q.len());
        for (k, &i) in group.iter().enumerate() {
            let part = q[cuts[k]..cuts[k + 1].max(cuts[k])]
                .trim()
                .trim_end_matches(['"', ';'])
                .trim();
            out[i].new_text = (!part.is_empty()).then(|| part.to_string());
        }
    } else {
        out[owner].new_text = Some(q.to_string());
    }
}

type HeadTarget = (
    String,
    InstructionOp,
    Option<u32>,
    Option<u32>,
    Option<String>,
);

/// A head's operation, from its verb (`lower` is the head lowercased); `has_part` when the
/// head names a part of its target.
fn head_op(lower: &str, has_part: bool) -> InstructionOp {
    if lower.contains("тасталсын") {
        InstructionOp::Delete
    } else if lower.contains("ауыстырылсын") {
        InstructionOp::ReplaceWords
    } else if lower.contains("толықтырылсын") {
        if has_part {
            InstructionOp::Append
        } else {
            InstructionOp::Insert
        }
    } else if has_part {
        InstructionOp::ReplacePart
    } else {
        InstructionOp::Replace
    }
}

/// The appendices a head names: the amending act's own source appendix (a dative annex with
/// `осы … сәйкес`), and the numbers of the appendices it amends.
fn head_annexes(head: &str, lower: &str) -> (Option<String>, Vec<String>) {
    let mut source_annex = None;
    let mut annex_targets = Vec::new();
    let is_source_phrase = lower.contains("сәйкес") && lower.contains("осы");
    for c in ANNEX_RE.captures_iter(head) {
        let (Some(n), Some(suf)) = (c.get(1), c.get(2)) else {
            continue;
        };
        let dative = matches!(suf.as_str(), "ға" | "ге");
        if dative && is_source_phrase {
            source_annex = Some(format!("annex_{}", n.as_str()));
        } else {
            annex_targets.push(n.as_str().to_string());
        }
    }
    (source_annex, annex_targets)
}

/// Reads one head's targets and operation.
fn parse_head(head: &str, scope: &str, ctx_para: &mut Option<String>) -> Vec<HeadTarget> {
    let lower = crate::structure::lowercase(head);
    let join = |parts: &[String]| {
        let mut v: Vec<&str> = Vec::new();
        if !scope.is_empty() {
            v.push(scope);
        }
        v.extend(parts.iter().map(String::as_str));
        v.join("__")
    };
    let part_m = PART_RE.captures(head);
    let part = part_m
        .as_ref()
        .and_then(|c| c.get(1))
        .and_then(|m| ordinal(m.as_str()));
    let part_last = part_m
        .as_ref()
        .and_then(|c| c.get(2))
        .and_then(|m| ordinal(m.as_str()));
    let op = head_op(&lower, part.is_some());
    let (source_annex, annex_targets) = head_annexes(head, &lower);
    let mut out = Vec::new();
    if lower.contains("кіріспе") || lower.contains("преамбула") {
        out.push(("preamble".to_string(), op, part, part_last, None));
        return out;
    }
    if !annex_targets.is_empty() {
        for n in annex_targets {
            out.push((
                join(&[format!("annex_{n}")]),
                op,
                part,
                part_last,
                source_annex.clone(),
            ));
        }
        return out;
    }
    if let Some(c) = CHAPTER_RE.captures(head) {
        if let Some(n) = c.get(1) {
            out.push((
                join(&[format!("chp_{}", n.as_str())]),
                op,
                part,
                part_last,
                None,
            ));
            return out;
        }
    }
    let mut paras: Vec<String> = Vec::new();
    for c in PARA_LIST_RE.captures_iter(head) {
        let (Some(list), Some(suf)) = (c.get(1), c.get(2)) else {
            continue;
        };
        let nums: Vec<String> = NUM_SPLIT_RE
            .find_iter(list.as_str())
            .map(|m| m.as_str().to_string())
            .collect();
        if suf.as_str() == "та" || suf.as_str() == "те" {
            // `3-тармақта:` sets the context for the following heads.
            *ctx_para = nums.last().cloned();
            continue;
        }
        paras.extend(nums);
    }
    let subs: Vec<String> = SUBPARA_RE
        .captures_iter(head)
        .filter_map(|c| c.get(1).map(|m| m.as_str().to_string()))
        .collect();
    if !paras.is_empty() {
        if subs.is_empty() {
            *ctx_para = None;
        }
        for p in &paras {
            let mut path = vec![format!("para_{p}")];
            if let Some(s) = subs.first() {
                path.push(format!("subpara_{s}"));
            }
            out.push((join(&path), op, part, part_last, None));
        }
        return out;
    }
    if let Some(s) = subs.first() {
        let mut path = Vec::new();
        if let Some(p) = ctx_para.as_ref() {
            path.push(format!("para_{p}"));
        }
        path.push(format!("subpara_{s}"));
        out.push((join(&path), op, part, part_last, None));
    }
    out
}
