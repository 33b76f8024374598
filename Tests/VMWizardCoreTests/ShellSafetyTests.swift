import Foundation
import Testing
@testable import VMWizardCore

/// Commands are argument vectors, never shell text: hostile values either reach the argv as one untouched
/// element or are refused by validation with a message. `ShellQuote` (display only) round-trips through sh.
@Suite struct ShellSafetyTests {
    static let hostile = [
        "two words", "it's", "say \"hi\"", "$(rm -rf /)", "`reboot`", "a; shutdown -h now", "line1\nline2",
        "tab\there", "back\\slash", "*", "~root", "!event", "a|b&c>d<e", "#comment", "-dash", "--start 1", "",
        "ünïcödé €", "$HOME ${PATH}", "'", "\"", "%s %n",
    ]

    static func hostWith(iso fileName: String) -> HostInventory {
        var host = TestHosts.standard
        host.isoImages["local"]!.append(ISOImage(volid: "local:iso/\(fileName)", fileName: fileName, sizeBytes: 1))
        return host
    }

    /// The argv element that follows `--key`.
    static func argument(_ argv: [String], _ key: String) -> String? {
        argv.firstIndex(of: "--\(key)").flatMap { argv.indices.contains($0 + 1) ? argv[$0 + 1] : nil }
    }

    @Test(arguments: hostile)
    func descriptionReachesTheArgvUntouched(_ text: String) {
        let model = TestHosts.model(TestHosts.standard, [(.isoImage, "local:iso/x.iso"), (.description, text)])
        let argv = QmCommand.create(model)
        if text.isEmpty {
            #expect(Self.argument(argv, "description") == nil)
        } else {
            #expect(model.errors.isEmpty, "\(model.errors)")
            #expect(Self.argument(argv, "description") == text)
            // The value is one element: the argv has exactly the usual keys plus this one.
            #expect(argv.filter { $0 == text }.count >= 1)
            #expect(argv.count == QmCommand.create(TestHosts.model(TestHosts.standard, [(.isoImage, "local:iso/x.iso")])).count + 2)
        }
    }

    @Test(arguments: hostile.filter { !$0.isEmpty })
    func hostileNamesAreRefused(_ text: String) throws {
        let model = TestHosts.model(TestHosts.standard, [(.isoImage, "local:iso/x.iso"), (.name, text)])
        let issue = try #require(model.issue(.name), "'\(text)' must not pass as a name")
        #expect(issue.message.hasPrefix("Name '\(Checks.shown(text))'"))
    }

    @Test(arguments: hostile.filter { !$0.isEmpty })
    func hostileTagsAreRefusedOrSplit(_ text: String) {
        let model = TestHosts.model(TestHosts.standard, [(.isoImage, "local:iso/x.iso"), (.tags, text)])
        if let issue = model.issue(.tags) {
            #expect(issue.message.hasPrefix("Tag '"))
        } else {
            // Whatever passes is a list of plain tags joined by ";".
            let sent = Self.argument(QmCommand.create(model), "tags") ?? ""
            #expect(sent.split(separator: ";").allSatisfy { PVEFormat.tag(String($0)) == nil }, "\(sent)")
        }
    }

    @Test(arguments: ["my install $(id).iso", "it's `here`.iso", "semi;colon.iso", "quote\".iso", "space and * glob.iso"])
    func isoNamesWithShellCharactersStayOneElement(_ fileName: String) {
        let model = TestHosts.model(Self.hostWith(iso: fileName), [(.isoImage, "local:iso/\(fileName)")])
        #expect(model.errors.isEmpty, "\(model.errors)")
        #expect(Self.argument(QmCommand.create(model), "ide2") == "local:iso/\(fileName),media=cdrom")
    }

    @Test func isoNamesThatWouldBreakThePropertyStringAreRefused() {
        let comma = TestHosts.model(Self.hostWith(iso: "a,media=disk.iso"), [(.isoImage, "local:iso/a,media=disk.iso")])
        #expect(comma.issue(.isoImage)?.message == "ISO image 'local:iso/a,media=disk.iso' cannot contain a comma")
        let newline = TestHosts.model(Self.hostWith(iso: "a\nb.iso"), [(.isoImage, "local:iso/a\nb.iso")])
        #expect(newline.issue(.isoImage)?.message == "ISO image 'local:iso/a\\nb.iso': a volume ID cannot contain line breaks")
    }

