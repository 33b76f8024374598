/// A man(7) page being written: only the plain macros (.TH .SH .PP .TP .RS .RE .nf .fi), which groff
/// and mandoc render alike.
struct RoffDocument {
    private(set) var lines: [String] = []

    init(title: String, section: Int, date: String, source: String, manual: String) {
        lines.append(".TH \(title) \(section) \(quoted(date)) \(quoted(source)) \(quoted(manual))")
        // No hyphenation: option names and paths are copied from the page.
        lines.append(".nh")
    }

    mutating func section(_ name: String) {
        lines.append(".SH \(name)")
    }

    /// A paragraph of plain text (escaped here).
    mutating func paragraph(_ plain: String) {
        startParagraph()
        lines.append(Roff.wrapped(Roff.text(plain)))
    }

    /// A request of its own (`.br`), passed as is.
    mutating func request(_ line: String) {
        lines.append(line)
    }

    /// A line that is already roff (escaped by the caller).
    mutating func raw(_ escaped: String) {
        lines.append(Roff.wrapped(escaped))
    }

    /// A hanging entry: `tag` (already roff) on its line, `body` (plain text) indented below it.
    mutating func entry(_ tag: String, _ body: String) {
        lines.append(".TP")
        lines.append(Roff.line(tag))
        lines.append(Roff.wrapped(Roff.text(body)))
    }

    /// Lines shown as typed (examples), indented.
    mutating func literal(_ plainLines: [String]) {
        startParagraph()
        lines.append(".RS 4")
        lines.append(".nf")
        lines += plainLines.map { Roff.line(Roff.text($0)) }
        lines.append(".fi")
        lines.append(".RE")
    }

    var text: String { lines.joined(separator: "\n") + "\n" }

    /// `.PP` between paragraphs, not straight after a heading.
    private mutating func startParagraph() {
        if let last = lines.last, !last.hasPrefix(".SH") { lines.append(".PP") }
    }

    private func quoted(_ argument: String) -> String { "\"" + argument + "\"" }
}
