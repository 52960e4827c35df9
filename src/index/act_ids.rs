//! The act ids of one commit, for the ids an unknown id's error suggests: sorted, and an FST
//! over them (the structure of tantivy's term dictionary) searched with a Levenshtein automaton,
//! so that an unknown id costs the few ids near it, never a walk of every act's id.
//!
//! This file uses nothing else of the crate, so that `examples/suggest_cost.rs` can measure it
//! on a synthetic list of ids.

use levenshtein_automata::{Distance, LevenshteinAutomatonBuilder, DFA, SINK_STATE};
use std::sync::LazyLock;
use tantivy_fst::{Automaton, IntoStreamer, Map, Streamer};

/// The longest act id looked at for suggestions, in characters; ids are short slugs of an
/// act's kind, date and number, and a longer one is no act's.
pub const MAX_ACT_ID_CHARS: usize = 200;

/// The most edits (a letter added, left out, changed, or two swapped) between an unknown id and
/// an id suggested for being near it.
const MAX_EDITS: u8 = 2;

/// The longest id searched by edit distance, in characters: the automaton grows with the id
/// (some seventy states a character), and an id longer than any act's is found by its prefix.
const MAX_FUZZY_CHARS: usize = 64;

/// How many ids each way of finding them (those the unknown id begins, those within
/// [`MAX_EDITS`] of it or of their beginning) gives at most.
const FOUND_EACH: usize = 64;

/// How many ids on each side of an unknown id's place in sorted order are compared with it
/// too, so that a short list always has suggestions.
const NEIGHBOURS: usize = 16;

/// The automata's builder: its tables are made once for the process.
static EDITS: LazyLock<LevenshteinAutomatonBuilder> =
    LazyLock::new(|| LevenshteinAutomatonBuilder::new(MAX_EDITS, true));

/// The act ids of one commit: sorted, without repeats, and an FST over them.
pub struct ActIds {
    ids: Vec<String>,
    /// Each id to its place in `ids`; `None` only if the FST could not be built.
    fst: Option<Map<Vec<u8>>>,
}

impl ActIds {
    /// The ids of `ids` (sorted and without repeats, as a term dictionary lists them).
    pub fn new(mut ids: Vec<String>) -> Self {
        ids.sort_unstable();
        ids.dedup();
        let fst = Map::from_iter(
            ids.iter()
                .enumerate()
                .map(|(i, id)| (id.as_bytes(), i as u64)),
        )
        .ok();
        ActIds { ids, fst }
    }

    /// How many ids there are.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// Ids nearest to `id` first: those it begins (a prefix typed, `mvd-order-2012`), then by
    /// edit distance; ties by id. Looked at: the ids it begins, those within [`MAX_EDITS`] of
    /// it or whose beginning is, and its [`NEIGHBOURS`] in sorted order, each bounded, so the
    /// work does not grow with the number of ids. `id` is cut to [`MAX_ACT_ID_CHARS`].
    pub fn nearest(&self, id: &str) -> Vec<&str> {
        let id: String = id
            .trim()
            .to_lowercase()
            .chars()
            .take(MAX_ACT_ID_CHARS)
            .collect();
        let ids = &self.ids;
        let at = ids.partition_point(|c| c.as_str() < id.as_str());
        let mut found: Vec<usize> =
            (at.saturating_sub(NEIGHBOURS)..(at + NEIGHBOURS).min(ids.len())).collect();
        if !id.is_empty() {
            found.extend(
                (at..ids.len())
                    .take_while(|&i| ids[i].starts_with(&id))
                    .take(FOUND_EACH),
            );
        }
        if let Some(fst) = self
            .fst
            .as_ref()
            .filter(|_| id.chars().count() <= MAX_FUZZY_CHARS)
        {
            for dfa in [EDITS.build_dfa(&id), EDITS.build_prefix_dfa(&id)] {
                let mut stream = fst.search(Edits(dfa)).into_stream();
                let mut n = 0;
                while let Some((_, i)) = stream.next() {
                    found.push(usize::try_from(i).unwrap_or(usize::MAX));
                    n += 1;
                    if n == FOUND_EACH {
                        break;
                    }
                }
            }
        }
        found.sort_unstable();
        found.dedup();
        let mut scored: Vec<(bool, usize, &str)> = found
            .into_iter()
            .filter_map(|i| ids.get(i))
            .map(|c| {
                let begins = !id.is_empty() && c.starts_with(&id);
                (!begins, strsim::levenshtein(&id, c), c.as_str())
            })
            .collect();
        scored.sort_unstable();
        scored.into_iter().map(|(_, _, c)| c).collect()
    }
}

/// A Levenshtein DFA as an automaton over the FST's bytes, as tantivy's fuzzy term query reads
/// its term dictionary.
struct Edits(DFA);

impl Automaton for Edits {
    type State = u32;

    fn start(&self) -> u32 {
        self.0.initial_state()
    }

    fn is_match(&self, state: &u32) -> bool {
        matches!(self.0.distance(*state), Distance::Exact(_))
    }

    fn can_match(&self, state: &u32) -> bool {
        *state != SINK_STATE
    }

    fn accept(&self, state: &u32, byte: u8) -> u32 {
        self.0.transition(*state, byte)
    }
}
