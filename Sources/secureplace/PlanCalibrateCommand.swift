import ArgumentParser
import CapacityPlanning
import Coordination
import Foundation

extension PlanCommand {
    struct Calibrate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Estimate arrival rates, lengths of stay and offer rates from the service's history.",
            discussion: """
                Referral rates per region are Poisson rates with 95% intervals; stays are fitted as a \
                lognormal (median with its interval); each home's offer rate counts only answers about \
                the child, not declines for lack of a bed, with a Wilson interval. Open beds are \
                registered beds less the time they spent closed.
                """)

        @OptionGroup var databaseOptions: DatabaseOptions
        @OptionGroup var model: ModelOptions

        @Option(help: "text or json.")
        var format: OutputFormat = .text

        struct Output: Encodable {
            struct Region: Encodable {
                var name: String
                var referrals: Int
                var referralsPerMonth: Estimate
            }
            struct Home: Encodable {
                var name: String
                var region: String
                var registeredBeds: Int
                var openWelfareBeds: Double
                var openJusticeBeds: Double
                var openFlexibleBeds: Double
                var responses: Int
                var offerRate: Estimate
            }
            var syntheticDemoData: Bool
            var observedDays: Double
            var regions: [Region]
            var endedStays: Int
            var ongoingStays: Int
            var medianStayDays: Estimate
            var meanStayDays: Double
            var logStandardDeviation: Double
            var homes: [Home]
            var homesApproachedPerReferral: Estimate?
        }

        func run() async throws {
            let (inputs, isDemo) = try await model.inputs(try databaseOptions.url())
            let calibration = inputs.calibration
            let output = Output(
                syntheticDemoData: isDemo, observedDays: calibration.observedDays,
                regions: calibration.regions.map {
                    .init(name: $0.name, referrals: $0.referrals, referralsPerMonth: $0.referralsPerMonth)
                },
                endedStays: calibration.stay.endedStays, ongoingStays: calibration.stay.ongoingStays,
                medianStayDays: calibration.stay.medianDays, meanStayDays: calibration.stay.meanDays,
                logStandardDeviation: calibration.stay.logStandardDeviation,
                homes: calibration.homes.map {
                    .init(
                        name: $0.home.name, region: $0.home.region, registeredBeds: $0.home.registeredBeds,
                        openWelfareBeds: $0.home.openWelfareBeds, openJusticeBeds: $0.home.openJusticeBeds,
                        openFlexibleBeds: $0.home.openFlexibleBeds, responses: $0.responses, offerRate: $0.offerRate)
                }, homesApproachedPerReferral: calibration.homesApproached)
            if format == .json { return try printJSON(output) }
            if isDemo { print("SYNTHETIC DEMO DATA — not real children or homes.") }
            print(String(format: "History: %.0f days (%.1f years).", output.observedDays, output.observedDays / 365.25))
            print("\nReferrals per month by region (95% interval):")
            for region in output.regions {
                let rate = region.referralsPerMonth
                print(
                    String(
                        format: "  %-26@ %5.2f (%.2f–%.2f)  from %d referrals", region.name as NSString, rate.value,
                        rate.lower, rate.upper, region.referrals))
            }
            let median = output.medianStayDays
            print(
                String(
                    format:
                        "\nLength of stay: lognormal, median %.0f days (%.0f–%.0f), mean %.0f days, σ %.2f;\n  from %d ended stays (%d still running are left out: the fit leans short when that is many).",
                    median.value, median.lower, median.upper, output.meanStayDays, output.logStandardDeviation,
                    output.endedStays, output.ongoingStays))
            if let reach = output.homesApproachedPerReferral {
                print(
                    String(
                        format: "\nCirculation: a referral no home offered to reached %.1f homes (%.1f–%.1f).",
                        reach.value, reach.lower, reach.upper))
            }
            print("\nHomes: open beds on an average day (welfare / justice / either), offer rate (95% interval):")
            for home in output.homes {
                print(
                    String(
                        format: "  %-34@ %4.1f / %4.1f / %4.1f of %2d registered  offers %@ of %d answers",
                        home.name as NSString, home.openWelfareBeds, home.openJusticeBeds, home.openFlexibleBeds,
                        home.registeredBeds, home.offerRate.percentWithInterval as NSString, home.responses))
            }
        }
    }
}
