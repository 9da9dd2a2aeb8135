//! Opening stored text, at start-up or when another tab writes it: one set of rules deciding
//! what the app runs with and whether it may write over the text, so nothing is ever
//! destroyed without a copy and a newer version's data is never rewritten by an older app.

use super::{restore, Document, Restored, RestoreIssue};

/// What to run with, and what may be done with the stored text.
#[derive(Debug, Clone, PartialEq)]
pub struct Opened {
    /// The document to run with.
    pub document: Document,
    /// Whether the stored text may be written over.
    pub verdict: Verdict,
}

/// Whether the stored text may be written over.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// Understood completely (or nothing stored): save over it freely.
    Understood,
    /// Not understood completely: copy the stored text byte for byte under a backup key
    /// before anything is written, and tell the user `notice`.
    KeepCopyFirst {
        /// What was kept and what was not understood, in sentences.
        notice: String,
    },
    /// Written by a newer Limber: never merge it and never write over it; stop saving.
    Newer {
        /// The format version found.
        found: u32,
    },
}

/// Opens the text found in storage at start-up (`None`: nothing stored yet).
///
/// A newer version's document is shown (read as far as this version can) but never written
/// over; anything not understood completely must be copied before it is written over.
pub fn open(stored: Option<&str>) -> Opened {
    let Some(text) = stored else {
        return understood(Document::default());
    };
    match restore(text) {
        Err(error) => Opened {
            document: Document::default(),
            verdict: Verdict::KeepCopyFirst {
                notice: format!(
                    "Your saved data could not be read ({}). Limber kept an untouched copy and \
                     started afresh; nothing was overwritten.",
                    error.reason
                ),
            },
        },
        Ok(restored) if restored.is_from_newer_version() => Opened {
            verdict: Verdict::Newer {
                found: restored.from_version,
            },
            document: restored.document,
        },
        Ok(restored) => with_losses_kept(restored.document.clone(), &restored),
    }
}

/// What to do when another tab wrote `written` (`None`: it removed the document) while this
/// tab holds `mine`. A newer version is never merged (this tab must stop saving); anything
/// else is merged in, and text not understood completely must be copied before this tab
/// writes over it.
pub fn take_other_tab_write(mine: &Document, written: Option<&str>) -> Opened {
    let Some(text) = written else {
        return understood(mine.clone());
    };
    match restore(text) {
        Err(_) => {
            let mut opened = open(Some(text));
            opened.document = mine.clone();
            opened
        }
        Ok(restored) if restored.is_from_newer_version() => Opened {
            document: mine.clone(),
            verdict: Verdict::Newer {
                found: restored.from_version,
            },
        },
        Ok(restored) => with_losses_kept(mine.merged_with(&restored.document), &restored),
    }
}

fn understood(document: Document) -> Opened {
    Opened {
        document,
        verdict: Verdict::Understood,
    }
}

/// `document`, to be written only after a copy when the restore lost or changed anything.
fn with_losses_kept(document: Document, restored: &Restored) -> Opened {
    if restored.recovered_fully {
        return understood(document);
    }
    let losses: Vec<String> = restored
        .issues
        .iter()
        .filter(|issue| issue.is_loss())
        .map(RestoreIssue::to_string)
        .collect();
    Opened {
        document,
        verdict: Verdict::KeepCopyFirst {
            notice: format!(
                "Part of your saved data was not understood, so Limber kept an untouched copy \
                 before changing anything. {}",
                losses.join(" ")
            ),
        },
    }
}

impl Verdict {
    /// True when the stored text may be written over once any copy asked for is kept.
    pub fn allows_writing(&self) -> bool {
        !matches!(self, Verdict::Newer { .. })
    }
}
