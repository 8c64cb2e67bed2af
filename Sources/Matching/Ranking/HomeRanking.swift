import Foundation
import SecurePlaceCore

/// Which homes can take a child, and in what order to ask them: first the hard rules, with
/// every rule that excludes a home; then the eligible homes by a score of named parts, each
/// shown with what it added. Values in, values out: the caller gathers the facts.
public enum HomeRanking {
    /// What the ranking knows of the child: no name, no date of birth.
    public struct ChildFacts: Hashable, Sendable {
        public var sex: Sex
        public var age: Int
        public var flags: Set<NeedFlag>
        /// The centroid of the child's home authority.
        public var homeArea: Coordinate
        /// What the child's room must have.
        public var roomNeeds: Set<RoomFeature>

        public init(
            sex: Sex, age: Int, flags: Set<NeedFlag>, homeArea: Coordinate, roomNeeds: Set<RoomFeature> = []
        ) {
            self.sex = sex
            self.age = age
            self.flags = flags
            self.homeArea = homeArea
            self.roomNeeds = roomNeeds
        }
    }

    /// A child already living in a home.
    public struct Resident: Hashable, Sendable {
        public var sex: Sex
        public var age: Int
        public var flags: Set<NeedFlag>

        public init(sex: Sex, age: Int, flags: Set<NeedFlag>) {
            self.sex = sex
            self.age = age
            self.flags = flags
        }
    }

    /// A home as it stands on the date needed.
    public struct HomeFacts: Hashable, Sendable {
        public var home: SecureHome
        /// Each bed with its status on the date.
        public var beds: [Bed: BedStatus]
        public var residents: [Resident]
        /// How the home answered children like this one before: offers among answers.
        public var pastOffers: Int
        public var pastAnswers: Int
        /// The fitted acceptance model's chance that the home offers, when a model has been
        /// fitted; it then takes the place of the past offer rate.
        public var offerLikelihood: Double?
        /// What the home says it cannot take, and what its rooms offer.
        public var profile: HomeMatchingProfile?
        /// The child's authority's reason for not using this home, when it has one.
        public var authorityExclusion: String?

        public init(
            home: SecureHome, beds: [Bed: BedStatus], residents: [Resident] = [], pastOffers: Int = 0,
            pastAnswers: Int = 0, offerLikelihood: Double? = nil, profile: HomeMatchingProfile? = nil,
            authorityExclusion: String? = nil
        ) {
            self.home = home
            self.beds = beds
            self.residents = residents
            self.pastOffers = pastOffers
            self.pastAnswers = pastAnswers
            self.offerLikelihood = offerLikelihood
            self.profile = profile
            self.authorityExclusion = authorityExclusion
        }
    }

    /// A rule that keeps a home off the list.
    public enum Exclusion: String, Hashable, Sendable, CaseIterable {
        case sexOutsideRegistration = "sex-outside-registration"
        case ageOutsideRegistration = "age-outside-registration"
        case onlyJusticeBedsVacant = "only-justice-beds-vacant"
        case noVacantBed = "no-vacant-bed"
        case noRoomForNeeds = "no-room-for-needs"
        case statedExclusion = "stated-exclusion"
        case authorityExclusion = "authority-exclusion"

        public var name: String {
            switch self {
            case .sexOutsideRegistration: "Not registered for the child's sex"
            case .ageOutsideRegistration: "Not registered for the child's age"
            case .onlyJusticeBedsVacant: "Its only vacant beds are contracted to the Youth Custody Service"
            case .noVacantBed: "No vacant bed on the date needed"
            case .noRoomForNeeds: "No vacant bed in a room with what the child needs"
            case .statedExclusion: "The home says it cannot take this child"
            case .authorityExclusion: "The child's authority does not use this home"
            }
        }
    }

    /// One named part of a home's score.
    public struct ScorePart: Hashable, Sendable {
        public enum Kind: String, Hashable, Sendable, CaseIterable {
            case distance, specialisms, compatibility, pastOffers = "past-offers"
            case likelihoodOfOffer = "likelihood-of-offer"

            public var name: String {
                switch self {
                case .distance: "Distance from home"
                case .specialisms: "Specialisms for the child's needs"
                case .compatibility: "Compatibility with the children there"
                case .pastOffers: "Offers to similar children before"
                case .likelihoodOfOffer: "Likelihood of an offer"
                }
            }
        }

        public var kind: Kind
        /// Points added (or taken away, when negative).
        public var contribution: Double
        /// The facts behind it, in words.
        public var detail: String
    }

    public struct RankedHome: Hashable, Sendable {
        public var home: SecureHome
        public var score: Double
        public var parts: [ScorePart]
        public var distanceKilometres: Double
        /// What the rooms of its vacant welfare beds offer, when the home has said.
        public var roomFeatures: Set<RoomFeature>
        /// The fitted model's chance of an offer or, before any fit, the smoothed share of
        /// similar children the home offered to before: 0 to 1.
        public var offerLikelihood: Double
    }

