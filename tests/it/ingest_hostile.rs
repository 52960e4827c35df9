//! Hostile and accidental input on the way in: file names no other tool would give, files
//! swapped under the walk, a corpus that vanishes, a disk that fills up, metadata and lists
//! built to make the work grow out of bounds. Each test is named after what must hold; bad
//! input always gets one line naming the file and the reason, the rest of the work goes on and
//! nothing already indexed is lost.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::Duration;

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// An act of its own, in Markdown: a title naming `word` and two numbered paragraphs that
/// say it.
fn act(word: &str) -> String {
    format!(
        "# {word} қағидаларын бекіту туралы\n\n\
         ## 1-бап. Жалпы ережелер\n\n\
         1. {word} тармағы осы қағидалармен реттеледі.\n\
         2. Екінші тармақ {word} туралы.\n"
    )
}

/// `search QUERY --json` on the index (refreshed first, as every search is): the number of
/// hits and the command's stderr.
fn search(corpus: &Path, index: &Path, query: &str) -> (u64, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_zanlex"))
        .args(["search", query, "--json", "--exact-total", "--corpus"])
        .arg(corpus)
        .arg("--index")
        .arg(index)
        .output()
        .expect("run zanlex");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|_| panic!("search failed: {}", text(&out.stderr)));
    (v["total"].as_u64().expect("total"), text(&out.stderr))
}

fn index(corpus: &Path, idx: &Path, extra: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_zanlex"))
        .arg("index")
        .arg("--corpus")
        .arg(corpus)
        .arg("--index")
        .arg(idx)
        .args(extra)
        .output()
        .expect("run zanlex index")
}

/// A copy of the bundled corpus in `root`.
fn bundled(root: &Path) -> PathBuf {
    let corpus = root.join("corpus");
    super::common::copy_dir(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("corpus")
            .as_path(),
        &corpus,
    );
    corpus
}

/// `serve --follow` on a corpus holding two links to its own folder
/// starts (it walked the links round and round, at full CPU, and never served).
#[cfg(unix)]
#[test]
fn serve_follow_starts_on_a_corpus_with_links_to_its_own_folder() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let corpus = bundled(tmp.path());
    std::os::unix::fs::symlink(&corpus, corpus.join("self")).expect("link");
    std::os::unix::fs::symlink(".", corpus.join("here")).expect("link");
    let idx = tmp.path().join("index");
    let server = super::serve_api::Server::start(&corpus, &idx, &["--follow", "--watch-secs", "1"]);
    let body: serde_json::Value = reqwest::blocking::get(server.url("/v1/acts"))
        .expect("GET /v1/acts")
        .json()
        .expect("json");
    // Each act once: the links to the corpus's own folder are not read again.
    let n = body["acts"].as_array().map_or(0, Vec::len);
    assert_eq!(n, 5, "{body}");
    // A later look at the corpus (every second) ends as well: the server still answers.
    std::thread::sleep(Duration::from_millis(2500));
    let again = reqwest::blocking::get(server.url("/v1/acts")).expect("GET /v1/acts");
    assert_eq!(again.status(), 200);
}

