#!/usr/bin/env python3
"""Terminal-level benchmarks of vmwizard, measured from outside the process through a pseudo-terminal.

    scripts/bench-tty.py [--bin-dir DIR | --no-build] [--runs N] [--byte-runs N] [--fixture DIR] [--compare BIN]...

Without --bin-dir it builds the release binaries through the shared build lock
(flock /tmp/swift-build.lock swift build -c release) and uses .build/release. Prints figures (medians of
several runs) next to their targets; it never fails on a missed target.

Every interactive run forks a child on a new pty (pty.fork, so the child's /dev/tty is the pty), sets the
window to 100x30 with TIOCSWINSZ before exec, and runs it with LANG=C.UTF-8, TERM=xterm-256color and a fresh
XDG_STATE_HOME and HOME (so no saved draft asks "Resume?").

First complete frame (vmwizard): the time from just before fork() to the read() that delivers the byte
completing the footer's last hint on the bottom row, "Esc quit", in output that already contains the header
"vmwizard · Create". ncurses writes a frame top to bottom in one doupdate(), and the footer is the last row, so
this is the moment the whole first screen has been handed to the terminal. The bytes that arrive after it
until the output has been quiet for 150 ms are reported too (they should be a few bytes: the cursor park).

First complete frame (whiptail): same clock, up to the read() that delivers the bottom border of its box
("└───…┘").

Bytes per key: after the first frame, output is read until quiet for 150 ms; then one key is written and
output is counted until it is quiet for 150 ms again. Keys are sent the way a real xterm sends them in the
mode the program set: vmwizard enables keypad-transmit mode (smkx, DECCKM), so Down is ESC O B; whiptail does
not, so its Down is ESC [ B. (vmwizard also understands ESC [ B, for terminals that ignore keypad mode.)

Also printed: the start phases timed inside a fresh process (vmwizard-bench startup: host load, model, state,
first and second render), vmwizard-bench keys and inventory, and the wall time of a whole
`vmwizard --batch --root <fixture> --answers <json> --print qm` run. --compare BIN times the first frame of
another vmwizard build (e.g. one built with --static-swift-stdlib) in the same run.
"""
import argparse
import fcntl
import json
import os
import pty
import re
import select
import shutil
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
COLS, ROWS = 100, 30
QUIET_S = 0.150
TIMEOUT_S = 10.0

# Escape sequences and cursor moves ncurses may put between two words of the footer.
GAP = rb"(?:\x1b\[[0-9;?]*[@-~]|\x1b[()][0-9A-Za-z]|\x1b[=>]| )*"
VMWIZARD_HEADER = re.compile("vmwizard · Create".encode())
VMWIZARD_FOOTER_END = re.compile(rb"Esc" + GAP + rb"quit")
WHIPTAIL_BOTTOM = re.compile("└(?:─)+┘".encode())

DOWN_KEYPAD = b"\x1bOB"  # what xterm sends for Down in keypad-transmit (application cursor) mode
DOWN_NORMAL = b"\x1b[B"


