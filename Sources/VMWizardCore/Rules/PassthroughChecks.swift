/// What only a wizard on the host can check about passthrough: the IOMMU, the device's group, and whether the
/// device carries the node's own network (passing that through cuts the node off).
enum PassthroughChecks {
    /// The host PCI devices a raw entry takes: the one function, or every function of the slot.
    static func takenDevices(_ model: VMModel, item: Int) -> [PCIDevice] {
        guard model.isPCIDevice(item), model.value(.pciSource, item: item) == "raw",
              let inventory = model.localPassthrough else { return [] }
        let host = model.value(.pciHost, item: item)
        guard let device = inventory.device(at: host) else { return [] }
        return model.flag(.pciAllFunctions, item: item) ? inventory.functions(ofSlot: device.slot) : [device]
    }

    /// The node's network this entry would take away.
    static func hostNetworkUse(_ model: VMModel, item: Int) -> [HostNetworkUse] {
        guard let inventory = model.localPassthrough else { return [] }
        return takenDevices(model, item: item).flatMap { inventory.networkUse(of: $0) }
    }

    static func pciHost(_ value: String, _ ctx: FieldContext) -> Issue? {
        if value.isEmpty { return Issue("Device is required: pick the PCI device to pass through") }
        guard PassthroughInventory.isPCIAddress(value.lowercased()) else {
            return Issue("'\(Checks.shown(value))' is not a PCI address (like 0000:01:00.0)")
        }
        guard let item = ctx.item else { return nil }
        let model = ctx.model
        let address = PassthroughInventory.normalizedAddress(value)
        let slot = String(address.prefix { $0 != "." })
        for other in model.draft.devices.indices where other != item && model.isPCIDevice(other) && model.value(.pciSource, item: other) == "raw" {
            let otherAddress = PassthroughInventory.normalizedAddress(model.value(.pciHost, item: other))
            let overlaps = otherAddress == address
                || ((model.flag(.pciAllFunctions, item: item) || model.flag(.pciAllFunctions, item: other)) && otherAddress.hasPrefix(slot))
            if overlaps { return Issue("\(address) is already passed through as \(model.deviceSummary(item: other))") }
        }
        guard let inventory = model.localPassthrough else {
            if model.createsOnOtherNode {
                return .warning("The devices of node \(model.targetNode) are not known here: Proxmox checks \(address) when the VM starts")
            }
            return .warning("\(address) is not checked yet: the node's devices are being read")
        }
        guard inventory.device(at: address) != nil || !inventory.functions(ofSlot: slot).isEmpty else {
            return .warning("This node has no PCI device \(address): Proxmox creates the VM, but it does not start until the device is there")
        }
        let network = hostNetworkUse(model, item: item)
        if let use = network.first {
            let via = use.bridge.map { " in \($0)" } ?? ""
            let addresses = use.addresses.isEmpty ? "" : " (\(use.addresses.joined(separator: ", ")))"
            if !ctx.flag(.pciOverride) {
                return Issue("\(address) carries the node's own network: \(use.interface)\(via)\(addresses). Passing it through cuts the node off; tick Pass through anyway only with another way in")
            }
            return .warning("\(address) carries the node's own network (\(use.interface)\(via)): passed through anyway, the node loses that network while the VM runs")
        }
        if !inventory.iommuGroupsPresent {
            return .warning(iommuOff(inventory))
        }
        let taken = takenDevices(model, item: item)
        guard let group = taken.first?.iommuGroup else {
            return .warning("\(address) is in no IOMMU group, so it cannot be isolated for a VM: check the firmware's IOMMU (VT-d / AMD-Vi) setting")
        }
        // Everything else in the group goes with it (bridges stay with the host); tell which ones.
        let others = model.draft.devices.indices.filter { $0 != item }.flatMap { takenDevices(model, item: $0) }.map(\.address)
        let rest = inventory.devices(inIOMMUGroup: group).filter { device in
            !device.isBridge && !taken.contains(device) && !others.contains(device.address)
        }
        if !rest.isEmpty {
            let names = rest.map { "\($0.address) (\($0.className ?? PassthroughInventory.name(of: $0)))" }
            return .warning("IOMMU group \(group) also holds \(names.joined(separator: ", ")): the host loses them too while the VM runs; pass them through as well, or tick All functions")
        }
        return nil
    }

    /// Why passthrough will not work, and what to change: the kernel command line for Intel, the firmware for AMD.
    static func iommuOff(_ inventory: PassthroughInventory) -> Phrase {
        if inventory.cpuVendor == "AuthenticAMD" {
            return "The node's IOMMU is off (no IOMMU groups): the VM does not start with this device. Enable IOMMU (AMD-Vi) in the firmware setup, then reboot"
        }
        return "The node's IOMMU is off (no IOMMU groups): the VM does not start with this device. Add intel_iommu=on to the kernel command line (/etc/default/grub or /etc/kernel/cmdline), run proxmox-boot-tool refresh, and reboot"
    }

    static func usbHost(_ value: String, _ ctx: FieldContext) -> Issue? {
        if value.isEmpty { return Issue("Device is required: pick the USB device to pass through") }
        guard SchemaPattern.wholeMatch("(?:0x)?[0-9A-Fa-f]{4}:(?:0x)?[0-9A-Fa-f]{4}", value) else {
            return Issue("'\(Checks.shown(value))' is not a USB vendor:product ID (like 046d:c52b)")
        }
        if let issue = duplicateUSB(value, ctx) { return issue }
        guard let inventory = ctx.model.localPassthrough else { return nil }
        let id = value.lowercased().replacingOccurrences(of: "0x", with: "")
        return inventory.usbDevices.contains { $0.vendorProductID == id }
            ? nil : .warning("No USB device \(id) is plugged into this node now: the VM gets it once it is (Proxmox checks at start)")
    }

    static func usbPort(_ value: String, _ ctx: FieldContext) -> Issue? {
        if value.isEmpty { return Issue("Port is required: pick the USB port to pass through") }
        guard SchemaPattern.wholeMatch("\\d+-\\d+(?:\\.\\d+)*", value) else {
            return Issue("'\(Checks.shown(value))' is not a USB port (bus-port, like 1-2 or 1-2.3)")
        }
        if let issue = duplicateUSB(value, ctx) { return issue }
        guard let inventory = ctx.model.localPassthrough else { return nil }
        return inventory.usbDevices.contains { $0.busPort == value }
            ? nil : .warning("Nothing is plugged into USB port \(value) of this node now: the VM gets what is plugged in there")
    }

    static func duplicateUSB(_ value: String, _ ctx: FieldContext) -> Issue? {
        guard let item = ctx.item else { return nil }
        let model = ctx.model
        let mine = model.usbValue(item: item)
        for other in model.draft.devices.indices where other != item && !model.isPCIDevice(other) {
            if model.usbValue(item: other).split(separator: ",").first == mine.split(separator: ",").first {
                return Issue("\(value) is already passed through as \(model.deviceSummary(item: other))")
            }
        }
        return nil
    }
}
