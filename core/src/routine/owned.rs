//! Is a shared routine one the user already has? Re-opening a link must not silently save a
//! duplicate: the import page offers "Keep both" or "Replace" for the routine found here.

use super::Routine;

/// The user's routine that `shared` is a copy of: the same routine apart from its id, or
/// else one with the same name (ignoring case and surrounding spaces), e.g. after an edit.
pub fn already_owned<'a>(own: &'a [Routine], shared: &Routine) -> Option<&'a Routine> {
    let same_name = |routine: &&Routine| {
        routine.name.trim().to_lowercase() == shared.name.trim().to_lowercase()
    };
    own.iter()
        .find(|routine| routine.as_new_copy(shared.id.clone()) == *shared)
        .or_else(|| own.iter().find(same_name))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::find_builtin;

    #[test]
    fn a_copy_or_a_namesake_is_found_and_a_new_routine_is_not() {
        let seed = find_builtin("strap-hamstring").unwrap();
        let mine = seed.as_new_copy("custom-1");
        let mut renamed = seed.as_new_copy("custom-2");
        renamed.name = "Something else".into();
        let own = [renamed.clone(), mine.clone()];
        assert_eq!(
            already_owned(&own, &seed.as_new_copy("shared")),
            Some(&mine)
        );
        let mut edited = mine.clone();
        edited.steps.pop();
        edited.name = format!("  {}  ", seed.name.to_uppercase());
        assert_eq!(already_owned(&[edited.clone()], &seed), Some(&edited));
        let mut other = seed.clone();
        other.name = "A new one".into();
        other.summary = "Different".into();
        assert_eq!(already_owned(&own[..1], &other), None);
    }
}
