import VMWizardCore

/// Where keyboard focus sits on the current tab.
public enum FocusStop: Hashable, Sendable {
    case field(FieldRef)
    case diskList
    case nicList
    case deviceList
    case action(ConfirmAction)

    /// The list stop of a per-item scope.
    static func list(_ scope: FieldScope) -> FocusStop? {
        switch scope {
        case .vm: return nil
        case .disk: return .diskList
        case .nic: return .nicList
        case .device: return .deviceList
        }
    }
}

public enum ConfirmAction: CaseIterable, Sendable {
    case create, writeConfig, printAndExit, back

    public var label: Phrase {
        switch self {
        case .create: return "Create"
        case .writeConfig: return "Write config"
        case .printAndExit: return "Print and exit"
        case .back: return "Back"
        }
    }
}

/// A popup over the form.
public enum Overlay: Sendable, Equatable {
    case picker(PickerState)
    case help(scroll: Int)
    case confirmQuit
    case pathPrompt(text: String, cursor: Int)
    case message(title: Phrase, text: Phrase, isError: Bool)
    case vmidTaken(vmid: String, suggestion: String)
    /// A masked prompt for a secret (the cloud-init password). Its text never leaves this state: Enter stores
    /// only the hash.
    case secretPrompt(field: FieldRef, text: String)
    /// "Other settings from the template": each kept setting with a box to drop it (Confirm, key o).
    case keptSettings(selected: Int)
    /// Drafts from earlier runs exist: resume one, start fresh, discard one, or leave.
    case resumeDraft(drafts: [DraftChoice], selected: Int)
}

/// A saved draft as the resume dialog lists it.
public struct DraftChoice: Sendable, Equatable {
    public var id: String
    public var path: String
    public var draft: VMDraft
    /// The tab the user was on.
    public var tab: Tab?
    /// "on 2026-11-30 14:05".
    public var savedAt: String
    /// Set when a live session (another ssh window) owns it: "PID 4242 on /dev/pts/3, since 14:05".
    public var inUseBy: String?
    /// The VM ID the wizard showed when it was saved.
    public var vmid: String?

    public init(id: String, path: String, draft: VMDraft, tab: Tab?, savedAt: String, inUseBy: String? = nil, vmid: String? = nil) {
        self.id = id
        self.path = path
        self.draft = draft
        self.tab = tab
        self.savedAt = savedAt
        self.inUseBy = inUseBy
        self.vmid = vmid ?? draft.values[FieldID.vmid.rawValue]
    }

    /// "web01 (VM 120)", "unnamed VM (VM 120)".
    public var vmTitle: Phrase {
        let name = draft.values[FieldID.name.rawValue] ?? ""
        let vmid = self.vmid
        let shownName: Phrase = name.isEmpty ? "unnamed VM" : .verbatim(name)
        guard let vmid else { return shownName }
        return "\(shownName) (VM \(vmid))"
    }
}

public struct PickerState: Sendable, Equatable {
    public var field: FieldRef
    public var filter: String
    public var selected: Int
    public var scroll: Int
    public init(field: FieldRef, filter: String = "", selected: Int = 0, scroll: Int = 0) {
        self.field = field
        self.filter = filter
        self.selected = selected
        self.scroll = scroll
    }
}

/// The apply screen: live output while `qm` runs, then the result.
public struct ApplyView: Sendable, Equatable {
    public var lines: [String] = []
    public var elapsed: Double = 0
    public var outcome: ApplyOutcome?
    /// The step running now, once it started.
    public var runningCommand: String?
    public var runningPID: Int32?
    /// Ctrl-C was passed on; waiting for the step to finish.
    public var stopping = false
    /// Lines of output kept for the screen (the full output is kept by the runner for the report).
    public static let maxLines = 500
    public init() {}
}

public struct WizardOptions: Sendable, Equatable {
    /// False on the demo host: nothing may be applied there.
    public var canApply: Bool
    /// Where "Write config" proposes to write.
    public var defaultConfigPath: String
    public var language: Language
    /// Where vmwizard was started: relative paths are proposed inside it.
    public var workingDirectory: String
    public init(canApply: Bool = true, defaultConfigPath: String = "", language: Language = .en, workingDirectory: String = "/root") {
        self.canApply = canApply
        self.defaultConfigPath = defaultConfigPath
        self.language = language
        self.workingDirectory = workingDirectory
    }

    /// A phrase in the wizard's language.
    public func tr(_ phrase: Phrase) -> String { phrase.text(language) }
}

