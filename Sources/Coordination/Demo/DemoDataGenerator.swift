import Foundation
import SecurePlaceCore

/// Builds the synthetic national picture, the same for the same seed, months and end.
///
/// Children are referred at about 350 a year. Each referral goes to eligible homes nearest
/// first; a home with a free bed offers with a probability that is lower for older boys
/// with offending, gang or harmful-sexual-behaviour flags; after four to eight refusals the
/// child is closed unplaced. Welfare beds close for staffing and repair; justice beds fill
/// with children placed by the Youth Custody Service.
public struct DemoDataGenerator: Sendable {
    public var seed: UInt64
    public var months: Int
    public var end: Date
    public var localAuthorities: [LocalAuthority]
    public var referralsPerYear = 350.0
    /// Chance that a home with a free bed offers it to a child of each profile.
    public var offerProbability = 0.15
    public var offerProbabilityForHigherRiskProfile = 0.06

    public static let monthRange = 1...120
    static let day = 86_400.0
    static let hour = 3_600.0

    public init(seed: UInt64, months: Int, end: Date, localAuthorities: [LocalAuthority]) {
        self.seed = seed
        self.months = months
        self.end = end
        self.localAuthorities = localAuthorities
    }

    public var start: Date { end.addingTimeInterval(-Double(months) * 30.4375 * Self.day) }

    /// The profile the national study found more often refused.
    public static func isHigherRiskProfile(_ child: Child, age: Int) -> Bool {
        child.sex == .male && age >= 15 && !child.flags.isDisjoint(with: NeedFlag.associatedWithRefusal)
    }

    public func generate() throws(DemoDataError) -> DemoDataset {
        guard Self.monthRange.contains(months) else { throw .monthsOutOfRange(months) }
        let authorities = Dictionary(uniqueKeysWithValues: localAuthorities.map { ($0.code, $0) })
        for definition in DemoHomeDefinition.all where authorities[definition.localAuthorityCode] == nil {
            throw .missingLocalAuthority(definition.localAuthorityCode)
        }
        var generator = SeededRandomNumberGenerator(seed: seed)
        var world = DemoWorld(generator: generator, start: start, end: end)
        world.buildHomes(authorities: authorities)
        world.scheduleClosuresAndJusticeStays()

        var builder = DemoReferralBuilder(settings: self, authorities: localAuthorities)
        var arrival = start.addingTimeInterval(
            world.generator.nextExponential(mean: 365.25 * Self.day / referralsPerYear))
        while arrival < end {
            builder.refer(at: arrival, in: &world)
            arrival = arrival.addingTimeInterval(
                world.generator.nextExponential(mean: 365.25 * Self.day / referralsPerYear))
        }
        generator = world.generator
        let people = DemoOrganisations.make(homes: world.homes, authorities: localAuthorities, using: &generator)
        // Their own stream, so the rest of the demo is the same with or without them.
        var outageIDs = SeededRandomNumberGenerator(seed: seed ^ 0x6F75_7461_6765)
        let outages = world.timelines.flatMap {
            $0.outages(from: start, to: end, homeID: $0.bed.homeID, ids: &outageIDs)
        }
        return DemoDataset(
            seed: seed, start: start, end: end, homes: world.homes, beds: world.timelines.map(\.bed),
            bedStatusIntervals: world.timelines.flatMap { $0.intervals(from: start, to: end) },
            children: builder.children, identities: builder.identities, referrals: builder.referrals,
            circulations: builder.circulations, responses: builder.responses, placements: builder.placements,
            episodes: builder.episodes,
            notifications: builder.notifications, organisations: people.organisations, users: people.users,
            events: builder.events, outages: outages, courtOrders: builder.courtOrders)
    }
}

public enum DemoDataError: Error, Hashable, Sendable, CustomStringConvertible {
    case monthsOutOfRange(Int)
    case missingLocalAuthority(String)

    public var description: String {
        switch self {
        case .monthsOutOfRange(let months):
            "--months must be between \(DemoDataGenerator.monthRange.lowerBound) and \(DemoDataGenerator.monthRange.upperBound), not \(months)."
        case .missingLocalAuthority(let code):
            "The reference data has no local authority \(code), where a demo home stands; load the bundled reference data first."
        }
    }
}

/// The homes and the beds' timelines while the demo is generated.
struct DemoWorld {
    var generator: SeededRandomNumberGenerator
    let start: Date
    let end: Date
    var homes: [SecureHome] = []
    var timelines: [BedTimeline] = []
    var bedIndexesByHome: [UUID: [Int]] = [:]

