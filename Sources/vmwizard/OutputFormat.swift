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
}
