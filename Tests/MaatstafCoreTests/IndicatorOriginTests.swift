import Foundation
import MaatstafCore
import Testing

@Suite("Where an indicator is defined")
struct IndicatorOriginTests {
    @Test("an origin is written as the stable text scripts read, and read back as the same case")
    func codableAsText() throws {
        let cases: [(IndicatorOrigin, String)] = [
            (.builtIn, "\"built-in\""), (.genericIv3, "\"generic Iv3\""), (.file("/tmp/eigen.yaml"), "\"\\/tmp\\/eigen.yaml\""),
        ]
        for (origin, json) in cases {
            let data = try JSONEncoder().encode(origin)
            #expect(String(decoding: data, as: UTF8.self) == json)
            #expect(try JSONDecoder().decode(IndicatorOrigin.self, from: data) == origin)
        }
    }
}
