import VMWizardCore

extension WizardState {
    /// The only place state changes: an event in, the new state and the effects for the runtime out.
    /// Total by construction: no force unwraps, every index is checked.
    @discardableResult
    public mutating func update(_ event: Event) -> [Effect] {
        let draftBefore = model.draft
        let advancedBefore = showAdvanced
        var effects: [Effect]
        switch event {
        case .key(let key):
            status = nil
            effects = handle(key)
        case .resize(let newWidth, let newHeight):
            width = max(0, newWidth)
            height = max(0, newHeight)
            effects = []
        case .tick(let elapsed):
            apply?.elapsed = elapsed
            effects = []
        case .isoListingsArrived(let results):
            for result in results { model.host.apply(result) }
            let notes = results.compactMap(\.note)
            if let first = notes.first { setStatus(notes.dropFirst().reduce(first) { "\($0); \($1)" }) }
            effects = []
        case .passthroughRead(let inventory):
            model.host.passthrough = inventory
            if let first = inventory.problems.first { setStatus("passthrough: \(first)", error: true) }
            effects = []
        case .remoteNodeLoaded(let node, let resources):
            model.host.remoteNodes[node] = resources
            if case .failed(let reason) = resources.status { setStatus(reason, error: true) }
            effects = []
        case .keyFileRead(let path, let result):
            effects = []
            switch result {
            case .success(let text): addKeys(fromText: text, origin: .verbatim(path))
            case .failure(let error): setStatus("\(path): \(error.reason)", error: true)
            }
        case .volumesListed(let storage, let listing):
            model.host.existingVolumes[storage] = listing
            if case .failed(let reason) = listing { setStatus(reason, error: true) }
            effects = []
        case .applyStep(let command, let pid):
            apply?.runningCommand = command
            apply?.runningPID = pid
            effects = []
        case .applyOutput(let line):
            apply?.lines.append(line)
            if let count = apply?.lines.count, count > ApplyView.maxLines {
                apply?.lines.removeFirst(count - ApplyView.maxLines)
            }
            effects = []
        case .applyFinished(let outcome):
            effects = finishApply(outcome)
        case .draftSaved(let result):
            effects = []
            switch result {
            case .saved:
                if draftProblem != nil { setStatus("Draft saved again") }
                draftProblem = nil
            case .savedElsewhere(let path, let reason):
                let note: Phrase = "draft saved in \(path) (\(reason))"
                if draftProblem != note { setStatus(note, error: true) }
                draftProblem = note
            case .failed(let reason):
                let note: Phrase = "draft NOT saved: \(reason)"
                if draftProblem != note { setStatus(note, error: true) }
                draftProblem = note
            }
        case .configWritten(let result):
            switch result {
            case .success(let path):
                // A config outside /etc/pve names volumes that do not exist yet: say so, it is not a VM yet.
                let volumes = ConfigFile.predictedVolumes(model, params: PVEParameters.build(model, includeStart: false)).values.sorted()
                let text: Phrase = volumes.isEmpty
                    ? "The VM config was written to \(path)."
                    : "The VM config was written to \(path). The volumes it names (\(volumes.joined(separator: ", "))) do not exist yet: use Create to make the VM, or create them before using this file."
                overlay = .message(title: "Config written", text: text, isError: false)
            case .failure(let failure):
                overlay = .message(title: "Config not written", text: .verbatim(failure.message), isError: true)
            }
            effects = []
        }
        normalize()
        // Another node's bridges and ISOs are read when that node is picked.
        if model.createsOnOtherNode, model.host.remoteNodes[model.targetNode] == nil,
           model.host.nodes.contains(where: { $0.name == model.targetNode }) {
            model.host.remoteNodes[model.targetNode] = .loading
            effects.append(.loadRemoteNode(model.targetNode))
        }
        // An iSCSI storage's LUNs are listed when it is first chosen.
        for storage in model.storagesAwaitingVolumeListing {
            model.host.existingVolumes[storage] = .loading
            effects.append(.listVolumes(storage: storage, node: model.targetNode))
        }
        if model.draft != draftBefore { effects.append(.saveDraft) }
        if showAdvanced != advancedBefore { effects.append(.savePreferences) }
        return effects
    }

