import Foundation
import SecurePlaceCore

/// Standard normal variates by Marsaglia and Tsang's ziggurat (J. Stat. Software 5(8), 2000),
/// for the lognormal stays the simulation draws on every arrival: about 98% of draws cost one
/// random number, a table lookup and a multiplication, where Box and Muller's method cost a
/// logarithm, a square root and a cosine (measured: an eighth of the national event loop). As in
/// `ExponentialSampler`, the layer and the signed position come from different bits of one
/// 64-bit draw.
struct NormalSampler: Sendable {
    private let layers = ZigguratLayers(
        count: 128, scale: 2_147_483_648.0, rightEdge: Self.rightEdge, area: 9.912_563_035_262_17e-3,
        density: { exp(-0.5 * $0 * $0) }, inverse: { (-2 * log($0)).squareRoot() })
    private static let rightEdge = 3.442_619_855_899

    /// A draw with mean 0 and standard deviation 1.
    func next(using generator: inout some RandomNumberGenerator) -> Double {
        while true {
            let bits = generator.next()
            let layer = Int(bits & 127)
            let position = Int32(truncatingIfNeeded: bits >> 32)
            let x = Double(position) * layers.width[layer]
            if position.magnitude < layers.accept[layer] { return x }
            if layer == 0 {
                // The tail beyond the last edge, by Marsaglia's method for a normal's tail.
                var beyond: Double
                var check: Double
                repeat {
                    beyond = -log(generator.nextUnitInterval()) / Self.rightEdge
                    check = -log(generator.nextUnitInterval())
                } while check + check < beyond * beyond
                return position > 0 ? Self.rightEdge + beyond : -Self.rightEdge - beyond
            }
            let height = layers.height
            if height[layer] + generator.nextUnitInterval() * (height[layer - 1] - height[layer])
                < exp(-0.5 * x * x)
            {
                return x
            }
        }
    }
}
