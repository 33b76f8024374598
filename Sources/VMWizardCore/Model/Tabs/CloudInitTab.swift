/// Cloud-init: the settings Proxmox writes into a small drive the guest reads on its first boot (user, SSH
/// keys, addresses, DNS). Proxmox's web UI adds them after creating the VM; vmwizard sets them up front.
extension OptionCatalog {
    static let cloudInit: [FieldSpec] = [
        FieldSpec(
            .ciAdd, tab: .cloudInit, label: "Cloud-Init drive", kind: .flag, pveKey: .key("<bus><n>"),
            defaultValue: { ctx in ctx.model.usesCloudImage ? "1" : "0" },
            validate: { value, ctx in
                value == "1" && ctx.model.cloudInitSlot == nil ? Issue("Cloud-Init drive: no free IDE, SCSI or SATA slot is left for it") : nil
            },
            inference: { ctx in ctx.model.usesCloudImage ? "a cloud image reads its settings from it" : nil }),
        FieldSpec(
            .ciStorage, tab: .cloudInit, label: "Storage", kind: .picker, pveKey: .subKey("<bus><n>", "file"),
            defaultValue: proposedSmallDiskStorage,
            visible: { $0.model.flag(.ciAdd) },
            choices: { ctx in imageStorageChoices(ctx).filter { ctx.host.storage($0.value)?.selectsExistingVolumes != true } },
            validate: { value, ctx in
                if let issue = Checks.storage("Storage", content: "images")(value, ctx) { return issue }
                return ctx.host.storage(value)?.selectsExistingVolumes == true
                    ? Issue("Storage '\(value)' only hands out existing volumes: the cloud-init drive is created, so pick another") : nil
            },
            inference: { ctx in ctx.model.firstDiskStorage.map { _ in "same storage as the first disk" } }),
        // The web UI places the drive like a CD (see cloudInitSlot); any free IDE, SCSI or SATA slot may be chosen.
        FieldSpec(
            .ciSlot, tab: .cloudInit, label: "Drive", kind: .choice, pveKey: .key("<bus><n>"), advanced: true,
            visible: { $0.model.flag(.ciAdd) },
            choices: { ctx in
                let automatic: Phrase = ctx.model.automaticCloudInitSlot.map { "Default (\($0.configKey))" } ?? "Default"
                let used = ctx.model.slotsTakenByOtherDrives
                let free = [DiskBus.ide, .scsi, .sata].filter { ctx.model.guestArch.buses.contains($0) }.flatMap { bus in
                    (0..<bus.slots).map { DiskSlot(bus, $0) }.filter { !used.contains($0) }
                }
                return [Choice("", automatic)] + free.map { Choice($0.configKey, .verbatim($0.configKey)) }
            },
            validate: { value, ctx in
                guard !value.isEmpty else { return nil }
                guard let slot = DiskSlot(configKey: value), [DiskBus.ide, .scsi, .sata].contains(slot.bus) else {
                    return Issue("Drive '\(Checks.shown(value))': the cloud-init drive goes on an IDE, SCSI or SATA slot")
                }
                return ctx.model.slotsTakenByOtherDrives.contains(slot) ? Issue("Drive \(value) is already in use by another drive") : nil
            }),
        FieldSpec(
            .ciUser, tab: .cloudInit, label: "User", kind: .text, pveKey: .key("ciuser"),
            placeholder: { _ in "the image's default user" },
            visible: { $0.model.flag(.ciAdd) },
            validate: { value, _ in
                if value.isEmpty { return nil }
                if value.contains(where: { $0.isWhitespace || $0 == ":" || $0 == "," }) || value.unicodeScalars.contains(where: { $0.value < 0x20 }) {
                    return .stricter("User '\(Checks.shown(value))' cannot contain spaces, ':' or ','",
                                     "cloud-init cannot create that user when the VM first boots")
                }
                let portable = value.first.map { $0.isASCII && ($0.isLowercase || $0 == "_") } == true
                    && value.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_" || $0 == "-") }
                return portable ? nil : .warning("User '\(Checks.shown(value))': most images only accept lower-case names (a-z, 0-9, _ and -)")
            }),
        FieldSpec(
            .ciPassword, tab: .cloudInit, label: "Password", kind: .secret, pveKey: .key("cipassword"),
            placeholder: { _ in "none (SSH keys only)" },
            visible: { $0.model.flag(.ciAdd) },
            validate: { value, _ in
                if value.isEmpty || PasswordHash.isHash(value) { return nil }
                return Issue("Password: only its hash is kept; set it again")
            }),
        FieldSpec(
            .ciSSHKeys, tab: .cloudInit, label: "SSH public keys", kind: .keyList, pveKey: .key("sshkeys"),
            placeholder: { ctx in ctx.host.sshKeys.isEmpty ? "none: paste a key" : "none: Enter to pick" },
            visible: { $0.model.flag(.ciAdd) },
            // The node's keys, then keys given otherwise (pasted, from a file), so each can be taken out again.
            choices: { ctx in
                let given = SSHPublicKey.parseList(ctx.value(.ciSSHKeys)).keys
                let node = ctx.host.sshKeys.map { ($0.key, $0.source) }
                let others = given.filter { key in !node.contains { $0.0.blob == key.blob } }.map { ($0, "") }
                return (node + others).map { key, source in
                    Choice(key.line, .verbatim("\(key.shortType) \(key.comment.isEmpty ? "(no comment)" : key.comment)"),
                           detail: .verbatim(source.isEmpty ? key.fingerprint : "\(key.fingerprint) · \(source)"))
                }
            },
            validate: { value, ctx in
                let (keys, problem) = SSHPublicKey.parseList(value)
                if let (line, reason) = problem { return Issue("SSH key \(line): \(reason.phrase)") }
                if keys.isEmpty && ctx.value(.ciPassword).isEmpty {
                    return .warning("Neither an SSH key nor a password: most cloud images then allow no login at all")
                }
                return nil
            }),
        FieldSpec(
            .ciUpgrade, tab: .cloudInit, label: "Upgrade packages", kind: .flag, pveKey: .key("ciupgrade"),
            defaultValue: { _ in "1" },
            visible: { $0.model.flag(.ciAdd) }),
        FieldSpec(
            .nameserver, tab: .cloudInit, label: "DNS servers", kind: .text, pveKey: .key("nameserver"),
            placeholder: { ctx in
                ctx.host.dnsServers.isEmpty ? "the node's" : .verbatim("the node's: " + ctx.host.dnsServers.joined(separator: " "))
            },
            visible: { $0.model.flag(.ciAdd) },
            validate: { value, _ in
                for item in PVEFormat.splitList(value) {
                    if IPAddress.isIP(Substring(item)) { continue }
                    if PVEFormat.dnsName(item) == nil {
                        return .warning("DNS server '\(Checks.shown(item))' is a name: the guest needs the address of a DNS server")
                    }
                    return Issue("DNS server '\(Checks.shown(item))' is not an IP address")
                }
                return nil
            }),
        FieldSpec(
            .searchdomain, tab: .cloudInit, label: "DNS domain", kind: .text, pveKey: .key("searchdomain"),
            placeholder: { ctx in ctx.host.dnsSearch.isEmpty ? "the node's" : .verbatim("the node's: " + ctx.host.dnsSearch) },
            visible: { $0.model.flag(.ciAdd) },
            validate: { value, _ in
                for item in PVEFormat.splitList(value) where PVEFormat.dnsName(item) != nil {
                    return .warning("DNS domain '\(Checks.shown(item))' does not look like a domain name")
                }
                return nil
            }),
        FieldSpec(
            .citype, tab: .cloudInit, label: "Format", kind: .choice, pveKey: .key("citype"), advanced: true,
            visible: { $0.model.flag(.ciAdd) },
            choices: { _ in
                [Choice("", "Default (NoCloud; ConfigDrive for Windows)"), Choice("nocloud", "NoCloud"),
                 Choice("configdrive2", "ConfigDrive v2"), Choice("opennebula", "OpenNebula")]
            }),
    ]

