/// What the bytes after an Esc mean. ncurses turns the sequences of its terminal's keys into key codes; what it
/// does not know arrives as Esc followed by the rest, and must not be read as the Esc key (that opened the quit
/// dialog on a focus report or a mouse click). Sequences are recognised by their ECMA-48 shape: known keys are
/// mapped, everything else well-formed is ignored, and a lone Esc is the Esc key.
public enum EscapeSequence {
    public enum Meaning: Equatable, Sendable {
        case key(Key)
        /// Not understood: dropped without a trace.
        case ignore
        /// Bracketed paste: `ESC [200~` … `ESC [201~`.
        case pasteStart
        case pasteEnd
    }

    /// Longest sequence looked at; a longer one is dropped.
    public static let maxLength = 64

    /// Classifies `body`, the scalars that followed an Esc; nil while the sequence is not complete. An empty
    /// body (nothing followed) is the Esc key itself.
    public static func classify(_ body: [Unicode.Scalar]) -> Meaning? {
        guard let first = body.first else { return .key(.escape) }
        if body.count > maxLength { return .ignore }
        switch first {
        case "[": return controlSequence(body.dropFirst())
        case "O":
            guard body.count >= 2 else { return nil }
            if body[1] == "M" { return .key(.enter) }  // keypad Enter
            return finalKey(body[1]).map(Meaning.key) ?? .ignore
        case "]", "P", "_", "^", "X":
            // OSC, DCS, APC, PM, SOS: a string ended by BEL or ESC \.
            if body.last == "\u{07}" { return .ignore }
            if body.count >= 3, body[body.count - 2] == "\u{1B}", body.last == "\\" { return .ignore }
            return nil
        case "\u{1B}": return .key(.escape)
        default:
            // Alt plus a key: vmwizard has no Alt bindings.
            return .ignore
        }
    }

    /// The key a final letter names in both SS3 (`ESC O A`) and CSI (`ESC [ A`, `ESC [ 1;5 P`) forms: cursor
    /// keys, Home/End, F1-F4.
    static func finalKey(_ final: Unicode.Scalar) -> Key? {
        switch final {
        case "A": return .up
        case "B": return .down
        case "C": return .right
        case "D": return .left
        case "H": return .home
        case "F": return .end
        case "P", "Q", "R", "S": return .function(Int(final.value - ("P" as Unicode.Scalar).value) + 1)
        default: return nil
        }
    }

    /// CSI: parameter bytes 0x30–0x3F, intermediate bytes 0x20–0x2F, one final byte 0x40–0x7E.
    static func controlSequence(_ rest: ArraySlice<Unicode.Scalar>) -> Meaning? {
        var parameters = ""
        for (offset, scalar) in rest.enumerated() {
            switch scalar.value {
            case 0x30...0x3F, 0x20...0x2F:
                parameters.unicodeScalars.append(scalar)
            case 0x40...0x7E:
                // X10 mouse reports carry three raw bytes after `ESC [ M`.
                if scalar == "M", parameters.isEmpty {
                    return rest.count - offset - 1 >= 3 ? .ignore : nil
                }
                return meaning(parameters: parameters, final: scalar)
            default:
                return .ignore
            }
        }
        return nil
    }

    static func meaning(parameters: String, final: Unicode.Scalar) -> Meaning {
        let numbers = parameters.split(separator: ";").map { Int($0) }
        switch final {
        case "A", "B", "C", "D", "H", "F": return finalKey(final).map(Meaning.key) ?? .ignore
        case "Z": return .key(.backTab)
        case "P", "Q", "R", "S":
            guard parameters.isEmpty || parameters.hasPrefix("1;") else { return .ignore }
            return finalKey(final).map(Meaning.key) ?? .ignore
        case "~":
            guard let first = numbers.first, let code = first else { return .ignore }
            switch code {
            case 200: return .pasteStart
            case 201: return .pasteEnd
            case 1, 7: return .key(.home)
            case 2: return .key(.insert)
            case 3: return .key(.delete)
            case 4, 8: return .key(.end)
            case 5: return .key(.pageUp)
            case 6: return .key(.pageDown)
            case 11...15: return .key(.function(code - 10))
            case 17...21: return .key(.function(code - 11))
            case 23, 24: return .key(.function(code - 12))
            default: return .ignore
            }
        default:
            return .ignore
        }
    }
}
