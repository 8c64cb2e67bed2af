/// A fitted model as a Splink settings file, so that the same model (fields, levels, m, u,
/// the prior, term frequencies and blocking rules) scores pairs on Splink's DuckDB or Spark
/// backends when a national extract outgrows one machine. Splink reads files written by
/// `PreparedColumns` (`secureplace link prepare`): the normalising is SecurePlace's, the SQL
/// conditions here only compare. The SQL is DuckDB's; Spark has the same functions but for
/// `jaro_winkler_similarity` (`jaro_winkler` there), `list_contains` and `string_split`
/// (`array_contains` and `split`).
public struct SplinkSettings: Encodable, Sendable {
    public enum ExportError: Error, Equatable, CustomStringConvertible {
        case encodedField(String)
        case sampledBlocking(String)

        public var description: String {
            switch self {
            case .encodedField(let field):
                "\(field) is a Bloom-filter encoding: Splink has no Dice comparison, so an encoded linkage cannot be exported"
            case .sampledBlocking(let rule):
                "the blocking rule \"\(rule)\" samples Bloom-filter bits, which Splink cannot do"
            }
        }
    }

    struct BlockingRuleEntry: Encodable, Sendable {
        var blocking_rule: String
        var sql_dialect = "duckdb"
    }

    struct ComparisonEntry: Encodable, Sendable {
        var output_column_name: String
        var comparison_description: String
        var comparison_levels: [Level]
    }

    struct Level: Encodable, Sendable {
        var sql_condition: String
        var label_for_charts: String
        var is_null_level: Bool?
        var m_probability: Double?
        var u_probability: Double?
        var tf_adjustment_column: String?
        var tf_adjustment_weight: Double?
    }

    var link_type: String
    var unique_id_column_name = "id"
    var probability_two_random_records_match: Double
    var sql_dialect = "duckdb"
    var retain_matching_columns = true
    var retain_intermediate_calculation_columns = true
    var blocking_rules_to_generate_predictions: [BlockingRuleEntry]
    var comparisons: [ComparisonEntry]

    /// The settings for a run's configuration and estimate; `deduplicating` for a run over one
    /// file (`secureplace link dedupe`).
    public init(configuration: Linker.Configuration, estimate: Linker.Estimate, deduplicating: Bool) throws {
        let model = estimate.model
        link_type = deduplicating ? "dedupe_only" : "link_only"
        probability_two_random_records_match = model.matchProportion
        let adjusted = Set(configuration.termFrequencyFields)
        comparisons = try model.fields.enumerated().map { index, field in
            let conditions = try Self.conditions(for: field)
            let names = field.comparison.levelNames
            let top = names.count - 1
            let levels = (0...top).reversed().map { level in
                Level(
                    sql_condition: level == 0 ? "ELSE" : conditions[top - level], label_for_charts: names[level],
                    m_probability: model.m[index][level], u_probability: model.u[index][level],
                    tf_adjustment_column: level == top && adjusted.contains(field.name) ? field.name : nil,
                    tf_adjustment_weight: level == top && adjusted.contains(field.name) ? 1 : nil)
            }
            let missing = Level(
                sql_condition: "\(column(field.name, "l")) IS NULL OR \(column(field.name, "r")) IS NULL",
                label_for_charts: "missing", is_null_level: true)
            return ComparisonEntry(
                output_column_name: field.name,
                comparison_description: "\(field.name): " + names.reversed().joined(separator: ", "),
                comparison_levels: [missing] + levels)
        }
        // After the fields, so that an encoded linkage is refused for its Dice comparisons
        // rather than for the blocking that follows from them.
        blocking_rules_to_generate_predictions = try configuration.blockingRules.map {
            BlockingRuleEntry(blocking_rule: try Self.sql(for: $0))
        }
    }

