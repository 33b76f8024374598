import VMWizardPlatform

/// Everything the wizard needs to know about the Proxmox VE host it runs on.
/// Built from the node's own files (see `HostInventoryLoader`) or from the built-in demo host.
public struct HostInventory: Sendable, Equatable {
    /// The node vmwizard runs on (PVE's node name: `uname -n` up to the first dot).
    public var localNode: String
    /// True for the built-in demo host: nothing may be applied on it.
    public var isDemo: Bool
    /// Cluster name, nil on a standalone node.
    public var clusterName: String?
    /// False only when the cluster is known to have lost quorum (then /etc/pve is read-only).
    public var quorate: Bool
    /// All nodes of the cluster (just the local one on a standalone node), sorted by name.
    public var nodes: [ClusterNode]
    /// Every guest ID cluster-wide.
    public var guests: [Int: Guest]
    /// `datacenter.cfg` `next-id`: lower is inclusive, upper exclusive.
    public var nextIDLower: Int
    public var nextIDUpper: Int
    /// `datacenter.cfg` `mac_prefix`, default "BC:24:11".
    public var macPrefix: String
    /// Every storage defined in storage.cfg (after PVE's implicit rules), in file order.
    public var storages: [Storage]
    /// ISO images per storage ID (only ISO-capable storages appear).
    public var isoImages: [String: [ISOImage]]
    /// Storages whose ISO listing is still being read in the background (network mounts). They have no
    /// `isoImages` entry until `HostInventoryLoader.listISOs` answers and `apply(_:)` stores the result.
    public var isoListingPending: Set<String>
    /// Bridges usable by a VM NIC on the local node: Linux, OVS, SDN vnets.
    public var bridges: [Bridge]
    public var pools: [Pool]
    /// Logical CPUs of the local node.
    public var cpuCount: Int
    public var memoryTotalMiB: Int
    public var memoryAvailableMiB: Int
    /// 1 or 2; sets the cpuunits range and default.
    public var cgroupVersion: Int
    /// The node's QEMU version (`10.0.2`) from the installed pve-qemu-kvm package; nil when unknown. Proxmox pins
    /// the machine version of Windows guests to it.
    public var qemuVersion: String?
    /// Disk images in the `import/` folder of local storages with `import` content, by storage ID. A storage
    /// that is not here was not listed (a network one: it could hang), and its images are typed by hand.
    public var importImages: [String: [ISOImage]] = [:]
    /// The volumes of storages whose disks are picked, not allocated (iSCSI LUNs), by storage ID. Listed through
    /// Proxmox in the background when such a storage is chosen (the listing logs in to the target); absent
    /// until then.
    public var existingVolumes: [String: VolumeListing] = [:]
    /// root's SSH public keys on the node, offered for cloud-init.
    public var sshKeys: [HostSSHKey] = []
    /// The node's DNS servers and search domains (resolv.conf): what a cloud-init guest gets when none are set.
    public var dnsServers: [String] = []
    public var dnsSearch: String = ""
    /// The node's CPU architecture (`x86_64`, `aarch64`): a guest of another architecture is emulated.
    public var hostArch: String = "x86_64"
    /// The cluster's custom CPU models (`/etc/pve/virtual-guest/cpu-models.conf`): name → the model it reports.
    public var customCPUModels: [String: String] = [:]
    /// What the local node offers for PCI(e) and USB passthrough (sysfs, mappings). Read in the background by the
    /// wizard (nil until then), at once in batch mode.
    public var passthrough: PassthroughInventory?
    /// Problems met while reading the host, each naming the file.
    public var warnings: [Phrase]
    /// Bridges and ISO images of other cluster nodes, read with pvesh when the user picks that node.
    public var remoteNodes: [String: RemoteNodeResources] = [:]
    /// Where the host's files are (`/` on a node, `--root` for a fixture); nil for the demo host, whose files
    /// exist nowhere. Used to look at import sources (their size).
    public var root: String?