    public struct ExcludedHome: Hashable, Sendable {
        public var home: SecureHome
        public var reasons: [Exclusion]
        /// The home's own statements and the authority's reason, in words.
        public var details: [String]
    }

    public struct Ranking: Hashable, Sendable {
        /// Best first.
        public var ranked: [RankedHome]
        public var excluded: [ExcludedHome]
    }

    /// How much each part weighs. Defaults, documented in docs/matching.md; configurable.
    public struct Weights: Hashable, Sendable {
        /// Points taken away per 100 km.
        public var perHundredKilometres: Double
        /// Points when the home specialises in every one of the child's needs.
        public var allNeedsMet: Double
        /// Points for a home certain to offer (scaled by the smoothed past offer rate).
        public var certainOffer: Double

        public static let standard = Weights(perHundredKilometres: 10, allNeedsMet: 20, certainOffer: 30)

        public init(perHundredKilometres: Double, allNeedsMet: Double, certainOffer: Double) {
            self.perHundredKilometres = perHundredKilometres
            self.allNeedsMet = allNeedsMet
            self.certainOffer = certainOffer
        }
    }

    /// What makes a child a poor fit with the children already there, and what each costs.
    public struct CompatibilityRules: Hashable, Sendable {
        /// A resident more than this many years older or younger counts against the home.
        public var largestAgeGap: Int
        public var pointsPerAgeGap: Double
        /// Pairs of needs that should not share a home without a plan: the child with one, a
        /// resident with the other.
        public var conflictingFlags: [Set<NeedFlag>]
        public var pointsPerConflict: Double
        /// Points when every resident is of the other sex.
        public var onlyChildOfTheirSex: Double

        public static let standard = CompatibilityRules(
            largestAgeGap: 3, pointsPerAgeGap: 3,
            conflictingFlags: [
                [.harmfulSexualBehaviour, .sexualExploitation], [.gangAssociation, .criminalExploitation],
            ], pointsPerConflict: 8, onlyChildOfTheirSex: 4)

        public init(
            largestAgeGap: Int, pointsPerAgeGap: Double, conflictingFlags: [Set<NeedFlag>], pointsPerConflict: Double,
            onlyChildOfTheirSex: Double
        ) {
            self.largestAgeGap = largestAgeGap
            self.pointsPerAgeGap = pointsPerAgeGap
            self.conflictingFlags = conflictingFlags
            self.pointsPerConflict = pointsPerConflict
            self.onlyChildOfTheirSex = onlyChildOfTheirSex
        }
    }

    public static func rank(
        _ child: ChildFacts, homes: [HomeFacts], weights: Weights = .standard,
        rules: CompatibilityRules = .standard
    ) -> Ranking {
        var ranked: [RankedHome] = []
        var excluded: [ExcludedHome] = []
        for facts in homes {
            let reasons = exclusions(of: facts, for: child)
            guard reasons.isEmpty else {
                let details =
                    (facts.profile?.statements(against: child.flags, age: child.age) ?? [])
                    + (facts.authorityExclusion.map { ["the authority: \($0)"] } ?? [])
                excluded.append(ExcludedHome(home: facts.home, reasons: reasons, details: details))
                continue
            }
            let kilometres = child.homeArea.kilometres(to: facts.home.location)
            let parts = [
                ScorePart(
                    kind: .distance, contribution: -weights.perHundredKilometres * kilometres / 100,
                    detail: "\(Int(kilometres.rounded())) km"),
                specialismPart(facts.home, child, weights),
                compatibilityPart(facts.residents, child, rules),
                facts.offerLikelihood.map { likelihoodPart($0, weights) } ?? pastOffersPart(facts, weights),
            ]
            ranked.append(
                RankedHome(
                    home: facts.home, score: parts.reduce(0) { $0 + $1.contribution }, parts: parts,
                    distanceKilometres: kilometres, roomFeatures: roomFeatures(of: facts),
                    offerLikelihood: facts.offerLikelihood ?? pastOfferRate(facts)))
        }
        ranked.sort { ($0.score, $1.home.name) > ($1.score, $0.home.name) }
        excluded.sort { $0.home.name < $1.home.name }
        return Ranking(ranked: ranked, excluded: excluded)
    }

    /// Every hard rule the home fails for this child, in a fixed order.
    static func exclusions(of facts: HomeFacts, for child: ChildFacts) -> [Exclusion] {
        var reasons: [Exclusion] = []
        if !facts.home.acceptedSexes.contains(child.sex) { reasons.append(.sexOutsideRegistration) }
        if !facts.home.ages.contains(child.age) { reasons.append(.ageOutsideRegistration) }
        let vacant = facts.beds.filter { $0.value == .vacant }.map(\.key)
        if vacant.isEmpty {
            reasons.append(.noVacantBed)
        } else if !vacant.contains(where: \.kind.takesWelfarePlacements) {
            reasons.append(.onlyJusticeBedsVacant)
        } else if !child.roomNeeds.isEmpty,
            !vacant.contains(where: { $0.kind.takesWelfarePlacements && roomMeets(child.roomNeeds, $0, facts) })
        {
            reasons.append(.noRoomForNeeds)
        }
        if let profile = facts.profile, !profile.statements(against: child.flags, age: child.age).isEmpty {
            reasons.append(.statedExclusion)
        }
        if facts.authorityExclusion != nil { reasons.append(.authorityExclusion) }
        return reasons
    }

