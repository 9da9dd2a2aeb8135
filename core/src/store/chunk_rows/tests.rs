//! The fast reader agrees with the slow one: on every chunk the codec writes, and on any text
//! changed from one (where it may only decline, never read something else).

use proptest::prelude::*;
use serde_json::Value;

use super::read_rows;
use crate::log::{
    Area, CivilDate, Entry, EntryContext, HeldRecord, NightReport, SessionRecord, Timestamp,
};
use crate::store::chunk_codec::{decode_chunk, encode_chunk};

/// Text with what JSON must escape and what it need not.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        "[a-z ]{1,12}",
        "[a-z\"\\\\/\n\t\u{0}é😀-]{0,8}",
    ]
}

fn entry() -> impl Strategy<Value = Entry> {
    (
        (text(), any::<i64>(), any::<i16>(), any::<u8>()),
        (
            proptest::option::of(any::<bool>()),
            any::<bool>(),
            proptest::option::of(any::<u8>()),
        ),
        (
            text(),
            0..4_u8,
            any::<i64>(),
            proptest::option::of((1..=28_u8, 0..4_u8)),
        ),
    )
        .prop_map(
            |(
                (id, utc_ms, offset, pain),
                (woke, sore, stiffness),
                (note, context, updated_ms, night),
            )| Entry {
                id,
                at: Timestamp {
                    utc_ms,
                    offset_minutes: offset,
                },
                pain,
                woke_at_night: woke,
                areas: if sore {
                    vec![Area::LowBack, Area::LegRight]
                } else {
                    Vec::new()
                },
                stiffness,
                note,
                context: match context {
                    0 | 1 => EntryContext::DailyCheckIn,
                    2 => EntryContext::BeforeSession {
                        session_id: "s1".into(),
                    },
                    _ => EntryContext::AfterSession {
                        session_id: "s\"2".into(),
                    },
                },
                updated_ms,
                night: night.map(|(day, times_woken)| NightReport {
                    night_of: CivilDate::new(2026, 11, day).expect("a real date"),
                    times_woken,
                }),
            },
        )
}

fn session() -> impl Strategy<Value = SessionRecord> {
    (
        (text(), text(), proptest::option::of(text())),
        (any::<i64>(), any::<i16>(), any::<i64>(), any::<bool>()),
        (proptest::collection::vec(any::<u32>(), 0..3), any::<i64>()),
    )
        .prop_map(
            |(
                (id, routine_name, variant_id),
                (started, offset, ended, completed),
                (held, updated_ms),
            )| SessionRecord {
                id,
                routine_id: "strap-hamstring".into(),
                routine_name,
                variant_id,
                started: Timestamp {
                    utc_ms: started,
                    offset_minutes: offset,
                },
                ended: Timestamp {
                    utc_ms: ended,
                    offset_minutes: offset,
                },
                completed,
                held: held
                    .into_iter()
                    .map(|seconds| HeldRecord {
                        step_index: 1,
                        step_name: "Right leg".into(),
                        side: None,
                        seconds,
                    })
                    .collect(),
                updated_ms,
            },
        )
}

/// The records of a chunk's text as the slow way reads them.
fn read_slowly<T: serde::de::DeserializeOwned>(text: &str) -> Option<Vec<T>> {
    decode_chunk(text)
        .ok()?
        .into_iter()
        .map(|value| serde_json::from_value(value).ok())
        .collect()
}

/// A plain log's chunk: entries that differ only in what a day changes.
fn plain_entries(count: i64) -> Vec<Entry> {
    (0..count)
        .map(|n| {
            let mut entry = Entry::new(
                format!("e{n}"),
                Timestamp::new(1_700_000_000_000 + n * 21_600_000, 60),
                (n % 11) as u8,
            );
            entry.updated_ms = entry.at.utc_ms;
            entry.note = if n % 10 == 0 {
                "Stiff after sitting".into()
            } else {
                String::new()
            };
            entry.areas = if n % 5 == 0 {
                vec![Area::LowBack]
            } else {
                Vec::new()
            };
            if n % 7 == 0 {
                entry.context = EntryContext::AfterSession {
                    session_id: format!("s{n}"),
                };
            }
            if n % 9 == 0 {
                entry.night = Some(NightReport {
                    night_of: CivilDate::new(2026, 11, 2).expect("a date"),
                    times_woken: 1,
                });
            }
            entry
        })
        .collect()
}

#[test]
fn an_ordinary_chunk_is_read_the_fast_way() {
    let entries = plain_entries(120);
    let text = encode_chunk(&entries);
    assert!(
        text.starts_with(r#"{"same":"#),
        "columnar, shape first: {text:.80}"
    );
    assert_eq!(read_rows::<Entry>(&text), Some(entries));
}

#[test]
fn a_chunk_written_in_name_order_is_read_the_fast_way_too() {
    let entries = plain_entries(30);
    let in_name_order = serde_json::from_str::<Value>(&encode_chunk(&entries))
        .unwrap()
        .to_string();
    assert!(in_name_order.starts_with(r#"{"columns":"#));
    assert_eq!(read_rows::<Entry>(&in_name_order), Some(entries));
}

#[test]
fn cells_written_another_way_are_left_to_the_slow_reader() {
    let text = encode_chunk(&plain_entries(3));
    for (from, to) in [
        (",1700021600000,", ",01700021600000,"),
        (r#""",1,"#, r#""",-0,"#),
        (r#""",2,"#, r#""",2.0,"#),
        (r#""e1""#, r#""e\u0031""#),
        ("],[", "], ["),
    ] {
        let changed = text.replacen(from, to, 1);
        assert_ne!(changed, text, "{from} is in the chunk");
        let fast = read_rows::<Entry>(&changed);
        assert!(
            fast.is_none() || fast == read_slowly(&changed),
            "{to}: {fast:?}"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn every_chunk_reads_back_as_its_records(entries in proptest::collection::vec(entry(), 1..8), sessions in proptest::collection::vec(session(), 1..6)) {
        let text = encode_chunk(&entries);
        prop_assert_eq!(read_slowly::<Entry>(&text), Some(entries.clone()));
        let fast = read_rows::<Entry>(&text);
        prop_assert!(fast.is_none() || fast.as_ref() == Some(&entries));
        let text = encode_chunk(&sessions);
        prop_assert_eq!(read_slowly::<SessionRecord>(&text), Some(sessions.clone()));
        let fast = read_rows::<SessionRecord>(&text);
        prop_assert!(fast.is_none() || fast.as_ref() == Some(&sessions));
    }

    #[test]
    fn a_changed_chunk_is_read_as_the_slow_reader_reads_it_or_not_at_all(entries in proptest::collection::vec(entry(), 1..6), at in any::<prop::sample::Index>(), cut in 0..4_usize, insert in "[0-9a-z\"\\\\,\\[\\]{}: -]{0,3}") {
        let text = encode_chunk(&entries);
        let mut start = at.index(text.len());
        while !text.is_char_boundary(start) { start -= 1; }
        let mut end = (start + cut).min(text.len());
        while !text.is_char_boundary(end) { end += 1; }
        let changed = format!("{}{insert}{}", &text[..start], &text[end..]);
        let fast = read_rows::<Entry>(&changed);
        prop_assert!(fast.is_none() || fast == read_slowly(&changed), "{changed}");
    }
}
