//! Sharing routines: links and `.json` files round-trip every valid routine, and every way a
//! link or file goes wrong gets a clear message.

mod common;

use limber_core::library::{builtin_routines, find_builtin};
use limber_core::routine::{Routine, Step, StepKind, ValidationError, MAX_STEPS};
use limber_core::transfer::{
    decode_share_link, encode_share_link, routine_file_name, routine_from_json, routine_to_json,
    share_url, RoutineFileError, ShareLinkError, MAX_SHARE_PAYLOAD_CHARS,
};
use proptest::prelude::*;

proptest! {
    #[test]
    fn links_round_trip_every_valid_routine(routine in common::valid_routine()) {
        let payload = encode_share_link(&routine).unwrap();
        prop_assert!(payload.len() <= MAX_SHARE_PAYLOAD_CHARS);
        prop_assert_eq!(decode_share_link(&payload).unwrap(), routine.clone());
        let url = share_url("https://example.org/limber/", &routine).unwrap();
        prop_assert_eq!(decode_share_link(&url).unwrap(), routine);
    }

    #[test]
    fn files_round_trip_every_valid_routine(routine in common::valid_routine()) {
        prop_assert_eq!(routine_from_json(&routine_to_json(&routine)).unwrap(), routine);
    }
}

fn seed() -> Routine {
    find_builtin("strap-hamstring").unwrap()
}

#[test]
fn a_link_is_the_app_address_then_import_and_a_fragment() {
    let url = share_url("https://example.org/limber", &seed()).unwrap();
    let payload = encode_share_link(&seed()).unwrap();
    assert_eq!(
        url,
        format!("https://example.org/limber/import#r={payload}")
    );
    assert_eq!(
        share_url("https://example.org/limber/", &seed()).unwrap(),
        url
    );
    assert!(payload.starts_with("2."), "the seed's steps have pictures");
    assert!(payload[2..]
        .bytes()
        .all(|byte| byte.is_ascii_alphanumeric() || byte == b'-' || byte == b'_'));
    // The seed, with its four sources and five safety notes, is about 4 KB: fine for a chat
    // message or an email, well under the limit.
    assert!(payload.len() < 4_500, "{} characters", payload.len());
    for routine in builtin_routines() {
        assert_eq!(
            decode_share_link(&share_url("/", &routine).unwrap()),
            Ok(routine)
        );
    }
}

#[test]
fn pasted_links_may_carry_spaces_and_line_breaks() {
    let url = share_url("https://example.org", &seed()).unwrap();
    let (start, end) = url.split_at(url.len() / 2);
    let wrapped = format!("  {start}\r\n  {end}\n");
    assert_eq!(decode_share_link(&wrapped), Ok(seed()));
    let fragment = &url[url.find('#').unwrap()..];
    assert_eq!(decode_share_link(fragment), Ok(seed()));
}

#[test]
fn every_cut_is_reported_as_incomplete() {
    let url = share_url("https://example.org", &seed()).unwrap();
    let fragment_at = url.find("#r=").unwrap() + 3;
    for end in fragment_at..url.len() {
        let error = decode_share_link(&url[..end]).unwrap_err();
        assert_eq!(error, ShareLinkError::Incomplete, "cut at {end}");
    }
    assert_eq!(
        ShareLinkError::Incomplete.to_string(),
        "This link is incomplete — it may have been cut off when copied. Copy the whole link \
         and try again."
    );
}

#[test]
fn every_changed_character_is_caught() {
    let mut small = seed();
    small.summary.clear();
    small.sources.clear();
    small.safety_notes.clear();
    small.variants.clear();
    let payload = encode_share_link(&small).unwrap();
    let alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    for at in 2..payload.len() {
        for replacement in alphabet.chars().step_by(7) {
            if payload[at..].starts_with(replacement) {
                continue;
            }
            let mut changed = payload.clone();
            changed.replace_range(at..at + 1, &replacement.to_string());
            let error = decode_share_link(&changed).unwrap_err();
            assert!(
                matches!(error, ShareLinkError::Damaged | ShareLinkError::Incomplete),
                "{error:?} at {at}"
            );
        }
    }
    let mut swapped = payload.clone().into_bytes();
    swapped.swap(10, 11);
    let swapped = String::from_utf8(swapped).unwrap();
    if swapped != payload {
        assert_eq!(decode_share_link(&swapped), Err(ShareLinkError::Damaged));
    }
    let extended = format!("{payload}AAAA");
    assert_eq!(decode_share_link(&extended), Err(ShareLinkError::Damaged));
    assert_eq!(
        ShareLinkError::Damaged.to_string(),
        "This link was changed or damaged. Ask for the link again."
    );
}

