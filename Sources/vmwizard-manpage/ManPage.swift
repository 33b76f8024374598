import VMWizardCore
import VMWizardTUI

/// vmwizard(1): the options from the argument definitions, the keys from the wizard's key table, the exit
/// statuses from their table, the version from VMWizardCore, and the prose of `ManPageProse`.
struct ManPage {
    var dump: HelpDump
    var keys: [KeyMap.Binding] = KeyMap.global
    var exitCodes: [ExitCodeTable.Entry] = ExitCodeTable.all
    /// English, or Chinese from `ManPageProseZH` (the options, keys and exit codes stay the same entries).
    var language: Language = .en

    private var zh: Bool { language == .zh }

    private func heading(_ english: String) -> String {
        zh ? Roff.text(ManPageProseZH.sections[english] ?? english) : english
    }

    func render() -> String {
        let command = dump.command
        var page = RoffDocument(
            title: command.commandName.uppercased(), section: 1, date: VMWizardVersion.date,
            source: "\(command.commandName) \(VMWizardVersion.number)",
            manual: zh ? Roff.text(ManPageProseZH.manual) : "User Commands")
        // Chinese lines break between characters (Roff.text marks where); justifying such lines only
        // stretches the few spaces there are. The man macros reset adjustment at each paragraph from the
        // AD string (groff 1.23 warns "cannot adjust line" otherwise), so set that too.
        if zh {
            page.request(".ds AD l")
            page.request(".ad l")
        }

        page.section(heading("NAME"))
        let name = zh ? Self.chinese(command.abstract ?? "").trimmingSuffix("。") : Self.nameLine(command.abstract ?? "")
        page.raw("\(command.commandName) \\- " + Roff.text(name))

        page.section(heading("SYNOPSIS"))
        page.raw(synopsis())
        page.request(".br")
        page.raw(Roff.command(command.commandName) + " " + Roff.command("--version"))

        page.section(heading("DESCRIPTION"))
        let description = zh
            ? descriptionParagraphs().map(Self.chinese) + ManPageProseZH.description
            : descriptionParagraphs() + ManPageProse.description
        for paragraph in description { page.paragraph(paragraph) }

        page.section(heading("OPTIONS"))
        for argument in displayedArguments() {
            page.entry(tag(argument), optionBody(argument))
        }

        page.section(heading("KEYS"))
        page.paragraph(zh ? ManPageProseZH.keysIntroduction : ManPageProse.keysIntroduction)
        for binding in keys { page.entry(Roff.bold(binding.keys.text(language)), binding.action.text(language)) }
        page.paragraph(zh ? ManPageProseZH.keysNote : ManPageProse.keysNote)

        page.section(heading("FILES"))
        page.paragraph(zh ? ManPageProseZH.filesIntroduction : ManPageProse.filesIntroduction)
        for file in ManPageProse.files {
            page.entry(Roff.italic(file.path), zh ? ManPageProseZH.files[file.path] ?? file.use : file.use)
        }

        page.section(heading("EXIT STATUS"))
        for code in exitCodes {
            let text = zh
                ? code.meaning.text(.zh) + "：" + code.detail.text(.zh) + "。"
                : "\(code.meaning.text(.en).capitalizedFirst): \(code.detail.text(.en))."
            page.entry(Roff.bold(String(code.code)), text)
        }

        page.section(heading("ENVIRONMENT"))
        for variable in ManPageProse.environment {
            page.entry(Roff.bold(variable.name), zh ? ManPageProseZH.environment[variable.name] ?? variable.use : variable.use)
        }

        page.section(heading("EXAMPLES"))
        for (index, example) in ManPageProse.examples.enumerated() {
            let chinese = ManPageProseZH.examples.indices.contains(index) ? ManPageProseZH.examples[index] : example.what
            page.paragraph(zh ? chinese : example.what)
            page.literal(example.lines)
        }

        page.section(heading("SEE ALSO"))
        page.raw(ManPageProse.seeAlso.map { "\\fB\($0.name)\\fR(\($0.section))" }.joined(separator: ", "))
        return page.text
    }

    /// The help dump's English text in Chinese, from the same table `vmwizard --lang zh --help` uses.
    static func chinese(_ english: String) -> String {
        Phrase(stringLiteral: english).text(.zh)
    }

    /// "Create a … wizard." → "create a … wizard", as the NAME line wants it.
    static func nameLine(_ abstract: String) -> String {
        var line = abstract.trimmingSuffix(".")
        if let first = line.first, line.dropFirst().first?.isUppercase != true {
            line = first.lowercased() + line.dropFirst()
        }
        return line
    }

    /// The discussion of `--help`, without the exit status paragraph (it has its own section).
    func descriptionParagraphs() -> [String] {
        (dump.command.discussion ?? "").paragraphs.filter { $0 != ExitCodeTable.summary }
    }

    func displayedArguments() -> [HelpDump.Argument] {
        (dump.command.arguments ?? []).filter(\.shouldDisplay)
    }

    /// `[--root dir] [--demo] …`, as the usage line of `--help`.
    func synopsis() -> String {
        let parts = displayedArguments()
            .filter { argument in !(argument.names ?? []).contains { ["help", "version"].contains($0.name) } }
            .map { "[" + tag(preferredOnly: true, $0) + "]" }
        return ([Roff.command(dump.command.commandName)] + parts).joined(separator: " ")
    }

    /// `\fB--print\fR \fIformat\fR`; every spelling of the name unless `preferredOnly`.
    func tag(preferredOnly: Bool = false, _ argument: HelpDump.Argument) -> String {
        var names = (argument.names ?? []).map(\.spelled)
        if preferredOnly, let long = names.last { names = [long] }
        var text = names.map(Roff.command).joined(separator: ", ")
        if argument.kind == "option", let value = argument.valueName { text += " " + Roff.italic(value) }
        return text
    }

    func optionBody(_ argument: HelpDump.Argument) -> String {
        if zh {
            var text = Self.chinese(argument.abstract ?? "")
            if let values = argument.allValues ?? argument.completionKind?.list?.values, !values.isEmpty {
                text += ManPageProseZH.values + values.joined(separator: ", ") + "。"
            }
            if let value = argument.defaultValue, argument.kind == "option" {
                text += ManPageProseZH.defaultValue + "`\(value)`。"
            }
            return text
        }
        var sentences = [argument.abstract ?? ""]
        if let discussion = argument.discussion, !discussion.isEmpty { sentences.append(discussion) }
        if let values = argument.allValues ?? argument.completionKind?.list?.values, !values.isEmpty {
            sentences.append("Values: " + values.joined(separator: ", ") + ".")
        }
        if let value = argument.defaultValue, argument.kind == "option" {
            sentences.append("Default: `\(value)`.")
        }
        return sentences.filter { !$0.isEmpty }.joined(separator: " ")
    }
}

extension String {
    func trimmingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
    }

    /// The text split at blank lines, each paragraph trimmed; empty ones dropped.
    var paragraphs: [String] {
        var result: [String] = []
        var current: [Substring] = []
        var lines = split(separator: "\n", omittingEmptySubsequences: false)
        lines.append("")
        for line in lines {
            let start = line.firstIndex { !$0.isWhitespace }
            if let start, let last = line.lastIndex(where: { !$0.isWhitespace }) {
                current.append(line[start...last])
            } else {
                if !current.isEmpty { result.append(current.joined(separator: "\n")) }
                current = []
            }
        }
        return result
    }

    var capitalizedFirst: String {
        guard let first else { return self }
        return first.uppercased() + dropFirst()
    }
}
