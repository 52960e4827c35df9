//! Walking a corpus folder: the one walk that ingestion, the index refresh and the server's
//! watch of the corpus all list it with (on `walkdir`).
//!
//! The rule on links: a link that stays inside the corpus is never followed into a folder (the
//! folder is read where it is) and is read when it leads to a file; a link that leaves the
//! corpus is named as skipped, unless [`Walk::follow`] asks for it to be read. Followed
//! folders are read once each, whatever links lead to them, so links that loop end the walk
//! instead of going round for ever.

use crate::files::{shown, special_kind};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

/// How the corpus folder is walked.
#[derive(Debug, Clone, Copy, Default)]
pub struct Walk {
    /// Read symbolic links that lead out of the corpus folder (to files and folders there);
    /// without it they are named as skipped. Links that stay inside are never followed into
    /// folders (the folder is read where it is) and always read as files.
    pub follow: bool,
}

/// The corpus as [`corpus_listing`] finds it: the files to read, and every entry that looks
/// like a source but is not read, with the reason (one line), so that none goes unsaid.
#[derive(Debug, Default)]
pub struct Listing {
    /// Sorted by their bytes ([`sort_paths`]).
    pub files: Vec<PathBuf>,
    /// The stamp of each of `files` (in the same order) as the walk read it: `None` for a
    /// file reached through a symbolic link, or whose entry could not be read (read the
    /// file's own metadata then).
    pub stamps: Vec<Option<FileStamp>>,
    /// (path, reason), sorted by path.
    pub skipped: Vec<(PathBuf, String)>,
    /// The metadata files met ([`crate::extract::sidecar::is_metadata_name`]: `.meta.toml`
    /// sidecars, `meta.yaml`), by path, with their stamps.
    pub metadata: HashMap<std::ffi::OsString, FileStamp>,
    /// The part files of texts the mirror split ([`crate::extract::split`]: `kaz/sec001.md`
    /// beside `kaz.md`), by path, with their stamps: read with their head, never alone.
    pub parts: HashMap<std::ffi::OsString, FileStamp>,
}

/// A file's size and modification time: what tells the index refresh a file may have changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub struct FileStamp {
    /// Bytes.
    pub size: u64,
    /// Nanoseconds since the Unix epoch (0 when unknown).
    pub mtime_ns: u128,
}

impl FileStamp {
    /// The stamp of a file's metadata.
    pub fn of(md: &std::fs::Metadata) -> Self {
        FileStamp {
            size: md.len(),
            mtime_ns: md
                .modified()
                .ok()
                .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                .map_or(0, |d| d.as_nanos()),
        }
    }
}

/// Lists the corpus under `dir`: `.txt`, `.md`, `.pdf` (any case) in `dir` and its subfolders
/// (a checkout of the public mirror keeps one folder per act), in the order of their bytes
/// ([`Listing::files`]). Sidecars (`*.meta.toml`, `meta.yaml`) are listed apart; hidden files
/// and folders, a repository's own documents (`README.md`, `LICENSE`) and other files are left
/// out. Named as skipped, with the reason: a FIFO, socket or device named like a source
/// (opening a FIFO would block), a broken or looping symbolic link, a link leaving the corpus
/// folder (unless `walk.follow`), a folder named like a source that holds none, a subfolder
/// that cannot be listed, a file in a folder that can be listed but not entered. A link to a
/// folder inside the corpus is passed over without a word: its files are read where they are.
/// `dir` itself must be readable.
pub fn corpus_listing(dir: &Path, walk: Walk) -> std::io::Result<Listing> {
    std::fs::read_dir(dir)?;
    let root = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    let mut walker = Walker {
        root: root.clone(),
        walk,
        visited: HashSet::from([root]),
        out: Listing::default(),
        unstamped: Vec::new(),
    };
    walker.tree(dir);
    walker.stamp();
    let mut out = walker.out;
    sort_paths(&mut out.files, &mut out.stamps);
    out.skipped.sort();
    Ok(out)
}

