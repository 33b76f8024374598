import Foundation
import Testing
import VMWizardCore

@Suite("Host inventory: storage.cfg rules and ISO folders")
struct StorageInventoryTests {
    let inventory: HostInventory

    init() throws {
        inventory = HostInventoryLoader.load(root: try InventoryFixtures.root("storage-rules"))
    }

    func storage(_ id: String) throws -> Storage {
        try #require(inventory.storage(id), "storage \(id) missing")
    }

    @Test("Storages keep file order, with the implied 'local' first")
    func order() {
        #expect(inventory.storages.map(\.id) == [
            "local", "bulk", "isostore", "offline", "pve2only", "both", "nas", "smb", "cephfs", "ceph-vm", "thin",
            "thin-qcow", "thick", "thick-chain", "tank", "butter", "backup-server", "san-target", "gluster",
        ])
    }

    @Test("Only the bad 'format' option is reported")
    func warnings() {
        #expect(inventory.warnings == [
            "etc/pve/storage.cfg: storage 'thin-qcow': format 'qcow2' is not supported by a lvmthin storage; using raw",
        ])
    }

    @Test("A missing 'local' is implied: dir, /var/lib/vz, full default content, no node restriction")
    func impliedLocal() throws {
        let local = try storage("local")
        #expect(local.type == "dir")
        #expect(local.path == "/var/lib/vz")
        #expect(local.content == ["backup", "images", "iso", "rootdir", "snippets", "vztmpl"])
        #expect(local.nodes == nil)
        #expect(local.formats == ["raw", "qcow2", "vmdk"])
        // Its ISO folder does not exist in this tree: an empty list, not a warning.
        #expect(inventory.isoImages["local"] == [])
    }

    @Test("A 'local' that is not a dir, or points elsewhere, is replaced; a good one only loses 'nodes'")
    func localOverrides() throws {
        let root = try InventoryFixtures.copy("zero-guests")
        defer { InventoryFixtures.cleanUp(root) }
        let cfg = "etc/pve/storage.cfg"

        try InventoryFixtures.write("dir: other\n\tpath /srv/other\n\nzfspool: local\n\tpool rpool\n\tcontent images\n", to: cfg, in: root)
        var loaded = HostInventoryLoader.load(root: root.path)
        #expect(loaded.storages.map(\.id) == ["local", "other"])
        #expect(loaded.storage("local")?.type == "dir")
        #expect(loaded.storage("local")?.content.contains("iso") == true)

        try InventoryFixtures.write("dir: local\n\tpath /data\n\tcontent images\n", to: cfg, in: root)
        loaded = HostInventoryLoader.load(root: root.path)
        #expect(loaded.storage("local")?.path == "/var/lib/vz")
        #expect(loaded.storage("local")?.content.count == 6)

        try InventoryFixtures.write("dir: first\n\tpath /srv/a\n\ndir: local\n\tpath /var/lib/vz\n\tcontent iso\n\tnodes elsewhere\n\tdisable\n",
                                    to: cfg, in: root)
        loaded = HostInventoryLoader.load(root: root.path)
        #expect(loaded.storages.map(\.id) == ["first", "local"])
        #expect(loaded.storage("local")?.content == ["iso"])
        #expect(loaded.storage("local")?.nodes == nil)
        #expect(loaded.storage("local")?.disabled == true)
        #expect(loaded.warnings == [])
    }

    @Test("Missing 'content' gets each type's default")
    func defaultContent() throws {
        #expect(try storage("bulk").content == ["images", "rootdir"])
        #expect(try storage("nas").content == ["iso", "images"])  // explicit
        #expect(try storage("cephfs").content == ["backup"])
        #expect(try storage("ceph-vm").content == ["images"])
        #expect(try storage("thin").content == ["images", "rootdir"])
        #expect(try storage("thick").content == ["images"])
        #expect(try storage("tank").content == ["images", "rootdir"])
        #expect(try storage("butter").content == ["images", "rootdir"])
        #expect(try storage("backup-server").content == ["backup"])
        #expect(try storage("san-target").content == [])  // "content none"
    }

    @Test("'shared' is forced for network types and honoured for others")
    func shared() throws {
        for id in ["nas", "smb", "cephfs", "ceph-vm", "backup-server", "san-target", "gluster"] {
            #expect(try storage(id).shared, "\(id) should be shared")
        }
        #expect(try storage("smb").shared)  // "shared 0" cannot turn a CIFS storage local
        #expect(try storage("isostore").shared)  // explicit on a dir
        #expect(try storage("thick").shared)  // explicit on LVM
        for id in ["bulk", "thin", "tank", "butter", "offline"] {
            #expect(try storage(id).shared == false, "\(id) should not be shared")
        }
    }

    @Test("'disable' and 'nodes' decide where a storage is usable")
    func enabledOnNode() throws {
        let offline = try storage("offline")
        #expect(offline.disabled)
        #expect(offline.isEnabled(on: "pve1") == false)
        let pve2only = try storage("pve2only")
        #expect(pve2only.nodes == ["pve2"])
        #expect(pve2only.isEnabled(on: "pve1") == false)
        #expect(pve2only.isEnabled(on: "pve2"))
        #expect(try storage("both").nodes == ["pve1", "pve2"])
        #expect(try storage("both").isEnabled(on: "pve1"))
        #expect(inventory.storages(withContent: "iso", on: "pve1").map(\.id) == ["local", "isostore", "both", "nas", "smb", "gluster"])
        #expect(inventory.storages(withContent: "images", on: "pve2").map(\.id).contains("pve2only"))
    }

    @Test("Network storages get /mnt/pve/<id> as their path when none is written")
    func defaultPaths() throws {
        #expect(try storage("nas").path == "/mnt/pve/nas")
        #expect(try storage("cephfs").path == "/mnt/pve/cephfs")
        #expect(try storage("smb").path == "/mnt/pve/smb")
        #expect(try storage("thin").path == nil)
    }

    @Test("Disk formats and default format per type")
    func formats() throws {
        #expect(try storage("bulk").formats == ["raw", "qcow2", "vmdk"])
        #expect(try storage("bulk").defaultFormat == "raw")
        #expect(try storage("isostore").defaultFormat == "qcow2")  // 'format qcow2'
        #expect(try storage("nas").formats == ["raw", "qcow2", "vmdk"])
        #expect(try storage("gluster").formats == ["raw", "qcow2", "vmdk"])
        #expect(try storage("butter").formats == ["raw"])
        #expect(try storage("thin").formats == ["raw"])
        #expect(try storage("tank").formats == ["raw"])
        #expect(try storage("ceph-vm").formats == ["raw"])
        #expect(try storage("san-target").formats == ["raw"])
        #expect(try storage("thin-qcow").defaultFormat == "raw")
        #expect(try storage("thick").formats == ["raw"])
        #expect(try storage("thick").defaultFormat == "raw")
        #expect(try storage("thick-chain").formats == ["raw", "qcow2"])
        #expect(try storage("thick-chain").defaultFormat == "qcow2")
        #expect(try storage("cephfs").formats == [])
        #expect(try storage("backup-server").formats == [])
    }

    @Test("content-dirs iso=<folder> moves the ISO folder")
    func contentDirs() throws {
        let isostore = try storage("isostore")
        #expect(isostore.contentDirs == ["iso": "images/iso-files", "vztmpl": "tpl"])
        #expect(inventory.isoImages["isostore"]?.map(\.fileName) == ["alpine-virt-3.22.1-x86_64.iso", "Rocky-9.6-x86_64-minimal.iso"])
        #expect(inventory.isoImages["isostore"]?.first?.volid == "isostore:iso/alpine-virt-3.22.1-x86_64.iso")
    }

    @Test("Disabled and other nodes' storages are not read; network ones are left for the background")
    func isoListingScope() {
        #expect(inventory.isoImages["offline"] == nil)
        #expect(inventory.isoImages["pve2only"] == nil)
        #expect(inventory.isoImages["both"]?.map(\.fileName) == ["both.iso"])
        #expect(inventory.isoListingPending == ["nas", "smb", "gluster"])
        #expect(inventory.isoImages["nas"] == nil)
        #expect(Set(inventory.isoImages.keys) == ["local", "isostore", "both"])
    }

    @Test("ISO files: .iso/.img in any case, sorted ignoring case; others, hidden files and folders skipped; sizes")
    func isoFiles() throws {
        let standalone = HostInventoryLoader.load(root: try InventoryFixtures.root("standalone"))
        let images = try #require(standalone.isoImages["local"])
        #expect(images.map(\.fileName) == ["debian-13.2.0-amd64-netinst.iso", "ipxe.img", "tiny-test.iso", "Win11_24H2_English_x64.ISO"])
        #expect(images.map(\.volid) == images.map { "local:iso/" + $0.fileName })
        #expect(images.first { $0.fileName == "tiny-test.iso" }?.sizeBytes == 17)
        #expect(images.first { $0.fileName == "ipxe.img" }?.sizeBytes == 0)
        #expect(standalone.isoImages["local-lvm"] == nil)  // no iso content
        #expect(standalone.isoListingPending.isEmpty)
    }

    @Test("A dir storage on a network, automount or FUSE mount is listed in the background too")
    func dirOnNetworkMount() throws {
        let root = try InventoryFixtures.copy("storage-rules")
        defer { InventoryFixtures.cleanUp(root) }
        try InventoryFixtures.write("""
            /dev/sda1 / ext4 rw 0 0
            nas:/both /srv/both nfs4 rw 0 0
            systemd-1 /srv/isostore autofs rw 0 0
            /dev/sdb1 /srv/bulk xfs rw 0 0

            """, to: "proc/mounts", in: root)
        var loaded = HostInventoryLoader.load(root: root.path)
        #expect(loaded.isoListingPending == ["both", "isostore", "nas", "smb", "gluster"])
        #expect(loaded.isoImages["both"] == nil)
        #expect(loaded.isoImages["isostore"] == nil)

        // Mount points with escaped spaces; a local file system stacked on the automount wins.
        let cfg = try String(contentsOf: root.appendingPathComponent("etc/pve/storage.cfg"), encoding: .utf8)
        try InventoryFixtures.write(cfg + "dir: spaced\n\tpath /srv/my files\n\tcontent iso\n", to: "etc/pve/storage.cfg", in: root)
        try InventoryFixtures.write("""
            /dev/sda1 / ext4 rw 0 0
            systemd-1 /srv/isostore autofs rw 0 0
            /dev/sdc1 /srv/isostore ext4 rw 0 0
            me@host:/x /srv/my\\040files fuse.sshfs rw 0 0

            """, to: "proc/mounts", in: root)
        loaded = HostInventoryLoader.load(root: root.path)
        #expect(loaded.isoImages["isostore"]?.count == 2)
        #expect(loaded.isoListingPending == ["nas", "smb", "gluster", "spaced"])
        #expect(loaded.storage("spaced")?.path == "/srv/my files")
    }

    @Test("Storage sections with garbage or bad 'disable'/'shared' values are reported")
    func storageValueWarnings() throws {
        let root = try InventoryFixtures.copy("zero-guests")
        defer { InventoryFixtures.cleanUp(root) }
        try InventoryFixtures.write("""
            dir: local
            \tpath /var/lib/vz

            dir: odd
            \tpath /srv/odd
            \tshared maybe
            \tdisable sometimes
            \tcontent-dirs iso=../escape,vztmpl

            """, to: "etc/pve/storage.cfg", in: root)
        let loaded = HostInventoryLoader.load(root: root.path)
        let odd = try #require(loaded.storage("odd"))
        #expect(odd.shared == false)
        #expect(odd.disabled)
        #expect(odd.contentDirs.isEmpty)
        let warnings = loaded.warnings.about("etc/pve/storage.cfg")
        #expect(warnings.count == 4)
        #expect(warnings.allSatisfy { $0.contains("storage 'odd'") })
    }
}
