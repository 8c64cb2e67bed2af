/// The columns of a record as linkage reads it, for running the model elsewhere: each field in
/// its normalised form (names folded, dates as YYYY-MM-DD, postcodes spaced, sex M or F), and
/// what the exported comparisons and blocking rules read beside it (a name's Soundex code and
/// known short forms, a postcode's sector and district). `secureplace link prepare` writes
/// them; the Splink settings `SplinkSettings` makes refer to them by these names.
public struct PreparedColumns: Sendable {
    public let fields: [LinkageField]
    public let names: [String]
    private let columns: [(field: Int, part: Part)]

    enum Part: Sendable {
        case value, soundex, sector, district, forms, firstWordForms
    }

    public init(fields: [LinkageField]) {
        self.fields = fields
        var columns: [(field: Int, part: Part)] = []
        for (index, field) in fields.enumerated() {
            columns.append((index, .value))
            switch field.kind {
            case .name:
                columns.append((index, .soundex))
                if case .name(let comparison) = field.comparison, comparison.knownForms {
                    columns += [(index, .forms), (index, .firstWordForms)]
                }
            case .postcode: columns += [(index, .sector), (index, .district)]
            default: break
            }
        }
        self.columns = columns
        names = ["id"] + columns.map { Self.name(of: fields[$0.field].name, $0.part) }
    }

    static func name(of field: String, _ part: Part) -> String {
        switch part {
        case .value: field
        case .soundex: field + "_soundex"
        case .sector: field + "_sector"
        case .district: field + "_district"
        case .forms: field + "_forms"
        case .firstWordForms: field + "_first_word_forms"
        }
    }

    /// A prepared record's values in the order of `names`, nil where missing.
    public func values(of record: PreparedRecord) -> [String?] {
        [record.id]
            + columns.map { column in
                guard let value = record.values[column.field] else { return nil }
                switch (column.part, value) {
                case (.value, .text(let text)): return text
                case (.value, .date(let date)): return date.description
                case (.value, .postcode(let code)): return code.description
                case (.value, .bloom(let filter)): return filter.base64
                case (.soundex, .text(let text)): return Soundex.code(text)
                case (.sector, .postcode(let code)): return code.sector
                case (.district, .postcode(let code)): return code.district
                case (.forms, .text(let text)): return KnownNameForms.standard.forms(of: text).joined(separator: "|")
                case (.firstWordForms, .text(let text)):
                    let firstWord = String(text.prefix { $0 != " " })
                    return KnownNameForms.standard.forms(of: firstWord).joined(separator: "|")
                default: return nil
                }
            }
    }
}
