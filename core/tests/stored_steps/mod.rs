//! Test helper shared by the storage tests: one write step of the chunked layout carried out
//! on a key-value store, as the app's storage adapter does.

use std::collections::BTreeMap;

use limber_core::store::WriteStep;

/// The key of the index (the document's key without the app's prefix).
pub const INDEX: &str = "document";

/// Carries out `step` on `store`.
pub fn apply(store: &mut BTreeMap<String, String>, step: WriteStep) {
    match step {
        WriteStep::PutChunk { name, text } => {
            store.insert(name, text);
        }
        WriteStep::PutIndex(text) => {
            store.insert(INDEX.into(), text);
        }
        WriteStep::RemoveChunk(name) => {
            store.remove(&name);
        }
    }
}