class Child:
    """A program on its own pty, 100x30, with its output recorded with timestamps."""

    def __init__(self, argv, env_extra=None):
        self.state = tempfile.mkdtemp(prefix="vmwizard-bench-state.")
        env = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "COLUMNS", "LINES", "NO_COLOR")}
        # HOME too: drafts under ~/.local/state are offered as a fallback, and a resume dialog would eat the keys.
        env.update(LANG="C.UTF-8", TERM="xterm-256color", XDG_STATE_HOME=self.state, HOME=self.state)
        if env_extra:
            env.update(env_extra)
        self.start = time.perf_counter()
        pid, fd = pty.fork()
        if pid == 0:  # child: the pty slave is stdin/stdout/stderr and the controlling terminal
            try:
                fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
                os.execve(argv[0], argv, env)
            finally:
                os._exit(127)
        self.pid, self.fd = pid, fd
        self.output = bytearray()
        self.first_byte_at = None
        self.eof = False

    def read_some(self, timeout):
        """Reads what is available within timeout; returns the number of bytes (0 on timeout or EOF)."""
        if self.eof:
            return 0
        ready, _, _ = select.select([self.fd], [], [], max(0.0, timeout))
        if not ready:
            return 0
        try:
            data = os.read(self.fd, 65536)
        except OSError:  # EIO: the child closed the pty
            data = b""
        now = time.perf_counter()
        if not data:
            self.eof = True
            return 0
        if self.first_byte_at is None:
            self.first_byte_at = now
        self.output += data
        self.last_read_at = now
        return len(data)

    def wait_for(self, predicate):
        """Reads until predicate(output) is true; returns the seconds from fork to that read()."""
        deadline = time.perf_counter() + TIMEOUT_S
        while not predicate(self.output):
            if self.eof or time.perf_counter() > deadline:
                raise RuntimeError("timed out; output so far: %r" % bytes(self.output[-600:]))
            self.read_some(deadline - time.perf_counter())
        return self.last_read_at - self.start

    def read_until_quiet(self, quiet=QUIET_S):
        """Reads until no output arrives for `quiet` seconds; returns the bytes read."""
        before = len(self.output)
        deadline = time.perf_counter() + TIMEOUT_S
        while time.perf_counter() < deadline:
            if self.read_some(quiet) == 0:
                break
        return len(self.output) - before

    def key(self, data):
        """Writes one key and returns how many bytes the program wrote in answer (until quiet)."""
        os.write(self.fd, data)
        return self.read_until_quiet()

    def close(self):
        try:
            os.kill(self.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        os.waitpid(self.pid, 0)
        os.close(self.fd)
        shutil.rmtree(self.state, ignore_errors=True)


def vmwizard_frame_done(output):
    header = VMWIZARD_HEADER.search(output)
    return header is not None and VMWIZARD_FOOTER_END.search(output, header.end()) is not None


def whiptail_frame_done(output):
    return WHIPTAIL_BOTTOM.search(output) is not None


def whiptail_argv(whiptail):
    return [whiptail, "--title", "Pick", "--checklist", "Choose services", "14", "50", "4",
            "ssh", "OpenSSH server", "ON", "web", "Web server", "OFF",
            "db", "Database", "OFF", "mail", "Mail server", "OFF"]


def first_frame(argv, done, runs):
    """Median time to the first complete frame (and to the first byte), over `runs` fresh processes."""
    frame, first_byte, frame_bytes, tail_bytes = [], [], [], []
    for _ in range(runs):
        child = Child(argv)
        try:
            frame.append(child.wait_for(done) * 1000)
            first_byte.append((child.first_byte_at - child.start) * 1000)
            frame_bytes.append(len(child.output))
            tail_bytes.append(child.read_until_quiet())
        finally:
            child.close()
    return dict(frame=frame, first_byte=first_byte, frame_bytes=frame_bytes, tail_bytes=tail_bytes)


def vmwizard_key_bytes(argv, runs):
    """Bytes for focus moves on General, for a Space on "Add to HA" and for one typed character in Name."""
    moves, moves_tab, toggle, typed = [], [], [], []
    samples = []  # output of each focus move of the last run
    for _ in range(runs):
        samples = []
        # Focus: Node -> VM ID -> Name -> Resource Pool -> Add to HA with ESC O B, then Space on Add to HA.
        child = Child(argv)
        try:
            child.wait_for(vmwizard_frame_done)
            child.read_until_quiet()
            row = []
            for _ in range(4):
                before = len(child.output)
                row.append(child.key(DOWN_KEYPAD))
                samples.append(bytes(child.output[before:]))
            moves.append(row)
            toggle.append(child.key(b" "))
        finally:
            child.close()
        # Focus with Tab: Node -> VM ID.
        child = Child(argv)
        try:
            child.wait_for(vmwizard_frame_done)
            child.read_until_quiet()
            moves_tab.append(child.key(b"\t"))
        finally:
            child.close()
        # Typing: two Downs from Node to Name, then one "a".
        child = Child(argv)
        try:
            child.wait_for(vmwizard_frame_done)
            child.read_until_quiet()
            child.key(DOWN_KEYPAD)
            child.key(DOWN_KEYPAD)
            typed.append(child.key(b"a"))
        finally:
            child.close()
    return dict(moves=moves, moves_tab=moves_tab, toggle=toggle, typed=typed, samples=samples)


def whiptail_key_bytes(argv, runs):
    moves = []
    for _ in range(runs):
        child = Child(argv)
        try:
            child.wait_for(whiptail_frame_done)
            child.read_until_quiet()
            moves.append(child.key(DOWN_NORMAL))
        finally:
            child.close()
    return moves


TOKEN = re.compile(rb"\x1b\[[0-9;?]*[@-~]|\x1b[()][0-9A-Za-z]|\x1b[=>M78]|[\r\n\b]|[^\x1b\r\n\b]+")


def breakdown(data):
    """Splits terminal output into kinds of bytes (text, SGR, cursor moves, ...) and screen regions."""
    row = 1
    kinds, regions = {}, {}
    for match in TOKEN.finditer(data):
        token = match.group(0)
        kind = "text"
        if token.startswith(b"\x1b["):
            final = token[-1:]
            if final in (b"H", b"f", b"d"):
                params = token[2:-1].split(b";")
                row = int(params[0] or 1)
                kind = "cursor"
            elif final in (b"G", b"C", b"D", b"A", b"B", b"T", b"S"):
                kind = "cursor"
            elif final == b"m":
                kind = "SGR"
            elif final == b"r":
                kind = "scroll-region"
            elif final in (b"K", b"X", b"P", b"@", b"J", b"L", b"M"):
                kind = "erase"
            else:
                kind = "other"
        elif token.startswith(b"\x1b("):
            kind = "ESC(B"
        elif token.startswith(b"\x1b"):
            kind = "other"
        elif token in (b"\r", b"\n", b"\b"):
            kind = "cursor"
        kinds[kind] = kinds.get(kind, 0) + len(token)
        region = "rows 1-3" if row <= 3 else "rows %d-%d" % (ROWS - 1, ROWS) if row >= ROWS - 1 else "rows 4-%d" % (ROWS - 2)
        regions[region] = regions.get(region, 0) + len(token)
    order = lambda d: ", ".join("%s %d" % kv for kv in sorted(d.items(), key=lambda kv: -kv[1]))
    return "by kind: %s; by row: %s" % (order(kinds), order(regions))


def median(values):
    return statistics.median(values)


def verdict(value, target):
    return "ok  " if value < target else "MISS"


def line(label, value, unit, target, extra=""):
    fmt = "%.2f" if unit == "ms" else "%.0f"
    text = "  %-52s %10s %-5s  target < %-6s %s" % (label, fmt % value, unit, ("%g" % target), verdict(value, target))
    if extra:
        text += "  " + extra
    print(text)


def build():
    print("building release binaries (waiting for /tmp/swift-build.lock)...", file=sys.stderr)
    subprocess.check_call(["flock", "/tmp/swift-build.lock", "swift", "build", "-c", "release"], cwd=ROOT,
                          stdout=sys.stderr)
    return os.path.join(ROOT, ".build", "release")


def ensure_whiptail():
    path = shutil.which("whiptail")
    if path:
        return path
    print("installing whiptail (apt-get install -y whiptail)...", file=sys.stderr)
    subprocess.call(["apt-get", "install", "-y", "whiptail"], stdout=sys.stderr)
    return shutil.which("whiptail")


def fixture_answers(fixture):
    """Answers valid on the large fixture: an images storage and a bridge taken from its files."""
    with open(os.path.join(fixture, "etc/pve/storage.cfg")) as handle:
        storage = None
        current = None
        for raw in handle:
            if raw and not raw[0].isspace() and ":" in raw:
                current = raw.split(":", 1)[1].strip()
            elif current and raw.strip().startswith("content ") and "images" in raw.split()[1].split(","):
                storage = current
                break
    bridge = None
    with open(os.path.join(fixture, "etc/network/interfaces")) as handle:
        for raw in handle:
            match = re.match(r"iface (vmbr\S+)", raw)
            if match:
                bridge = match.group(1)
                break
    return {"ide2": "none,media=cdrom", "ostype": "l26", "scsi0": "%s:32" % storage,
            "net0": "virtio,bridge=%s" % bridge}


def time_command(argv, runs):
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        result = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        samples.append((time.perf_counter() - start) * 1000)
        if result.returncode != 0:
            return samples, result
    return samples, result


def main():
    parser = argparse.ArgumentParser(description="Terminal-level benchmarks of vmwizard (see the module doc).")
    parser.add_argument("--bin-dir", help="folder with vmwizard and vmwizard-bench (default: build .build/release)")
    parser.add_argument("--no-build", action="store_true", help="use .build/release without building")
    parser.add_argument("--runs", type=int, default=25, help="runs for the first-frame and batch timings (default 25)")
    parser.add_argument("--byte-runs", type=int, default=5, help="runs for the byte counts (default 5)")
    parser.add_argument("--fixture", help="folder for the 10,000-guest fixture (kept; default: a temporary folder)")
    parser.add_argument("--compare", action="append", default=[], metavar="BIN",
                        help="also time the first frame of this vmwizard binary (e.g. a --static-swift-stdlib build)")
    args = parser.parse_args()

    bin_dir = args.bin_dir or (os.path.join(ROOT, ".build", "release") if args.no_build else build())
    vmwizard = os.path.join(bin_dir, "vmwizard")
    bench = os.path.join(bin_dir, "vmwizard-bench")
    whiptail = ensure_whiptail()
    temp = tempfile.mkdtemp(prefix="vmwizard-bench.")
    fixture = args.fixture or os.path.join(temp, "fixture")
    try:
        subprocess.check_call([bench, "fixture", fixture], stdout=subprocess.DEVNULL)
        run_all(args, vmwizard, bench, whiptail, fixture, temp)
    finally:
        shutil.rmtree(temp, ignore_errors=True)


def run_all(args, vmwizard, bench, whiptail, fixture, temp):
    runs = args.runs
    load = os.getloadavg()
    print("vmwizard terminal benchmarks: %s, %dx%d pty, %d CPUs, load average %.2f %.2f %.2f"
          % (vmwizard, COLS, ROWS, os.cpu_count(), *load))
    print("(medians; [min..max] in brackets)\n")

    demo = [vmwizard, "--demo"]
    large = [vmwizard, "--root", fixture]
    wt = whiptail_argv(whiptail) if whiptail else None

    # Warm the page cache once so the first timed run is not a cold start.
    for argv, done in ((demo, vmwizard_frame_done), (large, vmwizard_frame_done)) + (((wt, whiptail_frame_done),) if wt else ()):
        first_frame(argv, done, 1)

    print("First complete frame (fork to footer written), %d runs each:" % runs)
    results = {}
    for name, argv, done, target in (("vmwizard --demo", demo, vmwizard_frame_done, 15),
                                     ("vmwizard --root <10,000-guest fixture>", large, vmwizard_frame_done, 25),
                                     ("whiptail --checklist (4 items), yardstick", wt, whiptail_frame_done, None)):
        if argv is None:
            print("  whiptail not available")
            continue
        r = first_frame(argv, done, runs)
        results[name] = r
        extra = "[%.2f..%.2f]; first byte %.2f ms; frame %d bytes, +%d after" % (
            min(r["frame"]), max(r["frame"]), median(r["first_byte"]), median(r["frame_bytes"]), median(r["tail_bytes"]))
        if target is None:
            print("  %-52s %10.2f ms     (yardstick)      %s" % (name, median(r["frame"]), extra))
        else:
            line(name, median(r["frame"]), "ms", target, extra)

    for other in args.compare:
        print("  compared binary: %s" % other)
        for name, argv, target in (("  that binary --demo", [other, "--demo"], 15),
                                   ("  that binary --root <10,000-guest fixture>", [other, "--root", fixture], 25)):
            r = first_frame(argv, vmwizard_frame_done, runs)
            line(name, median(r["frame"]), "ms", target, "[%.2f..%.2f]; first byte %.2f ms" % (
                min(r["frame"]), max(r["frame"]), median(r["first_byte"])))

    print("\nStart phases in a fresh process (vmwizard-bench startup, cold, %d processes each; ms):" % runs)
    for name, extra in (("demo host", []), ("10,000-guest fixture", [fixture])):
        phases = {}
        for _ in range(runs):
            out = subprocess.run([bench, "startup"] + extra, capture_output=True, text=True).stdout
            for key, value in re.findall(r"([a-z ]+?) ([0-9.]+) ms", out.split(":", 1)[-1]):
                phases.setdefault(key.strip(", "), []).append(float(value))
        print("  %-22s " % name + ", ".join("%s %.2f" % (k, median(v)) for k, v in phases.items()))

    print("\nBytes written to the terminal per key (after the first frame settled), %d runs each:" % args.byte_runs)
    kb = vmwizard_key_bytes(demo, args.byte_runs)
    first_moves = [m[0] for m in kb["moves"]]
    all_moves = [b for m in kb["moves"] for b in m]
    per_field = [median([m[i] for m in kb["moves"]]) for i in range(4)]
    line("vmwizard focus down one field (Node -> VM ID, ESC O B)", median(first_moves), "B", 600)
    line("vmwizard focus down with Tab (Node -> VM ID)", median(kb["moves_tab"]), "B", 600)
    line("vmwizard focus down, each General field (max)", max(per_field), "B", 600,
         "per move: " + ", ".join("%.0f" % v for v in per_field))
    names = ["Node -> VM ID", "VM ID -> Name", "Name -> Pool", "Pool -> Add to HA"]
    for name, data in zip(names, kb["samples"]):
        print("      %-18s %4d B  %s" % (name, len(data), breakdown(data)))
    line("vmwizard Space on \"Add to HA\" checkbox", median(kb["toggle"]), "B", 100)
    line("vmwizard type one character in Name", median(kb["typed"]), "B", 100)
    if wt:
        wm = whiptail_key_bytes(wt, args.byte_runs)
        print("  %-52s %10.0f B      (yardstick)" % ("whiptail focus down one item (ESC [ B)", median(wm)))

    print("\nIn-process figures (vmwizard-bench):")
    for language in ("en", "zh"):
        keys = subprocess.run([bench, "keys", language], capture_output=True, text=True).stdout.strip()
        match = re.search(r"median ([0-9.]+) ms", keys)
        if match:
            line("update+render per key (vmwizard-bench keys %s)" % language, float(match.group(1)), "ms", 1)
        print("    " + keys)
    inventory = subprocess.run([bench, "inventory", str(max(20, runs))], capture_output=True, text=True)
    match = re.search(r"median ([0-9.]+) ms", inventory.stdout)
    if match:
        line("HostInventoryLoader.load, 10,000 guests", float(match.group(1)), "ms", 20)
    for text in (inventory.stdout + inventory.stderr).strip().splitlines():
        print("    " + text)

    print("\nBatch run on the 10,000-guest fixture, %d runs (wall time of the whole process):" % runs)
    answers = fixture_answers(fixture)
    answers_path = os.path.join(temp, "answers.json")
    with open(answers_path, "w") as handle:
        json.dump(answers, handle)
    argv = [vmwizard, "--batch", "--root", fixture, "--answers", answers_path, "--print", "qm"]
    subprocess.run(argv, capture_output=True)  # warm-up
    samples, result = time_command(argv, runs)
    if result.returncode != 0:
        print("  the batch run failed (exit %d) with answers %s:" % (result.returncode, json.dumps(answers)))
        print("    " + (result.stderr.decode() + result.stdout.decode()).strip().replace("\n", "\n    "))
    else:
        line("vmwizard --batch --root <fixture> --print qm", median(samples), "ms", 60,
             "[%.2f..%.2f]" % (min(samples), max(samples)))
        print("    answers: " + json.dumps(answers))
        print("    output:  " + result.stdout.decode().strip())

    print("\nLoad average at the end: %.2f %.2f %.2f" % os.getloadavg())
    print("\nNotes:")
    print("  - vmwizard turns on keypad-transmit mode, so a real xterm sends Down as ESC O B (used above);")
    print("    it also understands ESC [ B from terminals that ignore that mode.")
    print("  - Timings include the pty and this script's select() loop; the machine is shared, so compare")
    print("    the min with the median before trusting a small difference.")


if __name__ == "__main__":
    main()
