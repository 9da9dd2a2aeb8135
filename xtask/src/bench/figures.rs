//! The figures the bench reports, their budgets, and the table and JSON made of them.

use serde_json::{json, Map, Value};

use super::stats::Summary;

const KIB: f64 = 1024.0;
/// A kilobyte as issue #17 counts the download budget (1,000 bytes).
const KB: f64 = 1000.0;
const MIB: f64 = 1024.0 * 1024.0;
/// Fewest runs behind a timed figure.
const RUNS: usize = 7;

/// How a figure's numbers read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unit {
    Bytes,
    Ms,
    Percent,
}

/// Which number of a figure its budget applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Statistic {
    /// The typical run.
    Median,
    /// Every sample (cue errors: every cue must be on time).
    Max,
}

/// A figure the bench must report.
#[derive(Debug)]
struct Spec {
    key: &'static str,
    label: &'static str,
    unit: Unit,
    /// The most it may be, and which number that applies to.
    budget: Option<(f64, Statistic)>,
    /// Fewest samples for a trustworthy figure.
    min_samples: usize,
}

const fn spec(
    key: &'static str,
    label: &'static str,
    unit: Unit,
    budget: Option<(f64, Statistic)>,
    min_samples: usize,
) -> Spec {
    Spec {
        key,
        label,
        unit,
        budget,
        min_samples,
    }
}

use Statistic::{Max, Median};
use Unit::{Bytes, Ms, Percent};

/// Every figure, in table order. Keys ending in `_bytes` of the download come from the Rust
/// side (`sizes.rs`); the rest from the browser part.
#[rustfmt::skip]
const SPECS: &[Spec] = &[
    spec("download_gzip_bytes", "First visit download, gzip (all precached files)", Bytes, Some((300.0 * KB, Median)), 1),
    spec("wasm_gzip_bytes", "  of which the wasm module, gzip", Bytes, Some((270.0 * KB, Median)), 1),
    spec("interactive_cold_ms", "Interactive, cold (fresh profile)", Ms, Some((60.0, Median)), RUNS),
    spec("interactive_cold_4x_ms", "Interactive, cold, 4× CPU throttling", Ms, Some((250.0, Median)), RUNS),
    spec("interactive_warm_offline_ms", "Interactive, warm offline (service worker)", Ms, Some((50.0, Median)), RUNS),
    spec("interactive_warm_offline_4x_ms", "Interactive, warm offline, 4× CPU throttling", Ms, Some((200.0, Median)), RUNS),
    spec("mobile_first_paint_ms", "First visit, mobile link + 4× CPU: first paint", Ms, Some((1000.0, Median)), RUNS),
    spec("mobile_interactive_ms", "First visit, mobile link + 4× CPU: interactive", Ms, Some((2500.0, Median)), RUNS),
    spec("js_heap_bytes", "JS heap after start (after GC)", Bytes, None, RUNS),
    spec("wasm_memory_bytes", "wasm memory after start", Bytes, None, RUNS),
    spec("memory_bytes", "JS heap + wasm memory after start", Bytes, Some((3.0 * MIB, Median)), RUNS),
    spec("cue_error_ms", "Cue error |planned − audio clock|, per earcon", Ms, Some((5.0, Max)), 2),
    spec("hands_free_visible_earcon_ms", "Hands-free, visible: earcon error |heard − plan|", Ms, Some((5.0, Max)), 2),
    spec("hands_free_visible_speech_ms", "Hands-free, visible: speech error |asked − plan|", Ms, Some((1_000.0, Max)), 2),
    spec("hands_free_hidden_earcon_ms", "Hands-free, hidden (headful): earcon error", Ms, Some((20.0, Max)), 2),
    spec("hands_free_hidden_speech_ms", "Hands-free, hidden (headful): speech error", Ms, Some((1_000.0, Max)), 2),
    spec("cpu_hold_visible_percent", "CPU during a hold, visible (% of a core)", Percent, Some((2.0, Median)), RUNS),
    spec("cpu_hold_hidden_percent", "CPU during a hold, hidden (% of a core)", Percent, Some((0.5, Median)), RUNS),
    spec("log10k_load_ms", "10,000 entries: load + parse (first storage read to Today, with − without)", Ms, Some((30.0, Median)), RUNS),
    spec("log10k_history_ms", "10,000 entries: history render (to Log)", Ms, Some((50.0, Median)), RUNS),
    spec("log10k_chart_ms", "10,000 entries: chart render (to Progress)", Ms, Some((30.0, Median)), RUNS),
    spec("log10k_save_ms", "10,000 entries: save one more (tap to stored)", Ms, Some((5.0, Median)), RUNS),
    spec("log10k_stored_bytes", "10,000 entries: bytes stored", Bytes, Some((MIB, Median)), 1),
];

