import Foundation
import Testing
import VMWizardCore

@Suite("Host inventory: the built-in demo host")
struct InventoryDemoHostTests {
    let demo = HostInventory.demo

    @Test("A standalone node named pve, marked as demo, with no warnings")
    func identity() {
        #expect(demo.isDemo)
        #expect(demo.localNode == "pve")
        #expect(demo.clusterName == nil)
        #expect(demo.quorate)
        #expect(demo.nodes.map(\.name) == ["pve"])
        #expect(demo.warnings.isEmpty)
        #expect(demo.isoListingPending.isEmpty)
    }

    @Test("Guests 100, 101, 102, 105, 110: the next free VMID is 103")
    func guests() {
        #expect(Set(demo.guests.keys) == [100, 101, 102, 105, 110])
        #expect(demo.nextFreeVMID() == 103)
        #expect(demo.nextFreeVMID(from: 104) == 104)
    }

    @Test("Storages local, local-lvm, the NFS ISO store and an iSCSI SAN, with sizes and formats")
    func storages() throws {
        #expect(demo.storages.map(\.id) == ["local", "local-lvm", "nas-iso", "san"])
        let local = try #require(demo.storage("local"))
        #expect(local.type == "dir")
        #expect(local.path == "/var/lib/vz")
        #expect(local.content == ["iso", "vztmpl", "backup", "import"])
        #expect(local.totalBytes == Int64(100) * 1_073_741_824)
        let lvm = try #require(demo.storage("local-lvm"))
        #expect(lvm.type == "lvmthin")
        #expect(lvm.content == ["images", "rootdir"])
        #expect(lvm.totalBytes == Int64(350) * 1_073_741_824)
        #expect((lvm.usedBytes ?? 0) > 0)
        #expect(lvm.formats == ["raw"])
        let isos = try #require(demo.storage("nas-iso"))
        #expect(isos.type == "nfs")
        #expect(isos.shared)
        #expect(isos.content == ["iso"])
        let san = try #require(demo.storage("san"))
        #expect(san.selectsExistingVolumes && san.shared)
        #expect(demo.existingVolumes["san"]?.volumes?.count == 3, "its LUNs are listed: the demo has no pvesh")
        #expect(demo.storages(withContent: "images", on: "pve").map(\.id) == ["local-lvm", "san"])
        #expect(demo.storages(withContent: "iso", on: "pve").map(\.id) == ["local", "nas-iso"])
    }

    @Test("ISO images on local and on the ISO store")
    func isoImages() {
        let local = demo.isoImages["local"]?.map(\.fileName) ?? []
        #expect(local == ["debian-13.2.0-amd64-netinst.iso", "ubuntu-24.04.3-live-server-amd64.iso", "virtio-win-0.1.271.iso",
                          "Win11_24H2_English_x64.iso"])
        let store = demo.isoImages["nas-iso"]?.map(\.fileName) ?? []
        #expect(store.contains("proxmox-ve_9.1-1.iso"))
        #expect(store.contains("Rocky-9.6-x86_64-minimal.iso"))
        #expect(store.contains { $0.contains("SERVER_EVAL") })
        for (storage, images) in demo.isoImages {
            for image in images {
                #expect(image.volid == "\(storage):iso/\(image.fileName)")
                #expect(image.sizeBytes > 10_000_000)
            }
        }
    }

    @Test("Bridges vmbr0 (LAN) and vmbr1 (DMZ, VLAN-aware); pools prod and lab; 8 CPUs, 32 GiB, cgroup v2")
    func hostDetails() {
        #expect(demo.bridges == [
            Bridge(name: "vmbr0", kind: .linux, comment: "LAN", active: true),
            Bridge(name: "vmbr1", kind: .linux, comment: "DMZ", active: true, vlanAware: true),
        ])
        #expect(Set(demo.pools.map(\.id)) == ["prod", "lab"])
        #expect(demo.pools.first { $0.id == "prod" }?.comment == "Production")
        #expect(demo.pools.first { $0.id == "lab" }?.comment == "Test machines")
        #expect(demo.cpuCount == 8)
        #expect(demo.memoryTotalMiB == 32768)
        #expect((19_000...21_000).contains(demo.memoryAvailableMiB))
        #expect(demo.cgroupVersion == 2)
    }
}
