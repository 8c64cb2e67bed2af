import Foundation
import SecurePlaceCore

/// One column of the acceptance model, with a stable code (how a fitted model is stored) and
/// a name a coordinator can read.
public enum AcceptanceFeature: Hashable, Sendable, Comparable {
    case intercept
    /// This home rather than the average home.
    case home(UUID)
    case boy
    /// Years over 14 (negative under).
    case age
    case flag(NeedFlag)
    case olderBoyWithRefusalFlags
    case urgency(Urgency)
    /// Per 100 km from the child's home authority.
    case distance
    /// The share of the home's welfare beds in use on the day.
    case bedsInUse
    case residents
    /// Residents more than the compatibility rules' largest age gap apart from the child.
    case ageGaps
    /// Pairs of the child's and a resident's flags the compatibility rules say to plan for.
    case riskMixes
    case onlyChildOfTheirSex
    case needsMet

    /// Every column but the homes', in the model's order.
    public static let shared: [AcceptanceFeature] =
        [.intercept, .boy, .age] + NeedFlag.allCases.map { .flag($0) }
        + [.olderBoyWithRefusalFlags, .urgency(.emergency), .urgency(.urgent)]
        + [.distance, .bedsInUse, .residents, .ageGaps, .riskMixes, .onlyChildOfTheirSex, .needsMet]

    public var code: String {
        switch self {
        case .intercept: "intercept"
        case .home(let id): "home:\(id.uuidString.lowercased())"
        case .boy: "boy"
        case .age: "age"
        case .flag(let flag): "flag:\(flag.code)"
        case .olderBoyWithRefusalFlags: "older-boy-with-refusal-flags"
        case .urgency(let urgency): "urgency:\(urgency.rawValue)"
        case .distance: "distance"
        case .bedsInUse: "beds-in-use"
        case .residents: "residents"
        case .ageGaps: "age-gaps"
        case .riskMixes: "risk-mixes"
        case .onlyChildOfTheirSex: "only-child-of-their-sex"
        case .needsMet: "needs-met"
        }
    }

    public init?(code: String) {
        if code.hasPrefix("home:") {
            guard let id = UUID(uuidString: String(code.dropFirst(5))) else { return nil }
            self = .home(id)
            return
        }
        guard let feature = Self.shared.first(where: { $0.code == code }) else { return nil }
        self = feature
    }

    /// What the column means, for the analysts' page and the risk factors.
    public func name(homeNames: [UUID: String] = [:]) -> String {
        switch self {
        case .intercept: "Baseline"
        case .home(let id): "Home: \(homeNames[id] ?? "a home no longer listed")"
        case .boy: "Boy"
        case .age: "Age (per year over 14)"
        case .flag(let flag): flag.name
        case .olderBoyWithRefusalFlags: "Boy of 15 or over with an offending, gang or harmful sexual behaviour flag"
        case .urgency(let urgency): urgency.name
        case .distance: "Distance (per 100 km)"
        case .bedsInUse: "Share of the home's beds in use"
        case .residents: "Children living in the home"
        case .ageGaps: "Children there far apart in age"
        case .riskMixes: "Mixes of risks with the children there"
        case .onlyChildOfTheirSex: "Would be the only child of their sex"
        case .needsMet: "Share of needs the home specialises in"
        }
    }

    /// Whether the column describes the child rather than the home or its day: these are the
    /// factors shown for a child at risk of not being placed.
    public var describesTheChild: Bool {
        switch self {
        case .boy, .age, .flag, .olderBoyWithRefusalFlags, .urgency: true
        default: false
        }
    }

    public static func < (lhs: AcceptanceFeature, rhs: AcceptanceFeature) -> Bool {
        lhs.code < rhs.code
    }

    /// The question's non-zero columns with their values.
    public static func values(of question: OfferQuestion, rules: HomeRanking.CompatibilityRules) -> [(
        AcceptanceFeature, Double
    )] {
        var values: [(AcceptanceFeature, Double)] = [(.intercept, 1), (.home(question.homeID), 1)]
        if question.sex == .male { values.append((.boy, 1)) }
        if question.age != 14 { values.append((.age, Double(question.age - 14))) }
        for flag in question.flags.sorted() { values.append((.flag(flag), 1)) }
        if question.isOlderBoyWithRefusalFlags { values.append((.olderBoyWithRefusalFlags, 1)) }
        if question.urgency != .planned { values.append((.urgency(question.urgency), 1)) }
        values.append((.distance, question.distanceKilometres / 100))
        values.append((.bedsInUse, question.bedsInUse))
        let residents = question.residents
        if !residents.isEmpty {
            values.append((.residents, Double(residents.count)))
            let gaps = residents.count { abs($0.age - question.age) > rules.largestAgeGap }
            if gaps > 0 { values.append((.ageGaps, Double(gaps))) }
            let mixes = HomeRanking.riskMixes(child: question.flags, residents: residents, rules: rules)
            if mixes > 0 { values.append((.riskMixes, Double(mixes))) }
            if residents.allSatisfy({ $0.sex != question.sex }) { values.append((.onlyChildOfTheirSex, 1)) }
        }
        values.append((.needsMet, question.needsMet))
        return values
    }
}
