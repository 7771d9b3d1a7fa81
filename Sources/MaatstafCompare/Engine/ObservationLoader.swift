import MaatstafCore
import MaatstafModel
import MaatstafSources

/// Reads the numbers an indicator needs from its source (the store, or one built in memory) and turns them into
/// observations.
struct ObservationLoader: Sendable {
    let source: any ObservationSource
    /// The small answers of `source`, kept for the run.
    let memory = RunMemory()
    let atlas: MunicipalityAtlas
    /// Which copy of an Iv3 document to read when the snapshot and a fetched table both hold it.
    var preference: Iv3SourcePreference = .fetched
    /// A circulaire the user chose for its year (`--circulaire S2024_2024`), instead of the rule's.
    var chosenCirculaire: String?

    /// A circulaire from the store, read once per run.
    func fundCirculaire(_ id: String) throws -> FundCirculaire? {
        try memory.fundCirculaire(id) { try source.fundCirculaire(id) }
    }

    /// The circulaire whose allocation goes with `year`: the chosen one for its own year, else the rule's (the May
    /// circular of the year before).
    func circulaireID(for year: Int) -> (id: String, chosen: Bool) {
        FundCirculaireRule.circulaire(for: year, chosen: chosenCirculaire)
    }

    /// One municipality's numerator or denominator: a number, or why there is none.
    enum Figure {
        case value(Double)
        case missing(MissingReason)
    }

