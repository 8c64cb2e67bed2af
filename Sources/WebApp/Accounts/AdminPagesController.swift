import Coordination
import Foundation
import SecurePlaceCore
import Storage
import Vapor

/// Administrators' pages: organisations and accounts.
struct AdminPagesController: RouteCollection {
    let passwords: any Coordination.PasswordHasher

    func boot(routes: any RoutesBuilder) throws {
        let admin = routes.grouped("admin")
        admin.get("users", use: page)
        admin.post("users", use: createUser)
        admin.post("users", "disable", use: disableUser)
        admin.post("organisations", use: createOrganisation)
    }

    struct Page: Encodable {
        struct UserRow: Encodable {
            var email: String
            var name: String
            var role: String
            var organisation: String
            var disabled: Bool
        }

        var chrome: PageChrome
        var users: [UserRow]
        var organisations: [Choice]
        var roles: [Choice]
        var kinds: [Choice]
        var errors: [FieldErrorView]
        var messages: [String: String]
        var notice: String?
        var paging: Paging
        var roleFilter: [Choice]
    }

    struct UserForm: Content {
        var email: String?
        var displayName: String?
        var role: String?
        var organisation: String?
        var password: String?
    }

    @Sendable func page(request: Request) async throws -> View {
        try await render(request, errors: nil)
    }

    @Sendable func createUser(request: Request) async throws -> Response {
        let form = try request.content.decode(UserForm.self)
        let principal = try request.principal
        guard let role = form.role.flatMap(Role.init(rawValue:)) else {
            return try await render(
                request, errors: InputErrors([InputError(field: "role", message: "Select a role.")])
            )
            .encodeResponse(for: request)
        }
        do {
            _ = try await users(request).create(
                .init(
                    email: form.email ?? "", displayName: form.displayName ?? "", role: role,
                    organisationReference: form.organisation ?? "", password: form.password ?? ""),
                by: principal)
            return request.redirect(to: "/admin/users?notice=created", redirectType: .normal)
        } catch let error as InputError {
            return try await render(request, errors: InputErrors([error])).encodeResponse(for: request)
        }
    }

    @Sendable func disableUser(request: Request) async throws -> Response {
        struct Body: Content { var email: String? }
        try await users(request).disable(
            email: try request.content.decode(Body.self).email ?? "", by: try request.principal)
        return request.redirect(to: "/admin/users?notice=disabled", redirectType: .normal)
    }

    @Sendable func createOrganisation(request: Request) async throws -> Response {
        struct Body: Content {
            var kind: String?
            var name: String?
            var reference: String?
        }
        let body = try request.content.decode(Body.self)
        do {
            _ = try await users(request).createOrganisation(
                kind: body.kind, name: body.name ?? "", reference: body.reference ?? "", by: try request.principal)
            return request.redirect(to: "/admin/users?notice=organisation", redirectType: .normal)
        } catch let errors as InputErrors {
            return try await render(request, errors: errors).encodeResponse(for: request)
        }
    }

    private func users(_ request: Request) -> ManageUsers {
        let now = request.now
        return ManageUsers(store: Store(request.db), passwords: passwords, now: { now })
    }

    private func render(_ request: Request, errors: InputErrors?) async throws -> View {
        let roleText = (try? request.query.get(String.self, at: "role")) ?? ""
        let listings = try await users(request).list(by: try request.principal).filter {
            roleText.isEmpty || $0.user.role.rawValue == roleText
        }
        let paging = Paging(request: request, total: listings.count, query: roleText.isEmpty ? "" : "role=\(roleText)&")
        let organisations = try await Store(request.db).organisations()
        let errorViews = [FieldErrorView](errors)
        let notice = (try? request.query.get(String.self, at: "notice")).flatMap {
            [
                "created": "The account was created.", "disabled": "The account was disabled and signed out.",
                "organisation": "The organisation was added.",
            ][$0]
        }
        return try await request.view.render(
            "admin-users",
            Page(
                chrome: PageChrome(
                    title: "Organisations and accounts", isDemo: try await Store(request.db).holdsDemoData(),
                    hasError: errors != nil, signedIn: request.signedIn),
                users: paging.slice(listings).map {
                    .init(
                        email: $0.user.email, name: $0.user.displayName, role: $0.user.role.name,
                        organisation: $0.organisation.name,
                        disabled: $0.user.isDisabled)
                },
                organisations: organisations.map {
                    .init(value: $0.reference, label: "\($0.name) (\($0.reference))", selected: false)
                },
                roles: Role.allCases.map { .init(value: $0.rawValue, label: $0.name, selected: false) },
                kinds: OrganisationKind.allCases.map { .init(value: $0.rawValue, label: $0.rawValue, selected: false) },
                errors: errorViews, messages: errorViews.byField, notice: notice, paging: paging,
                roleFilter: [Choice(value: "", label: "All roles", selected: roleText.isEmpty)]
                    + Role.allCases.map { .init(value: $0.rawValue, label: $0.name, selected: roleText == $0.rawValue) }
            ))
    }
}
