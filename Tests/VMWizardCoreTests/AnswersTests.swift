import Foundation
import Testing
@testable import VMWizardCore

/// Reading answers files: what maps where, and every kind of problem with its line or key.
@Suite struct AnswersTests {
    static let host = TestHosts.standard

    static func draft(_ text: String, host: HostInventory = host, sourceLocation: SourceLocation = #_sourceLocation) -> VMDraft? {
        switch Answers.parse(text: text, host: host) {
        case .success(let draft): return draft
        case .failure(let problems):
            Issue.record("unexpected problems:\n\(problems)", sourceLocation: sourceLocation)
            return nil
        }
    }

    static func model(_ text: String) -> VMModel? {
        draft(text).map { VMModel(draft: $0, host: host) }
    }

    /// The problems as "location: message" lines.
    static func problems(_ text: String, host: HostInventory = host) -> [String] {
        switch Answers.parse(text: text, host: host) {
        case .success: return []
        case .failure(let problems): return problems.map(\.description)
        }
    }

    /// A minimal valid config file plus `extra` lines (line numbers of `extra` start at 4).
    static func config(_ extra: String = "") -> String {
        "ostype: l26\nide2: none,media=cdrom\nmemory: 2048\n" + extra
    }

    // MARK: Format detection and reading

    @Test func detectsFormat() {
        #expect(Answers.detectFormat("  \n {\"name\": \"x\"}") == .json)
        #expect(Answers.detectFormat("name: x\n") == .config)
        #expect(Answers.detectFormat("#{not json}\nname: x\n") == .config)
    }

    @Test func unreadableFileIsOneProblemNamingThePathAndReason() {
        let path = "/nonexistent-vmwizard-test/answers.json"
        guard case .failure(let problems) = Answers.load(path: path, host: Self.host) else {
            Issue.record("a missing file must fail")
            return
        }
        #expect(problems.count == 1)
        // The caller prints the file name once; the problem itself has no location.
        #expect(problems.first?.location == "")
        #expect(problems.first?.message.contains("No such file or directory") == true, "\(problems)")
    }

    @Test func directoryIsUnreadable() {
        guard case .failure(let problems) = Answers.load(path: "/tmp", host: Self.host) else {
            Issue.record("a directory must fail")
            return
        }
        #expect(problems.count == 1)
        #expect(problems.first?.message.contains("is a directory") == true, "\(problems)")
    }

