import Foundation
import Testing
import VMWizardCore

@Suite("Host inventory: broken files give warnings naming the file, the rest still loads")
struct MalformedInventoryTests {
    let inventory: HostInventory

    init() throws {
        inventory = HostInventoryLoader.load(root: try InventoryFixtures.root("malformed"))
    }

    @Test("Bad JSON in .vmlist: warning, and the guests before the error still count")
    func vmlist() {
        let warnings = inventory.warnings.about("etc/pve/.vmlist")
        #expect(warnings.count == 1)
        #expect(warnings.first?.contains("not valid JSON (unexpected end of data at byte") == true)
        #expect(warnings.first?.hasSuffix("guest IDs may be incomplete") == true)
        #expect(Set(inventory.guests.keys) == [100, 101])
    }

    @Test("Bad JSON in .members: warning; the node name falls back to etc/hostname")
    func members() {
        let warnings = inventory.warnings.about("etc/pve/.members")
        #expect(warnings.count == 1)
        #expect(warnings.first?.contains("not valid JSON (unexpected '}' at byte") == true)
        #expect(inventory.localNode == "pve")
        #expect(inventory.clusterName == nil)
        #expect(inventory.quorate)
    }

    @Test("Bad JSON in the SDN running config: warning, no vnets, bridges still listed")
    func sdn() {
        let warnings = inventory.warnings.about("etc/pve/sdn/.running-config")
        #expect(warnings.count == 1)
        #expect(warnings.first?.contains("not valid JSON") == true)
        #expect(inventory.bridges.map(\.name) == ["vmbr0"])
    }

