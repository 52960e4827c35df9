//! What the command line and the server share: text made safe for a terminal, and the lines
//! on stderr that say what opening the index did.

use std::borrow::Cow;
use std::path::Path;
use std::process::ExitCode;

/// `s` with control characters (but line breaks and tabs) written as escapes (`\u{1b}`), for
/// human output on a terminal: text from documents and file names must not move the cursor,
/// clear the screen, retitle the window or open links (`--json` escapes them already).
pub(crate) fn terminal_safe(s: &str) -> Cow<'_, str> {
    let unsafe_char = |c: char| c.is_control() && c != '\n' && c != '\t';
    if !s.chars().any(unsafe_char) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if unsafe_char(c) {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Says on stderr what opening the index in `index_dir` changed: a refresh that failed (the
/// previous index is used), files indexed with a warning, and the build or refresh that was
/// written.
pub(crate) fn report_refresh(index_dir: &Path, report: &zanlex::RefreshReport) {
    if let Some(w) = &report.warning {
        eprintln!("zanlex: {}", terminal_safe(w));
    }
    report_warnings(report);
    if let zanlex::Freshness::Unchecked { since, files } = &report.freshness {
        let minutes = (chrono::Utc::now() - *since).num_minutes().max(0);
        eprintln!(
            "zanlex: the corpus's {files} files were last checked {} ({minutes} min ago) and \
             nothing watches them: changes since are not in the index (`zanlex index` checks \
             them; a running `zanlex serve` or `zanlex watch` sees them)",
            since.format("%Y-%m-%d %H:%M UTC"),
        );
    }
    if report.changed {
        eprintln!(
            "zanlex: {} {} ({} files, {} unit documents)",
            if report.rebuilt { "built" } else { "refreshed" },
            terminal_safe(&index_dir.display().to_string()),
            report.added.len() + report.updated.len() + report.unchanged,
            report.units_indexed
        );
    }
}

/// Prints the files indexed with a problem (a broken sidecar or front matter, no structure
/// recognised), one line each, on stderr.
pub(crate) fn report_warnings(report: &zanlex::RefreshReport) {
    for (file, reason) in &report.warnings {
        eprintln!(
            "zanlex: warning: {}: {}",
            terminal_safe(file),
            terminal_safe(reason)
        );
    }
}

/// Prints every file the index does not hold, one line each with its reason, and their count
/// on stderr; picks the exit code: 1 when there is any, so scripts notice (the rule of every
/// command that reads the corpus; see README "Exit codes").
pub(crate) fn report_failures(report: &zanlex::RefreshReport) -> ExitCode {
    if report.failures.is_empty() {
        return ExitCode::SUCCESS;
    }
    for (file, reason) in &report.failures {
        eprintln!(
            "zanlex: skipped {}: {}",
            terminal_safe(file),
            terminal_safe(reason)
        );
    }
    let n = report.failures.len();
    let total = report.added.len() + report.updated.len() + report.unchanged;
    if total >= n && total > 0 {
        eprintln!("zanlex: {n} of {total} files could not be indexed; the others are");
    } else {
        eprintln!("zanlex: {n} file(s) could not be indexed");
    }
    ExitCode::from(1)
}

/// The entry of zanlex's table of error codes for `err`: the library's error found in its
/// chain; [`zanlex::ErrorCode::Internal`] for anything else.
pub(crate) fn error_code(err: &anyhow::Error) -> zanlex::ErrorCode {
    err.chain()
        .find_map(|e| e.downcast_ref::<zanlex::Error>())
        .map_or(zanlex::ErrorCode::Internal, zanlex::Error::code)
}

#[cfg(test)]
mod tests {
    use super::terminal_safe;

    #[test]
    fn control_characters_are_escaped_for_the_terminal() {
        assert_eq!(terminal_safe("1. Мәтін\n\tары"), "1. Мәтін\n\tары");
        assert_eq!(
            terminal_safe("a\u{1b}]0;title\u{7}b\u{1b}[2Jc\u{9b}d"),
            "a\\u{1b}]0;title\\u{7}b\\u{1b}[2Jc\\u{9b}d"
        );
    }
}
