#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What the operating system said, in both languages: `strerror` speaks only English, and a Dutch message should not
/// switch language halfway ("… (No space left on device)").
public enum SystemErrorText {
    /// The common causes a user can act on in words, any other as its number and symbol (`systeemfout 5`).
    public static func describe(_ code: Int32) -> LocalizedText {
        let english = String(cString: strerror(code))
        switch code {
        case ENOSPC: return .en(english, nl: "de schijf is vol")
        case EACCES, EPERM: return .en(english, nl: "geen toestemming")
        case EROFS: return .en(english, nl: "alleen-lezen bestandssysteem")
        case ENOENT: return .en(english, nl: "bestand of map bestaat niet")
        case ENOTDIR: return .en(english, nl: "geen map")
        case EISDIR: return .en(english, nl: "is een map")
        case EEXIST: return .en(english, nl: "bestaat al")
        case EIO: return .en(english, nl: "invoer-/uitvoerfout")
        case EDQUOT: return .en(english, nl: "schijfquotum overschreden")
        case EMFILE, ENFILE: return .en(english, nl: "te veel open bestanden")
        case ENOMEM: return .en(english, nl: "onvoldoende geheugen")
        case EBUSY: return .en(english, nl: "in gebruik")
        default: return .en(english, nl: "systeemfout \(code)")
        }
    }
}