    /// One NIC's addresses for cloud-init (`ipconfigN`), on the Network tab beside the NIC.
    static let cloudInitAddresses: [FieldSpec] = [
        FieldSpec(
            .netIP, tab: .network, scope: .nic, label: "IPv4 (cloud-init)", kind: .text, pveKey: .subKey("ipconfig[n]", "ip"),
            placeholder: { ctx in ctx.value(.netIP6).isEmpty ? "DHCP (Proxmox's default)" : "none" },
            visible: { $0.model.flag(.ciAdd) },
            validate: { value, ctx in CloudInitAddress.ipv4Issue(value, gateway: ctx.value(.netGW)) }),
        FieldSpec(
            .netGW, tab: .network, scope: .nic, label: "Gateway (IPv4)", kind: .text, pveKey: .subKey("ipconfig[n]", "gw"),
            placeholder: { _ in "none" },
            visible: { $0.model.flag(.ciAdd) },
            enabled: { IPAddress.cidr4($0.value(.netIP)) != nil },
            validate: { value, ctx in CloudInitAddress.gateway4Issue(value, address: ctx.value(.netIP)) }),
        FieldSpec(
            .netIP6, tab: .network, scope: .nic, label: "IPv6 (cloud-init)", kind: .text, pveKey: .subKey("ipconfig[n]", "ip6"),
            placeholder: { ctx in ctx.value(.netIP).isEmpty ? "DHCP (Proxmox's default)" : "none" },
            visible: { $0.model.flag(.ciAdd) },
            validate: { value, _ in CloudInitAddress.ipv6Issue(value) }),
        FieldSpec(
            .netGW6, tab: .network, scope: .nic, label: "Gateway (IPv6)", kind: .text, pveKey: .subKey("ipconfig[n]", "gw6"),
            placeholder: { _ in "none" },
            visible: { $0.model.flag(.ciAdd) },
            enabled: { IPAddress.cidr6($0.value(.netIP6)) != nil },
            validate: { value, ctx in CloudInitAddress.gateway6Issue(value, address: ctx.value(.netIP6)) }),
    ]

