/// What the user entered by hand. A field missing here takes its default, which rules recompute from the
/// other fields and the host; so changing the OS re-applies OS defaults to exactly the untouched fields.
public struct VMDraft: Codable, Equatable, Sendable {
    public var values: [String: String]
    public var disks: [ItemDraft]
    public var nics: [ItemDraft]

    public init(values: [String: String] = [:], disks: [ItemDraft] = [ItemDraft()], nics: [ItemDraft] = [ItemDraft()]) {
        self.values = values
        self.disks = disks
        self.nics = nics
    }

    /// A fresh draft as the web UI opens it: one disk and one NIC, everything else at its default.
    public static let fresh = VMDraft()
}

/// User-entered values of one disk or NIC.
public struct ItemDraft: Codable, Equatable, Sendable {
    public var values: [String: String]
    public init(values: [String: String] = [:]) { self.values = values }
}
