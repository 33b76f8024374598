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
        var screen = Screen(width: 6, height: 1)
        screen.put("a\u{1b}[2J", x: 0, y: 0)
        #expect(screen.lines == ["a?[2J "])
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
