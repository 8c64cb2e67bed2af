/// The string measures the comparators use, on Unicode scalars so that names from any
/// alphabet compare by letter.
public enum StringSimilarity {
    /// Jaro–Winkler similarity in [0, 1], with the usual prefix scale 0.1 over at most four
    /// letters, the prefix counting only where the Jaro similarity is above 0.7 (Winkler's
    /// boost threshold, as DuckDB, and so a Splink export, computes it).
    public static func jaroWinkler(_ first: String, _ second: String, prefixScale: Double = 0.1) -> Double {
        // Every candidate and random pair is compared, and nearly every normalised name is
        // ASCII: compare its bytes in place rather than copy out its scalars.
        let inPlace = first.utf8.withContiguousStorageIfAvailable { a in
            second.utf8.withContiguousStorageIfAvailable { b in
                isASCII(a) && isASCII(b) ? jaroWinkler(a, b, prefixScale: prefixScale) : nil
            }
        }
        if let similarity = inPlace ?? nil, let similarity { return similarity }
        let a = Array(first.unicodeScalars)
        let b = Array(second.unicodeScalars)
        return a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in jaroWinkler(a, b, prefixScale: prefixScale) }
        }
    }

    private static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.allSatisfy { $0 < 0x80 }
    }

    private static func jaroWinkler<Letter: Equatable>(
        _ a: UnsafeBufferPointer<Letter>, _ b: UnsafeBufferPointer<Letter>, prefixScale: Double
    ) -> Double {
        if a.isEmpty && b.isEmpty { return 1 }
        if a.isEmpty || b.isEmpty { return 0 }
        let window = max(0, max(a.count, b.count) / 2 - 1)
        return withUnsafeTemporaryAllocation(of: Bool.self, capacity: a.count + b.count) { matched in
            matched.initialize(repeating: false)
            let matchedA = UnsafeMutableBufferPointer(rebasing: matched[0..<a.count])
            let matchedB = UnsafeMutableBufferPointer(rebasing: matched[a.count...])
            var matches = 0
            for i in a.indices {
                let low = max(0, i - window)
                let high = min(b.count - 1, i + window)
                guard low <= high else { continue }
                for j in low...high where !matchedB[j] && a[i] == b[j] {
                    matchedA[i] = true
                    matchedB[j] = true
                    matches += 1
                    break
                }
            }
            guard matches > 0 else { return 0 }
            var transpositions = 0
            var j = 0
            for i in a.indices where matchedA[i] {
                while !matchedB[j] { j += 1 }
                if a[i] != b[j] { transpositions += 1 }
                j += 1
            }
            let m = Double(matches)
            let jaro = (m / Double(a.count) + m / Double(b.count) + (m - Double(transpositions / 2)) / m) / 3
            guard jaro > 0.7 else { return jaro }
            var prefix = 0
            while prefix < min(4, a.count, b.count) && a[prefix] == b[prefix] { prefix += 1 }
            return jaro + Double(prefix) * prefixScale * (1 - jaro)
        }
    }

    /// Levenshtein distance, or nil as soon as it must exceed `bound`: the comparators only
    /// ask "within one or two edits?", so most pairs stop after a few rows.
    public static func levenshtein(_ first: String, _ second: String, bound: Int) -> Int? {
        let a = Array(first.unicodeScalars)
        let b = Array(second.unicodeScalars)
        if abs(a.count - b.count) > bound { return nil }
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = current[0]
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1)
                rowMinimum = min(rowMinimum, current[j])
            }
            if rowMinimum > bound { return nil }
            swap(&previous, &current)
        }
        return previous[b.count] <= bound ? previous[b.count] : nil
    }
}
