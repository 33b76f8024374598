/// Checks of the settings kept from a template ("Other settings"), shown on the Confirm tab: Proxmox's schema
/// again (a saved draft may have been edited), what this node lacks, and where the wizard's own settings win.
extension VMModel {
    public var keptSettingIssues: [Issue] {
        var result: [Issue] = []
        if !draft.dropped.isEmpty {
            result.append(.warning("Not carried over from the template: \(draft.dropped.joined(separator: ", "))"))
        }
        let written = Set(PVEParameters.buildModelled(self).map(\.key))
        for kept in draft.kept {
            if kept.isOptions {
                if case .failure(let problem) = PVESchema.normalizedOptions(key: kept.key, options: PropertyString.parse(kept.value).pairs) {
                    result.append(Issue(problem.phrase))
                }
                continue
            }
            if case .failure(let problem) = PVESchema.normalized(key: kept.key, value: kept.value) {
                result.append(Issue(problem.phrase))
                continue
            }
            if written.contains(kept.key) {
                result.append(.warning("\(kept.key) from the template is replaced by the wizard's own \(kept.key)"))
                continue
            }
            if let issue = keptDriveIssue(kept) { result.append(issue) }
        }
        return result
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
