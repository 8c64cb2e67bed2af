import FluentKit
import Foundation
import SQLKit
import SecurePlaceCore

extension Store {
    public func save(homes: [SecureHome]) async throws {
        try await insert(homes.map(HomeRecord.init))
    }

    public func save(beds: [Bed]) async throws {
        try await insert(beds.map(BedRecord.init))
    }

    public func save(bedStatusIntervals: [BedStatusInterval]) async throws {
        try await insert(bedStatusIntervals.map(BedStatusIntervalRecord.init))
    }

    public func homes() async throws -> [SecureHome] {
        try await select(HomeRecord.columns, from: HomeRecord.schema).orderBy("name").all()
            .map { try HomeRecord(row: $0).value() }
    }

    public func home(id: UUID) async throws -> SecureHome? {
        try await HomeRecord.find(id, on: database)?.value()
    }

    public func home(reference: String) async throws -> SecureHome? {
        try await HomeRecord.query(on: database).filter(\.$reference == reference).first()?.value()
    }

    public func beds(ofHome homeID: UUID? = nil) async throws -> [Bed] {
        var query = select(BedRecord.columns, from: BedRecord.schema)
        if let homeID { query = query.where("home_id", .equal, homeID) }
        return try await query.orderBy("label").all().map { try BedRecord(row: $0).value() }
    }

    /// The status interval of every bed (or of one home's beds) in force at `instant`.
    public func bedStatusIntervals(at instant: Date, ofHome homeID: UUID? = nil) async throws -> [BedStatusInterval] {
        var query = select(BedStatusIntervalRecord.columns, from: BedStatusIntervalRecord.schema)
            .where("starts_at", .lessThanOrEqual, instant)
            .where { $0.where("ends_at", .is, SQLLiteral.null).orWhere("ends_at", .greaterThan, instant) }
        if let homeID {
            query = query.where(
                "bed_id", .in,
                SQLSubquery.select { $0.column("id").from(BedRecord.schema).where("home_id", .equal, homeID) })
        }
        return try await query.all().map { try BedStatusIntervalRecord(row: $0).value() }
    }

    /// Every status interval of every bed that overlaps the period from `start` to `end`.
    public func bedStatusIntervals(overlappingFrom start: Date, to end: Date) async throws -> [BedStatusInterval] {
        try await BedStatusIntervalRecord.query(on: database)
            .filter(\.$startsAt < end)
            .group(.or) { $0.filter(\.$endsAt == nil).filter(\.$endsAt > start) }
            .all().map { try $0.value() }
    }

    /// Every status interval a bed has had, oldest first: the bed's history.
    public func bedStatusHistory(ofBed bedID: UUID) async throws -> [BedStatusInterval] {
        // Changes at the same instant leave a zero-length interval; it sorts before the one
        // that follows it.
        try await BedStatusIntervalRecord.query(on: database).filter(\.$bedID == bedID).all()
            .map { try $0.value() }
            .sorted { ($0.from, $0.to ?? .distantFuture) < ($1.from, $1.to ?? .distantFuture) }
    }

    /// Ends the bed's current interval at `instant` and opens a new one with `status`: the
    /// one way a bed's status changes, so history is never overwritten.
    public func changeStatus(ofBed bedID: UUID, to status: BedStatus, at instant: Date) async throws {
        let current = try await BedStatusIntervalRecord.query(on: database)
            .filter(\.$bedID == bedID).filter(\.$endsAt == nil).all()
        // A caller that waited for the bed's lock read its clock before the change it waited
        // for; the new status starts no earlier than the one it ends, so the history stays in
        // order.
        let from = current.map(\.startsAt).reduce(instant, max)
        for interval in current {
            interval.endsAt = from
            try await interval.save(on: database)
        }
        try await BedStatusIntervalRecord(BedStatusInterval(bedID: bedID, status: status, from: from))
            .create(on: database)
    }

    /// The national bed board as it stood at `instant`.
    public func bedBoard(at instant: Date) async throws -> BedBoard {
        async let homes = homes()
        async let beds = beds()
        async let intervals = bedStatusIntervals(at: instant)
        return BedBoard.build(homes: try await homes, beds: try await beds, intervals: try await intervals, at: instant)
    }
}

extension Store {
    public func confirmBeds(ofHome homeID: UUID, at instant: Date) async throws {
        try await HomeRecord.query(on: database).filter(\.$id == homeID).set(\.$lastConfirmedAt, to: instant).update()
    }
}
