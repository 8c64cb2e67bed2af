import SecurePlaceCore
import Testing

@testable import Statistics

/// Expected figures are worked out by hand from the referrals each test builds.
@Suite("The year after referral: moves, custody, other secure placements and re-referral")
struct YearAfterReferralTests {
    static func day(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }
    typealias Spell = FollowedReferral.Spell

    static let placed = FollowedReferral(
        wasPlaced: true, referredOn: day("2025-01-10"), decidedOn: day("2025-01-12"),
        securePlacementStartedOn: day("2025-01-12"),
        spells: [
            Spell(startedOn: day("2025-01-12"), type: .secureChildrensHome),  // this referral's placement
            Spell(startedOn: day("2025-04-01"), type: .childrensHome),
            Spell(startedOn: day("2025-09-01"), type: .fosterWithOtherCarerShortTerm),
            Spell(startedOn: day("2026-01-10"), type: .youngOffenderInstitution),  // the anniversary: not in the year
        ])

    static let unplaced = FollowedReferral(
        wasPlaced: false, referredOn: day("2025-02-01"), decidedOn: day("2025-02-05"),
        spells: [
            Spell(startedOn: day("2025-01-01"), type: .childrensHome),  // before the referral
            Spell(startedOn: day("2025-02-05"), type: .childrensHome),
            Spell(startedOn: day("2025-03-01"), type: .youngOffenderInstitution),
            Spell(startedOn: day("2025-06-01"), type: .secureChildrensHome),
            // A change of legal status only: not a new placement.
            Spell(startedOn: day("2025-07-01"), type: .secureChildrensHome, beginsPlacement: false),
        ],
        nextReferralOn: day("2025-05-01"), isOlderBoyWithRefusalFlag: true)

    /// Referred too recently to have had a whole year: counted only for re-referral, censored.
    static let recent = FollowedReferral(
        wasPlaced: false, referredOn: day("2026-01-01"), decidedOn: day("2026-01-03"),
        spells: [Spell(startedOn: day("2026-02-01"), type: .youngOffenderInstitution)])

    @Test("moves, custody and other secure placements are counted in the year after referral only")
    func countsInTheYear() throws {
        let figures = YearAfterReferral([Self.placed, Self.unplaced, Self.recent], asOf: Self.day("2026-06-01"))
        #expect(figures.placed.childrenFollowedAYear == 1)
        #expect(figures.placed.newPlacements == 2)
        #expect(figures.placed.custody == Proportion(0, of: 1))
        #expect(figures.placed.otherSecurePlacement == Proportion(0, of: 1))
        let perChild = try #require(figures.placed.newPlacementsPerChild)
        #expect(perChild == EventCount(2).interval().scaled(by: 1))

        #expect(figures.unplaced.childrenFollowedAYear == 1, "the recent referral has not had its year")
        #expect(figures.unplaced.newPlacements == 3)
        #expect(figures.unplaced.custody == Proportion(1, of: 1))
        #expect(figures.unplaced.otherSecurePlacement == Proportion(1, of: 1))
        #expect(figures.olderBoysWithRefusalFlags.childrenFollowedAYear == 1)
    }

    @Test("re-referral is followed from the decision, with a referral not yet referred again censored")
    func reReferral() {
        let figures = YearAfterReferral([Self.placed, Self.unplaced, Self.recent], asOf: Self.day("2026-06-01"))
        // Unplaced: referred again 85 days after the decision; the recent one censored at 149 days.
        #expect(figures.unplaced.reReferral.observations == 2)
        #expect(figures.unplaced.reReferral.events == 1)
        #expect(abs(figures.unplaced.reReferredWithinAYear.estimate - 0.5) < 1e-12)
        #expect(figures.placed.reReferral.events == 0)
        #expect(figures.placed.reReferredWithinAYear.estimate == 0)
    }

    @Test("a sentence to custody ending a spell in the year counts as custody")
    func custodySentence() {
        let sentenced = FollowedReferral(
            wasPlaced: true, referredOn: Self.day("2025-01-10"), decidedOn: Self.day("2025-01-12"),
            securePlacementStartedOn: Self.day("2025-01-12"),
            spells: [
                Spell(
                    startedOn: Self.day("2025-01-12"), type: .secureChildrensHome, endedOn: Self.day("2025-03-01"),
                    endedInCustodySentence: true)
            ])
        let later = FollowedReferral(
            wasPlaced: true, referredOn: Self.day("2025-01-10"), decidedOn: Self.day("2025-01-12"),
            securePlacementStartedOn: Self.day("2025-01-12"),
            spells: [
                Spell(
                    startedOn: Self.day("2025-01-12"), type: .secureChildrensHome, endedOn: Self.day("2026-03-01"),
                    endedInCustodySentence: true)
            ])
        let figures = YearAfterReferral([sentenced, later], asOf: Self.day("2026-06-01"))
        #expect(figures.placed.custody == Proportion(1, of: 2), "the second sentence came after the year")
        #expect(figures.placed.newPlacements == 0)
    }

    @Test("an authority's follow-up checks add what the service's episodes do not show, and only in the year")
    func followUpChecks() {
        func check(_ iso: String, _ placement: PlacementType, moves: Int, custody: Bool = false) -> FollowUpCheck {
            FollowUpCheck(dueOn: Self.day(iso), placement: placement, movesSinceLastCheck: moves, inCustody: custody)
        }
        // Unplaced on 5 February 2025 with one episode of its own (a children's home).
        let reported = FollowedReferral(
            wasPlaced: false, referredOn: Self.day("2025-02-01"), decidedOn: Self.day("2025-02-05"),
            spells: [Spell(startedOn: Self.day("2025-02-05"), type: .childrensHome)],
            checks: [
                check("2025-02-12", .childrensHome, moves: 0),
                check("2025-03-05", .fosterWithOtherCarerShortTerm, moves: 2),
                check("2025-05-06", .secureChildrensHome, moves: 1),
                // The 12-month check finds the child in custody, with one more move.
                check("2026-02-05", .youngOffenderInstitution, moves: 1, custody: true),
            ])
        // Placed, with episodes showing two moves; the checks report one: the larger is taken.
        let placedWithFewerReported = FollowedReferral(
            wasPlaced: true, referredOn: Self.day("2025-01-10"), decidedOn: Self.day("2025-01-12"),
            securePlacementStartedOn: Self.day("2025-01-12"),
            spells: [
                Spell(startedOn: Self.day("2025-01-12"), type: .secureChildrensHome),
                Spell(startedOn: Self.day("2025-04-01"), type: .childrensHome),
                Spell(startedOn: Self.day("2025-09-01"), type: .childrensHome),
            ],
            checks: [
                check("2025-04-12", .childrensHome, moves: 1),
                // Due after the year of checks: not counted.
                check("2026-03-01", .youngOffenderInstitution, moves: 4, custody: true),
            ])
        let figures = YearAfterReferral([reported, placedWithFewerReported], asOf: Self.day("2026-06-01"))
        #expect(figures.unplaced.newPlacements == 4)
        #expect(figures.unplaced.custody == Proportion(1, of: 1))
        #expect(figures.unplaced.otherSecurePlacement == Proportion(1, of: 1))
        #expect(figures.placed.newPlacements == 2)
        #expect(figures.placed.custody == Proportion(0, of: 1))
    }
}
