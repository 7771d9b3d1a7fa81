import Foundation
import MaatstafCore
import Testing

@testable import MaatstafSources

/// CBS's record of municipal changes, read from a region list's descriptions. The descriptions below are written
/// in the wording public code quotes from StatLine table 70739ned (docs/mergers.md); the mergers are real, the
/// hectares, dwellings and inhabitants are SYNTHETIC.
@Suite("CBS's record of municipal changes")
struct CBSMunicipalChangeTextTests {
    static func regionList(_ rows: [(key: String, title: String, description: String?)]) -> Data {
        let value = rows.map { row -> [String: Any] in
            ["Key": row.key + "  ", "Title": row.title, "Description": row.description ?? NSNull(), "CategoryGroupID": 1]
        }
        return try! JSONSerialization.data(withJSONObject: ["value": value])
    }

    @Test("a merger into one municipality: its code, date and the inhabitants that went with it")
    func wholeMerger() throws {
        let data = Self.regionList([
            (
                "GM0003", "Appingedam",
                "Opgeheven per 01-01-2021, overgegaan naar:\r\n- Eemsdelta (GM1979), ... 2438 hectare met 5800 woningen en 11700 inwoners\r\nBegindatum voor 1830"
            ),
            ("GM1979", "Eemsdelta", "Ontstaan per 01-01-2021, ontvangen van: - Appingedam (GM0003) ... 11700 inwoners"),
            ("NL01", "Nederland", nil),
        ])
        let changes = try CBSMunicipalChangeText.changes(fromRegionList: data, url: "replay")
        #expect(changes.count == 1)
        let change = try #require(changes.first)
        #expect(change.code == "GM0003" && change.name == "Appingedam" && change.kind == .dissolved)
        #expect(change.date == "2021-01-01" && change.firstYear == 2021)
        #expect(change.recipients == [.init(code: "GM1979", name: "Eemsdelta", inhabitants: 11700)])
    }

    @Test("a division names every recipient; names with an apostrophe or brackets read whole; later events stay apart")
    func division() throws {
        let text =
            "Opgeheven per 01-01-2021, overgegaan naar: - Boxtel (GM0757), ... 1000 hectare met 400 woningen en 900 inwoners "
            + "- 's-Hertogenbosch (GM0796), ... 20 hectare met 1 woning en 1 inwoner - Bergen (L.) (GM0893), ... 5 hectare "
            + "met 2 woningen en 4 inwoners Grenswijziging per 01-01-1997, ontvangen van: - Vught (GM0865), ... 3 inwoners"
        let changes = try CBSMunicipalChangeText.changes(of: "GM0788", name: "Haaren", description: text, url: "replay")
        #expect(changes.count == 1)
        #expect(
            changes[0].recipients == [
                .init(code: "GM0757", name: "Boxtel", inhabitants: 900),
                .init(code: "GM0796", name: "'s-Hertogenbosch", inhabitants: 1),
                .init(code: "GM0893", name: "Bergen (L.)", inhabitants: 4),
            ])
        #expect(!changes[0].isWhole)
    }

    @Test("a change of name under a new code is a change; the record of the new code is not read again")
    func rename() throws {
        let old = try CBSMunicipalChangeText.changes(
            of: "GM1921", name: "De Friese Meren",
            description: "Naamswijziging per 01-07-2015, nieuwe naam: De Fryske Marren (GM1940) Ontstaan per 01-01-2014",
            url: "replay")
        #expect(old.map(\.kind) == [.renamed])
        #expect(old.first?.recipients.first?.name == "De Fryske Marren")
        #expect(old.first?.firstYear == 2016, "a change on 1 July shows in the next year's classification")
        let new = try CBSMunicipalChangeText.changes(
            of: "GM1940", name: "De Fryske Marren",
            description: "Naamswijziging per 01-07-2015, oude naam: De Friese Meren (GM1921)", url: "replay")
        #expect(new.isEmpty)
    }

    @Test("text that does not read as CBS's wording stops the import, naming the municipality")
    func unreadable() throws {
        let noRecipient = Self.regionList([("GM0003", "Appingedam", "Opgeheven per 01-01-2021, overgegaan naar: Eemsdelta")])
        #expect {
            try CBSMunicipalChangeText.changes(fromRegionList: noRecipient, url: "replay")
        } throws: { error in
            "\(error)".contains("Appingedam (GM0003)")
                || (error as? SourceError)?.reason.en.contains("Appingedam (GM0003)") == true
        }
        let noDissolution = Self.regionList([("GM0003", "Appingedam", "Begindatum voor 1830")])
        #expect(throws: SourceError.self) { try CBSMunicipalChangeText.changes(fromRegionList: noDissolution, url: "replay") }
        let noMunicipalities = Self.regionList([("PV20", "Groningen (PV)", nil)])
        #expect(throws: SourceError.self) {
            try CBSMunicipalChangeText.changes(fromRegionList: noMunicipalities, url: "replay")
        }
        #expect(throws: SourceError.self) {
            try CBSMunicipalChangeText.changes(fromRegionList: Data("<html>".utf8), url: "replay")
        }
    }
}
