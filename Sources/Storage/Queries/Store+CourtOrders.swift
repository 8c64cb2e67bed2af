import FluentKit
import Foundation
import SecurePlaceCore

extension Store {
    public func save(courtOrders: [RecordedCourtOrder]) async throws {
        try await insert(courtOrders.map(CourtOrderRecord.init))
    }

    /// The orders recorded for a referral, oldest first.
    public func courtOrders(ofReferral referralID: UUID) async throws -> [RecordedCourtOrder] {
        try await CourtOrderRecord.query(on: database).filter(\.$referralID == referralID).sort(\.$recordedAt).all()
            .map { try $0.value() }
    }

    /// Every order recorded for a child, under any referral.
    public func courtOrders(ofChild childID: UUID) async throws -> [RecordedCourtOrder] {
        try await CourtOrderRecord.query(on: database).filter(\.$childID == childID).sort(\.$recordedAt).all()
            .map { try $0.value() }
    }

    /// Every order recorded for any child: for statistics over many children.
    public func courtOrders() async throws -> [RecordedCourtOrder] {
        try await CourtOrderRecord.query(on: database).all().map { try $0.value() }
    }

    /// Every secure placement a child has had, under any referral, oldest first.
    public func placements(ofChild childID: UUID) async throws -> [Placement] {
        try await PlacementRecord.query(on: database).filter(\.$childID == childID).sort(\.$admittedAt).all()
            .map { try $0.value() }
    }

    public func referrals(ofChild childID: UUID) async throws -> [Referral] {
        try await ReferralRecord.query(on: database).filter(\.$childID == childID).sort(\.$createdAt).all()
            .map { try $0.value() }
    }

    /// Marks an accepted offer as fallen through, with the home's reasons.
    public func record(_ fallThrough: FallThrough, ofResponse responseID: UUID) async throws {
        try await HomeResponseRecord.query(on: database).filter(\.$id == responseID)
            .set(\.$offerStatus, to: OfferStatus.fellThrough.rawValue)
            .set(\.$fellThroughAt, to: fallThrough.at)
            .set(\.$fellThroughReasons, to: fallThrough.reasons.sorted().map(\.code).joined(separator: ","))
            .set(\.$fellThroughNote, to: fallThrough.note)
            .update()
    }

    /// The child an authority already knows by its case reference and date of birth, if any:
    /// a second referral of the same child is the same child, so the 72 hours and outcomes
    /// follow the child across referrals.
    public func child(
        ofAuthority code: String, localAuthorityReference reference: String, dateOfBirth: CalendarDate
    ) async throws -> Child? {
        let candidates = try await ChildIdentityRecord.query(on: database)
            .filter(\.$localAuthorityReference == reference).filter(\.$dateOfBirth == dateOfBirth.iso).all(\.$id)
        guard !candidates.isEmpty else { return nil }
        return try await ChildRecord.query(on: database).filter(\.$id ~~ candidates)
            .filter(\.$localAuthorityCode == code).first()?.value()
    }

    /// Writes a child's changed facts (sex, needs and risks) back.
    public func update(child: Child) async throws {
        guard let record = try await ChildRecord.find(child.id, on: database) else { return }
        let fresh = ChildRecord(child)
        record.sex = fresh.sex
        record.flags = fresh.flags
        try await record.save(on: database)
    }

    /// Writes a child's changed identity back.
    public func update(identity: ChildIdentity) async throws {
        guard let record = try await ChildIdentityRecord.find(identity.childID, on: database) else { return }
        let fresh = ChildIdentityRecord(identity)
        record.givenName = fresh.givenName
        record.familyName = fresh.familyName
        try await record.save(on: database)
    }
}