/// A corpus folder found empty (a share not mounted yet) does not empty
/// an index that holds acts: `index` refuses with one line saying why and what to give, a
/// search answers from the index in force, and `--allow-empty` empties it on purpose.
#[test]
fn an_empty_corpus_does_not_empty_an_index_of_acts_without_allow_empty() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let corpus = bundled(tmp.path());
    let idx = tmp.path().join("index");
    let (before, _) = search(&corpus, &idx, "виза");
    assert!(before > 0);
    // The share goes away: the mount point is an empty folder.
    let away = tmp.path().join("away");
    std::fs::rename(&corpus, &away).expect("move the corpus");
    std::fs::create_dir(&corpus).expect("empty mount point");
    let out = index(&corpus, &idx, &[]);
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("--allow-empty"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    let (during, warned) = search(&corpus, &idx, "виза");
    assert_eq!(during, before, "the index in force answers");
    assert!(warned.contains("--allow-empty"), "{warned}");
    let out = index(&corpus, &idx, &["--allow-empty"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let (after, _) = search(&corpus, &idx, "виза");
    assert_eq!(after, 0);
}

/// A disk that fills up during a refresh or a rebuild gives its space
/// back (the half-written segments or generation are removed), the error says "disk full" in
/// words, and the index in force keeps answering; once there is room, the refresh goes
/// through. A real full disk: a small tmpfs (needs `mount`, root in a sandbox).
#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_frees_what_it_half_wrote_and_keeps_the_index_in_force() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let corpus = bundled(tmp.path());
    let disk = tmp.path().join("disk");
    std::fs::create_dir(&disk).expect("mkdir");
    let mounted = Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=4m", "tmpfs"])
        .arg(&disk)
        .status()
        .is_ok_and(|s| s.success());
    if !mounted {
        eprintln!("skipped: this test needs `mount -t tmpfs` (root in a sandbox)");
        return;
    }
    let outcome = std::panic::catch_unwind(|| full_disk(&corpus, &disk));
    let _ = Command::new("umount").arg(&disk).status();
    if let Err(e) = outcome {
        std::panic::resume_unwind(e);
    }
}

fn full_disk(corpus: &Path, disk: &Path) {
    let idx = disk.join("index");
    let (before, _) = search(corpus, &idx, "виза");
    assert!(before > 0);
    let files_of = |dir: &Path| -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .expect("list")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    };
    let top = files_of(&idx);
    let gen = idx.join(
        std::fs::read_to_string(idx.join("CURRENT"))
            .expect("CURRENT")
            .trim(),
    );
    let gen_files = files_of(&gen);
    // Fill the disk up to the last 150 KB.
    let filler = disk.join("filler");
    {
        use std::io::Write;
        let mut f = std::fs::File::create(&filler).expect("filler");
        let chunk = vec![0u8; 16 * 1024];
        while f.write_all(&chunk).is_ok() {}
        let _ = f.flush();
    }
    let len = std::fs::metadata(&filler).expect("filler").len();
    let f = std::fs::OpenOptions::new()
        .write(true)
        .open(&filler)
        .expect("filler");
    f.set_len(len.saturating_sub(150 * 1024)).expect("truncate");
    drop(f);
    // New acts with many words of their own: more than the room left.
    let words = [
        "Жолбарыс",
        "Арыстан",
        "Пілдер",
        "Түйелер",
        "Қасқырлар",
        "Бүркіттер",
    ];
    for (i, word) in words.iter().enumerate() {
        let mut body = act(word);
        for k in 3..1500 {
            body.push_str(&format!(
                "{k}. Мәтін {k}{i} нөмірі {i}x{k} бойынша {k}ж{i}.\n"
            ));
        }
        std::fs::write(corpus.join(format!("new_{i}.txt")), body).expect("write");
    }
    for extra in [&[][..], &["--force"][..]] {
        let out = index(corpus, &idx, extra);
        let err = text(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{extra:?}: {err}");
        assert!(err.contains("disk full"), "{extra:?}: {err}");
        assert!(!err.contains("index writer was killed"), "{extra:?}: {err}");
        assert_eq!(files_of(&idx), top, "{extra:?}: no generation left behind");
        assert_eq!(
            files_of(&gen),
            gen_files,
            "{extra:?}: no segment left behind"
        );
        let (during, _) = search(corpus, &idx, "виза");
        assert_eq!(during, before, "{extra:?}: the index in force answers");
    }
    std::fs::remove_file(&filler).expect("free the disk");
    let out = index(corpus, &idx, &[]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(search(corpus, &idx, "жолбарыс").0 > 0);
}

/// File names that are not UTF-8 (Windows-1251 names from a zip) each
/// keep a key of their own, made from their bytes: an edit to either is indexed.
#[cfg(target_os = "linux")]
#[test]
fn names_that_are_not_utf8_are_never_merged() {
    use std::os::unix::ffi::OsStrExt;
    let tmp = tempfile::tempdir().expect("temp dir");
    let corpus = tmp.path().join("corpus");
    std::fs::create_dir(&corpus).expect("mkdir");
    let first = corpus.join(std::ffi::OsStr::from_bytes(b"\xc0\xea\xf2.txt"));
    let second = corpus.join(std::ffi::OsStr::from_bytes(b"\xc7\xe0\xea.txt"));
    std::fs::write(&first, act("Жолбарыс")).expect("write");
    std::fs::write(&second, act("Арыстан")).expect("write");
    let idx = tmp.path().join("index");
    let out = index(&corpus, &idx, &[]);
    let said = text(&out.stdout);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(said.contains("2 added"), "{said}");
    assert!(search(&corpus, &idx, "арыстан").0 > 0, "арыстан");
    std::fs::write(&second, act("Қасқыр")).expect("edit");
    let out = index(&corpus, &idx, &[]);
    let said = text(&out.stdout);
    assert!(said.contains("1 updated"), "{said}");
    assert!(search(&corpus, &idx, "қасқыр").0 > 0, "қасқыр");
    assert_eq!(search(&corpus, &idx, "арыстан").0, 0);
    assert!(search(&corpus, &idx, "жолбарыс").0 > 0, "жолбарыс");
}

/// `back\slash.txt` is a name, not the folder `back` and the file
/// `slash.txt`: it does not collide with `back/slash.txt`, and once deleted its act goes.
#[cfg(unix)]
#[test]
fn a_backslash_in_a_name_does_not_collide_with_a_subfolder() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let corpus = tmp.path().join("corpus");
    std::fs::create_dir_all(corpus.join("back")).expect("mkdir");
    std::fs::write(corpus.join("back\\slash.txt"), act("Жолбарыс")).expect("write");
    std::fs::write(corpus.join("back/slash.txt"), act("Арыстан")).expect("write");
    let idx = tmp.path().join("index");
    let out = index(&corpus, &idx, &[]);
    let said = text(&out.stdout);
    assert!(said.contains("2 added"), "{said}");
    assert!(search(&corpus, &idx, "жолбарыс").0 > 0, "жолбарыс");
    std::fs::remove_file(corpus.join("back\\slash.txt")).expect("delete");
    let out = index(&corpus, &idx, &[]);
    let said = text(&out.stdout);
    assert!(said.contains("1 removed"), "{said}");
    assert_eq!(search(&corpus, &idx, "жолбарыс").0, 0);
    assert!(search(&corpus, &idx, "арыстан").0 > 0, "арыстан");
}

/// A `meta.yaml` of deeply nested `[` is refused before it is parsed
/// (parsing took a minute, quadratic in its depth), in one line naming it; the text beside it
/// is indexed without it.
#[test]
fn a_meta_yaml_nested_too_deep_is_refused_before_parsing() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let folder = tmp.path().join("corpus/act");
    std::fs::create_dir_all(&folder).expect("mkdir");
    std::fs::write(folder.join("kaz.md"), act("Жолбарыс")).expect("write");
    std::fs::write(
        folder.join("meta.yaml"),
        format!("title: {}", "[".repeat(200_000)),
    )
    .expect("write");
    let out = index(&tmp.path().join("corpus"), &tmp.path().join("index"), &[]);
    let err = text(&out.stderr);
    assert!(out.status.success(), "{err}");
    let line = err
        .lines()
        .find(|l| l.contains("meta.yaml"))
        .unwrap_or_else(|| panic!("no line names meta.yaml: {err}"));
    assert!(
        line.contains("corpus/act/kaz.md") && line.contains("deep"),
        "{line}"
    );
}

