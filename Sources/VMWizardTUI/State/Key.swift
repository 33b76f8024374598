/// A key press, decoded by the terminal backend.
public enum Key: Hashable, Sendable {
    case char(Character)
    case enter, tab, backTab, escape, backspace, delete, insert
    case up, down, left, right, home, end, pageUp, pageDown
    case function(Int)
    /// Ctrl plus a letter, lower case ("c" for Ctrl-C).
    case ctrl(Character)
}

/// Everything that can change the wizard's state: keys, terminal size, time, and answers to effects.
public enum Event: Sendable {
    case key(Key)
    case resize(width: Int, height: Int)
    /// Periodic tick while something runs (spinner, elapsed time), with the seconds since it started.
    case tick(elapsed: Double)
    /// The host inventory changed (a late ISO listing arrived, or another node's data).
    case hostUpdated(HostInventoryUpdate)
    /// A line of output from the running `qm`/`pvesh` step.
    case applyOutput(String)
    /// The apply ended.
    case applyFinished(ApplyOutcome)
    /// Result of writing the config file: the path written, or why not.
    case configWritten(Result<String, ApplyFailure>)
}

import VMWizardCore

/// New host data that arrived in the background.
public struct HostInventoryUpdate: Sendable {
    public var host: HostInventory
    public var note: String?
    public init(host: HostInventory, note: String? = nil) {
        self.host = host
        self.note = note
    }
}

/// What the state machine asks the runtime to do.
public enum Effect: Sendable, Equatable {
    /// Leave with this exit status (0 done, 1 cancelled).
    case quit(Int32)
    /// Run the create (and start) for the current model.
    case create
    case writeConfig(path: String)
    /// Print the commands to stdout and exit 0.
    case printAndExit
    /// The draft changed: save it.
    case saveDraft
    /// The Advanced toggle changed: remember it.
    case savePreferences
    /// Redraw everything (Ctrl-L).
    case repaint
}
