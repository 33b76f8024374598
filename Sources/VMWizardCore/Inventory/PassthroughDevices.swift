import VMWizardPlatform

// What a node offers for PCI(e) and USB passthrough, as read from its own files by `PassthroughInventoryLoader`.
// Texts that come from the host (sysfs strings, pci.ids names, mapping descriptions) are kept raw: whoever shows
// them sanitises them for the terminal.

/// One PCI function of the node, as sysfs lists it under `/sys/bus/pci/devices`.
public struct PCIDevice: Sendable, Equatable {
    /// The sysfs name, "0000:01:00.0" (domain:bus:slot.function, lower-case hex).
    public var address: String
    /// "8086": lower-case hex without "0x".
    public var vendorID: String
    public var deviceID: String
    public var subsystemVendorID: String?
    public var subsystemDeviceID: String?
    /// "020000": class, subclass and programming interface, lower-case hex without "0x".
    public var classCode: String
    /// From pci.ids when it is installed.
    public var vendorName: String?
    public var deviceName: String?
    /// Nil when the device has no IOMMU group (IOMMU off, or not supported for the device).
    public var iommuGroup: Int?
    /// The bound driver ("ixgbe", "vfio-pci"); nil when none is bound.
    public var driver: String?
    /// The network interfaces the device provides (names under `<device>/net/`), sorted.
    public var netInterfaces: [String]
    /// Mediated device types it offers (`<device>/mdev_supported_types/`), sorted by ID.
    public var mdevTypes: [MediatedDeviceType]
    /// True when the device sits on a PCI Express link (it has `current_link_speed`, a good-enough sign of a
    /// PCI Express capability).
    public var isExpress: Bool

    public init(
        address: String, vendorID: String, deviceID: String,
        subsystemVendorID: String? = nil, subsystemDeviceID: String? = nil, classCode: String,
        vendorName: String? = nil, deviceName: String? = nil, iommuGroup: Int? = nil, driver: String? = nil,
        netInterfaces: [String] = [], mdevTypes: [MediatedDeviceType] = [], isExpress: Bool = false
    ) {
        self.address = address
        self.vendorID = vendorID
        self.deviceID = deviceID
        self.subsystemVendorID = subsystemVendorID
        self.subsystemDeviceID = subsystemDeviceID
        self.classCode = classCode
        self.vendorName = vendorName
        self.deviceName = deviceName
        self.iommuGroup = iommuGroup
        self.driver = driver
        self.netInterfaces = netInterfaces
        self.mdevTypes = mdevTypes
        self.isExpress = isExpress
    }

    /// The address without the function: "0000:01:00".
    public var slot: String {
        guard let dot = address.lastIndex(of: ".") else { return address }
        return String(address[..<dot])
    }

    /// The function number (0…7), from the hex digit after the dot (0 for an address without one).
    public var function: Int {
        guard let dot = address.lastIndex(of: ".") else { return 0 }
        return Int(address[address.index(after: dot)...], radix: 16) ?? 0
    }

    /// True when `other` is another function of the same physical device (same slot, different function).
    public func isMultiFunctionSibling(of other: PCIDevice) -> Bool {
        other.address != address && other.slot == slot
    }

    /// "vendor:device", as Proxmox's mappings write it ("8086:10fb").
    public var vendorDeviceID: String { vendorID + ":" + deviceID }

    /// "vendor:device" of the subsystem, when both halves are known.
    public var subsystemID: String? {
        guard let vendor = subsystemVendorID, let device = subsystemDeviceID else { return nil }
        return vendor + ":" + device
    }

    /// The base class, the first byte of `classCode` (0x02 network, 0x03 display, …).
    public var baseClass: UInt8? { hexByte(at: 0) }
    /// The subclass, the second byte of `classCode`.
    public var subclass: UInt8? { hexByte(at: 2) }

    private func hexByte(at offset: Int) -> UInt8? {
        let utf8 = Array(classCode.utf8)
        guard utf8.count >= offset + 2 else { return nil }
        return UInt8(String(decoding: utf8[offset..<offset + 2], as: UTF8.self), radix: 16)
    }

    /// A short English name of the device's class for the common classes (the names pci.ids uses); nil otherwise.
    public var className: String? {
        guard let base = baseClass, let sub = subclass else { return nil }
        switch (base, sub) {
        case (0x01, 0x00): return "SCSI storage controller"
        case (0x01, 0x01): return "IDE interface"
        case (0x01, 0x04): return "RAID bus controller"
        case (0x01, 0x06): return "SATA controller"
        case (0x01, 0x07): return "Serial Attached SCSI controller"
        case (0x01, 0x08): return "Non-Volatile memory controller"
        case (0x01, _): return "Mass storage controller"
        case (0x02, 0x00): return "Ethernet controller"
        case (0x02, _): return "Network controller"
        case (0x03, 0x00): return "VGA compatible controller"
        case (0x03, 0x02): return "3D controller"
        case (0x03, _): return "Display controller"
        case (0x04, 0x01): return "Multimedia audio controller"
        case (0x04, 0x03): return "Audio device"
        case (0x06, 0x00): return "Host bridge"
        case (0x06, 0x01): return "ISA bridge"
        case (0x06, 0x04): return "PCI bridge"
        case (0x06, _): return "Bridge"
        case (0x0c, 0x03): return "USB controller"
        default: return nil
        }
    }

