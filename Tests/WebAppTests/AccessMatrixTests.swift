import Coordination
import Foundation
import SecurePlaceCore
import Storage
import TestSupport
import Testing
import Vapor
import VaporTesting
import WebApp

/// Every API route × every role × own and other organisation: allowed, 403, or 404 where
/// existence itself must not leak. "Allowed" means the access check let the request through
/// (the answer may still be 400 or 409 for the body or the state).
@Suite("Access matrix")
struct AccessMatrixTests {
    enum Who: String, CaseIterable, CustomTestStringConvertible {
        case referrerOwn = "referrer@manchester.example"
        case managerOwn = "manager@manchester.example"
        case referrerOther = "referrer@cardiff.example"
        case homeCirculated = "manager@sch-a.example"
        case homeOther = "manager@sch-b.example"
        case coordinator = "coordinator@secureplace.example"
        case regulator = "inspector@ofsted.example"
        case analyst = "analyst@secureplace.example"
        case admin = "admin@secureplace.example"

        var testDescription: String { rawValue }
    }

    enum Outcome: String { case allowed, forbidden, hidden }

    /// How far the Manchester referral has gone before the route is tried.
    enum Stage { case circulated, offered, accepted, admitted }

    struct Route: CustomTestStringConvertible, Sendable {
        var method: HTTPMethod
        var path: String
        var stage: Stage
        var expected: [Who: Outcome]
        var testDescription: String { "\(method.rawValue) \(path)" }
    }

    static let A = Outcome.allowed
    static let F = Outcome.forbidden
    static let H = Outcome.hidden

    static func row(_ outcomes: [Outcome]) -> [Who: Outcome] {
        Dictionary(uniqueKeysWithValues: zip(Who.allCases, outcomes))
    }

    // Columns: referrer own, manager own, referrer other, home circulated, home other,
    // coordinator, regulator, analyst, admin.
    static let routes: [Route] = [
        Route(method: .GET, path: "/api/v1/bed-board", stage: .circulated, expected: row([A, A, A, A, A, A, A, A, A])),
        Route(method: .GET, path: "/api/v1/referrals", stage: .circulated, expected: row([A, A, A, A, A, A, F, F, F])),
        Route(
            method: .POST, path: "/api/v1/referrals", stage: .circulated, expected: row([A, A, A, F, F, F, F, F, F])),
        Route(
            method: .GET, path: "/api/v1/referrals/{id}", stage: .circulated,
            expected: row([A, A, H, A, H, A, H, H, H])),
        Route(
            method: .GET, path: "/api/v1/referrals/{id}/timeline", stage: .circulated,
            expected: row([A, A, H, A, H, A, H, H, H])),
        Route(
            method: .POST, path: "/api/v1/referrals/{id}/request-approval", stage: .circulated,
            expected: row([A, A, H, F, H, F, H, H, H])),
        Route(
            method: .POST, path: "/api/v1/referrals/{id}/approve", stage: .circulated,
            expected: row([F, A, H, F, H, F, H, H, H])),
        Route(
            method: .POST, path: "/api/v1/referrals/{id}/submit", stage: .circulated,
            expected: row([A, A, H, F, H, F, H, H, H])),
        Route(
            method: .POST, path: "/api/v1/referrals/{id}/circulate", stage: .circulated,
            expected: row([F, F, H, F, H, A, H, H, H])),
        Route(
            method: .POST, path: "/api/v1/referrals/{id}/withdraw", stage: .circulated,
            expected: row([A, A, H, F, H, A, H, H, H])),
        Route(
            method: .POST, path: "/api/v1/referrals/{id}/close-unplaced", stage: .circulated,
            expected: row([A, A, H, F, H, A, H, H, H])),
        Route(
            method: .POST, path: "/api/v1/referrals/{id}/responses", stage: .circulated,
            expected: row([F, F, H, A, H, F, H, H, H])),
        Route(
            method: .POST, path: "/api/v1/offers/{offer}/accept", stage: .offered,
            expected: row([A, A, H, F, H, F, H, H, H])),
        Route(
            method: .GET, path: "/api/v1/referrals/{id}/ranking", stage: .circulated,
            expected: row([F, F, H, F, H, A, H, H, H])),
        Route(
            method: .GET, path: "/api/v1/referrals/{id}/court-orders", stage: .circulated,
            expected: row([A, A, H, A, H, A, H, H, H])),
        Route(
            method: .POST, path: "/api/v1/referrals/{id}/court-orders", stage: .circulated,
            expected: row([A, A, H, F, H, F, H, H, H])),
        Route(
            method: .POST, path: "/api/v1/offers/{offer}/fall-through", stage: .accepted,
            expected: row([F, F, H, A, H, F, H, H, H])),
        Route(
            method: .POST, path: "/api/v1/placements/{offer}/admit", stage: .accepted,
            expected: row([F, F, H, A, H, F, H, H, H])),
        Route(
            method: .POST, path: "/api/v1/placements/{offer}/discharge", stage: .admitted,
            expected: row([F, F, H, A, H, F, H, H, H])),
        Route(
            method: .POST, path: "/api/v1/placements/{offer}/expected-discharge", stage: .admitted,
            expected: row([F, F, F, A, H, F, F, F, F])),
        Route(
            method: .GET, path: "/api/v1/allocation", stage: .circulated, expected: row([F, F, F, F, F, A, F, F, F])),
        Route(
            method: .POST, path: "/api/v1/allocation/confirm", stage: .circulated,
            expected: row([F, F, F, F, F, A, F, F, F])),
        Route(
            method: .POST, path: "/api/v1/matching/model", stage: .circulated,
            expected: row([F, F, F, F, F, A, F, A, F])),
        Route(
            method: .GET, path: "/api/v1/children-at-risk", stage: .circulated,
            expected: row([F, F, F, F, F, A, F, F, F])),
        Route(
            method: .GET, path: "/api/v1/notifications", stage: .circulated, expected: row([F, F, F, F, F, A, A, F, F])),
        Route(
            method: .GET, path: "/api/v1/follow-ups", stage: .circulated, expected: row([A, A, A, F, F, A, F, F, F])),
    ]

