import VMWizardPlatform

/// The VM's configuration file as Proxmox writes `/etc/pve/qemu-server/VMID.conf` after `qm create`: the
/// description as leading `#` lines, then `key: value` lines sorted by key, property strings with the volume
/// first and the other keys sorted, flags as 1/0; new volumes named and sized as the allocation would; tags,
/// CPU units and the machine of a Windows guest stored the way Proxmox stores them.
public enum ConfigFile {
    /// What a real registration adds: the MACs, smbios1, vmgenid and meta line that `qm create` would generate.
    public struct Registration: Sendable, Equatable {
        /// NIC key ("net0") or index -> MAC address.
        public var macs: [Int: String]
        public var smbiosUUID: String?
        public var vmgenid: String?
        /// `meta: creation-qemu=…,ctime=…`: the QEMU version and the creation time (seconds since 1970).
        public var creationTime: Int?

        public init(
            macs: [Int: String] = [:],
            smbiosUUID: String? = nil, vmgenid: String? = nil, creationTime: Int? = nil
        ) {
            self.macs = macs
            self.smbiosUUID = smbiosUUID
            self.vmgenid = vmgenid
            self.creationTime = creationTime
        }
    }

    /// Keys of the create call that are not config keys.
    static let notInConfig: Set<String> = ["vmid", "pool", "ha-managed", "start", "description"]

    public static func render(_ model: VMModel, registration: Registration? = nil) -> String {
        let params = PVEParameters.build(model, includeStart: false)
        let names = predictedVolumes(model, params: params)
        var lines: [(String, String)] = []
        let keptAsIs = Set(model.draft.activeKept.filter { !$0.isOptions }.map(\.key))
        for param in params where !notInConfig.contains(param.key) {
            var value = param.value
            if keptAsIs.contains(param.key) {
                // Kept from the template as it was (a passed-through disk, another CD, a device).
            } else if isDrive(param.key) {
                value = driveLine(param.key, value, volume: names[param.key], model: model)
            } else if param.key.hasPrefix("net"), let index = Int(param.key.dropFirst(3)) {
                value = nicLine(value, mac: registration?.macs[index])
            } else if param.key == "tags" {
                value = storedTags(value)
            } else if param.key == "cpuunits", let units = Int(value) {
                value = String(OptionCatalog.cpuUnitsClamped(units, cgroupVersion: model.host.cgroupVersion))
            } else if param.key == "machine" {
                value = pinnedMachine(value, model: model) ?? value
            }
            lines.append((param.key, value))
        }
        if !lines.contains(where: { $0.0 == "machine" }), let pinned = pinnedMachine("", model: model) {
            lines.append(("machine", pinned))
        }
        if !lines.contains(where: { $0.0 == "boot" }) { lines.append(("boot", BootOrder.effective(model))) }
        if model.flag(.template) {
            // qm template turns the volumes that can be base images into them (vm-… becomes base-…).
            let plain = Set(model.templateIncapableDrives)
            lines = lines.map { key, value in
                guard isDrive(key), !plain.contains(key), !value.contains("media=cdrom"), let volume = names[key] else { return (key, value) }
                return (key, value.replacingOccurrences(of: volume, with: baseVolume(volume)))
            }
            lines.append(("template", "1"))
        }
        if let uuid = registration?.smbiosUUID { lines.append(("smbios1", "uuid=\(uuid)")) }
        if let genid = registration?.vmgenid { lines.append(("vmgenid", genid)) }
        if let time = registration?.creationTime, let qemu = model.host.qemuVersion {
            lines.append(("meta", "creation-qemu=\(qemu),ctime=\(time)"))
        }
        var text = descriptionLines(model.value(.description)).map { $0 + "\n" }.joined()
        for (key, value) in lines.sorted(by: { $0.0 < $1.0 }) { text += "\(key): \(value)\n" }
        return text
    }

    // MARK: Description

