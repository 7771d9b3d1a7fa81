extension Iv3SpendingFile {
    /// The municipalities of the file that delivered nothing: every baten and lasten cell zero or empty, on every
    /// taakveld.
    ///
    /// The published files are a pivot that sums categories per municipality, and a sum over no rows is 0: a
    /// municipality without an Iv3 delivery comes out as a row of zeros. No municipality that delivered books
    /// nothing at all (every one pays salaries and income support), so all-zero is the mark of no delivery. Such a
    /// municipality has no figures; it did not spend €0. The national total row (`Nederland`) is never counted.
    public var namesWithoutDelivery: Set<String> {
        var booked: [String: Bool] = [:]
        for row in rows where row.name != Self.nationalName {
            let any = (row.baten ?? 0) != 0 || (row.lasten ?? 0) != 0
            booked[row.name] = (booked[row.name] ?? false) || any
        }
        return Set(booked.filter { !$0.value }.keys)
    }
}
