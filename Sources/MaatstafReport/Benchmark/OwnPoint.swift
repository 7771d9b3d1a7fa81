public import MaatstafCore

/// One period of an indicator over own figures.
public struct OwnPoint: Sendable, Hashable {
    public var period: Period
    public var value: Double

    public init(period: Period, value: Double) {
        self.period = period
        self.value = value
    }
}
