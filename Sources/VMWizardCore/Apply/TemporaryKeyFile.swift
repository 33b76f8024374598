import VMWizardPlatform

/// The file `qm create --sshkeys` reads: a new file (mkstemp: mode 0600, never over another file) in the
/// temporary folder, removed after the create.
enum TemporaryKeyFile {
    static func write(_ text: String) -> String? {
        let folder = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array(((folder.hasSuffix("/") ? folder : folder + "/") + "vmwizard-sshkeys-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { buffer in buffer.baseAddress.map { mkstemp($0) } ?? -1 }
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        let path = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { systemWrite(fd, $0.baseAddress, $0.count) }
        guard written == bytes.count else {
            unlink(path)
            return nil
        }
        return path
    }

    static func remove(_ path: String) { unlink(path) }
}
