import VMWizardPlatform

/// Reads another cluster node's bridges and ISO lists through `pvesh` (Proxmox forwards the call to that
/// node). Slow and possibly hanging, so callers run it off the UI thread; each call has a timeout.
public struct RemoteNodeLoader: Sendable {
    public var pvesh: String
    public var timeout: TimeInterval

    public init(pvesh: String = "pvesh", timeout: TimeInterval = 15) {
        self.pvesh = pvesh
        self.timeout = timeout
    }

    public func load(node: String, isoStorages: [String]) -> RemoteNodeResources {
        guard let bridgeJSON = run(["get", "/nodes/\(node)/network", "--type", "any_bridge", "--output-format", "json"]) else {
            return RemoteNodeResources(status: .failed("could not read the bridges of node \(node) with \(pvesh)"))
        }
        var resources = RemoteNodeResources(status: .loaded, bridges: Self.parseBridges(bridgeJSON))
        for storage in isoStorages {
            let path = "/nodes/\(node)/storage/\(storage)/content"
            if let json = run(["get", path, "--content", "iso", "--output-format", "json"]) {
                resources.isoImages[storage] = Self.parseISOContent(json)
            }
        }
        return resources
    }

    /// Runs pvesh and returns its output, or nil on failure or timeout.
    func run(_ arguments: [String]) -> String? {
        let runner = CommandRunner(argv: [pvesh] + arguments)
        do { try runner.start(onLine: { _ in }) } catch { return nil }
        let deadline = Date().addingTimeInterval(timeout)
        while runner.isRunning && Date() < deadline { usleep(20_000) }
        if runner.isRunning {
            // Do not wait for its output to drain: a stuck child of it may hold the pipe open for long.
            runner.terminate()
            return nil
        }
        return runner.wait() == 0 ? runner.lines.joined(separator: "\n") : nil
    }

    /// `pvesh get /nodes/N/network --type any_bridge --output-format json`: Linux and OVS bridges and vnets.
    public static func parseBridges(_ json: String) -> [Bridge] {
        guard let items = objects(json) else { return [] }
        return items.compactMap { item in
            guard let name = item["iface"]?.stringValue else { return nil }
            let kind: Bridge.Kind
            switch item["type"]?.stringValue {
            case "OVSBridge": kind = .ovs
            case "vnet": kind = .vnet
            default: kind = .linux
            }
            let comment = (item["comments"]?.stringValue ?? "").split(whereSeparator: \.isNewline).joined(separator: " ")
            return Bridge(name: name, kind: kind, comment: comment, active: flag(item["active"]),
                          vlanAware: flag(item["bridge_vlan_aware"]) || flag(item["vlanaware"]), zone: item["zone"]?.stringValue)
        }.sorted { NaturalOrder.compare($0.name, $1.name) == .orderedAscending }
    }

    /// `pvesh get /nodes/N/storage/S/content --content iso --output-format json`.
    public static func parseISOContent(_ json: String) -> [ISOImage] {
        guard let items = objects(json) else { return [] }
        return items.compactMap { item in
            guard let volid = item["volid"]?.stringValue else { return nil }
            let size: Int64
            switch item["size"] {
            case .number(let number)?: size = number.magnitude < 9.2e18 ? Int64(number) : 0
            case .bool(let on)?: size = on ? 1 : 0
            case .string(let text)?: size = Int64(text) ?? 0
            default: size = 0
            }
            return ISOImage(volid: volid, fileName: ISODetection.fileName(ofVolume: volid), sizeBytes: size)
        }.sorted { NaturalOrder.compare($0.fileName, $1.fileName) == .orderedAscending }
    }

    /// The array of objects pvesh prints; nil for anything else (not JSON, or an element not an object).
    static func objects(_ json: String) -> [[String: InventoryJSON.Value]]? {
        guard case .array(let items)? = try? InventoryJSON.parse(Array(json.utf8)) else { return nil }
        let objects = items.compactMap(\.objectValue)
        return objects.count == items.count ? objects : nil
    }

    /// Perl's JSON may give 1, "1" or true.
    static func flag(_ value: InventoryJSON.Value?) -> Bool {
        switch value {
        case .number(let number)?: return number.rounded(.towardZero) != 0
        case .string(let text)?: return text == "1" || text == "true"
        case .bool(let on)?: return on
        default: return false
        }
    }
}
