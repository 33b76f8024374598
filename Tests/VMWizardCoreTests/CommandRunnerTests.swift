import Foundation
import Testing
@testable import VMWizardCore

/// CommandRunner runs qm and pvesh with posix_spawn: what the program gets and what comes back.
@Suite struct CommandRunnerTests {
    final class Received: @unchecked Sendable {
        private let lock = NSLock()
        private var lines: [String] = []
        func add(_ line: String) { lock.withLock { lines.append(line) } }
        var all: [String] { lock.withLock { lines } }
    }

    static func run(_ script: String) throws -> (status: Int32, lines: [String], delivered: [String]) {
        let runner = CommandRunner(argv: ["/bin/sh", "-c", script])
        let received = Received()
        try runner.start { received.add($0) }
        let status = runner.wait()
        return (status, runner.lines, received.all)
    }

    @Test func linesOfStdoutAndStderrArriveInOrderWithCarriageReturnsDropped() throws {
        let result = try Self.run(#"printf 'one\r\ntwo\n'; echo three >&2; printf 'last'"#)
        #expect(result.status == 0)
        #expect(result.lines == ["one", "two", "three", "last"])
        #expect(result.delivered == ["one", "two", "three", "last"])
    }

    @Test func aProgressBarKeepsItsLastStateAndBadBytesAreEscaped() throws {
        let result = try Self.run(#"printf '10%%\r20%%\r30%%\n'; printf 'a\033]0;x\007\377b\n'"#)
        #expect(result.lines == ["30%", #"a\e]0;x\a\xFFb"#])
    }

    @Test func aHugeLineIsCutWithANoteAndKeepsMemoryBounded() throws {
        let result = try Self.run("head -c 300000 /dev/zero | tr '\\000' x; echo; echo after")
        #expect(result.lines.count == 2)
        #expect(result.lines[0].hasPrefix(String(repeating: "x", count: 1000)))
        #expect(result.lines[0].hasSuffix("… [\(300_000 - CommandRunner.maxLineBytes) more bytes]"))
        #expect(result.lines[1] == "after")
        #expect(result.delivered[0].count < CommandRunner.maxDisplayCharacters + 40, "the screen gets a short line")
        #expect(result.delivered[0].hasSuffix("… [\(300_000 - CommandRunner.maxDisplayCharacters) more bytes]"))
    }

    @Test func exitStatusAndDeathBySignal() throws {
        #expect(try Self.run("exit 3").status == 3)
        #expect(try Self.run("kill -TERM $$").status == 128 + SIGTERM)
    }

    @Test func theProgramStartsCleanInItsOwnProcessGroup() throws {
        let leaked = open("/dev/null", O_RDONLY)  // not close-on-exec: must still not reach the child
        defer { close(leaked) }
        let result = try Self.run(#"ls /proc/$$/fd; [ "$(cut -d' ' -f5 /proc/$$/stat)" = $$ ] && echo leader"#)
        #expect(result.lines == ["0", "1", "2", "leader"])
        // Signals 1-31 neither blocked nor ignored (glibc keeps its internal 32 and 33 ignored until exec'd libc
        // starts). Read by the spawned program itself: a shell blocks signals around its own forks, so its mask,
        // read from outside, depends on timing.
        let runner = CommandRunner(argv: ["/bin/cat", "/proc/self/status"])
        try runner.start { _ in }
        _ = runner.wait()
        let masks = runner.lines.filter { $0.hasPrefix("SigBlk") || $0.hasPrefix("SigIgn") }
        #expect(masks.count == 2)
        for line in masks {
            let mask = UInt64(line.split(separator: "\t").last ?? "", radix: 16)
            #expect(mask.map { $0 & 0x7FFF_FFFF } == 0, "\(line)")
        }
    }

    @Test func interruptIsSIGINTAndTheProgramMayCleanUp() throws {
        let runner = CommandRunner(argv: ["/bin/sh", "-c", #"trap 'echo rolled back; exit 7' INT; echo ready; while :; do sleep 0.05; done"#])
        try runner.start { _ in }
        let deadline = Date().addingTimeInterval(10)
        while !runner.lines.contains("ready") && Date() < deadline { usleep(10_000) }
        #expect(runner.isRunning)
        runner.interrupt()
        #expect(runner.wait() == 7)
        #expect(runner.lines == ["ready", "rolled back"])
        #expect(!runner.isRunning)
    }

    @Test func argumentsReachTheProgramUntouched() throws {
        let runner = CommandRunner(argv: ["/bin/echo", "a b", "$HOME", "'q'", ""])
        try runner.start { _ in }
        #expect(runner.wait() == 0)
        #expect(runner.lines == ["a b $HOME 'q' "])
        #expect(throws: FileWriteError.self) { try CommandRunner(argv: ["vmw-no-such-program"]).start { _ in } }
    }
}
