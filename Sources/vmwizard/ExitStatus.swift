import VMWizardPlatform
import VMWizardCore

/// vmwizard's exit statuses (documented in the README, in --help and in the man page), read from the table
/// in VMWizardCore.
enum ExitStatus {
    static let done = ExitCodeTable.done.code
    static let cancelled = ExitCodeTable.cancelled.code
    static let invalid = ExitCodeTable.invalid.code
    static let applyFailed = ExitCodeTable.applyFailed.code
}
