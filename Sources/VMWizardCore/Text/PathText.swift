import VMWizardPlatform

/// NSString's path operations, which FoundationEssentials does not have, with the same results.
public enum PathText {
    /// Repeated slashes made one and a trailing slash dropped ("/" stays "/", but "//" becomes "", as in NSString).
    static func fixingSlashes(_ path: String) -> String {
        if path == "/" { return path }
        var result = ""
        var previousSlash = false
        for character in path {
            if character == "/" && previousSlash { continue }
            previousSlash = character == "/"
            result.append(character)
        }
        if result.hasSuffix("/") { result.removeLast() }
        return result
    }

    /// `lastPathComponent`: "/a/b/" → "b", "/" → "/", "" → "".
    public static func lastComponent(_ path: String) -> String {
        let fixed = fixingSlashes(path)
        if fixed.count <= 1 { return fixed }
        guard let slash = fixed.lastIndex(of: "/") else { return fixed }
        return String(fixed[fixed.index(after: slash)...])
    }

    /// `deletingLastPathComponent`: "/a/b" → "/a", "/a" → "/", "a" → "", "/" → "/".
    public static func deletingLastComponent(_ path: String) -> String {
        let fixed = fixingSlashes(path)
        if fixed == "/" || fixed.isEmpty { return fixed }
        guard let slash = fixed.lastIndex(of: "/") else { return "" }
        if slash == fixed.startIndex { return "/" }
        return String(fixed[..<slash])
    }

    /// `appendingPathComponent`.
    static func appending(_ path: String, _ component: String) -> String {
        if component.isEmpty { return path }
        if path.isEmpty { return component }
        return path.hasSuffix("/") ? path + component : path + "/" + component
    }

    /// `standardizingPath` as swift-corelibs-foundation does it: a leading "~" expanded, "." and empty
    /// components dropped, ".." taken lexically in absolute paths, and symbolic links met on the way replaced
    /// by their target (see `resolvingLink`), so a link into /etc/pve is seen for what it is.
    public static func standardized(_ path: String) -> String {
        let expanded = expandingTilde(path)
        let absolute = expanded.hasPrefix("/")
        var components = expanded.split(separator: "/").map(String.init)
        guard absolute || !components.isEmpty else { return expanded }
        var resolved = absolute ? "/" : components.removeFirst()
        for component in components {
            switch component {
            case ".": continue
            case "..":
                resolved = absolute ? deletingLastComponent(resolved) : appending(resolved, component)
            default:
                resolved = appending(resolved, component)
                if let target = resolvingLink(resolved) { resolved = target }
            }
        }
        // Foundation also drops these macOS prefixes when the path without them exists.
        for prefix in ["/private", "/var/automount"] where resolved != prefix && resolved.hasPrefix(prefix) {
            let stripped = String(resolved.dropFirst(prefix.count))
            if FileManager.default.fileExists(atPath: stripped) { resolved = stripped }
        }
        return resolved
    }

    /// Where a symbolic link leads, as swift-corelibs-foundation finds it: the link's text through realpath(3).
    /// realpath takes a relative text from the current directory, so in effect only absolute links are followed.
    static func resolvingLink(_ path: String) -> String? {
        guard let target = readLink(path), let real = realpath(target, nil) else { return nil }
        defer { free(real) }
        return String(cString: real)
    }

    static func readLink(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: 4097)
        let count = readlink(path, &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// "~" and "~/…" become the home directory, "~user/…" that user's.
    static func expandingTilde(_ path: String) -> String {
        guard path.hasPrefix("~") else { return path }
        let end = path.firstIndex(of: "/") ?? path.endIndex
        let user = String(path[path.index(after: path.startIndex)..<end])
        let home: String?
        if user.isEmpty {
            home = FileManager.default.homeDirectoryForCurrentUser.path
        } else {
            home = getpwnam(user).flatMap { $0.pointee.pw_dir.map { String(cString: $0) } }
        }
        guard let home else { return fixingSlashes(path) }
        return fixingSlashes(home + path[end...])
    }
}
