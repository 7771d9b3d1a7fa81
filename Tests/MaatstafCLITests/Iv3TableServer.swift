import Foundation
import MaatstafStore
import MaatstafTestServer

/// A local server playing CBS's third-party catalog (dataderden) with Iv3 tables in the shape public code describes
/// (docs/iv3-from-cbs.md): dimensions Gemeenten, TaakveldBalanspost, Categorie, Verslagsoort with padded keys, the
/// amount in k_2ePlaatsing_2.
///
/// No real dataderden response exists here, so the tables are BUILT FROM THE REAL Iv3 CSVs of the snapshot: every
/// municipality's baten and lasten per taakveld are the file's. How they are split into categories is made up
/// (salaries as L1.1, the rest of the lasten as L3.8, the baten as B3.8) and one balance-sheet post per municipality
/// (A1, synthetic) is added to check that it is left out; the sums per taakveld are exactly the file's.
struct Iv3TableServer {
    /// One document of a served table: a snapshot CSV and the Verslagsoort code it is served under.
    struct Document {
        var csv: String
        var code: String
        /// Rows in the shape of the Iv3 CSVs (name, "code title", salaries, baten, lasten) to serve instead of the
        /// file's: SYNTHETIC amounts over a real code list, for a year no real file exists here.
        var rows: [[String]]? = nil
    }

    /// A change to apply to a served table, to make it wrong on purpose.
    enum Damage {
        /// Adds `delta` (× €1,000) to one municipality's lasten on one taakveld.
        case lasten(code: String, taakveld: String, delta: Int)
        /// Leaves a dimension out of DataProperties.
        case withoutDimension(String)
        /// Serves the documents under another Verslagsoort code.
        case documentCode(String)
        /// Serves one row with a taakveld code that is not in CBS's code list.
        case unknownTaakveld(String)
    }

    static let properties: [(type: String, key: String, title: String)] = [
        ("Dimension", "TaakveldBalanspost", "Taakvelden/Balansposten"), ("Dimension", "Categorie", "Categorie"),
        ("GeoDimension", "Gemeenten", "Gemeenten"), ("Dimension", "Verslagsoort", "Verslagsoort"),
    ]

    static func padded(_ code: String, _ width: Int) -> String {
        code.padding(toLength: max(width, code.count), withPad: " ", startingAt: 0)
    }

    /// Name in the Iv3 CSVs → CBS code, from maatstaf's loaded store (names differ between sources).
    static let codes: [String: String] = {
        let store = try! Store(path: CLIRunner.loadedCache + "/maatstaf.sqlite")
        return Dictionary(try! store.municipalityNames().map { ($0.name, $0.code) }, uniquingKeysWith: { a, _ in a })
    }()

    /// The table's entities as JSON bodies, built once per table and damage.
    let bodies: [String: Data]
    let id: String

