//! Swapping a complete new generation in: made durable, published as the current one, and
//! what earlier builds left beside the index removed.

use super::build::parent_dir;
use super::layout::{IndexDir, MARKER};
use crate::error::index_err;
use std::path::Path;

/// Makes the complete new generation `gen` durable and the current one, then removes what
/// earlier builds left; on an error (`written`'s included) `gen` is removed and the index in
/// force stays. Returns what `written` held.
pub(super) fn swap(
    layout: &IndexDir,
    gen: &Path,
    written: crate::Result<usize>,
) -> crate::Result<usize> {
    let index_dir = layout.root();
    let published = written.and_then(|n| {
        make_durable(gen)?;
        layout.publish(gen).map_err(|e| {
            index_err(
                index_dir,
                format!("cannot switch to the new generation: {e}"),
            )
        })?;
        Ok(n)
    });
    if published.is_err() {
        let _ = std::fs::remove_dir_all(gen);
        return published;
    }
    layout.remove_leftovers();
    // Only now: a swapped-out folder of an earlier version may hold the only index there was.
    remove_abandoned_builds(index_dir);
    published
}

/// [`super::durable::make_durable`] on a complete new index, its error naming the folder.
pub(super) fn make_durable(gen: &Path) -> crate::Result<()> {
    super::durable::make_durable(gen)
        .map_err(|e| index_err(gen, format!("cannot sync the new index to disk: {e}")))
}

/// The index folder's own name, as the staging folders of earlier versions carried it.
fn index_name(index_dir: &Path) -> std::borrow::Cow<'_, str> {
    index_dir
        .file_name()
        .map_or_else(|| "index".into(), |n| n.to_string_lossy())
}

/// Removes the folders that builds by earlier versions of zanlex left beside `index_dir`
/// when they were killed (`.index.new-4242`, `.index.old-4242`): those holding zanlex's
/// marker whose process is gone. Best effort, and only where a process can be looked up
/// (`/proc`).
pub(super) fn remove_abandoned_builds(index_dir: &Path) {
    #[cfg(target_os = "linux")]
    {
        // Without /proc mounted every process would look gone.
        if !Path::new("/proc/self").exists() {
            return;
        }
        let name = index_name(index_dir);
        let prefixes = [format!(".{name}.new-"), format!(".{name}.old-")];
        let Ok(entries) = std::fs::read_dir(parent_dir(index_dir)) else {
            return;
        };
        for entry in entries.flatten() {
            let file_name = entry.file_name();
            let Some(pid) = file_name.to_str().and_then(|n| {
                prefixes
                    .iter()
                    .find_map(|p| n.strip_prefix(p.as_str()))
                    .and_then(|pid| pid.parse::<u32>().ok())
            }) else {
                continue;
            };
            let ours = entry.path().join(MARKER).is_file();
            if ours && !Path::new("/proc").join(pid.to_string()).exists() {
                let _ = std::fs::remove_dir_all(entry.path());
            }
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = index_dir;
}
