//! Base64url without padding (RFC 4648 §5): the alphabet `A–Z a–z 0–9 - _`, safe in a URL
//! fragment as it is. Decoding refuses any other character and impossible lengths, and tells
//! whether the unused bits at the end were zero (each byte string has one canonical text).

/// The 64 characters, in value order.
const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Why a text is not base64url.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Base64Error {
    /// A character outside the alphabet.
    Invalid,
    /// A length no byte string encodes to (one character too many or too few): usually a
    /// text cut short.
    Truncated,
}

/// Encodes bytes, four characters per three bytes, without `=` padding.
pub(super) fn encode(bytes: &[u8]) -> String {
    let mut text = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let group = chunk.iter().enumerate().fold(0u32, |group, (i, &byte)| {
            group | u32::from(byte) << (16 - 8 * i)
        });
        for i in 0..=chunk.len() {
            let index = (group >> (18 - 6 * i)) & 0x3f;
            text.push(char::from(ALPHABET[index as usize]));
        }
    }
    text
}

/// Decodes text made by [`encode`], with `true` when the text is the canonical one for its
/// bytes (unused bits at the end all zero): a text cut short may not be.
pub(super) fn decode(text: &str) -> Result<(Vec<u8>, bool), Base64Error> {
    let chars = text.as_bytes();
    if chars.len() % 4 == 1 {
        return Err(Base64Error::Truncated);
    }
    let mut bytes = Vec::with_capacity(chars.len() / 4 * 3 + 2);
    let mut canonical = true;
    for chunk in chars.chunks(4) {
        let mut group = 0u32;
        for (i, &char) in chunk.iter().enumerate() {
            group |= value_of(char).ok_or(Base64Error::Invalid)? << (18 - 6 * i);
        }
        let byte_count = chunk.len() - 1;
        canonical &= group & (0x00ff_ffff >> (8 * byte_count)) == 0;
        bytes.extend((0..byte_count).map(|i| (group >> (16 - 8 * i)) as u8));
    }
    Ok((bytes, canonical))
}

/// The value of one alphabet character.
fn value_of(char: u8) -> Option<u32> {
    let value = match char {
        b'A'..=b'Z' => char - b'A',
        b'a'..=b'z' => char - b'a' + 26,
        b'0'..=b'9' => char - b'0' + 52,
        b'-' => 62,
        b'_' => 63,
        _ => return None,
    };
    Some(u32::from(value))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_the_rfc_4648_test_vectors() {
        let vectors = [
            ("", ""),
            ("f", "Zg"),
            ("fo", "Zm8"),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg"),
            ("fooba", "Zm9vYmE"),
            ("foobar", "Zm9vYmFy"),
        ];
        for (plain, encoded) in vectors {
            assert_eq!(encode(plain.as_bytes()), encoded);
            assert_eq!(decode(encoded).unwrap(), (plain.as_bytes().to_vec(), true));
        }
        assert_eq!(encode(&[0xfb, 0xff, 0xbf]), "-_-_");
        assert_eq!(decode("-_-_").unwrap(), (vec![0xfb, 0xff, 0xbf], true));
    }

    #[test]
    fn refuses_or_flags_what_it_would_never_write() {
        assert_eq!(decode("Zm9vY"), Err(Base64Error::Truncated));
        assert_eq!(decode("Zm9v+g"), Err(Base64Error::Invalid));
        assert_eq!(decode("Zm8="), Err(Base64Error::Invalid));
        assert_eq!(decode("Zh"), Ok((b"f".to_vec(), false)), "unused bits set");
        assert_eq!(
            decode("Zm9"),
            Ok((b"fo".to_vec(), false)),
            "unused bits set"
        );
    }

    #[test]
    fn every_byte_string_round_trips() {
        let bytes: Vec<u8> = (0..=255).collect();
        for length in 0..bytes.len() {
            let (decoded, canonical) = decode(&encode(&bytes[..length])).unwrap();
            assert!(canonical);
            assert_eq!(decoded, &bytes[..length]);
        }
    }
}
