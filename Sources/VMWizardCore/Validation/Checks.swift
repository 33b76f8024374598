import VMWizardPlatform

/// Building blocks for field validation. Every message names the field, the value and the rule.
public enum Checks {
    public typealias Check = @Sendable (String, FieldContext) -> Issue?

    static func shown(_ value: String) -> String {
        let flat = value.replacingOccurrences(of: "\n", with: "\\n")
        return flat.count > 40 ? String(flat.prefix(37)) + "..." : flat
    }

    /// Whole number in a range; empty allowed unless `required`.
    public static func integer(_ label: Phrase, min: Int, max: Int, unit: String = "", required: Bool = false) -> Check {
        { value, _ in integerIssue(label, value, min: min, max: max, unit: unit, required: required) }
    }

    static func integerIssue(_ label: Phrase, _ value: String, min: Int, max: Int, unit: String, required: Bool) -> Issue? {
        let suffix = unit.isEmpty ? "" : " \(unit)"
        if value.isEmpty { return required ? Issue("\(label) is required") : nil }
        guard PVEFormat.isPlainInteger(value), let number = Int(value) else {
            if value.count > 1, value.hasPrefix("+"), PVEFormat.isPlainInteger(String(value.dropFirst())) {
                return .stricter("\(label) '\(shown(value))' must be written without a sign", "writing the config file then fails")
            }
            return Issue("\(label) must be a whole number, not '\(shown(value))'")
        }
        if number < min { return Issue("\(label) must be at least \(min)\(suffix) (got \(number))") }
        if number > max { return Issue("\(label) must be at most \(max)\(suffix) (got \(number))") }
        return nil
    }

    /// Perl's truth of a setting: "" and "0" are unset, anything else (even "0.0") is set. Proxmox's drive checks
    /// ("mbps_rd_max requires mbps_rd") test values this way.
    public static func perlTrue(_ value: String) -> Bool { !value.isEmpty && value != "0" }

    /// A throttle or rate inside a property string: Proxmox takes any number (`1.5`, `.5`, `1e3`); a negative one
    /// is refused at the start of the VM by QEMU, so vmwizard refuses it now.
    public static func proxmoxNumber(_ label: Phrase, unit: String = "") -> Check {
        { value, _ in
            if value.isEmpty { return nil }
            guard PVEFormat.isProxmoxNumber(value), let number = Double(value) else {
                return Issue("\(label) must be a number, not '\(shown(value))'")
            }
            if number < 0 { return .stricter("\(label) cannot be negative (got \(value))", "QEMU refuses a negative limit when the VM starts") }
            return nil
        }
    }

    /// A whole number of at least `min` with no upper limit (Proxmox's schema has none), as in `integer`.
    public static func count(_ label: Phrase, min: Int, unit: String = "", required: Bool = false) -> Check {
        { value, _ in integerIssue(label, value, min: min, max: Int.max, unit: unit, required: required) }
    }

    /// Decimal number in a range with at most `decimals` digits after the point.
    public static func decimal(
        _ label: Phrase, min: Double, max: Double, decimals: Int, unit: String = "", required: Bool = false
    ) -> Check {
        { value, _ in
            let suffix = unit.isEmpty ? "" : " \(unit)"
            if value.isEmpty { return required ? Issue("\(label) is required") : nil }
            guard PVEFormat.isPlainDecimal(value, maxDecimals: decimals), let number = Double(value) else {
                return Issue("\(label) must be a number with at most \(decimals) decimals, not '\(shown(value))'")
            }
            if number < min { return Issue("\(label) must be at least \(Checks.number(min))\(suffix) (got \(value))") }
            if number > max { return Issue("\(label) must be at most \(Checks.number(max))\(suffix) (got \(value))") }
            return nil
        }
    }

    public static func number(_ number: Double) -> String {
        number == number.rounded() ? String(Int(number)) : String(number)
    }

    /// "1" or "0".
    public static func flag(_ label: Phrase) -> Check {
        { value, _ in value == "1" || value == "0" ? nil : Issue("\(label) must be 1 or 0, not '\(shown(value))'") }
    }

    /// A storage on the target node that holds `content`.
    public static func storage(_ label: Phrase, content: String, required: Bool = true) -> Check {
        { value, ctx in
            if value.isEmpty { return required ? Issue("\(label) is required: pick a storage") : nil }
            if let reason = PVEFormat.storageID(value) { return Issue("\(label) '\(shown(value))': \(reason)") }
            let node = ctx.model.targetNode
            guard let storage = ctx.host.storage(value) else {
                return Issue("\(label): storage '\(value)' does not exist on this cluster")
            }
            if storage.disabled { return Issue("\(label): storage '\(value)' is disabled") }
            if !storage.isEnabled(on: node) { return Issue("\(label): storage '\(value)' is not available on node \(node)") }
            if !storage.content.contains(content) {
                let what: Phrase = content == "images" ? "VM disk images" : "\(content) content"
                return Issue("\(label): storage '\(value)' does not hold \(what)")
            }
            return nil
        }
    }

    /// A disk format the chosen storage supports.
    public static func format(_ label: Phrase, storageField: FieldID) -> Check {
        { value, ctx in
            let storage = ctx.value(storageField)
            let formats = ctx.model.formats(ofStorage: storage)
            if formats.contains(value) { return nil }
            return Issue("\(label) '\(shown(value))' is not supported by storage '\(storage)' (supported: \(formats.joined(separator: ", ")))")
        }
    }
}
