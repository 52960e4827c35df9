//! `zanlex-scale --out DIR --mb N [--seed S] [--from DIR]… [--layout flat|mirror]
//! [--editions N] [--amend-fraction F]`: writes a synthetic corpus of N MB for the benchmarks.
//! A development tool: it ships in no release of zanlex.

use clap::{Parser, ValueEnum};
use std::path::PathBuf;
use std::process::ExitCode;

/// Writes a scaled synthetic corpus of Kazakh legal acts for zanlex's benchmarks.
#[derive(Debug, Parser)]
#[command(name = "zanlex-scale", version)]
struct Args {
    /// Folder to write the synthetic acts into (created if missing).
    #[arg(long)]
    out: PathBuf,
    /// Size to write, in MB (10^6 bytes; fractions allowed).
    #[arg(long)]
    mb: f64,
    /// Seed: the same seed and templates give byte-identical output.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Template folders, searched recursively. Flat: .txt and .md files (default: `corpus`
    /// and `tests/fixtures/versions`). Mirror: act folders with meta.yaml, kaz.md and rus.md
    /// (default: `tests/fixtures/mirror` and `tests/fixtures/split`).
    #[arg(long = "from")]
    from: Vec<PathBuf>,
    /// How the acts are laid out: `flat` files (`000042_….txt`, `.md`), or the public
    /// mirror's folders (`<repo>/<category>/…/<year>/<mmdd-slug-code>/` with kaz.md, rus.md,
    /// meta.yaml; long texts split into part files).
    #[arg(long, value_enum, default_value_t = Layout::Flat)]
    layout: Layout,
    /// Mirror layout: write the corpus as a git repository whose history has N commits (the
    /// first adds every act, each later one amends some), for `zanlex index --history`.
    #[arg(long, value_name = "N")]
    editions: Option<u32>,
    /// Mirror layout with --editions: the share of acts each commit after the first amends.
    #[arg(long, default_value_t = 0.02)]
    amend_fraction: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Layout {
    Flat,
    Mirror,
}

fn main() -> ExitCode {
    let args = Args::parse();
    if !(args.mb.is_finite() && args.mb > 0.0) {
        eprintln!(
            "zanlex-scale: --mb must be a positive number, got {}",
            args.mb
        );
        return ExitCode::from(2);
    }
    if args.layout == Layout::Flat && args.editions.is_some() {
        eprintln!("zanlex-scale: --editions needs --layout mirror");
        return ExitCode::from(2);
    }
    if args.editions == Some(0) || !(0.0..=1.0).contains(&args.amend_fraction) {
        eprintln!("zanlex-scale: --editions must be at least 1, --amend-fraction within 0..1");
        return ExitCode::from(2);
    }
    let mut dirs = args.from.clone();
    if dirs.is_empty() {
        let defaults = match args.layout {
            Layout::Flat => ["corpus", "tests/fixtures/versions"],
            Layout::Mirror => ["tests/fixtures/mirror", "tests/fixtures/split"],
        };
        dirs.extend(
            defaults
                .map(PathBuf::from)
                .into_iter()
                .filter(|d| d.is_dir()),
        );
    }
    if args.layout == Layout::Mirror {
        return mirror(&args, &dirs);
    }
    let written = zanlex_scale::load_templates(&dirs).and_then(|templates| {
        zanlex_scale::write_corpus(&templates, &args.out, (args.mb * 1e6) as u64, args.seed)
    });
    finish(written, |report| {
        eprintln!(
            "zanlex-scale: wrote {} acts, {} bytes, {} body tokens, {} novel words into {}",
            report.files,
            report.bytes,
            report.tokens,
            report.novel_words,
            args.out.display()
        );
    })
}

/// The exit status of a run whose outcome is `written`: success, told by `tell`, or failure
/// with its error.
fn finish<T>(written: zanlex_scale::Result<T>, tell: impl FnOnce(T)) -> ExitCode {
    match written {
        Ok(report) => {
            tell(report);
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("zanlex-scale: {e}");
            ExitCode::FAILURE
        }
    }
}

fn mirror(args: &Args, dirs: &[PathBuf]) -> ExitCode {
    let opts = zanlex_scale::MirrorOptions {
        editions: args.editions,
        amend_fraction: args.amend_fraction,
    };
    let written = zanlex_scale::load_mirror_templates(dirs).and_then(|templates| {
        zanlex_scale::write_mirror(
            &templates,
            &args.out,
            (args.mb * 1e6) as u64,
            args.seed,
            &opts,
        )
    });
    finish(written, |r| {
        let repos: Vec<String> = r.repos.iter().map(|(k, v)| format!("{k} {v}")).collect();
        eprintln!(
            "zanlex-scale: wrote {} act folders ({}), {} texts, {} part files of {} split acts, \
             {} files, {} bytes, {} body tokens, {} novel words into {}",
            r.acts,
            repos.join(", "),
            r.texts,
            r.parts,
            r.split_acts,
            r.files,
            r.bytes,
            r.tokens,
            r.novel_words,
            args.out.display()
        );
        if r.commits > 0 {
            let amendments: u32 = r.editions.values().map(|e| e - 1).sum();
            eprintln!(
                "zanlex-scale: history of {} commits: {} amendments of {} acts",
                r.commits,
                amendments,
                r.editions.len()
            );
        }
    })
}
