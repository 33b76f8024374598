import Testing
@testable import VMWizardCore

/// The model against Proxmox's schema: every accepted sample of a value format is accepted by the field that
/// takes such values, every rejected one is rejected with a message naming the field and the value; numeric
/// ranges are the schema's or narrower; every choice is one Proxmox knows.
@Suite struct SchemaTests {
    static let schema = SchemaSamples.shared

    /// A host on which the samples' names exist, so only the format decides.
    static let host = HostInventory(
        localNode: "pve1",
        storages: ["lo", "local", "local-lvm", "ceph_pool.1"].map {
            Storage(id: $0, type: "dir", content: ["images", "iso", "import"], formats: ["raw", "qcow2", "vmdk"])
        },
        bridges: ["vmbr0", "vmbr0.100", "my-bridge"].map { Bridge(name: $0, kind: .linux, vlanAware: true) },
        pools: ["pool1", "my_pool", "my-pool", "p"].map { Pool(id: $0) },
        cpuCount: 1_000_000, memoryTotalMiB: 8_000_000)

    /// The error of one field for `value`, written straight into the draft (no edit rules).
    static func error(_ id: FieldID, _ value: String, host: HostInventory = host, setup: [(FieldID, String)] = []) -> FieldError {
        var model = VMModel(host: host)
        for (other, otherValue) in setup { write(&model, other, otherValue) }
        write(&model, id, value)
        let item: Int? = OptionCatalog.spec(id)?.scope == .vm ? nil : 0
        return FieldError(issue: model.issue(id, item: item).flatMap { $0.isError ? $0 : nil }, label: OptionCatalog.spec(id)?.label.description ?? "")
    }

    static func write(_ model: inout VMModel, _ id: FieldID, _ value: String) {
        switch OptionCatalog.spec(id)?.scope ?? .vm {
        case .vm: model.draft.values[id.rawValue] = value
        case .disk: model.draft.disks[0].values[id.rawValue] = value
        case .nic: model.draft.nics[0].values[id.rawValue] = value
        case .device:
            if model.draft.devices.isEmpty { model.draft.devices.append(ItemDraft()) }
            model.draft.devices[0].values[id.rawValue] = value
        }
    }

    // MARK: Value formats

    /// Which field checks which format.
    static let fieldOfFormat: [String: FieldID] = [
        "dns-name": .name, "pve-tag": .tags, "pve-poolid": .pool, "pve-storage-id": .diskStorage,
        "pve-volume-id": .diskImport, "mac-addr": .netMAC, "pve-bridge-id": .netBridge, "pve-cpuset": .affinity,
        "pve-vmid": .vmid,
    ]

    struct Sample: CustomTestStringConvertible, Sendable {
        var format: String
        var value: String
        var accepted: Bool
        var testDescription: String { "\(format) \(accepted ? "accepts" : "rejects") '\(value)'" }
    }

    static let fieldSamples: [Sample] = fieldOfFormat.keys.sorted().flatMap { format in
        schema.samples(format).accepted.map { Sample(format: format, value: $0, accepted: true) }
            + schema.samples(format).rejected.map { Sample(format: format, value: $0, accepted: false) }
    }

    @Test func everyFormatHasSamples() {
        for format in Array(Self.fieldOfFormat.keys) + ["pve-startup-order", "disk-size"] {
            #expect(!Self.schema.samples(format).accepted.isEmpty, "\(format)")
            #expect(!Self.schema.samples(format).rejected.isEmpty, "\(format)")
        }
    }

    @Test(arguments: fieldSamples)
    func formatSample(_ sample: Sample) throws {
        let id = try #require(Self.fieldOfFormat[sample.format])
        // A tag list is split on blanks, commas and semicolons, as Proxmox's pve-tag-list does: a "tag with space"
        // is three good tags there, so each single-tag sample is checked as one tag too.
        // A volume ID's syntax; which volumes a field takes (an import source must be a disk image) is narrower.
        if sample.format == "pve-volume-id" {
            #expect((PVEFormat.volumeID(sample.value) == nil) == sample.accepted, "\(sample.testDescription)")
            return
        }
        if sample.format == "pve-tag" {
            #expect((PVEFormat.tag(sample.value) == nil) == sample.accepted, "\(sample.testDescription)")
            if PVEFormat.splitList(sample.value).count > 1 { return }
        }
        let result = Self.error(id, sample.value)
        if sample.accepted {
            #expect(result.issue == nil, "\(sample.testDescription): \(result.issue?.message ?? "")")
        } else {
            let issue = try #require(result.issue, "\(sample.testDescription)")
            #expect(issue.message.contains("'\(Checks.shown(sample.value))'"), "\(issue.message)")
            #expect(result.namesField(issue.message), "\(issue.message)")
        }
    }

