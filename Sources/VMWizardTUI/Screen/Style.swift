/// The few colours the wizard uses. They are foreground accents on the terminal's own background, so they
/// read on dark and light themes alike; `NO_COLOR` drops them and keeps the attributes.
public enum Color: UInt8, Sendable, Equatable, CaseIterable {
    case red = 1, green, yellow, blue, magenta, cyan
}

public struct Style: Sendable, Equatable, Hashable {
    public var foreground: Color?
    public var bold = false
    public var dim = false
    public var reverse = false
    public var underline = false

    public init(foreground: Color? = nil, bold: Bool = false, dim: Bool = false, reverse: Bool = false, underline: Bool = false) {
        self.foreground = foreground
        self.bold = bold
        self.dim = dim
        self.reverse = reverse
        self.underline = underline
    }

    public static let plain = Style()
    public static let bold = Style(bold: true)
    public static let dim = Style(dim: true)
    public static let reverse = Style(reverse: true)
    public static let title = Style(foreground: .cyan, bold: true)
    public static let error = Style(foreground: .red, bold: true)
    public static let warning = Style(foreground: .yellow, bold: true)
    public static let good = Style(foreground: .green, bold: true)
    public static let accent = Style(foreground: .cyan)
    public static let focus = Style(reverse: true)
    /// A focused field's selected content (typing replaces it).
    public static let selection = Style(foreground: .cyan, bold: true, reverse: true)
    public static let border = Style(foreground: .blue)
}
