import Coordination
import SecurePlaceCore
import Storage
import Vapor

/// Signing in and out: the form for people, `/api/v1/sessions` for case-management systems.
struct SignInController: RouteCollection {
    let passwords: any Coordination.PasswordHasher
    let clientAddress: ClientAddress

    func boot(routes: any RoutesBuilder) throws {
        routes.get("sign-in", use: signInPage)
        routes.post("sign-in", use: signIn)
        routes.grouped(RequireSignIn()).post("sign-out", use: signOut)
        let api = routes.grouped("api", "v1", "sessions")
        api.post(use: createToken)
        api.grouped(RequireSignIn()).delete("current", use: revokeToken)
    }

    struct SignInForm: Content {
        var email: String?
        var password: String?
        var next: String?
        var csrfToken: String?
    }

    struct SignInPage: Encodable {
        var chrome: PageChrome
        var email: String
        var next: String
        var csrfToken: String
        var errors: [FieldMessage]
        var emailError: String?
        var passwordError: String?
    }

    struct FieldMessage: Encodable {
        var field: String
        var message: String
    }

    @Sendable func signInPage(request: Request) async throws -> Response {
        if request.signedIn != nil { return request.redirect(to: "/") }
        return try await render(request, email: "", next: request.query[String.self, at: "next"] ?? "/", errors: [])
    }

    @Sendable func signIn(request: Request) async throws -> Response {
        let form = try request.content.decode(SignInForm.self)
        let email = (form.email ?? "").trimmingCharacters(in: .whitespaces)
        let password = form.password ?? ""
        let next = Self.safeNext(form.next)
        var errors: [FieldMessage] = []
        if email.isEmpty { errors.append(.init(field: "email", message: "Enter your email address.")) }
        if password.isEmpty { errors.append(.init(field: "password", message: "Enter your password.")) }
        guard errors.isEmpty else { return try await render(request, email: email, next: next, errors: errors) }
        do {
            let signedIn = try await signInUseCase(request)(
                email: email, password: password, address: clientAddress.of(request), kind: .browser)
            let response = request.redirect(to: next, redirectType: .normal)
            response.cookies[AuthenticationMiddleware.sessionCookie] = HTTPCookies.Value(
                string: signedIn.token, expires: signedIn.expiresAt, path: "/", isSecure: Self.isSecure(request),
                isHTTPOnly: true, sameSite: .lax)
            response.cookies[CSRFMiddleware.signInCookie] = HTTPCookies.Value(
                string: "", expires: Date(timeIntervalSince1970: 0), path: "/")
            return response
        } catch let error as SignInError {
            let response = try await render(
                request, email: email, next: next, errors: [.init(field: "password", message: error.description)])
            if case .locked(let until) = error {
                response.status = .tooManyRequests
                response.headers.add(contentsOf: Self.retryAfter(until, request))
            }
            return response
        }
    }

    @Sendable func signOut(request: Request) async throws -> Response {
        if case .session(let token, _) = request.signedIn?.via {
            try await Authenticate(store: Store(request.db), now: { request.now })
                .signOut(sessionToken: token, principal: try request.principal)
        }
        let response = request.redirect(to: "/sign-in", redirectType: .normal)
        response.cookies[AuthenticationMiddleware.sessionCookie] = HTTPCookies.Value(
            string: "", expires: Date(timeIntervalSince1970: 0), path: "/", isHTTPOnly: true, sameSite: .lax)
        return response
    }

    struct TokenRequest: Content {
        var email: String?
        var password: String?
    }

    struct TokenResponse: Content {
        var token: String
        var tokenType: String
        var expiresAt: Date
        var role: Role
        var organisation: String
    }

    @Sendable func createToken(request: Request) async throws -> Response {
        let body = try request.content.decode(TokenRequest.self)
        guard let email = body.email, !email.isEmpty else {
            throw FieldValidationError(field: "email", message: "Send the email address.")
        }
        guard let password = body.password, !password.isEmpty else {
            throw FieldValidationError(field: "password", message: "Send the password.")
        }
        do {
            let signedIn = try await signInUseCase(request)(
                email: email, password: password, address: clientAddress.of(request), kind: .apiClient)
            let response = Response(status: .created)
            try response.content.encode(
                TokenResponse(
                    token: signedIn.token, tokenType: "Bearer", expiresAt: signedIn.expiresAt,
                    role: signedIn.principal.role, organisation: signedIn.principal.organisation.reference))
            return response
        } catch let error as SignInError {
            switch error {
            case .wrongEmailOrPassword: throw Abort(.unauthorized, reason: error.description)
            case .locked(let until):
                throw Abort(.tooManyRequests, headers: Self.retryAfter(until, request), reason: error.description)
            }
        }
    }

    @Sendable func revokeToken(request: Request) async throws -> HTTPStatus {
        guard case .bearer(let token) = request.signedIn?.via else {
            throw FieldValidationError(
                field: "Authorization", message: "Send the bearer token to revoke in the Authorization header.")
        }
        try await Authenticate(store: Store(request.db), now: { request.now }).revoke(
            bearerToken: token, principal: try request.principal)
        return .noContent
    }

    private func signInUseCase(_ request: Request) -> SignIn {
        let now = request.now
        return SignIn(store: Store(request.db), passwords: passwords, now: { now })
    }

    private func render(_ request: Request, email: String, next: String, errors: [FieldMessage]) async throws
        -> Response
    {
        let csrf = SecretTokens.system.make()
        let page = SignInPage(
            chrome: PageChrome(
                title: "Sign in", isDemo: try await Store(request.db).holdsDemoData(), hasError: !errors.isEmpty),
            email: email, next: next, csrfToken: csrf, errors: errors,
            emailError: errors.first { $0.field == "email" }?.message,
            passwordError: errors.first { $0.field == "password" }?.message)
        let response = try await request.view.render("sign-in", page).encodeResponse(for: request)
        response.cookies[CSRFMiddleware.signInCookie] = HTTPCookies.Value(
            string: csrf, path: "/sign-in", isSecure: Self.isSecure(request), isHTTPOnly: true, sameSite: .strict)
        return response
    }

    /// Only a path on this site, so a sign-in link cannot send anyone elsewhere.
    static func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\") else { return "/" }
        return next
    }

    /// Seconds until a locked sign-in may be tried again, so a client need not guess.
    static func retryAfter(_ until: Date, _ request: Request) -> HTTPHeaders {
        ["Retry-After": String(max(1, Int(until.timeIntervalSince(request.now).rounded(.up))))]
    }

    /// Cookies are marked Secure when the service is reached over TLS (directly or through a
    /// proxy that says so).
    static func isSecure(_ request: Request) -> Bool {
        request.url.scheme == "https" || request.headers.first(name: "X-Forwarded-Proto") == "https"
    }
}
