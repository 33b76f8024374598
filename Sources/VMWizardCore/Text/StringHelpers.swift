import VMWizardPlatform
// The standard library's canonical decomposition (what Foundation's non-literal comparison works on).
@_spi(_Unicode) import Swift

// The few string operations vmwizard took from full Foundation, which FoundationEssentials lacks (full
// Foundation brings ICU's data and makes a static binary about 60 MB). Pure Swift; no locale is involved.

/// Foundation's `CharacterSet.whitespaces` and `.whitespacesAndNewlines`, as predicates on scalars.
public enum Whitespace {
    /// Spaces (Unicode category Zs), the tab and the zero-width space.
    public static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\t" || scalar == "\u{200B}" || scalar.properties.generalCategory == .spaceSeparator
    }

    /// `isSpace`, line and paragraph separators, U+000A–U+000D and U+0085.
    public static func isSpaceOrNewline(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x85, 0x200B: return true
        default:
            switch scalar.properties.generalCategory {
            case .spaceSeparator, .lineSeparator, .paragraphSeparator: return true
            default: return false
            }
        }
    }
}

extension StringProtocol {
    /// `trimmingCharacters(in: .whitespaces)`: spaces and tabs off both ends, scalar by scalar.
    public func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !Whitespace.isSpace($0) }),
              let last = scalars.lastIndex(where: { !Whitespace.isSpace($0) }) else { return "" }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }
}

/// Foundation's `compare(_:options: .numeric)`, optionally with `.caseInsensitive`: runs of ASCII digits
/// compare by value ("vmbr2" before "vmbr10", "a01" same as "a1"), everything else scalar by scalar of the
/// canonical decomposition ("é" sorts as "e" followed by an accent, before "f").
public enum NaturalOrder {
    public static func compare(_ lhs: String, _ rhs: String, caseInsensitive: Bool = false) -> ComparisonResult {
        let left = scalars(lhs, caseInsensitive), right = scalars(rhs, caseInsensitive)
        var i = 0, j = 0
        while i < left.count && j < right.count {
            guard isDigit(left[i]) && isDigit(right[j]) else {
                if left[i] != right[j] { return left[i] < right[j] ? .orderedAscending : .orderedDescending }
                i += 1
                j += 1
                continue
            }
            while i < left.count - 1 && left[i] == 0x30 && isDigit(left[i + 1]) { i += 1 }
            while j < right.count - 1 && right[j] == 0x30 && isDigit(right[j + 1]) { j += 1 }
            let (leftDigits, rightDigits) = (i, j)
            while i < left.count && isDigit(left[i]) { i += 1 }
            while j < right.count && isDigit(right[j]) { j += 1 }
            // Without leading zeros, the longer number is the larger; same length compares digit by digit.
            if i - leftDigits != j - rightDigits { return i - leftDigits < j - rightDigits ? .orderedAscending : .orderedDescending }
            for (a, b) in zip(left[leftDigits..<i], right[rightDigits..<j]) where a != b {
                return a < b ? .orderedAscending : .orderedDescending
            }
        }
        if i < left.count { return .orderedDescending }
        if j < right.count { return .orderedAscending }
        return .orderedSame
    }

    private static func isDigit(_ value: UInt32) -> Bool { value >= 0x30 && value <= 0x39 }

    private static func scalars(_ text: String, _ caseInsensitive: Bool) -> [UInt32] {
        (caseInsensitive ? text.lowercased() : text)._nfd.map(\.value)
    }
}

/// printf-style numbers without C's locale (the terminal sets LC_ALL from the environment, and a German
/// locale would turn "%.1f" into "1,5").
public enum NumberText {
    /// `String(format: "%02X", byte)`.
    public static func hex2(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }

    /// `String(format: "%.1f", value)`: rounded half to even on the exact binary value, like printf.
    public static func oneDecimal(_ value: Double) -> String {
        guard value.isFinite, value.magnitude < 1e15 else { return "\(value)" }
        if value == 0 { return value.sign == .minus ? "-0.0" : "0.0" }
        // value = significand / 2^shift exactly, with a 53-bit integer significand.
        let significand = UInt64(value.magnitude.significand * 0x1p52)
        let shift = 52 - Int(value.magnitude.exponent)
        let scaled = significand * 10
        var tenths: UInt64
        if shift <= 0 {
            tenths = scaled << UInt64(-shift)
        } else if shift >= 64 {
            tenths = 0
        } else {
            tenths = scaled >> UInt64(shift)
            let rest = scaled & ((1 << UInt64(shift)) - 1)
            let half: UInt64 = 1 << UInt64(shift - 1)
            if rest > half || (rest == half && tenths & 1 == 1) { tenths += 1 }
        }
        return (value.sign == .minus ? "-" : "") + "\(tenths / 10).\(tenths % 10)"
    }
}

#if canImport(FoundationEssentials)
// Same names as Foundation's, for FoundationEssentials builds only (with full Foundation these come from it).
extension StringProtocol {
    /// Every occurrence of `target`, left to right, replaced; matched byte by byte in UTF-8 (so never inside
    /// a scalar), which for the ASCII patterns used here is what Foundation does.
    package func replacingOccurrences(of target: String, with replacement: String) -> String {
        let bytes = Array(utf8), pattern = Array(target.utf8)
        guard !pattern.isEmpty, bytes.count >= pattern.count else { return String(self) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == pattern[0], index + pattern.count <= bytes.count,
               bytes[index..<index + pattern.count].elementsEqual(pattern) {
                out += replacement.utf8
                index += pattern.count
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Case-insensitive comparison (by lower-cased scalars).
    package func caseInsensitiveCompare<T: StringProtocol>(_ other: T) -> ComparisonResult {
        let left = lowercased().unicodeScalars.map(\.value), right = other.lowercased().unicodeScalars.map(\.value)
        if left == right { return .orderedSame }
        return left.lexicographicallyPrecedes(right) ? .orderedAscending : .orderedDescending
    }
}
#endif
