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
    /// The authority's follow-up checks after the decision (none where the child is followed
    /// through an imported return).
    public var checks: [FollowUpCheck]

    public init(
        wasPlaced: Bool, referredOn: CalendarDate, decidedOn: CalendarDate,
        securePlacementStartedOn: CalendarDate? = nil, spells: [Spell], nextReferralOn: CalendarDate? = nil,
        isOlderBoyWithRefusalFlag: Bool = false, checks: [FollowUpCheck] = []
    ) {
        self.wasPlaced = wasPlaced
        self.referredOn = referredOn
        self.decidedOn = decidedOn
        self.securePlacementStartedOn = securePlacementStartedOn
        self.spells = spells
        self.nextReferralOn = nextReferralOn
        self.isOlderBoyWithRefusalFlag = isOlderBoyWithRefusalFlag
        self.checks = checks
    }

    /// What the 12 months after the referral held, from its day up to, not including, its
    /// anniversary, in one pass over the spells.
    struct FirstYear {
        /// Placements begun, the referral's own secure placement not counted: the moves the
        /// study counted ("three more times within a year").
        var newPlacements = 0
        /// A young offender institution begun, or a spell ended by a custodial sentence.
        var hadCustody = false
        /// A secure children's home other than the one this referral placed the child in.
        var hadOtherSecurePlacement = false
    }

    var firstYear: FirstYear {
        let anniversary = referredOn.anniversary
        func inYear(_ day: CalendarDate) -> Bool { day >= referredOn && day < anniversary }
        var year = FirstYear()
        for spell in spells {
            if spell.beginsPlacement && inYear(spell.startedOn) {
                let isThisPlacement = spell.type == .secureChildrensHome && spell.startedOn == securePlacementStartedOn
                if !isThisPlacement { year.newPlacements += 1 }
                if spell.type.isCustody { year.hadCustody = true }
                if spell.type == .secureChildrensHome && spell.startedOn != securePlacementStartedOn {
                    year.hadOtherSecurePlacement = true
                }
            }
            if spell.endedInCustodySentence, let ended = spell.endedOn, inYear(ended) { year.hadCustody = true }
        }
        // The checks of the year after the decision (7, 28 and 90 days and 12 months) tell
        // what the service's own records cannot see: moves between other placements, custody,
        // and a secure home found later. Where both count moves, the larger count is taken, as
        // each may have missed some and they may overlap.
        let lastCheck = decidedOn.adding(days: FollowUp.Interval.twelveMonths.days)
        var reportedMoves = 0
        for check in checks where check.dueOn > decidedOn && check.dueOn <= lastCheck {
            reportedMoves += check.movesSinceLastCheck
            if check.inCustody || check.placement.isCustody { year.hadCustody = true }
            if !wasPlaced && check.placement == .secureChildrensHome { year.hadOtherSecurePlacement = true }
        }
        year.newPlacements = max(year.newPlacements, reportedMoves)
        return year
    }
}
