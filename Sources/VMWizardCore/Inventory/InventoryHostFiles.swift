import VMWizardPlatform

/// `datacenter.cfg`, `user.cfg` pools, `/proc` and `/proc/mounts`.
enum InventoryHostFiles {
    static let cpuModelsPath = "etc/pve/virtual-guest/cpu-models.conf"

    /// `cpu-model: NAME` sections (Proxmox's section config) with their `reported-model`; the VM config refers
    /// to one as `custom-NAME`.
    static func parseCPUModels(_ bytes: [UInt8]) -> [String: String] {
        var models: [String: String] = [:]
        var current: String?
        for raw in String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw[...]
            if line.trimmingWhitespace().isEmpty { current = nil; continue }
            if line.hasPrefix("#") { continue }
            if line.first == " " || line.first == "\t" {
                let parts = line.trimmingWhitespace().split(separator: " ", maxSplits: 1)
                if let name = current, parts.count == 2, parts[0] == "reported-model" {
                    models[name] = String(parts[1]).trimmingWhitespace()
                }
                continue
            }
            if line.hasPrefix("cpu-model:") {
                let name = line.dropFirst("cpu-model:".count).trimmingWhitespace()
                current = name.isEmpty ? nil : name
                if let current { models[current] = models[current] ?? "kvm64" }
            } else {
                current = nil
            }
        }
        return models
    }

    static let dpkgStatusPath = "var/lib/dpkg/status"

    /// The upstream version of an installed Debian package (`10.0.2` of `10.0.2-4`) from dpkg's status file.
    static func packageVersion(_ package: String, in status: [UInt8]) -> String? {
        guard var version = packageField("Version", of: package, in: status) else { return nil }
        if let colon = version.firstIndex(of: ":") { version = String(version[version.index(after: colon)...]) }
        let upstream = version.split(separator: "-").first.map(String.init) ?? ""
        return upstream.isEmpty ? nil : upstream
    }

    /// The CPU architecture a package was built for, in the kernel's naming (`amd64` → `x86_64`, `arm64` →
    /// `aarch64`): pve-qemu-kvm's says which architecture the node runs its guests natively.
    static func packageArchitecture(_ package: String, in status: [UInt8]) -> String? {
        switch packageField("Architecture", of: package, in: status) {
        case "amd64": return "x86_64"
        case "arm64": return "aarch64"
        default: return nil
        }
    }

    /// One field of a package's stanza in dpkg's status file.
    static func packageField(_ field: String, of package: String, in status: [UInt8]) -> String? {
        let header = Array("Package: \(package)\n".utf8)
        var start = 0
        while let found = find(header, in: status, from: start) {
            // Only at the start of a line.
            if found == 0 || status[found - 1] == 0x0A {
                var end = found
                while end + 1 < status.count, !(status[end] == 0x0A && status[end + 1] == 0x0A) { end += 1 }
                let stanza = String(decoding: status[found..<min(end + 1, status.count)], as: UTF8.self)
                for line in stanza.split(separator: "\n") where line.hasPrefix("\(field): ") {
                    let value = line.dropFirst(field.count + 2).drop { $0 == " " || $0 == "\t" }
                    return value.isEmpty ? nil : String(value)
                }
                return nil
            }
            start = found + 1
        }
        return nil
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard needle.count <= haystack.count, start <= haystack.count - needle.count else { return nil }
        var index = start
        while index <= haystack.count - needle.count {
            if haystack[index] == needle[0] {
                var matched = 1
                while matched < needle.count && haystack[index + matched] == needle[matched] { matched += 1 }
                if matched == needle.count { return index }
            }
            index += 1
        }
        return nil
    }

    static let datacenterPath = "etc/pve/datacenter.cfg"
    static let userPath = "etc/pve/user.cfg"
    static let cpuinfoPath = "proc/cpuinfo"
    static let meminfoPath = "proc/meminfo"
    static let mountsPath = "proc/mounts"

    // MARK: datacenter.cfg

    struct Datacenter {
        var nextIDLower = 100
        var nextIDUpper = 1_000_000
        var macPrefix = "BC:24:11"
    }

    static func parseDatacenter(_ bytes: [UInt8], warnings: inout [Phrase]) -> Datacenter {
        let file = datacenterPath
        var result = Datacenter()
        var issues = InventoryLineIssues(file: file)
        for (offset, rawLine) in InventoryText.lines(bytes).enumerated() {
            let line = InventoryText.trim(rawLine)
            if line.isEmpty || line.first == "#" { continue }
            guard let colon = line.firstIndex(of: ":"),
                  !line[..<colon].isEmpty, !line[..<colon].contains(where: InventoryText.isBlank) else {
                issues.add(line: offset + 1, "'\(InventoryText.excerpt(line))' is not a 'key: value' line; ignored")
                continue
            }
            let key = line[..<colon]
            let value = InventoryText.trim(line[line.index(after: colon)...])
            switch key {
            case "next-id": parseNextID(value, into: &result, warnings: &warnings)
            case "mac_prefix":
                if let prefix = normalizedMACPrefix(value) {
                    result.macPrefix = prefix
                } else {
                    warnings.append("\(file): mac_prefix '\(InventoryText.excerpt(value))' is not a unicast MAC prefix (like BC:24:11); using BC:24:11")
                }
            default: break
            }
        }
        warnings.append(contentsOf: issues.warnings())
        if result.nextIDLower >= result.nextIDUpper {
            warnings.append("\(file): next-id lower (\(result.nextIDLower)) is not below upper (\(result.nextIDUpper)); no VMID can be suggested")
        }
        return result
    }

    private static func parseNextID(_ value: Substring, into result: inout Datacenter, warnings: inout [Phrase]) {
        let file = datacenterPath
        for item in value.split(separator: ",") {
            let pair = item.split(separator: "=", maxSplits: 1)
            guard pair.count == 2 else {
                warnings.append("\(file): next-id part '\(InventoryText.excerpt(item))' is not 'lower=N' or 'upper=N'; ignored")
                continue
            }
            let key = InventoryText.trim(pair[0])
            let text = InventoryText.trim(pair[1])
            switch key {
            case "lower":
                if let number = Int(text), number >= 100, number <= 999_999_999 {
                    result.nextIDLower = number
                } else {
                    warnings.append("\(file): next-id lower '\(InventoryText.excerpt(text))' is not a number from 100 to 999999999; using 100")
                }
            case "upper":
                if let number = Int(text), number >= 100, number <= 1_000_000_000 {
                    result.nextIDUpper = number
                } else {
                    warnings.append("\(file): next-id upper '\(InventoryText.excerpt(text))' is not a number from 100 to 1000000000; using 1000000")
                }
            default:
                warnings.append("\(file): next-id has an unknown part '\(InventoryText.excerpt(key))'; ignored")
            }
        }
    }

    /// 1 to 3 hex octets, first octet unicast (even); returned upper-case without a trailing colon.
    static func normalizedMACPrefix(_ value: Substring) -> String? {
        var text = value
        if text.last == ":" { text = text.dropLast() }
        let octets = text.split(separator: ":", omittingEmptySubsequences: false)
        guard (1...5).contains(octets.count) else { return nil }
        for octet in octets {
            guard octet.count == 2, octet.allSatisfy(\.isHexDigit) else { return nil }
        }
        guard let first = UInt8(octets[0], radix: 16), first & 1 == 0 else { return nil }
        return text.uppercased()
    }

    // MARK: user.cfg

    private static let userConfigKinds: Set<Substring> = ["user", "group", "pool", "role", "acl", "token"]

    static func parsePools(_ bytes: [UInt8], warnings: inout [Phrase]) -> [Pool] {
        var issues = InventoryLineIssues(file: userPath)
        var pools: [Pool] = []
        var seen: Set<String> = []
        for (offset, rawLine) in InventoryText.lines(bytes).enumerated() {
            let line = InventoryText.trim(rawLine)
            if line.isEmpty || line.first == "#" { continue }
            let fields = line.split(separator: ":", omittingEmptySubsequences: false)
            guard fields.count >= 2, userConfigKinds.contains(fields[0]) else {
                issues.add(line: offset + 1, "'\(InventoryText.excerpt(line))' is not a user, group, pool, role, acl or token line; ignored")
                continue
            }
            guard fields[0] == "pool" else { continue }
            let id = String(InventoryText.trim(fields[1]))
            guard isValidPoolID(id) else {
                issues.add(line: offset + 1, "pool ID '\(InventoryText.excerpt(Substring(id)))' is not valid; ignored")
                continue
            }
            guard seen.insert(id).inserted else { continue }
            let comment = fields.count > 2 ? PercentEscapes.decode(fields[2]) : ""
            pools.append(Pool(id: id, comment: comment))
        }
        warnings.append(contentsOf: issues.warnings())
        // Parents before their children: compare path components.
        pools.sort { lhs, rhs in
            lhs.id.split(separator: "/").lexicographicallyPrecedes(rhs.id.split(separator: "/"))
        }
        return pools
    }

    /// Up to three levels `a/b/c` of letters, digits, '.', '-', '_'.
    static func isValidPoolID(_ id: String) -> Bool {
        let parts = id.split(separator: "/", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count) else { return false }
        return parts.allSatisfy { part in
            !part.isEmpty && part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-" || $0 == "_") }
        }
    }

    // MARK: /proc

    /// Logical CPUs: the number of `processor : N` lines.
    static func countProcessors(_ bytes: [UInt8]) -> Int {
        var count = 0
        var atLineStart = true
        let word = Array("processor".utf8)
        var i = 0
        let n = bytes.count
        while i < n {
            if atLineStart, bytes[i] == word[0], i + word.count < n {
                var match = true
                for j in 1..<word.count where bytes[i + j] != word[j] {
                    match = false
                    break
                }
                if match {
                    var k = i + word.count
                    while k < n, bytes[k] == 0x20 || bytes[k] == 0x09 { k += 1 }
                    if k < n, bytes[k] == UInt8(ascii: ":") { count += 1 }
                }
            }
            atLineStart = bytes[i] == 0x0A
            i += 1
        }
        return count
    }

    struct Memory {
        var totalMiB: Int
        var availableMiB: Int
    }

    /// MemTotal and MemAvailable (kB) in MiB; without MemAvailable (old kernels) free+buffers+cached.
    static func parseMeminfo(_ bytes: [UInt8]) -> Memory? {
        var values: [Substring: Int] = [:]
        for line in InventoryText.lines(bytes) {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon]
            guard key == "MemTotal" || key == "MemAvailable" || key == "MemFree" || key == "Buffers" || key == "Cached" else { continue }
            let (number, _) = InventoryText.firstWord(line[line.index(after: colon)...])
            if let value = Int(number) { values[key] = value }
        }
        guard let total = values["MemTotal"] else { return nil }
        let available = values["MemAvailable"]
            ?? ((values["MemFree"] ?? 0) + (values["Buffers"] ?? 0) + (values["Cached"] ?? 0))
        return Memory(totalMiB: total / 1024, availableMiB: min(available, total) / 1024)
    }

    // MARK: /proc/mounts

    struct Mount {
        var point: String
        var fsType: String
    }

    /// File systems that can hang a readdir when their server is gone.
    static let networkFSTypes: Set<String> = [
        "nfs", "nfs4", "cifs", "smb3", "smbfs", "ceph", "glusterfs", "davfs", "afs", "lustre", "gpfs", "beegfs",
        "ocfs2", "gfs2", "9p", "autofs",
    ]

    /// Network file systems, automounts (which may mount one on first access) and FUSE file systems.
    static func mayBlock(fsType: String) -> Bool {
        networkFSTypes.contains(fsType) || fsType.hasPrefix("fuse.") || fsType == "fuse"
    }

    static func parseMounts(_ bytes: [UInt8]) -> [Mount] {
        var mounts: [Mount] = []
        for line in InventoryText.lines(bytes) {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count >= 3 else { continue }
            mounts.append(Mount(point: unescapeMountField(fields[1]), fsType: String(fields[2])))
        }
        return mounts
    }

    /// `/proc/mounts` writes space, tab, newline and backslash as `\040`, `\011`, `\012`, `\134`.
    static func unescapeMountField(_ field: Substring) -> String {
        guard field.contains("\\") else { return String(field) }
        let utf8 = Array(field.utf8)
        var out: [UInt8] = []
        var i = 0
        while i < utf8.count {
            if utf8[i] == UInt8(ascii: "\\"), i + 3 < utf8.count {
                let digits = utf8[(i + 1)...(i + 3)]
                if digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x37 }) {
                    let value = digits.reduce(0) { $0 * 8 + Int($1 - 0x30) }
                    if value < 256 {
                        out.append(UInt8(value))
                        i += 4
                        continue
                    }
                }
            }
            out.append(utf8[i])
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The mount whose mount point holds `path` (longest prefix), if any.
    static func mount(containing path: String, in mounts: [Mount]) -> Mount? {
        var best: Mount?
        for mount in mounts {
            let point = mount.point
            let matches = point == "/" || path == point || path.hasPrefix(point.hasSuffix("/") ? point : point + "/")
            if matches, point.count >= (best?.point.count ?? -1) { best = mount }
        }
        return best
    }
}
