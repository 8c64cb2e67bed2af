/// Text put into an SVG drawn on the server (titles, labels), escaped so a name with `&` or `<`
/// cannot break the drawing or inject markup.
enum SVGText {
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
}
