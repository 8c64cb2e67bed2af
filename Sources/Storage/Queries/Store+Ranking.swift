import FluentKit
import Foundation
import SQLKit
import SecurePlaceCore

/// How often a home has offered to children of one sex and age at referral, counted by the
/// database: ranking needs each home's record with children like this one, not every answer.
public struct AnswerTally: Sendable, Hashable {
    public var homeID: UUID
    public var sex: Sex
    public var ageAtReferral: Int
    public var offers: Int
    public var answers: Int
}

// What matching reads on every submission and allocation round. Reading every referral, child
// and answer ever recorded made a submission's cost grow with the service's history (and held
// the referral's lock while it read); these read only what a ranking uses.
extension Store {
    /// Every home's answers, counted by the child's sex and age at referral.
    public func answerTallies() async throws -> [AnswerTally] {
        let rows = try await sql.raw(
            """
            SELECT r.home_id AS home_id, c.sex AS sex, f.age_at_referral AS age_at_referral,
                SUM(CASE WHEN r.answer = 'offer' THEN 1 ELSE 0 END) AS offers, COUNT(*) AS answers
            FROM home_responses r
            JOIN referrals f ON f.id = r.referral_id
            JOIN children c ON c.id = f.child_id
            GROUP BY r.home_id, c.sex, f.age_at_referral
            """
        ).all()
        return try rows.map { row in
            AnswerTally(
                homeID: try row.decode(column: "home_id", as: UUID.self),
                sex: try decodeCode(Sex.self, try row.decode(column: "sex", as: String.self), list: "sex"),
                ageAtReferral: try row.decode(column: "age_at_referral", as: Int.self),
                offers: try row.decode(column: "offers", as: Int.self),
                answers: try row.decode(column: "answers", as: Int.self))
        }
    }

    /// The referrals in any of `states`, oldest first.
    public func referrals(inStates states: [ReferralState]) async throws -> [Referral] {
        try await referralRows { $0.where("state", .in, states.map(\.rawValue)).orderBy("created_at") }
    }

    public func referrals(ids: some Collection<UUID>) async throws -> [Referral] {
        guard !ids.isEmpty else { return [] }
        return try await referralRows { $0.where("id", .in, Array(ids)) }
    }

    public func children(ids: some Collection<UUID>) async throws -> [Child] {
        guard !ids.isEmpty else { return [] }
        return try await childRows { $0.where("id", .in, Array(ids)) }
    }

    /// The answers to any of the referrals, oldest first.
    public func responses(toReferrals ids: some Collection<UUID>) async throws -> [HomeResponse] {
        guard !ids.isEmpty else { return [] }
        return try await HomeResponseRecord.query(on: database).filter(\.$referralID ~~ Array(ids))
            .sort(\.$respondedAt).all().map { try $0.value() }
    }
}
