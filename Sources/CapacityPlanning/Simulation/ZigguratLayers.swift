/// The tables of Marsaglia and Tsang's ziggurat (J. Stat. Software 5(8), 2000) for a density
/// that falls from its peak at zero: layers of equal area under the curve, each with the
/// share of its width that lies wholly under it (`accept`, scaled to the random integer's
/// range), the width per unit of that integer, and the density at its edge. Built the same way
/// for the exponential and the normal, which differ in the density, its inverse and the size.
struct ZigguratLayers: Sendable {
    private(set) var accept: [UInt32]
    private(set) var width: [Double]
    private(set) var height: [Double]

    /// - Parameters:
    ///   - count: the number of layers.
    ///   - scale: the range of the random integer that picks a position within a layer.
    ///   - rightEdge: where the last layer ends and the tail begins.
    ///   - area: each layer's area.
    init(
        count: Int, scale: Double, rightEdge: Double, area: Double, density: (Double) -> Double,
        inverse: (Double) -> Double
    ) {
        accept = Array(repeating: 0, count: count)
        width = Array(repeating: 0, count: count)
        height = Array(repeating: 0, count: count)
        var edge = rightEdge
        var previous = edge
        let q = area / density(edge)
        accept[0] = UInt32((edge / q) * scale)
        accept[1] = 0
        width[0] = q / scale
        width[count - 1] = edge / scale
        height[0] = 1
        height[count - 1] = density(edge)
        for layer in stride(from: count - 2, through: 1, by: -1) {
            edge = inverse(area / edge + density(edge))
            accept[layer + 1] = UInt32((edge / previous) * scale)
            previous = edge
            height[layer] = density(edge)
            width[layer] = edge / scale
        }
    }
}
