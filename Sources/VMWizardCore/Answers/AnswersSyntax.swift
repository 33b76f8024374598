import VMWizardPlatform

/// One `key: value` line or JSON member, with where it was found.
struct AnswersEntry: Equatable, Sendable {
    var key: String
    var value: String
    var location: String
    /// JSON `null`: remove the device the wizard would add by default under this key.
    var isNull = false
}

/// What the syntax readers hand to the importer.
struct AnswersEntries: Sendable {
    var format: Answers.Format
    var entries: [AnswersEntry] = []
    /// Problems found while reading the syntax (malformed lines, invalid JSON).
    var problems: [AnswersProblem] = []
    /// A fatal syntax error: nothing else is looked at.
    var fatal = false
    /// The `[name]` sections after a config file's main part (snapshots, `PENDING`, `special:cloudinit`).
    var sections: [String] = []
}

/// `/etc/pve/qemu-server/VMID.conf`: `#` lines are the description (%XX-escaped), then `key: value` lines,
/// then optional `[snapshot]` / `[PENDING]` sections, which are not read.
enum AnswersConfig {
    static func read(_ text: String) -> AnswersEntries {
        var result = AnswersEntries(format: .config)
        // Like Proxmox: every `#` line of the main section adds a line to the description, a `description:` line
        // adds its (also %-escaped) text; trailing white space is dropped.
        var description = ""
        var descriptionLine: Int?
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        // "\r\n" is one Character in Swift: split on both.
        let lines = body.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        for (index, raw) in lines.enumerated() {
            let number = index + 1
            var line = Substring(raw)
            if line.hasSuffix("\r") { line = line.dropLast() }
            if line.hasPrefix("#") {
                description += PercentEscapes.decode(line.dropFirst()) + "\n"
                if descriptionLine == nil { descriptionLine = number }
                continue
            }
            let trimmed = line.trimmingWhitespace()
            if trimmed.isEmpty { continue }
            if trimmed.hasPrefix("[") {
                result.sections = lines[index...].compactMap { line in
                    let text = line.trimmingWhitespace()
                    guard text.hasPrefix("["), text.hasSuffix("]"), text.count > 2 else { return nil }
                    return String(text.dropFirst().dropLast())
                }
                break
            }
            guard let colon = line.firstIndex(of: ":") else {
                result.problems.append(AnswersProblem(
                    location: "line \(number)", message: "expected 'key: value', got '\(Checks.shown(String(line)))'"))
                continue
            }
            let key = String(line[..<colon])
            let value = line[line.index(after: colon)...].trimmingWhitespace()
            guard isConfigKey(key) else {
                result.problems.append(AnswersProblem(
                    location: "line \(number)", message: "expected 'key: value', got '\(Checks.shown(String(line)))'"))
                continue
            }
            // Proxmox drops a key without a value (with a warning) and keeps reading.
            if value.isEmpty { continue }
            if key == "description" {
                description += PercentEscapes.decode(value)
                if descriptionLine == nil { descriptionLine = number }
                continue
            }
            result.entries.append(AnswersEntry(key: key, value: value, location: "line \(number)"))
        }
        // A key given twice: the last one wins, as in Proxmox.
        var last: [String: Int] = [:]
        for (index, entry) in result.entries.enumerated() { last[entry.key] = index }
        result.entries = result.entries.enumerated().filter { last[$0.element.key] == $0.offset }.map(\.element)
        if let descriptionLine {
            while let last = description.unicodeScalars.last, Whitespace.isSpaceOrNewline(last) {
                description.unicodeScalars.removeLast()
            }
            result.entries.insert(AnswersEntry(key: "description", value: description, location: "line \(descriptionLine)"), at: 0)
        }
        return result
    }

    /// Proxmox's config keys: a lower-case letter, then letters, `_` or `-`, then an optional index.
    static func isConfigKey(_ key: String) -> Bool {
        guard let first = key.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        var seenDigit = false
        for scalar in key.unicodeScalars {
            if ("0"..."9").contains(scalar) {
                seenDigit = true
            } else if seenDigit || !(("a"..."z").contains(scalar) || scalar == "_" || scalar == "-") {
                return false
            }
        }
        return true
    }
}

