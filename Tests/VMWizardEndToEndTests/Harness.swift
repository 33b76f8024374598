import Foundation
import Testing

/// Runs the real vmwizard binary inside a private tmux server and reads its screen, as a user over ssh
/// would see it. Nothing here sleeps for a fixed time to wait for the program: it polls the screen.
final class TmuxSession {
    let socket: String
    let workDir: URL
    let statusFile: URL
    let stdoutFile: URL
    private(set) var lastScreen = ""
    private var serverPID: pid_t = 0
    private var panePID: pid_t = 0

    /// - Parameter captureStdout: false leaves stdout on the terminal (to see what reaches it).
    init(command: [String], environment: [String: String] = [:], width: Int = 100, height: Int = 30,
         workDir: URL, wrapInStty: Bool = false, captureStdout: Bool = true) throws {
        self.workDir = workDir
        socket = "vmw-e2e-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        statusFile = workDir.appendingPathComponent("status")
        stdoutFile = workDir.appendingPathComponent("stdout")
        // HOME and TMPDIR too: draft fallback folders live there, and must not be shared between tests.
        var env = ["LANG": "C.UTF-8", "LANGUAGE": "", "TERM": "xterm-256color", "XDG_STATE_HOME": workDir.appendingPathComponent("state").path,
                   "TMPDIR": workDir.path, "HOME": workDir.path]
        env.merge(environment) { _, new in new }
        let envPart = env.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.quote($0.value))" }.joined(separator: " ")
        let redirect = captureStdout ? " > \(Self.quote(stdoutFile.path))" : ""
        var shell = "env \(envPart) \(command.map(Self.quote).joined(separator: " "))\(redirect); echo $? > \(Self.quote(statusFile.path))"
        if wrapInStty {
            let before = workDir.appendingPathComponent("stty-before").path
            let after = workDir.appendingPathComponent("stty-after").path
            shell = "stty -a > \(Self.quote(before)); \(shell); stty -a > \(Self.quote(after))"
        }
        // Keep the pane alive after the program ends, so late output can still be read.
        shell += "; sleep 600"
        try Self.tmux(["-L", socket, "-f", "/dev/null", "new-session", "-d", "-s", "w", "-x", "\(width)", "-y", "\(height)", shell])
        let pids = (try? Self.tmux(["-L", socket, "display-message", "-p", "-t", "w", "#{pid} #{pane_pid}"])) ?? ""
        let numbers = pids.split(whereSeparator: { $0 == " " || $0 == "\n" }).compactMap { pid_t($0) }
        if numbers.count == 2 { (serverPID, panePID) = (numbers[0], numbers[1]) }
    }

    deinit { kill() }

    static func quote(_ word: String) -> String { "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    @discardableResult
    static func tmux(_ arguments: [String]) throws -> String {
        let result = try Spawn.run(["tmux"] + arguments)
        let text = result.stdout + result.stderr
        if result.status != 0 {
            throw E2EError("tmux \(arguments.joined(separator: " ")) failed: \(text)")
        }
        return text
    }

    func capture() -> String {
        lastScreen = (try? Self.tmux(["-L", socket, "capture-pane", "-p", "-t", "w"])) ?? ""
        return lastScreen
    }

    /// Waits until the screen contains `text` (up to `timeout` seconds).
    @discardableResult
    func waitFor(_ text: String, timeout: Double = 15, sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if capture().contains(text) { return true }
            usleep(30_000)
        }
        Issue.record("screen never showed \"\(text)\"; last screen:\n\(lastScreen)", sourceLocation: sourceLocation)
        return false
    }

    /// Waits until `condition` holds for the screen.
    @discardableResult
    func waitUntil(_ what: String, timeout: Double = 15, sourceLocation: SourceLocation = #_sourceLocation,
                   _ condition: (String) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if condition(capture()) { return true }
            usleep(30_000)
        }
        Issue.record("screen never showed \(what); last screen:\n\(lastScreen)", sourceLocation: sourceLocation)
        return false
    }

    /// tmux key names (Tab, Down, Enter, NPage, F10, C-c …).
    func keys(_ names: String...) {
        _ = try? Self.tmux(["-L", socket, "send-keys", "-t", "w"] + names)
    }

    /// Literal text.
    func type(_ text: String) {
        _ = try? Self.tmux(["-L", socket, "send-keys", "-t", "w", "-l", text])
    }

    /// Raw bytes, as a terminal would send them (escape sequences the wizard has no key for).
    func bytes(_ hex: [UInt8]) {
        _ = try? Self.tmux(["-L", socket, "send-keys", "-t", "w", "-H"] + hex.map { String(format: "%02x", $0) })
    }

    /// Pastes `text` the way a terminal does: bracketed when the program asked for it.
    func paste(_ text: String) {
        _ = try? Self.tmux(["-L", socket, "set-buffer", "-b", "e2e", text])
        _ = try? Self.tmux(["-L", socket, "paste-buffer", "-p", "-b", "e2e", "-t", "w"])
    }

    /// A tmux format of the pane, e.g. `#{pane_title}`.
    func display(_ format: String) -> String {
        ((try? Self.tmux(["-L", socket, "display-message", "-p", "-t", "w", format])) ?? "")
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func resize(width: Int, height: Int) {
        _ = try? Self.tmux(["-L", socket, "resize-window", "-t", "w", "-x", "\(width)", "-y", "\(height)"])
    }

    /// The exit status the shell recorded, once the program has ended.
    func waitForExit(timeout: Double = 15) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let text = try? String(contentsOf: statusFile, encoding: .utf8),
               let status = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)) { return status }
            usleep(30_000)
        }
        return nil
    }

    var standardOutput: String { (try? String(contentsOf: stdoutFile, encoding: .utf8)) ?? "" }

    /// Ends the session the way a dropped ssh connection does: the terminal goes away (SIGHUP). Whatever is
    /// still alive a moment later is killed, so no test leaves a server or a program behind.
    func kill() {
        _ = try? Self.tmux(["-L", socket, "kill-server"])
        guard serverPID > 0 else { return }
        let deadline = Date().addingTimeInterval(3)
        while Date() < deadline && (Glibc.kill(serverPID, 0) == 0 || Glibc.kill(-panePID, 0) == 0) { usleep(20_000) }
        if panePID > 0 { _ = Glibc.kill(-panePID, SIGKILL) }
        _ = Glibc.kill(serverPID, SIGKILL)
        serverPID = 0
    }
}

struct E2EError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Paths of the built binaries and a scratch folder per test.
enum E2E {
    /// The vmwizard binary built beside this test bundle.
    static var binary: String {
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var directory = runner.deletingLastPathComponent()
        // The runner may sit inside an .xctest bundle folder.
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("vmwizard")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate.path }
            directory = directory.deletingLastPathComponent()
        }
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return packageRoot.appendingPathComponent(".build/debug/vmwizard").path
    }

    static func scratch(_ name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("vmwizard-e2e-\(name)-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static var tmuxAvailable: Bool {
        (try? TmuxSession.tmux(["-V"])) != nil
    }

    static var isRoot: Bool { geteuid() == 0 }
}
