extension OptionCatalog {
    public static let nicModels: [Choice] = [
        Choice("e1000", "Intel E1000"), Choice("e1000e", "Intel E1000E"), Choice("virtio", "VirtIO (paravirtualized)"),
        Choice("rtl8139", "Realtek RTL8139"), Choice("vmxnet3", "VMware vmxnet3"),
    ]

    /// A value the web UI does not offer but Proxmox knows, as a template (or answers file) gives it: offered
    /// for this VM alone, so copying a VM keeps its old NIC model or display type.
    static func templateChoice(_ ctx: FieldContext, _ id: FieldID, offered: [Choice], known: [String]) -> [Choice] {
        guard let given = ctx.model.userValue(id, item: ctx.item), !given.isEmpty, known.contains(given),
              !offered.contains(where: { $0.value == given }) else { return [] }
        return [Choice(given, "\(given) (from the template)")]
    }

    static func bridgeChoices(_ ctx: FieldContext) -> [Choice] {
        (ctx.model.targetBridges ?? []).sorted { $0.name < $1.name }.map { bridge in
            let kind: Phrase = bridge.kind == .vnet
                ? (bridge.zone.map { "SDN vnet (\($0))" } ?? "SDN vnet")
                : .verbatim(bridge.kind == .ovs ? "OVS" : "Linux")
            var detail: [Phrase] = [kind, bridge.pending ? "pending" : (bridge.active ? "active" : "missing")]
            if bridge.vlanAware { detail.append("VLAN-aware") }
            if !bridge.comment.isEmpty { detail.append(.verbatim(bridge.comment)) }
            return Choice(bridge.name, detail: .list(detail))
        }
    }

