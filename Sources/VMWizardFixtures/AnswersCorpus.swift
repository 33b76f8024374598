import VMWizardCore

/// A small, fast, seeded random generator (SplitMix64): the same seed gives the same corpus on every machine.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64
    public init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    public mutating func chance(_ probability: Double) -> Bool { Double.random(in: 0..<1, using: &self) < probability }
    public mutating func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &self)] }
    public mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }
}

/// One generated answers file.
public struct AnswersCase: Sendable {
    public var id: String
    public var format: Answers.Format
    public var text: String
    /// For JSON answers: the same keys and values as a `qm create` argument list (`create VMID --key value …`),
    /// to ask Proxmox whether the input itself is acceptable.
    public var rawQmArguments: [String]?
}

/// Seeded random answers files covering every key and sub-key vmwizard reads, with valid, edge and invalid
/// values, as JSON answers and as `.conf` templates. Values are chosen against the standalone fixture host
/// (`Tests/VMWizardCoreTests/Fixtures/hosts/standalone`, storages `local` (dir) and `local-lvm` (lvmthin),
/// bridges vmbr0/vmbr1, pools prod/lab/cafe).
public struct AnswersCorpus {
    public var random: SeededRandom
    public init(seed: UInt64) { random = SeededRandom(seed: seed) }

    /// A key and its value as the answers file writes it: JSON keeps the type, a `.conf` writes the text.
    enum Value {
        case string(String), number(String), bool(Bool)

        var text: String {
            switch self {
            case .string(let text), .number(let text): return text
            case .bool(let flag): return flag ? "1" : "0"
            }
        }

        var json: String {
            switch self {
            case .string(let text): return APIJSON.quote(text)
            case .number(let text): return text
            case .bool(let flag): return flag ? "true" : "false"
            }
        }
    }

    public mutating func next(index: Int) -> AnswersCase {
        random.chance(0.7) ? json(index: index) : config(index: index)
    }

    public mutating func cases(_ count: Int) -> [AnswersCase] {
        (0..<count).map { next(index: $0) }
    }

    // MARK: Values

    static let isoVolumes = [
        "local:iso/debian-13.2.0-amd64-netinst.iso", "local:iso/Win11_24H2_English_x64.ISO", "local:iso/ipxe.img",
        "local:iso/tiny-test.iso",
    ]
    static let badISOVolumes = [
        "local:iso/notes.txt", "local:iso/../../x.iso", "local:iso/sub/x.iso", "local:iso/missing.iso",
        "local:iso/folder.iso", "local-lvm:iso/x.iso", "nosuch:iso/x.iso",
    ]

    mutating func flag() -> Value {
        if random.chance(0.85) { return random.chance(0.5) ? .bool(random.chance(0.5)) : .string(random.pick(["1", "0"])) }
        return .string(random.pick(["yes", "no", "on", "off", "true", "false", "", "2", "TRUE"]))
    }

    mutating func integer(_ valid: ClosedRange<Int>, edges: [String] = []) -> Value {
        if random.chance(0.85) { return random.chance(0.5) ? .number(String(random.int(valid))) : .string(String(random.int(valid))) }
        return .string(random.pick(edges + ["\(valid.lowerBound - 1)", "\(valid.upperBound + 1)", "1.5", "+2", "abc", "", "1e3"]))
    }

    mutating func description() -> String {
        random.pick([
            "web server", "100% sure: yes", "line1\nline2", "a\r\nb", "trailing newline\n", "ünïcödé € 中文",
            "#hash and %41 escapes", "tab\there", "x", "0", " leading space", "  ", "\nstarts with a newline",
            String(repeating: "ü", count: 8192), String(repeating: "a", count: 8193), "ctl\u{1}char",
        ])
    }

