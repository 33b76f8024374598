import Foundation

/// Writes a large three-node PVE cluster tree (10,000 guests, 50 storages, 2,000 ISO files) to disk.
/// Used by the inventory tests and the benchmark; generated on demand rather than committed.
public enum LargeClusterFixture {
    /// Bump when the layout changes, so an old tree on disk is rebuilt.
    static let layoutVersion = "large-cluster-3"
    static let markerName = ".vmwizard-fixture"

    public static let localNode = "pve1"
    public static let nodeNames = ["pve1", "pve2", "pve3"]
    public static let offlineNodes: Set<String> = ["pve3"]
    public static let clusterName = "bench"

    /// Guest IDs 100 ... 10100 except 5000: 10,000 guests, and 5000 is the first free ID.
    public static let guestIDs: [Int] = Array(100...10_100).filter { $0 != 5000 }
    public static let expectedNextFreeVMID = 5000
    public static let storageCount = 50
    public static let isoFileCount = 2000

    /// One storage definition of the fixture.
    public struct StorageSpec: Sendable {
        public var type: String
        public var id: String
        public var lines: [String]
        public var content: [String]
        public var nodes: [String]?
        public var disabled: Bool
        /// Path below the root for dir storages that get ISO files.
        public var isoFolder: String?
        /// True when the loader should read its ISO folder at startup on `localNode`.
        public var listedAtStartup: Bool {
            isoFolder != nil && !disabled && (nodes?.contains(LargeClusterFixture.localNode) ?? true)
        }
    }

