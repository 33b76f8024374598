import VMWizardPlatform

/// Where vmwizard keeps drafts of the answers and the remembered preferences: `$XDG_STATE_HOME/vmwizard/`, by
/// default `~/.local/state/vmwizard/`, with fallbacks when that cannot be written.
///
/// Every running session owns its own draft (`drafts/ID.json`) and holds an exclusive lock on `drafts/ID.lock`
/// (which names its PID, terminal and start time) for as long as it runs, so two ssh windows never write over
/// each other's answers: a draft whose lock is held belongs to a live session and is neither resumed nor
/// removed by another one. A lock dies with its process, so a draft left by a dropped session is free again.
public struct DraftStore: Sendable {
    /// Where drafts are written first.
    public let directory: String
    /// Tried in order when `directory` cannot be written; drafts found there are offered too.
    public let fallbacks: [String]

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? FileManager.default.homeDirectoryForCurrentUser.path
        let homeState = home + "/.local/state/vmwizard"
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            directory = state + "/vmwizard"
        } else {
            directory = homeState
        }
        var fallbacks: [String] = []
        if directory != homeState { fallbacks.append(homeState) }
        let temporary = environment["TMPDIR"].flatMap { $0.hasPrefix("/") ? $0 : nil } ?? "/tmp"
        fallbacks.append(temporary + "/vmwizard-\(geteuid())")
        self.fallbacks = fallbacks
    }

    public init(directory: String, fallbacks: [String] = []) {
        self.directory = directory
        self.fallbacks = fallbacks
    }

    public var preferencesPath: String { directory + "/preferences.json" }
    /// The single draft file of vmwizard 0.1, still offered for resuming.
    public var legacyDraftPath: String { directory + "/draft.json" }

    static func draftsFolder(_ base: String) -> String { base + "/drafts" }

    /// Drafts are a few KiB; anything far larger is not ours.
    static let maxSize = 4 << 20

    /// A saved draft with what it was made for.
    public struct SavedDraft: Codable, Equatable, Sendable {
        public var draft: VMDraft
        public var savedAt: Date
        public var node: String
        /// The tab the user was on (absent in drafts of vmwizard 0.1).
        public var tab: Tab?
        /// The VM ID the wizard showed (typed or proposed), to name the draft.
        public var vmid: String?
        public init(draft: VMDraft, savedAt: Date, node: String, tab: Tab? = nil, vmid: String? = nil) {
            self.draft = draft
            self.savedAt = savedAt
            self.node = node
            self.tab = tab
            self.vmid = vmid
        }
    }

    /// Who holds a draft's lock: written into the lock file, shown to a second session.
    public struct Owner: Codable, Equatable, Sendable {
        public var pid: Int32
        public var terminal: String
        public var startedAt: Date
        public init(pid: Int32, terminal: String, startedAt: Date) {
            self.pid = pid
            self.terminal = terminal
            self.startedAt = startedAt
        }

        public static func current(startedAt: Date) -> Owner {
            var terminal = "no terminal"
            if let name = ttyname(STDIN_FILENO) ?? ttyname(STDERR_FILENO) { terminal = String(cString: name) }
            return Owner(pid: getpid(), terminal: terminal, startedAt: startedAt)
        }
    }

    /// One draft on disk, as the resume dialog lists it.
    public struct Entry: Equatable, Sendable {
        public var id: String
        public var path: String
        public var saved: SavedDraft
        /// The live session that owns it, if any: such a draft is not offered for resuming.
        public var owner: Owner?

        public var vmName: String { saved.draft.values[FieldID.name.rawValue] ?? "" }
        public var vmid: String? { saved.draft.values[FieldID.vmid.rawValue] ?? saved.vmid }
    }

    public struct Preferences: Codable, Equatable, Sendable {
        public var showAdvanced: Bool
        public init(showAdvanced: Bool = false) { self.showAdvanced = showAdvanced }
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

    // MARK: Listing

    /// Every draft in the directory and its fallbacks, newest first; unreadable files are reported, not lost.
    public func list() -> (entries: [Entry], problems: [Phrase]) {
        var entries: [Entry] = []
        var problems: [Phrase] = []
        var seen = Set<String>()
        for base in [directory] + fallbacks {
            let folder = Self.draftsFolder(base)
            guard seen.insert(folder).inserted,
                  let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { continue }
            for name in names where name.hasSuffix(".json") {
                let id = String(name.dropLast(5))
                let path = folder + "/" + name
                switch Self.read(path) {
                case .success(let saved):
                    entries.append(Entry(id: id, path: path, saved: saved, owner: Self.liveOwner(folder + "/\(id).lock")))
                case .failure(let problem): problems.append(problem.phrase)
                }
            }
        }
        if case .success(let saved) = Self.read(legacyDraftPath) {
            entries.append(Entry(id: "draft", path: legacyDraftPath, saved: saved, owner: nil))
        }
        entries.sort { $0.saved.savedAt > $1.saved.savedAt }
        return (entries, problems)
    }

    /// The newest draft no live session owns (what `--resume` takes).
    public func newestFree() -> Entry? {
        list().entries.first { $0.owner == nil }
    }

    struct ReadProblem: Error {
        var phrase: Phrase
    }

    static func read(_ path: String) -> Result<SavedDraft, ReadProblem> {
        switch BoundedFile.read(path, limit: maxSize) {
        case .ok(let bytes):
            do {
                return .success(try decoder().decode(SavedDraft.self, from: Data(bytes)))
            } catch {
                return .failure(ReadProblem(phrase: "the draft \(path) cannot be read (not a vmwizard draft); it was left in place"))
            }
        case .missing: return .failure(ReadProblem(phrase: "the draft \(path) disappeared"))
        case .failed(let reason):
            return .failure(ReadProblem(phrase: "the draft \(path) cannot be read (\(reason)); it was left in place"))
        }
    }

    /// The owner recorded in a lock file whose lock is held right now; nil when no live session holds it.
    static func liveOwner(_ lockPath: String) -> Owner? {
        let fd = open(lockPath, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        if flock(fd, LOCK_SH | LOCK_NB) == 0 { return nil }
        guard errno == EWOULDBLOCK, case .ok(let bytes) = BoundedFile.read(lockPath, limit: 4096) else { return nil }
        return (try? decoder().decode(Owner.self, from: Data(bytes))) ?? Owner(pid: 0, terminal: "unknown", startedAt: Date())
    }

    // MARK: Preferences

    public func loadPreferences() -> Preferences {
        guard case .ok(let bytes) = BoundedFile.read(preferencesPath, limit: Self.maxSize),
              let prefs = try? Self.decoder().decode(Preferences.self, from: Data(bytes)) else { return Preferences() }
        return prefs
    }

    public func savePreferences(_ prefs: Preferences) throws {
        try Self.ensureDirectory(directory)
        let data = try Self.encoder.encode(prefs)
        try AtomicFile.replace(preferencesPath, with: String(decoding: data, as: UTF8.self))
    }

    /// Creates `path` (mode 0700). A folder in /tmp must be ours and not a symlink: anyone can create names there.
    static func ensureDirectory(_ path: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw FileWriteError("cannot create \(path): \(SystemError.reason(error))")
        }
        var info = stat()
        guard lstat(path, &info) == 0 else { throw FileWriteError("cannot use \(path): \(SystemError.text(errno))") }
        guard (info.st_mode & S_IFMT) == S_IFDIR, info.st_uid == geteuid() else {
            throw FileWriteError("\(path) is not a folder owned by this user; not used for drafts")
        }
    }

    /// Removes a draft that no live session owns; false (and nothing removed) when one does.
    @discardableResult
    public func discard(_ entry: Entry) -> Bool {
        let lock = PathText.deletingLastComponent(entry.path) + "/\(entry.id).lock"
        if Self.liveOwner(lock) != nil { return false }
        unlink(entry.path)
        unlink(lock)
        return true
    }
}

