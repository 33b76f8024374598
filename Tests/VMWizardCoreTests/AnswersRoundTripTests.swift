import Testing
@testable import VMWizardCore

/// Answers files read back what the renderers write: a config file gives the same config text again, a JSON
/// body gives a model whose every rendering is the original's.
@Suite struct AnswersRoundTripTests {
    typealias Edit = (FieldID, Int?, String)

    static func build(_ edits: [Edit], host: HostInventory = TestHosts.standard, disks: Int = 1, nics: Int = 1) -> VMModel {
        var model = VMModel(host: host)
        while model.draft.disks.count < disks { model.addDisk() }
        while model.draft.nics.count < nics { model.addNIC() }
        for (id, item, value) in edits { model.set(id, item: item, to: value) }
        return model
    }

    static func e(_ id: FieldID, _ value: String, _ item: Int? = nil) -> Edit { (id, item, value) }

    static let everything: [Edit] = [
        e(.name, "web-01.example.com"), e(.onboot, "1"), e(.startupOrder, "3"), e(.startupUp, "30"),
        e(.startupDown, "60"), e(.tags, "prod;web"), e(.description, "Web server: front\nsecond line ü 100%"),
        e(.isoImage, "local:iso/debian-13.2.0-amd64-netinst.iso"), e(.vga, "serial0"), e(.machine, "q35"),
        e(.bios, "ovmf"), e(.efiStorage, "vmstore"), e(.efiKeys, "0"), e(.scsihw, "virtio-scsi-pci"),
        e(.agent, "1"), e(.tpmAdd, "1"), e(.tpmStorage, "local-lvm"), e(.tpmVersion, "v1.2"),
        e(.diskStorage, "vmstore", 0), e(.diskSize, "0.5", 0), e(.diskCache, "writeback", 0), e(.diskDiscard, "1", 0),
        e(.diskSSD, "1", 0), e(.diskIothread, "1", 0), e(.diskBackup, "0", 0), e(.diskReplicate, "1", 0),
        e(.diskAIO, "threads", 0), e(.diskMbpsRd, "100", 0), e(.diskMbpsWr, "50.5", 0), e(.diskIopsRd, "1000", 0),
        e(.diskIopsWr, "500", 0), e(.diskMbpsRdMax, "200", 0), e(.diskMbpsWrMax, "100", 0), e(.diskIopsRdMax, "2000", 0),
        e(.diskIopsWrMax, "1000", 0),
        e(.diskBus, "virtio", 1), e(.diskStorage, "local-lvm", 1), e(.diskSize, "100", 1), e(.diskReadOnly, "1", 1),
        e(.diskBus, "sata", 2), e(.diskDevice, "3", 2), e(.diskStorage, "vmstore", 2), e(.diskFormat, "raw", 2),
        e(.diskSize, "1024", 2),
        e(.sockets, "2"), e(.cores, "4"), e(.cpuType, "host"), e(.cpuFlags, "+aes;-pcid"),
        e(.vcpus, "6"), e(.cpulimit, "3.5"), e(.cpuunits, "200"), e(.affinity, "0-5"), e(.numa, "1"),
        e(.memory, "8192"), e(.balloon, "4096"), e(.shares, "500"), e(.allowKSM, "0"),
        e(.netBridge, "vmbr1", 0), e(.netTag, "10", 0), e(.netMTU, "9000", 0), e(.netRate, "12.5", 0), e(.netQueues, "4", 0),
        e(.netModel, "e1000e", 1), e(.netFirewall, "0", 1), e(.netLinkDown, "1", 1),
    ]

