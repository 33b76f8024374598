import VMWizardPlatform

/// Cross-field rules of the wizard (web UI §3), as named functions over the whole model. Field defaults call
/// these, so a rule always reflects the current values; `beforeUserChange` holds the few rules that react to
/// a user's edit.
extension VMModel {
    public var ostype: String { value(.ostype) }
    public var osDefaults: OSDefaults { OSDefaults.forOSType(ostype, arch: guestArch) }
    public var isWindows: Bool { OSDefaults.isWindows(ostype) }

    /// The install ISO's file name, when an ISO is chosen.
    public var installISOFileName: String? {
        guard value(.media) == "iso" else { return nil }
        let volid = value(.isoImage)
        return volid.isEmpty ? nil : ISODetection.fileName(ofVolume: volid)
    }

    /// What the install ISO's name says about the guest.
    public var detectedFromISO: ISODetection.Result? {
        installISOFileName.flatMap { ISODetection.detect(fileName: $0) }
    }

    /// The install CD drive (ide2) exists, with or without media.
    public var installCDPresent: Bool { value(.media) != "omit" && value(.media) != "cloud" }

    /// Windows with the second CD for VirtIO drivers (§3.3).
    public var virtioDriverDriveActive: Bool { isWindows && flag(.virtioAdd) }

    /// With the driver CD, disks go to SCSI and NICs to VirtIO (§3.3); otherwise the OS default.
    public var defaultDiskBus: DiskBus { virtioDriverDriveActive ? .scsi : osDefaults.diskBus }
    public var defaultNICModel: String { virtioDriverDriveActive ? "virtio" : osDefaults.nicModel }

    /// The `netN` number of each NIC: the one given (an answers file keeps `net2` as net2), else the lowest
    /// number no other NIC uses, in list order.
    public var nicNumbers: [Int] {
        let given = draft.nics.map { $0.values[FieldID.netIndex.rawValue].flatMap { Int($0) } }
        var used = Set(given.compactMap { $0 })
        var next = 0
        return given.map { number in
            if let number { return number }
            while used.contains(next) { next += 1 }
            used.insert(next)
            return next
        }
    }

    /// `net0`, `net2`: the config key of each NIC.
    public var nicKeys: [String] { nicNumbers.map { "net\($0)" } }

    /// What a NIC is called: its config key (`net2`).
    public func nicName(_ nic: Int) -> String {
        let keys = nicKeys
        return keys.indices.contains(nic) ? keys[nic] : "net\(nic)"
    }

    /// What a disk is called: its slot (`scsi1`), or "disk N" while it has none.
    public func diskName(_ disk: Int) -> String {
        let slots = diskSlots
        guard slots.indices.contains(disk), let slot = slots[disk] else { return "disk \(disk + 1)" }
        return slot.configKey
    }

    public var usesOVMF: Bool { value(.bios) == "ovmf" }
    /// EFI vars disk only with OVMF (§3.5).
    public var efiDiskActive: Bool { usesOVMF && flag(.efiAdd) }
    /// TPM state disk. Like the web UI's "Add TPM" box it does not depend on the firmware: QEMU's TPM also works
    /// with SeaBIOS.
    public var tpmActive: Bool { flag(.tpmAdd) }

    /// The node the VM is created on.
    public var targetNode: String { value(.node) }
    public var targetNodeInfo: ClusterNode? { host.nodes.first { $0.name == targetNode } }
    public var createsOnOtherNode: Bool { targetNode != host.localNode }

    /// Logical CPUs of the target node, when known.
    public var targetNodeCPUs: Int? {
        if let info = targetNodeInfo, !info.isLocal { return info.cpuCount }
        return host.cpuCount > 0 ? host.cpuCount : nil
    }

    public var targetNodeMemoryMiB: Int? {
        if let info = targetNodeInfo, !info.isLocal { return info.memoryTotalMiB }
        return host.memoryTotalMiB > 0 ? host.memoryTotalMiB : nil
    }

    /// sockets × cores, when both are numbers.
    public var totalCores: Int? {
        guard let sockets = int(.sockets), let cores = int(.cores) else { return nil }
        let (product, overflow) = sockets.multipliedReportingOverflow(by: cores)
        return overflow ? nil : product
    }

