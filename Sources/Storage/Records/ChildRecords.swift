import FluentKit
import Foundation
import SecurePlaceCore

final class ChildRecord: Model, @unchecked Sendable {
    static let schema = "children"

    @ID(key: .id) var id: UUID?
    @Field(key: "pseudonym") var pseudonym: String
    @Field(key: "sex") var sex: String
    @Field(key: "local_authority_code") var localAuthorityCode: String
    @Field(key: "flags") var flags: String

    init() {}

    init(_ child: Child) {
        id = child.id
        pseudonym = child.pseudonym
        sex = child.sex.rawValue
        localAuthorityCode = child.localAuthorityCode
        flags = child.flags.codeList
    }

    func value() throws -> Child {
        Child(
            id: try requireID(), pseudonym: pseudonym, sex: try decodeCode(Sex.self, sex, list: "sex"),
            localAuthorityCode: localAuthorityCode, flags: try Set<NeedFlag>.parsing(codeList: flags).get())
    }
}

/// Kept in its own table so that the facts can be read, joined and exported without ever
/// touching a name.
final class ChildIdentityRecord: Model, @unchecked Sendable {
    static let schema = "child_identities"

    @ID(custom: "child_id", generatedBy: .user) var id: UUID?
    @Field(key: "given_name") var givenName: String
    @Field(key: "family_name") var familyName: String
    @Field(key: "date_of_birth") var dateOfBirth: String
    @Field(key: "local_authority_reference") var localAuthorityReference: String

    init() {}

    init(_ identity: ChildIdentity) {
        id = identity.childID
        givenName = identity.givenName
        familyName = identity.familyName
        dateOfBirth = identity.dateOfBirth.iso
        localAuthorityReference = identity.localAuthorityReference
    }

    func value() throws -> ChildIdentity {
        guard let birth = CalendarDate(iso: dateOfBirth) else {
            throw UnknownCodeError(list: "date", code: dateOfBirth)
        }
        return ChildIdentity(
            childID: try requireID(), givenName: givenName, familyName: familyName, dateOfBirth: birth,
            localAuthorityReference: localAuthorityReference)
    }
}
