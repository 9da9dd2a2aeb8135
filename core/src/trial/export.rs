//! What of a trial leaves the device: the frozen plan as JSON and as a short pre-registration
//! text with its SHA-256 fingerprint (the days as CSV are in `transfer::trial_csv`).

use serde_json::json;

use super::design::Trial;

/// The plan as JSON for a pre-registration: the frozen plan, the exact text its SHA-256
/// fingerprint was taken of (`signed_text`), and the fingerprint.
pub fn plan_json(trial: &Trial) -> String {
    let signed_text = trial.plan_json();
    let plan: serde_json::Value = serde_json::from_str(&signed_text).expect("the plan is JSON");
    let document = json!({
        "limber_trial_plan": plan,
        "signed_text": signed_text,
        "sha256": trial.fingerprint(),
        "first_day": trial.start.to_string(),
        "last_day": trial.end().to_string(),
    });
    serde_json::to_string_pretty(&document).expect("a plan always serialises")
}

/// A short text stating the plan before day 1, ending with its SHA-256 fingerprint.
pub fn preregistration_text(trial: &Trial) -> String {
    let design = &trial.design;
    let orders: Vec<String> = trial
        .a_first
        .iter()
        .enumerate()
        .map(|(pair, a_first)| {
            let order = if *a_first { "A then B" } else { "B then A" };
            format!("pair {}: {order}", pair + 1)
        })
        .collect();
    format!(
        "Personal trial plan (Limber)\n\
         A: {a}. B: {b}.\n\
         {pairs} pairs of {block}-day blocks, {washout} washout days at the start of each \
         block left out.\n\
         Outcome: {outcome}.\n\
         From {start} to {end}.\n\
         Order, decided by a fair coin per pair: {orders}.\n\
         Analysis: block means, difference B − A per pair, exact randomisation test, 95 % \
         interval.\n\
         SHA-256 of the plan: {fingerprint}\n",
        a = design.a.describe(),
        b = design.b.describe(),
        pairs = design.pairs,
        block = design.block_days,
        washout = design.washout_days,
        outcome = design.outcome.label(),
        start = trial.start,
        end = trial.end(),
        orders = orders.join(", "),
        fingerprint = trial.fingerprint(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn trial() -> Trial {
        crate::trial::sample_trial()
    }

    #[test]
    fn the_preregistration_names_the_order_and_the_fingerprint() {
        let trial = trial();
        let text = preregistration_text(&trial);
        assert!(text.contains("pair 1: A then B, pair 2: B then A, pair 3: B then A"));
        assert!(text.contains("From 2026-12-01 to 2026-12-30."));
        assert!(text.ends_with(&format!("SHA-256 of the plan: {}\n", trial.fingerprint())));
        let json: serde_json::Value = serde_json::from_str(&plan_json(&trial)).unwrap();
        assert_eq!(json["sha256"], trial.fingerprint());
        let signed = json["signed_text"].as_str().unwrap();
        assert_eq!(
            crate::trial::sha256::sha256_hex(signed.as_bytes()),
            trial.fingerprint()
        );
        assert_eq!(json["limber_trial_plan"]["a_first"][0], true);
    }
}
