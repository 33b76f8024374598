/// vmwizard's exit statuses (documented in the README and in --help).
enum ExitStatus {
    static let done: Int32 = 0
    static let cancelled: Int32 = 1
    static let invalid: Int32 = 2
    static let applyFailed: Int32 = 3

    static let help = """
        Exit status: 0 done; 1 cancelled by the user (answers kept as a draft); 2 invalid input or usage \
        (bad answers file, invalid values, no terminal without --batch); 3 the apply failed (qm create, the \
        start, or writing the config).
        """
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

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
