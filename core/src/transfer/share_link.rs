//! Sharing a routine as a link, with no server: the routine travels inside the link itself.
//!
//! **The link**: `<app>/import#r=<payload>`, e.g.
//! `https://example.org/limber/import#r=1.BQ…`, made by [`share_url`]. The app routes paths
//! under its base path; the payload sits in the **fragment**, which browsers never send to a
//! server, so a shared routine stays out of every server log. The import page passes
//! `location.hash` (or a whole pasted link) to [`decode_share_link`].
//!
//! **The payload** ([`encode_share_link`]), version 1: `1.` then base64url without padding of
//!
//! ```text
//! varint body_length · body · CRC-32 (4 bytes, big-endian)
//! ```
//!
//! where the body is the routine in the binary form described in `wire.rs`, and the CRC-32
//! (ISO-HDLC, as zip and PNG use) covers the text `1.` and everything before the CRC. The
//! length tells a link cut short ("incomplete") from one changed in place ("damaged").
//! A later format gets a new number before the dot; this version reports it as newer.
//! Version 2 is version 1 with each step's picture added (see `wire.rs`); it is written only
//! when a step has one, so a routine without pictures still makes a version-1 link that
//! older copies of Limber open, and every version-1 link still opens.
//!
//! Decoding is defensive: a payload longer than [`MAX_SHARE_PAYLOAD_CHARS`] is refused before
//! any work, every length inside is checked against the bytes left, and the routine must pass
//! [`Routine::validate`]. Save it with [`Routine::as_new_copy`] so it never overwrites one.

mod wire;

use super::base64url::{self, Base64Error};
use crate::routine::{Routine, ValidationError};

/// The path, under the app's base URL, of the page that opens share links.
pub const SHARE_LINK_PATH: &str = "import";
/// The fragment key that carries the payload: `#r=<payload>`.
pub const SHARE_LINK_KEY: &str = "r";
/// The newest payload format [`encode_share_link`] writes (2 when a step has a picture).
pub const SHARE_LINK_VERSION: u32 = 2;
/// Longest payload accepted or made, in characters: 16 KiB, about 12 KB of routine.
pub const MAX_SHARE_PAYLOAD_CHARS: usize = 16 * 1024;
/// Longest text [`decode_share_link`] looks at (a whole link with room for its address).
const MAX_INPUT_CHARS: usize = 2 * MAX_SHARE_PAYLOAD_CHARS;
/// Bytes of checksum at the end.
const CHECKSUM_BYTES: usize = 4;

/// Why a link cannot be opened, or a routine cannot be shared as one. Messages are written
/// for people.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ShareLinkError {
    /// The text is not a Limber routine link at all.
    #[error("This is not a Limber routine link.")]
    NotALink,
    /// The link was cut short.
    #[error("This link is incomplete — it may have been cut off when copied. Copy the whole link and try again.")]
    Incomplete,
    /// The link was altered: its checksum or structure does not hold.
    #[error("This link was changed or damaged. Ask for the link again.")]
    Damaged,
    /// The link uses a format this version does not know.
    #[error("This link comes from a newer version of Limber. Reload Limber to update it, then open the link again.")]
    NewerVersion {
        /// The format number in the link.
        version: u32,
    },
    /// The link is longer than any routine link can be.
    #[error("This link is too long to be a Limber routine link.")]
    TooLong,
    /// The routine is too long to fit in a link.
    #[error("This routine is too long to share as a link; share it as a file instead.")]
    RoutineTooLong,
    /// The routine in the link (or the one being shared) breaks the rules.
    #[error("The routine in this link can't be used: {}", sentences(.0))]
    Invalid(Vec<ValidationError>),
}

/// Problems joined into one text.
pub(super) fn sentences(problems: &[ValidationError]) -> String {
    let texts: Vec<String> = problems.iter().map(ToString::to_string).collect();
    texts.join(" ")
}

/// The payload for a share link (the part after `#r=`). The routine must be valid, and
/// short enough that the payload fits in [`MAX_SHARE_PAYLOAD_CHARS`].
///
/// ```
/// use limber_core::transfer::{decode_share_link, encode_share_link};
/// let seed = limber_core::library::find_builtin("strap-hamstring").unwrap();
/// let payload = encode_share_link(&seed).unwrap();
/// assert!(payload.starts_with("2."));
/// assert_eq!(decode_share_link(&payload).unwrap(), seed);
/// ```
pub fn encode_share_link(routine: &Routine) -> Result<String, ShareLinkError> {
    routine.validate().map_err(ShareLinkError::Invalid)?;
    let payload = payload_of(routine);
    if payload.len() > MAX_SHARE_PAYLOAD_CHARS {
        return Err(ShareLinkError::RoutineTooLong);
    }
    Ok(payload)
}

