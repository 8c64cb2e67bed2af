import FluentKit
import Foundation
import SQLKit
import SecurePlaceCore

extension Store {
    public func referral(id: UUID) async throws -> Referral? {
        try await referralRows { $0.where("id", .equal, id) }.first
    }

    /// Takes the referral's row lock for the rest of the transaction and then reads it: two
    /// transactions changing the same referral (two accepts, an accept and a withdrawal)
    /// queue here, and the second reads what the first wrote. Every change to a referral
    /// takes this lock before any bed's, so two such transactions never wait on each other.
    public func lockReferral(id: UUID) async throws -> Referral? {
        try await (database as! any SQLDatabase).update(ReferralRecord.schema)
            .set(SQLIdentifier("state"), to: SQLIdentifier("state"))
            .where(SQLIdentifier("id"), .equal, SQLBind(id))
            .run()
        return try await referral(id: id)
    }

    /// Writes a changed referral back.
    public func update(referral: Referral) async throws {
        guard let record = try await ReferralRecord.find(referral.id, on: database) else {
            throw UnknownCodeError(list: "referral", code: referral.id.uuidString)
        }
        record.update(from: referral)
        try await record.save(on: database)
    }

    /// A page of referrals, newest first, optionally only one authority's or only those
    /// circulated to one home.
    public func referrals(
        ofAuthority authority: String? = nil, circulatedToHome homeID: UUID? = nil, state: ReferralState? = nil,
        openOnlyOldestFirst: Bool = false, offset: Int = 0, limit: Int = 50
    ) async throws -> (referrals: [Referral], total: Int) {
        var query = ReferralRecord.query(on: database)
        var conditions: [any SQLExpression] = []
        if let authority {
            query = query.filter(\.$localAuthorityCode == authority)
            conditions.append(SQLBinaryExpression(SQLColumn("local_authority_code"), .equal, SQLBind(authority)))
        }
        if let state {
            query = query.filter(\.$state == state.rawValue)
            conditions.append(SQLBinaryExpression(SQLColumn("state"), .equal, SQLBind(state.rawValue)))
        }
        if openOnlyOldestFirst {
            let open = [ReferralState.submitted, .circulated, .offered, .offerAccepted].map(\.rawValue)
            query = query.filter(\.$state ~~ open)
            conditions.append(SQLBinaryExpression(SQLColumn("state"), .in, SQLBind.group(open)))
        }
        if let homeID {
            let ids = try await CirculationRecord.query(on: database).filter(\.$homeID == homeID).all(\.$referralID)
            guard !ids.isEmpty else { return ([], 0) }
            query = query.filter(\.$id ~~ ids)
            conditions.append(SQLBinaryExpression(SQLColumn("id"), .in, SQLBind.group(ids)))
        }
        let total = try await query.count()
        let page = try await referralRows { select in
            conditions.reduce(select) { $0.where($1) }
                .orderBy("created_at", openOnlyOldestFirst ? .ascending : .descending)
                .limit(limit).offset(offset)
        }
        return (page, total)
    }

    /// Takes the next human reference for a year, such as R-2026-00412: one more than the
    /// highest the service has given or holds (not a count of the year's referrals: the demo
    /// numbers across years, and referrals may arrive by other paths).
    ///
    /// Run in a short transaction of its own, before the one that saves the referral: the
    /// counter's row is locked only until that commits, so creators on every instance never
    /// read the same number and never queue behind each other's whole transaction. A number
    /// taken by a creation that then fails is not given again (references may skip, never
    /// repeat). Two creators starting a year at once both insert the counter; one is refused as
    /// a unique violation and its caller tries again.
    public func takeReferralReference(year: Int) async throws -> String {
        let prefix = String(format: "R-%04d-", year)
        let series = "referral-\(year)"
        let highestReference = try await ReferralRecord.query(on: database).filter(\.$reference >= prefix)
            .filter(\.$reference < prefix + "~").sort(\.$reference, .descending).first()?.reference
        let highest = highestReference.flatMap { Int($0.dropFirst(prefix.count)) } ?? 0
        let sql = database as! any SQLDatabase
        let taken = try await sql.update("reference_counters")
            .set(
                SQLIdentifier("last_number"),
                to: SQLRaw("CASE WHEN last_number > \(highest) THEN last_number + 1 ELSE \(highest + 1) END")
            )
            .where(SQLIdentifier("series"), .equal, SQLBind(series))
            .returning(SQLIdentifier("last_number"))
            .first(decodingColumn: "last_number", as: Int.self)
        let number = taken ?? highest + 1
        if taken == nil {
            try await sql.insert(into: "reference_counters").columns("series", "last_number")
                .values(SQLBind(series), SQLBind(number)).run()
        }
        return prefix + String(format: "%05d", number)
    }

