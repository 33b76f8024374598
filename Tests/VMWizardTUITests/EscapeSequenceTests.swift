import Testing
@testable import VMWizardTUI

/// Keys that reach vmwizard as raw escape sequences (ncurses did not know them) in their SS3 and CSI forms.
@Suite struct EscapeSequenceTests {
    static func classify(_ text: String) -> EscapeSequence.Meaning? {
        EscapeSequence.classify(Array(text.unicodeScalars))
    }

    @Test func cursorAndFunctionKeysInBothForms() {
        let keys: [(String, Key)] = [
            ("A", .up), ("B", .down), ("C", .right), ("D", .left), ("H", .home), ("F", .end),
            ("P", .function(1)), ("Q", .function(2)), ("R", .function(3)), ("S", .function(4)),
        ]
        for (final, key) in keys {
            #expect(Self.classify("O" + final) == .key(key), "SS3 \(final)")
            #expect(Self.classify("[" + final) == .key(key), "CSI \(final)")
        }
        #expect(Self.classify("[1;5P") == .key(.function(1)))
        #expect(Self.classify("[2P") == .ignore)
        #expect(Self.classify("OM") == .key(.enter))
        #expect(Self.classify("OZ") == .ignore)
        #expect(Self.classify("[Z") == .key(.backTab))
        #expect(Self.classify("O") == nil)
        #expect(Self.classify("") == .key(.escape))
    }
}
