//! A stretch drawn as a figure: the pose's body as rounded lines in `currentColor` on a mat,
//! the side being stretched in the accent colour, a strap as a thin line from hand to foot.
//! A movement plays its frames with SVG animation (no script runs per frame) and holds still
//! when the user prefers reduced motion.

use leptos::prelude::*;
use limber_core::pose::{figure, Body, Figure, Point, VIEW_HALF_WIDTH, VIEW_HEIGHT};
use limber_core::routine::Step;
use limber_core::side::BodySide;

use crate::browser::motion::prefers_reduced_motion;

/// Seconds for one movement there and back.
const CYCLE_SECONDS: u32 = 6;
/// Height of the mat drawn under the floor line, in figure units.
const MAT_HEIGHT: f64 = 4.0;

/// The figure for `step` on `side` (its first side when `None`), following `variant`; `None`
/// when the step has no picture.
pub fn step_figure(step: &Step, variant: Option<&str>, side: Option<BodySide>) -> Option<Figure> {
    let side = side.or_else(|| step.sides.order()[0]);
    figure(step.pose.as_deref()?, variant, side)
}

/// One figure as an SVG image with a text alternative.
#[component]
pub fn PoseFigure(
    /// What to draw.
    figure: Figure,
    /// True for the small figure of the player.
    #[prop(optional)]
    compact: bool,
) -> impl IntoView {
    let moving = figure.frames.len() > 1 && !prefers_reduced_motion();
    let frames: Vec<&Body> = if moving {
        // There and back: forward through the frames, then back without repeating the ends.
        let count = figure.frames.len();
        (0..count)
            .chain((1..count - 1).rev())
            .map(|index| &figure.frames[index])
            .chain(std::iter::once(&figure.frames[0]))
            .collect()
    } else {
        vec![figure.still()]
    };
    let side = figure.side.map_or("none", BodySide::name);
    let view_box = format!(
        "{} {} {} {}",
        -VIEW_HALF_WIDTH,
        -VIEW_HEIGHT,
        2.0 * VIEW_HALF_WIDTH,
        VIEW_HEIGHT + MAT_HEIGHT
    );
    let wall = figure.still().wall_x.map(|x| {
        let points = svg_points(&[Point { x, y: 0.0 }, Point { x, y: VIEW_HEIGHT }]);
        view! { <polyline class="figure-wall" points=points /> }
    });
    let strap = figure.still().strap.is_some().then(|| {
        part("figure-strap", &frames, |body| {
            body.strap.map(Vec::from).unwrap_or_default()
        })
    });
    view! {
        <svg
            class="figure"
            class:compact=compact
            class:sided=figure.side.is_some()
            viewBox=view_box
            role="img"
            aria-label=figure.description.clone()
            data-side=side
            data-moving=moving.to_string()
        >
            <rect class="figure-mat" x=(-VIEW_HALF_WIDTH).to_string() y="0" width=(2.0 * VIEW_HALF_WIDTH).to_string() height=MAT_HEIGHT.to_string() rx="2" />
            {wall}
            <g class="figure-far">
                {part("figure-limb", &frames, |body| body.far_leg.to_vec())}
                {part("figure-limb", &frames, |body| body.far_arm.to_vec())}
            </g>
            {part("figure-limb", &frames, |body| body.trunk.to_vec())}
            {part("figure-head", &frames, |body| vec![body.head, body.head])}
            <g class="figure-near">
                {part("figure-limb", &frames, |body| body.near_leg.to_vec())}
                {part("figure-limb", &frames, |body| body.near_arm.to_vec())}
            </g>
            {strap}
        </svg>
    }
}

/// One body part as a polyline through `points_of` each frame, animated when there are
/// several frames.
fn part(
    class: &'static str,
    frames: &[&Body],
    points_of: impl Fn(&Body) -> Vec<Point>,
) -> impl IntoView {
    let values: Vec<String> = frames
        .iter()
        .map(|body| svg_points(&points_of(body)))
        .collect();
    let first = values[0].clone();
    let animation = (values.len() > 1).then(|| {
        let values = values.join(";");
        view! { <animate attributeName="points" values=values dur=format!("{CYCLE_SECONDS}s") repeatCount="indefinite" /> }
    });
    view! { <polyline class=class points=first>{animation}</polyline> }
}

/// Points in SVG's coordinates (y down), to one decimal.
fn svg_points(points: &[Point]) -> String {
    let texts: Vec<String> = points
        .iter()
        .map(|point| format!("{:.1},{:.1}", point.x, -point.y))
        .collect();
    texts.join(" ")
}
