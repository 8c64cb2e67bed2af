import Foundation
import SecurePlaceCore

/// Homes answering children drawn at random, with offers drawn from a known logistic truth:
/// for the tests (does fitting recover the truth?) and the benchmarks (fitting 100,000
/// answers). Seeded, so the same seed gives the same answers everywhere.
public enum SyntheticAnswers {
    /// A truth in the spirit of the national study: older boys with offending, gang or
    /// harmful-sexual-behaviour flags and fuller homes are offered less; homes differ.
    public static func standardTruth(homes: [UUID]) -> [AcceptanceFeature: Double] {
        var truth: [AcceptanceFeature: Double] = [
            .intercept: 0.4, .boy: -0.2, .age: -0.1, .flag(.harmfulSexualBehaviour): -0.8,
            .flag(.offendingHistory): -0.4, .flag(.gangAssociation): -0.5, .olderBoyWithRefusalFlags: -0.6,
            .urgency(.emergency): -0.3, .distance: -0.15, .bedsInUse: -1.2, .riskMixes: -0.7, .needsMet: 0.6,
        ]
        for (index, home) in homes.enumerated() {
            truth[.home(home)] = Double(index % 5 - 2) * 0.3
        }
        return truth
    }

    public static func homes(_ count: Int, seed: UInt64) -> [UUID] {
        var generator = SeededRandomNumberGenerator(seed: seed)
        return (0..<count).map { _ in UUID(using: &generator) }
    }

    public static func generate(
        _ count: Int, homes: [UUID], truth: [AcceptanceFeature: Double], seed: UInt64,
        start: Date = Date(timeIntervalSince1970: 1_700_000_000)
    ) -> [AnsweredQuestion] {
        var generator = SeededRandomNumberGenerator(seed: seed)
        let flags = NeedFlag.allCases
        return (0..<count).map { index in
            var childFlags: Set<NeedFlag> = []
            for flag in flags where generator.chance(0.15) { childFlags.insert(flag) }
            let residents = (0..<Int.random(in: 0...4, using: &generator)).map { _ in
                HomeRanking.Resident(
                    sex: generator.chance(0.5) ? .male : .female, age: Int.random(in: 12...17, using: &generator),
                    flags: generator.chance(0.3)
                        ? [.sexualExploitation] : generator.chance(0.3) ? [.gangAssociation] : [])
            }
            let question = OfferQuestion(
                homeID: homes[Int.random(in: 0..<homes.count, using: &generator)],
                sex: generator.chance(0.55) ? .male : .female, age: Int.random(in: 11...17, using: &generator),
                flags: childFlags,
                urgency: generator.choose(weighted: [(.emergency, 0.35), (.urgent, 0.45), (.planned, 0.2)]),
                distanceKilometres: generator.nextUnitInterval() * 400,
                bedsInUse: Double(Int.random(in: 0...6, using: &generator)) / 6, residents: residents,
                needsMet: childFlags.isEmpty ? 1 : generator.nextUnitInterval())
            let logOdds = AcceptanceFeature.values(of: question, rules: .standard).reduce(0) {
                $0 + (truth[$1.0] ?? 0) * $1.1
            }
            return AnsweredQuestion(
                question: question, offered: generator.chance(LogisticRegression.probability(logOdds)),
                answeredAt: start.addingTimeInterval(Double(index) * 600))
        }
    }
}
