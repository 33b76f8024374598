import Foundation
import Testing
@testable import VMWizardCore
@testable import VMWizardTUI

/// A small deterministic generator, so a failing stream can be replayed from its seed.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Drives the state machine with long random key streams and checks what must always hold.
@Suite struct PropertyTests {
    static let keys: [Key] = [
        .tab, .backTab, .enter, .escape, .up, .down, .left, .right, .home, .end, .pageUp, .pageDown, .backspace,
        .delete, .insert, .function(1), .function(2), .function(10), .ctrl("a"), .ctrl("x"), .ctrl("n"), .ctrl("p"),
        .ctrl("r"), .ctrl("u"), .ctrl("f"), .ctrl("b"), .ctrl("k"), .ctrl("e"), .ctrl("l"),
    ] + "abcdwinlxy019.+-? 中/:".map { Key.char($0) }

    static let sizes: [(Int, Int)] = [(80, 24), (100, 30), (120, 40), (79, 24), (40, 10), (200, 60), (1, 1)]

    /// Problems with a state; empty when all invariants hold.
    static func violations(_ state: WizardState) -> [String] {
        var found: [String] = []
        let screen = state.render()
        if screen.lines.count != state.height { found.append("rendered \(screen.lines.count) rows for height \(state.height)") }
        for (index, line) in screen.lines.enumerated() where DisplayWidth.of(line) != state.width {
            found.append("row \(index) is \(DisplayWidth.of(line)) columns wide, not \(state.width)")
            break
        }
        if state.overlay == nil && state.apply == nil {
            let stops = state.focusStops
            if !stops.contains(state.focus) { found.append("focus \(state.focus) is not a stop of \(state.tab)") }
            if case .field(let ref) = state.focus, let spec = OptionCatalog.spec(ref.id) {
                if !state.model.isActive(spec, item: ref.item) { found.append("focus on disabled or hidden \(ref.id)") }
                if spec.advanced && !state.showAdvanced { found.append("focus on hidden advanced \(ref.id)") }
                if spec.tab != state.tab { found.append("focus on \(ref.id) of another tab") }
            }
        }
        if state.selectedDisk < 0 || (state.selectedDisk > 0 && state.selectedDisk >= state.model.draft.disks.count) {
            found.append("selected disk \(state.selectedDisk) out of range")
        }
        return found
    }

    /// Keys that move around, toggle and cycle, but type no text: streams of these keep a valid model valid
    /// more often, so Confirm accepts many different models.
    static let navigationKeys: [Key] = [
        .tab, .backTab, .up, .down, .left, .right, .pageUp, .pageDown, .char(" "), .function(2), .function(10),
        .function(10), .function(10), .enter, .escape, .char("n"), .char("+"), .char("-"), .ctrl("r"),
    ]

    static func startState(valid: Bool, language: Language = .en) -> WizardState {
        var state = WizardState(model: VMModel(host: .demo), options: WizardOptions(canApply: true, language: language),
                                width: 100, height: 30)
        if valid { state.pickISO(containing: "debian") }
        return state
    }

    static func run(seed: UInt64, keys count: Int, keySet: [Key] = keys, startValid: Bool = false,
                    language: Language = .en) -> (keys: Int, problems: [String], accepted: Int) {
        var rng = SplitMix64(seed: seed)
        var state = startState(valid: startValid, language: language)
        var pressed = 0
        var accepted = 0
        for step in 0..<count {
            if Int.random(in: 0..<200, using: &rng) == 0 {
                let size = sizes.randomElement(using: &rng) ?? (80, 24)
                state.update(.resize(width: size.0, height: size.1))
            }
            let key = keySet.randomElement(using: &rng) ?? .tab
            let effects = state.update(.key(key))
            pressed += 1
            for effect in effects {
                switch effect {
                case .create, .printAndExit:
                    accepted += 1
                    // Confirm only accepts a model the core finds valid, and its output re-validates.
                    if !state.model.errors.isEmpty {
                        return (pressed, ["seed \(seed) step \(step): \(effect) accepted with errors \(state.model.errors)"], accepted)
                    }
                    // What Confirm accepted prints a config that reads back (as a template) through the core's
                    // own answers parser as the same VM: the same config, for the same VM ID.
                    let config = ConfigFile.render(state.model)
                    switch Answers.parse(text: config, host: state.model.host) {
                    case .failure(let problems):
                        return (pressed, ["seed \(seed) step \(step): printed config does not read back: \(problems)\n\(config)"], accepted)
                    case .success(var draft):
                        draft.values[FieldID.vmid.rawValue] = state.model.value(.vmid)
                        // A config used as a template makes an ordinary VM (its `template: 1` is not carried over).
                        draft.values[FieldID.template.rawValue] = state.model.value(.template)
                        let again = ConfigFile.render(VMModel(draft: draft, host: state.model.host))
                        if again != config {
                            return (pressed, ["seed \(seed) step \(step): read back as\n\(again)\ninstead of\n\(config)"], accepted)
                        }
                    }
                    if effect == .create {
                        let outcomes: [ApplyOutcome] = [
                            .failed("boom"), .refused("no"), .vmidTaken(vmid: state.model.value(.vmid), suggestion: "999"),
                            .created(vmid: state.model.value(.vmid), details: [], steps: []),
                        ]
                        state.update(.applyOutput("line"))
                        state.update(.tick(elapsed: 1.5))
                        state.update(.applyFinished(outcomes.randomElement(using: &rng) ?? .failed("x")))
                    }
                case .writeConfig(let path):
                    state.update(.configWritten(.success(path)))
                case .quit:
                    // Start over, as a user would after quitting.
                    let (width, height) = (state.width, state.height)
                    state = startState(valid: startValid, language: language)
                    state.update(.resize(width: width, height: height))
                default:
                    break
                }
            }
            let problems = violations(state)
            if !problems.isEmpty { return (pressed, problems.map { "seed \(seed) step \(step) key \(key): \($0)" }, accepted) }
        }
        return (pressed, [], accepted)
    }

    @Test(arguments: 0..<20)
    func randomKeyStreamsKeepInvariants(seed: Int) {
        // Half the streams start from a valid model, so they also wander through Confirm's accepting paths.
        let result = Self.run(seed: UInt64(seed) &* 7919 &+ 17, keys: 5_000, startValid: seed % 2 == 1)
        #expect(result.problems.isEmpty, "\(result.problems.prefix(3))")
        #expect(result.keys == 5_000)
    }

    /// The same invariants with the Chinese screens: every row exactly as wide as the terminal in columns,
    /// whatever overlay, problem or size the stream reaches.
    @Test(arguments: 0..<4)
    func randomKeyStreamsInChinese(seed: Int) {
        let result = Self.run(seed: UInt64(seed) &* 104_729 &+ 3, keys: 4_000, startValid: seed % 2 == 0, language: .zh)
        #expect(result.problems.isEmpty, "\(result.problems.prefix(3))")
        #expect(result.keys == 4_000)
    }

    /// The check on accepted output is not vacuous: random streams do reach Confirm and accept.
    @Test func randomStreamsReachConfirm() {
        let runs = (100..<104).map { Self.run(seed: UInt64($0), keys: 2_000, keySet: Self.navigationKeys, startValid: true) }
        #expect(runs.allSatisfy { $0.problems.isEmpty }, "\(runs.flatMap(\.problems).prefix(3))")
        let accepted = runs.map(\.accepted)
        #expect(accepted.allSatisfy { $0 > 0 }, "accepted per seed: \(accepted)")
    }
}
