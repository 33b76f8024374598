import VMWizardCore

extension WizardState {
    /// The Confirm summary: key/value rows sorted by key as in the web UI (with the node), without `start`.
    public func summaryRows() -> [(key: String, value: String)] {
        let params = PVEParameters.build(model, includeStart: false)
        let rows = [("nodename", model.targetNode)] + params.map { ($0.key, $0.value) }
        return rows.sorted { $0.0 < $1.0 }
    }

    /// The commands Create runs, as copy-pasteable lines continued with a backslash. Lines break only between
    /// arguments: options fill a line up to `width` columns; an option too long for a line gets its own, its
    /// value on the next when even that is too long. Never inside a word, so any line can be copied as it is.
    public func commandLines(width: Int = Int.max) -> [String] {
        // qm reads the SSH keys from its standard input (`--sshkeys /dev/stdin`): they are piped in first.
        var keyLines: [String] = []
        if let words = QmCommand.pipedKeys(model) {
            let quoted = words.map { "  " + $0 }
            keyLines = ["printf '%s\\n' \\"] + quoted.enumerated().map { $0.offset == quoted.count - 1 ? $0.element + " |" : $0.element + " \\" }
        }
        return QmCommand.steps(model).flatMap { step -> [String] in
            let argv = step.argv
            let head = argv.prefix { !$0.hasPrefix("--") }
            var words: [String] = [ShellQuote.line(Array(head))]
            var rest = argv.dropFirst(head.count)
            while !rest.isEmpty {
                words.append(ShellQuote.line(Array(rest.prefix(2))))
                rest = rest.dropFirst(2)
            }
            var lines: [String] = []
            var line = ""
            // Room for the " \\" that continues a line.
            let room = width - 2
            for word in words {
                if line.isEmpty {
                    line = word
                } else if DisplayWidth.of(line) + 1 + DisplayWidth.of(word) <= room {
                    line += " " + word
                } else {
                    lines.append(line)
                    line = "  " + word
                }
                if DisplayWidth.of(line) > room, let space = line.dropFirst(2).firstIndex(of: " "), line.hasPrefix("  --") {
                    // "--key value" alone is too wide: the value goes on a line of its own.
                    lines.append(String(line[..<space]))
                    line = "    " + line[line.index(after: space)...]
                }
            }
            if !line.isEmpty { lines.append(line) }
            return (step.kind == .create ? keyLines : []) + lines.enumerated().map { $0.offset < lines.count - 1 ? $0.element + " \\" : $0.element }
        }
    }

    /// Confirm takes the whole width below 120 columns: the help pane would squeeze the command.
    var confirmUsesFullWidth: Bool { tab == .confirm && width < 120 }

    func confirmContent(width: Int) -> [(String, Style)] {
        var lines: [(String, Style)] = [(options.tr("Commands that Create runs:"), .bold)]
        lines += commandLines(width: width - 2).map { ("  " + $0, .accent) }
        if let errors = Optional(model.errors), !errors.isEmpty {
            lines.append(("", .plain))
            lines.append((options.tr(errors.count == 1 ? "Not ready: 1 problem" : "Not ready: \(errors.count) problems"), .error))
            lines += errors.prefix(5).flatMap { DisplayWidth.wrap("✗ " + $0.message(options.language), width: width).map { ($0, Style.error) } }
        }
        let warnings = model.issues().filter { !$0.isError }
        lines += warnings.flatMap { DisplayWidth.wrap("! " + $0.message(options.language), width: width).map { ($0, Style.warning) } }
        let kept = model.keptRows
        if !kept.isEmpty {
            lines.append(("", .plain))
            lines.append((options.tr("Other settings from the template (o: review, drop or keep each):"), .bold))
            for row in kept {
                let text = (row.dropped ? "[ ] " : "[x] ") + row.text + (row.dropped ? "  " + options.tr("(dropped)") : "")
                lines += DisplayWidth.wrap(text, width: width - 2).map { ("  " + $0, row.dropped ? Style.dim : Style.plain) }
            }
        }
        lines.append(("", .plain))
        let keyWidth = 12
        lines.append((DisplayWidth.pad(options.tr("Key"), to: keyWidth) + options.tr("Value"), .bold))
        for (key, value) in summaryRows() {
            let wrapped = DisplayWidth.wrap(value, width: max(8, width - keyWidth))
            for (index, part) in wrapped.enumerated() {
                lines.append(((index == 0 ? DisplayWidth.pad(key, to: keyWidth) : String(repeating: " ", count: keyWidth)) + part, .plain))
            }
        }
        return lines
    }