    /// Every combination of numerator (Iv3, a CBS table) and denominator (the population, a CBS table) is computed
    /// as defined: each side is loaded from its own source, then divided once. Nothing is substituted.
    /// `kind` chooses the Iv3 document (accounts or budget) when the year has both; nil prefers the accounts.
    func load(_ indicator: Indicator, year: Int, kind wanted: Iv3DocumentKind? = nil) throws -> IndicatorData {
        var notes: [IndicatorNote] = []
        // A year whose layout has no line for the indicator: said first, as no fetch would change it.
        try refuseLayoutWithoutLine(indicator, year: year)
        // An Iv3 year the store has no document of: said before anything about that year's classes.
        if case .iv3 = indicator.numerator {
            let documents = try memory.iv3Documents { try source.iv3Documents() }
            if !documents.contains(where: { $0.year == year }) {
                let available = Set(documents.map { IndicatorPeriod(year: $0.year, kind: $0.kind) })
                    .sorted().map(\.description).joined(separator: ", ")
                throw CompareError(
                    .yearNotAvailable, subject: indicator.id,
                    reason: .en("no Iv3 data for \(year) in the store", nl: "geen Iv3-gegevens over \(year) in de opslag"),
                    hint: .en(
                        "Available Iv3 documents: \(available); CBS publishes each year's Iv3: \(action: .fetchIv3(year: year))",
                        nl:
                            "Beschikbare Iv3-documenten: \(available); CBS publiceert de Iv3 van elk jaar: \(action: .fetchIv3(year: year))"
                    )
                )
            }
        }
        // Municipalities and their groups: the year's class file. An Iv3 year always has one; for a CBS table the
        // nearest earlier one is used when the snapshot has none (said in a note).
        let classificationYear: Int
        if case .iv3 = indicator.numerator {
            classificationYear = year
        } else {
            classificationYear =
                atlas.years.contains(year) ? year : (atlas.years.filter { $0 < year }.last ?? atlas.years.first ?? year)
        }
        let profiles = try atlas.profiles(year: classificationYear)
        if classificationYear != year { notes.append(.classesFromEarlierYear(year: year, used: classificationYear)) }
        if let derivation = atlas.derivations[classificationYear] {
            notes.append(
                .populationFetched(
                    year: classificationYear, table: derivation.populationTable, regionsTable: derivation.regionsTable,
                    classesFrom: derivation.classesFrom))
        } else if let table = atlas.regionsTables[classificationYear] {
            notes.append(.regionsFetched(year: classificationYear, table: table))
        }
        if let borrowed = atlas.borrowedClasses[classificationYear], !borrowed.isEmpty {
            let name = { (code: String) in atlas.directory.byCode[code]?.name ?? code }
            notes.append(
                .successorClasses(
                    year: classificationYear, municipalities: borrowed.map { name($0.code) },
                    successors: borrowed.map { name($0.from) }))
        }
        // Every CBS table the indicator reads, looked up once; all missing ones are named together.
        let stored = try storedTables(of: indicator, year: year)

        let numerator: [String: Figure]
        var sources: [SourceReference] = []
        var document: Iv3DocumentKind?
        var taakvelden: [String] = []
        var layoutDifferences: [LayoutDifference] = []
        switch indicator.numerator {
        case .iv3(let measure, _):
            let iv3 = try loadIv3(indicator, measure: measure, year: year, kind: wanted)
            numerator = iv3.figures
            sources.append(iv3.source)
            notes += iv3.notes
            document = iv3.kind
            taakvelden = iv3.taakvelden
            layoutDifferences = iv3.layoutDifferences
        case .cbs(let table, let topics, let selection):
            numerator = try cbsFigures(
                indicator, table: table, topics: topics, selection: selection, year: year,
                stored: stored, role: .en("numerator", nl: "teller"))
            sources.append(try cbsSource(table, year: year))
        case .own(let measure):
            numerator = try ownFigures(measure, indicator: indicator, year: year)
            sources += try ownSources(measure)
        case .fund(let cluster):
            let fund = try fundFigures(cluster, year: year)
            numerator = fund.figures
            sources.append(fund.source)
            notes.append(fund.note)
        case .fundNeed(let cluster):
            let fund = try fundFigures(cluster, year: year)
            let need = Self.need(fund.figures, profiles: profiles)
            numerator = need.figures
            sources.append(fund.source)
            notes.append(fund.note)
            if let national = need.national { notes.append(.needIndex(nationalPerInhabitant: national)) }
        }

        var denominator: [String: Figure] = [:]
        // The population is read from the profiles where they are divided, not copied into `denominator` first.
        var perInhabitant = false
        switch indicator.denominator {
        case .population:
            perInhabitant = true
            if case .cbs = indicator.numerator { notes.append(.populationDenominator(year: classificationYear)) }
            sources.append(try populationSource(profiles: profiles, year: classificationYear))
        case .cbs(let table, let topics, let selection):
            denominator = try cbsFigures(
                indicator, table: table, topics: topics, selection: selection, year: year,
                stored: stored, role: .en("denominator", nl: "noemer"))
            if !sources.contains(where: { $0.table.hasPrefix("CBS \(table) ") }) {
                sources.append(try cbsSource(table, year: year))
            }
        case .own(let measure):
            denominator = try ownFigures(measure, indicator: indicator, year: year)
            for source in try ownSources(measure) where !sources.contains(source) { sources.append(source) }
        case .fund(let cluster):
            let fund = try fundFigures(cluster, year: year)
            denominator = fund.figures
            sources.append(fund.source)
            notes.append(fund.note)
        case .none:
            // The numerator is the figure itself (an average the municipality reports).
            for code in profiles.keys { denominator[code] = .value(1) }
        }
        // A figure without a denominator is an average as reported, unless the indicator says it is a count that sums.
        if case .own = indicator.numerator {
            notes.append(.ownFigures(indicator.denominator == .none && indicator.accumulation != .flow))
        }
        if indicator.ownPeriod != nil, indicator.usesOwnFigures {
            var yearNumerator = true
            if case .own = indicator.numerator { yearNumerator = false }
            notes.append(.ownPeriod(ownPeriod(indicator, year: year), yearNumerator: yearNumerator))
        }

        // A municipality the source has no row for at all.
        let absentNumerator: MissingReason
        switch indicator.numerator {
        case .iv3: absentNumerator = .noData
        case .cbs(let table, _, _): absentNumerator = .notInCBSTable(table: table)
        case .own(let measure): absentNumerator = .noOwnFigure(measure: measure, period: ownPeriod(indicator, year: year).code)
        case .fund, .fundNeed: absentNumerator = .noData
        }
        var observations: [String: Observation] = [:]
        observations.reserveCapacity(profiles.count)
        for (code, profile) in profiles {
            let divisor = perInhabitant ? .value(Double(profile.population)) : denominator[code] ?? .missing(.noDenominator)
            switch (numerator[code] ?? .missing(absentNumerator), divisor) {
            case (.missing(let reason), _):
                observations[code] = Observation(code: code, missing: reason)
            case (.value, .missing):
                observations[code] = Observation(code: code, missing: .noDenominator)
            case (.value(let n), .value(let d)):
                observations[code] = Observation(code: code, numerator: n, denominator: d, multiplier: indicator.multiplier)
            }
        }
        var data = IndicatorData(
            indicator: indicator, year: year, observations: observations, sources: sources,
            notes: notes, taakvelden: taakvelden, classificationYear: classificationYear)
        data.document = document
        data.layoutDifferences = layoutDifferences
        data.ownReference = try ownReference(indicator, year: year)
        return data
    }

    /// The stored years of every CBS table the indicator reads; an error naming every table not in the store.
    private func storedTables(of indicator: Indicator, year: Int) throws -> [String: CBSTableYears] {
        var stored: [String: CBSTableYears] = [:]
        var missing: [String] = []
        for part in CBSFetchAdvice.parts(of: indicator) where stored[part.table] == nil && !missing.contains(part.table) {
            if let years = try cbsTableYears(part.table) { stored[part.table] = years } else { missing.append(part.table) }
        }
        if !missing.isEmpty { throw CBSFetchAdvice.notFetched(indicator, missing: missing, years: year...year) }
        return stored
    }

