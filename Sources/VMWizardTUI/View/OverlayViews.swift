import VMWizardCore

extension WizardState {
    func drawOverlay(_ screen: inout Screen, _ layout: Layout, _ overlay: Overlay) {
        switch overlay {
        case .picker(let picker): drawPicker(&screen, layout, picker)
        case .help(let scroll): drawHelpOverlay(&screen, layout, scroll: scroll)
        case .confirmQuit:
            drawDialog(&screen, layout, title: options.tr("Quit vmwizard?"), lines: [
                (options.tr(quitDraftNote.0), .plain),
                (options.tr(quitDraftNote.1), .plain),
                ("", .plain),
                (options.tr("y / Enter: quit      n / Esc: keep editing"), .bold),
            ])
        case .pathPrompt(let text, let cursor):
            let width = min(layout.width - 8, 72)
            let rect = drawDialog(&screen, layout, title: options.tr("Write config"), lines: [
                (options.tr("Write the VM config file to (never overwrites an existing file):"), .plain),
                ("", .plain),
                ("", .plain),
                (options.tr("Enter: write      Esc: cancel"), .bold),
            ], width: width)
            let boxWidth = rect.width - 4
            let characters = Array(text)
            let caret = min(cursor, characters.count)
            var start = 0
            while start < caret && DisplayWidth.of(String(characters[start..<caret])) >= boxWidth - 1 { start += 1 }
            screen.fill(Rect(x: rect.x + 2, y: rect.y + 3, width: boxWidth, height: 1), style: .focus)
            screen.put(String(characters[start...]), x: rect.x + 2, y: rect.y + 3, maxWidth: boxWidth, style: .focus)
            screen.cursor = (rect.x + 2 + DisplayWidth.of(String(characters[start..<caret])), rect.y + 3)
        case .secretPrompt(let field, let text):
            let width = min(layout.width - 8, 72)
            let label = OptionCatalog.spec(field.id).map { options.tr($0.label) } ?? ""
            let note = DisplayWidth.wrap(options.tr("Shown as dots; only its SHA-256-crypt hash is kept, as Proxmox keeps it."), width: width - 4)
            let rect = drawDialog(&screen, layout, title: options.tr("Set: \(label)"),
                                  lines: note.map { ($0, Style.plain) } + [("", .plain), ("", .plain),
                                                                            (options.tr("Enter: set (empty: remove)      Esc: cancel"), .bold)],
                                  width: width)
            // The input row is the second blank line under the note.
            let row = rect.y + note.count + 2
            let dots = String(repeating: "•", count: min(text.count, rect.width - 5))
            screen.fill(Rect(x: rect.x + 2, y: row, width: rect.width - 4, height: 1), style: .focus)
            screen.put(dots, x: rect.x + 2, y: row, maxWidth: rect.width - 4, style: .focus)
            screen.cursor = (rect.x + 2 + DisplayWidth.of(dots), row)
        case .message(let title, let text, let isError):
            let width = min(layout.width - 8, 72)
            var lines = DisplayWidth.wrap(options.tr(text), width: width - 4).map { ($0, isError ? Style.error : Style.plain) }
            lines += [("", .plain), (options.tr("Enter: OK"), .bold)]
            drawDialog(&screen, layout, title: options.tr(title), lines: lines, width: width)
        case .keptSettings(let selected):
            let rows = model.keptRows
            let width = min(layout.width - 8, 90)
            var lines: [(String, Style)] = DisplayWidth.wrap(
                options.tr("Settings vmwizard does not model, kept from the template as they are (checked against Proxmox's schema):"),
                width: width - 4).map { ($0, Style.plain) }
            lines.append(("", .plain))
            let shown = min(rows.count, max(1, layout.height - 10 - lines.count))
            let first = min(max(0, selected - shown + 1), max(0, rows.count - shown))
            for index in first..<(first + shown) {
                let row = rows[index]
                let text = (row.dropped ? "[ ] " : "[x] ") + row.text + (row.dropped ? "  " + options.tr("(dropped)") : "")
                var style: Style = index == selected ? Style(bold: true, reverse: true) : .plain
                if row.dropped && index != selected { style = .dim }
                lines.append((text, style))
            }
            if rows.count > shown { lines.append((options.tr("(\(rows.count - shown) more: ↑↓ to see them)"), .dim)) }
            lines += [("", .plain), (options.tr("Space: drop / keep   ↑↓: move   Enter or Esc: close"), .bold)]
            drawDialog(&screen, layout, title: options.tr("Other settings from the template"), lines: lines, width: width)
        case .resumeDraft(let drafts, let selected):
            var lines: [(String, Style)] = [
                (options.tr(drafts.count == 1 ? "Answers from an earlier run were saved:" : "Answers from earlier runs were saved:"), .plain),
                ("", .plain),
            ]
            let shown = min(drafts.count, max(1, layout.height - 12))
            let first = min(max(0, selected - shown + 1), max(0, drafts.count - shown))
            for index in first..<(first + shown) {
                let draft = drafts[index]
                let marker = index == selected ? "▶ " : "  "
                var where_: Phrase = draft.tab.map { "\($0.title) tab, saved on \(draft.savedAt)" } ?? "saved on \(draft.savedAt)"
                if let owner = draft.inUseBy { where_ = "in use by \(owner)" }
                let style: Style = index == selected ? Style(bold: true, reverse: true) : (draft.inUseBy == nil ? .plain : .dim)
                lines.append((marker + options.tr(draft.vmTitle) + " · " + options.tr(where_), style))
            }
            if drafts.count > shown { lines.append((options.tr("(\(drafts.count - shown) more: ↑↓ to see them)"), .dim)) }
            lines += [
                ("", .plain),
                (options.tr("Enter: resume   n: start fresh (drafts kept)   d: discard   Esc: quit"), .bold),
            ]
            drawDialog(&screen, layout, title: options.tr("Resume a draft?"), lines: lines)
        case .vmidTaken(let vmid, let suggestion):
            drawDialog(&screen, layout, title: options.tr("VM ID taken"), lines: [
                (options.tr("VM ID \(vmid) was taken by another guest while you were in the wizard."), .warning),
                (options.tr("The next free ID is \(suggestion)."), .plain),
                ("", .plain),
                (options.tr("Enter: create as \(suggestion)      Esc: back to General"), .bold),
            ])
        }
    }

