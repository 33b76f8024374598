import Testing
@testable import VMWizardCore
@testable import VMWizardTUI

@Suite struct ScreenBufferTests {
    @Test func wideCharactersTakeTwoColumnsAndAreNotSplit() {
        var screen = Screen(width: 5, height: 1)
        screen.put("中文ab", x: 0, y: 0)
        #expect(screen.lines == ["中文a"])
        var narrow = Screen(width: 3, height: 1)
        narrow.put("中文", x: 0, y: 0)
        #expect(narrow.lines == ["中 "], "a wide character that does not fit is left out, not split")
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var screen = Screen(width: 4, height: 1)
        screen.put("中文", x: 0, y: 0)
        screen.put("x", x: 1, y: 0)
        #expect(screen.lines == [" x文"])
    }

    @Test func controlCharactersNeverReachTheTerminal() {
        var screen = Screen(width: 8, height: 1)
        screen.put("a\u{1b}[2J", x: 0, y: 0)
        #expect(screen.lines == ["a\\e[2J  "])
        // The escape takes the columns it is drawn in, so layout by DisplayWidth and drawing agree.
        #expect(DisplayWidth.of("a\u{1b}[2J") == 6)
        var narrow = Screen(width: 8, height: 1)
        narrow.put("ab\u{7}cdefgh", x: 0, y: 0, maxWidth: 4)
        #expect(narrow.lines == ["ab\\a    "])
    }

    @Test func everyUnsafeCharacterIsEscapedAndCountedAsDrawn() {
        // C0, DEL, C1 (the 8-bit CSI), bidi overrides and isolates, line separators: none reaches the terminal.
        let unsafe: [Unicode.Scalar] = ["\u{0}", "\u{7}", "\u{1b}", "\u{7f}", "\u{9b}", "\u{202e}", "\u{2066}",
                                        "\u{200f}", "\u{2028}", "\u{61c}"]
        for scalar in unsafe {
            var screen = Screen(width: 12, height: 1)
            let text = "x" + String(scalar) + "y"
            let used = screen.put(text, x: 0, y: 0)
            #expect(used == DisplayWidth.of(text), "U+\(String(scalar.value, radix: 16))")
            #expect(screen.cells.allSatisfy { cell in cell.text.unicodeScalars.allSatisfy { !TerminalText.mustEscape($0) } })
            #expect(screen.lines[0].hasPrefix("x\\"), "\(screen.lines)")
        }
    }

    @Test func wrappingByDisplayWidth() {
        #expect(DisplayWidth.wrap("one two three", width: 7) == ["one two", "three"])
        #expect(DisplayWidth.wrap("数据库服务器", width: 5) == ["数据", "库服", "务器"])
        #expect(DisplayWidth.wrap("x", width: 0) == [])
        #expect(DisplayWidth.of("é") == 1)
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.truncate("abcdef", to: 4) == "abc…")
    }
}
