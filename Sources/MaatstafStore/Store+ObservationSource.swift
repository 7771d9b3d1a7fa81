public import MaatstafCore

/// The store is the engine's source of stored figures (core's `ObservationSource`): every question the engine asks is
/// one of the store's queries, each checked against its checksums.
extension Store: ObservationSource {}