    /// Class 0x06: host, ISA and PCI bridges (not something to pass through).
    public var isBridge: Bool { baseClass == 0x06 }
    /// Class 0x03: a GPU or other display controller.
    public var isDisplay: Bool { baseClass == 0x03 }
}

/// A mediated device type a PCI device offers (Intel GVT-g, NVIDIA vGPU, …).
public struct MediatedDeviceType: Sendable, Equatable {
    /// The folder name under `mdev_supported_types`, what `hostpciN: …,mdev=ID` takes ("i915-GVTg_V5_4").
    public var id: String
    public var name: String?
    /// Free text from the driver, possibly several lines.
    public var description: String?
    public var availableInstances: Int?

    public init(id: String, name: String? = nil, description: String? = nil, availableInstances: Int? = nil) {
        self.id = id
        self.name = name
        self.description = description
        self.availableInstances = availableInstances
    }
}

/// A USB device plugged into the node (hubs and root hubs are not listed).
public struct USBDevice: Sendable, Equatable {
    /// The sysfs name, "1-2" or "1-2.3": bus, then the port path; what Proxmox's `host=BUS-PORT` means.
    public var busPort: String
    public var busNumber: Int
    public var deviceNumber: Int
    /// "046d": lower-case hex without "0x".
    public var vendorID: String
    public var productID: String
    /// The device's own strings from sysfs, raw.
    public var manufacturer: String?
    public var product: String?
    /// From usb.ids when it is installed.
    public var vendorName: String?
    public var productName: String?
    /// sysfs `speed` as written there, in Mbit/s: "1.5", "12", "480", "5000", "10000", "20000".
    public var speed: String?
    /// bDeviceClass 09. Hubs are not offered (as in Proxmox's USB list), so a listed device has this false.
    public var isHub: Bool

    public init(
        busPort: String, busNumber: Int, deviceNumber: Int, vendorID: String, productID: String,
        manufacturer: String? = nil, product: String? = nil, vendorName: String? = nil, productName: String? = nil,
        speed: String? = nil, isHub: Bool = false
    ) {
        self.busPort = busPort
        self.busNumber = busNumber
        self.deviceNumber = deviceNumber
        self.vendorID = vendorID
        self.productID = productID
        self.manufacturer = manufacturer
        self.product = product
        self.vendorName = vendorName
        self.productName = productName
        self.speed = speed
        self.isHub = isHub
    }

    /// "vendor:product" ("046d:c52b"), what `usbN: host=…` and USB mappings take.
    public var vendorProductID: String { vendorID + ":" + productID }

    /// `speed` as a number of Mbit/s (1.5 for low speed); nil when unknown.
    public var speedMbps: Double? { speed.flatMap { Double($0) } }

    /// The port path after the bus ("2.3" of "1-2.3").
    public var portPath: String {
        guard let dash = busPort.firstIndex(of: "-") else { return busPort }
        return String(busPort[busPort.index(after: dash)...])
    }
}

/// A cluster-wide resource mapping from `/etc/pve/mapping/pci.cfg` or `usb.cfg`.
public struct DeviceMapping: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case pci, usb }

    public var id: String
    public var kind: Kind
    public var description: String?
    /// One per `map` line, in file order.
    public var entries: [Entry]
    /// pci.cfg `mdev 1`: the devices can provide mediated devices.
    public var mdev: Bool
    /// pci.cfg `live-migration-capable 1`.
    public var liveMigrationCapable: Bool

    /// One node's device. PCI: `path` ("0000:01:00.0", or "0000:01:00" for all functions, or several paths
    /// separated by ";"), `id`, `iommuGroup`, `subsystemID`. USB: `id`, and `path` ("1-2") when mapped by port.
    public struct Entry: Sendable, Equatable {
        public var node: String
        public var path: String?
        public var id: String?
        public var iommuGroup: Int?
        public var subsystemID: String?

        public init(node: String, path: String? = nil, id: String? = nil, iommuGroup: Int? = nil, subsystemID: String? = nil) {
            self.node = node
            self.path = path
            self.id = id
            self.iommuGroup = iommuGroup
            self.subsystemID = subsystemID
        }
    }

    public init(
        id: String, kind: Kind, description: String? = nil, entries: [Entry] = [],
        mdev: Bool = false, liveMigrationCapable: Bool = false
    ) {
        self.id = id
        self.kind = kind
        self.description = description
        self.entries = entries
        self.mdev = mdev
        self.liveMigrationCapable = liveMigrationCapable
    }

    /// The entries for one node, in file order.
    public func entries(for node: String) -> [Entry] {
        entries.filter { $0.node == node }
    }
}

