import Coordination
import Foundation
import Vapor

/// A national allocation round's proposal (schema Allocation in openapi.json).
struct AllocationDTO: Content {
    struct Option: Content {
        var homeID: UUID
        var homeName: String
        var bedID: UUID
        var bedLabel: String
        var acceptance: Double
        var distanceKilometres: Double

        init(_ option: AllocationRound.Option) {
            homeID = option.home.id
            homeName = option.home.name
            bedID = option.bed.id
            bedLabel = option.bed.label
            acceptance = (option.acceptance * 100).rounded() / 100
            distanceKilometres = option.distanceKilometres.rounded()
        }
    }

    struct Pair: Content {
        var referralID: UUID
        var reference: String
        var childPseudonym: String
        var priority: Int
        var chosen: Option
        var runnersUp: [Option]
    }

    struct Unassigned: Content {
        var referralID: UUID
        var reference: String
    }

    var pairs: [Pair]
    var unassigned: [Unassigned]
    var placedPriority: Int
    var acceptancePercent: Int
    var kilometres: Int

    init(_ round: AllocationRound) {
        pairs = round.pairs.map {
            Pair(
                referralID: $0.referral.id, reference: $0.referral.reference, childPseudonym: $0.childPseudonym,
                priority: $0.priority, chosen: Option($0.chosen), runnersUp: $0.runnersUp.map(Option.init))
        }
        unassigned = round.unassigned.map { Unassigned(referralID: $0.id, reference: $0.reference) }
        placedPriority = round.proposal.placedPriority
        acceptancePercent = round.proposal.acceptancePercent
        kilometres = round.proposal.kilometres
    }
}
