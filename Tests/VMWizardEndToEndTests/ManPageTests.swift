import Foundation
import Testing

/// vmwizard.1 at the repository root is generated (scripts/generate-docs.sh); these tests keep it from
/// drifting from the argument definitions, and check that it renders cleanly.
@Suite struct ManPageTests {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let committedPage = packageRoot.appendingPathComponent("vmwizard.1").path
    static let committedChinesePage = packageRoot.appendingPathComponent("vmwizard.zh_CN.1").path

    /// The man page generator, built beside vmwizard.
    static var generator: String {
        URL(fileURLWithPath: E2E.binary).deletingLastPathComponent().appendingPathComponent("vmwizard-manpage").path
    }

    static func freshPage(_ extraArguments: [String] = []) throws -> String {
        let dir = try E2E.scratch("manpage")
        let dump = try Spawn.run([E2E.binary, "--experimental-dump-help"])
        #expect(dump.status == 0, "\(dump.stderr)")
        let dumpPath = dir.appendingPathComponent("help.json").path
        try dump.stdout.write(toFile: dumpPath, atomically: true, encoding: .utf8)
        let page = try Spawn.run([generator] + extraArguments, stdinPath: dumpPath)
        #expect(page.status == 0, "\(page.stderr)")
        return page.stdout
    }

    @Test func committedPageIsAFreshGeneration() throws {
        let fresh = try Self.freshPage()
        let committed = try String(contentsOfFile: Self.committedPage, encoding: .utf8)
        let freshLines = fresh.split(separator: "\n", omittingEmptySubsequences: false)
        let committedLines = committed.split(separator: "\n", omittingEmptySubsequences: false)
        let firstDifference = zip(freshLines, committedLines).enumerated().first { $0.element.0 != $0.element.1 }
        let upToDate = fresh == committed
        #expect(upToDate, """
            vmwizard.1 is out of date; run scripts/generate-docs.sh and commit it. First difference at line \
            \((firstDifference?.offset ?? min(freshLines.count, committedLines.count)) + 1): \
            generated \(firstDifference.map { "\"\($0.element.0)\"" } ?? "\(freshLines.count) lines"), \
            committed \(firstDifference.map { "\"\($0.element.1)\"" } ?? "\(committedLines.count) lines")
            """)
    }

    @Test func committedChinesePageIsAFreshGeneration() throws {
        let fresh = try Self.freshPage(["--zh"])
        let committed = try String(contentsOfFile: Self.committedChinesePage, encoding: .utf8)
        #expect(fresh == committed, "vmwizard.zh_CN.1 is out of date; run scripts/generate-docs.sh and commit it")
    }

    /// The Chinese page says nothing in English: a missing translation would fall back to an English sentence,
    /// so no five English words may follow each other outside the literal examples.
    @Test func chinesePageHasNoEnglishSentences() throws {
        let page = try String(contentsOfFile: Self.committedChinesePage, encoding: .utf8)
        var inLiteral = false
        var prose: [String] = []
        for line in page.split(separator: "\n") {
            if line.hasPrefix(".nf") { inLiteral = true }
            if line.hasPrefix(".fi") { inLiteral = false }
            if inLiteral || line.hasPrefix(".") { continue }
            prose.append(line.replacingOccurrences(of: "\\f[BIR]", with: " ", options: .regularExpression))
        }
        let text = prose.joined(separator: " ")
        let english = text.range(of: #"([A-Za-z]+[,;:]? ){5,}"#, options: .regularExpression).map { String(text[$0]) }
        #expect(english == nil, "English in vmwizard.zh_CN.1: \(english ?? "")")
        #expect(text.contains("\\[u"), "the Chinese page holds no Chinese")
    }

    /// Every option and flag that `--help` lists is a tagged entry of the OPTIONS section.
    @Test func everyHelpOptionIsInThePage() throws {
        let help = try Spawn.run([E2E.binary, "--help"])
        #expect(help.status == 0)
        let optionLines = help.stdout.split(separator: "\n")
            .drop { !$0.hasPrefix("OPTIONS:") }.dropFirst()
            .filter { $0.hasPrefix("  -") }
        let names = optionLines.flatMap { line in
            line.split(separator: " ").prefix { $0.hasPrefix("-") || $0.hasPrefix("<") }
                .filter { $0.hasPrefix("-") }
                .map { $0.hasSuffix(",") ? String($0.dropLast()) : String($0) }
        }
        #expect(names.count >= 10, "read \(names) from --help:\n\(help.stdout)")
        #expect(names.contains("--version"))

        let page = try String(contentsOfFile: Self.committedPage, encoding: .utf8)
        let options = page.components(separatedBy: ".SH OPTIONS\n").dropFirst().first?
            .components(separatedBy: "\n.SH ").first ?? ""
        let tags = options.components(separatedBy: ".TP\n").dropFirst().compactMap { $0.split(separator: "\n").first }
        for name in names {
            let escaped = "\\fB" + name.replacingOccurrences(of: "-", with: "\\-") + "\\fR"
            let listed = tags.contains { $0.contains(escaped) }
            #expect(listed, "\(name) from --help has no entry in vmwizard.1's OPTIONS")
        }
    }

    @Test(arguments: [committedPage, committedChinesePage])
    func pageRendersWithoutWarnings(_ path: String) throws {
        let groff = try? Spawn.run(["groff", "-man", "-Tutf8", "-ww", "-z", path])
        if let groff, groff.status != 127 {
            #expect(groff.status == 0 && groff.stderr.isEmpty, "groff: \(groff.stderr)")
        }
        let mandoc = try? Spawn.run(["mandoc", "-Tlint", "-Wstyle", path])
        if let mandoc, mandoc.status != 127 {
            #expect(mandoc.status == 0 && mandoc.stdout.isEmpty && mandoc.stderr.isEmpty, "mandoc: \(mandoc.stdout)\(mandoc.stderr)")
        }
        #expect(groff != nil || mandoc != nil, "neither groff nor mandoc could be run")
    }
}