    /// What a fetched CBS table offers in time: its `…JJ00` periods, or, for a table without a time dimension
    /// (Kerncijfers wijken en buurten is one table per year), the table's own period.
    struct CBSTableYears {
        var record: CBSTableRecord
        var years: [Int]
        /// False when the table has no time dimension: its cells carry no period.
        var hasPeriods: Bool
    }

    /// Nil when the table is not in the store. One scan of the table's periods, shared by every use.
    func cbsTableYears(_ table: String) throws -> CBSTableYears? {
        let tables = try memory.cbsTables { try source.cbsTables() }
        guard let record = tables.first(where: { $0.id == table }) else { return nil }
        let periods = try source.cbsPeriods(table: table)
        if periods.isEmpty {
            return CBSTableYears(
                record: record, years: record.period.flatMap { Int($0.prefix(4)) }.map { [$0] } ?? [],
                hasPeriods: false)
        }
        let years = Set(periods.filter { $0.hasSuffix("JJ00") }.compactMap { Int($0.prefix(4)) }).sorted()
        return CBSTableYears(record: record, years: years, hasPeriods: true)
    }

    /// Per municipality, a CBS table's topics summed over the `where:` codes, for one role of the indicator.
    private func cbsFigures(
        _ indicator: Indicator, table: String, topics stems: [String], selection: [String: [String]],
        year: Int, stored: [String: CBSTableYears], role: LocalizedText
    ) throws -> [String: Figure] {
        let available = stored[table]!
        let codes = try resolvedSelection(selection, table: table, indicator: indicator.id, role: role)
        guard available.years.contains(year) else {
            let stored = available.years.map(String.init).joined(separator: ", ")
            var hint = Advice.en(
                "Years in the stored table: \(stored.isEmpty ? "none" : stored)",
                nl: "Jaren in de opgeslagen tabel: \(stored.isEmpty ? "geen" : stored)")
            var fetch: [FetchRequest] = []
            // A whole table holds every year CBS had; a part (fewer rows than CBS announced) may lack one asked
            // for later. A filtered fetch replaces the stored part: ask for the stored years and this one together.
            if !selection.isEmpty, available.record.recordCount.map({ available.record.rows < $0 }) ?? true {
                hint = .en(
                    "\(line: hint.english); fetch the stored years and \(year) together",
                    nl: "\(line: hint.dutch); haal de opgeslagen jaren en \(year) samen op")
                fetch = [try refetch(table, for: indicator, needing: codes, year: year, available: available)]
            }
            throw CompareError(
                .yearNotAvailable, subject: indicator.id,
                reason: .en(
                    "CBS table \(table) has no figures for \(year)", nl: "CBS-tabel \(table) heeft geen cijfers over \(year)"),
                hint: hint, fetch: fetch)
        }
        let keys = try source.cbsTopicKeys(table: table)
        let resolved = try stems.map { stem -> String in
            guard let key = keys[stem] else {
                throw CompareError(
                    .definitionMismatch, subject: indicator.id,
                    reason: .en(
                        "CBS table \(table) has no topic \(stem) (its \(role.en))",
                        nl: "CBS-tabel \(table) heeft geen onderwerp \(stem) (de \(role.nl))"),
                    hint: .en(
                        "Topics of the stored table: \(action: .describeTable(table))",
                        nl: "Onderwerpen van de opgeslagen tabel: \(action: .describeTable(table))"))
            }
            return key
        }
        // A code the list knows but no stored row has: the table was fetched filtered, for other codes.
        let inRows = try source.cbsCodesInRows(table: table)
        let lacking = codes.sorted { $0.key < $1.key }.compactMap {
            dimension, wanted -> CompareError.PartialTable.Lacking? in
            guard let present = inRows[dimension].map(Set.init) else { return nil }
            let lacking = wanted.filter { !present.contains($0) }
            return lacking.isEmpty ? nil : .init(dimension: dimension, codes: lacking)
        }
        let absent = lacking.map { "\($0.dimension) \($0.codes.joined(separator: ", "))" }
        if !absent.isEmpty {
            throw CompareError(
                .tableNotFetched, subject: indicator.id,
                reason: .en(
                    "the stored part of CBS table \(table) has no rows for \(absent.joined(separator: "; ")) (it was fetched for other codes)",
                    nl:
                        "het opgeslagen deel van CBS-tabel \(table) heeft geen rijen voor \(absent.joined(separator: "; ")) (het is voor andere codes opgehaald)"
                ),
                hint: .en(
                    "A filtered fetch replaces the stored part, so fetch what is stored and what \(indicator.id) needs together",
                    nl:
                        "Een gefilterd ophalen vervangt het opgeslagen deel; haal dus wat er staat en wat \(indicator.id) nodig heeft samen op"
                ),
                fetch: [try refetch(table, for: indicator, needing: codes, year: year, available: available)],
                partial: .init(table: table, lacking: lacking))
        }
        let columns = try source.cbsColumns(table: table, topics: resolved)
        let sums = try Self.municipalSums(
            columns, selection: codes, period: available.hasPeriods ? "\(year)JJ00" : nil,
            table: table, indicator: indicator.id, role: role)
        var figures: [String: Figure] = [:]
        for (code, sum) in sums {
            figures[code] = sum.map { .value($0) } ?? .missing(.suppressedByCBS(table: table))
        }
        return figures
    }

