/// Guest OS families and versions as the web UI lists them (value -> label), and their Proxmox defaults.
public enum OSBase: String, CaseIterable, Sendable {
    case linux, windows, solaris, other

    public var label: Phrase {
        switch self {
        case .linux: return "Linux"
        case .windows: return "Microsoft Windows"
        case .solaris: return "Solaris Kernel"
        case .other: return "Other"
        }
    }

    /// ostype values of this family; the first is what picking the family selects.
    public var versions: [Choice] {
        switch self {
        case .linux: return [Choice("l26", "7.x - 2.6 Kernel"), Choice("l24", "2.4 Kernel")]
        case .windows:
            return [
                Choice("win11", "11/2022/2025"), Choice("win10", "10/2016/2019"), Choice("win8", "8.x/2012/2012r2"),
                Choice("win7", "7/2008r2"), Choice("w2k8", "Vista/2008"), Choice("wxp", "XP/2003"),
                Choice("w2k", "2000"),
            ]
        case .solaris: return [Choice("solaris", "-")]
        case .other: return [Choice("other", "-")]
        }
    }

    public static func of(ostype: String) -> OSBase? {
        allCases.first { base in base.versions.contains { $0.value == ostype } }
    }
}

public enum DiskBus: String, CaseIterable, Sendable {
    case ide, sata, scsi, virtio

    public var label: Phrase {
        switch self {
        case .ide: return "IDE"
        case .sata: return "SATA"
        case .scsi: return "SCSI"
        case .virtio: return "VirtIO Block"
        }
    }

    /// Device numbers available on the bus (Proxmox's per-controller limits).
    public var slots: Int {
        switch self {
        case .ide: return 4
        case .sata: return 6
        case .scsi: return 31
        case .virtio: return 16
        }
    }

    /// Order in which Proxmox looks for the first boot disk.
    public static let bootSearchOrder: [DiskBus] = [.ide, .scsi, .virtio, .sata]
}

/// The per-OS defaults of the web UI (its OSDefaults table), for x86_64; `forOSType(_:arch:)` adapts them.
public struct OSDefaults: Sendable, Equatable {
    public var diskBus: DiskBus
    public var nicModel: String
    /// "" is the backend default controller (LSI 53C895A).
    public var scsihw: String
    public var machine: String
    public var bios: String
    /// New disks go to the first bus in this order that still has a free slot.
    public var busPriority: [DiskBus]

    static let generic = OSDefaults(
        diskBus: .ide, nicModel: "e1000", scsihw: "virtio-scsi-single", machine: "", bios: "",
        busPriority: [.ide, .sata, .scsi, .virtio])

    public static func forOSType(_ ostype: String) -> OSDefaults {
        switch ostype {
        case "l26":
            return OSDefaults(
                diskBus: .scsi, nicModel: "virtio", scsihw: "virtio-scsi-single", machine: "", bios: "",
                busPriority: [.scsi, .virtio, .sata, .ide])
        case "w2k", "wxp":
            var defaults = generic
            defaults.nicModel = "rtl8139"
            defaults.scsihw = ""
            return defaults
        case "win11":
            var defaults = generic
            defaults.machine = "q35"
            defaults.bios = "ovmf"
            return defaults
        default:
            return generic
        }
    }

    /// The defaults for a guest of the given architecture: an ARM guest boots UEFI on the virt machine, with
    /// VirtIO SCSI and no IDE bus.
    public static func forOSType(_ ostype: String, arch: GuestArch) -> OSDefaults {
        var defaults = forOSType(ostype)
        guard arch == .aarch64 else { return defaults }
        defaults.machine = ""
        defaults.bios = "ovmf"
        defaults.scsihw = "virtio-scsi-single"
        if defaults.diskBus == .ide { defaults.diskBus = .scsi }
        defaults.busPriority = ostype == "l26" ? [.scsi, .virtio, .sata] : [.scsi, .sata, .virtio]
        return defaults
    }

    public static func isWindows(_ ostype: String) -> Bool { OSBase.of(ostype: ostype) == .windows }
}
