import Testing
@testable import VMWizardCore
@testable import VMWizardTUI

/// The wizard in Simplified Chinese at 80×24: every tab, a picker, the help overlay and Confirm, laid out by
/// display width (CJK characters take two columns).
@Suite struct ChineseScreenTests {
    static func onTab(_ tab: Tab, width: Int = 80, height: Int = 24, advanced: Bool = false) -> WizardState {
        var state = demoState(width: width, height: height, advanced: advanced, language: .zh)
        state.pickISO(containing: "debian")
        state.go(to: tab)
        return state
    }

    /// Every row fills exactly the screen's width in columns: nothing overflows and no wide character is cut
    /// in half at a pane edge or at the right margin.
    static func expectWellFormed(_ screen: Screen, sourceLocation: SourceLocation = #_sourceLocation) {
        for (row, line) in screen.lines.enumerated() {
            #expect(DisplayWidth.of(line) == screen.width, "row \(row) is \(DisplayWidth.of(line)) columns: \(line)",
                    sourceLocation: sourceLocation)
        }
        for row in 0..<screen.height {
            for column in 0..<screen.width {
                let cell = screen.cells[row * screen.width + column]
                if cell.isContinuation {
                    let lead = column > 0 ? screen.cells[row * screen.width + column - 1] : Cell.blank
                    #expect(column > 0 && DisplayWidth.of(lead.text) == 2,
                            "orphan half of a wide character at \(column),\(row)", sourceLocation: sourceLocation)
                }
            }
        }
    }

    @Test(arguments: Tab.allCases)
    func everyTabInChinese(tab: Tab) {
        let state = Self.onTab(tab)
        let screen = state.render()
        Self.expectWellFormed(screen)
        let text = screen.text
        #expect(text.contains("创建：虚拟机"))
        #expect(text.contains(tab.title.text(.zh)))
        // Every field label shown on the tab is in Chinese, and no English label leaks through.
        for (spec, _) in state.shownFields(on: tab) where tab != .confirm {
            let chinese = spec.label.text(.zh)
            #expect(text.contains(DisplayWidth.truncate(chinese, to: 18).replacingOccurrences(of: "…", with: "")),
                    "label \(spec.label) missing on \(tab.title)")
            if chinese != spec.label.description && spec.label.description.count > 3 {
                #expect(!text.contains(spec.label.description), "English label \(spec.label) on \(tab.title)")
            }
        }
        assertSnapshot(screen, named: "zh-\(tab.title)-80x24")
    }

    @Test func everyChineseLabelFitsTheLabelColumnAt80Columns() {
        let column = Layout(width: 80, height: 24).labelWidth - 1
        for spec in OptionCatalog.specs {
            let label = spec.label.text(.zh)
            #expect(DisplayWidth.of(label) <= column, "\(label) is \(DisplayWidth.of(label)) columns; the column has \(column)")
        }
    }

    @Test func advancedTabsInChineseStayInsideTheirPanes() {
        for tab in Tab.allCases {
            for (width, height) in [(80, 24), (100, 30), (120, 40)] {
                Self.expectWellFormed(Self.onTab(tab, width: width, height: height, advanced: true).render())
            }
        }
    }

    @Test func pickerColumnsAlignInChinese() throws {
        var state = Self.onTab(.cpu, advanced: true)
        state.focus = .field(FieldRef(.cpuType))
        state.press(.enter)
        // The picker opens on the current model; a filter brings the AMD rows.
        state.type("EPYC")
        let screen = state.render()
        Self.expectWellFormed(screen)
        #expect(screen.text.contains("选择：类型"))
        // The detail column starts at the same display column on every row of the list.
        let rows = screen.lines.filter { $0.contains("AMD") && $0.contains("EPYC") }
        let columns = Set(rows.map { line -> Int in
            let head = line.components(separatedBy: "  AMD").first ?? ""
            return DisplayWidth.of(head)
        })
        #expect(rows.count > 2 && columns.count == 1, "\(rows)")
        assertSnapshot(screen, named: "zh-cpu-picker-80x24")
    }

    @Test func helpOverlayAndConfirmInChinese() {
        var state = Self.onTab(.memory)
        state.press(.function(1))
        let help = state.render()
        Self.expectWellFormed(help)
        #expect(help.text.contains("按键") && help.text.contains("下一个 / 上一个字段"))
        assertSnapshot(help, named: "zh-help-80x24")

        var confirm = Self.onTab(.confirm)
        confirm.summaryScroll = 0
        let screen = confirm.render()
        #expect(screen.text.contains("“创建”将运行的命令："))
        #expect(screen.text.contains("[创建]") && screen.text.contains("[打印并退出]"))
    }

    @Test func problemsAreReportedInChinese() {
        var state = demoState(language: .zh)
        state.go(to: .general)
        state.focus = .field(FieldRef(.vmid))
        state.press(.ctrl("u"))
        state.type("100")
        let screen = state.render()
        Self.expectWellFormed(screen)
        #expect(screen.text.contains("VM ID 100 已被节点 pve 上的虚拟机占用"), "\(screen.text)")
    }

    @Test func wrappingNeverSplitsACharacterOrPutsPunctuationFirst() {
        let text = "用于引导安装的 ISO，输入部分文件名即可筛选列表。vmwizard 会根据文件名识别系统（Windows 11、Server 2022/2025 识别为 win11）。"
        for width in 12...40 {
            let lines = DisplayWidth.wrap(text, width: width)
            #expect(lines.joined().replacingOccurrences(of: " ", with: "") == text.replacingOccurrences(of: " ", with: ""))
            for line in lines {
                #expect(DisplayWidth.of(line) <= width, "\(line) wider than \(width)")
                if let first = line.first {
                    #expect(!DisplayWidth.closingPunctuation.contains(first), "line starts with \(first) at width \(width)")
                }
                if let last = line.last {
                    #expect(!DisplayWidth.openingPunctuation.contains(last), "line ends with \(last) at width \(width)")
                }
            }
            // Latin words are kept whole whenever they fit on a line.
            #expect(!lines.contains { $0.hasSuffix("vmwiz") || $0.hasSuffix("Windo") }, "\(lines)")
        }
    }
}
