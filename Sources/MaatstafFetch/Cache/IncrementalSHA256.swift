import CCrypto
import MaatstafCore

/// SHA-256 of bytes that arrive in pieces: a response body is hashed as curl hands each piece over, while those
/// bytes are still in the processor's cache, so the digest the cache needs is ready when the transfer ends and the
/// page is read once, by the scanner, after it. (Measured against hashing the whole page afterwards: no difference in
/// a fetch's time on the development machine, whose SHA instructions make either cheap; it costs nothing either.)
/// Not thread-safe: one transfer owns it, on the multi loop's thread.
final class IncrementalSHA256 {
    private var context: OpaquePointer?
    /// Bytes hashed so far: the caller checks them against the body before trusting the digest.
    private(set) var count = 0

    /// Nil when OpenSSL cannot make a context; the body is then hashed whole, as before.
    init?() {
        guard let context = mst_sha256_begin() else { return nil }
        self.context = context
    }

    deinit {
        if let context { mst_sha256_discard(context) }
    }

    func update(_ bytes: UnsafeRawPointer, count length: Int) {
        guard let context else { return }
        if mst_sha256_update(context, bytes, length) == 1 {
            count += length
        } else {
            // A digest that missed bytes must never be used: give it up, and the body is hashed whole.
            mst_sha256_discard(context)
            self.context = nil
        }
    }

    /// The hex digest of everything updated, or nil if hashing failed on the way. Ends the hash.
    func finish() -> String? {
        guard let context else { return nil }
        self.context = nil
        var digest = [UInt8](repeating: 0, count: 32)
        guard mst_sha256_finish(context, &digest) == 1 else { return nil }
        return Hex.lowercase(digest)
    }
}
