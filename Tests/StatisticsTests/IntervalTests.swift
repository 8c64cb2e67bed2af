import Testing

@testable import Statistics

/// Expected values are from published worked examples where they exist (Newcombe 1998) and
/// otherwise from reference implementations, computed once and written here with the call that
/// gave them: scipy 1.17.1 and statsmodels 0.15.0.
@Suite("Intervals for proportions, counts and rates")
struct IntervalTests {
    @Test func normalQuantilesMatchTheTables() {
        expectClose(StandardNormal.criticalValue(level: 0.95), 1.959963984540054, within: 1e-12)
        expectClose(StandardNormal.quantile(0.995), 2.5758293035489, within: 1e-12)
        expectClose(StandardNormal.quantile(1e-10), -6.361340902404056, within: 1e-9)
        expectClose(StandardNormal.cumulativeProbability(1.959963984540054), 0.975, within: 1e-12)
    }

    /// Newcombe (1998), "Two-sided confidence intervals for the single proportion", Table I,
    /// method 3 (score), to the four places published; statsmodels' `proportion_confint(method=
    /// "wilson")` to six.
    @Test(arguments: [
        (81, 263, 0.255289, 0.366210), (15, 148, 0.062386, 0.160487), (0, 20, 0.0, 0.161125),
        (1, 29, 0.006113, 0.171755), (29, 29, 0.883030, 1.0),
    ])
    func wilsonIntervalsMatchNewcombe(count: Int, total: Int, lower: Double, upper: Double) {
        let interval = Proportion(count, of: total).wilsonInterval()
        expectClose(interval?.lower, lower, within: 5e-7)
        expectClose(interval?.upper, upper, within: 5e-7)
        expectClose(interval?.estimate, Double(count) / Double(total), within: 1e-15)
    }

    @Test func anEmptyGroupHasNoShareAndNoInterval() {
        #expect(Proportion(0, of: 0).value == nil)
        #expect(Proportion(0, of: 0).wilsonInterval() == nil)
    }

    /// scipy: `chi2.ppf(0.025, 2x) / 2` and `chi2.ppf(0.975, 2x + 2) / 2`.
    @Test(arguments: [
        (0, 0.0, 3.688879), (1, 0.025318, 5.571643), (5, 1.623486, 11.668332), (9, 4.115373, 17.084803),
    ])
    func smallCountsHaveExactIntervals(count: Int, lower: Double, upper: Double) {
        let interval = EventCount(count).interval()
        expectClose(interval.lower, lower, within: 5e-7)
        expectClose(interval.upper, upper, within: 5e-7)
    }

    /// Byar's formula (computed independently in Python), and within 0.2% of the exact bounds
    /// (scipy, as above: 10 gives 4.795389 to 18.390356, 50 gives 37.110964 to 65.918767).
    @Test(arguments: [
        (10, 4.787450, 18.391459, 4.795389, 18.390356), (50, 37.108100, 65.920157, 37.110964, 65.918767),
    ])
    func countsFromTenUseByar(count: Int, lower: Double, upper: Double, exactLower: Double, exactUpper: Double) {
        let interval = EventCount(count).interval()
        expectClose(interval.lower, lower, within: 5e-6)
        expectClose(interval.upper, upper, within: 5e-6)
        #expect(abs(interval.lower / exactLower - 1) < 0.002)
        #expect(abs(interval.upper / exactUpper - 1) < 0.002)
    }

    @Test func aRateCarriesItsCountsInterval() {
        // 15 referrals per open bed, as in the 2016 survey: 30 referrals for 2 beds.
        let rate = EventCount(30).rate(per: 2)
        expectClose(rate?.estimate, 15, within: 1e-12)
        expectClose(rate.map { $0.lower * 2 }, EventCount(30).interval().lower, within: 1e-12)
        #expect(EventCount(3).rate(per: 0) == nil)
    }

    @Test func theChiSquaredDistributionFunctionMatchesScipy() {
        // scipy: chi2.cdf(3.0, 4) and chi2.cdf(40.0, 30)
        expectClose(ChiSquared.cumulativeProbability(3, degreesOfFreedom: 4), 0.442174599628, within: 1e-10)
        expectClose(ChiSquared.cumulativeProbability(40, degreesOfFreedom: 30), 0.895135718892, within: 1e-9)
    }
}
