import Foundation
import Testing
@testable import VMWizardCore
@testable import VMWizardTUI

/// The System tab's passthrough list and Confirm's "Other settings from the template", on the demo host at 80×24.
@Suite struct PassthroughScreenTests {
    static func systemState() -> WizardState {
        var state = demoState()
        state.model.set(.media, to: "none")
        state.go(to: .system)
        return state
    }

    static func toList(_ state: inout WizardState) {
        for _ in 0..<20 where state.focus != .deviceList { state.press(.tab) }
    }

    static func focus(_ state: inout WizardState, _ id: FieldID, item: Int? = nil) {
        for _ in 0..<40 where state.focus != .field(FieldRef(id, item: item)) { state.press(.tab) }
    }

    @Test func aFreeNICIsPickedFromTheListAndQ35IsProposed() {
        var state = Self.systemState()
        Self.toList(&state)
        #expect(state.focus == .deviceList)
        #expect(state.render().text.contains("(none) + add  - remove"))
        state.press(.char("+"))
        #expect(state.status?.description == "Added hostpci0")
        Self.focus(&state, .pciSource, item: 0)
        state.press(.right)
        #expect(state.model.value(.pciSource, item: 0) == "raw")
        Self.focus(&state, .pciHost, item: 0)
        state.press(.enter)
        state.type("82599")
        let picker = state.render().text
        #expect(picker.contains("01:00.0 Intel Corporation 82599ES"))
        #expect(picker.contains("group 12"))
        state.press(.enter)
        #expect(state.model.value(.pciHost, item: 0) == "0000:01:00.0")
        Self.focus(&state, .pciAllFunctions, item: 0)
        state.press(.char(" "))
        let screen = state.render()
        #expect(screen.text.contains("< q35 >  (auto)"))
        #expect(screen.text.contains("[hostpci0]"))
        #expect(state.model.errors.isEmpty)
        #expect(QmCommand.create(state.model).joined(separator: " ").contains("--hostpci0 0000:01:00,pcie=1"))
    }

    @Test func theManagementNICIsMarkedAndTheOverrideAppears() {
        var state = Self.systemState()
        Self.toList(&state)
        state.press(.char("+"))
        Self.focus(&state, .pciSource, item: 0)
        state.press(.right)
        Self.focus(&state, .pciHost, item: 0)
        state.press(.enter)
        state.type("1f.6")
        state.press(.enter)
        let text = state.render().text
        #expect(text.contains("[hostpci0!]"))
        #expect(text.contains("Pass through anyway"))
        #expect(state.model.errors.first?.message.hasPrefix("0000:00:1f.6 carries the node's own network: eno1 in vmbr0") == true)
        // F10 goes back to the refused device.
        state.press(.function(10))
        #expect(state.focus == .field(FieldRef(.pciHost, item: 0)))
        Self.focus(&state, .pciOverride, item: 0)
        state.press(.char(" "))
        #expect(state.model.errors.isEmpty)
    }

    @Test func keptSettingsAreListedOnConfirmAndCanBeDropped() throws {
        let text = "ostype: l26\nide2: none,media=cdrom\nhugepages: 2\nargs: -no-reboot\ncpu: host,level=9\nlock: backup\n"
        let draft = try Answers.parse(text: text, host: .demo).get()
        var state = demoState()
        state.model.draft = draft
        state.go(to: .confirm)
        let confirm = state.render().text
        #expect(confirm.contains("Other settings from the template (o: review, drop or keep each):"))
        #expect(confirm.contains("[x] hugepages: 2"))
        #expect(confirm.contains("! Not carried over from the template: lock"))
        state.press(.char("o"))
        #expect(state.render().text.contains("Other settings from the template ─"))
        let row = try #require(state.model.keptRows.firstIndex { $0.text == "hugepages: 2" })
        for _ in 0..<row { state.press(.down) }
        state.press(.char(" "))  // drops hugepages
        #expect(state.model.keptRows[row].dropped)
        #expect(!QmCommand.create(state.model).contains("--hugepages"))
        #expect(state.render().text.contains("[ ] hugepages: 2  (dropped)"))
        state.press(.char(" "))  // and takes it back
        #expect(QmCommand.create(state.model).contains("--hugepages"))
        state.press(.escape)
        #expect(state.overlay == nil)
    }
}

/// The disk size field takes Proxmox's units as a template writes them, and shows the GiB they make.
@Suite struct DiskSizeUnitScreenTests {
    @Test func aSizeWithAUnitIsTypedAndShownInGiB() {
        var state = demoState()
        state.model.set(.media, to: "none")
        state.go(to: .disks)
        for _ in 0..<20 where state.focus != .field(FieldRef(.diskSize, item: 0)) { state.press(.tab) }
        state.press(.ctrl("u"))
        state.type("1536m")
        #expect(state.model.value(.diskSize, item: 0) == "1536M")
        #expect(state.render().text.contains("1536M"))
        #expect(state.render().text.contains("= 1.5 GiB"))
        #expect(state.model.issue(.diskSize, item: 0) == nil)
        #expect(QmCommand.create(state.model).contains { $0.hasPrefix("local-lvm:1.5") })
        // A second unit, or a unit inside the number, is refused with the reason.
        state.type("G")
        #expect(state.model.value(.diskSize, item: 0) == "1536M")
        #expect(state.statusIsError)
    }
}

/// A USB device names itself (its manufacturer and product strings come from the device): whatever it says
/// reaches the screen escaped, never as terminal control.
@Suite struct HostileDeviceNameScreenTests {
    @Test func aUSBDevicesOwnStringsAreDrawnEscaped() {
        var state = demoState()
        state.model.set(.media, to: "none")
        state.model.host.passthrough?.usbDevices = [
            USBDevice(busPort: "1-3", busNumber: 1, deviceNumber: 9, vendorID: "dead", productID: "beef",
                      manufacturer: "Evil\u{1b}]0;pwned\u{7}", product: "Stick\u{1b}[2J")
        ]
        state.go(to: .system)
        for _ in 0..<20 where state.focus != .deviceList { state.press(.tab) }
        state.press(.char("+"))
        for _ in 0..<20 where state.focus != .field(FieldRef(.devType, item: 0)) { state.press(.tab) }
        state.press(.right)
        #expect(state.model.value(.devType, item: 0) == "usb")
        for _ in 0..<20 where state.focus != .field(FieldRef(.usbHost, item: 0)) { state.press(.tab) }
        state.press(.enter)
        let picker = state.render().text
        #expect(picker.contains("Evil\\e]0;pwned\\a Stick\\e[2J"))
        #expect(!picker.unicodeScalars.contains { $0 == "\u{1b}" || $0 == "\u{7}" })
        state.press(.enter)
        let field = state.render().text
        #expect(state.model.value(.usbHost, item: 0) == "dead:beef")
        #expect(!field.unicodeScalars.contains { $0 == "\u{1b}" || $0 == "\u{7}" })
    }
}