    /// Memory as a number, when valid.
    public var memoryMiB: Int? { int(.memory) }

    /// The slot each disk gets (§3.7).
    public var diskSlots: [DiskSlot?] { cache.diskSlots { DiskSlots.allocate(self) } }

    /// IO thread only works on VirtIO Block and SCSI (§3.8).
    public func diskBus(_ disk: Int) -> DiskBus {
        DiskBus(rawValue: value(.diskBus, item: disk)) ?? defaultDiskBus
    }

    /// The storage's formats for VM images, or raw when the storage is unknown.
    public func formats(ofStorage id: String) -> [String] {
        host.storage(id)?.formats ?? ["raw"]
    }

    /// The web UI's format choice: qcow2 when the storage supports it, else raw, else its default.
    public func preferredFormat(ofStorage id: String) -> String {
        let formats = formats(ofStorage: id)
        if formats.contains("qcow2") { return "qcow2" }
        if formats.contains("raw") { return "raw" }
        return host.storage(id)?.defaultFormat ?? "raw"
    }

    /// Storages on the target node holding `content`.
    public func storages(withContent content: String) -> [Storage] {
        host.storages(withContent: content, on: targetNode)
    }

    /// The size of a disk that is not imported: the typed size, or the listed size of the existing volume picked.
    public func newDiskBytes(_ disk: Int) -> Int? {
        guard value(.diskImport, item: disk).isEmpty || selectsExistingVolume(storageField: .diskStorage, item: disk) else { return nil }
        if selectsExistingVolume(storageField: .diskStorage, item: disk) {
            return existingVolumeSize(storageField: .diskStorage, volumeField: .diskVolume, item: disk).map { Int($0) }
        }
        return DiskSize.kibibytes(fromField: value(.diskSize, item: disk)).map { Int($0) * 1024 }
    }

    /// The listed size of the existing volume a field names; nil when it is not (yet) known.
    public func existingVolumeSize(storageField: FieldID, volumeField: FieldID, item: Int? = nil) -> Int64? {
        let volid = value(volumeField, item: item)
        return host.existingVolumes[value(storageField, item: item)]?.volumes?.first { $0.volid == volid }?.sizeBytes
    }

    /// The machine is q35 (as Proxmox tells: its type names q35).
    public var machineIsQ35: Bool { value(.machine).contains("q35") }

    /// Storages for VM images where Proxmox can create a new volume (not the iSCSI ones, which hand out LUNs).
    public var allocatingImageStorages: [Storage] {
        storages(withContent: "images").filter { !$0.selectsExistingVolumes }
    }

    /// Bridges of the target node: the local node's from its files, another node's once pvesh answered;
    /// nil while they are unknown.
    public var targetBridges: [Bridge]? {
        guard createsOnOtherNode else { return host.bridges }
        guard let remote = host.remoteNodes[targetNode], remote.status == .loaded else { return nil }
        return remote.bridges
    }

    /// ISO images on a storage as the target node sees it; nil while unknown (still being read).
    public func isoImages(onStorage storage: String) -> [ISOImage]? {
        if createsOnOtherNode {
            guard let remote = host.remoteNodes[targetNode], remote.status == .loaded else { return nil }
            return remote.isoImages[storage]
        }
        if host.isoListingPending.contains(storage) { return nil }
        return host.isoImages[storage] ?? []
    }

    /// What is still being read about the target node, or why it could not be.
    public var targetNodeNote: Phrase? {
        guard createsOnOtherNode, let remote = host.remoteNodes[targetNode] else { return nil }
        switch remote.status {
        case .loading: return "reading the bridges and ISO images of node \(targetNode)…"
        case .loaded: return nil
        case .failed(let reason): return reason
        }
    }

    /// The best virtio-win ISO on the host: the newest version by name.
    public var bestVirtioISO: ISOImage? {
        cache.bestVirtioISO { findBestVirtioISO() }
    }

    func findBestVirtioISO() -> ISOImage? {
        let all = storages(withContent: "iso").flatMap { isoImages(onStorage: $0.id) ?? [] }
        return all.filter { ISODetection.detect(fileName: $0.fileName) == .virtioDrivers }
            .max { NaturalOrder.compare($0.fileName, $1.fileName) == .orderedAscending }
    }

