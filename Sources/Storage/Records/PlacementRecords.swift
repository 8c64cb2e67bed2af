import FluentKit
import Foundation
import SecurePlaceCore

final class PlacementRecord: Model, @unchecked Sendable {
    static let schema = "placements"

    @ID(key: .id) var id: UUID?
    @Field(key: "referral_id") var referralID: UUID
    @Field(key: "child_id") var childID: UUID
    @Field(key: "home_id") var homeID: UUID
    @Field(key: "bed_id") var bedID: UUID
    @Field(key: "admitted_at") var admittedAt: Date
    @OptionalField(key: "discharged_at") var dischargedAt: Date?
    @OptionalField(key: "end_reason") var endReason: String?
    @OptionalField(key: "expected_discharge_on") var expectedDischargeOn: String?

    init() {}

    init(_ placement: Placement) {
        id = placement.id
        referralID = placement.referralID
        childID = placement.childID
        homeID = placement.homeID
        bedID = placement.bedID
        admittedAt = placement.admittedAt
        dischargedAt = placement.dischargedAt
        endReason = placement.endReason?.rawValue
        expectedDischargeOn = placement.expectedDischargeOn?.iso
    }

    func value() throws -> Placement {
        Placement(
            id: try requireID(), referralID: referralID, childID: childID, homeID: homeID, bedID: bedID,
            admittedAt: admittedAt, dischargedAt: dischargedAt,
            endReason: try endReason.map {
                try decodeCode(PlacementChangeReason.self, $0, list: "placement change reason")
            }, expectedDischargeOn: try decodeDay(expectedDischargeOn))
    }
}

final class PlacementEpisodeRecord: Model, @unchecked Sendable {
    static let schema = "placement_episodes"

    @ID(key: .id) var id: UUID?
    @Field(key: "child_id") var childID: UUID
    @Field(key: "referral_id") var referralID: UUID
    @Field(key: "placement_type") var placementType: String
    @Field(key: "started_on") var startedOn: String
    @OptionalField(key: "ended_on") var endedOn: String?
    @OptionalField(key: "end_reason") var endReason: String?

    init() {}

    init(_ episode: PlacementEpisode) {
        id = episode.id
        childID = episode.childID
        referralID = episode.referralID
        placementType = episode.type.rawValue
        startedOn = episode.startedOn.iso
        endedOn = episode.endedOn?.iso
        endReason = episode.endReason?.rawValue
    }

    func value() throws -> PlacementEpisode {
        guard let start = CalendarDate(iso: startedOn) else { throw UnknownCodeError(list: "date", code: startedOn) }
        return PlacementEpisode(
            id: try requireID(), childID: childID, referralID: referralID,
            type: try decodeCode(PlacementType.self, placementType, list: "placement type"), startedOn: start,
            endedOn: endedOn.flatMap { CalendarDate(iso: $0) },
            endReason: try endReason.map {
                try decodeCode(PlacementChangeReason.self, $0, list: "placement change reason")
            })
    }
}
