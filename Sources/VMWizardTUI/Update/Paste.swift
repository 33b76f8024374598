import VMWizardCore

extension WizardState {
    /// A bracketed paste: text for the text field (or picker filter, or path prompt) that has focus, inserted in
    /// one piece and never read as keys. Line breaks and tabs become spaces and other control characters are
    /// dropped, since every field is one line; spaces around it are trimmed (a copied "32\n" is 32).
    mutating func paste(_ text: String) -> [Effect] {
        guard apply == nil else { return [] }
        var clean = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar == "\n" || scalar == "\t" {
                clean.append(" ")
            } else if !TerminalText.mustEscape(scalar) {
                clean.append(scalar)
            }
        }
        let pasted = String(clean).trimmingWhitespace()
        guard !pasted.isEmpty else { return [] }
        // Keys keep their lines: several pasted keys are several keys.
        if overlay == nil, let (spec, _) = focusedField, spec.kind == .keyList {
            addKeys(fromText: text, origin: "the pasted text")
            return []
        }
        switch overlay {
        case .secretPrompt(let field, let typed):
            overlay = .secretPrompt(field: field, text: typed + pasted)
        case .picker(var picker):
            picker.filter += pasted
            picker.selected = 0
            picker.scroll = 0
            overlay = .picker(picker)
        case .pathPrompt(let text, let cursor):
            var chars = Array(text)
            let at = min(max(0, cursor), chars.count)
            chars.insert(contentsOf: pasted, at: at)
            overlay = .pathPrompt(text: String(chars), cursor: at + pasted.count)
        case nil:
            guard let (spec, ref) = focusedField, focusTakesText else {
                setStatus("Pasted text goes into a text field: move to one first", error: true)
                return []
            }
            if case .integer = spec.kind, !pasted.allSatisfy({ $0.isASCIIDigit }) {
                setStatus("\(spec.label) takes a whole number; the pasted text is not one", error: true)
                return []
            }
            if case .decimal = spec.kind, !pasted.allSatisfy({ $0.isASCIIDigit || $0 == "." }) {
                setStatus("\(spec.label) takes a number; the pasted text is not one", error: true)
                return []
            }
            // A selected value is replaced by the paste.
            var chars = textSelected ? [] : Array(model.value(ref.id, item: ref.item))
            textSelected = false
            let at = min(max(0, cursor), chars.count)
            chars.insert(contentsOf: pasted, at: at)
            model.set(ref.id, item: ref.item, to: String(chars))
            cursor = at + pasted.count
        default:
            return []
        }
        return []
    }
}
