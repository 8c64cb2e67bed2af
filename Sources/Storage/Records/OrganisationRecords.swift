import FluentKit
import Foundation
import SecurePlaceCore

final class OrganisationRecord: Model, @unchecked Sendable {
    static let schema = "organisations"

    @ID(key: .id) var id: UUID?
    @Field(key: "kind") var kind: String
    @Field(key: "name") var name: String
    @Field(key: "reference") var reference: String

    init() {}

    init(_ organisation: Organisation) {
        id = organisation.id
        kind = organisation.kind.rawValue
        name = organisation.name
        reference = organisation.reference
    }

    func value() throws -> Organisation {
        Organisation(
            id: try requireID(), kind: try decodeCode(OrganisationKind.self, kind, list: "organisation kind"),
            name: name, reference: reference)
    }
}

final class UserRecord: Model, @unchecked Sendable {
    static let schema = "users"

    @ID(key: .id) var id: UUID?
    @Field(key: "email") var email: String
    @Field(key: "display_name") var displayName: String
    @Field(key: "role") var role: String
    @Field(key: "organisation_id") var organisationID: UUID
    @Field(key: "is_disabled") var isDisabled: Bool
    /// bcrypt; nil until a password is set.
    @OptionalField(key: "password_hash") var passwordHash: String?

    init() {}

    init(_ user: User) {
        id = user.id
        email = user.email
        displayName = user.displayName
        role = user.role.rawValue
        organisationID = user.organisationID
        isDisabled = user.isDisabled
    }

    func value() throws -> User {
        User(
            id: try requireID(), email: email, displayName: displayName,
            role: try decodeCode(Role.self, role, list: "role"), organisationID: organisationID,
            isDisabled: isDisabled)
    }
}