    /// The description as Proxmox keeps it: it writes the lines of the text and, reading them back, drops the
    /// white space at the end (spaces, tabs, line breaks, CR).
    public static func storedDescription(_ text: String) -> String {
        var scalars = text.unicodeScalars[...]
        while let last = scalars.last, Whitespace.isSpaceOrNewline(last) { scalars = scalars.dropLast() }
        return String(String.UnicodeScalarView(scalars))
    }

    /// `#` comment lines, one per line of the stored description; none for an empty one (or just "0", which
    /// Proxmox's writer drops).
    public static func descriptionLines(_ text: String) -> [String] {
        let stored = storedDescription(text)
        if stored.isEmpty || stored == "0" { return [] }
        // Split on line feeds alone: a CR stays in its line (Proxmox writes it as %0D), and "\r\n" is one
        // Character in Swift, so the split goes by scalars.
        return stored.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
            .map { "#" + PercentEscapes.encode(String(String.UnicodeScalarView($0))) }
    }

    // MARK: Stored forms

    /// Tags as Proxmox stores them on create (default tag style): lower case, sorted, duplicates dropped, joined
    /// with ";".
    public static func storedTags(_ text: String) -> String {
        var seen = Set<String>()
        return PVEFormat.splitList(text).map { $0.lowercased() }.sorted().filter { seen.insert($0).inserted }
            .joined(separator: ";")
    }

    /// The machine type Proxmox stores for a Windows guest: `pc`/`q35` (or nothing) pinned to the node's QEMU
    /// machine version, e.g. `pc-q35-10.0+pve1`; nil when nothing is pinned (not Windows, already versioned, or
    /// the node's QEMU version is unknown).
    public static func pinnedMachine(_ machine: String, model: VMModel) -> String? {
        guard OSDefaults.isWindows(model.value(.ostype)), let qemu = model.host.qemuVersion else { return nil }
        let parts = machine.split(separator: ",", maxSplits: 1, omittingEmptySubsequences: false)
        var type = parts.first.map(String.init) ?? ""
        var rest = parts.count > 1 ? "," + parts[1] : ""
        // Options without a type (`viommu=virtio`): the type is the default machine, pinned like `pc`.
        if type.contains("=") {
            rest = "," + machine
            type = ""
        }
        guard ["", "pc", "q35"].contains(type), let version = MachineVersions.pinned(qemuVersion: qemu) else { return nil }
        return (type == "q35" ? "pc-q35-" : "pc-i440fx-") + version + rest
    }

    // MARK: Volumes

    static func isDrive(_ key: String) -> Bool {
        key == "efidisk0" || key == "tpmstate0" || DiskSlot(configKey: key) != nil
    }

    /// `STORAGE:SIZE`, which asks `qm create` for a new volume (qemu-server's NEW_DISK_RE); anything else names an
    /// existing volume, used as it is.
    static func isNewVolume(_ head: String) -> Bool {
        guard let colon = head.firstIndex(of: ":") else { return false }
        return PVEFormat.isPlainDecimal(String(head[head.index(after: colon)...]), maxDecimals: 30)
    }

    /// `local-lvm:vm-103-disk-0` → `local-lvm:base-103-disk-0`; `local:103/vm-103-disk-0.qcow2` likewise.
    static func baseVolume(_ volume: String) -> String {
        // The name is the last part of the volume (after the storage and, on folders, the VM ID).
        let cut = volume.lastIndex { $0 == ":" || $0 == "/" }.map { volume.index(after: $0) } ?? volume.startIndex
        let name = volume[cut...]
        return name.hasPrefix("vm-") ? volume[..<cut] + "base-" + name.dropFirst(3) : volume
    }

    static let fileBasedTypes: Set<String> = ["dir", "nfs", "cifs", "glusterfs", "btrfs", "cephfs"]

