import VMWizardPlatform
import VMWizardCore
import VMWizardTerminal
import VMWizardTUI

/// The interactive wizard: the terminal, the state machine, and the effects it asks for.
struct InteractiveSession {
    var host: HostInventory
    var hostNote: Phrase?
    var draft: VMDraft
    var store: DraftStore
    let session: DraftSession
    var root: String
    var qm: String
    var language: Language
    var printFormat: OutputFormat
    var defaultConfigPath: String
    var answersGiven: Bool
    /// Problems of the answers file, shown when the wizard opens (the fields they concern are marked).
    var answerProblems: [AnswersProblem]
    var resume: Bool

    let queue = EventQueue()
    let running = RunningCommand()

    mutating func run() -> Int32 {
        guard isatty(STDIN_FILENO) == 1 || FileManager.default.isReadableFile(atPath: "/dev/tty") else {
            return noTerminal("no terminal is available")
        }
        // Saved drafts: --resume takes the newest one no other session has open; otherwise all are offered.
        var offered: [DraftChoice] = []
        var startDraft = draft
        var startTab: Tab?
        var startNote: Phrase?
        if !answersGiven {
            let (entries, problems) = store.list()
            if let problem = problems.first { startNote = problem }
            if resume {
                if let newest = entries.first(where: { $0.owner == nil }), session.adopt(newest) {
                    startDraft = newest.saved.draft
                    startTab = newest.saved.tab
                    startNote = "Draft resumed: \(choice(newest).vmTitle), saved on \(Self.describe(newest.saved.savedAt))"
                } else if entries.isEmpty {
                    startNote = "No saved draft to resume in \(store.directory): starting fresh"
                } else {
                    startNote = "Every saved draft is open in another session: starting fresh"
                }
            } else {
                offered = entries.map(choice)
            }
        }
        let terminal: CursesTerminal
        do {
            terminal = try CursesTerminal(color: ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true)
        } catch {
            return noTerminal("\(error)")
        }
        let prefs = store.loadPreferences()
        let options = WizardOptions(
            canApply: !host.isDemo,
            defaultConfigPath: defaultConfigPath.isEmpty || defaultConfigPath.hasPrefix("/")
                ? defaultConfigPath : FileManager.default.currentDirectoryPath + "/" + defaultConfigPath,
            language: language, workingDirectory: FileManager.default.currentDirectoryPath)
        let size = terminal.size
        var state = WizardState(
            model: VMModel(draft: startDraft, host: host), options: options, showAdvanced: prefs.showAdvanced,
            width: size.width, height: size.height)
        if let startTab, startTab != .confirm, !state.isLocked(startTab) { state.go(to: startTab) }
        if !offered.isEmpty { state.overlay = .resumeDraft(drafts: offered, selected: offered.firstIndex { $0.inUseBy == nil } ?? 0) }
        if let startNote { state.status = startNote }
        if !answerProblems.isEmpty {
            let shown = answerProblems.prefix(8).map { problem -> Phrase in
                problem.location.isEmpty ? problem.phrase : "\(Phrase.verbatim(problem.location)): \(problem.phrase)"
            }
            let more: Phrase = answerProblems.count > 8 ? "(and \(answerProblems.count - 8) more)" : .empty
            state.overlay = .message(
                title: "The answers file has problems",
                text: "Every answer that could be read is filled in; the fields with problems are marked:\n\(Phrase.lines(shown))\n\(more)",
                isError: true)
        }
        if let hostNote { state.status = hostNote }
        if let firstWarning = host.warnings.first {
            state.status = host.warnings.count > 1
                ? "Host: \(firstWarning) (+\(host.warnings.count - 1) more)" : "Host: \(firstWarning)"
            state.statusIsError = true
        }
        startLateHostLoading()
        var applyStarted: Date?
        var exitCode: Int32?
        var quitNote: Phrase?
        while exitCode == nil {
            var effects: [Effect] = []
            for event in queue.drain() {
                // A VM that exists needs no draft any more.
                if case .applyFinished(.created) = event { session.remove() }
                effects += state.update(event)
            }
            terminal.draw(state.render())
            switch terminal.read() {
            case .key(let key): effects += state.update(.key(key))
            case .resize(let width, let height):
                effects += state.update(.resize(width: width, height: height))
                terminal.invalidate()
            case .idle:
                if let applyStarted, state.apply?.outcome == nil {
                    effects += state.update(.tick(elapsed: Date().timeIntervalSince(applyStarted)))
                }
            case .signal(let signal):
                let saved = saveDraft(state)
                let stillRunning = Self.applyRunning(state) ? stopRunningCommand() : nil
                terminal.restore()
                let name: Phrase = signal == SIGHUP ? "the terminal went away (SIGHUP)"
                    : signal == SIGTERM ? "terminated (SIGTERM)" : signal == SIGQUIT ? "quit (SIGQUIT)" : "interrupted"
                printError("vmwizard: " + Phrase("\(name); \(draftNote(saved))").text(language))
                if let stillRunning { printError("vmwizard: " + leftRunning(stillRunning, vmid: state.model.value(.vmid)).text(language)) }
                return ExitStatus.cancelled
            }
            for effect in effects {
                switch effect {
                case .quit(let code):
                    if code != 0 { quitNote = draftNote(saveDraft(state)) }
                    if Self.applyRunning(state), let current = stopRunningCommand() {
                        terminal.restore()
                        printError("vmwizard: " + leftRunning(current, vmid: state.model.value(.vmid)).text(language))
                    }
                    exitCode = code
                case .saveDraft: queue.post(.draftSaved(saveDraft(state) ?? .saved(path: "")))
                case .adoptDraft(let id, let path):
                    if let entry = store.list().entries.first(where: { $0.id == id && $0.path == path }), !session.adopt(entry) {
                        state.setStatus("That draft was just opened by another session: your changes are saved as a new draft", error: true)
                    }
                case .discardDraft(let id, let path):
                    if let entry = store.list().entries.first(where: { $0.id == id && $0.path == path }) { store.discard(entry) }
                case .savePreferences:
                    try? store.savePreferences(DraftStore.Preferences(showAdvanced: state.showAdvanced))
                case .repaint: terminal.invalidate()
                case .loadRemoteNode(let node):
                    let storages = state.model.storages(withContent: "iso").map(\.id)
                    let queue = self.queue
                    DetachedThread.start {
                        let resources = RemoteNodeLoader().load(node: node, isoStorages: storages)
                        queue.post(.remoteNodeLoaded(node: node, resources))
                    }
                case .readKeyFile(let path):
                    let queue = self.queue
                    DetachedThread.start {
                        let result: Result<String, KeyFileError>
                        switch BoundedFile.read(path, limit: 256 * 1024) {
                        case .ok(let bytes): result = .success(String(decoding: bytes, as: UTF8.self))
                        case .missing: result = .failure(KeyFileError("no such file"))
                        case .failed(let reason): result = .failure(KeyFileError(reason))
                        }
                        queue.post(.keyFileRead(path: path, result))
                    }
                case .listVolumes(let storage, let node):
                    let queue = self.queue
                    DetachedThread.start {
                        queue.post(.volumesListed(storage: storage, StorageVolumeLoader().list(storage: storage, node: node)))
                    }
                case .create:
                    applyStarted = Date()
                    startApply(state.model)
                case .interruptApply:
                    running.interrupt()
                case .abandonApply:
                    let saved = saveDraft(state)
                    let current = running.current
                    terminal.restore()
                    if let current {
                        printError("vmwizard: " + leftRunning(current, vmid: state.model.value(.vmid)).text(language))
                    }
                    printError("vmwizard: " + draftNote(saved).text(language))
                    return ExitStatus.cancelled
                case .writeConfig(let path):
                    // The result comes back as an event, like every other answer to an effect.
                    do {
                        queue.post(.configWritten(.success(try ConfigWriter(root: root).write(state.model, to: path))))
                    } catch {
                        queue.post(.configWritten(.failure(ApplyFailure("\(error)"))))
                    }
                case .printAndExit:
                    // The commands are printed: the draft is done with, not unfinished work to offer again.
                    session.remove()
                    terminal.restore()
                    Console.output(printFormat.render(state.model), exact: printFormat != .qm)
                    if let note = printFormat.followUpNote(state.model) { printError("vmwizard: " + note.text(language)) }
                    return ExitStatus.done
                }
            }
        }
        terminal.restore()
        if let quitNote { printError("vmwizard: " + quitNote.text(language)) }
        if let outcome = state.apply?.outcome, case .created(let vmid, _, let steps) = outcome {
            let template = steps.contains { $0.kind == .template && $0.succeeded }
            Console.outputLine("created VM \(vmid) on node \(state.model.targetNode)"
                + (outcome.started == true ? " and started it" : (template ? " as a template" : "")))
            if let failed = outcome.failedStep {
                printError("vmwizard: " + Phrase("VM \(vmid) was created, but \(failed.command) failed").text(language))
                return ExitStatus.applyFailed
            }
        }
        return exitCode ?? ExitStatus.done
    }


