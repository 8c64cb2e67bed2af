import FluentKit
import Foundation
import SQLKit

// What the statistics need besides the referrals themselves, counted by the database so that a
// year's figures do not read every answer ever given.
extension Store {
    /// For each referral, how many homes it went to: every home it was circulated to or that
    /// answered it (a home asked and silent was approached too).
    public func homesApproachedByReferral() async throws -> [UUID: Int] {
        let rows = try await sql.raw(
            """
            SELECT referral_id, COUNT(*) AS homes FROM (
                SELECT referral_id, home_id FROM circulations
                UNION
                SELECT referral_id, home_id FROM home_responses
            ) approached
            GROUP BY referral_id
            """
        ).all()
        return Dictionary(
            uniqueKeysWithValues: try rows.map {
                (try $0.decode(column: "referral_id", as: UUID.self), try $0.decode(column: "homes", as: Int.self))
            })
    }

    /// For each referral a home offered for, when the first offer came.
    public func firstOfferByReferral() async throws -> [UUID: Date] {
        let rows = try await select(["referral_id", "responded_at"], from: "home_responses")
            .where("answer", .equal, "offer").all()
        var first: [UUID: Date] = [:]
        for row in rows {
            let referral = try row.decode(column: "referral_id", as: UUID.self)
            let answered = try row.decode(column: "responded_at", as: Date.self)
            first[referral] = min(first[referral] ?? answered, answered)
        }
        return first
    }

    /// When the first referral the service holds was submitted.
    public func earliestSubmission() async throws -> Date? {
        try await select(["submitted_at"], from: "referrals").where("submitted_at", .isNot, SQLLiteral.null)
            .orderBy("submitted_at").limit(1).first()?.decode(column: "submitted_at", as: Date.self)
    }
}
