public import Foundation
public import MaatstafCompare
import MaatstafModel

extension Workspace {
    /// Every target and norm of a targets file against the latest figures: what `check` prints and `monitor` tells,
    /// written once.
    public func check(targets file: URL) throws -> [CheckResult] {
        let catalog = try indicators()
        let contents = try TargetFile.readAll(file, directory: atlas.directory, indicators: catalog)
        return try engine.check(targets: contents.targets, norms: contents.norms) { try catalog.indicator($0) }
    }
}
