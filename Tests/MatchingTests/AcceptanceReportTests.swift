import Foundation
import Matching
import SecurePlaceCore
import Testing

@Suite("How well the acceptance model predicts, and the risk that no home offers")
struct AcceptanceReportTests {
    @Test("AUC, Brier score and calibration bands of a small worked example")
    func qualityOfAWorkedExample() throws {
        // scikit-learn's roc_auc_score documentation example: 0.75.
        let quality = try #require(
            PredictionQuality(predictions: [0.1, 0.4, 0.35, 0.8], outcomes: [false, false, true, true], bands: 2))
        #expect(abs(try #require(quality.areaUnderCurve) - 0.75) < 1e-12)
        #expect(abs(quality.brierScore - (0.01 + 0.16 + 0.4225 + 0.04) / 4) < 1e-12)
        #expect(quality.calibration.map(\.count) == [2, 2])
        #expect(abs(quality.calibration[0].meanPredicted - 0.225) < 1e-12)
        #expect(quality.calibration[0].observedShare == 0.5)
        #expect(quality.calibration[1].observedShare == 0.5)
        #expect(abs(quality.expectedCalibrationError - (0.275 + 0.1) / 2) < 1e-12)
    }

    @Test("tied predictions count a half, and one kind of outcome has no AUC")
    func ties() throws {
        let tied = try #require(PredictionQuality(predictions: [0.5, 0.5, 0.5], outcomes: [true, false, false]))
        #expect(tied.areaUnderCurve == 0.5)
        let allOffers = try #require(PredictionQuality(predictions: [0.2, 0.9], outcomes: [true, true]))
        #expect(allOffers.areaUnderCurve == nil)
        #expect(PredictionQuality(predictions: [], outcomes: []) == nil)
    }

    @Test("the hold-out fits on the earlier 80% and tests on the later 20%, and beats each home's own rate")
    func holdOut() throws {
        let homes = SyntheticAnswers.homes(6, seed: 21)
        let answers = SyntheticAnswers.generate(
            5000, homes: homes, truth: SyntheticAnswers.standardTruth(homes: homes), seed: 22)
        let report = try HoldOutReport.assess(answers.reversed())
        #expect(report.trainingAnswers == 4000 && report.testAnswers == 1000)
        #expect(report.testFrom == answers[4000].answeredAt)
        let model = try #require(report.model.areaUnderCurve)
        let baseline = try #require(report.baseline.areaUnderCurve)
        #expect(model > baseline + 0.05)
        #expect(report.model.brierScore < report.baseline.brierScore)
        #expect(report.model.calibration.count == 10)
        #expect(report.model.expectedCalibrationError < 0.05)
    }

    @Test("too few answers for a hold-out is a clear error")
    func tooFew() {
        let homes = SyntheticAnswers.homes(2, seed: 1)
        let answers = SyntheticAnswers.generate(
            19, homes: homes, truth: SyntheticAnswers.standardTruth(homes: homes), seed: 2)
        #expect(throws: HoldOutReport.HoldOutError.tooFewAnswers(19)) { try HoldOutReport.assess(answers) }
    }

    static func question(home: UUID, flags: Set<NeedFlag> = [], sex: Sex = .male, age: Int = 16) -> OfferQuestion {
        OfferQuestion(
            homeID: home, sex: sex, age: age, flags: flags, urgency: .urgent, distanceKilometres: 50, bedsInUse: 0.5,
            residents: [], needsMet: 1)
    }

    @Test("the risk is the product of the homes' chances of not offering, with the child's facts that lower it")
    func risk() {
        let homes = SyntheticAnswers.homes(3, seed: 8)
        let model = AcceptanceModel(
            coefficients: [
                AcceptanceFeature.intercept.code: 0, AcceptanceFeature.flag(.harmfulSexualBehaviour).code: -1,
                AcceptanceFeature.boy.code: -0.5, AcceptanceFeature.flag(.selfHarm).code: 0.4,
                AcceptanceFeature.distance.code: -0.2, AcceptanceFeature.home(homes[0]).code: 1,
            ], penalty: 1, answersFitted: 0, iterations: 0, converged: true)
        let questions = homes.map { Self.question(home: $0, flags: [.harmfulSexualBehaviour, .selfHarm]) }
        let risk = NoOfferRisk.assess(questions, with: model)
        let expected = questions.reduce(1.0) { $0 * (1 - model.probability(of: $1)) }
        #expect(abs(risk.probability - expected) < 1e-12)
        #expect(risk.eligibleHomes == 3)
        // Only the child's facts, only those lowering the odds, strongest first; not distance or home.
        #expect(risk.factors.map(\.code) == ["flag:harmful-sexual-behaviour", "boy"])
        #expect(abs(risk.factors[0].oddsRatio - exp(-1)) < 1e-12)
        #expect(NoOfferRisk.assess([], with: model).probability == 1)
    }

    @Test("how a flag would have done: of those flagged, how many went unplaced; of the unplaced, how many flagged")
    func flagPerformance() {
        let performance = FlagPerformance(
            risks: [(0.9, true), (0.7, false), (0.6, true), (0.2, true), (0.1, false)], threshold: 0.5)
        #expect(performance.flagged == 3 && performance.unplaced == 3 && performance.flaggedAndUnplaced == 2)
        #expect(performance.precision == 2.0 / 3 && performance.recall == 2.0 / 3)
        #expect(FlagPerformance(risks: [(0.1, false)], threshold: 0.5).precision == nil)
    }
}