    init(generator: SeededRandomNumberGenerator, start: Date, end: Date) {
        self.generator = generator
        self.start = start
        self.end = end
    }

    mutating func buildHomes(authorities: [String: LocalAuthority]) {
        let day = DemoDataGenerator.day
        let unconfirmed = Set((0..<2).map { _ in Int.random(in: 0..<DemoHomeDefinition.all.count, using: &generator) })
        for (index, definition) in DemoHomeDefinition.all.enumerated() {
            let authority = authorities[definition.localAuthorityCode]!
            let confirmedAgo =
                unconfirmed.contains(index)
                ? Double.random(in: 1.2...3.5, using: &generator) * day
                : Double.random(in: 1...8, using: &generator) * DemoDataGenerator.hour
            let home = SecureHome(
                id: UUID(using: &generator), reference: definition.reference, name: definition.name,
                region: authority.region, localAuthorityCode: authority.code,
                location: Coordinate(
                    latitude: authority.centroid.latitude + Double.random(in: -0.05...0.05, using: &generator),
                    longitude: authority.centroid.longitude + Double.random(in: -0.05...0.05, using: &generator)),
                acceptedSexes: definition.sexes, ages: definition.ages, specialisms: definition.specialisms,
                lastConfirmedAt: end.addingTimeInterval(-confirmedAgo))
            homes.append(home)
            let kinds =
                Array(repeating: BedKind.welfare, count: definition.welfareBeds)
                + Array(repeating: .either, count: definition.eitherBeds)
                + Array(repeating: .justice, count: definition.justiceBeds)
            for (number, kind) in kinds.enumerated() {
                let unit = ["A", "B", "C", "D"][number / 6]
                let bed = Bed(
                    id: UUID(using: &generator), homeID: home.id, label: "Unit \(unit), room \(number % 6 + 1)",
                    kind: kind)
                bedIndexesByHome[home.id, default: []].append(timelines.count)
                timelines.append(BedTimeline(bed: bed))
            }
        }
    }

    /// Welfare beds are closed about a fifth of the time (108 of 133 usable in 2020); justice
    /// beds are full about three quarters of the time.
    mutating func scheduleClosuresAndJusticeStays() {
        let day = DemoDataGenerator.day
        for index in timelines.indices {
            let isJustice = timelines[index].bed.kind == .justice
            var time = start.addingTimeInterval(-Double.random(in: 0...200, using: &generator) * day)
            var closed = generator.chance(isJustice ? 0.08 : 0.33)
            while time < end {
                let length = generator.nextExponential(
                    mean: (closed ? (isJustice ? 40 : 90) : (isJustice ? 450 : 180)) * day)
                if closed {
                    let reason: BedClosureReason = generator.chance(0.7) ? .staffing : .repair
                    timelines[index].close(reason, from: time, to: time.addingTimeInterval(length))
                }
                time = time.addingTimeInterval(length)
                closed.toggle()
            }
            if isJustice {
                var time = start.addingTimeInterval(-Double.random(in: 0...60, using: &generator) * day)
                while time < end {
                    let stay = generator.nextLogNormal(median: 70, sigma: 0.6) * day
                    timelines[index].hold(.occupied, from: time, to: time.addingTimeInterval(stay))
                    time = time.addingTimeInterval(stay + generator.nextExponential(mean: 25 * day))
                }
            } else if !timelines[index].isClosed(at: start) && generator.chance(0.6) {
                // Children already in welfare beds when the service started.
                let remaining = generator.nextLogNormal(median: 105, sigma: 0.55) * generator.nextUnitInterval() * day
                timelines[index].hold(.occupied, from: start, to: start.addingTimeInterval(remaining))
            }
        }
    }

    /// The first free welfare-capable bed at a home, if any.
    func freeBed(at homeID: UUID, at instant: Date) -> Int? {
        bedIndexesByHome[homeID, default: []].first { index in
            timelines[index].bed.kind.takesWelfarePlacements && timelines[index].isFree(at: instant)
        }
    }

    /// Why the home's welfare beds are unavailable, when one of them is closed.
    func closureReason(at homeID: UUID, at instant: Date) -> BedClosureReason? {
        bedIndexesByHome[homeID, default: []].lazy
            .filter { timelines[$0].bed.kind.takesWelfarePlacements }
            .compactMap { timelines[$0].closureReason(at: instant) }
            .first
    }
}
