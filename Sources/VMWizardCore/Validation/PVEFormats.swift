import VMWizardPlatform

/// Proxmox VE's own value formats, re-implemented so that whatever we accept, Proxmox accepts too.
/// Each check returns nil when the value is fine, else the reason in a few words.
public enum PVEFormat {
    private static func matches(_ value: String, _ pattern: WholeMatch) -> Bool {
        pattern.matches(value)
    }

    static func isASCII(_ value: String) -> Bool { value.utf8.allSatisfy { $0 < 0x80 } }

    /// Guest ID: 100 to 999999999, no leading zero.
    public static func vmid(_ value: String) -> Phrase? {
        matches(value, .vmid) ? nil : "a VM ID is a number from 100 to 999999999"
    }

    /// Host name: dot-separated labels of letters and digits, hyphens only inside a label.
    public static func dnsName(_ value: String) -> Phrase? {
        return isASCII(value) && matches(value, .dnsName)
            ? nil : "use letters, digits, dots and inner hyphens only (a DNS name)"
    }

    public static func tag(_ value: String) -> Phrase? {
        isASCII(value) && matches(value, .tag)
            ? nil : "a tag starts with a letter, digit or _ and holds only letters, digits and _ + . -"
    }

    /// Splits a list the way Proxmox does: on commas, semicolons and white space.
    public static func splitList(_ value: String) -> [String] {
        value.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\0" })
            .map(String.init)
    }

    public static func poolID(_ value: String) -> Phrase? {
        isASCII(value) && matches(value, .poolID)
            ? nil : "a pool name holds only letters, digits and . _ - (nested pools use /)"
    }

    public static func storageID(_ value: String) -> Phrase? {
        if value.count < 2 { return "a storage ID has at least 2 characters" }
        return isASCII(value) && matches(value, .configID)
            ? nil : "a storage ID starts with a letter and holds only letters, digits and - _ ."
    }

    /// `storage:volume`.
    public static func volumeID(_ value: String) -> Phrase? {
        guard let colon = value.firstIndex(of: ":") else { return "a volume ID looks like storage:volume" }
        let store = String(value[..<colon])
        let rest = value[value.index(after: colon)...]
        if rest.isEmpty || storageID(store) != nil { return "a volume ID looks like storage:volume" }
        if rest.contains("\n") || rest.contains("\0") { return "a volume ID cannot contain line breaks" }
        return nil
    }

    /// Import source: a volume ID or an absolute path.
    public static func volumeIDOrAbsolutePath(_ value: String) -> Phrase? {
        if value.hasPrefix("/") {
            return value.contains("\n") || value.contains("\0") || value.contains(",")
                ? "the path cannot contain commas or line breaks" : nil
        }
        if value.contains(",") { return "the volume ID cannot contain commas" }
        return volumeID(value) == nil ? nil : "give a volume ID (storage:import/file.qcow2) or an absolute path"
    }

    /// Unicast MAC address (the lowest bit of the first byte clear), colon-separated.
    public static func macAddress(_ value: String) -> Phrase? {
        matches(value, .mac)
            ? nil : "a unicast MAC address looks like BC:24:11:2A:3B:4C"
    }

    public static func bridgeID(_ value: String) -> Phrase? {
        isASCII(value) && matches(value, .bridgeID) ? nil : "a bridge name holds only letters, digits and - _ ."
    }

    /// Host CPU set: "0-3,8,10-11"; empty means all.
    public static func cpuSet(_ value: String) -> Phrase? {
        if value.isEmpty { return nil }
        for part in value.split(separator: ",", omittingEmptySubsequences: false) {
            let bounds = part.split(separator: "-", omittingEmptySubsequences: false)
            guard (1...2).contains(bounds.count),
                  bounds.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) && $0.count <= 5 }),
                  let low = Int(bounds[0]), let high = Int(bounds[bounds.count - 1]),
                  low <= high, high < 8192 else {
                return "a CPU set is a list like 0-3,8,10-11 (ascending ranges, CPUs below 8192)"
            }
        }
        return nil
    }

    /// The highest CPU number a CPU set names.
    public static func cpuSetMax(_ value: String) -> Int? {
        value.split(separator: ",").compactMap { $0.split(separator: "-").last.flatMap { Int($0) } }.max()
    }

    /// CPU flags a VM may set (Proxmox refuses others on built-in CPU models).
    public static let vmCPUFlags: [String] = [
        "aes", "amd-no-ssb", "amd-ssbd", "hv-evmcs", "hv-tlbflush", "ibpb", "md-clear", "nested-virt", "pcid",
        "pdpe1gb", "spec-ctrl", "ssbd", "virt-ssbd",
    ]

    public static func cpuFlags(_ value: String) -> Phrase? {
        if value.isEmpty { return nil }
        guard matches(value, .cpuFlags) else {
            return "flags look like +aes;-pcid"
        }
        for flag in value.split(separator: ";") {
            let name = String(flag.dropFirst())
            if !vmCPUFlags.contains(name) {
                return "'\(name)' is not a flag a VM may set (allowed: \(vmCPUFlags.joined(separator: ", ")))"
            }
        }
        return nil
    }

    /// A whole number, no sign, no leading "+", no spaces.
    public static func isPlainInteger(_ value: String) -> Bool {
        !value.isEmpty && value.count <= 18 && value.allSatisfy(\.isASCIIDigit)
    }

    /// A non-negative decimal "12" or "12.5".
    public static func isPlainDecimal(_ value: String, maxDecimals: Int) -> Bool {
        let parts = value.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty, parts[0].count <= 12,
              parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }) else { return false }
        if parts.count == 2 { return !parts[1].isEmpty && parts[1].count <= maxDecimals }
        return true
    }
}

