import FluentKit
import Foundation
import SecurePlaceCore

final class HomeRecord: Model, @unchecked Sendable {
    static let schema = "homes"

    @ID(key: .id) var id: UUID?
    @Field(key: "reference") var reference: String
    @Field(key: "name") var name: String
    @Field(key: "region_code") var regionCode: String
    @Field(key: "local_authority_code") var localAuthorityCode: String
    @Field(key: "latitude") var latitude: Double
    @Field(key: "longitude") var longitude: Double
    @Field(key: "accepted_sexes") var acceptedSexes: String
    @Field(key: "minimum_age") var minimumAge: Int
    @Field(key: "maximum_age") var maximumAge: Int
    @Field(key: "specialisms") var specialisms: String
    @OptionalField(key: "last_confirmed_at") var lastConfirmedAt: Date?

    init() {}

    init(_ home: SecureHome) {
        id = home.id
        reference = home.reference
        name = home.name
        regionCode = home.region.code
        localAuthorityCode = home.localAuthorityCode
        latitude = home.location.latitude
        longitude = home.location.longitude
        acceptedSexes = Sex.allCases.filter(home.acceptedSexes.contains).map(\.rawValue).joined(separator: ",")
        minimumAge = home.ages.lowerBound
        maximumAge = home.ages.upperBound
        specialisms = home.specialisms.codeList
        lastConfirmedAt = home.lastConfirmedAt
    }

    func value() throws -> SecureHome {
        let sexes = try acceptedSexes.split(separator: ",").map { try decodeCode(Sex.self, String($0), list: "sex") }
        return SecureHome(
            id: try requireID(), reference: reference, name: name,
            region: try decodeCode(Region.self, regionCode, list: "region"), localAuthorityCode: localAuthorityCode,
            location: Coordinate(latitude: latitude, longitude: longitude), acceptedSexes: Set(sexes),
            ages: minimumAge...maximumAge, specialisms: try Set<NeedFlag>.parsing(codeList: specialisms).get(),
            lastConfirmedAt: lastConfirmedAt)
    }
}

final class BedRecord: Model, @unchecked Sendable {
    static let schema = "beds"

    @ID(key: .id) var id: UUID?
    @Field(key: "home_id") var homeID: UUID
    @Field(key: "label") var label: String
    @Field(key: "kind") var kind: String

    init() {}

    init(_ bed: Bed) {
        id = bed.id
        homeID = bed.homeID
        label = bed.label
        kind = bed.kind.rawValue
    }

    func value() throws -> Bed {
        Bed(
            id: try requireID(), homeID: homeID, label: label,
            kind: try decodeCode(BedKind.self, kind, list: "bed kind"))
    }
}

final class BedStatusIntervalRecord: Model, @unchecked Sendable {
    static let schema = "bed_status_intervals"

    @ID(key: .id) var id: UUID?
    @Field(key: "bed_id") var bedID: UUID
    @Field(key: "status") var status: String
    @OptionalField(key: "closure_reason") var closureReason: String?
    @Field(key: "starts_at") var startsAt: Date
    @OptionalField(key: "ends_at") var endsAt: Date?

    init() {}

    init(_ interval: BedStatusInterval) {
        id = UUID()
        bedID = interval.bedID
        status = interval.status.code
        closureReason = interval.status.closureReason?.rawValue
        startsAt = interval.from
        endsAt = interval.to
    }

    func value() throws -> BedStatusInterval {
        let reason = try closureReason.map { try decodeCode(BedClosureReason.self, $0, list: "bed closure reason") }
        guard let decoded = BedStatus(code: status, closureReason: reason) else {
            throw UnknownCodeError(list: "bed status", code: status)
        }
        return BedStatusInterval(bedID: bedID, status: decoded, from: startsAt, to: endsAt)
    }
}
