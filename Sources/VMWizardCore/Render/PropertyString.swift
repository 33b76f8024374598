/// Proxmox property strings: `default,key=value,key=value`.
public struct PropertyString: Equatable, Sendable {
    /// The leading part without "=", when present (the format's default key, e.g. a drive's volume).
    public var head: String?
    public var pairs: [(key: String, value: String)]

    public init(head: String?, pairs: [(key: String, value: String)]) {
        self.head = head
        self.pairs = pairs
    }

    public static func == (lhs: PropertyString, rhs: PropertyString) -> Bool {
        lhs.head == rhs.head && lhs.pairs.map(\.key) == rhs.pairs.map(\.key) && lhs.pairs.map(\.value) == rhs.pairs.map(\.value)
    }

    /// Parses `text`; the first part is the head when it has no "=" (a NIC's `virtio=MAC` comes back as a pair).
    public static func parse(_ text: String) -> PropertyString {
        var head: String?
        var pairs: [(String, String)] = []
        for (index, part) in text.split(separator: ",", omittingEmptySubsequences: false).enumerated() {
            if let eq = part.firstIndex(of: "=") {
                pairs.append((String(part[..<eq]), String(part[part.index(after: eq)...])))
            } else if index == 0 {
                head = String(part)
            } else {
                pairs.append((String(part), ""))
            }
        }
        return PropertyString(head: head, pairs: pairs)
    }

    public func value(_ key: String) -> String? { pairs.first { $0.key == key }?.value }

    public var text: String {
        ([head].compactMap { $0 } + pairs.map { "\($0.key)=\($0.value)" }).joined(separator: ",")
    }
}
