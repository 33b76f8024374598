import VMWizardCore

/// Escaping plain text for man(7) pages, so the same source renders cleanly in groff and mandoc.
enum Roff {
    /// Characters outside ASCII, written as the named glyphs both formatters know.
    private static let glyphs: [Character: String] = [
        "↓": "\\(da", "↑": "\\(ua", "←": "\\(<-", "→": "\\(->", "—": "\\(em", "–": "\\(en",
        "“": "\\(lq", "”": "\\(rq", "‘": "\\(oq", "’": "\\(cq", "…": "\\&...", "×": "\\(mu",
    ]

    /// Escapes running text. In an option (a word starting with `-`) and in `code` every `-` becomes `\-`,
    /// so it can be copied into a shell; a hyphen inside a plain word (`Shift-Tab`) stays. `code` in
    /// backquotes turns bold.
    static func text(_ plain: String) -> String {
        var out = ""
        var previous: Character = " "
        var inCode = false
        var inOption = false
        for character in plain {
            // Chinese has no spaces between words: a zero-width break point (\:) after each CJK character
            // lets the formatter break the line there, except before closing punctuation.
            if isCJK(previous), isCJK(character), !DisplayWidth.closingPunctuation.contains(character) {
                out += "\\:"
            }
            if !(character.isLetter || character.isNumber || character == "-") { inOption = false }
            switch character {
            case "`":
                out += inCode ? "\\fR" : "\\fB"
                inCode.toggle()
            case "\\":
                out += "\\e"
            case "-":
                if !(previous.isLetter || previous.isNumber) { inOption = true }
                out += (inCode || inOption) ? "\\-" : "-"
            default:
                if let glyph = glyphs[character] {
                    out += glyph
                } else if character.isASCII {
                    out.append(character)
                } else {
                    out += character.unicodeScalars.map { "\\[u" + hex4($0.value) + "]" }.joined()
                }
            }
            previous = character
        }
        if inCode { out += "\\fR" }
        return out
    }

    static func bold(_ plain: String) -> String { "\\fB" + text(plain) + "\\fR" }

    /// A command or option name in bold, every `-` a minus: `\fB\-\-write\-config\fR`.
    static func command(_ plain: String) -> String { text("`" + plain + "`") }

    static func italic(_ plain: String) -> String { "\\fI" + text(plain) + "\\fR" }

    /// Escaped text as input lines of at most `width` bytes where a word allows: each sentence on a line
    /// of its own (so the formatters space sentences properly), long ones broken between words.
    static func wrapped(_ escaped: String, width: Int = 78) -> String {
        var lines: [String] = []
        var current = ""
        let words = escaped.split(whereSeparator: { $0 == " " || $0 == "\n" })
        for (index, word) in words.enumerated() {
            if !current.isEmpty && current.utf8.count + 1 + word.utf8.count > width {
                lines.append(current)
                current = ""
            }
            // A run of CJK escapes has no spaces: its input lines end in \c, which joins them without one.
            var word = Substring(word)
            while current.utf8.count + (current.isEmpty ? 0 : 1) + word.utf8.count > width,
                  let cut = breakPoint(in: word, fitting: width - current.utf8.count - (current.isEmpty ? 0 : 1) - 2) {
                current += (current.isEmpty ? "" : " ") + word[..<cut] + "\\c"
                lines.append(current)
                current = ""
                word = word[cut...]
                if word.isEmpty { break }
            }
            if word.isEmpty { continue }
            current += (current.isEmpty ? "" : " ") + word
            let endsSentence = word.last == "." || word.last == "?" || word.last == "!"
            if endsSentence, index + 1 < words.count, words[index + 1].first?.isUppercase == true {
                lines.append(current)
                current = ""
            }
        }
        if !current.isEmpty { lines.append(current) }
        return line(lines.joined(separator: "\n"))
    }

    /// Where to cut an escaped word so its head fits `limit` bytes: just before a `\\[u` escape, never inside one.
    private static func breakPoint(in word: Substring, fitting limit: Int) -> Substring.Index? {
        guard limit > 8 else { return nil }
        var best: Substring.Index?
        var index = word.startIndex
        var used = 0
        while index < word.endIndex {
            if index > word.startIndex, word[index...].hasPrefix("\\[u") {
                if used > limit { break }
                best = index
            }
            used += word[index].utf8.count
            index = word.index(after: index)
        }
        return best
    }

    /// Makes text safe as roff input lines: a line starting with `.` or `'` would be read as a request.
    static func line(_ escaped: String) -> String {
        escaped.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.first == "." || $0.first == "'" ? "\\&" + $0 : String($0) }
            .joined(separator: "\n")
    }

    static func isCJK(_ character: Character) -> Bool {
        !character.isASCII && DisplayWidth.of(character) == 2
    }

    private static func hex4(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
