import MaatstafCore
import Testing

@Suite("Reference groups by name")
struct PeerGroupTests {
    @Test("every named group is read back from its id and from each of its other names, in any case")
    func namesRoundTrip() {
        for group in PeerGroup.named {
            #expect(PeerGroup(parsing: group.description) == group)
            #expect(PeerGroup(parsing: " " + group.description.uppercased() + " ") == group)
            for name in group.aliases {
                #expect(PeerGroup(parsing: name) == group, "\(name)")
            }
        }
    }

    @Test(
        "the named groups are every built-in kind, the nearest neighbours and the sharers of an own figure, each once; no alias names two groups"
    )
    func namedIsComplete() {
        #expect(PeerGroup.named.count == PeerGroupKind.allCases.count + 2)
        #expect(PeerGroup.named.contains(.sharing))
        #expect(PeerGroup(parsing: "delers") == .sharing)
        #expect(Set(PeerGroup.named.map(\.description)).count == PeerGroup.named.count)
        for kind in PeerGroupKind.allCases { #expect(PeerGroup.named.contains(.builtIn(kind))) }
        #expect(PeerGroup.named.contains(.peers))
        let names = PeerGroup.named.flatMap { [$0.description] + $0.aliases }
        #expect(Set(names).count == names.count)
    }

    @Test("the Dutch words the outputs use are accepted; anything else is a region id")
    func dutchNamesAndRegions() {
        #expect(PeerGroup(parsing: "provincie") == .builtIn(.province))
        #expect(PeerGroup(parsing: "Grootteklasse") == .builtIn(.sizeClass))
        #expect(PeerGroup(parsing: "stedelijkheid") == .builtIn(.urbanity))
        #expect(PeerGroup(parsing: "buren") == .peers)
        #expect(PeerGroup(parsing: "amr") == .builtIn(.labourMarketRegion))
        #expect(PeerGroup(parsing: "Liemers") == .userRegion("liemers"))
        #expect(PeerGroup.builtIn(.province).otherNames(in: .en).isEmpty)
        #expect(PeerGroup.builtIn(.province).otherNames(in: .nl) == ["provincie"])
    }
}
