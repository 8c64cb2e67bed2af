import FluentKit
import Foundation
import SQLKit
import SecurePlaceCore

// What the statistics need besides the referrals themselves, counted by the database so that a
// year's figures do not read every answer ever given.
extension Store {
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

    /// For each referral, every home it went to or that answered it: the home's answer (an
    /// offer, or a decline with its reasons) or, for a home that never answered, when its
    /// answer was due.
    public func approachesByReferral() async throws -> [UUID: [HomeApproach]] {
        var answers: [UUID: [UUID: HomeApproach.Answer]] = [:]
        for row in try await select(["referral_id", "home_id", "respond_by"], from: "circulations").all() {
            let referral = try row.decode(column: "referral_id", as: UUID.self)
            let home = try row.decode(column: "home_id", as: UUID.self)
            let due = try row.decode(column: "respond_by", as: Date.self)
            // A home circulated twice (in two waves) was due by the later time.
            if case .notAnswered(let earlier)? = answers[referral]?[home], earlier > due { continue }
            answers[referral, default: [:]][home] = .notAnswered(respondBy: due)
        }
        let responses = try await select(
            ["referral_id", "home_id", "answer", "decline_reasons"], from: "home_responses"
        )
        .all()
        for row in responses {
            let referral = try row.decode(column: "referral_id", as: UUID.self)
            let home = try row.decode(column: "home_id", as: UUID.self)
            if try row.decode(column: "answer", as: String.self) == "offer" {
                answers[referral, default: [:]][home] = .offered
                continue
            }
            // An offer from the same home (after a decline) stands.
            if case .offered? = answers[referral]?[home] { continue }
            let reasons = try row.decode(column: "decline_reasons", as: String.self).split(separator: ",").map {
                try decodeCode(DeclineReason.self, String($0), list: "decline reason")
            }
            answers[referral, default: [:]][home] = .declined(Set(reasons))
        }
        return answers.mapValues { homes in homes.map { HomeApproach(homeID: $0.key, answer: $0.value) } }
    }
}
