import FluentKit
import Foundation
import SQLKit

// The bed board, the ranking and the allocation round read every home, bed and bed status
// in force. Fluent makes each row into a model by reflecting over the model's properties,
// which took half of the bed board's time; these read the same columns straight from the
// rows and keep one conversion to domain values (`value()`).

extension HomeRecord {
    static let columns = [
        "id", "reference", "name", "region_code", "local_authority_code", "latitude", "longitude",
        "accepted_sexes", "minimum_age", "maximum_age", "specialisms", "last_confirmed_at",
    ]

    convenience init(row: any SQLRow) throws {
        self.init()
        id = try row.decode(column: "id", as: UUID.self)
        reference = try row.decode(column: "reference", as: String.self)
        name = try row.decode(column: "name", as: String.self)
        regionCode = try row.decode(column: "region_code", as: String.self)
        localAuthorityCode = try row.decode(column: "local_authority_code", as: String.self)
        latitude = try row.decode(column: "latitude", as: Double.self)
        longitude = try row.decode(column: "longitude", as: Double.self)
        acceptedSexes = try row.decode(column: "accepted_sexes", as: String.self)
        minimumAge = try row.decode(column: "minimum_age", as: Int.self)
        maximumAge = try row.decode(column: "maximum_age", as: Int.self)
        specialisms = try row.decode(column: "specialisms", as: String.self)
        lastConfirmedAt = try row.decode(column: "last_confirmed_at", as: Date?.self)
    }
}

extension BedRecord {
    static let columns = ["id", "home_id", "label", "kind"]

    convenience init(row: any SQLRow) throws {
        self.init()
        id = try row.decode(column: "id", as: UUID.self)
        homeID = try row.decode(column: "home_id", as: UUID.self)
        label = try row.decode(column: "label", as: String.self)
        kind = try row.decode(column: "kind", as: String.self)
    }
}

extension BedStatusIntervalRecord {
    static let columns = ["id", "bed_id", "status", "closure_reason", "starts_at", "ends_at"]

    convenience init(row: any SQLRow) throws {
        self.init()
        id = try row.decode(column: "id", as: UUID.self)
        bedID = try row.decode(column: "bed_id", as: UUID.self)
        status = try row.decode(column: "status", as: String.self)
        closureReason = try row.decode(column: "closure_reason", as: String?.self)
        startsAt = try row.decode(column: "starts_at", as: Date.self)
        endsAt = try row.decode(column: "ends_at", as: Date?.self)
    }
}

extension Store {
    var sql: any SQLDatabase { database as! any SQLDatabase }

    /// A select of `columns` from `table`, for a reader that makes each row into a record.
    func select(_ columns: [String], from table: String) -> SQLSelectBuilder {
        sql.select().columns(columns.map { SQLColumn($0, table: table) }).from(table)
    }
}
