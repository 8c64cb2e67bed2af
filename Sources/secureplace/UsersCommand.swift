import ArgumentParser
import Coordination
import Foundation
import SecurePlaceCore
import Storage
import WebApp

struct UsersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users",
        abstract: "Create, list and disable accounts (as the service's operator).",
        subcommands: [Create.self, List.self, Disable.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create an account.",
            discussion: """
                Roles: \(Role.allCases.map(\.rawValue).joined(separator: ", ")). \
                The organisation is named by its reference: an authority's ONS code (la-referrer, \
                la-manager), a home's reference (home-manager), coordination (coordinator), \
                ofsted or ciw (regulator), service (analyst, admin). \
                The password is read from the SECUREPLACE_PASSWORD environment variable, or \
                from standard input, so it never appears in the shell's history.
                """)

        @OptionGroup var databaseOptions: DatabaseOptions
        @ArgumentParser.Option(help: "Email address (the sign-in name).") var email: String
        @ArgumentParser.Option(help: "The person's name.") var name: String
        @ArgumentParser.Option(help: "Role.") var role: String
        @ArgumentParser.Option(help: "Organisation reference.") var organisation: String

        func run() async throws {
            guard let role = Role(rawValue: role) else {
                throw ValidationError("--role must be one of \(Role.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            let password =
                ProcessInfo.processInfo.environment["SECUREPLACE_PASSWORD"] ?? readLine(strippingNewline: true) ?? ""
            let url = try databaseOptions.url()
            let user = try await withStandaloneDatabase(url) { store in
                try await ManageUsers(store: store, passwords: BcryptPasswordHasher()).create(
                    .init(
                        email: email, displayName: name, role: role, organisationReference: organisation,
                        password: password),
                    by: nil)
            }
            print("Created \(user.email) (\(user.role.name)).")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List accounts.")

        enum Format: String, ExpressibleByArgument { case table, csv }

        @OptionGroup var databaseOptions: DatabaseOptions
        @ArgumentParser.Option(help: "table or csv (email, role, organisation, disabled).") var format: Format = .table

        func run() async throws {
            let url = try databaseOptions.url()
            let listings = try await withStandaloneDatabase(url) { store in
                try await ManageUsers(store: store, passwords: BcryptPasswordHasher()).list(by: nil)
            }
            switch format {
            case .csv:
                print("email,role,organisation,disabled")
                for listing in listings {
                    print(
                        [
                            listing.user.email, listing.user.role.rawValue, listing.organisation.reference,
                            listing.user.isDisabled ? "yes" : "no",
                        ]
                        .map(CSVField.escape).joined(separator: ","))
                }
            case .table:
                for listing in listings {
                    print(
                        "\(listing.user.email)  \(listing.user.role.name)  \(listing.organisation.name)\(listing.user.isDisabled ? "  (disabled)" : "")"
                    )
                }
            }
        }
    }

    struct Disable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Disable an account and end its sessions and tokens.")

        @OptionGroup var databaseOptions: DatabaseOptions
        @ArgumentParser.Option(help: "Email address.") var email: String

        func run() async throws {
            let url = try databaseOptions.url()
            try await withStandaloneDatabase(url) { store in
                try await ManageUsers(store: store, passwords: BcryptPasswordHasher()).disable(email: email, by: nil)
            }
            print("Disabled \(email.lowercased()).")
        }
    }
}
