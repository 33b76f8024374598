import VMWizardPlatform

/// Runs one command from an argument vector: no shell is involved, so every argument reaches the program
/// exactly as given. Output (stdout and stderr together) is delivered line by line as it arrives.
public final class CommandRunner: @unchecked Sendable {
    public let argv: [String]
    private let lock = Lock()
    private var child: ChildProcess?
    private var buffer: [UInt8] = []
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
        lock.withLock { collected }
    }

    /// Starts the program; `onLine` is called from a background thread for each output line.
    public func start(onLine: @escaping @Sendable (String) -> Void) throws {
        guard let first = argv.first, let executable = Self.resolve(first) else {
            throw FileWriteError("\(argv.first ?? "(nothing)") was not found on PATH")
        }
        lock.withLock { self.onLine = onLine }
        let started = try ChildProcess.spawn(executable: executable, arguments: Array(argv.dropFirst())) { [self] data in
            receive(data)
        }
        lock.withLock { child = started }
    }

    private func receive(_ data: [UInt8]) {
        var complete: [String] = []
        let onLine = lock.withLock {
            if data.isEmpty {
                if !buffer.isEmpty { complete.append(String(decoding: buffer, as: UTF8.self)) }
                buffer.removeAll()
            } else {
                buffer.append(contentsOf: data)
                var start = 0
                while let newline = buffer[start...].firstIndex(of: 0x0A) {
                    complete.append(String(decoding: buffer[start..<newline], as: UTF8.self))
                    start = newline + 1
                }
                buffer.removeFirst(start)
            }
            collected += complete
            return self.onLine
        }
        for line in complete { onLine(line.replacingOccurrences(of: "\r", with: "")) }
    }

    /// Waits for the program to end and returns its exit status (128+N when killed by signal N).
    public func wait() -> Int32 {
        guard let child = lock.withLock({ child }) else { return 127 }
        let status = child.waitForExit()
        // Let the last output drain.
        child.waitForOutputEnd()
        return status
    }

    public var isRunning: Bool { lock.withLock { child }?.isRunning ?? false }

    /// Asks the program to stop the way Ctrl-C in a shell would, so `qm` can roll back what it started.
    public func interrupt() {
        lock.withLock { child }?.signal(SIGINT)
    }

    public func terminate() {
        lock.withLock { child }?.signal(SIGTERM)
    }
}
