import Foundation
import Testing
@testable import VMWizardCore

/// Disk images to import are listed from the `import/` folder of local storages with `import` content, as the
/// web UI's import picker shows them: qcow2, raw and vmdk files only.
@Suite struct ImportImageListingTests {
    @Test func importFolderIsListedWithProxmoxsNameRule() throws {
        let root = try InventoryFixtures.copy("standalone")
        defer { InventoryFixtures.cleanUp(root) }
        try InventoryFixtures.write("""
            dir: local
            \tpath /var/lib/vz
            \tcontent iso,vztmpl,backup,import

            lvmthin: local-lvm
            \tthinpool data
            \tvgname pve
            \tcontent rootdir,images

            """, to: "etc/pve/storage.cfg", in: root)
        for name in ["debian-13-genericcloud-amd64.qcow2", "app.vmdk", "disk.raw", "appliance.ova", "notes.txt",
                     ".hidden.qcow2", "Upper.QCOW2", "with space.raw", "bad,comma.qcow2"] {
            try InventoryFixtures.write("x", to: "var/lib/vz/import/\(name)", in: root)
        }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("var/lib/vz/import/folder.qcow2"),
                                                withIntermediateDirectories: true)
        let host = HostInventoryLoader.load(root: root.path)
        #expect(host.importImages["local"]?.map(\.fileName) == ["app.vmdk", "debian-13-genericcloud-amd64.qcow2", "disk.raw", "with space.raw"])
        #expect(host.importImages["local"]?.first?.volid == "local:import/app.vmdk")
        #expect(host.importImages["local-lvm"] == nil)

        // The picker offers them, and picking one is valid.
        var model = VMModel(host: host)
        let choices = OptionCatalog.spec(.diskImport)!.choices(model.context(item: 0)).map(\.value)
        #expect(choices == ["", "local:import/app.vmdk", "local:import/debian-13-genericcloud-amd64.qcow2",
                            "local:import/disk.raw", "local:import/with space.raw"])
        model.set(.diskImport, item: 0, to: "local:import/app.vmdk")
        #expect(model.issue(.diskImport, item: 0) == nil)
        model.set(.diskImport, item: 0, to: "local:import/gone.qcow2")
        #expect(model.issue(.diskImport, item: 0)?.message == "Import from: local:import/gone.qcow2 does not exist on storage 'local'")
    }

    @Test func withoutAnImportFolderTheListIsEmpty() throws {
        let root = try InventoryFixtures.copy("standalone")
        defer { InventoryFixtures.cleanUp(root) }
        try InventoryFixtures.write("dir: local\n\tpath /var/lib/vz\n\tcontent iso,import\n", to: "etc/pve/storage.cfg", in: root)
        let host = HostInventoryLoader.load(root: root.path)
        #expect(host.importImages["local"] == [])
        #expect(host.warnings.isEmpty, "\(host.warnings)")
    }

    @Test func theDemoHostHasImagesToImport() {
        let model = VMModel(host: .demo)
        let choices = OptionCatalog.spec(.diskImport)!.choices(model.context(item: 0))
        #expect(choices.map(\.value).contains("local:import/debian-13-genericcloud-amd64.qcow2"))
        var picked = model
        picked.set(.diskImport, item: 0, to: "local:import/legacy-app-disk1.vmdk")
        #expect(picked.issue(.diskImport, item: 0) == nil)
        picked.set(.diskImport, item: 0, to: "local:import/missing.vmdk")
        #expect(picked.issue(.diskImport, item: 0)?.isError == true)
    }
}
