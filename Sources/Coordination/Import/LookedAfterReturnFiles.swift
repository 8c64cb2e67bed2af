import Foundation
import SecurePlaceCore

/// An authority's SSDA903 header and episodes files, checked against the code lists of
/// domain.md §5. Every problem is reported with its file, line and column.
public struct LookedAfterReturnFiles: Sendable {
    public static let headerColumns = ["CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"]
    public static let episodeColumns = [
        "CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "DEC", "REC", "REASON_PLACE_CHANGE",
        "HOME_POST", "PL_POST", "URN",
    ]

    public var children: [LookedAfterChild]
    public var episodes: [LookedAfterEpisode]
    /// Where each child is in the header file, for pointing at it when linking finds a problem.
    public var headerFile: String
    public var headerLineOfChild: [String: Int]
    public var headerColumns: [String]

    /// Reads both files; dates after `today` are refused, as the return covers the past.
    public init(
        headerFile: String, headerText: String, episodesFile: String, episodesText: String, today: CalendarDate
    ) throws(ImportFailure) {
        var problems = ImportProblems()
        let header: CSVTable
        let episodeTable: CSVTable
        do {
            header = try CSVTable(file: headerFile, text: headerText, requiredColumns: Self.headerColumns)
            episodeTable = try CSVTable(file: episodesFile, text: episodesText, requiredColumns: Self.episodeColumns)
        } catch {
            throw ImportFailure(errors: [error])
        }
        self.headerFile = headerFile
        headerColumns = header.header
        children = Self.children(in: header, today: today, problems: &problems)
        var lines: [String: Int] = [:]
        for row in header.rows {
            let reference = row[header.header.firstIndex(of: "CHILD")!].text.trimmingCharacters(in: .whitespaces)
            if lines[reference] == nil { lines[reference] = row[0].line }
        }
        headerLineOfChild = lines
        // A child whose header row has a mistake is still in the header: the mistake is
        // reported once, not again on each of the child's episodes.
        let known = Set(lines.keys)
        episodes = Self.episodes(in: episodeTable, knownChildren: known, today: today, problems: &problems)
        guard problems.isEmpty else { throw problems.failure() }
    }

    private static func children(in table: CSVTable, today: CalendarDate, problems: inout ImportProblems)
        -> [LookedAfterChild]
    {
        var reader = RowReader(table: table, today: today)
        var firstLine: [String: Int] = [:]
        var children: [LookedAfterChild] = []
        for row in table.rows {
            reader.row = row
            let reference = reader.required("CHILD", &problems)
            if let reference, let line = firstLine[reference] {
                reader.complain("CHILD", "the child '\(reference)' is already on line \(line)", &problems)
            }
            let sex: Sex? = reader.code("SEX", &problems) { code in
                switch code {
                case "1": .male
                case "2": .female
                default: nil
                }
            } list: {
                "1 (male) or 2 (female)"
            }
            let birth = reader.date("DOB", required: true, &problems)
            let ethnicity = reader.code("ETHNIC", Ethnicity.self, &problems)
            let pupilNumber = reader.optional("UPN")
            if let pupilNumber, !isPupilNumber(pupilNumber) {
                reader.complain(
                    "UPN",
                    "'\(pupilNumber)' is not a unique pupil number (a letter and 12 more characters) or UN1-UN10",
                    &problems)
            }
            if let mother = reader.optional("MOTHER"), mother != "0", mother != "1" {
                reader.complain("MOTHER", "'\(mother)' should be 1, 0 or blank", &problems)
            }
            _ = reader.date("MC_DOB", required: false, &problems)
            guard let reference, let sex, let birth, let ethnicity else { continue }
            firstLine[reference] = firstLine[reference] ?? row[0].line
            children.append(
                LookedAfterChild(
                    childReference: reference, sex: sex, dateOfBirth: birth, ethnicity: ethnicity,
                    uniquePupilNumber: pupilNumber))
        }
        return children
    }

