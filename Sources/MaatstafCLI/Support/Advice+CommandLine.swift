import MaatstafCore

/// Advice as the CLI spells it: options as flags, actions as the command to run. The one place that maps what the
/// modules below suggest onto this command line, so a renamed flag is renamed here and `HintTests` checks that
/// every spelling exists.
extension Advice {
    /// The advice in the reader's language, options and commands spelt as this command line has them.
    func commandLine(_ locale: ReportLocale) -> String {
        rendered(locale, option: Self.flag, action: Self.command)
    }

    static func flag(_ option: Option) -> String {
        switch option {
        case .refresh: "--refresh"
        case .offline: "--offline"
        case .cacheDirectory: "--cache-dir"
        case .maxResponseSize: "--max-response-mb"
        case .cbsBase: "--cbs-base"
        case .region: "--region"
        case .period: "--period"
        case .selection(let dimension): dimension.map { "--where \($0)" } ?? "--where"
        case .indicatorsFile: "--indicator-file"
        case .targetsFile: "--targets"
        case .year: "--year"
        case .topic: "--topic"
        case .acceptRevision: "--accept-revision"
        case .snapshotCopy: "--iv3-source snapshot"
        case .definition(let measure): "--definition \(measure)=TEXT"
        case .replaceImport: "--replace"
        case .dashboardPort: "--port"
        case .dashboardHost: "--host"
        case .boundaries: "--boundaries"
        }
    }

    static func command(_ action: Action) -> String {
        switch action {
        case .describeTable(let table): "`maatstaf describe \(table)`"
        case .exportTable(let table): "`maatstaf export \(table)`"
        case .listIndicators: "`maatstaf indicators list`"
        case .showIndicator(let id): "`maatstaf indicators show \(id)`"
        case .searchMunicipalities(let placeholder): "`maatstaf municipalities --search \(placeholder)`"
        case .searchTables: "`maatstaf tables --search WORDS`"
        case .verifyCache: "`maatstaf cache verify`"
        case .checkRegions: "`maatstaf regions check`"
        case .fetchTable(let table): "maatstaf fetch \(table)"
        case .fetch(let request): "`\(request.commandLine)`"
        case .fetchIv3(let year): "`maatstaf fetch iv3 \(year)`"
        case .fetchMergers: "`maatstaf fetch mergers`"
        case .rankWithin(let group, let municipality): "`maatstaf rank … --within \(group) \(municipality)`"
        case .importFile(let placeholder): "`maatstaf import \(placeholder)`"
        case .listImports: "`maatstaf imports`"
        case .removeImport(let name): "`maatstaf imports --remove \(name)`"
        }
    }
}

extension MaatstafError {
    /// The one-line message as the CLI says it, in the reader's language.
    func commandLineMessage(_ locale: ReportLocale) -> String { message(locale, hint: hint.commandLine(locale)) }
}
