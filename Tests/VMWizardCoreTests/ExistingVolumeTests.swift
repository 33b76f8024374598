import Foundation
import Testing
@testable import VMWizardCore

/// Storages that hand out existing volumes (iSCSI): the disk, EFI and TPM pick a LUN instead of a size, as in
/// the web UI; the outputs name the LUN as Proxmox takes it (checked with ../shared/pve-check: the qm line and
/// the config of `existingLUNsAsProxmoxTakesThem` are accepted).
@Suite struct ExistingVolumeTests {
    static let lun0 = "san:0.0.0.scsi-3600a0b80001"
    static let lun1 = "san:0.0.1.scsi-3600a0b80002"
    static let lun2 = "san:0.0.2.scsi-3600a0b80003"

    /// The standard host plus an iSCSI storage `a-san` (it sorts before every other) and a direct one, listed.
    static var host: HostInventory {
        var host = TestHosts.standard
        host.storages += [
            Storage(id: "san", type: "iscsi", content: ["images"], shared: true),
            Storage(id: "a-san", type: "iscsi", content: ["images"], shared: true),
            Storage(id: "direct", type: "iscsidirect", content: ["images"], shared: true),
        ]
        host.existingVolumes["san"] = .loaded([
            ISOImage(volid: lun0, fileName: "0.0.0.scsi-3600a0b80001", sizeBytes: 100 << 30),
            ISOImage(volid: lun1, fileName: "0.0.1.scsi-3600a0b80002", sizeBytes: 250 << 30),
            ISOImage(volid: lun2, fileName: "0.0.2.scsi-3600a0b80003", sizeBytes: 1 << 20),
        ])
        return host
    }

    static func model(_ host: HostInventory = host) -> VMModel {
        var model = VMModel(host: host)
        model.set(.media, to: "none")
        return model
    }

    @Test func defaultsNeverProposeAStorageThatCannotAllocate() {
        var model = Self.model()
        #expect(model.value(.diskStorage, item: 0) == "local-lvm", "a-san sorts first but hands out LUNs only")
        model.set(.bios, to: "ovmf")
        model.set(.diskStorage, item: 0, to: "san")
        #expect(model.value(.efiStorage) == "local-lvm", "the first disk's storage is not proposed when it cannot allocate")
    }

    @Test func aLUNReplacesSizeFormatAndImport() {
        var model = Self.model()
        #expect(!model.isActive(.diskVolume, item: 0))
        model.set(.diskStorage, item: 0, to: "san")
        #expect(model.isActive(.diskVolume, item: 0))
        #expect(!model.isActive(.diskSize, item: 0))
        #expect(!model.isActive(.diskFormat, item: 0))
        #expect(!model.isActive(.diskImport, item: 0))
        let choices = OptionCatalog.spec(.diskVolume)!.choices(model.context(item: 0))
        #expect(choices.map(\.value) == [Self.lun0, Self.lun1, Self.lun2])
        #expect(choices[1].detail.description == "250 GiB")
    }

