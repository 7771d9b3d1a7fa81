import Foundation
import MaatstafCore
import MaatstafTestServer
import Testing

@testable import MaatstafModel

/// The built-in catalog is compiled into the program (no YAML decoded at start), from the YAML that stays its source.
@Suite("The compiled built-in catalog")
struct BuiltinCatalogTests {
    /// `scripts/generate-builtin-catalog` sets this to write the compiled file instead of checking it.
    static let regenerate = ProcessInfo.processInfo.environment["MAATSTAF_REGENERATE_CATALOG"] == "1"

    static func fromYAML() throws -> ([Indicator], [Decomposition]) {
        let indicators = try IndicatorFile.read(BuiltinIndicators.yaml, origin: .builtIn)
        let decompositions = try DecompositionFile.read(BuiltinIndicators.yaml, origin: .builtIn, indicators: indicators)
        return (indicators, decompositions)
    }

    @Test("the compiled indicators and decompositions are exactly what the YAML reader makes of the file")
    func compiledIsTheYAML() throws {
        let (indicators, decompositions) = try Self.fromYAML()
        if Self.regenerate {
            let path = RepositoryFixtures.root.appendingPathComponent(
                "Sources/MaatstafModel/Indicators/BuiltinIndicators+Compiled.swift")
            try SwiftSourceWriter.catalog(indicators, decompositions).write(to: path, atomically: true, encoding: .utf8)
            return
        }
        #expect(indicators.count == BuiltinIndicators.compiled.count)
        for (read, compiled) in zip(indicators, BuiltinIndicators.compiled) {
            #expect(read == compiled, "\(read.id): run scripts/generate-builtin-catalog")
        }
        #expect(decompositions == BuiltinIndicators.compiledDecompositions, "run scripts/generate-builtin-catalog")
        #expect(indicators.count > 20 && decompositions.count > 1)
    }

    @Test("the writer's string literals survive quotes, backslashes, control characters and accents")
    func stringLiterals() {
        #expect(SwiftSourceWriter.string("a \"b\" \\ c\nd\u{1}é€") == #""a \"b\" \\ c\nd\u{1}é€""#)
    }
}
