import VMWizardPlatform

/// Creating the VM on the host: checks that it can work, re-checks the VM ID at the last moment, runs
/// `qm create` (or `pvesh create` for another node) and then the start as its own step.
public struct Applier: Sendable {
    public var qm: String
    public var pvesh: String
    /// Root of the host's files (`--root`), to re-read the guest list and check /etc/pve.
    public var root: String
    public var effectiveUserID: UInt32

    public init(qm: String = "qm", pvesh: String = "pvesh", root: String = "/", effectiveUserID: UInt32 = geteuid()) {
        self.qm = qm
        self.pvesh = pvesh
        self.root = root
        self.effectiveUserID = effectiveUserID
    }

    func hostPath(_ relative: String) -> String {
        (root.hasSuffix("/") ? root : root + "/") + relative
    }

    /// Why creating cannot work right now, before anything runs; nil when it can.
    public func preflight(_ model: VMModel) -> Phrase? {
        if model.host.isDemo {
            return "This is the built-in demo host: vmwizard never creates anything here. Use \"Print and exit\" (or --print) to get the exact commands, or run vmwizard on a Proxmox VE node."
        }
        if effectiveUserID != 0 {
            return "Creating a VM needs root: qm and pvesh only run as root. Run vmwizard as root, or use \"Print and exit\" to get the commands."
        }
        let tool = model.createsOnOtherNode ? pvesh : qm
        if CommandRunner.resolve(tool) == nil {
            return "\(tool) was not found on PATH: is this a Proxmox VE node? Use --qm PATH to point at qm."
        }
        if !model.host.quorate || access(hostPath("etc/pve"), W_OK) != 0 {
            return "The cluster has no quorum: /etc/pve is read-only, so Proxmox cannot create a VM now. Wait for quorum (pvecm status) and try again; your answers are kept."
        }
        if let error = model.errors.first { return error.phrase }
        return nil
    }

    /// The guest list as it is now (another admin may have taken the ID while the wizard was open).
    public func currentGuests(fallback: HostInventory) -> [Int: Guest] {
        fallback.isDemo ? fallback.guests : HostInventoryLoader.loadGuests(root: root) ?? fallback.guests
    }

    /// Runs the whole apply; `output` receives each line `qm`/`pvesh` prints. `runner` lets the caller keep a
    /// handle on the running command (to interrupt it).
    public func run(_ model: VMModel, output: @escaping @Sendable (String) -> Void,
                    started: @Sendable (CommandRunner) -> Void = { _ in }) -> ApplyOutcome {
        if let reason = preflight(model) { return .refused(reason) }
        let vmid = model.value(.vmid)
        if let id = Int(vmid), currentGuests(fallback: model.host)[id] != nil {
            var host = model.host
            host.guests = currentGuests(fallback: model.host)
            return .vmidTaken(vmid: vmid, suggestion: host.nextFreeVMID().map(String.init))
        }
        // qm reads the SSH keys from a file: a private one, removed once the create is done (and on every return).
        let keyFile = PVEParameters.sshKeysText(model).flatMap { model.createsOnOtherNode ? nil : TemporaryKeyFile.write($0) }
        defer { keyFile.map(TemporaryKeyFile.remove) }
        if PVEParameters.sshKeysText(model) != nil, !model.createsOnOtherNode, keyFile == nil {
            return .failed("could not write the SSH keys to a temporary file for qm: \(AtomicFile.errnoText())")
        }
        let steps = QmCommand.steps(model, qm: qm, pvesh: pvesh, sshKeysFile: keyFile ?? "/dev/stdin")
        var details: [String] = []
        var outcomes: [StepOutcome] = []
        var created = false
        for step in steps {
            let shown = ShellQuote.line(step.argv)
            // After a failed follow-up the rest is listed, not run.
            if outcomes.contains(where: { $0.error != nil }) {
                outcomes.append(StepOutcome(kind: step.kind, command: shown, ran: false))
                continue
            }
            output("$ " + shown)
            let runner = CommandRunner(argv: step.argv)
            do {
                try runner.start(onLine: output)
            } catch {
                if !created { return .failed("could not run \(step.argv[0]): \(error)") }
                outcomes.append(StepOutcome(kind: step.kind, command: shown, error: "could not run \(step.argv[0]): \(error)"))
                continue
            }
            started(runner)
            let status = runner.wait()
            if !created {
                // Before the VM exists (the download, the create) a failure means nothing was created.
                if status != 0 {
                    let tail = runner.lines.suffix(20).joined(separator: "\n")
                    var failure: Phrase = step.kind == .download ? "downloading the image failed (\(step.argv[0]) exited with status \(status))"
                        : "\(step.argv[0]) exited with status \(status)"
                    if !tail.isEmpty { failure = failure + Phrase.verbatim(":\n\(tail)") }
                    return .failed(failure)
                }
                if step.kind == .create {
                    // qm has read the keys: the file goes now, not only when every step is done.
                    keyFile.map(TemporaryKeyFile.remove)
                    created = true
                    details = runner.lines.filter { $0.contains("successfully created") || $0.contains("successfully imported") }
                }
                continue
            }
            let message = runner.lines.suffix(10).joined(separator: "\n")
            outcomes.append(StepOutcome(kind: step.kind, command: shown,
                                        error: status == 0 ? nil : (message.isEmpty ? "exit status \(status)" : message)))
        }
        return .created(vmid: vmid, details: details, steps: outcomes)
    }
}