    /// Whether a bed's room has everything the child needs; a home that has not described its
    /// rooms has none that can be counted on.
    public static func roomMeets(_ needs: Set<RoomFeature>, _ bed: Bed, _ facts: HomeFacts) -> Bool {
        needs.isSubset(of: facts.profile?.rooms[bed.id] ?? [])
    }

    static func roomFeatures(of facts: HomeFacts) -> Set<RoomFeature> {
        guard let rooms = facts.profile?.rooms else { return [] }
        return facts.beds.filter { $0.value == .vacant && $0.key.kind.takesWelfarePlacements }
            .reduce(into: Set<RoomFeature>()) { $0.formUnion(rooms[$1.key.id] ?? []) }
    }

    static func specialismPart(_ home: SecureHome, _ child: ChildFacts, _ weights: Weights) -> ScorePart {
        guard !child.flags.isEmpty else {
            return ScorePart(kind: .specialisms, contribution: 0, detail: "No needs recorded")
        }
        let met = child.flags.intersection(home.specialisms)
        let share = Double(met.count) / Double(child.flags.count)
        let names = met.sorted().map(\.name).joined(separator: ", ")
        return ScorePart(
            kind: .specialisms, contribution: weights.allNeedsMet * share,
            detail: "Meets \(met.count) of \(child.flags.count) needs" + (met.isEmpty ? "" : ": \(names)"))
    }

    static func compatibilityPart(_ residents: [Resident], _ child: ChildFacts, _ rules: CompatibilityRules)
        -> ScorePart
    {
        var points = 0.0
        var notes: [String] = []
        let gaps = residents.count { abs($0.age - child.age) > rules.largestAgeGap }
        if gaps > 0 {
            points -= rules.pointsPerAgeGap * Double(gaps)
            notes.append("\(gaps) more than \(rules.largestAgeGap) years apart in age")
        }
        let conflicts = riskMixes(child: child.flags, residents: residents, rules: rules)
        if conflicts > 0 {
            points -= rules.pointsPerConflict * Double(conflicts)
            notes.append("\(conflicts) mix\(conflicts == 1 ? "" : "es") of risks to plan for")
        }
        if !residents.isEmpty, residents.allSatisfy({ $0.sex != child.sex }) {
            points -= rules.onlyChildOfTheirSex
            notes.append("would be the only \(child.sex == .male ? "boy" : "girl")")
        }
        let detail =
            residents.isEmpty
            ? "No children there now"
            : notes.isEmpty ? "No concerns with the \(residents.count) children there" : notes.joined(separator: "; ")
        return ScorePart(kind: .compatibility, contribution: points, detail: detail)
    }

    /// How many pairs of the child's and a resident's flags the rules say to plan for.
    static func riskMixes(child flags: Set<NeedFlag>, residents: [Resident], rules: CompatibilityRules) -> Int {
        var conflicts = 0
        for resident in residents {
            for pair in rules.conflictingFlags where pair.count == 2 {
                let ordered = pair.sorted()
                if (flags.contains(ordered[0]) && resident.flags.contains(ordered[1]))
                    || (flags.contains(ordered[1]) && resident.flags.contains(ordered[0]))
                {
                    conflicts += 1
                }
            }
        }
        return conflicts
    }

    /// The home's past offer rate for children like this one, smoothed towards a half so that
    /// a home with few answers is neither favoured nor penalised much.
    static func pastOfferRate(_ facts: HomeFacts) -> Double {
        smoothedRate(offers: facts.pastOffers, answers: facts.pastAnswers)
    }

    /// One offer and one decline added, so a home with few answers is not put at 0 or 1.
    static func smoothedRate(offers: Int, answers: Int) -> Double {
        (Double(offers) + 1) / (Double(answers) + 2)
    }

    static func likelihoodPart(_ likelihood: Double, _ weights: Weights) -> ScorePart {
        ScorePart(
            kind: .likelihoodOfOffer, contribution: weights.certainOffer * likelihood,
            detail: "\(Int((likelihood * 100).rounded()))% chance of an offer (fitted model)")
    }

    static func pastOffersPart(_ facts: HomeFacts, _ weights: Weights) -> ScorePart {
        let rate = pastOfferRate(facts)
        let detail =
            facts.pastAnswers == 0
            ? "No answers to similar children yet"
            : "Offered to \(facts.pastOffers) of \(facts.pastAnswers) similar children"
        return ScorePart(kind: .pastOffers, contribution: weights.certainOffer * rate, detail: detail)
    }
}
