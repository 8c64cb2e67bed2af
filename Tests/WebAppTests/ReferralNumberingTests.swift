import Coordination
import Foundation
import SecurePlaceCore
import Storage
import TestSupport
import Testing
import Vapor
import VaporTesting
import WebApp

@Suite("Referral references")
struct ReferralNumberingTests {
    @Test(
        "a new referral takes the number after the year's highest, even when the year's numbers do not start at 1",
        arguments: TestDatabase.all)
    func afterTheHighest(database: TestDatabase) async throws {
        try await withApp(database, demo: false) { app in
            let law = try await LawHarness(app)
            let referrer = try await law.principal("referrer@manchester.example")
            let first = try await law.journey().create(LawHarness.form(), by: referrer)
            let year = first.reference.prefix(7)
            #expect(first.reference == "\(year)00001")
            // As the demo numbers them: across years, so this year's start well above 1.
            var imported = first
            imported.id = UUID()
            imported.reference = "\(year)00040"
            try await law.store.save(referrals: [imported])

            let api = try await app.bearerHeaders(for: "referrer@manchester.example")
            let created = try await app.send(
                .POST, "/api/v1/referrals", as: api,
                body: SmallWorld.form(givenName: "Second").merging(["localAuthorityReference": "MCR-2"]) { $1 })
            #expect(created.status == .created)
            #expect(created.json["reference"] as? String == "\(year)00041")
        }
    }
}
