import Foundation
import SecurePlaceCore

/// One run of the national system from empty beds to the end of the measured period.
///
/// Every random fact about a child (when they arrive, from where, their profile, how long
/// they would stay, which homes would offer) comes from one stream seeded by the
/// replication, drawn when the child arrives. Two models that differ only in their beds
/// therefore see the same children: the common random numbers that make the optimiser's
/// comparisons sharp.
struct Replication {
    /// Plain values only, so making and copying one (once per arrival) costs no reference counting.
    struct WaitingChild {
        /// Set when the child joins the waiting list; -1 before.
        var id = -1
        var key: UInt64
        var region: Int
        var origin: Int
        var profile: Int
        var route: PlacementRoute
        var arrival: Double
        var stay: Double
        var counted: Bool
        /// Under broadcast: homes with a suitable vacancy that have been asked so far.
        var homesAsked = 0
        /// Under ranked waves and allocation rounds: the homes that have declined the child,
        /// as the first entry of its list in `declined`.
        var declinedHead = -1
    }

    static let welfareClass = 0
    static let justiceClass = 1
    static let flexibleClass = 2

    let compiled: CompiledModel
    private var generator: SeededRandomNumberGenerator
    let events: EventQueue
    var freeBeds: [Int]
    /// Per home, bit `c` set while bed class `c` has a free bed: what a scan past full homes
    /// reads, a byte a home, so the whole country sits in a few cache lines.
    var vacancies: [UInt8]
    /// Children waiting for an offer, oldest first; short, so it is searched linearly.
    var waitingQueue: [WaitingChild] = []
    var childrenWhoHaveWaited = 0
    private var tally: ReplicationTally
    private let counters: TallyCounters
    private let measureFrom: Double
    let measureUntil: Double
    private let welfareStay: StayDistribution
    private let justiceStay: StayDistribution
    private let welfareStayMedian: Double
    private let justiceStayMedian: Double
    let maximumWaitDays: Double
    private let distanceThreshold: Double
    private let exponential = ExponentialSampler()
    private let normal = NormalSampler()
    private var nextArrivalTimes: [Double]
    private var earliestRegion = 0
    let allocator: (any AllocationRoundSolver)?
    var declined = DeclinedHomes()
    let circulation: CirculationPolicy
    /// Read on every departure, so kept apart from the policy.
    private let broadcasts: Bool
    /// `ChildProfile.count`, read once: a static computed from the enums' cases is looked up
    /// through a lazy initialiser on every use.
    let profileCount = ChildProfile.count
    /// Reused by every wave, so asking homes allocates nothing.
    var waveScratch: [Int] = []
    /// Reused by every allocation round: the vacant beds as `home * 3 + bed class`.
    var roundBeds: [Int] = []

    init(
        model compiled: CompiledModel, seed: UInt64, replication: Int, allocator: (any AllocationRoundSolver)? = nil
    ) {
        if case .allocationRounds = compiled.model.circulation {
            precondition(allocator != nil, "allocation rounds need an AllocationRoundSolver")
        }
        self.compiled = compiled
        self.allocator = allocator
        circulation = compiled.model.circulation
        broadcasts = circulation == .broadcast
        generator = SeededRandomNumberGenerator(seed: Self.mix(seed, UInt64(replication)))
        events = EventQueue(capacity: compiled.bedsByClass.reduce(0, +) + compiled.regionCount + 16)
        freeBeds = compiled.bedsByClass
        vacancies = (0..<compiled.homeCount).map { home in
            (0..<3).reduce(UInt8(0)) { flags, bedClass in
                compiled.bedsByClass[home * 3 + bedClass] > 0 ? flags | 1 << bedClass : flags
            }
        }
        tally = ReplicationTally(regions: compiled.regionCount, homes: compiled.homeCount)
        counters = TallyCounters(regions: compiled.regionCount, homes: compiled.homeCount)
        nextArrivalTimes = Array(repeating: .infinity, count: max(compiled.regionCount, 1))
        measureFrom = compiled.model.warmUpDays
        measureUntil = compiled.model.warmUpDays + compiled.model.measuredDays
        welfareStay = compiled.model.welfareStay
        justiceStay = compiled.model.justiceStay
        welfareStayMedian = welfareStay.logNormalMedian
        justiceStayMedian = justiceStay.logNormalMedian
        maximumWaitDays = compiled.model.maximumWaitDays
        distanceThreshold = compiled.model.distanceThresholdKilometres
    }

    mutating func run() -> ReplicationTally {
        for region in 0..<compiled.regionCount { scheduleNextArrival(region: region, after: 0) }
        if case .allocationRounds(let days) = circulation {
            events.schedule(.allocationRound, subject: 0, at: max(days, 0))
        }
        // Arrivals stay out of the heap: each region has exactly one next arrival, so the
        // earliest is kept aside and compared with the heap's top, which halves the heap
        // work of a busy system.
        while true {
            let arrivalTime = nextArrivalTimes[earliestRegion]
            if arrivalTime <= events.earliestTime, arrivalTime.isFinite {
                tally.eventsProcessed += 1
                arrive(region: earliestRegion, at: arrivalTime)
                continue
            }
            guard let event = events.next() else { break }
            tally.eventsProcessed += 1
            switch event.kind {
            case .departure: depart(bedSlot: event.subject, at: event.time)
            case .waitEnds: endWait(child: event.subject)
            case .waveEnds: sendNextWave(child: event.subject, at: event.time)
            case .allocationRound: runAllocationRound(at: event.time)
            }
        }
        counters.write(into: &tally)
        return tally
    }

