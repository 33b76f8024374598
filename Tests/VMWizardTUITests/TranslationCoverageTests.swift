import Foundation
import Testing
@testable import VMWizardCore
@testable import VMWizardTUI

/// Every text the wizard shows has a Chinese translation (or is a name kept as is), and the Chinese table holds
/// nothing the code no longer says. Failures list the keys, so the fix is to add or drop exactly those.
@Suite struct TranslationCoverageTests {
    static let sourcesRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources")

    /// Folders whose text reaches the user: screens, batch messages, answers-file problems, host warnings.
    /// What `qm` prints is shown as it is.
    static let screenSources = [
        "VMWizardCore/Model", "VMWizardCore/Rules", "VMWizardCore/Validation", "VMWizardCore/Apply/Applier.swift",
        "VMWizardCore/Answers", "VMWizardCore/Inventory", "VMWizardCore/Schema", "VMWizardTUI",
        "vmwizard/HostSource.swift", "vmwizard/InteractiveSession.swift", "vmwizard/BatchMode.swift",
        "vmwizard/VMWizardCommand.swift", "VMWizardCore/About",
    ]

    /// A line builds screen text when it holds one of these.
    static let keywords = [
        "tr(", "Phrase", "Issue(", ".warning(", "setStatus(", "KeyHint(", "Binding(", ".heading(", "problem(", "message:",
        "warnings.append(", "issues.add(", "note:", ".failed(", "consequence:", "meaning:", "detail:", "SchemaProblem(",
    ]

    static func swiftFiles(_ relative: String) -> [URL] {
        let url = sourcesRoot.appendingPathComponent(relative)
        if relative.hasSuffix(".swift") { return [url] }
        let walker = FileManager.default.enumerator(at: url, includingPropertiesForKeys: nil)
        return (walker?.allObjects as? [URL] ?? []).filter { $0.pathExtension == "swift" }.sorted { $0.path < $1.path }
    }

    static func needsWords(_ template: String) -> Bool {
        template.replacingOccurrences(of: "%@", with: "").contains { $0.isLetter }
    }

    /// Literals on phrase-building lines that are not screen text: help keys, content types, and the places an
    /// answers-file problem points at ("line 7"), which stay as they are written in the file.
    /// The JSON parser's positions and "is a directory" are quoted inside a translated host warning, beside the
    /// system's own (English) error texts; "vmwizard: " is the program name before every message.
    static let notText: Set<String> = [
        "disks", "nics", "images", "line %@", "line %@, column %@", "disk",
        "is a directory, not a file", "the file is empty", "expected a JSON object at the top", "vmwizard: ",
        // --help's value names (<dir>, <format>, <path>) and the CPU type "host" with its picker group.
        "dir", "format", "path", "host", "Host",
        // Places named as the file names them, and a path.
        "key 'ide2'", "etc/pve",
        // The passthrough list's help key, and Proxmox's format names and a value the schema checks compare with.
        "devices", "disk-size", "urlencoded", "cdrom",
    ]

    /// Files whose literals are quoted inside translated messages rather than shown on their own.
    static let quotedSources: Set<String> = ["InventoryJSON.swift"]

    static func isCovered(_ template: String) -> Bool {
        !needsWords(template) || notText.contains(template) || UITextZH.texts[template] != nil
            || UITextZH.sameAsEnglish.contains(template)
    }

    /// Templates of the phrase and of the phrases inside it.
    static func templates(of phrase: Phrase) -> [String] {
        [phrase.template] + phrase.arguments.flatMap { argument -> [String] in
            if case .phrase(let inner) = argument { return templates(of: inner) }
            return []
        }
    }

