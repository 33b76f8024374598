/// A problem with one field: errors block creating the VM, warnings are shown but allowed.
public struct Issue: Sendable, Equatable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning }
    public var message: String
    public var severity: Severity
    /// Set when the issue is collected for a whole model.
    public var field: FieldRef?

    public init(_ message: String, severity: Severity = .error, field: FieldRef? = nil) {
        self.message = message
        self.severity = severity
        self.field = field
    }

    public static func warning(_ message: String) -> Issue { Issue(message, severity: .warning) }

    public var isError: Bool { severity == .error }
    public var description: String { message }
}
