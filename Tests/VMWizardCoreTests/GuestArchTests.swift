import Testing
@testable import VMWizardCore

/// The vCPU architecture: an ARM guest gets what Proxmox and its web UI give it (virt machine, UEFI, VirtIO
/// SCSI, the CD drive on scsi2, ARM CPU models), and settings that only fit x86 are refused with the reason.
@Suite struct GuestArchTests {
    static func arm(_ edits: [(FieldID, String)] = [], host: HostInventory = TestHosts.standard) -> VMModel {
        TestHosts.model(host, [(.arch, "aarch64"), (.isoImage, "local:iso/debian-13.2.0-amd64-netinst.iso")] + edits)
    }

    static var armHost: HostInventory {
        var host = TestHosts.standard
        host.hostArch = "aarch64"
        return host
    }

    static func params(_ model: VMModel) -> [String: String] {
        Dictionary(PVEParameters.build(model).map { ($0.key, $0.value) }) { first, _ in first }
    }

    @Test func defaultIsTheNodesArchitectureAndSendsNothing() {
        let model = TestHosts.model(TestHosts.standard, [(.isoImage, "local:iso/debian-13.2.0-amd64-netinst.iso")])
        #expect(model.guestArch == .x86_64)
        #expect(model.isNativeArch)
        #expect(Self.params(model)["arch"] == nil)
        #expect(Self.params(model)["ide2"] == "local:iso/debian-13.2.0-amd64-netinst.iso,media=cdrom")
        let choices = OptionCatalog.spec(.arch)!.choices(model.context(item: nil)).map(\.value)
        #expect(choices == ["", "x86_64", "aarch64"])
    }

    @Test func emulatedARMGuestGetsARMDefaults() {
        let model = Self.arm()
        #expect(model.errors.isEmpty, "\(model.errors)")
        let params = Self.params(model)
        #expect(params["arch"] == "aarch64")
        #expect(params["scsi2"] == "local:iso/debian-13.2.0-amd64-netinst.iso,media=cdrom")
        #expect(params["ide2"] == nil)
        #expect(params["machine"] == nil)
        #expect(params["bios"] == "ovmf")
        #expect(params["efidisk0"]?.hasPrefix("local-lvm:1,") == true)
        #expect(params["scsihw"] == "virtio-scsi-single")
        #expect(params["cpu"] == "max")
        #expect(params["scsi0"] != nil)
        #expect(model.provenance(.cpuType) == .inferred("emulated ARM guest: QEMU's max (host needs KVM)"))
        #expect(model.issue(.arch)?.isError == false)
    }

    @Test func nativeARMGuestUsesTheHostCPU() {
        let model = Self.arm(host: Self.armHost)
        #expect(model.isNativeArch)
        #expect(Self.params(model)["cpu"] == "host")
        #expect(model.issue(.arch) == nil)
        let kvmOnly = Self.arm([(.cpuType, "cortex-a72")], host: Self.armHost)
        #expect(kvmOnly.issue(.cpuType)?.message.contains("does not work with KVM on ARM") == true)
        #expect(Self.arm([(.cpuType, "cortex-a57")], host: Self.armHost).issue(.cpuType) == nil)
        // And an x86 guest on that node is the emulated one.
        let x86 = TestHosts.model(Self.armHost, [(.arch, "x86_64"), (.isoImage, "local:iso/x.iso")])
        #expect(!x86.isNativeArch)
        #expect(x86.issue(.cpuType) == nil)
        #expect(TestHosts.model(Self.armHost, [(.arch, "x86_64"), (.cpuType, "host")]).issue(.cpuType)?.isError == true)
    }

    @Test func choicesOfferOnlyWhatFitsARM() {
        let model = Self.arm()
        func values(_ id: FieldID, item: Int? = nil) -> [String] {
            OptionCatalog.spec(id)!.choices(model.context(item: item)).map(\.value)
        }
        #expect(values(.osBase) == ["linux", "other"])
        #expect(values(.ostype) == ["l26"])
        #expect(values(.machine) == [""])
        #expect(values(.bios) == ["ovmf"])
        #expect(values(.scsihw) == ["virtio-scsi-pci", "virtio-scsi-single"])
        #expect(values(.diskBus, item: 0) == ["sata", "scsi", "virtio"])
        #expect(values(.cpuType).contains("cortex-a72"))
        #expect(!values(.cpuType).contains("host"))
        #expect(!values(.cpuType).contains("x86-64-v2-AES"))
    }

    /// Every x86-only setting on an ARM guest is refused with its reason, as a stricter rule.
    @Test(arguments: [
        (FieldID.osBase, "windows", "does not run as an ARM (64-bit) guest"),
        (.machine, "q35", "is an x86 machine"),
        (.bios, "seabios", "boots only with OVMF"),
        (.bios, "", "boots only with OVMF"),
        (.scsihw, "lsi", "is not available to ARM (64-bit) guests"),
        (.cpuType, "x86-64-v2-AES", "is an x86 (64-bit) model"),
        (.cpuType, "host", "needs KVM"),
    ])
    func x86SettingsAreRefused(_ id: FieldID, _ value: String, _ reason: String) {
        var edits: [(FieldID, String)] = [(id, value)]
        if id == .osBase { edits.append((.ostype, "win10")) }
        let model = Self.arm(edits)
        let issue = model.issue(id)
        #expect(issue?.isError == true, "\(id) \(value)")
        #expect(issue?.message.contains(reason) == true, "\(issue?.message ?? "no issue")")
        #expect(issue?.message.contains("Proxmox accepts this when creating the VM") == true)
    }

