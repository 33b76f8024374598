/// A piece of text the user reads: an English template plus its arguments, translated only when shown.
///
/// Written as an ordinary string literal or interpolation. Each `\(x)` becomes a `%@` slot, and the English
/// template is the key of the translation tables (gettext's convention), so a call site reads as plain English
/// and a missing translation simply shows the English. A literal `%` is stored as `%%`.
public struct Phrase: Sendable, Hashable, CustomStringConvertible, ExpressibleByStringInterpolation {
    public enum Argument: Sendable, Hashable {
        /// Shown as is: names, numbers, paths, values.
        case text(String)
        /// Translated with the phrase around it.
        case phrase(Phrase)
    }

    public let template: String
    public let arguments: [Argument]

    public init(template: String, arguments: [Argument] = []) {
        self.template = template
        self.arguments = arguments
    }

    public init(stringLiteral value: String) {
        self.init(template: Phrase.escaped(value))
    }

    public init(stringInterpolation: StringInterpolation) {
        self.init(template: stringInterpolation.template, arguments: stringInterpolation.arguments)
    }

    /// Text that is the same in every language (a name, a value, a message from another program).
    public static func verbatim(_ text: String) -> Phrase {
        Phrase(template: "%@", arguments: [.text(text)])
    }

    public static let empty = Phrase(template: "")

    public var isEmpty: Bool { template.isEmpty || (template == "%@" && description.isEmpty) }

    /// The text in `language`, falling back to English where the language has no translation.
    public func text(_ language: Language) -> String {
        let pattern = language == .en ? template : (Translations.table(language)[template] ?? template)
        return Phrase.fill(pattern, with: arguments, language: language)
    }

    public var description: String { text(.en) }

    /// Phrases are equal when they read the same in English, however they were put together.
    public static func == (lhs: Phrase, rhs: Phrase) -> Bool { lhs.description == rhs.description }
    public func hash(into hasher: inout Hasher) { hasher.combine(description) }

    /// Two phrases shown one after the other; each keeps its own translation.
    public static func + (lhs: Phrase, rhs: Phrase) -> Phrase {
        Phrase(template: "%@%@", arguments: [.phrase(lhs), .phrase(rhs)])
    }

    /// Parts in a comma-separated list; the comma is translated too (Chinese uses "，").
    /// Phrases one per line.
    public static func lines(_ parts: [Phrase]) -> Phrase {
        guard var result = parts.first else { return .empty }
        for part in parts.dropFirst() { result = "\(result)\n\(part)" }
        return result
    }

    public static func list(_ parts: [Phrase]) -> Phrase {
        guard var result = parts.first else { return .empty }
        for part in parts.dropFirst() { result = "\(result), \(part)" }
        return result
    }

    public struct StringInterpolation: StringInterpolationProtocol {
        var template = ""
        var arguments: [Argument] = []

        public init(literalCapacity: Int, interpolationCount: Int) {
            template.reserveCapacity(literalCapacity + 2 * interpolationCount)
        }

        public mutating func appendLiteral(_ literal: String) {
            template += Phrase.escaped(literal)
        }

        public mutating func appendInterpolation(_ phrase: Phrase) {
            template += "%@"
            arguments.append(.phrase(phrase))
        }

        public mutating func appendInterpolation(_ text: String) {
            template += "%@"
            arguments.append(.text(text))
        }

        public mutating func appendInterpolation<Value>(_ value: Value) {
            appendInterpolation(String(describing: value))
        }
    }

    static func escaped(_ literal: String) -> String {
        hasPercent(literal) ? String(literal.flatMap { $0 == "%" ? ["%", "%"] : [$0] }) : literal
    }

    /// Replaces `%@` slots in order, `%N$@` slots by position (translations may reorder), and `%%` by `%`.
    static func fill(_ pattern: String, with arguments: [Argument], language: Language) -> String {
        guard hasPercent(pattern) else { return pattern }
        var out = ""
        var next = 0
        var index = pattern.startIndex
        func argument(_ position: Int) -> String {
            guard arguments.indices.contains(position) else { return "" }
            switch arguments[position] {
            case .text(let text): return text
            case .phrase(let phrase): return phrase.text(language)
            }
        }
        // Chinese sets Latin words and numbers off from the characters around them with a space; arguments are
        // mostly Latin (names, IDs, sizes), so the space goes in where one meets a CJK character.
        var argumentEndedLatin = false
        func append(_ text: String) {
            if language != .en, let last = out.last, let first = text.first, isCJK(last), isLatin(first) { out += " " }
            out += text
            argumentEndedLatin = language != .en && text.last.map(isLatin) == true
        }
        while index < pattern.endIndex {
            let char = pattern[index]
            index = pattern.index(after: index)
            if argumentEndedLatin, isCJK(char) { out += " " }
            argumentEndedLatin = false
            guard char == "%", index < pattern.endIndex else { out.append(char); continue }
            let spec = pattern[index]
            if spec == "%" {
                out.append("%")
                index = pattern.index(after: index)
            } else if spec == "@" {
                append(argument(next))
                next += 1
                index = pattern.index(after: index)
            } else if let (position, end) = positionalSlot(pattern, from: index) {
                append(argument(position - 1))
                index = end
            } else {
                out.append(char)
            }
        }
        return out
    }

    /// A byte scan: `String.contains(String)` goes through the generic substring search, which showed up as a
    /// third of the time per frame.
    private static func hasPercent(_ text: String) -> Bool {
        text.utf8.contains(UInt8(ascii: "%"))
    }

    private static func isCJK(_ character: Character) -> Bool {
        guard let scalar = character.unicodeScalars.first else { return false }
        return (0x4E00...0x9FFF).contains(scalar.value) || (0x3400...0x4DBF).contains(scalar.value)
    }

    private static func isLatin(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber)
    }

    /// Parses `N$@` at `start`; returns N and the index after `@`.
    private static func positionalSlot(_ pattern: String, from start: String.Index) -> (Int, String.Index)? {
        var index = start
        var number = 0
        while index < pattern.endIndex, let digit = pattern[index].wholeNumberValue, pattern[index].isASCII {
            number = number * 10 + digit
            index = pattern.index(after: index)
        }
        guard index > start, number > 0, index < pattern.endIndex, pattern[index] == "$" else { return nil }
        index = pattern.index(after: index)
        guard index < pattern.endIndex, pattern[index] == "@" else { return nil }
        return (number, pattern.index(after: index))
    }
}
