import Foundation
import Matching
import Vapor

/// The homes ranked for a referral's child, and the excluded ones with their reasons (schema
/// Ranking in openapi.json).
struct RankingDTO: Content {
    struct Part: Content {
        var kind: String
        var name: String
        var contribution: Double
        var detail: String
    }

    struct Ranked: Content {
        var homeID: UUID
        var homeReference: String
        var homeName: String
        var score: Double
        var distanceKilometres: Double
        var parts: [Part]
        var roomFeatures: [String]
    }

    struct Excluded: Content {
        var homeID: UUID
        var homeReference: String
        var homeName: String
        var reasons: [String]
        /// The home's own statements and the authority's reason, in words.
        var details: [String]
    }

    var ranked: [Ranked]
    var excluded: [Excluded]

    init(_ ranking: HomeRanking.Ranking) {
        ranked = ranking.ranked.map { home in
            Ranked(
                homeID: home.home.id, homeReference: home.home.reference, homeName: home.home.name,
                score: (home.score * 10).rounded() / 10, distanceKilometres: home.distanceKilometres.rounded(),
                parts: home.parts.map {
                    Part(
                        kind: $0.kind.rawValue, name: $0.kind.name, contribution: ($0.contribution * 10).rounded() / 10,
                        detail: $0.detail)
                }, roomFeatures: home.roomFeatures.sorted().map(\.rawValue))
        }
        excluded = ranking.excluded.map {
            Excluded(
                homeID: $0.home.id, homeReference: $0.home.reference, homeName: $0.home.name,
                reasons: $0.reasons.map(\.rawValue), details: $0.details)
        }
    }
}
