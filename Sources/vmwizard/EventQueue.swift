import VMWizardPlatform
import VMWizardTUI

/// Events produced off the UI thread (qm output, late host data), picked up by the main loop.
final class EventQueue: @unchecked Sendable {
    private let lock = Lock()
    private var events: [Event] = []

    func post(_ event: Event) {
        lock.withLock { events.append(event) }
    }

    func drain() -> [Event] {
        lock.withLock {
            let drained = events
            events.removeAll()
            return drained
        }
    }
}

/// The command currently running for the apply, so a signal or Ctrl-C can interrupt it.
final class RunningCommand: @unchecked Sendable {
    private let lock = Lock()
    private var runner: CommandRunner?
    private(set) var finished = false

    func set(_ runner: CommandRunner?) {
        lock.withLock { self.runner = runner }
    }

    func markFinished() {
        lock.withLock { finished = true }
    }

    var isFinished: Bool {
        lock.withLock { finished }
    }

    func interrupt() {
        let current = lock.withLock { runner }
        current?.interrupt()
    }

    /// The running step's command line and PID, while one runs.
    var current: (command: String, pid: Int32)? {
        guard let runner = lock.withLock({ runner }), runner.isRunning, let pid = runner.pid else { return nil }
        return (ShellQuote.line(runner.argv), pid)
    }
}

import VMWizardCore
