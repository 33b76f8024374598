import Foundation
import VMWizardCore
import Testing

/// Locates the committed host fixture trees and makes scratch copies of them.
enum InventoryFixtures {
    /// `Fixtures/hosts/<name>` inside the test bundle.
    static func root(_ name: String) throws -> String {
        let base = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        let url = base.appendingPathComponent("hosts").appendingPathComponent(name)
        #expect(FileManager.default.fileExists(atPath: url.path), "missing fixture \(name)")
        return url.path
    }

    /// A fresh, empty scratch folder; remove it with `cleanUp`.
    static func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("vmwizard-inventory-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A writable copy of a fixture tree, for tests that break or change one file.
    static func copy(_ name: String) throws -> URL {
        let target = try scratch().appendingPathComponent(name)
        try FileManager.default.copyItem(atPath: try root(name), toPath: target.path)
        return target
    }

    static func cleanUp(_ url: URL) {
        // Copies live one level below their scratch folder.
        let scratch = url.lastPathComponent.hasPrefix("vmwizard-inventory-tests-") ? url : url.deletingLastPathComponent()
        try? FileManager.default.removeItem(at: scratch)
    }

    static func write(_ text: String, to relative: String, in root: URL) throws {
        let url = root.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    /// Replaces a file by a folder of the same name: reading it fails even when the tests run as root.
    static func makeUnreadable(_ relative: String, in root: URL) throws {
        let url = root.appendingPathComponent(relative)
        try? FileManager.default.removeItem(at: url)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
}

extension Array where Element == Phrase {
    /// Warnings about one file (they start with its path relative to the root), in English.
    func about(_ file: String) -> [String] {
        map(\.description).filter { $0.hasPrefix(file + ":") }
    }
}
