/// The commands that create the VM, as argument vectors (run without a shell).
public enum QmCommand {
    /// `qm create VMID --key value …`. The start is a separate step (`qm create --start` only warns on failure).
    public static func create(_ model: VMModel, qm: String = "qm") -> [String] {
        let params = PVEParameters.build(model, includeStart: false)
        return [qm, "create", model.value(.vmid)] + params.dropFirst().flatMap { ["--\($0.key)", $0.value] }
    }

    public static func start(_ model: VMModel, qm: String = "qm") -> [String] {
        [qm, "start", model.value(.vmid)]
    }

    /// Creating on another cluster node goes through the API, which forwards it to that node.
    public static func createViaAPI(_ model: VMModel, pvesh: String = "pvesh") -> [String] {
        let params = PVEParameters.build(model, includeStart: false)
        return [pvesh, "create", "/nodes/\(model.targetNode)/qemu"] + params.flatMap { ["--\($0.key)", $0.value] }
    }

    public static func startViaAPI(_ model: VMModel, pvesh: String = "pvesh") -> [String] {
        [pvesh, "create", "/nodes/\(model.targetNode)/qemu/\(model.value(.vmid))/status/start"]
    }

    /// The commands to run, in order: create, then start when "Start after created" is ticked.
    public static func plan(_ model: VMModel, qm: String = "qm", pvesh: String = "pvesh") -> [[String]] {
        let other = model.createsOnOtherNode
        var steps = [other ? createViaAPI(model, pvesh: pvesh) : create(model, qm: qm)]
        if model.flag(.start) { steps.append(other ? startViaAPI(model, pvesh: pvesh) : start(model, qm: qm)) }
        return steps
    }

    /// The plan as a copy-pasteable shell script fragment.
    public static func script(_ model: VMModel) -> String {
        plan(model).map(ShellQuote.line).joined(separator: " && \\\n  ") + "\n"
    }
}
