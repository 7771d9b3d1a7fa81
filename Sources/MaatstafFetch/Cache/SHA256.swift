import CCrypto
public import Foundation
import MaatstafCore

/// SHA-256 through OpenSSL's libcrypto: cache entries and embedded data carry their checksum so that a damaged
/// file is detected instead of served.
public enum SHA256 {
    public static func hex(_ data: Data) -> String {
        var digest = [UInt8](repeating: 0, count: 32)
        data.withUnsafeBytes { buffer in
            _ = mst_sha256(buffer.baseAddress, buffer.count, &digest)
        }
        return Hex.lowercase(digest)
    }

    public static func hex(_ string: String) -> String {
        hex(Data(string.utf8))
    }

}
