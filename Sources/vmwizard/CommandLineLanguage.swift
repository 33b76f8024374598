import VMWizardCore

/// The language of `--help` and of the command line's own messages. ArgumentParser reads the help texts while
/// it parses, so the language is decided from the raw arguments and the environment before that.
enum CommandLineLanguage {
    private static let lock = Lock()
    // Only read and written under `lock`; Swift cannot see that guard, hence nonisolated(unsafe).
    nonisolated(unsafe) private static var chosen = Language.en

    static var current: Language { lock.withLock { chosen } }

    /// `--lang X` (or `--lang=X`) when valid, else the environment. The help dump that generates the man
    /// pages is always English: it is their source, and the Chinese page translates it.
    static func decide(arguments: [String], environment: [String: String]) {
        var language = Language.fromEnvironment(environment)
        if arguments.contains("--experimental-dump-help") {
            language = .en
        } else if let index = arguments.firstIndex(of: "--lang"), index + 1 < arguments.count,
                  let given = Language(rawValue: arguments[index + 1]) {
            language = given
        } else if let given = arguments.lazy.compactMap({ $0.hasPrefix("--lang=") ? Language(rawValue: String($0.dropFirst(7))) : nil }).first {
            language = given
        }
        lock.withLock { chosen = language }
    }
}

/// A phrase in the command line's language.
func tr(_ phrase: Phrase) -> String { phrase.text(CommandLineLanguage.current) }
