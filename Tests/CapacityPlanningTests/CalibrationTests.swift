import Foundation
import SecurePlaceCore
import Testing

@testable import CapacityPlanning

@Suite("Calibration from history")
struct CalibrationTests {
    typealias Make = SimulationFactories

    static func home(_ name: String, sexes: Set<Sex> = [.male, .female], ages: ClosedRange<Int> = 10...17)
        -> PlanningHistory.Home
    {
        PlanningHistory.Home(
            name: name, region: "North", location: Make.place(0), openWelfareBeds: 7.6, openJusticeBeds: 4,
            openFlexibleBeds: 1, registeredBeds: 14, acceptedSexes: sexes, ages: ages)
    }

    /// History drawn from known values: 12 referrals a month, stays lognormal with median
    /// 90 days and σ 0.6, a home that offers to 70% of children.
    static func knownHistory() -> PlanningHistory {
        var generator = SeededRandomNumberGenerator(seed: 42)
        let days = 3 * 365.25
        var referrals: [PlanningHistory.Referral] = []
        var day = generator.nextExponential(mean: SimulationModel.daysPerMonth / 12)
        while day < days {
            let profile = generator.chance(0.3) ? Make.olderBoyWithOffending : Make.youngerGirl
            referrals.append(.init(region: "North", origin: Make.place(0), profile: profile, day: day))
            day += generator.nextExponential(mean: SimulationModel.daysPerMonth / 12)
        }
        let stays = (0..<400).map { index in
            PlanningHistory.Stay(days: generator.nextLogNormal(median: 90, sigma: 0.6), hasEnded: index < 360)
        }
        let responses = (0..<500).map { _ in
            let offered = generator.chance(0.7)
            return PlanningHistory.Response(
                home: "A", profile: Make.youngerGirl, offered: offered,
                declinedOnlyForLackOfBeds: false)
        }
        let noBed = (0..<200).map { _ in
            PlanningHistory.Response(
                home: "A", profile: Make.youngerGirl, offered: false, declinedOnlyForLackOfBeds: true)
        }
        return PlanningHistory(
            observedDays: days, regions: ["North", "South"], referrals: referrals, stays: stays,
            responses: responses + noBed, homes: [home("A"), home("Girls only", sexes: [.female], ages: 13...17)])
    }

    @Test func recoversTheValuesHistoryWasDrawnFrom() throws {
        let calibration = try Calibration.estimate(from: Self.knownHistory())
        let north = calibration.regions[0]
        #expect(north.referralsPerMonth.contains(12))
        #expect(north.referralsPerMonth.halfWidth < 1.5)
        #expect(calibration.regions[1].referrals == 0)
        #expect(calibration.regions[1].referralsPerMonth.value == 0)
        #expect(calibration.stay.medianDays.contains(90))
        #expect(abs(calibration.stay.logStandardDeviation - 0.6) < 0.06)
        #expect(calibration.stay.endedStays == 360 && calibration.stay.ongoingStays == 40)
        let home = calibration.homes[0]
        #expect(home.responses == 500)
        #expect(home.offerRate.contains(0.7))
        // Boys never responded to: the home's overall rate stands in for them.
        #expect(abs(home.offerProbabilities[Make.olderBoyWithOffending.index] - home.offerRate.value) < 1e-9)
    }

    @Test func registrationRulesOutSexesAndAgesAHomeDoesNotTake() throws {
        let calibration = try Calibration.estimate(from: Self.knownHistory())
        let girlsOnly = calibration.homes[1]
        #expect(girlsOnly.offerProbabilities[Make.olderBoyWithOffending.index] == 0)
        let under13Girl = ChildProfile(
            route: .welfare, sex: .female, ageBand: .under13, hasFlagAssociatedWithRefusal: false)
        #expect(girlsOnly.offerProbabilities[under13Girl.index] == 0)
        #expect(girlsOnly.offerProbabilities[Make.youngerGirl.index] == 1)
    }

    @Test func theModelUsesOpenBedsNotRegisteredOnes() throws {
        let model = try Calibration.estimate(from: Self.knownHistory()).model(maximumWaitDays: 10)
        #expect(model.homes[0].welfareBeds == 8 && model.homes[0].justiceBeds == 0)
        #expect(model.homes[0].totalBeds == 9)
        #expect(model.maximumWaitDays == 10)
        #expect(abs(model.welfareStay.meanDays - 90 * exp(0.18)) < 10)
    }

    @Test func emptyHistoryIsRefusedWithAReason() {
        var history = Self.knownHistory()
        history.stays = history.stays.map { .init(days: $0.days, hasEnded: false) }
        #expect(throws: CalibrationError.noEndedStays) { try Calibration.estimate(from: history) }
        history.observedDays = 0
        #expect(throws: CalibrationError.noObservedPeriod) { try Calibration.estimate(from: history) }
    }
}
