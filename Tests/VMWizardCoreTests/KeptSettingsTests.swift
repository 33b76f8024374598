import Foundation
import Testing
@testable import VMWizardCore

/// A real VM's config as a template: what the wizard does not model is kept as it is (checked against Proxmox's
/// schema) and reaches all three outputs; what describes the old VM is dropped with a note; host facts this
/// node lacks are warnings for the template's own values only.
@Suite struct KeptSettingsTests {
    static let host = TestHosts.standard

    static func model(_ text: String, host: HostInventory = host, sourceLocation: SourceLocation = #_sourceLocation) -> VMModel? {
        switch Answers.parse(text: text, host: host) {
        case .success(let draft): return VMModel(draft: draft, host: host)
        case .failure(let problems):
            Issue.record("unexpected problems:\n\(problems)", sourceLocation: sourceLocation)
            return nil
        }
    }

    static func problems(_ text: String) -> [String] {
        switch Answers.parse(text: text, host: host) {
        case .success: return []
        case .failure(let problems): return problems.map(\.description)
        }
    }

    static func config(_ extra: String) -> String {
        "ostype: l26\nide2: none,media=cdrom\nmemory: 2048\nnet0: virtio=BC:24:11:00:00:01,bridge=vmbr0\n" + extra
    }

    static func configLines(_ model: VMModel) -> [String] {
        ConfigFile.render(model).split(separator: "\n").map(String.init)
    }

    // MARK: Whole keys