/// A JSON object whose members are strings, numbers or booleans. Read by hand so that numbers keep their exact
/// text ("0.5", "64") and errors can name a line and column.
enum AnswersJSON {
    struct SyntaxError: Error {
        var message: String
        var offset: Int
    }

    enum Value {
        case string(String)
        case number(String)
        case bool(Bool)
        case null
        case composite(String)
    }

    static func read(_ text: String) -> AnswersEntries {
        var result = AnswersEntries(format: .json)
        var parser = Parser(scalars: Array(text.unicodeScalars))
        do {
            let members = try parser.document()
            var seen: [String: Int] = [:]
            for (key, value) in members {
                let location = "key '\(key)'"
                if seen[key] != nil {
                    result.problems.append(AnswersProblem(location: location, message: Issue.stricter(
                        "the key appears more than once", "keeps only the last one; which one you meant is unclear").phrase))
                    // Read on as Proxmox would (the last one), so the other problems are those of the value it keeps.
                    result.entries.removeAll { $0.key == key }
                }
                seen[key] = 1
                switch value {
                case .string(let text): result.entries.append(AnswersEntry(key: key, value: text, location: location))
                case .number(let text): result.entries.append(AnswersEntry(key: key, value: text, location: location))
                case .bool(let flag): result.entries.append(AnswersEntry(key: key, value: flag ? "1" : "0", location: location))
                case .null:
                    result.entries.append(AnswersEntry(key: key, value: "", location: location, isNull: true))
                case .composite(let kind):
                    result.problems.append(AnswersProblem(
                        location: location, message: "expected a string, number or boolean, got \(kind)"))
                }
            }
        } catch let error as SyntaxError {
            let (line, column) = position(of: error.offset, in: parser.scalars)
            result.problems = [AnswersProblem(
                location: "line \(line), column \(column)", message: "invalid JSON: \(error.message)")]
            result.fatal = true
        } catch {
            result.problems = [AnswersProblem(location: "", message: "invalid JSON")]
            result.fatal = true
        }
        return result
    }

