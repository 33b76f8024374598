import VMWizardPlatform

public struct FileWriteError: Error, Equatable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// Writing files so that a reader (or a crash) only ever sees the old file, the complete new file, or none.
public enum AtomicFile {
    static func errnoText() -> String { String(cString: strerror(errno)) }

    /// Writes `contents` to a temporary file beside `path`, flushes it to disk, and returns the temp path.
    static func writeTemporary(_ contents: String, near path: String) throws -> String {
        let directory = PathText.deletingLastComponent(path)
        // A short name of fixed length: a valid target name may already use all 255 bytes a name can have.
        let random = String(UInt32.random(in: 0...UInt32.max), radix: 16)
        let temp = (directory.isEmpty ? "." : directory) + "/.vmwizard-\(getpid())-\(random).tmp"
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw FileWriteError("cannot create \(temp): \(errnoText())") }
        defer { close(fd) }
        let bytes = Array(contents.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                let reason = errnoText()
                unlink(temp)
                throw FileWriteError("cannot write \(temp): \(reason)")
            }
            offset += written
        }
        if fsync(fd) != 0 {
            let reason = errnoText()
            unlink(temp)
            throw FileWriteError("cannot flush \(temp) to disk: \(reason)")
        }
        return temp
    }

    /// Replaces `path` atomically (drafts, preferences).
    public static func replace(_ path: String, with contents: String, mode: mode_t = 0o600) throws {
        let temp = try writeTemporary(contents, near: path)
        chmod(temp, mode)
        if rename(temp, path) != 0 {
            let reason = errnoText()
            unlink(temp)
            throw FileWriteError("cannot replace \(path): \(reason)")
        }
    }

    /// Creates `path` with `contents` only if it does not exist, all at once: the file appears complete or not
    /// at all. Uses a hard link of a finished temp file; where links are not supported, an exclusive create
    /// with a single write.
    public static func createExclusive(_ path: String, contents: String, mode: mode_t = 0o644) throws {
        if FileManager.default.fileExists(atPath: path) {
            throw FileWriteError("\(path) already exists; vmwizard never overwrites a file")
        }
        let temp = try writeTemporary(contents, near: path)
        chmod(temp, mode)
        defer { unlink(temp) }
        if link(temp, path) == 0 { return }
        let linkErrno = errno
        if linkErrno == EEXIST { throw FileWriteError("\(path) already exists; vmwizard never overwrites a file") }
        guard linkErrno == EPERM || linkErrno == ENOTSUP || linkErrno == EOPNOTSUPP || linkErrno == EXDEV else {
            throw FileWriteError("cannot create \(path): \(String(cString: strerror(linkErrno)))")
        }
        try createBySingleWrite(path, contents: contents, mode: mode)
    }

    /// For filesystems without hard links (Proxmox's /etc/pve): O_EXCL create, one write, and removal on failure.
    static func createBySingleWrite(_ path: String, contents: String, mode: mode_t) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard fd >= 0 else {
            if errno == EEXIST { throw FileWriteError("\(path) already exists; vmwizard never overwrites a file") }
            throw FileWriteError("cannot create \(path): \(errnoText())")
        }
        let bytes = Array(contents.utf8)
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        let ok = written == bytes.count && fsync(fd) == 0
        let reason = errnoText()
        close(fd)
        if !ok {
            unlink(path)
            throw FileWriteError("cannot write \(path): \(reason)")
        }
    }
}