    static func applyRunning(_ state: WizardState) -> Bool {
        state.apply != nil && state.apply?.outcome == nil
    }

    func noTerminal(_ reason: String) -> Int32 {
        printError("""
            vmwizard: \(reason).
            The wizard needs a terminal. Without one, use batch mode:
              vmwizard --batch --answers FILE --print qm   (validate and print the commands)
              vmwizard --batch --answers FILE              (create the VM)
            FILE is a VM config (.conf) or a JSON object of config keys; see vmwizard --help.
            """)
        return ExitStatus.invalid
    }

    /// Saves the answers in this session's own draft; nil when there was nothing to save (an untouched wizard
    /// is not worth resuming).
    @discardableResult
    func saveDraft(_ state: WizardState) -> DraftSaveResult? {
        if state.model.draft == .fresh && session.path == nil { return nil }
        return session.save(state.model.draft, node: state.model.host.localNode, tab: state.tab, vmid: state.model.value(.vmid))
    }

    /// The truth about the answers, for the last line vmwizard prints.
    func draftNote(_ result: DraftSaveResult?) -> Phrase {
        switch result {
        case nil: return "nothing was entered yet, so no draft was saved"
        case .saved?: return "your answers are saved: run vmwizard --resume to continue"
        case .savedElsewhere(let path, let reason)?:
            return "your answers are saved in \(path) (the usual place failed: \(reason)): run vmwizard --resume to continue"
        case .failed(let reason)?: return "your answers could NOT be saved (\(reason))"
        }
    }