    static func position(of offset: Int, in scalars: [Unicode.Scalar]) -> (Int, Int) {
        var line = 1, column = 1
        for scalar in scalars.prefix(offset) {
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return (line, column)
    }

    struct Parser {
        let scalars: [Unicode.Scalar]
        var index = 0

        init(scalars: [Unicode.Scalar]) { self.scalars = scalars }

        var current: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

        func fail(_ message: String) -> SyntaxError { SyntaxError(message: message, offset: index) }

        mutating func skipSpace() {
            while let scalar = current, [" ", "\t", "\n", "\r", "\u{FEFF}"].contains(scalar) { index += 1 }
        }

        mutating func expect(_ scalar: Unicode.Scalar, _ what: String) throws {
            skipSpace()
            guard current == scalar else { throw fail("expected \(what)\(found)") }
            index += 1
        }

        var found: String {
            guard let current else { return " but the text ends" }
            return ", found '\(current)'"
        }

        mutating func document() throws -> [(String, Value)] {
            skipSpace()
            guard current == "{" else { throw fail("an answers file must be one JSON object {…}") }
            let members = try object()
            skipSpace()
            if current != nil { throw fail("unexpected text after the closing '}'") }
            return members
        }

        /// Answers are flat; the limit only keeps a hostile file from exhausting the stack.
        static let maxDepth = 32
        var depth = 0

        mutating func enter() throws {
            depth += 1
            if depth > Self.maxDepth { throw fail("nesting deeper than \(Self.maxDepth) levels") }
        }

        mutating func object() throws -> [(String, Value)] {
            try enter()
            defer { depth -= 1 }
            index += 1  // {
            var members: [(String, Value)] = []
            skipSpace()
            if current == "}" {
                index += 1
                return members
            }
            while true {
                skipSpace()
                guard current == "\"" else { throw fail("expected a key in double quotes\(found)") }
                let key = try string()
                try expect(":", "':' after the key")
                let value = try self.value()
                members.append((key, value))
                skipSpace()
                if current == "," {
                    index += 1
                    continue
                }
                if current == "}" {
                    index += 1
                    return members
                }
                throw fail("expected ',' or '}' after a value\(found)")
            }
        }

        mutating func value() throws -> Value {
            skipSpace()
            guard let scalar = current else { throw fail("expected a value but the text ends") }
            switch scalar {
            case "\"": return .string(try string())
            case "{":
                _ = try object()
                return .composite("an object")
            case "[":
                try array()
                return .composite("an array")
            case "t": try literal("true"); return .bool(true)
            case "f": try literal("false"); return .bool(false)
            case "n": try literal("null"); return .null
            case "-", "0"..."9": return .number(try number())
            default: throw fail("expected a value\(found)")
            }
        }

        mutating func array() throws {
            try enter()
            defer { depth -= 1 }
            index += 1  // [
            skipSpace()
            if current == "]" {
                index += 1
                return
            }
            while true {
                _ = try value()
                skipSpace()
                if current == "," {
                    index += 1
                    continue
                }
                if current == "]" {
                    index += 1
                    return
                }
                throw fail("expected ',' or ']' in an array\(found)")
            }
        }

        mutating func literal(_ word: String) throws {
            for scalar in word.unicodeScalars {
                guard current == scalar else { throw fail("expected \(word)") }
                index += 1
            }
        }

        mutating func number() throws -> String {
            let start = index
            if current == "-" { index += 1 }
            guard let first = current, ("0"..."9").contains(first) else { throw fail("expected a digit") }
            if first == "0" {
                index += 1
            } else {
                while let digit = current, ("0"..."9").contains(digit) { index += 1 }
            }
            if current == "." {
                index += 1
                guard let digit = current, ("0"..."9").contains(digit) else { throw fail("expected a digit after '.'") }
                while let digit = current, ("0"..."9").contains(digit) { index += 1 }
            }
            if current == "e" || current == "E" {
                index += 1
                if current == "+" || current == "-" { index += 1 }
                guard let digit = current, ("0"..."9").contains(digit) else { throw fail("expected a digit in the exponent") }
                while let digit = current, ("0"..."9").contains(digit) { index += 1 }
            }
            var text = ""
            text.unicodeScalars.append(contentsOf: scalars[start..<index])
            return text
        }

        mutating func string() throws -> String {
            index += 1  // opening quote
            var out = String.UnicodeScalarView()
            while true {
                guard let scalar = current else { throw fail("a string is not closed") }
                index += 1
                switch scalar {
                case "\"": return String(out)
                case "\\":
                    guard let escaped = current else { throw fail("a string is not closed") }
                    index += 1
                    switch escaped {
                    case "\"": out.append("\"")
                    case "\\": out.append("\\")
                    case "/": out.append("/")
                    case "b": out.append("\u{08}")
                    case "f": out.append("\u{0C}")
                    case "n": out.append("\n")
                    case "r": out.append("\r")
                    case "t": out.append("\t")
                    case "u":
                        var code = try hex4()
                        if (0xD800...0xDBFF).contains(code) {
                            guard current == "\\" else { throw fail("a \\u surrogate must come in a pair") }
                            index += 1
                            guard current == "u" else { throw fail("a \\u surrogate must come in a pair") }
                            index += 1
                            let low = try hex4()
                            guard (0xDC00...0xDFFF).contains(low) else { throw fail("a \\u surrogate must come in a pair") }
                            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                        }
                        guard let decoded = Unicode.Scalar(code) else { throw fail("\\u escape is not a character") }
                        out.append(decoded)
                    default:
                        index -= 1
                        throw fail("unknown escape '\\\(escaped)' in a string")
                    }
                default:
                    if scalar.value < 0x20 {
                        index -= 1
                        throw fail("control characters must be escaped in a string (use \\n for a line break)")
                    }
                    out.append(scalar)
                }
            }
        }

        mutating func hex4() throws -> UInt32 {
            var code: UInt32 = 0
            for _ in 0..<4 {
                guard let scalar = current, let digit = UInt32(String(scalar), radix: 16) else {
                    throw fail("expected 4 hex digits after \\u")
                }
                code = code << 4 | digit
                index += 1
            }
            return code
        }
    }
}