    @Test func aLUNMustBePickedFromTheStorage() throws {
        var model = Self.model()
        model.set(.diskStorage, item: 0, to: "san")
        #expect(try #require(model.issue(.diskVolume, item: 0)).message
            == "Disk image: pick one of the volumes of storage 'san' (Proxmox creates no new volumes on iscsi storages)")
        model.set(.diskVolume, item: 0, to: "san:0.0.9.scsi-nothere")
        #expect(try #require(model.issue(.diskVolume, item: 0)).message == "Disk image: storage 'san' has no volume 0.0.9.scsi-nothere (it lists 3)")
        model.set(.diskVolume, item: 0, to: "san:lun1")
        #expect(try #require(model.issue(.diskVolume, item: 0)).message.contains("CHANNEL.ID.LUN.DEVICE"))
        model.set(.diskVolume, item: 0, to: "local-lvm:vm-100-disk-0")
        #expect(try #require(model.issue(.diskVolume, item: 0)).message.contains("is not a volume of storage 'san'"))
        model.set(.diskVolume, item: 0, to: Self.lun1)
        #expect(model.issue(.diskVolume, item: 0) == nil)
        #expect(!model.issues().contains { $0.isError })
    }

    @Test func directISCSINamesItsLUNsLunN() {
        #expect(PVEFormat.existingVolumeName("lun3", storageType: "iscsidirect") == nil)
        #expect(PVEFormat.existingVolumeName("lun", storageType: "iscsidirect") != nil)
        #expect(PVEFormat.existingVolumeName("0.0.1.scsi-x", storageType: "iscsidirect") != nil)
        #expect(PVEFormat.existingVolumeName("0.0.1.scsi-x", storageType: "iscsi") == nil)
        #expect(PVEFormat.existingVolumeName("0.0.1.dev/x", storageType: "iscsi") != nil)
        #expect(PVEFormat.existingVolumeName("0.0.1.a,b", storageType: "iscsi") != nil)
    }

    @Test func aLUNIsUsedOnceInAVM() throws {
        var model = Self.model()
        model.set(.diskStorage, item: 0, to: "san")
        model.set(.diskVolume, item: 0, to: Self.lun1)
        model.set(.bios, to: "ovmf")
        model.set(.efiStorage, to: "san")
        model.set(.efiVolume, to: Self.lun1)
        #expect(try #require(model.issue(.efiVolume)).message == "EFI volume: \(Self.lun1) is already used as scsi0 of this VM")
        #expect(try #require(model.issue(.diskVolume, item: 0)).message == "Disk image: \(Self.lun1) is already used as efidisk0 of this VM")
        let choices = OptionCatalog.spec(.efiVolume)!.choices(model.context(item: nil))
        #expect(choices[1].detail.description == "250 GiB · used as scsi0")
        model.set(.efiVolume, to: Self.lun2)
        let caveat = try #require(model.issue(.efiVolume))
        #expect(!caveat.isError && caveat.message.contains("does not copy the OVMF variables"))
    }

    @Test func changingTheStorageForgetsTheLUN() {
        var model = Self.model()
        model.set(.diskStorage, item: 0, to: "san")
        model.set(.diskVolume, item: 0, to: Self.lun1)
        model.set(.diskStorage, item: 0, to: "local-lvm")
        model.set(.diskStorage, item: 0, to: "san")
        #expect(model.value(.diskVolume, item: 0) == "")
    }

    @Test func anUnlistedStorageIsAWarningNotARefusal() throws {
        var host = Self.host
        host.existingVolumes["san"] = .failed("could not list the volumes of storage san with pvesh (within 15 s)")
        var model = Self.model(host)
        model.set(.diskStorage, item: 0, to: "san")
        model.set(.diskVolume, item: 0, to: Self.lun1)
        let issue = try #require(model.issue(.diskVolume, item: 0))
        #expect(!issue.isError && issue.message.contains("not checked against the storage"))
        host.existingVolumes["san"] = nil
        model.host = host
        #expect(model.storagesAwaitingVolumeListing == ["san"])
        #expect(try #require(model.issue(.diskVolume, item: 0)).message.contains("still being listed"))
    }

    @Test func existingLUNsAsProxmoxTakesThem() {
        var model = Self.model()
        model.set(.diskStorage, item: 0, to: "san")
        model.set(.diskVolume, item: 0, to: Self.lun1)
        model.set(.diskDiscard, item: 0, to: "1")
        model.set(.tpmAdd, to: "1")
        model.set(.tpmStorage, to: "san")
        model.set(.tpmVolume, to: Self.lun2)
        let qm = QmCommand.create(model)
        #expect(qm.contains("\(Self.lun1),discard=on,iothread=on"))
        #expect(qm.contains("\(Self.lun2),version=v2.0"))
        let config = ConfigFile.render(model)
        #expect(config.contains("scsi0: \(Self.lun1),discard=on,iothread=1,size=250G\n"))
        #expect(config.contains("tpmstate0: \(Self.lun2),size=1M,version=v2.0\n"))
        #expect(ConfigWriter.volumesToAllocate(model).isEmpty, "nothing is allocated: a config may register it")
        #expect(ConfigFile.predictedVolumes(model, params: PVEParameters.build(model)).isEmpty)
    }

    // MARK: Answers files

    @Test func jsonAnswersPickALUN() throws {
        let text = #"{"ide2": null, "scsi0": "\#(Self.lun1),discard=on", "bios": "ovmf", "efidisk0": "\#(Self.lun2),efitype=4m"}"#
        let draft = try Answers.parse(text: text, host: Self.host).get()
        let model = VMModel(draft: draft, host: Self.host)
        #expect(model.value(.diskVolume, item: 0) == Self.lun1)
        #expect(model.value(.efiVolume) == Self.lun2)
        #expect(QmCommand.create(model).contains("\(Self.lun2),efitype=4m"))
    }

    @Test func answersRefuseWhatALUNCannotTake() {
        func problems(_ text: String) -> [String] {
            switch Answers.parse(text: text, host: Self.host) {
            case .success: return []
            case .failure(let problems): return problems.map(\.description)
            }
        }
        #expect(problems(#"{"ide2": null, "scsi0": "\#(Self.lun1),format=qcow2"}"#).contains {
            $0.contains("scsi0: format 'qcow2' differs from the volume's format raw")
        })
        #expect(problems(#"{"ide2": null, "scsi0": "\#(Self.lun1),import-from=local:import/x.qcow2"}"#).contains {
            $0.contains("nothing can be imported onto it")
        })
        #expect(problems(#"{"ide2": null, "scsi0": "san:32"}"#).contains { $0.contains("key 'scsi0'") && $0.contains("pick one of the volumes") })
        // A config file's LUN belongs to the VM it describes: the new VM's LUN is picked anew.
        let conf = "ostype: l26\nide2: none,media=cdrom\nscsi0: \(Self.lun1),size=250G\n"
        #expect(problems(conf).contains { $0.contains("line 3") && $0.contains("pick one of the volumes of storage 'san'") })
    }

    // MARK: Listing

    @Test func pveshListingKeepsTheStoragesOwnVolumes() throws {
        let json = #"[{"volid":"san:0.0.2.scsi-b","size":1073741824,"format":"raw"},{"volid":"other:vm-1-disk-0","size":1},"#
            + #"{"volid":"san:0.0.10.scsi-c","size":"2048"},{"volid":"san:0.0.1.scsi-a","size":5}]"#
        let volumes = try #require(StorageVolumeLoader.parse(json, storage: "san"))
        #expect(volumes.map(\.fileName) == ["0.0.1.scsi-a", "0.0.2.scsi-b", "0.0.10.scsi-c"])
        #expect(volumes.map(\.sizeBytes) == [5, 1_073_741_824, 2048])
        #expect(StorageVolumeLoader.parse("not json", storage: "san") == nil)
        #expect(StorageVolumeLoader.parse(#"{"volid":"san:x"}"#, storage: "san") == nil)
    }

    @Test func theListingRunsPveshAndGivesUpOnAHang() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vmwizard-pvesh-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        func script(_ name: String, _ body: String) throws -> String { try TestScripts.write(in: folder, name, body) }
        let answering = try script("answering", #"[ "$2" = /nodes/pve1/storage/san/content ] && echo '[{"volid":"san:0.0.1.scsi-a","size":7}]'"#)
        #expect(StorageVolumeLoader(pvesh: answering, timeout: 5).list(storage: "san", node: "pve1")
            == .loaded([ISOImage(volid: "san:0.0.1.scsi-a", fileName: "0.0.1.scsi-a", sizeBytes: 7)]))
        let failing = try script("failing", "echo 'iscsiadm: login failed' >&2; exit 1")
        guard case .failed = StorageVolumeLoader(pvesh: failing, timeout: 5).list(storage: "san", node: "pve1") else {
            Issue.record("a failing pvesh is a failed listing")
            return
        }
        let hanging = try script("hanging", "exec sleep 30")
        let started = Date()
        guard case .failed(let reason) = StorageVolumeLoader(pvesh: hanging, timeout: 1).list(storage: "san", node: "pve1") else {
            Issue.record("a hanging pvesh is a failed listing")
            return
        }
        #expect(Date().timeIntervalSince(started) < 10)
        #expect(reason.description.contains("within 1 s"))
    }
}
