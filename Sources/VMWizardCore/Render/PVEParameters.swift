/// One parameter of `POST /nodes/{node}/qemu` (and `qm create --key value`).
public struct PVEParam: Equatable, Sendable {
    public enum Kind: Sendable, Equatable { case string, integer, number, boolean }
    public var key: String
    public var value: String
    public var kind: Kind

    public init(_ key: String, _ value: String, _ kind: Kind = .string) {
        self.key = key
        self.value = value
        self.kind = kind
    }
}

/// Turns the model into exactly what the web UI would send (§4): defaults Proxmox applies itself are left
/// out, property strings are built in the web UI's order.
public enum PVEParameters {
    public static func build(_ model: VMModel, includeStart: Bool = true) -> [PVEParam] {
        var params = buildModelled(model)
        addKeptSettings(model, to: &params)
        if let boot = BootOrder.explicit(model) { params.append(PVEParam("boot", boot)) }
        if includeStart, model.activeValue(.start) == "1" { params.append(PVEParam("start", "1", .boolean)) }
        return params
    }

    /// What the wizard's own fields make, without the settings kept from a template.
    static func buildModelled(_ model: VMModel) -> [PVEParam] {
        var params: [PVEParam] = [PVEParam("vmid", model.value(.vmid), .integer)]
        func add(_ key: String, _ value: String?, _ kind: PVEParam.Kind = .string) {
            if let value { params.append(PVEParam(key, value, kind)) }
        }
        func nonEmpty(_ id: FieldID) -> String? {
            model.activeValue(id).flatMap { $0.isEmpty ? nil : $0 }
        }
        func ticked(_ id: FieldID) -> String? { model.activeValue(id) == "1" ? "1" : nil }

        // General
        add("name", nonEmpty(.name))
        add("pool", nonEmpty(.pool))
        add("ha-managed", ticked(.haManaged), .boolean)
        add("arch", nonEmpty(.arch))
        add("onboot", ticked(.onboot), .boolean)
        add("startup", startup(model))
        add("tags", nonEmpty(.tags).map { PVEFormat.splitList($0).joined(separator: ";") }.flatMap { $0.isEmpty ? nil : $0 })
        add("description", nonEmpty(.description).map(ConfigFile.storedDescription).flatMap { $0.isEmpty ? nil : $0 })
        // OS
        if model.installCDPresent { add(model.installCDSlot.configKey, installCD(model)) }
        add("ostype", model.value(.ostype))
        if model.virtioDriverDriveActive { add("ide0", "\(model.value(.virtioImage)),media=cdrom") }
        // System
        if let vga = nonEmpty(.vga) {
            add("vga", vga)
            // A serial terminal display needs its port: a socket, unless the template gives that port (a host device).
            let portKept = model.draft.activeKept.contains { !$0.isOptions && $0.key == vga }
            if vga.hasPrefix("serial") && !portKept { add(vga, "socket") }
        }
        add("machine", machine(model))
        add("bios", nonEmpty(.bios))
        if model.efiDiskActive { add("efidisk0", efiDisk(model)) }
        add("scsihw", nonEmpty(.scsihw))
        add("agent", ticked(.agent), .string)
        if model.tpmActive { add("tpmstate0", tpmState(model)) }
        // Disks, in Proxmox's drive order
        for (slot, disk) in orderedDisks(model) { add(slot.configKey, diskValue(model, disk: disk)) }
        if model.cloudInitActive, let slot = model.cloudInitSlot { add(slot.configKey, "\(model.value(.ciStorage)):cloudinit") }
        // CPU
        add("sockets", model.value(.sockets), .integer)
        add("cores", model.value(.cores), .integer)
        add("vcpus", nonEmpty(.vcpus), .integer)
        add("cpulimit", nonEmpty(.cpulimit).flatMap { Double($0) == 0 ? nil : $0 }, .number)
        let standardUnits = model.host.cgroupVersion == 1 ? 1024 : 100
        add("cpuunits", nonEmpty(.cpuunits).flatMap { Int($0) == standardUnits ? nil : $0 }, .integer)
        // Spaces around the parts mean nothing to Proxmox, and its config reader would drop them anyway.
        add("affinity", nonEmpty(.affinity).map { String($0.filter { $0 != " " && $0 != "\t" }) })
        add("numa", model.value(.numa), .boolean)
        add("cpu", cpu(model))
        // Memory
        add("memory", model.value(.memory))
        if !model.flag(.balloonEnabled) {
            add("balloon", "0", .integer)
        } else if let balloon = model.int(.balloon), let memory = model.memoryMiB, balloon < memory {
            add("balloon", String(balloon), .integer)
            add("shares", nonEmpty(.shares), .integer)
        }
        if !model.flag(.allowKSM) { add("allow-ksm", "0", .boolean) }
        // Network
        for (nic, key) in model.nicKeys.enumerated() { add(key, nicValue(model, nic: nic)) }
        // Passthrough
        for (item, key) in model.deviceKeys.enumerated() { add(key, model.deviceValue(item: item)) }
        // Cloud-Init
        if model.cloudInitActive {
            add("ciuser", nonEmpty(.ciUser))
            add("cipassword", nonEmpty(.ciPassword))
            add("sshkeys", sshKeysParameter(model))
            if model.activeValue(.ciUpgrade) == "0" { add("ciupgrade", "0", .boolean) }
            // Proxmox's config reader trims a value, so blanks around a list mean nothing (and a blank list is none).
            add("nameserver", nonEmpty(.nameserver).map { $0.trimmingWhitespace() }.flatMap { $0.isEmpty ? nil : $0 })
            add("searchdomain", nonEmpty(.searchdomain).map { $0.trimmingWhitespace() }.flatMap { $0.isEmpty ? nil : $0 })
            add("citype", nonEmpty(.citype))
            for (nic, number) in model.nicNumbers.enumerated() { add("ipconfig\(number)", model.ipconfig(nic: nic)) }
        }
        return params
    }