    @Test func importPathsWithCommasAreRefused() {
        var model = TestHosts.model(TestHosts.standard, [(.isoImage, "local:iso/x.iso")])
        model.set(.diskImport, item: 0, to: "/tmp/a,b.qcow2")
        #expect(model.issue(.diskImport, item: 0)?.message == "Import from '/tmp/a,b.qcow2': the path cannot contain commas or line breaks")
        model.set(.diskImport, item: 0, to: "/srv/images/my disk $(x).qcow2")
        #expect(model.issue(.diskImport, item: 0) == nil)
        #expect(Self.argument(QmCommand.create(model), "scsi0") == "local-lvm:0,import-from=/srv/images/my disk $(x).qcow2,iothread=on")
    }

    @Test func descriptionsAreLimited() {
        let long = TestHosts.model(TestHosts.standard, [(.description, String(repeating: "x", count: 8193))])
        #expect(long.issue(.description)?.message == "Notes must be at most 8192 characters (got 8193)")
        // Proxmox counts characters, not bytes: 8192 two-byte characters are fine.
        #expect(TestHosts.model(TestHosts.standard, [(.description, String(repeating: "ü", count: 8192))]).issue(.description) == nil)
        #expect(TestHosts.model(TestHosts.standard, [(.description, "0\n")]).issue(.description)?.message.contains("Proxmox accepts") == true)
        let nul = TestHosts.model(TestHosts.standard, [(.description, "a\0b")])
        #expect(nul.issue(.description)?.message == "Notes cannot contain NUL characters")
    }

    @Test func descriptionInTheConfigFileIsEscaped() {
        let model = TestHosts.model(TestHosts.standard, [(.isoImage, "local:iso/x.iso"), (.description, "a: $(x)\n\tnext")])
        #expect(ConfigFile.render(model).hasPrefix("#a%3A $(x)\n#%09next\n"))
        // As Proxmox writes them: % escaped too, a CR kept in its line, trailing white space dropped.
        let tricky = TestHosts.model(TestHosts.standard, [(.isoImage, "local:iso/x.iso"), (.description, "100% %41\r\nnext \n\n")])
        #expect(ConfigFile.render(tricky).hasPrefix("#100%25 %2541%0D\n#next\nboot:"))
        #expect(QmCommand.create(tricky).contains("100% %41\r\nnext"))
        #expect(APIJSON.render(tricky).contains(#""description": "100% %41\r\nnext""#))
    }

    @Test func apiJSONEscapesStrings() {
        let model = TestHosts.model(TestHosts.standard, [(.isoImage, "local:iso/x.iso"), (.description, "q\"b\\n\n\u{1}")])
        #expect(APIJSON.render(model).contains(#""description": "q\"b\\n\n\u0001""#))
        let parsed = try? JSONSerialization.jsonObject(with: Data(APIJSON.render(model).utf8)) as? [String: Any]
        #expect(parsed?["description"] as? String == "q\"b\\n\n\u{1}")
    }

    // MARK: ShellQuote

    /// Runs `bash -c 'printf "%s\0" WORDS'` and splits what it prints: the words bash reads from a pasted
    /// line (in the test's environment, or the one given, e.g. `LC_ALL=C`).
    static func shellWords(_ line: String, environment: [String: String]? = nil) throws -> [String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", "printf '%s\\0' " + line]
        if let environment { process.environment = environment }
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        var words = String(decoding: data, as: UTF8.self).components(separatedBy: "\0")
        words.removeLast()
        return words
    }

    @Test func shellQuoteRoundTrip() throws {
        let words = Self.hostile.filter { !$0.contains("\0") }
        #expect(try Self.shellWords(ShellQuote.line(words)) == words)
    }

    @Test func safeWordsAreNotQuoted() {
        #expect(ShellQuote.quote("local-lvm:32,iothread=on") == "local-lvm:32,iothread=on")
        #expect(ShellQuote.quote("order=scsi0;ide2;net0") == "'order=scsi0;ide2;net0'")
        #expect(ShellQuote.quote("") == "''")
        #expect(ShellQuote.quote("it's") == #"'it'\''s'"#)
    }

    @Test func printedScriptRunsTheSameArgv() throws {
        let model = TestHosts.model(TestHosts.standard, [
            (.isoImage, "local:iso/x.iso"), (.description, "notes with 'quotes' and $(subshell)\nline 2"),
            (.tags, "a;b"), (.start, "1"),
        ])
        let argv = QmCommand.create(model)
        #expect(try Self.shellWords(ShellQuote.line(argv)) == argv)
        #expect(QmCommand.script(model).contains(" && \\\n  qm start 102\n"))
    }
}
