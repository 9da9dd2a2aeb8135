//! What a routine asks of you: its steps with their times, its safety notes and its sources.
//! Shown on the routine's detail page and in the preview of a shared routine.

use leptos::prelude::*;
use limber_core::duration::format_clock;
use limber_core::routine::{Routine, Sides, Step, StepKind};

use crate::components::figure::{step_figure, PoseFigure};

/// The "Steps", "Safety" and "Sources" sections of a routine.
#[component]
pub fn RoutineOutline(
    /// The routine described.
    routine: Routine,
    /// The variant chosen, which some pictures follow (the strap stretch's resting leg).
    #[prop(optional)]
    variant: Option<Signal<Option<String>>>,
) -> impl IntoView {
    view! {
        <h2>"Steps"</h2>
        <ol class="steps">
            {routine
                .steps
                .iter()
                .map(|step| {
                    let pictured = step.clone();
                    let picture = move || {
                        let variant = variant.and_then(|variant| variant.get());
                        step_figure(&pictured, variant.as_deref(), None)
                            .map(|figure| view! { <PoseFigure figure /> })
                    };
                    view! {
                        <li class="step-with-figure">
                            {picture}
                            <div>
                                <strong>{step.name.clone()}</strong>
                                " — "
                                {step_summary(step)}
                                <p>{step.instructions.clone()}</p>
                            </div>
                        </li>
                    }
                })
                .collect_view()}
        </ol>
        <h2>"Safety"</h2>
        <ul class="safety">{routine.safety_notes.iter().map(|note| view! { <li>{note.clone()}</li> }).collect_view()}</ul>
        <p class="disclaimer">
            "Ask your healthcare provider before trying anything new. Stop if pain is sharp, spreads down a leg, or you feel numbness or tingling."
        </p>
        <h2>"Sources"</h2>
        <ul class="sources">
            {routine
                .sources
                .iter()
                .map(|source| {
                    view! {
                        <li>
                            <cite>{source.citation.clone()}</cite>
                            {(!source.supports.is_empty())
                                .then(|| view! { <br /><span class="supports">{source.supports.clone()}</span> })}
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}

/// "3:00 per leg, right first, 1:00 rest between" and the like.
fn step_summary(step: &Step) -> String {
    let length = if step.kind == StepKind::Setup && step.duration_ms == 0 {
        "untimed".to_string()
    } else {
        format_clock(step.duration_ms / 1_000)
    };
    let mut parts = vec![match step.sides {
        Sides::None => length,
        Sides::Left => format!("{length}, left {}", step.limb),
        Sides::Right => format!("{length}, right {}", step.limb),
        Sides::Both {
            first,
            rest_between_ms,
        } => {
            let rest = if rest_between_ms > 0 {
                format!(", {} rest between", format_clock(rest_between_ms / 1_000))
            } else {
                String::new()
            };
            format!("{length} per {}, {} first{rest}", step.limb, first.name())
        }
    }];
    if step.repetitions > 1 {
        parts.push(format!("× {}", step.repetitions));
        if step.rest_between_reps_ms > 0 {
            parts.push(format!(
                "{} rest between",
                format_clock(step.rest_between_reps_ms / 1_000)
            ));
        }
    }
    parts.join(", ")
}
