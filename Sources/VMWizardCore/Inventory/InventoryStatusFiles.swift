import VMWizardPlatform

/// Parsers for the files pmxcfs generates under /etc/pve: `.vmlist`, `.members`, `.rrd`.
enum InventoryStatusFiles {
    static let vmlistPath = "etc/pve/.vmlist"
    static let membersPath = "etc/pve/.members"
    static let rrdPath = "etc/pve/.rrd"

    // MARK: .vmlist

    /// Guest IDs cluster-wide. With no guests pmxcfs writes only `{"version": N}` (no "ids").
    /// Streams over the JSON without building a tree: this file can hold tens of thousands of entries.
    static func parseVMList(_ bytes: [UInt8], warnings: inout [Phrase]) -> [Int: Guest] {
        let file = vmlistPath
        var guests: [Int: Guest] = [:]
        var badKeys = 0
        var firstBadKey: String?
        var badEntries: [Int] = []
        var unknownTypes: [Int] = []
        var idsNotObject = false
        do {
            try InventoryJSON.withParser(bytes) { (parser: inout InventoryJSON.Parser) throws(InventoryJSON.ParseError) in
                parser.skipWhitespace()
                if parser.index >= parser.bytes.count { throw InventoryJSON.ParseError(message: "the file is empty") }
                if !parser.atObject() {
                    throw InventoryJSON.ParseError(message: "expected a JSON object at the top")
                }
                try parser.beginObject()
                var first = true
                while let key = try parser.nextKey(first: &first) {
                    guard parser.equals(key.range, "ids") else {
                        try parser.skipValue()
                        continue
                    }
                    guard parser.atObject() else {
                        idsNotObject = true
                        try parser.skipValue()
                        continue
                    }
                    // Node names repeat thousands of times: decode each distinct one once.
                    var nodeNames: [([UInt8], String)] = []
                    guests.reserveCapacity(max(16, bytes.count / 56))
                    try parser.beginObject()
                    var firstID = true
                    while let idKey = try parser.nextKey(first: &firstID) {
                        guard !idKey.escaped, let vmid = vmid(parser.bytes, idKey.range) else {
                            badKeys += 1
                            if firstBadKey == nil { firstBadKey = try parser.string(idKey) }
                            try parser.skipValue()
                            continue
                        }
                        guard parser.atObject() else {
                            badEntries.append(vmid)
                            guests[vmid] = Guest(node: "", kind: .qemu)
                            try parser.skipValue()
                            continue
                        }
                        var node = ""
                        var kind: Guest.Kind?
                        try parser.beginObject()
                        var firstField = true
                        while let field = try parser.nextKey(first: &firstField) {
                            if parser.equals(field.range, "node"), parser.atString() {
                                let token = try parser.scanString()
                                if let cached = nodeNames.first(where: { parser.bytesEqual(token.range, $0.0) }) {
                                    node = cached.1
                                } else {
                                    node = try parser.string(token)
                                    if !token.escaped {
                                        nodeNames.append((Array(UnsafeBufferPointer(rebasing: parser.bytes[token.range])), node))
                                    }
                                }
                            } else if parser.equals(field.range, "type"), parser.atString() {
                                let token = try parser.scanString()
                                if parser.equals(token.range, "qemu") {
                                    kind = .qemu
                                } else if parser.equals(token.range, "lxc") {
                                    kind = .lxc
                                } else {
                                    kind = Guest.Kind(rawValue: try parser.string(token))
                                }
                            } else {
                                try parser.skipValue()
                            }
                        }
                        if kind == nil { unknownTypes.append(vmid) }
                        if node.isEmpty { badEntries.append(vmid) }
                        // The ID is taken whatever the entry says; keep it so the next free ID skips it.
                        guests[vmid] = Guest(node: node, kind: kind ?? .qemu)
                    }
                }
                try parser.finishDocument()
            }
        } catch {
            warnings.append(InventoryJSON.invalid(file, error, "guest IDs may be incomplete"))
            return guests
        }
        if idsNotObject {
            warnings.append("\(file): \"ids\" is not an object; guest IDs may be incomplete")
        }
        if badKeys > 0 {
            warnings.append("\(file): ignored \(badKeys) entry(ies) whose key is not a guest ID (e.g. \"\(InventoryText.excerpt(Substring(firstBadKey ?? ""), limit: 20))\")")
        }
        if let example = badEntries.min() {
            warnings.append("\(file): \(badEntries.count) guest entry(ies) without a node (e.g. \(example)); their IDs still count as used")
        }
        if let example = unknownTypes.min() {
            warnings.append("\(file): \(unknownTypes.count) guest(s) of unknown type (e.g. \(example)); listed as qemu, their IDs still count as used")
        }
        return guests
    }

