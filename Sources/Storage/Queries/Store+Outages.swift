import FluentKit
import Foundation
import SQLKit
import SecurePlaceCore

extension Store {
    /// Creates the record, or replaces it with its revised version.
    public func save(outage: BedOutage) async throws {
        if let existing = try await BedOutageRecord.find(outage.id, on: database) {
            try existing.update(from: outage)
            try await existing.update(on: database)
        } else {
            try await BedOutageRecord(outage).create(on: database)
        }
    }

    /// New records, all at once (the demo's).
    public func save(newOutages outages: [BedOutage]) async throws {
        try await outages.map { try BedOutageRecord($0) }.create(on: database)
    }

    public func outage(id: UUID) async throws -> BedOutage? {
        try await BedOutageRecord.find(id, on: database)?.value()
    }

    /// A home's records, or every home's, newest start first.
    public func outages(ofHome homeID: UUID? = nil) async throws -> [BedOutage] {
        var query = BedOutageRecord.query(on: database)
        if let homeID { query = query.filter(\.$homeID == homeID) }
        return try await query.all().map { try $0.value() }
            .sorted { ($0.startsOn, $0.id.uuidString) > ($1.startsOn, $1.id.uuidString) }
    }

    /// The records that can still keep a bed out of service on `day` or later: those not
    /// ended before it. A projection of the beds from today needs no others, and a home's
    /// history of outages grows for ever.
    public func outages(notEndedBefore day: CalendarDate) async throws -> [BedOutage] {
        try await BedOutageRecord.query(on: database)
            .group(.or) { $0.filter(\.$endedOn == nil).filter(\.$endedOn, .greaterThanOrEqual, day.iso) }
            .all().map { try $0.value() }
            .sorted { ($0.startsOn, $0.id.uuidString) > ($1.startsOn, $1.id.uuidString) }
    }

    /// The bed's record that has started by `day` and not ended, if any (the latest start
    /// when there are several).
    public func openOutage(ofBed bedID: UUID, on day: CalendarDate) async throws -> BedOutage? {
        try await BedOutageRecord.query(on: database).filter(\.$bedID == bedID).filter(\.$endedOn == nil).all()
            .map { try $0.value() }.filter { $0.startsOn <= day }.max { $0.startsOn < $1.startsOn }
    }

    /// The open placements of a home's beds (or of every home), for capacity.
    public func openPlacements(ofHome homeID: UUID? = nil) async throws -> [Placement] {
        try await placementRows { select in
            let open = select.where("discharged_at", .is, SQLLiteral.null)
            return if let homeID { open.where("home_id", .equal, homeID) } else { open }
        }
    }
}
