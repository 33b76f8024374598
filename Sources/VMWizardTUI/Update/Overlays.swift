import VMWizardPlatform
import VMWizardCore

extension WizardState {
    mutating func handleOverlay(_ key: Key) -> [Effect] {
        guard let overlay else { return [] }
        switch overlay {
        case .picker(var picker):
            return handlePicker(key, &picker)
        case .help(let scroll):
            switch key {
            case .down, .char("j"): self.overlay = .help(scroll: scroll + 1)
            case .up, .char("k"): self.overlay = .help(scroll: max(0, scroll - 1))
            case .pageDown, .char(" "): self.overlay = .help(scroll: scroll + 10)
            case .pageUp: self.overlay = .help(scroll: max(0, scroll - 10))
            case .escape, .enter, .function(1), .char("q"), .char("?"): self.overlay = nil
            default: break
            }
        case .confirmQuit:
            switch key {
            case .char("y"), .char("Y"), .enter: return [.quit(1)]
            case .char("n"), .char("N"), .escape: self.overlay = nil
            default: break
            }
        case .pathPrompt(var text, var cursor):
            var chars = Array(text)
            cursor = min(max(0, cursor), chars.count)
            switch key {
            case .escape:
                self.overlay = nil
                return []
            case .enter:
                let path = text.trimmingWhitespace()
                guard !path.isEmpty else { return [] }
                self.overlay = nil
                return [.writeConfig(path: path)]
            case .char(let character):
                chars.insert(character, at: cursor)
                cursor += 1
            case .backspace where cursor > 0:
                chars.remove(at: cursor - 1)
                cursor -= 1
            case .delete where cursor < chars.count:
                chars.remove(at: cursor)
            case .left: cursor = max(0, cursor - 1)
            case .right: cursor = min(chars.count, cursor + 1)
            case .home: cursor = 0
            case .end, .ctrl("e"): cursor = chars.count
            case .ctrl("u"):
                chars.removeAll()
                cursor = 0
            default: break
            }
            text = String(chars)
            self.overlay = .pathPrompt(text: text, cursor: cursor)
        case .secretPrompt(let field, let text):
            handleSecretPrompt(key, field: field, text: text)
        case .message:
            if key == .enter || key == .escape || key == .char(" ") { self.overlay = nil }
        case .keptSettings(let selected):
            let rows = model.keptRows
            guard !rows.isEmpty else {
                self.overlay = nil
                return []
            }
            switch key {
            case .down, .tab: self.overlay = .keptSettings(selected: (selected + 1) % rows.count)
            case .up, .backTab: self.overlay = .keptSettings(selected: (selected - 1 + rows.count) % rows.count)
            case .char(" "), .char("-"), .delete, .char("d"):
                let row = rows[min(selected, rows.count - 1)]
                model.toggleKept(row.place)
                setStatus(row.dropped ? "Kept again: \(row.text)" : "Dropped: \(row.text)")
                return [.saveDraft]
            case .escape, .enter, .char("o"), .char("q"): self.overlay = nil
            default: break
            }
        case .resumeDraft(var drafts, var selected):
            return handleResumeDialog(key, &drafts, &selected)
        case .vmidTaken(_, let suggestion):
            switch key {
            case .enter, .char("y"), .char("Y"):
                model.set(.vmid, to: suggestion)
                self.overlay = nil
                return startCreate()
            case .escape, .char("n"), .char("N"):
                self.overlay = nil
                go(to: .general)
            default: break
            }
        }
        return []
    }

    /// Choices of the picker's field that match its filter (case-insensitive, anywhere in value, label or detail).
    public func pickerItems(_ picker: PickerState) -> [Choice] {
        guard let spec = OptionCatalog.spec(picker.field.id) else { return [] }
        let all = spec.choices(model.context(item: picker.field.item))
        let needle = Array(picker.filter.lowercased().utf8)
        guard !needle.isEmpty else { return all }
        // Names that start with the filter come first, then names containing it, then other columns.
        // Compared as UTF-8 bytes: the generic String.contains builds a search table on every call, and this
        // runs for every choice on every key.
        func bytes(_ text: String) -> [UInt8] { Array(text.lowercased().utf8) }
        func rank(_ choice: Choice) -> Int? {
            let label = bytes(options.tr(choice.label)), value = bytes(choice.value)
            if label.starts(with: needle) || value.starts(with: needle) { return 0 }
            if Self.contains(label, needle) || Self.contains(value, needle) { return 1 }
            if Self.contains(bytes(options.tr(choice.detail)), needle) || Self.contains(bytes(choice.group), needle) {
                return 2
            }
            return nil
        }
        return all.enumerated().compactMap { index, choice in rank(choice).map { ($0, index, choice) } }
            .sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map(\.2)
    }

