import VMWizardPlatform

/// Human-readable sizes for lists and messages.
public enum Units {
    /// Bytes in binary units: "1.5 GiB", "640 MiB".
    public static func bytes(_ value: Int64) -> String {
        let units = ["B", "KiB", "MiB", "GiB", "TiB", "PiB"]
        var amount = Double(max(value, 0))
        var index = 0
        while amount >= 1024, index < units.count - 1 {
            amount /= 1024
            index += 1
        }
        if index == 0 { return "\(Int(amount)) B" }
        return amount >= 100 ? "\(Int(amount.rounded())) \(units[index])" : "\(NumberText.oneDecimal(amount)) \(units[index])"
    }

    public static func mib(_ value: Int) -> String { bytes(Int64(value) * 1_048_576) }
}
