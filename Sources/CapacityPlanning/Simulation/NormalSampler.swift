import Foundation
import SecurePlaceCore

/// Standard normal variates by Marsaglia and Tsang's ziggurat (J. Stat. Software 5(8), 2000),
/// for the lognormal stays the simulation draws on every arrival: about 98% of draws cost one
/// random number, a table lookup and a multiplication, where Box and Muller's method cost a
/// logarithm, a square root and a cosine (measured: an eighth of the national event loop). As in
/// `ExponentialSampler`, the layer and the signed position come from different bits of one
/// 64-bit draw.
struct NormalSampler: Sendable {
    private var accept = [UInt32](repeating: 0, count: 128)
    private var width = [Double](repeating: 0, count: 128)
    private var height = [Double](repeating: 0, count: 128)
    private static let rightEdge = 3.442_619_855_899

    init() {
        let scale = 2_147_483_648.0
        let area = 9.912_563_035_262_17e-3
        var edge = Self.rightEdge
        var previous = edge
        let q = area / exp(-0.5 * edge * edge)
        accept[0] = UInt32((edge / q) * scale)
        accept[1] = 0
        width[0] = q / scale
        width[127] = edge / scale
        height[0] = 1
        height[127] = exp(-0.5 * edge * edge)
        for layer in stride(from: 126, through: 1, by: -1) {
            edge = (-2 * log(area / edge + exp(-0.5 * edge * edge))).squareRoot()
            accept[layer + 1] = UInt32((edge / previous) * scale)
            previous = edge
            height[layer] = exp(-0.5 * edge * edge)
            width[layer] = edge / scale
        }
    }

    /// A draw with mean 0 and standard deviation 1.
    func next(using generator: inout some RandomNumberGenerator) -> Double {
        while true {
            let bits = generator.next()
            let layer = Int(bits & 127)
            let position = Int32(truncatingIfNeeded: bits >> 32)
            let x = Double(position) * width[layer]
            if position.magnitude < accept[layer] { return x }
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
            if height[layer] + generator.nextUnitInterval() * (height[layer - 1] - height[layer])
                < exp(-0.5 * x * x)
            {
                return x
            }
        }
    }
}