    /// The CBS tables the indicator reads that are not in the store, in the order it names them; empty for Iv3.
    func missingTables(for indicator: Indicator) throws -> [String] {
        var missing: [String] = []
        for part in CBSFetchAdvice.parts(of: indicator) where !missing.contains(part.table) {
            if try cbsTableYears(part.table) == nil { missing.append(part.table) }
        }
        return missing
    }

    /// A fetch of what is stored of `table` and what `indicator` needs from it, for `year`.
    /// `needing` is the selection with titles resolved to keys, so the request repeats no title.
    func refetch(
        _ table: String, for indicator: Indicator, needing: [String: [String]], year: Int,
        available: CBSTableYears
    ) throws -> FetchRequest {
        let stored = CBSFetchAdvice.StoredPart(
            topics: try source.cbsTopicKeys(table: table).keys.sorted(),
            codes: try source.cbsCodesInRows(table: table), years: available.years)
        return CBSFetchAdvice.request(for: indicator, table: table, years: year...year, stored: stored, needing: needing)
    }

    /// The `where:` codes as the table's code lists know them: keys stay, titles become their keys, and a code the
    /// list lacks is an error — a mistyped code would otherwise make every municipality silently missing. Without a
    /// stored code list (CBS serves none for some dimensions) the codes are used as written.
    private func resolvedSelection(
        _ selection: [String: [String]], table: String, indicator: String,
        role: LocalizedText
    ) throws -> [String: [String]] {
        var resolved: [String: [String]] = [:]
        for (dimension, wanted) in selection {
            let list = try source.cbsCodes(table: table, dimension: dimension)
            guard !list.isEmpty else {
                resolved[dimension] = wanted
                continue
            }
            resolved[dimension] = try wanted.map { text in
                switch CBSDimensionCode.match(text, in: list) {
                case .found(let code): return code.key
                case .ambiguous(let codes):
                    throw CompareError(
                        .definitionMismatch, subject: indicator,
                        reason: .en(
                            "its \(role.en) picks \"\(text)\" in \(dimension) of CBS table \(table), the title of several codes",
                            nl:
                                "de \(role.nl) kiest \"\(text)\" in \(dimension) van CBS-tabel \(table), de titel van meerdere codes"
                        ),
                        hint: .en(
                            "Write one of the codes: \(codes.map(\.described).joined(separator: ", "))",
                            nl: "Schrijf een van de codes: \(codes.map(\.described).joined(separator: ", "))"))
                case .unknown(let near):
                    throw CompareError(
                        .definitionMismatch, subject: indicator,
                        reason: .en(
                            "its \(role.en) picks \"\(text)\" in \(dimension), which CBS table \(table) has no code or title for",
                            nl:
                                "de \(role.nl) kiest \"\(text)\" in \(dimension), waarvoor CBS-tabel \(table) geen code of titel heeft"
                        ),
                        hint: near.isEmpty
                            ? .en("Codes: \(action: .describeTable(table))", nl: "Codes: \(action: .describeTable(table))")
                            : .en(
                                "Did you mean \(near.map(\.described).joined(separator: ", "))?",
                                nl: "Bedoelt u \(near.map(\.described).joined(separator: ", "))?"))
                }
            }
        }
        return resolved
    }

