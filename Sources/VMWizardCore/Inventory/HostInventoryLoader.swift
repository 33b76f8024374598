import VMWizardPlatform


/// Reads a Proxmox VE node's inventory from its own files under a root folder (`/` on a real node).
///
/// Everything here is plain file reads: no `pvesh`/`pvesm`, no network. ISO folders on network
/// storages are not read here (a dead server would block); their IDs land in `isoListingPending`
/// and `listISOs(storage:root:timeout:)` reads them in the background with a timeout.
public enum HostInventoryLoader {
    /// True when the root holds a PVE node's configuration (`etc/pve/.members` or `etc/pve/storage.cfg`).
    /// When false, the caller shows the demo host instead.
    public static func looksLikePVE(root: String) -> Bool {
        InventoryFiles.exists(InventoryFiles.join(root, InventoryStatusFiles.membersPath))
            || InventoryFiles.exists(InventoryFiles.join(root, InventoryStorageConfig.path))
    }

    /// True when PVE is installed under the root (`usr/bin/pvesh` exists) but `etc/pve` is empty or
    /// missing, which is what a node looks like while the pve-cluster service (pmxcfs) is down.
    public static func clusterFilesystemLooksDown(root: String) -> Bool {
        guard InventoryFiles.exists(InventoryFiles.join(root, "usr/bin/pvesh")) else { return false }
        return !InventoryFiles.directoryHasEntries(InventoryFiles.join(root, "etc/pve"))
    }

