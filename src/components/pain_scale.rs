//! The 0–10 pain scale: eleven large buttons, one tap to answer; the chosen one stays marked.

use leptos::prelude::*;

/// Eleven buttons, 0 (no pain) to 10 (worst imaginable), in a labelled group; the selected
/// rating is pressed (`aria-pressed`) and highlighted.
#[component]
pub fn PainScale(
    /// The question, shown above the buttons and naming the group.
    #[prop(into)]
    label: String,
    /// Called with the chosen rating.
    on_pick: Callback<u8>,
    /// The rating currently chosen, if any.
    #[prop(optional, into)]
    selected: Signal<Option<u8>>,
) -> impl IntoView {
    let label_id = format!("pain-scale-{}", label.len());
    let group_labelled_by = label_id.clone();
    view! {
        <div class="pain-scale" role="group" aria-labelledby=group_labelled_by>
            <p class="pain-scale-label" id=label_id>{label}</p>
            <div class="pain-scale-buttons">
                {(0..=10u8)
                    .map(|rating| {
                        let is_selected = move || selected.get() == Some(rating);
                        view! {
                            <button type="button" class="pain-button" data-rating=rating
                                class:selected=is_selected
                                aria-pressed=move || is_selected().to_string()
                                on:click=move |_| on_pick.run(rating)>
                                {rating.to_string()}
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
            <p class="pain-scale-ends" aria-hidden="true">
                <span>"0 no pain"</span>
                <span>"10 worst"</span>
            </p>
        </div>
    }
}