    /// Per municipality (`GM…`), the sum of the topics over the rows of `period` whose other dimensions hold the
    /// selected codes. Every other dimension must be selected — a table with an age dimension holds a total and its
    /// parts, and summing both would count people twice. A sum with any missing part, or fewer rows than the
    /// selection implies, is missing: never a partial sum, never 0.
    static func municipalSums(
        _ columns: CBSStoredColumns, selection: [String: [String]], period: String?, table: String,
        indicator: String, role: LocalizedText
    ) throws -> [String: Double?] {
        let others = columns.dimensions.filter { $0.role == "other" }
        for key in selection.keys where !others.contains(where: { $0.key == key }) {
            throw CompareError(
                .definitionMismatch, subject: indicator,
                reason: .en(
                    "its \(role.en) picks codes of \(key), which CBS table \(table) does not have",
                    nl: "de \(role.nl) kiest codes van \(key), dat CBS-tabel \(table) niet heeft"),
                hint: .en(
                    "Dimensions to pick from: \(others.isEmpty ? "none" : others.map(\.key).joined(separator: ", "))",
                    nl: "Dimensies om uit te kiezen: \(others.isEmpty ? "geen" : others.map(\.key).joined(separator: ", "))")
            )
        }
        if let unpicked = others.first(where: { selection[$0.key] == nil }) {
            throw CompareError(
                .definitionMismatch, subject: indicator,
                reason: .en(
                    "CBS table \(table) has a dimension \(unpicked.key) its \(role.en) does not pick codes of",
                    nl: "CBS-tabel \(table) heeft een dimensie \(unpicked.key) waarvan de \(role.nl) geen codes kiest"),
                hint: .en(
                    "Add `where: { \(unpicked.key): [CODE, …] }` to the indicator (codes: \(action: .exportTable(table)))",
                    nl:
                        "Voeg `where: { \(unpicked.key): [CODE, …] }` toe aan de indicator (codes: \(action: .exportTable(table)))"
                ))
        }
        guard let regions = columns.dimensions.first(where: { $0.role == "region" })?.codes else { return [:] }
        let periods = columns.dimensions.first { $0.role == "period" }?.codes
        let picked = others.map { ($0.codes, Set(selection[$0.key]!)) }
        let expectedRows = others.reduce(1) { $0 * Set(selection[$1.key]!).count }
        var sums: [String: (total: Double, parts: Int, complete: Bool)] = [:]
        for row in 0..<columns.rowCount where regions[row].hasPrefix("GM") {
            if let period, periods?[row] != period { continue }
            guard picked.allSatisfy({ $0.1.contains($0.0[row]) }) else { continue }
            var entry = sums[regions[row]] ?? (0, 0, true)
            for topic in columns.topics {
                if let number = topic.values[row].number { entry.total += number } else { entry.complete = false }
            }
            entry.parts += 1
            sums[regions[row]] = entry
        }
        return sums.mapValues { $0.complete && $0.parts == expectedRows ? $0.total : nil }
    }

    private func cbsSource(_ table: String, year: Int) throws -> SourceReference {
        let record = try memory.cbsTables { try source.cbsTables() }.first { $0.id == table }
        let responses = try source.cbsResponses(table: table)
        let data = responses.first { $0.url.contains("DataSet") } ?? responses.first
        return SourceReference(
            table: "CBS \(table) \(record?.title ?? "")", year: year,
            origin: "\(data?.url ?? table) (fetched \(record?.fetchedAt ?? "?"); Bron: CBS)", sha256: data?.sha256)
    }

    /// An Iv3 numerator for every municipality of the year, with what the figures rest on.
    struct Iv3Figures {
        var figures: [String: Figure]
        var kind: Iv3DocumentKind
        var taakvelden: [String]
        var source: SourceReference
        var notes: [IndicatorNote]
        var layoutDifferences: [LayoutDifference]
    }

