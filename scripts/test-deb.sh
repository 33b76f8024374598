#!/usr/bin/env bash
# Installs dist/vmwizard_<version>_amd64.deb into minimal Debian roots (debootstrap --variant=minbase),
# which have no Swift in them, and checks that it works there:
#   - `apt-get install ./vmwizard_….deb` resolves the package's Depends from the Debian mirror;
#   - no Swift runtime library is anywhere in the root;
#   - `vmwizard --version`, and `vmwizard --batch --root <fixture host> --answers … --print qm|conf|json`
#     print exactly what the host's dist/vmwizard prints for the same input;
#   - the man page renders with man(1), the bash completion loads, and the package removes cleanly.
#
# Usage: scripts/test-deb.sh [SUITE…]       (default: bookworm trixie — Debian 12 and 13, i.e. PVE 8 and 9)
# Needs: root (debootstrap, chroot, mount), debootstrap, a Debian mirror (taken from /etc/apt/sources.list*,
# or DEBIAN_MIRROR=URL), and the .deb (built by scripts/build-deb.sh when missing). Each base root is cached
# as a tarball under .cache/debootstrap/ (delete it to start over), so reruns take about a minute.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

fail() { echo "test-deb: FAIL: $*" >&2; exit 1; }
step() { echo "test-deb: $*"; }

[ "$(id -u)" -eq 0 ] || fail "run as root (debootstrap, chroot and mount need it)"
if ! command -v debootstrap >/dev/null; then
    step "installing debootstrap"
    DEBIAN_FRONTEND=noninteractive apt-get install -y debootstrap >/dev/null 2>&1 \
        || { apt-get update >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y debootstrap >/dev/null 2>&1; } \
        || fail "debootstrap is missing and could not be installed (apt-get install debootstrap)"
fi

suites=("$@")
[ "${#suites[@]}" -gt 0 ] || suites=(bookworm trixie)

# The Debian mirror this machine's apt uses (deb822 "URIs:" or one-line "deb" entries), unless given.
mirror="${DEBIAN_MIRROR:-}"
if [ -z "$mirror" ]; then
    mirror=$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources 2>/dev/null \
        | sed -e 's/\[[^]]*\]//' | awk '$1 == "URIs:" || $1 == "deb" { print $2 }' \
        | grep -E '/debian/?$' | head -n 1 || true)
fi
[ -n "$mirror" ] || fail "no Debian mirror found in /etc/apt/sources.list*; set DEBIAN_MIRROR=http://…/debian"
step "mirror $mirror"

[ -x dist/vmwizard ] || scripts/build-deb.sh
version=$(dist/vmwizard --version)
deb="dist/vmwizard_${version}_amd64.deb"
[ -f "$deb" ] || scripts/build-deb.sh
[ -f "$deb" ] || fail "$deb was not built"

fixture=Tests/VMWizardCoreTests/Fixtures/hosts/standalone
work=$(mktemp -d /tmp/vmwizard-test-deb.XXXXXX)
root=""
cleanup() {
    if [ -n "$root" ]; then
        for mount in "$root/proc" "$root/dev/pts"; do
            mountpoint -q "$mount" 2>/dev/null && umount -l "$mount"
        done
    fi
    rm -rf --one-file-system "$work"
}
trap cleanup EXIT

cat > "$work/answers.json" <<'JSON'
{"name": "web1", "ide2": "local:iso/debian-13.2.0-amd64-netinst.iso,media=cdrom", "ostype": "l26",
 "scsihw": "virtio-scsi-single", "scsi0": "local-lvm:64,iothread=on", "cores": 2, "memory": 4096,
 "net0": "virtio,bridge=vmbr0,firewall=1"}
JSON

# Runs a command inside the root with a clean environment.
in_root() {
    chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 TERM=dumb \
        DEBIAN_FRONTEND=noninteractive "$@"
}

# False only when the mirror answers that it has no such suite (without curl or wget: assume it has).
mirror_serves() {
    local url="${mirror%/}/dists/$1/Release"
    if command -v curl >/dev/null; then
        curl -fsI --max-time 30 "$url" >/dev/null
    elif command -v wget >/dev/null; then
        wget -q --spider --timeout=30 "$url"
    fi
}

