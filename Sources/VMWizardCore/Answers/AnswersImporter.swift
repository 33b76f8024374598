import VMWizardPlatform

/// Maps the entries of an answers file into a draft, as a user would fill the wizard, and reports everything it
/// cannot map, each problem with the line or key it came from.
struct AnswersImporter {
    let host: HostInventory
    let format: Answers.Format

    private var draft = VMDraft(values: [:], disks: [], nics: [])
    private var problems: [AnswersProblem] = []
    /// Where each value came from, to place validation errors.
    private var origins: [FieldRef: String] = [:]
    /// Values the file gave explicitly: they must have an effect, or the file asks for something we would drop.
    private var explicit: Set<FieldRef> = []
    private var diskOrigins: [String] = []
    /// The file said what the install media is (ide2, cdrom, or ide2 set to null).
    private var installMediaGiven = false
    private var nicOrigins: [String] = []
    private var deviceOrigins: [String] = []
    /// Where each key of the file is, for problems that belong to no field (a kept setting's).
    private var keyLocations: [String: String] = [:]

    init(host: HostInventory, format: Answers.Format) {
        self.host = host
        self.format = format
    }

    private var isJSON: Bool { format == .json }

    // MARK: Recording

    private mutating func problem(_ location: String, _ message: Phrase) {
        problems.append(AnswersProblem(location: location, message: message))
    }

    private mutating func set(_ id: FieldID, item: Int? = nil, _ value: String, at location: String, given: Bool = true) {
        let ref = FieldRef(id, item: item)
        // A template's host facts (bridge, ISO) are remembered: lacking on this node, they are warnings.
        let fact = !isJSON && given && VMModel.templateFactFields.contains(id) ? value : nil
        let factKey = VMModel.templateKey(id)
        if let items = VMDraft.items(OptionCatalog.spec(id)?.scope ?? .vm) {
            draft[keyPath: items][item ?? 0].values[id.rawValue] = value
            draft[keyPath: items][item ?? 0].values[factKey] = fact
        } else {
            draft.values[id.rawValue] = value
            draft.values[factKey] = fact
        }
        origins[ref] = location
        if given { explicit.insert(ref) } else { explicit.remove(ref) }
    }

    /// Proxmox's booleans: 1/0, on/off, yes/no, true/false.
    static func boolean(_ text: String) -> String? {
        switch text.lowercased() {
        case "1", "on", "yes", "true": return "1"
        case "0", "off", "no", "false": return "0"
        default: return nil
        }
    }

    /// The values a fixed-choice field offers ("" is its Default entry).
    private func offered(_ id: FieldID) -> [String] {
        (OptionCatalog.spec(id)?.choices(VMModel(host: host).context(item: nil)) ?? []).map(\.value)
    }

    private mutating func flag(_ id: FieldID, item: Int? = nil, _ text: String, what: String, at location: String) {
        // An empty value switches an option on, as `qm create --onboot ''` does (JSON answers are qm's parameters).
        guard let value = isJSON && text.isEmpty && item == nil ? "1" : Self.boolean(text) else {
            problem(location, "\(what) must be a boolean (1/0, on/off, yes/no, true/false), not '\(Checks.shown(text))'")
            return
        }
        set(id, item: item, value, at: location)
    }

    /// Carries a key the wizard does not model into the new VM as it is, when Proxmox's schema takes its value.
    private mutating func keepWhole(_ entry: AnswersEntry) {
        switch PVESchema.normalized(key: entry.key, value: entry.value) {
        case .success(let value):
            draft.kept.removeAll { $0.key == entry.key && !$0.isOptions }
            draft.kept.append(KeptSetting(key: entry.key, value: value))
        case .failure(let reason):
            problem(entry.location, reason.phrase)
        }
    }

    /// Options of a key the wizard models but that it does not offer itself (`cpu: …,level=9`), checked against
    /// Proxmox's schema: the text to add to what vmwizard writes for that key, or nil after a problem.
    private mutating func keptOptions(_ entry: AnswersEntry, _ options: [(key: String, value: String)]) -> String? {
        guard !options.isEmpty else { return "" }
        switch PVESchema.normalizedOptions(key: entry.key, options: options) {
        case .success(let text): return text
        case .failure(let reason):
            problem(entry.location, reason.phrase)
            return nil
        }
    }

    private mutating func keepOptions(_ entry: AnswersEntry, _ options: [(key: String, value: String)]) {
        guard let text = keptOptions(entry, options), !text.isEmpty else { return }
        draft.kept.append(KeptSetting(key: entry.key, value: text, isOptions: true))
    }

    /// Splits a property string into (key, value) pairs, the part without "=" named `defaultKey`. Nil after
    /// reporting a problem.
    private mutating func properties(
        _ entry: AnswersEntry, defaultKey: String, aliases: [String: String] = [:]
    ) -> [(key: String, value: String)]? {
        var pairs: [(key: String, value: String)] = []
        var seen = Set<String>()
        for (index, part) in entry.value.split(separator: ",", omittingEmptySubsequences: false).enumerated() {
            let key: String, value: String
            if let eq = part.firstIndex(of: "=") {
                key = aliases[String(part[..<eq])] ?? String(part[..<eq])
                value = String(part[part.index(after: eq)...])
            } else if index == 0 {
                key = defaultKey
                value = String(part)
            } else if part.isEmpty {
                problem(entry.location, "\(entry.key): empty part in '\(Checks.shown(entry.value))'")
                return nil
            } else {
                problem(entry.location, "\(entry.key): '\(Checks.shown(String(part)))' must be written as key=value")
                return nil
            }
            if key.isEmpty {
                problem(entry.location, "\(entry.key): an option name is missing in '\(Checks.shown(entry.value))'")
                return nil
            }
            if !seen.insert(key).inserted {
                problem(entry.location, "\(entry.key): option '\(key)' is given twice")
                return nil
            }
            pairs.append((key, value))
        }
        return pairs
    }

    // MARK: Run