    /// Reads everything at once. Fast and synchronous; never reads folders on network storages.
    /// Problems become `warnings` (each naming its file); the rest still loads.
    /// With `listLocalISOFolders` false, local ISO folders are left for the background listing too (the
    /// interactive wizard draws its first screen without waiting for a large ISO store).
    public static func load(root: String, listLocalISOFolders: Bool = true) -> HostInventory {
        var warnings: [Phrase] = []
        func read(_ relative: String, required: Bool = false, consequence: Phrase = .empty) -> [UInt8]? {
            readFile(root: root, relative, required: required, consequence: consequence, warnings: &warnings)
        }

        // Cluster membership and the local node's name.
        var members: InventoryStatusFiles.Members?
        if let bytes = read(InventoryStatusFiles.membersPath, consequence: "cluster nodes and quorum unknown") {
            members = InventoryStatusFiles.parseMembers(bytes, warnings: &warnings)
        }
        let localNode = members?.nodeName ?? hostName(root: root, read: { read($0, consequence: "host name taken from uname") })

        // Guests.
        var guests: [Int: Guest] = [:]
        if let bytes = read(InventoryStatusFiles.vmlistPath, required: true,
                            consequence: "guest IDs unknown; the suggested VMID may already be taken") {
            guests = InventoryStatusFiles.parseVMList(bytes, warnings: &warnings)
        }

        // Datacenter options.
        var datacenter = InventoryHostFiles.Datacenter()
        if let bytes = read(InventoryHostFiles.datacenterPath, consequence: "using the default next-id range and MAC prefix") {
            datacenter = InventoryHostFiles.parseDatacenter(bytes, warnings: &warnings)
        }

        // Storages, with free space from the .rrd dump.
        let storageBytes = read(InventoryStorageConfig.path, consequence: "only the built-in 'local' storage is known")
        var storages = InventoryStorageConfig.parse(storageBytes, warnings: &warnings)
        var rrd = InventoryStatusFiles.RRD()
        if let bytes = read(InventoryStatusFiles.rrdPath, consequence: "free space of storages unknown") {
            rrd = InventoryStatusFiles.parseRRD(bytes, warnings: &warnings)
        }
        applyStorageUsage(&storages, rrd: rrd, localNode: localNode)

        // ISO images: local folders now, network ones later.
        var mounts: [InventoryHostFiles.Mount]?
        if let bytes = read(InventoryHostFiles.mountsPath) { mounts = InventoryHostFiles.parseMounts(bytes) }
        var isoImages: [String: [ISOImage]] = [:]
        var pending: Set<String> = []
        for storage in storages where storage.content.contains("iso") && storage.isEnabled(on: localNode) {
            guard let path = storage.path else { continue }
            let folder = path + "/" + InventoryStorageConfig.isoSubfolder(of: storage)
            if !listLocalISOFolders || needsBackgroundListing(storage, isoFolder: folder, mounts: mounts) {
                pending.insert(storage.id)
                continue
            }
            switch InventoryFiles.scanISOFolder(InventoryFiles.join(root, folder), storageID: storage.id) {
            case .ok(let images): isoImages[storage.id] = images
            case .missing: isoImages[storage.id] = []
            case .failed(let reason):
                warnings.append("\(relativePath(folder)): cannot list ISO images of storage '\(storage.id)' (\(reason))")
                isoImages[storage.id] = []
            }
        }

        // Disk images to import: local folders only (a network one could hang the start).
        var importImages: [String: [ISOImage]] = [:]
        for storage in storages where storage.content.contains("import") && storage.isEnabled(on: localNode) {
            guard let path = storage.path else { continue }
            let folder = InventoryFiles.join(path, "import")
            guard !needsBackgroundListing(storage, isoFolder: folder, mounts: mounts) else { continue }
            switch InventoryFiles.scanImportFolder(InventoryFiles.join(root, folder), storageID: storage.id) {
            case .ok(let images): importImages[storage.id] = images
            case .missing: importImages[storage.id] = []
            case .failed(let reason):
                warnings.append("\(relativePath(folder)): cannot list the disk images to import of storage '\(storage.id)' (\(reason))")
            }
        }

        // Bridges and vnets.
        var bridges = loadBridges(root: root, warnings: &warnings)
        if let bytes = read(InventoryNetworkFiles.sdnRunningPath, consequence: "SDN vnets are not listed") {
            let vnets = InventoryNetworkFiles.parseSDN(bytes, node: localNode, warnings: &warnings)
            bridges.append(contentsOf: vnets.sorted { InventoryText.naturalLess($0.name, $1.name) })
        }

        // Pools.
        var pools: [Pool] = []
        if let bytes = read(InventoryHostFiles.userPath, consequence: "pools are not listed") {
            pools = InventoryHostFiles.parsePools(bytes, warnings: &warnings)
        }

        // Custom CPU models of the cluster.
        var customCPUModels: [String: String] = [:]
        if let bytes = read(InventoryHostFiles.cpuModelsPath, consequence: "custom CPU models are not listed") {
            customCPUModels = InventoryHostFiles.parseCPUModels(bytes)
        }

        // Host CPU and memory.
        var cpuCount = 0
        if let bytes = read(InventoryHostFiles.cpuinfoPath, required: true, consequence: "host CPU count unknown") {
            cpuCount = InventoryHostFiles.countProcessors(bytes)
            if cpuCount == 0 { warnings.append("\(InventoryHostFiles.cpuinfoPath): no 'processor' lines; host CPU count unknown") }
        }
        var memory: InventoryHostFiles.Memory?
        if let bytes = read(InventoryHostFiles.meminfoPath, required: true, consequence: "host memory unknown") {
            memory = InventoryHostFiles.parseMeminfo(bytes)
            if memory == nil { warnings.append("\(InventoryHostFiles.meminfoPath): no MemTotal line; host memory unknown") }
        }
        let localRRD = rrd.nodes[localNode]
        if cpuCount == 0 { cpuCount = localRRD?.maxCPU ?? 1 }
        let memoryTotalMiB = memory?.totalMiB ?? localRRD?.memTotalBytes.map { Int($0 / 1_048_576) } ?? 0
        let memoryAvailableMiB = memory?.availableMiB ?? 0

        let cgroupVersion = InventoryFiles.exists(InventoryFiles.join(root, "sys/fs/cgroup/cgroup.controllers")) ? 2 : 1
        let dpkgStatus = read(InventoryHostFiles.dpkgStatusPath)
        let qemuVersion = dpkgStatus.flatMap { InventoryHostFiles.packageVersion("pve-qemu-kvm", in: $0) }
        let hostArch = dpkgStatus.flatMap { InventoryHostFiles.packageArchitecture("pve-qemu-kvm", in: $0) } ?? machineArch()

        // Cluster nodes.
        var nodes: [ClusterNode] = []
        if let list = members?.nodes, !list.isEmpty {
            for entry in list {
                let info = rrd.nodes[entry.name]
                nodes.append(ClusterNode(
                    name: entry.name, online: entry.online, isLocal: entry.name == localNode,
                    cpuCount: info?.maxCPU, memoryTotalMiB: info?.memTotalBytes.map { Int($0 / 1_048_576) }
                ))
            }
            if !nodes.contains(where: { $0.isLocal }) {
                nodes.append(ClusterNode(name: localNode, online: true, isLocal: true))
                nodes.sort { $0.name < $1.name }
            }
        } else {
            nodes = [ClusterNode(name: localNode, online: true, isLocal: true)]
        }
        for index in nodes.indices where nodes[index].isLocal {
            nodes[index].online = true
            nodes[index].cpuCount = cpuCount
            nodes[index].memoryTotalMiB = memoryTotalMiB
        }

        // The DNS settings a cloud-init guest gets from the node when it is given none.
        var dns: (servers: [String], search: String) = ([], "")
        if let bytes = read(InventoryCloudInitFiles.resolvPath, consequence: "the node's DNS servers are not shown") {
            dns = InventoryCloudInitFiles.parseResolvConf(bytes)
        }

        var host = HostInventory(
            localNode: localNode, isDemo: false, clusterName: members?.clusterName,
            quorate: members?.quorate ?? true, nodes: nodes, guests: guests,
            nextIDLower: datacenter.nextIDLower, nextIDUpper: datacenter.nextIDUpper, macPrefix: datacenter.macPrefix,
            storages: storages, isoImages: isoImages, isoListingPending: pending, bridges: bridges, pools: pools,
            cpuCount: cpuCount, memoryTotalMiB: memoryTotalMiB, memoryAvailableMiB: memoryAvailableMiB,
            cgroupVersion: cgroupVersion, qemuVersion: qemuVersion, warnings: warnings
        )
        host.root = root
        host.customCPUModels = customCPUModels
        host.hostArch = hostArch
        host.importImages = importImages
        host.sshKeys = InventoryCloudInitFiles.sshKeys(root: root)
        (host.dnsServers, host.dnsSearch) = dns
        return host
    }

