//! Stage 2: clean lines → an [`Act`] with metadata and a unit tree with stable eids.

use crate::extract::Extracted;
use crate::model::Act;

/// Recognises the act's header and splits its body into units.
pub fn build_act(doc: &Extracted) -> crate::Result<Act> {
    Err(crate::Error::Structure {
        path: doc.source.file.clone().into(),
        reason: "structure not implemented yet".into(),
    })
}
