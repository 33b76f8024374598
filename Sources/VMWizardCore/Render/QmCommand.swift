/// One command of the apply, in order: the create, then the follow-ups that need the VM to exist.
public struct ApplyStep: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable {
        case download, create, resize, template, start
    }

    public var kind: Kind
    public var argv: [String]

    public init(_ kind: Kind, _ argv: [String]) {
        self.kind = kind
        self.argv = argv
    }
}

/// The commands that create the VM, as argument vectors (run without a shell).
public enum QmCommand {
    /// `qm create VMID --key value …`. The start is a separate step (`qm create --start` only warns on failure).
    /// `qm` reads `--sshkeys` from a file: `sshKeysFile` names it (`/dev/stdin` in the printed commands).
    public static func create(_ model: VMModel, qm: String = "qm", sshKeysFile: String = "/dev/stdin") -> [String] {
        let params = PVEParameters.build(model, includeStart: false)
        return [qm, "create", model.value(.vmid)] + params.dropFirst().flatMap { param in
            ["--\(param.key)", param.key == "sshkeys" ? sshKeysFile : param.value]
        }
    }

    public static func start(_ model: VMModel, qm: String = "qm") -> [String] {
        [qm, "start", model.value(.vmid)]
    }

    /// Creating on another cluster node goes through the API, which forwards it to that node.
    public static func createViaAPI(_ model: VMModel, pvesh: String = "pvesh") -> [String] {
        let params = PVEParameters.build(model, includeStart: false)
        return [pvesh, "create", "/nodes/\(model.targetNode)/qemu"] + params.flatMap { ["--\($0.key)", $0.value] }
    }

    public static func startViaAPI(_ model: VMModel, pvesh: String = "pvesh") -> [String] {
        [pvesh, "create", "/nodes/\(model.targetNode)/qemu/\(model.value(.vmid))/status/start"]
    }

    /// Proxmox's own download of the cloud image into the storage's import folder, on the target node; nil when
    /// nothing is downloaded.
    public static func download(_ model: VMModel, pvesh: String = "pvesh") -> [String]? {
        guard model.downloadsImage, let target = model.downloadTarget, let colon = target.firstIndex(of: ":") else { return nil }
        let storage = String(target[..<colon])
        let fileName = String(target.dropFirst(storage.count + ":import/".count))
        let url = CloudImage.entry(model.value(.cloudDownload))?.url ?? model.value(.cloudURL)
        var argv = [pvesh, "create", "/nodes/\(model.targetNode)/storage/\(storage)/download-url",
                    "--content", "import", "--filename", fileName, "--url", url]
        if let checksum = DownloadChecksum(model.value(.cloudChecksum)) {
            argv += ["--checksum", checksum.hex, "--checksum-algorithm", checksum.algorithm]
        }
        return argv
    }

    /// The disks that grow after their import, with the size (`32G`).
    public static func resizes(_ model: VMModel) -> [(drive: String, size: String)] {
        PVEParameters.orderedDisks(model).compactMap { slot, disk in model.growSize(disk: disk).map { (slot.configKey, $0) } }
    }

    /// The commands to run, in order: download the image; create; grow imported disks; make it a template; start.
    public static func steps(_ model: VMModel, qm: String = "qm", pvesh: String = "pvesh",
                             sshKeysFile: String = "/dev/stdin") -> [ApplyStep] {
        let other = model.createsOnOtherNode
        let vmid = model.value(.vmid)
        let api = "/nodes/\(model.targetNode)/qemu/\(vmid)"
        var steps: [ApplyStep] = []
        if let download = download(model, pvesh: pvesh) { steps.append(ApplyStep(.download, download)) }
        steps.append(ApplyStep(.create, other ? createViaAPI(model, pvesh: pvesh) : create(model, qm: qm, sshKeysFile: sshKeysFile)))
        for (drive, size) in resizes(model) {
            steps.append(ApplyStep(.resize, other ? [pvesh, "set", "\(api)/resize", "--disk", drive, "--size", size]
                                               : [qm, "disk", "resize", vmid, drive, size]))
        }
        if model.flag(.template) {
            steps.append(ApplyStep(.template, other ? [pvesh, "create", "\(api)/template"] : [qm, "template", vmid]))
        } else if model.flag(.start) {
            steps.append(ApplyStep(.start, other ? startViaAPI(model, pvesh: pvesh) : start(model, qm: qm)))
        }
        return steps
    }

    public static func plan(_ model: VMModel, qm: String = "qm", pvesh: String = "pvesh") -> [[String]] {
        steps(model, qm: qm, pvesh: pvesh).map(\.argv)
    }

    /// The SSH keys the printed `qm create` reads from its standard input (`--sshkeys /dev/stdin`), each quoted
    /// for the shell; nil when none are piped (no keys, or a create on another node, which takes them URL-encoded).
    public static func pipedKeys(_ model: VMModel) -> [String]? {
        guard !model.createsOnOtherNode, let keys = PVEParameters.sshKeysText(model) else { return nil }
        return keys.split(separator: "\n").map { ShellQuote.quote(String($0)) }
    }

    /// The plan as a copy-pasteable shell script fragment. `qm` reads the SSH keys from its standard input.
    public static func script(_ model: VMModel) -> String {
        let all = steps(model)
        var lines = all.map { ShellQuote.line($0.argv) }
        if let words = pipedKeys(model), let create = all.firstIndex(where: { $0.kind == .create }) {
            lines[create] = "printf '%s\\n' " + words.joined(separator: " ") + " | \\\n  " + lines[create]
        }
        return lines.joined(separator: " && \\\n  ") + "\n"
    }
}
