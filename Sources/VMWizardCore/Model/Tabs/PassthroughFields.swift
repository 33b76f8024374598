/// PCI(e) and USB devices passed through from the host: the System tab's device list, one entry per device, with
/// the fields of the web UI's "Add: PCI Device" and "Add: USB Device" dialogs, checked against the node itself.
extension OptionCatalog {
    static func isPCI(_ ctx: FieldContext) -> Bool { ctx.value(.devType) != "usb" }
    static func isRawPCI(_ ctx: FieldContext) -> Bool { isPCI(ctx) && ctx.value(.pciSource) == "raw" }

    /// The web UI's PCI selector leaves out memory controllers, bridges and processors (classes 05, 06, 0b).
    static func offeredPCIDevices(_ inventory: PassthroughInventory) -> [PCIDevice] {
        inventory.pciDevices.filter { ![0x05, 0x06, 0x0b].contains($0.baseClass ?? 0) }
    }

    static func pciChoices(_ ctx: FieldContext) -> [Choice] {
        guard let inventory = ctx.model.localPassthrough else { return [] }
        return offeredPCIDevices(inventory).map { device in
            var detail: [Phrase] = [device.iommuGroup.map { "group \($0)" } ?? "no IOMMU group"]
            if let driver = device.driver { detail.append(.verbatim(driver)) }
            detail += device.netInterfaces.map { .verbatim($0) }
            if !inventory.networkUse(of: device).isEmpty { detail.append("node's network") }
            if !device.mdevTypes.isEmpty { detail.append("mediated types") }
            // lspci's short address (domain 0000 left out), then the names.
            let short = device.address.hasPrefix("0000:") ? String(device.address.dropFirst(5)) : device.address
            return Choice(device.address, .verbatim("\(short) \(PassthroughInventory.name(of: device))"), detail: .list(detail),
                          group: device.className ?? "")
        }
    }

    static func usbChoices(_ ctx: FieldContext, byPort: Bool) -> [Choice] {
        guard let inventory = ctx.model.localPassthrough else { return [] }
        return inventory.usbDevices.map { device in
            let speed: Phrase = device.speed.map { "\($0) Mbit/s" } ?? .empty
            if byPort {
                return Choice(device.busPort, .verbatim(PassthroughInventory.name(of: device)),
                              detail: .list([.verbatim(device.vendorProductID), speed]))
            }
            return Choice(device.vendorProductID, .verbatim(PassthroughInventory.name(of: device)),
                          detail: .list(["port \(device.busPort)", speed]))
        }
    }

    static func mappingChoices(_ mappings: [DeviceMapping]) -> [Choice] {
        mappings.map { Choice($0.id, .verbatim($0.id), detail: .verbatim($0.description ?? "")) }
    }

