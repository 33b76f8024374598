/// What cloud images, cloud-init and templates mean for the rest of the VM.
extension VMModel {
    /// The install media is a cloud image, imported as the first disk.
    public var usesCloudImage: Bool { value(.media) == "cloud" }

    /// The volume a download will create (`local:import/debian-13-genericcloud-amd64.qcow2`); nil when the image
    /// is not downloaded.
    public var downloadTarget: String? {
        guard usesCloudImage else { return nil }
        let choice = value(.cloudDownload)
        let name: String
        if let entry = CloudImage.entry(choice) {
            name = entry.fileName
        } else if choice == "url", !value(.cloudURL).isEmpty {
            name = CloudImage.fileName(forURL: value(.cloudURL), format: value(.cloudFormat))
        } else {
            return nil
        }
        return "\(value(.cloudStorage)):import/\(name)"
    }

    /// The download step runs: an image is to be downloaded and is not on the storage yet.
    public var downloadsImage: Bool {
        guard let target = downloadTarget else { return false }
        return ImportImage.exists(target, host: host) != true
    }

    /// The disk is made by importing an image.
    public func importsImage(disk: Int?) -> Bool {
        guard let disk else { return false }
        return !value(.diskImport, item: disk).isEmpty && !selectsExistingVolume(storageField: .diskStorage, item: disk)
    }

    /// The virtual size of the image a disk imports, where vmwizard can read it (for an image still to be
    /// downloaded: the size its project publishes).
    public func importedImageBytes(disk: Int?) -> Int? {
        guard let disk, importsImage(disk: disk) else { return nil }
        let source = value(.diskImport, item: disk)
        if source == downloadTarget, downloadsImage {
            return CloudImage.entry(value(.cloudDownload)).map { Int($0.virtualGiB * 1_073_741_824) }
        }
        return ImportImage.virtualSize(of: source, host: host)
    }

    /// The size an imported disk grows to after the import (`qm disk resize`), in Proxmox's size syntax; nil
    /// when it keeps the image's size.
    public func growSize(disk: Int) -> String? {
        guard importsImage(disk: disk), let size = activeValue(.diskSize, item: disk), !size.isEmpty,
              let kib = DiskSize.kibibytes(fromField: size) else { return nil }
        if let image = importedImageBytes(disk: disk), kib * 1024 <= image { return nil }
        return PVEFormat.isPlainDecimal(size, maxDecimals: 30) ? size + "G" : "\(kib)K"
    }

    /// The SSH keys given for cloud-init.
    public var sshKeys: [SSHPublicKey] { SSHPublicKey.parseList(value(.ciSSHKeys)).keys }

    /// Adds keys (once each) or, with `remove`, takes one out; the field keeps one key per line.
    public mutating func changeSSHKeys(adding added: [SSHPublicKey] = [], removing removed: SSHPublicKey? = nil) {
        var keys = sshKeys.filter { $0.blob != removed?.blob }
        for key in added where !keys.contains(where: { $0.blob == key.blob }) { keys.append(key) }
        set(.ciSSHKeys, to: keys.map(\.line).joined(separator: "\n"))
    }

    /// Cloud-init settings are written (a cloud-init drive is added).
    public var cloudInitActive: Bool { flag(.ciAdd) }

    /// Where the cloud-init drive goes, as the web UI places a CD drive: the install CD's slot when it is free,
    /// else the first free IDE, SCSI, then SATA slot.
    public var cloudInitSlot: DiskSlot? {
        if let given = userValue(.ciSlot).flatMap(DiskSlot.init(configKey:)) { return given }
        return automaticCloudInitSlot
    }

    /// Slots the disks and the CD drives use.
    public var slotsTakenByOtherDrives: Set<DiskSlot> {
        var used = Set(diskSlots.compactMap { $0 })
        if installCDPresent { used.insert(installCDSlot) }
        if virtioDriverDriveActive { used.insert(.driverCD) }
        return used
    }

    /// Where the web UI puts the drive: the install CD's slot if free, else the first free IDE, SCSI, SATA slot.
    public var automaticCloudInitSlot: DiskSlot? {
        let used = slotsTakenByOtherDrives
        if !used.contains(installCDSlot) { return installCDSlot }
        for bus in [DiskBus.ide, .scsi, .sata] where guestArch.buses.contains(bus) {
            for number in 0..<bus.slots where !used.contains(DiskSlot(bus, number)) { return DiskSlot(bus, number) }
        }
        return nil
    }

    /// Drives `qm template` leaves as ordinary volumes: their storage has no base images (thick LVM, iSCSI).
    public var templateIncapableDrives: [String] {
        let capable: Set<String> = ["dir", "nfs", "cifs", "glusterfs", "cephfs", "btrfs", "lvmthin", "zfspool", "rbd", "zfs"]
        var keys: [(String, String)] = []
        for (slot, disk) in PVEParameters.orderedDisks(self) { keys.append((slot.configKey, value(.diskStorage, item: disk))) }
        if efiDiskActive { keys.append(("efidisk0", value(.efiStorage))) }
        if tpmActive { keys.append(("tpmstate0", value(.tpmStorage))) }
        return keys.filter { key, storage in !(host.storage(storage).map { capable.contains($0.type) } ?? true) }.map(\.0)
    }

    /// `ipconfigN` of a NIC: only what was chosen, in Proxmox's order (ip, gw, ip6, gw6).
    public func ipconfig(nic: Int) -> String? {
        var parts: [String] = []
        for (key, id) in [("ip", FieldID.netIP), ("gw", .netGW), ("ip6", .netIP6), ("gw6", .netGW6)] {
            if let value = activeValue(id, item: nic), !value.isEmpty { parts.append("\(key)=\(value)") }
        }
        return parts.isEmpty ? nil : parts.joined(separator: ",")
    }
}
