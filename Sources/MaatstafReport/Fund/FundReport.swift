import Foundation
public import MaatstafCore

/// `maatstaf fund`: what the municipal fund allocates to each chosen municipality per cluster in one circulaire, in
/// euros and per inhabitant, with each measure's and payment's contribution (text, Markdown, CSV, xlsx, and JSON as
/// `maatstaf.fund/2`, docs/need.md).
public struct FundReport: TabularResult, Sendable {
    public static let schema = "maatstaf.fund/2"

    /// A chosen municipality: its CBS code and name, and its population on 1 January (CBS) for per inhabitant.
    public struct Chosen: Sendable {
        public var code: String
        public var name: String
        public var population: Int

        public init(code: String, name: String, population: Int) {
            self.code = code
            self.name = name
            self.population = population
        }
    }

    public var circulaire: FundCirculaire
    public var municipalities: [Chosen]
    /// The clusters shown: one (`--cluster`) or all, in the circulaire's order.
    public var clusters: [String]
    /// The year whose population divides (the circulaire's, else the nearest earlier with classes).
    public var populationYear: Int
    /// The files the circulaire was read from, with their sha256.
    public var files: [(name: String, sha256: String)]
    public var locale: ReportLocale
    /// Why each municipality's need differs from the Netherlands or a group in the cluster (`--why`); empty otherwise.
    public var why: [NeedDifference] = []

    public init(
        circulaire: FundCirculaire, municipalities: [Chosen], clusters: [String], populationYear: Int,
        files: [(name: String, sha256: String)], locale: ReportLocale
    ) {
        self.circulaire = circulaire
        self.municipalities = municipalities
        self.clusters = clusters
        self.populationYear = populationYear
        self.files = files
        self.locale = locale
    }

    private var nl: Bool { locale == .nl }
    private func t(_ en: String, _ dutch: String) -> String { nl ? dutch : en }

    /// `the Netherlands` / `Nederland`, or the group with its kind: `Gelderland (provincie)`.
    func referenceName(_ difference: NeedDifference) -> String {
        guard let group = difference.reference else { return t("the Netherlands", "Nederland") }
        return ReportLabels(locale: locale).groupName(group)
    }

    func allocations(_ chosen: Chosen) -> [FundAllocation] {
        clusters.compactMap { circulaire.allocation(of: chosen.code, in: $0) }
    }

    public var heading: String {
        let kind =
            circulaire.id.hasPrefix("M")
            ? (nl ? "meicirculaire" : "May circular") : (nl ? "septembercirculaire" : "September circular")
        let issued = circulaire.id.dropFirst().prefix(4)
        return nl
            ? "Gemeentefonds: uitkering per cluster — \(kind) \(issued) voor \(circulaire.year) (\(circulaire.id)), uitkeringsfactor \(NumberFormat(locale: locale).number(circulaire.factor, decimals: 3))"
            : "Municipal fund: allocation per cluster — \(kind) \(issued) for \(circulaire.year) (\(circulaire.id)), factor \(NumberFormat(locale: locale).number(circulaire.factor, decimals: 3))"
    }

    public var notes: [String] {
        var unpaid: [String: [String]] = [:]
        for chosen in municipalities {
            for allocation in allocations(chosen) where !allocation.withoutAmounts.isEmpty {
                unpaid[allocation.cluster] = allocation.withoutAmounts
            }
        }
        var notes = unpaid.keys.sorted().map { cluster in
            nl
                ? "\(cluster): geen waarde — de bestanden van \(circulaire.id) rekenen de uitkering(en) \(unpaid[cluster]!.joined(separator: ", ")) tot dit cluster, maar geven er geen bedragen voor (nooit als 0)."
                : "\(cluster): no value — the files of \(circulaire.id) count the payment(s) \(unpaid[cluster]!.joined(separator: ", ")) in this cluster but give no amounts for them (never counted as 0)."
        }
        notes += [
            nl
                ? "Uitkering: Σ volume × gewicht × uitkeringsfactor over de maatstaven van het cluster (factor 1 voor de OZB/WOZ-maatstaven), plus de integratie- en decentralisatie-uitkeringen (IU/DU) van het cluster. Per inwoner: gedeeld door de inwoners op 1 januari \(populationYear) (CBS). Het gemeentefonds is een verdeelmodel, geen kostennorm (docs/need.md)."
                : "Allocation: Σ volume × weight × factor over the cluster's measures (factor 1 for the OZB/WOZ measures), plus the cluster's integration and decentralisation payments (IU/DU). Per inhabitant: divided by the inhabitants on 1 January \(populationYear) (CBS). The fund is an allocation model, not a cost norm (docs/need.md)."
        ]
        notes += files.map {
            (nl ? "Bron: gemeentefonds (BZK), " : "Source: municipal fund (BZK), ")
                + "\($0.name), sha256 \($0.sha256.prefix(12))…"
        }
        return notes
    }

