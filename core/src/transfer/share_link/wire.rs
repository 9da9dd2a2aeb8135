//! The routine as bytes in a share link: small, and read defensively. Version 1 is the
//! routine below; version 2 (written only when a step has a picture) adds `poses` after it.
//!
//! Integers are unsigned LEB128 varints (`i64` zigzag first); a text is its UTF-8 length as a
//! varint, then its bytes; a list is its count, then its items; an absent option is byte 0,
//! a present one byte 1 and the value. Fields follow [`Routine`]'s order:
//!
//! ```text
//! routine     = text id, text name, text summary, list<text> tags, list<source> sources,
//!               list<text> safety_notes, list<variant> variants, list<step> steps,
//!               option<progression>
//! source      = text citation, text supports
//! variant     = text id, text name, text note
//! step        = byte kind (0 setup, 1 hold, 2 rest, 3 move), text name, text instructions,
//!               varint duration_ms, varint repetitions, varint rest_between_reps_ms,
//!               sides, text limb
//! sides       = byte 0 none | 1 left | 2 right | 3 both, right first | 4 both, left first;
//!               for 3 and 4, varint rest_between_ms
//! poses       = (version 2 only) list<text> with one pose id per step, empty for none
//! progression = varint step_index, varint start_ms, varint increment_ms,
//!               byte every (0 session, 1 day), varint max_ms, zigzag counts_from_ms
//! ```
//!
//! The reader never trusts a length: a text or list longer than the bytes left is refused
//! before anything is allocated, so memory stays proportional to the (capped) input.

use crate::routine::{Every, Progression, Routine, Sides, Source, Step, StepKind, Variant};
use crate::side::BodySide;

/// The bytes do not hold a routine in this format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Malformed;

/// Appends values to a byte buffer.
#[derive(Default)]
pub(super) struct Writer {
    /// The bytes written so far.
    pub bytes: Vec<u8>,
}

impl Writer {
    /// One unsigned LEB128 varint.
    pub fn varint(&mut self, mut value: u64) {
        while value >= 0x80 {
            self.bytes.push((value as u8 & 0x7f) | 0x80);
            value >>= 7;
        }
        self.bytes.push(value as u8);
    }

    fn signed(&mut self, value: i64) {
        self.varint(((value << 1) ^ (value >> 63)) as u64);
    }

    fn text(&mut self, text: &str) {
        self.varint(text.len() as u64);
        self.bytes.extend_from_slice(text.as_bytes());
    }

    fn list<T>(&mut self, items: &[T], mut write: impl FnMut(&mut Self, &T)) {
        self.varint(items.len() as u64);
        for item in items {
            write(self, item);
        }
    }

    fn texts(&mut self, items: &[String]) {
        self.list(items, |writer, item| writer.text(item));
    }

    /// The whole routine.
    pub fn routine(&mut self, routine: &Routine) {
        self.text(&routine.id);
        self.text(&routine.name);
        self.text(&routine.summary);
        self.texts(&routine.tags);
        self.list(&routine.sources, |writer, source| {
            writer.text(&source.citation);
            writer.text(&source.supports);
        });
        self.texts(&routine.safety_notes);
        self.list(&routine.variants, |writer, variant| {
            writer.text(&variant.id);
            writer.text(&variant.name);
            writer.text(&variant.note);
        });
        self.list(&routine.steps, Self::step);
        match &routine.progression {
            None => self.bytes.push(0),
            Some(progression) => {
                self.bytes.push(1);
                self.varint(progression.step_index as u64);
                self.varint(progression.start_ms);
                self.varint(progression.increment_ms);
                self.bytes.push(match progression.every {
                    Every::Session => 0,
                    Every::Day => 1,
                });
                self.varint(progression.max_ms);
                self.signed(progression.counts_from_ms);
            }
        }
    }

    /// Version 2's addition: each step's pose id, empty for a step without a picture.
    pub fn poses(&mut self, steps: &[Step]) {
        self.list(steps, |writer, step| {
            writer.text(step.pose.as_deref().unwrap_or_default());
        });
    }

    fn step(&mut self, step: &Step) {
        self.bytes.push(match step.kind {
            StepKind::Setup => 0,
            StepKind::Hold => 1,
            StepKind::Rest => 2,
            StepKind::Move => 3,
        });
        self.text(&step.name);
        self.text(&step.instructions);
        self.varint(step.duration_ms);
        self.varint(u64::from(step.repetitions));
        self.varint(step.rest_between_reps_ms);
        match step.sides {
            Sides::None => self.bytes.push(0),
            Sides::Left => self.bytes.push(1),
            Sides::Right => self.bytes.push(2),
            Sides::Both {
                first,
                rest_between_ms,
            } => {
                self.bytes
                    .push(if first == BodySide::Right { 3 } else { 4 });
                self.varint(rest_between_ms);
            }
        }
        self.text(&step.limb);
    }
}

