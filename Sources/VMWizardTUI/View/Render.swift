import VMWizardCore

extension WizardState {
    /// The whole frame, as a pure function of the state.
    public func render() -> Screen {
        var screen = Screen(width: width, height: height)
        guard width > 0, height > 0 else { return screen }
        if isTooSmall {
            drawTooSmall(&screen)
            return screen
        }
        let layout = Layout(width: width, height: height)
        drawHeader(&screen, layout)
        drawTabBar(&screen, layout)
        screen.horizontalLine(x: 0, y: 2, width: width)
        screen.horizontalLine(x: 0, y: layout.status - 1, width: width)
        if let apply {
            drawApply(&screen, layout, apply)
        } else {
            if tab == .confirm { drawConfirm(&screen, layout) } else { drawForm(&screen, layout) }
            if !confirmUsesFullWidth {
                screen.verticalLine(x: layout.form.maxX, y: layout.body.y, height: layout.body.height)
                drawHelpPane(&screen, layout)
            }
        }
        drawStatus(&screen, layout)
        drawFooter(&screen, layout)
        if let overlay { drawOverlay(&screen, layout, overlay) }
        return screen
    }

    func drawTooSmall(_ screen: inout Screen) {
        let lines = [
            options.tr("terminal too small: need \(Self.minimumWidth)×\(Self.minimumHeight), have \(width)×\(height)"),
            options.tr("Enlarge the window to continue; nothing you entered is lost."),
            options.tr("Ctrl-C quits (your answers are kept as a draft)."),
        ]
        let top = max(0, (height - lines.count) / 2)
        for (index, line) in lines.enumerated() {
            let cut = DisplayWidth.truncate(line, to: width)
            let x = max(0, (width - DisplayWidth.of(cut)) / 2)
            screen.put(cut, x: x, y: top + index, style: index == 0 ? .error : .plain)
        }
    }

    func drawHeader(_ screen: inout Screen, _ layout: Layout) {
        let title = " vmwizard · " + options.tr("Create: Virtual Machine")
        var x = screen.put(title, x: 0, y: layout.header, style: .title) + 2
        // The demo banner matters more than the node and VM ID, so it gets the room first.
        if model.host.isDemo {
            let demo = " " + options.tr("DEMO HOST: nothing is created") + " "
            let start = width - DisplayWidth.of(demo) - 1
            screen.put(demo, x: start, y: layout.header, style: Style(foreground: .yellow, bold: true, reverse: true))
            let right = "VM \(model.value(.vmid)) "
            if start - DisplayWidth.of(right) > x { screen.put(right, x: start - DisplayWidth.of(right) - 1, y: layout.header, style: .dim) }
            return
        }
        let right = options.tr("node \(model.targetNode) · VM \(model.value(.vmid))") + " "
        x = max(x, width - DisplayWidth.of(right))
        screen.put(right, x: x, y: layout.header, maxWidth: width - x, style: .dim)
    }

    func drawTabBar(_ screen: inout Screen, _ layout: Layout) {
        var x = 1
        for candidate in Tab.allCases {
            let label = " \(options.tr(candidate.title)) "
            var style: Style
            if candidate == tab {
                style = Style(bold: true, reverse: true)
            } else if isLocked(candidate) {
                style = .dim
            } else {
                style = .plain
            }
            x += screen.put(label, x: x, y: layout.tabBar, style: style)
            if candidate == firstInvalidTab && candidate != .confirm {
                x += screen.put("!", x: x, y: layout.tabBar, style: .error)
            } else {
                x += screen.put(" ", x: x, y: layout.tabBar)
            }
        }
    }

    /// What the status line says about the focused field: its problem, why its value was proposed, or that
    /// the user set it.
    func statusLine() -> (text: String, style: Style)? {
        guard apply == nil, let (spec, ref) = focusedField else { return nil }
        if let issue = model.issue(spec, item: ref.item) {
            return ((issue.isError ? "✗ " : "! ") + issue.message(options.language), issue.isError ? .error : .warning)
        }
        if case .inferred(let reason) = model.provenance(ref.id, item: ref.item) {
            return (options.tr("Proposed: \(reason)"), .accent)
        }
        if model.isUserSet(ref.id, item: ref.item) {
            return (options.tr("Set by you · Ctrl-R resets to the default"), .dim)
        }
        return nil
    }

    func drawStatus(_ screen: inout Screen, _ layout: Layout) {
        var text = ""
        var style = Style.plain
        if let status {
            text = options.tr(status)
            style = statusIsError ? .error : .accent
        } else if let line = statusLine() {
            (text, style) = line
        }
        screen.put(DisplayWidth.truncate(text, to: width - 2), x: 1, y: layout.status, style: style)
    }