    private func loadIv3(
        _ indicator: Indicator, measure: Iv3Measure, year: Int, kind wanted: Iv3DocumentKind?
    ) throws -> Iv3Figures {
        let documents = try memory.iv3Documents { try source.iv3Documents() }
        // Accounts (jaarrekening) are what was spent; a budget (begroting) is what was planned. Prefer accounts.
        let kinds = documents.filter { $0.year == year && (wanted == nil || $0.kind == wanted) }.map { ($0, $0.kind) }
        // Within the kind, the copy the user prefers when the snapshot and a fetched table both hold it.
        let ranked = kinds.sorted { a, b in
            if a.1 != b.1 { return a.1 < b.1 }
            let aFetched = a.0.table != nil
            return aFetched != (b.0.table != nil) && aFetched == (preference == .fetched)
        }
        guard let (document, kind) = ranked.first else {
            let available = documents.map { IndicatorPeriod(year: $0.year, kind: $0.kind) }
                .sorted().map(\.description).joined(separator: ", ")
            throw CompareError(
                .yearNotAvailable, subject: indicator.id,
                reason: .en(
                    "no Iv3 \(wanted.map { "\($0.rawValue) " } ?? "")data for \(year) in the store",
                    nl: "geen Iv3-gegevens\(wanted.map { " (\($0.rawValue))" } ?? "") over \(year) in de opslag"),
                hint: .en("Available Iv3 documents: \(available)", nl: "Beschikbare Iv3-documenten: \(available)"))
        }
        try refuseLayoutWithoutLine(indicator, year: year)
        guard let layout = indicator.iv3Layout(for: year) else {
            let generic = indicator.origin == .genericIv3
            throw CompareError(
                .yearNotAvailable, subject: indicator.id,
                reason: .en(
                    "is not defined for \(year): its taakvelden do not exist in that year's Iv3 layout",
                    nl: "is niet gedefinieerd voor \(year): de taakvelden bestaan niet in de Iv3-indeling van dat jaar"),
                hint: generic
                    ? .en(
                        "Choose a year it exists in (\(action: .showIndicator(indicator.id))); named indicators such as wmo.huishoudelijke-hulp map taakvelden across layouts (\(action: .listIndicators))",
                        nl:
                            "Kies een jaar waarin ze bestaat (\(action: .showIndicator(indicator.id))); benoemde indicatoren zoals wmo.huishoudelijke-hulp zetten taakvelden om tussen indelingen (\(action: .listIndicators))"
                    )
                    : .en(
                        "Choose a year it exists in (\(action: .showIndicator(indicator.id)))",
                        nl: "Kies een jaar waarin ze bestaat (\(action: .showIndicator(indicator.id)))"))
        }
        let known = try memory.iv3Taakvelden(year: year, kind: document.kind, table: document.table) {
            Set(try source.iv3Taakvelden(year: year, kind: document.kind, table: document.table).map(\.taakveld))
        }
        let absent = layout.taakvelden.filter { !known.contains($0) }
        var notes: [IndicatorNote] = []
        if let other = ranked.dropFirst().first(where: { $0.1 == kind }) {
            notes.append(.iv3DocumentChoice(kind: kind, year: year, usedTable: document.table, otherTable: other.0.table))
        }
        if !absent.isEmpty { notes.append(.taakveldenNotInDocument(taakvelden: absent, kind: kind, year: year)) }
        let amounts = try memory.iv3Amounts(
            year: year, kind: document.kind, table: document.table, taakvelden: layout.taakvelden
        ) { missing in
            try source.iv3Amounts(year: year, kind: document.kind, taakvelden: missing, table: document.table)
        }
        let undelivered = try memory.iv3NoDelivery(year: year, kind: document.kind, table: document.table) {
            try source.iv3NoDelivery(year: year, kind: document.kind, table: document.table)
        }
        // Each municipality's rows summed as they come (no list of rows per municipality).
        struct Sum {
            var total = 0
            var rows = 0
            var booked = false
            var complete = true

            mutating func add(_ row: Iv3AmountRecord, _ measure: Iv3Measure) {
                rows += 1
                switch measure {
                case .lasten: if let value = row.lasten { total += value } else { complete = false }
                case .baten: if let value = row.baten { total += value } else { complete = false }
                case .netto:
                    if let lasten = row.lasten, let baten = row.baten { total += lasten - baten } else { complete = false }
                }
                // For net amounts "nothing booked" means nothing on either side, not lasten equal to baten.
                switch measure {
                case .lasten: booked = booked || (row.lasten ?? 0) != 0
                case .baten: booked = booked || (row.baten ?? 0) != 0
                case .netto: booked = booked || (row.lasten ?? 0) != 0 || (row.baten ?? 0) != 0
                }
            }
        }
        let profiles = try atlas.profiles(year: year)
        var sums: [String: Sum] = [:]
        sums.reserveCapacity(profiles.count)
        for row in amounts {
            sums[row.code, default: Sum()].add(row, measure)
        }
        var figures: [String: Figure] = [:]
        figures.reserveCapacity(profiles.count)
        for code in profiles.keys {
            if undelivered.contains(code) {
                figures[code] = .missing(.noDelivery(kind: kind, year: year))
                continue
            }
            guard let sum = sums[code], sum.rows == layout.taakvelden.count - absent.count, sum.rows > 0 else {
                figures[code] = .missing(.notInIv3File(kind: kind, year: year))
                continue
            }
            if !sum.complete {
                figures[code] = .missing(.incompleteIv3)
            } else if !sum.booked, case .notBooked(let broader) = indicator.zero {
                figures[code] = .missing(.notBooked(taakvelden: layout.taakvelden, broader: broader))
            } else {
                figures[code] = .value(Double(sum.total) * 1000)
            }
        }
        if indicator.overhead == .salaries {
            try spreadOverhead(
                &figures, measure: measure, taakvelden: layout.taakvelden, known: known, year: year, document: document)
            notes.append(.overheadSpread)
        }
        let reference: SourceReference
        if let table = document.table {
            // Read from a fetched CBS table: its data response and the time it was fetched.
            let record = try memory.cbsTables { try source.cbsTables() }.first { $0.id == table }
            let responses = try source.cbsResponses(table: table)
            let data = responses.first { $0.url.contains("DataSet") } ?? responses.first
            reference = SourceReference(
                table: "Iv3 \(kind.rawValue) \(year) (CBS \(table))", year: year,
                origin: "\(data?.url ?? table) (fetched \(record?.fetchedAt ?? "?"); Bron: CBS)", sha256: data?.sha256)
        } else {
            let sha = try memory.snapshotFiles { try source.snapshotFiles() }.first { $0.path == document.source }?.sha256
            reference = SourceReference(
                table: "Iv3 \(kind.rawValue) \(year)", year: year,
                origin: "\(document.source) (CBS Iv3 via BZK begrotingsanalysetool; Bron: CBS)", sha256: sha)
        }
        return Iv3Figures(
            figures: figures, kind: kind, taakvelden: layout.taakvelden, source: reference, notes: notes,
            layoutDifferences: layoutDifferences(indicator, year: year, documents: documents))
    }

