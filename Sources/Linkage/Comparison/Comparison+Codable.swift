/// A comparison in a configuration file is an object with one key, the comparison's name:
/// `{"jaroWinkler": {"thresholds": [0.92, 0.8]}}`, `{"date": {}}`, and for names the
/// `NameComparison`'s own settings, any left out taking their defaults:
/// `{"name": {"swappedWith": "surname"}}`.
extension Comparison: Codable {
    private enum Name: String, CodingKey, CaseIterable {
        case exact, jaroWinkler, levenshtein, date, postcode, dice, name
    }

    private enum Settings: String, CodingKey {
        case thresholds, maximumEdits
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Name.self)
        guard container.allKeys.count == 1, let name = container.allKeys.first else {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(
                    codingPath: decoder.codingPath,
                    debugDescription: "A comparison is one of "
                        + Name.allCases.map { "{\"\($0.rawValue)\": …}" }.joined(separator: ", ")))
        }
        func settings() throws -> KeyedDecodingContainer<Settings> {
            try container.nestedContainer(keyedBy: Settings.self, forKey: name)
        }
        switch name {
        case .name: self = .name(try container.decode(NameComparison.self, forKey: .name))
        case .exact: self = .exact
        case .date: self = .date
        case .postcode: self = .postcode
        case .jaroWinkler: self = .jaroWinkler(thresholds: try settings().decode([Double].self, forKey: .thresholds))
        case .dice: self = .dice(thresholds: try settings().decode([Double].self, forKey: .thresholds))
        case .levenshtein: self = .levenshtein(maximumEdits: try settings().decode([Int].self, forKey: .maximumEdits))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Name.self)
        switch self {
        case .name(let comparison): try container.encode(comparison, forKey: .name)
        case .exact: _ = container.nestedContainer(keyedBy: Settings.self, forKey: .exact)
        case .date: _ = container.nestedContainer(keyedBy: Settings.self, forKey: .date)
        case .postcode: _ = container.nestedContainer(keyedBy: Settings.self, forKey: .postcode)
        case .jaroWinkler(let thresholds):
            var settings = container.nestedContainer(keyedBy: Settings.self, forKey: .jaroWinkler)
            try settings.encode(thresholds, forKey: .thresholds)
        case .dice(let thresholds):
            var settings = container.nestedContainer(keyedBy: Settings.self, forKey: .dice)
            try settings.encode(thresholds, forKey: .thresholds)
        case .levenshtein(let edits):
            var settings = container.nestedContainer(keyedBy: Settings.self, forKey: .levenshtein)
            try settings.encode(edits, forKey: .maximumEdits)
        }
    }
}
