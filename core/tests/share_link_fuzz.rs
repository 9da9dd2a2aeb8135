//! Fuzzing the share-link decoder: random text and mutated valid links never make it panic,
//! and anything it opens is a valid routine.
//!
//! `cargo test` runs 2,000 inputs with a fixed seed; `cargo xtask fuzz` runs a million (in
//! release) with a fresh seed. Set `LIMBER_FUZZ_CASES` and `LIMBER_FUZZ_SEED` to choose;
//! a failure prints the seed and case number that reproduce it.
//!
//! Mutations that must reach the routine reader past the checksum re-frame the damaged body
//! with this file's own base64url, varint and CRC-32 — written from the format description,
//! not shared with the code under test.

mod common;

use std::collections::BTreeMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::time::Instant;

use limber_core::library::builtin_routines;
use limber_core::transfer::{decode_share_link, encode_share_link, ShareLinkError};
use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};

const BASE64URL: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// xorshift64*: small, fast, and the same sequence on every platform.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        Self(seed.max(1))
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A number in `0..bound` (`bound` > 0).
    fn below(&mut self, bound: usize) -> usize {
        (self.next() % bound as u64) as usize
    }

    fn char(&mut self) -> char {
        match self.below(4) {
            0 => char::from(BASE64URL[self.below(64)]),
            1 => char::from(self.below(128) as u8),
            2 => ['.', '#', '=', '&', ' ', '\n', '%', '1', '2', '0'][self.below(10)],
            _ => char::from_u32(self.below(0x11_0000) as u32).unwrap_or('\u{fffd}'),
        }
    }
}

fn env_number(name: &str) -> Option<u64> {
    let text = std::env::var(name).ok()?;
    let text = text.trim().replace('_', "");
    match text.strip_prefix("0x") {
        Some(hex) => u64::from_str_radix(hex, 16).ok(),
        None => text.parse().ok(),
    }
}

fn base64url(bytes: &[u8]) -> String {
    let mut bits = 0u32;
    let mut count = 0;
    let mut text = String::new();
    for &byte in bytes {
        bits = bits << 8 | u32::from(byte);
        count += 8;
        while count >= 6 {
            count -= 6;
            text.push(char::from(BASE64URL[(bits >> count & 63) as usize]));
        }
    }
    if count > 0 {
        text.push(char::from(BASE64URL[(bits << (6 - count) & 63) as usize]));
    }
    text
}

fn from_base64url(text: &str) -> Vec<u8> {
    let (mut bits, mut count, mut bytes) = (0u32, 0, Vec::new());
    for char in text.bytes() {
        let value = match char {
            b'A'..=b'Z' => char - b'A',
            b'a'..=b'z' => char - b'a' + 26,
            b'0'..=b'9' => char - b'0' + 52,
            b'-' => 62,
            _ => 63,
        };
        let value = u32::from(value);
        bits = bits << 6 | value;
        count += 6;
        if count >= 8 {
            count -= 8;
            bytes.push((bits >> count) as u8);
        }
    }
    bytes
}

/// CRC-32/ISO-HDLC with the usual 256-entry table.
fn crc32(bytes: &[u8]) -> u32 {
    const TABLE: [u32; 256] = {
        let mut table = [0u32; 256];
        let mut index = 0;
        while index < 256 {
            let mut crc = index as u32;
            let mut bit = 0;
            while bit < 8 {
                crc = if crc & 1 == 1 {
                    crc >> 1 ^ 0xEDB8_8320
                } else {
                    crc >> 1
                };
                bit += 1;
            }
            table[index] = crc;
            index += 1;
        }
        table
    };
    !bytes.iter().fold(!0u32, |crc, &byte| {
        crc >> 8 ^ TABLE[((crc ^ u32::from(byte)) & 0xff) as usize]
    })
}

