import Foundation
import VMWizardCore

/// Times `HostInventoryLoader.load(root:)` on the large generated cluster fixture.
public enum InventoryBenchmark {
    /// Creates the large fixture in a temporary folder once, loads it once to warm the caches, then
    /// times `iterations` loads. Returns a printable report (median, min, max in ms and the counts).
    public static func run(iterations: Int) throws -> String {
        let runs = max(1, iterations)
        let dir = FileManager.default.temporaryDirectory
            .appendingPathComponent("vmwizard-inventory-bench-\(ProcessInfo.processInfo.processIdentifier)")
        let createStart = ContinuousClock.now
        try LargeClusterFixture.create(at: dir)
        let createTime = ContinuousClock.now - createStart
        defer { try? FileManager.default.removeItem(at: dir) }

        let root = dir.path
        var inventory = HostInventoryLoader.load(root: root)  // warm-up
        var samples: [Double] = []
        samples.reserveCapacity(runs)
        let clock = ContinuousClock()
        for _ in 0..<runs {
            let elapsed = clock.measure { inventory = HostInventoryLoader.load(root: root) }
            samples.append(milliseconds(elapsed))
        }
        samples.sort()
        let median = runs % 2 == 1 ? samples[runs / 2] : (samples[runs / 2 - 1] + samples[runs / 2]) / 2
        let isoCount = inventory.isoImages.values.reduce(0) { $0 + $1.count }
        func format(_ value: Double) -> String { String(format: "%.2f", value) }
        return """
            HostInventoryLoader.load(root:) on the large cluster fixture (\(runs) runs)
              median \(format(median)) ms, min \(format(samples[0])) ms, max \(format(samples[runs - 1])) ms
              guests \(inventory.guests.count), storages \(inventory.storages.count), ISO images \(isoCount) \
            (\(inventory.isoImages.count) storages listed, \(inventory.isoListingPending.count) pending), \
            bridges \(inventory.bridges.count), pools \(inventory.pools.count), nodes \(inventory.nodes.count)
              next free VMID \(inventory.nextFreeVMID().map(String.init) ?? "none"), warnings \(inventory.warnings.count)
              fixture created in \(format(milliseconds(createTime))) ms
            """
    }

    static func milliseconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) * 1000 + Double(attoseconds) / 1e15
    }
}
