import VMWizardCore

/// One row of the form pane.
enum FormRow {
    case itemList(FieldScope)
    case heading(Phrase)
    case field(FieldSpec, FieldRef)
}

extension WizardState {
    func formRows() -> [FormRow] {
        var rows: [FormRow] = []
        if tab == .disks { rows.append(.itemList(.disk)) }
        if tab == .network { rows.append(.itemList(.nic)) }
        var deviceListShown = false
        for (spec, ref) in shownFields(on: tab) {
            if spec.scope == .device && !deviceListShown {
                rows += [.heading("Passthrough (PCI and USB devices)"), .itemList(.device)]
                deviceListShown = true
            }
            if spec.id == .diskMbpsRd { rows.append(.heading("Bandwidth limits")) }
            if spec.id == .virtioAdd { rows.append(.heading("Windows drivers")) }
            rows.append(.field(spec, ref))
        }
        if tab == .system && !deviceListShown { rows += [.heading("Passthrough (PCI and USB devices)"), .itemList(.device)] }
        return rows
    }

    func rowIsFocused(_ row: FormRow) -> Bool {
        switch row {
        case .itemList(let scope): return focus == FocusStop.list(scope)
        case .heading: return false
        case .field(_, let ref): return focus == .field(ref)
        }
    }

    func drawForm(_ screen: inout Screen, _ layout: Layout) {
        let area = layout.form
        let rows = formRows()
        let focusedIndex = rows.firstIndex(where: rowIsFocused) ?? 0
        let visible = area.height
        let offset = max(0, min(focusedIndex - visible + 2, rows.count - visible))
        for (index, row) in rows.enumerated().dropFirst(offset).prefix(visible) {
            let y = area.y + index - offset
            switch row {
            case .itemList(let scope): drawItemList(&screen, layout, scope: scope, y: y)
            case .heading(let title): screen.put(options.tr(title), x: 2, y: y, maxWidth: area.width - 3, style: .title)
            case .field(let spec, let ref): drawField(&screen, layout, spec: spec, ref: ref, y: y)
            }
        }
        if rows.isEmpty { screen.put(options.tr("Nothing to set here."), x: 2, y: area.y, style: .dim) }
        if offset > 0 { screen.put("▲", x: area.maxX - 2, y: area.y, style: .accent) }
        if offset + visible < rows.count { screen.put("▼", x: area.maxX - 2, y: area.maxY - 1, style: .accent) }
    }

    func drawItemList(_ screen: inout Screen, _ layout: Layout, scope: FieldScope, y: Int) {
        let focused = focus == FocusStop.list(scope)
        let title = options.tr(scope == .disk ? "Disks" : scope == .nic ? "Network" : "Devices")
        screen.put(DisplayWidth.pad(title, to: layout.labelWidth), x: 2, y: y, style: focused ? .bold : .plain)
        var x = 2 + layout.labelWidth
        let limit = layout.form.maxX - 1
        let count = model.itemCount(scope)
        let selected = selectedItem(scope)
        if count == 0 {
            let empty: Phrase = scope == .disk ? "(no disks)" : scope == .nic ? "(no network)" : "(none)"
            x += screen.put(options.tr(empty), x: x, y: y, style: .dim) + 1
        }
        for index in 0..<count {
            let name = itemName(scope: scope, index: index)
            let invalid = issuesOfItem(scope: scope, index: index).contains(where: \.isError)
            let label = "[\(name)\(invalid ? "!" : "")]"
            guard x + DisplayWidth.of(label) + 1 < limit else {
                screen.put("…", x: x, y: y, style: .dim)
                x += 2
                break
            }
            var style: Style = index == selected ? (focused ? .focus : .bold) : .plain
            if invalid { style.foreground = .red }
            x += screen.put(label, x: x, y: y, style: style)
            x += screen.put(" ", x: x, y: y)
        }
        if focused { screen.put(options.tr("+ add  - remove"), x: x, y: y, maxWidth: max(0, limit - x), style: .dim) }
    }

    func issuesOfItem(scope: FieldScope, index: Int) -> [Issue] {
        OptionCatalog.specs.filter { $0.scope == scope }.compactMap { model.issue($0, item: index) }
    }

    func drawField(_ screen: inout Screen, _ layout: Layout, spec: FieldSpec, ref: FieldRef, y: Int) {
        let area = layout.form
        let focused = focus == .field(ref)
        let active = model.isActive(spec, item: ref.item)
        let issue = active ? model.issue(spec, item: ref.item) : nil
        if let issue { screen.put("!", x: 0, y: y, style: issue.isError ? .error : .warning) }
        var labelStyle: Style = focused ? .bold : .plain
        if !active { labelStyle = .dim }
        screen.put(DisplayWidth.pad(options.tr(spec.label), to: layout.labelWidth - 1), x: 2, y: y, style: labelStyle)
        let valueX = 2 + layout.labelWidth
        let valueWidth = area.maxX - valueX - 1
        guard valueWidth > 4 else { return }
        // Say where a proposed value comes from: the whole reason when it fits, else a marker (never a cut
        // sentence); the status line and help pane give the full reason once the field has focus. A picker's
        // detail text gives way to the marker.
        var reason: String?
        if case .inferred(let phrase) = model.provenance(ref.id, item: ref.item), active, issue == nil {
            reason = options.tr(phrase)
        }
        let markers = ["  " + options.tr("(auto)"), "  ←"]
        let reserved = reason != nil && spec.kind == .picker && valueWidth > 24 ? DisplayWidth.of(markers[0]) : 0
        var used = drawValue(&screen, spec: spec, ref: ref, x: valueX, y: y, width: valueWidth - reserved,
                             focused: focused, active: active)
        if let reason {
            let room = valueWidth - used
            if let note = (["  ← " + reason] + markers).first(where: { DisplayWidth.of($0) <= room }) {
                used += screen.put(note, x: valueX + used, y: y, style: .dim)
            }
        }
        if let issue, layout.width >= 120, valueWidth - used > 16 {
            screen.put("  " + issue.message(options.language), x: valueX + used, y: y, maxWidth: valueWidth - used,
                       style: issue.isError ? .error : .warning)
        }
    }

