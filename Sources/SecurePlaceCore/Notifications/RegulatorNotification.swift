import Foundation

/// What the regulator is told when a child who needed a secure bed could not be placed
/// (domain.md §4). It carries the pseudonym, never the child's name.
public struct RegulatorNotification: Hashable, Codable, Sendable, Identifiable {
    public struct HomeApproached: Hashable, Codable, Sendable {
        public var homeReference: String
        public var declineReasons: [DeclineReason]
        /// Whether the home answered at all; nil in notices from before this was recorded.
        public var answered: Bool?

        public init(homeReference: String, declineReasons: [DeclineReason], answered: Bool? = true) {
            self.homeReference = homeReference
            self.declineReasons = declineReasons
            self.answered = answered
        }
    }

    public var id: UUID
    public var referralID: UUID
    public var regulator: Regulator
    public var childPseudonym: String
    public var ageBand: AgeBand
    public var sex: Sex
    public var localAuthorityCode: String
    public var legalBasis: LegalBasis
    public var referredAt: Date
    public var closedAt: Date
    public var homesApproached: [HomeApproached]
    public var alternative: AlternativeAccommodation
    public var acknowledgedAt: Date?
    /// The referral's dates, so the regulator sees how long the child waited and under what order.
    public var dateNeeded: CalendarDate?
    public var courtOrder: CourtOrder?
    /// Why the regulator must look at once (an unregistered setting, an under-16 in
    /// unregulated accommodation in England); nil when nothing is urgent.
    public var urgentAttention: String?

    public var needsUrgentAttention: Bool { urgentAttention != nil }

    public init(
        id: UUID, referralID: UUID, regulator: Regulator, childPseudonym: String, ageBand: AgeBand, sex: Sex,
        localAuthorityCode: String, legalBasis: LegalBasis, referredAt: Date, closedAt: Date,
        homesApproached: [HomeApproached], alternative: AlternativeAccommodation, acknowledgedAt: Date? = nil,
        dateNeeded: CalendarDate? = nil, courtOrder: CourtOrder? = nil, urgentAttention: String? = nil
    ) {
        self.id = id
        self.referralID = referralID
        self.regulator = regulator
        self.childPseudonym = childPseudonym
        self.ageBand = ageBand
        self.sex = sex
        self.localAuthorityCode = localAuthorityCode
        self.legalBasis = legalBasis
        self.referredAt = referredAt
        self.closedAt = closedAt
        self.homesApproached = homesApproached
        self.alternative = alternative
        self.acknowledgedAt = acknowledgedAt
        self.dateNeeded = dateNeeded
        self.courtOrder = courtOrder
        self.urgentAttention = urgentAttention
    }

    /// Builds the notification for a referral closed unplaced, from its facts, every decline
    /// it received, and every home it went to that never answered.
    public init(
        id: UUID, unplaced referral: Referral, child: Child, country: Country, responses: [HomeResponse],
        homeReferences: [UUID: String], circulatedTo: [UUID] = [], ageWhenClosed: Int? = nil
    ) {
        var approached = responses.sorted { $0.respondedAt < $1.respondedAt }.map { response in
            let reasons: [DeclineReason] =
                if case .decline(let reasons, _) = response.answer { reasons.sorted() } else { [] }
            return HomeApproached(
                homeReference: homeReferences[response.homeID] ?? "unknown", declineReasons: reasons)
        }
        let answered = Set(responses.map(\.homeID))
        for homeID in circulatedTo where !answered.contains(homeID) {
            approached.append(
                HomeApproached(homeReference: homeReferences[homeID] ?? "unknown", declineReasons: [], answered: false))
        }
        self.init(
            id: id, referralID: referral.id, regulator: Regulator(for: country), childPseudonym: child.pseudonym,
            ageBand: referral.ageBand, sex: child.sex, localAuthorityCode: referral.localAuthorityCode,
            legalBasis: referral.legalBasis, referredAt: referral.submittedAt ?? referral.createdAt,
            closedAt: referral.closedAt ?? referral.createdAt, homesApproached: approached,
            alternative: referral.alternative ?? .otherOrNotKnown, dateNeeded: referral.dateNeeded,
            courtOrder: referral.courtOrder,
            urgentAttention: (referral.alternative ?? .otherOrNotKnown).urgentAttention(
                age: ageWhenClosed ?? referral.ageAtReferral, country: country))
    }
}
