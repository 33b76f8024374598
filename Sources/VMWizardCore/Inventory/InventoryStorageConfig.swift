import VMWizardPlatform

/// `/etc/pve/storage.cfg` with the implicit rules PVE applies when it reads the file.
enum InventoryStorageConfig {
    static let path = "etc/pve/storage.cfg"

    /// Types whose `shared` flag PVE forces on (glusterfs only exists up to PVE 8, where it is forced too).
    static let alwaysShared: Set<String> = [
        "iscsi", "nfs", "cifs", "rbd", "cephfs", "iscsidirect", "glusterfs", "zfs", "drbd", "pbs",
    ]

    /// Network file systems: never read them on the startup path (a dead server blocks readdir).
    static let networkFileTypes: Set<String> = ["nfs", "cifs", "cephfs", "glusterfs"]

    /// Types that store files under a path and may hold ISO images.
    static let isoCapableTypes: Set<String> = ["dir", "btrfs", "nfs", "cifs", "cephfs", "glusterfs"]

    /// Default content when `content` is missing.
    static func defaultContent(for type: String) -> Set<String> {
        switch type {
        case "dir", "btrfs", "lvmthin", "zfspool": return ["images", "rootdir"]
        case "nfs", "cifs", "glusterfs", "lvm", "rbd", "iscsi", "iscsidirect", "zfs", "drbd": return ["images"]
        case "cephfs", "pbs": return ["backup"]
        case "esxi": return ["import"]
        default: return []
        }
    }

    /// Types that get `/mnt/pve/<id>` as their mount path when none is written.
    static let mountedUnderMntPVE: Set<String> = ["nfs", "cifs", "cephfs", "glusterfs"]

    /// Disk formats for VM images and the default, as PVE's storage plugins report them.
    static func formats(type: String, options: [String: String]) -> (formats: [String], defaultFormat: String, problem: String?) {
        let valid: [String]
        switch type {
        case "dir", "nfs", "cifs", "glusterfs":
            valid = ["raw", "qcow2", "vmdk"]
        case "lvm":
            // Thick LVM holds qcow2 only with snapshots as volume chains (PVE 9); then qcow2 is its default.
            if let chain = options["snapshot-as-volume-chain"], InventoryText.flag(Substring(chain)) == true {
                return (["raw", "qcow2"], "qcow2", nil)
            }
            valid = ["raw"]
        case "btrfs", "lvmthin", "zfspool", "rbd", "iscsi", "iscsidirect", "zfs", "drbd":
            valid = ["raw"]
        case "cephfs", "pbs", "esxi":
            // These types cannot hold VM disk images at all.
            return ([], "raw", nil)
        default:
            valid = ["raw"]
        }
        guard let wanted = options["format"], !wanted.isEmpty else { return (valid, "raw", nil) }
        if valid.contains(wanted) { return (valid, wanted, nil) }
        return (valid, "raw", "format '\(wanted)' is not supported by a \(type) storage; using raw")
    }

