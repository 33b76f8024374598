import VMWizardPlatform
import VMWizardCore

/// `--batch`: no terminal UI. Validates against the host, then prints, writes the config, or creates the VM.
struct BatchMode {
    var host: HostInventory
    var draft: VMDraft
    var root: String
    var qm: String
    var language: Language = .en

    func run(print format: OutputFormat?, writeConfig: String?) -> Int32 {
        for warning in host.warnings { printError("vmwizard: " + Phrase("warning: \(warning)").text(language)) }
        let model = VMModel(draft: draft, host: host)
        let issues = model.issues()
        for issue in issues where !issue.isError { printError("vmwizard: " + Phrase("warning: \(issue.phrase)").text(language)) }
        let kept = model.keptRows.filter { !$0.dropped }.map(\.text)
        if !kept.isEmpty {
            printError("vmwizard: " + Phrase("kept from the template as they are: \(kept.joined(separator: "; "))").text(language))
        }
        let errors = issues.filter(\.isError)
        if !errors.isEmpty {
            for error in errors { printError("vmwizard: \(location(of: error))\(error.message(language))") }
            return ExitStatus.invalid
        }
        if let format {
            Console.output(format.render(model), exact: format != .qm)
            if let note = format.followUpNote(model) { printError("vmwizard: " + note.text(language)) }
            return ExitStatus.done
        }
        if let path = writeConfig {
            do {
                let written = try ConfigWriter(root: root).write(model, to: path)
                Console.outputLine(written)
                return ExitStatus.done
            } catch {
                printError("vmwizard: \(error)")
                return ExitStatus.applyFailed
            }
        }
        if host.isDemo {
            // Nothing is attempted on the demo host: that is a usage matter (status 2), not a failed apply.
            printError("vmwizard: " + Phrase("This is the built-in demo host: vmwizard never creates anything here. Use --print qm|conf|json to get the exact commands, or run vmwizard on a Proxmox VE node.").text(language))
            return ExitStatus.invalid
        }
        let applier = Applier(qm: qm, root: root)
        let outcome = applier.run(model, output: { line in printError(line) })
        switch outcome {
        case .created(let vmid, let details, let steps):
            for line in details { printError(line) }
            Console.outputLine("created VM \(vmid) on node \(model.targetNode)")
            for step in steps where step.succeeded {
                switch step.kind {
                case .resize: Console.outputLine("grew the imported disk: \(step.command)")
                case .template: Console.outputLine("converted VM \(vmid) to a template")
                case .start: Console.outputLine("started VM \(vmid)")
                case .create, .download: break
                }
            }
            if let failed = outcome.failedStep {
                let reason: Phrase = .verbatim(failed.error ?? "unknown error")
                let message: Phrase = "VM \(vmid) was created, but \(failed.command) failed: \(reason)"
                printError("vmwizard: " + message.text(language))
                for skipped in steps where !skipped.ran {
                    printError("vmwizard: " + Phrase("not run: \(skipped.command)").text(language))
                }
                return ExitStatus.applyFailed
            }
            return ExitStatus.done
        case .failed(let message):
            let failure: Phrase = "creating the VM failed: \(message)"
            printError("vmwizard: " + failure.text(language))
            return ExitStatus.applyFailed
        case .refused(let reason):
            printError("vmwizard: \(reason.text(language))")
            return ExitStatus.applyFailed
        case .vmidTaken(let vmid, let suggestion):
            let message: Phrase = suggestion.map { "VM ID \(vmid) was taken meanwhile; the next free ID is \($0)" }
                ?? "VM ID \(vmid) was taken meanwhile"
            printError("vmwizard: " + message.text(language))
            return ExitStatus.applyFailed
        }
    }

    func location(of issue: Issue) -> String {
        guard let ref = issue.field, let spec = OptionCatalog.spec(ref.id) else { return "" }
        switch spec.scope {
        case .vm: return ""
        case .disk: return "disk \((ref.item ?? 0) + 1): "
        case .nic:
            return VMModel(draft: draft, host: host).nicName(ref.item ?? 0) + ": "
        case .device: return "device \((ref.item ?? 0) + 1): "
        }
    }
}