    public mutating func setStatus(_ text: Phrase, error: Bool = false) {
        status = text
        statusIsError = error
    }

    mutating func handle(_ key: Key) -> [Effect] {
        if key == .ctrl("c") {
            guard let apply, apply.outcome == nil else { return [.quit(1)] }
            // A step is running: the first Ctrl-C goes to it, the second leaves it running and says so.
            if apply.stopping { return [.abandonApply] }
            self.apply?.stopping = true
            setStatus("Ctrl-C passed on to the running command; waiting for it to finish (Ctrl-C again leaves it running)", error: true)
            return [.interruptApply]
        }
        if key == .ctrl("l") { return [.repaint] }
        if isTooSmall { return [] }
        if case .paste(let text) = key { return paste(text) }
        if let apply {
            return handleApplyScreen(key, apply)
        }
        if overlay != nil { return handleOverlay(key) }
        if let handled = handleGlobal(key) { return handled }
        return handleFocused(key)
    }

    /// Keys that mean the same everywhere on the form.
    mutating func handleGlobal(_ key: Key) -> [Effect]? {
        switch key {
        case .escape:
            overlay = .confirmQuit
        case .function(1):
            overlay = .help(scroll: 0)
        case .char("?") where !focusTakesQuestionMark:
            overlay = .help(scroll: 0)
        case .function(2), .ctrl("a"):
            showAdvanced.toggle()
            setStatus(showAdvanced ? "Advanced options shown" : "Advanced options hidden")
        case .function(10), .ctrl("x"):
            return finish()
        case .pageDown, .ctrl("n"):
            moveTab(by: 1)
        case .pageUp, .ctrl("p"):
            moveTab(by: -1)
        case .tab, .down:
            moveFocus(by: 1)
        case .backTab, .up:
            moveFocus(by: -1)
        case .ctrl("r"):
            resetFocusedField()
        case .char("o") where tab == .confirm && !focusTakesText && !model.keptRows.isEmpty:
            overlay = .keptSettings(selected: 0)
        case .ctrl("f"):
            if tab == .confirm { summaryScroll += 5 } else { helpScroll += 3 }
        case .ctrl("b"):
            if tab == .confirm { summaryScroll = max(0, summaryScroll - 5) } else { helpScroll = max(0, helpScroll - 3) }
        default:
            return nil
        }
        return []
    }

    /// True when "?" is part of a value rather than the help key: only free text can hold it.
    var focusTakesQuestionMark: Bool {
        guard let (spec, _) = focusedField else { return false }
        return spec.kind == .text
    }

    /// True when printable keys go into a text field.
    var focusTakesText: Bool {
        guard let (spec, _) = focusedField else { return false }
        switch spec.kind {
        case .text, .integer, .decimal: return true
        default: return false
        }
    }

    // MARK: Focus and tabs

    mutating func moveFocus(by step: Int) {
        let stops = focusStops
        guard !stops.isEmpty else { return }
        let index = stops.firstIndex(of: focus) ?? 0
        focus = stops[(index + step + stops.count) % stops.count]
        helpScroll = 0
        enterField()
    }

    /// Entering a text field by navigation selects what it holds, as a web form does.
    mutating func enterField() {
        resetCursor()
        textSelected = focusTakesText && focusedField.map { !model.value($0.ref.id, item: $0.ref.item).isEmpty } == true
    }

    public mutating func go(to newTab: Tab) {
        lastFocus[tab] = focus
        tab = newTab
        helpScroll = 0
        summaryScroll = 0
        // Back on a tab, focus returns to the field last used there.
        let stops = focusStops
        if let last = lastFocus[newTab], stops.contains(last) {
            focus = last
        } else {
            focus = stops.first ?? .action(.back)
        }
        enterField()
    }

