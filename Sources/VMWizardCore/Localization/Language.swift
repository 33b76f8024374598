/// Languages vmwizard speaks. A new language is one more help table, one more UI table and one more case here.
public enum Language: String, Sendable, CaseIterable {
    case en, zh

    /// Picks the language the way gettext does: the locale from LC_ALL, LC_MESSAGES or LANG (first one set);
    /// unless that locale is C/POSIX, LANGUAGE's list of preferences (`zh_CN:en`) comes first. Chinese for
    /// any `zh…` entry, English for one we do not speak, English when nothing is set.
    public static func fromEnvironment(_ env: [String: String]) -> Language {
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].lazy.compactMap { env[$0] }.first { !$0.isEmpty } ?? ""
        let plain = locale.isEmpty || locale == "C" || locale == "POSIX" || locale.hasPrefix("C.")
        if !plain, let preferences = env["LANGUAGE"] {
            for entry in preferences.split(separator: ":") where !entry.isEmpty {
                if let language = known(entry) { return language }
            }
        }
        return known(Substring(locale)) ?? .en
    }

    private static func known(_ name: Substring) -> Language? {
        let lower = name.lowercased()
        if lower.hasPrefix("zh") { return .zh }
        if lower.hasPrefix("en") { return .en }
        return nil
    }
}
