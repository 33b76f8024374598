#!/usr/bin/env bash
# PNG screenshots of every wizard tab, taken from the real binary running in tmux at 100x30.
#
#   scripts/screenshots.sh [path-to-vmwizard]
#
# Without an argument it builds the release binary (through the shared build lock) and uses
# .build/release/vmwizard. Writes screenshots/01-general.png ... 08-confirm.png, 09-os-windows11.png and
# 10-disks-advanced.png, 11-zh-os-windows11.png (the Chinese screens, chosen by LANG=zh_CN.UTF-8), and the
# cloud image flow: 12-os-cloud-image.png, 13-cloud-init.png, 14-confirm-cloud-template.png; and
# 15-system-passthrough.png (a NIC passed through). Each screen is captured with its colours (tmux capture-pane -e) and rendered by
# scripts/ansi2png.py. Readiness is always detected by polling the screen text, then waiting until two
# captures in a row are identical; there are no fixed sleeps.
#
# Needs tmux, Pillow, DejaVu Sans Mono and a CJK font for the Chinese shot (installed with apt-get as
# python3-pil, fonts-dejavu-core and fonts-wqy-zenhei if missing).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$HERE")
OUT="$ROOT/screenshots"
COLS=100
ROWS=30
TIMEOUT_S=10

if [[ $# -ge 1 ]]; then
    BIN=$(realpath "$1")
else
    echo "building the release binary (waiting for /tmp/swift-build.lock)..." >&2
    (cd "$ROOT" && flock /tmp/swift-build.lock swift build -c release --product vmwizard >&2)
    BIN="$ROOT/.build/release/vmwizard"
fi
[[ -x "$BIN" ]] || { echo "screenshots.sh: $BIN is not an executable" >&2; exit 1; }
command -v tmux >/dev/null || { echo "screenshots.sh: tmux is needed (apt-get install tmux)" >&2; exit 1; }
if [[ ! -f /usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf ]]; then
    echo "installing fonts-dejavu-core..." >&2
    apt-get install -y fonts-dejavu-core >&2
fi
if ! python3 -c 'import PIL' 2>/dev/null && ! /usr/bin/python3 -c 'import PIL' 2>/dev/null; then
    echo "installing python3-pil..." >&2
    apt-get install -y python3-pil >&2
fi
if [[ ! -f /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc ]]; then
    echo "installing fonts-wqy-zenhei (CJK glyphs for the Chinese screenshot)..." >&2
    apt-get install -y fonts-wqy-zenhei >&2
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/vmwizard-shots.XXXXXX")
SOCKET="vmwizard-shots-$$"
T=(tmux -L "$SOCKET")
PANE_PIDS=()
SESSIONS=()
cleanup() {
    # Quit each wizard the normal way (Esc, then y on the "Quit vmwizard?" popup). Killing the tmux server
    # instead would send SIGHUP, after which vmwizard waits 30 s before exiting (see the report).
    local i name pid deadline
    for i in "${!SESSIONS[@]}"; do
        name=${SESSIONS[$i]} pid=${PANE_PIDS[$i]}
        kill -0 "$pid" 2>/dev/null || continue
        "${T[@]}" send-keys -t "$name" Escape 2>/dev/null || true
        deadline=$((SECONDS + 3))
        until screen_text "$name" 2>/dev/null | grep -qE "Quit vmwizard\?|退出 vmwizard" || ((SECONDS >= deadline)); do sleep 0.05; done
        "${T[@]}" send-keys -t "$name" y 2>/dev/null || true
        deadline=$((SECONDS + 3))
        while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.05; done
        kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null
    done
    "${T[@]}" kill-server 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT
mkdir -p "$OUT"

# Starts the wizard on the demo host in a new detached session named $1, with its own empty state folder
# (so no saved draft asks "Resume?" and the Advanced preference starts off).
# An optional second argument is the locale (zh_CN.UTF-8 shows the Chinese screens).
start() {
    local name=$1 locale=${2:-C.UTF-8} state="$WORK/state-$1"
    mkdir -p "$state"
    "${T[@]}" -f /dev/null new-session -d -s "$name" -x "$COLS" -y "$ROWS" \
        "exec env LANGUAGE= LANG=$locale LC_ALL=$locale TERM=xterm-256color HOME='$state' XDG_STATE_HOME='$state' '$BIN' --demo"
    SESSIONS+=("$name")
    PANE_PIDS+=("$("${T[@]}" display-message -p -t "$name" '#{pane_pid}')")
    wait_for "$name" "Esc"
}

screen_text() { "${T[@]}" capture-pane -p -t "$1"; }
screen_sgr() { "${T[@]}" capture-pane -p -e -N -t "$1"; }

# Waits until the plain screen text of session $1 contains the fixed string $2, then until it settles.
wait_for() {
    local name=$1 needle=$2 deadline=$((SECONDS + TIMEOUT_S))
    until screen_text "$name" | grep -qF -- "$needle"; do
        if ((SECONDS >= deadline)); then
            echo "screenshots.sh: timed out waiting for '$needle'; the screen is:" >&2
            screen_text "$name" >&2
            exit 1
        fi
        sleep 0.05
    done
    settle "$name"
}

# Waits until two captures (with attributes) 100 ms apart are identical.
settle() {
    local name=$1 before after deadline=$((SECONDS + TIMEOUT_S))
    before=$(screen_sgr "$name")
    while :; do
        sleep 0.1
        after=$(screen_sgr "$name")
        [[ "$after" == "$before" ]] && return 0
        ((SECONDS >= deadline)) && { echo "screenshots.sh: screen of $name never settled" >&2; exit 1; }
        before=$after
    done
}

keys() { local name=$1; shift; "${T[@]}" send-keys -t "$name" "$@"; }
type_text() { "${T[@]}" send-keys -t "$1" -l "$2"; }

# shot SESSION FILE: captures the settled screen with colours and renders it.
shot() {
    local name=$1 file=$2
    settle "$name"
    screen_sgr "$name" >"$WORK/$file.ans"
    # The text cursor, when the wizard shows it (text fields), is drawn as a bar.
    local flag x y cursor=()
    read -r flag x y < <("${T[@]}" display-message -p -t "$name" '#{cursor_flag} #{cursor_x} #{cursor_y}')
    [[ "$flag" == 1 ]] && cursor=(--cursor "$x,$y")
    python3 "$HERE/ansi2png.py" --cols "$COLS" --rows "$ROWS" "${cursor[@]}" "$WORK/$file.ans" "$OUT/$file.png"
    echo "$OUT/$file.png"
}

# On the OS tab: focus "ISO image" (third field), open its picker, filter by $2 and pick the match.
pick_iso() {
    local name=$1 filter=$2 expect=$3
    keys "$name" Down Down
    wait_for "$name" "config: ide2 file="
    keys "$name" Enter
    wait_for "$name" "Pick: ISO image"
    type_text "$name" "$filter"
    wait_for "$name" "1 of 4"
    keys "$name" Enter
    wait_for "$name" "$expect"
}

# The eight tabs with a Debian ISO picked, then the Disks tab with the advanced options shown.
start main
shot main 01-general
keys main PgDn
wait_for main "Install media"
pick_iso main debian "ISO image           debian-13"
shot main 02-os
keys main PgDn
wait_for main "Graphic card"
shot main 03-system
keys main PgDn
wait_for main "Disks               [scsi0]"
shot main 04-disks
keys main PgDn
wait_for main "Sockets"
shot main 05-cpu
keys main PgDn
wait_for main "Memory              2048"
shot main 06-memory
keys main PgDn
wait_for main "Network             [net0]"
shot main 07-network
keys main PgDn
wait_for main "Cloud-Init drive"
keys main PgDn
wait_for main "Commands that Create runs"
shot main 08-confirm

# The OS tab with a Windows 11 ISO: the detected OS and the proposed VirtIO drivers CD.
start win
keys win PgDn
wait_for win "Install media"
pick_iso win win11 "Driver ISO image"
shot win 09-os-windows11

# Disks with the Advanced toggle on (F2), in a fresh session so the shots above stay basic.
start adv
keys adv PgDn
wait_for adv "Install media"
pick_iso adv debian "ISO image           debian-13"
keys adv PgDn PgDn
wait_for adv "Disks               [scsi0]"
keys adv F2
wait_for adv "Advanced options shown"
shot adv 10-disks-advanced

# The same Windows 11 proposals in Chinese, the language picked from LANG.
start zh zh_CN.UTF-8
keys zh PgDn
wait_for zh "安装介质"
keys zh Down Down
wait_for zh "配置项：ide2 file="
keys zh Enter
wait_for zh "选择：ISO 镜像"
type_text zh win11
wait_for zh "1 / 4"
keys zh Enter
wait_for zh "驱动 ISO 镜像"
shot zh 11-zh-os-windows11

# The cloud image flow: the Debian cloud image, a user, a password and the node's SSH key, then Confirm.
start cloud
keys cloud PgDn
wait_for cloud "Install media"
keys cloud Left
wait_for cloud "Get the image"
keys cloud Down Down
wait_for cloud "config: scsi0 import-from"
keys cloud Enter
wait_for cloud "Pick: Cloud image"
keys cloud Enter
wait_for cloud "Cloud image: debian-13"
shot cloud 12-os-cloud-image
keys cloud PgDn PgDn PgDn PgDn PgDn PgDn
wait_for cloud "Upgrade packages"
keys cloud Down Down
wait_for cloud "config: ciuser"
type_text cloud admin
keys cloud Down Enter
wait_for cloud "Set: Password"
type_text cloud "correct horse"
keys cloud Enter
wait_for cloud "(set, kept hashed)"
keys cloud Down Enter
wait_for cloud "Pick: SSH public keys"
keys cloud Enter
wait_for cloud "✓ ed25519 root@pve"
keys cloud Escape
wait_for cloud "1 key: ed25519 root@pve"
shot cloud 13-cloud-init
keys cloud F10
wait_for cloud "Commands that Create runs"
keys cloud BTab Space
wait_for cloud "[x] Create as template"
shot cloud 14-confirm-cloud-template

# Passthrough: the free dual-port 10 GbE NIC of the demo host, all functions, on the System tab (q35 and
# PCI-Express proposed).
start pt
keys pt PgDn
wait_for pt "Install media"
pick_iso pt debian "debian-13"
keys pt PgDn
wait_for pt "Passthrough (PCI and USB devices)"
keys pt Down Down Down Down Down Down
wait_for pt "+ add  - remove"
keys pt +
wait_for pt "Added hostpci0"
keys pt Down Down Right
wait_for pt "< Raw device >"
keys pt Down Enter
wait_for pt "Pick: Device"
type_text pt "01:00.0"
wait_for pt "1 of 7"
keys pt Enter
wait_for pt "82599ES"
keys pt Down Space
wait_for pt "All functions       [x]"
shot pt 15-system-passthrough
