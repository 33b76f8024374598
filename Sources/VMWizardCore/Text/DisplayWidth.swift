/// Terminal column widths of text, independent of libc: East Asian wide and fullwidth characters and emoji
/// take two columns, combining marks and control characters none, everything else one.
public enum DisplayWidth {
    /// Columns one grapheme (Character) occupies.
    /// A character the terminal sanitiser escapes takes the columns of its escaped form (`\e` is two).
    public static func of(_ character: Character) -> Int {
        if let ascii = character.asciiValue, ascii >= 0x20, ascii < 0x7F { return 1 }
        if let escaped = TerminalText.escaped(character) { return escaped.unicodeScalars.reduce(0) { $0 + of($1) } }
        guard let first = character.unicodeScalars.first else { return 0 }
        if character.unicodeScalars.contains(where: { $0.value == 0xFE0F }) { return 2 }  // emoji presentation
        return of(first)
    }

    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x20 || (0x7F..<0xA0).contains(v) { return 0 }
        if v < 0x300 { return 1 }
        if isZeroWidth(v) { return 0 }
        return isWide(v) ? 2 : 1
    }

    public static func of(_ text: String) -> Int {
        text.reduce(0) { $0 + of($1) }
    }

    static func isZeroWidth(_ v: UInt32) -> Bool {
        switch v {
        case 0x300...0x36F, 0x483...0x489, 0x591...0x5BD, 0x610...0x61A, 0x64B...0x65F, 0x670,
             0x6D6...0x6DC, 0x6DF...0x6E4, 0x900...0x903, 0x93A...0x94F, 0x1AB0...0x1AFF, 0x1DC0...0x1DFF,
             0x200B...0x200F, 0x2028...0x202E, 0x2060...0x2064, 0x20D0...0x20FF, 0xFE00...0xFE0F,
             0xFE20...0xFE2F, 0xFEFF, 0x1F3FB...0x1F3FF, 0xE0100...0xE01EF:
            return true
        default:
            return false
        }
    }

    static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0, 0x23F3,
             0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F, 0x2693, 0x26A1, 0x26AA...0x26AB,
             0x26BD...0x26BE, 0x26C4...0x26C5, 0x26CE, 0x26D4, 0x26EA, 0x26F2...0x26F3, 0x26F5, 0x26FA,
             0x26FD, 0x2705, 0x270A...0x270B, 0x2728, 0x274C, 0x274E, 0x2753...0x2755, 0x2757,
             0x2795...0x2797, 0x27B0, 0x27BF, 0x2B1B...0x2B1C, 0x2B50, 0x2B55,
             0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F,
             0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FE4, 0x17000...0x18CFF, 0x1B000...0x1B2FF,
             0x1F004, 0x1F0CF, 0x1F18E, 0x1F191...0x1F19A, 0x1F200...0x1F251, 0x1F300...0x1F320,
             0x1F32D...0x1F335, 0x1F337...0x1F37C, 0x1F37E...0x1F393, 0x1F3A0...0x1F3CA, 0x1F3CF...0x1F3D3,
             0x1F3E0...0x1F3F0, 0x1F3F4, 0x1F3F8...0x1F43E, 0x1F440, 0x1F442...0x1F4FC, 0x1F4FF...0x1F53D,
             0x1F54B...0x1F54E, 0x1F550...0x1F567, 0x1F57A, 0x1F595...0x1F596, 0x1F5A4, 0x1F5FB...0x1F64F,
             0x1F680...0x1F6C5, 0x1F6CC, 0x1F6D0...0x1F6D2, 0x1F6D5...0x1F6D7, 0x1F6EB...0x1F6EC,
             0x1F6F4...0x1F6FC, 0x1F7E0...0x1F7EB, 0x1F90C...0x1F93A, 0x1F93C...0x1F945, 0x1F947...0x1F9FF,
             0x1FA70...0x1FAFF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    /// The longest prefix of `text` that fits in `columns`.
    public static func prefix(_ text: String, fitting columns: Int) -> String {
        var used = 0
        var out = ""
        for character in text {
            let width = of(character)
            if used + width > columns { break }
            used += width
            out.append(character)
        }
        return out
    }

    /// `text` cut to `columns`, ending in "…" when it had to be cut.
    public static func truncate(_ text: String, to columns: Int) -> String {
        if of(text) <= columns { return text }
        if columns <= 0 { return "" }
        return prefix(text, fitting: columns - 1) + "…"
    }

    /// `text` padded with spaces (or cut) to exactly `columns`.
    public static func pad(_ text: String, to columns: Int) -> String {
        let cut = truncate(text, to: columns)
        return cut + String(repeating: " ", count: max(0, columns - of(cut)))
    }

    /// Wraps by display width. Lines break at spaces and between CJK characters (which need no spaces), never
    /// inside a Latin word unless it is longer than a line, never before closing punctuation such as ， 。 ）
    /// and never after opening punctuation such as （ “. Explicit newlines are kept.
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var lineWidth = 0
            for token in breakableTokens(paragraph) {
                var word = token.text
                var wordWidth = of(word)
                let gap = token.spaceBefore ? 1 : 0
                if lineWidth > 0 && lineWidth + gap + wordWidth <= width {
                    line += (token.spaceBefore ? " " : "") + word
                    lineWidth += gap + wordWidth
                    continue
                }
                if lineWidth > 0 {
                    lines.append(line)
                    line = ""
                    lineWidth = 0
                }
                while wordWidth > width {
                    var head = prefix(word, fitting: width)
                    if head.isEmpty, let first = word.first { head = String(first) }
                    // Keep closing punctuation with the character before it.
                    while head.count > 1, let next = word.dropFirst(head.count).first, closingPunctuation.contains(next) {
                        head.removeLast()
                    }
                    lines.append(head)
                    word = String(word.dropFirst(head.count))
                    wordWidth = of(word)
                }
                line = word
                lineWidth = wordWidth
            }
            lines.append(line)
        }
        return lines
    }

    /// Pieces a line may not be broken inside, each remembering whether a space separated it from the last.
    static func breakableTokens(_ paragraph: Substring) -> [(text: String, spaceBefore: Bool)] {
        var tokens: [(text: String, spaceBefore: Bool)] = []
        var spaceBefore = false
        var inWord = false
        var glueNext = false
        for character in paragraph {
            if character == " " {
                spaceBefore = !tokens.isEmpty
                inWord = false
                glueNext = false
                continue
            }
            // ASCII (most of any text) never breaks around itself; only wider or CJK punctuation is looked up.
            let ascii = character.isASCII
            let closing = !ascii && closingPunctuation.contains(character)
            let opening = !ascii && openingPunctuation.contains(character)
            let breaksAround = !ascii && (closing || opening || of(character) == 2)
            if closing, !spaceBefore, !tokens.isEmpty {
                tokens[tokens.count - 1].text.append(character)
                inWord = false
            } else if glueNext || (inWord && !breaksAround), !tokens.isEmpty {
                tokens[tokens.count - 1].text.append(character)
                inWord = !breaksAround
            } else {
                tokens.append((String(character), spaceBefore))
                inWord = !breaksAround
            }
            glueNext = opening
            spaceBefore = false
        }
        return tokens
    }

    public static let closingPunctuation: Set<Character> = [
        "，", "。", "、", "：", "；", "！", "？", "）", "」", "』", "”", "’", "》", "〉", "】", "…", "·",
    ]
    public static let openingPunctuation: Set<Character> = ["（", "「", "『", "“", "‘", "《", "〈", "【"]
}
