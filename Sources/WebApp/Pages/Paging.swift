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

    func slice<Element>(_ items: [Element]) -> [Element] { Self.slice(items, page: page, size: Self.pageSize) }

    /// The items of one page of a list held in memory: empty past the end.
    static func slice<Element>(_ items: [Element], page: Int, size: Int) -> [Element] {
        let start = min(items.count, PageNumber.offset(ofPage: page, size: size))
        return Array(items[start..<min(items.count, start + size)])
    }
}

extension Request {
    /// The `page` of the query string: the first when it is missing or not a whole number.
    var pageNumber: Int { PageNumber.clamped((try? query.get(Int.self, at: "page")) ?? 1) }
}

extension Request {
    /// The `page` of an API query string. A program sent it, so anything but a whole number
    /// from 1 to `PageNumber.largest` is a 400 naming the field, where a page for people
    /// quietly shows the first.
    func apiPageNumber() throws -> Int {
        guard let text = query[String.self, at: "page"] else { return 1 }
        guard let page = Int(text), (1...PageNumber.largest).contains(page) else {
            throw FieldValidationError(
                field: "page", message: "Enter a page number from 1 to \(PageNumber.largest), such as 2.")
        }
        return page
    }
}

/// One page of an API list, with where it is in the whole: the shape of every list that can
/// grow (referrals, notifications, follow-ups).
struct APIPage<Item: Content>: Content {
    var items: [Item]
    var page: Int
    var pageSize: Int
    var total: Int

    init(items: [Item], page: Int, pageSize: Int, total: Int) {
        self.items = items
        self.page = page
        self.pageSize = pageSize
        self.total = total
    }

    /// The page of a list that is already in memory.
    init(slicing all: [Item], page: Int, pageSize: Int = Paging.pageSize) {
        items = Paging.slice(all, page: page, size: pageSize)
        self.page = page
        self.pageSize = pageSize
        total = all.count
    }
}
