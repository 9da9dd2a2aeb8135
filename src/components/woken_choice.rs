//! "Woken by pain": 0 / 1 / 2 / 3 or more, one tap; shared by the morning check-in and the
//! Log's editor for a night check-in.

use leptos::prelude::*;
use limber_core::log::MAX_TIMES_WOKEN;

/// Four buttons in a group named "Woken by pain" (its label's id `label_id`, unique on the
/// page); the `selected` one is pressed; `on_pick` gets the times (3 means 3 or more).
pub fn woken_choice(
    label_id: String,
    selected: Signal<Option<u8>>,
    on_pick: Callback<u8>,
) -> impl IntoView {
    let group_labelled_by = label_id.clone();
    view! {
        <div class="woken-choice" role="group" aria-labelledby=group_labelled_by>
            <p id=label_id>"Woken by pain"</p>
            {(0..=MAX_TIMES_WOKEN)
                .map(|times| {
                    let label = if times == MAX_TIMES_WOKEN { "3 or more".to_string() } else { times.to_string() };
                    view! {
                        <button
                            type="button"
                            class="woken-button"
                            aria-pressed=move || (selected.get() == Some(times)).to_string()
                            on:click=move |_| on_pick.run(times)
                        >
                            {label}
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}
