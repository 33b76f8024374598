import Foundation
import Testing
@testable import VMWizardCore
import VMWizardFixtures

/// PCI(e) and USB passthrough on the fixture node: what is proposed, what is refused and why, what Proxmox gets.
@Suite struct PassthroughTests {
    /// TestHosts.standard as node pve1, with the fixture's devices read from a sysfs tree.
    static func host(iommuOff: Bool = false) throws -> HostInventory {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("passthrough-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try PassthroughFixture.write(into: folder, iommuOff: iommuOff)
        var host = TestHosts.standard
        host.passthrough = PassthroughInventoryLoader.load(root: folder.path, nodeName: PassthroughFixture.nodeName)
        return host
    }

    static func model(_ host: HostInventory, _ devices: [[FieldID: String]], _ edits: [(FieldID, String)] = []) -> VMModel {
        var model = VMModel(host: host)
        model.set(.media, to: "none")
        for (id, value) in edits { model.set(id, to: value) }
        for values in devices {
            let item = model.addDevice()!
            for (id, value) in values.sorted(by: { $0.key.rawValue < $1.key.rawValue }) { model.set(id, item: item, to: value) }
        }
        return model
    }

    static let freeNIC: [FieldID: String] = [.devType: "pci", .pciSource: "raw", .pciHost: "0000:01:00.0", .pciAllFunctions: "1"]

    @Test func aFreeNICGoesThroughWithItsFunctionsOnQ35AndPCIe() throws {
        let model = Self.model(try Self.host(), [Self.freeNIC])
        #expect(model.issue(.pciHost, item: 0) == nil)
        #expect(model.value(.machine) == "q35")
        #expect(model.provenance(.machine) == .inferred("a PCI Express device is passed through"))
        #expect(model.value(.pciExpress, item: 0) == "1")
        #expect(QmCommand.create(model).containsPair("--hostpci0", "0000:01:00,pcie=1"))
        #expect(QmCommand.create(model).containsPair("--machine", "q35"))
        #expect(ConfigFile.render(model).contains("\nhostpci0: 0000:01:00,pcie=1\n"))
        #expect(model.errors.isEmpty)
    }

    @Test func theManagementNICIsRefusedUnlessPassedThroughAnyway() throws {
        var model = Self.model(try Self.host(), [[.devType: "pci", .pciSource: "raw", .pciHost: "0000:00:1f.6"]])
        let refusal = try #require(model.issue(.pciHost, item: 0))
        #expect(refusal.isError)
        #expect(refusal.message == "0000:00:1f.6 carries the node's own network: eno1 in vmbr0 (192.0.2.10/24). Passing it through cuts the node off; tick Pass through anyway only with another way in")
        #expect(model.isVisible(OptionCatalog.spec(.pciOverride)!, item: 0))
        model.set(.pciOverride, item: 0, to: "1")
        let warning = try #require(model.issue(.pciHost, item: 0))
        #expect(!warning.isError && warning.message.contains("passed through anyway"))
        // The override is the wizard's own: nothing of it reaches Proxmox.
        #expect(QmCommand.create(model).containsPair("--hostpci0", "0000:00:1f.6"))
    }

    @Test func aSingleFunctionOfASharedGroupWarnsWhatElseGoes() throws {
        let model = Self.model(try Self.host(), [[.devType: "pci", .pciSource: "raw", .pciHost: "0000:02:00.0"]])
        #expect(model.issue(.pciHost, item: 0)?.message
            == "IOMMU group 13 also holds 0000:02:00.1 (Audio device): the host loses them too while the VM runs; pass them through as well, or tick All functions")
        var both = model
        both.set(.pciAllFunctions, item: 0, to: "1")
        #expect(both.issue(.pciHost, item: 0) == nil)
    }

    @Test func aPrimaryGPUProposesOVMF() throws {
        let model = Self.model(try Self.host(), [[.devType: "pci", .pciSource: "raw", .pciHost: "0000:02:00.0", .pciAllFunctions: "1",
                                                  .pciPrimaryGPU: "1"]])
        #expect(model.value(.bios) == "ovmf")
        #expect(model.provenance(.bios) == .inferred("a primary GPU is passed through"))
        #expect(QmCommand.create(model).containsPair("--hostpci0", "0000:02:00,x-vga=1,pcie=1"))
    }

