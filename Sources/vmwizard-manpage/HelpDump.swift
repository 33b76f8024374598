import VMWizardPlatform

/// The parts of `vmwizard --experimental-dump-help` (swift-argument-parser's tool-info JSON, version 0) that
/// the man page uses. ArgumentParser does not offer its own decoder types as a product, so these mirror
/// the few fields needed.
struct HelpDump: Decodable {
    var serializationVersion: Int
    var command: Command

    struct Command: Decodable {
        var commandName: String
        var abstract: String?
        var discussion: String?
        var arguments: [Argument]?
    }

    struct Argument: Decodable {
        var kind: String
        var shouldDisplay: Bool
        var names: [Name]?
        var valueName: String?
        var defaultValue: String?
        var allValues: [String]?
        var completionKind: CompletionKind?
        var abstract: String?
        var discussion: String?
    }

    struct Name: Decodable {
        var kind: String
        var name: String

        /// `-h`, `--help`, `-long`.
        var spelled: String {
            switch kind {
            case "short": return "-" + name
            case "longWithSingleDash": return "-" + name
            default: return "--" + name
            }
        }
    }

    /// Only the `list` kind matters here: it names the values an option takes when its type does not.
    struct CompletionKind: Decodable {
        var list: List?

        struct List: Decodable {
            var values: [String]
        }
    }

    static func decode(_ data: Data) throws -> HelpDump {
        let dump = try JSONDecoder().decode(HelpDump.self, from: data)
        guard dump.serializationVersion == 0 else {
            throw GeneratorError("unknown --experimental-dump-help format version \(dump.serializationVersion)")
        }
        return dump
    }
}

struct GeneratorError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