/// A fingerprint of the corpus under `corpus` as zanlex walks it to index it: the paths, sizes
/// and modification times of its sources and metadata files, and what it skips and why. Two
/// walks of an unchanged corpus give the same number; a file added, removed, changed or
/// touched changes it. `None` when the folder cannot be read. What a server watching the
/// corpus compares from one look to the next.
pub fn corpus_fingerprint(corpus: &Path, follow: bool) -> Option<u64> {
    use std::hash::{Hash, Hasher};
    let listing = corpus_listing(corpus, Walk { follow }).ok()?;
    let mut h = std::collections::hash_map::DefaultHasher::new();
    for (path, stamp) in listing.files.iter().zip(&listing.stamps) {
        path.hash(&mut h);
        // A file reached through a link is stamped from its target.
        let stamp = stamp.or_else(|| std::fs::metadata(path).ok().map(|md| FileStamp::of(&md)));
        stamp.hash(&mut h);
    }
    listing.skipped.hash(&mut h);
    let mut metadata: Vec<_> = listing.metadata.iter().chain(&listing.parts).collect();
    metadata.sort_by(|a, b| a.0.cmp(b.0));
    metadata.hash(&mut h);
    Some(h.finish())
}

/// Sorts `paths` by their bytes: the order of the names an index's manifest keys files by
/// ([`crate::files::rel_key`]: a path under the corpus's parent, `/` between folders), so that
/// a listing, a scan and a manifest can be walked side by side rather than looked up in one
/// another. (`a-b/c` comes before `a/b` here, where `Path`'s component order puts it after.)
/// `stamps` (one a path) follow their paths.
pub(crate) fn sort_paths<T>(paths: &mut Vec<PathBuf>, stamps: &mut Vec<T>) {
    debug_assert_eq!(paths.len(), stamps.len());
    let mut both: Vec<(PathBuf, T)> = paths.drain(..).zip(stamps.drain(..)).collect();
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        both.sort_unstable_by(|(a, _), (b, _)| {
            a.as_os_str().as_bytes().cmp(b.as_os_str().as_bytes())
        });
    }
    #[cfg(not(unix))]
    both.sort_by(|a, b| a.0.cmp(&b.0));
    for (p, s) in both {
        paths.push(p);
        stamps.push(s);
    }
}

/// The stamps of `files` (each with its index in the listing), read without following a
/// link. The kernel's work is most of a `zanlex search` on an unchanged large corpus, so a
/// large corpus is stamped on every core.
fn stamps_of(files: Vec<(usize, PathBuf)>) -> Vec<(usize, std::io::Result<FileStamp>)> {
    let stamp = |(i, p): &(usize, PathBuf)| {
        (
            *i,
            std::fs::symlink_metadata(p).map(|md| FileStamp::of(&md)),
        )
    };
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    // Below this, starting threads costs more than the stats.
    const PER_THREAD: usize = 1024;
    if threads < 2 || files.len() < 2 * PER_THREAD {
        return files.iter().map(stamp).collect();
    }
    let chunk = files.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let handles: Vec<_> = files
            .chunks(chunk)
            .map(|part| scope.spawn(move || part.iter().map(stamp).collect::<Vec<_>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    })
}

/// A folder being walked, until the walk leaves it.
struct Open {
    depth: usize,
    path: PathBuf,
    /// Files and skipped entries found before it.
    before: usize,
    /// Its name looks like a source's (`act.txt/`).
    source: bool,
}

struct Walker {
    /// The corpus folder, canonical: where a link leads is compared with it.
    root: PathBuf,
    walk: Walk,
    /// Canonical folders read so far (links followed with `--follow` may loop).
    visited: HashSet<PathBuf>,
    out: Listing,
    /// Files to stamp once the walk is over: (index in `files`, path).
    unstamped: Vec<(usize, PathBuf)>,
}

impl Walker {
    fn found(&self) -> usize {
        self.out.files.len() + self.out.skipped.len()
    }

