/// IP addresses as Proxmox's formats read them (pve-common's IPV4RE/IPV6RE: dotted quads without leading
/// zeros; the RFC 3986 forms of IPv6, an embedded IPv4 tail included), and CIDR with the prefix lengths
/// Proxmox allows (8–32 for IPv4, 8–128 for IPv6).
public enum IPAddress {
    public static func ipv4(_ text: Substring) -> UInt32? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var value: UInt32 = 0
        for part in parts {
            guard (1...3).contains(part.count), part.allSatisfy(\.isASCIIDigit), part.count == 1 || part.first != "0",
                  let octet = UInt32(part), octet <= 255 else { return nil }
            value = value << 8 | octet
        }
        return value
    }

    public static func ipv6(_ text: Substring) -> [UInt16]? {
        var halves = [String(text)]
        if let gap = text.firstRange(of: "::") {
            halves = [String(text[..<gap.lowerBound]), String(text[gap.upperBound...])]
            if halves[1].contains("::") { return nil }
        }
        guard !text.isEmpty else { return nil }
        func groups(_ part: String, allowIPv4Tail: Bool) -> [UInt16]? {
            if part.isEmpty { return [] }
            var result: [UInt16] = []
            let pieces = part.split(separator: ":", omittingEmptySubsequences: false)
            for (index, piece) in pieces.enumerated() {
                if allowIPv4Tail, index == pieces.count - 1, piece.contains(".") {
                    guard let v4 = ipv4(piece) else { return nil }
                    result += [UInt16(v4 >> 16), UInt16(v4 & 0xFFFF)]
                } else {
                    guard (1...4).contains(piece.count), piece.allSatisfy(\.isHexDigit), let group = UInt16(piece, radix: 16) else { return nil }
                    result.append(group)
                }
            }
            return result
        }
        if halves.count == 1 {
            guard let all = groups(halves[0], allowIPv4Tail: true), all.count == 8 else { return nil }
            return all
        }
        guard let head = groups(halves[0], allowIPv4Tail: false), let tail = groups(halves[1], allowIPv4Tail: true),
              head.count + tail.count <= 7 else { return nil }
        return head + [UInt16](repeating: 0, count: 8 - head.count - tail.count) + tail
    }

    public static func isIP(_ text: Substring) -> Bool { ipv4(text) != nil || ipv6(text) != nil }

    /// `ADDRESS/PREFIX`, prefix as Proxmox bounds it.
    public static func cidr4(_ text: String) -> (address: UInt32, prefix: Int)? {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let address = ipv4(parts[0]), let prefix = prefixLength(parts[1]), (8...32).contains(prefix) else { return nil }
        return (address, prefix)
    }

    public static func cidr6(_ text: String) -> (address: [UInt16], prefix: Int)? {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let address = ipv6(parts[0]), let prefix = prefixLength(parts[1]), (8...128).contains(prefix) else { return nil }
        return (address, prefix)
    }

    private static func prefixLength(_ text: Substring) -> Int? {
        guard !text.isEmpty, text.count <= 4, text.allSatisfy(\.isASCIIDigit) else { return nil }
        return Int(text)
    }

    /// The IPv4 network mask of a prefix length.
    public static func mask(_ prefix: Int) -> UInt32 { prefix == 0 ? 0 : UInt32.max << UInt32(32 - prefix) }

    public static func text(_ v4: UInt32) -> String {
        [24, 16, 8, 0].map { String((v4 >> UInt32($0)) & 0xFF) }.joined(separator: ".")
    }

    /// Whether two IPv6 addresses share the first `prefix` bits.
    public static func sameNetwork(_ a: [UInt16], _ b: [UInt16], prefix: Int) -> Bool {
        var bits = prefix
        for index in 0..<8 where bits > 0 {
            let take = min(16, bits)
            let mask = UInt16.max << UInt16(16 - take)
            if a[index] & mask != b[index] & mask { return false }
            bits -= take
        }
        return true
    }
}
