import VMWizardCore

public struct Rect: Sendable, Equatable {
    public var x: Int, y: Int, width: Int, height: Int
    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }
    public var maxX: Int { x + width }
    public var maxY: Int { y + height }
}

/// One terminal cell. A double-width character occupies its cell and a continuation cell (`text == ""`).
public struct Cell: Sendable, Equatable, Hashable {
    public var text: String
    public var style: Style
    public init(_ text: String = " ", style: Style = .plain) {
        self.text = text
        self.style = style
    }
    public static let blank = Cell()
    public var isContinuation: Bool { text.isEmpty }
}

/// A frame: the whole terminal as a grid of cells. Views draw into it; tests read it as text; the terminal
/// backend copies it to the screen.
public struct Screen: Sendable, Equatable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]
    /// Where the terminal's cursor should be shown (a text field being edited), if anywhere.
    public var cursor: (x: Int, y: Int)?

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public static func == (lhs: Screen, rhs: Screen) -> Bool {
        lhs.width == rhs.width && lhs.height == rhs.height && lhs.cells == rhs.cells
            && lhs.cursor?.x == rhs.cursor?.x && lhs.cursor?.y == rhs.cursor?.y
    }

    public subscript(x: Int, y: Int) -> Cell {
        guard x >= 0, y >= 0, x < width, y < height else { return .blank }
        return cells[y * width + x]
    }

    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    mutating func set(_ x: Int, _ y: Int, _ cell: Cell) {
        guard x >= 0, y >= 0, x < width, y < height else { return }
        let index = y * width + x
        // Overwriting half of a wide character blanks the other half.
        if cells[index].isContinuation, x > 0 { cells[index - 1] = Cell(" ", style: cells[index - 1].style) }
        if x + 1 < width, cells[index + 1].isContinuation, DisplayWidth.of(cells[index].text) == 2 {
            cells[index + 1] = Cell(" ", style: cells[index + 1].style)
        }
        cells[index] = cell
    }

    /// Writes `text` at (x, y) clipped to `maxWidth` columns (and the clip rectangle). Returns the columns used.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, maxWidth: Int? = nil, style: Style = .plain, clip: Rect? = nil) -> Int {
        let area = clip ?? bounds
        guard y >= area.y, y < area.maxY, y >= 0, y < height else { return 0 }
        let limit = min(area.maxX, width, maxWidth.map { x + $0 } ?? Int.max)
        var column = x
        for character in text {
            // Control characters and the like never reach the terminal: they are drawn as their escapes, which
            // DisplayWidth counts too, so layout and drawing agree.
            if let escaped = TerminalText.escaped(character) {
                if column + escaped.count > limit { break }
                for glyph in escaped {
                    if column >= area.x { set(column, y, Cell(String(glyph), style: style)) }
                    column += 1
                }
                continue
            }
            let glyph = String(character)
            let glyphWidth = DisplayWidth.of(character)
            if glyphWidth == 0 { continue }
            if column + glyphWidth > limit { break }
            if column >= area.x {
                set(column, y, Cell(glyph, style: style))
                if glyphWidth == 2 { set(column + 1, y, Cell("", style: style)) }
            }
            column += glyphWidth
        }
        return column - x
    }

    /// Fills a rectangle with spaces in `style`.
    public mutating func fill(_ rect: Rect, style: Style = .plain) {
        for row in rect.y..<rect.maxY {
            for column in rect.x..<rect.maxX { set(column, row, Cell(" ", style: style)) }
        }
    }

    /// Restyles cells without changing their text.
    public mutating func restyle(_ rect: Rect, _ transform: (inout Style) -> Void) {
        for row in max(0, rect.y)..<min(height, rect.maxY) {
            for column in max(0, rect.x)..<min(width, rect.maxX) {
                transform(&cells[row * width + column].style)
            }
        }
    }

    public mutating func horizontalLine(x: Int, y: Int, width: Int, style: Style = .border) {
        for column in x..<(x + width) { set(column, y, Cell("─", style: style)) }
    }

    public mutating func verticalLine(x: Int, y: Int, height: Int, style: Style = .border) {
        for row in y..<(y + height) { set(x, row, Cell("│", style: style)) }
    }

    /// A box outline with an optional title in the top edge.
    public mutating func box(_ rect: Rect, title: String = "", style: Style = .border) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        horizontalLine(x: rect.x + 1, y: rect.y, width: rect.width - 2, style: style)
        horizontalLine(x: rect.x + 1, y: rect.maxY - 1, width: rect.width - 2, style: style)
        verticalLine(x: rect.x, y: rect.y + 1, height: rect.height - 2, style: style)
        verticalLine(x: rect.maxX - 1, y: rect.y + 1, height: rect.height - 2, style: style)
        set(rect.x, rect.y, Cell("┌", style: style))
        set(rect.maxX - 1, rect.y, Cell("┐", style: style))
        set(rect.x, rect.maxY - 1, Cell("└", style: style))
        set(rect.maxX - 1, rect.maxY - 1, Cell("┘", style: style))
        if !title.isEmpty {
            put(" \(title) ", x: rect.x + 2, y: rect.y, maxWidth: rect.width - 4, style: .title)
        }
    }

    /// Rows as plain text, each exactly `width` columns (a wide character counts for its two columns).
    public var lines: [String] {
        (0..<height).map { row in
            var line = ""
            for column in 0..<width {
                let cell = cells[row * width + column]
                if !cell.isContinuation { line += cell.text }
            }
            return line
        }
    }

    /// The whole frame as text, trailing spaces trimmed per row: what screen tests compare.
    public var text: String {
        lines.map { line in
            var trimmed = Substring(line)
            while trimmed.last == " " { trimmed = trimmed.dropLast() }
            return String(trimmed)
        }.joined(separator: "\n")
    }
}