skipped=()
test_suite() {
    local suite=$1
    local cache="$repo/.cache/debootstrap/$suite-minbase.tar"
    if [ ! -f "$cache" ] && ! mirror_serves "$suite"; then
        step "$suite: SKIPPED: the mirror has no dists/$suite/Release"
        skipped+=("$suite")
        return
    fi
    if [ ! -f "$cache" ]; then
        step "$suite: debootstrap --variant=minbase (cached afterwards in ${cache#"$repo"/})"
        mkdir -p "$(dirname "$cache")"
        local base="$work/base-$suite"
        debootstrap --variant=minbase "$suite" "$base" "$mirror" > "$work/debootstrap-$suite.log" 2>&1 \
            || { tail -n 20 "$work/debootstrap-$suite.log" >&2; fail "$suite: debootstrap failed (log above)"; }
        tar -C "$base" --numeric-owner -cf "$cache.new" . && mv "$cache.new" "$cache"
        rm -rf --one-file-system "$base"
    fi

    root="$work/root-$suite"
    mkdir -p "$root"
    tar -C "$root" --numeric-owner -xpf "$cache"
    mount -t proc proc "$root/proc"
    cp /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true

    step "$suite: apt-get install ./$(basename "$deb")"
    cp "$deb" "$root/tmp/"
    in_root apt-get update -q > "$work/apt-$suite.log" 2>&1 \
        || { tail -n 20 "$work/apt-$suite.log" >&2; fail "$suite: apt-get update failed"; }
    in_root apt-get install -y -q "/tmp/$(basename "$deb")" >> "$work/apt-$suite.log" 2>&1 \
        || { tail -n 30 "$work/apt-$suite.log" >&2; fail "$suite: installing the package failed (Depends not resolvable?)"; }
    grep -E '^(Setting up|Unpacking) ' "$work/apt-$suite.log" | sed 's/^/    /'

    local swift_files
    swift_files=$(find "$root" -path "$root/proc" -prune -o \( -name 'libswift*' -o -name 'swift*' -path '*/bin/*' \) -print)
    [ -z "$swift_files" ] || fail "$suite: Swift is present in the root:"$'\n'"$swift_files"
    step "$suite: no Swift runtime in the root"

    local got
    got=$(in_root vmwizard --version) || fail "$suite: vmwizard --version exited $?"
    [ "$got" = "$version" ] || fail "$suite: vmwizard --version printed '$got', expected '$version'"
    step "$suite: vmwizard --version: $got"

    mkdir -p "$root/srv/fixture-host"
    cp -a "$fixture/." "$root/srv/fixture-host/"
    cp "$work/answers.json" "$root/srv/answers.json"
    local format expected actual
    for format in qm conf json; do
        expected=$(dist/vmwizard --batch --root "$root/srv/fixture-host" --answers "$work/answers.json" --print "$format") \
            || fail "$suite: the host's dist/vmwizard --print $format exited $?"
        actual=$(in_root vmwizard --batch --root /srv/fixture-host --answers /srv/answers.json --print "$format") \
            || fail "$suite: vmwizard --print $format in the root exited $?"
        if [ "$actual" != "$expected" ]; then
            diff <(echo "$expected") <(echo "$actual") >&2 || true
            fail "$suite: --print $format differs from the host's output (diff above: < host, > $suite)"
        fi
        [ "$format" != qm ] || step "$suite: --print qm: $actual"
    done
    step "$suite: --batch --print qm, conf and json match the host's output"

    # The wizard itself, in Chinese, drawn by the root's own ncurses and terminfo (zh_CN.UTF-8 is not
    # installed there, as on a stock host). tmux runs on this machine; the program runs in the root.
    if command -v tmux >/dev/null; then
        local socket="vmwizard-test-deb-$$-$suite" screen="" deadline=$((SECONDS + 15))
        tmux -L "$socket" -f /dev/null new-session -d -x 100 -y 30 \
            "chroot '$root' /usr/bin/env -i PATH=/usr/bin:/bin HOME=/root LANG=zh_CN.UTF-8 TERM=xterm-256color vmwizard --demo"
        until [[ "$screen" == *"演示主机"*"Esc"* ]] || ((SECONDS >= deadline)); do
            sleep 0.1
            screen=$(tmux -L "$socket" capture-pane -p 2>/dev/null || true)
        done
        tmux -L "$socket" send-keys C-c 2>/dev/null || true
        sleep 0.3
        tmux -L "$socket" kill-server 2>/dev/null || true
        [[ "$screen" == *"创建：虚拟机"*"────"* ]] || fail "$suite: the wizard did not draw its Chinese first frame:"$'\n'"$screen"
        step "$suite: the wizard draws its first frame (in Chinese, LANG=zh_CN.UTF-8 not installed)"
    fi

    in_root bash -c 'source /usr/share/bash-completion/completions/vmwizard && complete -p vmwizard' > "$work/complete" \
        || fail "$suite: the bash completion does not load"
    step "$suite: bash completion: $(cat "$work/complete")"

    in_root apt-get install -y -q --no-install-recommends man-db >> "$work/apt-$suite.log" 2>&1 \
        || { tail -n 20 "$work/apt-$suite.log" >&2; fail "$suite: installing man-db failed"; }
    local page
    page=$(in_root env MANWIDTH=80 man --warnings -P cat vmwizard 2> "$work/man-warnings") \
        || fail "$suite: man vmwizard exited $?"
    [ ! -s "$work/man-warnings" ] || fail "$suite: man vmwizard warned: $(cat "$work/man-warnings")"
    grep -qE 'vmwizard +- +create +a +Proxmox' <<< "$page" \
        || fail "$suite: man vmwizard does not show the NAME line:"$'\n'"$(head -n 10 <<< "$page")"
    step "$suite: man vmwizard renders ($(wc -l <<< "$page") lines, no warnings)"
    page=$(in_root env MANWIDTH=80 LANG=C.UTF-8 man --warnings -L zh_CN -P cat vmwizard 2> "$work/man-warnings") \
        || fail "$suite: man -L zh_CN vmwizard exited $?"
    [ ! -s "$work/man-warnings" ] || fail "$suite: man -L zh_CN vmwizard warned: $(cat "$work/man-warnings")"
    grep -q '用键盘操作的终端向导' <<< "$page" \
        || fail "$suite: man -L zh_CN vmwizard is not the Chinese page:"$'\n'"$(head -n 10 <<< "$page")"
    step "$suite: man -L zh_CN vmwizard renders the Chinese page ($(wc -l <<< "$page") lines, no warnings)"

    in_root apt-get remove -y -q vmwizard >> "$work/apt-$suite.log" 2>&1 || fail "$suite: apt-get remove vmwizard failed"
    [ ! -e "$root/usr/bin/vmwizard" ] || fail "$suite: /usr/bin/vmwizard is still there after apt-get remove"
    step "$suite: apt-get remove vmwizard leaves no binary"

    umount -l "$root/proc"
    rm -rf --one-file-system "$root"
    root=""
    step "$suite: PASS"
}

for suite in "${suites[@]}"; do
    test_suite "$suite"
done
if [ "${#skipped[@]}" -gt 0 ]; then
    echo "test-deb: passed, but skipped ${skipped[*]} (not on the mirror)"
else
    echo "test-deb: all passed (${suites[*]})"
fi
