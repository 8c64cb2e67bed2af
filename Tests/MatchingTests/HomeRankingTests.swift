import Foundation
import Matching
import SecurePlaceCore
import Testing

@Suite("Ranking homes for a child, with reasons")
struct HomeRankingTests {
    static let manchester = Coordinate(latitude: 53.48, longitude: -2.24)

    static func home(
        _ name: String, at location: Coordinate = manchester, sexes: Set<Sex> = [.male, .female],
        ages: ClosedRange<Int> = 10...17, specialisms: Set<NeedFlag> = []
    ) -> SecureHome {
        SecureHome(
            id: UUID(), reference: "SCH-\(name)", name: name, region: .northWest, localAuthorityCode: "E08000003",
            location: location, acceptedSexes: sexes, ages: ages, specialisms: specialisms)
    }

    static func facts(
        _ home: SecureHome, beds: [(BedKind, BedStatus)] = [(.welfare, .vacant)],
        residents: [HomeRanking.Resident] = [], offers: Int = 0, answers: Int = 0
    ) -> HomeRanking.HomeFacts {
        var statuses: [Bed: BedStatus] = [:]
        for (index, (kind, status)) in beds.enumerated() {
            statuses[Bed(id: UUID(), homeID: home.id, label: "Room \(index + 1)", kind: kind)] = status
        }
        return HomeRanking.HomeFacts(
            home: home, beds: statuses, residents: residents, pastOffers: offers, pastAnswers: answers)
    }

    static let boy = HomeRanking.ChildFacts(
        sex: .male, age: 16, flags: [.offendingHistory, .gangAssociation], homeArea: manchester)

    @Test("every rule that excludes a home is given, and excluded homes are not ranked")
    func exclusionsWithEveryReason() {
        let girlsOnly = Self.home("Girls", sexes: [.female], ages: 10...15)
        let full = Self.home("Full")
        let justice = Self.home("Justice")
        let open = Self.home("Open")
        let ranking = HomeRanking.rank(
            Self.boy,
            homes: [
                Self.facts(girlsOnly), Self.facts(full, beds: [(.welfare, .occupied), (.either, .reserved)]),
                Self.facts(justice, beds: [(.justice, .vacant), (.welfare, .closed(.staffing))]), Self.facts(open),
            ])
        #expect(ranking.ranked.map(\.home.name) == ["Open"])
        let reasons = Dictionary(uniqueKeysWithValues: ranking.excluded.map { ($0.home.name, $0.reasons) })
        #expect(reasons["Girls"] == [.sexOutsideRegistration, .ageOutsideRegistration])
        #expect(reasons["Full"] == [.noVacantBed])
        #expect(reasons["Justice"] == [.onlyJusticeBedsVacant])
    }

    @Test("a child whose room must be step-free is matched only where a vacant welfare bed's room is")
    func roomNeeds() {
        func described(_ name: String, rooms: [(BedKind, BedStatus, Set<RoomFeature>)]) -> HomeRanking.HomeFacts {
            let home = Self.home(name)
            var statuses: [Bed: BedStatus] = [:]
            var features: [UUID: Set<RoomFeature>] = [:]
            for (index, (kind, status, roomFeatures)) in rooms.enumerated() {
                let bed = Bed(id: UUID(), homeID: home.id, label: "Room \(index + 1)", kind: kind)
                statuses[bed] = status
                features[bed.id] = roomFeatures
            }
            return HomeRanking.HomeFacts(
                home: home, beds: statuses, profile: HomeMatchingProfile(homeID: home.id, rooms: features))
        }
        var child = Self.boy
        child.roomNeeds = [.stepFree]
        let homes = [
            described("Step-free and vacant", rooms: [(.welfare, .vacant, [.stepFree, .enSuite])]),
            // Its step-free room is taken; the vacant one has stairs.
            described("Step-free but taken", rooms: [(.welfare, .occupied, [.stepFree]), (.welfare, .vacant, [])]),
            // Its only step-free vacant bed is contracted to the Youth Custody Service.
            described("Step-free justice bed", rooms: [(.justice, .vacant, [.stepFree]), (.welfare, .vacant, [])]),
            Self.facts(Self.home("Rooms not described")),
        ]
        let ranking = HomeRanking.rank(child, homes: homes)
        #expect(ranking.ranked.map(\.home.name) == ["Step-free and vacant"])
        let reasons = Dictionary(uniqueKeysWithValues: ranking.excluded.map { ($0.home.name, $0.reasons) })
        #expect(reasons["Step-free but taken"] == [.noRoomForNeeds])
        #expect(reasons["Step-free justice bed"] == [.noRoomForNeeds])
        #expect(reasons["Rooms not described"] == [.noRoomForNeeds])
        // Without the need, all four can take the child.
        #expect(HomeRanking.rank(Self.boy, homes: homes).ranked.count == 4)
    }