    /// Walks the tree under `top` (the corpus folder, or a folder outside reached through a
    /// followed link).
    fn tree(&mut self, top: &Path) {
        let mut open: Vec<Open> = Vec::new();
        let mut entries = walkdir::WalkDir::new(top)
            .follow_links(false)
            .follow_root_links(true)
            .into_iter()
            .filter_entry(|e| {
                e.depth() == 0 || !e.file_name().as_encoded_bytes().starts_with(b".")
            });
        while let Some(entry) = entries.next() {
            let entry = match entry {
                Ok(entry) => entry,
                Err(e) => {
                    let path = e.path().unwrap_or(top).to_path_buf();
                    let why = e
                        .io_error()
                        .map_or_else(|| e.to_string(), crate::files::io_reason);
                    let what = if crate::extract::is_source_file(&path) {
                        "cannot read its type"
                    } else {
                        "cannot list this folder"
                    };
                    self.skip(&path, format!("{what}: {why}"));
                    continue;
                }
            };
            let depth = entry.depth();
            while open.last().is_some_and(|o| o.depth >= depth) {
                self.close(open.pop());
            }
            let path = entry.path();
            let kind = entry.file_type();
            if depth == 0 {
                if self.walk.follow {
                    // Folders reached through links may hold links back to where the walk
                    // has been.
                    if let Ok(canonical) = std::fs::canonicalize(path) {
                        self.visited.insert(canonical);
                    }
                }
                continue;
            }
            let name = entry.file_name().to_string_lossy();
            if crate::extract::sidecar::is_metadata_name(&name) {
                // Stamped here, as sources are (a link is followed).
                let md = if kind.is_symlink() {
                    std::fs::metadata(path)
                } else {
                    entry.metadata().map_err(std::io::Error::other)
                };
                if let Some(md) = md.ok().filter(|md| md.is_file()) {
                    self.out
                        .metadata
                        .insert(path.as_os_str().to_owned(), FileStamp::of(&md));
                }
                continue;
            }
            let source = crate::extract::is_source_file(path);
            if kind.is_dir() && self.split_parts(path, &name) {
                entries.skip_current_dir();
                continue;
            }
            if kind.is_dir() {
                if self.walk.follow {
                    if let Ok(canonical) = std::fs::canonicalize(path) {
                        self.visited.insert(canonical);
                    }
                }
                open.push(Open {
                    depth,
                    path: path.to_path_buf(),
                    before: self.found(),
                    source,
                });
            } else if kind.is_symlink() {
                self.link(path, source);
            } else if source {
                match special_kind(&kind) {
                    None => {
                        self.unstamped
                            .push((self.out.files.len(), path.to_path_buf()));
                        self.out.files.push(path.to_path_buf());
                        self.out.stamps.push(None);
                    }
                    Some(what) => self.skip(path, format!("{what}; it is not read")),
                }
            }
        }
        while let Some(o) = open.pop() {
            self.close(Some(o));
        }
    }

    /// The parts of a text the public mirror split because it is too large for one file
    /// (`kaz.md` holds its head and the list of parts, `kaz/sec001.md` … the rest): stamped
    /// for the head, which reads them ([`crate::extract::split`]), and not listed as sources
    /// of their own. Returns whether `dir` (named `name`) is such a folder of parts.
    fn split_parts(&mut self, dir: &Path, name: &str) -> bool {
        let lang = match name {
            "kaz" | "rus" => name,
            _ => return false,
        };
        let whole = dir.with_file_name(format!("{lang}.md"));
        if !whole.is_file() {
            return false;
        }
        let Ok(entries) = std::fs::read_dir(dir) else {
            return false;
        };
        for e in entries.flatten() {
            let p = e.path();
            if !crate::extract::is_source_file(&p) {
                continue;
            }
            match std::fs::metadata(&p) {
                Ok(md) if md.is_file() => {
                    self.out.parts.insert(p.into_os_string(), FileStamp::of(&md));
                }
                _ => self.skip(
                    &p,
                    format!("is a part of {lang}.md beside it, and cannot be read; the text is indexed without it"),
                ),
            }
        }
        true
    }

