//! What Limber says about safety, in one place: the red flags that mean "see a clinician
//! first" (NICE NG59), the disclaimer, and every source the app cites.

use crate::library::builtin_routines;
use crate::routine::Source;

/// Signs that back pain may have a serious cause (NICE NG59): see a clinician before
/// stretching if any apply.
pub const RED_FLAGS: [&str; 8] = [
    "a recent significant injury, such as a fall or a car accident",
    "a history of cancer",
    "fever, or generally feeling unwell",
    "weight loss you cannot explain",
    "numbness around the groin, genitals or buttocks (the saddle area)",
    "new problems controlling your bladder or bowels",
    "weakness in a leg that is getting worse",
    "pain that is constant and worse at night, whatever position you lie in",
];

/// The one-line disclaimer shown before first use and wherever advice is given.
pub const DISCLAIMER: &str =
    "Limber is not a medical device and does not diagnose or treat anything. \
Bodies differ: what helped one person may not help you. Ask your healthcare provider before trying \
anything new.";

/// The source of the "meaningful change" rule used on the Progress screen.
pub fn meaningful_change_source() -> Source {
    Source {
        citation: "Ostelo RWJG, Deyo RA, Stratford P, et al. Interpreting change scores for pain and \
functional status in low back pain: towards international consensus regarding minimal important change. \
Spine. 2008;33(1):90–94."
            .to_string(),
        supports: "A change of about 2 points, or 30 %, on a 0–10 pain scale is the smallest change \
most people with low back pain notice as meaningful."
            .to_string(),
    }
}

/// Every source the app cites — the built-in routines' and the meaningful-change rule — once
/// each, in the order they first appear.
pub fn all_sources() -> Vec<Source> {
    let mut sources: Vec<Source> = Vec::new();
    let cited = builtin_routines()
        .into_iter()
        .flat_map(|routine| routine.sources);
    for source in cited.chain(std::iter::once(meaningful_change_source())) {
        if !sources
            .iter()
            .any(|known| known.citation == source.citation)
        {
            sources.push(source);
        }
    }
    sources
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_routine_source_and_the_change_rule_are_listed_once() {
        let sources = all_sources();
        for routine in builtin_routines() {
            for source in routine.sources {
                assert_eq!(
                    sources
                        .iter()
                        .filter(|known| known.citation == source.citation)
                        .count(),
                    1
                );
            }
        }
        assert!(sources
            .iter()
            .any(|source| source.citation.contains("Ostelo")));
    }

    #[test]
    fn the_disclaimer_asks_to_see_a_healthcare_provider() {
        assert!(DISCLAIMER.contains("Ask your healthcare provider before trying anything new"));
        assert!(RED_FLAGS.iter().all(|flag| !flag.is_empty()));
    }
}
