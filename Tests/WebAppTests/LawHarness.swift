import Coordination
import Foundation
import SecurePlaceCore
import Storage
import Testing
import Vapor
import WebApp

/// The small world's people as principals, and the journey at any moment: the rules about
/// time (72 hours, an order's end, a birthday) need the clock to move.
struct LawHarness {
    var app: Application
    var world: SmallWorld
    var store: Store { Store(app.db) }

    init(_ app: Application) async throws {
        self.app = app
        world = try await SmallWorld.build(in: app)
    }

    func principal(_ email: String) async throws -> Principal {
        let token = try #require(try await app.bearerHeaders(for: email).bearerAuthorization?.token)
        return try #require(try await Authenticate(store: store).bearer(token: token))
    }

    /// The journey with the clock at `hours` after the end of the demo data (the app's clock).
    func journey(hoursLater hours: Double = 0) -> ReferralJourney {
        let instant = demoDataset.end.addingTimeInterval(hours * 3600)
        return ReferralJourney(store: store, now: { instant })
    }

    /// A referral form, from the small world's, with some fields changed.
    static func form(_ changes: [String: String?] = [:]) -> ReferralForm {
        var fields = SmallWorld.form()
        for (key, value) in changes { fields[key] = value }
        var form = ReferralForm()
        form.givenName = fields["givenName"]
        form.familyName = fields["familyName"]
        form.dateOfBirth = fields["dateOfBirth"]
        form.sex = fields["sex"]
        form.localAuthorityReference = fields["localAuthorityReference"]
        form.legalBasis = fields["legalBasis"]
        form.orderStatus = fields["orderStatus"]
        form.orderStartsOn = fields["orderStartsOn"]
        form.orderEndsOn = fields["orderEndsOn"]
        form.orderIsRenewal = fields["orderIsRenewal"]
        form.urgency = fields["urgency"]
        form.dateNeeded = fields["dateNeeded"]
        form.summary = fields["summary"]
        return form
    }

    /// No court order yet: the child may be held for 72 hours in any 28 days.
    static let withoutOrder: [String: String?] = ["orderStatus": "none-yet", "orderStartsOn": nil, "orderEndsOn": nil]

    /// Creates, submits and circulates a referral at `hours`, and has home A offer its bed:
    /// the referral and the offer.
    func offered(_ form: ReferralForm, hoursLater hours: Double = 0, availableFrom: String? = nil) async throws
        -> (Referral, HomeResponse)
    {
        let journey = journey(hoursLater: hours)
        let referrer = try await principal("referrer@manchester.example")
        let referral = try await journey.create(form, by: referrer)
        _ = try await journey.submit(referral.id, by: referrer)
        _ = try await journey.circulate(referral.id, by: try await principal("coordinator@secureplace.example"))
        let offer = try await journey.respond(
            referral.id, .init(answer: "offer", bedID: world.bedA.id, availableFrom: availableFrom),
            by: try await principal("manager@sch-a.example"))
        return (referral, offer)
    }
}

/// The fields an `InputErrors` names, for checks.
func fields(of error: any Error) -> [String] {
    (error as? InputErrors)?.errors.map(\.field) ?? ["not InputErrors: \(error)"]
}
