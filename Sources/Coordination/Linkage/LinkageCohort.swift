import Foundation
import Linkage
import SecurePlaceCore
import Storage

/// A child in a linkage study: the first referral in the study period that reached a home
/// (submitted or later), and whether it ended in a placement.
public struct LinkageCohortMember: Hashable, Sendable {
    public var pseudonym: String
    public var identity: ChildIdentity
    public var sex: Sex
    public var referredOn: CalendarDate
    public var outcome: Outcome

    public init(
        pseudonym: String, identity: ChildIdentity, sex: Sex, referredOn: CalendarDate, outcome: Outcome
    ) {
        self.pseudonym = pseudonym
        self.identity = identity
        self.sex = sex
        self.referredOn = referredOn
        self.outcome = outcome
    }

    public enum Outcome: String, Hashable, Sendable, CaseIterable {
        case placed
        case unplaced
        /// Still open, or withdrawn: in neither group of the outcome tables.
        case other
    }
}

/// The referral cohort a linkage study sends to its partners.
public enum LinkageCohort {
    /// Children first referred between `from` and `through` (inclusive), one row each.
    public static func members(
        children: [Child], identities: [ChildIdentity], referrals: [Referral], from: CalendarDate,
        through: CalendarDate
    ) -> [LinkageCohortMember] {
        let childrenByID = Dictionary(uniqueKeysWithValues: children.map { ($0.id, $0) })
        let identitiesByID = Dictionary(uniqueKeysWithValues: identities.map { ($0.childID, $0) })
        var firstReferral: [UUID: (day: CalendarDate, referral: Referral)] = [:]
        for referral in referrals {
            guard let submitted = referral.submittedAt else { continue }
            let day = CalendarDate(containing: submitted)
            guard day >= from, day <= through else { continue }
            if let known = firstReferral[referral.childID], known.day <= day { continue }
            firstReferral[referral.childID] = (day, referral)
        }
        return firstReferral.compactMap { childID, first in
            guard let child = childrenByID[childID], let identity = identitiesByID[childID] else { return nil }
            let outcome: LinkageCohortMember.Outcome =
                switch first.referral.state {
                case .placed: .placed
                case .closedUnplaced: .unplaced
                default: .other
                }
            return LinkageCohortMember(
                pseudonym: child.pseudonym, identity: identity, sex: child.sex, referredOn: first.day,
                outcome: outcome)
        }.sorted { $0.pseudonym < $1.pseudonym }
    }

    public static func members(in store: Store, from: CalendarDate, through: CalendarDate) async throws
        -> [LinkageCohortMember]
    {
        members(
            children: try await store.children(), identities: try await store.childIdentities(),
            referrals: try await store.referrals(), from: from, through: through)
    }

    /// The cohort in the layout `secureplace link` reads: the child's pseudonym as `id`, so
    /// a partner's file never receives our internal keys, and nothing about the referral.
    public static func csv(_ members: [LinkageCohortMember]) -> String {
        var lines = ["id,given_name,surname,date_of_birth,sex"]
        for member in members {
            lines.append(
                [
                    member.pseudonym, member.identity.givenName, member.identity.familyName,
                    member.identity.dateOfBirth.iso, member.sex == .male ? "M" : "F",
                ].map(CSVField.escape).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The cohort as records, for linking inside the service without writing a file.
    public static func records(_ members: [LinkageCohortMember]) -> [LinkageRecord] {
        members.map { member in
            LinkageRecord(
                id: member.pseudonym,
                fields: [
                    "given_name": member.identity.givenName, "surname": member.identity.familyName,
                    "date_of_birth": member.identity.dateOfBirth.iso, "sex": member.sex == .male ? "M" : "F",
                ])
        }
    }
}
