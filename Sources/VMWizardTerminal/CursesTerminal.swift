import CNcursesw
import CTerminalGuard
import VMWizardPlatform
import VMWizardTUI

public struct TerminalError: Error, CustomStringConvertible {
    public var description: String
}

/// What one read from the terminal gave.
public enum TerminalInput: Equatable {
    case key(Key)
    case resize(width: Int, height: Int)
    /// Nothing arrived within the timeout.
    case idle
    /// SIGHUP, SIGTERM or SIGINT arrived.
    case signal(Int32)
}

/// The only code that talks to the terminal: opens /dev/tty with ncurses (so stdout stays free for
/// `--print`), copies Screens to it cell by cell (only cells that changed), reads keys, and always restores
/// the terminal.
public final class CursesTerminal {
    private let screenHandle: OpaquePointer
    private let window: UnsafeMutablePointer<WINDOW>
    private let ttyIn: UnsafeMutablePointer<FILE>
    private let ttyOut: UnsafeMutablePointer<FILE>
    private let useColor: Bool
    /// The terminal's mouse reports start with `ESC [ <` (SGR) rather than `ESC [ M` (X10).
    private let mouseReportIsSGR: Bool
    private var previous: Screen?
    private var ended = false
    /// Bytes written to the terminal so far (for benchmarks), when counting is enabled.
    public private(set) var cursorVisible = false

    /// Takes the user's locale. When it asks for UTF-8 but is not installed on this host (LANG=zh_CN.UTF-8
    /// on a stock Debian is typical), ncurses would fall back to ASCII and drop every CJK character and line;
    /// the character type then comes from C.UTF-8, which glibc always has.
    static func adoptLocale() {
        if setlocale(LC_ALL, "") != nil { return }
        let environment = ProcessInfo.processInfo.environment
        let requested = ["LC_ALL", "LC_CTYPE", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty } ?? ""
        let wantsUTF8 = requested.lowercased().replacingOccurrences(of: "-", with: "").contains("utf8")
        if wantsUTF8 { _ = setlocale(LC_CTYPE, "C.UTF-8") }
    }

    /// - Parameters:
    ///   - color: false honours NO_COLOR (attributes stay).
    ///   - escapeDelayMs: how long a lone Esc waits for the rest of an escape sequence.
    public init(color: Bool, escapeDelayMs: Int32 = 50) throws {
        Self.adoptLocale()
        guard let input = fopen("/dev/tty", "r"), let output = fopen("/dev/tty", "w") else {
            throw TerminalError(description: "cannot open the terminal /dev/tty: \(String(cString: strerror(errno)))")
        }
        if ProcessInfo.processInfo.environment["ESCDELAY"] == nil { set_escdelay(escapeDelayMs) }
        vmw_install_signal_handlers()
        vmw_guard_save_termios(fileno(input))
        let term = ProcessInfo.processInfo.environment["TERM"] ?? "(unset)"
        guard let handle = newterm(nil, output, input) else {
            fclose(input)
            fclose(output)
            throw TerminalError(description: "cannot start the terminal UI (TERM=\(term)); set TERM to your terminal type")
        }
        guard vmw_has_cursor_addressing() != 0 else {
            // TERM=dumb and the like: a form that cannot place the cursor is unusable.
            endwin()
            delscreen(handle)
            fclose(input)
            fclose(output)
            throw TerminalError(description: "the terminal type TERM=\(term) cannot move the cursor, which the wizard needs")
        }
        guard let stdscreen = vmw_stdscr() else {
            endwin()
            delscreen(handle)
            throw TerminalError(description: "cannot start the terminal UI: no screen")
        }
        let capabilities: [String] = ["sgr0", "cnorm", "rmkx", "rmcup"]
        let restore = capabilities.compactMap { name in name.withCString { vmw_tigetstr($0).map { String(cString: $0) } } }
            .joined() + "\u{1b}[?2004l"
        restore.withCString { vmw_guard_arm(fileno(output), $0, strlen($0)) }
        screenHandle = handle
        window = stdscreen
        mouseReportIsSGR = "kmous".withCString { vmw_tigetstr($0).map { String(cString: $0) } } == "\u{1b}[<"
        ttyIn = input
        ttyOut = output
        raw()  // Ctrl-C and Ctrl-S arrive as keys
        noecho()
        nonl()
        keypad(window, true)
        // keypad mode asks the terminal for ESC O A style cursor keys, but some terminals and ssh clients send
        // ESC [ A regardless; teach ncurses both so an arrow never reads as a lone Esc.
        for (sequence, code) in [("\u{1b}[A", KEY_UP), ("\u{1b}[B", KEY_DOWN), ("\u{1b}[C", KEY_RIGHT),
                                 ("\u{1b}[D", KEY_LEFT), ("\u{1b}[H", KEY_HOME), ("\u{1b}[F", KEY_END),
                                 ("\u{1b}[1~", KEY_HOME), ("\u{1b}[4~", KEY_END), ("\u{1b}OH", KEY_HOME),
                                 ("\u{1b}OF", KEY_END), ("\u{1b}[Z", KEY_BTAB)] {
            define_key(sequence, code)
        }
        wtimeout(window, Self.inputTimeoutMs)
        curs_set(0)
        // Bracketed paste: pasted text arrives marked, and is inserted as text instead of acting as keys.
        fputs("\u{1b}[?2004h", output)
        fflush(output)
        useColor = color && has_colors()
        if useColor {
            start_color()
            use_default_colors()
            for color in Color.allCases {
                init_pair(Int16(color.rawValue), Int16(color.rawValue), -1)
            }
        }
    }

