/// Checks of the settings kept from a template ("Other settings"), shown on the Confirm tab: Proxmox's schema
/// again (a saved draft may have been edited), what this node lacks, and where the wizard's own settings win.
extension VMModel {
    public var keptSettingIssues: [Issue] {
        var result: [Issue] = []
        if !draft.dropped.isEmpty {
            result.append(.warning("Not carried over from the template: \(draft.dropped.joined(separator: ", "))"))
        }
        for disk in draft.disks.indices where !draft.disks[disk].activeKeptOptions.isEmpty {
            if let problem = Self.driveLimitProblem(PropertyString.parse(PVEParameters.diskValue(self, disk: disk)).pairs) {
                result.append(Issue("\(diskName(disk)): \(problem)", field: FieldRef(.diskStorage, item: disk)))
            }
        }
        // Confirm's issues are computed after every edit: build the wizard's own keys only when something is kept.
        let active = draft.activeKept
        guard !active.isEmpty else { return result }
        let written = Set(PVEParameters.buildModelled(self).map(\.key))
        for kept in active {
            if kept.isOptions {
                if case .failure(let problem) = PVESchema.normalizedOptions(key: kept.key, options: PropertyString.parse(kept.value).pairs) {
                    result.append(Issue(problem.phrase, configKey: kept.key))
                }
                continue
            }
            if case .failure(let problem) = PVESchema.normalized(key: kept.key, value: kept.value) {
                result.append(Issue(problem.phrase, configKey: kept.key))
                continue
            }
            if written.contains(kept.key) {
                result.append(Issue("\(kept.key) from the template is replaced by the wizard's own \(kept.key)", severity: .warning, configKey: kept.key))
                continue
            }
            if var issue = keptDriveIssue(kept) {
                issue.configKey = kept.key
                result.append(issue)
            }
        }
        return result
    }

    /// Proxmox's drive rules beyond the schema (qemu-server's parse_drive): a burst or its length needs the limit
    /// it bursts over, and a total limit excludes the read and write ones of its kind. Nil when the drive passes.
    static func driveLimitProblem(_ pairs: [(key: String, value: String)]) -> Phrase? {
        let set = Set(pairs.filter { !$0.value.isEmpty && $0.value != "0" }.map(\.key))
        // (Proxmox's table also names miops_*_max, options that do not exist: iops bursts are QEMU's to refuse.)
        let needs: [(String, String)] = [
            ("mbps_max", "mbps"), ("mbps_rd_max", "mbps_rd"), ("mbps_wr_max", "mbps_wr"), ("bps_max_length", "mbps_max"),
            ("bps_rd_max_length", "mbps_rd_max"), ("bps_wr_max_length", "mbps_wr_max"), ("iops_max_length", "iops_max"),
            ("iops_rd_max_length", "iops_rd_max"), ("iops_wr_max_length", "iops_wr_max"),
        ]
        for (option, required) in needs where set.contains(option) && !set.contains(required) {
            return "\(option) needs \(required) (Proxmox refuses the drive otherwise)"
        }
        for (one, other) in [("mbps_rd", "mbps"), ("mbps_wr", "mbps"), ("iops_rd", "iops"), ("iops_wr", "iops")]
            where set.contains(one) && set.contains(other) {
            return "\(one) and \(other) exclude each other (Proxmox refuses the drive otherwise)"
        }
        return nil
    }

    /// A drive kept as it is: a passed-through device path, or another CD.
    private func keptDriveIssue(_ kept: KeptSetting) -> Issue? {
        guard DiskSlot(configKey: kept.key) != nil else { return nil }
        let drive = PropertyString.parse(kept.value)
        guard let file = drive.head ?? drive.value("file") else { return nil }
        if file.hasPrefix("/") {
            // Proxmox takes a device path as it is; any other path must lie in a storage, as a volume.
            guard file.hasPrefix("/dev/") else {
                return Issue("\(kept.key): '\(Checks.shown(file))' is not a device: Proxmox takes a path only under /dev (a file belongs on a storage)")
            }
            if drive.value("media") == "cdrom" { return nil }
            return .warning("\(kept.key) passes the node's \(file) through, as the template's VM does: never run both VMs at once (one disk, two writers)")
        }
        guard drive.value("media") == "cdrom", file != "none", file != "cdrom", file.contains(":") else { return nil }
        let storage = String(file.prefix { $0 != ":" })
        guard let images = isoImages(onStorage: storage) else { return nil }
        if images.contains(where: { $0.volid == file }) { return nil }
        return .warning("\(kept.key): '\(Checks.shown(file))' (from the template) does not exist on storage '\(storage)': the VM is created, but does not start until the image is there")
    }
}

/// One line of "Other settings from the template" on Confirm: a kept key, or the kept options of a key, disk,
/// NIC or device; each can be dropped (and taken back) before the VM is created.
public struct KeptRow: Sendable, Equatable {
    public enum Place: Sendable, Equatable {
        case vm(Int)
        case item(FieldScope, Int)
    }
    public var place: Place
    /// "hugepages: 2", "scsi0: …,serial=ABC".
    public var text: String
    public var dropped: Bool
}

extension VMModel {
    /// Every setting kept from the template, in the order Confirm lists them.
    public var keptRows: [KeptRow] {
        var rows = draft.kept.enumerated().map { KeptRow(place: .vm($0.offset), text: $0.element.text, dropped: $0.element.isDropped) }
        for (index, disk) in draft.disks.enumerated() where !disk.keptOptions.isEmpty {
            rows.append(KeptRow(place: .item(.disk, index), text: "\(diskName(index)): …,\(disk.keptOptions)", dropped: disk.keptOptionsDropped))
        }
        for (index, nic) in draft.nics.enumerated() where !nic.keptOptions.isEmpty {
            rows.append(KeptRow(place: .item(.nic, index), text: "\(nicName(index)): …,\(nic.keptOptions)", dropped: nic.keptOptionsDropped))
        }
        for (index, device) in draft.devices.enumerated() where !device.keptOptions.isEmpty {
            rows.append(KeptRow(place: .item(.device, index), text: "\(deviceSummary(item: index)): …,\(device.keptOptions)",
                                dropped: device.keptOptionsDropped))
        }
        return rows
    }

    /// Drops a kept setting, or takes a dropped one back.
    public mutating func toggleKept(_ place: KeptRow.Place) {
        switch place {
        case .vm(let index):
            guard draft.kept.indices.contains(index) else { return }
            draft.kept[index].dropped = draft.kept[index].isDropped ? nil : true
        case .item(let scope, let index):
            guard let items = VMDraft.items(scope), draft[keyPath: items].indices.contains(index) else { return }
            draft[keyPath: items][index].keptOptionsDropped.toggle()
        }
    }
}
