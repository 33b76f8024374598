import Foundation
import Testing
@testable import VMWizardCore

/// The terminal sanitiser, the qm line's `$'…'` quoting and bounded file reads: the mechanisms that keep hostile
/// names and hostile files from reaching a terminal raw, hanging vmwizard or exhausting its memory.
@Suite struct TerminalSafetyTests {
    static let injections = [
        "c\u{1b}]0;pwned\u{7}disk.iso", "wipe\u{1b}[2J", "nul\u{0}byte", "bell\u{7}", "csi\u{9b}31m", "del\u{7f}",
        "rtl\u{202e}osi.exe", "iso\u{2066}late", "line\u{2028}sep", "cr\rreturn", "new\nline",
    ]

    @Test(arguments: injections)
    func visibleTextHasNoUnsafeCharacter(_ text: String) {
        let shown = TerminalText.visible(text)
        #expect(!shown.unicodeScalars.contains(where: TerminalText.mustEscape), "\(shown)")
        #expect(shown.contains("\\"), "escaped visibly: \(shown)")
        // Printable text around the escape survives.
        #expect(shown.hasPrefix(String(text.prefix { $0.isLetter })))
    }

    @Test func escapesUseBashNotation() {
        #expect(TerminalText.visible("a\u{1b}b\u{7}c\nd\u{0}e\u{202e}f") == "a\\eb\\ac\\nd\\x00e\\u202Ef")
        #expect(TerminalText.message("one\ntwo\tthree\u{1b}") == "one\ntwo\tthree\\e")
        #expect(TerminalText.visible("中文 ünï €") == "中文 ünï €")
    }

    @Test func invalidUTF8IsShownByteForByte() {
        let bytes: [UInt8] = [0x61, 0xFF, 0x62, 0xC3, 0x28, 0xE2, 0x82, 0xAC, 0xED, 0xA0, 0x80, 0x1B]
        #expect(TerminalText.visible(bytes: bytes) == "a\\xFFb\\xC3(€\\xED\\xA0\\x80\\e")
        #expect(!TerminalText.isValidUTF8(bytes))
        #expect(TerminalText.isValidUTF8(Array("中文 €".utf8)))
        // Overlong forms and values past U+10FFFF are invalid too.
        #expect(!TerminalText.isValidUTF8([0xC0, 0xAF]))
        #expect(!TerminalText.isValidUTF8([0xF4, 0x90, 0x80, 0x80]))
    }

    /// The words bash reads from a pasted line, in the C locale (no UTF-8 help from the shell).
    static func bashWords(_ line: String) throws -> [String] {
        try ShellSafetyTests.shellWords(line, environment: ["LC_ALL": "C"])
    }

    @Test func qmLineQuotesControlCharactersAsAnsiC() throws {
        let words = Self.injections.filter { !$0.contains("\0") } + ["it's \\ \u{1b}", "中文\u{202e}"]
        let line = ShellQuote.line(words)
        #expect(!line.unicodeScalars.contains(where: TerminalText.mustEscape), "the line itself is safe on a terminal")
        #expect(ShellQuote.quote("c\u{1b}]0;x\u{7}") == "$'c\\e]0;x\\a'")
        #expect(ShellQuote.quote("rtl\u{202e}") == "$'rtl\\xE2\\x80\\xAE'")
        // Pasted into bash, even under the C locale, the words come back byte for byte.
        #expect(try Self.bashWords(line) == words)
    }

    @Test func aDescriptionWithEscapesGivesASafeScript() throws {
        let model = TestHosts.model(TestHosts.standard, [
            (.isoImage, "local:iso/x.iso"), (.description, "title\u{1b}]0;pwned\u{7}\nline 2"),
        ])
        let script = QmCommand.script(model)
        #expect(!script.unicodeScalars.contains { TerminalText.mustEscape($0) && $0 != "\n" })
        let argv = QmCommand.create(model)
        #expect(try Self.bashWords(ShellQuote.line(argv)) == argv)
    }

    // MARK: Bounded reads

    static func scratch(_ name: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("vmwizard-bounded-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir.path
    }

    @Test func aFIFOIsRefusedWithoutBlocking() throws {
        let dir = try Self.scratch("fifo")
        let path = dir + "/.vmlist"
        #expect(mkfifo(path, 0o600) == 0)
        // Opened non-blocking and refused by type: a writer never appears, and the read still returns.
        #expect(BoundedFile.read(path) == .failed("is a FIFO, not a file"))
    }

    @Test func devicesAndFoldersAreRefused() throws {
        #expect(BoundedFile.read("/dev/zero") == .failed("is a character device, not a file"))
        #expect(BoundedFile.read("/tmp") == .failed("is a directory, not a file"))
        #expect(BoundedFile.read("/nonexistent-vmwizard/x") == .missing)
        let dir = try Self.scratch("link")
        try FileManager.default.createSymbolicLink(atPath: dir + "/meminfo", withDestinationPath: "/dev/zero")
        #expect(BoundedFile.read(dir + "/meminfo") == .failed("is a character device, not a file"))
    }

    @Test func symlinksToFilesAndProcFilesAreRead() throws {
        let dir = try Self.scratch("symlink")
        try "node: pve1\n".write(toFile: dir + "/real", atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: dir + "/local", withDestinationPath: dir + "/real")
        #expect(BoundedFile.read(dir + "/local") == .ok(Array("node: pve1\n".utf8)))
        // /proc reports a size of 0: the content comes from reading.
        guard case .ok(let meminfo) = BoundedFile.read("/proc/meminfo") else {
            Issue.record("/proc/meminfo must be readable")
            return
        }
        #expect(String(decoding: meminfo, as: UTF8.self).hasPrefix("MemTotal:"))
    }

    @Test func aFileOverTheLimitIsRefusedNotCut() throws {
        let dir = try Self.scratch("large")
        let path = dir + "/big"
        try Data(repeating: 0x61, count: 5000).write(to: URL(fileURLWithPath: path))
        #expect(BoundedFile.read(path, limit: 4999) == .failed("larger than 4999 bytes; not read"))
        #expect(BoundedFile.read(path, limit: 5000) == .ok(Array(repeating: 0x61, count: 5000)))
    }

    @Test func answersFilesAreBoundedToo() throws {
        let dir = try Self.scratch("answers")
        let fifo = dir + "/answers.json"
        #expect(mkfifo(fifo, 0o600) == 0)
        guard case .failure(let problems) = Answers.load(path: fifo, host: TestHosts.standard) else {
            Issue.record("a FIFO must be refused")
            return
        }
        #expect(problems.first?.message.contains("is a FIFO") == true, "\(problems)")
        let large = dir + "/large.conf"
        try Data(repeating: 0x23, count: Answers.maxSize + 1).write(to: URL(fileURLWithPath: large))
        guard case .failure(let tooLarge) = Answers.load(path: large, host: TestHosts.standard) else {
            Issue.record("an oversized file must be refused")
            return
        }
        #expect(tooLarge.first?.message.contains("larger than 4 MiB") == true, "\(tooLarge)")
    }

    @Test func deepJSONIsRefusedWithAPosition() {
        let deep = "{\"a\": " + String(repeating: "[", count: 60_000) + String(repeating: "]", count: 60_000) + "}"
        guard case .failure(let problems) = Answers.parse(text: deep, host: TestHosts.standard) else {
            Issue.record("deep nesting must be refused")
            return
        }
        #expect(problems.count == 1)
        #expect(problems.first?.location.hasPrefix("line 1, column ") == true, "\(problems)")
        #expect(problems.first?.message.contains("nesting deeper than 32 levels") == true, "\(problems)")
    }
}
