//! `zanlex search`.

use super::Cli;
use std::io::{IsTerminal, Write};
use std::process::ExitCode;
use zanlex::pages::{Budget, SearchArgs, SearchPageRequest};
use zanlex::SearchResults;

/// Arguments of `zanlex search`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The query: words, "phrases"~N, AND/OR/NOT, +/-, (…), act:/kind:/status:/date:/issuer:/
    /// reg:/number: filters; may be left out with a requisite flag (--issuer, --registration,
    /// --number, --date-from, --date-to).
    #[arg(
        num_args = 0..,
        required_unless_present_any = ["issuer", "registration", "number", "date_from", "date_to"]
    )]
    pub query: Vec<String>,
    /// Number of hits.
    #[arg(long, short = 'n', default_value_t = zanlex::DEFAULT_LIMIT as u64)]
    pub limit: u64,
    /// Hits before the first one shown: the best hits after the first N (offset + limit is
    /// at most 1000).
    #[arg(long, value_name = "N")]
    pub offset: Option<u64>,
    /// Print one JSON document (as docs/json.md describes it) on stdout.
    #[arg(long)]
    pub json: bool,
    /// Search the wording valid on this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<String>,
    /// Only this act (an id from `zanlex acts`).
    #[arg(long, value_name = "ID")]
    pub act: Option<String>,
    /// Only acts of this kind (order, joint_order, resolution, law, faq, …).
    #[arg(long, value_name = "K")]
    pub kind: Option<String>,
    /// Only acts with this status (in_force, repealed, unknown).
    #[arg(long, value_name = "S")]
    pub status: Option<String>,
    /// Only acts of this issuer: a code (mfa, government, …) or a name in Kazakh or Russian
    /// ("Министр иностранных дел", "Сыртқы істер министрі").
    #[arg(long, value_name = "NAME")]
    pub issuer: Option<String>,
    /// Only the act with this state registration number (16354).
    #[arg(long, value_name = "N")]
    pub registration: Option<String>,
    /// Only acts with this number of their own (11-1-4/1).
    #[arg(long, value_name = "N")]
    pub number: Option<String>,
    /// Only acts adopted on this day or later (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub date_from: Option<String>,
    /// Only acts adopted on this day or earlier (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub date_to: Option<String>,
    /// Only texts in this language: kk (Kazakh) or ru (Russian); both by default.
    #[arg(long, value_name = "kk|ru")]
    pub lang: Option<String>,
    /// Count every match. Without it a search counts 10,000 matches (`--total-bound`), then
    /// skips those that cannot be among the hits (the hits are the same), and its total is
    /// then "10,000+", a lower bound.
    #[arg(long)]
    pub exact_total: bool,
    /// How many matches are counted exactly before the total becomes "N+" (10,000 by default).
    #[arg(long, value_name = "N")]
    pub total_bound: Option<u64>,
    /// Stop after this many milliseconds of work and show the best hits found by then,
    /// saying the answer is incomplete; no limit by default.
    #[arg(long, value_name = "MS")]
    pub budget_ms: Option<u64>,
}

/// A flag's name as the command line spells it: `as_of` → `--as-of`.
pub(crate) fn flag(name: &str) -> String {
    format!("--{}", name.replace('_', "-"))
}

/// Runs `zanlex search`.
pub fn run(cli: &Cli, args: &Args) -> anyhow::Result<ExitCode> {
    // Check the query and flags before touching the index.
    let query = args.query.join(" ");
    let typed = SearchArgs {
        query: &query,
        offset: args.offset,
        limit: Some(args.limit),
        as_of: args.as_of.as_deref(),
        act: args.act.as_deref(),
        kind: args.kind.as_deref(),
        status: args.status.as_deref(),
        lang: args.lang.as_deref(),
        issuer: args.issuer.as_deref(),
        registration: args.registration.as_deref(),
        number: args.number.as_deref(),
        date_from: args.date_from.as_deref(),
        date_to: args.date_to.as_deref(),
        exact_total: args.exact_total,
        total_bound: args.total_bound,
        ..Default::default()
    };
    // The text shows no references: only `--json` has them resolved.
    let req = SearchPageRequest::parse(&typed, &Budget::LOCAL, flag)?
        .references(args.json)
        .time_limit(args.budget_ms.map(std::time::Duration::from_millis));
    // The search is done while the corpus is checked for changes (done again if the index
    // had to be refreshed).
    let (index, report, page) =
        cli.open_index_with(|index| zanlex::pages::search_page(index, &req, &Budget::LOCAL))?;
    let res = page?.results;
    if res.relaxed {
        eprintln!("zanlex: no unit has all the words; showing units with some of them");
    }
    for s in &res.searched_also {
        eprintln!(
            "zanlex: {:?} is not in the index; searched also for {}",
            s.word,
            s.also.join(", ")
        );
    }
    if !res.read_as.is_empty() {
        let lang = |l: zanlex::Lang| match l {
            zanlex::Lang::Ru => "Russian",
            _ => "Kazakh",
        };
        let read: Vec<String> = res
            .read_as
            .iter()
            .map(|r| format!("{} → {} ({})", r.word, r.read, lang(r.lang)))
            .collect();
        eprintln!(
            "zanlex: Latin letters read as Cyrillic: {}",
            read.join(", ")
        );
    }
    if let Some(place) = res.place.as_ref().filter(|p| !p.has_acts) {
        eprintln!(
            "zanlex: «{}» names a place ({} / {}) the index holds no local act of; searched every place",
            place.words, place.kk, place.ru
        );
    }
    if let Some(several) = &res.several_acts {
        let acts: Vec<String> = several
            .acts
            .iter()
            .map(|a| format!("{} «{}»", a.name, a.act.title))
            .collect();
        eprintln!(
            "zanlex: «{}» names {} acts alike; article {} of each is shown: {}",
            several.named,
            several.acts.len(),
            several.article,
            acts.join("; ")
        );
    }
    if res.incomplete {
        eprintln!(
            "zanlex: the search stopped at its budget of {} ms; these are the best hits found by then, and more may match",
            args.budget_ms.unwrap_or_default()
        );
    }
    if res.hits.is_empty() {
        eprintln!(
            "zanlex: no unit matches {:?}; try fewer or other words, a word without its ending, or fewer filters",
            res.query
        );
    }
    if args.json {
        super::print_json(&res)?;
    } else {
        let mut out = super::answer_out();
        print_text(&mut out, &res, req.search.as_of)?;
        out.flush()?;
    }
    // A one-shot command ends here: the index's maps and the answer are left for the process's
    // exit to release, not unmapped and freed one by one (and the freed pages then handed back
    // by the allocator) just before it.
    std::mem::forget(index);
    std::mem::forget(res);
    Ok(super::report_failures(&report))
}

