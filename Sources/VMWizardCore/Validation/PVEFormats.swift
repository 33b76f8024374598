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

    /// Storage types whose volumes are files under a folder (Proxmox's directory volume names).
    public static let fileStorageTypes: Set<String> = ["dir", "nfs", "cifs", "cephfs", "btrfs", "glusterfs"]

    /// The volume name of an ISO image (after `storage:`) by Proxmox's rule for folder storages:
    /// `iso/NAME.iso` or `iso/NAME.img` (any case), NAME without "/".
    public static func isoVolumeName(_ name: String, storageType: String?) -> Phrase? {
        if let type = storageType, !fileStorageTypes.contains(type) { return "a \(type) storage holds no ISO images" }
        guard name.hasPrefix("iso/") else { return "an ISO image's volume is iso/NAME.iso" }
        let file = name.dropFirst(4)
        let lower = file.lowercased()
        guard !file.contains("/"), file.count > 4, lower.hasSuffix(".iso") || lower.hasSuffix(".img") else {
            return "an ISO image is a file directly in iso/ whose name ends in .iso or .img"
        }
        return nil
    }

    /// The name of an existing volume on a storage that hands them out, by its plugin's `parse_volname`: iSCSI
    /// LUNs are `CHANNEL.ID.LUN.DEVICE`, direct iSCSI ones `lunN`. A comma would end the drive's volume early.
    public static func existingVolumeName(_ name: String, storageType: String) -> Phrase? {
        if name.contains(",") { return "a volume name cannot contain a comma in a drive" }
        switch storageType {
        case "iscsi":
            let parts = name.split(separator: ".", maxSplits: 3, omittingEmptySubsequences: false)
            let ok = parts.count == 4 && parts.prefix(3).allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }
                && !parts[3].isEmpty && !parts[3].contains { $0 == "/" || $0.isWhitespace }
            return ok ? nil : "an iSCSI volume is CHANNEL.ID.LUN.DEVICE, e.g. 0.0.1.scsi-36001405…"
        case "iscsidirect":
            let digits = name.dropFirst(3)
            return name.hasPrefix("lun") && !digits.isEmpty && digits.allSatisfy(\.isASCIIDigit) ? nil
                : "a direct iSCSI volume is lunN, e.g. lun1"
        default:
            return nil
        }
    }

    /// An `import-from` source that is a volume, by Proxmox's rules: a disk image (content images) or an image
    /// in a storage's import/ folder (qcow2, raw or vmdk, or a disk inside an OVA); never an ISO or a template.
    public static func importVolume(_ value: String, storageType: String?) -> Phrase? {
        guard let colon = value.firstIndex(of: ":") else { return "give a volume ID (storage:import/file.qcow2) or an absolute path" }
        let name = String(value[value.index(after: colon)...])
        for (prefix, kind) in [("iso/", "iso"), ("vztmpl/", "vztmpl"), ("backup/", "backup"), ("snippets/", "snippets")]
        where name.hasPrefix(prefix) {
            return "it is of type '\(kind)': Proxmox imports only disk images (type 'images' or 'import')"
        }
        if name.hasPrefix("import/") {
            let file = name.dropFirst(7)
            let safe = file.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || " -.+=_/".contains($0)) }
            let parts = file.split(separator: "/", omittingEmptySubsequences: false)
            let image = parts.last.map { $0.hasSuffix(".qcow2") || $0.hasSuffix(".raw") || $0.hasSuffix(".vmdk") } ?? false
            let shape = parts.count == 1 || (parts.count == 2 && parts[0].hasSuffix(".ova"))
            if safe && shape && image { return nil }
            if safe && parts.count == 1 && (file.hasSuffix(".ova") || file.hasSuffix(".ovf")) {
                return "an OVA or OVF is a whole guest, not a disk image: import one of its disks"
            }
            return "an import volume is import/NAME.qcow2, .raw or .vmdk (letters, digits, space and - . + = _)"
        }
        guard let type = storageType else { return nil }
        if fileStorageTypes.contains(type) {
            let parts = name.split(separator: "/", omittingEmptySubsequences: false)
            let ok = parts.count == 2 && !parts[0].isEmpty && parts[0].allSatisfy(\.isASCIIDigit)
                && [".raw", ".qcow2", ".vmdk"].contains { parts[1].hasSuffix($0) } && !parts[1].contains(" ")
            return ok ? nil : "a disk image on a folder storage is VMID/NAME.raw, .qcow2 or .vmdk"
        }
        if ["lvm", "lvmthin", "zfspool", "rbd"].contains(type) {
            let prefixes = type == "lvm" ? ["vm-"] : ["vm-", "base-"]
            return prefixes.contains { name.hasPrefix($0) } ? nil : "a disk image on a \(type) storage is named vm-VMID-…"
        }
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

    /// Host CPU set as Proxmox parses it (pve-cpuset): parts separated by ",", each `N` or `N-M` with M >= N,
    /// spaces around a part allowed, trailing empty parts ignored; no upper limit. Empty means all.
    public static func cpuSet(_ value: String) -> Phrase? {
        if value.isEmpty { return nil }
        var parts = value.split(separator: ",", omittingEmptySubsequences: false)
        while parts.last?.isEmpty == true { parts.removeLast() }
        for part in parts {
            let trimmed = part.trimmingWhitespace()
            let bounds = trimmed.split(separator: "-", omittingEmptySubsequences: false)
            guard (1...2).contains(bounds.count),
                  bounds.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) && $0.count <= 9 }),
                  let low = Int(bounds[0]), let high = Int(bounds[bounds.count - 1]), low <= high else {
                return "a CPU set is a list like 0-3,8,10-11 (ranges from low to high)"
            }
        }
        return nil
    }

    /// The highest CPU number a CPU set names.
    public static func cpuSetMax(_ value: String) -> Int? {
        value.split(separator: ",").compactMap { $0.split(separator: "-").last.flatMap { Int($0.trimmingWhitespace()) } }.max()
    }

    /// Proxmox's `number` type inside property strings (`is_number`): an optional sign, digits with an optional
    /// fraction (`1.`, `.5` too) and an optional exponent.
    public static func isProxmoxNumber(_ value: String) -> Bool {
        var bytes = Array(value.utf8)[...]
        if let first = bytes.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        func digits() -> Int {
            var count = 0
            while let byte = bytes.first, byte >= 0x30, byte <= 0x39 { bytes = bytes.dropFirst(); count += 1 }
            return count
        }
        let whole = digits()
        var fraction = 0
        if bytes.first == UInt8(ascii: ".") {
            bytes = bytes.dropFirst()
            fraction = digits()
        }
        guard whole + fraction > 0 else { return false }
        if let e = bytes.first, e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
            guard digits() > 0 else { return false }
        }
        return bytes.isEmpty
    }

    /// `startup` as Proxmox parses it (pve-startup-order): parts separated by ",", blank parts skipped, each
    /// `N`, `order=N`, `up=N` or `down=N`; a later part wins. Nil when Proxmox would refuse it.
    public static func startupOrder(_ value: String) -> (order: String?, up: String?, down: String?)? {
        guard !value.isEmpty, value != "0" else { return nil }
        var result: (order: String?, up: String?, down: String?) = (nil, nil, nil)
        for part in value.split(separator: ",", omittingEmptySubsequences: false) {
            if part.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
            func number(_ text: Substring) -> String? {
                !text.isEmpty && text.allSatisfy(\.isASCIIDigit) ? String(text) : nil
            }
            if let order = number(part) ?? (part.hasPrefix("order=") ? number(part.dropFirst(6)) : nil) {
                result.order = order
            } else if part.hasPrefix("up="), let up = number(part.dropFirst(3)) {
                result.up = up
            } else if part.hasPrefix("down="), let down = number(part.dropFirst(5)) {
                result.down = down
            } else {
                return nil
            }
        }
        return result
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

    /// A non-negative decimal "12" or "12.5" (what Proxmox's config writer takes for a top-level number).
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
