import SecurePlaceCore

/// The same national system run under several circulation policies with the same seed: the
/// replications of every policy see the same children (arrival, origin, profile, length of
/// stay and which homes would offer), so each policy's difference from the first is measured
/// replication by replication, with a paired interval.
public struct CirculationComparison: Hashable, Codable, Sendable {
    /// The children a figure is about.
    public enum Group: String, Hashable, Codable, Sendable, CaseIterable {
        case everyone
        /// The children the national study found most often refused.
        case olderBoysWithRefusalFlags = "older-boys-with-refusal-flags"
        case everyoneElse = "everyone-else"

        public var name: String {
            switch self {
            case .everyone: "All children"
            case .olderBoysWithRefusalFlags:
                "Boys of 15 or over with an offending, gang or harmful sexual behaviour flag"
            case .everyoneElse: "All other children"
            }
        }

        public func includes(_ profile: ChildProfile) -> Bool {
            let olderBoyWithFlag =
                profile.sex == .male && profile.ageBand >= .fifteen && profile.hasFlagAssociatedWithRefusal
            switch self {
            case .everyone: return true
            case .olderBoysWithRefusalFlags: return olderBoyWithFlag
            case .everyoneElse: return !olderBoyWithFlag
            }
        }
    }

    /// A policy's figures less the first policy's, replication by replication.
    public struct Difference: Hashable, Codable, Sendable {
        public var placementRate: Estimate
        public var shareWithinThreshold: Estimate
        public var meanDaysToPlacement: Estimate
    }

    public struct GroupResult: Hashable, Codable, Sendable {
        public var group: Group
        public var figures: GroupFigures
        /// Nil for the first policy, the one the others are measured against.
        public var differenceFromFirst: Difference?
    }

    public struct PolicyResult: Hashable, Codable, Sendable {
        public var policy: CirculationPolicy
        public var groups: [GroupResult]
        public var eventsProcessed: Int

        public func result(for group: Group) -> GroupResult? { groups.first { $0.group == group } }
    }

    public var replications: Int
    public var seed: UInt64
    public var confidence: Double
    public var measuredDays: Double
    public var distanceThresholdKilometres: Double
    public var policies: [PolicyResult]

    /// Runs `model` under each of `policies` (the first is the reference). `allocator` is
    /// needed when one of them is allocation rounds.
    public static func run(
        _ model: SimulationModel, policies: [CirculationPolicy], replications: Int, seed: UInt64,
        confidence: Double = 0.95, allocator: (any AllocationRoundSolver)? = nil,
        progress: @Sendable (_ policiesDone: Int) -> Void = { _ in }
    ) async -> CirculationComparison {
        var talliesByPolicy: [[ReplicationTally]] = []
        for policy in policies {
            var variant = model
            variant.circulation = policy
            talliesByPolicy.append(
                await Simulator.runReplications(
                    of: variant, count: max(2, replications), seed: seed, allocator: allocator))
            progress(talliesByPolicy.count)
        }
        let results = zip(policies, talliesByPolicy).map { policy, tallies in
            PolicyResult(
                policy: policy,
                groups: Group.allCases.map { group in
                    GroupResult(
                        group: group,
                        figures: GroupFigures(tallies: tallies, confidence: confidence, including: group.includes),
                        differenceFromFirst: policy == policies.first
                            ? nil
                            : difference(tallies, talliesByPolicy[0], group: group, confidence: confidence))
                },
                eventsProcessed: tallies.reduce(0) { $0 + $1.eventsProcessed })
        }
        return CirculationComparison(
            replications: max(2, replications), seed: seed, confidence: confidence, measuredDays: model.measuredDays,
            distanceThresholdKilometres: model.distanceThresholdKilometres, policies: results)
    }

    private static func difference(
        _ tallies: [ReplicationTally], _ reference: [ReplicationTally], group: Group, confidence: Double
    ) -> Difference {
        let pairs = zip(tallies, reference).map { tally, first in
            (
                GroupFigures(tallies: [tally], confidence: confidence, including: group.includes),
                GroupFigures(tallies: [first], confidence: confidence, including: group.includes)
            )
        }
        func paired(_ value: (GroupFigures) -> Double) -> Estimate {
            .mean(of: pairs.map { value($0.0) - value($0.1) }, confidence: confidence)
        }
        return Difference(
            placementRate: paired(\.placementRate.value), shareWithinThreshold: paired(\.shareWithinThreshold.value),
            meanDaysToPlacement: paired(\.meanDaysToPlacement.value))
    }
}
