import Foundation
import Testing
@testable import VMWizardCore

/// Hosts built in code for model tests, so expectations do not move when the demo host changes.
enum TestHosts {
    static let standard = HostInventory(
        localNode: "pve1",
        guests: [100: Guest(node: "pve1", kind: .qemu), 101: Guest(node: "pve2", kind: .lxc)],
        storages: [
            Storage(id: "local", type: "dir", content: ["iso", "vztmpl", "backup"], path: "/var/lib/vz",
                    totalBytes: 100 << 30, usedBytes: 20 << 30, formats: ["raw", "qcow2", "vmdk"]),
            Storage(id: "local-lvm", type: "lvmthin", content: ["images", "rootdir"],
                    totalBytes: 400 << 30, usedBytes: 100 << 30, formats: ["raw"]),
            Storage(id: "vmstore", type: "dir", content: ["images"], path: "/srv/vm", formats: ["raw", "qcow2", "vmdk"]),
            Storage(id: "offsite", type: "nfs", content: ["images"], shared: true, nodes: ["pve2"], formats: ["raw", "qcow2", "vmdk"]),
            Storage(id: "old", type: "dir", content: ["images", "iso"], disabled: true, formats: ["raw", "qcow2", "vmdk"]),
        ],
        isoImages: [
            "local": [
                ISOImage(volid: "local:iso/x.iso", fileName: "x.iso", sizeBytes: 1 << 30),
                ISOImage(volid: "local:iso/debian-13.2.0-amd64-netinst.iso", fileName: "debian-13.2.0-amd64-netinst.iso", sizeBytes: 700 << 20),
                ISOImage(volid: "local:iso/Win11_24H2_English_x64.iso", fileName: "Win11_24H2_English_x64.iso", sizeBytes: 5 << 30),
                ISOImage(volid: "local:iso/virtio-win-0.1.262.iso", fileName: "virtio-win-0.1.262.iso", sizeBytes: 700 << 20),
                ISOImage(volid: "local:iso/virtio-win-0.1.271.iso", fileName: "virtio-win-0.1.271.iso", sizeBytes: 700 << 20),
                ISOImage(volid: "local:iso/SERVER_EVAL_x64FRE_en-us.iso", fileName: "SERVER_EVAL_x64FRE_en-us.iso", sizeBytes: 5 << 30),
            ],
        ],
        bridges: [
            Bridge(name: "vmbr0", kind: .linux, comment: "LAN"),
            Bridge(name: "vmbr1", kind: .linux, comment: "DMZ", vlanAware: true),
            Bridge(name: "vmbr2", kind: .linux, active: false),
        ],
        pools: [Pool(id: "prod", comment: "Production")],
        cpuCount: 8, memoryTotalMiB: 32768, memoryAvailableMiB: 20000)

    /// A host without any virtio-win ISO.
    static var noDriverISO: HostInventory {
        var host = standard
        host.isoImages["local"] = host.isoImages["local"]!.filter { !$0.fileName.hasPrefix("virtio") }
        return host
    }

    static func model(_ host: HostInventory = standard, _ edits: [(FieldID, String)] = []) -> VMModel {
        var model = VMModel(host: host)
        for (id, value) in edits { model.set(id, to: value) }
        return model
    }
}

/// Fake commands for tests that run child processes.
enum TestScripts {
    /// Writes an executable shell script through a close-on-exec descriptor: a process another test forks
    /// meanwhile must not inherit it, or running the script fails with "Text file busy".
    static func write(in folder: URL, _ name: String, _ body: String) throws -> String {
        let path = folder.appendingPathComponent(name).path
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o755)
        try #require(fd >= 0)
        let bytes = Array(("#!/bin/sh\n" + body).utf8)
        let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        close(fd)
        try #require(written == bytes.count)
        return path
    }
}
