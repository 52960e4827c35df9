//! PDF sources through lopdf.

use super::CleanLine;

/// Extracts and repairs the text of a PDF.
pub fn extract_pdf(bytes: &[u8]) -> Result<Vec<CleanLine>, String> {
    let _ = bytes;
    Err("damaged PDF: not supported yet".into())
}