    /// Adds to each figure its share of the overhead (0.4): the overhead's amount × the salaries (L1.1) on `taakvelden`
    /// ÷ the salaries on every taakveld of the document but 0.4. An empty salaries cell is none booked on that line; a
    /// municipality without salaries outside 0.4, or without a complete overhead line, has no value (never the figure
    /// without its share).
    private func spreadOverhead(
        _ figures: inout [String: Figure], measure: Iv3Measure, taakvelden: [String], known: Set<String>, year: Int,
        document: Iv3DocumentRecord
    ) throws {
        let all = known.sorted()
        let rows = try memory.iv3Amounts(year: year, kind: document.kind, table: document.table, taakvelden: all) {
            missing in
            try source.iv3Amounts(year: year, kind: document.kind, taakvelden: missing, table: document.table)
        }
        let mine = Set(taakvelden)
        var overhead: [String: Int?] = [:]
        var salariesHere: [String: Int] = [:]
        var salariesAll: [String: Int] = [:]
        for row in rows {
            if row.taakveld == OverheadSpread.taakveld {
                switch measure {
                case .lasten: overhead[row.code] = row.lasten
                case .netto, .baten:
                    overhead[row.code] = row.lasten.flatMap { lasten in row.baten.map { lasten - $0 } }
                }
                continue
            }
            let salaries = row.salaries ?? 0
            salariesAll[row.code, default: 0] += salaries
            if mine.contains(row.taakveld) { salariesHere[row.code, default: 0] += salaries }
        }
        for (code, figure) in figures {
            guard case .value(let amount) = figure else { continue }
            guard let spread = overhead[code] ?? nil, let total = salariesAll[code], total > 0 else {
                figures[code] = .missing(.noOverheadKey)
                continue
            }
            let share = Double(salariesHere[code] ?? 0) / Double(total)
            figures[code] = .value(amount + Double(spread) * 1000 * share)
        }
    }

    /// Population on 1 January of `year`, from the class file the profiles were read from.
    private func populationSource(profiles: [String: MunicipalityProfile], year: Int) throws -> SourceReference {
        if let derivation = atlas.derivations[year] { return try cbsSource(derivation.populationTable, year: year) }
        let classFile = profiles.values.first?.source ?? ""
        return SourceReference(
            table: "Bevolking op 1 januari \(year) (gemeenteklassen)", year: year,
            origin: "\(classFile) (CBS Gebieden in Nederland; Bron: CBS)",
            sha256: try memory.snapshotFiles { try source.snapshotFiles() }.first { $0.path == classFile }?.sha256)
    }

    /// Every other year in the store whose layout sums different taakvelden, or none.
    private func layoutDifferences(_ indicator: Indicator, year: Int, documents: [Iv3DocumentRecord]) -> [LayoutDifference] {
        guard let here = indicator.iv3Layout(for: year) else { return [] }
        return Set(documents.map(\.year)).subtracting([year]).sorted().compactMap { other in
            guard let there = indicator.iv3Layout(for: other) else { return LayoutDifference(year: other, taakvelden: nil) }
            return there.taakvelden == here.taakvelden ? nil : LayoutDifference(year: other, taakvelden: there.taakvelden)
        }
    }

    /// The period of `year` an indicator over own figures compares: the year, or the month, quarter or half-year its
    /// definition names.
    func ownPeriod(_ indicator: Indicator, year: Int) -> Period {
        indicator.ownPeriod?.period(in: year) ?? Period(year: year, kind: .year, number: 0)!
    }

    /// A measure of own figures for the period: the municipalities that have it.
    private func ownFigures(_ measure: String, indicator: Indicator, year: Int) throws -> [String: Figure] {
        let period = ownPeriod(indicator, year: year)
        var figures: [String: Figure] = [:]
        for figure in try source.ownFigures(measure: measure, period: period) { figures[figure.code] = .value(figure.value) }
        return figures  // a municipality without the figure is missing, with the reason, where the load divides
    }

    /// A cluster's allocation per municipality from the circulaire that belongs to `year` (`FundCirculaireRule`); a
    /// cluster the circulaire gives no amounts for has no value for anyone (never 0). No circulaire: an error that
    /// names the ones there are.
    func fundFigures(_ cluster: String, year: Int) throws -> (
        figures: [String: Figure], source: SourceReference, note: IndicatorNote
    ) {
        let (id, chosen) = circulaireID(for: year)
        guard let circulaire = try fundCirculaire(id) else {
            throw CompareError(
                .yearNotAvailable, subject: id,
                reason: chosen
                    ? .en("is not in the store", nl: "staat niet in de opslag")
                    : .en(
                        "is not in the store: the allocation for \(year) comes from the May circular of \(year - 1)",
                        nl: "staat niet in de opslag: de uitkering voor \(year) komt uit de meicirculaire van \(year - 1)"),
                hint: .en(
                    "Import it with the fund's import (docs/need.md), or choose another year",
                    nl: "Lees haar in met de import van het fonds (docs/need.md), of kies een ander jaar"))
        }
        guard circulaire.clusters.contains(cluster) else {
            throw CompareError(
                .definitionMismatch, subject: cluster,
                reason: .en("is no cluster of \(id)", nl: "is geen cluster van \(id)"),
                hint: .en(
                    "Clusters: \(circulaire.clusters.joined(separator: ", "))",
                    nl: "Clusters: \(circulaire.clusters.joined(separator: ", "))"))
        }
        var figures: [String: Figure] = [:]
        for code in circulaire.municipalities.keys {
            figures[code] = circulaire.allocation(of: code, in: cluster)?.total.map { .value($0) } ?? .missing(.noData)
        }
        return (
            figures,
            SourceReference(
                table: "Gemeentefonds \(id)", year: year, origin: "BZK, \(id) (docs/need.md)", sha256: nil),
            chosen ? .fundCirculaireChosen(id: id, year: year) : .fundCirculaire(id: id, year: year)
        )
    }

