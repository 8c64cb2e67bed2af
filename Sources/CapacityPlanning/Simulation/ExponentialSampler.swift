import Foundation

/// Exponential variates by Marsaglia and Tsang's ziggurat (J. Stat. Software 5(8), 2000):
/// about 99% of draws cost one random number, a table lookup and a multiplication, instead
/// of a logarithm. The layer index and the position within it come from different bits of
/// one 64-bit draw, which avoids the correlation of the original 32-bit version.
struct ExponentialSampler: Sendable {
    private let layers = ZigguratLayers(
        count: 256, scale: 4_294_967_296.0, rightEdge: Self.rightEdge, area: 3.949_659_822_581_572e-3,
        density: { exp(-$0) }, inverse: { -log($0) })
    private static let rightEdge = 7.697_117_470_131_487

    /// A draw with mean 1.
    func next(using generator: inout some RandomNumberGenerator) -> Double {
        while true {
            let bits = generator.next()
            let layer = Int(bits & 255)
            let position = UInt32(truncatingIfNeeded: bits >> 32)
            let x = Double(position) * layers.width[layer]
            if position < layers.accept[layer] { return x }
            if layer == 0 { return Self.rightEdge - log(generator.nextUnitInterval()) }
            let height = layers.height
            if height[layer] + generator.nextUnitInterval() * (height[layer - 1] - height[layer]) < exp(-x) {
                return x
            }
        }
    }
}
