import Foundation
import SecurePlaceCore

extension CohortExtract {
    /// Reads the files of an extract (their bytes, and their names for messages), each in as
    /// many pieces at once as the machine has cores. The follow-up checks' file is optional: an
    /// extract made elsewhere may have none.
    public init(
        referrals: (name: String, bytes: Data), answers: (name: String, bytes: Data),
        episodes: (name: String, bytes: Data), checks: (name: String, bytes: Data)? = nil,
        pieces: Int = ProcessInfo.processInfo.activeProcessorCount
    ) throws(ImportError) {
        var (members, indexOfReferral, childNumber, childOfMember) = try Self.readReferrals(referrals, pieces: pieces)
        let approaches = try Self.readAnswers(
            answers, referralKeys: members.map(\.referral), indexOfReferral: indexOfReferral,
            referralsFile: referrals.name, pieces: pieces)
        // Each referral's answers in one allocation.
        var counts = Array(repeating: 0, count: members.count)
        for part in approaches { for (index, _) in part { counts[index] += 1 } }
        for index in members.indices where counts[index] > 0 {
            members[index].record.approaches.reserveCapacity(counts[index])
        }
        for part in approaches { for (index, approach) in part { members[index].record.approaches.append(approach) } }
        for index in members.indices { members[index].record.homesApproached = members[index].record.approaches.count }
        if let checks {
            for (index, check) in try Self.readChecks(
                checks, indexOfReferral: indexOfReferral, referralsFile: referrals.name)
            {
                members[index].record.followUpChecks.append(check)
            }
        }
        var children = Array(repeating: "", count: childNumber.count)
        for (child, number) in childNumber { children[number] = child }
        self.init(
            members: members, childOfMember: childOfMember, children: children,
            spellsOfChild: try Self.readEpisodes(
                episodes, children: children, childNumber: childNumber, pieces: pieces))
    }

    /// The rows of a file in pieces, each read by `work` at the same time, after the header is
    /// checked for `expected` columns (`work` gets their positions).
    /// Optional columns follow the expected ones in `work`'s positions, as -1 where absent.
    private static func readInPieces<Output: Sendable>(
        _ file: (name: String, bytes: Data), expected: [String], optional: [String] = [], pieces count: Int,
        _ work: @escaping @Sendable (CSVRows, [Int], Range<Int>, Int, Int) throws(ImportError) -> Output
    ) throws(ImportError) -> [Output] {
        let rows = CSVRows(file: file.name, bytes: file.bytes)
        let (names, start, _) = try rows.header()
        let at =
            try positions(of: expected, in: names, file: file.name) + optional.map { names.firstIndex(of: $0) ?? -1 }
        let columns = names.count
        return try inParallel(rows.pieces(from: start, count: count)) { (piece) throws(ImportError) -> Output in
            // Lines are counted from each piece's start; a message counts those before it.
            do throws(ImportError) {
                return try work(rows, at, piece, 1, columns)
            } catch {
                var located = error
                located.line += rows.line(at: piece.lowerBound) - 1
                throw located
            }
        }
    }

    /// Where each expected column is in a file's header; a missing one is refused.
    private static func positions(of expected: [String], in names: [String], file: String) throws(ImportError)
        -> [Int]
    {
        var positions: [Int] = []
        for name in expected {
            guard let position = names.firstIndex(of: name) else {
                throw ImportError(
                    file: file, line: 1, column: names.count + 1, problem: "the header has no '\(name)' column")
            }
            positions.append(position)
        }
        return positions
    }

    private static func code<Code>(_ row: CSVRows.Row, _ column: Int, _ codes: ByteCodes<Code>, _ what: String)
        throws(ImportError) -> Code
    {
        guard let value = row.withField(column, codes.code) else {
            throw row.error(column, "'\(row.text(column))' is not a known \(what)")
        }
        return value
    }

