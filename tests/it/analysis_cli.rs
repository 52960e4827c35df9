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
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["analyzer"], "kk_stem");
    let toks = v["tokens"].as_array().expect("tokens");
    let got: Vec<(String, u64)> = toks
        .iter()
        .map(|t| {
            (
                t["text"].as_str().unwrap_or("").to_string(),
                t["position"].as_u64().unwrap_or(99),
            )
        })
        .collect();
    let want: Vec<(String, u64)> = [
        ("үкімет", 0),
        ("14-бап", 1),
        ("14", 1),
        ("бап", 1),
        ("тармақ", 3),
    ]
    .iter()
    .map(|(a, b)| (a.to_string(), *b))
    .collect();
    assert_eq!(got, want);
    assert_eq!(toks[0]["offset_from"], 0);
    assert_eq!(toks[0]["offset_to"], "Үкiметiнiң".len());
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
