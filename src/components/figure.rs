//! A stretch drawn as a figure (markup from [`figure_svg`]): still when the user prefers
//! reduced motion.

use leptos::prelude::*;
use limber_core::pose::{figure, figure_svg, Figure};
use limber_core::routine::Step;
use limber_core::side::BodySide;

use crate::browser::motion::prefers_reduced_motion;

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
    /// True for the small figure of the player and the editor.
    #[prop(optional)]
    compact: bool,
) -> impl IntoView {
    let markup = figure_svg(&figure, !prefers_reduced_motion(), compact);
    view! { <div class="figure-frame" inner_html=markup></div> }
}
