import VMWizardPlatform

/// The VM's configuration file as Proxmox writes `/etc/pve/qemu-server/VMID.conf` after creating it:
/// description as leading `#` lines, then `key: value` lines sorted by key, property strings with the volume
/// first and the other keys sorted, flags written as 1/0.
public enum ConfigFile {
    /// What a real registration adds: the MACs, smbios1 and vmgenid that `qm create` would generate.
    public struct Registration: Sendable, Equatable {
        /// NIC index -> MAC address.
        public var macs: [Int: String]
        public var smbiosUUID: String?
        public var vmgenid: String?

        public init(
            macs: [Int: String] = [:],
            smbiosUUID: String? = nil, vmgenid: String? = nil
        ) {
            self.macs = macs
            self.smbiosUUID = smbiosUUID
            self.vmgenid = vmgenid
        }
    }

    /// Keys of the create call that are not config keys.
    static let notInConfig: Set<String> = ["vmid", "pool", "ha-managed", "start", "description"]

    public static func render(_ model: VMModel, registration: Registration? = nil) -> String {
        let params = PVEParameters.build(model, includeStart: false)
        let names = predictedVolumes(model, params: params)
        var lines: [(String, String)] = []
        for param in params where !notInConfig.contains(param.key) {
            var value = param.value
            if isDrive(param.key) {
                value = driveLine(param.key, value, volume: names[param.key])
            } else if param.key.hasPrefix("net"), let index = Int(param.key.dropFirst(3)) {
                value = nicLine(value, mac: registration?.macs[index])
            }
            lines.append((param.key, value))
        }
        if !lines.contains(where: { $0.0 == "boot" }) { lines.append(("boot", BootOrder.effective(model))) }
        if let uuid = registration?.smbiosUUID { lines.append(("smbios1", "uuid=\(uuid)")) }
        if let genid = registration?.vmgenid { lines.append(("vmgenid", genid)) }
        var text = ""
        let notes = model.value(.description)
        if !notes.isEmpty {
            // Like Perl's split, trailing empty lines are dropped.
            var noteLines = notes.split(separator: "\n", omittingEmptySubsequences: false)
            while noteLines.last?.isEmpty == true { noteLines.removeLast() }
            for line in noteLines {
                text += "#" + PercentEscapes.encode(String(line)) + "\n"
            }
        }
        for (key, value) in lines.sorted(by: { $0.0 < $1.0 }) { text += "\(key): \(value)\n" }
        return text
    }

    static func isDrive(_ key: String) -> Bool {
        key == "efidisk0" || key == "tpmstate0" || DiskSlot(configKey: key) != nil
    }

    /// Volume names `qm create` would give the new volumes: per storage `vm-ID-disk-N`, numbered in drive
    /// order (disks, then the EFI and TPM disks); file storages keep them under `ID/` with the format suffix.
    public static func predictedVolumes(_ model: VMModel, params: [PVEParam]) -> [String: String] {
        let vmid = model.value(.vmid)
        let order: [String] = DiskBus.bootSearchOrder.flatMap { bus in (0..<bus.slots).map { "\(bus.rawValue)\($0)" } }
            + ["efidisk0", "tpmstate0"]
        let byKey = Dictionary(params.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
        var counters: [String: Int] = [:]
        var result: [String: String] = [:]
        for key in order {
            guard let value = byKey[key] else { continue }
            let drive = PropertyString.parse(value)
            guard let head = drive.head, drive.value("media") != "cdrom", let colon = head.firstIndex(of: ":") else { continue }
            let storage = String(head[..<colon])
            let number = counters[storage, default: 0]
            counters[storage] = number + 1
            let name = "vm-\(vmid)-disk-\(number)"
            if let info = model.host.storage(storage), fileBasedTypes.contains(info.type) {
                let format = drive.value("format") ?? info.defaultFormat
                result[key] = "\(storage):\(vmid)/\(name).\(format)"
            } else {
                result[key] = "\(storage):\(name)"
            }
        }
        return result
    }

    static let fileBasedTypes: Set<String> = ["dir", "nfs", "cifs", "glusterfs", "btrfs", "cephfs"]

    /// A drive as the config holds it after allocation: the volume first, the remaining keys sorted, flags as
    /// 1/0, and the allocation-only keys (format, import-from, the GiB size) replaced by the volume's size.
    static func driveLine(_ key: String, _ value: String, volume: String?) -> String {
        var drive = PropertyString.parse(value)
        if drive.value("media") == "cdrom" { return value }
        let requested = drive.head.flatMap { $0.split(separator: ":").last }.map(String.init)
        drive.head = volume ?? drive.head
        var pairs = drive.pairs.filter { $0.key != "import-from" && $0.key != "format" }.map { pair -> (key: String, value: String) in
            switch (pair.key, pair.value) {
            case ("discard", _): return pair
            case (_, "on"): return (pair.key, "1")
            case ("replicate", "no"): return (pair.key, "0")
            default: return pair
            }
        }
        // New pre-enrolled EFI vars carry the 2023 Microsoft certificates.
        if key == "efidisk0", drive.value("pre-enrolled-keys") == "1" { pairs.append(("ms-cert", "2023k")) }
        let sizeText: String?
        if key == "efidisk0" || key == "tpmstate0" {
            sizeText = "4M"
        } else if let requested, requested != "0", let gib = Double(requested) {
            sizeText = formatSize(gib: gib)
        } else {
            sizeText = nil
        }
        if let sizeText { pairs.append(("size", sizeText)) }
        drive.pairs = pairs.sorted { $0.key < $1.key }
        return drive.text
    }

    /// Proxmox's size notation: whole GiB as "G", else MiB, else KiB.
    static func formatSize(gib: Double) -> String {
        let kib = (gib * 1024 * 1024).rounded()
        if kib.truncatingRemainder(dividingBy: 1024 * 1024) == 0 { return "\(Int(kib / 1024 / 1024))G" }
        if kib.truncatingRemainder(dividingBy: 1024) == 0 { return "\(Int(kib / 1024))M" }
        return "\(Int(kib))K"
    }

    static func nicLine(_ value: String, mac: String?) -> String {
        var nic = PropertyString.parse(value)
        if let mac, let model = nic.head { nic.head = "\(model)=\(mac)" }
        if nic.head == nil, let first = nic.pairs.first {
            // model=MAC came in as a pair.
            nic.head = "\(first.key)=\(first.value)"
            nic.pairs.removeFirst()
            if let mac, let model = nic.head?.split(separator: "=").first { nic.head = "\(model)=\(mac)" }
        }
        nic.pairs.sort { $0.key < $1.key }
        return nic.text
    }
}
