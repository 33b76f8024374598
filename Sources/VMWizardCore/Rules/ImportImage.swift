import VMWizardPlatform

/// What vmwizard can tell about a disk image that `import-from` names, from the host's own files: where it is,
/// and its virtual size (which becomes the new disk's size). Read from the image header: qcow2 and VMDK
/// (monolithic sparse) carry their size there; anything else is raw, as large as the file.
public enum ImportImage {
    /// The file behind a source on this host: an absolute path (under the host's root), or a volume of a folder
    /// storage (`local:import/x.qcow2`, `local:100/vm-100-disk-0.qcow2`); nil when it is not a file vmwizard
    /// can find (block storages, the demo host).
    public static func path(of source: String, host: HostInventory) -> String? {
        guard let root = host.root else { return nil }
        func rooted(_ path: String) -> String {
            root == "/" || root.isEmpty ? path : (root.hasSuffix("/") ? String(root.dropLast()) : root) + path
        }
        if source.hasPrefix("/") { return rooted(source) }
        guard let colon = source.firstIndex(of: ":"), let storage = host.storage(String(source[..<colon])),
              PVEFormat.fileStorageTypes.contains(storage.type), let base = storage.path else { return nil }
        let name = source[source.index(after: colon)...]
        let relative = name.hasPrefix("import/") ? String(name) : "images/" + name
        return rooted(base + "/" + relative)
    }

    /// The image's size in bytes, when vmwizard can read it.
    public static func virtualSize(of source: String, host: HostInventory) -> Int? {
        if let path = path(of: source, host: host) { return virtualSize(path: path) }
        if let colon = source.firstIndex(of: ":"),
           let listed = host.importImages[String(source[..<colon])]?.first(where: { $0.volid == source })?.virtualBytes {
            return Int(listed)
        }
        return sizeRecordedInGuestConfig(source, host: host)
    }

    /// Whether an import source that is a file on this host exists (nil: cannot tell).
    public static func exists(_ source: String, host: HostInventory) -> Bool? {
        guard let path = path(of: source, host: host) else {
            // No file to look at (the demo host): the import folder as listed, where it was.
            guard let colon = source.firstIndex(of: ":"), source[source.index(after: colon)...].hasPrefix("import/"),
                  let listed = host.importImages[String(source[..<colon])] else { return nil }
            return listed.contains { $0.volid == source }
        }
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    static func virtualSize(path: String) -> Int? {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        var header = [UInt8](repeating: 0, count: 64)
        let count = header.withUnsafeMutableBytes { pread(fd, $0.baseAddress, 64, 0) }
        if count >= 32, header[0...3] == [0x51, 0x46, 0x49, 0xFB] {  // "QFI\xfb": qcow2, size at 24 (big-endian)
            return Int(clamping: header[24..<32].reduce(UInt64(0)) { $0 << 8 | UInt64($1) })
        }
        if count >= 20, header[0...3] == [0x4B, 0x44, 0x4D, 0x56] {  // "KDMV": VMDK sparse, sectors at 12 (LE)
            let sectors = header[12..<20].reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
            return Int(clamping: sectors * 512)
        }
        return Int(info.st_size)
    }

    /// A volume of another VM (`local-lvm:vm-100-disk-0`): the size its VM's config records for it.
    static func sizeRecordedInGuestConfig(_ volume: String, host: HostInventory) -> Int? {
        guard let root = host.root, let colon = volume.firstIndex(of: ":") else { return nil }
        let name = volume[volume.index(after: colon)...]
        let parts = name.split(separator: "-")
        guard parts.count >= 3, ["vm", "base"].contains(parts[0]), let vmid = Int(parts[1]), let guest = host.guests[vmid] else { return nil }
        let path = (root.hasSuffix("/") ? root : root + "/") + "etc/pve/nodes/\(guest.node)/qemu-server/\(vmid).conf"
        guard case .ok(let bytes) = BoundedFile.read(path, limit: 1 << 20) else { return nil }
        for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") {
            if line.hasPrefix("[") { break }
            guard let colonIndex = line.firstIndex(of: ":") else { continue }
            let drive = PropertyString.parse(line[line.index(after: colonIndex)...].trimmingWhitespace())
            if drive.head == volume, let size = drive.value("size") { return DiskSize.bytes(fromProxmox: size) }
        }
        return nil
    }
}
