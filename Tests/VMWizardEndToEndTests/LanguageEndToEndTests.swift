import Foundation
import Testing

/// The language comes from --lang or the locale, including a Chinese locale this host has not installed.
@Suite(.serialized) struct LanguageEndToEndTests {
    @Test func chineseLocaleShowsChineseScreensWithLinesIntact() throws {
        let dir = try E2E.scratch("zh")
        // zh_CN.UTF-8 is not generated on a stock Debian (nor here): vmwizard must still draw UTF-8.
        let session = try TmuxSession(command: [E2E.binary, "--demo"],
                                      environment: ["LANG": "zh_CN.UTF-8", "LC_ALL": "zh_CN.UTF-8"], workDir: dir)
        defer { session.kill() }
        session.waitFor("创建：虚拟机")
        session.waitFor("演示主机：不会创建任何东西")
        let screen = session.lastScreen
        #expect(screen.contains("────"), "line drawing lost:\n\(screen)")
        #expect(screen.contains("常规") && screen.contains("节点") && screen.contains("切换页"))
        session.keys("Escape")
        session.waitFor("退出 vmwizard？")
        session.keys("y")
        #expect(session.waitForExit() == 1)  // cancelled by the user
    }

    @Test func langOptionWinsOverTheLocale() throws {
        let dir = try E2E.scratch("lang-en")
        let session = try TmuxSession(command: [E2E.binary, "--demo", "--lang", "en"],
                                      environment: ["LANG": "zh_CN.UTF-8"], workDir: dir)
        defer { session.kill() }
        session.waitFor("Create: Virtual Machine")
        #expect(!session.lastScreen.contains("虚拟机"))
        session.keys("C-c")
        #expect(session.waitForExit() == 1)
    }

    @Test func helpFollowsTheLanguage() throws {
        let chinese = try Spawn.run([E2E.binary, "--lang", "zh", "--help"])
        #expect(chinese.status == 0)
        #expect(chinese.stdout.contains("用键盘操作的终端向导") && chinese.stdout.contains("退出状态：0 完成"), "\(chinese.stdout)")
        #expect(chinese.stdout.contains("--write-config <path>") && chinese.stdout.contains("绝不覆盖已有文件"))
        let fromLocale = try Spawn.run([E2E.binary, "--help"], environment: ["LANG": "zh_CN.UTF-8", "PATH": "/usr/bin:/bin"])
        #expect(fromLocale.stdout.contains("用键盘操作的终端向导"), "\(fromLocale.stdout)")
        let english = try Spawn.run([E2E.binary, "--help"], environment: ["LANG": "zh_CN.UTF-8", "LC_ALL": "C.UTF-8"])
        #expect(english.stdout.contains("keyboard-driven terminal") && !english.stdout.contains("向导"), "\(english.stdout)")
        // The dump the man pages are made from stays English whatever the locale.
        let dump = try Spawn.run([E2E.binary, "--experimental-dump-help"], environment: ["LANG": "zh_CN.UTF-8"])
        #expect(dump.stdout.contains("keyboard-driven terminal wizard") && !dump.stdout.contains("向导"))
    }

    @Test func batchProblemsFollowTheLanguage() throws {
        let dir = try E2E.scratch("lang-batch")
        let answers = dir.appendingPathComponent("answers.json")
        try Data(#"{"vmid": "99", "cores": "500"}"#.utf8).write(to: answers)
        for (language, expected) in [("zh", "VM ID 必须是 100 到 999999999 之间的数字"), ("en", "a VM ID is a number from 100 to 999999999")] {
            let result = try Spawn.run([E2E.binary, "--demo", "--batch", "--answers", answers.path, "--print", "qm",
                                        "--lang", language])
            #expect(result.status == 2)
            #expect(result.stderr.contains(expected), "\(language): \(result.stderr)")
        }
    }
}