    /// A saved draft as the resume dialog shows it.
    func choice(_ entry: DraftStore.Entry) -> DraftChoice {
        let owner = entry.owner.map { Phrase("PID \($0.pid) on \($0.terminal), since \(Self.describe($0.startedAt))").text(language) }
        return DraftChoice(id: entry.id, path: entry.path, draft: entry.saved.draft, tab: entry.saved.tab,
                           savedAt: Self.describe(entry.saved.savedAt), inUseBy: owner, vmid: entry.vmid)
    }

    /// Passes an interrupt to the running step and gives it time to roll back, as `qm` does on Ctrl-C in a
    /// shell; what is still running after that (never left silently) is returned.
    func stopRunningCommand() -> (command: String, pid: Int32)? {
        running.interrupt()
        let deadline = Date().addingTimeInterval(10)
        while !running.isFinished && Date() < deadline { usleep(50_000) }
        return running.current
    }

    /// What vmwizard left running, and how to check on it.
    func leftRunning(_ step: (command: String, pid: Int32), vmid: String) -> Phrase {
        "still running after Ctrl-C, left running: \(step.command) (PID \(step.pid)). Check on it with 'ps -p \(step.pid)'; when it ends, 'qm status \(vmid)' shows whether VM \(vmid) was created."
    }

    /// Runs the apply on a background thread; its output and result come back as events.
    func startApply(_ model: VMModel) {
        let queue = self.queue
        let running = self.running
        let applier = Applier(qm: qm, root: root)
        DetachedThread.start {
            let outcome = applier.run(model, output: { queue.post(.applyOutput($0)) }, started: { runner in
                running.set(runner)
                queue.post(.applyStep(command: ShellQuote.line(runner.argv), pid: runner.pid ?? 0))
            })
            running.set(nil)
            running.markFinished()
            queue.post(.applyFinished(outcome))
        }
    }

    /// ISO lists of network storages are read in the background, so a dead NFS server cannot stall the start.
    func startLateHostLoading() {
        guard !host.isDemo else { return }
        let queue = self.queue
        let host = self.host
        let root = self.root
        // The node's devices for passthrough: a few hundred small sysfs files, off the first frame's path.
        DetachedThread.start {
            queue.post(.passthroughRead(PassthroughInventoryLoader.load(root: root, nodeName: host.localNode)))
        }
        guard !host.isoListingPending.isEmpty else { return }
        Task.detached {
            let results = await HostInventoryLoader.listPendingISOs(for: host, root: root, timeout: .seconds(3))
            queue.post(.isoListingsArrived(results))
        }
    }

    /// "2025-01-31 14:05" in local time (FoundationEssentials has no DateFormatter and knows no zone but UTC).
    static func describe(_ date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var local = tm()
        localtime_r(&seconds, &local)
        var buffer = [CChar](repeating: 0, count: 32)
        let count = strftime(&buffer, buffer.count, "%Y-%m-%d %H:%M", &local)
        return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
