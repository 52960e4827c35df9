//! Faults around the index: processes killed mid-build, processes racing to build or rebuild
//! one index, damaged index files, an index nobody may write. The previous index stays in
//! force, nothing is left behind for good, and every failure is a clear message.

use crate::common;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn zanlex(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_zanlex"))
        .args(args)
        .output()
        .expect("run zanlex")
}

/// A copy of the bundled corpus and an index path beside it (not built).
fn setup(tmp: &Path) -> (String, String) {
    let corpus = tmp.join("corpus");
    common::copy_dir(Path::new("corpus"), &corpus);
    let idx = tmp.join("index");
    (
        corpus.to_string_lossy().into_owned(),
        idx.to_string_lossy().into_owned(),
    )
}

/// `search --json` for a query, as its total and hits: `total act#eid act#eid …` (the
/// JSON's `took_ms` differs from run to run). It counts every match: a rebuilt index may
/// split its documents into other segments, and the total of a search that skips what
/// cannot rank depends on that split.
fn search_json(c: &str, i: &str, query: &str) -> String {
    let out = zanlex(&[
        "search",
        query,
        "--corpus",
        c,
        "--index",
        i,
        "--json",
        "--limit",
        "5",
        "--exact-total",
    ]);
    assert!(
        out.status.success(),
        "search failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    hits_line(&out.stdout)
}

/// The total and hits of `search --json` output, as `total act#eid act#eid …`.
fn hits_line(json: &[u8]) -> String {
    let v: serde_json::Value = serde_json::from_slice(json).expect("json");
    let mut line = v["total"].to_string();
    for hit in v["hits"].as_array().expect("hits") {
        line.push_str(&format!(
            " {}#{}",
            hit["act"]["id"].as_str().expect("act id"),
            hit["unit"]["eid"].as_str().expect("eid")
        ));
    }
    line
}

/// The generation folders of an index.
fn generations(idx: &Path) -> Vec<String> {
    let mut gens: Vec<String> = std::fs::read_dir(idx)
        .expect("index folder")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("gen-"))
        .collect();
    gens.sort();
    gens
}

fn hit_count(line: &str) -> usize {
    line.split(' ').count() - 1
}

/// Killed just before or just after the switch to the new generation, a rebuild leaves the
/// old index (before) or the new one (after) in force; the next run removes what it left.
#[test]
fn a_rebuild_killed_around_its_switch_leaves_a_whole_index() {
    for point in ["before-publish", "after-publish"] {
        let tmp = tempfile::tempdir().expect("temp dir");
        let (c, i) = setup(tmp.path());
        let before = search_json(&c, &i, "виза");
        assert_eq!(hit_count(&before), 5);
        // The rebuild would drop the FAQ (000), where most visa hits are.
        std::fs::remove_file(
            common::corpus_file("000")
                .file_name()
                .map(|n| Path::new(&c).join(n))
                .expect("name"),
        )
        .expect("remove");
        let out = Command::new(env!("CARGO_BIN_EXE_zanlex"))
            .args(["index", "--force", "--corpus", &c, "--index", &i])
            .env("FAILPOINTS", format!("{point}=return"))
            .output()
            .expect("run zanlex");
        assert!(!out.status.success(), "{point}: the fault hook aborts");
        let idx = PathBuf::from(&i);
        assert_eq!(generations(&idx).len(), 2, "{point}: the old and the new");
        // Searching on the folder as it is, without a corpus to refresh from.
        let gone = tmp.path().join("no-corpus").to_string_lossy().into_owned();
        let now = search_json(&gone, &i, "виза");
        if point == "before-publish" {
            assert_eq!(now, before, "the old generation is still in force");
        } else {
            assert_ne!(now, before, "the new generation is in force");
            assert!(!now.contains("faq-"), "{now}");
        }
        // The next run with the corpus: the index is up to date or refreshed, one generation.
        let after = search_json(&c, &i, "виза");
        assert!(!after.contains("faq-"), "{after}");
        let out = zanlex(&["index", "--corpus", &c, "--index", &i]);
        assert!(out.status.success());
        assert_eq!(generations(&idx).len(), 1, "{point}: leftovers removed");
        assert!(!idx.join("CURRENT.tmp").exists());
    }
}