    mutating func run(_ read: AnswersEntries) -> Result<VMDraft, AnswersProblems> {
        problems = read.problems
        if read.fatal { return .failure(AnswersProblems(problems)) }
        if read.entries.isEmpty && problems.isEmpty {
            return .failure(AnswersProblems([AnswersProblem(location: "", message: "the answers file holds no settings")]))
        }

        // JSON answers are answers to the wizard: they start from the VM the wizard proposes, with its default
        // disk and NIC. A config file is a whole VM: what it leaves out means what it means to Proxmox.
        if isJSON {
            draft = VMDraft.fresh
            diskOrigins = [""]
            nicOrigins = [""]
        }

        // Sort the keys: what the wizard handles by key, what it drops, what it does not support.
        var byKey: [String: AnswersEntry] = [:]
        var disks: [(DiskSlot, AnswersEntry)] = []
        var nics: [(Int, AnswersEntry)] = []
        var serials: [AnswersEntry] = []
        var ipconfigs: [(Int, AnswersEntry)] = []
        var keptEntries: [AnswersEntry] = []
        var deviceEntries: [AnswersEntry] = []
        var removed = Set<String>()
        var firstSeen: [String: String] = [:]
        for entry in read.entries {
            if let first = firstSeen[entry.key] {
                problem(entry.location, "key '\(entry.key)' appears again (first at \(first))")
                continue
            }
            firstSeen[entry.key] = entry.location
            keyLocations[entry.key] = entry.location
            let (familyName, index) = AnswersKeys.family(entry.key)
            if entry.isNull {
                let device = DiskSlot(configKey: entry.key) != nil || ["cdrom", "efidisk0", "tpmstate0"].contains(entry.key)
                    || (familyName == "net" && index.map { (0..<VMModel.maxNICs).contains($0) } == true)
                if device {
                    removed.insert(entry.key == "cdrom" ? "ide2" : entry.key)
                } else {
                    problem(entry.location, "null removes a device (a disk, netN, ide2, efidisk0 or tpmstate0); for '\(entry.key)' leave the key out to use the wizard's default")
                }
                continue
            }
            if AnswersKeys.handled.contains(entry.key) {
                byKey[entry.key] = entry
            } else if AnswersKeys.dropped.contains(entry.key) || (familyName == "unused" && index != nil) {
                if AnswersKeys.droppedWithNote.contains(entry.key) || familyName == "unused" { draft.dropped.append(entry.key) }
                continue
            } else if let slot = DiskSlot(configKey: entry.key) {
                disks.append((slot, entry))
            } else if familyName == "net", let index, (0..<VMModel.maxNICs).contains(index), entry.key == "net\(index)" {
                nics.append((index, entry))
            } else if familyName == "serial", let index, (0...3).contains(index) {
                serials.append(entry)
            } else if familyName == "ipconfig", let index, (0..<VMModel.maxNICs).contains(index), entry.key == "ipconfig\(index)" {
                ipconfigs.append((index, entry))
            } else if familyName == "hostpci" || familyName == "usb", index != nil, PVESchema.knows(entry.key) {
                deviceEntries.append(entry)
            } else if PVESchema.knows(entry.key) && !AnswersKeys.neverKept.contains(entry.key) {
                keptEntries.append(entry)
            } else if AnswersKeys.otherProxmoxKeys.contains(familyName) || AnswersKeys.otherProxmoxKeys.contains(entry.key) {
                problem(entry.location, "key '\(entry.key)' is not supported by vmwizard")
            } else {
                problem(entry.location, "unknown key '\(entry.key)'")
            }
        }

        if !isJSON, byKey["template"] != nil { draft.dropped.append("template") }
        for section in read.sections {
            draft.dropped.append(section == "PENDING" ? "[PENDING]" : section.hasPrefix("special:") ? "[\(section)]" : "snapshot \(section)")
        }
        general(byKey)
        let cloudInitDrive = takeCloudInitDrive(&disks)
        operatingSystem(byKey, disks: &disks, removed: removed, cloudInitSlot: cloudInitDrive?.0)
        system(byKey, serials: serials, removed: removed)
        processor(byKey)
        memory(byKey)
        if isJSON {
            // The wizard's default disk sits in the slot the OS defaults give it; a key for that slot replaces it,
            // null removes it. The default NIC is net0, likewise.
            let defaultSlot = VMModel(draft: draft, host: host).diskSlots.first ?? nil
            if let defaultSlot, removed.contains(defaultSlot.configKey) || disks.contains(where: { $0.0 == defaultSlot }) {
                draft.disks.removeFirst()
                diskOrigins.removeFirst()
            }
            if removed.contains("net0") || nics.contains(where: { $0.0 == 0 }) {
                draft.nics.removeFirst()
                nicOrigins.removeFirst()
            }
        }
        for (slot, entry) in disks.sorted(by: { $0.0 < $1.0 }) { disk(entry, slot: slot) }
        for (index, entry) in nics.sorted(by: { $0.0 < $1.0 }) { nic(entry, number: index) }
        for entry in deviceEntries.sorted(by: { Self.deviceOrder($0.key) < Self.deviceOrder($1.key) }) { device(entry) }
        if let entry = byKey["start"] { flag(.start, entry.value, what: "start", at: entry.location) }
        if let entry = byKey["template"], isJSON { flag(.template, entry.value, what: "template", at: entry.location) }
        if let (slot, entry) = cloudInitDrive { cloudInit(entry, slot: slot) }
        cloudInitSettings(byKey)
        for (number, entry) in ipconfigs.sorted(by: { $0.0 < $1.0 }) { ipconfig(entry, number: number) }
        cloudImageMedia(cloudInitSlot: cloudInitDrive?.0)
        for entry in keptEntries { keepWhole(entry) }

        checkAgainstModel()
        if problems.isEmpty { return .success(draft) }
        return .failure(AnswersProblems(ordered(problems, read.entries)))
    }

    /// The draft as far as the file could be read, even with problems (nil when its syntax could not be read).
    var partialDraft: VMDraft? { problems.contains { $0.location.hasPrefix("line ") && $0.message.hasPrefix("invalid JSON") } ? nil : draft }

    /// Problems in file order (line by line, key by key), duplicates removed.
    private func ordered(_ problems: [AnswersProblem], _ entries: [AnswersEntry]) -> [AnswersProblem] {
        var rank: [String: Int] = [:]
        for (index, entry) in entries.enumerated() where rank[entry.location] == nil { rank[entry.location] = index }
        func key(_ problem: AnswersProblem) -> Int {
            if let rank = rank[problem.location] { return rank }
            if problem.location.hasPrefix("line "), let line = Int(problem.location.dropFirst(5)) {
                // Malformed lines never became entries: place them among their neighbours by line number.
                return entries.firstIndex { entryLine($0) > line } ?? entries.count
            }
            return entries.count
        }
        var seen = Set<AnswersProblem>()
        let unique = problems.filter { seen.insert($0).inserted }
        return unique.enumerated().sorted { left, right in
            let (a, b) = (key(left.element), key(right.element))
            return a != b ? a < b : left.offset < right.offset
        }.map(\.element)
    }

    private func entryLine(_ entry: AnswersEntry) -> Int {
        entry.location.hasPrefix("line ") ? Int(entry.location.dropFirst(5)) ?? 0 : 0
    }

    // MARK: General

    private mutating func general(_ keys: [String: AnswersEntry]) {
        for (key, id) in [("vmid", FieldID.vmid), ("name", .name), ("pool", .pool), ("tags", .tags), ("description", .description)] {
            if let entry = keys[key] { set(id, entry.value, at: entry.location) }
        }
        if let entry = keys["ha-managed"] { flag(.haManaged, entry.value, what: "ha-managed", at: entry.location) }
        if let entry = keys["arch"] {
            if GuestArch(rawValue: entry.value) != nil {
                set(.arch, entry.value, at: entry.location)
            } else {
                problem(entry.location, "arch '\(Checks.shown(entry.value))' is not a vCPU architecture (x86_64 or aarch64)")
            }
        }
        if let entry = keys["onboot"] { flag(.onboot, entry.value, what: "onboot", at: entry.location) }
        if let entry = keys["startup"] { startup(entry) }
    }

    /// `[order=]N[,up=N][,down=N]`.
    /// `[order=]N[,up=N][,down=N]`, read as Proxmox reads it (blank parts skipped, a later part wins).
    private mutating func startup(_ entry: AnswersEntry) {
        guard let startup = PVEFormat.startupOrder(entry.value) else {
            problem(entry.location, "startup '\(Checks.shown(entry.value))' is not a start order (like order=1,up=30,down=60; numbers only, no spaces)")
            return
        }
        set(.startupOrder, startup.order ?? "", at: entry.location)
        set(.startupUp, startup.up ?? "", at: entry.location)
        set(.startupDown, startup.down ?? "", at: entry.location)
    }

    // MARK: OS

