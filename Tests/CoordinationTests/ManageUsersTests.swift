import Coordination
import Foundation
import SecurePlaceCore
import Storage
import TestSupport
import Testing

/// A real, deliberately cheap password hash for tests that do not sign in: SHA-256 with a
/// salt. The service itself uses bcrypt (WebApp's BcryptPasswordHasher).
struct SaltedSHA256Hasher: PasswordHasher {
    func hash(_ password: String) throws -> String {
        let salt = UUID().uuidString
        return salt + "$" + Store.sha256(Data((salt + password).utf8))
    }

    func verify(_ password: String, against hash: String) throws -> Bool {
        let parts = hash.split(separator: "$", maxSplits: 1).map(String.init)
        return parts.count == 2 && Store.sha256(Data((parts[0] + password).utf8)) == parts[1]
    }
}

@Suite("Managing users")
struct ManageUsersTests {
    func withCoordination(_ body: (ManageUsers, Store) async throws -> Void) async throws {
        try await withTestStore(.sqlite) { store in
            try await store.save(
                organisation: Organisation(
                    id: UUID(), kind: .coordinatingUnit, name: "Coordination", reference: "coordination"))
            try await body(ManageUsers(store: store, passwords: SaltedSHA256Hasher()), store)
        }
    }

    static func newUser(
        email: String = "Sam.Lee@Coordination.example", role: Role = .coordinator,
        organisation: String = "coordination", password: String = "a-long-enough-password"
    ) -> ManageUsers.NewUser {
        .init(email: email, displayName: "Sam Lee", role: role, organisationReference: organisation, password: password)
    }

    @Test("an operator creates an account; the email is kept in lower case and the password only as a hash")
    func create() async throws {
        try await withCoordination { users, store in
            let user = try await users.create(Self.newUser(), by: nil)
            let stored = try await store.account(email: "sam.lee@coordination.example")
            #expect(user.email == "sam.lee@coordination.example")
            #expect(stored?.passwordHash?.contains("a-long-enough-password") == false)
            let verified = try SaltedSHA256Hasher().verify(
                "a-long-enough-password", against: stored?.passwordHash ?? "")
            let lastAction = try await store.auditEvents().last?.entry.action
            #expect(verified)
            #expect(lastAction == "user.create")
        }
    }

    @Test(
        "bad input names the field",
        arguments: [
            (newUser(email: "not-an-email"), "email"), (newUser(password: "short"), "password"),
            (newUser(organisation: "nowhere"), "organisation"), (newUser(role: .referrer), "organisation"),
        ])
    func badInput(user: ManageUsers.NewUser, field: String) async throws {
        try await withCoordination { users, store in
            let error = await #expect(throws: InputError.self) { try await users.create(user, by: nil) }
            #expect(error?.field == field)
            let users = try await store.users()
            #expect(users.isEmpty, "nothing is written")
        }
    }

    @Test("the same email cannot be used twice")
    func duplicate() async throws {
        try await withCoordination { users, _ in
            _ = try await users.create(Self.newUser(), by: nil)
            let error = await #expect(throws: InputError.self) {
                try await users.create(Self.newUser(email: "sam.lee@coordination.example"), by: nil)
            }
            #expect(error?.field == "email")
        }
    }

    @Test("only an administrator, or the operator, manages users")
    func onlyAdministrators() async throws {
        try await withCoordination { users, store in
            let user = try await users.create(Self.newUser(), by: nil)
            let organisation = try #require(try await store.organisation(id: user.organisationID))
            let coordinator = Principal(userID: user.id, role: .coordinator, organisation: organisation)
            await #expect(throws: AccessDenied.self) { try await users.list(by: coordinator) }
            await #expect(throws: AccessDenied.self) { try await users.disable(email: user.email, by: coordinator) }
            try await users.disable(email: user.email, by: nil)
            let listed = try await users.list(by: nil)
            #expect(listed.first?.user.isDisabled == true)
        }
    }
}

@Suite("Managing organisations")
struct ManageOrganisationsTests {
    @Test(
        "an organisation's reference must name what it is",
        arguments: [
            ("local-authority", "E08000003", nil), ("local-authority", "E99999999", "reference"),
            ("regulator", "ofsted", nil), ("regulator", "cqc", "reference"), ("secure-home", "SCH-NONE", "reference"),
            ("club", "x", "kind"),
        ] as [(String, String, String?)])
    func references(kind: String, reference: String, failingField: String?) async throws {
        try await withTestStore(.sqlite) { store in
            try await LoadReferenceData(store: store)(ReferenceData.bundled())
            let users = ManageUsers(store: store, passwords: SaltedSHA256Hasher())
            if let failingField {
                let error = await #expect(throws: InputErrors.self) {
                    try await users.createOrganisation(kind: kind, name: "Name", reference: reference, by: nil)
                }
                #expect(error?.message(for: failingField) != nil)
            } else {
                let organisation = try await users.createOrganisation(
                    kind: kind, name: "Name", reference: reference, by: nil)
                let stored = try await store.organisation(id: organisation.id)
                #expect(stored == organisation)
            }
        }
    }
}