    // MARK: Arrivals

    private mutating func scheduleNextArrival(region: Int, after time: Double) {
        let base = compiled.arrivalsPerDay[region]
        guard base > 0 else { return }
        let amplitude = compiled.seasonalAmplitude[region]
        let peakRate = base * (1 + amplitude)
        defer { findEarliestRegion() }
        nextArrivalTimes[region] = .infinity
        var next = time
        // Thinning: candidate arrivals at the peak rate, each kept with the current rate's share.
        repeat {
            next += exponential.next(using: &generator) / peakRate
            guard next < measureUntil else { return }
        } while amplitude > 0
            && generator.nextUnitInterval() * (1 + amplitude)
                > 1 + amplitude * cos(2 * .pi * (next - compiled.peakDay[region]) / 365.25)
        nextArrivalTimes[region] = next
    }

    private mutating func findEarliestRegion() {
        var earliest = 0
        for region in nextArrivalTimes.indices where nextArrivalTimes[region] < nextArrivalTimes[earliest] {
            earliest = region
        }
        earliestRegion = earliest
    }

    private mutating func arrive(region: Int, at time: Double) {
        scheduleNextArrival(region: region, after: time)
        let origin = draw(
            from: compiled.originCumulativeWeight, in: compiled.originStart[region]..<compiled.originStart[region + 1])
        let profileSlot = draw(
            from: compiled.profileCumulativeWeight,
            in: compiled.profileStart[region]..<compiled.profileStart[region + 1])
        let profile = compiled.profileIndex[profileSlot]
        let route: PlacementRoute = profile >= profileCount / 2 ? .justice : .welfare
        var child = WaitingChild(
            key: generator.next(), region: region, origin: origin, profile: profile, route: route, arrival: time,
            stay: drawStay(for: route),
            counted: time >= measureFrom)
        if child.counted {
            counters.arrivalsByRegion[region] += 1
            counters.arrivalsByProfile[profile] += 1
        }
        switch circulation {
        case .broadcast: broadcast(&child, at: time)
        case .rankedWaves(let waves): circulateInWaves(&child, waves, at: time)
        case .allocationRounds: waitForAllocation(&child, at: time)
        }
    }

    @inline(__always)
    private mutating func broadcast(_ child: inout WaitingChild, at time: Double) {
        // The referral goes to the nearest homes with a suitable vacancy, as many as
        // circulation reaches; the nearest that offers gets the child.
        let homeCount = compiled.homeCount
        let reach = compiled.homesApproached
        let ownClass = child.route == .welfare ? Self.welfareClass : Self.justiceClass
        var asked = child.homesAsked
        // Read through buffers, as in a wave, so the scan past full homes does no reference counting.
        let found: (home: Int, bedClass: Int, kilometres: Float)? = compiled.homesByDistance
            .withUnsafeBufferPointer { order in
                vacancies.withUnsafeBufferPointer { vacancies in
                    let row = child.origin * homeCount
                    let wanted = Self.classesTaking(ownClass)
                    var rank = 0
                    while rank < homeCount, asked < reach {
                        let entry = order[row + rank]
                        let home = Int(entry.home)
                        rank += 1
                        let flags = vacancies[home]
                        guard flags & wanted != 0 else { continue }
                        let bedClass = flags & 1 << ownClass != 0 ? ownClass : Self.flexibleClass
                        asked += 1
                        if wouldOffer(home: home, child: child) { return (home, bedClass, entry.kilometres) }
                    }
                    return nil
                }
            }
        child.homesAsked = asked
        if let found {
            place(child, home: found.home, bedClass: found.bedClass, kilometres: found.kilometres, at: time)
            return
        }
        guard maximumWaitDays > 0 else { return }
        enqueue(&child, at: time)
    }

    /// Puts a child not yet placed on the waiting list until their referral closes.
    mutating func enqueue(_ child: inout WaitingChild, at time: Double) {
        child.id = childrenWhoHaveWaited
        childrenWhoHaveWaited += 1
        waitingQueue.append(child)
        events.schedule(.waitEnds, subject: child.id, at: time + maximumWaitDays)
    }

    private mutating func drawStay(for route: PlacementRoute) -> Double {
        let distribution = route == .welfare ? welfareStay : justiceStay
        switch distribution {
        case .exponential(let mean): return mean * exponential.next(using: &generator)
        case .logNormal(_, let sigma):
            // The lognormal of `StayDistribution.draw`, with the median worked out once (an
            // `exp` that was a tenth of an arrival's work) and the normal from the ziggurat.
            let median = route == .welfare ? welfareStayMedian : justiceStayMedian
            return median * exp(sigma * normal.next(using: &generator))
        case .empirical: return distribution.draw(using: &generator)
        }
    }

