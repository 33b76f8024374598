/// A problem with one field: errors block creating the VM, warnings are shown but allowed.
public struct Issue: Sendable, Equatable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning }
    public var phrase: Phrase
    public var severity: Severity
    /// Set when the issue is collected for a whole model.
    public var field: FieldRef?
    /// The config key a setting kept from a template has (it belongs to no field), to place the problem.
    public var configKey: String?

    public init(_ phrase: Phrase, severity: Severity = .error, field: FieldRef? = nil, configKey: String? = nil) {
        self.phrase = phrase
        self.severity = severity
        self.field = field
        self.configKey = configKey
    }

    public static func warning(_ phrase: Phrase) -> Issue { Issue(phrase, severity: .warning) }

    /// A refusal where vmwizard is stricter than Proxmox's create call on purpose, because what it accepts would
    /// fail later (at allocation, when the config is written, or when the VM starts). The README lists every one.
    public static func stricter(_ what: Phrase, _ later: Phrase) -> Issue {
        Issue("\(what) (Proxmox accepts this when creating the VM, but \(later))")
    }

    /// The message in English (batch output, logs, tests); screens use `phrase.text(language)`.
    public var message: String { phrase.description }
    public func message(_ language: Language) -> String { phrase.text(language) }

    public var isError: Bool { severity == .error }
    public var description: String { message }
}