/// What became of one save.
public enum DraftSaveResult: Equatable, Sendable {
    case saved(path: String)
    /// The main place failed; the draft went to a fallback.
    case savedElsewhere(path: String, reason: String)
    case failed(reason: String)

    public var isSaved: Bool {
        if case .failed = self { return false }
        return true
    }
}

/// The draft this running session owns: created on the first save (or taken over when resuming), locked for
/// the session's lifetime, and never shared with another session.
public final class DraftSession: @unchecked Sendable {
    public let store: DraftStore
    public let owner: DraftStore.Owner
    private let lock = Lock()
    private var id: String
    /// The folder (the store's directory or a fallback) now holding the draft, and the lock held there.
    private var base: String?
    private var lockFD: Int32 = -1
    /// A 0.1 draft that was resumed: removed once this session has saved its own copy.
    private var legacyPath: String?

    public init(store: DraftStore, startedAt: Date = Date()) {
        self.store = store
        owner = .current(startedAt: startedAt)
        let stamp = Int(startedAt.timeIntervalSince1970)
        id = "\(stamp)-\(owner.pid)-\(String(UInt16.random(in: 0...UInt16.max), radix: 16))"
    }

    deinit { releaseLock() }

    /// The draft file of this session, once it has one.
    public var path: String? { lock.withLock { base.map { DraftStore.draftsFolder($0) + "/\(id).json" } } }

