import Coordination
import Foundation
import SecurePlaceCore
import Storage
import Vapor
import VaporTesting
import WebApp

/// A small world for journey tests, on top of the empty service (which has its coordinator):
/// two authorities (one English, one Welsh), two homes with one welfare bed each, and one
/// user for each other role, all with the demo password.
struct SmallWorld {
    var homeA: SecureHome
    var homeB: SecureHome
    var bedA: Bed
    var bedB: Bed

    static let manchester = "E08000003"
    static let cardiff = "W06000015"

    static func build(in app: Application) async throws -> SmallWorld {
        let store = Store(app.db)
        let authorities = try await store.localAuthorities()
        func home(_ reference: String, _ name: String, in code: String) -> SecureHome {
            let authority = authorities.first { $0.code == code }!
            return SecureHome(
                id: UUID(), reference: reference, name: name, region: authority.region, localAuthorityCode: code,
                location: authority.centroid, acceptedSexes: [.male, .female], ages: 10...17, specialisms: [],
                lastConfirmedAt: demoDataset.end)
        }
        let homeA = home("SCH-A", "Alder House", in: "E06000047")
        let homeB = home("SCH-B", "Birch House", in: "E10000017")
        let bedA = Bed(id: UUID(), homeID: homeA.id, label: "Room 1", kind: .welfare)
        let bedB = Bed(id: UUID(), homeID: homeB.id, label: "Room 1", kind: .either)
        let start = Date(timeIntervalSince1970: 1_700_000_000)
        try await store.save(homes: [homeA, homeB])
        try await store.save(beds: [bedA, bedB])
        try await store.save(bedStatusIntervals: [
            BedStatusInterval(bedID: bedA.id, status: .vacant, from: start),
            BedStatusInterval(bedID: bedB.id, status: .vacant, from: start),
        ])
        let organisations: [(OrganisationKind, String, String)] = [
            (.localAuthority, "Manchester", manchester), (.localAuthority, "Cardiff", cardiff),
            (.secureHome, homeA.name, homeA.reference), (.secureHome, homeB.name, homeB.reference),
            (.regulator, "Ofsted", "ofsted"),
            (.regulator, "Care Inspectorate Wales", "ciw"), (.service, "Service", "service"),
        ]
        for (kind, name, reference) in organisations {
            try await store.save(organisation: Organisation(id: UUID(), kind: kind, name: name, reference: reference))
        }
        let users = ManageUsers(store: store, passwords: BcryptPasswordHasher(cost: 4))
        let accounts: [(String, Role, String)] = [
            ("referrer@manchester.example", .referrer, manchester),
            ("manager@manchester.example", .authorityManager, manchester),
            ("referrer@cardiff.example", .referrer, cardiff), ("manager@sch-a.example", .homeManager, "SCH-A"),
            ("manager@sch-b.example", .homeManager, "SCH-B"),
            ("inspector@ofsted.example", .regulator, "ofsted"), ("inspector@ciw.example", .regulator, "ciw"),
            ("analyst@secureplace.example", .analyst, "service"), ("admin@secureplace.example", .admin, "service"),
        ]
        for (email, role, organisation) in accounts {
            _ = try await users.create(
                .init(
                    email: email, displayName: email, role: role, organisationReference: organisation,
                    password: DemoDataset.password),
                by: nil)
        }
        return SmallWorld(homeA: homeA, homeB: homeB, bedA: bedA, bedB: bedB)
    }

    /// A valid referral form for a 15-year-old.
    static func form(givenName: String = "Alex", dateNeeded: String = "2026-11-20") -> [String: String] {
        [
            "givenName": givenName, "familyName": "Example", "dateOfBirth": "2011-03-01", "sex": "female",
            "localAuthorityReference": "MCR-1", "orderStatus": "interim-order", "orderStartsOn": "2026-11-20",
            "orderEndsOn": "2026-12-18", "urgency": "emergency", "dateNeeded": dateNeeded,
            "summary": "At serious risk of harm if she goes missing again.",
        ]
    }
}

extension Application {
    /// Sends a JSON request as a signed-in user and decodes the answer.
    @discardableResult
    func send<Body: Encodable>(
        _ method: HTTPMethod, _ path: String, as headers: HTTPHeaders, body: Body? = Optional<[String: String]>.none
    ) async throws -> (status: HTTPStatus, json: [String: Any], array: [[String: Any]]) {
        var result: (HTTPStatus, [String: Any], [[String: Any]]) = (.ok, [:], [])
        try await testing().test(
            method, path, headers: headers,
            beforeRequest: { request in if let body { try request.content.encode(body, as: .json) } },
            afterResponse: { response in
                let object = try? JSONSerialization.jsonObject(with: Data(buffer: response.body))
                result = (response.status, object as? [String: Any] ?? [:], Self.listed(in: object))
            })
        return result
    }

    /// The same with a body of any JSON shape (nested arrays and numbers).
    @discardableResult
    func send(_ method: HTTPMethod, _ path: String, as headers: HTTPHeaders, json: [String: Any]) async throws -> (
        status: HTTPStatus, json: [String: Any], array: [[String: Any]]
    ) {
        var result: (HTTPStatus, [String: Any], [[String: Any]]) = (.ok, [:], [])
        let data = try JSONSerialization.data(withJSONObject: json)
        try await testing().test(
            method, path, headers: headers,
            beforeRequest: { request in
                request.headers.contentType = .json
                request.body = ByteBuffer(data: data)
            },
            afterResponse: { response in
                let object = try? JSONSerialization.jsonObject(with: Data(buffer: response.body))
                result = (response.status, object as? [String: Any] ?? [:], Self.listed(in: object))
            })
        return result
    }

    /// The entries of a JSON list: the array itself, or a page's `items`.
    static func listed(in object: Any?) -> [[String: Any]] {
        object as? [[String: Any]] ?? (object as? [String: Any])?["items"] as? [[String: Any]] ?? []
    }
}