/// One line of the report.
#[derive(Debug)]
pub struct Row {
    spec: &'static Spec,
    /// The figure, or why it does not apply (e.g. no service worker yet).
    value: Result<Summary, String>,
}

impl Row {
    /// True or false against the budget; `None` without a budget or a value.
    fn met(&self) -> Option<bool> {
        let (limit, statistic) = self.spec.budget?;
        let summary = self.value.as_ref().ok()?;
        let value = match statistic {
            Median => summary.median,
            Max => summary.max,
        };
        Some(value <= limit)
    }
}

/// Matches the measured figures (`key → {"samples": [..]}` or `{"na": "why"}`) to the list:
/// fails if one is missing, malformed or has too few samples.
pub fn rows(measured: &Map<String, Value>) -> Result<Vec<Row>, String> {
    SPECS
        .iter()
        .map(|spec| {
            let figure = measured
                .get(spec.key)
                .ok_or_else(|| format!("the figure `{}` was not measured", spec.key))?;
            if let Some(reason) = figure.get("na").and_then(Value::as_str) {
                return Ok(Row {
                    spec,
                    value: Err(reason.to_string()),
                });
            }
            let samples: Vec<f64> = figure
                .get("samples")
                .and_then(Value::as_array)
                .map(|samples| samples.iter().filter_map(Value::as_f64).collect())
                .unwrap_or_default();
            if samples.len() < spec.min_samples {
                return Err(format!(
                    "`{}` has {} samples, fewer than {}",
                    spec.key,
                    samples.len(),
                    spec.min_samples
                ));
            }
            let summary = Summary::of(&samples)
                .ok_or_else(|| format!("`{}` has samples that are not numbers", spec.key))?;
            Ok(Row {
                spec,
                value: Ok(summary),
            })
        })
        .collect()
}

/// Prints the table: figure | median | min | max | budget | met.
pub fn print(rows: &[Row]) {
    let line = |cells: [&str; 6]| {
        println!(
            "{:<52} {:>11} {:>11} {:>11} {:>13}  {}",
            cells[0], cells[1], cells[2], cells[3], cells[4], cells[5]
        );
    };
    line(["figure", "median", "min", "max", "budget", ""]);
    for row in rows {
        let unit = row.spec.unit;
        let budget = row
            .spec
            .budget
            .map_or("-".to_string(), |(limit, statistic)| {
                let max = if statistic == Max { "max " } else { "" };
                format!("{max}≤ {}", format(unit, limit))
            });
        let status = match (&row.value, row.met()) {
            (Err(reason), _) => format!("n/a ({reason})"),
            (Ok(_), Some(true)) => "met".into(),
            (Ok(_), Some(false)) => "NOT met".into(),
            (Ok(_), None) => String::new(),
        };
        match &row.value {
            Ok(summary) if summary.count == 1 => line([
                row.spec.label,
                &format(unit, summary.median),
                "",
                "",
                &budget,
                &status,
            ]),
            Ok(summary) => line([
                row.spec.label,
                &format(unit, summary.median),
                &format(unit, summary.min),
                &format(unit, summary.max),
                &budget,
                &status,
            ]),
            Err(_) => line([row.spec.label, "n/a", "", "", &budget, &status]),
        }
    }
}

