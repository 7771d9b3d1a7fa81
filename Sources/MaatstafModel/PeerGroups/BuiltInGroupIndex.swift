public import MaatstafCore

/// The built-in groups of one year as positions: every municipality numbered (its code's place in sorted order),
/// and per kind the concrete groups and which one each municipality belongs to.
///
/// Why: comparing every municipality on every indicator asks "which province, which COROP … is this one in?" close
/// to a million times. By position that is an array read; by code it would hash a string each time, which was the
/// largest single cost of the engine.
public struct BuiltInGroupIndex: Sendable {
    /// Municipality codes, sorted; a municipality's position is its index here.
    public let codes: [String]
    /// Code → position.
    public let position: [String: Int]
    /// The municipalities' profiles, by position.
    public let profiles: [MunicipalityProfile]
    /// Per kind (in the order of `PeerGroupKind.allCases`): the concrete groups of the year, each once.
    public let groups: [[ResolvedPeerGroup]]
    /// Per kind, per group: the members' positions, in the order of the group's `members`.
    public let members: [[[Int]]]
    /// Per kind, per municipality position: the index of its group in `groups`.
    public let slot: [[Int]]

    /// `profiles`: the year's, sorted by code. `groupsOf`: each municipality's groups, one per kind in the order of
    /// `PeerGroupKind.allCases`; groups of one kind are the same group when their keys are equal.
    init(profiles: [MunicipalityProfile], groupsOf: [String: [ResolvedPeerGroup]]) {
        self.profiles = profiles
        let sortedCodes = profiles.map(\.code)
        codes = sortedCodes
        var position: [String: Int] = [:]
        for (index, code) in sortedCodes.enumerated() { position[code] = index }
        self.position = position
        var groups: [[ResolvedPeerGroup]] = []
        var members: [[[Int]]] = []
        var slot: [[Int]] = []
        for kind in PeerGroupKind.allCases.indices {
            var kindGroups: [ResolvedPeerGroup] = []
            var kindMembers: [[Int]] = []
            var seen: [String: Int] = [:]
            var kindSlot: [Int] = []
            kindSlot.reserveCapacity(sortedCodes.count)
            for code in sortedCodes {
                let group = groupsOf[code]![kind]
                if let known = seen[group.key] {
                    kindSlot.append(known)
                } else {
                    seen[group.key] = kindGroups.count
                    kindSlot.append(kindGroups.count)
                    kindGroups.append(group)
                    // A member outside the year's municipalities cannot occur: groups are made of the year's profiles.
                    kindMembers.append(group.members.map { position[$0]! })
                }
            }
            groups.append(kindGroups)
            members.append(kindMembers)
            slot.append(kindSlot)
        }
        self.groups = groups
        self.members = members
        self.slot = slot
    }

    /// The group of `kind` the municipality at `position` belongs to.
    public func group(_ kind: Int, at position: Int) -> ResolvedPeerGroup { groups[kind][slot[kind][position]] }
}
