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
    /// Edge or invalid values still allowed in the case being built: most cases are valid throughout, the others
    /// carry one or two edge values, so each refusal or false accept has one cause.
    var edges = 0
    public init(seed: UInt64) { random = SeededRandom(seed: seed) }

    /// A valid value, or (while the case has edge budget left, now and then) an edge one.
    mutating func choose(_ valid: [String], _ edge: [String] = []) -> String {
        if !edge.isEmpty, edges > 0, random.chance(0.12) {
            edges -= 1
            return random.pick(edge)
        }
        return random.pick(valid)
    }

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
        edges = random.chance(0.55) ? 0 : random.int(1...2)
        return random.chance(0.7) ? json(index: index) : config(index: index)
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
        let text = choose(["1", "0", "1", "0", "on", "off", "yes", "no", "true", "false", "TRUE"], ["", "2", "maybe"])
        if text == "1" || text == "0", random.chance(0.5) { return .bool(text == "1") }
        return .string(text)
    }

    mutating func integer(_ valid: ClosedRange<Int>, edges extra: [String] = []) -> Value {
        let value = random.int(valid)
        let text = choose([String(value)], extra + ["\(valid.lowerBound - 1)", "1.5", "+2", "abc", "", "1e3"])
        return text == String(value) && random.chance(0.5) ? .number(text) : .string(text)
    }

    mutating func description() -> String {
        choose(["web server", "100% sure: yes", "line1\nline2", "a\r\nb", "trailing newline\n", "ünïcödé € 中文",
                "#hash and %41 escapes", "tab\there", "x", " leading space", "\nstarts with a newline",
                String(repeating: "ü", count: 8192), "a:b:c", "50%"],
               ["0", "  ", String(repeating: "a", count: 8193), "ctl\u{1}char", "trailing spaces   "])
    }

    mutating func diskSubKeys(bus: String) -> [String] {
        var parts: [String] = []
        if random.chance(0.3) { parts.append("cache=" + choose(["none", "writeback", "writethrough", "directsync", "unsafe"], ["bogus"])) }
        if random.chance(0.3) { parts.append("discard=" + choose(["on", "ignore"], ["1"])) }
        if random.chance(0.3), bus == "scsi" || bus == "virtio" { parts.append("iothread=" + choose(["1", "0", "on"])) }
        if random.chance(0.2), bus != "virtio" { parts.append("ssd=" + choose(["1", "0"])) }
        if random.chance(0.15), bus == "scsi" || bus == "virtio" { parts.append("ro=" + choose(["1", "0"])) }
        if random.chance(0.2) { parts.append("backup=" + choose(["1", "0"])) }
        if random.chance(0.2) { parts.append("replicate=" + choose(["1", "0", "no"])) }
        if random.chance(0.2) { parts.append("aio=" + choose(["threads", "io_uring", "native"], ["posix"])) }
        var mbpsRead = false, mbpsWrite = false
        if random.chance(0.15) { mbpsRead = true; parts.append("mbps_rd=" + choose(["1", "0.5", "100", "1.2345", "250.125", "2000"], ["1e3", "0", "-1"])) }
        if random.chance(0.15) { mbpsWrite = true; parts.append("mbps_wr=" + choose(["1", "0.5", "100", "7.25"], ["1e3", "0", "-1"])) }
        if random.chance(mbpsRead ? 0.4 : 0.02) { parts.append("mbps_rd_max=" + choose(["10", "0.5", "300"], ["0"])) }
        if random.chance(mbpsWrite ? 0.4 : 0.02) { parts.append("mbps_wr_max=" + choose(["10", "300"])) }
        var iopsRead = false, iopsWrite = false
        if random.chance(0.15) { iopsRead = true; parts.append("iops_rd=" + choose(["10", "500", "1000000000", "5"], ["0", "1.5", "-5"])) }
        if random.chance(0.15) { iopsWrite = true; parts.append("iops_wr=" + choose(["10", "500", "7"], ["0"])) }
        if random.chance(iopsRead ? 0.4 : 0.02) { parts.append("iops_rd_max=" + choose(["20", "5000"])) }
        if random.chance(iopsWrite ? 0.4 : 0.02) { parts.append("iops_wr_max=" + choose(["20", "5000"])) }
        // Options the wizard does not offer, which a template keeps (and Proxmox's drive rules judge).
        if random.chance(0.1) {
            parts.append(choose(["serial=abc", "wwn=0x1234567890abcdef", "detect_zeroes=1", "rerror=stop", "werror=enospc",
                                 "snapshot=1", "iops=100,iops_max=200", "mbps=50", "iops_rd_max_length=10"],
                                ["serial=" + String(repeating: "x", count: 21), "rerror=explode", "mbps_max=9", "iops_max_length=5"]))
        }
        if edges > 0, random.chance(0.03) {
            edges -= 1
            parts.append(random.pick(["serial=abc", "bps=1000", "wwn=0x1234567890abcdef", "bogus=1"]))
        }
        return parts
    }

    mutating func nicValue() -> String {
        var parts = [choose(["virtio", "e1000", "e1000e", "rtl8139", "vmxnet3", "model=virtio"], ["i82551", "bogus"])]
        if random.chance(0.15) { parts[0] += "=" + choose(["BC:24:11:12:34:56", "bc:24:11:ab:cd:ef"], ["01:00:5E:00:00:01", "zz:11"]) }
        if random.chance(0.9) { parts.append("bridge=" + choose(["vmbr0", "vmbr1", "vmbr0"], ["vmbr7", "bad bridge"])) }
        if random.chance(0.2) { parts.append("tag=" + choose(["1", "100", "4094"], ["0", "4095"])) }
        if random.chance(0.3) { parts.append("firewall=" + choose(["1", "0"])) }
        if random.chance(0.1) { parts.append("link_down=1") }
        if random.chance(0.1) { parts.append("mtu=" + choose(["1", "1500", "9000", "65520", "576"], ["65521", "0"])) }
        if random.chance(0.1) { parts.append("rate=" + choose(["10", "0.5", "1e2", "0", "125.75"], ["-1"])) }
        if random.chance(0.1) { parts.append("queues=" + choose(["0", "1", "4", "64"], ["65"])) }
        if edges > 0, random.chance(0.03) {
            edges -= 1
            parts.append("trunks=10;20")
        }
        return parts.joined(separator: ",")
    }

    // MARK: JSON

    mutating func json(index: Int) -> AnswersCase {
        var pairs: [(String, Value)] = []
        func add(_ key: String, _ value: Value) { pairs.append((key, value)) }
        let vmid = choose([String(random.int(102...99_999))], ["100", "99", "1000000000", "abc"])
        if random.chance(0.5) { add("vmid", random.chance(0.5) && Int(vmid) != nil ? .number(vmid) : .string(vmid)) }
        if random.chance(0.6) {
            add("name", .string(choose(["web", "db-7", "a.b-c", "1abc", "host\(random.int(1...99))"], ["my_vm", "-vm", "a..b", "web\u{1b}[2J"])))
        }
        if random.chance(0.15) { add("pool", .string(choose(["prod", "lab", "cafe"], ["nope", "bad pool"]))) }
        if random.chance(0.1) { add("ha-managed", flag()) }
        // Some guests are ARM (emulated on the x86 test host), with mostly ARM-fitting settings.
        let arm = random.chance(0.12)
        if arm { add("arch", .string(choose(["aarch64"], ["riscv64"]))) } else if random.chance(0.03) { add("arch", .string("x86_64")) }
        if random.chance(0.2) { add("onboot", flag()) }
        if random.chance(0.15) {
            add("startup", .string(choose(["order=1", "2", "order=1,up=5", "up=5", "order=3,down=10,up=2", "order=1,,up=5", "down=5,up=3,2"],
                                          ["0", "order=-1", "order=1, up=5", "ORDER=1"])))
        }
        if random.chance(0.2) { add("tags", .string(choose(["prod", "Zeta,alpha", "a;b", "web prod", "a+b.c-d_e", "A;a", "b;a;b"], ["-bad", "a/b"]))) }
        if random.chance(0.2) { add("description", .string(description())) }
        let windows = !arm && random.chance(0.3)
        if random.chance(0.8) {
            let ostype = arm ? choose(["l26", "other"], ["win11", "l24"])
                : windows ? random.pick(["win11", "win10", "win8", "win7", "w2k8", "wxp", "w2k"])
                : choose(["l26", "l24", "other", "solaris"], ["linux", "w2k3", "wvista"])
            add("ostype", .string(ostype))
        }
        if random.chance(0.75) {
            let cd = choose([random.pick(Self.isoVolumes) + ",media=cdrom", "cdrom,media=cdrom", "none,media=cdrom",
                             random.pick(Self.isoVolumes) + ",media=cdrom"],
                            Self.badISOVolumes.map { $0 + ",media=cdrom" } + [random.pick(Self.isoVolumes), "/dev/sr0,media=cdrom", "/dev/cdrom,media=cdrom"])
            add(random.chance(0.9) ? (arm ? "scsi2" : "ide2") : "cdrom", .string(random.chance(0.1) && !cd.hasPrefix("/") ? String(cd.dropLast(",media=cdrom".count)) : cd))
        }
        if windows && random.chance(0.3) { add("ide0", .string("local:iso/tiny-test.iso,media=cdrom")) }
        if random.chance(0.2) {
            let vga = choose(["std", "virtio", "qxl", "serial0", "none", "vmware", "cirrus", "virtio-gl", "qxl2"], ["std,memory=32", "bogus"])
            add("vga", .string(vga))
            if vga == "serial0" && random.chance(0.8) { add("serial0", .string("socket")) }
        }
        if random.chance(0.3) {
            add("machine", .string(arm ? choose(["virt", "virt-10.0+pve1", "virt-9.2"], ["q35", "pc"])
                : choose(["q35", "pc", "pc-q35-9.2", "pc-i440fx-8.1+pve1", "pc-q35-10.0+pve1", "pc-q35-10.0", "q35,viommu=intel",
                          "viommu=virtio", "q35,viommu=virtio,aw-bits=52", "q35,viommu=intel,aw-bits=48"],
                         ["virt", "pc,viommu=intel", "q35,aw-bits=48", "q35,viommu=intel,aw-bits=40", "q35,viommu=amd", "bogus"])))
        }
        let ovmf = random.chance(arm ? 0.9 : 0.35)
        if random.chance(0.5) { add("bios", .string(ovmf ? "ovmf" : choose(["seabios"], ["uefi"]))) }
        if random.chance(ovmf ? 0.7 : 0.05) {
            var efi = "local-lvm:1,efitype=" + choose(["4m", "4m", "2m"])
            if random.chance(0.6) { efi += ",pre-enrolled-keys=" + choose(["1", "0"]) }
            if random.chance(0.1) { efi += ",format=" + choose(["raw"], ["qcow2"]) }
            add("efidisk0", .string(efi))
        }
        if random.chance(0.3) {
            add("scsihw", .string(arm ? choose(["virtio-scsi-single", "virtio-scsi-pci"], ["lsi", "megasas"])
                : choose(["virtio-scsi-single", "virtio-scsi-pci", "lsi", "lsi53c810", "megasas", "pvscsi"], ["bogus"])))
        }
        if random.chance(0.3) { add("agent", .string(choose(["1", "0", "enabled=1"], ["1,fstrim_cloned_disks=1", "2"]))) }
        if random.chance(windows ? 0.5 : 0.1) {
            add("tpmstate0", .string("local-lvm:1,version=" + choose(["v2.0", "v2.0", "v1.2"], ["v3"])))
        }
        // Disks: keys keep their numbers; sometimes a default device is removed with null.
        let diskCount = random.pick([0, 1, 1, 1, 2, 3])
        var used = Set<String>()
        for _ in 0..<diskCount {
            let bus = random.pick(arm ? ["scsi", "scsi", "virtio", "sata", edges > 0 ? "ide" : "sata"] : ["scsi", "scsi", "virtio", "sata", "ide"])
            let slots = ["scsi": 31, "virtio": 16, "sata": 6, "ide": 4][bus]!
            let key = "\(bus)\(random.int(0...min(slots - 1, 11)))"
            guard used.insert(key).inserted, key != "ide2", !(arm && key == "scsi2"), !(key == "ide0" && pairs.contains { $0.0 == "ide0" }) else { continue }
            var parts: [String]
            if random.chance(0.08) {
                parts = ["local-lvm:0", "import-from=" + choose(["/var/lib/vz/images/base.qcow2", "local-lvm:vm-1000-disk-0"],
                                                                ["local:iso/debian-13.2.0-amd64-netinst.iso", "local:import/disk.qcow2"])]
            } else {
                let size = choose(["32", "8", "0.5", "1.25", "0.001", "0.002", "1024", "64", "10.125"], ["0", "-1", "1e3", "1T", "131073"])
                parts = [choose(["local-lvm"], ["local", "nosuch"]) + ":" + size]
            }
            parts += diskSubKeys(bus: bus)
            if random.chance(0.1) { parts.append("format=" + choose(["raw"], ["qcow2", "vmdk"])) }
            add(key, .string(parts.joined(separator: ",")))
        }
        if random.chance(0.08) {
            let key = random.pick(["scsi0", "ide0", "net0", "efidisk0", "tpmstate0", arm ? "scsi2" : "ide2"])
            if !pairs.contains(where: { $0.0 == key }) { add(key, .string("__null__")) }
        }
        if random.chance(0.4) { add("sockets", integer(1...2, edges: ["4097", "0"])) }
        if random.chance(0.5) { add("cores", integer(1...6, edges: ["0", "300"])) }
        if random.chance(0.1) { add("vcpus", integer(1...2, edges: ["0", "64"])) }
        if random.chance(0.1) { add("cpulimit", .string(choose(["0", "1.5", "128", "0.125", "2", "0.5"], ["129", "1e1", "-1"]))) }
        if random.chance(0.1) { add("cpuunits", integer(1...10_000, edges: ["0", "262144", "262145"])) }
        if random.chance(0.1) { add("affinity", .string(choose(["0", "0-3,8", "0,0", "8192", "99999", "1,2,", " 1"], ["3-1", "x"]))) }
        if random.chance(0.2) { add("numa", flag()) }
        if random.chance(0.4) {
            var cpu = arm ? choose(["max", "cortex-a72", "neoverse-n1", "cortex-a57", "a64fx"], ["host", "x86-64-v2-AES"])
                : choose(["host", "x86-64-v2-AES", "kvm64", "qemu64", "EPYC", "Skylake-Server", "x86-64-v3"], ["bogus", "custom-mine"])
            if random.chance(0.2) { cpu += ",flags=" + choose(["+aes", "+pcid;-spec-ctrl", "-md-clear"], ["+bogus", "aes"]) }
            add("cpu", .string(cpu))
        }
        if random.chance(0.5) { add("memory", integer(16...16_384, edges: ["15", "current=2048"])) }
        if random.chance(0.25) { add("balloon", integer(0...2048, edges: ["-1", "99999"])) }
        if random.chance(0.1) { add("shares", integer(0...50_000, edges: ["50001"])) }
        if random.chance(0.1) { add("allow-ksm", flag()) }
        let nicCount = random.pick([0, 1, 1, 2])
        var nicsUsed = Set<Int>()
        for _ in 0..<nicCount {
            let index = random.int(0...3)
            guard nicsUsed.insert(index).inserted, !pairs.contains(where: { $0.0 == "net\(index)" }) else { continue }
            add("net\(index)", .string(nicValue()))
        }
        if !arm, random.chance(0.2) { cloudInit(add, cdTaken: pairs.contains { $0.0 == "ide2" || $0.0 == "cdrom" }, json: true) }
        if edges > 0, random.chance(0.05) { add(random.pick(["bogus", "hostpci0", "args"]), .string("1")) }
        if random.chance(0.15) {
            let q35 = pairs.contains { $0.0 == "machine" && $0.1.text.contains("q35") }
            keptSettings({ key, value in if !pairs.contains(where: { $0.0 == key }) { add(key, value) } }, q35: q35)
        }
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

    /// Settings a template carries that the wizard does not model (kept as they are, checked against Proxmox's
    /// schema), and passthrough devices, with edge values.
    mutating func keptSettings(_ add: (String, Value) -> Void, q35: Bool) {
        let all: [(String, [String], [String])] = [
            ("hugepages", ["2", "1024", "any"], ["3"]),
            ("watchdog", ["model=i6300esb,action=reset", "i6300esb", "model=ib700"], ["model=nosuch", "action=explode"]),
            ("startdate", ["now", "2006-06-17", "2006-06-17T16:01:21"], ["yesterday", "17.06.2006"]),
            ("hotplug", ["disk,network,usb", "0", "1", "cpu,memory"], ["disk,teleport", ""]),
            ("tdf", ["1", "0"], ["maybe"]),
            ("args", ["-no-reboot", "-device intel-iommu"], []),
            ("numa0", ["cpus=0-1,memory=1024", "cpus=0,hostnodes=0,policy=bind"], ["memory=1024", "cpus=a"]),
            ("rng0", ["source=/dev/urandom", "source=/dev/urandom,max_bytes=1024,period=1000"], ["source=/dev/zero"]),
            ("serial1", ["socket", "/dev/ttyS1"], ["/tmp/x"]),
            ("keyboard", ["de", "en-us"], ["xx"]),
            ("tablet", ["0", "1"], []),
            ("protection", ["1"], []),
            ("migrate_downtime", ["0.1", "1"], ["-1"]),
            ("spice_enhancements", ["foldersharing=1,videostreaming=all"], ["videostreaming=some"]),
            ("hostpci0", q35 ? ["0000:01:00,pcie=1", "mapping=nic-10g", "01:00.0,rombar=0", "0000:02:00.0,x-vga=1"]
                              : ["mapping=nic-10g", "01:00.0,rombar=0"], ["0000:01:00.0,pcie=maybe", "nope"]),
            ("usb0", ["host=046d:c52b", "spice", "host=1-2", "mapping=ups", "host=0x046d:0xc52b,usb3=1"], ["host=nope", "host=1-2,speed=9"]),
        ]
        for _ in 0..<random.int(1...3) {
            let (key, valid, edge) = random.pick(all)
            add(key, .string(choose(valid, edge)))
        }
    }

    /// A test key (valid), written as Proxmox's API and config keep `sshkeys`: URL-encoded, one key per line.
    static let sshKey = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHXGfhso++PvfMv9p56+QQkm/+dBtqKaTprt3sDNOABP me@laptop"

    /// Cloud-init: the drive (in the CD's slot when it is free) and its settings, with edge values.
    mutating func cloudInit(_ add: (String, Value) -> Void, cdTaken: Bool, json: Bool) {
        let key = cdTaken ? random.pick(["ide3", "ide1", "sata5", "scsi9"]) : "ide2"
        add(key, .string(json ? choose(["local-lvm:cloudinit"], ["local:cloudinit", "nosuch:cloudinit"])
                             : choose(["local-lvm:vm-100-cloudinit,media=cdrom"], ["local:100/vm-100-cloudinit.qcow2,media=cdrom"])))
        if random.chance(0.6) { add("ciuser", .string(choose(["admin", "debian", "ops-1"], ["bad user", "Admin"]))) }
        if random.chance(0.3) {
            add("cipassword", .string(json ? choose(["secret", "$5$saltsalt$0IyaXrmV7.sGNS6tirgqHLqX/G.FBvgkYA.lpPdS5sA"])
                                           : "$5$saltsalt$0IyaXrmV7.sGNS6tirgqHLqX/G.FBvgkYA.lpPdS5sA"))
        }
        if random.chance(0.5) {
            add("sshkeys", .string(choose([PercentEscapes.uriEscape(Self.sshKey + "\n")], ["ssh-ed25519%20AAAA", "bogus"])))
        }
        if random.chance(0.3) {
            add("nameserver", .string(choose(["192.0.2.53", "192.0.2.53 2001:db8::53", "1.1.1.1,8.8.8.8"], ["dns.example", "300.1.1.1"])))
        }
        if random.chance(0.2) { add("searchdomain", .string(choose(["example.lan", "a.example b.example"], ["bad domain!"]))) }
        if random.chance(0.2) { add("ciupgrade", flag()) }
        if random.chance(0.1) { add("citype", .string(choose(["nocloud", "configdrive2"], ["cloud"]))) }
        if random.chance(0.6) {
            add("ipconfig0", .string(choose(
                ["ip=dhcp", "ip=192.0.2.10/24,gw=192.0.2.1", "ip6=auto", "ip=dhcp,ip6=dhcp", "ip=198.51.100.7/32,gw=198.51.100.1",
                 "ip6=2001:db8::10/64,gw6=fe80::1"],
                ["ip=10.0.0.5", "gw=192.0.2.1", "ip=dhcp,gw=192.0.2.1", "ip=192.0.2.10/24,gw=2001:db8::1"])))
        }
    }

    // MARK: Config files

    mutating func config(index: Int) -> AnswersCase {
        var lines: [String] = []
        if random.chance(0.3) {
            var text = description()
            while let last = text.unicodeScalars.last, last == "\n" || last == " " || last == "\r" { text.unicodeScalars.removeLast() }
            if text != "0" && !text.isEmpty {
                for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                    lines.append("#" + PercentEscapes.encode(String(line)))
                }
            }
        }
        var keys: [(String, String)] = []
        func add(_ key: String, _ value: String) { keys.append((key, value)) }
        let disk = random.pick(["scsi0", "scsi0", "virtio0", "sata0", "ide0", "scsi1"])
        add("boot", choose(["order=\(disk);ide2;net0", "order=ide2;\(disk)", "order=\(disk)"], ["cdn", "c", "order=virtio5"]))
        if edges > 0, random.chance(0.2) {
            edges -= 1
            add("bootdisk", disk)
        }
        add("cores", choose(["1", "2", "4"], ["0", "+2"]))
        if random.chance(0.7) { add("cpu", choose(["host", "x86-64-v2-AES", "kvm64"], ["bogus"])) }
        if random.chance(0.8) {
            add("ide2", choose(["none,media=cdrom", "cdrom,media=cdrom", "local:iso/debian-13.2.0-amd64-netinst.iso,media=cdrom,size=628M"],
                               ["local:iso/notes.txt,media=cdrom", "/dev/sr0,media=cdrom"]))
        }
        add("memory", choose(["2048", "4096", "16", "512"], ["15"]))
        add("meta", "creation-qemu=10.0.2,ctime=1752000000")
        if random.chance(0.6) { add("name", choose(["web", "db"], ["bad_name"])) }
        if random.chance(0.8) { add("net0", nicValue()) }
        if random.chance(0.2) { add("net1", nicValue()) }
        add("numa", choose(["0", "1"]))
        if random.chance(0.3) { add("onboot", choose(["1", "0"], [""])) }
        let ostype = random.pick(["l26", "win11", "win10", "other"])
        add("ostype", ostype)
        let size = choose(["32G", "1049K", "1T", "512M", "1536M", "34359738368", "4G"], ["10.5G", "0"])
        let volume = choose(["local-lvm:vm-100-disk-0", "local-lvm:base-100-disk-1"], ["local:100/vm-100-disk-0.qcow2", "nosuch:vm-100-disk-0"])
        add(disk, ([volume] + diskSubKeys(bus: String(disk.dropLast())) + ["size=\(size)"]).joined(separator: ","))
        if random.chance(0.3) { add("scsihw", choose(["virtio-scsi-single", "virtio-scsi-pci", "lsi"])) }
        let ovmf = random.chance(0.4)
        if ovmf || random.chance(0.3) { add("bios", ovmf ? "ovmf" : "seabios") }
        if ovmf && random.chance(0.7) { add("efidisk0", "local-lvm:vm-100-disk-1,efitype=4m,ms-cert=2023k,pre-enrolled-keys=1,size=4M") }
        if random.chance(0.2) { add("tpmstate0", "local-lvm:vm-100-disk-2,size=4M,version=v2.0") }
        if random.chance(0.15) {
            cloudInit({ add($0, $1.text) }, cdTaken: keys.contains { $0.0 == "ide2" }, json: false)
        }
        if random.chance(0.3) {
            add("machine", OSDefaults.isWindows(ostype) ? choose(["pc-q35-10.0+pve1", "pc-i440fx-9.2+pve1"]) : choose(["q35", "pc-q35-9.2"]))
        }
        add("smbios1", "uuid=6f1f0ab2-1c1e-4f4e-9c45-2d1e1f7d1a10")
        add("sockets", choose(["1", "2"]))
        if random.chance(0.2) { add("tags", choose(["prod;web", "alpha;b"])) }
        if random.chance(0.2) { add("agent", choose(["1", "enabled=1", "0"])) }
        if random.chance(0.1) { add("balloon", choose(["0", "1024"])) }
        add("vmgenid", "0b5a2f7c-4f2d-4a41-9e7f-0d6a5b3c2e1f")
        if edges > 0, random.chance(0.1) {
            edges -= 1
            add(random.pick(["hostpci0", "usb0", "template", "lock"]), random.pick(["0000:01:00.0", "host=1234:5678", "1", "backup"]))
        }
        if random.chance(0.2) {
            let q35 = keys.contains { $0.0 == "machine" && $0.1.contains("q35") }
            keptSettings({ key, value in if !keys.contains(where: { $0.0 == key }) { add(key, value.text) } }, q35: q35)
        }
        if edges > 0, random.chance(0.05), let first = keys.first {
            edges -= 1
            keys.append((first.0, first.1))  // a repeated key: the last one wins in Proxmox
        }
        keys.sort { $0.0 < $1.0 }
        lines += keys.map { "\($0.0): \($0.1)" }
        if random.chance(0.1) { lines += ["", "[snap1]", "cores: 1", "snaptime: 1700000000"] }
        let crlf = random.chance(0.05)
        return AnswersCase(id: "conf-\(index)", format: .config, text: lines.joined(separator: crlf ? "\r\n" : "\n") + "\n", rawQmArguments: nil)
    }
}
