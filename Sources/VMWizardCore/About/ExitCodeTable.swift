/// vmwizard's exit statuses as data, so the command, `--help` and the man page cannot disagree.
public enum ExitCodeTable {
    public struct Entry: Sendable {
        public var code: Int32
        /// A few words: "done", "the apply failed".
        public var meaning: Phrase
        /// What falls under it.
        public var detail: Phrase
    }

    public static let done = Entry(code: 0, meaning: "done", detail: "created, written or printed")
    public static let cancelled = Entry(
        code: 1, meaning: "cancelled by the user",
        detail: "Esc or Ctrl-C, or the terminal went away; the answers are kept as a draft")
    public static let invalid = Entry(
        code: 2, meaning: "invalid input or usage",
        detail: "a bad answers file, invalid values, no terminal without --batch")
    public static let applyFailed = Entry(
        code: 3, meaning: "the apply failed", detail: "qm create, the start, or writing the config")

    public static let all = [done, cancelled, invalid, applyFailed]

    /// One paragraph for `--help`: "Exit status: 0 done (…); 1 …".
    public static func summary(_ language: Language) -> String {
        let entries = all.map { entry -> Phrase in "\(entry.code) \(entry.meaning) (\(entry.detail))" }
        guard var list = entries.first else { return "" }
        for entry in entries.dropFirst() { list = "\(list); \(entry)" }
        let summary: Phrase = "Exit status: \(list)."
        return summary.text(language)
    }

    public static var summary: String { summary(.en) }
}
