//! Picked files: the import is chosen by name or content, and sizes read well.

use limber_core::log::{Entry, Timestamp};
use limber_core::store::Document;
use limber_core::transfer::{format_size, import_file, ImportError};

const CSV: &str = "time,pain\n2026-11-24T08:30:00+01:00,6\n";

fn backup() -> String {
    let mut document = Document::default();
    let entry = Entry::new("b1", Timestamp::new(1_764_000_000_000, 60), 4);
    document.log.add_entry(entry, 1).unwrap();
    document.to_json()
}

#[test]
fn the_name_decides_first() {
    let here = Document::default();
    assert_eq!(
        import_file(&here, "log.CSV", CSV, 9).unwrap().new_entries,
        1
    );
    assert_eq!(
        import_file(&here, "b.json", &backup(), 9)
            .unwrap()
            .new_entries,
        1
    );
    assert!(matches!(
        import_file(&here, "log.json", CSV, 9),
        Err(ImportError::NotABackup(_))
    ));
    assert_eq!(
        import_file(&here, "data.csv", &backup(), 9),
        Err(ImportError::NotAnEntryTable)
    );
}

#[test]
fn other_names_are_read_by_their_first_character() {
    let here = Document::default();
    let with_bom = format!("\u{feff}\n {}", backup());
    assert_eq!(
        import_file(&here, "backup.txt", &with_bom, 9)
            .unwrap()
            .new_entries,
        1
    );
    assert_eq!(import_file(&here, "export", CSV, 9).unwrap().new_entries, 1);
    assert_eq!(
        import_file(&here, "garbage.bin", "\u{0}\u{1}garbage", 9),
        Err(ImportError::NotAnEntryTable)
    );
}

#[test]
fn a_file_with_only_bad_lines_adds_nothing() {
    let here = Document::default();
    let preview = import_file(&here, "bad.csv", "time,pain\n2026-11-24T08:30:00Z,11\n", 9).unwrap();
    assert_eq!(preview.new_count(), 0);
    assert_eq!(
        preview.invalid,
        vec!["line 2: pain must be 0–10".to_string()]
    );
    assert_eq!(preview.merged, here);
}

#[test]
fn sizes_read_in_rounded_binary_units() {
    assert_eq!(format_size(0), "0 KB");
    assert_eq!(format_size(1), "1 KB");
    assert_eq!(format_size(12_300), "13 KB");
    assert_eq!(format_size(1024 * 1024), "1 MB");
    assert_eq!(format_size(1_572_864), "1.5 MB");
    assert_eq!(format_size(5 * 1024 * 1024), "5 MB");
    assert_eq!(format_size(12_900_000), "12 MB");
    assert_eq!(format_size(120 * 1024 * 1024 * 1024), "120 GB");
}
