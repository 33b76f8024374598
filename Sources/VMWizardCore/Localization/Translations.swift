/// The UI translation tables, keyed by English template (see `Phrase`). Help texts have their own tables.
public enum Translations {
    public static func table(_ language: Language) -> [String: String] {
        switch language {
        case .en: return [:]
        case .zh: return UITextZH.texts
        }
    }
}
