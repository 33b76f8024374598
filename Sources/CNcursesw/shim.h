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

/* Line-drawing characters through ncurses (Unicode where the locale allows, the terminal's alternate
   character set otherwise), so borders work in any locale. */
static inline int vmw_put_line(WINDOW *w, int y, int x, int which, attr_t attrs, short pair) {
    const cchar_t *ch;
    switch (which) {
    case 0: ch = WACS_HLINE; break;
    case 1: ch = WACS_VLINE; break;
    case 2: ch = WACS_ULCORNER; break;
    case 3: ch = WACS_URCORNER; break;
    case 4: ch = WACS_LLCORNER; break;
    case 5: ch = WACS_LRCORNER; break;
    default: ch = WACS_CKBOARD; break;
    }
    wattr_set(w, attrs, pair, NULL);
    int rc = mvwadd_wch(w, y, x, ch);
    wattr_set(w, A_NORMAL, 0, NULL);
    return rc;
}

/* Signals that end the session (SIGHUP when ssh drops, SIGTERM, SIGINT): the handler only records the
   signal; the main loop notices it within one input timeout and restores the terminal. Call before
   newterm, so that ncurses then adds its SIGWINCH handler. */
#include <signal.h>
#include <string.h>
#include <unistd.h>
static volatile sig_atomic_t vmw_caught_signal = 0;
static void vmw_on_signal(int sig) { vmw_caught_signal = sig; }
static inline void vmw_install_signal_handlers(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = vmw_on_signal;
    sigemptyset(&action.sa_mask);
    sigaction(SIGHUP, &action, NULL);
    sigaction(SIGTERM, &action, NULL);
    sigaction(SIGINT, &action, NULL);
    sigaction(SIGQUIT, &action, NULL);
    signal(SIGPIPE, SIG_IGN);
    /* A parent may have started us with these blocked (the mask is inherited); we depend on them. */
    sigset_t needed;
    sigemptyset(&needed);
    sigaddset(&needed, SIGHUP);
    sigaddset(&needed, SIGTERM);
    sigaddset(&needed, SIGINT);
    sigaddset(&needed, SIGQUIT);
    sigaddset(&needed, SIGWINCH);
    sigprocmask(SIG_UNBLOCK, &needed, NULL);
    /* ncurses installs its resize handler only over the default disposition. */
    signal(SIGWINCH, SIG_DFL);
}
/* True when the terminal type can move the cursor (TERM=dumb cannot): call after newterm. */
#include <term.h>
static inline int vmw_has_cursor_addressing(void) {
    const char *cup = tigetstr("cup");
    return cup != NULL && cup != (const char *)-1;
}

/* A terminfo string capability, or NULL when the terminal has none. */
static inline const char *vmw_tigetstr(const char *name) {
    const char *value = tigetstr(name);
    return value == (const char *)-1 ? NULL : value;
}

static inline int vmw_take_signal(void) { int s = vmw_caught_signal; vmw_caught_signal = 0; return s; }
static inline int vmw_pending_signal(void) { return vmw_caught_signal; }

#endif
