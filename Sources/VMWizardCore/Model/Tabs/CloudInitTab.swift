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
}