    /// Models covering every field the renderers write, each valid on the standard test host.
    static let cases: [(String, VMModel)] = [
        ("default Linux", build([e(.isoImage, "local:iso/x.iso")])),
        ("Windows 11 with drivers CD", RenderingTests.windows11(virtio: true)),
        ("Windows 11 without drivers CD", RenderingTests.windows11(virtio: false)),
        ("everything", build(everything, disks: 3, nics: 2)),
        ("ballooning off, no NIC, SeaBIOS TPM", {
            var model = Self.build([
                e(.isoImage, "local:iso/x.iso"), e(.balloonEnabled, "0"), e(.bios, "seabios"),
                e(.tpmAdd, "1"), e(.tpmStorage, "vmstore"), e(.ostype, "other"), e(.scsihw, ""),
            ])
            model.removeNIC(at: 0)
            return model
        }()),
        ("ARM guest emulated on x86, two disks", build([
            e(.arch, "aarch64"), e(.isoImage, "local:iso/debian-13.2.0-amd64-netinst.iso"), e(.cpuType, "cortex-a72"),
            e(.diskBus, "virtio", 1), e(.diskStorage, "vmstore", 1),
        ], disks: 2)),
        ("no disk, physical CD drive, Windows 7", {
            var model = Self.build([e(.osBase, "windows"), e(.ostype, "win7"), e(.media, "cdrom"), e(.virtioAdd, "0")])
            model.removeDisk(at: 0)
            return model
        }()),
    ]

    static func renderings(_ model: VMModel) -> [String] {
        [ConfigFile.render(model), APIJSON.render(model), QmCommand.script(model)]
    }

    @Test(arguments: cases.indices)
    func configFileRoundTrip(_ index: Int) throws {
        let (name, original) = Self.cases[index]
        #expect(original.errors.isEmpty, "\(name): \(original.errors)")
        let text = ConfigFile.render(original)
        let draft = try Answers.parse(text: text, host: original.host).get()
        var imported = VMModel(draft: draft, host: original.host)
        // A config file names no VM ID: both sides get the same one.
        imported.set(.vmid, to: original.value(.vmid))
        #expect(ConfigFile.render(imported) == text, "\(name)")
        #expect(imported.errors.isEmpty, "\(name): \(imported.errors)")
    }

    /// The API JSON read back as JSON answers: the same VM, for the cases that keep the wizard's default devices
    /// (JSON answers add those unless the file removes them with null, which the API body cannot say).
    @Test(arguments: cases.indices.prefix(4))
    func jsonRoundTrip(_ index: Int) throws {
        let (name, original) = Self.cases[index]
        let draft = try Answers.parse(text: APIJSON.render(original), host: original.host).get()
        let imported = VMModel(draft: draft, host: original.host)
        #expect(Self.renderings(imported) == Self.renderings(original), "\(name)")
    }

    @Test func jsonKeepsMACAndImportAndCreateOnlyKeys() throws {
        let original = Self.build([
            Self.e(.isoImage, "local:iso/x.iso"), Self.e(.pool, "prod"), Self.e(.haManaged, "1"), Self.e(.start, "1"),
            Self.e(.netMAC, "BC:24:11:AA:BB:CC", 0), Self.e(.diskImport, "local:import/disk.qcow2", 0), Self.e(.vmid, "4242"),
        ])
        #expect(original.errors.isEmpty, "\(original.errors)")
        let json = APIJSON.render(original)
        #expect(json.contains("import-from=local:import/disk.qcow2"))
        let imported = VMModel(draft: try Answers.parse(text: json, host: original.host).get(), host: original.host)
        #expect(Self.renderings(imported) == Self.renderings(original))
        #expect(imported.value(.netMAC, item: 0) == "BC:24:11:AA:BB:CC")
        #expect(imported.value(.vmid) == "4242")
    }

    @Test func configDropsMACs() throws {
        let original = Self.build([Self.e(.isoImage, "local:iso/x.iso"), Self.e(.netMAC, "BC:24:11:AA:BB:CC", 0)])
        let text = ConfigFile.render(original)
        #expect(text.contains("virtio=BC:24:11:AA:BB:CC"))
        let imported = VMModel(draft: try Answers.parse(text: text, host: original.host).get(), host: original.host)
        #expect(imported.value(.netMAC, item: 0) == "")
        #expect(ConfigFile.render(imported).contains("net0: virtio,bridge=vmbr0,firewall=1\n"))
    }
}
