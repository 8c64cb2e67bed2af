/// Why a loss-formula question cannot be answered, with the input at fault.
public enum LossFormulaError: Error, Equatable, Sendable, CustomStringConvertible {
    case negativeBeds(Int)
    case invalidLoad(Double)
    case invalidTargetBlocking(Double)
    case tooManyBedsNeeded(limit: Int)

    public var description: String {
        switch self {
        case .negativeBeds(let beds):
            "The number of beds must be zero or more (got \(beds))."
        case .invalidLoad(let load):
            "The offered load must be a finite number zero or more, in bed-occupancies (got \(load))."
        case .invalidTargetBlocking(let target):
            "The target blocking probability must lie strictly between 0 and 1 (got \(target))."
        case .tooManyBedsNeeded(let limit):
            "More than \(limit) beds would be needed; check the load and the target."
        }
    }

    /// The input a user should change.
    public var field: String {
        switch self {
        case .negativeBeds: "beds"
        case .invalidLoad: "load"
        case .invalidTargetBlocking, .tooManyBedsNeeded: "target-blocking"
        }
    }
}
