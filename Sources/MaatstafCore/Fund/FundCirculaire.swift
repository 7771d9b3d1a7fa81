/// One circulaire of the municipal fund (gemeentefonds): how the state divides the fund over the municipalities for
/// one year, per cluster, from objective measures (Besluit financiële verhouding 2001). Read from BZK's files; a
/// value with no words, so every output can say it in the reader's language.
public struct FundCirculaire: Sendable, Hashable {
    /// `M2024_2025`: the meicirculaire (M) or septembercirculaire (S) of 2024, for the year 2025.
    public var id: String
    /// The year the allocation is for.
    public var year: Int
    /// The uitkeringsfactor of the circulaire for that year: euros per weighted unit, besides the OZB measures.
    public var factor: Double
    /// The clusters, in the files' order (Sociale basisvoorzieningen, …, Onroerendezaakbelasting).
    public var clusters: [String]
    /// Every measure with a weight: code, name, euros per unit in each cluster (by cluster name).
    public var measures: [Measure]
    /// Every integration/decentralisation payment (IU/DU): name and its share (0 or 1) in each cluster.
    public var payments: [Payment]
    /// Per municipality (CBS code, GM0293): the fund's name for it and its volume of each measure (by code).
    public var municipalities: [String: MunicipalityFigures]

    public struct Measure: Sendable, Hashable {
        public var code: String
        public var name: String
        public var weights: [String: Double]
        /// The OZB/WOZ measures are deducted at their own rate: no uitkeringsfactor.
        public var withoutFactor: Bool

        public init(code: String, name: String, weights: [String: Double], withoutFactor: Bool) {
            self.code = code
            self.name = name
            self.weights = weights
            self.withoutFactor = withoutFactor
        }
    }

    public struct Payment: Sendable, Hashable {
        public var name: String
        public var shares: [String: Double]
        /// The payments file has no amounts for it (the weights file lists it for a cluster, the payments file does
        /// not): the cluster's allocation has no value.
        public var withoutAmounts: Bool

        public init(name: String, shares: [String: Double], withoutAmounts: Bool = false) {
            self.name = name
            self.shares = shares
            self.withoutAmounts = withoutAmounts
        }
    }

    public struct MunicipalityFigures: Sendable, Hashable {
        /// The name the fund's files use (`Nuenen`, `'s-Gravenhage`): shown beside the CBS name, never joined on.
        public var fundName: String
        public var volumes: [String: Double]
        /// Each IU/DU payment's amount in euros, by the payment's name.
        public var payments: [String: Double]

        public init(fundName: String, volumes: [String: Double], payments: [String: Double]) {
            self.fundName = fundName
            self.volumes = volumes
            self.payments = payments
        }
    }

    public init(
        id: String, year: Int, factor: Double, clusters: [String], measures: [Measure], payments: [Payment],
        municipalities: [String: MunicipalityFigures]
    ) {
        self.id = id
        self.year = year
        self.factor = factor
        self.clusters = clusters
        self.measures = measures
        self.payments = payments
        self.municipalities = municipalities
    }

    /// A municipality's allocation in a cluster with each measure's and payment's contribution; nil for a code the
    /// circulaire does not have.
    public func allocation(of code: String, in cluster: String) -> FundAllocation? {
        guard let figures = municipalities[code] else { return nil }
        var contributions: [FundAllocation.Contribution] = []
        for measure in measures {
            let weight = measure.weights[cluster] ?? 0
            guard weight != 0 else { continue }
            let volume = figures.volumes[measure.code] ?? 0
            let factor = measure.withoutFactor ? 1 : self.factor
            contributions.append(
                .init(
                    kind: .measure(code: measure.code), name: measure.name, volume: volume, weight: weight,
                    factor: factor, amount: volume * weight * factor))
        }
        var unpaid: [String] = []
        for payment in payments {
            let share = payment.shares[cluster] ?? 0
            guard share != 0 else { continue }
            guard !payment.withoutAmounts else {
                unpaid.append(payment.name)
                continue
            }
            let amount = figures.payments[payment.name] ?? 0
            contributions.append(
                .init(kind: .payment, name: payment.name, volume: amount, weight: share, factor: 1, amount: amount * share))
        }
        return FundAllocation(
            circulaire: id, code: code, cluster: cluster, contributions: contributions,
            total: unpaid.isEmpty ? contributions.reduce(0) { $0 + $1.amount } : nil, withoutAmounts: unpaid)
    }
}

/// A municipality's allocation from the fund in one cluster of one circulaire, with what makes it up.
public struct FundAllocation: Sendable, Hashable {
    public struct Contribution: Sendable, Hashable {
        public enum Kind: Sendable, Hashable {
            /// A measure (verdeelmaatstaf) × its weight × the factor.
            case measure(code: String)
            /// An integration or decentralisation payment (IU/DU) belonging to the cluster.
            case payment
        }
        public var kind: Kind
        public var name: String
        /// The measure's volume, or the payment's amount.
        public var volume: Double
        /// Euros per unit, or the payment's share (1).
        public var weight: Double
        public var factor: Double
        /// volume × weight × factor, in euros.
        public var amount: Double
    }

    public var circulaire: String
    public var code: String
    public var cluster: String
    /// Every measure with a weight in the cluster and every payment of it, in the files' order.
    public var contributions: [Contribution]
    /// The allocation in euros: the sum of the contributions; nil when a payment of the cluster has no amounts.
    public var total: Double?
    /// The cluster's payments the circulaire's files give no amounts for: why `total` is nil.
    public var withoutAmounts: [String] = []
}

/// Which circulaire belongs to an Iv3 document of year t: the meicirculaire of t − 1 for t (`M2024_2025` for the 2025
/// budget and accounts), as BZK's begrotingsanalysetool sets them side by side — the allocation a municipality knew
/// when it made its budget.
public enum FundCirculaireRule {
    public static func circulaire(for year: Int) -> String { "M\(year - 1)_\(year)" }

    /// The circulaire for `year` when the user chose one (`--circulaire`): the chosen one for its own year, else the
    /// rule's; `chosen` says which.
    public static func circulaire(for year: Int, chosen: String?) -> (id: String, chosen: Bool) {
        if let chosen, self.year(of: chosen) == year { return (chosen, true) }
        return (circulaire(for: year), false)
    }

    /// The year a circulaire id is for (`S2024_2024` → 2024); nil for an id that is not `M|S` + year `_` year.
    public static func year(of id: String) -> Int? {
        let parts = id.dropFirst().split(separator: "_")
        guard let kind = id.first, kind == "M" || kind == "S", parts.count == 2, parts.allSatisfy({ $0.count == 4 }),
            Int(parts[0]) != nil, let year = Int(parts[1])
        else { return nil }
        return year
    }
}
