import VMWizardPlatform
import Dispatch

/// The outcome of reading one storage's ISO folder in the background.
public struct ISOListingResult: Sendable, Equatable {
    public enum Outcome: Sendable, Equatable {
        /// `images` is the complete list (possibly empty).
        case listed
        /// A network storage whose mount point is not in `/proc/mounts`: nothing to list.
        case notMounted
        /// The folder did not answer within the timeout (a hung network mount); `images` is empty.
        case timedOut
        /// The folder could not be read, or the storage has no path.
        case failed
    }

    public var storageID: String
    public var images: [ISOImage]
    public var outcome: Outcome
    /// A short sentence for the UI when the outcome is not `.listed`, e.g. "/mnt/pve/isos is not mounted".
    public var note: Phrase?

    public init(storageID: String, images: [ISOImage], outcome: Outcome, note: Phrase? = nil) {
        self.storageID = storageID
        self.images = images
        self.outcome = outcome
        self.note = note
    }
}

extension HostInventoryLoader {
    /// Lists a storage's ISO images off the caller's thread. The blocking readdir runs on its own thread
    /// and races a timer: when the folder hangs (dead NFS server) the result is `.timedOut` after
    /// `timeout`, and the stuck thread is left behind to finish on its own. Network storages are first
    /// checked against `<root>/proc/mounts`; an unmounted one gives `.notMounted` without touching it.
    public static func listISOs(storage: Storage, root: String, timeout: Duration) async -> ISOListingResult {
        guard let path = storage.path else {
            return ISOListingResult(storageID: storage.id, images: [], outcome: .failed,
                                    note: "storage '\(storage.id)' has no folder path")
        }
        let folder = path + "/" + InventoryStorageConfig.isoSubfolder(of: storage)

        if InventoryStorageConfig.networkFileTypes.contains(storage.type),
           case .ok(let bytes) = InventoryFiles.read(InventoryFiles.join(root, InventoryHostFiles.mountsPath)) {
            let mounts = InventoryHostFiles.parseMounts(bytes)
            let point = normalizedMountPoint(path)
            if !mounts.contains(where: { normalizedMountPoint($0.point) == point }) {
                return ISOListingResult(storageID: storage.id, images: [], outcome: .notMounted,
                                        note: "\(point) is not mounted")
            }
        }

        let fullPath = InventoryFiles.join(root, folder)
        let storageID = storage.id
        let scan = await BlockingWork.run(timeout: timeout) {
            InventoryFiles.scanISOFolder(fullPath, storageID: storageID)
        }
        switch scan {
        case .ok(let images)?:
            return ISOListingResult(storageID: storageID, images: images, outcome: .listed)
        case .missing?:
            return ISOListingResult(storageID: storageID, images: [], outcome: .listed, note: "\(folder) does not exist")
        case .failed(let reason)?:
            return ISOListingResult(storageID: storageID, images: [], outcome: .failed,
                                    note: "cannot list \(folder) (\(reason))")
        case nil:
            return ISOListingResult(storageID: storageID, images: [], outcome: .timedOut,
                                    note: "\(folder) did not answer within \(BlockingWork.describe(timeout))")
        }
    }

    /// Lists every storage in `inventory.isoListingPending` concurrently; results in storage.cfg order.
    public static func listPendingISOs(
        for inventory: HostInventory, root: String, timeout: Duration
    ) async -> [ISOListingResult] {
        let storages = inventory.storages.filter { inventory.isoListingPending.contains($0.id) }
        return await withTaskGroup(of: (Int, ISOListingResult).self) { group in
            for (index, storage) in storages.enumerated() {
                group.addTask { (index, await listISOs(storage: storage, root: root, timeout: timeout)) }
            }
            var results: [(Int, ISOListingResult)] = []
            for await item in group { results.append(item) }
            return results.sorted { $0.0 < $1.0 }.map(\.1)
        }
    }

    private static func normalizedMountPoint(_ path: String) -> String {
        var text = path
        while text.count > 1, text.hasSuffix("/") { text.removeLast() }
        return text
    }
}

/// Runs blocking work (a readdir on a possibly hung network mount, a slow subprocess) on its own
/// thread and waits for it at most `timeout`.
public enum BlockingWork {
    /// The work's result, or nil when it did not finish within `timeout`. On timeout the thread is left
    /// to finish (or stay blocked) on its own; a thread stuck in the kernel cannot be cancelled.
    public static func run<T: Sendable>(
        timeout: Duration, _ work: @escaping @Sendable () -> T
    ) async -> T? {
        let race = Race<T>()
        return await withCheckedContinuation { (continuation: CheckedContinuation<T?, Never>) in
            race.arm(continuation)
            DetachedThread.start { race.finish(work()) }
            // A dispatch timer rather than a sleeping Task: it fires even while every thread of the
            // concurrency pool is busy.
            let timer = DispatchWorkItem { race.finish(nil) }
            race.setTimer(timer)
            DispatchQueue.global().asyncAfter(deadline: .now() + dispatchInterval(timeout), execute: timer)
        }
    }

    static func dispatchInterval(_ duration: Duration) -> DispatchTimeInterval {
        let (seconds, attoseconds) = duration.components
        let nanos = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        guard !nanos.overflow, seconds >= 0 else { return seconds < 0 ? .nanoseconds(0) : .never }
        let total = nanos.partialValue.addingReportingOverflow(attoseconds / 1_000_000_000)
        return total.overflow ? .never : .nanoseconds(Int(clamping: total.partialValue))
    }

    static func describe(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let millis = seconds * 1000 + attoseconds / 1_000_000_000_000_000
        if millis % 1000 == 0 { return "\(millis / 1000) s" }
        return "\(millis) ms"
    }

    /// Resumes the continuation exactly once: whichever of the worker and the timer comes first.
    private final class Race<T: Sendable>: @unchecked Sendable {
        private let lock = Lock()
        private var continuation: CheckedContinuation<T?, Never>?
        private var timer: DispatchWorkItem?
        private var done = false

        func arm(_ continuation: CheckedContinuation<T?, Never>) {
            lock.withLock { self.continuation = continuation }
        }

        func setTimer(_ task: DispatchWorkItem) {
            let alreadyDone = lock.withLock {
                if !done { timer = task }
                return done
            }
            if alreadyDone { task.cancel() }
        }

        func finish(_ result: T?) {
            let claimed: (CheckedContinuation<T?, Never>, DispatchWorkItem?)? = lock.withLock {
                guard !done, let continuation else { return nil }
                done = true
                self.continuation = nil
                let timer = self.timer
                self.timer = nil
                return (continuation, timer)
            }
            guard case let (continuation, timer)? = claimed else { return }
            timer?.cancel()
            continuation.resume(returning: result)
        }
    }
}

extension HostInventory {
    /// Stores a background ISO listing: sets `isoImages[id]` and clears the storage from `isoListingPending`.
    public mutating func apply(_ listing: ISOListingResult) {
        isoImages[listing.storageID] = listing.images
        isoListingPending.remove(listing.storageID)
    }
}
