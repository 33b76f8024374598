import Testing
@testable import VMWizardCore

/// The web UI's per-OS defaults (reference §3.1, §3.4), for every ostype, on a host without a virtio-win ISO
/// (the drivers CD changes the bus and NIC; see RulesTests).
@Suite struct OSDefaultsTests {
    struct Expected: CustomTestStringConvertible, Sendable {
        var ostype: String
        var base: OSBase
        var bus: DiskBus
        var nic: String
        var scsihw: String
        var machine: String = ""
        var bios: String = ""
        var tpm: Bool = false
        var memory: String = "2048"
        var iothread: Bool = false
        var testDescription: String { ostype }
    }

    static let table: [Expected] = [
        Expected(ostype: "l26", base: .linux, bus: .scsi, nic: "virtio", scsihw: "virtio-scsi-single", iothread: true),
        Expected(ostype: "l24", base: .linux, bus: .ide, nic: "e1000", scsihw: "virtio-scsi-single"),
        Expected(ostype: "win11", base: .windows, bus: .ide, nic: "e1000", scsihw: "virtio-scsi-single", machine: "q35",
                 bios: "ovmf", tpm: true, memory: "4096"),
        Expected(ostype: "win10", base: .windows, bus: .ide, nic: "e1000", scsihw: "virtio-scsi-single"),
        Expected(ostype: "win8", base: .windows, bus: .ide, nic: "e1000", scsihw: "virtio-scsi-single"),
        Expected(ostype: "win7", base: .windows, bus: .ide, nic: "e1000", scsihw: "virtio-scsi-single"),
        Expected(ostype: "w2k8", base: .windows, bus: .ide, nic: "e1000", scsihw: "virtio-scsi-single"),
        Expected(ostype: "wxp", base: .windows, bus: .ide, nic: "rtl8139", scsihw: ""),
        Expected(ostype: "w2k", base: .windows, bus: .ide, nic: "rtl8139", scsihw: ""),
        Expected(ostype: "solaris", base: .solaris, bus: .ide, nic: "e1000", scsihw: "virtio-scsi-single"),
        Expected(ostype: "other", base: .other, bus: .ide, nic: "e1000", scsihw: "virtio-scsi-single"),
    ]

    static func model(_ ostype: String) -> VMModel {
        var model = VMModel(host: TestHosts.noDriverISO)
        model.set(.osBase, to: OSBase.of(ostype: ostype)!.rawValue)
        model.set(.ostype, to: ostype)
        model.set(.isoImage, to: "local:iso/x.iso")
        return model
    }

    @Test func tableCoversEveryOSType() {
        #expect(Set(Self.table.map(\.ostype)) == Set(OSBase.allCases.flatMap { $0.versions.map(\.value) }))
    }

    @Test(arguments: table)
    func defaults(_ expected: Expected) {
        let model = Self.model(expected.ostype)
        #expect(model.value(.osBase) == expected.base.rawValue)
        #expect(model.diskBus(0) == expected.bus)
        #expect(model.diskSlots == [DiskSlot(expected.bus, 0)])
        #expect(model.value(.netModel, item: 0) == expected.nic)
        #expect(model.value(.scsihw) == expected.scsihw)
        #expect(model.value(.machine) == expected.machine)
        #expect(model.value(.bios) == expected.bios)
        #expect(model.efiDiskActive == (expected.bios == "ovmf"))
        #expect(model.tpmActive == expected.tpm)
        #expect(model.value(.memory) == expected.memory)
        #expect((model.activeValue(.diskIothread, item: 0) == "1") == expected.iothread)
        #expect(model.virtioDriverDriveActive == false)

        // What gets sent follows.
        let params = Dictionary(PVEParameters.build(model).map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
        #expect(params["ostype"] == expected.ostype)
        #expect(params["memory"] == expected.memory)
        #expect(params["scsihw"] == (expected.scsihw.isEmpty ? nil : expected.scsihw))
        #expect(params["machine"] == (expected.machine.isEmpty ? nil : expected.machine))
        #expect(params["bios"] == (expected.bios.isEmpty ? nil : expected.bios))
        #expect(params["net0"]?.hasPrefix(expected.nic + ",") == true)
        #expect(params["\(expected.bus.rawValue)0"]?.contains("iothread=on") == expected.iothread)
        #expect((params["tpmstate0"] != nil) == expected.tpm)
        #expect((params["efidisk0"] != nil) == (expected.bios == "ovmf"))
        if expected.tpm { #expect(params["tpmstate0"]?.hasSuffix("version=v2.0") == true) }
        #expect(model.errors.isEmpty, "\(model.errors)")
    }

    @Test func familiesSelectTheirFirstVersion() {
        for base in OSBase.allCases {
            var model = VMModel(host: TestHosts.noDriverISO)
            model.set(.osBase, to: base.rawValue)
            #expect(model.value(.ostype) == ["linux": "l26", "windows": "win11", "solaris": "solaris", "other": "other"][base.rawValue])
        }
    }

    @Test func freshModelIsTheWebUIsLinuxDefault() {
        let model = VMModel(host: TestHosts.standard)
        #expect(model.value(.ostype) == "l26")
        #expect(model.value(.cpuType) == "x86-64-v2-AES")
        #expect(model.value(.sockets) == "1")
        #expect(model.value(.cores) == "1")
        #expect(model.value(.diskSize, item: 0) == "32")
        #expect(model.value(.diskStorage, item: 0) == "local-lvm")
        #expect(model.value(.netBridge, item: 0) == "vmbr0")
        #expect(model.flag(.netFirewall, item: 0))
        #expect(model.flag(.balloonEnabled))
        #expect(model.flag(.allowKSM))
        #expect(model.flag(.diskBackup, item: 0))
        #expect(model.value(.vmid) == "102")
        // An install ISO is required before the VM is valid.
        #expect(model.errors.map(\.field?.id) == [.isoImage])
    }
}
