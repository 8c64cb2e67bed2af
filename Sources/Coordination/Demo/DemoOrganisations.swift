import Foundation
import SecurePlaceCore

/// Organisations and one user for every role, so that each part of the service can be tried.
enum DemoOrganisations {
    static let signInDomain = "secureplace.example"

    static func make(
        homes: [SecureHome], authorities: [LocalAuthority], using generator: inout some RandomNumberGenerator
    ) -> (organisations: [Organisation], users: [User]) {
        var organisations: [Organisation] = []
        var users: [User] = []
        func add(_ kind: OrganisationKind, _ name: String, _ reference: String, users roles: [(Role, String, String)]) {
            let organisation = Organisation(id: UUID(using: &generator), kind: kind, name: name, reference: reference)
            organisations.append(organisation)
            for (role, local, displayName) in roles {
                users.append(
                    User(
                        id: UUID(using: &generator), email: "\(local)@\(signInDomain)", displayName: displayName,
                        role: role, organisationID: organisation.id))
            }
        }
        let named = Dictionary(uniqueKeysWithValues: authorities.map { ($0.code, $0) })
        for (code, slug) in [("E08000003", "manchester"), ("E08000025", "birmingham"), ("W06000015", "cardiff")] {
            guard let authority = named[code] else { continue }
            var roles: [(Role, String, String)] = [(.referrer, "referrer.\(slug)", "Demo referrer, \(authority.name)")]
            if slug != "cardiff" {
                roles.append((.authorityManager, "manager.\(slug)", "Demo manager, \(authority.name)"))
            }
            add(.localAuthority, authority.name, code, users: roles)
        }
        for home in homes.prefix(2) {
            let slug = home.reference.lowercased()
            add(
                .secureHome, home.name, home.reference,
                users: [(.homeManager, "manager.\(slug)", "Demo home manager, \(home.name)")])
        }
        add(
            .coordinatingUnit, "National Secure Welfare Coordination (demo)", "coordination",
            users: [(.coordinator, "coordinator", "Demo coordinator")])
        add(
            .regulator, Regulator.ofsted.name, Regulator.ofsted.rawValue,
            users: [(.regulator, "inspector.ofsted", "Demo inspector, Ofsted")])
        add(
            .regulator, Regulator.careInspectorateWales.name, Regulator.careInspectorateWales.rawValue,
            users: [(.regulator, "inspector.ciw", "Demo inspector, CIW")])
        add(
            .service, "SecurePlace service", "service",
            users: [(.analyst, "analyst", "Demo analyst"), (.admin, "admin", "Demo administrator")])
        return (organisations, users)
    }
}
