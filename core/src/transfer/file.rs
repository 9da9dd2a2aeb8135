//! Files the user picks or keeps: which import a picked file needs, and sizes in words.

use super::{import_backup, import_csv, ImportError, ImportPreview};
use crate::store::Document;

/// Bytes a browser gives one site's local storage (where Limber keeps everything): 5 MiB.
pub const LOCAL_STORAGE_BYTES: u64 = 5 * 1024 * 1024;

/// A picked file that is not UTF-8 text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "This does not look like a Limber log: the file is not UTF-8 text, so Limber cannot read \
     it. Save it as UTF-8 (plain text) and pick it again."
)]
pub struct NotUtf8;

/// The text of a picked file's bytes, refusing anything that is not UTF-8, so no character is
/// quietly replaced.
///
/// ```
/// use limber_core::transfer::utf8_text;
/// assert_eq!(utf8_text(b"time,pain".to_vec()).unwrap(), "time,pain");
/// assert!(utf8_text(vec![0x74, 0xE9, 0x0A]).is_err());
/// ```
pub fn utf8_text(bytes: Vec<u8>) -> Result<String, NotUtf8> {
    String::from_utf8(bytes).map_err(|_| NotUtf8)
}

/// Previews importing a file the user picked: a `.csv` name is read as a CSV table of
/// entries, a `.json` name as a backup; any other name by its first character (`{` or `[`
/// is a backup, anything else a CSV table). A byte-order mark some editors add is ignored.
pub fn import_file(
    current: &Document,
    file_name: &str,
    text: &str,
    now_ms: i64,
) -> Result<ImportPreview, ImportError> {
    let name = file_name.to_lowercase();
    let without_mark = text.trim_start_matches('\u{feff}');
    let is_backup = if name.ends_with(".json") {
        true
    } else if name.ends_with(".csv") {
        false
    } else {
        without_mark.trim_start().starts_with(['{', '['])
    };
    if is_backup {
        import_backup(current, without_mark, now_ms)
    } else {
        import_csv(current, text, now_ms)
    }
}

/// A size in words, in binary units rounded for people: "0 KB", "12 KB", "1.5 MB", "5 MB",
/// "120 GB". Anything under a kilobyte but not empty shows as "1 KB".
///
/// ```
/// use limber_core::transfer::format_size;
/// assert_eq!(format_size(12 * 1024), "12 KB");
/// assert_eq!(format_size(5 * 1024 * 1024), "5 MB");
/// ```
pub fn format_size(bytes: u64) -> String {
    const KB: u64 = 1024;
    const MB: u64 = KB * 1024;
    const GB: u64 = MB * 1024;
    let (unit, name) = match bytes {
        b if b >= GB => (GB, "GB"),
        b if b >= MB => (MB, "MB"),
        _ => return format!("{} KB", bytes.div_ceil(KB)),
    };
    let tenths = (bytes as f64 * 10.0 / unit as f64).round() as u64;
    if tenths.is_multiple_of(10) || tenths >= 100 {
        format!("{} {name}", (tenths + 5) / 10)
    } else {
        format!("{}.{} {name}", tenths / 10, tenths % 10)
    }
}
