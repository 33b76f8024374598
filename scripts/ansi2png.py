#!/usr/bin/env python3
"""Render a terminal capture with SGR colour escapes (`tmux capture-pane -p -e -N`) to a PNG.

    scripts/ansi2png.py CAPTURE.txt OUT.png [--cols 100] [--rows 30] [--font-size 16] [--cursor X,Y]
    scripts/ansi2png.py --self-test [FONT-SIZE]    (checks that double-width glyphs join up)

The capture is read as UTF-8. Only SGR sequences (ESC [ ... m) are interpreted: bold, dim, italic,
underline, blink (ignored), reverse, hidden, strike-through, the 8/16 colours, 256-colour and RGB colours,
default foreground/background; every other escape sequence is dropped. Attribute state carries from one
line to the next, as tmux emits it. Characters of East Asian width W or F take two cells, combining
marks join the previous cell. Box drawing (U+2500-U+257F) and block elements (U+2580-U+259F) are drawn as
lines and rectangles filling the whole cell, so borders connect whatever the font's line height is.

Font: DejaVu Sans Mono (Debian fonts-dejavu-core) from /usr/share/fonts/truetype/dejavu/; a CJK font
(Noto Sans CJK or WenQuanYi) is used for glyphs DejaVu lacks when one is installed, otherwise such
glyphs are drawn as an outlined box the width of their cells. A double-width glyph is drawn from the CJK
font at the size whose advance is exactly two cells, so CJK text runs without gaps, as in a terminal.
Needs Pillow (Debian python3-pil, or from PyPI).
"""
import argparse
import os
import re
import sys
import subprocess
import unicodedata

try:
    from PIL import Image, ImageDraw, ImageFont
except ImportError:
    # Debian's python3-pil serves the system interpreter; an interpreter of its own (pyenv, venv) needs PyPI.
    if sys.executable != "/usr/bin/python3" and os.path.exists("/usr/bin/python3"):
        check = subprocess.run(["/usr/bin/python3", "-c", "import PIL"], capture_output=True)
        if check.returncode == 0:
            os.execv("/usr/bin/python3", ["/usr/bin/python3"] + sys.argv)
    print("ansi2png: Pillow is missing: apt-get install python3-pil (or pip install pillow)", file=sys.stderr)
    sys.exit(1)

BACKGROUND = (0x1E, 0x1E, 0x1E)
FOREGROUND = (0xD4, 0xD4, 0xD4)

# The 16 ANSI colours, a VS Code-like dark palette.
PALETTE16 = [
    (0x00, 0x00, 0x00), (0xCD, 0x31, 0x31), (0x0D, 0xBC, 0x79), (0xE5, 0xE5, 0x10),
    (0x24, 0x72, 0xC8), (0xBC, 0x3F, 0xBC), (0x11, 0xA8, 0xCD), (0xE5, 0xE5, 0xE5),
    (0x66, 0x66, 0x66), (0xF1, 0x4C, 0x4C), (0x23, 0xD1, 0x8B), (0xF5, 0xF5, 0x43),
    (0x3B, 0x8E, 0xEA), (0xD6, 0x70, 0xD6), (0x29, 0xB8, 0xDB), (0xFF, 0xFF, 0xFF),
]


