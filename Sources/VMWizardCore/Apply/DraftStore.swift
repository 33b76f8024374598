import VMWizardPlatform

/// Where vmwizard keeps the draft of the answers and the remembered preferences:
/// `$XDG_STATE_HOME/vmwizard/`, by default `~/.local/state/vmwizard/`.
public struct DraftStore: Sendable {
    public let directory: String

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            directory = state + "/vmwizard"
        } else {
            let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? FileManager.default.homeDirectoryForCurrentUser.path
            directory = home + "/.local/state/vmwizard"
        }
    }

    public init(directory: String) { self.directory = directory }

    /// Drafts are a few KiB; anything far larger is not ours.
    static let maxSize = 4 << 20

    public var draftPath: String { directory + "/draft.json" }
    public var preferencesPath: String { directory + "/preferences.json" }

    /// A saved draft with what it was made for.
    public struct SavedDraft: Codable, Equatable, Sendable {
        public var draft: VMDraft
        public var savedAt: Date
        public var node: String
        public init(draft: VMDraft, savedAt: Date, node: String) {
            self.draft = draft
            self.savedAt = savedAt
            self.node = node
        }
    }

    public struct Preferences: Codable, Equatable, Sendable {
        public var showAdvanced: Bool
        public init(showAdvanced: Bool = false) { self.showAdvanced = showAdvanced }
    }

    func ensureDirectory() throws {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw FileWriteError("cannot create \(directory): \(SystemError.reason(error))")
        }
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }()

    static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }

    public func saveDraft(_ draft: VMDraft, node: String, at date: Date = Date()) throws {
        try ensureDirectory()
        let data = try Self.encoder.encode(SavedDraft(draft: draft, savedAt: date, node: node))
        try AtomicFile.replace(draftPath, with: String(decoding: data, as: UTF8.self))
    }

    /// The saved draft; nil when there is none. A damaged draft is an error naming the file (it is kept).
    public func loadDraft() throws -> SavedDraft? {
        let data: Data
        switch BoundedFile.read(draftPath, limit: Self.maxSize) {
        case .ok(let bytes): data = Data(bytes)
        case .missing: return nil
        case .failed(let reason): throw FileWriteError("the draft \(draftPath) cannot be read (\(reason)); it was left in place")
        }
        do {
            return try Self.decoder().decode(SavedDraft.self, from: data)
        } catch {
            throw FileWriteError("the draft \(draftPath) cannot be read (\(error)); it was left in place")
        }
    }

    public func removeDraft() {
        unlink(draftPath)
    }

    public func loadPreferences() -> Preferences {
        guard case .ok(let bytes) = BoundedFile.read(preferencesPath, limit: Self.maxSize),
              let prefs = try? Self.decoder().decode(Preferences.self, from: Data(bytes)) else { return Preferences() }
        return prefs
    }

    public func savePreferences(_ prefs: Preferences) throws {
        try ensureDirectory()
        let data = try Self.encoder.encode(prefs)
        try AtomicFile.replace(preferencesPath, with: String(decoding: data, as: UTF8.self))
    }
}
