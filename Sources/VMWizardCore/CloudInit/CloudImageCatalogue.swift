/// Current cloud images of the common distributions, at the stable URLs their projects publish for the latest
/// build. Proxmox downloads them itself (`download-url`, content `import`); the file name says the image's real
/// format, because Proxmox takes the format from the extension (Ubuntu's `.img` files are qcow2, so they are
/// saved as `.qcow2`, not as the web UI's `.img.raw`).
public struct CloudImage: Sendable, Equatable {
    public var id: String
    public var label: String
    public var url: String
    /// The name it gets in the storage's import folder.
    public var fileName: String
    /// Where the project publishes the checksums of its current build (they change with every rebuild, so
    /// vmwizard shows the source instead of a fixed sum).
    public var checksums: String
    /// The image's virtual size as published, to propose growing it.
    public var virtualGiB: Double
    public var ostype: String

    public static let catalogue: [CloudImage] = [
        CloudImage(id: "debian-13", label: "Debian 13 (trixie)",
                   url: "https://cloud.debian.org/images/cloud/trixie/latest/debian-13-genericcloud-amd64.qcow2",
                   fileName: "debian-13-genericcloud-amd64.qcow2",
                   checksums: "https://cloud.debian.org/images/cloud/trixie/latest/SHA512SUMS", virtualGiB: 3, ostype: "l26"),
        CloudImage(id: "debian-12", label: "Debian 12 (bookworm)",
                   url: "https://cloud.debian.org/images/cloud/bookworm/latest/debian-12-genericcloud-amd64.qcow2",
                   fileName: "debian-12-genericcloud-amd64.qcow2",
                   checksums: "https://cloud.debian.org/images/cloud/bookworm/latest/SHA512SUMS", virtualGiB: 3, ostype: "l26"),
        CloudImage(id: "ubuntu-24.04", label: "Ubuntu 24.04 LTS (noble)",
                   url: "https://cloud-images.ubuntu.com/noble/current/noble-server-cloudimg-amd64.img",
                   fileName: "noble-server-cloudimg-amd64.qcow2",
                   checksums: "https://cloud-images.ubuntu.com/noble/current/SHA256SUMS", virtualGiB: 3.5, ostype: "l26"),
        CloudImage(id: "ubuntu-22.04", label: "Ubuntu 22.04 LTS (jammy)",
                   url: "https://cloud-images.ubuntu.com/jammy/current/jammy-server-cloudimg-amd64.img",
                   fileName: "jammy-server-cloudimg-amd64.qcow2",
                   checksums: "https://cloud-images.ubuntu.com/jammy/current/SHA256SUMS", virtualGiB: 2.2, ostype: "l26"),
        CloudImage(id: "almalinux-10", label: "AlmaLinux 10",
                   url: "https://repo.almalinux.org/almalinux/10/cloud/x86_64/images/AlmaLinux-10-GenericCloud-latest.x86_64.qcow2",
                   fileName: "AlmaLinux-10-GenericCloud-latest.x86_64.qcow2",
                   checksums: "https://repo.almalinux.org/almalinux/10/cloud/x86_64/images/CHECKSUM", virtualGiB: 10, ostype: "l26"),
        CloudImage(id: "almalinux-9", label: "AlmaLinux 9",
                   url: "https://repo.almalinux.org/almalinux/9/cloud/x86_64/images/AlmaLinux-9-GenericCloud-latest.x86_64.qcow2",
                   fileName: "AlmaLinux-9-GenericCloud-latest.x86_64.qcow2",
                   checksums: "https://repo.almalinux.org/almalinux/9/cloud/x86_64/images/CHECKSUM", virtualGiB: 10, ostype: "l26"),
        CloudImage(id: "rocky-10", label: "Rocky Linux 10",
                   url: "https://dl.rockylinux.org/pub/rocky/10/images/x86_64/Rocky-10-GenericCloud-Base.latest.x86_64.qcow2",
                   fileName: "Rocky-10-GenericCloud-Base.latest.x86_64.qcow2",
                   checksums: "https://dl.rockylinux.org/pub/rocky/10/images/x86_64/Rocky-10-GenericCloud-Base.latest.x86_64.qcow2.CHECKSUM",
                   virtualGiB: 10, ostype: "l26"),
        CloudImage(id: "rocky-9", label: "Rocky Linux 9",
                   url: "https://dl.rockylinux.org/pub/rocky/9/images/x86_64/Rocky-9-GenericCloud-Base.latest.x86_64.qcow2",
                   fileName: "Rocky-9-GenericCloud-Base.latest.x86_64.qcow2",
                   checksums: "https://dl.rockylinux.org/pub/rocky/9/images/x86_64/Rocky-9-GenericCloud-Base.latest.x86_64.qcow2.CHECKSUM",
                   virtualGiB: 10, ostype: "l26"),
        CloudImage(id: "fedora-42", label: "Fedora Cloud 42",
                   url: "https://download.fedoraproject.org/pub/fedora/linux/releases/42/Cloud/x86_64/images/Fedora-Cloud-Base-Generic-42-1.1.x86_64.qcow2",
                   fileName: "Fedora-Cloud-Base-Generic-42-1.1.x86_64.qcow2",
                   checksums: "https://download.fedoraproject.org/pub/fedora/linux/releases/42/Cloud/x86_64/images/Fedora-Cloud-42-1.1-x86_64-CHECKSUM",
                   virtualGiB: 5, ostype: "l26"),
    ]

    public static func entry(_ id: String) -> CloudImage? { catalogue.first { $0.id == id } }

    /// The name Proxmox gives a downloaded file (normalize_content_filename: the last path part, every
    /// character but letters, digits, `_ . -` made `_`), with the extension of the format it really has.
    public static func fileName(forURL url: String, format: String) -> String {
        let path = url.split(separator: "?", maxSplits: 1).first.map(String.init) ?? url
        var name = String(path.split(separator: "/").last ?? "image")
        name = String(name.map { $0.isASCII && ($0.isLetter || $0.isNumber || "_.-".contains($0)) ? $0 : "_" })
        for ext in [".qcow2", ".raw", ".vmdk", ".img"] where name.lowercased().hasSuffix(ext) {
            name = String(name.dropLast(ext.count))
            break
        }
        return (name.isEmpty ? "image" : name) + "." + format
    }
}

/// A checksum for Proxmox's download (`--checksum HEX --checksum-algorithm ALGO`), written `ALGO:HEX`.
public struct DownloadChecksum: Sendable, Equatable {
    public var algorithm: String
    public var hex: String

    static let lengths: [String: Int] = ["md5": 32, "sha1": 40, "sha224": 56, "sha256": 64, "sha384": 96, "sha512": 128]

    public init?(_ text: String) {
        let parts = text.split(separator: ":", maxSplits: 1)
        guard parts.count == 2, let length = Self.lengths[parts[0].lowercased()], parts[1].count == length,
              parts[1].allSatisfy(\.isHexDigit) else { return nil }
        algorithm = parts[0].lowercased()
        hex = parts[1].lowercased()
    }
}
