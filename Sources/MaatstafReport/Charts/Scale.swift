import Foundation
import MaatstafCore

/// A linear map from values to pixels, with round tick values for an axis.
struct Scale {
    let low: Double
    let high: Double
    let start: Double
    let end: Double

    /// A scale over `values` (and `including`, e.g. 0 for bars), widened so the ends are not cut off.
    init(values: [Double], including extra: [Double] = [], start: Double, end: Double, padding: Double = 0) {
        let all = values + extra
        var low = all.min() ?? 0
        var high = all.max() ?? 1
        if high == low {
            low -= max(1, abs(low) * 0.1)
            high += max(1, abs(high) * 0.1)
        }
        let pad = (high - low) * padding
        self.low = low - (extra.contains(low) ? 0 : pad)
        self.high = high + (extra.contains(high) ? 0 : pad)
        self.start = start
        self.end = end
    }

    func callAsFunction(_ value: Double) -> Double {
        start + (value - low) / (high - low) * (end - start)
    }

    /// Four to eight round values inside the scale: steps of 1, 2 or 5 × a power of ten.
    var ticks: [Double] {
        let span = high - low
        guard span > 0, span.isFinite else { return [] }
        let raw = span / 5
        let power = pow(10, (log10(raw)).rounded(.down))
        let step = [1.0, 2, 5, 10].map { $0 * power }.first { span / $0 <= 7 } ?? power * 10
        var tick = (low / step).rounded(.up) * step
        var ticks: [Double] = []
        while tick <= high + step * 1e-9 {
            ticks.append(abs(tick) < step * 1e-9 ? 0 : tick)
            tick += step
        }
        return ticks
    }
}
