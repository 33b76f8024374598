import VMWizardCore

extension WizardState {
    /// Keys for whatever has focus: a field widget, an item list or a Confirm action.
    mutating func handleFocused(_ key: Key) -> [Effect] {
        switch focus {
        case .diskList: handleItemList(key, scope: .disk)
        case .nicList: handleItemList(key, scope: .nic)
        case .deviceList: handleItemList(key, scope: .device)
        case .action(let action):
            if key == .enter || key == .char(" ") { return activate(action) }
            if key == .left { moveFocus(by: -1) }
            if key == .right { moveFocus(by: 1) }
        case .field(let ref):
            guard let spec = OptionCatalog.spec(ref.id) else { return [] }
            switch spec.kind {
            case .text, .integer, .decimal: editText(key, spec: spec, ref: ref)
            case .flag: editFlag(key, spec: spec, ref: ref)
            case .choice: editChoice(key, spec: spec, ref: ref)
            case .picker: editPicker(key, spec: spec, ref: ref)
            case .secret: editSecret(key, spec: spec, ref: ref)
            case .keyList: editKeyList(key, spec: spec, ref: ref)
            }
        }
        return []
    }

    mutating func activate(_ action: ConfirmAction) -> [Effect] {
        switch action {
        case .create: return startCreate()
        case .writeConfig:
            // Proposed as an absolute path, so the message afterwards says exactly where the file went.
            let directory = options.workingDirectory.hasSuffix("/") ? options.workingDirectory : options.workingDirectory + "/"
            let path = options.defaultConfigPath.isEmpty ? "\(directory)vm-\(model.value(.vmid)).conf" : options.defaultConfigPath
            overlay = .pathPrompt(text: path, cursor: path.count)
        case .printAndExit:
            if let first = model.errors.first {
                focusOn(first)
                setStatus(first.phrase, error: true)
                return []
            }
            return [.printAndExit]
        case .back: moveTab(by: -1)
        }
        return []
    }

    // MARK: Disk and NIC lists

    mutating func handleItemList(_ key: Key, scope: FieldScope) {
        let count = model.itemCount(scope)
                func select(_ index: Int) { selectItem(scope, index) }
        let current = selectedItem(scope)
        switch key {
        case .left where count > 0: select((current - 1 + count) % count)
        case .right where count > 0: select((current + 1) % count)
        case .char("+"), .insert, .char("a"):
            let added = scope == .disk ? model.addDisk() : scope == .nic ? model.addNIC() : model.addDevice()
            if let added {
                select(added)
                setStatus("Added \(itemName(scope: scope, index: added))")
            } else {
                setStatus(scope == .disk ? "No more disks can be added"
                          : scope == .nic ? "No more network devices can be added" : "No more devices can be passed through", error: true)
            }
        case .char("-"), .delete, .char("d"):
            guard count > 0 else { return }
            let name = itemName(scope: scope, index: current)
            switch scope {
            case .disk: model.removeDisk(at: current)
            case .nic: model.removeNIC(at: current)
            default: model.removeDevice(at: current)
            }
            select(max(0, current - 1))
            setStatus("Removed \(name)")
        case .enter, .char(" "):
            moveFocus(by: 1)
        default:
            break
        }
    }

    /// "scsi0" for a disk, "net1" for a NIC.
    public func itemName(scope: FieldScope, index: Int) -> String {
        switch scope {
        case .nic: return model.nicName(index)
        case .device: return model.deviceSummary(item: index)
        default: return model.diskName(index)
        }
    }

    // MARK: Field widgets