    /// The install media "Cloud image": a disk image imported as the first disk, already on a storage or
    /// downloaded by Proxmox first.
    static let cloudImageField = FieldSpec(
        .cloudImage, tab: .os, label: "Cloud image", kind: .picker, pveKey: .subKey("<bus><n>", "import-from"),
        defaultValue: { ctx in ctx.model.downloadTarget ?? "" },
        placeholder: { _ in "pick an image (Enter)" },
        visible: { $0.model.usesCloudImage && $0.value(.cloudDownload).isEmpty },
        choices: importImageChoices,
        validate: { value, ctx in
            if value.isEmpty { return Issue("Cloud image is required: pick an image from a storage with import content") }
            if ctx.model.draft.disks.isEmpty { return Issue("Cloud image: the VM has no disk to import it into; add one on the Disks tab") }
            return importSourceIssue("Cloud image", value, ctx)
        })

    static let cloudDownloadField = FieldSpec(
        .cloudDownload, tab: .os, label: "Get the image", kind: .choice, pveKey: .none,
        visible: { $0.model.usesCloudImage },
        choices: { _ in
            [Choice("", "Already on a storage")] + CloudImage.catalogue.map { Choice($0.id, "Download \($0.label)") }
                + [Choice("url", "Download from a URL")]
        },
        validate: { value, ctx in
            guard !value.isEmpty, let target = ctx.model.downloadTarget else { return nil }
            if ImportImage.exists(target, host: ctx.host) == true {
                return .warning("\(target) is already there: it is used as it is and not downloaded again")
            }
            return nil
        })

