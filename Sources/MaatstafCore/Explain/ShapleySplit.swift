/// Splits the difference between two values of a product exactly over its factors, by Shapley averaging: each
/// factor's part is its marginal effect averaged over every order in which the factors could change from `start` to
/// `end`. The parts sum to `end − start` by construction (each order telescopes), the split does not depend on the
/// order the factors are listed in, and — unlike the log-mean Divisia split — it holds for factors that are zero or
/// negative (net spending can be). For two factors it is the midpoint split: Δa·(b₀+b₁)/2 and Δb·(a₀+a₁)/2.
public enum ShapleySplit {
    /// `scale × Π start` → `scale × Π end`: each factor's part, in the factors' order. The two lists have equal
    /// length, at most `Decomposition.maximumFactors`.
    public static func parts(start: [Double], end: [Double], scale: Double = 1) -> [Double] {
        let n = start.count
        precondition(end.count == n && n <= 16)
        // weight(s) = s! (n − s − 1)! ÷ n!: the share of orders in which exactly s other factors changed first.
        func factorial(_ k: Int) -> Double { k < 2 ? 1 : (2...k).reduce(1.0) { $0 * Double($1) } }
        let weights = (0..<max(n, 1)).map { s in factorial(s) * factorial(n - s - 1) / factorial(n) }
        // value(mask): the product with the factors in `mask` at their end and the others at their start.
        func value(_ mask: Int) -> Double {
            var product = scale
            for index in 0..<n { product *= mask & (1 << index) != 0 ? end[index] : start[index] }
            return product
        }
        var parts = [Double](repeating: 0, count: n)
        for index in 0..<n {
            let bit = 1 << index
            var part = 0.0
            for mask in 0..<(1 << n) where mask & bit == 0 {
                part += weights[mask.nonzeroBitCount] * (value(mask | bit) - value(mask))
            }
            parts[index] = part
        }
        return parts
    }

    /// Parts rounded to `decimals` so that they still add up to the rounded difference: each is rounded half away
    /// from zero, and the rounding left over (a cent or two) goes to the parts whose rounding moved them most — so a
    /// table's parts sum to its total to the cent.
    public static func rounded(_ parts: [Double], total: Double, decimals: Int = 2) -> [Double] {
        let unit = (0..<decimals).reduce(1.0) { value, _ in value * 10 }
        let target = (total * unit).rounded(.toNearestOrAwayFromZero)
        var units = parts.map { ($0 * unit).rounded(.toNearestOrAwayFromZero) }
        var left = target - units.reduce(0, +)
        // The parts whose rounding lost most (or gained most) take the leftover units first.
        let order = parts.indices.sorted { a, b in
            let ra = parts[a] * unit - units[a]
            let rb = parts[b] * unit - units[b]
            return left > 0 ? ra > rb : ra < rb
        }
        var position = 0
        while left != 0, !order.isEmpty, position < order.count * 4 {
            let step: Double = left > 0 ? 1 : -1
            units[order[position % order.count]] += step
            left -= step
            position += 1
        }
        return units.map { $0 / unit }
    }
}
