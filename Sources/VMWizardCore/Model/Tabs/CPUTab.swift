extension OptionCatalog {
    /// cpuunits range and default follow the node's cgroup version.
    static func cpuUnitsRange(_ ctx: FieldContext) -> (min: Int, max: Int, standard: Int) {
        ctx.host.cgroupVersion == 1 ? (2, 262_144, 1024) : (1, 10_000, 100)
    }

    static let cpu: [FieldSpec] = [
        FieldSpec(
            .sockets, tab: .cpu, label: "Sockets", kind: .integer(min: 1, max: 4096, step: 1, unit: ""),
            pveKey: .key("sockets"), defaultValue: { _ in "1" },
            validate: Checks.integer("Sockets", min: 1, max: 4096, required: true)),
        FieldSpec(
            .cores, tab: .cpu, label: "Cores", kind: .integer(min: 1, max: 8192, step: 1, unit: ""),
            pveKey: .key("cores"), defaultValue: { _ in "1" },
            validate: { value, ctx in
                if let issue = Checks.integerIssue("Cores", value, min: 1, max: 8192, unit: "", required: true) {
                    return issue
                }
                guard let total = ctx.model.totalCores, let cpus = ctx.model.targetNodeCPUs, total > cpus else {
                    return nil
                }
                return Issue(
                    "Total vCPUs \(total) (\(ctx.value(.sockets)) sockets × \(value) cores) exceed the \(cpus) logical CPUs of node \(ctx.model.targetNode): Proxmox refuses to start such a VM")
            }),
        FieldSpec(
            .cpuType, tab: .cpu, label: "Type", kind: .picker, pveKey: .subKey("cpu", "cputype"),
            defaultValue: { _ in CPUModels.defaultModel },
            choices: { _ in CPUModels.choices },
            validate: { value, _ in
                if value.isEmpty { return Issue("CPU type is required") }
                if CPUModels.isKnown(value) { return nil }
                if value.hasPrefix("custom-"), value.count > 7,
                   value.allSatisfy({ $0.isLetter && $0.isASCII || $0.isASCIIDigit || "-_.".contains($0) }) {
                    return nil
                }
                return Issue("CPU type '\(Checks.shown(value))' is not a CPU model Proxmox knows (custom models start with custom-)")
            }),
        FieldSpec(
            .vcpus, tab: .cpu, label: "VCPUs", kind: .integer(min: 1, max: 8192, step: 1, unit: ""),
            pveKey: .key("vcpus"), advanced: true,
            placeholder: { ctx in ctx.model.totalCores.map { "all \($0)" } ?? "all cores" },
            validate: { value, ctx in
                let total = ctx.model.totalCores ?? 1
                return Checks.integerIssue("VCPUs", value, min: 1, max: max(total, 1), unit: "", required: false)
            }),
        FieldSpec(
            .cpulimit, tab: .cpu, label: "CPU limit", kind: .decimal(min: 0, max: 128, step: 1, decimals: 2, unit: ""),
            pveKey: .key("cpulimit"), advanced: true, placeholder: { _ in "unlimited" },
            validate: Checks.decimal("CPU limit", min: 0, max: 128, decimals: 2)),
        FieldSpec(
            .cpuunits, tab: .cpu, label: "CPU units", kind: .integer(min: 1, max: 262_144, step: 1, unit: ""),
            pveKey: .key("cpuunits"), advanced: true,
            placeholder: { ctx in "Default (\(cpuUnitsRange(ctx).standard))" },
            validate: { value, ctx in
                let range = cpuUnitsRange(ctx)
                guard let issue = Checks.integerIssue("CPU units", value, min: range.min, max: range.max, unit: "", required: false)
                else { return nil }
                return Issue("\(issue.phrase) with cgroup v\(ctx.host.cgroupVersion)")
            }),
        FieldSpec(
            .affinity, tab: .cpu, label: "CPU Affinity", kind: .text, pveKey: .key("affinity"), advanced: true,
            placeholder: { _ in "All Cores" },
            validate: { value, ctx in
                if let reason = PVEFormat.cpuSet(value) { return Issue("CPU Affinity '\(Checks.shown(value))': \(reason)") }
                if let highest = PVEFormat.cpuSetMax(value), let cpus = ctx.model.targetNodeCPUs, highest >= cpus {
                    return .warning("CPU Affinity names CPU \(highest), but node \(ctx.model.targetNode) has CPUs 0-\(cpus - 1)")
                }
                return nil
            }),
        FieldSpec(
            .numa, tab: .cpu, label: "Enable NUMA", kind: .flag, pveKey: .key("numa"), advanced: true,
            defaultValue: { _ in "0" }),
        FieldSpec(
            .cpuFlags, tab: .cpu, label: "Extra CPU Flags", kind: .text, pveKey: .subKey("cpu", "flags"), advanced: true,
            placeholder: { _ in "none (e.g. +aes;-pcid)" },
            validate: { value, _ in
                PVEFormat.cpuFlags(value).map { Issue("Extra CPU Flags '\(Checks.shown(value))': \($0)") }
            }),
    ]
}