    public var dataTables: [DataTable] {
        var table = DataTable(
            name: nl ? "Gemeentefonds" : "Municipal fund",
            columns: [
                .init("code"), .init("municipality"), .init("circulaire"), .init("year", .count), .init("cluster"),
                .init("item"), .init("item_code"), .init("item_name"), .init("volume", .number(decimals: 6)),
                .init("weight", .number(decimals: 6)), .init("factor", .number(decimals: 3)), .init("amount", .money),
                .init("per_inhabitant", .money),
            ])
        for chosen in municipalities {
            for allocation in allocations(chosen) {
                func perInhabitant(_ amount: Double?) -> DataTable.Cell {
                    guard let amount, chosen.population > 0 else { return .empty }
                    return .number(amount / Double(chosen.population))
                }
                table.rows.append([
                    .text(chosen.code), .text(chosen.name), .text(circulaire.id), .number(Double(circulaire.year)),
                    .text(allocation.cluster), .text("allocation"), .empty, .empty, .empty, .empty, .empty,
                    allocation.total.map { .number($0) } ?? .empty, perInhabitant(allocation.total),
                ])
                for item in allocation.contributions {
                    let code: DataTable.Cell
                    if case .measure(let measure) = item.kind { code = .text(measure) } else { code = .empty }
                    table.rows.append([
                        .text(chosen.code), .text(chosen.name), .text(circulaire.id), .number(Double(circulaire.year)),
                        .text(allocation.cluster), .text(item.kind == .payment ? "payment" : "measure"), code,
                        .text(item.name), .number(item.volume), .number(item.weight), .number(item.factor),
                        .number(item.amount), perInhabitant(item.amount),
                    ])
                }
            }
        }
        guard !why.isEmpty else { return [table] }
        // `--why`: a sheet of its own, a row per measure or payment (they sum to the difference).
        var whySheet = DataTable(
            name: nl ? "Waarom" : "Why",
            columns: [
                .init("code"), .init("municipality"), .init("circulaire"), .init("cluster"), .init("reference"),
                .init("item"), .init("item_code"), .init("item_name"), .init("per_inhabitant", .money),
                .init("reference_per_inhabitant", .money), .init("difference", .money),
            ])
        for difference in why {
            for item in difference.items {
                whySheet.rows.append([
                    .text(difference.code), .text(name(difference.code)), .text(circulaire.id), .text(difference.cluster),
                    .text(referenceName(difference)), .text(item.code == nil ? "payment" : "measure"),
                    item.code.map { .text($0) } ?? .empty, .text(item.name), .number(item.here), .number(item.group),
                    .number(item.difference),
                ])
            }
        }
        return [table, whySheet]
    }

    public var sheetNotes: [String] { [heading] + notes }

    public func renderText() -> String {
        heading + "\n\n" + textTable.renderText()
            + why.map { "\n" + whyHeading($0) + "\n\n" + whyTable($0).renderText() }.joined()
    }

    public func renderMarkdown() -> String {
        "## " + heading + "\n\n" + textTable.renderMarkdown()
            + why.map { "\n### " + whyHeading($0) + "\n\n" + whyTable($0).renderMarkdown() }.joined()
    }

    func name(_ code: String) -> String { municipalities.first { $0.code == code }?.name ?? code }

