import Foundation
import Testing
@testable import VMWizardCore
@testable import VMWizardTUI

/// The cloud image flow on the demo host at 80×24: the password never shows or reaches the draft, SSH keys are
/// ticked, pasted or read from a file, and Confirm lists every command.
@Suite struct CloudInitScreenTests {
    static let key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHXGfhso++PvfMv9p56+QQkm/+dBtqKaTprt3sDNOABP me@laptop"

    /// The demo wizard with the Debian cloud image as install media, on the Cloud-Init tab.
    static func cloudState() -> WizardState {
        var state = demoState()
        state.model.set(.media, to: "cloud")
        state.model.set(.cloudImage, to: "local:import/debian-13-genericcloud-amd64.qcow2")
        state.go(to: .cloudInit)
        return state
    }

    static func focus(_ state: inout WizardState, _ id: FieldID, item: Int? = nil) {
        for _ in 0..<40 where state.focus != .field(FieldRef(id, item: item)) { state.press(.tab) }
    }

    @Test func thePasswordIsNeverShownAndOnlyItsHashIsKept() throws {
        var state = Self.cloudState()
        Self.focus(&state, .ciPassword)
        state.press(.enter)
        state.type("hunter2")
        let prompt = state.render()
        #expect(!prompt.text.contains("hunter2"))
        #expect(prompt.text.contains("•••••••"))
        state.press(.escape)
        #expect(state.model.value(.ciPassword).isEmpty, "Esc keeps nothing")
        state.press(.enter)
        state.type("hunter2")
        state.press(.enter)
        let stored = state.model.value(.ciPassword)
        #expect(PasswordHash.isHash(stored) && stored.hasPrefix("$5$"))
        let draft = String(decoding: try JSONEncoder().encode(state.model.draft), as: UTF8.self)
        #expect(!draft.contains("hunter2"), "the draft holds the hash only")
        let screen = state.render()
        #expect(!screen.text.contains("hunter2") && !screen.text.contains(stored))
        #expect(screen.text.contains("(set, kept hashed"))
        state.press(.ctrl("u"))
        #expect(state.model.value(.ciPassword).isEmpty)
    }

    @Test func keysAreTickedPastedAndReadFromFiles() {
        var state = Self.cloudState()
        Self.focus(&state, .ciSSHKeys)
        state.press(.enter)
        state.press(.enter)  // ticks the node's key
        #expect(state.model.sshKeys.map(\.comment) == ["root@pve"])
        #expect(state.render().text.contains("✓ ed25519 root@pve"))
        state.press(.enter)  // and takes it out again
        #expect(state.model.sshKeys.isEmpty)
        // A path typed into the filter is read (by the runtime) and its keys added.
        state.type("/home/admin/id.pub")
        #expect(state.press(.enter) == [.readKeyFile(path: "/home/admin/id.pub")])
        state.update(.keyFileRead(path: "/home/admin/id.pub", .success(Self.key + "\n")))
        #expect(state.model.sshKeys.map(\.comment) == ["me@laptop"])
        state.update(.keyFileRead(path: "/nope", .failure(KeyFileError("no such file"))))
        #expect(state.statusIsError && state.status?.description == "/nope: no such file")
        state.press(.escape)
        // A paste on the field adds every key of the text; a private key is refused with the reason.
        state.update(.key(.paste("-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n")))
        #expect(state.statusIsError && state.status?.description.contains("PRIVATE key") == true)
        #expect(state.model.sshKeys.count == 1)
        state.press(.ctrl("u"))
        #expect(state.model.sshKeys.isEmpty)
    }

    @Test func theWholeFlowFitsAt80x24() {
        var state = Self.cloudState()
        Self.focus(&state, .ciUser)
        state.type("admin")
        Self.focus(&state, .ciSSHKeys)
        state.press(.enter, .enter, .escape)
        state.go(to: .network)
        Self.focus(&state, .netIP, item: 0)
        state.type("192.0.2.10/24")
        Self.focus(&state, .netGW, item: 0)
        state.type("192.0.2.1")
        #expect(state.model.errors.isEmpty, "\(state.model.errors)")
        state.go(to: .cloudInit)
        assertSnapshot(state.render(), named: "Cloud-Init-debian-80x24")
        state.press(.function(10))
        #expect(state.tab == .confirm)
        let confirm = state.render().text
        #expect(confirm.contains("printf '%s\\n'"))
        #expect(confirm.contains("--ide2 local-lvm:cloudinit"))
        #expect(confirm.contains("--ipconfig0 ip=192.0.2.10/24,gw=192.0.2.1"))
        assertSnapshot(state.render(), named: "Confirm-cloud-80x24")
    }

    @Test func aHostileKeyCommentNeverReachesTheTerminalRaw() throws {
        var host = HostInventory.demo
        let key = try SSHPublicKey.parse(Substring(Self.key)).get()
        var hostile = key
        hostile.comment = "evil\u{1b}]0;owned\u{07}\u{1b}[2J"
        host.sshKeys = [HostSSHKey(key: hostile, source: "/root/.ssh/evil\u{1b}[31m.pub")]
        var state = WizardState(model: VMModel(host: host))
        state.model.set(.media, to: "cloud")
        state.go(to: .cloudInit)
        Self.focus(&state, .ciSSHKeys)
        state.press(.enter)
        state.press(.enter)
        for screen in [state.render(), { state.press(.escape); return state.render() }()] {
            #expect(!screen.text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, "no control character is drawn")
            #expect(screen.text.contains("evil"))
        }
        // The printed script keeps the comment's bytes, quoted so a paste gives them back exactly.
        #expect(!QmCommand.script(state.model).unicodeScalars.contains { $0.value == 0x1B })
    }
}
