import ArgumentParser
import Coordination
import Storage
import WebApp

struct OrganisationsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "organisations",
        abstract: "Add organisations whose staff use the service (as the service's operator).",
        subcommands: [Create.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add an organisation.",
            discussion: """
                Kinds: local-authority (reference: its ONS code), secure-home (the home's reference),
                coordinating-unit, regulator (ofsted or ciw), service.
                """)

        @OptionGroup var databaseOptions: DatabaseOptions
        @ArgumentParser.Option(help: "Kind of organisation.") var kind: String
        @ArgumentParser.Option(help: "Name.") var name: String
        @ArgumentParser.Option(help: "Reference.") var reference: String

        func run() async throws {
            let url = try databaseOptions.url()
            let organisation = try await withStandaloneDatabase(url) { store in
                try await ManageUsers(store: store, passwords: BcryptPasswordHasher()).createOrganisation(
                    kind: kind, name: name, reference: reference, by: nil)
            }
            print("Added \(organisation.name) (\(organisation.kind.rawValue) \(organisation.reference)).")
        }
    }
}