    /// Whether `needle` occurs in `haystack`; on valid UTF-8 a byte match is always a whole-character match.
    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard needle.count <= haystack.count else { return false }
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            var index = 1
            while index < needle.count && haystack[start + index] == needle[index] { index += 1 }
            if index == needle.count { return true }
        }
        return false
    }

    /// Rows of list the picker shows: as many as it has choices, within what the terminal allows.
    public func pickerVisibleRows(_ picker: PickerState) -> Int {
        let total = OptionCatalog.spec(picker.field.id).map { $0.choices(model.context(item: picker.field.item)).count } ?? 0
        return min(max(1, min(height - 10, 16)), max(3, total))
    }

    /// Pickers whose field takes values beyond its list; every other picker takes only a listed value.
    static let freeValueFields: Set<FieldID> = [.cpuType, .isoImage, .virtioImage, .netBridge, .diskImport]

    mutating func handlePicker(_ key: Key, _ picker: inout PickerState) -> [Effect] {
        var items = pickerItems(picker)
        switch key {
        case .escape:
            overlay = nil
            return []
        case .enter:
            if OptionCatalog.spec(picker.field.id)?.kind == .keyList { return pickKey(picker, items: items) }
            if items.indices.contains(picker.selected), let spec = OptionCatalog.spec(picker.field.id) {
                model.set(picker.field.id, item: picker.field.item, to: items[picker.selected].value)
                overlay = nil
                focus = .field(picker.field)
                resetCursor()
                setStatus("\(spec.label): \(items[picker.selected].label)")
            } else if !picker.filter.isEmpty, let spec = OptionCatalog.spec(picker.field.id),
                      Self.freeValueFields.contains(picker.field.id) {
                // Not in the list (a custom CPU model, an ISO typed by hand, a bridge of a node not read yet): take
                // it as typed and let validation judge it.
                model.set(picker.field.id, item: picker.field.item, to: picker.filter)
                overlay = nil
                focus = .field(picker.field)
                resetCursor()
                setStatus("\(spec.label): \(picker.filter) (typed, not from the list)")
            } else if !picker.filter.isEmpty {
                // A fixed list takes only its own values: the field keeps its value.
                setStatus("Nothing in the list matches '\(picker.filter)'; Backspace or Ctrl-U edits the filter", error: true)
            } else {
                setStatus("Nothing to pick", error: true)
            }
            return []
        case .down, .tab: picker.selected += 1
        case .up, .backTab: picker.selected -= 1
        case .pageDown: picker.selected += pickerVisibleRows(picker)
        case .pageUp: picker.selected -= pickerVisibleRows(picker)
        case .home: picker.selected = 0
        case .end: picker.selected = items.count - 1
        case .backspace:
            if !picker.filter.isEmpty { picker.filter.removeLast() }
            picker.selected = 0
            items = pickerItems(picker)
        case .ctrl("u"):
            picker.filter = ""
            picker.selected = 0
            items = pickerItems(picker)
        case .char(let character):
            picker.filter.append(character)
            picker.selected = 0
            items = pickerItems(picker)
        default:
            break
        }
        picker.selected = min(max(0, picker.selected), max(0, items.count - 1))
        // Keep the selection visible.
        let rows = pickerVisibleRows(picker)
        if picker.selected < picker.scroll { picker.scroll = picker.selected }
        if picker.selected >= picker.scroll + rows { picker.scroll = picker.selected - rows + 1 }
        picker.scroll = max(0, min(picker.scroll, max(0, items.count - rows)))
        overlay = .picker(picker)
        return []
    }

    /// The resume dialog: Enter resumes the selected draft, n starts fresh (drafts kept), d discards the selected
    /// one, Esc leaves vmwizard without touching anything.
    mutating func handleResumeDialog(_ key: Key, _ drafts: inout [DraftChoice], _ selected: inout Int) -> [Effect] {
        selected = min(max(0, selected), max(0, drafts.count - 1))
        var effects: [Effect] = []
        switch key {
        case .up: selected = max(0, selected - 1)
        case .down, .tab: selected = min(drafts.count - 1, selected + 1)
        case .enter, .char("y"), .char("Y"), .char("r"):
            guard drafts.indices.contains(selected) else { return [] }
            let chosen = drafts[selected]
            if let owner = chosen.inUseBy {
                setStatus("That draft is open in another session (\(owner)); pick another or start fresh", error: true)
                return []
            }
            model.draft = chosen.draft
            overlay = nil
            if let tab = chosen.tab, tab != .confirm, !isLocked(tab) { go(to: tab) }
            setStatus("Draft resumed: every answer is back")
            return [.adoptDraft(id: chosen.id, path: chosen.path)]
        case .char("n"), .char("N"), .char("f"):
            overlay = nil
            setStatus(drafts.count == 1 ? "Starting fresh; the saved draft is kept" : "Starting fresh; the saved drafts are kept")
            return []
        case .char("d"), .char("D"), .delete:
            guard drafts.indices.contains(selected) else { return [] }
            let chosen = drafts[selected]
            if let owner = chosen.inUseBy {
                setStatus("That draft is open in another session (\(owner)) and is not discarded", error: true)
                return []
            }
            drafts.remove(at: selected)
            selected = min(selected, max(0, drafts.count - 1))
            setStatus("Draft of \(chosen.vmTitle) discarded")
            effects.append(.discardDraft(id: chosen.id, path: chosen.path))
            if drafts.isEmpty {
                overlay = nil
                return effects
            }
        case .escape, .char("q"):
            return [.quit(1)]
        default:
            break
        }
        overlay = .resumeDraft(drafts: drafts, selected: selected)
        return effects
    }
}