    deinit { restore() }

    /// Gives the terminal back: endwin on every exit path (normal, error, signal).
    public func restore() {
        guard !ended else { return }
        ended = true
        curs_set(1)
        endwin()
        fputs("\u{1b}[?2004l", ttyOut)
        fflush(ttyOut)
        vmw_guard_disarm()
        delscreen(screenHandle)
        fclose(ttyIn)
        fclose(ttyOut)
    }

    public var size: (width: Int, height: Int) {
        (Int(vmw_getmaxx(window)), Int(vmw_getmaxy(window)))
    }

    /// Forget what is on the terminal so the next draw repaints everything (Ctrl-L, after a resize).
    public func invalidate() {
        previous = nil
        clearok(window, true)
    }

    private func attributes(_ style: Style) -> (attr_t, Int16) {
        var attrs = vmw_A_NORMAL()
        if style.bold { attrs |= vmw_A_BOLD() }
        if style.dim { attrs |= vmw_A_DIM() }
        if style.reverse { attrs |= vmw_A_REVERSE() }
        if style.underline { attrs |= vmw_A_UNDERLINE() }
        let pair = useColor ? Int16(style.foreground?.rawValue ?? 0) : 0
        return (attrs, pair)
    }

    private static let lineDrawing: [String: Int32] = ["─": 0, "│": 1, "┌": 2, "┐": 3, "└": 4, "┘": 5]

    /// Copies the frame: only cells that differ from the last frame are handed to ncurses, which in turn
    /// sends only what changed on the terminal.
    public func draw(_ screen: Screen) {
        if let previous, previous.width != screen.width || previous.height != screen.height {
            invalidate()
        }
        if previous == nil { werase(window) }
        for y in 0..<screen.height {
            for x in 0..<screen.width {
                let cell = screen[x, y]
                if cell.isContinuation { continue }
                if let previous, previous[x, y] == cell,
                   x + 1 >= screen.width || previous[x + 1, y] == screen[x + 1, y] { continue }
                let (attrs, pair) = attributes(cell.style)
                if let acs = Self.lineDrawing[cell.text] {
                    _ = vmw_put_line(window, Int32(y), Int32(x), acs, attrs, pair)
                } else {
                    var chars = cell.text.unicodeScalars.prefix(5).map { wchar_t(bitPattern: $0.value) }
                    chars.append(0)
                    // The bottom-right cell reports ERR although it is drawn; nothing to do about it.
                    _ = vmw_put_cell(window, Int32(y), Int32(x), chars, attrs, pair)
                }
            }
        }
        if let cursor = screen.cursor {
            wmove(window, Int32(cursor.y), Int32(cursor.x))
            if !cursorVisible { curs_set(1); cursorVisible = true }
        } else if cursorVisible {
            curs_set(0)
            cursorVisible = false
        }
        wnoutrefresh(window)
        doupdate()
        previous = screen
    }

