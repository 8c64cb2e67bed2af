import ArgumentParser
import Storage

struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Work with the tamper-evident audit trail.",
        subcommands: [Verify.self])

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Walk the audit hash chain and name the first event that was changed, removed or inserted.",
            discussion: "Exits 0 when the chain is intact and 1 when it is broken.")

        @OptionGroup var databaseOptions: DatabaseOptions

        func run() async throws {
            let url = try databaseOptions.url()
            let (count, problem) = try await withStandaloneDatabase(url) { store in
                (try await store.auditEvents().count, try await store.verifyAuditChain())
            }
            if let problem {
                print(problem.description)
                throw ExitCode.failure
            }
            print("The audit trail is intact: \(count) events, each sealed to the one before it.")
        }
    }
}
