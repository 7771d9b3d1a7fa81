import Foundation

/// The Iv3 file of a year read independently of maatstaf (plain splitting on `;`), for expected values in tests.
public struct RawIv3: Sendable {
    public struct Municipality: Sendable {
        public var province: String
        public var sizeClass: String
        public var population: Double
        /// Taakveld code → (baten, lasten) in thousands of euros.
        public var amounts: [String: (baten: Double, lasten: Double)]

        /// False for a municipality without an Iv3 delivery: the published pivot writes it as zeros on every
        /// taakveld (../shared/data/raw/SOURCES.md, section 11).
        public var delivered: Bool { amounts.values.contains { $0.baten != 0 || $0.lasten != 0 } }

        /// Whether it books anything on these taakvelden: lasten, or for net amounts lasten or baten, not all zero.
        public func books(_ taakvelden: [String], netto: Bool = false) -> Bool {
            taakvelden.contains { code in amounts[code].map { $0.lasten != 0 || (netto && $0.baten != 0) } ?? false }
        }
    }

    public var municipalities: [String: Municipality] = [:]

    /// `path` inside the embedded snapshot, e.g. `iv3/2023_jaarrekening.csv`.
    public init(_ path: String) throws {
        for fields in try RepositoryFixtures.simpleRows(path, separator: ";").dropFirst() where fields[0] != "Nederland" {
            let code = String(fields[1].split(separator: " ")[0])
            var entry =
                municipalities[fields[0]]
                ?? Municipality(
                    province: fields[5], sizeClass: fields[6],
                    population: Double(fields[8])!, amounts: [:])
            entry.amounts[code] = (Double(fields[3])!, Double(fields[4])!)
            municipalities[fields[0]] = entry
        }
    }

    /// Σ lasten × 1000 ÷ population, per inhabitant in euros.
    public func rate(_ name: String, _ taakvelden: [String], netto: Bool = false) -> Double {
        let m = municipalities[name]!
        return total(m, taakvelden, netto: netto) / m.population
    }

    public func total(_ m: Municipality, _ taakvelden: [String], netto: Bool) -> Double {
        taakvelden.reduce(0) { sum, code in
            guard let amount = m.amounts[code] else { return sum }
            return sum + (netto ? amount.lasten - amount.baten : amount.lasten) * 1000
        }
    }

    /// The group's rate as a whole over the municipalities passing `filter`.
    public func groupRate(_ taakvelden: [String], netto: Bool = false, where filter: (Municipality) -> Bool) -> Double {
        let members = municipalities.values.filter(filter)
        let numerator = members.reduce(0) { $0 + total($1, taakvelden, netto: netto) }
        let denominator = members.reduce(0) { $0 + $1.population }
        return numerator / denominator
    }

    public func memberRates(_ taakvelden: [String], netto: Bool = false, where filter: (Municipality) -> Bool) -> [Double] {
        municipalities.values.filter(filter).map { total($0, taakvelden, netto: netto) / $0.population }
    }
}

/// Equal when both round to the same cent.
public func sameCent(_ a: Double?, _ b: Double) -> Bool {
    guard let a else { return false }
    return (a * 100).rounded() == (b * 100).rounded()
}
