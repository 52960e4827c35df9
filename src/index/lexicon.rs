//! The lexicon stored with the index ([`crate::lexicon`]): learned from the acts of a commit
//! that have both a Kazakh and a Russian expression, and written beside that commit in its
//! generation folder (`zanlex-lexicon.json`), which names the commit it was learned from (its
//! segments and their deletions). A reader takes the file when it names the commit it reads,
//! and otherwise (an index written before lexicons, a process killed between the commit and
//! the file, a reader on an older commit) learns the lexicon again from the index, once per
//! commit: a search never uses a lexicon of other texts than it searches.

use super::{Fields, Store};
use crate::lexicon::learn::Learner;
use crate::lexicon::Lexicon;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;
use tantivy::{Index, Searcher};

/// The file's name in a generation folder.
pub(crate) const LEXICON_FILE: &str = "zanlex-lexicon.json";

/// The version of the file's layout; a file of another is learned again.
const FORMAT: u32 = 1;

/// What the file holds.
#[derive(Serialize, Deserialize)]
struct StoredLexicon {
    format: u32,
    /// The commit learned from ([`commit_key`]).
    commit: String,
    lexicon: Lexicon,
}

/// A commit's key: its segments and how many documents each has deleted, in order.
fn commit_key(searcher: &Searcher) -> String {
    let mut segments: Vec<String> = searcher
        .segment_readers()
        .iter()
        .map(|s| format!("{}:{}", s.segment_id().uuid_string(), s.num_deleted_docs()))
        .collect();
    segments.sort();
    segments.join(",")
}

/// Learns the lexicon of the acts in `store` that have both expressions.
pub(crate) fn learn(store: &Store) -> crate::Result<Lexicon> {
    let mut languages: BTreeMap<String, (bool, bool)> = BTreeMap::new();
    store.for_each_act_outline(|act| {
        let has = languages.entry(act.id).or_default();
        match act.lang {
            crate::model::Lang::Kk => has.0 = true,
            crate::model::Lang::Ru => has.1 = true,
        }
        Ok(())
    })?;
    let mut learner = Learner::default();
    for (id, _) in languages.into_iter().filter(|(_, has)| has.0 && has.1) {
        // Kazakh first ([`Store::expressions`]).
        if let [kk, ru] = store.expressions(&id)?.as_slice() {
            learner.add_act(kk, ru);
        }
    }
    Ok(learner.finish())
}

/// Learns the lexicon of the last commit of `index` and writes it into its generation folder
/// `gen` (through a temporary file renamed over the last one). A lexicon that cannot be
/// learned or written is left to readers to learn: the commit stands, and the reason is
/// logged.
pub(super) fn write_beside(index: &Index, fields: &Fields, gen: &Path) {
    let written = (|| -> crate::Result<()> {
        let store = Store::from_parts(gen, index.clone(), fields.clone(), None)?;
        let lexicon = learn(&store)?;
        let stored = StoredLexicon {
            format: FORMAT,
            commit: commit_key(&store.searcher()),
            lexicon,
        };
        let json = serde_json::to_vec(&stored).map_err(|e| super::build::index_err(gen, e))?;
        let tmp = gen.join(format!(".tmp-{LEXICON_FILE}"));
        std::fs::write(&tmp, json)?;
        std::fs::rename(&tmp, gen.join(LEXICON_FILE))?;
        Ok(())
    })();
    if let Err(e) = written {
        log::warn!("the lexicon could not be stored with the index ({e}); searches learn it");
    }
}

impl Store {
    /// The Kazakh↔Russian lexicon of the texts this index searches: the one stored with its
    /// commit, or learned again from its acts when none names this commit; once per commit.
    pub fn lexicon(&self) -> crate::Result<Arc<Lexicon>> {
        let searcher = self.searcher();
        self.per_generation(&searcher, || {
            use tantivy::Directory;
            let commit = commit_key(&searcher);
            let stored = self
                .index
                .directory()
                .atomic_read(Path::new(LEXICON_FILE))
                .ok()
                .and_then(|bytes| serde_json::from_slice::<StoredLexicon>(&bytes).ok())
                .filter(|s| s.format == FORMAT && s.commit == commit);
            match stored {
                Some(mut s) => {
                    s.lexicon.reindex();
                    Ok(s.lexicon)
                }
                None => self.guarded(|| learn(self)),
            }
        })
    }
}
