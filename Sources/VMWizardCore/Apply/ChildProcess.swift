import VMWizardPlatform
import Dispatch

/// What CommandRunner used of Foundation's Process, with posix_spawn: the program runs with stdin on
/// /dev/null and stdout and stderr on one pipe, in a process group of its own (so the terminal's Ctrl-C and
/// hang-up reach vmwizard, which decides what to forward), with no inherited descriptor beyond those three,
/// an empty signal mask and default signal handling. One thread reads the pipe, another waits for the exit.
final class ChildProcess: @unchecked Sendable {
    let pid: pid_t
    private let lock = Lock()
    private var status: Int32?
    private let exited = DispatchSemaphore(value: 0)
    private let outputEnded = DispatchSemaphore(value: 0)

    private init(pid: pid_t) {
        self.pid = pid
    }

    /// Starts `executable` with `arguments` (argv[0] is the path, as Foundation passed it); `output` gets each
    /// chunk read, then an empty chunk at the end of the output.
    static func spawn(executable: String, arguments: [String],
                      output: @escaping @Sendable ([UInt8]) -> Void) throws -> ChildProcess {
        let (pid, readEnd) = try spawnLock.withLock { try spawnLocked(executable: executable, arguments: arguments) }
        let child = ChildProcess(pid: pid)
        DetachedThread.start {
            var chunk = [UInt8](repeating: 0, count: 65536)
            while true {
                let count = chunk.withUnsafeMutableBytes { read(readEnd, $0.baseAddress, $0.count) }
                if count > 0 {
                    output(Array(chunk[0..<count]))
                } else if count < 0 && errno == EINTR {
                    continue
                } else {
                    break
                }
            }
            close(readEnd)
            output([])
            child.outputEnded.signal()
        }
        DetachedThread.start { child.collectExit() }
        return child
    }

    /// Our spawns one at a time: the pipe is made close-on-exec in two steps (pipe2 is not in Swift's Glibc
    /// module), and no other child of ours may be started in between and inherit it.
    private static let spawnLock = Lock()

    private static func spawnLocked(executable: String, arguments: [String]) throws -> (pid_t, Int32) {
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else {
            throw FileWriteError("cannot create a pipe: \(String(cString: strerror(errno)))")
        }
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
        posix_spawn_file_actions_adddup2(&actions, fds[1], 2)
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        // Like Foundation's Process: nothing beyond stdin, stdout and stderr is inherited.
        for fd in openDescriptors() where fd > 2 { posix_spawn_file_actions_addclose(&actions, fd) }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        // The wizard catches SIGINT, SIGTERM and SIGHUP and ignores SIGPIPE; qm gets the defaults.
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP))

        let cArguments = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { cArguments.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, &attributes, cArguments, environ)
        close(fds[1])
        guard spawned == 0 else {
            close(fds[0])
            throw FileWriteError(String(cString: strerror(spawned)))
        }
        return (pid, fds[0])
    }

    /// The descriptors open in this process.
    private static func openDescriptors() -> [Int32] {
        if let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd") {
            return entries.compactMap { Int32($0) }
        }
        return Array(0..<Int32(clamping: sysconf(Int32(_SC_OPEN_MAX))))
    }

    /// Waits for the exit without reaping first, then reaps under the lock: while `status` is nil the pid
    /// cannot belong to another process, so `signal` never hits a stranger.
    private func collectExit() {
        var info = siginfo_t()
        while waitid(P_PID, id_t(pid), &info, WEXITED | WNOWAIT) != 0 && errno == EINTR {}
        lock.withLock {
            var raw: Int32 = 0
            while waitpid(pid, &raw, 0) < 0 && errno == EINTR {}
            status = (raw & 0x7F) == 0 ? (raw >> 8) & 0xFF : 128 + (raw & 0x7F)
        }
        exited.signal()
    }

    var isRunning: Bool { lock.withLock { status == nil } }

    /// Sends `signal` to the program if it is still running.
    func signal(_ signal: Int32) {
        lock.withLock {
            if status == nil { _ = kill(pid, signal) }
        }
    }

    /// Sends `signal` to the program's process group (it and what it started), as a terminal's Ctrl-C would.
    func signalGroup(_ signal: Int32) {
        lock.withLock {
            if status == nil { _ = kill(-pid, signal) }
        }
    }

    /// The exit status, 128+N when killed by signal N.
    func waitForExit() -> Int32 {
        exited.wait()
        exited.signal()
        return lock.withLock { status ?? 0 }
    }

    /// Returns once the output pipe is closed by every process that held it, or after `timeout` seconds (a
    /// grandchild may keep the pipe open long after the program itself ended).
    func waitForOutputEnd(timeout: Double) {
        if outputEnded.wait(timeout: .now() + timeout) == .success { outputEnded.signal() }
    }
}
