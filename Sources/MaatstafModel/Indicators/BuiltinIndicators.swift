/// maatstaf's built-in named indicators, in the format users write their own in (docs/indicators.md).
///
/// The definitions are a YAML file beside this one (`builtin-indicators.yaml`), embedded in the binary when it is
/// built (`.embedInCode` in Package.swift): an installed or copied maatstaf needs no resource bundle beside it (a
/// missing bundle used to stop the program), and the file is read, reviewed and linted as the YAML it is.
/// `maatstaf indicators show ID` prints any of them. What the program uses at run time is the compiled copy
/// (`BuiltinIndicators+Compiled.swift`, written from this file by scripts/generate-builtin-catalog): decoding the YAML
/// was a fifth of a warm `compare`'s time. The tests hold the two equal.
enum BuiltinIndicators {
    static let yaml = String(decoding: PackageResources.builtin_indicators_yaml, as: UTF8.self)
}
