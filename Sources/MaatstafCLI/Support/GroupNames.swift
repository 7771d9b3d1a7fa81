import MaatstafCore

/// The groups `--against`, `--within` and `--region` accept by name, as help texts list them: made from core's one
/// list (`PeerGroup.named`), so that help, `regions list` and the parser cannot disagree again.
enum GroupNames {
    /// `national, province, corop, labour-market-region (amr), …` with the other names a reader of the run's language
    /// may type, in brackets.
    static var help: String {
        list(PeerGroup.named)
    }

    /// The groups that depend on a municipality (all but the Netherlands and user regions).
    static var anchored: String {
        list(PeerGroup.named.filter { $0 != .builtIn(.national) })
    }

    /// Every name a group may be given, English and Dutch: what the shell completes (`Completions.groups`).
    static var completions: [String] {
        var names: [String] = []
        for group in PeerGroup.named {
            for name in [group.description] + group.otherNames(in: .en) + group.otherNames(in: .nl) where !names.contains(name) {
                names.append(name)
            }
        }
        return names
    }

    private static func list(_ groups: [PeerGroup]) -> String {
        let locale = ReaderLanguage.current
        return groups.map { group in
            let names = group.otherNames(in: locale)
            return group.description + (names.isEmpty ? "" : " (\(names.joined(separator: ", ")))")
        }.joined(separator: ", ")
    }
}