/// A folder's `meta.yaml` is parsed once for all the editions beside it, not once for each
/// (a 53 MB one beside 51 editions took 45 s). Counted, not timed: the fault point makes any
/// second parse in the run panic, which would cost that edition its place in the index.
#[test]
fn a_folder_s_meta_yaml_is_parsed_once_for_all_its_texts() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let folder = tmp.path().join("corpus/act");
    std::fs::create_dir_all(&folder).expect("mkdir");
    std::fs::write(
        folder.join("meta.yaml"),
        "act_code: '104316'\ntitle:\n  kaz: Жолбарыс қағидалары\n",
    )
    .expect("write");
    let editions = 60;
    for i in 0..editions {
        let date =
            chrono::NaiveDate::from_ymd_opt(2000, 1, 1).expect("date") + chrono::Days::new(i * 40);
        std::fs::write(folder.join(format!("kaz_{date}.md")), act("Жолбарыс")).expect("write");
    }
    let out = Command::new(env!("CARGO_BIN_EXE_zanlex"))
        .arg("index")
        .arg("--corpus")
        .arg(tmp.path().join("corpus"))
        .arg("--index")
        .arg(tmp.path().join("index"))
        .env("FAILPOINTS", "parse-folder-meta=1*off->panic")
        .output()
        .expect("run zanlex index");
    let err = text(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(!err.contains("skipped"), "{err}");
    // The fault point is on the way of every parse: failing them all skips every edition.
    let failing = Command::new(env!("CARGO_BIN_EXE_zanlex"))
        .arg("index")
        .arg("--corpus")
        .arg(tmp.path().join("corpus"))
        .arg("--index")
        .arg(tmp.path().join("index-failing"))
        .env("FAILPOINTS", "parse-folder-meta=panic")
        .output()
        .expect("run zanlex index");
    assert_eq!(failing.status.code(), Some(1));
    assert_eq!(
        text(&failing.stderr)
            .lines()
            .filter(|l| l.starts_with("zanlex: skipped corpus/act/kaz_"))
            .count(),
        60
    );
}