#[test]
fn other_texts_and_versions_are_named() {
    let newer = decode_share_link("https://example.org/import#r=3.AAAA").unwrap_err();
    assert_eq!(newer, ShareLinkError::NewerVersion { version: 3 });
    assert_eq!(
        newer.to_string(),
        "This link comes from a newer version of Limber. Reload Limber to update it, then open \
         the link again."
    );
    for text in [
        "https://example.org/routines",
        "hello",
        "#x=1.AAAA",
        "v1.AAAA",
    ] {
        assert_eq!(
            decode_share_link(text),
            Err(ShareLinkError::NotALink),
            "{text}"
        );
    }
    for text in ["", "#r=", "#r=1", "1.", "  "] {
        assert_eq!(
            decode_share_link(text),
            Err(ShareLinkError::Incomplete),
            "{text:?}"
        );
    }
    let payload = encode_share_link(&seed()).unwrap();
    for version in ["0", "01"] {
        let renumbered = payload.replacen('2', version, 1);
        assert_eq!(decode_share_link(&renumbered), Err(ShareLinkError::Damaged));
    }
}

#[test]
fn oversized_links_and_routines_are_refused() {
    let huge = format!("#r=1.{}", "A".repeat(MAX_SHARE_PAYLOAD_CHARS));
    assert_eq!(decode_share_link(&huge), Err(ShareLinkError::TooLong));
    assert_eq!(
        decode_share_link(&"A".repeat(10 * MAX_SHARE_PAYLOAD_CHARS)),
        Err(ShareLinkError::TooLong)
    );
    let wordy = Step::new(StepKind::Hold, "Hold", &"x".repeat(1_000), 10_000);
    let mut long = seed();
    long.steps = vec![wordy; MAX_STEPS];
    assert_eq!(long.validate(), Ok(()));
    assert_eq!(
        encode_share_link(&long),
        Err(ShareLinkError::RoutineTooLong)
    );
    assert_eq!(
        ShareLinkError::RoutineTooLong.to_string(),
        "This routine is too long to share as a link; share it as a file instead."
    );
    assert_eq!(routine_from_json(&routine_to_json(&long)), Ok(long));
}

#[test]
fn an_imported_routine_is_saved_under_a_new_id() {
    let opened = decode_share_link(&encode_share_link(&seed()).unwrap()).unwrap();
    let saved = opened.as_new_copy("19c9f5b7a00-0000000000000abc");
    assert_eq!(saved.id, "19c9f5b7a00-0000000000000abc");
    assert_eq!(saved.steps, seed().steps);
}

#[test]
fn a_routine_file_is_marked_and_versioned() {
    let text = routine_to_json(&seed());
    assert!(text.starts_with("{\n  \"format\": \"limber-routine\",\n  \"version\": 1,"));
    assert_eq!(
        routine_file_name(&seed()),
        "limber-routine-strap-hamstring-stretch-3-00-per-leg.json"
    );
    let mut nameless = seed();
    nameless.name = "🧘 ✨".to_string();
    assert_eq!(routine_file_name(&nameless), "limber-routine-routine.json");
    assert_eq!(routine_from_json(&format!("\u{feff}{text}")), Ok(seed()));
}

#[test]
fn routine_files_that_cannot_be_used_say_why() {
    let cases = [
        ("not json", RoutineFileError::NotARoutineFile),
        ("[1, 2]", RoutineFileError::NotARoutineFile),
        (r#"{"name": "x"}"#, RoutineFileError::NotARoutineFile),
        (
            r#"{"schema_version": 2, "entries": []}"#,
            RoutineFileError::IsABackup,
        ),
        (
            r#"{"format": "limber-routine", "version": 3, "routine": {}}"#,
            RoutineFileError::NewerVersion { version: 3 },
        ),
        (
            r#"{"format": "limber-routine", "routine": {}}"#,
            RoutineFileError::Damaged {
                reason: "no known version".to_string(),
            },
        ),
        (
            r#"{"format": "limber-routine", "version": 1}"#,
            RoutineFileError::Damaged {
                reason: "invalid type: null, expected struct Routine".to_string(),
            },
        ),
    ];
    for (text, expected) in cases {
        assert_eq!(routine_from_json(text), Err(expected), "{text}");
    }
    let mut broken = seed();
    broken.steps.clear();
    let error = routine_from_json(&routine_to_json(&broken)).unwrap_err();
    assert_eq!(
        error,
        RoutineFileError::Invalid(vec![ValidationError::NoSteps])
    );
    assert_eq!(
        error.to_string(),
        "The routine in this file can't be used: Add at least one step."
    );
    assert_eq!(
        RoutineFileError::IsABackup.to_string(),
        "This is a Limber backup, not a single routine: import it under Settings instead."
    );
    let padded = format!("{}{}", " ".repeat(1024 * 1024), routine_to_json(&seed()));
    assert_eq!(routine_from_json(&padded), Err(RoutineFileError::TooLarge));
}
