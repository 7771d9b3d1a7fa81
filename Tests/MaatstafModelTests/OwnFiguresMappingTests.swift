import Foundation
import MaatstafCore
import MaatstafModel
import MaatstafSources
import Testing

/// Mapping files for own figures in a wide layout: read with line-numbered problems.
@Suite("Mapping files for own figures")
struct OwnFiguresMappingTests {
    @Test("columns, a value for every row, and named period columns")
    func reads() throws {
        let layout = try OwnFiguresMapping.parse(
            "layout: wide\nmunicipality: Steenwijkerland\nmeasure: { column: Indicator }\nunit: { value: aantal }\nperiods: [januari 2021, februari 2021]\n",
            file: "map.yaml")
        #expect(layout.municipality == .value("Steenwijkerland"))
        #expect(layout.measure == .column("Indicator"))
        #expect(layout.unit == .value("aantal"))
        #expect(layout.periodColumns == ["januari 2021", "februari 2021"])
    }

    @Test("every problem named with its line: an unknown key, a missing measure, another layout")
    func problems() {
        let error = #expect(throws: ModelError.self) {
            try OwnFiguresMapping.parse("layout: tall\nmunicipality: { column: Gemeente }\nmaand: x\n", file: "map.yaml")
        }
        let reason = error?.reason.en ?? ""
        #expect(reason.hasPrefix("has 3 problems:"))
        #expect(reason.contains("map.yaml:1: \"layout\" must be wide"))
        #expect(reason.contains("map.yaml:3: unknown key \"maand\""))
        #expect(reason.contains("\"measure\" is missing"))
    }
}
