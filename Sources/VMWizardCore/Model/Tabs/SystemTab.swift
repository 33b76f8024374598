extension OptionCatalog {
    static func imageStorageChoices(_ ctx: FieldContext) -> [Choice] {
        ctx.model.storages(withContent: "images").map { storage in
            let space: Phrase
            if let avail = storage.availableBytes, let total = storage.totalBytes {
                space = "\(Units.bytes(avail)) free of \(Units.bytes(total))"
            } else {
                space = "free space unknown"
            }
            return Choice(storage.id, .verbatim(storage.id), detail: "\(storage.type), \(space)")
        }
    }

    static func formatChoices(_ ctx: FieldContext, storageField: FieldID) -> [Choice] {
        let labels: [String: Phrase] = [
            "raw": "Raw disk image (raw)", "qcow2": "QEMU image format (qcow2)", "vmdk": "VMware image format (vmdk)",
        ]
        return ctx.model.formats(ofStorage: ctx.value(storageField)).map { Choice($0, labels[$0]) }
    }

    /// EFI and TPM disks go where the first disk goes, else to the first storage for VM images that allocates
    /// (an iSCSI storage only hands out existing LUNs).
    static func proposedSmallDiskStorage(_ ctx: FieldContext) -> String {
        if let first = ctx.model.firstDiskStorage, ctx.host.storage(first)?.selectsExistingVolumes != true { return first }
        return ctx.model.allocatingImageStorages.first?.id ?? ctx.model.storages(withContent: "images").first?.id ?? ""
    }

    /// Where the small EFI vars or TPM state volume goes.
    static func volumeStorage(_ id: FieldID, label: Phrase, key: String, active: @escaping FieldSpec.Rule<Bool>) -> FieldSpec {
        FieldSpec(
            id, tab: .system, label: label, kind: .picker, pveKey: .subKey(key, "file"),
            defaultValue: proposedSmallDiskStorage,
            visible: active,
            choices: imageStorageChoices,
            validate: Checks.storage(label, content: "images"),
            inference: { ctx in
                ctx.model.firstDiskStorage.flatMap { ctx.host.storage($0)?.selectsExistingVolumes == true ? nil : "same storage as the first disk" }
            })
    }

    /// Its format: chosen only where the storage offers more than one.
    static func volumeFormat(_ id: FieldID, label: Phrase, key: String, storageField: FieldID,
                             active: @escaping FieldSpec.Rule<Bool>) -> FieldSpec {
        FieldSpec(
            id, tab: .system, label: label, kind: .choice, pveKey: .subKey(key, "format"),
            defaultValue: { ctx in ctx.model.preferredFormat(ofStorage: ctx.value(storageField)) },
            visible: active,
            enabled: { ctx in
                ctx.model.formats(ofStorage: ctx.value(storageField)).count > 1 && !ctx.model.selectsExistingVolume(storageField: storageField)
            },
            choices: { formatChoices($0, storageField: storageField) })
    }

    static let system: [FieldSpec] = [
        FieldSpec(
            .vga, tab: .system, label: "Graphic card", kind: .choice, pveKey: .key("vga"),
            // Cloud images send their console to the first serial port (and often print nothing on VGA).
            defaultValue: { ctx in ctx.model.usesCloudImage ? "serial0" : "" },
            choices: { ctx in
                let offered = [
                    Choice("", "Default"), Choice("std", "Standard VGA"), Choice("vmware", "VMware compatible"),
                    Choice("qxl", "SPICE"), Choice("qxl2", "SPICE dual monitor"), Choice("qxl3", "SPICE three monitors"),
                    Choice("qxl4", "SPICE four monitors"), Choice("serial0", "Serial terminal 0"),
                    Choice("serial1", "Serial terminal 1"), Choice("serial2", "Serial terminal 2"),
                    Choice("serial3", "Serial terminal 3"), Choice("virtio", "VirtIO-GPU"),
                    Choice("virtio-gl", "VirGL GPU"), Choice("none", "none"),
                ]
                return offered + templateChoice(ctx, .vga, offered: offered, known: PVESchema.enumValues(format: "anonymous:vga", key: "type"))
            },
            inference: { ctx in ctx.model.usesCloudImage ? "cloud images use a serial console" : nil }),
        FieldSpec(
            .machine, tab: .system, label: "Machine", kind: .choice, pveKey: .key("machine"),
            defaultValue: { ctx in
                // A PCI Express device wants a PCIe bus: q35 (the reason the seed notes give for choosing it).
                ctx.model.osDefaults.machine.isEmpty && ctx.model.guestArch != .aarch64 && ctx.model.passesThroughExpressDevice
                    ? "q35" : ctx.model.osDefaults.machine
            },
            choices: { ctx in ctx.model.guestArch.machineChoices },
            validate: { value, ctx in
                guard ctx.model.guestArch == .aarch64, !value.isEmpty else { return nil }
                return .stricter("Machine \(value) is an x86 machine; an ARM (64-bit) guest uses the default (virt)", "QEMU refuses to start it")
            },
            inference: { ctx in
                if !ctx.model.osDefaults.machine.isEmpty { return "Windows 11 needs q35" }
                return ctx.model.value(.machine) == "q35" ? "a PCI Express device is passed through" : nil
            }),
        // The web UI's Machine dialog (after creation): a guest IOMMU, e.g. for nested passthrough.
        FieldSpec(
            .viommu, tab: .system, label: "vIOMMU", kind: .choice, pveKey: .subKey("machine", "viommu"), advanced: true,
            visible: { $0.model.guestArch != .aarch64 },
            choices: { ctx in
                [Choice("", "Default (None)")] + (ctx.model.machineIsQ35 ? [Choice("intel", "Intel (AMD compatible)")] : [])
                    + [Choice("virtio", "VirtIO")]
            },
            validate: { value, ctx in
                let intel = value == "intel"
                return intel && !ctx.model.machineIsQ35 ? Issue("vIOMMU Intel needs the q35 machine: Proxmox refuses it on i440fx") : nil
            }),
        FieldSpec(
            .awBits, tab: .system, label: "vIOMMU address bits", kind: .integer(min: 32, max: 64, step: 1, unit: "bits"),
            pveKey: .subKey("machine", "aw-bits"), advanced: true,
            placeholder: { _ in "QEMU's default" },
            visible: { $0.model.guestArch != .aarch64 && !$0.value(.viommu).isEmpty },
            validate: { value, ctx in
                if value.isEmpty { return nil }
                guard let bits = Double(value), PVEFormat.isProxmoxNumber(value), (32...64).contains(bits) else {
                    return Issue("vIOMMU address bits must be a number from 32 to 64 (got '\(Checks.shown(value))')")
                }
                if ctx.value(.viommu) == "intel", bits != 39, bits != 48 {
                    return Issue("vIOMMU address bits: Intel vIOMMU takes 39 or 48 (got \(value))")
                }
                return nil
            }),
        FieldSpec(
            .bios, tab: .system, label: "BIOS", kind: .choice, pveKey: .key("bios"),
            defaultValue: { ctx in
                ctx.model.osDefaults.bios.isEmpty && ctx.model.passesThroughPrimaryGPU ? "ovmf" : ctx.model.osDefaults.bios
            },
            choices: { ctx in ctx.model.guestArch.biosChoices },
            validate: { value, ctx in
                if ctx.model.guestArch == .aarch64, value != "ovmf" {
                    return .stricter("An ARM (64-bit) guest boots only with OVMF (UEFI); SeaBIOS is for x86", "the VM does not boot")
                }
                return WindowsMinimums.firmware(ctx.model)
            },
            inference: { ctx in
                if ctx.model.guestArch == .aarch64 { return "ARM guests boot with UEFI" }
                if !ctx.model.osDefaults.bios.isEmpty { return "Windows 11 needs UEFI" }
                return ctx.model.value(.bios) == "ovmf" ? "a primary GPU is passed through" : nil
            }),
        FieldSpec(
            .efiAdd, tab: .system, label: "Add EFI Disk", kind: .flag, pveKey: .key("efidisk0"),
            defaultValue: { _ in "1" },
            visible: { $0.model.usesOVMF }),
        volumeStorage(.efiStorage, label: "EFI Storage", key: "efidisk0", active: { $0.model.efiDiskActive }),
        existingVolume(.efiVolume, tab: .system, label: "EFI volume", key: "efidisk0", storageField: .efiStorage,
                       active: { $0.model.efiDiskActive },
                       // qemu-server writes the OVMF variables only into a volume it allocates itself.
                       caveat: "EFI volume: Proxmox uses an existing volume as it is and does not copy the OVMF variables (or the pre-enrolled keys) into it"),
        volumeFormat(.efiFormat, label: "EFI Format", key: "efidisk0", storageField: .efiStorage,
                     active: { $0.model.efiDiskActive }),
        FieldSpec(
            .efiType, tab: .system, label: "EFI vars size", kind: .choice, pveKey: .subKey("efidisk0", "efitype"),
            advanced: true, defaultValue: { _ in "4m" },
            // ARM guests ignore it (one vars layout), but the web UI sends it all the same.
            visible: { $0.model.efiDiskActive },
            choices: { _ in [Choice("4m", "4 MB (Secure Boot)"), Choice("2m", "2 MB (old layout)")] }),
        FieldSpec(
            .efiKeys, tab: .system, label: "Pre-Enroll keys", kind: .flag,
            pveKey: .subKey("efidisk0", "pre-enrolled-keys"),
            defaultValue: { _ in "1" },
            visible: { $0.model.efiDiskActive }),
        FieldSpec(
            .scsihw, tab: .system, label: "SCSI Controller", kind: .choice, pveKey: .key("scsihw"),
            defaultValue: { $0.model.osDefaults.scsihw },
            choices: { ctx in ctx.model.guestArch.scsiControllers },
            validate: { value, ctx in
                guard ctx.model.guestArch == .aarch64, !["virtio-scsi-pci", "virtio-scsi-single"].contains(value) else { return nil }
                let shown = OptionCatalog.scsiControllers.first { $0.value == value }?.label ?? .verbatim(value)
                return .stricter("SCSI controller \(shown) is not available to ARM (64-bit) guests: use VirtIO SCSI or VirtIO SCSI single", "the VM does not start")
            }),
        FieldSpec(
            .agent, tab: .system, label: "Qemu Agent", kind: .flag, pveKey: .key("agent"),
            defaultValue: { _ in "0" }),
        FieldSpec(
            .tpmAdd, tab: .system, label: "Add TPM", kind: .flag, pveKey: .key("tpmstate0"),
            defaultValue: { ctx in ctx.model.ostype == "win11" ? "1" : "0" },
            validate: { _, ctx in WindowsMinimums.tpm(ctx.model) },
            inference: { ctx in ctx.model.ostype == "win11" ? "Windows 11 needs a TPM 2.0" : nil }),
        volumeStorage(.tpmStorage, label: "TPM Storage", key: "tpmstate0", active: { $0.model.tpmActive }),
        existingVolume(.tpmVolume, tab: .system, label: "TPM volume", key: "tpmstate0", storageField: .tpmStorage,
                       active: { $0.model.tpmActive }),
        volumeFormat(.tpmFormat, label: "TPM Format", key: "tpmstate0", storageField: .tpmStorage,
                     active: { $0.model.tpmActive }),
        FieldSpec(
            .tpmVersion, tab: .system, label: "TPM Version", kind: .choice, pveKey: .subKey("tpmstate0", "version"),
            defaultValue: { _ in "v2.0" },
            visible: { $0.model.tpmActive },
            choices: { _ in [Choice("v1.2", "v1.2"), Choice("v2.0", "v2.0")] }),
    ]

    public static let scsiControllers: [Choice] = [
        Choice("", "Default (LSI 53C895A)"), Choice("lsi", "LSI 53C895A"), Choice("lsi53c810", "LSI 53C810"),
        Choice("megasas", "MegaRAID SAS 8708EM2"), Choice("virtio-scsi-pci", "VirtIO SCSI"),
        Choice("virtio-scsi-single", "VirtIO SCSI single"), Choice("pvscsi", "VMware PVSCSI"),
    ]
}
