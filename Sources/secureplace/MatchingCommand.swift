import ArgumentParser
import Coordination
import Foundation
import Storage

struct MatchingCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "matching",
        abstract: "The acceptance model that orders homes for each child and flags children at risk of no offer.",
        subcommands: [Fit.self])
}

extension MatchingCommand {
    struct Fit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Refit the acceptance model on every answer homes have given, and report how it does.",
            discussion: """
                A logistic model of the chance that a home offers (the home, the child's sex, age, \
                needs and urgency, the distance, the home's beds in use and its children on the day), \
                L2-regularised and fitted by Newton's method, so the same history gives the same model. \
                The report fits again on the earlier 80% of the answers and tests on the later 20%: \
                AUC, Brier score and calibration by tenth, against each home's own offer rate; and how \
                the no-offer flag would have done on the referrals of that later period. The new model \
                is used from now on to order homes and flag children. It never refuses a child.
                """)

        @OptionGroup var databaseOptions: DatabaseOptions

        @Option(help: "text or json.")
        var format: OutputFormat = .text

        @Option(help: "Flag referrals whose chance of no offer is at least this (0 to 1); kept for later fits.")
        var flagThreshold: Double?

        func run() async throws {
            let fitted = try await withStandaloneDatabase(try databaseOptions.url()) { store in
                let models = AcceptanceModels(store: store)
                if let flagThreshold { try await models.setFlagThreshold(flagThreshold) }
                return try await models.fit(fittedBy: "secureplace matching fit")
            }
            if format == .json { return try printJSON(fitted.report) }
            print(Self.describe(fitted.report))
        }

        static func describe(_ report: AcceptanceModels.Report) -> String {
            var lines = [
                "Acceptance model fitted on \(report.answers) answers (penalty \(report.penalty), "
                    + "\(report.iterations) Newton steps, \(report.converged ? "converged" : "NOT converged"))."
            ]
            guard let holdOut = report.holdOut else {
                lines.append("No hold-out: \(report.holdOutProblem ?? "not enough answers").")
                return lines.joined(separator: "\n")
            }
            lines.append(
                "Hold-out: fitted on the earlier \(holdOut.trainingAnswers) answers, tested on the "
                    + "\(holdOut.testAnswers) from \(holdOut.testFrom.formatted(.iso8601.year().month().day())).")
            lines.append(pad("", 30) + pad("model", 10) + pad("each home's rate", 18))
            lines.append(
                pad("AUC", 30) + pad(number(holdOut.model.areaUnderCurve), 10)
                    + pad(number(holdOut.baseline.areaUnderCurve), 18))
            lines.append(
                pad("Brier score", 30) + pad(number(holdOut.model.brierScore), 10)
                    + pad(number(holdOut.baseline.brierScore), 18))
            lines.append(
                pad("Expected calibration error", 30) + pad(number(holdOut.model.expectedCalibrationError), 10)
                    + pad(number(holdOut.baseline.expectedCalibrationError), 18))
            lines.append("Calibration of the model by tenth (answers, mean predicted, share offered):")
            for (index, band) in holdOut.model.calibration.enumerated() {
                lines.append(
                    "  \(pad(String(index + 1), 4))\(pad(String(band.count), 8))"
                        + "\(pad(number(band.meanPredicted), 8))\(number(band.observedShare))")
            }
            lines.append("The no-offer flag on referrals submitted in the hold-out period, outcome known:")
            for flag in report.flagBacktest {
                lines.append(
                    "  at \(number(flag.threshold, digits: 2))\(flag.threshold == report.flagThreshold ? " (in use)" : ""): "
                        + "\(flag.flagged) of \(flag.assessed) flagged; \(flag.flaggedAndUnplaced) of them went unplaced "
                        + "(\(percent(flag.precision))); \(flag.flaggedAndUnplaced) of \(flag.unplaced) unplaced "
                        + "were flagged (\(percent(flag.recall))).")
            }
            return lines.joined(separator: "\n")
        }

        static func pad(_ text: String, _ width: Int) -> String {
            text.padding(toLength: max(width, text.count + 1), withPad: " ", startingAt: 0)
        }

        static func number(_ value: Double?, digits: Int = 3) -> String {
            value.map { String(format: "%.\(digits)f", $0) } ?? "n/a"
        }

        static func percent(_ value: Double?) -> String {
            value.map { String(format: "%.0f%%", $0 * 100) } ?? "none"
        }
    }
}
