extension VMModel {
    /// The problem with one field, if it counts (visible and enabled) and has one.
    public func issue(_ spec: FieldSpec, item: Int? = nil) -> Issue? {
        cache.issue(FieldRef(spec.id, item: item)) { computeIssue(spec, item: item) }
    }

    func computeIssue(_ spec: FieldSpec, item: Int?) -> Issue? {
        guard isActive(spec, item: item) else { return nil }
        let ctx = context(item: item)
        let value = self.value(spec.id, item: item)
        var found: Issue?
        switch spec.kind {
        case .flag:
            if value != "1" && value != "0" { found = Issue("\(spec.label) must be 1 or 0, not '\(Checks.shown(value))'") }
        case .choice:
            let choices = spec.choices(ctx)
            if !choices.contains(where: { $0.value == value }) {
                // The field's own rule says why a value is not offered (e.g. not for this architecture); else the
                // labels the screen shows, not raw config values.
                found = spec.validate(value, ctx).flatMap { $0.isError ? $0 : nil }
                    ?? Issue("\(spec.label) '\(Checks.shown(value))' is not allowed; choose one of: \(Phrase.list(choices.map(\.label)))")
            }
        default:
            break
        }
        if found == nil { found = spec.validate(value, ctx) }
        guard var issue = found else { return nil }
        issue.field = FieldRef(spec.id, item: item)
        return issue
    }

    public func issue(_ id: FieldID, item: Int? = nil) -> Issue? {
        OptionCatalog.spec(id).flatMap { issue($0, item: item) }
    }

    /// Every item index a field has: nil for VM-wide fields, each disk or NIC otherwise.
    public func items(of spec: FieldSpec) -> [Int?] {
        guard let items = VMDraft.items(spec.scope) else { return [nil] }
        return draft[keyPath: items].indices.map { $0 }
    }

    /// All problems of a tab, in field order (per-item fields item by item).
    public func issues(in tab: Tab) -> [Issue] {
        cache.issues(in: tab) { computeIssues(in: tab) }
    }

    func computeIssues(in tab: Tab) -> [Issue] {
        let specs = OptionCatalog.specs(in: tab)
        let perItem = specs.filter { $0.scope != .vm }
        var result = specs.filter { $0.scope == .vm }.compactMap { issue($0, item: nil) }
        let count = perItem.first.map { itemCount($0.scope) } ?? 0
        for item in 0..<count {
            result += perItem.compactMap { issue($0, item: item) }
        }
        if tab == .confirm { result += keptSettingIssues }
        return result
    }

    /// All problems, in tab order.
    public func issues() -> [Issue] {
        Tab.allCases.flatMap { issues(in: $0) }
    }

    public var errors: [Issue] { issues().filter(\.isError) }

    /// The first tab holding an error; tabs after it are locked in the wizard.
    public var firstInvalidTab: Tab? {
        Tab.allCases.first { tab in issues(in: tab).contains(where: \.isError) }
    }

    public var isValid: Bool { firstInvalidTab == nil }
}
