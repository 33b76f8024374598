import Foundation
import Testing
@testable import VMWizardCore
import VMWizardFixtures

@Suite("Passthrough inventory: PCI and USB devices, IOMMU groups, mappings, host network use")
struct PassthroughInventoryTests {
    /// A fresh fixture tree; remove it with `InventoryFixtures.cleanUp`.
    private static func fixture(iommuOff: Bool = false) throws -> URL {
        let root = try InventoryFixtures.scratch()
        try PassthroughFixture.write(into: root, iommuOff: iommuOff)
        return root
    }

    private static func load(_ root: URL) -> PassthroughInventory {
        PassthroughInventoryLoader.load(root: root.path, nodeName: PassthroughFixture.nodeName)
    }

    private static func withFixture(iommuOff: Bool = false, change: (URL) throws -> Void = { _ in },
                                     _ body: (PassthroughInventory) throws -> Void) throws {
        let root = try fixture(iommuOff: iommuOff)
        defer { InventoryFixtures.cleanUp(root) }
        try change(root)
        try body(load(root))
    }

    private static func replace(_ relative: String, in root: URL, with text: String) throws {
        let url = root.appendingPathComponent(relative)
        try? FileManager.default.removeItem(at: url)
        try Data(text.utf8).write(to: url)
    }

    // MARK: - PCI

