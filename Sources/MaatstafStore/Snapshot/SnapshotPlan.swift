import Foundation
import GRDB
import MaatstafCore
import MaatstafSources

/// The snapshot's files parsed and joined into the rows the store keeps, before anything is written.
///
/// Source files name municipalities differently (`Beek` in Iv3, `Beek (L.)` at CBS, `'s-Gravenhage (gemeente)` in the
/// class files); every name is resolved to a CBS code here, and a name that cannot be resolved stops the load with
/// the file and line.
struct SnapshotPlan {
    struct MunicipalityRow {
        var code: String
        var name: String
        var lastYear: Int
        var current: Bool
        var regions: MunicipalityRegionsFile.Row
    }

    struct NameRow: Hashable {
        var name: String
        var code: String
        var source: String
    }

    struct YearRow {
        var year: Int
        var code: String
        var row: MunicipalityClassesFile.Row
        var source: String
    }

    struct Iv3AmountRow {
        var year: Int
        var kind: String
        var code: String
        var taakveld: String
        var baten: Int?
        var lasten: Int?
        var salaries: Int?
    }

    struct Iv3Document {
        var year: Int
        var kind: String
        var source: String
        var titles: [(String, String)]
    }

    static let nationalCode = "NL01"

    var municipalities: [MunicipalityRow] = []
    var names: Set<NameRow> = []
    var years: [YearRow] = []
    var iv3Documents: [Iv3Document] = []
    var iv3Amounts: [Iv3AmountRow] = []
    /// Municipalities without a delivery per document (their zero rows are not kept as amounts).
    var iv3NoDelivery: [(year: Int, kind: String, code: String)] = []
    var definitions: [(year: Int, taakveld: String, title: String, parent: String?)] = []
    /// Boundaries per year as SVG paths on the Dutch grid: year, code, path, source.
    var shapes: [(year: Int, code: String, path: String, source: String)] = []
    /// Areas derived from boundaries: code, kind, area code, area name, share, source.
    var areas: [(code: String, kind: String, area: String, name: String, share: Double, source: String)] = []
    /// Structural traits: code, trait, value (nil: no class), label as written, source file.
    var traits: [(code: String, trait: String, value: Double?, label: String?, source: String)] = []
    /// The municipal fund's files per circulaire (the factor file with each), kept byte for byte.
    var fundFiles: [(circulaire: String, name: String, data: Data, sha256: String)] = []
    private var codeByName: [String: String] = [:]

    init(contents: [SnapshotFile]) throws {
        guard let regionsFile = contents.first(where: { $0.path.hasSuffix("municipalities.csv") }) else {
            throw StoreError(
                .snapshotInvalid, subject: "SHA256SUMS",
                reason: .en("the snapshot has no municipalities.csv", nl: "de snapshot heeft geen municipalities.csv"),
                hint: .en("Restore cache/snapshot from git", nl: "Zet cache/snapshot terug uit git"))
        }
        try addMunicipalities(regionsFile)
        if let variants = contents.first(where: { $0.path.hasSuffix("gemeentenamen_iv3_vs_gemeentefonds.tsv") }) {
            try addNameVariants(variants)
        }
        if let municipalities = contents.first(where: { $0.path.hasSuffix("gemeente_2025.geojson") }),
            let regions = contents.first(where: { $0.path.hasSuffix("jeugdregio_2024.geojson") })
        {
            try addYouthCareRegions(municipalities: municipalities, regions: regions)
        }
        for file in contents {
            let name = file.url.lastPathComponent
            if name.hasPrefix("gemeenteklassen_"), let year = Self.year(in: name) {
                try addClasses(file, year: year)
            } else if name.hasSuffix("_jaarrekening.csv") || name.hasSuffix("_begroting.csv"), let year = Self.year(in: name) {
                try addIv3(file, year: year, kind: name.hasSuffix("_jaarrekening.csv") ? "jaarrekening" : "begroting")
            } else if name.hasPrefix("iv3_definities_") {
                try addDefinitions(file)
            } else if name.hasPrefix("gemeente_"), name.hasSuffix(".geojson"), let year = Self.year(in: name) {
                try addShapes(file, year: year)
            } else if name == "sociale_structuur_centrumfunctie.tsv" {
                try addClassTraits(file)
            } else if name.hasPrefix("85984NED_") {
                try addDensities(file)
            }
        }
        // The fund: every circulaire with its three files gets the factor file beside them.
        if let factor = contents.first(where: { $0.path == "gemeentefonds/Uitkeringsfactor.csv" }) {
            for file in contents where file.path.hasPrefix("gemeentefonds/GF_") {
                let name = file.url.lastPathComponent
                let parts = name.dropFirst(3).split(separator: "_")
                guard parts.count == 3 else { continue }
                let circulaire = "\(parts[0])_\(parts[1])"
                fundFiles.append((circulaire, name, file.data, file.sha256))
                if !fundFiles.contains(where: { $0.circulaire == circulaire && $0.name == factor.url.lastPathComponent }) {
                    fundFiles.append((circulaire, factor.url.lastPathComponent, factor.data, factor.sha256))
                }
            }
        }
    }

