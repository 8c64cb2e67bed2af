import Foundation

/// Exponential variates by Marsaglia and Tsang's ziggurat (J. Stat. Software 5(8), 2000):
/// about 99% of draws cost one random number, a table lookup and a multiplication, instead
/// of a logarithm. The layer index and the position within it come from different bits of
/// one 64-bit draw, which avoids the correlation of the original 32-bit version.
struct ExponentialSampler: Sendable {
    private var accept = [UInt32](repeating: 0, count: 256)
    private var width = [Double](repeating: 0, count: 256)
    private var height = [Double](repeating: 0, count: 256)
    private static let rightEdge = 7.697_117_470_131_487

    init() {
        let scale = 4_294_967_296.0
        let area = 3.949_659_822_581_572e-3
        var edge = Self.rightEdge
        var previous = edge
        let q = area / exp(-edge)
        accept[0] = UInt32((edge / q) * scale)
        accept[1] = 0
        width[0] = q / scale
        width[255] = edge / scale
        height[0] = 1
        height[255] = exp(-edge)
        for layer in stride(from: 254, through: 1, by: -1) {
            edge = -log(area / edge + exp(-edge))
            accept[layer + 1] = UInt32((edge / previous) * scale)
            previous = edge
            height[layer] = exp(-edge)
            width[layer] = edge / scale
        }
    }

    /// A draw with mean 1.
    func next(using generator: inout some RandomNumberGenerator) -> Double {
        while true {
            let bits = generator.next()
            let layer = Int(bits & 255)
            let position = UInt32(truncatingIfNeeded: bits >> 32)
            let x = Double(position) * width[layer]
            if position < accept[layer] { return x }
            if layer == 0 { return Self.rightEdge - log(generator.nextUnitInterval()) }
            if height[layer] + generator.nextUnitInterval() * (height[layer - 1] - height[layer]) < exp(-x) {
                return x
            }
        }
    }
}
