/// Everything wrong with one submitted form or request, field by field, so a form can show
/// each message beside its field at once.
public struct InputErrors: Error, Hashable, Sendable, CustomStringConvertible {
    public var errors: [InputError]

    public init(_ errors: [InputError]) {
        self.errors = errors
    }

    public var description: String { errors.map(\.description).joined(separator: "; ") }

    public func message(for field: String) -> String? {
        errors.first { $0.field == field }?.message
    }
}

/// A bed that was offered is no longer free: someone else took it first.
public struct BedUnavailable: Error, Hashable, Sendable, CustomStringConvertible {
    public init() {}

    public var description: String {
        "The bed has gone: it was reserved or closed before this offer could be accepted. Ask the coordinators to circulate the referral again."
    }
}