    private static func year(in fileName: String) -> Int? {
        let digits = fileName.split(whereSeparator: { !$0.isNumber }).first { $0.count == 4 }
        return digits.flatMap { Int(String($0)) }
    }

    private mutating func addMunicipalities(_ file: SnapshotFile) throws {
        let rows = try Self.parse { try MunicipalityRegionsFile(data: file.data, source: file.path) }.rows
        let currentYear = rows.map(\.lastYear).max() ?? 0
        let currentCodes = Set(rows.filter { $0.lastYear == currentYear }.map(\.code))
        // Latest row per code gives the name; older rows of the same code are earlier spellings.
        var latest: [String: MunicipalityRegionsFile.Row] = [:]
        for row in rows where (latest[row.code]?.lastYear ?? Int.min) < row.lastYear {
            latest[row.code] = row
        }
        for (code, row) in latest.sorted(by: { $0.key < $1.key }) {
            municipalities.append(
                MunicipalityRow(
                    code: code, name: row.name, lastYear: row.lastYear,
                    current: currentCodes.contains(code), regions: row))
        }
        for row in rows {
            try addName(row.name, code: row.code, source: file.path, line: row.line)
        }
    }

    /// The Iv3/CBS ↔ gemeentefonds name pairs: whichever side is known gives the other side the same code.
    private mutating func addNameVariants(_ file: SnapshotFile) throws {
        let table = try Self.parse { try DelimitedText(data: file.data, separator: "\t", source: file.path) }
        for row in table.rows {
            let pair = [row[0], row[1]]
            let known = codeByName
            guard let code = pair.compactMap({ known[$0] }).first else { continue }
            for name in pair { try addName(name, code: code, source: file.path, line: row.line) }
        }
    }

    private mutating func addName(_ name: String, code: String, source: String, line: Int) throws {
        if let known = codeByName[name], known != code {
            throw StoreError(
                .snapshotInvalid, subject: "\(source):\(line)",
                reason: .en("\"\(name)\" is both \(known) and \(code)", nl: "\"\(name)\" is zowel \(known) als \(code)"),
                hint: .en("Restore cache/snapshot from git", nl: "Zet cache/snapshot terug uit git"))
        }
        codeByName[name] = code
        names.insert(NameRow(name: name, code: code, source: source))
    }

