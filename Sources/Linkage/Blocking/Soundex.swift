import Foundation

/// American Soundex, the phonetic code blocking uses so that "Smith" and "Smyth" or
/// "Catherine" and "Kathryn"'s surnames fall in the same block.
public enum Soundex {
    public static func code(_ text: String) -> String? {
        let letters = text.uppercased().unicodeScalars.filter { $0.properties.isAlphabetic && $0.isASCII }
        guard let first = letters.first else { return nil }
        func digit(_ scalar: Unicode.Scalar) -> Character? {
            switch scalar {
            case "B", "F", "P", "V": "1"
            case "C", "G", "J", "K", "Q", "S", "X", "Z": "2"
            case "D", "T": "3"
            case "L": "4"
            case "M", "N": "5"
            case "R": "6"
            default: nil
            }
        }
        var code = String(Character(first))
        var previous = digit(first)
        for scalar in letters.dropFirst() {
            let current = digit(scalar)
            if let current, current != previous { code.append(current) }
            // H and W do not separate equal codes; vowels do.
            if scalar != "H" && scalar != "W" { previous = current }
            if code.count == 4 { break }
        }
        return code.padding(toLength: 4, withPad: "0", startingAt: 0)
    }
}
