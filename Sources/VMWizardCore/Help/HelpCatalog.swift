import VMWizardPlatform

public enum HelpCatalog {
    static func table(_ language: Language) -> [String: String] {
        switch language {
        case .en: return HelpTextEN.texts
        case .zh: return HelpTextZH.texts
        }
    }

    /// The help text for a key, falling back to English when the language lacks it.
    public static func text(_ key: String, language: Language = .en) -> String? {
        table(language)[key] ?? HelpTextEN.texts[key]
    }
}
