import VMWizardPlatform

/// "Write config": the rendered config file, written atomically and never over an existing file. Inside the
/// node's `/etc/pve/…/qemu-server/` a config registers a real VM, so there it is written only when the VM
/// could start as written.
public struct ConfigWriter: Sendable {
    /// Root of the host's files (`--root`).
    public var root: String

    public init(root: String = "/") { self.root = root }

    /// The VM ID a path registers, when the path is a PVE guest config location.
    public func registeredVMID(for path: String) -> Int? {
        let base = (root.hasSuffix("/") ? String(root.dropLast()) : root) + "/etc/pve/"
        let normalized = PathText.standardized(path)
        guard normalized.hasPrefix(base) else { return nil }
        let relative = normalized.dropFirst(base.count)
        let parts = relative.split(separator: "/")
        let inQemuServer = (parts.count == 2 && parts[0] == "qemu-server")
            || (parts.count == 4 && parts[0] == "nodes" && parts[2] == "qemu-server")
            || (parts.count == 3 && parts[0] == "local" && parts[1] == "qemu-server")
        guard inQemuServer, let file = parts.last, file.hasSuffix(".conf") else {
            return normalized.hasPrefix(base) && normalized.contains("qemu-server") ? -1 : nil
        }
        return Int(file.dropLast(5)) ?? -1
    }

    /// Drives that `qm create` would have to allocate or import: a config file cannot do that.
    public static func volumesToAllocate(_ model: VMModel) -> [String] {
        PVEParameters.build(model, includeStart: false).compactMap { param in
            guard ConfigFile.isDrive(param.key) else { return nil }
            let drive = PropertyString.parse(param.value)
            guard drive.value("media") != "cdrom", let head = drive.head, ConfigFile.isNewVolume(head) else { return nil }
            return param.key
        }
    }

    /// Writes the config; returns the absolute path written.
    public func write(_ model: VMModel, to given: String) throws -> String {
        let path = given.hasPrefix("/") ? given : FileManager.default.currentDirectoryPath + "/" + given
        guard let vmid = registeredVMID(for: path) else {
            try AtomicFile.createExclusive(path, contents: ConfigFile.render(model))
            return path
        }
        return try register(model, at: path, vmidFromPath: vmid)
    }

    func register(_ model: VMModel, at path: String, vmidFromPath: Int) throws -> String {
        let vmid = model.value(.vmid)
        guard vmidFromPath > 0, String(vmidFromPath) == vmid else {
            throw FileWriteError("In /etc/pve a VM config must be named <VMID>.conf in a qemu-server folder: "
                + "for this VM that is qemu-server/\(vmid).conf")
        }
        let pending = Self.volumesToAllocate(model)
        if !pending.isEmpty {
            throw FileWriteError(
                "A config in /etc/pve registers a real VM, but \(pending.joined(separator: ", ")) still "
                    + "need\(pending.count == 1 ? "s" : "") a new volume that a config file cannot allocate. "
                    + "Use Create (qm create) to make the VM, or write the file elsewhere to review it.")
        }
        if model.host.isDemo { throw FileWriteError("The demo host has no /etc/pve: nothing is registered on it.") }
        let lockDirectory = (root.hasSuffix("/") ? root : root + "/") + "var/lock/qemu-server"
        try? FileManager.default.createDirectory(atPath: lockDirectory, withIntermediateDirectories: true)
        let lockPath = "\(lockDirectory)/lock-\(vmid).conf"
        let fd = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw FileWriteError("cannot open the lock \(lockPath): \(AtomicFile.errnoText())") }
        defer { close(fd) }
        // Proxmox's own per-VM lock, with its 5 second patience.
        var waited = 0
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            if waited >= 50 { throw FileWriteError("VM \(vmid) is locked by another Proxmox task (\(lockPath)); try again") }
            usleep(100_000)
            waited += 1
        }
        defer { flock(fd, LOCK_UN) }
        guard let guests = HostInventoryLoader.loadGuests(root: root) else {
            throw FileWriteError("cannot read the cluster's guest list (etc/pve/.vmlist); nothing was registered")
        }
        if let id = Int(vmid), let guest = guests[id] {
            throw FileWriteError("VM ID \(vmid) is already in use on node \(guest.node)")
        }
        let registration = ConfigFile.Registration(
            macs: Dictionary(uniqueKeysWithValues: zip(model.nicNumbers, model.draft.nics.indices).map { number, nic in
                let typed = model.value(.netMAC, item: nic)
                return (number, typed.isEmpty ? MACAddress.random(prefix: model.host.macPrefix) : typed.uppercased())
            }),
            smbiosUUID: UUID().uuidString.lowercased(),
            // qm create gives no generation ID to ARM guests.
            vmgenid: model.guestArch == .aarch64 ? nil : UUID().uuidString.lowercased(),
            creationTime: Int(Date().timeIntervalSince1970))
        try AtomicFile.createExclusive(path, contents: ConfigFile.render(model, registration: registration))
        return path
    }
}

/// MAC addresses as Proxmox generates them: the cluster's prefix, the rest random, unicast and locally valid.
public enum MACAddress {
    public static func random(prefix: String) -> String {
        var octets = prefix.split(separator: ":").compactMap { UInt8($0, radix: 16) }
        if octets.count > 6 || octets.isEmpty { octets = [0xBC, 0x24, 0x11] }
        while octets.count < 6 { octets.append(UInt8.random(in: 0...255)) }
        octets[0] &= 0xFE  // unicast
        return octets.map(NumberText.hex2).joined(separator: ":")
    }
}
