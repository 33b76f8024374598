public struct ApplyFailure: Error, Sendable, Equatable {
    public var message: String
    public init(_ message: String) { self.message = message }
}

/// How an apply ended, as the runtime reports it.
public enum ApplyOutcome: Sendable, Equatable {
    /// The VM exists; `started` tells whether the start step ran and succeeded (nil: not requested).
    case created(vmid: String, details: [String], started: Bool?, startError: String?)
    /// Nothing was created (or `qm` rolled back); the user is back in the wizard with every answer.
    case failed(Phrase)
    /// Refused before running anything (demo host, not root, no qm, no quorum…).
    case refused(Phrase)
    /// The VM ID was taken meanwhile; `suggestion` is the next free one.
    case vmidTaken(vmid: String, suggestion: String?)
}