    /// The running kernel's machine name (`uname -m`), where dpkg does not say.
    private static func machineArch() -> String {
        var info = utsname()
        guard uname(&info) == 0 else { return "x86_64" }
        let name = cString(info.machine)
        return name == "arm64" ? "aarch64" : (name.isEmpty ? "x86_64" : name)
    }

    /// A fixed-size C character array of `utsname` as text, up to its first NUL.
    private static func cString<Field>(_ field: Field) -> String {
        withUnsafeBytes(of: field) { raw in
            let end = raw.firstIndex(of: 0) ?? raw.endIndex
            return String(decoding: raw[..<end], as: UTF8.self)
        }
    }

    /// Only the cluster-wide guest list, for the last-moment VMID check before creating: cheap to re-read,
    /// unlike the whole inventory. Nil when `.vmlist` cannot be read (the caller then keeps what it knew).
    public static func loadGuests(root: String) -> [Int: Guest]? {
        var warnings: [Phrase] = []
        guard let bytes = readFile(root: root, InventoryStatusFiles.vmlistPath, required: true, consequence: "", warnings: &warnings)
        else { return nil }
        return InventoryStatusFiles.parseVMList(bytes, warnings: &warnings)
    }

    // MARK: - Pieces

    /// Reads `root/relative`. A missing file is silent unless `required`; an unreadable one always warns.
    static func readFile(
        root: String, _ relative: String, required: Bool = false, consequence: Phrase, warnings: inout [Phrase]
    ) -> [UInt8]? {
        switch InventoryFiles.read(InventoryFiles.join(root, relative)) {
        case .ok(let bytes): return bytes
        case .missing:
            if required { warnings.append("\(relative): missing; \(consequence)") }
            return nil
        case .failed(let reason):
            warnings.append("\(relative): cannot be read (\(reason)); \(consequence.isEmpty ? "ignored" : consequence)")
            return nil
        }
    }