    /// A name as a source file writes it, resolved to a code. The class files add ` (gemeente)` to names that are
    /// also provinces (Groningen, Utrecht) or that differ from the place ('s-Gravenhage).
    private mutating func code(for name: String, source: String, line: Int) throws -> String {
        if let code = codeByName[name] { return code }
        let suffix = " (gemeente)"
        if name.hasSuffix(suffix), let code = codeByName[String(name.dropLast(suffix.count))] {
            try addName(name, code: code, source: source, line: line)
            return code
        }
        throw StoreError(
            .snapshotInvalid, subject: "\(source):\(line)",
            reason: .en(
                "municipality \"\(name)\" is not in municipalities.csv",
                nl: "gemeente \"\(name)\" staat niet in municipalities.csv"),
            hint: .en(
                "The snapshot files do not fit together; restore cache/snapshot from git",
                nl: "De snapshotbestanden passen niet bij elkaar; zet cache/snapshot terug uit git"))
    }

    private mutating func addClasses(_ file: SnapshotFile, year: Int) throws {
        let rows = try Self.parse { try MunicipalityClassesFile(data: file.data, source: file.path) }.rows
        for row in rows {
            let code = try code(for: row.name, source: file.path, line: row.line)
            years.append(YearRow(year: year, code: code, row: row, source: file.path))
        }
    }

    private mutating func addIv3(_ file: SnapshotFile, year: Int, kind: String) throws {
        let parsed = try Self.parse { try Iv3SpendingFile(data: file.data, source: file.path) }
        let undelivered = parsed.namesWithoutDelivery
        var titles: [String: String] = [:]
        var order: [String] = []
        var recorded: Set<String> = []
        for row in parsed.rows {
            let code =
                row.name == Iv3SpendingFile.nationalName
                ? Self.nationalCode : try code(for: row.name, source: file.path, line: row.line)
            if titles[row.taakveld] == nil {
                titles[row.taakveld] = row.title
                order.append(row.taakveld)
            }
            if undelivered.contains(row.name) {
                if recorded.insert(code).inserted { iv3NoDelivery.append((year, kind, code)) }
                continue
            }
            iv3Amounts.append(
                Iv3AmountRow(
                    year: year, kind: kind, code: code, taakveld: row.taakveld,
                    baten: row.baten, lasten: row.lasten, salaries: row.salaries))
        }
        iv3Documents.append(Iv3Document(year: year, kind: kind, source: file.path, titles: order.map { ($0, titles[$0]!) }))
    }

    private mutating func addDefinitions(_ file: SnapshotFile) throws {
        let parsed = try Self.parse { try Iv3DefinitionsFile(data: file.data, source: file.path) }
        var parents: [String: String] = [:]
        for taakveld in parsed.taakvelden {
            for child in taakveld.children { parents[child] = taakveld.code }
        }
        for taakveld in parsed.taakvelden {
            definitions.append((parsed.year, taakveld.code, taakveld.title, parents[taakveld.code]))
        }
    }