    /// Volume names `qm create` would give the new volumes: it allocates them in the order of the sorted drive
    /// keys (`efidisk0`, `ide0`, …, `scsi0`, `scsi1`, `scsi10`, …, `tpmstate0`, `virtio0`, …), each taking the first
    /// free `vm-ID-disk-N` on its storage; file storages keep them as `ID/vm-ID-disk-N.FORMAT` and count per
    /// format. A prediction: volumes left on the storage by an earlier VM with the same ID would shift the numbers.
    public static func predictedVolumes(_ model: VMModel, params: [PVEParam]) -> [String: String] {
        let vmid = model.value(.vmid)
        var counters: [String: Int] = [:]
        var result: [String: String] = [:]
        for param in params.sorted(by: { $0.key < $1.key }) where isDrive(param.key) {
            let drive = PropertyString.parse(param.value)
            guard let head = drive.head, drive.value("media") != "cdrom", isNewVolume(head), let colon = head.firstIndex(of: ":") else { continue }
            let storage = String(head[..<colon])
            let info = model.host.storage(storage)
            let fileBased = info.map { fileBasedTypes.contains($0.type) } ?? false
            let format = drive.value("format") ?? info?.defaultFormat ?? "raw"
            let counter = fileBased ? "\(storage)/\(format)" : storage
            let number = counters[counter, default: 0]
            counters[counter] = number + 1
            let name = "vm-\(vmid)-disk-\(number)"
            result[param.key] = fileBased ? "\(storage):\(vmid)/\(name).\(format)" : "\(storage):\(name)"
        }
        return result
    }

    /// The size Proxmox records for a new EFI vars disk: the allocated size, which depends on the storage (the
    /// 528 KiB 4m vars file as is on file storages, rounded up to an LVM extent or a ZFS/Ceph block elsewhere).
    /// ARM's vars file (AAVMF_VARS.fd, efitype ignored) is QEMU's 64 MiB flash size, a whole number of LVM
    /// extents and ZFS/Ceph blocks, so every storage records the same size.
    static let efiDiskSizeARM = "64M"

    static func efiDiskSize(_ drive: PropertyString, storageType: String?) -> String {
        switch storageType {
        case "lvm", "lvmthin": return "4M"
        case "zfspool", "zfs", "rbd": return "1M"
        default: return drive.value("efitype") == "4m" ? "528K" : "128K"
        }
    }

    /// A drive as the config holds it after allocation: the volume first, the remaining keys sorted, flags as
    /// 1/0, and the allocation-only keys (format, import-from, the GiB size) replaced by the volume's size.
    static func driveLine(_ key: String, _ value: String, volume: String?, model: VMModel) -> String {
        var drive = PropertyString.parse(value)
        if drive.value("media") == "cdrom" { return value }
        if let head = drive.head, head.hasSuffix(":cloudinit") { return cloudInitLine(head, model: model) }
        if let head = drive.head, !isNewVolume(head) { return existingDriveLine(drive, model: model) }
        let requested = drive.head.flatMap { $0.split(separator: ":").last }.map(String.init)
        let storage = drive.head.flatMap { $0.split(separator: ":").first }.map(String.init)
        let storageType = storage.flatMap { model.host.storage($0)?.type }
        let importSource = drive.value("import-from")
        drive.head = volume ?? drive.head
        var pairs = storedFlags(drive.pairs.filter { $0.key != "import-from" && $0.key != "format" })
        // New pre-enrolled 4m EFI vars carry the 2023 Microsoft certificates; ARM's pre-enrolled vars are taken
        // to carry them too (same firmware build; not confirmed on an ARM node).
        let arm = model.guestArch == .aarch64
        if key == "efidisk0", drive.value("pre-enrolled-keys") == "1", drive.value("efitype") == "4m" || arm {
            pairs.append(("ms-cert", "2023k"))
        }
        let sizeText: String?
        if key == "efidisk0" {
            sizeText = arm ? efiDiskSizeARM : efiDiskSize(drive, storageType: storageType)
        } else if key == "tpmstate0" {
            sizeText = "4M"
        } else if let importSource {
            // The imported disk is as large as its image (when vmwizard can read the image's header), or as
            // large as it grows to afterwards.
            let grown = DiskSlot(configKey: key).flatMap { slot in
                PVEParameters.orderedDisks(model).first { $0.slot == slot }.flatMap { model.growSize(disk: $0.disk) }
            }
            sizeText = grown.flatMap(DiskSize.kibibytes(fromField:)).map { DiskSize.proxmoxText(bytes: $0 * 1024) }
                ?? ImportImage.virtualSize(of: importSource, host: model.host).map { DiskSize.proxmoxText(bytes: $0) }
        } else if let requested, requested != "0", let kib = DiskSize.kibibytes(fromField: requested) {
            sizeText = DiskSize.proxmoxText(bytes: kib * 1024)
        } else {
            sizeText = nil
        }
        if let sizeText { pairs.append(("size", sizeText)) }
        drive.pairs = pairs.sorted { $0.key < $1.key }
        return drive.text
    }

