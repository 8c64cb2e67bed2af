import Foundation
import SecurePlaceCore

/// A fitted logistic model of the chance that a home offers a bed to a child: P(offer | home,
/// the child's facts, distance, the home's beds in use and its children on the day).
///
/// It orders homes and raises early warnings; it never refuses a child, and nothing in the
/// service may use it to.
public struct AcceptanceModel: Hashable, Sendable, Codable {
    /// Coefficients by feature code (`AcceptanceFeature.code`); a missing code is zero.
    public var coefficients: [String: Double]
    /// The L2 penalty the model was fitted with.
    public var penalty: Double
    public var answersFitted: Int
    public var iterations: Int
    public var converged: Bool
    /// The coefficients by feature, read from `coefficients` once: ranking asks for a thousand
    /// homes' likelihoods at a time, and building each feature's code text to look it up
    /// cost more than the arithmetic.
    private var byFeature: [AcceptanceFeature: Double]

    enum CodingKeys: String, CodingKey {
        case coefficients, penalty, answersFitted, iterations, converged
    }

    /// The documented default: strong enough that a home with a handful of answers stays near
    /// the average home, weak enough that a few hundred answers speak for themselves.
    public static let standardPenalty = 1.0

    public init(coefficients: [String: Double], penalty: Double, answersFitted: Int, iterations: Int, converged: Bool) {
        self.coefficients = coefficients
        self.penalty = penalty
        self.answersFitted = answersFitted
        self.iterations = iterations
        self.converged = converged
        byFeature = Self.index(coefficients)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            coefficients: try container.decode([String: Double].self, forKey: .coefficients),
            penalty: try container.decode(Double.self, forKey: .penalty),
            answersFitted: try container.decode(Int.self, forKey: .answersFitted),
            iterations: try container.decode(Int.self, forKey: .iterations),
            converged: try container.decode(Bool.self, forKey: .converged))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(coefficients, forKey: .coefficients)
        try container.encode(penalty, forKey: .penalty)
        try container.encode(answersFitted, forKey: .answersFitted)
        try container.encode(iterations, forKey: .iterations)
        try container.encode(converged, forKey: .converged)
    }

    static func index(_ coefficients: [String: Double]) -> [AcceptanceFeature: Double] {
        var byFeature: [AcceptanceFeature: Double] = [:]
        for (code, value) in coefficients {
            if let feature = AcceptanceFeature(code: code) { byFeature[feature] = value }
        }
        return byFeature
    }

    /// Fits the model to every answer given, in the order given.
    public static func fit(
        _ answers: [AnsweredQuestion], penalty: Double = standardPenalty,
        rules: HomeRanking.CompatibilityRules = .standard
    ) throws(LogisticRegression.FitError) -> AcceptanceModel {
        var columns: [AcceptanceFeature: Int] = [:]
        for feature in AcceptanceFeature.shared { columns[feature] = columns.count }
        for homeID in Set(answers.map(\.question.homeID)).sorted(by: { $0.uuidString < $1.uuidString }) {
            columns[.home(homeID)] = columns.count
        }
        let rows = answers.map { answer in
            SparseRow(
                AcceptanceFeature.values(of: answer.question, rules: rules).map { (columns[$0.0]!, $0.1) })
        }
        let fit = try LogisticRegression.fit(
            rows: rows, outcomes: answers.map(\.offered), columns: columns.count, penalty: penalty)
        var coefficients: [String: Double] = [:]
        for (feature, column) in columns { coefficients[feature.code] = fit.coefficients[column] }
        return AcceptanceModel(
            coefficients: coefficients, penalty: penalty, answersFitted: answers.count, iterations: fit.iterations,
            converged: fit.converged)
    }

    /// Each non-zero part of the question's log-odds of an offer: coefficient times value.
    public func contributions(
        to question: OfferQuestion, rules: HomeRanking.CompatibilityRules = .standard
    ) -> [(feature: AcceptanceFeature, logOdds: Double)] {
        AcceptanceFeature.values(of: question, rules: rules).map { feature, value in
            (feature, (byFeature[feature] ?? 0) * value)
        }
    }

    public func probability(of question: OfferQuestion, rules: HomeRanking.CompatibilityRules = .standard) -> Double {
        LogisticRegression.probability(contributions(to: question, rules: rules).reduce(0) { $0 + $1.logOdds })
    }

    /// The fitted coefficients, largest effect first, for the analysts' page.
    public var features: [(feature: AcceptanceFeature, coefficient: Double)] {
        coefficients.compactMap { code, value in AcceptanceFeature(code: code).map { ($0, value) } }
            .sorted { (abs($0.coefficient), $1.feature) > (abs($1.coefficient), $0.feature) }
    }
}
