import Testing
@testable import VMWizardCore

/// Every cross-field rule of the web UI reference §3, as the model applies it.
@Suite struct RulesTests {
    static func model(_ host: HostInventory = TestHosts.standard, _ edits: [(FieldID, String)] = []) -> VMModel {
        TestHosts.model(host, [(.isoImage, "local:iso/x.iso")] + edits)
    }

    static func params(_ model: VMModel) -> [String: String] {
        Dictionary(PVEParameters.build(model).map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
    }

    static func errorMessages(_ model: VMModel) -> [String] { model.errors.map(\.message) }

    // MARK: §3.2 OS changes

    @Test func osChangeReappliesDefaultsToUntouchedFieldsOnly() {
        var model = Self.model(TestHosts.noDriverISO)
        model.set(.scsihw, to: "lsi")
        model.set(.netModel, item: 0, to: "e1000e")
        model.set(.cores, to: "2")
        #expect(model.value(.machine) == "")

        model.set(.osBase, to: "windows")
        model.set(.ostype, to: "win11")
        // Untouched fields follow the new OS, even though the System and Memory "tabs" were already seen.
        #expect(model.value(.machine) == "q35")
        #expect(model.value(.bios) == "ovmf")
        #expect(model.tpmActive)
        #expect(model.value(.memory) == "4096")
        #expect(model.diskBus(0) == .ide)
        // Hand-set ones stay (the web UI overwrites scsihw and the NIC model on every OS change).
        #expect(model.value(.scsihw) == "lsi")
        #expect(model.value(.netModel, item: 0) == "e1000e")
        #expect(model.value(.cores) == "2")

        model.set(.osBase, to: "linux")
        #expect(model.value(.ostype) == "l26")
        #expect(model.value(.machine) == "")
        #expect(model.value(.bios) == "")
        #expect(model.value(.memory) == "2048")
        #expect(model.diskBus(0) == .scsi)
        #expect(!model.tpmActive)
    }

    @Test func handSetMemoryMachineAndBiosSurviveAnOSChange() {
        var model = Self.model(TestHosts.noDriverISO, [(.memory, "8192"), (.machine, ""), (.bios, "seabios")])
        model.set(.osBase, to: "windows")
        #expect(model.value(.ostype) == "win11")
        #expect(model.value(.memory) == "8192")
        #expect(model.value(.machine) == "")
        #expect(model.value(.bios) == "seabios")
        #expect(!model.efiDiskActive)
    }

    @Test func handSetDiskBusSurvivesAnOSChange() {
        var model = Self.model(TestHosts.noDriverISO, [(.osBase, "windows"), (.ostype, "win10")])
        model.set(.diskBus, item: 0, to: "virtio")
        model.set(.osBase, to: "linux")
        #expect(model.diskSlots == [DiskSlot(.virtio, 0)])
    }

    @Test func osBaseChangeDropsAHandPickedVersionOfTheOldFamily() {
        var model = Self.model(TestHosts.noDriverISO, [(.osBase, "windows"), (.ostype, "win7")])
        #expect(model.value(.ostype) == "win7")
        model.set(.osBase, to: "windows")
        #expect(model.value(.ostype) == "win7", "same family: kept")
        model.set(.osBase, to: "solaris")
        #expect(model.value(.ostype) == "solaris")
        #expect(!model.isUserSet(.ostype))
        #expect(model.issue(.ostype) == nil)
    }

    @Test func ostypeOutsideTheFamilyIsAnError() {
        var model = Self.model()
        model.draft.values["os.base"] = "linux"
        model.draft.values["ostype"] = "win10"
        #expect(model.issue(.ostype)?.message.hasPrefix("Version 'win10' is not allowed") == true)
    }

    // MARK: §3.4 Windows 11

    @Test func windows11() {
        let model = Self.model(TestHosts.noDriverISO, [(.osBase, "windows")])
        #expect(model.value(.ostype) == "win11")
        let params = Self.params(model)
        #expect(params["machine"] == "q35")
        #expect(params["bios"] == "ovmf")
        #expect(params["efidisk0"] == "local-lvm:1,efitype=4m,pre-enrolled-keys=1")
        #expect(params["tpmstate0"] == "local-lvm:1,version=v2.0")
        #expect(params["memory"] == "4096")
        #expect(model.provenance(.machine) == .inferred("Windows 11 needs q35"))
        #expect(model.provenance(.memory) == .inferred("Windows 11 needs 4 GiB"))
        #expect(model.errors.isEmpty, "\(model.errors)")
    }

    @Test func efiAndTPMFollowTheFirstDisksStorage() {
        let model = Self.model(TestHosts.noDriverISO, [(.osBase, "windows")])
        var moved = model
        moved.set(.diskStorage, item: 0, to: "vmstore")
        #expect(moved.value(.efiStorage) == "vmstore")
        #expect(moved.value(.tpmStorage) == "vmstore")
        #expect(moved.value(.efiFormat) == "qcow2")
        #expect(Self.params(moved)["efidisk0"] == "vmstore:1,efitype=4m,pre-enrolled-keys=1,format=qcow2")
    }

    // MARK: §3.3 VirtIO drivers CD

    @Test func virtioDriversCD() {
        let model = Self.model(TestHosts.standard, [(.osBase, "windows"), (.ostype, "win10")])
        // The host has virtio-win ISOs: the CD is proposed with the newest one.
        #expect(model.virtioDriverDriveActive)
        #expect(model.value(.virtioImage) == "local:iso/virtio-win-0.1.271.iso")
        #expect(model.provenance(.virtioAdd) == .inferred("virtio-win-0.1.271.iso is on this host"))
        #expect(model.diskSlots == [DiskSlot(.scsi, 0)])
        #expect(model.value(.netModel, item: 0) == "virtio")
        let params = Self.params(model)
        #expect(params["ide0"] == "local:iso/virtio-win-0.1.271.iso,media=cdrom")
        #expect(params["boot"] == "order=scsi0;ide2;ide0;net0")
        #expect(params["scsi0"] == "local-lvm:32,iothread=on")
        #expect(model.errors.isEmpty, "\(model.errors)")

        var off = model
        off.set(.virtioAdd, to: "0")
        #expect(off.diskSlots == [DiskSlot(.ide, 0)])
        #expect(Self.params(off)["ide0"] == "local-lvm:32")
        #expect(Self.params(off)["boot"] == nil)
        // The model's NIC default follows the OS again (the web UI leaves VirtIO once it was set).
        #expect(off.value(.netModel, item: 0) == "e1000")
    }

    @Test func driverCDSlotIsReserved() {
        var model = Self.model(TestHosts.standard, [(.osBase, "windows"), (.ostype, "win10")])
        model.set(.diskBus, item: 0, to: "ide")
        // ide0 is the drivers CD and ide2 the installer: the first free IDE slot is ide1.
        #expect(model.diskSlots == [DiskSlot(.ide, 1)])
        model.set(.diskDevice, item: 0, to: "0")
        #expect(model.issue(.diskDevice, item: 0)?.message == "Device ide0 is already in use by the VirtIO drivers CD")
        #expect(Self.params(model)["boot"] == "order=ide0;ide2;ide0;net0" || model.issue(.diskDevice, item: 0) != nil)
    }

    @Test func driversCDOnlyForWindows() {
        let linux = Self.model(TestHosts.standard, [(.virtioAdd, "1")])
        #expect(!linux.virtioDriverDriveActive)
        #expect(Self.params(linux)["ide0"] == nil)
    }

    @Test func bootOrderWithoutNICOrDisk() {
        var model = Self.model(TestHosts.standard, [(.osBase, "windows"), (.ostype, "win10")])
        model.removeNIC(at: 0)
        #expect(Self.params(model)["boot"] == "order=scsi0;ide2;ide0")
        model.removeDisk(at: 0)
        #expect(Self.params(model)["boot"] == "order=ide2;ide0")
    }

    // MARK: §3.5 EFI and TPM

    @Test func efiDiskOnlyWithOVMF() {
        var model = Self.model(TestHosts.standard, [(.bios, "seabios"), (.efiAdd, "1")])
        #expect(!model.efiDiskActive)
        #expect(Self.params(model)["efidisk0"] == nil)
        model.set(.bios, to: "ovmf")
        #expect(Self.params(model)["efidisk0"] == "local-lvm:1,efitype=4m,pre-enrolled-keys=1")
        model.set(.efiAdd, to: "0")
        #expect(Self.params(model)["efidisk0"] == nil)
        model.set(.efiAdd, to: "1")
        model.set(.efiKeys, to: "0")
        #expect(Self.params(model)["efidisk0"] == "local-lvm:1,efitype=4m")
    }

    @Test func tpmDoesNotNeedOVMF() {
        // Proxmox's wizard offers Add TPM whatever the firmware; QEMU's TPM works with SeaBIOS.
        let model = Self.model(TestHosts.standard, [(.tpmAdd, "1"), (.tpmVersion, "v1.2")])
        #expect(model.tpmActive)
        #expect(Self.params(model)["tpmstate0"] == "local-lvm:1,version=v1.2")
        #expect(Self.params(Self.model())["tpmstate0"] == nil)
    }

    @Test func efiAndTPMStorageMustHoldImages() {
        let model = Self.model(TestHosts.standard, [(.bios, "ovmf"), (.efiStorage, "local"), (.tpmAdd, "1"), (.tpmStorage, "old")])
        #expect(model.issue(.efiStorage)?.message == "EFI Storage: storage 'local' does not hold VM disk images")
        #expect(model.issue(.tpmStorage)?.message == "TPM Storage: storage 'old' is disabled")
    }

    // MARK: §3.8 IO thread, SSD, read-only

    struct BusCase: Sendable, CustomTestStringConvertible {
        var bus: DiskBus
        var scsihw: String
        var iothreadDefault: Bool
        var iothreadAllowed: Bool
        var ssdAllowed: Bool
        var readOnlyAllowed: Bool
        var testDescription: String { "\(bus.rawValue) with \(scsihw.isEmpty ? "LSI" : scsihw)" }
    }

    @Test(arguments: [
        BusCase(bus: .ide, scsihw: "virtio-scsi-single", iothreadDefault: false, iothreadAllowed: false, ssdAllowed: true, readOnlyAllowed: false),
        BusCase(bus: .sata, scsihw: "virtio-scsi-single", iothreadDefault: false, iothreadAllowed: false, ssdAllowed: true, readOnlyAllowed: false),
        BusCase(bus: .scsi, scsihw: "virtio-scsi-single", iothreadDefault: true, iothreadAllowed: true, ssdAllowed: true, readOnlyAllowed: true),
        BusCase(bus: .scsi, scsihw: "virtio-scsi-pci", iothreadDefault: false, iothreadAllowed: true, ssdAllowed: true, readOnlyAllowed: true),
        BusCase(bus: .scsi, scsihw: "", iothreadDefault: false, iothreadAllowed: true, ssdAllowed: true, readOnlyAllowed: true),
        BusCase(bus: .virtio, scsihw: "virtio-scsi-single", iothreadDefault: true, iothreadAllowed: true, ssdAllowed: false, readOnlyAllowed: true),
    ])
    func diskFlagCoupling(_ bus: BusCase) {
        var model = Self.model(TestHosts.standard, [(.scsihw, bus.scsihw)])
        model.set(.diskBus, item: 0, to: bus.bus.rawValue)
        #expect((model.activeValue(.diskIothread, item: 0) == "1") == bus.iothreadDefault)
        for (id, key, allowed) in [(FieldID.diskIothread, "iothread=on", bus.iothreadAllowed),
                                   (.diskSSD, "ssd=on", bus.ssdAllowed), (.diskReadOnly, "ro=on", bus.readOnlyAllowed)] {
            var ticked = model
            ticked.set(id, item: 0, to: "1")
            #expect(ticked.isActive(id, item: 0) == allowed, "\(id.rawValue)")
            #expect(PVEParameters.diskValue(ticked, disk: 0).contains(key) == allowed, "\(id.rawValue)")
        }
    }

    // MARK: §3.9 CPU

    @Test func cpuTotalsAndVCPUs() {
        var model = Self.model(TestHosts.standard, [(.sockets, "2"), (.cores, "3")])
        #expect(model.totalCores == 6)
        #expect(model.issue(.vcpus) == nil)
        model.set(.vcpus, to: "6")
        #expect(model.issue(.vcpus) == nil)
        model.set(.vcpus, to: "7")
        #expect(model.issue(.vcpus)?.message
            == "VCPUs must be at most the 6 cores the VM has (got 7) (Proxmox accepts this when creating the VM, but QEMU refuses to start it)")
        #expect(OptionCatalog.spec(.vcpus)?.placeholder(model.context(item: nil)) == "all 6")
    }

