public struct ApplyFailure: Error, Sendable, Equatable {
    public var message: String
    public init(_ message: String) { self.message = message }
}

/// How an apply ended, as the runtime reports it.
public enum ApplyOutcome: Sendable, Equatable {
    /// The VM exists; `steps` are the follow-ups after the create (resize, template, start), each with how it
    /// went. A failed step stops the ones after it (they are listed as not run).
    case created(vmid: String, details: [String], steps: [StepOutcome])
    /// Nothing was created (or `qm` rolled back); the user is back in the wizard with every answer.
    case failed(Phrase)
    /// Refused before running anything (demo host, not root, no qm, no quorum…).
    case refused(Phrase)
    /// The VM ID was taken meanwhile; `suggestion` is the next free one.
    case vmidTaken(vmid: String, suggestion: String?)
}


/// How one follow-up step after the create went.
public struct StepOutcome: Sendable, Equatable {
    public var kind: ApplyStep.Kind
    /// The command as shown (`qm disk resize 103 scsi0 32G`).
    public var command: String
    /// nil when it worked (or did not run); else why it failed.
    public var error: String?
    /// False when an earlier step failed, so this one was not tried.
    public var ran: Bool

    public init(kind: ApplyStep.Kind, command: String, error: String? = nil, ran: Bool = true) {
        self.kind = kind
        self.command = command
        self.error = error
        self.ran = ran
    }

    public var succeeded: Bool { ran && error == nil }
}

extension ApplyOutcome {
    /// For a created VM: whether the start step ran and worked (nil: no start was asked for).
    public var started: Bool? {
        guard case .created(_, _, let steps) = self, let start = steps.first(where: { $0.kind == .start }) else { return nil }
        return start.succeeded
    }

    /// For a created VM: the follow-up that failed, if one did.
    public var failedStep: StepOutcome? {
        guard case .created(_, _, let steps) = self else { return nil }
        return steps.first { $0.ran && $0.error != nil }
    }
}
