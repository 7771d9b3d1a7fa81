/// Names people use that appear in no CBS file: the everyday names of the two municipalities whose official
/// names are archaic. Kept as data, small and explicit, rather than guessed.
package enum MunicipalityNicknames {
    package static let byCode: [String: [String]] = [
        "GM0518": ["Den Haag", "The Hague"],
        "GM0796": ["Den Bosch"],
    ]
}