/// `kill -9` at a spread of moments during a full rebuild: every time, a search afterwards
/// gives the results of before (the corpus did not change), and one generation remains once
/// a build completes.
#[cfg(unix)]
#[test]
fn a_rebuild_killed_at_any_moment_keeps_the_previous_results() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let (c, i) = setup(tmp.path());
    let before = search_json(&c, &i, "тұрақты тұруға рұқсат");
    for delay_ms in [0u64, 5, 20, 60, 120, 200, 300, 450] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_zanlex"))
            .args(["index", "--force", "--corpus", &c, "--index", &i])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn");
        std::thread::sleep(std::time::Duration::from_millis(delay_ms));
        let _ = child.kill();
        let _ = child.wait();
        let gone = tmp.path().join("no-corpus").to_string_lossy().into_owned();
        assert_eq!(
            search_json(&gone, &i, "тұрақты тұруға рұқсат"),
            before,
            "killed after {delay_ms} ms"
        );
    }
    let out = zanlex(&["index", "--force", "--corpus", &c, "--index", &i]);
    assert!(out.status.success());
    assert_eq!(generations(Path::new(&i)).len(), 1);
    assert_eq!(search_json(&c, &i, "тұрақты тұруға рұқсат"), before);
}

/// A reader of processes started together creates `read.lock` in the index folder that a
/// writer has just created and not yet marked as an index: a folder holding only that lock
/// is still an empty folder to build in, not a stranger's folder.
#[test]
fn a_folder_holding_only_a_readers_lock_is_built_in() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let (c, i) = setup(tmp.path());
    std::fs::create_dir_all(&i).expect("index folder");
    std::fs::write(Path::new(&i).join("read.lock"), b"").expect("lock file");
    let out = zanlex(&["search", "виза", "--corpus", &c, "--index", &i, "--json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(hit_count(&hits_line(&out.stdout)), 10);
    // A file of someone else's is still refused.
    let other = tmp.path().join("other");
    std::fs::create_dir_all(&other).expect("folder");
    std::fs::write(other.join("notes.txt"), b"mine").expect("file");
    let out = zanlex(&[
        "search",
        "виза",
        "--corpus",
        &c,
        "--index",
        &other.to_string_lossy(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(other.join("notes.txt").is_file());
}

/// Processes started together on a fresh index: one builds, the others wait for it and
/// find it up to date; all answer the same.
#[test]
fn searches_started_together_on_a_fresh_index_all_answer() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let (c, i) = setup(tmp.path());
    let children: Vec<_> = (0..8)
        .map(|_| {
            Command::new(env!("CARGO_BIN_EXE_zanlex"))
                .args(["search", "виза", "--corpus", &c, "--index", &i, "--json"])
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .expect("spawn")
        })
        .collect();
    let outs: Vec<Output> = children
        .into_iter()
        .map(|ch| ch.wait_with_output().expect("wait"))
        .collect();
    for out in &outs {
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(hits_line(&out.stdout), hits_line(&outs[0].stdout));
    }
    assert_eq!(hit_count(&hits_line(&outs[0].stdout)), 10);
    assert_eq!(generations(Path::new(&i)), ["gen-000001"], "built once");
}

/// Forced rebuilds started together run one after the other, and searches meanwhile read
/// a whole index.
#[test]
fn forced_rebuilds_started_together_all_succeed() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let (c, i) = setup(tmp.path());
    let before = search_json(&c, &i, "виза");
    let builds: Vec<_> = (0..3)
        .map(|_| {
            Command::new(env!("CARGO_BIN_EXE_zanlex"))
                .args(["index", "--force", "--corpus", &c, "--index", &i])
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .expect("spawn")
        })
        .collect();
    for _ in 0..3 {
        assert_eq!(search_json(&c, &i, "виза"), before);
    }
    for b in builds {
        let out = b.wait_with_output().expect("wait");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    assert_eq!(search_json(&c, &i, "виза"), before);
    assert_eq!(generations(Path::new(&i)), ["gen-000004"]);
}

/// The current generation's largest file, bytes overwritten in its middle.
fn damage_index(idx: &Path) -> PathBuf {
    let current = std::fs::read_to_string(idx.join("CURRENT")).expect("CURRENT");
    let gen = idx.join(current.trim());
    let victim = std::fs::read_dir(&gen)
        .expect("generation")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "term"))
        .max_by_key(|p| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0))
        .expect("a .term file");
    let mut bytes = std::fs::read(&victim).expect("read");
    let mid = bytes.len() / 2;
    for b in &mut bytes[mid..mid + 80] {
        *b ^= 0x5a;
    }
    std::fs::write(&victim, bytes).expect("write");
    victim
}

