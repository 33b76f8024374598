/// Every option of the wizard, declared once, in tab order.
public enum OptionCatalog {
    public static let specs: [FieldSpec] = general + os + system + passthrough + disks + cpu + memory + network + cloudInit + confirm

    private static let byID: [FieldID: FieldSpec] = Dictionary(specs.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })

    public static func spec(_ id: FieldID) -> FieldSpec? { byID[id] }

    public static func specs(in tab: Tab) -> [FieldSpec] { specs.filter { $0.tab == tab } }
}
