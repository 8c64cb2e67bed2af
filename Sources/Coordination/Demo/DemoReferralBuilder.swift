import Foundation
import SecurePlaceCore

/// Takes one referral from submission to its outcome, through the real state machine, and
/// keeps every record it produces.
struct DemoReferralBuilder {
    let settings: DemoDataGenerator
    let authorities: [LocalAuthority]
    /// Very small authorities (City of London, Isles of Scilly) refer far less often.
    let authorityWeights: [(LocalAuthority, Double)]
    var childFactory = DemoChildFactory()
    var children: [Child] = []
    var identities: [ChildIdentity] = []
    var referrals: [Referral] = []
    var responses: [HomeResponse] = []
    var circulations: [Circulation] = []
    /// Every state-machine event that had happened by the end, for the referrals' timelines.
    var events: [DemoDataset.Event] = []
    var placements: [Placement] = []
    var episodes: [PlacementEpisode] = []
    var notifications: [RegulatorNotification] = []
    var courtOrders: [RecordedCourtOrder] = []

    private static let alternatives: [(AlternativeAccommodation, Double)] = [
        (.registeredOpenChildrensHome, 0.30), (.deprivationOfLibertyUnregistered, 0.15),
        (.deprivationOfLibertyRegistered, 0.10), (.unregisteredSetting, 0.07), (.fosterCare, 0.10),
        (.supportedAccommodation, 0.05), (.hospital, 0.07), (.custody, 0.06), (.homeOrFamily, 0.06),
        (.otherOrNotKnown, 0.04),
    ]

    init(settings: DemoDataGenerator, authorities: [LocalAuthority]) {
        self.settings = settings
        self.authorities = authorities
        authorityWeights = authorities.map { ($0, ["E09000001", "E06000053"].contains($0.code) ? 0.05 : 1.0) }
    }