    @Test("each role and organisation gets the answer the matrix gives", arguments: routes)
    func route(_ route: Route) async throws {
        try await withApp(.sqlite, demo: false) { app in
            let world = try await SmallWorld.build(in: app)
            var headers: [Who: HTTPHeaders] = [:]
            for who in Who.allCases { headers[who] = try await app.bearerHeaders(for: who.rawValue) }
            // Only home A has a free bed, so the referral goes to home A and not home B.
            try await Store(app.db).changeStatus(
                ofBed: world.bedB.id, to: .closed(.repair), at: demoDataset.end.addingTimeInterval(-60))
            let id = try #require(
                try await app.send(.POST, "/api/v1/referrals", as: headers[.referrerOwn]!, body: SmallWorld.form())
                    .json["id"] as? String)
            try await app.send(.POST, "/api/v1/referrals/\(id)/submit", as: headers[.referrerOwn]!)
            try await app.send(.POST, "/api/v1/referrals/\(id)/circulate", as: headers[.coordinator]!)
            var offer = UUID().uuidString
            if route.stage != .circulated {
                offer = try #require(
                    try await app.send(
                        .POST, "/api/v1/referrals/\(id)/responses", as: headers[.homeCirculated]!,
                        body: ReferralJourney.ResponseForm(answer: "offer", bedID: world.bedA.id)
                    ).json["id"] as? String)
            }
            if route.stage == .accepted || route.stage == .admitted {
                try await app.send(.POST, "/api/v1/offers/\(offer)/accept", as: headers[.referrerOwn]!)
            }
            if route.stage == .admitted {
                try await app.send(.POST, "/api/v1/placements/\(offer)/admit", as: headers[.homeCirculated]!)
            }
            let path = route.path.replacingOccurrences(of: "{id}", with: id).replacingOccurrences(
                of: "{offer}", with: offer)
            // Refused principals go first, so an allowed one that changes the referral cannot
            // change what a refused one would see.
            let order = Who.allCases.sorted {
                (route.expected[$0] == .allowed ? 1 : 0) < (route.expected[$1] == .allowed ? 1 : 0)
            }
            for who in order {
                let status = try await app.send(route.method, path, as: headers[who]!, body: [String: String]()).status
                let outcome: Outcome =
                    switch status {
                    case .notFound: .hidden
                    case .forbidden: .forbidden
                    default: .allowed
                    }
                #expect(status != .unauthorized && status.code < 500, "\(who.rawValue): \(status)")
                #expect(outcome == route.expected[who], "\(who.rawValue) got \(status)")
            }
        }
    }

    @Test("a referrer sees every referral of the authority, not only their own (docs/decisions/0006)")
    func referrersSeeTheirAuthoritysReferrals() async throws {
        try await withApp(.sqlite, demo: false) { app in
            let law = try await LawHarness(app)
            _ = try await ManageUsers(store: law.store, passwords: BcryptPasswordHasher(cost: 4)).create(
                .init(
                    email: "duty@manchester.example", displayName: "Out-of-hours duty", role: .referrer,
                    organisationReference: SmallWorld.manchester, password: DemoDataset.password),
                by: nil)
            let referral = try await law.journey().create(
                LawHarness.form(), by: try await law.principal("referrer@manchester.example"))
            let duty = try await app.bearerHeaders(for: "duty@manchester.example")
            #expect(try await app.send(.GET, "/api/v1/referrals/\(referral.id)", as: duty).status == .ok)
            #expect(
                try await app.send(.POST, "/api/v1/referrals/\(referral.id)/submit", as: duty).status == .ok,
                "the duty team can act on it at 2 a.m.")
        }
    }
}