    static let network: [FieldSpec] = [
        FieldSpec(
            .netIndex, tab: .network, scope: .nic, label: "Device", kind: .integer(min: 0, max: VMModel.maxNICs - 1, step: 1, unit: ""),
            pveKey: .key("net[n]"), advanced: true,
            defaultValue: { ctx in ctx.item.flatMap { item in ctx.model.nicNumbers.indices.contains(item) ? String(ctx.model.nicNumbers[item]) : nil } ?? "" },
            // The web UI numbers NICs itself; a number shows only where an answers file gave one.
            visible: { ctx in ctx.model.isUserSet(.netIndex, item: ctx.item) },
            validate: { value, ctx in
                if let issue = Checks.integerIssue("Device", value, min: 0, max: VMModel.maxNICs - 1, unit: "", required: true) { return issue }
                guard let number = Int(value), let item = ctx.item else { return nil }
                let numbers = ctx.model.nicNumbers
                if let other = numbers.indices.first(where: { $0 != item && numbers[$0] == number }) {
                    return Issue("net\(number) is already used by network device \(other + 1)")
                }
                return nil
            }),
        FieldSpec(
            .netBridge, tab: .network, scope: .nic, label: "Bridge", kind: .picker, pveKey: .subKey("net[n]", "bridge"),
            defaultValue: { ctx in
                let bridges = (ctx.model.targetBridges ?? []).sorted { $0.name < $1.name }
                return (bridges.first { $0.active && !$0.pending } ?? bridges.first)?.name ?? ""
            },
            choices: bridgeChoices,
            validate: { value, ctx in
                if value.isEmpty {
                    // Proxmox takes a NIC without a bridge (QEMU's user-mode network); the web UI always asks for one.
                    return ctx.model.isUserSet(.netBridge, item: ctx.item)
                        ? .warning("No bridge: this NIC gets QEMU's user-mode network only, not the LAN") : Issue("Bridge is required: pick a bridge")
                }
                if let reason = PVEFormat.bridgeID(value) { return Issue("Bridge '\(Checks.shown(value))': \(reason)") }
                // Another node's bridges come from pvesh; until they arrive the name cannot be checked.
                guard let bridges = ctx.model.targetBridges else {
                    return .warning("\(value) cannot be checked yet: \(ctx.model.targetNodeNote ?? "node \(ctx.model.targetNode)'s bridges are unknown")")
                }
                guard let bridge = bridges.first(where: { $0.name == value }) else {
                    if ctx.model.isTemplateValue(.netBridge, item: ctx.item, value) {
                        return .warning("\(value) (from the template) is not a bridge on node \(ctx.model.targetNode): the VM is created, but does not start until the bridge exists")
                    }
                    return Issue("\(value) is not a bridge on node \(ctx.model.targetNode)")
                }
                if bridge.pending {
                    return .warning("\(value) exists only in the pending network configuration: apply it before starting the VM")
                }
                if !bridge.active { return .warning("\(value) is configured but not up on this node") }
                if !ctx.value(.netTag).isEmpty, !bridge.vlanAware, bridge.kind == .linux {
                    return .warning("\(value) is not VLAN-aware: the VLAN tag needs bridge-vlan-aware or an OVS bridge")
                }
                return nil
            }),
        FieldSpec(
            .netTag, tab: .network, scope: .nic, label: "VLAN Tag", kind: .integer(min: 1, max: 4094, step: 1, unit: ""),
            pveKey: .subKey("net[n]", "tag"), placeholder: { _ in "no VLAN" },
            validate: Checks.integer("VLAN Tag", min: 1, max: 4094)),
        FieldSpec(
            .netFirewall, tab: .network, scope: .nic, label: "Firewall", kind: .flag,
            pveKey: .subKey("net[n]", "firewall"), defaultValue: { _ in "1" }),
        FieldSpec(
            .netModel, tab: .network, scope: .nic, label: "Model", kind: .choice, pveKey: .subKey("net[n]", "model"),
            defaultValue: { $0.model.defaultNICModel },
            choices: { ctx in nicModels + templateChoice(ctx, .netModel, offered: nicModels, known: Array(AnswersKeys.nicModels)) },
            inference: { ctx in
                ctx.model.virtioDriverDriveActive ? "VirtIO because the VirtIO drivers CD is attached" : nil
            }),
        FieldSpec(
            .netMAC, tab: .network, scope: .nic, label: "MAC address", kind: .text, pveKey: .subKey("net[n]", "macaddr"),
            placeholder: { _ in "auto" },
            validate: { value, ctx in
                guard !value.isEmpty else { return nil }
                if let reason = PVEFormat.macAddress(value) { return Issue("MAC address '\(Checks.shown(value))': \(reason)") }
                guard let item = ctx.item else { return nil }
                let clash = ctx.model.draft.nics.indices.first {
                    $0 != item && ctx.model.value(.netMAC, item: $0).caseInsensitiveCompare(value) == .orderedSame
                }
                return clash.map {
                    .stricter("MAC address \(value) is already used by \(ctx.model.nicKeys[$0])", "two NICs with one address disturb each other on the network")
                }
            }),
        FieldSpec(
            .netLinkDown, tab: .network, scope: .nic, label: "Disconnect", kind: .flag,
            pveKey: .subKey("net[n]", "link_down"), advanced: true, defaultValue: { _ in "0" }),
        FieldSpec(
            .netMTU, tab: .network, scope: .nic, label: "MTU", kind: .integer(min: 1, max: 65520, step: 1, unit: ""),
            pveKey: .subKey("net[n]", "mtu"), advanced: true, placeholder: { _ in "Same as bridge" },
            enabled: { $0.value(.netModel) == "virtio" },
            validate: { value, _ in
                if let issue = Checks.integerIssue("MTU", value, min: 1, max: 65520, unit: "", required: false) { return issue }
                if let mtu = Int(value), mtu != 1, mtu < 576 {
                    return Issue("MTU must be at least 576, or 1 to use the bridge's MTU (got \(mtu))")
                }
                return nil
            }),
        FieldSpec(
            .netRate, tab: .network, scope: .nic, label: "Rate limit",
            kind: .decimal(min: 0, max: 10_240, step: 1, decimals: 3, unit: "MB/s"), pveKey: .subKey("net[n]", "rate"),
            advanced: true, placeholder: { _ in "unlimited" },
            validate: { value, ctx in
                if value.hasPrefix("-"), PVEFormat.isProxmoxNumber(value) {
                    return Issue("Rate limit cannot be negative (got \(value))")
                }
                return Checks.proxmoxNumber("Rate limit")(value, ctx)
            }),
        FieldSpec(
            .netQueues, tab: .network, scope: .nic, label: "Multiqueue", kind: .integer(min: 0, max: 64, step: 1, unit: ""),
            pveKey: .subKey("net[n]", "queues"), advanced: true, placeholder: { _ in "off" },
            validate: Checks.integer("Multiqueue", min: 0, max: 64)),
    ] + cloudInitAddresses

    static let confirm: [FieldSpec] = [
        FieldSpec(
            .start, tab: .confirm, label: "Start after created", kind: .flag, pveKey: .key("start"),
            defaultValue: { _ in "0" },
            validate: { value, ctx in
                value == "1" && ctx.model.flag(.template) ? Issue("A template cannot be started: untick Start after created or Create as template") : nil
            }),
        FieldSpec(
            .template, tab: .confirm, label: "Create as template", kind: .flag, pveKey: .key("template"),
            defaultValue: { _ in "0" },
            validate: { value, ctx in
                guard value == "1" else { return nil }
                // qm template skips volumes whose storage has no base images: they stay ordinary volumes.
                let plain = ctx.model.templateIncapableDrives
                if plain.isEmpty { return nil }
                let drives = plain.joined(separator: ", ")
                return .warning(plain.count == 1
                    ? "\(drives) stays an ordinary volume: its storage cannot hold base images, so clones of this template copy it whole"
                    : "\(drives) stay ordinary volumes: their storage cannot hold base images, so clones of this template copy them whole")
            }),
    ]
}