    /// `etc/hostname` up to the first dot, else the kernel's node name up to the first dot.
    private static func hostName(root: String, read: (String) -> [UInt8]?) -> String {
        if let bytes = read("etc/hostname") {
            let name = InventoryStatusFiles.shortNodeName(String(decoding: bytes, as: UTF8.self)
                .split(whereSeparator: \.isNewline).first.map(String.init) ?? "")
            if !name.isEmpty { return name }
        }
        var info = utsname()
        guard uname(&info) == 0 else { return "localhost" }
        let short = InventoryStatusFiles.shortNodeName(cString(info.nodename))
        return short.isEmpty ? "localhost" : short
    }

    static func applyStorageUsage(_ storages: inout [Storage], rrd: InventoryStatusFiles.RRD, localNode: String) {
        guard !rrd.storages.isEmpty else { return }
        // For shared storages any node's figures describe the same pool; keep the freshest per ID.
        var freshestByID: [Substring: InventoryStatusFiles.RRDStorage] = [:]
        for (key, entry) in rrd.storages {
            guard let slash = key.firstIndex(of: "/") else { continue }
            let id = key[key.index(after: slash)...]
            if let existing = freshestByID[id], existing.ctime >= entry.ctime { continue }
            freshestByID[id] = entry
        }
        for index in storages.indices {
            let id = storages[index].id
            var entry = rrd.storages[localNode + "/" + id]
            if entry == nil, storages[index].shared { entry = freshestByID[Substring(id)] }
            guard let entry else { continue }
            storages[index].totalBytes = entry.total
            storages[index].usedBytes = entry.used
        }
    }

    /// Network storages (and local folders that sit on a network mount) are listed in the background.
    static func needsBackgroundListing(_ storage: Storage, isoFolder: String, mounts: [InventoryHostFiles.Mount]?) -> Bool {
        if InventoryStorageConfig.networkFileTypes.contains(storage.type) { return true }
        if !InventoryStorageConfig.isoCapableTypes.contains(storage.type) { return true }  // third-party plugin
        if let mounts, let mount = InventoryHostFiles.mount(containing: isoFolder, in: mounts) {
            return InventoryHostFiles.mayBlock(fsType: mount.fsType)
        }
        return false
    }

    private static func loadBridges(root: String, warnings: inout [Phrase]) -> [Bridge] {
        let current = readFile(root: root, InventoryNetworkFiles.interfacesPath, required: true, consequence: "no bridges found",
                               warnings: &warnings)
        let pendingBytes = readFile(root: root, InventoryNetworkFiles.pendingInterfacesPath,
                                    consequence: "pending network changes ignored", warnings: &warnings)

        var stanzas: [InventoryNetworkFiles.BridgeStanza] = []
        var currentNames: Set<String> = []
        if let current {
            let parsed = InventoryNetworkFiles.parseInterfaces(current, file: InventoryNetworkFiles.interfacesPath, warnings: &warnings)
            currentNames = Set(parsed.map(\.name))
            stanzas = parsed
        }
        var pendingNames: Set<String> = []
        if let pendingBytes {
            // PVE reads the pending copy when it exists; bridges only there are not created yet.
            stanzas = InventoryNetworkFiles.parseInterfaces(pendingBytes, file: InventoryNetworkFiles.pendingInterfacesPath, warnings: &warnings)
            pendingNames = Set(stanzas.map(\.name)).subtracting(currentNames)
        }
        var bridges = stanzas.map { stanza in
            Bridge(
                name: stanza.name, kind: stanza.kind, comment: stanza.comment,
                active: interfaceExists(stanza.name, root: root), vlanAware: stanza.vlanAware,
                pending: pendingNames.contains(stanza.name)
            )
        }
        bridges.sort { InventoryText.naturalLess($0.name, $1.name) }
        return bridges
    }

    private static func interfaceExists(_ name: String, root: String) -> Bool {
        guard !name.isEmpty, !name.contains("/"), name != ".", name != ".." else { return false }
        return InventoryFiles.exists(InventoryFiles.join(root, "sys/class/net/" + name))
    }

    static func relativePath(_ path: String) -> String {
        var slice = Substring(path)
        while slice.first == "/" { slice = slice.dropFirst() }
        return String(slice)
    }
}