/// The files of a folder that can be listed but not entered are named,
/// one line each, not dropped without a word. Run as `nobody` where the tests run as root
/// (root enters any folder).
#[cfg(target_os = "linux")]
#[test]
fn files_in_a_folder_that_cannot_be_entered_are_named() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().expect("temp dir");
    std::fs::set_permissions(tmp.path(), std::fs::Permissions::from_mode(0o777)).expect("chmod");
    let corpus = bundled(tmp.path());
    let locked = corpus.join("locked");
    std::fs::create_dir(&locked).expect("mkdir");
    std::fs::write(locked.join("a.txt"), act("Жолбарыс")).expect("write");
    std::fs::write(locked.join("b.txt"), act("Арыстан")).expect("write");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o444)).expect("chmod");
    let idx = tmp.path().join("index");
    let root = Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| text(&o.stdout).trim() == "0");
    let mut cmd = if root {
        let mut c = Command::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups"]);
        c.arg(env!("CARGO_BIN_EXE_zanlex"));
        c
    } else {
        Command::new(env!("CARGO_BIN_EXE_zanlex"))
    };
    let out = cmd
        .arg("index")
        .arg("--corpus")
        .arg(&corpus)
        .arg("--index")
        .arg(&idx)
        .output()
        .expect("run zanlex");
    let _ = std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755));
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    for name in ["corpus/locked/a.txt", "corpus/locked/b.txt"] {
        let line = err
            .lines()
            .find(|l| l.contains(name))
            .unwrap_or_else(|| panic!("{name} is not named: {err}"));
        assert!(line.contains("can be listed but not entered"), "{line}");
    }
    // The five acts, and the two files named (each keeps its entry, with its reason).
    assert!(
        text(&out.stdout).contains("7 added"),
        "{}",
        text(&out.stdout)
    );
    assert!(err.contains("2 of 7 files could not be indexed"), "{err}");
}

/// A newline in a file name cannot forge lines of zanlex's messages:
/// the name is printed escaped, on the one line that names it.
#[cfg(unix)]
#[test]
fn a_newline_in_a_file_name_cannot_forge_message_lines() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let corpus = tmp.path().join("corpus");
    std::fs::create_dir(&corpus).expect("mkdir");
    std::fs::write(corpus.join("a.txt"), act("Жолбарыс")).expect("write");
    std::fs::write(
        corpus.join("x\nzanlex: skipped forged.txt: all is well\ny.txt"),
        "",
    )
    .expect("write");
    let out = index(&corpus, &tmp.path().join("index"), &[]);
    let err = text(&out.stderr);
    let skipped: Vec<&str> = err
        .lines()
        .filter(|l| l.starts_with("zanlex: skipped"))
        .collect();
    assert_eq!(skipped.len(), 1, "{err}");
    assert!(
        skipped[0].contains("x\\nzanlex: skipped forged.txt"),
        "{err}"
    );
}

