//! The files an incremental read parses ([`super::files_to_read`]), against the grouping it
//! replaced: the files linked then and the files linked now grouped apart, then the groups of
//! then that hold a file that changed or is gone, then their groups now. Both must choose the
//! same files for any corpus and any change.

use super::{folder_of, link_key, FileLinks, FolderActs, Groups, Previous, Unlisted};
use crate::model::Lang;
use proptest::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};
use std::collections::{BTreeSet, HashMap};

/// What the previous read had, by name: every file in path order with its links then, and
/// the names of those unchanged.
struct ByName<'a> {
    in_order: Vec<(&'a str, &'a FileLinks)>,
    unchanged: FxHashSet<&'a str>,
}

/// The grouping [`super::files_to_read`] replaced, as it was, reading the previous read by
/// name.
fn reference(
    rels: &[&str],
    previous: &ByName,
    fresh: &HashMap<usize, &FileLinks>,
) -> BTreeSet<usize> {
    let no_act = FileLinks::default();
    let links_then: FxHashMap<&str, &FileLinks> = previous.in_order.iter().copied().collect();
    let now: Vec<(&str, &FileLinks)> = rels
        .iter()
        .enumerate()
        .map(|(i, &rel)| {
            let links = fresh
                .get(&i)
                .copied()
                .or_else(|| links_then.get(rel).copied());
            (rel, links.unwrap_or(&no_act))
        })
        .collect();
    // In path order, as the files now are: a folder's witnesses are its first acts.
    let then = &previous.in_order;
    let (folders_then, folders_now) = (FolderActs::of(then), FolderActs::of(&now));
    let linked_folders: FxHashSet<&str> = folders_then
        .keys()
        .chain(folders_now.keys())
        .copied()
        .filter(|f| FolderActs::links_texts(folders_then.get(f), folders_now.get(f)))
        .collect();
    // The files of the groups of then that hold a file that changed or is gone.
    let mut groups_then = groups_of(then, &linked_folders);
    let touched: BTreeSet<usize> = (0..then.len())
        .filter(|&i| !previous.unchanged.contains(then[i].0))
        .map(|i| groups_then.find(i))
        .collect();
    let touched_then: FxHashSet<&str> = (0..then.len())
        .filter(|&i| touched.contains(&groups_then.find(i)))
        .map(|i| then[i].0)
        .collect();
    // Their groups now, with those of the files that changed or are new.
    let mut groups_now = groups_of(&now, &linked_folders);
    let mut wanted: BTreeSet<usize> = (0..now.len())
        .filter(|&i| fresh.contains_key(&i) || touched_then.contains(now[i].0))
        .map(|i| groups_now.find(i))
        .collect();
    loop {
        let chosen: BTreeSet<usize> = (0..now.len())
            .filter(|&i| wanted.contains(&groups_now.find(i)))
            .collect();
        let witnesses: Vec<usize> = chosen
            .iter()
            .filter(|&&i| now[i].1.is_other_language())
            .filter_map(|&i| folders_now.get(folder_of(now[i].0)))
            .flat_map(|f| f.witnesses.iter().copied())
            .collect();
        let mut more = false;
        for w in witnesses {
            more |= wanted.insert(groups_now.find(w));
        }
        if !more {
            return chosen;
        }
    }
}

/// The grouping of [`reference`]: one file a node.
fn groups_of(files: &[(&str, &FileLinks)], linked_folders: &FxHashSet<&str>) -> Groups {
    let mut g = Groups((0..files.len()).collect());
    let mut first: FxHashMap<u64, usize> =
        FxHashMap::with_capacity_and_hasher(files.len(), Default::default());
    for (i, (rel, links)) in files.iter().enumerate() {
        let folder = Some(folder_of(rel))
            .filter(|f| links.lang.is_some() && linked_folders.contains(f))
            .map(|f| link_key("folder", &[f]));
        for &k in links.has.iter().chain(folder.iter()) {
            match first.get(&k) {
                Some(&j) => g.union(i, j),
                None => {
                    first.insert(k, i);
                }
            }
        }
    }
    for (i, (_, links)) in files.iter().enumerate() {
        for k in &links.seeks {
            if let Some(&j) = first.get(k) {
                g.union(i, j);
            }
        }
    }
    g
}

