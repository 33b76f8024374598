/// The wizard's tabs, in the order of the Proxmox VE web UI's "Create: Virtual Machine" dialog.
public enum Tab: Int, CaseIterable, Sendable, Codable, Comparable {
    case general, os, system, disks, cpu, memory, network, cloudInit, confirm

    public var title: Phrase {
        switch self {
        case .general: return "General"
        case .os: return "OS"
        case .system: return "System"
        case .disks: return "Disks"
        case .cpu: return "CPU"
        case .memory: return "Memory"
        case .network: return "Network"
        case .cloudInit: return "Cloud-Init"
        case .confirm: return "Confirm"
        }
    }

    public var helpKey: String { "tab.\(String(describing: self))" }

    public static func < (lhs: Tab, rhs: Tab) -> Bool { lhs.rawValue < rhs.rawValue }
}