    @Test func moreVCPUsThanTheHostHasIsAWarningUnlessTheVMStarts() {
        // Proxmox creates such a VM but refuses to start it there.
        let model = Self.model(TestHosts.standard, [(.sockets, "2"), (.cores, "5")])
        let issue = model.issue(.cores)
        #expect(issue?.isError == false)
        #expect(issue?.message == "Total vCPUs 10 (2 sockets × 5 cores) exceed the 8 logical CPUs of node pve1: "
            + "the VM is created, but Proxmox refuses to start it there")
        let starting = Self.model(TestHosts.standard, [(.sockets, "2"), (.cores, "5"), (.start, "1")])
        #expect(starting.issue(.cores)?.isError == true)
        #expect(starting.issue(.cores)?.message.hasSuffix(
            ", and Start after created is ticked (Proxmox accepts this when creating the VM, but refuses to start it there)") == true)
        #expect(Self.model(TestHosts.standard, [(.cores, "8")]).issue(.cores) == nil)
    }

    @Test func cpuLimitAndUnitsAreSentOnlyWhenNotDefault() {
        #expect(Self.params(Self.model(TestHosts.standard, [(.cpulimit, "0"), (.cpuunits, "100")]))["cpulimit"] == nil)
        #expect(Self.params(Self.model(TestHosts.standard, [(.cpuunits, "100")]))["cpuunits"] == nil)
        #expect(Self.params(Self.model(TestHosts.standard, [(.cpulimit, "2.5"), (.cpuunits, "50")]))["cpulimit"] == "2.5")
        #expect(Self.params(Self.model(TestHosts.standard, [(.cpuunits, "50")]))["cpuunits"] == "50")
        #expect(Self.params(Self.model(TestHosts.standard, [(.cpuFlags, "+aes")]))["cpu"] == "x86-64-v2-AES,flags=+aes")
        #expect(Self.params(Self.model())["numa"] == "0")
    }

    @Test func affinityBeyondTheHostIsAWarning() {
        let model = Self.model(TestHosts.standard, [(.affinity, "0-3,12")])
        #expect(model.issue(.affinity)?.severity == .warning)
        #expect(model.errors.isEmpty)
    }

    // MARK: §3.10 Memory and ballooning

    @Test func balloonFollowsMemoryWhileEqual() {
        var model = Self.model()
        model.set(.balloon, to: "2048")
        model.set(.memory, to: "4096")
        #expect(model.value(.balloon) == "4096")
        model.set(.balloon, to: "1024")
        model.set(.memory, to: "8192")
        #expect(model.value(.balloon) == "1024")
    }

    @Test func whatMemorySends() {
        // Ballooning off: balloon=0.
        var params = Self.params(Self.model(TestHosts.standard, [(.balloonEnabled, "0"), (.shares, "500")]))
        #expect(params["balloon"] == "0")
        #expect(params["shares"] == nil)
        // balloon == memory: neither balloon nor shares.
        params = Self.params(Self.model(TestHosts.standard, [(.memory, "4096"), (.balloon, "4096"), (.shares, "500")]))
        #expect(params["balloon"] == nil)
        #expect(params["shares"] == nil)
        // balloon < memory: both.
        params = Self.params(Self.model(TestHosts.standard, [(.memory, "4096"), (.balloon, "1024"), (.shares, "500")]))
        #expect(params["balloon"] == "1024")
        #expect(params["shares"] == "500")
        // Shares left empty is not sent.
        params = Self.params(Self.model(TestHosts.standard, [(.memory, "4096"), (.balloon, "1024")]))
        #expect(params["shares"] == nil)
        #expect(Self.params(Self.model(TestHosts.standard, [(.allowKSM, "0")]))["allow-ksm"] == "0")
        #expect(Self.params(Self.model())["allow-ksm"] == nil)
    }

    @Test func sharesOnlyWithBalloonBelowMemory() {
        #expect(!Self.model(TestHosts.standard, [(.memory, "4096"), (.balloon, "4096")]).isActive(.shares))
        #expect(Self.model(TestHosts.standard, [(.memory, "4096"), (.balloon, "2048")]).isActive(.shares))
        #expect(!Self.model(TestHosts.standard, [(.balloonEnabled, "0")]).isActive(.shares))
        #expect(!Self.model(TestHosts.standard, [(.balloonEnabled, "0")]).isActive(.balloon))
    }

    @Test func balloonAboveMemoryIsAnError() {
        var model = Self.model(TestHosts.standard, [(.memory, "2048")])
        model.set(.balloon, to: "4096")
        #expect(model.issue(.balloon)?.message == "Minimum memory must be at most Memory (2048 MiB), got 4096 MiB "
            + "(Proxmox accepts this when creating the VM, but it refuses the same value in every later change of the VM)")
    }

    @Test func memoryAboveHostRAMIsOnlyAWarning() {
        let model = Self.model(TestHosts.standard, [(.memory, "65536")])
        let issue = model.issue(.memory)
        #expect(issue?.severity == .warning)
        #expect(issue?.message == "Memory 65536 MiB is more than node pve1 has (32768 MiB)")
        #expect(model.errors.isEmpty)
    }

    // MARK: §3.11 Network

    @Test(arguments: [("1", true), ("576", true), ("9000", true), ("65520", true), ("575", false), ("2", false), ("0", false),
                      ("65521", false)])
    func mtu(_ value: String, _ ok: Bool) {
        let model = Self.model(TestHosts.standard, []).with { $0.set(.netMTU, item: 0, to: value) }
        #expect((model.issue(.netMTU, item: 0) == nil) == ok, "\(model.issue(.netMTU, item: 0)?.message ?? "")")
        if !ok, let mtu = Int(value), mtu > 1, mtu < 576 {
            #expect(model.issue(.netMTU, item: 0)?.message == "MTU must be at least 576, or 1 to use the bridge's MTU (got \(value))")
        }
    }

    @Test func mtuOnlyForVirtIO() {
        var model = Self.model()
        model.set(.netMTU, item: 0, to: "9000")
        #expect(Self.params(model)["net0"] == "virtio,bridge=vmbr0,firewall=1,mtu=9000")
        model.set(.netModel, item: 0, to: "e1000")
        #expect(!model.isActive(.netMTU, item: 0))
        #expect(Self.params(model)["net0"] == "e1000,bridge=vmbr0,firewall=1")
        model.set(.netMTU, item: 0, to: "100")
        #expect(model.issue(.netMTU, item: 0) == nil, "an inactive field is not checked")
    }

    @Test func tagAndFirewallOnlyWithABridge() {
        var model = Self.model(TestHosts.standard, [])
        model.set(.netTag, item: 0, to: "10")
        #expect(PVEParameters.nicValue(model, nic: 0) == "virtio,bridge=vmbr0,tag=10,firewall=1")
        model.set(.netBridge, item: 0, to: "")
        #expect(PVEParameters.nicValue(model, nic: 0) == "virtio")
        // Proxmox takes a NIC without a bridge (QEMU's user-mode network): a warning.
        #expect(model.issue(.netBridge, item: 0)?.message == "No bridge: this NIC gets QEMU's user-mode network only, not the LAN")
        #expect(model.issue(.netBridge, item: 0)?.isError == false)
        model.set(.netFirewall, item: 0, to: "0")
        model.set(.netBridge, item: 0, to: "vmbr1")
        #expect(PVEParameters.nicValue(model, nic: 0) == "virtio,bridge=vmbr1,tag=10")
    }

    @Test func nicOptionOrder() {
        var model = Self.model()
        for (id, value) in [(FieldID.netMAC, "bc:24:11:00:00:01"), (.netRate, "10"), (.netQueues, "2"), (.netLinkDown, "1"), (.netMTU, "1")] {
            model.set(id, item: 0, to: value)
        }
        #expect(PVEParameters.nicValue(model, nic: 0)
            == "virtio=BC:24:11:00:00:01,bridge=vmbr0,firewall=1,rate=10,queues=2,link_down=1,mtu=1")
    }

    @Test func vlanTagOnABridgeThatIsNotVLANAwareIsAWarning() {
        let model = Self.model().with { $0.set(.netTag, item: 0, to: "10") }
        #expect(model.issue(.netBridge, item: 0)?.severity == .warning)
        let aware = Self.model().with {
            $0.set(.netTag, item: 0, to: "10")
            $0.set(.netBridge, item: 0, to: "vmbr1")
        }
        #expect(aware.issue(.netBridge, item: 0) == nil)
    }

    @Test func severalNICs() {
        var model = Self.model()
        while model.addNIC() != nil {}
        #expect(model.draft.nics.count == 32)
        let keys = PVEParameters.build(model).map(\.key).filter { $0.hasPrefix("net") }
        #expect(keys == (0..<32).map { "net\($0)" })
        model.set(.netMAC, item: 3, to: "BC:24:11:00:00:03")
        model.set(.netMAC, item: 7, to: "bc:24:11:00:00:03")
        #expect(model.issue(.netMAC, item: 7)?.message == "MAC address bc:24:11:00:00:03 is already used by net3 "
            + "(Proxmox accepts this when creating the VM, but two NICs with one address disturb each other on the network)")
        model.removeNIC(at: 0)
        #expect(model.draft.nics.count == 31)
        #expect(PVEParameters.build(model).last(where: { $0.key.hasPrefix("net") })?.key == "net30")
    }

    // MARK: §3.7 Disk slots

    @Test func slotsSkipTheInstallCD() {
        var model = Self.model(TestHosts.noDriverISO, [(.osBase, "windows"), (.ostype, "win10")])
        model.addDisk()
        model.addDisk()
        #expect(model.diskSlots == [DiskSlot(.ide, 0), DiskSlot(.ide, 1), DiskSlot(.ide, 3)])
        // A full bus overflows to the OS's next bus (ide, sata, scsi, virtio for Windows).
        model.addDisk()
        #expect(model.diskSlots.last == DiskSlot(.sata, 0))
    }

    @Test func handSetNumbersAreKeptAndOthersFlowAround() {
        var model = Self.model()
        model.addDisk()
        model.addDisk()
        model.set(.diskDevice, item: 1, to: "0")
        #expect(model.diskSlots == [DiskSlot(.scsi, 1), DiskSlot(.scsi, 0), DiskSlot(.scsi, 2)])
        #expect(PVEParameters.orderedDisks(model).map(\.slot.configKey) == ["scsi0", "scsi1", "scsi2"])
    }

    @Test func busChangePicksTheFirstFreeNumber() {
        var model = Self.model()
        model.addDisk()
        model.set(.diskDevice, item: 1, to: "5")
        model.set(.diskBus, item: 1, to: "virtio")
        #expect(!model.isUserSet(.diskDevice, item: 1))
        #expect(model.diskSlots == [DiskSlot(.scsi, 0), DiskSlot(.virtio, 0)])
    }

    @Test func slotClashesAreErrors() {
        var model = Self.model()
        model.addDisk()
        model.set(.diskDevice, item: 0, to: "3")
        model.set(.diskDevice, item: 1, to: "3")
        #expect(model.issue(.diskDevice, item: 0)?.message == "Device scsi3 is already in use by disk 2")
        #expect(model.issue(.diskDevice, item: 1)?.message == "Device scsi3 is already in use by disk 1")
        model.set(.diskBus, item: 1, to: "ide")
        model.set(.diskDevice, item: 1, to: "2")
        #expect(model.issue(.diskDevice, item: 1)?.message == "Device ide2 is already in use by the install CD drive")
        model.set(.diskDevice, item: 1, to: "4")
        #expect(model.issue(.diskDevice, item: 1)?.message == "Device must be at most 3 (got 4) on the IDE bus")
    }

    @Test func handChosenBusDoesNotOverflow() {
        var model = Self.model()
        for _ in 0..<4 { model.addDisk() }
        for disk in 0..<5 { model.set(.diskBus, item: disk, to: "ide") }
        #expect(model.diskSlots.compactMap { $0 }.count == 3)
        #expect(model.diskSlots.last == .some(nil))
        #expect(model.issue(.diskDevice, item: 4)?.message == "Device: no free slot left on the IDE bus")
    }

    @Test func maximumNumberOfDisks() {
        #expect(VMModel.maxDisks == 4 + 6 + 31 + 16 - 1)
        var model = Self.model()
        while model.addDisk() != nil {}
        #expect(model.draft.disks.count == VMModel.maxDisks)
        #expect(model.diskSlots.allSatisfy { $0 != nil })
        #expect(Set(model.diskSlots.compactMap { $0 }).count == VMModel.maxDisks)
        #expect(!model.diskSlots.contains(DiskSlot(.ide, 2)))
        let windows = Self.model(TestHosts.standard, [(.osBase, "windows"), (.ostype, "win10")]).with {
            while $0.addDisk() != nil {}
        }
        // The drivers CD takes one more slot.
        #expect(windows.draft.disks.count == VMModel.maxDisks - 1)
    }

    // MARK: ISO name detection

    @Test(arguments: [
        ("Win11_24H2_English_x64.iso", "win11", "Windows 11"),
        ("en-us_windows_server_2022_updated_x64_dvd.iso", "win11", "Windows Server 2022"),
        ("26100.1742.240906-0331.ge_release_svc_refresh_SERVER_EVAL_x64FRE_en-us.iso", "win11", "Windows Server 2025"),
        ("Win10_22H2_English_x64v1.iso", "win10", "Windows 10"),
        ("17763.737.190906-2324.rs5_release_svc_refresh_SERVER_EVAL_x64FRE_en-us_1.iso", "win10", "Windows Server 2019"),
        ("debian-13.2.0-amd64-netinst.iso", "l26", "Debian"),
        ("ubuntu-24.04.1-live-server-amd64.iso", "l26", "Ubuntu"),
        ("Rocky-9.5-x86_64-minimal.iso", "l26", "Rocky Linux"),
        ("proxmox-ve_9.0-1.iso", "l26", "Proxmox VE"),
        ("OPNsense-25.1-dvd-amd64.iso", "other", "a BSD system"),
        ("FreeBSD-14.2-RELEASE-amd64-disc1.iso", "other", "a BSD system"),
        ("omnios-r151052.iso", "solaris", "a Solaris kernel system"),
    ])
    func isoDetection(_ file: String, _ ostype: String, _ name: String) {
        #expect(ISODetection.detect(fileName: file) == .installer(ostype: ostype, name: name))
    }

    @Test func isoDetectionMisses() {
        #expect(ISODetection.detect(fileName: "x.iso") == nil)
        #expect(ISODetection.detect(fileName: "SERVER_EVAL_x64FRE_en-us.iso") == nil)
        #expect(ISODetection.detect(fileName: "virtio-win-0.1.271.iso") == .virtioDrivers)
    }

    static var isoHost: HostInventory {
        var host = TestHosts.standard
        host.isoImages["local"]! += [
            ISOImage(volid: "local:iso/virtio-win-0.1.1000.iso", fileName: "virtio-win-0.1.1000.iso", sizeBytes: 1),
            ISOImage(volid: "local:iso/Win10_22H2_English_x64v1.iso", fileName: "Win10_22H2_English_x64v1.iso", sizeBytes: 1),
        ]
        return host
    }

    @Test func detectedOSTypeIsOnlyAProposal() {
        var model = VMModel(host: TestHosts.standard)
        model.set(.isoImage, to: "local:iso/Win11_24H2_English_x64.iso")
        #expect(model.value(.ostype) == "win11")
        #expect(model.value(.osBase) == "windows")
        #expect(model.provenance(.ostype) == .inferred("detected Windows 11 from the ISO name"))
        #expect(model.value(.machine) == "q35")

        // A version picked by hand wins over the ISO name.
        var picked = VMModel(host: TestHosts.standard)
        picked.set(.ostype, to: "l26")
        picked.set(.isoImage, to: "local:iso/Win11_24H2_English_x64.iso")
        #expect(picked.value(.ostype) == "l26")

        // A family picked by hand limits the proposal to that family.
        var family = VMModel(host: TestHosts.standard)
        family.set(.osBase, to: "windows")
        family.set(.isoImage, to: "local:iso/debian-13.2.0-amd64-netinst.iso")
        #expect(family.value(.ostype) == "win11")
        family.set(.isoImage, to: "local:iso/Win11_24H2_English_x64.iso")
        #expect(family.provenance(.ostype) == .fixedDefault)
    }

    @Test func newestVirtioISOIsProposed() {
        var model = VMModel(host: Self.isoHost)
        model.set(.isoImage, to: "local:iso/Win10_22H2_English_x64v1.iso")
        #expect(model.value(.ostype) == "win10")
        #expect(model.virtioDriverDriveActive)
        // Version order, not text order: 0.1.1000 is newer than 0.1.271.
        #expect(model.value(.virtioImage) == "local:iso/virtio-win-0.1.1000.iso")
        // The drivers CD itself is not an installer.
        var drivers = VMModel(host: Self.isoHost)
        drivers.set(.isoImage, to: "local:iso/virtio-win-0.1.271.iso")
        #expect(drivers.value(.ostype) == "l26")
    }

    // MARK: Host-aware checks

    @Test func vmidInUseClusterWide() {
        #expect(Self.model(TestHosts.standard, [(.vmid, "100")]).issue(.vmid)?.message == "VM ID 100 is already in use by a VM on node pve1")
        #expect(Self.model(TestHosts.standard, [(.vmid, "101")]).issue(.vmid)?.message
            == "VM ID 101 is already in use by a container on node pve2")
        #expect(Self.model(TestHosts.standard, [(.vmid, "103")]).issue(.vmid) == nil)
        var full = TestHosts.standard
        full.nextIDUpper = 102
        #expect(VMModel(host: full).value(.vmid) == "")
        #expect(VMModel(host: full).issue(.vmid)?.message == "VM ID is required")
    }

    @Test func storageChecks() {
        func message(_ storage: String) -> String? {
            Self.model(TestHosts.standard, []).with { $0.set(.diskStorage, item: 0, to: storage) }.issue(.diskStorage, item: 0)?.message
        }
        #expect(message("local") == "Storage: storage 'local' does not hold VM disk images")
        #expect(message("old") == "Storage: storage 'old' is disabled")
        #expect(message("offsite") == "Storage: storage 'offsite' is not available on node pve1")
        #expect(message("nowhere") == "Storage: storage 'nowhere' does not exist on this cluster")
        #expect(message("vmstore") == nil)
        #expect(Self.model(TestHosts.standard, [(.isoStorage, "vmstore")]).issue(.isoStorage)?.message
            == "ISO storage: storage 'vmstore' does not hold iso content")
    }

    @Test func bridgeChecks() {
        func issue(_ bridge: String) -> VMWizardCore.Issue? {
            Self.model(TestHosts.standard, []).with { $0.set(.netBridge, item: 0, to: bridge) }.issue(.netBridge, item: 0)
        }
        #expect(issue("vmbr9")?.message == "vmbr9 is not a bridge on node pve1")
        #expect(issue("vmbr9")?.isError == true)
        #expect(issue("vmbr2")?.severity == .warning)
        #expect(issue("vmbr1") == nil)
    }

    @Test func poolMustExist() {
        #expect(Self.model(TestHosts.standard, [(.pool, "prod")]).issue(.pool) == nil)
        #expect(Self.model(TestHosts.standard, [(.pool, "test")]).issue(.pool)?.message
            == "Resource Pool 'test' does not exist on this cluster")
    }

    @Test func isoMustExistOnItsStorage() {
        #expect(Self.model(TestHosts.standard, [(.isoImage, "local:iso/gone.iso")]).issue(.isoImage)?.message
            == "ISO image 'local:iso/gone.iso' does not exist on storage 'local'")
        #expect(Self.model(TestHosts.standard, [(.isoImage, "other:iso/x.iso")]).issue(.isoImage)?.message
            == "ISO image 'other:iso/x.iso' is not on storage 'local'")
    }

    @Test func windowsBelowMicrosoftsMinimumsIsWarnedNotRefused() {
        var model = Self.model(TestHosts.standard, [(.isoImage, "local:iso/Win11_24H2_English_x64.iso")])
        #expect(model.ostype == "win11")
        // The wizard's proposal for Windows 11 meets the minimums but for the cores and the disk.
        #expect(model.issue(.memory) == nil)
        #expect(model.issue(.cores)?.message == "Windows 11 needs at least 2 cores (Microsoft's minimum)")
        #expect(model.issue(.diskSize, item: 0)?.message == "Windows 11 needs a disk of at least 64 GB (Microsoft's minimum)")
        model.set(.memory, to: "2048")
        model.set(.bios, to: "seabios")
        model.set(.tpmAdd, to: "0")
        for (id, text) in [(FieldID.memory, "4096 MiB"), (.bios, "UEFI"), (.tpmAdd, "TPM 2.0")] {
            let issue = model.issue(id)
            #expect(issue?.severity == .warning, "\(id)")
            #expect(issue?.message.contains(text) == true, "\(id): \(issue?.message ?? "")")
        }
        #expect(model.errors.isEmpty, "warnings only")
        model.set(.cores, to: "2")
        model.set(.diskSize, item: 0, to: "64")
        #expect(model.issue(.cores) == nil)
        #expect(model.issue(.diskSize, item: 0) == nil)
    }

    @Test func anAddedDiskTakesTheBusTheOtherDisksUseMost() {
        // As the web UI: a new disk goes to the bus most disks already use, not back to the OS default.
        var model = Self.model(TestHosts.standard, [])
        model.set(.diskBus, item: 0, to: "virtio")
        let added = model.addDisk()
        #expect(added == 1)
        #expect(model.diskSlots == [DiskSlot(.virtio, 0), DiskSlot(.virtio, 1)])
        // With every disk on its default, nothing changes.
        var plain = Self.model(TestHosts.standard, [])
        plain.addDisk()
        #expect(plain.diskSlots == [DiskSlot(.scsi, 0), DiskSlot(.scsi, 1)])
    }

}

extension VMModel {
    /// A copy with `edit` applied, for one-line test setups.
    func with(_ edit: (inout VMModel) -> Void) -> VMModel {
        var copy = self
        edit(&copy)
        return copy
    }

}
