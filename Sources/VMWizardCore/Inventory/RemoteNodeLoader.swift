import Foundation

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
        guard let items = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]] else { return [] }
        return items.compactMap { item in
            guard let name = item["iface"] as? String else { return nil }
            let kind: Bridge.Kind
            switch item["type"] as? String {
            case "OVSBridge": kind = .ovs
            case "vnet": kind = .vnet
            default: kind = .linux
            }
            let comment = ((item["comments"] as? String) ?? "").split(whereSeparator: \.isNewline).joined(separator: " ")
            return Bridge(name: name, kind: kind, comment: comment, active: flag(item["active"]),
                          vlanAware: flag(item["bridge_vlan_aware"]) || flag(item["vlanaware"]), zone: item["zone"] as? String)
        }.sorted { $0.name.compare($1.name, options: .numeric) == .orderedAscending }
    }

    /// `pvesh get /nodes/N/storage/S/content --content iso --output-format json`.
    public static func parseISOContent(_ json: String) -> [ISOImage] {
        guard let items = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]] else { return [] }
        return items.compactMap { item in
            guard let volid = item["volid"] as? String else { return nil }
            let size = (item["size"] as? NSNumber)?.int64Value ?? Int64((item["size"] as? String) ?? "") ?? 0
            return ISOImage(volid: volid, fileName: ISODetection.fileName(ofVolume: volid), sizeBytes: size)
        }.sorted { $0.fileName.compare($1.fileName, options: .numeric) == .orderedAscending }
    }

    /// Perl's JSON may give 1, "1" or true.
    static func flag(_ value: Any?) -> Bool {
        switch value {
        case let number as NSNumber: return number.intValue != 0
        case let text as String: return text == "1" || text == "true"
        case let bool as Bool: return bool
        default: return false
        }
    }
}
