import Testing
@testable import VMWizardCore
@testable import VMWizardTUI

/// Why a value was proposed is never shown as a cut sentence: a row holds the whole reason or a marker, and the
/// focused field's reason is readable in full on the status line or, when longer, in the help pane.
@Suite struct InferredReasonTests {
    static let sizes = [(80, 24), (100, 30), (120, 40), (160, 50)]

    /// Demo wizards whose fields carry proposals: a Debian installer, Windows 11 with its driver CD, and a
    /// driver ISO whose long name makes its reason longer than any status line.
    static func scenarios(width: Int, height: Int, language: Language) -> [WizardState] {
        var debian = demoState(width: width, height: height, language: language)
        debian.pickISO(containing: "debian")
        var windows = demoState(width: width, height: height, language: language)
        windows.pickISO(containing: "Win11")
        var longName = windows
        var host = longName.model.host
        let storage = windows.model.value(.isoStorage)
        let name = "virtio-win-0.1.999-" + String(repeating: "with-a-very-long-name-", count: 8) + "x.iso"
        host.isoImages[storage, default: []].append(ISOImage(volid: "\(storage):iso/\(name)", fileName: name, sizeBytes: 1 << 20))
        longName.model = VMModel(host: host)
        longName.pickISO(containing: "Win11")
        #expect(longName.model.bestVirtioISO?.fileName == name)
        return [debian, windows, longName]
    }

    /// The text of columns [from, to) of one row, wide characters once.
    static func text(_ screen: Screen, y: Int, from: Int, to: Int) -> String {
        (from..<min(to, screen.width)).map { screen[$0, y] }.filter { !$0.isContinuation }.map(\.text).joined()
    }

    static func squeezed(_ text: String) -> String { text.filter { !$0.isWhitespace } }

    @Test(arguments: [Language.en, .zh])
    func reasonsAreWholeOrMarked(language: Language) {
        var checked = 0
        for (width, height) in Self.sizes {
            let layout = Layout(width: width, height: height)
            for var state in Self.scenarios(width: width, height: height, language: language) {
                for tab in Tab.allCases where tab != .confirm {
                    state.go(to: tab)
                    for (_, ref) in state.shownFields(on: tab) {
                        guard case .inferred(let reason) = state.model.provenance(ref.id, item: ref.item),
                              state.model.issue(ref.id, item: ref.item) == nil else { continue }
                        state.focus = .field(ref)
                        let screen = state.render()
                        let translated = state.options.tr(reason)
                        let rows = (layout.body.y..<layout.body.maxY).map { Self.text(screen, y: $0, from: 0, to: layout.form.maxX) }
                        for row in rows where row.contains("←") {
                            let note = row[row.range(of: "←")!.upperBound...].trimmingCharacters(in: .whitespaces)
                            #expect(!note.hasSuffix("…"), "\(width)x\(height) \(tab): a cut reason in '\(row)'")
                        }
                        let spec = OptionCatalog.spec(ref.id)!
                        let label = "  " + DisplayWidth.pad(state.options.tr(spec.label), to: layout.labelWidth - 1)
                        let row = rows.first { $0.hasPrefix(label) } ?? ""
                        let valueFillsRow = DisplayWidth.of(row.trimmingCharacters(in: .whitespaces)) + 2 + 3 > layout.form.maxX - 1
                        #expect(row.contains("←") || row.contains(state.options.tr("(auto)")) || valueFillsRow,
                                "\(width)x\(height) \(tab) \(ref.id): no marker in '\(row)'")
                        let status = Self.text(screen, y: layout.status, from: 0, to: width)
                        let help = (layout.body.y..<layout.body.maxY)
                            .map { Self.text(screen, y: $0, from: layout.help.x, to: width) }.joined()
                        let readable = status.contains(translated) || Self.squeezed(help).contains(Self.squeezed(translated))
                        #expect(readable, "\(width)x\(height) \(tab) \(ref.id): '\(translated)' is not readable in full")
                        checked += 1
                    }
                }
            }
        }
        #expect(checked > 40)
    }
}