    private static func episodes(
        in table: CSVTable, knownChildren: Set<String>, today: CalendarDate, problems: inout ImportProblems
    ) -> [LookedAfterEpisode] {
        var reader = RowReader(table: table, today: today)
        var episodes: [(episode: LookedAfterEpisode, line: Int)] = []
        for row in table.rows {
            reader.row = row
            let reference = reader.required("CHILD", &problems)
            if let reference, !knownChildren.contains(reference) {
                reader.complain("CHILD", "the child '\(reference)' is not in the header file", &problems)
            }
            let start = reader.date("DECOM", required: true, &problems)
            let reason = reader.code("RNE", ReasonForNewEpisode.self, &problems)
            let legalStatus = reader.code("LS", LegalStatus.self, &problems)
            let need = reader.code("CIN", CategoryOfNeed.self, &problems)
            let placement = reader.code("PLACE", PlacementType.self, &problems)
            let provider = reader.optionalCode("PLACE_PROVIDER", PlacementProvider.self, &problems)
            let end = reader.date("DEC", required: false, &problems)
            let ceased = reader.optionalCode("REC", ReasonEpisodeCeased.self, &problems)
            let change = reader.optionalCode("REASON_PLACE_CHANGE", PlacementChangeReason.self, &problems)
            let home = reader.postcodeSector("HOME_POST", &problems)
            let placed = reader.postcodeSector("PL_POST", &problems)
            let urn = reader.optional("URN")
            if let start, let end, end < start {
                reader.complain("DEC", "the episode ends (\(end.iso)) before it starts (\(start.iso))", &problems)
            }
            if end != nil, ceased == nil, reader.optional("REC") == nil {
                reader.complain("REC", "an episode with an end date needs the reason it ceased", &problems)
            }
            if end == nil, let ceasedCode = reader.optional("REC") {
                reader.complain("REC", "'\(ceasedCode)' is given but the episode has no end date (DEC)", &problems)
            }
            guard let reference, let start, let reason, let legalStatus, let need, let placement else { continue }
            episodes.append(
                (
                    LookedAfterEpisode(
                        childReference: reference, startedOn: start, reasonForNewEpisode: reason,
                        legalStatus: legalStatus, categoryOfNeed: need, placement: placement, provider: provider,
                        endedOn: end, reasonCeased: ceased, reasonPlacementChanged: change, homePostcode: home,
                        placementPostcode: placed, homeReference: urn), row[0].line
                ))
        }
        checkSequence(of: episodes, file: table.file, column: table.header.firstIndex(of: "DECOM")! + 1, &problems)
        return episodes.map(\.episode)
    }

    /// A child's episodes follow one another: each starts no earlier than the one before it
    /// ended, and only the last may be open.
    private static func checkSequence(
        of episodes: [(episode: LookedAfterEpisode, line: Int)], file: String, column: Int,
        _ problems: inout ImportProblems
    ) {
        let byChild = Dictionary(grouping: episodes, by: \.episode.childReference)
        var found: [ImportError] = []
        for (_, rows) in byChild {
            let ordered = rows.sorted { ($0.episode.startedOn, $0.line) < ($1.episode.startedOn, $1.line) }
            for (previous, next) in zip(ordered, ordered.dropFirst()) {
                guard let ended = previous.episode.endedOn else {
                    found.append(
                        ImportError(
                            file: file, line: next.line, column: column,
                            problem:
                                "the episode on line \(previous.line) has no end date, so no later episode can start"))
                    continue
                }
                if next.episode.startedOn < ended {
                    found.append(
                        ImportError(
                            file: file, line: next.line, column: column,
                            problem:
                                "starts \(next.episode.startedOn.iso), before the episode on line \(previous.line) ends (\(ended.iso))"
                        ))
                }
            }
        }
        for error in found.sorted(by: { $0.line < $1.line }) { problems.add(error) }
    }

    private static func isPupilNumber(_ text: String) -> Bool {
        if text.hasPrefix("UN"), let number = Int(text.dropFirst(2)), (1...10).contains(number) { return true }
        let characters = Array(text)
        guard characters.count == 13, characters[0].isASCII, characters[0].isLetter else { return false }
        return characters[1..<12].allSatisfy { $0.isASCII && $0.isNumber }
            && (characters[12].isASCII && (characters[12].isNumber || characters[12].isLetter))
    }
}
