import ArgumentParser
import VMWizardPlatform
import VMWizardCore

@main
struct VMWizardCommand: ParsableCommand {
    static let overview: Phrase = "Runs the same tabs as the web UI's \"Create: Virtual Machine\" dialog (General, OS, System, Disks, CPU, Memory, Network, Confirm) on the terminal, then runs `qm create` or writes the VM config. Where no Proxmox VE is found it runs on a built-in demo host and never creates anything."
    static let batchUsage: Phrase = "Batch mode: `vmwizard --batch --answers FILE --print qm|conf|json` validates and prints; `vmwizard --batch --answers FILE` creates the VM (progress on stderr, result on stdout)."
    static let answersMeaning: Phrase = "A JSON answers file answers the wizard: every key written is taken literally, every key left out takes the wizard's default (its disk, NIC, firmware, EFI disk and TPM for the OS), null removes a device the wizard would add (\"scsi0\": null), and a sub-key left out of a property string means Proxmox's default. A .conf file is a whole VM, taken as it is, with Proxmox's meaning for what it leaves out."

    // Computed, not stored: ArgumentParser reads it after `main()` has chosen the language.
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "vmwizard",
            abstract: tr("Create a Proxmox VE virtual machine with a keyboard-driven terminal wizard."),
            discussion: [tr(overview), tr(batchUsage), tr(answersMeaning), ExitCodeTable.summary(CommandLineLanguage.current)]
                .map(helpParagraph).joined(separator: "\n\n"),
            version: VMWizardVersion.number)
    }

    /// ArgumentParser wraps by characters; Chinese ones take two columns, so those paragraphs come wrapped by
    /// display width already (English is left to ArgumentParser, as before).
    static func helpParagraph(_ text: String) -> String {
        CommandLineLanguage.current == .en ? text : DisplayWidth.wrap(text, width: 78).joined(separator: "\n")
    }

    static func main() {
        CommandLineLanguage.decide(arguments: CommandLine.arguments, environment: ProcessInfo.processInfo.environment)
        do {
            var command = try parseAsRoot(nil)
            try command.run()
        } catch {
            exit(withError: error)
        }
        exit(ExitStatus.done)
    }

    /// ArgumentParser's own messages go through the sanitiser too (they quote what was typed), and a usage
    /// error exits 2 like every other invalid input (ArgumentParser's default is 64).
    static func exit(withError error: Error) -> Never {
        let message = fullMessage(for: error)
        let code = exitCode(for: error)
        if code == .success {
            if !message.isEmpty { Console.output(message + "\n") }
            exit(ExitStatus.done)
        }
        if !message.isEmpty { printError(message) }
        exit(code == .validationFailure ? ExitStatus.invalid : code.rawValue)
    }

    static func exit(_ code: Int32) -> Never {
        #if canImport(Glibc)
        Glibc.exit(code)
        #else
        Foundation.exit(code)
        #endif
    }

    @Option(name: .long, help: ArgumentHelp(tr("Read the host's files under this folder instead of /."), valueName: "dir"),
            completion: .directory)
    var root: String?

    @Flag(name: .long, help: ArgumentHelp(tr("Use the built-in demo host even on a Proxmox VE node.")))
    var demo = false

    @Option(name: .long, help: ArgumentHelp(
        tr("Prefill from a Proxmox VM config (.conf, used as a template) or a JSON object of config key to value."),
        valueName: "file"), completion: .file())
    var answers: String?

    @Flag(name: .long, help: ArgumentHelp(tr("Resume the newest saved draft no other session has open, without asking.")))
    var resume = false

    @Flag(name: .long, help: ArgumentHelp(tr("No terminal UI: validate the answers and print (--print) or create the VM.")))
    var batch = false

    @Option(name: .long, help: ArgumentHelp(tr("Print the result as qm commands, a config file or API JSON."), valueName: "format"))
    var print: OutputFormat?

    @Option(name: .customLong("write-config"), help: ArgumentHelp(
        tr("Write the VM config to this path (never overwrites; inside /etc/pve only when nothing needs allocating)."),
        valueName: "path"), completion: .file())
    var writeConfig: String?

    @Option(name: .long, help: ArgumentHelp(tr("The qm program to run (default: qm on PATH)."), valueName: "path"),
            completion: .file())
    var qm: String?

    @Option(name: .long, help: ArgumentHelp(
        tr("Language of the screens, messages and help: en or zh (default: from LANGUAGE, LC_ALL, LC_MESSAGES or LANG)."),
        valueName: "lang"), completion: .list(Language.allCases.map(\.rawValue)))
    var lang: String?

    func validate() throws {
        if batch && resume { throw ValidationError(tr("--resume is for the interactive wizard; use --answers with --batch")) }
        if batch && answers == nil {
            throw ValidationError(tr("--batch needs --answers FILE: the answers to the wizard (JSON) or a VM config to use as a template"))
        }
        if let lang, Language(rawValue: lang) == nil { throw ValidationError(tr("--lang must be one of: en, zh")) }
        if writeConfig != nil && print != nil && batch {
            throw ValidationError(tr("choose one of --print and --write-config in batch mode"))
        }
    }

    func run() throws {
        let root = self.root ?? "/"
        let host: HostInventory, hostNote: Phrase?
        switch HostSource.load(root: root, rootGiven: self.root != nil, forceDemo: demo, interactive: !batch) {
        case .success(let loaded): (host, hostNote) = loaded
        case .failure(let refusal):
            printError("vmwizard: " + refusal.reason.text(CommandLineLanguage.current))
            throw ExitCode(ExitStatus.invalid)
        }
        let language = CommandLineLanguage.current
        var draft = VMDraft.fresh
        var answerProblems: [AnswersProblem] = []
        if let answers {
            // Batch mode refuses any problem; the wizard opens with the answers and marks each problem.
            let loaded: Result<(VMDraft, [AnswersProblem]), AnswersProblems> = batch
                ? Answers.load(path: answers, host: host).map { ($0, []) }
                : Answers.loadForWizard(path: answers, host: host)
            switch loaded {
            case .success(let (loadedDraft, problems)):
                draft = loadedDraft
                answerProblems = problems
            case .failure(let failure):
                for problem in failure.problems {
                    let at = problem.location.isEmpty ? "" : "\(problem.location): "
                    printError("vmwizard: \(answers): \(at)\(problem.message(language))")
                }
                throw ExitCode(ExitStatus.invalid)
            }
        }
        let store = DraftStore()
        if batch {
            throw ExitCode(BatchMode(host: host, draft: draft, root: root, qm: qm ?? "qm", language: language).run(print: print, writeConfig: writeConfig))
        }
        var session = InteractiveSession(
            host: host, hostNote: hostNote, draft: draft, store: store, session: DraftSession(store: store), root: root, qm: qm ?? "qm", language: language,
            printFormat: print ?? .qm, defaultConfigPath: writeConfig ?? "", answersGiven: answers != nil,
            answerProblems: answerProblems,
            resume: resume)
        throw ExitCode(session.run())
    }
}
