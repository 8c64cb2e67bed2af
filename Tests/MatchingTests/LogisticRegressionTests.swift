import Foundation
import Matching
import SecurePlaceCore
import Testing

@Suite("Logistic regression by Newton's method, L2-regularised")
struct LogisticRegressionTests {
    static func logit(_ p: Double) -> Double { log(p / (1 - p)) }

    @Test("an intercept alone is the log-odds of the outcomes, whatever the penalty")
    func interceptAlone() throws {
        let outcomes = [true, true, true, false]
        let rows = outcomes.map { _ in SparseRow([(0, 1)]) }
        let fit = try LogisticRegression.fit(rows: rows, outcomes: outcomes, columns: 1, penalty: 5)
        #expect(fit.converged)
        #expect(abs(fit.coefficients[0] - Self.logit(0.75)) < 1e-9)
    }

    @Test("one indicator with almost no penalty gives the 2 × 2 table's log odds ratio")
    func oddsRatioOfATable() throws {
        // Exposed: 30 offers, 10 declines. Not exposed: 20 offers, 40 declines.
        var rows: [SparseRow] = []
        var outcomes: [Bool] = []
        for (exposed, offers, declines) in [(true, 30, 10), (false, 20, 40)] {
            for index in 0..<(offers + declines) {
                rows.append(SparseRow(exposed ? [(0, 1), (1, 1)] : [(0, 1)]))
                outcomes.append(index < offers)
            }
        }
        let fit = try LogisticRegression.fit(rows: rows, outcomes: outcomes, columns: 2, penalty: 1e-9)
        #expect(abs(fit.coefficients[0] - log(20.0 / 40)) < 1e-6)
        #expect(abs(fit.coefficients[1] - log((30.0 / 10) / (20.0 / 40))) < 1e-6)
    }

    @Test("at the fit the penalised score is zero in every column (the optimum, not just a stop)")
    func stationary() throws {
        let homes = SyntheticAnswers.homes(8, seed: 3)
        let answers = SyntheticAnswers.generate(
            3000, homes: homes, truth: SyntheticAnswers.standardTruth(homes: homes), seed: 4)
        let model = try AcceptanceModel.fit(answers, penalty: 2)
        #expect(model.converged)
        // d/dβ_j of the penalised log-likelihood: Σ (y − p) x_j − λ β_j (no penalty on the intercept).
        var score: [AcceptanceFeature: Double] = [:]
        for answer in answers {
            let residual = (answer.offered ? 1 : 0) - model.probability(of: answer.question)
            for (feature, value) in AcceptanceFeature.values(of: answer.question, rules: .standard) {
                score[feature, default: 0] += residual * value
            }
        }
        for (feature, coefficient) in model.features where feature != .intercept {
            score[feature, default: 0] -= 2 * coefficient
        }
        let largest = score.values.map(abs).max() ?? 0
        #expect(largest < 1e-6)
    }

    @Test("50,000 answers drawn from a known truth give that truth back, within sampling error")
    func recoversTheTruth() throws {
        let homes = SyntheticAnswers.homes(10, seed: 11)
        let truth = SyntheticAnswers.standardTruth(homes: homes)
        let answers = SyntheticAnswers.generate(50_000, homes: homes, truth: truth, seed: 12)
        let model = try AcceptanceModel.fit(answers, penalty: 1)
        for feature in [AcceptanceFeature.boy, .flag(.harmfulSexualBehaviour), .bedsInUse, .distance, .riskMixes] {
            let fitted = try #require(model.coefficients[feature.code])
            #expect(abs(fitted - truth[feature]!) < 0.15, "\(feature.code): \(fitted) against \(truth[feature]!)")
        }
        // Home effects are relative to the average home: their differences are what is learned.
        let first = model.coefficients[AcceptanceFeature.home(homes[0]).code]!
        let third = model.coefficients[AcceptanceFeature.home(homes[2]).code]!
        #expect(abs((third - first) - (truth[.home(homes[2])]! - truth[.home(homes[0])]!)) < 0.15)
    }

    @Test("the same answers give the same coefficients, bit for bit")
    func deterministic() throws {
        let homes = SyntheticAnswers.homes(5, seed: 1)
        let answers = SyntheticAnswers.generate(
            2000, homes: homes, truth: SyntheticAnswers.standardTruth(homes: homes), seed: 2)
        #expect(try AcceptanceModel.fit(answers) == AcceptanceModel.fit(answers))
    }

    @Test("a home that never offered gets a finite coefficient, pulled towards the average home")
    func separation() throws {
        let homes = SyntheticAnswers.homes(4, seed: 5)
        var answers = SyntheticAnswers.generate(
            1000, homes: Array(homes.prefix(3)), truth: SyntheticAnswers.standardTruth(homes: homes), seed: 6)
        let never = answers.prefix(20).map { answer in
            var declined = answer
            declined.question.homeID = homes[3]
            declined.offered = false
            return declined
        }
        answers += never
        let model = try AcceptanceModel.fit(answers)
        let coefficient = try #require(model.coefficients[AcceptanceFeature.home(homes[3]).code])
        #expect(coefficient.isFinite && coefficient < 0 && coefficient > -6)
    }

    @Test("bad input is refused with what is wrong")
    func badInput() {
        #expect(throws: LogisticRegression.FitError.noRows) {
            try LogisticRegression.fit(rows: [], outcomes: [], columns: 1, penalty: 1)
        }
        #expect(throws: LogisticRegression.FitError.columnOutOfRange(row: 0, column: 3)) {
            try LogisticRegression.fit(rows: [SparseRow([(3, 1)])], outcomes: [true], columns: 2, penalty: 1)
        }
        #expect(throws: LogisticRegression.FitError.penaltyNotPositive) {
            try LogisticRegression.fit(rows: [SparseRow([(0, 1)])], outcomes: [true], columns: 1, penalty: 0)
        }
    }
}
