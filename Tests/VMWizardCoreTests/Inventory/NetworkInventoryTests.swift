import Foundation
import Testing
import VMWizardCore

@Suite("Host inventory: bridges and SDN vnets")
struct NetworkInventoryTests {
    @Test("Linux bridges with comments, VLAN awareness and active state from sys/class/net")
    func linuxBridges() throws {
        let inventory = HostInventoryLoader.load(root: try InventoryFixtures.root("standalone"))
        #expect(inventory.bridges == [
            Bridge(name: "vmbr0", kind: .linux, comment: "LAN", active: true, vlanAware: false),
            Bridge(name: "vmbr1", kind: .linux, comment: "DMZ and guests", active: true, vlanAware: true),
            Bridge(name: "vmbr9", kind: .linux, comment: "", active: false, vlanAware: false),
        ])
        #expect(inventory.bridge("eno1") == nil)
        #expect(inventory.bridge("lo") == nil)
    }

    @Test("interfaces.new is what PVE reads; bridges only there are pending")
    func pendingInterfaces() throws {
        let inventory = HostInventoryLoader.load(root: try InventoryFixtures.root("network"))
        let vmbr0 = try #require(inventory.bridge("vmbr0"))
        // Comments of the .new copy, including the inet6 stanza's.
        #expect(vmbr0.comment == "LAN uplink second line IPv6 too")
        #expect(vmbr0.pending == false)
        #expect(vmbr0.active)
        let vmbr3 = try #require(inventory.bridge("vmbr3"))
        #expect(vmbr3.pending)
        #expect(vmbr3.active == false)
        #expect(vmbr3.comment == "Lab (not applied yet)")
    }

    @Test("Without interfaces.new the current file is used and nothing is pending")
    func noPendingFile() throws {
        let root = try InventoryFixtures.copy("network")
        defer { InventoryFixtures.cleanUp(root) }
        try FileManager.default.removeItem(at: root.appendingPathComponent("etc/network/interfaces.new"))
        let inventory = HostInventoryLoader.load(root: root.path)
        #expect(inventory.bridge("vmbr0")?.comment == "old comment")
        #expect(inventory.bridge("vmbr3") == nil)
        #expect(inventory.bridges.allSatisfy { !$0.pending })
    }

    @Test("bridge_ports/bridge_vlan_aware spellings and OVS bridges; OVS internal ports are not bridges")
    func ovsAndUnderscores() throws {
        let inventory = HostInventoryLoader.load(root: try InventoryFixtures.root("network"))
        let vmbr1 = try #require(inventory.bridge("vmbr1"))
        #expect(vmbr1.kind == .linux)
        #expect(vmbr1.vlanAware)
        #expect(vmbr1.active == false)  // not in sys/class/net
        let vmbr2 = try #require(inventory.bridge("vmbr2"))
        #expect(vmbr2.kind == .ovs)
        #expect(vmbr2.comment == "Open vSwitch")
        #expect(vmbr2.active)
        #expect(inventory.bridge("ovsint0") == nil)
    }

    @Test("SDN vnets: usable when the zone has no nodes or lists this node (string, array or object)")
    func sdnVnets() throws {
        let inventory = HostInventoryLoader.load(root: try InventoryFixtures.root("network"))
        #expect(inventory.bridges.map(\.name) == ["vmbr0", "vmbr1", "vmbr2", "vmbr3", "vnet1", "vnet3", "vnet4"])
        let vnet1 = try #require(inventory.bridge("vnet1"))
        #expect(vnet1 == Bridge(name: "vnet1", kind: .vnet, comment: "Everywhere", active: true, vlanAware: false, zone: "zall"))
        #expect(inventory.bridge("vnet3")?.zone == "zarr")
        #expect(inventory.bridge("vnet4")?.vlanAware == true)
        #expect(inventory.bridge("vnet2") == nil)  // zone nodes "pve2,pve3"
        #expect(inventory.bridge("vnet5") == nil)  // zone nodes {"pve2": 1}
        #expect(inventory.bridge("vnet7") == nil)  // no zone at all
        // vnet6 names a zone that does not exist.
        #expect(inventory.warnings == [
            "etc/pve/sdn/.running-config: vnet(s) in a zone that is not defined were skipped: vnet6 (zone missing)",
        ])
    }

    @Test("The same SDN config seen from another node")
    func sdnOtherNode() throws {
        let root = try InventoryFixtures.copy("network")
        defer { InventoryFixtures.cleanUp(root) }
        try InventoryFixtures.write(#"{"nodename": "pve2", "version": 1}"#, to: "etc/pve/.members", in: root)
        let inventory = HostInventoryLoader.load(root: root.path)
        #expect(inventory.bridges.filter { $0.kind == .vnet }.map(\.name) == ["vnet1", "vnet2", "vnet4", "vnet5"])
    }
}