    /// The walk has left folder `o`: a folder named like a source that held nothing is named.
    fn close(&mut self, o: Option<Open>) {
        if let Some(o) = o {
            if o.source && self.found() == o.before {
                self.skip(
                    &o.path,
                    "is a folder, not a file, and holds no .txt, .md or .pdf file".into(),
                );
            }
        }
    }

    /// Stamps the files listed from their folders. A file whose folder can be listed but not
    /// entered cannot be stamped (nor read): it is named as skipped, not dropped.
    fn stamp(&mut self) {
        let mut unreadable: Vec<usize> = Vec::new();
        for (i, stamp) in stamps_of(std::mem::take(&mut self.unstamped)) {
            match stamp {
                Ok(s) => self.out.stamps[i] = Some(s),
                // Gone since the listing: the caller finds it gone.
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => {
                    let why = if e.kind() == std::io::ErrorKind::PermissionDenied {
                        format!("cannot be read: its folder can be listed but not entered ({e})")
                    } else {
                        format!("cannot be read: {}", crate::files::io_reason(&e))
                    };
                    self.out.skipped.push((self.out.files[i].clone(), why));
                    unreadable.push(i);
                }
            }
        }
        if !unreadable.is_empty() {
            let drop: HashSet<usize> = unreadable.into_iter().collect();
            let mut k = 0;
            self.out.stamps.retain(|_| {
                k += 1;
                !drop.contains(&(k - 1))
            });
            let mut k = 0;
            self.out.files.retain(|_| {
                k += 1;
                !drop.contains(&(k - 1))
            });
        }
    }

    /// A symbolic link: read when it leads to a file inside the corpus (or anywhere, with
    /// `follow`), walked as a folder when it leads out of the corpus and `follow` is given.
    fn link(&mut self, path: &Path, source: bool) {
        let target = match std::fs::canonicalize(path) {
            Ok(t) => t,
            Err(e) if source => {
                let why = if is_loop(&e) {
                    "is a symbolic link that loops".to_string()
                } else if e.kind() == std::io::ErrorKind::NotFound {
                    format!(
                        "is a broken symbolic link (to {}, which does not exist)",
                        shown(&std::fs::read_link(path).unwrap_or_default())
                    )
                } else {
                    format!("is a symbolic link that cannot be followed: {e}")
                };
                self.skip(path, why);
                return;
            }
            Err(_) => return,
        };
        let inside = target.starts_with(&self.root);
        let Ok(md) = std::fs::metadata(&target) else {
            return;
        };
        if md.is_dir() {
            if inside {
                return;
            }
            if !self.walk.follow {
                self.skip(
                    path,
                    format!(
                        "is a link to the folder {}, outside the corpus; not followed (give --follow to read it)",
                        shown(&target)
                    ),
                );
            } else if !self.visited.insert(target) {
                self.skip(
                    path,
                    "is a link back to a folder already read (a loop); not followed".into(),
                );
            } else {
                self.tree(path);
            }
            return;
        }
        if !source {
            return;
        }
        if let Some(what) = special_kind(&md.file_type()) {
            self.skip(path, format!("is a link to {what}; it is not read"));
        } else if inside || self.walk.follow {
            self.out.files.push(path.to_path_buf());
            self.out.stamps.push(None);
        } else {
            self.skip(
                path,
                format!(
                    "is a link to {}, outside the corpus; not followed (give --follow to read it)",
                    shown(&target)
                ),
            );
        }
    }

    fn skip(&mut self, path: &Path, reason: String) {
        self.out.skipped.push((path.to_path_buf(), reason));
    }
}

