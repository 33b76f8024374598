/// The one sanitiser for text bound for a terminal (the screen, stdout, stderr). Anything a terminal could
/// act on instead of showing — C0 and C1 control characters, DEL, the Unicode bidirectional overrides and
/// isolates, line and paragraph separators, and (from raw bytes) invalid UTF-8 — is shown in bash's `$'…'`
/// escape notation (`\e`, `\n`, `\x00`, `\u202E`), so a hostile file name reads as what it is and cannot
/// move the cursor, retitle the window or reverse the text after it.
public enum TerminalText {
    /// True when `scalar` must not reach a terminal as it is.
    @inline(__always)
    public static func mustEscape(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v >= 0x20 && v < 0x7F { return false }
        if v < 0x20 || (0x7F...0x9F).contains(v) { return true }
        if v < 0x61C { return false }
        switch v {
        case 0x61C, 0x200E, 0x200F, 0x2028...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    /// How an unsafe scalar is shown: `\e`, `\n`, `\x01`, `\u009B`, `\u202E`.
    public static func escape(_ scalar: Unicode.Scalar) -> String {
        switch scalar.value {
        case 0x07: return "\\a"
        case 0x08: return "\\b"
        case 0x09: return "\\t"
        case 0x0A: return "\\n"
        case 0x0B: return "\\v"
        case 0x0C: return "\\f"
        case 0x0D: return "\\r"
        case 0x1B: return "\\e"
        case let v where v < 0x80: return "\\x" + NumberText.hex2(UInt8(v))
        case let v: return "\\u" + hex4(v)
        }
    }

    /// The escaped form of a character with an unsafe scalar in it, nil when the character is safe as it is.
    @inline(__always)
    public static func escaped(_ character: Character) -> String? {
        // Printable ASCII is one scalar and safe: the common case costs one comparison.
        if let ascii = character.asciiValue, ascii >= 0x20, ascii < 0x7F { return nil }
        guard character.unicodeScalars.contains(where: mustEscape) else { return nil }
        var out = ""
        for scalar in character.unicodeScalars {
            if mustEscape(scalar) { out += escape(scalar) } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }

    /// `text` with every unsafe character escaped; `keeping` characters (a newline in a message of several
    /// lines) pass as they are.
    public static func visible(_ text: String, keeping: Set<Unicode.Scalar> = []) -> String {
        guard text.unicodeScalars.contains(where: { mustEscape($0) && !keeping.contains($0) }) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if mustEscape(scalar) && !keeping.contains(scalar) {
                out.append(contentsOf: escape(scalar).unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// Lines of a message for stdout or stderr: newlines and tabs kept, everything else unsafe escaped.
    public static func message(_ text: String) -> String {
        visible(text, keeping: ["\n", "\t"])
    }

    /// Raw bytes (a program's output, a file name) as safe text: each byte of invalid UTF-8 becomes `\xNN`,
    /// unsafe characters are escaped as in `visible`.
    public static func visible(bytes: some Collection<UInt8>, keeping: Set<Unicode.Scalar> = []) -> String {
        let bytes = Array(bytes)
        var out = String.UnicodeScalarView()
        var index = 0
        while index < bytes.count {
            if let (scalar, length) = UTF8Scalar.decode(bytes, at: index) {
                if mustEscape(scalar) && !keeping.contains(scalar) {
                    out.append(contentsOf: escape(scalar).unicodeScalars)
                } else {
                    out.append(scalar)
                }
                index += length
            } else {
                out.append(contentsOf: ("\\x" + NumberText.hex2(bytes[index])).unicodeScalars)
                index += 1
            }
        }
        return String(out)
    }

    /// True when every byte of `bytes` is valid UTF-8.
    public static func isValidUTF8(_ bytes: some Collection<UInt8>) -> Bool {
        let bytes = Array(bytes)
        var index = 0
        while index < bytes.count {
            guard let (_, length) = UTF8Scalar.decode(bytes, at: index) else { return false }
            index += length
        }
        return true
    }

    static func hex4(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}

/// One UTF-8 sequence decoded by the rules of the standard (no overlong forms, no surrogates, nothing above
/// U+10FFFF), so that a bad byte is found exactly where it is.
enum UTF8Scalar {
    static func decode(_ bytes: [UInt8], at index: Int) -> (Unicode.Scalar, Int)? {
        let lead = bytes[index]
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
        let length: Int, minimum: UInt32
        var value: UInt32
        switch lead {
        case 0xC2...0xDF: length = 2; minimum = 0x80; value = UInt32(lead & 0x1F)
        case 0xE0...0xEF: length = 3; minimum = 0x800; value = UInt32(lead & 0x0F)
        case 0xF0...0xF4: length = 4; minimum = 0x10000; value = UInt32(lead & 0x07)
        default: return nil
        }
        guard index + length <= bytes.count else { return nil }
        for offset in 1..<length {
            let byte = bytes[index + offset]
            guard byte & 0xC0 == 0x80 else { return nil }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        guard value >= minimum, let scalar = Unicode.Scalar(value) else { return nil }
        return (scalar, length)
    }
}
