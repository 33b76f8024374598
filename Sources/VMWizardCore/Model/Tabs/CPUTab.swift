extension OptionCatalog {
    /// cpuunits range and default follow the node's cgroup version.
    static func cpuUnitsRange(_ ctx: FieldContext) -> (min: Int, max: Int, standard: Int) {
        ctx.host.cgroupVersion == 1 ? (2, 262_144, 1024) : (1, 10_000, 100)
    }

    /// What Proxmox stores for `cpuunits` (PVE::CGroup::clamp_cpu_shares): at most 10000 on cgroup v2, at least 2
    /// on cgroup v1.
    public static func cpuUnitsClamped(_ units: Int, cgroupVersion: Int) -> Int {
        cgroupVersion == 1 ? max(units, 2) : min(units, 10_000)
    }

    /// A built-in model must belong to the guest's architecture, and `host` needs the guest to run natively;
    /// Proxmox's create call takes any model it knows, and the VM then fails to start.
    static func cpuFitsArch(_ model: String, _ vm: VMModel) -> Issue? {
        let arch = vm.guestArch
        if model == "host", !vm.isNativeArch {
            return .stricter("CPU type host needs KVM, but this \(vm.host.hostArch) node emulates \(arch.label) guests: use max", "the VM does not start")
        }
        if let modelArch = CPUModels.architecture(of: model), modelArch != arch {
            return .stricter("CPU type '\(model)' is an \(modelArch.label) model; the guest is \(arch.label)", "QEMU refuses to start it")
        }
        if arch == .aarch64, vm.isNativeArch, model != "host", model != "max", !CPUModels.armWithKVM.contains(model) {
            return .stricter("CPU type '\(model)' does not work with KVM on ARM: use host, max, cortex-a53 or cortex-a57", "the VM does not start")
        }
        return nil
    }

    static let cpu: [FieldSpec] = [
        FieldSpec(
            .sockets, tab: .cpu, label: "Sockets", kind: .integer(min: 1, max: 999_999, step: 1, unit: ""),
            pveKey: .key("sockets"), defaultValue: { _ in "1" },
            validate: Checks.count("Sockets", min: 1, required: true)),
        FieldSpec(
            .cores, tab: .cpu, label: "Cores", kind: .integer(min: 1, max: 999_999, step: 1, unit: ""),
            pveKey: .key("cores"), defaultValue: { _ in "1" },
            validate: { value, ctx in
                if let issue = Checks.integerIssue("Cores", value, min: 1, max: Int.max, unit: "", required: true) {
                    return issue
                }
                guard let total = ctx.model.totalCores, let cpus = ctx.model.targetNodeCPUs, total > cpus else {
                    return WindowsMinimums.cpus(ctx.model)
                }
                // Proxmox creates such a VM but refuses to start it: only an error when the start is asked for.
                let excess: Phrase = "Total vCPUs \(total) (\(ctx.value(.sockets)) sockets × \(value) cores) exceed the \(cpus) logical CPUs of node \(ctx.model.targetNode)"
                return ctx.model.flag(.start)
                    ? .stricter("\(excess), and Start after created is ticked", "refuses to start it there")
                    : .warning("\(excess): the VM is created, but Proxmox refuses to start it there")
            }),
        FieldSpec(
            .cpuType, tab: .cpu, label: "Type", kind: .picker, pveKey: .subKey("cpu", "cputype"),
            defaultValue: { ctx in ctx.model.guestArch.defaultCPU(native: ctx.model.isNativeArch) },
            choices: { ctx in CPUModels.choices(host: ctx.host, arch: ctx.model.guestArch, native: ctx.model.isNativeArch) },
            validate: { value, ctx in
                if value.isEmpty { return Issue("CPU type is required") }
                if CPUModels.isKnown(value) { return cpuFitsArch(value, ctx.model) }
                if value.hasPrefix("custom-") {
                    let name = String(value.dropFirst(7))
                    if ctx.host.customCPUModels[name] != nil { return nil }
                    return Issue("CPU type '\(Checks.shown(value))': the cluster has no custom CPU model '\(Checks.shown(name))' (cpu-models.conf)")
                }
                return Issue("CPU type '\(Checks.shown(value))' is not a CPU model Proxmox knows (custom models start with custom-)")
            },
            inference: { ctx in
                guard ctx.model.guestArch == .aarch64 else { return nil }
                return ctx.model.isNativeArch ? "Proxmox's default for ARM guests with KVM"
                    : "emulated ARM guest: QEMU's max (host needs KVM)"
            }),
        FieldSpec(
            .vcpus, tab: .cpu, label: "VCPUs", kind: .integer(min: 1, max: 999_999, step: 1, unit: ""),
            pveKey: .key("vcpus"), advanced: true,
            placeholder: { ctx in ctx.model.totalCores.map { "all \($0)" } ?? "all cores" },
            validate: { value, ctx in
                if let issue = Checks.integerIssue("VCPUs", value, min: 1, max: Int.max, unit: "", required: false) { return issue }
                if let vcpus = Int(value), let total = ctx.model.totalCores, vcpus > total {
                    return .stricter("VCPUs must be at most the \(total) cores the VM has (got \(vcpus))", "QEMU refuses to start it")
                }
                return nil
            }),
        FieldSpec(
            .cpulimit, tab: .cpu, label: "CPU limit", kind: .decimal(min: 0, max: 128, step: 1, decimals: 20, unit: ""),
            pveKey: .key("cpulimit"), advanced: true, placeholder: { _ in "unlimited" },
            validate: { value, ctx in
                if PVEFormat.isProxmoxNumber(value), !PVEFormat.isPlainDecimal(value, maxDecimals: 30), let number = Double(value), (0...128).contains(number) {
                    return .stricter("CPU limit '\(Checks.shown(value))' must be written as a plain number", "writing the config file then fails")
                }
                return Checks.decimal("CPU limit", min: 0, max: 128, decimals: 30)(value, ctx)
            }),
        FieldSpec(
            .cpuunits, tab: .cpu, label: "CPU units", kind: .integer(min: 1, max: 262_144, step: 1, unit: ""),
            pveKey: .key("cpuunits"), advanced: true,
            placeholder: { ctx in "Default (\(cpuUnitsRange(ctx).standard))" },
            validate: { value, ctx in
                if let issue = Checks.integerIssue("CPU units", value, min: 1, max: 262_144, unit: "", required: false) { return issue }
                // Proxmox clamps to what the node's cgroup version takes, and stores that.
                guard let units = Int(value) else { return nil }
                let clamped = cpuUnitsClamped(units, cgroupVersion: ctx.host.cgroupVersion)
                return clamped == units ? nil
                    : .warning("CPU units \(units) is outside what cgroup v\(ctx.host.cgroupVersion) takes: Proxmox stores \(clamped)")
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
