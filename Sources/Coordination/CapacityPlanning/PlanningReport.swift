import CapacityPlanning
import Foundation

/// What an analyst asked, as submitted on the planning page: where new beds should go, or
/// what the ways of circulating a referral would change.
public struct PlanningRequest: Codable, Hashable, Sendable {
    public enum Question: String, Codable, Hashable, Sendable {
        case whereBedsGo = "where-beds-go"
        case circulation
    }

    public var question: Question
    public var addBeds: Int
    public var objective: String
    public var replications: Int
    public var waitDays: Double
    public var years: Double
    public var seed: UInt64

    public init(
        addBeds: Int, objective: String, replications: Int = 20, waitDays: Double = 14, years: Double = 3,
        seed: UInt64 = 1, question: Question = .whereBedsGo
    ) {
        self.question = question
        self.addBeds = addBeds
        self.objective = objective
        self.replications = replications
        self.waitDays = waitDays
        self.years = years
        self.seed = seed
    }

    private enum CodingKeys: String, CodingKey {
        case question, addBeds, objective, replications, waitDays, years, seed
    }

    /// Runs stored before the circulation comparison existed have no question: they asked
    /// where beds go.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        question = try container.decodeIfPresent(Question.self, forKey: .question) ?? .whereBedsGo
        addBeds = try container.decode(Int.self, forKey: .addBeds)
        objective = try container.decode(String.self, forKey: .objective)
        replications = try container.decode(Int.self, forKey: .replications)
        waitDays = try container.decode(Double.self, forKey: .waitDays)
        years = try container.decode(Double.self, forKey: .years)
        seed = try container.decode(UInt64.self, forKey: .seed)
    }

    /// Reads the circulation comparison's form (its fields are named `comparisonReplications`
    /// and `comparisonWaitDays`, apart from the optimiser's on the same page).
    public static func validatedComparison(replications: String?, waitDays: String?) throws(InputErrors)
        -> PlanningRequest
    {
        var errors: [InputError] = []
        let (runs, wait) = replicationsAndWait(
            replications, waitDays, fields: ("comparisonReplications", "comparisonWaitDays"), into: &errors)
        guard errors.isEmpty, let runs, let wait else { throw InputErrors(errors) }
        return PlanningRequest(addBeds: 0, objective: "", replications: runs, waitDays: wait, question: .circulation)
    }

    private static func replicationsAndWait(
        _ replications: String?, _ waitDays: String?,
        fields: (replications: String, waitDays: String) = ("replications", "waitDays"), into errors: inout [InputError]
    ) -> (Int?, Double?) {
        func trimmed(_ text: String?) -> String { (text ?? "").trimmingCharacters(in: .whitespaces) }
        let runs = trimmed(replications).isEmpty ? 20 : Int(trimmed(replications))
        if runs == nil || !(2...100).contains(runs!) {
            errors.append(
                InputError(
                    field: fields.replications, message: "Enter a whole number of replications from 2 to 100."))
        }
        let wait = trimmed(waitDays).isEmpty ? 14 : Double(trimmed(waitDays))
        if wait == nil || !(0...90).contains(wait!) {
            errors.append(InputError(field: fields.waitDays, message: "Enter the days a referral waits, from 0 to 90."))
        }
        return (runs, wait)
    }

    /// Reads the planning form; every field at fault is named at once.
    public static func validated(
        addBeds: String?, objective: String?, withinKilometres: String?, replications: String?, waitDays: String?
    ) throws(InputErrors) -> PlanningRequest {
        var errors: [InputError] = []
        func trimmed(_ text: String?) -> String { (text ?? "").trimmingCharacters(in: .whitespaces) }
        let beds = Int(trimmed(addBeds))
        if beds == nil || !(1...100).contains(beds!) {
            errors.append(InputError(field: "addBeds", message: "Enter a whole number of beds from 1 to 100."))
        }
        var goal = "placement-rate"
        if trimmed(objective) == "placed-within-km" {
            if let kilometres = Double(trimmed(withinKilometres)), kilometres > 0, kilometres <= 1_000 {
                goal = PlanningObjective.placedWithinKilometres(kilometres).argument
            } else {
                errors.append(
                    InputError(field: "withinKilometres", message: "Enter a distance in kilometres from 1 to 1,000."))
            }
        } else if trimmed(objective) != "placement-rate" {
            errors.append(InputError(field: "objective", message: "Choose what the new beds should achieve."))
        }
        let (runs, wait) = replicationsAndWait(replications, waitDays, into: &errors)
        guard errors.isEmpty, let beds, let runs, let wait else { throw InputErrors(errors) }
        return PlanningRequest(addBeds: beds, objective: goal, replications: runs, waitDays: wait)
    }
}

/// The optimiser's report in the form pages and JSON show it: no children, only figures.
public struct PlanningReport: Codable, Hashable, Sendable {
    public var objective: String
    public var replications: Int
    public var isDemo: Bool
    public var objectiveBefore: Estimate
    public var objectiveAfter: Estimate
    public var placementRateBefore: Estimate
    public var placementRateAfter: Estimate
    public var improvement: Estimate
    public var recommendations: [OptimisationReport.Recommendation]
    public var regions: [OptimisationReport.RegionComparison]
    public var steps: [OptimisationReport.Step]

    public init(_ report: OptimisationReport, isDemo: Bool) {
        objective = report.objective.description
        replications = report.replications
        self.isDemo = isDemo
        objectiveBefore = report.objectiveBefore
        objectiveAfter = report.objectiveAfter
        placementRateBefore = report.before.placementRate
        placementRateAfter = report.after.placementRate
        improvement = report.improvement
        recommendations = report.recommendations
        regions = report.regions
        steps = report.steps
    }
}
