/// Writing CSV the way the import reads it (RFC 4180).
public enum CSVField {
    /// A field, quoted when it holds a comma, a quote or a line break.
    public static func escape(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
