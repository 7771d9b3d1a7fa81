import Foundation
import MaatstafCore
import MaatstafStore
import MaatstafTestServer
import Testing

@Suite("Loading the embedded snapshot into the store")
struct SnapshotLoaderTests {
    @Test("first use loads every file; the second use is a no-op")
    func loadOnce() throws {
        let store = try Store(path: RepositoryFixtures.temporaryFolder().appendingPathComponent("s.sqlite").path)
        let loader = SnapshotLoader(folder: RepositoryFixtures.snapshot)
        let listed = String(decoding: try RepositoryFixtures.snapshotFile("SHA256SUMS"), as: UTF8.self)
            .split(separator: "\n").map { String($0.split(separator: " ", maxSplits: 1)[1]).trimmingCharacters(in: .whitespaces) }
        let first = try loader.loadIfNeeded(into: store)
        #expect(first.loaded)
        #expect(first.files == listed.count)
        let again = try loader.loadIfNeeded(into: store)
        #expect(!again.loaded)
        #expect(try store.snapshotFiles().map(\.path) == listed.sorted())
    }

    @Test("the store holds exactly the rows of the files, national rows as NL01")
    func contentsMatchFiles() throws {
        let store = try Store(path: try LoadedStore.copy())
        #expect(try store.municipalities().filter(\.current).count == 342)
        #expect(try store.classificationYears() == [2023, 2025])
        #expect(try store.municipalityYears(year: 2025).count == 342)
        #expect(
            try store.iv3Documents().map { "\($0.year) \($0.kind)" }
                == ["2023 begroting", "2023 jaarrekening", "2025 begroting"])
        #expect(try store.iv3NoDelivery(year: 2023, kind: .begroting) == ["GM1992"])  // Voorne aan Zee

        // Lasten of 6.71a in 2023, summed independently from the raw file, against the store.
        let raw = try RepositoryFixtures.simpleRows("iv3/2023_jaarrekening.csv", separator: ";").dropFirst()
        let rawRows = raw.filter { $0[1].hasPrefix("6.71a ") }
        let rawMunicipalTotal = rawRows.filter { $0[0] != "Nederland" }.map { Int(Double($0[4])!) }.reduce(0, +)
        let rawNational = rawRows.first { $0[0] == "Nederland" }.map { Int(Double($0[4])!) }
        let amounts = try store.iv3Amounts(year: 2023, kind: .jaarrekening, taakvelden: ["6.71a"])
        // Every row but Vijfheerenlanden's: its all-zero rows mean no delivery (SOURCES.md §11), kept as a fact.
        #expect(amounts.count == 342)
        #expect(try store.iv3NoDelivery(year: 2023, kind: .jaarrekening) == ["GM1961"])
        #expect(amounts.filter { $0.code != "NL01" }.compactMap(\.lasten).reduce(0, +) == rawMunicipalTotal)
        #expect(amounts.first { $0.code == "NL01" }?.lasten == rawNational)
        #expect(amounts.first { $0.code == "GM0293" }?.lasten == 2017)  // iv3/2023_jaarrekening.csv, Westervoort 6.71a
    }

    @Test("a changed snapshot file is refused and the store keeps what it had")
    func damagedFile() throws {
        let store = try Store(path: try LoadedStore.copy())
        let copy = try RepositoryFixtures.snapshotCopy()
        // Pretend the checksum list changed (so a reload is attempted) and damage one data file.
        let sums = copy.appendingPathComponent("SHA256SUMS")
        try (String(decoding: try Data(contentsOf: sums), as: UTF8.self) + "\n").write(
            to: sums, atomically: true, encoding: .utf8)
        let file = copy.appendingPathComponent("iv3/2025_begroting.csv")
        var data = try Data(contentsOf: file)
        data[1000] = UInt8(ascii: "9")
        try data.write(to: file)

        let error = #expect(throws: StoreError.self) { try SnapshotLoader(folder: copy).loadIfNeeded(into: store) }
        #expect(error?.kind == .snapshotDamaged)
        #expect(error?.subject == file.path)
        #expect(try store.municipalityYears(year: 2025).count == 342)
        #expect(try store.iv3Amounts(year: 2025, kind: .begroting, taakvelden: ["6.711"]).count == 339)
        #expect(try store.iv3NoDelivery(year: 2025, kind: .begroting).count == 4)
    }

    @Test("a municipality name no file knows stops the load with file and line; nothing is written")
    func unknownName() throws {
        let copy = try RepositoryFixtures.snapshotCopy()
        let path = "classes/gemeenteklassen_2025.tsv"
        let file = copy.appendingPathComponent(path)
        let text = String(decoding: try Data(contentsOf: file), as: UTF8.self)
            .replacingOccurrences(of: "Westervoort\t", with: "Westervoorde\t")
        try text.write(to: file, atomically: true, encoding: .utf8)
        // Record the new checksum, as someone editing the snapshot on purpose would.
        let sums = copy.appendingPathComponent("SHA256SUMS")
        let newSum = independentSHA256(Data(text.utf8))
        let lines = String(decoding: try Data(contentsOf: sums), as: UTF8.self).split(separator: "\n").map { line in
            line.hasSuffix(path) ? "\(newSum)  \(path)" : String(line)
        }
        try (lines.joined(separator: "\n") + "\n").write(to: sums, atomically: true, encoding: .utf8)

        let store = try Store.inMemory()
        let error = #expect(throws: StoreError.self) { try SnapshotLoader(folder: copy).loadIfNeeded(into: store) }
        #expect(error?.kind == .snapshotInvalid)
        let line = text.split(separator: "\n").firstIndex { $0.hasPrefix("Westervoorde\t") }.map { $0 + 1 }
        #expect(error?.subject == "\(path):\(line ?? -1)")
        #expect(error?.reason.en == "municipality \"Westervoorde\" is not in municipalities.csv")
        #expect(try store.municipalities().isEmpty)
    }

    @Test("a missing checksum list is a clear error")
    func missingManifest() throws {
        let error = #expect(throws: StoreError.self) {
            try SnapshotLoader(folder: RepositoryFixtures.temporaryFolder()).loadIfNeeded(into: try Store.inMemory())
        }
        #expect(error?.kind == .snapshotDamaged)
        #expect(error?.description.contains("git checkout -- cache/snapshot") == true)
    }

    @Test("a store path that cannot be created is an io error naming what is in the way")
    func unwritableStore() throws {
        let blocker = RepositoryFixtures.temporaryFolder().appendingPathComponent("file")
        try Data("x".utf8).write(to: blocker)
        let error = #expect(throws: StoreError.self) { try Store(path: blocker.appendingPathComponent("s.sqlite").path) }
        #expect(error?.kind == .io)
        // The folder it would be in is a file: that file is named, as what to change.
        #expect(error?.subject == blocker.path)
        #expect(error?.reason.en == "is a file, not a folder")
        // A folder that cannot be made (under that file) names the store's path.
        let deeper = blocker.appendingPathComponent("sub/s.sqlite").path
        let other = #expect(throws: StoreError.self) { try Store(path: deeper) }
        #expect(other?.kind == .io)
        #expect(other?.subject == deeper)
    }
}
