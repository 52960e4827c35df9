//! Every synthetic act is another act, however many are written: no two share the identity zanlex
//! gives an act, or zanlex refuses the second as an undated edition of the first.
//!
//! zanlex keys an act by its date and number: a text act's header number (the first `№` after
//! its title), a Markdown act's `requisite:` in the front matter or, without one, the stamp of
//! its appendices (`> *№ 19-42-3.3.17 бұйрығына*`); an act with neither is known by its title.
//! Dates are redrawn at random, so the number alone must differ: with a few hundred thousand
//! acts a random date and a random number of a few digits meet again.

use regex::Regex;
use std::collections::HashMap;
use std::path::Path;
use zanlex_scale::{load_templates, Scaler, Template, TemplateFormat};

fn templates() -> Vec<Template> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    load_templates(&[root.join("corpus"), root.join("tests/fixtures/versions")])
        .expect("templates load")
}

/// `№ 19-42-3.3.17`, `N 2688`: the number after the sign, as zanlex's header parser reads it.
fn number_sign() -> Regex {
    Regex::new(r"(?:№|\bN)\s*([0-9][0-9./-]*[0-9]|[0-9])").expect("static regex")
}

/// The key zanlex tells the act apart by: `number:…` or `title:…`.
fn identity(text: &str, format: TemplateFormat, sign: &Regex) -> String {
    match format {
        TemplateFormat::Markdown => {
            let mut lines = text.lines();
            let mut title = None;
            if text.starts_with("---") {
                lines.next();
                for l in lines.by_ref() {
                    if l.trim() == "---" {
                        break;
                    }
                    if let Some(t) = l.strip_prefix("title: ") {
                        title = Some(t.to_string());
                    }
                    if l.starts_with("requisite:") {
                        if let Some(c) = sign.captures(l) {
                            return format!("number:{}", &c[1]);
                        }
                    }
                }
            }
            let body: Vec<&str> = lines.collect();
            let heading = body.iter().find_map(|l| l.strip_prefix("# "));
            let stamp = body
                .iter()
                .filter(|l| l.trim_start().starts_with('>') && !l.contains("Ескерту"))
                .find_map(|l| sign.captures(l));
            match stamp {
                Some(c) => format!("number:{}", &c[1]),
                None => format!("title:{}", title.as_deref().or(heading).unwrap_or("")),
            }
        }
        TemplateFormat::Text => {
            let head: Vec<&str> = text.lines().take(12).collect();
            let first = head.iter().position(|l| !l.trim().is_empty()).unwrap_or(0);
            let title_end = head[first..]
                .iter()
                .position(|l| l.trim().is_empty())
                .map_or(head.len(), |blank| first + blank);
            // The header ends at the first indented line: the body's numbers are not the act's.
            let header: Vec<&str> = head[title_end..]
                .iter()
                .take_while(|l| !l.starts_with("      ") || l.trim().is_empty())
                .copied()
                .collect();
            match sign.captures(&header.join(" ")) {
                Some(c) => format!("number:{}", &c[1]),
                None => format!("title:{}", head[first].trim()),
            }
        }
    }
}

/// Thousands of acts from the real templates, with a budget that only the small ones fit (the
/// ministerial orders known by their appendices' stamps among them): no identity repeats.
#[test]
fn acts_stay_distinct_at_any_count() {
    let t = templates();
    let sign = number_sign();
    let mut scaler = Scaler::new(&t, 1);
    let mut seen: HashMap<String, String> = HashMap::new();
    let mut by_stamp = 0;
    for _ in 0..3000 {
        let act = scaler.next_act(18_000).expect("a template fits");
        let format = t[act.template].format;
        let id = identity(&act.text, format, &sign);
        if format == TemplateFormat::Markdown && id.starts_with("number:") {
            by_stamp += usize::from(!act.text.contains("requisite:"));
        }
        if let Some(other) = seen.insert(id.clone(), act.file_name.clone()) {
            panic!("{other} and {} are both {id}", act.file_name);
        }
    }
    assert!(by_stamp > 500, "{by_stamp} acts known by a stamp");
}

/// Mirror layout: thousands of acts from the smallest template (the short 90315 decision, the
/// only one a 10 kB budget fits), all from one requisite: every act's number, code, folder and
/// titles in both languages are its own, and the requisite's date and number are the ones its
/// texts print (the approval stamp of the decision's appendix).
#[test]
fn mirror_acts_stay_distinct_at_any_count() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let t = zanlex_scale::load_mirror_templates(&[
        root.join("tests/fixtures/mirror"),
        root.join("tests/fixtures/split"),
    ])
    .expect("templates load");
    let sign = number_sign();
    let mut scaler = zanlex_scale::MirrorScaler::new(&t, 1);
    let mut seen: [HashMap<String, String>; 5] = Default::default();
    for _ in 0..2000 {
        let act = scaler.next_act(10_000).expect("a template fits");
        let file =
            |name: &str| -> &str { &act.files.iter().find(|(n, _)| n == name).expect(name).1 };
        let meta = file("meta.yaml");
        let field = |prefix: &str| -> String {
            meta.lines()
                .find_map(|l| l.strip_prefix(prefix))
                .unwrap_or_else(|| panic!("{prefix} in {}", act.dir))
                .trim()
                .to_string()
        };
        let requisite = field("requisite: ");
        let number = sign.captures(&requisite).expect("a number")[1].to_string();
        // `Решение №45-264 от 20.05.2015, …`: the stamp says `№ 45-264 шешімімен` and the
        // decision is dated 20.05.2015 in both.
        assert!(
            file("kaz.md").contains(&format!("№ {number} шешімімен")),
            "{}",
            act.dir
        );
        let dmy = requisite
            .split(" от ")
            .nth(1)
            .and_then(|r| r.split(',').next())
            .expect("a date");
        let iso: Vec<&str> = dmy.split('.').rev().collect();
        assert_eq!(field("approved_on: "), iso.join("-"), "{}", act.dir);
        for (k, id) in [
            number,
            act.code.clone(),
            act.dir.clone(),
            field("  kaz: '"),
            field("  rus: "),
        ]
        .into_iter()
        .enumerate()
        {
            if let Some(other) = seen[k].insert(id.clone(), act.dir.clone()) {
                panic!("{other} and {} share {id}", act.dir);
            }
        }
    }
}
