import Testing
@testable import VMWizardCore

/// Every field, tab and list has help, in every language, within the length the help pane is made for.
@Suite struct HelpTests {
    static let listKeys = ["disks", "nics", "devices"]

    static var allKeys: [String] {
        OptionCatalog.specs.map(\.helpKey) + Tab.allCases.map(\.helpKey) + listKeys
    }

    @Test(arguments: Language.allCases)
    func everyKeyHasHelp(language: Language) {
        let table = HelpCatalog.table(language)
        let missing = Self.allKeys.filter { (table[$0] ?? "").isEmpty }
        #expect(missing.isEmpty, "no \(language) help for \(missing)")
        let unknown = Set(table.keys).subtracting(Self.allKeys)
        #expect(unknown.isEmpty, "\(language) help for keys the model does not have: \(unknown.sorted())")
    }

    @Test func englishHelpIsShortPlainAndNamesTheDefault() {
        for key in OptionCatalog.specs.map(\.helpKey) {
            let text = HelpCatalog.text(key) ?? ""
            #expect(!text.contains("\n"), "\(key): one paragraph")
            #expect(text.count <= 480, "\(key): \(text.count) characters")
            let sentences = text.split(separator: ". ").count
            #expect((1...5).contains(sentences), "\(key): \(sentences) sentences")
            #expect(text.contains("Default") || text.contains("default") || text.contains("Required"),
                    "\(key) says what happens by default")
        }
    }

    @Test func languageFollowsTheLocale() {
        #expect(Language.fromEnvironment(["LANG": "zh_CN.UTF-8"]) == .zh)
        #expect(Language.fromEnvironment(["LC_ALL": "de_DE.UTF-8", "LANG": "zh_CN.UTF-8"]) == .en)
        #expect(Language.fromEnvironment([:]) == .en)
        // LANGUAGE (gettext's preference list) wins over the locale, except under the C locale.
        #expect(Language.fromEnvironment(["LANG": "en_US.UTF-8", "LANGUAGE": "zh_CN:en"]) == .zh)
        #expect(Language.fromEnvironment(["LANG": "de_DE.UTF-8", "LANGUAGE": "de:zh_CN"]) == .zh)
        #expect(Language.fromEnvironment(["LANG": "zh_CN.UTF-8", "LANGUAGE": "en_GB:zh"]) == .en)
        #expect(Language.fromEnvironment(["LANG": "C.UTF-8", "LANGUAGE": "zh_CN"]) == .en)
        #expect(Language.fromEnvironment(["LANGUAGE": "zh_CN"]) == .en)
        #expect(Language.fromEnvironment(["LANG": "zh_TW.UTF-8"]) == .zh)
        // A key missing in a language falls back to English rather than showing nothing.
        #expect(HelpCatalog.text("memory", language: .zh) != HelpCatalog.text("memory", language: .en))
    }
}