    static let cloudURLField = FieldSpec(
        .cloudURL, tab: .os, label: "URL", kind: .text, pveKey: .none,
        placeholder: { _ in .verbatim("https://…/image.qcow2") },
        visible: { $0.model.usesCloudImage && $0.value(.cloudDownload) == "url" },
        validate: { value, _ in
            if value.isEmpty { return Issue("URL is required: the address of the image to download") }
            let lower = value.lowercased()
            guard lower.hasPrefix("https://") || lower.hasPrefix("http://") || lower.hasPrefix("ftp://"),
                  !value.contains(where: { $0.isWhitespace }), value.split(separator: "/").count >= 3 else {
                return Issue("URL '\(Checks.shown(value))' is not an http(s) or ftp address of a file")
            }
            return lower.hasPrefix("https://") ? nil
                : .warning("URL: without https the image is not protected in transit; give its checksum")
        })

    static let cloudFormatField = FieldSpec(
        .cloudFormat, tab: .os, label: "Image format", kind: .choice, pveKey: .none,
        defaultValue: { ctx in
            let url = ctx.value(.cloudURL).lowercased()
            return url.hasSuffix(".raw") ? "raw" : (url.hasSuffix(".vmdk") ? "vmdk" : "qcow2")
        },
        visible: { $0.model.usesCloudImage && $0.value(.cloudDownload) == "url" },
        choices: { _ in [Choice("qcow2", "QEMU image format (qcow2)"), Choice("raw", "Raw disk image (raw)"), Choice("vmdk", "VMware image format (vmdk)")] })

    static let cloudStorageField = FieldSpec(
        .cloudStorage, tab: .os, label: "Download to", kind: .picker, pveKey: .none,
        defaultValue: { ctx in ctx.model.storages(withContent: "import").map(\.id).sorted().first ?? "" },
        visible: { $0.model.usesCloudImage && !$0.value(.cloudDownload).isEmpty },
        choices: { ctx in
            let storages = ctx.model.storages(withContent: "import")
            return storages.map { Choice($0.id, .verbatim($0.id), detail: .verbatim($0.type)) }
        },
        validate: { value, ctx in
            if let issue = Checks.storage("Download to", content: "import")(value, ctx) { return issue }
            return ctx.host.storage(value).map { PVEFormat.fileStorageTypes.contains($0.type) } == false
                ? Issue("Download to: storage '\(value)' keeps no files; downloads go to a folder storage") : nil
        })

    static let cloudChecksumField = FieldSpec(
        .cloudChecksum, tab: .os, label: "Checksum", kind: .text, pveKey: .none, advanced: true,
        placeholder: { ctx in
            CloudImage.entry(ctx.value(.cloudDownload)).map { _ in "not checked (see the help)" } ?? "not checked"
        },
        visible: { $0.model.usesCloudImage && !$0.value(.cloudDownload).isEmpty },
        validate: { value, _ in
            if value.isEmpty { return nil }
            return DownloadChecksum(value) == nil
                ? Issue("Checksum '\(Checks.shown(value))' must be ALGORITHM:HEX, e.g. sha256:9f86d0… (md5, sha1, sha224, sha256, sha384, sha512)") : nil
        })
}

/// The checks of one NIC's cloud-init addresses: Proxmox's formats, and what a careful admin wants to hear.
enum CloudInitAddress {
    static func ipv4Issue(_ value: String, gateway: String) -> Issue? {
        if value.isEmpty || value == "dhcp" || value == "manual" { return nil }
        guard let (address, prefix) = IPAddress.cidr4(value) else {
            return Issue("IPv4 '\(Checks.shown(value))' must be dhcp or an address with its prefix length, e.g. 192.0.2.10/24")
        }
        guard prefix < 31 else { return nil }
        let mask = IPAddress.mask(prefix)
        if address & ~mask == 0 { return .warning("IPv4 \(value) is the network address of its subnet, not a host's") }
        if address & ~mask == ~mask { return .warning("IPv4 \(value) is the broadcast address of its subnet, not a host's") }
        return nil
    }

