import ArgumentParser
import Foundation
import MaatstafApp
import MaatstafCompare
import MaatstafCore
import MaatstafModel

/// `--targets FILE` on compare, rank and trend: the targets that apply to the values shown, checked and listed.
struct TargetsOption: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            ReaderLanguage.text(
                en:
                    "A targets file: list the target that applies to each value shown, and whether it is met (format: docs/own-data.md).",
                nl:
                    "Een bestand met doelstellingen: noem de doelstelling die bij elke getoonde waarde hoort, en of ze gehaald is (indeling: docs/own-data.md)."
            ),
            valueName: "file"))
    var targets: String?

    /// For each municipality and year, the target that applies (that year's; else the next ahead; else the last)
    /// checked against that year's value; empty without `--targets`.
    func evaluations(
        _ workspace: Workspace, indicator: Indicator, municipalities: [Municipality], years: [Int]
    ) throws -> [CheckResult] {
        guard let targets else { return [] }
        let contents = try TargetFile.readAll(
            URL(fileURLWithPath: targets), directory: workspace.atlas.directory, indicators: try workspace.indicators())
        let engine = workspace.engine
        var results: [CheckResult] = []
        for municipality in municipalities {
            let own = contents.targets.filter { $0.municipalityCode == municipality.code && $0.indicatorID == indicator.id }
            for year in years {
                guard let target = ComparisonEngine.applicableTarget(own, year: year) else { continue }
                let evaluation = try engine.evaluate(target, indicator: indicator, year: year)
                results.append(
                    CheckResult(
                        subject: .target(evaluation), municipality: municipality, indicator: indicator, year: year,
                        value: evaluation.value, status: evaluation.status, missing: evaluation.missing ?? evaluation.unresolved))
            }
        }
        return results
    }
}