    /// The conditions of every level but the lowest (different), highest first.
    static func conditions(for field: LinkageField) throws -> [String] {
        let (l, r) = (column(field.name, "l"), column(field.name, "r"))
        let same = "\(l) = \(r)"
        switch field.comparison {
        case .exact: return [same]
        case .jaroWinkler(let thresholds):
            return [same] + thresholds.map { "jaro_winkler_similarity(\(l), \(r)) >= \($0)" }
        case .levenshtein(let edits):
            return [same] + edits.map { "levenshtein(\(l), \(r)) <= \($0)" }
        case .date:
            func part(_ side: String, _ start: Int, _ length: Int) -> String {
                "substr(\(side), \(start), \(length))"
            }
            let (year, month, day) = ((1, 4), (6, 2), (9, 2))
            let differing = [year, month, day].map {
                "CAST(\(part(l, $0.0, $0.1)) <> \(part(r, $0.0, $0.1)) AS INTEGER)"
            }
            return [
                same,
                "\(part(l, 1, 4)) = \(part(r, 1, 4)) AND \(part(l, 6, 2)) = \(part(r, 9, 2)) AND \(part(l, 9, 2)) = \(part(r, 6, 2))",
                "(" + differing.joined(separator: " + ") + ") = 1",
            ]
        case .postcode:
            return [
                same, "\(column(field.name + "_sector", "l")) = \(column(field.name + "_sector", "r"))",
                "\(column(field.name + "_district", "l")) = \(column(field.name + "_district", "r"))",
            ]
        case .dice: throw ExportError.encodedField(field.name)
        case .name(let comparison): return nameConditions(comparison, field: field.name)
        }
    }

    /// The name levels of `NameComparison.level`, in its order, as SQL.
    static func nameConditions(_ comparison: NameComparison, field: String) -> [String] {
        let (l, r) = (column(field, "l"), column(field, "r"))
        func similar(_ a: String, _ b: String, _ threshold: Double) -> String {
            "jaro_winkler_similarity(\(a), \(b)) >= \(threshold)"
        }
        func first(_ value: String) -> String { "substr(\(value), 1, 1)" }
        func firstWord(_ value: String) -> String { "split_part(\(value), ' ', 1)" }
        let eitherHasParts = "(contains(\(l), ' ') OR contains(\(r), ' '))"
        return comparison.agreements.dropLast().map { agreement in
            switch agreement {
            case .same: return "\(l) = \(r)"
            case .swapped:
                let other = comparison.swappedWith ?? field
                let (pl, pr) = (column(other, "l"), column(other, "r"))
                let lowest = comparison.thresholds.last ?? 1
                return
                    "\(first(l)) = \(first(pr)) AND \(first(pl)) = \(first(r)) AND ((\(l) = \(pr) AND \(pl) = \(r)) OR ("
                    + similar(l, pr, lowest) + " AND " + similar(pl, r, lowest) + "))"
            case .knownForm:
                let forms = column(field + "_forms", "l")
                let firstWordForms = column(field + "_first_word_forms", "l")
                return "list_contains(string_split(\(forms), '|'), \(r)) OR (\(eitherHasParts) AND "
                    + "\(firstWord(l)) <> \(firstWord(r)) AND "
                    + "list_contains(string_split(\(firstWordForms), '|'), \(firstWord(r))))"
            case .similar(let threshold): return similar(l, r, threshold)
            case .onePart:
                return "\(eitherHasParts) AND list_has_any(list_filter(string_split(\(l), ' '), lambda part: "
                    + "length(part) > 1), string_split(\(r), ' '))"
            case .initial: return "(length(\(l)) = 1 OR length(\(r)) = 1) AND \(first(l)) = \(first(r))"
            case .different: return "TRUE"
            }
        }
    }

    static func sql(for rule: BlockingRule) throws -> String {
        func same(_ expression: (String) -> String) -> String { "\(expression("l")) = \(expression("r"))" }
        func year(_ field: String) -> (String) -> String { { "substr(\($0).\(quoted(field)), 1, 4)" } }
        func plain(_ field: String) -> (String) -> String { { "\($0).\(quoted(field))" } }
        switch rule {
        case .prefixAndYear(let name, let length, let date):
            return same { "substr(\($0).\(quoted(name)), 1, \(length))" } + " AND " + same(year(date))
        case .postcodeSector(let field): return same(plain(field + "_sector"))
        case .phonetic(let field): return same(plain(field + "_soundex"))
        case .phoneticAndYear(let name, let date): return same(plain(name + "_soundex")) + " AND " + same(year(date))
        case .exact(let fields): return fields.map { same(plain($0)) }.joined(separator: " AND ")
        case .bitSample: throw ExportError.sampledBlocking(rule.description)
        }
    }
}

private func quoted(_ name: String) -> String { "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }

/// A column of one side of the pair, as Splink names it in comparison conditions.
private func column(_ name: String, _ side: String) -> String { quoted("\(name)_\(side)") }
