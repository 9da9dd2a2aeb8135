//! A figure as SVG markup: rounded lines in `currentColor` on a mat, the near (stretched) side
//! marked for the accent colour, a strap as a thin line, a movement as SVG animation of its
//! frames there and back. Coordinates are in tenths of a figure unit, written as integers.

use super::{Body, Figure, Point, VIEW_HALF_WIDTH, VIEW_HEIGHT};

/// Height of the mat under the floor line, in figure units.
const MAT_HEIGHT: f64 = 4.0;

/// The figure as an `<svg role="img">` with its description as accessible name. `animate`
/// false draws the still frame only (reduced motion); `compact` adds the class `compact`.
pub fn figure_svg(figure: &Figure, animate: bool, compact: bool) -> String {
    let moving = animate && figure.frames.len() > 1;
    let mut frames: Vec<&Body> = Vec::new();
    if moving {
        frames.extend(&figure.frames);
        frames.extend(figure.frames[..figure.frames.len() - 1].iter().rev());
    } else {
        frames.push(figure.still());
    }
    let side = figure.side.map_or("none", |side| side.name());
    let mut classes = String::from("figure");
    if compact {
        classes.push_str(" compact");
    }
    if figure.side.is_some() {
        classes.push_str(" sided");
    }
    let (half, height) = (tenths(VIEW_HALF_WIDTH), tenths(VIEW_HEIGHT));
    let mat = tenths(MAT_HEIGHT);
    let mut svg = format!(
        "<svg class=\"{classes}\" viewBox=\"-{half} -{height} {} {}\" role=\"img\" \
aria-label=\"{}\" data-side=\"{side}\" data-moving=\"{moving}\">\
<rect class=\"figure-mat\" x=\"-{half}\" y=\"0\" width=\"{}\" height=\"{mat}\" rx=\"20\"/>",
        2 * half,
        height + mat,
        escape(&figure.description),
        2 * half,
    );
    if let Some(x) = figure.still().wall_x {
        let wall = [Point { x, y: 0.0 }, Point { x, y: VIEW_HEIGHT }];
        push_polyline(&mut svg, "figure-wall", &[&wall]);
    }
    svg.push_str("<g class=\"figure-far\">");
    part(&mut svg, "figure-limb", &frames, |body| &body.far_leg);
    part(&mut svg, "figure-limb", &frames, |body| &body.far_arm);
    svg.push_str("</g>");
    part(&mut svg, "figure-limb", &frames, |body| &body.trunk);
    part(&mut svg, "figure-head", &frames, |body| {
        std::slice::from_ref(&body.head)
    });
    svg.push_str("<g class=\"figure-near\">");
    part(&mut svg, "figure-limb", &frames, |body| &body.near_leg);
    part(&mut svg, "figure-limb", &frames, |body| &body.near_arm);
    svg.push_str("</g>");
    // Every frame of a figure has the strap of its pose, or none has.
    if figure.still().strap.is_some() {
        part(&mut svg, "figure-strap", &frames, |body| {
            body.strap.as_ref().map_or(&[], |strap| &strap[..])
        });
    }
    svg.push_str("</svg>");
    svg
}

/// One part of the body, the points `points_of` picks, in every frame. A function pointer,
/// not a generic closure, so the module carries one copy of this code for all parts.
fn part(svg: &mut String, class: &str, frames: &[&Body], points_of: fn(&Body) -> &[Point]) {
    let mut parts: Vec<&[Point]> = Vec::with_capacity(frames.len());
    for body in frames {
        parts.push(points_of(body));
    }
    push_polyline(svg, class, &parts);
}

/// One polyline through each frame's points, animated when there are several frames.
fn push_polyline(svg: &mut String, class: &str, frames: &[&[Point]]) {
    svg.push_str("<polyline class=\"");
    svg.push_str(class);
    svg.push_str("\" points=\"");
    push_points(svg, frames[0]);
    svg.push_str("\">");
    if frames.len() > 1 {
        svg.push_str("<animate attributeName=\"points\" values=\"");
        for (index, points) in frames.iter().enumerate() {
            if index > 0 {
                svg.push(';');
            }
            push_points(svg, points);
        }
        svg.push_str(CYCLE_END);
    }
    svg.push_str("</polyline>");
}

/// The end of an `<animate>`: one movement there and back every six seconds, forever.
const CYCLE_END: &str = "\" dur=\"6s\" repeatCount=\"indefinite\"/>";

/// Points in SVG's coordinates (y down), in tenths, "x,y" separated by spaces. A lone point
/// (the head) is written twice: a line of no length, which the round cap draws as a dot.
fn push_points(svg: &mut String, points: &[Point]) {
    let twice;
    let points = if let [point] = points {
        twice = [*point; 2];
        &twice[..]
    } else {
        points
    };
    for (index, point) in points.iter().enumerate() {
        if index > 0 {
            svg.push(' ');
        }
        push_integer(svg, tenths(point.x));
        svg.push(',');
        push_integer(svg, tenths(-point.y));
    }
}

/// Writes `value` in decimal: a few lines instead of a call into `core::fmt` per number.
fn push_integer(svg: &mut String, value: i32) {
    if value < 0 {
        svg.push('-');
    }
    let mut digits = [0u8; 10];
    let mut rest = value.unsigned_abs();
    let mut count = 0;
    loop {
        digits[count] = b'0' + (rest % 10) as u8;
        count += 1;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    for digit in digits[..count].iter().rev() {
        svg.push(char::from(*digit));
    }
}

/// A length in whole tenths of a figure unit.
fn tenths(value: f64) -> i32 {
    (value * 10.0).round() as i32
}

/// Text made safe inside a double-quoted attribute (and as an element's text).
pub(super) fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pose::figure;
    use crate::side::BodySide;

    #[test]
    fn a_still_figure_has_no_animation_and_a_movement_plays_there_and_back() {
        let cat_cow = figure("cat-cow", None, None).unwrap();
        let moving = figure_svg(&cat_cow, true, false);
        assert!(moving.contains("<animate "));
        assert!(moving.contains("data-moving=\"true\""));
        let still = figure_svg(&cat_cow, false, true);
        assert!(!still.contains("<animate"), "reduced motion: no animation");
        assert!(still.starts_with("<svg class=\"figure compact\""));
        let hold = figure("strap-hold", None, Some(BodySide::Left)).unwrap();
        let hold = figure_svg(&hold, true, false);
        assert!(!hold.contains("<animate"));
        assert!(hold.contains("class=\"figure sided\""));
        assert!(hold.contains("data-side=\"left\""));
        assert!(hold.contains("aria-label=\"Lying on your back, left leg raised straight"));
        assert!(hold.contains("figure-strap"));
        assert_eq!(escape("a \"b\" & <c>"), "a &quot;b&quot; &amp; &lt;c>");
    }

    #[test]
    fn integers_are_written_as_core_fmt_writes_them() {
        for value in [0, 7, -7, 10, -305, 1_234, i32::MAX, i32::MIN, -1] {
            let mut written = String::new();
            push_integer(&mut written, value);
            assert_eq!(written, value.to_string());
        }
    }
}