    static let passthrough: [FieldSpec] = [
        FieldSpec(
            .devType, tab: .system, scope: .device, label: "Device type", kind: .choice, pveKey: .key("hostpci[n] / usb[n]"),
            defaultValue: { _ in "pci" },
            choices: { _ in [Choice("pci", "PCI device"), Choice("usb", "USB device")] },
            validate: { value, ctx in
                guard let item = ctx.item else { return nil }
                let sameKind = ctx.model.draft.devices.indices.filter { ctx.model.isPCIDevice($0) == (value != "usb") }
                if value != "usb", sameKind.count > VMModel.maxPCIDevices, sameKind.firstIndex(of: item) ?? 0 >= VMModel.maxPCIDevices {
                    return Issue("Proxmox takes at most \(VMModel.maxPCIDevices) PCI devices per VM")
                }
                let limit = ctx.model.maxUSBDevices
                if value == "usb", sameKind.count > limit, sameKind.firstIndex(of: item) ?? 0 >= limit {
                    return Issue("Proxmox takes at most \(limit) USB devices with this machine and OS type (14 need machine 7.1 or newer and Linux or Windows 8 or later)")
                }
                return nil
            }),
        // PCI
        FieldSpec(
            .pciSource, tab: .system, scope: .device, label: "Source", kind: .choice, pveKey: .subKey("hostpci[n]", "host / mapping"),
            defaultValue: { ctx in ctx.model.localPassthrough?.localPCIMappings.isEmpty == false ? "mapped" : "raw" },
            visible: isPCI,
            choices: { _ in [Choice("mapped", "Mapped device"), Choice("raw", "Raw device")] }),
        FieldSpec(
            .pciMapping, tab: .system, scope: .device, label: "Mapping", kind: .picker, pveKey: .subKey("hostpci[n]", "mapping"),
            visible: { isPCI($0) && $0.value(.pciSource) == "mapped" },
            choices: { ctx in mappingChoices(ctx.model.localPassthrough?.localPCIMappings ?? []) },
            validate: { value, ctx in validateMapping(value, ctx, kind: .pci) }),
        FieldSpec(
            .pciHost, tab: .system, scope: .device, label: "Device", kind: .picker, pveKey: .subKey("hostpci[n]", "host"),
            visible: isRawPCI,
            choices: pciChoices,
            validate: PassthroughChecks.pciHost),
        FieldSpec(
            .pciAllFunctions, tab: .system, scope: .device, label: "All functions", kind: .flag, pveKey: .subKey("hostpci[n]", "host"),
            defaultValue: { _ in "0" },
            visible: isRawPCI),
        FieldSpec(
            .pciOverride, tab: .system, scope: .device, label: "Pass through anyway", kind: .flag, pveKey: .none,
            defaultValue: { _ in "0" },
            visible: { ctx in ctx.item.map { !PassthroughChecks.hostNetworkUse(ctx.model, item: $0).isEmpty } ?? false }),
        FieldSpec(
            .pciMdev, tab: .system, scope: .device, label: "MDev type", kind: .choice, pveKey: .subKey("hostpci[n]", "mdev"),
            // Shown where the device offers mediated types, and for a type a template names (its device may be
            // on another node).
            visible: { ctx in
                ctx.item.flatMap { ctx.model.pciDevice(item: $0) }?.mdevTypes.isEmpty == false
                    || ctx.model.isUserSet(.pciMdev, item: ctx.item)
            },
            choices: { ctx in
                let types = ctx.item.flatMap { ctx.model.pciDevice(item: $0) }?.mdevTypes ?? []
                var choices = [Choice("", "None (the whole device)")] + types.map { type in
                    Choice(type.id, .verbatim(type.name ?? type.id),
                           detail: type.availableInstances.map { "\($0) available" } ?? .empty)
                }
                if let given = ctx.model.userValue(.pciMdev, item: ctx.item), !choices.contains(where: { $0.value == given }) {
                    choices.append(Choice(given))
                }
                return choices
            },
            validate: { value, ctx in
                guard !value.isEmpty, let device = ctx.item.flatMap({ ctx.model.pciDevice(item: $0) }) else { return nil }
                guard let type = device.mdevTypes.first(where: { $0.id == value }) else {
                    return .warning("\(device.address) offers no mediated type \(value) on this node: the VM does not start with it here")
                }
                return type.availableInstances == 0 ? .warning("No instance of \(value) is free on this device now: the VM does not start until one is") : nil
            }),
        FieldSpec(
            .pciPrimaryGPU, tab: .system, scope: .device, label: "Primary GPU", kind: .flag, pveKey: .subKey("hostpci[n]", "x-vga"),
            defaultValue: { _ in "0" },
            visible: isPCI,
            validate: { value, ctx in
                guard value == "1", let item = ctx.item else { return nil }
                if let device = ctx.model.pciDevice(item: item), !device.isDisplay {
                    return .warning("Primary GPU is meant for a graphics card; \(device.address) is a \(device.className ?? "device of class \(device.classCode)")")
                }
                return ctx.model.usesOVMF ? nil : .warning("A primary GPU usually needs OVMF (UEFI) to show the boot screen: choose OVMF on this tab")
            }),
        FieldSpec(
            .pciExpress, tab: .system, scope: .device, label: "PCI-Express", kind: .flag, pveKey: .subKey("hostpci[n]", "pcie"),
            defaultValue: { ctx in ctx.item.flatMap { ctx.model.pciDevice(item: $0) }?.isExpress == true ? "1" : "0" },
            placeholder: { _ in "q35 only" },
            visible: isPCI,
            enabled: { $0.model.machineIsQ35 },
            inference: { ctx in
                ctx.item.flatMap { ctx.model.pciDevice(item: $0) }?.isExpress == true ? "the device is PCI Express" : nil
            }),
        FieldSpec(
            .pciROMBar, tab: .system, scope: .device, label: "ROM-Bar", kind: .flag, pveKey: .subKey("hostpci[n]", "rombar"),
            advanced: true, defaultValue: { _ in "1" },
            visible: isPCI),
        // USB
        FieldSpec(
            .usbSource, tab: .system, scope: .device, label: "Source", kind: .choice, pveKey: .subKey("usb[n]", "host / mapping"),
            defaultValue: { ctx in ctx.model.localPassthrough?.usbDevices.isEmpty == false ? "device" : "spice" },
            visible: { !isPCI($0) },
            choices: { _ in
                [Choice("device", "Vendor/device ID"), Choice("port", "USB port"), Choice("mapped", "Mapped device"),
                 Choice("spice", "SPICE port")]
            }),
        FieldSpec(
            .usbHost, tab: .system, scope: .device, label: "Device", kind: .picker, pveKey: .subKey("usb[n]", "host"),
            visible: { !isPCI($0) && $0.value(.usbSource) == "device" },
            choices: { usbChoices($0, byPort: false) },
            validate: PassthroughChecks.usbHost),
        FieldSpec(
            .usbPort, tab: .system, scope: .device, label: "Port", kind: .picker, pveKey: .subKey("usb[n]", "host"),
            visible: { !isPCI($0) && $0.value(.usbSource) == "port" },
            choices: { usbChoices($0, byPort: true) },
            validate: PassthroughChecks.usbPort),
        FieldSpec(
            .usbMapping, tab: .system, scope: .device, label: "Mapping", kind: .picker, pveKey: .subKey("usb[n]", "mapping"),
            visible: { !isPCI($0) && $0.value(.usbSource) == "mapped" },
            choices: { ctx in mappingChoices(ctx.model.localPassthrough?.localUSBMappings ?? []) },
            validate: { value, ctx in validateMapping(value, ctx, kind: .usb) }),
        // On the xHCI controller of newer machines every port is USB3 already; the web UI greys the box out.
        FieldSpec(
            .usb3, tab: .system, scope: .device, label: "Use USB3", kind: .flag, pveKey: .subKey("usb[n]", "usb3"),
            defaultValue: { _ in "1" },
            visible: { !isPCI($0) },
            enabled: { $0.model.maxUSBDevices == 5 }),
    ]

    static func validateMapping(_ value: String, _ ctx: FieldContext, kind: DeviceMapping.Kind) -> Issue? {
        if value.isEmpty { return Issue("Mapping is required: pick one (Datacenter → Resource Mappings)") }
        if !SchemaVerifiers.isConfigID(value) { return Issue("Mapping '\(Checks.shown(value))' is not a mapping ID (a letter, then letters, digits, - and _)") }
        guard let inventory = ctx.model.localPassthrough else {
            return ctx.model.createsOnOtherNode ? nil : .warning("Mapping \(value) is not checked yet: the node's devices are being read")
        }
        let mappings = kind == .pci ? inventory.pciMappings : inventory.usbMappings
        let file = kind == .pci ? "/etc/pve/mapping/pci.cfg" : "/etc/pve/mapping/usb.cfg"
        guard let mapping = mappings.first(where: { $0.id == value }) else {
            return .warning("There is no mapping \(value) in \(file): Proxmox creates the VM, but it does not start until the mapping exists")
        }
        if mapping.entries(for: ctx.model.targetNode).isEmpty {
            return .warning("Mapping \(value) has no device on node \(ctx.model.targetNode): the VM starts only on a node it maps")
        }
        return nil
    }
}
