/// Languages vmwizard speaks. A new language is one more help table, one more UI table and one more case here.
public enum Language: String, Sendable, CaseIterable {
    case en, zh

    /// Picks the language from the usual locale variables (LC_ALL, LC_MESSAGES, LANG, first one set wins);
    /// Chinese for any `zh…` locale, English otherwise.
    public static func fromEnvironment(_ env: [String: String]) -> Language {
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = env[name], !value.isEmpty {
                return value.lowercased().hasPrefix("zh") ? .zh : .en
            }
        }
        return .en
    }
}

/// The name the help catalog grew up with.
public typealias HelpLanguage = Language
