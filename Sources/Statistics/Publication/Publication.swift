/// Tables published together from the same data. They are protected together: a count hidden
/// in one must not be recoverable from another (a child counted by region in one table and by
/// authority in another, or by outcome in one and by the alternative used in another).
public struct Publication: Hashable, Sendable {
    /// A count in one table that equals a count in another, row for row wherever both tables
    /// have the same period and place.
    public struct Link: Hashable, Sendable {
        public var table: String
        public var indicator: String
        /// The filter values the row must have (filter name to value); others must be totals.
        public var filters: [String: String]
        public var otherTable: String
        public var otherIndicator: String
        public var otherFilters: [String: String]

        public init(
            _ table: String, _ indicator: String, filters: [String: String] = [:], equals otherTable: String,
            _ otherIndicator: String, filters otherFilters: [String: String] = [:]
        ) {
            self.table = table
            self.indicator = indicator
            self.filters = filters
            self.otherTable = otherTable
            self.otherIndicator = otherIndicator
            self.otherFilters = otherFilters
        }
    }

    public var tables: [TidyTable]
    public var links: [Link]

    public init(tables: [TidyTable], links: [Link] = []) {
        self.tables = tables
        self.links = links
    }

    /// A count cell: table, row and indicator.
    struct CellAddress: Hashable {
        var table: Int
        var row: Int
        var indicator: Int
    }

    /// Every count cell and every way counts add up across the whole publication.
    func additivity() -> (cells: [CellAddress], values: [Int], sums: [Additivity]) {
        var cells: [CellAddress] = []
        var values: [Int] = []
        var index: [CellAddress: Int] = [:]
        for (t, table) in tables.enumerated() {
            for (r, row) in table.rows.enumerated() {
                for (i, value) in row.values.enumerated() {
                    guard case .count(let count) = value else { continue }
                    let address = CellAddress(table: t, row: r, indicator: i)
                    index[address] = cells.count
                    cells.append(address)
                    values.append(count)
                }
            }
        }
        func cell(_ t: Int, _ r: Int, _ i: Int) -> Cell? {
            index[CellAddress(table: t, row: r, indicator: i)].map { Cell(row: $0, column: 0) }
        }
        var sums: [Additivity] = []
        func add(_ t: Int, total: Int, parts: [Int], indicators: Range<Int>) {
            guard !parts.isEmpty else { return }
            for i in indicators {
                guard let totalCell = cell(t, total, i) else { continue }
                let partCells = parts.compactMap { cell(t, $0, i) }
                if partCells.count == parts.count { sums.append(Additivity(parts: partCells, total: totalCell)) }
            }
        }
        for (t, table) in tables.enumerated() {
            let all = 0..<table.indicators.count
            let rows = Array(table.rows.enumerated())
            // Places: the nation is its regions, a region its authorities.
            for (_, group) in Dictionary(grouping: rows, by: { PeriodAndFilters($0.element) }) {
                for (r, row) in group where row.place.level != .localAuthority {
                    let below: TidyTable.GeographicLevel = row.place.level == .national ? .regional : .localAuthority
                    let parts = group.filter { candidate in
                        candidate.element.place.level == below
                            && (below == .regional || candidate.element.place.regionCode == row.place.regionCode)
                    }
                    add(t, total: r, parts: parts.map(\.offset), indicators: all)
                }
            }
            // Filters: a Total row is the sum of the rows with each other value.
            for f in table.filters.indices {
                let groups = Dictionary(grouping: rows) { row in
                    var key = PeriodAndFilters(row.element)
                    key.filters.remove(at: f)
                    return PlaceKey(key: key, place: row.element.place)
                }
                for (_, group) in groups {
                    guard let total = group.first(where: { $0.element.filters[f] == TidyTable.total }) else { continue }
                    let parts = group.filter { $0.element.filters[f] != TidyTable.total }
                    add(t, total: total.offset, parts: parts.map(\.offset), indicators: all)
                }
            }
            // Time: a year is the sum of its quarters.
            let years = Dictionary(grouping: rows) {
                YearKey(code: $0.element.period.code, place: $0.element.place, filters: $0.element.filters)
            }
            for (_, group) in years {
                guard let year = group.first(where: { $0.element.period.isWholeYear }) else { continue }
                add(
                    t, total: year.offset, parts: group.filter { !$0.element.period.isWholeYear }.map(\.offset),
                    indicators: all)
            }
            // Identities within a row.
            for identity in table.identities {
                guard let total = table.indicatorIndex(identity.total) else { continue }
                let parts = identity.parts.compactMap(table.indicatorIndex)
                for r in table.rows.indices {
                    guard let totalCell = cell(t, r, total) else { continue }
                    let partCells = parts.compactMap { cell(t, r, $0) }
                    if partCells.count == parts.count { sums.append(Additivity(parts: partCells, total: totalCell)) }
                }
            }
        }
        for link in links {
            guard let t = tables.firstIndex(where: { $0.name == link.table }),
                let u = tables.firstIndex(where: { $0.name == link.otherTable }),
                let i = tables[t].indicatorIndex(link.indicator), let j = tables[u].indicatorIndex(link.otherIndicator)
            else { continue }
            func matches(_ table: TidyTable, _ row: TidyTable.Row, _ wanted: [String: String]) -> Bool {
                table.filters.indices.allSatisfy { f in
                    row.filters[f] == (wanted[table.filters[f].name] ?? TidyTable.total)
                }
            }
            let others = Dictionary(
                tables[u].rows.indices.filter { matches(tables[u], tables[u].rows[$0], link.otherFilters) }.map {
                    (
                        YearKey(
                            code: tables[u].rows[$0].period.identifier + tables[u].rows[$0].period.code,
                            place: tables[u].rows[$0].place, filters: []), $0
                    )
                }, uniquingKeysWith: { first, _ in first })
            for r in tables[t].rows.indices where matches(tables[t], tables[t].rows[r], link.filters) {
                let row = tables[t].rows[r]
                guard
                    let other = others[
                        YearKey(code: row.period.identifier + row.period.code, place: row.place, filters: [])],
                    let a = cell(t, r, i), let b = cell(u, other, j)
                else { continue }
                sums.append(Additivity(parts: [a], total: b))
            }
        }
        // In a fixed order (the groups above come from dictionaries, whose order changes from
        // run to run): the same data must always be published with the same cells hidden, or
        // two runs could be compared to recover what each hid.
        sums.sort {
            ($0.total, $0.parts.count) < ($1.total, $1.parts.count)
                || ($0.total == $1.total && $0.parts.count == $1.parts.count
                    && $0.parts.lexicographicallyPrecedes($1.parts))
        }
        return (cells, values, sums)
    }

    private struct PeriodAndFilters: Hashable {
        var period: TidyTable.Period
        var filters: [String]
        init(_ row: TidyTable.Row) {
            period = row.period
            filters = row.filters
        }
    }

    private struct PlaceKey: Hashable {
        var key: PeriodAndFilters
        var place: TidyTable.Place
    }

    private struct YearKey: Hashable {
        var code: String
        var place: TidyTable.Place
        var filters: [String]
    }
}