    public init(
        localNode: String, isDemo: Bool = false, clusterName: String? = nil, quorate: Bool = true,
        nodes: [ClusterNode] = [], guests: [Int: Guest] = [:], nextIDLower: Int = 100,
        nextIDUpper: Int = 1_000_000, macPrefix: String = "BC:24:11", storages: [Storage] = [],
        isoImages: [String: [ISOImage]] = [:], isoListingPending: Set<String> = [],
        bridges: [Bridge] = [], pools: [Pool] = [], cpuCount: Int = 1, memoryTotalMiB: Int = 0,
        memoryAvailableMiB: Int = 0, cgroupVersion: Int = 2, qemuVersion: String? = nil, warnings: [Phrase] = []
    ) {
        self.localNode = localNode
        self.isDemo = isDemo
        self.clusterName = clusterName
        self.quorate = quorate
        self.nodes = nodes.isEmpty ? [ClusterNode(name: localNode, online: true, isLocal: true)] : nodes
        self.guests = guests
        self.nextIDLower = nextIDLower
        self.nextIDUpper = nextIDUpper
        self.macPrefix = macPrefix
        self.storages = storages
        self.isoImages = isoImages
        self.isoListingPending = isoListingPending
        self.bridges = bridges
        self.pools = pools
        self.cpuCount = cpuCount
        self.memoryTotalMiB = memoryTotalMiB
        self.memoryAvailableMiB = memoryAvailableMiB
        self.cgroupVersion = cgroupVersion
        self.qemuVersion = qemuVersion
        self.warnings = warnings
    }
}

public struct ClusterNode: Sendable, Equatable {
    public var name: String
    public var online: Bool
    public var isLocal: Bool
    /// From the node's `.rrd` line where known (other nodes), else from /proc for the local node.
    public var cpuCount: Int?
    public var memoryTotalMiB: Int?

    public init(name: String, online: Bool, isLocal: Bool, cpuCount: Int? = nil, memoryTotalMiB: Int? = nil) {
        self.name = name
        self.online = online
        self.isLocal = isLocal
        self.cpuCount = cpuCount
        self.memoryTotalMiB = memoryTotalMiB
    }
}

public struct Guest: Sendable, Equatable {
    public enum Kind: String, Sendable { case qemu, lxc, openvz }
    public var node: String
    public var kind: Kind
    public init(node: String, kind: Kind) {
        self.node = node
        self.kind = kind
    }
}

public struct Storage: Sendable, Equatable {
    public var id: String
    /// PVE plugin type: dir, lvmthin, lvm, zfspool, nfs, cifs, cephfs, rbd, btrfs, iscsi, pbs, ...
    public var type: String
    /// Content types: images, rootdir, iso, vztmpl, backup, snippets, import.
    public var content: Set<String>
    public var shared: Bool
    /// `disable` set in storage.cfg.
    public var disabled: Bool
    /// `nodes` restriction; nil means every node.
    public var nodes: [String]?
    public var path: String?
    /// Subfolder overrides from `content-dirs` (content type -> relative folder).
    public var contentDirs: [String: String]
    /// Bytes, from `.rrd` or statvfs; nil when unknown (inactive storage).
    public var totalBytes: Int64?
    public var usedBytes: Int64?
    /// Disk formats this storage can hold for VM images, e.g. ["raw", "qcow2", "vmdk"].
    /// Empty for types that cannot hold VM disks (cephfs, pbs, esxi).
    public var formats: [String]
    /// The format PVE uses when none is given (`format` option, else raw; thick LVM with
    /// `snapshot-as-volume-chain` defaults to qcow2).
    public var defaultFormat: String

    public init(
        id: String, type: String, content: Set<String>, shared: Bool = false, disabled: Bool = false,
        nodes: [String]? = nil, path: String? = nil, contentDirs: [String: String] = [:],
        totalBytes: Int64? = nil, usedBytes: Int64? = nil, formats: [String] = ["raw"],
        defaultFormat: String = "raw"
    ) {
        self.id = id
        self.type = type
        self.content = content
        self.shared = shared
        self.disabled = disabled
        self.nodes = nodes
        self.path = path
        self.contentDirs = contentDirs
        self.totalBytes = totalBytes
        self.usedBytes = usedBytes
        self.formats = formats
        self.defaultFormat = defaultFormat
    }

    public var availableBytes: Int64? {
        guard let total = totalBytes, let used = usedBytes else { return nil }
        return max(0, total - used)
    }

