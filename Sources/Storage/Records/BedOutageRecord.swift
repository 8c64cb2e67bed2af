import FluentKit
import Foundation
import SecurePlaceCore

final class BedOutageRecord: Model, @unchecked Sendable {
    static let schema = "bed_outages"

    @ID(key: .id) var id: UUID?
    @Field(key: "bed_id") var bedID: UUID
    @Field(key: "home_id") var homeID: UUID
    @Field(key: "reason") var reason: String
    @Field(key: "starts_on") var startsOn: String
    @OptionalField(key: "expected_end_on") var expectedEndOn: String?
    @OptionalField(key: "ended_on") var endedOn: String?
    @Field(key: "note") var note: String
    /// The record's revisions as JSON, oldest first: read and written only with the record.
    @Field(key: "revisions") var revisions: String

    init() {}

    init(_ outage: BedOutage) throws {
        id = outage.id
        try update(from: outage)
    }

    func update(from outage: BedOutage) throws {
        bedID = outage.bedID
        homeID = outage.homeID
        reason = outage.reason.rawValue
        startsOn = outage.startsOn.iso
        expectedEndOn = outage.expectedEndOn?.iso
        endedOn = outage.endedOn?.iso
        note = outage.note
        revisions = String(decoding: try JSONEncoder().encode(outage.revisions), as: UTF8.self)
    }

    func value() throws -> BedOutage {
        BedOutage(
            id: try requireID(), bedID: bedID, homeID: homeID,
            reason: try decodeCode(BedClosureReason.self, reason, list: "bed closure reason"),
            startsOn: try decodeDay(startsOn)!, expectedEndOn: try decodeDay(expectedEndOn),
            endedOn: try decodeDay(endedOn), note: note,
            revisions: try JSONDecoder().decode([BedOutage.Revision].self, from: Data(revisions.utf8)))
    }
}
