import Foundation

/// A point on the map in WGS84 degrees. Used only for straight-line distances between a
/// child's home authority and a secure home, so approximate centroids are good enough.
public struct Coordinate: Hashable, Codable, Sendable {
    public var latitude: Double
    public var longitude: Double

    public init(latitude: Double, longitude: Double) {
        self.latitude = latitude
        self.longitude = longitude
    }

    public var isValid: Bool {
        (-90...90).contains(latitude) && (-180...180).contains(longitude)
    }

    /// Great-circle distance in kilometres (haversine formula).
    public func kilometres(to other: Coordinate) -> Double {
        let earthRadius = 6371.0088
        let toRadians = Double.pi / 180
        let deltaLatitude = (other.latitude - latitude) * toRadians
        let deltaLongitude = (other.longitude - longitude) * toRadians
        let a =
            sin(deltaLatitude / 2) * sin(deltaLatitude / 2)
            + cos(latitude * toRadians) * cos(other.latitude * toRadians)
            * sin(deltaLongitude / 2) * sin(deltaLongitude / 2)
        return 2 * earthRadius * asin(min(1, sqrt(a)))
    }
}
