#ifndef VMWIZARD_TERMINAL_GUARD_H
#define VMWIZARD_TERMINAL_GUARD_H

#include <stddef.h>

/* A crash (SIGSEGV, SIGABRT, a Swift trap) cannot run endwin. These calls arm handlers that put the terminal
   back with async-signal-safe calls only: they write `restore` (the terminfo strings that leave the alternate
   screen and keypad mode and show the cursor, plus the end of bracketed paste) to `fd`, set the termios saved
   by vmw_guard_save_termios, then let the process die of the same signal. */
void vmw_guard_save_termios(int fd);
void vmw_guard_arm(int fd, const char *restore, size_t length);
void vmw_guard_disarm(void);

#endif
