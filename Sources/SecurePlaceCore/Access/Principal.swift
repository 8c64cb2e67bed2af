import Foundation

/// Who is asking: a signed-in user with their role and organisation. Every use case takes
/// one and asks the access policy before it reads or changes anything.
public struct Principal: Hashable, Sendable {
    public var userID: UUID
    public var role: Role
    public var organisation: Organisation

    public init(userID: UUID, role: Role, organisation: Organisation) {
        self.userID = userID
        self.role = role
        self.organisation = organisation
    }

    /// The ONS code of the principal's local authority, when they work for one.
    public var localAuthorityCode: String? {
        organisation.kind == .localAuthority ? organisation.reference : nil
    }

    /// The reference of the principal's secure home, when they work for one.
    public var homeReference: String? {
        organisation.kind == .secureHome ? organisation.reference : nil
    }
}
