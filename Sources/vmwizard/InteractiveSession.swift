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
    var root: String
    var qm: String
    var language: Language
    var printFormat: OutputFormat
    var defaultConfigPath: String
    var answersGiven: Bool
    var resume: Bool

    let queue = EventQueue()
    let running = RunningCommand()

    mutating func run() -> Int32 {
        guard isatty(STDIN_FILENO) == 1 || FileManager.default.isReadableFile(atPath: "/dev/tty") else {
            return noTerminal("no terminal is available")
        }
        var pendingDraft: (VMDraft, String)?
        var startDraft = draft
        if !answersGiven {
            do {
                if let saved = try store.loadDraft() {
                    let when = Self.describe(saved.savedAt)
                    if resume { startDraft = saved.draft } else { pendingDraft = (saved.draft, when) }
                } else if resume {
                    let message: Phrase = "no saved draft to resume in \(store.directory); starting fresh"
                    printError("vmwizard: " + message.text(language))
                }
            } catch {
                printError("vmwizard: \(error)")
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
            canApply: !host.isDemo, defaultConfigPath: defaultConfigPath, language: language)
        let size = terminal.size
        var state = WizardState(
            model: VMModel(draft: startDraft, host: host), options: options, showAdvanced: prefs.showAdvanced,
            width: size.width, height: size.height)
        if let (saved, when) = pendingDraft {
            state.pendingDraft = saved
            state.overlay = .resumeDraft(savedAt: when)
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
        while exitCode == nil {
            var effects: [Effect] = []
            for event in queue.drain() {
                // A VM that exists needs no draft any more.
                if case .applyFinished(.created) = event { store.removeDraft() }
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
                if Self.applyRunning(state) { stopRunningCommand() }
                terminal.restore()
                let name: Phrase = signal == SIGHUP ? "the terminal went away (SIGHUP)" : signal == SIGTERM ? "terminated (SIGTERM)" : "interrupted"
                let message: Phrase = saved
                    ? "\(name); your answers are saved: run vmwizard --resume to continue" : "\(name); nothing was entered yet"
                printError("vmwizard: " + message.text(language))
                return ExitStatus.cancelled
            }
            for effect in effects {
                switch effect {
                case .quit(let code):
                    if code != 0 { saveDraft(state) }
                    if Self.applyRunning(state) { stopRunningCommand() }
                    exitCode = code
                case .saveDraft: saveDraft(state)
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
                case .create:
                    applyStarted = Date()
                    startApply(state.model)
                case .writeConfig(let path):
                    // The result comes back as an event, like every other answer to an effect.
                    do {
                        queue.post(.configWritten(.success(try ConfigWriter(root: root).write(state.model, to: path))))
                    } catch {
                        queue.post(.configWritten(.failure(ApplyFailure("\(error)"))))
                    }
                case .printAndExit:
                    saveDraft(state)
                    terminal.restore()
                    Console.output(printFormat.render(state.model), exact: printFormat != .qm)
                    return ExitStatus.done
                }
            }
        }
        terminal.restore()
        if let outcome = state.apply?.outcome, case .created(let vmid, _, let started, _) = outcome {
            Console.outputLine("created VM \(vmid) on node \(state.model.targetNode)" + (started == true ? " and started it" : ""))
            if started == false { return ExitStatus.applyFailed }
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

    /// Saves the answers; false when there was nothing to save (or it could not be written).
    @discardableResult
    func saveDraft(_ state: WizardState) -> Bool {
        // Nothing typed: an untouched wizard is not worth resuming, and must not replace an older draft.
        if state.model.draft == .fresh { return false }
        do {
            try store.saveDraft(state.model.draft, node: state.model.host.localNode)
            return true
        } catch {
            return false
        }
    }

    func stopRunningCommand() {
        running.interrupt()
        // Give qm time to roll back what it started, as it does on Ctrl-C in a shell.
        let deadline = Date().addingTimeInterval(30)
        while !running.isFinished && Date() < deadline { usleep(50_000) }
    }

    /// Runs the apply on a background thread; its output and result come back as events.
    func startApply(_ model: VMModel) {
        let queue = self.queue
        let running = self.running
        let applier = Applier(qm: qm, root: root)
        DetachedThread.start {
            let outcome = applier.run(model, output: { queue.post(.applyOutput($0)) }, started: { running.set($0) })
            running.set(nil)
            running.markFinished()
            queue.post(.applyFinished(outcome))
        }
    }

    /// ISO lists of network storages are read in the background, so a dead NFS server cannot stall the start.
    func startLateHostLoading() {
        guard !host.isDemo, !host.isoListingPending.isEmpty else { return }
        let queue = self.queue
        let host = self.host
        let root = self.root
        Task.detached {
            let results = await HostInventoryLoader.listPendingISOs(for: host, root: root, timeout: .seconds(3))
            queue.post(.isoListingsArrived(results))
        }
    }

    /// "on 2025-01-31 14:05" in local time (FoundationEssentials has no DateFormatter and knows no zone but UTC).
    static func describe(_ date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var local = tm()
        localtime_r(&seconds, &local)
        var buffer = [CChar](repeating: 0, count: 32)
        let count = strftime(&buffer, buffer.count, "%Y-%m-%d %H:%M", &local)
        return "on " + String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
