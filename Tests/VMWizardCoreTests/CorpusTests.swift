import Foundation
import Testing
@testable import VMWizardCore
import VMWizardFixtures

/// A bounded, seeded slice of the answers corpus that `scripts/pve-exactness.py` runs through Proxmox's own code:
/// here the checks that need no Perl. For every accepted case the `qm` line and the API JSON carry the same keys
/// and values, and the printed config reads back as the same VM; every refusal says where.
@Suite struct CorpusTests {
    static let standalone = Bundle.module.url(forResource: "Fixtures/hosts/standalone", withExtension: nil)!
    static let host = HostInventoryLoader.load(root: standalone.path)
    static let count = Int(ProcessInfo.processInfo.environment["VMWIZARD_CORPUS_COUNT"] ?? "") ?? 400

    static let cases: [AnswersCase] = {
        var corpus = AnswersCorpus(seed: 1)
        return corpus.cases(count)
    }()

    /// `--key value` pairs of the qm line (booleans and numbers as written).
    static func qmPairs(_ argv: [String]) -> [String: String] {
        var pairs: [String: String] = [:]
        var index = 3
        while index + 1 < argv.count {
            pairs[String(argv[index].dropFirst(2))] = argv[index + 1]
            index += 2
        }
        return pairs
    }

    /// The API JSON's members as text ("1" for true).
    static func jsonPairs(_ json: String) throws -> [String: String] {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        var pairs: [String: String] = [:]
        for (key, value) in object where key != "vmid" {
            switch value {
            case let text as String: pairs[key] = text
            case let number as NSNumber: pairs[key] = number.stringValue
            default: Issue.record("\(key): unexpected JSON value \(value)")
            }
        }
        return pairs
    }

    @Test func theRenderingsAgreeAndPrintedConfigsReadBack() throws {
        var accepted = 0
        for answers in Self.cases {
            guard case .success(let draft) = Answers.parse(text: answers.text, host: Self.host) else { continue }
            accepted += 1
            let model = VMModel(draft: draft, host: Self.host)
            #expect(model.errors.isEmpty, "\(answers.id): accepted with \(model.errors)")
            // The qm line and the API JSON: the same keys, the same values.
            var qm = Self.qmPairs(QmCommand.create(model))
            let json = try Self.jsonPairs(APIJSON.render(model, includeStart: false))
            // qm takes the keys as a file and sends them URL-encoded, as the JSON has them.
            if qm["sshkeys"] != nil {
                #expect(qm["sshkeys"] == "/dev/stdin")
                qm["sshkeys"] = PVEParameters.sshKeysText(model).map(PercentEscapes.uriEscape)
            }
            #expect(qm == json, "\(answers.id): qm and JSON disagree")
            // The printed config reads back as the same VM (for the same VM ID; MACs are left to a new VM).
            let config = ConfigFile.render(model)
            guard case .success(var again) = Answers.parse(text: config, host: Self.host) else {
                Issue.record("\(answers.id): the printed config does not read back:\n\(config)")
                continue
            }
            again.values[FieldID.vmid.rawValue] = model.value(.vmid)
            let reread = ConfigFile.render(VMModel(draft: again, host: Self.host))
            #expect(ConfigComparison.withoutMACs(reread) == ConfigComparison.withoutMACs(config), "\(answers.id): read back differently")
            // Every key of the create call that the config file keeps is in it.
            for key in qm.keys where !["pool", "ha-managed", "start", "description"].contains(key) {
                #expect(config.contains("\n\(key): ") || config.hasPrefix("\(key): "), "\(answers.id): \(key) missing from the config")
            }
        }
        // The slice must exercise both outcomes.
        #expect(accepted > Self.count / 5, "only \(accepted) of \(Self.count) accepted")
    }

    @Test func everyRefusalSaysWhere() {
        var refused = 0
        for answers in Self.cases {
            guard case .failure(let problems) = Answers.parse(text: answers.text, host: Self.host) else { continue }
            refused += 1
            for problem in problems.problems {
                #expect(!problem.location.isEmpty, "\(answers.id): '\(problem.message)' names no line, key or field")
            }
        }
        #expect(refused > Self.count / 5)
    }
}
