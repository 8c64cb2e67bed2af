import Testing

/// Records an issue where a figure is missing or further than `tolerance` from the reference.
func expectClose(
    _ actual: Double?, _ expected: Double, within tolerance: Double = 5e-7,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    guard let actual else {
        Issue.record("no value where \(expected) was expected", sourceLocation: sourceLocation)
        return
    }
    #expect(abs(actual - expected) <= tolerance, "\(actual) is not \(expected)", sourceLocation: sourceLocation)
}