    /// The 50 storages, in storage.cfg order.
    public static let storages: [StorageSpec] = {
        var list: [StorageSpec] = []
        list.append(StorageSpec(
            type: "dir", id: "local", lines: ["path /var/lib/vz", "content iso,vztmpl,backup"],
            content: ["iso", "vztmpl", "backup"], nodes: nil, disabled: false, isoFolder: "var/lib/vz/template/iso"
        ))
        list.append(StorageSpec(
            type: "lvmthin", id: "local-lvm", lines: ["thinpool data", "vgname pve", "content rootdir,images"],
            content: ["rootdir", "images"], nodes: nil, disabled: false, isoFolder: nil
        ))
        // 12 ISO-capable dir storages; iso-11 belongs to pve2 only, iso-12 is disabled, iso-10 uses content-dirs.
        for n in 1...12 {
            let id = String(format: "iso-%02ld", n)
            var lines = ["path /srv/isos/\(id)", "content iso,vztmpl"]
            var nodes: [String]?
            var disabled = false
            var folder = "srv/isos/\(id)/template/iso"
            if n == 10 {
                lines.append("content-dirs iso=images-iso")
                folder = "srv/isos/\(id)/images-iso"
            }
            if n == 11 {
                lines.append("nodes pve2")
                nodes = ["pve2"]
            }
            if n == 12 {
                lines.append("disable")
                disabled = true
            }
            if n % 3 == 0 { lines.append("shared 0") }
            list.append(StorageSpec(type: "dir", id: id, lines: lines, content: ["iso", "vztmpl"], nodes: nodes,
                                    disabled: disabled, isoFolder: folder))
        }
        // Network storages with ISO content: never read at startup.
        for n in 1...6 {
            let id = "nfs-\(n)"
            var lines = ["export /export/\(id)", "path /mnt/pve/\(id)", "server 192.0.2.\(10 + n)", "content iso,images,backup",
                         "options vers=4.2"]
            if n == 6 { lines.append("nodes pve2,pve3") }
            list.append(StorageSpec(type: "nfs", id: id, lines: lines, content: ["iso", "images", "backup"],
                                    nodes: n == 6 ? ["pve2", "pve3"] : nil, disabled: false, isoFolder: nil))
        }
        for n in 1...3 {
            let id = "smb-\(n)"
            list.append(StorageSpec(
                type: "cifs", id: id,
                lines: ["path /mnt/pve/\(id)", "server 198.51.100.\(n)", "share isos\(n)", "content iso", "username svc"],
                content: ["iso"], nodes: nil, disabled: n == 3, isoFolder: nil
            ))
        }
        list[list.count - 1].lines.append("disable 1")
        for n in 1...2 {
            list.append(StorageSpec(type: "cephfs", id: "cephfs-\(n)", lines: ["path /mnt/pve/cephfs-\(n)", "content iso,backup,vztmpl", "fs-name fs\(n)"],
                                    content: ["iso", "backup", "vztmpl"], nodes: nil, disabled: false, isoFolder: nil))
        }
        for n in 1...5 {
            list.append(StorageSpec(type: "rbd", id: "ceph-vm-\(n)", lines: ["pool vm\(n)", "content images,rootdir", "krbd 0"],
                                    content: ["images", "rootdir"], nodes: nil, disabled: false, isoFolder: nil))
        }
        for n in 1...5 {
            let nodes = n <= 3 ? [nodeNames[n - 1]] : nil
            var lines = ["pool rpool/data\(n)", "content images,rootdir", "sparse 1"]
            if let nodes { lines.append("nodes \(nodes.joined(separator: ","))") }
            list.append(StorageSpec(type: "zfspool", id: "zfs-\(n)", lines: lines, content: ["images", "rootdir"],
                                    nodes: nodes, disabled: false, isoFolder: nil))
        }
        for n in 1...5 {
            list.append(StorageSpec(type: "lvmthin", id: "thin-\(n)", lines: ["thinpool tp\(n)", "vgname vg\(n)", "content images"],
                                    content: ["images"], nodes: nil, disabled: n == 5, isoFolder: nil))
        }
        list[list.count - 1].lines.append("disable")
        for n in 1...4 {
            var lines = ["vgname san\(n)", "content images", "shared 1", "base iscsi-1:0.0.\(n).scsi-lun\(n)"]
            if n >= 3 { lines.append("snapshot-as-volume-chain 1") }
            list.append(StorageSpec(type: "lvm", id: "san-lvm-\(n)", lines: lines, content: ["images"], nodes: nil,
                                    disabled: false, isoFolder: nil))
        }
        for n in 1...3 {
            list.append(StorageSpec(
                type: "pbs", id: "pbs-\(n)",
                lines: ["datastore store\(n)", "server 203.0.113.\(n)", "content backup", "username backup@pbs",
                        "fingerprint 11:22:33:44:55:66:77:88:99:00:aa:bb:cc:dd:ee:ff:11:22:33:44:55:66:77:88:99:00:aa:bb:cc:dd:ee:ff"],
                content: ["backup"], nodes: nil, disabled: false, isoFolder: nil
            ))
        }
        for n in 1...2 {
            list.append(StorageSpec(type: "btrfs", id: "btrfs-\(n)", lines: ["path /srv/btrfs\(n)", "content images,rootdir"],
                                    content: ["images", "rootdir"], nodes: nil, disabled: false, isoFolder: nil))
        }
        list.append(StorageSpec(type: "iscsi", id: "iscsi-1", lines: ["portal 192.0.2.50", "target iqn.2003-01.org.example:san", "content none"],
                                content: [], nodes: nil, disabled: false, isoFolder: nil))
        return list
    }()