/// The payload for any routine, valid or not, of any length.
fn payload_of(routine: &Routine) -> String {
    let mut body = wire::Writer::default();
    body.routine(routine);
    let has_pictures = routine.steps.iter().any(|step| step.pose.is_some());
    if has_pictures {
        body.poses(&routine.steps);
    }
    let mut frame = wire::Writer::default();
    frame.varint(body.bytes.len() as u64);
    frame.bytes.extend_from_slice(&body.bytes);
    let prefix = version_prefix(if has_pictures { SHARE_LINK_VERSION } else { 1 });
    let checksum = crc32(&[prefix.as_bytes(), &frame.bytes]);
    frame.bytes.extend_from_slice(&checksum.to_be_bytes());
    prefix + &base64url::encode(&frame.bytes)
}

/// The whole link: `<app_url>/import#r=<payload>`, where `app_url` is the app's address with
/// its base path ("https://example.org/limber/"; a trailing slash is optional).
pub fn share_url(app_url: &str, routine: &Routine) -> Result<String, ShareLinkError> {
    let payload = encode_share_link(routine)?;
    let base = app_url.trim_end_matches('/');
    Ok(format!(
        "{base}/{SHARE_LINK_PATH}#{SHARE_LINK_KEY}={payload}"
    ))
}

/// Reads the routine from a share link. Takes the whole link, its fragment (`#r=…`, as in
/// `location.hash`) or the bare payload; spaces and line breaks that mail apps put into long
/// links are ignored. The routine is checked with [`Routine::validate`]; it keeps the id it
/// was shared with, so save it with [`Routine::as_new_copy`].
pub fn decode_share_link(text: &str) -> Result<Routine, ShareLinkError> {
    if text.len() > MAX_INPUT_CHARS {
        return Err(ShareLinkError::TooLong);
    }
    let payload: String = find_payload(text)?
        .chars()
        .filter(|char| !char.is_whitespace())
        .collect();
    if payload.len() > MAX_SHARE_PAYLOAD_CHARS {
        return Err(ShareLinkError::TooLong);
    }
    let Some((version, data)) = payload.split_once('.') else {
        return Err(if payload.is_empty() || is_number(&payload) {
            ShareLinkError::Incomplete
        } else {
            ShareLinkError::NotALink
        });
    };
    let version = match version {
        "1" => 1,
        "2" => 2,
        other => return Err(version_problem(other)),
    };
    let (frame, canonical) = base64url::decode(data).map_err(|error| match error {
        Base64Error::Truncated => ShareLinkError::Incomplete,
        Base64Error::Invalid => ShareLinkError::Damaged,
    })?;
    let body = checked_body(&frame, version)?;
    if !canonical {
        return Err(ShareLinkError::Damaged);
    }
    let mut reader = wire::Reader::new(body);
    let mut routine = reader.routine().map_err(|_| ShareLinkError::Damaged)?;
    if version == 2 {
        reader
            .poses(&mut routine)
            .map_err(|_| ShareLinkError::Damaged)?;
    }
    if reader.remaining() > 0 {
        return Err(ShareLinkError::Damaged);
    }
    routine.validate().map_err(ShareLinkError::Invalid)?;
    Ok(routine)
}

/// The payload within a link, fragment or bare payload.
fn find_payload(text: &str) -> Result<&str, ShareLinkError> {
    let text = text.trim();
    let fragment = match text.split_once('#') {
        Some((_, fragment)) => fragment,
        None if text.contains("://") || text.starts_with('/') => {
            return Err(ShareLinkError::NotALink)
        }
        None => text,
    };
    let wanted = format!("{SHARE_LINK_KEY}=");
    let mut parameters = fragment.split('&');
    match parameters.find_map(|parameter| parameter.strip_prefix(&wanted)) {
        Some(payload) => Ok(payload),
        None if fragment.contains('=') => Err(ShareLinkError::NotALink),
        None => Ok(fragment),
    }
}