    /// The allocation counted in inhabitants: each municipality's allocation ÷ the national allocation per inhabitant
    /// (Σ allocations ÷ Σ inhabitants of the year's municipalities). When any municipality has no allocation there is
    /// no national figure, so nobody has a need (never a national figure over part of the country).
    static func need(_ allocations: [String: Figure], profiles: [String: MunicipalityProfile]) -> (
        figures: [String: Figure], national: Double?
    ) {
        var total = 0.0
        var inhabitants = 0.0
        // In the order of the codes: a dictionary's order changes from run to run, and so would the last bits of the sum.
        for (code, profile) in profiles.sorted(by: { $0.key < $1.key }) {
            guard case .value(let amount) = allocations[code] ?? .missing(.noData) else {
                return (profiles.mapValues { _ in .missing(.noData) }, nil)
            }
            total += amount
            inhabitants += Double(profile.population)
        }
        guard inhabitants > 0, total != 0 else { return (profiles.mapValues { _ in .missing(.noData) }, nil) }
        let national = total / inhabitants
        return (
            allocations.mapValues { figure in
                if case .value(let amount) = figure { return .value(amount / national) }
                return figure
            }, national
        )
    }

    /// The files a measure comes from, with their checksums.
    private func ownSources(_ measure: String) throws -> [SourceReference] {
        let files = Set(try source.ownMeasures().filter { $0.measure == measure }.map(\.file))
        return try source.ownImports().filter { files.contains($0.name) }.map { file in
            SourceReference(
                table: "Own figures: \(measure)", year: 0,
                origin: "\(file.name) (imported \(file.importedAt))", sha256: file.sha256,
                ownImport: OwnImportSource(measure: measure, file: file.name, importedAt: file.importedAt))
        }
    }

    /// The national figure a file entered for an indicator over own figures: the reported figure itself, or the
    /// ratio of two reported figures; nil when the file has none for the period.
    private func ownReference(_ indicator: Indicator, year: Int) throws -> OwnReference? {
        guard case .own(let measure) = indicator.numerator else { return nil }
        let period = ownPeriod(indicator, year: year)
        guard let numerator = try source.ownFigures(measure: measure, period: period).first(where: { $0.code == "NL01" })
        else { return nil }
        switch indicator.denominator {
        case .none:
            return OwnReference(value: numerator.value * Double(indicator.multiplier), source: numerator.note)
        case .own(let other):
            guard let denominator = try source.ownFigures(measure: other, period: period).first(where: { $0.code == "NL01" }),
                denominator.value > 0
            else { return nil }
            return OwnReference(
                value: numerator.value / denominator.value * Double(indicator.multiplier),
                source: [numerator.note, denominator.note].filter { !$0.isEmpty }.joined(separator: "; "))
        default:
            return nil
        }
    }
}

extension ObservationLoader {
    /// Refuses a year whose Iv3 layout has no line for the indicator (household help before 2023): no value, never a
    /// number from another definition, and the reader is sent to the broader indicator that does exist.
    func refuseLayoutWithoutLine(_ indicator: Indicator, year: Int) throws {
        guard let covering = indicator.iv3LayoutCovering(year), covering.taakvelden.isEmpty else { return }
        let span = indicator.iv3LayoutYears(covering)
        let years = span.last.map { "\(span.first)–\($0)" } ?? "\(span.first)"
        let broader = indicator.acrossLayouts ?? "sociaal-domein.netto"
        throw CompareError(
            .yearNotAvailable, subject: indicator.id,
            reason: .en(
                "has no value for \(year): the Iv3 layout of \(years) has no taakveld of its own for it",
                nl: "heeft geen waarde voor \(year): de Iv3-indeling van \(years) heeft er geen eigen taakveld voor"),
            hint: .en(
                "Use the broader indicator \(broader), which that layout can give (\(action: .showIndicator(broader)))",
                nl:
                    "Gebruik de bredere indicator \(broader), die die indeling wel kan geven (\(action: .showIndicator(broader)))"
            ))
    }
}
