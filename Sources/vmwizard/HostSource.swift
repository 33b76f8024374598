import VMWizardPlatform
import VMWizardCore
import Dispatch

/// Picks the host to work on: the node's files under `root`, or the demo host where no PVE is present.
/// It never falls back to the demo host silently where that would hide a real problem: a `--root` that is not
/// there, a node whose cluster file system is down, or batch mode (which would print a VM for a host that
/// does not exist) all refuse with the reason.
enum HostSource {
    struct Refusal: Error {
        var reason: Phrase
    }

    static func load(root: String, rootGiven: Bool, forceDemo: Bool, interactive: Bool)
        -> Result<(host: HostInventory, note: Phrase?), Refusal> {
        if forceDemo { return .success((HostInventory.demo, nil)) }
        if rootGiven {
            var info = stat()
            if stat(root, &info) != 0 {
                let reason = SystemError.text(errno)
                return .failure(Refusal(reason: "--root \(root): \(reason)"))
            }
            if (info.st_mode & S_IFMT) != S_IFDIR {
                return .failure(Refusal(reason: "--root \(root): not a directory"))
            }
        }
        if HostInventoryLoader.clusterFilesystemLooksDown(root: root) {
            let pve: Phrase = .verbatim((root.hasSuffix("/") ? root : root + "/") + "etc/pve")
            return .failure(Refusal(reason:
                "Proxmox VE is installed here, but \(pve) is empty: the cluster file system (pve-cluster) is not running. Start it with 'systemctl start pve-cluster' and try again, or use --demo to try the wizard on the built-in demo host."))
        }
        guard HostInventoryLoader.looksLikePVE(root: root) else {
            let place: Phrase = rootGiven ? .verbatim(root) : "this machine"
            if rootGiven {
                return .failure(Refusal(reason:
                    "no Proxmox VE configuration under --root \(root) (neither etc/pve/.members nor etc/pve/storage.cfg); use --demo for the built-in demo host"))
            }
            if !interactive {
                return .failure(Refusal(reason:
                    "no Proxmox VE found on \(place): batch mode works only on a Proxmox VE node (or with --demo, which prints for the built-in demo host)"))
            }
            return .success((HostInventory.demo, "No Proxmox VE found on \(place): using the built-in demo host (nothing is created)."))
        }
        // The wizard lists ISO folders in the background; batch mode needs them before it validates.
        guard var host = loadWithDeadline(root: root, listLocalISOFolders: !interactive) else {
            let files = BoundedFile.inProgress.joined(separator: ", ")
            return .failure(Refusal(reason:
                "reading the host's files did not finish within \(Int(loadDeadline)) s (still reading: \(files.isEmpty ? "unknown" : files)); is pmxcfs or a network mount hanging?"))
        }
        if !interactive {
            listNetworkISOFolders(&host, root: root)
            listExistingVolumes(&host)
            loadPassthrough(&host, root: root)
        }
        return .success((host, nil))
    }

    /// The node's PCI and USB devices and mappings (local sysfs and /etc/pve files: quick, bounded reads);
    /// what could not be read becomes a host warning.
    static func loadPassthrough(_ host: inout HostInventory, root: String) {
        let inventory = PassthroughInventoryLoader.load(root: root, nodeName: host.localNode)
        host.passthrough = inventory
        host.warnings += inventory.problems.map { "passthrough: \($0)" }
    }

    /// Batch mode checks the LUNs an answers file picks on iSCSI storages: every such storage of this node is
    /// listed through Proxmox now, all at once, each with a timeout; a volume picked on one that fails is warned about.
    static func listExistingVolumes(_ host: inout HostInventory) {
        let storages = host.storages(withContent: "images", on: host.localNode).filter(\.selectsExistingVolumes).map(\.id)
        guard !storages.isEmpty else { return }
        let box = VolumeResults()
        let group = DispatchGroup()
        let node = host.localNode
        for storage in storages {
            group.enter()
            DetachedThread.start {
                box.set(storage, StorageVolumeLoader(timeout: 10).list(storage: storage, node: node))
                group.leave()
            }
        }
        group.wait()
        // A failed listing is said where an answer picks a volume of that storage (the field's warning).
        for storage in storages { host.existingVolumes[storage] = box.value[storage] ?? .failed("not listed") }
    }

    private final class VolumeResults: @unchecked Sendable {
        private let lock = Lock()
        private var listings: [String: VolumeListing] = [:]
        func set(_ storage: String, _ listing: VolumeListing) { lock.withLock { listings[storage] = listing } }
        var value: [String: VolumeListing] { lock.withLock { listings } }
    }

    /// Batch mode checks ISO images on network storages too: their folders are listed now, each with a
    /// timeout; one that does not answer stays unlisted, with a warning, so its ISO names are not checked.
    static func listNetworkISOFolders(_ host: inout HostInventory, root: String) {
        guard !host.isoListingPending.isEmpty else { return }
        let done = DispatchSemaphore(value: 0)
        let box = ListingResults()
        let snapshot = host
        Task.detached {
            box.set(await HostInventoryLoader.listPendingISOs(for: snapshot, root: root, timeout: .seconds(5)))
            done.signal()
        }
        done.wait()
        for result in box.value {
            if result.outcome == .timedOut {
                host.warnings.append("ISO folder of storage '\(result.storageID)' did not answer within 5 s; its ISO images are not checked")
            } else {
                host.apply(result)
            }
        }
    }

    private final class ListingResults: @unchecked Sendable {
        private let lock = Lock()
        private var results: [ISOListingResult] = []
        func set(_ results: [ISOListingResult]) { lock.withLock { self.results = results } }
        var value: [ISOListingResult] { lock.withLock { results } }
    }

    /// Host files are regular files read with a size bound, but a read can still hang in the kernel (a stuck
    /// pmxcfs, a dead mount): the load runs on its own thread and vmwizard stops waiting after this long.
    static let loadDeadline: Double = 10

    static func loadWithDeadline(root: String, listLocalISOFolders: Bool) -> HostInventory? {
        let done = DispatchSemaphore(value: 0)
        let result = LoadResult()
        DetachedThread.start {
            result.set(HostInventoryLoader.load(root: root, listLocalISOFolders: listLocalISOFolders))
            done.signal()
        }
        guard done.wait(timeout: .now() + loadDeadline) == .success else { return nil }
        return result.value
    }

    private final class LoadResult: @unchecked Sendable {
        private let lock = Lock()
        private var host: HostInventory?
        func set(_ host: HostInventory) { lock.withLock { self.host = host } }
        var value: HostInventory? { lock.withLock { host } }
    }
}
