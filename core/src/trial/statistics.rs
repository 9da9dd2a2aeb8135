//! The statistics of the pair differences: mean, 95 % interval, the exact randomisation
//! test over all 2ⁿ sign assignments, and posterior chances under a flat prior.

use super::student_t;

/// Differences within this of each other are treated as equal (floating-point noise).
const TIE_TOLERANCE: f64 = 1e-9;

/// What the differences (score(B) − score(A), positive = lower with A) show.
#[derive(Debug, Clone, PartialEq)]
pub struct Statistics {
    /// Pairs that counted.
    pub pairs: usize,
    /// Mean difference d̄.
    pub mean: f64,
    /// Sample standard deviation s (n − 1 in the denominator).
    pub standard_deviation: f64,
    /// 95 % interval d̄ ± t(0.975, n−1)·s/√n.
    pub interval: (f64, f64),
    /// Exact one-sided p: share of sign assignments with a mean ≥ the observed one.
    pub p_one_sided: f64,
    /// Exact two-sided p: share with |mean| ≥ |observed mean|.
    pub p_two_sided: f64,
    /// Posterior P(effect > 0).
    pub chance_above_zero: f64,
    /// Posterior P(effect ≥ 1).
    pub chance_at_least_1: f64,
    /// Posterior P(effect ≥ 2), 2 points being a meaningful change (Ostelo 2008).
    pub chance_at_least_2: f64,
}

/// The statistics of `differences`, or `None` with fewer than 2 (no spread to judge by).
pub fn statistics(differences: &[f64]) -> Option<Statistics> {
    let n = differences.len();
    if n < 2 {
        return None;
    }
    let count = n as f64;
    let mean = differences.iter().sum::<f64>() / count;
    let variance = differences.iter().map(|d| (d - mean).powi(2)).sum::<f64>() / (count - 1.0);
    let standard_deviation = variance.sqrt();
    let standard_error = standard_deviation / count.sqrt();
    let degrees_of_freedom = count - 1.0;
    let half_width = student_t::quantile(0.975, degrees_of_freedom) * standard_error;
    let (p_one_sided, p_two_sided) = randomisation_test(differences);
    let chance = |threshold: f64| chance_above(threshold, mean, standard_error, degrees_of_freedom);
    Some(Statistics {
        pairs: n,
        mean,
        standard_deviation,
        interval: (mean - half_width, mean + half_width),
        p_one_sided,
        p_two_sided,
        chance_above_zero: chance(0.0),
        chance_at_least_1: chance(1.0),
        chance_at_least_2: chance(2.0),
    })
}

/// Exact (one-sided, two-sided) p over all 2ⁿ sign assignments of the differences.
pub fn randomisation_test(differences: &[f64]) -> (f64, f64) {
    let n = differences.len();
    let observed: f64 = differences.iter().sum();
    let assignments = 1u64 << n;
    let (mut as_large, mut as_extreme) = (0u64, 0u64);
    for signs in 0..assignments {
        let total: f64 = differences
            .iter()
            .enumerate()
            .map(|(i, d)| if signs >> i & 1 == 1 { -d } else { *d })
            .sum();
        if total >= observed - TIE_TOLERANCE {
            as_large += 1;
        }
        if total.abs() >= observed.abs() - TIE_TOLERANCE {
            as_extreme += 1;
        }
    }
    (
        as_large as f64 / assignments as f64,
        as_extreme as f64 / assignments as f64,
    )
}

/// P(effect ≥ threshold) when the effect's posterior is Student-t(df, mean, scale); with no
/// spread at all, 1 or 0.
fn chance_above(threshold: f64, mean: f64, scale: f64, degrees_of_freedom: f64) -> f64 {
    if scale <= 0.0 {
        return if mean >= threshold { 1.0 } else { 0.0 };
    }
    1.0 - student_t::cdf((threshold - mean) / scale, degrees_of_freedom)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(actual: f64, expected: f64) {
        assert!(
            (actual - expected).abs() < 5e-5,
            "{actual} is not {expected}"
        );
    }

    #[test]
    fn a_clear_effect_computed_by_hand() {
        // d = 2, 3, 1, 2, 2: d̄ = 2, s² = (0+1+1+0+0)/4 = 0.5, s = 0.70711, se = 0.31623,
        // t(0.975, 4) = 2.7764 → half width 0.87798.
        // All 32 sign patterns: only all-positive reaches a sum of 10 → p = 1/32; two-sided 2/32.
        let stats = statistics(&[2.0, 3.0, 1.0, 2.0, 2.0]).unwrap();
        close(stats.mean, 2.0);
        close(stats.standard_deviation, 0.5_f64.sqrt());
        close(stats.interval.0, 1.12202);
        close(stats.interval.1, 2.87798);
        assert_eq!(stats.p_one_sided, 1.0 / 32.0);
        assert_eq!(stats.p_two_sided, 2.0 / 32.0);
        // P(effect ≥ 2) = 1 − T4(0) = 0.5; P(effect ≥ 1) = 1 − T4(−3.1623) = 0.98295.
        close(stats.chance_at_least_2, 0.5);
        close(stats.chance_at_least_1, 0.98295);
        close(stats.chance_above_zero, 0.99840);
    }

    #[test]
    fn no_effect_computed_by_hand() {
        // d = 1, −1, 0.5, −0.5: d̄ = 0; s² = (1+1+0.25+0.25)/3 = 0.83333; se = 0.45644;
        // t(0.975, 3) = 3.1824 → ±1.45259. Sign sums ≥ 0: by symmetry half of the 16 plus
        // the ties at exactly 0 (±1 ∓ 1 with ±0.5 ∓ 0.5: 4 patterns) / 2 → (8 + 2)/16.
        let stats = statistics(&[1.0, -1.0, 0.5, -0.5]).unwrap();
        close(stats.mean, 0.0);
        close(stats.interval.0, -1.45259);
        close(stats.interval.1, 1.45259);
        assert_eq!(stats.p_one_sided, 10.0 / 16.0);
        assert_eq!(stats.p_two_sided, 1.0);
        close(stats.chance_above_zero, 0.5);
    }

    #[test]
    fn fewer_than_two_pairs_give_no_statistics() {
        assert_eq!(statistics(&[]), None);
        assert_eq!(statistics(&[2.0]), None);
    }

    #[test]
    fn identical_differences_have_a_point_interval() {
        let stats = statistics(&[1.5, 1.5, 1.5]).unwrap();
        assert_eq!(stats.interval, (1.5, 1.5));
        assert_eq!(stats.chance_at_least_1, 1.0);
        assert_eq!(stats.chance_at_least_2, 0.0);
        assert_eq!(stats.p_one_sided, 1.0 / 8.0);
    }
}
