import Foundation
import Testing

/// The real binary against hostile names, hostile host files, odd terminals and misbehaving `qm`: nothing may
/// reach the terminal raw, hang the wizard, or leave silently.
@Suite(.serialized) struct HostileEndToEndTests {
    static let titleISO = "c\u{1b}]0;pwned\u{7}disk.iso"
    static let wipeISO = "wipe\u{1b}[2J.iso"

    static func hostileHost(_ name: String) throws -> (FixtureHost, URL) {
        let dir = try E2E.scratch(name)
        let host = try FixtureHost(in: dir)
        for iso in [titleISO, wipeISO] { try host.write("var/lib/vz/template/iso/\(iso)", "iso") }
        return (host, dir)
    }

    static func answers(_ dir: URL, _ json: String) throws -> String {
        let file = dir.appendingPathComponent("answers.json")
        try json.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    @Test func hostileNamesPrintedToATerminalAreEscaped() throws {
        guard E2E.tmuxAvailable else { return }
        let (host, dir) = try Self.hostileHost("inject-print")
        let file = try Self.answers(dir, #"{"name": "web", "ide2": "local:iso/c\u001b]0;pwned\u0007disk.iso,media=cdrom", "description": "a\u001b[2Jb"}"#)
        for format in ["conf", "qm", "json"] {
            let session = try TmuxSession(command: [E2E.binary, "--root", host.root.path, "--batch", "--answers", file, "--print", format],
                                          workDir: dir, captureStdout: false)
            defer { session.kill() }
            #expect(session.waitForExit() == 0, "\(format): \(session.capture())")
            session.waitFor("0;pwned")
            let screen = session.capture()
            #expect(screen.contains("0;pwned"), "\(format): \(screen)")
            #expect(screen.contains(#"\e]0;pwned"#) || screen.contains(#"\u001b]0;pwned"#), "\(format): \(screen)")
            #expect(session.display("#{pane_title}") != "pwned", "\(format) changed the terminal's title")
        }
    }

    @Test func printToAPipeStaysByteExactAndTheQmLineRoundTripsThroughBash() throws {
        let (host, dir) = try Self.hostileHost("inject-pipe")
        let file = try Self.answers(dir, #"{"name": "web", "ide2": "local:iso/wipe\u001b[2J.iso,media=cdrom", "description": "one\ntwo"}"#)
        let conf = try Spawn.run([E2E.binary, "--root", host.root.path, "--batch", "--answers", file, "--print", "conf"])
        #expect(conf.status == 0, "\(conf.stderr)")
        #expect(conf.stdout.contains("ide2: local:iso/wipe\u{1b}[2J.iso,media=cdrom"), "a file gets the exact bytes")
        let qm = try Spawn.run([E2E.binary, "--root", host.root.path, "--batch", "--answers", file, "--print", "qm"])
        #expect(qm.stdout.contains(#"$'local:iso/wipe\e[2J.iso,media=cdrom'"#), "\(qm.stdout)")
        #expect(!qm.stdout.unicodeScalars.contains("\u{1b}"))
        // Run the printed line through bash with `qm` replaced by printf: the arguments are the exact bytes.
        let line = qm.stdout.replacingOccurrences(of: "qm create", with: "printf '%s\\n' create")
        let echoed = try Spawn.run(["/bin/bash", "-c", line])
        #expect(echoed.stdout.contains("local:iso/wipe\u{1b}[2J.iso,media=cdrom\n"), "\(echoed.stdout)")
    }

    @Test func messagesOnStandardErrorAreEscaped() throws {
        let (host, dir) = try Self.hostileHost("inject-stderr")
        let file = try Self.answers(dir, #"{"fo\u001b]0;pwned\u0007o": 1, "name": "bad\u001b[2Jname"}"#)
        let run = try Spawn.run([E2E.binary, "--root", host.root.path, "--batch", "--answers", file, "--print", "qm"])
        #expect(run.status == 2)
        #expect(!run.stderr.unicodeScalars.contains("\u{1b}"), "\(run.stderr)")
        #expect(run.stderr.contains(#"fo\e]0;pwned\ao"#), "\(run.stderr)")
        let usage = try Spawn.run([E2E.binary, "--print", "\u{1b}[2J"])
        #expect(usage.status == 2, "usage errors exit 2, as documented")
        #expect(!usage.stderr.unicodeScalars.contains("\u{1b}"), "\(usage.stderr)")
        let bogus = try Spawn.run([E2E.binary, "--bogus"])
        #expect(bogus.status == 2)
        #expect(bogus.stderr.contains("--bogus"))
    }

    @Test func hostileISONamesOnTheScreenAreEscapedAndStayInTheirColumn() throws {
        guard E2E.tmuxAvailable else { return }
        let (host, dir) = try Self.hostileHost("inject-screen")
        let session = try TmuxSession(command: [E2E.binary, "--root", host.root.path], environment: host.environment, workDir: dir)
        defer { session.kill() }
        session.waitFor("Node")
        session.keys("NPage")
        session.waitFor("ISO image")
        session.keys("Down", "Down", "Enter")
        session.waitFor("Pick: ISO image")
        session.type("pwned")
        session.waitFor(#"c\e]0;pwned\adisk.iso"#)
        session.keys("Enter")
        session.waitUntil("the escaped name in the ISO field") { $0.contains(#"c\e]0;pwned"#) && !$0.contains("Pick:") }
        #expect(session.display("#{pane_title}") != "pwned")
        // Every row is still the terminal's width: nothing spilled or moved the cursor.
        for row in session.capture().split(separator: "\n", omittingEmptySubsequences: false) {
            #expect(row.count <= 100)
        }
    }

    @Test func aFIFOAndADeviceAsHostFilesDoNotHangTheWizard() throws {
        guard E2E.tmuxAvailable else { return }
        let dir = try E2E.scratch("fifo")
        let host = try FixtureHost(in: dir)
        let vmlist = host.root.appendingPathComponent("etc/pve/.vmlist").path
        unlink(vmlist)
        #expect(mkfifo(vmlist, 0o600) == 0)
        let meminfo = host.root.appendingPathComponent("proc/meminfo").path
        unlink(meminfo)
        try FileManager.default.createSymbolicLink(atPath: meminfo, withDestinationPath: "/dev/zero")
        let session = try TmuxSession(command: [E2E.binary, "--root", host.root.path], environment: host.environment, workDir: dir)
        defer { session.kill() }
        session.waitFor("Node")
        session.waitFor(".vmlist: cannot be read (is a FIFO, not a file)")
        let batch = try Spawn.run([E2E.binary, "--root", host.root.path, "--batch", "--answers",
                                   try Self.answers(dir, #"{"name": "x", "ide2": "none,media=cdrom"}"#), "--print", "conf"])
        #expect(batch.status == 0, "\(batch.stderr)")
        #expect(batch.stderr.contains("proc/meminfo: cannot be read (is a character device, not a file)"), "\(batch.stderr)")
    }

    @Test func aMissingRootOrADownClusterFilesystemIsNotTheDemoHost() throws {
        let dir = try E2E.scratch("root")
        let file = try Self.answers(dir, #"{"ide2": "none,media=cdrom"}"#)
        let missing = try Spawn.run([E2E.binary, "--root", dir.appendingPathComponent("nope").path, "--batch", "--answers", file, "--print", "qm"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("No such file or directory"), "\(missing.stderr)")
        let down = dir.appendingPathComponent("down")
        try FileManager.default.createDirectory(at: down.appendingPathComponent("usr/bin"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: down.appendingPathComponent("etc/pve"), withIntermediateDirectories: true)
        try "#!/bin/sh\n".write(to: down.appendingPathComponent("usr/bin/pvesh"), atomically: true, encoding: .utf8)
        let cluster = try Spawn.run([E2E.binary, "--root", down.path])
        #expect(cluster.status == 2)
        #expect(cluster.stderr.contains("pve-cluster"), "\(cluster.stderr)")
        let empty = try Spawn.run([E2E.binary, "--root", dir.path, "--batch", "--answers", file, "--print", "qm"])
        #expect(empty.status == 2)
        #expect(empty.stderr.contains("no Proxmox VE configuration"), "\(empty.stderr)")
    }

    @Test func aDumbTerminalIsRefusedWithAPointerToBatchMode() throws {
        guard E2E.tmuxAvailable else { return }
        let dir = try E2E.scratch("dumb")
        let session = try TmuxSession(command: [E2E.binary, "--demo"], environment: ["TERM": "dumb"], workDir: dir)
        defer { session.kill() }
        #expect(session.waitForExit() == 2)
        session.waitFor("cannot move the cursor")
        session.waitFor("--batch")
    }

    @Test func unknownEscapeSequencesAreIgnoredAndPastesAreText() throws {
        guard E2E.tmuxAvailable else { return }
        let dir = try E2E.scratch("escapes")
        let session = try TmuxSession(command: [E2E.binary, "--demo"], workDir: dir)
        defer { session.kill() }
        session.waitFor("Node")
        // Focus in and out, an SGR mouse click, a stray bracketed-paste end, an OSC answer.
        session.bytes([0x1b, 0x5b, 0x49])
        session.bytes([0x1b, 0x5b, 0x4f])
        session.bytes(Array("\u{1b}[<0;10;5M".utf8))
        session.bytes(Array("\u{1b}[201~".utf8))
        session.bytes(Array("\u{1b}]11;rgb:0000/0000/0000\u{7}".utf8))
        session.keys("Down", "Down")
        session.waitUntil("the Name field focused") { $0.contains("Name") }
        // A paste with a line break and a question mark: text, not Enter or help.
        session.paste("web-?01\n")
        session.waitFor("web-?01")
        #expect(!session.lastScreen.contains("Quit vmwizard?"))
        #expect(!session.lastScreen.contains("Help"))
        // A real Esc still asks to quit.
        session.keys("Escape")
        session.waitFor("Quit vmwizard?")
    }

    @Test func sigquitLeavesTheTerminalAsItFoundIt() throws {
        guard E2E.tmuxAvailable else { return }
        let dir = try E2E.scratch("sigquit")
        let marker = dir.appendingPathComponent("marker-\(UInt32.random(in: 0...UInt32.max))").path
        try FileManager.default.createDirectory(atPath: marker, withIntermediateDirectories: true)
        let session = try TmuxSession(command: [E2E.binary, "--demo", "--write-config", marker + "/x.conf"], workDir: dir, wrapInStty: true)
        defer { session.kill() }
        session.waitFor("Node")
        _ = try Spawn.run(["pkill", "-QUIT", "-f", marker])
        #expect(session.waitForExit() == 1)
        session.waitFor("quit (SIGQUIT)")
        let before = try String(contentsOf: dir.appendingPathComponent("stty-before"), encoding: .utf8)
        let after = try String(contentsOf: dir.appendingPathComponent("stty-after"), encoding: .utf8)
        #expect(before == after)
        #expect(session.display("#{alternate_on}") == "0", "the alternate screen was left")
    }

    // MARK: qm that misbehaves

    static func startOnFixture(_ name: String, mode: String) throws -> (TmuxSession, FixtureHost) {
        let dir = try E2E.scratch(name)
        let host = try FixtureHost(in: dir)
        try host.setMode("create", mode)
        let session = try TmuxSession(command: [E2E.binary, "--root", host.root.path], environment: host.environment, workDir: dir)
        return (session, host)
    }

    @Test func aMegabyteLineOfOutputDoesNotFreezeTheWizard() throws {
        guard E2E.isRoot, E2E.tmuxAvailable else { return }
        let (session, _) = try Self.startOnFixture("flood", mode: "flood")
        defer { session.kill() }
        ApplyEndToEndTests.quickConfirm(session)
        ApplyEndToEndTests.create(session)
        session.waitFor("VM 102 created", timeout: 20)
        session.waitFor("flood done")
        session.waitFor("more bytes]")
    }

    @Test func aQmThatIgnoresCtrlCIsNeverLeftSilently() throws {
        guard E2E.isRoot, E2E.tmuxAvailable else { return }
        let (session, _) = try Self.startOnFixture("ignoreint", mode: "ignoreint")
        defer { session.kill() }
        ApplyEndToEndTests.quickConfirm(session)
        ApplyEndToEndTests.create(session)
        session.waitFor("ignoring interrupts")
        session.keys("C-c")
        session.waitFor("Stopping: waiting for PID")
        session.waitFor("Ctrl-C again leaves it running")
        session.keys("C-c")
        #expect(session.waitForExit() == 1)
        session.waitFor("left running")
        session.waitFor("ps -p")
        session.waitFor("qm status 102")
    }

    @Test func aChildHoldingTheOutputPipeIsNotWaitedFor() throws {
        guard E2E.isRoot, E2E.tmuxAvailable else { return }
        let (session, _) = try Self.startOnFixture("orphan", mode: "orphan")
        defer { session.kill() }
        ApplyEndToEndTests.quickConfirm(session)
        ApplyEndToEndTests.create(session)
        // The orphan holds the pipe for 20 s; the wizard reports within a few.
        session.waitFor("VM 102 created", timeout: 10)
    }

    @Test func writeConfigTakesTheLongestValidFileName() throws {
        let dir = try E2E.scratch("longname")
        let host = try FixtureHost(in: dir)
        let file = try Self.answers(dir, #"{"name": "x", "ide2": "none,media=cdrom"}"#)
        let target = dir.appendingPathComponent(String(repeating: "n", count: 250) + ".conf").path
        let run = try Spawn.run([E2E.binary, "--root", host.root.path, "--batch", "--answers", file, "--write-config", target])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(FileManager.default.fileExists(atPath: target))
    }
}
