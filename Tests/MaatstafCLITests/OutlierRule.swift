/// The rule for a member far outside its group, as docs/region.md states it, written out here independently of
/// maatstaf's `RobustOutliers`: the median and the median absolute deviation (MAD), the modified z-score
/// 0.6745 (x − median) / MAD beyond ±3.5, or (every rate above 0) under a quarter or over four times the median.
/// The compare and region tests hold maatstaf's output against it.
struct OutlierRule {
    let median: Double
    let mad: Double

    init(_ rates: some Collection<Double>) {
        median = Self.median(Array(rates))
        let middle = median
        mad = Self.median(rates.map { abs($0 - middle) })
    }

    func z(_ value: Double) -> Double { 0.6745 * (value - median) / mad }

    func isFar(_ value: Double) -> Bool { abs(z(value)) > 3.5 || value < median / 4 || value > median * 4 }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.count % 2 == 1
            ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }
}