    /// `limitMunicipalities`: only the first N names; `only`: only these names (a smaller table, where the test needs
    /// no national figure).
    init(
        id: String, documents: [Document], damage: Damage? = nil, limitMunicipalities: Int? = nil,
        only: Set<String>? = nil
    ) throws {
        self.id = id
        var rows: [String] = []
        var taakvelden: [String: String] = [:]
        var taakveldOrder: [String] = []
        var municipalities: [String: String] = [:]
        var documentCodes: Set<String> = []
        func number(_ text: String) -> Int { text.isEmpty ? 0 : Int(Double(text)!) }
        for document in documents {
            var lines =
                try document.rows.map { $0[...] }
                ?? RepositoryFixtures.simpleRows(document.csv, separator: ";").dropFirst()
                .filter { $0[0] != "Nederland" }
            if let only { lines = lines.filter { only.contains($0[0]) } }
            if let limit = limitMunicipalities {
                let kept = Set(Set(lines.map { $0[0] }).sorted().prefix(limit))
                lines = lines.filter { kept.contains($0[0]) }
            }
            let code: String
            if case .documentCode(let other) = damage { code = other } else { code = document.code }
            documentCodes.insert(code)
            for fields in lines {
                guard let gm = Self.codes[fields[0]] else { throw CocoaError(.coderInvalidValue) }
                municipalities[gm] = fields[0]
                var taakveld = String(fields[1].split(separator: " ")[0])
                if taakvelden[taakveld] == nil {
                    taakvelden[taakveld] = fields[1]
                    taakveldOrder.append(taakveld)
                }
                let salaries = fields[2].isEmpty ? nil : number(fields[2])
                var lasten = number(fields[4])
                if case .lasten(let who, let line, let delta) = damage, who == gm, line == taakveld { lasten += delta }
                if case .unknownTaakveld(let bad) = damage, rows.isEmpty {
                    taakveld = bad
                    taakvelden[bad] = "\(bad) Onbekend"
                    taakveldOrder.append(bad)
                }
                var cells: [(String, Int?)] = [("L3.8", lasten - (salaries ?? 0)), ("B3.8", number(fields[3]))]
                if let salaries { cells.append(("L1.1", salaries)) }
                for (category, value) in cells {
                    rows.append(
                        #"{"Gemeenten":"\#(Self.padded(gm, 9))","TaakveldBalanspost":"\#(Self.padded(taakveld, 6))","Categorie":"\#(Self.padded(category, 6))","Verslagsoort":"\#(code)","k_1ePlaatsing_1":null,"k_2ePlaatsing_2":\#(value.map(String.init) ?? "null")}"#
                    )
                }
            }
            // A balance-sheet post (synthetic) for every municipality: never a taakveld, never summed.
            for gm in municipalities.keys.sorted() {
                rows.append(
                    #"{"Gemeenten":"\#(Self.padded(gm, 9))","TaakveldBalanspost":"\#(Self.padded("A1", 6))","Categorie":"Primo ","Verslagsoort":"\#(code)","k_1ePlaatsing_1":null,"k_2ePlaatsing_2":4711}"#
                )
            }
        }
        taakvelden["A1"] = "A1 Immateriële vaste activa"
        taakveldOrder.append("A1")
        var properties = Self.properties
        if case .withoutDimension(let key) = damage { properties.removeAll { $0.key == key } }
        let propertyJSON =
            properties.enumerated().map { index, p in
                #"{"ID":\#(index),"Type":"\#(p.type)","Key":"\#(p.key)","Title":"\#(p.title)"}"#
            } + [
                #"{"ID":4,"Type":"Topic","Key":"k_1ePlaatsing_1","Title":"1e plaatsing","Unit":"x 1 000 euro","Decimals":0}"#,
                #"{"ID":5,"Type":"Topic","Key":"k_2ePlaatsing_2","Title":"2e plaatsing","Unit":"x 1 000 euro","Decimals":0}"#,
            ]
        func list(_ entries: [(String, String)]) -> Data {
            try! JSONSerialization.data(withJSONObject: ["value": entries.map { ["Key": $0.0, "Title": $0.1] }])
        }
        bodies = [
            "TableInfos": try JSONSerialization.data(withJSONObject: [
                "value": [
                    [
                        "Identifier": id, "Title": "Iv3 gemeenten (built from the real BZK Iv3 CSVs for a test)",
                        "ShortTitle": "Iv3 gemeenten", "Period": "2023",
                    ]
                ]
            ]),
            "DataProperties": Data(#"{"value":[\#(propertyJSON.joined(separator: ","))]}"#.utf8),
            "TypedDataSet": Data(#"{"odata.metadata":"test","value":[\#(rows.joined(separator: ","))]}"#.utf8),
            "TaakveldBalanspost": list(taakveldOrder.map { (Self.padded($0, 6), taakvelden[$0]!) }),
            "Gemeenten": list(municipalities.sorted { $0.key < $1.key }.map { (Self.padded($0.key, 9), $0.value) }),
            "Categorie": list([
                ("L1.1  ", "Salarissen en sociale lasten"), ("L3.8  ", "Overige goederen en diensten"),
                ("B3.8  ", "Overige goederen en diensten"), ("Primo ", "Primo"),
            ]),
            "Verslagsoort": list(documentCodes.sorted().map { ($0, $0.hasSuffix("X005") ? "Jaarrekening" : "Begroting") }),
        ]
    }

    /// Serves the table under `/…/<id>/<entity>`, and `catalog` (id, title, period; SYNTHETIC entries: no real
    /// listing of the third-party catalog exists here) as `/ODataCatalog/Tables`; anything else is 404.
    func start(catalog: [(id: String, title: String, period: String)] = []) throws -> TestHTTPServer {
        let bodies = bodies
        let id = id
        let listing = try JSONSerialization.data(withJSONObject: [
            "value": catalog.map { ["Identifier": $0.id, "Title": $0.title, "ShortTitle": $0.title, "Period": $0.period] }
        ])
        return try TestHTTPServer { request in
            let parts = request.path.split(separator: "/").map(String.init)
            if parts.suffix(2) == ["ODataCatalog", "Tables"] { return TestResponse(body: listing) }
            guard parts.count >= 2, parts[parts.count - 2] == id, let body = bodies[parts.last!] else {
                return TestResponse(status: 404, text: "not recorded")
            }
            return TestResponse(body: body)
        }
    }
}
