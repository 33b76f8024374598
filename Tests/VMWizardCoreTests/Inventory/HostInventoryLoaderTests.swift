import Foundation
import Testing
import VMWizardCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@Suite("Host inventory: standalone and basic rules")
struct HostInventoryLoaderTests {
    @Test("A standalone node: name, single node, no cluster, quorate")
    func standaloneNode() throws {
        let inventory = HostInventoryLoader.load(root: try InventoryFixtures.root("standalone"))
        #expect(inventory.warnings == [])
        #expect(inventory.localNode == "pve")  // .members wins over etc/hostname
        #expect(inventory.isDemo == false)
        #expect(inventory.clusterName == nil)
        #expect(inventory.quorate)
        #expect(inventory.nodes == [ClusterNode(name: "pve", online: true, isLocal: true, cpuCount: 12, memoryTotalMiB: 64000)])
    }

    @Test("Guests come from .vmlist with node and type")
    func guests() throws {
        let inventory = HostInventoryLoader.load(root: try InventoryFixtures.root("standalone"))
        #expect(inventory.guests.count == 3)
        #expect(inventory.guests[1000] == Guest(node: "pve", kind: .qemu))
        #expect(inventory.guests[1001] == Guest(node: "pve", kind: .lxc))
        #expect(inventory.guests[105] == Guest(node: "pve", kind: .qemu))
    }

    @Test("datacenter.cfg next-id range and mac_prefix are honoured")
    func datacenterOptions() throws {
        let inventory = HostInventoryLoader.load(root: try InventoryFixtures.root("standalone"))
        #expect(inventory.nextIDLower == 1000)
        #expect(inventory.nextIDUpper == 2000)
        #expect(inventory.macPrefix == "02:AB:CD")
        // 105 lies below the range and does not matter; 1000 and 1001 are taken.
        #expect(inventory.nextFreeVMID() == 1002)
        #expect(inventory.nextFreeVMID(from: 1500) == 1500)
        #expect(inventory.nextFreeVMID(from: 50) == 1002)
        #expect(inventory.nextFreeVMID(from: 2000) == nil)
    }

    @Test("Defaults without datacenter.cfg: range 100..<1000000, prefix BC:24:11")
    func datacenterDefaults() throws {
        let inventory = HostInventoryLoader.load(root: try InventoryFixtures.root("zero-guests"))
        #expect(inventory.nextIDLower == 100)
        #expect(inventory.nextIDUpper == 1_000_000)
        #expect(inventory.macPrefix == "BC:24:11")
    }

    @Test("Zero guests: .vmlist without \"ids\" is fine and the next ID is 100")
    func zeroGuests() throws {
        let inventory = HostInventoryLoader.load(root: try InventoryFixtures.root("zero-guests"))
        #expect(inventory.warnings == [])
        #expect(inventory.guests.isEmpty)
        #expect(inventory.nextFreeVMID() == 100)
    }

    @Test("Without .members the node name is etc/hostname up to the first dot")
    func hostnameFallback() throws {
        let inventory = HostInventoryLoader.load(root: try InventoryFixtures.root("zero-guests"))
        #expect(inventory.localNode == "node7")
        #expect(inventory.nodes == [ClusterNode(name: "node7", online: true, isLocal: true, cpuCount: 2, memoryTotalMiB: 3952)])
    }

    @Test("Without .members and etc/hostname the node name is uname's up to the first dot")
    func unameFallback() throws {
        let root = try InventoryFixtures.scratch()
        defer { InventoryFixtures.cleanUp(root) }
        try InventoryFixtures.write("dir: local\n\tpath /var/lib/vz\n", to: "etc/pve/storage.cfg", in: root)
        var info = utsname()
        #expect(uname(&info) == 0)
        let full = withUnsafeBytes(of: &info.nodename) { raw in
            String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
        }
        let expected = String(full.split(separator: ".", omittingEmptySubsequences: false).first ?? "")
        let inventory = HostInventoryLoader.load(root: root.path)
        #expect(inventory.localNode == expected)
        #expect(!inventory.localNode.contains("."))
        // A PVE root without .vmlist or /proc is suspicious: say so.
        #expect(inventory.warnings.about("etc/pve/.vmlist").count == 1)
        #expect(inventory.warnings.about("proc/cpuinfo").count == 1)
        #expect(inventory.warnings.about("proc/meminfo").count == 1)
        #expect(inventory.warnings.about("etc/network/interfaces").count == 1)
    }

