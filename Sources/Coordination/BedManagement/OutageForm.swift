import Foundation
import SecurePlaceCore

/// What a home manager enters about a bed out of service: the coded reason, the first day
/// (today when closing it now), the day it is expected back, and a note.
public struct OutageForm: Sendable {
    public var reason: String?
    public var startsOn: String?
    public var expectedEndOn: String?
    public var note: String?

    public init(reason: String? = nil, startsOn: String? = nil, expectedEndOn: String? = nil, note: String? = nil) {
        self.reason = reason
        self.startsOn = startsOn
        self.expectedEndOn = expectedEndOn
        self.note = note
    }

    struct Validated {
        var reason: BedClosureReason
        var startsOn: CalendarDate?
        var expectedEndOn: CalendarDate?
        var note: String
    }

    /// Every field's problem at once. A blank start means today.
    func validated(today: CalendarDate) throws(InputErrors) -> Validated {
        var errors: [InputError] = []
        let reason = BedClosureReason(rawValue: (reason ?? "").trimmingCharacters(in: .whitespaces))
        if reason == nil {
            errors.append(
                InputError(
                    field: "reason",
                    message: "Say why the bed is out of service: "
                        + BedClosureReason.allCases.map(\.rawValue).joined(separator: ", ") + "."))
        }
        let starts = InputError.day(startsOn, field: "startsOn", into: &errors)
        let ends = InputError.day(expectedEndOn, field: "expectedEndOn", into: &errors)
        if let ends, ends < (starts ?? today) {
            errors.append(
                InputError(field: "expectedEndOn", message: "The expected end must be on or after the first day."))
        } else if let ends, ends > today.adding(days: BedAvailability.longestRange * 2) {
            errors.append(InputError(field: "expectedEndOn", message: "The expected end must be within two years."))
        }
        let note = (note ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if note.count > 500 { errors.append(InputError(field: "note", message: "Keep the note to 500 characters.")) }
        guard errors.isEmpty, let reason else { throw InputErrors(errors) }
        return Validated(reason: reason, startsOn: starts, expectedEndOn: ends, note: note)
    }
}
