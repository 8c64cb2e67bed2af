import Foundation

public enum OrganisationKind: String, Codable, Sendable, CaseIterable {
    case localAuthority = "local-authority"
    case secureHome = "secure-home"
    case coordinatingUnit = "coordinating-unit"
    case regulator
    case service
}

/// A body whose staff use SecurePlace. `reference` ties it to what it is: an authority's ONS
/// code, a home's reference, or a regulator's code.
public struct Organisation: Hashable, Codable, Sendable, Identifiable {
    public var id: UUID
    public var kind: OrganisationKind
    public var name: String
    public var reference: String

    public init(id: UUID, kind: OrganisationKind, name: String, reference: String) {
        self.id = id
        self.kind = kind
        self.name = name
        self.reference = reference
    }
}

/// A person who signs in. Every user belongs to exactly one organisation and has one role.
public struct User: Hashable, Codable, Sendable, Identifiable {
    public var id: UUID
    public var email: String
    public var displayName: String
    public var role: Role
    public var organisationID: UUID
    public var isDisabled: Bool

    public init(
        id: UUID, email: String, displayName: String, role: Role, organisationID: UUID, isDisabled: Bool = false
    ) {
        self.id = id
        self.email = email
        self.displayName = displayName
        self.role = role
        self.organisationID = organisationID
        self.isDisabled = isDisabled
    }
}
