import Coordination
import Vapor

/// One page of a list that is already in memory (lists here are short: an inbox, a
/// follow-up list, the accounts), with the links to the pages either side.
struct Paging: Encodable {
    static let pageSize = 25

    var page: Int
    var total: Int
    var previousPage: Int?
    var nextPage: Int?
    /// The filter's query string to keep on the page links, such as `status=open&`.
    var query: String

    init(request: Request, total: Int, query: String) {
        page = request.pageNumber
        self.total = total
        previousPage = page > 1 ? page - 1 : nil
        nextPage = page * Self.pageSize < total ? page + 1 : nil
        self.query = query
    }

    func slice<Element>(_ items: [Element]) -> [Element] {
        let start = min(items.count, PageNumber.offset(ofPage: page, size: Self.pageSize))
        return Array(items[start..<min(items.count, start + Self.pageSize)])
    }
}

extension Request {
    /// The `page` of the query string: the first when it is missing or not a whole number.
    var pageNumber: Int { PageNumber.clamped((try? query.get(Int.self, at: "page")) ?? 1) }
}
