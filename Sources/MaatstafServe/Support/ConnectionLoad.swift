import Foundation
import Synchronization

/// How many connections the dashboard has open, and how many it will take.
///
/// Why: a client that opens connections and sends nothing (or a byte at a time) holds what it opens. The dashboard
/// takes at most `capacity` connections and stops accepting beyond (the kernel queues the rest), so it cannot run
/// out of files or memory; and once `pressure` connections are open, a new one must send its request head within
/// `HeaderDeadline`'s short limit — a browser sends it at once, a slow attacker's connections turn over in a second
/// instead of ten, so a normal request waits in the queue behind them for at most about that long (measured by
/// `scripts/bench-slow-clients`).
final class ConnectionLoad: Sendable {
    let capacity: Int
    let pressure: Int
    private let count = Atomic<Int>(0)

    init(capacity: Int) {
        self.capacity = capacity
        pressure = capacity / 4
    }

    var open: Int { count.load(ordering: .relaxed) }

    /// One more connection; whether the dashboard is under pressure now.
    func opened() -> Bool { count.add(1, ordering: .relaxed).newValue > pressure }

    func closed() { count.subtract(1, ordering: .relaxed) }

    /// The most connections to take: 4,096, or fewer when the process may open fewer files (the soft limit is first
    /// raised to the hard one, as a server should; 64 are kept for the store, the log and the rest).
    static func capacity() -> Int {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return 512 }
        if limit.rlim_cur < limit.rlim_max {
            var raised = limit
            raised.rlim_cur = limit.rlim_max
            if setrlimit(Int32(RLIMIT_NOFILE.rawValue), &raised) == 0 { limit = raised }
        }
        let files = Int(clamping: limit.rlim_cur)  // unlimited (all bits set) clamps to Int.max
        return max(64, min(4_096, files - 64))
    }
}
