extension OptionCatalog {
    static let general: [FieldSpec] = [
        FieldSpec(
            .node, tab: .general, label: "Node", kind: .picker, pveKey: .none,
            defaultValue: { $0.host.localNode },
            choices: { ctx in
                ctx.host.nodes.map { node in
                    var detail: [Phrase] = [node.online ? "online" : "offline"]
                    if node.isLocal { detail.append("this node") }
                    if let cpus = node.cpuCount { detail.append("\(cpus) CPUs") }
                    if let mem = node.memoryTotalMiB { detail.append(.verbatim(Units.mib(mem))) }
                    return Choice(node.name, detail: .list(detail))
                }
            },
            validate: { value, ctx in
                if value.isEmpty { return Issue("Node is required") }
                guard let node = ctx.host.nodes.first(where: { $0.name == value }) else {
                    return Issue("Node '\(Checks.shown(value))' is not a node of this cluster")
                }
                return node.online ? nil : Issue("Node \(value) seems to be offline")
            }),
        FieldSpec(
            .vmid, tab: .general, label: "VM ID", kind: .integer(min: 100, max: 999_999_999, step: 1, unit: ""),
            pveKey: .key("vmid"),
            defaultValue: { ctx in ctx.host.nextFreeVMID().map(String.init) ?? "" },
            placeholder: { ctx in ctx.host.nextFreeVMID() == nil ? "no free ID in the next-id range" : "" },
            validate: { value, ctx in
                if value.isEmpty { return Issue("VM ID is required") }
                if let reason = PVEFormat.vmid(value) { return Issue("VM ID '\(Checks.shown(value))': \(reason)") }
                if let id = Int(value), let guest = ctx.host.guests[id] {
                    let kind: Phrase = guest.kind == .qemu ? "a VM" : "a container"
                    return Issue("VM ID \(id) is already in use by \(kind) on node \(guest.node)")
                }
                return nil
            },
            inference: { ctx in ctx.host.nextFreeVMID().map { "next free ID in the cluster (\($0))" } }),
        FieldSpec(
            .name, tab: .general, label: "Name", kind: .text, pveKey: .key("name"),
            validate: { value, _ in
                guard !value.isEmpty, let reason = PVEFormat.dnsName(value) else { return nil }
                return Issue("Name '\(Checks.shown(value))' is not a valid host name: \(reason)")
            }),
        FieldSpec(
            .pool, tab: .general, label: "Resource Pool", kind: .picker, pveKey: .key("pool"),
            placeholder: { _ in "none" },
            choices: { ctx in
                [Choice("", "(none)")] + ctx.host.pools.map { Choice($0.id, detail: .verbatim($0.comment)) }
            },
            validate: { value, ctx in
                if value.isEmpty { return nil }
                if let reason = PVEFormat.poolID(value) { return Issue("Resource Pool '\(Checks.shown(value))': \(reason)") }
                return ctx.host.pools.contains { $0.id == value }
                    ? nil : Issue("Resource Pool '\(value)' does not exist on this cluster")
            }),
        FieldSpec(
            .haManaged, tab: .general, label: "Add to HA", kind: .flag, pveKey: .key("ha-managed"),
            defaultValue: { _ in "0" }),
        FieldSpec(
            .arch, tab: .general, label: "vCPU architecture", kind: .choice, pveKey: .key("arch"), advanced: true,
            choices: { ctx in
                [Choice("", "Default (\(ctx.model.hostArch.rawValue))")]
                    + GuestArch.allCases.map { Choice($0.rawValue, $0.label) }
            },
            validate: { value, ctx in
                guard let arch = GuestArch(rawValue: value), arch.rawValue != ctx.host.hostArch else { return nil }
                return .warning("\(arch.label) is emulated on this \(ctx.host.hostArch) node (no KVM): expect it to run many times slower")
            }),
        FieldSpec(
            .onboot, tab: .general, label: "Start at boot", kind: .flag, pveKey: .key("onboot"), advanced: true,
            defaultValue: { _ in "0" }),
        FieldSpec(
            .startupOrder, tab: .general, label: "Startup order",
            kind: .integer(min: 0, max: 999_999_999, step: 1, unit: ""), pveKey: .subKey("startup", "order"),
            advanced: true, placeholder: { _ in "any" },
            validate: Checks.integer("Startup order", min: 0, max: 999_999_999)),
        FieldSpec(
            .startupUp, tab: .general, label: "Startup delay",
            kind: .integer(min: 0, max: 999_999_999, step: 1, unit: "s"), pveKey: .subKey("startup", "up"),
            advanced: true, placeholder: { _ in "default" },
            validate: Checks.integer("Startup delay", min: 0, max: 999_999_999, unit: "s")),
        FieldSpec(
            .startupDown, tab: .general, label: "Shutdown timeout",
            kind: .integer(min: 0, max: 999_999_999, step: 1, unit: "s"), pveKey: .subKey("startup", "down"),
            advanced: true, placeholder: { _ in "default" },
            validate: Checks.integer("Shutdown timeout", min: 0, max: 999_999_999, unit: "s")),
        FieldSpec(
            .tags, tab: .general, label: "Tags", kind: .text, pveKey: .key("tags"), advanced: true,
            placeholder: { _ in "none (separate with ;)" },
            validate: { value, _ in
                for tag in PVEFormat.splitList(value) {
                    if let reason = PVEFormat.tag(tag) { return Issue("Tag '\(Checks.shown(tag))' is not allowed: \(reason)") }
                }
                return nil
            }),
        FieldSpec(
            .description, tab: .general, label: "Notes", kind: .text, pveKey: .key("description"), advanced: true,
            placeholder: { _ in "none" },
            validate: { value, _ in
                // Proxmox counts characters (code points), not bytes.
                let length = value.unicodeScalars.count
                if length > 8192 { return Issue("Notes must be at most 8192 characters (got \(length))") }
                if value.contains("\0") { return Issue("Notes cannot contain NUL characters") }
                if ConfigFile.storedDescription(value) == "0" {
                    return .stricter("Notes of just '0' are not kept", "its config writer drops a description that is just 0")
                }
                return nil
            }),
    ]
}