    /// Its disks are existing volumes picked from a list (iSCSI LUNs): Proxmox cannot allocate new ones on it.
    public var selectsExistingVolumes: Bool { type == "iscsi" || type == "iscsidirect" }

    /// Usable on `node`: not disabled and not restricted to other nodes.
    public func isEnabled(on node: String) -> Bool {
        !disabled && (nodes?.contains(node) ?? true)
    }
}

public struct ISOImage: Sendable, Equatable {
    /// `<storage>:iso/<file>`
    public var volid: String
    public var fileName: String
    public var sizeBytes: Int64
    /// A disk image's virtual size where it is known without a file to read (the demo host's images).
    public var virtualBytes: Int64?
    public init(volid: String, fileName: String, sizeBytes: Int64, virtualBytes: Int64? = nil) {
        self.volid = volid
        self.fileName = fileName
        self.sizeBytes = sizeBytes
        self.virtualBytes = virtualBytes
    }
}

public struct Bridge: Sendable, Equatable {
    public enum Kind: String, Sendable { case linux, ovs, vnet }
    public var name: String
    public var kind: Kind
    /// The `#` lines of the interfaces stanza joined with a space (for vnets: the SDN alias).
    public var comment: String
    /// Present in /sys/class/net (for vnets: deployed in the running SDN config).
    public var active: Bool
    /// `bridge-vlan-aware yes` (for vnets: the vnet's `vlanaware`). Always false for OVS bridges,
    /// which take VLAN tags on their ports anyway.
    public var vlanAware: Bool
    /// Defined only in /etc/network/interfaces.new: exists after the pending network change is applied.
    public var pending: Bool
    /// SDN zone of a vnet.
    public var zone: String?

    public init(
        name: String, kind: Kind, comment: String = "", active: Bool = true, vlanAware: Bool = false,
        pending: Bool = false, zone: String? = nil
    ) {
        self.name = name
        self.kind = kind
        self.comment = comment
        self.active = active
        self.vlanAware = vlanAware
        self.pending = pending
        self.zone = zone
    }
}

public struct Pool: Sendable, Equatable {
    public var id: String
    public var comment: String
    public init(id: String, comment: String = "") {
        self.id = id
        self.comment = comment
    }
}

extension HostInventory {
    /// First free VMID in [nextIDLower, nextIDUpper), as `/cluster/nextid` computes it; nil when the range is full.
    public func nextFreeVMID(from start: Int? = nil) -> Int? {
        var candidate = max(start ?? nextIDLower, nextIDLower)
        while candidate < nextIDUpper {
            if guests[candidate] == nil { return candidate }
            candidate += 1
        }
        return nil
    }

    public func storage(_ id: String) -> Storage? {
        storages.first { $0.id == id }
    }

    public func bridge(_ name: String) -> Bridge? {
        bridges.first { $0.name == name }
    }

    /// Storages usable on `node` that hold the given content type, in storage.cfg order.
    public func storages(withContent content: String, on node: String) -> [Storage] {
        storages.filter { $0.content.contains(content) && $0.isEnabled(on: node) }
    }
}

/// The volumes of a storage whose disks are picked from a list.
public enum VolumeListing: Sendable, Equatable {
    case loading
    case loaded([ISOImage])
    case failed(Phrase)

    public var volumes: [ISOImage]? {
        if case .loaded(let volumes) = self { return volumes }
        return nil
    }
}

/// What vmwizard knows of another node's bridges and ISO images. They are not in any file this node can read,
/// so they come from `pvesh` on demand, in the background.
public struct RemoteNodeResources: Sendable, Equatable {
    public enum Status: Sendable, Equatable {
        case loading
        case loaded
        case failed(Phrase)
    }

    public var status: Status
    public var bridges: [Bridge]
    /// ISO images per storage ID.
    public var isoImages: [String: [ISOImage]]

    public init(status: Status, bridges: [Bridge] = [], isoImages: [String: [ISOImage]] = [:]) {
        self.status = status
        self.bridges = bridges
        self.isoImages = isoImages
    }

    public static let loading = RemoteNodeResources(status: .loading)
}