    /// Decimal VMID key straight from the bytes: digits only, no leading zero, at most 9 digits.
    private static func vmid(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        guard !range.isEmpty, range.count <= 9, bytes[range.lowerBound] != UInt8(ascii: "0") else { return nil }
        var value = 0
        for i in range {
            let byte = bytes[i]
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return value
    }

    // MARK: .members

    struct Members {
        var nodeName: String?
        var clusterName: String?
        var quorate = true
        /// Node name -> online; empty on a standalone node.
        var nodes: [(name: String, online: Bool)] = []
    }

    static func parseMembers(_ bytes: [UInt8], warnings: inout [Phrase]) -> Members? {
        let file = membersPath
        guard let top = InventoryJSON.parseObject(bytes, file: file, consequence: "cluster nodes and quorum unknown",
                                                  warnings: &warnings) else { return nil }
        var members = Members()
        if let name = top["nodename"]?.stringValue, !name.isEmpty {
            members.nodeName = shortNodeName(name)
        }
        if let cluster = top["cluster"]?.objectValue {
            members.clusterName = cluster["name"]?.stringValue
            if let quorate = cluster["quorate"]?.flagValue { members.quorate = quorate }
        }
        if let list = top["nodelist"]?.objectValue {
            for (name, info) in list {
                let online = info["online"]?.flagValue ?? false
                members.nodes.append((name, online))
            }
            members.nodes.sort { $0.name < $1.name }
        } else if top["nodelist"] != nil {
            warnings.append("\(file): \"nodelist\" is not an object; other cluster nodes unknown")
        }
        return members
    }

    /// PVE's node name: everything before the first dot.
    static func shortNodeName(_ name: String) -> String {
        let trimmed = InventoryText.trim(name)
        if let dot = trimmed.firstIndex(of: ".") { return String(trimmed[..<dot]) }
        return trimmed
    }

    // MARK: .rrd

    struct RRDStorage {
        var ctime: Int
        var total: Int64?
        var used: Int64?
    }

    struct RRDNode {
        var ctime: Int
        var maxCPU: Int?
        var memTotalBytes: Int64?
    }

    struct RRD {
        /// Key "<node>/<storage>", only fresh entries.
        var storages: [String: RRDStorage] = [:]
        /// Key: node name, only fresh entries.
        var nodes: [String: RRDNode] = [:]
    }

    /// Seconds an entry may lag behind the newest one before it counts as stale (pmxcfs drops
    /// entries after the same interval).
    static let rrdStaleAfter = 300

    /// Parses the `.rrd` dump: `<key>:<field>:<field>...` lines, ending with a NUL byte.
    /// Storage keys `pve2-storage/<node>/<id>` or `pve-storage-9.0/<node>/<id>`: ctime, total, used.
    /// Node keys `pve2-node/<node>` or `pve-node-9.0/<node>`: uptime, sublevel, ctime, loadavg,
    /// maxcpu, cpu, iowait, memtotal, memused, ...
    static func parseRRD(_ bytes: [UInt8], warnings: inout [Phrase]) -> RRD {
        let file = rrdPath
        var end = bytes.count
        var terminated = false
        if let nul = bytes.firstIndex(of: 0) {
            end = nul
            terminated = true
        }
        var storages: [String: RRDStorage] = [:]
        var nodes: [String: RRDNode] = [:]
        var malformed = 0
        var firstMalformed: String?
        var newest = 0

        var lineStart = 0
        var lines: [Range<Int>] = []
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            while lineStart < end {
                guard let hit = memchr(base + lineStart, 0x0A, end - lineStart) else { break }
                let newline = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
                // Guest lines are the bulk of the dump and not needed here: drop them early.
                let guestPrefix = "pve2.3-vm/"
                let isGuestLine = newline - lineStart > guestPrefix.utf8.count
                    && memcmp(base + lineStart, guestPrefix, guestPrefix.utf8.count) == 0
                if !isGuestLine { lines.append(lineStart..<newline) }
                lineStart = newline + 1
            }
        }
        var truncatedTail = false
        if lineStart < end {
            // Text after the last newline is complete only when the NUL terminator follows.
            if terminated { lines.append(lineStart..<end) } else { truncatedTail = true }
        }

        for range in lines where !range.isEmpty {
            let line = bytes[range]
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else {
                malformed += 1
                if firstMalformed == nil { firstMalformed = InventoryText.excerpt(Substring(String(decoding: line, as: UTF8.self))) }
                continue
            }
            let key = line[range.lowerBound..<colon]
            let kind: Int  // 1 storage, 2 node, 0 other
            let nameStart: Int
            if let offset = matchPrefix(key, "pve2-storage/") ?? matchPrefix(key, "pve-storage-9.0/") {
                kind = 1
                nameStart = offset
            } else if let offset = matchPrefix(key, "pve2-node/") ?? matchPrefix(key, "pve-node-9.0/") {
                kind = 2
                nameStart = offset
            } else {
                continue
            }
            let fields = line[(colon + 1)...].split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false)
            let name = String(decoding: bytes[nameStart..<colon], as: UTF8.self)
            if kind == 1 {
                guard fields.count >= 3, let ctime = integer(fields[0]).map({ Int($0) }), name.contains("/") else {
                    malformed += 1
                    if firstMalformed == nil { firstMalformed = InventoryText.excerpt(Substring(String(decoding: line, as: UTF8.self))) }
                    continue
                }
                newest = max(newest, ctime)
                let entry = RRDStorage(ctime: ctime, total: integer(fields[1]), used: integer(fields[2]))
                if let existing = storages[name], existing.ctime >= ctime { continue }
                storages[name] = entry
            } else {
                guard fields.count >= 8, let ctime = integer(fields[2]).map({ Int($0) }) else {
                    malformed += 1
                    if firstMalformed == nil { firstMalformed = InventoryText.excerpt(Substring(String(decoding: line, as: UTF8.self))) }
                    continue
                }
                newest = max(newest, ctime)
                let entry = RRDNode(ctime: ctime, maxCPU: integer(fields[4]).map { Int($0) }, memTotalBytes: integer(fields[7]))
                if let existing = nodes[name], existing.ctime >= ctime { continue }
                nodes[name] = entry
            }
        }

