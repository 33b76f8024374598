import Foundation
import Testing

/// Passthrough on the fixture node, driving the real binary: a free NIC goes through in one pass; the NIC that
/// carries the node's own bridge is refused with the reason until the override is ticked.
@Suite(.serialized) struct PassthroughEndToEndTests {
    /// Picks the Debian ISO, then opens the System tab's device list and adds a device.
    static func addDevice(_ session: TmuxSession) {
        ApplyEndToEndTests.pickDebianISO(session)
        session.keys("PageDown")
        session.waitFor("Passthrough (PCI and USB devices)")
        // Down through the System tab's fields to the list (its help title shows once it has the focus).
        for _ in 0..<12 {
            if session.capture().contains("+ add  - remove") { break }
            session.keys("Down")
            usleep(300_000)
        }
        session.waitFor("+ add  - remove")
        session.keys("+")
        session.waitFor("Added hostpci0")
    }

    /// From the list: Source → Raw device, then the device picker filtered by `filter`.
    static func pickRawDevice(_ session: TmuxSession, filter: String) {
        session.keys("Down", "Down")
        session.waitFor("< Mapped device >")
        session.keys("Right")
        session.waitFor("< Raw device >")
        session.keys("Down", "Enter")
        session.waitFor("Pick: Device")
        session.type(filter)
        session.keys("Enter")
    }

    @Test func aFreeNICGoesThroughInOnePass() throws {
        guard E2E.isRoot else { return }
        let (session, host, _) = try ApplyEndToEndTests.start("pt-free")
        defer { session.kill() }
        Self.addDevice(session)
        Self.pickRawDevice(session, filter: "01:00.0")
        session.waitFor("82599ES")
        session.waitFor("< q35 >  (auto)")
        session.waitFor("[x]  ← the device is PCI Express")
        session.keys("Down")
        session.waitFor("All functions")
        session.keys("Space")
        session.keys("F10")
        session.waitFor("Commands that Create runs:")
        session.waitFor("--hostpci0 0000:01:00,pcie=1")
        ApplyEndToEndTests.create(session)
        session.waitFor("VM 102 created")
        let call = try #require(host.calls.first)
        #expect(call.containsPair("--hostpci0", "0000:01:00,pcie=1"))
        #expect(call.containsPair("--machine", "q35"))
    }

    @Test func theManagementNICIsRefusedWithTheReason() throws {
        guard E2E.isRoot else { return }
        let (session, host, _) = try ApplyEndToEndTests.start("pt-mgmt")
        defer { session.kill() }
        Self.addDevice(session)
        Self.pickRawDevice(session, filter: "1f.6")
        // The help pane gives the whole reason (wrapped), the form marks the field and offers the override.
        session.waitFor("✗ 0000:00:1f.6 carries the node's")
        session.waitFor("own network: eno1 in vmbr0")
        session.waitFor("(192.0.2.10/24). Passing it through")
        session.waitFor("Pass through anyway [ ]")
        // Finishing leads back to the refused device, with the reason on the status line, never to Confirm.
        session.keys("F10")
        session.waitFor(" 0000:00:1f.6 carries the node's own network: eno1 in vmbr0 (192.0.2.10/24)")
        #expect(!session.capture().contains("Commands that Create runs:"))
        #expect(host.calls.isEmpty)
    }
}

extension Array where Element == String {
    func containsPair(_ flag: String, _ value: String) -> Bool {
        zip(self, dropFirst()).contains { $0 == flag && $1 == value }
    }
}
