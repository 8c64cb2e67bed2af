import SecurePlaceCore

/// A decided referral with what the records say happened to the child afterwards: the
/// placements they began and their next referral. Built from the service's own episodes or,
/// for a child whose authority's return has been imported, from the return's.
public struct FollowedReferral: Hashable, Sendable {
    /// A placement the child began, secure or not.
    public struct Spell: Hashable, Sendable {
        public var startedOn: CalendarDate
        public var type: PlacementType
        /// The spell ended because the child was sentenced to custody (SSDA903 REC E9).
        public var endedInCustodySentence: Bool
        public var endedOn: CalendarDate?
        /// False for an episode that changed only the child's legal status (SSDA903 RNE L).
        public var beginsPlacement: Bool

        public init(
            startedOn: CalendarDate, type: PlacementType, endedOn: CalendarDate? = nil,
            endedInCustodySentence: Bool = false, beginsPlacement: Bool = true
        ) {
            self.startedOn = startedOn
            self.type = type
            self.endedOn = endedOn
            self.endedInCustodySentence = endedInCustodySentence
            self.beginsPlacement = beginsPlacement
        }
    }

    public var wasPlaced: Bool
    public var referredOn: CalendarDate
    /// Admission for a placed child, closure for one left unplaced.
    public var decidedOn: CalendarDate
    /// The secure placement this referral made, whose start is not a further move.
    public var securePlacementStartedOn: CalendarDate?
    public var spells: [Spell]
    /// The child's next referral to the service, submitted after this one was decided.
    public var nextReferralOn: CalendarDate?
    public var isOlderBoyWithRefusalFlag: Bool

    public init(
        wasPlaced: Bool, referredOn: CalendarDate, decidedOn: CalendarDate,
        securePlacementStartedOn: CalendarDate? = nil, spells: [Spell], nextReferralOn: CalendarDate? = nil,
        isOlderBoyWithRefusalFlag: Bool = false
    ) {
        self.wasPlaced = wasPlaced
        self.referredOn = referredOn
        self.decidedOn = decidedOn
        self.securePlacementStartedOn = securePlacementStartedOn
        self.spells = spells
        self.nextReferralOn = nextReferralOn
        self.isOlderBoyWithRefusalFlag = isOlderBoyWithRefusalFlag
    }

    /// The 12 months after the referral: from its day up to, not including, its anniversary.
    func isInFirstYear(_ day: CalendarDate) -> Bool { day >= referredOn && day < referredOn.anniversary }

    /// Placements begun in the year, the referral's own secure placement not counted: the
    /// moves the study counted ("three more times within a year").
    var newPlacementsInFirstYear: Int {
        spells.count { spell in
            spell.beginsPlacement && isInFirstYear(spell.startedOn)
                && !(spell.type == .secureChildrensHome && spell.startedOn == securePlacementStartedOn)
        }
    }

    /// A custodial episode in the year: a young offender institution begun, or a spell ended by
    /// a custodial sentence.
    var hadCustodyInFirstYear: Bool {
        spells.contains { spell in
            (spell.type.isCustody && spell.beginsPlacement && isInFirstYear(spell.startedOn))
                || (spell.endedInCustodySentence && spell.endedOn.map(isInFirstYear) == true)
        }
    }

    /// A secure children's home in the year other than the one this referral placed the child in.
    var hadOtherSecurePlacementInFirstYear: Bool {
        spells.contains { spell in
            spell.type == .secureChildrensHome && spell.beginsPlacement && isInFirstYear(spell.startedOn)
                && spell.startedOn != securePlacementStartedOn
        }
    }
}
