import VMWizardPlatform

/// What the cloud-init settings offer from the node: root's SSH public keys and the DNS settings Proxmox
/// gives a guest when none are set (the node's resolv.conf).
enum InventoryCloudInitFiles {
    static let resolvPath = "etc/resolv.conf"
    static let sshFolder = "root/.ssh"
    static let keyFiles = ["root/.ssh/authorized_keys", "etc/pve/priv/authorized_keys"]
    /// A key file larger than this is not a key file.
    static let keyFileLimit = 256 * 1024

    /// Public keys from `root/.ssh/*.pub`, root's `authorized_keys` and the cluster's, each once (by key data),
    /// with the file it came from. Lines that are not public keys are skipped: private keys are never offered.
    static func sshKeys(root: String) -> [HostSSHKey] {
        var files: [String] = []
        if case .ok(let entries) = InventoryFiles.scanPublicKeyFiles(InventoryFiles.join(root, sshFolder)) {
            files += entries.map { "\(sshFolder)/\($0.fileName)" }
        }
        files += keyFiles
        var keys: [HostSSHKey] = []
        for relative in files {
            guard case .ok(let bytes) = BoundedFile.read(InventoryFiles.join(root, relative), limit: keyFileLimit) else { continue }
            for line in String(decoding: bytes, as: UTF8.self).split(whereSeparator: \.isNewline) {
                guard case .success(let key) = SSHPublicKey.parse(line), !keys.contains(where: { $0.key.blob == key.blob }) else { continue }
                keys.append(HostSSHKey(key: key, source: "/" + relative))
            }
        }
        return keys
    }

    /// `nameserver` (up to three, as Proxmox reads them) and `search` (or `domain`) of resolv.conf.
    static func parseResolvConf(_ bytes: [UInt8]) -> (servers: [String], search: String) {
        var servers: [String] = []
        var search = ""
        for line in InventoryText.lines(bytes) {
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard let keyword = words.first, words.count >= 2 else { continue }
            switch keyword {
            case "nameserver" where servers.count < 3 && IPAddress.isIP(words[1]): servers.append(String(words[1]))
            case "search", "domain": search = words.dropFirst().joined(separator: " ")
            default: break
            }
        }
        return (servers, search)
    }
}

/// One of the node's SSH public keys, offered for cloud-init.
public struct HostSSHKey: Sendable, Equatable {
    public var key: SSHPublicKey
    /// The file it was read from (`/root/.ssh/id_ed25519.pub`).
    public var source: String

    public init(key: SSHPublicKey, source: String) {
        self.key = key
        self.source = source
    }
}
