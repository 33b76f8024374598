/// Storages that cannot allocate (iSCSI) hand out existing volumes instead: the web UI then replaces the size
/// with a "Disk image" list of the storage's LUNs. The same field serves hard disks, the EFI disk and the TPM.
extension OptionCatalog {
    static func existingVolume(
        _ id: FieldID, tab: Tab, scope: FieldScope = .vm, label: Phrase, key: String, storageField: FieldID,
        active: @escaping FieldSpec.Rule<Bool> = { _ in true }, caveat: Phrase? = nil
    ) -> FieldSpec {
        FieldSpec(
            id, tab: tab, scope: scope, label: label, kind: .picker, pveKey: .subKey(key, "file"),
            placeholder: { ctx in
                switch ctx.host.existingVolumes[ctx.value(storageField)] {
                case .loading?, nil: return "listing the storage's volumes…"
                case .failed?: return "the volumes could not be listed: type one"
                case .loaded(let volumes)?: return volumes.isEmpty ? "the storage has no volumes" : "pick a volume"
                }
            },
            visible: { ctx in active(ctx) && ctx.model.selectsExistingVolume(storageField: storageField, item: ctx.item) },
            choices: { ctx in
                let inUse = ctx.model.existingVolumesInUse
                return (ctx.host.existingVolumes[ctx.value(storageField)]?.volumes ?? []).map { volume in
                    let user = inUse.first { $0.volid == volume.volid && $0.field != FieldRef(id, item: ctx.item) }
                    let detail: Phrase = user.map { "\(Units.bytes(volume.sizeBytes)) · used as \($0.drive)" }
                        ?? .verbatim(Units.bytes(volume.sizeBytes))
                    return Choice(volume.volid, .verbatim(volume.fileName), detail: detail)
                }
            },
            validate: { value, ctx in
                let store = ctx.value(storageField)
                guard let storage = ctx.host.storage(store) else { return nil }  // the storage field says why
                if value.isEmpty {
                    return Issue("\(label): pick one of the volumes of storage '\(store)' (Proxmox creates no new volumes on \(storage.type) storages)")
                }
                guard value.hasPrefix(store + ":"), value.count > store.count + 1 else {
                    return Issue("\(label) '\(Checks.shown(value))' is not a volume of storage '\(store)' (write \(store):VOLUME)")
                }
                let name = String(value.dropFirst(store.count + 1))
                if let reason = PVEFormat.existingVolumeName(name, storageType: storage.type) {
                    return Issue("\(label) '\(Checks.shown(value))': \(reason)")
                }
                if let other = ctx.model.existingVolumesInUse.first(where: { $0.volid == value && $0.field != FieldRef(id, item: ctx.item) }) {
                    return Issue("\(label): \(value) is already used as \(other.drive) of this VM")
                }
                switch ctx.host.existingVolumes[store] {
                case .loaded(let volumes)?:
                    guard volumes.contains(where: { $0.volid == value }) else {
                        return Issue("\(label): storage '\(store)' has no volume \(name) (it lists \(volumes.count))")
                    }
                    return caveat.map { .warning($0) }
                case .failed(let reason)?:
                    return .warning("\(label): not checked against the storage: \(reason)")
                case .loading?, nil:
                    return .warning("\(label): the volumes of storage '\(store)' are still being listed")
                }
            })
    }
}

extension VMModel {
    /// The storage chosen in `storageField` hands out existing volumes (iSCSI) instead of allocating new ones.
    public func selectsExistingVolume(storageField: FieldID, item: Int? = nil) -> Bool {
        host.storage(value(storageField, item: item))?.selectsExistingVolumes ?? false
    }

    /// Storages chosen for a disk, the EFI disk or the TPM that hand out existing volumes and were not listed yet.
    public var storagesAwaitingVolumeListing: [String] {
        var fields: [(FieldID, Int?)] = draft.disks.indices.map { (.diskStorage, $0) }
        if efiDiskActive { fields.append((.efiStorage, nil)) }
        if tpmActive { fields.append((.tpmStorage, nil)) }
        var result: [String] = []
        for (field, item) in fields where selectsExistingVolume(storageField: field, item: item) {
            let storage = value(field, item: item)
            if host.existingVolumes[storage] == nil, !result.contains(storage) { result.append(storage) }
        }
        return result
    }

    /// Every existing volume this VM uses, with the drive that uses it and the field that names it.
    public var existingVolumesInUse: [(volid: String, drive: String, field: FieldRef)] {
        var result: [(volid: String, drive: String, field: FieldRef)] = []
        for (index, slot) in diskSlots.enumerated() where selectsExistingVolume(storageField: .diskStorage, item: index) {
            let volid = value(.diskVolume, item: index)
            if !volid.isEmpty { result.append((volid, slot?.configKey ?? "disk \(index + 1)", FieldRef(.diskVolume, item: index))) }
        }
        if efiDiskActive, selectsExistingVolume(storageField: .efiStorage), !value(.efiVolume).isEmpty {
            result.append((value(.efiVolume), "efidisk0", FieldRef(.efiVolume)))
        }
        if tpmActive, selectsExistingVolume(storageField: .tpmStorage), !value(.tpmVolume).isEmpty {
            result.append((value(.tpmVolume), "tpmstate0", FieldRef(.tpmVolume)))
        }
        return result
    }
}
