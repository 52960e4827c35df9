//! The `zanlex acts` / `zanlex units` commands over a corpus folder, failures and unknown ids
//! reported (ingesting the folder itself: `src/ingest/corpus_tests.rs`).

use std::process::Command;
use std::sync::OnceLock;

const IDS: [&str; 5] = [
    "faq-qandastardyn-atynan-zhii-qoiylatyn-suraqtar-boiynsha",
    "government-resolution-2022-10-10-807",
    "mfa-mvd-joint-order-2020-09-01-11-1-4-245-611",
    "mfa-order-2018-01-04-11-1-4-1",
    "mvd-order-2012-06-14-352",
];

fn zanlex(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_zanlex"))
        .args(args)
        .output()
        .expect("zanlex runs")
}

/// An index of the real corpus in a temporary folder, built once by `zanlex index`: the
/// commands read their acts from it, and no test writes an index into the repository.
fn real_index() -> &'static str {
    static DIR: OnceLock<(tempfile::TempDir, String)> = OnceLock::new();
    &DIR.get_or_init(|| {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("index").to_string_lossy().into_owned();
        let out = zanlex(&["index", "--index", &path]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        (dir, path)
    })
    .1
}

/// `zanlex ARGS --index <the real corpus's temporary index>`.
fn zanlex_real(args: &[&str]) -> std::process::Output {
    let mut a = args.to_vec();
    a.extend(["--index", real_index()]);
    zanlex(&a)
}

#[test]
fn cli_acts_json_lists_the_corpus() {
    let out = zanlex_real(&["acts", "--json"]);
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON document");
    let acts = v["acts"].as_array().expect("acts");
    let ids: Vec<_> = acts.iter().filter_map(|a| a["id"].as_str()).collect();
    assert_eq!(ids, IDS);
    let a003 = &acts[3];
    assert_eq!(a003["kind"], "order");
    assert_eq!(a003["date"], "2018-01-04");
    assert_eq!(a003["number"], "11-1-4/1");
    assert_eq!(a003["registration"]["number"], "16354");
    assert_eq!(a003["status"]["state"], "in_force");
    assert_eq!(a003["unit_count"], 44);
    assert_eq!(a003["unit_counts"]["paragraph"], 22);
    assert_eq!(acts[4]["status"]["state"], "repealed");
    // The date the repeal took effect is the amendment stage's to compute.
    assert!(acts[4]["status"]["by"]
        .as_str()
        .is_some_and(|b| b.contains("№ 152")));
    assert_eq!(v["failures"].as_array().map(Vec::len), Some(0));
}

#[test]
fn cli_units_prints_the_tree() {
    let out = zanlex_real(&["units", "mfa-order-2018-01-04-11-1-4-1"]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("\n    att_1__para_14-1 "));
    assert!(text.contains("L266-272"));
    assert!(text.contains("att_1__annex_2"));
    assert!(text.contains("[deleted]"));
    assert!(text.trim_end().ends_with(
        "44 units: annex 5, attachment 1, chapter 3, paragraph 22, preamble 1, subparagraph 12"
    ));

    let out = zanlex_real(&["units", "government-resolution-2022-10-10-807", "--json"]);
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON document");
    assert_eq!(v["units"][1]["eid"], "para_1");
    assert_eq!(v["units"][1]["children"][0]["eid"], "para_1__mod_1");
    assert_eq!(v["units"][1]["children"][0]["kind"], "instruction");
    assert_eq!(v["units"][1]["span"]["line_start"], 13);
}

