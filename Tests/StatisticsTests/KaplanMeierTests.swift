import Testing

@testable import Statistics

/// The 6-MP arm of Freireich et al. (1963), the textbook example of censored times (weeks in
/// remission; Kleinbaum and Klein, "Survival Analysis", table 2.1). Expected estimates and
/// log-log intervals from lifelines 0.30.3, `KaplanMeierFitter`.
@Suite("Kaplan–Meier with censored times")
struct KaplanMeierTests {
    static let times: [Double] = [6, 6, 6, 6, 7, 9, 10, 10, 11, 13, 16, 17, 19, 20, 22, 23, 25, 32, 32, 34, 35]
    static let relapsed = [1, 1, 1, 0, 1, 0, 1, 0, 0, 1, 1, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0]

    static var estimate: KaplanMeier {
        KaplanMeier(zip(times, relapsed).map { KaplanMeier.Observation(time: $0, hadEvent: $1 == 1) })
    }

    @Test func estimatesAndIntervalsMatchLifelines() {
        let expected: [(time: Double, survival: Double, lower: Double, upper: Double)] = [
            (6, 0.857143, 0.619718, 0.951552), (7, 0.806723, 0.563147, 0.922809), (10, 0.752941, 0.503200, 0.889362),
            (13, 0.690196, 0.431610, 0.849066), (16, 0.627451, 0.367511, 0.804912),
            (22, 0.537815, 0.267779, 0.746791), (23, 0.448179, 0.188052, 0.680143),
        ]
        let steps = Self.estimate.steps
        #expect(steps.map(\.time) == expected.map(\.time))
        for (step, expected) in zip(steps, expected) {
            #expect(abs(step.survival.estimate - expected.survival) < 5e-7)
            #expect(abs(step.survival.lower - expected.lower) < 5e-7)
            #expect(abs(step.survival.upper - expected.upper) < 5e-7)
        }
        #expect(steps.first?.atRisk == 21)
        #expect(steps.first?.events == 3)
    }

    @Test func theMedianIsTheFirstTimeHalfHadTheEvent() {
        #expect(Self.estimate.time(byWhichShareHadEvent: 0.5) == 23)
        #expect(Self.estimate.time(byWhichShareHadEvent: 0.25) == 13)
        // Fewer than three in four relapsed in the time followed: no upper quartile.
        #expect(Self.estimate.time(byWhichShareHadEvent: 0.75) == nil)
    }

    @Test func survivalIsReadBetweenEventTimes() {
        #expect(Self.estimate.survival(at: 5) == 1)
        #expect(abs(Self.estimate.survival(at: 8) - 0.806723) < 5e-7)
        #expect(abs(Self.estimate.survival(at: 100) - 0.448179) < 5e-7)
    }

    @Test func everyoneHavingTheEventEndsAtZeroWithoutAnInterval() {
        let estimate = KaplanMeier([1, 2, 3].map { KaplanMeier.Observation(time: $0, hadEvent: true) })
        #expect(estimate.steps.last?.survival == IntervalEstimate(estimate: 0, lower: 0, upper: 0, level: 0.95))
        #expect(estimate.time(byWhichShareHadEvent: 0.5) == 2)
    }
}