fn print_text(
    out: &mut impl Write,
    res: &SearchResults,
    as_of: Option<chrono::NaiveDate>,
) -> std::io::Result<()> {
    let tty = std::io::stdout().is_terminal();
    let (open, close, b0, b1) = if tty {
        ("\x1b[1;33m", "\x1b[0m", "\x1b[1m", "\x1b[0m")
    } else {
        ("[", "]", "", "")
    };
    // Highlights are marked with two private-use characters first, so the snippet is made
    // terminal-safe before zanlex's own escape sequences go in.
    const OPEN: &str = "\u{e000}";
    const CLOSE: &str = "\u{e001}";
    let safe = super::terminal_safe;
    for h in &res.hits {
        // A partial hit has only some of the words: said on its first line, where the eye is.
        let partial = if h.partial {
            " · partial: some of the words"
        } else {
            ""
        };
        writeln!(out, "{}. {b0}{}{b1}{partial}", h.rank, safe(&h.citation))?;
        let marked = h.snippet.marked(OPEN, CLOSE);
        let marked = safe(&marked).replace(OPEN, open).replace(CLOSE, close);
        writeln!(out, "   {marked}")?;
        // A question's words the unit does not say, where its article says them.
        if !h.in_article.is_empty() {
            let words: Vec<String> = h
                .in_article
                .iter()
                .map(|m| format!("{} ({})", safe(&m.word), safe(&m.units.join(", "))))
                .collect();
            writeln!(out, "   in its article: {}", words.join("; "))?;
        }
        let mut status = h.act.status.clone();
        if h.unit.status != "live" {
            status.push_str(&format!(", unit {}", h.unit.status));
        }
        let mut line = format!(
            "   {}:{}-{} · {} · {status}",
            h.source.file, h.source.line_start, h.source.line_end, h.lang
        );
        if let Some(p) = h.source.page {
            line.push_str(&format!(" · p. {p}"));
        }
        // The edition the wording is from and when it was in force (the point-in-time rule),
        // and on a date, the unit's state then.
        let edition = match (h.version.id.as_str(), h.version.edition_date) {
            ("current", Some(d)) => d.to_string(),
            (id, _) => id.to_string(),
        };
        line.push_str(&format!(
            " · edition {edition}, in force {} – {}{}",
            h.version.from.map_or("…".into(), |d| d.to_string()),
            h.version.to.map_or("…".into(), |d| d.to_string()),
            if h.version.from_estimated {
                " (start estimated)"
            } else {
                ""
            }
        ));
        if as_of.is_some() || h.version.state != zanlex::TimeState::InForce {
            line.push_str(&format!(" · {}", h.version.state.describe(as_of, None)));
        }
        if h.version.wording_unknown {
            line.push_str(" (a later wording shown)");
        }
        if !h.amendments.is_empty() {
            let am: Vec<String> = h
                .amendments
                .iter()
                .map(|a| {
                    let mut s = String::new();
                    if let Some(d) = a.by.date {
                        s.push_str(&d.format("%d.%m.%Y").to_string());
                    }
                    if let Some(n) = &a.by.number {
                        s.push_str(&format!(" № {n}"));
                    }
                    s.trim().to_string()
                })
                .collect();
            line.push_str(&format!(" · amended {}", am.join(", ")));
        }
        writeln!(out, "{}", safe(&line))?;
        writeln!(out)?;
    }
    // How many match in all: "10,000+" when the search counted that many and stopped counting.
    if !res.hits.is_empty() {
        let units = if res.total == 1 { "unit" } else { "units" };
        writeln!(out, "{} {units} match", res.total_text())?;
    }
    Ok(())
}