    mutating func diskSubKeys(bus: String) -> [String] {
        var parts: [String] = []
        if random.chance(0.3) { parts.append("cache=" + random.pick(["none", "writeback", "writethrough", "directsync", "unsafe", "bogus"])) }
        if random.chance(0.3) { parts.append("discard=" + random.pick(["on", "ignore", "1"])) }
        if random.chance(0.3) { parts.append("iothread=" + random.pick(["1", "0", "on"])) }
        if random.chance(0.2) { parts.append("ssd=" + random.pick(["1", "0"])) }
        if random.chance(0.15) { parts.append("ro=" + random.pick(["1", "0"])) }
        if random.chance(0.2) { parts.append("backup=" + random.pick(["1", "0"])) }
        if random.chance(0.2) { parts.append("replicate=" + random.pick(["1", "0", "no"])) }
        if random.chance(0.2) { parts.append("aio=" + random.pick(["native", "threads", "io_uring", "posix"])) }
        for key in ["mbps_rd", "mbps_wr", "mbps_rd_max", "mbps_wr_max"] where random.chance(0.12) {
            parts.append("\(key)=" + random.pick(["1", "0.5", "100", "1.2345", "1e3", "0", "-1", "250.125"]))
        }
        for key in ["iops_rd", "iops_wr", "iops_rd_max", "iops_wr_max"] where random.chance(0.12) {
            parts.append("\(key)=" + random.pick(["10", "5", "0", "1000000000", "500", "1.5"]))
        }
        if random.chance(0.05) { parts.append(random.pick(["serial=abc", "bps=1000", "wwn=0x1234567890abcdef", "bogus=1"])) }
        _ = bus
        return parts
    }

    mutating func nicValue() -> String {
        var parts = [random.pick(["virtio", "e1000", "e1000e", "rtl8139", "vmxnet3", "model=virtio", "i82551", "bogus"])]
        if random.chance(0.15) { parts[0] += "=" + random.pick(["BC:24:11:12:34:56", "bc:24:11:ab:cd:ef", "01:00:5E:00:00:01", "zz:11"]) }
        if random.chance(0.85) { parts.append("bridge=" + random.pick(["vmbr0", "vmbr1", "vmbr0", "vmbr7", "bad bridge"])) }
        if random.chance(0.2) { parts.append("tag=" + random.pick(["1", "100", "4094", "0", "4095"])) }
        if random.chance(0.3) { parts.append("firewall=" + random.pick(["1", "0"])) }
        if random.chance(0.1) { parts.append("link_down=1") }
        if random.chance(0.1) { parts.append("mtu=" + random.pick(["1", "1500", "9000", "65520", "65521", "576"])) }
        if random.chance(0.1) { parts.append("rate=" + random.pick(["10", "0.5", "1e2", "0", "-1"])) }
        if random.chance(0.1) { parts.append("queues=" + random.pick(["0", "1", "4", "64", "65"])) }
        if random.chance(0.03) { parts.append("trunks=10;20") }
        return parts.joined(separator: ",")
    }

    // MARK: JSON