    /// The settings kept from a template: options join the key vmwizard writes (or make it when the wizard
    /// leaves it out); whole keys go as they are unless the wizard writes that key itself (then it wins, and
    /// the model warns).
    static func addKeptSettings(_ model: VMModel, to params: inout [PVEParam]) {
        for kept in model.draft.activeKept where kept.isOptions {
            if let index = params.firstIndex(where: { $0.key == kept.key }) {
                params[index].value += "," + kept.value
            } else {
                params.append(PVEParam(kept.key, kept.value))
            }
        }
        let written = Set(params.map(\.key))
        for kept in model.draft.activeKept where !kept.isOptions && !written.contains(kept.key) {
            params.append(PVEParam(kept.key, kept.value, PVESchema.paramKind(kept.key)))
        }
    }

    /// The SSH keys as the file `qm` would read: one key per line, each line ending in a newline.
    public static func sshKeysText(_ model: VMModel) -> String? {
        let keys = SSHPublicKey.parseList(model.value(.ciSSHKeys)).keys
        return keys.isEmpty ? nil : keys.map { $0.line + "\n" }.joined()
    }

    /// `sshkeys` as the API takes and the config keeps it: URL-encoded as `qm` encodes its key file.
    static func sshKeysParameter(_ model: VMModel) -> String? {
        sshKeysText(model).map(PercentEscapes.uriEscape)
    }

    /// `machine`: the type, then the vIOMMU options in the sorted order Proxmox prints them (the type left out
    /// means Proxmox's default machine).
    static func machine(_ model: VMModel) -> String? {
        let type = model.activeValue(.machine).flatMap { $0.isEmpty ? nil : $0 }
        guard let viommu = model.activeValue(.viommu), !viommu.isEmpty else { return type }
        var parts = type.map { [$0] } ?? []
        if let bits = model.activeValue(.awBits), !bits.isEmpty { parts.append("aw-bits=\(bits)") }
        parts.append("viommu=\(viommu)")
        return parts.joined(separator: ",")
    }

    static func startup(_ model: VMModel) -> String? {
        let parts: [(String, FieldID)] = [("order", .startupOrder), ("up", .startupUp), ("down", .startupDown)]
        let set = parts.compactMap { key, id -> String? in
            let value = model.value(id)
            return value.isEmpty ? nil : "\(key)=\(value)"
        }
        return set.isEmpty ? nil : set.joined(separator: ",")
    }

    static func installCD(_ model: VMModel) -> String {
        switch model.value(.media) {
        case "cdrom":
            let device = model.value(.cdromDevice)
            return "\(device.isEmpty ? "cdrom" : device),media=cdrom"
        case "none": return "none,media=cdrom"
        default: return "\(model.value(.isoImage)),media=cdrom"
        }
    }

    /// `STORAGE:1` for a new small volume (its size is fixed by Proxmox), or the existing volume picked.
    static func smallVolume(_ model: VMModel, storageField: FieldID, volumeField: FieldID) -> String {
        model.selectsExistingVolume(storageField: storageField) ? model.value(volumeField) : "\(model.value(storageField)):1"
    }

    static func efiDisk(_ model: VMModel) -> String {
        var value = "\(smallVolume(model, storageField: .efiStorage, volumeField: .efiVolume)),efitype=\(model.value(.efiType))"
        if model.flag(.efiKeys) { value += ",pre-enrolled-keys=1" }
        if let format = model.activeValue(.efiFormat) { value += ",format=\(format)" }
        return value
    }

    static func tpmState(_ model: VMModel) -> String {
        var value = smallVolume(model, storageField: .tpmStorage, volumeField: .tpmVolume)
        if let format = model.activeValue(.tpmFormat) { value += ",format=\(format)" }
        return value + ",version=\(model.value(.tpmVersion))"
    }

