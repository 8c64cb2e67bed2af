import Testing

@testable import CapacityPlanning

@Suite("Quantiles and confidence intervals")
struct EstimateTests {
    @Test(arguments: [
        (probability: 0.975, value: 1.959964), (probability: 0.995, value: 2.575829),
        (probability: 0.5, value: 0.0), (probability: 0.01, value: -2.326348),
    ])
    func normalQuantiles(probability: Double, value: Double) {
        #expect(abs(Quantiles.normal(probability) - value) < 1e-5)
    }

    /// Student's t from the tables.
    @Test(arguments: [
        (df: 1, p: 0.975, value: 12.706), (df: 2, p: 0.975, value: 4.303), (df: 4, p: 0.975, value: 2.776),
        (df: 10, p: 0.975, value: 2.228), (df: 19, p: 0.995, value: 2.861), (df: 30, p: 0.975, value: 2.042),
    ])
    func studentTQuantiles(df: Int, p: Double, value: Double) {
        #expect(abs(Quantiles.studentT(p, degreesOfFreedom: df) - value) / value < 2e-3)
    }

    @Test func meanOfReplications() {
        let estimate = Estimate.mean(of: [1, 2, 3, 4, 5])
        #expect(estimate.value == 3)
        // s = 1.5811, t(0.975, 4) = 2.776, half-width = 2.776 × 1.5811 / √5 = 1.963
        #expect(abs(estimate.halfWidth - 1.963) < 0.002)
    }

    @Test func wilsonIntervalStaysInsideZeroToOne() {
        let none = Estimate.proportion(successes: 0, trials: 10)
        #expect(none.lower == 0 && none.upper > 0.2 && none.upper < 0.35)
        let all = Estimate.proportion(successes: 10, trials: 10)
        #expect(all.upper == 1 && all.lower > 0.65)
    }

    /// Exact Poisson limits for 10 events are 4.795 and 18.39.
    @Test func poissonRateInterval() {
        let rate = Estimate.poissonRate(events: 10, exposure: 2)
        #expect(rate.value == 5)
        #expect(abs(rate.lower - 4.795 / 2) < 0.02)
        #expect(abs(rate.upper - 18.39 / 2) < 0.05)
    }
}
