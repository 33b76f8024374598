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
        let steps = QmCommand.plan(model, qm: qm, pvesh: pvesh)
        guard let create = steps.first else { return .failed("nothing to run") }
        output("$ " + ShellQuote.line(create))
        let creator = CommandRunner(argv: create)
        do {
            try creator.start(onLine: output)
        } catch {
            return .failed("could not run \(create[0]): \(error)")
        }
        started(creator)
        let status = creator.wait()
        if status != 0 {
            let tail = creator.lines.suffix(20).joined(separator: "\n")
            var failure: Phrase = "\(create[0]) exited with status \(status)"
            if !tail.isEmpty { failure = failure + Phrase.verbatim(":\n\(tail)") }
            return .failed(failure)
        }
        let details = creator.lines.filter { $0.contains("successfully created") || $0.contains("successfully imported") }
        guard steps.count > 1 else {
            return .created(vmid: vmid, details: details, started: nil, startError: nil)
        }
        let startCommand = steps[1]
        output("$ " + ShellQuote.line(startCommand))
        let starter = CommandRunner(argv: startCommand)
        do {
            try starter.start(onLine: output)
        } catch {
            return .created(vmid: vmid, details: details, started: false, startError: "could not run \(startCommand[0]): \(error)")
        }
        started(starter)
        let startStatus = starter.wait()
        if startStatus != 0 {
            let message = starter.lines.suffix(10).joined(separator: "\n")
            return .created(vmid: vmid, details: details, started: false,
                            startError: message.isEmpty ? "exit status \(startStatus)" : message)
        }
        return .created(vmid: vmid, details: details, started: true, startError: nil)
    }
}