    @Test func startupOrderSamples() {
        for value in Self.schema.samples("pve-startup-order").accepted {
            let result = Answers.parse(text: "ide2: none,media=cdrom\nstartup: \(value)\n", host: Self.host)
            #expect((try? result.get()) != nil, "startup: \(value) -> \(result)")
        }
        for value in Self.schema.samples("pve-startup-order").rejected {
            guard case .failure(let problems) = Answers.parse(text: "ide2: none,media=cdrom\nstartup: \(value)\n", host: Self.host)
            else {
                Issue.record("startup: \(value) must be rejected")
                continue
            }
            let message = problems.description
            #expect(message.contains("line 2"), "\(message)")
            #expect(message.contains("is not a start order"), "\(message)")
        }
    }

    @Test func diskSizeSamples() {
        // Every size Proxmox accepts is read as a size; one vmwizard cannot write in GiB is refused as such,
        // never as a malformed size.
        for value in Self.schema.samples("disk-size").accepted {
            if case .failure(let problem) = AnswersImporter.gibibytes(value) {
                #expect(problem.message.contains("cannot be written in GiB"), "\(value): \(problem.message)")
            }
        }
        for value in Self.schema.samples("disk-size").rejected {
            guard case .failure(let problem) = AnswersImporter.gibibytes(value) else {
                Issue.record("\(value) must be rejected")
                continue
            }
            #expect(problem.message.contains("is not a disk size"), "\(problem.message)")
        }
    }

    /// The schema gives only a pattern for CPU flags: probe it with flags strings on both sides of it.
    static let cpuFlagCandidates = [
        "+aes", "-pcid", "+aes;-pcid", "+spec-ctrl;+md-clear;-ssbd", "aes", "+aes;", ";+aes", "++aes", "+aes,-pcid",
        "+a es", "+", "+aes;;-pcid", "+hv-tlbflush;+pdpe1gb",
    ]

    @Test(arguments: cpuFlagCandidates)
    func cpuFlagsFollowTheSchemaPattern(_ flags: String) throws {
        let pattern = try #require(Self.schema.property("cpu.flags")?.pattern)
        let result = Self.error(.cpuFlags, flags)
        if !SchemaSamples.matches(pattern, flags) {
            let issue = try #require(result.issue, "'\(flags)' breaks the schema pattern")
            #expect(issue.message.hasPrefix("Extra CPU Flags '\(flags)'"))
        } else {
            // Proxmox only lets a VM set a fixed list of flags; vmwizard checks that list too.
            let names = flags.split(separator: ";").map { String($0.dropFirst()) }
            let allowed = names.allSatisfy(PVEFormat.vmCPUFlags.contains)
            #expect((result.issue == nil) == allowed, "\(flags): \(result.issue?.message ?? "accepted")")
        }
    }

    @Test func cpuFlagNotInTheListIsRejected() {
        let result = Self.error(.cpuFlags, "+avx512f")
        #expect(result.issue?.message.contains("'avx512f' is not a flag a VM may set") == true)
    }

    // MARK: Numeric ranges

    struct Range: CustomTestStringConvertible, Sendable {
        var id: FieldID
        /// Schema option or `family.subkey`.
        var schemaPath: String
        var min: String
        var max: String
        var below: String
        var above: String
        var setup: [(FieldID, String)] = []
        /// Why the model's range is narrower than the schema's, where it is.
        var narrower: String = ""
        var testDescription: String { "\(id.rawValue) \(min)...\(max)" }
    }

