import FluentKit
import Foundation
import SQLKit
import SecurePlaceCore

extension Store {
    public func save(followUps: [FollowUp]) async throws {
        try await insert(followUps.map(FollowUpRecord.init))
    }

    /// Follow-ups not yet recorded, soonest first; one authority's, or all.
    public func openFollowUps(ofAuthority authority: String? = nil) async throws -> [FollowUp] {
        var query = FollowUpRecord.query(on: database).filter(\.$recordedAt == nil)
        if let authority { query = query.filter(\.$localAuthorityCode == authority) }
        return try await query.sort(\.$dueOn).all().map { try $0.value() }
    }

    /// Every follow-up the authorities have recorded, by referral.
    public func recordedFollowUpsByReferral() async throws -> [UUID: [FollowUp]] {
        let records = try await FollowUpRecord.query(on: database).filter(\.$recordedAt != nil).sort(\.$dueOn).all()
        return Dictionary(grouping: try records.map { try $0.value() }, by: \.referralID)
    }

    public func followUp(id: UUID) async throws -> FollowUp? {
        try await FollowUpRecord.find(id, on: database)?.value()
    }

    public func record(_ outcome: FollowUp.Outcome, forFollowUp id: UUID, at instant: Date) async throws {
        guard let record = try await FollowUpRecord.find(id, on: database) else { return }
        record.set(outcome, at: instant)
        try await record.save(on: database)
    }

    /// Takes or renews the lease on a background job for `duration`; true when this holder
    /// now has it. The lease row is locked while deciding, so two instances cannot both win.
    public func acquireLease(_ name: String, holder: String, at instant: Date, for duration: TimeInterval) async throws
        -> Bool
    {
        try await transaction { store in
            let database = store.database
            if try await JobLeaseRecord.find(name, on: database) == nil {
                // Two first-ever attempts may race to insert; the loser's insert fails and it
                // simply does not get the lease this time.
                try await JobLeaseRecord(name: name, holder: holder, expiresAt: instant.addingTimeInterval(duration))
                    .create(on: database)
                return true
            }
            try await (database as! any SQLDatabase).update(JobLeaseRecord.schema)
                .set(SQLIdentifier("holder"), to: SQLIdentifier("holder"))
                .where(SQLIdentifier("name"), .equal, SQLBind(name)).run()
            guard let lease = try await JobLeaseRecord.find(name, on: database) else { return false }
            guard lease.holder == holder || lease.expiresAt <= instant else { return false }
            lease.holder = holder
            lease.expiresAt = instant.addingTimeInterval(duration)
            try await lease.save(on: database)
            return true
        }
    }

    /// Open referrals that a home has not answered by its deadline, since the referral was
    /// last escalated (or ever); with `candidates`, only among those.
    public func overdueReferralIDs(at instant: Date, among candidates: [UUID]? = nil) async throws -> [UUID] {
        let (late, open) = try await unansweredCirculationsOfOpenReferrals(among: candidates) {
            $0.filter(\.$respondBy < instant)
        }
        let escalatedAt = Dictionary(uniqueKeysWithValues: open.map { ($0.id!, $0.escalatedAt) })
        // An escalation covers the homes circulated before it: a later circulation whose
        // homes miss their deadline is escalated again.
        let overdue = late.filter { circulation in
            guard let escalated = escalatedAt[circulation.referralID] ?? nil else { return true }
            return circulation.circulatedAt > escalated
        }
        return Array(Set(overdue.map(\.referralID)))
    }

    /// Circulations of open referrals (circulated or offered; with `candidates`, only among
    /// those) that the home has not answered and whose deadline `deadline` selects, with the
    /// open referrals.
    func unansweredCirculationsOfOpenReferrals(
        among candidates: [UUID]? = nil,
        deadline: (QueryBuilder<CirculationRecord>) -> QueryBuilder<CirculationRecord>
    ) async throws -> (circulations: [Circulation], referrals: [ReferralRecord]) {
        var query = ReferralRecord.query(on: database)
            .filter(\.$state ~~ [ReferralState.circulated.rawValue, ReferralState.offered.rawValue])
        if let candidates { query = query.filter(\.$id ~~ candidates) }
        let open = try await query.all()
        guard !open.isEmpty else { return ([], []) }
        let ids = open.compactMap(\.id)
        let due = try await deadline(CirculationRecord.query(on: database).filter(\.$referralID ~~ ids)).all()
        let answered = Set(
            try await HomeResponseRecord.query(on: database).filter(\.$referralID ~~ ids).all()
                .map { "\($0.referralID)/\($0.homeID)" })
        let unanswered = due.filter { !answered.contains("\($0.referralID)/\($0.homeID)") }.map { $0.value() }
        return (unanswered, open)
    }
}
