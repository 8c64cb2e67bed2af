import Foundation

extension String {
    /// The text without leading or trailing spaces and tabs, as
    /// `trimmingCharacters(in: .whitespaces)` gives it; a value that needs no trimming (nearly
    /// all of a partner's file) is returned without going through Foundation, which was a
    /// tenth of a linkage's reading time.
    public var trimmedOfSpaces: String {
        guard let first = utf8.first, let last = utf8.last else { return self }
        if first > 0x20 && first < 0x80 && last > 0x20 && last < 0x80 { return self }
        return trimmingCharacters(in: .whitespaces)
    }
}