    @Test func theWizardOpensWithTheAnswersAndTheirProblems() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("vmwizard-answers-\(UUID().uuidString).json")
        try #"{"name": "web", "ide2": "none,media=cdrom", "cores": "lots", "bogus": 1}"#.write(to: url, atomically: true, encoding: .utf8)
        guard case .success(let (draft, problems)) = Answers.loadForWizard(path: url.path, host: Self.host) else {
            Issue.record("value problems do not refuse the wizard")
            return
        }
        #expect(draft.values["name"] == "web")
        #expect(draft.values["cores"] == "lots", "the bad value is filled in, and marked by validation")
        #expect(problems.map(\.location).contains("key 'bogus'"))
        #expect(VMModel(draft: draft, host: Self.host).issue(.cores)?.isError == true)
        // A file whose syntax cannot be read is still refused.
        try #"{"name": "#.write(to: url, atomically: true, encoding: .utf8)
        guard case .failure = Answers.loadForWizard(path: url.path, host: Self.host) else {
            Issue.record("broken JSON is refused")
            return
        }
        // A JSON array is JSON that is not an object, not a config file with odd lines.
        #expect(Self.problems(#"[{"name": "x"}]"#).first?.contains("must be one JSON object") == true)
    }

    @Test func loadsAFile() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("vmwizard-answers-\(UUID().uuidString).json")
        try #"{"name": "from-file", "ide2": "none,media=cdrom"}"#.write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        let draft = try Answers.load(path: url.path, host: Self.host).get()
        #expect(draft.values["name"] == "from-file")
    }

    @Test func invalidJSONIsOneClearProblem() {
        let problems = Self.problems("{\n  \"name\": \"web1\",\n  \"memory\": 4096\n  \"cores\": 2\n}")
        #expect(problems == ["line 4, column 3: invalid JSON: expected ',' or '}' after a value, found '\"'"])
        #expect(Self.problems("{\"name\": \"web1\"") == ["line 1, column 16: invalid JSON: expected ',' or '}' after a value but the text ends"])
        #expect(Self.problems("{\"name\": \"a\nb\"}").first?.contains("control characters must be escaped") == true)
        #expect(Self.problems("{} trailing").first?.contains("unexpected text after the closing '}'") == true)
    }

    @Test func emptyFilesAreAProblem() {
        #expect(Self.problems("") == ["the answers file holds no settings"])
        #expect(Self.problems("# only a comment? no: that is a description\n").isEmpty)
        #expect(Self.problems("  {  }  ") == ["the answers file holds no settings"])
    }

    @Test func byteOrderMarkAndCRLFAreAccepted() {
        let draft = Self.draft("\u{FEFF}name: bom\r\nide2: none,media=cdrom\r\n")
        #expect(draft?.values["name"] == "bom")
    }

    @Test func jsonValuesMustBeScalars() {
        let problems = Self.problems(#"{"ide2": "none,media=cdrom", "tags": ["a", "b"], "pool": null, "cpu": {"type": "host"}}"#)
        #expect(problems == [
            "key 'pool': null removes a device (a disk, netN, ide2, efidisk0 or tpmstate0); for 'pool' leave the key out to use the wizard's default",
            "key 'tags': expected a string, number or boolean, got an array",
            "key 'cpu': expected a string, number or boolean, got an object",
        ])
    }

    @Test func jsonStringsDecodeEscapes() {
        let draft = Self.draft(#"{"ide2": "none,media=cdrom", "description": "caf\u00e9 \ud83d\ude00\n\"quoted\"\ttab"}"#)
        #expect(draft?.values["description"] == "café 😀\n\"quoted\"\ttab")
    }

    // MARK: Config file syntax

    @Test func descriptionLinesAreDecoded() {
        let draft = Self.draft("#Web server%3A front\n#second line %C3%BC 100%25\n#\n" + Self.config())
        #expect(draft?.values["description"] == "Web server: front\nsecond line ü 100%")
    }

    @Test func descriptionKeyAndCommentsAnywhereJoinTheDescription() {
        let draft = Self.draft("#first\n" + Self.config("#second  \ndescription: third%3A x\n"))
        #expect(draft?.values["description"] == "first\nsecond  \nthird: x")
    }

    @Test func sectionsAndBlankLinesAreSkipped() {
        let draft = Self.draft(Self.config("\n   \nname: live\n[snap1]\nname: old\nhostpci0: 01:00.0\n[PENDING]\nmemory: 1\n"))
        #expect(draft?.values["name"] == "live")
        #expect(draft?.values["memory"] == "2048")
    }

    @Test func generatedKeysAreDroppedSilently() {
        let text = Self.config("""
            boot: order=scsi0;ide2;net0
            digest: 0123456789abcdef
            meta: creation-qemu=9.2.0,ctime=1700000000
            smbios1: uuid=5b0f2f6e-3c2a-4f7e-9a41-0c1d2e3f4a5b
            vmgenid: 3c7e0f4e-8f0c-4d8e-9a61-2b6f5d0e1a2c
            unused0: local-lvm:vm-100-disk-9
            parent: snap1

            """)
        #expect(Self.problems(text) == [])
    }

    @Test func unknownKeysNameTheLine() {
        let text = Self.config("name: ok\nsockets: 1\nfoo: bar\n")
        #expect(Self.problems(text) == ["line 6: unknown key 'foo'"])
        #expect(Self.problems(#"{"ide2": "none,media=cdrom", "foo": 1}"#) == ["key 'foo': unknown key 'foo'"])
    }

    @Test func createOnlyKeysAreNotSettings() {
        #expect(Self.problems(Self.config("archive: local:backup/x.vma\nunique: 1\n")) == [
            "line 4: key 'archive' is not supported by vmwizard",
            "line 5: key 'unique' is not supported by vmwizard",
        ])
    }

    @Test func malformedLinesNameTheLine() {
        let text = Self.config("this is not a key value line\nName: upper\nsockets:\n")
        // A key without a value is dropped, as Proxmox drops it.
        #expect(Self.problems(text) == [
            "line 4: expected 'key: value', got 'this is not a key value line'",
            "line 5: expected 'key: value', got 'Name: upper'",
        ])
    }

    @Test func duplicateKeys() {
        // In a config file the last one wins, as in Proxmox; in JSON it is unclear which was meant.
        #expect(Self.model(Self.config("memory: 4096\n"))?.value(.memory) == "4096")
        #expect(Self.problems(#"{"ide2": "none,media=cdrom", "name": "a", "name": "b"}"#)
            == ["key 'name': the key appears more than once (Proxmox accepts this when creating the VM, but keeps only the last one; which one you meant is unclear)"])
        // The other problems are those of the value Proxmox would keep: the last one.
        #expect(Self.problems(#"{"ide2": "none,media=cdrom", "name": "bad_name", "name": "good"}"#)
            == ["key 'name': the key appears more than once (Proxmox accepts this when creating the VM, but keeps only the last one; which one you meant is unclear)"])
        #expect(Self.problems(#"{"ide2": "none,media=cdrom", "name": "good", "name": "bad_name"}"#).count == 2)
    }

    @Test func problemsComeInFileOrder() {
        let text = "foo: 1\nostype: l26\nide2: none,media=cdrom\nonboot: maybe\nbar: 2\n"
        #expect(Self.problems(text) == [
            "line 1: unknown key 'foo'",
            "line 4: onboot must be a boolean (1/0, on/off, yes/no, true/false), not 'maybe'",
            "line 5: unknown key 'bar'",
        ])
    }

    // MARK: Values

    @Test(arguments: [("1", "1"), ("0", "0"), ("on", "1"), ("off", "0"), ("yes", "1"), ("no", "0"), ("true", "1"),
                      ("false", "0"), ("TRUE", "1")])
    func booleans(_ text: String, _ expected: String) {
        #expect(Self.draft(Self.config("onboot: \(text)\nnuma: \(text)\n"))?.values["onboot"] == expected)
    }

    @Test func jsonBooleansAndNumbers() {
        let draft = Self.draft(#"{"ide2": "none,media=cdrom", "onboot": true, "numa": false, "memory": 4096, "cpulimit": 1.5, "vmid": 120}"#)
        #expect(draft?.values["onboot"] == "1")
        #expect(draft?.values["numa"] == "0")
        #expect(draft?.values["memory"] == "4096")
        #expect(draft?.values["cpulimit"] == "1.5")
        #expect(draft?.values["vmid"] == "120")
    }

    @Test func badValuesAreReportedAtTheirLine() {
        let text = Self.config("cores: lots\nnet0: virtio,bridge=vmbr9\nname: my_vm\n")
        // A template's bridge this node lacks is a warning (see KeptSettingsTests), not a refusal.
        #expect(Self.problems(text) == [
            "line 4: Cores must be a whole number, not 'lots'",
            "line 6: Name 'my_vm' is not a valid host name: use letters, digits, dots and inner hyphens only (a DNS name)",
        ])
    }

    @Test func validationErrorsNameTheJSONKey() {
        let json = #"{"vmid": 100, "ide2": "local:iso/missing.iso,media=cdrom", "memory": 8, "scsi0": "nowhere:32"}"#
        #expect(Self.problems(json) == [
            "key 'vmid': VM ID 100 is already in use by a VM on node pve1",
            "key 'ide2': ISO image 'local:iso/missing.iso' does not exist on storage 'local'",
            "key 'memory': Memory must be at least 16 MiB (got 8)",
            "key 'scsi0': Storage: storage 'nowhere' does not exist on this cluster",
        ])
    }

    @Test func badPropertyStrings() {
        #expect(Self.problems(Self.config("net0: virtio,,bridge=vmbr0\n")) == ["line 4: net0: empty part in 'virtio,,bridge=vmbr0'"])
        #expect(Self.problems(Self.config("net0: virtio,bridge\n")) == ["line 4: net0: 'bridge' must be written as key=value"])
        #expect(Self.problems(Self.config("net0: virtio,bridge=vmbr0,bridge=vmbr1\n")) == ["line 4: net0: option 'bridge' is given twice"])
        #expect(Self.problems(Self.config("cpu: host,foo=1\n")) == ["line 4: cpu: 'foo' is not an option of cpu"])
        #expect(Self.problems(Self.config("startup: order=1,later=5\n"))
            == ["line 4: startup 'order=1,later=5' is not a start order (like order=1,up=30,down=60; numbers only, no spaces)"])
        // Proxmox's own reading: blank parts skipped, a later part wins.
        let startup = Self.model(Self.config("startup: order=1,,up=5,order=3\n"))
        #expect(startup?.value(.startupOrder) == "3")
        #expect(startup?.value(.startupUp) == "5")
        #expect(Self.problems(Self.config("startup: 0\n")).first?.contains("is not a start order") == true)
    }

    // MARK: General, OS, system

    @Test func generalKeys() {
        let model = Self.model(Self.config("name: web1\ntags: a;b\nonboot: 1\nstartup: order=2,up=10,down=20\npool: prod\nha-managed: 1\nstart: 1\n"))
        #expect(model?.value(.name) == "web1")
        #expect(model?.value(.tags) == "a;b")
        #expect(model?.value(.startupOrder) == "2")
        #expect(model?.value(.startupUp) == "10")
        #expect(model?.value(.startupDown) == "20")
        #expect(model?.value(.pool) == "prod")
        #expect(model?.flag(.haManaged) == true)
        #expect(model?.flag(.start) == true)
        #expect(Self.model(Self.config("startup: 7\n"))?.value(.startupOrder) == "7")
    }

    @Test func ostypeSetsTheFamily() {
        let model = Self.model("ostype: win10\nide2: none,media=cdrom\n")
        #expect(model?.value(.osBase) == "windows")
        #expect(model?.isUserSet(.osBase) == true)
        #expect(model?.value(.ostype) == "win10")
        #expect(Self.problems("ostype: w2k3\n") == ["line 1: ostype 'w2k3' is not offered by vmwizard (use w2k8 or wxp)"])
        #expect(Self.problems("ostype: dos\n").first?.hasPrefix("line 1: ostype 'dos' is not an OS type") == true)
    }

    @Test func installMedia() {
        let iso = Self.model("ide2: local:iso/debian-13.2.0-amd64-netinst.iso,media=cdrom,size=700M\n")
        #expect(iso?.value(.media) == "iso")
        #expect(iso?.value(.isoStorage) == "local")
        #expect(iso?.value(.isoImage) == "local:iso/debian-13.2.0-amd64-netinst.iso")
        #expect(Self.model("ide2: cdrom,media=cdrom\n")?.value(.media) == "cdrom")
        #expect(Self.model("ide2: none,media=cdrom\n")?.value(.media) == "none")
        // A config file without ide2 has no CD drive at all; so has JSON with ide2 null.
        #expect(Self.model("name: x\n")?.value(.media) == "omit")
        #expect(Self.model(#"{"ide2": null}"#)?.value(.media) == "omit")
        // A physical drive by its path.
        let physical = Self.model("ostype: l26\nide2: /dev/sr1,media=cdrom\n")
        #expect(physical?.value(.media) == "cdrom")
        #expect(physical?.value(.cdromDevice) == "/dev/sr1")
        #expect(physical.map { PVEParameters.installCD($0) } == "/dev/sr1,media=cdrom")
        // The create call's alias.
        #expect(Self.model(#"{"cdrom": "local:iso/x.iso"}"#)?.value(.isoImage) == "local:iso/x.iso")
        #expect(Self.problems(#"{"cdrom": "local:iso/x.iso", "ide2": "none,media=cdrom"}"#)
            == ["key 'ide2': ide2 and cdrom both give the install CD (cdrom at key 'cdrom')"])
    }

    @Test func aDiskOnIDE2IsNotSupported() {
        #expect(Self.problems("ide2: local-lvm:vm-100-disk-1,size=32G\n")
            == ["line 1: ide2 is the install CD drive in vmwizard: a disk on ide2 is not supported (add media=cdrom if this is a CD)"])
    }

    @Test func cdDrivesElsewhereAreKeptAsTheyAre() {
        let model = Self.model(Self.config("sata0: local:iso/x.iso,media=cdrom\n"))
        #expect(model?.draft.kept == [KeptSetting(key: "sata0", value: "local:iso/x.iso,media=cdrom")])
        #expect(model.map { DiskSlots.reserved(in: $0) }?.contains(DiskSlot(.sata, 0)) == true)
    }

    @Test func virtioDriversCD() {
        let model = Self.model("ostype: win11\nide2: local:iso/Win11_24H2_English_x64.iso,media=cdrom\n"
            + "ide0: local:iso/virtio-win-0.1.262.iso,media=cdrom\nbios: ovmf\nmachine: q35\n")
        #expect(model?.virtioDriverDriveActive == true)
        #expect(model?.value(.virtioImage) == "local:iso/virtio-win-0.1.262.iso")
        // Another guest's CD on ide0 is not the drivers CD: it is kept as it is.
        let linux = Self.model(Self.config("ide0: local:iso/virtio-win-0.1.262.iso,media=cdrom\n"))
        #expect(linux?.virtioDriverDriveActive == false)
        #expect(linux?.draft.kept == [KeptSetting(key: "ide0", value: "local:iso/virtio-win-0.1.262.iso,media=cdrom")])
        // Without ide0, no drivers CD even though the host has one and the OS is Windows.
        let plain = Self.model("ostype: win10\nide2: none,media=cdrom\n")
        #expect(plain?.virtioDriverDriveActive == false)
    }

    @Test func aConfigFileIsAWholeVMWithProxmoxDefaults() {
        // A config with only these keys is what Proxmox makes of it, not the wizard's q35/OVMF/TPM proposal.
        let model = Self.model("ostype: win11\nide2: none,media=cdrom\n")
        #expect(model?.value(.machine) == "")
        #expect(model?.value(.bios) == "")
        #expect(model?.value(.scsihw) == "")
        #expect(model?.tpmActive == false)
        #expect(model?.value(.memory) == "512")
        #expect(model?.value(.cpuType) == "kvm64")
        #expect(model?.flag(.agent) == false)
        #expect(model?.draft.disks.isEmpty == true)
        #expect(model?.draft.nics.isEmpty == true)
        // OVMF without efidisk0: no EFI disk.
        #expect(Self.model(Self.config("bios: ovmf\n"))?.efiDiskActive == false)
        #expect(Self.model("name: x\n")?.value(.ostype) == "other")
    }

    @Test func jsonAnswersAreAnswersToTheWizard() throws {
        // Two keys give the full Windows 11 VM the wizard proposes.
        let model = try #require(Self.model(#"{"ostype": "win11", "ide2": "local:iso/Win11_24H2_English_x64.iso,media=cdrom"}"#))
        #expect(model.value(.machine) == "q35")
        #expect(model.value(.bios) == "ovmf")
        #expect(model.efiDiskActive)
        #expect(model.flag(.efiKeys))
        #expect(model.tpmActive)
        #expect(model.value(.tpmVersion) == "v2.0")
        #expect(model.value(.memory) == "4096")
        #expect(model.value(.cpuType) == "x86-64-v2-AES")
        #expect(model.draft.disks.count == 1)
        #expect(model.draft.nics.count == 1)
        #expect(model.virtioDriverDriveActive, "the host has a virtio-win ISO")
        let argv = QmCommand.create(model)
        for key in ["--efidisk0", "--tpmstate0", "--scsi0", "--net0", "--ide0", "--machine", "--bios"] {
            #expect(argv.contains(key), "\(key) missing from \(argv)")
        }
    }

    @Test func nullRemovesADefaultDeviceAndKeysKeepTheirNumbers() throws {
        let text = #"{"ostype": "l26", "ide2": "none,media=cdrom", "scsi0": null, "net0": null, "net2": "virtio,bridge=vmbr0", "virtio1": "local-lvm:10"}"#
        let model = try #require(Self.model(text))
        #expect(model.diskSlots == [DiskSlot(.virtio, 1)])
        #expect(model.nicKeys == ["net2"])
        let argv = QmCommand.create(model)
        #expect(!argv.contains("--scsi0"))
        #expect(!argv.contains("--net0"))
        #expect(argv.contains("--net2"))
        // A device key the wizard also proposes replaces its default device; another one is added beside it.
        let added = try #require(Self.model(#"{"ostype": "l26", "ide2": "none,media=cdrom", "scsi1": "local-lvm:10"}"#))
        #expect(added.diskSlots == [DiskSlot(.scsi, 0), DiskSlot(.scsi, 1)])
        #expect(Self.model(#"{"ostype": "win11", "ide2": "none,media=cdrom", "efidisk0": null, "tpmstate0": null}"#)?.efiDiskActive == false)
        #expect(Self.problems(#"{"ide2": "none,media=cdrom", "memory": null}"#).first?.contains("null removes a device") == true)
    }

    @Test func subKeysLeftOutMeanProxmoxDefaults() throws {
        let model = try #require(Self.model(#"{"ostype": "l26", "ide2": "none,media=cdrom", "scsi0": "vmstore:20", "net0": "virtio", "efidisk0": "local-lvm:1", "bios": "ovmf", "tpmstate0": "local-lvm:1"}"#))
        #expect(model.value(.netBridge, item: 0) == "")
        #expect(model.flag(.netFirewall, item: 0) == false)
        #expect(model.value(.diskFormat, item: 0) == "raw", "the storage's default, not the wizard's qcow2")
        #expect(model.flag(.diskIothread, item: 0) == false)
        #expect(model.value(.efiType) == "2m")
        #expect(model.flag(.efiKeys) == false)
        #expect(model.value(.tpmVersion) == "v1.2")
        #expect(model.issue(.netBridge, item: 0)?.isError == false, "no bridge is allowed, with a warning")
        #expect(PVEParameters.nicValue(model, nic: 0) == "virtio")
    }

    @Test func noInstallMediaInJSONSaysHowToGiveIt() {
        let problems = Self.problems(#"{"name": "web"}"#)
        #expect(problems.count == 1)
        #expect(problems.first?.hasPrefix("key 'ide2': no install media given") == true)
    }

    @Test(arguments: [("q35", "q35"), ("pc-q35-9.2+pve1", "q35"), ("pc-q35-8.1", "q35"), ("pc", ""),
                      ("pc-i440fx-9.0", ""), ("pc-i440fx-8.1+pve0", ""), ("pc-q35-9.2.pxe", "q35")])
    func machineTypes(_ value: String, _ expected: String) {
        #expect(Self.model(Self.config("machine: \(value)\n"))?.value(.machine) == expected)
    }

    @Test func badMachineTypes() {
        #expect(Self.problems(Self.config("machine: virt\n")) == ["line 4: machine 'virt' is the ARM machine: it needs arch: aarch64 (Proxmox accepts this when creating the VM, but QEMU refuses to start it)"])
        #expect(Self.problems(Self.config("machine: q35,enable-s3=maybe\n")) == ["line 4: machine enable-s3: 'maybe' is not a boolean (1/0, on/off, yes/no, true/false)"])
        #expect(Self.problems(Self.config("machine: pc-q35\n")).first?.contains("is not a machine type") == true)
    }

    @Test func vgaAndItsSerialPort() {
        let model = Self.model(Self.config("vga: serial1\nserial1: socket\n"))
        #expect(model?.value(.vga) == "serial1")
        #expect(Self.model(Self.config("serial0: socket\n"))?.draft.kept == [KeptSetting(key: "serial0", value: "socket")])
        #expect(Self.problems(Self.config("serial0: /tmp/x\n")) == ["line 4: serial0: '/tmp/x' does not have the form Proxmox expects"])
        #expect(Self.model(Self.config("vga: std,memory=64\n"))?.draft.kept == [KeptSetting(key: "vga", value: "memory=64", isOptions: true)])
        #expect(Self.problems(Self.config("vga: std,memory=2\n")) == ["line 4: vga memory: 2 is below the minimum 4"])
        // A display type Proxmox knows but the web UI does not offer is kept for this VM; an unknown one is refused.
        let cirrus = Self.model(Self.config("vga: cirrus\n"))
        #expect(cirrus?.value(.vga) == "cirrus" && cirrus?.issue(.vga) == nil)
        #expect(cirrus.map { OptionCatalog.spec(.vga)!.choices($0.context(item: nil)).last?.label.description } == "cirrus (from the template)")
        #expect(Self.problems(Self.config("vga: matrox\n")) == ["line 4: vga type 'matrox' is not a display type Proxmox knows"])
    }

    @Test func agent() {
        #expect(Self.model(Self.config("agent: 1\n"))?.flag(.agent) == true)
        #expect(Self.model(Self.config("agent: enabled=1\n"))?.flag(.agent) == true)
        #expect(Self.model(Self.config("agent: 0\n"))?.flag(.agent) == false)
        #expect(Self.model(Self.config("agent: 1,fstrim_cloned_disks=on\n"))?.draft.kept
            == [KeptSetting(key: "agent", value: "fstrim_cloned_disks=1", isOptions: true)])
        #expect(Self.problems(Self.config("agent: 1,speed=9\n")) == ["line 4: agent: 'speed' is not an option of agent"])
    }

    @Test func efiAndTPMFromAConfigFile() {
        let model = Self.model(Self.config("""
            bios: ovmf
            efidisk0: vmstore:100/vm-100-disk-1.raw,efitype=4m,ms-cert=2023k,pre-enrolled-keys=1,size=528K
            tpmstate0: local-lvm:vm-100-disk-2,size=4M,version=v2.0

            """))
        #expect(model?.efiDiskActive == true)
        #expect(model?.value(.efiStorage) == "vmstore")
        #expect(model?.value(.efiFormat) == "raw")
        #expect(model?.flag(.efiKeys) == true)
        #expect(model?.tpmActive == true)
        #expect(model?.value(.tpmStorage) == "local-lvm")
        #expect(model?.value(.tpmVersion) == "v2.0")
        // No pre-enrolled-keys: none; no version: Proxmox's v1.2.
        let bare = Self.model(Self.config("bios: ovmf\nefidisk0: local-lvm:vm-100-disk-1,size=4M\ntpmstate0: local-lvm:vm-100-disk-2,size=4M\n"))
        #expect(bare?.flag(.efiKeys) == false)
        #expect(bare?.value(.tpmVersion) == "v1.2")
        #expect(Self.problems(Self.config("efidisk0: local-lvm:vm-100-disk-1,size=4M\n"))
            == ["line 4: efidisk0 needs bios: ovmf: an EFI disk is only used with UEFI firmware (Proxmox accepts this when creating the VM, but never uses the EFI disk with SeaBIOS)"])
    }

    // MARK: Disks

    @Test func configVolumesBecomeNewDisksOfTheSameSize() {
        let model = Self.model(Self.config("scsi0: local-lvm:vm-100-disk-0,iothread=1,size=32G\n"))
        #expect(model?.draft.disks.count == 1)
        #expect(model?.diskSlots == [DiskSlot(.scsi, 0)])
        #expect(model?.value(.diskStorage, item: 0) == "local-lvm")
        #expect(model?.value(.diskSize, item: 0) == "32")
        #expect(model?.flag(.diskIothread, item: 0) == true)
        #expect(model.map { PVEParameters.diskValue($0, disk: 0) } == "local-lvm:32,iothread=on")
    }

    @Test func slotsAreKept() {
        let model = Self.model(Self.config("virtio3: local-lvm:vm-100-disk-0,size=8G\nsata5: vmstore:100/vm-100-disk-1.qcow2,size=4G\n"))
        #expect(model?.diskSlots == [DiskSlot(.sata, 5), DiskSlot(.virtio, 3)])
        #expect(model?.value(.diskFormat, item: 0) == "qcow2")
    }

    @Test(arguments: [("32G", "32"), ("512M", "0.5"), ("1T", "1024"), ("1.5T", "1536"), ("4194304K", "4"),
                      ("10737418240", "10"), ("0.25G", "0.25"), ("1.5G", "1.5"), ("128M", "0.125")])
    func diskSizes(_ size: String, _ gib: String) {
        #expect(AnswersImporter.gibibytes(size) == .success(gib))
    }

    @Test func everySizeProxmoxWritesReadsBack() {
        // Sizes that are no whole thousandth of a GiB keep their unit, and render back unchanged.
        for size in ["100M", "1049K", "1T", "34359738368", "1536M", "528K"] {
            let model = Self.model(Self.config("scsi0: local-lvm:vm-100-disk-0,size=\(size)\n"))
            let config = model.map { ConfigFile.render($0) } ?? ""
            let bytes = DiskSize.bytes(fromProxmox: size) ?? 0
            #expect(config.contains(",size=\(DiskSize.proxmoxText(bytes: bytes))\n"), "\(size): \(config)")
        }
        #expect(Self.model(Self.config("scsi0: local-lvm:vm-100-disk-0,size=100M\n"))?.value(.diskSize, item: 0) == "100M")
        #expect(Self.problems(Self.config("scsi0: local-lvm:vm-100-disk-0,size=32GB\n"))
            == ["line 4: scsi0: size '32GB' is not a disk size (like 32G, 512M, 1049K)"])
        #expect(Self.problems(Self.config("scsi0: local-lvm:vm-100-disk-0\n"))
            == ["line 4: scsi0 has no size=: the new disk's size is unknown"])
        // Above the web UI's 128 TiB: a warning, not a refusal.
        #expect(Self.problems(Self.config("scsi0: local-lvm:vm-100-disk-0,size=200T\n")) == [])
    }

    @Test func diskSubKeys() {
        let model = Self.model(Self.config(
            "scsi0: local-lvm:vm-100-disk-0,cache=writeback,discard=on,ssd=1,ro=1,backup=0,replicate=0,aio=threads,"
                + "mbps_rd=10,iops_wr=50,iops_wr_max=100,size=8G\nscsi1: local-lvm:vm-100-disk-1,discard=ignore,size=8G\n"))
        #expect(model?.value(.diskCache, item: 0) == "writeback")
        #expect(model?.flag(.diskDiscard, item: 0) == true)
        #expect(model?.flag(.diskSSD, item: 0) == true)
        #expect(model?.flag(.diskReadOnly, item: 0) == true)
        #expect(model?.flag(.diskBackup, item: 0) == false)
        #expect(model?.flag(.diskReplicate, item: 0) == true)  // "Skip replication"
        #expect(model?.value(.diskMbpsRd, item: 0) == "10")
        #expect(model?.value(.diskIopsWrMax, item: 0) == "100")
        #expect(model?.flag(.diskDiscard, item: 1) == false)
        // iothread absent means off, whatever the wizard's default.
        #expect(model?.flag(.diskIothread, item: 1) == false)
    }

    @Test func diskSubKeysTheWizardDoesNotOffer() {
        #expect(Self.model(Self.config("scsi0: local-lvm:vm-100-disk-0,serial=ABC123,size=8G\n"))?.draft.disks.first?.keptOptions
            == "serial=ABC123")
        #expect(Self.problems(Self.config("sata0: local-lvm:vm-100-disk-0,iothread=1,size=8G\n"))
            == ["line 4: sata0: option 'iothread' does not exist on the SATA bus"])
        #expect(Self.problems(Self.config("virtio0: local-lvm:vm-100-disk-0,ssd=1,size=8G\n"))
            == ["line 4: virtio0: option 'ssd' does not exist on the VirtIO Block bus"])
        #expect(Self.problems(Self.config("scsi0: local-lvm:vm-100-disk-0,speed=9,size=8G\n"))
            == ["line 4: scsi0: 'speed' is not an option of scsi0"])
        #expect(Self.problems(Self.config("scsi0: local-lvm:vm-100-disk-0,cache=fast,size=8G\n"))
            == ["line 4: scsi0: cache 'fast' is not one of directsync, writethrough, writeback, unsafe, none"])
        // A device is passed through as it is (a warning says two VMs must not share it); a file path is not.
        #expect(Self.model(Self.config("scsi0: /dev/sdb,size=8G\n"))?.draft.kept == [KeptSetting(key: "scsi0", value: "/dev/sdb,size=8G")])
        #expect(Self.problems(Self.config("scsi0: /srv/disk.raw,size=8G\n"))
            == ["line 4: scsi0: '/srv/disk.raw' is not a device: Proxmox takes a path only under /dev (a file belongs on a storage)"])
    }

    @Test func jsonDisksUseTheAllocationSyntax() {
        let model = Self.model(#"{"ide2": "none,media=cdrom", "scsi0": "local-lvm:64,iothread=on", "virtio1": "vmstore:0,import-from=local:import/img.qcow2,format=qcow2"}"#)
        #expect(model?.value(.diskSize, item: 0) == "64")
        #expect(model?.value(.diskImport, item: 1) == "local:import/img.qcow2")
        #expect(model?.value(.diskFormat, item: 1) == "qcow2")
        #expect(Self.problems(#"{"ide2": "none,media=cdrom", "scsi0": "local-lvm:vm-100-disk-0"}"#) == [
            "key 'scsi0': scsi0: 'local-lvm:vm-100-disk-0' is an existing volume or path; vmwizard creates new disks: write "
                + "STORAGE:SIZE_GiB (or STORAGE:0,import-from=SOURCE)",
        ])
        // A size with import-from is the wizard's size of an imported disk: grow it to that after the import.
        let grown = Self.model(#"{"ide2": "none,media=cdrom", "scsi0": "local-lvm:8,import-from=/srv/a.raw"}"#)
        #expect(grown?.value(.diskSize, item: 0) == "8")
        #expect(grown.map { QmCommand.steps($0).map(\.argv) } == [
            QmCommand.create(grown!), ["qm", "disk", "resize", "102", "scsi0", "8G"],
        ])
        #expect(Self.problems(#"{"ide2": "none,media=cdrom", "scsi0": "32"}"#)
            == ["key 'scsi0': scsi0: '32' needs the storage: STORAGE:SIZE_GiB"])
        #expect(Self.problems(Self.config("scsi0: local-lvm:vm-100-disk-0,import-from=local:import/a.raw,size=1G\n"))
            == ["line 4: scsi0: option 'import-from' belongs in a JSON answers file, not a config file"])
    }

    @Test func formatMustSuitTheStorage() {
        #expect(Self.problems(#"{"ide2": "none,media=cdrom", "scsi0": "local-lvm:8,format=qcow2"}"#)
            == ["key 'scsi0': format 'qcow2' is not supported by storage 'local-lvm' (supported: raw) (Proxmox accepts this when creating the VM, but allocating the disk then fails)"])
        #expect(Self.problems(#"{"ide2": "none,media=cdrom", "scsi0": "local-lvm:8,format=raw"}"#) == [])
    }

    @Test func noDisksAndNoNICsWhenTheFileHasNone() {
        let draft = Self.draft(Self.config())
        #expect(draft?.disks.isEmpty == true)
        #expect(draft?.nics.isEmpty == true)
    }

    // MARK: CPU, memory

    @Test func cpuAndMemory() {
        let model = Self.model(Self.config("cpu: host,flags=+aes;-pcid\nballoon: 1024\nshares: 2000\n"))
        #expect(model?.value(.cpuType) == "host")
        #expect(model?.value(.cpuFlags) == "+aes;-pcid")
        #expect(model?.value(.balloon) == "1024")
        #expect(model?.value(.shares) == "2000")
        #expect(Self.model("memory: current=4096\nide2: none,media=cdrom\n")?.value(.memory) == "4096")
        #expect(Self.model(Self.config("balloon: 0\n"))?.flag(.balloonEnabled) == false)
        #expect(Self.model(Self.config("cpu: host,hidden=1\n"))?.draft.kept == [KeptSetting(key: "cpu", value: "hidden=1", isOptions: true)])
    }

    @Test func valuesTheWizardWouldIgnoreAreProblems() {
        let ignored = " (Proxmox accepts this when creating the VM, but ignores it; vmwizard drops nothing a file asks for without saying so)"
        #expect(Self.problems(Self.config("shares: 500\n"))
            == ["line 4: Shares '500' would have no effect: shares apply only while ballooning is on and balloon is below memory" + ignored])
        #expect(Self.problems(Self.config("net0: e1000,bridge=vmbr0,mtu=9000\n"))
            == ["line 4: MTU '9000' would have no effect: MTU applies only to VirtIO NICs" + ignored])
    }

    // MARK: Network

    @Test func nicsKeepTheirOrderAndMACsOnlyFromJSON() {
        let json = #"{"ide2": "none,media=cdrom", "net1": "e1000=BC:24:11:00:00:02,bridge=vmbr1,tag=20", "net0": "virtio,bridge=vmbr0,firewall=1"}"#
        let model = Self.model(json)
        #expect(model?.draft.nics.count == 2)
        #expect(model?.value(.netModel, item: 0) == "virtio")
        #expect(model?.flag(.netFirewall, item: 0) == true)
        #expect(model?.value(.netModel, item: 1) == "e1000")
        #expect(model?.value(.netMAC, item: 1) == "BC:24:11:00:00:02")
        #expect(model?.value(.netTag, item: 1) == "20")
        // firewall absent means off.
        #expect(model?.flag(.netFirewall, item: 1) == false)
        let config = Self.model(Self.config("net0: virtio=BC:24:11:00:00:01,bridge=vmbr0\nnet1: model=e1000,macaddr=BC:24:11:00:00:03,bridge=vmbr0\n"))
        #expect(config?.value(.netMAC, item: 0) == "")
        #expect(config?.value(.netMAC, item: 1) == "")
        #expect(config?.value(.netModel, item: 1) == "e1000")
    }

    @Test func unsupportedNICs() {
        let old = Self.model(Self.config("net0: ne2k_pci,bridge=vmbr0\n"))
        #expect(old?.value(.netModel, item: 0) == "ne2k_pci" && old?.issue(.netModel, item: 0) == nil)
        #expect(old.map { QmCommand.create($0).contains("ne2k_pci,bridge=vmbr0") } == true)
        #expect(Self.model(Self.config("net0: virtio,bridge=vmbr0,trunks=10;20\n"))?.draft.nics.first?.keptOptions == "trunks=10;20")
        #expect(Self.problems(Self.config("net0: virtio,bridge=vmbr0,trunks=ten\n")) == ["line 4: net0 trunks: 'ten' does not have the form Proxmox expects"])
        #expect(Self.problems(Self.config("net0: virtio,bridge=vmbr0,speed=1\n")) == ["line 4: net0: 'speed' is not an option of net0"])
        #expect(Self.problems(Self.config("net0: token-ring,bridge=vmbr0\n")) == ["line 4: net0: 'token-ring' is not a NIC model"])
        #expect(Self.problems(Self.config("net32: virtio,bridge=vmbr0\n")) == ["line 4: unknown key 'net32'"])
    }

    @Test func severalNICsUpToNet31() {
        let lines = (0..<32).map { "net\($0): virtio,bridge=vmbr0\n" }.joined()
        let model = Self.model(Self.config(lines))
        #expect(model?.draft.nics.count == 32)
        #expect(model.map { PVEParameters.build($0).filter { $0.key.hasPrefix("net") }.last?.key } == "net31")
    }
}