    mutating func refer(at arrival: Date, in world: inout DemoWorld) {
        let hour = DemoDataGenerator.hour
        let day = DemoDataGenerator.day
        let authority = world.generator.choose(weighted: authorityWeights)
        let referredOn = CalendarDate(containing: arrival)
        let (child, identity, age) = childFactory.makeChild(
            in: authority, referredOn: referredOn, using: &world.generator)
        let higherRisk = DemoDataGenerator.isHigherRiskProfile(child, age: age)

        var referral = Referral(
            id: UUID(using: &world.generator),
            reference: String(format: "R-%04d-%05d", referredOn.year, referrals.count + 1),
            childID: child.id, localAuthorityCode: authority.code, ageAtReferral: age,
            legalBasis: .statutory(for: authority.country), courtOrder: courtOrder(from: referredOn, &world.generator),
            urgency: .planned, dateNeeded: referredOn,
            summary:
                "Synthetic demo referral: no real child. Needs: \(child.flags.sorted().map(\.name).joined(separator: "; ")).",
            createdAt: arrival.addingTimeInterval(-3 * hour))
        if referral.courtOrder.status == .deprivationOfLibertyOrder {
            referral.legalBasis = .inherentJurisdictionDeprivationOfLiberty
        }
        referral.urgency = world.generator.choose(weighted: [(.emergency, 0.35), (.urgent, 0.45), (.planned, 0.20)])
        referral.dateNeeded = referredOn.adding(
            days: referral.urgency == .emergency
                ? 0 : referral.urgency == .urgent ? 2 : Int.random(in: 7...21, using: &world.generator))

        var events: [(Date, ReferralEvent)] = [
            (arrival.addingTimeInterval(-2 * hour), .requestApproval), (arrival, .approve),
            (arrival.addingTimeInterval(hour), .circulate),
        ]
        var referralResponses: [HomeResponse] = []
        var referralCirculations: [Circulation] = []
        let eligible = world.homes.filter { $0.isRegistered(for: child.sex, age: age) }
            .sorted { $0.location.kilometres(to: authority.centroid) < $1.location.kilometres(to: authority.centroid) }
        let attempts = Int.random(in: 4...8, using: &world.generator)
        let withdrawAfter = world.generator.chance(0.04) ? 2 : Int.max
        var time = arrival.addingTimeInterval(hour)
        var approached: Set<UUID> = []
        var offer: (home: SecureHome, bedIndex: Int, at: Date)?

        while approached.count < min(attempts, eligible.count), offer == nil, approached.count < withdrawAfter {
            let sentAt = time
            time = time.addingTimeInterval(world.generator.nextExponential(mean: 0.6 * day))
            let instant = time
            let next =
                eligible.first { !approached.contains($0.id) && world.freeBed(at: $0.id, at: instant) != nil }
                ?? eligible.first { !approached.contains($0.id) }!
            approached.insert(next.id)
            referralCirculations.append(
                Circulation(
                    referralID: referral.id, homeID: next.id, circulatedAt: sentAt,
                    respondBy: ResponseDeadlines.standard.respondBy(circulatedAt: sentAt, urgency: referral.urgency)))
            let answer: HomeAnswer
            if let bedIndex = world.freeBed(at: next.id, at: time) {
                var probability = higherRisk ? settings.offerProbabilityForHigherRiskProfile : settings.offerProbability
                if !next.specialisms.isDisjoint(with: child.flags) { probability *= 1.2 }
                if world.generator.chance(probability) {
                    offer = (next, bedIndex, time)
                    answer = .offer(
                        bedID: world.timelines[bedIndex].bed.id, availableFrom: CalendarDate(containing: time))
                } else {
                    answer = .decline(
                        reasons: declineReasons(higherRisk: higherRisk, referral, &world.generator), note: "")
                }
            } else {
                let reason: DeclineReason =
                    switch world.closureReason(at: next.id, at: time) {
                    case .staffing: .bedClosedStaffing
                    case .repair, .refurbishment, .incident, .other: .bedClosedRepair
                    case nil: .noVacancyOfRequiredKind
                    }
                answer = .decline(reasons: [reason], note: "")
            }
            referralResponses.append(
                HomeResponse(
                    id: UUID(using: &world.generator), referralID: referral.id, homeID: next.id, answer: answer,
                    respondedAt: time))
            events.append((time, offer == nil ? .receiveDecline : .receiveOffer))
        }

        var firstEpisode: (type: PlacementType, start: Date, end: Date?, placed: Bool)?
        if let offer {
            let accepted = offer.at.addingTimeInterval(world.generator.nextExponential(mean: 3 * hour))
            let admitted = accepted.addingTimeInterval(Double.random(in: 2...30, using: &world.generator) * hour)
            let discharged = admitted.addingTimeInterval(world.generator.nextLogNormal(median: 105, sigma: 0.55) * day)
            world.timelines[offer.bedIndex].hold(.reserved, from: accepted, to: admitted)
            world.timelines[offer.bedIndex].hold(.occupied, from: admitted, to: discharged)
            events += [(accepted, .acceptOffer), (admitted, .admit)]
            if admitted <= settings.end {
                placements.append(
                    Placement(
                        id: UUID(using: &world.generator), referralID: referral.id, childID: child.id,
                        homeID: offer.home.id,
                        bedID: world.timelines[offer.bedIndex].bed.id, admittedAt: admitted,
                        dischargedAt: discharged <= settings.end ? discharged : nil,
                        endReason: discharged <= settings.end ? .carePlan : nil,
                        // Homes plan discharges: a child still there is expected to leave on the planned day.
                        expectedDischargeOn: discharged > settings.end ? CalendarDate(containing: discharged) : nil))
            }
            firstEpisode = (.secureChildrensHome, admitted, discharged, true)
            if admitted <= settings.end {
                let orders = DemoCourtOrders.covering(
                    referral: referral, admitted: admitted, discharged: discharged, until: settings.end)
                referral.courtOrder = orders.current
                courtOrders += orders.recorded
            }
        } else if withdrawAfter != Int.max {
            events.append((time.addingTimeInterval(6 * hour), .withdraw))
            referral.withdrawalReason = "Synthetic demo: the risk reduced and the authority found a family placement."
        } else {
            let closed = time.addingTimeInterval(Double.random(in: 0.5...3, using: &world.generator) * day)
            var alternative = world.generator.choose(weighted: Self.alternatives)
            if !alternative.isAllowed(forAge: age) { alternative = .registeredOpenChildrensHome }
            referral.alternative = alternative
            events.append((closed, .closeUnplaced))
            firstEpisode = (alternative.placementType, closed, nil, false)
        }

        apply(events, to: &referral)
        var landed = referralResponses.filter { $0.respondedAt <= settings.end }
        if [.offerAccepted, .placed].contains(referral.state), let index = landed.firstIndex(where: \.isOffer) {
            landed[index].offerStatus = .accepted
        }
        if referral.state != .closedUnplaced { referral.alternative = nil }
        if referral.state != .withdrawn { referral.withdrawalReason = nil }
        if referral.state == .closedUnplaced {
            notifications.append(
                RegulatorNotification(
                    id: UUID(using: &world.generator), unplaced: referral, child: child, country: authority.country,
                    responses: landed,
                    homeReferences: Dictionary(uniqueKeysWithValues: world.homes.map { ($0.id, $0.reference) })))
        }
        if let firstEpisode, firstEpisode.start <= settings.end {
            episodes += DemoOutcomes.episodes(
                child: child, referralID: referral.id, age: age, firstType: firstEpisode.type,
                firstStart: firstEpisode.start,
                firstEnd: firstEpisode.end, wasPlaced: firstEpisode.placed, until: settings.end, using: &world.generator
            )
        }
        children.append(child)
        identities.append(identity)
        referrals.append(referral)
        responses += landed
        circulations += referralCirculations.filter { $0.circulatedAt <= settings.end }
    }