    @Test func ideDisksAreRefused() {
        let model = Self.arm([]).with { $0.set(.diskBus, item: 0, to: "ide") }
        let issue = model.issue(.diskBus, item: 0)
        #expect(issue?.message.contains("has no IDE bus") == true, "\(issue?.message ?? "none")")
        // The CD slot on ARM is reserved like ide2 on x86.
        let clash = Self.arm([]).with {
            $0.set(.diskBus, item: 0, to: "scsi")
            $0.set(.diskDevice, item: 0, to: "2")
        }
        #expect(clash.issue(.diskDevice, item: 0)?.message.contains("scsi2 is already in use by the install CD drive") == true)
    }

    @Test func configFileHasARMsEFISizeAndNoGenerationID() {
        let model = Self.arm()
        let registration = ConfigFile.Registration(macs: [0: "BC:24:11:00:00:01"], smbiosUUID: "u", vmgenid: nil)
        let text = ConfigFile.render(model, registration: registration)
        #expect(text.contains("arch: aarch64\n"))
        #expect(text.contains("size=64M"))
        #expect(text.contains("scsi2: local:iso/debian-13.2.0-amd64-netinst.iso,media=cdrom\n"))
        #expect(!text.contains("vmgenid"))
        #expect(!text.contains("ide2"))
    }

    @Test func answersReadARMConfigs() throws {
        let text = """
            arch: aarch64
            ostype: l26
            machine: virt-10.0+pve1
            bios: ovmf
            scsihw: virtio-scsi-single
            scsi2: none,media=cdrom
            memory: 2048

            """
        let draft = try Answers.parse(text: text, host: TestHosts.standard).get()
        let model = VMModel(draft: draft, host: TestHosts.standard)
        #expect(model.guestArch == .aarch64)
        #expect(model.value(.media) == "none")
        #expect(model.value(.machine) == "")
        // The create call's cdrom alias is ide2, which ARM has not.
        let alias = Answers.parse(text: #"{"arch": "aarch64", "cdrom": "none"}"#, host: TestHosts.standard)
        guard case .failure(let problems) = alias else { Issue.record("cdrom accepted on ARM"); return }
        #expect(problems.map(\.description).contains { $0.contains("give the install CD as scsi2") })
        // An unknown architecture and an x86 machine on ARM.
        guard case .failure(let bad) = Answers.parse(text: #"{"arch": "riscv64"}"#, host: TestHosts.standard) else {
            Issue.record("riscv64 accepted"); return
        }
        #expect(bad.map(\.description).contains { $0.contains("is not a vCPU architecture") })
        guard case .failure(let pc) = Answers.parse(text: "arch: aarch64\nostype: l26\nbios: ovmf\nscsihw: virtio-scsi-pci\nmachine: pc\n", host: TestHosts.standard) else {
            Issue.record("machine pc accepted on ARM"); return
        }
        #expect(pc.map(\.description) == ["line 5: Machine pc is an x86 machine; an ARM (64-bit) guest uses the default (virt) (Proxmox accepts this when creating the VM, but QEMU refuses to start it)"])
    }

    @Test func anInstallerForTheOtherArchitectureIsWarned() {
        #expect(ISODetection.architecture(fileName: "debian-13.2.0-arm64-netinst.iso") == .aarch64)
        #expect(ISODetection.architecture(fileName: "ubuntu-24.04-live-server-amd64.iso") == .x86_64)
        #expect(ISODetection.architecture(fileName: "Win11_24H2_English_x64.iso") == .x86_64)
        #expect(ISODetection.architecture(fileName: "Fedora-Server-dvd-aarch64-42.iso") == .aarch64)
        #expect(ISODetection.architecture(fileName: "alpine-virt.iso") == nil)
        #expect(ISODetection.architecture(fileName: "farm64-tools.iso") == nil)
        // The test host's Debian ISO is amd64: fine for x86, warned for ARM.
        #expect(TestHosts.model(TestHosts.standard, [(.isoImage, "local:iso/debian-13.2.0-amd64-netinst.iso")]).issue(.isoImage) == nil)
        let issue = Self.arm().issue(.isoImage)
        #expect(issue?.isError == false)
        #expect(issue?.message == "debian-13.2.0-amd64-netinst.iso looks like an x86 (64-bit) installer, but the guest is ARM (64-bit): set vCPU architecture (General, advanced)")
    }

    @Test func nodeArchitectureComesFromDpkg() {
        let status = Array("Package: pve-qemu-kvm\nStatus: install ok installed\nArchitecture: arm64\nVersion: 10.0.2-4\n\n".utf8)
        #expect(InventoryHostFiles.packageArchitecture("pve-qemu-kvm", in: status) == "aarch64")
        #expect(InventoryHostFiles.packageVersion("pve-qemu-kvm", in: status) == "10.0.2")
        let amd = Array("Package: pve-qemu-kvm\nArchitecture: amd64\n\n".utf8)
        #expect(InventoryHostFiles.packageArchitecture("pve-qemu-kvm", in: amd) == "x86_64")
        #expect(InventoryHostFiles.packageArchitecture("other", in: amd) == nil)
    }
}
