/// Proxmox VE's VM config schema as data (`PVESchemaTable.swift`, generated), and the checks a value of a
/// config key must pass to be taken as Proxmox would take it. Used for the settings vmwizard keeps from a
/// template without modelling them ("Other settings"): they are carried over only when they pass.
public enum PVESchema {
    public enum ValueType: Sendable { case string, integer, number, boolean }
    public enum FormatKind: Sendable { case propertyString, verifier }

    /// One key of the schema (top-level or inside a property string).
    struct SchemaValue: Sendable {
        var type: ValueType
        var enumValues: [String]?
        var minimum: Double?
        var maximum: Double?
        var maxLength: Int?
        var pattern: String?
        var format: String?
        var formatKind: FormatKind?
        var isList = false
        var alias: String?
        var keyAlias: String?
        var requires: String?
        var optional = true

        init(
            type: ValueType, enumValues: [String]? = nil, minimum: Double? = nil, maximum: Double? = nil,
            maxLength: Int? = nil, pattern: String? = nil, format: String? = nil, formatKind: FormatKind? = nil,
            isList: Bool = false, alias: String? = nil, keyAlias: String? = nil, requires: String? = nil,
            optional: Bool = true
        ) {
            self.type = type
            self.enumValues = enumValues
            self.minimum = minimum
            self.maximum = maximum
            self.maxLength = maxLength
            self.pattern = pattern
            self.format = format
            self.formatKind = formatKind
            self.isList = isList
            self.alias = alias
            self.keyAlias = keyAlias
            self.requires = requires
            self.optional = optional
        }
    }

    /// A property-string format: `k=v,k=v`, where a first part without `=` sets `defaultKey`.
    struct PropertyFormat: Sendable {
        var defaultKey: String?
        var keys: [String: SchemaValue]
    }

    /// The values Proxmox allows for one option of a property-string format (`anonymous:vga`, `type`).
    public static func enumValues(format: String, key: String) -> [String] {
        propertyFormats[format]?.keys[key]?.enumValues ?? []
    }

    /// True when Proxmox's VM config has this key (`hostpci3`, `hugepages`).
    public static func knows(_ key: String) -> Bool { configKeys[key] != nil }

    /// How the create call types the key's value (JSON numbers and booleans are written bare).
    static func paramKind(_ key: String) -> PVEParam.Kind {
        switch configKeys[key]?.type {
        case .integer: return .integer
        case .number: return .number
        case .boolean: return .boolean
        default: return .string
        }
    }

    /// The value as Proxmox would store it (booleans as 1/0, inside property strings too), or why Proxmox would
    /// refuse it.
    public static func normalized(key: String, value: String) -> Result<String, SchemaProblem> {
        guard let schema = configKeys[key] else { return .failure(SchemaProblem("'\(key)' is not a Proxmox VM option")) }
        return check(value, schema, name: key)
    }

    /// Options of a property-string key checked one by one against its format (`level=9` for `cpu`), without the
    /// keys the whole value needs (those come from the wizard). The options as Proxmox stores them, or why not.
    public static func normalizedOptions(key: String, options: [(key: String, value: String)]) -> Result<String, SchemaProblem> {
        guard let name = configKeys[key]?.format, let format = propertyFormats[name] else {
            return .failure(SchemaProblem("'\(key)' has no options Proxmox knows"))
        }
        var parts: [String] = []
        for (option, value) in options {
            guard let schema = format.keys[option] else {
                return .failure(SchemaProblem("\(key): '\(Checks.shown(option))' is not an option of \(key)"))
            }
            switch check(value, schema, name: "\(key) \(option)") {
            case .success(let checked): parts.append("\(schema.alias ?? option)=\(checked)")
            case .failure(let problem): return .failure(problem)
            }
        }
        return .success(parts.joined(separator: ","))
    }

    /// The parts of a property-string value of `key` (after aliases), nil when `key` is not one or it does not parse.
    public static func parts(key: String, value: String) -> [(key: String, value: String)]? {
        guard let name = configKeys[key]?.format, let format = propertyFormats[name] else { return nil }
        return try? splitProperties(value, format, name: key).get()
    }

    // MARK: Checks

