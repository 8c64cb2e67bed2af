import ArgumentParser
import Coordination
import Foundation
import SecurePlaceCore
import Storage
import WebApp

struct OrganisationsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "organisations",
        abstract: "Add organisations whose staff use the service (as the service's operator).",
        subcommands: [Create.self, Submission.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add an organisation.",
            discussion: """
                Kinds: local-authority (reference: its ONS code), secure-home (the home's reference), \
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

    struct Submission: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Set whether an authority's referrers may submit directly or need a manager's approval.")

        @OptionGroup var databaseOptions: DatabaseOptions
        @ArgumentParser.Option(help: "The authority's ONS code.") var authority: String
        @ArgumentParser.Option(help: "direct or approval-required.") var rule: String

        func run() async throws {
            guard let rule = SubmissionRule(rawValue: rule) else {
                throw ValidationError("--rule must be direct or approval-required.")
            }
            let url = try databaseOptions.url()
            try await withStandaloneDatabase(url) { store in
                guard try await store.localAuthorities().contains(where: { $0.code == authority }) else {
                    throw ValidationError("There is no local authority \(authority).")
                }
                try await store.transaction { store in
                    try await store.setSubmissionRule(rule, forAuthority: authority)
                    try await store.appendAudit(
                        AuditEntry(
                            by: nil, action: "authority.submission-rule", objectType: "authority", objectID: authority,
                            at: Date()))
                }
            }
            print(
                "\(authority): \(rule == .direct ? "referrers may submit directly" : "a manager's approval is required")."
            )
        }
    }
}