    private mutating func operatingSystem(_ keys: [String: AnswersEntry], disks: inout [(DiskSlot, AnswersEntry)], removed: Set<String>,
                                          cloudInitSlot: DiskSlot?) {
        if let entry = keys["ostype"] {
            if let base = OSBase.of(ostype: entry.value) {
                set(.osBase, base.rawValue, at: entry.location)
                set(.ostype, entry.value, at: entry.location)
            } else if ["w2k3", "wvista"].contains(entry.value) {
                problem(entry.location, "ostype '\(entry.value)' is not offered by vmwizard (use w2k8 or wxp)")
            } else {
                let all = OSBase.allCases.flatMap { $0.versions.map(\.value) }.joined(separator: ", ")
                problem(entry.location, "ostype '\(Checks.shown(entry.value))' is not an OS type (one of: \(all))")
            }
        }

        // The install CD: ide2, scsi2 for ARM guests (or the create call's cdrom alias, which is ide2).
        let cdSlot = VMModel(draft: draft, host: host).installCDSlot
        var installCD = keys["cdrom"]
        if let alias = installCD, cdSlot.bus != .ide {
            problem(alias.location, Issue.stricter(
                "cdrom is the CD drive ide2, which an ARM (64-bit) guest does not have: give the install CD as \(cdSlot.configKey)",
                "the VM does not start").phrase)
            installCD = nil
        }
        if let index = disks.firstIndex(where: { $0.0 == cdSlot }) {
            let entry = disks.remove(at: index).1
            if let alias = installCD {
                problem(entry.location, "\(cdSlot.configKey) and cdrom both give the install CD (cdrom at \(alias.location))")
            }
            installCD = entry
        }
        // A config file without ide2 has no CD drive; JSON without it keeps the wizard's install media, and
        // `"ide2": null` removes the drive. A broken entry is reported once, not again as a missing ISO.
        // A cloud-init drive in the CD's slot leaves no CD drive.
        let cdRemoved = removed.contains(cdSlot.configKey) || cloudInitSlot == cdSlot
        if cdRemoved {
            set(.media, "omit", at: keys["cdrom"]?.location ?? "")
        } else if !isJSON || installCD != nil {
            set(.media, isJSON ? "none" : "omit", at: installCD?.location ?? "", given: false)
        }
        if let entry = installCD { cdrom(entry, media: .install) }
        installMediaGiven = installCD != nil || cdRemoved

        // A CD on ide0 is the VirtIO drivers CD; a disk on ide0 stays a disk.
        if let index = disks.firstIndex(where: { $0.0 == .driverCD }), isCDROM(disks[index].1) {
            let entry = disks.remove(at: index).1
            cdrom(entry, media: .drivers)
        } else if !isJSON || removed.contains("ide0") {
            set(.virtioAdd, "0", at: "", given: false)
        }
        // Every other CD drive is carried over as it is.
        let otherCDs = disks.filter { isCDROM($0.1) }
        disks.removeAll { isCDROM($0.1) }
        for (_, entry) in otherCDs { keepWhole(entry) }
    }

    private func isCDROM(_ entry: AnswersEntry) -> Bool {
        entry.key == "cdrom" || entry.value.split(separator: ",").contains { $0 == "media=cdrom" }
    }

    private enum CDRole { case install, drivers }

    private mutating func cdrom(_ entry: AnswersEntry, media role: CDRole) {
        guard let pairs = properties(entry, defaultKey: "file", aliases: ["volume": "file"]) else { return }
        var file: String?
        var isCD = entry.key == "cdrom"
        for (key, value) in pairs {
            switch key {
            case "file": file = value
            case "media":
                if value == "cdrom" { isCD = true } else if value != "disk" {
                    problem(entry.location, "\(entry.key): media must be cdrom or disk, not '\(Checks.shown(value))'")
                    return
                }
            case "size": break  // a CD's size is the ISO's
            default:
                if AnswersKeys.diskHandled.contains(key) || AnswersKeys.diskUnsupported.contains(key) {
                    problem(entry.location, "\(entry.key): option '\(key)' on a CD drive is not supported by vmwizard")
                } else {
                    problem(entry.location, "\(entry.key): unknown option '\(key)'")
                }
            }
        }
        guard isCD else {
            problem(entry.location, "\(entry.key) is the install CD drive in vmwizard: a disk on \(entry.key) is not supported (add media=cdrom if this is a CD)")
            return
        }
        guard let file, !file.isEmpty else {
            problem(entry.location, "\(entry.key): the CD has no ISO image, 'cdrom' or 'none'")
            return
        }
        switch role {
        case .install:
            if file.hasPrefix("/") {
                set(.media, "cdrom", at: entry.location)
                set(.cdromDevice, file, at: entry.location)
                return
            }
            switch file {
            case "cdrom", "none": set(.media, file, at: entry.location)
            default:
                set(.media, "iso", at: entry.location)
                set(.isoStorage, String(file.prefix { $0 != ":" }), at: entry.location)
                set(.isoImage, file, at: entry.location)
            }
        case .drivers:
            guard !["cdrom", "none"].contains(file) else {
                problem(entry.location, "ide0 as a CD is the VirtIO drivers CD: give its ISO image, not '\(file)'")
                return
            }
            // The OS as the wizard sees it: written, or inferred (in JSON) from the install ISO's name.
            guard OSDefaults.isWindows(VMModel(draft: draft, host: host).value(.ostype)) else {
                // The wizard's ide0 CD is the VirtIO drivers CD of a Windows guest; any other one is kept as it is.
                set(.virtioAdd, "0", at: "", given: false)
                keepWhole(entry)
                return
            }
            set(.virtioAdd, "1", at: entry.location)
            set(.virtioStorage, String(file.prefix { $0 != ":" }), at: entry.location)
            set(.virtioImage, file, at: entry.location)
        }
    }

    // MARK: System