public struct WizardState: Sendable {
    public var model: VMModel
    public var options: WizardOptions
    public var tab: Tab = .general
    public var focus: FocusStop
    public var selectedDisk = 0
    public var selectedNIC = 0
    public var selectedDevice = 0
    public var showAdvanced: Bool
    public var width: Int
    public var height: Int
    public var overlay: Overlay?
    /// Caret position (in characters) inside the focused text field.
    public var cursor = 0
    /// The focused text field's content is selected, as after entering it with Tab or the arrows: the first
    /// character typed replaces it; ←/→/Home/End or Backspace start editing in place.
    public var textSelected = false
    /// The field last used on each tab, to return to it.
    public var lastFocus: [Tab: FocusStop] = [:]
    /// A one-line note shown under the form until the next key.
    public var status: Phrase?
    public var statusIsError = false
    public var helpScroll = 0
    public var summaryScroll = 0
    public var apply: ApplyView?
    /// Set while saving the draft fails: shown in the header until a save works again.
    public var draftProblem: Phrase?

    public static let minimumWidth = 80
    public static let minimumHeight = 24

    public init(model: VMModel, options: WizardOptions = WizardOptions(), showAdvanced: Bool = false,
                width: Int = 80, height: Int = 24) {
        self.model = model
        self.options = options
        self.showAdvanced = showAdvanced
        self.width = width
        self.height = height
        focus = .field(FieldRef(.node))
        normalize()
    }

    public var isTooSmall: Bool { width < Self.minimumWidth || height < Self.minimumHeight }

    /// The selected item of a per-item scope.
    public func selectedItem(_ scope: FieldScope) -> Int {
        switch scope {
        case .vm: return 0
        case .disk: return selectedDisk
        case .nic: return selectedNIC
        case .device: return selectedDevice
        }
    }

    mutating func selectItem(_ scope: FieldScope, _ index: Int) {
        switch scope {
        case .vm: break
        case .disk: selectedDisk = index
        case .nic: selectedNIC = index
        case .device: selectedDevice = index
        }
    }

    /// The item (disk or NIC) whose fields the current tab shows.
    public func item(for scope: FieldScope) -> Int? {
        switch scope {
        case .vm: return nil
        case .disk: return model.draft.disks.isEmpty ? nil : selectedDisk
        case .nic: return model.draft.nics.isEmpty ? nil : selectedNIC
        case .device: return model.draft.devices.isEmpty ? nil : selectedDevice
        }
    }

    /// Rows of the form on the current tab: fields that are shown (dependencies hold, Advanced toggle allows).
    public func shownFields(on tab: Tab) -> [(spec: FieldSpec, ref: FieldRef)] {
        OptionCatalog.specs(in: tab).compactMap { spec in
            if spec.advanced && !showAdvanced { return nil }
            if spec.scope != .vm && item(for: spec.scope) == nil { return nil }
            let ref = FieldRef(spec.id, item: item(for: spec.scope))
            return model.isVisible(spec, item: ref.item) ? (spec, ref) : nil
        }
    }

    /// Focus stops of the current tab, in order: enabled fields, the item lists, the Confirm actions.
    public var focusStops: [FocusStop] {
        var stops: [FocusStop] = []
        if tab == .disks { stops.append(.diskList) }
        if tab == .network { stops.append(.nicList) }
        let fields = shownFields(on: tab).filter { model.isActive($0.spec, item: $0.ref.item) }
        // The System tab's passthrough list comes after its own fields, before the selected device's.
        let machineFields = fields.filter { $0.spec.scope != .device }
        stops += machineFields.map { .field($0.ref) }
        if tab == .system { stops.append(.deviceList) }
        stops += fields.filter { $0.spec.scope == .device }.map { .field($0.ref) }
        if tab == .confirm { stops += ConfirmAction.allCases.map { .action($0) } }
        return stops
    }

    public var focusedField: (spec: FieldSpec, ref: FieldRef)? {
        guard case .field(let ref) = focus, let spec = OptionCatalog.spec(ref.id) else { return nil }
        return (spec, ref)
    }

    /// Tabs after the first tab holding an error cannot be entered (as in the web UI).
    public var firstInvalidTab: Tab? { model.firstInvalidTab }

    public func isLocked(_ candidate: Tab) -> Bool {
        guard let invalid = firstInvalidTab else { return false }
        return candidate > invalid
    }

    /// Keeps the state consistent after any change: selections in range, focus on an existing stop.
    public mutating func normalize() {
        selectedDisk = min(max(0, selectedDisk), max(0, model.draft.disks.count - 1))
        selectedNIC = min(max(0, selectedNIC), max(0, model.draft.nics.count - 1))
        selectedDevice = min(max(0, selectedDevice), max(0, model.draft.devices.count - 1))
        let stops = focusStops
        if !stops.contains(focus) {
            let oldFocus = focus
            focus = stops.first ?? .action(.back)
            // Prefer the same field on the newly selected item.
            if case .field(let old) = oldFocus, let same = stops.first(where: {
                if case .field(let ref) = $0 { return ref.id == old.id }
                return false
            }) {
                focus = same
            }
            resetCursor()
        }
    }

    /// Puts the caret at the end of the focused field's text.
    public mutating func resetCursor() {
        if let (_, ref) = focusedField { cursor = model.value(ref.id, item: ref.item).count } else { cursor = 0 }
    }
}
