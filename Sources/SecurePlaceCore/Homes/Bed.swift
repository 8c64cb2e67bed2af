import Foundation

/// One registered place in a secure children's home.
public struct Bed: Hashable, Codable, Sendable, Identifiable {
    public var id: UUID
    public var homeID: UUID
    /// The home's own name for the room, such as "Unit A, room 3".
    public var label: String
    public var kind: BedKind

    public init(id: UUID, homeID: UUID, label: String, kind: BedKind) {
        self.id = id
        self.homeID = homeID
        self.label = label
        self.kind = kind
    }
}