    mutating func json(index: Int) -> AnswersCase {
        var pairs: [(String, Value)] = []
        func add(_ key: String, _ value: Value) { pairs.append((key, value)) }
        let vmid = random.chance(0.9) ? String(random.int(102...99_999)) : random.pick(["100", "99", "1000000000", "abc"])
        if random.chance(0.5) { add("vmid", random.chance(0.5) ? .number(vmid) : .string(vmid)) }
        if random.chance(0.6) {
            add("name", .string(random.chance(0.85) ? random.pick(["web", "db-7", "a.b-c", "1abc", "host\(random.int(1...99))"])
                                : random.pick(["my_vm", "-vm", "a..b", "web\u{1b}[2J"])))
        }
        if random.chance(0.15) { add("pool", .string(random.pick(["prod", "lab", "cafe", "nope", "bad pool"]))) }
        if random.chance(0.1) { add("ha-managed", flag()) }
        if random.chance(0.2) { add("onboot", flag()) }
        if random.chance(0.15) {
            add("startup", .string(random.pick(["order=1", "2", "order=1,up=5", "up=5", "order=3,down=10,up=2", "0", "order=-1", "order=1, up=5"])))
        }
        if random.chance(0.2) { add("tags", .string(random.pick(["prod", "Zeta,alpha", "a;b", "web prod", "a+b.c-d_e", "-bad", "a/b", "A;a"]))) }
        if random.chance(0.2) { add("description", .string(description())) }
        let windows = random.chance(0.3)
        if random.chance(0.8) {
            let ostype = windows ? random.pick(["win11", "win10", "win8", "win7", "w2k8", "wxp", "w2k"])
                : random.pick(["l26", "l24", "other", "solaris", "linux"])
            add("ostype", .string(ostype))
        }
        if random.chance(0.75) {
            let cd: String
            switch random.int(0...9) {
            case 0: cd = "cdrom,media=cdrom"
            case 1: cd = "none,media=cdrom"
            case 2: cd = random.pick(Self.badISOVolumes) + ",media=cdrom"
            case 3: cd = random.pick(Self.isoVolumes)
            case 4: cd = random.pick(["/dev/sr0,media=cdrom", "/dev/cdrom,media=cdrom"])
            default: cd = random.pick(Self.isoVolumes) + ",media=cdrom"
            }
            add(random.chance(0.9) ? "ide2" : "cdrom", .string(cd))
        }
        if windows && random.chance(0.3) { add("ide0", .string("local:iso/virtio-win-0.1.271.iso,media=cdrom")) }
        if random.chance(0.2) {
            let vga = random.pick(["std", "virtio", "qxl", "serial0", "none", "vmware", "std,memory=32", "cirrus", "bogus"])
            add("vga", .string(vga))
            if vga == "serial0" && random.chance(0.7) { add("serial0", .string("socket")) }
        }
        if random.chance(0.3) {
            add("machine", .string(random.pick(["q35", "pc", "pc-q35-9.2", "pc-i440fx-8.1+pve1", "pc-q35-10.0+pve1", "virt", "q35,viommu=intel", "bogus"])))
        }
        let ovmf = random.chance(0.35)
        if random.chance(0.5) { add("bios", .string(ovmf ? "ovmf" : random.pick(["seabios", "seabios", "uefi"]))) }
        if random.chance(ovmf ? 0.7 : 0.1) {
            var efi = "local-lvm:1,efitype=" + random.pick(["4m", "4m", "2m"])
            if random.chance(0.6) { efi += ",pre-enrolled-keys=" + random.pick(["1", "0"]) }
            if random.chance(0.1) { efi += ",format=" + random.pick(["raw", "qcow2"]) }
            add("efidisk0", .string(efi))
        }
        if random.chance(0.3) {
            add("scsihw", .string(random.pick(["virtio-scsi-single", "virtio-scsi-pci", "lsi", "lsi53c810", "megasas", "pvscsi", "bogus"])))
        }
        if random.chance(0.3) { add("agent", .string(random.pick(["1", "0", "enabled=1", "1,fstrim_cloned_disks=1", "2"]))) }
        if random.chance(windows ? 0.5 : 0.1) {
            add("tpmstate0", .string("local-lvm:1,version=" + random.pick(["v2.0", "v2.0", "v1.2", "v3"])))
        }
        // Disks: keys keep their numbers; sometimes a default device is removed with null.
        let diskCount = random.pick([0, 1, 1, 1, 2, 3])
        var used = Set<String>()
        for _ in 0..<diskCount {
            let bus = random.pick(["scsi", "scsi", "virtio", "sata", "ide"])
            let slots = ["scsi": 31, "virtio": 16, "sata": 6, "ide": 4][bus]!
            let key = "\(bus)\(random.int(0...min(slots - 1, 3)))"
            guard used.insert(key).inserted, key != "ide2" else { continue }
            var parts: [String]
            if random.chance(0.1) {
                parts = [random.pick(["local-lvm:0", "local:0"]),
                         "import-from=" + random.pick(["local:iso/debian-13.2.0-amd64-netinst.iso", "/var/lib/vz/images/base.qcow2", "local-lvm:vm-100-disk-0", "local:import/disk.qcow2"])]
            } else {
                let size = random.chance(0.9) ? random.pick(["32", "8", "0.5", "1.25", "0.001", "0.002", "1024", "64"]) : random.pick(["0", "-1", "1e3", "1T", "131073"])
                parts = [random.pick(["local-lvm", "local-lvm", "local", "nosuch"]) + ":" + size]
            }
            parts += diskSubKeys(bus: bus)
            if random.chance(0.1) { parts.append("format=" + random.pick(["raw", "qcow2", "vmdk"])) }
            add(key, .string(parts.joined(separator: ",")))
        }
        if random.chance(0.1) { add(random.pick(["scsi0", "ide0", "net0", "efidisk0"]), .string("__null__")) }
        if random.chance(0.4) { add("sockets", integer(1...4, edges: ["4097", "0"])) }
        if random.chance(0.5) { add("cores", integer(1...16, edges: ["0", "300"])) }
        if random.chance(0.1) { add("vcpus", integer(1...8, edges: ["0", "64"])) }
        if random.chance(0.1) { add("cpulimit", .string(random.pick(["0", "1.5", "128", "129", "0.125", "2"]))) }
        if random.chance(0.1) { add("cpuunits", integer(1...10_000, edges: ["0", "262144", "262145"])) }
        if random.chance(0.1) { add("affinity", .string(random.pick(["0", "0-3,8", "0,0", "8192", "99999", "3-1", "x", "1,2,"]))) }
        if random.chance(0.2) { add("numa", flag()) }
        if random.chance(0.4) {
            var cpu = random.pick(["host", "x86-64-v2-AES", "kvm64", "qemu64", "EPYC", "Skylake-Server", "bogus", "custom-mine"])
            if random.chance(0.2) { cpu += ",flags=" + random.pick(["+aes", "+pcid;-spec-ctrl", "+bogus", "aes"]) }
            add("cpu", .string(cpu))
        }
        if random.chance(0.5) { add("memory", integer(16...65_536, edges: ["15", "1e3", "current=2048"])) }
        if random.chance(0.25) { add("balloon", integer(0...65_536, edges: ["-1"])) }
        if random.chance(0.1) { add("shares", integer(0...50_000, edges: ["50001"])) }
        if random.chance(0.1) { add("allow-ksm", flag()) }
        let nicCount = random.pick([0, 1, 1, 2])
        var nicsUsed = Set<Int>()
        for _ in 0..<nicCount {
            let index = random.int(0...3)
            guard nicsUsed.insert(index).inserted else { continue }
            add("net\(index)", .string(nicValue()))
        }
        if random.chance(0.05) { add(random.pick(["bogus", "hostpci0", "args"]), .string("1")) }
        if random.chance(0.1) { add("start", flag()) }

        var members: [String] = []
        var raw: [String] = ["create", vmid]
        for (key, value) in pairs {
            if value.text == "__null__" {
                members.append("  \(APIJSON.quote(key)): null")
                continue
            }
            members.append("  \(APIJSON.quote(key)): \(value.json)")
            if key != "vmid" { raw += ["--\(key)", value.text] }
        }
        return AnswersCase(id: "json-\(index)", format: .json, text: "{\n" + members.joined(separator: ",\n") + "\n}\n", rawQmArguments: raw)
    }