    static let ranges: [Range] = [
        Range(id: .vmid, schemaPath: "vmid", min: "100", max: "999999999", below: "99", above: "1000000000"),
        Range(id: .sockets, schemaPath: "sockets", min: "1", max: "99999", below: "0", above: "x",
              narrower: "no maximum, as in the schema"),
        Range(id: .cores, schemaPath: "cores", min: "1", max: "99999", below: "0", above: "+x",
              narrower: "no maximum, as in the schema; above the node's CPUs is a warning"),
        Range(id: .vcpus, schemaPath: "vcpus", min: "1", max: "8", below: "0", above: "9",
              setup: [(.sockets, "2"), (.cores, "4")], narrower: "at most sockets × cores (QEMU refuses more at start)"),
        Range(id: .cpulimit, schemaPath: "cpulimit", min: "0", max: "128", below: "-1", above: "129"),
        Range(id: .cpuunits, schemaPath: "cpuunits", min: "1", max: "262144", below: "0", above: "262145",
              narrower: "values the node's cgroup cannot take are clamped by Proxmox, with a warning"),
        Range(id: .memory, schemaPath: "memory.current", min: "16", max: "4178944", below: "15", above: "4178945",
              narrower: "web UI maximum"),
        Range(id: .balloon, schemaPath: "balloon", min: "1", max: "4178944", below: "0", above: "4178945",
              setup: [(.memory, "4178944")], narrower: "0 is the Ballooning Device switch, not a size"),
        Range(id: .shares, schemaPath: "shares", min: "0", max: "50000", below: "-1", above: "50001",
              setup: [(.memory, "4096"), (.balloon, "1024")]),
        Range(id: .netTag, schemaPath: "net.tag", min: "1", max: "4094", below: "0", above: "4095"),
        Range(id: .netMTU, schemaPath: "net.mtu", min: "1", max: "65520", below: "0", above: "65521",
              setup: [(.netModel, "virtio")], narrower: "2 to 575 are refused too (web UI rule)"),
        Range(id: .netQueues, schemaPath: "net.queues", min: "0", max: "64", below: "-1", above: "65"),
        Range(id: .netRate, schemaPath: "net.rate", min: "0", max: "1e6", below: "-1", above: "1e",
              narrower: "no maximum, as in the schema"),
        Range(id: .diskSize, schemaPath: "", min: "0.001", max: "131072", below: "0", above: "1.5X",
              narrower: "above the web UI's 128 TiB only a warning; Proxmox takes any size the storage can allocate"),
        Range(id: .diskMbpsRd, schemaPath: "scsi.mbps_rd", min: "0", max: "1e7", below: "-1", above: "x"),
        Range(id: .diskMbpsWrMax, schemaPath: "scsi.mbps_wr_max", min: "0", max: "10000000", below: "-0.5", above: "1e",
              setup: [(.diskMbpsWr, "10")]),
        Range(id: .diskMbpsWr, schemaPath: "scsi.mbps_wr", min: "0", max: "10000000.5", below: "-1", above: "1.2.3"),
        Range(id: .diskMbpsRdMax, schemaPath: "scsi.mbps_rd_max", min: "0.5", max: "10000001", below: "-0.5", above: "x",
              setup: [(.diskMbpsRd, "10")]),
        Range(id: .diskIopsWr, schemaPath: "scsi.iops_wr", min: "0", max: "999999999999", below: "-1", above: "1.5"),
        Range(id: .diskIopsRdMax, schemaPath: "scsi.iops_rd_max", min: "1", max: "1000000000", below: "-9", above: "1.5",
              setup: [(.diskIopsRd, "10")]),
        Range(id: .diskIopsRd, schemaPath: "scsi.iops_rd", min: "0", max: "1000000000", below: "-9", above: "x"),
        Range(id: .diskIopsWrMax, schemaPath: "scsi.iops_wr_max", min: "1", max: "1000000000", below: "-1", above: "2e3",
              setup: [(.diskIopsWr, "10")]),
        Range(id: .startupOrder, schemaPath: "", min: "0", max: "999999999", below: "-1", above: "1000000000",
              narrower: "the schema's pattern has no bound"),
        Range(id: .startupUp, schemaPath: "", min: "0", max: "999999999", below: "-1", above: "1000000000"),
        Range(id: .startupDown, schemaPath: "", min: "0", max: "999999999", below: "-1", above: "1000000000"),
    ]

