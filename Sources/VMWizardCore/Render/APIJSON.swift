/// The body of `POST /nodes/{node}/qemu` (what `pvesh create /nodes/NODE/qemu` takes), as JSON.
public enum APIJSON {
    public static func render(_ model: VMModel, includeStart: Bool = true) -> String {
        let params = PVEParameters.build(model, includeStart: includeStart)
        let lines = params.map { param -> String in
            let value: String
            switch param.kind {
            case .integer, .number, .boolean:
                value = isJSONNumber(param.value) ? param.value : quote(param.value)
            case .string:
                value = quote(param.value)
            }
            return "  \(quote(param.key)): \(value)"
        }
        return "{\n" + lines.joined(separator: ",\n") + "\n}\n"
    }

    static func isJSONNumber(_ text: String) -> Bool {
        PVEFormat.isPlainDecimal(text, maxDecimals: 12) && !(text.count > 1 && text.hasPrefix("0") && !text.hasPrefix("0."))
    }

    /// JSON string literal.
    public static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
