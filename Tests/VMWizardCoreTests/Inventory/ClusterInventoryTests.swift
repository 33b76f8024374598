import Foundation
import Testing
import VMWizardCore

@Suite("Host inventory: cluster membership and .rrd figures")
struct ClusterInventoryTests {
    @Test("Cluster .members: name, quorum, nodes sorted with online state, local node marked")
    func clusterMembers() throws {
        let inventory = HostInventoryLoader.load(root: try InventoryFixtures.root("cluster"))
        #expect(inventory.warnings == [])
        #expect(inventory.localNode == "pve1")
        #expect(inventory.clusterName == "prod")
        #expect(inventory.quorate)
        #expect(inventory.nodes.map(\.name) == ["pve1", "pve2", "pve3"])
        #expect(inventory.nodes.map(\.online) == [true, true, false])
        #expect(inventory.nodes.map(\.isLocal) == [true, false, false])
    }

    @Test("Guests on every node count, including legacy openvz")
    func clusterGuests() throws {
        let inventory = HostInventoryLoader.load(root: try InventoryFixtures.root("cluster"))
        #expect(inventory.guests[101] == Guest(node: "pve2", kind: .lxc))
        #expect(inventory.guests[102] == Guest(node: "pve3", kind: .qemu))
        #expect(inventory.guests[104] == Guest(node: "pve2", kind: .openvz))
        #expect(inventory.nextFreeVMID() == 103)
        #expect(inventory.nextFreeVMID(from: 104) == 105)
    }

    @Test("A cluster without quorum is reported")
    func noQuorum() throws {
        let root = try InventoryFixtures.copy("cluster")
        defer { InventoryFixtures.cleanUp(root) }
        try InventoryFixtures.write("""
            {"nodename": "pve1", "version": 13, "cluster": {"name": "prod", "version": 3, "nodes": 3, "quorate": 0},
             "nodelist": {"pve1": {"id": 1, "online": 1}, "pve2": {"id": 2, "online": 0}, "pve3": {"id": 3, "online": 0}}}
            """, to: "etc/pve/.members", in: root)
        let inventory = HostInventoryLoader.load(root: root.path)
        #expect(inventory.quorate == false)
        #expect(inventory.nodes.filter(\.online).map(\.name) == ["pve1"])
    }

    @Test("Other nodes' CPUs and memory come from .rrd node lines (both key generations); the local node's from /proc")
    func nodeFigures() throws {
        let inventory = HostInventoryLoader.load(root: try InventoryFixtures.root("cluster"))
        let byName = Dictionary(uniqueKeysWithValues: inventory.nodes.map { ($0.name, $0) })
        #expect(byName["pve1"]?.cpuCount == 16)
        #expect(byName["pve1"]?.memoryTotalMiB == 65536)
        #expect(byName["pve2"]?.cpuCount == 32)  // pve2-node/..., empty subscription field
        #expect(byName["pve2"]?.memoryTotalMiB == 131_072)
        #expect(byName["pve3"]?.cpuCount == 8)  // pve-node-9.0/...
        #expect(byName["pve3"]?.memoryTotalMiB == 32768)
        #expect(inventory.cpuCount == 16)
    }

    @Test(".rrd storage figures: local node's line, newest of both prefixes, U unknown, stale dropped, shared from another node")
    func storageFigures() throws {
        let inventory = HostInventoryLoader.load(root: try InventoryFixtures.root("cluster"))
        let local = try #require(inventory.storage("local"))
        #expect(local.totalBytes == 107_374_182_400)
        #expect(local.usedBytes == 32_212_254_720)
        #expect(local.availableBytes == 75_161_927_680)

        // pve2-storage (ctime ...100) and pve-storage-9.0 (ctime ...295): the newer line wins.
        let lvm = try #require(inventory.storage("local-lvm"))
        #expect(lvm.usedBytes == 187_904_819_200)

        let tank = try #require(inventory.storage("tank"))
        #expect(tank.totalBytes == nil)
        #expect(tank.usedBytes == nil)
        #expect(tank.availableBytes == nil)

        // Not reported by pve1; shared, so the freshest other node's line (pve2) is used.
        let nfs = try #require(inventory.storage("shared-nfs"))
        #expect(nfs.shared)
        #expect(nfs.totalBytes == 2_199_023_255_552)
        #expect(nfs.usedBytes == 1_099_511_627_776)

        // More than 5 minutes older than the newest entry: stale.
        let old = try #require(inventory.storage("old"))
        #expect(old.totalBytes == nil)

        // No line at all.
        #expect(inventory.storage("nodata")?.totalBytes == nil)
    }

    @Test("A .rrd dump without its trailing NUL is reported and its last partial line ignored")
    func truncatedRRD() throws {
        let root = try InventoryFixtures.copy("cluster")
        defer { InventoryFixtures.cleanUp(root) }
        try InventoryFixtures.write(
            "pve2-storage/pve1/local:1700000300:107374182400:32212254720\npve2-storage/pve1/local-lvm:1700000300:3758",
            to: "etc/pve/.rrd", in: root
        )
        let inventory = HostInventoryLoader.load(root: root.path)
        #expect(inventory.storage("local")?.usedBytes == 32_212_254_720)
        #expect(inventory.storage("local-lvm")?.totalBytes == nil)
        let warnings = inventory.warnings.about("etc/pve/.rrd")
        #expect(warnings.count == 1)
        #expect(warnings.first?.contains("NUL") == true)
    }
}
