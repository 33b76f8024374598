import Foundation
import VMWizardCore
import VMWizardTUI

/// Per-key cost of the state machine: update plus render, over a fixed key stream, on the demo host.
func keyBenchmark(keys count: Int) -> String {
    let keys: [Key] = [.tab, .down, .down, .right, .char("1"), .backspace, .pageDown, .tab, .char(" "), .up, .pageUp, .left]
    var state = WizardState(model: VMModel(host: .demo), width: 100, height: 30)
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
    return String(format: "update+render per key (demo host, 100x30): median %.3f ms, p95 %.3f ms, max %.3f ms over %d keys",
                  median, p95, samples.last ?? 0, count)
}

let arguments = CommandLine.arguments.dropFirst()
if arguments.isEmpty || arguments.contains("keys") {
    print(keyBenchmark(keys: 2000))
}
