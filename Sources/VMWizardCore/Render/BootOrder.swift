/// Boot order (§3.3, §4.3).
public enum BootOrder {
    /// The first hard disk Proxmox would boot from: searched ide, scsi, virtio, sata.
    static func firstDisk(_ model: VMModel) -> DiskSlot? {
        let slots = model.diskSlots.compactMap { $0 }
        for bus in DiskBus.bootSearchOrder {
            if let slot = slots.filter({ $0.bus == bus }).min() { return slot }
        }
        return nil
    }

    /// The first CD drive in Proxmox's search order: the install CD, or the cloud-init drive (a CD too).
    static func firstCD(_ model: VMModel) -> DiskSlot? {
        var slots: [DiskSlot] = []
        if model.installCDPresent { slots.append(model.installCDSlot) }
        if model.cloudInitActive, let slot = model.cloudInitSlot { slots.append(slot) }
        for bus in DiskBus.bootSearchOrder {
            if let slot = slots.filter({ $0.bus == bus }).min() { return slot }
        }
        return nil
    }

    /// What the wizard sends itself: only with the VirtIO drivers CD, so that the installer boots before the
    /// driver CD: disk, install CD, driver CD, first NIC.
    public static func explicit(_ model: VMModel) -> String? {
        guard model.virtioDriverDriveActive else { return nil }
        var devices = [String]()
        if let disk = firstDisk(model) { devices.append(disk.configKey) }
        if model.installCDPresent { devices.append(model.installCDSlot.configKey) }
        devices.append(DiskSlot.driverCD.configKey)
        if let nic = model.nicNumbers.min() { devices.append("net\(nic)") }
        return "order=" + devices.joined(separator: ";")
    }

    /// What ends up in the config: the explicit order, else Proxmox's own choice (first disk, first CD, first NIC).
    public static func effective(_ model: VMModel) -> String {
        if let explicit = explicit(model) { return explicit }
        var devices = [String]()
        if let disk = firstDisk(model) { devices.append(disk.configKey) }
        if let cd = firstCD(model) { devices.append(cd.configKey) }
        if let nic = model.nicNumbers.min() { devices.append("net\(nic)") }
        // With nothing to boot from, Proxmox writes an empty boot line.
        return devices.isEmpty ? "" : "order=" + devices.joined(separator: ";")
    }
}
