extension OptionCatalog {
    static func diskBus(_ ctx: FieldContext) -> DiskBus {
        DiskBus(rawValue: ctx.value(.diskBus)) ?? ctx.model.defaultDiskBus
    }

    static func allocatedSlot(_ ctx: FieldContext) -> DiskSlot? {
        guard let item = ctx.item else { return nil }
        let slots = ctx.model.diskSlots
        return slots.indices.contains(item) ? slots[item] : nil
    }

    /// A bandwidth or IOPS limit. Proxmox takes any number for MB/s and any whole number for ops/s (0 means no
    /// limit); a burst needs its limit: Proxmox refuses `mbps_rd_max` without `mbps_rd`, and QEMU refuses an
    /// `iops_rd_max` without `iops_rd` when the VM starts.
    static func bandwidth(_ id: FieldID, _ label: Phrase, iops: Bool, base: (FieldID, Phrase)? = nil) -> FieldSpec {
        let sub = String(id.rawValue.dropFirst("disk.".count))
        return FieldSpec(
            id, tab: .disks, scope: .disk, label: label,
            kind: iops
                ? .integer(min: 0, max: 999_999_999_999, step: 10, unit: "")
                : .decimal(min: 0, max: 999_999_999, step: 1, decimals: 3, unit: ""),
            pveKey: .subKey("scsi[n]", sub), advanced: false,
            placeholder: { _ in sub.hasSuffix("_max") ? "default" : "unlimited" },
            validate: { value, ctx in
                if iops {
                    if value.hasPrefix("-"), PVEFormat.isPlainInteger(String(value.dropFirst())) {
                        return .stricter("\(label) cannot be negative (got \(value))", "QEMU refuses a negative limit when the VM starts")
                    }
                    if let issue = Checks.integerIssue(label, value, min: 0, max: Int.max, unit: "", required: false) { return issue }
                } else if let issue = Checks.proxmoxNumber(label)(value, ctx) {
                    return issue
                }
                guard let (baseID, baseLabel) = base, Checks.perlTrue(value), !Checks.perlTrue(ctx.value(baseID)) else { return nil }
                return iops
                    ? .stricter("\(label) needs \(baseLabel) as well", "QEMU refuses a burst without its limit when the VM starts")
                    : Issue("\(label) needs \(baseLabel) as well: Proxmox refuses \(sub) without \(baseID.rawValue.dropFirst(5))")
            })
    }

    /// As the web UI: the qcow2, raw and vmdk images of storages with import content; any other source (an
    /// absolute path, another VM's disk) is typed.
    static func importImageChoices(_ ctx: FieldContext) -> [Choice] {
        ctx.model.storages(withContent: "import").flatMap { storage in
            (ctx.host.importImages[storage.id] ?? []).map {
                Choice($0.volid, .verbatim($0.fileName), detail: .verbatim("\(storage.id) · \(Units.bytes($0.sizeBytes))"), group: storage.id)
            }
        }
    }

    /// What is wrong with an import source, by Proxmox's rules and what the node has.
    static func importSourceIssue(_ label: Phrase, _ value: String, _ ctx: FieldContext) -> Issue? {
        // The image Proxmox downloads first: its download is checked instead.
        if value == ctx.model.downloadTarget, ctx.model.downloadsImage { return nil }
        if let reason = PVEFormat.volumeIDOrAbsolutePath(value) {
            return Issue("\(label) '\(Checks.shown(value))': \(reason)")
        }
        if value.hasPrefix("/") {
            return ImportImage.exists(value, host: ctx.host) == false
                ? Issue("\(label): \(value) does not exist on this node (or is not a file)") : nil
        }
        let store = String(value.prefix { $0 != ":" })
        guard let storage = ctx.host.storage(store) else {
            return Issue("\(label): storage '\(store)' does not exist on this cluster")
        }
        if let reason = PVEFormat.importVolume(value, storageType: storage.type) {
            return Issue("\(label) '\(Checks.shown(value))': \(reason)")
        }
        if ImportImage.exists(value, host: ctx.host) == false {
            return Issue("\(label): \(value) does not exist on storage '\(store)'")
        }
        return nil
    }