#[test]
fn cli_reports_failures_and_unknown_ids() {
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).expect("mkdir");
    std::fs::copy("corpus/004_46f9999d47256b55.txt", corpus.join("ok.txt")).expect("copy");
    std::fs::write(corpus.join("empty.txt"), b"").expect("empty");
    let c = corpus.to_string_lossy().into_owned();

    let idx = dir.path().join("index").to_string_lossy().into_owned();

    // The first command builds the index and says so; the failure follows.
    let out = zanlex(&["--corpus", &c, "--index", &idx, "acts", "--json"]);
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON still printed");
    assert_eq!(v["acts"].as_array().map(Vec::len), Some(1));
    assert_eq!(v["failures"][0]["file"], "corpus/empty.txt");
    let err = String::from_utf8_lossy(&out.stderr);
    let lines: Vec<_> = err.lines().collect();
    assert_eq!(lines.len(), 3, "{err}");
    assert!(lines[0].starts_with("zanlex: built "), "{err}");
    assert!(
        lines[1].starts_with("zanlex: skipped corpus/empty.txt: "),
        "{err}"
    );
    assert_eq!(
        lines[2],
        "zanlex: 1 of 2 files could not be indexed; the others are"
    );

    // The index is up to date now: the same output, the same failure, from its manifest.
    let again = zanlex(&["--corpus", &c, "--index", &idx, "acts", "--json"]);
    assert_eq!(again.status.code(), Some(1));
    assert_eq!(again.stdout, out.stdout);
    let err_again = String::from_utf8_lossy(&again.stderr);
    assert_eq!(
        err_again.lines().collect::<Vec<_>>(),
        lines[1..],
        "{err_again}"
    );

    // `units`, `history` and `diff` report it too, after their output.
    let act = "mvd-order-2012-06-14-352";
    for args in [
        vec!["units", act],
        vec!["history", act],
        vec!["diff", act, "--from", "2012-06-14", "--to", "2012-06-14"],
    ] {
        let mut a = vec!["--corpus", &c, "--index", &idx];
        a.extend(args);
        let o = zanlex(&a);
        assert_eq!(o.status.code(), Some(1), "{a:?}");
        assert!(String::from_utf8_lossy(&o.stdout).starts_with(act), "{a:?}");
        assert_eq!(o.stderr, again.stderr, "{a:?}");
    }

    let out = zanlex(&["--corpus", &c, "--index", &idx, "units", "no-such-act"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no act with id \"no-such-act\""), "{err}");
    assert!(err.contains("mvd-order-2012-06-14-352"), "{err}");
}

#[test]
fn json_into_a_closed_pipe_ends_quietly() {
    // The reader goes away before zanlex writes (as `| head -c 0` does): no error, exit 0.
    let index = real_index();
    for args in [
        vec!["units", "mfa-order-2018-01-04-11-1-4-1", "--json"],
        vec!["acts", "--json"],
    ] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_zanlex"))
            .args(&args)
            .args(["--index", index])
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("zanlex runs");
        drop(child.stdout.take());
        let out = child.wait_with_output().expect("zanlex ends");
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        assert_eq!(String::from_utf8_lossy(&out.stderr), "", "{args:?}");
    }
}

/// Two orders without requisites in their text (as an export without its header prints
/// them), the 2018 order of the Minister of Foreign Affairs on documents of citizens staying
/// abroad made out for two districts: titles that share their first six words and whose
/// short hash is the same (`6dcd20`), so their ids, cut from the title, came out as one and
/// the second was refused as an undated edition of the first. Both are indexed, each under
/// an id of its own; ids no two acts share stay as they were.
#[test]
fn two_acts_whose_ids_come_out_the_same_are_both_indexed() {
    let real = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/003_0165b7296e38fd1a.txt"),
    )
    .expect("real act");
    let issuance = "Қазақстан Республикасы Сыртқы істер министрінің 2018 жылғы 4 қаңтардағы № 11-1-4\n/1 бұйрығы. Қазақстан Республикасының Әділет министрлігінде 2018 жылғы 13 \nақпанда № 16354 болып тіркелді.\n";
    assert!(real.contains(issuance));
    let title_end = "қағидаларын бекіту туралы";
    let tmp = tempfile::tempdir().expect("temp dir");
    let corpus = tmp.path().join("c");
    std::fs::create_dir_all(&corpus).expect("folder");
    for (file, district) in [("a.txt", "Тасеқо"), ("b.txt", "Баладесе")] {
        let text = real.replacen(issuance, "", 1).replacen(
            title_end,
            &format!("{title_end} ({district} ауданы бойынша)"),
            1,
        );
        std::fs::write(corpus.join(file), text).expect("write");
    }
    // A third act whose id no other shares keeps it.
    std::fs::copy(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/004_46f9999d47256b55.txt"),
        corpus.join("c.txt"),
    )
    .expect("copy");
    let index = crate::common::build_clean(
        &corpus,
        tmp.path().join("index"),
        &zanlex::BuildOptions::default(),
    );
    let mut ids: Vec<(String, String)> = index
        .acts()
        .expect("acts")
        .into_iter()
        .map(|a| (a.source.file.clone(), a.id))
        .collect();
    ids.sort();
    assert_eq!(ids.len(), 3, "{ids:?}");
    let cut = "other-qazaqstan-respublikasynan-tys-zherge-uaqytsha-zhumystarmen-6dcd20-";
    assert!(ids[0].1.starts_with(cut), "{ids:?}");
    assert!(ids[1].1.starts_with(cut), "{ids:?}");
    assert_ne!(ids[0].1, ids[1].1);
    assert_eq!(ids[2].1, "mvd-order-2012-06-14-352");
}