/// A network interface of the node that carries the node's own network: it has an address itself, or it is a
/// port of a bridge (or a member of a bond that is), or a VLAN on it has an address. Passing its NIC through
/// takes that network away from the node (or from the bridge's guests).
public struct HostNetworkUse: Sendable, Equatable {
    public var interface: String
    /// The bridge it is a port of (directly or through a bond or VLAN), if any.
    public var bridge: String?
    /// The addresses that go away with it: its own, and those of the bridge, bond or VLAN on top of it, as the
    /// interfaces file writes them ("192.0.2.10/24"); "dhcp" for one that gets its address by DHCP (or SLAAC).
    public var addresses: [String]

    public init(interface: String, bridge: String? = nil, addresses: [String] = []) {
        self.interface = interface
        self.bridge = bridge
        self.addresses = addresses
    }
}

/// Everything the node offers for passthrough, and what is needed to explain why something is not offered.
public struct PassthroughInventory: Sendable, Equatable {
    /// The node these devices belong to (what its mapping entries are matched against).
    public var nodeName: String
    /// Sorted by address.
    public var pciDevices: [PCIDevice]
    /// Sorted by bus, then port path; hubs, root hubs and interfaces are not listed.
    public var usbDevices: [USBDevice]
    /// In file order.
    public var pciMappings: [DeviceMapping]
    public var usbMappings: [DeviceMapping]
    /// `/sys/kernel/iommu_groups` has at least one group: the IOMMU is on.
    public var iommuGroupsPresent: Bool
    /// `/proc/cmdline`, to explain what to change when the IOMMU is off (trailing newline removed).
    public var kernelCommandLine: String
    /// "GenuineIntel" or "AuthenticAMD" (the first `vendor_id` of `/proc/cpuinfo`); nil when not said.
    public var cpuVendor: String?
    /// The interfaces that carry the node's network, by interface name.
    public var hostNetworkUse: [String: HostNetworkUse]
    /// Files that could not be read or understood, each naming its file (relative to the root), in English.
    public var problems: [String]

    public init(
        nodeName: String = "", pciDevices: [PCIDevice] = [], usbDevices: [USBDevice] = [],
        pciMappings: [DeviceMapping] = [], usbMappings: [DeviceMapping] = [],
        iommuGroupsPresent: Bool = false, kernelCommandLine: String = "", cpuVendor: String? = nil,
        hostNetworkUse: [String: HostNetworkUse] = [:], problems: [String] = []
    ) {
        self.nodeName = nodeName
        self.pciDevices = pciDevices
        self.usbDevices = usbDevices
        self.pciMappings = pciMappings
        self.usbMappings = usbMappings
        self.iommuGroupsPresent = iommuGroupsPresent
        self.kernelCommandLine = kernelCommandLine
        self.cpuVendor = cpuVendor
        self.hostNetworkUse = hostNetworkUse
        self.problems = problems
    }

    /// Nothing offered, nothing known.
    public static let empty = PassthroughInventory()

    /// The devices of one IOMMU group, by address.
    public func devices(inIOMMUGroup group: Int) -> [PCIDevice] {
        pciDevices.filter { $0.iommuGroup == group }
    }

    /// The functions of one slot ("0000:01:00", or "01:00" for domain 0000), by address.
    public func functions(ofSlot slot: String) -> [PCIDevice] {
        let full = Self.normalizedPCIAddress(slot)
        return pciDevices.filter { $0.slot == full }
    }

    /// The device at an address ("0000:01:00.0", or "01:00.0" for domain 0000; any case).
    public func device(at address: String) -> PCIDevice? {
        let full = Self.normalizedPCIAddress(address)
        return pciDevices.first { $0.address == full }
    }

    /// The interfaces of `device` that carry the node's network, in the device's interface order.
    public func networkUse(of device: PCIDevice) -> [HostNetworkUse] {
        device.netInterfaces.compactMap { hostNetworkUse[$0] }
    }

    /// The mappings with at least one entry for `node`: those a guest on that node can use.
    public func pciMappings(usableOn node: String) -> [DeviceMapping] {
        pciMappings.filter { !$0.entries(for: node).isEmpty }
    }

    public func usbMappings(usableOn node: String) -> [DeviceMapping] {
        usbMappings.filter { !$0.entries(for: node).isEmpty }
    }

    /// The PCI mappings with an entry for this node (`nodeName`).
    public var localPCIMappings: [DeviceMapping] { pciMappings(usableOn: nodeName) }
    /// The USB mappings with an entry for this node (`nodeName`).
    public var localUSBMappings: [DeviceMapping] { usbMappings(usableOn: nodeName) }

    /// Lower case, with the domain "0000:" added when the address has only bus:slot(.function).
    static func normalizedPCIAddress(_ address: String) -> String {
        let lower = address.lowercased()
        return lower.split(separator: ":", omittingEmptySubsequences: false).count == 2 ? "0000:" + lower : lower
    }
}