    /// Waits up to the input timeout for a key, a resize or a signal.
    public func read() -> TerminalInput {
        let caught = vmw_take_signal()
        if caught != 0 { return .signal(caught) }
        var character: wint_t = 0
        let result = wget_wch(window, &character)
        let afterRead = vmw_take_signal()
        if afterRead != 0 { return .signal(afterRead) }
        if result == ERR { return .idle }
        if result == KEY_CODE_YES {
            let code = Int32(character)
            if code == KEY_RESIZE { return .resize(width: size.width, height: size.height) }
            if code == KEY_MOUSE {
                skipMouseReport()
                return .idle
            }
            return Self.functionKey(code).map { .key($0) } ?? .idle
        }
        if character == 27 { return readEscapeSequence() }
        return Self.characterKey(UInt32(character)).map { .key($0) } ?? .idle
    }

    static let inputTimeoutMs: Int32 = 100
    /// The longest paste taken; the rest of a larger one is dropped.
    static let maxPasteScalars = 64 * 1024

    /// One more unit of input within `timeoutMs`: a character, or a key code ncurses decoded.
    private func next(timeoutMs: Int32) -> (code: UInt32, isKeyCode: Bool)? {
        wtimeout(window, timeoutMs)
        defer { wtimeout(window, Self.inputTimeoutMs) }
        var character: wint_t = 0
        let result = wget_wch(window, &character)
        if result == ERR { return nil }
        return (UInt32(character), result == KEY_CODE_YES)
    }

    /// ncurses recognises the start of a mouse report from terminfo (`kmous`) even though vmwizard never asks
    /// for mouse events; the rest of the report follows as characters and must not be read as keys.
    private func skipMouseReport() {
        let sgr = mouseReportIsSGR
        var count = 0
        while count < EscapeSequence.maxLength, let unit = next(timeoutMs: 10), !unit.isKeyCode {
            count += 1
            // SGR reports end in M or m; X10 reports are three raw bytes.
            if sgr ? (unit.code == 0x4D || unit.code == 0x6D) : count == 3 { return }
        }
    }

    /// After an Esc: the Esc key, a key ncurses did not know, a bracketed paste, or something to ignore.
    private func readEscapeSequence() -> TerminalInput {
        var body: [Unicode.Scalar] = []
        while true {
            guard let unit = next(timeoutMs: 10) else {
                // Nothing more came: a lone Esc is the key; a cut-off sequence is dropped.
                return body.isEmpty ? .key(.escape) : .idle
            }
            if unit.isKeyCode {
                // A decoded key inside a sequence: the sequence was not one; keep the key.
                if Int32(unit.code) == KEY_RESIZE { return .resize(width: size.width, height: size.height) }
                return Self.functionKey(Int32(unit.code)).map { .key($0) } ?? .idle
            }
            guard let scalar = Unicode.Scalar(unit.code) else { return .idle }
            body.append(scalar)
            guard let meaning = EscapeSequence.classify(body) else { continue }
            switch meaning {
            case .key(let key): return .key(key)
            case .ignore, .pasteEnd: return .idle
            case .pasteStart: return readPaste()
            }
        }
    }

    /// The text of a bracketed paste, up to its end marker (or a pause of half a second).
    private func readPaste() -> TerminalInput {
        var text = String.UnicodeScalarView()
        var count = 0
        reading: while let unit = next(timeoutMs: 500) {
            if unit.isKeyCode { continue }
            if unit.code == 27 {
                var body: [Unicode.Scalar] = []
                while let more = next(timeoutMs: 30), !more.isKeyCode, let scalar = Unicode.Scalar(more.code) {
                    body.append(scalar)
                    guard let meaning = EscapeSequence.classify(body) else { continue }
                    if meaning == .pasteEnd { break reading }
                    break
                }
                continue
            }
            guard let scalar = Unicode.Scalar(unit.code), count < Self.maxPasteScalars else { continue }
            text.append(scalar == "\r" ? "\n" : scalar)
            count += 1
        }
        return .key(.paste(String(text)))
    }

    static func functionKey(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_NPAGE: return .pageDown
        case KEY_PPAGE: return .pageUp
        case KEY_BTAB: return .backTab
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_IC: return .insert
        case KEY_ENTER: return .enter
        default:
            for number in 1...12 where code == vmw_KEY_F(Int32(number)) { return .function(number) }
            return nil
        }
    }

    static func characterKey(_ value: UInt32) -> Key? {
        switch value {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 1...26: return .ctrl(Character(Unicode.Scalar(UInt8(value + 96))))
        case 0..<32: return nil
        default:
            guard let scalar = Unicode.Scalar(value) else { return nil }
            return .char(Character(scalar))
        }
    }
}
