import VMWizardPlatform

/// Text helpers shared by the inventory parsers.
enum InventoryText {
    /// Splits UTF-8 bytes into lines (LF or CRLF); stops at the first NUL byte.
    static func lines(_ bytes: [UInt8]) -> [Substring] {
        let end = bytes.firstIndex(of: 0) ?? bytes.count
        let text = String(decoding: bytes[0..<end], as: UTF8.self)
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.last == "\r" ? line.dropLast() : line
        }
    }

    @inline(__always) static func isBlank(_ c: Character) -> Bool {
        c == " " || c == "\t" || c == "\r"
    }

    static func trim(_ text: Substring) -> Substring {
        var slice = text
        while let first = slice.first, isBlank(first) { slice = slice.dropFirst() }
        while let last = slice.last, isBlank(last) { slice = slice.dropLast() }
        return slice
    }

    static func trim(_ text: String) -> String { String(trim(Substring(text))) }

    /// First whitespace-separated word and the trimmed rest.
    static func firstWord(_ text: Substring) -> (word: Substring, rest: Substring) {
        let trimmed = trim(text)
        guard let space = trimmed.firstIndex(where: isBlank) else { return (trimmed, "") }
        return (trimmed[..<space], trim(trimmed[space...]))
    }

    /// Splits a PVE list ("a,b c;d") into its non-empty items.
    static func splitList(_ text: Substring) -> [String] {
        text.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == " " || $0 == "\t" }).map(String.init)
    }

    /// PVE boolean spellings.
    static func flag(_ text: Substring) -> Bool? {
        switch text.lowercased() {
        case "", "1", "yes", "on", "true": return true
        case "0", "no", "off", "false": return false
        default: return nil
        }
    }

    /// Short, printable excerpt of a bad line for a warning.
    static func excerpt(_ line: Substring, limit: Int = 40) -> String {
        let cleaned = String(trim(line).map { $0.isASCII && ($0.asciiValue ?? 0) < 0x20 ? "?" : $0 })
        if cleaned.count <= limit { return cleaned }
        return String(cleaned.prefix(limit)) + "…"
    }

    /// Natural order: "vmbr2" before "vmbr10".
    static func naturalLess(_ lhs: String, _ rhs: String) -> Bool {
        NaturalOrder.compare(lhs, rhs, caseInsensitive: true) == .orderedAscending
    }
}

/// Collects line-level problems of one file and turns them into a few readable warnings.
struct InventoryLineIssues {
    let file: String
    private(set) var examples: [Phrase] = []
    private(set) var total = 0
    static let maxExamples = 3

    init(file: String) {
        self.file = file
    }

    mutating func add(line: Int, _ text: Phrase) {
        total += 1
        if examples.count < Self.maxExamples { examples.append("\(file): line \(line): \(text)") }
    }

    func warnings() -> [Phrase] {
        var result = examples
        if total > examples.count {
            result.append("\(file): \(total - examples.count) more line(s) could not be understood and were ignored")
        }
        return result
    }
}