    /// What the option model says on screen, for a few hosts and drafts that between them show every field.
    static func modelTemplates() -> Set<String> {
        var found = Set<String>()
        let settings: [[FieldID: String]] = [
            [:],
            [.ostype: "win11", .virtioAdd: "1"],
            [.bios: "ovmf", .tpmAdd: "1", .affinity: "0-3", .vmid: "100", .name: "-bad", .memory: "1"],
        ]
        for values in settings {
            var model = VMModel(draft: .fresh, host: .demo)
            for (id, value) in values { model.set(id, to: value) }
            for spec in OptionCatalog.specs {
                let context = model.context(item: spec.scope == .vm ? nil : 0)
                var phrases = [spec.label, spec.placeholder(context)]
                if let inference = spec.inference(context) { phrases.append(inference) }
                for choice in spec.choices(context) { phrases += [choice.label, choice.detail] }
                for phrase in phrases { found.formUnion(templates(of: phrase)) }
            }
            for issue in model.issues() { found.formUnion(templates(of: issue.phrase)) }
        }
        for tab in Tab.allCases { found.formUnion(templates(of: tab.title)) }
        for action in ConfirmAction.allCases { found.formUnion(templates(of: action.label)) }
        for binding in KeyMap.global { found.formUnion(templates(of: binding.keys) + templates(of: binding.action)) }
        return found
    }

    /// Screen text written in the code: literals on lines that build phrases.
    static func sourceTemplates() throws -> [(template: String, place: String)] {
        var found: [(String, String)] = []
        for relative in screenSources {
            for file in swiftFiles(relative) where !quotedSources.contains(file.lastPathComponent) {
                let lines = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\n")
                for (number, line) in lines.enumerated() where keywords.contains(where: line.contains) {
                    let code = line.trimmingCharacters(in: .whitespaces)
                    if code.hasPrefix("//") || code.hasPrefix("///") { continue }
                    for template in SwiftLiterals.templates(in: line) {
                        found.append((template, "\(file.lastPathComponent):\(number + 1)"))
                    }
                }
            }
        }
        return found
    }

    @Test func everyScreenTextHasAChineseTranslation() throws {
        var missing: [String] = []
        for template in Self.modelTemplates().sorted() where !Self.isCovered(template) {
            missing.append("model: \(template.debugDescription)")
        }
        for (template, place) in try Self.sourceTemplates() where !Self.isCovered(template) {
            missing.append("\(place): \(template.debugDescription)")
        }
        #expect(missing.isEmpty, "missing in Chinese (add to UITextZH.texts or, for names, to sameAsEnglish):\n\(missing.joined(separator: "\n"))")
    }

    @Test func theChineseTableHoldsOnlyWhatTheCodeSays() throws {
        var everything = Self.modelTemplates()
        for file in Self.swiftFiles("") where !file.path.contains("/Localization/") {
            everything.formUnion(SwiftLiterals.templates(in: try String(contentsOf: file, encoding: .utf8)))
        }
        let stale = UITextZH.texts.keys.filter { !everything.contains($0) && !UITextZH.fromLibraries.contains($0) }.sorted()
        #expect(stale.isEmpty, "Chinese keys the code no longer uses (missing in English):\n\(stale.joined(separator: "\n"))")
        let staleNames = UITextZH.sameAsEnglish.filter { !everything.contains($0) }.sorted()
        #expect(staleNames.isEmpty, "names kept in English that the code no longer uses:\n\(staleNames.joined(separator: "\n"))")
    }

    /// The Chinese tables are merged into one; a key in two of them would lose one translation silently.
    @Test func noKeyIsTranslatedTwice() {
        let tables = [
            UITextZH.tabs, UITextZH.general, UITextZH.osAndSystem, UITextZH.disks, UITextZH.cpuMemoryNetwork,
            UITextZH.checks, UITextZH.screens, UITextZH.keys, UITextZH.answers, UITextZH.host, UITextZH.commandLine,
            UITextZH.trust, UITextZH.arch, UITextZH.volumes, UITextZH.cloudInit, UITextZH.passthrough, UITextZH.templates,
        ]
        var seen: [String: Int] = [:]
        for (index, table) in tables.enumerated() {
            for key in table.keys {
                #expect(seen[key] == nil, "\(key.debugDescription) is in tables \(seen[key] ?? -1) and \(index)")
                seen[key] = index
            }
        }
        #expect(seen.count == UITextZH.texts.count)
    }