    @Test("the score is the sum of its named parts, and nearer homes rank higher, all else equal")
    func distance() throws {
        let near = Self.home("Near", at: Coordinate(latitude: 53.8, longitude: -1.55))  // Leeds, about 57 km
        let far = Self.home("Far", at: Coordinate(latitude: 50.72, longitude: -3.53))  // Exeter, about 330 km
        let ranking = HomeRanking.rank(Self.boy, homes: [Self.facts(far), Self.facts(near)])
        #expect(ranking.ranked.map(\.home.name) == ["Near", "Far"])
        let top = try #require(ranking.ranked.first)
        #expect(abs(top.score - top.parts.reduce(0) { $0 + $1.contribution }) < 1e-9)
        #expect(top.parts.map(\.kind) == [.distance, .specialisms, .compatibility, .pastOffers])
        #expect((50...65).contains(Int(top.distanceKilometres)), "\(top.distanceKilometres)")
        #expect(top.parts.first?.detail == "\(Int(top.distanceKilometres.rounded())) km")
    }

    @Test("a home that specialises in the child's needs ranks above a nearer one that does not")
    func specialisms() {
        let near = Self.home("Near")
        let specialist = Self.home(
            "Specialist", at: Coordinate(latitude: 53.8, longitude: -1.55),
            specialisms: [.offendingHistory, .gangAssociation])
        let ranking = HomeRanking.rank(Self.boy, homes: [Self.facts(near), Self.facts(specialist)])
        #expect(ranking.ranked.map(\.home.name) == ["Specialist", "Near"])
        #expect(ranking.ranked.first?.parts[1].detail.hasPrefix("Meets 2 of 2 needs") == true)
    }

    @Test("compatibility counts age gaps, risky mixes and being the only child of their sex")
    func compatibility() {
        let mixed = Self.home("Mixed")
        let residents = [
            HomeRanking.Resident(sex: .female, age: 12, flags: [.sexualExploitation]),
            HomeRanking.Resident(sex: .female, age: 15, flags: [.criminalExploitation]),
        ]
        let ranking = HomeRanking.rank(Self.boy, homes: [Self.facts(mixed, residents: residents)])
        let part = ranking.ranked.first?.parts.first { $0.kind == .compatibility }
        let rules = HomeRanking.CompatibilityRules.standard
        #expect(part?.contribution == -(rules.pointsPerAgeGap + rules.pointsPerConflict + rules.onlyChildOfTheirSex))
        #expect(part?.detail == "1 more than 3 years apart in age; 1 mix of risks to plan for; would be the only boy")
    }

    @Test("past offers to similar children order homes, smoothed so that few answers say little")
    func pastOffers() {
        let often = Self.home("Often")
        let never = Self.home("Never")
        let unknown = Self.home("Unknown")
        let ranking = HomeRanking.rank(
            Self.boy,
            homes: [
                Self.facts(never, offers: 0, answers: 8), Self.facts(unknown), Self.facts(often, offers: 7, answers: 8),
            ])
        #expect(ranking.ranked.map(\.home.name) == ["Often", "Unknown", "Never"])
        #expect(ranking.ranked.last?.parts.last?.detail == "Offered to 0 of 8 similar children")
        #expect(ranking.ranked.last.map { $0.parts.last!.contribution > 0 } == true, "ordering, never refusing")
    }

    @Test(
        "once a model is fitted its likelihood of an offer takes the place of past offers, and orders, never excludes")
    func fittedLikelihood() throws {
        let likely = Self.home("Likely")
        let unlikely = Self.home("Unlikely")
        var likelyFacts = Self.facts(likely, offers: 0, answers: 8)
        likelyFacts.offerLikelihood = 0.8
        var unlikelyFacts = Self.facts(unlikely, offers: 8, answers: 8)
        unlikelyFacts.offerLikelihood = 0.02
        let ranking = HomeRanking.rank(Self.boy, homes: [unlikelyFacts, likelyFacts])
        #expect(ranking.ranked.map(\.home.name) == ["Likely", "Unlikely"])
        let top = try #require(ranking.ranked.first)
        #expect(top.offerLikelihood == 0.8)
        let part = try #require(top.parts.last)
        #expect(part.kind == .likelihoodOfOffer && part.detail == "80% chance of an offer (fitted model)")
        #expect(abs(part.contribution - HomeRanking.Weights.standard.certainOffer * 0.8) < 1e-12)
        #expect(ranking.excluded.isEmpty)
    }
}
