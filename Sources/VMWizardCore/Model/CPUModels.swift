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

    /// The web UI's default for new x86_64 VMs.
    public static let defaultModel = "x86-64-v2-AES"

    /// Picker entries: AMD, Intel, QEMU, then Host, each sorted by name.
    public static let choices: [Choice] =
        vendorChoices(amd, vendor: "AMD") + vendorChoices(intel, vendor: "Intel") + vendorChoices(qemu, vendor: "QEMU")
        + [Choice("host", detail: "Host: exactly this host's CPU", group: "Host")]

    private static func vendorChoices(_ models: [String], vendor: String) -> [Choice] {
        models.map { Choice($0, detail: .verbatim(vendor), group: vendor) }
    }

    /// The built-in models plus the cluster's custom ones (`custom-NAME`, grouped as Custom).
    public static func choices(host: HostInventory) -> [Choice] {
        guard !host.customCPUModels.isEmpty else { return choices }
        return choices + host.customCPUModels.keys.sorted().map {
            Choice("custom-\($0)", .verbatim($0), detail: "Custom (reports \(host.customCPUModels[$0] ?? "kvm64"))", group: "Custom")
        }
    }

    public static func isKnown(_ model: String) -> Bool {
        model == "host" || amd.contains(model) || intel.contains(model) || qemu.contains(model)
    }
}