    @Test("PCI devices by address, with IDs, subsystem IDs and class codes from sysfs")
    func pciDevices() throws {
        try Self.withFixture { inventory in
            #expect(inventory.pciDevices.map(\.address) == [
                "0000:00:02.0", "0000:00:1f.6", "0000:01:00.0", "0000:01:00.1", "0000:02:00.0", "0000:02:00.1", "0000:03:00.0",
            ])
            let nic = try #require(inventory.device(at: "0000:01:00.0"))
            #expect(nic.vendorID == "8086")
            #expect(nic.deviceID == "10fb")
            #expect(nic.vendorDeviceID == "8086:10fb")
            #expect(nic.subsystemVendorID == "8086")
            #expect(nic.subsystemDeviceID == "000c")
            #expect(nic.subsystemID == "8086:000c")
            #expect(nic.classCode == "020000")
            #expect(inventory.device(at: "0000:03:00.0")?.classCode == "0c0330")
            #expect(inventory.device(at: "0000:02:00.1")?.classCode == "040300")
            #expect(inventory.nodeName == "pve1")
            #expect(inventory.problems == [])
        }
    }

    @Test("Vendor and device names come from pci.ids, usb.ids name the USB devices")
    func namesFromIDFiles() throws {
        try Self.withFixture { inventory in
            let names = inventory.pciDevices.map { "\($0.vendorName ?? "-") | \($0.deviceName ?? "-")" }
            #expect(names == [
                "Intel Corporation | CoffeeLake-S GT2 [UHD Graphics 630]",
                "Intel Corporation | Ethernet Connection (7) I219-LM",
                "Intel Corporation | 82599ES 10-Gigabit SFI/SFP+ Network Connection",
                "Intel Corporation | 82599ES 10-Gigabit SFI/SFP+ Network Connection",
                "NVIDIA Corporation | GP104 [GeForce GTX 1080]",
                "NVIDIA Corporation | GP104 High Definition Audio Controller",
                "ASMedia Technology Inc. | ASM1142 USB 3.1 Host Controller",
            ])
            #expect(inventory.usbDevices.map { "\($0.vendorName ?? "-") | \($0.productName ?? "-")" } == [
                "Logitech, Inc. | Unifying Receiver", "SanDisk Corp. | Ultra Fit",
            ])
        }
    }

    @Test("Without pci.ids in /usr/share/misc, /usr/share/hwdata is used; without either there are no names")
    func idFileLocations() throws {
        try Self.withFixture(change: { root in
            let fm = FileManager.default
            try fm.createDirectory(at: root.appendingPathComponent("usr/share/hwdata"), withIntermediateDirectories: true)
            try fm.moveItem(at: root.appendingPathComponent("usr/share/misc/pci.ids"),
                            to: root.appendingPathComponent("usr/share/hwdata/pci.ids"))
            try fm.removeItem(at: root.appendingPathComponent("usr/share/misc/usb.ids"))
        }) { inventory in
            #expect(inventory.device(at: "0000:02:00.0")?.deviceName == "GP104 [GeForce GTX 1080]")
            #expect(inventory.usbDevices.allSatisfy { $0.vendorName == nil && $0.productName == nil })
            #expect(inventory.usbDevices.first?.manufacturer == "Logitech")
            #expect(inventory.problems == [])
        }
    }

    @Test("IOMMU groups from the iommu_group links; a device without one has none")
    func iommuGroups() throws {
        try Self.withFixture { inventory in
            #expect(inventory.iommuGroupsPresent)
            #expect(inventory.pciDevices.map(\.iommuGroup) == [0, 7, 12, 12, 13, 13, nil])
            #expect(inventory.devices(inIOMMUGroup: 12).map(\.address) == ["0000:01:00.0", "0000:01:00.1"])
            #expect(inventory.devices(inIOMMUGroup: 13).map(\.address) == ["0000:02:00.0", "0000:02:00.1"])
            #expect(inventory.devices(inIOMMUGroup: 99).isEmpty)
        }
    }

    @Test("Drivers, network interfaces and PCI Express from sysfs")
    func driversNetExpress() throws {
        try Self.withFixture { inventory in
            #expect(inventory.pciDevices.map { $0.driver ?? "-" } == [
                "i915", "e1000e", "ixgbe", "ixgbe", "vfio-pci", "snd_hda_intel", "xhci_hcd",
            ])
            #expect(inventory.pciDevices.map(\.netInterfaces) == [[], ["eno1"], ["enp1s0f0"], ["enp1s0f1"], [], [], []])
            #expect(inventory.pciDevices.map(\.isExpress) == [false, false, true, true, true, true, true])
        }
    }

    @Test("A virtio NIC (the node is a VM) has its interface under virtioN/net")
    func virtioNIC() throws {
        try Self.withFixture(change: { root in
            let fm = FileManager.default
            let dir = root.appendingPathComponent("sys/bus/pci/devices/0000:00:12.0")
            try fm.createDirectory(at: dir.appendingPathComponent("virtio3/net/ens18"), withIntermediateDirectories: true)
            try fm.createDirectory(at: dir.appendingPathComponent("virtio_extra/net/not-this"), withIntermediateDirectories: true)
            for (file, text) in [("vendor", "0x1af4"), ("device", "0x1041"), ("class", "0x020000")] {
                try Data((text + "\n").utf8).write(to: dir.appendingPathComponent(file))
            }
            try fm.createSymbolicLink(atPath: dir.appendingPathComponent("driver").path, withDestinationPath: "../../../bus/pci/drivers/virtio-pci")
        }) { inventory in
            #expect(inventory.device(at: "00:12.0")?.netInterfaces == ["ens18"])
            #expect(inventory.device(at: "00:12.0")?.driver == "virtio-pci")
            #expect(inventory.device(at: "01:00.0")?.netInterfaces == ["enp1s0f0"])
        }
    }

    @Test("A device without a driver has none")
    func noDriver() throws {
        try Self.withFixture(change: { root in
            try FileManager.default.removeItem(at: root.appendingPathComponent("sys/devices/pci0000:00/0000:02:00.1/driver"))
        }) { inventory in
            #expect(inventory.device(at: "02:00.1")?.driver == nil)
            #expect(inventory.device(at: "02:00.0")?.driver == "vfio-pci")
        }
    }

    @Test("Mediated device types with name, description and available instances")
    func mdevTypes() throws {
        try Self.withFixture { inventory in
            let igpu = try #require(inventory.device(at: "0000:00:02.0"))
            #expect(igpu.mdevTypes == [
                MediatedDeviceType(
                    id: "i915-GVTg_V5_4", name: "GVTg_V5_4",
                    description: "low_gm_size: 128MB\nhigh_gm_size: 512MB\nfence: 4\nresolution: 1920x1200\nweight: 4",
                    availableInstances: 1
                ),
                MediatedDeviceType(
                    id: "i915-GVTg_V5_8", name: "GVTg_V5_8",
                    description: "low_gm_size: 64MB\nhigh_gm_size: 384MB\nfence: 4\nresolution: 1024x768\nweight: 2",
                    availableInstances: 2
                ),
            ])
            #expect(inventory.pciDevices.filter { !$0.mdevTypes.isEmpty }.map(\.address) == ["0000:00:02.0"])
        }
    }

    @Test("More than 256 mdev types: the first 256 are kept and the rest is a problem")
    func mdevBound() throws {
        try Self.withFixture(change: { root in
            let types = root.appendingPathComponent("sys/devices/pci0000:00/0000:02:00.0/mdev_supported_types")
            for index in 0..<300 {
                try FileManager.default.createDirectory(at: types.appendingPathComponent(String(format: "nvidia-%03d", index)),
                                                        withIntermediateDirectories: true)
            }
        }) { inventory in
            let gpu = try #require(inventory.device(at: "02:00.0"))
            #expect(gpu.mdevTypes.count == 256)
            #expect(inventory.problems == [
                "sys/bus/pci/devices/0000:02:00.0/mdev_supported_types: more than 256 entries; the rest are not listed",
            ])
        }
    }

    @Test("Helpers: slot, function, siblings, class names, short addresses")
    func pciHelpers() throws {
        try Self.withFixture { inventory in
            let gpu = try #require(inventory.device(at: "02:00.0"))
            let audio = try #require(inventory.device(at: "0000:02:00.1"))
            #expect(gpu.slot == "0000:02:00")
            #expect(gpu.function == 0)
            #expect(audio.function == 1)
            #expect(gpu.isMultiFunctionSibling(of: audio))
            #expect(!gpu.isMultiFunctionSibling(of: gpu))
            let port = try #require(inventory.device(at: "01:00.0"))
            #expect(!gpu.isMultiFunctionSibling(of: port))
            #expect(inventory.functions(ofSlot: "02:00").map(\.address) == ["0000:02:00.0", "0000:02:00.1"])
            #expect(inventory.functions(ofSlot: "0000:01:00").count == 2)
            #expect(inventory.device(at: "0000:00:1F.6")?.deviceID == "15bb")
            #expect(inventory.device(at: "00:1f.7") == nil)
            #expect(inventory.pciDevices.map { $0.className ?? "-" } == [
                "VGA compatible controller", "Ethernet controller", "Ethernet controller", "Ethernet controller",
                "VGA compatible controller", "Audio device", "USB controller",
            ])
            #expect(inventory.pciDevices.map(\.isDisplay) == [true, false, false, false, true, false, false])
            #expect(inventory.pciDevices.allSatisfy { !$0.isBridge })
        }
        let bridge = PCIDevice(address: "0000:00:01.0", vendorID: "8086", deviceID: "1901", classCode: "060400")
        #expect(bridge.isBridge && bridge.className == "PCI bridge")
        #expect(PCIDevice(address: "0000:05:00.0", vendorID: "10de", deviceID: "1eb8", classCode: "030200").className == "3D controller")
        #expect(PCIDevice(address: "0000:06:00.0", vendorID: "144d", deviceID: "a808", classCode: "010802").className
            == "Non-Volatile memory controller")
        #expect(PCIDevice(address: "0000:07:00.0", vendorID: "1234", deviceID: "5678", classCode: "ff0000").className == nil)
    }

    // MARK: - Host network use

    @Test("The onboard NIC carries the node's network through vmbr0; the 10 GbE ports are free")
    func managementNIC() throws {
        try Self.withFixture { inventory in
            #expect(inventory.hostNetworkUse == [
                "eno1": HostNetworkUse(interface: "eno1", bridge: "vmbr0", addresses: ["192.0.2.10/24"]),
            ])
            let onboard = try #require(inventory.device(at: "00:1f.6"))
            #expect(inventory.networkUse(of: onboard) == [HostNetworkUse(interface: "eno1", bridge: "vmbr0", addresses: ["192.0.2.10/24"])])
            for address in ["01:00.0", "01:00.1"] {
                let port = try #require(inventory.device(at: address))
                #expect(inventory.networkUse(of: port).isEmpty)
            }
        }
    }

    @Test("The kernel's master link counts too: a port put into a bridge at runtime carries its network")
    func runtimeBridgePort() throws {
        try Self.withFixture(change: { root in
            let fm = FileManager.default
            try fm.createDirectory(at: root.appendingPathComponent("sys/devices/virtual/net/vmbr9/bridge"), withIntermediateDirectories: true)
            try fm.createSymbolicLink(atPath: root.appendingPathComponent("sys/class/net/vmbr9").path,
                                      withDestinationPath: "../../devices/virtual/net/vmbr9")
            try fm.createSymbolicLink(
                atPath: root.appendingPathComponent("sys/devices/pci0000:00/0000:01:00.1/net/enp1s0f1/master").path,
                withDestinationPath: "../../../../virtual/net/vmbr9")
        }) { inventory in
            #expect(inventory.hostNetworkUse["enp1s0f1"] == HostNetworkUse(interface: "enp1s0f1", bridge: "vmbr9", addresses: []))
            #expect(inventory.hostNetworkUse["enp1s0f0"] == nil)
        }
    }

    @Test("Bonds, VLANs, DHCP and OVS in the interfaces file")
    func interfacesVariants() {
        let text = """
            auto lo
            iface lo inet loopback

            iface eno1 inet manual
            iface eno2 inet manual

            auto bond0
            iface bond0 inet manual
            \tbond-slaves eno1 eno2
            \tbond-mode 802.3ad

            auto vmbr0
            iface vmbr0 inet static
            \taddress 10.0.0.2/24
            \tbridge-ports bond0

            iface vmbr0 inet6 static
            \taddress 2001:db8::2/64

            iface enp1s0f0 inet manual

            auto enp1s0f0.50
            iface enp1s0f0.50 inet static
            \taddress 198.51.100.7/24

            auto mgmt
            iface mgmt inet static
            \taddress 203.0.113.5/24
            \tvlan-raw-device enp2s0

            auto enp3s0
            iface enp3s0 inet dhcp

            auto vmbr1
            iface vmbr1 inet manual
            \tbridge-ports enp4s0
            \tbridge-vlan-aware yes

            auto vmbr2
            iface vmbr2 inet static
            \taddress 192.0.2.20/24
            \tovs_type OVSBridge
            \tovs_ports enp5s0

            auto enp5s0
            iface enp5s0 inet manual
            \tovs_type OVSPort
            \tovs_bridge vmbr2

            iface enp6s0 inet manual

            """
        var problems: [String] = []
        let stanzas = PassthroughInventoryLoader.parseInterfaces(Array(text.utf8), file: "etc/network/interfaces", problems: &problems)
        let use = PassthroughInventoryLoader.hostNetworkUse(stanzas)
        #expect(problems.isEmpty)
        #expect(use["eno1"] == HostNetworkUse(interface: "eno1", bridge: "vmbr0", addresses: ["10.0.0.2/24", "2001:db8::2/64"]))
        #expect(use["eno2"]?.bridge == "vmbr0")
        #expect(use["bond0"]?.bridge == "vmbr0")
        #expect(use["enp1s0f0"] == HostNetworkUse(interface: "enp1s0f0", addresses: ["198.51.100.7/24"]))
        #expect(use["enp2s0"] == HostNetworkUse(interface: "enp2s0", addresses: ["203.0.113.5/24"]))
        #expect(use["enp3s0"] == HostNetworkUse(interface: "enp3s0", addresses: ["dhcp"]))
        #expect(use["enp4s0"] == HostNetworkUse(interface: "enp4s0", bridge: "vmbr1", addresses: []))
        #expect(use["enp5s0"] == HostNetworkUse(interface: "enp5s0", bridge: "vmbr2", addresses: ["192.0.2.20/24"]))
        #expect(use["enp6s0"] == nil)
        #expect(use["lo"] == nil)
        #expect(use["vmbr0"] == nil && use["vmbr1"] == nil)
    }

    // MARK: - USB

    @Test("USB devices: hubs, root hubs and interfaces are not listed")
    func usbDevices() throws {
        try Self.withFixture { inventory in
            #expect(inventory.usbDevices == [
                USBDevice(busPort: "1-2", busNumber: 1, deviceNumber: 3, vendorID: "046d", productID: "c52b",
                          manufacturer: "Logitech", product: "USB Receiver", vendorName: "Logitech, Inc.",
                          productName: "Unifying Receiver", speed: "12"),
                USBDevice(busPort: "2-1", busNumber: 2, deviceNumber: 2, vendorID: "0781", productID: "5583",
                          manufacturer: "SanDisk", product: "Ultra Fit", vendorName: "SanDisk Corp.",
                          productName: "Ultra Fit", speed: "5000"),
            ])
            #expect(inventory.usbDevices.map(\.speedMbps) == [12, 5000])
            #expect(inventory.usbDevices.first?.vendorProductID == "046d:c52b")
            #expect(inventory.usbDevices.first?.portPath == "2")
        }
    }

    @Test("USB devices sort by bus, then port numbers (1-10 after 1-9, 1-2.3 after 1-2)")
    func usbOrder() throws {
        try Self.withFixture(change: { root in
            for name in ["1-10", "1-9", "1-2.3"] {
                let dir = root.appendingPathComponent("sys/bus/usb/devices/" + name)
                try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
                for (file, text) in [("idVendor", "abcd"), ("idProduct", "0001"), ("bDeviceClass", "00"), ("busnum", "1"),
                                     ("devnum", "9"), ("speed", "1.5")] {
                    try Data((text + "\n").utf8).write(to: dir.appendingPathComponent(file))
                }
            }
        }) { inventory in
            #expect(inventory.usbDevices.map(\.busPort) == ["1-2", "1-2.3", "1-9", "1-10", "2-1"])
            #expect(inventory.usbDevices[1].speedMbps == 1.5)
            #expect(inventory.usbDevices[1].portPath == "2.3")
        }
    }

    @Test("Names with control characters are kept raw (the UI sanitises them)")
    func rawNames() throws {
        let evil = "USB\u{1B}[31mReceiver\u{07}"
        try Self.withFixture(change: { root in
            try Self.replace("sys/bus/usb/devices/1-2/product", in: root, with: evil + "\nsecond line\n")
            try Self.replace("etc/pve/mapping/usb.cfg", in: root, with: "ups\n\tdescription UPS \u{1B}]0;title\u{07}\n\tmap node=pve1,id=051d:0002\n")
        }) { inventory in
            #expect(inventory.usbDevices.first?.product == evil)
            #expect(inventory.usbMappings.first?.description == "UPS \u{1B}]0;title\u{07}")
        }
    }

    // MARK: - Mappings

    @Test("pci.cfg and usb.cfg: every node's entries, descriptions, in file order")
    func mappings() throws {
        try Self.withFixture { inventory in
            #expect(inventory.pciMappings == [
                DeviceMapping(id: "gpu-nvidia", kind: .pci, description: "Render GPU", entries: [
                    .init(node: "pve1", path: "0000:02:00.0", id: "10de:1b80", iommuGroup: 13),
                ]),
                DeviceMapping(id: "nic-10g", kind: .pci, entries: [
                    .init(node: "pve1", path: "0000:01:00.0", id: "8086:10fb", iommuGroup: 12),
                    .init(node: "pve2", path: "0000:41:00.0", id: "8086:10fb", iommuGroup: 30),
                ]),
            ])
            #expect(inventory.usbMappings == [
                DeviceMapping(id: "ups", kind: .usb, entries: [.init(node: "pve1", id: "051d:0002")]),
            ])
            let nic = inventory.pciMappings[1]
            #expect(nic.entries(for: "pve2").map(\.path) == ["0000:41:00.0"])
            #expect(nic.entries(for: "pve3").isEmpty)
            #expect(inventory.pciMappings(usableOn: "pve2").map(\.id) == ["nic-10g"])
            #expect(inventory.localPCIMappings.map(\.id) == ["gpu-nvidia", "nic-10g"])
            #expect(inventory.localUSBMappings.map(\.id) == ["ups"])
        }
    }

    @Test("A broken mapping line is a problem naming file and line; the rest still loads")
    func brokenMappingLine() throws {
        try Self.withFixture(change: { root in
            try Self.replace("etc/pve/mapping/pci.cfg", in: root, with: PassthroughFixture.pciMappings + """

                # a comment
                broken
                \tmap node=pve1,path=0000:05:00.0,id=zzzz:10fb
                \tmap node=pve1,path=0000:05:00.0,id=8086:1521,subsystem-id=8086:00A0,iommugroup=20
                \tmdev 1
                \tlive-migration-capable yes
                \tcolour blue
                \tmap node=pve1,path=0000:05:00.0,id=8086:1521,speed=fast
                not-indented-line

                """)
        }) { inventory in
            #expect(inventory.problems == [
                "etc/pve/mapping/pci.cfg: line 11: map of 'broken': id 'zzzz:10fb' is not VENDOR:DEVICE in hex; ignored",
                "etc/pve/mapping/pci.cfg: line 15: unknown key 'colour' in mapping 'broken'; ignored",
                "etc/pve/mapping/pci.cfg: line 16: map of 'broken': unknown key 'speed'; ignored",
                // Inside a section (no empty line before it), an unindented line does not start a new one.
                "etc/pve/mapping/pci.cfg: line 17: 'not-indented-line' is not an indented 'key value' line (sections end with an empty line); ignored",
            ])
            #expect(inventory.pciMappings.map(\.id) == ["gpu-nvidia", "nic-10g", "broken"])
            let broken = try #require(inventory.pciMappings.last)
            #expect(broken.entries == [.init(node: "pve1", path: "0000:05:00.0", id: "8086:1521", iommuGroup: 20, subsystemID: "8086:00a0")])
            #expect(broken.mdev)
            #expect(broken.liveMigrationCapable)
        }
    }

    @Test("Mapping syntax: comments, bad IDs, sections without a usable map, repeats, USB paths")
    func mappingSyntax() {
        let text = """
            # comment before
            usb-by-port
            \t# comment inside
            \tdescription Front port
            \tmap node=pve1,id=0781:5583,path=1-2.3
            \tmap node=pve1,id=0781:5583,path=1-x

            9bad
            \tmap node=pve1,id=0781:5583

            nomap
            \tdescription nothing mapped

            twice id
            \tmap node=pve1,id=0781:5583

            usb-by-port
            \tmap node=pve2,id=0781:5583
            \tdescription one
            \tdescription two
            \tmdev 1
            \tmap id=0781:5583
            \tmap node=pve1,id=0781:5583,node=pve2
            \tmap node=pve1;rm,id=0781:5583
            """
        var problems: [String] = []
        let mappings = PassthroughInventoryLoader.parseMappings(Array(text.utf8), kind: .usb, file: "usb.cfg", problems: &problems)
        #expect(mappings == [
            DeviceMapping(id: "usb-by-port", kind: .usb, description: "one", entries: [.init(node: "pve2", id: "0781:5583")]),
        ])
        #expect(problems == [
            "usb.cfg: line 6: map of 'usb-by-port': path '1-x' is not a USB bus-port; ignored",
            "usb.cfg: line 8: '9bad' is not a valid mapping ID; its section is ignored",
            "usb.cfg: line 11: mapping 'nomap' has no usable 'map' line; ignored",
            "usb.cfg: line 14: 'twice id' is not a mapping ID on its own line; ignored",
            "usb.cfg: line 15: 'map node=pve1,id=0781:5583' is not a mapping ID on its own line; ignored",
            "usb.cfg: line 20: 'description' of 'usb-by-port' is given twice; ignored",
            "usb.cfg: line 21: unknown key 'mdev' in mapping 'usb-by-port'; ignored",
            "usb.cfg: line 22: map of 'usb-by-port': 'node' is missing; ignored",
            "usb.cfg: line 23: map of 'usb-by-port': key 'node' is given twice; ignored",
            "usb.cfg: line 24: map of 'usb-by-port': node 'pve1;rm' is not a valid node name; ignored",
            "usb.cfg: line 17: mapping 'usb-by-port' is defined again; the later one counts",
        ])
    }

    @Test("PCI map entries need a path: whole devices, function lists and bad paths")
    func pciMapPaths() throws {
        func entry(_ text: String) -> Result<DeviceMapping.Entry, PassthroughInventoryLoader.MapError> {
            PassthroughInventoryLoader.parseMapEntry(Substring(text), kind: .pci)
        }
        #expect(try entry("node=a1,path=0000:01:00,id=8086:10FB").get() == .init(node: "a1", path: "0000:01:00", id: "8086:10fb"))
        #expect(try entry("node=a1,path=0000:01:00.0;0000:02:00.0,id=8086:10fb").get().path == "0000:01:00.0;0000:02:00.0")
        #expect(throws: PassthroughInventoryLoader.MapError(text: "'path' is missing")) { try entry("node=a1,id=8086:10fb").get() }
        #expect(throws: PassthroughInventoryLoader.MapError(text: "path '01:00.0' is not a PCI address")) {
            try entry("node=a1,path=01:00.0,id=8086:10fb").get()
        }
        #expect(throws: PassthroughInventoryLoader.MapError(text: "iommugroup 'x' is not a number")) {
            try entry("node=a1,path=0000:01:00.0,id=8086:10fb,iommugroup=x").get()
        }
        #expect(throws: PassthroughInventoryLoader.MapError(text: "'garbage' is not a key=value pair")) {
            try entry("node=a1,garbage,path=0000:01:00.0,id=8086:10fb").get()
        }
    }

    @Test("A mapping file over 1 MiB is refused with a problem, not read")
    func largeMappingFile() throws {
        try Self.withFixture(change: { root in
            try Self.replace("etc/pve/mapping/pci.cfg", in: root, with: String(repeating: "# padding\n", count: 110_000))
        }) { inventory in
            #expect(inventory.pciMappings.isEmpty)
            #expect(inventory.problems == ["etc/pve/mapping/pci.cfg: cannot be read (larger than 1 MiB; not read)"])
            #expect(inventory.usbMappings.count == 1)
        }
    }

    // MARK: - IOMMU, kernel, CPU

    @Test("The node's kernel command line and CPU vendor")
    func kernelAndCPU() throws {
        try Self.withFixture { inventory in
            #expect(inventory.kernelCommandLine == PassthroughFixture.kernelCommandLine)
            #expect(inventory.cpuVendor == "GenuineIntel")
        }
        var none: [UInt8] = Array("processor\t: 0\nCPU implementer\t: 0x41\n".utf8)
        #expect(PassthroughInventoryLoader.cpuVendor(in: none) == nil)
        none = Array("processor : 0\nvendor_id : AuthenticAMD\nprocessor : 1\nvendor_id : Other\n".utf8)
        #expect(PassthroughInventoryLoader.cpuVendor(in: none) == "AuthenticAMD")
    }

    @Test("IOMMU off: no groups anywhere, and the command line to explain it")
    func iommuOff() throws {
        try Self.withFixture(iommuOff: true) { inventory in
            #expect(!inventory.iommuGroupsPresent)
            #expect(inventory.pciDevices.count == 7)
            #expect(inventory.pciDevices.allSatisfy { $0.iommuGroup == nil })
            #expect(inventory.devices(inIOMMUGroup: 12).isEmpty)
            #expect(inventory.kernelCommandLine == "BOOT_IMAGE=/boot/vmlinuz-6.8.12-4-pve root=/dev/mapper/pve-root ro quiet")
            #expect(inventory.problems == [])
        }
    }

    // MARK: - Hostile trees

    @Test("sysfs symlink cycles are not walked; a link loop in place of a file is a problem, not a hang")
    func symlinkCycles() throws {
        try Self.withFixture(change: { root in
            let fm = FileManager.default
            let dev = root.appendingPathComponent("sys/devices/pci0000:00/0000:01:00.1")
            // net/ leads back up to the device: listing it must not descend.
            try fm.createSymbolicLink(atPath: dev.appendingPathComponent("net/loop").path, withDestinationPath: "../..")
            // mdev_supported_types is a link to the device itself.
            try fm.createSymbolicLink(atPath: dev.appendingPathComponent("mdev_supported_types").path, withDestinationPath: ".")
            // vendor is a two-link loop.
            let gpu = root.appendingPathComponent("sys/devices/pci0000:00/0000:02:00.1")
            try fm.removeItem(at: gpu.appendingPathComponent("vendor"))
            try fm.createSymbolicLink(atPath: gpu.appendingPathComponent("vendor").path, withDestinationPath: "vendor2")
            try fm.createSymbolicLink(atPath: gpu.appendingPathComponent("vendor2").path, withDestinationPath: "vendor")
        }) { inventory in
            let port = try #require(inventory.device(at: "01:00.1"))
            #expect(port.netInterfaces == ["enp1s0f1", "loop"])
            // The device folder's entries are read as types, one level only; none of them has type files.
            #expect(port.mdevTypes.contains { $0.id == "vendor" && $0.name == nil && $0.availableInstances == nil })
            #expect(inventory.device(at: "02:00.1") == nil)
            #expect(inventory.problems == ["sys/bus/pci/devices/0000:02:00.1/vendor: cannot be read (Too many levels of symbolic links)"])
            #expect(inventory.pciDevices.count == 6)
        }
    }

    @Test("A FIFO in place of a sysfs attribute is refused, not waited on")
    func fifoAttribute() throws {
        try Self.withFixture(change: { root in
            for relative in ["sys/devices/pci0000:00/0000:01:00.1/class", "sys/devices/pci0000:00/0000:01:00.0/subsystem_device",
                             "sys/devices/pci0000:00/0000:03:00.0/usb1/1-2/product", "proc/cmdline"] {
                let path = root.appendingPathComponent(relative).path
                try FileManager.default.removeItem(atPath: path)
                #expect(mkfifo(path, 0o600) == 0)
            }
        }) { inventory in
            #expect(inventory.problems == [
                "sys/bus/pci/devices/0000:01:00.0/subsystem_device: cannot be read (is a FIFO, not a file)",
                "sys/bus/pci/devices/0000:01:00.1/class: cannot be read (is a FIFO, not a file)",
                "sys/bus/usb/devices/1-2/product: cannot be read (is a FIFO, not a file)",
                "proc/cmdline: cannot be read (is a FIFO, not a file)",
            ])
            #expect(inventory.device(at: "01:00.1") == nil)
            let port = try #require(inventory.device(at: "01:00.0"))
            #expect(port.subsystemDeviceID == nil && port.subsystemVendorID == "8086")
            #expect(inventory.usbDevices.first?.product == nil && inventory.usbDevices.first?.manufacturer == "Logitech")
            #expect(inventory.kernelCommandLine == "")
        }
    }

    @Test("A device with an attribute that is not hex is left out with a problem naming the file")
    func badAttribute() throws {
        try Self.withFixture(change: { root in
            try Self.replace("sys/devices/pci0000:00/0000:02:00.0/device", in: root, with: "0xGPU!\n")
            try FileManager.default.removeItem(at: root.appendingPathComponent("sys/devices/pci0000:00/0000:02:00.1/class"))
        }) { inventory in
            #expect(inventory.problems == [
                "sys/bus/pci/devices/0000:02:00.0/device: '0xGPU!' is not a 4-digit hex number; device not listed",
                "sys/bus/pci/devices/0000:02:00.1/class: missing; device not listed",
            ])
            #expect(inventory.pciDevices.count == 5)
        }
    }

    @Test("No /sys, /proc or /etc at all: an empty inventory, no problems")
    func emptyRoot() throws {
        let root = try InventoryFixtures.scratch()
        defer { InventoryFixtures.cleanUp(root) }
        let inventory = Self.load(root)
        #expect(inventory == PassthroughInventory(nodeName: "pve1"))
        #expect(PassthroughInventory.empty.pciDevices.isEmpty && PassthroughInventory.empty.nodeName.isEmpty)
        let missing = PassthroughInventoryLoader.load(root: root.path + "/does-not-exist", nodeName: "x")
        #expect(missing == PassthroughInventory(nodeName: "x"))
    }

    // MARK: - pci.ids

    @Test("pci.ids: only wanted vendors, subsystem lines and the class section ignored; 1.3 MB parses quickly")
    func idsParser() {
        // ~1.4 MB like the real file (1.3 MB): 2,600 vendors of 10 devices, each with a subsystem line.
        var text = "# header\n"
        for vendor in 0..<2600 {
            text += String(format: "%04x  Vendor number %d\n", vendor, vendor)
            for device in 0..<10 {
                text += String(format: "\t%04x  Device %d of vendor %d\n", device, device, vendor)
                text += String(format: "\t\t%04x %04x  Subsystem of %d\n", vendor, device, device)
            }
        }
        // After the class line nothing counts: not the subclass under the last vendor, not a vendor-like line.
        text += "\n# classes\nC 02  Network controller\n\t0100  Not a device\nffff  Not a vendor\n"
        let bytes = Array(text.utf8)
        let wanted: Set<UInt32> = [0x0a28_0003, 0x0001_0001, 0x0a27_0100, 0x0a27_0009, 0xffff_0000]
        let start = ContinuousClock.now
        let names = PassthroughInventoryLoader.parseIDs(bytes, vendors: [0x0a28, 0x0001, 0x0a27, 0xffff], devices: wanted)
        let elapsed = ContinuousClock.now - start
        print("pci.ids-like file of \(bytes.count) bytes parsed in \(elapsed)")
        #expect(bytes.count > 1_300_000)
        #expect(names.vendors == [0x0a27: "Vendor number 2599", 0x0001: "Vendor number 1"])
        #expect(names.devices == [0x0001_0001: "Device 1 of vendor 1", 0x0a27_0009: "Device 9 of vendor 2599"])

        let small = Array("8086  Intel Corporation\r\n\t10fb  82599ES\r\n\t\t8086 000c  X520\r\n10de  NVIDIA\n\t10fb  not Intel's\n".utf8)
        let intel = PassthroughInventoryLoader.parseIDs(small, vendors: [0x8086], devices: [0x8086_10fb, 0x10de_10fb])
        #expect(intel.vendors == [0x8086: "Intel Corporation"])
        #expect(intel.devices == [0x8086_10fb: "82599ES"])
    }

    // MARK: - Demo

    @Test("The demo host offers the fixture's devices")
    func demoMatchesFixture() throws {
        try Self.withFixture { inventory in
            let demo = PassthroughInventory.demo
            #expect(demo.pciDevices == inventory.pciDevices)
            #expect(demo.usbDevices == inventory.usbDevices)
            #expect(demo.nodeName == "pve")
            #expect(demo.localPCIMappings.map(\.id) == ["gpu-nvidia", "nic-10g"])
            #expect(demo.localUSBMappings.map(\.id) == ["ups"])
            #expect(demo.iommuGroupsPresent && demo.cpuVendor == "GenuineIntel")
            let onboard = try #require(demo.device(at: "00:1f.6"))
            #expect(demo.networkUse(of: onboard).map(\.bridge) == ["vmbr0"])
            #expect(demo.problems.isEmpty)
        }
    }
}