    func drawConfirm(_ screen: inout Screen, _ layout: Layout) {
        let area = confirmUsesFullWidth ? layout.body : layout.form
        let contentRows = area.height - 3
        let lines = confirmContent(width: area.width - 3)
        let scroll = min(summaryScroll, max(0, lines.count - contentRows))
        for (index, line) in lines.dropFirst(scroll).prefix(contentRows).enumerated() {
            screen.put(line.0, x: 2, y: area.y + index, maxWidth: area.width - 3, style: line.1)
        }
        if scroll + contentRows < lines.count { screen.put("▼ ^F", x: area.maxX - 5, y: area.y + contentRows - 1, style: .accent) }
        if scroll > 0 { screen.put("▲ ^B", x: area.maxX - 5, y: area.y, style: .accent) }
        // "Start after created", "Create as template" and the actions stay at the bottom.
        var flagX = 2
        for id in [FieldID.start, .template] {
            guard let spec = OptionCatalog.spec(id) else { continue }
            let ref = FieldRef(id)
            let y = area.maxY - 2
            let focused = focus == .field(ref)
            flagX += drawValue(&screen, spec: spec, ref: ref, x: flagX, y: y, width: area.maxX - flagX, focused: focused, active: true)
            flagX += screen.put(" " + options.tr(spec.label), x: flagX, y: y, maxWidth: area.maxX - flagX, style: focused ? .bold : .plain) + 3
        }
        var x = 1
        for action in ConfirmAction.allCases {
            let label = "[\(options.tr(action.label))]"
            var style: Style = focus == .action(action) ? .focus : .bold
            if action == .create && !options.canApply { style.dim = true }
            x += screen.put(label, x: x, y: area.maxY - 1, maxWidth: area.maxX - x, style: style)
            x += 1
        }
    }

    func drawApply(_ screen: inout Screen, _ layout: Layout, _ view: ApplyView) {
        let area = layout.body
        let vmid = model.value(.vmid)
        let spinner = ["|", "/", "-", "\\"][Int(view.elapsed * 8) % 4]
        var title: Phrase
        var titleStyle = Style.title
        switch view.outcome {
        case nil:
            title = "\(spinner) Creating VM \(vmid) on node \(model.targetNode)… \(Int(view.elapsed))s"
            if view.runningCommand?.contains("/download-url") == true {
                title = "\(spinner) Downloading the cloud image for VM \(vmid) on node \(model.targetNode)… \(Int(view.elapsed))s"
            }
            if view.stopping {
                let pid: Phrase = view.runningPID.map { "PID \($0)" } ?? "the command"
                title = "\(spinner) Stopping: waiting for \(pid) to finish… \(Int(view.elapsed))s"
                titleStyle = .warning
            }
        case .created(let id, _, let steps)?:
            let template = steps.contains { $0.kind == .template && $0.succeeded }
            title = view.outcome?.started == true ? "✓ VM \(id) created and started"
                : (template ? "✓ VM \(id) created as a template" : "✓ VM \(id) created")
            titleStyle = .good
            if let failed = view.outcome?.failedStep {
                title = "✓ VM \(id) created, but \(StepText.name(failed.kind)) failed"
                titleStyle = .warning
            }
        case .failed?:
            title = "✗ Creating VM \(vmid) failed: nothing was created"
            titleStyle = .error
        default:
            title = .empty
        }
        screen.put(options.tr(title), x: 2, y: area.y, maxWidth: area.width - 4, style: titleStyle)
        var lines: [(String, Style)] = view.lines.flatMap { line in
            DisplayWidth.wrap(line, width: area.width - 4).map { ($0, Style.plain) }
        }
        switch view.outcome {
        case .created(_, let details, let steps)?:
            lines.append(("", .plain))
            lines += details.map { ($0, Style.good) }
            if let failed = steps.first(where: { $0.ran && $0.error != nil }) {
                let message: Phrase = "\(StepText.name(failed.kind)) failed: \(failed.error ?? "")"
                lines += DisplayWidth.wrap(options.tr(message), width: area.width - 4).map { ($0, .warning) }
                let rest = steps.drop { $0 != failed }.map(\.command).joined(separator: "\n  ")
                lines += DisplayWidth.wrap(options.tr("The VM is kept: fix the cause and run what is left:\n  \(rest)"), width: area.width - 4)
                    .map { ($0, .plain) }
            }
            lines.append((options.tr("Press Enter to exit."), .bold))
        case .failed(let message)?:
            lines.append(("", .plain))
            lines += DisplayWidth.wrap(options.tr(message), width: area.width - 4).map { ($0, .error) }
            lines.append((options.tr("Press Enter to go back to the wizard: every answer is kept."), .bold))
        default:
            break
        }
        let rows = area.height - 2
        for (index, line) in lines.suffix(rows).enumerated() {
            screen.put(line.0, x: 2, y: area.y + 2 + index, maxWidth: area.width - 4, style: line.1)
        }
    }
}

/// Names of the apply's follow-up steps, for the screen.
enum StepText {
    static func name(_ kind: ApplyStep.Kind) -> Phrase {
        switch kind {
        case .download: return "the download"
        case .create: return "the create"
        case .resize: return "growing the imported disk"
        case .template: return "making it a template"
        case .start: return "the start"
        }
    }
}
