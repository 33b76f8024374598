/// PCI(e) and USB passthrough: which config key each device becomes, what it is on this node, and the values
/// Proxmox takes (`hostpciN`, `usbN`), as the web UI's "Add: PCI Device" / "Add: USB Device" dialogs write them.
extension VMModel {
    public static let maxPCIDevices = 16

    public func isPCIDevice(_ item: Int) -> Bool { value(.devType, item: item) != "usb" }

    /// `hostpci0`, `usb0`, … for each device in list order; numbers a template's kept device holds are skipped.
    public var deviceKeys: [String] {
        let kept = Set(draft.activeKept.filter { !$0.isOptions }.map(\.key))
        var nextPCI = 0, nextUSB = 0
        return draft.devices.indices.map { item in
            if isPCIDevice(item) {
                while kept.contains("hostpci\(nextPCI)") { nextPCI += 1 }
                defer { nextPCI += 1 }
                return "hostpci\(nextPCI)"
            }
            while kept.contains("usb\(nextUSB)") { nextUSB += 1 }
            defer { nextUSB += 1 }
            return "usb\(nextUSB)"
        }
    }

    /// The node's passthrough inventory when the VM is created on this node and it has been read.
    var localPassthrough: PassthroughInventory? { createsOnOtherNode ? nil : host.passthrough }

    /// The host PCI device a raw PCI entry names, when this node has it.
    public func pciDevice(item: Int) -> PCIDevice? {
        guard isPCIDevice(item), value(.pciSource, item: item) == "raw" else { return nil }
        return localPassthrough?.device(at: value(.pciHost, item: item))
    }

    /// Any raw PCI device that is PCI Express: the seed's reason for q35 (a PCIe device wants a PCIe bus).
    var passesThroughExpressDevice: Bool {
        draft.devices.indices.contains { pciDevice(item: $0)?.isExpress == true }
    }

    /// A device passed through as the primary GPU: it needs UEFI firmware to show the boot screen.
    var passesThroughPrimaryGPU: Bool {
        draft.devices.indices.contains { isPCIDevice($0) && flag(.pciPrimaryGPU, item: $0) }
    }

    /// How many USB devices Proxmox allows: 14 on the xHCI controller (machine 7.1 or newer and Linux or
    /// Windows 8 and later), else 5.
    public var maxUSBDevices: Int {
        let os = value(.ostype)
        let modernOS = os == "l26" || ["win8", "win10", "win11", "w2k12", "w2k16", "w2k19", "w2k22", "w2k25"].contains(os)
        return modernOS && machineVersionAtLeast(7, 1) ? 14 : 5
    }

    /// The machine's version is at least major.minor (an unversioned machine is the newest).
    func machineVersionAtLeast(_ major: Int, _ minor: Int) -> Bool {
        let machine = value(.machine)
        guard let dash = machine.lastIndex(of: "-"), machine.hasPrefix("pc-") else { return true }
        let version = machine[machine.index(after: dash)...].split(separator: "+").first ?? ""
        let parts = version.split(separator: ".").compactMap { Int($0) }
        guard parts.count >= 2 else { return true }
        return (parts[0], parts[1]) >= (major, minor)
    }

    /// `hostpciN`: the device (or `mapping=`), then mdev, x-vga, rombar and pcie in the web UI's order.
    public func pciValue(item: Int) -> String {
        func active(_ id: FieldID) -> String? { activeValue(id, item: item).flatMap { $0.isEmpty ? nil : $0 } }
        var parts: [String] = []
        if value(.pciSource, item: item) == "mapped" {
            parts.append("mapping=\(value(.pciMapping, item: item))")
        } else {
            let host = value(.pciHost, item: item)
            let address = PassthroughInventory.normalizedAddress(host)
            parts.append(flag(.pciAllFunctions, item: item) ? String(address.prefix { $0 != "." }) : address)
        }
        if let mdev = active(.pciMdev) { parts.append("mdev=\(mdev)") }
        if active(.pciPrimaryGPU) == "1" { parts.append("x-vga=1") }
        if active(.pciROMBar) == "0" { parts.append("rombar=0") }
        if active(.pciExpress) == "1" { parts.append("pcie=1") }
        return parts.joined(separator: ",")
    }

    /// `usbN`: `host=VENDOR:PRODUCT`, `host=BUS-PORT`, `mapping=ID` or `spice`, then `usb3=1`.
    public func usbValue(item: Int) -> String {
        var value: String
        switch self.value(.usbSource, item: item) {
        case "port": value = "host=\(self.value(.usbPort, item: item))"
        case "mapped": value = "mapping=\(self.value(.usbMapping, item: item))"
        case "spice": value = "spice"
        default: value = "host=\(self.value(.usbHost, item: item))"
        }
        if activeValue(.usb3, item: item) == "1" { value += ",usb3=1" }
        return value
    }

    public func deviceValue(item: Int) -> String {
        var value = isPCIDevice(item) ? pciValue(item: item) : usbValue(item: item)
        let kept = draft.devices[item].activeKeptOptions
        if !kept.isEmpty { value += "," + kept }
        return value
    }

    /// What each list entry is called on screen: its key and what it passes through.
    public func deviceSummary(item: Int) -> String {
        deviceKeys.indices.contains(item) ? deviceKeys[item] : "device\(item)"
    }
}

extension PassthroughInventory {
    /// "01:00.0" → "0000:01:00.0"; lower case; anything else as it is.
    public static func normalizedAddress(_ address: String) -> String {
        let lower = address.lowercased()
        let colons = lower.filter { $0 == ":" }.count
        return colons == 1 ? "0000:" + lower : lower
    }

    /// True when `address` is a PCI address as Proxmox's `host=` takes one (domain optional, function optional).
    public static func isPCIAddress(_ address: String) -> Bool {
        SchemaPattern.wholeMatch("(?:[a-f0-9]{4,}:)?[a-f0-9]{2}:[a-f0-9]{2}(?:\\.[a-f0-9])?", address)
    }

    /// A PCI device's line in the picker: vendor and device names, or its IDs.
    public static func name(of device: PCIDevice) -> String {
        let vendor = device.vendorName ?? device.vendorID
        let name = device.deviceName ?? device.deviceID
        return "\(vendor) \(name)"
    }

    public static func name(of device: USBDevice) -> String {
        let vendor = device.manufacturer ?? device.vendorName ?? device.vendorID
        let name = device.product ?? device.productName ?? device.productID
        return "\(vendor) \(name)"
    }
}
