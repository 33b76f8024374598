#include "terminal_guard.h"

#include <signal.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

static volatile sig_atomic_t guard_fd = -1;
static int have_termios = 0;
static struct termios saved_termios;
static char restore_text[512];
static size_t restore_length = 0;

static const int fatal_signals[] = { SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP };

static void on_fatal(int sig) {
    int fd = guard_fd;
    if (fd >= 0) {
        size_t done = 0;
        while (done < restore_length) {
            ssize_t n = write(fd, restore_text + done, restore_length - done);
            if (n <= 0) break;
            done += (size_t)n;
        }
        if (have_termios) tcsetattr(fd, TCSANOW, &saved_termios);
    }
    signal(sig, SIG_DFL);
    raise(sig);
}

void vmw_guard_save_termios(int fd) {
    have_termios = tcgetattr(fd, &saved_termios) == 0;
}

void vmw_guard_arm(int fd, const char *restore, size_t length) {
    if (length > sizeof restore_text) length = sizeof restore_text;
    memcpy(restore_text, restore, length);
    restore_length = length;
    guard_fd = fd;
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = on_fatal;
    sigemptyset(&action.sa_mask);
    for (size_t i = 0; i < sizeof fatal_signals / sizeof fatal_signals[0]; i++) {
        sigaction(fatal_signals[i], &action, NULL);
    }
}

void vmw_guard_disarm(void) {
    guard_fd = -1;
}
