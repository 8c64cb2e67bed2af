import Foundation
import Matching
import SecurePlaceCore
import Storage

/// A referral's assessed risk that no home offers, as the coordinators see it.
public struct AssessedNoOfferRisk: Sendable {
    public var referralID: UUID
    public var assessedAt: Date
    public var flagged: Bool
    public var risk: NoOfferRisk
}

extension ReferralJourney {
    /// At submission (direct or by approval): the chance that no home that can take the child
    /// offers, from the model in use, stored with the referral and flagged at or above the
    /// threshold. Nothing is assessed before a model has been fitted. The flag only brings
    /// the child to the coordinators' attention: it never stops a referral going to a home.
    func assessNoOfferRisk(of referral: Referral, in store: Store) async throws {
        if let risk = try await noOfferRisk(of: referral, in: store) { try await store.save(noOfferRisk: risk) }
    }

    /// The assessment `assessNoOfferRisk` stores, without storing it.
    func noOfferRisk(of referral: Referral, in store: Store) async throws -> StoredNoOfferRisk? {
        guard let fitted = try await AcceptanceModels.latest(in: store) else { return nil }
        let instant = now()
        var facts = try await RankingFacts.load(from: store, at: instant, including: [referral])
        facts.model = fitted.model
        guard let risk = try facts.noOfferRisk(referral) else { return nil }
        let threshold = try await AcceptanceModels(store: store, now: now).flagThreshold()
        return StoredNoOfferRisk(
            referralID: referral.id, assessedAt: instant, probability: risk.probability,
            flagged: risk.probability >= threshold, modelID: fitted.id,
            assessment: String(decoding: try JSONEncoder().encode(risk), as: UTF8.self))
    }

    /// Every flagged referral still open, the likeliest to go unplaced first.
    public func childrenAtRisk(by principal: Principal) async throws -> [(
        referral: Referral, pseudonym: String, risk: AssessedNoOfferRisk
    )] {
        let decision = AccessPolicy.mayViewChildrenAtRisk(principal)
        guard decision == .allowed else { throw AccessDenied(decision: decision) }
        var flagged: [(referral: Referral, pseudonym: String, risk: AssessedNoOfferRisk)] = []
        for stored in try await store.noOfferRisks(flaggedOnly: true) {
            guard let referral = try await store.referral(id: stored.referralID), !referral.state.isFinal,
                let child = try await store.child(id: referral.childID)
            else { continue }
            flagged.append((referral, child.pseudonym, try Self.decode(stored)))
        }
        return flagged.sorted {
            ($0.risk.risk.probability, $1.referral.reference) > ($1.risk.risk.probability, $0.referral.reference)
        }
    }

    /// The flagged referrals' ids, for marking them in the coordinators' queue.
    public func flaggedReferralIDs() async throws -> Set<UUID> {
        Set(try await store.noOfferRisks(flaggedOnly: true).map(\.referralID))
    }

    static func decode(_ stored: StoredNoOfferRisk) throws -> AssessedNoOfferRisk {
        AssessedNoOfferRisk(
            referralID: stored.referralID, assessedAt: stored.assessedAt, flagged: stored.flagged,
            risk: try JSONDecoder().decode(NoOfferRisk.self, from: Data(stored.assessment.utf8)))
    }
}
