//! A figure as SVG markup: rounded lines in `currentColor` on a mat, the near (stretched) side
//! marked for the accent colour, a strap as a thin line, a movement as SVG animation of its
//! frames there and back. Coordinates are in tenths of a figure unit, written as integers.

use super::{Body, Figure, Point, VIEW_HALF_WIDTH, VIEW_HEIGHT};

/// Seconds for one movement there and back.
const CYCLE_SECONDS: u32 = 6;
/// Height of the mat under the floor line, in figure units.
const MAT_HEIGHT: f64 = 4.0;

/// The figure as an `<svg role="img">` with its description as accessible name. `animate`
/// false draws the still frame only (reduced motion); `compact` adds the class `compact`.
pub fn figure_svg(figure: &Figure, animate: bool, compact: bool) -> String {
    let moving = animate && figure.frames.len() > 1;
    let frames: Vec<&Body> = if moving {
        let count = figure.frames.len();
        (0..count)
            .chain((0..count - 1).rev())
            .map(|index| &figure.frames[index])
            .collect()
    } else {
        vec![figure.still()]
    };
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
        part(&mut svg, "figure-wall", &[&wall]);
    }
    let far_leg: Vec<_> = frames.iter().map(|body| &body.far_leg[..]).collect();
    let far_arm: Vec<_> = frames.iter().map(|body| &body.far_arm[..]).collect();
    svg.push_str("<g class=\"figure-far\">");
    part(&mut svg, "figure-limb", &far_leg);
    part(&mut svg, "figure-limb", &far_arm);
    svg.push_str("</g>");
    let trunk: Vec<_> = frames.iter().map(|body| &body.trunk[..]).collect();
    part(&mut svg, "figure-limb", &trunk);
    let heads: Vec<[Point; 2]> = frames.iter().map(|body| [body.head; 2]).collect();
    let heads: Vec<_> = heads.iter().map(|head| &head[..]).collect();
    part(&mut svg, "figure-head", &heads);
    let near_leg: Vec<_> = frames.iter().map(|body| &body.near_leg[..]).collect();
    let near_arm: Vec<_> = frames.iter().map(|body| &body.near_arm[..]).collect();
    svg.push_str("<g class=\"figure-near\">");
    part(&mut svg, "figure-limb", &near_leg);
    part(&mut svg, "figure-limb", &near_arm);
    svg.push_str("</g>");
    let straps: Vec<_> = frames
        .iter()
        .filter_map(|body| body.strap.as_ref())
        .collect();
    if straps.len() == frames.len() {
        let straps: Vec<_> = straps.iter().map(|strap| &strap[..]).collect();
        part(&mut svg, "figure-strap", &straps);
    }
    svg.push_str("</svg>");
    svg
}

/// One polyline through each frame's points, animated when there are several frames.
fn part(svg: &mut String, class: &str, frames: &[&[Point]]) {
    let values: Vec<String> = frames.iter().map(|points| svg_points(points)).collect();
    svg.push_str(&format!(
        "<polyline class=\"{class}\" points=\"{}\">",
        values[0]
    ));
    if values.len() > 1 {
        svg.push_str(&format!(
            "<animate attributeName=\"points\" values=\"{}\" dur=\"{CYCLE_SECONDS}s\" \
repeatCount=\"indefinite\"/>",
            values.join(";")
        ));
    }
    svg.push_str("</polyline>");
}

/// Points in SVG's coordinates (y down), in tenths.
fn svg_points(points: &[Point]) -> String {
    let texts: Vec<String> = points
        .iter()
        .map(|point| format!("{},{}", tenths(point.x), tenths(-point.y)))
        .collect();
    texts.join(" ")
}

/// A length in whole tenths of a figure unit.
fn tenths(value: f64) -> i32 {
    (value * 10.0).round() as i32
}

/// Text made safe inside a double-quoted attribute.
fn escape(text: &str) -> String {
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
}