/// The two orders, of 19.03.2020 № 1671 and of 19.03.2012 № 174: the Russian text of
/// the Presidential Administration's order on length of service (mirror act 112888) with each
/// order's requisites and registration printed under its title, as a plain-text export prints
/// them. zanlex reads no requisites from a Russian header, so each id is cut from the title as
/// read (its first six words and six hex digits of the whole title's hash), and these two
/// titles' hashes are the same (`805573`): the second was refused as an undated edition of the
/// first. Both are indexed, each under an id of its own, each with its own requisites.
#[test]
fn the_orders_of_19_03_2020_1671_and_19_03_2012_174_are_both_indexed() {
    let rus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(
        "tests/fixtures/mirror/ministerial/07-ministerial/101001000000-administratsiia-prezidenta\
         /2017/0515-ob-utverzhdenii-pravil-i-uslovii-ischisleniia-stazha-raboty-po-s-112888/rus.md",
    );
    let md = std::fs::read_to_string(rus).expect("real act");
    let mut lines = md
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with("<a "));
    let title = lines
        .next()
        .and_then(|l| l.strip_prefix("# "))
        .expect("title");
    let body: Vec<String> = lines.map(|l| format!("      {l}")).collect();
    let tmp = tempfile::tempdir().expect("temp dir");
    let corpus = tmp.path().join("c");
    std::fs::create_dir_all(&corpus).expect("folder");
    let orders = [
        (
            "a.txt",
            "от 19 марта 2020 года № 1671",
            "27 марта 2020 года № 20400",
        ),
        (
            "b.txt",
            "от 19 марта 2012 года № 174",
            "13 апреля 2012 года № 7621",
        ),
    ];
    for (file, issued, registered) in orders {
        let text = format!(
            "{title}\n\nПриказ Руководителя Администрации Президента Республики Казахстан \
             {issued}. Зарегистрирован в Министерстве юстиции Республики Казахстан \
             {registered}.\n{}\n",
            body.join("\n")
        );
        std::fs::write(corpus.join(file), text).expect("write");
    }
    let index = crate::common::build_clean(
        &corpus,
        tmp.path().join("index"),
        &zanlex::BuildOptions::default(),
    );
    let mut acts: Vec<(String, String, String)> = index
        .acts()
        .expect("acts")
        .into_iter()
        .map(|a| (a.source.file.clone(), a.id, a.title))
        .collect();
    acts.sort();
    assert_eq!(acts.len(), 2, "{acts:?}");
    let cut = "ob-utverzhdenii-pravil-i-uslovii-ischisleniya-805573-";
    for ((file, id, title), (_, issued, registered)) in acts.iter().zip(orders) {
        assert!(id.contains(cut), "{file}: {id}");
        assert!(title.contains(issued), "{file}: {title}");
        assert!(title.contains(registered), "{file}: {title}");
    }
    assert_ne!(acts[0].1, acts[1].1);
}
