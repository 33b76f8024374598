/// Disk sizes as Proxmox reads and writes them, and as the wizard's disk size field takes them.
///
/// - Proxmox's `size=` (parse_size): a number with an optional fraction and an optional unit K, M, G or T (also
///   KiB…TiB), case-sensitive; no unit means bytes; the result is truncated to whole bytes.
/// - Proxmox's printed form (format_size): bytes without a unit unless divisible by 1024, else the largest unit
///   that divides exactly (`32G`, `1536M`, `1049K`).
/// - A new disk `STORAGE:SIZE` is in GiB, and Proxmox allocates it rounded up to whole KiB (convert_size).
/// - The wizard's field: a number of GiB (`32`, `0.5`), or a number with a unit (`1049K`, `1.5T`).
public enum DiskSize {
    static let units: [(suffix: String, shift: Int)] = [
        ("KiB", 10), ("MiB", 20), ("GiB", 30), ("TiB", 40), ("K", 10), ("M", 20), ("G", 30), ("T", 40),
    ]

    /// `value × 2^shift` for a plain decimal `value`, truncated (rounded up with `roundUp`); nil on overflow.
    static func scaled(_ number: Substring, shift: Int, divideBy divisorShift: Int = 0, roundUp: Bool) -> Int? {
        let parts = number.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty, parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
              parts.count == 1 || !parts[1].isEmpty else { return nil }
        let fraction = parts.count == 2 ? parts[1] : ""
        guard parts[0].count + fraction.count <= 60 else { return nil }
        // Exact: mantissa × 2^shift / (10^decimals × 2^divisorShift).
        guard let mantissa = Decimalish(digits: parts[0] + fraction) else { return nil }
        return mantissa.scaled(by: shift - divisorShift, decimals: fraction.count, roundUp: roundUp)
    }

    /// Proxmox's parse_size: bytes, or nil when Proxmox would refuse the text.
    public static func bytes(fromProxmox text: String) -> Int? {
        for unit in units where text.hasSuffix(unit.suffix) {
            return scaled(text.dropLast(unit.suffix.count), shift: unit.shift, roundUp: false)
        }
        return scaled(Substring(text), shift: 0, roundUp: false)
    }

    /// The wizard's disk size field in KiB, rounded up as Proxmox allocates: a plain number is GiB.
    public static func kibibytes(fromField text: String) -> Int? {
        for unit in units where text.hasSuffix(unit.suffix) {
            return scaled(text.dropLast(unit.suffix.count), shift: unit.shift, divideBy: 10, roundUp: true)
        }
        return scaled(Substring(text), shift: 30, divideBy: 10, roundUp: true)
    }

    /// Proxmox's format_size.
    public static func proxmoxText(bytes: Int) -> String {
        for (suffix, shift) in [("T", 40), ("G", 30), ("M", 20), ("K", 10)] where bytes % (1 << shift) == 0 && bytes > 0 {
            return "\(bytes >> shift)\(suffix)"
        }
        return String(bytes)
    }

    /// `STORAGE:SIZE` wants GiB: the exact decimal of `kib` / 2^20 (at most 20 decimals), shortest form.
    public static func gibText(kib: Int) -> String {
        let whole = kib >> 20
        var remainder = kib & ((1 << 20) - 1)
        if remainder == 0 { return String(whole) }
        var digits = ""
        // remainder / 2^20 has a finite decimal expansion of at most 20 digits.
        while remainder != 0 && digits.count < 20 {
            remainder *= 10
            digits.append(Character(String(remainder >> 20)))
            remainder &= (1 << 20) - 1
        }
        return "\(whole).\(digits)"
    }

    /// The field's value shown in GiB, as the web UI shows sizes (`32`, `0.5`, `0.001`), else with its unit.
    public static func fieldText(kib: Int) -> String {
        let gib = gibText(kib: kib)
        if let dot = gib.firstIndex(of: "."), gib.distance(from: dot, to: gib.endIndex) > 4 {
            return proxmoxText(bytes: kib * 1024)
        }
        return gib
    }
}

/// A non-negative decimal number of up to 60 digits scaled by powers of two and ten exactly: digits in base 10^9
/// limbs, multiplied by 2 and divided by 10 one step at a time (the numbers are short; exactness matters).
struct Decimalish {
    private var limbs: [UInt64]  // little-endian, base 10^9
    private static let base: UInt64 = 1_000_000_000

    init?(digits: Substring) {
        guard !digits.isEmpty, digits.count <= 60, digits.allSatisfy(\.isASCIIDigit) else { return nil }
        limbs = [0]
        for digit in digits {
            guard let d = digit.wholeNumberValue else { return nil }
            multiply(by: 10, adding: UInt64(d))
        }
    }

    private mutating func multiply(by factor: UInt64, adding carryIn: UInt64 = 0) {
        var carry = carryIn
        for index in limbs.indices {
            let product = limbs[index] * factor + carry
            limbs[index] = product % Self.base
            carry = product / Self.base
        }
        while carry > 0 {
            limbs.append(carry % Self.base)
            carry /= Self.base
        }
    }

    /// Divides by `divisor` (at most 2^31); returns whether anything was left over.
    private mutating func divide(by divisor: UInt64) -> Bool {
        var remainder: UInt64 = 0
        for index in limbs.indices.reversed() {
            let current = remainder * Self.base + limbs[index]
            limbs[index] = current / divisor
            remainder = current % divisor
        }
        while limbs.count > 1 && limbs.last == 0 { limbs.removeLast() }
        return remainder != 0
    }

    /// value × 2^shift / 10^decimals as an Int, truncated or rounded up; nil when it does not fit.
    func scaled(by shift: Int, decimals: Int, roundUp: Bool) -> Int? {
        var number = self
        var inexact = false
        if shift >= 0 {
            for _ in 0..<shift { number.multiply(by: 2) }
        } else {
            for _ in 0..<(-shift) { inexact = number.divide(by: 2) || inexact }
        }
        for _ in 0..<decimals { inexact = number.divide(by: 10) || inexact }
        var result: UInt64 = 0
        for limb in number.limbs.reversed() {
            let (times, o1) = result.multipliedReportingOverflow(by: Self.base)
            let (plus, o2) = times.addingReportingOverflow(limb)
            if o1 || o2 { return nil }
            result = plus
        }
        if roundUp && inexact { result += 1 }
        return result <= UInt64(Int.max) ? Int(result) : nil
    }
}
