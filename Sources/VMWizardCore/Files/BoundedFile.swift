import VMWizardPlatform

/// The one way vmwizard reads a file it did not write itself (host files, answers files, drafts): it never
/// blocks on something that is not a file and never reads without bound.
///
/// - The file is opened non-blocking and must be a regular file after following symlinks (`/etc/pve/local` is
///   one): a FIFO, a device such as `/dev/zero`, a socket or a folder is refused with what it is.
/// - At most `limit` bytes are read; a larger file is refused rather than cut (a cut file would parse as a
///   different one). `/proc` files report a size of 0, so the size comes from reading, never from `stat`.
/// - The path being read is published (`inProgress`) so a watchdog can name a read that hangs in the kernel
///   (a stuck pmxcfs or network mount), which no flag can prevent.
public enum BoundedFile {
    public enum ReadResult: Equatable, Sendable {
        case ok([UInt8])
        /// The file (or a folder on its way) does not exist.
        case missing
        /// It exists but cannot be read; the text says why ("Permission denied", "is a FIFO, not a file").
        case failed(String)
    }

    /// Enough for the largest host file of a 10,000-guest cluster many times over.
    public static let defaultLimit = 32 << 20

    private static let current = Lock()
    nonisolated(unsafe) private static var reading: [String] = []

    /// The files being read right now, oldest first.
    public static var inProgress: [String] { current.withLock { reading } }

    public static func read(_ path: String, limit: Int = defaultLimit) -> ReadResult {
        current.withLock { reading.append(path) }
        defer {
            current.withLock {
                if let index = reading.lastIndex(of: path) { reading.remove(at: index) }
            }
        }
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
        if fd < 0 {
            let code = errno
            if code == ENOENT || code == ENOTDIR { return .missing }
            return .failed(SystemError.text(code))
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failed(SystemError.text(errno)) }
        if let kind = notAFile(info.st_mode) { return .failed(kind) }
        // Sized to the file when it says its size; /proc files say 0 and grow as read.
        let expected = info.st_size > 0 ? min(Int(info.st_size), limit) + 1 : 64 * 1024
        var bytes = [UInt8](repeating: 0, count: min(expected, limit + 1))
        var count = 0
        while true {
            if count == bytes.count {
                if count > limit { return .failed(tooLarge(limit)) }
                bytes.append(contentsOf: repeatElement(0, count: min(bytes.count, limit + 1 - bytes.count)))
            }
            let n = bytes.withUnsafeMutableBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return -1 }
                return systemRead(fd, base + count, buffer.count - count)
            }
            if n < 0 {
                let code = errno
                if code == EINTR { continue }
                return .failed(SystemError.text(code))
            }
            if n == 0 { break }
            count += n
            if count > limit { return .failed(tooLarge(limit)) }
        }
        bytes.removeSubrange(count...)
        return .ok(bytes)
    }

    /// What a non-regular file is, in words; nil for a regular file.
    static func notAFile(_ mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFDIR: return "is a directory, not a file"
        case S_IFIFO: return "is a FIFO, not a file"
        case S_IFCHR: return "is a character device, not a file"
        case S_IFBLK: return "is a block device, not a file"
        case S_IFSOCK: return "is a socket, not a file"
        default: return "is not a regular file"
        }
    }

    static func tooLarge(_ limit: Int) -> String {
        limit >= 1 << 20 ? "larger than \(limit >> 20) MiB; not read" : "larger than \(limit) bytes; not read"
    }
}