    @Test func keysTheWizardDoesNotModelReachEveryOutput() throws {
        let model = try #require(Self.model(Self.config(
            "watchdog: model=i6300esb,action=reset\nargs: -no-reboot\nhugepages: 2\ntdf: on\nstartdate: 2006-06-17\nnuma0: cpus=0-1,memory=1024\n")))
        #expect(model.draft.kept.map(\.text) == [
            "watchdog: model=i6300esb,action=reset", "args: -no-reboot", "hugepages: 2", "tdf: 1", "startdate: 2006-06-17",
            "numa0: cpus=0-1,memory=1024",
        ])
        let lines = Self.configLines(model)
        for line in ["watchdog: model=i6300esb,action=reset", "args: -no-reboot", "hugepages: 2", "tdf: 1", "numa0: cpus=0-1,memory=1024"] {
            #expect(lines.contains(line), "config lacks \(line)")
        }
        let qm = QmCommand.create(model)
        #expect(qm.containsPair("--watchdog", "model=i6300esb,action=reset"))
        #expect(qm.containsPair("--tdf", "1"))
        let json = APIJSON.render(model)
        #expect(json.contains(#""hugepages": "2""#) || json.contains(#""hugepages":"2""#))
        #expect(json.contains(#""tdf": 1"#) || json.contains(#""tdf":1"#))
    }

    @Test func valuesProxmoxWouldRefuseAreRefusedWithTheirLine() {
        #expect(Self.problems(Self.config("hugepages: 3\n")) == ["line 5: hugepages: '3' is not one of any, 2, 1024"])
        #expect(Self.problems(Self.config("watchdog: model=nosuch\n")) == ["line 5: watchdog model: 'nosuch' is not one of i6300esb, ib700"])
        #expect(Self.problems(Self.config("startdate: yesterday\n")) == ["line 5: startdate: 'yesterday' does not have the form Proxmox expects"])
        #expect(Self.problems(Self.config("hotplug: disk,teleport\n"))
            == ["line 5: hotplug: 'teleport' is not a hotplug feature (network, disk, cpu, memory, usb, cloudinit)"])
        #expect(Self.problems(Self.config("migrate_speed: fast\n")) == ["line 5: migrate_speed: 'fast' is not a whole number"])
        #expect(Self.problems(Self.config("rng0: source=/dev/urandom,speed=9\n")) == ["line 5: rng0: 'speed' is not an option of rng0"])
        #expect(Self.problems(Self.config("numa0: memory=1024\n")) == ["line 5: numa0: cpus is required"])
    }

    @Test func aLineBreakCannotSmuggleInAnotherKey() {
        let json = #"{"ide2": "none,media=cdrom", "args": "-x\nhookscript: local:snippets/evil.pl"}"#
        #expect(Self.problems(json) == ["key 'args': args: a value cannot hold line breaks"])
        #expect(Self.problems(#"{"ide2": "none,media=cdrom", "cpu": "host,hv-vendor-id=ab\rc"}"#).first?.contains("cannot hold line breaks") == true)
    }

    @Test func everyPatternOfTheSchemaCompiles() {
        var patterns: [String] = PVESchema.configKeys.values.compactMap(\.pattern)
        for format in PVESchema.propertyFormats.values { patterns += format.keys.values.compactMap(\.pattern) }
        #expect(patterns.count > 40)
        for pattern in patterns { #expect(SchemaPattern.regex(pattern) != nil, "cannot compile \(pattern)") }
    }

    @Test func everyVerifierFormatOfTheSchemaIsChecked() {
        var formats = Set<String>()
        for value in PVESchema.configKeys.values where value.formatKind == .verifier { formats.insert(value.format!) }
        for format in PVESchema.propertyFormats.values {
            for value in format.keys.values where value.formatKind == .verifier { formats.insert(value.format!) }
        }
        // Formats of keys the wizard models itself (and never keeps) need no check here.
        let modelled: Set<String> = ["address-list", "pve-qm-bootdisk", "pve-qm-bootdev-list", "pve-startup-order", "pve-tag-list",
                                     "ipv4", "ipv6", "pve-ipv4-config", "pve-ipv6-config"]
        for format in formats.subtracting(modelled).sorted() {
            #expect(SchemaVerifiers.check(format, "x")?.description.contains("cannot check") != true, "no check for \(format)")
        }
    }

    // MARK: Options of modelled keys

    @Test func optionsOfModelledKeysJoinWhatTheWizardWrites() throws {
        let model = try #require(Self.model(Self.config("""
            cpu: host,level=9,phys-bits=host,hidden=1
            vga: std,clipboard=vnc
            agent: 1,freeze-fs=0
            scsi0: local-lvm:vm-100-disk-0,serial=ABC,wwn=0x5000c500a1b2c3d4,size=8G
            net1: virtio=BC:24:11:00:00:02,bridge=vmbr0,trunks=10;20

            """)))
        let lines = Self.configLines(model)
        #expect(lines.contains("cpu: host,level=9,phys-bits=host,hidden=1"))
        #expect(lines.contains("vga: std,clipboard=vnc"))
        #expect(lines.contains("agent: 1,freeze-fs=0"))
        #expect(lines.contains { $0.hasPrefix("scsi0: local-lvm:vm-") && $0.contains("serial=ABC") && $0.contains("wwn=0x5000c500a1b2c3d4") })
        #expect(lines.contains { $0.hasPrefix("net1: virtio,") && $0.contains(",trunks=10;20") })
        #expect(QmCommand.create(model).containsPair("--scsi0", "local-lvm:8,serial=ABC,wwn=0x5000c500a1b2c3d4"))
        #expect(Self.problems(Self.config("cpu: host,phys-bits=7\n")) == ["line 5: cpu phys-bits: the physical address bits are 8 to 64, or host"])
    }

    @Test func proxmoxsDriveRulesForKeptLimitsNameTheLine() {
        #expect(Self.problems(Self.config("scsi0: local-lvm:vm-100-disk-0,mbps_max=9,size=8G\n"))
            == ["line 5: scsi0: mbps_max needs mbps (Proxmox refuses the drive otherwise)"])
        #expect(Self.problems(Self.config("scsi0: local-lvm:vm-100-disk-0,mbps=5,mbps_rd=2,size=8G\n"))
            == ["line 5: scsi0: mbps_rd and mbps exclude each other (Proxmox refuses the drive otherwise)"])
    }

    @Test func keptDiskOptionsMoveWithTheirDisk() throws {
        var model = try #require(Self.model(Self.config(
            "scsi0: local-lvm:vm-100-disk-0,size=8G\nscsi1: local-lvm:vm-100-disk-1,serial=SECOND,size=4G\n")))
        model.removeDisk(at: 0)
        #expect(QmCommand.create(model).containsPair("--scsi1", "local-lvm:4,serial=SECOND"))
    }

    // MARK: Drives kept as they are

    @Test func aPassedThroughDeviceIsKeptWithAWarningAndHoldsItsSlot() throws {
        let model = try #require(Self.model(Self.config("scsi0: /dev/disk/by-id/ata-X,backup=0\nscsi1: local-lvm:vm-100-disk-1,size=4G\n")))
        #expect(model.draft.kept == [KeptSetting(key: "scsi0", value: "/dev/disk/by-id/ata-X,backup=0")])
        #expect(Self.configLines(model).contains("scsi0: /dev/disk/by-id/ata-X,backup=0"))
        #expect(model.issues(in: .confirm).contains { !$0.isError && $0.message.contains("never run both VMs at once") })
        var edited = model
        let added = edited.addDisk()
        let index = try #require(added)
        #expect(edited.diskSlots[index]?.configKey != "scsi0")
    }

    @Test func aTemplateCDThisNodeLacksIsAWarning() throws {
        let model = try #require(Self.model(Self.config("ide0: local:iso/zero.iso,media=cdrom,size=112M\n")))
        #expect(model.draft.kept.map(\.key) == ["ide0"])
        #expect(model.issues(in: .confirm).contains { !$0.isError && $0.message.contains("ide0: 'local:iso/zero.iso' (from the template) does not exist") })
    }

    // MARK: Dropped with a note

    @Test func whatDescribesTheOldVMIsDroppedWithANote() throws {
        let model = try #require(Self.model(Self.config("lock: backup\nunused0: local-lvm:vm-100-disk-9\ntemplate: 1\nparent: snap1\n")
            + "\n[snap1]\nmemory: 1024\n\n[PENDING]\nmemory: 4096\n"))
        #expect(model.draft.dropped == ["lock", "unused0", "parent", "template", "snapshot snap1", "[PENDING]"])
        #expect(model.issues(in: .confirm).contains { $0.message == "Not carried over from the template: lock, unused0, parent, template, snapshot snap1, [PENDING]" })
        #expect(!model.flag(.template))
    }

    @Test func aTemplateFormatTheStorageLacksBecomesTheStoragesWithANote() throws {
        let model = try #require(Self.model(Self.config("scsi0: local-lvm:vm-100-disk-0.qcow2,size=8G\n")))
        #expect(model.value(.diskFormat, item: 0) != "qcow2")
        #expect(model.draft.dropped.contains { $0.hasPrefix("scsi0 format qcow2") })
        // An answers file (JSON) asks for the format: there it stays a refusal.
        let json = #"{"ide2": "none,media=cdrom", "scsi0": "local-lvm:8,format=qcow2"}"#
        #expect(Self.problems(json).first?.contains("format 'qcow2' is not supported by storage 'local-lvm'") == true)
    }

    // MARK: Host facts of the template

    @Test func aTemplateBridgeThisNodeLacksIsAWarningButATypedOneIsAnError() throws {
        var model = try #require(Self.model("ostype: l26\nide2: none,media=cdrom\nnet0: virtio=BC:24:11:00:00:01,bridge=vnet0\n"))
        let issue = try #require(model.issue(.netBridge, item: 0))
        #expect(!issue.isError && issue.message.contains("vnet0 (from the template) is not a bridge"))
        model.set(.netBridge, item: 0, to: "vnet1")
        #expect(model.issue(.netBridge, item: 0)?.isError == true)
        let json = #"{"ide2": "none,media=cdrom", "net0": "virtio,bridge=vnet0"}"#
        #expect(Self.problems(json) == ["key 'net0': vnet0 is not a bridge on node pve1"])
    }

    @Test func aKeptKeyTheWizardWritesItselfIsReplacedWithAWarning() throws {
        // A Linux template's CD on ide0 is kept; made a Windows VM with the VirtIO drivers CD, ide0 is the wizard's.
        var model = try #require(Self.model(Self.config("ide0: local:iso/x.iso,media=cdrom\n")))
        #expect(QmCommand.create(model).containsPair("--ide0", "local:iso/x.iso,media=cdrom"))
        model.set(.ostype, to: "win11")
        model.set(.virtioAdd, to: "1")
        model.set(.virtioStorage, to: "local")
        model.set(.virtioImage, to: "local:iso/virtio-win-0.1.271.iso")
        let qm = QmCommand.create(model)
        #expect(qm.filter { $0 == "--ide0" }.count == 1)
        #expect(qm.containsPair("--ide0", "local:iso/virtio-win-0.1.271.iso,media=cdrom"))
        #expect(model.issues(in: .confirm).contains { $0.message == "ide0 from the template is replaced by the wizard's own ide0" })
    }

    @Test func aTemplatesSerialDeviceServesItsSerialDisplay() throws {
        let model = try #require(Self.model(Self.config("vga: serial0\nserial0: /dev/ttyS0\n")))
        let qm = QmCommand.create(model)
        #expect(qm.containsPair("--vga", "serial0") && qm.containsPair("--serial0", "/dev/ttyS0"))
        #expect(!qm.contains("socket"))
        #expect(!model.issues(in: .confirm).contains { $0.message.contains("replaced") })
    }

    // MARK: Drafts

    @Test func draftsSavedBeforeKeptSettingsStillOpen() throws {
        let old = #"{"values": {"name": "web"}, "disks": [{"values": {}}], "nics": []}"#
        let draft = try JSONDecoder().decode(VMDraft.self, from: Data(old.utf8))
        #expect(draft.values["name"] == "web" && draft.kept.isEmpty && draft.devices.isEmpty && draft.dropped.isEmpty)
        var kept = VMDraft()
        kept.kept = [KeptSetting(key: "args", value: "-no-reboot")]
        kept.dropped = ["lock"]
        let again = try JSONDecoder().decode(VMDraft.self, from: JSONEncoder().encode(kept))
        #expect(again == kept)
    }

    @Test func aTamperedDraftIsCheckedAgain() {
        var draft = VMDraft()
        draft.kept = [KeptSetting(key: "hugepages", value: "3")]
        let model = VMModel(draft: draft, host: Self.host)
        #expect(model.issues(in: .confirm).contains { $0.isError && $0.message == "hugepages: '3' is not one of any, 2, 1024" })
    }
}

extension Array where Element == String {
    /// True when `flag` is followed by `value` somewhere in an argument vector.
    func containsPair(_ flag: String, _ value: String) -> Bool {
        zip(self, dropFirst()).contains { $0 == flag && $1 == value }
    }
}