    private static func required<Value>(_ row: CSVRows.Row, _ column: Int, _ name: String, _ value: Value?)
        throws(ImportError) -> Value
    {
        guard let value else { throw row.error(column, "\(name) is required") }
        return value
    }

    /// The codes of a list written `a;b;c`.
    private static func list<Code>(_ row: CSVRows.Row, _ column: Int, _ codes: inout ByteCodes<Code>, _ what: String)
        throws(ImportError) -> Set<Code>
    {
        switch row.withField(column, { codes.set($0) }) {
        case .success(let set): return set
        case .failure(let unknown): throw row.error(column, "'\(unknown.text)' is not a known \(what)")
        }
    }

    /// The members, each referral's index by its key, each child's number by pseudonym, and
    /// each member's child's number.
    private static func readReferrals(_ file: (name: String, bytes: Data), pieces: Int) throws(ImportError)
        -> ([Member], [String: Int], [String: Int], [Int])
    {
        let parts = try readInPieces(
            file, expected: referralColumns, optional: optionalReferralColumns, pieces: pieces
        ) {
            (rows, at, range, line, columns) throws(ImportError) -> [Member] in
            var members: [Member] = []
            let routes = ByteCodes<LegalBasis>()
            let urgencies = ByteCodes<Urgency>()
            let sexes = ByteCodes<Sex>()
            let outcomes = ByteCodes<CohortReferral.Outcome>()
            let alternatives = ByteCodes<AlternativeAccommodation>()
            var needs = ByteCodes<NeedFlag>()
            let ethnicities = ByteCodes<Ethnicity>()
            try rows.read(from: range.lowerBound, to: range.upperBound, firstLine: line, columns: columns) {
                (row) throws(ImportError) in
                // In the order of `referralColumns`.
                let (referral, child, submittedAt, submittedOn, region, authority, route, urgency) = (
                    at[0], at[1], at[2], at[3], at[4], at[5], at[6], at[7]
                )
                let (sex, age, flags, outcome, firstOffer, placedAt, closedAt, alternative, hours, kilometres) = (
                    at[8], at[9], at[10], at[11], at[12], at[13], at[14], at[15], at[16], at[17]
                )
                let record = CohortReferral(
                    submittedAt: try required(row, submittedAt, "submitted_at", try row.instant(submittedAt)),
                    regionCode: row.text(region), localAuthorityCode: row.text(authority),
                    legalBasis: try code(row, route, routes, "legal basis"),
                    urgency: try code(row, urgency, urgencies, "urgency"), sex: try code(row, sex, sexes, "sex"),
                    ageAtReferral: try row.integer(age), flags: try list(row, flags, &needs, "flag"),
                    outcome: try code(row, outcome, outcomes, "outcome"),
                    firstOfferAt: try row.instant(firstOffer), placedAt: try row.instant(placedAt),
                    closedAt: try row.instant(closedAt), kilometresFromHome: try row.number(kilometres),
                    alternative: row.isEmpty(alternative)
                        ? nil : try code(row, alternative, alternatives, "alternative"),
                    hoursWithoutOrder: try row.number(hours),
                    ethnicity: at[18] < 0 || row.isEmpty(at[18]) ? nil : try code(row, at[18], ethnicities, "ethnicity")
                )
                members.append(
                    Member(
                        referral: row.text(referral), child: row.text(child),
                        submittedOn: try required(row, submittedOn, "submitted_on", try row.day(submittedOn)),
                        record: record))
            }
            return members
        }
        var members: [Member] = []
        members.reserveCapacity(parts.reduce(0) { $0 + $1.count })
        for part in parts { members += part }
        // The referrals' keys and the children's numbers, each table made on its own core.
        let finished = members
        let tables = try inParallel([0, 1]) { (table) throws(ImportError) -> ([String: Int], [Int]) in
            var keys: [String: Int] = [:]
            keys.reserveCapacity(finished.count)
            var childOfMember: [Int] = []
            for index in finished.indices {
                if table == 0 {
                    guard keys.updateValue(index, forKey: finished[index].referral) == nil else {
                        throw ImportError(
                            file: file.name, line: 1, column: 1,
                            problem:
                                "the referral '\(finished[index].referral)' appears twice (the second is row \(index + 1))"
                        )
                    }
                } else {
                    let number = keys[finished[index].child] ?? keys.count
                    if number == keys.count { keys[finished[index].child] = number }
                    childOfMember.append(number)
                }
            }
            return (keys, childOfMember)
        }
        return (members, tables[0].0, tables[1].0, tables[1].1)
    }

