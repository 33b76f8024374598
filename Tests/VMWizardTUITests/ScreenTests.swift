import Testing
@testable import VMWizardCore
@testable import VMWizardTUI

/// Whole screens on the demo host, compared with the text files in Snapshots/.
@Suite struct ScreenTests {
    static let sizes = [(80, 24), (120, 40)]

    /// The demo wizard with the Debian ISO picked, on `tab` with focus on its first field.
    static func onTab(_ tab: Tab, width: Int, height: Int, advanced: Bool = false) -> WizardState {
        var state = demoState(width: width, height: height, advanced: advanced)
        state.pickISO(containing: "debian")
        state.go(to: tab)
        return state
    }

    @Test(arguments: Tab.allCases)
    func everyTabAtBothSizes(tab: Tab) {
        for (width, height) in Self.sizes {
            assertSnapshot(Self.onTab(tab, width: width, height: height).render(), named: "\(tab.title)-\(width)x\(height)")
        }
    }

    @Test func advancedFieldsAt120x40() {
        for tab in [Tab.general, .disks, .cpu, .memory, .network] {
            assertSnapshot(Self.onTab(tab, width: 120, height: 40, advanced: true).render(), named: "\(tab.title)-advanced-120x40")
        }
    }

    @Test func freshWizardShowsTheDemoBannerAndTheMissingISO() {
        let screen = demoState().render()
        #expect(screen.lines[0].contains("DEMO HOST"))
        assertSnapshot(screen, named: "fresh-80x24")
    }

    @Test func windows11ProposalsAreVisible() {
        var state = demoState(width: 120, height: 40)
        state.pickISO(containing: "Win11")
        state.go(to: .os)
        let text = state.render().text
        #expect(text.contains("11/2022/2025"))
        #expect(text.contains("(auto)"))
        assertSnapshot(state.render(), named: "OS-windows11-120x40")
        state.focus = .field(FieldRef(.ostype))
        #expect(state.render().lines[state.height - 2].contains("Proposed: detected Windows 11 from the ISO name"))
        state.go(to: .system)
        assertSnapshot(state.render(), named: "System-windows11-120x40")
    }

    @Test func aDiskOnTheSANPicksALUNInsteadOfASize() {
        var state = Self.onTab(.disks, width: 80, height: 24)
        state.model.set(.diskStorage, item: 0, to: "san")
        while state.focus != .field(FieldRef(.diskVolume, item: 0)) { state.press(.tab) }
        state.press(.enter)
        let picker = state.render()
        #expect(picker.text.contains("0.0.1.scsi-360014054f6a3b2c1d0e9f8a7b6c5d4e3"))
        #expect(picker.text.contains("250 GiB"))
        assertSnapshot(picker, named: "Disks-san-picker-80x24")
        state.press(.down, .enter)
        let screen = state.render()
        #expect(!screen.text.contains("Disk size"), "a LUN has its own size")
        assertSnapshot(screen, named: "Disks-san-80x24")
    }

    @Test func tooSmallTerminal() {
        let state = demoState(width: 60, height: 20)
        assertSnapshot(state.render(), named: "too-small-60x20")
        #expect(state.render().text.contains("terminal too small: need 80×24, have 60×20"))
    }

    @Test func cjkTextIsDrawnAtItsTrueWidth() {
        var state = demoState(width: 80, height: 24, advanced: true)
        while state.focus != .field(FieldRef(.description)) { state.press(.tab) }
        state.type("数据库服务器 db1")
        let screen = state.render()
        let row = screen.lines.first { $0.hasPrefix("  Notes") } ?? ""
        #expect(row.contains("数据库服务器 db1"))
        #expect(DisplayWidth.of(row) == 80)
        // The caret sits after the 6 wide characters (12 columns) and " db1".
        let valueX = 2 + 20
        #expect(screen.cursor?.x == valueX + 12 + 4)
        assertSnapshot(screen, named: "cjk-notes-80x24")
    }

    @Test func pickerOverlay() {
        var state = Self.onTab(.cpu, width: 100, height: 30)
        while state.focus != .field(FieldRef(.cpuType)) { state.press(.tab) }
        state.press(.enter)
        state.type("epyc-r")
        assertSnapshot(state.render(), named: "cpu-picker-100x30")
    }

    @Test func helpOverlay() {
        var state = demoState(width: 100, height: 30)
        state.press(.function(1))
        let text = state.render().text
        #expect(text.contains("F10 or Ctrl-X"))
        assertSnapshot(state.render(), named: "help-100x30")
    }

    @Test func confirmShowsTheExactCommand() {
        let state = Self.onTab(.confirm, width: 120, height: 40)
        let text = state.render().text
        #expect(state.commandLines(width: 60) == [
            "qm create 103 \\",
            "  --ide2 \\",
            "    local:iso/debian-13.2.0-amd64-netinst.iso,media=cdrom \\",
            "  --ostype l26 --scsihw virtio-scsi-single \\",
            "  --scsi0 local-lvm:32,iothread=on --sockets 1 --cores 1 \\",
            "  --numa 0 --cpu x86-64-v2-AES --memory 2048 \\",
            "  --net0 virtio,bridge=vmbr0,firewall=1",
        ])
        // 120 columns: a 74-column form, 71 for content, 69 for the command.
        for line in state.commandLines(width: 69) { #expect(text.contains(line)) }
        #expect(text.contains("nodename"))
        #expect(text.contains("[Create]") && text.contains("[Write config]") && text.contains("[Print and exit]") && text.contains("[Back]"))
    }

    /// At every size the command on Confirm breaks only between arguments, so each line can be copied, and
    /// pasted into bash the lines give back the exact command.
    @Test(arguments: [(80, 24), (100, 30), (120, 40)])
    func confirmNeverBreaksAnArgument(size: (Int, Int)) {
        let state = Self.onTab(.confirm, width: size.0, height: size.1)
        let argv = QmCommand.create(state.model)
        let text = state.render().text
        let lines = text.split(separator: "\n").map(String.init)
        // Every argument of the command appears whole on one screen line.
        for argument in argv.dropFirst(3) where argument.count < size.0 - 6 {
            #expect(lines.contains { $0.contains(ShellQuote.quote(argument)) }, "\(size): '\(argument)' is broken")
        }
        // The summary is readable: at least the first few keys are on screen.
        #expect(text.contains("Key         Value"))
    }
}
