import Foundation

/// How the acceptance model would have done on answers it had not seen: fitted on the earlier
/// share of the answers (by time answered), assessed on the later rest, against the baseline
/// of each home's own offer rate over the same earlier answers.
public struct HoldOutReport: Hashable, Sendable, Codable {
    public var trainingAnswers: Int
    public var testAnswers: Int
    /// The first answer of the test part: everything before it was used for fitting.
    public var testFrom: Date
    public var model: PredictionQuality
    public var baseline: PredictionQuality

    public enum HoldOutError: Error, Hashable, Sendable, CustomStringConvertible {
        case tooFewAnswers(Int)
        case fit(LogisticRegression.FitError)

        public var description: String {
            switch self {
            case .tooFewAnswers(let count):
                "A hold-out needs at least 20 answers, with some in each part; there are \(count)."
            case .fit(let error): error.description
            }
        }
    }

    /// The answers are ordered by time answered (ties by their order given) and split at
    /// `trainingShare`.
    public static func assess(
        _ answers: [AnsweredQuestion], trainingShare: Double = 0.8, penalty: Double = AcceptanceModel.standardPenalty,
        rules: HomeRanking.CompatibilityRules = .standard
    ) throws(HoldOutError) -> HoldOutReport {
        guard answers.count >= 20 else { throw .tooFewAnswers(answers.count) }
        let (training, test) = split(answers, trainingShare: trainingShare)
        let model: AcceptanceModel
        do {
            model = try AcceptanceModel.fit(training, penalty: penalty, rules: rules)
        } catch {
            throw .fit(error)
        }
        let rates = HomeOfferRates(training)
        let outcomes = test.map(\.offered)
        guard
            let modelQuality = PredictionQuality(
                predictions: test.map { model.probability(of: $0.question, rules: rules) }, outcomes: outcomes),
            let baselineQuality = PredictionQuality(
                predictions: test.map { rates.rate(of: $0.question.homeID) }, outcomes: outcomes)
        else { throw .tooFewAnswers(answers.count) }
        return HoldOutReport(
            trainingAnswers: training.count, testAnswers: test.count, testFrom: test[0].answeredAt,
            model: modelQuality, baseline: baselineQuality)
    }

    /// The earlier answers (by time answered, ties in the order given) and the later rest.
    public static func split(_ answers: [AnsweredQuestion], trainingShare: Double = 0.8) -> (
        training: [AnsweredQuestion], test: [AnsweredQuestion]
    ) {
        let ordered = answers.indices.sorted { (answers[$0].answeredAt, $0) < (answers[$1].answeredAt, $1) }
            .map { answers[$0] }
        let split = min(max(1, Int(Double(ordered.count) * trainingShare)), max(ordered.count - 1, 0))
        return (Array(ordered[..<split]), Array(ordered[split...]))
    }
}

/// Each home's share of offers among its answers, with one offer and one decline added so a
/// home with few answers is not put at 0 or 1; a home never asked gets the overall share.
public struct HomeOfferRates: Sendable {
    var counts: [UUID: (offers: Int, answers: Int)]
    var overall: Double

    public init(_ answers: [AnsweredQuestion]) {
        var counts: [UUID: (offers: Int, answers: Int)] = [:]
        for answer in answers {
            counts[answer.question.homeID, default: (0, 0)].answers += 1
            if answer.offered { counts[answer.question.homeID, default: (0, 0)].offers += 1 }
        }
        self.counts = counts
        overall = HomeRanking.smoothedRate(offers: answers.count { $0.offered }, answers: answers.count)
    }

    public func rate(of homeID: UUID) -> Double {
        guard let count = counts[homeID] else { return overall }
        return HomeRanking.smoothedRate(offers: count.offers, answers: count.answers)
    }
}
