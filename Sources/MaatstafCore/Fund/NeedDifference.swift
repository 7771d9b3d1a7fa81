/// Why a municipality's need differs: its allocation per inhabitant in a cluster against a group's (the Netherlands:
/// every municipality of the circulaire; or a province, a size class, a user's region), split over the measures and payments that make it — each item's
/// contribution per inhabitant here minus the group's, so the items sum exactly to the difference.
public struct NeedDifference: Sendable, Hashable {
    public struct Item: Sendable, Hashable {
        /// The measure's code; nil for a payment.
        public var code: String?
        public var name: String
        /// The item's contribution per inhabitant: the municipality's, and the group's (Σ contributions ÷ Σ
        /// inhabitants).
        public var here: Double
        public var group: Double
        public var difference: Double { here - group }
    }

    public var cluster: String
    public var code: String
    /// Allocation per inhabitant: the municipality's and the group's (Σ allocations ÷ Σ inhabitants).
    public var here: Double
    public var group: Double
    /// here ÷ group: above 1, the fund says the municipality's structure needs more per inhabitant than the group's.
    public var needIndex: Double? { group == 0 ? nil : here / group }
    /// Every item with a contribution here or in the group, largest difference first (by size).
    public var items: [Item]
    /// How many municipalities the group's figure is over.
    public var groupSize: Int
    /// The group; nil for the Netherlands (every municipality of the circulaire).
    public var reference: ResolvedPeerGroup?
}

extension FundCirculaire {
    /// The difference for `code` in `cluster` against the municipalities of `population` (code → inhabitants; the
    /// group), or nil when the cluster has no allocation for it or for a member (never as if it were 0), or when the
    /// municipality has no inhabitants in `population`.
    public func needDifference(
        of code: String, in cluster: String, population: [String: Int], reference: ResolvedPeerGroup? = nil
    ) -> NeedDifference? {
        guard let own = allocation(of: code, in: cluster), let ownTotal = own.total,
            let inhabitants = population[code], inhabitants > 0
        else { return nil }
        var groupTotal = 0.0
        var groupInhabitants = 0.0
        var groupItems: [String: Double] = [:]
        var order: [(key: String, code: String?, name: String)] = []
        for (member, people) in population where people > 0 {
            guard let allocation = allocation(of: member, in: cluster), let total = allocation.total else { return nil }
            groupTotal += total
            groupInhabitants += Double(people)
            for item in allocation.contributions {
                let key = Self.key(item)
                if groupItems[key] == nil { order.append((key, Self.itemCode(item), item.name)) }
                groupItems[key, default: 0] += item.amount
            }
        }
        guard groupInhabitants > 0 else { return nil }
        var ownItems: [String: Double] = [:]
        for item in own.contributions { ownItems[Self.key(item), default: 0] += item.amount }
        let items = order.map { entry in
            NeedDifference.Item(
                code: entry.code, name: entry.name, here: (ownItems[entry.key] ?? 0) / Double(inhabitants),
                group: groupItems[entry.key]! / groupInhabitants)
        }.filter { $0.here != 0 || $0.group != 0 }
            .sorted { abs($0.difference) > abs($1.difference) }
        return NeedDifference(
            cluster: cluster, code: code, here: ownTotal / Double(inhabitants), group: groupTotal / groupInhabitants,
            items: items, groupSize: population.values.filter { $0 > 0 }.count, reference: reference)
    }

    private static func key(_ item: FundAllocation.Contribution) -> String {
        if case .measure(let code) = item.kind { return "m|" + code }
        return "p|" + item.name
    }

    private static func itemCode(_ item: FundAllocation.Contribution) -> String? {
        if case .measure(let code) = item.kind { return code }
        return nil
    }
}
