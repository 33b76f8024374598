import Foundation
import Testing

/// scripts/ansi2png.py draws the README's screenshots; its self-test renders a run of CJK glyphs and fails
/// when gaps open between their double-width cells (the Chinese screenshot once looked spaced out).
@Suite struct ScreenshotToolTests {
    @Test func doubleWidthGlyphsFillTheirTwoCells() throws {
        let script = ManPageTests.packageRoot.appendingPathComponent("scripts/ansi2png.py").path
        for fontSize in ["12", "16", "20"] {
            let run = try Spawn.run(["python3", script, "--self-test", fontSize])
            #expect(run.status == 0, "ansi2png --self-test \(fontSize): \(run.stdout)\(run.stderr)")
            #expect(run.stdout.contains("widest gap in a run of wide glyphs"), "\(run.stdout)")
        }
    }
}
