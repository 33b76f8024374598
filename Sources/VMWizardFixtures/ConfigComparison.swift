/// Comparing printed configs of the corpus: the MAC addresses Proxmox (and vmwizard) generate differ on every
/// rendering, so they are left out.
public enum ConfigComparison {
    /// `net0: virtio=BC:24:11:…,bridge=vmbr0` without the `=MAC`.
    public static func withoutMACs(_ config: String) -> String {
        config.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            guard line.hasPrefix("net"), let colon = line.firstIndex(of: ":") else { return String(line) }
            let value = line[line.index(colon, offsetBy: 2)...]
            let head = value.prefix { $0 != "," }
            guard let eq = head.firstIndex(of: "=") else { return String(line) }
            return String(line[..<line.index(colon, offsetBy: 2)]) + head[..<eq] + value[head.endIndex...]
        }.joined(separator: "\n")
    }
}