/// The body inside a decoded frame, once its length and checksum hold.
fn checked_body(frame: &[u8], version: u32) -> Result<&[u8], ShareLinkError> {
    let mut reader = wire::Reader::new(frame);
    let declared = reader.varint().map_err(|_| {
        if frame.len() < 10 && frame.last().is_none_or(|byte| byte & 0x80 != 0) {
            ShareLinkError::Incomplete
        } else {
            ShareLinkError::Damaged
        }
    })?;
    let length_bytes = frame.len() - reader.remaining();
    let declared = usize::try_from(declared).map_err(|_| ShareLinkError::Damaged)?;
    if declared > MAX_SHARE_PAYLOAD_CHARS {
        return Err(ShareLinkError::Damaged);
    }
    let expected = declared + CHECKSUM_BYTES;
    if reader.remaining() < expected {
        return Err(ShareLinkError::Incomplete);
    }
    if reader.remaining() > expected {
        return Err(ShareLinkError::Damaged);
    }
    let (covered, checksum) = frame.split_at(length_bytes + declared);
    let prefix = version_prefix(version);
    if crc32(&[prefix.as_bytes(), covered]).to_be_bytes() != checksum {
        return Err(ShareLinkError::Damaged);
    }
    Ok(&covered[length_bytes..])
}

/// What is wrong with a version other than this one: a later number is a newer format;
/// anything else (letters, leading zeros, an earlier number) is not a link this app wrote.
fn version_problem(version: &str) -> ShareLinkError {
    if !is_number(version) || version.len() > 4 {
        return ShareLinkError::NotALink;
    }
    match version.parse::<u32>() {
        Ok(number) if number > SHARE_LINK_VERSION && !version.starts_with('0') => {
            ShareLinkError::NewerVersion { version: number }
        }
        _ => ShareLinkError::Damaged,
    }
}

/// "1." for version 1.
fn version_prefix(version: u32) -> String {
    format!("{version}.")
}

/// True for a non-empty run of ASCII digits.
fn is_number(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|byte| byte.is_ascii_digit())
}

/// CRC-32/ISO-HDLC (reflected polynomial 0xEDB88320) over the parts in order, four bits at a
/// time: a 64-byte table instead of the usual 1 KB one.
fn crc32(parts: &[&[u8]]) -> u32 {
    const NIBBLE_TABLE: [u32; 16] = {
        let mut table = [0u32; 16];
        let mut index = 0;
        while index < 16 {
            let mut crc = index as u32;
            let mut bit = 0;
            while bit < 4 {
                crc = (crc >> 1) ^ (0xEDB8_8320 & (crc & 1).wrapping_neg());
                bit += 1;
            }
            table[index] = crc;
            index += 1;
        }
        table
    };
    let mut crc = !0u32;
    for byte in parts.iter().flat_map(|part| part.iter()) {
        crc ^= u32::from(*byte);
        crc = (crc >> 4) ^ NIBBLE_TABLE[(crc & 0xf) as usize];
        crc = (crc >> 4) ^ NIBBLE_TABLE[(crc & 0xf) as usize];
    }
    !crc
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc32_matches_the_check_value() {
        assert_eq!(crc32(&[b"1234", b"56789"]), 0xCBF4_3926);
        assert_eq!(crc32(&[]), 0);
    }

    #[test]
    fn a_routine_that_breaks_the_rules_is_refused_with_its_problems() {
        let mut routine = crate::library::find_builtin("pelvic-tilt").unwrap();
        routine.name = " ".to_string();
        routine.steps[0].repetitions = 0;
        let error = decode_share_link(&payload_of(&routine)).unwrap_err();
        assert_eq!(
            error.to_string(),
            "The routine in this link can't be used: Give the routine a name. \
             Step 1: do it at least once."
        );
        assert_eq!(encode_share_link(&routine), Err(error));
    }

    #[test]
    fn payloads_are_found_in_links_fragments_and_bare_text() {
        assert_eq!(
            find_payload(" https://x.org/a/import#r=1.AB \n"),
            Ok("1.AB")
        );
        assert_eq!(find_payload("#r=1.AB"), Ok("1.AB"));
        assert_eq!(find_payload("#from=mail&r=1.AB"), Ok("1.AB"));
        assert_eq!(find_payload("1.AB"), Ok("1.AB"));
        assert_eq!(find_payload("#x=1"), Err(ShareLinkError::NotALink));
        assert_eq!(
            find_payload("https://x.org/import?r=1.AB"),
            Err(ShareLinkError::NotALink)
        );
    }
}