    /// Where each ISO file goes: (storage index in `storages`, file name, size in bytes).
    public static let isoFiles: [(storage: Int, name: String, size: Int64)] = {
        let isoStorages = storages.indices.filter { storages[$0].isoFolder != nil }
        let families: [(String, Int64)] = [
            ("debian-12.%ld.0-amd64-netinst.iso", 658_505_728),
            ("debian-13.%ld.0-amd64-DVD-1.iso", 3_994_091_520),
            ("ubuntu-24.04.%ld-live-server-amd64.iso", 3_213_064_192),
            ("ubuntu-22.04.%ld-desktop-amd64.iso", 4_927_586_304),
            ("Rocky-9.%ld-x86_64-minimal.iso", 2_003_828_736),
            ("AlmaLinux-9.%ld-x86_64-boot.iso", 1_021_313_024),
            ("Win11_24H2_English_x64v%ld.iso", 5_819_484_160),
            ("Win10_22H2_EnglishInternational_x64v%ld.iso", 6_140_975_104),
            ("virtio-win-0.1.%ld.iso", 709_666_816),
            ("proxmox-ve_8.%ld-1.iso", 1_444_317_184),
            ("proxmox-backup-server_4.%ld-1.iso", 1_310_851_072),
            ("alpine-virt-3.%ld.0-x86_64.iso", 65_011_712),
            ("openSUSE-Leap-15.%ld-NET-x86_64-Media.iso", 253_755_392),
            ("FreeBSD-14.%ld-RELEASE-amd64-disc1.iso", 1_361_000_448),
            ("archlinux-2025.%02ld.01-x86_64.iso", 1_288_490_188),
            ("TrueNAS-SCALE-25.04.%ld.iso", 1_895_825_408),
            ("pfSense-CE-2.7.%ld-RELEASE-amd64.iso", 899_678_208),
            ("OPNsense-25.%ld-dvd-amd64.iso", 2_107_637_760),
            ("ipxe-%ld.img", 1_048_576),
            ("GPARTED-LIVE-1.%ld.0-1-AMD64.ISO", 567_279_616),
        ]
        var files: [(Int, String, Int64)] = []
        files.reserveCapacity(isoFileCount)
        for i in 0..<isoFileCount {
            let storage = isoStorages[i % isoStorages.count]
            let (pattern, size) = families[i % families.count]
            let name = String(format: pattern, i / families.count + 1)
            // Keep names unique within one storage folder.
            let unique = name.replacingOccurrences(of: ".", with: "-b\(i).", options: [], range: name.range(of: ".", options: .backwards))
            files.append((storage, unique, size + Int64(i) * 2048))
        }
        return files
    }()

    /// ISO files the loader should list on `localNode` at startup.
    public static var expectedStartupISOCount: Int {
        isoFiles.filter { storages[$0.storage].listedAtStartup }.count
    }

    /// Storage IDs whose ISO listing is pending at startup on `localNode`.
    public static var expectedPendingISOStorages: Set<String> {
        let network: Set<String> = ["nfs", "cifs", "cephfs", "glusterfs"]
        return Set(storages.filter { spec in
            network.contains(spec.type) && spec.content.contains("iso") && !spec.disabled
                && (spec.nodes?.contains(localNode) ?? true)
        }.map(\.id))
    }

