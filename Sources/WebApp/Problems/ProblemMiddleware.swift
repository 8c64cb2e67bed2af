import Coordination
import Foundation
import Leaf
import SecurePlaceCore
import Storage
import Vapor

/// Turns every error into an answer the user can act on: problem+json for the API, an HTML
/// page for people. Unexpected errors are logged without request bodies (which may hold
/// names) and answered with a generic 500.
struct ProblemMiddleware: AsyncMiddleware {
    let environment: Environment

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            let problem = problem(for: error, request: request)
            if problem.status >= 500 {
                request.logger.report(error: error)
            }
            if wantsJSON(request) {
                // Keep what the error asks to send, such as WWW-Authenticate on a 401.
                var headers = (error as? any AbortError)?.headers ?? HTTPHeaders()
                headers.contentType = ProblemDetails.contentType
                let body = try JSONEncoder().encode(problem)
                return Response(
                    status: HTTPResponseStatus(statusCode: problem.status), headers: headers, body: .init(data: body))
            }
            let isDemo = (try? await Store(request.db).holdsDemoData()) ?? false
            let page = ErrorPage(
                chrome: PageChrome(title: problem.title, isDemo: isDemo, signedIn: request.signedIn),
                detail: problem.detail, status: problem.status
            )
            let view = try await request.view.render("error", page)
            let response = try await view.encodeResponse(for: request)
            response.status = HTTPResponseStatus(statusCode: problem.status)
            for (name, value) in (error as? any AbortError)?.headers ?? [:] where name.lowercased() != "content-type" {
                response.headers.replaceOrAdd(name: name, value: value)
            }
            return response
        }
    }

    private func wantsJSON(_ request: Request) -> Bool {
        let path = request.url.path
        return path.hasPrefix("/api/") || path == "/healthz" || path == "/openapi.json"
    }

    private func problem(for error: any Error, request: Request) -> ProblemDetails {
        let instance = request.url.path
        switch error {
        case let error as FieldValidationError:
            return ProblemDetails(
                type: "https://secureplace.example/problems/invalid-field", title: "A field is not valid", status: 400,
                detail: error.message, instance: instance, errors: [.init(field: error.field, message: error.message)])
        case let error as BedBoardDateError:
            return ProblemDetails(
                type: "https://secureplace.example/problems/invalid-field", title: "A field is not valid", status: 400,
                detail: error.description, instance: instance,
                errors: [.init(field: "date", message: error.description)])
        case let error as InputErrors where error.isConflict:
            return ProblemDetails(
                type: "https://secureplace.example/problems/conflict", title: "Not allowed in this state", status: 409,
                detail: error.errors.map(\.message).joined(separator: " "), instance: instance,
                errors: error.errors.map { .init(field: $0.field, message: $0.message) })
        case let error as InputErrors:
            return ProblemDetails(
                type: "https://secureplace.example/problems/invalid-field", title: "A field is not valid", status: 400,
                detail: error.errors.map(\.message).joined(separator: " "), instance: instance,
                errors: error.errors.map { .init(field: $0.field, message: $0.message) })
        case let error as InputError:
            return ProblemDetails(
                type: "https://secureplace.example/problems/invalid-field", title: "A field is not valid", status: 400,
                detail: error.message, instance: instance, errors: [.init(field: error.field, message: error.message)])
        case let error as AccessDenied:
            return error.decision == .hidden
                ? ProblemDetails(
                    type: "about:blank", title: "Page not found", status: 404,
                    detail: "There is nothing at this address.", instance: instance)
                : ProblemDetails(
                    type: "about:blank", title: "Forbidden", status: 403, detail: error.description, instance: instance)
        case let error as ApprovalRequired:
            return ProblemDetails(
                type: "about:blank", title: "Forbidden", status: 403, detail: error.description, instance: instance)
        case let error as ReferralTransitionError:
            return ProblemDetails(
                type: "https://secureplace.example/problems/illegal-transition", title: "Not allowed in this state",
                status: 409,
                detail: error.description, instance: instance, state: error.state.rawValue)
        case let error as StaleAllocation:
            return ProblemDetails(
                type: "https://secureplace.example/problems/stale-allocation", title: "The proposal is out of date",
                status: 409, detail: error.description, instance: instance,
                errors: error.stale.map { .init(field: "pairs", message: $0.reason) })
        case let error as BedUnavailable:
            return ProblemDetails(
                type: "https://secureplace.example/problems/bed-gone", title: "The bed has gone", status: 409,
                detail: error.description, instance: instance)
        case let error as any AbortError:
            let title = error.status == .notFound ? "Page not found" : error.status.reasonPhrase
            let detail = error.status == .notFound ? "There is nothing at this address." : error.reason
            return ProblemDetails(
                type: "about:blank", title: title, status: Int(error.status.code), detail: detail, instance: instance)
        default:
            return ProblemDetails(
                type: "about:blank", title: "Sorry, there is a problem with the service", status: 500,
                detail: environment.isRelease ? "Try again later." : String(describing: error), instance: instance)
        }
    }
}

struct ErrorPage: Encodable {
    var chrome: PageChrome
    var detail: String
    var status: Int
}