    /// "Why Westervoort's need differs — Individuele voorzieningen Wmo: €232.68 per inhabitant against €…".
    func whyHeading(_ difference: NeedDifference) -> String {
        let money = NumberFormat(locale: locale)
        let index = difference.needIndex.map { money.number($0, decimals: 2) } ?? "–"
        let reference = referenceName(difference)
        let indexName = difference.reference == nil ? t("need index", "behoefte-index") : t("index", "index")
        return nl
            ? "Waarom de behoefte van \(name(difference.code)) verschilt — \(difference.cluster): \(money.money(difference.here)) per inwoner tegen \(money.money(difference.group)) in \(reference) (\(difference.groupSize) gemeenten); \(indexName) \(index), verschil \(money.signedMoney(difference.here - difference.group))"
            : "Why \(name(difference.code))'s need differs — \(difference.cluster): \(money.money(difference.here)) per inhabitant against \(money.money(difference.group)) in \(reference) (\(difference.groupSize) municipalities); \(indexName) \(index), difference \(money.signedMoney(difference.here - difference.group))"
    }

    /// Per measure and payment: here and in the Netherlands per inhabitant, and the difference; they sum to the total.
    func whyTable(_ difference: NeedDifference) -> Table {
        let money = NumberFormat(locale: locale)
        var table = Table(columns: [
            .init(nl ? "maatstaf of uitkering" : "measure or payment"),
            .init(nl ? "hier per inwoner" : "here per inhabitant", .right),
            .init(
                difference.reference == nil
                    ? t("Netherlands per inhabitant", "Nederland per inwoner") : t("group per inhabitant", "groep per inwoner"),
                .right),
            .init(nl ? "verschil" : "difference", .right),
        ])
        for item in difference.items {
            table.rows.append([
                item.name + (item.code.map { " (\($0))" } ?? ""), money.money(item.here), money.money(item.group),
                money.signedMoney(item.difference),
            ])
        }
        table.rows.append([
            nl ? "totaal" : "total", money.money(difference.here), money.money(difference.group),
            money.signedMoney(difference.here - difference.group),
        ])
        let reference = referenceName(difference)
        table.notes = [
            nl
                ? "Per maatstaf: de bijdrage per inwoner hier min die van \(reference) (de som over de gemeenten ÷ hun inwoners); samen precies het verschil. Index: uitkering per inwoner ÷ die van \(reference)."
                : "Per measure: the contribution per inhabitant here minus that of \(reference) (the sum over its municipalities ÷ their inhabitants); together exactly the difference. Index: allocation per inhabitant ÷ that of \(reference)."
        ]
        return table
    }

    /// One row per municipality and cluster; with one cluster, its contributions under it.
    var textTable: Table {
        let money = NumberFormat(locale: locale)
        var table = Table(columns: [
            .init(nl ? "gemeente" : "municipality"), .init("cluster"), .init(nl ? "uitkering" : "allocation", .right),
            .init(nl ? "per inwoner" : "per inhabitant", .right),
        ])
        for chosen in municipalities {
            for allocation in allocations(chosen) {
                let per =
                    allocation.total.flatMap { total in
                        chosen.population > 0 ? money.money(total / Double(chosen.population)) : nil
                    } ?? "–"
                table.rows.append([
                    chosen.name, allocation.cluster,
                    allocation.total.map { money.money($0, decimals: 0) } ?? (nl ? "geen waarde" : "no value"), per,
                ])
                guard clusters.count == 1 else { continue }
                for item in allocation.contributions where item.amount != 0 {
                    let label: String
                    if case .measure(let code) = item.kind {
                        label =
                            "  \(item.name) (\(code)): \(money.number(item.volume, decimals: 2)) × \(money.number(item.weight, decimals: 2))"
                            + (item.factor == 1 ? "" : " × \(money.number(item.factor, decimals: 3))")
                    } else {
                        label = "  " + (nl ? "uitkering " : "payment ") + item.name
                    }
                    let share = chosen.population > 0 ? money.money(item.amount / Double(chosen.population)) : "–"
                    table.rows.append(["", label, money.money(item.amount, decimals: 0), share])
                }
            }
        }
        table.notes = notes
        return table
    }

    struct Why: Encodable {
        var code: String
        var cluster: String
        var reference: Reference
        var perInhabitant: Double
        var referencePerInhabitant: Double
        var needIndex: Double?
        var municipalities: Int
        var items: [WhyItem]
    }
    /// What the need is set against: `national`, or a group with its kind, label and CBS code.
    struct Reference: Encodable {
        var group: String
        var label: String
        var code: String?