    /// Keys for the focused widget on the left; the keys that work everywhere right-aligned, in a fixed place,
    /// so moving between fields rewrites only the left part.
    func drawFooter(_ screen: inout Screen, _ layout: Layout) {
        var leftHints: [KeyHint]
        var rightHints: [KeyHint] = []
        if overlay != nil {
            leftHints = overlayHints
        } else if let apply {
            switch apply.outcome {
            case nil:
                leftHints = apply.stopping
                    ? [KeyHint("Ctrl-C", "leave now (the command keeps running)")]
                    : [KeyHint("Ctrl-C", "interrupt qm (it rolls back)")]
            case .created?: leftHints = [KeyHint("Enter", "exit")]
            default: leftHints = [KeyHint("Enter", "back to the wizard")]
            }
        } else {
            leftHints = widgetHints
            // The Advanced toggle is remembered between runs, so the footer says when it is on.
            rightHints = [KeyHint("PgDn/Up", "tab"), KeyHint("F10", "finish"),
                          KeyHint("F2", showAdvanced ? "advanced: on" : "advanced"), KeyHint("F1", "help"), KeyHint("Esc", "quit")]
        }
        var left = leftHints.map { (options.tr($0.keys), options.tr($0.action)) }
        var right = rightHints.map { (options.tr($0.keys), options.tr($0.action)) }
        func width(_ hints: [(String, String)]) -> Int {
            hints.reduce(0) { $0 + DisplayWidth.of($1.0) + 1 + DisplayWidth.of($1.1) + 2 }
        }
        // On narrow terminals the widget keeps its first hint and the global keys stay.
        while left.count > 1 && width(left) + width(right) + 2 > self.width { left.removeLast() }
        while !right.isEmpty && width(left) + width(right) + 2 > self.width { right.removeFirst() }
        func draw(_ hints: [(String, String)], from start: Int, limit: Int) {
            var x = start
            for (keys, action) in hints {
                let needed = DisplayWidth.of(keys) + 1 + DisplayWidth.of(action)
                if x + needed > limit { break }
                x += screen.put(keys, x: x, y: layout.footer, style: .bold)
                x += screen.put(" " + action, x: x, y: layout.footer, style: .dim) + 2
            }
        }
        let rightStart = self.width - width(right) + 1
        draw(left, from: 1, limit: right.isEmpty ? self.width : rightStart - 1)
        draw(right, from: rightStart, limit: self.width)
    }

    var overlayHints: [KeyHint] {
        switch overlay {
        case .picker: return [KeyHint("type", "filter"), KeyHint("↑↓", "move"), KeyHint("Enter", "pick"), KeyHint("Esc", "close")]
        case .help: return [KeyHint("↑↓ PgUp PgDn", "scroll"), KeyHint("Esc", "close")]
        case .confirmQuit: return [KeyHint("y", "quit"), KeyHint("n/Esc", "stay")]
        case .pathPrompt: return [KeyHint("Enter", "write"), KeyHint("Esc", "cancel")]
        case .vmidTaken(_, let suggestion): return [KeyHint("Enter", "use \(suggestion)"), KeyHint("Esc", "back")]
        case .resumeDraft: return [KeyHint("Enter", "resume"), KeyHint("n", "start fresh"), KeyHint("d", "discard"), KeyHint("Esc", "quit")]
        case .keptSettings: return [KeyHint("Space", "drop / keep"), KeyHint("Esc", "close")]
        default: return [KeyHint("Enter", "OK")]
        }
    }

    var widgetHints: [KeyHint] {
        switch focus {
        case .diskList, .nicList, .deviceList: return [KeyHint("←→", "select"), KeyHint("+", "add"), KeyHint("-", "remove")]
        case .action:
            let hints = [KeyHint("Enter", "activate"), KeyHint("Tab", "next")]
            return model.keptRows.isEmpty ? hints : hints + [KeyHint("o", "other settings")]
        case .field(let ref):
            switch OptionCatalog.spec(ref.id)?.kind {
            case .flag: return [KeyHint("Space", "toggle"), KeyHint("Tab", "next")]
            case .choice: return [KeyHint("←→", "change"), KeyHint("Enter", "list")]
            case .picker: return [KeyHint("Enter", "pick"), KeyHint("←→", "change")]
            case .secret: return [KeyHint("Enter", "set"), KeyHint("^U", "remove")]
            case .keyList: return [KeyHint("Enter", "pick"), KeyHint("paste", "add"), KeyHint("^U", "clear")]
            case .integer, .decimal: return [KeyHint("type", "edit"), KeyHint("+/-", "step")]
            default: return [KeyHint("type", "edit"), KeyHint("^U", "clear")]
            }
        }
    }
}

/// One footer hint: the keys, and what they do. Both are translated (key names mostly stay as they are).
struct KeyHint {
    var keys: Phrase
    var action: Phrase
    init(_ keys: Phrase, _ action: Phrase) {
        self.keys = keys
        self.action = action
    }
}