    /// Whether an error is the database refusing a second row with the same unique value.
    public static func isUniqueViolation(_ error: any Error) -> Bool {
        (error as? any DatabaseError)?.isConstraintFailure == true
    }

    public func child(id: UUID) async throws -> Child? {
        try await ChildRecord.find(id, on: database)?.value()
    }

    public func childIdentity(childID: UUID) async throws -> ChildIdentity? {
        try await ChildIdentityRecord.find(childID, on: database)?.value()
    }

    public func save(circulations: [Circulation]) async throws {
        try await insert(circulations.map(CirculationRecord.init))
    }

    public func circulations(ofReferral referralID: UUID) async throws -> [Circulation] {
        try await CirculationRecord.query(on: database).filter(\.$referralID == referralID).sort(\.$circulatedAt).all()
            .map { $0.value() }
    }

    public func responses(toReferral referralID: UUID) async throws -> [HomeResponse] {
        try await HomeResponseRecord.query(on: database).filter(\.$referralID == referralID).sort(\.$respondedAt).all()
            .map { try $0.value() }
    }

    public func response(id: UUID) async throws -> HomeResponse? {
        try await HomeResponseRecord.find(id, on: database)?.value()
    }

    public func setOfferStatus(_ status: OfferStatus, ofResponse responseID: UUID) async throws {
        try await HomeResponseRecord.query(on: database).filter(\.$id == responseID).set(
            \.$offerStatus, to: status.rawValue
        )
        .update()
    }

    public func placement(id: UUID) async throws -> Placement? {
        try await PlacementRecord.find(id, on: database)?.value()
    }

    public func placement(ofReferral referralID: UUID) async throws -> Placement? {
        try await PlacementRecord.query(on: database).filter(\.$referralID == referralID).first()?.value()
    }

    public func update(placement: Placement) async throws {
        guard let record = try await PlacementRecord.find(placement.id, on: database) else { return }
        record.admittedAt = placement.admittedAt
        record.dischargedAt = placement.dischargedAt
        record.endReason = placement.endReason?.rawValue
        record.expectedDischargeOn = placement.expectedDischargeOn?.iso
        try await record.save(on: database)
    }

    /// The bed's status now, read after taking the bed's row lock for the rest of the
    /// transaction: two transactions changing the same bed queue here, so a bed can never be
    /// held twice.
    ///
    /// "Now" is the bed's latest status, not its status at the caller's clock reading: that
    /// reading is taken before the lock, so a transaction that waited for another (on this
    /// instance or another one) holds an instant from before the other's change, and the
    /// status at that instant is the one the other just ended.
    public func lockBedStatus(_ bedID: UUID) async throws -> BedStatus? {
        try await (database as! any SQLDatabase).update(BedRecord.schema)
            .set(SQLIdentifier("label"), to: SQLIdentifier("label"))
            .where(SQLIdentifier("id"), .equal, SQLBind(bedID))
            .run()
        return try await BedStatusIntervalRecord.query(on: database).filter(\.$bedID == bedID)
            .filter(\.$endsAt == nil).sort(\.$startsAt, .descending).first()?.value().status
    }

    public func bed(id: UUID) async throws -> Bed? {
        try await BedRecord.find(id, on: database)?.value()
    }

    /// Ends the referral's placement episode that is still open, with the reason it ended.
    public func endOpenEpisode(ofReferral referralID: UUID, on day: CalendarDate, reason: PlacementChangeReason)
        async throws
    {
        try await PlacementEpisodeRecord.query(on: database).filter(\.$referralID == referralID).filter(
            \.$endedOn == nil
        )
        .set(\.$endedOn, to: day.iso).set(\.$endReason, to: reason.rawValue).update()
    }
}

extension Store {
    /// Offers still open (neither accepted, released nor lapsed), with their referrals' urgency,
    /// of referrals still waiting for one: the offers that may lapse.
    public func openOffers() async throws -> [(offer: HomeResponse, urgency: Urgency)] {
        let offers = try await HomeResponseRecord.query(on: database)
            .filter(\.$offerStatus == OfferStatus.open.rawValue).all().map { try $0.value() }
        guard !offers.isEmpty else { return [] }
        let referrals = try await ReferralRecord.query(on: database)
            .filter(\.$id ~~ Array(Set(offers.map(\.referralID))))
            .filter(\.$state == ReferralState.offered.rawValue).all()
        var urgency: [UUID: Urgency] = [:]
        for record in referrals {
            if let id = record.id, let value = Urgency(rawValue: record.urgency) { urgency[id] = value }
        }
        return offers.compactMap { offer in urgency[offer.referralID].map { (offer, $0) } }
    }
}
