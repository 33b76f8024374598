import Foundation

/// Runs one command from an argument vector: no shell is involved, so every argument reaches the program
/// exactly as given. Output (stdout and stderr together) is delivered line by line as it arrives.
public final class CommandRunner: @unchecked Sendable {
    public let argv: [String]
    private let process = Process()
    private let lock = NSLock()
    private var buffer = Data()
    private var collected: [String] = []
    private var onLine: @Sendable (String) -> Void = { _ in }

    public init(argv: [String]) {
        self.argv = argv
    }

    /// Looks a program up like a shell would: a name with a slash is used as is, else searched on PATH.
    public static func resolve(_ program: String, path: String? = ProcessInfo.processInfo.environment["PATH"]) -> String? {
        if program.contains("/") { return FileManager.default.isExecutableFile(atPath: program) ? program : nil }
        for directory in (path ?? "/usr/sbin:/usr/bin:/sbin:/bin").split(separator: ":") {
            let candidate = "\(directory)/\(program)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// All output lines so far.
    public var lines: [String] {
        lock.lock()
        defer { lock.unlock() }
        return collected
    }

    /// Starts the program; `onLine` is called from a background thread for each output line.
    public func start(onLine: @escaping @Sendable (String) -> Void) throws {
        guard let first = argv.first, let executable = Self.resolve(first) else {
            throw FileWriteError("\(argv.first ?? "(nothing)") was not found on PATH")
        }
        self.onLine = onLine
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = Array(argv.dropFirst())
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        pipe.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            self?.receive(data)
        }
        try process.run()
    }

    private func receive(_ data: Data) {
        var complete: [String] = []
        lock.lock()
        if data.isEmpty {
            if !buffer.isEmpty { complete.append(String(decoding: buffer, as: UTF8.self)) }
            buffer.removeAll()
        } else {
            buffer.append(data)
            while let newline = buffer.firstIndex(of: 0x0A) {
                complete.append(String(decoding: buffer[buffer.startIndex..<newline], as: UTF8.self))
                buffer.removeSubrange(buffer.startIndex...newline)
            }
        }
        collected += complete
        let onLine = self.onLine
        lock.unlock()
        for line in complete { onLine(line.replacingOccurrences(of: "\r", with: "")) }
    }

    /// Waits for the program to end and returns its exit status (128+N when killed by signal N).
    public func wait() -> Int32 {
        process.waitUntilExit()
        // Let the last output drain.
        if let handle = (process.standardOutput as? Pipe)?.fileHandleForReading {
            handle.readabilityHandler = nil
            let rest = handle.readDataToEndOfFile()
            receive(rest)
            receive(Data())
        }
        return process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
    }

    public var isRunning: Bool { process.isRunning }

    /// Asks the program to stop the way Ctrl-C in a shell would, so `qm` can roll back what it started.
    public func interrupt() {
        if process.isRunning { kill(process.processIdentifier, SIGINT) }
    }

    public func terminate() {
        if process.isRunning { process.terminate() }
    }
}
