import VMWizardPlatform

/// Bridges from `/etc/network/interfaces` (or the pending `.new` copy) and SDN vnets from
/// `/etc/pve/sdn/.running-config`.
enum InventoryNetworkFiles {
    static let interfacesPath = "etc/network/interfaces"
    static let pendingInterfacesPath = "etc/network/interfaces.new"
    static let sdnRunningPath = "etc/pve/sdn/.running-config"

    struct BridgeStanza {
        var name: String
        var kind: Bridge.Kind
        var comment: String
        var vlanAware: Bool
    }

    private struct Stanza {
        var name: String
        var options: [String: String] = [:]
        var comments: [String] = []
    }

    /// Words that end the current stanza (ifupdown2 syntax).
    private static func isStanzaKeyword(_ word: Substring) -> Bool {
        switch word {
        case "iface", "auto", "mapping", "source", "source-directory", "source-dir", "rename": return true
        default: return word.hasPrefix("allow-")
        }
    }

    /// Linux bridges (`bridge-ports`/`bridge_ports`, even `none`) and OVS bridges (`ovs_type OVSBridge`),
    /// in file order. `#` lines inside a stanza become its comment (joined with a space).
    static func parseInterfaces(_ bytes: [UInt8], file: String, warnings: inout [Phrase]) -> [BridgeStanza] {
        var stanzas: [Stanza] = []
        var indexByName: [String: Int] = [:]
        var current: Int?
        var inOtherStanza = false
        var issues = InventoryLineIssues(file: file)

        for (offset, rawLine) in InventoryText.lines(bytes).enumerated() {
            let number = offset + 1
            let line = InventoryText.trim(rawLine)
            if line.isEmpty { continue }
            if line.first == "#" {
                if let index = current {
                    let text = InventoryText.trim(line.dropFirst())
                    if !text.isEmpty { stanzas[index].comments.append(String(text)) }
                }
                continue
            }
            let (word, rest) = InventoryText.firstWord(line)
            if isStanzaKeyword(word) {
                current = nil
                inOtherStanza = word == "mapping"
                guard word == "iface" else { continue }
                let (name, _) = InventoryText.firstWord(rest)
                guard !name.isEmpty else {
                    issues.add(line: number, "'iface' without an interface name; ignored")
                    inOtherStanza = true
                    continue
                }
                // "iface vmbr0 inet ..." and "iface vmbr0 inet6 ..." describe the same interface.
                let key = String(name)
                if let index = indexByName[key] {
                    current = index
                } else {
                    stanzas.append(Stanza(name: key))
                    indexByName[key] = stanzas.count - 1
                    current = stanzas.count - 1
                }
                continue
            }
            if let index = current {
                stanzas[index].options[String(word)] = String(rest)
            } else if !inOtherStanza {
                issues.add(line: number, "'\(InventoryText.excerpt(line))' is outside any iface stanza; ignored")
            }
        }
        warnings.append(contentsOf: issues.warnings())

        var bridges: [BridgeStanza] = []
        for stanza in stanzas {
            let options = stanza.options
            let kind: Bridge.Kind
            if (options["ovs_type"] ?? "").caseInsensitiveCompare("OVSBridge") == .orderedSame {
                kind = .ovs
            } else if options["bridge-ports"] != nil || options["bridge_ports"] != nil {
                kind = .linux
            } else {
                continue
            }
            let vlanValue = options["bridge-vlan-aware"] ?? options["bridge_vlan_aware"]
            let vlanAware = vlanValue.map { InventoryText.flag(Substring($0)) == true && !$0.isEmpty } ?? false
            bridges.append(BridgeStanza(
                name: stanza.name, kind: kind, comment: stanza.comments.joined(separator: " "), vlanAware: vlanAware
            ))
        }
        return bridges
    }

    /// Vnets deployed by SDN whose zone is open to `node` (no `nodes`, or `node` among them).
    static func parseSDN(_ bytes: [UInt8], node: String, warnings: inout [Phrase]) -> [Bridge] {
        let file = sdnRunningPath
        guard let top = InventoryJSON.parseObject(bytes, file: file, consequence: "SDN vnets are not listed",
                                                  warnings: &warnings) else { return [] }
        guard let vnets = top["vnets"]?["ids"]?.objectValue else { return [] }
        let zones = top["zones"]?["ids"]?.objectValue ?? [:]
        var result: [Bridge] = []
        var unknownZones: [String] = []
        for (name, vnet) in vnets {
            guard let zoneID = vnet["zone"]?.stringValue, !zoneID.isEmpty else { continue }
            guard let zone = zones[zoneID] else {
                unknownZones.append("\(name) (zone \(zoneID))")
                continue
            }
            if let allowed = nodeSet(zone["nodes"]), !allowed.isEmpty, !allowed.contains(node) { continue }
            result.append(Bridge(
                name: name, kind: .vnet, comment: vnet["alias"]?.stringValue ?? "", active: true,
                vlanAware: vnet["vlanaware"]?.flagValue ?? false, pending: false, zone: zoneID
            ))
        }
        if !unknownZones.isEmpty {
            warnings.append("\(file): vnet(s) in a zone that is not defined were skipped: \(unknownZones.sorted().joined(separator: ", "))")
        }
        return result
    }

    /// `nodes` of a zone: a "a,b" string, an array of names, or an object keyed by name.
    static func nodeSet(_ value: InventoryJSON.Value?) -> Set<String>? {
        guard let value else { return nil }
        switch value {
        case .string(let text): return Set(InventoryText.splitList(Substring(text)))
        case .array(let items): return Set(items.compactMap(\.stringValue))
        case .object(let members):
            return Set(members.filter { $0.value.flagValue ?? true }.keys)
        case .null: return nil
        default: return []
        }
    }
}
