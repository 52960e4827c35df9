//! The corpus's files as zanlex opens and names them.
//!
//! A file is opened without blocking and read only when the open handle says it is a regular
//! file: a name checked when the folder was listed may have become a FIFO since, and opening
//! a FIFO the ordinary way waits for a writer forever.
//!
//! A file is named by a key made from the raw bytes of its path ([`key`]): the same text as
//! the path wherever the path is plain UTF-8, and an escape (`\xC0`, `\\`, `\n`) for each byte
//! that is not, each backslash and each control character. Two paths never share a key, and
//! a key printed in a message stays on its line.

use std::fs::File;
use std::io::{self, Read};
use std::path::{Component, Path};

/// Why a file was not read: it could not be opened or read, or it is not a regular file.
#[derive(Debug)]
pub enum Unreadable {
    /// The file could not be opened or read.
    Io(io::Error),
    /// Not a regular file: what it is (`a FIFO (named pipe), not a regular file`).
    NotRegular(&'static str),
}

impl std::fmt::Display for Unreadable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Unreadable::Io(e) => write!(f, "cannot read it: {}", io_reason(e)),
            Unreadable::NotRegular(what) => write!(f, "{what}; it is not read"),
        }
    }
}

impl From<io::Error> for Unreadable {
    fn from(e: io::Error) -> Self {
        Unreadable::Io(e)
    }
}

/// An I/O error in words: "disk full" where the device has no space left, which the system's
/// own wording ("No space left on device (os error 28)") says less plainly.
pub fn io_reason(e: &io::Error) -> String {
    if is_disk_full(e) {
        return format!("disk full ({e}); free some space and run the command again");
    }
    e.to_string()
}

/// Whether `e` says the device (or the user's quota) has no space left.
pub fn is_disk_full(e: &io::Error) -> bool {
    if matches!(
        e.kind(),
        io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded
    ) {
        return true;
    }
    // Errors wrapped by a library (tantivy writes its own) keep the system's words only.
    let words = e.to_string();
    words.contains("No space left on device") || words.contains("Disk quota exceeded")
}

/// What a file that is neither a regular file nor a folder nor a link is (`a FIFO (named
/// pipe), not a regular file`), for the line naming it; `None` for a regular file.
pub fn special_kind(kind: &std::fs::FileType) -> Option<&'static str> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return Some("a FIFO (named pipe), not a regular file");
        }
        if kind.is_socket() {
            return Some("a socket, not a regular file");
        }
        if kind.is_block_device() || kind.is_char_device() {
            return Some("a device, not a regular file");
        }
    }
    if kind.is_dir() {
        return Some("a folder, not a file");
    }
    (!kind.is_file()).then_some("not a regular file")
}

/// Opens `path` for reading without waiting on it, and hands it back only when the open handle
/// is a regular file (a link is followed to its file).
pub fn open_regular(path: &Path) -> Result<File, Unreadable> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // Without blocking: opening a FIFO with no writer waits forever. On a regular file
        // the flag changes nothing.
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY);
    }
    let file = options.open(path)?;
    let kind = file.metadata()?.file_type();
    match special_kind(&kind) {
        None => Ok(file),
        Some(what) => Err(Unreadable::NotRegular(what)),
    }
}

/// The bytes of the regular file `path` ([`open_regular`]).
pub fn read_regular(path: &Path) -> Result<Vec<u8>, Unreadable> {
    let mut file = open_regular(path)?;
    let mut bytes = Vec::new();
    // The size is a hint only: the file may grow or shrink while it is read.
    if let Ok(md) = file.metadata() {
        bytes.reserve_exact(usize::try_from(md.len()).unwrap_or(0));
    }
    file.read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// The text of the regular file `path` ([`open_regular`]); an error when it is not UTF-8.
pub fn read_regular_to_string(path: &Path) -> Result<String, Unreadable> {
    String::from_utf8(read_regular(path)?)
        .map_err(|e| Unreadable::Io(io::Error::new(io::ErrorKind::InvalidData, e)))
}

/// The key of `path` relative to `parent` (`corpus/a/kaz.md`): `path` without `parent`, its
/// folders joined by `/`, as [`key`] writes them. A path not under `parent` is keyed whole.
pub fn rel_key(path: &Path, parent: &Path) -> String {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        // The walk's paths start with the corpus folder as given: cut its bytes off, as
        // `strip_prefix` would with more work, component by component.
        let (p, parent) = (path.as_os_str().as_bytes(), parent.as_os_str().as_bytes());
        let rest = if parent.is_empty() {
            Some(p)
        } else {
            p.strip_prefix(parent).and_then(|r| r.strip_prefix(b"/"))
        };
        if let Some(rest) = rest.and_then(|r| std::str::from_utf8(r).ok()) {
            let normal = !rest
                .split('/')
                .any(|c| c.is_empty() || c == "." || c == "..");
            if normal && is_plain(rest) {
                return rest.to_string();
            }
        }
    }
    key(path.strip_prefix(parent).unwrap_or(path))
}

