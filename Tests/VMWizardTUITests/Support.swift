import Foundation
import Testing
@testable import VMWizardCore
@testable import VMWizardTUI

/// Screen snapshots: text files beside the tests, recorded when missing or when RECORD_SNAPSHOTS is set.
/// A recording run fails on purpose so that a new baseline is always looked at.
func assertSnapshot(_ screen: Screen, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
    let file = directory.appendingPathComponent("\(name).txt")
    let actual = screen.text + "\n"
    let record = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] != nil
    guard !record, let expected = try? String(contentsOf: file, encoding: .utf8) else {
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try? actual.write(to: file, atomically: true, encoding: .utf8)
        Issue.record("Recorded a new snapshot \(name).txt; check it and run again", sourceLocation: sourceLocation)
        return
    }
    if actual != expected {
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        var diff = ""
        for index in 0..<max(actualLines.count, expectedLines.count) {
            let a = index < actualLines.count ? String(actualLines[index]) : "<missing>"
            let e = index < expectedLines.count ? String(expectedLines[index]) : "<missing>"
            if a != e { diff += "line \(index + 1):\n  expected: \(e)\n  actual:   \(a)\n" }
        }
        Issue.record("Snapshot \(name).txt differs:\n\(diff)", sourceLocation: sourceLocation)
    }
}

/// A wizard on the demo host at a given size.
func demoState(width: Int = 80, height: Int = 24, advanced: Bool = false, language: Language = .en) -> WizardState {
    WizardState(model: VMModel(host: .demo), options: WizardOptions(canApply: false, language: language),
                showAdvanced: advanced, width: width, height: height)
}

extension WizardState {
    /// Feeds keys one by one, collecting effects.
    @discardableResult
    mutating func press(_ keys: Key...) -> [Effect] {
        keys.flatMap { update(.key($0)) }
    }

    @discardableResult
    mutating func type(_ text: String) -> [Effect] {
        text.flatMap { update(.key(.char($0))) }
    }

    /// The first ISO of the demo host whose name contains `needle`.
    mutating func pickISO(containing needle: String) {
        let volid = model.host.isoImages.values.flatMap { $0 }.first { $0.fileName.contains(needle) }?.volid ?? ""
        model.set(.isoStorage, to: String(volid.prefix { $0 != ":" }))
        model.set(.isoImage, to: volid)
    }
}
