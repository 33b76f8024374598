/// The vCPU architecture of a guest (Proxmox's `arch` option) and what it brings with it, following the web
/// UI's table of architectures and qemu-server's defaults. An architecture other than the node's is emulated
/// (no KVM).
public enum GuestArch: String, CaseIterable, Sendable {
    case x86_64, aarch64

    public var label: Phrase { self == .x86_64 ? "x86 (64-bit)" : "ARM (64-bit)" }

    /// OS families offered for the architecture: only Linux and Other run as ARM guests.
    public var osBases: [OSBase] { self == .aarch64 ? [.linux, .other] : OSBase.allCases }

    public func versions(of base: OSBase) -> [Choice] {
        self == .aarch64 ? base.versions.filter { ["l26", "other"].contains($0.value) } : base.versions
    }

    public func allows(ostype: String) -> Bool { self == .x86_64 || ["l26", "other"].contains(ostype) }

    public var machineChoices: [Choice] {
        self == .aarch64 ? [Choice("", "Default (virt)")] : [Choice("", "Default (i440fx)"), Choice("q35", "q35")]
    }

    public var biosChoices: [Choice] {
        self == .aarch64
            ? [Choice("ovmf", "OVMF (UEFI)")]
            : [Choice("", "Default (SeaBIOS)"), Choice("seabios", "SeaBIOS"), Choice("ovmf", "OVMF (UEFI)")]
    }

    public var scsiControllers: [Choice] {
        self == .aarch64
            ? OptionCatalog.scsiControllers.filter { ["virtio-scsi-pci", "virtio-scsi-single"].contains($0.value) }
            : OptionCatalog.scsiControllers
    }

    /// Disk buses the machine has: ARM's virt machine has no IDE controller.
    public var buses: [DiskBus] { self == .aarch64 ? [.sata, .scsi, .virtio] : DiskBus.allCases }

    /// Where the install CD drive goes: ide2, or scsi2 where there is no IDE.
    public var installCDSlot: DiskSlot { self == .aarch64 ? DiskSlot(.scsi, 2) : DiskSlot(.ide, 2) }

    /// The CPU model a new guest gets: for ARM, Proxmox's own default (the host's CPU with KVM, QEMU's `max`
    /// when emulated); for x86, the web UI's.
    public func defaultCPU(native: Bool) -> String {
        self == .aarch64 ? (native ? "host" : "max") : CPUModels.defaultModel
    }
}

extension VMModel {
    /// The guest's architecture: the one chosen, else the node's.
    public var guestArch: GuestArch {
        GuestArch(rawValue: value(.arch)) ?? hostArch
    }

    public var hostArch: GuestArch { GuestArch(rawValue: host.hostArch) ?? .x86_64 }

    /// The guest runs on the node's own architecture (with KVM), not emulated.
    public var isNativeArch: Bool { guestArch.rawValue == host.hostArch }

    public var installCDSlot: DiskSlot { guestArch.installCDSlot }
}
