/// An OpenSSH public key line (`TYPE BASE64 [COMMENT]`, as in `id_ed25519.pub` or `authorized_keys`, where
/// options may come first). Checked the way `ssh-keygen -l` (Proxmox's test) would take it: a known type whose
/// base64 blob decodes and names that same type.
public struct SSHPublicKey: Sendable, Equatable {
    public var type: String
    public var blob: String
    public var comment: String

    public static let types: Set<String> = [
        "ssh-ed25519", "ssh-rsa", "ssh-dss", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521",
        "sk-ssh-ed25519@openssh.com", "sk-ecdsa-sha2-nistp256@openssh.com",
    ]

    /// The line as cloud-init gets it: options dropped, one space between the parts.
    public var line: String { comment.isEmpty ? "\(type) \(blob)" : "\(type) \(blob) \(comment)" }

    /// `SHA256:…` as `ssh-keygen -l` prints it.
    public var fingerprint: String {
        guard let bytes = Base64.decode(blob) else { return "" }
        return "SHA256:" + Base64.encode(SHA256.hash(bytes)).replacingOccurrences(of: "=", with: "")
    }

    /// The short type name people know (`ed25519`, `rsa`, `ecdsa`).
    public var shortType: String {
        switch type {
        case "ssh-ed25519": return "ed25519"
        case "ssh-rsa": return "rsa"
        case "ssh-dss": return "dsa"
        case "sk-ssh-ed25519@openssh.com": return "ed25519-sk"
        case "sk-ecdsa-sha2-nistp256@openssh.com": return "ecdsa-sk"
        default: return "ecdsa"
        }
    }

    /// Reads one line; nil with the reason when it is not a public key.
    public static func parse(_ line: Substring) -> Result<SSHPublicKey, KeyProblem> {
        let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard !words.isEmpty else { return .failure(.empty) }
        if line.contains("PRIVATE KEY") { return .failure(.privateKey) }
        // Options (from="…",command="…") come before the type in authorized_keys; the type is the first known word.
        guard let typeIndex = words.prefix(3).firstIndex(where: { types.contains(String($0)) }) else {
            return .failure(.unknownType(String(words[0].prefix(40))))
        }
        guard typeIndex + 1 < words.count else { return .failure(.noKeyData) }
        let type = String(words[typeIndex]), blob = String(words[typeIndex + 1])
        guard let bytes = Base64.decode(blob), bytes.count >= 4 else { return .failure(.badKeyData) }
        let length = Int(bytes[0]) << 24 | Int(bytes[1]) << 16 | Int(bytes[2]) << 8 | Int(bytes[3])
        guard length > 0, 4 + length <= bytes.count, String(decoding: bytes[4..<(4 + length)], as: UTF8.self) == type else {
            return .failure(.badKeyData)
        }
        let comment = words.dropFirst(typeIndex + 2).joined(separator: " ")
        return .success(SSHPublicKey(type: type, blob: blob, comment: comment))
    }

    public enum KeyProblem: Error, Equatable, Sendable {
        case empty, privateKey, noKeyData, badKeyData
        case unknownType(String)

        public var phrase: Phrase {
            switch self {
            case .empty: return "an empty line is not a key"
            case .privateKey: return "this is a PRIVATE key: never give it away; use the matching .pub file"
            case .noKeyData: return "the key data is missing after the type"
            case .badKeyData: return "the key data is not a valid base64 key of that type"
            case .unknownType(let word): return "'\(word)' is not an SSH public key type (ssh-ed25519, ssh-rsa, ecdsa-sha2-…)"
            }
        }
    }

    /// Every key in a text of one key per line (blank lines and `#` comments skipped), with the first problem.
    public static func parseList(_ text: String) -> (keys: [SSHPublicKey], problem: (line: Int, KeyProblem)?) {
        var keys: [SSHPublicKey] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.drop { $0 == " " || $0 == "\t" || $0 == "\r" }
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            switch parse(trimmed.hasSuffix("\r") ? trimmed.dropLast() : trimmed) {
            case .success(let key): if !keys.contains(where: { $0.blob == key.blob }) { keys.append(key) }
            case .failure(let problem): return (keys, (index + 1, problem))
            }
        }
        return (keys, nil)
    }
}

/// Standard base64 (RFC 4648), strict: padding where due, no other characters.
public enum Base64 {
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    public static func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        var index = 0
        while index < bytes.count {
            let chunk = Array(bytes[index..<min(index + 3, bytes.count)])
            let n = UInt32(chunk[0]) << 16 | UInt32(chunk.count > 1 ? chunk[1] : 0) << 8 | UInt32(chunk.count > 2 ? chunk[2] : 0)
            out.append(alphabet[Int(n >> 18 & 63)])
            out.append(alphabet[Int(n >> 12 & 63)])
            out.append(chunk.count > 1 ? alphabet[Int(n >> 6 & 63)] : UInt8(ascii: "="))
            out.append(chunk.count > 2 ? alphabet[Int(n & 63)] : UInt8(ascii: "="))
            index += 3
        }
        return String(decoding: out, as: UTF8.self)
    }

    public static func decode(_ text: String) -> [UInt8]? {
        let chars = Array(text.utf8)
        guard chars.count % 4 == 0 else { return nil }
        var values: [UInt8] = []
        var bytes: [UInt8] = []
        for (index, char) in chars.enumerated() {
            if char == UInt8(ascii: "=") {
                // Padding only in the last two places of the last group.
                guard index >= chars.count - 2, chars[index...].allSatisfy({ $0 == UInt8(ascii: "=") }) else { return nil }
                values.append(0)
                continue
            }
            guard let value = alphabet.firstIndex(of: char) else { return nil }
            values.append(UInt8(value))
        }
        for group in stride(from: 0, to: values.count, by: 4) {
            let n = UInt32(values[group]) << 18 | UInt32(values[group + 1]) << 12 | UInt32(values[group + 2]) << 6 | UInt32(values[group + 3])
            bytes += [UInt8(n >> 16 & 0xFF), UInt8(n >> 8 & 0xFF), UInt8(n & 0xFF)]
        }
        let padding = chars.suffix(2).filter { $0 == UInt8(ascii: "=") }.count
        return Array(bytes.dropLast(padding))
    }
}