    private static func readAnswers(
        _ file: (name: String, bytes: Data), referralKeys: [String], indexOfReferral: [String: Int],
        referralsFile: String, pieces: Int
    ) throws(ImportError) -> [[(Int, HomeApproach)]] {
        let parts = try readInPieces(file, expected: answerColumns, pieces: pieces) {
            (rows, at, range, line, columns) throws(ImportError) -> [(Int, HomeApproach)] in
            var approaches: [(Int, HomeApproach)] = []
            var reasonCodes = ByteCodes<DeclineReason>()
            var lastKey = ""
            var lastIndex = -1
            try rows.read(from: range.lowerBound, to: range.upperBound, firstLine: line, columns: columns) {
                (row) throws(ImportError) in
                let (referral, home, answerColumn, reasons, respondBy) = (at[0], at[1], at[2], at[3], at[4])
                // An extract lists a referral's answers together, and in the order of the
                // referrals file: the next referral is tried before the index is searched.
                let key = row.text(referral)
                if key != lastKey {
                    if lastIndex + 1 < referralKeys.count, referralKeys[lastIndex + 1] == key {
                        lastIndex += 1
                    } else {
                        guard let index = indexOfReferral[key] else {
                            throw row.error(referral, "no referral '\(key)' in \(referralsFile)")
                        }
                        lastIndex = index
                    }
                    lastKey = key
                }
                let index = lastIndex
                let answer: HomeApproach.Answer
                switch row.withField(answerColumn, AnswerWord.init(bytes:)) {
                case .offered: answer = .offered
                case .declined: answer = .declined(try list(row, reasons, &reasonCodes, "decline reason"))
                case .notAnswered:
                    answer = .notAnswered(
                        respondBy: try required(row, respondBy, "respond_by", try row.instant(respondBy)))
                case nil:
                    throw row.error(
                        answerColumn, "'\(row.text(answerColumn))' is not offered, declined or not-answered")
                }
                approaches.append((index, HomeApproach(homeID: row.withField(home, homeID(bytes:)), answer: answer)))
            }
            return approaches
        }
        return parts
    }

    /// An answer as the answers file writes it, read from its bytes.
    private enum AnswerWord {
        case offered, declined, notAnswered

        static let words: [(AnswerWord, [UInt8])] = [
            (.offered, Array("offered".utf8)), (.declined, Array("declined".utf8)),
            (.notAnswered, Array("not-answered".utf8)),
        ]

        init?(bytes: UnsafeBufferPointer<UInt8>) {
            guard let found = Self.words.first(where: { $0.1.elementsEqual(bytes) }) else { return nil }
            self = found.0
        }
    }

