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
    /// The node's PCI and USB devices and mappings, read in the background at start.
    case passthroughRead(PassthroughInventory)
    /// The volumes of a storage whose disks are picked from a list (iSCSI).
    case volumesListed(storage: String, VolumeListing)
    /// A file of SSH public keys the user named was read (its text), or could not be (why).
    case keyFileRead(path: String, Result<String, KeyFileError>)
    /// A step of the apply started: its command line (for the screen) and process ID.
    case applyStep(command: String, pid: Int32)
    /// A line of output from the running `qm`/`pvesh` step.
    case applyOutput(String)
    /// The apply ended.
    case applyFinished(ApplyOutcome)
    /// Result of writing the config file: the path written, or why not.
    case configWritten(Result<String, ApplyFailure>)
    /// What became of the last draft save.
    case draftSaved(DraftSaveResult)
}

import VMWizardCore

/// What the state machine asks the runtime to do.
public enum Effect: Sendable, Equatable {
    /// Leave with this exit status (0 done, 1 cancelled).
    case quit(Int32)
    /// Run the create (and start) for the current model.
    case create
    /// Ctrl-C while a step runs: pass it on to the step, as a shell would, so `qm` can roll back.
    case interruptApply
    /// Ctrl-C again while the step still runs: leave it running and say so (PID, how to check).
    case abandonApply
    case writeConfig(path: String)
    /// Print the commands to stdout and exit 0.
    case printAndExit
    /// The draft changed: save it.
    case saveDraft
    /// A saved draft was resumed: this session takes it over (its lock), so its saves go to that draft.
    case adoptDraft(id: String, path: String)
    /// The user chose to discard a saved draft.
    case discardDraft(id: String, path: String)
    /// The Advanced toggle changed: remember it.
    case savePreferences
    /// Redraw everything (Ctrl-L).
    case repaint
    /// Read another node's bridges and ISO lists (pvesh, in the background).
    case loadRemoteNode(String)
    /// List the volumes of a storage whose disks are picked from a list, in the background.
    case listVolumes(storage: String, node: String)
    /// Read a file of SSH public keys the user named.
    case readKeyFile(path: String)
}

/// Why a key file could not be read.
public struct KeyFileError: Error, Sendable, Equatable {
    public var reason: String
    public init(_ reason: String) { self.reason = reason }
}
