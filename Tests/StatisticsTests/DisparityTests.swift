import Testing

@testable import Statistics

/// Expected values: Newcombe (1998), "Interval estimation for the difference between
/// independent proportions", the worked example 56/70 against 48/80, method 10 (0.0524 to
/// 0.3339); the rest from statsmodels 0.15.0, `confint_proportions_2indep` (method "newcomb"
/// for the difference, "log" for the ratio) and `Logit` on the data written out below.
@Suite("Disparities: ratios, differences and adjusted odds ratios")
struct DisparityTests {
    @Test(arguments: [
        (56, 70, 48, 80, 0.052431, 0.333873), (9, 10, 3, 10, 0.170523, 0.809018), (5, 56, 0, 29, -0.038137, 0.192560),
    ])
    func differencesHaveNewcombesHybridScoreInterval(
        _ a: Int, _ n: Int, _ b: Int, _ m: Int, lower: Double, upper: Double
    ) {
        let difference = ProportionComparison(Proportion(a, of: n), against: Proportion(b, of: m)).riskDifference()
        expectClose(difference?.estimate, Double(a) / Double(n) - Double(b) / Double(m), within: 1e-12)
        expectClose(difference?.lower, lower)
        expectClose(difference?.upper, upper)
    }

    @Test(arguments: [(56, 70, 48, 80, 1.076626, 1.651249), (9, 10, 3, 10, 1.138350, 7.906178)])
    func ratiosHaveKatzsLogInterval(_ a: Int, _ n: Int, _ b: Int, _ m: Int, lower: Double, upper: Double) {
        let ratio = ProportionComparison(Proportion(a, of: n), against: Proportion(b, of: m)).riskRatio()
        expectClose(ratio?.estimate, (Double(a) / Double(n)) / (Double(b) / Double(m)), within: 1e-12)
        expectClose(ratio?.lower, lower)
        expectClose(ratio?.upper, upper)
    }

    @Test func aRatioWithNoEventsInAGroupIsNotGiven() {
        #expect(ProportionComparison(Proportion(5, of: 56), against: Proportion(0, of: 29)).riskRatio() == nil)
        #expect(ProportionComparison(Proportion(0, of: 0), against: Proportion(3, of: 9)).riskDifference() == nil)
    }

    static let first: [Double] = [
        0, 0, 0, 0, 1, 1, 1, 1, 0, 1, 0, 1, 0, 1, 1, 0, 0, 1, 1, 0, 1, 0, 1, 0, 0, 1, 1, 1, 0, 0,
    ]
    static let second: [Double] = [
        1, 0, 1, 0, 1, 0, 1, 0, 1, 1, 0, 0, 1, 1, 0, 0, 1, 0, 1, 1, 0, 0, 1, 1, 0, 1, 0, 1, 0, 1,
    ]
    static let outcomes = [0, 0, 1, 0, 1, 1, 1, 0, 0, 1, 0, 1, 0, 1, 0, 0, 1, 1, 1, 0, 0, 0, 1, 1, 0, 1, 1, 0, 0, 1]

    @Test func logisticRegressionMatchesStatsmodels() throws {
        let model = try LogisticRegression(
            outcomes: Self.outcomes.map { $0 == 1 }, rows: zip(Self.first, Self.second).map { [$0, $1] },
            termNames: ["older boy with a flag", "emergency"])
        let expected: [(coefficient: Double, standardError: Double, lower: Double, upper: Double)] = [
            (-2.734237, 1.163233, 0.006643, 0.634865), (2.776025, 1.158288, 1.658348, 155.435161),
            (2.519981, 1.161495, 1.275697, 121.082119),
        ]
        #expect(model.terms.map(\.name) == ["(intercept)", "older boy with a flag", "emergency"])
        for (term, expected) in zip(model.terms, expected) {
            expectClose(term.coefficient, expected.coefficient, within: 5e-6)
            expectClose(term.standardError, expected.standardError, within: 5e-6)
            expectClose(term.oddsRatio.lower, expected.lower, within: max(expected.lower * 1e-5, 5e-7))
            expectClose(term.oddsRatio.upper, expected.upper, within: max(expected.upper * 1e-5, 5e-7))
        }
    }

    @Test func aTermThatSeparatesTheOutcomesIsNamed() {
        let outcomes = [false, false, false, true, true, true]
        let rows: [[Double]] = [[0], [0], [0], [1], [1], [1]]
        #expect(throws: LogisticRegression.FitError.notIdentified(term: "flag")) {
            try LogisticRegression(outcomes: outcomes, rows: rows, termNames: ["flag"])
        }
    }

    @Test func aTermThatRepeatsAnotherIsNamed() {
        let outcomes = [false, true, false, true, true, false]
        let rows: [[Double]] = [[0, 0], [1, 1], [0, 0], [1, 1], [0, 0], [1, 1]]
        #expect(throws: LogisticRegression.FitError.self) {
            try LogisticRegression(outcomes: outcomes, rows: rows, termNames: ["north", "north again"])
        }
    }

    @Test func aRowOfTheWrongWidthIsRefusedWithItsNumber() {
        #expect(throws: LogisticRegression.FitError.rowWidth(row: 1, expected: 1, found: 2)) {
            try LogisticRegression(outcomes: [true, false], rows: [[1], [1, 0]], termNames: ["flag"])
        }
    }
}
