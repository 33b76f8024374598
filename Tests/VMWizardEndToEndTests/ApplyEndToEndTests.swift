import Foundation
import Testing

/// Creating for real (with the fake qm): failures, the start step, a VM ID taken at the last moment, a
/// hanging qm, and a dropped session with its draft.
@Suite(.serialized) struct ApplyEndToEndTests {
    static func start(_ name: String, host configure: (FixtureHost) throws -> Void = { _ in }) throws -> (TmuxSession, FixtureHost, URL) {
        let dir = try E2E.scratch(name)
        let host = try FixtureHost(in: dir)
        try configure(host)
        let session = try TmuxSession(command: [E2E.binary, "--root", host.root.path], environment: host.environment, workDir: dir)
        return (session, host, dir)
    }

    /// Picks the Debian ISO and goes to Confirm.
    static func quickConfirm(_ session: TmuxSession) {
        pickDebianISO(session)
        session.keys("F10")
        session.waitFor("Commands that Create runs:")
    }

    /// From the start: F10 leads to the missing ISO image, which gets the Debian ISO.
    static func pickDebianISO(_ session: TmuxSession) {
        session.waitFor("Node")
        session.keys("F10")
        session.waitFor("ISO image is required")
        session.keys("Enter")
        session.waitFor("Pick: ISO image")
        session.type("debian")
        session.keys("Enter")
        session.waitFor("debian-13.2.0")
    }

    /// On Confirm: runs Create. F10 only moves the focus to [Create] (pressed twice it never creates); Enter runs it.
    static func create(_ session: TmuxSession) {
        session.keys("F10")
        session.waitFor("Enter to create the VM")
        session.keys("Enter")
    }

    @Test func qmFailureReturnsToTheWizardWithEveryAnswer() throws {
        guard E2E.isRoot else { return }
        let (session, host, _) = try Self.start("fail") {
            try $0.setMode("create", "fail", message: "storage 'local-lvm' does not exist\n")
        }
        defer { session.kill() }
        session.waitFor("Node")
        session.keys("Down", "Down")
        session.type("db-7")
        Self.quickConfirm(session)
        Self.create(session)
        session.waitFor("failed: nothing was created")
        session.waitFor("storage 'local-lvm' does not exist")
        session.keys("Enter")
        session.waitFor("Commands that Create runs:")
        session.waitFor("--name db-7")
        // Fix the cause and retry from the same answers.
        try host.setMode("create", "ok")
        Self.create(session)
        session.waitFor("VM 102 created")
        #expect(host.calls.count == 2)
        #expect(host.calls.allSatisfy { $0.prefix(4) == ["create", "102", "--name", "db-7"] })
    }

    @Test func startIsASeparateStepAndItsFailureKeepsTheVM() throws {
        guard E2E.isRoot else { return }
        let (session, host, _) = try Self.start("startfail") {
            try $0.setMode("start", "fail", message: "MAX 8 vcpus allowed per VM on this node\n")
        }
        defer { session.kill() }
        Self.quickConfirm(session)
        session.keys("BTab", "BTab", "Space")  // from [Create] back over "Create as template" to "Start after created"
        session.waitFor("[x] Start after created")
        Self.create(session)
        session.waitFor("VM 102 created, but the start failed")
        session.waitFor("MAX 8 vcpus allowed per VM on this node")
        session.waitFor("qm start 102")
        #expect(host.calls.map { $0.first ?? "" } == ["create", "start"])
        #expect(!host.calls[0].contains("--start"), "the start is never folded into qm create")
        session.keys("Enter")
        #expect(session.waitForExit() == 3)
    }

    @Test func vmidTakenAtTheLastMomentOffersTheNextFree() throws {
        guard E2E.isRoot else { return }
        let (session, host, _) = try Self.start("taken")
        defer { session.kill() }
        Self.quickConfirm(session)
        // Another administrator creates VM 102 while the wizard is open.
        try host.setGuests([100, 101, 102])
        Self.create(session)
        session.waitFor("VM ID 102 was taken by another guest")
        session.waitFor("The next free ID is 103")
        session.keys("Enter")
        session.waitFor("VM 103 created")
        #expect(host.calls.count == 1)
        #expect(host.calls.first?.prefix(2) == ["create", "103"])
    }