    /// The cloud-init drive as `qm create` makes it: `vm-ID-cloudinit`, qcow2 on storages with a path (and on
    /// LVM with volume chains), raw elsewhere; a CD-ROM without a size.
    static func cloudInitLine(_ head: String, model: VMModel) -> String {
        let storage = String(head.dropLast(":cloudinit".count))
        let vmid = model.value(.vmid)
        let info = model.host.storage(storage)
        let name = "vm-\(vmid)-cloudinit"
        if let info, fileBasedTypes.contains(info.type) { return "\(storage):\(vmid)/\(name).qcow2,media=cdrom" }
        if info?.type == "lvm", info?.defaultFormat == "qcow2" { return "\(storage):\(name).qcow2,media=cdrom" }
        return "\(storage):\(name),media=cdrom"
    }

    /// Drive flags as the config stores them: `on` as 1, `replicate=no` as 0 (discard keeps its word).
    static func storedFlags(_ pairs: [(key: String, value: String)]) -> [(key: String, value: String)] {
        pairs.map { pair in
            switch (pair.key, pair.value) {
            case ("discard", _): return pair
            case (_, "on"): return (pair.key, "1")
            case ("replicate", "no"): return (pair.key, "0")
            default: return pair
            }
        }
    }

    /// An existing volume (an iSCSI LUN) as `qm create` records it: as given, with the size the storage reports
    /// for it; the flags as 1/0 like every drive.
    static func existingDriveLine(_ given: PropertyString, model: VMModel) -> String {
        var drive = given
        var pairs = storedFlags(drive.pairs)
        if let head = drive.head, let storage = head.split(separator: ":").first,
           let size = model.host.existingVolumes[String(storage)]?.volumes?.first(where: { $0.volid == head })?.sizeBytes {
            pairs.append(("size", DiskSize.proxmoxText(bytes: Int(size))))
        }
        drive.pairs = pairs.sorted { $0.key < $1.key }
        return drive.text
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

/// Proxmox's machine versions: Windows guests are pinned to the newest machine version of the installed QEMU,
/// with the newest `+pveN` revision Proxmox defines for it (qemu-server's PVE_MACHINE_VERSION).
public enum MachineVersions {
    static let revisions: [String: Int] = ["4.1": 2, "9.2": 1, "10.0": 1, "11.0": 2]

    /// `10.0+pve1` for QEMU `10.0.2`; nil for a version that is not `major.minor[.patch]`.
    public static func pinned(qemuVersion: String) -> String? {
        let parts = qemuVersion.split(separator: ".")
        guard parts.count >= 2, parts.prefix(2).allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }) else { return nil }
        let version = "\(parts[0]).\(parts[1])"
        return revisions[version].map { "\(version)+pve\($0)" } ?? version
    }
}
