import Foundation
import SecurePlaceCore

/// The analysts' record-level extract: one row per referral (the child's pseudonym, never a
/// name), one per home asked, one per placement episode. The statistics can be made from it
/// without the service's database, by this engine or by any other tool.
public struct CohortExtract: Sendable {
    public struct Member: Sendable {
        /// The referral's key within the extract and the child's pseudonym.
        public var referral: String
        public var child: String
        /// The day of submission in Europe/London, as the tables count it.
        public var submittedOn: CalendarDate
        public var record: CohortReferral

        public init(referral: String, child: String, submittedOn: CalendarDate, record: CohortReferral) {
            self.referral = referral
            self.child = child
            self.submittedOn = submittedOn
            self.record = record
        }
    }

    public let members: [Member]
    /// Each member's child as a number; `spellsOfChild` and `children` are in that numbering.
    let childOfMember: [Int]
    /// Each child's pseudonym, and their placements, secure or not, in order of start.
    let children: [String]
    let spellsOfChild: [[FollowedReferral.Spell]]

    /// Each child's placements by pseudonym.
    public var spellsByChild: [String: [FollowedReferral.Spell]] {
        Dictionary(zip(children, spellsOfChild), uniquingKeysWith: { first, _ in first })
    }

    public static let referralColumns = [
        "referral", "child", "submitted_at", "submitted_on", "region_code", "la_code", "legal_basis", "urgency",
        "sex", "age", "flags", "outcome", "first_offer_at", "placed_at", "closed_at", "alternative",
        "hours_without_order", "km_from_home",
    ]
    /// Columns an extract made elsewhere may leave out: the ethnicity a return records.
    public static let optionalReferralColumns = ["ethnicity"]
    public static let answerColumns = ["referral", "home", "answer", "reasons", "respond_by"]
    public static let checkColumns = ["referral", "due_on", "placement", "moves_since_last_check", "in_custody"]
    public static let episodeColumns = [
        "child", "started_on", "placement", "ended_on", "custody_sentence", "begins_placement",
    ]

    public init(members: [Member], spellsByChild: [String: [FollowedReferral.Spell]]) {
        var number: [String: Int] = [:]
        var children: [String] = []
        let childOfMember = members.map { member in
            if let known = number[member.child] { return known }
            number[member.child] = children.count
            children.append(member.child)
            return children.count - 1
        }
        for child in spellsByChild.keys.sorted() where number[child] == nil {
            number[child] = children.count
            children.append(child)
        }
        self.init(
            members: members, childOfMember: childOfMember, children: children,
            spellsOfChild: children.map { spellsByChild[$0] ?? [] })
    }

    init(
        members: [Member], childOfMember: [Int], children: [String], spellsOfChild: [[FollowedReferral.Spell]]
    ) {
        self.members = members
        self.childOfMember = childOfMember
        self.children = children
        self.spellsOfChild = spellsOfChild
    }

    /// Each decided referral among those `includes` takes, with what followed it: the child's
    /// spells and next referral (among every referral of the extract).
    public func followed(where includes: (Member) -> Bool = { _ in true }) -> [FollowedReferral] {
        // Each referral's other referrals of the same child, by a chain through the members
        // rather than a list per child: most children are referred once.
        var lastOfChild = Array(repeating: -1, count: children.count)
        var previousOfChild = Array(repeating: -1, count: members.count)
        for index in members.indices {
            previousOfChild[index] = lastOfChild[childOfMember[index]]
            lastOfChild[childOfMember[index]] = index
        }
        var followed: [FollowedReferral] = []
        followed.reserveCapacity(members.count)
        for index in members.indices where includes(members[index]) {
            guard let decided = members[index].record.decidedAt else { continue }
            var next: Date?
            var other = lastOfChild[childOfMember[index]]
            while other >= 0 {
                let submitted = members[other].record.submittedAt
                if submitted > decided, next.map({ submitted < $0 }) ?? true { next = submitted }
                other = previousOfChild[other]
            }
            if let member = members[index].record.followed(
                referredOn: members[index].submittedOn, spells: spellsOfChild[childOfMember[index]],
                nextReferralOn: next.map(CalendarDate.init(containing:)))
            {
                followed.append(member)
            }
        }
        return followed
    }
}

extension CohortReferral {
    /// What followed a decided referral, given the child's spells and next referral; nil for a
    /// referral withdrawn or still open.
    public func followed(
        referredOn: CalendarDate, spells: [FollowedReferral.Spell], nextReferralOn: CalendarDate?
    ) -> FollowedReferral? {
        guard let decidedAt else { return nil }
        return FollowedReferral(
            wasPlaced: outcome == .placed, referredOn: referredOn, decidedOn: CalendarDate(containing: decidedAt),
            securePlacementStartedOn: placedAt.map(CalendarDate.init(containing:)), spells: spells,
            nextReferralOn: nextReferralOn, isOlderBoyWithRefusalFlag: isOlderBoyWithRefusalFlag,
            checks: followUpChecks)
    }
}
