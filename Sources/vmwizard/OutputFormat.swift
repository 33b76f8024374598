import ArgumentParser
import VMWizardCore

/// What `--print` prints.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case qm, conf, json

    func render(_ model: VMModel) -> String {
        switch self {
        case .qm: return QmCommand.script(model)
        case .conf: return ConfigFile.render(model)
        case .json: return APIJSON.render(model)
        }
    }

    /// The JSON is the create call's body only: what has to follow it (growing an imported disk, the template,
    /// the start) is said on standard error, so the printed output stays exactly what the API takes. The config
    /// already shows the result of those steps; the qm script holds them.
    func followUpNote(_ model: VMModel) -> Phrase? {
        guard self == .json else { return nil }
        let later = QmCommand.steps(model).dropFirst().map { ShellQuote.line($0.argv) }
        return later.isEmpty ? nil : "after this create, run: \(later.joined(separator: "; "))"
    }
}
