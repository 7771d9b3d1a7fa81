import Foundation
import MaatstafCore
import MaatstafModel
import MaatstafStore
import MaatstafTestServer
import Testing

@Suite("Finding the municipality a user means")
struct MunicipalityDirectoryTests {
    let directory = ModelFixtures.directory

    @Test("codes in every spelling", arguments: ["GM0293", "gm0293", "0293", "293", " GM0293 "])
    func codes(_ text: String) throws {
        #expect(try directory.resolve(text).name == "Westervoort")
    }

    @Test(
        "names regardless of case, accents and punctuation",
        arguments: [
            ("westervoort", "GM0293"), ("WESTERVOORT", "GM0293"), ("Sudwest-Fryslan", "GM1900"),
            ("súdwest fryslân", "GM1900"), ("s-Hertogenbosch", "GM0796"), ("'s-Gravenhage", "GM0518"),
        ])
    func names(_ text: String, _ code: String) throws {
        #expect(try directory.resolve(text).code == code)
    }

    @Test(
        "short forms and everyday names",
        arguments: [
            ("Beek", "GM0888"), ("Beek (L.)", "GM0888"), ("Hengelo", "GM0164"), ("Laren", "GM0417"),
            ("Middelburg", "GM0687"), ("Rijswijk", "GM0603"), ("Stein", "GM0971"), ("Den Haag", "GM0518"),
            ("Den Bosch", "GM0796"), ("Groningen", "GM0014"), ("Utrecht", "GM0344"),
        ])
    func shortForms(_ text: String, _ code: String) throws {
        #expect(try directory.resolve(text).code == code)
    }

    @Test("the quick fold of plain ASCII and accented Latin names gives the key Foundation's folding gives")
    func quickFold() throws {
        // Every name and alias in the snapshot, and ASCII edge cases: the letters' neighbours in the table (@ [ ` {),
        // digits, runs of punctuation, leading and trailing separators.
        let names =
            try ModelFixtures.store.municipalities().map(\.name)
            + ModelFixtures.store.municipalityNames().map(\.name)
        let awkward = [
            "'s-Hertogenbosch", "  Den   Haag  ", "Bergen (NH.)", "@A[Z`a{z", "GM0293", "a--b..c", "-", "", "ZZ 9 0",
        ]
        let nicknames = MunicipalityNicknames.byCode.values.flatMap { $0 }
        let all = names + nicknames + awkward
        #expect(all.count > 300)
        #expect(all.filter { !$0.unicodeScalars.allSatisfy(\.isASCII) }.count >= 2)  // Súdwest-Fryslân and others
        for name in all { #expect(NameKey.make(name) == NameKey.folded(name), "\(name)") }
        // Every accented letter of the table, alone and in a word, in both cases; and what the table leaves to
        // Foundation (a letter it has no entry for, a decomposed accent).
        for letter in NameKey.accented.keys.compactMap(Unicode.Scalar.init) {
            for text in [String(letter), "x\(letter)y", "X-\(letter)"] {
                #expect(NameKey.make(text) == NameKey.folded(text), "\(text)")
            }
        }
        for text in ["Ærø", "Łódź", "Su\u{301}dwest", "Straße", "Ĳsselstein"] {
            #expect(NameKey.make(text) == NameKey.folded(text), "\(text)")
        }
        #expect(NameKey.make("Súdwest-Fryslân") == "sudwest fryslan")
    }

    @Test("an unknown name lists the closest names")
    func unknown() {
        let error = #expect(throws: ModelError.self) { try directory.resolve("Westervort") }
        #expect(error?.kind == .unknownMunicipality)
        #expect(error?.hint.description.hasPrefix("Did you mean: Westervoort") == true)
    }

    @Test("an ambiguous short form names every candidate")
    func ambiguous() {
        let error = #expect(throws: ModelError.self) { try directory.resolve("Bergen") }
        #expect(error?.kind == .ambiguousMunicipality)
        #expect(error?.reason.en.contains("Bergen (L.) (GM0893)") == true)
        #expect(error?.reason.en.contains("Bergen (NH.) (GM0373)") == true)
    }

    @Test("an unknown code is an error, not a guess")
    func unknownCode() {
        let error = #expect(throws: ModelError.self) { try directory.resolve("GM9999") }
        #expect(error?.reason.en == "no municipality has code GM9999")
    }

    @Test("dissolved municipalities are known and marked")
    func dissolved() throws {
        let haaren = try directory.resolve("Haaren")
        #expect(!haaren.isCurrent)
        #expect(haaren.lastYear < 2026)
    }

    @Test("every name in every real file resolves to exactly one municipality, the one of its code")
    func everyNameResolves() throws {
        // municipalities.csv: each name must resolve to its own code.
        let regions = try RepositoryFixtures.snapshotFile("regions/municipalities.csv")
        let lines = String(decoding: regions, as: UTF8.self).split(separator: "\n").dropFirst()
        var checked = 0
        for line in lines {
            // Names with a comma are quoted; the code is the first GM field after the name.
            let name: String
            let rest: Substring
            if line.hasPrefix("\"") {
                let close = line.dropFirst().firstIndex(of: "\"")!
                name = String(line[line.index(after: line.startIndex)..<close])
                rest = line[line.index(close, offsetBy: 2)...]
            } else {
                let comma = line.firstIndex(of: ",")!
                name = String(line[..<comma])
                rest = line[line.index(after: comma)...]
            }
            let code = String(rest.prefix(6))
            #expect(try directory.resolve(name).code == code, "\(name)")
            checked += 1
        }
        #expect(checked == 469)
        // The Iv3 and class files: every municipality name resolves, to 342 distinct current municipalities per file.
        for (path, separator) in [
            ("iv3/2023_jaarrekening.csv", ";" as Character), ("iv3/2025_begroting.csv", ";"),
            ("classes/gemeenteklassen_2023.tsv", "\t"), ("classes/gemeenteklassen_2025.tsv", "\t"),
        ] {
            let names = Set(try RepositoryFixtures.simpleRows(path, separator: separator).dropFirst().map { $0[0] })
                .subtracting(["Nederland"])
            let codes = try names.map { try directory.resolve($0) }
            #expect(codes.allSatisfy { $0.isCurrent }, "\(path)")
            #expect(Set(codes.map(\.code)).count == 342, "\(path)")
        }
    }

    @Test("search finds by part of a name")
    func search() {
        #expect(directory.search("voort").map(\.name).contains("Westervoort"))
        #expect(directory.search("GM0226").map(\.name) == ["Duiven"])
    }
}