    @Test func burstsNeedTheirLimit() {
        #expect(Self.error(.diskMbpsRdMax, "10").issue?.message
            == "Read burst (MB) needs Read limit (MB/s) as well: Proxmox refuses mbps_rd_max without mbps_rd")
        #expect(Self.error(.diskIopsWrMax, "10").issue?.message.contains("Proxmox accepts this when creating the VM") == true)
        // Perl's truth: 0 is no limit, "0.0" is one.
        #expect(Self.error(.diskMbpsRdMax, "10", setup: [(.diskMbpsRd, "0")]).issue != nil)
        #expect(Self.error(.diskMbpsRdMax, "10", setup: [(.diskMbpsRd, "0.0")]).issue == nil)
    }

    @Test(arguments: ranges)
    func numericRange(_ range: Range) throws {
        let label = OptionCatalog.spec(range.id)?.label.description ?? ""
        #expect(Self.error(range.id, range.min, setup: range.setup).issue == nil, "min \(range.min)")
        #expect(Self.error(range.id, range.max, setup: range.setup).issue == nil, "max \(range.max)")
        for bad in [range.below, range.above] {
            let issue = try #require(Self.error(range.id, bad, setup: range.setup).issue, "\(bad) must be refused")
            #expect(issue.message.contains(label), "\(issue.message)")
        }
        guard !range.schemaPath.isEmpty else { return }
        let property = try #require(Self.schema.property(range.schemaPath), "\(range.schemaPath) in the schema")
        if let minimum = property.minimum {
            #expect(Double(range.min)! >= minimum, "model minimum below the schema's \(minimum)")
            #expect(Double(range.min)! == minimum || !range.narrower.isEmpty, "narrower than the schema without a reason")
        }
        if let maximum = property.maximum {
            #expect(Double(range.max)! <= maximum, "model maximum above the schema's \(maximum)")
            #expect(Double(range.max)! == maximum || !range.narrower.isEmpty, "narrower than the schema without a reason")
        }
    }

    @Test func cpuUnitsFollowTheCgroupVersion() {
        var v1 = Self.host
        v1.cgroupVersion = 1
        #expect(Self.error(.cpuunits, "2", host: v1).issue == nil)
        #expect(Self.error(.cpuunits, "262144", host: v1).issue == nil)
        // What the node's cgroup cannot take, Proxmox clamps (2 on v1, 10000 on v2) and stores: a warning, and the
        // config says what is stored.
        var model = VMModel(host: v1)
        model.set(.cpuunits, to: "1")
        #expect(model.issue(.cpuunits)?.severity == .warning)
        #expect(model.issue(.cpuunits)?.message.contains("cgroup v1") == true)
        #expect(Self.error(.cpuunits, "262145", host: v1).issue != nil)
        var v2 = VMModel(host: Self.host)
        v2.set(.isoImage, to: "local:iso/x.iso")
        v2.set(.cpuunits, to: "50000")
        #expect(ConfigFile.render(v2).contains("cpuunits: 10000\n"))
        #expect(QmCommand.create(v2).contains("50000"))
        #expect(Double(262_144) == Self.schema.property("cpuunits")?.maximum)
    }

    // MARK: Choices

    static func choices(_ id: FieldID) -> [String] {
        let model = VMModel(host: TestHosts.standard)
        return OptionCatalog.spec(id)?.choices(model.context(item: 0)).map(\.value) ?? []
    }

    @Test(arguments: [
        (FieldID.bios, "bios"), (.scsihw, "scsihw"), (.vga, "vga.type"), (.diskCache, "scsi.cache"),
        (.diskAIO, "scsi.aio"), (.netModel, "net.model"), (.tpmVersion, "tpmstate.version"),
        (.diskFormat, "scsi.format"), (.efiFormat, "efidisk.format"), (.tpmFormat, "tpmstate.format"),
    ])
    func choicesAreKnownToProxmox(_ id: FieldID, _ path: String) throws {
        let known = try #require(Self.schema.property(path)?.choices, "\(path)")
        var values = Self.choices(id)
        if [.diskFormat, .efiFormat, .tpmFormat].contains(id) {
            values = ["raw", "qcow2", "vmdk"]  // the formats a storage can offer
        }
        #expect(!values.isEmpty)
        for value in values where !value.isEmpty {
            #expect(known.contains(value), "\(id.rawValue) offers '\(value)', unknown to Proxmox's \(path)")
        }
    }

    @Test func ostypesAreKnownToProxmox() throws {
        let known = try #require(Self.schema.options["ostype"]?.choices)
        let offered = OSBase.allCases.flatMap { $0.versions.map(\.value) }
        #expect(Set(offered).isSubset(of: Set(known)))
        // Proxmox's other two are left out on purpose, like in the web UI.
        #expect(Set(known).subtracting(offered) == ["w2k3", "wvista"])
    }

    @Test func machineChoicesMatchTheSchemaPattern() throws {
        let pattern = try #require(Self.schema.property("machine.type")?.pattern)
        for value in Self.choices(.machine) where !value.isEmpty {
            #expect(SchemaSamples.matches(pattern, value), "\(value)")
        }
    }

    @Test func wizardConstantsAreKnownToProxmox() throws {
        #expect(Self.schema.property("efidisk.efitype")?.choices?.contains("4m") == true)
        #expect(Self.schema.property("scsi.discard")?.choices?.contains("on") == true)
        #expect(Self.schema.property("scsi.media")?.choices?.contains("cdrom") == true)
        #expect(Self.schema.property("efidisk.ms-cert")?.choices?.contains("2023k") == true)
    }

    @Test func cpuModelsAreKnownToProxmox() {
        // x86-64-v* are Proxmox's own models on top of QEMU's list.
        let known = Set(Self.schema.cpu_models).union(["x86-64-v2", "x86-64-v2-AES", "x86-64-v3", "x86-64-v4"])
        for model in CPUModels.choices.map(\.value) {
            #expect(known.contains(model), "\(model)")
        }
    }
}

/// A field's error for one value, with what is needed to check that the message names the field.
struct FieldError {
    var issue: VMWizardCore.Issue?
    var label: String

    /// The message names the field by its label (or, for a list like Tags, by one item of it).
    func namesField(_ message: String) -> Bool {
        message.contains(label) || (label.hasSuffix("s") && message.contains(String(label.dropLast())))
    }
}
