/// What the user entered by hand. A field missing here takes its default, which rules recompute from the
/// other fields and the host; so changing the OS re-applies OS defaults to exactly the untouched fields.
public struct VMDraft: Codable, Equatable, Sendable {
    public var values: [String: String]
    public var disks: [ItemDraft]
    public var nics: [ItemDraft]
    /// PCI(e) and USB devices passed through from the host.
    public var devices: [ItemDraft] = []
    /// Settings of a template (an answers file) that the wizard does not model, carried over as they are.
    public var kept: [KeptSetting] = []
    /// What the template held that the new VM does not take ("lock", "unused0", "2 snapshots"), for the note.
    public var dropped: [String] = []

    public init(values: [String: String] = [:], disks: [ItemDraft] = [ItemDraft()], nics: [ItemDraft] = [ItemDraft()]) {
        self.values = values
        self.disks = disks
        self.nics = nics
    }

    /// The kept settings that go into the outputs (not dropped on Confirm).
    public var activeKept: [KeptSetting] { kept.filter { !$0.isDropped } }

    /// A fresh draft as the web UI opens it: one disk and one NIC, everything else at its default.
    public static let fresh = VMDraft()

    private enum CodingKeys: String, CodingKey { case values, disks, nics, devices, kept, dropped }

    /// Drafts saved before devices and kept settings existed still open.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        values = try container.decode([String: String].self, forKey: .values)
        disks = try container.decode([ItemDraft].self, forKey: .disks)
        nics = try container.decode([ItemDraft].self, forKey: .nics)
        devices = try container.decodeIfPresent([ItemDraft].self, forKey: .devices) ?? []
        kept = try container.decodeIfPresent([KeptSetting].self, forKey: .kept) ?? []
        dropped = try container.decodeIfPresent([String].self, forKey: .dropped) ?? []
    }
}

extension VMDraft {
    /// The items of a per-item scope (nil for VM-wide fields).
    static func items(_ scope: FieldScope) -> WritableKeyPath<VMDraft, [ItemDraft]>? {
        switch scope {
        case .vm: return nil
        case .disk: return \.disks
        case .nic: return \.nics
        case .device: return \.devices
        }
    }
}

/// User-entered values of one disk, NIC or passed-through device.
public struct ItemDraft: Codable, Equatable, Sendable {
    public var values: [String: String]
    public init(values: [String: String] = [:]) { self.values = values }

    /// Options of a template's disk or NIC that the wizard does not model (`serial=…,wwn=…`), checked against
    /// Proxmox's schema and added to what vmwizard writes for it. They move with the item.
    public static let keptOptionsKey = "kept-options"
    public var keptOptions: String {
        get { values[Self.keptOptionsKey] ?? "" }
        set { values[Self.keptOptionsKey] = newValue.isEmpty ? nil : newValue }
    }

    /// The user dropped the kept options on Confirm (they stay listed, to be taken back).
    public static let keptOptionsDroppedKey = "kept-options-dropped"
    public var keptOptionsDropped: Bool {
        get { values[Self.keptOptionsDroppedKey] == "1" }
        set { values[Self.keptOptionsDroppedKey] = newValue ? "1" : nil }
    }

    /// The kept options that go into the outputs.
    public var activeKeptOptions: String { keptOptionsDropped ? "" : keptOptions }
}

/// One setting of a template that vmwizard carries over without modelling it, checked against Proxmox's schema.
public struct KeptSetting: Codable, Equatable, Sendable, Hashable {
    /// The config key (`hugepages`, `hostpci0`); for `options`, the key vmwizard writes itself (`cpu`, `scsi0`).
    public var key: String
    /// The whole value, or for `options` the extra `k=v` parts added to the key vmwizard writes.
    public var value: String
    /// True when these are options of a key the wizard models (`cpu: …,level=9`), false for a whole key.
    public var isOptions: Bool
    /// Dropped by the user on Confirm: listed, but not sent (nil in drafts saved before this existed).
    public var dropped: Bool?
    public var isDropped: Bool { dropped == true }

    public init(key: String, value: String, isOptions: Bool = false) {
        self.key = key
        self.value = value
        self.isOptions = isOptions
    }

    /// "hugepages: 2", "cpu: +level=9".
    public var text: String { isOptions ? "\(key): …,\(value)" : "\(key): \(value)" }
}
