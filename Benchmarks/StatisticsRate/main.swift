// The Swift half of the side-by-side run against DuckDB: reads an analysts' extract (the
// three CSV files `secureplace statistics extract` writes), makes every national table from
// it, and prints the counts with the time and peak memory as JSON, so that one script can run
// both tools on the same files and compare every count.
//
//   statistics-rate EXTRACT_DIR LOCAL_AUTHORITIES_CSV PERIOD AS_OF [PUBLISHED_DIR]
import Foundation
import SecurePlaceCore
import Statistics

let arguments = CommandLine.arguments
guard arguments.count >= 5, let year = PublicationTables.FinancialYear(parsing: arguments[3]),
    let asOfDay = CalendarDate(iso: arguments[4])
else {
    FileHandle.standardError.write(
        Data("usage: statistics-rate EXTRACT_DIR LOCAL_AUTHORITIES_CSV PERIOD AS_OF [PUBLISHED_DIR]\n".utf8))
    exit(2)
}
let directory = URL(fileURLWithPath: arguments[1])
let clock = ContinuousClock()
let started = clock.now

func bytes(_ name: String) -> (name: String, bytes: Data) {
    let url = directory.appendingPathComponent(name)
    // Mapped, not read: the reader touches each byte once.
    guard let data = try? Data(contentsOf: url, options: .alwaysMapped) else {
        FileHandle.standardError.write(Data("cannot read \(url.path)\n".utf8))
        exit(1)
    }
    return (name, data)
}

let extract: CohortExtract
do {
    extract = try CohortExtract(
        referrals: bytes("referrals.csv"), answers: bytes("answers.csv"), episodes: bytes("episodes.csv"))
} catch {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(1)
}
let read = clock.now

// The reference data the tables are laid out by.
let authorities: [LocalAuthority] = {
    let text = try! String(contentsOfFile: arguments[2], encoding: .utf8)
    return text.split(separator: "\n").dropFirst().compactMap { line in
        // code,name,region_code,latitude,longitude; a name may hold a comma, in quotes.
        let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        guard fields.count >= 5, let region = Region(rawValue: fields[fields.count - 3]),
            let latitude = Double(fields[fields.count - 2]), let longitude = Double(fields[fields.count - 1])
        else { return nil }
        let name = fields[1..<(fields.count - 3)].joined(separator: ",").trimmingCharacters(in: ["\""])
        return LocalAuthority(
            code: fields[0], name: name, region: region, centroid: Coordinate(latitude: latitude, longitude: longitude))
    }
}()

let first = year.first
let end = year.end
let isInYear: @Sendable (CohortExtract.Member) -> Bool = { $0.submittedOn >= first && $0.submittedOn < end }
let cohort: [CohortReferral] = {
    var cohort: [CohortReferral] = []
    cohort.reserveCapacity(extract.members.count)
    for member in extract.members where isInYear(member) { cohort.append(member.record) }
    return cohort
}()
let asOf = asOfDay.start

// The three kinds of table at once, one thread each (the engine's functions are single-threaded).
final class Tables: @unchecked Sendable {
    // Each is written by one thread and read after all have finished.
    var publication: Publication?
    var declines: DeclineReasonBreakdown?
    var yearAfter: YearAfterReferral?
}
let tables = Tables()
DispatchQueue.concurrentPerform(iterations: 3) { part in
    switch part {
    case 0: tables.publication = PublicationTables.referralOutcomeTables(cohort, year: year, authorities: authorities)
    case 1: tables.declines = DeclineReasonBreakdown(cohort, asOf: asOf)
    default:
        let followed = extract.followed(where: isInYear)
        tables.yearAfter = YearAfterReferral(followed, asOf: asOfDay)
    }
}
let publication = tables.publication!
let declines = tables.declines!
let yearAfter = tables.yearAfter!
let computed = clock.now

// Keys both tools can write: codes, not the tables' words.
var filterCodes: [String: String] = [
    "Total": "total", PublicationTables.olderBoys: "older", PublicationTables.otherChildren: "other",
]
for alternative in AlternativeAccommodation.allCases { filterCodes[alternative.name] = alternative.rawValue }
var counts: [String: Int] = [:]
for table in publication.tables {
    for row in table.rows {
        let (level, code) =
            switch row.place.level {
            case .national: ("national", row.place.countryCode)
            case .regional: ("regional", row.place.regionCode)
            case .localAuthority: ("la", row.place.authorityCode)
            }
        let period = row.period.identifier.hasSuffix("year") ? "year" : String(row.period.identifier.suffix(2))
        let filter = row.filters.map { filterCodes[$0] ?? $0 }.joined(separator: "/")
        for (indicator, value) in zip(table.indicators, row.values) {
            guard case .count(let count) = value else { continue }
            counts[[table.name, period, level, code, filter, indicator.name].joined(separator: "|")] = count
        }
    }
}
for (group, tally) in [("older", declines.olderBoysWithRefusalFlags), ("other", declines.otherChildren)] {
    counts["declines|\(group)|approaches"] = tally.approaches
    counts["declines|\(group)|offers"] = tally.offers
    counts["declines|\(group)|declines"] = tally.declines
    for (reason, count) in tally.citing {
        let name =
            switch reason {
            case .given(let given): given.rawValue
            case .noAnswerByDeadline: "no-answer-by-deadline"
            }
        counts["declines|\(group)|\(name)"] = count
    }
}
for (group, figures) in [("placed", yearAfter.placed), ("unplaced", yearAfter.unplaced)] {
    counts["year_after|\(group)|children"] = figures.childrenFollowedAYear
    counts["year_after|\(group)|new_placements"] = figures.newPlacements
    counts["year_after|\(group)|custody"] = figures.custody.count
    counts["year_after|\(group)|other_secure"] = figures.otherSecurePlacement.count
}

if arguments.count >= 6 {
    let protected = ProtectedPublication(publication, rule: .standard)
    let out = URL(fileURLWithPath: arguments[5])
    try! FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
    for (table, values) in zip(publication.tables, protected.values) {
        try! TidyCSV.data(of: table, showing: values).write(
            to: out.appendingPathComponent("\(table.name).csv"), atomically: true, encoding: .utf8)
        try! TidyCSV.metadata(of: table).write(
            to: out.appendingPathComponent("\(table.name).meta.csv"), atomically: true, encoding: .utf8)
    }
}

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}
var usage = rusage()
getrusage(RUSAGE_SELF.rawValue, &usage)
let report: [String: Any] = [
    "referrals": extract.members.count,
    "referrals_in_year": cohort.count,
    "read_seconds": seconds(read - started),
    "compute_seconds": seconds(computed - read),
    "seconds": seconds(computed - started),
    "peak_memory_mb": Double(usage.ru_maxrss) / 1024,
    "threads": ProcessInfo.processInfo.activeProcessorCount,
    "counts": counts,
]
let json = try! JSONSerialization.data(withJSONObject: report, options: [.sortedKeys])
FileHandle.standardOutput.write(json)
FileHandle.standardOutput.write(Data("\n".utf8))
