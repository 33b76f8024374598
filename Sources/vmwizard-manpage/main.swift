import VMWizardCore
import VMWizardPlatform

// vmwizard-manpage [--zh]: reads `vmwizard --experimental-dump-help` on standard input, writes vmwizard(1) in
// man(7) format on standard output, in English or (--zh) Chinese. scripts/generate-docs.sh runs it.

var input: [UInt8] = []
while let line = readLine(strippingNewline: false) { input += Array(line.utf8) }
do {
    let dump = try HelpDump.decode(Data(input))
    let language: Language = CommandLine.arguments.dropFirst().contains("--zh") ? .zh : .en
    print(ManPage(dump: dump, language: language).render(), terminator: "")
} catch {
    let message = Array("vmwizard-manpage: cannot read the help dump on standard input: \(error)\n".utf8)
    _ = message.withUnsafeBufferPointer { write(2, $0.baseAddress, $0.count) }
    exit(1)
}
