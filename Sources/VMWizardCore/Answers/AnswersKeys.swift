/// What vmwizard knows about Proxmox's VM option names, to tell an unknown key from one it does not support.
enum AnswersKeys {
    /// Top-level keys vmwizard maps into the wizard (disks, NICs and serial ports are matched by family).
    static let handled: Set<String> = [
        "vmid", "name", "pool", "ha-managed", "arch", "onboot", "startup", "tags", "description", "ostype", "cdrom", "vga",
        "machine", "bios", "efidisk0", "scsihw", "agent", "tpmstate0", "sockets", "cores", "cpu", "vcpus", "cpulimit",
        "cpuunits", "affinity", "numa", "memory", "balloon", "shares", "allow-ksm", "start", "template", "ciuser",
        "cipassword", "sshkeys", "ciupgrade", "nameserver", "searchdomain", "citype",
    ]

    /// Keys Proxmox generates or that describe the old VM rather than the new one: dropped without a word.
    /// `bootdisk` is the old form of `boot`: the new VM's boot order comes from its own drives, as with `boot`.
    static let dropped: Set<String> = ["digest", "smbios1", "vmgenid", "meta", "boot", "bootdisk", "parent", "lock"]
    /// Of those, the ones whose loss the user is told about (the others are regenerated or recomputed).
    static let droppedWithNote: Set<String> = ["parent", "lock"]

    /// Keys of Proxmox's schema that are never carried over from a template: parameters of the create call
    /// rather than settings, and what a running or snapshotted VM records about itself.
    static let neverKept: Set<String> = [
        "archive", "force", "live-restore", "storage", "unique", "bwlimit", "import-working-storage", "start",
        "runningmachine", "runningcpu", "running-nets-host-mtu", "snaptime", "vmstate", "cdrom",
    ]

    /// Every other option name Proxmox VE 9 knows for a VM (indexed families without their number).
    static let otherProxmoxKeys: Set<String> = [
        "acpi", "amd-sev", "archive", "args", "audio", "autostart", "bwlimit", "cicustom",
        "cipassword", "citype", "ciupgrade", "ciuser", "force", "freeze", "hookscript", "hostpci", "hotplug",
        "hugepages", "import-working-storage", "intel-tdx", "ipconfig", "ivshmem", "keephugepages", "keyboard", "kvm",
        "live-restore", "localtime", "migrate_downtime", "migrate_speed", "nameserver", "numa", "parallel",
        "protection", "reboot", "rng", "searchdomain", "serial", "smp", "spice_enhancements", "sshkeys", "startdate",
        "storage", "tablet", "tdf", "template", "unique", "usb", "virtiofs", "vmstatestorage", "watchdog",
        "runningmachine", "runningcpu", "snaptime", "vmstate", "efidisk", "tpmstate", "smbios",
    ]

    /// `scsi12` -> ("scsi", 12); `memory` -> ("memory", nil).
    static func family(_ key: String) -> (name: String, index: Int?) {
        let digits = key.reversed().prefix { $0.isASCIIDigit }
        guard !digits.isEmpty, digits.count < key.count else { return (key, nil) }
        let name = String(key.dropLast(digits.count))
        return (name, Int(String(digits.reversed())))
    }

    // MARK: Drive sub-keys

    /// Sub-keys of a hard disk that vmwizard maps (bus limits apart).
    static let diskHandled: Set<String> = [
        "file", "volume", "media", "size", "format", "import-from", "cache", "discard", "iothread", "ssd", "ro", "backup",
        "replicate", "aio", "mbps_rd", "mbps_wr", "iops_rd", "iops_wr", "mbps_rd_max", "mbps_wr_max", "iops_rd_max",
        "iops_wr_max",
    ]

    /// Sub-keys Proxmox accepts on some drive that vmwizard does not offer.
    static let diskUnsupported: Set<String> = [
        "serial", "wwn", "product", "vendor", "model", "rerror", "werror", "detect_zeroes", "snapshot", "shared",
        "queues", "scsiblock", "bps", "bps_rd", "bps_wr", "bps_max_length", "bps_rd_max_length", "bps_wr_max_length",
        "bps_rd_length", "bps_wr_length", "iops", "iops_max", "iops_max_length", "iops_rd_max_length",
        "iops_wr_max_length", "iops_rd_length", "iops_wr_length", "mbps", "mbps_max", "cyls", "heads", "secs",
        "trans", "boot",
    ]

    /// Sub-keys a bus does not have at all in Proxmox.
    static func missingOnBus(_ bus: DiskBus) -> Set<String> {
        switch bus {
        case .ide, .sata: return ["iothread", "ro", "queues", "scsiblock", "product", "vendor"]
        case .virtio: return ["ssd", "queues", "scsiblock", "product", "vendor", "wwn"]
        case .scsi: return []
        }
    }

    static let nicHandled: Set<String> = [
        "model", "macaddr", "bridge", "tag", "firewall", "link_down", "mtu", "rate", "queues",
    ]
    /// Every NIC model Proxmox knows; `model=MAC` is how a NIC's address is written.
    static let nicModels: Set<String> = [
        "e1000", "e1000-82540em", "e1000-82544gc", "e1000-82545em", "e1000e", "i82551", "i82557b", "i82559er",
        "ne2k_isa", "ne2k_pci", "pcnet", "rtl8139", "virtio", "vmxnet3",
    ]
}