/// Links from a few keys, so that files share them often.
fn links() -> impl Strategy<Value = FileLinks> {
    let lang = prop_oneof![Just(None), Just(Some(Lang::Kk)), Just(Some(Lang::Ru))];
    let keys = proptest::collection::vec(0u64..6, 0..3);
    (lang, keys.clone(), keys, proptest::option::of(0u64..3)).prop_map(
        |(lang, has, seeks, fixed)| FileLinks {
            fixed_id: fixed.filter(|_| lang == Some(Lang::Kk)),
            lang,
            has,
            seeks,
        },
    )
}

/// What became of a file between the previous read and now.
#[derive(Debug, Clone)]
enum Fate {
    Unchanged,
    Changed(FileLinks),
    Gone,
    New,
}

fn fate() -> impl Strategy<Value = Fate> {
    prop_oneof![
        6 => Just(Fate::Unchanged),
        2 => links().prop_map(Fate::Changed),
        1 => Just(Fate::Gone),
        1 => Just(Fate::New),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn one_grouping_chooses_what_two_chose(
        corpus in proptest::collection::vec((0usize..4, links(), fate()), 1..14)
    ) {
        // Folders whose names share a beginning, one inside another: a folder's files are
        // not all those whose names begin with its own.
        const FOLDERS: [&str; 4] = ["a", "a-b", "a/b", "ab"];
        let paths: Vec<String> = corpus
            .iter()
            .enumerate()
            .map(|(i, (folder, _, _))| format!("corpus/{}/{i:02}.md", FOLDERS[*folder]))
            .collect();
        let mut order: Vec<usize> = (0..corpus.len()).collect();
        order.sort_by(|&a, &b| paths[a].cmp(&paths[b]));
        // Then: every file but the new ones, with its links then.
        let in_order: Vec<(&str, &FileLinks)> = order
            .iter()
            .filter(|&&i| !matches!(corpus[i].2, Fate::New))
            .map(|&i| (paths[i].as_str(), &corpus[i].1))
            .collect();
        let unchanged: FxHashSet<&str> = order
            .iter()
            .filter(|&&i| matches!(corpus[i].2, Fate::Unchanged) && corpus[i].1.lang.is_some())
            .map(|&i| paths[i].as_str())
            .collect();
        // Now: every file but the gone ones; those not unchanged were parsed again.
        let now: Vec<usize> = order
            .iter()
            .copied()
            .filter(|&i| !matches!(corpus[i].2, Fate::Gone))
            .collect();
        let rels: Vec<&str> = now.iter().map(|&i| paths[i].as_str()).collect();
        let fresh: HashMap<usize, &FileLinks> = now
            .iter()
            .enumerate()
            .filter(|(_, &i)| !unchanged.contains(paths[i].as_str()))
            .map(|(k, &i)| {
                let links = match &corpus[i].2 {
                    Fate::Changed(links) => links,
                    _ => &corpus[i].1,
                };
                (k, links)
            })
            .collect();
        // The same, beside the files now.
        let links_then: FxHashMap<&str, &FileLinks> = in_order.iter().copied().collect();
        let previous = Previous {
            then: rels.iter().map(|rel| links_then.get(rel).copied()).collect(),
            unchanged: rels.iter().map(|rel| unchanged.contains(rel)).collect(),
            unlisted: in_order
                .iter()
                .filter(|(rel, _)| !rels.contains(rel))
                .map(|&(rel, links)| Unlisted {
                    rel,
                    links,
                    unchanged: false,
                })
                .collect(),
        };
        let by_name = ByName { in_order, unchanged };
        prop_assert_eq!(
            super::files_to_read(&rels, &previous, &fresh),
            reference(&rels, &by_name, &fresh)
        );
    }
}
