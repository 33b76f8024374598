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
            return Issue("\(label) must be a whole number, not '\(shown(value))'")
        }
        if number < min { return Issue("\(label) must be at least \(min)\(suffix) (got \(number))") }
        if number > max { return Issue("\(label) must be at most \(max)\(suffix) (got \(number))") }
        return nil
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
