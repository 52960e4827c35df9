//! The progress bar `zanlex index` and first searches draw on a terminal while they build.

use std::path::Path;
use std::sync::OnceLock;

/// A [`zanlex::Progress`] drawn with indicatif on stderr, only when stderr is a terminal.
#[derive(Debug, Default)]
pub(crate) struct Bar {
    bar: OnceLock<indicatif::ProgressBar>,
}

impl Bar {
    fn bar(&self, total: u64) -> &indicatif::ProgressBar {
        self.bar.get_or_init(|| {
            use std::io::IsTerminal;
            if !std::io::stderr().is_terminal() {
                return indicatif::ProgressBar::hidden();
            }
            let bar = indicatif::ProgressBar::new(total);
            if let Ok(style) =
                indicatif::ProgressStyle::with_template("{msg:10} [{bar:30}] {pos}/{len} {elapsed}")
            {
                bar.set_style(style.progress_chars("=> "));
            }
            bar
        })
    }
}

impl zanlex::Progress for Bar {
    fn stage(&self, name: &str, total: u64) {
        let bar = self.bar(total);
        if total > 0 {
            bar.set_length(total);
        }
        bar.set_message(name.to_string());
    }

    fn advance(&self, n: u64) {
        self.bar(0).inc(n);
    }

    fn finish(&self) {
        self.bar(0).finish_and_clear();
    }

    fn waiting(&self, index: &Path) {
        eprintln!(
            "zanlex: waiting for another zanlex process to finish writing {}",
            super::terminal_safe(&index.display().to_string())
        );
    }
}