/// Every file of an index is written with the permissions the umask
/// gives a new file, as the index's other files are: none private to the user who built it,
/// so another user can read (search) it.
#[cfg(unix)]
#[test]
fn index_files_are_written_with_the_umask_s_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().expect("temp dir");
    let corpus = bundled(tmp.path());
    let idx = tmp.path().join("index");
    assert!(index(&corpus, &idx, &[]).status.success());
    let usual = std::fs::metadata(idx.join("zanlex-index.json"))
        .expect("marker")
        .permissions()
        .mode()
        & 0o777;
    let gen = idx.join(
        std::fs::read_to_string(idx.join("CURRENT"))
            .expect("CURRENT")
            .trim(),
    );
    for entry in std::fs::read_dir(&gen).expect("generation") {
        let entry = entry.expect("entry");
        let mode = entry.metadata().expect("stat").permissions().mode() & 0o777;
        assert_eq!(mode, usual, "{:?}", entry.file_name());
    }
}

/// A text that is one long line (no header the structure stage can
/// close) keeps a title of bounded length, not its whole text, and no index term grows past
/// tantivy's limit (whose warning named no file).
#[test]
fn a_one_line_text_has_a_bounded_title() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let corpus = tmp.path().join("corpus");
    std::fs::create_dir(&corpus).expect("mkdir");
    let line = "Жолбарыс қағидалары туралы сөз ".repeat(40_000);
    std::fs::write(corpus.join("one.txt"), &line).expect("write");
    let (built, _) =
        zanlex::ZanIndex::open_or_build(&corpus, tmp.path().join("built"), &Default::default())
            .expect("built");
    let act = built.acts().expect("acts").remove(0);
    assert!(act.title.chars().count() <= 1001, "{}", act.title.len());
    assert!(act.title.ends_with('…'));
    let out = index(&corpus, &tmp.path().join("index"), &[]);
    let err = text(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(!err.contains("MAX_TOKEN_LEN"), "{err}");
}

/// A text of 2 MB on one line with no structure (a file whose line ends were lost) is cut into
/// units of at most 256 KiB at sentence ends, each cited at the file's one line, in order; the
/// warning says how many; a word at its very end is found in the last unit, not in a hit
/// carrying the whole text.
#[test]
fn a_long_line_is_indexed_as_bounded_units_in_order() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let corpus = tmp.path().join("corpus");
    std::fs::create_dir(&corpus).expect("mkdir");
    // 70 bytes a sentence: 28,000 of them, then one with a word found nowhere else.
    let sentence = "Жолбарыс қағидалары туралы сөз болды. ";
    let line = format!("{}Соңында жирафозавр бар.", sentence.repeat(28_000));
    assert!(!line.contains('\n'));
    std::fs::write(corpus.join("one.txt"), &line).expect("write");
    let out = index(&corpus, &tmp.path().join("index"), &[]);
    let err = text(&out.stderr);
    assert!(out.status.success(), "{err}");
    let built = zanlex::ZanIndex::open(tmp.path().join("index")).expect("opened");
    let act = built.acts().expect("acts").remove(0);
    let eids: Vec<&str> = act.units.iter().map(|u| u.eid.as_str()).collect();
    // The line is cut after every 936th sentence (65,519 bytes, within 64 KiB): 30 pieces;
    // four pieces and their line ends fit in 256 KiB, so 7 units of four and one of two.
    let expected: Vec<String> = (1..=8).map(|i| format!("other_{i}")).collect();
    assert_eq!(eids, expected, "{} bytes", line.len());
    assert!(
        err.contains("one.txt: no structure recognised (no numbered paragraphs, articles or questions); the whole text is indexed as 8 units of its lines in order"),
        "{err}"
    );
    for u in &act.units {
        assert!(u.text.len() <= 256 * 1024, "{}: {}", u.eid, u.text.len());
        assert_eq!((u.span.line_start, u.span.line_end), (1, 1), "{}", u.eid);
    }
    let joined: String = act
        .units
        .iter()
        .map(|u| u.text.replace('\n', " "))
        .collect::<Vec<_>>()
        .join(" ");
    assert_eq!(joined, line, "nothing lost, nothing reordered");
    let found = built
        .search(&zanlex::SearchRequest::new("жирафозавр"))
        .expect("search");
    assert_eq!(found.hits.len(), 1);
    assert_eq!(found.hits[0].unit.eid, "other_8");
    assert!(found.hits[0].text.len() <= 256 * 1024);
}

