import Vapor

extension Request {
    /// A field of an API query string, nil when it is left out. A page's form sends `field=`
    /// for "no filter"; a program that sends it empty has made a mistake, so that is a 400
    /// naming the field and saying what it takes.
    func apiQueryValue(_ field: String, otherwise expected: String) throws -> String? {
        guard let text = query[String.self, at: field] else { return nil }
        guard !text.isEmpty else {
            throw FieldValidationError(field: field, message: "Leave out \(field), or give \(expected).")
        }
        return text
    }
}