    private static func check(_ value: String, _ schema: SchemaValue, name: String) -> Result<String, SchemaProblem> {
        var value = value
        // A config file holds one setting per line: a line break would smuggle in another key.
        if value.unicodeScalars.contains(where: { $0 == "\n" || $0 == "\r" || $0 == "\0" }) {
            return .failure(SchemaProblem("\(name): a value cannot hold line breaks"))
        }
        switch schema.type {
        case .boolean:
            guard let flag = AnswersImporter.boolean(value) else {
                return .failure(SchemaProblem("\(name): '\(Checks.shown(value))' is not a boolean (1/0, on/off, yes/no, true/false)"))
            }
            value = flag
        case .integer:
            guard isInteger(value) else { return .failure(SchemaProblem("\(name): '\(Checks.shown(value))' is not a whole number")) }
        case .number:
            guard PVEFormat.isProxmoxNumber(value) else { return .failure(SchemaProblem("\(name): '\(Checks.shown(value))' is not a number")) }
        case .string:
            break
        }
        if schema.type == .integer || schema.type == .number, let number = Double(value) {
            if let minimum = schema.minimum, number < minimum {
                return .failure(SchemaProblem("\(name): \(value) is below the minimum \(Checks.number(minimum))"))
            }
            if let maximum = schema.maximum, number > maximum {
                return .failure(SchemaProblem("\(name): \(value) is above the maximum \(Checks.number(maximum))"))
            }
        }
        if let values = schema.enumValues, !values.contains(value) {
            return .failure(SchemaProblem("\(name): '\(Checks.shown(value))' is not one of \(values.joined(separator: ", "))"))
        }
        if let maxLength = schema.maxLength, value.count > maxLength {
            return .failure(SchemaProblem("\(name): longer than \(maxLength) characters"))
        }
        if let pattern = schema.pattern, !SchemaPattern.wholeMatch(pattern, value) {
            return .failure(SchemaProblem("\(name): '\(Checks.shown(value))' does not have the form Proxmox expects"))
        }
        guard let format = schema.format else { return .success(value) }
        switch schema.formatKind ?? .verifier {
        case .propertyString:
            guard let spec = propertyFormats[format] else {
                return .failure(SchemaProblem("\(name): vmwizard cannot check the format '\(format)'"))
            }
            return checkProperties(value, spec, name: name)
        case .verifier:
            let items = schema.isList ? PVEFormat.splitList(value) : [value]
            for item in items {
                if let problem = SchemaVerifiers.check(format, item) { return .failure(SchemaProblem("\(name): \(problem)")) }
            }
            return .success(value)
        }
    }

    private static func isInteger(_ value: String) -> Bool {
        let digits = value.hasPrefix("-") || value.hasPrefix("+") ? Substring(value.dropFirst()) : Substring(value)
        return !digits.isEmpty && digits.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// `k=v` parts with aliases resolved (`e1000=MAC` is `model=e1000,macaddr=MAC`; `volume=` is `file=`).
    private static func splitProperties(_ value: String, _ format: PropertyFormat, name: String) -> Result<[(key: String, value: String)], SchemaProblem> {
        var parts: [(key: String, value: String)] = []
        var seen = Set<String>()
        for (index, part) in value.split(separator: ",", omittingEmptySubsequences: false).enumerated() {
            var key: String, text: String
            if let eq = part.firstIndex(of: "=") {
                key = String(part[..<eq])
                text = String(part[part.index(after: eq)...])
            } else if index == 0, let defaultKey = format.defaultKey {
                key = defaultKey
                text = String(part)
            } else if part.isEmpty {
                continue
            } else {
                return .failure(SchemaProblem("\(name): '\(Checks.shown(String(part)))' must be written as key=value"))
            }
            guard let schema = format.keys[key] else {
                return .failure(SchemaProblem("\(name): '\(Checks.shown(key))' is not an option of \(name)"))
            }
            if let keyAlias = schema.keyAlias, let alias = schema.alias {
                parts.append((keyAlias, key))
                guard seen.insert(keyAlias).inserted else { return .failure(SchemaProblem("\(name): option '\(keyAlias)' is given twice")) }
                key = alias
            } else if let alias = schema.alias {
                key = alias
            }
            guard seen.insert(key).inserted else { return .failure(SchemaProblem("\(name): option '\(key)' is given twice")) }
            parts.append((key, text))
        }
        return .success(parts)
    }

    /// Checks every part; the value comes back as written, only booleans spelled as Proxmox stores them (1/0).
    private static func checkProperties(_ value: String, _ format: PropertyFormat, name: String) -> Result<String, SchemaProblem> {
        let parts: [(key: String, value: String)]
        switch splitProperties(value, format, name: name) {
        case .success(let split): parts = split
        case .failure(let problem): return .failure(problem)
        }
        var checked: [String: String] = [:]
        let given = Set(parts.map(\.key))
        for (key, text) in parts {
            guard let schema = format.keys[key] else {
                return .failure(SchemaProblem("\(name): '\(Checks.shown(key))' is not an option of \(name)"))
            }
            switch check(text, schema, name: "\(name) \(key)") {
            case .success(let normalized): checked[key] = normalized
            case .failure(let problem): return .failure(problem)
            }
            if let requires = schema.requires, !given.contains(requires) {
                return .failure(SchemaProblem("\(name): \(key) needs \(requires)"))
            }
        }
        for (key, schema) in format.keys.sorted(by: { $0.key < $1.key }) where !schema.optional && schema.alias == nil && !given.contains(key) {
            return .failure(SchemaProblem("\(name): \(key) is required"))
        }
        // Rewrite only the values of booleans (`on` becomes 1), keeping each part as written.
        var rewritten: [String] = []
        for (index, part) in value.split(separator: ",", omittingEmptySubsequences: false).enumerated() {
            guard let eq = part.firstIndex(of: "=") else {
                if index == 0, let defaultKey = format.defaultKey, let normalized = checked[defaultKey] {
                    rewritten.append(normalized)
                } else {
                    rewritten.append(String(part))
                }
                continue
            }
            let written = String(part[..<eq])
            let key = format.keys[written]?.alias ?? written
            if format.keys[key]?.type == .boolean, let normalized = checked[key] {
                rewritten.append("\(written)=\(normalized)")
            } else {
                rewritten.append(String(part))
            }
        }
        return .success(rewritten.joined(separator: ","))
    }
}

/// Why a value does not pass Proxmox's schema, in English and translated when shown.
public struct SchemaProblem: Error, Equatable, Sendable {
    public var phrase: Phrase
    init(_ phrase: Phrase) { self.phrase = phrase }
}
