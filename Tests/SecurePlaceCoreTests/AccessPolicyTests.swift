import Foundation
import SecurePlaceCore
import Testing

@Suite("Access policy")
struct AccessPolicyTests {
    static let manchester = "E08000003"
    static let referral = ReferralAccessFacts(
        localAuthorityCode: manchester, circulatedTo: ["SCH-A", "SCH-B"], offeredBy: ["SCH-B"], placedWith: "SCH-B")

    static func principal(_ role: Role, _ reference: String) -> Principal {
        Principal(
            userID: UUID(), role: role,
            organisation: Organisation(id: UUID(), kind: role.organisationKind, name: reference, reference: reference))
    }

    /// The matrix, written out by hand: who, from which organisation, may do what.
    static let cases: [(Role, String, ReferralAction, AccessDecision)] = [
        (.referrer, manchester, .view, .allowed), (.referrer, manchester, .viewIdentity, .allowed),
        (.referrer, manchester, .approve, .forbidden), (.referrer, manchester, .submit, .allowed),
        (.referrer, manchester, .acceptOffer, .allowed), (.referrer, manchester, .circulate, .forbidden),
        (.referrer, "E08000025", .view, .hidden), (.referrer, "E08000025", .viewIdentity, .hidden),
        (.authorityManager, manchester, .approve, .allowed), (.authorityManager, "E08000025", .approve, .hidden),
        (.homeManager, "SCH-A", .view, .allowed), (.homeManager, "SCH-A", .respond, .allowed),
        (.homeManager, "SCH-A", .viewIdentity, .forbidden), (.homeManager, "SCH-B", .viewIdentity, .allowed),
        (.homeManager, "SCH-B", .recordAdmission, .allowed), (.homeManager, "SCH-A", .recordAdmission, .forbidden),
        (.homeManager, "SCH-C", .view, .hidden), (.homeManager, "SCH-C", .respond, .hidden),
        (.coordinator, "coordination", .view, .allowed), (.coordinator, "coordination", .circulate, .allowed),
        (.coordinator, "coordination", .viewIdentity, .allowed),
        (.coordinator, "coordination", .acceptOffer, .forbidden),
        (.regulator, "ofsted", .view, .hidden), (.analyst, "service", .view, .hidden),
        (.analyst, "service", .viewIdentity, .hidden), (.admin, "service", .view, .hidden),
    ]

    @Test("each role and organisation gets the decision the matrix gives", arguments: cases)
    func matrix(role: Role, organisation: String, action: ReferralAction, expected: AccessDecision) {
        #expect(AccessPolicy.decide(Self.principal(role, organisation), action, on: Self.referral) == expected)
    }

    @Test("no one outside the referring authority, the coordinators and the homes it went to learns it exists")
    func existenceDoesNotLeak() {
        for role in [Role.regulator, .analyst, .admin] {
            for action in ReferralAction.allCases {
                #expect(AccessPolicy.decide(Self.principal(role, "x"), action, on: Self.referral) == .hidden)
            }
        }
    }

    @Test("only an authority's own staff start its referrals; only administrators manage users")
    func otherActions() {
        #expect(
            AccessPolicy.mayCreateReferral(Self.principal(.referrer, Self.manchester), forAuthority: Self.manchester)
                == .allowed)
        #expect(
            AccessPolicy.mayCreateReferral(Self.principal(.referrer, "E08000025"), forAuthority: Self.manchester)
                == .forbidden)
        #expect(
            AccessPolicy.mayCreateReferral(Self.principal(.coordinator, "coordination"), forAuthority: Self.manchester)
                == .forbidden)
        #expect(AccessPolicy.mayManageUsers(Self.principal(.admin, "service")) == .allowed)
        #expect(AccessPolicy.mayManageUsers(Self.principal(.coordinator, "coordination")) == .forbidden)
    }
}

@Suite("Access policy beyond referrals")
struct OtherAccessPolicyTests {
    let homeManager = AccessPolicyTests.principal(.homeManager, "SCH-A")
    let ofsted = AccessPolicyTests.principal(.regulator, "ofsted")
    let coordinator = AccessPolicyTests.principal(.coordinator, "coordination")
    let referrer = AccessPolicyTests.principal(.referrer, AccessPolicyTests.manchester)

    @Test("beds are changed only by their own home's managers")
    func beds() {
        #expect(AccessPolicy.mayManageBeds(homeManager, ofHome: "SCH-A") == .allowed)
        #expect(AccessPolicy.mayManageBeds(homeManager, ofHome: "SCH-B") == .forbidden)
        #expect(AccessPolicy.mayManageBeds(coordinator, ofHome: "SCH-A") == .forbidden)
    }

    @Test("a regulator reads and acknowledges only its own country's notifications")
    func notifications() {
        #expect(AccessPolicy.mayReadNotification(ofsted, for: .ofsted) == .allowed)
        #expect(AccessPolicy.mayReadNotification(ofsted, for: .careInspectorateWales) == .hidden)
        #expect(AccessPolicy.mayReadNotification(coordinator, for: .careInspectorateWales) == .allowed)
        #expect(AccessPolicy.mayAcknowledgeNotification(coordinator, for: .ofsted) == .hidden)
        #expect(AccessPolicy.mayListNotifications(referrer) == .forbidden)
    }

    @Test("follow-ups are recorded by the authority's own staff")
    func followUps() {
        #expect(AccessPolicy.mayRecordFollowUp(referrer, ofAuthority: AccessPolicyTests.manchester) == .allowed)
        #expect(AccessPolicy.mayRecordFollowUp(referrer, ofAuthority: "W06000015") == .hidden)
        #expect(AccessPolicy.mayRecordFollowUp(coordinator, ofAuthority: AccessPolicyTests.manchester) == .hidden)
        #expect(AccessPolicy.mayReadFollowUps(coordinator, ofAuthority: "W06000015") == .allowed)
        #expect(AccessPolicy.mayListFollowUps(homeManager) == .forbidden)
        #expect(AccessPolicy.mayViewPlacementsWithoutOrder(coordinator) == .allowed)
        #expect(AccessPolicy.mayViewPlacementsWithoutOrder(referrer) == .forbidden)
    }

    @Test("exact statistics are for analysts alone: no other role, however senior, sees small counts")
    func exactStatistics() {
        for role in Role.allCases {
            let someone = AccessPolicyTests.principal(role, "national")
            #expect(
                AccessPolicy.mayViewExactStatistics(someone) == (role == .analyst ? .allowed : .forbidden), "\(role)")
        }
    }
}
