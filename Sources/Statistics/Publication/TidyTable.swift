/// A table in the Department for Education's tidy-data layout (Explore Education Statistics):
/// one row for each time period, place and combination of filters, one column for each
/// indicator, with a metadata file describing the columns.
public struct TidyTable: Hashable, Sendable {
    public enum GeographicLevel: String, Hashable, Sendable, CaseIterable {
        case national = "National"
        case regional = "Regional"
        case localAuthority = "Local authority"
    }

    /// The place a row is about; the codes and names of the levels above it are given too,
    /// and those below are empty.
    public struct Place: Hashable, Sendable {
        public var level: GeographicLevel
        public var countryCode: String
        public var countryName: String
        public var regionCode: String
        public var regionName: String
        public var authorityCode: String
        public var authorityName: String

        public init(
            level: GeographicLevel, countryCode: String, countryName: String, regionCode: String = "",
            regionName: String = "", authorityCode: String = "", authorityName: String = ""
        ) {
            self.level = level
            self.countryCode = countryCode
            self.countryName = countryName
            self.regionCode = regionCode
            self.regionName = regionName
            self.authorityCode = authorityCode
            self.authorityName = authorityName
        }
    }

    /// A financial year ("202526", "Financial year") or one of its quarters ("202526",
    /// "Financial year Q1").
    public struct Period: Hashable, Sendable {
        public var code: String
        public var identifier: String

        public init(code: String, identifier: String) {
            self.code = code
            self.identifier = identifier
        }

        public var isWholeYear: Bool { identifier == "Financial year" }
    }

    public struct Column: Hashable, Sendable {
        public enum Kind: String, Hashable, Sendable {
            case filter = "Filter"
            case indicator = "Indicator"
        }

        public var name: String
        public var label: String
        public var kind: Kind
        /// "%" for a percentage, empty for a count.
        public var unit: String
        public var decimalPlaces: Int?
        public var hint: String

        public static func filter(_ name: String, _ label: String, hint: String = "") -> Column {
            Column(name: name, label: label, kind: .filter, unit: "", decimalPlaces: nil, hint: hint)
        }

        public static func count(_ name: String, _ label: String) -> Column {
            Column(name: name, label: label, kind: .indicator, unit: "", decimalPlaces: 0, hint: "")
        }

        public static func percent(_ name: String, _ label: String) -> Column {
            Column(name: name, label: label, kind: .indicator, unit: "%", decimalPlaces: 1, hint: "")
        }

        /// A figure that is not a count of children: a median in days, a distance, beds.
        public static func measure(_ name: String, _ label: String, unit: String, decimalPlaces: Int = 1) -> Column {
            Column(name: name, label: label, kind: .indicator, unit: unit, decimalPlaces: decimalPlaces, hint: "")
        }

        /// A count of children or events: the cells disclosure control protects.
        public var isCount: Bool { kind == .indicator && unit.isEmpty }
    }

    /// An indicator's value before disclosure control.
    public enum Value: Hashable, Sendable {
        case count(Int)
        /// A percentage of two counts in the same row, named by their indicator columns.
        case percent(numerator: String, denominator: String)
        /// A median or quartile of the children a count in the same row counts (named by its
        /// indicator column): it says something about each of them, so it is hidden with that
        /// count and where they are few. Nil where it cannot be given (a median not reached).
        case summary(Double?, of: String)
        /// A figure about beds rather than children (beds open, bed-days): not protected.
        case figure(Double?)
    }

    public struct Row: Hashable, Sendable {
        public var period: Period
        public var place: Place
        /// In the order of the table's filter columns.
        public var filters: [String]
        /// In the order of the table's indicator columns.
        public var values: [Value]

        public init(period: Period, place: Place, filters: [String], values: [Value]) {
            self.period = period
            self.place = place
            self.filters = filters
            self.values = values
        }
    }

    /// The file's name without its extension, such as `referral_outcomes`.
    public var name: String
    public var title: String
    public var filters: [Column]
    public var indicators: [Column]
    public var rows: [Row]
    /// Counts in one row that add up: `total` is the sum of `parts` (indicator names).
    public struct Identity: Hashable, Sendable {
        public var total: String
        public var parts: [String]

        public init(_ total: String, is parts: [String]) {
            self.total = total
            self.parts = parts
        }
    }

    public var identities: [Identity]
    /// The filter value that stands for every other value of its filter.
    public static let total = "Total"

    public init(
        name: String, title: String, filters: [Column], indicators: [Column], rows: [Row] = [],
        identities: [Identity] = []
    ) {
        self.name = name
        self.title = title
        self.filters = filters
        self.indicators = indicators
        self.rows = rows
        self.identities = identities
    }

    public func indicatorIndex(_ name: String) -> Int? { indicators.firstIndex { $0.name == name } }
}

extension TidyTable {
    /// Every value as it is, for the service's own analysts: no disclosure control.
    public var exactValues: [[PublishedValue]] {
        rows.map { row in
            row.values.enumerated().map { i, value in
                let places = indicators[i].decimalPlaces ?? 1
                switch value {
                case .count(let count): return .value(String(count))
                case .percent(let numerator, let denominator):
                    guard let n = indicatorIndex(numerator), let d = indicatorIndex(denominator),
                        case .count(let top) = row.values[n], case .count(let bottom) = row.values[d]
                    else { return .notAvailable }
                    return bottom == 0 ? .notApplicable : Self.percentText(top, of: bottom, decimalPlaces: places)
                case .summary(let figure, _), .figure(let figure):
                    return Self.figureText(figure, decimalPlaces: places)
                }
            }
        }
    }

    /// "low" where a share rounds to zero without being zero.
    static func percentText(_ top: Int, of bottom: Int, decimalPlaces: Int) -> PublishedValue {
        let text = String(format: "%.\(decimalPlaces)f", Double(top) / Double(bottom) * 100)
        if top > 0, Double(text) == 0 { return .value("low") }
        return .value(text)
    }

    /// "x" (not available) where there is no figure: a median that was not reached.
    static func figureText(_ figure: Double?, decimalPlaces: Int) -> PublishedValue {
        guard let figure, figure.isFinite else { return .notAvailable }
        return .value(String(format: "%.\(decimalPlaces)f", figure))
    }
}