    /// Each municipality's youth-care region of 2024, derived from the two boundary files (the method is in
    /// cache/snapshot/PROVENANCE.md); a municipality that cannot be placed stops the load.
    private mutating func addYouthCareRegions(municipalities: SnapshotFile, regions: SnapshotFile) throws {
        let units = try Self.parse { try GeoJSONAreas.read(data: municipalities.data, source: municipalities.path) }
        let areas = try Self.parse { try GeoJSONAreas.read(data: regions.data, source: regions.path) }
        let known = Set(self.municipalities.map(\.code))
        for unit in units where !known.contains(unit.code) {
            throw StoreError(
                .snapshotInvalid, subject: municipalities.path,
                reason: .en(
                    "municipality \(unit.code) is not in municipalities.csv",
                    nl: "gemeente \(unit.code) staat niet in municipalities.csv"),
                hint: .en(
                    "The snapshot files do not fit together; restore cache/snapshot from git",
                    nl: "De snapshotbestanden passen niet bij elkaar; zet cache/snapshot terug uit git"))
        }
        let (assignments, problems) = AreaAssignment.assign(units, to: areas)
        if let problem = problems.first {
            let text: LocalizedText
            switch problem {
            case .outside(let code): text = .en("\(code) lies in no jeugdregio", nl: "\(code) ligt in geen jeugdregio")
            case .ambiguous(let code, let best, let share):
                text = .en(
                    "\(code) has only \(Int(share * 100)) % of its area in \(best), the most of any jeugdregio",
                    nl: "\(code) heeft maar \(Int(share * 100)) % van zijn oppervlak in \(best), het meest van alle jeugdregio's")
            }
            throw StoreError(
                .snapshotInvalid, subject: regions.path, reason: text,
                hint: .en(
                    "The boundary files do not fit together; restore cache/snapshot from git",
                    nl: "De grenzenbestanden passen niet bij elkaar; zet cache/snapshot terug uit git"))
        }
        let names = Dictionary(areas.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
        for assignment in assignments {
            self.areas.append(
                (
                    assignment.code, "jeugdregio", assignment.region, names[assignment.region] ?? assignment.region,
                    assignment.share,
                    regions.path
                ))
        }
    }

    /// A year's municipal boundaries, projected once here so the report draws them without any geometry.
    private mutating func addShapes(_ file: SnapshotFile, year: Int) throws {
        let areas = try Self.parse { try GeoJSONAreas.read(data: file.data, source: file.path) }
        let known = Set(municipalities.map(\.code))
        for area in areas {
            guard known.contains(area.code) else {
                throw StoreError(
                    .snapshotInvalid, subject: file.path,
                    reason: .en(
                        "municipality \(area.code) is not in municipalities.csv",
                        nl: "gemeente \(area.code) staat niet in municipalities.csv"),
                    hint: .en(
                        "The snapshot files do not fit together; restore cache/snapshot from git",
                        nl: "De snapshotbestanden passen niet bij elkaar; zet cache/snapshot terug uit git"))
            }
            shapes.append((year, area.code, RDProjection.svgPath(area), file.path))
        }
    }

    private mutating func addClassTraits(_ file: SnapshotFile) throws {
        let rows = try Self.parse { try MunicipalityTraitsFile.classes(data: file.data, source: file.path) }
        for row in rows {
            let code = try code(for: row.name, source: file.path, line: row.line)
            let centre = row.centreFunction
            let social = row.socialStructure
            traits.append(
                (
                    code, "centre-function",
                    centre.flatMap { MunicipalityTraitsFile.centreFunctionScale.firstIndex(of: $0) }
                        .map(Double.init), centre, file.path
                ))
            traits.append(
                (
                    code, "social-structure",
                    social.flatMap { MunicipalityTraitsFile.socialStructureScale.firstIndex(of: $0) }
                        .map(Double.init), social, file.path
                ))
        }
    }

    private mutating func addDensities(_ file: SnapshotFile) throws {
        let densities = try Self.parse { try MunicipalityTraitsFile.densities(data: file.data, source: file.path) }
        let known = Set(municipalities.map(\.code))
        for (code, density) in densities.sorted(by: { $0.key < $1.key }) {
            guard known.contains(code) else {
                throw StoreError(
                    .snapshotInvalid, subject: file.path,
                    reason: .en(
                        "municipality \(code) is not in municipalities.csv",
                        nl: "gemeente \(code) staat niet in municipalities.csv"),
                    hint: .en(
                        "The snapshot files do not fit together; restore cache/snapshot from git",
                        nl: "De snapshotbestanden passen niet bij elkaar; zet cache/snapshot terug uit git"))
            }
            traits.append((code, "density", density, nil, file.path))
        }
    }

    /// Inserts rows into a table whose last column is the row checksum, and records the row count under `key`:
    /// the checksum is taken over the values as the database gives them back, which is what `Store.verify` checks.
    private static func insertChecked(
        _ db: Database, table: String, key: String, rows: [[(any DatabaseValueConvertible)?]]
    ) throws {
        guard let width = rows.first?.count else { return }
        let insert = try db.cachedStatement(
            sql: "INSERT INTO \(table) VALUES (\(databaseQuestionMarks(count: width + 1)))")
        for row in rows {
            var checksum = RowChecksum()
            for value in row { checksum.add(value?.databaseValue ?? .null) }
            try insert.execute(arguments: StatementArguments(row + [checksum.value]))
        }
        try db.execute(
            sql: "INSERT INTO integrity VALUES (?, ?, ?)", arguments: [key, rows.count, Store.countChecksum(key, rows.count)])
    }

    private static func parse<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as SourceError {
            throw StoreError(
                .snapshotInvalid, subject: error.line.map { "\(error.subject):\($0)" } ?? error.subject,
                reason: error.reason, hint: error.hint)
        }
    }