    @Test func hangingQmShowsProgressAndCtrlCInterruptsIt() throws {
        guard E2E.isRoot else { return }
        let (session, host, _) = try Self.start("hang") { try $0.setMode("create", "hang") }
        defer { session.kill() }
        Self.quickConfirm(session)
        Self.create(session)
        session.waitFor("Creating VM 102 on node pve1")
        session.waitFor("working on it...")
        // The elapsed time moves on while qm runs.
        session.waitUntil("elapsed seconds to grow", timeout: 10) { $0.range(of: #"pve1… [1-9]\d*s"#, options: .regularExpression) != nil }
        // Ctrl-C goes to qm, as in a shell; qm stops and the wizard stays, with every answer.
        session.keys("C-c")
        session.waitFor("failed: nothing was created")
        #expect(FileManager.default.fileExists(atPath: host.qmDir.appendingPathComponent("interrupted").path),
                "qm got the interrupt so it could roll back")
        session.keys("Enter")
        session.waitFor("Commands that Create runs:")
    }

    /// A cloud image downloaded by Proxmox first (a fake pvesh): the download can be stopped with Ctrl-C, and a
    /// failed one (a wrong checksum) creates nothing; the wizard keeps every answer either way.
    @Test func aCloudImageDownloadStopsOrFailsAndKeepsEveryAnswer() throws {
        guard E2E.isRoot else { return }
        let (session, host, _) = try Self.start("download") { host in
            try host.allowImports()
            try FileManager.default.createSymbolicLink(at: host.fakeBin.appendingPathComponent("pvesh"),
                                                       withDestinationURL: host.fakeBin.appendingPathComponent("qm"))
            try host.setMode("create", "hang")
        }
        defer { session.kill() }
        session.waitFor("Node")
        session.keys("NPage")
        session.waitFor("Install media")
        session.keys("Left")
        session.waitFor("Get the image")
        session.keys("Down", "Enter")
        session.waitFor("Pick: Get the image")
        session.type("URL")
        session.keys("Enter")
        session.waitFor("Image format")
        session.keys("Down")
        session.type("https://example.org/images/custom.qcow2")
        session.keys("F10")
        session.waitFor("Commands that Create runs:")
        session.waitFor("--filename custom.qcow2")
        Self.create(session)
        session.waitFor("Downloading the cloud image for VM 102 on node pve1")
        session.waitFor("working on it...")
        session.keys("C-c")
        session.waitFor("failed: nothing was created")
        #expect(FileManager.default.fileExists(atPath: host.qmDir.appendingPathComponent("interrupted").path),
                "pvesh got the interrupt")
        session.keys("Enter")
        session.waitFor("--filename custom.qcow2")
        // The download fails on the node: nothing is created, and the answers stay.
        try host.setMode("create", "fail", message: "TASK ERROR: checksum mismatch: got 'abc', expected 'def'\n")
        Self.create(session)
        session.waitFor("downloading the image failed")
        session.waitFor("checksum mismatch")
        session.keys("Enter")
        session.waitFor("--filename custom.qcow2")
        #expect(host.calls.count == 2)
        #expect(host.calls.allSatisfy { $0.count > 1 && $0[1] == "/nodes/pve1/storage/local/download-url" }, "qm create never ran")
    }