    // MARK: Config files

    mutating func config(index: Int) -> AnswersCase {
        var lines: [String] = []
        if random.chance(0.3) {
            for line in description().split(separator: "\n", omittingEmptySubsequences: false) {
                lines.append("#" + PercentEscapes.encode(String(line)))
            }
        }
        var keys: [(String, String)] = []
        func add(_ key: String, _ value: String) { keys.append((key, value)) }
        add("boot", random.pick(["order=scsi0;ide2;net0", "order=ide2", "cdn", "c", "order=virtio0"]))
        if random.chance(0.3) { add("bootdisk", "scsi0") }
        add("cores", random.pick(["1", "2", "4", "0", "+2"]))
        if random.chance(0.7) { add("cpu", random.pick(["host", "x86-64-v2-AES", "kvm64", "bogus"])) }
        if random.chance(0.8) {
            add("ide2", random.pick(["none,media=cdrom", "cdrom,media=cdrom", "local:iso/debian-13.2.0-amd64-netinst.iso,media=cdrom,size=628M",
                                     "local:iso/notes.txt,media=cdrom", "/dev/sr0,media=cdrom"]))
        }
        add("memory", random.pick(["2048", "4096", "16", "15", "512"]))
        add("meta", "creation-qemu=10.0.2,ctime=1752000000")
        if random.chance(0.6) { add("name", random.pick(["web", "db", "bad_name"])) }
        if random.chance(0.8) { add("net0", nicValue()) }
        if random.chance(0.2) { add("net1", nicValue()) }
        add("numa", random.pick(["0", "1"]))
        if random.chance(0.3) { add("onboot", random.pick(["1", "0", ""])) }
        add("ostype", random.pick(["l26", "win11", "win10", "other"]))
        let disk = random.pick(["scsi0", "scsi0", "virtio0", "sata0", "ide0", "scsi1"])
        let size = random.pick(["32G", "1049K", "1T", "512M", "1536M", "34359738368", "10.5G", "0"])
        let volume = random.pick(["local-lvm:vm-100-disk-0", "local-lvm:base-100-disk-1", "local:100/vm-100-disk-0.qcow2", "nosuch:vm-100-disk-0"])
        add(disk, ([volume] + diskSubKeys(bus: String(disk.dropLast())) + ["size=\(size)"]).joined(separator: ","))
        if random.chance(0.3) { add("scsihw", random.pick(["virtio-scsi-single", "virtio-scsi-pci", "lsi"])) }
        if random.chance(0.3) { add("bios", random.pick(["ovmf", "seabios"])) }
        if random.chance(0.2) { add("efidisk0", "local-lvm:vm-100-disk-1,efitype=4m,ms-cert=2023k,pre-enrolled-keys=1,size=4M") }
        if random.chance(0.2) { add("tpmstate0", "local-lvm:vm-100-disk-2,size=4M,version=v2.0") }
        if random.chance(0.3) { add("machine", random.pick(["q35", "pc-q35-10.0+pve1", "pc-i440fx-9.2+pve1"])) }
        add("smbios1", "uuid=6f1f0ab2-1c1e-4f4e-9c45-2d1e1f7d1a10")
        add("sockets", random.pick(["1", "2"]))
        if random.chance(0.2) { add("tags", random.pick(["prod;web", "alpha;b"])) }
        if random.chance(0.2) { add("agent", random.pick(["1", "enabled=1"])) }
        if random.chance(0.1) { add("balloon", random.pick(["0", "1024"])) }
        add("vmgenid", "0b5a2f7c-4f2d-4a41-9e7f-0d6a5b3c2e1f")
        if random.chance(0.1) { add(random.pick(["hostpci0", "usb0", "template", "lock"]), random.pick(["0000:01:00.0", "host=1234:5678", "1", "backup"])) }
        if random.chance(0.05), let first = keys.first { keys.append((first.0, first.1)) }  // a repeated key
        keys.sort { $0.0 < $1.0 }
        lines += keys.map { "\($0.0): \($0.1)" }
        if random.chance(0.1) { lines += ["", "[snap1]", "cores: 1", "snaptime: 1700000000"] }
        let crlf = random.chance(0.05)
        return AnswersCase(id: "conf-\(index)", format: .config, text: lines.joined(separator: crlf ? "\r\n" : "\n") + "\n", rawQmArguments: nil)
    }
}