    /// A centred box with lines of text; returns its rectangle.
    @discardableResult
    func drawDialog(_ screen: inout Screen, _ layout: Layout, title: String, lines: [(String, Style)], width: Int? = nil) -> Rect {
        let contentWidth = lines.map { DisplayWidth.of($0.0) }.max() ?? 0
        let boxWidth = min(layout.width - 4, width ?? max(contentWidth + 4, DisplayWidth.of(title) + 8))
        let boxHeight = min(layout.height - 2, lines.count + 2)
        let rect = Rect(x: (layout.width - boxWidth) / 2, y: max(1, (layout.height - boxHeight) / 2), width: boxWidth, height: boxHeight)
        screen.fill(rect)
        screen.box(rect, title: title)
        for (index, line) in lines.prefix(boxHeight - 2).enumerated() {
            screen.put(line.0, x: rect.x + 2, y: rect.y + 1 + index, maxWidth: boxWidth - 4, style: line.1)
        }
        return rect
    }

    func drawPicker(_ screen: inout Screen, _ layout: Layout, _ picker: PickerState) {
        guard let spec = OptionCatalog.spec(picker.field.id) else { return }
        let items = pickerItems(picker)
        let total = spec.choices(model.context(item: picker.field.item)).count
        let rows = pickerVisibleRows(picker)
        let boxWidth = min(layout.width - 4, 76)
        let boxHeight = rows + 4
        let rect = Rect(x: (layout.width - boxWidth) / 2, y: max(1, (layout.height - boxHeight) / 2), width: boxWidth, height: boxHeight)
        screen.fill(rect)
        screen.box(rect, title: options.tr("Pick: \(spec.label)"))
        let filterLine = options.tr("Filter: \(picker.filter)")
        let used = screen.put(filterLine, x: rect.x + 2, y: rect.y + 1, maxWidth: boxWidth - 20, style: .bold)
        screen.cursor = (rect.x + 2 + used, rect.y + 1)
        screen.put(options.tr("\(items.count) of \(total)"), x: rect.maxX - 14, y: rect.y + 1, maxWidth: 12, style: .dim)
        let current = model.value(picker.field.id, item: picker.field.item)
        // The SSH key list holds several: each key in it is ticked.
        let keyList = spec.kind == .keyList
        let chosenKeys = keyList ? Set(model.sshKeys.map(\.line)) : []
        // Labels get the room the details leave (long names such as iSCSI LUNs), at least 36 columns.
        let widestDetail = items.map { DisplayWidth.of(options.tr($0.detail)) }.max() ?? 0
        let labelCap = max(36, boxWidth - 8 - widestDetail)
        let labelWidth = min(labelCap, max(12, items.map { DisplayWidth.of(options.tr($0.label)) }.max() ?? 12))
        if items.isEmpty {
            let text = options.tr(total == 0 ? "Nothing to pick on this host." : "Nothing matches. Backspace widens the filter.")
            screen.put(text, x: rect.x + 2, y: rect.y + 2, maxWidth: boxWidth - 4, style: .dim)
        }
        for (index, item) in items.enumerated().dropFirst(picker.scroll).prefix(rows) {
            let y = rect.y + 2 + index - picker.scroll
            let selected = index == picker.selected
            let mark = keyList ? (chosenKeys.contains(item.value) ? "✓" : " ") : (item.value == current ? "•" : " ")
            let label = options.tr(item.label.isEmpty ? "(default)" : item.label)
            let line = "\(mark) \(DisplayWidth.pad(label, to: labelWidth))  \(options.tr(item.detail))"
            let rowRect = Rect(x: rect.x + 1, y: y, width: boxWidth - 2, height: 1)
            if selected { screen.fill(rowRect, style: .focus) }
            screen.put(line, x: rect.x + 2, y: y, maxWidth: boxWidth - 4, style: selected ? .focus : .plain)
        }
        if picker.scroll > 0 { screen.put("▲", x: rect.maxX - 2, y: rect.y + 2, style: .accent) }
        if picker.scroll + rows < items.count { screen.put("▼", x: rect.maxX - 2, y: rect.maxY - 2, style: .accent) }
    }

