import Foundation
import SecurePlaceCore

/// Regions and local authorities as read from the reference files, checked and ready to save.
public struct ReferenceData: Sendable, Equatable {
    public var regionNames: [Region: String]
    public var localAuthorities: [LocalAuthority]

    public static let regionsHeader = ["code", "name", "country"]
    public static let localAuthoritiesHeader = ["code", "name", "region_code", "latitude", "longitude"]

    /// The files shipped with SecurePlace (Sources/Coordination/ReferenceData/Files).
    public static func bundled() throws -> ReferenceData {
        try ReferenceData(
            regionsFile: bundledFile("regions.csv"), localAuthoritiesFile: bundledFile("local-authorities.csv"))
    }

    public static func bundledFile(_ name: String) -> URL {
        Bundle.module.resourceURL!.appendingPathComponent("Files").appendingPathComponent(name)
    }

    /// Reads both files from disk; an unreadable file is reported with its path.
    public init(regionsFile: URL, localAuthoritiesFile: URL) throws {
        func read(_ url: URL) throws -> String {
            do {
                return try String(contentsOf: url, encoding: .utf8)
            } catch {
                throw ImportError(
                    file: url.lastPathComponent, line: 0, column: 0, problem: "the file cannot be read as UTF-8 text")
            }
        }
        try self.init(
            regions: CSVTable(
                file: regionsFile.lastPathComponent, text: read(regionsFile), expectedHeader: Self.regionsHeader),
            localAuthorities: CSVTable(
                file: localAuthoritiesFile.lastPathComponent, text: read(localAuthoritiesFile),
                expectedHeader: Self.localAuthoritiesHeader))
    }

    /// Checks every field; the first problem found is thrown with its file, line and column.
    public init(regions: CSVTable, localAuthorities: CSVTable) throws(ImportError) {
        var names: [Region: String] = [:]
        for row in regions.rows {
            let region = try Self.region(row[0], in: regions.file)
            guard names[region] == nil else {
                throw ImportError(
                    file: regions.file, line: row[0].line, column: 1, problem: "region \(region.code) appears twice")
            }
            let name = try Self.nonEmpty(row[1], "name", in: regions.file)
            guard row[2].text == region.country.rawValue else {
                throw ImportError(
                    file: regions.file, line: row[2].line, column: 3,
                    problem: "country of \(region.code) must be '\(region.country.rawValue)', not '\(row[2].text)'")
            }
            names[region] = name
        }
        for region in Region.allCases where names[region] == nil {
            throw ImportError(
                file: regions.file, line: regions.rows.count + 2, column: 1,
                problem: "region \(region.code) (\(region.name)) is missing")
        }
        var authorities: [LocalAuthority] = []
        var seen: Set<String> = []
        for row in localAuthorities.rows {
            let file = localAuthorities.file
            let code = row[0].text.trimmingCharacters(in: .whitespaces)
            guard code.count == 9, code.first == "E" || code.first == "W", code.dropFirst().allSatisfy(\.isNumber)
            else {
                throw ImportError(
                    file: file, line: row[0].line, column: 1, problem: "'\(code)' is not an ONS code such as E08000003")
            }
            guard seen.insert(code).inserted else {
                throw ImportError(
                    file: file, line: row[0].line, column: 1, problem: "local authority \(code) appears twice")
            }
            let name = try Self.nonEmpty(row[1], "name", in: file)
            let region = try Self.region(row[2], in: file)
            guard (code.first == "W") == (region == .wales) else {
                throw ImportError(
                    file: file, line: row[2].line, column: 3,
                    problem: "\(code) is in \(code.first == "W" ? "Wales" : "England") but region \(region.code) is not"
                )
            }
            let latitude = try Self.number(row[3], "latitude", within: 49...61, in: file)
            let longitude = try Self.number(row[4], "longitude", within: -9...3, in: file)
            authorities.append(
                LocalAuthority(
                    code: code, name: name, region: region,
                    centroid: Coordinate(latitude: latitude, longitude: longitude)))
        }
        regionNames = names
        self.localAuthorities = authorities
    }

    private static func region(_ field: CSVTable.Field, in file: String) throws(ImportError) -> Region {
        guard let region = Region(rawValue: field.text.trimmingCharacters(in: .whitespaces)) else {
            throw ImportError(
                file: file, line: field.line, column: field.column,
                problem: "'\(field.text)' is not a region code (E12000001 to E12000009, or W92000004 for Wales)")
        }
        return region
    }

    private static func nonEmpty(_ field: CSVTable.Field, _ name: String, in file: String) throws(ImportError) -> String
    {
        let text = field.text.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else {
            throw ImportError(file: file, line: field.line, column: field.column, problem: "\(name) is empty")
        }
        return text
    }

    private static func number(
        _ field: CSVTable.Field, _ name: String, within range: ClosedRange<Double>, in file: String
    ) throws(ImportError) -> Double {
        guard let value = Double(field.text.trimmingCharacters(in: .whitespaces)), range.contains(value) else {
            throw ImportError(
                file: file, line: field.line, column: field.column,
                problem:
                    "\(name) '\(field.text)' is not a number between \(range.lowerBound) and \(range.upperBound) (Great Britain)"
            )
        }
        return value
    }
}
