//! Stretch dose: the time held on each leg, day by day, as a small table (newest first).

use leptos::prelude::*;
use limber_core::duration::format_clock;
use limber_core::insight::DayPoint;

/// One row per day with stretch held in `series`, with left, right and (when any) other
/// time, or a line saying there was none.
#[component]
pub fn DoseTable(
    /// Days of the period shown, oldest first.
    #[prop(into)]
    series: Signal<Vec<DayPoint>>,
) -> impl IntoView {
    move || {
        series.with(|days| {
            let held: Vec<&DayPoint> = days
                .iter()
                .rev()
                .filter(|day| {
                    let dose = day.dose;
                    dose.left_seconds + dose.right_seconds + dose.unsided_seconds > 0
                })
                .collect();
            if held.is_empty() {
                return view! { <p class="note">"No stretch held in this period."</p> }.into_any();
            }
            let any_unsided = held.iter().any(|day| day.dose.unsided_seconds > 0);
            let rows = held
                .into_iter()
                .map(|day| {
                    let dose = day.dose;
                    let clock = |seconds: u32| format_clock(u64::from(seconds));
                    view! {
                        <tr>
                            <th scope="row">{day.date.to_human()}</th>
                            <td>{clock(dose.left_seconds)}</td>
                            <td>{clock(dose.right_seconds)}</td>
                            {any_unsided.then(|| view! { <td>{clock(dose.unsided_seconds)}</td> })}
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <div class="dose-table-box">
                    <table class="dose-table">
                        <caption class="visually-hidden">"Stretch held per day (minutes:seconds)"</caption>
                        <thead>
                            <tr>
                                <th scope="col">"Day"</th>
                                <th scope="col">"Left"</th>
                                <th scope="col">"Right"</th>
                                {any_unsided.then(|| view! { <th scope="col">"Other"</th> })}
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            }
            .into_any()
        })
    }
}
