import Foundation
import Testing
import VMWizardCore

@Suite("Host inventory: background ISO listing")
struct InventoryISOListingTests {
    @Test("A mounted network storage is listed, with sizes")
    func mountedNFS() async throws {
        let root = try InventoryFixtures.root("storage-rules")
        let inventory = HostInventoryLoader.load(root: root)
        let nas = try #require(inventory.storage("nas"))
        let result = await HostInventoryLoader.listISOs(storage: nas, root: root, timeout: .seconds(5))
        #expect(result.outcome == .listed)
        #expect(result.storageID == "nas")
        #expect(result.images == [
            ISOImage(volid: "nas:iso/nas-1.iso", fileName: "nas-1.iso", sizeBytes: 0),
            ISOImage(volid: "nas:iso/nas-2.iso", fileName: "nas-2.iso", sizeBytes: 10),
        ])
    }

    @Test("A network storage missing from proc/mounts gives an empty list and a note, without reading it")
    func notMounted() async throws {
        let root = try InventoryFixtures.root("storage-rules")
        let inventory = HostInventoryLoader.load(root: root)
        let smb = try #require(inventory.storage("smb"))
        let result = await HostInventoryLoader.listISOs(storage: smb, root: root, timeout: .seconds(5))
        #expect(result.outcome == .notMounted)
        #expect(result.images.isEmpty)  // smb.iso exists in the tree but must not be read
        #expect(result.note == "/mnt/pve/smb is not mounted")
    }

    @Test("listPendingISOs answers every pending storage in storage.cfg order; apply() stores the results")
    func pendingAll() async throws {
        let root = try InventoryFixtures.root("storage-rules")
        var inventory = HostInventoryLoader.load(root: root)
        let results = await HostInventoryLoader.listPendingISOs(for: inventory, root: root, timeout: .seconds(5))
        #expect(results.map(\.storageID) == ["nas", "smb", "gluster"])
        #expect(results.map(\.outcome) == [.listed, .notMounted, .notMounted])
        for result in results { inventory.apply(result) }
        #expect(inventory.isoListingPending.isEmpty)
        #expect(inventory.isoImages["nas"]?.count == 2)
        #expect(inventory.isoImages["smb"] == [])
    }

    @Test("Local storages can be listed the same way; a missing folder is an empty list with a note")
    func localAndMissing() async throws {
        let root = try InventoryFixtures.copy("storage-rules")
        defer { InventoryFixtures.cleanUp(root) }
        let inventory = HostInventoryLoader.load(root: root.path)
        let isostore = try #require(inventory.storage("isostore"))
        let listed = await HostInventoryLoader.listISOs(storage: isostore, root: root.path, timeout: .seconds(5))
        #expect(listed.outcome == .listed)
        #expect(listed.images.count == 2)

        try FileManager.default.removeItem(at: root.appendingPathComponent("mnt/pve/nas/template"))
        let nas = try #require(inventory.storage("nas"))
        let missing = await HostInventoryLoader.listISOs(storage: nas, root: root.path, timeout: .seconds(5))
        #expect(missing.outcome == .listed)
        #expect(missing.images.isEmpty)
        #expect(missing.note == "/mnt/pve/nas/template/iso does not exist")
    }

    @Test("A storage without a path cannot be listed")
    func noPath() async {
        let storage = Storage(id: "thin", type: "lvmthin", content: ["images"])
        let result = await HostInventoryLoader.listISOs(storage: storage, root: "/nonexistent", timeout: .seconds(1))
        #expect(result.outcome == .failed)
        #expect(result.note == "storage 'thin' has no folder path")
    }

    @Test("Blocking work that hangs returns nil after the timeout instead of hanging the caller")
    func timeoutWins() async {
        // The work blocks until released, like a readdir on a dead NFS server.
        let gate = DispatchSemaphore(value: 0)
        let start = ContinuousClock.now
        let result: Int? = await BlockingWork.run(timeout: .milliseconds(100)) {
            gate.wait()
            return 1
        }
        let elapsed = ContinuousClock.now - start
        gate.signal()
        #expect(result == nil)
        #expect(elapsed >= .milliseconds(90))
    }

    @Test("Blocking work that finishes in time returns its value")
    func workWins() async {
        // A generous timeout: the awaiting task resumes only when a concurrency thread is free, and a
        // busy test run can keep them all occupied.
        let result = await BlockingWork.run(timeout: .seconds(600)) { 6 * 7 }
        #expect(result == 42)
    }
}