def palette256(index):
    if index < 16:
        return PALETTE16[index]
    if index < 232:
        index -= 16
        levels = [0, 95, 135, 175, 215, 255]
        return (levels[index // 36], levels[(index // 6) % 6], levels[index % 6])
    grey = 8 + (index - 232) * 10
    return (grey, grey, grey)


class Style:
    __slots__ = ("fg", "bg", "bold", "dim", "italic", "underline", "reverse", "hidden", "strike")

    def __init__(self):
        self.reset()

    def reset(self):
        self.fg = None  # None: default; int: palette index; tuple: RGB
        self.bg = None
        self.bold = self.dim = self.italic = self.underline = False
        self.reverse = self.hidden = self.strike = False

    def copy(self):
        other = Style.__new__(Style)
        for name in Style.__slots__:
            setattr(other, name, getattr(self, name))
        return other


def _extended_colour(params, i):
    """Parses 38/48 ;5;N or ;2;R;G;B starting at params[i] (the 38/48). Returns (colour, next index)."""
    if i + 1 < len(params) and params[i + 1] == 5 and i + 2 < len(params):
        return params[i + 2], i + 3
    if i + 1 < len(params) and params[i + 1] == 2 and i + 4 < len(params):
        return (params[i + 2], params[i + 3], params[i + 4]), i + 5
    return None, len(params)


def apply_sgr(style, text):
    # Colon sub-parameters (38:2::R:G:B or 38:5:N) are folded into the semicolon form.
    parts = []
    for group in text.split(";") if text else ["0"]:
        if ":" in group:
            sub = [s for s in group.split(":")]
            if len(sub) >= 3 and sub[1] == "2" and len(sub) >= 6:  # 38:2:colourspace:R:G:B
                sub = sub[:2] + sub[-3:]
            parts.extend(int(s) if s.isdigit() else 0 for s in sub)
        else:
            parts.append(int(group) if group.isdigit() else 0)
    i = 0
    while i < len(parts):
        p = parts[i]
        if p == 0:
            style.reset()
        elif p == 1:
            style.bold = True
        elif p == 2:
            style.dim = True
        elif p == 3:
            style.italic = True
        elif p == 4:
            style.underline = True
        elif p == 7:
            style.reverse = True
        elif p == 8:
            style.hidden = True
        elif p == 9:
            style.strike = True
        elif p == 21 or p == 22:
            style.bold = style.dim = False
        elif p == 23:
            style.italic = False
        elif p == 24:
            style.underline = False
        elif p == 27:
            style.reverse = False
        elif p == 28:
            style.hidden = False
        elif p == 29:
            style.strike = False
        elif 30 <= p <= 37:
            style.fg = p - 30
        elif p == 38:
            colour, i = _extended_colour(parts, i)
            style.fg = colour
            continue
        elif p == 39:
            style.fg = None
        elif 40 <= p <= 47:
            style.bg = p - 40
        elif p == 48:
            colour, i = _extended_colour(parts, i)
            style.bg = colour
            continue
        elif p == 49:
            style.bg = None
        elif 90 <= p <= 97:
            style.fg = p - 90 + 8
        elif 100 <= p <= 107:
            style.bg = p - 100 + 8
        i += 1


def char_width(ch):
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


ESCAPE = re.compile(r"\x1b(?:\[([0-9;:?<=>]*)([@-~])|\][^\x07\x1b]*(?:\x07|\x1b\\)|[()][0-9A-Za-z]|.)")


def parse(text, cols, rows):
    """Returns a rows x cols grid of (text, style, width) cells; width 0 marks the right half of a wide char."""
    blank = Style()
    grid = [[(" ", blank, 1) for _ in range(cols)] for _ in range(rows)]
    style = Style()
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    for y, line in enumerate(lines[:rows]):
        x = 0
        pos = 0
        while pos < len(line):
            ch = line[pos]
            if ch == "\x1b":
                match = ESCAPE.match(line, pos)
                if match is None:
                    pos += 1
                    continue
                if match.group(2) == "m":
                    apply_sgr(style, match.group(1))
                pos = match.end()
                continue
            pos += 1
            if ch == "\r" or ord(ch) < 32:
                continue
            w = char_width(ch)
            if w == 0:
                if x > 0:  # combining mark: join the previous cell (or its wide char's left half)
                    px = x - 1 if grid[y][x - 1][2] != 0 else x - 2
                    t, s, pw = grid[y][px]
                    grid[y][px] = (t + ch, s, pw)
                continue
            if x + w > cols:
                break
            grid[y][x] = (ch, style.copy(), w)
            if w == 2:
                grid[y][x + 1] = ("", style.copy(), 0)
            x += w
    return grid


def resolve(colour, default, bold=False):
    if colour is None:
        return default
    if isinstance(colour, tuple):
        return colour
    if bold and colour < 8:  # bold brightens the first 8 colours, as xterm does
        colour += 8
    return palette256(colour)


def blend(a, b, t):
    return tuple(round(a[i] * (1 - t) + b[i] * t) for i in range(3))


class Fonts:
    DEJAVU = "/usr/share/fonts/truetype/dejavu/"
    FALLBACKS = [
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
        "/usr/share/fonts/truetype/noto/NotoSansCJK-Regular.ttc",
        "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
        "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
        "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
    ]

    def __init__(self, size):
        def load(name):
            return ImageFont.truetype(os.path.join(self.DEJAVU, name), size)

        try:
            self.regular = load("DejaVuSansMono.ttf")
        except OSError:
            sys.exit("ansi2png: DejaVu Sans Mono not found in %s (apt-get install fonts-dejavu-core)" % self.DEJAVU)
        self.bold = self._optional(load, "DejaVuSansMono-Bold.ttf")
        self.italic = self._optional(load, "DejaVuSansMono-Oblique.ttf")
        self.bold_italic = self._optional(load, "DejaVuSansMono-BoldOblique.ttf")
        ascent, descent = self.regular.getmetrics()
        self.ascent = ascent
        self.cell_w = round(self.regular.getlength("M"))
        self.cell_h = ascent + descent
        self.fallback = None
        self.fallback_wide = None
        for path in self.FALLBACKS:
            if os.path.exists(path):
                self.fallback = ImageFont.truetype(path, size)
                # A CJK glyph is one em wide; at the text size it would leave a gap in its two cells.
                em = self.fallback.getlength("\u4e2d") or size
                self.fallback_wide = ImageFont.truetype(path, max(1, round(size * 2 * self.cell_w / em)))
                break
        self._missing = {}
        self._notdef = {}

    def _optional(self, load, name):
        try:
            return load(name)
        except OSError:
            return self.regular

    def _raster(self, font, ch):
        image = Image.new("L", (self.cell_w * 3, self.cell_h * 2), 0)
        ImageDraw.Draw(image).text((0, 0), ch, font=font, fill=255)
        return image.tobytes()

    def has_glyph(self, font, ch):
        """False when the font draws its .notdef box for ch (the rendering of a private-use code point)."""
        key = (id(font), ch)
        if key not in self._missing:
            if id(font) not in self._notdef:
                self._notdef[id(font)] = self._raster(font, "\U0010FFFD")
            self._missing[key] = self._raster(font, ch) == self._notdef[id(font)]
        return not self._missing[key]

    def pick(self, ch, bold, italic, cells=1):
        font = (self.bold_italic if bold and italic else self.bold if bold else self.italic if italic else self.regular)
        if self.has_glyph(self.regular, ch[0]):
            return font
        if self.fallback is not None:
            return self.fallback_wide if cells == 2 else self.fallback
        return None


# Box drawing: for each character, the weight of its four arms (up, right, down, left):
# 0 none, 1 light, 2 heavy, 3 double. Rounded corners are drawn as light corners.
def _box_table():
    table = {}
    light = {
        "─": (0, 1, 0, 1), "│": (1, 0, 1, 0), "┌": (0, 1, 1, 0), "┐": (0, 0, 1, 1), "└": (1, 1, 0, 0),
        "┘": (1, 0, 0, 1), "├": (1, 1, 1, 0), "┤": (1, 0, 1, 1), "┬": (0, 1, 1, 1), "┴": (1, 1, 0, 1),
        "┼": (1, 1, 1, 1), "╭": (0, 1, 1, 0), "╮": (0, 0, 1, 1), "╯": (1, 0, 0, 1), "╰": (1, 1, 0, 0),
        "╴": (0, 0, 0, 1), "╵": (1, 0, 0, 0), "╶": (0, 1, 0, 0), "╷": (0, 0, 1, 0),
    }
    table.update(light)
    heavy = {
        "━": (0, 2, 0, 2), "┃": (2, 0, 2, 0), "┏": (0, 2, 2, 0), "┓": (0, 0, 2, 2), "┗": (2, 2, 0, 0),
        "┛": (2, 0, 0, 2), "┣": (2, 2, 2, 0), "┫": (2, 0, 2, 2), "┳": (0, 2, 2, 2), "┻": (2, 2, 0, 2),
        "╋": (2, 2, 2, 2), "╸": (0, 0, 0, 2), "╹": (2, 0, 0, 0), "╺": (0, 2, 0, 0), "╻": (0, 0, 2, 0),
    }
    table.update(heavy)
    double = {
        "═": (0, 3, 0, 3), "║": (3, 0, 3, 0), "╔": (0, 3, 3, 0), "╗": (0, 0, 3, 3), "╚": (3, 3, 0, 0),
        "╝": (3, 0, 0, 3), "╠": (3, 3, 3, 0), "╣": (3, 0, 3, 3), "╦": (0, 3, 3, 3), "╩": (3, 3, 0, 3),
        "╬": (3, 3, 3, 3),
        "╒": (0, 3, 1, 0), "╕": (0, 0, 1, 3), "╘": (1, 3, 0, 0), "╛": (1, 0, 0, 3),
        "╓": (0, 1, 3, 0), "╖": (0, 0, 3, 1), "╙": (3, 1, 0, 0), "╜": (3, 0, 0, 1),
        "╞": (1, 3, 1, 0), "╡": (1, 0, 1, 3), "╤": (0, 3, 1, 3), "╧": (1, 3, 0, 3),
        "╟": (3, 1, 3, 0), "╢": (3, 0, 3, 1), "╥": (0, 1, 3, 1), "╨": (3, 1, 0, 1),
        "╪": (1, 3, 1, 3), "╫": (3, 1, 3, 1),
    }
    table.update(double)
    dashed = {"┄": "─", "┅": "━", "┆": "│", "┇": "┃", "┈": "─", "┉": "━", "┊": "│", "┋": "┃",
              "╌": "─", "╍": "━", "╎": "│", "╏": "┃"}
    for ch, base in dashed.items():
        table[ch] = table[base]
    return table


BOX = _box_table()


def draw_box(draw, ch, x0, y0, w, h, colour):
    """Draws a box-drawing character as rectangles centred in the cell, each arm reaching the cell edge."""
    up, right, down, left = BOX[ch]
    thin = max(1, round(min(w, h) / 9))
    widths = {1: thin, 2: max(thin + 1, round(thin * 2.2)), 3: thin}
    offsets = {1: [0], 2: [0], 3: [-thin - 1, thin + 1]}  # double lines: two light strokes
    cx, cy = x0 + w // 2, y0 + h // 2

    def reach(a, b):  # how far an arm runs past the centre to meet the crossing strokes
        weight = max(a, b)
        if weight == 0:
            return (widths[max(up, right, down, left)] + 1) // 2
        return max(offsets[weight]) + (widths[weight] + 1) // 2

    for weight, horizontal, start, stop in (
        (left, True, x0, cx + reach(up, down)), (right, True, cx - reach(up, down), x0 + w),
        (up, False, y0, cy + reach(left, right)), (down, False, cy - reach(left, right), y0 + h),
    ):
        if not weight:
            continue
        size = widths[weight]
        for offset in offsets[weight]:
            if horizontal:
                top = cy + offset - size // 2
                draw.rectangle([start, top, stop - 1, top + size - 1], fill=colour)
            else:
                leftx = cx + offset - size // 2
                draw.rectangle([leftx, start, leftx + size - 1, stop - 1], fill=colour)


def draw_block(draw, ch, x0, y0, w, h, fg, bg):
    code = ord(ch)
    x1, y1 = x0 + w, y0 + h
    if code == 0x2588:
        draw.rectangle([x0, y0, x1 - 1, y1 - 1], fill=fg)
    elif code == 0x2580:
        draw.rectangle([x0, y0, x1 - 1, y0 + h // 2 - 1], fill=fg)
    elif 0x2581 <= code <= 0x2587:  # lower eighths
        eighths = code - 0x2580
        draw.rectangle([x0, y1 - round(h * eighths / 8), x1 - 1, y1 - 1], fill=fg)
    elif 0x2589 <= code <= 0x258F:  # left eighths
        eighths = 0x2590 - code
        draw.rectangle([x0, y0, x0 + round(w * eighths / 8) - 1, y1 - 1], fill=fg)
    elif code == 0x2590:
        draw.rectangle([x0 + w // 2, y0, x1 - 1, y1 - 1], fill=fg)
    elif code in (0x2591, 0x2592, 0x2593):
        shade = {0x2591: 0.25, 0x2592: 0.5, 0x2593: 0.75}[code]
        draw.rectangle([x0, y0, x1 - 1, y1 - 1], fill=blend(bg, fg, shade))
    elif code == 0x2594:
        draw.rectangle([x0, y0, x1 - 1, y0 + max(1, h // 8) - 1], fill=fg)
    elif code == 0x2595:
        draw.rectangle([x1 - max(1, w // 8), y0, x1 - 1, y1 - 1], fill=fg)
    else:
        return False
    return True


def render(grid, fonts, padding=8, cursor=None):
    rows, cols = len(grid), len(grid[0])
    cw, chh = fonts.cell_w, fonts.cell_h
    image = Image.new("RGB", (cols * cw + 2 * padding, rows * chh + 2 * padding), BACKGROUND)
    draw = ImageDraw.Draw(image)
    for y, row in enumerate(grid):
        for x, (text, style, width) in enumerate(row):
            if width == 0:
                continue
            fg = resolve(style.fg, FOREGROUND, style.bold)
            bg = resolve(style.bg, BACKGROUND)
            if style.reverse:
                fg, bg = bg, fg
            if style.dim:
                fg = blend(bg, fg, 0.55)
            x0, y0 = padding + x * cw, padding + y * chh
            wpx = cw * width
            if bg != BACKGROUND:
                draw.rectangle([x0, y0, x0 + wpx - 1, y0 + chh - 1], fill=bg)
            if style.hidden or text in ("", " "):
                pass
            elif text in BOX:
                draw_box(draw, text, x0, y0, wpx, chh, fg)
            elif len(text) == 1 and 0x2580 <= ord(text) <= 0x259F and draw_block(draw, text, x0, y0, wpx, chh, fg, bg):
                pass
            else:
                font = fonts.pick(text, style.bold, style.italic, width)
                if font is None:
                    draw.rectangle([x0 + 1, y0 + 2, x0 + wpx - 2, y0 + chh - 3], outline=fg)
                else:
                    # Centre a glyph whose advance is not its cells' width (a fallback glyph in one cell).
                    advance = font.getlength(text)
                    gx = x0 + (wpx - advance) / 2 if abs(advance - wpx) > 0.5 else x0
                    draw.text((gx, y0 + fonts.ascent), text, font=font, fill=fg, anchor="ls")
            if style.underline:
                draw.line([x0, y0 + chh - 2, x0 + wpx - 1, y0 + chh - 2], fill=fg)
            if style.strike:
                draw.line([x0, y0 + chh // 2, x0 + wpx - 1, y0 + chh // 2], fill=fg)
    if cursor is not None:  # a bar cursor in the cell's text colour, as most terminals draw the text cursor
        cx, cy = cursor
        if 0 <= cx < cols and 0 <= cy < rows:
            style = grid[cy][cx][1]
            colour = resolve(style.bg, BACKGROUND) if style.reverse else resolve(style.fg, FOREGROUND, style.bold)
            x0, y0 = padding + cx * cw, padding + cy * chh
            draw.rectangle([x0, y0 + 1, x0 + max(1, cw // 8), y0 + chh - 2], fill=colour)
    return image


def widest_gap(image, y0, y1, x0, x1):
    """The widest run of columns in [x0, x1) with no pixel differing from the background in rows [y0, y1)."""
    pixels = image.load()
    widest = run = 0
    for x in range(x0, x1):
        if any(pixels[x, y] != BACKGROUND for y in range(y0, y1)):
            run = 0
        else:
            run += 1
            widest = max(widest, run)
    return widest


def self_test(font_size):
    """Checks that double-width glyphs fill their two cells: a run of 一 (one stroke the width of the em)
    must read as one line, as a terminal draws it. Exits non-zero when a gap opens between the glyphs."""
    fonts = Fonts(font_size)
    if fonts.fallback is None:
        sys.exit("ansi2png --self-test: no CJK font found in %s (apt-get install fonts-wqy-zenhei)" % fonts.FALLBACKS)
    text = "\u4e00" * 8
    grid = parse(text, 20, 1)
    padding = 8
    image = render(grid, fonts, padding=padding)
    gap = widest_gap(image, padding, padding + fonts.cell_h, padding, padding + 16 * fonts.cell_w)
    limit = max(2, fonts.cell_w // 4)
    print("ansi2png self-test: cell %dx%d px, CJK glyph size %s, widest gap in a run of wide glyphs %d px (limit %d)"
          % (fonts.cell_w, fonts.cell_h, fonts.fallback_wide.size, gap, limit))
    if gap > limit:
        sys.exit("ansi2png self-test: wide glyphs leave a %d px gap between their cells" % gap)


def main():
    if sys.argv[1:2] == ["--self-test"]:
        self_test(int(sys.argv[2]) if len(sys.argv) > 2 else 16)
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("capture")
    parser.add_argument("output")
    parser.add_argument("--cols", type=int, default=100)
    parser.add_argument("--rows", type=int, default=30)
    parser.add_argument("--font-size", type=int, default=16)
    parser.add_argument("--cursor", metavar="X,Y", help="draw the text cursor at this cell (0-based)")
    args = parser.parse_args()
    cursor = tuple(int(v) for v in args.cursor.split(",")) if args.cursor else None
    with open(args.capture, encoding="utf-8", errors="replace") as handle:
        text = handle.read()
    fonts = Fonts(args.font_size)
    grid = parse(text, args.cols, args.rows)
    render(grid, fonts, cursor=cursor).save(args.output, optimize=True)


if __name__ == "__main__":
    main()
