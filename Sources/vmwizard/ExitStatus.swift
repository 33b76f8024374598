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

/// Writes a line to standard error.
func printError(_ text: String) {
    var stream = StandardError()
    print(text, to: &stream)
}

struct StandardError: TextOutputStream {
    mutating func write(_ string: String) {
        writeAll(STDERR_FILENO, Array(string.utf8))
    }
}

/// Unbuffered, like FileHandle.standardError was: every byte, retrying after interruptions.
private func writeAll(_ fd: Int32, _ bytes: [UInt8]) {
    var offset = 0
    while offset < bytes.count {
        let written = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        if written < 0 && errno == EINTR { continue }
        if written <= 0 { return }
        offset += written
    }
}