fn varint(mut value: u64, out: &mut Vec<u8>) {
    while value >= 0x80 {
        out.push(value as u8 | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

/// A version-1 payload around any body, with a correct length and checksum.
fn frame(body: &[u8]) -> String {
    let mut covered = b"1.".to_vec();
    varint(body.len() as u64, &mut covered);
    covered.extend_from_slice(body);
    let checksum = crc32(&covered);
    covered.extend_from_slice(&checksum.to_be_bytes());
    format!("1.{}", base64url(&covered[2..]))
}

/// The body inside a valid payload.
fn body_of(payload: &str) -> Vec<u8> {
    let frame = from_base64url(&payload[2..]);
    let (mut length, mut shift, mut at) = (0usize, 0, 0);
    loop {
        length |= usize::from(frame[at] & 0x7f) << shift;
        shift += 7;
        at += 1;
        if frame[at - 1] & 0x80 == 0 {
            break;
        }
    }
    frame[at..at + length].to_vec()
}

/// Valid payloads to mutate: every built-in routine and generated ones.
fn pool(seed: u64) -> Vec<(String, Vec<u8>)> {
    let mut runner = TestRunner::new_with_rng(
        Config::default(),
        TestRng::from_seed(RngAlgorithm::ChaCha, &[&seed.to_le_bytes()[..]; 4].concat()),
    );
    let strategy = common::valid_routine();
    let generated = (0..24).map(|_| strategy.new_tree(&mut runner).unwrap().current());
    builtin_routines()
        .into_iter()
        .chain(generated)
        .filter_map(|routine| encode_share_link(&routine).ok())
        .map(|payload| {
            let body = body_of(&payload);
            (payload, body)
        })
        .collect()
}

/// A well-formed body with arbitrary field values (zeros, huge numbers, blank or long
/// texts, a progression anywhere), mostly routines that break the rules.
fn arbitrary_body(rng: &mut Rng) -> Vec<u8> {
    fn text(rng: &mut Rng, out: &mut Vec<u8>) {
        let length = [0, 1, 8, 81, 1_001][rng.below(5)];
        let text: String = (0..rng.below(length + 1)).map(|_| rng.char()).collect();
        varint(text.len() as u64, out);
        out.extend_from_slice(text.as_bytes());
    }
    fn number(rng: &mut Rng, out: &mut Vec<u8>) {
        let choices = [0, 1, 30_000, 1_800_001, u64::from(u32::MAX) + 1, rng.next()];
        varint(choices[rng.below(choices.len())], out);
    }
    let mut body = Vec::new();
    for _ in 0..3 {
        text(rng, &mut body); // id, name, summary
    }
    body.extend([0; 4]); // no tags, sources, safety notes or variants
    let steps = [0, 1, 2, 51][rng.below(4)];
    varint(steps, &mut body);
    for _ in 0..steps {
        body.push(rng.below(5) as u8); // kind
        text(rng, &mut body);
        text(rng, &mut body);
        for _ in 0..3 {
            number(rng, &mut body); // duration, repetitions, rest between repetitions
        }
        let sides = rng.below(6) as u8;
        body.push(sides);
        if sides >= 3 {
            number(rng, &mut body);
        }
        text(rng, &mut body);
    }
    let progression = rng.below(3) as u8;
    body.push(progression);
    if progression == 1 {
        for _ in 0..3 {
            number(rng, &mut body); // step, start, increment
        }
        body.push(rng.below(3) as u8);
        number(rng, &mut body);
        number(rng, &mut body);
    }
    body
}

/// Damages bytes: flips bits, overwrites, inserts, deletes, truncates or splices in a varint.
fn damage_bytes(bytes: &mut Vec<u8>, rng: &mut Rng) {
    for _ in 0..=rng.below(3) {
        let at = rng.below(bytes.len() + 1);
        match rng.below(6) {
            0 if at < bytes.len() => bytes[at] ^= 1 << rng.below(8),
            1 if at < bytes.len() => bytes[at] = rng.next() as u8,
            2 => bytes.insert(at, rng.next() as u8),
            3 if at < bytes.len() => drop(bytes.drain(at..(at + rng.below(8)).min(bytes.len()))),
            4 => bytes.truncate(at),
            _ => {
                let mut huge = Vec::new();
                varint(rng.next() >> rng.below(64), &mut huge);
                bytes.splice(at..at, huge);
            }
        }
    }
}

/// Damages text: replaces, inserts or deletes characters, truncates, or splices in another
/// payload.
fn damage_text(text: &str, other: &str, rng: &mut Rng) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for _ in 0..=rng.below(3) {
        let at = rng.below(chars.len() + 1);
        match rng.below(5) {
            0 if at < chars.len() => chars[at] = rng.char(),
            1 => chars.insert(at, rng.char()),
            2 if at < chars.len() => drop(chars.drain(at..(at + rng.below(16)).min(chars.len()))),
            3 => chars.truncate(at),
            _ => {
                let from = rng.below(other.len());
                chars.splice(at..at, other[from..].chars().take(rng.below(64)));
            }
        }
    }
    chars.into_iter().collect()
}

/// One input for the decoder.
fn input(pool: &[(String, Vec<u8>)], rng: &mut Rng) -> String {
    let (payload, body) = &pool[rng.below(pool.len())];
    let other = &pool[rng.below(pool.len())].0;
    match rng.below(10) {
        0 => payload.clone(),
        1 => format!("https://example.org/limber/import#r={payload}")
            [..rng.below(payload.len() + 36)]
            .to_string(),
        2 | 3 => damage_text(payload, other, rng),
        4..=6 => {
            let mut body = body.clone();
            damage_bytes(&mut body, rng);
            frame(&body)
        }
        7 if rng.below(2) == 0 => {
            let random: Vec<u8> = (0..rng.below(300)).map(|_| rng.next() as u8).collect();
            frame(&random)
        }
        7 => frame(&arbitrary_body(rng)),
        8 => {
            let mut frame_bytes = from_base64url(&payload[2..]);
            damage_bytes(&mut frame_bytes, rng);
            format!("1.{}", base64url(&frame_bytes))
        }
        _ => {
            let length = [8, 64, 1_000][rng.below(3)];
            let prefix = ["", "1.", "#r=", "2.", "#r=1."][rng.below(5)];
            let noise: String = (0..rng.below(length)).map(|_| rng.char()).collect();
            // Now and then, far past the size limit.
            let repeats = if rng.below(8) == 0 {
                1 + rng.below(500)
            } else {
                1
            };
            format!("{prefix}{}", noise.repeat(repeats))
        }
    }
}

#[test]
fn the_decoder_survives_random_and_mutated_links() {
    let cases = env_number("LIMBER_FUZZ_CASES").unwrap_or(2_000);
    let seed = env_number("LIMBER_FUZZ_SEED").unwrap_or(0x11AB_E5ED);
    let pool = pool(seed);
    let started = Instant::now();
    let mut outcomes: BTreeMap<&str, u64> = BTreeMap::new();
    for case in 0..cases {
        let mut rng = Rng::new(seed ^ case.wrapping_mul(0x9E37_79B9_7F4A_7C15));
        let text = input(&pool, &mut rng);
        let outcome =
            catch_unwind(AssertUnwindSafe(|| decode_share_link(&text))).unwrap_or_else(|_| {
                panic!("the decoder panicked: LIMBER_FUZZ_SEED={seed:#x}, case {case}: {text:?}")
            });
        let name = match outcome {
            Ok(routine) => {
                let valid = routine.validate();
                assert!(valid.is_ok(), "case {case} opened an invalid routine");
                "opened"
            }
            Err(ShareLinkError::NotALink) => "not a link",
            Err(ShareLinkError::Incomplete) => "incomplete",
            Err(ShareLinkError::Damaged) => "damaged",
            Err(ShareLinkError::NewerVersion { .. }) => "newer version",
            Err(ShareLinkError::TooLong) => "too long",
            Err(ShareLinkError::Invalid(_)) => "invalid routine",
            Err(ShareLinkError::RoutineTooLong) => unreachable!("only made by encoding"),
        };
        *outcomes.entry(name).or_default() += 1;
    }
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "share-link fuzz: {cases} inputs in {seconds:.1} s (LIMBER_FUZZ_SEED={seed:#x}), no \
         panic: {outcomes:?}"
    );
    for kind in ["opened", "incomplete", "damaged", "invalid routine"] {
        assert!(
            cases < 1_000 || outcomes.contains_key(kind),
            "no input was {kind}: the mutations miss a path"
        );
    }
}
