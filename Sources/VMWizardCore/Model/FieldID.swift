/// Identifies one declared option. Per-disk and per-NIC options share one ID across all items;
/// the item index travels separately (`FieldRef`).
public struct FieldID: Hashable, Sendable, Codable, RawRepresentable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public var description: String { rawValue }
}

/// One field of one item: `item` is the disk or NIC index for per-item fields, nil for VM-wide ones.
public struct FieldRef: Hashable, Sendable, Codable {
    public var id: FieldID
    public var item: Int?
    public init(_ id: FieldID, item: Int? = nil) {
        self.id = id
        self.item = item
    }
}

extension FieldID {
    // General
    public static let node: FieldID = "node"
    public static let vmid: FieldID = "vmid"
    public static let name: FieldID = "name"
    public static let haManaged: FieldID = "ha-managed"
    public static let arch: FieldID = "arch"
    public static let pool: FieldID = "pool"
    public static let onboot: FieldID = "onboot"
    public static let startupOrder: FieldID = "startup.order"
    public static let startupUp: FieldID = "startup.up"
    public static let startupDown: FieldID = "startup.down"
    public static let tags: FieldID = "tags"
    public static let description: FieldID = "description"
    // OS
    public static let media: FieldID = "media"
    public static let cdromDevice: FieldID = "cdrom.device"
    public static let isoStorage: FieldID = "iso.storage"
    public static let isoImage: FieldID = "iso.image"
    public static let osBase: FieldID = "os.base"
    public static let ostype: FieldID = "ostype"
    public static let virtioAdd: FieldID = "virtio.add"
    public static let virtioStorage: FieldID = "virtio.storage"
    public static let virtioImage: FieldID = "virtio.image"
    // System
    public static let vga: FieldID = "vga"
    public static let machine: FieldID = "machine"
    public static let viommu: FieldID = "machine.viommu"
    public static let awBits: FieldID = "machine.aw-bits"
    public static let bios: FieldID = "bios"
    public static let efiAdd: FieldID = "efi.add"
    public static let efiStorage: FieldID = "efi.storage"
    public static let efiVolume: FieldID = "efi.volume"
    public static let efiFormat: FieldID = "efi.format"
    public static let efiKeys: FieldID = "efi.keys"
    public static let efiType: FieldID = "efi.type"
    public static let scsihw: FieldID = "scsihw"
    public static let agent: FieldID = "agent"
    public static let tpmAdd: FieldID = "tpm.add"
    public static let tpmStorage: FieldID = "tpm.storage"
    public static let tpmVolume: FieldID = "tpm.volume"
    public static let tpmFormat: FieldID = "tpm.format"
    public static let tpmVersion: FieldID = "tpm.version"
    // Disks (per disk)
    public static let diskBus: FieldID = "disk.bus"
    public static let diskDevice: FieldID = "disk.device"
    public static let diskStorage: FieldID = "disk.storage"
    public static let diskVolume: FieldID = "disk.volume"
    public static let diskSize: FieldID = "disk.size"
    public static let diskFormat: FieldID = "disk.format"
    public static let diskImport: FieldID = "disk.import"
    public static let diskCache: FieldID = "disk.cache"
    public static let diskDiscard: FieldID = "disk.discard"
    public static let diskIothread: FieldID = "disk.iothread"
    public static let diskSSD: FieldID = "disk.ssd"
    public static let diskReadOnly: FieldID = "disk.ro"
    public static let diskBackup: FieldID = "disk.backup"
    public static let diskReplicate: FieldID = "disk.replicate"
    public static let diskAIO: FieldID = "disk.aio"
    public static let diskMbpsRd: FieldID = "disk.mbps_rd"
    public static let diskMbpsWr: FieldID = "disk.mbps_wr"
    public static let diskIopsRd: FieldID = "disk.iops_rd"
    public static let diskIopsWr: FieldID = "disk.iops_wr"
    public static let diskMbpsRdMax: FieldID = "disk.mbps_rd_max"
    public static let diskMbpsWrMax: FieldID = "disk.mbps_wr_max"
    public static let diskIopsRdMax: FieldID = "disk.iops_rd_max"
    public static let diskIopsWrMax: FieldID = "disk.iops_wr_max"
    // CPU
    public static let sockets: FieldID = "sockets"
    public static let cores: FieldID = "cores"
    public static let cpuType: FieldID = "cpu.type"
    public static let vcpus: FieldID = "vcpus"
    public static let cpulimit: FieldID = "cpulimit"
    public static let cpuunits: FieldID = "cpuunits"
    public static let affinity: FieldID = "affinity"
    public static let numa: FieldID = "numa"
    public static let cpuFlags: FieldID = "cpu.flags"
    // Memory
    public static let memory: FieldID = "memory"
    public static let balloonEnabled: FieldID = "balloon.enabled"
    public static let balloon: FieldID = "balloon"
    public static let shares: FieldID = "shares"
    public static let allowKSM: FieldID = "allow-ksm"
    // Network (per NIC)
    public static let netIndex: FieldID = "net.index"
    public static let netBridge: FieldID = "net.bridge"
    public static let netTag: FieldID = "net.tag"
    public static let netFirewall: FieldID = "net.firewall"
    public static let netModel: FieldID = "net.model"
    public static let netMAC: FieldID = "net.macaddr"
    public static let netLinkDown: FieldID = "net.link_down"
    public static let netMTU: FieldID = "net.mtu"
    public static let netRate: FieldID = "net.rate"
    public static let netQueues: FieldID = "net.queues"
    // Passthrough devices (per device, on the System tab)
    public static let devType: FieldID = "dev.type"
    public static let pciSource: FieldID = "dev.pci.source"
    public static let pciHost: FieldID = "dev.pci.host"
    public static let pciMapping: FieldID = "dev.pci.mapping"
    public static let pciAllFunctions: FieldID = "dev.pci.all"
    public static let pciMdev: FieldID = "dev.pci.mdev"
    public static let pciPrimaryGPU: FieldID = "dev.pci.x-vga"
    public static let pciExpress: FieldID = "dev.pci.pcie"
    public static let pciROMBar: FieldID = "dev.pci.rombar"
    public static let pciOverride: FieldID = "dev.pci.override"
    public static let usbSource: FieldID = "dev.usb.source"
    public static let usbHost: FieldID = "dev.usb.host"
    public static let usbPort: FieldID = "dev.usb.port"
    public static let usbMapping: FieldID = "dev.usb.mapping"
    public static let usb3: FieldID = "dev.usb.usb3"
    // Confirm
    public static let start: FieldID = "start"
    public static let template: FieldID = "template"
    // Cloud-Init
    public static let cloudImage: FieldID = "cloud.image"
    public static let cloudDownload: FieldID = "cloud.download"
    public static let cloudURL: FieldID = "cloud.url"
    public static let cloudFormat: FieldID = "cloud.format"
    public static let cloudStorage: FieldID = "cloud.storage"
    public static let cloudChecksum: FieldID = "cloud.checksum"
    public static let ciAdd: FieldID = "ci.add"
    public static let ciStorage: FieldID = "ci.storage"
    public static let ciSlot: FieldID = "ci.slot"
    public static let ciUser: FieldID = "ciuser"
    public static let ciPassword: FieldID = "cipassword"
    public static let ciSSHKeys: FieldID = "sshkeys"
    public static let ciUpgrade: FieldID = "ciupgrade"
    public static let nameserver: FieldID = "nameserver"
    public static let searchdomain: FieldID = "searchdomain"
    public static let citype: FieldID = "citype"
    public static let netIP: FieldID = "net.ip"
    public static let netGW: FieldID = "net.gw"
    public static let netIP6: FieldID = "net.ip6"
    public static let netGW6: FieldID = "net.gw6"
}
