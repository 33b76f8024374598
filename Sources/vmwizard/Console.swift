import VMWizardPlatform
import VMWizardCore

/// Every byte vmwizard writes to stdout or stderr goes through here, and so through the terminal sanitiser.
/// Messages are always sanitised (line breaks and tabs kept). A result meant for a file or a program
/// (`--print conf|json`) is written byte for byte when stdout is not a terminal, sanitised when it is.
enum Console {
    /// A message line on standard error.
    static func error(_ text: String) {
        writeAll(STDERR_FILENO, Array((TerminalText.message(text) + "\n").utf8))
    }

    /// A result on standard output; `exact` keeps its bytes when stdout is a pipe or a file.
    static func output(_ text: String, exact: Bool = false) {
        let safe = exact && isatty(STDOUT_FILENO) != 1 ? text : TerminalText.message(text)
        writeAll(STDOUT_FILENO, Array(safe.utf8))
    }

    /// A line of result on standard output (always sanitised).
    static func outputLine(_ text: String) {
        output(text + "\n")
    }
}

/// Writes a line to standard error, sanitised.
func printError(_ text: String) {
    Console.error(text)
}

/// Unbuffered: every byte, retrying after interruptions.
private func writeAll(_ fd: Int32, _ bytes: [UInt8]) {
    var offset = 0
    while offset < bytes.count {
        let written = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        if written < 0 && errno == EINTR { continue }
        if written <= 0 { return }
        offset += written
    }
}