/// Whether `e` says "too many levels of symbolic links".
fn is_loop(e: &std::io::Error) -> bool {
    #[cfg(target_os = "linux")]
    return rustix::io::Errno::from_io_error(e) == Some(rustix::io::Errno::LOOP);
    #[cfg(not(target_os = "linux"))]
    return e.to_string().contains("symbolic links");
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Paths come out in the order of the names a manifest keys them by (`rel_key`, compared
    /// as strings), whatever bytes below or above the separator their names have, and each
    /// stamp stays with its path.
    #[test]
    fn paths_sort_as_a_manifest_orders_their_names() {
        use proptest::collection::vec;
        use proptest::strategy::Strategy;
        let name =
            proptest::string::string_regex("[a-b\\- _0][a-b.\\- _0]{0,2}").expect("a pattern");
        let path =
            vec(name, 1..4).prop_map(|parts| PathBuf::from("/c/corpus").join(parts.join("/")));
        crate::property::check(200, vec(path, 0..30), |mut paths| {
            // Each path once, in the order drawn.
            let mut seen = HashSet::new();
            paths.retain(|p| seen.insert(p.clone()));
            let key = |p: &PathBuf| crate::files::rel_key(p, Path::new("/c"));
            let mut want: Vec<String> = paths.iter().map(key).collect();
            want.sort();
            let mut stamps: Vec<String> = paths.iter().map(key).collect();
            sort_paths(&mut paths, &mut stamps);
            assert_eq!(paths.iter().map(key).collect::<Vec<_>>(), want);
            assert_eq!(stamps, want);
        });
    }

    /// The order differs from `Path`'s where a name holds a byte below the separator.
    #[test]
    fn a_name_with_a_dash_comes_before_its_shorter_neighbour_s_folder() {
        let mut paths = vec![PathBuf::from("c/a/kaz.md"), PathBuf::from("c/a-2/kaz.md")];
        let mut stamps = vec![0, 1];
        sort_paths(&mut paths, &mut stamps);
        assert_eq!(
            paths,
            [PathBuf::from("c/a-2/kaz.md"), PathBuf::from("c/a/kaz.md")]
        );
        assert_eq!(stamps, [1, 0]);
    }

    /// A corpus large enough to be stamped on several threads: each file gets its own stamp,
    /// in the listing's order.
    #[test]
    fn a_large_folder_s_files_each_get_their_own_stamp() {
        let dir = tempfile::tempdir().expect("temporary folder");
        let corpus = dir.path().join("corpus");
        std::fs::create_dir(&corpus).expect("folder");
        for i in 0..2100 {
            std::fs::write(corpus.join(format!("{i:04}.txt")), "x".repeat(i % 97)).expect("write");
        }
        std::fs::write(corpus.join("0007.meta.toml"), "title = \"x\"\n").expect("write");
        let listing = corpus_listing(&corpus, Walk::default()).expect("listing");
        assert_eq!(listing.files.len(), 2100);
        assert_eq!(listing.stamps.len(), 2100);
        for (path, stamp) in listing.files.iter().zip(&listing.stamps) {
            let md = std::fs::metadata(path).expect("metadata");
            assert_eq!(*stamp, Some(FileStamp::of(&md)), "{}", path.display());
        }
        assert_eq!(listing.metadata.len(), 1);
        let sidecar = corpus.join("0007.meta.toml").into_os_string();
        assert!(listing.metadata.contains_key(&sidecar));
    }

    /// Links to the corpus's own folder are passed over, with `follow` or without: the walk
    /// ends, and finds each file once.
    #[cfg(unix)]
    #[test]
    fn links_to_the_corpus_s_own_folder_end_the_walk() {
        let dir = tempfile::tempdir().expect("temporary folder");
        let corpus = dir.path().join("corpus");
        std::fs::create_dir_all(corpus.join("sub")).expect("folder");
        std::fs::write(corpus.join("a.txt"), "1. Мәтін.\n").expect("write");
        std::fs::write(corpus.join("sub/b.txt"), "1. Мәтін.\n").expect("write");
        std::os::unix::fs::symlink(&corpus, corpus.join("self")).expect("link");
        std::os::unix::fs::symlink("..", corpus.join("sub/up")).expect("link");
        for follow in [false, true] {
            let listing = corpus_listing(&corpus, Walk { follow }).expect("listing");
            assert_eq!(listing.files.len(), 2, "{:?}", listing.files);
            assert!(listing.skipped.is_empty(), "{:?}", listing.skipped);
            assert!(corpus_fingerprint(&corpus, follow).is_some());
        }
    }
}