    @Test func iommuOffSaysWhatToChange() throws {
        let model = Self.model(try Self.host(iommuOff: true), [Self.freeNIC])
        let issue = try #require(model.issue(.pciHost, item: 0))
        #expect(!issue.isError)
        #expect(issue.message.contains("Add intel_iommu=on to the kernel command line"))
        var amd = try Self.host(iommuOff: true)
        amd.passthrough?.cpuVendor = "AuthenticAMD"
        #expect(Self.model(amd, [Self.freeNIC]).issue(.pciHost, item: 0)?.message.contains("Enable IOMMU (AMD-Vi) in the firmware setup") == true)
    }

    @Test func aDeviceWithoutGroupAndAMissingDeviceAreWarnings() throws {
        let host = try Self.host()
        #expect(Self.model(host, [[.devType: "pci", .pciSource: "raw", .pciHost: "0000:03:00.0"]]).issue(.pciHost, item: 0)?.message
            == "0000:03:00.0 is in no IOMMU group, so it cannot be isolated for a VM: check the firmware's IOMMU (VT-d / AMD-Vi) setting")
        let missing = try #require(Self.model(host, [[.devType: "pci", .pciSource: "raw", .pciHost: "0000:41:00.0"]]).issue(.pciHost, item: 0))
        #expect(!missing.isError && missing.message.hasPrefix("This node has no PCI device 0000:41:00.0"))
        #expect(Self.model(host, [[.devType: "pci", .pciSource: "raw", .pciHost: "41-00.0"]]).issue(.pciHost, item: 0)?.message
            == "'41-00.0' is not a PCI address (like 0000:01:00.0)")
    }

    @Test func theSameDeviceTwiceIsRefused() throws {
        let model = Self.model(try Self.host(), [Self.freeNIC, [.devType: "pci", .pciSource: "raw", .pciHost: "0000:01:00.1"]])
        #expect(model.issue(.pciHost, item: 1)?.message == "0000:01:00.1 is already passed through as hostpci0")
    }

    @Test func mediatedTypesComeFromTheDevice() throws {
        let model = Self.model(try Self.host(), [[.devType: "pci", .pciSource: "raw", .pciHost: "0000:00:02.0", .pciMdev: "i915-GVTg_V5_4"]])
        #expect(model.isVisible(OptionCatalog.spec(.pciMdev)!, item: 0))
        #expect(OptionCatalog.spec(.pciMdev)!.choices(model.context(item: 0)).map(\.value) == ["", "i915-GVTg_V5_4", "i915-GVTg_V5_8"])
        #expect(QmCommand.create(model).containsPair("--hostpci0", "0000:00:02.0,mdev=i915-GVTg_V5_4"))
    }

    @Test func mappingsAreOfferedForThisNodeAndCheckedForIt() throws {
        let host = try Self.host()
        let model = Self.model(host, [[.devType: "pci"]])
        #expect(model.value(.pciSource, item: 0) == "mapped")
        #expect(OptionCatalog.spec(.pciMapping)!.choices(model.context(item: 0)).map(\.value) == ["gpu-nvidia", "nic-10g"])
        let mapped = Self.model(host, [[.devType: "pci", .pciSource: "mapped", .pciMapping: "nic-10g"]])
        #expect(mapped.issue(.pciMapping, item: 0) == nil)
        #expect(QmCommand.create(mapped).containsPair("--hostpci0", "mapping=nic-10g"))
        let unknown = try #require(Self.model(host, [[.devType: "pci", .pciSource: "mapped", .pciMapping: "nosuch"]]).issue(.pciMapping, item: 0))
        #expect(!unknown.isError && unknown.message.hasPrefix("There is no mapping nosuch in /etc/pve/mapping/pci.cfg"))
    }

    @Test func usbByDevicePortMappingAndSpice() throws {
        let host = try Self.host()
        let model = Self.model(host, [
            [.devType: "usb", .usbSource: "device", .usbHost: "046d:c52b"],
            [.devType: "usb", .usbSource: "port", .usbPort: "2-1"],
            [.devType: "usb", .usbSource: "mapped", .usbMapping: "ups"],
            [.devType: "usb", .usbSource: "spice"],
        ])
        let qm = QmCommand.create(model)
        #expect(qm.containsPair("--usb0", "host=046d:c52b") && qm.containsPair("--usb1", "host=2-1"))
        #expect(qm.containsPair("--usb2", "mapping=ups") && qm.containsPair("--usb3", "spice"))
        #expect(model.errors.isEmpty)
        // New machines put every port on xHCI: the USB3 box is greyed, and nothing is sent.
        #expect(!model.isActive(OptionCatalog.spec(.usb3)!, item: 0))
        #expect(Self.model(host, [[.devType: "usb", .usbHost: "dead:beef"]]).issue(.usbHost, item: 0)?.isError == false)
        #expect(Self.model(host, [[.devType: "usb", .usbSource: "device", .usbHost: "logitech"]]).issue(.usbHost, item: 0)?.message
            == "'logitech' is not a USB vendor:product ID (like 046d:c52b)")
    }

    @Test func olderMachinesTakeFiveUSBDevicesWithUSB3() throws {
        let host = try Self.host()
        let six = Array(repeating: [FieldID.devType: "usb", .usbSource: "spice"], count: 6)
        let old = Self.model(host, six, [(.machine, "pc-i440fx-6.2")])
        #expect(old.maxUSBDevices == 5)
        #expect(old.issue(.devType, item: 5)?.message.hasPrefix("Proxmox takes at most 5 USB devices") == true)
        #expect(QmCommand.create(old).containsPair("--usb0", "spice,usb3=1"))
        #expect(Self.model(host, six).issue(.devType, item: 5) == nil)
    }

    @Test func anotherNodesDevicesAreNotJudgedHere() throws {
        var host = try Self.host()
        host.nodes = [ClusterNode(name: "pve1", online: true, isLocal: true), ClusterNode(name: "pve2", online: true, isLocal: false)]
        let model = Self.model(host, [Self.freeNIC], [(.node, "pve2")])
        #expect(model.issue(.pciHost, item: 0)?.message == "The devices of node pve2 are not known here: Proxmox checks 0000:01:00.0 when the VM starts")
    }

    // MARK: Answers

    @Test func answersFilesTakeDevicesWithTheSameChecks() throws {
        let host = try Self.host()
        let text = """
            ostype: l26
            machine: q35
            ide2: none,media=cdrom
            hostpci0: 0000:01:00,pcie=1,romfile=nic.rom
            hostpci1: mapping=gpu-nvidia,x-vga=1
            hostpci2: 0000:41:00.0;0000:41:00.1
            usb0: host=046d:c52b
            usb1: host=1-2,usb3=1
            usb2: spice

            """
        let draft = try Answers.parse(text: text, host: host).get()
        let model = VMModel(draft: draft, host: host)
        #expect(model.draft.devices.count == 5)
        #expect(model.flag(.pciAllFunctions, item: 0) && model.value(.pciHost, item: 0) == "0000:01:00.0")
        let config = ConfigFile.render(model)
        for line in ["hostpci0: 0000:01:00,pcie=1,romfile=nic.rom", "hostpci1: mapping=gpu-nvidia,x-vga=1",
                     "hostpci2: 0000:41:00.0;0000:41:00.1", "usb0: host=046d:c52b", "usb1: host=1-2", "usb2: spice"] {
            #expect(config.contains("\n\(line)\n"), "config lacks \(line)")
        }
        // The management NIC from an answers file: refused with the same reason.
        let mgmt = Answers.parse(text: "ostype: l26\nide2: none,media=cdrom\nhostpci0: 00:1f.6\n", host: host)
        guard case .failure(let problems) = mgmt else { Issue.record("the management NIC was taken"); return }
        #expect(problems.map(\.description) == ["line 3: 0000:00:1f.6 carries the node's own network: eno1 in vmbr0 (192.0.2.10/24). Passing it through cuts the node off; tick Pass through anyway only with another way in"])
        // Proxmox's schema first.
        guard case .failure(let bad) = Answers.parse(text: "ostype: l26\nhostpci0: 0000:01:00.0,pcie=maybe\n", host: host) else {
            Issue.record("a bad boolean was taken"); return
        }
        #expect(bad.map(\.description) == ["line 2: hostpci0 pcie: 'maybe' is not a boolean (1/0, on/off, yes/no, true/false)"])
    }

    @Test func pcieOnI440fxIsRefusedFromATemplate() throws {
        let problems = Answers.parse(text: "ostype: l26\nide2: none,media=cdrom\nhostpci0: 0000:01:00.0,pcie=1\n", host: try Self.host())
        guard case .failure(let list) = problems else { Issue.record("pcie on i440fx was taken"); return }
        #expect(list.map(\.description).first?.contains("PCI-Express '1' would have no effect") == true)
    }
}