    /// Disks with their slots, sorted the way Proxmox orders drives.
    public static func orderedDisks(_ model: VMModel) -> [(slot: DiskSlot, disk: Int)] {
        model.diskSlots.enumerated().compactMap { index, slot in slot.map { ($0, index) } }
            .sorted { $0.slot < $1.slot }
    }

    /// The bandwidth sub-keys in the order the web UI writes them.
    static let bandwidthKeys: [(String, FieldID)] = [
        ("mbps_rd", .diskMbpsRd), ("mbps_wr", .diskMbpsWr), ("iops_rd", .diskIopsRd), ("iops_wr", .diskIopsWr),
        ("mbps_rd_max", .diskMbpsRdMax), ("mbps_wr_max", .diskMbpsWrMax), ("iops_rd_max", .diskIopsRdMax),
        ("iops_wr_max", .diskIopsWrMax),
    ]

    static func diskValue(_ model: VMModel, disk: Int) -> String {
        func active(_ id: FieldID) -> String? { model.activeValue(id, item: disk) }
        let storage = model.value(.diskStorage, item: disk)
        if model.selectsExistingVolume(storageField: .diskStorage, item: disk) {
            return options(model, disk: disk, head: model.value(.diskVolume, item: disk))
        }
        let source = model.value(.diskImport, item: disk)
        var parts = [source.isEmpty ? "\(storage):\(allocationSize(model.value(.diskSize, item: disk)))" : "\(storage):0"]
        if let format = active(.diskFormat) { parts.append("format=\(format)") }
        if !source.isEmpty { parts.append("import-from=\(source)") }
        return options(model, disk: disk, head: parts.joined(separator: ","))
    }

    /// The drive's options after its volume, in the web UI's order.
    static func options(_ model: VMModel, disk: Int, head: String) -> String {
        func active(_ id: FieldID) -> String? { model.activeValue(id, item: disk) }
        func on(_ id: FieldID) -> Bool { active(id) == "1" }
        var parts = [head]
        if active(.diskBackup) == "0" { parts.append("backup=0") }
        if on(.diskReplicate) { parts.append("replicate=no") }
        if on(.diskDiscard) { parts.append("discard=on") }
        if on(.diskSSD) { parts.append("ssd=on") }
        if on(.diskIothread) { parts.append("iothread=on") }
        if on(.diskReadOnly) { parts.append("ro=on") }
        if let cache = active(.diskCache), !cache.isEmpty { parts.append("cache=\(cache)") }
        if let aio = active(.diskAIO), !aio.isEmpty { parts.append("aio=\(aio)") }
        for (key, id) in bandwidthKeys {
            if let value = active(id), !value.isEmpty { parts.append("\(key)=\(value)") }
        }
        if disk < model.draft.disks.count, !model.draft.disks[disk].activeKeptOptions.isEmpty { parts.append(model.draft.disks[disk].activeKeptOptions) }
        return parts.joined(separator: ",")
    }

    /// `STORAGE:SIZE` takes GiB: a size typed in GiB goes as typed (Proxmox rounds it up to KiB as vmwizard
    /// does), one typed with a unit as the exact GiB of its KiB.
    static func allocationSize(_ field: String) -> String {
        if PVEFormat.isPlainDecimal(field, maxDecimals: 30) { return field }
        return DiskSize.kibibytes(fromField: field).map(DiskSize.gibText) ?? field
    }

    static func cpu(_ model: VMModel) -> String {
        let flags = model.value(.cpuFlags)
        return model.value(.cpuType) + (flags.isEmpty ? "" : ",flags=\(flags)")
    }

    static func nicValue(_ model: VMModel, nic: Int) -> String {
        func active(_ id: FieldID) -> String? {
            model.activeValue(id, item: nic).flatMap { $0.isEmpty ? nil : $0 }
        }
        var value = model.value(.netModel, item: nic)
        if let mac = active(.netMAC) { value += "=\(mac.uppercased())" }
        let bridge = model.value(.netBridge, item: nic)
        if !bridge.isEmpty {
            value += ",bridge=\(bridge)"
            if let tag = active(.netTag) { value += ",tag=\(tag)" }
            if active(.netFirewall) == "1" { value += ",firewall=1" }
        }
        if let rate = active(.netRate) { value += ",rate=\(rate)" }
        if let queues = active(.netQueues) { value += ",queues=\(queues)" }
        if active(.netLinkDown) == "1" { value += ",link_down=1" }
        if let mtu = active(.netMTU) { value += ",mtu=\(mtu)" }
        if nic < model.draft.nics.count, !model.draft.nics[nic].activeKeptOptions.isEmpty { value += "," + model.draft.nics[nic].activeKeptOptions }
        return value
    }
}
