import VMWizardPlatform

/// Runs one command from an argument vector: no shell is involved, so every argument reaches the program
/// exactly as given. Output (stdout and stderr together) is delivered line by line as it arrives.
public final class CommandRunner: @unchecked Sendable {
    public let argv: [String]
    private let lock = Lock()
    private var child: ChildProcess?
    /// The line being received: at most `maxLineBytes` kept, the rest only counted.
    private var partial: [UInt8] = []
    private var partialDropped = 0
    private var collected: [String] = []
    private var linesDropped = 0
    private var onLine: @Sendable (String) -> Void = { _ in }

    /// A line longer than this is cut (with a note of how much was cut) for the report and the screen.
    public static let maxLineBytes = 64 * 1024
    /// Lines kept for the failure report; older ones are dropped (and counted).
    public static let maxLines = 5000
    /// What one line may take on the screen.
    public static let maxDisplayCharacters = 1000

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

    /// Output arrives in chunks; each byte is looked at once (a 1 MB line without a newline costs no more than
    /// a thousand short ones), and memory stays bounded whatever the program prints.
    private func receive(_ data: [UInt8]) {
        var complete: [(text: String, dropped: Int)] = []
        let onLine = lock.withLock {
            if data.isEmpty {
                if !partial.isEmpty || partialDropped > 0 { complete.append(finishLine()) }
            } else {
                var start = data.startIndex
                while let newline = data[start...].firstIndex(of: 0x0A) {
                    append(data[start..<newline])
                    complete.append(finishLine())
                    start = newline + 1
                }
                append(data[start...])
            }
            for line in complete { keep(line.dropped > 0 ? line.text + " … [\(line.dropped) more bytes]" : line.text) }
            return self.onLine
        }
        for line in complete { onLine(Self.forDisplay(line.text, dropped: line.dropped)) }
    }

    private func append(_ bytes: ArraySlice<UInt8>) {
        let room = Self.maxLineBytes - partial.count
        if bytes.count <= room {
            partial.append(contentsOf: bytes)
        } else {
            partial.append(contentsOf: bytes.prefix(max(0, room)))
            partialDropped += bytes.count - max(0, room)
        }
    }

    /// The received line as safe text: a carriage return (a progress bar redrawing itself) keeps what came
    /// after it, invalid UTF-8 and control characters are escaped by the terminal sanitiser.
    private func finishLine() -> (text: String, dropped: Int) {
        var bytes = partial[...]
        while bytes.last == 0x0D { bytes = bytes.dropLast() }
        if let lastCR = bytes.lastIndex(of: 0x0D) { bytes = bytes[(lastCR + 1)...] }
        let line = (TerminalText.visible(bytes: bytes, keeping: ["\t"]), partialDropped)
        partial.removeAll(keepingCapacity: true)
        partialDropped = 0
        return line
    }

    private func keep(_ line: String) {
        collected.append(line)
        if collected.count > Self.maxLines {
            collected.removeFirst(collected.count - Self.maxLines)
            linesDropped += 1
        }
    }

    /// A line cut to what the screen shows, saying how many bytes it does not show.
    static func forDisplay(_ line: String, dropped: Int) -> String {
        guard line.count > maxDisplayCharacters || dropped > 0 else { return line }
        let shown = String(line.prefix(maxDisplayCharacters))
        let hidden = dropped + line.utf8.count - shown.utf8.count
        return hidden > 0 ? shown + " … [\(hidden) more bytes]" : shown
    }

    /// Waits for the program to end and returns its exit status (128+N when killed by signal N).
    public func wait() -> Int32 {
        guard let child = lock.withLock({ child }) else { return 127 }
        let status = child.waitForExit()
        // Let the last output drain, but do not wait for a child the program left behind holding the pipe.
        child.waitForOutputEnd(timeout: Self.drainSeconds)
        return status
    }

    /// How long output may still arrive after the program exited.
    public static let drainSeconds = 2.0

    /// The program's process ID, while it has one.
    public var pid: Int32? { lock.withLock { child }?.pid }

    public var isRunning: Bool { lock.withLock { child }?.isRunning ?? false }

    /// Asks the program to stop the way Ctrl-C in a shell would, so `qm` can roll back what it started.
    public func interrupt() {
        lock.withLock { child }?.signalGroup(SIGINT)
    }

    public func terminate() {
        lock.withLock { child }?.signal(SIGTERM)
    }
}
