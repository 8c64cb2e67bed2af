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

    public var members: [Member]
    /// Each child's placements, secure or not, in order of start.
    public var spellsByChild: [String: [FollowedReferral.Spell]]

    public static let referralColumns = [
        "referral", "child", "submitted_at", "submitted_on", "region_code", "la_code", "legal_basis", "urgency",
        "sex", "age", "flags", "outcome", "first_offer_at", "placed_at", "closed_at", "alternative",
        "hours_without_order", "km_from_home",
    ]
    public static let answerColumns = ["referral", "home", "answer", "reasons", "respond_by"]
    public static let episodeColumns = [
        "child", "started_on", "placement", "ended_on", "custody_sentence", "begins_placement",
    ]

    public init(members: [Member], spellsByChild: [String: [FollowedReferral.Spell]]) {
        self.members = members
        self.spellsByChild = spellsByChild
    }

    /// Each decided referral with what followed it: the child's spells and next referral.
    public func followed() -> [FollowedReferral] {
        // Each referral's next referral of the same child, by a chain through the members
        // rather than a list per child: most children are referred once.
        var firstOfChild: [String: Int] = [:]
        firstOfChild.reserveCapacity(members.count)
        var sameChild = Array(repeating: -1, count: members.count)
        for index in members.indices {
            if let first = firstOfChild.updateValue(index, forKey: members[index].child) { sameChild[index] = first }
        }
        var followed: [FollowedReferral] = []
        followed.reserveCapacity(members.count)
        for index in members.indices {
            let record = members[index].record
            guard let decided = record.outcome == .placed ? record.placedAt : record.closedAt,
                record.outcome == .placed || record.outcome == .closedUnplaced
            else { continue }
            var next: Date?
            var other = firstOfChild[members[index].child]!
            // The chain runs from the child's last member back to the first; the members of a
            // child referred once form a chain of one.
            while other >= 0 {
                let submitted = members[other].record.submittedAt
                if submitted > decided, next.map({ submitted < $0 }) ?? true { next = submitted }
                other = sameChild[other]
            }
            if let member = record.followed(
                referredOn: members[index].submittedOn, spells: spellsByChild[members[index].child] ?? [],
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
        let decidedAt: Date? =
            switch outcome {
            case .placed: placedAt
            case .closedUnplaced: closedAt
            case .withdrawn, .open: nil
            }
        guard let decidedAt else { return nil }
        return FollowedReferral(
            wasPlaced: outcome == .placed, referredOn: referredOn, decidedOn: CalendarDate(containing: decidedAt),
            securePlacementStartedOn: placedAt.map(CalendarDate.init(containing:)), spells: spells,
            nextReferralOn: nextReferralOn, isOlderBoyWithRefusalFlag: isOlderBoyWithRefusalFlag)
    }
}
