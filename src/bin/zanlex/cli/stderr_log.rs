//! The library's log on stderr: warnings (fallbacks that keep a build going) and errors, one
//! line each, as the command's other messages are.

/// Prints records of `warn` level and above as `zanlex: warning: …`.
struct StderrLog;

impl log::Log for StderrLog {
    fn enabled(&self, metadata: &log::Metadata<'_>) -> bool {
        metadata.level() <= log::Level::Warn
    }

    fn log(&self, record: &log::Record<'_>) {
        if self.enabled(record.metadata()) {
            let level = if record.level() == log::Level::Error {
                "error"
            } else {
                "warning"
            };
            let message = record.args().to_string();
            eprintln!("zanlex: {level}: {}", super::terminal_safe(&message));
        }
    }

    fn flush(&self) {}
}

static LOG: StderrLog = StderrLog;

/// Sends the library's log to stderr (once; a second call changes nothing).
pub(crate) fn install() {
    if log::set_logger(&LOG).is_ok() {
        log::set_max_level(log::LevelFilter::Warn);
    }
}