    private mutating func draw(from cumulative: [Double], in range: Range<Int>) -> Int {
        guard range.count > 1 else { return range.lowerBound }
        let target = generator.nextUnitInterval() * cumulative[range.upperBound - 1]
        for index in range where target < cumulative[index] { return index }
        return range.upperBound - 1
    }

    // MARK: Beds

    /// The vacancy bits of the bed classes a child of `ownClass` may have: their own and flexible.
    @inline(__always)
    static func classesTaking(_ ownClass: Int) -> UInt8 { 1 << ownClass | 1 << flexibleClass }

    func vacantClass(at home: Int, for route: PlacementRoute) -> Int? {
        let own = route == .welfare ? Self.welfareClass : Self.justiceClass
        if freeBeds[home * 3 + own] > 0 { return own }
        if freeBeds[home * 3 + Self.flexibleClass] > 0 { return Self.flexibleClass }
        return nil
    }

    func kilometres(from child: WaitingChild, to home: Int) -> Float {
        compiled.distance[child.origin * compiled.homeCount + home]
    }

    /// Whether this home would offer to this child: fixed per (child, home) pair by hashing,
    /// so asking twice gives the same answer and the answer does not depend on the order of
    /// questions.
    func wouldOffer(home: Int, child: WaitingChild) -> Bool {
        let probability = compiled.offerProbability[child.profile * compiled.homeCount + home]
        if probability >= 1 { return true }
        if probability <= 0 { return false }
        var hasher = SeededRandomNumberGenerator(seed: child.key ^ (UInt64(home) &* 0x9E37_79B9_7F4A_7C15))
        return hasher.nextUnitInterval() < probability
    }

    /// Places a child; `kilometres` is the home's distance from the child's origin, which the
    /// caller has at hand (see `CompiledModel.RankedHome`).
    mutating func place(_ child: WaitingChild, home: Int, bedClass: Int, kilometres: Float, at time: Double) {
        let slot = home * 3 + bedClass
        freeBeds[slot] -= 1
        if freeBeds[slot] == 0 { vacancies[home] &= ~(1 << bedClass) }
        // The stay's departure is known now, so its share of the measured period is too.
        let occupiedDays = min(time + child.stay, measureUntil) - max(time, measureFrom)
        if occupiedDays > 0 { counters.occupiedBedDaysByHome[home] += occupiedDays }
        events.schedule(.departure, subject: slot, at: time + child.stay)
        guard child.counted else { return }
        let distance = Double(kilometres)
        counters.placedByRegion[child.region] += 1
        counters.placedByProfile[child.profile] += 1
        tally.totalWaitDays += time - child.arrival
        tally.totalDistanceKilometres += distance
        counters.waitDaysByProfile[child.profile] += time - child.arrival
        if distance <= distanceThreshold {
            counters.placedWithinThresholdByRegion[child.region] += 1
            counters.placedWithinThresholdByProfile[child.profile] += 1
        }
    }

    private mutating func depart(bedSlot: Int, at time: Double) {
        let home = bedSlot / 3
        freeBeds[bedSlot] += 1
        vacancies[home] |= 1 << (bedSlot % 3)
        // Under waves and rounds the freed bed waits for the next wave or round.
        guard broadcasts, !waitingQueue.isEmpty else { return }
        // A bed that frees up is offered around the children still waiting, oldest first,
        // while their referral can still reach another home.
        for position in waitingQueue.indices where waitingQueue[position].homesAsked < compiled.homesApproached {
            let child = waitingQueue[position]
            guard let bedClass = vacantClass(at: home, for: child.route) else { continue }
            waitingQueue[position].homesAsked += 1
            if wouldOffer(home: home, child: child) {
                waitingQueue.remove(at: position)
                place(child, home: home, bedClass: bedClass, kilometres: kilometres(from: child, to: home), at: time)
                return
            }
        }
    }

    private mutating func endWait(child: Int) {
        // A child already placed has left the queue; otherwise the referral closes unplaced.
        if let position = waitingPosition(of: child) {
            declined.release(waitingQueue.remove(at: position).declinedHead)
        }
    }

    /// Where a waiting child is in the queue. Children join in the order of their ids and
    /// leave without reordering the rest, so the queue stays sorted by id.
    func waitingPosition(of id: Int) -> Int? {
        var low = 0
        var high = waitingQueue.count
        while low < high {
            let middle = (low + high) / 2
            if waitingQueue[middle].id < id { low = middle + 1 } else { high = middle }
        }
        return low < waitingQueue.count && waitingQueue[low].id == id ? low : nil
    }

    private static func mix(_ seed: UInt64, _ replication: UInt64) -> UInt64 {
        var generator = SeededRandomNumberGenerator(seed: seed ^ (replication &* 0xD1B5_4A32_D192_ED03))
        return generator.next()
    }
}
