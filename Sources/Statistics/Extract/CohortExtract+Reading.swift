import Foundation
import SecurePlaceCore

extension CohortExtract {
    /// Reads the three files of an extract (their bytes, and their names for messages).
    public init(
        referrals: (name: String, bytes: [UInt8]), answers: (name: String, bytes: [UInt8]),
        episodes: (name: String, bytes: [UInt8])
    ) throws(ExtractError) {
        var members: [Member] = []
        var indexOfReferral: [String: Int] = [:]
        var columns: [String: Int] = [:]
        func header(_ names: [String], _ expected: [String], _ file: String) throws(ExtractError) {
            columns = [:]
            for (index, name) in names.enumerated() { columns[name] = index }
            for name in expected where columns[name] == nil {
                throw ExtractError(
                    file: file, line: 1, column: names.count + 1, problem: "the header has no '\(name)' column")
            }
        }
        func code<Code: RawRepresentable>(_ row: CSVRows.Row, _ name: String, _ type: Code.Type) throws(ExtractError)
            -> Code
        where Code.RawValue == String {
            let index = columns[name]!
            guard let value = Code(rawValue: row.text(index)) else {
                throw row.error(
                    index, "'\(row.text(index))' is not a known \(name.replacingOccurrences(of: "_", with: " "))")
            }
            return value
        }
        func required<Value>(_ row: CSVRows.Row, _ name: String, _ value: Value?) throws(ExtractError) -> Value {
            guard let value else { throw row.error(columns[name]!, "\(name) is required") }
            return value
        }

        try CSVRows(file: referrals.name, bytes: referrals.bytes).read { (names) throws(ExtractError) in
            try header(names, Self.referralColumns, referrals.name)
        } row: { (row) throws(ExtractError) in
            let c = columns
            var flags = Set<NeedFlag>()
            let flagText = row.text(c["flags"]!)
            for part in flagText.split(separator: ";") {
                guard let flag = NeedFlag(rawValue: String(part)) else {
                    throw row.error(c["flags"]!, "'\(part)' is not a known flag")
                }
                flags.insert(flag)
            }
            let alternative: AlternativeAccommodation? =
                row.isEmpty(c["alternative"]!) ? nil : try code(row, "alternative", AlternativeAccommodation.self)
            let record = CohortReferral(
                submittedAt: try required(row, "submitted_at", try row.instant(c["submitted_at"]!)),
                regionCode: row.text(c["region_code"]!), localAuthorityCode: row.text(c["la_code"]!),
                legalBasis: try code(row, "legal_basis", LegalBasis.self),
                urgency: try code(row, "urgency", Urgency.self), sex: try code(row, "sex", Sex.self),
                ageAtReferral: try row.integer(c["age"]!), flags: flags,
                outcome: try code(row, "outcome", CohortReferral.Outcome.self),
                firstOfferAt: try row.instant(c["first_offer_at"]!), placedAt: try row.instant(c["placed_at"]!),
                closedAt: try row.instant(c["closed_at"]!), kilometresFromHome: try row.number(c["km_from_home"]!),
                alternative: alternative, hoursWithoutOrder: try row.number(c["hours_without_order"]!))
            let key = row.text(c["referral"]!)
            guard indexOfReferral[key] == nil else {
                throw row.error(c["referral"]!, "the referral '\(key)' appears twice")
            }
            indexOfReferral[key] = members.count
            members.append(
                Member(
                    referral: key, child: row.text(c["child"]!),
                    submittedOn: try required(row, "submitted_on", try row.day(c["submitted_on"]!)), record: record))
        }

        var homes: [String: UUID] = [:]
        try CSVRows(file: answers.name, bytes: answers.bytes).read { (names) throws(ExtractError) in
            try header(names, Self.answerColumns, answers.name)
        } row: { (row) throws(ExtractError) in
            let c = columns
            let key = row.text(c["referral"]!)
            guard let index = indexOfReferral[key] else {
                throw row.error(c["referral"]!, "no referral '\(key)' in \(referrals.name)")
            }
            let homeKey = row.text(c["home"]!)
            let home = homes[homeKey] ?? Self.homeID(number: homes.count)
            homes[homeKey] = home
            let answer: HomeApproach.Answer
            switch row.text(c["answer"]!) {
            case "offered": answer = .offered
            case "declined":
                var reasons = Set<DeclineReason>()
                for part in row.text(c["reasons"]!).split(separator: ";") {
                    guard let reason = DeclineReason(rawValue: String(part)) else {
                        throw row.error(c["reasons"]!, "'\(part)' is not a known decline reason")
                    }
                    reasons.insert(reason)
                }
                answer = .declined(reasons)
            case "not-answered":
                answer = .notAnswered(respondBy: try required(row, "respond_by", try row.instant(c["respond_by"]!)))
            case let other:
                throw row.error(c["answer"]!, "'\(other)' is not offered, declined or not-answered")
            }
            members[index].record.approaches.append(HomeApproach(homeID: home, answer: answer))
        }
        for index in members.indices { members[index].record.homesApproached = members[index].record.approaches.count }

        var spells: [String: [FollowedReferral.Spell]] = [:]
        try CSVRows(file: episodes.name, bytes: episodes.bytes).read { (names) throws(ExtractError) in
            try header(names, Self.episodeColumns, episodes.name)
        } row: { (row) throws(ExtractError) in
            let c = columns
            let spell = FollowedReferral.Spell(
                startedOn: try required(row, "started_on", try row.day(c["started_on"]!)),
                type: try code(row, "placement", PlacementType.self), endedOn: try row.day(c["ended_on"]!),
                endedInCustodySentence: row.text(c["custody_sentence"]!) == "yes",
                beginsPlacement: row.text(c["begins_placement"]!) != "no")
            spells[row.text(c["child"]!), default: []].append(spell)
        }
        for key in spells.keys { spells[key]!.sort { $0.startedOn < $1.startedOn } }
        self.init(members: members, spellsByChild: spells)
    }

    /// An identifier for the `number`th home the extract names: within one extract, a home is
    /// known by its reference alone.
    static func homeID(number: Int) -> UUID {
        var value = UInt64(number)
        var bytes: [UInt8] = []
        for _ in 0..<8 {
            bytes.append(UInt8(value & 0xFF))
            value >>= 8
        }
        return UUID(
            uuid: (
                0x48, 0x4F, 0x4D, 0x45, 0, 0, 0x40, 0, 0x80, 0, bytes[0], bytes[1], bytes[2], bytes[3], bytes[4],
                bytes[5]
            ))
    }
}
