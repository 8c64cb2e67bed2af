import Vapor

/// An API error as RFC 9457 problem details, with the fields at fault.
struct ProblemDetails: Content {
    struct FieldError: Content, Equatable {
        var field: String
        var message: String
    }

    var type: String
    var title: String
    var status: Int
    var detail: String
    var instance: String?
    var errors: [FieldError]?
    /// For a 409 on a referral: the state it is in.
    var state: String?

    static let contentType = HTTPMediaType(type: "application", subType: "problem+json")
}

/// An error that knows which request field is at fault and what the user should do.
struct FieldValidationError: Error, AbortError {
    var field: String
    var message: String
    var status: HTTPResponseStatus { .badRequest }
    var reason: String { message }
}
