import VMWizardPlatform

extension HostInventory {
    /// A realistic single node named `pve`, used when vmwizard does not run on a Proxmox VE host.
    /// Nothing may be applied on it (`isDemo` is true).
    public static let demo: HostInventory = {
        let gib: Int64 = 1_073_741_824
        let node = "pve"
        let guests: [Int: Guest] = [
            100: Guest(node: node, kind: .qemu),
            101: Guest(node: node, kind: .qemu),
            102: Guest(node: node, kind: .lxc),
            105: Guest(node: node, kind: .qemu),
            110: Guest(node: node, kind: .lxc),
        ]
        let storages = [
            Storage(
                id: "local", type: "dir", content: ["iso", "vztmpl", "backup", "import"], path: "/var/lib/vz",
                totalBytes: 100 * gib, usedBytes: 41 * gib + 322_961_408,
                formats: ["raw", "qcow2", "vmdk"], defaultFormat: "raw"
            ),
            Storage(
                id: "local-lvm", type: "lvmthin", content: ["images", "rootdir"],
                totalBytes: 350 * gib, usedBytes: 87 * gib + 612_368_384,
                formats: ["raw"], defaultFormat: "raw"
            ),
            Storage(
                id: "nas-iso", type: "nfs", content: ["iso"], shared: true, path: "/mnt/pve/nas-iso",
                totalBytes: 2048 * gib, usedBytes: 1291 * gib + 104_857_600,
                formats: ["raw", "qcow2", "vmdk"], defaultFormat: "raw"
            ),
            Storage(
                id: "san", type: "iscsi", content: ["images"], shared: true, formats: ["raw"], defaultFormat: "raw"
            ),
        ]
        func iso(_ storage: String, _ name: String, _ size: Int64) -> ISOImage {
            ISOImage(volid: "\(storage):iso/\(name)", fileName: name, sizeBytes: size)
        }
        let isoImages: [String: [ISOImage]] = [
            "local": [
                iso("local", "debian-13.2.0-amd64-netinst.iso", 790_626_304),
                iso("local", "ubuntu-24.04.3-live-server-amd64.iso", 3_213_064_192),
                iso("local", "virtio-win-0.1.271.iso", 709_666_816),
                iso("local", "Win11_24H2_English_x64.iso", 5_819_484_160),
            ],
            "nas-iso": [
                iso("nas-iso", "20348.169.210806-2348.fe_release_svc_refresh_SERVER_EVAL_x64FRE_en-us.iso", 5_365_624_832),
                iso("nas-iso", "alpine-virt-3.22.1-x86_64.iso", 67_108_864),
                iso("nas-iso", "proxmox-ve_9.1-1.iso", 1_781_018_624),
                iso("nas-iso", "Rocky-9.6-x86_64-minimal.iso", 2_003_828_736),
            ],
        ]
        var host = HostInventory(
            localNode: node, isDemo: true, clusterName: nil, quorate: true,
            nodes: [ClusterNode(name: node, online: true, isLocal: true, cpuCount: 8, memoryTotalMiB: 32768)],
            guests: guests, nextIDLower: 100, nextIDUpper: 1_000_000, macPrefix: "BC:24:11",
            storages: storages, isoImages: isoImages, isoListingPending: [],
            bridges: [
                Bridge(name: "vmbr0", kind: .linux, comment: "LAN", active: true),
                Bridge(name: "vmbr1", kind: .linux, comment: "DMZ", active: true, vlanAware: true),
            ],
            pools: [Pool(id: "lab", comment: "Test machines"), Pool(id: "prod", comment: "Production")],
            cpuCount: 8, memoryTotalMiB: 32768, memoryAvailableMiB: 20112, cgroupVersion: 2, qemuVersion: "10.0.2", warnings: []
        )
        host.importImages = [
            "local": [
                ISOImage(volid: "local:import/debian-13-genericcloud-amd64.qcow2", fileName: "debian-13-genericcloud-amd64.qcow2",
                         sizeBytes: 341_835_776, virtualBytes: 3 * gib),
                ISOImage(volid: "local:import/legacy-app-disk1.vmdk", fileName: "legacy-app-disk1.vmdk", sizeBytes: 2_147_549_184,
                         virtualBytes: 40 * gib),
            ],
        ]
        host.passthrough = .demo
        host.dnsServers = ["192.168.1.1"]
        host.dnsSearch = "example.lan"
        if case .success(let key) = SSHPublicKey.parse("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHXGfhso++PvfMv9p56+QQkm/+dBtqKaTprt3sDNOABP root@pve") {
            host.sshKeys = [HostSSHKey(key: key, source: "/root/.ssh/id_ed25519.pub")]
        }
        // The SAN's LUNs, as `pvesh get /nodes/pve/storage/san/content` would list them.
        func lun(_ name: String, _ gibs: Int64) -> ISOImage { ISOImage(volid: "san:\(name)", fileName: name, sizeBytes: gibs * gib) }
        host.existingVolumes["san"] = .loaded([
            lun("0.0.0.scsi-36001405d27e5d898829468b90ce4ef8c", 100),
            lun("0.0.1.scsi-360014054f6a3b2c1d0e9f8a7b6c5d4e3", 250),
            lun("0.0.2.scsi-36001405a1b2c3d4e5f60718293a4b5c6", 1),
        ])
        return host
    }()
}