    static func gateway4Issue(_ value: String, address: String) -> Issue? {
        if value.isEmpty { return nil }
        guard let gateway = IPAddress.ipv4(Substring(value)) else { return Issue("Gateway '\(Checks.shown(value))' is not an IPv4 address") }
        guard let (own, prefix) = IPAddress.cidr4(address) else { return nil }
        if gateway == own { return Issue("Gateway \(value) is the VM's own address") }
        let mask = IPAddress.mask(prefix)
        // Routed set-ups (a /32 on a rented server, gateway outside) need this, so it stays allowed.
        if gateway & mask != own & mask {
            return .warning("Gateway \(value) is outside \(IPAddress.text(own & mask))/\(prefix): fine for a routed set-up, else a typo")
        }
        return nil
    }

    static func ipv6Issue(_ value: String) -> Issue? {
        if value.isEmpty || ["dhcp", "auto", "manual"].contains(value) { return nil }
        return IPAddress.cidr6(value) == nil
            ? Issue("IPv6 '\(Checks.shown(value))' must be dhcp, auto (SLAAC) or an address with its prefix length, e.g. 2001:db8::10/64") : nil
    }

    static func gateway6Issue(_ value: String, address: String) -> Issue? {
        if value.isEmpty { return nil }
        guard let gateway = IPAddress.ipv6(Substring(value)) else { return Issue("Gateway '\(Checks.shown(value))' is not an IPv6 address") }
        guard let (own, prefix) = IPAddress.cidr6(address) else { return nil }
        if gateway == own { return Issue("Gateway \(value) is the VM's own address") }
        let linkLocal = gateway[0] & 0xFFC0 == 0xFE80
        if !linkLocal && !IPAddress.sameNetwork(gateway, own, prefix: prefix) {
            return .warning("Gateway \(value) is outside the VM's /\(prefix): fine for a routed set-up, else a typo")
        }
        return nil
    }
}

extension VMModel {
    /// The install media is a cloud image, imported as the first disk.
    public var usesCloudImage: Bool { value(.media) == "cloud" }

    /// The volume a download will create (`local:import/debian-13-genericcloud-amd64.qcow2`); nil when the image
    /// is not downloaded.
    public var downloadTarget: String? {
        guard usesCloudImage else { return nil }
        let choice = value(.cloudDownload)
        let name: String
        if let entry = CloudImage.entry(choice) {
            name = entry.fileName
        } else if choice == "url", !value(.cloudURL).isEmpty {
            name = CloudImage.fileName(forURL: value(.cloudURL), format: value(.cloudFormat))
        } else {
            return nil
        }
        return "\(value(.cloudStorage)):import/\(name)"
    }

    /// The download step runs: an image is to be downloaded and is not on the storage yet.
    public var downloadsImage: Bool {
        guard let target = downloadTarget else { return false }
        return ImportImage.exists(target, host: host) != true
    }

    /// The disk is made by importing an image.
    public func importsImage(disk: Int?) -> Bool {
        guard let disk else { return false }
        return !value(.diskImport, item: disk).isEmpty && !selectsExistingVolume(storageField: .diskStorage, item: disk)
    }

    /// The virtual size of the image a disk imports, where vmwizard can read it (for an image still to be
    /// downloaded: the size its project publishes).
    public func importedImageBytes(disk: Int?) -> Int? {
        guard let disk, importsImage(disk: disk) else { return nil }
        let source = value(.diskImport, item: disk)
        if source == downloadTarget, downloadsImage {
            return CloudImage.entry(value(.cloudDownload)).map { Int($0.virtualGiB * 1_073_741_824) }
        }
        return ImportImage.virtualSize(of: source, host: host)
    }