        if !terminated && !bytes.isEmpty {
            warnings.append(truncatedTail
                ? "\(file): the dump does not end with its NUL terminator, so it may be truncated; its last, incomplete line was ignored"
                : "\(file): the dump does not end with its NUL terminator, so it may be truncated")
        }
        if malformed > 0 {
            warnings.append("\(file): ignored \(malformed) malformed line(s) (e.g. \"\(firstMalformed ?? "")\"); free space may be unknown for some storages")
        }

        let cutoff = newest - rrdStaleAfter
        storages = storages.filter { $0.value.ctime >= cutoff }
        nodes = nodes.filter { $0.value.ctime >= cutoff }
        return RRD(storages: storages, nodes: nodes)
    }

    private static func matchPrefix(_ key: ArraySlice<UInt8>, _ prefix: StaticString) -> Int? {
        let count = prefix.utf8CodeUnitCount
        guard key.count > count else { return nil }
        let base = key.startIndex
        for i in 0..<count where key[base + i] != prefix.utf8Start[i] { return nil }
        return base + count
    }

    /// An integer field; `U` (unknown), empty or garbage give nil. Decimals are truncated.
    private static func integer(_ field: ArraySlice<UInt8>) -> Int64? {
        guard !field.isEmpty else { return nil }
        var value: Int64 = 0
        var digits = 0
        var negative = false
        var index = field.startIndex
        if field[index] == UInt8(ascii: "-") {
            negative = true
            index += 1
        }
        while index < field.endIndex {
            let byte = field[index]
            if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
                let text = String(decoding: field, as: UTF8.self)
                guard let number = Double(text), number.isFinite, abs(number) < 9.0e18 else { return nil }
                return Int64(number)
            }
            guard byte >= 0x30, byte <= 0x39, digits < 18 else { return nil }
            value = value * 10 + Int64(byte - 0x30)
            digits += 1
            index += 1
        }
        guard digits > 0 else { return nil }
        return negative ? -value : value
    }
}
