import Foundation

/// The facts about a child that matching, statistics and analysts use. It carries no name
/// and no date of birth: those live in `ChildIdentity`, stored apart and shown only to those
/// whose role allows it.
public struct Child: Hashable, Codable, Sendable, Identifiable {
    public var id: UUID
    /// A stable pseudonym such as `C-7F3A92`, the only handle analysts and regulators see.
    public var pseudonym: String
    public var sex: Sex
    /// The ONS code of the local authority responsible for the child.
    public var localAuthorityCode: String
    public var flags: Set<NeedFlag>

    public init(id: UUID, pseudonym: String, sex: Sex, localAuthorityCode: String, flags: Set<NeedFlag>) {
        self.id = id
        self.pseudonym = pseudonym
        self.sex = sex
        self.localAuthorityCode = localAuthorityCode
        self.flags = flags
    }
}

/// The identifiable part of a child's record.
public struct ChildIdentity: Hashable, Codable, Sendable {
    public var childID: UUID
    public var givenName: String
    public var familyName: String
    public var dateOfBirth: CalendarDate
    /// The authority's own case reference for the child.
    public var localAuthorityReference: String

    public init(
        childID: UUID, givenName: String, familyName: String, dateOfBirth: CalendarDate,
        localAuthorityReference: String
    ) {
        self.childID = childID
        self.givenName = givenName
        self.familyName = familyName
        self.dateOfBirth = dateOfBirth
        self.localAuthorityReference = localAuthorityReference
    }

    /// Age in whole years on a given day.
    public func age(on day: CalendarDate) -> Int {
        Self.age(bornOn: dateOfBirth, on: day)
    }

    /// Age in whole years on `day` of someone born on `birth` (a birthday on 29 February
    /// comes on 1 March in other years).
    public static func age(bornOn birth: CalendarDate, on day: CalendarDate) -> Int {
        var years = day.year - birth.year
        if (day.month, day.day) < (birth.month, birth.day) { years -= 1 }
        return years
    }
}
