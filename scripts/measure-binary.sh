#!/usr/bin/env bash
# Prints the figures of a vmwizard binary (default: dist/vmwizard from scripts/build-release.sh): its size,
# the shared libraries it needs (ELF NEEDED), and its resident memory once the first frame is on the
# screen, running `vmwizard --demo` in a 100x30 tmux pane (three runs). benchmarks/binary.txt holds its output.
#
# Usage: scripts/measure-binary.sh [BINARY]       Needs: tmux, readelf.
set -euo pipefail
cd "$(dirname "$0")/.."
binary=$(realpath "${1:-dist/vmwizard}")
[ -x "$binary" ] || { echo "no binary at $binary: run scripts/build-release.sh first" >&2; exit 1; }
command -v tmux >/dev/null || { echo "tmux is missing" >&2; exit 1; }

bytes=$(stat -c %s "$binary")
echo "binary: ${binary#"$(pwd)"/} ($("$binary" --version)), measured $(date -u +%Y-%m-%d) on $(uname -m), $(nproc) cores"
echo "size: $bytes bytes ($(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1048576 }') MiB)$(
    readelf -S "$binary" | grep -q '\.symtab' && echo ', not stripped' || echo ', stripped')"
echo "needed: $(readelf -d "$binary" | sed -n 's/.*(NEEDED).*Shared library: \[\(.*\)\]/\1/p' | tr '\n' ' ')"
echo "interpreter: $(readelf -l "$binary" | sed -n 's/.*Requesting program interpreter: \(.*\)\]/\1/p')"

state=$(mktemp -d)
socket="vmwizard-measure-$$"
cleanup() {
    tmux -L "$socket" kill-server 2>/dev/null || true
    rm -rf "$state"
}
trap cleanup EXIT

# kB of a field in a /proc file ("VmRSS:   12345 kB").
field() { awk -v name="$1:" '$1 == name { print $2 }' "$2"; }

echo "resident memory, vmwizard --demo in a 100x30 tmux pane (kB; Pss and Private from smaps_rollup):"
for run in 1 2 3; do
    rm -rf "${state:?}"/*
    tmux -L "$socket" -f /dev/null new-session -d -x 100 -y 30 \
        "exec env XDG_STATE_HOME='$state' LANG=C.UTF-8 TERM=xterm-256color '$binary' --demo"
    pid=$(tmux -L "$socket" display-message -p -t 0 '#{pane_pid}')
    # The first frame is complete when the footer (drawn last) and the first field are both on the screen.
    for _ in $(seq 1 500); do
        screen=$(tmux -L "$socket" capture-pane -p -t 0 2>/dev/null || true)
        if grep -q 'Node' <<< "$screen" && grep -q 'F1' <<< "$screen"; then break; fi
        sleep 0.01
    done
    grep -q 'Node' <<< "$screen" || { echo "the first frame never appeared:"; echo "$screen"; exit 1; } >&2
    first_rss=$(field VmRSS "/proc/$pid/status")
    first_pss=$(field Pss "/proc/$pid/smaps_rollup")
    sleep 1
    idle_rss=$(field VmRSS "/proc/$pid/status")
    hwm=$(field VmHWM "/proc/$pid/status")
    private=$(awk '$1 == "Private_Clean:" || $1 == "Private_Dirty:" { sum += $2 } END { print sum }' "/proc/$pid/smaps_rollup")
    echo "  run $run: after the first frame VmRSS $first_rss, Pss $first_pss; after 1 s idle VmRSS $idle_rss," \
        "Private $private, peak VmHWM $hwm"
    tmux -L "$socket" kill-server 2>/dev/null || true
    sleep 0.2
done
