import Foundation
import VMWizardCore
import VMWizardFixtures
import VMWizardTUI

/// Per-key cost of the state machine: update plus render, over a fixed key stream, on the demo host.
func keyBenchmark(keys count: Int, language: Language = .en) -> String {
    let keys: [Key] = [.tab, .down, .down, .right, .char("1"), .backspace, .pageDown, .tab, .char(" "), .up, .pageUp, .left]
    var state = WizardState(model: VMModel(host: .demo), options: WizardOptions(language: language), width: 100, height: 30)
    state.model.set(.isoImage, to: HostInventory.demo.isoImages.values.flatMap { $0 }.first { $0.fileName.hasPrefix("debian") }?.volid ?? "")
    var samples: [Double] = []
    for index in 0..<count {
        let start = DispatchTime.now().uptimeNanoseconds
        state.update(.key(keys[index % keys.count]))
        _ = state.render()
        samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
    }
    samples.sort()
    let median = samples[samples.count / 2]
    let p95 = samples[samples.count * 95 / 100]
    return String(format: "update+render per key (demo host, 100x30, %@): median %.3f ms, p95 %.3f ms, max %.3f ms over %d keys",
                  language.rawValue, median, p95, samples.last ?? 0, count)
}

/// The phases of the wizard's start, timed once each in this (fresh) process, so first-use costs show:
/// loading the host, building the model and state, the first render (cold) and a second one (warm).
/// Run it in a new process per sample; only the first call in a process sees the cold costs.
func startupBenchmark(root: String?) -> String {
    let clock = ContinuousClock()
    func ms(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        return String(format: "%.3f", Double(seconds) * 1000 + Double(attoseconds) / 1e15)
    }
    var host = HostInventory.demo
    let load = clock.measure { if let root { host = HostInventoryLoader.load(root: root) } }
    var model: VMModel?
    let modelTime = clock.measure { model = VMModel(host: host) }
    var state: WizardState?
    let stateTime = clock.measure { state = WizardState(model: model!, width: 100, height: 30) }
    let first = clock.measure { _ = state!.render() }
    let second = clock.measure { _ = state!.render() }
    return "startup \(root == nil ? "demo" : "fixture"): host load \(ms(load)) ms, model \(ms(modelTime)) ms, "
        + "state \(ms(stateTime)) ms, first render \(ms(first)) ms, second render \(ms(second)) ms"
}

/// The cloud image picker with `count` images on the demo host's import storage: opening it (update and
/// render) and one filter key, each timed over several runs.
func pickerBenchmark(images count: Int, runs: Int = 20) -> String {
    var host = HostInventory.demo
    host.importImages["local"] = (0..<count).map { index in
        let name = String(format: "image-%04d-genericcloud-amd64.qcow2", index)
        return ISOImage(volid: "local:import/" + name, fileName: name, sizeBytes: Int64(300 + index) << 20)
    }
    var opens: [Double] = []
    var filters: [Double] = []
    for _ in 0..<runs {
        var state = WizardState(model: VMModel(host: host), width: 100, height: 30)
        state.model.set(.media, to: "cloud")
        state.go(to: .os)
        while state.focus != .field(FieldRef(.cloudImage)) { state.update(.key(.tab)) }
        var start = DispatchTime.now().uptimeNanoseconds
        state.update(.key(.enter))
        _ = state.render()
        opens.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
        start = DispatchTime.now().uptimeNanoseconds
        state.update(.key(.char("9")))
        _ = state.render()
        filters.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
    }
    opens.sort()
    filters.sort()
    return String(format: "cloud image picker with %d images (100x30): open+render median %.3f ms (max %.3f), filter key median %.3f ms (max %.3f), %d runs",
                  count, opens[opens.count / 2], opens.last ?? 0, filters[filters.count / 2], filters.last ?? 0, runs)
}