    /// Storage proposed for the EFI and TPM disks: the first disk's, so all of a VM's volumes sit together.
    public var firstDiskStorage: String? {
        draft.disks.indices.first.map { value(.diskStorage, item: $0) }.flatMap { $0.isEmpty ? nil : $0 }
    }
}

public enum Rules {
    /// Rules that run when the user changes a field by hand (before the new value is stored).
    static func beforeUserChange(_ model: inout VMModel, id: FieldID, item: Int?, from old: String, to new: String) {
        switch id {
        case .osBase:
            // Picking another OS family drops a hand-picked version of the old family.
            if let typed = model.userValue(.ostype), OSBase.of(ostype: typed)?.rawValue != new {
                model.reset(.ostype)
            }
        case .diskBus:
            // A new bus means the first free number on it (web UI ControllerSelector).
            if old != new { model.reset(.diskDevice, item: item) }
        case .memory:
            // Minimum memory that equalled Memory keeps following it (web UI MemoryEdit).
            if model.userValue(.balloon) == old { model.reset(.balloon) }
        case .isoStorage:
            if old != new { model.reset(.isoImage) }
        case .virtioStorage:
            if old != new { model.reset(.virtioImage) }
        case .diskStorage, .efiStorage, .tpmStorage:
            // The format list and the existing volumes belong to the storage.
            let formatField: FieldID = id == .diskStorage ? .diskFormat : (id == .efiStorage ? .efiFormat : .tpmFormat)
            let volumeField: FieldID = id == .diskStorage ? .diskVolume : (id == .efiStorage ? .efiVolume : .tpmVolume)
            if old != new { model.reset(volumeField, item: item) }
            if old != new, let typed = model.userValue(formatField, item: item),
               !model.formats(ofStorage: new).contains(typed) {
                model.reset(formatField, item: item)
            }
        default:
            break
        }
    }
}

/// Microsoft's published minimums for the Windows version the OS type stands for: below them vmwizard warns
/// (the installer refuses or the system crawls), it does not refuse.
public enum WindowsMinimums {
    /// Memory in MiB, logical CPUs, first disk in bytes (Microsoft counts GB), TPM 2.0 and UEFI required.
    struct Needs {
        var name: Phrase
        var memoryMiB: Int
        var cpus: Int
        var diskBytes: Int
        var tpmAndUEFI: Bool
    }

    static func needs(_ model: VMModel) -> Needs? {
        switch model.ostype {
        case "win11": return Needs(name: "Windows 11", memoryMiB: 4096, cpus: 2, diskBytes: 64_000_000_000, tpmAndUEFI: true)
        case "win10": return Needs(name: "Windows 10", memoryMiB: 2048, cpus: 1, diskBytes: 32_000_000_000, tpmAndUEFI: false)
        default: return nil
        }
    }

    public static func memory(_ model: VMModel) -> Issue? {
        guard let needs = needs(model), let mib = model.memoryMiB, mib < needs.memoryMiB else { return nil }
        return .warning("\(needs.name) needs at least \(needs.memoryMiB) MiB of memory (Microsoft's minimum)")
    }

    public static func cpus(_ model: VMModel) -> Issue? {
        guard let needs = needs(model), let total = model.totalCores, total < needs.cpus else { return nil }
        return .warning("\(needs.name) needs at least \(needs.cpus) cores (Microsoft's minimum)")
    }

    public static func disk(_ model: VMModel, item: Int?) -> Issue? {
        guard let needs = needs(model), item == 0, let bytes = model.newDiskBytes(0), bytes < needs.diskBytes else { return nil }
        return .warning("\(needs.name) needs a disk of at least \(needs.diskBytes / 1_000_000_000) GB (Microsoft's minimum)")
    }

    public static func firmware(_ model: VMModel) -> Issue? {
        guard let needs = needs(model), needs.tpmAndUEFI else { return nil }
        if !model.usesOVMF { return .warning("\(needs.name) needs UEFI: choose OVMF (UEFI)") }
        return nil
    }

    public static func tpm(_ model: VMModel) -> Issue? {
        guard let needs = needs(model), needs.tpmAndUEFI else { return nil }
        if !model.tpmActive || model.value(.tpmVersion) != "v2.0" { return .warning("\(needs.name) needs a TPM 2.0") }
        return nil
    }
}
