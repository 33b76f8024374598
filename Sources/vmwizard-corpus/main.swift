import VMWizardPlatform
import VMWizardCore
import VMWizardFixtures

// Development tool, not shipped: generates the seeded answers corpus, runs each case through vmwizard's own
// importer and renderers, and writes one JSON line per case for scripts/pve-exactness.py, which asks Proxmox's
// own code (../shared/pve-check) about every rendering.
//
//   vmwizard-corpus --root HOSTDIR [--seed N] [--count N]

var root = ""
var seed: UInt64 = 1
var count = 2000
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    switch argument {
    case "--root": root = arguments.popFirst() ?? ""
    case "--seed": seed = UInt64(arguments.popFirst() ?? "") ?? 1
    case "--count": count = Int(arguments.popFirst() ?? "") ?? 2000
    default:
        FileHandleOutput.error("usage: vmwizard-corpus --root HOSTDIR [--seed N] [--count N]")
        exit(2)
    }
}
guard !root.isEmpty else {
    FileHandleOutput.error("vmwizard-corpus: --root HOSTDIR is required (the standalone fixture host)")
    exit(2)
}

let host = HostInventoryLoader.load(root: root)
var corpus = AnswersCorpus(seed: seed)
for answers in corpus.cases(count) {
    let evaluation = CorpusEvaluation(answers, host: host)
    FileHandleOutput.out(evaluation.jsonLine + "\n")
}
