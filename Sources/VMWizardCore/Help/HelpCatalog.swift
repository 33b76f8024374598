#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Languages the inline help is written in. A new language is one more table file and one more case here;
/// the option model only knows help keys.
public enum HelpLanguage: String, Sendable, CaseIterable {
    case en, zh

    /// Picks the language from the usual locale variables (LC_ALL, LC_MESSAGES, LANG); English otherwise.
    public static func fromEnvironment(_ env: [String: String]) -> HelpLanguage {
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = env[name], !value.isEmpty {
                return value.lowercased().hasPrefix("zh") ? .zh : .en
            }
        }
        return .en
    }
}

public enum HelpCatalog {
    static func table(_ language: HelpLanguage) -> [String: String] {
        switch language {
        case .en: return HelpTextEN.texts
        case .zh: return HelpTextZH.texts
        }
    }

    /// The help text for a key, falling back to English when the language lacks it.
    public static func text(_ key: String, language: HelpLanguage = .en) -> String? {
        table(language)[key] ?? HelpTextEN.texts[key]
    }
}
