#ifndef VMWIZARD_NCURSES_SHIM_H
#define VMWIZARD_NCURSES_SHIM_H

/* SwiftPM drops the -D flags of ncursesw.pc; ask for the wide-character API ourselves. */
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <locale.h>
#include <stdio.h>
#include <wchar.h>
#include <ncursesw/curses.h>

/* Macros and globals Swift cannot call or may not touch under strict concurrency, as functions. */
static inline attr_t vmw_A_BOLD(void) { return A_BOLD; }
static inline attr_t vmw_A_REVERSE(void) { return A_REVERSE; }
static inline attr_t vmw_A_UNDERLINE(void) { return A_UNDERLINE; }
static inline attr_t vmw_A_DIM(void) { return A_DIM; }
static inline attr_t vmw_A_NORMAL(void) { return A_NORMAL; }
static inline attr_t vmw_COLOR_PAIR(int n) { return COLOR_PAIR(n); }
static inline int vmw_KEY_F(int n) { return KEY_F(n); }
static inline int vmw_getmaxy(WINDOW *w) { return getmaxy(w); }
static inline int vmw_getmaxx(WINDOW *w) { return getmaxx(w); }
static inline WINDOW *vmw_stdscr(void) { return stdscr; }

/* Writes one character cell (a grapheme of up to 5 code points) with attributes and a colour pair. */
static inline int vmw_put_cell(WINDOW *w, int y, int x, const wchar_t *chars, attr_t attrs, short pair) {
    cchar_t cell;
    if (setcchar(&cell, chars, attrs, pair, NULL) != OK) return ERR;
    return mvwadd_wch(w, y, x, &cell);
}

/* Line-drawing characters through ncurses, so borders work in any locale. */
static inline int vmw_put_acs(WINDOW *w, int y, int x, int which, attr_t attrs, short pair) {
    chtype ch;
    switch (which) {
    case 0: ch = ACS_HLINE; break;
    case 1: ch = ACS_VLINE; break;
    case 2: ch = ACS_ULCORNER; break;
    case 3: ch = ACS_URCORNER; break;
    case 4: ch = ACS_LLCORNER; break;
    case 5: ch = ACS_LRCORNER; break;
    case 6: ch = ACS_LTEE; break;
    case 7: ch = ACS_RTEE; break;
    case 8: ch = ACS_TTEE; break;
    case 9: ch = ACS_BTEE; break;
    default: ch = ACS_CKBOARD; break;
    }
    return mvwaddch(w, y, x, ch | attrs | COLOR_PAIR(pair));
}

#endif
