//! The editor's pose picker as `<option>` markup: "No picture", then every pose of
//! [`POSES`](super::POSES) by its label, the step's own pose selected. One string for the whole
//! list, so the module carries no per-option view code.

use super::svg::escape;
use super::POSES;

/// The options of the pose picker, `selected` (a step's pose id, or `None` for no picture)
/// marked as selected. Each option's value is a pose id; "No picture" has the empty value.
pub fn pose_options(selected: Option<&str>) -> String {
    let mut options = String::new();
    push_option(&mut options, "", "No picture", selected.is_none());
    for entry in POSES {
        push_option(
            &mut options,
            entry.id,
            entry.label,
            selected == Some(entry.id),
        );
    }
    options
}

fn push_option(options: &mut String, value: &str, label: &str, selected: bool) {
    options.push_str("<option value=\"");
    options.push_str(value);
    options.push('"');
    if selected {
        options.push_str(" selected");
    }
    options.push('>');
    options.push_str(&escape(label));
    options.push_str("</option>");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_pose_is_offered_by_its_label_and_the_step_s_pose_is_selected() {
        let none = pose_options(None);
        assert!(none.starts_with("<option value=\"\" selected>No picture</option>"));
        assert_eq!(none.matches("<option ").count(), POSES.len() + 1);
        assert_eq!(none.matches(" selected").count(), 1);
        let cat_cow = pose_options(Some("cat-cow"));
        assert!(cat_cow.starts_with("<option value=\"\">No picture</option>"));
        assert!(cat_cow.contains("<option value=\"cat-cow\" selected>Cat–cow</option>"));
        assert!(cat_cow.contains("<option value=\"childs-pose\">Child's pose</option>"));
        assert_eq!(cat_cow.matches(" selected").count(), 1);
    }

    #[test]
    fn a_step_s_own_pose_id_is_never_written_into_the_markup() {
        let hostile = "\"><img src=x onerror=alert(1)>";
        let options = pose_options(Some(hostile));
        assert!(!options.contains("<img"));
        assert_eq!(
            options,
            pose_options(Some("no-such-pose")).replace(" selected", "")
        );
        assert_eq!(options.matches(" selected").count(), 0);
    }
}
