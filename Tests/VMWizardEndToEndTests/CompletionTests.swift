import Foundation
import Testing

/// The shell completions swift-argument-parser generates from vmwizard's argument definitions: the bash
/// script loads in bash and completes option values; the zsh script is produced.
@Suite struct CompletionTests {
    static func script(_ shell: String, in dir: URL) throws -> String {
        let run = try Spawn.run([E2E.binary, "--generate-completion-script", shell])
        #expect(run.status == 0, "\(run.stderr)")
        let path = dir.appendingPathComponent("vmwizard.\(shell)").path
        try run.stdout.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// Sources the bash script, then runs its completion function as bash would for the command line
    /// `words` (the last one being completed) and returns what it offers, one per line.
    static func bashComplete(_ script: String, _ words: [String]) throws -> Spawn.Result {
        let driver = #"""
            source "$1" || exit 90
            shift
            spec=$(complete -p vmwizard) || exit 91
            echo "spec: $spec"
            function=$(printf '%s\n' "$spec" | sed -n 's/.* -F \([^ ]*\) .*/\1/p')
            [ -n "$function" ] || exit 92
            COMP_WORDS=("$@")
            COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
            COMP_LINE="$*"
            COMP_POINT=${#COMP_LINE}
            COMPREPLY=()
            "$function" vmwizard "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
            printf 'offer: %s\n' "${COMPREPLY[@]}"
            """#
        return try Spawn.run(["bash", "-c", driver, "bash", script] + words)
    }

    static func offers(_ result: Spawn.Result) -> [String] {
        result.stdout.split(separator: "\n").filter { $0.hasPrefix("offer: ") }.map { String($0.dropFirst(7)) }
    }

    @Test func bashCompletionLoadsAndOffersValues() throws {
        let dir = try E2E.scratch("completion-bash")
        let script = try Self.script("bash", in: dir)

        let lang = try Self.bashComplete(script, ["vmwizard", "--lang", ""])
        #expect(lang.status == 0, "\(lang.stdout)\(lang.stderr)")
        #expect(lang.stdout.contains("spec: complete ") && lang.stdout.contains(" vmwizard"), "\(lang.stdout)")
        #expect(Self.offers(lang).sorted() == ["en", "zh"], "\(lang.stdout)\(lang.stderr)")

        let print = try Self.bashComplete(script, ["vmwizard", "--print", "c"])
        #expect(Self.offers(print) == ["conf"], "\(print.stdout)\(print.stderr)")

        let options = try Self.bashComplete(script, ["vmwizard", "--r"])
        #expect(Set(Self.offers(options)) == ["--root", "--resume"], "\(options.stdout)\(options.stderr)")

        // --root completes folders only: a file beside a folder is not offered.
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("hostroot"), withIntermediateDirectories: true)
        try "x".write(to: dir.appendingPathComponent("hostfile"), atomically: true, encoding: .utf8)
        let root = try Self.bashComplete(script, ["vmwizard", "--root", dir.appendingPathComponent("host").path])
        #expect(Self.offers(root) == [dir.appendingPathComponent("hostroot").path], "\(root.stdout)\(root.stderr)")
    }

    @Test func zshCompletionIsProduced() throws {
        let dir = try E2E.scratch("completion-zsh")
        let script = try Self.script("zsh", in: dir)
        let text = try String(contentsOfFile: script, encoding: .utf8)
        #expect(text.hasPrefix("#compdef vmwizard"), "\(text.prefix(200))")
        #expect(text.contains("--lang"))
        // zsh is not on every build machine; where it is, the script must at least parse.
        if let check = try? Spawn.run(["zsh", "-n", script]) {
            #expect(check.status == 0, "\(check.stderr)")
        }
    }
}
