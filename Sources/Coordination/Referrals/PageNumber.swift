/// Page numbers come from users (a query string), so every whole number has to give an
/// answer: a page before the first is the first, and a page far past the end of any list is
/// read as `largest`, where counting the rows to skip cannot overflow and the page is empty.
public enum PageNumber {
    /// Far past the end of any list the service holds (25 million rows at 25 a page).
    public static let largest = 1_000_000

    /// The page asked for, from the first to `largest`.
    public static func clamped(_ page: Int) -> Int { min(max(page, 1), largest) }

    /// How many rows come before the page.
    public static func offset(ofPage page: Int, size: Int) -> Int { (clamped(page) - 1) * size }
}