    static let disks: [FieldSpec] = [
        FieldSpec(
            .diskBus, tab: .disks, scope: .disk, label: "Bus", kind: .choice, pveKey: .key("<bus><n>"),
            defaultValue: { ctx in (allocatedSlot(ctx)?.bus ?? ctx.model.defaultDiskBus).rawValue },
            choices: { ctx in ctx.model.guestArch.buses.map { Choice($0.rawValue, $0.label) } },
            validate: { value, ctx in
                guard let bus = DiskBus(rawValue: value), !ctx.model.guestArch.buses.contains(bus) else { return nil }
                return .stricter("An \(ctx.model.guestArch.label) guest has no \(bus.label) bus: use SCSI, VirtIO Block or SATA", "the VM does not start")
            },
            inference: { ctx in
                ctx.model.virtioDriverDriveActive ? "SCSI because the VirtIO drivers CD is attached" : nil
            }),
        FieldSpec(
            .diskDevice, tab: .disks, scope: .disk, label: "Device", kind: .integer(min: 0, max: 30, step: 1, unit: ""),
            pveKey: .key("<bus><n>"),
            defaultValue: { ctx in allocatedSlot(ctx).map { String($0.number) } ?? "" },
            placeholder: { _ in "no free slot" },
            validate: { value, ctx in
                let bus = diskBus(ctx)
                if value.isEmpty { return Issue("Device: no free slot left on the \(bus.label) bus") }
                if let issue = Checks.integerIssue("Device", value, min: 0, max: bus.slots - 1, unit: "", required: true) {
                    return Issue("\(issue.phrase) on the \(bus.label) bus")
                }
                guard let number = Int(value), let item = ctx.item else { return nil }
                let slot = DiskSlot(bus, number)
                if slot == ctx.model.installCDSlot { return Issue("Device \(slot.configKey) is already in use by the install CD drive") }
                if slot == .driverCD && ctx.model.virtioDriverDriveActive {
                    return Issue("Device \(slot.configKey) is already in use by the VirtIO drivers CD")
                }
                let slots = ctx.model.diskSlots
                if let other = slots.indices.first(where: { $0 != item && slots[$0] == slot }) {
                    return Issue("Device \(slot.configKey) is already in use by disk \(other + 1)")
                }
                return nil
            }),
        FieldSpec(
            .diskStorage, tab: .disks, scope: .disk, label: "Storage", kind: .picker, pveKey: .subKey("<bus><n>", "file"),
            defaultValue: { ctx in
                if let item = ctx.item, item > 0, let first = ctx.model.firstDiskStorage { return first }
                return (ctx.model.allocatingImageStorages.map(\.id).sorted().first
                    ?? ctx.model.storages(withContent: "images").map(\.id).sorted().first) ?? ""
            },
            choices: imageStorageChoices,
            validate: Checks.storage("Storage", content: "images")),
        existingVolume(.diskVolume, tab: .disks, scope: .disk, label: "Disk image", key: "<bus><n>", storageField: .diskStorage),
        FieldSpec(
            .diskSize, tab: .disks, scope: .disk, label: "Disk size",
            kind: .decimal(min: 0.001, max: 131_072, step: 1, decimals: 3, unit: "GiB"), pveKey: .subKey("<bus><n>", "size"),
            defaultValue: { ctx in
                // An imported disk keeps its image's size unless grown; a cloud image (made small to be grown)
                // grows to 32 GiB where that grows it.
                guard ctx.model.importsImage(disk: ctx.item) else { return "32" }
                guard ctx.item == 0, ctx.model.usesCloudImage, let bytes = ctx.model.importedImageBytes(disk: ctx.item) else { return "" }
                return bytes < 32 << 30 ? "32" : ""
            },
            placeholder: { ctx in ctx.model.importsImage(disk: ctx.item) ? "the image's size" : .empty },
            // A LUN has its own size: the web UI hides the field.
            visible: { !$0.model.selectsExistingVolume(storageField: .diskStorage, item: $0.item) },
            validate: { value, ctx in
                if ctx.model.importsImage(disk: ctx.item) {
                    guard !value.isEmpty else { return nil }
                    guard let kib = DiskSize.kibibytes(fromField: value), kib > 0 else {
                        return Issue("Disk size '\(Checks.shown(value))' is not a size: write GiB (32, 0.5) or a number with K, M, G or T (1049K, 1.5T)")
                    }
                    if let image = ctx.model.importedImageBytes(disk: ctx.item), kib * 1024 < image {
                        return Issue("Disk size \(value) is smaller than the image (\(Units.bytes(Int64(image)))): a disk can only grow; leave it empty to keep the image's size")
                    }
                    return nil
                }
                if value.isEmpty { return Issue("Disk size is required") }
                guard let kib = DiskSize.kibibytes(fromField: value) else {
                    return Issue("Disk size '\(Checks.shown(value))' is not a size: write GiB (32, 0.5) or a number with K, M, G or T (1049K, 1.5T)")
                }
                if kib == 0 { return .stricter("Disk size must be more than 0", "allocating a disk of size 0 fails") }
                if kib > 131_072 << 20 { return .warning("Disk size \(value) is above the 128 TiB the web UI allows") }
                return WindowsMinimums.disk(ctx.model, item: ctx.item)
            },
            inference: { ctx in
                guard ctx.model.importsImage(disk: ctx.item), !ctx.value(.diskSize).isEmpty else { return nil }
                return ctx.model.importedImageBytes(disk: ctx.item).map { "the \(Units.bytes(Int64($0))) image grows to this after the import" }
                    ?? "the image grows to this after the import"
            }),
        FieldSpec(
            .diskFormat, tab: .disks, scope: .disk, label: "Format", kind: .choice, pveKey: .subKey("<bus><n>", "format"),
            defaultValue: { ctx in ctx.model.preferredFormat(ofStorage: ctx.value(.diskStorage)) },
            enabled: { ctx in
                ctx.model.formats(ofStorage: ctx.value(.diskStorage)).count > 1
                    && !ctx.model.selectsExistingVolume(storageField: .diskStorage, item: ctx.item)
            },
            choices: { formatChoices($0, storageField: .diskStorage) }),
        FieldSpec(
            .diskImport, tab: .disks, scope: .disk, label: "Import from", kind: .picker,
            pveKey: .subKey("<bus><n>", "import-from"), advanced: true,
            // The cloud image goes into the first disk.
            defaultValue: { ctx in ctx.item == 0 && ctx.model.usesCloudImage ? ctx.model.value(.cloudImage) : "" },
            placeholder: { _ in "nothing: new empty disk" },
            enabled: { !$0.model.selectsExistingVolume(storageField: .diskStorage, item: $0.item) },
            choices: { ctx in [Choice("", "(none: new empty disk)")] + importImageChoices(ctx) },
            validate: { value, ctx in value.isEmpty ? nil : importSourceIssue("Import from", value, ctx) },
            inference: { ctx in ctx.item == 0 && ctx.model.usesCloudImage ? "the cloud image" : nil }),
        FieldSpec(
            .diskCache, tab: .disks, scope: .disk, label: "Cache", kind: .choice, pveKey: .subKey("<bus><n>", "cache"),
            choices: { _ in
                [
                    Choice("", "Default (No cache)"), Choice("directsync", "Direct sync"),
                    Choice("writethrough", "Write through"), Choice("writeback", "Write back"),
                    Choice("unsafe", "Write back (unsafe)"), Choice("none", "No cache"),
                ]
            }),
        FieldSpec(
            .diskDiscard, tab: .disks, scope: .disk, label: "Discard", kind: .flag, pveKey: .subKey("<bus><n>", "discard"),
            defaultValue: { _ in "0" }),
        FieldSpec(
            .diskIothread, tab: .disks, scope: .disk, label: "IO thread", kind: .flag,
            pveKey: .subKey("<bus><n>", "iothread"),
            defaultValue: { ctx in
                let bus = diskBus(ctx)
                return bus == .virtio || (bus == .scsi && ctx.value(.scsihw) == "virtio-scsi-single") ? "1" : "0"
            },
            enabled: { [.virtio, .scsi].contains(diskBus($0)) },
            inference: { ctx in
                diskBus(ctx) == .scsi && ctx.value(.scsihw) == "virtio-scsi-single"
                    ? "on with VirtIO SCSI single" : nil
            }),
        FieldSpec(
            .diskSSD, tab: .disks, scope: .disk, label: "SSD emulation", kind: .flag, pveKey: .subKey("<bus><n>", "ssd"),
            advanced: true, defaultValue: { _ in "0" },
            enabled: { diskBus($0) != .virtio }),
        FieldSpec(
            .diskReadOnly, tab: .disks, scope: .disk, label: "Read-only", kind: .flag, pveKey: .subKey("<bus><n>", "ro"),
            advanced: true, defaultValue: { _ in "0" },
            enabled: { [.virtio, .scsi].contains(diskBus($0)) }),
        FieldSpec(
            .diskBackup, tab: .disks, scope: .disk, label: "Backup", kind: .flag, pveKey: .subKey("<bus><n>", "backup"),
            advanced: true, defaultValue: { _ in "1" }),
        FieldSpec(
            .diskReplicate, tab: .disks, scope: .disk, label: "Skip replication", kind: .flag,
            pveKey: .subKey("<bus><n>", "replicate"), advanced: true, defaultValue: { _ in "0" }),
        FieldSpec(
            .diskAIO, tab: .disks, scope: .disk, label: "Async IO", kind: .choice, pveKey: .subKey("<bus><n>", "aio"),
            advanced: true,
            choices: { _ in
                [Choice("", "Default (io_uring)"), Choice("io_uring", "io_uring"), Choice("native", "native"),
                 Choice("threads", "threads")]
            },
            validate: { value, ctx in
                // QEMU refuses native AIO with the host page cache in use.
                guard value == "native" else { return nil }
                let cache = ctx.value(.diskCache)
                return ["writeback", "writethrough", "unsafe"].contains(cache)
                    ? .stricter("Async IO 'native' needs cache 'No cache' or 'Direct sync' (cache is '\(cache)')",
                                "QEMU refuses native AIO with the host page cache when the VM starts") : nil
            }),
        bandwidth(.diskMbpsRd, "Read limit (MB/s)", iops: false),
        bandwidth(.diskMbpsWr, "Write limit (MB/s)", iops: false),
        bandwidth(.diskIopsRd, "Read limit (ops/s)", iops: true),
        bandwidth(.diskIopsWr, "Write limit (ops/s)", iops: true),
        bandwidth(.diskMbpsRdMax, "Read burst (MB)", iops: false, base: (.diskMbpsRd, "Read limit (MB/s)")),
        bandwidth(.diskMbpsWrMax, "Write burst (MB)", iops: false, base: (.diskMbpsWr, "Write limit (MB/s)")),
        bandwidth(.diskIopsRdMax, "Read burst (ops)", iops: true, base: (.diskIopsRd, "Read limit (ops/s)")),
        bandwidth(.diskIopsWrMax, "Write burst (ops)", iops: true, base: (.diskIopsWr, "Write limit (ops/s)")),
    ]
}
