//! `zanlex analyze` prints the tokens with positions (table and JSON); a bad analyzer name is a
//! usage error (exit 2) with a one-line message.

use std::process::Command;

fn zanlex(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_zanlex"))
        .args(args)
        .output()
        .expect("run zanlex")
}

#[test]
fn analyze_json_lists_tokens_with_positions_and_offsets() {
    let out = zanlex(&["analyze", "Үкiметiнiң 14-бабы және тармағына", "--json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // The library's answer, read back typed: the door prints it, it does not shape it.
    let a: zanlex::Analysis = serde_json::from_slice(&out.stdout).expect("an Analysis");
    assert_eq!(a.analyzer, "kk_stem");
    assert_eq!(a.text, "Үкiметiнiң 14-бабы және тармағына");
    let got: Vec<(&str, usize)> = a
        .tokens
        .iter()
        .map(|t| (t.text.as_str(), t.position))
        .collect();
    assert_eq!(
        got,
        [
            ("үкімет", 0),
            ("14-бап", 1),
            ("14", 1),
            ("бап", 1),
            ("тармақ", 3),
        ]
    );
    assert_eq!(a.tokens[0].offset_from, 0);
    assert_eq!(a.tokens[0].offset_to, "Үкiметiнiң".len());
    assert_eq!(a, zanlex::analyze("kk_stem", &a.text).expect("kk_stem"));
}

#[test]
fn analyze_table_and_loose() {
    let out = zanlex(&["analyze", "turaqty turu", "--analyzer", "kk_loose"]);
    assert!(out.status.success());
    let s = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = s.lines().collect();
    assert_eq!(lines[0], "pos\tbytes\ttoken\tsource");
    assert_eq!(lines[1], "0\t0..7\tтурак\tturaqty");
    assert_eq!(lines[2], "1\t8..12\tтур\tturu");
}

#[test]
fn unknown_analyzer_is_a_usage_error() {
    let out = zanlex(&["analyze", "сөз", "--analyzer", "kk_nope"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("unknown analyzer `kk_nope`"), "{err}");
    assert_eq!(err.trim().lines().count(), 1);
}
