/// A key press, decoded by the terminal backend.
public enum Key: Hashable, Sendable {
    case char(Character)
    case enter, tab, backTab, escape, backspace, delete, insert
    case up, down, left, right, home, end, pageUp, pageDown
    case function(Int)
    /// Ctrl plus a letter, lower case ("c" for Ctrl-C).
    case ctrl(Character)
    /// Text the terminal delivered as a bracketed paste: it goes into a text field as text, never as keys.
    case paste(String)
}

/// Everything that can change the wizard's state: keys, terminal size, time, and answers to effects.
public enum Event: Sendable {
    case key(Key)
    case resize(width: Int, height: Int)
    /// Periodic tick while something runs (spinner, elapsed time), with the seconds since it started.
    case tick(elapsed: Double)
    /// ISO lists of network storages, read in the background, arrived.
    case isoListingsArrived([ISOListingResult])
    /// Another node's bridges and ISO lists arrived (or could not be read).
    case remoteNodeLoaded(node: String, RemoteNodeResources)
    /// A line of output from the running `qm`/`pvesh` step.
    case applyOutput(String)
    /// The apply ended.
    case applyFinished(ApplyOutcome)
    /// Result of writing the config file: the path written, or why not.
    case configWritten(Result<String, ApplyFailure>)
}

import VMWizardCore

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
    /// Read another node's bridges and ISO lists (pvesh, in the background).
    case loadRemoteNode(String)
}
