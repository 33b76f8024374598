import Foundation
import Testing
@testable import VMWizardCore

/// Checks before anything runs, the commands for this and other nodes, and the file writes.
@Suite struct ApplyTests {
    static func validModel(_ host: HostInventory = TestHosts.standard) -> VMModel {
        TestHosts.model(host, [(.isoImage, "local:iso/x.iso")])
    }

    static func scratch() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("vmw-apply-\(getpid())-\(UInt32.random(in: 0...UInt32.max))").path
        try FileManager.default.createDirectory(atPath: path + "/etc/pve", withIntermediateDirectories: true)
        return path
    }

    @Test func preflightRefusesWithAClearReasonBeforeAnythingRuns() throws {
        let root = try Self.scratch()
        let fakeQm = root + "/qm"
        _ = FileManager.default.createFile(atPath: fakeQm, contents: Data("#!/bin/sh\n".utf8), attributes: [.posixPermissions: 0o755])
        let ready = Applier(qm: fakeQm, root: root, effectiveUserID: 0)
        #expect(ready.preflight(Self.validModel()) == nil)

        var demo = Self.validModel(.demo)
        demo.set(.isoImage, to: HostInventory.demo.isoImages.values.flatMap { $0 }.first?.volid ?? "")
        #expect(ready.preflight(demo)?.description.contains("demo host") == true)
        #expect(Applier(qm: fakeQm, root: root, effectiveUserID: 1000).preflight(Self.validModel())?.description.contains("needs root") == true)
        #expect(Applier(qm: root + "/nope", root: root, effectiveUserID: 0).preflight(Self.validModel())?.description.contains("was not found") == true)
        var noQuorum = TestHosts.standard
        noQuorum.quorate = false
        #expect(ready.preflight(Self.validModel(noQuorum))?.description.contains("no quorum") == true)
        #expect(Applier(qm: fakeQm, root: root + "/missing", effectiveUserID: 0).preflight(Self.validModel())?.description.contains("no quorum") == true,
                "a read-only or absent /etc/pve is treated like lost quorum")
        var invalid = Self.validModel()
        invalid.set(.memory, to: "8")
        #expect(ready.preflight(invalid) == "Memory must be at least 16 MiB (got 8)")

        // Every refusal reads in Chinese too.
        let refusals = [
            ready.preflight(demo), Applier(qm: fakeQm, root: root, effectiveUserID: 1000).preflight(Self.validModel()),
            Applier(qm: root + "/nope", root: root, effectiveUserID: 0).preflight(Self.validModel()),
            ready.preflight(Self.validModel(noQuorum)), ready.preflight(invalid),
        ]
        for reason in refusals {
            let phrase = try #require(reason)
            #expect(Translations.table(.zh)[phrase.template] != nil, "no Chinese for: \(phrase.template)")
        }
    }

    @Test func anotherNodeIsCreatedAndStartedThroughTheAPI() {
        var host = TestHosts.standard
        host.nodes = [ClusterNode(name: "pve1", online: true, isLocal: true), ClusterNode(name: "pve2", online: true, isLocal: false)]
        var model = Self.validModel(host)
        model.set(.node, to: "pve2")
        model.set(.start, to: "1")
        let plan = QmCommand.plan(model)
        #expect(plan.count == 2)
        #expect(Array(plan[0].prefix(5)) == ["pvesh", "create", "/nodes/pve2/qemu", "--vmid", "102"])
        #expect(plan[0].contains("--ide2") && !plan[0].contains("--start"))
        #expect(plan[1] == ["pvesh", "create", "/nodes/pve2/qemu/102/status/start"])
        model.set(.node, to: "pve1")
        #expect(QmCommand.plan(model).map { Array($0.prefix(2)) } == [["qm", "create"], ["qm", "start"]])
    }

    @Test func exclusiveCreateNeverOverwritesAndLeavesNoTemporaryFile() throws {
        let dir = try Self.scratch()
        let path = dir + "/vm.conf"
        try AtomicFile.createExclusive(path, contents: "memory: 2048\n")
        #expect(throws: FileWriteError.self) { try AtomicFile.createExclusive(path, contents: "memory: 4096\n") }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "memory: 2048\n")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.contains(".tmp-") }
        #expect(leftovers.isEmpty)
    }

    @Test func registeringInsidePVERefusesVolumesStillToAllocate() throws {
        let root = try Self.scratch()
        try FileManager.default.createDirectory(atPath: root + "/etc/pve/qemu-server", withIntermediateDirectories: true)
        let writer = ConfigWriter(root: root)
        let model = Self.validModel()
        #expect(writer.registeredVMID(for: root + "/etc/pve/qemu-server/102.conf") == 102)
        #expect(writer.registeredVMID(for: root + "/etc/pve/nodes/pve1/qemu-server/102.conf") == 102)
        #expect(writer.registeredVMID(for: root + "/srv/102.conf") == nil)
        #expect(ConfigWriter.volumesToAllocate(model) == ["scsi0"])
        do {
            _ = try writer.write(model, to: root + "/etc/pve/qemu-server/102.conf")
            Issue.record("a config that needs scsi0 allocated must not be registered")
        } catch let error as FileWriteError {
            #expect(error.description.contains("scsi0 still needs a new volume"))
        }
        do {
            _ = try writer.write(model, to: root + "/etc/pve/qemu-server/555.conf")
            Issue.record("the file name must be the VM ID")
        } catch let error as FileWriteError {
            #expect(error.description.contains("qemu-server/102.conf"))
        }
    }

    @Test func generatedMACsUseTheClusterPrefixAndAreUnicast() {
        for _ in 0..<50 {
            let mac = MACAddress.random(prefix: "BC:24:11")
            #expect(mac.hasPrefix("BC:24:11:"))
            #expect(PVEFormat.macAddress(mac) == nil)
        }
        #expect(PVEFormat.macAddress(MACAddress.random(prefix: "03:00:00")) == nil, "a multicast prefix is made unicast")
    }
}

@Suite struct GuestListTests {
    @Test func theGuestListAloneIsReReadBeforeCreating() throws {
        let root = try ApplyTests.scratch()
        #expect(HostInventoryLoader.loadGuests(root: root) == nil, "no .vmlist: nothing known")
        try #"{"version": 3, "ids": {"120": {"node": "pve2", "type": "lxc", "version": 1}}}"#
            .write(toFile: root + "/etc/pve/.vmlist", atomically: true, encoding: .utf8)
        #expect(HostInventoryLoader.loadGuests(root: root) == [120: Guest(node: "pve2", kind: .lxc)])
        let applier = Applier(root: root, effectiveUserID: 0)
        #expect(applier.currentGuests(fallback: TestHosts.standard)[120] != nil)
        #expect(applier.currentGuests(fallback: TestHosts.standard)[100] == nil, "the file wins over what was known")
    }
}
