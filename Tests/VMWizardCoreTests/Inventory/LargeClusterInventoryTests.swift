import Foundation
import Testing
import VMWizardCore
import VMWizardFixtures

@Suite("Host inventory: the large generated cluster")
struct LargeClusterInventoryTests {
    @Test("10,000 guests, 50 storages, 2,000 ISO files: counts, next free VMID, pending storages, nodes")
    func largeCluster() throws {
        let dir = try InventoryFixtures.scratch().appendingPathComponent("large")
        defer { InventoryFixtures.cleanUp(dir) }
        try LargeClusterFixture.create(at: dir)
        let inventory = HostInventoryLoader.load(root: dir.path)

        #expect(inventory.warnings == [])
        #expect(inventory.localNode == "pve1")
        #expect(inventory.clusterName == "bench")
        #expect(inventory.quorate)
        #expect(inventory.guests.count == 10_000)
        #expect(inventory.nextFreeVMID() == 5000)
        #expect(inventory.nextFreeVMID(from: 5001) == 10_101)
        #expect(inventory.storages.count == 50)
        #expect(inventory.storages.first?.id == "local")

        let isoCount = inventory.isoImages.values.reduce(0) { $0 + $1.count }
        #expect(isoCount == LargeClusterFixture.expectedStartupISOCount)
        #expect(isoCount > 1500 && isoCount < 2000)  // iso-11 (pve2 only) and iso-12 (disabled) are not read
        #expect(inventory.isoImages["iso-11"] == nil)
        #expect(inventory.isoImages["iso-12"] == nil)
        #expect(inventory.isoImages["iso-10"]?.isEmpty == false)  // content-dirs folder
        #expect(inventory.isoListingPending == LargeClusterFixture.expectedPendingISOStorages)
        #expect(inventory.isoListingPending.count == 9)

        #expect(inventory.nodes.map(\.name) == ["pve1", "pve2", "pve3"])
        #expect(inventory.nodes.map(\.online) == [true, true, false])
        #expect(inventory.nodes.map(\.cpuCount) == [64, 48, 32])
        #expect(inventory.cpuCount == 64)
        #expect(inventory.memoryTotalMiB == 257_604)
        #expect(inventory.bridges.map(\.name) == ["vmbr0", "vmbr1", "vmbr2", "vnet10", "vnet20", "vxlab"])
        #expect(inventory.pools.count == 25)
        #expect(inventory.storages.allSatisfy { $0.disabled || !$0.isEnabled(on: "pve1") || $0.totalBytes != nil })
        #expect(inventory.storage("san-lvm-3")?.defaultFormat == "qcow2")
    }

    @Test("Creating the large fixture twice is a no-op the second time and loads the same inventory")
    func idempotent() throws {
        let dir = try InventoryFixtures.scratch().appendingPathComponent("large")
        defer { InventoryFixtures.cleanUp(dir) }
        try LargeClusterFixture.create(at: dir)
        let first = HostInventoryLoader.load(root: dir.path)
        let start = ContinuousClock.now
        try LargeClusterFixture.create(at: dir)
        #expect(ContinuousClock.now - start < .seconds(5))  // only the marker is read
        let second = HostInventoryLoader.load(root: dir.path)
        #expect(first == second)

        // A stale or foreign tree in the folder is replaced.
        try Data("old-layout".utf8).write(to: dir.appendingPathComponent(".vmwizard-fixture"))
        try Data("junk".utf8).write(to: dir.appendingPathComponent("leftover.txt"))
        try LargeClusterFixture.create(at: dir)
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("leftover.txt").path))
        #expect(HostInventoryLoader.load(root: dir.path) == first)
    }

    @Test("The benchmark report carries timings and counts")
    func benchmarkReport() throws {
        let report = try InventoryBenchmark.run(iterations: 3)
        #expect(report.contains("median"))
        #expect(report.contains("guests 10000"))
        #expect(report.contains("storages 50"))
        #expect(report.contains("next free VMID 5000"))
    }
}
