import Foundation
import Testing
@testable import VMWizardCore
import VMWizardFixtures

/// Seeded random and mutated inputs for every parser of text vmwizard did not write: answers files (JSON and
/// `.conf`) and each host file. A parser must never crash or hang, and whatever it refuses it must say where.
/// A bounded slice runs here; `scripts/fuzz-parsers.sh` runs the same with a large count.
@Suite struct ParserFuzzTests {
    /// Cases per parser in `swift test`; the script raises it through VMWIZARD_FUZZ_COUNT.
    static let count = Int(ProcessInfo.processInfo.environment["VMWIZARD_FUZZ_COUNT"] ?? "") ?? 150
    static let standalone = Bundle.module.url(forResource: "Fixtures/hosts/standalone", withExtension: nil)!

    static func seedFile(_ relative: String) -> [UInt8] {
        Array((try? Data(contentsOf: standalone.appendingPathComponent(relative))) ?? Data())
    }

    /// Interesting bytes: structure characters, controls, invalid UTF-8, multi-byte characters.
    static let alphabet: [UInt8] = Array("{}[]\":,=\\ \t\n\r#%-_.0123456789abcxyzKMGT".utf8) + [0, 0x1B, 0x7F, 0x80, 0xC3, 0xFF, 0xE4, 0xB8, 0xAD]

    /// A mutation of `seed`: bytes flipped, inserted, deleted, duplicated, truncated, or nested deeply.
    static func mutate(_ seed: [UInt8], _ random: inout SeededRandom) -> [UInt8] {
        var bytes = seed
        for _ in 0..<random.int(1...8) {
            switch random.int(0...6) {
            case 0 where !bytes.isEmpty: bytes[random.int(0...bytes.count - 1)] = random.pick(alphabet)
            case 1: bytes.insert(random.pick(alphabet), at: random.int(0...bytes.count))
            case 2 where !bytes.isEmpty: bytes.remove(at: random.int(0...bytes.count - 1))
            case 3 where !bytes.isEmpty:
                let start = random.int(0...bytes.count - 1)
                let end = min(bytes.count, start + random.int(1...64))
                bytes.insert(contentsOf: bytes[start..<end], at: random.int(0...bytes.count))
            case 4: bytes = Array(bytes.prefix(random.int(0...bytes.count)))
            case 5:
                let depth = random.int(1...3000)
                let open = random.chance(0.5) ? UInt8(ascii: "[") : UInt8(ascii: "{")
                bytes.insert(contentsOf: Array(repeating: open, count: depth), at: random.int(0...bytes.count))
            default: bytes.append(contentsOf: (0..<random.int(1...40)).map { _ in random.pick(alphabet) })
            }
        }
        return bytes
    }

    static func inputs(seed: [UInt8], salt: UInt64) -> [[UInt8]] {
        var random = SeededRandom(seed: 0xF022 ^ salt)
        return (0..<count).map { index in
            if index % 5 == 0 { return (0..<random.int(0...300)).map { _ in random.pick(alphabet) } }
            return mutate(seed, &random)
        }
    }

    @Test func answersFilesNeverCrashAndSayWhere() throws {
        var corpus = AnswersCorpus(seed: 9)
        let host = TestHosts.standard
        for (index, answers) in corpus.cases(30).enumerated() {
            for bytes in Self.inputs(seed: Array(answers.text.utf8), salt: UInt64(index)).prefix(Self.count / 10 + 5) {
                let text = String(decoding: bytes, as: UTF8.self)
                guard case .failure(let problems) = Answers.parse(text: text, host: host) else { continue }
                #expect(!problems.problems.isEmpty)
                for problem in problems.problems {
                    #expect(!problem.message.isEmpty)
                    // Every problem names its line, key or field, but for a few about the whole file.
                    let located = !problem.location.isEmpty || problem.message.contains("holds no settings")
                        || problem.message.contains("invalid JSON")
                    #expect(located, "unlocated: \(problem.message)")
                }
            }
        }
    }

    @Test func deepAndHugeJSONIsRefusedQuickly() {
        for depth in [33, 1_000, 100_000] {
            let text = "{\"a\": " + String(repeating: "[", count: depth) + "}"
            guard case .failure(let problems) = Answers.parse(text: text, host: TestHosts.standard) else {
                Issue.record("depth \(depth) accepted")
                continue
            }
            #expect(problems.first?.location.hasPrefix("line 1, column") == true)
        }
    }

    /// Each host-file parser with its seed file; every warning it gives names that file.
    static let hostParsers: [(file: String, parse: @Sendable ([UInt8]) -> [Phrase])] = [
        (InventoryStatusFiles.vmlistPath, { bytes in var w: [Phrase] = []; _ = InventoryStatusFiles.parseVMList(bytes, warnings: &w); return w }),
        (InventoryStatusFiles.membersPath, { bytes in var w: [Phrase] = []; _ = InventoryStatusFiles.parseMembers(bytes, warnings: &w); return w }),
        (InventoryStatusFiles.rrdPath, { bytes in var w: [Phrase] = []; _ = InventoryStatusFiles.parseRRD(bytes, warnings: &w); return w }),
        (InventoryStorageConfig.path, { bytes in var w: [Phrase] = []; _ = InventoryStorageConfig.parse(bytes, warnings: &w); return w }),
        (InventoryHostFiles.datacenterPath, { bytes in var w: [Phrase] = []; _ = InventoryHostFiles.parseDatacenter(bytes, warnings: &w); return w }),
        (InventoryHostFiles.userPath, { bytes in var w: [Phrase] = []; _ = InventoryHostFiles.parsePools(bytes, warnings: &w); return w }),
        (InventoryNetworkFiles.interfacesPath, { bytes in
            var w: [Phrase] = []
            _ = InventoryNetworkFiles.parseInterfaces(bytes, file: InventoryNetworkFiles.interfacesPath, warnings: &w)
            return w
        }),
        (InventoryNetworkFiles.sdnRunningPath, { bytes in var w: [Phrase] = []; _ = InventoryNetworkFiles.parseSDN(bytes, node: "pve", warnings: &w); return w }),
        (InventoryHostFiles.meminfoPath, { bytes in _ = InventoryHostFiles.parseMeminfo(bytes); return [] }),
        (InventoryHostFiles.cpuinfoPath, { bytes in _ = InventoryHostFiles.countProcessors(bytes); return [] }),
        (InventoryHostFiles.mountsPath, { bytes in _ = InventoryHostFiles.parseMounts(bytes); return [] }),
        (InventoryHostFiles.cpuModelsPath, { bytes in _ = InventoryHostFiles.parseCPUModels(bytes); return [] }),
        (InventoryHostFiles.dpkgStatusPath, { bytes in _ = InventoryHostFiles.packageVersion("pve-qemu-kvm", in: bytes); return [] }),
    ]

    @Test(arguments: 0..<hostParsers.count)
    func hostFileParsersNeverCrashAndNameTheirFile(_ index: Int) {
        let (file, parse) = Self.hostParsers[index]
        var seed = Self.seedFile(file)
        if seed.isEmpty { seed = Array("{\"ids\": {}, \"nodelist\": {}}\n".utf8) }
        for bytes in Self.inputs(seed: seed, salt: UInt64(index) << 8) {
            for warning in parse(bytes) {
                #expect(warning.description.contains(file), "\(file): warning without its file: \(warning)")
            }
        }
    }
}
