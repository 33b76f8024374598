import Foundation
import Testing
@testable import VMWizardCore

/// Another cluster node's bridges and ISO lists come from pvesh, on demand.
@Suite struct RemoteNodeTests {
    static var cluster: HostInventory {
        var host = TestHosts.standard
        host.nodes = [
            ClusterNode(name: "pve1", online: true, isLocal: true),
            ClusterNode(name: "pve2", online: true, isLocal: false, cpuCount: 4, memoryTotalMiB: 8192),
        ]
        return host
    }

    static let bridgesJSON = """
        [{"iface":"vmbr0","type":"bridge","active":1,"comments":"LAN\\n","bridge_vlan_aware":"1"},
         {"iface":"ovs0","type":"OVSBridge","active":"1"},
         {"iface":"vnet7","type":"vnet","active":"1","zone":"zone1"}]
        """

    @Test func parsesPveshBridgesAndISOContent() {
        let bridges = RemoteNodeLoader.parseBridges(Self.bridgesJSON)
        #expect(bridges.map(\.name) == ["ovs0", "vmbr0", "vnet7"])
        #expect(bridges.first { $0.name == "vmbr0" } == Bridge(name: "vmbr0", kind: .linux, comment: "LAN", active: true, vlanAware: true))
        #expect(bridges.first { $0.name == "ovs0" }?.kind == .ovs)
        #expect(bridges.first { $0.name == "vnet7" }?.zone == "zone1")
        let isos = RemoteNodeLoader.parseISOContent(#"[{"volid":"local:iso/b.iso","size":10},{"volid":"local:iso/a.iso","size":"20"}]"#)
        #expect(isos == [ISOImage(volid: "local:iso/a.iso", fileName: "a.iso", sizeBytes: 20),
                         ISOImage(volid: "local:iso/b.iso", fileName: "b.iso", sizeBytes: 10)])
        #expect(RemoteNodeLoader.parseBridges("not json").isEmpty)
    }

    @Test func anotherNodeUsesItsOwnBridgesOnceKnown() {
        var model = VMModel(host: Self.cluster)
        model.set(.isoImage, to: "local:iso/x.iso")
        model.set(.node, to: "pve2")
        #expect(model.createsOnOtherNode)
        // Not read yet: the local bridges do not count for pve2, and the name cannot be checked.
        #expect(model.targetBridges == nil)
        model.set(.netBridge, item: 0, to: "vmbr1")
        #expect(model.issue(.netBridge, item: 0)?.severity == .warning)
        #expect(model.isoImages(onStorage: "local") == nil)
        #expect(model.issue(.isoImage)?.isError == false, "an ISO on another node is not refused before its list is known")
        #expect(model.issue(.isoImage)?.message.contains("is not checked") == true, "but it says so")
        model.host.remoteNodes["pve2"] = RemoteNodeResources(
            status: .loaded, bridges: RemoteNodeLoader.parseBridges(Self.bridgesJSON),
            isoImages: ["local": [ISOImage(volid: "local:iso/other.iso", fileName: "other.iso", sizeBytes: 1)]])
        #expect(model.issue(.netBridge, item: 0)?.message == "vmbr1 is not a bridge on node pve2")
        #expect(model.issue(.isoImage)?.message.contains("does not exist on storage 'local'") == true)
        model.reset(.netBridge, item: 0)
        #expect(model.value(.netBridge, item: 0) == "ovs0", "the first bridge of pve2")
        // Host limits follow the target node too.
        model.set(.cores, to: "6")
        #expect(model.issue(.cores)?.message.contains("logical CPUs of node pve2") == true)
    }

    @Test func loaderRunsPveshAndTimesOut() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("vmw-pvesh-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let fake = dir.appendingPathComponent("pvesh")
        let bridges = Self.bridgesJSON.replacingOccurrences(of: "\n", with: " ")
        try """
            #!/bin/sh
            case "$2" in
              */network) printf '%s\\n' '\(bridges)' ;;
              */storage/local/content) echo '[{"volid":"local:iso/r.iso","size":5}]' ;;
              */storage/slow/content) sleep 5 ;;
              *) exit 1 ;;
            esac
            """.write(to: fake, atomically: true, encoding: .utf8)
        chmod(fake.path, 0o755)
        let loader = RemoteNodeLoader(pvesh: fake.path, timeout: 1)
        let resources = loader.load(node: "pve2", isoStorages: ["local", "slow", "missing"])
        #expect(resources.status == .loaded)
        #expect(resources.bridges.count == 3)
        #expect(resources.isoImages["local"]?.map(\.fileName) == ["r.iso"])
        #expect(resources.isoImages["slow"] == nil, "a hanging call is given up after the timeout")
        let failing = RemoteNodeLoader(pvesh: dir.appendingPathComponent("absent").path, timeout: 1).load(node: "pve2", isoStorages: [])
        #expect(failing.status == .failed("could not read the bridges of node pve2 with \(dir.appendingPathComponent("absent").path)"))
    }
}