    @Test("Garbage in datacenter.cfg: each problem reported, good values kept, bad ones defaulted")
    func datacenter() {
        let warnings = inventory.warnings.about("etc/pve/datacenter.cfg")
        #expect(warnings == [
            "etc/pve/datacenter.cfg: next-id lower 'abc' is not a number from 100 to 999999999; using 100",
            "etc/pve/datacenter.cfg: mac_prefix '01:00:5E' is not a unicast MAC prefix (like BC:24:11); using BC:24:11",
            "etc/pve/datacenter.cfg: line 2: 'this line has no colon' is not a 'key: value' line; ignored",
        ])
        #expect(inventory.nextIDLower == 100)
        #expect(inventory.nextIDUpper == 500)
        #expect(inventory.macPrefix == "BC:24:11")
    }

    @Test("Garbage in storage.cfg: each bad line reported, good sections kept")
    func storageConfig() {
        let warnings = inventory.warnings.about("etc/pve/storage.cfg")
        #expect(warnings.count == 4)
        #expect(warnings.contains { $0.hasPrefix("etc/pve/storage.cfg: line 1: 'path /orphan/property' is outside any storage section") })
        #expect(warnings.contains { $0.hasPrefix("etc/pve/storage.cfg: line 2: 'garbage line here' is not a '<type>: <id>' section header") })
        #expect(warnings.contains { $0.hasPrefix("etc/pve/storage.cfg: line 4: 'dir: 1bad' is not a valid") })
        // Only three examples are spelled out; the rest is summed up.
        #expect(warnings.contains { $0 == "etc/pve/storage.cfg: 1 more line(s) could not be understood and were ignored" })
        #expect(inventory.storages.map(\.id) == ["local", "local-lvm"])
        #expect(inventory.storage("local-lvm")?.content == ["images", "rootdir"])
    }

    @Test("Garbage in user.cfg: reported; valid pools still listed")
    func userConfig() {
        let warnings = inventory.warnings.about("etc/pve/user.cfg")
        #expect(warnings.count == 2)
        #expect(warnings.first?.hasPrefix("etc/pve/user.cfg: line 1: 'nonsense line'") == true)
        #expect(warnings.last?.hasPrefix("etc/pve/user.cfg: line 2: pool ID 'bad id!' is not valid") == true)
        #expect(inventory.pools == [Pool(id: "good", comment: "Fine / well")])
    }

    @Test("Garbage in interfaces: reported; bridges still found")
    func interfaces() {
        let warnings = inventory.warnings.about("etc/network/interfaces")
        #expect(warnings.count == 2)
        #expect(warnings.first?.hasPrefix("etc/network/interfaces: line 1: 'bridge-ports eno1' is outside any iface stanza") == true)
        #expect(inventory.bridge("vmbr0")?.comment == "Still found")
    }

    @Test("A truncated .rrd: missing NUL and a malformed line reported; complete lines used")
    func rrd() {
        let warnings = inventory.warnings.about("etc/pve/.rrd")
        #expect(warnings.count == 2)
        #expect(warnings.contains { $0.contains("does not end with its NUL terminator") })
        #expect(warnings.contains { $0.contains("ignored 1 malformed line(s) (e.g. \"garbage-without-colon\")") })
        #expect(inventory.storage("local-lvm")?.usedBytes == 1000)
        #expect(inventory.storage("local")?.totalBytes == nil)
    }

    @Test("meminfo without MemTotal: reported; CPUs still counted")
    func proc() {
        #expect(inventory.warnings.about("proc/meminfo") == ["proc/meminfo: no MemTotal line; host memory unknown"])
        #expect(inventory.memoryTotalMiB == 0)
        #expect(inventory.cpuCount == 2)
    }

    @Test("Every warning names its file")
    func everyWarningNamesAFile() {
        let files = [
            "etc/pve/.vmlist", "etc/pve/.members", "etc/pve/datacenter.cfg", "etc/pve/storage.cfg", "etc/pve/user.cfg",
            "etc/network/interfaces", "etc/pve/sdn/.running-config", "etc/pve/.rrd", "proc/meminfo",
        ]
        for warning in inventory.warnings {
            #expect(files.contains { warning.description.hasPrefix($0 + ": ") }, "\(warning)")
        }
        for file in files {
            #expect(!inventory.warnings.about(file).isEmpty, "no warning for \(file)")
        }
    }

    @Test("Unreadable files are reported with the reason, and everything else still loads")
    func unreadableFiles() throws {
        let root = try InventoryFixtures.copy("standalone")
        defer { InventoryFixtures.cleanUp(root) }
        try InventoryFixtures.makeUnreadable("etc/pve/user.cfg", in: root)
        try InventoryFixtures.makeUnreadable("etc/pve/.vmlist", in: root)
        try InventoryFixtures.makeUnreadable("etc/network/interfaces", in: root)
        let loaded = HostInventoryLoader.load(root: root.path)
        #expect(loaded.warnings.about("etc/pve/user.cfg") == [
            "etc/pve/user.cfg: cannot be read (is a directory, not a file); pools are not listed",
        ])
        #expect(loaded.warnings.about("etc/pve/.vmlist").first?.hasPrefix("etc/pve/.vmlist: cannot be read (") == true)
        #expect(loaded.warnings.about("etc/network/interfaces").count == 1)
        #expect(loaded.warnings.count == 3)
        #expect(loaded.pools.isEmpty)
        #expect(loaded.guests.isEmpty)
        #expect(loaded.bridges.isEmpty)
        #expect(loaded.localNode == "pve")
        #expect(loaded.storages.map(\.id) == ["local", "local-lvm"])
        #expect(loaded.isoImages["local"]?.count == 4)

        // Permission bits only stop non-root users.
        if geteuid() != 0 {
            let file = root.appendingPathComponent("etc/pve/datacenter.cfg")
            try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: file.path)
            let denied = HostInventoryLoader.load(root: root.path)
            #expect(denied.warnings.about("etc/pve/datacenter.cfg").first?.contains("Permission denied") == true)
        }
    }

    @Test("Empty and wrongly shaped status files are reported")
    func emptyAndWrongShapes() throws {
        let root = try InventoryFixtures.copy("standalone")
        defer { InventoryFixtures.cleanUp(root) }
        try InventoryFixtures.write("", to: "etc/pve/.vmlist", in: root)
        try InventoryFixtures.write("[1, 2, 3]", to: "etc/pve/.members", in: root)
        try InventoryFixtures.write(#"{"vnets": [], "zones": 5}"#, to: "etc/pve/sdn/.running-config", in: root)
        let loaded = HostInventoryLoader.load(root: root.path)
        #expect(loaded.warnings.about("etc/pve/.vmlist") == [
            "etc/pve/.vmlist: not valid JSON (the file is empty); guest IDs may be incomplete",
        ])
        #expect(loaded.warnings.about("etc/pve/.members") == [
            "etc/pve/.members: expected a JSON object at the top; cluster nodes and quorum unknown",
        ])
        #expect(loaded.warnings.about("etc/pve/sdn/.running-config").isEmpty)  // valid JSON, just no vnets
        #expect(loaded.localNode == "ignored-because-members-wins")
        #expect(loaded.bridges.count == 3)
    }

    @Test("Odd .vmlist entries: bad keys reported, IDs without node or with an unknown type still taken")
    func oddGuestEntries() throws {
        let root = try InventoryFixtures.copy("zero-guests")
        defer { InventoryFixtures.cleanUp(root) }
        try InventoryFixtures.write("""
            {"version": 9, "ids": {"abc": {"node": "x", "type": "qemu"}, "0100": {"node": "x", "type": "qemu"},
             "100": {"node": "pve", "type": "bhyve"}, "101": {"type": "lxc"}, "102": 7,
             "103": {"node": "pv\\u0065", "type": "lxc", "extra": [1, {"a": null}, true, -2.5e3]}}}
            """, to: "etc/pve/.vmlist", in: root)
        let loaded = HostInventoryLoader.load(root: root.path)
        #expect(Set(loaded.guests.keys) == [100, 101, 102, 103])
        #expect(loaded.guests[103] == Guest(node: "pve", kind: .lxc))
        #expect(loaded.guests[101]?.kind == .lxc)
        #expect(loaded.nextFreeVMID() == 104)
        let warnings = loaded.warnings.about("etc/pve/.vmlist")
        #expect(warnings.count == 3)
        #expect(warnings.contains { $0.contains("2 entry(ies) whose key is not a guest ID") })
        #expect(warnings.contains { $0.contains("2 guest entry(ies) without a node (e.g. 101)") })
        #expect(warnings.contains { $0.contains("1 guest(s) of unknown type (e.g. 100)") })
    }

    @Test("Binary junk and deep nesting never crash the parsers")
    func junk() throws {
        let root = try InventoryFixtures.copy("zero-guests")
        defer { InventoryFixtures.cleanUp(root) }
        var junk: [UInt8] = []
        var seed: UInt32 = 12345
        for _ in 0..<4096 {
            seed = seed &* 1_103_515_245 &+ 12345
            junk.append(UInt8(truncatingIfNeeded: seed >> 16))
        }
        for file in ["etc/pve/.vmlist", "etc/pve/.members", "etc/pve/storage.cfg", "etc/pve/datacenter.cfg", "etc/pve/user.cfg",
                     "etc/network/interfaces", "etc/pve/.rrd", "etc/pve/sdn/.running-config", "proc/cpuinfo", "proc/meminfo", "proc/mounts"] {
            let url = root.appendingPathComponent(file)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(junk).write(to: url)
        }
        let loaded = HostInventoryLoader.load(root: root.path)
        #expect(loaded.storages.first?.id == "local")
        #expect(!loaded.warnings.isEmpty)

        try InventoryFixtures.write(String(repeating: "[", count: 100_000), to: "etc/pve/.members", in: root)
        try InventoryFixtures.write("{\"ids\": " + String(repeating: "{\"a\": ", count: 50_000), to: "etc/pve/.vmlist", in: root)
        let deep = HostInventoryLoader.load(root: root.path)
        #expect(deep.warnings.about("etc/pve/.members").first?.contains("nesting deeper than") == true)
        #expect(deep.warnings.about("etc/pve/.vmlist").first?.contains("nesting deeper than") == true)
    }
}
