/// The schema's regular expressions (Perl syntax, Proxmox matches the whole value), compiled once each.
enum SchemaPattern {
    private static let lock = Lock()
    nonisolated(unsafe) private static var compiled: [String: Regex<AnyRegexOutput>] = [:]

    /// True when the whole of `value` matches `pattern`. A pattern Swift cannot compile matches nothing, so the
    /// value is refused rather than let through unchecked (a unit test compiles every pattern of the schema).
    static func wholeMatch(_ pattern: String, _ value: String) -> Bool {
        guard let regex = regex(pattern) else { return false }
        return (try? regex.wholeMatch(in: value)) != nil
    }

    static func regex(_ pattern: String) -> Regex<AnyRegexOutput>? {
        if let cached = lock.withLock({ compiled[pattern] }) { return cached }
        // Proxmox anchors patterns itself; some carry their own ^…$ as well.
        var body = pattern
        if body.hasPrefix("^") { body.removeFirst() }
        if body.hasSuffix("$") && !body.hasSuffix("\\$") { body.removeLast() }
        guard let regex = try? Regex(body) else { return nil }
        lock.withLock { compiled[pattern] = regex }
        return regex
    }
}
