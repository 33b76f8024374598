/// A value the user can pick, with the label the web UI shows for it.
public struct Choice: Sendable, Equatable {
    public var value: String
    public var label: Phrase
    /// Extra columns for pickers (size, free space, comment, vendor…).
    public var detail: Phrase
    /// Group heading in pickers (e.g. a CPU vendor).
    public var group: String

    public init(_ value: String, _ label: Phrase? = nil, detail: Phrase = .empty, group: String = "") {
        self.value = value
        self.label = label ?? .verbatim(value)
        self.detail = detail
        self.group = group
    }
}

public enum FieldKind: Sendable, Equatable {
    /// Free text.
    case text
    /// Whole number; `step` is what +/- adds; `unit` is shown after the value.
    case integer(min: Int, max: Int, step: Int, unit: String)
    /// Decimal number with at most `decimals` digits after the point.
    case decimal(min: Double, max: Double, step: Double, decimals: Int, unit: String)
    /// Checkbox, stored as "1" or "0".
    case flag
    /// A short fixed list cycled with left/right.
    case choice
    /// A long or host-provided list opened in a filterable picker.
    case picker
    /// A secret typed in a masked prompt and stored only as its hash (the cloud-init password).
    case secret
    /// A list of SSH public keys: picked from the node's keys, pasted or typed, one per line.
    case keyList
}

public enum FieldScope: Sendable, Equatable {
    case vm, disk, nic, device
}

/// Where a field sits in Proxmox's configuration, for help and documentation.
public enum PVEKey: Sendable, Equatable {
    /// A top-level key, e.g. `memory`.
    case key(String)
    /// A sub-key of a property string, e.g. `net[n]` `bridge=`.
    case subKey(String, String)
    /// Wizard-only: shapes other keys but is not sent itself.
    case none

    public var text: String {
        switch self {
        case .key(let key): return key
        case .subKey(let key, let sub): return "\(key) \(sub)="
        case .none: return ""
        }
    }
}

/// Everything about one option, declared once. The TUI, batch validation and the renderers all read it.
public struct FieldSpec: Sendable {
    public typealias Rule<T> = @Sendable (FieldContext) -> T

    public let id: FieldID
    public let tab: Tab
    public let scope: FieldScope
    public let label: Phrase
    public let kind: FieldKind
    public let pveKey: PVEKey
    public let advanced: Bool
    /// Proxmox's GUI default, possibly depending on other fields and the host.
    public let defaultValue: Rule<String>
    /// What an empty value means, shown greyed in an empty field ("Default (x86-64-v2-AES)", "no VLAN").
    public let placeholder: Rule<Phrase>
    /// Shown at all (dependency, not the Advanced toggle).
    public let visible: Rule<Bool>
    /// Shown but greyed out and not sent when false.
    public let enabled: Rule<Bool>
    /// Allowed values for choice and picker fields.
    public let choices: Rule<[Choice]>
    /// Checks a value; nil when it is fine.
    public let validate: @Sendable (String, FieldContext) -> Issue?
    /// Why the default is what it is, when it was inferred rather than fixed ("detected from the ISO name").
    public let inference: Rule<Phrase?>

    public var helpKey: String { id.rawValue }

    /// A size field that also takes Proxmox's units (`1536M`, `1049K`, `1.5T`) besides its plain GiB.
    public var acceptsSizeUnits: Bool { id == .diskSize }

    public init(
        _ id: FieldID, tab: Tab, scope: FieldScope = .vm, label: Phrase, kind: FieldKind, pveKey: PVEKey,
        advanced: Bool = false,
        defaultValue: @escaping Rule<String> = { _ in "" },
        placeholder: @escaping Rule<Phrase> = { _ in .empty },
        visible: @escaping Rule<Bool> = { _ in true },
        enabled: @escaping Rule<Bool> = { _ in true },
        choices: @escaping Rule<[Choice]> = { _ in [] },
        validate: @escaping @Sendable (String, FieldContext) -> Issue? = { _, _ in nil },
        inference: @escaping Rule<Phrase?> = { _ in nil }
    ) {
        self.id = id
        self.tab = tab
        self.scope = scope
        self.label = label
        self.kind = kind
        self.pveKey = pveKey
        self.advanced = advanced
        self.defaultValue = defaultValue
        self.placeholder = placeholder
        self.visible = visible
        self.enabled = enabled
        self.choices = choices
        self.validate = validate
        self.inference = inference
    }
}

/// What a rule sees: the whole model, and which disk or NIC the field belongs to.
public struct FieldContext: Sendable {
    public let model: VMModel
    public let item: Int?

    public init(model: VMModel, item: Int?) {
        self.model = model
        self.item = item
    }

    /// Effective value of another field of the same item (or a VM-wide field).
    public func value(_ id: FieldID) -> String {
        model.value(id, item: item)
    }

    public func flag(_ id: FieldID) -> Bool { value(id) == "1" }
    public func int(_ id: FieldID) -> Int? { Int(value(id)) }
    public var host: HostInventory { model.host }
}
