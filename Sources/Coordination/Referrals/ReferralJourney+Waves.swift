import Foundation
import SecurePlaceCore
import Storage

extension ReferralJourney {
    /// Whether a referral circulated in waves is ready for the next: still circulated with no
    /// offer, and every home asked has declined or let its deadline pass.
    static func waveIsDone(
        _ referral: Referral, circulations: [Circulation], responses: [HomeResponse], at instant: Date
    ) -> Bool {
        guard referral.state == .circulated, !circulations.isEmpty, !responses.contains(where: \.isOffer) else {
            return false
        }
        let answered = Set(responses.map(\.homeID))
        return circulations.allSatisfy { answered.contains($0.homeID) || $0.respondBy <= instant }
    }

    /// The service asks the next wave of homes when the current one is done (see `waveIsDone`);
    /// returns the homes asked (none when it was not done or no home is left). The caller holds
    /// the referral's lock.
    @discardableResult
    func widenWaveIfDone(_ referral: Referral, in store: Store) async throws -> [Circulation] {
        guard let size = try await store.waveSize(ofReferral: referral.id) else { return [] }
        let circulations = try await store.circulations(ofReferral: referral.id)
        let responses = try await store.responses(toReferral: referral.id)
        guard Self.waveIsDone(referral, circulations: circulations, responses: responses, at: now()) else { return [] }
        var widened = referral
        let asked = try await circulateNext(&widened, wave: size, asked: circulations, in: store)
        guard !asked.isEmpty else { return [] }
        try await store.update(referral: widened)
        try await store.appendAudit(
            AuditEntry(
                by: nil, action: "referral.widen-wave", objectType: "referral", objectID: referral.id.uuidString,
                at: now()))
        return asked
    }
}

/// The background job that widens waves whose deadline has passed (a wave that has all
/// declined widens at the last decline). With several instances, only the lease holder acts.
public struct WidenCirculationWaves: Sendable {
    public static let leaseName = "widen-circulation-waves"

    public let store: Store
    public let instance: String
    public let now: @Sendable () -> Date
    public let alerts: AlertOutbox?

    public init(
        store: Store, instance: String, now: @escaping @Sendable () -> Date = { Date() },
        alerts: AlertOutbox? = .localDefault
    ) {
        self.store = store
        self.instance = instance
        self.now = now
        self.alerts = alerts
    }

    /// Runs once; returns the referrals widened.
    @discardableResult
    public func run(leaseFor duration: TimeInterval = 120) async throws -> [UUID] {
        guard try await store.acquireLease(Self.leaseName, holder: instance, at: now(), for: duration) else {
            return []
        }
        let journey = ReferralJourney(store: store, now: now, alerts: alerts)
        var widened: [UUID] = []
        for (referralID, _) in try await store.referralsInWaves() {
            let asked = try await store.transaction { store in
                guard let referral = try await store.lockReferral(id: referralID) else { return false }
                if referral.state.isFinal {
                    try await store.setWaveSize(nil, ofReferral: referralID, at: now())
                    return false
                }
                return !(try await journey.widenWaveIfDone(referral, in: store)).isEmpty
            }
            if asked { widened.append(referralID) }
        }
        return widened
    }
}
