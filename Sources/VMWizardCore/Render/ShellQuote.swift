/// Quoting for showing a command so that it can be pasted into a POSIX shell. Commands are never *run* through
/// a shell; this is for display and `--print` only.
///
/// A word with a character the terminal sanitiser would escape (a control character, a line break, a bidi
/// override) is written in bash's `$'…'` form with those characters as escapes, so the printed line is safe
/// on any terminal and pasting it into bash gives back exactly the original bytes.
public enum ShellQuote {
    private static let safe = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-./:=,@%+")

    public static func quote(_ word: String) -> String {
        if !word.isEmpty && word.allSatisfy({ safe.contains($0) }) { return word }
        if word.unicodeScalars.contains(where: TerminalText.mustEscape) { return ansiC(word) }
        return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// `$'…'`: backslash and quote escaped, unsafe characters as escapes of their UTF-8 bytes (`\xE2\x80\xAE`
    /// rather than `\u202E`, which bash would turn into nothing under a non-UTF-8 locale).
    static func ansiC(_ word: String) -> String {
        var out = "$'"
        for scalar in word.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "'": out += "\\'"
            case _ where TerminalText.mustEscape(scalar):
                if scalar.value < 0x80 {
                    out += TerminalText.escape(scalar)
                } else {
                    for byte in String(scalar).utf8 { out += "\\x" + NumberText.hex2(byte) }
                }
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "'"
    }

    public static func line(_ argv: [String]) -> String {
        argv.map(quote).joined(separator: " ")
    }
}
