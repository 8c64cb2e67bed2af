import Foundation
import SecurePlaceCore
import Statistics

/// An event a partner's extract records about a person.
public enum LinkedOutcome: String, Hashable, Sendable, CaseIterable {
    case custody
    case hospitalAdmission = "hospital-admission"
    case schoolExclusion = "school-exclusion"

    public var name: String {
        switch self {
        case .custody: "Custody"
        case .hospitalAdmission: "Hospital admission"
        case .schoolExclusion: "School exclusion"
        }
    }
}

public struct OutcomeEvent: Hashable, Sendable {
    /// The person's id in the partner's extract (the `right_id` of the links).
    public var personID: String
    public var outcome: LinkedOutcome
    public var day: CalendarDate

    public init(personID: String, outcome: LinkedOutcome, day: CalendarDate) {
        self.personID = personID
        self.outcome = outcome
        self.day = day
    }
}

/// One partner's extract as the outcome tables use it: who in it was linked to which child
/// of the cohort, and what happened to them.
public struct LinkedExtract: Sendable {
    /// The partner's person id → the child's pseudonym.
    public var pseudonymsByPersonID: [String: String]
    public var events: [OutcomeEvent]

    public init(pseudonymsByPersonID: [String: String], events: [OutcomeEvent]) {
        self.pseudonymsByPersonID = pseudonymsByPersonID
        self.events = events
    }
}

/// How many children, placed and unplaced, had each outcome in the 12 months after their
/// referral: from the referral day up to, not including, its anniversary.
public struct LinkedOutcomeTable: Sendable, Hashable {
    public enum Group: String, Hashable, Sendable, CaseIterable {
        case placed
        case unplaced
        case all
    }

    public var children: [Group: Int]
    public var withOutcome: [LinkedOutcome: [Group: Int]]

    public init(cohort: [LinkageCohortMember], extracts: [LinkedExtract]) {
        let members = Dictionary(uniqueKeysWithValues: cohort.map { ($0.pseudonym, $0) })
        func group(_ member: LinkageCohortMember) -> Group? {
            switch member.outcome {
            case .placed: .placed
            case .unplaced: .unplaced
            case .other: nil
            }
        }
        var children: [Group: Int] = [:]
        for member in cohort {
            guard let group = group(member) else { continue }
            children[group, default: 0] += 1
            children[.all, default: 0] += 1
        }
        var seen = Set<String>()
        var withOutcome: [LinkedOutcome: [Group: Int]] = [:]
        for extract in extracts {
            for event in extract.events {
                guard let pseudonym = extract.pseudonymsByPersonID[event.personID],
                    let member = members[pseudonym], let group = group(member),
                    event.day >= member.referredOn, event.day < member.referredOn.anniversary,
                    seen.insert("\(event.outcome.rawValue)|\(pseudonym)").inserted
                else { continue }
                withOutcome[event.outcome, default: [:]][group, default: 0] += 1
                withOutcome[event.outcome, default: [:]][.all, default: 0] += 1
            }
        }
        self.children = children
        self.withOutcome = withOutcome
    }

    /// The table as published: counts with the disclosure rule applied across the placed +
    /// unplaced = all sums of every row, and percentages of the group, suppressed with the
    /// counts they are built on.
    public func csv(rule: DisclosureRule = .standard) -> String {
        let groups: [Group] = [.placed, .unplaced, .all]
        let rows: [(label: String, counts: [Int])] =
            [("Children in the cohort", groups.map { children[$0] ?? 0 })]
            + LinkedOutcome.allCases.map { outcome in (outcome.name, groups.map { withOutcome[outcome]?[$0] ?? 0 }) }
        let counts = rows.map { $0.counts.map(Optional.some) }
        let sums = rows.indices.map { row in
            Additivity(parts: [Cell(row: row, column: 0), Cell(row: row, column: 1)], total: Cell(row: row, column: 2))
        }
        let hidden = CellSuppression.suppressedCells(in: counts, sums: sums, rule: rule)
        var lines = [
            "outcome_12_months_after_referral,placed_children,placed_percent,unplaced_children,unplaced_percent,all_children,all_percent"
        ]
        for (row, line) in rows.enumerated() {
            var fields = [line.label]
            for (column, count) in line.counts.enumerated() {
                let cell = Cell(row: row, column: column)
                let size = rows[0].counts[column]
                let countText: PublishedValue = hidden.contains(cell) ? .suppressed : .value("\(rule.rounded(count))")
                let percent: PublishedValue =
                    if row == 0 || size == 0 {
                        .notApplicable
                    } else if hidden.contains(cell) || hidden.contains(Cell(row: 0, column: column)) {
                        .suppressed
                    } else {
                        .value(String(format: "%.1f", 100 * Double(count) / Double(size)))
                    }
                fields += [countText.description, percent.description]
            }
            lines.append(fields.map(CSVField.escape).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