    /// Creates the tree under `dir` (created if needed). Calling it again on a finished tree does nothing.
    public static func create(at dir: URL) throws {
        let fm = FileManager.default
        let marker = dir.appendingPathComponent(markerName)
        if let existing = try? String(contentsOf: marker, encoding: .utf8), existing == layoutVersion { return }
        if fm.fileExists(atPath: dir.path) {
            for entry in try fm.contentsOfDirectory(atPath: dir.path) {
                try fm.removeItem(at: dir.appendingPathComponent(entry))
            }
        }
        try fm.createDirectory(at: dir, withIntermediateDirectories: true)

        func write(_ relative: String, _ text: String) throws {
            let url = dir.appendingPathComponent(relative)
            try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        func mkdir(_ relative: String) throws {
            try fm.createDirectory(at: dir.appendingPathComponent(relative), withIntermediateDirectories: true)
        }

        let ctime = 1_760_000_000

        // .members
        var members = "{\n\"nodename\": \"\(localNode)\",\n\"version\": 12,\n"
        members += "\"cluster\": { \"name\": \"\(clusterName)\", \"version\": 3, \"nodes\": 3, \"quorate\": 1 },\n\"nodelist\": {\n"
        members += nodeNames.enumerated().map { index, name in
            "  \"\(name)\": { \"id\": \(index + 1), \"online\": \(offlineNodes.contains(name) ? 0 : 1), \"ip\": \"192.0.2.\(index + 1)\"}"
        }.joined(separator: ",\n")
        members += "\n  }\n}\n"
        try write("etc/pve/.members", members)

        // .vmlist, in pmxcfs's layout.
        var vmlist = "{\n\"version\": 40123,\n\"ids\": {\n"
        vmlist.reserveCapacity(guestIDs.count * 64)
        for (index, id) in guestIDs.enumerated() {
            let node = nodeNames[index % nodeNames.count]
            let type = index % 4 == 3 ? "lxc" : "qemu"
            if index > 0 { vmlist += ",\n" }
            vmlist += "\"\(id)\": { \"node\": \"\(node)\", \"type\": \"\(type)\", \"version\": \(index % 97 + 1) }"
        }
        vmlist += "}\n\n}\n"
        try write("etc/pve/.vmlist", vmlist)

        try write("etc/pve/datacenter.cfg", """
            keyboard: en-us
            # allocate new guests from 100 upwards
            next-id: lower=100,upper=1000000
            mac_prefix: BC:24:11
            migration: secure,network=10.10.10.0/24

            """)

        // storage.cfg
        var storageCfg = ""
        for spec in storages {
            storageCfg += "\(spec.type): \(spec.id)\n"
            for line in spec.lines { storageCfg += "\t\(line)\n" }
            storageCfg += "\n"
        }
        try write("etc/pve/storage.cfg", storageCfg)

        // .rrd: node lines, storage lines per node (mixed key generations), guest lines.
        var rrd = ""
        for (index, node) in nodeNames.enumerated() {
            let prefix = index == 2 ? "pve-node-9.0" : "pve2-node"
            rrd += "\(prefix)/\(node):\(864_000 + index):1:\(ctime):0.42:\(64 - index * 16):0.08:0.001:\(274_877_906_944 - Int64(index) * 68_719_476_736):90194313216:8589934592:0:100861726720:9019431321:123456:654321\n"
        }
        for (sIndex, spec) in storages.enumerated() where !spec.disabled {
            for (index, node) in nodeNames.enumerated() where spec.nodes?.contains(node) ?? true {
                let prefix = index == 2 ? "pve-storage-9.0" : "pve2-storage"
                let total = Int64(1_099_511_627_776) + Int64(sIndex) * 10_737_418_240
                let used = total / 3 + Int64(index) * 1_073_741_824
                rrd += "\(prefix)/\(node)/\(spec.id):\(ctime - index):\(total):\(used)\n"
            }
        }
        for (index, id) in guestIDs.enumerated() {
            rrd += "pve2.3-vm/\(id):\(index % 2 == 0 ? 3600 : 0):vm\(id):\(index % 2 == 0 ? "running" : "stopped"):0:\(ctime):2:0.01:2147483648:1073741824:34359738368:0:1000:2000:3000:4000\n"
        }
        rrd += "\u{0}"
        try write("etc/pve/.rrd", rrd)

        // Network.
        try write("etc/network/interfaces", """
            auto lo
            iface lo inet loopback

            iface eno1 inet manual

            iface eno2 inet manual

            auto bond0
            iface bond0 inet manual
            \tbond-slaves eno1 eno2
            \tbond-miimon 100
            \tbond-mode 802.3ad

            auto vmbr0
            iface vmbr0 inet static
            \taddress 192.0.2.1/24
            \tgateway 192.0.2.254
            \tbridge-ports bond0
            \tbridge-stp off
            \tbridge-fd 0
            #Main LAN

            auto vmbr1
            iface vmbr1 inet manual
            \tbridge-ports none
            \tbridge-stp off
            \tbridge-fd 0
            \tbridge-vlan-aware yes
            \tbridge-vids 2-4094
            #Guests (VLAN trunk)

            auto vmbr2
            iface vmbr2 inet manual
            \tovs_type OVSBridge
            \tovs_ports eno3
            #Storage network (OVS)

            source /etc/network/interfaces.d/*

            """)
        for name in ["lo", "eno1", "eno2", "bond0", "vmbr0", "vmbr1", "vmbr2"] {
            try write("sys/class/net/\(name)/mtu", "1500\n")
        }
        try write("etc/pve/sdn/.running-config", """
            {"version":7,"vnets":{"ids":{"vnet10":{"zone":"zlan","type":"vnet","tag":10,"alias":"Web tier"},
            "vnet20":{"zone":"zlan","type":"vnet","tag":20},"vxlab":{"zone":"zvx","type":"vnet","tag":100000,"vlanaware":1},
            "dmz2":{"zone":"zpve2","type":"vnet","tag":30}}},
            "zones":{"ids":{"zlan":{"type":"vlan","bridge":"vmbr1","ipam":"pve"},"zvx":{"type":"vxlan","peers":"192.0.2.1,192.0.2.2","nodes":{"pve1":1,"pve2":1}},
            "zpve2":{"type":"vlan","bridge":"vmbr1","nodes":{"pve2":1}}}},"subnets":{"ids":{}},"controllers":{"ids":{}}}

            """)

        // Pools.
        var userCfg = "user:root@pam:1:0:::root@example.com:::\n"
        userCfg += "user:alice@pve:1:0:Alice:Example:alice@example.com:::\n"
        userCfg += "group:admins:alice@pve::\n"
        for n in 1...20 {
            let id = String(format: "team%02ld", n)
            let members = (0..<5).map { String(guestIDs[(n * 37 + $0 * 101) % guestIDs.count]) }.joined(separator: ",")
            userCfg += "pool:\(id):Team \(n) %3A production guests:\(members)::\n"
            if n % 4 == 0 { userCfg += "pool:\(id)/staging:Staging of team \(n):::\n" }
        }
        userCfg += "\nacl:1:/:@admins:Administrator:\n"
        try write("etc/pve/user.cfg", userCfg)

        // Host files.
        var cpuinfo = ""
        for n in 0..<64 {
            cpuinfo += "processor\t: \(n)\nvendor_id\t: AuthenticAMD\ncpu family\t: 25\nmodel name\t: AMD EPYC 7543 32-Core Processor\nflags\t\t: fpu vme de pse tsc msr pae mce cx8 apic sep mtrr pge mca cmov\n\n"
        }
        try write("proc/cpuinfo", cpuinfo)
        try write("proc/meminfo", """
            MemTotal:       263786504 kB
            MemFree:         8123456 kB
            MemAvailable:   190123456 kB
            Buffers:          123456 kB
            Cached:          2345678 kB

            """)
        var mounts = "/dev/mapper/pve-root / ext4 rw,relatime 0 0\nproc /proc proc rw 0 0\n"
        for n in 1...5 { mounts += "192.0.2.\(10 + n):/export/nfs-\(n) /mnt/pve/nfs-\(n) nfs4 rw,relatime,vers=4.2 0 0\n" }
        mounts += "//198.51.100.1/isos1 /mnt/pve/smb-1 cifs rw,relatime 0 0\n"
        try write("proc/mounts", mounts)
        try write("sys/fs/cgroup/cgroup.controllers", "cpuset cpu io memory hugetlb pids rdma misc\n")
        try write("etc/hostname", "pve1.example.com\n")

        // ISO folders with sparse files, plus clutter the loader must skip.
        for spec in storages {
            guard let folder = spec.isoFolder else { continue }
            try mkdir(folder)
            try write(folder + "/README.txt", "not an image\n")
            try mkdir(folder + "/old.iso")
        }
        for file in isoFiles {
            guard let folder = storages[file.storage].isoFolder else { continue }
            let path = dir.appendingPathComponent(folder).appendingPathComponent(file.name).path
            guard fm.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
            }
            try handle.truncate(atOffset: UInt64(file.size))
            try handle.close()
        }

        try write(markerName, layoutVersion)
    }
}
