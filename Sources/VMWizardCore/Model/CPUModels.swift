/// CPU models a VM can use on x86_64 hosts: QEMU's built-in models as Proxmox VE lists them, the x86-64-v*
/// levels Proxmox adds, and `host`. Grouped by vendor the way the web UI shows them.
public enum CPUModels {
    public static let amd: [String] = [
        "athlon", "EPYC", "EPYC-Genoa", "EPYC-Genoa-v2", "EPYC-IBPB", "EPYC-Milan", "EPYC-Milan-v2",
        "EPYC-Milan-v3", "EPYC-Rome", "EPYC-Rome-v2", "EPYC-Rome-v3", "EPYC-Rome-v4", "EPYC-Rome-v5", "EPYC-Turin",
        "EPYC-v3", "EPYC-v4", "EPYC-v5", "Opteron_G1", "Opteron_G2", "Opteron_G3", "Opteron_G4", "Opteron_G5",
        "phenom",
    ]
    public static let intel: [String] = [
        "486", "Broadwell", "Broadwell-IBRS", "Broadwell-noTSX", "Broadwell-noTSX-IBRS", "Cascadelake-Server",
        "Cascadelake-Server-noTSX", "Cascadelake-Server-v2", "Cascadelake-Server-v4", "Cascadelake-Server-v5",
        "ClearwaterForest", "Conroe", "Cooperlake", "Cooperlake-v2", "core2duo", "coreduo", "GraniteRapids",
        "GraniteRapids-v2", "GraniteRapids-v3", "Haswell", "Haswell-IBRS", "Haswell-noTSX", "Haswell-noTSX-IBRS",
        "Icelake-Client", "Icelake-Client-noTSX", "Icelake-Server", "Icelake-Server-noTSX", "Icelake-Server-v3",
        "Icelake-Server-v4", "Icelake-Server-v5", "Icelake-Server-v6", "Icelake-Server-v7", "IvyBridge",
        "IvyBridge-IBRS", "KnightsMill", "Nehalem", "Nehalem-IBRS", "Penryn", "pentium", "pentium2", "pentium3",
        "SandyBridge", "SandyBridge-IBRS", "SapphireRapids", "SapphireRapids-v2", "SapphireRapids-v3",
        "SapphireRapids-v4", "SierraForest", "SierraForest-v2", "SierraForest-v3", "Skylake-Client",
        "Skylake-Client-IBRS", "Skylake-Client-noTSX-IBRS", "Skylake-Client-v4", "Skylake-Server",
        "Skylake-Server-IBRS", "Skylake-Server-noTSX-IBRS", "Skylake-Server-v4", "Skylake-Server-v5", "Westmere",
        "Westmere-IBRS",
    ]
    /// QEMU's generic models plus the x86-64 micro-architecture levels.
    public static let qemu: [String] = [
        "kvm32", "kvm64", "max", "qemu32", "qemu64", "x86-64-v2", "x86-64-v2-AES", "x86-64-v3", "x86-64-v4",
    ]

    /// QEMU's 64-bit ARM models as Proxmox VE lists them (32-bit and deprecated ones left out), plus `max`.
    public static let arm: [String] = [
        "a64fx", "cortex-a35", "cortex-a53", "cortex-a55", "cortex-a57", "cortex-a710", "cortex-a72", "cortex-a76",
        "neoverse-n1", "neoverse-n2", "neoverse-v1",
    ]

    /// The models KVM on ARM takes besides `host` and `max`.
    public static let armWithKVM: Set<String> = ["cortex-a53", "cortex-a57"]

    /// The web UI's default for new x86_64 VMs.
    public static let defaultModel = "x86-64-v2-AES"

    /// Picker entries: AMD, Intel, QEMU, then Host, each sorted by name.
    public static let choices: [Choice] =
        vendorChoices(amd, vendor: "AMD") + vendorChoices(intel, vendor: "Intel") + vendorChoices(qemu, vendor: "QEMU")
        + [hostChoice]

    static let hostChoice = Choice("host", detail: "Host: exactly this host's CPU", group: "Host")

    /// Picker entries for ARM guests: the ARM models and `max`, then Host where the guest runs natively.
    public static func armChoices(native: Bool) -> [Choice] {
        vendorChoices(arm, vendor: "ARM") + vendorChoices(["max"], vendor: "QEMU") + (native ? [hostChoice] : [])
    }

    private static func vendorChoices(_ models: [String], vendor: String) -> [Choice] {
        models.map { Choice($0, detail: .verbatim(vendor), group: vendor) }
    }

    /// The models for a guest of this architecture, plus the cluster's custom ones (`custom-NAME`, grouped as
    /// Custom). `host` only where the guest runs natively.
    public static func choices(host: HostInventory, arch: GuestArch, native: Bool) -> [Choice] {
        var list = arch == .aarch64 ? armChoices(native: native) : choices
        if !native { list.removeAll { $0.value == "host" } }
        return list + host.customCPUModels.keys.sorted().map {
            Choice("custom-\($0)", .verbatim($0), detail: "Custom (reports \(host.customCPUModels[$0] ?? "kvm64"))", group: "Custom")
        }
    }

    public static func isKnown(_ model: String) -> Bool {
        model == "host" || amd.contains(model) || intel.contains(model) || qemu.contains(model) || arm.contains(model)
    }

    /// The architecture a built-in model belongs to; nil for `host` and `max`, which exist for both.
    public static func architecture(of model: String) -> GuestArch? {
        if model == "host" || model == "max" { return nil }
        if arm.contains(model) { return .aarch64 }
        if amd.contains(model) || intel.contains(model) || qemu.contains(model) { return .x86_64 }
        return nil
    }
}
