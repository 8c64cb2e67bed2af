import Foundation
import Linkage
import SecurePlaceCore
import Storage

/// Writes a generated demo data set into an empty database in one transaction, and marks
/// the database as holding synthetic data so every page and export can say so.
public struct LoadDemoData: Sendable {
    public let store: Store
    /// Sets `DemoDataset.password` on every demo user when given; without it the demo users
    /// cannot sign in (enough for tests that never sign in).
    public let passwords: (any PasswordHasher)?

    public init(store: Store, passwords: (any PasswordHasher)? = nil) {
        self.store = store
        self.passwords = passwords
    }

    public func callAsFunction(_ dataset: DemoDataset) async throws {
        let hashes = try dataset.users.map { _ in try passwords?.hash(DemoDataset.password) }
        try await store.transaction { store in
            guard try await store.homes().isEmpty else { throw DemoLoadError.databaseNotEmpty }
            try await store.saveSetting(DemoDataset.settingKey, value: DemoDataset.label)
            try await store.save(organisations: dataset.organisations, users: dataset.users)
            // Manchester asks for a manager's approval; the other demo authorities submit directly.
            try await store.setSubmissionRule(.approvalRequired, forAuthority: "E08000003")
            for (user, hash) in zip(dataset.users, hashes) {
                if let hash { try await store.setPasswordHash(hash, forUser: user.id) }
            }
            try await store.save(homes: dataset.homes)
            try await store.save(beds: dataset.beds)
            try await store.save(bedStatusIntervals: dataset.bedStatusIntervals)
            try await store.save(newOutages: dataset.outages)
            try await store.save(children: dataset.children, identities: dataset.identities)
            try await store.save(referrals: dataset.referrals)
            try await store.save(circulations: dataset.circulations)
            try await store.save(responses: dataset.responses)
            try await store.save(placements: dataset.placements, episodes: dataset.episodes)
            try await store.save(notifications: dataset.notifications)
            try await store.save(courtOrders: dataset.courtOrders)
            // The referrals' histories, so their timelines show what happened and when.
            try await store.appendAudit(
                dataset.events.sorted { $0.at < $1.at }.map { event in
                    AuditEntry(
                        by: nil, action: "referral.\(event.event.rawValue)", objectType: "referral",
                        objectID: event.referralID.uuidString, at: event.at)
                })
            try await store.appendAudit(
                AuditEntry(
                    by: nil, action: "demo-data.load", objectType: "dataset", objectID: "seed-\(dataset.seed)",
                    at: dataset.end))
        }
        // A linkage study with its uncertain pairs waiting on the analysts' review page.
        _ = try await LinkageReviews(store: store, now: { dataset.end }).queue(
            DemoLinkageStudy.linked(dataset), study: DemoLinkageStudy.studyName)
        // The acceptance model fitted on the demo's answers, and the referrals open at the end
        // of the demo assessed with it, so the ranking and the flagged children's page are live.
        // The demo flags at a chance of 0.25 rather than the standard 0.5: its homes are asked
        // one after another, so far fewer than all eligible homes answer and a broadcast's
        // chance of no offer understates how often its children go unplaced (the model page's
        // back-test shows both thresholds).
        let models = AcceptanceModels(store: store, now: { dataset.end })
        try await models.setFlagThreshold(DemoDataset.flagThreshold)
        _ = try await models.fit(fittedBy: "demo data load")
        // The demo writes history: nobody is e-mailed about it.
        let journey = ReferralJourney(store: store, now: { dataset.end }, alerts: nil)
        for referral in dataset.referrals where [.submitted, .circulated].contains(referral.state) {
            try await journey.assessNoOfferRisk(of: referral, in: store)
        }
    }
}

public enum DemoLoadError: Error, Hashable, Sendable, CustomStringConvertible {
    case databaseNotEmpty

    public var description: String {
        "The database already holds homes; demo data goes only into an empty database (name a new file with --database)."
    }
}

extension Store {
    /// Whether the database holds the synthetic demo data set.
    public func holdsDemoData() async throws -> Bool {
        try await setting(DemoDataset.settingKey) == DemoDataset.label
    }
}
