import VMWizardPlatform

/// A small, strict JSON reader over raw bytes for the pmxcfs status files.
/// Errors carry the byte offset so warnings can point at the broken spot.
enum InventoryJSON {
    indirect enum Value {
        case object([String: Value])
        case array([Value])
        case string(String)
        case number(Double)
        case bool(Bool)
        case null

        subscript(key: String) -> Value? {
            if case .object(let members) = self { return members[key] }
            return nil
        }

        var objectValue: [String: Value]? {
            if case .object(let members) = self { return members }
            return nil
        }

        var stringValue: String? {
            if case .string(let text) = self { return text }
            return nil
        }

        /// Numbers, numeric strings and booleans as an integer (pmxcfs writes flags as 0/1).
        var intValue: Int? {
            switch self {
            case .number(let number):
                guard number.isFinite, number == number.rounded(), abs(number) < 9.0e15 else { return nil }
                return Int(number)
            case .string(let text): return Int(text)
            case .bool(let flag): return flag ? 1 : 0
            default: return nil
            }
        }

        /// 0/1, true/false, "0"/"1" as a flag.
        var flagValue: Bool? {
            if case .bool(let flag) = self { return flag }
            return intValue.map { $0 != 0 }
        }
    }

    struct ParseError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    static func parse(_ bytes: [UInt8]) throws(ParseError) -> Value {
        try bytes.withUnsafeBufferPointer { buffer throws(ParseError) -> Value in
            var parser = Parser(bytes: buffer)
            return try parser.parseDocument()
        }
    }

    /// Reads a document with a streaming callback instead of building values (used for `.vmlist`).
    static func withParser<T>(
        _ bytes: [UInt8], _ body: (inout Parser) throws(ParseError) -> T
    ) throws(ParseError) -> T {
        try bytes.withUnsafeBufferPointer { buffer throws(ParseError) -> T in
            var parser = Parser(bytes: buffer)
            return try body(&parser)
        }
    }

    struct Parser {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0
        var depth = 0
        static let maxDepth = 256

        init(bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
        }

        mutating func parseDocument() throws(ParseError) -> Value {
            skipWhitespace()
            if index >= bytes.count { throw ParseError(message: "the file is empty") }
            let value = try parseValue()
            // pmxcfs dumps may end with NUL bytes; accept them like whitespace.
            while index < bytes.count, bytes[index] == 0 || isSpace(bytes[index]) { index += 1 }
            if index < bytes.count {
                throw ParseError(message: "unexpected \(describe(bytes[index])) after the end of the data at byte \(index)")
            }
            return value
        }

        @inline(__always) func isSpace(_ byte: UInt8) -> Bool {
            byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
        }

        @inline(__always) mutating func skipWhitespace() {
            while index < bytes.count, isSpace(bytes[index]) { index += 1 }
        }

        func describe(_ byte: UInt8) -> String {
            if byte >= 0x20 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
            return "byte 0x" + NumberText.hex2(byte)
        }

        func unexpected() -> ParseError {
            if index >= bytes.count { return ParseError(message: "unexpected end of data at byte \(index)") }
            return ParseError(message: "unexpected \(describe(bytes[index])) at byte \(index)")
        }

        mutating func parseValue() throws(ParseError) -> Value {
            guard index < bytes.count else { throw unexpected() }
            switch bytes[index] {
            case UInt8(ascii: "{"): return try parseObject()
            case UInt8(ascii: "["): return try parseArray()
            case UInt8(ascii: "\""): return .string(try parseString())
            case UInt8(ascii: "t"): try expectWord("true"); return .bool(true)
            case UInt8(ascii: "f"): try expectWord("false"); return .bool(false)
            case UInt8(ascii: "n"): try expectWord("null"); return .null
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
            default: throw unexpected()
            }
        }

        mutating func expectWord(_ word: StaticString) throws(ParseError) {
            let start = index
            let count = word.utf8CodeUnitCount
            guard index + count <= bytes.count else { index = bytes.count; throw unexpected() }
            for offset in 0..<count where bytes[start + offset] != word.utf8Start[offset] {
                index = start + offset
                throw unexpected()
            }
            index += count
        }

        mutating func enter() throws(ParseError) {
            depth += 1
            if depth > Self.maxDepth { throw ParseError(message: "nesting deeper than \(Self.maxDepth) levels at byte \(index)") }
        }