    /// Takes over a saved draft (resuming it): its lock must be free. False when a live session owns it.
    public func adopt(_ entry: DraftStore.Entry) -> Bool {
        lock.withLock {
            if entry.id == "draft" && entry.path == store.legacyDraftPath {
                legacyPath = entry.path
                return true
            }
            let folder = PathText.deletingLastComponent(entry.path)
            guard let fd = Self.takeLock(folder + "/\(entry.id).lock", owner: owner) else { return false }
            releaseLockLocked()
            lockFD = fd
            id = entry.id
            base = PathText.deletingLastComponent(folder)
            return true
        }
    }

    /// Saves the draft atomically in this session's own file; falls back to the next place when one fails.
    public func save(_ draft: VMDraft, node: String, tab: Tab?, vmid: String? = nil, at date: Date = Date()) -> DraftSaveResult {
        lock.withLock {
            let text: String
            do {
                let data = try DraftStore.encoder.encode(DraftStore.SavedDraft(draft: draft, savedAt: date, node: node, tab: tab, vmid: vmid))
                text = String(decoding: data, as: UTF8.self)
            } catch {
                return .failed(reason: "\(error)")
            }
            var firstFailure: String?
            let places = [base].compactMap { $0 } + ([store.directory] + store.fallbacks).filter { $0 != base }
            for place in places {
                do {
                    try write(text, in: place)
                    if let legacyPath {
                        unlink(legacyPath)
                        self.legacyPath = nil
                    }
                    let path = DraftStore.draftsFolder(place) + "/\(id).json"
                    if let firstFailure { return .savedElsewhere(path: path, reason: firstFailure) }
                    return .saved(path: path)
                } catch {
                    if firstFailure == nil { firstFailure = "\(error)" }
                }
            }
            return .failed(reason: firstFailure ?? "no place to save drafts")
        }
    }

    private func write(_ text: String, in place: String) throws {
        let folder = DraftStore.draftsFolder(place)
        try DraftStore.ensureDirectory(place)
        try DraftStore.ensureDirectory(folder)
        if base != place || lockFD < 0 {
            guard let fd = Self.takeLock(folder + "/\(id).lock", owner: owner) else {
                throw FileWriteError("\(folder)/\(id).lock is held by another session")
            }
            // Moving to another place: the old file would be offered as a stale copy.
            if let old = base, old != place { unlink(DraftStore.draftsFolder(old) + "/\(id).json") }
            releaseLockLocked()
            lockFD = fd
            base = place
        }
        try AtomicFile.replace(folder + "/\(id).json", with: text)
    }

    /// Forgets this session's draft (the VM was created, or its commands printed).
    public func remove() {
        lock.withLock {
            if let base {
                unlink(DraftStore.draftsFolder(base) + "/\(id).json")
                unlink(DraftStore.draftsFolder(base) + "/\(id).lock")
            }
            if let legacyPath { unlink(legacyPath) }
            legacyPath = nil
            releaseLockLocked()
            base = nil
        }
    }

    private func releaseLock() { lock.withLock { releaseLockLocked() } }

    private func releaseLockLocked() {
        if lockFD >= 0 { close(lockFD) }
        lockFD = -1
    }

    /// Opens (creating) a lock file and takes its exclusive lock without waiting; then records the owner in it.
    static func takeLock(_ path: String, owner: DraftStore.Owner) -> Int32? {
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else { return nil }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            return nil
        }
        if let data = try? DraftStore.encoder.encode(owner) {
            _ = ftruncate(fd, 0)
            let bytes = Array(data)
            _ = bytes.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
        }
        return fd
    }
}
