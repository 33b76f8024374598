import VMWizardPlatform


/// Small POSIX helpers for the inventory: whole-file reads, existence checks, directory scans.
/// Plain system calls keep the startup path in the low milliseconds and give exact errno texts.
enum InventoryFiles {
    typealias ReadResult = BoundedFile.ReadResult

    /// `root` + a path relative to it (or an absolute host path, which is re-rooted).
    static func join(_ root: String, _ path: String) -> String {
        var rel = Substring(path)
        while rel.first == "/" { rel = rel.dropFirst() }
        if root.isEmpty { return "/" + rel }
        if root.hasSuffix("/") { return root + rel }
        return root + "/" + rel
    }

    static func errnoText(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text)
    }

    /// Reads a whole host file, bounded (see `BoundedFile`).
    static func read(_ path: String) -> ReadResult {
        BoundedFile.read(path)
    }

    static func exists(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0
    }

    /// True when `path` is a non-empty directory.
    static func directoryHasEntries(_ path: String) -> Bool {
        guard let dir = opendir(path) else { return false }
        defer { closedir(dir) }
        while let entry = readdir(dir) {
            let isDot = withUnsafePointer(to: &entry.pointee.d_name) { pointer -> Bool in
                pointer.withMemoryRebound(to: UInt8.self, capacity: 3) { name in
                    name[0] == 0x2E && (name[1] == 0 || (name[1] == 0x2E && name[2] == 0))
                }
            }
            if !isDot { return true }
        }
        return false
    }

    enum ISOScanResult {
        case ok([ISOImage])
        case missing
        case failed(String)
    }

    /// Lists `*.iso` / `*.img` (any case) regular files in `dirPath` with their sizes.
    /// Hidden files are skipped. Symlinks count when they point at a regular file.
    static func scanISOFolder(_ dirPath: String, storageID: String) -> ISOScanResult {
        scanImageFolder(dirPath, volumePrefix: storageID + ":iso/") { name in
            // The extension is checked on the raw bytes, so most entries are skipped without allocating.
            let length = name.count
            guard length > 4, name[length - 4] == 0x2E else { return false }
            let a = name[length - 3] | 0x20, b = name[length - 2] | 0x20, c = name[length - 1] | 0x20
            let isISO = a == 0x69 && b == 0x73 && c == 0x6F  // iso
            let isIMG = a == 0x69 && b == 0x6D && c == 0x67  // img
            return isISO || isIMG
        }
    }

    /// Lists the disk images Proxmox imports from a storage's `import/` folder: regular files named
    /// `NAME.qcow2`, `NAME.raw` or `NAME.vmdk` (lower case, as Proxmox's volume-name rule has it), with sizes.
    static func scanImportFolder(_ dirPath: String, storageID: String) -> ISOScanResult {
        let prefix = storageID + ":import/"
        return scanImageFolder(dirPath, volumePrefix: prefix) { name in
            PVEFormat.importVolume(prefix + String(decoding: name, as: UTF8.self), storageType: nil) == nil
        }
    }

    /// The public key files (`*.pub`) in a `.ssh` folder, by name; their private halves are never looked at.
    static func scanPublicKeyFiles(_ dirPath: String) -> ISOScanResult {
        scanImageFolder(dirPath, volumePrefix: "") { name in
            name.count > 4 && Array(name.suffix(4)) == Array(".pub".utf8)
        }
    }

    /// The regular files (symlinks followed) in `dirPath` whose names `accepts`, hidden ones skipped, as
    /// volumes `volumePrefix + name` with their sizes, sorted by name ignoring case.
    private static func scanImageFolder(_ dirPath: String, volumePrefix: String,
                                        accepts: (UnsafeBufferPointer<UInt8>) -> Bool) -> ISOScanResult {
        guard let dir = opendir(dirPath) else {
            let code = errno
            if code == ENOENT || code == ENOTDIR { return .missing }
            return .failed(errnoText(code))
        }
        defer { closedir(dir) }
        let fd = dirfd(dir)
        var images: [ISOImage] = []
        while let entry = readdir(dir) {
            if entry.pointee.d_type == UInt8(DT_DIR) { continue }
            let image: ISOImage? = withUnsafePointer(to: &entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: 256) { cName -> ISOImage? in
                    let name = UnsafeBufferPointer(start: UnsafeRawPointer(cName).assumingMemoryBound(to: UInt8.self),
                                                   count: strlen(cName))
                    guard let first = name.first, first != 0x2E, accepts(name) else { return nil }  // hidden
                    var st = stat()
                    guard fstatat(fd, cName, &st, 0) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
                    let fileName = String(decoding: name, as: UTF8.self)
                    return ISOImage(volid: volumePrefix + fileName, fileName: fileName, sizeBytes: Int64(st.st_size))
                }
            }
            if let image { images.append(image) }
        }
        images.sort { caseInsensitiveLess($0.fileName, $1.fileName) }
        return .ok(images)
    }

    /// File-name order ignoring ASCII case, without allocating; ties fall back to the exact bytes.
    static func caseInsensitiveLess(_ lhs: String, _ rhs: String) -> Bool {
        var l = lhs.utf8.makeIterator()
        var r = rhs.utf8.makeIterator()
        while true {
            switch (l.next(), r.next()) {
            case (nil, nil): return lhs < rhs
            case (nil, _): return true
            case (_, nil): return false
            case (let a?, let b?):
                let la = a >= 0x41 && a <= 0x5A ? a | 0x20 : a
                let lb = b >= 0x41 && b <= 0x5A ? b | 0x20 : b
                if la != lb { return la < lb }
            }
        }
    }
}

