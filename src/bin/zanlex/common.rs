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

/// A search as typed, before it is checked: the query and the filters' raw values, from the
/// command line's flags or the server's parameters.
#[derive(Debug, Default, Clone)]
pub(crate) struct TypedSearch<'a> {
    pub query: String,
    pub limit: usize,
    pub as_of: Option<&'a str>,
    pub act: Option<&'a str>,
    pub kind: Option<&'a str>,
    pub status: Option<&'a str>,
    pub lang: Option<zanlex::Lang>,
    pub exact_total: bool,
    /// How many matches are counted exactly (the library's default when `None`).
    pub total_bound: Option<usize>,
}

impl TypedSearch<'_> {
    /// Checks the search and makes its request, before the index is touched: the query
    /// parses, the limit is in range, the filters name a date, a kind and a status. Errors
    /// name each value by `name` (`--as-of` for the command line, `as_of` for the server).
    pub(crate) fn request(
        self,
        name: impl Fn(&str) -> String,
    ) -> zanlex::Result<zanlex::SearchRequest> {
        let bad = zanlex::Error::BadArgument;
        let mut req = zanlex::SearchRequest::new(self.query)
            .limit(self.limit)
            .exact_total(self.exact_total);
        if let Some(bound) = self.total_bound {
            req = req.total_bound(bound);
        }
        zanlex::Query::parse(&req.text)?;
        if self.limit == 0 || self.limit > zanlex::MAX_LIMIT {
            return Err(bad(format!(
                "{} {} is out of range; use 1..={}",
                name("limit"),
                self.limit,
                zanlex::MAX_LIMIT
            )));
        }
        if let Some(d) = self.as_of {
            req.as_of = Some(zanlex::date_arg(&name("as_of"), d)?);
        }
        if let Some(k) = self.kind {
            req.kind = Some(
                k.parse::<zanlex::ActKind>()
                    .map_err(|e| bad(format!("{}: {e}", name("kind"))))?,
            );
        }
        if let Some(s) = self.status {
            req.status = Some(
                s.parse::<zanlex::StatusKind>()
                    .map_err(|e| bad(format!("{}: {e}", name("status"))))?,
            );
        }
        req.act = self.act.map(str::to_string);
        req.lang = self.lang;
        Ok(req)
    }
}
