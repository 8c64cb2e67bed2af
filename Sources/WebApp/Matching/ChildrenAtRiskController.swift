import Coordination
import Foundation
import Matching
import SecurePlaceCore
import Storage
import Vapor

/// The coordinators' list of open referrals flagged at submission as likely to get no offer,
/// with the facts that drive each: as a page and as JSON.
struct ChildrenAtRiskController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("api", "v1", "children-at-risk", use: list)
        routes.get("at-risk", use: page)
    }

    struct RiskDTO: Content {
        struct Factor: Content {
            var code: String
            var name: String
            var oddsRatio: Double
        }

        var assessedAt: Date
        var probabilityOfNoOffer: Double
        var flagged: Bool
        var eligibleHomes: Int
        var factors: [Factor]

        init(_ assessed: AssessedNoOfferRisk) {
            assessedAt = assessed.assessedAt
            probabilityOfNoOffer = assessed.risk.probability
            flagged = assessed.flagged
            eligibleHomes = assessed.risk.eligibleHomes
            factors = assessed.risk.factors.map { Factor(code: $0.code, name: $0.name, oddsRatio: $0.oddsRatio) }
        }
    }

    struct ChildAtRiskDTO: Content {
        var referralID: UUID
        var reference: String
        var childPseudonym: String
        var state: String
        var urgency: String
        var risk: RiskDTO
    }

    @Sendable func list(request: Request) async throws -> [ChildAtRiskDTO] {
        try await request.journey.childrenAtRisk(by: try request.principal).map {
            ChildAtRiskDTO(
                referralID: $0.referral.id, reference: $0.referral.reference, childPseudonym: $0.pseudonym,
                state: $0.referral.state.rawValue, urgency: $0.referral.urgency.rawValue, risk: RiskDTO($0.risk))
        }
    }

    struct Page: Encodable {
        struct Row: Encodable {
            var referralID: UUID
            var reference: String
            var pseudonym: String
            var state: String
            var urgency: String
            var chance: String
            var homes: Int
            var factors: [String]
        }

        var chrome: PageChrome
        var rows: [Row]
    }

    @Sendable func page(request: Request) async throws -> View {
        let rows = try await request.journey.childrenAtRisk(by: try request.principal).map {
            Page.Row(
                referralID: $0.referral.id, reference: $0.referral.reference, pseudonym: $0.pseudonym,
                state: $0.referral.state.name, urgency: $0.referral.urgency.name,
                chance: "\(Int(($0.risk.risk.probability * 100).rounded()))%", homes: $0.risk.risk.eligibleHomes,
                factors: $0.risk.risk.factors.map(\.sentence))
        }
        return try await request.view.render(
            "at-risk",
            Page(
                chrome: PageChrome(
                    title: "Children at risk of no offer", isDemo: try await Store(request.db).holdsDemoData(),
                    signedIn: request.signedIn), rows: rows))
    }
}

extension NoOfferRisk.Factor {
    /// "Harmful sexual behaviour: odds of an offer × 0.45".
    var sentence: String { "\(name): odds of an offer × \(String(format: "%.2f", oddsRatio))" }
}
