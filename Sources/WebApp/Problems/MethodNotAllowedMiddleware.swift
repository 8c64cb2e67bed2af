import Vapor

/// A method the address does not have is a 405 naming the methods it does have (RFC 9110,
/// 15.5.6), not a 404: a client that sent PUT where POST was meant learns that the address is
/// right. It sits inside `ProblemMiddleware`, so the answer is problem+json for the API and an
/// error page for people, both with the `Allow` header.
struct MethodNotAllowedMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch let error as RouteNotFound {
            let allowed = Self.methods(allowedAt: request.url.path, in: request.application.routes.all)
            guard !allowed.isEmpty else { throw error }
            throw Abort(
                .methodNotAllowed, headers: ["Allow": allowed.joined(separator: ", ")],
                reason:
                    "\(request.method.rawValue) is not a method of this address; it has \(allowed.joined(separator: ", "))."
            )
        }
    }

    /// The methods of the routes whose path matches, in a fixed order; a GET route answers HEAD
    /// too, as Vapor's router sends HEAD to it.
    static func methods(allowedAt path: String, in routes: [Route]) -> [String] {
        let components = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        var methods = Set(routes.filter { matches($0.path, components) }.map(\.method.rawValue))
        if methods.contains("GET") { methods.insert("HEAD") }
        return methods.sorted()
    }

    private static func matches(_ pattern: [PathComponent], _ components: [String]) -> Bool {
        for (index, part) in pattern.enumerated() {
            switch part {
            case .catchall: return index < components.count
            case .constant(let text): if index >= components.count || components[index] != text { return false }
            case .parameter, .anything: if index >= components.count { return false }
            }
        }
        return pattern.count == components.count
    }
}