    private mutating func system(_ keys: [String: AnswersEntry], serials: [AnswersEntry], removed: Set<String>) {
        var vgaType = ""
        if let entry = keys["vga"], let pairs = properties(entry, defaultKey: "type") {
            for (key, value) in pairs {
                switch key {
                case "type":
                    let known = PVESchema.enumValues(format: "anonymous:vga", key: "type")
                    if value.isEmpty || !known.contains(value) {
                        problem(entry.location, "vga type '\(Checks.shown(value))' is not a display type Proxmox knows")
                    } else {
                        vgaType = value
                        set(.vga, value, at: entry.location)
                    }
                default: break
                }
            }
            keepOptions(entry, pairs.filter { $0.key != "type" })
        }
        for entry in serials where !(entry.key == vgaType && entry.value == "socket") { keepWhole(entry) }

        if let entry = keys["machine"], let pairs = properties(entry, defaultKey: "type") {
            for (key, value) in pairs {
                switch key {
                case "type":
                    let arm = VMModel(draft: draft, host: host).guestArch == .aarch64
                    if let machine = Self.machineChoice(value) {
                        // On ARM an x86 machine stays visible as such, for validation to refuse.
                        set(.machine, arm && machine.isEmpty ? "pc" : machine, at: entry.location)
                    } else if Self.isVirtMachine(value) {
                        if arm {
                            set(.machine, "", at: entry.location)
                        } else {
                            problem(entry.location, Issue.stricter(
                                "machine '\(Checks.shown(value))' is the ARM machine: it needs arch: aarch64", "QEMU refuses to start it").phrase)
                        }
                    } else {
                        problem(entry.location, "machine '\(Checks.shown(value))' is not a machine type (q35, pc or a versioned pc-q35-*/pc-i440fx-*)")
                    }
                case "viommu":
                    if ["intel", "virtio"].contains(value) {
                        set(.viommu, value, at: entry.location)
                    } else {
                        problem(entry.location, "machine: viommu must be intel or virtio, not '\(Checks.shown(value))'")
                    }
                case "aw-bits":
                    if pairs.contains(where: { $0.key == "viommu" }) {
                        set(.awBits, value, at: entry.location)
                    } else {
                        problem(entry.location, "machine: aw-bits needs a viommu (Proxmox refuses aw-bits without a vIOMMU)")
                    }
                default: break
                }
            }
            keepOptions(entry, pairs.filter { !["type", "viommu", "aw-bits"].contains($0.key) })
        } else if keys["machine"] == nil, !isJSON {
            set(.machine, "", at: "", given: false)
        }

        if let entry = keys["bios"] {
            if ["seabios", "ovmf"].contains(entry.value) {
                set(.bios, entry.value, at: entry.location)
            } else {
                problem(entry.location, "bios must be seabios or ovmf, not '\(Checks.shown(entry.value))'")
            }
        } else if !isJSON {
            set(.bios, "", at: "", given: false)
        }
        // In JSON the firmware left out is the wizard's choice for the OS.
        let ovmf = draft.values[FieldID.bios.rawValue].map { $0 == "ovmf" } ?? VMModel(draft: draft, host: host).usesOVMF

        if let entry = keys["efidisk0"] {
            if ovmf {
                efiDisk(entry)
            } else {
                problem(entry.location, Issue.stricter(
                    "efidisk0 needs bios: ovmf: an EFI disk is only used with UEFI firmware",
                    "never uses the EFI disk with SeaBIOS").phrase)
            }
        } else if (ovmf && !isJSON) || removed.contains("efidisk0") {
            set(.efiAdd, "0", at: "", given: false)
        }

        if let entry = keys["scsihw"] {
            let offered = OptionCatalog.scsiControllers.map(\.value).filter { !$0.isEmpty }
            if offered.contains(entry.value) {
                set(.scsihw, entry.value, at: entry.location)
            } else {
                problem(entry.location, "scsihw '\(Checks.shown(entry.value))' is not a SCSI controller (one of: \(offered.joined(separator: ", ")))")
            }
        } else if !isJSON {
            set(.scsihw, "", at: "", given: false)
        }

        if let entry = keys["agent"], let pairs = properties(entry, defaultKey: "enabled") {
            for (key, value) in pairs {
                switch key {
                case "enabled": flag(.agent, value, what: "agent", at: entry.location)
                default: break
                }
            }
            keepOptions(entry, pairs.filter { $0.key != "enabled" })
        }

        if let entry = keys["tpmstate0"] {
            tpmState(entry)
        } else if !isJSON || removed.contains("tpmstate0") {
            set(.tpmAdd, "0", at: "", given: false)
        }
        if keys["agent"] == nil, !isJSON { set(.agent, "0", at: "", given: false) }
    }

    /// ARM's `virt`, plain or versioned (`virt-10.0`, `virt-10.0+pve1`).
    static func isVirtMachine(_ type: String) -> Bool {
        type == "virt" || (type.hasPrefix("virt-") && isMachineVersion(type.dropFirst(5)))
    }

    /// The wizard's machine choice for a Proxmox machine type: q35 or the i440fx default, versions dropped.
    static func machineChoice(_ type: String) -> String? {
        let versioned = isMachineVersion
        if type == "q35" { return "q35" }
        if type == "pc" { return "" }
        if type.hasPrefix("pc-q35-"), versioned(type.dropFirst(7)) { return "q35" }
        if type.hasPrefix("pc-i440fx-"), versioned(type.dropFirst(10)) { return "" }
        if type.hasPrefix("pc-"), versioned(type.dropFirst(3)) { return "" }
        return nil
    }

