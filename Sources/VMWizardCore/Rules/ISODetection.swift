/// Guesses the guest OS from an ISO's file name, the way virt-install detects media, so the wizard can propose
/// an OS type. Only a proposal: fields the user set by hand are never touched.
public enum ISODetection {
    public enum Result: Equatable, Sendable {
        /// An installer for this ostype; `name` is what was recognised ("Windows 11", "Debian").
        case installer(ostype: String, name: String)
        /// The virtio-win driver ISO for Windows guests.
        case virtioDrivers
    }

    private struct Rule {
        let needles: [String]
        let result: Result
    }

    // First match wins, so more specific names come first.
    private static let rules: [Rule] = [
        Rule(needles: ["virtio-win", "virtio_win"], result: .virtioDrivers),
        Rule(needles: ["win11", "windows11", "windows_11", "windows 11", "windows-11"],
             result: .installer(ostype: "win11", name: "Windows 11")),
        Rule(needles: ["server2025", "server_2025", "server 2025", "server-2025", "_26100.", "26100."],
             result: .installer(ostype: "win11", name: "Windows Server 2025")),
        Rule(needles: ["server2022", "server_2022", "server 2022", "server-2022", "20348."],
             result: .installer(ostype: "win11", name: "Windows Server 2022")),
        Rule(needles: ["win10", "windows10", "windows_10", "windows 10", "windows-10"],
             result: .installer(ostype: "win10", name: "Windows 10")),
        Rule(needles: ["server2019", "server_2019", "server 2019", "server-2019", "17763."],
             result: .installer(ostype: "win10", name: "Windows Server 2019")),
        Rule(needles: ["server2016", "server_2016", "server 2016", "server-2016", "14393."],
             result: .installer(ostype: "win10", name: "Windows Server 2016")),
        Rule(needles: ["server2012", "server_2012", "server 2012", "win8", "windows8", "windows_8"],
             result: .installer(ostype: "win8", name: "Windows 8 / Server 2012")),
        Rule(needles: ["win7", "windows7", "windows_7", "server2008r2", "server_2008_r2"],
             result: .installer(ostype: "win7", name: "Windows 7 / Server 2008 R2")),
        Rule(needles: ["solaris", "openindiana", "omnios", "illumos", "smartos"],
             result: .installer(ostype: "solaris", name: "a Solaris kernel system")),
        Rule(needles: ["freebsd", "opnsense", "pfsense", "truenas-13", "truenas-core", "netbsd", "openbsd"],
             result: .installer(ostype: "other", name: "a BSD system")),
        Rule(needles: [
            "debian", "ubuntu", "kubuntu", "xubuntu", "fedora", "centos", "rocky", "alma", "rhel", "redhat",
            "opensuse", "sles", "archlinux", "alpine", "linuxmint", "kali", "proxmox-ve", "proxmox-backup",
            "proxmox-mail", "truenas-scale", "nixos", "gentoo", "manjaro", "pop-os", "oraclelinux", "oracle-linux",
            "talos", "flatcar", "coreos", "clonezilla", "gparted", "systemrescue", "endeavouros", "void-live",
            "linux",
        ], result: .installer(ostype: "l26", name: "Linux")),
    ]

    public static func detect(fileName: String) -> Result? {
        let name = fileName.lowercased()
        for rule in rules where rule.needles.contains(where: { name.contains($0) }) {
            if case .installer(let ostype, "Linux") = rule.result, let distro = linuxName(in: name) {
                return .installer(ostype: ostype, name: distro)
            }
            return rule.result
        }
        return nil
    }

    private static let distroNames: [(String, String)] = [
        ("debian", "Debian"), ("ubuntu", "Ubuntu"), ("fedora", "Fedora"), ("centos", "CentOS"),
        ("rocky", "Rocky Linux"), ("alma", "AlmaLinux"), ("rhel", "Red Hat Enterprise Linux"),
        ("opensuse", "openSUSE"), ("archlinux", "Arch Linux"), ("alpine", "Alpine Linux"),
        ("proxmox-ve", "Proxmox VE"), ("proxmox-backup", "Proxmox Backup Server"), ("nixos", "NixOS"),
    ]

    private static func linuxName(in lowercased: String) -> String? {
        distroNames.first { lowercased.contains($0.0) }?.1
    }

    /// The architecture an installer's name says it is built for (`arm64`, `aarch64`; `amd64`, `x86_64`, `x64`);
    /// nil when the name does not say.
    public static func architecture(fileName: String) -> GuestArch? {
        let name = fileName.lowercased()
        let words = name.split { !$0.isLetter && !$0.isNumber && $0 != "_" }.map(String.init)
        if words.contains(where: { $0 == "arm64" || $0 == "aarch64" }) { return .aarch64 }
        if words.contains(where: { ["amd64", "x86_64", "x64", "x86-64"].contains($0) || $0.hasSuffix("_x64") }) { return .x86_64 }
        return nil
    }

    /// The file name of a volume ID (`local:iso/debian.iso` -> `debian.iso`).
    public static func fileName(ofVolume volid: String) -> String {
        String(volid.split(separator: "/").last ?? Substring(volid))
    }
}
