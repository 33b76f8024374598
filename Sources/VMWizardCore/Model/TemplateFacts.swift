/// Values a template (a VM config file) gave for fields that name something on the host: a bridge, an ISO
/// image. The template comes from another VM, often another node: when this node lacks the thing, Proxmox still
/// creates the VM (it cannot start until the thing exists), so vmwizard warns instead of refusing, but only for
/// the template's own value; a value typed in the wizard must exist.
extension VMModel {
    /// Fields whose template value is remembered.
    static let templateFactFields: Set<FieldID> = [.netBridge, .isoImage, .virtioImage]

    static func templateKey(_ id: FieldID) -> String { id.rawValue + "@template" }

    /// True when `value` is the value the template gave this field.
    public func isTemplateValue(_ id: FieldID, item: Int?, _ value: String) -> Bool {
        let key = Self.templateKey(id)
        guard let items = VMDraft.items(OptionCatalog.spec(id)?.scope ?? .vm) else { return draft.values[key] == value }
        guard let item, draft[keyPath: items].indices.contains(item) else { return false }
        return draft[keyPath: items][item].values[key] == value
    }
}
