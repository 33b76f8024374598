extension OptionCatalog {
    static let maxMemoryMiB = 4_178_944

    static let memory: [FieldSpec] = [
        FieldSpec(
            .memory, tab: .memory, label: "Memory", kind: .integer(min: 16, max: maxMemoryMiB, step: 32, unit: "MiB"),
            pveKey: .key("memory"),
            defaultValue: { ctx in ctx.model.ostype == "win11" ? "4096" : "2048" },
            validate: { value, ctx in
                if let issue = Checks.integerIssue("Memory", value, min: 16, max: maxMemoryMiB, unit: "MiB", required: true) {
                    return issue
                }
                if let mib = Int(value), let total = ctx.model.targetNodeMemoryMiB, mib > total {
                    return .warning("Memory \(mib) MiB is more than node \(ctx.model.targetNode) has (\(total) MiB)")
                }
                return WindowsMinimums.memory(ctx.model)
            },
            inference: { ctx in ctx.model.ostype == "win11" ? "Windows 11 needs 4 GiB" : nil }),
        FieldSpec(
            .balloonEnabled, tab: .memory, label: "Ballooning Device", kind: .flag, pveKey: .key("balloon"),
            advanced: true, defaultValue: { _ in "1" }),
        FieldSpec(
            .balloon, tab: .memory, label: "Minimum memory",
            kind: .integer(min: 1, max: maxMemoryMiB, step: 32, unit: "MiB"), pveKey: .key("balloon"), advanced: true,
            defaultValue: { $0.value(.memory) },
            enabled: { $0.flag(.balloonEnabled) },
            validate: { value, ctx in
                let memory = ctx.model.memoryMiB ?? maxMemoryMiB
                if let issue = Checks.integerIssue("Minimum memory", value, min: 1, max: maxMemoryMiB, unit: "MiB", required: true) {
                    return issue
                }
                if let mib = Int(value), mib > memory {
                    return .stricter("Minimum memory must be at most Memory (\(memory) MiB), got \(mib) MiB",
                                     "it refuses the same value in every later change of the VM")
                }
                return nil
            }),
        FieldSpec(
            .shares, tab: .memory, label: "Shares", kind: .integer(min: 0, max: 50_000, step: 10, unit: ""),
            pveKey: .key("shares"), advanced: true, placeholder: { _ in "Default (1000)" },
            enabled: { ctx in
                guard ctx.flag(.balloonEnabled), let balloon = ctx.int(.balloon), let memory = ctx.model.memoryMiB else {
                    return false
                }
                return balloon < memory
            },
            validate: Checks.integer("Shares", min: 0, max: 50_000)),
        FieldSpec(
            .allowKSM, tab: .memory, label: "Allow KSM", kind: .flag, pveKey: .key("allow-ksm"), advanced: true,
            defaultValue: { _ in "1" }),
    ]
}
