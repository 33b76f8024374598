#!/usr/bin/env bash
# Builds the release binary dist/vmwizard: Swift's standard library and Foundation linked in statically,
# stripped. Then checks that it needs only shared libraries every Proxmox VE 8 (Debian 12) and 9 (Debian 13)
# host has, and prints its size.
#
# Needs: Swift 6.3 (with its static Linux SDK parts, as the toolchain ships them), libncurses-dev,
# binutils (strip, readelf). Run it from anywhere; it works in the repository root.
set -euo pipefail
cd "$(dirname "$0")/.."

# The libraries the binary may need (its ELF NEEDED entries), and why a stock host has each:
#   libc.so.6, libm.so.6, ld-linux-x86-64.so.2  libc6: every Debian package that has code Pre-Depends on it.
#   libtinfo.so.6                               libtinfo6: bash (Essential: yes, Priority: required)
#                                               Pre-Depends on it.
#   libstdc++.so.6, libgcc_s.so.1               libstdc++6 and libgcc-s1: apt (Priority: required, on every
#                                               Debian system) Depends on both. `apt-cache depends apt` on
#                                               Debian 12 lists "Depends: libgcc-s1" and "Depends: libstdc++6".
#   libncursesw.so.6                            libncursesw6: procps (Priority: important, so in every standard
#                                               install and every PVE host: top, ps, free) Depends on it. A
#                                               minbase root lacks it; the .deb's Depends brings it in there.
allowed=(libc.so.6 libm.so.6 ld-linux-x86-64.so.2 libtinfo.so.6 libstdc++.so.6 libgcc_s.so.1 libncursesw.so.6)
size_warning_bytes=15000000   # the target: under 15 MB stripped

# No $ORIGIN run path: the installed binary must not look for libraries beside itself in /usr/bin.
# -z now (with the default relro): the dynamic symbols are bound at start and the GOT is read-only.
# Size (the target is under 15 MB; FoundationEssentials and the runtime alone are ~13.7 MB), measured on
# 0.1.0: with the toolchain's lld,
#   -z pack-relative-relocs  stores the PIE's ~40,000 relative relocations as RELR (-0.7 MB; glibc >= 2.36
#                            reads them, which Debian 12 and 13 have; build-deb.sh makes Depends say so)
#   --icf=all                folds identical functions (-0.3 MB)
#   --no-export-dynamic      exports no symbols: nothing dlopens into vmwizard (-0.2 MB)
#   -Osize                   -0.2 MB, for about 0.6 ms more to the first frame (bench-tty.py)
flags=(-c release --static-swift-stdlib --disable-local-rpath --scratch-path .build-static
       -Xlinker -z -Xlinker now -Xswiftc -use-ld=lld -Xlinker -z -Xlinker pack-relative-relocs
       -Xlinker --icf=all -Xlinker --no-export-dynamic -Xswiftc -Osize)
swift build "${flags[@]}" --product vmwizard
built="$(swift build "${flags[@]}" --show-bin-path)/vmwizard"

mkdir -p dist
strip --strip-all --remove-section=.comment --remove-section=.note -o dist/vmwizard.new "$built"
mv dist/vmwizard.new dist/vmwizard

version=$(dist/vmwizard --version)
bytes=$(stat -c %s dist/vmwizard)
mib=$(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1048576 }')
echo "dist/vmwizard $version: $bytes bytes ($mib MiB) stripped"

mapfile -t needed < <(readelf -d dist/vmwizard | sed -n 's/.*(NEEDED).*Shared library: \[\(.*\)\]/\1/p')
echo "NEEDED: ${needed[*]}"
unexpected=()
for library in "${needed[@]}"; do
    ok=false
    for allowed_library in "${allowed[@]}"; do
        [ "$library" = "$allowed_library" ] && ok=true
    done
    "$ok" || unexpected+=("$library")
done
if [ "${#unexpected[@]}" -gt 0 ]; then
    echo "FAIL: dist/vmwizard needs libraries a stock PVE host is not known to have: ${unexpected[*]}" >&2
    echo "      allowed: ${allowed[*]}" >&2
    exit 1
fi
if readelf -d dist/vmwizard | grep -q '(RPATH)\|(RUNPATH)'; then
    echo "FAIL: dist/vmwizard has an RPATH/RUNPATH (it would look for libraries in the build tree):" >&2
    readelf -d dist/vmwizard | grep '(RPATH)\|(RUNPATH)' >&2
    exit 1
fi
echo "dynamic dependencies: all on the allow-list"
if [ "$bytes" -gt "$size_warning_bytes" ]; then
    echo "WARNING: dist/vmwizard is $bytes bytes, over the target of $size_warning_bytes" \
        "(see benchmarks/binary.txt for what takes the space)" >&2
fi
