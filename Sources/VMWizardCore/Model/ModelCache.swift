import VMWizardPlatform

/// Remembers what a model computed (effective values, disk slots, issues) until the draft or the host
/// changes. Defaults depend on other fields, so without this one screen would recompute the same defaults
/// thousands of times. Every mutation of the model replaces the cache, so a cached answer is never stale.
final class ModelCache: @unchecked Sendable {
    private let lock = Lock()
    private var values: [FieldRef: String] = [:]
    private var issues: [FieldRef: Issue?] = [:]
    private var tabIssues: [Tab: [Issue]] = [:]
    private var slots: [DiskSlot?]?
    private var virtioISO: ISOImage??

    private func read<T>(_ body: () -> T) -> T {
        lock.withLock(body)
    }

    // The lock is not held while a value is computed: computing one value asks for others.
    func value(_ ref: FieldRef, compute: () -> String) -> String {
        if let known = read({ values[ref] }) { return known }
        let computed = compute()
        read { values[ref] = computed }
        return computed
    }

    func issue(_ ref: FieldRef, compute: () -> Issue?) -> Issue? {
        if let known = read({ issues[ref] }) { return known }
        let computed = compute()
        read { issues[ref] = .some(computed) }
        return computed
    }

    func issues(in tab: Tab, compute: () -> [Issue]) -> [Issue] {
        if let known = read({ tabIssues[tab] }) { return known }
        let computed = compute()
        read { tabIssues[tab] = computed }
        return computed
    }

    func diskSlots(compute: () -> [DiskSlot?]) -> [DiskSlot?] {
        if let known = read({ slots }) { return known }
        let computed = compute()
        read { slots = computed }
        return computed
    }

    func bestVirtioISO(compute: () -> ISOImage?) -> ISOImage? {
        if let known = read({ virtioISO }) { return known }
        let computed = compute()
        read { virtioISO = .some(computed) }
        return computed
    }
}
