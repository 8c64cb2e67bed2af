import Vapor

/// Every form that changes something must carry the session's CSRF token. Bearer-token API
/// calls are not open to cross-site forgery (a browser never adds the header by itself), so
/// only cookie-authenticated requests are checked. The sign-in form, sent before there is a
/// session, carries a token that must match its own cookie (double submit).
struct CSRFMiddleware: AsyncMiddleware {
    static let field = "csrfToken"
    static let signInCookie = "secureplace-sign-in-csrf"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard [.POST, .PUT, .PATCH, .DELETE].contains(request.method) else {
            return try await next.respond(to: request)
        }
        let sent = try? request.content.get(String.self, at: Self.field)
        switch request.signedIn?.via {
        case .bearer:
            break
        case .session(_, let expected):
            guard sent == expected else { throw Abort(.forbidden, reason: Self.refusal) }
        case nil:
            if request.url.path == "/sign-in" {
                guard let sent, sent == request.cookies[Self.signInCookie]?.string else {
                    throw Abort(.forbidden, reason: Self.refusal)
                }
            }
        }
        return try await next.respond(to: request)
    }

    static let refusal =
        "The form was out of date or did not come from SecurePlace. Go back, reload the page and try again."
}