    /// The follow-up checks, each with its referral's index. The file is small (at most four
    /// checks a referral), so it is read in one piece.
    private static func readChecks(
        _ file: (name: String, bytes: Data), indexOfReferral: [String: Int], referralsFile: String
    ) throws(ImportError) -> [(Int, FollowUpCheck)] {
        try readInPieces(file, expected: checkColumns, pieces: 1) {
            (rows, at, range, line, columns) throws(ImportError) -> [(Int, FollowUpCheck)] in
            var checks: [(Int, FollowUpCheck)] = []
            let placements = ByteCodes<PlacementType>()
            try rows.read(from: range.lowerBound, to: range.upperBound, firstLine: line, columns: columns) {
                (row) throws(ImportError) in
                let (referral, dueOn, placement, moves, custody) = (at[0], at[1], at[2], at[3], at[4])
                guard let index = indexOfReferral[row.text(referral)] else {
                    throw row.error(referral, "no referral '\(row.text(referral))' in \(referralsFile)")
                }
                let count = try row.integer(moves)
                guard count >= 0 else { throw row.error(moves, "a number of moves is not negative") }
                guard ["yes", "no"].contains(row.text(custody)) else {
                    throw row.error(custody, "'\(row.text(custody))' is not yes or no")
                }
                checks.append(
                    (
                        index,
                        FollowUpCheck(
                            dueOn: try required(row, dueOn, "due_on", try row.day(dueOn)),
                            placement: try code(row, placement, placements, "placement type"),
                            movesSinceLastCheck: count, inCustody: row.text(custody) == "yes")
                    ))
            }
            return checks
        }.flatMap { $0 }
    }

    /// Each numbered child's placements in order of start. An episode of a child with no
    /// referral in the extract is not kept: nothing is counted from it.
    private static func readEpisodes(
        _ file: (name: String, bytes: Data), children: [String], childNumber: [String: Int], pieces: Int
    ) throws(ImportError) -> [[FollowedReferral.Spell]] {
        let parts = try readInPieces(file, expected: episodeColumns, pieces: pieces) {
            (rows, at, range, line, columns) throws(ImportError) -> [(Int, FollowedReferral.Spell)] in
            var spells: [(Int, FollowedReferral.Spell)] = []
            let placements = ByteCodes<PlacementType>()
            var current = ""
            var number: Int?
            try rows.read(from: range.lowerBound, to: range.upperBound, firstLine: line, columns: columns) {
                (row) throws(ImportError) in
                let (child, startedOn, placement, endedOn, custody, begins) = (
                    at[0], at[1], at[2], at[3], at[4], at[5]
                )
                let spell = FollowedReferral.Spell(
                    startedOn: try required(row, startedOn, "started_on", try row.day(startedOn)),
                    type: try code(row, placement, placements, "placement type"),
                    endedOn: try row.day(endedOn), endedInCustodySentence: row.text(custody) == "yes",
                    beginsPlacement: row.text(begins) != "no")
                // An extract lists a child's episodes together, and the service's in the order
                // the children were numbered: the next child is tried before the index is searched.
                let key = row.text(child)
                if key != current {
                    if let last = number, last + 1 < children.count, children[last + 1] == key {
                        number = last + 1
                    } else {
                        number = childNumber[key]
                    }
                    current = key
                }
                if let number { spells.append((number, spell)) }
            }
            return spells
        }
        // Each child's spells in one allocation.
        var counts = Array(repeating: 0, count: childNumber.count)
        for part in parts { for (number, _) in part { counts[number] += 1 } }
        var spellsOfChild = counts.map { count in
            var spells: [FollowedReferral.Spell] = []
            spells.reserveCapacity(count)
            return spells
        }
        for part in parts {
            for (number, spell) in part { spellsOfChild[number].append(spell) }
        }
        for number in spellsOfChild.indices where spellsOfChild[number].count > 1 {
            spellsOfChild[number].sort { $0.startedOn < $1.startedOn }
        }
        return spellsOfChild
    }

    /// An identifier for a home known in the extract only by its reference: the reference's
    /// own bytes where it has at most 16 (as every registered home's has), so that no two homes
    /// share one; a longer reference's last bytes are folded in.
    static func homeID(bytes reference: UnsafeBufferPointer<UInt8>) -> UUID {
        var value: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &value) { bytes in
            for index in reference.indices {
                let byte = reference[index]
                bytes[index % 16] = index < 16 ? byte : bytes[index % 16] &* 31 &+ byte
            }
        }
        return UUID(uuid: value)
    }
}
