import CPasswordHash
import VMWizardPlatform

/// The cloud-init password as Proxmox stores it when it is set through its API: a SHA-256-crypt hash
/// (`$5$SALT$…`, PVE::Tools::encrypt_pw). vmwizard hashes it as soon as it is typed, so the clear text never
/// reaches a draft, a log, the screen or the `qm` line (`qm create` would store a clear text as it is).
public enum PasswordHash {
    /// Proxmox leaves a value alone that already looks like a crypt hash (its own test).
    public static func isHash(_ value: String) -> Bool {
        guard value.hasPrefix("$") else { return false }
        let parts = value.split(separator: "$", omittingEmptySubsequences: false)
        guard parts.count >= 4, ["1", "5", "6", "2a", "2y"].contains(parts[1]) else { return false }
        return !parts[2].isEmpty && !parts[3...].joined(separator: "$").isEmpty
    }

    static let saltAlphabet = Array("./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")

    /// SHA-256-crypt of `password` with a fresh 16-character salt; nil if the system's crypt refuses.
    public static func hash(_ password: String) -> String? {
        var generator = SystemRandomNumberGenerator()
        let salt = String((0..<16).map { _ in saltAlphabet[Int(generator.next(upperBound: UInt64(saltAlphabet.count)))] })
        return hash(password, setting: "$5$\(salt)$")
    }

    /// crypt(3) of `password` for a given setting (method and salt), for tests against known answers.
    public static func hash(_ password: String, setting: String) -> String? {
        var out = [CChar](repeating: 0, count: 256)
        let ok = password.withCString { pw in setting.withCString { vmwizard_crypt(pw, $0, &out, out.count) } }
        guard ok == 1 else { return nil }
        return String(decoding: out.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