    /// Runs the events that had happened by the end through the state machine.
    private mutating func apply(_ events: [(Date, ReferralEvent)], to referral: inout Referral) {
        for (time, event) in events.sorted(by: { $0.0 < $1.0 }) where time <= settings.end {
            do {
                try referral.apply(event)
            } catch {
                preconditionFailure("demo generator produced an illegal sequence: \(error)")
            }
            self.events.append(DemoDataset.Event(referralID: referral.id, event: event, at: time))
            if event == .approve { referral.submittedAt = time }
            if referral.state.isFinal { referral.closedAt = time }
        }
    }

    private func courtOrder(from day: CalendarDate, _ generator: inout SeededRandomNumberGenerator) -> CourtOrder {
        let status = generator.choose(weighted: [
            (CourtOrderStatus.noneYet, 0.20), (.applicationMade, 0.33), (.interimOrder, 0.25), (.orderGranted, 0.17),
            (.deprivationOfLibertyOrder, 0.05),
        ])
        switch status {
        case .interimOrder: return CourtOrder(status: status, startsOn: day, endsOn: day.adding(days: 28))
        // A first order runs at most 3 months (reg 11): from 20 November, to 19 February.
        case .orderGranted, .deprivationOfLibertyOrder:
            return CourtOrder(status: status, startsOn: day, endsOn: day.adding(months: 3).adding(days: -1))
        case .noneYet, .applicationMade: return CourtOrder(status: status)
        }
    }

    private func declineReasons(
        higherRisk: Bool, _ referral: Referral, _ generator: inout SeededRandomNumberGenerator
    ) -> Set<DeclineReason> {
        var weights: [(DeclineReason, Double)] =
            higherRisk
            ? [
                (.historyCannotBeManaged, 3), (.riskToOtherChildren, 3), (.compatibilityWithCurrentChildren, 3),
                (.riskToStaff, 1), (.needsBeyondSpecialism, 1),
            ]
            : [
                (.compatibilityWithCurrentChildren, 4), (.needsBeyondSpecialism, 2), (.insufficientInformation, 1),
                (.riskToOtherChildren, 1),
            ]
        if !referral.courtOrder.status.isAuthorised { weights.append((.legalAuthorityNotInPlace, 1)) }
        var reasons: Set<DeclineReason> = [generator.choose(weighted: weights)]
        if generator.chance(0.3) { reasons.insert(generator.choose(weighted: weights)) }
        return reasons
    }
}