    mutating func moveTab(by step: Int) {
        guard let target = Tab(rawValue: tab.rawValue + step) else { return }
        if step > 0, let blocking = firstBlockingIssue(before: target) {
            setStatus("Fix this first: \(blocking.phrase)", error: true)
            focusOn(blocking)
            return
        }
        go(to: target)
    }

    /// The first error on a tab before `target`, which locks `target`.
    func firstBlockingIssue(before target: Tab) -> Issue? {
        Tab.allCases.filter { $0 < target }.lazy.compactMap { tab in self.model.issues(in: tab).first(where: \.isError) }.first
    }

    /// Shows the field an issue belongs to: its tab, its disk or NIC, Advanced if needed.
    mutating func focusOn(_ issue: Issue) {
        guard let ref = issue.field, let spec = OptionCatalog.spec(ref.id) else { return }
        if spec.tab != tab { go(to: spec.tab) }
        if spec.scope == .disk, let item = ref.item { selectedDisk = item }
        if spec.scope == .nic, let item = ref.item { selectedNIC = item }
        if spec.scope == .device, let item = ref.item { selectedDevice = item }
        if spec.advanced { showAdvanced = true }
        focus = .field(ref)
        normalize()
        enterField()
    }

    /// F10: to Confirm when everything is valid, else to the first invalid field with its message. On Confirm
    /// it only moves to [Create]: creating takes Enter or Space there, so F10 pressed twice never creates.
    mutating func finish() -> [Effect] {
        if let first = model.errors.first {
            focusOn(first)
            setStatus(first.phrase, error: true)
            return []
        }
        if tab != .confirm { go(to: .confirm) }
        focus = .action(.create)
        textSelected = false
        setStatus(options.canApply ? "Enter to create the VM; Tab to choose Write config or Print and exit"
                                   : "Demo host: Create only explains; Tab to Print and exit")
        return []
    }

    mutating func startCreate() -> [Effect] {
        if let first = model.errors.first {
            focusOn(first)
            setStatus(first.phrase, error: true)
            return []
        }
        guard options.canApply else {
            overlay = .message(
                title: "Demo host",
                text: "This is the built-in demo host: vmwizard never creates anything here. Use \"Print and exit\" to get the exact commands, or run vmwizard on a Proxmox VE node.",
                isError: false)
            return []
        }
        apply = ApplyView()
        return [.create]
    }

    mutating func resetFocusedField() {
        guard let (spec, ref) = focusedField else { return }
        guard model.isUserSet(ref.id, item: ref.item) else {
            setStatus("\(spec.label) already follows its default")
            return
        }
        model.reset(ref.id, item: ref.item)
        resetCursor()
        setStatus("\(spec.label) reset to its default: \(model.displayValue(ref.id, item: ref.item, language: options.language))")
    }

    // MARK: Apply screen

    mutating func handleApplyScreen(_ key: Key, _ view: ApplyView) -> [Effect] {
        guard let outcome = view.outcome else { return [] }  // running: only Ctrl-C (handled above)
        guard key == .enter || key == .escape || key == .char("q") else { return [] }
        if case .created = outcome { return [.quit(0)] }
        apply = nil
        return []
    }

    mutating func finishApply(_ outcome: ApplyOutcome) -> [Effect] {
        switch outcome {
        case .vmidTaken(let vmid, let suggestion):
            apply = nil
            if let suggestion {
                overlay = .vmidTaken(vmid: vmid, suggestion: suggestion)
            } else {
                overlay = .message(title: "VM ID taken", text: "VM ID \(vmid) was taken meanwhile and no free ID is left in the next-id range.", isError: true)
            }
        case .refused(let reason):
            apply = nil
            overlay = .message(title: "Cannot create", text: reason, isError: true)
        case .created, .failed:
            if apply == nil { apply = ApplyView() }
            apply?.outcome = outcome
        }
        return []
    }
}
