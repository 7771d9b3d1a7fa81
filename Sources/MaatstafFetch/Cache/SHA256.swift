import CCrypto
public import Foundation

/// SHA-256 through OpenSSL's libcrypto: cache entries and embedded data carry their checksum so that a damaged
/// file is detected instead of served.
public enum SHA256 {
    public static func hex(_ data: Data) -> String {
        var digest = [UInt8](repeating: 0, count: 32)
        data.withUnsafeBytes { buffer in
            _ = mst_sha256(buffer.baseAddress, buffer.count, &digest)
        }
        return hex(digest: digest)
    }

    public static func hex(_ string: String) -> String {
        hex(Data(string.utf8))
    }

    /// Lower-case hex, two digits a byte: the form the cache's metadata and SHA256SUMS files hold.
    static func hex(digest: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        return String(unsafeUninitializedCapacity: digest.count * 2) { buffer in
            for (index, byte) in digest.enumerated() {
                buffer[2 * index] = digits[Int(byte >> 4)]
                buffer[2 * index + 1] = digits[Int(byte & 0x0f)]
            }
            return digest.count * 2
        }
    }
}
