import Foundation
import Testing

/// The real binary in tmux: every tab, the fake qm's arguments, resizing, and the terminal left sane.
@Suite(.serialized) struct WizardEndToEndTests {
    static let expectedCreate = [
        "create", "102", "--name", "web-01", "--ide2", "local:iso/debian-13.2.0-amd64-netinst.iso,media=cdrom",
        "--ostype", "l26", "--scsihw", "virtio-scsi-single", "--agent", "1", "--scsi0", "local-lvm:64,iothread=on",
        "--sockets", "1", "--cores", "2", "--numa", "0", "--cpu", "x86-64-v2-AES", "--memory", "4096",
        "--net0", "virtio,bridge=vmbr0,firewall=1",
    ]

    /// Fills every tab the way an administrator would, up to the Confirm tab.
    static func fillEveryTab(_ session: TmuxSession) {
        session.waitFor("Node")
        session.waitFor("VM 102")
        session.keys("Down", "Down")
        session.type("web-01")
        session.waitFor("web-01")
        session.keys("NPage")
        session.waitFor("Install media")
        session.keys("Down", "Down", "Enter")
        session.waitFor("Pick: ISO image")
        session.type("debian")
        session.keys("Enter")
        session.waitFor("debian-13.2.0-amd64-netinst.iso")
        session.keys("NPage")
        session.waitFor("Graphic card")
        session.keys("Down", "Down", "Down", "Down", "Space")
        session.waitUntil("Qemu Agent ticked") { $0.contains("Qemu Agent          [x]") }
        session.keys("NPage")
        session.waitFor("[scsi0]")
        session.keys("Down", "Down", "Down", "Down", "C-u")
        session.type("64")
        session.waitUntil("a 64 GiB disk") { $0.range(of: #"Disk size\s+64\s"#, options: .regularExpression) != nil }
        session.keys("NPage")
        session.waitFor("Sockets")
        session.keys("Down", "C-u")
        session.type("2")
        session.keys("NPage")
        session.waitFor("Memory")
        session.keys("C-u")
        session.type("4096")
        session.waitUntil("4096 MiB") { $0.range(of: #"Memory\s+4096\s+MiB"#, options: .regularExpression) != nil }
        session.keys("NPage")
        session.waitFor("vmbr0")
        session.waitFor("[net0]")
        session.keys("NPage")
        session.waitFor("Cloud-Init drive")
        session.keys("NPage")
        session.waitFor("Commands that Create runs:")
        session.waitFor("qm create 102")
    }

    @Test func walksEveryTabAndCreatesWithQm() throws {
        let dir = try E2E.scratch("walk")
        let host = try FixtureHost(in: dir)
        let session = try TmuxSession(command: [E2E.binary, "--root", host.root.path], environment: host.environment, workDir: dir)
        defer { session.kill() }
        Self.fillEveryTab(session)
        session.waitFor("--memory 4096")
        session.keys("Space")  // "Start after created" has the focus on Confirm.
        session.waitFor("[x] Start after created")
        ApplyEndToEndTests.create(session)
        guard E2E.isRoot else {
            session.waitFor("Creating a VM needs root")
            #expect(host.calls.isEmpty)
            return
        }
        session.waitFor("VM 102 created and started")
        #expect(host.calls == [Self.expectedCreate, ["start", "102"]])
        session.keys("Enter")
        #expect(session.waitForExit() == 0)
        #expect(session.standardOutput.contains("created VM 102 on node pve1 and started it"))
        // A successful create removes the draft.
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("state/vmwizard/draft.json").path))
    }

    @Test func resizingMidRunKeepsEverything() throws {
        let dir = try E2E.scratch("resize")
        let host = try FixtureHost(in: dir)
        let session = try TmuxSession(command: [E2E.binary, "--root", host.root.path], environment: host.environment, workDir: dir)
        defer { session.kill() }
        session.waitFor("Node")
        session.keys("Down", "Down")
        session.type("keepme")
        session.waitFor("keepme")
        session.resize(width: 70, height: 20)
        session.waitFor("terminal too small: need 80×24, have 70×20")
        session.type("x")  // keys while too small change nothing
        session.resize(width: 120, height: 40)
        session.waitFor("keepme")
        #expect(!session.capture().contains("keepmex"))
        let lines = session.capture().split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count >= 40)
        #expect(lines.first?.contains("vmwizard") == true)
        session.keys("Escape")
        session.waitFor("Quit vmwizard?")
        session.keys("y")
        #expect(session.waitForExit() == 1)
    }

    @Test func ctrlCLeavesTheTerminalSane() throws {
        let dir = try E2E.scratch("sane")
        let session = try TmuxSession(command: [E2E.binary, "--demo"], workDir: dir, wrapInStty: true)
        defer { session.kill() }
        session.waitFor("DEMO HOST")
        session.keys("Down", "Down")
        session.type("abc")
        session.waitFor("abc")
        session.keys("C-c")
        #expect(session.waitForExit() == 1)
        let after = dir.appendingPathComponent("stty-after")
        let deadline = Date().addingTimeInterval(5)
        while !FileManager.default.fileExists(atPath: after.path) && Date() < deadline { usleep(30_000) }
        let before = try String(contentsOf: dir.appendingPathComponent("stty-before"), encoding: .utf8)
        let settings = try String(contentsOf: after, encoding: .utf8)
        #expect(before == settings, "stty -a differs after Ctrl-C")
        #expect(before.contains("icanon") && before.contains(" echo"))
    }

    @Test func printGoesToRedirectedStdoutWhileTheWizardDrawsOnTheTerminal() throws {
        let dir = try E2E.scratch("print")
        let session = try TmuxSession(command: [E2E.binary, "--demo", "--print", "conf"], workDir: dir)
        defer { session.kill() }
        session.waitFor("DEMO HOST")
        session.keys("F10")
        session.waitFor("ISO image")
        session.keys("Enter")
        session.waitFor("Pick: ISO image")
        session.type("debian")
        session.keys("Enter", "F10")
        session.waitFor("Commands that Create runs:")
        session.keys("Tab", "Tab")  // F10 left the focus on Create -> Write config -> Print and exit
        session.keys("Enter")
        #expect(session.waitForExit() == 0)
        let output = session.standardOutput
        #expect(output.contains("ide2: local:iso/debian-13.2.0-amd64-netinst.iso,media=cdrom\n"))
        #expect(output.contains("scsi0: local-lvm:vm-103-disk-0,iothread=1,size=32G\n"))
        #expect(!output.contains("\u{1b}["), "no terminal escapes in the printed config")
    }
}
