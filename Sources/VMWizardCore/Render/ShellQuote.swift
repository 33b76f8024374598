/// Quoting for showing a command so that it can be pasted into a POSIX shell. Commands are never *run* through
/// a shell; this is for display and `--print` only.
public enum ShellQuote {
    private static let safe = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-./:=,@%+")

    public static func quote(_ word: String) -> String {
        if !word.isEmpty && word.allSatisfy({ safe.contains($0) }) { return word }
        return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    public static func line(_ argv: [String]) -> String {
        argv.map(quote).joined(separator: " ")
    }
}
