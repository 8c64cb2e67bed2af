/// How a referral reaches homes in the simulation. Homes answer at once in every policy; the
/// policies differ in which homes are asked, in what order, and when the next are asked.
public enum CirculationPolicy: Hashable, Codable, Sendable {
    /// Today's practice: every home with a suitable vacancy is asked at once (as many as
    /// `SimulationModel.homesApproached` allows) and the nearest that offers gets the child;
    /// a bed that frees up while the child waits is offered to the waiting children, oldest
    /// first.
    case broadcast
    /// The homes with a suitable vacancy ranked as the service ranks them (points for the
    /// home's likelihood of offering, less points per 100 km), asked `homesPerWave` at a time; the
    /// best-ranked home that offers gets the child. A wave with no offer waits out its
    /// deadline (`daysPerWave`) before the next is asked: the slow case, since the service
    /// widens at the last decline when every home answers before the deadline.
    case rankedWaves(RankedWaves)
    /// Every `daysBetweenRounds`, the waiting children and the vacant beds are paired by an
    /// exact allocation (most children asked, then the most expected acceptance, then the
    /// least distance); each home asked answers, and a child declined waits for the next
    /// round, never asked of that home again.
    case allocationRounds(daysBetweenRounds: Double)

    public struct RankedWaves: Hashable, Codable, Sendable {
        public var homesPerWave: Int
        public var daysPerWave: Double
        /// Points for a home certain to offer, scaled by its likelihood of offering.
        public var pointsForCertainOffer: Double
        public var pointsPerHundredKilometres: Double

        public init(
            homesPerWave: Int, daysPerWave: Double, pointsForCertainOffer: Double = 30,
            pointsPerHundredKilometres: Double = 10
        ) {
            self.homesPerWave = max(1, homesPerWave)
            self.daysPerWave = daysPerWave
            self.pointsForCertainOffer = pointsForCertainOffer
            self.pointsPerHundredKilometres = pointsPerHundredKilometres
        }
    }

    /// The name the comparison's tables and JSON use.
    public var name: String {
        switch self {
        case .broadcast: "Broadcast"
        case .rankedWaves(let waves):
            "Ranked waves of \(waves.homesPerWave), \(waves.daysPerWave == 1 ? "a day" : Self.days(waves.daysPerWave)) apart"
        case .allocationRounds(let days): "Allocation rounds every \(days == 1 ? "day" : Self.days(days))"
        }
    }

    public var code: String {
        switch self {
        case .broadcast: "broadcast"
        case .rankedWaves: "ranked-waves"
        case .allocationRounds: "allocation-rounds"
        }
    }

    private static func days(_ days: Double) -> String {
        days == days.rounded() ? "\(Int(days)) days" : "\(days) days"
    }
}

/// One pair an allocation round may propose: the home's likelihood of offering to the child
/// and the distance from the child's home area.
public struct RoundPairFacts: Hashable, Sendable {
    public var acceptance: Double
    public var kilometres: Double

    public init(acceptance: Double, kilometres: Double) {
        self.acceptance = acceptance
        self.kilometres = kilometres
    }
}

/// The exact solver an allocation round uses. The engine does not hold one of its own: the
/// service passes the one its coordinators use (the `Matching` target's), so the simulation
/// measures the allocation the service really makes.
public protocol AllocationRoundSolver: Sendable {
    /// For each of `children` children, the bed (0..<`beds`) it is to be asked for, or nil.
    /// `facts(child, bed)` is nil for a pair that may not be proposed.
    func assign(children: Int, beds: Int, facts: (Int, Int) -> RoundPairFacts?) -> [Int?]
}