    @Test func sighupInTheMemoryTabThenResumeKeepsEveryTypedValue() throws {
        let (session, host, dir) = try Self.start("hup")
        session.waitFor("Node")
        session.keys("Down", "Down")
        session.type("mem-test")
        session.keys("NPage", "Down", "Down", "Enter")
        session.waitFor("Pick: ISO image")
        session.type("debian")
        session.keys("Enter")
        session.waitFor("debian-13.2.0")
        session.keys("NPage", "NPage", "NPage", "NPage")
        session.waitFor("MiB")
        session.keys("C-u")
        session.type("6144")
        session.waitUntil("6144 MiB") { $0.range(of: #"Memory\s+6144\s+MiB"#, options: .regularExpression) != nil }
        // The ssh connection drops.
        session.kill()
        let drafts = dir.appendingPathComponent("state/vmwizard/drafts")
        func savedDraft() -> String {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: drafts.path)) ?? []
            return names.filter { $0.hasSuffix(".json") }.compactMap {
                try? String(contentsOf: drafts.appendingPathComponent($0), encoding: .utf8)
            }.joined()
        }
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline, !savedDraft().contains("6144") { usleep(50_000) }
        #expect(savedDraft().contains("6144"))
        #expect(host.calls.isEmpty, "nothing half-done on the host")

        let again = try TmuxSession(command: [E2E.binary, "--root", host.root.path, "--resume"], environment: host.environment, workDir: dir)
        defer { again.kill() }
        // Resuming returns to the tab the draft was saved on.
        again.waitUntil("6144 MiB after resuming") { $0.range(of: #"Memory\s+6144\s+MiB"#, options: .regularExpression) != nil }
        again.waitFor("Draft resumed: mem-test (VM 102)")
        again.keys("PPage", "PPage", "PPage", "PPage")
        again.waitFor("debian-13.2.0-amd64-netinst.iso")
    }

    @Test func startingWithADraftOffersToResumeIt() throws {
        let (session, host, dir) = try Self.start("offer")
        session.waitFor("Node")
        session.keys("Down", "Down")
        session.type("offered")
        session.waitFor("offered")
        session.keys("C-c")
        #expect(session.waitForExit() == 1)
        session.kill()
        let again = try TmuxSession(command: [E2E.binary, "--root", host.root.path], environment: host.environment, workDir: dir)
        defer { again.kill() }
        again.waitFor("Resume a draft?")
        again.waitFor("offered (VM 102) · General tab, saved on ")
        again.keys("Enter")
        again.waitFor("Draft resumed")
        again.waitFor("offered")
    }

    @Test func hostileNamesReachQmAsSingleUntouchedArguments() throws {
        guard E2E.isRoot else { return }
        let (session, host, dir) = try Self.start("hostile")
        defer { session.kill() }
        session.waitFor("Node")
        session.keys("F2")  // Advanced: Notes and Tags
        session.waitFor("Notes")
        session.keys("Down", "Down", "Down", "Down", "Down", "Down", "Down", "Down", "Down", "Down")
        session.waitUntil("focus on Tags") { $0.contains("config: tags") }
        session.type("prod;web_1")
        session.keys("Down")
        session.waitUntil("focus on Notes") { $0.contains("config: description") }
        let notes = "it's \"quoted\" $(touch /tmp/pwned) `id`; rm -rf / #"
        session.type(notes)
        session.keys("NPage", "Down", "Down", "Enter")
        session.waitFor("Pick: ISO image")
        session.type("weird")
        session.keys("Enter")
        session.waitFor("weird $(touch pwned)")
        session.keys("F10")
        session.waitFor("Commands that Create runs:")
        // A second F10 only moves to [Create]: nothing runs until Enter.
        session.keys("F10")
        session.waitFor("Enter to create the VM")
        #expect(host.calls.isEmpty)
        session.keys("Enter")
        session.waitFor("VM 102 created")
        let call = host.calls.first ?? []
        func value(_ option: String) -> String? {
            guard let index = call.firstIndex(of: option), index + 1 < call.count else { return nil }
            return call[index + 1]
        }
        #expect(value("--description") == notes)
        #expect(value("--tags") == "prod;web_1")
        #expect(value("--ide2") == "local:iso/\(FixtureHost.isoNames[3]),media=cdrom")
        #expect(!FileManager.default.fileExists(atPath: "/tmp/pwned"))
        #expect(!FileManager.default.fileExists(atPath: host.root.appendingPathComponent("var/lib/vz/template/iso/pwned").path))
        _ = dir
    }
}
