import SecurePlaceCore

/// What happened in the 12 months after referral to children placed and to children left
/// unplaced: new placements (a rate per child with its Poisson interval), custody and further
/// secure placements (shares with Wilson intervals), and re-referral (Kaplan–Meier from the
/// decision, censored at the date of the figures).
public struct YearAfterReferral: Hashable, Sendable {
    public struct Group: Hashable, Sendable {
        /// Decided referrals whose year had ended by the date of the figures: only they are
        /// counted for moves and custody, so that a recent referral does not look calm for
        /// want of time.
        public var childrenFollowedAYear: Int
        public var newPlacements: Int
        /// New placements per child in the year.
        public var newPlacementsPerChild: IntervalEstimate?
        public var custody: Proportion
        public var otherSecurePlacement: Proportion
        /// Every decided referral, however recent, followed from its decision.
        public var reReferral: KaplanMeier
        /// The share referred again within a year of the decision, with its interval.
        public var reReferredWithinAYear: IntervalEstimate

        init(_ referrals: [FollowedReferral], asOf: CalendarDate, where includes: (FollowedReferral) -> Bool) {
            var followed = 0
            var newPlacements = 0
            var custody = 0
            var otherSecure = 0
            var observations: [KaplanMeier.Observation] = []
            for referral in referrals where includes(referral) {
                if referral.decidedOn <= asOf {
                    if let next = referral.nextReferralOn, next <= asOf {
                        observations.append(
                            KaplanMeier.Observation(
                                time: Double(max(0, referral.decidedOn.days(until: next))), hadEvent: true))
                    } else {
                        observations.append(
                            KaplanMeier.Observation(time: Double(referral.decidedOn.days(until: asOf)), hadEvent: false)
                        )
                    }
                }
                guard referral.referredOn.anniversary <= asOf else { continue }
                let year = referral.firstYear
                followed += 1
                newPlacements += year.newPlacements
                if year.hadCustody { custody += 1 }
                if year.hadOtherSecurePlacement { otherSecure += 1 }
            }
            childrenFollowedAYear = followed
            self.newPlacements = newPlacements
            newPlacementsPerChild = EventCount(newPlacements).rate(per: Double(followed))
            self.custody = Proportion(custody, of: followed)
            otherSecurePlacement = Proportion(otherSecure, of: followed)
            reReferral = KaplanMeier(observations)
            reReferredWithinAYear = reReferral.shareWithEvent(by: 364)
        }
    }

    public var placed: Group
    public var unplaced: Group
    /// The older boys with an offending, gang or harmful-sexual-behaviour flag, placed or not.
    public var olderBoysWithRefusalFlags: Group
    public var asOf: CalendarDate

    public init(_ referrals: [FollowedReferral], asOf: CalendarDate) {
        self.asOf = asOf
        placed = Group(referrals, asOf: asOf, where: \.wasPlaced)
        unplaced = Group(referrals, asOf: asOf) { !$0.wasPlaced }
        olderBoysWithRefusalFlags = Group(referrals, asOf: asOf, where: \.isOlderBoyWithRefusalFlag)
    }
}