        mutating func parseObject() throws(ParseError) -> Value {
            try enter()
            defer { depth -= 1 }
            index += 1  // {
            var members: [String: Value] = [:]
            skipWhitespace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
                index += 1
                return .object(members)
            }
            while true {
                skipWhitespace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw unexpected() }
                let key = try parseString()
                skipWhitespace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw unexpected() }
                index += 1
                skipWhitespace()
                members[key] = try parseValue()
                skipWhitespace()
                guard index < bytes.count else { throw unexpected() }
                if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                if bytes[index] == UInt8(ascii: "}") { index += 1; return .object(members) }
                throw unexpected()
            }
        }

        mutating func parseArray() throws(ParseError) -> Value {
            try enter()
            defer { depth -= 1 }
            index += 1  // [
            var items: [Value] = []
            skipWhitespace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
                index += 1
                return .array(items)
            }
            while true {
                skipWhitespace()
                items.append(try parseValue())
                skipWhitespace()
                guard index < bytes.count else { throw unexpected() }
                if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                if bytes[index] == UInt8(ascii: "]") { index += 1; return .array(items) }
                throw unexpected()
            }
        }

        mutating func parseString() throws(ParseError) -> String {
            index += 1  // opening quote
            let start = index
            // Fast path: no escapes.
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                    index += 1
                    return text
                }
                if byte == UInt8(ascii: "\\") { break }
                index += 1
            }
            guard index < bytes.count else { throw ParseError(message: "unterminated string starting at byte \(start - 1)") }
            var scratch = Array(UnsafeBufferPointer(rebasing: bytes[start..<index]))
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    index += 1
                    return String(decoding: scratch, as: UTF8.self)
                }
                if byte != UInt8(ascii: "\\") {
                    scratch.append(byte)
                    index += 1
                    continue
                }
                index += 1
                guard index < bytes.count else { break }
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "\""): scratch.append(0x22)
                case UInt8(ascii: "\\"): scratch.append(0x5C)
                case UInt8(ascii: "/"): scratch.append(0x2F)
                case UInt8(ascii: "b"): scratch.append(0x08)
                case UInt8(ascii: "f"): scratch.append(0x0C)
                case UInt8(ascii: "n"): scratch.append(0x0A)
                case UInt8(ascii: "r"): scratch.append(0x0D)
                case UInt8(ascii: "t"): scratch.append(0x09)
                case UInt8(ascii: "u"):
                    var code = try parseHex4()
                    if (0xD800...0xDBFF).contains(code), index + 1 < bytes.count,
                       bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") {
                        index += 2
                        let low = try parseHex4()
                        if (0xDC00...0xDFFF).contains(low) {
                            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                        } else {
                            code = 0xFFFD
                        }
                    }
                    let scalar = Unicode.Scalar(code) ?? "\u{FFFD}"
                    scratch.append(contentsOf: Array(String(Character(scalar)).utf8))
                default:
                    index -= 1
                    throw ParseError(message: "invalid escape \\\(describe(escape)) in a string at byte \(index - 1)")
                }
            }
            throw ParseError(message: "unterminated string starting at byte \(start - 1)")
        }

        // MARK: Streaming

        /// Expects `{` (after whitespace) and enters the object.
        mutating func beginObject() throws(ParseError) {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "{") else { throw unexpected() }
            try enter()
            index += 1
        }

        /// The next member key of the current object, positioned at its value; nil at the closing `}`.
        /// `first` must start true for each object.
        mutating func nextKey(first: inout Bool) throws(ParseError) -> (range: Range<Int>, escaped: Bool)? {
            skipWhitespace()
            guard index < bytes.count else { throw unexpected() }
            if bytes[index] == UInt8(ascii: "}") {
                index += 1
                depth -= 1
                return nil
            }
            if !first {
                guard bytes[index] == UInt8(ascii: ",") else { throw unexpected() }
                index += 1
                skipWhitespace()
            }
            first = false
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw unexpected() }
            let key = try scanString()
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw unexpected() }
            index += 1
            skipWhitespace()
            return key
        }

        /// True when the next value is an object (without consuming anything).
        mutating func atObject() -> Bool {
            skipWhitespace()
            return index < bytes.count && bytes[index] == UInt8(ascii: "{")
        }

        mutating func atString() -> Bool {
            skipWhitespace()
            return index < bytes.count && bytes[index] == UInt8(ascii: "\"")
        }

        /// Skips over a string token; returns the bytes between the quotes.
        mutating func scanString() throws(ParseError) -> (range: Range<Int>, escaped: Bool) {
            let open = index
            index += 1
            let start = index
            var escaped = false
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    index += 1
                    return (start..<(index - 1), escaped)
                }
                if byte == UInt8(ascii: "\\") {
                    escaped = true
                    index += 2
                    continue
                }
                index += 1
            }
            throw ParseError(message: "unterminated string starting at byte \(open)")
        }

        /// The text of a string token returned by `scanString`/`nextKey`.
        mutating func string(_ token: (range: Range<Int>, escaped: Bool)) throws(ParseError) -> String {
            if !token.escaped {
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[token.range]), as: UTF8.self)
            }
            let saved = index
            index = token.range.lowerBound - 1
            defer { index = saved }
            return try parseString()
        }

        func equals(_ range: Range<Int>, _ literal: StaticString) -> Bool {
            guard range.count == literal.utf8CodeUnitCount else { return false }
            for offset in 0..<range.count where bytes[range.lowerBound + offset] != literal.utf8Start[offset] {
                return false
            }
            return true
        }

        func bytesEqual(_ range: Range<Int>, _ other: [UInt8]) -> Bool {
            guard range.count == other.count else { return false }
            for offset in 0..<range.count where bytes[range.lowerBound + offset] != other[offset] { return false }
            return true
        }

        /// Skips any value, checking its syntax.
        mutating func skipValue() throws(ParseError) {
            skipWhitespace()
            guard index < bytes.count else { throw unexpected() }
            switch bytes[index] {
            case UInt8(ascii: "{"):
                try beginObject()
                var first = true
                while try nextKey(first: &first) != nil { try skipValue() }
            case UInt8(ascii: "["):
                try enter()
                index += 1
                skipWhitespace()
                if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
                    index += 1
                    depth -= 1
                    return
                }
                while true {
                    try skipValue()
                    skipWhitespace()
                    guard index < bytes.count else { throw unexpected() }
                    if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                    if bytes[index] == UInt8(ascii: "]") { index += 1; depth -= 1; return }
                    throw unexpected()
                }
            case UInt8(ascii: "\""): _ = try scanString()
            default: _ = try parseValue()
            }
        }

        /// After the top-level value: only whitespace and NUL bytes may follow.
        mutating func finishDocument() throws(ParseError) {
            while index < bytes.count, bytes[index] == 0 || isSpace(bytes[index]) { index += 1 }
            if index < bytes.count {
                throw ParseError(message: "unexpected \(describe(bytes[index])) after the end of the data at byte \(index)")
            }
        }

        mutating func parseHex4() throws(ParseError) -> UInt32 {
            guard index + 4 <= bytes.count else { index = bytes.count; throw unexpected() }
            var value: UInt32 = 0
            for _ in 0..<4 {
                let byte = bytes[index]
                let digit: UInt32
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
                default: throw unexpected()
                }
                value = value << 4 | digit
                index += 1
            }
            return value
        }

        mutating func parseNumber() throws(ParseError) -> Double {
            let start = index
            var negative = false
            if bytes[index] == UInt8(ascii: "-") { negative = true; index += 1 }
            var integer: Int64 = 0
            var digits = 0
            var overflow = false
            while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 {
                if digits < 18 { integer = integer * 10 + Int64(bytes[index] - 0x30) } else { overflow = true }
                digits += 1
                index += 1
            }
            guard digits > 0 else { throw unexpected() }
            var isInteger = !overflow
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
                isInteger = false
                index += 1
                let fractionStart = index
                while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 { index += 1 }
                guard index > fractionStart else { throw unexpected() }
            }
            if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
                isInteger = false
                index += 1
                if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
                let exponentStart = index
                while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 { index += 1 }
                guard index > exponentStart else { throw unexpected() }
            }
            if isInteger { return Double(negative ? -integer : integer) }
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
            guard let value = Double(text) else {
                throw ParseError(message: "invalid number '\(text)' at byte \(start)")
            }
            return value
        }
    }
}