/// Reading the passthrough inventory: the fixture node's sysfs tree (written to a temporary folder), and `root`
/// (this machine's own /sys, /proc and pci.ids when "/"), `runs` timed reads each.
func passthroughBenchmark(root: String, runs: Int = 20) -> String {
    func median(_ root: String) -> (Double, Double, PassthroughInventory) {
        var times: [Double] = []
        var inventory = PassthroughInventory.empty
        for _ in 0..<runs {
            let start = DispatchTime.now().uptimeNanoseconds
            inventory = PassthroughInventoryLoader.load(root: root, nodeName: "pve1")
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
        }
        times.sort()
        return (times[times.count / 2], times.last ?? 0, inventory)
    }
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vmwizard-bench-passthrough-\(getpid())")
    defer { try? FileManager.default.removeItem(at: folder) }
    try? PassthroughFixture.write(into: folder)
    let fixture = median(folder.path)
    let real = median(root)
    return String(format: "passthrough inventory: fixture node (%d PCI, %d USB) median %.2f ms (max %.2f); %@ (%d PCI, %d USB) median %.2f ms (max %.2f), %d runs",
                  fixture.2.pciDevices.count, fixture.2.usbDevices.count, fixture.0, fixture.1, root,
                  real.2.pciDevices.count, real.2.usbDevices.count, real.0, real.1, runs)
}

let usage = """
    usage: vmwizard-bench [keys [zh]] [inventory [iterations]] [fixture DIR] [startup [DIR]]
      keys [zh]            update+render per key on the demo host (the default with no arguments); zh: the
                           Chinese screens
      inventory [N]        HostInventoryLoader.load on the 10,000-guest fixture, N timed runs (default 20)
      fixture DIR          write the 10,000-guest fixture tree to DIR (does nothing if it is already there)
      picker [N]           the cloud image picker with N images (default 1000): open and one filter key
      passthrough [ROOT]   read the passthrough inventory (sysfs, pci.ids, mappings) of the fixture node and of
                           ROOT (default /), 20 timed runs each
      startup [DIR]        time the start phases once, cold, in this process: host load (of the host tree in
                           DIR, or the demo host), model, state, first and second render at 100x30
    """

var arguments = Array(CommandLine.arguments.dropFirst())
if arguments.isEmpty { arguments = ["keys"] }
var index = 0
while index < arguments.count {
    let command = arguments[index]
    index += 1
    switch command {
    case "keys":
        var language = Language.en
        if index < arguments.count, let chosen = Language(rawValue: arguments[index]) {
            language = chosen
            index += 1
        }
        print(keyBenchmark(keys: 2000, language: language))
    case "inventory":
        var iterations = 20
        if index < arguments.count, let n = Int(arguments[index]) {
            iterations = n
            index += 1
        }
        do {
            print(try InventoryBenchmark.run(iterations: iterations))
        } catch {
            FileHandle.standardError.write(Data("vmwizard-bench: inventory: \(error)\n".utf8))
            exit(1)
        }
    case "fixture":
        guard index < arguments.count else {
            FileHandle.standardError.write(Data("vmwizard-bench: fixture needs a folder\n\(usage)\n".utf8))
            exit(2)
        }
        let dir = URL(fileURLWithPath: arguments[index])
        index += 1
        do {
            try LargeClusterFixture.create(at: dir)
            print(dir.path)
        } catch {
            FileHandle.standardError.write(Data("vmwizard-bench: fixture: \(error)\n".utf8))
            exit(1)
        }
    case "startup":
        var root: String?
        if index < arguments.count, !["keys", "inventory", "fixture", "startup", "picker", "passthrough"].contains(arguments[index]) {
            root = arguments[index]
            index += 1
        }
        print(startupBenchmark(root: root))
    case "passthrough":
        var root = "/"
        if index < arguments.count, arguments[index].hasPrefix("/") {
            root = arguments[index]
            index += 1
        }
        print(passthroughBenchmark(root: root))
    case "picker":
        var count = 1000
        if index < arguments.count, let given = Int(arguments[index]) {
            count = given
            index += 1
        }
        print(pickerBenchmark(images: count))
    case "-h", "--help", "help":
        print(usage)
    default:
        FileHandle.standardError.write(Data("vmwizard-bench: unknown command \(command)\n\(usage)\n".utf8))
        exit(2)
    }
}