    /// Draws one field's value widget; returns the columns used.
    func drawValue(_ screen: inout Screen, spec: FieldSpec, ref: FieldRef, x: Int, y: Int, width: Int,
                   focused: Bool, active: Bool) -> Int {
        let value = model.value(ref.id, item: ref.item)
        let dimIfInactive: (Style) -> Style = { style in
            var style = style
            if !active { style.dim = true }
            return style
        }
        switch spec.kind {
        case .flag:
            let box = value == "1" ? "[x]" : "[ ]"
            return screen.put(box, x: x, y: y, style: dimIfInactive(focused ? .focus : .plain))
        case .choice:
            let label = model.displayValue(ref.id, item: ref.item, language: options.language)
            let text = "< \(label.isEmpty ? "-" : label) >"
            return screen.put(text, x: x, y: y, maxWidth: width, style: dimIfInactive(focused ? .focus : .plain))
        case .picker:
            let choices = spec.choices(model.context(item: ref.item))
            let choice = choices.first { $0.value == value }
            var used = 0
            if value.isEmpty && choice == nil {
                let placeholder = spec.placeholder(model.context(item: ref.item))
                used += screen.put(options.tr(placeholder.isEmpty ? "(none)" : placeholder), x: x, y: y, maxWidth: width,
                                   style: focused ? .focus : .dim)
            } else {
                used += screen.put(choice.map { options.tr($0.label) } ?? value, x: x, y: y, maxWidth: width, style: dimIfInactive(focused ? .focus : .bold))
                if let detail = choice.map({ options.tr($0.detail) }), !detail.isEmpty, width - used > 6 {
                    used += screen.put(DisplayWidth.truncate("  " + detail, to: width - used), x: x + used, y: y, style: .dim)
                }
            }
            return used
        case .text, .integer, .decimal:
            return drawTextInput(&screen, spec: spec, ref: ref, value: value, x: x, y: y, width: width, focused: focused, active: active)
        case .secret:
            // Never the value itself: it is a hash, and its length says nothing either.
            let text: Phrase = value.isEmpty ? spec.placeholder(model.context(item: ref.item)) : "•••••••• (set, kept hashed)"
            return screen.put(options.tr(text), x: x, y: y, maxWidth: width,
                              style: dimIfInactive(focused ? .focus : (value.isEmpty ? .dim : .bold)))
        case .keyList:
            let keys = SSHPublicKey.parseList(value).keys
            guard !keys.isEmpty else {
                return screen.put(options.tr(spec.placeholder(model.context(item: ref.item))), x: x, y: y, maxWidth: width,
                                  style: focused ? .focus : .dim)
            }
            let names = keys.map { "\($0.shortType) \($0.comment)".trimmingWhitespace() }.joined(separator: ", ")
            let text = options.tr(keys.count == 1 ? "1 key: \(names)" : "\(keys.count) keys: \(names)")
            return screen.put(text, x: x, y: y, maxWidth: width, style: dimIfInactive(focused ? .focus : .bold))
        }
    }

    func drawTextInput(_ screen: inout Screen, spec: FieldSpec, ref: FieldRef, value: String, x: Int, y: Int,
                       width: Int, focused: Bool, active: Bool) -> Int {
        var unit = ""
        switch spec.kind {
        case .integer(_, _, _, let u), .decimal(_, _, _, _, let u): unit = u
        default: break
        }
        var unitText = unit.isEmpty ? "" : " " + unit
        // A size typed with a unit shows what it is in the field's own unit.
        if spec.acceptsSizeUnits, let last = value.last, "KMGT".contains(last), let kib = DiskSize.kibibytes(fromField: value) {
            unitText = " = " + DiskSize.gibText(kib: kib).prefix(8) + " " + unit
        }
        let boxWidth = max(4, min(width - DisplayWidth.of(unitText), spec.kind == .text ? 40 : 14))
        let boxStyle: Style = focused ? .focus : Style(dim: !active, underline: true)
        screen.fill(Rect(x: x, y: y, width: boxWidth, height: 1), style: boxStyle)
        // Scroll long text so the caret stays visible.
        let characters = Array(value)
        let caret = focused ? min(cursor, characters.count) : 0
        var start = 0
        while start < caret && DisplayWidth.of(String(characters[start..<caret])) >= boxWidth - 1 { start += 1 }
        if value.isEmpty {
            let placeholder = options.tr(spec.placeholder(model.context(item: ref.item)))
            screen.put(placeholder, x: x, y: y, maxWidth: boxWidth, style: Style(dim: true, reverse: focused, underline: !focused))
        } else {
            let selected = focused && textSelected
            screen.put(String(characters[start...]), x: x, y: y, maxWidth: boxWidth, style: selected ? .selection : boxStyle)
        }
        if focused { screen.cursor = (x + DisplayWidth.of(String(characters[start..<caret])), y) }
        if !unitText.isEmpty { screen.put(unitText, x: x + boxWidth, y: y, style: .dim) }
        return boxWidth + DisplayWidth.of(unitText)
    }
}