    /// Replaces the snapshot's tables with this plan. Runs inside the caller's transaction.
    func write(to db: Database, files: [SnapshotFile], fingerprint: String) throws {
        for table in [
            "iv3_amount", "iv3_no_delivery", "iv3_taakveld", "iv3_document", "iv3_definition", "municipality_year",
            "municipality_name", "municipality", "snapshot_file", "municipality_trait", "municipality_area", "municipality_shape",
        ] {
            try db.execute(sql: "DELETE FROM \(table)")
        }
        // The counts of Iv3 read from fetched tables stay: those tables are not the snapshot's.
        try db.execute(
            sql: "DELETE FROM integrity WHERE substr(key, 1, ?) <> ?",
            arguments: [Store.IntegrityKey.fetchedPrefix.count, Store.IntegrityKey.fetchedPrefix])
        let insertFile = try db.cachedStatement(sql: "INSERT INTO snapshot_file VALUES (?, ?, ?)")
        for file in files { try insertFile.execute(arguments: [file.path, file.sha256, file.data.count]) }

        let insertMunicipality = try db.cachedStatement(sql: "INSERT INTO municipality VALUES (?,?,?,?,?,?,?,?,?,?,?)")
        for m in municipalities {
            var checksum = RowChecksum()
            checksum.add(m.code)
            checksum.add(m.name)
            checksum.add(m.lastYear)
            checksum.add(m.current)
            for text in [
                m.regions.coropCode, m.regions.corop, m.regions.labourMarketRegionCode, m.regions.labourMarketRegion,
                m.regions.provinceCode, m.regions.province,
            ] { checksum.add(text) }
            try insertMunicipality.execute(arguments: [
                m.code, m.name, m.lastYear, m.current, m.regions.coropCode, m.regions.corop,
                m.regions.labourMarketRegionCode, m.regions.labourMarketRegion, m.regions.provinceCode, m.regions.province,
                checksum.value,
            ])
        }
        var counts: [String: Int] = [Store.IntegrityKey.municipality: municipalities.count]
        let insertName = try db.cachedStatement(sql: "INSERT OR IGNORE INTO municipality_name VALUES (?, ?, ?)")
        for name in names.sorted(by: { ($0.name, $0.code) < ($1.name, $1.code) }) {
            try insertName.execute(arguments: [name.name, name.code, name.source])
        }
        let insertYear = try db.cachedStatement(sql: "INSERT INTO municipality_year VALUES (?,?,?,?,?,?,?,?)")
        for y in years {
            var checksum = RowChecksum()
            checksum.add(y.year)
            checksum.add(y.code)
            checksum.add(y.row.province)
            checksum.add(y.row.sizeClass)
            checksum.add(y.row.urbanity)
            checksum.add(y.row.population)
            checksum.add(y.source)
            try insertYear.execute(arguments: [
                y.year, y.code, y.row.province, y.row.sizeClass, y.row.urbanity,
                y.row.population, y.source, checksum.value,
            ])
            counts[Store.IntegrityKey.municipalityYear(y.year), default: 0] += 1
        }
        let insertDocument = try db.cachedStatement(sql: "INSERT INTO iv3_document VALUES (?, ?, ?)")
        let insertTitle = try db.cachedStatement(sql: "INSERT INTO iv3_taakveld VALUES (?, ?, ?, ?)")
        for document in iv3Documents {
            try insertDocument.execute(arguments: [document.year, document.kind, document.source])
            for (taakveld, title) in document.titles {
                try insertTitle.execute(arguments: [document.year, document.kind, taakveld, title])
            }
        }
        let insertAmount = try db.cachedStatement(sql: "INSERT INTO iv3_amount VALUES (?,?,?,?,?,?,?,?)")
        // 48,000 rows: arguments are set unchecked (their count is fixed by this statement), saving a check per row.
        for a in iv3Amounts {
            var checksum = RowChecksum()
            checksum.add(a.year)
            checksum.add(a.kind)
            checksum.add(a.code)
            checksum.add(a.taakveld)
            checksum.add(a.baten)
            checksum.add(a.lasten)
            checksum.add(a.salaries)
            insertAmount.setUncheckedArguments([
                a.year, a.kind, a.code, a.taakveld, a.baten, a.lasten, a.salaries, checksum.value,
            ])
            try insertAmount.execute()
            counts[Store.IntegrityKey.iv3Amount(a.year, a.kind, a.taakveld), default: 0] += 1
        }
        let insertCount = try db.cachedStatement(sql: "INSERT INTO integrity VALUES (?, ?, ?)")
        for (key, rows) in counts {
            try insertCount.execute(arguments: [key, rows, Store.countChecksum(key, rows)])
        }
        let insertNoDelivery = try db.cachedStatement(sql: "INSERT INTO iv3_no_delivery VALUES (?, ?, ?, ?)")
        var undelivered: [String: Int] = [:]
        for missing in iv3NoDelivery {
            var checksum = RowChecksum()
            checksum.add(missing.year)
            checksum.add(missing.kind)
            checksum.add(missing.code)
            try insertNoDelivery.execute(arguments: [missing.year, missing.kind, missing.code, checksum.value])
            undelivered[Store.IntegrityKey.iv3NoDelivery(missing.year, missing.kind), default: 0] += 1
        }
        for (key, rows) in undelivered {
            try db.execute(sql: "INSERT INTO integrity VALUES (?, ?, ?)", arguments: [key, rows, Store.countChecksum(key, rows)])
        }
        let insertDefinition = try db.cachedStatement(sql: "INSERT OR REPLACE INTO iv3_definition VALUES (?, ?, ?, ?)")
        for d in definitions {
            try insertDefinition.execute(arguments: [d.year, d.taakveld, d.title, d.parent])
        }
        try Self.insertChecked(
            db, table: "municipality_trait", key: Store.IntegrityKey.municipalityTrait,
            rows: traits.map { [$0.code, $0.trait, $0.value, $0.label, $0.source] })
        try Self.insertChecked(
            db, table: "municipality_shape", key: Store.IntegrityKey.municipalityShape,
            rows: shapes.map { [$0.year, $0.code, $0.path, $0.source] })
        try Self.insertChecked(
            db, table: "municipality_area", key: Store.IntegrityKey.municipalityArea,
            rows: areas.map { [$0.code, $0.kind, $0.area, $0.name, $0.share, $0.source] })
        // The snapshot's circulaires are replaced; imported ones stay.
        try db.execute(sql: "DELETE FROM fund_file WHERE origin = 'snapshot'")
        let insertFund = try db.cachedStatement(sql: "INSERT OR REPLACE INTO fund_file VALUES (?, ?, ?, ?, 'snapshot', '')")
        for file in fundFiles { try insertFund.execute(arguments: [file.circulaire, file.name, file.data, file.sha256]) }
        try db.execute(sql: "INSERT OR REPLACE INTO store_meta VALUES ('snapshot', ?)", arguments: [fingerprint])
    }
}
