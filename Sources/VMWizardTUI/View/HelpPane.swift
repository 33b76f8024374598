import VMWizardCore

extension WizardState {
    /// Title, config key and text of the help for whatever has focus.
    func helpContent() -> (title: String, key: String, text: String) {
        let language = options.language
        switch focus {
        case .diskList: return (options.tr("Disks"), "", HelpCatalog.text("disks", language: language) ?? "")
        case .nicList: return (options.tr("Network devices"), "", HelpCatalog.text("nics", language: language) ?? "")
        case .deviceList: return (options.tr("Passthrough devices"), "", HelpCatalog.text("devices", language: language) ?? "")
        case .action(let action):
            return (options.tr(action.label), "", HelpCatalog.text(Tab.confirm.helpKey, language: language) ?? "")
        case .field(let ref):
            guard let spec = OptionCatalog.spec(ref.id) else { return ("", "", "") }
            var key = spec.pveKey.text
            if spec.tab == .os { key = key.replacingOccurrences(of: "ide2", with: model.installCDSlot.configKey) }
            if spec.scope == .disk { key = key.replacingOccurrences(of: "<bus><n>", with: itemName(scope: .disk, index: ref.item ?? 0)) }
            if ref.id == .cloudImage { key = key.replacingOccurrences(of: "<bus><n>", with: itemName(scope: .disk, index: 0)) }
            if spec.tab == .cloudInit, let slot = model.cloudInitSlot { key = key.replacingOccurrences(of: "<bus><n>", with: slot.configKey) }
            if spec.scope == .nic {
                let name = model.nicName(ref.item ?? 0)
                key = key.replacingOccurrences(of: "net[n]", with: name)
                    .replacingOccurrences(of: "ipconfig[n]", with: "ipconfig" + name.dropFirst(3))
            }
            return (options.tr(spec.label), key, HelpCatalog.text(spec.helpKey, language: language) ?? "")
        }
    }

    /// The tab's overview, shown at the bottom of the help pane when there is room.
    func tabHelpLines(width: Int) -> [(String, Style)] {
        let text = HelpCatalog.text(tab.helpKey, language: options.language) ?? ""
        guard !text.isEmpty else { return [] }
        return [(options.tr("About the \(tab.title) tab"), .bold)] + DisplayWidth.wrap(text, width: width).map { ($0, .dim) }
    }

    func helpLines(width: Int) -> [(String, Style)] {
        let content = helpContent()
        var lines: [(String, Style)] = []
        if !content.key.isEmpty { lines.append((options.tr("config: \(content.key)"), .dim)) }
        lines.append(("", .plain))
        // A problem or a reason too long for the status line is spelled out here in full, above the help text
        // so it is seen without scrolling.
        if let line = statusLine(), DisplayWidth.of(line.text) > self.width - 2 {
            lines += DisplayWidth.wrap(line.text, width: width).map { ($0, line.style) }
            lines.append(("", .plain))
        }
        lines += DisplayWidth.wrap(content.text, width: width).map { ($0, .plain) }
        return lines
    }

    func drawHelpPane(_ screen: inout Screen, _ layout: Layout) {
        let area = layout.help
        let textWidth = area.width - 2
        screen.put(DisplayWidth.truncate(helpContent().title, to: textWidth), x: area.x + 1, y: area.y, style: .title)
        var lines = helpLines(width: textWidth)
        // The tab overview sits at the bottom, in the same place for every field of the tab, so moving between
        // fields redraws only the field's own text.
        let tabLines = tabHelpLines(width: textWidth)
        let free = area.height - 1 - lines.count
        if !tabLines.isEmpty && free >= tabLines.count + 1 {
            lines += Array(repeating: ("", Style.plain), count: free - tabLines.count) + tabLines
        }
        var rows = area.height - 1
        // When the text is longer than the pane, its last row holds the scroll hint.
        if lines.count > rows { rows -= 1 }
        let scroll = min(helpScroll, max(0, lines.count - rows))
        for (index, line) in lines.dropFirst(scroll).prefix(rows).enumerated() {
            screen.put(line.0, x: area.x + 1, y: area.y + 1 + index, maxWidth: textWidth, style: line.1)
        }
        if scroll + rows < lines.count {
            let more = "▼ " + options.tr("Ctrl-F more")
            screen.put(more, x: area.maxX - 1 - DisplayWidth.of(more), y: area.maxY - 1, style: .accent)
        }
        if scroll > 0 { screen.put("▲ ^B", x: area.maxX - 5, y: area.y, style: .accent) }
    }
}
