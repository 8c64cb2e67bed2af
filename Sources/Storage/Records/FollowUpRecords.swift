import FluentKit
import Foundation
import SecurePlaceCore

final class FollowUpRecord: Model, @unchecked Sendable {
    static let schema = "follow_ups"

    @ID(key: .id) var id: UUID?
    @Field(key: "referral_id") var referralID: UUID
    @Field(key: "local_authority_code") var localAuthorityCode: String
    @Field(key: "interval") var interval: String
    @Field(key: "due_on") var dueOn: String
    @OptionalField(key: "recorded_at") var recordedAt: Date?
    @OptionalField(key: "current_placement") var currentPlacement: String?
    @OptionalField(key: "placement_moves") var placementMoves: Int?
    @OptionalField(key: "missing_episodes") var missingEpisodes: Int?
    @OptionalField(key: "in_custody") var inCustody: Bool?
    @OptionalField(key: "note") var note: String?

    init() {}

    init(_ followUp: FollowUp) {
        id = followUp.id
        referralID = followUp.referralID
        localAuthorityCode = followUp.localAuthorityCode
        interval = followUp.interval.rawValue
        dueOn = followUp.dueOn.iso
        set(followUp.outcome, at: followUp.recordedAt)
    }

    func set(_ outcome: FollowUp.Outcome?, at instant: Date?) {
        recordedAt = instant
        currentPlacement = outcome?.currentPlacement.rawValue
        placementMoves = outcome?.placementMoves
        missingEpisodes = outcome?.missingEpisodes
        inCustody = outcome?.inCustody
        note = outcome?.note
    }

    func value() throws -> FollowUp {
        guard let due = CalendarDate(iso: dueOn) else { throw UnknownCodeError(list: "date", code: dueOn) }
        var outcome: FollowUp.Outcome?
        if let currentPlacement {
            outcome = FollowUp.Outcome(
                currentPlacement: try decodeCode(PlacementType.self, currentPlacement, list: "placement type"),
                placementMoves: placementMoves ?? 0, missingEpisodes: missingEpisodes ?? 0,
                inCustody: inCustody ?? false,
                note: note ?? "")
        }
        return FollowUp(
            id: try requireID(), referralID: referralID, localAuthorityCode: localAuthorityCode,
            interval: try decodeCode(FollowUp.Interval.self, interval, list: "follow-up interval"), dueOn: due,
            recordedAt: recordedAt, outcome: outcome)
    }
}

/// Which instance runs a background job, until when: with several instances behind a load
/// balancer, only the holder of an unexpired lease runs it.
final class JobLeaseRecord: Model, @unchecked Sendable {
    static let schema = "job_leases"

    @ID(custom: "name", generatedBy: .user) var id: String?
    @Field(key: "holder") var holder: String
    @Field(key: "expires_at") var expiresAt: Date

    init() {}

    init(name: String, holder: String, expiresAt: Date) {
        id = name
        self.holder = holder
        self.expiresAt = expiresAt
    }
}