/// A word of 40,000 letters (a line of one letter, a damaged extraction) is left out of the
/// index with a warning naming the file; tantivy, which would drop it with a warning naming no
/// file, never sees it, and the file's other words are found.
#[test]
fn a_word_no_language_has_is_named_with_its_file_and_left_out() {
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = dir.path().join("corpus");
    std::fs::create_dir_all(&corpus).expect("mkdir");
    let long = "а".repeat(40_000);
    std::fs::write(
        corpus.join("long.md"),
        format!("{}\n3. Ұзын {long} сөз.\n", act("жирафозавр")),
    )
    .expect("write");
    let out = index(&corpus, &dir.path().join("idx"), &[]);
    let err = text(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains("long.md: a word of 80000 bytes is not indexed"),
        "{err}"
    );
    assert!(!err.contains("MAX_TOKEN_LEN"), "{err}");
    let (hits, _) = search(&corpus, &dir.path().join("idx"), "жирафозавр");
    assert_eq!(hits, 2);
    // The paragraph with the long word is found by its other words.
    let (hits, _) = search(&corpus, &dir.path().join("idx"), "ұзын");
    assert_eq!(hits, 1);
}

/// Values of a folder's `meta.yaml` that mean nothing (a date that is no date, a kind zanlex
/// does not know, a list of mappings where names are expected) are each said in one line
/// naming the text and `meta.yaml`, and left out; the rest of the file still applies and the
/// text is indexed.
#[test]
fn hostile_meta_yaml_values_are_each_said_and_left_out() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let folder = tmp.path().join("corpus/act");
    std::fs::create_dir_all(&folder).expect("mkdir");
    std::fs::write(folder.join("kaz.md"), act("Жолбарыс")).expect("write");
    std::fs::write(
        folder.join("meta.yaml"),
        "act_code: '777001'\n\
         title:\n  kaz: Жолбарыс пен барысты қорғау қағидалары\n\
         approved_on: 2020-13-45\n\
         version_date:\n  kaz: 31.02.2020\n\
         kind: space_station\n\
         approved_by:\n- {code: 1}\n",
    )
    .expect("write");
    let corpus = tmp.path().join("corpus");
    let idx = tmp.path().join("index");
    let out = index(&corpus, &idx, &[]);
    let err = text(&out.stderr);
    assert!(out.status.success(), "{err}");
    for (key, value) in [
        ("approved_on", "2020-13-45"),
        ("version_date.kaz", "31.02.2020"),
        ("kind", "space_station"),
        ("approved_by", "code"),
    ] {
        let line = err
            .lines()
            .find(|l| l.contains(key) && l.contains(value))
            .unwrap_or_else(|| panic!("no line says {key} {value}: {err}"));
        assert!(
            line.contains("corpus/act/kaz.md") && line.contains("meta.yaml"),
            "{line}"
        );
    }
    // The rest of the file applies: the act's code and title are the metadata's, and its
    // text is found.
    let out = Command::new(env!("CARGO_BIN_EXE_zanlex"))
        .args(["acts", "--json", "--corpus"])
        .arg(&corpus)
        .arg("--index")
        .arg(&idx)
        .output()
        .expect("run zanlex acts");
    let acts: serde_json::Value = serde_json::from_slice(&out.stdout).expect("acts JSON");
    assert_eq!(acts["acts"][0]["code"], "777001", "{acts}");
    assert_eq!(
        acts["acts"][0]["title"], "Жолбарыс пен барысты қорғау қағидалары",
        "{acts}"
    );
    assert_eq!(acts["acts"][0]["date"], serde_json::Value::Null, "{acts}");
    assert!(search(&corpus, &idx, "жолбарыс").0 > 0);
}