        enum CodingKeys: String, CodingKey { case group, label, code }

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(group, forKey: .group)
            try c.encode(label, forKey: .label)
            try c.encode(code, forKey: .code)
        }
    }
    struct WhyItem: Encodable {
        var kind: String
        var code: String?
        var name: String
        var perInhabitant: Double
        var referencePerInhabitant: Double
        var difference: Double

        enum CodingKeys: String, CodingKey { case kind, code, name, perInhabitant, referencePerInhabitant, difference }

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(kind, forKey: .kind)
            try c.encode(code, forKey: .code)
            try c.encode(name, forKey: .name)
            try c.encode(perInhabitant, forKey: .perInhabitant)
            try c.encode(referencePerInhabitant, forKey: .referencePerInhabitant)
            try c.encode(difference, forKey: .difference)
        }
    }
    struct Document: Encodable {
        var schema = FundReport.schema
        var circulaire: String
        var year: Int
        var factor: Double
        var municipalities: [Municipality]
        var why: [Why]
        var notes: [String]
        var sources: [Source]
    }
    struct Municipality: Encodable {
        var code: String
        var name: String
        var fundName: String
        var population: Int
        var clusters: [Cluster]
    }
    struct Cluster: Encodable {
        var cluster: String
        var allocation: Double?
        var perInhabitant: Double?
        var withoutAmounts: [String]
        var contributions: [Contribution]

        enum CodingKeys: String, CodingKey { case cluster, allocation, perInhabitant, withoutAmounts, contributions }

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(cluster, forKey: .cluster)
            try c.encode(allocation, forKey: .allocation)
            try c.encode(perInhabitant, forKey: .perInhabitant)
            try c.encode(withoutAmounts, forKey: .withoutAmounts)
            try c.encode(contributions, forKey: .contributions)
        }
    }
    struct Contribution: Encodable {
        var kind: String
        var code: String?
        var name: String
        var volume: Double
        var weight: Double
        var factor: Double
        var amount: Double

        enum CodingKeys: String, CodingKey { case kind, code, name, volume, weight, factor, amount }

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(kind, forKey: .kind)
            try c.encode(code, forKey: .code)
            try c.encode(name, forKey: .name)
            try c.encode(volume, forKey: .volume)
            try c.encode(weight, forKey: .weight)
            try c.encode(factor, forKey: .factor)
            try c.encode(amount, forKey: .amount)
        }
    }
    struct Source: Encodable {
        var file: String
        var sha256: String
    }

    public func renderJSON() throws -> String {
        try JSONOutput.encode(
            Document(
                circulaire: circulaire.id, year: circulaire.year, factor: circulaire.factor,
                municipalities: municipalities.map { chosen in
                    Municipality(
                        code: chosen.code, name: chosen.name,
                        fundName: circulaire.municipalities[chosen.code]?.fundName ?? chosen.name,
                        population: chosen.population,
                        clusters: allocations(chosen).map { allocation in
                            Cluster(
                                cluster: allocation.cluster, allocation: allocation.total,
                                perInhabitant: allocation.total.flatMap {
                                    chosen.population > 0 ? $0 / Double(chosen.population) : nil
                                }, withoutAmounts: allocation.withoutAmounts,
                                contributions: allocation.contributions.map { item in
                                    var code: String?
                                    if case .measure(let measure) = item.kind { code = measure }
                                    return Contribution(
                                        kind: code == nil ? "payment" : "measure", code: code, name: item.name,
                                        volume: item.volume, weight: item.weight, factor: item.factor, amount: item.amount)
                                })
                        })
                },
                why: why.map { difference in
                    Why(
                        code: difference.code, cluster: difference.cluster,
                        reference: Reference(
                            group: difference.reference?.group.description ?? "national",
                            label: referenceName(difference),
                            code: difference.reference.flatMap { $0.code } ?? (difference.reference == nil ? "NL01" : nil)),
                        perInhabitant: difference.here, referencePerInhabitant: difference.group,
                        needIndex: difference.needIndex,
                        municipalities: difference.groupSize,
                        items: difference.items.map {
                            WhyItem(
                                kind: $0.code == nil ? "payment" : "measure", code: $0.code, name: $0.name,
                                perInhabitant: $0.here, referencePerInhabitant: $0.group, difference: $0.difference)
                        })
                },
                notes: notes, sources: files.map { Source(file: $0.name, sha256: $0.sha256) }))
    }
}
