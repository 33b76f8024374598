import VMWizardPlatform

/// Lists the volumes of a storage whose disks are picked rather than allocated (iSCSI), through `pvesh` as the
/// web UI does: Proxmox logs in to the target and reads its LUNs. Slow and possibly hanging (a dead portal),
/// so callers run it off the UI thread, with a timeout.
public struct StorageVolumeLoader: Sendable {
    public var pvesh: String
    public var timeout: TimeInterval

    public init(pvesh: String = "pvesh", timeout: TimeInterval = 15) {
        self.pvesh = pvesh
        self.timeout = timeout
    }

    public func list(storage: String, node: String) -> VolumeListing {
        let runner = RemoteNodeLoader(pvesh: pvesh, timeout: timeout)
        let path = "/nodes/\(node)/storage/\(storage)/content"
        guard let json = runner.run(["get", path, "--content", "images", "--output-format", "json"]) else {
            return .failed("could not list the volumes of storage \(storage) with \(pvesh) (within \(Int(timeout)) s)")
        }
        guard let volumes = Self.parse(json, storage: storage) else {
            return .failed("\(pvesh) answered something other than a volume list for storage \(storage)")
        }
        return .loaded(volumes)
    }

    /// `pvesh get /nodes/N/storage/S/content --content images --output-format json`: the storage's own volumes,
    /// named by what follows the storage ID, in natural order; nil when the answer is not such a list.
    public static func parse(_ json: String, storage: String) -> [ISOImage]? {
        guard RemoteNodeLoader.objects(json) != nil else { return nil }
        return RemoteNodeLoader.parseISOContent(json).filter { $0.volid.hasPrefix(storage + ":") && $0.volid.count > storage.count + 1 }
            .map { ISOImage(volid: $0.volid, fileName: String($0.volid.dropFirst(storage.count + 1)), sizeBytes: $0.sizeBytes) }
            .sorted { NaturalOrder.compare($0.fileName, $1.fileName) == .orderedAscending }
    }
}
