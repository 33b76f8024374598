/// Proxmox's named value formats (`format => 'pve-…'`), for the settings kept from a template. A format
/// vmwizard has no check for refuses the value rather than letting it through unchecked.
enum SchemaVerifiers {
    /// Nil when `value` passes `format`, else why not.
    static func check(_ format: String, _ value: String) -> Phrase? {
        switch format {
        case "pve-configid":
            return isConfigID(value) ? nil : Phrase("'\(Checks.shown(value))' is not a valid ID (a letter, then letters, digits, - and _)")
        case "pve-storage-id": return PVEFormat.storageID(value)
        case "pve-volume-id": return PVEFormat.volumeID(value)
        case "pve-volume-id-or-qm-path":
            if value == "none" || value == "cdrom" || value.hasPrefix("/") { return value.contains("\n") ? Phrase("a path cannot hold line breaks") : nil }
            return PVEFormat.volumeID(value)
        case "pve-volume-id-or-absolute-path": return PVEFormat.volumeIDOrAbsolutePath(value)
        case "pve-cpuset": return PVEFormat.cpuSet(value)
        case "pve-hotplug-features": return hotplugFeatures(value)
        case "pve-phys-bits": return physBits(value)
        case "disk-size": return DiskSize.bytes(fromProxmox: value) == nil ? Phrase("'\(Checks.shown(value))' is not a size (like 32G or 1024M)") : nil
        case "urlencoded": return isURLEncoded(value) ? nil : Phrase("'\(Checks.shown(value))' is not URL-encoded text")
        case "mac-addr": return PVEFormat.macAddress(value)
        case "pve-bridge-id": return PVEFormat.bridgeID(value)
        case "dns-name": return PVEFormat.dnsName(value)
        case "pve-tag": return PVEFormat.tag(value)
        case "pve-poolid": return PVEFormat.poolID(value)
        case "pve-vmid": return PVEFormat.vmid(value)
        default: return Phrase("vmwizard cannot check the format '\(format)'")
        }
    }

    /// Proxmox's config ID: a letter, then at least one letter, digit, "-" or "_".
    static func isConfigID(_ value: String) -> Bool {
        let bytes = Array(value.utf8)
        guard bytes.count >= 2, let first = bytes.first, WholeMatch.isLetter(first) else { return false }
        return bytes.dropFirst().allSatisfy { WholeMatch.isAlnum($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") }
    }

    /// `0`, `1` (the default set), or a list of network, disk, cpu, memory, usb and cloudinit.
    static func hotplugFeatures(_ value: String) -> Phrase? {
        if value == "0" || value == "1" { return nil }
        let known: Set<String> = ["network", "disk", "cpu", "memory", "usb", "cloudinit"]
        // An empty list is no features, as 0 is.
        for feature in PVEFormat.splitList(value) where !known.contains(feature) {
            return Phrase("'\(Checks.shown(feature))' is not a hotplug feature (network, disk, cpu, memory, usb, cloudinit)")
        }
        return nil
    }

    /// `host` or 8 to 64 (at most two digits).
    static func physBits(_ value: String) -> Phrase? {
        if value == "host" { return nil }
        guard (1...2).contains(value.count), value.allSatisfy(\.isASCIIDigit), let bits = Int(value), (8...64).contains(bits) else {
            return Phrase("the physical address bits are 8 to 64, or host")
        }
        return nil
    }

    static func isURLEncoded(_ value: String) -> Bool {
        value.utf8.allSatisfy { WholeMatch.isAlnum($0) || "-%_.!~*'()".utf8.contains($0) }
    }
}
