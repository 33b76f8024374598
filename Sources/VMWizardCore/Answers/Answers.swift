import VMWizardPlatform

/// One thing wrong with an answers file: where (`line 12` in a config file, `key 'memory'` in JSON) and what.
public struct AnswersProblem: Error, Hashable, Sendable, CustomStringConvertible {
    public var location: String
    /// What is wrong, translated when shown.
    public var phrase: Phrase

    public init(location: String, message: Phrase) {
        self.location = location
        self.phrase = message
    }

    /// The message in English (tests, logs).
    public var message: String { phrase.description }
    public func message(_ language: Language) -> String { phrase.text(language) }

    /// "line 7: unknown key 'foo'".
    public var description: String { location.isEmpty ? message : "\(location): \(message)" }
}

/// Every problem of one answers file, in file order. A collection of `AnswersProblem` (a plain array cannot be
/// a `Result`'s failure).
public struct AnswersProblems: Error, Equatable, Sendable, RandomAccessCollection, CustomStringConvertible {
    public var problems: [AnswersProblem]

    public init(_ problems: [AnswersProblem]) { self.problems = problems }

    public var startIndex: Int { problems.startIndex }
    public var endIndex: Int { problems.endIndex }
    public subscript(position: Int) -> AnswersProblem { problems[position] }

    /// One problem per line, as the CLI prints them.
    public var description: String { problems.map(\.description).joined(separator: "\n") }
}

/// Answers files prefill the wizard (`vmwizard --answers FILE`). Two formats are read:
///
/// - a JSON object of `qm create` parameters (`{"vmid": 120, "scsi0": "local-lvm:64,iothread=on", …}`): disks
///   use the allocation syntax `STORAGE:SIZE_GiB` or `STORAGE:0,import-from=SOURCE`, MAC addresses are kept;
/// - a Proxmox VM configuration file (`/etc/pve/qemu-server/VMID.conf`) used as a template: every volume becomes
///   a new disk of the same size on the same storage, MACs and generated identifiers are dropped.
///
/// A key left out means what it means to `qm create`: the backend's choice for machine, BIOS, SCSI controller,
/// EFI disk, TPM, VirtIO drivers CD and every sub-key of a disk or NIC. Only the keys the wizard always sends
/// (ostype, cpu, memory, sockets, cores, numa, ide2) keep the wizard's own defaults when absent, except that a
/// missing ide2 means no install media.
/// Disks and NICs in the file replace the wizard's default disk and NIC: no disk keys give a VM without disks.
public enum Answers {
    public enum Format: Sendable, Equatable { case json, config }

    /// JSON when the first non-blank character is "{" or "[" (the JSON reader then says a file must be one
    /// object), else a config file.
    public static func detectFormat(_ text: String) -> Format {
        let first = text.unicodeScalars.first { !Whitespace.isSpaceOrNewline($0) && $0 != "\u{FEFF}" }
        return first == "{" || first == "[" ? .json : .config
    }

    /// Reads and parses `path`. An unreadable file is one problem naming the path and the system's reason.
    public static func load(path: String, host: HostInventory) -> Result<VMDraft, AnswersProblems> {
        readText(path).flatMap { parse(text: $0, host: host) }
    }

    /// The file's text: bounded in size, UTF-8 only; an unreadable file is one problem with the system's reason.
    private static func readText(_ path: String) -> Result<String, AnswersProblems> {
        func refused(_ message: Phrase) -> Result<String, AnswersProblems> {
            .failure(AnswersProblems([AnswersProblem(location: "", message: message)]))
        }
        switch BoundedFile.read(path, limit: maxSize) {
        case .ok(let bytes):
            guard TerminalText.isValidUTF8(bytes) else { return refused("the answers file is not UTF-8 text") }
            return .success(String(decoding: bytes, as: UTF8.self))
        case .missing:
            return refused("cannot read the answers file: \(SystemError.text(ENOENT))")
        case .failed(let reason):
            return refused("cannot read the answers file: \(reason)")
        }
    }

    /// For the interactive wizard: the answers filled in as far as they go, with every problem, so the wizard
    /// can open with each problem marked on its field. Only a file whose syntax cannot be read is refused.
    public static func loadForWizard(path: String, host: HostInventory) -> Result<(VMDraft, [AnswersProblem]), AnswersProblems> {
        let text: String
        switch readText(path) {
        case .success(let read): text = read
        case .failure(let problems): return .failure(problems)
        }
        let entries = read(text)
        if entries.fatal { return .failure(AnswersProblems(entries.problems)) }
        var importer = AnswersImporter(host: host, format: entries.format)
        switch importer.run(entries) {
        case .success(let draft): return .success((draft, []))
        case .failure(let problems):
            guard let draft = importer.partialDraft else { return .failure(problems) }
            return .success((draft, problems.problems))
        }
    }

    /// Parses answers text (format detected) into a draft, checked against `host` with the wizard's validation.
    public static func parse(text: String, host: HostInventory) -> Result<VMDraft, AnswersProblems> {
        let entries = read(text)
        var importer = AnswersImporter(host: host, format: entries.format)
        return importer.run(entries)
    }

    /// The text's entries, read as JSON or as a config file by its first character.
    private static func read(_ text: String) -> AnswersEntries {
        detectFormat(text) == .json ? AnswersJSON.read(text) : AnswersConfig.read(text)
    }

    /// Far above any real VM config (Proxmox caps a description at 8 KiB); a larger file is refused unread.
    public static let maxSize = 4 << 20
}
