import Foundation
import VMWizardTUI

/// Events produced off the UI thread (qm output, late host data), picked up by the main loop.
final class EventQueue: @unchecked Sendable {
    private let lock = NSLock()
    private var events: [Event] = []

    func post(_ event: Event) {
        lock.lock()
        events.append(event)
        lock.unlock()
    }

    func drain() -> [Event] {
        lock.lock()
        defer { lock.unlock() }
        let drained = events
        events.removeAll()
        return drained
    }
}

/// The command currently running for the apply, so a signal or Ctrl-C can interrupt it.
final class RunningCommand: @unchecked Sendable {
    private let lock = NSLock()
    private var runner: CommandRunner?
    private(set) var finished = false

    func set(_ runner: CommandRunner?) {
        lock.lock()
        self.runner = runner
        lock.unlock()
    }

    func markFinished() {
        lock.lock()
        finished = true
        lock.unlock()
    }

    var isFinished: Bool {
        lock.lock()
        defer { lock.unlock() }
        return finished
    }

    func interrupt() {
        lock.lock()
        let current = runner
        lock.unlock()
        current?.interrupt()
    }
}

import VMWizardCore
