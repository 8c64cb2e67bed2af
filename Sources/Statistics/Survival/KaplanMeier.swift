import Foundation

/// Time to an event where some are still waiting: time from submission to placement while
/// referrals are open, time to re-referral while children are still being followed.
public struct KaplanMeier: Hashable, Sendable {
    /// One person's time: until the event, or until they were last seen without it
    /// (censored: a referral still open, a child followed only so far).
    public struct Observation: Hashable, Sendable, Codable {
        public var time: Double
        public var hadEvent: Bool

        public init(time: Double, hadEvent: Bool) {
            precondition(time >= 0 && time.isFinite, "a time from the start, not negative")
            self.time = time
            self.hadEvent = hadEvent
        }
    }

    /// The estimate just after one of the times at which an event happened.
    public struct Step: Hashable, Sendable, Codable {
        public var time: Double
        public var atRisk: Int
        public var events: Int
        /// The chance of having had no event by `time`.
        public var survival: IntervalEstimate
    }

    public let steps: [Step]
    public let observations: Int
    public let events: Int

    /// The product-limit estimate with Greenwood's variance and the log-log interval, which
    /// stays within 0 to 1 (the interval Stata and lifelines give by default; Kalbfleisch and
    /// Prentice 2002, 1.4). Censored times tied with event times count as at risk at them.
    public init(_ observations: [Observation], level: Double = 0.95) {
        let z = StandardNormal.criticalValue(level: level)
        let sorted = observations.sorted { $0.time < $1.time }
        var atRisk = sorted.count
        var survival = 1.0
        var greenwoodSum = 0.0
        var steps: [Step] = []
        var index = 0
        while index < sorted.count {
            let time = sorted[index].time
            var events = 0
            var leaving = 0
            while index < sorted.count, sorted[index].time == time {
                if sorted[index].hadEvent { events += 1 }
                leaving += 1
                index += 1
            }
            if events > 0 {
                survival *= 1 - Double(events) / Double(atRisk)
                if events < atRisk { greenwoodSum += Double(events) / Double(atRisk * (atRisk - events)) }
                steps.append(
                    Step(
                        time: time, atRisk: atRisk, events: events,
                        survival: Self.logLogInterval(survival, greenwoodSum, z: z, level: level)))
            }
            atRisk -= leaving
        }
        self.steps = steps
        self.observations = sorted.count
        self.events = sorted.filter(\.hadEvent).count
    }

    /// The chance of no event by `time`: 1 before the first event.
    public func survival(at time: Double) -> Double {
        steps.last { $0.time <= time }?.survival.estimate ?? 1
    }

    /// The chance of no event by `time` with its interval (exact 1 before the first event).
    public func survivalInterval(at time: Double) -> IntervalEstimate {
        steps.last { $0.time <= time }?.survival
            ?? IntervalEstimate(estimate: 1, lower: 1, upper: 1, level: steps.first?.survival.level ?? 0.95)
    }

    /// The share that had the event by `time`, with its interval: one less the survival, its
    /// bounds swapped.
    public func shareWithEvent(by time: Double) -> IntervalEstimate {
        let survival = survivalInterval(at: time)
        return IntervalEstimate(
            estimate: 1 - survival.estimate, lower: 1 - survival.upper, upper: 1 - survival.lower,
            level: survival.level)
    }

    /// The time by which a share `fraction` had had the event (0.5: the median time to
    /// placement); nil where the estimate never falls that far, as with a group most of whom
    /// are still waiting.
    public func time(byWhichShareHadEvent fraction: Double) -> Double? {
        precondition(fraction > 0 && fraction < 1, "a share strictly between 0 and 1")
        // A tolerance, so that a step landing exactly on the share (0.5 after half the group)
        // is found despite rounding in the product.
        return steps.first { $0.survival.estimate <= 1 - fraction + 1e-12 }?.time
    }

    private static func logLogInterval(_ survival: Double, _ greenwoodSum: Double, z: Double, level: Double)
        -> IntervalEstimate
    {
        guard survival > 0, survival < 1 else {
            return IntervalEstimate(estimate: survival, lower: survival, upper: survival, level: level)
        }
        let spread = z * greenwoodSum.squareRoot() / abs(log(survival))
        return IntervalEstimate(
            estimate: survival, lower: pow(survival, exp(spread)), upper: pow(survival, exp(-spread)), level: level)
    }
}
