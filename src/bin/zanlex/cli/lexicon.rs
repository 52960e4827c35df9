//! `zanlex lexicon [WORD]`: the Kazakh↔Russian pairs learned from the corpus's parallel
//! texts, with their counts and G², for a person to check; text or `--json`.

use super::Cli;
use crate::common::terminal_safe;
use std::io::Write;
use std::process::ExitCode;

/// Arguments of `zanlex lexicon`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Only the pairs of this word, Kazakh or Russian (any form: `үкіметтің`, `решения`).
    pub word: Option<String>,
    /// Print one JSON document on stdout instead of a table.
    #[arg(long)]
    pub json: bool,
    /// How many pairs to print, strongest first.
    #[arg(long, default_value_t = zanlex::DEFAULT_LEXICON_LIMIT)]
    pub limit: usize,
}

/// Runs `zanlex lexicon`.
pub fn run(cli: &Cli, args: &Args) -> anyhow::Result<ExitCode> {
    let (index, report) = cli.open_index()?;
    let printed = (|| -> anyhow::Result<()> {
        let list = index.lexicon(args.word.as_deref(), args.limit)?;
        if args.json {
            return super::print_json(&list);
        }
        let mut out = super::answer_out();
        writeln!(
            out,
            "{} of {} pairs learned from {} aligned units",
            list.pairs.len(),
            list.total,
            list.aligned_units
        )?;
        writeln!(out, "kazakh\trussian\ttogether\tkk units\tru units\tG²")?;
        for p in &list.pairs {
            writeln!(
                out,
                "{}\t{}\t{}\t{}\t{}\t{:.2}",
                terminal_safe(&p.kk_word),
                terminal_safe(&p.ru_word),
                p.together,
                p.kk_units,
                p.ru_units,
                p.g2
            )?;
        }
        out.flush()?;
        Ok(())
    })();
    super::finish(&report, printed)
}
