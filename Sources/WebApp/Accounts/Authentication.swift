import Coordination
import SecurePlaceCore
import Storage
import Vapor

/// Finds who is signed in, from the session cookie (pages) or a bearer token (API), on
/// every request. It does not refuse anyone: `RequireSignIn` does, on the routes that need it.
struct AuthenticationMiddleware: AsyncMiddleware {
    static let sessionCookie = "secureplace-session"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let authenticate = Authenticate(store: Store(request.db), now: { request.now })
        if let bearer = request.headers.bearerAuthorization?.token {
            request.signedIn = try await authenticate.bearer(token: bearer).map {
                SignedInRequest(principal: $0, via: .bearer(bearer))
            }
        } else if let token = request.cookies[Self.sessionCookie]?.string,
            let session = try await authenticate.session(token: token)
        {
            request.signedIn = SignedInRequest(
                principal: session.principal, via: .session(token: token, csrfToken: session.csrfToken))
        }
        return try await next.respond(to: request)
    }
}

/// Refuses a request from no one: pages send people to sign in and come back; the API
/// answers 401 with problem+json.
struct RequireSignIn: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard request.signedIn != nil else {
            if request.url.path.hasPrefix("/api/") {
                throw Abort(
                    .unauthorized, headers: ["WWW-Authenticate": "Bearer"],
                    reason: "Sign in first: send a bearer token from POST /api/v1/sessions.")
            }
            let next = request.url.path + (request.url.query.map { "?\($0)" } ?? "")
            return request.redirect(
                to: "/sign-in?next=\(next.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/")")
        }
        return try await next.respond(to: request)
    }
}

struct SignedInRequest: Sendable {
    enum Credential: Sendable {
        case session(token: String, csrfToken: String)
        case bearer(String)
    }

    var principal: Principal
    var via: Credential

    var csrfToken: String? {
        if case .session(_, let csrf) = via { return csrf }
        return nil
    }
}

private struct SignedInKey: StorageKey {
    typealias Value = SignedInRequest
}

extension Request {
    var signedIn: SignedInRequest? {
        get { storage[SignedInKey.self] }
        set { storage[SignedInKey.self] = newValue }
    }

    /// The signed-in principal; routes behind `RequireSignIn` always have one.
    var principal: Principal {
        get throws {
            guard let principal = signedIn?.principal else { throw Abort(.unauthorized) }
            return principal
        }
    }
}
