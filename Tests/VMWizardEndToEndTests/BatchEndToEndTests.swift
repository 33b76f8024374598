import Foundation
import Testing

/// The binary without a terminal UI: batch mode, answers files, exit codes.
@Suite struct BatchEndToEndTests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ arguments: [String], environment: [String: String] = [:], detach: Bool = false) throws -> Run {
        var env = ProcessInfo.processInfo.environment
        env.merge(environment) { _, new in new }
        // detach: no controlling terminal at all, as under cron or a CI job.
        let argv = detach ? ["setsid", "-w", E2E.binary] + arguments : [E2E.binary] + arguments
        let result = try Spawn.run(argv, environment: env)
        return Run(status: result.status, stdout: result.stdout, stderr: result.stderr)
    }

    static func answers(_ dir: URL, _ text: String, name: String = "answers.json") throws -> String {
        let path = dir.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func printsEachFormatWithoutATerminal() throws {
        let dir = try E2E.scratch("batch-print")
        let host = try FixtureHost(in: dir)
        let file = try Self.answers(dir, #"{"name": "web1", "ide2": "local:iso/debian-13.2.0-amd64-netinst.iso,media=cdrom", "memory": 4096}"#)
        let qm = try Self.run(["--root", host.root.path, "--batch", "--answers", file, "--print", "qm"])
        #expect(qm.status == 0, "\(qm.stderr)")
        // Answers to the wizard: what is left out takes the wizard's defaults, the disk and NIC included.
        #expect(qm.stdout == "qm create 102 --name web1 --ide2 local:iso/debian-13.2.0-amd64-netinst.iso,media=cdrom --ostype l26 "
            + "--scsihw virtio-scsi-single --scsi0 local-lvm:32,iothread=on --sockets 1 --cores 1 --numa 0 --cpu x86-64-v2-AES "
            + "--memory 4096 --net0 virtio,bridge=vmbr0,firewall=1\n")
        let json = try Self.run(["--root", host.root.path, "--batch", "--answers", file, "--print", "json"])
        #expect(json.status == 0)
        #expect(json.stdout.contains("\"memory\": \"4096\""))
        let conf = try Self.run(["--root", host.root.path, "--batch", "--answers", file, "--print", "conf"])
        #expect(conf.stdout.contains("name: web1\n"))
    }

    @Test func isoImagesOnNetworkStoragesAreCheckedInBatchModeToo() throws {
        let dir = try E2E.scratch("batch-nfs-iso")
        let host = try FixtureHost(in: dir)
        let config = try String(contentsOf: host.root.appendingPathComponent("etc/pve/storage.cfg"), encoding: .utf8)
        try host.write("etc/pve/storage.cfg", config + "\nnfs: nas\n\tpath /mnt/pve/nas\n\tserver 192.0.2.5\n\texport /iso\n\tcontent iso\n")
        try host.write("proc/mounts", "192.0.2.5:/iso /mnt/pve/nas nfs4 rw,relatime 0 0\n")
        try FileManager.default.createDirectory(at: host.root.appendingPathComponent("mnt/pve/nas/template/iso/sub"), withIntermediateDirectories: true)
        try host.write("mnt/pve/nas/template/iso/net.iso", "iso")
        try host.write("mnt/pve/nas/template/iso/notes.txt", "text")
        try host.write("mnt/pve/nas/template/iso/sub/x.iso", "iso")
        func batch(_ volume: String) throws -> Run {
            let file = try Self.answers(dir, #"{"ide2": "\#(volume),media=cdrom"}"#)
            return try Self.run(["--root", host.root.path, "--batch", "--answers", file, "--print", "qm"])
        }
        #expect(try batch("nas:iso/net.iso").status == 0)
        for bad in ["nas:iso/missing.iso", "nas:iso/notes.txt", "nas:iso/sub/x.iso", "nas:iso/../../x.iso"] {
            let run = try batch(bad)
            #expect(run.status == 2, "\(bad) must be refused: \(run.stderr)")
            #expect(run.stderr.contains("ISO image"), "\(run.stderr)")
        }
    }

    @Test func badAnswersGiveOneMessagePerProblemAndExit2() throws {
        let dir = try E2E.scratch("batch-bad")
        let host = try FixtureHost(in: dir)
        let file = try Self.answers(dir, """
            memory: 8
            bogus: 1
            cores: many
            hugepages: 3
            """, name: "bad.conf")
        let run = try Self.run(["--root", host.root.path, "--batch", "--answers", file, "--print", "qm"])
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("line 2"))
        #expect(run.stderr.contains("bogus"))
        #expect(run.stderr.contains("Memory must be at least 16 MiB"))
        #expect(run.stderr.contains("line 3: Cores must be a whole number"))
        // A template's setting vmwizard keeps as it is, checked against Proxmox's schema.
        #expect(run.stderr.contains("line 4: hugepages: '3' is not one of any, 2, 1024"))
        let missing = try Self.run(["--batch", "--demo", "--answers", dir.appendingPathComponent("nope.json").path])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("nope.json"))
    }

    /// A cloud-init Debian template from a cloud image: create (keys through a private file qm reads), grow
    /// the imported disk, make it a template; a failed step keeps the VM and names what did not run.
    @Test func batchMakesACloudImageTemplateStepByStep() throws {
        guard E2E.isRoot else { return }
        let dir = try E2E.scratch("batch-cloud")
        let host = try FixtureHost(in: dir)
        try host.allowImports()
        try host.write("var/lib/vz/import/debian-13-genericcloud-amd64.raw", String(repeating: "x", count: 4096))
        let key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHXGfhso++PvfMv9p56+QQkm/+dBtqKaTprt3sDNOABP me@laptop"
        let file = try Self.answers(dir, """
            {"scsi0": "local-lvm:32,import-from=local:import/debian-13-genericcloud-amd64.raw", "ide2": "local-lvm:cloudinit",
             "ciuser": "admin", "cipassword": "secret", "sshkeys": "\(key)", "ipconfig0": "ip=192.0.2.20/24,gw=192.0.2.1",
             "template": 1}
            """)
        let run = try Self.run(["--root", host.root.path, "--batch", "--answers", file], environment: host.environment)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "created VM 102 on node pve1\ngrew the imported disk: qm disk resize 102 scsi0 32G\nconverted VM 102 to a template\n")
        let calls = host.calls
        #expect(calls.map { Array($0.prefix(2)) } == [["create", "102"], ["disk", "resize"], ["template", "102"]])
        #expect(calls.count == 3 && calls[1] == ["disk", "resize", "102", "scsi0", "32G"])
        let create = calls.first ?? []
        #expect(create.contains("local-lvm:0,import-from=local:import/debian-13-genericcloud-amd64.raw"))
        #expect(create.contains("local-lvm:cloudinit") && create.contains("ip=192.0.2.20/24,gw=192.0.2.1"))
        #expect(!create.contains("secret") && create.contains { $0.hasPrefix("$5$") }, "only the hash reaches qm")
        let keyFile = create.firstIndex(of: "--sshkeys").map { create[$0 + 1] } ?? ""
        #expect(host.sshKeys(call: 1) == key + "\n", "qm reads the keys from a file")
        #expect(!FileManager.default.fileExists(atPath: keyFile), "the key file is removed after the create")

        // Growing fails: the VM is kept, the template step is not run, and the exit status says so.
        try host.setMode("disk", "fail", message: "shrinking disks is not supported\n")
        try host.setGuests([100, 101])
        let failed = try Self.run(["--root", host.root.path, "--batch", "--answers", file], environment: host.environment)
        #expect(failed.status == 3)
        #expect(failed.stdout == "created VM 102 on node pve1\n")
        #expect(failed.stderr.contains("VM 102 was created, but qm disk resize 102 scsi0 32G failed: shrinking disks is not supported"))
        #expect(failed.stderr.contains("not run: qm template 102"))
        #expect(host.calls.count == 5, "create and resize ran again; the template did not")

        // The template step fails: the VM is kept and grown, and the exit status says so.
        try host.setMode("disk", "ok")
        try host.setMode("template", "fail", message: "you can't convert a VM to template if VM is running\n")
        try host.setGuests([100, 101])
        let noTemplate = try Self.run(["--root", host.root.path, "--batch", "--answers", file], environment: host.environment)
        #expect(noTemplate.status == 3)
        #expect(noTemplate.stdout == "created VM 102 on node pve1\ngrew the imported disk: qm disk resize 102 scsi0 32G\n")
        #expect(noTemplate.stderr.contains("VM 102 was created, but qm template 102 failed: you can't convert a VM to template"))
    }

    @Test func batchWithoutAnswersIsAUsageError() throws {
        let run = try Self.run(["--batch", "--demo", "--print", "qm"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("--batch needs --answers FILE"), "\(run.stderr)")
    }

    @Test func batchCreatesWithQmAndReportsOnStdout() throws {
        guard E2E.isRoot else { return }
        let dir = try E2E.scratch("batch-create")
        let host = try FixtureHost(in: dir)
        let file = try Self.answers(dir, #"{"ide2": "none,media=cdrom", "scsi0": "local-lvm:8", "net0": "virtio,bridge=vmbr1,tag=20", "start": 1}"#)
        let run = try Self.run(["--root", host.root.path, "--batch", "--answers", file], environment: host.environment)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "created VM 102 on node pve1\nstarted VM 102\n")
        #expect(run.stderr.contains("$ qm create 102"))
        #expect(host.calls == [
            ["create", "102", "--ide2", "none,media=cdrom", "--ostype", "l26", "--scsihw", "virtio-scsi-single",
             "--scsi0", "local-lvm:8", "--sockets", "1",
             "--cores", "1", "--numa", "0", "--cpu", "x86-64-v2-AES", "--memory", "2048",
             "--net0", "virtio,bridge=vmbr1,tag=20"],
            ["start", "102"],
        ])
        try host.setMode("create", "fail", message: "unable to create VM 102 - no space\n")
        try host.setGuests([100, 101])
        let failed = try Self.run(["--root", host.root.path, "--batch", "--answers", file], environment: host.environment)
        #expect(failed.status == 3)
        #expect(failed.stderr.contains("no space"))
    }

    @Test func theDemoHostNeverCreates() throws {
        let dir = try E2E.scratch("batch-demo")
        let file = try Self.answers(dir, #"{"ide2": "none,media=cdrom"}"#)
        let run = try Self.run(["--batch", "--demo", "--answers", file])
        #expect(run.status == 2, "nothing was attempted")
        #expect(run.stderr.contains("demo host"))
    }

    @Test func withoutATerminalTheWizardExplainsBatchModeAndExits2() throws {
        let run = try Self.run(["--demo"], detach: true)
        #expect(run.status == 2)
        #expect(run.stderr.contains("--batch --answers FILE"))
    }

    @Test func helpDocumentsExitCodes() throws {
        let run = try Self.run(["--help"])
        #expect(run.status == 0)
        let words = run.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(words.contains("Exit status: 0 done"))
        #expect(words.contains("3 the apply failed"))
        #expect(run.stdout.contains("--batch"))
    }

    @Test func writeConfigNeverOverwritesAndRefusesUnallocatedVolumesInPVE() throws {
        let dir = try E2E.scratch("batch-write")
        let host = try FixtureHost(in: dir)
        let file = try Self.answers(dir, #"{"ide2": "none,media=cdrom", "scsi0": "local-lvm:32,iothread=on"}"#)
        let target = dir.appendingPathComponent("vm.conf").path
        let first = try Self.run(["--root", host.root.path, "--batch", "--answers", file, "--write-config", target])
        #expect(first.status == 0, "\(first.stderr)")
        let written = try String(contentsOfFile: target, encoding: .utf8)
        #expect(written.contains("scsi0: local-lvm:vm-102-disk-0,iothread=1,size=32G\n"))
        let second = try Self.run(["--root", host.root.path, "--batch", "--answers", file, "--write-config", target])
        #expect(second.status == 3)
        #expect(second.stderr.contains("already exists"))
        #expect(try String(contentsOfFile: target, encoding: .utf8) == written)
        let inPVE = host.root.appendingPathComponent("etc/pve/qemu-server/102.conf").path
        let refused = try Self.run(["--root", host.root.path, "--batch", "--answers", file, "--write-config", inPVE])
        #expect(refused.status == 3)
        #expect(refused.stderr.contains("Create (qm create)"))
        #expect(!FileManager.default.fileExists(atPath: inPVE))
        // A VM without volumes to allocate can be registered directly, with what qm create would add.
        let diskless = try Self.answers(dir, #"{"ide2": "none,media=cdrom", "scsi0": null, "net0": "virtio,bridge=vmbr0"}"#, name: "diskless.json")
        let registered = try Self.run(["--root", host.root.path, "--batch", "--answers", diskless, "--write-config", inPVE])
        #expect(registered.status == 0, "\(registered.stderr)")
        let config = (try? String(contentsOfFile: inPVE, encoding: .utf8)) ?? ""
        #expect(config.range(of: #"net0: virtio=BC:24:11(:[0-9A-F]{2}){3},bridge=vmbr0\n"#, options: .regularExpression) != nil, "\(config)")
        #expect(config.range(of: #"smbios1: uuid=[0-9a-f-]{36}\n"#, options: .regularExpression) != nil)
        #expect(config.range(of: #"vmgenid: [0-9a-f-]{36}\n"#, options: .regularExpression) != nil)
        let again = try Self.run(["--root", host.root.path, "--batch", "--answers", diskless, "--write-config", inPVE])
        #expect(again.status == 3, "never overwrites a registered VM")
    }
}

/// A config write killed at any moment leaves the complete file or none.
@Suite struct KilledWriteTests {
    @Test func aKillAtAnyPointLeavesTheFileCompleteOrAbsent() throws {
        let dir = try E2E.scratch("kill-write")
        let host = try FixtureHost(in: dir)
        // A long description makes the file big enough for a kill to land in the middle of writing it.
        let notes = String(repeating: "line of notes for the kill test\\n", count: 250)
        let answers = dir.appendingPathComponent("big.json").path
        try #"{"ide2": "none,media=cdrom", "description": "\#(notes)"}"#.write(toFile: answers, atomically: true, encoding: .utf8)
        let reference = dir.appendingPathComponent("reference.conf").path
        let first = try Spawn.run([E2E.binary, "--root", host.root.path, "--batch", "--answers", answers, "--write-config", reference])
        #expect(first.status == 0, "\(first.stderr)")
        let complete = try String(contentsOfFile: reference, encoding: .utf8)
        var outcomes = (absent: 0, complete: 0)
        for attempt in 0..<40 {
            let target = dir.appendingPathComponent("vm-\(attempt).conf").path
            let pid = try Spawn.start([E2E.binary, "--root", host.root.path, "--batch", "--answers", answers, "--write-config", target])
            usleep(UInt32.random(in: 0...25_000))
            kill(pid, SIGKILL)
            Spawn.reap(pid)
            if let text = try? String(contentsOfFile: target, encoding: .utf8) {
                #expect(text == complete, "attempt \(attempt): a partial file was left")
                outcomes.complete += 1
            } else {
                outcomes.absent += 1
            }
        }
        #expect(outcomes.absent + outcomes.complete == 40)
    }
}