/// A number with its unit: `12.3 ms`, `45.6 KiB`, `1.23 MiB`, `0.42 %`.
fn format(unit: Unit, value: f64) -> String {
    match unit {
        Unit::Ms => format!("{value:.1} ms"),
        Unit::Percent => format!("{value:.2} %"),
        Unit::Bytes if value >= MIB => format!("{:.2} MiB", value / MIB),
        Unit::Bytes => format!("{:.1} KiB", value / KIB),
    }
}

/// The rows as JSON objects, for `bench-results.json`.
pub fn to_json(rows: &[Row]) -> Value {
    let figures: Vec<Value> = rows
        .iter()
        .map(|row| {
            let (summary, na) = match &row.value {
                Ok(summary) => (Some(summary), None),
                Err(reason) => (None, Some(reason)),
            };
            json!({
                "key": row.spec.key,
                "label": row.spec.label.trim(),
                "unit": match row.spec.unit { Bytes => "bytes", Ms => "ms", Percent => "percent" },
                "median": summary.map(|s| s.median),
                "min": summary.map(|s| s.min),
                "max": summary.map(|s| s.max),
                "samples": summary.map(|s| s.count),
                "budget": row.spec.budget.map(|(limit, _)| limit),
                "budget_applies_to": row.spec.budget.map(|(_, statistic)| match statistic {
                    Median => "median",
                    Max => "max",
                }),
                "met": row.met(),
                "not_applicable": na,
            })
        })
        .collect();
    Value::Array(figures)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn measured_all(samples: &[f64]) -> Map<String, Value> {
        SPECS
            .iter()
            .map(|spec| (spec.key.to_string(), json!({ "samples": samples })))
            .collect()
    }

    #[test]
    fn every_figure_is_required_and_judged_against_its_budget() {
        let mut measured = measured_all(&[0.1; 12]);
        let rows = rows(&measured).unwrap();
        assert_eq!(rows.len(), SPECS.len());
        assert!(rows.iter().all(|row| row.met() != Some(false)));

        measured.insert(
            "interactive_cold_ms".into(),
            json!({ "samples": vec![100.0; 7] }),
        );
        measured.insert(
            "interactive_warm_offline_ms".into(),
            json!({ "na": "no service worker yet" }),
        );
        let rows = super::rows(&measured).unwrap();
        assert_eq!(rows[2].met(), Some(false));
        assert_eq!(rows[4].met(), None);
        assert_eq!(to_json(&rows)[4]["not_applicable"], "no service worker yet");

        measured.insert("log10k_save_ms".into(), json!({ "samples": [1.0, 2.0] }));
        assert!(super::rows(&measured).unwrap_err().contains("fewer than 7"));
        measured.remove("log10k_save_ms");
        assert!(super::rows(&measured).unwrap_err().contains("not measured"));
    }

    #[test]
    fn cue_error_is_judged_by_its_worst_cue() {
        let mut measured = measured_all(&[0.1; 12]);
        measured.insert("cue_error_ms".into(), json!({ "samples": [1.0, 1.0, 9.0] }));
        let rows = rows(&measured).unwrap();
        let cue = rows
            .iter()
            .find(|row| row.spec.key == "cue_error_ms")
            .unwrap();
        assert_eq!(cue.met(), Some(false));
    }

    #[test]
    fn units_read_naturally() {
        assert_eq!(format(Ms, 12.34), "12.3 ms");
        assert_eq!(format(Bytes, 2048.0), "2.0 KiB");
        assert_eq!(format(Bytes, 3.0 * MIB), "3.00 MiB");
        assert_eq!(format(Percent, 0.5), "0.50 %");
    }
}
