/// The draft seen against a host: resolves every field's effective value, visibility and validity.
public struct VMModel: Sendable {
    public var draft: VMDraft { didSet { cache = ModelCache() } }
    public var host: HostInventory { didSet { cache = ModelCache() } }
    private(set) var cache = ModelCache()

    public init(draft: VMDraft = .fresh, host: HostInventory) {
        self.draft = draft
        self.host = host
    }

    // MARK: Values

    /// The value the user typed, if any.
    public func userValue(_ id: FieldID, item: Int? = nil) -> String? {
        guard let spec = OptionCatalog.spec(id) else { return nil }
        guard let items = VMDraft.items(spec.scope) else { return draft.values[id.rawValue] }
        guard let item, draft[keyPath: items].indices.contains(item) else { return nil }
        return draft[keyPath: items][item].values[id.rawValue]
    }

    public func isUserSet(_ id: FieldID, item: Int? = nil) -> Bool {
        userValue(id, item: item) != nil
    }

    /// The effective value: what the user typed, else the field's default.
    public func value(_ id: FieldID, item: Int? = nil) -> String {
        if let typed = userValue(id, item: item) { return typed }
        guard let spec = OptionCatalog.spec(id) else { return "" }
        return cache.value(FieldRef(id, item: item)) { spec.defaultValue(FieldContext(model: self, item: item)) }
    }

    public func flag(_ id: FieldID, item: Int? = nil) -> Bool { value(id, item: item) == "1" }
    public func int(_ id: FieldID, item: Int? = nil) -> Int? { Int(value(id, item: item)) }

    public func context(item: Int?) -> FieldContext { FieldContext(model: self, item: item) }

    /// Shown at all: its dependencies hold (the Advanced toggle is the TUI's business).
    public func isVisible(_ spec: FieldSpec, item: Int? = nil) -> Bool {
        spec.visible(context(item: item))
    }

    /// Visible and enabled: the value counts (is validated and sent).
    public func isActive(_ spec: FieldSpec, item: Int? = nil) -> Bool {
        let ctx = context(item: item)
        return spec.visible(ctx) && spec.enabled(ctx)
    }

    public func isActive(_ id: FieldID, item: Int? = nil) -> Bool {
        guard let spec = OptionCatalog.spec(id) else { return false }
        return isActive(spec, item: item)
    }

    /// The value when the field counts, nil when it is hidden or disabled.
    public func activeValue(_ id: FieldID, item: Int? = nil) -> String? {
        isActive(id, item: item) ? value(id, item: item) : nil
    }

    /// Where the effective value came from.
    public enum Provenance: Equatable, Sendable {
        case user, fixedDefault, inferred(Phrase)
    }

    public func provenance(_ id: FieldID, item: Int? = nil) -> Provenance {
        if isUserSet(id, item: item) { return .user }
        guard let spec = OptionCatalog.spec(id),
              let reason = spec.inference(context(item: item)) else { return .fixedDefault }
        return .inferred(reason)
    }

    /// The label of the effective value for choice fields, else the value itself.
    public func displayValue(_ id: FieldID, item: Int? = nil, language: Language = .en) -> String {
        let raw = value(id, item: item)
        guard let spec = OptionCatalog.spec(id) else { return raw }
        switch spec.kind {
        case .flag: return (raw == "1" ? Phrase("yes") : Phrase("no")).text(language)
        case .choice, .picker:
            if let choice = spec.choices(context(item: item)).first(where: { $0.value == raw }) {
                return choice.label.text(language)
            }
            return raw
        default: return raw
        }
    }

    // MARK: Editing

    /// Sets a value by hand, applying the rules that react to a user's change (not to defaults).
    public mutating func set(_ id: FieldID, item: Int? = nil, to newValue: String) {
        guard let spec = OptionCatalog.spec(id) else { return }
        let old = value(id, item: item)
        Rules.beforeUserChange(&self, id: id, item: item, from: old, to: newValue)
        store(spec, item: item, value: newValue)
    }

    /// Forgets a hand-set value so the field follows its default again.
    public mutating func reset(_ id: FieldID, item: Int? = nil) {
        guard let spec = OptionCatalog.spec(id) else { return }
        store(spec, item: item, value: nil)
    }

    mutating func store(_ spec: FieldSpec, item: Int?, value: String?) {
        guard let items = VMDraft.items(spec.scope) else {
            draft.values[spec.id.rawValue] = value
            return
        }
        guard let item, draft[keyPath: items].indices.contains(item) else { return }
        draft[keyPath: items][item].values[spec.id.rawValue] = value
    }

    // MARK: Disks and NICs

    /// Largest number of disks: every bus slot except the install CD (ide2).
    public static let maxDisks = DiskBus.allCases.reduce(0) { $0 + $1.slots } - 1
    public static let maxNICs = 32

    @discardableResult
    public mutating func addDisk() -> Int? {
        guard draft.disks.count < VMModel.maxDisks, DiskSlots.freeSlotExists(in: self) else { return nil }
        draft.disks.append(ItemDraft())
        return draft.disks.count - 1
    }

    public mutating func removeDisk(at index: Int) {
        guard draft.disks.indices.contains(index) else { return }
        draft.disks.remove(at: index)
    }

    @discardableResult
    public mutating func addNIC() -> Int? {
        guard draft.nics.count < VMModel.maxNICs else { return nil }
        draft.nics.append(ItemDraft())
        return draft.nics.count - 1
    }

    public mutating func removeNIC(at index: Int) {
        guard draft.nics.indices.contains(index) else { return }
        draft.nics.remove(at: index)
    }

    @discardableResult
    public mutating func addDevice() -> Int? {
        guard draft.devices.count < VMModel.maxPCIDevices + 14 else { return nil }
        draft.devices.append(ItemDraft())
        return draft.devices.count - 1
    }

    public mutating func removeDevice(at index: Int) {
        guard draft.devices.indices.contains(index) else { return }
        draft.devices.remove(at: index)
    }

    /// Items of a per-item scope.
    public func itemCount(_ scope: FieldScope) -> Int {
        VMDraft.items(scope).map { draft[keyPath: $0].count } ?? 1
    }
}
