import FluentKit
import SQLKit

/// The SSDA903 code for a child asking a placement to end is CHILD, not CHRQ, and the list has
/// no custody code: a move into custody is a new episode (PLACE R5) or an episode ceasing with
/// REC E9 (domain.md §5). Stored reasons are brought into line; a custody reason becomes OTHER,
/// the code the return would have carried.
struct CorrectPlacementChangeReasons: AsyncMigration {
    static let tables = ["placements", "placement_episodes"]

    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        for table in Self.tables {
            try await sql.update(table).set("end_reason", to: "CHILD").where("end_reason", .equal, "CHRQ").run()
            try await sql.update(table).set("end_reason", to: "OTHER").where("end_reason", .equal, "CUSTOD").run()
        }
    }

    /// CHILD goes back to CHRQ; a custody reason made OTHER cannot be told from any other OTHER.
    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        for table in Self.tables {
            try await sql.update(table).set("end_reason", to: "CHRQ").where("end_reason", .equal, "CHILD").run()
        }
    }
}
