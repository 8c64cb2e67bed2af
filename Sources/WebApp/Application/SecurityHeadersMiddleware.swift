import Vapor

/// Sets the headers that keep the pages from being framed, sniffed, leaked through the
/// `Referer` header or made to run a script, on every answer, errors included (it sits
/// outside `ProblemMiddleware`).
///
/// The pages run no script and carry no inline style (the charts are SVG drawn with
/// presentation attributes, and the planning page reloads itself by a `meta` refresh), so the
/// policy allows only the service's own style sheet and images, and forms that post back to
/// the service. Addresses carry referral and home identifiers, so no page sends its address to
/// another site. Strict-Transport-Security is sent only when the request came over TLS
/// (directly or through a proxy that says so), as browsers ignore it otherwise.
struct SecurityHeadersMiddleware: AsyncMiddleware {
    static let contentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
    /// A year, the least that browsers' preload lists accept.
    static let strictTransportSecurity = "max-age=31536000; includeSubDomains"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        let headers = [
            ("Content-Security-Policy", Self.contentSecurityPolicy),
            ("X-Content-Type-Options", "nosniff"),
            ("X-Frame-Options", "DENY"),
            ("Referrer-Policy", "no-referrer"),
        ]
        for (name, value) in headers { response.headers.replaceOrAdd(name: name, value: value) }
        if SignInController.isSecure(request) {
            response.headers.replaceOrAdd(name: "Strict-Transport-Security", value: Self.strictTransportSecurity)
        }
        return response
    }
}
