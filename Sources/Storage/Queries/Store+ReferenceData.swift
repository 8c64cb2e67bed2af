import FluentKit
import SQLKit
import SecurePlaceCore

extension Store {
    /// Writes regions and local authorities, adding new codes and updating existing ones, so
    /// that loading the same files twice changes nothing.
    public func saveReferenceData(regionNames: [Region: String], localAuthorities: [LocalAuthority]) async throws {
        for (region, name) in regionNames.sorted(by: { $0.key < $1.key }) {
            if let existing = try await RegionRecord.find(region.code, on: database) {
                existing.name = name
                try await existing.save(on: database)
            } else {
                try await RegionRecord(code: region.code, name: name, country: region.country).create(on: database)
            }
        }
        let existing = try await LocalAuthorityRecord.query(on: database).all()
        let byCode = Dictionary(uniqueKeysWithValues: existing.compactMap { record in record.id.map { ($0, record) } })
        var new: [LocalAuthorityRecord] = []
        for authority in localAuthorities {
            if let record = byCode[authority.code] {
                record.name = authority.name
                record.regionCode = authority.region.code
                record.latitude = authority.centroid.latitude
                record.longitude = authority.centroid.longitude
                try await record.save(on: database)
            } else {
                new.append(LocalAuthorityRecord(authority))
            }
        }
        try await insert(new)
    }

    /// Read straight from the rows (see HomeRecords+Rows): every referral created or ranked
    /// reads all 175, and Fluent's model decoding was a tenth of a submission's time.
    public func localAuthorities() async throws -> [LocalAuthority] {
        try await select(["code", "name", "region_code", "latitude", "longitude"], from: LocalAuthorityRecord.schema)
            .orderBy(SQLColumn("code", table: LocalAuthorityRecord.schema)).all()
            .map { row in
                LocalAuthority(
                    code: try row.decode(column: "code", as: String.self),
                    name: try row.decode(column: "name", as: String.self),
                    region: try decodeCode(
                        Region.self, try row.decode(column: "region_code", as: String.self), list: "region"),
                    centroid: Coordinate(
                        latitude: try row.decode(column: "latitude", as: Double.self),
                        longitude: try row.decode(column: "longitude", as: Double.self)))
            }
    }

    public func regionCount() async throws -> Int {
        try await RegionRecord.query(on: database).count()
    }

    public func setting(_ key: String) async throws -> String? {
        try await SettingRecord.find(key, on: database)?.value
    }

    public func saveSetting(_ key: String, value: String) async throws {
        if let existing = try await SettingRecord.find(key, on: database) {
            existing.value = value
            try await existing.save(on: database)
        } else {
            try await SettingRecord(key: key, value: value).create(on: database)
        }
    }
}
