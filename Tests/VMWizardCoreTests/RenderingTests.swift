import Testing
@testable import VMWizardCore

/// The typical cases of the web UI reference (§4.5), byte for byte, in all three formats.
@Suite struct RenderingTests {
    static func defaultLinux() -> VMModel {
        TestHosts.model(TestHosts.standard, [(.isoImage, "local:iso/x.iso")])
    }

    static func windows11(virtio: Bool) -> VMModel {
        var model = TestHosts.model(virtio ? TestHosts.standard : TestHosts.noDriverISO, [
            (.isoImage, "local:iso/Win11_24H2_English_x64.iso"),
            (.cores, "2"),
            (.start, "1"),
        ])
        model.set(.diskSize, item: 0, to: "64")
        if virtio { model.set(.virtioImage, to: "local:iso/virtio-win-0.1.271.iso") }
        return model
    }

    @Test func defaultLinuxQmCommand() {
        let model = Self.defaultLinux()
        #expect(model.errors.isEmpty, "\(model.errors)")
        #expect(ShellQuote.line(QmCommand.create(model)) ==
            "qm create 102 --ide2 local:iso/x.iso,media=cdrom --ostype l26 --scsihw virtio-scsi-single "
            + "--scsi0 local-lvm:32,iothread=on --sockets 1 --cores 1 --numa 0 --cpu x86-64-v2-AES --memory 2048 "
            + "--net0 virtio,bridge=vmbr0,firewall=1")
    }

    @Test func defaultLinuxJSON() {
        #expect(APIJSON.render(Self.defaultLinux()) == """
            {
              "vmid": 102,
              "ide2": "local:iso/x.iso,media=cdrom",
              "ostype": "l26",
              "scsihw": "virtio-scsi-single",
              "scsi0": "local-lvm:32,iothread=on",
              "sockets": 1,
              "cores": 1,
              "numa": 0,
              "cpu": "x86-64-v2-AES",
              "memory": "2048",
              "net0": "virtio,bridge=vmbr0,firewall=1"
            }

            """)
    }

    @Test func defaultLinuxConfig() {
        #expect(ConfigFile.render(Self.defaultLinux()) == """
            boot: order=scsi0;ide2;net0
            cores: 1
            cpu: x86-64-v2-AES
            ide2: local:iso/x.iso,media=cdrom
            memory: 2048
            net0: virtio,bridge=vmbr0,firewall=1
            numa: 0
            ostype: l26
            scsi0: local-lvm:vm-102-disk-0,iothread=1,size=32G
            scsihw: virtio-scsi-single
            sockets: 1

            """)
    }

    @Test func windows11WithDriverISOQmCommand() {
        let model = Self.windows11(virtio: true)
        #expect(model.errors.isEmpty, "\(model.errors)")
        #expect(QmCommand.plan(model).map(ShellQuote.line) == [
            "qm create 102 --ide2 local:iso/Win11_24H2_English_x64.iso,media=cdrom --ostype win11 "
                + "--ide0 local:iso/virtio-win-0.1.271.iso,media=cdrom --machine q35 --bios ovmf "
                + "--efidisk0 local-lvm:1,efitype=4m,pre-enrolled-keys=1 --scsihw virtio-scsi-single "
                + "--tpmstate0 local-lvm:1,version=v2.0 --scsi0 local-lvm:64,iothread=on --sockets 1 --cores 2 "
                + "--numa 0 --cpu x86-64-v2-AES --memory 4096 --net0 virtio,bridge=vmbr0,firewall=1 "
                + "--boot 'order=scsi0;ide2;ide0;net0'",
            "qm start 102",
        ])
    }

    @Test func windows11WithDriverISOJSON() {
        #expect(APIJSON.render(Self.windows11(virtio: true)) == """
            {
              "vmid": 102,
              "ide2": "local:iso/Win11_24H2_English_x64.iso,media=cdrom",
              "ostype": "win11",
              "ide0": "local:iso/virtio-win-0.1.271.iso,media=cdrom",
              "machine": "q35",
              "bios": "ovmf",
              "efidisk0": "local-lvm:1,efitype=4m,pre-enrolled-keys=1",
              "scsihw": "virtio-scsi-single",
              "tpmstate0": "local-lvm:1,version=v2.0",
              "scsi0": "local-lvm:64,iothread=on",
              "sockets": 1,
              "cores": 2,
              "numa": 0,
              "cpu": "x86-64-v2-AES",
              "memory": "4096",
              "net0": "virtio,bridge=vmbr0,firewall=1",
              "boot": "order=scsi0;ide2;ide0;net0",
              "start": 1
            }

            """)
    }

    @Test func windows11WithDriverISOConfig() {
        #expect(ConfigFile.render(Self.windows11(virtio: true)) == """
            bios: ovmf
            boot: order=scsi0;ide2;ide0;net0
            cores: 2
            cpu: x86-64-v2-AES
            efidisk0: local-lvm:vm-102-disk-0,efitype=4m,ms-cert=2023k,pre-enrolled-keys=1,size=4M
            ide0: local:iso/virtio-win-0.1.271.iso,media=cdrom
            ide2: local:iso/Win11_24H2_English_x64.iso,media=cdrom
            machine: q35
            memory: 4096
            net0: virtio,bridge=vmbr0,firewall=1
            numa: 0
            ostype: win11
            scsi0: local-lvm:vm-102-disk-1,iothread=1,size=64G
            scsihw: virtio-scsi-single
            sockets: 1
            tpmstate0: local-lvm:vm-102-disk-2,size=4M,version=v2.0

            """)
    }

    @Test func windowsMachineIsPinnedToTheNodesQEMUAsProxmoxDoes() {
        var model = Self.windows11(virtio: true)
        model.host.qemuVersion = "10.0.2"
        #expect(ConfigFile.render(model).contains("machine: pc-q35-10.0+pve1\n"))
        // The qm line keeps q35: qm create pins it itself.
        #expect(QmCommand.create(model).contains("q35"))
        model.host.qemuVersion = "9.1.2"
        #expect(ConfigFile.render(model).contains("machine: pc-q35-9.1\n"))
        model.host.qemuVersion = "11.0.0"
        model.set(.machine, to: "")
        #expect(ConfigFile.render(model).contains("machine: pc-i440fx-11.0+pve2\n"))
        // Linux guests are not pinned.
        var linux = VMModel(host: model.host)
        linux.set(.isoImage, to: "local:iso/x.iso")
        #expect(!ConfigFile.render(linux).contains("machine:"))
    }

    @Test func newVolumesAreNamedInProxmoxsAllocationOrder() {
        // Sorted drive keys: efidisk0, ide…, sata…, scsi0, scsi1, scsi10, scsi2, …, tpmstate0, virtio…
        var model = Self.windows11(virtio: true)
        for (bus, number) in [("scsi", "10"), ("scsi", "2"), ("sata", "1")] {
            guard let item = model.addDisk() else { continue }
            model.set(.diskBus, item: item, to: bus)
            model.set(.diskDevice, item: item, to: number)
            model.set(.diskStorage, item: item, to: "local-lvm")
        }
        let names = ConfigFile.predictedVolumes(model, params: PVEParameters.build(model))
        #expect(names["efidisk0"] == "local-lvm:vm-102-disk-0")
        #expect(names["sata1"] == "local-lvm:vm-102-disk-1")
        #expect(names["scsi0"] == "local-lvm:vm-102-disk-2")
        #expect(names["scsi10"] == "local-lvm:vm-102-disk-3")
        #expect(names["scsi2"] == "local-lvm:vm-102-disk-4")
        #expect(names["tpmstate0"] == "local-lvm:vm-102-disk-5")
    }

    @Test func tagsAndSizesAreStoredAsProxmoxStoresThem() {
        var model = VMModel(host: TestHosts.standard)
        model.set(.isoImage, to: "local:iso/x.iso")
        model.set(.tags, to: "Zeta,alpha;beta alpha B b")
        model.set(.diskSize, item: 0, to: "0.002")
        let config = ConfigFile.render(model)
        #expect(config.contains("tags: alpha;b;beta;zeta\n"))
        // 0.002 GiB is 2097.152 KiB, which Proxmox rounds up to 2098 KiB.
        #expect(config.contains(",size=2098K\n"))
        model.set(.diskSize, item: 0, to: "1049K")
        #expect(QmCommand.create(model).contains("local-lvm:0.00100040435791015625,iothread=on"))
        #expect(ConfigFile.render(model).contains(",size=1049K\n"))
    }

    @Test func windows11WithoutDriverISO() {
        let model = Self.windows11(virtio: false)
        #expect(model.errors.isEmpty, "\(model.errors)")
        #expect(ShellQuote.line(QmCommand.create(model)) ==
            "qm create 102 --ide2 local:iso/Win11_24H2_English_x64.iso,media=cdrom --ostype win11 --machine q35 "
            + "--bios ovmf --efidisk0 local-lvm:1,efitype=4m,pre-enrolled-keys=1 --scsihw virtio-scsi-single "
            + "--tpmstate0 local-lvm:1,version=v2.0 --ide0 local-lvm:64 --sockets 1 --cores 2 --numa 0 "
            + "--cpu x86-64-v2-AES --memory 4096 --net0 e1000,bridge=vmbr0,firewall=1")
        #expect(ConfigFile.render(model).contains("boot: order=ide0;ide2;net0\n"))
    }
}
