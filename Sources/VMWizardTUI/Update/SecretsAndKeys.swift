import VMWizardCore

/// The cloud-init password (typed in a masked prompt, kept only as its hash) and the SSH key list (picked from
/// the node's keys, pasted, or read from a file).
extension WizardState {
    mutating func editSecret(_ key: Key, spec: FieldSpec, ref: FieldRef) {
        switch key {
        case .enter, .char(" "): overlay = .secretPrompt(field: ref, text: "")
        case .char(let character): overlay = .secretPrompt(field: ref, text: String(character))
        case .ctrl("u"), .delete, .backspace:
            model.set(ref.id, item: ref.item, to: "")
            setStatus("\(spec.label) removed")
        default: break
        }
    }

    mutating func handleSecretPrompt(_ key: Key, field: FieldRef, text: String) {
        var text = text
        switch key {
        case .escape:
            overlay = nil
            return
        case .enter:
            overlay = nil
            guard let spec = OptionCatalog.spec(field.id) else { return }
            if text.isEmpty {
                model.set(field.id, item: field.item, to: "")
                setStatus("\(spec.label) removed")
            } else if let hashed = PasswordHash.hash(text) {
                model.set(field.id, item: field.item, to: hashed)
                setStatus("\(spec.label) set: only its SHA-256-crypt hash is kept")
            } else {
                setStatus("\(spec.label) could not be hashed by the system's crypt; nothing was stored", error: true)
            }
            return
        case .char(let character): text.append(character)
        case .backspace: if !text.isEmpty { text.removeLast() }
        case .ctrl("u"): text = ""
        default: break
        }
        overlay = .secretPrompt(field: field, text: text)
    }

    mutating func editKeyList(_ key: Key, spec: FieldSpec, ref: FieldRef) {
        switch key {
        case .enter, .char(" "): openPicker(ref, filter: "")
        case .char(let character): openPicker(ref, filter: String(character))
        case .ctrl("u"):
            model.set(ref.id, item: ref.item, to: "")
            setStatus("\(spec.label): all removed")
        default: break
        }
    }

    /// Enter in the key picker: the selected key goes in or out; a key or a file path typed or pasted into the
    /// filter is added.
    mutating func pickKey(_ picker: PickerState, items: [Choice]) -> [Effect] {
        if items.indices.contains(picker.selected) {
            guard case .success(let key) = SSHPublicKey.parse(Substring(items[picker.selected].value)) else { return [] }
            if model.sshKeys.contains(where: { $0.blob == key.blob }) {
                model.changeSSHKeys(removing: key)
                setStatus("SSH key \(key.shortType) \(key.comment) taken out")
            } else {
                model.changeSSHKeys(adding: [key])
                setStatus("SSH key \(key.shortType) \(key.comment) added")
            }
            return []
        }
        let typed = picker.filter.trimmingWhitespace()
        if typed.hasPrefix("/") {
            return [.readKeyFile(path: typed)]
        }
        if !typed.isEmpty {
            var cleared = picker
            cleared.filter = ""
            overlay = .picker(cleared)
            addKeys(fromText: typed, origin: "the typed text")
        }
        return []
    }

    /// Adds every public key of a text (one per line); the first line that is not one is named instead.
    mutating func addKeys(fromText text: String, origin: Phrase) {
        let (keys, problem) = SSHPublicKey.parseList(text)
        if let (line, reason) = problem {
            setStatus("\(origin), line \(line): \(reason.phrase); nothing was added", error: true)
            return
        }
        guard !keys.isEmpty else {
            setStatus("\(origin) holds no SSH public key", error: true)
            return
        }
        let before = model.sshKeys.count
        model.changeSSHKeys(adding: keys)
        let added = model.sshKeys.count - before
        setStatus(added == 0 ? "Those SSH keys are already in the list" : "\(added) SSH key(s) added from \(origin)")
    }
}