    /// Storage IDs: a letter first, then letters, digits, '-', '_' or '.', not ending in '-', '_' or '.'.
    static func isValidStorageID(_ id: Substring) -> Bool {
        guard let first = id.first, first.isASCII, first.isLetter, let last = id.last else { return false }
        guard last.isASCII && (last.isLetter || last.isNumber) else { return false }
        return id.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ".") }
    }

    private struct Section {
        var type: String
        var id: String
        var options: [String: String] = [:]
        var line: Int
    }

    static func parse(_ bytes: [UInt8]?, warnings: inout [Phrase]) -> [Storage] {
        var sections: [Section] = []
        var seen: Set<String> = []
        var issues = InventoryLineIssues(file: path)
        if let bytes {
            var current: Int?  // index into sections; nil outside a section
            var skipping = false  // inside a section we rejected
            for (offset, rawLine) in InventoryText.lines(bytes).enumerated() {
                let number = offset + 1
                let line = InventoryText.trim(rawLine)
                if line.isEmpty {
                    current = nil
                    skipping = false
                    continue
                }
                if line.first == "#" { continue }
                let indented = rawLine.first.map(InventoryText.isBlank) ?? false
                if indented {
                    if skipping { continue }
                    guard let index = current else {
                        issues.add(line: number, "'\(InventoryText.excerpt(line))' is outside any storage section; ignored")
                        continue
                    }
                    let (key, value) = InventoryText.firstWord(line)
                    // Like Proxmox's section parser: a repeated attribute keeps its first value.
                    if sections[index].options[String(key)] != nil {
                        issues.add(line: number, "'\(key)' of storage '\(sections[index].id)' is given again; the first value is kept")
                        continue
                    }
                    sections[index].options[String(key)] = String(value)
                    continue
                }
                // Sections end at a blank line; Proxmox reads a header right after a section's lines as a bad line
                // of that section (and the lines after it as part of that section).
                if let index = current {
                    issues.add(line: number, "'\(InventoryText.excerpt(line))' follows storage '\(sections[index].id)' without a blank line; Proxmox ignores it")
                    continue
                }
                // A section header: "<type>: <id>".
                guard let colon = line.firstIndex(of: ":") else {
                    issues.add(line: number, "'\(InventoryText.excerpt(line))' is not a '<type>: <id>' section header; ignored")
                    current = nil
                    skipping = true
                    continue
                }
                let type = InventoryText.trim(line[..<colon])
                let id = InventoryText.trim(line[line.index(after: colon)...])
                let typeOK = !type.isEmpty && type.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
                guard typeOK, isValidStorageID(id) else {
                    issues.add(line: number, "'\(InventoryText.excerpt(line))' is not a valid '<type>: <id>' section header; section ignored")
                    current = nil
                    skipping = true
                    continue
                }
                if seen.contains(String(id)) {
                    issues.add(line: number, "storage '\(id)' is defined again; the later definition is ignored")
                    current = nil
                    skipping = true
                    continue
                }
                seen.insert(String(id))
                sections.append(Section(type: String(type).lowercased(), id: String(id), line: number))
                current = sections.count - 1
                skipping = false
            }
        }
        warnings.append(contentsOf: issues.warnings())

        var storages: [Storage] = []
        storages.reserveCapacity(sections.count + 1)
        for section in sections {
            storages.append(makeStorage(section, warnings: &warnings))
        }

        // PVE always has a `local` dir storage at /var/lib/vz; a missing or different one is replaced
        // by the built-in definition, which comes first. `local` never carries a node restriction.
        if let index = storages.firstIndex(where: { $0.id == "local" }) {
            let local = storages[index]
            if local.type != "dir" || (local.path != nil && local.path != "/var/lib/vz") {
                storages.remove(at: index)
                storages.insert(builtInLocal(), at: 0)
            } else {
                storages[index].nodes = nil
            }
        } else {
            storages.insert(builtInLocal(), at: 0)
        }
        return storages
    }

    static func builtInLocal() -> Storage {
        Storage(
            id: "local", type: "dir", content: ["backup", "images", "iso", "rootdir", "snippets", "vztmpl"],
            path: "/var/lib/vz", formats: ["raw", "qcow2", "vmdk"], defaultFormat: "raw"
        )
    }

    private static func makeStorage(_ section: Section, warnings: inout [Phrase]) -> Storage {
        let options = section.options
        let type = section.type
        let context = "\(path): storage '\(section.id)'"

        var content = defaultContent(for: type)
        if let value = options["content"] {
            let items = InventoryText.splitList(Substring(value))
            content = items == ["none"] ? [] : Set(items)
        }

        var shared = alwaysShared.contains(type)
        if !shared, let value = options["shared"] {
            if let flag = InventoryText.flag(Substring(value)) {
                shared = flag
            } else {
                warnings.append("\(context): 'shared \(value)' is not a boolean; treated as not shared")
            }
        }

        var disabled = false
        if let value = options["disable"] {
            if let flag = InventoryText.flag(Substring(value)) {
                disabled = flag
            } else {
                disabled = true
                warnings.append("\(context): 'disable \(value)' is not a boolean; treated as disabled")
            }
        }

        var nodes: [String]?
        if let value = options["nodes"] {
            let list = InventoryText.splitList(Substring(value))
            nodes = list
        }

        var storagePath = options["path"].flatMap { $0.isEmpty ? nil : $0 }
        if storagePath == nil, mountedUnderMntPVE.contains(type) {
            storagePath = "/mnt/pve/\(section.id)"
        }

        var contentDirs: [String: String] = [:]
        if let value = options["content-dirs"] {
            for item in value.split(separator: ",") {
                let pair = item.split(separator: "=", maxSplits: 1)
                guard pair.count == 2 else {
                    warnings.append("\(context): content-dirs entry '\(InventoryText.excerpt(item))' is not '<type>=<folder>'; ignored")
                    continue
                }
                let key = String(InventoryText.trim(pair[0]))
                var folder = InventoryText.trim(pair[1])
                while folder.first == "/" { folder = folder.dropFirst() }
                if folder.split(separator: "/").contains("..") || folder.isEmpty {
                    warnings.append("\(context): content-dirs folder '\(pair[1])' for \(key) is not a safe relative path; ignored")
                    continue
                }
                contentDirs[key] = String(folder)
            }
        }

        let (formats, defaultFormat, problem) = Self.formats(type: type, options: options)
        if let problem { warnings.append("\(context): \(problem)") }

        return Storage(
            id: section.id, type: type, content: content, shared: shared, disabled: disabled, nodes: nodes,
            path: storagePath, contentDirs: contentDirs, formats: formats, defaultFormat: defaultFormat
        )
    }

    /// The folder holding a storage's ISO images, relative to its path.
    static func isoSubfolder(of storage: Storage) -> String {
        storage.contentDirs["iso"] ?? "template/iso"
    }
}
