import VMWizardPlatform
import VMWizardCore
import VMWizardFixtures

/// What vmwizard makes of one corpus case: refused (with every problem and where), or accepted with its three
/// renderings and the result of reading the printed config back.
struct CorpusEvaluation {
    var answers: AnswersCase
    var problems: [AnswersProblem] = []
    var qm: [String]?
    var conf: String?
    var json: String?
    var roundTrip: String?
    var vmid = ""

    init(_ answers: AnswersCase, host: HostInventory) {
        self.answers = answers
        switch Answers.parse(text: answers.text, host: host) {
        case .failure(let failure):
            problems = failure.problems
        case .success(let draft):
            let model = VMModel(draft: draft, host: host)
            vmid = model.value(.vmid)
            // qm reads --sshkeys from a file: the checker gets a real one.
            let keyFile = PVEParameters.sshKeysText(model).map { Self.keyFile(id: answers.id, text: $0) }
            qm = Array(QmCommand.create(model, sshKeysFile: keyFile ?? "/dev/stdin").dropFirst())
            let config = ConfigFile.render(model)
            conf = config
            json = APIJSON.render(model, includeStart: false)
            roundTrip = CorpusEvaluation.readBack(config, vmid: vmid, host: host)
        }
    }

    /// A file holding SSH keys for the checker's `qm create --sshkeys FILE`, in the corpus's scratch folder.
    static func keyFile(id: String, text: String) -> String {
        let folder = "/tmp/vmwizard-corpus-keys"
        mkdir(folder, 0o700)
        let path = "\(folder)/\(id.replacingOccurrences(of: "/", with: "-")).keys"
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        if fd >= 0 {
            FileHandleOutput.write(fd, text)
            close(fd)
        }
        return path
    }

    /// Nil when the printed config reads back as the same VM (its config renders identically, for the same VM ID;
    /// MAC addresses apart, which a config used as a template leaves to the new VM); else what differs.
    static func readBack(_ config: String, vmid: String, host: HostInventory) -> String? {
        switch Answers.parse(text: config, host: host) {
        case .failure(let failure):
            return "refused: " + failure.problems.map(\.description).joined(separator: "; ")
        case .success(var draft):
            draft.values[FieldID.vmid.rawValue] = vmid
            let again = ConfigComparison.withoutMACs(ConfigFile.render(VMModel(draft: draft, host: host)))
            let original = ConfigComparison.withoutMACs(config)
            if again == original { return nil }
            let old = Set(original.split(separator: "\n")), new = Set(again.split(separator: "\n"))
            return "differs: -" + old.subtracting(new).sorted().joined(separator: " | ") + " +" + new.subtracting(old).sorted().joined(separator: " | ")
        }
    }

    var jsonLine: String {
        var fields: [String] = [
            "\"id\": \(APIJSON.quote(answers.id))",
            "\"format\": \(APIJSON.quote(answers.format == .json ? "json" : "conf"))",
            "\"text\": \(APIJSON.quote(answers.text))",
            "\"accepted\": \(qm != nil)",
        ]
        if var raw = answers.rawQmArguments {
            // The input's sshkeys (URL-encoded, as the API takes them) go to qm as the file it reads.
            if let flag = raw.firstIndex(of: "--sshkeys"), flag + 1 < raw.count {
                raw[flag + 1] = Self.keyFile(id: answers.id + "-input", text: PercentEscapes.decode(raw[flag + 1]))
            }
            fields.append("\"raw_qm\": [\(raw.map(APIJSON.quote).joined(separator: ", "))]")
        }
        fields.append("\"problems\": [" + problems.map {
            "{\"location\": \(APIJSON.quote($0.location)), \"message\": \(APIJSON.quote($0.message))}"
        }.joined(separator: ", ") + "]")
        if let qm { fields.append("\"qm\": [\(qm.map(APIJSON.quote).joined(separator: ", "))]") }
        if let conf { fields.append("\"conf\": \(APIJSON.quote(conf))") }
        if let json { fields.append("\"json\": \(APIJSON.quote(json))") }
        if qm != nil { fields.append("\"vmid\": \(APIJSON.quote(vmid))") }
        if let roundTrip { fields.append("\"roundtrip\": \(APIJSON.quote(roundTrip))") }
        return "{" + fields.joined(separator: ", ") + "}"
    }
}

enum FileHandleOutput {
    static func out(_ text: String) { write(STDOUT_FILENO, text) }
    static func error(_ text: String) { write(STDERR_FILENO, text + "\n") }

    static func write(_ fd: Int32, _ text: String) {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { systemWrite(fd, $0.baseAddress, $0.count) }
            if written <= 0 { return }
            offset += written
        }
    }
}

@inline(__always)
private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
    #if canImport(Glibc)
    return Glibc.write(fd, buffer, count)
    #else
    return Darwin.write(fd, buffer, count)
    #endif
}