/// The key of `path`: its components joined by `/`, each written as [`escape_name`] does.
pub fn key(path: &Path) -> String {
    let mut out = String::new();
    for c in path.components() {
        let part = match c {
            Component::Normal(name) => name,
            Component::RootDir => {
                out.push('/');
                continue;
            }
            Component::CurDir => continue,
            Component::ParentDir => std::ffi::OsStr::new(".."),
            Component::Prefix(p) => p.as_os_str(),
        };
        if !out.is_empty() && !out.ends_with('/') {
            out.push('/');
        }
        escape_name(part, &mut out);
    }
    out
}

/// A path as a message shows it: [`key`], so that it takes one line whatever its bytes.
pub fn shown(path: &Path) -> String {
    key(path)
}

/// Whether `s` is written as itself in a key: no backslash and no control character.
fn is_plain(s: &str) -> bool {
    !s.bytes().any(|b| b < 0x20 || b == 0x7f || b == b'\\')
        && !s.chars().any(|c| ('\u{80}'..='\u{9f}').contains(&c))
}

/// Appends the name `name` to `out`: its text where it is UTF-8, `\\` for a backslash, `\n`,
/// `\t`, `\r` and `\u{1b}` for control characters, `\xC0` for each byte that is not UTF-8.
/// Every escape starts with a backslash and a backslash is always escaped, so two names never
/// give the same text.
pub fn escape_name(name: &std::ffi::OsStr, out: &mut String) {
    #[cfg(unix)]
    let bytes = {
        use std::os::unix::ffi::OsStrExt;
        name.as_bytes()
    };
    #[cfg(not(unix))]
    let lossy = name.to_string_lossy();
    #[cfg(not(unix))]
    let bytes = lossy.as_bytes();
    for chunk in bytes.utf8_chunks() {
        let valid = chunk.valid();
        if is_plain(valid) {
            out.push_str(valid);
        } else {
            for c in valid.chars() {
                if c == '\\' || c.is_control() {
                    out.extend(c.escape_default());
                } else {
                    out.push(c);
                }
            }
        }
        for b in chunk.invalid() {
            out.push_str(&format!("\\x{b:02X}"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_the_path_where_it_is_plain_and_escaped_where_not() {
        let k = |s: &str| key(Path::new(s));
        assert_eq!(k("corpus/a/kaz.md"), "corpus/a/kaz.md");
        assert_eq!(k("corpus/back\\slash.txt"), "corpus/back\\\\slash.txt");
        assert_eq!(k("corpus/a\nb.txt"), "corpus/a\\nb.txt");
        assert_eq!(k("corpus/a\u{1b}[2Jb.txt"), "corpus/a\\u{1b}[2Jb.txt");
        assert_eq!(k("corpus/Қазақ.txt"), "corpus/Қазақ.txt");
        assert_eq!(
            rel_key(Path::new("/x/corpus/a.txt"), Path::new("/x")),
            "corpus/a.txt"
        );
        assert_eq!(
            rel_key(Path::new("/x/corpus/a\\b.txt"), Path::new("/x")),
            "corpus/a\\\\b.txt"
        );
        assert_eq!(
            rel_key(Path::new("corpus/a.txt"), Path::new("/elsewhere")),
            "corpus/a.txt"
        );
    }

    #[cfg(unix)]
    #[test]
    fn names_that_are_not_utf8_get_keys_of_their_own() {
        use std::os::unix::ffi::OsStrExt;
        let p = |b: &[u8]| key(Path::new(std::ffi::OsStr::from_bytes(b)));
        assert_eq!(p(b"c/\xC0\xC1.txt"), "c/\\xC0\\xC1.txt");
        assert_ne!(p(b"c/\xC0.txt"), p(b"c/\xC1.txt"));
        // A name that spells an escape is escaped in turn.
        assert_ne!(p(b"c/\xC0.txt"), p(b"c/\\xC0.txt"));
    }
}
