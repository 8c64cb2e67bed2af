import FluentKit
import SecurePlaceCore

// Fluent models are classes with property wrappers that Fluent mutates; each instance is
// used by one task at a time, which is what makes @unchecked Sendable safe here.

final class RegionRecord: Model, @unchecked Sendable {
    static let schema = "regions"

    @ID(custom: "code", generatedBy: .user) var id: String?
    @Field(key: "name") var name: String
    @Field(key: "country") var country: String

    init() {}

    init(code: String, name: String, country: Country) {
        self.id = code
        self.name = name
        self.country = country.rawValue
    }
}

final class LocalAuthorityRecord: Model, @unchecked Sendable {
    static let schema = "local_authorities"

    @ID(custom: "code", generatedBy: .user) var id: String?
    @Field(key: "name") var name: String
    @Field(key: "region_code") var regionCode: String
    @Field(key: "latitude") var latitude: Double
    @Field(key: "longitude") var longitude: Double

    init() {}

    init(_ authority: LocalAuthority) {
        id = authority.code
        name = authority.name
        regionCode = authority.region.code
        latitude = authority.centroid.latitude
        longitude = authority.centroid.longitude
    }

    func value() throws -> LocalAuthority {
        LocalAuthority(
            code: try requireID(), name: name, region: try decodeCode(Region.self, regionCode, list: "region"),
            centroid: Coordinate(latitude: latitude, longitude: longitude))
    }
}

final class SettingRecord: Model, @unchecked Sendable {
    static let schema = "settings"

    @ID(custom: "key", generatedBy: .user) var id: String?
    @Field(key: "value") var value: String

    init() {}

    init(key: String, value: String) {
        self.id = key
        self.value = value
    }
}

/// A stored code that no longer decodes means the database was written by something else;
/// it is reported, never guessed around.
func decodeCode<Code: RawRepresentable>(_ type: Code.Type, _ raw: String, list: String) throws -> Code
where Code.RawValue == String {
    guard let code = Code(rawValue: raw) else { throw UnknownCodeError(list: list, code: raw) }
    return code
}

/// A stored ISO day, or nil when none was stored; one that does not parse is reported.
func decodeDay(_ text: String?) throws -> CalendarDate? {
    guard let text else { return nil }
    guard let day = CalendarDate(iso: text) else { throw UnknownCodeError(list: "date", code: text) }
    return day
}