/// Damaged index bytes: `zanlex index` finds them by their checksums and rebuilds, where
/// it used to say "up to date"; a search on a damaged index answers or says what to do,
/// never panics.
#[test]
fn a_damaged_index_is_found_and_rebuilt() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let (c, i) = setup(tmp.path());
    let before = search_json(&c, &i, "виза");
    let victim = damage_index(Path::new(&i));
    let out = zanlex(&["search", "виза", "--corpus", &c, "--index", &i]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success() || stderr.contains("run `zanlex index --force`"),
        "{stderr}"
    );
    let out = zanlex(&["index", "--corpus", &c, "--index", &i]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    let name = victim.file_name().expect("name").to_string_lossy();
    assert!(
        stderr.contains("the index was damaged (checksum mismatch in ")
            && stderr.contains(name.as_ref())
            && stderr.contains("it was rebuilt"),
        "{stderr}"
    );
    assert_eq!(search_json(&c, &i, "виза"), before);
    let out = zanlex(&["index", "--corpus", &c, "--index", &i]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("is up to date"));
}

/// A commit keeps the permissions the index's files had: a refresh by their owner does not
/// lock other users out of an index they could read.
#[cfg(unix)]
#[test]
fn a_refresh_keeps_the_index_files_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().expect("temp dir");
    let (c, i) = setup(tmp.path());
    search_json(&c, &i, "виза");
    let current = std::fs::read_to_string(Path::new(&i).join("CURRENT")).expect("CURRENT");
    let gen = Path::new(&i).join(current.trim());
    for f in ["meta.json", ".managed.json"] {
        std::fs::set_permissions(gen.join(f), std::fs::Permissions::from_mode(0o644))
            .expect("chmod");
    }
    std::fs::write(
        Path::new(&c).join("zz_new.txt"),
        "1-бап. Жаңа ереже\n\nБұл мәтін жаңа визалар туралы.\n",
    )
    .expect("write");
    let out = zanlex(&["index", "--corpus", &c, "--index", &i]);
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("refreshed"));
    for f in ["meta.json", ".managed.json"] {
        let mode = std::fs::metadata(gen.join(f))
            .expect("stat")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o644, "{f}");
    }
}

/// An index in a folder this process cannot write (a read-only mount here; another user's
/// index behaves the same) can be searched: reading takes no write lock.
#[cfg(target_os = "linux")]
#[test]
fn a_read_only_index_can_be_searched() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let (c, i) = setup(tmp.path());
    let before = search_json(&c, &i, "виза");
    let ro = tmp.path().join("ro");
    std::fs::create_dir(&ro).expect("mkdir");
    let mounted = Command::new("mount")
        .args(["--bind", "-o", "ro", &i])
        .arg(&ro)
        .status()
        .is_ok_and(|s| s.success());
    if !mounted {
        eprintln!("skipped: this test needs `mount --bind -o ro` (root in a sandbox)");
        return;
    }
    let r = ro.to_string_lossy().into_owned();
    let probe_failed = std::fs::write(ro.join("probe"), "x").is_err();
    let outcome = std::panic::catch_unwind(|| {
        assert!(probe_failed, "the mount is read-only");
        assert_eq!(search_json(&c, &r, "виза"), before);
    });
    let _ = Command::new("umount").arg(&ro).status();
    if let Err(e) = outcome {
        std::panic::resume_unwind(e);
    }
}

/// A corpus reached through a link (or given as `.`) is named from its folder's real name,
/// the same when scanned as when ingested, so a refresh after one file changed reads that file
/// alone and keeps every other file's documents.
#[cfg(unix)]
#[test]
fn a_linked_corpus_is_refreshed_one_file_at_a_time() {
    use zanlex::{refresh, BuildOptions};
    let tmp = tempfile::tempdir().expect("temp dir");
    let (c, i) = setup(tmp.path());
    let link = tmp.path().join("link");
    std::os::unix::fs::symlink(&c, &link).expect("symlink");
    let idx = Path::new(&i);
    let built = refresh(&link, idx, &BuildOptions::default()).expect("build");
    assert_eq!((built.rebuilt, built.added.len()), (true, 5), "{built:?}");
    let before = search_json(&c, &i, "тұрақты тұруға рұқсат");
    let faq = Path::new(&c).join(common::corpus_file("000").file_name().expect("name"));
    let mut text = std::fs::read_to_string(&faq).expect("read");
    text.push_str("\nҚосымша жол.\n");
    std::fs::write(&faq, text).expect("write");
    let again = refresh(&link, idx, &BuildOptions::default()).expect("refresh");
    assert_eq!(
        (again.rebuilt, again.parsed, again.updated.len()),
        (false, 1, 1),
        "{again:?}"
    );
    assert_eq!(search_json(&c, &i, "тұрақты тұруға рұқсат"), before);
}