    /// A machine version: 9.2, 9.2+pve1, 9.2.pxe.
    static func isMachineVersion(_ rest: Substring) -> Bool {
        var text = rest
        if text.hasSuffix(".pxe") { text = text.dropLast(4) }
        if let plus = text.firstIndex(of: "+") {
            let pve = text[text.index(after: plus)...]
            guard pve.hasPrefix("pve"), pve.count > 3, pve.dropFirst(3).allSatisfy(\.isASCIIDigit) else { return false }
            text = text[..<plus]
        }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count >= 2 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }
    }

    /// A drive's storage and format: `STORAGE:SIZE` in JSON, an existing volume in a config file.
    private struct Volume {
        var storage: String
        var format: String?
        /// The existing volume an answers file picks on an iSCSI storage.
        var picked: String?
    }

    /// The storage (and, for file storages, the format) of a config file's volume.
    private mutating func existingVolume(_ file: String, _ entry: AnswersEntry) -> Volume? {
        if file.hasPrefix("/") {
            problem(entry.location, "\(entry.key): '\(Checks.shown(file))' is a device or file path; vmwizard creates disks on a storage")
            return nil
        }
        guard let colon = file.firstIndex(of: ":"), PVEFormat.storageID(String(file[..<colon])) == nil,
              file.index(after: colon) < file.endIndex else {
            problem(entry.location, "\(entry.key): '\(Checks.shown(file))' is not a volume (storage:volume)")
            return nil
        }
        let name = file[file.index(after: colon)...]
        let ext = name.contains(".") ? String(name.split(separator: ".").last ?? "") : ""
        return Volume(storage: String(file[..<colon]), format: ["raw", "qcow2", "vmdk"].contains(ext) ? ext : nil)
    }

    /// The storage of a drive's volume when that storage hands out existing volumes (iSCSI) and the volume is
    /// not a `STORAGE:SIZE` request.
    private func pickedStorage(_ file: String) -> String? {
        guard let colon = file.firstIndex(of: ":"), let storage = host.storage(String(file[..<colon])),
              storage.selectsExistingVolumes, !PVEFormat.isPlainDecimal(String(file[file.index(after: colon)...]), maxDecimals: 30)
        else { return nil }
        return storage.id
    }

    /// `STORAGE:SIZE` of the create call; `size` nil for the small EFI/TPM volumes whose size is ignored.
    private mutating func allocation(_ file: String, _ entry: AnswersEntry) -> (storage: String, size: String)? {
        guard let colon = file.firstIndex(of: ":") else {
            problem(entry.location, "\(entry.key): '\(Checks.shown(file))' needs the storage: STORAGE:SIZE_GiB")
            return nil
        }
        let storage = String(file[..<colon]), size = String(file[file.index(after: colon)...])
        guard PVEFormat.isPlainDecimal(size, maxDecimals: 12) else {
            problem(entry.location, "\(entry.key): '\(Checks.shown(file))' is an existing volume or path; vmwizard creates new disks: write STORAGE:SIZE_GiB (or STORAGE:0,import-from=SOURCE)")
            return nil
        }
        return (storage, size)
    }

    /// The volume of an EFI or TPM drive: `STORAGE:1` in JSON (the size is ignored), an existing volume in a
    /// config file; `format=` overrides what the volume name says.
    private mutating func smallVolume(_ entry: AnswersEntry, _ pairs: [(key: String, value: String)]) -> Volume? {
        let values = Dictionary(pairs.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
        guard let file = values["file"], !file.isEmpty else {
            problem(entry.location, "\(entry.key) names no storage")
            return nil
        }
        if let store = pickedStorage(file) { return Volume(storage: store, format: nil, picked: isJSON ? file : nil) }
        var volume = isJSON ? allocation(file, entry).map { Volume(storage: $0.storage, format: nil) } : existingVolume(file, entry)
        if let format = values["format"] { volume?.format = format }
        return volume
    }

    private mutating func efiDisk(_ entry: AnswersEntry) {
        guard let pairs = properties(entry, defaultKey: "file", aliases: ["volume": "file"]) else { return }
        var keys = "0"
        var efitype = "2m"  // Proxmox's default when none is given
        for (key, value) in pairs {
            switch key {
            case "file", "format": break
            case "pre-enrolled-keys":
                guard let flag = Self.boolean(value) else {
                    problem(entry.location, "efidisk0: pre-enrolled-keys must be a boolean, not '\(Checks.shown(value))'")
                    return
                }
                keys = flag
            // A new EFI disk always gets the 4m layout and the current certificates; its size is fixed.
            case "efitype":
                if !["2m", "4m"].contains(value) {
                    problem(entry.location, "efidisk0: efitype must be 2m or 4m, not '\(Checks.shown(value))'")
                }
                efitype = value
            case "ms-cert", "size": break
            case "import-from":
                problem(entry.location, "efidisk0: option 'import-from' is not supported by vmwizard")
            default:
                problem(entry.location, "efidisk0: unknown option '\(key)'")
            }
        }
        guard let volume = smallVolume(entry, pairs) else { return }
        set(.efiAdd, "1", at: entry.location)
        set(.efiStorage, volume.storage, at: entry.location)
        if let picked = volume.picked { set(.efiVolume, picked, at: entry.location) }
        set(.efiKeys, keys, at: entry.location)
        set(.efiType, efitype, at: entry.location)
        if let format = volume.format { set(.efiFormat, format, at: entry.location, given: false) }
    }

    private mutating func tpmState(_ entry: AnswersEntry) {
        guard let pairs = properties(entry, defaultKey: "file", aliases: ["volume": "file"]) else { return }
        var version = "v1.2"  // Proxmox's default when none is given
        for (key, value) in pairs {
            switch key {
            case "file", "format", "size": break
            case "version":
                guard ["v1.2", "v2.0"].contains(value) else {
                    problem(entry.location, "tpmstate0: version must be v1.2 or v2.0, not '\(Checks.shown(value))'")
                    return
                }
                version = value
            case "import-from":
                problem(entry.location, "tpmstate0: option 'import-from' is not supported by vmwizard")
            default:
                problem(entry.location, "tpmstate0: unknown option '\(key)'")
            }
        }
        guard let volume = smallVolume(entry, pairs) else { return }
        set(.tpmAdd, "1", at: entry.location)
        set(.tpmStorage, volume.storage, at: entry.location)
        if let picked = volume.picked { set(.tpmVolume, picked, at: entry.location) }
        set(.tpmVersion, version, at: entry.location)
        if let format = volume.format { set(.tpmFormat, format, at: entry.location, given: false) }
    }

    // MARK: Disks

    private static let bandwidth: [String: FieldID] = [
        "mbps_rd": .diskMbpsRd, "mbps_wr": .diskMbpsWr, "iops_rd": .diskIopsRd, "iops_wr": .diskIopsWr,
        "mbps_rd_max": .diskMbpsRdMax, "mbps_wr_max": .diskMbpsWrMax, "iops_rd_max": .diskIopsRdMax,
        "iops_wr_max": .diskIopsWrMax,
    ]

    private mutating func disk(_ entry: AnswersEntry, slot: DiskSlot) {
        guard let pairs = properties(entry, defaultKey: "file", aliases: ["volume": "file"]) else { return }
        let notOnBus = AnswersKeys.missingOnBus(slot.bus)
        var ok = true
        var extra: [(key: String, value: String)] = []
        for (key, value) in pairs {
            if notOnBus.contains(key) {
                problem(entry.location, "\(entry.key): option '\(key)' does not exist on the \(slot.bus.label) bus")
                ok = false
            } else if key == "import-from" && !isJSON {
                problem(entry.location, "\(entry.key): option 'import-from' belongs in a JSON answers file, not a config file")
                ok = false
            } else if ["bps", "bps_rd", "bps_wr"].contains(key) {
                // Proxmox's legacy bytes-per-second keys: its parser turns any of them into m…=0.000.
                problem(entry.location, Issue.stricter(
                    "\(entry.key): \(key)= is Proxmox's legacy limit in bytes/s; write m\(key)= in MB/s",
                    "turns any \(key) value into m\(key)=0.000, which is no limit at all").phrase)
                ok = false
            } else if !AnswersKeys.diskHandled.contains(key) {
                extra.append((key, value))
            }
        }
        guard ok else { return }
        let values = Dictionary(pairs.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
        guard let file = values["file"], !file.isEmpty else {
            problem(entry.location, "\(entry.key) names no storage or volume")
            return
        }
        // A device or file path is not a disk vmwizard creates: it is carried over as it is (Proxmox's checks).
        if file.hasPrefix("/") {
            guard file.hasPrefix("/dev/") else {
                problem(entry.location, "\(entry.key): '\(Checks.shown(file))' is not a device: Proxmox takes a path only under /dev (a file belongs on a storage)")
                return
            }
            keepWhole(entry)
            return
        }
        guard let extraOptions = keptOptions(entry, extra) else { return }

        var storage: String, size: String?, importFrom: String?, format = values["format"], volume: String?
        if let store = pickedStorage(file) {
            // A storage that hands out existing volumes (iSCSI): JSON picks the LUN; a config file's LUN belongs
            // to the VM it came from, so the new VM's is picked anew.
            storage = store
            if isJSON { volume = file }
            if values["import-from"] != nil {
                problem(entry.location, "\(entry.key): storage '\(store)' hands out existing volumes; nothing can be imported onto it")
                return
            }
            if let given = format, given != "raw" {
                problem(entry.location, "\(entry.key): format '\(Checks.shown(given))' differs from the volume's format raw (Proxmox refuses that)")
                return
            }
        } else if isJSON {
            guard let alloc = allocation(file, entry) else { return }
            storage = alloc.storage
            if let source = values["import-from"] {
                // The wizard's size of an imported disk: grow it to this after the import (0: keep the image's).
                importFrom = source
                size = Double(alloc.size) == 0 ? "" : alloc.size
            } else {
                size = alloc.size
                if let given = values["size"], let gib = gibibytes(given, entry),
                   DiskSize.kibibytes(fromField: gib) != DiskSize.kibibytes(fromField: alloc.size) {
                    problem(entry.location, "\(entry.key): size=\(given) contradicts the size \(alloc.size) GiB in '\(file)'")
                    return
                }
            }
        } else {
            guard let volume = existingVolume(file, entry) else { return }
            storage = volume.storage
            format = format ?? volume.format
            guard let given = values["size"] else {
                problem(entry.location, "\(entry.key) has no size=: the new disk's size is unknown")
                return
            }
            guard let gib = gibibytes(given, entry) else { return }
            size = gib
        }
        // A format left out is the storage's default (Proxmox's meaning), not the wizard's preferred qcow2.
        if format == nil, let info = host.storage(storage), info.formats.count > 1 { format = info.defaultFormat }

        let item = draft.disks.count
        draft.disks.append(ItemDraft())
        draft.disks[item].keptOptions = extraOptions
        diskOrigins.append(entry.location)
        let at = entry.location
        set(.diskBus, item: item, slot.bus.rawValue, at: at)
        set(.diskDevice, item: item, String(slot.number), at: at)
        set(.diskStorage, item: item, storage, at: at)
        if let size { set(.diskSize, item: item, size, at: at) }
        if let importFrom { set(.diskImport, item: item, importFrom, at: at) }
        if let volume { set(.diskVolume, item: item, volume, at: at) }
        if let format { set(.diskFormat, item: item, format, at: at, given: false) }
        set(.diskIothread, item: item, "0", at: at, given: false)
        for (key, value) in pairs {
            switch key {
            case "cache", "aio":
                let id: FieldID = key == "cache" ? .diskCache : .diskAIO
                let offered = offered(id)
                if value.isEmpty || !offered.contains(value) {
                    problem(at, "\(entry.key): \(key) '\(Checks.shown(value))' is not one of \(offered.filter { !$0.isEmpty }.joined(separator: ", "))")
                } else {
                    set(id, item: item, value, at: at)
                }
            case "discard":
                switch value {
                case "on": set(.diskDiscard, item: item, "1", at: at)
                case "ignore": set(.diskDiscard, item: item, "0", at: at)
                default: problem(at, "\(entry.key): discard must be on or ignore, not '\(Checks.shown(value))'")
                }
            case "iothread": flag(.diskIothread, item: item, value, what: "\(entry.key) iothread", at: at)
            case "ssd": flag(.diskSSD, item: item, value, what: "\(entry.key) ssd", at: at)
            case "ro": flag(.diskReadOnly, item: item, value, what: "\(entry.key) ro", at: at)
            case "backup": flag(.diskBackup, item: item, value, what: "\(entry.key) backup", at: at)
            case "replicate":
                // The wizard's box is "Skip replication".
                guard let on = Self.boolean(value) else {
                    problem(at, "\(entry.key) replicate must be a boolean (1/0, on/off, yes/no, true/false), not '\(Checks.shown(value))'")
                    continue
                }
                set(.diskReplicate, item: item, on == "1" ? "0" : "1", at: at)
            case "media":
                if value != "disk" { problem(at, "\(entry.key): media must be disk or cdrom, not '\(Checks.shown(value))'") }
            default:
                if let id = Self.bandwidth[key] { set(id, item: item, value, at: at) }
            }
        }
    }

    /// A Proxmox disk size (`32G`, `512M`, `1.5T`, bytes without a unit) as GiB with at most 3 decimals.
    private mutating func gibibytes(_ text: String, _ entry: AnswersEntry) -> String? {
        let result = Self.gibibytes(text)
        switch result {
        case .success(let gib): return gib
        case .failure(let problem):
            self.problem(entry.location, "\(entry.key): \(problem.message)")
            return nil
        }
    }

    static func gibibytes(_ text: String) -> Result<String, AnswersProblem> {
        // A size as Proxmox writes it: the field keeps GiB where that is short, else the size with its unit.
        guard let bytes = DiskSize.bytes(fromProxmox: text) else {
            return .failure(AnswersProblem(location: "", message: "size '\(Checks.shown(text))' is not a disk size (like 32G, 512M, 1049K)"))
        }
        return .success(DiskSize.fieldText(kib: (bytes + 1023) / 1024))
    }

    // MARK: CPU and memory

    private mutating func processor(_ keys: [String: AnswersEntry]) {
        // What a config file leaves out is Proxmox's default, where that differs from the wizard's.
        if !isJSON {
            if keys["cpu"] == nil {
                // Proxmox's default CPU: with KVM kvm64 (x86) or the host's (ARM); emulated qemu64 or max.
                let vm = VMModel(draft: draft, host: host)
                let cpu = vm.guestArch == .aarch64 ? vm.guestArch.defaultCPU(native: vm.isNativeArch)
                    : (vm.isNativeArch ? "kvm64" : "qemu64")
                set(.cpuType, cpu, at: "", given: false)
            }
            if keys["ostype"] == nil { set(.ostype, "other", at: "", given: false); set(.osBase, "other", at: "", given: false) }
        }
        for (key, id) in [("sockets", FieldID.sockets), ("cores", .cores), ("vcpus", .vcpus), ("cpulimit", .cpulimit),
                          ("cpuunits", .cpuunits), ("affinity", .affinity)] {
            if let entry = keys[key] { set(id, entry.value, at: entry.location) }
        }
        if let entry = keys["numa"] { flag(.numa, entry.value, what: "numa", at: entry.location) }
        if let entry = keys["cpu"], let pairs = properties(entry, defaultKey: "cputype") {
            for (key, value) in pairs {
                switch key {
                case "cputype": set(.cpuType, value, at: entry.location)
                case "flags": set(.cpuFlags, value, at: entry.location)
                default: break
                }
            }
            keepOptions(entry, pairs.filter { $0.key != "cputype" && $0.key != "flags" })
        }
    }

    private mutating func memory(_ keys: [String: AnswersEntry]) {
        if !isJSON, keys["memory"] == nil { set(.memory, "512", at: "", given: false) }
        if let entry = keys["memory"], let pairs = properties(entry, defaultKey: "current") {
            for (key, value) in pairs {
                if key == "current" {
                    set(.memory, value, at: entry.location)
                } else {
                    problem(entry.location, "memory: unknown option '\(key)'")
                }
            }
        }
        if let entry = keys["balloon"] {
            if entry.value == "0" {
                set(.balloonEnabled, "0", at: entry.location)
            } else {
                set(.balloonEnabled, "1", at: entry.location)
                set(.balloon, entry.value, at: entry.location)
            }
        }
        if let entry = keys["shares"] { set(.shares, entry.value, at: entry.location) }
        if let entry = keys["allow-ksm"] { flag(.allowKSM, entry.value, what: "allow-ksm", at: entry.location) }
    }

    // MARK: Network

    private mutating func nic(_ entry: AnswersEntry, number: Int) {
        var parts = entry.value.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        // `virtio=BC:24:…` is the model with its MAC address.
        if let first = parts.first, let eq = first.firstIndex(of: "="),
           AnswersKeys.nicModels.contains(String(first[..<eq])) {
            parts[0] = "model=\(first[..<eq]),macaddr=\(first[first.index(after: eq)...])"
        }
        let rewritten = AnswersEntry(key: entry.key, value: parts.joined(separator: ","), location: entry.location)
        guard let pairs = properties(rewritten, defaultKey: "model") else { return }
        guard let extraOptions = keptOptions(entry, pairs.filter { !AnswersKeys.nicHandled.contains($0.key) }) else { return }
        let item = draft.nics.count
        draft.nics.append(ItemDraft())
        draft.nics[item].keptOptions = extraOptions
        nicOrigins.append(entry.location)
        let at = entry.location
        set(.netIndex, item: item, String(number), at: at, given: false)
        // Sub-keys left out mean Proxmox's defaults: no firewall, and no bridge unless one is written.
        set(.netFirewall, item: item, "0", at: at, given: false)
        set(.netBridge, item: item, "", at: at, given: false)
        for (key, value) in pairs {
            switch key {
            case "model":
                if AnswersKeys.nicModels.contains(value) {
                    // Beyond the web UI's five, a model Proxmox knows is kept for this VM.
                    set(.netModel, item: item, value, at: at)
                } else {
                    problem(at, "\(entry.key): '\(Checks.shown(value))' is not a NIC model")
                }
            // A config file's MAC belongs to the old VM; an answers file asks for it.
            case "macaddr": if isJSON { set(.netMAC, item: item, value, at: at) }
            case "bridge": set(.netBridge, item: item, value, at: at)
            case "tag": set(.netTag, item: item, value, at: at)
            case "firewall": flag(.netFirewall, item: item, value, what: "\(entry.key) firewall", at: at)
            case "link_down": flag(.netLinkDown, item: item, value, what: "\(entry.key) link_down", at: at)
            case "mtu": set(.netMTU, item: item, value, at: at)
            case "rate": set(.netRate, item: item, value, at: at)
            case "queues": set(.netQueues, item: item, value, at: at)
            default: break
            }
        }
        if draft.nics[item].values[FieldID.netModel.rawValue] == nil, pairs.first(where: { $0.key == "model" }) == nil {
            problem(at, "\(entry.key) names no NIC model")
        }
    }

    // MARK: Passthrough

    /// hostpci before usb, each by number: the order the devices are listed (and numbered again) in.
    static func deviceOrder(_ key: String) -> (Int, Int) {
        let (family, index) = AnswersKeys.family(key)
        return (family == "hostpci" ? 0 : 1, index ?? 0)
    }

    /// A `hostpciN` or `usbN` becomes a device of the wizard's list; options it does not offer (romfile,
    /// vendor-id, …) stay with it, and a list of several host IDs (virtual functions) is kept as it is.
    private mutating func device(_ entry: AnswersEntry) {
        let value: String
        switch PVESchema.normalized(key: entry.key, value: entry.value) {
        case .success(let checked): value = checked
        case .failure(let reason):
            problem(entry.location, reason.phrase)
            return
        }
        guard let pairs = PVESchema.parts(key: entry.key, value: value) else { return }
        let isPCI = entry.key.hasPrefix("hostpci")
        if isPCI, pairs.contains(where: { $0.key == "host" && $0.value.contains(";") }) {
            keepWhole(entry)
            return
        }
        if isPCI, !pairs.contains(where: { $0.key == "host" || $0.key == "mapping" }) {
            problem(entry.location, "\(entry.key): give the device (host=) or a mapping (mapping=)")
            return
        }
        let item = draft.devices.count
        draft.devices.append(ItemDraft())
        deviceOrigins.append(entry.location)
        let at = entry.location
        var extra: [String] = []
        set(.devType, item: item, isPCI ? "pci" : "usb", at: at)
        for (key, text) in pairs {
            switch (isPCI, key) {
            case (true, "host"):
                set(.pciSource, item: item, "raw", at: at)
                let address = PassthroughInventory.normalizedAddress(text)
                if address.contains(".") {
                    set(.pciHost, item: item, address, at: at)
                } else {
                    // A slot without a function: every function of the device.
                    set(.pciHost, item: item, address + ".0", at: at)
                    set(.pciAllFunctions, item: item, "1", at: at)
                }
            case (true, "mapping"):
                set(.pciSource, item: item, "mapped", at: at)
                set(.pciMapping, item: item, text, at: at)
            case (true, "mdev"): set(.pciMdev, item: item, text, at: at)
            case (true, "x-vga"): set(.pciPrimaryGPU, item: item, text, at: at)
            case (true, "pcie"): set(.pciExpress, item: item, text, at: at)
            case (true, "rombar"): set(.pciROMBar, item: item, text, at: at)
            case (false, "host"):
                if text.lowercased() == "spice" {
                    set(.usbSource, item: item, "spice", at: at)
                } else if text.contains("-") {
                    set(.usbSource, item: item, "port", at: at)
                    set(.usbPort, item: item, text, at: at)
                } else {
                    set(.usbSource, item: item, "device", at: at)
                    set(.usbHost, item: item, text.lowercased().replacingOccurrences(of: "0x", with: ""), at: at)
                }
            case (false, "mapping"):
                set(.usbSource, item: item, "mapped", at: at)
                set(.usbMapping, item: item, text, at: at)
            case (false, "usb3"): set(.usb3, item: item, text, at: at, given: false)
            default: extra.append("\(key)=\(text)")
            }
        }
        if !isPCI, !pairs.contains(where: { $0.key == "usb3" }) { set(.usb3, item: item, "0", at: at, given: false) }
        draft.devices[item].keptOptions = extra.joined(separator: ",")
    }

    // MARK: After import

    /// Validation of the imported model, each error placed at the line or key it came from; and values the file
    /// gave that the wizard would not use with the other settings.
    // MARK: Cloud-init

    /// Takes the cloud-init drive out of the disks: `STORAGE:cloudinit` in JSON, the drive's volume
    /// (`vm-ID-cloudinit`) in a config file, which becomes a new drive on the same storage.
    private mutating func takeCloudInitDrive(_ disks: inout [(DiskSlot, AnswersEntry)]) -> (DiskSlot, AnswersEntry)? {
        let found = disks.enumerated().filter { _, disk in
            let file = disk.1.value.split(separator: ",").first.map(String.init) ?? ""
            guard let colon = file.firstIndex(of: ":") else { return false }
            let name = file[file.index(after: colon)...]
            return name == "cloudinit" || name.split(separator: "/").last.map { $0.hasPrefix("vm-") && ($0.hasSuffix("-cloudinit") || $0.contains("-cloudinit.")) } == true
        }
        guard let first = found.first else { return nil }
        for extra in found.dropFirst() {
            problem(extra.element.1.location, "\(extra.element.1.key): a VM has one cloud-init drive (the first is \(first.element.1.key))")
        }
        let offsets = Set(found.map(\.offset))
        disks = disks.enumerated().filter { !offsets.contains($0.offset) }.map(\.element)
        return first.element
    }

    private mutating func cloudInit(_ entry: AnswersEntry, slot: DiskSlot) {
        guard let pairs = properties(entry, defaultKey: "file", aliases: ["volume": "file"]) else { return }
        for (key, value) in pairs where !["file", "media", "format", "size"].contains(key) {
            problem(entry.location, "\(entry.key): option '\(key)=\(Checks.shown(value))' is not supported on the cloud-init drive")
        }
        let file = pairs.first { $0.key == "file" }?.value ?? ""
        set(.ciAdd, "1", at: entry.location)
        set(.ciStorage, String(file.prefix { $0 != ":" }), at: entry.location)
        set(.ciSlot, slot.configKey, at: entry.location, given: false)
    }

    private mutating func cloudInitSettings(_ keys: [String: AnswersEntry]) {
        for (key, id) in [("ciuser", FieldID.ciUser), ("nameserver", .nameserver), ("searchdomain", .searchdomain)] {
            if let entry = keys[key] { set(id, entry.value, at: entry.location) }
        }
        if let entry = keys["ciupgrade"] { flag(.ciUpgrade, entry.value, what: "ciupgrade", at: entry.location) }
        if let entry = keys["citype"] {
            if ["nocloud", "configdrive2", "opennebula"].contains(entry.value) {
                set(.citype, entry.value, at: entry.location)
            } else {
                problem(entry.location, "citype '\(Checks.shown(entry.value))' is not nocloud, configdrive2 or opennebula")
            }
        }
        if let entry = keys["cipassword"] {
            // Kept as Proxmox keeps it: a hash, made now if the file gives the clear text.
            if entry.value.isEmpty || PasswordHash.isHash(entry.value) {
                set(.ciPassword, entry.value, at: entry.location)
            } else if let hashed = PasswordHash.hash(entry.value) {
                set(.ciPassword, hashed, at: entry.location)
            } else {
                problem(entry.location, "cipassword could not be hashed by the system's crypt")
            }
        }
        if let entry = keys["sshkeys"] {
            // The API form is URL-encoded; a file may also give the keys as they are.
            let text = entry.value.contains("%") ? PercentEscapes.decode(entry.value) : entry.value
            let (keys, trouble) = SSHPublicKey.parseList(text)
            if let (line, reason) = trouble {
                problem(entry.location, Issue.stricter("sshkeys, key \(line): \(reason.phrase)",
                                                       "the guest cannot use a key it cannot read, so it would not let you in").phrase)
            } else {
                set(.ciSSHKeys, keys.map(\.line).joined(separator: "\n"), at: entry.location)
            }
        }
    }

    /// `ipconfigN`: the cloud-init addresses of netN.
    private mutating func ipconfig(_ entry: AnswersEntry, number: Int) {
        let numbers = VMModel(draft: draft, host: host).nicNumbers
        guard let item = numbers.firstIndex(of: number) else {
            problem(entry.location, Issue.stricter("\(entry.key) configures net\(number), which this VM does not have",
                                                   "ignores it; vmwizard drops nothing a file asks for without saying so").phrase)
            return
        }
        guard let pairs = properties(entry, defaultKey: "ip", aliases: [:]) else { return }
        let fields: [String: FieldID] = ["ip": .netIP, "gw": .netGW, "ip6": .netIP6, "gw6": .netGW6]
        // Proxmox's meaning of what is left out: no IPv4 setting at all when only IPv6 is given.
        set(.netIP, item: item, "", at: entry.location)
        for (key, value) in pairs {
            guard let id = fields[key] else {
                problem(entry.location, "\(entry.key): unknown option '\(key)' (ip, gw, ip6, gw6)")
                continue
            }
            set(id, item: item, value, at: entry.location)
        }
        if pairs.isEmpty { set(.netIP, item: item, "dhcp", at: entry.location) }
    }

    /// JSON answers that give no install CD but import an image as the first disk mean the wizard's "Cloud
    /// image" media; a cloud-init drive in the CD's slot leaves no CD drive either way.
    private mutating func cloudImageMedia(cloudInitSlot: DiskSlot?) {
        guard isJSON, let first = draft.disks.first, let source = first.values[FieldID.diskImport.rawValue], !source.isEmpty else { return }
        let cdSlot = VMModel(draft: draft, host: host).installCDSlot
        guard !installMediaGiven || cloudInitSlot == cdSlot else { return }
        set(.media, "cloud", at: diskOrigins.first ?? "", given: false)
        set(.cloudImage, source, at: diskOrigins.first ?? "", given: false)
        installMediaGiven = true
    }

    private mutating func checkAgainstModel() {
        let model = VMModel(draft: draft, host: host)
        for ref in explicit.sorted(by: { ($0.id.rawValue, $0.item ?? -1) < ($1.id.rawValue, $1.item ?? -1) }) {
            guard let spec = OptionCatalog.spec(ref.id), !model.isActive(spec, item: ref.item) else { continue }
            problem(origins[ref] ?? "", Issue.stricter(
                "\(spec.label) '\(Checks.shown(model.value(ref.id, item: ref.item)))' would have no effect: \(Self.inactiveReason(ref.id))",
                "ignores it; vmwizard drops nothing a file asks for without saying so").phrase)
        }
        for (field, storageField, item) in formatFields(model) {
            guard let format = model.userValue(field, item: item), !format.isEmpty else { continue }
            let storage = model.value(storageField, item: item)
            guard host.storage(storage) != nil else { continue }
            let formats = model.formats(ofStorage: storage)
            if !formats.contains(format) && !isJSON {
                // A template's format is the old volume's: the new disk takes what its storage offers.
                let key = item.flatMap { model.diskSlots.indices.contains($0) ? model.diskSlots[$0]?.configKey : nil } ?? (field == .efiFormat ? "efidisk0" : "tpmstate0")
                draft.dropped.append("\(key) format \(format) (storage '\(storage)' takes \(formats.joined(separator: ", ")))")
                if let item { draft.disks[item].values[field.rawValue] = nil } else { draft.values[field.rawValue] = nil }
            } else if !formats.contains(format) {
                problem(origins[FieldRef(field, item: item)] ?? "", Issue.stricter(
                    "format '\(format)' is not supported by storage '\(storage)' (supported: \(formats.joined(separator: ", ")))",
                    "allocating the disk then fails").phrase)
            }
        }
        let checked = VMModel(draft: draft, host: host)
        for issue in checked.issues() where issue.isError {
            if isJSON, !installMediaGiven, issue.field?.id == .isoImage {
                // The wizard's install media is an ISO image, and the answers named none.
                let cd = model.installCDSlot.configKey
                let location = "key '\(cd)'"
                problems.append(AnswersProblem(location: location, message:
                    "no install media given: the wizard's default is an ISO image, so name one in \(cd) (STORAGE:iso/FILE.iso,media=cdrom), or write \(cd) as none,media=cdrom, or set it to null for no CD drive"))
                continue
            }
            let place = issue.field == nil ? issue.configKey.flatMap { keyLocations[$0] } ?? "the file" : location(of: issue.field)
            problems.append(AnswersProblem(location: place, message: issue.phrase))
        }
    }

    private func formatFields(_ model: VMModel) -> [(FieldID, FieldID, Int?)] {
        var fields: [(FieldID, FieldID, Int?)] = model.draft.disks.indices.map { (.diskFormat, .diskStorage, $0) }
        if model.efiDiskActive { fields.append((.efiFormat, .efiStorage, nil)) }
        if model.tpmActive { fields.append((.tpmFormat, .tpmStorage, nil)) }
        return fields
    }

    private func location(of ref: FieldRef?) -> String {
        guard let ref else { return "" }
        if let origin = origins[ref], !origin.isEmpty { return origin }
        if let item = ref.item, let scope = OptionCatalog.spec(ref.id)?.scope {
            let items = scope == .disk ? diskOrigins : scope == .nic ? nicOrigins : deviceOrigins
            if items.indices.contains(item) { return items[item] }
        }
        return "field '\(OptionCatalog.spec(ref.id)?.label.description ?? ref.id.rawValue)'"
    }

    static func inactiveReason(_ id: FieldID) -> Phrase {
        switch id {
        case .netMTU: return "MTU applies only to VirtIO NICs"
        case .shares: return "shares apply only while ballooning is on and balloon is below memory"
        case .balloon: return "ballooning is off"
        case .diskIothread: return "IO thread works only on VirtIO Block and SCSI disks"
        case .diskSSD: return "SSD emulation does not exist on VirtIO Block disks"
        case .diskReadOnly: return "read-only works only on VirtIO Block and SCSI disks"
        case .ciUser, .ciPassword, .ciSSHKeys, .ciUpgrade, .nameserver, .searchdomain, .citype, .netIP, .netIP6:
            return "the VM has no cloud-init drive (add one: ide2: STORAGE:cloudinit)"
        case .netGW, .netGW6: return "a gateway needs a static address of its family"
        case .pciExpress: return "PCI-Express needs the q35 machine (QEMU has no PCIe bus on i440fx)"
        case .usb3: return "the xHCI controller of this machine and OS type makes every port USB 3 already"
        default: return "it does not apply with the other settings in this file"
        }
    }
}
