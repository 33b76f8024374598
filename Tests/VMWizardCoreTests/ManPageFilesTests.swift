import Foundation
import Testing
@testable import VMWizardCore

/// The FILES section of vmwizard.1 is written by hand (Sources/vmwizard-manpage/ManPageProse.swift); this
/// keeps it naming every host file the inventory reads, and the exit codes matching their table.
@Suite struct ManPageFilesTests {
    static let page: String = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return (try? String(contentsOf: root.appendingPathComponent("vmwizard.1"), encoding: .utf8)) ?? ""
    }()

    static func section(_ name: String) -> String {
        page.components(separatedBy: ".SH \(name)\n").dropFirst().first?.components(separatedBy: "\n.SH ").first ?? ""
    }

    @Test func filesSectionNamesEveryHostFileTheInventoryReads() {
        let files = Self.section("FILES")
        #expect(!files.isEmpty, "vmwizard.1 has no FILES section")
        let read = [
            InventoryStatusFiles.vmlistPath, InventoryStatusFiles.membersPath, InventoryStatusFiles.rrdPath,
            InventoryStorageConfig.path, InventoryHostFiles.datacenterPath, InventoryHostFiles.userPath,
            InventoryHostFiles.cpuinfoPath, InventoryHostFiles.meminfoPath, InventoryHostFiles.mountsPath,
            InventoryNetworkFiles.interfacesPath, InventoryNetworkFiles.pendingInterfacesPath,
            InventoryNetworkFiles.sdnRunningPath, InventoryCloudInitFiles.resolvPath, "root/.ssh/*.pub",
        ] + InventoryCloudInitFiles.keyFiles.filter { !$0.hasPrefix("etc/pve/priv") }
        for path in read {
            let named = files.contains("\\fI/\(path)\\fR")
            #expect(named, "FILES in vmwizard.1 does not name /\(path)")
        }
    }

    @Test func exitStatusSectionListsTheTable() {
        let section = Self.section("EXIT STATUS")
        let codes = section.components(separatedBy: ".TP\n").dropFirst().compactMap { $0.split(separator: "\n").first }
        #expect(codes.map(String.init) == ExitCodeTable.all.map { "\\fB\($0.code)\\fR" })
    }
}