extension Character {
    public var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}

/// Whole-string matchers for Proxmox's formats, written out by hand: the patterns are simple, and a regular
/// expression engine would cost more to start (about 1.5 ms on the first screen) than all the checks together.
struct WholeMatch: Sendable {
    private let test: @Sendable ([UInt8]) -> Bool

    init(_ test: @escaping @Sendable ([UInt8]) -> Bool) { self.test = test }

    func matches(_ value: String) -> Bool { test(Array(value.utf8)) }

    static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
    static func isLetter(_ c: UInt8) -> Bool { (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) }
    static func isAlnum(_ c: UInt8) -> Bool { isDigit(c) || isLetter(c) }
    static func isHex(_ c: UInt8) -> Bool { isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66) }
    static func isOneOf(_ c: UInt8, _ set: String) -> Bool { set.utf8.contains(c) }

    /// `[1-9][0-9]{2,8}`
    static let vmid = WholeMatch { b in
        (3...9).contains(b.count) && b[0] != 0x30 && b.allSatisfy(isDigit)
    }

    /// Dot-separated labels of letters and digits, with hyphens inside a label.
    static let dnsName = WholeMatch { b in
        guard !b.isEmpty else { return false }
        return b.split(separator: 0x2E, omittingEmptySubsequences: false).allSatisfy { label in
            guard let first = label.first, let last = label.last else { return false }
            return isAlnum(first) && isAlnum(last) && label.allSatisfy { isAlnum($0) || $0 == 0x2D }
        }
    }

    /// `[a-z0-9_][a-z0-9_+.-]*`, any case.
    static let tag = WholeMatch { b in
        guard let first = b.first, isAlnum(first) || first == 0x5F else { return false }
        return b.allSatisfy { isAlnum($0) || isOneOf($0, "_+.-") }
    }

    /// `[A-Za-z0-9._-]+` in at most three levels separated by `/`.
    static let poolID = WholeMatch { b in
        let levels = b.split(separator: 0x2F, omittingEmptySubsequences: false)
        return (1...3).contains(levels.count)
            && levels.allSatisfy { !$0.isEmpty && $0.allSatisfy { isAlnum($0) || isOneOf($0, "._-") } }
    }

    /// `[a-z][a-z0-9_.-]*[a-z0-9]`, any case (storage IDs).
    static let configID = WholeMatch { b in
        guard b.count >= 2, let first = b.first, let last = b.last, isLetter(first), isAlnum(last) else { return false }
        return b.allSatisfy { isAlnum($0) || isOneOf($0, "_.-") }
    }

    /// `[a-f0-9][02468ace](:[a-f0-9]{2}){5}`, any case: a unicast MAC address.
    static let mac = WholeMatch { b in
        guard b.count == 17 else { return false }
        for (index, c) in b.enumerated() {
            if index % 3 == 2 { if c != 0x3A { return false } } else if !isHex(c) { return false }
        }
        return isOneOf(b[1], "02468aceACE")
    }

    /// `[-_.A-Za-z0-9]+`
    static let bridgeID = WholeMatch { b in
        !b.isEmpty && b.allSatisfy { isAlnum($0) || isOneOf($0, "-_.") }
    }

    /// `[+-][a-zA-Z0-9_.-]+(;[+-][a-zA-Z0-9_.-]+)*`
    static let cpuFlags = WholeMatch { b in
        b.split(separator: 0x3B, omittingEmptySubsequences: false).allSatisfy { flag in
            guard flag.count >= 2, let sign = flag.first, sign == 0x2B || sign == 0x2D else { return false }
            return flag.dropFirst().allSatisfy { isAlnum($0) || isOneOf($0, "_.-") }
        }
    }
}