    @Test("A full next-id range has no free VMID")
    func fullRange() throws {
        let inventory = HostInventoryLoader.load(root: try InventoryFixtures.root("full-range"))
        #expect(inventory.warnings == [])
        #expect(inventory.nextIDLower == 100)
        #expect(inventory.nextIDUpper == 105)
        #expect(inventory.guests.count == 5)
        #expect(inventory.nextFreeVMID() == nil)
        #expect(inventory.nextFreeVMID(from: 104) == nil)
    }

    @Test("Host CPUs count 'processor' lines; memory comes from MemTotal/MemAvailable in MiB")
    func cpuAndMemory() throws {
        let inventory = HostInventoryLoader.load(root: try InventoryFixtures.root("standalone"))
        #expect(inventory.cpuCount == 12)
        #expect(inventory.memoryTotalMiB == 64000)
        #expect(inventory.memoryAvailableMiB == 40000)
    }

    @Test("cgroup version: 2 with sys/fs/cgroup/cgroup.controllers, else 1")
    func cgroupVersion() throws {
        #expect(HostInventoryLoader.load(root: try InventoryFixtures.root("standalone")).cgroupVersion == 2)
        #expect(HostInventoryLoader.load(root: try InventoryFixtures.root("zero-guests")).cgroupVersion == 1)
    }

    @Test("looksLikePVE: .members or storage.cfg under the root")
    func looksLikePVE() throws {
        let empty = try InventoryFixtures.scratch()
        defer { InventoryFixtures.cleanUp(empty) }
        #expect(HostInventoryLoader.looksLikePVE(root: empty.path) == false)
        #expect(HostInventoryLoader.looksLikePVE(root: try InventoryFixtures.root("standalone")))
        // zero-guests has storage.cfg but no .members.
        #expect(HostInventoryLoader.looksLikePVE(root: try InventoryFixtures.root("zero-guests")))
        #expect(HostInventoryLoader.looksLikePVE(root: empty.appendingPathComponent("does-not-exist").path) == false)
    }

    @Test("clusterFilesystemLooksDown: PVE installed but etc/pve empty")
    func clusterFilesystemDown() throws {
        let root = try InventoryFixtures.scratch()
        defer { InventoryFixtures.cleanUp(root) }
        #expect(HostInventoryLoader.clusterFilesystemLooksDown(root: root.path) == false)
        try InventoryFixtures.write("#!/usr/bin/perl\n", to: "usr/bin/pvesh", in: root)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("etc/pve"), withIntermediateDirectories: true)
        #expect(HostInventoryLoader.clusterFilesystemLooksDown(root: root.path))
        #expect(HostInventoryLoader.looksLikePVE(root: root.path) == false)
        try InventoryFixtures.write("{}", to: "etc/pve/.members", in: root)
        #expect(HostInventoryLoader.clusterFilesystemLooksDown(root: root.path) == false)
    }

    @Test("Pools: URI-escaped comments, nested pools, parents first, first definition wins")
    func pools() throws {
        let inventory = HostInventoryLoader.load(root: try InventoryFixtures.root("standalone"))
        #expect(inventory.pools.map(\.id) == ["cafe", "lab", "prod", "prod/web", "prod/web/edge", "prod-old"])
        let comments = Dictionary(uniqueKeysWithValues: inventory.pools.map { ($0.id, $0.comment) })
        #expect(comments["prod"] == "Production : customer-facing")
        #expect(comments["prod/web"] == "Web tier % frontends")
        #expect(comments["prod/web/edge"] == "Edge caches")
        #expect(comments["lab"] == "Test machines")
        #expect(comments["cafe"] == "Café réseau")
    }

    @Test("Loading an empty folder gives a usable inventory with warnings, not a crash")
    func emptyRoot() throws {
        let root = try InventoryFixtures.scratch()
        defer { InventoryFixtures.cleanUp(root) }
        let inventory = HostInventoryLoader.load(root: root.path)
        #expect(inventory.storages.map(\.id) == ["local"])
        #expect(inventory.guests.isEmpty)
        #expect(inventory.cpuCount >= 1)
        #expect(!inventory.warnings.isEmpty)
    }
}