    mutating func editText(_ key: Key, spec: FieldSpec, ref: FieldRef) {
        var text = Array(model.value(ref.id, item: ref.item))
        cursor = min(max(0, cursor), text.count)
        let numeric: Bool, decimals: Bool
        switch spec.kind {
        case .integer: (numeric, decimals) = (true, false)
        case .decimal: (numeric, decimals) = (true, true)
        default: (numeric, decimals) = (false, false)
        }
        let selected = textSelected
        textSelected = false
        switch key {
        case .char("+") where numeric: step(spec: spec, ref: ref, by: 1); return
        case .char("-") where numeric: step(spec: spec, ref: ref, by: -1); return
        case .char("?") where numeric:
            overlay = .help(scroll: 0)
            return
        case .char(let character) where spec.acceptsSizeUnits && "KMGTkmgt".contains(character):
            // A unit ends the number: 1536M, 1049K, 1.5T (shown with its GiB beside it).
            guard !text.isEmpty, !selected, cursor == text.count, text.last.map({ !"KMGT".contains($0) }) == true else {
                setStatus("\(spec.label): a unit (K, M, G or T) goes after the number", error: true)
                return
            }
            text.append(Character(character.uppercased()))
            cursor = text.count
        case .char(let character) where selected:
            if numeric && !(("0"..."9").contains(character) || decimals && character == ".") {
                setStatus("\(spec.label) takes a number (use + and - to step)", error: true)
                textSelected = true
                return
            }
            // The selection is replaced by what is typed.
            text = [character]
            cursor = 1
        case .char(let character):
            if numeric && !(("0"..."9").contains(character) || decimals && character == ".") {
                setStatus("\(spec.label) takes a number (use + and - to step)", error: true)
                return
            }
            text.insert(character, at: cursor)
            cursor += 1
        case .backspace:
            guard cursor > 0 else { return }
            text.remove(at: cursor - 1)
            cursor -= 1
        case .delete, .ctrl("d"):
            guard cursor < text.count else { return }
            text.remove(at: cursor)
        case .left: cursor = max(0, cursor - 1); return
        case .right: cursor = min(text.count, cursor + 1); return
        case .home: cursor = 0; return
        case .end, .ctrl("e"): cursor = text.count; return
        case .ctrl("u"):
            text.removeAll()
            cursor = 0
        case .ctrl("k"):
            text.removeSubrange(cursor..<text.count)
        case .enter:
            moveFocus(by: 1)
            return
        default:
            return
        }
        model.set(ref.id, item: ref.item, to: String(text))
    }

    /// +/- on a number: by the field's step (memory moves by 32 MiB as in the web UI), within its range.
    mutating func step(spec: FieldSpec, ref: FieldRef, by direction: Int) {
        let current = model.value(ref.id, item: ref.item)
        switch spec.kind {
        case .integer(let low, let high, let stepSize, _):
            let base = Int(current) ?? (direction > 0 ? low - stepSize : low)
            var next = base + direction * stepSize
            // Snap to the step grid, like the web UI's spinners.
            if stepSize > 1, base % stepSize != 0 {
                next = direction > 0 ? (base / stepSize + 1) * stepSize : (base / stepSize) * stepSize
            }
            next = min(max(next, low), high)
            model.set(ref.id, item: ref.item, to: String(next))
        case .decimal(let low, let high, let stepSize, _, _):
            let base = Double(current) ?? low
            let next = min(max(base + Double(direction) * stepSize, low), high)
            model.set(ref.id, item: ref.item, to: Checks.number(next))
        default:
            return
        }
        resetCursor()
    }

    mutating func editFlag(_ key: Key, spec: FieldSpec, ref: FieldRef) {
        switch key {
        case .char(" "), .enter, .left, .right:
            let on = model.value(ref.id, item: ref.item) == "1"
            model.set(ref.id, item: ref.item, to: on ? "0" : "1")
        default:
            break
        }
    }

    mutating func editChoice(_ key: Key, spec: FieldSpec, ref: FieldRef) {
        switch key {
        case .left: cycle(spec: spec, ref: ref, by: -1)
        case .right, .char(" "): cycle(spec: spec, ref: ref, by: 1)
        case .enter: openPicker(ref, filter: "")
        default: break
        }
    }

    mutating func editPicker(_ key: Key, spec: FieldSpec, ref: FieldRef) {
        switch key {
        case .left: cycle(spec: spec, ref: ref, by: -1)
        case .right: cycle(spec: spec, ref: ref, by: 1)
        case .enter, .char(" "): openPicker(ref, filter: "")
        case .char(let character): openPicker(ref, filter: String(character))
        default: break
        }
    }

    mutating func cycle(spec: FieldSpec, ref: FieldRef, by step: Int) {
        let choices = spec.choices(model.context(item: ref.item))
        guard !choices.isEmpty else {
            setStatus("Nothing to choose from for \(spec.label) on this host", error: true)
            return
        }
        let current = choices.firstIndex { $0.value == model.value(ref.id, item: ref.item) }
        let next = current.map { ($0 + step + choices.count) % choices.count } ?? (step > 0 ? 0 : choices.count - 1)
        model.set(ref.id, item: ref.item, to: choices[next].value)
    }

    mutating func openPicker(_ ref: FieldRef, filter: String) {
        var picker = PickerState(field: ref, filter: filter)
        if filter.isEmpty, let spec = OptionCatalog.spec(ref.id) {
            // The current value is highlighted and scrolled into view, near the middle of the list.
            let current = model.value(ref.id, item: ref.item)
            let choices = spec.choices(model.context(item: ref.item))
            picker.selected = choices.firstIndex { $0.value == current } ?? 0
            let rows = pickerVisibleRows(picker)
            picker.scroll = max(0, min(picker.selected - rows / 2, choices.count - rows))
        }
        overlay = .picker(picker)
    }
}