    func drawHelpOverlay(_ screen: inout Screen, _ layout: Layout, scroll: Int) {
        let rect = Rect(x: 2, y: 2, width: layout.width - 4, height: layout.height - 4)
        // The help covers the form and the help pane whole: no cut-off words of them beside its frame.
        screen.fill(Rect(x: 0, y: rect.y, width: layout.width, height: rect.height))
        screen.box(rect, title: options.tr("Help"))
        let width = rect.width - 4
        var lines: [(String, Style)] = [(options.tr("Keys"), .title)]
        let keyWidth = 26
        for binding in KeyMap.global {
            let wrapped = DisplayWidth.wrap(options.tr(binding.action), width: max(10, width - keyWidth))
            for (index, part) in wrapped.enumerated() {
                lines.append(((index == 0 ? DisplayWidth.pad(options.tr(binding.keys), to: keyWidth) : String(repeating: " ", count: keyWidth)) + part, .plain))
            }
        }
        let content = helpContent()
        if !content.title.isEmpty {
            lines += [("", .plain), ("\(content.title)\(content.key.isEmpty ? "" : "  (\(content.key))")", .title)]
            lines += DisplayWidth.wrap(content.text, width: width).map { ($0, .plain) }
        }
        let tabText = HelpCatalog.text(tab.helpKey, language: options.language) ?? ""
        lines += [("", .plain), (options.tr("The \(tab.title) tab"), .title)]
        lines += DisplayWidth.wrap(tabText, width: width).map { ($0, .plain) }
        let rows = rect.height - 2
        let offset = min(scroll, max(0, lines.count - rows))
        for (index, line) in lines.dropFirst(offset).prefix(rows).enumerated() {
            screen.put(line.0, x: rect.x + 2, y: rect.y + 1 + index, maxWidth: width, style: line.1)
        }
        if offset + rows < lines.count { screen.put("▼", x: rect.maxX - 2, y: rect.maxY - 2, style: .accent) }
    }

    /// What the quit dialog says about the answers: only what is true.
    var quitDraftNote: (Phrase, Phrase) {
        if model.draft == .fresh { return ("Nothing has been created, and nothing was entered yet.", "Quitting leaves no draft behind.") }
        if let problem = draftProblem { return ("Nothing has been created. Your answers could NOT be saved:", problem) }
        return ("Nothing has been created. Your answers are kept as a draft:", "run vmwizard --resume to continue where you left off.")
    }
}