    /// The size an imported disk grows to after the import (`qm disk resize`), in Proxmox's size syntax; nil
    /// when it keeps the image's size.
    public func growSize(disk: Int) -> String? {
        guard importsImage(disk: disk), let size = activeValue(.diskSize, item: disk), !size.isEmpty,
              let kib = DiskSize.kibibytes(fromField: size) else { return nil }
        if let image = importedImageBytes(disk: disk), kib * 1024 <= image { return nil }
        return PVEFormat.isPlainDecimal(size, maxDecimals: 30) ? size + "G" : "\(kib)K"
    }

    /// The SSH keys given for cloud-init.
    public var sshKeys: [SSHPublicKey] { SSHPublicKey.parseList(value(.ciSSHKeys)).keys }

    /// Adds keys (once each) or, with `remove`, takes one out; the field keeps one key per line.
    public mutating func changeSSHKeys(adding added: [SSHPublicKey] = [], removing removed: SSHPublicKey? = nil) {
        var keys = sshKeys.filter { $0.blob != removed?.blob }
        for key in added where !keys.contains(where: { $0.blob == key.blob }) { keys.append(key) }
        set(.ciSSHKeys, to: keys.map(\.line).joined(separator: "\n"))
    }

    /// Cloud-init settings are written (a cloud-init drive is added).
    public var cloudInitActive: Bool { flag(.ciAdd) }

    /// Where the cloud-init drive goes, as the web UI places a CD drive: the install CD's slot when it is free,
    /// else the first free IDE, SCSI, then SATA slot.
    public var cloudInitSlot: DiskSlot? {
        if let given = userValue(.ciSlot).flatMap(DiskSlot.init(configKey:)) { return given }
        return automaticCloudInitSlot
    }

    /// Slots the disks and the CD drives use.
    public var slotsTakenByOtherDrives: Set<DiskSlot> {
        var used = Set(diskSlots.compactMap { $0 })
        if installCDPresent { used.insert(installCDSlot) }
        if virtioDriverDriveActive { used.insert(.driverCD) }
        return used
    }

    /// Where the web UI puts the drive: the install CD's slot if free, else the first free IDE, SCSI, SATA slot.
    public var automaticCloudInitSlot: DiskSlot? {
        let used = slotsTakenByOtherDrives
        if !used.contains(installCDSlot) { return installCDSlot }
        for bus in [DiskBus.ide, .scsi, .sata] where guestArch.buses.contains(bus) {
            for number in 0..<bus.slots where !used.contains(DiskSlot(bus, number)) { return DiskSlot(bus, number) }
        }
        return nil
    }

    /// Drives `qm template` leaves as ordinary volumes: their storage has no base images (thick LVM, iSCSI).
    public var templateIncapableDrives: [String] {
        let capable: Set<String> = ["dir", "nfs", "cifs", "glusterfs", "cephfs", "btrfs", "lvmthin", "zfspool", "rbd", "zfs"]
        var keys: [(String, String)] = []
        for (slot, disk) in PVEParameters.orderedDisks(self) { keys.append((slot.configKey, value(.diskStorage, item: disk))) }
        if efiDiskActive { keys.append(("efidisk0", value(.efiStorage))) }
        if tpmActive { keys.append(("tpmstate0", value(.tpmStorage))) }
        return keys.filter { key, storage in !(host.storage(storage).map { capable.contains($0.type) } ?? true) }.map(\.0)
    }

    /// `ipconfigN` of a NIC: only what was chosen, in Proxmox's order (ip, gw, ip6, gw6).
    public func ipconfig(nic: Int) -> String? {
        var parts: [String] = []
        for (key, id) in [("ip", FieldID.netIP), ("gw", .netGW), ("ip6", .netIP6), ("gw6", .netGW6)] {
            if let value = activeValue(id, item: nic), !value.isEmpty { parts.append("\(key)=\(value)") }
        }
        return parts.isEmpty ? nil : parts.joined(separator: ",")
    }
}
