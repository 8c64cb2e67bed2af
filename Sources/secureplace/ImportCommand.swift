import ArgumentParser
import Coordination
import Foundation
import SecurePlaceCore
import Storage

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Load records that other systems keep.",
        subcommands: [SSDA903.self])

    struct SSDA903: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "ssda903",
            abstract: "Load an authority's children-looked-after return (SSDA903 header and episodes files).",
            discussion: """
                The header file has the columns \(LookedAfterReturnFiles.headerColumns.joined(separator: ",")); \
                the episodes file \(LookedAfterReturnFiles.episodeColumns.joined(separator: ",")) \
                (other columns are ignored; dates dd/mm/yyyy). Every code is checked against the \
                Department's lists and every problem is reported with its file, line and column; \
                nothing is written unless both files are right. Each child is linked to the \
                service's child by the authority's reference (CHILD) or, when the service does not \
                hold that reference, by being the authority's one child with that date of birth and \
                sex; the episodes of linked children are kept and used for the outcomes in the \
                year after each referral. Children the service was never asked to place are not \
                kept. Loading the same files again changes nothing: an episode replaces the one held \
                for the same child and start date.
                """)

        @OptionGroup var databaseOptions: DatabaseOptions

        @Option(help: "The header file (one row per child).")
        var header: String

        @Option(help: "The episodes file (one row per episode).")
        var episodes: String

        @Option(help: "The ONS code of the authority whose return this is, such as E08000035.")
        var authority: String

        func run() async throws {
            let files: LookedAfterReturnFiles
            do {
                files = try LookedAfterReturnFiles(
                    headerFile: header, headerText: try readText(header), episodesFile: episodes,
                    episodesText: try readText(episodes), today: CalendarDate(containing: Date()))
            } catch let failure as ImportFailure {
                throw Self.refuse(failure)
            }
            let authority = authority
            let report: LookedAfterImportReport
            do {
                report = try await withStandaloneDatabase(try databaseOptions.url()) { store in
                    try await ImportLookedAfterReturn(store: store)(files, authorityCode: authority, at: Date())
                }
            } catch let failure as ImportFailure {
                throw Self.refuse(failure)
            } catch let error as UnknownCodeError {
                throw ValidationError("--authority: \(error.description); load the reference data or check the code.")
            }
            print(
                "\(report.childrenInFile) children in the return: \(report.linkedByReference) linked by the authority's reference, \(report.linkedByBirthAndSex) by date of birth and sex, \(report.notLinked.count) not known to the service (not kept)."
            )
            print("Episodes: \(report.episodesAdded) added, \(report.episodesReplaced) replaced.")
        }

        private static func refuse(_ failure: ImportFailure) -> ExitCode {
            FileHandle.standardError.write(
                Data("Nothing was imported. Fix these and try again:\n\(failure.description)\n".utf8))
            return ExitCode.failure
        }
    }
}
