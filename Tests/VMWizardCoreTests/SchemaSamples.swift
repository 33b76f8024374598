import Foundation
@testable import VMWizardCore

/// Facts from Proxmox VE's own schema (`Fixtures/schema-samples.json`, written by
/// `scripts/extract-schema-samples.py` from `shared/pve-schema/qemu-create.json`).
struct SchemaSamples: Decodable {
    struct Samples: Decodable {
        var accepted: [String]
        var rejected: [String]
    }

    struct Property: Decodable {
        var type: String?
        var minimum: Double?
        var maximum: Double?
        var choices: [String]?
        var pattern: String?
        var format: String?

        enum CodingKeys: String, CodingKey {
            case type, minimum, maximum, pattern, format
            case choices = "enum"
        }
    }

    var formats: [String: Samples]
    var options: [String: Property]
    var subkeys: [String: [String: Property]]
    var cpu_models: [String]

    static let shared: SchemaSamples = {
        guard let url = Bundle.module.url(forResource: "schema-samples", withExtension: "json", subdirectory: "Fixtures"),
              let data = try? Data(contentsOf: url),
              let samples = try? JSONDecoder().decode(SchemaSamples.self, from: data) else {
            fatalError("Fixtures/schema-samples.json is missing or unreadable: run scripts/extract-schema-samples.py")
        }
        return samples
    }()

    func samples(_ format: String) -> Samples { formats[format] ?? Samples(accepted: [], rejected: []) }

    /// A top-level option (`memory`) or a sub-key (`net.tag`).
    func property(_ path: String) -> Property? {
        let parts = path.split(separator: ".", maxSplits: 1).map(String.init)
        return parts.count == 2 ? subkeys[parts[0]]?[parts[1]] : options[path]
    }

    /// Whether `value` matches a schema pattern as a whole, as Proxmox checks it.
    static func matches(_ pattern: String, _ value: String) -> Bool {
        guard let regex = try? NSRegularExpression(pattern: "^(?:\(pattern))$") else { return false }
        return regex.firstMatch(in: value, range: NSRange(value.startIndex..., in: value)) != nil
    }
}
