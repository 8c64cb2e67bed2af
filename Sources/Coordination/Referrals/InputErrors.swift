import SecurePlaceCore

/// Everything wrong with one submitted form or request, field by field, so a form can show
/// each message beside its field at once.
public struct InputErrors: Error, Hashable, Sendable, CustomStringConvertible {
    public var errors: [InputError]
    /// The request was well formed, but what it asks conflicts with the state of the thing
    /// it names (a bed that is already open, a referral the home has already answered): the
    /// API answers 409 rather than 400, and a form still shows the message beside the field.
    public var isConflict: Bool

    public init(_ errors: [InputError], isConflict: Bool = false) {
        self.errors = errors
        self.isConflict = isConflict
    }

    public var description: String { errors.map(\.description).joined(separator: "; ") }

    public func message(for field: String) -> String? {
        errors.first { $0.field == field }?.message
    }
}

extension InputError {
    /// An optional ISO day typed into `field`: nil when blank; nil with the field's error added
    /// to `errors` when it is not a real date.
    static func day(_ text: String?, field: String, into errors: inout [InputError]) -> CalendarDate? {
        let text = (text ?? "").trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { return nil }
        guard let day = CalendarDate(iso: text) else {
            errors.append(InputError(field: field, message: "Enter a real date in the form YYYY-MM-DD."))
            return nil
        }
        return day
    }
}

/// A bed that was offered is no longer free: someone else took it first.
public struct BedUnavailable: Error, Hashable, Sendable, CustomStringConvertible {
    public init() {}

    public var description: String {
        "The bed has gone: it was reserved or closed before this offer could be accepted. Ask the coordinators to circulate the referral again."
    }
}
