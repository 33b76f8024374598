import VMWizardPlatform

/// Proxmox's escaping of free text in its files (VM config description lines, user.cfg comments,
/// encode_text): control characters, '%', ':' and every byte above 0x7E become `%XX`; the bytes are UTF-8.
public enum PercentEscapes {
    public static func encode(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            if byte < 0x20 || byte == 0x25 || byte == 0x3A || byte > 0x7E {
                out += "%" + NumberText.hex2(byte)
            } else {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            }
        }
        return out
    }

    /// Undoes `encode`; a `%` not followed by two hex digits stays as it is.
    public static func decode<S: StringProtocol>(_ text: S) -> String {
        guard text.contains("%") else { return String(text) }
        let utf8 = Array(text.utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        var index = 0
        while index < utf8.count {
            if utf8[index] == UInt8(ascii: "%"), index + 2 < utf8.count,
               let high = hexValue(utf8[index + 1]), let low = hexValue(utf8[index + 2]) {
                bytes.append(high << 4 | low)
                index += 3
            } else {
                bytes.append(utf8[index])
                index += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}

extension PercentEscapes {
    /// URI::Escape's uri_escape, which `qm` applies to an SSH key file: every byte but the unreserved
    /// `A-Z a-z 0-9 - . _ ~` becomes `%XX`.
    public static func uriEscape(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            if WholeMatch.isAlnum(byte) || byte == 0x2D || byte == 0x2E || byte == 0x5F || byte == 0x7E {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                out += "%" + NumberText.hex2(byte)
            }
        }
        return out
    }
}
