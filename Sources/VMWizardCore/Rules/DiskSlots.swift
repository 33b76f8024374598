/// A disk's place on a controller: `scsi0`, `ide1`…
public struct DiskSlot: Hashable, Sendable, Comparable {
    public var bus: DiskBus
    public var number: Int
    public init(_ bus: DiskBus, _ number: Int) {
        self.bus = bus
        self.number = number
    }
    public var configKey: String { "\(bus.rawValue)\(number)" }

    /// Proxmox's drive order: ide, sata, scsi, virtio, each by number.
    public static func < (lhs: DiskSlot, rhs: DiskSlot) -> Bool {
        let order = DiskBus.allCases
        let left = order.firstIndex(of: lhs.bus) ?? 0, right = order.firstIndex(of: rhs.bus) ?? 0
        return left != right ? left < right : lhs.number < rhs.number
    }

    public init?(configKey: String) {
        guard let bus = DiskBus.allCases.first(where: { configKey.hasPrefix($0.rawValue) }),
              let number = Int(configKey.dropFirst(bus.rawValue.count)),
              (0..<bus.slots).contains(number),
              configKey == "\(bus.rawValue)\(number)" else { return nil }
        self.init(bus, number)
    }

    public static let driverCD = DiskSlot(.ide, 0)
}

/// Slot allocation for the disk list (web UI §3.7): the CD drives are reserved, disks whose number was set by
/// hand keep it, every other disk takes the first free number on its bus, overflowing to the next bus the OS
/// prefers when a bus is full.
public enum DiskSlots {
    public static func reserved(in model: VMModel) -> [DiskSlot] {
        var slots = [model.installCDSlot]
        if model.virtioDriverDriveActive { slots.append(.driverCD) }
        // A cloud-init drive placed by hand (or by an answers file) keeps its slot; placed by default it moves
        // around the disks instead (see VMModel.automaticCloudInitSlot).
        if model.cloudInitActive, let placed = model.userValue(.ciSlot).flatMap(DiskSlot.init(configKey:)) { slots.append(placed) }
        // Drives kept from a template as they are (a passed-through disk, another CD) hold their slots.
        slots += model.draft.activeKept.filter { !$0.isOptions }.compactMap { DiskSlot(configKey: $0.key) }
        return slots
    }

    /// The bus a disk asks for before slots are handed out: the user's choice; else, as the web UI chooses for an
    /// added disk, the bus the disks before it use most (ties by the OS's bus order); the first disk takes the OS
    /// default.
    static func preferredBus(_ model: VMModel, disk: Int) -> DiskBus {
        var buses: [DiskBus] = []
        for index in 0...disk {
            if let typed = model.userValue(.diskBus, item: index), let bus = DiskBus(rawValue: typed) {
                buses.append(bus)
            } else if buses.isEmpty {
                buses.append(model.defaultDiskBus)
            } else {
                var counts: [DiskBus: Int] = [:]
                for bus in buses { counts[bus, default: 0] += 1 }
                let order = [model.defaultDiskBus] + model.osDefaults.busPriority
                let best = counts.max { left, right in
                    left.value != right.value ? left.value < right.value
                        : (order.firstIndex(of: left.key) ?? 9) > (order.firstIndex(of: right.key) ?? 9)
                }
                buses.append(best?.key ?? model.defaultDiskBus)
            }
        }
        return buses[disk]
    }

    /// One slot per disk, in list order; nil when no slot is left. Clashes between hand-set numbers are kept
    /// (validation reports them).
    public static func allocate(_ model: VMModel) -> [DiskSlot?] {
        let count = model.draft.disks.count
        var taken = Set(reserved(in: model))
        var result = [DiskSlot?](repeating: nil, count: count)
        // Hand-set numbers first, so automatic ones flow around them.
        for disk in 0..<count {
            guard let typed = model.userValue(.diskDevice, item: disk), let number = Int(typed) else { continue }
            let slot = DiskSlot(preferredBus(model, disk: disk), number)
            result[disk] = slot
            taken.insert(slot)
        }
        let userChoseBus = { (disk: Int) in model.userValue(.diskBus, item: disk).flatMap(DiskBus.init) != nil }
        for disk in 0..<count where result[disk] == nil {
            let preferred = preferredBus(model, disk: disk)
            let candidates = userChoseBus(disk)
                ? [preferred] : [preferred] + model.osDefaults.busPriority.filter { $0 != preferred }
            for bus in candidates {
                if let number = (0..<bus.slots).first(where: { !taken.contains(DiskSlot(bus, $0)) }) {
                    result[disk] = DiskSlot(bus, number)
                    taken.insert(DiskSlot(bus, number))
                    break
                }
            }
        }
        return result
    }

    /// Whether one more disk would find a slot.
    public static func freeSlotExists(in model: VMModel) -> Bool {
        var probe = model
        probe.draft.disks.append(ItemDraft())
        return allocate(probe).last.flatMap { $0 } != nil
    }
}