    @Test func translationsKeepEveryArgument() {
        for (key, value) in UITextZH.texts {
            let slots = key.components(separatedBy: "%@").count - 1
            var positional = Set<Int>()
            var sequential = 0
            var rest = Substring(value)
            while let percent = rest.firstIndex(of: "%") {
                rest = rest[rest.index(after: percent)...]
                if rest.hasPrefix("@") { sequential += 1 }
                let digits = rest.prefix { $0.isNumber }
                if !digits.isEmpty, rest.dropFirst(digits.count).hasPrefix("$@"), let number = Int(digits) {
                    positional.insert(number)
                }
                if rest.hasPrefix("%") { rest = rest.dropFirst() }
            }
            let used = positional.isEmpty ? sequential : positional.count
            #expect(used == slots && (positional.isEmpty || positional == Set(1...max(1, slots))),
                    "\(key.debugDescription) has \(slots) arguments; its Chinese uses \(used): \(value.debugDescription)")
        }
    }

    /// Why an answers-file value would be ignored: returned from a switch, so no keyword line shows it.
    @Test func ignoredValueReasonsAreTranslated() {
        for id in OptionCatalog.specs.map(\.id) {
            let reason = AnswersImporter.inactiveReason(id)
            #expect(Self.isCovered(reason.template), "missing in Chinese: \(reason.template)")
        }
    }

    @Test func phrasesTranslateWithTheirArguments() {
        let kind: Phrase = "a VM"
        let phrase: Phrase = "VM ID \(123) is already in use by \(kind) on node \("pve2")"
        #expect(phrase.text(.en) == "VM ID 123 is already in use by a VM on node pve2")
        let chinese = phrase.text(.zh)
        #expect(chinese.contains("123") && chinese.contains("pve2") && chinese.contains(kind.text(.zh)))
        #expect(chinese != phrase.text(.en))
        let untranslated: Phrase = "no such text \(1) anywhere"
        #expect(untranslated.text(.zh) == "no such text 1 anywhere")
        #expect(Phrase("100%").text(.en) == "100%")
    }
}

/// Just enough of Swift's string literal syntax to pull out the English templates: `\(…)` becomes `%@`
/// (literals inside an interpolation are templates of their own), escapes are decoded, `%` doubles.
enum SwiftLiterals {
    static func templates(in source: String) -> [String] {
        let chars = Array(source)
        var found: [String] = []
        var index = 0
        while index < chars.count {
            if chars[index] == "/", index + 1 < chars.count, chars[index + 1] == "/" {
                while index < chars.count, chars[index] != "\n" { index += 1 }
                continue
            }
            if chars[index] == "\"" {
                if index + 2 < chars.count, chars[index + 1] == "\"", chars[index + 2] == "\"" {
                    index = skipMultiline(chars, from: index + 3)
                    continue
                }
                let (template, end) = literal(chars, from: index, into: &found)
                found.append(template)
                index = end
                continue
            }
            index += 1
        }
        return found
    }

    private static func skipMultiline(_ chars: [Character], from start: Int) -> Int {
        var index = start
        while index + 2 < chars.count {
            if chars[index] == "\"", chars[index + 1] == "\"", chars[index + 2] == "\"" { return index + 3 }
            index += 1
        }
        return chars.count
    }

    /// Parses the literal whose opening quote is at `start`; returns its template and the index after it.
    private static func literal(_ chars: [Character], from start: Int, into found: inout [String]) -> (String, Int) {
        var template = ""
        var index = start + 1
        while index < chars.count {
            let char = chars[index]
            if char == "\"" { return (template, index + 1) }
            if char == "\n" { return (template, index) }
            if char == "\\", index + 1 < chars.count {
                let next = chars[index + 1]
                if next == "(" {
                    index = interpolationEnd(chars, from: index + 2, into: &found)
                    template += "%@"
                    continue
                }
                let decoded: [Character: String] = ["n": "\n", "t": "\t", "0": "\0", "\"": "\"", "\\": "\\", "'": "'"]
                template += decoded[next] ?? String(next)
                index += 2
                continue
            }
            template += char == "%" ? "%%" : String(char)
            index += 1
        }
        return (template, index)
    }

    private static func interpolationEnd(_ chars: [Character], from start: Int, into found: inout [String]) -> Int {
        var depth = 1
        var index = start
        while index < chars.count, depth > 0 {
            switch chars[index] {
            case "\"":
                let (inner, end) = literal(chars, from: index, into: &found)
                found.append(inner)
                index = end
                continue
            case "(": depth += 1
            case ")": depth -= 1
            default: break
            }
            index += 1
        }
        return index
    }
}