/// Reads values from bytes, refusing anything out of place.
pub(super) struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    /// A reader at the start of `bytes`.
    pub fn new(bytes: &'a [u8]) -> Self {
        Self { bytes, at: 0 }
    }

    /// Bytes not read yet.
    pub fn remaining(&self) -> usize {
        self.bytes.len() - self.at
    }

    /// The next `count` bytes.
    pub fn take(&mut self, count: usize) -> Result<&'a [u8], Malformed> {
        if count > self.remaining() {
            return Err(Malformed);
        }
        let taken = &self.bytes[self.at..self.at + count];
        self.at += count;
        Ok(taken)
    }

    fn byte(&mut self) -> Result<u8, Malformed> {
        Ok(self.take(1)?[0])
    }

    /// One varint of at most ten bytes that fits in a `u64`, in its shortest form.
    pub fn varint(&mut self) -> Result<u64, Malformed> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = self.byte()?;
            let bits = u64::from(byte & 0x7f);
            if shift == 63 && bits > 1 {
                return Err(Malformed);
            }
            value |= bits << shift;
            if byte & 0x80 == 0 {
                return if byte == 0 && shift > 0 {
                    Err(Malformed)
                } else {
                    Ok(value)
                };
            }
        }
        Err(Malformed)
    }

    fn signed(&mut self) -> Result<i64, Malformed> {
        let zigzag = self.varint()?;
        Ok((zigzag >> 1) as i64 ^ -((zigzag & 1) as i64))
    }

    fn small<T: TryFrom<u64>>(&mut self) -> Result<T, Malformed> {
        T::try_from(self.varint()?).map_err(|_| Malformed)
    }

    fn text(&mut self) -> Result<String, Malformed> {
        let length = self.small::<usize>()?;
        let bytes = self.take(length)?;
        String::from_utf8(bytes.to_vec()).map_err(|_| Malformed)
    }

    /// A list; its count may not exceed the bytes left, since every item takes at least one.
    fn list<T>(
        &mut self,
        mut read: impl FnMut(&mut Self) -> Result<T, Malformed>,
    ) -> Result<Vec<T>, Malformed> {
        let count = self.small::<usize>()?;
        if count > self.remaining() {
            return Err(Malformed);
        }
        (0..count).map(|_| read(self)).collect()
    }

    fn texts(&mut self) -> Result<Vec<String>, Malformed> {
        self.list(Self::text)
    }

    /// The whole routine.
    pub fn routine(&mut self) -> Result<Routine, Malformed> {
        Ok(Routine {
            id: self.text()?,
            name: self.text()?,
            summary: self.text()?,
            tags: self.texts()?,
            sources: self.list(|reader| {
                Ok(Source {
                    citation: reader.text()?,
                    supports: reader.text()?,
                })
            })?,
            safety_notes: self.texts()?,
            variants: self.list(|reader| {
                Ok(Variant {
                    id: reader.text()?,
                    name: reader.text()?,
                    note: reader.text()?,
                })
            })?,
            steps: self.list(Self::step)?,
            progression: match self.byte()? {
                0 => None,
                1 => Some(self.progression()?),
                _ => return Err(Malformed),
            },
        })
    }

    /// Version 2's addition: gives each step of `routine` its pose id (one per step).
    pub fn poses(&mut self, routine: &mut Routine) -> Result<(), Malformed> {
        let poses = self.texts()?;
        if poses.len() != routine.steps.len() {
            return Err(Malformed);
        }
        for (step, pose) in routine.steps.iter_mut().zip(poses) {
            step.pose = (!pose.is_empty()).then_some(pose);
        }
        Ok(())
    }

    fn progression(&mut self) -> Result<Progression, Malformed> {
        Ok(Progression {
            step_index: self.small()?,
            start_ms: self.varint()?,
            increment_ms: self.varint()?,
            every: match self.byte()? {
                0 => Every::Session,
                1 => Every::Day,
                _ => return Err(Malformed),
            },
            max_ms: self.varint()?,
            counts_from_ms: self.signed()?,
        })
    }

    fn step(&mut self) -> Result<Step, Malformed> {
        let kind = match self.byte()? {
            0 => StepKind::Setup,
            1 => StepKind::Hold,
            2 => StepKind::Rest,
            3 => StepKind::Move,
            _ => return Err(Malformed),
        };
        let name = self.text()?;
        let instructions = self.text()?;
        let duration_ms = self.varint()?;
        let repetitions = self.small()?;
        let rest_between_reps_ms = self.varint()?;
        let sides = match self.byte()? {
            0 => Sides::None,
            1 => Sides::Left,
            2 => Sides::Right,
            tag @ (3 | 4) => Sides::Both {
                first: if tag == 3 {
                    BodySide::Right
                } else {
                    BodySide::Left
                },
                rest_between_ms: self.varint()?,
            },
            _ => return Err(Malformed),
        };
        Ok(Step {
            kind,
            name,
            instructions,
            duration_ms,
            repetitions,
            rest_between_reps_ms,
            sides,
            limb: self.text()?,
            pose: None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn varints_round_trip_and_refuse_overlong_forms() {
        for value in [0, 1, 127, 128, 180_000, u64::from(u32::MAX), u64::MAX] {
            let mut writer = Writer::default();
            writer.varint(value);
            let mut reader = Reader::new(&writer.bytes);
            assert_eq!(reader.varint(), Ok(value));
            assert_eq!(reader.remaining(), 0);
        }
        for value in [i64::MIN, -1, 0, 1, 1_764_000_000_000, i64::MAX] {
            let mut writer = Writer::default();
            writer.signed(value);
            assert_eq!(Reader::new(&writer.bytes).signed(), Ok(value));
        }
        let too_big = [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x02];
        assert_eq!(Reader::new(&too_big).varint(), Err(Malformed));
        assert_eq!(Reader::new(&[0x80, 0x00]).varint(), Err(Malformed));
        assert_eq!(Reader::new(&[0x80]).varint(), Err(Malformed));
    }

    #[test]
    fn lengths_beyond_the_input_are_refused_before_allocating() {
        let mut writer = Writer::default();
        writer.varint(u64::MAX >> 1);
        assert_eq!(Reader::new(&writer.bytes).text(), Err(Malformed));
        assert_eq!(Reader::new(&writer.bytes).texts(), Err(Malformed));
        assert_eq!(
            Reader::new(&[2, 0xff, 0xfe]).text(),
            Err(Malformed),
            "UTF-8"
        );
    }
}
